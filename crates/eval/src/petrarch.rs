//! `sitrep eval petrarch` (being written).
