//! The API boundary: one document in, its events, figures and places out.
//!
//! `Pipeline::load_default()` loads the bundled lexicons and gazetteer once;
//! `extract` is then pure, never fails and is safe to call from many threads.
//! Inside: text (sentences) → extract (candidates) → geo (places) → merge
//! (one event per incident) → records with code-point evidence offsets.
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

mod background;
mod build;
mod conventions;
mod segment;

use sitrep_extract::Extractor;
use sitrep_geo::Gazetteer;
use sitrep_model::{Diagnostic, Document, Event, Figure, Place, Record};

/// A loading error: lexicons or gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A lexicon failed to load.
    #[error("lexicon: {0}")]
    Lexicon(#[from] sitrep_lexicon::LexiconError),
    /// The gazetteer failed to load.
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] sitrep_geo::GeoError),
}

/// What the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Coded events, one per incident.
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
#[derive(Debug)]
pub struct Pipeline {
    extractor: Extractor,
    gazetteer: Gazetteer,
}

impl Pipeline {
    /// Loads the bundled default lexicons and gazetteer.
    pub fn load_default() -> Result<Self, PipelineError> {
        Ok(Pipeline::new(
            Extractor::embedded()?,
            Gazetteer::load_default()?,
        ))
    }

    /// A pipeline over the given extractor and gazetteer.
    pub fn new(extractor: Extractor, gazetteer: Gazetteer) -> Self {
        Pipeline {
            extractor,
            gazetteer,
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts events and figures from one document. Never fails.
    pub fn extract(&self, doc: &Document) -> Extraction {
        build::extract(&self.extractor, &self.gazetteer, doc)
    }

    /// Every toponym mention in the document, geocoded.
    pub fn places(&self, doc: &Document) -> Vec<Place> {
        self.gazetteer
            .geoparse(&doc.text)
            .to_records(&doc.id, &doc.text)
    }
}
