//! Store tests over events built by hand (the extractor is not needed here).

use chrono::NaiveDate;
use sitrep_model::{
    Acled, Actor, Count, DatePrecision, Document, Event, EventDate, Evidence, GeoPrecision,
    Location,
};

use super::*;

/// A realistic event: `place` is (name, country, admin1, lat, lon).
fn event(
    id: &str,
    date: &str,
    sub_event: (&str, &str),
    place: (&str, &str, &str, f64, f64),
    killed: Option<u32>,
    actor: &str,
    sentence: &str,
) -> Event {
    Event {
        id: id.into(),
        date: EventDate {
            value: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            precision: DatePrecision::Day,
            text: None,
        },
        acled: Some(Acled {
            event_type: sub_event.0.into(),
            sub_event_type: sub_event.1.into(),
        }),
        actor1: Some(Actor {
            text: actor.into(),
            ..Actor::default()
        }),
        location: Some(Location {
            text: Some(place.0.into()),
            name: Some(place.0.into()),
            country: Some(place.1.into()),
            admin1: Some(place.2.into()),
            lat: Some(place.3),
            lon: Some(place.4),
            precision: GeoPrecision::Town,
            ..Location::default()
        }),
        killed: killed.map(Count::exact),
        fatalities: killed.unwrap_or(0),
        evidence: Evidence {
            sentence_index: 0,
            start: 0,
            end: sentence.chars().count(),
            sentence: sentence.into(),
        },
        confidence: 0.8,
        ..Event::default()
    }
}

const AIR: (&str, &str) = ("Explosions/Remote violence", "Air/drone strike");
const CLASH: (&str, &str) = ("Battles", "Armed clash");
const PROTEST: (&str, &str) = ("Protests", "Peaceful protest");
const ARIHA: (&str, &str, &str, f64, f64) = ("Ariha", "SY", "Idlib", 35.81, 36.61);
const KIDAL: (&str, &str, &str, f64, f64) = ("Kidal", "ML", "Kidal", 18.44, 1.41);
const GOMA: (&str, &str, &str, f64, f64) = ("Goma", "CD", "Nord-Kivu", -1.68, 29.22);

fn sample() -> Vec<Event> {
    vec![
        event(
            "e-ariha",
            "2021-03-04",
            AIR,
            ARIHA,
            Some(7),
            "Russian warplanes",
            "Russian warplanes struck a market in Ariha on Thursday, killing seven people.",
        ),
        event(
            "e-kidal",
            "2021-05-11",
            CLASH,
            KIDAL,
            Some(12),
            "JNIM militants",
            "JNIM militants clashed with soldiers near Kidal, leaving 12 dead.",
        ),
        event(
            "e-goma",
            "2021-06-20",
            PROTEST,
            GOMA,
            None,
            "Students",
            "Students marched through Goma to demand the reopening of the university.",
        ),
    ]
}

/// Events `e0`…, one a day through a month of 2022, killing `i`; `kind` gives each
/// one's type and place.
fn numbered_events(
    n: u32,
    month: u32,
    kind: impl Fn(u32) -> ((&'static str, &'static str), Place),
) -> Vec<Event> {
    (0..n)
        .map(|i| {
            let (sub_event, place) = kind(i);
            let day = format!("2022-{month:02}-{:02}", i % 28 + 1);
            event(
                &format!("e{i}"),
                &day,
                sub_event,
                place,
                Some(i),
                "FAMa",
                "Soldiers clashed.",
            )
        })
        .collect()
}

