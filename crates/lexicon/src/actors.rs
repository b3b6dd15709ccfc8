//! Actors: countries, generic agents, named groups and dated leaders, recognised in
//! text and normalised to ACLED-style names with ISO3 countries and CAMEO-style codes.
//!
//! Five data files under `lexicons/actors/` (see its README.md) are compiled into one
//! [`PhraseMatcher`]. [`ActorLexicon::find`] makes one automaton pass over the text,
//! then composes neighbouring matches ("Syrian" + "government forces", "Assad" +
//! "'s" + "forces", "Russia" + "-backed" + "Syrian forces") into [`ActorMention`]s.
//! Composition only looks at the few bytes between two matches, so the cost is the
//! automaton pass plus a constant per match.
//!
//! ```
//! use sitrep_lexicon::actors::ActorLexicon;
//! let lexicon = ActorLexicon::embedded().unwrap();
//! let mentions = lexicon.find("Turkish and Russian troops clashed with police.", None);
//! let codes: Vec<_> = mentions.iter().map(|m| m.actor.code.clone()).collect();
//! assert_eq!(codes, [Some("TURMIL".into()), Some("RUSMIL".into()), None]);
//! // An agent with no country is localised with the document's country.
//! let police = lexicon.localise(&mentions[2], "KEN");
//! assert_eq!(police.name.as_deref(), Some("Police Forces of Kenya"));
//! assert_eq!(police.code.as_deref(), Some("KENCOP"));
//! ```
//!
//! Invariants: every mention's span is a whole-word byte range of the searched text
//! and `mention.actor.text == text[span]`; `find` never fails or panics.

mod compose;
mod data;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::NaiveDate;
use sitrep_model::{Actor, Span};

use crate::matcher::{PhraseMatch, PhraseMatcher, PhrasePattern};
use crate::LexiconError;

pub use data::{
    Agent, Community, Country, Entries, Group, Modifier, ModifierEffect, Person, Regime, Rename,
    COMMUNITY_LABELS, FILES, KINDS, SECTORS,
};

/// The bundled actor files (or the user's copies: see `sitrep_text::lexicon_files`),
/// in [`FILES`] order.
fn embedded_files() -> [&'static str; 8] {
    [
        sitrep_text::lexicon!("actors/countries.tsv"),
        sitrep_text::lexicon!("actors/agents.tsv"),
        sitrep_text::lexicon!("actors/groups.tsv"),
        sitrep_text::lexicon!("actors/people.tsv"),
        sitrep_text::lexicon!("actors/modifiers.tsv"),
        sitrep_text::lexicon!("actors/regimes.tsv"),
        sitrep_text::lexicon!("actors/communities.tsv"),
        sitrep_text::lexicon!("actors/renames.tsv"),
    ]
}

/// The directory name used in error messages for the bundled files.
const EMBEDDED_DIR: &str = "lexicons/actors";

/// Which lexicon entry a mention was resolved from (indexes into the lexicon's tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorOrigin {
    /// A country name, alias or capital standing for its government.
    Country(u32),
    /// A generic agent ("police"), possibly with a country.
    Agent(u32),
    /// A named group.
    Group(u32),
    /// A person (one period of office in people.tsv).
    Person(u32),
}

/// One actor phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// Byte span of the whole phrase ("suspected Boko Haram insurgents").
    pub span: Span,
    /// The normalised actor; `country`, `name` and `code` are `None` for an agent
    /// the text gives no country ("police"): see [`ActorLexicon::localise`].
    pub actor: Actor,
    /// The entry that decided the actor.
    pub origin: ActorOrigin,
    /// The phrase is only a country name or capital ("Syria", "Moscow"): it may be a
    /// place ("in Syria") rather than an actor, which the caller decides by syntax.
    pub bare_place: bool,
    /// The text hedges the attribution ("suspected", "alleged").
    pub hedged: bool,
    /// Who backs the actor ("Russia-backed Syrian forces" → Government of Russia).
    pub backer: Option<Actor>,
}

impl ActorMention {
    /// Whether the actor still needs the document's country ([`ActorLexicon::localise`]).
    pub fn needs_country(&self) -> bool {
        self.actor.name.is_none() || self.actor.name.as_deref().is_some_and(has_placeholder)
    }
}

