//! Cross-document deduplication: events from many articles → incidents.
//!
//! Five outlets report the same strike; an analyst wants one event with five
//! sources. In: events (each from one document). Out: [`Incident`]s, each a
//! merged [`Event`] plus every source event, so no evidence is lost. Pure: no
//! IO, never fails.
//!
//! # The rule
//!
//! Two events from **different documents** report the same incident when all hold:
//! 1. the same ACLED **sub-event type** (events without one are never merged);
//! 2. both dates are known to the **day** and lie **at most one day** apart
//!    (time zones and "late Thursday" against "before dawn on Friday");
//! 3. the places lie **within 25 km** (great-circle distance between the
//!    geocoded points); without coordinates on both sides, the same place name
//!    in the same country;
//! 4. the **actors are compatible**: nothing contradicts, i.e. no pair of known
//!    names, CAMEO codes, countries or kinds differs (actor 1 and 2 may be
//!    swapped, since "A clashed with B" and "B clashed with A" are the same);
//! 5. the **killed counts are compatible**: the larger lower bound is at most
//!    three times the smaller upper bound plus ten (tolls rise as bodies are
//!    found: 9 against 16 is one incident, 2 against 45 is not).
//!
//! An event joins the incident all of whose sources it matches, the nearest in
//! space and time if several do, and an incident never holds two events of one
//! document (the pipeline already merged those).
//!
//! The merged event takes its location and evidence from the most precise
//! source, the earliest date, every source's count as one range (`killed` runs
//! from the lowest to the highest report, so disagreement stays visible), and
//! **`fatalities` = the lowest reported killed count**, as ACLED codes it.
//!
//! ```
//! use sitrep_dedup::deduplicate;
//! let incidents = deduplicate(Vec::new());
//! assert!(incidents.is_empty());
//! ```

use std::collections::HashMap;

use sitrep_model::{Actor, Count, DatePrecision, Event, GeoPrecision};

/// Days two reports of one incident may differ by.
pub const MAX_DAYS: i64 = 1;
/// Kilometres two reports of one incident may place it apart.
pub const MAX_KM: f64 = 25.0;

/// One real-world incident: the merged event and every report of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    /// The merged event (id of the first source).
    pub event: Event,
    /// Every source event, in input order.
    pub sources: Vec<Event>,
}

/// Groups events into incidents, in input order (the first report founds the incident).
pub fn deduplicate(events: Vec<Event>) -> Vec<Incident> {
    let mut groups: Vec<Vec<Event>> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for event in events {
        let Some(key) = key(&event) else {
            groups.push(vec![event]);
            continue;
        };
        let indices = by_key.entry(key).or_default();
        let candidates: Vec<&[Event]> = indices.iter().map(|&i| groups[i].as_slice()).collect();
        match pick(&event, &candidates) {
            Some(found) => groups[indices[found]].push(event),
            None => {
                indices.push(groups.len());
                groups.push(vec![event]);
            }
        }
    }
    groups
        .into_iter()
        .map(|sources| Incident {
            event: merge(&sources),
            sources,
        })
        .collect()
}

/// The bucket an event can only be merged within: its ACLED sub-event type.
pub fn key(event: &Event) -> Option<String> {
    let acled = event.acled.as_ref()?;
    let sub = acled.sub_event_type.trim();
    (!sub.is_empty()).then(|| sub.to_lowercase())
}

