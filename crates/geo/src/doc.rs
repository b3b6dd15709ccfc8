//! The places of one document: every toponym mention, resolved, plus the document's focus,
//! and `locate`, which picks the place of one event from its evidence sentence.

use sitrep_model::{CharIndex, GeoPrecision, Location, Place, Span};

use crate::gazetteer::{Cue, Entry, Gazetteer, Kind};
use crate::recognize::{recognize, tokenize, Sep, Token};
use crate::resolve::{locale_evidence, resolve};

/// A resolved gazetteer entry, copied out of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// Gazetteer name ("Saraqib").
    pub name: String,
    /// Feature kind.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 country code ("" for continents and multi-country regions).
    pub country: String,
    /// First-level division name ("" when unknown or not applicable).
    pub admin1: String,
    /// Second-level division name ("" when unknown).
    pub admin2: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id, when the entry has one.
    pub geonameid: Option<u64>,
    /// South, west, north, east of the inner part of a country or admin1.
    pub extent: Option<[f64; 4]>,
    /// For an admin1 or admin2: the point of its seat (the town in it named like it, else
    /// its most populous town), where an event known only to lie in the division is placed,
    /// as event coders do ("in Kirkuk governorate" → Kirkuk).
    pub seat: Option<(f64, f64)>,
}

impl ResolvedPlace {
    fn from_entry(entry: Entry) -> Self {
        ResolvedPlace {
            geonameid: (entry.geonameid > 0).then_some(entry.geonameid),
            name: entry.name,
            kind: entry.kind,
            country: entry.country,
            admin1: entry.admin1,
            admin2: entry.admin2,
            lat: entry.lat,
            lon: entry.lon,
            extent: entry.extent,
            seat: None,
        }
    }

    /// The entry `id` of `gazetteer` with the point of its seat when it is a division.
    pub(crate) fn resolve(gazetteer: &Gazetteer, id: u32) -> Self {
        let mut place = ResolvedPlace::from_entry(gazetteer.entry(id));
        let limit = match place.kind {
            Kind::Admin1 => SEAT_KM_ADMIN1,
            Kind::Admin2 => SEAT_KM_ADMIN2,
            _ => return place,
        };
        if let Some(seat) = gazetteer.seat(id) {
            let hot = &gazetteer.hot[seat as usize];
            let km = crate::resolve::distance_km(place.lat, place.lon, hot.lat, hot.lon);
            if km <= limit {
                place.seat = Some((hot.lat, hot.lon));
            }
        }
        place
    }

    /// Precision of the entry's coordinates: country, region (divisions, named regions,
    /// continents) or town.
    pub fn precision(&self) -> GeoPrecision {
        match self.kind {
            Kind::Country => GeoPrecision::Country,
            Kind::City | Kind::Capital => GeoPrecision::Town,
            Kind::Admin1 | Kind::Admin2 | Kind::Region | Kind::Continent => GeoPrecision::Region,
        }
    }

    fn to_location(&self, text: Option<String>, precision: GeoPrecision) -> Location {
        let none_if_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let (lat, lon) = self.seat.unwrap_or((self.lat, self.lon));
        Location {
            text,
            name: Some(self.name.clone()),
            country: none_if_empty(&self.country),
            admin1: none_if_empty(&self.admin1),
            admin2: none_if_empty(&self.admin2),
            lat: Some(round4(lat)),
            lon: Some(round4(lon)),
            geonameid: self.geonameid,
            precision,
        }
    }
}

fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// One toponym mention in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Bytes of the toponym, with a generic word after it ("Idlib province").
    pub span: Span,
    /// The toponym as written (`text[span]`).
    pub text: String,
    /// The toponym with its direction word, as written ("northeast Syria").
    pub phrase: String,
    /// Bytes of a direction word before it ("northern", "southeast"), if any.
    pub direction: Option<Span>,
    /// The gazetteer entry it resolves to.
    pub place: Option<ResolvedPlace>,
    /// Whether a locative word ("in", "near", "at", "outside") comes right before it, or it
    /// is listed after such a name ("in Idlib and Hama", "at X, Y or Z").
    pub locative: bool,
    /// For a name listed after a locative one ("Hama" in "in Idlib and Hama"), the span of
    /// the list's first name: the list is one phrase, and its first name leads.
    pub list_head: Option<Span>,
    /// Whether it is a possessive ("Turkey's"), usually a modifier, not a location.
    pub possessive: bool,
    /// Whether it is only the start of a longer name or names a site of its own ("Porto
    /// Novo neighbourhood", "Tin Rhassane", "Morro da Coca"): weak evidence for the town.
    pub partial: bool,
    /// Whether it is a country or capital standing for its government as the subject of a
    /// clause ("Washington has sought", "Moscow accused"; `predicate` and `person` words
    /// in `gazetteer/cues.tsv`): an actor, not where an event happened.
    pub subject: bool,
    /// Whether it modifies a noun after "the" ("the Benue kidnap suspects", "the Kabul
    /// government"): a name used as an adjective, not where an event happened.
    pub modifier: bool,
    /// Whether it modifies the noun after it: joined by a hyphen to a lower-case word
    /// ("U.S.-backed", "Kabul-based"), or a country before a title or an `attribute` word of
    /// `gazetteer/cues.tsv` ("U.S. President", "U.S. troops"): no event's place.
    pub attributive: bool,
}

