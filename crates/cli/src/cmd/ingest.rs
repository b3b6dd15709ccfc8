//! `sitrep ingest`: articles in, events stored (and merged across documents) in SQLite.

use std::collections::HashMap;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;
use sitrep_ingest::{read_paths, IngestOptions};
use sitrep_model::{Document, Event};
use sitrep_pipeline::Pipeline;
use sitrep_store::{group_records, Candidate, DocumentRecords, IncidentRule, IngestStatus, Store};

/// Arguments of `sitrep ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub published: Option<NaiveDate>,
    /// Pre-extracted `sitrep/1` records (JSONL, e.g. from `sitrep extract`) to store instead of
    /// running the extractor on the documents they name; records of documents not given
    /// as PATHS are stored with an empty text.
    #[arg(long, value_name = "JSONL")]
    pub records: Vec<PathBuf>,
    /// Documents per transaction (a killed run loses at most one batch, which a rerun redoes).
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
}

/// The cross-document rule of `sitrep-dedup`, as the store asks for it.
#[derive(Debug, Clone, Copy, Default)]
pub struct DedupRule;

impl IncidentRule for DedupRule {
    fn key(&self, event: &Event) -> Option<String> {
        sitrep_dedup::key(event)
    }

    fn window_days(&self) -> i64 {
        sitrep_dedup::MAX_DAYS
    }

    fn max_km(&self) -> Option<f64> {
        Some(sitrep_dedup::MAX_KM)
    }

    fn pick(&self, event: &Event, candidates: &[Candidate]) -> Option<usize> {
        let sources: Vec<&[Event]> = candidates.iter().map(|c| c.sources.as_slice()).collect();
        sitrep_dedup::pick(event, &sources)
    }

    fn merge(&self, sources: &[Event]) -> Event {
        sitrep_dedup::merge(sources)
    }
}

/// Running totals printed at the end.
#[derive(Default)]
struct Totals {
    added: usize,
    unchanged: usize,
    replaced: usize,
    events: usize,
    skipped: usize,
    repaired: usize,
}

impl Totals {
    fn count(&mut self, reports: &[sitrep_store::IngestReport]) {
        for report in reports {
            match report.status {
                IngestStatus::Added => self.added += 1,
                IngestStatus::Unchanged => self.unchanged += 1,
                IngestStatus::Replaced => self.replaced += 1,
            }
            self.events += report.events.len();
        }
    }
}

/// Runs the ingestion; exit 2 when some input was skipped or repaired.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.paths.is_empty() && args.records.is_empty() {
        anyhow::bail!("nothing to ingest: give article files or directories (or `-` for standard input), or --records FILE");
    }
    let mut store = Store::open(&args.db)
        .with_context(|| format!("opening the store {}", args.db.display()))?;
    let batch_size = args.batch.max(1);
    let mut totals = Totals::default();
    let mut prepared = read_records(&args.records, &mut totals)?;
    if !args.paths.is_empty() {
        let pipeline = Pipeline::load_default().context("loading lexicons and gazetteer")?;
        let options = IngestOptions {
            published: args.published,
        };
        let mut batch = Vec::with_capacity(batch_size);
        for item in read_paths(args.paths, options) {
            match item {
                Ok(document) => {
                    let records = prepared.remove(&document.id);
                    batch.push((document, records));
                }
                Err(e) => {
                    if e.skipped {
                        totals.skipped += 1;
                    } else {
                        totals.repaired += 1;
                    }
                    eprintln!("sitrep: {} {e}", e.outcome());
                }
            }
            if batch.len() >= batch_size {
                store_documents(&mut store, &pipeline, &mut batch, &mut totals)?;
            }
        }
        store_documents(&mut store, &pipeline, &mut batch, &mut totals)?;
    }
    // Records whose documents were not among the paths: stored without text.
    for chunk in prepared.into_ordered().chunks(batch_size) {
        let reports = store.ingest_batch(chunk, &DedupRule)?;
        totals.count(&reports);
    }
    let stats = store.stats(&sitrep_store::Filter::default())?;
    eprintln!(
        "sitrep: {} documents added, {} unchanged, {} replaced, {} skipped, {} repaired; {} new events. \
         Store {}: {} documents, {} events in {} incidents",
        totals.added,
        totals.unchanged,
        totals.replaced,
        totals.skipped,
        totals.repaired,
        totals.events,
        args.db.display(),
        stats.documents,
        stats.events,
        stats.incidents
    );
    Ok(if totals.skipped + totals.repaired > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts (or takes the prepared records of) a batch of documents and stores it.
fn store_documents(
    store: &mut Store,
    pipeline: &Pipeline,
    batch: &mut Vec<(Document, Option<DocumentRecords>)>,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let records: Vec<DocumentRecords> = batch
        .par_drain(..)
        .map(|(document, prepared)| match prepared {
            Some(prepared) => DocumentRecords {
                document,
                ..prepared
            },
            None => {
                let extraction = pipeline.extract(&document);
                DocumentRecords {
                    places: pipeline.places(&document),
                    document,
                    events: extraction.events,
                    figures: extraction.figures,
                }
            }
        })
        .collect();
    if records.is_empty() {
        return Ok(());
    }
    let reports = store.ingest_batch(&records, &DedupRule)?;
    totals.count(&reports);
    Ok(())
}

/// Records read with --records, by document id, in order of first appearance.
#[derive(Default)]
struct Prepared {
    order: Vec<String>,
    by_doc: HashMap<String, DocumentRecords>,
}

impl Prepared {
    fn remove(&mut self, doc_id: &str) -> Option<DocumentRecords> {
        self.by_doc.remove(doc_id)
    }

    fn into_ordered(mut self) -> Vec<DocumentRecords> {
        self.order
            .iter()
            .filter_map(|id| self.by_doc.remove(id))
            .collect()
    }
}

/// Reads pre-extracted `sitrep/1` records, grouped by document.
fn read_records(paths: &[PathBuf], totals: &mut Totals) -> anyhow::Result<Prepared> {
    let mut prepared = Prepared::default();
    for path in paths {
        let file = std::fs::File::open(path)
            .with_context(|| format!("opening records file {}", path.display()))?;
        let (groups, problems) = group_records(BufReader::new(file), &path.display().to_string());
        for problem in &problems {
            eprintln!("sitrep: skipped {problem}");
        }
        totals.skipped += problems.len();
        for group in groups {
            let id = group.document.id.clone();
            match prepared.by_doc.get_mut(&id) {
                Some(existing) => {
                    existing.events.extend(group.events);
                    existing.figures.extend(group.figures);
                    existing.places.extend(group.places);
                }
                None => {
                    prepared.order.push(id.clone());
                    prepared.by_doc.insert(id, group);
                }
            }
        }
    }
    Ok(prepared)
}
