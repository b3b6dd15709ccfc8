//! `sitrep places`: one `kind: "place"` record per toponym mention in the articles, in
//! any output format of `extract`.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;
use sitrep_export::{OutputFormat, RecordWriter};
use sitrep_geo::Gazetteer;
use sitrep_ingest::{read_paths, IngestOptions};
use sitrep_model::{Document, Record};

use super::extract::{is_broken_pipe, jobs};

/// Documents geoparsed together between two writes.
const BATCH: usize = 256;

/// Arguments of `sitrep places`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read; `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_name = "DATE")]
    pub published: Option<NaiveDate>,
    /// Output format: jsonl, csv, geojson or table
    /// [default: table when stdout is a terminal, jsonl otherwise].
    /// Only jsonl carries every field (offsets, geonameid, feature).
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// A gazetteer built with `sitrep gazetteer import` (default: $SITREP_GAZETTEER, else the bundled one).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
}

/// Runs the geoparser over every document; exit 2 when some input was skipped or repaired.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gazetteer = match &args.gazetteer {
        Some(path) => Gazetteer::from_path(path),
        None => Gazetteer::load_default(),
    }
    .context("loading the gazetteer")?;
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs(args.jobs))
        .build()
        .context("starting the worker threads")?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let options = IngestOptions {
        published: args.published,
    };
    let width = console::Term::stdout()
        .size_checked()
        .map_or(120, |(_, cols)| usize::from(cols));
    let stdout = io::stdout();
    let mut writer = RecordWriter::with_width(format, io::BufWriter::new(stdout.lock()), width)?;
    let mut problems = 0usize;
    let mut batch: Vec<Document> = Vec::new();
    let flush = |batch: &mut Vec<Document>,
                 writer: &mut RecordWriter<io::BufWriter<io::StdoutLock>>|
     -> anyhow::Result<()> {
        let places: Vec<Vec<Record>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| {
                    gazetteer
                        .geoparse(&doc.text)
                        .to_records(&doc.id, &doc.text)
                        .into_iter()
                        .map(Record::Place)
                        .collect()
                })
                .collect()
        });
        for (doc, records) in batch.iter().zip(&places) {
            for record in records {
                writer.write(record, doc.source.as_deref())?;
            }
        }
        batch.clear();
        Ok(())
    };
    let mut result = Ok(());
    for item in read_paths(paths, options) {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() >= BATCH {
                    result = flush(&mut batch, &mut writer);
                    if result.is_err() {
                        break;
                    }
                }
            }
            Err(e) => {
                problems += 1;
                eprintln!("sitrep: {} {e}", e.outcome());
            }
        }
    }
    let result = result
        .and_then(|()| flush(&mut batch, &mut writer))
        .and_then(|()| writer.finish().map(drop).map_err(anyhow::Error::from));
    match result {
        Err(err) if is_broken_pipe(&err) => {}
        other => other?,
    }
    Ok(if problems > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
