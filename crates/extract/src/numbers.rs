//! numbers (work in progress).
