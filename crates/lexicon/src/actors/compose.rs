//! Composition of neighbouring phrase matches into actor mentions.
//!
//! The matcher yields non-overlapping phrases in text order. Phrases joined only by a
//! space, a hyphen, a possessive ("'s") or, after an agent, "of (the)" or "(" form a
//! *chain*: "Turkey-backed Syrian opposition fighters" is Turkey, backed, Syrian,
//! opposition fighters. Each chain resolves to at most one actor:
//!
//! 1. a named group wins ("suspected Boko Haram insurgents" → Boko Haram);
//! 2. else a person who ends the chain ("President Bashar al-Assad" → his government);
//! 3. else the last agent is the head ("forces"), and the nearest country, capital or
//!    person before it (or after "of") gives the country; a weak head ("officials")
//!    takes its kind from a stronger agent before it ("army officials");
//! 4. else each country name or capital is a bare mention (the caller decides whether
//!    "in Syria" is a place), and demonyms alone are dropped, except that
//!    coordination lends them the next chain's head ("Turkish and Russian troops").
//!
//! An armed agent after capitalised words that name a community is a militia named after
//! it ("Kaduna militiamen" → Kaduna Communal Militia, "Tiv gunmen" → Tiv Ethnic Militia;
//! `communities.tsv`).
//!
//! A force noun written with capitals after capitalised words is a force with a name
//! of its own ("Kyaukse District Defense Force"), unless the words are only a state
//! force's title ("Federal Army") or touch another actor phrase ("Syrian Arab Army").
//!
//! A group that is a country's state on the text's date (`regimes.tsv`: the Taliban
//! from 15 August 2021) is named as that state's forces, by the agent of its chain
//! ("Taliban police" → Police Forces of Afghanistan), else as its military.
//!
//! A country, group or person followed by a backer modifier ("-backed", "-led"), or
//! preceded by "pro-", is the backer, not the actor.

use chrono::NaiveDate;
use sitrep_model::Span;

use crate::matcher::PhraseMatch;

use super::{ActorLexicon, ActorMention, ActorOrigin, CountryForm, ModifierEffect, Target};

/// A phrase match with what it stands for.
#[derive(Debug, Clone, Copy)]
struct Element {
    span: Span,
    target: Target,
}

/// How an element attaches to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Not attached: a new chain starts.
    Break,
    /// Spaces only.
    Space,
    /// A hyphen ("Russia-backed").
    Hyphen,
    /// A possessive "'s" or "'".
    Possessive,
    /// "of" or "of the" after an agent, before a country.
    Of,
    /// "(" after an agent, before a country and ")".
    Paren,
}

/// What one chain resolved to.
#[derive(Debug, Clone, Default)]
struct Resolved {
    /// The mention, when the chain names an actor on its own.
    mention: Option<ActorMention>,
    /// The chain is only country references (plus modifiers): it may borrow a head.
    countries_only: bool,
    /// The chain starts with a country reference (as actor or backer).
    starts_with_country: bool,
    /// The head agent a chain to its left may borrow by coordination.
    head: Option<u32>,
}

