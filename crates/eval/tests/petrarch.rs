//! Runs `sitrep eval petrarch` on the PETRARCH-2 validation sentences with the thresholds
//! of tests/thresholds.tsv, and checks that the unit-test records parse.

mod common;

use sitrep_eval::{petrarch, Split};

const GSR: &str = "petrarch2/universalpetrarch/PETR2_GSR_validation.xml";
const UNIT_TESTS: &str = "petrarch2/PETR.UnitTest.records.xml";

#[test]
fn petrarch_validation_meets_thresholds() {
    let sentences =
        petrarch::read_sentences(&common::shared_data(GSR)).unwrap_or_else(|e| panic!("{e}"));
    let coded = sentences.iter().filter(|s| !s.codings.is_empty()).count();
    assert!(coded >= 50, "{coded} coded sentences in {GSR}");
    let pipeline = common::pipeline();
    let result = petrarch::evaluate(sentences, GSR, Split::All, |doc| pipeline.extract(doc));
    common::assert_thresholds(&result.scorecard(), &result.text());
}

#[test]
fn petrarch_unit_test_records_parse() {
    let sentences = petrarch::read_sentences(&common::shared_data(UNIT_TESTS))
        .unwrap_or_else(|e| panic!("{e}"));
    let codings: usize = sentences.iter().map(|s| s.codings.len()).sum();
    assert!(sentences.len() >= 280, "{} sentences", sentences.len());
    assert!(codings >= 300, "{codings} codings");
    assert!(sentences
        .iter()
        .all(|s| !s.text.is_empty() || s.codings.is_empty()));
}
