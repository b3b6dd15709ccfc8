//! Modality: whether a trigger asserts a real event, a denied one, a plan or a
//! threat. Cues are data (`lexicons/hedges/hedges.tsv`); the code only measures
//! how far a cue stands before the trigger, inside the trigger's clause.

use std::collections::HashMap;
use std::sync::LazyLock;

use sitrep_lexicon::{tsv, PhraseMatch, PhraseMatcher, PhrasePattern};
use sitrep_model::Span;
use sitrep_text::words::{capitalised_mid_sentence, word_before, words};

/// What a trigger asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// It happened.
    Asserted,
    /// It is said not to have happened.
    Negated,
    /// Planned, possible, conditional or wished for.
    Unreal,
    /// Threatened.
    Threat,
    /// Wanted or intended ("wants to attack"): a threat when the act is a use of
    /// force, else a plan (the caller decides).
    Intent,
}

struct Cue {
    effect: Modality,
    reach: usize,
    /// How many words may stand between the trigger and the cue after it (the
    /// trigger is the subject: "clashes could break out"), when the cue counts there.
    after: Option<usize>,
}

struct Hedges {
    matcher: PhraseMatcher,
    cues: Vec<Cue>,
}

static HEDGES: LazyLock<Hedges> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut cues = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("hedges/hedges.tsv")) {
        let effect = match row.get(1) {
            "negate" => Modality::Negated,
            "threat" => Modality::Threat,
            "intent" => Modality::Intent,
            _ => Modality::Unreal,
        };
        patterns.push(PhrasePattern {
            text: row.get(0).to_string(),
            id: cues.len() as u32,
        });
        // `reach` is "N" (words before the trigger), optionally followed by "+M"
        // (words after it).
        let mut reach = row.get(2).split_whitespace();
        cues.push(Cue {
            effect,
            reach: reach.next().and_then(|n| n.parse().ok()).unwrap_or(2),
            after: reach
                .next()
                .and_then(|n| n.strip_prefix('+'))
                .and_then(|n| n.parse().ok()),
        });
    }
    Hedges {
        matcher: PhraseMatcher::new(&patterns),
        cues,
    }
});

static CAUSES: LazyLock<PhraseMatcher> =
    LazyLock::new(|| cue_matcher(sitrep_text::lexicon!("hedges/causes.tsv")));

/// Whether `sentence` names a non-violent cause of death or damage (an accident,
/// a disaster: `lexicons/hedges/causes.tsv`).
pub fn names_accident(sentence: &str) -> bool {
    !CAUSES.find(sentence).is_empty()
}

/// The non-violent causes of death or damage `sentence` names (byte spans), in
/// text order ([`names_accident`]).
pub fn accident_causes(sentence: &str) -> Vec<Span> {
    CAUSES.find(sentence).into_iter().map(|m| m.span).collect()
}

static ILLNESSES: LazyLock<PhraseMatcher> =
    LazyLock::new(|| cue_matcher(sitrep_text::lexicon!("hedges/illnesses.tsv")));

/// Words that may stand between an illness and the verb it is the subject of
/// ("the virus, which has already killed", "a flu strain that killed").
const SUBJECT_LINKS: [&str; 16] = [
    "which",
    "that",
    "has",
    "have",
    "had",
    "already",
    "so",
    "far",
    "now",
    "reportedly",
    "also",
    "alone",
    "is",
    "was",
    "strain",
    "variant",
];

/// Words that may lead from a verb of death to the illness that caused it ("died of",
/// "were killed in a suspected cholera").
const CAUSE_LINKS: [&str; 18] = [
    "of",
    "from",
    "by",
    "in",
    "during",
    "after",
    "amid",
    "due",
    "to",
    "following",
    "the",
    "a",
    "an",
    "its",
    "this",
    "suspected",
    "related",
    "toll",
];

/// Verbs and nouns of death an illness may be the subject or cause of.
const DEATH_WORDS: [&str; 10] = [
    "killed", "kills", "killing", "kill", "died", "dies", "dead", "deaths", "death", "claimed",
];

/// Whether an illness (`lexicons/hedges/illnesses.tsv`) is what kills at `verb` (a span
/// inside `sentence`, both byte spans of `text`): the verb's subject ("measles has killed
/// 30 children", "the virus, which has killed") or its cause ("died of cholera", "were
/// killed in a cholera outbreak"). Anywhere else an illness changes nothing ("police shot
/// a man for breaking the COVID-19 curfew", "gunmen attacked a cholera clinic").
pub fn killed_by_illness(text: &str, sentence: Span, verb: Span) -> bool {
    let body = sentence.slice(text);
    let verb = Span::new(verb.start - sentence.start, verb.end - sentence.start);
    illness_kills_at(body, &ILLNESSES.find(body), verb)
}

