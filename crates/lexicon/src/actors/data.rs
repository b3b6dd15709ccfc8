//! The eight actor lexicon files, parsed and validated row by row.
//!
//! Every file is TSV (see [`crate::tsv`]); lists inside a column are separated by
//! `|`, and `-` marks an empty column. The formats are documented for editors in
//! `lexicons/actors/README.md` and in each file's `#` header.

use chrono::NaiveDate;

use crate::tsv::{self, Row};
use crate::LexiconError;

/// Actor kinds an entry may carry (ACLED's interaction families, spelled out).
pub const KINDS: &[&str] = &[
    "civilians",
    "elite",
    "external",
    "government",
    "igo",
    "militia",
    "military",
    "ngo",
    "police",
    "political_party",
    "protesters",
    "rebels",
    "rioters",
];

/// CAMEO-style sector suffixes an agent may carry.
pub const SECTORS: &[&str] = &[
    "AGR", "BUS", "CHR", "COP", "CRM", "CVL", "EDU", "ELI", "GOV", "HLH", "HIN", "INS", "JEW",
    "JUD", "LAB", "LEG", "MED", "MIL", "MUS", "NGO", "OPP", "PTY", "REB", "REF", "REL", "SPY",
    "UAF", "BUD",
];

/// Code prefixes that are not countries (CAMEO's international and regional codes).
pub const NON_STATE_PREFIXES: &[&str] = &[
    "AFR", "ASA", "CAS", "EAF", "EUR", "IGO", "IMG", "INT", "LAM", "MEA", "MNC", "NAF", "NGO",
    "SAF", "SAS", "SEA", "WAF", "WST",
];

/// The file names, in loading order, relative to a lexicon root's `actors/`.
pub const FILES: [&str; 8] = [
    "countries.tsv",
    "agents.tsv",
    "groups.tsv",
    "people.tsv",
    "modifiers.tsv",
    "regimes.tsv",
    "communities.tsv",
    "renames.tsv",
];

/// A state (or disputed territory) with every way news text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, the key ("SYR").
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code ("SY").
    pub iso2: String,
    /// ACLED's country name, without article ("Democratic Republic of Congo").
    pub name: String,
    /// Whether ACLED writes "the" before the name after "of" ("Police Forces of the Philippines").
    pub article: bool,
    /// Other names and short forms ("DRC", "DR Congo").
    pub aliases: Vec<String>,
    /// Adjectives and demonyms ("Congolese").
    pub demonyms: Vec<String>,
    /// Capitals and seats of government used for the government ("Kinshasa").
    pub capitals: Vec<String>,
}

impl Country {
    /// The name as it follows "of" in ACLED names ("the Philippines", "Syria").
    pub fn name_after_of(&self) -> String {
        if self.article {
            format!("the {}", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// A generic role noun ("soldiers", "police", "protesters") and how it becomes an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The phrases (first one is the key), e.g. "soldiers", "soldier".
    pub phrases: Vec<String>,
    /// Actor kind, one of [`KINDS`].
    pub kind: String,
    /// CAMEO-style sector suffix, one of [`SECTORS`].
    pub sector: String,
    /// Weak agents ("officials", "spokesman") take kind and sector from a preceding agent.
    pub weak: bool,
    /// ACLED-style name template with `{country}` or `{the country}`, or a fixed name
    /// ACLED gives without a country ("Unidentified Gang and/or Police Militia").
    pub template: String,
}

/// A named armed group, party, movement, state unit or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// ACLED-style name, the key; may contain `{country}` for transnational groups.
    pub name: String,
    /// ISO3 of the country it belongs to; `None` for transnational groups.
    pub country: Option<String>,
    /// Actor kind, one of [`KINDS`].
    pub kind: String,
    /// CAMEO/Phoenix-style code ("IMGMUSISI", "SOMREB", "IGOUNO").
    pub code: String,
    /// Names, acronyms and transliterations found in news text.
    pub aliases: Vec<String>,
}

/// A head of state or government, or an armed-group leader, for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name; with `from`, the key.
    pub name: String,
    /// ISO3 of the country they govern or operate in.
    pub country: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period; `None` while still in office.
    pub to: Option<NaiveDate>,
    /// Office held ("president", "prime minister", "leader"), for readers.
    pub office: String,
    /// Group key they lead, when not a state office.
    pub group: Option<String>,
    /// Ways the text names them ("Assad", "Bashar al-Assad").
    pub aliases: Vec<String>,
}

impl Person {
    /// Whether `date` falls within this period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date <= to)
    }
}

