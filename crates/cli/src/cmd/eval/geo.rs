//! `sitrep eval geo`: geoparsing figures on LGL / GeoVirus XML gold sets.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_eval::geo::{halves, read_gold, score};
use sitrep_geo::Gazetteer;

/// Arguments of `sitrep eval geo`.
#[derive(clap::Args)]
pub struct Args {
    /// LGL (lgl.xml) or GeoVirus (GeoVirus.xml) files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A gazetteer file (default: $SITREP_GAZETTEER, else the bundled one).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Also score the first and second half of each file's documents (tuning is done on
    /// the first half; the second is held out).
    #[arg(long)]
    pub halves: bool,
}

/// Scores every file and prints a Markdown table per file.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gazetteer = match &args.gazetteer {
        Some(path) => Gazetteer::from_path(path),
        None => Gazetteer::load_default(),
    }
    .context("loading the gazetteer")?;
    for file in &args.files {
        let docs = read_gold(file)?;
        let result = score(&gazetteer, &docs);
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        println!("{}", result.to_markdown(&name));
        if args.halves {
            let (first, second) = halves(&docs);
            for (part, label) in [(first, "first half"), (second, "second half (held out)")] {
                println!(
                    "{}",
                    score(&gazetteer, part).to_markdown(&format!("{name} {label}"))
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
