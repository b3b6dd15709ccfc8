//! Runs `../shared/tools/seed-check` on the built binary: every row, figure and
//! trap of the seed article must hold. Fails (never skips) when `../shared` is absent.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn seed_article_passes_every_check() {
    let tool = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/seed-check");
    assert!(
        tool.exists(),
        "{} is missing: clone the project with ../shared beside it to run the seed check",
        tool.display()
    );
    let out = Command::new("python3")
        .arg(&tool)
        .arg(env!("CARGO_BIN_EXE_sitrep"))
        .output()
        .expect("python3 runs seed-check");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "seed-check failed:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