pub(super) fn find(
    lex: &ActorLexicon,
    matches: &[PhraseMatch],
    text: &str,
    date: Option<NaiveDate>,
) -> Vec<ActorMention> {
    if matches.is_empty() {
        return Vec::new();
    }
    // Blocking phrases ("Latin America") only hide the shorter names inside them; the
    // text they cover still separates their neighbours (see `classify`).
    let elements: Vec<Element> = matches
        .iter()
        .map(|m| Element {
            span: m.span,
            target: lex.targets[m.id as usize],
        })
        .filter(|e| !matches!(e.target, Target::Modifier(ModifierEffect::Block)))
        .collect();
    let n = elements.len();
    if n == 0 {
        return Vec::new();
    }

    // Split into chains: (start, end) ranges of `elements`, with each element's link.
    let mut links = vec![Link::Break; n];
    let mut chains: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut has_country = false;
    for i in 0..n {
        let element = &elements[i];
        let link = if i == start {
            Link::Break
        } else {
            attach(text, &elements[i - 1], element, has_country)
        };
        links[i] = link;
        if link == Link::Break && i > start {
            chains.push((start, i));
            start = i;
            has_country = false;
        }
        if matches!(element.target, Target::Modifier(ModifierEffect::Territory)) {
            // "government-held": the chain so far describes territory; drop it.
            start = i + 1;
            has_country = false;
            continue;
        }
        if matches!(element.target, Target::Country { .. } | Target::People(_)) {
            has_country = true;
        }
        if matches!(link, Link::Of | Link::Paren) {
            // Nothing attaches after "forces of Syria".
            chains.push((start, i + 1));
            start = i + 1;
            has_country = false;
        }
    }
    if start < n {
        chains.push((start, n));
    }

    let mut resolved: Vec<Resolved> = chains
        .iter()
        .map(|&(s, e)| {
            let floor = s.checked_sub(1).map_or(0, |p| elements[p].span.end);
            resolve(lex, text, &elements[s..e], &links[s..e], date, floor)
        })
        .collect();

    // Coordination: "Turkish and Russian troops", "Turkish, Russian and Iranian forces".
    for i in (0..resolved.len().saturating_sub(1)).rev() {
        let right = &resolved[i + 1];
        let Some(head) = right.head else { continue };
        if !resolved[i].countries_only || !right.starts_with_country {
            continue;
        }
        let gap = &text[elements[chains[i].1 - 1].span.end..elements[chains[i + 1].0].span.start];
        if !is_coordination(gap) {
            continue;
        }
        let (s, e) = chains[i];
        if let Some(mention) = borrow_head(lex, text, &elements[s..e], head) {
            resolved[i] = Resolved {
                mention: Some(mention),
                countries_only: false,
                starts_with_country: true,
                head: Some(head),
            };
        }
    }

    let mut out = Vec::with_capacity(resolved.len());
    for (r, &(s, e)) in resolved.into_iter().zip(&chains) {
        match r.mention {
            Some(mention) => out.push(mention),
            None if r.countries_only => bare_mentions(lex, text, &elements[s..e], &mut out),
            None => {}
        }
    }
    out
}

/// How `next` attaches to `prev`, judged from the text between them.
fn attach(text: &str, prev: &Element, next: &Element, chain_has_country: bool) -> Link {
    let link = classify(&text[prev.span.end..next.span.start]);
    let needs_hyphen = matches!(
        next.target,
        Target::Modifier(ModifierEffect::Backer | ModifierEffect::Territory)
    ) || matches!(
        prev.target,
        Target::Modifier(ModifierEffect::Pro | ModifierEffect::Anti)
    );
    if needs_hyphen && link != Link::Hyphen {
        return Link::Break;
    }
    // Hedges and adjectives come before the words they qualify: after a head noun
    // they start a new phrase ("police suspected militants").
    let premodifier = matches!(
        next.target,
        Target::Modifier(
            ModifierEffect::Hedge
                | ModifierEffect::Skip
                | ModifierEffect::Pro
                | ModifierEffect::Anti
        )
    );
    if premodifier
        && matches!(
            prev.target,
            Target::Agent(_) | Target::Group(_) | Target::People(_)
        )
    {
        return Link::Break;
    }
    match link {
        Link::Of | Link::Paren => {
            let after_agent = matches!(prev.target, Target::Agent(_));
            let to_place = match next.target {
                Target::Country { form, .. } => form != CountryForm::Demonym,
                // "fighters of the ADF", "forces of Hamas": the group.
                Target::People(_) | Target::Group(_) => link == Link::Of,
                _ => false,
            };
            let closed = link == Link::Of || text[next.span.end..].starts_with(')');
            if after_agent && to_place && closed && !chain_has_country {
                link
            } else {
                Link::Break
            }
        }
        other => other,
    }
}

fn classify(gap: &str) -> Link {
    if gap.len() > 8 || gap.contains('\n') {
        return Link::Break;
    }
    if gap.bytes().all(|b| b == b' ' || b == b'\t') {
        return Link::Space;
    }
    match gap {
        "-" | "\u{2011}" | "\u{2010}" => return Link::Hyphen,
        " of " | " of the " => return Link::Of,
        " (" => return Link::Paren,
        _ => {}
    }
    for mark in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(rest) = gap.strip_prefix(mark) {
            if !rest.is_empty() && rest.bytes().all(|b| b == b' ') {
                return Link::Possessive;
            }
        }
    }
    Link::Break
}

fn is_coordination(gap: &str) -> bool {
    gap.len() <= 7
        && matches!(
            gap.trim(),
            "and" | "or" | "," | ", and" | ", or" | "&" | "and/or" | "/"
        )
}

