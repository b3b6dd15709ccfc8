//! Geocoding for sitrep: a bundled gazetteer, toponym recognition and resolution, and
//! the place of an event.
//!
//! In: a document's text. Out: [`DocPlaces`], every toponym mention with byte spans,
//! resolved to a gazetteer entry with document-level context (cue words, administrative
//! chains, country focus, population and feature-kind priors, nearby mentions), plus
//! [`DocPlaces::locate`] for one event's evidence sentence and [`DocPlaces::focus`] for the
//! document as a whole.
//!
//! Invariants: loading ([`Gazetteer::embedded`], [`Gazetteer::from_path`]) is the only
//! fallible step and happens once; [`Gazetteer::geoparse`] never fails or panics on any
//! UTF-8 text; spans are byte ranges on `char` boundaries, converted to code points only in
//! [`DocPlaces::to_records`].
//!
//! ```
//! use sitrep_geo::Gazetteer;
//! use sitrep_model::{GeoPrecision, Span};
//! let gazetteer = Gazetteer::embedded().unwrap();
//! let text = "Rebels retook Saraqeb, a town in Idlib province, on Thursday.";
//! let places = gazetteer.geoparse(text);
//! let saraqeb = &places.mentions()[0];
//! assert_eq!(saraqeb.text, "Saraqeb");
//! assert_eq!(saraqeb.place.as_ref().unwrap().name, "Saraqib");
//! let location = places.locate(Span::new(0, text.len()), 7, &[]).unwrap();
//! assert_eq!(location.precision, GeoPrecision::Town);
//! ```

mod doc;
mod fold;
mod gazetteer;
pub mod import;
mod index;
mod recognize;
mod resolve;

pub use doc::{DocPlaces, Mention, ResolvedPlace};
pub use fold::fold;
pub use gazetteer::{Entry, Gazetteer, GazetteerStats, Kind};
pub use resolve::distance_km;

/// A gazetteer could not be loaded or built.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gazetteer or data file is malformed.
    #[error("{origin}:{line}: {message}")]
    Format {
        /// The file (or "embedded gazetteer").
        origin: String,
        /// 1-based line number, 0 when the whole file is at fault.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
}

impl Gazetteer {
    /// Finds and resolves every toponym in a document. Never fails.
    pub fn geoparse(&self, text: &str) -> DocPlaces {
        doc::geoparse(self, text)
    }
}
