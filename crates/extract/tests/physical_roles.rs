//! Who acts on whom in physical events: the mention texts of actor 1 and actor 2
//! of the first ACLED-typed candidate. Every sentence is invented for this table.

use std::sync::LazyLock;

use sitrep_extract::Extractor;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::embedded().unwrap_or_else(|e| panic!("lexicons load: {e}")));

/// "ACTOR1>ACTOR2" (mention texts, `-` for none) of the first ACLED-typed candidate.
fn roles(text: &str) -> String {
    let analyzed = sitrep_text::analyze(text);
    let published = "2023-05-10".parse().ok();
    let mention = |m: &Option<sitrep_lexicon::actors::ActorMention>| {
        m.as_ref()
            .map_or_else(|| "-".to_string(), |m| m.span.slice(text).to_string())
    };
    EXTRACTOR
        .read_with_places(text, &analyzed, published, &[])
        .candidates
        .iter()
        .find(|c| c.acled.is_some())
        .map_or_else(
            || "none".into(),
            |c| format!("{}>{}", mention(&c.actor1), mention(&c.actor2)),
        )
}

fn check(rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = roles(text);
        if got != *expected {
            failures.push(format!("{text:?}: expected {expected}, found {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A clash, a gunfight or an exchange of fire is mutual: the members of a
/// coordinated subject fight each other, and a group that fights "each other" or a
/// lone party "between" stands on both sides.
#[test]
#[rustfmt::skip]
fn mutual_acts_put_coordinated_subjects_on_both_sides() {
    check(&[
        ("Soldiers and Tuareg rebels clashed near Gao on Sunday.", "Soldiers>rebels"),
        ("Police and members of the ELN exchanged fire in Arauca.", "Police>ELN"),
        ("Ukrainian troops and Russian forces fought near Avdiivka.", "Ukrainian troops>Russian forces"),
        ("Rival gangs clashed with each other in Port-au-Prince.", "Rival gangs>Rival gangs"),
        ("Two groups of students fought one another at a campus in Dhaka.", "students>students"),
        ("A shoot-out between rival gangs left two dead in Cali.", "rival gangs>rival gangs"),
        // An object, or a second party after "between", is the other side.
        ("Troops clashed with Tuareg rebels near Gao.", "Troops>rebels"),
        ("Clashes between the army and the RSF killed nine in Omdurman.", "army>RSF"),
        // A one-sided attack by a coordinated subject keeps no one acted on.
        ("Soldiers and police raided a market in Goma.", "police>-"),
    ]);
}
