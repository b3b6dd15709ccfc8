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
use sitrep_model::{AcledType, Count, DatePrecision, GeoPrecision, Location};

use crate::events::{fighting_kind, Candidate, Family};

const MERGE_KM: f64 = 50.0;

/// How many days a statement may come after the event it reports.
const STATEMENT_DAYS: i64 = 2;

/// Two towns this close are one site.
const SITE_KM: f64 = 5.0;

/// The smallest toll that identifies an incident on its own.
const SAME_TOLL_MIN: u32 = 3;

/// The smallest toll that identifies an incident whatever places the sentences name.
const BIG_TOLL_MIN: u32 = 10;

/// How many sentences after a report an undated report at its site repeats it.
const REPEAT_SENTENCES: usize = 5;

/// How many sentences after an incident its burning and looting are told.
const LOOTING_SENTENCES: usize = 3;

/// Merges candidates that report the same incident; keeps text order.
pub fn merge(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    inherit_remote_type(&mut candidates);
    inherit_protest_force(&mut candidates);
    let candidates = fold_summaries(fold_headlines(candidates));
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let target = out
            .iter()
            .rposition(|earlier| compatible(earlier, &candidate))
            .or_else(|| sole_referent(&out, &candidate));
        match target {
            Some(i) => absorb(&mut out[i], candidate),
            None => out.push(candidate),
        }
    }
    fold_parts(out)
}

/// Event types whose reports a coder counts as one gathering or one crowd:
/// demonstrations and riots.
fn crowd(c: &Candidate) -> bool {
    c.acled
        .is_some_and(|t| matches!(t.event_type(), "Protests" | "Riots"))
}

/// Whether an actor is an armed side (rebels, militias, state or foreign forces).
fn armed(m: &Option<ActorMention>) -> bool {
    m.as_ref()
        .and_then(|m| m.actor.kind.as_deref())
        .is_some_and(fighting_kind)
}

/// Where index `j` of a list is after the item at `removed` was taken out.
fn after_removal(j: usize, removed: usize) -> usize {
    if j > removed {
        j - 1
    } else {
        j
    }
}

/// Whether `a` comes before `b` in the text.
fn before(a: &Candidate, b: &Candidate) -> bool {
    (a.sentence, a.trigger.start) < (b.sentence, b.trigger.start)
}

/// Whether the firm dates of two candidates, where both have one, are one day.
fn days_agree(a: &Candidate, b: &Candidate) -> bool {
    !(firm_date(a) && firm_date(b) && a.date.value != b.date.value)
}

/// Two places in one first-level division (or either of them unknown).
fn same_division(a: &Candidate, b: &Candidate) -> bool {
    let (Some(x), Some(y)) = (a.location.as_ref(), b.location.as_ref()) else {
        return true;
    };
    let country = x.country.is_none() || y.country.is_none() || x.country == y.country;
    let admin1 = match (&x.admin1, &y.admin1) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    };
    country && admin1 && places_agree(Some(x), Some(y))
}

/// Folds into an earlier event the reports that ACLED codes as part of it,
/// not as events of their own:
/// - arrests told after a demonstration or riot in its place ("hundreds were
///   arrested"): the police's intervention in it; a peaceful protest becomes a
///   protest with intervention;
/// - fighters of an armed side arrested after a battle in its place ("two
///   wounded fighters were also arrested"): prisoners of the battle;
/// - people killed or wounded with no perpetrator named at the town of an
///   earlier demonstration or riot, on its day ("one protester was killed in
///   X"): its toll; a peaceful protest becomes force against protesters.
///
/// Arrests told before the protest ("after the arrest of the leader, his
/// supporters rioted") are what set it off, and stay.
fn fold_parts(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut i = 0;
    while i < candidates.len() {
        let c = &candidates[i];
        let whole = candidates.iter().enumerate().position(|(j, p)| {
            j != i
                && p.family() == Family::Physical
                && days_agree(p, c)
                && same_division(p, c)
                && ((before(p, c) && arrest_at(p, c)) || victims_at(p, c))
        });
        let Some(j) = whole else {
            i += 1;
            continue;
        };
        let c = candidates.remove(i);
        let p = &mut candidates[after_removal(j, i)];
        let peaceful = sub_event(p) == Some("Peaceful protest");
        if sub_event(&c) == Some("Arrests") {
            if informative(c.arrested) > informative(p.arrested) {
                p.arrested = c.arrested;
            }
            // Mass arrests are an intervention; one person "who was arrested" may
            // be what the protest is about.
            let mass = c.arrested.and_then(|a| a.min).is_some_and(|n| n >= 2);
            if peaceful && mass {
                p.acled = AcledType::from_sub_event("Protest with intervention").or(p.acled);
            }
        } else {
            if informative(c.killed) > informative(p.killed) {
                p.killed = c.killed;
                p.fatalities = c.fatalities;
            }
            if informative(c.injured) > informative(p.injured) {
                p.injured = c.injured;
            }
            if peaceful || sub_event(p) == Some("Protest with intervention") {
                p.acled =
                    AcledType::from_sub_event("Excessive force against protesters").or(p.acled);
            }
        }
        p.confidence = (p.confidence + 0.1).min(0.95);
    }
    candidates
}

