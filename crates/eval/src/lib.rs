//! Scores sitrep against human-coded data: ACLED exports, whole coded articles,
//! PETRARCH validation records and geoparsing gold sets.
//!
//! Each evaluation reads its gold file, runs an extraction function over the documents it
//! builds (the CLI and the tests pass `Pipeline::extract`; unit tests pass canned
//! extractions), and returns a result with a [`Scorecard`] of named metrics, markdown and
//! text renderings, and a readable list of misses for whoever tunes the extractor.
//! [`Threshold`]s turn a scorecard into a pass/fail check for CI.

pub mod acled;
pub mod articles;
mod assign;
mod countries;
mod describe;
pub mod geo;
mod metrics;
pub mod petrarch;
mod render;
mod split;

pub use assign::best_pairing;
pub use countries::{acled_actor_country, iso3_from_iso2, iso3_from_name};
pub use metrics::{Bound, Metric, Scorecard, Threshold};
pub use split::Split;

/// A gold file or a threshold could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("cannot read {path} (check the path; the shared data sets live under ../shared/data)")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not in the expected format.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong and where.
        message: String,
    },
    /// A threshold names a metric this evaluation does not have, or is malformed.
    #[error("threshold {0}")]
    Threshold(String),
}

/// Reads a whole file, naming it in the error.
fn read_file(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })
}