/// `locate`: bonus for a place named with the region it is in ("Saraqeb, a town in Idlib
/// province", "Macapa (Amapa)").
const NESTED_BONUS: f64 = 2.0;
/// `locate`: penalty for a place in a country that neither the other places of the sentence
/// nor the document's focus are in.
const STRAY_PENALTY: f64 = 2.5;
/// `locate`: penalty for a name that is only the start of a longer one or names a site.
const PARTIAL_PENALTY: f64 = 2.0;
/// A division's seat farther than this from the division's own point is not used.
const SEAT_KM_ADMIN1: f64 = 300.0;
const SEAT_KM_ADMIN2: f64 = 100.0;
/// `locate`: a lone place of another country is a misread homonym when this many places
/// of the document's focus country are named.
const FOREIGN_FOCUS_MENTIONS: usize = 2;
/// `locate`: penalty for a name used as an adjective ("the Kabul government").
const MODIFIER_PENALTY: f64 = 1.5;
/// `locate`: what a name listed after another loses to it ("in Idlib and Hama").
const LISTED_PENALTY: f64 = 0.1;
/// `locate`: penalty for the region named after a place to say where it is.
const QUALIFIER_PENALTY: f64 = 1.0;
/// `locate`: towns farther apart than this are not one chain ("Shwebo, Sagaing").
const CHAIN_KM: f64 = 150.0;

/// `locate`: a place this far from the point of the division written after it is not in it.
const BROKEN_DIVISION_KM: f64 = 250.0;

/// How a place relates to the place written after it (see `DocPlaces::chain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chain {
    None,
    Nested,
    Broken,
}

/// An unnamed area in the text that an event can be placed in ("the border area").
#[derive(Debug, Clone, PartialEq, Eq)]
struct RegionalPhrase {
    span: Span,
    text: String,
}

/// "The capital" written without its name ("in the capital", "the Afghan capital",
/// "Sudan's capital"): the capital of the country named with it, else of the document's
/// focus country.
#[derive(Debug, Clone, PartialEq)]
struct CapitalPhrase {
    span: Span,
    text: String,
    locative: bool,
    place: ResolvedPlace,
}

/// Every toponym in one document, resolved with document-level context.
#[derive(Debug, Clone, Default)]
pub struct DocPlaces {
    mentions: Vec<Mention>,
    regional: Vec<RegionalPhrase>,
    /// "the capital", "the Afghan capital", "Sudan's capital", resolved.
    capitals: Vec<CapitalPhrase>,
    focus_country: Option<ResolvedPlace>,
    /// The province of the most-mentioned place below country level (or that place when
    /// it is a division), and how often it is named.
    focus_place: Option<(ResolvedPlace, usize)>,
    /// Distinct places named, by country.
    countries: Vec<(String, usize)>,
    text_len: usize,
    /// The text between consecutive mentions, when short: (end of one, start of the next,
    /// the text between, trimmed).
    gaps: Vec<(usize, usize, String)>,
}