/// One period of a country's state (a regime, in ACLED's sense), with the label ACLED
/// appends to the names of its state forces ("Military Forces of Mali (2021-)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regime {
    /// ISO3 of the country; with `from`, the key.
    pub country: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// The day the next period starts (not part of this one); `None` while it lasts.
    pub to: Option<NaiveDate>,
    /// ACLED's label, written in parentheses after the country ("2021-", "2016-2022").
    pub period: String,
    /// Groups (names in groups.tsv) that are the state in this period: their mentions
    /// are the state's forces ("Taliban" from 15 August 2021 is "Military Forces of
    /// Afghanistan (2021-)", "Taliban police" its police).
    pub state: Vec<String>,
    /// Groups that are units of the state's forces in this period, named after them
    /// ("Military Forces of Sudan (2019-) Rapid Support Forces").
    pub units: Vec<String>,
}

impl Regime {
    /// Whether `date` falls within this period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date < to)
    }
}

/// Labels a community may carry in a militia's name ("Tiv Ethnic Militia (Nigeria)"),
/// and `-` for a word that names no community ("Kurdish militia" is no communal militia).
pub const COMMUNITY_LABELS: &[&str] = &[
    "Caste", "Clan", "Communal", "Ethnic", "Sub-Clan", "Tribal", "-",
];

/// An ethnic group, clan, tribe or caste whose armed men ACLED names after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Community {
    /// The name in ACLED's actor name ("Tiv", "Hawadle"), the key.
    pub name: String,
    /// One of [`COMMUNITY_LABELS`]: "Ethnic" gives "Tiv Ethnic Militia (Nigeria)".
    pub label: String,
    /// Every way the text writes the name ("Tiv", "Tivs").
    pub aliases: Vec<String>,
}

/// A name ACLED gives a group during a period ("Islamic State (West Africa) - Greater
/// Sahara Faction" before the Sahel Province was proclaimed in March 2022).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The group's name in groups.tsv; with `from`, the key.
    pub group: String,
    /// First day of the period; `None` for any day before `to`.
    pub from: Option<NaiveDate>,
    /// The day the period ends (not part of it); `None` for any day from `from` on.
    pub to: Option<NaiveDate>,
    /// The name during the period.
    pub name: String,
}

impl Rename {
    /// Whether `date` falls within this period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date < t)
    }
}

/// What a modifier word does to the phrase around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModifierEffect {
    /// "suspected", "alleged": the actor is reported, not confirmed.
    Hedge,
    /// "backed", "led", "allied": the element before it is a backer ("Russia-backed").
    Backer,
    /// "pro": the element after it is a backer ("pro-government militia").
    Pro,
    /// "held", "controlled": the element before it describes territory, not an actor.
    Territory,
    /// Words skipped inside a phrase ("armed", "unidentified").
    Skip,
    /// "anti": the element after it is opposed, not part of the actor
    /// ("anti-government protesters" are protesters, not the government).
    Anti,
    /// A phrase that contains an actor name but names something else ("Latin
    /// America", "Gulf of Mexico", "Washington Post"): it hides the name inside it.
    Block,
}

impl ModifierEffect {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "hedge" => Self::Hedge,
            "backer" => Self::Backer,
            "pro" => Self::Pro,
            "territory" => Self::Territory,
            "skip" => Self::Skip,
            "anti" => Self::Anti,
            "block" => Self::Block,
            _ => return None,
        })
    }
}

/// A function word that changes how neighbouring actor phrases combine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modifier {
    /// The word or phrase, the key.
    pub phrase: String,
    /// What it does.
    pub effect: ModifierEffect,
}

