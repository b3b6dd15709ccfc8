//! Helpers shared by the evaluation tests: shared data paths, the pipeline, thresholds.

use std::path::PathBuf;
use std::sync::OnceLock;

use sitrep_eval::{Scorecard, Threshold};
use sitrep_pipeline::Pipeline;

/// A file under `../shared/data` (relative to the repository); panics naming the path when
/// it is missing, so that a test never passes without its data.
pub fn shared_data(relative: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(relative);
    assert!(
        path.is_file(),
        "missing test data {}: these tests need the shared data sets next to the repository (../shared/data/{relative})",
        path.display()
    );
    path
}

/// The default pipeline, loaded once per test binary.
pub fn pipeline() -> &'static Pipeline {
    static CELL: OnceLock<Pipeline> = OnceLock::new();
    CELL.get_or_init(|| match Pipeline::load_default() {
        Ok(p) => p,
        Err(e) => panic!("cannot load the default pipeline: {e}"),
    })
}

/// Checks a scorecard against its rows of `tests/thresholds.tsv`, printing it either way.
pub fn assert_thresholds(card: &Scorecard, summary: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/thresholds.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let thresholds = Threshold::parse_file(&text, card.eval)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        !thresholds.is_empty(),
        "no `{}` rows in {}",
        card.eval,
        path.display()
    );
    println!("{summary}");
    let failures = card
        .check(&thresholds)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        failures.is_empty(),
        "{} regressed:\n{}\n(run `sitrep eval {} ... --verbose` to see the misses)",
        card.eval,
        failures.join("\n"),
        card.eval
    );
}
