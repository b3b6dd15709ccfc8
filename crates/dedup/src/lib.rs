//! sitrep-dedup (work in progress).
