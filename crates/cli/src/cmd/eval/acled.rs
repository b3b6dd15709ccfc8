//! `sitrep eval acled FILE.csv`: the primary event of each ACLED note against its row.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use sitrep_eval::acled;

use super::{command_line, finish, pipeline, Common, Outcome};

/// Arguments of `sitrep eval acled`.
#[derive(clap::Args)]
#[command(
    after_help = "Fields for --only: coverage, event_type, sub_event_type, fatalities, date, actor1_name, actor1_country, actor2_name, actor2_country, location_25km."
)]
pub struct Args {
    /// ACLED CSV export with a `notes` column, e.g. ../shared/data/acled_dev/acled_2022_dev_1000.csv.
    pub file: PathBuf,
    /// Also print the per-country breakdown.
    #[arg(long)]
    pub by_country: bool,
    #[command(flatten)]
    pub common: Common,
}

/// Runs the ACLED evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let only = args.common.only(&acled::FIELDS)?.map(str::to_string);
    let rows = args
        .common
        .select(acled::read_rows(&args.file)?, |r| r.id.as_str());
    let pipeline = pipeline()?;
    let started = Instant::now();
    let file = args.file.display().to_string();
    let result = acled::evaluate(rows, &file, args.common.split(), |doc| {
        pipeline.extract(doc)
    });
    eprintln!(
        "sitrep: scored {} rows in {:.1} s",
        result.outcomes.len(),
        started.elapsed().as_secs_f64()
    );
    let outcome = Outcome {
        card: result.scorecard(),
        text: result.text(args.by_country),
        markdown: result.markdown(&command_line()),
        misses: result.misses(only.as_deref()),
    };
    finish(&args.common, outcome)
}
