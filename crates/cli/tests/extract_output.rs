//! `sitrep extract` output formats on the bundled examples: JSONL by default
//! when stdout is not a terminal, CSV that reads back with ACLED's columns,
//! GeoJSON that parses as a FeatureCollection, and a table; `--jobs` never
//! changes the output.

mod extract_support;

use extract_support::sitrep;

#[test]
fn jsonl_is_the_default_when_stdout_is_not_a_terminal() {
    let default = sitrep(&["extract", "--published", "2023-01-01", "examples/"], b"");
    let jsonl = sitrep(
        &[
            "extract",
            "--published",
            "2023-01-01",
            "--format",
            "jsonl",
            "examples/",
        ],
        b"",
    );
    assert_eq!(default.code, 0, "{}", default.stderr);
    assert_eq!(default.stdout, jsonl.stdout);
    assert_eq!(default.stdout.lines().count() as u64, default.records());
    for line in default.stdout.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(record["schema"], "sitrep/1");
        assert!(
            matches!(record["kind"].as_str(), Some("event" | "figure")),
            "{line}"
        );
    }
}

#[test]
fn output_is_in_input_order_whatever_the_number_of_jobs() {
    let one = sitrep(&["extract", "-j", "1", "examples/"], b"");
    let four = sitrep(&["extract", "--jobs", "4", "examples/"], b"");
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn csv_has_the_acled_header_and_one_row_per_record() {
    let run = sitrep(&["extract", "--format", "csv", "examples/"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header = run.stdout.lines().next().expect("a header line");
    assert!(header.starts_with(
        "event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,fatalities,source,notes,id,doc_id"
    ), "{header}");
    let rows = run.stdout.lines().count() as u64 - 1;
    assert!(
        rows <= run.records(),
        "notes are one line, so rows = records: {rows}"
    );
}

#[test]
fn geojson_is_one_feature_collection() {
    let run = sitrep(&["extract", "--format", "geojson", "examples/"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let collection: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(collection["type"], "FeatureCollection");
    for feature in collection["features"].as_array().expect("features") {
        assert_eq!(feature["geometry"]["type"], "Point");
        let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (
            coordinates[0].as_f64().unwrap(),
            coordinates[1].as_f64().unwrap(),
        );
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
}

#[test]
fn table_and_quiet() {
    let run = sitrep(
        &["extract", "--format", "table", "--quiet", "examples/"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("date "), "{}", run.stdout);
    assert_eq!(run.stderr, "", "--quiet prints no summary");
}
