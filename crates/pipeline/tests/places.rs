//! Where the pipeline places events, on short texts written for these tests.

use std::sync::OnceLock;

use sitrep_model::{Document, GeoPrecision};
use sitrep_pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::load_default().expect("the bundled pipeline loads"))
}

#[test]
fn an_event_in_a_sentence_without_a_place_takes_the_place_of_the_sentence_before() {
    // (text, trigger of the event in a sentence naming no place, place, precision)
    let table = [
        (
            "Police fired tear gas at students marching in Guarapari, Espirito Santo, on Monday. \
             Later that day, gunmen shot dead a shopkeeper near the market.",
            "shot dead",
            "Guarapari",
            GeoPrecision::Town,
        ),
        (
            "Army drones struck a convoy near Rutshuru in North Kivu on Sunday. \
             Officials said the rebels retaliated by shelling an army camp.",
            "shelling",
            "Rutshuru",
            GeoPrecision::Town,
        ),
        (
            "Fighting was reported in North Kivu. \
             Rebels abducted six farmers on Tuesday, a local official said.",
            "abducted",
            "North Kivu",
            GeoPrecision::Region,
        ),
    ];
    check_table(&table);
}

#[test]
fn an_event_without_a_place_nearby_takes_the_paragraph_dateline_or_headline() {
    // (text, trigger of the event in a sentence naming no place, place, precision)
    let table = [
        // The nearest earlier place of the same paragraph, however far back.
        (
            "Rebels stormed an army base outside Kidal on Monday. The fighting lasted for hours. \
             Residents said they heard heavy weapons. At dawn the rebels shelled the town.",
            "shelled",
            "Kidal",
            GeoPrecision::Town,
        ),
        // The dateline, when it lies in the country the story is about.
        (
            "MAIDUGURI, Nigeria (Wire) - Gunmen abducted eleven farmers on Monday, residents said.\n\n\
             Attacks have grown more frequent in Borno state this year.",
            "abducted",
            "Maiduguri",
            GeoPrecision::Town,
        ),
        // A reporter's city in another country is no evidence: the country of the story.
        (
            "NAIROBI (Wire) - Rebels attacked two army posts on Monday, killing six soldiers, a spokesman said.\n\n\
             The rebels want more autonomy for the Tigray region of Ethiopia.",
            "attacked",
            "Ethiopia",
            GeoPrecision::Country,
        ),
        // The headline, a first paragraph of one sentence.
        (
            "Gunmen kill four in raid near Gombe\n\n\
             Four people were shot dead on Sunday when gunmen raided a cattle market, police said.",
            "shot dead",
            "Gombe",
            GeoPrecision::Town,
        ),
    ];
    check_table(&table);
}

fn check_table(table: &[(&str, &str, &str, GeoPrecision)]) {
    for &(text, trigger, name, precision) in table {
        let doc = Document {
            id: "t".into(),
            text: text.into(),
            published: chrono::NaiveDate::from_ymd_opt(2022, 5, 5),
            ..Document::default()
        };
        let events = pipeline().extract(&doc).events;
        let event = events
            .iter()
            .find(|e| e.trigger.as_deref() == Some(trigger))
            .unwrap_or_else(|| panic!("no event on {trigger:?} in {text:?}: {events:#?}"));
        let location = event.location.as_ref().expect("a location");
        assert_eq!(
            location.name.as_deref(),
            Some(name),
            "{text:?}: {location:?}"
        );
        assert_eq!(location.precision, precision, "{text:?}: {location:?}");
    }
}

#[test]
fn an_event_no_sentence_places_takes_the_place_the_document_names_most() {
    // The story names no place before the event; Havana, named twice, is where it is.
    let text = "The government and the rebels signed a ceasefire agreement on Thursday.\n\n\
                The ceremony in Havana, Cuba, was attended by several heads of state. \
                The talks had been held in Havana for four years.";
    let extraction = pipeline().extract(&Document {
        id: "fallback".into(),
        text: text.into(),
        ..Document::default()
    });
    let event = extraction
        .events
        .iter()
        .find(|e| e.trigger.as_deref().is_some_and(|t| t.contains("signed")))
        .expect("the agreement is an event");
    let location = event.location.as_ref().expect("a location");
    assert_eq!(location.country.as_deref(), Some("CU"), "{location:?}");
    assert_eq!(location.precision, GeoPrecision::Region, "{location:?}");
    let (lat, lon) = (location.lat.unwrap(), location.lon.unwrap());
    assert!(
        (lat - 23.13).abs() < 0.3 && (lon + 82.38).abs() < 0.3,
        "{location:?}"
    );
}

#[test]
fn an_event_in_the_same_district_takes_the_place_named_last_however_far_back() {
    // (text, trigger of the event in a sentence naming no place, place, precision)
    let table = [(
        "Bandits attacked a farm near Giwa in Kaduna State on Sunday.\n\n\
         Residents fled to the forest. Police said the attackers came on motorcycles. \
         Patrols were increased.\n\n\
         Later that night, bandits abducted five residents of another village in the same district.",
        "abducted",
        "Giwa",
        GeoPrecision::Town,
    )];
    check_table(&table);
}

#[test]
fn a_story_about_one_city_places_unplaced_events_in_that_city() {
    // The headline names only the country; the city is the one place of its state the
    // story names, so it stands for the story rather than its state.
    let table = [(
        "Many dead in Mexico party attack\n\n\
         Gunmen stormed a party in Ciudad Juarez on Friday. Police in Ciudad Juarez said the \
         attackers fled. Ciudad Juarez has seen many such attacks.\n\n\
         The attackers came in two vans. The victims were young. Relatives gathered outside.\n\n\
         On Wednesday, a couple was shot dead while driving home.",
        "shot dead",
        "Ciudad Juárez",
        GeoPrecision::Region,
    )];
    check_table(&table);
}

#[test]
fn a_place_inside_a_group_name_is_not_where_an_event_happened() {
    // (text, trigger, place, precision): the group is named but is not the event's actor.
    let table = [(
        "Troops were deployed to Monguno on Saturday. Gunmen thought to be from the \
             Islamic State West Africa Province, a faction of Boko Haram, stormed the army \
             base there on Sunday.",
        "stormed",
        "Monguno",
        GeoPrecision::Town,
    )];
    check_table(&table);
}
