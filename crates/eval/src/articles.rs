//! `sitrep eval articles` (being written).
