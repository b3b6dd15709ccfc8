//! The text layer: a document's text in, its sentences (with datelines and link
//! lines set apart) out.
//!
//! Never fails, on any UTF-8 input. Spans are byte ranges into the text given;
//! nothing is rewritten, so every span slices the original.
//!
//! ```
//! let text = "KABUL (Reuters) - Gunmen killed two guards. Police said the U.N. office was hit.";
//! let analyzed = sitrep_text::analyze(text);
//! let sentences: Vec<&str> = analyzed.sentences.iter().map(|s| s.span.slice(text)).collect();
//! assert_eq!(sentences, ["Gunmen killed two guards.", "Police said the U.N. office was hit."]);
//! assert_eq!(analyzed.datelines[0].slice(text), "KABUL");
//! ```

pub mod draws;
pub mod lexicon_files;
mod segment;
pub mod words;

use sitrep_model::Span;

pub use segment::analyze;

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span of the sentence (trimmed, dateline excluded).
    pub span: Span,
    /// Position among the document's sentences, from 0.
    pub index: usize,
    /// Index of the paragraph (block of lines) the sentence is in.
    pub paragraph: usize,
    /// A link line, caption or credit ("Read: …"): not article text.
    pub boilerplate: bool,
}

/// A document split into sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analyzed {
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
    /// Place names of datelines ("KABUL" in "KABUL (Reuters) -"), in order.
    pub datelines: Vec<Span>,
}

impl Analyzed {
    /// The sentences that are article text (not link lines or credits).
    pub fn text_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| !s.boilerplate)
    }
}
