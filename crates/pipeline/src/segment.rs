//! Event segmentation within a document, around the merge: one report of several
//! places is one event per place ("clashes were reported in A, B and C"), and a toll
//! that adds up incidents told elsewhere ("six killed across the country") is a
//! figure, not an event.

use sitrep_extract::casualties::Measure;
use sitrep_extract::fields::is_aggregate;
use sitrep_extract::figures::FigureMention;
use sitrep_extract::numbers::find_numbers;
use sitrep_extract::{frames, Candidate, Family};
use sitrep_geo::{fold, DocPlaces, Kind, Mention};
use sitrep_model::{GeoPrecision, Span};

/// Words that may stand between two places of one list, besides a coordinator
/// ("in Kherson city and the town of Beryslav", "Nineveh, Anbar, and Diyala").
const LIST_WORDS: [&str; 22] = [
    ",",
    "and",
    "&",
    "as",
    "well",
    "in",
    "at",
    "the",
    "of",
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "district",
    "districts",
    "province",
    "provinces",
    "region",
    "regions",
    "state",
];

/// Words before a list that make it the place of something ("in A and B", "the
/// provinces of A, B and C", "across A and B").
const LOCATIVES: [&str; 7] = ["in", "at", "near", "across", "around", "outside", "of"];

/// How many words before the first place of a list are searched for a locative.
const LOCATIVE_WINDOW: usize = 3;

/// Splits every ACLED-typed candidate whose place is one of a coordinated list of
/// places in its sentence ("in Lahore, Faisalabad and Quetta") into one candidate per
/// place, the place it was given first. The copies share a group, so the merge keeps
/// them apart. A toll stays with each copy only when the sentence says "each" ("one
/// each was killed in A and B"); a joint toll belongs to no single place.
pub fn split_coordinated(
    candidates: Vec<Candidate>,
    places: &DocPlaces,
    text: &str,
) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(candidates.len());
    for (n, candidate) in candidates.into_iter().enumerate() {
        let list = match (&candidate.acled, &candidate.location) {
            (Some(_), Some(location))
                if splittable(&candidate) && location.precision != GeoPrecision::Country =>
            {
                let name = location.name.as_deref().unwrap_or_default();
                coordinated(
                    places,
                    text,
                    candidate.sentence_span,
                    name,
                    &exclusions(&candidate),
                )
            }
            _ => Vec::new(),
        };
        if list.len() < 2 {
            out.push(candidate);
            continue;
        }
        let each = says_each(candidate.sentence_span.slice(text));
        let group = Some(u32::try_from(n).unwrap_or(u32::MAX));
        let first = candidate.location.as_ref().and_then(|l| l.name.clone());
        // The place the candidate was given comes first, then the list's order.
        let mut ordered = list;
        ordered.sort_by_key(|m| m.place.as_ref().map(|p| Some(&p.name) != first.as_ref()));
        for mention in ordered {
            let mut copy = one_incident(&candidate, group, each);
            copy.location = places.locate(mention.span, mention.span.start, &[]);
            out.push(copy);
        }
    }
    out
}

/// Words between a number and a plural noun that make it a count of incidents:
/// "in two separate attacks", "in three more gunfights".
const INCIDENT_COUNTERS: [&str; 5] = ["separate", "more", "different", "other", "distinct"];

/// The most incidents one counted phrase is split into.
const MAX_COUNTED: u32 = 5;

/// Splits a candidate that its sentence counts as several incidents ("four
/// militants were killed in two separate encounters", "in two more gunfights")
/// into that many candidates of one group, unless it was already split by place.
/// The counted phrase belongs to the nearest trigger of its sentence. A joint toll
/// belongs to no single incident, so the copies keep it only with "each".
pub fn split_counted(candidates: Vec<Candidate>, text: &str) -> Vec<Candidate> {
    let triggers: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.acled.is_some())
        .map(|c| (c.sentence, c.trigger.start))
        .collect();
    let mut out = Vec::with_capacity(candidates.len());
    for (n, candidate) in candidates.into_iter().enumerate() {
        let counted = (candidate.group.is_none()
            && splittable(&candidate)
            && names_a_counter(candidate.sentence_span.slice(text)))
        .then(|| counted_incidents(&candidate, text, &triggers))
        .flatten();
        let Some(count) = counted else {
            out.push(candidate);
            continue;
        };
        let each = says_each(candidate.sentence_span.slice(text));
        let group = Some(u32::MAX - u32::try_from(n).unwrap_or(0));
        for _ in 0..count {
            out.push(one_incident(&candidate, group, each));
        }
    }
    out
}

