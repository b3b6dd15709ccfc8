//! `sitrep extract`: articles in, records out.
//!
//! Three stages run at once, joined by bounded channels so memory stays flat
//! on inputs of any size: a reader thread turns inputs into batches of
//! documents, a rayon pool of `--jobs` threads extracts each batch, and a
//! writer thread writes the records in input order. Bad input is reported on
//! stderr and skipped or repaired (exit 2); a closed stdout (`| head`) ends the run
//! quietly with exit 0.

use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sitrep_export::{OutputFormat, RecordWriter};
use sitrep_ingest::{IngestError, IngestOptions, Reader};
use sitrep_model::{Document, Record};
use sitrep_pipeline::Pipeline;

/// Most documents in one batch handed to the worker pool.
const BATCH_DOCUMENTS: usize = 512;
/// Most text bytes in one batch.
const BATCH_BYTES: usize = 8 << 20;
/// Batches queued between stages (per channel).
const QUEUED_BATCHES: usize = 2;

/// Arguments of `sitrep extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read (txt, jsonl/ndjson, html/htm, rss/atom/xml,
    /// each optionally .gz; directories recursively); `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that carry none; relative
    /// dates ("on Tuesday") are resolved against it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<NaiveDate>,
    /// Output format: jsonl, csv, geojson or table
    /// [default: table when stdout is a terminal, jsonl otherwise].
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no closing summary on stderr (errors are still shown).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Largest document (or JSONL line) accepted, e.g. 16M, 512K; larger ones are skipped.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_doc_size: usize,
}

/// Parses `16M`, `512K`, `1G` or a number of bytes.
pub(crate) fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 10),
        Some((i, 'm' | 'M')) => (&text[..i], 20),
        Some((i, 'g' | 'G')) => (&text[..i], 30),
        _ => (text, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{text:?} is not a size; write e.g. 16M, 512K or 1048576"))
}