/// Resolves one chain (see the module documentation for the rules).
fn resolve(
    lex: &ActorLexicon,
    text: &str,
    els: &[Element],
    links: &[Link],
    date: Option<NaiveDate>,
    floor: usize,
) -> Resolved {
    // Modifiers after the last actor word do not belong to it ("police reported").
    let Some(end) = els
        .iter()
        .rposition(|e| !matches!(e.target, Target::Modifier(_)))
    else {
        return Resolved::default();
    };
    let els = &els[..=end];
    let links = &links[..=end];

    // The backer: the reference before "-backed", or the one after "pro-"; the
    // element after "anti-" is opposed, and belongs to no role.
    let mut backer_at: Option<usize> = None;
    let mut opposed_at: Option<usize> = None;
    for (i, e) in els.iter().enumerate() {
        match e.target {
            Target::Modifier(ModifierEffect::Backer)
                if i > 0 && is_reference(els[i - 1].target) =>
            {
                backer_at = Some(i - 1);
            }
            Target::Modifier(ModifierEffect::Pro) if i + 1 < els.len() => {
                backer_at = Some(i + 1);
            }
            Target::Modifier(ModifierEffect::Anti) if i + 1 < els.len() => {
                opposed_at = Some(i + 1);
            }
            _ => {}
        }
    }

    let mut hedged = false;
    let mut country: Option<u32> = None;
    let mut group: Option<u32> = None;
    let mut person: Option<(u32, usize)> = None;
    let mut head: Option<(u32, usize)> = None;
    let mut strong: Option<u32> = None;
    let mut used: Option<(usize, usize)> = None;
    for (i, e) in els.iter().enumerate() {
        match e.target {
            Target::Modifier(ModifierEffect::Hedge) => hedged = true,
            Target::Modifier(ModifierEffect::Skip) => {}
            Target::Modifier(ModifierEffect::Pro | ModifierEffect::Anti) => {}
            Target::Modifier(_) => continue,
            _ if backer_at == Some(i) || opposed_at == Some(i) => {}
            Target::Country { index, .. } => country = Some(index),
            Target::People(set) => {
                let p = lex.pick_person(set, date);
                person = Some((p, i));
                if let Some(&c) = lex.by_iso3.get(&lex.people[p as usize].country) {
                    country = Some(c);
                }
            }
            Target::Group(g) => group = Some(g),
            Target::Agent(a) => {
                if !lex.agents[a as usize].weak {
                    strong = Some(a);
                }
                head = Some((a, i));
            }
        }
        used = Some((used.map_or(i, |(f, _)| f), i));
    }
    let Some((first, last)) = used else {
        return Resolved::default();
    };
    let span = Span::new(
        els[first].span.start,
        close_paren(text, els[last].span.end, links),
    );
    let words = text[span.start..span.end].to_string();
    let backer = backer_at.map(|i| backer_actor(lex, text, &els[i], date));
    let backer_group = backer_at.and_then(|i| match els[i].target {
        Target::Group(g) => Some(g),
        _ => None,
    });
    let mention = |actor, origin, backer| ActorMention {
        span,
        actor,
        origin,
        bare_place: false,
        hedged,
        backer,
    };

    // A person ends the chain when no agent follows them ("President Assad").
    let person_last = person.filter(|&(_, at)| head.is_none_or(|(_, h)| h < at));
    // The agent that heads the chain: a weak head ("officials") yields to a strong
    // agent before it ("army officials").
    let head_agent = head.map(|(a, _)| match strong {
        Some(s) if lex.agents[a as usize].weak => s,
        _ => a,
    });
    let resolved = if let Some(g) = group {
        let actor = lex.group_actor_at(g, country, words, date, head_agent);
        Some(mention(actor, ActorOrigin::Group(g), backer))
    } else if let Some((p, _)) = person_last {
        let actor = lex.person_actor(p, date, words);
        Some(mention(actor, ActorOrigin::Person(p), backer))
    } else if let Some(agent) = head_agent {
        let armed = matches!(
            lex.agents[agent as usize].kind.as_str(),
            "rebels" | "militia"
        );
        match backer_group.filter(|_| armed) {
            // "IS-linked militants": an armed group's affiliate is coded as the group.
            Some(g) => {
                let actor = lex.group_actor(g, country, words);
                Some(mention(actor, ActorOrigin::Group(g), None))
            }
            None => match community_militia(lex, text, els[first].span.start, agent)
                .filter(|_| country.is_none() && person.is_none())
            {
                // "Kaduna militiamen", "Tiv gunmen": a militia named after its community.
                Some((start, name)) => {
                    let span = Span::new(start, span.end);
                    let actor = sitrep_model::Actor {
                        text: text[span.start..span.end].to_string(),
                        name: Some(name),
                        kind: Some(lex.agents[agent as usize].kind.clone()),
                        ..Default::default()
                    };
                    Some(ActorMention {
                        span,
                        actor,
                        origin: ActorOrigin::Agent(agent),
                        bare_place: false,
                        hedged,
                        backer,
                    })
                }
                None => match head
                    .filter(|&(_, at)| {
                        at == first && country.is_none() && person.is_none() && backer.is_none()
                    })
                    .and_then(|(_, at)| named_force(lex, text, els[at].span, agent, floor))
                {
                    // "Kyaukse District Defense Force": a force with a name of its own.
                    Some(start) => {
                        let span = Span::new(start, span.end);
                        let name = text[span.start..span.end].to_string();
                        let actor = sitrep_model::Actor {
                            text: name.clone(),
                            name: Some(name),
                            kind: Some("rebels".to_string()),
                            ..Default::default()
                        };
                        Some(ActorMention {
                            span,
                            actor,
                            origin: ActorOrigin::Agent(agent),
                            bare_place: false,
                            hedged,
                            backer,
                        })
                    }
                    None => {
                        let actor = lex.agent_actor(agent, country, words);
                        Some(mention(actor, ActorOrigin::Agent(agent), backer))
                    }
                },
            },
        }
    } else {
        None
    };
    Resolved {
        countries_only: resolved.is_none() && country.is_some() && person.is_none(),
        starts_with_country: matches!(els[0].target, Target::Country { .. }),
        head: head.map(|(a, _)| a),
        mention: resolved,
    }
}

