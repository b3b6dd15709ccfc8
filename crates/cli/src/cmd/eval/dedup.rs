//! `sitrep eval dedup ARTICLES --labels LABELS.tsv`: the cross-document
//! deduplication rule against the incidents a coder assigned to each event.
//!
//! The documents go through what `sitrep ingest` does (the extractor, or the
//! records given with `--records`), into an in-memory store with the same rule.
//! Each event is matched to a coded event (same document, evidence sentence
//! starting with the coded sentence start); pairs of matched events from
//! different documents are then scored: merged by the coder and by the rule
//! (correct), by the rule only (wrong), by the coder only (missed).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_ingest::{read_paths, IngestOptions};
use sitrep_model::Event;
use sitrep_store::{group_records, DocumentRecords, Store};

use super::pipeline;
use crate::cmd::ingest::DedupRule;

/// Arguments of `sitrep eval dedup`.
#[derive(clap::Args)]
pub struct Args {
    /// Articles, in any format `sitrep ingest` reads, e.g. crates/dedup/test_data/multi_source.jsonl.
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// The coder's incidents, TSV: doc_id, start of the evidence sentence, incident label ('#' comments),
    /// e.g. crates/dedup/test_data/multi_source.incidents.tsv.
    #[arg(long, value_name = "TSV")]
    pub labels: PathBuf,
    /// Take the events from these `sitrep/1` records instead of running the extractor.
    #[arg(long, value_name = "JSONL")]
    pub records: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every event with its coded incident and the incident the rule put it in.
    #[arg(short, long)]
    pub verbose: bool,
}

/// One coded event: the document, the start of its evidence sentence, its incident.
struct Label {
    doc: String,
    sentence: String,
    incident: String,
}

/// The figures `sitrep eval dedup` prints.
#[derive(Debug, Default)]
struct Figures {
    documents: usize,
    /// Events before deduplication.
    events: usize,
    /// Incidents after deduplication (all events).
    incidents: usize,
    /// Events matched to a coded event.
    coded_events: usize,
    /// Events no coder coded (extractor output the labels do not cover).
    uncoded_events: usize,
    /// Coded events no event matched (the extractor missed them).
    coded_not_found: usize,
    /// Distinct coded incidents among the matched events.
    coded_incidents: usize,
    /// Incidents the rule formed from the matched events.
    incidents_of_coded: usize,
    /// Cross-document pairs of matched events the coder puts in one incident.
    true_pairs: usize,
    /// Of those, pairs the rule also merged.
    merged_correctly: usize,
    /// Pairs of matched events the rule merged although the coder did not.
    merged_wrongly: usize,
    /// Coder's pairs the rule left apart.
    missed: usize,
    /// Merged pairs with at least one uncoded event (not scored).
    merged_with_uncoded: usize,
    /// merged_correctly / (merged_correctly + merged_wrongly).
    pairwise_precision: f64,
    /// merged_correctly / true_pairs.
    pairwise_recall: f64,
}

impl Figures {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "documents": self.documents,
            "events": self.events,
            "incidents": self.incidents,
            "coded_events": self.coded_events,
            "uncoded_events": self.uncoded_events,
            "coded_not_found": self.coded_not_found,
            "coded_incidents": self.coded_incidents,
            "incidents_of_coded": self.incidents_of_coded,
            "true_pairs": self.true_pairs,
            "merged_correctly": self.merged_correctly,
            "merged_wrongly": self.merged_wrongly,
            "missed": self.missed,
            "merged_with_uncoded": self.merged_with_uncoded,
            "pairwise_precision": self.pairwise_precision,
            "pairwise_recall": self.pairwise_recall,
        })
    }
}