/// Which of the candidate incidents (each given by its sources) `event` reports too.
pub fn pick(event: &Event, candidates: &[&[Event]]) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .filter(|(_, sources)| {
            !sources.is_empty() && sources.iter().all(|source| same_incident(event, source))
        })
        .map(|(index, sources)| {
            let nearest = sources
                .iter()
                .map(|source| closeness(event, source))
                .fold(f64::INFINITY, f64::min);
            (index, nearest)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// Whether two events from different documents report the same incident (see the crate docs).
pub fn same_incident(a: &Event, b: &Event) -> bool {
    a.doc_id != b.doc_id
        && key(a).is_some()
        && key(a) == key(b)
        && day_gap(a, b).is_some_and(|gap| gap <= MAX_DAYS)
        && same_place(a, b)
        && actors_compatible(a, b)
        && counts_compatible(a.killed, b.killed)
}

/// The merged event of an incident's sources (see the crate docs). Empty input gives a default event.
pub fn merge(sources: &[Event]) -> Event {
    let Some(first) = sources.first() else {
        return Event::default();
    };
    // `max_by` keeps the last of equals: reversed, the earliest source wins ties.
    let best = sources
        .iter()
        .rev()
        .max_by(|a, b| detail(a).total_cmp(&detail(b)))
        .unwrap_or(first);
    let mut merged = best.clone();
    merged.id.clone_from(&first.id);
    if let Some(earliest) = sources
        .iter()
        .filter(|s| s.date.precision == DatePrecision::Day && s.date.value.is_some())
        .min_by_key(|s| s.date.value)
    {
        merged.date = earliest.date.clone();
    }
    merged.killed = span(sources.iter().map(|s| s.killed));
    merged.injured = span(sources.iter().map(|s| s.injured));
    merged.arrested = span(sources.iter().map(|s| s.arrested));
    merged.abducted = span(sources.iter().map(|s| s.abducted));
    merged.fatalities = sources
        .iter()
        .filter_map(|s| s.killed.map(Count::acled_value))
        .min()
        .unwrap_or(0);
    merged.actor1 = best_actor(sources.iter().map(|s| &s.actor1));
    merged.actor2 = best_actor(sources.iter().map(|s| &s.actor2));
    merged.confidence = sources.iter().map(|s| s.confidence).fold(0.0, f32::max);
    merged
}

/// How much a source pins down: finer places and dates, then confidence.
fn detail(event: &Event) -> f64 {
    let place = match event.location.as_ref().map(|l| l.precision) {
        Some(GeoPrecision::Point) => 4.0,
        Some(GeoPrecision::Town) => 3.0,
        Some(GeoPrecision::Region) => 2.0,
        Some(GeoPrecision::Country) => 1.0,
        _ => 0.0,
    };
    let date = if event.date.precision == DatePrecision::Day {
        1.0
    } else {
        0.0
    };
    place * 10.0 + date * 5.0 + f64::from(event.confidence)
}

/// The range covering every reported count; `None` when no source reports one.
fn span(counts: impl Iterator<Item = Option<Count>>) -> Option<Count> {
    let reported: Vec<Count> = counts.flatten().collect();
    if reported.is_empty() {
        return None;
    }
    let min = reported.iter().filter_map(|c| c.min).min();
    let max = if reported.iter().all(|c| c.max.is_some()) {
        reported.iter().filter_map(|c| c.max).max()
    } else {
        None
    };
    Some(Count::range(min, max))
}

/// The first actor with a normalised name, else the first one at all.
fn best_actor<'a>(actors: impl Iterator<Item = &'a Option<Actor>>) -> Option<Actor> {
    let actors: Vec<&Actor> = actors.flatten().collect();
    actors
        .iter()
        .find(|a| a.name.is_some())
        .or(actors.first())
        .map(|a| (*a).clone())
}

fn day_gap(a: &Event, b: &Event) -> Option<i64> {
    if a.date.precision != DatePrecision::Day || b.date.precision != DatePrecision::Day {
        return None;
    }
    Some((a.date.value? - b.date.value?).num_days().abs())
}

/// Kilometres between two events' points, when both are geocoded.
fn distance_km(a: &Event, b: &Event) -> Option<f64> {
    let (la, lb) = (a.location.as_ref()?, b.location.as_ref()?);
    Some(haversine_km(la.lat?, la.lon?, lb.lat?, lb.lon?))
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = (lat2 - lat1).to_radians();
    let dlambda = (lon2 - lon1).to_radians();
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

fn same_place(a: &Event, b: &Event) -> bool {
    if let Some(km) = distance_km(a, b) {
        return km <= MAX_KM;
    }
    let (Some(la), Some(lb)) = (a.location.as_ref(), b.location.as_ref()) else {
        return false;
    };
    let name = |l: &sitrep_model::Location| {
        l.name
            .as_deref()
            .or(l.text.as_deref())
            .map(|n| n.trim().to_lowercase())
    };
    let same_country = match (&la.country, &lb.country) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    };
    same_country && name(la).is_some() && name(la) == name(lb)
}

/// Whether two mentions of actors contradict each other (either missing never does).
fn actor_compatible(a: Option<&Actor>, b: Option<&Actor>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let differ = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => !x.trim().eq_ignore_ascii_case(y.trim()),
        _ => false,
    };
    !(differ(&a.name, &b.name)
        || differ(&a.code, &b.code)
        || differ(&a.country, &b.country)
        || differ(&a.kind, &b.kind))
}

fn actors_compatible(a: &Event, b: &Event) -> bool {
    let straight = actor_compatible(a.actor1.as_ref(), b.actor1.as_ref())
        && actor_compatible(a.actor2.as_ref(), b.actor2.as_ref());
    let swapped = actor_compatible(a.actor1.as_ref(), b.actor2.as_ref())
        && actor_compatible(a.actor2.as_ref(), b.actor1.as_ref());
    straight || swapped
}

/// Whether two killed counts could describe the same deaths (see the crate docs).
fn counts_compatible(a: Option<Count>, b: Option<Count>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let (low, other) = if a.min.unwrap_or(0) >= b.min.unwrap_or(0) {
        (a.min.unwrap_or(0), b)
    } else {
        (b.min.unwrap_or(0), a)
    };
    match other.max {
        Some(high) => u64::from(low) <= 3 * u64::from(high) + 10,
        None => true,
    }
}

/// Lower is closer: kilometres plus ten per day apart.
fn closeness(a: &Event, b: &Event) -> f64 {
    distance_km(a, b).unwrap_or(0.0) + 10.0 * day_gap(a, b).unwrap_or(0) as f64
}

#[cfg(test)]
mod tests;
