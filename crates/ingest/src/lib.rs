//! Reads articles from files, directories and standard input into [`Document`]s.
//!
//! Every input yields a stream of `Result<Document, IngestError>`: a bad record
//! (broken UTF-8, a malformed JSON line, an empty document) becomes an error item
//! naming its file and line, and the stream goes on with the rest.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use sitrep_model::Document;

/// A record that could not be read, with where it came from.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct IngestError {
    /// File (and line, for JSONL) the problem is in.
    pub origin: String,
    /// What went wrong and what to do about it.
    pub message: String,
}

/// Options that apply to every document read.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Publication date for documents that carry none.
    pub published: Option<NaiveDate>,
}

/// Reads every path in order (`-` is standard input) as a stream of documents.
pub fn read_paths(
    paths: Vec<PathBuf>,
    options: IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    paths
        .into_iter()
        .flat_map(move |path| read_path(&path, &options))
}

fn read_path(path: &Path, options: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let origin = path.display().to_string();
    let fail = |message: String| {
        vec![Err(IngestError {
            origin: origin.clone(),
            message,
        })]
    };
    let reader: Box<dyn Read> = if origin == "-" {
        Box::new(std::io::stdin())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return fail(format!("cannot open: {e}")),
        }
    };
    let is_jsonl = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    );
    if is_jsonl {
        return BufReader::new(reader)
            .split(b'\n')
            .enumerate()
            .filter_map(|(n, line)| match line {
                Ok(line) if line.iter().all(u8::is_ascii_whitespace) => None,
                Ok(line) => Some(parse_json_line(
                    &line,
                    &format!("{origin}:{}", n + 1),
                    options,
                )),
                Err(e) => Some(Err(IngestError {
                    origin: format!("{origin}:{}", n + 1),
                    message: e.to_string(),
                })),
            })
            .collect();
    }
    let mut bytes = Vec::new();
    let mut reader = reader;
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return fail(format!("cannot read: {e}"));
    }
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => fail("empty document".into()),
        Ok(text) => vec![Ok(Document {
            id: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "stdin".into()),
            text,
            published: options.published,
            ..Document::default()
        })],
        Err(e) => fail(format!("not valid UTF-8: {e}")),
    }
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    #[serde(alias = "body", alias = "content")]
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

fn parse_json_line(
    line: &[u8],
    origin: &str,
    options: &IngestOptions,
) -> Result<Document, IngestError> {
    let err = |message: String| IngestError {
        origin: origin.to_string(),
        message,
    };
    let doc: JsonDoc = serde_json::from_slice(line).map_err(|e| err(format!("bad JSON: {e}")))?;
    let text = doc
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| err("no text".into()))?;
    let published = doc
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        .or(options.published);
    let id = match doc.id {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => origin.to_string(),
    };
    Ok(Document {
        id,
        text,
        published,
        title: doc.title,
        url: doc.url,
        source: doc.source,
    })
}
