//! `docs/record.schema.json` describes what sitrep writes: real
//! `sitrep extract` output on the bundled examples, and fully populated
//! records of every kind, validate against it; broken records do not.
//!
//! The validator is a small one for the JSON Schema keywords the file uses
//! (listed in `KEYWORDS`; the test fails if the schema uses any other), so the
//! test needs no schema library. Any draft 2020-12 validator accepts the file.

mod extract_support;

use serde_json::{json, Value};
use sitrep_model::{
    Acled, Actor, Count, DatePrecision, Event, EventDate, Evidence, Figure, GeoPrecision, Location,
    Period, Place, Plover, Record,
};

use extract_support::{sitrep, workspace_root};

/// The keywords `validate` understands; annotations are accepted and ignored.
const KEYWORDS: &[&str] = &[
    "type",
    "properties",
    "required",
    "enum",
    "const",
    "anyOf",
    "oneOf",
    "$ref",
    "minimum",
    "maximum",
    "format",
    "items",
    "$defs",
    "$schema",
    "$id",
    "title",
    "description",
];

fn schema() -> Value {
    let path = workspace_root().join("docs/record.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).expect("docs/record.schema.json is JSON")
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

/// Returns the first violation found, as "path: problem".
fn validate(root: &Value, schema: &Value, value: &Value, path: &str) -> Result<(), String> {
    let fail = |problem: String| Err(format!("{path}: {problem}"));
    let Some(rules) = schema.as_object() else {
        return Ok(());
    };
    if let Some(reference) = rules.get("$ref").and_then(Value::as_str) {
        let target = reference
            .strip_prefix("#/")
            .map(|p| p.split('/').fold(root, |node, key| &node[key]))
            .filter(|node| !node.is_null())
            .ok_or_else(|| format!("{path}: unresolvable $ref {reference}"))?;
        validate(root, target, value, path)?;
    }
    if let Some(types) = rules.get("type") {
        let names: Vec<&str> = match types {
            Value::String(name) => vec![name.as_str()],
            Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !names.iter().any(|name| type_matches(name, value)) {
            return fail(format!("{value} is not of type {types}"));
        }
    }
    if let Some(expected) = rules.get("const") {
        if expected != value {
            return fail(format!("{value} is not {expected}"));
        }
    }
    if let Some(options) = rules.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            return fail(format!(
                "{value} is not one of {}",
                Value::Array(options.clone())
            ));
        }
    }
    if let Some(number) = value.as_f64() {
        if rules
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|min| number < min)
        {
            return fail(format!("{number} is below the minimum"));
        }
        if rules
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|max| number > max)
        {
            return fail(format!("{number} is above the maximum"));
        }
    }
    if rules.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(text) = value.as_str() {
            if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() {
                return fail(format!("{text:?} is not a YYYY-MM-DD date"));
            }
        }
    }
    if let Some(object) = value.as_object() {
        for name in rules
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                return fail(format!("missing required field {name:?}"));
            }
        }
        if let Some(properties) = rules.get("properties").and_then(Value::as_object) {
            for (name, field_schema) in properties {
                if let Some(field) = object.get(name) {
                    validate(root, field_schema, field, &format!("{path}.{name}"))?;
                }
            }
        }
    }
    if let (Some(items), Some(array)) = (rules.get("items"), value.as_array()) {
        for (index, item) in array.iter().enumerate() {
            validate(root, items, item, &format!("{path}[{index}]"))?;
        }
    }
    if let Some(options) = rules.get("anyOf").and_then(Value::as_array) {
        if !options
            .iter()
            .any(|option| validate(root, option, value, path).is_ok())
        {
            return fail("matches none of anyOf".into());
        }
    }
    if let Some(options) = rules.get("oneOf").and_then(Value::as_array) {
        let errors: Vec<String> = options
            .iter()
            .filter_map(|option| validate(root, option, value, path).err())
            .collect();
        if errors.len() != options.len() - 1 {
            return fail(format!(
                "must match exactly one of oneOf; failures: {errors:?}"
            ));
        }
    }
    Ok(())
}

fn check(record: &Value) -> Result<(), String> {
    let schema = schema();
    validate(&schema, &schema, record, "record")
}

