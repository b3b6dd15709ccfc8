//! Who does what to whom in verbal and strategic events whose triggers are exact
//! phrases ("jailed") or patterns with a gap ("released ... activist"): the actor
//! countries of the first candidate. Every sentence is invented for this table.

use std::sync::LazyLock;

use sitrep_extract::Extractor;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::embedded().unwrap_or_else(|e| panic!("lexicons load: {e}")));

/// "ACTOR1>ACTOR2" countries of the first candidate with a CAMEO code, `-` for none.
fn roles(text: &str) -> String {
    let first = dyads(text);
    let first = first.split("; ").next().unwrap_or_default();
    first
        .split_once(' ')
        .map_or(first.to_string(), |(_, dyad)| dyad.to_string())
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

/// Every CAMEO-coded candidate as "CODE ACTOR1>ACTOR2" (countries, `-` for none),
/// joined by "; ".
fn dyads(text: &str) -> String {
    dyads_with_places(text, &[])
}

/// Coordinated actors make one event per dyad; a verbal act with no object is
/// aimed at the country it happens in; a planned verbal act is still coded, a
/// negated one is not.
#[test]
#[rustfmt::skip]
fn verbal_acts_code_every_dyad_and_planned_acts() {
    let rows = [
        // Coordinated subjects of a meeting act on each other.
        ("Kenya and Tanzania held talks on Monday.", "040 KEN>TZA; 040 TZA>KEN"),
        ("Peru, Chile, and Bolivia met on Friday.",
         "040 PER>CHL; 040 PER>BOL; 040 CHL>PER; 040 CHL>BOL; 040 BOL>PER; 040 BOL>CHL"),
        // ... unless the meeting happens in a third country, its target.
        ("Ghana and Togo will meet in Nairobi next week.", "040 GHA>KEN; 040 TGO>KEN"),
        // Each coordinated subject acts on the object.
        ("Norway and Sweden condemned Belarus on Sunday.", "111 NOR>BLR; 111 SWE>BLR"),
        // A visit or a warning with no object is aimed at the country named after in/to.
        ("The Danish envoy is expected to attend a conference in Nairobi.", "044 DNK>KEN"),
        ("Canada advised against travel to Haiti on Friday.", "160 CAN>HTI"),
        // A plan or promise of a verbal act is coded ...
        ("Japan will supply weapons to the Philippines.", "072 JPN>PHL"),
        // A refused or denied cooperative act is a rejection; a denied accusation is nothing.
        ("Japan will not supply weapons to the Philippines.", "121 JPN>PHL"),
        ("Kenya will not hold talks with the Ugandan envoy.", "125 KEN>UGA"),
        ("Ghana did not free the Togolese prisoners.", "124 GHA>TGO"),
        ("Chad did not condemn Sudan.", "none"),
        // One party saying another attacked accuses it (112) ...
        ("Ghana said Togolese soldiers attacked a border post on Monday.", "190 TGO>-; 112 GHA>TGO"),
        ("Ghana said that Togo had attacked the post.", "190 TGO>-; 112 GHA>TGO"),
        // ... not when it reports its own act, or a source has no country.
        ("The Nigerian army said its troops shelled rebel camps.", "194 ->-"),
        ("Medics said Chadian troops shot two herders.", "193 TCD>-"),
        // An object without a country takes the one after "from"/"of" ...
        ("Kenyan officials received ministers from the Ugandan government.", "043 KEN>UGA"),
        ("Canada helped dissidents from Eritrea.", "070 CAN>ERI"),
        // ... and "X received assurances from Y" is Y's act on X.
        ("Kenyan farmers received assurances from the Ugandan government.", "030 UGA>KEN"),
        // Commas alone make an apposition, not a list.
        ("Kenya, the host, praised Uganda on Friday.", "051 KEN>UGA"),
    ];
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = dyads(text);
        if got != expected {
            failures.push(format!("{text:?}: expected {expected}, found {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// "CODE ACTOR1>ACTOR2" of every CAMEO-coded candidate, as [`dyads`], with the
/// places a gazetteer would find given as hints (each `(toponym, ISO3)`).
fn dyads_with_places(text: &str, places: &[(&str, &str)]) -> String {
    use sitrep_extract::events::PlaceHint;
    use sitrep_model::Span;
    let analyzed = sitrep_text::analyze(text);
    let published = "2023-05-10".parse().ok();
    let hints: Vec<PlaceHint> = places
        .iter()
        .filter_map(|(name, iso3)| {
            let at = text.find(name)?;
            Some(PlaceHint {
                span: Span::new(at, at + name.len()),
                iso3: iso3.to_string(),
            })
        })
        .collect();
    let country = |m: &Option<sitrep_lexicon::actors::ActorMention>| {
        m.as_ref()
            .and_then(|m| m.actor.country.clone())
            .unwrap_or_else(|| "-".into())
    };
    let found: Vec<String> = EXTRACTOR
        .read_with_places(text, &analyzed, published, &hints)
        .candidates
        .into_iter()
        .filter_map(|c| {
            let code = c.cameo.clone()?;
            Some(format!(
                "{code} {}>{}",
                country(&c.actor1),
                country(&c.actor2)
            ))
        })
        .collect();
    if found.is_empty() {
        "none".into()
    } else {
        found.join("; ")
    }
}

/// A sentence, the places a gazetteer finds in it, and the expected dyads.
type PlaceRow = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

/// Targets and sources beyond the object of the verb: a gazetteer place where a
/// verbal act happens, a speaker a pronoun takes up, a demonym before an event noun,
/// a counterpart, and a declared intent to use force (a threat).
#[test]
#[rustfmt::skip]
fn places_pronouns_demonyms_and_intents_fill_roles() {
    let rows: [PlaceRow; 11] = [
        // A verbal act with no object is aimed at the gazetteer place it happens in ...
        ("Ghana and Togo will meet in Lyon next week.", &[("Lyon", "FRA")], "040 GHA>FRA; 040 TGO>FRA"),
        ("Kenya expressed sorrow for the floods in Bavaria.", &[("Bavaria", "DEU")], "018 KEN>DEU"),
        // ... not one with an object, and a place is never an actor.
        ("Ghana met Togo in Lyon on Monday.", &[("Lyon", "FRA")], "040 GHA>TGO"),
        // A speaker taken up by a pronoun is a party to what it reports ...
        ("Ghana said it had arrested two Togolese activists.", &[], "173 GHA>TGO"),
        // ... not a source such as medics.
        ("Medics said they treated two Malian farmers.", &[], "none"),
        // A demonym before an event noun names the side that acts.
        ("Six villagers died in Nigerian air strikes on Tuesday.", &[], "195 NGA>-"),
        ("Lebanon condemned Israeli air strikes on Sunday.", &[], "111 LBN>ISR"),
        // A counterpart is a government official.
        ("The Ghanaian president met his Togolese counterpart.", &[], "040 GHA>TGO"),
        // Wanting or intending to use force is a threat; other plans are plans.
        ("Chad wants to attack Niger.", &[], "138 TCD>NER"),
        ("Chad intends to attack Libyan troops.", &[], "138 TCD>LBY"),
        ("Chad wants to help Niger.", &[], "070 TCD>NER"),
    ];
    let mut failures = Vec::new();
    for (text, places, expected) in rows {
        let got = dyads_with_places(text, places);
        if got != expected {
            failures.push(format!("{text:?}: expected {expected}, found {got}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