/// All entries of one set of files (embedded defaults, or a user directory).
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// countries.tsv rows.
    pub countries: Vec<Country>,
    /// agents.tsv rows.
    pub agents: Vec<Agent>,
    /// groups.tsv rows.
    pub groups: Vec<Group>,
    /// people.tsv rows.
    pub people: Vec<Person>,
    /// modifiers.tsv rows.
    pub modifiers: Vec<Modifier>,
    /// regimes.tsv rows.
    pub regimes: Vec<Regime>,
    /// communities.tsv rows.
    pub communities: Vec<Community>,
    /// renames.tsv rows.
    pub renames: Vec<Rename>,
}

fn list(column: Option<&str>) -> Vec<String> {
    column
        .map(|c| {
            c.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn required<'a>(row: &Row<'a>, file: &str, i: usize, what: &str) -> Result<&'a str, LexiconError> {
    row.opt(i).ok_or_else(|| {
        row.error(
            file,
            format!("column {} ({what}) is empty; fill it in", i + 1),
        )
    })
}

fn check_kind(row: &Row<'_>, file: &str, kind: &str) -> Result<(), LexiconError> {
    if KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(row.error(
            file,
            format!("unknown kind {kind:?}; use one of {}", KINDS.join(", ")),
        ))
    }
}

fn check_columns(row: &Row<'_>, file: &str, expected: usize) -> Result<(), LexiconError> {
    if row.columns.len() == expected {
        Ok(())
    } else {
        Err(row.error(
            file,
            format!(
                "expected {expected} tab-separated columns, found {}; see the header",
                row.columns.len()
            ),
        ))
    }
}

/// Parses countries.tsv: `iso3  iso2  name  aliases  demonyms  capitals`.
pub fn parse_countries(file: &str, content: &str) -> Result<Vec<Country>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 6)?;
        let iso3 = required(&row, file, 0, "iso3")?;
        let iso2 = required(&row, file, 1, "iso2")?;
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(row.error(file, format!("iso3 {iso3:?} must be 3 capital letters")));
        }
        if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(row.error(file, format!("iso2 {iso2:?} must be 2 capital letters")));
        }
        let raw_name = required(&row, file, 2, "name")?;
        let (article, name) = match raw_name.strip_prefix("the ") {
            Some(rest) => (true, rest),
            None => (false, raw_name),
        };
        out.push(Country {
            iso3: iso3.into(),
            iso2: iso2.into(),
            name: name.into(),
            article,
            aliases: list(row.opt(3)),
            demonyms: list(row.opt(4)),
            capitals: list(row.opt(5)),
        });
    }
    Ok(out)
}

/// Parses agents.tsv: `phrases  kind  sector  strength  template`.
pub fn parse_agents(file: &str, content: &str) -> Result<Vec<Agent>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 5)?;
        let phrases = list(row.opt(0));
        if phrases.is_empty() {
            return Err(row.error(file, "column 1 (phrases) is empty; fill it in"));
        }
        let kind = required(&row, file, 1, "kind")?;
        check_kind(&row, file, kind)?;
        let sector = required(&row, file, 2, "sector")?;
        if !SECTORS.contains(&sector) {
            return Err(row.error(
                file,
                format!(
                    "unknown sector {sector:?}; use one of {}",
                    SECTORS.join(", ")
                ),
            ));
        }
        let weak = match required(&row, file, 3, "strength")? {
            "strong" => false,
            "weak" => true,
            other => {
                return Err(row.error(
                    file,
                    format!("strength {other:?} must be \"strong\" or \"weak\""),
                ))
            }
        };
        let template = required(&row, file, 4, "template")?;
        let placeholder = template.contains("{country}") || template.contains("{the country}");
        if !placeholder && template.contains('{') {
            return Err(row.error(
                file,
                "template may only hold {country} or {the country}, e.g. \"Civilians ({country})\"",
            ));
        }
        out.push(Agent {
            phrases,
            kind: kind.into(),
            sector: sector.into(),
            weak,
            template: template.into(),
        });
    }
    Ok(out)
}

/// Parses groups.tsv: `name  country  kind  code  aliases`.
pub fn parse_groups(file: &str, content: &str) -> Result<Vec<Group>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 5)?;
        let name = required(&row, file, 0, "name")?;
        let kind = required(&row, file, 2, "kind")?;
        check_kind(&row, file, kind)?;
        let code = required(&row, file, 3, "code")?;
        if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(row.error(
                file,
                format!("code {code:?} must be capital letters, e.g. SOMREB or IGOUNO"),
            ));
        }
        out.push(Group {
            name: name.into(),
            country: row.opt(1).map(String::from),
            kind: kind.into(),
            code: code.into(),
            aliases: list(row.opt(4)),
        });
    }
    Ok(out)
}

