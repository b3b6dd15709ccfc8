//! attribution (work in progress).
