//! Reported violence as an accusation: when one party says another attacked
//! ("Israel said a mortar was fired at it from Gaza", "Kenya said Somali militants
//! raided the post"), CAMEO codes the statement as the speaker accusing the
//! attacker (112), beside the attack itself. A speaker who reports its own act
//! ("the army said it shelled …") or whose country is the attacker's accuses no
//! one, and a source with no known country ("medics said") is only a source.

use sitrep_lexicon::actors::ActorMention;
use sitrep_model::Span;

use crate::attribution::{Attribution, SourceKind};
use crate::events::Candidate;

/// ACLED event types that report violence.
const VIOLENT: [&str; 3] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
];

/// The accusations implied by the violent candidates `physical` of one sentence.
/// `sources` are sentence-relative (the sentence starts at byte `offset`),
/// `mentions` and candidates use document offsets.
pub fn accusations(
    offset: usize,
    sources: &[Attribution],
    mentions: &[ActorMention],
    physical: &[Candidate],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for event in physical {
        let violent = event
            .acled
            .is_some_and(|t| VIOLENT.contains(&t.event_type()));
        let Some(attacker) = event.actor1.as_ref().filter(|_| violent) else {
            continue;
        };
        let anchor = event.trigger.start - offset;
        let Some(report) = sources.iter().find(|a| {
            !a.pronoun
                && matches!(a.kind, SourceKind::Said | SourceKind::Claimed)
                && a.scope.start <= anchor
                && anchor < a.scope.end
        }) else {
            continue;
        };
        let source = Span::new(report.source.start + offset, report.source.end + offset);
        let Some(speaker) = mentions
            .iter()
            .find(|m| m.span.overlaps(source) && m.actor.country.is_some())
        else {
            continue;
        };
        if speaker.span.overlaps(attacker.span)
            || attacker.actor.country.is_some() && attacker.actor.country == speaker.actor.country
        {
            continue;
        }
        out.push(Candidate {
            trigger: Span::new(report.verb.start + offset, report.verb.end + offset),
            acled: None,
            specific: true,
            plover: "ACCUSE".to_string(),
            mode: Some("allege".to_string()),
            cameo: Some("112".to_string()),
            actor1: Some(speaker.clone()),
            actor2: Some(attacker.clone()),
            killed: None,
            fatalities: None,
            injured: None,
            arrested: None,
            abducted: None,
            attribution: None,
            definite: false,
            refers_back: false,
            location: None,
            confidence: 0.5,
            ..event.clone()
        });
    }
    out
}
