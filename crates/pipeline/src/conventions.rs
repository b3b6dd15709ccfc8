//! The actors an event type implies, named as ACLED names them
//! (`lexicons/actors/conventions.tsv`): every protest's actor 1 is "Protesters
//! (Country)", every riot's "Rioters (Country)", the victims of violence against
//! civilians "Civilians (Country)", and an unnamed perpetrator an "Unidentified Armed
//! Group (Country)".

use std::sync::LazyLock;

use sitrep_lexicon::actors::ActorLexicon;
use sitrep_lexicon::{tsv, PhraseMatcher, PhrasePattern};
use sitrep_model::{AcledType, Actor};

/// Kinds that never form a crowd: found as a protest's actor 1, they intervened.
const STATE_KINDS: [&str; 3] = ["military", "police", "government"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// The role is always the agent.
    Always,
    /// As `Always`, and a state actor found in the role moves to the other one.
    Crowd,
    /// Fills the role when the text named nobody.
    Default,
    /// Names a political party found in the role as the agent (ACLED lists the party
    /// as an associated actor of "Rioters (Country)").
    Party,
    /// The role is a state force: a military or police actor found in it stays,
    /// anything else is replaced by the agent (a protest's intervention is the
    /// police's, not the bystanders' or the ministry's it was aimed at).
    Force,
    /// Fills the empty role with the agent when the event's victims are civilians
    /// (a shelling that killed residents: "Civilians (Country)").
    Victims,
}

/// Kinds that are a state's armed forces.
const FORCE_KINDS: [&str; 2] = ["military", "police"];

#[derive(Debug, Clone)]
struct Convention {
    /// An ACLED event type or sub-event type.
    kind: String,
    /// 1 or 2.
    role: u8,
    policy: Policy,
    /// A phrase of agents.tsv.
    agent: String,
}

static CONVENTIONS: LazyLock<Vec<Convention>> = LazyLock::new(|| {
    tsv::rows(sitrep_text::lexicon!("actors/conventions.tsv"))
        .filter_map(|row| {
            let role = match row.get(1) {
                "actor1" => 1,
                "actor2" => 2,
                _ => return None,
            };
            let policy = match row.get(2) {
                "always" => Policy::Always,
                "crowd" => Policy::Crowd,
                "default" => Policy::Default,
                "party" => Policy::Party,
                "force" => Policy::Force,
                "victims" => Policy::Victims,
                _ => return None,
            };
            Some(Convention {
                kind: row.get(0).to_string(),
                role,
                policy,
                agent: row.opt(3)?.to_string(),
            })
        })
        .collect()
});

fn is_state(actor: &Option<Actor>) -> bool {
    actor
        .as_ref()
        .and_then(|a| a.kind.as_deref())
        .is_some_and(|k| STATE_KINDS.contains(&k))
}

