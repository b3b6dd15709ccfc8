//! The vocabulary every sitrep stage shares: documents in, records out.
//!
//! A [`Document`] is what ingestion produces: text plus the metadata an article
//! carries. The pipeline turns each document into [`Record`]s — [`Event`]s,
//! [`Figure`]s and [`Place`]s — whose JSON form is the record contract
//! `sitrep/1` (see `../shared/spec/records.md` and `docs/record.schema.json`).
//!
//! Invariants:
//! - no IO and no dependency on other sitrep crates;
//! - internally a [`Span`] is a byte range into `Document::text`; records carry
//!   Unicode code-point offsets (as Python indexes a `str`), converted once with
//!   [`CharIndex`] when a record is built;
//! - counts are ranges ([`Count`]): a count never mentioned is `None`, never 0.
//!
//! ```
//! use sitrep_model::{Count, Record, Figure};
//! let figure = Figure { measure: "displaced".into(), value: Count::exact(12), ..Figure::default() };
//! let line = Record::Figure(figure).to_json_line();
//! assert!(line.starts_with(r#"{"schema":"sitrep/1","kind":"figure""#));
//! ```

mod count;
mod json;
mod span;
mod taxonomy;

pub use count::Count;
pub use span::{CharIndex, Span};
pub use taxonomy::{AcledType, ACLED_SUB_EVENT_TYPES, PLOVER_TYPES};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The version tag every record carries in its `schema` field.
pub const SCHEMA: &str = "sitrep/1";

/// One input article, as ingestion hands it to the pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the JSONL `id`, the file name, or a content hash.
    pub id: String,
    /// The article text (never HTML); all spans index into it.
    pub text: String,
    /// Publication date, used to resolve relative dates ("late Thursday").
    pub published: Option<NaiveDate>,
    /// Headline, when the input carries one.
    pub title: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Outlet or wire service name, when known.
    pub source: Option<String>,
}

/// Granularity of a resolved date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// Resolved to one day.
    Day,
    /// Somewhere in a week ("last week").
    Week,
    /// Somewhere in a month ("earlier this month"); the value is its first day.
    Month,
    /// Somewhere in a year; the value is 1 January.
    Year,
    /// Could not be resolved (no publication date, or no date expression).
    #[default]
    Unknown,
}

impl DatePrecision {
    /// The name written in records: `day`, `week`, `month`, `year` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

/// When an event happened, with the expression it was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// Full ISO date (first day of the period for week/month/year), or null.
    pub value: Option<NaiveDate>,
    /// How precise `value` is.
    pub precision: DatePrecision,
    /// The date expression in the text ("late Thursday"), if any.
    pub text: Option<String>,
}

/// ACLED event type and sub-event type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Acled {
    /// One of ACLED's six event types, e.g. "Explosions/Remote violence".
    pub event_type: String,
    /// One of ACLED's 25 sub-event types, e.g. "Air/drone strike".
    pub sub_event_type: String,
}

/// PLOVER event type and mode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Plover {
    /// One of the 16 PLOVER types, upper case, e.g. "ASSAULT".
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode, e.g. "aerial"; null when none applies.
    pub mode: Option<String>,
}

/// A participant in an event, normalised against the actor lexicon.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the text ("Assad's forces").
    pub text: String,
    /// ACLED-style name ("Military Forces of Syria"), null when unknown.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-3 country code, as CAMEO uses.
    pub country: Option<String>,
    /// Kind of actor: military, police, government, rebels, militia, civilians, protesters, igo, …
    pub kind: Option<String>,
    /// CAMEO-style code, e.g. "SYRMIL".
    pub code: Option<String>,
}

/// How precisely a location is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    /// An exact point (a named site).
    Point,
    /// A town or city.
    Town,
    /// A district, province or region ("southern Idlib").
    Region,
    /// Only the country is known.
    Country,
    /// Nothing could be resolved.
    #[default]
    Unknown,
}

impl GeoPrecision {
    /// The name written in records: `point`, `town`, `region`, `country` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Point => "point",
            GeoPrecision::Town => "town",
            GeoPrecision::Region => "region",
            GeoPrecision::Country => "country",
            GeoPrecision::Unknown => "unknown",
        }
    }
}

/// Where an event happened, geocoded against the gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The words in the text ("southern Idlib").
    pub text: Option<String>,
    /// Gazetteer name of the place.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// First-level administrative division name.
    pub admin1: Option<String>,
    /// Second-level administrative division name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    /// Latitude in degrees (WGS84).
    pub lat: Option<f64>,
    /// Longitude in degrees (WGS84).
    pub lon: Option<f64>,
    /// GeoNames identifier of the gazetteer entry.
    pub geonameid: Option<u64>,
    /// How precise the coordinates are.
    pub precision: GeoPrecision,
}

/// The sentence a record was read from, with code-point offsets into the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index of the sentence in the document (0-based).
    pub sentence_index: usize,
    /// Code-point offset of the sentence start in the document text.
    pub start: usize,
    /// Code-point offset one past the sentence end.
    pub end: usize,
    /// The sentence text, exactly `text[start..end]`.
    pub sentence: String,
}

