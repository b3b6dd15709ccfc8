//! Import of GeoNames dump files (work in progress).