fn date(row: &Row<'_>, file: &str, s: &str) -> Result<NaiveDate, LexiconError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| row.error(file, format!("date {s:?} must be YYYY-MM-DD")))
}

/// Column `i` as a date, `None` when empty or `-`.
fn opt_date(row: &Row<'_>, file: &str, i: usize) -> Result<Option<NaiveDate>, LexiconError> {
    row.opt(i).map(|s| date(row, file, s)).transpose()
}

/// Parses people.tsv: `name  country  from  to  office  group  aliases`.
pub fn parse_people(file: &str, content: &str) -> Result<Vec<Person>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 7)?;
        let name = required(&row, file, 0, "name")?;
        let country = required(&row, file, 1, "country")?;
        let from = date(&row, file, required(&row, file, 2, "from")?)?;
        let to = opt_date(&row, file, 3)?;
        if to.is_some_and(|to| to < from) {
            return Err(row.error(file, "the period ends before it starts"));
        }
        out.push(Person {
            name: name.into(),
            country: country.into(),
            from,
            to,
            office: required(&row, file, 4, "office")?.into(),
            group: row.opt(5).map(String::from),
            aliases: list(row.opt(6)),
        });
    }
    Ok(out)
}

/// Parses modifiers.tsv: `phrase  effect`.
pub fn parse_modifiers(file: &str, content: &str) -> Result<Vec<Modifier>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 2)?;
        let phrase = required(&row, file, 0, "phrase")?;
        let effect = required(&row, file, 1, "effect")?;
        let effect = ModifierEffect::parse(effect).ok_or_else(|| {
            row.error(
                file,
                format!(
                    "effect {effect:?} must be hedge, backer, pro, anti, territory, skip or block"
                ),
            )
        })?;
        out.push(Modifier {
            phrase: phrase.into(),
            effect,
        });
    }
    Ok(out)
}

/// Parses regimes.tsv: `country  from  to  period  state  units`.
pub fn parse_regimes(file: &str, content: &str) -> Result<Vec<Regime>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 6)?;
        let country = required(&row, file, 0, "country")?;
        let from = date(&row, file, required(&row, file, 1, "from")?)?;
        let to = opt_date(&row, file, 2)?;
        if to.is_some_and(|to| to <= from) {
            return Err(row.error(file, "the period ends before it starts"));
        }
        let period = required(&row, file, 3, "period")?;
        let well_formed = period.split_once('-').is_some_and(|(a, b)| {
            a.len() == 4
                && a.bytes().all(|c| c.is_ascii_digit())
                && (b.is_empty() || (b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit())))
        });
        if !well_formed {
            return Err(row.error(
                file,
                format!("period {period:?} must be YYYY- or YYYY-YYYY, as ACLED writes it"),
            ));
        }
        out.push(Regime {
            country: country.into(),
            from,
            to,
            period: period.into(),
            state: list(row.opt(4)),
            units: list(row.opt(5)),
        });
    }
    Ok(out)
}

/// Parses communities.tsv: `name  label  aliases`.
pub fn parse_communities(file: &str, content: &str) -> Result<Vec<Community>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 3)?;
        let name = required(&row, file, 0, "name")?;
        let label = row.get(1);
        if !COMMUNITY_LABELS.contains(&label) {
            return Err(row.error(
                file,
                format!(
                    "label {label:?} must be one of {}",
                    COMMUNITY_LABELS.join(", ")
                ),
            ));
        }
        let aliases = list(row.opt(2));
        if aliases.is_empty() {
            return Err(row.error(file, "column 3 (aliases) is empty; list the name at least"));
        }
        out.push(Community {
            name: name.into(),
            label: label.into(),
            aliases,
        });
    }
    Ok(out)
}

