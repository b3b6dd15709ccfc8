//! Plain text: one article per file, its id the file name (or the relative
//! path inside a directory).

use sitrep_model::Document;

use crate::source::Source;
use crate::{DocStream, IngestError};

/// Reads one plain-text document (after its repair notice, when it had invalid UTF-8).
pub(crate) fn read(mut source: Source) -> DocStream {
    let (text, notice) = match source.read_to_string() {
        Ok(decoded) => decoded,
        Err(err) => return Box::new(std::iter::once(Err(err))),
    };
    let result = if text.trim().is_empty() {
        Err(IngestError::new(
            &source.origin,
            "document has no text; skipped",
        ))
    } else {
        Ok(Document {
            id: source.id.clone(),
            text,
            published: source.published(None),
            ..Document::default()
        })
    };
    Box::new(notice.map(Err).into_iter().chain(std::iter::once(result)))
}
