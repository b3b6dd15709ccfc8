//! The write path: documents in, events attached to new or existing incidents.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use sitrep_model::{stable_hash, Count, Document, Event, Record};

use crate::{search_form, Candidate, DocumentRecords, IncidentRule, Store, StoreError};

/// What ingesting one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestStatus {
    /// The document was new; its records were added.
    Added,
    /// The same document (same id, same content) was already stored; nothing changed.
    Unchanged,
    /// A document with this id but other content was stored; it was replaced.
    Replaced,
}

/// The outcome of ingesting one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// The document's id.
    pub doc_id: String,
    /// Whether anything changed.
    pub status: IngestStatus,
    /// For each new event: its id and the id of the incident it now belongs to.
    pub events: Vec<(String, String)>,
}

impl Store {
    /// Stores a batch of documents in one transaction: all or nothing.
    ///
    /// Each event joins the incident `rule` picks among stored candidates, or
    /// starts a new one. Ingesting the same document again changes nothing.
    pub fn ingest_batch(
        &mut self,
        batch: &[DocumentRecords],
        rule: &dyn IncidentRule,
    ) -> Result<Vec<IngestReport>, StoreError> {
        let tx = self.conn.transaction()?;
        let now = chrono::Utc::now().to_rfc3339();
        let mut reports = Vec::with_capacity(batch.len());
        for records in batch {
            reports.push(ingest_one(&tx, records, rule, &now)?);
        }
        tx.commit()?;
        Ok(reports)
    }

    /// Whether a document with this id is stored.
    pub fn has_document(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?")?
            .exists([id])?)
    }
}

/// The hash that tells an unchanged document from an updated one.
fn content_hash(records: &DocumentRecords) -> String {
    let doc = &records.document;
    let mut extracted = Vec::new();
    for event in &records.events {
        Record::Event(event.clone()).write_json(&mut extracted);
    }
    for figure in &records.figures {
        Record::Figure(figure.clone()).write_json(&mut extracted);
    }
    let published = doc.published.map(|d| d.to_string()).unwrap_or_default();
    let hash = stable_hash(&[
        doc.text.as_bytes(),
        doc.title.as_deref().unwrap_or("").as_bytes(),
        doc.url.as_deref().unwrap_or("").as_bytes(),
        doc.source.as_deref().unwrap_or("").as_bytes(),
        published.as_bytes(),
        &extracted,
    ]);
    format!("{hash:016x}")
}

fn ingest_one(
    tx: &Transaction,
    records: &DocumentRecords,
    rule: &dyn IncidentRule,
    now: &str,
) -> Result<IngestReport, StoreError> {
    let doc = &records.document;
    let hash = content_hash(records);
    let stored: Option<String> = tx
        .prepare_cached("SELECT content_hash FROM documents WHERE id = ?")?
        .query_row([&doc.id], |row| row.get(0))
        .optional()?;
    let status = match stored {
        Some(stored) if stored == hash => {
            return Ok(IngestReport {
                doc_id: doc.id.clone(),
                status: IngestStatus::Unchanged,
                events: Vec::new(),
            })
        }
        Some(_) => {
            remove_document(tx, &doc.id, rule)?;
            IngestStatus::Replaced
        }
        None => IngestStatus::Added,
    };
    insert_document(tx, doc, &hash, records.events.len(), now)?;
    let mut events = Vec::with_capacity(records.events.len());
    for event in &records.events {
        if let Some(incident_id) = add_event(tx, &doc.id, event, rule)? {
            events.push((event.id.clone(), incident_id));
        }
    }
    for (index, figure) in records.figures.iter().enumerate() {
        let id = if figure.id.is_empty() {
            format!("{}#figure{index}", doc.id)
        } else {
            figure.id.clone()
        };
        let mut figure = figure.clone();
        figure.doc_id.clone_from(&doc.id);
        let json = Record::Figure(figure.clone()).to_json_line();
        tx.prepare_cached(
            "INSERT OR REPLACE INTO figures (id, doc_id, measure, json) VALUES (?, ?, ?, ?)",
        )?
        .execute(params![id, doc.id, figure.measure, json])?;
    }
    for place in &records.places {
        let json = serde_json::to_string(&place)?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO places (doc_id, start, end, json) VALUES (?, ?, ?, ?)",
        )?
        .execute(params![doc.id, place.start as i64, place.end as i64, json])?;
    }
    Ok(IngestReport {
        doc_id: doc.id.clone(),
        status,
        events,
    })
}

