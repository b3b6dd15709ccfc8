//! The API boundary: one document in, its events, figures and places out.
//!
//! ```no_run
//! use sitrep_model::Document;
//! let pipeline = sitrep_pipeline::Pipeline::load_default().unwrap();
//! let doc = Document { id: "d1".into(), text: "Gunmen killed 3 villagers.".into(), ..Document::default() };
//! let extraction = pipeline.extract(&doc);
//! for record in extraction.records() {
//!     println!("{}", record.to_json_line());
//! }
//! ```

use sitrep_model::{Diagnostic, Document, Event, Figure, Place, Record};

/// A loading error: lexicons or gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A lexicon or gazetteer failed to load.
    #[error("{0}")]
    Load(String),
}

/// What the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Coded events, deduplicated within the document.
    pub events: Vec<Event>,
    /// Aggregate humanitarian figures.
    pub figures: Vec<Figure>,
    /// Problems that did not stop processing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    /// Events then figures, as records.
    pub fn records(self) -> impl Iterator<Item = Record> {
        self.events
            .into_iter()
            .map(Record::Event)
            .chain(self.figures.into_iter().map(Record::Figure))
    }
}

/// Lexicons and gazetteer loaded once; `extract` is then pure and thread-safe.
#[derive(Debug, Default)]
pub struct Pipeline {}

impl Pipeline {
    /// Loads the bundled default lexicons and gazetteer.
    pub fn load_default() -> Result<Self, PipelineError> {
        Ok(Pipeline {})
    }

    /// Extracts events and figures from one document. Never fails.
    pub fn extract(&self, _doc: &Document) -> Extraction {
        Extraction::default()
    }

    /// Every toponym mention in the document, geocoded.
    pub fn places(&self, _doc: &Document) -> Vec<Place> {
        Vec::new()
    }
}
