//! sitrep-text (work in progress).