/// The actor phrases found in a text by one matcher pass ([`ActorLexicon::phrases`]).
#[derive(Debug, Clone, Default)]
pub struct ActorPhrases(Vec<PhraseMatch>);

/// Sizes of the loaded tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorLexiconStats {
    /// Countries and territories.
    pub countries: usize,
    /// Agent entries (each with its singular/plural phrases).
    pub agents: usize,
    /// Named groups and organisations.
    pub groups: usize,
    /// Distinct people (a person with several periods counts once).
    pub people: usize,
    /// Phrases compiled into the matcher.
    pub phrases: usize,
}

/// What a compiled phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A country name or alias (`demonym` false) or demonym (`true`).
    Country { index: u32, form: CountryForm },
    /// An agent entry.
    Agent(u32),
    /// A group entry.
    Group(u32),
    /// A set of people periods sharing the phrase (index into `person_sets`).
    People(u32),
    /// A modifier word.
    Modifier(ModifierEffect),
}

/// How a phrase names a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountryForm {
    /// Its name or an alias ("Syria", "DRC").
    Name,
    /// Its capital or seat of government ("Damascus").
    Capital,
    /// An adjective or demonym ("Syrian").
    Demonym,
}

impl Target {
    /// Which entry wins when two entries claim the same phrase (higher wins).
    fn priority(self) -> u8 {
        match self {
            Target::Group(_) => 6,
            Target::People(_) => 5,
            Target::Country { form, .. } => match form {
                CountryForm::Name => 4,
                CountryForm::Capital => 3,
                CountryForm::Demonym => 2,
            },
            Target::Agent(_) => 1,
            Target::Modifier(_) => 0,
        }
    }
}

/// The compiled actor lexicon.
#[derive(Debug, Clone)]
pub struct ActorLexicon {
    countries: Vec<Country>,
    agents: Vec<Agent>,
    groups: Vec<Group>,
    people: Vec<Person>,
    /// People periods that share a phrase, chosen among by date.
    person_sets: Vec<Vec<u32>>,
    /// Pattern id → target.
    targets: Vec<Target>,
    /// Pattern id → the phrase as written (for diagnostics and the lint test).
    phrases: Vec<String>,
    matcher: PhraseMatcher,
    by_iso3: HashMap<String, u32>,
    by_iso2: HashMap<String, u32>,
    by_name: HashMap<String, u32>,
    /// regimes.tsv rows, sorted by country and start.
    regimes: Vec<Regime>,
    /// Group index → the regimes (indexes into `regimes`) in which it is the state
    /// (`false`) or a unit of the state's forces (`true`).
    state_groups: HashMap<u32, Vec<(u32, bool)>>,
    /// The agent that names a country's military ("Military Forces of {the country}").
    military: Option<u32>,
    /// communities.tsv rows.
    communities: Vec<Community>,
    /// Lower-cased alias → community (index into `communities`).
    community_aliases: HashMap<String, u32>,
    /// Group index → the names ACLED gives it in periods (renames.tsv).
    renames: HashMap<u32, Vec<Rename>>,
    /// Phrases claimed by two entries, with which one lost ("phrase: loser < winner").
    shadowed: Vec<String>,
}

impl ActorLexicon {
    /// The bundled lexicon (data embedded in the binary).
    pub fn embedded() -> Result<Self, LexiconError> {
        Self::from_entries(Self::embedded_entries()?, EMBEDDED_DIR)
    }

    /// The parsed bundled entries, for callers that merge their own.
    pub fn embedded_entries() -> Result<Entries, LexiconError> {
        Entries::parse(EMBEDDED_DIR, embedded_files())
    }

