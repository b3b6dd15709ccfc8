//! Decompresses the bundled gazetteer (`gazetteer/gazetteer.tsv.gz`) into the build
//! directory, so that the binary embeds the plain text and loading it needs no inflating:
//! the geoparser reads entry lines in place.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let source = PathBuf::from("../../gazetteer/gazetteer.tsv.gz");
    println!("cargo:rerun-if-changed={}", source.display());
    let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
    let Some(out_dir) = out_dir else {
        panic!("OUT_DIR is not set; build sitrep-geo with cargo");
    };
    let compressed = std::fs::read(&source).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; the bundled gazetteer is part of the repository (rebuild it with \
             scripts/gazetteer/build.py)",
            source.display()
        )
    });
    let mut text = Vec::with_capacity(compressed.len() * 3);
    flate2::read::MultiGzDecoder::new(compressed.as_slice())
        .read_to_end(&mut text)
        .unwrap_or_else(|e| panic!("{}: cannot decompress: {e}", source.display()));
    let target = out_dir.join("gazetteer.tsv");
    std::fs::write(&target, text)
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", target.display()));
}
