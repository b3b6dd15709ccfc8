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
//!
//! Three signals weigh more than the rest. A headline that names one incident
//! ("Gunmen kill five in market attack") sums up what the body reports again:
//! it folds into the body's first event of the same family, preferring the same
//! sub-event type, and the body's facts win. The date of a statement ("police
//! said on Thursday") dates an event only weakly, so it never keeps two reports
//! apart. And the same toll of three or more people ("ten killed" … "ten died")
//! joins two reports whose actors the sentences name differently.
//!
//! ACLED's unit is one event per type, place, day and actors: two reports of one
//! type dated and placed at one town on days that agree are one incident.

use sitrep_lexicon::actors::ActorMention;
use sitrep_model::{Count, DatePrecision, GeoPrecision, Location};

use crate::events::{Candidate, Family};

const MERGE_KM: f64 = 50.0;

/// How many days a statement may come after the event it reports.
const STATEMENT_DAYS: i64 = 2;

/// Two towns this close are one site.
const SITE_KM: f64 = 5.0;

/// The smallest toll that identifies an incident on its own.
const SAME_TOLL_MIN: u32 = 3;

/// The smallest toll that identifies an incident whatever places the sentences name.
const BIG_TOLL_MIN: u32 = 10;

/// How many sentences after an incident its burning and looting are told.
const LOOTING_SENTENCES: usize = 3;

/// Merges candidates that report the same incident; keeps text order.
pub fn merge(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    inherit_remote_type(&mut candidates);
    inherit_protest_force(&mut candidates);
    let candidates = fold_headlines(candidates);
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

/// In a report whose specific violent triggers all name one kind of remote
/// violence ("shelling", "air strikes"), a victim sentence with no perpetrator
/// ("two people were killed in the village") reports that violence too: an
/// attack read from a generic verb with no actor1 takes the report's type.
/// (Territorial events do not count: "retook the town" stands beside shelling.)
fn inherit_remote_type(candidates: &mut [Candidate]) {
    let mut remote = None;
    for c in candidates
        .iter()
        .filter(|c| c.specific && c.family() == Family::Physical)
    {
        let Some(t) = c.acled else { continue };
        let kind = t.event_type();
        if kind == "Explosions/Remote violence" && remote.is_none_or(|r| r == t) {
            remote = Some(t);
        } else if kind == "Violence against civilians"
            || kind == "Explosions/Remote violence"
            || t.sub_event_type() == "Armed clash"
        {
            return;
        }
    }
    let Some(remote) = remote else { return };
    for c in candidates.iter_mut() {
        if unattributed_attack(c) {
            c.acled = Some(remote);
        }
    }
}

/// An attack read from a generic verb with no perpetrator named ("two people were
/// killed in the village"): its type is whatever violence the report is about.
fn unattributed_attack(c: &Candidate) -> bool {
    !c.specific && c.actor1.is_none() && sub_event(c) == Some("Attack")
}

/// The candidate's ACLED sub-event type.
fn sub_event(c: &Candidate) -> Option<&'static str> {
    c.acled.map(|t| t.sub_event_type())
}

/// In a report whose violence is all security forces firing on protesters, a
/// victim sentence with no perpetrator ("dozens were killed in the east") reports
/// that violence too: a generic attack with no actor1 becomes excessive force
/// against protesters. Totals (aggregate candidates) and protests do not count;
/// any other violence (a clash, a bombing, a riot) leaves the attacks as they are.
fn inherit_protest_force(candidates: &mut [Candidate]) {
    const FORCE: &str = "Excessive force against protesters";
    let mut force = None;
    for c in candidates
        .iter()
        .filter(|c| !c.aggregate && c.family() == Family::Physical)
    {
        let Some(t) = c.acled else { continue };
        match t.sub_event_type() {
            FORCE => force = Some(t),
            "Peaceful protest" | "Protest with intervention" => {}
            _ if unattributed_attack(c) => {}
            _ => return,
        }
    }
    let Some(force) = force else { return };
    for c in candidates.iter_mut() {
        if unattributed_attack(c) {
            c.acled = Some(force);
        }
    }
}

/// Folds each single-incident headline candidate into the nearest body
/// candidate of a compatible type (the same sub-event type if there is one):
/// the body's facts win; the headline fills gaps in the actors and gives its
/// type to a body event read from a generic verb. A headline with no such body
/// candidate stays.
fn fold_headlines(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut i = 0;
    while i < candidates.len() {
        let h = &candidates[i];
        if !h.headline || h.family() == Family::Verbal {
            i += 1;
            continue;
        }
        let nearest = |same_sub: bool| {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.headline && c.family() == h.family() && types_agree(h, c))
                .filter(|(_, c)| !same_sub || c.acled == h.acled)
                .min_by_key(|(_, c)| (c.sentence.abs_diff(h.sentence), c.sentence < h.sentence))
                .map(|(j, _)| j)
        };
        match nearest(true).or_else(|| nearest(false)) {
            Some(j) => {
                let mut h = candidates.remove(i);
                let into = &mut candidates[if j > i { j - 1 } else { j }];
                take_type_and_actors(into, &mut h);
                into.confidence = (into.confidence + 0.1).min(0.95);
            }
            None => i += 1,
        }
    }
    candidates
}