/// Geoparses one document. Never fails; an empty or odd text gives no mentions.
pub(crate) fn geoparse(gazetteer: &Gazetteer, text: &str) -> DocPlaces {
    let mut keys = String::new();
    let tokens = tokenize(text, &mut keys);
    let candidates = recognize(gazetteer, text, &tokens);
    let locale = locale_evidence(gazetteer, &tokens);
    let picks = resolve(gazetteer, &candidates, text, &locale);
    // One copy of each picked entry, cloned for its other mentions.
    let mut places: Vec<(u32, ResolvedPlace)> = Vec::new();
    let mut place_of = |e: u32| -> ResolvedPlace {
        if let Some((_, place)) = places.iter().find(|(id, _)| *id == e) {
            return place.clone();
        }
        let place = ResolvedPlace::resolve(gazetteer, e);
        places.push((e, place.clone()));
        place
    };
    let mut mentions: Vec<Mention> = candidates
        .iter()
        .zip(&picks)
        .map(|(candidate, pick)| Mention {
            span: candidate.span,
            text: candidate.span.slice(text).to_string(),
            phrase: Span::new(
                candidate
                    .direction
                    .map_or(candidate.span.start, |d| d.start),
                candidate.span.end,
            )
            .slice(text)
            .to_string(),
            direction: candidate.direction,
            place: pick.map(&mut place_of),
            locative: candidate.cue_before == Some(Cue::Locative),
            list_head: None,
            possessive: candidate.possessive,
            partial: is_partial(gazetteer, &tokens, candidate.through),
            subject: false,
            modifier: false,
            attributive: false,
        })
        .collect();
    for (mention, candidate) in mentions.iter_mut().zip(&candidates) {
        mention.subject = !mention.locative
            && mention
                .place
                .as_ref()
                .is_some_and(|p| matches!(p.kind, Kind::Country | Kind::Capital))
            && is_subject(gazetteer, &tokens, candidate.through);
        mention.modifier = !mention.locative
            && !mention.possessive
            && is_modifier(gazetteer, &tokens, candidate.first, candidate.through);
        let country = mention
            .place
            .as_ref()
            .is_some_and(|p| p.kind == Kind::Country);
        mention.attributive = !mention.locative
            && !mention.possessive
            && is_attributive(
                gazetteer,
                text,
                &tokens,
                mention.span.end,
                candidate.through,
                country,
            );
    }
    let regional = regional_phrases(gazetteer, text, &tokens, &mentions);
    let gaps: Vec<(usize, usize, String)> = mentions
        .windows(2)
        .filter_map(|pair| {
            let (end, start) = gap_bounds(&pair[0], &pair[1]);
            short_gap(text, end, start).map(|gap| (end, start, gap.to_string()))
        })
        .collect();
    // "in X and Y", "at X, Y or Z": every name of a locative list is locative.
    for i in 1..mentions.len() {
        let (end, start) = gap_bounds(&mentions[i - 1], &mentions[i]);
        let gap = short_gap(text, end, start);
        let listed = gap.is_some_and(|g| LIST_GAPS.contains(&g));
        // "in Nigeria's Borno state": the place after a possessive one is the locative's head.
        let possessed =
            mentions[i - 1].possessive && gap.is_some_and(|g| POSSESSIVE_GAPS.contains(&g));
        if possessed && mentions[i - 1].locative {
            mentions[i].locative = true;
        }
        if listed && mentions[i - 1].locative {
            mentions[i].locative = true;
            mentions[i].list_head = Some(mentions[i - 1].list_head.unwrap_or(mentions[i - 1].span));
        }
    }
    // Only the start of a longer name ("Pont" of an unknown "Pont X") says little about
    // which country the document is about.
    // Such names count only for a country the document names otherwise too.
    let named: Vec<&str> = mentions
        .iter()
        .filter(|m| !m.partial)
        .filter_map(|m| Some(m.place.as_ref()?.country.as_str()))
        .collect();
    let whole: Vec<Option<u32>> = picks
        .iter()
        .zip(&mentions)
        .map(|(pick, m)| {
            pick.filter(|_| {
                !m.partial
                    || m.place
                        .as_ref()
                        .is_some_and(|p| named.contains(&p.country.as_str()))
            })
        })
        .collect();
    let (focus_country, focus_place) = document_focus(gazetteer, &whole);
    let capitals = capital_phrases(
        gazetteer,
        text,
        &tokens,
        &candidates,
        &mentions,
        focus_country.as_ref(),
    );
    // Distinct places by country ("Yaya" named twice is one place).
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut countries: Vec<(String, usize)> = Vec::new();
    for place in mentions.iter().filter_map(|m| m.place.as_ref()) {
        if place.country.is_empty() || seen.contains(&(&place.country, &place.name)) {
            continue;
        }
        seen.push((&place.country, &place.name));
        match countries.iter_mut().find(|c| c.0 == place.country) {
            Some(c) => c.1 += 1,
            None => countries.push((place.country.clone(), 1)),
        }
    }
    DocPlaces {
        mentions,
        countries,
        regional,
        capitals,
        focus_country,
        focus_place,
        text_len: text.len(),
        gaps,
    }
}

/// Where the text between two consecutive mentions lies: from the end of one to the
/// start of the next or of its direction word ("Idlib and northern Hama": " and ").
fn gap_bounds(before: &Mention, after: &Mention) -> (usize, usize) {
    let start = after.direction.map_or(after.span.start, |d| d.start);
    (before.span.end, start)
}

/// The text from `end` to `start`, trimmed, when it is short (twelve bytes or fewer).
fn short_gap(text: &str, end: usize, start: usize) -> Option<&str> {
    text.get(end..start)
        .filter(|g| g.len() <= 12)
        .map(str::trim)
}

/// What stands between a possessive name and the next ("Nigeria's Borno state").
const POSSESSIVE_GAPS: &[&str] = &["", "'s", "\u{2019}s", "'", "\u{2019}"];

/// What stands between two names of one list ("in Idlib and Hama", "at X, Y or Z").
const LIST_GAPS: &[&str] = &[
    "and", "or", ",", ", and", ", or", "and the", "and in", ", and in",
];

/// Particles inside Romance place names ("Morro da Coca", "Valle del Cauca").
const NAME_PARTICLES: &[&str] = &["da", "das", "de", "del", "der", "di", "do", "dos", "du"];

/// Whether the name ending at token `through` goes on with words the gazetteer does not
/// have ("Tin Rhassane", "Morro da Coca") or is followed by a site word ("Porto Novo
/// neighbourhood", `sublocal` in `gazetteer/cues.tsv`).
fn is_partial(gazetteer: &Gazetteer, tokens: &[Token], through: usize) -> bool {
    let Some(next) = tokens.get(through + 1) else {
        return false;
    };
    if next.sep != Sep::Join {
        return false;
    }
    if let Some(&cue) = gazetteer.cues.get(&next.hash) {
        return cue == Cue::Sublocal;
    }
    if next.capitalised {
        return !gazetteer.stop.contains(&next.hash);
    }
    NAME_PARTICLES.contains(&next.key)
        && tokens
            .get(through + 2)
            .is_some_and(|t| t.sep == Sep::Join && t.capitalised)
}

