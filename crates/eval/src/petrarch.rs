//! `sitrep eval petrarch` scoring (work in progress).
