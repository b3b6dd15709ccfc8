//! Writes records in the formats users read: JSONL (the `sitrep/1` contract),
//! ACLED-style CSV, GeoJSON and a terminal table.

use std::io::{self, Write};

use sitrep_model::Record;

/// Writes one record as a JSON line.
pub fn write_jsonl<W: Write>(out: &mut W, record: &Record) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1024);
    record.write_json(&mut buf);
    buf.push(b'\n');
    out.write_all(&buf)
}