/// Extends a span over the ")" closing "Civilians (Syria)".
fn close_paren(text: &str, end: usize, links: &[Link]) -> usize {
    if links.last() == Some(&Link::Paren) && text[end..].starts_with(')') {
        end + 1
    } else {
        end
    }
}

fn is_reference(target: Target) -> bool {
    matches!(
        target,
        Target::Country { .. } | Target::Group(_) | Target::People(_)
    )
}

/// The actor behind a backer element.
fn backer_actor(
    lex: &ActorLexicon,
    text: &str,
    e: &Element,
    date: Option<NaiveDate>,
) -> sitrep_model::Actor {
    let words = text[e.span.start..e.span.end].to_string();
    match e.target {
        Target::Country { index, .. } => lex.government_actor(index, words),
        Target::Group(g) => lex.group_actor_at(g, None, words, date, None),
        Target::People(set) => lex.person_actor(lex.pick_person(set, date), date, words),
        Target::Agent(a) => lex.agent_actor(a, None, words),
        Target::Modifier(_) => sitrep_model::Actor {
            text: words,
            ..Default::default()
        },
    }
}

/// "Turkish" in "Turkish and Russian troops": the chain's country with the borrowed head.
fn borrow_head(lex: &ActorLexicon, text: &str, els: &[Element], head: u32) -> Option<ActorMention> {
    let mut country = None;
    let mut hedged = false;
    let mut first = None;
    let mut last = 0;
    for (i, e) in els.iter().enumerate() {
        match e.target {
            Target::Country { index, .. } => country = Some(index),
            Target::Modifier(ModifierEffect::Hedge) => hedged = true,
            Target::Modifier(ModifierEffect::Skip) => {}
            _ => continue,
        }
        first.get_or_insert(i);
        last = i;
    }
    let country = country?;
    let span = Span::new(els[first?].span.start, els[last].span.end);
    let words = text[span.start..span.end].to_string();
    Some(ActorMention {
        span,
        actor: lex.agent_actor(head, Some(country), words),
        origin: ActorOrigin::Agent(head),
        bare_place: false,
        hedged,
        backer: None,
    })
}

