//! One-line descriptions of predicted events and short names of ACLED sub-event types,
//! shared by the evaluations' tables and miss lists.

use sitrep_model::{Event, ACLED_SUB_EVENT_TYPES};

use crate::render::{or_dash, shorten};

/// Short column names of the 25 ACLED sub-event types, in codebook order.
const SHORT_NAMES: [&str; 25] = [
    "clash",
    "gov-regains",
    "nsa-overtakes",
    "chemical",
    "air/drone",
    "suicide",
    "shelling",
    "ied",
    "grenade",
    "sexual",
    "attack",
    "abduction",
    "peaceful",
    "prot-interv",
    "excess-force",
    "violent-demo",
    "mob",
    "agreement",
    "arrests",
    "change",
    "disrupted",
    "hq-base",
    "looting",
    "transfer",
    "other",
];

/// Label used when no event was predicted.
pub const NONE: &str = "(none)";

/// A short name for an ACLED sub-event type ("Air/drone strike" → "air/drone"); other
/// labels are returned unchanged.
pub fn short_sub_event(name: &str) -> &str {
    ACLED_SUB_EVENT_TYPES
        .iter()
        .position(|(_, sub)| *sub == name)
        .map_or(name, |i| SHORT_NAMES[i])
}

/// Sort key putting sub-event types in codebook order, other labels after them.
pub fn sub_event_rank(name: &str) -> (usize, String) {
    let rank = ACLED_SUB_EVENT_TYPES
        .iter()
        .position(|(_, sub)| *sub == name)
        .unwrap_or(ACLED_SUB_EVENT_TYPES.len());
    (rank, name.to_string())
}

/// The legend of the short names, for reports.
pub fn short_name_legend() -> String {
    ACLED_SUB_EVENT_TYPES
        .iter()
        .zip(SHORT_NAMES)
        .map(|((_, sub), short)| format!("{short} = {sub}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The event's ACLED sub-event type, if it has one.
pub fn sub_event(event: &Event) -> Option<&str> {
    event.acled.as_ref().map(|a| a.sub_event_type.as_str())
}

/// The event's ACLED event type, if it has one.
pub fn event_type(event: &Event) -> Option<&str> {
    event.acled.as_ref().map(|a| a.event_type.as_str())
}

/// The first event with an ACLED type by evidence position (ties keep pipeline order).
pub fn primary_event(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.acled.is_some())
        .min_by_key(|(i, e)| (e.evidence.start, *i))
        .map(|(_, e)| e)
}

/// The actor as `name [ISO3]`, falling back to its text.
pub fn actor(actor: Option<&sitrep_model::Actor>) -> String {
    match actor {
        None => "-".to_string(),
        Some(a) => {
            let name = a.name.clone().unwrap_or_else(|| format!("\"{}\"", a.text));
            match &a.country {
                Some(c) => format!("{name} [{c}]"),
                None => name,
            }
        }
    }
}

/// The location as `name (lat, lon)`.
pub fn location(event: &Event) -> String {
    match &event.location {
        None => "-".to_string(),
        Some(l) => {
            let name = l
                .name
                .clone()
                .or_else(|| l.text.clone())
                .unwrap_or_default();
            match (l.lat, l.lon) {
                (Some(lat), Some(lon)) => format!("{name} ({lat:.2}, {lon:.2})"),
                _ => format!("{name} (no coordinates)"),
            }
        }
    }
}

/// The date as `2022-01-09 day`.
pub fn date(event: &Event) -> String {
    let precision = serde_json::to_value(event.date.precision)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let text = event
        .date
        .text
        .as_deref()
        .map(|t| format!(" \"{t}\""))
        .unwrap_or_default();
    format!("{} {precision}{text}", or_dash(event.date.value))
}

/// A count as `3`, `3-5`, `3+` or `-`.
pub fn count(count: Option<sitrep_model::Count>) -> String {
    match count {
        None => "-".to_string(),
        Some(c) => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => "?".to_string(),
        },
    }
}

/// The trigger and evidence lines shown under a predicted event.
pub fn evidence(event: &Event, width: usize) -> String {
    let trigger = event
        .trigger
        .as_deref()
        .map(|t| format!("trigger \"{t}\", "))
        .unwrap_or_default();
    format!(
        "{trigger}sentence {}: \"{}\"",
        event.evidence.sentence_index,
        shorten(&event.evidence.sentence, width)
    )
}
