//! Lexicons: human-editable data files under `lexicons/`, compiled once into fast
//! matchers.
//!
//! The bundled defaults are embedded in the binary; a user directory with the same
//! layout extends them (see `lexicons/README.md`). Code here knows no trigger, actor
//! or place by name: it only parses, validates (with `file:line` errors) and compiles.

pub mod actors;
pub mod matcher;
pub mod triggers;
pub mod tsv;

pub use matcher::{DocumentWords, PhraseMatch, PhraseMatcher, PhrasePattern};

/// A lexicon file that could not be loaded, with where and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The lexicon file.
    pub file: String,
    /// 1-based line number (0 when the whole file is at fault).
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}
