//! The `sitrep` command: wires ingestion, the pipeline, the store and the server.
//! Each subcommand lives in its own module under `cmd/`.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: extraction makes many small,
/// short-lived allocations per sentence, and mimalloc serves them in a fraction of
/// the instructions (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn news articles into structured, geocoded conflict event data.
#[derive(Parser)]
#[command(name = "sitrep", version, about)]
struct Cli {
    /// Use your own lexicon files: every .tsv under DIR (same layout as the repository's
    /// lexicons/) replaces the bundled file with the same path.
    #[arg(long, global = true, value_name = "DIR")]
    lexicons: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events and figures from articles (txt, jsonl, html, rss, gz; dirs; - for stdin).
    Extract(cmd::extract::Args),
    /// Write one place record per toponym mention in the articles.
    Places(cmd::places::Args),
    /// Extract articles into the embedded event store (SQLite).
    Ingest(cmd::ingest::Args),
    /// Query the event store with filters.
    Query(cmd::query::Args),
    /// Serve the HTTP API and the dashboard.
    Serve(cmd::serve::Args),
    /// Score sitrep against human-coded data (acled, articles, petrarch, geo).
    Eval(cmd::eval::Args),
    /// Inspect the gazetteer or import GeoNames dumps into a larger one.
    Gazetteer(cmd::gazetteer::Args),
    /// Check lexicon files and run every entry's example sentence.
    Lexicon(cmd::lexicon::Args),
    /// Measure throughput (documents/s, MB/s per core) and peak memory.
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    // Exit codes: 0 ok, 1 fatal or usage error, 2 some input was skipped or repaired.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 1 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    if let Some(dir) = &cli.lexicons {
        match sitrep_text::lexicon_files::use_dir(dir) {
            Ok(files) => eprintln!(
                "sitrep: {} lexicon file(s) from {}: {}",
                files.len(),
                dir.display(),
                files.join(", ")
            ),
            Err(err) => {
                eprintln!("sitrep: error: --lexicons: {err}");
                return ExitCode::from(1);
            }
        }
    }
    let result = match cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Places(args) => cmd::places::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Gazetteer(args) => cmd::gazetteer::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Bench(args) => cmd::bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(1)
        }
    }
}
