//! The embedded event store: documents, events, figures and places in SQLite.
//!
//! In: a document with the records the pipeline extracted from it
//! ([`DocumentRecords`]), and an [`IncidentRule`] that says which stored
//! incident a new event reports too (the CLI passes `sitrep-dedup`'s rule).
//! Out: incidents — one merged event per real-world incident, every source
//! event kept — queried with a [`Filter`] and cursor paging, plus statistics.
//!
//! Invariants:
//! - this is the only sitrep crate that knows SQL;
//! - migrations (`src/migrations/NNNN_*.sql`) are append-only, and
//!   `PRAGMA user_version` records how many have run;
//! - ingestion is idempotent (the same document again changes nothing) and
//!   crash-safe: each batch is one transaction in WAL mode, so a killed run
//!   leaves every batch either fully in or fully out, and a rerun completes it.
//!
//! ```
//! use sitrep_model::Document;
//! use sitrep_store::{DocumentRecords, Filter, PageRequest, SingletonRule, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document { id: "d1".into(), text: "Gunmen killed 3 villagers.".into(), ..Document::default() };
//! let batch = vec![DocumentRecords { document: doc, ..DocumentRecords::default() }];
//! store.ingest_batch(&batch, &SingletonRule).unwrap();
//! let page = store.query(&Filter::default(), &PageRequest::default()).unwrap();
//! assert!(page.items.is_empty());
//! ```

mod filter;
mod read;
mod records;
mod write;

use std::path::Path;

use rusqlite::Connection;
use sitrep_model::{Document, Event, Figure, Place};

pub use filter::{BBox, Cursor, Filter, PageRequest, MAX_PAGE};
pub use read::{Bucket, DayBucket, IncidentDetail, IncidentRow, Page, SourceDetail, Stats};
pub use records::group_records;
pub use write::{IngestReport, IngestStatus};

/// The schema migrations, in order. Append only: never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_covering_date_index.sql"),
];

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error (disk full, locked, corrupt file, ...).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored record could not be decoded.
    #[error(
        "stored record is not valid sitrep/1 JSON ({0}); the database may come from another tool"
    )]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer sitrep.
    #[error(
        "database schema version {found} is newer than this sitrep knows ({known}); upgrade sitrep"
    )]
    TooNew {
        /// Version found in the file.
        found: u32,
        /// Latest version this build knows.
        known: u32,
    },
    /// The file has no sitrep schema (new, empty, or another program's database).
    #[error("{0} holds no sitrep store yet; create it with `sitrep ingest --db {0} ARTICLES...`")]
    NotAStore(String),
    /// A filter or cursor value could not be understood.
    #[error("{0}")]
    BadRequest(String),
}

/// One document and everything the pipeline extracted from it.
#[derive(Debug, Clone, Default)]
pub struct DocumentRecords {
    /// The article.
    pub document: Document,
    /// Its events, as the pipeline coded them (one document's view).
    pub events: Vec<Event>,
    /// Its aggregate humanitarian figures.
    pub figures: Vec<Figure>,
    /// Its toponym mentions.
    pub places: Vec<Place>,
}

/// A stored incident that a new event might report too.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The incident's id.
    pub incident_id: String,
    /// Its source events, in the order they were ingested.
    pub sources: Vec<Event>,
}

/// Decides which events from different documents are the same incident.
///
/// The store finds candidates (same [`key`](IncidentRule::key), dates within
/// [`window_days`](IncidentRule::window_days)); the rule picks one and merges.
pub trait IncidentRule {
    /// Events with different keys are never merged; `None` means never merge this event.
    fn key(&self, event: &Event) -> Option<String>;
    /// How many days either side of an event's date candidates may lie.
    fn window_days(&self) -> i64 {
        1
    }
    /// How far apart (km) two reports of one incident may place it; candidates
    /// farther away are not even loaded. `None`: no distance limit.
    fn max_km(&self) -> Option<f64> {
        None
    }
    /// Index of the candidate incident `event` also reports, if any.
    fn pick(&self, event: &Event, candidates: &[Candidate]) -> Option<usize>;
    /// The incident's merged event from its sources (ingest order, never empty).
    fn merge(&self, sources: &[Event]) -> Event;
}

/// A rule that never merges: every event is its own incident.
#[derive(Debug, Clone, Copy, Default)]
pub struct SingletonRule;

impl IncidentRule for SingletonRule {
    fn key(&self, _event: &Event) -> Option<String> {
        None
    }

    fn pick(&self, _event: &Event, _candidates: &[Candidate]) -> Option<usize> {
        None
    }

    fn merge(&self, sources: &[Event]) -> Event {
        sources.first().cloned().unwrap_or_default()
    }
}

/// An open sitrep database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Store::setup(conn)
    }

    /// A private in-memory database, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?)
    }

    /// Opens an existing, migrated database for reading only (one per server worker).
    pub fn open_reader(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", true)?;
        conn.set_prepared_statement_cache_capacity(64);
        let store = Store { conn };
        if store.check_version()? == 0 {
            return Err(StoreError::NotAStore(path.display().to_string()));
        }
        Ok(store)
    }

    fn setup(conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL keeps readers off the writer's back and makes commits atomic on crash.
        conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))?;
        conn.pragma_update(None, "synchronous", "normal")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    fn check_version(&self) -> Result<u32, StoreError> {
        let found = self.schema_version()?;
        let known = MIGRATIONS.len() as u32;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        Ok(found)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.check_version()?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as u32 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// Lower-cases for the search columns (Unicode-aware, unlike SQLite's `lower`).
fn search_form(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(test)]
mod tests;
