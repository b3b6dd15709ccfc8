//! `sitrep places`: one place record per toponym mention, in every output format.

mod extract_support;

use extract_support::sitrep;

const ARTICLE: &str = "Shelling hit Kharkiv and the town of Izium in eastern Ukraine on Friday, \
while protesters marched in Nairobi, Kenya.\n";

fn places(format: &str) -> extract_support::Run {
    let run = sitrep(
        &["places", "--published", "2024-05-10", "-f", format, "-"],
        ARTICLE.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

#[test]
fn jsonl_has_every_field_of_a_place_record() {
    let run = places("jsonl");
    let records: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let names: Vec<&str> = records.iter().filter_map(|r| r["text"].as_str()).collect();
    for expected in ["Kharkiv", "Izium", "Ukraine", "Nairobi", "Kenya"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let chars: Vec<char> = ARTICLE.chars().collect();
    for record in &records {
        assert_eq!(record["kind"], "place");
        for field in [
            "doc_id",
            "name",
            "country",
            "lat",
            "lon",
            "geonameid",
            "feature",
        ] {
            assert!(!record[field].is_null(), "{field} missing in {record}");
        }
        let (start, end) = (
            record["start"].as_u64().expect("start") as usize,
            record["end"].as_u64().expect("end") as usize,
        );
        let text: String = chars[start..end].iter().collect();
        assert_eq!(
            record["text"].as_str(),
            Some(text.as_str()),
            "offsets are code points"
        );
    }
}

#[test]
fn csv_geojson_and_table_hold_the_same_places() {
    let jsonl = places("jsonl").stdout.lines().count();
    let csv = places("csv").stdout;
    let header = csv.lines().next().unwrap_or_default();
    assert!(header.contains("latitude"), "{header}");
    assert_eq!(csv.lines().count(), jsonl + 1, "{csv}");
    let geojson: serde_json::Value =
        serde_json::from_str(&places("geojson").stdout).expect("GeoJSON parses");
    assert_eq!(geojson["type"], "FeatureCollection");
    assert_eq!(geojson["features"].as_array().map(Vec::len), Some(jsonl));
    let table = places("table").stdout;
    assert!(table.contains("Izium"), "{table}");
}
