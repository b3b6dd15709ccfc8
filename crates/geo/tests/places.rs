//! Table-driven tests of toponym recognition, resolution and event location, on sentences
//! written for these tests (several conflicts and countries).

use std::sync::OnceLock;

use sitrep_geo::{distance_km, Gazetteer, Kind};
use sitrep_model::{GeoPrecision, Span};

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::embedded().expect("the embedded gazetteer loads"))
}

/// Where a mention must resolve: name, country, and optionally a point and a radius in km.
struct Expect<'a> {
    name: &'a str,
    country: &'a str,
    near: Option<(f64, f64, f64)>,
}

fn span_of(text: &str, surface: &str) -> Span {
    let start = text
        .find(surface)
        .unwrap_or_else(|| panic!("test text lacks {surface:?}"));
    Span::new(start, start + surface.len())
}

/// Checks that `surface` in `text` is found as a place and resolves as expected
/// (`None`: it must not be reported as a place at all).
fn check(text: &str, surface: &str, expected: Option<Expect>) {
    let places = gazetteer().geoparse(text);
    let span = span_of(text, surface);
    let mention = places.mentions().iter().find(|m| m.span.overlaps(span));
    match (expected, mention) {
        (None, None) => {}
        (None, Some(m)) => panic!(
            "{surface:?} in {text:?} was reported as a place ({:?}); help: add it to gazetteer/stoplist.tsv or fix the filter in recognize.rs",
            m.place.as_ref().map(|p| &p.name)
        ),
        (Some(e), None) => panic!("{surface:?} in {text:?} was not found as a place (expected {})", e.name),
        (Some(e), Some(m)) => {
            let place = m.place.as_ref().expect("a found mention is resolved");
            assert_eq!(
                (place.name.as_str(), place.country.as_str()),
                (e.name, e.country),
                "{surface:?} in {text:?} resolved to {place:?}"
            );
            if let Some((lat, lon, km)) = e.near {
                let d = distance_km(lat, lon, place.lat, place.lon);
                assert!(d <= km, "{surface:?}: {d:.0} km from ({lat}, {lon}), allowed {km}");
            }
        }
    }
}

/// Checks the place an event gets: per case (text, evidence sentence, trigger, place name).
fn check_event_places(cases: &[(&str, &str, &str, Option<&str>)]) {
    for &(text, sentence, trigger, expected) in cases {
        let places = gazetteer().geoparse(text);
        let window = span_of(text, sentence);
        let anchor = window.start + sentence.find(trigger).expect("trigger");
        let found = places.locate(window, anchor, &[]);
        assert_eq!(
            found.as_ref().and_then(|l| l.name.as_deref()),
            expected,
            "{sentence:?}: {found:?}"
        );
    }
}

fn place<'a>(name: &'a str, country: &'a str) -> Option<Expect<'a>> {
    Some(Expect {
        name,
        country,
        near: None,
    })
}

fn place_near<'a>(
    name: &'a str,
    country: &'a str,
    lat: f64,
    lon: f64,
    km: f64,
) -> Option<Expect<'a>> {
    Some(Expect {
        name,
        country,
        near: Some((lat, lon, km)),
    })
}

#[test]
fn transliteration_variants_resolve() {
    check(
        "Opposition fighters recaptured Saraqeb on Thursday after a day of shelling.",
        "Saraqeb",
        place_near("Saraqib", "SY", 35.86, 36.81, 10.0),
    );
    check(
        "Government troops shelled Saraqib, a town on the M5 highway.",
        "Saraqib",
        place_near("Saraqib", "SY", 35.86, 36.81, 10.0),
    );
    check(
        "Sirens sounded across Kiev before dawn as missiles struck an energy plant.",
        "Kiev",
        place_near("Kyiv", "UA", 50.45, 30.52, 15.0),
    );
    check(
        "Air raid alerts were declared in Kyiv and Lviv overnight.",
        "Lviv",
        place("Lviv", "UA"),
    );
    check(
        "Iraqi forces pushed into western al-Mawsil on Sunday.",
        "al-Mawsil",
        place_near("Mosul", "IQ", 36.34, 43.12, 15.0),
    );
    check(
        "Clashes were reported in Idleb countryside overnight.",
        "Idleb",
        Some(Expect {
            name: "Idlib",
            country: "SY",
            near: Some((35.9, 36.6, 40.0)),
        }),
    );
}

#[test]
fn administrative_chains_and_cues_choose_the_feature() {
    check(
        "A roadside bomb hit a police vehicle in Puli Alam city, Logar province, on Monday.",
        "Puli Alam",
        place_near("Pul-e ‘Alam", "AF", 34.0, 69.02, 10.0),
    );
    check(
        "A roadside bomb hit a police vehicle in Puli Alam city, Logar province, on Monday.",
        "Logar",
        place("Lowgar", "AF"),
    );
    check(
        "Shelling continued across Idlib province on Friday, monitors said.",
        "Idlib province",
        place("Idlib", "SY"),
    );
    check(
        "Farmers protested in Alexandria, La., against the new levy.",
        "Alexandria",
        place_near("Alexandria", "US", 31.31, -92.45, 20.0),
    );
    check(
        "Gunmen attacked a market in the town of Mubi, Adamawa State, killing nine.",
        "Mubi",
        place("Mubi", "NG"),
    );
    check(
        "Protesters gathered outside the parliament in Nairobi on Tuesday.",
        "Nairobi",
        place("Nairobi", "KE"),
    );
}

#[test]
fn document_context_disambiguates() {
    check(
        "Police in Alexandria arrested two men. The Rapides Parish sheriff said the fire started at night.",
        "Alexandria",
        place_near("Alexandria", "US", 31.31, -92.45, 20.0),
    );
    check(
        "Egyptian police in Alexandria dispersed a march towards Cairo.",
        "Alexandria",
        place("Alexandria", "EG"),
    );
    check(
        "Militants attacked a checkpoint near Tripoli in northern Lebanon, the army said.",
        "Tripoli",
        place("Tripoli", "LB"),
    );
}