fn full_records() -> Vec<Record> {
    let location = Location {
        text: Some("southern Idlib".into()),
        name: Some("Idlib".into()),
        country: Some("SY".into()),
        admin1: Some("Idlib".into()),
        admin2: Some("Ariha".into()),
        lat: Some(35.93),
        lon: Some(36.63),
        geonameid: Some(169_388),
        precision: GeoPrecision::Region,
    };
    let evidence = Evidence {
        sentence_index: 2,
        start: 120,
        end: 190,
        sentence: "An air strike killed 12.".into(),
    };
    let actor = Actor {
        text: "government forces".into(),
        name: Some("Military Forces of Syria".into()),
        country: Some("SYR".into()),
        kind: Some("military".into()),
        code: Some("SYRMIL".into()),
    };
    vec![
        Record::Event(Event {
            id: "e1".into(),
            doc_id: "d1".into(),
            date: EventDate {
                value: chrono::NaiveDate::from_ymd_opt(2020, 2, 27),
                precision: DatePrecision::Day,
                text: Some("late Thursday".into()),
            },
            acled: Some(Acled {
                event_type: "Explosions/Remote violence".into(),
                sub_event_type: "Air/drone strike".into(),
            }),
            plover: Some(Plover {
                kind: "ASSAULT".into(),
                mode: Some("aerial".into()),
            }),
            cameo: Some("195".into()),
            actor1: Some(actor.clone()),
            actor2: Some(actor),
            location: Some(location.clone()),
            killed: Some(Count::exact(12)),
            injured: Some(Count::range(Some(301), None)),
            arrested: Some(Count::exact(3)),
            abducted: Some(Count::range(Some(24), None)),
            fatalities: 12,
            attribution: Some("the governor".into()),
            evidence: evidence.clone(),
            trigger: Some("air strike".into()),
            confidence: 0.9,
        }),
        Record::Event(Event {
            id: "e2".into(),
            doc_id: "d1".into(),
            ..Event::default()
        }),
        Record::Figure(Figure {
            id: "f1".into(),
            doc_id: "d1".into(),
            measure: "displaced".into(),
            population: Some("civilians".into()),
            value: Count::range(Some(900_000), Some(950_000)),
            period: Some(Period {
                from: Some("2019-12".into()),
                to: Some("2020-02-28".into()),
            }),
            location: Some(location),
            attribution: Some("United Nations".into()),
            evidence,
        }),
        Record::Place(Place {
            doc_id: "d1".into(),
            text: "Saraqeb".into(),
            start: 1502,
            end: 1509,
            name: Some("Saraqib".into()),
            country: Some("SY".into()),
            admin1: Some("Idlib".into()),
            lat: Some(35.864),
            lon: Some(36.806),
            geonameid: Some(164_816),
            feature: Some("city".into()),
            precision: GeoPrecision::Town,
        }),
        Record::Place(Place {
            doc_id: "d2".into(),
            text: "Nowhere".into(),
            ..Place::default()
        }),
    ]
}

#[test]
fn the_schema_uses_only_keywords_the_test_validates() {
    fn walk(node: &Value, in_properties: bool) {
        match node {
            Value::Object(map) => {
                for (key, child) in map {
                    if !in_properties {
                        assert!(
                            KEYWORDS.contains(&key.as_str()),
                            "schema keyword {key:?} is not checked by this test; extend validate()"
                        );
                    }
                    walk(
                        child,
                        !in_properties && (key == "properties" || key == "$defs"),
                    );
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, false)),
            _ => {}
        }
    }
    walk(&schema(), false);
}

#[test]
fn records_of_every_kind_validate() {
    for record in full_records() {
        let value: Value = serde_json::from_str(&record.to_json_line()).unwrap();
        check(&value).unwrap_or_else(|err| panic!("{err}\n{value}"));
    }
}

#[test]
fn broken_records_do_not_validate() {
    let good: Value = serde_json::from_str(&full_records()[0].to_json_line()).unwrap();
    let broken = |path: &[&str], replacement: Value| {
        let mut value = good.clone();
        let (last, parents) = path.split_last().unwrap();
        let parent = parents.iter().fold(&mut value, |node, key| &mut node[*key]);
        match replacement {
            Value::Null if *last == "-" => {}
            replacement => parent[*last] = replacement,
        }
        value
    };
    for (path, replacement) in [
        (vec!["schema"], json!("sitrep/2")),
        (vec!["acled", "sub_event_type"], json!("Bombing")),
        (vec!["plover", "type"], json!("FIGHT")),
        (vec!["date", "value"], json!("27 February 2020")),
        (vec!["date", "precision"], json!("hour")),
        (vec!["location", "lat"], json!(123.0)),
        (vec!["killed", "min"], json!(-1)),
        (vec!["confidence"], json!(1.5)),
        (vec!["evidence"], json!(null)),
    ] {
        let value = broken(&path, replacement);
        assert!(
            check(&value).is_err(),
            "{path:?} change should be rejected: {value}"
        );
    }
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("doc_id");
    assert!(check(&missing).is_err());
}

#[test]
fn real_extract_output_validates() {
    let run = sitrep(
        &[
            "extract",
            "--published",
            "2023-06-01",
            "--format",
            "jsonl",
            "examples/",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in run.stdout.lines() {
        let value: Value = serde_json::from_str(line).expect("JSON line");
        check(&value).unwrap_or_else(|err| panic!("{err}\n{line}"));
    }
}
