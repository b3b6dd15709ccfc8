//! The read path: filtered, paged incidents; one incident with its sources; statistics.

use rusqlite::types::ValueRef;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use sitrep_model::{Document, Event, Figure};

use crate::filter::{where_clause, Cursor, Filter, PageRequest, MAX_PAGE};
use crate::{Store, StoreError};

/// One incident as stored: its cached JSON (the merged `sitrep/1` event plus
/// `source_count` and `sources` summaries).
#[derive(Debug, Clone)]
pub struct IncidentRow {
    /// The JSON object, ready to send.
    pub json: String,
}

impl IncidentRow {
    /// The merged event (extra fields such as `sources` are ignored).
    pub fn event(&self) -> Result<Event, StoreError> {
        Ok(serde_json::from_str(&self.json)?)
    }
}

/// One page of a query.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The incidents, most recent first.
    pub items: Vec<IncidentRow>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
}

/// One source of an incident, in full.
#[derive(Debug, Clone, Serialize)]
pub struct SourceDetail {
    /// The event as this document reported it.
    pub event: Event,
    /// The document's headline.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The article URL.
    pub url: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
}

/// An incident with every source in full.
#[derive(Debug, Clone)]
pub struct IncidentDetail {
    /// The incident's cached JSON (as in a page).
    pub json: String,
    /// Every source event, in ingest order.
    pub sources: Vec<SourceDetail>,
}

/// A count under one label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// The label (event type, country code); "" when unknown.
    pub key: String,
    /// Incidents with that label.
    pub incidents: u64,
    /// Their fatalities (ACLED's lowest reported count, summed).
    pub fatalities: u64,
}

/// Incidents on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayBucket {
    /// ISO date.
    pub date: String,
    /// Incidents that day.
    pub incidents: u64,
    /// Their fatalities.
    pub fatalities: u64,
}

/// Totals over the incidents a filter matches, and over the whole store.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Incidents matching the filter.
    pub incidents: u64,
    /// Source events behind them.
    pub sources: u64,
    /// Fatalities (sum of each incident's lowest reported count).
    pub fatalities: u64,
    /// Documents in the store (unfiltered).
    pub documents: u64,
    /// Events in the store before deduplication (unfiltered).
    pub events: u64,
    /// First and last dated incident matching the filter.
    pub first_date: Option<String>,
    /// Last dated incident matching the filter.
    pub last_date: Option<String>,
    /// Matching incidents by ACLED event type.
    pub by_event_type: Vec<Bucket>,
    /// Matching incidents by country code.
    pub by_country: Vec<Bucket>,
    /// Matching dated incidents per day, oldest first.
    pub by_day: Vec<DayBucket>,
}

/// A text column's bytes, borrowed from SQLite (no copy, no UTF-8 check).
fn text_bytes<'a>(row: &'a Row<'_>, index: usize) -> rusqlite::Result<&'a [u8]> {
    match row.get_ref(index)? {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => Ok(bytes),
        other => Err(rusqlite::Error::InvalidColumnType(
            index,
            "text".into(),
            other.data_type(),
        )),
    }
}

impl Store {
    /// The incidents matching `filter`, most recent first, one page at a time.
    pub fn query(&self, filter: &Filter, page: &PageRequest) -> Result<Page, StoreError> {
        let mut items = Vec::with_capacity(page.limit.clamp(1, MAX_PAGE));
        let next = self.scan_page(filter, page, |json| {
            items.push(IncidentRow {
                json: String::from_utf8_lossy(json).into_owned(),
            });
        })?;
        Ok(Page { items, next })
    }

    /// The same page as [`query`](Store::query), appended to `out` as the
    /// stored JSON objects separated by commas (the inside of a JSON array),
    /// copied straight from SQLite without parsing or an allocation per row.
    /// Returns how many incidents were written and the next page's cursor.
    pub fn query_json(
        &self,
        filter: &Filter,
        page: &PageRequest,
        out: &mut Vec<u8>,
    ) -> Result<(usize, Option<Cursor>), StoreError> {
        let mut count = 0;
        let next = self.scan_page(filter, page, |json| {
            if count > 0 {
                out.push(b',');
            }
            out.extend_from_slice(json);
            count += 1;
        })?;
        Ok((count, next))
    }

