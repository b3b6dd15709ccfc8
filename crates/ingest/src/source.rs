//! Where bytes come from: path expansion (directories walked in sorted order),
//! opening files or standard input, byte counting, gzip and format sniffing,
//! and the bounded whole-record read every format shares.

use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::{gz, DocStream, Format, IngestError, Settings};

/// Directories nested deeper than this are not walked (guards symlink loops).
const MAX_DIRECTORY_DEPTH: usize = 64;
/// How many leading bytes are looked at to guess a format.
const SNIFF_BYTES: usize = 8 << 10;
/// Read buffer size for every input.
const BUFFER_BYTES: usize = 256 << 10;

/// One readable input: a file or standard input.
pub(crate) struct Input {
    path: PathBuf,
    /// The base of the ids of its documents: file name, or relative path inside a directory.
    id: String,
}

/// An opened input ready for a format reader.
pub(crate) struct Source {
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// The path as given (or `<stdin>`), for error messages.
    pub origin: String,
    /// The base of document ids.
    pub id: String,
    /// Options for every document.
    pub settings: Arc<Settings>,
}

impl Source {
    /// The publication date to use when a document carries `found` (or none).
    pub fn published(&self, found: Option<NaiveDate>) -> Option<NaiveDate> {
        found.or(self.settings.published)
    }

    /// Reads the whole input as text, refusing more than the size limit; invalid UTF-8
    /// is repaired (see [`utf8_text`]) and the repair notice returned beside the text.
    pub fn read_to_string(&mut self) -> Result<Decoded, IngestError> {
        let limit = self.settings.max_document_bytes;
        let mut bytes = Vec::new();
        (&mut self.reader)
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| read_error(&self.origin, &err))?;
        if bytes.len() > limit {
            return Err(IngestError::new(&self.origin, too_large(limit)));
        }
        Ok(utf8_text(bytes, &self.origin))
    }
}

/// The message for a record over the size limit.
pub(crate) fn too_large(limit: usize) -> String {
    format!(
        "record is larger than the {} limit; skipped (split it, or raise --max-doc-size)",
        human_size(limit)
    )
}

/// `16 MiB`, `512 KiB` or `100 bytes`.
pub(crate) fn human_size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Text whose invalid bytes were read as Windows-1252, and the repair notice naming where.
pub(crate) type Decoded = (String, Option<IngestError>);

/// Turns bytes that should be UTF-8 into text, losing nothing.
///
/// A byte that is not part of valid UTF-8 is read as Windows-1252, the encoding such
/// stray bytes nearly always come from (0xe9 is "é", 0x93 and 0x94 are curly quotes), so
/// "S\xe3o Paulo" stays a place name instead of becoming a replacement character. The
/// document is kept, and a repair notice names the line and byte of the first such byte.
pub(crate) fn utf8_text(mut bytes: Vec<u8>, origin: &str) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let bytes = err.into_bytes();
            let (text, first_bad) = repair(&bytes);
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..first_bad]).count();
            let notice = IngestError::repaired(
                format!("{origin}:{line}"),
                not_utf8_message(bytes[first_bad], None),
            );
            (text, Some(notice))
        }
    }
}

/// The repair notice's text for the first invalid byte (and its column, when known).
pub(crate) fn not_utf8_message(byte: u8, column: Option<usize>) -> String {
    let at = column
        .map(|c| format!(" at column {c}"))
        .unwrap_or_default();
    format!(
        "not valid UTF-8 (byte 0x{byte:02x}{at}); read the invalid bytes as Windows-1252 and kept the document. \
         To be sure of the text, re-encode the file as UTF-8, e.g. iconv -f windows-1252 -t utf-8"
    )
}

/// Valid UTF-8 kept as it is, every invalid byte read as Windows-1252; with the offset of
/// the first invalid byte.
pub(crate) fn repair(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(offset);
            let (decoded, _) =
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
            text.push_str(&decoded);
            offset += chunk.invalid().len();
        }
    }
    (text, first_bad.unwrap_or(bytes.len()))
}

/// The message for an IO error while reading.
pub(crate) fn read_error(origin: &str, err: &io::Error) -> IngestError {
    let hint =
        if err.kind() == io::ErrorKind::InvalidInput || err.kind() == io::ErrorKind::InvalidData {
            " (is it a complete, uncorrupted file?)"
        } else {
            ""
        };
    IngestError::new(origin, format!("cannot read: {err}{hint}"))
}

