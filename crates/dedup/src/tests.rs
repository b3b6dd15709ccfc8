//! The rule on a multi-source sample: 14 articles (test_data/multi_source.jsonl,
//! written for this test) coded by hand into 15 events of 10 incidents.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sitrep_model::{Acled, Actor, Count, EventDate, Evidence, Location};

use super::*;

const ARTICLES: &str = include_str!("../test_data/multi_source.jsonl");
/// The hand-coded events as `sitrep/1` records, for `sitrep ingest --records` and the dashboard tests.
const EVENTS_PATH: &str = "test_data/multi_source.events.jsonl";

/// One hand-coded event: what a careful coder reads in the article.
struct Coded {
    doc: &'static str,
    /// The start of the evidence sentence in the article.
    sentence: &'static str,
    sub_event: (&'static str, &'static str),
    date: &'static str,
    /// (name, country, lat, lon)
    place: (&'static str, &'static str, f64, f64),
    killed: Option<(u32, Option<u32>)>,
    actor1: Option<(&'static str, Option<&'static str>)>,
    actor2: Option<(&'static str, Option<&'static str>)>,
    /// The incident the human coder assigns it to.
    incident: &'static str,
}

const AIR: (&str, &str) = ("Explosions/Remote violence", "Air/drone strike");
const IED: (&str, &str) = (
    "Explosions/Remote violence",
    "Remote explosive/landmine/IED",
);
const SHELLING: (&str, &str) = (
    "Explosions/Remote violence",
    "Shelling/artillery/missile attack",
);
const CLASH: (&str, &str) = ("Battles", "Armed clash");
const PROTEST: (&str, &str) = ("Protests", "Peaceful protest");
const RUSSIA: Option<&str> = Some("Military Forces of Russia");
const MALI: Option<&str> = Some("Military Forces of Mali");
const JNIM: Option<&str> = Some("JNIM: Group for Support of Islam and Muslims");
const SOMALIA: Option<&str> = Some("Military Forces of Somalia");

