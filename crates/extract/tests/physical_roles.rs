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
        // A one-sided attack by a coordinated subject keeps no one acted on; state
        // forces named together act through the first.
        ("Soldiers and police raided a market in Goma.", "Soldiers>-"),
    ]);
}

/// A demonym opening the object of an act names the side acted on: its forces
/// before a military position, its civilians before anything else.
#[test]
#[rustfmt::skip]
fn a_demonym_opening_the_object_names_the_target() {
    check(&[
        ("Eritrean troops shelled Ethiopian positions near Zalambessa.", "Eritrean troops>Ethiopian"),
        ("Settlers threw stones at Palestinian cars near Hebron.", "Settlers>Palestinian"),
        ("Soldiers beat two Congolese in Kasindi on Friday.", "Soldiers>Congolese"),
        // Not after a preposition of place or a noun.
        ("Soldiers opened fire in Ethiopian villages.", "Soldiers>-"),
    ]);
    // The kind: forces before a position, civilians otherwise.
    let kind = |text: &str| {
        let analyzed = sitrep_text::analyze(text);
        EXTRACTOR
            .read_with_places(text, &analyzed, "2023-05-10".parse().ok(), &[])
            .candidates
            .iter()
            .find(|c| c.acled.is_some())
            .and_then(|c| c.actor2.as_ref()?.actor.kind.clone())
            .unwrap_or_default()
    };
    assert_eq!(kind("Eritrean troops shelled Ethiopian positions near Zalambessa."), "military");
    assert_eq!(kind("Settlers threw stones at Palestinian cars near Hebron."), "civilians");
}

/// The subject of a verb is not the object of a preposition inside its phrase.
#[test]
#[rustfmt::skip]
fn a_subject_is_not_the_object_of_a_preposition() {
    check(&[
        ("Two students detained for insulting the army were beaten by police in Bamako.", "police>students"),
        ("Students angry with the police burned a bus in Conakry.", "Students>-"),
        // A partitive keeps the group.
        ("Three members of Boko Haram were killed by soldiers near Bama.", "soldiers>Boko Haram"),
    ]);
}