/// Parses renames.tsv: `group  from  to  name`.
pub fn parse_renames(file: &str, content: &str) -> Result<Vec<Rename>, LexiconError> {
    let mut out = Vec::new();
    for row in tsv::rows(content) {
        check_columns(&row, file, 4)?;
        let group = required(&row, file, 0, "group")?;
        let from = opt_date(&row, file, 1)?;
        let to = opt_date(&row, file, 2)?;
        match (from, to) {
            (None, None) => {
                return Err(row.error(
                    file,
                    "give from, to or both; a name for every day belongs in groups.tsv",
                ))
            }
            (Some(f), Some(t)) if t <= f => {
                return Err(row.error(file, "the period ends before it starts"))
            }
            _ => {}
        }
        out.push(Rename {
            group: group.into(),
            from,
            to,
            name: required(&row, file, 3, "name")?.into(),
        });
    }
    Ok(out)
}

impl Entries {
    /// Parses the eight files (any may be empty).
    pub fn parse(dir: &str, contents: [&str; 8]) -> Result<Self, LexiconError> {
        let name = |i: usize| format!("{dir}/{}", FILES[i]);
        Ok(Entries {
            countries: parse_countries(&name(0), contents[0])?,
            agents: parse_agents(&name(1), contents[1])?,
            groups: parse_groups(&name(2), contents[2])?,
            people: parse_people(&name(3), contents[3])?,
            modifiers: parse_modifiers(&name(4), contents[4])?,
            regimes: parse_regimes(&name(5), contents[5])?,
            communities: parse_communities(&name(6), contents[6])?,
            renames: parse_renames(&name(7), contents[7])?,
        })
    }

    /// Cross-file checks: references resolve and codes start with a known prefix.
    pub fn validate(&self, dir: &str) -> Result<(), LexiconError> {
        let err = |file: &str, message: String| LexiconError {
            file: format!("{dir}/{file}"),
            line: 0,
            message,
        };
        let known = |iso3: &str| self.countries.iter().any(|c| c.iso3 == iso3);
        let known_group = |name: &str| self.groups.iter().any(|g| g.name == name);
        for group in &self.groups {
            if let Some(country) = &group.country {
                if !known(country) {
                    return Err(err(
                        FILES[2],
                        format!("group {:?}: unknown country {country:?}; add it to countries.tsv or use -", group.name),
                    ));
                }
            }
            let prefix = &group.code[..3];
            if !known(prefix) && !NON_STATE_PREFIXES.contains(&prefix) {
                return Err(err(
                    FILES[2],
                    format!(
                        "group {:?}: code {:?} must start with an ISO3 code or one of {}",
                        group.name,
                        group.code,
                        NON_STATE_PREFIXES.join(", ")
                    ),
                ));
            }
        }
        for person in &self.people {
            if !known(&person.country) {
                return Err(err(
                    FILES[3],
                    format!("{}: unknown country {:?}", person.name, person.country),
                ));
            }
            if let Some(group) = &person.group {
                if !known_group(group) {
                    return Err(err(
                        FILES[3],
                        format!(
                            "{}: unknown group {group:?}; use a name from groups.tsv",
                            person.name
                        ),
                    ));
                }
            }
        }
        for rename in &self.renames {
            if !known_group(&rename.group) {
                return Err(err(
                    FILES[7],
                    format!(
                        "unknown group {:?}; use a name from groups.tsv",
                        rename.group
                    ),
                ));
            }
        }
        let mut regimes: Vec<&Regime> = self.regimes.iter().collect();
        regimes.sort_by(|a, b| (&a.country, a.from).cmp(&(&b.country, b.from)));
        for (i, regime) in regimes.iter().enumerate() {
            let name = format!("{} {}", regime.country, regime.from);
            if !known(&regime.country) {
                return Err(err(FILES[5], format!("{name}: unknown country")));
            }
            if let Some(next) = regimes.get(i + 1).filter(|n| n.country == regime.country) {
                if regime.to.is_none_or(|to| to > next.from) {
                    return Err(err(
                        FILES[5],
                        format!(
                            "{name}: overlaps the period from {}; end it on or before that day",
                            next.from
                        ),
                    ));
                }
            }
            for group in regime.state.iter().chain(&regime.units) {
                if !known_group(group) {
                    return Err(err(
                        FILES[5],
                        format!("{name}: unknown group {group:?}; use a name from groups.tsv"),
                    ));
                }
            }
        }
        Ok(())
    }
}