#[test]
fn the_province_most_named_draws_ambiguous_towns() {
    // Province focus: the other names are in Illinois, so Paris is Paris, Illinois.
    check(
        "The Paris school board met on Tuesday. Parents from Chrisman and Kansas, Illinois, \
         asked for a bus route to Charleston, and the Illinois state board agreed.",
        "Paris",
        place_near("Paris", "US", 39.61, -87.70, 20.0),
    );
    // Province focus: Texas names make Athens the Texas town.
    check(
        "Firefighters from Athens, Tyler and Corsicana fought the grass fire. The Texas Forest \
         Service sent two planes from Longview.",
        "Athens",
        place_near("Athens", "US", 32.20, -95.85, 25.0),
    );
    // A name repeated many times counts once in the focus: the other names are in Ohio.
    check(
        "Dublin police closed the road. Dublin firefighters and Dublin paramedics stayed \
         until noon, and Dublin schools opened late. Crews from Hilliard and Worthington \
         helped, and Franklin County sent a truck.",
        "Dublin",
        place_near("Dublin", "US", 40.10, -83.11, 20.0),
    );
    // A county and its seat settle on one state instead of trading readings each round.
    check(
        "The burn ban for Walker County was lifted Monday. The Walker County fair opens \
         Friday at the fairgrounds in Huntsville, and the Texas Forest Service sent a crew.",
        "Walker County",
        place_near("Walker County", "US", 30.63, -95.52, 30.0),
    );
    // Without local context the capital keeps its prior.
    check(
        "Protesters marched through Athens against the new austerity budget.",
        "Athens",
        place("Athens", "GR"),
    );
    // Preferred names beat alternate ones: Berea in Kentucky, not an old name of Aleppo.
    check(
        "Volunteers in Berea collected food after the storm crossed Madison County, Kentucky.",
        "Berea",
        place_near("Berea", "US", 37.57, -84.30, 20.0),
    );
}

#[test]
fn a_bare_country_name_yields_to_a_town_held_by_its_neighbours() {
    // (text, name, expected): a country named by nothing else in the document gives way
    // to a town of its name that lies in a county the document names or beside a town it
    // names; with support of its own, or beside a mere state name, it stays the country.
    let towns: &[(&str, &str, Option<Expect>)] = &[
        (
            "The Scott County board met in Shakopee on Tuesday. Jordan will get a new fire \
             station next year, the board said.",
            "Jordan",
            place_near("Jordan", "US", 44.67, -93.63, 20.0),
        ),
        (
            "Boone County deputies closed two roads on Friday. Lebanon schools opened two \
             hours late and Zionsville cancelled classes.",
            "Lebanon",
            place_near("Lebanon", "US", 40.05, -86.47, 20.0),
        ),
        (
            "Two Shakopee soldiers came home from Jordan, where they trained near Amman \
             with the Jordanian army.",
            "Jordan",
            place("Jordan", "JO"),
        ),
        (
            "A Minnesota charity sent doctors and tents to Jordan for the refugees.",
            "Jordan",
            place("Jordan", "JO"),
        ),
        (
            "The Indiana senator met officials in Lebanon and Syria about the refugees.",
            "Lebanon",
            place("Lebanon", "LB"),
        ),
    ];
    for (text, name, expected) in towns {
        let expected = expected.as_ref().map(|e| Expect {
            name: e.name,
            country: e.country,
            near: e.near,
        });
        check(text, name, expected);
    }
}

#[test]
fn two_names_of_one_place_do_not_support_each_other() {
    // A town in Ohio bears both names ("Mecca" is its former name). Another name's reading
    // of that very town used to lend it full support, so "Mecca" became that town even
    // where "Medina" itself was read elsewhere. (text, name, a place it must not become)
    let cases: &[(&str, &str, &str)] = &[
        (
            "Families from Dallas and Houston prayed in Mecca and in Medina during the pilgrimage.",
            "Mecca",
            "Medina",
        ),
        (
            "Pilgrims from Austin prayed in Medina and in Mecca before flying home.",
            "Mecca",
            "Medina",
        ),
    ];
    for &(text, name, not) in cases {
        let places = gazetteer().geoparse(text);
        let span = span_of(text, name);
        let mention = places
            .mentions()
            .iter()
            .find(|m| m.span.overlaps(span))
            .unwrap_or_else(|| panic!("{name} not found in {text:?}"));
        let place = mention.place.as_ref().expect("resolved");
        assert_ne!(place.name, not, "{name} in {text:?} resolved to {place:?}");
    }
}

#[test]
fn names_with_joined_particles_are_found() {
    // "DeSoto Parish" is the gazetteer's "De Soto Parish" (Louisiana), and it holds
    // Mansfield there rather than the larger Mansfield in Texas.
    let text = "Deputies from DeSoto Parish searched the woods between Mansfield and Logansport.";
    check(
        text,
        "DeSoto Parish",
        place_near("De Soto Parish", "US", 32.13, -93.85, 30.0),
    );
    check(
        text,
        "Mansfield",
        place_near("Mansfield", "US", 32.04, -93.70, 20.0),
    );
    // "LaGrange" is also written for La Grange, Illinois, beside Brookfield in Cook County.
    check(
        "LaGrange and Brookfield police closed roads in Cook County after the storm.",
        "LaGrange",
        place_near("La Grange", "US", 41.80, -87.87, 20.0),
    );
}

#[test]
fn former_provinces_of_kenya_are_regions() {
    check(
        "Cholera cases rose in Nyanza province, health officials in Kisumu said.",
        "Nyanza",
        place_near("Nyanza Province", "KE", -0.46, 34.6, 50.0),
    );
    check(
        "Drought has hit herders across North Eastern Province, near the Somali border.",
        "North Eastern Province",
        place("North Eastern Province", "KE"),
    );
}