/// Expands one path argument into the inputs to read, in a stable order.
pub(crate) fn expand(path: PathBuf) -> Box<dyn Iterator<Item = Result<Input, IngestError>> + Send> {
    if path.as_os_str() == "-" {
        let input = Input {
            path,
            id: "stdin".into(),
        };
        return Box::new(std::iter::once(Ok(input)));
    }
    let origin = path.display().to_string();
    match fs::metadata(&path) {
        Err(err) => Box::new(std::iter::once(Err(IngestError::new(
            origin,
            format!("cannot open: {err}; check the path"),
        )))),
        Ok(meta) if meta.is_dir() => {
            let mut found = Vec::new();
            walk(&path, "", 0, &mut found);
            Box::new(found.into_iter())
        }
        Ok(_) => {
            let id = file_name(&path);
            Box::new(std::iter::once(Ok(Input { path, id })))
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Collects the readable files under `dir` (sorted by name, hidden entries skipped).
fn walk(dir: &Path, prefix: &str, depth: usize, found: &mut Vec<Result<Input, IngestError>>) {
    let origin = dir.display().to_string();
    if depth > MAX_DIRECTORY_DEPTH {
        found.push(Err(IngestError::new(
            origin,
            format!("directories nested deeper than {MAX_DIRECTORY_DEPTH} levels (a symlink loop?); not read"),
        )));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            found.push(Err(IngestError::new(
                origin,
                format!("cannot list directory: {err}"),
            )));
            return;
        }
    };
    let mut entries: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            )
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort();
    for (name, path) in entries {
        let id = format!("{prefix}{name}");
        if path.is_dir() {
            walk(&path, &format!("{id}/"), depth + 1, found);
        } else if format_of(&path).1.is_some() {
            found.push(Ok(Input { path, id }));
        }
    }
}

/// Whether the path ends in `.gz`, and the format its (inner) extension names.
fn format_of(path: &Path) -> (bool, Option<Format>) {
    let extension = |p: &Path| p.extension().and_then(|e| e.to_str()).map(str::to_owned);
    match extension(path) {
        Some(ext) if ext.eq_ignore_ascii_case("gz") => {
            let inner = path.with_extension("");
            (
                true,
                extension(&inner).and_then(|e| Format::from_extension(&e)),
            )
        }
        Some(ext) => (false, Format::from_extension(&ext)),
        None => (false, None),
    }
}

impl Input {
    /// Opens the input and returns its documents.
    pub fn open(self, settings: &Arc<Settings>) -> DocStream {
        let stdin = self.path.as_os_str() == "-";
        let origin = if stdin {
            "<stdin>".to_string()
        } else {
            self.path.display().to_string()
        };
        let raw: Box<dyn Read + Send> = if stdin {
            Box::new(io::stdin())
        } else {
            match fs::File::open(&self.path) {
                Ok(file) => Box::new(file),
                Err(err) => {
                    let err = IngestError::new(origin, format!("cannot open: {err}"));
                    return Box::new(std::iter::once(Err(err)));
                }
            }
        };
        let raw: Box<dyn Read + Send> = match &settings.bytes_read {
            Some(counter) => Box::new(Counting {
                inner: raw,
                counter: Arc::clone(counter),
            }),
            None => raw,
        };
        let (compressed, format) = if stdin {
            (false, None)
        } else {
            format_of(&self.path)
        };
        let raw = if compressed { gz::decode(raw) } else { raw };
        open_source(raw, origin, self.id, format, settings)
    }
}

/// Opens any reader under a display name (used for ids and messages).
pub(crate) fn open_reader(
    reader: Box<dyn Read + Send>,
    name: &str,
    format: Option<Format>,
    settings: &Arc<Settings>,
) -> DocStream {
    open_source(reader, name.to_string(), name.to_string(), format, settings)
}

fn open_source(
    reader: Box<dyn Read + Send>,
    origin: String,
    id: String,
    format: Option<Format>,
    settings: &Arc<Settings>,
) -> DocStream {
    let (reader, format) = match format {
        Some(format) => (reader, format),
        None => match sniff(reader) {
            Ok(found) => found,
            Err(err) => return Box::new(std::iter::once(Err(read_error(&origin, &err)))),
        },
    };
    let source = Source {
        reader: Box::new(BufReader::with_capacity(BUFFER_BYTES, reader)),
        origin,
        id,
        settings: Arc::clone(settings),
    };
    (format.spec().read)(source)
}

/// Guesses the format from the first bytes: gzip is unwrapped, then a leading
/// `{` means JSONL, an `<rss`/`<feed`/`<rdf:RDF` root a feed, other markup HTML,
/// anything else plain text.
fn sniff(reader: Box<dyn Read + Send>) -> io::Result<(Box<dyn Read + Send>, Format)> {
    let (head, reader) = peek(reader)?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return sniff(gz::decode(reader));
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !b"\xEF\xBB\xBF".contains(b))
        .unwrap_or(head.len());
    let head_text = String::from_utf8_lossy(&head[start..]).to_ascii_lowercase();
    let format = if head_text.starts_with('{') {
        Format::Jsonl
    } else if head_text.starts_with('<') {
        if ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|root| head_text.contains(root))
            && !head_text.contains("<html")
        {
            Format::Feed
        } else {
            Format::Html
        }
    } else {
        Format::Txt
    };
    Ok((reader, format))
}

