//! Within-document deduplication: the same incident reported twice in one article
//! ("killed 33 Turkish soldiers" … "33 troops were killed") is one event.
//!
//! A later candidate merges into an earlier one of the same family when nothing
//! contradicts it: compatible sub-event types (equal, or one of them generic),
//! actors of the same country where both are known, equal counts where both are
//! given, dates that agree where both come from the text, and places within
//! 50 km where both are known. A generic candidate with no facts of its own also
//! merges into the nearest earlier compatible event. The merged event keeps the
//! first evidence and fills its gaps from the later one.

use sitrep_model::{Count, DatePrecision, Location};

use crate::events::{Candidate, Family};

const MERGE_KM: f64 = 50.0;

/// Merges candidates that report the same incident; keeps text order.
pub fn merge(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let target = out
            .iter()
            .rposition(|earlier| compatible(earlier, &candidate));
        match target {
            Some(i) => absorb(&mut out[i], candidate),
            None => out.push(candidate),
        }
    }
    out
}

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    if a.family() != b.family() {
        return false;
    }
    if a.family() == Family::Verbal && a.plover != b.plover {
        return false;
    }
    let violent = |c: &Candidate| {
        c.acled.is_some_and(|t| {
            matches!(
                t.event_type(),
                "Explosions/Remote violence" | "Violence against civilians"
            ) || t.sub_event_type() == "Armed clash"
        })
    };
    let types_agree =
        a.acled == b.acled || (violent(a) && violent(b) && (!a.specific || !b.specific));
    if !types_agree {
        return false;
    }
    // Two generic physical events with their own different facts stay apart
    // unless the later one refers back ("the attack").
    let same_actor = |x: &Option<sitrep_lexicon::actors::ActorMention>,
                      y: &Option<sitrep_lexicon::actors::ActorMention>| {
        match (x, y) {
            (Some(x), Some(y)) => match (&x.actor.country, &y.actor.country) {
                (Some(cx), Some(cy)) => {
                    cx == cy
                        && (x.actor.kind == y.actor.kind
                            || x.actor.kind.is_none()
                            || y.actor.kind.is_none())
                }
                _ => {
                    x.actor.kind == y.actor.kind || x.actor.kind.is_none() || y.actor.kind.is_none()
                }
            },
            _ => true,
        }
    };
    // Fighting is symmetric: a later "four gang members were killed" may name
    // either side of an earlier clash.
    let swapped = a.family() == Family::Physical
        && same_actor(&a.actor1, &b.actor2)
        && same_actor(&a.actor2, &b.actor1);
    let same = same_actor(&a.actor1, &b.actor1) && same_actor(&a.actor2, &b.actor2);
    if !(same || swapped) {
        return false;
    }
    if !counts_agree(a.killed, b.killed) || !counts_agree(a.injured, b.injured) {
        return false;
    }
    if a.date_in_sentence && b.date_in_sentence && a.date.value != b.date.value {
        return false;
    }
    // An anaphoric mention with no facts of its own ("The air strike came after
    // talks in Ankara") is not placed by the rest of its sentence.
    let anaphoric = b.definite && b.killed.is_none() && b.injured.is_none();
    if !anaphoric && !places_agree(a.location.as_ref(), b.location.as_ref()) {
        return false;
    }
    if a.family() == Family::Verbal {
        // Statements merge only when they repeat the same actors.
        return a.actor1.is_some()
            && same_actor(&a.actor1, &b.actor1)
            && b.sentence <= a.sentence + 2;
    }
    let nothing_new =
        b.killed.is_none() && b.injured.is_none() && b.actor1.is_none() && b.actor2.is_none();
    let repeats_count = a.killed.is_some() && a.killed == b.killed;
    b.definite || nothing_new || repeats_count || (b.sentence <= a.sentence + 3 && !b.specific)
}

fn counts_agree(a: Option<Count>, b: Option<Count>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b || (a.max.is_none() && b.min >= a.min) || (b.max.is_none() && a.min >= b.min)
        }
        _ => true,
    }
}

fn places_agree(a: Option<&Location>, b: Option<&Location>) -> bool {
    let point = |l: &Location| l.lat.zip(l.lon);
    match (a.and_then(point), b.and_then(point)) {
        (Some(p), Some(q)) => {
            km(p, q) <= MERGE_KM
                || a.is_some_and(|l| l.precision == sitrep_model::GeoPrecision::Country)
                || b.is_some_and(|l| l.precision == sitrep_model::GeoPrecision::Country)
        }
        _ => true,
    }
}

/// Great-circle distance in kilometres.
pub fn km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn absorb(into: &mut Candidate, from: Candidate) {
    if !into.specific && from.specific {
        into.acled = from.acled;
        into.specific = true;
        into.plover = from.plover;
        into.mode = from.mode;
        into.cameo = from.cameo;
    }
    into.actor1 = into.actor1.take().or(from.actor1);
    into.actor2 = into.actor2.take().or(from.actor2);
    if informative(from.killed) > informative(into.killed) {
        into.killed = from.killed;
        into.fatalities = from.fatalities;
    }
    for (mine, theirs) in [
        (&mut into.injured, from.injured),
        (&mut into.arrested, from.arrested),
        (&mut into.abducted, from.abducted),
    ] {
        if informative(theirs) > informative(*mine) {
            *mine = theirs;
        }
    }
    let better_date = from.date_in_sentence
        && (!into.date_in_sentence || rank(from.date.precision) < rank(into.date.precision));
    if better_date {
        into.date = from.date;
        into.date_in_sentence = true;
    }
    into.attribution = into.attribution.take().or(from.attribution);
    let precise = |l: &Option<Location>| l.as_ref().map_or(9, |l| geo_rank(l.precision));
    let anaphoric = from.definite && from.killed.is_none() && from.injured.is_none();
    if !anaphoric && precise(&from.location) < precise(&into.location) {
        into.location = from.location;
    }
    into.confidence = (into.confidence + 0.1).min(0.95);
}

/// How much a count says: nothing, "people were killed", or a number.
fn informative(count: Option<Count>) -> u8 {
    match count {
        None => 0,
        Some(Count {
            min: None,
            max: None,
        }) => 1,
        Some(_) => 2,
    }
}

fn rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unknown => 4,
    }
}

fn geo_rank(p: sitrep_model::GeoPrecision) -> u8 {
    use sitrep_model::GeoPrecision::*;
    match p {
        Point => 0,
        Town => 1,
        Region => 2,
        Country => 3,
        Unknown => 4,
    }
}
