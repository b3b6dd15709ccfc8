//! Frames: who is actor1 and who is actor2 of a trigger, from word order, voice
//! and the prepositions around it.
//!
//! - active verb: the nearest actor before it acts, the first after it is acted on
//!   ("Gunmen killed four farmers");
//! - passive verb: the actor after "by" acts, the one before is acted on
//!   ("four farmers were killed by gunmen");
//! - a participle after a comma takes the main clause's subject
//!   ("…, killing two people");
//! - noun: "by X" or a modifier before it acts ("an air strike by X", "a Taliban
//!   attack", "Russia's shelling"); "on/against/targeting Y" is acted on;
//!   "between X and Y" names both;
//! - a participle after an existential "there were" is passive ("There were ten
//!   soldiers killed");
//! - a mutual act (a clash, an exchange of fire) of a coordinated subject sets its
//!   members against each other ("soldiers and rebels clashed"); "each other" or a
//!   lone party after "between" puts one group on both sides;
//! - the subject of a verb is the nearest actor before it that is not the object of
//!   a preposition inside the subject phrase ("prisoners jailed for insulting the
//!   army were freed");
//! - a demonym that opens a verb's object is the side acted on ([`opens_object`]:
//!   "shelled Ukrainian positions", "threw stones at Palestinian cars");
//! - a verb of defence ("repelled", "fought off") puts what it fends off first
//!   ("troops repelled an attack by rebels": rebels against troops);
//! - a clause after "but" that opens with its verb shares the subject of the clause
//!   before ("rebels attacked but were repulsed by troops");
//! - a verbal act with no object is aimed at the place it happens in, a country, a
//!   capital or (from the caller's gazetteer) any place ("will meet in Zurich").
//!
//! The extractor adds two kinds of mentions before roles are read: a demonym right
//! before an event noun ("Israeli shelling", [`modifies`]) and a speaker that a
//! subject pronoun takes up ("Israel said it had arrested …", [`pronoun_follows`]).
//!
//! The words used here are English function words (prepositions, auxiliaries,
//! conjunctions), never names.

use std::cell::RefCell;

use sitrep_lexicon::actors::ActorMention;
use sitrep_model::Span;
use sitrep_text::words::{word_before, words, AnyOf};

/// Which mentions (by index) fill a trigger's roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frame {
    /// The actor that acts.
    pub actor1: Option<usize>,
    /// The actor acted on.
    pub actor2: Option<usize>,
}

/// How the trigger was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Active verb.
    Active,
    /// Passive verb ("were killed").
    Passive,
    /// Participle after a comma ("…, killing two").
    Participle,
    /// Noun or fixed phrase.
    Nominal,
}

static CLAUSE_BREAKS: AnyOf = AnyOf::new(&[
    ";",
    " while ",
    " but ",
    " whereas ",
    " after ",
    " before ",
    " although ",
    " though ",
    " when ",
    " as ",
    " since ",
    " -- ",
]);

/// Prepositions after which a bare country or capital is a place, not an actor.
const LOCATIVE: [&str; 17] = [
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "across",
    "outside",
    "inside",
    "of",
    "around",
    "towards",
    "toward",
    "through",
    "throughout",
    "within",
    "over",
];

/// Words that may follow the end of a noun phrase ("at Russia this week", "at
/// Yemen on Monday"), unlike a noun that the phrase goes on with ("at Aden airport").
const PHRASE_ENDS: [&str; 18] = [
    "this",
    "last",
    "on",
    "in",
    "early",
    "late",
    "overnight",
    "yesterday",
    "today",
    "from",
    "and",
    "after",
    "before",
    "during",
    "with",
    "for",
    "since",
    "again",
];

/// Words after which a gerund is a noun ("a shooting", "the killing", "with
/// shelling", "artillery shelling").
const GERUND_AS_NOUN_AFTER: [&str; 32] = [
    "a",
    "an",
    "the",
    "this",
    "that",
    "in",
    "during",
    "of",
    "with",
    "by",
    "amid",
    "following",
    "deadly",
    "fatal",
    "heavy",
    "fresh",
    "intense",
    "indiscriminate",
    "sporadic",
    "renewed",
    "continued",
    "random",
    "reciprocal",
    "mutual",
    "retaliatory",
    "cross-border",
    "artillery",
    "mortar",
    "rocket",
    "tank",
    "sniper",
    "aerial",
];

const BE: [&str; 9] = [
    "was", "were", "been", "being", "is", "are", "be", "got", "get",
];
const AGENT_PREPOSITIONS: [&str; 2] = ["by", "from"];
const TARGET_PREPOSITIONS: [&str; 6] = ["on", "against", "targeting", "at", "upon", "with"];

thread_local! {
    /// The last sentence [`clause`] read and every clause break in it (start, end),
    /// sentence-relative: a sentence is asked for the clauses of several triggers.
    static BREAKS: RefCell<(String, Vec<(usize, usize)>)> = const {
        RefCell::new((String::new(), Vec::new()))
    };
}

/// The clause around `trigger` inside `sentence`: from the end of the last clause
/// break before the trigger to the start of the first one after it.
pub fn clause(text: &str, sentence: Span, trigger: Span) -> Span {
    let body = sentence.slice(text);
    let (head, tail) = (trigger.start - sentence.start, trigger.end - sentence.start);
    BREAKS.with_borrow_mut(|(read, breaks)| {
        if read != body {
            read.clear();
            read.push_str(body);
            breaks.clear();
            CLAUSE_BREAKS.each(body, |start, end| breaks.push((start, end)));
        }
        let start = breaks
            .iter()
            .filter(|&&(_, end)| end <= head)
            .map(|&(_, end)| end)
            .max()
            .map_or(sentence.start, |i| sentence.start + i);
        let end = breaks
            .iter()
            .map(|&(start, _)| start)
            .find(|&start| start >= tail)
            .map_or(sentence.end, |i| sentence.start + i);
        Span::new(start, end)
    })
}

/// The voice of a trigger.
pub fn voice(
    text: &str,
    sentence: Span,
    trigger: Span,
    verb_past: bool,
    verb_gerund: bool,
    is_verb: bool,
) -> Voice {
    if !is_verb {
        return Voice::Nominal;
    }
    let prev = word_before(text, trigger.start, sentence.start);
    if verb_past {
        // Back over adverbs, a coordinated participle ("was shot and killed") and
        // "found" ("was found shot dead") to an auxiliary.
        let mut cursor = trigger.start;
        for _ in 0..5 {
            let Some(w) = word_before(text, cursor, sentence.start) else {
                break;
            };
            let word = w.slice(text).to_ascii_lowercase();
            if BE.contains(&word.as_str()) {
                return Voice::Passive;
            }
            let skippable = word.ends_with("ly")
                || word.ends_with("ed")
                || matches!(
                    word.as_str(),
                    "also" | "all" | "and" | "or" | "shot" | "beaten" | "stabbed" | "found"
                );
            if !skippable {
                break;
            }
            cursor = w.start;
        }
        // A reduced relative: "soldiers killed by a bomb".
        if next_word_is(text, trigger.end, sentence.end, &["by"]) {
            return Voice::Passive;
        }
        // "There were ten soldiers killed": the participle after an existential
        // "there was/were" describes its noun phrase.
        if existential_before(text, sentence, trigger) {
            return Voice::Passive;
        }
    }
    if verb_gerund {
        let before = &text[sentence.start..trigger.start];
        let prev_word = prev
            .map(|w| w.slice(text).to_ascii_lowercase())
            .unwrap_or_default();
        if before.trim_end().ends_with(',')
            || matches!(prev_word.as_str(), "after" | "before" | "while")
        {
            return Voice::Participle;
        }
        // "in a drive-by shooting", "the killing of": a gerund used as a noun.
        if GERUND_AS_NOUN_AFTER.contains(&prev_word.as_str()) || before.trim_end().ends_with('-') {
            return Voice::Nominal;
        }
    }
    Voice::Active
}