/// Each country name or capital of a chain without a head, as a bare mention.
fn bare_mentions(lex: &ActorLexicon, text: &str, els: &[Element], out: &mut Vec<ActorMention>) {
    for e in els {
        if let Target::Country { index, form } = e.target {
            if form == CountryForm::Demonym {
                continue;
            }
            let words = text[e.span.start..e.span.end].to_string();
            out.push(ActorMention {
                span: e.span,
                actor: lex.government_actor(index, words),
                origin: ActorOrigin::Country(index),
                bare_place: true,
                hedged: false,
                backer: None,
            });
        }
    }
}

/// Capitalised words that qualify armed men without naming a community: determiners,
/// numbers, adjectives, days and months (a sentence may start with them), and the words
/// of organisations' names ("Donbass People's Militia" is a named group, not Donbass's).
const NOT_COMMUNITIES: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "alleged",
    "allied",
    "also",
    "an",
    "anti",
    "april",
    "armed",
    "army",
    "around",
    "as",
    "at",
    "august",
    "battalion",
    "before",
    "both",
    "brigade",
    "by",
    "christian",
    "clan",
    "communal",
    "december",
    "defence",
    "defense",
    "democratic",
    "dozens",
    "earlier",
    "eight",
    "elsewhere",
    "ethnic",
    "eventually",
    "february",
    "few",
    "finally",
    "first",
    "five",
    "for",
    "forces",
    "former",
    "four",
    "friday",
    "from",
    "front",
    "government",
    "heavily",
    "her",
    "his",
    "hooded",
    "however",
    "hundreds",
    "in",
    "islamic",
    "islamist",
    "its",
    "january",
    "jihadist",
    "joint",
    "july",
    "june",
    "last",
    "later",
    "liberation",
    "local",
    "many",
    "march",
    "masked",
    "may",
    "meanwhile",
    "monday",
    "more",
    "most",
    "movement",
    "muslim",
    "national",
    "new",
    "next",
    "nine",
    "november",
    "october",
    "on",
    "one",
    "opposition",
    "other",
    "our",
    "over",
    "overnight",
    "party",
    "patriotic",
    "people's",
    "peoples",
    "police",
    "popular",
    "pro",
    "pro-government",
    "rebel",
    "recently",
    "reportedly",
    "resistance",
    "revolutionary",
    "rival",
    "saturday",
    "scores",
    "second",
    "self-defence",
    "self-defense",
    "separately",
    "september",
    "seven",
    "several",
    "six",
    "soldiers",
    "some",
    "state",
    "suddenly",
    "sunday",
    "suspected",
    "ten",
    "that",
    "the",
    "their",
    "then",
    "these",
    "third",
    "this",
    "those",
    "three",
    "thursday",
    "today",
    "tonight",
    "tribal",
    "tuesday",
    "two",
    "unidentified",
    "union",
    "united",
    "unknown",
    "unnamed",
    "wednesday",
    "when",
    "while",
    "with",
    "yesterday",
    "youth",
];

/// Connectors inside a force's own name ("People Security and Defense Army").
const NAME_CONNECTORS: [&str; 3] = ["and", "And", "of"];

