//! Who does what to whom in verbal and strategic events whose triggers are exact
//! phrases ("jailed") or patterns with a gap ("released ... activist"): the actor
//! countries of the first candidate. Every sentence is invented for this table.

use std::sync::LazyLock;

use sitrep_extract::Extractor;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::embedded().unwrap_or_else(|e| panic!("lexicons load: {e}")));

/// "ACTOR1>ACTOR2" countries of the first candidate with a CAMEO code, `-` for none.
fn roles(text: &str) -> String {
    let analyzed = sitrep_text::analyze(text);
    let published = "2023-05-10".parse().ok();
    let country = |m: &Option<sitrep_lexicon::actors::ActorMention>| {
        m.as_ref()
            .and_then(|m| m.actor.country.clone())
            .unwrap_or_else(|| "-".into())
    };
    EXTRACTOR
        .candidates(text, &analyzed, published)
        .into_iter()
        .find(|c| c.cameo.is_some())
        .map_or("none".into(), |c| {
            format!("{}>{}", country(&c.actor1), country(&c.actor2))
        })
}

#[test]
#[rustfmt::skip]
fn exact_verbs_and_gapped_patterns_find_their_objects() {
    let rows = [
        ("A Kenyan court jailed a Somali student on Tuesday.", "KEN>SOM"),
        ("A Ghanaian court jailed two Nigerian men for fraud.", "GHA>NGA"),
        ("Egypt on Sunday released a Palestinian activist held for a year.", "EGY>PSE"),
        ("The Indian journalist was released from custody on Monday.", "->IND"),
        ("Turkey was committed to upholding the truce, its envoy said.", "TUR>-"),
    ];
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = roles(text);
        if got != expected {
            failures.push(format!("{text:?}: expected {expected}, found {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