/// Whether "there" + a form of "be" stands within the eight words before `trigger`
/// in its clause, with no other verb form between ("There were 10 Kenyan soldiers
/// killed", not "There were talks after rebels killed").
fn existential_before(text: &str, sentence: Span, trigger: Span) -> bool {
    let clause = clause(text, sentence, trigger);
    let before: Vec<&str> = words(text, Span::new(clause.start, trigger.start))
        .map(|w| w.slice(text))
        .collect();
    let from = before.len().saturating_sub(8);
    let tail = &before[from..];
    let is = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let verb_form = |w: &&str| {
        let b = w.as_bytes();
        (b.len() > 4 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")) || is(w, &BE)
    };
    tail.windows(2).enumerate().any(|(i, pair)| {
        pair[0].eq_ignore_ascii_case("there")
            && is(pair[1], &["was", "were", "are", "is", "have", "has", "had"])
            && !tail[i + 2..].iter().any(verb_form)
    })
}

/// Subject pronouns that take up an earlier actor of the sentence.
const SUBJECT_PRONOUNS: [&str; 4] = ["it", "they", "he", "she"];

/// Words that may stand between a reporting verb and the pronoun after it ("said on
/// Monday that it", "said Wednesday they").
const REPORT_FILLERS: [&str; 13] = [
    "that",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "earlier",
    "late",
];

/// Whether a subject pronoun follows the reporting verb at `verb` ("Israel said it
/// had arrested …"), or a perfect infinitive whose subject is the speaker ("the
/// rebels claimed to have shot down a drone"): the speaker is then a party to what
/// it reports.
pub fn pronoun_follows(text: &str, verb: Span, limit: usize) -> bool {
    let next: Vec<String> = words(text, Span::new(verb.end, limit.max(verb.end)))
        .take(2)
        .map(|w| w.slice(text).to_ascii_lowercase())
        .collect();
    if next == ["to", "have"] {
        return true;
    }
    for w in words(text, Span::new(verb.end, limit.max(verb.end))).take(4) {
        let w = w.slice(text).to_ascii_lowercase();
        if SUBJECT_PRONOUNS.contains(&w.as_str()) {
            return true;
        }
        if !REPORT_FILLERS.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

/// Whether the adjective at `adjective` modifies the noun at `noun`: it stands right
/// before it, or with at most two plain words between ("Israeli tank shelling",
/// "Russian air strikes"), none of them a preposition.
pub fn modifies(text: &str, adjective: Span, noun: Span) -> bool {
    if noun.start < adjective.end {
        return false;
    }
    let gap = &text[adjective.end..noun.start];
    if !gap
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        || gap.starts_with('-') && gap.trim() != "-"
    {
        return false;
    }
    let between: Vec<&str> = gap.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    between.len() <= 2
        && !between.iter().any(|w| {
            let w = w.to_ascii_lowercase();
            LOCATIVE.contains(&w.as_str())
                || TARGET_PREPOSITIONS.contains(&w.as_str())
                || AGENT_PREPOSITIONS.contains(&w.as_str())
                || matches!(w.as_str(), "and" | "or" | "the" | "a" | "an")
        })
}

fn next_word_is(text: &str, from: usize, limit: usize, options: &[&str]) -> bool {
    words(text, Span::new(from, limit)).next().is_some_and(|w| {
        options
            .iter()
            .any(|o| w.slice(text).eq_ignore_ascii_case(o))
    })
}

/// Determiners skipped when looking for the preposition before a noun phrase
/// ("between the army", "against its positions").
const DETERMINERS: [&str; 10] = [
    "the", "a", "an", "its", "their", "his", "her", "some", "several", "two",
];

/// Small numbers skipped like determiners ("by four gunmen").
const NUMBER_WORDS: [&str; 14] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
    "scores", "hundreds", "unknown",
];

/// Whether the word before byte `at` (skipping determiners and numbers, and a
/// range of numbers: "by four or five people", "by 10 to 15 men") is one of `options`.
fn word_before_is(text: &str, at: usize, floor: usize, options: &[&str]) -> bool {
    let mut cursor = at;
    let mut after_number = false;
    while let Some(w) = word_before(text, cursor, floor) {
        let word = w.slice(text);
        if options.iter().any(|o| word.eq_ignore_ascii_case(o)) {
            return true;
        }
        let number = word.chars().all(|c| c.is_ascii_digit())
            || NUMBER_WORDS.iter().any(|n| word.eq_ignore_ascii_case(n));
        let range = after_number && ["or", "to"].iter().any(|r| word.eq_ignore_ascii_case(r));
        if !number && !range && !DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d)) {
            return false;
        }
        after_number = number;
        cursor = w.start;
    }
    false
}

/// Whether one of the `steps` words before byte `at` (not starting before `floor`)
/// is `wanted`, with only words to `skip` between it and `at`. Both tests get the
/// word lower-cased; `wanted` also gets its span.
pub fn word_back_across(
    text: &str,
    at: usize,
    floor: usize,
    steps: usize,
    wanted: impl Fn(Span, &str) -> bool,
    skip: impl Fn(&str) -> bool,
) -> bool {
    let mut cursor = at;
    for _ in 0..steps {
        let Some(w) = word_before(text, cursor, floor) else {
            return false;
        };
        let word = w.slice(text).to_ascii_lowercase();
        if wanted(w, &word) {
            return true;
        }
        if !skip(&word) {
            return false;
        }
        cursor = w.start;
    }
    false
}

/// Prepositions that introduce what an act is aimed at.
const AIM_PREPOSITIONS: [&str; 5] = ["at", "on", "against", "targeting", "upon"];

