//! Reads articles from files, directories and standard input into [`Document`]s.
//!
//! # What goes in, what comes out
//!
//! [`read_paths`] takes paths (`-` is standard input; a directory is walked
//! recursively in sorted order) and returns one stream of
//! `Result<Document, IngestError>`. Each input format lives in its own module
//! and is listed in the [`FORMATS`] table; `.gz` variants of every format are
//! decompressed on the fly, and standard input or a file with an unknown
//! extension is sniffed (gzip, JSONL, feed, HTML, else plain text).
//!
//! # Invariants
//!
//! - A bad record (a malformed JSON line, a document with no
//!   text, a record over the size limit ([`Reader::max_document_bytes`]), HTML that yields
//!   no article) becomes an error item naming its file and line; the stream
//!   goes on with the rest. Nothing panics on any input.
//! - Nothing good is lost to a stray byte: invalid UTF-8 is read as Windows-1252 and the
//!   document is kept, after a notice ([`IngestError::skipped`] false) naming the line.
//! - Memory is bounded: JSONL is read line by line and no record larger than
//!   the size limit is ever held in memory, whatever the file size.
//! - Document ids are stable: the JSONL `id`, else `file:line`; a feed item's
//!   guid or link; the file name (relative path inside a directory) otherwise.
//!
//! ```
//! use std::io::Write;
//! let dir = std::env::temp_dir().join("sitrep-ingest-doctest");
//! std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("docs.jsonl");
//! std::fs::write(&path, "{\"id\": \"a\", \"text\": \"Gunmen killed 3 people.\"}\nnot json\n").unwrap();
//! let items: Vec<_> = sitrep_ingest::read_paths(vec![path], Default::default()).collect();
//! assert_eq!(items[0].as_ref().unwrap().id, "a");
//! assert!(items[1].as_ref().unwrap_err().to_string().contains("docs.jsonl:2"));
//! ```

mod boilerplate;
mod date;
mod feed;
mod gz;
mod html;
mod jsonl;
mod source;
mod txt;

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use chrono::NaiveDate;
use sitrep_model::Document;

pub use html::html_to_text;
use source::Source;

/// A record with a problem, with where it came from.
///
/// Most problems make the record unreadable and it is skipped. A repaired record (invalid
/// UTF-8 read as Windows-1252) is not: its document follows this notice in the stream.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct IngestError {
    /// File (and line, or feed item) the problem is in, e.g. `news.jsonl:12`.
    pub origin: String,
    /// What went wrong and what to do about it.
    pub message: String,
    /// True when the record was dropped; false when it was repaired and read.
    pub skipped: bool,
}

impl IngestError {
    pub(crate) fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        IngestError {
            origin: origin.into(),
            message: message.into(),
            skipped: true,
        }
    }

    pub(crate) fn repaired(origin: impl Into<String>, message: impl Into<String>) -> Self {
        IngestError {
            skipped: false,
            ..IngestError::new(origin, message)
        }
    }

    /// What became of the record: "skipped" or "repaired", for messages.
    pub fn outcome(&self) -> &'static str {
        if self.skipped {
            "skipped"
        } else {
            "repaired"
        }
    }
}

/// The default size limit of one record: 16 MiB (see [`Reader::max_document_bytes`]).
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// Options that apply to every document read.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Publication date for documents that carry none.
    pub published: Option<NaiveDate>,
}

/// Everything a format reader needs besides the bytes.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub published: Option<NaiveDate>,
    pub max_document_bytes: usize,
    pub bytes_read: Option<Arc<AtomicU64>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            published: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            bytes_read: None,
        }
    }
}

/// A configured reader: [`IngestOptions`] plus a size limit and a byte counter.
///
/// `read_paths(paths, options)` is `Reader::new(options).read_paths(paths)`.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    settings: Settings,
}

impl Reader {
    /// A reader with the given options and the default size limit.
    pub fn new(options: IngestOptions) -> Self {
        Reader {
            settings: Settings {
                published: options.published,
                ..Settings::default()
            },
        }
    }

    /// Sets the largest record accepted (a JSONL line; a text, HTML or feed
    /// file after decompression). Larger ones are reported and skipped.
    pub fn max_document_bytes(mut self, bytes: usize) -> Self {
        self.settings.max_document_bytes = bytes;
        self
    }

