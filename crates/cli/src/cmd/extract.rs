//! `sitrep extract`: articles in, records out.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;
use sitrep_ingest::{read_paths, IngestOptions};
use sitrep_pipeline::Pipeline;

/// Arguments of `sitrep extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub published: Option<NaiveDate>,
    /// Output format.
    #[arg(long, default_value = "jsonl")]
    pub format: String,
}

/// Runs the extraction; exit 2 when some input was skipped.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::load_default().context("loading lexicons and gazetteer")?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let options = IngestOptions {
        published: args.published,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut skipped = 0usize;
    let mut batch = Vec::new();
    let flush =
        |batch: &mut Vec<sitrep_model::Document>, out: &mut dyn Write| -> anyhow::Result<()> {
            let lines: Vec<Vec<u8>> = batch
                .par_iter()
                .map(|doc| {
                    let mut buf = Vec::new();
                    for record in pipeline.extract(doc).records() {
                        record.write_json(&mut buf);
                        buf.push(b'\n');
                    }
                    buf
                })
                .collect();
            for l in lines {
                out.write_all(&l)?;
            }
            batch.clear();
            Ok(())
        };
    for item in read_paths(paths, options) {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() >= 256 {
                    flush(&mut batch, &mut out)?;
                }
            }
            Err(e) => {
                skipped += 1;
                eprintln!("sitrep: skipped {e}");
            }
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush()?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
