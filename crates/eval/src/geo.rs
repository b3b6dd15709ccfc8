//! `sitrep eval geo` scoring (work in progress).