/// One coded event (`kind = "event"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: the same input gives the same id.
    pub id: String,
    /// Id of the document the event was read from.
    pub doc_id: String,
    /// When it happened.
    pub date: EventDate,
    /// ACLED type, null for events outside ACLED's taxonomy (statements, talks).
    pub acled: Option<Acled>,
    /// PLOVER type and mode, null where no code applies.
    pub plover: Option<Plover>,
    /// CAMEO code ("195"), null where no code applies.
    pub cameo: Option<String>,
    /// Who acted.
    pub actor1: Option<Actor>,
    /// Who was acted upon.
    pub actor2: Option<Actor>,
    /// Where.
    pub location: Option<Location>,
    /// People killed, as a range; null when not mentioned.
    pub killed: Option<Count>,
    /// People injured, as a range; null when not mentioned.
    pub injured: Option<Count>,
    /// People arrested or detained, as a range; null when not mentioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Count>,
    /// People abducted or kidnapped, as a range; null when not mentioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abducted: Option<Count>,
    /// ACLED's single fatality number: the lowest reported count, 0 when none.
    #[serde(default)]
    pub fatalities: u32,
    /// Who the report is attributed to ("police said").
    pub attribution: Option<String>,
    /// The sentence behind the event.
    pub evidence: Evidence,
    /// The words that triggered the event ("air strike"), for auditing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// Extraction confidence in [0, 1].
    pub confidence: f32,
}

/// A period a figure covers, as ISO dates or months ("2019-12").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// Start of the period, when stated.
    pub from: Option<String>,
    /// End of the period (often the publication date).
    pub to: Option<String>,
}

/// An aggregate humanitarian number (`kind = "figure"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable id: the same input gives the same id.
    #[serde(default)]
    pub id: String,
    /// Id of the document the figure was read from.
    pub doc_id: String,
    /// What is counted: displaced, refugees, killed, injured, in_need, …
    pub measure: String,
    /// Who is counted ("civilians", "children"), when stated.
    pub population: Option<String>,
    /// The number, as a range.
    pub value: Count,
    /// The period the figure covers.
    pub period: Option<Period>,
    /// Where, when stated or implied.
    pub location: Option<Location>,
    /// Who the figure is attributed to.
    pub attribution: Option<String>,
    /// The sentence behind the figure.
    pub evidence: Evidence,
}

/// One toponym mention in a document (`kind = "place"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Id of the document the mention is in.
    pub doc_id: String,
    /// The mention, exactly `text[start..end]` of the document.
    pub text: String,
    /// Code-point offset of the mention.
    pub start: usize,
    /// Code-point offset one past the mention.
    pub end: usize,
    /// Gazetteer name, null when unresolved.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// First-level administrative division name.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// GeoNames identifier.
    pub geonameid: Option<u64>,
    /// Feature kind: country, admin1, admin2, city, region, …
    pub feature: Option<String>,
    /// How precise the coordinates are.
    pub precision: GeoPrecision,
}

/// Any record sitrep writes, tagged by `kind` on the wire.
// Records are built and written one at a time, so the size gap between variants
// costs nothing worth a Box on every event.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    /// A coded event.
    Event(Event),
    /// An aggregate humanitarian figure.
    Figure(Figure),
    /// A toponym mention.
    Place(Place),
}

impl Record {
    /// Serialises the record as one line of the `sitrep/1` contract (no newline).
    pub fn to_json_line(&self) -> String {
        let mut out = Vec::with_capacity(512);
        self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends the record's `sitrep/1` JSON form (no newline) to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::write_record(out, self);
    }

    /// The id of the document this record came from.
    pub fn doc_id(&self) -> &str {
        match self {
            Record::Event(e) => &e.doc_id,
            Record::Figure(f) => &f.doc_id,
            Record::Place(p) => &p.doc_id,
        }
    }
}

/// A problem found while processing one document that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Document the problem concerns.
    pub doc_id: String,
    /// Human-readable description and what to do about it.
    pub message: String,
}

/// `hash` as 16 lower-case hex digits, as `format!("{hash:016x}")` writes it (the
/// form of record ids), without the formatting machinery.
pub fn hex_id(hash: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..16)
        .map(|i| char::from(DIGITS[(hash >> (60 - 4 * i)) as usize & 0xf]))
        .collect()
}

/// A 64-bit FNV-1a hash, used for stable record ids.
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(std::iter::once(&0xffu8)) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_line_carries_schema_and_kind_first() {
        let event = Event {
            id: "e1".into(),
            doc_id: "d".into(),
            killed: Some(Count::exact(33)),
            ..Event::default()
        };
        let line = Record::Event(event.clone()).to_json_line();
        assert!(
            line.starts_with(r#"{"schema":"sitrep/1","kind":"event","id":"e1""#),
            "{line}"
        );
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, Record::Event(event));
    }

    #[test]
    fn precisions_serialise_lowercase() {
        assert_eq!(
            serde_json::to_string(&DatePrecision::Month).unwrap(),
            "\"month\""
        );
        assert_eq!(
            serde_json::to_string(&GeoPrecision::Region).unwrap(),
            "\"region\""
        );
    }

    #[test]
    fn stable_hash_separates_parts() {
        assert_ne!(stable_hash(&[b"ab", b"c"]), stable_hash(&[b"a", b"bc"]));
        assert_eq!(stable_hash(&[b"x"]), stable_hash(&[b"x"]));
    }
}