/// Whether the word after the name ending at token `through` makes the name the subject
/// of a clause ("Washington has sought", "Moscow said").
fn is_subject(gazetteer: &Gazetteer, tokens: &[Token], through: usize) -> bool {
    tokens.get(through + 1).is_some_and(|next| {
        next.sep == Sep::Join
            && !next.capitalised
            && matches!(
                gazetteer.cues.get(&next.hash),
                Some(Cue::Predicate | Cue::Person)
            )
    })
}

/// Whether the name from token `first` through `through` modifies a noun after "the" ("the
/// Benue kidnap suspects"): "the" before it, a lower-case word that is no cue after it.
fn is_modifier(gazetteer: &Gazetteer, tokens: &[Token], first: usize, through: usize) -> bool {
    let the = first
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.key == "the" && tokens[first].sep == Sep::Join);
    the && tokens.get(through + 1).is_some_and(|next| {
        next.sep == Sep::Join
            && !next.capitalised
            && next.key.chars().all(|c| c.is_alphabetic())
            && !gazetteer.cues.contains_key(&next.hash)
            && !gazetteer.stop.contains(&next.hash)
    })
}

/// Whether the name ending at byte `end` (token `through`) modifies the noun after it:
/// joined by a hyphen to a lower-case word ("U.S.-backed", "Saudi-led", "Kabul-based"), or,
/// for a `country`, followed by a title or an `attribute` word of `gazetteer/cues.tsv` ("U.S.
/// President", "U.S. troops").
fn is_attributive(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    end: usize,
    through: usize,
    country: bool,
) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if let Some(word) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2011}'))
    {
        let letters = word.bytes().take_while(u8::is_ascii_lowercase).count();
        let whole = !word[letters..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
        if letters >= 3 && whole {
            return true;
        }
    }
    country
        && tokens.get(through + 1).is_some_and(|next| {
            next.sep == Sep::Join
                && (gazetteer.attribute_words.contains(&next.hash)
                    || gazetteer.cues.get(&next.hash) == Some(&Cue::Title))
        })
}

/// Words after "the capital" that make it money, not a city ("capital markets").
const NOT_A_CITY: &[&str] = &[
    "account",
    "base",
    "budget",
    "case",
    "cases",
    "cost",
    "costs",
    "crime",
    "crimes",
    "expenditure",
    "flight",
    "flows",
    "gain",
    "gains",
    "goods",
    "increase",
    "inflows",
    "injection",
    "investment",
    "investments",
    "letter",
    "letters",
    "market",
    "markets",
    "offence",
    "offences",
    "offense",
    "offenses",
    "outflows",
    "outlay",
    "projects",
    "punishment",
    "ratio",
    "ratios",
    "requirement",
    "requirements",
    "spending",
    "stock",
];

/// Finds "the capital" written without the city's name: after "the" ("in the capital", "the
/// capital city"), "the" and a demonym ("the Afghan capital"), "the country's" or "the
/// nation's", or a country's possessive ("Sudan's capital"); not "the state capital", "the
/// capital of X" or "the capital, Kabul" (the name is there), nor "capital markets". The
/// demonym's or the possessive country's capital, else the focus country's.
fn capital_phrases(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    candidates: &[crate::recognize::Candidate],
    mentions: &[Mention],
    focus: Option<&ResolvedPlace>,
) -> Vec<CapitalPhrase> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.key != "capital" || token.capitalised || i < 1 || token.sep != Sep::Join {
            continue;
        }
        if let Some(next) = tokens.get(i + 1).filter(|n| n.sep != Sep::Break) {
            let named = mentions.iter().any(|m| m.span.start == next.span.start);
            let joined = next.sep == Sep::Join;
            if named || (joined && (next.key == "of" || NOT_A_CITY.contains(&next.key))) {
                continue;
            }
        }
        let previous = &tokens[i - 1];
        let the = |k: usize| tokens[k].key == "the" && tokens[k + 1].sep == Sep::Join;
        let (country, first) = if previous.key == "the" {
            (None, i - 1)
        } else if let Some(&area) = gazetteer
            .demonym_area
            .get(&previous.hash)
            .filter(|_| i >= 2 && the(i - 2))
        {
            (Some(area), i - 2)
        } else if previous.possessive
            && matches!(previous.key, "country" | "nation")
            && i >= 2
            && the(i - 2)
        {
            (None, i - 2)
        } else if previous.possessive {
            // "Sudan's capital": the possessive is a country's name.
            let Some((candidate, place)) = candidates
                .iter()
                .zip(mentions)
                .find(|(c, _)| c.through == i - 1)
                .and_then(|(c, m)| Some((c, m.place.as_ref()?)))
                .filter(|(_, p)| p.kind == Kind::Country)
            else {
                continue;
            };
            let area = crate::gazetteer::area_codes(&place.country, "", "")[0];
            (Some(area), candidate.first)
        } else {
            continue;
        };
        let area = match country {
            Some(area) => area,
            None => match focus {
                Some(f) => crate::gazetteer::area_codes(&f.country, "", "")[0],
                None => continue,
            },
        };
        let Some(&id) = gazetteer.capital_by_area.get(&area) else {
            continue;
        };
        let locative = first > 0
            && tokens[first].sep == Sep::Join
            && gazetteer.cues.get(&tokens[first - 1].hash) == Some(&Cue::Locative);
        let span = Span::new(tokens[first].span.start, token.span.end);
        out.push(CapitalPhrase {
            span,
            text: span.slice(text).to_string(),
            locative,
            place: ResolvedPlace::resolve(gazetteer, id),
        });
    }
    out
}