    /// Counts every byte read from input files (before decompression) into
    /// `counter`, for progress bars.
    pub fn count_bytes(mut self, counter: Arc<AtomicU64>) -> Self {
        self.settings.bytes_read = Some(counter);
        self
    }

    /// Reads every path in order (`-` is standard input) as a stream of documents.
    ///
    /// Directories are walked recursively in sorted order and only files with a
    /// known extension (see [`FORMATS`], optionally followed by `.gz`) are read.
    pub fn read_paths(
        self,
        paths: Vec<PathBuf>,
    ) -> impl Iterator<Item = Result<Document, IngestError>> + Send {
        let settings = Arc::new(self.settings);
        paths.into_iter().flat_map(move |path| {
            let settings = Arc::clone(&settings);
            source::expand(path).flat_map(move |input| match input {
                Ok(input) => input.open(&settings),
                Err(err) => Box::new(std::iter::once(Err(err))) as DocStream,
            })
        })
    }

    /// Reads documents from any reader (a socket, an in-memory buffer) in the
    /// given format, or sniffs the format when `format` is `None`.
    /// `name` is used in ids and error messages.
    pub fn read_reader(
        self,
        reader: impl std::io::Read + Send + 'static,
        name: &str,
        format: Option<Format>,
    ) -> impl Iterator<Item = Result<Document, IngestError>> + Send {
        source::open_reader(Box::new(reader), name, format, &Arc::new(self.settings))
    }
}

/// An input format sitrep reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document per line, as JSON (`.jsonl`, `.ndjson`).
    Jsonl,
    /// One plain-text document per file (`.txt`).
    Txt,
    /// One article page per file (`.html`, `.htm`).
    Html,
    /// An RSS or Atom feed; each item is a document (`.rss`, `.atom`, `.xml`).
    Feed,
}

/// A stream of documents from one input.
pub(crate) type DocStream = Box<dyn Iterator<Item = Result<Document, IngestError>> + Send>;

/// One row of the [`FORMATS`] table.
pub struct FormatSpec {
    /// The format.
    pub format: Format,
    /// File extensions (lower case, without the dot) read as this format.
    pub extensions: &'static [&'static str],
    /// One line for `--help` and the README.
    pub description: &'static str,
    read: fn(Source) -> DocStream,
}

/// Every input format: adding one is a new module plus one line here.
/// Any of them may be gzip-compressed (`name.jsonl.gz`).
pub static FORMATS: &[FormatSpec] = &[
    FormatSpec {
        format: Format::Jsonl,
        extensions: &["jsonl", "ndjson"],
        description:
            "one JSON document a line: text (or body/content), id, published, title, url, source",
        read: jsonl::read,
    },
    FormatSpec {
        format: Format::Txt,
        extensions: &["txt", "text"],
        description: "one plain-text article per file; its id is the file name",
        read: txt::read,
    },
    FormatSpec {
        format: Format::Html,
        extensions: &["html", "htm", "xhtml"],
        description:
            "one article page per file: main text, title, canonical URL and date from metadata",
        read: html::read,
    },
    FormatSpec {
        format: Format::Feed,
        extensions: &["rss", "atom", "xml"],
        description: "an RSS or Atom feed; every item is a document",
        read: feed::read,
    },
];

impl Format {
    /// The format for a file extension (without the dot, any case), if known.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let extension = extension.to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|spec| spec.extensions.contains(&extension.as_str()))
            .map(|spec| spec.format)
    }

    fn spec(self) -> &'static FormatSpec {
        FORMATS
            .iter()
            .find(|spec| spec.format == self)
            .unwrap_or(&FORMATS[0])
    }
}

/// Reads every path in order (`-` is standard input) as a stream of documents,
/// with the default size limit. See [`Reader`] for more control.
pub fn read_paths(
    paths: Vec<PathBuf>,
    options: IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> + Send {
    Reader::new(options).read_paths(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_belongs_to_one_format() {
        let mut seen = std::collections::HashSet::new();
        for spec in FORMATS {
            assert!(std::ptr::eq(spec.format.spec(), spec));
            for ext in spec.extensions {
                assert!(seen.insert(*ext), "extension {ext} listed twice in FORMATS");
                assert_eq!(Format::from_extension(ext), Some(spec.format));
            }
        }
        assert_eq!(Format::from_extension("HTML"), Some(Format::Html));
        assert_eq!(Format::from_extension("pdf"), None);
    }
}
