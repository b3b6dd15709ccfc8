//! Guards the geoparsing figures on the LGL and GeoVirus gold sets in `../shared/data/geo`.
//! The scoring code is `crates/eval/src/geo.rs` (what `sitrep eval geo` runs), included here
//! so that this test does not depend on the rest of the eval crate.
//! Fails loudly, naming the path, when the data is missing.

#[path = "../../eval/src/geo.rs"]
#[allow(dead_code)]
mod geo_eval;

use std::path::PathBuf;
use std::sync::OnceLock;

use sitrep_geo::Gazetteer;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::embedded().expect("the embedded gazetteer loads"))
}

fn data_file(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/geo")
        .join(name);
    assert!(
        path.exists(),
        "missing gold set {}: the geoparsing tests need ../shared/data/geo beside the repository",
        path.display()
    );
    path
}

/// Scores one set and checks recall, precision and accuracy against floors a little under
/// the figures measured when they were set (see docs/geocoding.md).
fn check(name: &str, min_recall: f64, min_precision: f64, min_accuracy: f64) {
    let docs = geo_eval::read_gold(&data_file(name)).expect("gold set parses");
    let score = geo_eval::score(gazetteer(), &docs);
    eprintln!("{}", score.to_markdown(name));
    assert!(
        score.recall_names() >= min_recall,
        "{name}: recall {:.3} fell under {min_recall}; run `sitrep eval geo` to see what is missed",
        score.recall_names()
    );
    assert!(
        score.precision() >= min_precision,
        "{name}: precision {:.3} fell under {min_precision}; run the geo_errors example with --false to see the false places",
        score.precision()
    );
    assert!(
        score.accuracy_161km() >= min_accuracy,
        "{name}: accuracy@161km {:.3} fell under {min_accuracy}",
        score.accuracy_161km()
    );
}

#[test]
fn lgl_figures_hold() {
    check("lgl.xml", 0.85, 0.80, 0.88);
}

#[test]
fn geovirus_figures_hold() {
    check("GeoVirus.xml", 0.92, 0.86, 0.85);
}
