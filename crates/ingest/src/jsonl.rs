//! JSONL / NDJSON: one document a line, streamed with bounded memory.
//!
//! A line is `{"id": …, "text": …, "published": …, "title": …, "url": …, "source": …}`;
//! only the text is required (`body` and `content` are accepted instead, and
//! `date` instead of `published`). Lines are read one at a time into a reused
//! buffer that never grows past the size limit: a longer line is skipped
//! without being held in memory.

use std::io::{BufRead, ErrorKind};

use serde::Deserialize;
use sitrep_model::Document;

use crate::date::parse_published;
use crate::source::{not_utf8_message, read_error, repair, too_large, Source};
use crate::{DocStream, IngestError};

/// Streams the documents of a JSONL input.
pub(crate) fn read(source: Source) -> DocStream {
    Box::new(JsonlStream {
        source,
        line_number: 0,
        buffer: Vec::new(),
        finished: false,
        queued: None,
    })
}

struct JsonlStream {
    source: Source,
    line_number: u64,
    buffer: Vec<u8>,
    finished: bool,
    /// The document of a repaired line, returned after its repair notice.
    queued: Option<Result<Document, IngestError>>,
}

/// What reading one line found.
enum Line {
    /// The line is in the buffer.
    Read,
    /// The line was longer than the limit and was skipped.
    TooLong,
    /// End of input.
    End,
}

impl JsonlStream {
    /// Reads the next line (without its newline) into `self.buffer`.
    fn next_line(&mut self) -> std::io::Result<Line> {
        let limit = self.source.settings.max_document_bytes;
        self.buffer.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.source.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(err) if err.kind() == ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, consumed, at_newline) = match memchr::memchr(b'\n', available) {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            if !too_long {
                if self.buffer.len() + chunk.len() > limit {
                    too_long = true;
                    self.buffer = Vec::new();
                } else {
                    self.buffer.extend_from_slice(chunk);
                }
            }
            self.source.reader.consume(consumed);
            if at_newline {
                break;
            }
        }
        Ok(match (any, too_long) {
            (false, _) => Line::End,
            (true, true) => Line::TooLong,
            (true, false) => Line::Read,
        })
    }
}

impl Iterator for JsonlStream {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(document) = self.queued.take() {
            return Some(document);
        }
        while !self.finished {
            let line = self.next_line();
            self.line_number += 1;
            let origin = || format!("{}:{}", self.source.origin, self.line_number);
            match line {
                Err(err) => {
                    self.finished = true;
                    return Some(Err(read_error(&origin(), &err)));
                }
                Ok(Line::End) => self.finished = true,
                Ok(Line::TooLong) => {
                    let limit = self.source.settings.max_document_bytes;
                    return Some(Err(IngestError::new(origin(), too_large(limit))));
                }
                Ok(Line::Read) => {
                    if self.buffer.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let mut notice = None;
                    let document = self.parse_line(&mut notice);
                    return Some(match notice {
                        Some(notice) => {
                            self.queued = Some(document);
                            Err(notice)
                        }
                        None => document,
                    });
                }
            }
        }
        None
    }
}

/// The fields sitrep reads from a JSONL line; other fields are ignored.
#[derive(Deserialize)]
struct JsonDoc {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: Option<String>,
    body: Option<String>,
    content: Option<String>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default)]
    source: Option<serde_json::Value>,
}

/// A string, or a number written as one; anything else counts as absent.
fn scalar(value: Option<serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

impl JsonlStream {
    /// Parses the line in the buffer; a line with invalid UTF-8 is repaired and `notice` says so.
    fn parse_line(&mut self, notice: &mut Option<IngestError>) -> Result<Document, IngestError> {
        let origin = format!("{}:{}", self.source.origin, self.line_number);
        let mut line: &[u8] = &self.buffer;
        if self.line_number == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let repaired;
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(_) => {
                let (text, first_bad) = repair(line);
                let message = not_utf8_message(line[first_bad], Some(first_bad + 1));
                *notice = Some(IngestError::repaired(&origin, message));
                repaired = text;
                &repaired
            }
        };
        let doc: JsonDoc = serde_json::from_str(text).map_err(|err| {
            IngestError::new(
                &origin,
                format!("not a JSON document ({err}); skipped. Each line must be one JSON object with a \"text\" field"),
            )
        })?;
        let text = [doc.text, doc.body, doc.content]
            .into_iter()
            .flatten()
            .find(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                IngestError::new(&origin, "document has no text (no non-empty \"text\", \"body\" or \"content\" field); skipped")
            })?;
        let published = scalar(doc.published)
            .or_else(|| scalar(doc.date))
            .and_then(|p| parse_published(&p));
        let id =
            scalar(doc.id).unwrap_or_else(|| format!("{}:{}", self.source.id, self.line_number));
        Ok(Document {
            id,
            text,
            published: self.source.published(published),
            title: scalar(doc.title),
            url: scalar(doc.url),
            source: scalar(doc.source),
        })
    }
}