fn insert_document(
    tx: &Transaction,
    doc: &Document,
    hash: &str,
    event_count: usize,
    now: &str,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO documents (id, title, url, source, published, text, content_hash, event_count, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        doc.id,
        doc.title,
        doc.url,
        doc.source,
        doc.published.map(|d| d.to_string()),
        doc.text,
        hash,
        event_count as i64,
        now
    ])?;
    Ok(())
}

/// Attaches one event to an incident; returns the incident id, or `None` when
/// an event with this id is already stored (from another document).
fn add_event(
    tx: &Transaction,
    doc_id: &str,
    event: &Event,
    rule: &dyn IncidentRule,
) -> Result<Option<String>, StoreError> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM events WHERE id = ?")?
        .exists([&event.id])?;
    if exists {
        return Ok(None);
    }
    let mut event = event.clone();
    event.doc_id = doc_id.to_string();
    let key = rule.key(&event);
    let candidates = match (&key, event.date.value) {
        (Some(key), Some(date)) => find_candidates(tx, key, date, &event, rule)?,
        _ => Vec::new(),
    };
    let plain: Vec<Candidate> = candidates.iter().map(|(_, c)| c.clone()).collect();
    let (seq, incident_id) = match rule.pick(&event, &plain) {
        Some(index) if index < candidates.len() => {
            let (seq, candidate) = &candidates[index];
            (*seq, candidate.incident_id.clone())
        }
        _ => {
            tx.prepare_cached(
                "INSERT INTO incidents (id, dedup_key, date, json) VALUES (?, ?, '', '{}')",
            )?
            .execute(params![event.id, key])?;
            (tx.last_insert_rowid(), event.id.clone())
        }
    };
    let json = Record::Event(event.clone()).to_json_line();
    tx.prepare_cached("INSERT INTO events (id, doc_id, incident_seq, json) VALUES (?, ?, ?, ?)")?
        .execute(params![event.id, doc_id, seq, json])?;
    refresh_incident(tx, seq, rule)?;
    Ok(Some(incident_id))
}

/// Incidents with the same key, dated within the rule's window and, when both
/// are geocoded, inside a box around the event a little larger than `max_km`.
fn find_candidates(
    tx: &Transaction,
    key: &str,
    date: chrono::NaiveDate,
    event: &Event,
    rule: &dyn IncidentRule,
) -> Result<Vec<(i64, Candidate)>, StoreError> {
    let window = rule.window_days();
    let from = date - chrono::Duration::days(window);
    let to = date + chrono::Duration::days(window);
    let point = event.location.as_ref().and_then(|l| Some((l.lat?, l.lon?)));
    // One degree of latitude is ~111 km; longitude degrees shrink towards the poles.
    let (lat_min, lat_max, lon_min, lon_max) = match (point, rule.max_km()) {
        (Some((lat, lon)), Some(km)) => {
            let dlat = km / 110.0 * 1.1;
            let dlon = (dlat / lat.to_radians().cos().max(0.01)).min(360.0);
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
        }
        _ => (-1e9, 1e9, -1e9, 1e9),
    };
    let found: Vec<(i64, String)> = tx
        .prepare_cached(
            "SELECT seq, id FROM incidents WHERE dedup_key = ? AND date BETWEEN ? AND ?
             AND (lat IS NULL OR lon IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))
             ORDER BY seq",
        )?
        .query_map(
            params![
                key,
                from.to_string(),
                to.to_string(),
                lat_min,
                lat_max,
                lon_min,
                lon_max
            ],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
        .collect::<Result<_, _>>()?;
    let mut candidates = Vec::with_capacity(found.len());
    for (seq, incident_id) in found {
        let sources = source_events(tx, seq)?;
        candidates.push((
            seq,
            Candidate {
                incident_id,
                sources,
            },
        ));
    }
    Ok(candidates)
}

