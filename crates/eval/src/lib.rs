//! Scores sitrep against human-coded data: ACLED exports, whole coded articles,
//! PETRARCH validation records and geoparsing gold sets.

pub mod acled;
pub mod articles;
pub mod geo;
pub mod petrarch;
