//! `sitrep bench`: throughput (documents/s, MB/s per core) and peak memory of
//! ingest → pipeline → output, on a generated corpus of realistic articles or
//! on the user's own files. `--no-extract` measures ingestion and JSONL output
//! alone (documents are read and written back as JSONL).

mod corpus;

use std::io::{self, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use sitrep_export::OutputFormat;
use sitrep_ingest::{IngestOptions, Reader};
use sitrep_pipeline::Pipeline;

use crate::cmd::extract::{jobs, progress_bar, total_input_bytes, Engine, Work};

/// Arguments of `sitrep bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Articles in the generated corpus.
    #[arg(long, default_value_t = 20_000, value_name = "N")]
    pub docs: u64,
    /// Seed of the generated corpus (same seed, same corpus).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Benchmark on these files or directories instead of a generated corpus.
    #[arg(long, value_name = "PATH")]
    pub input: Vec<PathBuf>,
    /// Skip extraction: read documents and write them back as JSONL
    /// (measures ingestion and output alone).
    #[arg(long)]
    pub no_extract: bool,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Output format measured (written to a sink, not to the terminal).
    #[arg(long, short = 'f', default_value = "jsonl", value_name = "FORMAT")]
    pub format: OutputFormat,
    /// Write the generated corpus to this JSONL file and stop.
    #[arg(long, value_name = "FILE")]
    pub write_corpus: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Runs the benchmark and prints its figures on stdout.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(path) = &args.write_corpus {
        write_corpus(path, args.seed, args.docs)?;
        eprintln!("sitrep: wrote {} articles to {}", args.docs, path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let (inputs, generated) = if args.input.is_empty() {
        let path = std::env::temp_dir().join(format!(
            "sitrep-bench-{}-{}-{}.jsonl",
            args.seed,
            args.docs,
            std::process::id()
        ));
        write_corpus(&path, args.seed, args.docs)?;
        (vec![path.clone()], Some(path))
    } else {
        (args.input.clone(), None)
    };
    let result = measure(&args, inputs);
    if let Some(path) = generated {
        let _ = std::fs::remove_file(path);
    }
    let report = result?;
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

fn write_corpus(path: &PathBuf, seed: u64, docs: u64) -> anyhow::Result<()> {
    let file = std::fs::File::create(path)
        .with_context(|| format!("creating the corpus file {}", path.display()))?;
    let mut out = BufWriter::new(file);
    corpus::write_jsonl(&mut out, seed, docs)
        .and_then(|_| io::Write::flush(&mut out))
        .with_context(|| format!("writing the corpus file {}", path.display()))?;
    Ok(())
}

fn measure(args: &Args, inputs: Vec<PathBuf>) -> anyhow::Result<String> {
    let input_bytes = total_input_bytes(&inputs).unwrap_or(0);
    let load_started = Instant::now();
    let pipeline = if args.no_extract {
        None
    } else {
        Some(Pipeline::load_default().context("loading lexicons and gazetteer")?)
    };
    let load_time = load_started.elapsed();
    let jobs = jobs(args.jobs);
    let bytes_read = Arc::new(AtomicU64::new(0));
    let engine = Engine {
        work: pipeline.as_ref().map_or(Work::Documents, Work::Extract),
        jobs,
        progress: progress_bar(args.quiet, Some(input_bytes)),
        bytes_read: Arc::clone(&bytes_read),
    };
    let documents = Reader::new(IngestOptions::default())
        .count_bytes(bytes_read)
        .read_paths(inputs);
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let totals = engine.run(documents, args.format, 120, io::sink())?;
    let wall = started.elapsed().as_secs_f64().max(1e-9);
    let cpu = (cpu_seconds() - cpu_before).max(1e-9);
    engine.progress.finish_and_clear();
    let megabytes = input_bytes as f64 / 1e6;
    let mode = if args.no_extract {
        "extraction off: ingest + JSONL output only"
    } else {
        "ingest + extraction + output"
    };
    Ok(format!(
        "sitrep bench ({mode}; {jobs} jobs, {cores} cores)\n\
         documents         {documents} ({skipped} skipped)\n\
         input             {megabytes:.1} MB ({text:.1} MB of text)\n\
         output            {output:.1} MB {format:?}, {records} records\n\
         start-up          {load:.2} s (lexicons and gazetteer)\n\
         wall time         {wall:.2} s\n\
         cpu time          {cpu:.2} s\n\
         documents/s       {docs_per_s:.0}\n\
         MB/s              {mb_per_s:.1}\n\
         MB/s per core     {mb_per_core:.1} (input MB per CPU-second)\n\
         peak memory       {peak} (VmHWM)",
        cores = std::thread::available_parallelism().map_or(1, |n| n.get()),
        documents = totals.documents,
        skipped = totals.skipped,
        text = totals.text_bytes as f64 / 1e6,
        output = totals.output_bytes as f64 / 1e6,
        format = args.format,
        records = totals.records,
        load = load_time.as_secs_f64(),
        docs_per_s = totals.documents as f64 / wall,
        mb_per_s = megabytes / wall,
        mb_per_core = megabytes / cpu,
        peak = peak_memory().unwrap_or_else(|| "unknown (no /proc/self/status)".into()),
    ))
}

/// User plus system CPU time of this process so far, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<u64>().ok()))
        .sum();
    // Linux reports these in USER_HZ, which is 100 on every mainstream platform.
    ticks as f64 / 100.0
}

/// Peak resident memory (VmHWM) from /proc/self/status, e.g. "84.2 MB".
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kilobytes * 1024.0 / 1e6))
}
