//! ACLED-style CSV: ACLED's columns first, in ACLED's order and meaning
//! (`time_precision` and `geo_precision` are ACLED's 1/2/3 codes, `fatalities`
//! the lowest reported count, `notes` the evidence sentence), then sitrep's
//! own. RFC 4180 quoting, UTF-8 without BOM, `\n` line ends, empty cells for
//! unknown values: `read.csv()` in R and `pandas.read_csv()` read it as is.

use sitrep_model::{Count, Record};

use crate::countries::country_name;
use crate::fields::Flat;

/// The header row, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "source",
    "notes",
    "id",
    "doc_id",
    "kind",
    "country_code",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "measure",
    "population",
    "value_min",
    "value_max",
    "attribution",
    "plover",
    "cameo",
    "confidence",
];

/// The header line.
pub(crate) fn header() -> Vec<u8> {
    let mut line = CSV_COLUMNS.join(",").into_bytes();
    line.push(b'\n');
    line
}

/// Appends one record as a CSV line.
pub(crate) fn row(out: &mut Vec<u8>, record: &Record, source: Option<&str>) {
    let flat = Flat::of(record);
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let bounds = |count: Option<Count>| {
        let count = count.unwrap_or_default();
        [number(count.min), number(count.max)]
    };
    let [killed_min, killed_max] = bounds(flat.killed);
    let [injured_min, injured_max] = bounds(flat.injured);
    let [value_min, value_max] = bounds(flat.value);
    let text = |s: Option<&str>| s.unwrap_or_default().to_string();
    let cells: [String; 31] = [
        flat.event_date.clone().unwrap_or_default(),
        number(flat.acled_time_precision().map(u32::from)),
        text(flat.event_type),
        text(flat.sub_event_type),
        text(flat.actor1),
        text(flat.actor2),
        text(flat.country.map(|code| country_name(code).unwrap_or(code))),
        text(flat.admin1),
        text(flat.location),
        flat.lat.map(|lat| lat.to_string()).unwrap_or_default(),
        flat.lon.map(|lon| lon.to_string()).unwrap_or_default(),
        number(flat.acled_geo_precision().map(u32::from)),
        number(flat.fatalities),
        text(source),
        flat.notes.map(one_line).unwrap_or_default(),
        flat.id.to_string(),
        flat.doc_id.to_string(),
        flat.kind.to_string(),
        text(flat.country),
        killed_min,
        killed_max,
        injured_min,
        injured_max,
        text(flat.measure),
        text(flat.population),
        value_min,
        value_max,
        text(flat.attribution),
        text(flat.plover),
        text(flat.cameo),
        flat.confidence
            .map(|c| format!("{c:.2}"))
            .unwrap_or_default(),
    ];
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        push_cell(out, cell);
    }
    out.push(b'\n');
}

/// Collapses line breaks and runs of whitespace into single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes a cell, quoted when it holds a comma, quote or line break.
fn push_cell(out: &mut Vec<u8>, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}
