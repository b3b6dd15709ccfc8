//! Each output format on a mix of records: events with and without
//! coordinates, a figure and a place, with awkward characters in the text.

use sitrep_export::{OutputFormat, RecordWriter, CSV_COLUMNS};
use sitrep_model::{
    Acled, Actor, Count, DatePrecision, Event, EventDate, Evidence, Figure, GeoPrecision, Location,
    Place, Record,
};

fn records() -> Vec<Record> {
    let strike = Event {
        id: "ev-1".into(),
        doc_id: "kunduz-strike.txt".into(),
        date: EventDate {
            value: chrono::NaiveDate::from_ymd_opt(2021, 8, 3),
            precision: DatePrecision::Day,
            text: Some("on Tuesday".into()),
        },
        acled: Some(Acled {
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Air/drone strike".into(),
        }),
        actor1: Some(Actor {
            text: "the air force".into(),
            name: Some("Military Forces of Afghanistan".into()),
            ..Actor::default()
        }),
        actor2: Some(Actor {
            text: "Taliban fighters".into(),
            name: Some("Taliban".into()),
            ..Actor::default()
        }),
        location: Some(Location {
            text: Some("Kunduz".into()),
            name: Some("Kunduz".into()),
            country: Some("AF".into()),
            admin1: Some("Kunduz".into()),
            lat: Some(36.728),
            lon: Some(68.868),
            precision: GeoPrecision::Town,
            ..Location::default()
        }),
        killed: Some(Count::range(Some(12), Some(15))),
        fatalities: 12,
        evidence: Evidence {
            sentence:
                "An air strike on Kunduz killed \"between 12 and 15\" fighters,\nofficials said."
                    .into(),
            ..Evidence::default()
        },
        confidence: 0.8,
        ..Event::default()
    };
    let unplaced = Event {
        id: "ev-2".into(),
        doc_id: "d2".into(),
        ..Event::default()
    };
    let figure = Figure {
        id: "fig-1".into(),
        doc_id: "d3".into(),
        measure: "displaced".into(),
        value: Count::range(Some(900_000), Some(950_000)),
        location: Some(Location {
            country: Some("SY".into()),
            lat: Some(35.0),
            lon: Some(38.0),
            precision: GeoPrecision::Country,
            ..Location::default()
        }),
        evidence: Evidence {
            sentence: "Almost 950,000 people have fled.".into(),
            ..Evidence::default()
        },
        ..Figure::default()
    };
    let place = Place {
        doc_id: "d3".into(),
        text: "Saraqeb".into(),
        name: Some("Saraqib".into()),
        country: Some("SY".into()),
        lat: Some(35.864),
        lon: Some(36.806),
        precision: GeoPrecision::Town,
        ..Place::default()
    };
    vec![
        Record::Event(strike),
        Record::Event(unplaced),
        Record::Figure(figure),
        Record::Place(place),
    ]
}

fn render(format: OutputFormat) -> (String, u64) {
    let mut writer = RecordWriter::with_width(format, Vec::new(), 140).unwrap();
    for record in records() {
        writer
            .write(&record, Some("Frontline Wire, Kabul"))
            .unwrap();
    }
    let left_out = writer.left_out();
    (
        String::from_utf8(writer.finish().unwrap()).unwrap(),
        left_out,
    )
}

#[test]
fn jsonl_is_one_record_a_line() {
    let (out, _) = render(OutputFormat::Jsonl);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["schema"], "sitrep/1");
    assert_eq!(lines[3]["kind"], "place");
}

#[test]
fn csv_reads_back_with_acled_columns() {
    let (out, _) = render(OutputFormat::Csv);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let get = |row: &csv::StringRecord, column: &str| {
        row.get(CSV_COLUMNS.iter().position(|c| *c == column).unwrap())
            .unwrap()
            .to_string()
    };
    let strike = &rows[0];
    for (column, expected) in [
        ("event_date", "2021-08-03"),
        ("time_precision", "1"),
        ("event_type", "Explosions/Remote violence"),
        ("sub_event_type", "Air/drone strike"),
        ("actor1", "Military Forces of Afghanistan"),
        ("actor2", "Taliban"),
        ("country", "Afghanistan"),
        ("admin1", "Kunduz"),
        ("location", "Kunduz"),
        ("latitude", "36.728"),
        ("longitude", "68.868"),
        ("geo_precision", "1"),
        ("fatalities", "12"),
        ("source", "Frontline Wire, Kabul"),
        (
            "notes",
            "An air strike on Kunduz killed \"between 12 and 15\" fighters, officials said.",
        ),
        ("id", "ev-1"),
        ("doc_id", "kunduz-strike.txt"),
        ("kind", "event"),
        ("killed_min", "12"),
        ("killed_max", "15"),
    ] {
        assert_eq!(get(strike, column), expected, "column {column}");
    }
    assert_eq!(get(&rows[1], "fatalities"), "0");
    assert_eq!(get(&rows[1], "latitude"), "");
    assert_eq!(get(&rows[2], "kind"), "figure");
    assert_eq!(get(&rows[2], "value_min"), "900000");
    assert_eq!(get(&rows[2], "country"), "Syria");
    assert_eq!(get(&rows[2], "geo_precision"), "3");
    assert_eq!(get(&rows[3], "location"), "Saraqib");
}

#[test]
fn geojson_holds_the_records_with_coordinates() {
    let (out, left_out) = render(OutputFormat::Geojson);
    let collection: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), 3);
    assert_eq!(left_out, 1);
    assert_eq!(
        features[0]["geometry"]["coordinates"],
        serde_json::json!([68.868, 36.728])
    );
    assert_eq!(
        features[0]["properties"]["sub_event_type"],
        "Air/drone strike"
    );
    assert_eq!(features[1]["properties"]["measure"], "displaced");
    assert_eq!(features[2]["properties"]["kind"], "place");
}

#[test]
fn empty_outputs_are_still_valid() {
    let geojson = RecordWriter::new(OutputFormat::Geojson, Vec::new())
        .unwrap()
        .finish()
        .unwrap();
    let collection: serde_json::Value = serde_json::from_slice(&geojson).unwrap();
    assert_eq!(collection["features"], serde_json::json!([]));
    let csv = RecordWriter::new(OutputFormat::Csv, Vec::new())
        .unwrap()
        .finish()
        .unwrap();
    assert_eq!(String::from_utf8(csv).unwrap().lines().count(), 1);
}

#[test]
fn table_lines_fit_the_width() {
    let (out, _) = render(OutputFormat::Table);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    for line in &lines {
        assert!(line.chars().count() <= 140, "too wide: {line}");
    }
    assert!(lines[2].contains("Air/drone strike"), "{out}");
    assert!(lines[2].contains("12-15"), "{out}");
    assert!(lines[4].contains("figure: displaced"), "{out}");
}