/// The start of the own name of an armed force written with capitals ("Kyaukse
/// District Defense Force", "Ranger Kalay Defense Force"): its head agent (`head`, of
/// kind military, rebels or militia, every word capitalised) follows, across single
/// spaces, up to five capitalised words (or "and", "of" between them). Such a name
/// is a group of its own, not a state's forces. None when no such words precede,
/// when they touch another actor phrase (`floor`: "Syrian Arab Army"), or when they are
/// all qualifiers (`NOT_COMMUNITIES`) or words of a state force's title, which name no
/// community (`-` rows of communities.tsv: "Federal", "Special", "Border").
fn named_force(
    lex: &ActorLexicon,
    text: &str,
    head: Span,
    agent: u32,
    floor: usize,
) -> Option<usize> {
    let a = &lex.agents[agent as usize];
    if !matches!(a.kind.as_str(), "military" | "rebels" | "militia") {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !head
        .slice(text)
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(capitalised)
    {
        return None;
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = head.start;
    while words.len() < 5 {
        let Some(before) = text[..end].strip_suffix(' ') else {
            break;
        };
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        if word.is_empty()
            || !(capitalised(word) || (NAME_CONNECTORS.contains(&word) && !words.is_empty()))
        {
            break;
        }
        if word_start < floor {
            return None;
        }
        words.insert(0, (word_start, word));
        end = word_start;
    }
    let lower = |w: &str| w.to_lowercase();
    // Keep the words after the last qualifier ("The", "Two", "Monday").
    if let Some(cut) = words.iter().rposition(|(_, w)| {
        NOT_COMMUNITIES.contains(&lower(w).as_str()) && !NAME_WORDS.contains(&lower(w).as_str())
    }) {
        words.drain(..=cut);
    }
    while words
        .first()
        .is_some_and(|(_, w)| NAME_CONNECTORS.contains(w))
    {
        words.remove(0);
    }
    let own = words.iter().any(|(_, w)| {
        !NAME_CONNECTORS.contains(w)
            && !NOT_COMMUNITIES.contains(&lower(w).as_str())
            && lex.community(w).is_none_or(|c| c.label != "-")
    });
    own.then(|| words[0].0)
}

/// Words of `NOT_COMMUNITIES` that also make up organisations' names ("Democratic",
/// "Liberation"): they do not cut a force's own name.
const NAME_WORDS: [&str; 40] = [
    "allied",
    "armed",
    "army",
    "battalion",
    "brigade",
    "christian",
    "clan",
    "communal",
    "defence",
    "defense",
    "democratic",
    "ethnic",
    "forces",
    "front",
    "government",
    "islamic",
    "islamist",
    "jihadist",
    "joint",
    "liberation",
    "local",
    "movement",
    "muslim",
    "national",
    "opposition",
    "party",
    "patriotic",
    "people's",
    "peoples",
    "police",
    "popular",
    "rebel",
    "resistance",
    "revolutionary",
    "self-defence",
    "self-defense",
    "state",
    "tribal",
    "union",
    "united",
];

/// Administrative words after a place name ("Kaduna State militiamen" are Kaduna's).
const ADMIN_WORDS: &[&str] = &[
    "county", "district", "division", "province", "region", "state", "town", "village", "zone",
];

/// A militia named after the community in the capitalised words just before its chain
/// (`start`): "Kaduna militiamen" → "Kaduna Communal Militia ({country})", "Tiv
/// gunmen" → "Tiv Ethnic Militia ({country})" (communities.tsv gives the label). Words
/// not in communities.tsv name a militia only before a militia noun ("militiamen",
/// "tribal fighters"), whose family gives the label ("Bani Nawf tribal militia" →
/// "Bani Nawf Tribal Militia"); `None` when no such words precede. Returns the start
/// of the words and the name, to be localised with the document's country.
fn community_militia(
    lex: &ActorLexicon,
    text: &str,
    start: usize,
    agent: u32,
) -> Option<(usize, String)> {
    let a = &lex.agents[agent as usize];
    if a.kind != "militia" || a.sector != "UAF" {
        return None;
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = start;
    while words.len() < 3 {
        let Some(head) = text[..end].strip_suffix(' ') else {
            break;
        };
        let word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &head[word_start..];
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.insert(0, (word_start, word));
        end = word_start;
    }
    let lower = |w: &str| w.to_lowercase();
    // Keep the words after the last one that names no community.
    if let Some(cut) = words
        .iter()
        .rposition(|(_, w)| NOT_COMMUNITIES.contains(&lower(w).as_str()))
    {
        words.drain(..=cut);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|(_, w)| ADMIN_WORDS.contains(&lower(w).as_str()))
    {
        words.pop();
    }
    let (first, _) = *words.first()?;
    let last = words.last().map_or(first, |&(s, w)| s + w.len());
    let phrase = &text[first..last];
    // The longest run of final words that communities.tsv knows ("Lou Nuer", "Nuer").
    let known = (0..words.len()).find_map(|i| {
        let from = words[i].0;
        lex.community(&text[from..last]).map(|c| (from, c))
    });
    match known {
        Some((_, c)) if c.label == "-" => None,
        Some((from, c)) => Some((
            from,
            format!("{} {} Militia ({{country}})", c.name, c.label),
        )),
        None if a.phrases.first().is_some_and(|p| p.contains("militia")) => {
            // The agent's own family names the militia: "tribesmen" are a tribal
            // militia, "clan fighters" a clan militia, other militias communal ones.
            let label = a
                .template
                .strip_prefix("Unidentified ")
                .and_then(|t| t.strip_suffix(" Militia ({country})"))
                .unwrap_or("Communal");
            Some((first, format!("{phrase} {label} Militia ({{country}})")))
        }
        None => None,
    }
}