fn source_events(tx: &Transaction, seq: i64) -> Result<Vec<Event>, StoreError> {
    let jsons: Vec<String> = tx
        .prepare_cached("SELECT json FROM events WHERE incident_seq = ? ORDER BY rowid")?
        .query_map([seq], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    jsons
        .iter()
        .map(|json| Ok(serde_json::from_str::<Event>(json)?))
        .collect()
}

/// A source as listed with an incident: enough to show who reported what.
#[derive(Serialize)]
struct SourceSummary<'a> {
    event_id: &'a str,
    doc_id: &'a str,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
    killed: Option<Count>,
    injured: Option<Count>,
    fatalities: u32,
}

/// Recomputes an incident's merged event, search columns and cached JSON.
fn refresh_incident(tx: &Transaction, seq: i64, rule: &dyn IncidentRule) -> Result<(), StoreError> {
    let sources = source_events(tx, seq)?;
    if sources.is_empty() {
        tx.prepare_cached("DELETE FROM incidents WHERE seq = ?")?
            .execute([seq])?;
        return Ok(());
    }
    let id: String = tx
        .prepare_cached("SELECT id FROM incidents WHERE seq = ?")?
        .query_row([seq], |row| row.get(0))?;
    let mut merged = rule.merge(&sources);
    merged.id.clone_from(&id);
    let mut summaries = Vec::with_capacity(sources.len());
    let mut actors = String::new();
    let mut evidence = String::new();
    for source in &sources {
        let meta: (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = tx
            .prepare_cached("SELECT title, source, url, published FROM documents WHERE id = ?")?
            .query_row([&source.doc_id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .optional()?
            .unwrap_or_default();
        summaries.push(SourceSummary {
            event_id: &source.id,
            doc_id: &source.doc_id,
            title: meta.0,
            source: meta.1,
            url: meta.2,
            published: meta.3,
            killed: source.killed,
            injured: source.injured,
            fatalities: source.fatalities,
        });
        for actor in [&source.actor1, &source.actor2].into_iter().flatten() {
            for part in [Some(&actor.text), actor.name.as_ref(), actor.code.as_ref()]
                .into_iter()
                .flatten()
            {
                actors.push_str(&search_form(part));
                actors.push('\n');
            }
        }
        evidence.push_str(&search_form(&source.evidence.sentence));
        evidence.push('\n');
    }
    let mut json = Vec::with_capacity(1024);
    Record::Event(merged.clone()).write_json(&mut json);
    if json.last() == Some(&b'}') {
        json.pop();
        json.extend_from_slice(b",\"source_count\":");
        json.extend_from_slice(sources.len().to_string().as_bytes());
        json.extend_from_slice(b",\"sources\":");
        serde_json::to_writer(&mut json, &summaries)?;
        json.push(b'}');
    }
    let json = String::from_utf8_lossy(&json).into_owned();
    let location = merged.location.as_ref();
    let acled = merged.acled.as_ref();
    tx.prepare_cached(
        "UPDATE incidents SET date = ?, event_type = ?, sub_event_type = ?, country = ?, admin1 = ?,
         lat = ?, lon = ?, fatalities = ?, source_count = ?, actors_search = ?, text_search = ?, json = ?
         WHERE seq = ?",
    )?
    .execute(params![
        merged.date.value.map(|d| d.to_string()).unwrap_or_default(),
        acled.map(|a| a.event_type.as_str()),
        acled.map(|a| a.sub_event_type.as_str()),
        location
            .and_then(|l| l.country.as_deref())
            .map(str::to_uppercase),
        location.and_then(|l| l.admin1.as_deref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
        merged.fatalities,
        sources.len() as i64,
        actors,
        evidence,
        json,
        seq
    ])?;
    Ok(())
}

/// Removes a stored document and its records; incidents it fed are recomputed.
fn remove_document(
    tx: &Transaction,
    doc_id: &str,
    rule: &dyn IncidentRule,
) -> Result<(), StoreError> {
    let seqs: Vec<i64> = tx
        .prepare_cached("SELECT DISTINCT incident_seq FROM events WHERE doc_id = ?")?
        .query_map([doc_id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached("DELETE FROM events WHERE doc_id = ?")?
        .execute([doc_id])?;
    tx.prepare_cached("DELETE FROM figures WHERE doc_id = ?")?
        .execute([doc_id])?;
    tx.prepare_cached("DELETE FROM places WHERE doc_id = ?")?
        .execute([doc_id])?;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?")?
        .execute([doc_id])?;
    for seq in seqs {
        refresh_incident(tx, seq, rule)?;
    }
    Ok(())
}