fn regional_phrases(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
) -> Vec<RegionalPhrase> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.capitalised || gazetteer.cues.get(&token.hash) != Some(&Cue::Regional) {
            continue;
        }
        if mentions.iter().any(|m| m.span.overlaps(token.span)) {
            continue;
        }
        // Reach back over the words naming it: "the M5 highway", "the border area".
        let mut start = i;
        while start > 0
            && i - start < 3
            && tokens[start].sep == Sep::Join
            && !mentions
                .iter()
                .any(|m| m.span.overlaps(tokens[start - 1].span))
            && (tokens[start - 1].key == "the"
                || tokens[start - 1].capitalised
                || tokens[start - 1].key.chars().any(|c| c.is_ascii_digit())
                || gazetteer.cues.get(&tokens[start - 1].hash) == Some(&Cue::Regional))
        {
            start -= 1;
        }
        let span = Span::new(tokens[start].span.start, token.span.end);
        let phrase = span.slice(text);
        if !phrase.is_empty() {
            out.push(RegionalPhrase {
                span,
                text: phrase.to_string(),
            });
        }
    }
    out
}

fn document_focus(
    gazetteer: &Gazetteer,
    picks: &[Option<u32>],
) -> (Option<ResolvedPlace>, Option<(ResolvedPlace, usize)>) {
    let hot = &gazetteer.hot;
    let picked = || picks.iter().flatten().map(|&e| e as usize);
    let mut countries: Vec<(u64, f64, usize)> = Vec::new();
    for e in picked() {
        let country = hot[e].area[0];
        if country == 0 {
            continue;
        }
        let weight = if hot[e].kind == Kind::Country {
            1.0
        } else {
            1.2
        };
        match countries.iter_mut().find(|c| c.0 == country) {
            Some(c) => c.1 += weight,
            None => countries.push((country, weight, e)),
        }
    }
    // Ties go to the country first in the file (by ISO code).
    let country = countries
        .iter()
        .filter_map(|c| Some((c.1, *gazetteer.country_by_area.get(&c.0)?)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, id)| ResolvedPlace::resolve(gazetteer, id));
    // The most-named place below country level (a province counts its towns' mentions too).
    // Places are counted by (country, name, kind); provinces by (country, admin1).
    let mut counts: Vec<((u64, u64, Kind), usize, usize)> = Vec::new();
    let mut admin_totals: Vec<(u64, usize)> = Vec::new();
    for e in picked() {
        let h = &hot[e];
        if !matches!(
            h.kind,
            Kind::Admin1 | Kind::Admin2 | Kind::City | Kind::Capital
        ) {
            continue;
        }
        let key = (h.area[0], h.name_hash, h.kind);
        match counts.iter_mut().find(|c| c.0 == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1, e)),
        }
    }
    for &(_, n, e) in &counts {
        let admin1 = hot[e].area[1];
        if admin1 != 0 {
            match admin_totals.iter_mut().find(|a| a.0 == admin1) {
                Some(a) => a.1 += n,
                None => admin_totals.push((admin1, n)),
            }
        }
    }
    // Rank by own mentions, then by the mentions of its province, then admin1 first.
    let ranked: Vec<((usize, bool), usize, bool)> = counts
        .iter()
        .map(|&(_, n, e)| {
            let regional = admin_totals
                .iter()
                .find(|a| a.0 == hot[e].area[1])
                .map_or(0, |a| a.1);
            // Whether the place is all the document names of its province.
            let alone = regional <= n;
            ((n * 10 + regional, hot[e].kind == Kind::Admin1), e, alone)
        })
        .collect();
    let top = ranked.iter().map(|r| r.0).max();
    // Ties go to the name first in alphabetical order.
    let best = ranked
        .iter()
        .filter(|r| Some(r.0) == top)
        .map(|&((score, _), e, alone)| (score, e as u32, gazetteer.entry(e as u32), alone))
        .min_by(|a, b| a.2.name.cmp(&b.2.name))
        .map(|(score, id, place, alone)| {
            // A town stands for its province when an event is placed "in Syria", unless it
            // is the only place of its province the document names (a story about one city).
            let region = if place.kind.is_place() && !alone {
                gazetteer
                    .admin1_by_area
                    .get(&admin1_area(&place))
                    .copied()
                    .unwrap_or(id)
            } else {
                id
            };
            (ResolvedPlace::resolve(gazetteer, region), score / 10)
        });
    (country, best)
}

/// The `area` hash of an entry's country and admin1.
fn admin1_area(entry: &Entry) -> u64 {
    crate::gazetteer::area_codes(&entry.country, &entry.admin1, "")[1]
}