/// A place as (name, country, admin1, lat, lon).
type Place = (&'static str, &'static str, &'static str, f64, f64);

fn doc_with(id: &str, events: Vec<Event>) -> DocumentRecords {
    let text = events
        .iter()
        .map(|e| e.evidence.sentence.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    DocumentRecords {
        document: Document {
            id: id.into(),
            text,
            title: Some(format!("Report {id}")),
            ..Document::default()
        },
        events,
        ..DocumentRecords::default()
    }
}

fn ids(store: &Store, filter: &Filter) -> Vec<String> {
    let page = store.query(filter, &PageRequest::default()).unwrap();
    page.items
        .iter()
        .map(|row| row.event().unwrap().id)
        .collect()
}

/// Merges events with the same sub-event type and place name (enough to exercise the store).
struct SamePlaceRule;

impl IncidentRule for SamePlaceRule {
    fn key(&self, event: &Event) -> Option<String> {
        event.acled.as_ref().map(|a| a.sub_event_type.clone())
    }

    fn pick(&self, event: &Event, candidates: &[Candidate]) -> Option<usize> {
        let name = |e: &Event| e.location.as_ref().and_then(|l| l.name.clone());
        candidates.iter().position(|c| {
            c.sources.iter().all(|s| s.doc_id != event.doc_id)
                && c.sources.iter().any(|s| name(s) == name(event))
        })
    }

    fn merge(&self, sources: &[Event]) -> Event {
        let mut merged = sources[0].clone();
        merged.fatalities = sources.iter().map(|s| s.fatalities).min().unwrap_or(0);
        merged
    }
}

#[test]
fn ingesting_the_same_document_twice_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = vec![doc_with("d1", sample())];
    let first = store.ingest_batch(&batch, &SamePlaceRule).unwrap();
    assert_eq!(first[0].status, IngestStatus::Added);
    assert_eq!(first[0].events.len(), 3);
    let second = store.ingest_batch(&batch, &SamePlaceRule).unwrap();
    assert_eq!(second[0].status, IngestStatus::Unchanged);
    let stats = store.stats(&Filter::default()).unwrap();
    assert_eq!((stats.documents, stats.events, stats.incidents), (1, 3, 3));
}

#[test]
fn a_changed_document_replaces_its_records() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .ingest_batch(&[doc_with("d1", sample())], &SamePlaceRule)
        .unwrap();
    let fewer = doc_with("d1", sample().into_iter().take(1).collect());
    let report = store.ingest_batch(&[fewer], &SamePlaceRule).unwrap();
    assert_eq!(report[0].status, IngestStatus::Replaced);
    let stats = store.stats(&Filter::default()).unwrap();
    assert_eq!((stats.documents, stats.events, stats.incidents), (1, 1, 1));
}

#[test]
fn reports_of_one_incident_become_one_incident_with_every_source() {
    let mut store = Store::open_in_memory().unwrap();
    let first = event(
        "a1",
        "2021-03-04",
        AIR,
        ARIHA,
        Some(9),
        "Russian jets",
        "Russian jets bombed Ariha's main market, killing nine, rescuers said.",
    );
    let second = event(
        "b1",
        "2021-03-05",
        AIR,
        ARIHA,
        Some(7),
        "Russian warplanes",
        "At least seven civilians died when warplanes hit Ariha.",
    );
    store
        .ingest_batch(
            &[
                doc_with("outlet-a", vec![first]),
                doc_with("outlet-b", vec![second]),
            ],
            &SamePlaceRule,
        )
        .unwrap();
    let page = store
        .query(&Filter::default(), &PageRequest::default())
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let merged = page.items[0].event().unwrap();
    assert_eq!((merged.id.as_str(), merged.fatalities), ("a1", 7));
    assert!(page.items[0].json.contains("\"source_count\":2"));
    let detail = store
        .incident("b1")
        .unwrap()
        .expect("found by a source event id");
    let docs: Vec<&str> = detail
        .sources
        .iter()
        .map(|s| s.event.doc_id.as_str())
        .collect();
    assert_eq!(docs, ["outlet-a", "outlet-b"]);
    assert_eq!(detail.sources[1].title.as_deref(), Some("Report outlet-b"));
    // Searching the second outlet's wording finds the merged incident.
    assert_eq!(
        ids(
            &store,
            &Filter {
                text: Some("WARPLANES HIT".into()),
                ..Filter::default()
            }
        ),
        ["a1"]
    );
}