/// A date read from the sentence that is not a statement's date.
fn firm_date(c: &Candidate) -> bool {
    c.date_in_sentence && !c.date_reporting
}

/// Whether two candidates' types may name one incident: equal, or both violent
/// with at least one read from a generic verb ("killed", "attacked"), whose
/// type depends on the actors its sentence happens to name.
fn types_agree(a: &Candidate, b: &Candidate) -> bool {
    let either_generic = !a.specific || !b.specific;
    a.acled == b.acled || (violent(a) && violent(b) && either_generic)
}

/// Types a generic verb ("killed", "attacked") takes from the actors the sentence
/// happens to name: remote violence, violence against civilians, armed clashes.
fn violent(c: &Candidate) -> bool {
    c.acled.is_some_and(|t| {
        matches!(
            t.event_type(),
            "Explosions/Remote violence" | "Violence against civilians"
        ) || t.sub_event_type() == "Armed clash"
    })
}

/// Crowd violence read from a generic verb ("97 died when police fired" …
/// "police killed 97 protesters"): its type too depends on the actors named.
fn crowd_or_violent(c: &Candidate) -> bool {
    !c.specific
        && (violent(c)
            || matches!(
                sub_event(c),
                Some(
                    "Excessive force against protesters" | "Mob violence" | "Violent demonstration"
                )
            ))
}

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    if a.group.is_some() && a.group == b.group {
        return false;
    }
    if part_of(a, b) {
        return true;
    }
    if a.family() != b.family() {
        return false;
    }
    if a.family() == Family::Verbal && a.plover != b.plover {
        return false;
    }
    // The same toll of three or more people is the same incident, however each
    // sentence names the sides (and so types a generic verb).
    // A report with no date of its own does not join a firmly dated one on its
    // toll alone ("two soldiers were killed" recurs).
    let toll = a.killed.and_then(|k| k.min).unwrap_or(0);
    // A toll of ten or more identifies the incident even where the geocoder
    // read the two sentences' places differently.
    let big_toll = toll >= BIG_TOLL_MIN;
    let same_toll = a.family() == Family::Physical
        && toll >= SAME_TOLL_MIN
        && a.killed == b.killed
        && (a.date_in_sentence || !firm_date(b))
        && (b.date_in_sentence || !firm_date(a))
        && (big_toll || places_agree(a.location.as_ref(), b.location.as_ref()));
    let toll_types = same_toll
        && ((crowd_or_violent(a) && crowd_or_violent(b)) || (big_toll && harmful(a) && harmful(b)));
    if !types_agree(a, b) && !toll_types {
        return false;
    }
    if firm_date(a) && firm_date(b) && a.date.value != b.date.value {
        return false;
    }
    if !counts_agree(a.killed, b.killed) || !counts_agree(a.injured, b.injured) {
        return false;
    }
    if same_toll {
        return true;
    }
    // Two generic physical events with their own different facts stay apart
    // unless the later one refers back ("the attack").
    let same_actor = |x: &Option<sitrep_lexicon::actors::ActorMention>,
                      y: &Option<sitrep_lexicon::actors::ActorMention>| {
        match (x, y) {
            (Some(x), Some(y)) => match (&x.actor.country, &y.actor.country) {
                (Some(cx), Some(cy)) => cx == cy && kinds_agree(x, y),
                _ => kinds_agree(x, y),
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
    // A lead that places its incident only in a country ("rebels recaptured a
    // village in the west of the country") is told again, placed, further down.
    let vague_lead = b.specific
        && a.acled == b.acled
        && a.killed.is_none()
        && a.location
            .as_ref()
            .is_none_or(|l| l.precision == GeoPrecision::Country)
        && b.location
            .as_ref()
            .is_some_and(|l| l.precision != GeoPrecision::Country);
    b.definite
        || nothing_new
        || repeats_count
        || vague_lead
        || (b.sentence <= a.sentence + 3 && !b.specific)
        || same_report(a, b)
}

/// Two reports of one type, each dated by its own sentence and placed by it (or
/// both read from a specific trigger: "retook the village"), at one place
/// ([`same_site`]) on days at most two apart (a statement's date, which is not the
/// event's, is the only way they differ): one incident told twice ("troops
/// recaptured the village, the ministry said on Sunday" … "they retook it on
/// Saturday"). A sentence with no place or date of its own may be about anything,
/// and an event a week before a statement is another one.
fn same_report(a: &Candidate, b: &Candidate) -> bool {
    let close = match (a.date.value, b.date.value) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= STATEMENT_DAYS,
        _ => false,
    };
    a.acled == b.acled
        && ((a.own_place && b.own_place) || (a.specific && b.specific))
        && a.date_in_sentence
        && b.date_in_sentence
        && close
        && same_site(a, b)
}

/// Whether two candidates are placed at one town by name (or at a town and the
/// district of its name), or at two towns within a few kilometres: ACLED's unit is one event per type, place, day and actors, so two
/// reports of one type at one town on compatible days are one incident ("troops
/// recaptured the village" … "they retook it on Saturday").
fn same_site(a: &Candidate, b: &Candidate) -> bool {
    fn placed(c: &Candidate) -> Option<&Location> {
        c.location
            .as_ref()
            .filter(|l| !matches!(l.precision, GeoPrecision::Country | GeoPrecision::Unknown))
    }
    let (Some(x), Some(y)) = (placed(a), placed(b)) else {
        return false;
    };
    let town = |l: &Location| matches!(l.precision, GeoPrecision::Town | GeoPrecision::Point);
    let point = |l: &Location| l.lat.zip(l.lon);
    // A city and the district of the same name are one place; a town and the
    // region around it are not, nor two reports placed only in one region (the
    // gazetteer may not know their towns).
    (x.name.is_some() && x.name == y.name && (town(x) || town(y)))
        || (town(x)
            && town(y)
            && point(x)
                .zip(point(y))
                .is_some_and(|(p, q)| km(p, q) <= SITE_KM))
}

/// Whether two actors may be the same side: the same kind, one kind unknown, or
/// both unnamed non-state armed men ("insurgents" and "the terrorists" of one
/// report; a named group is not any group).
fn kinds_agree(x: &ActorMention, y: &ActorMention) -> bool {
    let (kx, ky) = (x.actor.kind.as_deref(), y.actor.kind.as_deref());
    let unnamed_armed = |m: &ActorMention| {
        m.needs_country() && matches!(m.actor.kind.as_deref(), Some("rebels" | "militia"))
    };
    kx == ky || kx.is_none() || ky.is_none() || (unnamed_armed(x) && unnamed_armed(y))
}

/// Whether `b` reports a part of the incident `a` reports, not an incident of its
/// own (ACLED codes the whole as one event):
/// - burning and looting told within three sentences after an attack, a battle,
///   a riot or a seizure at the same place ("They ransacked the base and torched
///   it"): part of that event;
/// - the fighting named in the sentence that reports a seizure ("took the town
///   after a long gunfight"): part of the territorial event.
fn part_of(a: &Candidate, b: &Candidate) -> bool {
    let places = places_agree(a.location.as_ref(), b.location.as_ref());
    let dates = !(firm_date(a) && firm_date(b) && a.date.value != b.date.value);
    if !(places && dates && b.sentence >= a.sentence) {
        return false;
    }
    if looting(b) && !looting(a) && a.family() == Family::Physical {
        let peaceful = sub_event(a).is_some_and(|s| s.contains("protest"));
        return !peaceful && b.sentence <= a.sentence + LOOTING_SENTENCES;
    }
    let clash_and_seizure =
        |x: &Candidate, y: &Candidate| territorial(x) && sub_event(y) == Some("Armed clash");
    a.sentence == b.sentence && (clash_and_seizure(a, b) || clash_and_seizure(b, a))
}

/// Burning, looting or other destruction of property.
fn looting(c: &Candidate) -> bool {
    sub_event(c) == Some("Looting/property destruction")
}

/// A change of territory ("Government regains territory", "Non-state actor
/// overtakes territory", …).
fn territorial(c: &Candidate) -> bool {
    sub_event(c).is_some_and(|s| s.contains("territory"))
}

/// Harm to people of any kind (fighting, remote violence, violence against
/// civilians, riots, force against protesters): what a toll can be the toll of.
fn harmful(c: &Candidate) -> bool {
    c.acled.is_some_and(|t| {
        matches!(
            t.event_type(),
            "Battles" | "Explosions/Remote violence" | "Violence against civilians" | "Riots"
        ) || t.sub_event_type() == "Excessive force against protesters"
    })
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

/// Gives `into` the type of `from` when only `from`'s is specific, and the actors
/// `into` lacks.
fn take_type_and_actors(into: &mut Candidate, from: &mut Candidate) {
    if !into.specific && from.specific {
        into.acled = from.acled;
        into.specific = true;
        into.plover = std::mem::take(&mut from.plover);
        into.mode = from.mode.take();
        into.cameo = from.cameo.take();
    }
    into.actor1 = into.actor1.take().or(from.actor1.take());
    into.actor2 = into.actor2.take().or(from.actor2.take());
}

fn absorb(into: &mut Candidate, mut from: Candidate) {
    let strength = |c: &Candidate| u8::from(c.date_in_sentence) + u8::from(firm_date(c));
    let better_date = strength(&from) > strength(into)
        || (strength(&from) == strength(into)
            && from.date_in_sentence
            && rank(from.date.precision) < rank(into.date.precision));
    if territorial(&from) && !territorial(into) {
        into.acled = from.acled;
        into.specific = true;
    }
    // A report with a toll of its own that says where it happened makes a total
    // an incident; a mention with no toll does not.
    into.aggregate &= from.aggregate || from.killed.is_none();
    // Burning and looting told after an attack are part of it: no new type.
    if looting(&from) && !looting(into) {
        from.specific = false;
    }
    take_type_and_actors(into, &mut from);
    into.civilian_victims |= from.civilian_victims;
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
    if better_date {
        into.date = from.date;
        into.date_in_sentence = true;
        into.date_reporting = from.date_reporting;
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
