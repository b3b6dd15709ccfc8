//! sitrep-geo (work in progress).
