//! `sitrep gazetteer`: inspect the gazetteer, or import GeoNames dumps into a larger one.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use sitrep_geo::import::{import_geonames, ImportOptions};
use sitrep_geo::Gazetteer;

/// Arguments of `sitrep gazetteer`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Load the gazetteer and print its size, entries by kind, load time and peak memory.
    Info {
        /// A gazetteer file (default: $SITREP_GAZETTEER, else the bundled one).
        #[arg(long)]
        gazetteer: Option<PathBuf>,
    },
    /// Build a gazetteer from GeoNames dump files (allCountries or citiesN, admin1CodesASCII,
    /// admin2Codes, countryInfo, alternateNamesV2; .txt or .zip). Use it with
    /// `--gazetteer FILE` or SITREP_GAZETTEER=FILE.
    Import {
        /// The dump files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the gazetteer (gzipped when it ends in .gz).
        #[arg(long, short, default_value = "gazetteer.tsv.gz")]
        output: PathBuf,
        /// Leave out populated places with fewer inhabitants.
        #[arg(long, default_value_t = 0)]
        min_population: u64,
        /// Keep every bundled entry the dump does not cover (extend instead of replace).
        #[arg(long)]
        extend: bool,
    },
}

/// Runs the chosen action.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Info { gazetteer } => info(gazetteer),
        Action::Import {
            files,
            output,
            min_population,
            extend,
        } => {
            let started = Instant::now();
            let options = ImportOptions {
                min_population,
                extend,
            };
            let summary = import_geonames(&files, &output, &options)
                .with_context(|| format!("importing into {}", output.display()))?;
            let kinds: Vec<String> = summary
                .by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            println!(
                "wrote {}: {} ({} kept from the bundled gazetteer, {} lines skipped) in {:.1} s",
                output.display(),
                kinds.join(", "),
                summary.kept_from_bundled,
                summary.skipped_lines,
                started.elapsed().as_secs_f64()
            );
            println!(
                "use it with: sitrep places --gazetteer {0} …, or SITREP_GAZETTEER={0}",
                output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn info(path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let gazetteer = match &path {
        Some(path) => Gazetteer::from_path(path),
        None => Gazetteer::load_default(),
    }
    .context("loading the gazetteer")?;
    let elapsed = started.elapsed();
    let stats = gazetteer.stats();
    let source = path
        .map(|p| p.display().to_string())
        .or_else(|| {
            std::env::var("SITREP_GAZETTEER")
                .ok()
                .filter(|v| !v.is_empty())
        })
        .unwrap_or_else(|| "bundled".to_string());
    println!("gazetteer: {source}");
    println!(
        "size: {:.1} MB compressed",
        stats.compressed_bytes as f64 / 1_000_000.0
    );
    for (kind, n) in &stats.by_kind {
        println!("  {kind:<10} {n:>8}");
    }
    println!("names indexed: {}", stats.names);
    println!("load time: {:.0} ms", elapsed.as_secs_f64() * 1000.0);
    if let Some(peak) = peak_memory_kb() {
        println!("peak memory: {:.0} MB", peak as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory of this process in kB (Linux), if known.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}
