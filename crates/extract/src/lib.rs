//! Event extraction: a document's sentences plus lexicons in, candidate events
//! and figures out.
//!
//! One module per field: `events` finds and types triggers, `frames` assigns
//! actors, `modality` drops denied, planned and hypothetical events (and turns
//! threats into THREATEN), `casualties`, `dates` and `attribution` read the
//! counts, the date and the source, `figures` reads aggregate humanitarian
//! numbers, `headers` reads the label a coder's note opens with ("Looting: …"), and `merge` joins repeated reports of one incident. Every function on
//! the per-document path takes in-memory values and cannot fail; spans are byte
//! ranges into the text given.

pub mod accusations;
pub mod attribution;
pub mod casualties;
pub mod dates;
pub mod events;
pub mod fields;
pub mod figures;
pub mod frames;
pub mod headers;
pub mod merge;
pub mod modality;
pub mod numbers;

pub use events::{Candidate, DocumentReading, Extractor, Family};