/// The Democratic Republic of the Congo's provinces of 2015 (regions.tsv) and Kongo
/// Central (aliases.tsv, the former Bas-Congo).
#[test]
fn provinces_of_the_congo_since_2015_are_places() {
    let cases = [
        (
            "Militia fighters burned homes in Ituri on Sunday, the army said.",
            "Ituri",
            place_near("Ituri", "CD", 1.65, 29.6, 10.0),
        ),
        (
            "Rebels attacked two villages in Haut-Uele province overnight.",
            "Haut-Uele",
            place("Haut-Uele", "CD"),
        ),
        (
            "Soldiers clashed with a militia in Tanganyika province near Kalemie.",
            "Tanganyika",
            place("Tanganyika", "CD"),
        ),
        (
            "Traders in Kongo Central protested against new road tolls.",
            "Kongo Central",
            place("Bas-Congo", "CD"),
        ),
    ];
    for (text, mention, expected) in cases {
        check(text, mention, expected);
    }
}

#[test]
fn people_months_demonyms_and_common_words_are_not_places() {
    let cases = [
        ("Assad's forces advanced on two villages.", "Assad"),
        ("Bashar al-Assad met his generals in the capital.", "Assad"),
        ("Fighting resumed in May after a brief truce.", "May"),
        ("Turkish soldiers were killed in the strike.", "Turkish"),
        ("Police said three people were detained.", "Police"),
        ("Security forces fired tear gas at the crowd.", "Security"),
        ("Read: Rebels retake key town from government.", "Read"),
        (
            "President Erdogan spoke to reporters in the evening.",
            "Erdogan",
        ),
        ("Rahmi Dogan, the governor, gave the toll.", "Dogan"),
        ("The Security Council met in emergency session.", "Security"),
        ("Syrian troops shelled the area on Thursday.", "Syrian"),
        ("The Olympic flame arrived on Monday.", "Olympic"),
        // Common given names and surnames that are also small towns.
        (
            "The council voted 5-2, and Keith abstained after a long debate.",
            "Keith",
        ),
        (
            "Officers arrested the driver; Howell told them he had been at work.",
            "Howell",
        ),
        // A person's name beside another one, or before "said", even when a small capital
        // or province has the name.
        (
            "The dealership, owned by Glenn Polk, sold 140 trucks last year.",
            "Polk",
        ),
        (
            "\"Nobody was hurt,\" Douglas said after the fire was out.",
            "Douglas",
        ),
        ("Deputy Roy A. Nelson wrote the report.", "Nelson"),
        ("A crowd cheered as Brent Webb crossed the line.", "Brent"),
    ];
    for (text, surface) in cases {
        check(text, surface, None);
    }
}

#[test]
fn places_named_like_people_stay_places() {
    // "of Tyler said": a resident of the city, not a man named Tyler.
    check(
        "Mark Hollis, 54, of Tyler said he was not worried about the storm.",
        "Tyler",
        place("Tyler", "US"),
    );
    // A country's name stays a place beside a surname-like word.
    check(
        "Relief flights reached Georgia Monday from Turkey.",
        "Georgia",
        place("Georgia", "GE"),
    );
}

#[test]
fn a_state_among_its_countrys_places_beats_a_country() {
    check(
        "Storms crossed Atlanta, Macon and Savannah overnight, and Georgia officials opened \
         shelters in Augusta.",
        "Georgia officials",
        place("Georgia", "US"),
    );
}

#[test]
fn person_names_are_places_with_support() {
    // A locative before, or the same name with support elsewhere in the document.
    check(
        "The flood reached Howell, Mich., on Sunday.",
        "Howell",
        place("Howell", "US"),
    );
    check(
        "A new clinic opened in Lindsay last week. Lindsay officials said it would serve Cooke County.",
        "Lindsay officials",
        place("Lindsay", "US"),
    );
}

#[test]
fn lists_of_countries_are_not_chains() {
    // "Iraq" is also an alternate name of Arak, a city in Iran: a list is not a chain.
    check(
        "Refugees crossed from Syria, Iraq, Iran and Turkey into the mountains.",
        "Iraq",
        place("Iraq", "IQ"),
    );
    // Islands and seas are named regions.
    check(
        "Floods cut roads across central Java and parts of Sumatra in Indonesia.",
        "Java",
        place("Java", "ID"),
    );
}

#[test]
fn mentions_become_place_records_with_code_point_offsets() {
    let text = "Über 20 Menschen — in Saraqeb und Idlib province — flohen.";
    let places = gazetteer().geoparse(text);
    let records = places.to_records("doc-1", text);
    let chars: Vec<char> = text.chars().collect();
    assert!(!records.is_empty(), "no place records in {text:?}");
    for record in &records {
        let slice: String = chars[record.start..record.end].iter().collect();
        assert_eq!(slice, record.text, "code-point offsets must slice the text");
        assert_eq!(record.doc_id, "doc-1");
    }
    let saraqeb = records
        .iter()
        .find(|r| r.text == "Saraqeb")
        .expect("Saraqeb record");
    assert_eq!(saraqeb.feature.as_deref(), Some("city"));
    assert_eq!(saraqeb.precision, GeoPrecision::Town);
    assert_eq!(saraqeb.geonameid, Some(164816));
}

/// Checks `locate` for the sentence containing `sentence` with the trigger `anchor`,
/// excluding the words in `exclude`.
fn check_locate(
    text: &str,
    sentence: &str,
    anchor: &str,
    exclude: &[&str],
    expected: Option<(&str, GeoPrecision)>,
) {
    let places = gazetteer().geoparse(text);
    let window = span_of(text, sentence);
    let anchor = window.start
        + sentence
            .find(anchor)
            .unwrap_or_else(|| panic!("sentence lacks {anchor:?}"));
    let exclude: Vec<Span> = exclude.iter().map(|w| span_of(text, w)).collect();
    let location = places.locate(window, anchor, &exclude);
    match (expected, location) {
        (None, None) => {}
        (None, Some(l)) => panic!("expected no location for {sentence:?}, got {l:?}"),
        (Some((name, _)), None) => panic!("expected {name} for {sentence:?}, got none"),
        (Some((name, precision)), Some(l)) => {
            assert_eq!(l.name.as_deref(), Some(name), "{sentence:?}: {l:?}");
            assert_eq!(l.precision, precision, "{sentence:?}: {l:?}");
        }
    }
}