fn read_labels(path: &PathBuf) -> anyhow::Result<Vec<Label>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the labels {}", path.display()))?;
    let mut labels = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [doc, sentence, incident] = fields[..] else {
            anyhow::bail!(
                "{}:{}: expected 3 tab-separated fields (doc_id, sentence start, incident), found {}",
                path.display(),
                number + 1,
                fields.len()
            );
        };
        labels.push(Label {
            doc: doc.trim().into(),
            sentence: sentence.trim().into(),
            incident: incident.trim().into(),
        });
    }
    Ok(labels)
}

/// The documents with their events: extracted, or from the records file.
fn documents(args: &Args) -> anyhow::Result<Vec<DocumentRecords>> {
    let mut prepared: HashMap<String, DocumentRecords> = HashMap::new();
    if let Some(path) = &args.records {
        let file = std::fs::File::open(path)
            .with_context(|| format!("opening records file {}", path.display()))?;
        let (groups, problems) = group_records(BufReader::new(file), &path.display().to_string());
        if let Some(problem) = problems.first() {
            anyhow::bail!("{problem}");
        }
        for group in groups {
            prepared.insert(group.document.id.clone(), group);
        }
    }
    let pipeline = if args.records.is_none() {
        Some(pipeline()?)
    } else {
        None
    };
    let mut out = Vec::new();
    for document in read_paths(args.articles.clone(), IngestOptions::default()) {
        let document = match document {
            Err(notice) if !notice.skipped => {
                eprintln!("sitrep: repaired {notice}");
                continue;
            }
            other => other?,
        };
        let records = match (&pipeline, prepared.remove(&document.id)) {
            (_, Some(records)) => DocumentRecords {
                document,
                ..records
            },
            (Some(pipeline), None) => {
                let extraction = pipeline.extract(&document);
                DocumentRecords {
                    document,
                    events: extraction.events,
                    figures: extraction.figures,
                    places: Vec::new(),
                }
            }
            (None, None) => DocumentRecords {
                document,
                ..DocumentRecords::default()
            },
        };
        out.push(records);
    }
    Ok(out)
}

/// The label of `event`, if a coded event matches it.
fn label_of<'a>(event: &Event, labels: &'a [Label]) -> Option<(usize, &'a Label)> {
    let sentence = event.evidence.sentence.trim_start();
    labels
        .iter()
        .enumerate()
        .find(|(_, l)| l.doc == event.doc_id && sentence.starts_with(&l.sentence))
}

fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// Runs the evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let labels = read_labels(&args.labels)?;
    let documents = documents(&args)?;
    let mut store = Store::open_in_memory()?;
    let reports = store.ingest_batch(&documents, &DedupRule)?;
    let incident_of: HashMap<&str, &str> = reports
        .iter()
        .flat_map(|r| r.events.iter())
        .map(|(event, incident)| (event.as_str(), incident.as_str()))
        .collect();
    let events: Vec<&Event> = documents.iter().flat_map(|d| d.events.iter()).collect();
    let incident = |event: &Event| incident_of.get(event.id.as_str()).copied().unwrap_or("");
    let matched: Vec<Option<(usize, &Label)>> =
        events.iter().map(|e| label_of(e, &labels)).collect();

    let mut figures = Figures {
        documents: documents.len(),
        events: events.len(),
        incidents: events
            .iter()
            .map(|e| incident(e))
            .collect::<BTreeSet<_>>()
            .len(),
        ..Figures::default()
    };
    let found: BTreeSet<usize> = matched.iter().flatten().map(|(i, _)| *i).collect();
    figures.coded_events = matched.iter().filter(|m| m.is_some()).count();
    figures.uncoded_events = events.len() - figures.coded_events;
    figures.coded_not_found = labels.len() - found.len();
    figures.coded_incidents = matched
        .iter()
        .flatten()
        .map(|(_, l)| l.incident.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    figures.incidents_of_coded = events
        .iter()
        .zip(&matched)
        .filter(|(_, m)| m.is_some())
        .map(|(e, _)| incident(e))
        .collect::<BTreeSet<_>>()
        .len();
    let (mut truth, mut merged) = (BTreeSet::new(), BTreeSet::new());
    for (i, a) in events.iter().enumerate() {
        for (j, b) in events.iter().enumerate().skip(i + 1) {
            if a.doc_id == b.doc_id {
                continue; // the rule never merges within a document
            }
            let same = incident(a) == incident(b) && !incident(a).is_empty();
            match (matched[i], matched[j]) {
                (Some((_, la)), Some((_, lb))) => {
                    if la.incident == lb.incident {
                        truth.insert(pair(i, j));
                    }
                    if same {
                        merged.insert(pair(i, j));
                    }
                }
                _ if same => figures.merged_with_uncoded += 1,
                _ => {}
            }
        }
    }
    figures.true_pairs = truth.len();
    figures.merged_correctly = truth.intersection(&merged).count();
    figures.merged_wrongly = merged.difference(&truth).count();
    figures.missed = truth.difference(&merged).count();
    let ratio = |hits: usize, n: usize| if n == 0 { 1.0 } else { hits as f64 / n as f64 };
    figures.pairwise_precision = ratio(figures.merged_correctly, merged.len());
    figures.pairwise_recall = ratio(figures.merged_correctly, figures.true_pairs);

    if args.verbose {
        let mut short: BTreeMap<&str, usize> = BTreeMap::new();
        for event in &events {
            let next = short.len() + 1;
            short.entry(incident(event)).or_insert(next);
        }
        println!("event\tdocument\tcoded\trule\tsub-event type\tdate\tplace\tsentence");
        for (event, m) in events.iter().zip(&matched) {
            let place = event.location.as_ref();
            println!(
                "{}\t{}\t{}\t#{}\t{}\t{}\t{}\t{}",
                event.id,
                event.doc_id,
                m.map_or("-", |(_, l)| l.incident.as_str()),
                short[incident(event)],
                event
                    .acled
                    .as_ref()
                    .map_or("", |a| a.sub_event_type.as_str()),
                event.date.value.map(|d| d.to_string()).unwrap_or_default(),
                place
                    .map(|p| format!(
                        "{} ({}, {})",
                        p.name.as_deref().or(p.text.as_deref()).unwrap_or(""),
                        p.lat.map_or("-".into(), |v| format!("{v:.2}")),
                        p.lon.map_or("-".into(), |v| format!("{v:.2}"))
                    ))
                    .unwrap_or_default(),
                event.evidence.sentence.chars().take(48).collect::<String>(),
            );
        }
        println!();
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&figures.to_json())?);
        return Ok(ExitCode::SUCCESS);
    }
    let source = if args.records.is_some() {
        "the given records"
    } else {
        "the extractor"
    };
    let f = &figures;
    println!(
        "Deduplication on {} documents, events from {source}:",
        f.documents
    );
    println!(
        "  events before deduplication   {:>4}  ({} matched to a coded event, {} not coded)",
        f.events, f.coded_events, f.uncoded_events
    );
    println!(
        "  incidents after deduplication {:>4}  ({} from the coded events)",
        f.incidents, f.incidents_of_coded
    );
    println!(
        "  coded incidents               {:>4}  ({} of {} coded events not found)",
        f.coded_incidents,
        f.coded_not_found,
        labels.len()
    );
    println!(
        "  pairs the coder merges        {:>4}  (different documents, both events found)",
        f.true_pairs
    );
    println!("    merged correctly            {:>4}", f.merged_correctly);
    println!("    missed                      {:>4}", f.missed);
    println!("  pairs merged wrongly          {:>4}", f.merged_wrongly);
    println!(
        "  merges with an uncoded event  {:>4}  (not scored)",
        f.merged_with_uncoded
    );
    println!(
        "  pairwise precision {:.2}, recall {:.2}",
        f.pairwise_precision, f.pairwise_recall
    );
    Ok(ExitCode::SUCCESS)
}
