//! dates (work in progress).
