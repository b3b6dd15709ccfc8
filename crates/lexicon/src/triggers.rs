//! Event triggers: `lexicons/triggers/*.tsv` compiled into one phrase matcher.
//!
//! Each entry maps a word or phrase to an ACLED sub-event type (or a rule resolved
//! from the actors), a PLOVER type and mode, and a CAMEO code. Verbs are inflected
//! and nouns pluralised here, so the files hold lemmas only; see
//! `lexicons/README.md` for the format.

use std::collections::HashMap;

use sitrep_model::{AcledType, Span, PLOVER_TYPES};

use crate::matcher::{PhraseMatcher, PhrasePattern};
use crate::tsv::{self, Row};
use crate::LexiconError;

/// The bundled trigger files (or the user's copies: see `sitrep_text::lexicon_files`).
fn files() -> [(&'static str, &'static str); 6] {
    [
        (
            "explosions.tsv",
            sitrep_text::lexicon!("triggers/explosions.tsv"),
        ),
        (
            "violence.tsv",
            sitrep_text::lexicon!("triggers/violence.tsv"),
        ),
        (
            "territory.tsv",
            sitrep_text::lexicon!("triggers/territory.tsv"),
        ),
        ("protest.tsv", sitrep_text::lexicon!("triggers/protest.tsv")),
        (
            "strategic.tsv",
            sitrep_text::lexicon!("triggers/strategic.tsv"),
        ),
        ("verbal.tsv", sitrep_text::lexicon!("triggers/verbal.tsv")),
    ]
}

/// How a pattern is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A verb: the first word takes -s, -ed, -ing and irregular forms.
    Verb,
    /// A noun: the last word also matches in the plural.
    Noun,
    /// Exactly as written.
    Exact,
}

/// What a trigger does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Creates an event.
    Event,
    /// Only sharpens the type of another violent trigger in the sentence, or
    /// creates an event when the sentence reports casualties.
    Refine,
}

/// The ACLED coding of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcledRule {
    /// A fixed sub-event type.
    Fixed(AcledType),
    /// Attack, armed clash, mob violence or excessive force, from the actors.
    Violence,
    /// Fighting between two sides: armed clash, or mob violence and violent
    /// demonstration when the sides are crowds.
    Clash,
    /// Stone-throwing, rioting: violent demonstration in a protest, else mob violence.
    Riot,
    /// Government regains or non-state actor overtakes territory, from actor1.
    Territory,
    /// Peaceful protest or protest with intervention, from the context.
    Protest,
    /// Outside ACLED's taxonomy (statements, talks, demands).
    Outside,
}

/// The grammatical form a verb trigger was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Base or present form ("kill", "kills").
    Present,
    /// Past tense or past participle ("killed", "struck").
    Past,
    /// Gerund or present participle ("killing").
    Gerund,
    /// A noun, or an exact phrase that does not open with a verb form.
    Other,
}

/// One trigger entry, as read from its file.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The pattern as written (first spelling).
    pub pattern: String,
    /// How it is inflected.
    pub pos: Pos,
    /// Whether it creates events or refines them.
    pub role: Role,
    /// ACLED coding.
    pub acled: AcledRule,
    /// PLOVER type (upper case).
    pub plover: String,
    /// PLOVER mode, if any.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// The example sentence the entry must match.
    pub example: String,
    /// Where the entry is defined, e.g. "violence.tsv:12".
    pub source: String,
    /// Words that must follow within a few words ("sign ... agreement"), with
    /// their accepted spellings.
    tail: Vec<Vec<String>>,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    /// Byte span of the trigger words (including any gap).
    pub span: Span,
    /// Index of the entry in [`TriggerLexicon::entries`].
    pub entry: usize,
    /// The form it was found in.
    pub form: Form,
}

/// All triggers, compiled.
#[derive(Debug, Clone)]
pub struct TriggerLexicon {
    entries: Vec<Trigger>,
    matcher: PhraseMatcher,
    /// For each matcher id: entry index and form.
    forms: Vec<(usize, Form)>,
    precedence: HashMap<AcledType, usize>,
    intervention: PhraseMatcher,
    /// Context cues (`context-cues.tsv`); a match's id indexes [`CUES`].
    cues: PhraseMatcher,
}