/// Arrests with no one named as making them ("hundreds were arrested") at a
/// demonstration or riot, or of an armed side's fighters at a battle.
fn arrest_at(p: &Candidate, c: &Candidate) -> bool {
    if sub_event(c) != Some("Arrests") || c.actor1.is_some() {
        return false;
    }
    let battle = p.acled.is_some_and(|t| t.event_type() == "Battles");
    crowd(p) || (battle && armed(&c.actor2))
}

/// People killed or wounded, no perpetrator named and no fighters among them,
/// at the very town of a demonstration or riot on its day (told before or after it).
fn victims_at(p: &Candidate, c: &Candidate) -> bool {
    let same_day = match (p.date.value, c.date.value) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    crowd(p) && same_day && victims(c) && c.own_place && same_site(p, c)
}

/// A report of people killed or wounded by a generic verb, no perpetrator named,
/// no fighters among them ("two people were shot dead").
fn victims(c: &Candidate) -> bool {
    (c.killed.is_some() || c.injured.is_some())
        && !c.specific
        && c.actor1.is_none()
        && !armed(&c.actor2)
        && violent(c)
}

/// Drops the summaries of a document: an event placed only at a region or a
/// country ("bandits killed three people in Kaduna State", "thousands protested
/// in two regions") whose incident the document goes on to report at a town of
/// that region (or country), of a compatible type, on days that agree, with no more
/// victims than the summary gives. A summary of one such report is that report:
/// it fills the report's gaps (actors, toll, date). A summary of several adds up
/// incidents, and its toll stays a figure. So does a region-level report with no
/// toll beside a report of the same kind and region that gives one ("protests in
/// the region" … "dozens were killed in the region"). The sides must agree where
/// both reports name them. Summaries are read before the reports of one incident
/// are merged, so that a town report is not folded into the region's summary.
fn fold_summaries(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut i = 0;
    while i < candidates.len() {
        let s = &candidates[i];
        let parts: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|&(j, p)| j != i && summary_of(s, p))
            .map(|(j, _)| j)
            .collect();
        match parts.as_slice() {
            [] => i += 1,
            [j] => {
                let j = *j;
                let s = candidates.remove(i);
                let p = &mut candidates[after_removal(j, i)];
                fill_gaps(p, s);
            }
            parts => {
                // The lead dates the incidents it sums up that the body does not date.
                let parts = parts.to_vec();
                let s = candidates.remove(i);
                for j in parts {
                    let p = &mut candidates[after_removal(j, i)];
                    if better_date(p, &s) {
                        take_date(p, &s);
                    }
                }
            }
        }
    }
    candidates
}

/// Whether `s` sums up the incident `p` reports (see [`fold_summaries`]).
fn summary_of(s: &Candidate, p: &Candidate) -> bool {
    if s.family() != Family::Physical || p.family() != Family::Physical {
        return false;
    }
    if s.group.is_some() && s.group == p.group {
        return false;
    }
    // A definite mention with no facts of its own ("the air strike came after
    // talks in Ankara") refers back to the summary; it reports nothing new.
    if p.definite && p.killed.is_none() && p.injured.is_none() {
        return false;
    }
    let (Some(x), Some(y)) = (s.location.as_ref(), p.location.as_ref()) else {
        return false;
    };
    let coarse = matches!(x.precision, GeoPrecision::Region | GeoPrecision::Country);
    if !coarse || y.precision == GeoPrecision::Unknown || x.country != y.country {
        return false;
    }
    // A summary leads: it comes before the reports it sums up.
    if !before(s, p) {
        return false;
    }
    let finer = geo_rank(y.precision) < geo_rank(x.precision);
    let inside = x.precision == GeoPrecision::Country
        || (x.name.is_some() && (x.name == y.admin1 || x.name == y.admin2));
    // The same region: only a report with no toll beside one with a toll
    // ("protests in the region" … "police killed dozens there").
    let same_region = y.precision == x.precision
        && x.name.is_some()
        && x.name == y.name
        && s.killed.is_none()
        && p.killed.is_some();
    if !((finer && inside) || same_region) {
        return false;
    }
    // One event type, or kinds a generic verb may name either way (a summary's
    // "fighting" is not the "drone strike" of a report below it).
    // People taken away are no "fighting": an abduction sums up only abductions.
    let abduction = |c: &Candidate| sub_event(c) == Some("Abduction/forced disappearance");
    let kinds = s.acled.map(|t| t.event_type()) == p.acled.map(|t| t.event_type())
        || (violent(s)
            && violent(p)
            && (!s.specific || !p.specific)
            && abduction(s) == abduction(p))
        || (crowd(s) && crowd(p));
    if !kinds {
        return false;
    }
    // The crowd of a protest is the target of the force used on it.
    if !(sides_agree(s, p) || (crowd(s) && crowd(p))) {
        return false;
    }
    // Firm dates agree to the day (a statement's date only roughly); others
    // within the span of their precision.
    let days = match (s.date.value, p.date.value) {
        (Some(a), Some(b)) => {
            let limit = if firm_date(s) && firm_date(p) {
                0
            } else if s.date_in_sentence && p.date_in_sentence {
                STATEMENT_DAYS
            } else {
                span_days(s.date.precision) + span_days(p.date.precision)
            };
            (a - b).num_days().abs() <= limit
        }
        _ => true,
    };
    let toll = match (s.killed.and_then(|k| k.min), p.killed.and_then(|k| k.min)) {
        (Some(a), Some(b)) => a >= b,
        _ => true,
    };
    days && toll
}