/// Whether the word at `at` opens the object of a verb ending at one of `verb_ends`
/// or of a preposition of aim, across determiners, numbers and participles
/// ("shelled Ukrainian positions", "threw stones at passing Palestinian cars",
/// "assaulted a Palestinian").
pub fn opens_object(text: &str, sentence: Span, at: Span, verb_ends: &[usize]) -> bool {
    word_back_across(
        text,
        at.start,
        sentence.start,
        4,
        |w, word| verb_ends.contains(&w.end) || AIM_PREPOSITIONS.contains(&word),
        |word| {
            DETERMINERS.contains(&word)
                || NUMBER_WORDS.contains(&word)
                || word.chars().all(|c| c.is_ascii_digit())
                || (word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed")))
        },
    )
}

/// Prepositions whose object stands inside a subject phrase, not as the subject
/// ("jailed for insulting the president", "loyal to the army", "angry with police").
const GOVERNING: [&str; 13] = [
    "against", "for", "with", "by", "at", "on", "to", "near", "about", "over", "toward", "towards",
    "like",
];

/// Whether a preposition of [`GOVERNING`] stands before byte `at`, across
/// determiners, numbers and a gerund ("for insulting the army").
fn governed(text: &str, at: usize, floor: usize) -> bool {
    word_back_across(
        text,
        at,
        floor,
        4,
        |_, word| GOVERNING.contains(&word),
        |word| {
            DETERMINERS.contains(&word)
                || NUMBER_WORDS.contains(&word)
                || (word.len() > 4 && word.ends_with("ing"))
        },
    )
}

/// Whether a mention can be an actor where it stands (a bare "Syria" after "in" is
/// a place).
pub fn can_act(text: &str, mention: &ActorMention, floor: usize) -> bool {
    !(mention.bare_place && locative_before(text, mention.span.start, floor))
}

/// Whether a locative preposition stands before byte `at`, across determiners and
/// compass adjectives ("in northern Yemen", "across the south of Syria").
fn locative_before(text: &str, at: usize, floor: usize) -> bool {
    preposition_before(text, at, floor, &LOCATIVE)
}

/// Whether one of `prepositions` stands before byte `at`, across determiners and
/// compass adjectives.
fn preposition_before(text: &str, at: usize, floor: usize, prepositions: &[&str]) -> bool {
    let mut cursor = at;
    while let Some(w) = word_before(text, cursor, floor) {
        let word = w.slice(text).to_ascii_lowercase();
        if prepositions.contains(&word.as_str()) {
            return true;
        }
        if !DETERMINERS.contains(&word.as_str()) && !COMPASS.contains(&word.as_str()) {
            return false;
        }
        cursor = w.start;
    }
    false
}

/// Compass adjectives that may stand between a preposition and a place.
const COMPASS: [&str; 13] = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// Prepositions that put a verbal act in a country, which is then its target
/// ("a visit to Kenya", "talks in Geneva", "the unrest in Iran").
const PLACE_TARGET: [&str; 6] = ["in", "to", "at", "into", "inside", "towards"];

/// Whether the text between two members joins them as one list: a comma or "and"
/// (or "&"), and otherwise only words `filler` accepts. None when it does not; else
/// whether the gap holds "and".
pub fn list_joint(gap: &str, filler: impl Fn(&str) -> bool) -> Option<bool> {
    let mut and = false;
    let mut comma = false;
    for piece in gap.split_whitespace() {
        comma |= piece.contains(',');
        for word in piece.split(',').filter(|w| !w.is_empty()) {
            if word.eq_ignore_ascii_case("and") || word == "&" {
                and = true;
            } else if !filler(word) {
                return None;
            }
        }
    }
    (and || comma).then_some(and)
}

/// Most actors one coordination may give (a list of four makes twelve dyads).
const MAX_COORDINATED: usize = 4;

/// The mentions coordinated with mention `i`, `i` included, in text order:
/// "Brazil and the United States", "the US, Russia, and Switzerland". Only "and",
/// "&", commas and "the" may stand between two of them, and the last link holds
/// "and": commas alone make an apposition ("Lavrov, Russia's foreign minister").
/// Mentions that are places where they stand ("in Syria") take no part.
pub fn coordinated(text: &str, sentence: Span, mentions: &[ActorMention], i: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..mentions.len())
        .filter(|&j| j == i || can_act(text, &mentions[j], sentence.start))
        .collect();
    order.sort_by_key(|&j| mentions[j].span.start);
    let Some(pos) = order.iter().position(|&j| j == i) else {
        return vec![i];
    };
    // Some(has "and") when only list punctuation joins two mentions.
    let link = |a: usize, b: usize| -> Option<bool> {
        let (x, y) = (mentions[a].span, mentions[b].span);
        if y.start < x.end {
            return None;
        }
        list_joint(member_gap(&text[x.end..y.start]), |w| {
            w.eq_ignore_ascii_case("the")
        })
    };
    let (mut first, mut last) = (pos, pos);
    while first > 0 && link(order[first - 1], order[first]).is_some() {
        first -= 1;
    }
    while last + 1 < order.len() && link(order[last], order[last + 1]).is_some() {
        last += 1;
    }
    // The list ends at its last "and"; a comma-only tail is an apposition.
    while last > first && link(order[last - 1], order[last]) != Some(true) {
        last -= 1;
    }
    if last == first || pos > last || last - first + 1 > MAX_COORDINATED {
        return vec![i];
    }
    order[first..=last].to_vec()
}

/// Nouns that name a part of the group after them ("members of the ELN",
/// "supporters of the party"): coordination reaches across them.
const PARTITIVES: [&str; 6] = [
    "members",
    "supporters",
    "elements",
    "activists",
    "loyalists",
    "cadres",
];

/// The gap between two list members without what belongs to the second member's
/// phrase: a capitalised word right before it ("soldiers and Tuareg rebels") and a
/// partitive ("police and members of the ELN").
fn member_gap(gap: &str) -> &str {
    let mut gap = gap.trim_end();
    loop {
        let (head, last) = match gap.rfind(char::is_whitespace) {
            Some(i) => (&gap[..i], &gap[i + 1..]),
            None => ("", gap),
        };
        let lower = last.to_ascii_lowercase();
        let capitalised = last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().all(|c| c.is_alphabetic() || c == '-');
        let partitive = matches!(lower.as_str(), "of" | "the")
            && head.split_whitespace().last().is_some_and(|w| {
                PARTITIVES.contains(&w.to_ascii_lowercase().as_str())
                    || w.eq_ignore_ascii_case("of")
            });
        let noun = PARTITIVES.contains(&lower.as_str());
        if last.is_empty() || !(capitalised || partitive || noun) {
            return gap;
        }
        gap = head.trim_end();
    }
}

/// Words after a verb that make its subject act on itself ("fought each other",
/// "clashed with one another").
const RECIPROCAL_PRONOUNS: [&str; 2] = ["each other", "one another"];

