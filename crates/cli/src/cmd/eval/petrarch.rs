//! `sitrep eval petrarch FILE.xml`: CAMEO codings of PETRARCH validation sentences.

use std::path::PathBuf;
use std::process::ExitCode;

use sitrep_eval::petrarch;

use super::{command_line, finish, pipeline, Common, Outcome};

/// Arguments of `sitrep eval petrarch`.
#[derive(clap::Args)]
#[command(after_help = "Fields for --only: unpaired, cameo_root, source_country, target_country.")]
pub struct Args {
    /// PETRARCH validation records, e.g.
    /// ../shared/data/petrarch2/universalpetrarch/PETR2_GSR_validation.xml.
    pub file: PathBuf,
    #[command(flatten)]
    pub common: Common,
}

/// Runs the PETRARCH evaluation.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let only = args.common.only(&petrarch::FIELDS)?.map(str::to_string);
    let sentences = args
        .common
        .select(petrarch::read_sentences(&args.file)?, |s| s.id.as_str());
    let pipeline = pipeline()?;
    let file = args.file.display().to_string();
    let result = petrarch::evaluate(sentences, &file, args.common.split(), |doc| {
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