/// How many days a date of this precision may lie from the day it stands for.
fn span_days(p: DatePrecision) -> i64 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 6,
        DatePrecision::Month => 30,
        DatePrecision::Year => 365,
        DatePrecision::Unknown => 0,
    }
}

/// Whether two actors may be one side: the same country where both have one,
/// and kinds that agree.
fn same_side(x: &Option<ActorMention>, y: &Option<ActorMention>) -> bool {
    match (x, y) {
        (Some(x), Some(y)) => match (&x.actor.country, &y.actor.country) {
            (Some(cx), Some(cy)) => cx == cy && kinds_agree(x, y),
            _ => kinds_agree(x, y),
        },
        _ => true,
    }
}

/// Whether two physical reports may name the same sides, either way round
/// (fighting is symmetric).
fn sides_agree(a: &Candidate, b: &Candidate) -> bool {
    (same_side(&a.actor1, &b.actor1) && same_side(&a.actor2, &b.actor2))
        || (same_side(&a.actor1, &b.actor2) && same_side(&a.actor2, &b.actor1))
}

/// Gives `into` what the summary `from` knows and it lacks: actors, counts, a
/// date read from the text.
fn fill_gaps(into: &mut Candidate, from: Candidate) {
    if better_date(into, &from) {
        take_date(into, &from);
    }

    into.actor1 = into.actor1.take().or(from.actor1);
    into.actor2 = into.actor2.take().or(from.actor2);
    if into.killed.is_none() {
        into.killed = from.killed;
        into.fatalities = from.fatalities;
    }
    if into.injured.is_none() {
        into.injured = from.injured;
    }
    into.attribution = into.attribution.take().or(from.attribution);
    into.confidence = (into.confidence + 0.1).min(0.95);
}

/// Whether `from` is dated better than `into`: read from its own sentence, not
/// as a statement's date, or as precisely at a finer precision.
fn better_date(into: &Candidate, from: &Candidate) -> bool {
    let strength = |c: &Candidate| u8::from(c.date_in_sentence) + u8::from(firm_date(c));
    strength(from) > strength(into)
        || (strength(from) == strength(into)
            && from.date_in_sentence
            && rank(from.date.precision) < rank(into.date.precision))
}

