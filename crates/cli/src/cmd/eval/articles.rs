//! `sitrep eval articles FILE.jsonl`: whole articles coded event by event.

use std::path::PathBuf;
use std::process::ExitCode;

use sitrep_eval::articles;

use super::{command_line, finish, pipeline, Common, Outcome};

/// Arguments of `sitrep eval articles`.
#[derive(clap::Args)]
#[command(
    after_help = "Fields for --only: missed, extra, sub_event_type, killed_exact, injured_exact, date, place_50km, actor1_country, figures."
)]
pub struct Args {
    /// Coded articles, one JSON object a line, e.g. ../shared/data/articles_dev/articles_dev.jsonl.
    pub file: PathBuf,
    #[command(flatten)]
    pub common: Common,
}

/// Runs the articles evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let only = args.common.only(&articles::FIELDS)?.map(str::to_string);
    let gold = args
        .common
        .select(articles::read_articles(&args.file)?, |a| a.id.as_str());
    let pipeline = pipeline()?;
    let file = args.file.display().to_string();
    let result = articles::evaluate(gold, &file, args.common.split(), |doc| {
        pipeline.extract(doc)
    });
    let outcome = Outcome {
        card: result.scorecard(),
        text: result.text(),
        markdown: result.markdown(&command_line()),
        misses: result.misses(only.as_deref()),
    };
    finish(&args.common, outcome)
}
