//! `sitrep eval articles` scoring (work in progress).
