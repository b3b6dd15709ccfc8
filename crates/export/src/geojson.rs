//! GeoJSON (RFC 7946) FeatureCollection, streamed: one Point feature per
//! record with coordinates, flat properties (QGIS shows them as attribute
//! columns). Records without coordinates are left out and counted.

use serde_json::{json, Map, Value};
use sitrep_model::Record;

use crate::countries::country_name;
use crate::fields::Flat;

/// What starts the file.
pub(crate) const OPENING: &[u8] = b"{\"type\":\"FeatureCollection\",\"features\":[\n";
/// What ends it.
pub(crate) const CLOSING: &[u8] = b"\n]}\n";

/// Appends one feature (preceded by a comma unless it is the first);
/// returns false, writing nothing, when the record has no coordinates.
pub(crate) fn feature(out: &mut Vec<u8>, record: &Record, first: bool) -> bool {
    let flat = Flat::of(record);
    let Some((lon, lat)) = flat.lon_lat() else {
        return false;
    };
    let mut properties = Map::new();
    let mut put = |key: &str, value: Value| {
        if !value.is_null() {
            properties.insert(key.to_string(), value);
        }
    };
    put("kind", json!(flat.kind));
    put(
        "id",
        if flat.id.is_empty() {
            Value::Null
        } else {
            json!(flat.id)
        },
    );
    put("doc_id", json!(flat.doc_id));
    put("event_date", json!(flat.event_date));
    put("time_precision", json!(flat.acled_time_precision()));
    put("event_type", json!(flat.event_type));
    put("sub_event_type", json!(flat.sub_event_type));
    put("plover", json!(flat.plover));
    put("plover_mode", json!(flat.plover_mode));
    put("cameo", json!(flat.cameo));
    put("actor1", json!(flat.actor1));
    put("actor2", json!(flat.actor2));
    put(
        "country",
        json!(flat.country.map(|code| country_name(code).unwrap_or(code))),
    );
    put("country_code", json!(flat.country));
    put("admin1", json!(flat.admin1));
    put("location", json!(flat.location));
    put("geo_precision", json!(flat.geo_precision_name()));
    put("fatalities", json!(flat.fatalities));
    put("killed_min", json!(flat.killed.and_then(|c| c.min)));
    put("killed_max", json!(flat.killed.and_then(|c| c.max)));
    put("injured_min", json!(flat.injured.and_then(|c| c.min)));
    put("injured_max", json!(flat.injured.and_then(|c| c.max)));
    put("measure", json!(flat.measure));
    put("population", json!(flat.population));
    put("value_min", json!(flat.value.and_then(|c| c.min)));
    put("value_max", json!(flat.value.and_then(|c| c.max)));
    put("attribution", json!(flat.attribution));
    put("notes", json!(flat.notes));
    put("confidence", json!(flat.confidence));
    let feature = json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    });
    if !first {
        out.extend_from_slice(b",\n");
    }
    // Serialising a Value into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &feature);
    true
}
