//! casualties (work in progress).