/// A word around a trigger that changes its ACLED type (`context-cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Ground fighting around a bomb, grenade or shell: an armed clash.
    Battle,
    /// Territory changed hands without fighting.
    Unopposed,
    /// Barricades or burning tyres: a protest is a violent demonstration.
    Riot,
    /// Between a protest and a violent word, makes the word the protest's subject.
    Topic,
    /// In a weapon's clause, makes the weapon the object of a seizure.
    Recovered,
    /// Just before a protest after an arrest, makes the protest the arrest's reason.
    Reason,
    /// Before or inside a victim's name, makes a soldier or police officer a civilian.
    Civilian,
    /// After a violent trigger with no victim named, a civilian place or property.
    Object,
    /// A military position or unit: a demonym before it names that country's forces
    /// as the target ("shelled Ukrainian positions").
    Position,
    /// Just before a weapon or aircraft, makes it support for the act of another
    /// trigger ("soldiers backed by fighter jets attacked"): that trigger decides.
    Support,
    /// In the name of a non-state group that ACLED counts as a state authority
    /// (the Houthis' Supreme Political Council): its arrests stay arrests.
    Authority,
    /// Lethal force ("live ammunition", "protesters were killed"): police who
    /// intervene in a protest with it use excessive force.
    Lethal,
    /// A verb of fending off an attack ("repelled", "fought off"): its subject is
    /// the side attacked, what it fends off names the attacker.
    Defence,
    /// A participle of damage ("slashed", "smashed", "set on fire"): in the passive,
    /// with nobody armed named, after a protest it makes the protest violent.
    Damage,
    /// A word for the victim of an attack ("the victim", "the target").
    Victim,
    /// A word of organised crime ("gang", "cartel", "drug dealer"): a victim said to
    /// be one makes an attack by armed men a clash between rival groups.
    Gang,
    /// A verb of perceiving from afar ("were heard", "observed", "recorded"):
    /// explosions it reports are shelling, as ACLED codes blasts heard or counted
    /// by observers.
    Witness,
    /// A word that makes what follows the circumstances of an act ("during",
    /// "amid"): a cause of accidents after it ("during a sand storm") is the
    /// weather of an attack by armed men, not its cause.
    Setting,
}

/// The cue effects by name, in the order of their ids.
const CUES: [(&str, Cue); 18] = [
    ("battle", Cue::Battle),
    ("unopposed", Cue::Unopposed),
    ("riot", Cue::Riot),
    ("topic", Cue::Topic),
    ("recovered", Cue::Recovered),
    ("reason", Cue::Reason),
    ("civilian", Cue::Civilian),
    ("object", Cue::Object),
    ("position", Cue::Position),
    ("support", Cue::Support),
    ("authority", Cue::Authority),
    ("lethal", Cue::Lethal),
    ("defence", Cue::Defence),
    ("damage", Cue::Damage),
    ("victim", Cue::Victim),
    ("gang", Cue::Gang),
    ("witness", Cue::Witness),
    ("setting", Cue::Setting),
];

/// Words a gap may span.
const GAP_WORDS: usize = 4;

impl TriggerLexicon {
    /// The bundled default triggers.
    pub fn embedded() -> Result<Self, LexiconError> {
        let files: Vec<(String, String)> = files()
            .iter()
            .map(|(name, content)| (name.to_string(), content.to_string()))
            .collect();
        Self::from_files(&files)
    }