/// A copy of `candidate` for one of the incidents its sentence reports, in `group`. A
/// joint toll belongs to no single incident, so the copy keeps its counts only when
/// the sentence says "each".
fn one_incident(candidate: &Candidate, group: Option<u32>, each: bool) -> Candidate {
    let mut copy = candidate.clone();
    copy.group = group;
    if !each {
        copy.killed = None;
        copy.fatalities = None;
        copy.injured = None;
        copy.arrested = None;
        copy.abducted = None;
    }
    copy
}

/// Whether `sentence` has a word of [`INCIDENT_COUNTERS`]: without one it counts no
/// incidents, and its numbers need not be read.
fn names_a_counter(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| INCIDENT_COUNTERS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// How many incidents the candidate's sentence counts for it: a phrase "in N
/// separate|more|different … NOUNs" nearer to its trigger than to any other.
fn counted_incidents(
    candidate: &Candidate,
    text: &str,
    triggers: &[(usize, usize)],
) -> Option<u32> {
    let start = candidate.sentence_span.start;
    let sentence = candidate.sentence_span.slice(text);
    find_numbers(sentence).into_iter().find_map(|number| {
        let value = number.count.min.filter(|&v| number.count.max == Some(v))?;
        if number.vague || !(2..=MAX_COUNTED).contains(&value) {
            return None;
        }
        let before = sentence[..number.span.start].trim_end();
        let after_in = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("during"));
        let mut words = sentence[number.span.end..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty());
        let counter = words
            .next()
            .is_some_and(|w| INCIDENT_COUNTERS.iter().any(|c| w.eq_ignore_ascii_case(c)));
        let plural = words.next().is_some_and(|w| w.ends_with('s'));
        if !(after_in && counter && plural) {
            return None;
        }
        let at = start + number.span.start;
        let distance = |t: usize| t.abs_diff(at);
        let mine = distance(candidate.trigger.start);
        let nearest = triggers
            .iter()
            .filter(|(s, _)| *s == candidate.sentence)
            .all(|&(_, t)| distance(t) >= mine);
        nearest.then_some(value)
    })
}

/// Incidents and arrests split by place; other strategic developments (a curfew
/// over several towns) are one decision.
fn splittable(candidate: &Candidate) -> bool {
    match candidate.family() {
        Family::Physical => true,
        Family::Strategic(t) => t.sub_event_type() == "Arrests",
        Family::Verbal => false,
    }
}

/// The spans of the candidate's actors, which are not the event's place; an actor
/// that is only a country name or capital ("Syria", "Moscow") may be one.
pub fn exclusions(candidate: &Candidate) -> Vec<Span> {
    [&candidate.actor1, &candidate.actor2]
        .into_iter()
        .flatten()
        .filter(|m| !m.bare_place)
        .map(|m| m.span)
        .collect()
}

/// Whether the sentence gives its toll per place ("one each", "three people each").
fn says_each(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("each"))
}

/// The coordinated list of places in `window` that holds the place named `name`:
/// two or more sibling places (none inside another, one country, no countries)
/// joined by commas and "and", after a locative word. Empty when there is none.
fn coordinated<'a>(
    places: &'a DocPlaces,
    text: &str,
    window: Span,
    name: &str,
    exclude: &[Span],
) -> Vec<&'a Mention> {
    let inside: Vec<&Mention> = places
        .mentions()
        .iter()
        .filter(|m| window.contains(m.span) && m.place.is_some() && !m.possessive)
        .filter(|m| !exclude.iter().any(|x| x.overlaps(m.span)))
        .collect();
    // Runs of places joined by list words, each with whether a gap holds "and".
    let mut runs: Vec<(Vec<&Mention>, bool)> = Vec::new();
    for m in inside {
        let joint = runs
            .last()
            .and_then(|(run, _)| run.last())
            .and_then(|prev| {
                let start = m.direction.map_or(m.span.start, |d| d.start);
                (prev.span.end <= start).then(|| list_joint(&text[prev.span.end..start]))?
            });
        match (runs.last_mut(), joint) {
            (Some((run, and)), Some(with_and)) => {
                run.push(m);
                *and |= with_and;
            }
            _ => runs.push((vec![m], false)),
        }
    }
    let Some((run, and)) = runs.into_iter().find(|(run, _)| {
        run.iter()
            .any(|m| m.place.as_ref().is_some_and(|p| p.name == name))
    }) else {
        return Vec::new();
    };
    // Commas alone make a chain ("Mazar-e-Sharif city, Balkh"), not a list,
    // unless "and" goes on to a member the gazetteer does not know ("in Lahore,
    // Quetta, and Swat").
    let last = run[run.len() - 1].span.end;
    let and = and || (run.len() >= 2 && and_continues(&text[last..window.end.max(last)]));
    if !and || !after_locative(text, window, run[0]) {
        return Vec::new();
    }
    // A member read as a place of another country is a name misread: left out.
    let country = run
        .iter()
        .filter_map(|m| m.place.as_ref())
        .find(|p| p.name == name)
        .map(|p| p.country.clone())
        .unwrap_or_default();
    let run: Vec<&Mention> = run
        .into_iter()
        .filter(|m| m.place.as_ref().is_some_and(|p| p.country == country))
        .collect();
    if run.len() >= 2 && siblings(&run) {
        run
    } else {
        Vec::new()
    }
}