/// Applies the conventions of `sub`'s event and sub-event type to the two actors;
/// `iso3` is the event's country, `own` says for each actor whether the text itself
/// gave its country ("British activists"): a crowd keeps that country ("Protesters
/// (United Kingdom)" in Beijing), any other takes the event's; `civilian_victims`
/// says whether the people the event killed or injured are civilians.
pub fn apply(
    sub: AcledType,
    mut actor1: Option<Actor>,
    mut actor2: Option<Actor>,
    own: [bool; 2],
    civilian_victims: bool,
    iso3: Option<&str>,
    actors: &ActorLexicon,
) -> (Option<Actor>, Option<Actor>) {
    // A sub-event type's rows replace its event type's rows for the same role.
    let specific = |role: u8| {
        CONVENTIONS
            .iter()
            .any(|c| c.role == role && c.kind == sub.sub_event_type())
    };
    let specific = [specific(1), specific(2)];
    // One group on both sides ("students fought each other") stays one group.
    let same = actor1.is_some() && actor1 == actor2;
    for c in CONVENTIONS.iter().filter(|c| {
        c.kind == sub.sub_event_type()
            || (c.kind == sub.event_type() && !specific[usize::from(c.role - 1)])
    }) {
        let (role, other, own) = if c.role == 1 {
            (&mut actor1, &mut actor2, own[0])
        } else {
            (&mut actor2, &mut actor1, own[1])
        };
        if matches!(c.policy, Policy::Default | Policy::Victims) && role.is_some() {
            continue;
        }
        if c.policy == Policy::Victims && !civilian_victims {
            continue;
        }
        let force = role
            .as_ref()
            .and_then(|a| a.kind.as_deref())
            .is_some_and(|k| FORCE_KINDS.contains(&k));
        if c.policy == Policy::Force && force {
            continue;
        }
        let party = role
            .as_ref()
            .is_some_and(|a| a.kind.as_deref() == Some("political_party"));
        if c.policy == Policy::Party && !party {
            continue;
        }
        let Some(generic) = actors.generic(&c.agent, None, String::new()) else {
            continue;
        };
        // Already the implied actor ("Civilians (Ukraine)" for "Ukrainian civilians").
        // A crowd is always the agent itself: a protest by Extinction Rebellion is
        // "Protesters (Country)" (ACLED lists the group as an associated actor).
        let implied = |a: &Actor| {
            a.name.is_some()
                && a.kind == generic.kind
                && (c.policy != Policy::Crowd
                    || actors
                        .generic(&c.agent, a.country.as_deref(), String::new())
                        .is_some_and(|g| g.name == a.name))
        };
        if role.as_ref().is_some_and(implied) {
            continue;
        }
        let mut current = role.take();
        if c.policy == Policy::Crowd && is_state(&current) && !is_state(other) {
            *other = current.take();
        }
        let text = current.as_ref().map(|a| a.text.clone()).unwrap_or_default();
        let stated = current
            .as_ref()
            .and_then(|a| a.country.clone())
            .filter(|_| own);
        let country = stated
            .or_else(|| iso3.map(str::to_string))
            .or_else(|| current.as_ref().and_then(|a| a.country.clone()));
        *role = actors.generic(&c.agent, country.as_deref(), text);
    }
    if same {
        actor2.clone_from(&actor1);
    }
    (actor1, actor2)
}

/// A cue of `lexicons/actors/context.tsv`: the agent renamed and its new agent.
#[derive(Debug, Clone)]
struct Context {
    from: String,
    to: String,
    /// ISO3 codes of the countries whose events the rule renames; empty for any.
    countries: Vec<String>,
}

/// The cue matcher and, per cue, its rules (a cue may have one rule per set of countries).
static CONTEXT: LazyLock<(PhraseMatcher, Vec<Vec<Context>>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut rules: Vec<Vec<Context>> = Vec::new();
    let mut by_cue: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in tsv::rows(sitrep_text::lexicon!("actors/context.tsv")) {
        let (Some(cue), Some(from), Some(to)) = (row.opt(0), row.opt(1), row.opt(2)) else {
            continue;
        };
        let countries = row
            .opt(4)
            .map(|c| c.split('|').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        let rule = Context {
            from: from.to_string(),
            to: to.to_string(),
            countries,
        };
        if let Some(&id) = by_cue.get(&cue.to_lowercase()) {
            rules[id].push(rule);
            continue;
        }
        by_cue.insert(cue.to_lowercase(), rules.len());
        patterns.push(PhrasePattern {
            text: cue.to_string(),
            id: rules.len() as u32,
        });
        rules.push(vec![rule]);
    }
    (PhraseMatcher::new(&patterns), rules)
});

/// The renamings whose cue `text` contains (indexes into the context rules).
pub fn context_cues(text: &str) -> Vec<u32> {
    let mut ids: Vec<u32> = CONTEXT.0.find(text).into_iter().map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Renames `actor` by the document's context cues (`cues` from [`context_cues`]):
/// an actor named as the rule's `from` agent for the event's country becomes its
/// `to` agent ("Unidentified Armed Group (Mexico)" → "Unidentified Gang (Mexico)");
/// a rule that lists countries renames only actors of those countries.
pub fn apply_context(
    actor: Option<Actor>,
    cues: &[u32],
    iso3: Option<&str>,
    actors: &ActorLexicon,
) -> Option<Actor> {
    let actor = actor?;
    for rule in cues.iter().flat_map(|&id| &CONTEXT.1[id as usize]) {
        let country = actor.country.as_deref().or(iso3);
        if !rule.countries.is_empty()
            && !country.is_some_and(|c| rule.countries.iter().any(|r| r == c))
        {
            continue;
        }
        let from = actors.generic(&rule.from, country, String::new());
        if from.is_some_and(|f| f.name.is_some() && f.name == actor.name) {
            if let Some(to) = actors.generic(&rule.to, country, actor.text.clone()) {
                return Some(to);
            }
        }
    }
    Some(actor)
}
