//! Plain text: one article per file, its id the file name (or the relative
//! path inside a directory).

use sitrep_model::Document;

use crate::source::Source;
use crate::{DocStream, IngestError};

/// Reads one plain-text document.
pub(crate) fn read(mut source: Source) -> DocStream {
    let result = source.read_to_string().and_then(|text| {
        if text.trim().is_empty() {
            return Err(IngestError::new(
                &source.origin,
                "document has no text; skipped",
            ));
        }
        Ok(Document {
            id: source.id.clone(),
            text,
            published: source.published(None),
            ..Document::default()
        })
    });
    Box::new(std::iter::once(result))
}