#[test]
fn filters_narrow_the_incidents() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .ingest_batch(&[doc_with("d1", sample())], &SamePlaceRule)
        .unwrap();
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let bbox = |s: &str| Some(s.parse::<BBox>().unwrap());
    let rows: Vec<(Filter, Vec<&str>)> = vec![
        (Filter::default(), vec!["e-goma", "e-kidal", "e-ariha"]),
        (
            Filter {
                from: date("2021-05-01"),
                ..Filter::default()
            },
            vec!["e-goma", "e-kidal"],
        ),
        (
            Filter {
                to: date("2021-05-11"),
                ..Filter::default()
            },
            vec!["e-kidal", "e-ariha"],
        ),
        (
            Filter {
                country: Some("ml".into()),
                ..Filter::default()
            },
            vec!["e-kidal"],
        ),
        (
            Filter {
                admin1: Some("IDLIB".into()),
                ..Filter::default()
            },
            vec!["e-ariha"],
        ),
        (
            Filter {
                event_type: Some("battles".into()),
                ..Filter::default()
            },
            vec!["e-kidal"],
        ),
        (
            Filter {
                event_type: Some("Air/drone strike".into()),
                ..Filter::default()
            },
            vec!["e-ariha"],
        ),
        (
            Filter {
                actor: Some("jnim".into()),
                ..Filter::default()
            },
            vec!["e-kidal"],
        ),
        (
            Filter {
                text: Some("university".into()),
                ..Filter::default()
            },
            vec!["e-goma"],
        ),
        (
            Filter {
                bbox: bbox("20,-10,40,40"),
                ..Filter::default()
            },
            vec!["e-goma", "e-ariha"],
        ),
        (
            Filter {
                bbox: bbox("170,-90,30,90"),
                ..Filter::default()
            },
            vec!["e-goma", "e-kidal"],
        ),
        (
            Filter {
                country: Some("FR".into()),
                ..Filter::default()
            },
            vec![],
        ),
    ];
    for (filter, expected) in rows {
        assert_eq!(ids(&store, &filter), expected, "filter {filter:?}");
    }
}

#[test]
fn pages_cover_every_incident_once() {
    let mut store = Store::open_in_memory().unwrap();
    let events = numbered_events(250, 1, |_| (CLASH, KIDAL));
    store
        .ingest_batch(&[doc_with("d", events)], &SingletonRule)
        .unwrap();
    let mut seen = std::collections::BTreeSet::new();
    let mut request = PageRequest {
        limit: 100,
        cursor: None,
    };
    let mut pages = 0;
    loop {
        let page = store.query(&Filter::default(), &request).unwrap();
        pages += 1;
        for row in &page.items {
            assert!(
                seen.insert(row.event().unwrap().id),
                "an incident came twice"
            );
        }
        match page.next {
            Some(next) => request.cursor = Some(next.encode().parse().unwrap()),
            None => break,
        }
    }
    assert_eq!((pages, seen.len()), (3, 250));
}

#[test]
fn json_pages_splice_the_same_rows_as_pages() {
    let mut store = Store::open_in_memory().unwrap();
    let events = numbered_events(150, 2, |i| {
        if i % 3 == 0 {
            (AIR, ARIHA)
        } else {
            (CLASH, KIDAL)
        }
    });
    store
        .ingest_batch(&[doc_with("d", events)], &SingletonRule)
        .unwrap();
    let filters = [
        Filter::default(),
        Filter {
            country: Some("sy".into()),
            ..Filter::default()
        },
        Filter {
            event_type: Some("armed clash".into()),
            ..Filter::default()
        },
    ];
    for filter in filters {
        let mut request = PageRequest {
            limit: 40,
            cursor: None,
        };
        loop {
            let page = store.query(&filter, &request).unwrap();
            let mut spliced = b"[".to_vec();
            let (count, next) = store.query_json(&filter, &request, &mut spliced).unwrap();
            spliced.push(b']');
            let rows: Vec<serde_json::Value> = serde_json::from_slice(&spliced).unwrap();
            let expected: Vec<serde_json::Value> = page
                .items
                .iter()
                .map(|row| serde_json::from_str(&row.json).unwrap())
                .collect();
            assert_eq!(
                (count, &rows, &next),
                (expected.len(), &expected, &page.next)
            );
            match next {
                Some(next) => request.cursor = Some(next),
                None => break,
            }
        }
    }
}