/// Whether a sentence reports deaths from an illness: an illness is the subject or cause
/// of one of its words of death ("Cholera has killed 40 people in the camps").
pub fn reports_illness_deaths(sentence: &str) -> bool {
    let illnesses = ILLNESSES.find(sentence);
    !illnesses.is_empty()
        && words(sentence, Span::new(0, sentence.len())).any(|word| {
            DEATH_WORDS
                .iter()
                .any(|d| word.slice(sentence).eq_ignore_ascii_case(d))
                && illness_kills_at(sentence, &illnesses, word)
        })
}

/// [`killed_by_illness`] over the illnesses already found in `body`; `verb` is relative
/// to `body`.
fn illness_kills_at(body: &str, illnesses: &[PhraseMatch], verb: Span) -> bool {
    illnesses.iter().any(|hit| {
        if hit.span.end <= verb.start {
            only_links(&body[hit.span.end..verb.start], &SUBJECT_LINKS)
        } else if hit.span.start >= verb.end {
            only_links(&body[verb.end..hit.span.start], &CAUSE_LINKS)
        } else {
            false
        }
    })
}

/// Whether `gap` holds at most four words, each one of `links`, and no clause break.
fn only_links(gap: &str, links: &[&str]) -> bool {
    let mut count = 0;
    !gap.contains([';', ':', '.', '(', ')'])
        && gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                count += 1;
                count <= 4 && links.iter().any(|l| w.eq_ignore_ascii_case(l))
            })
}

/// A matcher over the first column of a cue file, each row's index as its id.
fn cue_matcher(file: &'static str) -> PhraseMatcher {
    let patterns: Vec<PhrasePattern> = tsv::rows(file)
        .enumerate()
        .map(|(i, row)| PhrasePattern {
            text: row.get(0).to_string(),
            id: i as u32,
        })
        .collect();
    PhraseMatcher::new(&patterns)
}

static CRIMES: LazyLock<PhraseMatcher> =
    LazyLock::new(|| cue_matcher(sitrep_text::lexicon!("hedges/crimes.tsv")));

static SPORTS: LazyLock<PhraseMatcher> =
    LazyLock::new(|| cue_matcher(sitrep_text::lexicon!("hedges/sports.tsv")));

/// Whether `sentence` names an ordinary crime (`lexicons/hedges/crimes.tsv`): an
/// arrest for it is police work, not a politically significant arrest.
pub fn names_crime(sentence: &str) -> bool {
    !CRIMES.find(sentence).is_empty()
}

/// How many different sport cues (`lexicons/hedges/sports.tsv`) a report's lead
/// names; two or more make it a sports report.
pub fn sport_cues<'a>(lead: impl IntoIterator<Item = &'a str>) -> usize {
    let mut seen: Vec<u32> = Vec::new();
    for sentence in lead {
        for m in SPORTS.find(sentence) {
            if !seen.contains(&m.id) {
                seen.push(m.id);
            }
        }
    }
    seen.len()
}

/// Words a sense pattern's gap ("gathered ... to watch") may span.
const SENSE_GAP: usize = 6;

/// Phrases in which a trigger word names no event (`lexicons/hedges/senses.tsv`):
/// each row is one phrase, or two parts around a gap.
struct Senses {
    matcher: PhraseMatcher,
    /// Per row: whether it has a second part (whose pattern id is `2 * row + 1`).
    gapped: Vec<bool>,
}

static SENSES: LazyLock<Senses> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut gapped = Vec::new();
    for (i, row) in tsv::rows(sitrep_text::lexicon!("hedges/senses.tsv")).enumerate() {
        let text = row.get(0);
        let mut parts = text.splitn(2, "...").map(str::trim);
        let first = parts.next().unwrap_or_default();
        let second = parts.next().filter(|p| !p.is_empty());
        patterns.push(PhrasePattern {
            text: first.to_string(),
            id: 2 * i as u32,
        });
        if let Some(second) = second {
            patterns.push(PhrasePattern {
                text: second.to_string(),
                id: 2 * i as u32 + 1,
            });
        }
        gapped.push(second.is_some());
    }
    Senses {
        matcher: PhraseMatcher::new(&patterns),
        gapped,
    }
});

