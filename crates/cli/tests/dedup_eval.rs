//! `sitrep eval dedup` on the bundled multi-source sample with its hand-coded
//! events: the store's deduplication rule rebuilds the coder's 10 incidents.

use std::path::Path;
use std::process::Command;

#[test]
fn the_hand_coded_sample_deduplicates_into_the_coded_incidents() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dedup/test_data");
    let output = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["eval", "dedup", "--json", "--labels"])
        .arg(data.join("multi_source.incidents.tsv"))
        .arg("--records")
        .arg(data.join("multi_source.events.jsonl"))
        .arg(data.join("multi_source.jsonl"))
        .output()
        .expect("run sitrep");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let figures: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let get = |name: &str| figures[name].as_f64().unwrap_or(-1.0);
    let found: Vec<(&str, f64)> = [
        "documents",
        "events",
        "incidents",
        "coded_events",
        "coded_incidents",
        "true_pairs",
        "merged_correctly",
        "merged_wrongly",
        "missed",
    ]
    .into_iter()
    .map(|name| (name, get(name)))
    .collect();
    let expected = vec![
        ("documents", 14.0),
        ("events", 15.0),
        ("incidents", 10.0),
        ("coded_events", 15.0),
        ("coded_incidents", 10.0),
        ("true_pairs", 6.0),
        ("merged_correctly", 6.0),
        ("merged_wrongly", 0.0),
        ("missed", 0.0),
    ];
    assert_eq!(found, expected);
}
