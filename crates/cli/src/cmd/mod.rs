//! One module per subcommand; each exposes `Args` and `run`.

pub mod bench;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod lexicon;
pub mod places;
pub mod query;
pub mod serve;
