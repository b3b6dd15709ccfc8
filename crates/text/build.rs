//! Lists the bundled lexicon files (`lexicons/**/*.tsv`, relative paths) so that a user's
//! lexicon directory can be checked against them (see `src/lexicon_files.rs`).

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicons");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, "", &mut files);
    files.sort();
    let list = files
        .iter()
        .map(|f| format!("{f:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("bundled.rs");
    let code = format!("/// Relative paths of the bundled lexicon files.\npub const BUNDLED: &[&str] = &[{list}];\n");
    if let Err(err) = fs::write(&out, code) {
        panic!("cannot write {}: {err}", out.display());
    }
}

fn collect(dir: &Path, prefix: &str, files: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, &format!("{prefix}{name}/"), files);
        } else if name.ends_with(".tsv") {
            files.push(format!("{prefix}{name}"));
        }
    }
}
