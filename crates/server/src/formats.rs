//! CSV and GeoJSON forms of stored incidents, for the API and `sitrep query`.
//!
//! The CSV columns follow ACLED's names where one exists (`event_date`,
//! `sub_event_type`, `admin1`, `latitude`, `fatalities`, `notes`, ...); the
//! GeoJSON is a FeatureCollection of points whose properties are the incident
//! JSON (the `sitrep/1` event plus `source_count` and `sources`).

use std::io::{self, Write};

use serde::Deserialize;
use sitrep_model::{Count, Event};
use sitrep_store::IncidentRow;

/// A stored incident as listed: the merged event and its sources' ids.
#[derive(Deserialize)]
struct Listed {
    #[serde(flatten)]
    event: Event,
    #[serde(default)]
    source_count: usize,
    #[serde(default)]
    sources: Vec<SourceRef>,
}

#[derive(Deserialize)]
struct SourceRef {
    doc_id: String,
}

/// The CSV header, in column order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "plover",
    "cameo",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "source_count",
    "sources",
    "notes",
];

fn bound(value: Option<u32>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn count_bounds(count: Option<Count>) -> [String; 2] {
    match count {
        Some(c) => [bound(c.min), bound(c.max)],
        None => [String::new(), String::new()],
    }
}

/// Writes incidents as CSV, with a header line.
pub fn write_csv<W: Write>(out: W, rows: &[IncidentRow]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for row in rows {
        let listed: Listed = serde_json::from_str(&row.json)?;
        let e = &listed.event;
        let actor = |a: &Option<sitrep_model::Actor>| {
            a.as_ref()
                .map(|a| a.name.clone().unwrap_or_else(|| a.text.clone()))
                .unwrap_or_default()
        };
        let location = e.location.clone().unwrap_or_default();
        let coordinate = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let [killed_min, killed_max] = count_bounds(e.killed);
        let [injured_min, injured_max] = count_bounds(e.injured);
        let sources: Vec<&str> = listed.sources.iter().map(|s| s.doc_id.as_str()).collect();
        let acled = e.acled.clone().unwrap_or_default();
        let precision = |json: serde_json::Result<String>| {
            json.unwrap_or_default().trim_matches('"').to_string()
        };
        writer.write_record([
            e.id.clone(),
            e.date.value.map(|d| d.to_string()).unwrap_or_default(),
            precision(serde_json::to_string(&e.date.precision)),
            acled.event_type,
            acled.sub_event_type,
            e.plover
                .as_ref()
                .map(|p| p.kind.clone())
                .unwrap_or_default(),
            e.cameo.clone().unwrap_or_default(),
            actor(&e.actor1),
            actor(&e.actor2),
            location.country.clone().unwrap_or_default(),
            location.admin1.clone().unwrap_or_default(),
            location
                .name
                .clone()
                .or(location.text.clone())
                .unwrap_or_default(),
            coordinate(location.lat),
            coordinate(location.lon),
            precision(serde_json::to_string(&location.precision)),
            e.fatalities.to_string(),
            killed_min,
            killed_max,
            injured_min,
            injured_max,
            listed.source_count.max(1).to_string(),
            sources.join(";"),
            e.evidence.sentence.clone(),
        ])?;
    }
    writer.flush()
}

/// Writes incidents as a GeoJSON FeatureCollection; `next` is the next page's cursor.
pub fn write_geojson<W: Write>(
    out: &mut W,
    rows: &[IncidentRow],
    next: Option<&str>,
) -> io::Result<()> {
    out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            out.write_all(b",")?;
        }
        let listed: Listed = serde_json::from_str(&row.json)?;
        let location = listed.event.location.as_ref();
        let point = location.and_then(|l| Some((l.lon?, l.lat?)));
        out.write_all(br#"{"type":"Feature","id":"#)?;
        serde_json::to_writer(&mut *out, &listed.event.id)?;
        out.write_all(br#","geometry":"#)?;
        match point {
            Some((lon, lat)) => serde_json::to_writer(
                &mut *out,
                &serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
            )?,
            None => out.write_all(b"null")?,
        }
        out.write_all(br#","properties":"#)?;
        out.write_all(row.json.as_bytes())?;
        out.write_all(b"}")?;
    }
    out.write_all(br#"],"next":"#)?;
    serde_json::to_writer(&mut *out, &next)?;
    out.write_all(b"}")
}