/// The roles of a mutual act (a clash, a gunfight, an exchange of fire) whose frame
/// names no one acted on: the members of a coordinated subject fight each other
/// ("soldiers and rebels clashed": soldiers against rebels), and a subject that fights
/// "each other", or a lone actor "between" or "among" ("a shoot-out between gangs"),
/// is on both sides (the same mention fills both roles).
pub fn mutual(
    text: &str,
    sentence: Span,
    trigger: Span,
    mentions: &[ActorMention],
    frame: Frame,
) -> Frame {
    let (Some(a), None) = (frame.actor1, frame.actor2) else {
        return frame;
    };
    let both = Frame {
        actor1: Some(a),
        actor2: Some(a),
    };
    let m = &mentions[a];
    if m.span.start >= trigger.end {
        // "clashes between rival gangs": one party named, on both sides.
        let lone = word_before_is(text, m.span.start, trigger.end, &["between", "among"])
            && !words(
                text,
                Span::new(m.span.end, clause(text, sentence, trigger).end),
            )
            .take(3)
            .any(|w| w.slice(text).eq_ignore_ascii_case("and"));
        return if lone { both } else { frame };
    }
    let list = coordinated(text, sentence, mentions, a);
    if list.len() >= 2 && list.iter().all(|&i| mentions[i].span.end <= trigger.start) {
        return Frame {
            actor1: Some(list[0]),
            actor2: Some(list[1]),
        };
    }
    let after = text[trigger.end..sentence.end].trim_start();
    let after = ["with ", "against "]
        .iter()
        .find_map(|p| {
            after
                .get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &after[p.len()..])
        })
        .unwrap_or(after);
    let each_other = RECIPROCAL_PRONOUNS.iter().any(|p| {
        after
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    });
    if each_other {
        both
    } else {
        frame
    }
}

/// The roles of a verb of defence ("repelled", "fought off", `defence` cues), whose
/// `frame` was read as for any verb: the subject is the side attacked (actor 2), and
/// the attacker (actor 1) is what it fends off, named directly or as the agent of an
/// attack noun ("troops repelled the rebels", "repelled an attack by rebels", "the
/// attack of Russian forces"); passive ("rebels were repulsed by troops"), the agent
/// after "by" is the defender and the subject the attacker.
pub fn defence(
    text: &str,
    sentence: Span,
    trigger: Span,
    voice: Voice,
    mentions: &[ActorMention],
    frame: Frame,
) -> Frame {
    match voice {
        Voice::Passive => Frame {
            actor1: frame.actor2,
            actor2: frame.actor1,
        },
        Voice::Nominal => frame,
        Voice::Active | Voice::Participle => {
            let clause = clause(text, sentence, trigger);
            let attacker = (0..mentions.len())
                .filter(|&i| {
                    let m = &mentions[i];
                    m.span.start >= trigger.end
                        && m.span.end <= clause.end
                        && Some(i) != frame.actor1
                        && can_act(text, m, sentence.start)
                        && words(text, Span::new(trigger.end, m.span.start)).count() <= 8
                })
                .min_by_key(|&i| mentions[i].span.start);
            Frame {
                actor1: attacker,
                actor2: frame.actor1,
            }
        }
    }
}

/// The first member of a coordinated subject, which ACLED names as the actor of a
/// one-sided act ("the army and the police arrested …": the army): `frame` with its
/// actor 1 moved to the first member of its list, when the whole list stands before
/// the trigger in its clause.
pub fn first_of_subject(
    text: &str,
    sentence: Span,
    trigger: Span,
    mentions: &[ActorMention],
    frame: Frame,
) -> Frame {
    let Some(s) = frame.actor1 else {
        return frame;
    };
    let floor = clause(text, sentence, trigger).start;
    let list = coordinated(text, sentence, mentions, s);
    let first = list
        .first()
        .copied()
        .filter(|_| {
            list.iter()
                .all(|&i| mentions[i].span.start >= floor && mentions[i].span.end <= trigger.start)
        })
        .filter(|&f| Some(f) != frame.actor2)
        // Forces of two countries ("Russian and Syrian troops"): a coalition whose
        // nearest member stays.
        .filter(|&f| {
            let (a, b) = (&mentions[f].actor.country, &mentions[s].actor.country);
            a.is_none() || b.is_none() || a == b
        })
        // Only among forces of one side: state forces together ("soldiers and
        // police"), or groups of one kind; a state force named with a militia leaves
        // the nearest, which decides the type.
        .filter(|&f| {
            let state = |k: &Option<String>| matches!(k.as_deref(), Some("military" | "police"));
            let (a, b) = (&mentions[f].actor.kind, &mentions[s].actor.kind);
            a == b || (state(a) && state(b))
        });
    Frame {
        actor1: first.or(Some(s)),
        actor2: frame.actor2,
    }
}

/// The country a verbal act happens in, named after the trigger by "in", "to" or
/// "at" ("will meet in Bern", "advised against travel to Tunisia"), as an index
/// into `mentions`.
pub fn place_target(
    text: &str,
    sentence: Span,
    trigger: Span,
    mentions: &[ActorMention],
) -> Option<usize> {
    let clause = clause(text, sentence, trigger);
    (0..mentions.len())
        .filter(|&i| {
            let m = &mentions[i];
            m.bare_place
                && m.span.start >= trigger.end
                && m.span.end <= clause.end
                && preposition_before(text, m.span.start, trigger.end, &PLACE_TARGET)
        })
        .min_by_key(|&i| mentions[i].span.start)
}

/// The dyads of a verbal act whose roles are `frame`: one per coordinated actor
/// on each side ("Obama and Putin will visit Iraq": two). With no object, the
/// country the act happens in is the target; failing that, coordinated actors of
/// a `reciprocal` act (a meeting, a partnership) act on each other. Mentions from
/// `places_from` on are places only (a gazetteer's "Zurich"): they may be the place
/// of the act, never an actor of a list.
pub fn dyads(
    text: &str,
    sentence: Span,
    trigger: Span,
    mentions: &[ActorMention],
    places_from: usize,
    frame: Frame,
    reciprocal: bool,
) -> Vec<Frame> {
    let actors = &mentions[..places_from.min(mentions.len())];
    let sources = frame
        .actor1
        .map_or_else(Vec::new, |a| coordinated(text, sentence, actors, a));
    let country = |i: usize| mentions[i].actor.country.clone();
    // "talks between X and Y": the object is one of the coordinated actors.
    let in_list = frame.actor2.is_some_and(|a| sources.contains(&a));
    let mut targets = match frame.actor2 {
        Some(a) if !in_list => coordinated(text, sentence, actors, a),
        _ => Vec::new(),
    };
    let together = (reciprocal || in_list) && sources.len() > 1;
    if frame.actor2.is_none() {
        // A meeting of two countries held in one of them is between the two.
        let place = place_target(text, sentence, trigger, mentions).filter(|&p| {
            !(together && country(p).is_some() && sources.iter().any(|&s| country(s) == country(p)))
        });
        targets.extend(place);
    }
    let one = |a: Option<usize>, b: Option<usize>| Frame {
        actor1: a,
        actor2: b,
    };
    if sources.is_empty() {
        return vec![one(None, frame.actor2.or(targets.first().copied()))];
    }
    let mut out = Vec::new();
    for &s in &sources {
        if !targets.is_empty() {
            out.extend(targets.iter().map(|&t| one(Some(s), Some(t))));
        } else if together {
            out.extend(
                sources
                    .iter()
                    .filter(|&&t| t != s)
                    .map(|&t| one(Some(s), Some(t))),
            );
        } else {
            out.push(one(Some(s), None));
        }
    }
    out
}