/// Whether `outer` (a country or division) contains `inner`.
fn contains(outer: &ResolvedPlace, inner: &ResolvedPlace) -> bool {
    if outer.country.is_empty() || outer.country != inner.country || outer == inner {
        return false;
    }
    match outer.kind {
        Kind::Country => inner.kind != Kind::Country,
        Kind::Admin1 => inner.kind != Kind::Admin1 && inner.admin1 == outer.admin1,
        Kind::Admin2 => inner.kind.is_place() && inner.admin2 == outer.admin2,
        _ => false,
    }
}

/// What a place loses for its distance from the trigger at byte `anchor` (a place before
/// the trigger a little more).
fn distance_penalty(span: Span, anchor: usize) -> f64 {
    let distance = if span.start >= anchor {
        span.start - anchor
    } else {
        anchor.saturating_sub(span.end) + 20
    };
    (distance as f64 / 60.0).min(3.0)
}

/// Moves a point towards one side of an extent ("northern Syria").
fn shift(place: &ResolvedPlace, direction: &str) -> (f64, f64) {
    let Some([south, west, north, east]) = place.extent else {
        return (place.lat, place.lon);
    };
    let direction = direction.to_lowercase();
    let (mut lat, mut lon) = (place.lat, place.lon);
    if direction.contains("north") {
        lat = (lat + north) / 2.0;
    }
    if direction.contains("south") {
        lat = (lat + south) / 2.0;
    }
    if direction.contains("east") {
        lon = (lon + east) / 2.0;
    }
    if direction.contains("west") {
        lon = (lon + west) / 2.0;
    }
    (lat, lon)
}

impl DocPlaces {
    /// Every toponym mention, in text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The document's country focus (the country most named, directly or through its
    /// places), at country precision, for events with no place of their own.
    pub fn focus(&self) -> Option<Location> {
        self.focus_country
            .as_ref()
            .map(|c| c.to_location(None, GeoPrecision::Country))
    }

    /// The place of an event that no sentence places: the region the document is about
    /// (`focus_place`) when it lies in the focus country and is named at least twice ("the
    /// signing ceremony in Havana" twice in a story about Colombia and Cuba), else the focus
    /// country.
    pub fn fallback(&self) -> Option<Location> {
        let country = self.focus_country.as_ref()?;
        self.region_in(&country.country, None)
            .or_else(|| self.focus())
    }

    /// The document's region at region precision when it lies in `country` and is named at
    /// least twice.
    fn region_in(&self, country: &str, text: Option<String>) -> Option<Location> {
        let (focus, named) = self.focus_place.as_ref()?;
        (focus.country == country && *named >= 2)
            .then(|| focus.to_location(text, GeoPrecision::Region))
    }

    /// The region the document is about below country level (the province of its most-named
    /// place, or that place when it is a division) and how many times it is named.
    pub fn focus_place(&self) -> Option<(Location, usize)> {
        self.focus_place.as_ref().map(|(place, n)| {
            let precision = place.precision();
            (place.to_location(None, precision), *n)
        })
    }

    /// One `kind: "place"` record per mention (code-point offsets).
    pub fn to_records(&self, doc_id: &str, text: &str) -> Vec<Place> {
        let index = CharIndex::new(text);
        self.mentions
            .iter()
            .map(|m| {
                let none_if_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
                let mut record = Place {
                    doc_id: doc_id.to_string(),
                    text: m.span.slice(text).to_string(),
                    start: index.chars(m.span.start),
                    end: index.chars(m.span.end),
                    ..Place::default()
                };
                if let Some(p) = &m.place {
                    record.name = Some(p.name.clone());
                    record.country = none_if_empty(&p.country);
                    record.admin1 = none_if_empty(&p.admin1);
                    record.lat = Some(round4(p.lat));
                    record.lon = Some(round4(p.lon));
                    record.geonameid = p.geonameid;
                    record.feature = Some(p.kind.as_str().to_string());
                    record.precision = p.precision();
                }
                record
            })
            .collect()
    }

    /// The best place for an event whose evidence sentence is `window` (bytes) with its
    /// trigger at byte `anchor`, ignoring mentions that overlap `exclude` (actors).
    ///
    /// Prefers named places inside the window near the anchor, after "in/near/at", and
    /// specific over general; a country (or "northeast Syria") gives way to the place the
    /// document is about when that place is in the same country and named at least twice;
    /// an unnamed area ("the border area", "the M5 highway") takes that place too, at
    /// region precision. None when the window names no place.
    pub fn locate(&self, window: Span, anchor: usize, exclude: &[Span]) -> Option<Location> {
        self.locate_in(window, anchor, exclude, false)
    }

    /// `locate` for a sentence that only gives context to an event elsewhere ("Gunmen raided
    /// X. Five died."): a name used as an adjective there ("the Benue kidnap suspects") is
    /// no evidence at all.
    pub fn locate_context(&self, window: Span) -> Option<Location> {
        self.locate_in(window, window.end, &[], true)
    }