/// Byte spans of `sentence` covered by a phrase in which a trigger word names no
/// event ("riot police", "demonstrates the", "gathered ... to watch").
pub fn non_event_spans(sentence: &str) -> Vec<Span> {
    let found = SENSES.matcher.find_overlapping(sentence);
    let mut out = Vec::new();
    for a in found.iter().filter(|m| m.id % 2 == 0) {
        let row = (a.id / 2) as usize;
        if !SENSES.gapped.get(row).copied().unwrap_or(false) {
            out.push(a.span);
            continue;
        }
        let end = found
            .iter()
            .filter(|b| b.id == a.id + 1 && b.span.start >= a.span.end)
            .find(|b| words(sentence, Span::new(a.span.end, b.span.start)).count() <= SENSE_GAP)
            .map(|b| b.span.end);
        if let Some(end) = end {
            out.push(Span::new(a.span.start, end));
        }
    }
    out
}

/// Verbs after which "to" + trigger still reports a real act ("began to shell").
const ASPECT_VERBS: [&str; 8] = [
    "began",
    "begun",
    "started",
    "continued",
    "continue",
    "continues",
    "managed",
    "resumed",
];

/// Past-tense verbs of `lexicons/hedges/purpose.tsv`: `act` (true) or `directive` (false).
static PURPOSE: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    tsv::rows(sitrep_text::lexicon!("hedges/purpose.tsv"))
        .map(|row| (row.get(0).to_lowercase(), row.get(1) == "act"))
        .collect()
});

/// Whether a past-tense act that is not a directive stands in `window` (within its
/// last eight words): "walked out of class" before "to protest", not "urged them".
fn acted_in(text: &str, window: Span) -> bool {
    let found: Vec<String> = words(text, window)
        .map(|w| w.slice(text).to_ascii_lowercase())
        .collect();
    found.iter().rev().take(8).any(|w| match PURPOSE.get(w) {
        Some(&act) => act,
        None => w.len() > 4 && w.ends_with("ed"),
    }) && !found.iter().any(|w| PURPOSE.get(w) == Some(&false))
}

/// The modality of the trigger at `trigger` within `clause` (byte spans into `text`).
/// With `purpose_real` (protests), a trigger after "to" is still real when a past
/// act precedes it ("gathered outside parliament to protest").
pub fn modality(
    text: &str,
    clause: Span,
    trigger: Span,
    is_base_verb: bool,
    purpose_real: bool,
) -> Modality {
    let window = Span::new(clause.start, trigger.start);
    let mut found = Modality::Asserted;
    for m in HEDGES.matcher.find(window.slice(text)) {
        let cue = &HEDGES.cues[m.id as usize];
        let cue_span = Span::new(window.start + m.span.start, window.start + m.span.end);
        // "On 3 May 2022, troops shelled …": a capitalised cue mid-sentence is a name.
        if capitalised_mid_sentence(text, clause, cue_span) {
            continue;
        }
        let cue_end = cue_span.end;
        let between = words(text, Span::new(cue_end, trigger.start)).count();
        if between <= cue.reach {
            found = strongest(found, cue.effect);
        }
    }
    // A trigger that is the subject of a modal ("clashes could break out", "any
    // march would be broken up") is as unreal as one after it; a modal perfect
    // ("the strike may have killed ten") reports a past event.
    {
        let after = Span::new(trigger.end, clause.end.max(trigger.end));
        for m in HEDGES.matcher.find(after.slice(text)) {
            let cue = &HEDGES.cues[m.id as usize];
            let Some(reach) = cue.after else { continue };
            let cue_span = Span::new(after.start + m.span.start, after.start + m.span.end);
            // "protests in May": a capitalised cue mid-sentence is a name.
            if capitalised_mid_sentence(text, clause, cue_span) {
                continue;
            }
            let between = words(text, Span::new(trigger.end, cue_span.start)).count();
            let perfect = words(text, Span::new(cue_span.end, clause.end.max(cue_span.end)))
                .next()
                .is_some_and(|w| w.slice(text).eq_ignore_ascii_case("have"));
            if between <= reach && !perfect {
                found = strongest(found, cue.effect);
            }
        }
    }
    if found == Modality::Asserted && is_base_verb {
        if let Some(to) = word_before(text, trigger.start, clause.start) {
            if to.slice(text).eq_ignore_ascii_case("to") {
                let aspect = word_before(text, to.start, clause.start).is_some_and(|w| {
                    ASPECT_VERBS
                        .iter()
                        .any(|v| w.slice(text).eq_ignore_ascii_case(v))
                });
                let purpose = purpose_real && acted_in(text, Span::new(clause.start, to.start));
                if !aspect && !purpose {
                    found = Modality::Unreal;
                }
            }
        }
    }
    found
}