#[rustfmt::skip]
const SAMPLE: &[Coded] = &[
    Coded { doc: "idlib-civdef-0314", sentence: "Warplanes struck", sub_event: AIR, date: "2024-03-14",
        place: ("Maarat al-Numan", "SY", 35.6433, 36.6715), killed: Some((11, None)),
        actor1: Some(("Warplanes", None)), actor2: Some(("civilians", None)), incident: "A" },
    Coded { doc: "idlib-wire-0315", sentence: "Russian jets bombed", sub_event: AIR, date: "2024-03-14",
        place: ("Maarat al-Numan", "SY", 35.6433, 36.6715), killed: Some((14, Some(14))),
        actor1: Some(("Russian jets", RUSSIA)), actor2: None, incident: "A" },
    Coded { doc: "idlib-local-0315", sentence: "Thirteen people", sub_event: AIR, date: "2024-03-15",
        place: ("Maarrat an-Nu'man", "SY", 35.648, 36.676), killed: Some((13, Some(13))),
        actor1: Some(("Russian warplanes", RUSSIA)), actor2: Some(("people", None)), incident: "A" },
    Coded { doc: "idlib-wire-0320", sentence: "A fresh air strike", sub_event: AIR, date: "2024-03-20",
        place: ("Maarat al-Numan", "SY", 35.6433, 36.6715), killed: Some((3, Some(3))),
        actor1: None, actor2: Some(("people", None)), incident: "E" },
    Coded { doc: "sahel-gov-0311", sentence: "JNIM fighters", sub_event: CLASH, date: "2024-03-10",
        place: ("Boulkessi", "ML", 15.05, -1.60), killed: Some((9, Some(9))),
        actor1: Some(("JNIM fighters", JNIM)), actor2: Some(("Malian soldiers", MALI)), incident: "B" },
    Coded { doc: "sahel-radio-0311", sentence: "At least 16 Malian", sub_event: CLASH, date: "2024-03-10",
        place: ("Boulkessi", "ML", 15.05, -1.60), killed: Some((16, None)),
        actor1: Some(("Malian soldiers", MALI)), actor2: Some(("militants of the al-Qaeda-linked JNIM", JNIM)),
        incident: "B" },
    Coded { doc: "sahel-monitor-0312", sentence: "Fighters of the Islamic", sub_event: CLASH, date: "2024-03-10",
        place: ("Boulkessi", "ML", 15.05, -1.60), killed: Some((15, Some(25))),
        actor1: Some(("Fighters of the Islamic State Sahel Province", Some("Islamic State Sahel Province"))),
        actor2: Some(("JNIM", JNIM)), incident: "F" },
    Coded { doc: "kenya-daily-0312", sentence: "Hundreds of university", sub_event: PROTEST, date: "2024-03-12",
        place: ("Nairobi", "KE", -1.2864, 36.8172), killed: None,
        actor1: Some(("university students", None)), actor2: None, incident: "C" },
    Coded { doc: "kenya-tv-0312", sentence: "Students protested", sub_event: PROTEST, date: "2024-03-12",
        place: ("Nairobi", "KE", -1.283, 36.822), killed: None,
        actor1: Some(("Students", None)), actor2: None, incident: "C" },
    Coded { doc: "kenya-coast-0312", sentence: "Dockworkers in Mombasa", sub_event: PROTEST, date: "2024-03-12",
        place: ("Mombasa", "KE", -4.0435, 39.6682), killed: None,
        actor1: Some(("Dockworkers", None)), actor2: None, incident: "M" },
    Coded { doc: "somalia-radio-0318", sentence: "A roadside bomb", sub_event: IED, date: "2024-03-18",
        place: ("Mogadishu", "SO", 2.06, 45.30), killed: Some((4, Some(4))),
        actor1: Some(("Al-Shabaab", Some("Al Shabaab"))), actor2: Some(("military convoy", SOMALIA)),
        incident: "D" },
    Coded { doc: "somalia-wire-0318", sentence: "Five Somali soldiers", sub_event: IED, date: "2024-03-18",
        place: ("Mogadishu", "SO", 2.0469, 45.3182), killed: Some((5, Some(5))),
        actor1: None, actor2: Some(("Somali soldiers", SOMALIA)), incident: "D" },
    Coded { doc: "somalia-wire-0318", sentence: "A second device", sub_event: IED, date: "2024-03-18",
        place: ("Afgooye", "SO", 2.1381, 45.1212), killed: None,
        actor1: None, actor2: Some(("traders", None)), incident: "G" },
    Coded { doc: "kivu-radio-0305", sentence: "A shell fired", sub_event: SHELLING, date: "2024-03-05",
        place: ("Mugunga", "CD", -1.63, 29.17), killed: Some((2, Some(2))),
        actor1: None, actor2: Some(("people", None)), incident: "K" },
    Coded { doc: "kivu-ngo-0306", sentence: "Heavy shelling", sub_event: SHELLING, date: "2024-03-05",
        place: ("Goma", "CD", -1.66, 29.20), killed: Some((45, Some(45))),
        actor1: None, actor2: Some(("people", None)), incident: "L" },
];

fn article_text(doc: &str) -> String {
    ARTICLES
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("valid JSONL"))
        .find(|value| value["id"] == doc)
        .and_then(|value| value["text"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no article {doc} in test_data/multi_source.jsonl"))
}

fn actor(spec: Option<(&str, Option<&str>)>) -> Option<Actor> {
    spec.map(|(text, name)| Actor {
        text: text.into(),
        name: name.map(str::to_string),
        ..Actor::default()
    })
}

fn build(index: usize, coded: &Coded) -> Event {
    let text = article_text(coded.doc);
    let start = text
        .find(coded.sentence)
        .unwrap_or_else(|| panic!("{:?} not in {}", coded.sentence, coded.doc));
    let end = text[start..]
        .find(". ")
        .map(|i| start + i + 1)
        .unwrap_or(text.len());
    let (name, country, lat, lon) = coded.place;
    let killed = coded.killed.map(|(min, max)| Count::range(Some(min), max));
    Event {
        id: format!("ms{index:02}"),
        doc_id: coded.doc.into(),
        date: EventDate {
            value: NaiveDate::parse_from_str(coded.date, "%Y-%m-%d").ok(),
            precision: DatePrecision::Day,
            text: None,
        },
        acled: Some(Acled {
            event_type: coded.sub_event.0.into(),
            sub_event_type: coded.sub_event.1.into(),
        }),
        actor1: actor(coded.actor1),
        actor2: actor(coded.actor2),
        location: Some(Location {
            text: Some(name.into()),
            name: Some(name.into()),
            country: Some(country.into()),
            lat: Some(lat),
            lon: Some(lon),
            precision: GeoPrecision::Town,
            ..Location::default()
        }),
        killed,
        fatalities: killed.map(Count::acled_value).unwrap_or(0),
        evidence: Evidence {
            sentence_index: 0,
            start: text[..start].chars().count(),
            end: text[..end].chars().count(),
            sentence: text[start..end].to_string(),
        },
        confidence: 0.8,
        ..Event::default()
    }
}

fn sample_events() -> Vec<Event> {
    SAMPLE
        .iter()
        .enumerate()
        .map(|(i, c)| build(i, c))
        .collect()
}

/// Pairs of event ids placed in one group.
fn pairs(groups: &[Vec<String>]) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for group in groups {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                out.insert((a.min(b).clone(), a.max(b).clone()));
            }
        }
    }
    out
}