const IDLIB_STORY: &str = "Fighting in Idlib province has displaced almost a million people. \
An air strike in northeast Syria killed 33 Turkish soldiers late Thursday. \
Rebels retook Saraqeb, a town in Idlib province, on Thursday. \
Government forces captured more than 20 villages in southern Idlib. \
Troops took control of the M5 highway earlier this month. \
Moscow accused Ankara of backing militants.";

#[test]
fn events_take_the_place_their_sentence_points_to() {
    check_locate(
        IDLIB_STORY,
        "An air strike in northeast Syria killed 33 Turkish soldiers late Thursday.",
        "strike",
        &[],
        Some(("Idlib", GeoPrecision::Region)),
    );
    check_locate(
        IDLIB_STORY,
        "Rebels retook Saraqeb, a town in Idlib province, on Thursday.",
        "retook",
        &[],
        Some(("Saraqib", GeoPrecision::Town)),
    );
    check_locate(
        IDLIB_STORY,
        "Government forces captured more than 20 villages in southern Idlib.",
        "captured",
        &[],
        Some(("Idlib", GeoPrecision::Region)),
    );
    check_locate(
        IDLIB_STORY,
        "Troops took control of the M5 highway earlier this month.",
        "took",
        &[],
        Some(("Idlib", GeoPrecision::Region)),
    );
    check_locate(
        IDLIB_STORY,
        "Moscow accused Ankara of backing militants.",
        "accused",
        &["Moscow", "Ankara"],
        None,
    );
    check_locate(
        "Gunmen killed four farmers near Mubi on Sunday, police said.",
        "Gunmen killed four farmers near Mubi on Sunday, police said.",
        "killed",
        &[],
        Some(("Mubi", GeoPrecision::Town)),
    );
    check_locate(
        "Protests spread across northern Ethiopia on Monday.",
        "Protests spread across northern Ethiopia on Monday.",
        "Protests",
        &[],
        Some(("Ethiopia", GeoPrecision::Region)),
    );
}

#[test]
fn the_document_focus_is_its_main_country() {
    let places = gazetteer().geoparse(IDLIB_STORY);
    let focus = places.focus().expect("a focus");
    assert_eq!(focus.country.as_deref(), Some("SY"));
    assert_eq!(focus.precision, GeoPrecision::Country);
    assert!(gazetteer()
        .geoparse("No places here at all.")
        .focus()
        .is_none());
}

#[test]
fn odd_inputs_never_panic() {
    let long = "Aleppo ".repeat(5_000);
    for text in [
        "",
        " ",
        "\u{feff}Идлиб 🙂 Saraqeb’s",
        "A-B-C-D-E-F-G-H",
        &long,
        "'s 's '",
        "St. . .",
    ] {
        let places = gazetteer().geoparse(text);
        let _ = places.to_records("d", text);
        let _ = places.locate(Span::new(0, text.len() + 10), text.len() + 5, &[]);
    }
}