    /// Compiles trigger files given as (name, content) pairs, on top of the
    /// bundled irregular verbs, precedence and intervention lists.
    pub fn from_files(files: &[(String, String)]) -> Result<Self, LexiconError> {
        let irregular = irregular_verbs()?;
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut forms = Vec::new();
        for (name, content) in files {
            for row in tsv::rows(content) {
                let trigger = parse_row(name, &row)?;
                let index = entries.len();
                for spelling in row.get(0).split('|') {
                    let head = spelling.split("...").next().unwrap_or("").trim();
                    for (text, form) in inflect(head, trigger.pos, &irregular) {
                        patterns.push(PhrasePattern {
                            text,
                            id: forms.len() as u32,
                        });
                        forms.push((index, form));
                    }
                }
                entries.push(trigger);
            }
        }
        let precedence = tsv::rows(sitrep_text::lexicon!("triggers/precedence.tsv"))
            .enumerate()
            .map(|(rank, row)| {
                AcledType::from_sub_event(row.get(0))
                    .map(|t| (t, rank))
                    .ok_or_else(|| row.error("precedence.tsv", "unknown ACLED sub-event type"))
            })
            .collect::<Result<HashMap<_, _>, _>>()?;
        let intervention = PhraseMatcher::new(
            &tsv::rows(sitrep_text::lexicon!("triggers/intervention.tsv"))
                .map(|row| PhrasePattern {
                    text: row.get(0).to_string(),
                    id: 0,
                })
                .collect::<Vec<_>>(),
        );
        let cues = tsv::rows(sitrep_text::lexicon!("triggers/context-cues.tsv"))
            .map(|row| {
                CUES.iter()
                    .position(|(name, _)| *name == row.get(1))
                    .map(|id| PhrasePattern {
                        text: row.get(0).to_string(),
                        id: id as u32,
                    })
                    .ok_or_else(|| {
                        let names: Vec<&str> = CUES.iter().map(|&(name, _)| name).collect();
                        row.error(
                            "context-cues.tsv",
                            format!("unknown effect; use one of {}", names.join(", ")),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TriggerLexicon {
            entries,
            matcher: PhraseMatcher::new(&patterns),
            forms,
            precedence,
            intervention,
            cues: PhraseMatcher::new(&cues),
        })
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Trigger] {
        &self.entries
    }

    /// The entry a match refers to.
    pub fn entry(&self, m: &TriggerMatch) -> &Trigger {
        &self.entries[m.entry]
    }

    /// All triggers in `text`, longest-leftmost, gaps resolved.
    pub fn find(&self, text: &str) -> Vec<TriggerMatch> {
        let mut out = Vec::new();
        for m in self.matcher.find_overlapping(text) {
            let (entry, form) = self.forms[m.id as usize];
            let trigger = &self.entries[entry];
            // "Russia-backed", "rebel-held": a compound adjective, not a trigger.
            if text[..m.span.start].ends_with('-') {
                continue;
            }
            let end = match tail_end(text, m.span.end, &trigger.tail) {
                Some(end) => end,
                None => continue,
            };
            out.push(TriggerMatch {
                span: Span::new(m.span.start, end),
                entry,
                form,
            });
        }
        // Longest leftmost; a gap pattern beats the plain word it starts with; the
        // same words read as a noun and as a verb ("attack", "clashes") keep one reading.
        out.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
                .then(a.entry.cmp(&b.entry))
        });
        let mut kept: Vec<TriggerMatch> = Vec::with_capacity(out.len());
        for m in out {
            match kept.last_mut() {
                Some(k) if k.span == m.span => {
                    let verbal = verb_reading(text, m.span.start);
                    if (m.form != Form::Other) == verbal && (k.form != Form::Other) != verbal {
                        *k = m;
                    }
                }
                Some(k) if m.span.start < k.span.end => {}
                _ => kept.push(m),
            }
        }
        kept
    }

    /// Rank of a violent sub-event type: lower wins (see `precedence.tsv`).
    pub fn rank(&self, sub_event: AcledType) -> usize {
        self.precedence
            .get(&sub_event)
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// Whether `text` shows the authorities intervening in a protest.
    pub fn shows_intervention(&self, text: &str) -> bool {
        !self.intervention.find(text).is_empty()
    }

    /// The intervention cues in `text` (byte spans), in text order.
    pub fn interventions(&self, text: &str) -> Vec<Span> {
        self.intervention
            .find(text)
            .into_iter()
            .map(|m| m.span)
            .collect()
    }

    /// The context cues of one kind in `text` (byte spans), in text order.
    pub fn cues(&self, text: &str, cue: Cue) -> Vec<Span> {
        self.cues
            .find(text)
            .into_iter()
            .filter(|m| CUES[m.id as usize].1 == cue)
            .map(|m| m.span)
            .collect()
    }
}

/// Words after which a form that is both a noun and a verb ("attack", "clashes") is
/// the noun: determiners, possessives and prepositions ("the attack", "in clashes").
/// Elsewhere the verb reading stands ("Clashes between X and Y killed …", "rebels
/// attack").
const BEFORE_NOUN: [&str; 37] = [
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "another",
    "any",
    "no",
    "every",
    "each",
    "such",
    "of",
    "in",
    "during",
    "after",
    "before",
    "amid",
    "following",
    "since",
    "from",
    "for",
    "with",
    "by",
    "on",
    "into",
    "over",
    "against",
    "new",
];

/// Whether the word before byte `at` makes the trigger there a verb.
fn verb_reading(text: &str, at: usize) -> bool {
    text[..at].split_whitespace().next_back().is_none_or(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        !(w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || BEFORE_NOUN.iter().any(|n| w.eq_ignore_ascii_case(n)))
    })
}

/// The end of a gap pattern's tail after byte `from`, or `from` when it has none.
fn tail_end(text: &str, from: usize, tail: &[Vec<String>]) -> Option<usize> {
    let mut pos = from;
    for segment in tail {
        let mut found = None;
        let mut cursor = pos;
        for _ in 0..=GAP_WORDS {
            let rest = &text[cursor..];
            let skip = rest.len() - rest.trim_start().len();
            let here = cursor + skip;
            let rest = &text[here..];
            if let Some(spelling) = segment.iter().find(|s| starts_with_word(rest, s)) {
                found = Some(here + spelling.len());
                break;
            }
            // Stop at clause punctuation; otherwise skip one word.
            let word_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
            if word_len == 0 || rest[..word_len].contains(['.', ';', ':']) {
                break;
            }
            cursor = here + word_len;
        }
        pos = found?;
    }
    Some(pos)
}

fn starts_with_word(rest: &str, word: &str) -> bool {
    rest.len() >= word.len()
        && rest.is_char_boundary(word.len())
        && rest[..word.len()].eq_ignore_ascii_case(word)
        && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

fn parse_row(file: &str, row: &Row<'_>) -> Result<Trigger, LexiconError> {
    let pos = match row.get(1) {
        "V" => Pos::Verb,
        "N" => Pos::Noun,
        "X" => Pos::Exact,
        other => return Err(row.error(file, format!("pos must be V, N or X, not {other:?}"))),
    };
    let role = match row.get(2) {
        "event" => Role::Event,
        "refine" => Role::Refine,
        other => {
            return Err(row.error(file, format!("role must be event or refine, not {other:?}")))
        }
    };
    let acled = match row.get(3) {
        "@violence" => AcledRule::Violence,
        "@clash" => AcledRule::Clash,
        "@riot" => AcledRule::Riot,
        "@territory" => AcledRule::Territory,
        "@protest" => AcledRule::Protest,
        "-" | "" => AcledRule::Outside,
        name => AcledRule::Fixed(AcledType::from_sub_event(name).ok_or_else(|| {
            row.error(
                file,
                format!("unknown ACLED sub-event type {name:?}; see lexicons/README.md"),
            )
        })?),
    };
    let plover = row.get(4).to_uppercase();
    if !PLOVER_TYPES.contains(&plover.as_str()) {
        return Err(row.error(file, format!("unknown PLOVER type {plover:?}")));
    }
    let cameo = row.opt(6).map(str::to_string);
    if let Some(code) = &cameo {
        if !(2..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(row.error(file, format!("CAMEO code must be 2-4 digits, not {code:?}")));
        }
    }
    let first = row.get(0).split('|').next().unwrap_or("");
    let tail = first
        .split("...")
        .skip(1)
        .map(|segment| {
            let mut spellings: Vec<String> =
                segment.split('/').map(|s| s.trim().to_string()).collect();
            spellings.extend(plurals(&spellings));
            spellings.sort();
            spellings.dedup();
            spellings
        })
        .collect();
    Ok(Trigger {
        pattern: first.to_string(),
        pos,
        role,
        acled,
        plover,
        mode: row.opt(5).map(str::to_string),
        cameo,
        example: row.get(7).to_string(),
        source: format!("{file}:{}", row.line),
        tail,
    })
}

fn plurals(words: &[String]) -> Vec<String> {
    words.iter().map(|w| plural(w)).collect()
}

type Irregular = HashMap<String, Vec<String>>;

fn irregular_verbs() -> Result<Irregular, LexiconError> {
    let mut map = HashMap::new();
    for row in tsv::rows(sitrep_text::lexicon!("triggers/irregular_verbs.tsv")) {
        let base = row.get(0);
        if base.is_empty() || row.get(2).is_empty() {
            return Err(row.error("irregular_verbs.tsv", "need base, past and participle"));
        }
        let mut forms: Vec<String> = vec![row.get(1).to_string(), row.get(2).to_string()];
        forms.extend(
            row.get(3)
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        map.insert(base.to_string(), forms);
    }
    Ok(map)
}

/// The form of an exact phrase, read off its first word: "jailed", "released from
/// custody" are past, "hurling stones" a gerund; anything else is a noun or fixed phrase.
/// A participle before "to" is an adjective ("committed to", "opposed to"), not a verb.
fn exact_form(pattern: &str) -> Form {
    let mut words = pattern.split(' ');
    let first = words.next().unwrap_or_default();
    let long = first.chars().count() > 4;
    if long && first.ends_with("ed") && words.next() != Some("to") {
        Form::Past
    } else if long && first.ends_with("ing") {
        Form::Gerund
    } else {
        Form::Other
    }
}

/// The spellings a pattern matches, with their forms.
fn inflect(pattern: &str, pos: Pos, irregular: &Irregular) -> Vec<(String, Form)> {
    let pattern = pattern.trim();
    match pos {
        Pos::Exact => vec![(pattern.to_string(), exact_form(pattern))],
        Pos::Noun => {
            let (head, last) = pattern
                .rsplit_once(' ')
                .map_or(("", pattern), |(h, l)| (h, l));
            let join = |w: &str| {
                if head.is_empty() {
                    w.to_string()
                } else {
                    format!("{head} {w}")
                }
            };
            vec![
                (pattern.to_string(), Form::Other),
                (join(&plural(last)), Form::Other),
            ]
        }
        Pos::Verb => {
            let (verb, rest) = pattern
                .split_once(' ')
                .map_or((pattern, ""), |(v, r)| (v, r));
            let join = |w: &str| {
                if rest.is_empty() {
                    w.to_string()
                } else {
                    format!("{w} {rest}")
                }
            };
            let doubled = irregular
                .get(verb)
                .and_then(|forms| doubled_stem(verb, &forms[0]));
            let ing = doubled.map_or_else(|| gerund(verb), |stem| format!("{stem}ing"));
            let mut out = vec![
                (join(verb), Form::Present),
                (join(&third_person(verb)), Form::Present),
                (join(&ing), Form::Gerund),
            ];
            match irregular.get(verb) {
                Some(forms) => out.extend(forms.iter().map(|f| (join(f), Form::Past))),
                None => out.push((join(&past(verb)), Form::Past)),
            }
            out.sort_by(|a, b| a.0.cmp(&b.0));
            out.dedup_by(|a, b| a.0 == b.0);
            out
        }
    }
}

/// The doubled stem of a listed past form ("kidnapped" gives "kidnapp").
fn doubled_stem<'a>(verb: &str, past: &'a str) -> Option<&'a str> {
    let stem = past.strip_suffix("ed")?;
    let b = stem.as_bytes();
    (b.len() == verb.len() + 1 && b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2]).then_some(stem)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a verb doubles its final consonant (stab → stabbed): one syllable
/// ending consonant-vowel-consonant.
fn doubles(verb: &str) -> bool {
    let b = verb.as_bytes();
    let n = b.len();
    if n < 3 || !verb.is_ascii() {
        return false;
    }
    let vowel_groups = b
        .windows(2)
        .filter(|w| !is_vowel(w[0]) && is_vowel(w[1]))
        .count()
        + usize::from(is_vowel(b[0]));
    vowel_groups == 1
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn third_person(verb: &str) -> String {
    if verb.ends_with(['s', 'x', 'z', 'o']) || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else if consonant_y(verb) {
        format!("{}ies", &verb[..verb.len() - 1])
    } else {
        format!("{verb}s")
    }
}

fn past(verb: &str) -> String {
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if consonant_y(verb) {
        format!("{}ied", &verb[..verb.len() - 1])
    } else if doubles(verb) {
        format!("{verb}{}ed", &verb[verb.len() - 1..])
    } else {
        format!("{verb}ed")
    }
}

fn gerund(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if verb.ends_with('e')
        && !verb.ends_with("ee")
        && !verb.ends_with("ye")
        && !verb.ends_with("oe")
    {
        format!("{}ing", &verb[..verb.len() - 1])
    } else if doubles(verb) {
        format!("{verb}{}ing", &verb[verb.len() - 1..])
    } else {
        format!("{verb}ing")
    }
}

fn plural(noun: &str) -> String {
    if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else if consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    }
}

fn consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_phrases_opening_with_a_verb_form_are_verbs() {
        let rows = [
            ("jailed", Form::Past),
            ("released from custody", Form::Past),
            ("hurling stones", Form::Gerund),
            ("committed to", Form::Other),
            ("sent to prison", Form::Other),
            ("red", Form::Other),
            ("ceasefire", Form::Other),
        ];
        for (pattern, form) in rows {
            assert_eq!(exact_form(pattern), form, "{pattern}");
        }
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        let irregular = irregular_verbs().unwrap();
        let forms = |v: &str| -> Vec<String> {
            inflect(v, Pos::Verb, &irregular)
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(forms("kill"), ["kill", "killed", "killing", "kills"]);
        assert_eq!(forms("stab"), ["stab", "stabbed", "stabbing", "stabs"]);
        assert_eq!(
            forms("bombard"),
            ["bombard", "bombarded", "bombarding", "bombards"]
        );
        assert_eq!(
            forms("capture"),
            ["capture", "captured", "captures", "capturing"]
        );
        assert_eq!(
            forms("retake"),
            ["retake", "retaken", "retakes", "retaking", "retook"]
        );
        assert_eq!(
            forms("open fire"),
            ["open fire", "opened fire", "opening fire", "opens fire"]
        );
        assert_eq!(forms("bury"), ["buried", "buries", "bury", "burying"]);
        assert_eq!(
            forms("kidnap"),
            ["kidnap", "kidnapped", "kidnapping", "kidnaps"]
        );
        assert_eq!(
            forms("ambush"),
            ["ambush", "ambushed", "ambushes", "ambushing"]
        );
    }

    #[test]
    fn every_example_matches_its_entry() {
        let lexicon = TriggerLexicon::embedded().unwrap();
        let mut failures = Vec::new();
        for (index, entry) in lexicon.entries().iter().enumerate() {
            let found = lexicon.find(&entry.example);
            if !found
                .iter()
                .any(|m| m.entry == index || lexicon.entry(m).pattern == entry.pattern)
            {
                let got: Vec<_> = found
                    .iter()
                    .map(|m| lexicon.entry(m).pattern.clone())
                    .collect();
                failures.push(format!(
                    "{} {:?}: {:?} found {got:?}",
                    entry.source, entry.pattern, entry.example
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} examples fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
        assert!(
            lexicon.entries().len() > 200,
            "only {} triggers",
            lexicon.entries().len()
        );
    }

    #[test]
    fn finds_gaps_and_skips_compound_adjectives() {
        let lexicon = TriggerLexicon::embedded().unwrap();
        let check = |text: &str, expected: &[&str]| {
            let found: Vec<&str> = lexicon
                .find(text)
                .iter()
                .map(|m| m.span.slice(text))
                .collect();
            assert_eq!(found, expected, "in {text:?}");
        };
        check(
            "The sides signed a peace agreement.",
            &["signed a peace agreement"],
        );
        check("Russia-backed forces attacked.", &["attacked"]);
        check(
            "A bomb hidden in a cart exploded.",
            &["bomb hidden in a cart exploded"],
        );
        check("An air strike killed five.", &["air strike", "killed"]);
    }
}