fn take_date(into: &mut Candidate, from: &Candidate) {
    into.date = from.date.clone();
    into.date_in_sentence = true;
    into.date_reporting = from.date_reporting;
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
                let into = &mut candidates[after_removal(j, i)];
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
    let repeat = undated_repeat(a, b);
    let crowd_repeat =
        repeat && crowd(a) && a.acled.map(|t| t.event_type()) == b.acled.map(|t| t.event_type());
    let goes_on = demonstration_goes_on(a, b);
    if !types_agree(a, b) && !toll_types && !crowd_repeat && !goes_on {
        return false;
    }
    if firm_date(a) && firm_date(b) && a.date.value != b.date.value {
        return false;
    }
    // Two towns are two incidents, unless a toll of ten or more says they are one
    // ("a massacre near the capital left 70 dead" … "killing 70 in Saint-Marc").
    if distinct_towns(a, b) && !(same_toll && big_toll) {
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
    let same_actor = same_side;
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
        || repeat
        || goes_on
}

/// The one incident told before that a report refers back to ([`told_again`]):
/// only when the document has told of one harmful incident so far (in a round-up
/// of several, "the attack" may be any of them).
fn sole_referent(out: &[Candidate], b: &Candidate) -> Option<usize> {
    let mut harmful_before = out
        .iter()
        .enumerate()
        .filter(|(_, e)| e.family() == Family::Physical && harmful(e) && before(e, b));
    match (harmful_before.next(), harmful_before.next()) {
        (Some((i, e)), None) if told_again(e, b) => Some(i),
        _ => None,
    }
}

/// A later report that refers back to an incident told before ("the death toll
/// from the bombing rose to 11", "17 people died in the raid", "Sunday's attack")
/// and gives no other day, nor a place of its own away from it: the same incident
/// told again, however its toll or its type differ (a later toll is an update; a
/// generic verb's type depends on the actors its sentence names). The first
/// report's facts stay. A demonstration or riot that refers back to violence ("the
/// killing set off protests") is a new event.
fn told_again(a: &Candidate, b: &Candidate) -> bool {
    // An anaphoric trigger ("the fighting", "the raid") repeats an incident of a
    // type it may name: the same type, or either read from a generic word.
    let anaphoric = b.definite
        && (a.acled.map(|t| t.event_type()) == b.acled.map(|t| t.event_type())
            || !a.specific
            || !b.specific);
    (b.refers_back || anaphoric)
        && a.family() == Family::Physical
        && b.family() == Family::Physical
        && harmful(a)
        && harmful(b)
        && (crowd(a) || !crowd(b) || !b.specific)
        && before(a, b)
        && days_agree(a, b)
        && (!b.own_place || places_agree(a.location.as_ref(), b.location.as_ref()))
}

/// A later report of a demonstration that names no place and gives no date of its
/// own ("Marchers carried placards", "Police fired tear gas at the crowd") tells
/// more of the demonstration reported before it at the place it is read at, however
/// many sentences lie between: ACLED codes one demonstration per place and day,
/// typed by the most severe treatment told ([`protest_severity`]).
fn demonstration_goes_on(a: &Candidate, b: &Candidate) -> bool {
    protest_severity(a).is_some()
        && protest_severity(b).is_some()
        && !b.own_place
        && !firm_date(b)
        && before(a, b)
}

/// How severely a demonstration was treated: peaceful, broken up, fired on (None
/// for anything else).
fn protest_severity(c: &Candidate) -> Option<u8> {
    match sub_event(c)? {
        "Peaceful protest" => Some(0),
        "Protest with intervention" => Some(1),
        "Excessive force against protesters" => Some(2),
        _ => None,
    }
}

/// A report with no date of its own, placed by its own sentence at the site of an
/// earlier report also placed by its sentence, a few sentences before: ACLED codes one
/// event per type, place and day, and an undated report is told of the story's day
/// ("Protests were held in A and B on Friday. In B, demonstrators burned tyres.").
/// Two riots, or two protests, of different sub-event types at the site are one too.
fn undated_repeat(a: &Candidate, b: &Candidate) -> bool {
    !b.date_in_sentence
        && a.own_place
        && b.own_place
        && b.sentence > a.sentence
        && b.sentence <= a.sentence + REPEAT_SENTENCES
        && same_site(a, b)
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

/// Two reports each placed by its own sentence at a different town (not one
/// site): ACLED codes one event per place, so they are two incidents however
/// close the towns lie ("two were killed in A" … "three were wounded in B").
/// A definite mention ("the attack … in B") refers back, and may place it better.
fn distinct_towns(a: &Candidate, b: &Candidate) -> bool {
    let town = |c: &Candidate| {
        c.own_place
            && c.location
                .as_ref()
                .is_some_and(|l| matches!(l.precision, GeoPrecision::Town | GeoPrecision::Point))
    };
    !b.definite && town(a) && town(b) && !same_site(a, b)
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
    let better_date = better_date(into, &from);
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
    // Victims with no perpetrator named, told of a peaceful protest's town and
    // day: force against the protest.
    if matches!(
        sub_event(into),
        Some("Peaceful protest" | "Protest with intervention")
    ) && victims(&from)
    {
        into.acled = AcledType::from_sub_event("Excessive force against protesters").or(into.acled);
    }
    // One demonstration told twice: the most severe treatment told types it (force
    // against it only with people killed or wounded).
    let harmed = from.killed.is_some() || from.injured.is_some();
    if protest_severity(into).is_some()
        && protest_severity(&from) > protest_severity(into)
        && (protest_severity(&from) < Some(2) || harmed)
    {
        into.acled = from.acled;
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
    // A report that refers back with no place of its own is placed by guess.
    let guessed = (from.refers_back || from.definite) && !from.own_place;
    if !anaphoric && !guessed && precise(&from.location) < precise(&into.location) {
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