#[test]
fn kinds_have_their_precision() {
    let places =
        gazetteer().geoparse("Troops moved from Aleppo to Hama province and on to Lebanon.");
    let kinds: Vec<(String, Kind)> = places
        .mentions()
        .iter()
        .map(|m| {
            (
                m.text.clone(),
                m.place.as_ref().map(|p| p.kind).unwrap_or(Kind::City),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("Aleppo".to_string(), Kind::City),
            ("Hama province".to_string(), Kind::Admin1),
            ("Lebanon".to_string(), Kind::Country)
        ]
    );
}

#[test]
fn a_bracketed_region_chains_like_a_comma() {
    let table = [
        (
            "Attackers shot two men in Paris (Texas) on Friday.",
            "Paris",
            "US",
        ),
        (
            "A crowd gathered in Jacksonville (Arkansas) to protest.",
            "Jacksonville",
            "US",
        ),
    ];
    for (text, surface, country) in table {
        check(text, surface, place(surface, country));
    }
}

#[test]
fn events_take_the_head_of_a_chain_not_strays_or_name_fragments() {
    // (text, anchor, expected place, precision)
    let table = [
        // A town followed by the town that names its state: the first is the more precise.
        (
            "In Macapa (Amapa), protesters blocked the main road on Friday.",
            "blocked",
            "Macapá",
            GeoPrecision::Town,
        ),
        // A chain before the trigger beats a neighbourhood named like a foreign city after it.
        (
            "In Irapuato, Guanajuato, gunmen opened fire on a bus in the Santa Fe neighbourhood.",
            "opened fire",
            "Irapuato",
            GeoPrecision::Town,
        ),
        // "Mala" read as a town in Peru, alone among Yemeni places: the district wins.
        (
            "Artillery shells hit farms around Mala, Harib district, in Marib province, the army said.",
            "shells",
            "Harib",
            GeoPrecision::Region,
        ),
        // The name before the province is read as a town of that name far away (the
        // gazetteer lacks the right one): the province's own town is the better guess.
        (
            "Drones dropped grenades on trenches outside Chervonyi Yar, Kharkiv, the army said.",
            "dropped",
            "Kharkiv",
            GeoPrecision::Town,
        ),
        // Two towns near each other as a chain: the first is the more specific.
        (
            "In Shwebo, Sagaing, soldiers set fire to a rice mill on Monday.",
            "set fire",
            "Shwebo",
            GeoPrecision::Town,
        ),
        // "LGA" is a district word, so the bracket after it still chains.
        (
            "In Gusau LGA (Zamfara), bandits raided a market on Saturday.",
            "raided",
            "Gusau",
            GeoPrecision::Town,
        ),
        // "Kan" is only the first word of an unknown village name (and read as a Chinese city).
        (
            "Troops raided the village of Kan Thit in Shwebo district of Sagaing region and burned 40 houses.",
            "raided",
            "Shwebo",
            GeoPrecision::Town,
        ),
    ];
    for (text, anchor, name, precision) in table {
        check_locate(text, text, anchor, &[], Some((name, precision)));
    }
}

#[test]
fn names_that_go_on_or_name_a_site_are_partial() {
    let text = "Clashes near the Porto Novo neighbourhood and in Kano on Monday left two dead; \
                shots were heard in Tin Rhassane and at Morro da Coca, and later in Lagos.";
    let places = gazetteer().geoparse(text);
    // (surface, partial)
    let table = [
        ("Porto Novo", true),
        ("Kano", false),
        ("Tin", true),
        ("Morro", true),
        ("Lagos", false),
    ];
    for (surface, partial) in table {
        let span = span_of(text, surface);
        let Some(mention) = places.mentions().iter().find(|m| m.span.overlaps(span)) else {
            // Not taken as a place at all: not partial either.
            assert!(partial, "{surface:?} should be a place");
            continue;
        };
        assert_eq!(mention.partial, partial, "{surface:?}: {mention:?}");
    }
}

/// The point of the town `name` as the geoparser reads it alone.
fn town_point(name: &str) -> (f64, f64) {
    let places = gazetteer().geoparse(name);
    let place = places.mentions()[0].place.as_ref().expect("a town");
    assert!(place.kind.is_place(), "{name} is a town: {place:?}");
    (place.lat, place.lon)
}

#[test]
fn an_event_known_only_by_its_division_is_placed_at_the_division_seat() {
    // (text, trigger, the town whose point the event takes): the division's namesake
    // town, else its largest, as event coders place province-level reports.
    let table = [
        (
            "Militants blew up a power line in Kirkuk governorate on Monday.",
            "blew up",
            "Kirkuk",
        ),
        (
            "Police arrested a dozen smugglers in Kandahar province, officials said.",
            "arrested",
            "Kandahar",
        ),
        (
            "Unknown gunmen ambushed a patrol in Nangarhar province overnight.",
            "ambushed",
            "Jalalabad",
        ),
    ];
    for (text, trigger, town) in table {
        let places = gazetteer().geoparse(text);
        let anchor = text.find(trigger).expect("trigger in text");
        let location = places
            .locate(Span::new(0, text.len()), anchor, &[])
            .unwrap_or_else(|| panic!("no place for {text:?}"));
        assert_eq!(
            location.precision,
            GeoPrecision::Region,
            "{text:?}: {location:?}"
        );
        let (lat, lon) = town_point(town);
        let km = sitrep_geo::distance_km(lat, lon, location.lat.unwrap(), location.lon.unwrap());
        assert!(
            km < 1.0,
            "{text:?} placed {km:.0} km from {town}: {location:?}"
        );
        // The mention's own record keeps the division's point.
        let record = &places.to_records("t", text)[0];
        assert!(
            record.lat != location.lat || record.lon != location.lon,
            "{text:?}"
        );
    }
}

#[test]
fn qualifiers_and_lists_do_not_take_the_event_from_the_first_place() {
    // (text, trigger, place, precision)
    let table = [
        // The brackets after the place only say where it is.
        (
            "On 2 March 2022, in Shwebo township (Shwebo district, Sagaing region), a local militia fighting the junta attacked an army column with mines.",
            "attacked",
            "Shwebo",
            GeoPrecision::Town,
        ),
        // "in X and Y": both are locative, and the first leads, after the trigger or before.
        (
            "Thousands of traders protested in Kano and Kaduna on Sunday.",
            "protested",
            "Kano",
            GeoPrecision::Town,
        ),
        (
            "In Kano and Kaduna, thousands of traders protested on Sunday.",
            "protested",
            "Kano",
            GeoPrecision::Town,
        ),
    ];
    for (text, anchor, name, precision) in table {
        check_locate(text, text, anchor, &[], Some((name, precision)));
    }
}

#[test]
fn romanised_division_names_have_their_variants() {
    // (text, surface, gazetteer name, country): "-iya" as "-ia", a final "-ah" as "-a",
    // the Arabic article dropped.
    let table = [
        (
            "Thousands marched in Oromia on Sunday.",
            "Oromia",
            "Oromiya",
            "ET",
        ),
        (
            "Warplanes struck targets in Jufra overnight.",
            "Jufra",
            "Al Jufrah",
            "LY",
        ),
    ];
    for (text, surface, name, country) in table {
        check(text, surface, place(name, country));
    }
}

#[test]
fn possessives_and_foreign_homonyms_in_event_sentences() {
    // The place after a possessive one heads the locative phrase.
    check_locate(
        "Gunmen attacked a village in northeast Nigeria\u{2019}s Borno state on Monday.",
        "Gunmen attacked a village in northeast Nigeria\u{2019}s Borno state on Monday.",
        "attacked",
        &[],
        Some(("Borno", GeoPrecision::Region)),
    );
    // A lone place of another country (a village missing from the gazetteer read as its
    // namesake abroad) in a story naming places of one country: no place for the event,
    // which then takes its context's.
    let story = "Bandits attacked villages in Giwa, Kaduna State, on Sunday. \
                 Later they raided Doka village and abducted residents.";
    check_locate(
        story,
        "Later they raided Doka village and abducted residents.",
        "raided",
        &[],
        None,
    );
}

#[test]
fn names_acting_or_modifying_a_noun_are_not_where_events_happen() {
    // (text, anchor, expected place): a capital or country as the subject of a clause is its
    // government; a name between "the" and a noun is an adjective. Neither places the event.
    let table = [
        (
            "Opposition supporters marched against the government, which Washington has sought to topple.",
            "marched",
            None,
        ),
        (
            "Gunmen killed four farmers on Monday, and Ankara condemned the attack.",
            "killed",
            None,
        ),
        // An adjective loses to a place.
        (
            "Gunmen abducted the Kaduna councillor near Zaria on Sunday.",
            "abducted",
            Some(("Zaria", GeoPrecision::Town)),
        ),
        // The same names as places.
        (
            "Opposition supporters marched in Washington on Monday.",
            "marched",
            Some(("Washington", GeoPrecision::Town)),
        ),
        (
            "Gunmen abducted a councillor in the Kaduna countryside on Sunday.",
            "abducted",
            Some(("Kaduna", GeoPrecision::Town)),
        ),
    ];
    for (text, anchor, expected) in table {
        check_locate(text, text, anchor, &[], expected);
    }
}

#[test]
fn a_name_chained_to_a_division_of_another_country_is_a_misread() {
    // "Bara" is read as a town abroad; the governorate written after it is the better guess.
    check_locate(
        "Regime forces shelled Bara town in Idleb governorate on Monday.",
        "Regime forces shelled Bara town in Idleb governorate on Monday.",
        "shelled",
        &[],
        Some(("Idlib", GeoPrecision::Region)),
    );
}

#[test]
fn the_first_word_of_an_unknown_name_abroad_is_no_place_and_no_focus() {
    // "Pont" of "Pont Sonde" (missing from the gazetteer) reads as a town in France.
    let text = "Gangs attacked Pont Sonde on Thursday. Police reached Pont Sonde overnight. \
                The toll was announced in Port-au-Prince.";
    let places = gazetteer().geoparse(text);
    assert_eq!(
        places.focus().and_then(|l| l.country).as_deref(),
        Some("HT")
    );
    check_locate(
        text,
        "Gangs attacked Pont Sonde on Thursday.",
        "attacked",
        &[],
        None,
    );
}

#[test]
fn context_sentences_give_no_place_by_an_adjective() {
    let text = "One farmer was killed by the Benue cattle thieves, residents said.";
    let places = gazetteer().geoparse(text);
    assert_eq!(places.locate_context(Span::new(0, text.len())), None);
    // As the event's own sentence it is still the only clue.
    check_locate(
        text,
        text,
        "killed",
        &[],
        Some(("Benue", GeoPrecision::Region)),
    );
}

#[test]
fn regions_of_several_countries_give_no_context_place_in_a_one_country_story() {
    let text = "Troops were deployed in Borno, Nigeria, last week. \
                Fighters of the West Africa branch stormed four army bases on Sunday.";
    let sentence = "Fighters of the West Africa branch stormed four army bases on Sunday.";
    let window = span_of(text, sentence);
    assert_eq!(gazetteer().geoparse(text).locate_context(window), None);
}

#[test]
fn the_place_a_coder_names_is_the_event_place() {
    // (text, anchor, expected place): "coded to X" is where the coder put the event.
    let table = [(
        "On 3 May, militants clashed with troops in Panjshir province [coded to Bazarak] and in Baghlan.",
        "clashed",
        Some(("Bāzārak", GeoPrecision::Town)),
    )];
    for (text, anchor, expected) in table {
        check_locate(text, text, anchor, &[], expected);
    }
}

#[test]
fn places_inside_organisation_names_lend_little_context() {
    // "Columbia University", "Georgetown University" and the "New York Daily News" are
    // organisations, not where the story is: they must not pull Augusta to New York.
    let text = "Maria Lopez grew up in Augusta and sang in its church choir. She studied at \
                Columbia University and Georgetown University before joining the New York Daily \
                News, and she came home to Augusta every summer.";
    check(
        text,
        "Augusta",
        place_near("Augusta", "US", 33.47, -81.97, 30.0),
    );
    // The names are still found as places.
    let places = gazetteer().geoparse(text);
    let span = span_of(text, "Columbia");
    assert!(places.mentions().iter().any(|m| m.span.overlaps(span)));
}

/// The reading of the mention of `surface` in `text`: None when it is found but left
/// unresolved; panics when it is not found.
fn reading(text: &str, surface: &str) -> Option<(String, String)> {
    let places = gazetteer().geoparse(text);
    let span = span_of(text, surface);
    let mention = places
        .mentions()
        .iter()
        .find(|m| m.span.overlaps(span))
        .unwrap_or_else(|| panic!("{surface:?} in {text:?} was not found as a place"));
    mention
        .place
        .as_ref()
        .map(|p| (p.name.clone(), p.country.clone()))
}

/// (text, surface, expected reading: None = found but left unresolved).
type ReadingCase<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);

