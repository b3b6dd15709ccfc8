//! Times each per-document extraction stage on a JSONL corpus (one object per line
//! with `text` and optional `published`), in MB of text per CPU-second:
//! `cargo run --release -p sitrep-extract --example extract_bench -- CORPUS.jsonl [ROUNDS] [STAGE]`
//! (STAGE runs only the stages whose name contains it, e.g. under a profiler).
//!
//! Generate a corpus with `sitrep bench --write-corpus corpus.jsonl`. Stages are
//! timed one after the other over the whole corpus, single-threaded, so each figure
//! is that stage's own throughput; `candidates` is `Extractor::candidates` whole.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sitrep_extract::{attribution, dates, figures, frames, modality, Extractor};
use sitrep_lexicon::triggers::{Form, Pos};
use sitrep_text::Analyzed;

/// One document of the corpus.
struct Doc {
    text: String,
    published: Option<NaiveDate>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: extract_bench CORPUS.jsonl [ROUNDS] [STAGE]")?;
    let rounds: u32 = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let only = args.next().unwrap_or_default();
    let docs = load(&path)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let extractor = Extractor::embedded()?;
    let analyzed: Vec<Analyzed> = docs.iter().map(|d| sitrep_text::analyze(&d.text)).collect();
    let sentences: Vec<(&str, Option<NaiveDate>)> = docs
        .iter()
        .zip(&analyzed)
        .flat_map(|(d, a)| {
            a.text_sentences()
                .map(move |s| (s.span.slice(&d.text), d.published))
        })
        .collect();
    println!(
        "{} documents, {} sentences, {:.2} MB of text, best of {rounds} rounds",
        docs.len(),
        sentences.len(),
        bytes as f64 / 1e6
    );
    let report = |name: &str, work: &mut dyn FnMut() -> usize| {
        if !name.contains(only.as_str()) {
            return;
        }
        let mut best = Duration::MAX;
        let mut checksum = 0;
        for _ in 0..rounds.max(1) {
            let start = Instant::now();
            checksum = work();
            best = best.min(start.elapsed());
        }
        println!(
            "{name:<14} {:>9.1} MB/s  {:>8.1} ms  (items {checksum})",
            bytes as f64 / 1e6 / best.as_secs_f64(),
            best.as_secs_f64() * 1e3
        );
    };
    report("segmentation", &mut || {
        docs.iter()
            .map(|d| sitrep_text::analyze(&d.text).sentences.len())
            .sum()
    });
    report("triggers", &mut || {
        sentences
            .iter()
            .map(|(s, _)| extractor.triggers().find(s).len())
            .sum()
    });
    report("actors", &mut || {
        sentences
            .iter()
            .map(|(s, p)| extractor.actors().find(s, *p).len())
            .sum()
    });
    report("casualties+fig", &mut || {
        sentences
            .iter()
            .map(|(s, p)| {
                let (c, f) = figures::read_sentence(s, *p);
                c.mentions.len() + f.len()
            })
            .sum()
    });
    report("dates", &mut || {
        sentences
            .iter()
            .map(|(s, p)| dates::find_dates(s, *p).len())
            .sum()
    });
    report("attribution", &mut || {
        sentences
            .iter()
            .map(|(s, _)| attribution::find_attributions(s).len())
            .sum()
    });
    let triggered: Vec<(&str, Vec<_>)> = sentences
        .iter()
        .map(|(s, _)| (*s, extractor.triggers().find(s)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    report("modality", &mut || {
        let mut n = 0;
        for (s, found) in &triggered {
            let whole = sitrep_model::Span::new(0, s.len());
            n += usize::from(modality::names_accident(s));
            for m in found {
                let clause = frames::clause(s, whole, m.span);
                let entry = extractor.triggers().entry(m);
                let base = entry.pos == Pos::Verb && m.form == Form::Present;
                n += modality::modality(s, clause, m.span, base, false) as usize;
            }
        }
        n
    });
    report("candidates", &mut || {
        docs.iter()
            .zip(&analyzed)
            .map(|(d, a)| extractor.candidates(&d.text, a, d.published).len())
            .sum()
    });
    report("seg+candidates", &mut || {
        docs.iter()
            .map(|d| {
                let a = sitrep_text::analyze(&d.text);
                extractor.candidates(&d.text, &a, d.published).len()
            })
            .sum()
    });
    Ok(())
}

/// Reads `text` and `published` from every line of a JSONL file.
fn load(path: &str) -> Result<Vec<Doc>, Box<dyn std::error::Error>> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let text = value["text"].as_str().unwrap_or_default().to_string();
        let published = value["published"]
            .as_str()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse().ok());
        docs.push(Doc { text, published });
    }
    Ok(docs)
}
