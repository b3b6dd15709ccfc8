//! `sitrep eval acled` scoring (work in progress).