/// Checks the reading of each case's surface ([`reading`]).
fn check_readings(cases: &[ReadingCase]) {
    for &(text, surface, expected) in cases {
        let got = reading(text, surface);
        let expected = expected.map(|(n, c)| (n.to_string(), c.to_string()));
        assert_eq!(got, expected, "{surface:?} in {text:?}");
    }
}

#[test]
fn features_named_after_towns_take_the_town_only_among_the_documents_places() {
    // (text, surface, expected reading: None = found but left unresolved)
    let cases: &[ReadingCase] = &[
        // The town of Kish is in Iran, far from DeKalb and Sycamore: the river stays unplaced.
        (
            "Crews cleared ice from the Kish River on Monday. Officials in DeKalb and \
             Sycamore, Illinois, said the water had risen two feet.",
            "Kish",
            None,
        ),
        // A park named after a town in Indiana, in a story about Los Angeles.
        (
            "Firefighters in Los Angeles stopped a brush fire in Griffith Park near Burbank \
             and Glendale on Sunday.",
            "Griffith",
            None,
        ),
        // The feature word alone read as a place ("Delta" State, Nigeria) beside another
        // capitalised word, in a story about Romania.
        (
            "Birds returned to the Danube Delta this spring, rangers in Tulcea and \
             Constanta said.",
            "Delta",
            None,
        ),
        // The town lies among the story's places: it stands in for the creek.
        (
            "Water from Genoa Creek closed roads in DeKalb and Sycamore, Illinois, on Friday.",
            "Genoa",
            Some(("Genoa", "US")),
        ),
        // A civil township the gazetteer lacks, named like towns far away: unplaced, even
        // beside a bare mention of the same name read as one of those towns.
        (
            "New sirens will go up in Westerville, Madison Township and Grove City, and \
             Madison will get two more, Franklin County officials said.",
            "Madison Township",
            None,
        ),
        // Myanmar's townships, in lower case, are divisions named like their seat.
        (
            "Soldiers shelled a village in Hpakant township of Kachin State on Monday.",
            "Hpakant",
            Some(("Hpākān", "MM")),
        ),
        // A country is a fair stand-in for a lake named after it.
        (
            "Fishermen on Lake Chad said gunmen came from Borno State towards Maiduguri.",
            "Chad",
            Some(("Chad", "TD")),
        ),
    ];
    check_readings(cases);
}