fn truth_groups() -> Vec<Vec<String>> {
    let labels: BTreeSet<&str> = SAMPLE.iter().map(|c| c.incident).collect();
    labels
        .into_iter()
        .map(|label| {
            SAMPLE
                .iter()
                .enumerate()
                .filter(|(_, c)| c.incident == label)
                .map(|(i, _)| format!("ms{i:02}"))
                .collect()
        })
        .collect()
}

/// Pairwise precision and recall of `predicted` against the hand labels.
fn score(predicted: &[Vec<String>]) -> (f64, f64) {
    let (truth, found) = (pairs(&truth_groups()), pairs(predicted));
    let hits = found.intersection(&truth).count() as f64;
    let ratio = |n: usize| if n == 0 { 1.0 } else { hits / n as f64 };
    (ratio(found.len()), ratio(truth.len()))
}

#[test]
fn the_sample_groups_into_the_coders_incidents() {
    let incidents = deduplicate(sample_events());
    let groups: Vec<Vec<String>> = incidents
        .iter()
        .map(|i| i.sources.iter().map(|s| s.id.clone()).collect())
        .collect();
    let (precision, recall) = score(&groups);
    // A naive key (sub-event type, date, country) for comparison.
    let mut naive: Vec<(String, Vec<String>)> = Vec::new();
    for event in sample_events() {
        let location = event.location.clone().unwrap_or_default();
        let key = format!(
            "{:?}{:?}{:?}",
            key(&event),
            event.date.value,
            location.country
        );
        match naive.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(event.id),
            None => naive.push((key, vec![event.id])),
        }
    }
    let naive: Vec<Vec<String>> = naive.into_iter().map(|(_, g)| g).collect();
    let (naive_p, naive_r) = score(&naive);
    println!(
        "{} events -> {} incidents (truth {}); pairwise precision {precision:.2} recall {recall:.2}; \
         naive key: {} incidents, precision {naive_p:.2} recall {naive_r:.2}",
        SAMPLE.len(),
        incidents.len(),
        truth_groups().len(),
        naive.len(),
    );
    assert_eq!((precision, recall), (1.0, 1.0), "groups {groups:?}");
    assert_eq!(incidents.len(), 10);
}

#[test]
fn merged_incidents_keep_every_source_and_the_lowest_toll() {
    let incidents = deduplicate(sample_events());
    let strike = &incidents[0];
    assert_eq!(strike.sources.len(), 3);
    assert_eq!(strike.event.id, "ms00");
    assert_eq!(strike.event.fatalities, 11, "ACLED codes the lowest report");
    assert_eq!(strike.event.killed, Some(Count::range(Some(11), None)));
    assert_eq!(
        strike.event.actor1.as_ref().and_then(|a| a.name.as_deref()),
        RUSSIA
    );
    let convoy = incidents
        .iter()
        .find(|i| {
            i.sources.len() == 2
                && i.event.location.as_ref().unwrap().country.as_deref() == Some("SO")
        })
        .expect("the Mogadishu convoy bombing");
    assert_eq!(convoy.event.killed, Some(Count::range(Some(4), Some(5))));
    assert_eq!(convoy.event.fatalities, 4);
}