/// Whether the text after the last place of a list goes on with "and" and a
/// capitalised name (", and Swat"): the list's last member, unknown to the gazetteer.
fn and_continues(rest: &str) -> bool {
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("and"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether the text between two places joins them as one list: a comma or "and",
/// and otherwise only words of `LIST_WORDS` or names the gazetteer does not know
/// (", Bogura, Jhenidah,": members that cannot be placed). None when it does not;
/// else whether the gap holds "and".
fn list_joint(gap: &str) -> Option<bool> {
    frames::list_joint(gap, |word| {
        LIST_WORDS.iter().any(|l| word.eq_ignore_ascii_case(l))
            || word.starts_with(|c: char| c.is_uppercase())
    })
}

/// Whether the places of a list are siblings: distinct, no country or continent,
/// and none the division another lies in ("Saraqeb, Idlib" is one place).
fn siblings(run: &[&Mention]) -> bool {
    let resolved: Vec<_> = run.iter().filter_map(|m| m.place.as_ref()).collect();
    if resolved.len() != run.len() {
        return false;
    }
    let flat = resolved
        .iter()
        .all(|p| !matches!(p.kind, Kind::Country | Kind::Continent));
    let nested = resolved.iter().any(|inner| {
        resolved.iter().any(|outer| {
            let name = fold(&outer.name);
            let division = matches!(outer.kind, Kind::Admin1 | Kind::Admin2 | Kind::Region);
            division
                && inner.name != outer.name
                && [&inner.admin1, &inner.admin2]
                    .iter()
                    .any(|d| !d.is_empty() && fold(d) == name)
        })
    });
    let distinct = resolved
        .iter()
        .enumerate()
        .all(|(i, p)| resolved[..i].iter().all(|q| q.name != p.name));
    flat && !nested && distinct
}

/// Whether one of the few words before the first place of a list is a locative.
fn after_locative(text: &str, window: Span, first: &Mention) -> bool {
    let start = first.direction.map_or(first.span.start, |d| d.start);
    text[window.start..start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(LOCATIVE_WINDOW)
        .any(|w| LOCATIVES.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// Marks the candidates whose toll is an aggregate figure of the document (a
/// total over several incidents, places or days) when their sentence names no
/// town of its own: "at least six people were killed across the country
/// yesterday", "97 died over the weekend", and a headline repeating that total.
pub fn mark_aggregates(
    candidates: &mut [Candidate],
    figures: &[(usize, FigureMention)],
    own_town: &[bool],
) {
    for (candidate, &town) in candidates.iter_mut().zip(own_town) {
        let Some(toll) = candidate.killed.and_then(|k| k.min) else {
            continue;
        };
        candidate.aggregate = !town
            && figures.iter().any(|(_, f)| {
                f.measure == Measure::Killed
                    && (f.multiple || is_aggregate(f))
                    && !f.uncertain
                    && f.value.min == Some(toll)
            });
    }
}

/// Drops the aggregate candidates (see [`mark_aggregates`]) of a document that
/// reports incidents of its own: the totals stay as figures.
pub fn drop_aggregates(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let incidents = candidates
        .iter()
        .filter(|c| c.acled.is_some() && !c.aggregate)
        .count();
    if incidents == 0 {
        return candidates;
    }
    candidates.into_iter().filter(|c| !c.aggregate).collect()
}