    /// Validates and compiles parsed entries; `dir` names them in errors.
    pub fn from_entries(entries: Entries, dir: &str) -> Result<Self, LexiconError> {
        entries.validate(dir)?;
        let Entries {
            countries,
            agents,
            groups,
            people,
            modifiers,
            mut regimes,
            communities,
            renames: rename_rows,
        } = entries;
        let mut renames: HashMap<u32, Vec<Rename>> = HashMap::new();
        for rename in rename_rows {
            if let Some(g) = groups.iter().position(|g| g.name == rename.group) {
                renames.entry(g as u32).or_default().push(rename);
            }
        }
        let mut community_aliases = HashMap::new();
        for (i, community) in communities.iter().enumerate() {
            for alias in &community.aliases {
                community_aliases
                    .entry(alias.to_lowercase())
                    .or_insert(i as u32);
            }
        }
        regimes.sort_by(|a, b| (&a.country, a.from).cmp(&(&b.country, b.from)));
        let mut state_groups: HashMap<u32, Vec<(u32, bool)>> = HashMap::new();
        for (r, regime) in regimes.iter().enumerate() {
            let roles = regime.state.iter().map(|g| (g, false));
            for (name, unit) in roles.chain(regime.units.iter().map(|g| (g, true))) {
                if let Some(g) = groups.iter().position(|g| &g.name == name) {
                    state_groups
                        .entry(g as u32)
                        .or_default()
                        .push((r as u32, unit));
                }
            }
        }
        let military = agents
            .iter()
            .position(|a| {
                a.kind == "military" && !a.weak && a.template.starts_with("Military Forces of")
            })
            .map(|i| i as u32);

        // Phrase key → every spelling written for it ("al-Qaeda", "Al Qaeda") and the
        // entry that owns it. The matcher derives the spaced form of a hyphenated
        // spelling, but not mixed forms, so every distinct spelling is compiled.
        let mut claims: HashMap<String, (Vec<String>, Target)> = HashMap::new();
        let mut shadowed = Vec::new();
        let mut claim = |phrase: &str, target: Target, shadowed: &mut Vec<String>| {
            let key = phrase_key(phrase);
            if key.is_empty() {
                return;
            }
            let Some((written, existing)) = claims.get_mut(&key) else {
                claims.insert(key, (vec![phrase.to_string()], target));
                return;
            };
            if *existing == target {
                if !written.iter().any(|w| w == phrase) {
                    written.push(phrase.to_string());
                }
                return;
            }
            let new_wins = target.priority() > existing.priority();
            let (winner, loser) = if new_wins {
                (target, *existing)
            } else {
                (*existing, target)
            };
            shadowed.push(format!(
                "{phrase:?}: {loser:?} loses to {winner:?} ({:?})",
                written[0]
            ));
            if new_wins {
                *written = vec![phrase.to_string()];
                *existing = target;
            }
        };

        for modifier in &modifiers {
            let target = Target::Modifier(modifier.effect);
            claim(&modifier.phrase, target, &mut shadowed);
        }
        for (i, agent) in agents.iter().enumerate() {
            for phrase in &agent.phrases {
                claim(phrase, Target::Agent(i as u32), &mut shadowed);
            }
        }
        for (i, country) in countries.iter().enumerate() {
            let index = i as u32;
            for phrase in &country.demonyms {
                let form = CountryForm::Demonym;
                claim(phrase, Target::Country { index, form }, &mut shadowed);
            }
            for phrase in &country.capitals {
                let form = CountryForm::Capital;
                claim(phrase, Target::Country { index, form }, &mut shadowed);
            }
            for phrase in std::iter::once(&country.name).chain(&country.aliases) {
                let form = CountryForm::Name;
                claim(phrase, Target::Country { index, form }, &mut shadowed);
            }
        }
        // People periods sharing a phrase ("Deby", "Sharif") become one set.
        let mut person_phrases: Vec<(Vec<String>, Vec<u32>)> = Vec::new();
        let mut phrase_slot: HashMap<String, usize> = HashMap::new();
        for (i, person) in people.iter().enumerate() {
            for phrase in std::iter::once(&person.name).chain(&person.aliases) {
                let slot = *phrase_slot.entry(phrase_key(phrase)).or_insert_with(|| {
                    person_phrases.push((Vec::new(), Vec::new()));
                    person_phrases.len() - 1
                });
                let (written, set) = &mut person_phrases[slot];
                if !written.contains(phrase) {
                    written.push(phrase.clone());
                }
                if !set.contains(&(i as u32)) {
                    set.push(i as u32);
                }
            }
        }
        let mut person_sets: Vec<Vec<u32>> = Vec::new();
        let mut set_index: HashMap<Vec<u32>, u32> = HashMap::new();
        for (spellings, set) in person_phrases {
            let next = person_sets.len() as u32;
            let index = *set_index.entry(set.clone()).or_insert_with(|| {
                person_sets.push(set);
                next
            });
            for phrase in &spellings {
                claim(phrase, Target::People(index), &mut shadowed);
            }
        }
        for (i, group) in groups.iter().enumerate() {
            for phrase in &group.aliases {
                claim(phrase, Target::Group(i as u32), &mut shadowed);
            }
        }

        let mut claimed: Vec<(Vec<String>, Target)> = claims.into_values().collect();
        claimed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut targets = Vec::with_capacity(claimed.len());
        let mut phrases = Vec::with_capacity(claimed.len());
        let mut patterns = Vec::with_capacity(claimed.len());
        for (id, (spellings, target)) in claimed.into_iter().enumerate() {
            for text in &spellings {
                patterns.push(PhrasePattern {
                    text: text.clone(),
                    id: id as u32,
                });
            }
            targets.push(target);
            phrases.push(spellings.into_iter().next().unwrap_or_default());
        }
        let matcher = PhraseMatcher::new(&patterns);

        let mut by_iso3 = HashMap::new();
        let mut by_iso2 = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, country) in countries.iter().enumerate() {
            by_iso3.insert(country.iso3.clone(), i as u32);
            by_iso2.insert(country.iso2.clone(), i as u32);
            for name in std::iter::once(&country.name).chain(&country.aliases) {
                by_name.entry(phrase_key(name)).or_insert(i as u32);
            }
        }
        shadowed.sort();
        Ok(ActorLexicon {
            countries,
            agents,
            groups,
            people,
            person_sets,
            targets,
            phrases,
            matcher,
            by_iso3,
            by_iso2,
            by_name,
            regimes,
            state_groups,
            military,
            communities,
            community_aliases,
            renames,
            shadowed,
        })
    }

    /// Every actor phrase in `text`, in text order, resolved for `date` (the date the
    /// text speaks of, usually the publication date; `None` takes people's latest
    /// period). Never fails; allocates only for the mentions it returns.
    pub fn find(&self, text: &str, date: Option<NaiveDate>) -> Vec<ActorMention> {
        self.mentions(&self.phrases(text), text, date)
    }

    /// The actor phrases of `text` (one matcher pass), which [`ActorLexicon::mentions`]
    /// and [`ActorLexicon::demonyms`] both read.
    pub fn phrases(&self, text: &str) -> ActorPhrases {
        ActorPhrases(self.matcher.find(text))
    }

    /// [`ActorLexicon::find`] over the phrases already found in `text`.
    pub fn mentions(
        &self,
        phrases: &ActorPhrases,
        text: &str,
        date: Option<NaiveDate>,
    ) -> Vec<ActorMention> {
        compose::find(self, &phrases.0, text, date)
    }

    /// A place the caller found (a city, a province: "in Zurich") as a bare mention
    /// standing for the government of its country (ISO3), like a capital; `None` for an
    /// unknown code.
    pub fn place_mention(&self, span: Span, iso3: &str, text: &str) -> Option<ActorMention> {
        let &country = self.by_iso3.get(iso3)?;
        Some(ActorMention {
            span,
            actor: self.government_actor(country, text.to_string()),
            origin: ActorOrigin::Country(country),
            bare_place: true,
            hedged: false,
            backer: None,
        })
    }

    /// Demonyms ("Israeli", "Russian") among the `phrases` of `text` that no actor
    /// phrase covers, as a mention each of the country's military (`physical`) or
    /// government: "Israeli" in "Israeli shelling". The caller decides where such a
    /// bare adjective acts: only the demonyms whose span `keep` accepts are built.
    pub fn demonyms(
        &self,
        phrases: &ActorPhrases,
        text: &str,
        physical: bool,
        mut keep: impl FnMut(Span) -> bool,
    ) -> Vec<ActorMention> {
        let military = self
            .agents
            .iter()
            .position(|a| a.kind == "military" && !a.weak);
        phrases
            .0
            .iter()
            .filter_map(|m| match self.targets[m.id as usize] {
                Target::Country {
                    index,
                    form: CountryForm::Demonym,
                } if keep(m.span) => {
                    let words = m.span.slice(text).to_string();
                    let actor = match military.filter(|_| physical) {
                        Some(agent) => self.agent_actor(agent as u32, Some(index), words),
                        None => self.government_actor(index, words),
                    };
                    Some(ActorMention {
                        span: m.span,
                        actor,
                        origin: ActorOrigin::Country(index),
                        bare_place: false,
                        hedged: false,
                        backer: None,
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// The mention's actor with the document's country (ISO3) filled in where the text
    /// gave none: "police" + KEN → "Police Forces of Kenya", KENCOP. Actors that
    /// already have a country are returned unchanged; an unknown ISO3 changes nothing.
    pub fn localise(&self, mention: &ActorMention, iso3: &str) -> Actor {
        let Some(&country) = self.by_iso3.get(iso3) else {
            return mention.actor.clone();
        };
        if !mention.needs_country() {
            return mention.actor.clone();
        }
        let text = mention.actor.text.clone();
        match mention.origin {
            // A name composed from the text ("Kaduna Communal Militia ({country})").
            ActorOrigin::Agent(agent) if mention.actor.name.is_some() => {
                let c = &self.countries[country as usize];
                let name = mention.actor.name.as_deref().map(|n| fill(n, c));
                Actor {
                    text,
                    name,
                    country: Some(c.iso3.clone()),
                    kind: mention.actor.kind.clone(),
                    code: Some(
                        [c.iso3.as_str(), self.agents[agent as usize].sector.as_str()].concat(),
                    ),
                }
            }
            ActorOrigin::Agent(agent) => self.agent_actor(agent, Some(country), text),
            ActorOrigin::Group(group) => self.group_actor(group, Some(country), text),
            _ => mention.actor.clone(),
        }
    }

    /// The generic agent listed with `phrase` in agents.tsv ("protesters", "civilians",
    /// "armed men"), given the country `iso3` when known: the names ACLED gives actors
    /// that an event type implies ("Protesters (Kenya)" for a protest with no named
    /// crowd). `None` when no agent has the phrase.
    pub fn generic(&self, phrase: &str, iso3: Option<&str>, text: String) -> Option<Actor> {
        let agent = self
            .agents
            .iter()
            .position(|a| a.phrases.iter().any(|p| p.eq_ignore_ascii_case(phrase)))?;
        let country = iso3.and_then(|code| self.by_iso3.get(code).copied());
        Some(self.agent_actor(agent as u32, country, text))
    }

    /// The country with this ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.countries[i as usize])
    }

    /// The country with this ISO2 code.
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2.get(iso2).map(|&i| &self.countries[i as usize])
    }

    /// The country with this name or alias, case-insensitively ("DR Congo", "syria").
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.by_name
            .get(&phrase_key(name))
            .or_else(|| self.by_name.get(&name.trim().to_lowercase()))
            .map(|&i| &self.countries[i as usize])
    }

    /// ISO2 → ISO3 ("SY" → "SYR").
    pub fn iso2_to_iso3(&self, iso2: &str) -> Option<&str> {
        self.country_by_iso2(iso2).map(|c| c.iso3.as_str())
    }

    /// ISO3 → ISO2 ("SYR" → "SY").
    pub fn iso3_to_iso2(&self, iso3: &str) -> Option<&str> {
        self.country(iso3).map(|c| c.iso2.as_str())
    }

    /// The government of a country as an actor ("Government of Syria", SYRGOV).
    pub fn government(&self, iso3: &str, text: &str) -> Option<Actor> {
        let country = *self.by_iso3.get(iso3)?;
        Some(self.government_actor(country, text.to_string()))
    }

    /// The period of the state of `iso3` at `date` (regimes.tsv); `None` when the file
    /// has no period for that country and day.
    pub fn regime(&self, iso3: &str, date: NaiveDate) -> Option<&Regime> {
        let start = self.regimes.partition_point(|r| r.country.as_str() < iso3);
        self.regimes[start..]
            .iter()
            .take_while(|r| r.country == iso3)
            .find(|r| r.covers(date))
    }

    /// `actor` named as ACLED names it on `date`: the names of a country's state forces
    /// and government carry the period of the regime in power ("Military Forces of Mali"
    /// on 3 June 2022 → "Military Forces of Mali (2021-)", "Police Forces of the
    /// Philippines Special Action Force" → "Police Forces of the Philippines (2016-2022)
    /// Special Action Force"). Other actors, names that already carry a period, and
    /// countries or days regimes.tsv has no period for are returned unchanged.
    pub fn dated(&self, mut actor: Actor, date: Option<NaiveDate>) -> Actor {
        let (Some(date), Some(iso3), Some(name)) =
            (date, actor.country.as_deref(), actor.name.as_deref())
        else {
            return actor;
        };
        let (Some(regime), Some(country)) = (self.regime(iso3, date), self.country(iso3)) else {
            return actor;
        };
        let of = country.name_after_of();
        for stem in ["Military Forces of ", "Police Forces of ", "Government of "] {
            let Some(rest) = name
                .strip_prefix(stem)
                .and_then(|r| r.strip_prefix(of.as_str()))
            else {
                continue;
            };
            if rest.is_empty() || (rest.starts_with(' ') && !rest.starts_with(" (")) {
                actor.name =
                    Some([stem, of.as_str(), " (", regime.period.as_str(), ")", rest].concat());
            }
            break;
        }
        actor
    }

    /// All regimes.tsv rows, by country and start.
    pub fn regimes(&self) -> &[Regime] {
        &self.regimes
    }

    /// All countries, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All agents, in file order.
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// All groups, in file order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// All people periods, in file order.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Phrases two entries claim, and which entry lost each (empty for clean data).
    pub fn shadowed(&self) -> &[String] {
        &self.shadowed
    }

    /// Table sizes.
    pub fn stats(&self) -> ActorLexiconStats {
        let mut names: Vec<&str> = self.people.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        ActorLexiconStats {
            countries: self.countries.len(),
            agents: self.agents.len(),
            groups: self.groups.len(),
            people: names.len(),
            phrases: self.phrases.len(),
        }
    }

    fn government_actor(&self, country: u32, text: String) -> Actor {
        let c = &self.countries[country as usize];
        Actor {
            text,
            name: Some(["Government of ", c.name_after_of().as_str()].concat()),
            country: Some(c.iso3.clone()),
            kind: Some("government".into()),
            code: Some([c.iso3.as_str(), "GOV"].concat()),
        }
    }

    fn agent_actor(&self, agent: u32, country: Option<u32>, text: String) -> Actor {
        let a = &self.agents[agent as usize];
        let c = country.map(|i| &self.countries[i as usize]);
        Actor {
            text,
            name: c.map(|c| fill(&a.template, c)),
            country: c.map(|c| c.iso3.clone()),
            kind: Some(a.kind.clone()),
            code: c.map(|c| [c.iso3.as_str(), a.sector.as_str()].concat()),
        }
    }

    fn group_actor(&self, group: u32, country: Option<u32>, text: String) -> Actor {
        let g = &self.groups[group as usize];
        let name = match country {
            Some(i) if has_placeholder(&g.name) => fill(&g.name, &self.countries[i as usize]),
            _ => g.name.clone(),
        };
        Actor {
            text,
            name: Some(name),
            country: g.country.clone(),
            kind: Some(g.kind.clone()),
            code: Some(g.code.clone()),
        }
    }

    /// A group's actor at `date`, under the name ACLED gives it then (renames.tsv): a
    /// group that is the state then (regimes.tsv) is
    /// the state's forces, named by `agent` when that is a state agent ("Taliban
    /// police") and else as the military; a unit of the state's forces is named after
    /// them ("Military Forces of Sudan Rapid Support Forces").
    fn group_actor_at(
        &self,
        group: u32,
        country: Option<u32>,
        text: String,
        date: Option<NaiveDate>,
        agent: Option<u32>,
    ) -> Actor {
        let role = date.and_then(|d| {
            self.state_groups
                .get(&group)?
                .iter()
                .find(|&&(r, _)| self.regimes[r as usize].covers(d))
        });
        let Some(&(regime, unit)) = role else {
            let mut actor = self.group_actor(group, country, text);
            let renamed = date.and_then(|d| self.renames.get(&group)?.iter().find(|r| r.covers(d)));
            if let Some(rename) = renamed {
                actor.name = Some(match country {
                    Some(i) if has_placeholder(&rename.name) => {
                        fill(&rename.name, &self.countries[i as usize])
                    }
                    _ => rename.name.clone(),
                });
            }
            return actor;
        };
        let Some(&state) = self.by_iso3.get(&self.regimes[regime as usize].country) else {
            return self.group_actor(group, country, text);
        };
        if unit {
            let g = &self.groups[group as usize];
            let c = &self.countries[state as usize];
            let (force, kind, sector) = if g.kind == "police" {
                ("Police Forces", "police", "COP")
            } else {
                ("Military Forces", "military", "MIL")
            };
            return Actor {
                text,
                name: Some(format!("{force} of {} {}", c.name_after_of(), g.name)),
                country: Some(c.iso3.clone()),
                kind: Some(kind.into()),
                code: Some(format!("{}{sector}", c.iso3)),
            };
        }
        let state_agent = agent.filter(|&a| {
            matches!(
                self.agents[a as usize].kind.as_str(),
                "military" | "police" | "government"
            )
        });
        match state_agent.or(self.military) {
            Some(a) => self.agent_actor(a, Some(state), text),
            None => self.government_actor(state, text),
        }
    }

    /// The community a phrase names (communities.tsv), case-insensitively.
    fn community(&self, phrase: &str) -> Option<&Community> {
        let i = *self.community_aliases.get(&phrase.to_lowercase())?;
        Some(&self.communities[i as usize])
    }

    /// All communities.tsv rows, in file order.
    pub fn communities(&self) -> &[Community] {
        &self.communities
    }

    fn person_actor(&self, person: u32, date: Option<NaiveDate>, text: String) -> Actor {
        let p = &self.people[person as usize];
        if let Some(group) = &p.group {
            if let Some(g) = self.groups.iter().position(|g| &g.name == group) {
                return self.group_actor_at(g as u32, None, text, date, None);
            }
        }
        let Some(&country) = self.by_iso3.get(&p.country) else {
            return Actor {
                text,
                ..Actor::default()
            };
        };
        if date.is_none_or(|d| p.covers(d)) {
            self.government_actor(country, text)
        } else {
            Actor {
                text,
                name: None,
                country: Some(p.country.clone()),
                kind: Some("elite".into()),
                code: Some(format!("{}ELI", p.country)),
            }
        }
    }

    /// The period of a shared phrase that fits `date` best: the one covering it, else
    /// the latest that started before it, else the earliest; with no date, the latest.
    fn pick_person(&self, set: u32, date: Option<NaiveDate>) -> u32 {
        let set = &self.person_sets[set as usize];
        let periods = set.iter().map(|&i| (i, &self.people[i as usize]));
        let chosen = match date {
            Some(d) => periods
                .clone()
                .find(|(_, p)| p.covers(d))
                .or_else(|| {
                    periods
                        .clone()
                        .filter(|(_, p)| p.from <= d)
                        .max_by_key(|(_, p)| p.from)
                })
                .or_else(|| periods.clone().min_by_key(|(_, p)| p.from)),
            None => periods.clone().max_by_key(|(_, p)| p.from),
        };
        chosen.map_or(set[0], |(i, _)| i)
    }
}

/// Fills `{country}` and `{the country}` in a template.
/// One pass, as `template.replace("{the country}", &country.name_after_of())
/// .replace("{country}", &country.name)` would give.
fn fill(template: &str, country: &Country) -> String {
    let mut out = String::with_capacity(template.len() + country.name.len() + 4);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{the country}") {
            if country.article {
                out.push_str("the ");
            }
            out.push_str(&country.name);
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{country}") {
            out.push_str(&country.name);
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

fn has_placeholder(name: &str) -> bool {
    name.contains("{country}") || name.contains("{the country}")
}

/// The form under which a phrase is deduplicated: as the matcher would compare it.
fn phrase_key(phrase: &str) -> String {
    let phrase = phrase.trim();
    let acronym = phrase.chars().any(char::is_alphabetic)
        && phrase
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let normalised = phrase.replace('\u{2019}', "'").replace('-', " ");
    if acronym {
        normalised
    } else {
        normalised.to_lowercase()
    }
}