/// One pair of events and whether the rule merges them.
fn check(name: &str, edit_b: impl Fn(&mut Event), expected: bool) {
    let events = sample_events();
    let (a, mut b) = (events[4].clone(), events[5].clone());
    edit_b(&mut b);
    assert_eq!(same_incident(&a, &b), expected, "{name}");
    assert_eq!(same_incident(&b, &a), expected, "{name} (reversed)");
}

#[test]
fn each_condition_of_the_rule_decides() {
    check("two reports of the Boulkessi attack", |_| {}, true);
    check(
        "same document",
        |b| b.doc_id = "sahel-gov-0311".into(),
        false,
    );
    check(
        "other sub-event type",
        |b| b.acled.as_mut().unwrap().sub_event_type = "Attack".into(),
        false,
    );
    check("no ACLED type", |b| b.acled = None, false);
    check(
        "one day later",
        |b| b.date.value = NaiveDate::from_ymd_opt(2024, 3, 11),
        true,
    );
    check(
        "two days later",
        |b| b.date.value = NaiveDate::from_ymd_opt(2024, 3, 12),
        false,
    );
    check("date unknown", |b| b.date.value = None, false);
    check(
        "only the month known",
        |b| b.date.precision = DatePrecision::Month,
        false,
    );
    check(
        "20 km away",
        |b| b.location.as_mut().unwrap().lat = Some(15.05 + 20.0 / 111.2),
        true,
    );
    check(
        "30 km away",
        |b| b.location.as_mut().unwrap().lat = Some(15.05 + 30.0 / 111.2),
        false,
    );
    check(
        "no coordinates, same name",
        |b| b.location.as_mut().unwrap().lat = None,
        true,
    );
    check(
        "no coordinates, other name",
        |b| {
            let place = b.location.as_mut().unwrap();
            place.lat = None;
            place.name = Some("Mondoro".into());
        },
        false,
    );
    check("no location", |b| b.location = None, false);
    check(
        "actor names differ",
        |b| b.actor2.as_mut().unwrap().name = Some("Wagner Group".into()),
        false,
    );
    check("actor missing", |b| b.actor1 = None, true);
    check(
        "actor countries differ",
        |b| {
            b.actor1.as_mut().unwrap().country = Some("BFA".into());
            b.actor2.as_mut().unwrap().country = Some("BFA".into());
        },
        true,
    );
    check(
        "toll of 37 against 9",
        |b| b.killed = Some(Count::exact(37)),
        true,
    );
    check(
        "toll of 38 against 9",
        |b| b.killed = Some(Count::exact(38)),
        false,
    );
    check(
        "at least 5 against 9",
        |b| b.killed = Some(Count::range(Some(5), None)),
        true,
    );
    check(
        "more than 100 against 9",
        |b| b.killed = Some(Count::range(Some(101), None)),
        false,
    );
    check("no toll", |b| b.killed = None, true);
}

#[test]
fn distances_are_great_circle_kilometres() {
    let km = haversine_km(-1.2864, 36.8172, -4.0435, 39.6682);
    assert!((km - 440.0).abs() < 10.0, "Nairobi to Mombasa: {km}");
    assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
}

#[test]
fn merging_nothing_gives_a_default_event() {
    assert_eq!(merge(&[]), Event::default());
    assert!(pick(&Event::default(), &[]).is_none());
}

#[test]
fn the_sample_events_file_is_current() {
    let mut expected = String::new();
    for event in sample_events() {
        expected.push_str(&sitrep_model::Record::Event(event).to_json_line());
        expected.push('\n');
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EVENTS_PATH);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is stale; regenerate it with UPDATE_EXPECT=1 cargo test -p sitrep-dedup",
        path.display()
    );
}

#[test]
fn the_sample_labels_file_matches_the_coded_events() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/multi_source.incidents.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let found: Vec<(String, String, String)> = text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{}: {line:?}", path.display());
            (fields[0].into(), fields[1].into(), fields[2].into())
        })
        .collect();
    let expected: Vec<(String, String, String)> = SAMPLE
        .iter()
        .map(|c| (c.doc.into(), c.sentence.into(), c.incident.into()))
        .collect();
    assert_eq!(found, expected, "{} differs from SAMPLE", path.display());
}
