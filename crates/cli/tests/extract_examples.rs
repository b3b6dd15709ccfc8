//! FOR THE LEAD TO EXTEND: what a careful coder finds in each bundled example
//! article. Each row names a document and the records it must yield: ACLED
//! sub-event types (`event:<sub_event_type>`) and figure measures
//! (`figure:<measure>`). Rows list only what the extractor gets right today
//! plus what the article plainly reports; add rows (and count or place checks)
//! as extraction grows. The plumbing tests are in the other extract_*.rs files.

mod extract_support;

use std::collections::{BTreeMap, BTreeSet};

use extract_support::sitrep;

/// (document id, records it must contain).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "2020-10-14-afghanistan-helmand.html",
        &["event:Armed clash", "figure:displaced"],
    ),
    (
        "2021-07-09-nigeria-abduction.txt",
        &["event:Abduction/forced disappearance"],
    ),
    (
        "2022-11-03-yemen-airstrike.txt",
        &["event:Air/drone strike", "figure:displaced"],
    ),
    (
        "2023-05-18-mali-ied-convoy.txt",
        &["event:Remote explosive/landmine/IED"],
    ),
    (
        "2023-09-21-sudan-clashes-displacement.txt",
        &[
            "event:Armed clash",
            "event:Shelling/artillery/missile attack",
            "figure:displaced",
        ],
    ),
    (
        "2024-02-12-kenya-protest.txt",
        &["event:Protest with intervention", "event:Peaceful protest"],
    ),
    ("wire-2022-06-14-arauca", &["event:Armed clash"]),
    (
        "wire-2023-03-02-sagaing",
        &["event:Shelling/artillery/missile attack"],
    ),
    ("wire-2023-07-30-bajaur", &["event:Suicide bomb"]),
    ("wire-2024-04-08-mindanao", &["event:Arrests"]),
];

#[test]
fn each_example_yields_its_main_events_and_figures() {
    let run = sitrep(
        &["extract", "--quiet", "--format", "jsonl", "examples/"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in run.stdout.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let label = match record["kind"].as_str() {
            Some("event") => format!(
                "event:{}",
                record["acled"]["sub_event_type"].as_str().unwrap_or("-")
            ),
            Some("figure") => format!("figure:{}", record["measure"].as_str().unwrap_or("-")),
            other => format!("{other:?}"),
        };
        found
            .entry(record["doc_id"].as_str().unwrap_or_default().to_string())
            .or_default()
            .insert(label);
    }
    let mut missing = Vec::new();
    for (doc, labels) in EXPECTED {
        for label in *labels {
            if !found.get(*doc).is_some_and(|set| set.contains(*label)) {
                missing.push(format!("{doc}: {label} (found {:?})", found.get(*doc)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing records:\n{}",
        missing.join("\n")
    );
}
