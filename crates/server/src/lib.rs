//! sitrep's HTTP API and dashboard (work in progress).