#[test]
fn only_date_and_country_filters_page_from_an_index() {
    let indexed = [
        Filter::default(),
        Filter {
            country: Some("SY".into()),
            from: NaiveDate::from_ymd_opt(2022, 1, 1),
            to: NaiveDate::from_ymd_opt(2022, 12, 31),
            ..Filter::default()
        },
        Filter {
            actor: Some("  ".into()),
            ..Filter::default()
        },
    ];
    let scanned = [
        Filter {
            event_type: Some("Battles".into()),
            ..Filter::default()
        },
        Filter {
            admin1: Some("Idlib".into()),
            ..Filter::default()
        },
        Filter {
            actor: Some("jnim".into()),
            ..Filter::default()
        },
        Filter {
            text: Some("market".into()),
            ..Filter::default()
        },
        Filter {
            bbox: Some("35,35,37,37".parse().unwrap()),
            ..Filter::default()
        },
    ];
    for filter in indexed {
        assert!(filter.pages_from_index(), "{filter:?}");
    }
    for filter in scanned {
        assert!(!filter.pages_from_index(), "{filter:?}");
    }
}

#[test]
fn filtered_pages_read_the_date_index_without_sorting() {
    let store = Store::open_in_memory().unwrap();
    let filter = Filter {
        event_type: Some("Battles".into()),
        admin1: Some("Idlib".into()),
        bbox: Some("35,35,37,37".parse().unwrap()),
        ..Filter::default()
    };
    let clause = crate::filter::where_clause(&filter, None);
    let sql = format!(
        "EXPLAIN QUERY PLAN SELECT date, seq, json FROM incidents{} ORDER BY date DESC, seq DESC LIMIT 101",
        clause.sql
    );
    let plan: Vec<String> = store
        .conn
        .prepare(&sql)
        .unwrap()
        .query_map(rusqlite::params_from_iter(clause.params.iter()), |row| {
            row.get(3)
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let plan = plan.join("; ");
    assert!(plan.contains("incidents_by_date_filters"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn stats_count_by_type_country_and_day() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .ingest_batch(&[doc_with("d1", sample())], &SamePlaceRule)
        .unwrap();
    let stats = store.stats(&Filter::default()).unwrap();
    assert_eq!(stats.fatalities, 19);
    assert_eq!(stats.by_day.len(), 3);
    assert_eq!(stats.first_date.as_deref(), Some("2021-03-04"));
    let countries: Vec<&str> = stats.by_country.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(countries, ["CD", "ML", "SY"]);
    let only = store
        .stats(&Filter {
            country: Some("SY".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!((only.incidents, only.documents), (1, 1));
}

#[test]
fn bad_cursors_and_boxes_are_reported() {
    for text in ["", "x", "2021-13-01~4", "2021-01-01~x"] {
        assert!(text.parse::<Cursor>().is_err(), "cursor {text:?}");
    }
    for text in ["1,2,3", "a,b,c,d", "0,10,1,5", "0,0,200,1"] {
        assert!(text.parse::<BBox>().is_err(), "bbox {text:?}");
    }
}

#[test]
fn a_file_store_keeps_its_records_and_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .ingest_batch(&[doc_with("d1", sample())], &SamePlaceRule)
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as u32);
    assert_eq!(store.stats(&Filter::default()).unwrap().incidents, 3);
    let reader = Store::open_reader(&path).unwrap();
    assert_eq!(
        reader.document("d1").unwrap().unwrap().title.as_deref(),
        Some("Report d1")
    );
    assert_eq!(reader.document_events("d1").unwrap().len(), 3);
    drop(store);
    drop(reader);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("upgrade sitrep"), "{err}");
}