    /// Runs a page query, handing each incident's stored JSON to `each`.
    fn scan_page(
        &self,
        filter: &Filter,
        page: &PageRequest,
        mut each: impl FnMut(&[u8]),
    ) -> Result<Option<Cursor>, StoreError> {
        let limit = page.limit.clamp(1, MAX_PAGE);
        let clause = where_clause(filter, page.cursor.as_ref());
        let sql = format!(
            "SELECT date, seq, json FROM incidents{} ORDER BY date DESC, seq DESC LIMIT {}",
            clause.sql,
            limit + 1
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(params_from_iter(clause.params.iter()))?;
        let mut seen = 0;
        let mut last = Cursor {
            date: String::new(),
            seq: 0,
        };
        while let Some(row) = rows.next()? {
            if seen == limit {
                return Ok(Some(last));
            }
            seen += 1;
            last.date.clear();
            last.date
                .push_str(&String::from_utf8_lossy(text_bytes(row, 0)?));
            last.seq = row.get(1)?;
            each(text_bytes(row, 2)?);
        }
        Ok(None)
    }

    /// One incident with all its sources, by incident id (or by any source event's id).
    pub fn incident(&self, id: &str) -> Result<Option<IncidentDetail>, StoreError> {
        let found: Option<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT seq, json FROM incidents WHERE id = ?1
                 UNION ALL
                 SELECT i.seq, i.json FROM events e JOIN incidents i ON i.seq = e.incident_seq WHERE e.id = ?1
                 LIMIT 1",
            )?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((seq, json)) = found else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT e.json, d.title, d.source, d.url, d.published
             FROM events e LEFT JOIN documents d ON d.id = e.doc_id
             WHERE e.incident_seq = ? ORDER BY e.rowid",
        )?;
        let rows: Vec<(String, [Option<String>; 4])> = statement
            .query_map([seq], |row| {
                Ok((
                    row.get(0)?,
                    [row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?],
                ))
            })?
            .collect::<Result<_, _>>()?;
        let sources = rows
            .into_iter()
            .map(|(event, [title, source, url, published])| {
                Ok(SourceDetail {
                    event: serde_json::from_str(&event)?,
                    title,
                    source,
                    url,
                    published,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(IncidentDetail { json, sources }))
    }

    /// A stored document, with its full text.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, text, published, title, url, source FROM documents WHERE id = ?",
            )?
            .query_row([id], |row| {
                let published: Option<String> = row.get(2)?;
                Ok(Document {
                    id: row.get(0)?,
                    text: row.get(1)?,
                    published: published.and_then(|p| p.parse().ok()),
                    title: row.get(3)?,
                    url: row.get(4)?,
                    source: row.get(5)?,
                })
            })
            .optional()?;
        Ok(row)
    }

    /// The source events a document contributed, in ingest order.
    pub fn document_events(&self, id: &str) -> Result<Vec<Event>, StoreError> {
        let jsons: Vec<String> = self
            .conn
            .prepare_cached("SELECT json FROM events WHERE doc_id = ? ORDER BY rowid")?
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        jsons
            .iter()
            .map(|json| Ok(serde_json::from_str(json)?))
            .collect()
    }

    /// The figures a document contributed.
    pub fn document_figures(&self, id: &str) -> Result<Vec<Figure>, StoreError> {
        let jsons: Vec<String> = self
            .conn
            .prepare_cached("SELECT json FROM figures WHERE doc_id = ? ORDER BY rowid")?
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        jsons
            .iter()
            .map(|json| Ok(serde_json::from_str(json)?))
            .collect()
    }

    /// Totals, per-type, per-country and per-day counts over the matching incidents.
    pub fn stats(&self, filter: &Filter) -> Result<Stats, StoreError> {
        let clause = where_clause(filter, None);
        let params = || params_from_iter(clause.params.iter());
        let mut stats: Stats = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*), coalesce(sum(source_count), 0), coalesce(sum(fatalities), 0),
                    min(nullif(date, '')), max(nullif(date, '')) FROM incidents{}",
                clause.sql
            ))?
            .query_row(params(), |row| {
                Ok(Stats {
                    incidents: row.get::<_, i64>(0)? as u64,
                    sources: row.get::<_, i64>(1)? as u64,
                    fatalities: row.get::<_, i64>(2)? as u64,
                    first_date: row.get(3)?,
                    last_date: row.get(4)?,
                    ..Stats::default()
                })
            })?;
        stats.documents = self.count("documents")?;
        stats.events = self.count("events")?;
        let buckets = |column: &str| -> Result<Vec<Bucket>, StoreError> {
            let sql = format!(
                "SELECT coalesce({column}, ''), count(*), coalesce(sum(fatalities), 0) FROM incidents{}
                 GROUP BY 1 ORDER BY 2 DESC, 1",
                clause.sql
            );
            let rows = self
                .conn
                .prepare_cached(&sql)?
                .query_map(params(), |row| {
                    Ok(Bucket {
                        key: row.get(0)?,
                        incidents: row.get::<_, i64>(1)? as u64,
                        fatalities: row.get::<_, i64>(2)? as u64,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        };
        stats.by_event_type = buckets("event_type")?;
        stats.by_country = buckets("country")?;
        let dated = if clause.sql.is_empty() {
            " WHERE date <> ''".to_string()
        } else {
            format!("{} AND date <> ''", clause.sql)
        };
        stats.by_day = self
            .conn
            .prepare_cached(&format!(
                "SELECT date, count(*), coalesce(sum(fatalities), 0) FROM incidents{dated}
                 GROUP BY date ORDER BY date"
            ))?
            .query_map(params(), |row| {
                Ok(DayBucket {
                    date: row.get(0)?,
                    incidents: row.get::<_, i64>(1)? as u64,
                    fatalities: row.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(stats)
    }

    fn count(&self, table: &str) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM {table}"))?
            .query_row([], |row| row.get(0))?;
        Ok(n as u64)
    }
}
