//! The fixed ACLED and PLOVER vocabularies, for validating lexicons and records.

/// ACLED's 25 sub-event types with their event types, in codebook order.
pub const ACLED_SUB_EVENT_TYPES: [(&str, &str); 25] = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Suicide bomb"),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Explosions/Remote violence", "Grenade"),
    ("Violence against civilians", "Sexual violence"),
    ("Violence against civilians", "Attack"),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    ("Strategic developments", "Other"),
];

/// The 16 PLOVER event types.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// An ACLED sub-event type, by index into [`ACLED_SUB_EVENT_TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AcledType(pub u8);

impl AcledType {
    /// Looks a sub-event type up by its exact name.
    pub fn from_sub_event(name: &str) -> Option<Self> {
        ACLED_SUB_EVENT_TYPES
            .iter()
            .position(|(_, sub)| sub.eq_ignore_ascii_case(name))
            .map(|i| AcledType(i as u8))
    }

    /// The event type ("Battles").
    pub fn event_type(self) -> &'static str {
        ACLED_SUB_EVENT_TYPES[self.0 as usize].0
    }

    /// The sub-event type ("Armed clash").
    pub fn sub_event_type(self) -> &'static str {
        ACLED_SUB_EVENT_TYPES[self.0 as usize].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_event_types_round_trip() {
        let t = AcledType::from_sub_event("Air/drone strike").unwrap();
        assert_eq!(t.event_type(), "Explosions/Remote violence");
        assert_eq!(t.sub_event_type(), "Air/drone strike");
        assert!(AcledType::from_sub_event("Picnic").is_none());
    }
}
