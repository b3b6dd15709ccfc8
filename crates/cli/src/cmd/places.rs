//! `sitrep places`: one `kind: "place"` record per toponym mention in the articles.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;
use sitrep_geo::Gazetteer;
use sitrep_ingest::{read_paths, IngestOptions};
use sitrep_model::{Document, Record};

/// Arguments of `sitrep places`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub published: Option<NaiveDate>,
    /// Output format (jsonl).
    #[arg(long, default_value = "jsonl")]
    pub format: String,
    /// A gazetteer built with `sitrep gazetteer import` (default: $SITREP_GAZETTEER, else the bundled one).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
}

/// Runs the geoparser over every document; exit 2 when some input was skipped.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.format != "jsonl" {
        anyhow::bail!(
            "unknown --format {:?}: `sitrep places` writes jsonl",
            args.format
        );
    }
    let gazetteer = match &args.gazetteer {
        Some(path) => Gazetteer::from_path(path),
        None => Gazetteer::load_default(),
    }
    .context("loading the gazetteer")?;
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
    let mut batch: Vec<Document> = Vec::new();
    let flush = |batch: &mut Vec<Document>, out: &mut dyn Write| -> anyhow::Result<()> {
        let chunks: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|doc| {
                let mut buf = Vec::new();
                for place in gazetteer.geoparse(&doc.text).to_records(&doc.id, &doc.text) {
                    Record::Place(place).write_json(&mut buf);
                    buf.push(b'\n');
                }
                buf
            })
            .collect();
        for chunk in chunks {
            out.write_all(&chunk)?;
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