#[test]
fn a_name_x_city_reads_like_x_when_no_town_is_called_so() {
    // (text, surface, expected reading)
    let cases: &[(&str, &str, (&str, &str))] = &[
        // The council area and the capital share the name; in a story about Ohio the town of
        // the other mentions wins.
        (
            "Dublin City Council voted on Monday to widen two roads in Dublin, the Franklin \
             County engineer told Columbus reporters.",
            "Dublin City",
            ("Dublin", "US"),
        ),
        // An alternate name of the province: the city.
        (
            "Tourists crowded the old town of Quebec City for the winter carnival in Canada.",
            "Quebec City",
            ("Québec", "CA"),
        ),
        // Towns called "X City" stay whole.
        (
            "Storms closed roads around Kansas City on Tuesday.",
            "Kansas City",
            ("Kansas City", "US"),
        ),
        (
            "Smog covered Mexico City as traffic returned after the holiday.",
            "Mexico City",
            ("Mexico City", "MX"),
        ),
    ];
    for &(text, surface, (name, country)) in cases {
        let got = reading(text, surface);
        assert_eq!(
            got,
            Some((name.to_string(), country.to_string())),
            "{surface:?} in {text:?}"
        );
    }
}

#[test]
fn a_division_the_gazetteer_lacks_is_no_small_town_abroad() {
    // (text, surface, expected reading: None = found but left unresolved)
    let cases: &[ReadingCase] = &[
        // The village of Unity in Saskatchewan is no "state": South Sudan's Unity state
        // (a named region, as the gazetteer's GeoNames copy lacks it) is.
        (
            "Gunmen burned huts in a cattle camp in Unity state on Friday.",
            "Unity state",
            Some(("Unity", "SS")),
        ),
        // The same with a town of the document beside it: still no village abroad.
        (
            "Traders marched through Biratnagar city in Morang district over fuel prices.",
            "Morang district",
            None,
        ),
        // A village the gazetteer lacks, named with its commune and province: the commune's
        // namesake abroad is a misread, the province stays.
        (
            "Gunmen shot two herders in the village of Tindila (Yamba, Gourma) on Sunday.",
            "Yamba",
            None,
        ),
        (
            "Gunmen shot two herders in the village of Tindila (Yamba, Gourma) on Sunday.",
            "Gourma",
            Some(("Province du Gourma", "BF")),
        ),
        // A town of the division's country chained to it stays ("Paris, Texas").
        (
            "Storms hit Paris, Texas and nearby farms on Sunday.",
            "Paris",
            Some(("Paris", "US")),
        ),
        // A division of its own stays one.
        (
            "Rebels attacked a post in Idlib province overnight.",
            "Idlib province",
            Some(("Idlib", "SY")),
        ),
    ];
    check_readings(cases);
}

#[test]
fn a_small_town_abroad_among_another_countrys_names_is_a_misread() {
    // Two Indonesian towns and a village the gazetteer lacks, whose name a small Chinese
    // town bears: unresolved rather than in China.
    let text = "Farmers marched from Pontianak to Singkawang over palm oil prices, and police \
                closed the road to Hulu on Friday.";
    assert_eq!(reading(text, "Hulu"), None);
    assert_eq!(
        reading(text, "Pontianak").map(|(_, c)| c),
        Some("ID".to_string())
    );
    // The only names of a document stay where they are, however small.
    let text = "Police closed the road to Hulu on Friday.";
    assert!(reading(text, "Hulu").is_some());
}

#[test]
fn the_capital_without_its_name_is_the_countrys_capital() {
    // (text, sentence, trigger, expected place)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "Militants attacked a base in Kismayo. Later, a car bomb exploded near a hotel in the capital, police said.",
            "Later, a car bomb exploded near a hotel in the capital, police said.",
            "exploded",
            Some("Mogadishu"),
        ),
        (
            "Thousands marched in the Peruvian capital on Tuesday.",
            "Thousands marched in the Peruvian capital on Tuesday.",
            "marched",
            Some("Lima"),
        ),
        (
            "Fighting in Darfur went on. Heavy gunfire was heard in the capital city on Saturday.",
            "Heavy gunfire was heard in the capital city on Saturday.",
            "gunfire",
            Some("Khartoum"),
        ),
        (
            "Students protested in Kenya's capital on Monday.",
            "Students protested in Kenya's capital on Monday.",
            "protested",
            Some("Nairobi"),
        ),
        (
            "Riots in Kano spread. Police fired tear gas at rioters in the country's capital.",
            "Police fired tear gas at rioters in the country's capital.",
            "fired",
            Some("Abuja"),
        ),
        // The state capital, the capital's name written out, money.
        (
            "Gunmen killed six people in Borno state, 20 km from the state capital.",
            "Gunmen killed six people in Borno state, 20 km from the state capital.",
            "killed",
            Some("Borno"),
        ),
        (
            "A bomb exploded in Herat. Protesters then marched in the capital, Kabul, on Friday.",
            "Protesters then marched in the capital, Kabul, on Friday.",
            "marched",
            Some("Kabul"),
        ),
        (
            "Traders in Lagos protested against a new tax on capital gains in Nigeria.",
            "Traders in Lagos protested against a new tax on capital gains in Nigeria.",
            "protested",
            Some("Lagos"),
        ),
    ];
    check_event_places(cases);
}

