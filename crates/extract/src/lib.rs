//! Event extraction: analysed text plus lexicons in, candidate events and figures out.
//!
//! One module per field. Every function on the per-document path takes in-memory
//! values and cannot fail; spans are byte ranges into the text it was given.

pub mod attribution;
pub mod casualties;
pub mod dates;
pub mod figures;
pub mod numbers;