/// The mention that gives its country to mention `i`, which has none, when it
/// follows it after "from" or "of" within four words ("ministers from the Georgian
/// government", "dissidents from military-ruled Myanmar"), before byte `limit`.
pub fn country_after(
    text: &str,
    mentions: &[ActorMention],
    i: usize,
    limit: usize,
) -> Option<usize> {
    let m = &mentions[i];
    if m.actor.country.is_some() {
        return None;
    }
    // The first mention with a country: "military" in "from military-ruled
    // Myanmar" gives none.
    let next = (0..mentions.len())
        .filter(|&j| {
            let n = &mentions[j];
            n.span.start >= m.span.end && n.span.end <= limit && n.actor.country.is_some()
        })
        .min_by_key(|&j| mentions[j].span.start)?;
    let gap: Vec<&str> = words(text, Span::new(m.span.end, mentions[next].span.start))
        .map(|w| w.slice(text))
        .collect();
    let linked = gap
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("of"));
    (linked && gap.len() <= 4 && mentions[next].actor.country.is_some()).then_some(next)
}

/// Words that may stand between "but" and a verb whose subject is left out ("but
/// were later repulsed", "but had been pushed back").
const ELIDED_OPENERS: [&str; 9] = [
    "were",
    "was",
    "had",
    "have",
    "has",
    "been",
    "then",
    "later",
    "eventually",
];

/// Whether the clause of `trigger` follows "but" and holds only auxiliaries and
/// adverbs before it: its subject is the previous clause's ("attacked the post but
/// were repulsed by soldiers").
fn elided_subject(text: &str, sentence: Span, clause: Span, trigger: Span) -> bool {
    clause.start > sentence.start
        && text[sentence.start..clause.start]
            .trim_end()
            .to_ascii_lowercase()
            .ends_with(" but")
        && words(text, Span::new(clause.start, trigger.start)).all(|w| {
            let w = w.slice(text).to_ascii_lowercase();
            ELIDED_OPENERS.contains(&w.as_str()) || w.ends_with("ly")
        })
}