#[test]
fn names_that_modify_a_noun_are_no_events_place() {
    // (text, sentence, trigger, expected place)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "Turkey-backed rebels shelled Kurdish positions on Sunday.",
            "Turkey-backed rebels shelled Kurdish positions on Sunday.",
            "shelled",
            None,
        ),
        (
            "U.S.-led forces carried out an air strike on Tuesday.",
            "U.S.-led forces carried out an air strike on Tuesday.",
            "strike",
            None,
        ),
        (
            "A Kabul-based reporter was shot dead in Herat on Monday.",
            "A Kabul-based reporter was shot dead in Herat on Monday.",
            "shot",
            Some("Herāt"),
        ),
        (
            "Opposition supporters met U.S. President Joe Biden after the march.",
            "Opposition supporters met U.S. President Joe Biden after the march.",
            "march",
            None,
        ),
        (
            "Iraq officials said a rocket hit the base on Friday.",
            "Iraq officials said a rocket hit the base on Friday.",
            "rocket",
            None,
        ),
        // A place that is where something happened stays one.
        (
            "Thousands protested in Turkey on Sunday.",
            "Thousands protested in Turkey on Sunday.",
            "protested",
            Some("Turkey"),
        ),
        (
            "Fighting in Iraq forced troops to withdraw.",
            "Fighting in Iraq forced troops to withdraw.",
            "Fighting",
            Some("Iraq"),
        ),
    ];
    check_event_places(cases);
}

#[test]
fn streets_named_after_places_lend_no_context_and_stand_in_only_nearby() {
    // (text, surface, expected reading: None = found but left unresolved)
    let cases: &[ReadingCase] = &[
        // A road in a Louisiana town named after the Irish capital: not Dublin.
        (
            "Deputies in Alexandria, Louisiana, said the trailer on Dublin Road burned on \
             Tuesday night.",
            "Dublin",
            None,
        ),
        // A drive named after a president does not draw the town to Virginia, nor is it
        // Washington itself.
        (
            "The council in Arlington, Texas, approved a gas well off Washington Drive near \
             Fort Worth and Grand Prairie.",
            "Washington",
            None,
        ),
        (
            "The council in Arlington, Texas, approved a gas well off Washington Drive near \
             Fort Worth and Grand Prairie.",
            "Arlington",
            Some(("Arlington", "US")),
        ),
        // A street named after a town among the story's places stands in for the town.
        (
            "Traffic on Columbus Avenue in Dublin, Ohio, was slowed after a crash in \
             Columbus and Hilliard.",
            "Columbus",
            Some(("Columbus", "US")),
        ),
    ];
    check_readings(cases);
    let text = "The council in Arlington, Texas, approved a gas well off Washington Drive near \
                Fort Worth and Grand Prairie.";
    check(
        text,
        "Arlington",
        place_near("Arlington", "US", 32.74, -97.11, 30.0),
    );
}

#[test]
fn a_capital_named_in_news_of_its_country_is_the_capital() {
    // A bare "Washington" in news of the United States is the federal capital, not the
    // state nor a small town of that name; only the real capital is a capital.
    check(
        "Farmers in Iowa and Nebraska asked lawmakers in Washington for drought aid.",
        "Washington",
        place_near("Washington", "US", 38.90, -77.04, 20.0),
    );
    check(
        "Officials in Atlanta said Washington had promised more money for Georgia roads.",
        "Washington",
        place_near("Washington", "US", 38.90, -77.04, 20.0),
    );
    // A capital that bears its country's name as an alternate ("Mexico" for Mexico City)
    // does not take the country's own name in news of that country.
    check(
        "Many dead in Mexico party attack. Gunmen stormed a party in Ciudad Juarez on Friday.",
        "Mexico",
        place_near("Mexico", "MX", 23.0, -102.0, 300.0),
    );
    let capitals = gazetteer()
        .find("Washington")
        .into_iter()
        .filter(|e| e.kind == Kind::Capital)
        .count();
    assert_eq!(capitals, 1, "one Washington is a capital");
}

#[test]
fn locale_words_count_towards_the_country_focus() {
    // Words of US local government say the story is American: a town named like an English
    // one, alone in the story, is read in the United States.
    let text = "Mansfield firefighters will get new trucks, the police department, the school \
                district and the county commissioners said on Monday.";
    let got = reading(text, "Mansfield").expect("Mansfield is resolved");
    assert_eq!(got.1, "US", "Mansfield in {text:?} resolved to {got:?}");
    // Without them, the larger town in England.
    let text = "Mansfield firefighters will get new trucks, officials said on Monday.";
    let got = reading(text, "Mansfield").expect("Mansfield is resolved");
    assert_eq!(got.1, "GB", "Mansfield in {text:?} resolved to {got:?}");
}

#[test]
fn south_sudans_states_missing_from_geonames_are_regions() {
    let cases = [
        (
            "Cattle raiders killed nine herders near Bor in Jonglei state on Sunday.",
            "Jonglei",
        ),
        (
            "Clashes broke out at a cantonment site in Unity state, the monitors said.",
            "Unity state",
        ),
        (
            "Floods displaced thousands in Northern Bahr el Ghazal this week.",
            "Northern Bahr el Ghazal",
        ),
        (
            "Gunmen ambushed a convoy in Western Bahr el Ghazal near Wau.",
            "Western Bahr el Ghazal",
        ),
    ];
    for (text, surface) in cases {
        let places = gazetteer().geoparse(text);
        let span = span_of(text, surface);
        let mention = places
            .mentions()
            .iter()
            .find(|m| m.span.overlaps(span))
            .unwrap_or_else(|| panic!("{surface:?} in {text:?} was not found"));
        let place = mention.place.as_ref().expect("resolved");
        assert_eq!(place.country, "SS", "{surface:?} in {text:?}: {place:?}");
        assert_eq!(
            place.kind,
            Kind::Region,
            "{surface:?} in {text:?}: {place:?}"
        );
    }
}

#[test]
fn acronyms_are_places_only_as_countries_or_divisions() {
    // "UN" is also a town in Gujarat, "IS" a town in Spain's list of places: as acronyms they
    // are organisations; "UK", "DRC" and "NY" stay places.
    let text = "The UN and MSF sent doctors to the camp, IS fighters said.";
    check(text, "UN", None);
    check(text, "IS", None);
    check(
        "Doctors flew from the UK to eastern DRC on Monday.",
        "UK",
        place("United Kingdom", "GB"),
    );
    check(
        "Doctors flew from the UK to eastern DRC on Monday.",
        "DRC",
        place("Democratic Republic of the Congo", "CD"),
    );
}
