//! One module per subcommand; each exposes `Args` and `run`.

pub mod extract;
pub mod places;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod eval;
pub mod gazetteer;
pub mod lexicon;
pub mod bench;