/// Runs the extraction; exit 2 when some input was skipped or repaired.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load_default().context("loading lexicons and gazetteer")?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    let bytes_read = Arc::new(AtomicU64::new(0));
    let progress = progress_bar(args.quiet, total_input_bytes(&paths));
    let documents = Reader::new(IngestOptions {
        published: args.published,
    })
    .max_document_bytes(args.max_doc_size)
    .count_bytes(Arc::clone(&bytes_read))
    .read_paths(paths);
    let engine = Engine {
        work: Work::Extract(&pipeline),
        jobs: jobs(args.jobs),
        progress: progress.clone(),
        bytes_read,
    };
    let width = console::Term::stdout()
        .size_checked()
        .map_or(120, |(_, columns)| usize::from(columns));
    let out = io::BufWriter::with_capacity(1 << 20, io::stdout());
    let totals = match engine.run(documents, format, width, out) {
        Ok(totals) => totals,
        Err(err) if is_broken_pipe(&err) => return Ok(ExitCode::SUCCESS),
        Err(err) => return Err(err),
    };
    progress.finish_and_clear();
    if !args.quiet {
        eprintln!("sitrep: {}", totals.summary(format));
    }
    Ok(if totals.skipped + totals.repaired > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--jobs`, or every core.
pub(crate) fn jobs(requested: Option<usize>) -> usize {
    requested
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Whether an error is a closed output pipe (`sitrep extract … | head`).
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A progress bar on stderr: hidden with `--quiet` or when stderr is not a terminal.
pub(crate) fn progress_bar(quiet: bool, total_bytes: Option<u64>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total_bytes {
        Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
            .with_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {bytes} read {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Total size of the input files, when every input is a file or directory.
pub(crate) fn total_input_bytes(paths: &[PathBuf]) -> Option<u64> {
    fn size(path: &Path, depth: usize) -> Option<u64> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() && depth < 64 {
            let entries = std::fs::read_dir(path).ok()?;
            Some(
                entries
                    .filter_map(Result::ok)
                    .filter_map(|entry| size(&entry.path(), depth + 1))
                    .sum(),
            )
        } else {
            Some(meta.len())
        }
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    paths.iter().map(|p| size(p, 0)).sum()
}

/// What the workers do with each document.
pub(crate) enum Work<'a> {
    /// Run the extraction pipeline and write its records.
    Extract(&'a Pipeline),
    /// Write the documents themselves back as JSONL (measures ingest and output alone).
    Documents,
}

/// The reader → workers → writer machinery shared by `extract` and `bench`.
pub(crate) struct Engine<'a> {
    /// What to do with each document.
    pub work: Work<'a>,
    /// Worker threads.
    pub jobs: usize,
    /// Progress display (may be hidden).
    pub progress: ProgressBar,
    /// Input bytes read so far, fed by ingestion.
    pub bytes_read: Arc<AtomicU64>,
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub(crate) struct Totals {
    /// Documents read and processed.
    pub documents: u64,
    /// Records written.
    pub records: u64,
    /// Inputs (lines, files, items) skipped as bad.
    pub skipped: u64,
    /// Inputs read after a repair (invalid UTF-8 read as Windows-1252).
    pub repaired: u64,
    /// Records the output format could not hold (GeoJSON without coordinates).
    pub left_out: u64,
    /// Bytes of document text processed.
    pub text_bytes: u64,
    /// Bytes written.
    pub output_bytes: u64,
}

impl Totals {
    fn summary(&self, format: OutputFormat) -> String {
        let mut line = format!(
            "{} documents read, {} records written",
            self.documents, self.records
        );
        if self.left_out > 0 && format == OutputFormat::Geojson {
            line.push_str(&format!(
                ", {} without coordinates left out of the GeoJSON",
                self.left_out
            ));
        }
        for (count, outcome) in [(self.skipped, "skipped"), (self.repaired, "repaired")] {
            if count > 0 {
                let inputs = if count == 1 { "input" } else { "inputs" };
                line.push_str(&format!(", {count} {inputs} {outcome}"));
            }
        }
        if self.skipped + self.repaired > 0 {
            line.push_str(" (see above; exit status 2)");
        }
        line
    }
}

/// What one document produced, ready for the writer.
enum Output {
    /// Records plus the document's outlet (the CSV `source` column).
    Records(Vec<Record>, Option<String>),
    /// Pre-rendered bytes.
    Bytes(Vec<u8>),
}

struct Batch {
    documents: Vec<Document>,
    skipped: u64,
    repaired: u64,
}

impl Engine<'_> {
    /// Runs documents through the workers and writes the output in input order.
    pub fn run<I, W>(
        &self,
        documents: I,
        format: OutputFormat,
        width: usize,
        out: W,
    ) -> anyhow::Result<Totals>
    where
        I: Iterator<Item = Result<Document, IngestError>> + Send,
        W: Write + Send,
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .thread_name(|i| format!("sitrep-worker-{i}"))
            .build()
            .context("starting worker threads")?;
        let (batch_tx, batch_rx) = sync_channel::<Batch>(QUEUED_BATCHES);
        let (output_tx, output_rx) = sync_channel::<Vec<Output>>(QUEUED_BATCHES);
        let progress = &self.progress;
        std::thread::scope(|scope| {
            scope.spawn(move || read_batches(documents, &batch_tx, progress));
            let writer = scope.spawn(move || write_outputs(output_rx, format, width, out));
            let mut totals = Totals::default();
            for batch in batch_rx {
                totals.documents += batch.documents.len() as u64;
                totals.skipped += batch.skipped;
                totals.repaired += batch.repaired;
                totals.text_bytes += batch
                    .documents
                    .iter()
                    .map(|d| d.text.len() as u64)
                    .sum::<u64>();
                let outputs = pool.install(|| {
                    batch
                        .documents
                        .par_iter()
                        .map(|doc| self.process(doc))
                        .collect::<Vec<Output>>()
                });
                self.progress
                    .set_position(self.bytes_read.load(Ordering::Relaxed));
                self.progress
                    .set_message(format!("{} documents", totals.documents));
                if output_tx.send(outputs).is_err() {
                    break;
                }
            }
            drop(output_tx);
            let written = writer
                .join()
                .map_err(|_| anyhow::anyhow!("the output thread failed"))??;
            totals.records = written.records;
            totals.left_out = written.left_out;
            totals.output_bytes = written.output_bytes;
            Ok(totals)
        })
    }

    fn process(&self, doc: &Document) -> Output {
        match self.work {
            Work::Documents => {
                let mut bytes = serde_json::to_vec(doc).unwrap_or_default();
                bytes.push(b'\n');
                Output::Bytes(bytes)
            }
            Work::Extract(pipeline) => {
                let records = catch_unwind(AssertUnwindSafe(|| {
                    pipeline.extract(doc).records().collect::<Vec<_>>()
                }))
                .unwrap_or_else(|_| {
                    self.progress.suspend(|| {
                        eprintln!(
                            "sitrep: internal error on document {}; its records are missing (please report this document)",
                            doc.id
                        )
                    });
                    Vec::new()
                });
                Output::Records(records, doc.source.clone().or_else(|| doc.url.clone()))
            }
        }
    }
}

/// Reader thread: groups documents into batches, reports bad input.
fn read_batches<I>(
    documents: I,
    batches: &std::sync::mpsc::SyncSender<Batch>,
    progress: &ProgressBar,
) where
    I: Iterator<Item = Result<Document, IngestError>>,
{
    let mut batch = Batch {
        documents: Vec::new(),
        skipped: 0,
        repaired: 0,
    };
    let mut batch_bytes = 0;
    for item in documents {
        match item {
            Ok(doc) => {
                batch_bytes += doc.text.len();
                batch.documents.push(doc);
            }
            Err(err) => {
                if err.skipped {
                    batch.skipped += 1;
                } else {
                    batch.repaired += 1;
                }
                progress.suspend(|| eprintln!("sitrep: {} {err}", err.outcome()));
            }
        }
        if batch.documents.len() >= BATCH_DOCUMENTS || batch_bytes >= BATCH_BYTES {
            let full = std::mem::replace(
                &mut batch,
                Batch {
                    documents: Vec::new(),
                    skipped: 0,
                    repaired: 0,
                },
            );
            batch_bytes = 0;
            if batches.send(full).is_err() {
                return;
            }
        }
    }
    let _ = batches.send(batch);
}

/// What the writer thread wrote.
struct Written {
    records: u64,
    left_out: u64,
    output_bytes: u64,
}

/// Writer thread: writes outputs in the order received.
fn write_outputs<W: Write>(
    outputs: Receiver<Vec<Output>>,
    format: OutputFormat,
    width: usize,
    out: W,
) -> anyhow::Result<Written> {
    let counted = Counting {
        inner: out,
        bytes: 0,
    };
    let mut writer =
        RecordWriter::with_width(format, counted, width).context("writing the output")?;
    for batch in outputs {
        for output in batch {
            match output {
                Output::Records(records, source) => {
                    for record in &records {
                        writer
                            .write(record, source.as_deref())
                            .context("writing the output")?;
                    }
                }
                Output::Bytes(bytes) => writer
                    .get_mut()
                    .write_all(&bytes)
                    .context("writing the output")?,
            }
        }
    }
    let (records, left_out) = (writer.written(), writer.left_out());
    let counted = writer.finish().context("writing the output")?;
    Ok(Written {
        records,
        left_out,
        output_bytes: counted.bytes,
    })
}

/// Counts bytes written.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sizes() {
        for (text, expected) in [
            ("16M", Some(16 << 20)),
            ("512k", Some(512 << 10)),
            ("1G", Some(1 << 30)),
            ("1048576", Some(1 << 20)),
            ("0", None),
            ("lots", None),
            ("M", None),
        ] {
            assert_eq!(parse_size(text).ok(), expected, "{text}");
        }
        assert_eq!(
            parse_size("16M"),
            Ok(sitrep_ingest::DEFAULT_MAX_DOCUMENT_BYTES)
        );
    }
}
