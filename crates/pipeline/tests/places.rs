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
