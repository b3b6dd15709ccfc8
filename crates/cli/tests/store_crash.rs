//! Crash safety of `sitrep ingest`: runs killed with SIGKILL at many points,
//! then one run to completion, leave exactly the store an uninterrupted run
//! builds — no event lost, none doubled, the same incidents.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sitrep_model::{
    Acled, Actor, Count, DatePrecision, Event, EventDate, Evidence, GeoPrecision, Location, Record,
};
use sitrep_store::{Filter, PageRequest, Store};

const DOCUMENTS: usize = 400;
const EVENTS_PER_DOCUMENT: usize = 4;

/// (sub-event type, event type), (place, country, lat, lon): a spread of incidents
/// that several documents report, so deduplication has work to do.
const KINDS: &[(&str, &str)] = &[
    ("Armed clash", "Battles"),
    ("Air/drone strike", "Explosions/Remote violence"),
    ("Attack", "Violence against civilians"),
    ("Peaceful protest", "Protests"),
];
const PLACES: &[(&str, &str, f64, f64)] = &[
    ("Bakhmut", "UA", 48.59, 38.0),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Khartoum", "SD", 15.5, 32.56),
    ("Gao", "ML", 16.27, -0.04),
    ("Cox's Bazar", "BD", 21.43, 92.0),
];

fn records_file(dir: &Path) -> PathBuf {
    let mut lines = String::new();
    for doc in 0..DOCUMENTS {
        for n in 0..EVENTS_PER_DOCUMENT {
            let i = doc * EVENTS_PER_DOCUMENT + n;
            let (sub, kind) = KINDS[n];
            let (place, country, lat, lon) = PLACES[(doc / 3 + n) % PLACES.len()];
            let sentence = format!("Report {doc}: a {sub} in {place} left {} dead.", 1 + i % 9);
            let event = Event {
                id: format!("crash-{doc}-{n}"),
                doc_id: format!("doc-{doc:04}"),
                date: EventDate {
                    value: NaiveDate::from_ymd_opt(
                        2023,
                        1 + (doc / 28 % 12) as u32,
                        1 + (doc % 28) as u32,
                    ),
                    precision: DatePrecision::Day,
                    text: None,
                },
                acled: Some(Acled {
                    event_type: kind.into(),
                    sub_event_type: sub.into(),
                }),
                actor1: Some(Actor {
                    text: "armed men".into(),
                    ..Actor::default()
                }),
                location: Some(Location {
                    name: Some(place.into()),
                    country: Some(country.into()),
                    lat: Some(lat),
                    lon: Some(lon),
                    precision: GeoPrecision::Town,
                    ..Location::default()
                }),
                killed: Some(Count::exact(1 + (i % 9) as u32)),
                fatalities: 1 + (i % 9) as u32,
                evidence: Evidence {
                    sentence_index: n,
                    start: 0,
                    end: sentence.chars().count(),
                    sentence,
                },
                confidence: 0.7,
                ..Event::default()
            };
            lines.push_str(&Record::Event(event).to_json_line());
            lines.push('\n');
        }
    }
    let path = dir.join("records.jsonl");
    std::fs::write(&path, lines).expect("write records");
    path
}

fn ingest(db: &Path, records: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    command
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .arg("--records")
        .arg(records)
        .arg("--batch")
        .arg("4")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Every incident's JSON, in order, plus the store's totals.
fn snapshot(db: &Path) -> (Vec<String>, (u64, u64, u64)) {
    // A run killed before its first commit leaves an empty file: open migrates it.
    let store = Store::open(db).expect("open store");
    let stats = store.stats(&Filter::default()).expect("stats");
    let mut rows = Vec::new();
    let mut request = PageRequest {
        limit: 1000,
        cursor: None,
    };
    loop {
        let page = store.query(&Filter::default(), &request).expect("query");
        rows.extend(page.items.into_iter().map(|r| r.json));
        match page.next {
            Some(next) => request.cursor = Some(next),
            None => break,
        }
    }
    (rows, (stats.documents, stats.events, stats.incidents))
}

#[test]
fn killed_ingests_lose_and_double_nothing() {
    let dir = std::env::temp_dir().join(format!("sitrep-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let records = records_file(&dir);

    let clean = dir.join("clean.db");
    let started = Instant::now();
    assert!(ingest(&clean, &records).status().expect("run").success());
    let full_run = started.elapsed();
    let expected = snapshot(&clean);
    assert_eq!(
        (expected.1 .0, expected.1 .1),
        (DOCUMENTS as u64, (DOCUMENTS * EVENTS_PER_DOCUMENT) as u64)
    );
    assert!(
        expected.1 .2 < expected.1 .1,
        "some reports merge into incidents"
    );

    // Kill runs at points spread over a full run's duration, each resuming the last.
    let crashed = dir.join("crashed.db");
    let kills = 12;
    let mut interrupted = 0;
    for k in 0..kills {
        let mut child = ingest(&crashed, &records).spawn().expect("spawn");
        std::thread::sleep(
            full_run.mul_f64((k as f64 + 0.5) / kills as f64) / 2 + Duration::from_millis(5),
        );
        if child.try_wait().expect("poll").is_none() {
            interrupted += 1;
        }
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        // Whatever was committed must already be consistent.
        let (rows, (documents, events, incidents)) = snapshot(&crashed);
        assert_eq!(rows.len() as u64, incidents, "after kill {k}");
        assert!(
            documents <= DOCUMENTS as u64 && events <= (DOCUMENTS * EVENTS_PER_DOCUMENT) as u64
        );
        assert_eq!(
            events,
            documents * EVENTS_PER_DOCUMENT as u64,
            "a document is stored whole or not at all (kill {k})"
        );
    }
    println!("{interrupted} of {kills} runs were killed mid-ingest (full run {full_run:?})");
    assert!(ingest(&crashed, &records)
        .status()
        .expect("rerun")
        .success());
    let found = snapshot(&crashed);
    assert_eq!(
        found.1, expected.1,
        "documents, events, incidents after the rerun"
    );
    assert!(
        found.0 == expected.0,
        "the incidents differ from an uninterrupted run"
    );
    // And once more: nothing changes.
    assert!(ingest(&crashed, &records)
        .status()
        .expect("third run")
        .success());
    assert_eq!(snapshot(&crashed).1, expected.1);
    let _ = std::fs::remove_dir_all(&dir);
}
