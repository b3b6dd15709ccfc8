//! Query filters and cursor paging, and their translation into SQL.

use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::Value;

use crate::{search_form, StoreError};

/// The largest page a query returns.
pub const MAX_PAGE: usize = 1000;

/// Which incidents a query returns. Every field narrows; the default matches all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First day (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day (inclusive).
    pub to: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2 country code of the location (any case).
    pub country: Option<String>,
    /// First-level administrative division name (any case).
    pub admin1: Option<String>,
    /// ACLED event type or sub-event type, exactly (any case).
    pub event_type: Option<String>,
    /// Words in any actor's text or name (any case).
    pub actor: Option<String>,
    /// Words in any source's evidence sentence (any case).
    pub text: Option<String>,
    /// Only incidents with coordinates inside this box.
    pub bbox: Option<BBox>,
}

impl Filter {
    /// True when an index in page order answers every condition (dates,
    /// country, cursor), so a page costs about `limit` row reads whatever the
    /// store's size. Other conditions are tested row by row and may scan much
    /// of the store before a page fills (text searches read every row).
    pub fn pages_from_index(&self) -> bool {
        non_empty(&self.admin1).is_none()
            && non_empty(&self.event_type).is_none()
            && non_empty(&self.actor).is_none()
            && non_empty(&self.text).is_none()
            && self.bbox.is_none()
    }
}

/// A longitude/latitude box; `min_lon > max_lon` crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Western edge.
    pub min_lon: f64,
    /// Southern edge.
    pub min_lat: f64,
    /// Eastern edge.
    pub max_lon: f64,
    /// Northern edge.
    pub max_lat: f64,
}

impl FromStr for BBox {
    type Err = StoreError;

    /// Parses `min_lon,min_lat,max_lon,max_lat` (the GeoJSON `bbox` order).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            StoreError::BadRequest(format!(
                "bbox {text:?} is not min_lon,min_lat,max_lon,max_lat in degrees, e.g. 35.5,35.0,37.5,36.5"
            ))
        };
        let numbers: Vec<f64> = text
            .split(',')
            .map(|part| part.trim().parse::<f64>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
            return Err(bad());
        };
        let lon_ok = |v: f64| (-180.0..=180.0).contains(&v);
        let lat_ok = |v: f64| (-90.0..=90.0).contains(&v);
        if !(lon_ok(min_lon) && lon_ok(max_lon) && lat_ok(min_lat) && lat_ok(max_lat))
            || min_lat > max_lat
        {
            return Err(bad());
        }
        Ok(BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }
}

/// Where a page starts: just after the incident the cursor names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The last returned incident's date ('' when unknown).
    pub date: String,
    /// The last returned incident's sequence number.
    pub seq: i64,
}

impl Cursor {
    /// The opaque text form handed to clients (`DATE~SEQ`).
    pub fn encode(&self) -> String {
        format!("{}~{}", self.date, self.seq)
    }
}

impl FromStr for Cursor {
    type Err = StoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            StoreError::BadRequest(format!(
                "cursor {text:?} is not one this server handed out; pass the `next` value of the previous page"
            ))
        };
        let (date, seq) = text.rsplit_once('~').ok_or_else(bad)?;
        let date_ok = date.is_empty() || NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok();
        let seq = seq.parse::<i64>().map_err(|_| bad())?;
        if !date_ok {
            return Err(bad());
        }
        Ok(Cursor {
            date: date.to_string(),
            seq,
        })
    }
}

/// How many incidents to return, and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// Page size, 1 to [`MAX_PAGE`].
    pub limit: usize,
    /// Continue after this incident; `None` starts with the most recent.
    pub cursor: Option<Cursor>,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            limit: 100,
            cursor: None,
        }
    }
}

/// A SQL `WHERE` clause (possibly empty) and its parameters.
pub(crate) struct Clause {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Clause {
    fn push(&mut self, condition: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        self.sql.push_str(condition);
        self.params.extend(values);
    }
}

fn text_value(text: &str) -> Value {
    Value::Text(text.to_string())
}

/// Builds the `WHERE` clause over the `incidents` table for `filter` (and `cursor`).
pub(crate) fn where_clause(filter: &Filter, cursor: Option<&Cursor>) -> Clause {
    let mut clause = Clause {
        sql: String::new(),
        params: Vec::new(),
    };
    if let Some(from) = filter.from {
        clause.push("date >= ?", [text_value(&from.to_string())]);
    }
    if let Some(to) = filter.to {
        clause.push("date <> '' AND date <= ?", [text_value(&to.to_string())]);
    }
    if let Some(country) = non_empty(&filter.country) {
        clause.push("country = ?", [text_value(&country.to_uppercase())]);
    }
    if let Some(admin1) = non_empty(&filter.admin1) {
        clause.push("admin1 = ?", [text_value(admin1)]);
    }
    if let Some(kind) = non_empty(&filter.event_type) {
        clause.push(
            "(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)",
            [text_value(kind), text_value(kind)],
        );
    }
    if let Some(actor) = non_empty(&filter.actor) {
        clause.push(
            "instr(actors_search, ?) > 0",
            [text_value(&search_form(actor))],
        );
    }
    if let Some(text) = non_empty(&filter.text) {
        clause.push(
            "instr(text_search, ?) > 0",
            [text_value(&search_form(text))],
        );
    }
    if let Some(bbox) = filter.bbox {
        clause.push(
            "lat BETWEEN ? AND ?",
            [Value::Real(bbox.min_lat), Value::Real(bbox.max_lat)],
        );
        let lon = if bbox.min_lon <= bbox.max_lon {
            "lon BETWEEN ? AND ?"
        } else {
            "(lon >= ? OR lon <= ?)"
        };
        clause.push(lon, [Value::Real(bbox.min_lon), Value::Real(bbox.max_lon)]);
    }
    if let Some(cursor) = cursor {
        clause.push(
            "(date, seq) < (?, ?)",
            [text_value(&cursor.date), Value::Integer(cursor.seq)],
        );
    }
    clause
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}