/// Assigns roles for one trigger among the sentence's actor mentions.
pub fn assign(
    text: &str,
    sentence: Span,
    trigger: Span,
    voice: Voice,
    mentions: &[ActorMention],
) -> Frame {
    let clause = clause(text, sentence, trigger);
    // "fired rockets at Georgia": a country right after "at" that follows the
    // trigger is aimed at, not a place (a place takes a determiner or a noun:
    // "at the Kabul airport", "at Kabul airport").
    let aimed_at = |m: &ActorMention| {
        m.span.start >= trigger.end
            && word_before(text, m.span.start, trigger.end)
                .is_some_and(|w| w.slice(text).eq_ignore_ascii_case("at"))
            && words(text, Span::new(m.span.end, sentence.end))
                .next()
                .is_none_or(|w| {
                    let w = w.slice(text).to_ascii_lowercase();
                    PHRASE_ENDS.contains(&w.as_str())
                })
    };
    let usable = |i: &usize| {
        let m = &mentions[*i];
        !m.span.overlaps(trigger) && (can_act(text, m, sentence.start) || aimed_at(m))
    };
    let left_floor = if voice == Voice::Participle {
        sentence.start
    } else {
        clause.start
    };
    let left: Vec<usize> = (0..mentions.len())
        .filter(usable)
        .filter(|&i| mentions[i].span.end <= trigger.start && mentions[i].span.start >= left_floor)
        .collect();
    let right: Vec<usize> = (0..mentions.len())
        .filter(usable)
        .filter(|&i| mentions[i].span.start >= trigger.end && mentions[i].span.end <= clause.end)
        .collect();
    let introduced_by = |i: usize, preps: &[&str]| {
        let m = &mentions[i];
        let gap = words(text, Span::new(trigger.end, m.span.start)).count();
        // "by" may stand far from a passive verb ("was killed in a shooting in
        // the market by two gunmen"); other prepositions stay close.
        let reach = if preps.contains(&"by") { 16 } else { 6 };
        gap <= reach && word_before_is(text, m.span.start, trigger.start, preps)
    };
    let nearest_left = left.last().copied();
    // The subject of a verb: the nearest actor before it that is not the object of
    // a preposition inside the subject phrase ("the prisoners jailed for insulting
    // the president were freed", "youths angry with the police stoned cars"); a
    // partitive "of" or "from" keeps the nearest ("members of the ELN").
    let subject_left = left
        .iter()
        .rev()
        .copied()
        .find(|&i| !governed(text, mentions[i].span.start, left_floor))
        .or(nearest_left);
    let first_right = right.first().copied();
    // "Militants stormed the base but were repulsed by troops": a clause after "but"
    // that opens with its verb shares the subject of the clause before, its first
    // actor when no verb form in -ed stands before it ("praised the embassy" is an
    // object). Only when the clause names another party: "attacked troops but were
    // repelled" tells the first clause's act again.
    let subject_left = subject_left.or_else(|| {
        if right.is_empty() || !elided_subject(text, sentence, clause, trigger) {
            return None;
        }
        let first = (0..mentions.len())
            .filter(|&i| mentions[i].span.start >= sentence.start)
            .min_by_key(|&i| mentions[i].span.start)?;
        let start = mentions[first].span.start;
        let verb_before = words(text, Span::new(sentence.start, start)).any(|w| {
            let w = w.slice(text);
            w.ends_with("ed") && w.starts_with(|c: char| c.is_lowercase())
        });
        (start < clause.start
            && !verb_before
            && usable(&first)
            && !governed(text, start, sentence.start))
        .then_some(first)
    });
    // "fighting broke out between X and Y", "X and Y clashed; clashes between X and
    // Y": "between" names both sides, whatever the trigger's voice.
    if voice != Voice::Passive {
        if let Some(between) = right
            .iter()
            .position(|&i| introduced_by(i, &["between", "among"]))
        {
            return Frame {
                actor1: Some(right[between]),
                actor2: right.get(between + 1).copied(),
            };
        }
    }
    match voice {
        Voice::Active | Voice::Participle => {
            // "clashed with X", "killed X": the first actor after the verb.
            let object = right.iter().copied().find(|&i| {
                !introduced_by(i, &AGENT_PREPOSITIONS[..1])
                    && words(text, Span::new(trigger.end, mentions[i].span.start)).count() <= 8
            });
            // A participle after a comma ("…, killing nine") takes the main
            // clause's subject, the first actor of the sentence.
            let first_comma = text[sentence.start..trigger.start]
                .find(',')
                .map_or(trigger.start, |i| sentence.start + i);
            let subject = if voice == Voice::Participle {
                left.first()
                    .copied()
                    .filter(|&i| mentions[i].span.end <= first_comma)
            } else {
                subject_left
            };
            Frame {
                actor1: subject,
                actor2: object,
            }
        }
        Voice::Passive => Frame {
            actor1: right.iter().copied().find(|&i| introduced_by(i, &["by"])),
            actor2: subject_left,
        },
        Voice::Nominal => {
            let by = right
                .iter()
                .copied()
                .find(|&i| introduced_by(i, &AGENT_PREPOSITIONS));
            // "a Taliban attack", "Russia's shelling": an actor right before the
            // noun, with nothing but adjectives or determiners between.
            let modifier = nearest_left.filter(|&i| {
                let gap = Span::new(mentions[i].span.end, trigger.start);
                words(text, gap).count() <= 2
                    && !words(text, gap).any(|w| {
                        let w = w.slice(text);
                        LOCATIVE
                            .iter()
                            .chain(&TARGET_PREPOSITIONS)
                            .any(|p| w.eq_ignore_ascii_case(p))
                    })
            });
            let target = right
                .iter()
                .copied()
                .find(|&i| introduced_by(i, &TARGET_PREPOSITIONS));
            // "X carried out an air strike", "X engaged Y in a firefight": with no
            // "by" and no modifier, the clause's subject (its first actor) acts, and
            // an actor between the subject and the noun is the one acted on.
            let subject = left.first().copied();
            // "Senegalese troops launched a military attack": a modifier that only
            // repeats the kind of a subject the text names more fully is that subject.
            let modifier = modifier.filter(|&i| {
                let m = &mentions[i];
                !subject.is_some_and(|s| {
                    let s = &mentions[s];
                    s.span != m.span
                        && m.needs_country()
                        && !s.needs_country()
                        && m.actor.kind.is_some()
                        && s.actor.kind == m.actor.kind
                })
            });
            let actor1 = by.or(modifier).or(subject);
            let object = left.iter().copied().rev().find(|&i| {
                Some(i) != actor1
                    && actor1.is_some_and(|a| mentions[i].span.start > mentions[a].span.end)
            });
            // "X received assurances from Y", "X faced pressure from Y": Y acts on
            // the subject X.
            let from_source = by
                .filter(|&i| introduced_by(i, &["from"]))
                .and(subject)
                .filter(|&s| Some(s) != by);
            Frame {
                actor1,
                actor2: target
                    .or(object)
                    .or_else(|| first_right.filter(|&i| Some(i) != by && introduced_by(i, &["of"])))
                    .or(from_source),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_lexicon::actors::ActorLexicon;
    use std::sync::LazyLock;

    static ACTORS: LazyLock<ActorLexicon> =
        LazyLock::new(|| ActorLexicon::embedded().expect("actor lexicon loads"));

    #[test]
    fn a_clause_runs_between_the_breaks_around_its_trigger() {
        // (text, sentence, trigger, clause): several triggers of one sentence, and
        // sentences inside a longer text, read in turn.
        let text = "Intro. Rebels fled while troops shelled the town; when it stopped, as planned, they left.";
        let sentence = Span::new(7, text.len());
        let rows = [
            (sentence, "fled", "Rebels fled"),
            (sentence, "shelled", "troops shelled the town"),
            (sentence, "stopped", "it stopped,"),
            (sentence, "left", "planned, they left."),
            (Span::new(0, 6), "Intro", "Intro."),
            (sentence, "fled", "Rebels fled"),
        ];
        for (sentence, trigger, expected) in rows {
            let at = text.find(trigger).expect("trigger in text");
            let span = clause(text, sentence, Span::new(at, at + trigger.len()));
            assert_eq!(span.slice(text).trim(), expected, "clause of {trigger:?}");
        }
    }

    fn check(
        sentence: &str,
        trigger: &str,
        voice_expected: Voice,
        actor1: Option<&str>,
        actor2: Option<&str>,
    ) {
        let at = sentence.find(trigger).expect("trigger in sentence");
        let span = Span::new(at, at + trigger.len());
        let whole = Span::new(0, sentence.len());
        let is_verb = voice_expected != Voice::Nominal;
        let past = trigger.ends_with("ed") || ["shot", "fought", "struck"].contains(&trigger);
        let v = voice(
            sentence,
            whole,
            span,
            past,
            trigger.ends_with("ing"),
            is_verb,
        );
        assert_eq!(v, voice_expected, "voice in {sentence:?}");
        let mentions = ACTORS.find(sentence, None);
        let frame = assign(sentence, whole, span, v, &mentions);
        let text_of = |i: Option<usize>| i.map(|i| mentions[i].span.slice(sentence));
        assert_eq!(text_of(frame.actor1), actor1, "actor1 in {sentence:?}");
        assert_eq!(text_of(frame.actor2), actor2, "actor2 in {sentence:?}");
    }

    /// The mentions coordinated with the mention `of`, joined by "|".
    fn list(sentence: &str, of: &str) -> String {
        let mentions = ACTORS.find(sentence, None);
        let whole = Span::new(0, sentence.len());
        let i = mentions
            .iter()
            .position(|m| m.span.slice(sentence) == of)
            .expect("mention in sentence");
        coordinated(sentence, whole, &mentions, i)
            .into_iter()
            .map(|j| mentions[j].span.slice(sentence))
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn coordinated_actors_form_lists() {
        let rows = [
            (
                "Brazil and Argentina signed a deal.",
                "Brazil",
                "Brazil|Argentina",
            ),
            (
                "Peru, Chile, and Bolivia met.",
                "Chile",
                "Peru|Chile|Bolivia",
            ),
            (
                "Peru, Chile and the Bolivian army met.",
                "Peru",
                "Peru|Chile|Bolivian army",
            ),
            // Commas alone: an apposition.
            ("Kenya, Uganda's neighbour, protested.", "Kenya", "Kenya"),
            // Other words between two actors end the list.
            ("Ghana said Togo and Benin met.", "Ghana", "Ghana"),
            ("Ghana said Togo and Benin met.", "Benin", "Togo|Benin"),
            // A capitalised modifier or a partitive belongs to the next member.
            (
                "Soldiers and Tuareg rebels clashed.",
                "Soldiers",
                "Soldiers|rebels",
            ),
            (
                "Police and members of the ELN clashed.",
                "ELN",
                "Police|ELN",
            ),
            ("Soldiers attacked Tuareg rebels.", "Soldiers", "Soldiers"),
        ];
        for (sentence, of, expected) in rows {
            assert_eq!(list(sentence, of), expected, "in {sentence:?}");
        }
    }

    #[test]
    fn an_actor_without_country_takes_one_after_from_or_of() {
        let rows = [
            ("Envoys from Kenya arrived.", "Envoys", Some("Kenya")),
            (
                "Ministers from the Ghanaian government met.",
                "Ministers",
                Some("Ghanaian government"),
            ),
            (
                "Officials of war-torn Yemen spoke.",
                "Officials",
                Some("Yemen"),
            ),
            ("Officials said Yemen agreed.", "Officials", None),
            (
                "Dissidents from army-ruled Mali spoke.",
                "Dissidents",
                Some("Mali"),
            ),
            ("Kenyan police from Nairobi came.", "Kenyan police", None),
        ];
        for (sentence, of, expected) in rows {
            let mentions = ACTORS.find(sentence, None);
            let i = mentions
                .iter()
                .position(|m| m.span.slice(sentence) == of)
                .expect("mention in sentence");
            let found = country_after(sentence, &mentions, i, sentence.len())
                .map(|j| mentions[j].span.slice(sentence));
            assert_eq!(found, expected, "in {sentence:?}");
        }
    }

    #[test]
    fn a_pronoun_after_a_reporting_verb_takes_up_the_speaker() {
        let rows = [
            ("Ghana said it had arrested two men.", "said", true),
            (
                "The army said on Monday that they shelled the hills.",
                "said",
                true,
            ),
            ("Police said Tuesday he was detained.", "said", true),
            ("Ghana said rebels had attacked.", "said", false),
            ("Ghana said the army had attacked it.", "said", false),
            // The speaker is the subject of a perfect infinitive.
            (
                "The rebels claimed to have downed a helicopter.",
                "claimed",
                true,
            ),
            (
                "The ministry said to reporters that rebels fled.",
                "said",
                false,
            ),
        ];
        for (sentence, word, expected) in rows {
            let at = sentence.find(word).expect("verb in sentence");
            let verb = Span::new(at, at + word.len());
            assert_eq!(
                pronoun_follows(sentence, verb, sentence.len()),
                expected,
                "in {sentence:?}"
            );
        }
    }

    #[test]
    fn a_demonym_modifies_an_event_noun_right_after_it() {
        let rows = [
            ("Two died in Israeli shelling.", "Israeli", "shelling", true),
            (
                "Two died in Israeli tank shelling.",
                "Israeli",
                "shelling",
                true,
            ),
            (
                "Russian long range heavy air strikes hit.",
                "Russian",
                "air strikes",
                false,
            ),
            (
                "A Russian-led air strike hit the town.",
                "Russian",
                "air strike",
                false,
            ),
            (
                "The Syrian town after the shelling.",
                "Syrian",
                "shelling",
                false,
            ),
            ("Nigerian and Malian strikes.", "Nigerian", "strikes", false),
            ("Kenyan, shelling.", "Kenyan", "shelling", false),
        ];
        for (sentence, adjective, noun, expected) in rows {
            let a = sentence.find(adjective).expect("adjective");
            let n = sentence.find(noun).expect("noun");
            assert_eq!(
                modifies(
                    sentence,
                    Span::new(a, a + adjective.len()),
                    Span::new(n, n + noun.len())
                ),
                expected,
                "in {sentence:?}"
            );
        }
    }

    #[test]
    fn a_gazetteer_place_is_only_the_place_of_a_verbal_act() {
        // Mentions from `places_from` on are places: the target of an act with no
        // object, never one of its coordinated actors.
        let rows = [
            (
                "Ghana and Togo will meet in Lyon.",
                "meet",
                "GHA>FRA TGO>FRA",
            ),
            ("Ghana met Togo in Lyon.", "met", "GHA>TGO"),
            ("Ghana and Togo met.", "met", "GHA>TGO TGO>GHA"),
        ];
        for (sentence, trigger, expected) in rows {
            let whole = Span::new(0, sentence.len());
            let at = sentence.find(trigger).expect("trigger");
            let span = Span::new(at, at + trigger.len());
            let mut mentions = ACTORS.find(sentence, None);
            let places_from = mentions.len();
            if let Some(p) = sentence.find("Lyon") {
                let place = Span::new(p, p + 4);
                mentions.extend(ACTORS.place_mention(place, "FRA", "Lyon"));
            }
            let v = voice(sentence, whole, span, trigger.ends_with('t'), false, true);
            let frame = assign(sentence, whole, span, v, &mentions[..places_from]);
            let country = |i: Option<usize>| {
                i.and_then(|i| mentions[i].actor.country.clone())
                    .unwrap_or_else(|| "-".into())
            };
            let got: Vec<String> =
                dyads(sentence, whole, span, &mentions, places_from, frame, true)
                    .into_iter()
                    .map(|f| format!("{}>{}", country(f.actor1), country(f.actor2)))
                    .collect();
            assert_eq!(got.join(" "), expected, "in {sentence:?}");
        }
    }

    #[test]
    fn a_place_after_in_or_to_is_the_target() {
        let rows = [
            (
                "The minister travelled to Kenya on Monday.",
                "travelled",
                Some("Kenya"),
            ),
            ("Talks will be held in Geneva.", "Talks", None),
            ("Talks will be held in Bern.", "Talks", Some("Bern")),
            ("Talks with Egypt stalled in Cairo.", "Talks", Some("Cairo")),
            // Before the trigger, or in another clause: not its place.
            ("In Kenya, the envoy spoke.", "spoke", None),
            ("The envoy spoke; fighting went on in Yemen.", "spoke", None),
        ];
        for (sentence, trigger, expected) in rows {
            let at = sentence.find(trigger).expect("trigger in sentence");
            let span = Span::new(at, at + trigger.len());
            let mentions = ACTORS.find(sentence, None);
            let whole = Span::new(0, sentence.len());
            let found = place_target(sentence, whole, span, &mentions)
                .map(|i| mentions[i].span.slice(sentence));
            assert_eq!(found, expected, "in {sentence:?}");
        }
    }

    #[test]
    fn a_verb_of_defence_puts_the_attacker_first() {
        // (sentence, trigger, voice, actor1, actor2): the side that fends off an
        // attack is acted on; the attacker is named directly, or after "by" or "of".
        use Voice::*;
        let rows = [
            (
                "Malian soldiers repelled an attack by JNIM fighters near Gao.",
                "repelled",
                Active,
                Some("JNIM fighters"),
                Some("Malian soldiers"),
            ),
            (
                "Kenyan police fought off the bandits at a school in Baringo.",
                "fought",
                Active,
                Some("bandits"),
                Some("Kenyan police"),
            ),
            (
                "Ukrainian troops repulsed the assault of Russian forces on the bridge.",
                "repulsed",
                Active,
                Some("Russian forces"),
                Some("Ukrainian troops"),
            ),
            (
                "Somali soldiers repelled an attack on their base.",
                "repelled",
                Active,
                None,
                Some("Somali soldiers"),
            ),
            (
                "The Taliban were repulsed by Pakistani troops at the border.",
                "repulsed",
                Passive,
                Some("Taliban"),
                Some("Pakistani troops"),
            ),
            (
                "Al-Shabaab militants stormed the base but were repelled by Somali troops.",
                "repelled",
                Passive,
                Some("Al-Shabaab militants"),
                Some("Somali troops"),
            ),
        ];
        for (sentence, trigger, v, actor1, actor2) in rows {
            let at = sentence.find(trigger).expect("trigger in sentence");
            let span = Span::new(at, at + trigger.len());
            let whole = Span::new(0, sentence.len());
            let got = voice(sentence, whole, span, true, false, true);
            assert_eq!(got, v, "voice in {sentence:?}");
            let mentions = ACTORS.find(sentence, None);
            let frame = assign(sentence, whole, span, v, &mentions);
            let frame = defence(sentence, whole, span, v, &mentions, frame);
            let text_of = |i: Option<usize>| i.map(|i| mentions[i].span.slice(sentence));
            assert_eq!(text_of(frame.actor1), actor1, "actor1 in {sentence:?}");
            assert_eq!(text_of(frame.actor2), actor2, "actor2 in {sentence:?}");
        }
    }

    #[test]
    fn a_gerund_after_a_preposition_or_a_modifier_is_a_noun() {
        // (sentence, gerund, voice): the noun's agent comes after "by", and an
        // actor before it is no subject ("air strikes against the PKK, with shelling
        // by land forces": the PKK does not shell).
        use Voice::*;
        let rows = [
            (
                "Jets struck the PKK, with shelling by land forces.",
                "shelling",
                Nominal,
            ),
            (
                "Two died in renewed shelling near Kherson.",
                "shelling",
                Nominal,
            ),
            (
                "Villagers fled amid shooting in the market.",
                "shooting",
                Nominal,
            ),
            (
                "The army backed the raid with artillery shelling.",
                "shelling",
                Nominal,
            ),
            ("Troops were shelling the town at dawn.", "shelling", Active),
            ("Rebels began shelling the airport.", "shelling", Active),
        ];
        for (sentence, gerund, expected) in rows {
            let at = sentence.find(gerund).expect("gerund in sentence");
            let span = Span::new(at, at + gerund.len());
            let whole = Span::new(0, sentence.len());
            let got = voice(sentence, whole, span, false, true, true);
            assert_eq!(got, expected, "voice of {gerund:?} in {sentence:?}");
        }
    }

    #[test]
    fn a_coordinated_subject_of_one_side_acts_through_its_first_member() {
        // (sentence, trigger, actor1): state forces named together, or groups of one
        // kind, act through the first named; forces of two countries, or a state
        // force with a militia, keep the nearest.
        let rows = [
            (
                "The army and the police arrested four students in Mandalay.",
                "arrested",
                "army",
            ),
            (
                "Police and soldiers detained two journalists in Juba.",
                "detained",
                "Police",
            ),
            (
                "Russian and Syrian troops shelled the town.",
                "shelled",
                "Syrian troops",
            ),
            (
                "Soldiers and allied militiamen burned a village.",
                "burned",
                "militiamen",
            ),
            (
                "Gunmen abducted two teachers in Kaduna.",
                "abducted",
                "Gunmen",
            ),
        ];
        for (sentence, trigger, actor1) in rows {
            let at = sentence.find(trigger).expect("trigger in sentence");
            let span = Span::new(at, at + trigger.len());
            let whole = Span::new(0, sentence.len());
            let mentions = ACTORS.find(sentence, None);
            let frame = assign(sentence, whole, span, Voice::Active, &mentions);
            let frame = first_of_subject(sentence, whole, span, &mentions, frame);
            let got = frame.actor1.map(|i| mentions[i].span.slice(sentence));
            assert_eq!(got, Some(actor1), "actor1 in {sentence:?}");
        }
    }

    #[test]
    fn a_clause_after_but_shares_the_subject_before() {
        use Voice::*;
        check(
            "Gunmen raided the village but were killed by Nigerian soldiers.",
            "killed",
            Passive,
            Some("Nigerian soldiers"),
            Some("Gunmen"),
        );
        check(
            "Rebels took the town but soldiers later killed three rebels.",
            "killed",
            Active,
            Some("soldiers"),
            Some("rebels"),
        );
        // Not the subject: a place, or an actor in the first clause's object.
        check(
            "The newspaper praised the new embassy in Syria on Monday but warned of delays.",
            "warned",
            Active,
            None,
            None,
        );
        // A clause that names no other party tells the first one's act again.
        check(
            "The envoy arrived in Syria on Monday but warned of delays.",
            "warned",
            Active,
            None,
            None,
        );
        check(
            "Protesters cheered the Kenyan army but were dispersed by police.",
            "dispersed",
            Passive,
            Some("police"),
            Some("Protesters"),
        );
    }

    #[test]
    fn assigns_roles_by_voice_and_prepositions() {
        use Voice::*;
        check(
            "Gunmen killed four farmers in Zamfara.",
            "killed",
            Active,
            Some("Gunmen"),
            Some("farmers"),
        );
        check(
            "Four farmers were killed by gunmen in Zamfara.",
            "killed",
            Passive,
            Some("gunmen"),
            Some("farmers"),
        );
        check(
            "Militants stormed the camp, killing two soldiers.",
            "killing",
            Participle,
            Some("Militants"),
            Some("soldiers"),
        );
        check(
            "An air strike by Syrian government forces hit the town.",
            "air strike",
            Nominal,
            Some("Syrian government forces"),
            None,
        );
        check(
            "Police clashed with protesters in Nairobi.",
            "clashed",
            Active,
            Some("Police"),
            Some("protesters"),
        );
        check(
            "Moscow has accused Ankara of aiding militants.",
            "accused",
            Active,
            Some("Moscow"),
            Some("Ankara"),
        );
        // A participle after an existential "there were" is passive.
        check(
            "There were ten Kenyan soldiers killed near the border.",
            "killed",
            Passive,
            None,
            Some("Kenyan soldiers"),
        );
        check(
            "There were talks after rebels killed two Kenyan soldiers.",
            "killed",
            Active,
            Some("rebels"),
            Some("Kenyan soldiers"),
        );
        check(
            "Turkish troops were deployed in Syria.",
            "deployed",
            Passive,
            None,
            Some("Turkish troops"),
        );
        // A modifier that only repeats the subject's kind is the subject.
        check(
            "Nigerien troops launched a military offensive against bandits near Tillaberi.",
            "offensive",
            Nominal,
            Some("Nigerien troops"),
            Some("bandits"),
        );
        check(
            "A military offensive against bandits began near Tillaberi.",
            "offensive",
            Nominal,
            Some("military"),
            Some("bandits"),
        );
        check(
            "Officials said a police raid on gang hideouts left two dead.",
            "raid",
            Nominal,
            Some("police"),
            Some("gang"),
        );
        check(
            "Syrian rebels engaged Filipino peacekeepers in a firefight near Quneitra.",
            "firefight",
            Nominal,
            Some("Syrian rebels"),
            Some("Filipino peacekeepers"),
        );
        // A country right after "at" at the end of its phrase is aimed at.
        check(
            "The navy fired missiles at Yemen this week.",
            "fired",
            Active,
            Some("navy"),
            Some("Yemen"),
        );
        check(
            "The navy fired missiles at Aden airport.",
            "fired",
            Active,
            Some("navy"),
            None,
        );
        check(
            "Clashes between the army and the RSF spread.",
            "Clashes",
            Nominal,
            Some("army"),
            Some("RSF"),
        );
        // "between" names both sides after an active verb too.
        check(
            "Heavy fighting erupted between Kenyan troops and al-Shabaab near Mandera.",
            "erupted",
            Active,
            Some("Kenyan troops"),
            Some("al-Shabaab"),
        );
        check(
            "A gunfight broke out between police and bandits outside Zaria on Monday.",
            "broke out",
            Active,
            Some("police"),
            Some("bandits"),
        );
    }
}
