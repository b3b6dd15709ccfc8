//! Writes records in the formats users read: JSONL (the `sitrep/1` contract),
//! ACLED-style CSV, GeoJSON for QGIS, and a table for the terminal.
//!
//! # What goes in, what comes out
//!
//! [`RecordWriter`] takes [`Record`]s one at a time (events, figures and
//! places, mixed) and streams them to any `Write`: nothing is buffered beyond
//! one record, so output of any size uses constant memory. [`RecordWriter::finish`]
//! writes the closing bytes (GeoJSON's `]}`) and flushes.
//!
//! | format | events | figures | places |
//! |---|---|---|---|
//! | `jsonl` | yes | yes | yes |
//! | `csv` | one row each, ACLED columns first | a row with `kind=figure`, `measure`, `value_min/max` | a row with `kind=place` |
//! | `geojson` | when they have coordinates | when they have coordinates | when resolved |
//! | `table` | one line each | one line each | one line each |
//!
//! ```
//! use sitrep_export::{OutputFormat, RecordWriter};
//! use sitrep_model::{Event, Record};
//! let mut writer = RecordWriter::new(OutputFormat::Csv, Vec::new()).unwrap();
//! writer.write(&Record::Event(Event { id: "e1".into(), ..Event::default() }), Some("Wire")).unwrap();
//! let csv = String::from_utf8(writer.finish().unwrap()).unwrap();
//! assert!(csv.starts_with("event_date,time_precision,event_type,"));
//! ```

mod countries;
mod csv;
mod fields;
mod geojson;
mod table;

use std::io::{self, Write};
use std::str::FromStr;

use sitrep_model::Record;

pub use countries::country_name;
pub use csv::CSV_COLUMNS;

/// Writes one record as a JSON line.
pub fn write_jsonl<W: Write>(out: &mut W, record: &Record) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1024);
    record.write_json(&mut buf);
    buf.push(b'\n');
    out.write_all(&buf)
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One `sitrep/1` JSON record a line.
    Jsonl,
    /// ACLED-style CSV with a header row.
    Csv,
    /// A GeoJSON FeatureCollection of the records that have coordinates.
    Geojson,
    /// An aligned, human-readable table.
    Table,
}

impl OutputFormat {
    /// Every format, with its name on the command line.
    pub const ALL: [(&'static str, OutputFormat); 4] = [
        ("jsonl", OutputFormat::Jsonl),
        ("csv", OutputFormat::Csv),
        ("geojson", OutputFormat::Geojson),
        ("table", OutputFormat::Table),
    ];
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        OutputFormat::ALL
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, format)| *format)
            .ok_or_else(|| format!("unknown format {name:?}; use jsonl, csv, geojson or table"))
    }
}

/// Streams records to `W` in one [`OutputFormat`].
pub struct RecordWriter<W: Write> {
    format: OutputFormat,
    out: W,
    written: u64,
    left_out: u64,
    line: Vec<u8>,
    table_width: usize,
}

impl<W: Write> RecordWriter<W> {
    /// Starts the output (CSV header, GeoJSON opening, table header).
    pub fn new(format: OutputFormat, out: W) -> io::Result<Self> {
        Self::with_width(format, out, table::DEFAULT_WIDTH)
    }

    /// Like [`RecordWriter::new`], with the terminal width the table should fit.
    pub fn with_width(format: OutputFormat, mut out: W, width: usize) -> io::Result<Self> {
        let table_width = width.max(table::MIN_WIDTH);
        match format {
            OutputFormat::Jsonl => {}
            OutputFormat::Csv => out.write_all(&csv::header())?,
            OutputFormat::Geojson => out.write_all(geojson::OPENING)?,
            OutputFormat::Table => out.write_all(table::header(table_width).as_bytes())?,
        }
        Ok(RecordWriter {
            format,
            out,
            written: 0,
            left_out: 0,
            line: Vec::with_capacity(4096),
            table_width,
        })
    }

    /// Writes one record; `source` is the outlet of its document (CSV `source`).
    pub fn write(&mut self, record: &Record, source: Option<&str>) -> io::Result<()> {
        self.line.clear();
        let wrote = match self.format {
            OutputFormat::Jsonl => {
                record.write_json(&mut self.line);
                self.line.push(b'\n');
                true
            }
            OutputFormat::Csv => {
                csv::row(&mut self.line, record, source);
                true
            }
            OutputFormat::Geojson => geojson::feature(&mut self.line, record, self.written == 0),
            OutputFormat::Table => {
                table::row(&mut self.line, record, self.table_width);
                true
            }
        };
        if wrote {
            self.written += 1;
            self.out.write_all(&self.line)
        } else {
            self.left_out += 1;
            Ok(())
        }
    }

    /// The underlying writer, for bytes the caller renders itself (between records).
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Records written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Records the format could not hold (GeoJSON: records without coordinates).
    pub fn left_out(&self) -> u64 {
        self.left_out
    }

    /// Ends the output (GeoJSON's closing brackets), flushes, and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            OutputFormat::Geojson => self.out.write_all(geojson::CLOSING)?,
            OutputFormat::Table if self.written == 0 => self.out.write_all(b"(no records)\n")?,
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