/// Reads up to [`SNIFF_BYTES`] and returns them with a reader that replays them.
fn peek(mut reader: Box<dyn Read + Send>) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    let replay = Cursor::new(head.clone()).chain(reader);
    Ok((head, Box::new(replay)))
}

/// Counts bytes read, for progress reporting.
struct Counting {
    inner: Box<dyn Read + Send>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sniff(input: &[u8], expected: Format) {
        let (mut reader, format) = sniff(Box::new(Cursor::new(input.to_vec()))).unwrap();
        assert_eq!(
            format,
            expected,
            "sniffing {:?}",
            String::from_utf8_lossy(input)
        );
        let mut replayed = Vec::new();
        reader.read_to_end(&mut replayed).unwrap();
        assert_eq!(replayed, input, "sniffing must not consume input");
    }

    #[test]
    fn sniffs_formats() {
        check_sniff(b"{\"text\": \"x\"}\n", Format::Jsonl);
        check_sniff(b"\n  {\"text\": \"x\"}", Format::Jsonl);
        check_sniff(b"<!DOCTYPE html><html><body>x</body></html>", Format::Html);
        check_sniff(b"<html><body><p>rss feeds</p></body></html>", Format::Html);
        check_sniff(
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
            Format::Feed,
        );
        check_sniff(
            b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            Format::Feed,
        );
        check_sniff(b"<rdf:RDF xmlns:rdf=\"x\">", Format::Feed);
        check_sniff(
            b"KABUL (Reuters) - A roadside bomb killed four.",
            Format::Txt,
        );
        check_sniff(b"", Format::Txt);
    }

    #[test]
    fn broken_utf8_is_read_as_windows_1252_and_named() {
        let (text, notice) = utf8_text(
            b"line one\nS\xe3o Paulo \x93police\x94 \xff\n".to_vec(),
            "a.txt",
        );
        assert_eq!(
            text,
            "line one\nS\u{e3}o Paulo \u{201c}police\u{201d} \u{ff}\n"
        );
        let notice = notice.expect("a repair notice");
        assert_eq!(notice.origin, "a.txt:2");
        assert!(!notice.skipped);
        assert!(notice.message.contains("0xe3"), "{}", notice.message);
        assert_eq!(
            utf8_text(b"\xEF\xBB\xBFok".to_vec(), "b"),
            ("ok".to_string(), None)
        );
    }

    #[test]
    fn valid_multibyte_text_beside_a_stray_byte_is_kept() {
        let (text, first_bad) = repair(
            "Kyiv \u{2014} Київ"
                .as_bytes()
                .iter()
                .copied()
                .chain(*b" \x96 end")
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(text, "Kyiv \u{2014} Київ \u{2013} end");
        assert_eq!(first_bad, "Kyiv \u{2014} Київ ".len());
    }

    #[test]
    fn format_of_strips_gz() {
        assert_eq!(
            format_of(Path::new("a/b.jsonl.gz")),
            (true, Some(Format::Jsonl))
        );
        assert_eq!(format_of(Path::new("b.HTM")), (false, Some(Format::Html)));
        assert_eq!(format_of(Path::new("b.gz")), (true, None));
        assert_eq!(format_of(Path::new("README")), (false, None));
    }
}
