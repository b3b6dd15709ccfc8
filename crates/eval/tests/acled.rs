//! Runs `sitrep eval acled` on the ACLED development set with the thresholds of
//! tests/thresholds.tsv.

mod common;

use sitrep_eval::{acled, Split};

const FILE: &str = "acled_dev/acled_2022_dev_1000.csv";

#[test]
fn acled_dev_set_meets_thresholds() {
    let path = common::shared_data(FILE);
    let rows = acled::read_rows(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.len() >= 1000, "{} rows in {FILE}", rows.len());
    assert!(rows
        .iter()
        .all(|r| !r.notes.is_empty() && r.published.is_some()));
    let pipeline = common::pipeline();
    let result = acled::evaluate(rows, FILE, Split::All, |doc| pipeline.extract(doc));
    let card = result.scorecard();
    assert_eq!(card.documents, 1000);
    common::assert_thresholds(&card, &result.text(false));
}

#[test]
fn acled_split_holds_out_a_third_of_the_rows() {
    let rows = acled::read_rows(&common::shared_data(FILE)).unwrap_or_else(|e| panic!("{e}"));
    let held = rows
        .iter()
        .filter(|r| Split::Holdout.includes(&r.id))
        .count();
    assert!(
        (250..420).contains(&held),
        "{held} of {} held out",
        rows.len()
    );
}
