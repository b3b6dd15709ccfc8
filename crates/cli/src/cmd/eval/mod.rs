//! `sitrep eval`: score sitrep against human-coded data. One file per data set; the flags
//! every evaluation shares (split, report, JSON, thresholds, misses) live here.

mod acled;
mod articles;
mod dedup;
mod geo;
mod petrarch;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_eval::{Bound, Scorecard, Split, Threshold};

/// Exit code when a metric misses its threshold.
const BELOW_THRESHOLD: u8 = 3;

/// Arguments of `sitrep eval`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    set: Set,
}

#[derive(clap::Subcommand)]
enum Set {
    /// ACLED export with notes (CSV): the first event of each note against its row.
    Acled(acled::Args),
    /// Articles coded event by event (JSONL): event recall, precision and field agreement.
    Articles(articles::Args),
    /// PETRARCH validation XML: CAMEO root and source/target country agreement.
    Petrarch(petrarch::Args),
    /// Geoparsing gold sets (LGL, GeoVirus XML): toponym recall, accuracy within 161 km.
    Geo(geo::Args),
    /// Cross-document deduplication against coded incidents: pairs merged correctly, wrongly, missed.
    Dedup(dedup::Args),
}

/// Runs the chosen evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.set {
        Set::Acled(args) => acled::run(args),
        Set::Articles(args) => articles::run(args),
        Set::Petrarch(args) => petrarch::run(args),
        Set::Geo(args) => geo::run(args),
        Set::Dedup(args) => dedup::run(args),
    }
}

/// Flags shared by the acled, articles and petrarch evaluations.
#[derive(clap::Args)]
pub struct Common {
    /// Write a markdown report (aggregate figures only, no text from the data) to this path.
    #[arg(long, value_name = "PATH.md")]
    pub report: Option<PathBuf>,
    /// Score only the held-out third (a stable hash of each row/article/sentence id).
    #[arg(long, conflicts_with = "dev")]
    pub holdout: bool,
    /// Score only the other two thirds (the part you may tune on).
    #[arg(long)]
    pub dev: bool,
    /// Print the metrics as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Exit with code 3 when METRIC is below VALUE, e.g. `--min sub_event_type=0.8` (repeatable).
    #[arg(long, value_name = "METRIC=VALUE")]
    pub min: Vec<String>,
    /// Exit with code 3 when METRIC is above VALUE, e.g. `--max distractor_events=0` (repeatable).
    #[arg(long, value_name = "METRIC=VALUE")]
    pub max: Vec<String>,
    /// Thresholds file (TSV: eval, metric, min|max, value), e.g. crates/eval/tests/thresholds.tsv.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
    /// List every miss, gold against predicted, before the summary.
    #[arg(short, long)]
    pub verbose: bool,
    /// List only the misses on this field (implies --verbose); see the evaluation's help.
    #[arg(long, value_name = "FIELD")]
    pub only: Option<String>,
    /// Score only the first N items of the split (quick looks while developing).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

impl Common {
    /// The split the flags ask for.
    pub fn split(&self) -> Split {
        if self.holdout {
            Split::Holdout
        } else if self.dev {
            Split::Dev
        } else {
            Split::All
        }
    }

    /// Checks `--only` against the fields the evaluation knows.
    pub fn only(&self, fields: &[&str]) -> anyhow::Result<Option<&str>> {
        match self.only.as_deref() {
            Some(f) if !fields.contains(&f) => {
                anyhow::bail!(
                    "--only {f}: unknown field; use one of {}",
                    fields.join(", ")
                )
            }
            other => Ok(other),
        }
    }

    /// Keeps the first `--limit` items of the split.
    pub fn select<T>(&self, items: Vec<T>, id: impl Fn(&T) -> &str) -> Vec<T> {
        let split = self.split();
        items
            .into_iter()
            .filter(|item| split.includes(id(item)))
            .take(self.limit.unwrap_or(usize::MAX))
            .collect()
    }

    fn thresholds(&self, eval: &str) -> anyhow::Result<Vec<Threshold>> {
        let mut out = Vec::new();
        if let Some(path) = &self.check {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading thresholds {}", path.display()))?;
            out.extend(Threshold::parse_file(&text, eval)?);
        }
        for arg in &self.min {
            out.push(Threshold::parse_arg(arg, Bound::Min)?);
        }
        for arg in &self.max {
            out.push(Threshold::parse_arg(arg, Bound::Max)?);
        }
        Ok(out)
    }
}

/// What an evaluation hands back for printing.
pub struct Outcome {
    /// The metrics.
    pub card: Scorecard,
    /// The plain-text summary.
    pub text: String,
    /// The markdown report.
    pub markdown: String,
    /// The list of misses (printed with --verbose).
    pub misses: String,
}

/// The command line as typed, for the report's provenance line.
pub fn command_line() -> String {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    args.insert(0, "sitrep".to_string());
    args.join(" ")
}

/// Prints the outcome, writes the report, applies the thresholds.
pub fn finish(common: &Common, outcome: Outcome) -> anyhow::Result<ExitCode> {
    let thresholds = common.thresholds(outcome.card.eval)?;
    if common.verbose || common.only.is_some() {
        print!("{}", outcome.misses);
        println!();
    }
    if common.json {
        println!("{}", outcome.card.to_json_pretty());
    } else {
        print!("{}", outcome.text);
    }
    if let Some(path) = &common.report {
        std::fs::write(path, &outcome.markdown)
            .with_context(|| format!("writing the report {}", path.display()))?;
        eprintln!("sitrep: wrote {}", path.display());
    }
    let failures = outcome.card.check(&thresholds)?;
    for failure in &failures {
        eprintln!("sitrep: below threshold: {failure}");
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(BELOW_THRESHOLD)
    })
}

/// Loads the default pipeline, naming what failed.
pub fn pipeline() -> anyhow::Result<sitrep_pipeline::Pipeline> {
    sitrep_pipeline::Pipeline::load_default().context("loading lexicons and gazetteer")
}
