//! Scores sitrep against human-coded data (work in progress).
