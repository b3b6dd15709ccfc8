//! Runs `sitrep eval articles` on the coded development articles with the thresholds of
//! tests/thresholds.tsv.

mod common;

use sitrep_eval::{articles, Split};

const FILE: &str = "articles_dev/articles_dev.jsonl";

#[test]
fn articles_dev_set_meets_thresholds() {
    let path = common::shared_data(FILE);
    let gold = articles::read_articles(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        gold.iter().any(|a| a.no_event),
        "no distractor article in {FILE}"
    );
    assert!(gold.iter().map(|a| a.events.len()).sum::<usize>() > 50);
    let pipeline = common::pipeline();
    let result = articles::evaluate(gold, FILE, Split::All, |doc| pipeline.extract(doc));
    common::assert_thresholds(&result.scorecard(), &result.text());
}