fn strongest(a: Modality, b: Modality) -> Modality {
    let rank = |m: Modality| match m {
        Modality::Asserted => 0,
        Modality::Unreal => 1,
        Modality::Intent => 2,
        Modality::Threat => 3,
        Modality::Negated => 4,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, trigger: &str, expected: Modality) {
        let at = sentence.find(trigger).expect("trigger in sentence");
        let span = Span::new(at, at + trigger.len());
        let base = !trigger.ends_with("ed") && !trigger.ends_with("ing");
        let got = modality(sentence, Span::new(0, sentence.len()), span, base, false);
        assert_eq!(got, expected, "{sentence:?} / {trigger:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn a_protest_after_a_past_act_is_real() {
        use Modality::*;
        let rows = [
            ("Nearly 300 pupils walked out of their school to protest against the new rules.", Asserted),
            ("Farmers gathered outside the ministry on Monday to protest low prices.", Asserted),
            ("Hundreds of nurses went to the capital to protest unpaid wages.", Asserted),
            ("The union urged its members to protest against the reform.", Unreal),
            ("Opposition leaders called on supporters to protest on Friday.", Unreal),
            ("Teachers plan to protest outside parliament next week.", Unreal),
            ("Residents will gather at the square to protest the eviction.", Unreal),
            // An intent: the caller makes it a plan (a protest is no use of force).
            ("They wanted to protest the verdict.", Intent),
        ];
        for (sentence, expected) in rows {
            let at = sentence.find("protest").expect("trigger in sentence");
            let span = Span::new(at, at + "protest".len());
            let got = modality(sentence, Span::new(0, sentence.len()), span, true, true);
            assert_eq!(got, expected, "{sentence:?}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn a_trigger_that_is_the_subject_of_a_modal_is_unreal() {
        use Modality::*;
        let rows = [
            ("Analysts said clashes could break out after the vote.", "clashes", Unreal),
            ("The ministry warned that any march would be broken up by force.", "march", Unreal),
            ("Residents fear the fighting may spread to the camps.", "fighting", Unreal),
            ("Officials said new attacks might follow.", "attacks", Unreal),
            ("The protests in May drew thousands.", "protests", Asserted),
            // A modal perfect reports a past event.
            ("The air strike may have killed as many as ten people.", "strike", Asserted),
            // A modal in another clause, or far after the trigger, does not count.
            ("The attack killed four people, and officials said more could die.", "attack", Asserted),
            ("Clashes erupted in the market on Monday and police said they would investigate.", "Clashes", Asserted),
        ];
        for (sentence, trigger, expected) in rows {
            let at = sentence.find(trigger).expect("trigger in sentence");
            let span = Span::new(at, at + trigger.len());
            let clause_end = sentence[at..].find(',').map_or(sentence.len(), |i| at + i);
            let got = modality(sentence, Span::new(0, clause_end), span, false, false);
            assert_eq!(got, expected, "{sentence:?} / {trigger:?}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn wanting_or_intending_an_act_is_an_intent() {
        use Modality::*;
        let rows = [
            ("The general wants to invade the island.", "invade", Intent),
            ("Both rebel groups want to seize the port.", "seize", Intent),
            ("The army intends to shell the ridge.", "shell", Intent),
            ("The president threatened to bomb the bases.", "bomb", Threat),
            ("The army plans to shell the ridge.", "shell", Unreal),
            ("The army does not want to shell the ridge.", "shell", Negated),
        ];
        for (sentence, trigger, expected) in rows {
            check(sentence, trigger, expected);
        }
    }

    #[test]
    fn recognises_accidents() {
        assert!(names_accident(
            "A landslide struck the army camp, killing eight soldiers."
        ));
        assert!(names_accident(
            "The bus collided with a fuel tanker near Qalat."
        ));
        assert!(!names_accident("Gunmen killed eight soldiers at the camp."));
    }

    #[test]
    fn an_illness_kills_as_subject_or_cause_only() {
        let rows = [
            (
                "Measles has killed more than 600 children in the province this year.",
                true,
            ),
            (
                "The new flu strain, which has already killed twelve people, is spreading.",
                true,
            ),
            (
                "The swine flu virus, which has killed 16 people worldwide, keeps spreading.",
                true,
            ),
            (
                "Four inmates died of tuberculosis in the central prison last month.",
                true,
            ),
            (
                "Nine pupils died from suspected cholera at the boarding school.",
                true,
            ),
            (
                "Dozens were killed in a meningitis outbreak in the north.",
                true,
            ),
            (
                "The death toll from the Ebola epidemic rose to 1,200 on Monday.",
                true,
            ),
            (
                "Police shot dead a man for breaking the COVID-19 curfew in the capital.",
                false,
            ),
            (
                "Militiamen attacked a cholera treatment centre, killing a nurse.",
                false,
            ),
            (
                "A fresh outbreak of fighting killed 12 soldiers near the border.",
                false,
            ),
            (
                "Gunmen killed five health workers on a polio vaccination drive.",
                false,
            ),
            (
                "Troops killed 30 militants; the region also battles a measles outbreak.",
                false,
            ),
        ];
        for (sentence, expected) in rows {
            assert_eq!(reports_illness_deaths(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn recognises_ordinary_crime() {
        let rows = [
            ("Police arrested six men carrying heroin in a lorry.", true),
            ("Police detained two students at the rally.", false),
            (
                "Two robbers were arrested after the raid on the bank.",
                true,
            ),
            (
                "Police arrested forty opposition activists in Harare.",
                false,
            ),
            (
                "The former minister was arrested in a corruption case.",
                false,
            ),
        ];
        for (sentence, expected) in rows {
            assert_eq!(names_crime(sentence), expected, "{sentence:?}");
        }
    }

    #[test]
    fn counts_sport_cues() {
        let rows: [(&[&str], usize); 4] = [
            (
                &[
                    "The hosts beat the visitors 2-0 in the qualifier.",
                    "Their striker opened the scoring before half-time.",
                ],
                3,
            ),
            (&["The coach said the clash with Ghana would be hard."], 1),
            (
                &["Rebels clashed with troops near the border on Monday."],
                0,
            ),
            (
                &[
                    "The league match ended in a fight between fans.",
                    "Police said the league was suspended.",
                ],
                1,
            ),
        ];
        for (lead, expected) in rows {
            assert_eq!(sport_cues(lead.iter().copied()), expected, "{lead:?}");
        }
    }

    #[test]
    fn finds_phrases_that_name_no_event() {
        // (sentence, trigger word, whether a phrase covers it)
        let rows = [
            ("A row of riot police stood at the gate.", "riot", true),
            (
                "The footage demonstrates the brutality of the raid.",
                "demonstrates",
                true,
            ),
            (
                "Thousands demonstrated in the capital on Friday.",
                "demonstrated",
                false,
            ),
            (
                "Neighbours gathered near the well to watch the divers.",
                "gathered",
                true,
            ),
            (
                "Farmers gathered outside the council to demand water.",
                "gathered",
                false,
            ),
            (
                "The children had gathered for their uncle's wedding party.",
                "gathered",
                true,
            ),
            (
                "Crowds gathered on the long road through the hills and valleys to watch.",
                "gathered",
                false,
            ),
        ];
        for (sentence, word, expected) in rows {
            let at = sentence.find(word).expect("word in sentence");
            let covered = non_event_spans(sentence)
                .iter()
                .any(|s| s.start <= at && at < s.end);
            assert_eq!(covered, expected, "{sentence:?}");
        }
    }

    #[test]
    fn reads_negation_plans_and_threats() {
        use Modality::*;
        let rows = [
            (
                "Gunmen killed four farmers near Maiduguri.",
                "killed",
                Asserted,
            ),
            ("The army denied shelling the village.", "shelling", Negated),
            (
                "Police did not arrest anyone after the march.",
                "arrest",
                Negated,
            ),
            ("The rebels threatened to attack Goma.", "attack", Threat),
            (
                "The commander vowed to crush the uprising in Tigray.",
                "crush",
                Threat,
            ),
            ("The junta plans to bomb the rebel bases.", "bomb", Unreal),
            ("Troops could shell the town within days.", "shell", Unreal),
            (
                "The campaign to recapture Idlib continued.",
                "recapture",
                Unreal,
            ),
            (
                "Militants began to shell the outskirts of Kharkiv.",
                "shell",
                Asserted,
            ),
            (
                "If the talks fail, the army will attack Mekelle.",
                "attack",
                Unreal,
            ),
            (
                "There was no fighting in Kismayo on Monday.",
                "fighting",
                Negated,
            ),
            (
                "Residents fear an offensive on Tal Afar.",
                "offensive",
                Unreal,
            ),
            (
                "The soldiers refused to fire on protesters in Yangon.",
                "fire on",
                Negated,
            ),
            (
                "It was not immediately clear who carried out the attack in Kunduz.",
                "attack",
                Asserted,
            ),
        ];
        for (sentence, trigger, expected) in rows {
            check(sentence, trigger, expected);
        }
    }
}