    fn locate_in(
        &self,
        window: Span,
        anchor: usize,
        exclude: &[Span],
        context: bool,
    ) -> Option<Location> {
        let window = Span::new(
            window.start.min(self.text_len),
            window.end.min(self.text_len),
        );
        let inside: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| window.contains(m.span) && m.place.is_some())
            .filter(|m| !(m.subject || m.attributive || (context && m.modifier)))
            .filter(|m| !(context && self.beyond_focus(m)))
            .filter(|m| !exclude.iter().any(|x| x.overlaps(m.span)))
            .filter(|m| !self.foreign(m))
            .collect();
        // A place named with the region it is in ("Saraqeb, a town in Idlib province",
        // "Macapa (Amapa)", "Irapuato, Guanajuato") is the more precise of the two.
        let outers: Vec<&ResolvedPlace> = inside
            .iter()
            .filter_map(|m| m.place.as_ref())
            .filter(|p| matches!(p.kind, Kind::Country | Kind::Admin1 | Kind::Admin2))
            .take(16)
            .collect();
        let best = inside
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let chain = self.chain(m, inside.get(k + 1).copied());
                let nested = chain == Chain::Nested
                    || m.place
                        .as_ref()
                        .is_some_and(|inner| outers.iter().any(|outer| contains(outer, inner)));
                let bonus = if nested { NESTED_BONUS } else { 0.0 };
                let stray = if chain == Chain::Broken || self.stray(m, &inside) {
                    STRAY_PENALTY
                } else {
                    0.0
                };
                let partial = if m.partial { PARTIAL_PENALTY } else { 0.0 };
                let modifier = if m.modifier { MODIFIER_PENALTY } else { 0.0 };
                // The region written after a place to say where that place is ("Shwebo,
                // Sagaing", "Saraqeb (Idlib)") qualifies it; it is not the place itself.
                let qualifier = k > 0 && self.chain(inside[k - 1], Some(m)) == Chain::Nested;
                let qualifier = if qualifier { QUALIFIER_PENALTY } else { 0.0 };
                (
                    self.locate_score(m, anchor) + bonus - stray - partial - qualifier - modifier,
                    *m,
                )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        // "in the capital": scored as the capital's name would be.
        let capital = self
            .capitals
            .iter()
            .filter(|c| window.contains(c.span) && !exclude.iter().any(|x| x.overlaps(c.span)))
            .map(|c| {
                let locative = if c.locative { 2.0 } else { 0.0 };
                (3.0 + locative - distance_penalty(c.span, anchor), c)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match (best, capital) {
            (Some((score, _)), Some((ours, c))) if ours > score => Some(
                c.place
                    .to_location(Some(c.text.clone()), GeoPrecision::Town),
            ),
            (Some((_, mention)), _) => Some(self.location_of(mention)),
            (None, Some((_, c))) => Some(
                c.place
                    .to_location(Some(c.text.clone()), GeoPrecision::Town),
            ),
            (None, None) => self.regional_location(window, exclude),
        }
    }

    /// How `mention` relates to the place written right after it as a chain ("X, Y",
    /// "X (Y", "X in Y", "X of Y"): nested when Y is a place it lies in ("Macapa (Amapa)",
    /// "Irapuato, Guanajuato", where the second may be the town that names the division), or a
    /// town near it ("Shwebo, Sagaing": the most specific comes first); broken when Y is a
    /// division of the same country that does not contain it, or a town far from it, so
    /// that the first name was read as the wrong place of that name.
    fn chain(&self, mention: &Mention, next: Option<&Mention>) -> Chain {
        let (Some(inner), Some(next)) = (mention.place.as_ref(), next) else {
            return Chain::None;
        };
        let Some(outer) = next.place.as_ref() else {
            return Chain::None;
        };
        let start = next.direction.map_or(next.span.start, |d| d.start);
        let Some(gap) = self.text_gap(mention.span.end, start) else {
            return Chain::None;
        };
        let listing = matches!(gap, "," | "(");
        if !listing && !matches!(gap, ", in" | "in" | "of") {
            return Chain::None;
        }
        if inner.country.is_empty() || outer.country.is_empty() || inner == outer {
            return Chain::None;
        }
        if inner.country != outer.country {
            // "Sindian (Bignona)" with Sindian read as a town abroad: the first name is
            // the wrong place of that name.
            let local =
                |k: Kind| matches!(k, Kind::City | Kind::Capital | Kind::Admin1 | Kind::Admin2);
            return if matches!(inner.kind, Kind::City | Kind::Capital | Kind::Admin2)
                && local(outer.kind)
            {
                Chain::Broken
            } else {
                Chain::None
            };
        }
        if contains(outer, inner) {
            return Chain::Nested;
        }
        let name = crate::fold::fold(&outer.name);
        let named_after =
            |division: &str| !division.is_empty() && crate::fold::fold(division) == name;
        let same_admin2 = !inner.admin2.is_empty() && inner.admin2 == outer.admin2;
        let km = crate::resolve::distance_km(inner.lat, inner.lon, outer.lat, outer.lon);
        match (inner.kind, outer.kind) {
            (Kind::City | Kind::Capital, _)
                if named_after(&inner.admin1) || named_after(&inner.admin2) || same_admin2 =>
            {
                Chain::Nested
            }
            (Kind::Admin2, _) if named_after(&inner.admin1) => Chain::Nested,
            (Kind::City | Kind::Capital, Kind::City | Kind::Capital) if km <= CHAIN_KM => {
                if listing {
                    Chain::Nested
                } else {
                    Chain::None
                }
            }
            (Kind::City | Kind::Capital, Kind::City | Kind::Capital) => Chain::Broken,
            // Divisions' data is uneven (a town's admin2 may be missing or named otherwise),
            // so only a far one breaks the chain.
            (Kind::City | Kind::Capital | Kind::Admin2, Kind::Admin1 | Kind::Admin2)
                if km > BROKEN_DIVISION_KM =>
            {
                Chain::Broken
            }
            _ => Chain::None,
        }
    }

    fn text_gap(&self, from: usize, to: usize) -> Option<&str> {
        self.gaps
            .iter()
            .find(|g| g.0 == from && g.1 == to)
            .map(|g| g.2.as_str())
    }

    /// Whether `mention` is a place in a country that no other place in the window nor the
    /// document's focus is in ("Mala" read as the town in Peru among Yemeni districts).
    fn stray(&self, mention: &Mention, inside: &[&Mention]) -> bool {
        let Some(place) = &mention.place else {
            return false;
        };
        if place.country.is_empty() || matches!(place.kind, Kind::Country | Kind::Continent) {
            return false;
        }
        if self
            .focus_country
            .as_ref()
            .is_some_and(|f| f.country == place.country)
        {
            return false;
        }
        let others: Vec<&ResolvedPlace> = inside
            .iter()
            .filter(|m| m.text != mention.text)
            .filter_map(|m| m.place.as_ref())
            .filter(|p| !p.country.is_empty())
            .collect();
        if others.iter().any(|p| p.country == place.country) {
            return false;
        }
        !others.is_empty() || self.focus_country.is_some()
    }

    /// Whether `mention` is a region of several countries or a continent ("West Africa",
    /// "the Horn of Africa") in a document about one country: too vague to give an event
    /// its place from a sentence of context.
    fn beyond_focus(&self, mention: &Mention) -> bool {
        self.focus_country.is_some() && mention.place.as_ref().is_some_and(|p| p.country.is_empty())
    }

    /// Whether `mention` is the only place of its country in a document about another
    /// country with at least two places named ("Doka" read as the town in Sudan in a story about
    /// Kaduna and Giwa): a misread homonym, no place for an event (capitals excepted).
    fn foreign(&self, mention: &Mention) -> bool {
        let (Some(place), Some(focus)) = (&mention.place, &self.focus_country) else {
            return false;
        };
        if place.country.is_empty() || place.country == focus.country {
            return false;
        }
        // Only the start of an unknown longer name ("Pont" of "Pont Sonde", "Gran" of "Gran
        // Grif"), read as a place abroad: a misread, whatever its kind.
        if mention.partial && place.kind != Kind::Country {
            return true;
        }
        if !matches!(place.kind, Kind::City | Kind::Admin1 | Kind::Admin2) {
            return false;
        }
        let count = |iso: &str| {
            self.countries
                .iter()
                .find(|c| c.0 == iso)
                .map_or(0, |c| c.1)
        };
        count(&place.country) == 1 && count(&focus.country) >= FOREIGN_FOCUS_MENTIONS
    }

    fn locate_score(&self, mention: &Mention, anchor: usize) -> f64 {
        let Some(place) = &mention.place else {
            return f64::MIN;
        };
        let mut score = match place.kind {
            Kind::City | Kind::Capital => 3.0,
            Kind::Admin2 => 2.6,
            Kind::Admin1 => 2.2,
            Kind::Region => 1.8,
            Kind::Country => 1.0,
            Kind::Continent => 0.2,
        };
        if mention.locative {
            score += 2.0;
        }
        if mention.possessive {
            score -= 1.5;
        }
        // A listed name is as far as its list's first name, and yields to it.
        let span = mention.list_head.unwrap_or(mention.span);
        if mention.list_head.is_some() {
            score -= LISTED_PENALTY;
        }
        score - distance_penalty(span, anchor)
    }

    fn location_of(&self, mention: &Mention) -> Location {
        let Some(place) = &mention.place else {
            return Location::default();
        };
        let text = Some(mention.phrase.clone());
        if place.kind == Kind::Country {
            if let Some(region) = self.region_in(&place.country, text.clone()) {
                return region;
            }
        }
        let mut location = place.to_location(text, place.precision());
        if let Some(direction) = mention.direction {
            // "northern Aleppo" is the area around the town: region precision.
            location.precision = GeoPrecision::Region;
            if matches!(place.kind, Kind::Country | Kind::Admin1) {
                let word = mention.phrase.get(..direction.len()).unwrap_or("");
                let (lat, lon) = shift(place, word);
                location.lat = Some(round4(lat));
                location.lon = Some(round4(lon));
            }
        }
        location
    }

    fn regional_location(&self, window: Span, exclude: &[Span]) -> Option<Location> {
        let phrase = self
            .regional
            .iter()
            .find(|r| window.contains(r.span) && !exclude.iter().any(|x| x.overlaps(r.span)))?;
        let (focus, _) = self.focus_place.as_ref()?;
        // Not the region of another country than the one the document is about.
        if self
            .focus_country
            .as_ref()
            .is_some_and(|c| c.country != focus.country)
        {
            return None;
        }
        Some(focus.to_location(Some(phrase.text.clone()), GeoPrecision::Region))
    }
}
