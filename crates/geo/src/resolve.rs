//! Toponym resolution: choose one gazetteer entry per recognised name, using priors
//! (feature kind, population), cue words, administrative chains, mutual support between
//! the document's names (same province, nearby) and the document's country focus.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::fold::join_hash;
use crate::gazetteer::{Cue, Gazetteer, Hot, Kind};
use crate::index::{HashedMap, PassThrough};
use crate::recognize::{Candidate, Sep, Token};

/// Candidates kept per name, by prior.
const MAX_CANDIDATES: usize = 30;
/// Candidates of another name that lend support.
const SUPPORTERS: usize = 5;
/// Cap on the support one other name gives, and on all support.
const SUPPORT_CAP_PER_NAME: f64 = 4.0;
const SUPPORT_CAP: f64 = 6.0;
/// Weight of the document's country focus (times the country's share of the names).
const FOCUS_WEIGHT: f64 = 3.0;
/// The same for a first-level division: a state is named mostly in news about its own
/// country ("Georgia" among Atlanta and Macon is the US state, not the country). A division
/// named like a town in it keeps the plain weight (the city of Rio de Janeiro, not the
/// state, in news about Brazil). A country's capital gets the same: named in news of its
/// own country it is the seat of government ("Washington" among Georgia's towns is the
/// federal capital, not the state of Washington), unless the name is its country's
/// ("Mexico" in news of Ciudad Juárez is the country, not Mexico City).
const ADMIN1_FOCUS_WEIGHT: f64 = 6.0;
/// Weight of the document's province focus (times the share of the other names' readings
/// in the candidate's first-level division): local news names places of one state.
const PROVINCE_FOCUS_WEIGHT: f64 = 4.0;
/// Bonus for an entry whose preferred name is the text (an alternate name, often historic
/// or foreign, is weaker evidence: "Berea" is also an old name of Aleppo).
const NAME_BONUS: f64 = 1.5;
/// Penalty for a town of fewer than `SMALL_PLACE` people read by one of its alternate
/// names: a big city's alternates are exonyms the news uses ("Mecca" for Makkah), a small
/// town's are mostly former names ("Arlington" for a New Jersey shore town).
const SMALL_ALTERNATE_PENALTY: f64 = 1.0;
const SMALL_PLACE: u64 = 10_000;
/// Penalty for a country read from a bare mention of its name when no other name of the
/// document is in that country while a town of the same name lies inside a county the
/// document names or beside a town it names ("Jordan" among the towns of Scott County,
/// Minnesota; "Lebanon" with "Boone County", Indiana).
const BARE_COUNTRY_PENALTY: f64 = 4.0;
/// Affinity at or above which another name's reading holds a town locally: the town lies
/// in that county (3.3) or within 30 km of that town in the same state (3.0); a state
/// alone (2.8) is not enough.
const LOCAL_AFFINITY: f64 = 3.0;
/// Weight a reading needs (relative to its name's best) to hold a town locally.
const LOCAL_WEIGHT: f64 = 0.5;
/// Bonus for a place inside the region named right after it ("Pandi, Bulacan",
/// "Tripoli in northern Lebanon").
const CHAIN_BONUS: f64 = 6.0;
/// Rounds of context: the picks and weights of one round set the focus and support of the
/// next; six rather than three keep two readings from trading places in the last round
/// (a county and its seat each following the other's previous pick).
const ROUNDS: usize = 6;
/// Readings less likely than this (relative to their name's best) lend no support: at
/// most 0.02 × 4 points, not worth the look.
const MIN_SUPPORTER_WEIGHT: f64 = 0.02;
/// Share of context (focus and support) a name lends when every mention of it is part of
/// an organisation's name: none ("Columbia University" in a story about Augusta, Georgia).
const ORGANISATION_CONTEXT: f64 = 0.0;
/// Population from which a town named with a division's type word ("X province") may stand
/// for a division of its name that the gazetteer lacks, without other names in its country.
const DIVISION_SEAT_POPULATION: u64 = 50_000;
/// Distance within which a town named like a feature stands in for it.
const FEATURE_NEAR_KM: f64 = 100.0;

/// Weight of one distinct locale phrase ("sheriff's office") in the country focus, as a
/// share of one name of that country.
const LOCALE_WEIGHT: f64 = 1.0;
/// Most weight the locale phrases of one country lend in all.
const LOCALE_CAP: f64 = 2.0;

/// The countries a document's locale words point to (`locale-cues.tsv`), each with the
/// weight it adds to the country focus: each distinct phrase counts once.
pub(crate) fn locale_evidence(gazetteer: &Gazetteer, tokens: &[Token]) -> Vec<(u64, f64)> {
    let mut seen: Vec<u64> = Vec::new();
    let mut out: Vec<(u64, f64)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !gazetteer.locale_first.contains(&token.hash) {
            continue;
        }
        let mut hash = token.hash;
        let end = tokens.len().min(i + gazetteer.max_locale_words);
        for (k, next) in tokens[i..end].iter().enumerate() {
            if k > 0 {
                if next.sep == Sep::Break {
                    break;
                }
                hash = join_hash(hash, next.key);
            }
            let Some(&country) = gazetteer.locale_phrases.get(&hash) else {
                continue;
            };
            if seen.contains(&hash) {
                continue;
            }
            seen.push(hash);
            match out.iter_mut().find(|(c, _)| *c == country) {
                Some((_, w)) => *w = (*w + LOCALE_WEIGHT).min(LOCALE_CAP),
                None => out.push((country, LOCALE_WEIGHT.min(LOCALE_CAP))),
            }
        }
    }
    out
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}

fn prior(entry: &Hot) -> f64 {
    let lg = ((entry.population + 10) as f64).log10();
    match entry.kind {
        Kind::Country => 10.0,
        Kind::Continent => 8.0,
        Kind::Region => 7.5,
        Kind::Admin1 => 3.0 + 0.4 * lg,
        Kind::Admin2 => 2.0 + 0.4 * lg,
        Kind::Capital => lg + 1.5,
        Kind::City => lg,
    }
}

fn cue_adjustment(candidate: &Candidate, entry: &Hot) -> f64 {
    // "southern Idlib": a direction word points to an area rather than a town.
    let direction = if candidate.direction.is_some() && entry.kind.is_admin() {
        2.5
    } else {
        0.0
    };
    direction
        + match candidate.type_cue {
            Some(Cue::Admin1) => match entry.kind {
                Kind::Admin1 => 5.0,
                Kind::Admin2 => 2.0,
                Kind::Region => 1.0,
                _ => -3.0,
            },
            Some(Cue::Admin2) => match entry.kind {
                Kind::Admin2 => 5.0,
                Kind::Admin1 => 1.5,
                _ => -3.0,
            },
            Some(Cue::City | Cue::Town) => match entry.kind {
                Kind::City | Kind::Capital => 3.0,
                Kind::Country => -4.0,
                _ => -2.0,
            },
            _ => 0.0,
        }
}

/// Whether `outer` (a country or division) contains `inner`.
fn contains(outer: &Hot, inner: &Hot) -> bool {
    if outer.area[0] == 0 || outer.area[0] != inner.area[0] {
        return false;
    }
    match outer.kind {
        Kind::Country => inner.kind != Kind::Country,
        Kind::Admin1 => {
            inner.kind != Kind::Admin1 && inner.area[1] != 0 && inner.area[1] == outer.area[1]
        }
        Kind::Admin2 => inner.kind.is_place() && inner.area[2] == outer.area[2],
        _ => false,
    }
}

/// How much `other` (another name's candidate) supports `entry`.
fn affinity(entry: &Hot, other: &Hot) -> f64 {
    if entry.area[0] == 0 || entry.area[0] != other.area[0] {
        return 0.0;
    }
    let mut score: f64 = 0.3;
    if contains(other, entry) && other.kind != Kind::Country {
        score += if other.kind == Kind::Admin2 { 3.0 } else { 2.5 };
    } else if contains(entry, other) && entry.kind != Kind::Country {
        score += 1.5;
    } else {
        if entry.area[1] != 0 && entry.area[1] == other.area[1] {
            score += 1.2;
        }
        if entry.area[2] != 0 && entry.area[2] == other.area[2] {
            score += 1.0;
        }
    }
    // 1° of latitude is 111 km, 3° of longitude at least 100 km below 70°: farther apart
    // than that is beyond 100 km.
    if entry.kind.is_place()
        && other.kind.is_place()
        && (entry.lat - other.lat).abs() < 1.0
        && (entry.lon - other.lon).abs() < 3.0
    {
        let d = distance_km(entry.lat, entry.lon, other.lat, other.lon);
        if d < 30.0 {
            score += 1.5;
        } else if d < 100.0 {
            score += 0.8;
        }
    }
    score.min(SUPPORT_CAP_PER_NAME)
}

struct Group {
    members: Vec<usize>,
    /// Share of context the name lends (see `ORGANISATION_CONTEXT`).
    lends: f64,
    /// Every mention is part of a feature's name ("Kish River").
    feature: bool,
    /// (entry, base score) sorted by base score, best first.
    candidates: Vec<(u32, f64)>,
    /// First-level divisions among the candidates that hold a town the name may also mean.
    town_named: Vec<u32>,
}

/// Resolves every candidate to one entry index (None only when it has no entries).
pub(crate) fn resolve(
    gazetteer: &Gazetteer,
    candidates: &[Candidate],
    text: &str,
    locale: &[(u64, f64)],
) -> Vec<Option<u32>> {
    let entries = &gazetteer.hot;
    // Group mentions that read the same way: same name, same feature-type cue.
    let mut group_of: HashMap<(u64, Option<Cue>), usize, BuildHasherDefault<PassThrough>> =
        HashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut member_group = Vec::with_capacity(candidates.len());
    let mut group_keys: Vec<u64> = Vec::new();
    for (i, candidate) in candidates.iter().enumerate() {
        let slot = (candidate.key, candidate.type_cue);
        let g = *group_of.entry(slot).or_insert_with(|| {
            let mut scored: Vec<(u32, f64)> = candidate
                .entries
                .iter()
                .map(|&e| {
                    let entry = &entries[e as usize];
                    let name_bonus = if entry.name_hash == candidate.key {
                        NAME_BONUS
                    } else if entry.kind.is_place() && entry.population < SMALL_PLACE {
                        -SMALL_ALTERNATE_PENALTY
                    } else {
                        0.0
                    };
                    (
                        e,
                        prior(entry) + name_bonus + cue_adjustment(candidate, entry),
                    )
                })
                .collect();
            // A division named like a town in it is the town unless a cue says otherwise.
            if !matches!(candidate.type_cue, Some(Cue::Admin1 | Cue::Admin2)) {
                let towns: Vec<(u64, u64)> = candidate
                    .entries
                    .iter()
                    .map(|&e| &entries[e as usize])
                    .filter(|e| e.kind.is_place() && e.name_hash == candidate.key)
                    .map(|e| (e.area[0], e.area[1]))
                    .collect();
                for (e, score) in scored.iter_mut() {
                    let entry = &entries[*e as usize];
                    if entry.kind.is_admin()
                        && towns
                            .iter()
                            .any(|&(c, a)| c == entry.area[0] && a == entry.area[1])
                    {
                        *score -= 2.5;
                    }
                }
            }
            let mut town_named = Vec::new();
            // Divisions that hold a town the name may also mean, under any spelling
            // ("Al-Hasakeh": the governorate and the city Al Hasakah).
            for &e in &candidate.entries {
                let entry = &entries[e as usize];
                if entry.kind == Kind::Admin1
                    && candidate.entries.iter().any(|&t| {
                        let town = &entries[t as usize];
                        town.kind.is_place() && town.area[1] == entry.area[1]
                    })
                {
                    town_named.push(e);
                }
            }
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            scored.truncate(MAX_CANDIDATES);
            group_keys.push(candidate.key);
            groups.push(Group {
                members: Vec::new(),
                lends: ORGANISATION_CONTEXT,
                feature: true,
                candidates: scored,
                town_named,
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
        if !candidate.embedded {
            groups[g].lends = 1.0;
        }
        if !candidate.feature {
            groups[g].feature = false;
        }
        member_group.push(g);
    }
    // Administrative chains: "Puli Alam city, Logar province".
    let mut chain_next: Vec<Option<usize>> = vec![None; candidates.len()];
    for i in 0..candidates.len().saturating_sub(1) {
        let next = &candidates[i + 1];
        let next_start = next.direction.map_or(next.span.start, |d| d.start);
        let gap = text.get(candidates[i].span.end..next_start).map(str::trim);
        if matches!(gap, Some("," | "(" | "in" | ", in" | "in the" | ", in the")) {
            chain_next[i] = Some(i + 1);
        }
    }
    // Groups whose name is a country's own name.
    let country_named: Vec<bool> = groups
        .iter()
        .zip(&group_keys)
        .map(|(g, &key)| {
            g.candidates.iter().any(|&(e, _)| {
                let entry = &entries[e as usize];
                entry.kind == Kind::Country && entry.name_hash == key
            })
        })
        .collect();
    let tops: Vec<Option<u32>> = groups
        .iter()
        .map(|g| g.candidates.first().map(|c| c.0))
        .collect();
    // Iterate: scores → picks → country focus and mutual support → scores.
    let mut picks: Vec<Option<u32>> = vec![None; candidates.len()];
    let mut group_scores: Vec<Vec<f64>> = groups
        .iter()
        .map(|g| g.candidates.iter().map(|c| c.1).collect())
        .collect();
    let mut picks_of_group: Vec<Option<u32>> = vec![None; groups.len()];
    for round in 0..ROUNDS {
        let weights: Vec<Vec<(u32, f64)>> = groups
            .iter()
            .zip(&group_scores)
            .map(|(g, scores)| {
                let best = scores.iter().copied().fold(f64::MIN, f64::max);
                // Readings more than 4.6 points behind (weight under 0.01) lend nothing.
                let mut w: Vec<(u32, f64)> = g
                    .candidates
                    .iter()
                    .zip(scores)
                    .filter(|(_, s)| *s - best > -4.6)
                    .map(|(c, s)| (c.0, (s - best).exp()))
                    .collect();
                w.sort_by(|a, b| b.1.total_cmp(&a.1));
                w.truncate(SUPPORTERS);
                w
            })
            .collect();
        let mut focus = HashedMap::<f64>::default();
        let mut province_focus = HashedMap::<f64>::default();
        let mut total = 0.0;
        // Other names' likely readings by country, for mutual support.
        // (country, group, entry's packed fields, weight), read in country order.
        let mut supporters: Vec<(u64, usize, Hot, f64, u32)> = Vec::new();
        if round > 0 {
            // Each name counts once, however often it is repeated: a name repeated ten
            // times ("Dublin") says less about the document's country than ten names do.
            for (g, e) in picks_of_group.iter().enumerate() {
                let Some(e) = e else { continue };
                let entry = &entries[*e as usize];
                if entry.area[0] != 0 {
                    let weight = groups[g].lends
                        * if entry.kind == Kind::Country {
                            2.0
                        } else {
                            1.0
                        };
                    *focus.entry(entry.area[0]).or_default() += weight;
                    total += weight;
                }
            }
            // Locale words count like names of their country.
            for &(country, weight) in locale {
                *focus.entry(country).or_default() += weight;
                total += weight;
            }
            // The province focus counts every likely reading in proportion to its weight.
            for (g, readings) in weights.iter().enumerate() {
                for (e, share) in shares(readings) {
                    let area = entries[e as usize].area[1];
                    if area != 0 {
                        *province_focus.entry(area).or_default() += share * groups[g].lends;
                    }
                }
            }
            for (h, others) in weights.iter().enumerate() {
                for &(o, w) in others {
                    let country = entries[o as usize].area[0];
                    let w = w * groups[h].lends;
                    if country != 0 && w >= MIN_SUPPORTER_WEIGHT {
                        supporters.push((country, h, entries[o as usize], w, o));
                    }
                }
            }
            supporters.sort_unstable_by_key(|s| (s.0, s.1));
        }
        // Administrative chains lend a bonus to the whole group (one sense per name).
        let mut chain_bonus: Vec<Vec<f64>> = groups
            .iter()
            .map(|g| vec![0.0; g.candidates.len()])
            .collect();
        for (i, next) in chain_next.iter().enumerate() {
            let Some(n) = next else { continue };
            let g = member_group[i];
            let outer = &weights[member_group[*n]];
            // A country's name before another country is a list ("Iraq, Iran, Syria"),
            // not a place inside it; "Jordan, Minn." still chains.
            let country_name = country_named[g];
            for (k, &(e, _)) in groups[g].candidates.iter().enumerate() {
                let entry = &entries[e as usize];
                let bonus = outer
                    .iter()
                    .filter(|(o, _)| {
                        let outer = &entries[*o as usize];
                        !(country_name && outer.kind == Kind::Country) && contains(outer, entry)
                    })
                    .map(|(_, w)| *w)
                    .fold(0.0, f64::max);
                chain_bonus[g][k] = chain_bonus[g][k].max(CHAIN_BONUS * bonus);
            }
        }
        let mut new_scores = Vec::with_capacity(groups.len());
        for (g, group) in groups.iter().enumerate() {
            if group.candidates.len() == 1 {
                // Nothing to choose between.
                new_scores.push(vec![group.candidates[0].1]);
                continue;
            }
            // The weight of the likeliest other name that holds a town of this name locally.
            let mut held_locally = 0.0f64;
            let mut scores: Vec<f64> = group
                .candidates
                .iter()
                .enumerate()
                .map(|(k, &(e, base))| {
                    let entry = &entries[e as usize];
                    let mut score = base + chain_bonus[g][k];
                    if round > 0 && entry.area[0] != 0 {
                        let from = supporters.partition_point(|s| s.0 < entry.area[0]);
                        let mut support = 0.0;
                        let mut local = 0.0f64;
                        let mut group_best = (usize::MAX, 0.0f64);
                        for &(country, h, other, w, o) in &supporters[from..] {
                            if country != entry.area[0] {
                                break;
                            }
                            if h != group_best.0 {
                                support += group_best.1;
                                group_best = (h, 0.0);
                            }
                            if h == g || tops[h] == Some(e) {
                                continue;
                            }
                            // Another name read as this very place lends nothing: two names
                            // of one town are not two places beside each other ("Mecca"
                            // and "Medina" must not hold each other as the towns of Ohio).
                            if o == e && group_keys[h] != group_keys[g] {
                                continue;
                            }
                            let a = affinity(entry, &other);
                            if a >= LOCAL_AFFINITY {
                                local = local.max(w);
                            }
                            group_best.1 = group_best.1.max(w * a);
                        }
                        support += group_best.1;
                        score += support.min(SUPPORT_CAP);
                        if entry.kind.is_place() {
                            held_locally = held_locally.max(local);
                        }
                        if total > 0.0 {
                            let share = focus.get(&entry.area[0]).copied().unwrap_or(0.0);
                            score += FOCUS_WEIGHT * share / total;
                            if (entry.kind == Kind::Admin1 && !group.town_named.contains(&e))
                                || (entry.kind == Kind::Capital && !country_named[g])
                            {
                                // The extra weight counts the other names only.
                                let own = picks_of_group[g].map_or(0.0, |p| {
                                    let p = &entries[p as usize];
                                    group.lends
                                        * match (p.area[0], p.kind) {
                                            (0, _) => 0.0,
                                            (_, Kind::Country) => 2.0,
                                            _ => 1.0,
                                        }
                                });
                                let own_here = match picks_of_group[g] {
                                    Some(p) if entries[p as usize].area[0] == entry.area[0] => own,
                                    _ => 0.0,
                                };
                                if total > own {
                                    score += (ADMIN1_FOCUS_WEIGHT - FOCUS_WEIGHT)
                                        * (share - own_here).max(0.0)
                                        / (total - own);
                                }
                            }
                            if entry.area[1] != 0 {
                                // Other names' readings in the same province.
                                let own: f64 = shares(&weights[g])
                                    .filter(|&(p, _)| entries[p as usize].area[1] == entry.area[1])
                                    .map(|(_, share)| share * group.lends)
                                    .sum();
                                let share =
                                    province_focus.get(&entry.area[1]).copied().unwrap_or(0.0)
                                        - own;
                                score += PROVINCE_FOCUS_WEIGHT * share.max(0.0) / total;
                            }
                        }
                    }
                    score
                })
                .collect();
            // A country named only by this name, while a town of the same name is held by
            // another name of the document (inside a named county, beside a named town).
            if round > 0 && held_locally >= LOCAL_WEIGHT {
                for (k, &(e, _)) in group.candidates.iter().enumerate() {
                    let entry = &entries[e as usize];
                    if entry.kind != Kind::Country || entry.name_hash != group_keys[g] {
                        continue;
                    }
                    let share = focus.get(&entry.area[0]).copied().unwrap_or(0.0);
                    let own = match picks_of_group[g] {
                        Some(p) if entries[p as usize].area[0] == entry.area[0] => {
                            group.lends
                                * if entries[p as usize].kind == Kind::Country {
                                    2.0
                                } else {
                                    1.0
                                }
                        }
                        _ => 0.0,
                    };
                    if share - own <= 0.0 {
                        scores[k] -= BARE_COUNTRY_PENALTY;
                    }
                }
            }
            new_scores.push(scores);
        }
        group_scores = new_scores;
        for (g, group) in groups.iter().enumerate() {
            let best = group
                .candidates
                .iter()
                .zip(&group_scores[g])
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(c, _)| c.0);
            for &i in &group.members {
                picks[i] = best;
            }
            picks_of_group[g] = best;
        }
    }
    // A town of fewer than 10,000 people abroad, the only name of its country, in a document
    // with at least two other names in one other country, is a misread of a place the
    // gazetteer lacks: left unresolved ("Hulu" read as a town in China among the names of
    // an Indonesian province).
    {
        let mut by_country = HashedMap::<usize>::default();
        for (g, p) in picks_of_group.iter().enumerate() {
            if let Some(p) = p {
                let c = entries[*p as usize].area[0];
                if c != 0 && groups[g].lends > 0.0 {
                    *by_country.entry(c).or_default() += 1;
                }
            }
        }
        let top = by_country
            .iter()
            .max_by_key(|(c, n)| (**n, **c))
            .map(|(c, n)| (*c, *n));
        if let Some((focus, n)) = top {
            for (g, group) in groups.iter().enumerate() {
                let Some(p) = picks_of_group[g] else { continue };
                let entry = &entries[p as usize];
                if !entry.kind.is_place()
                    || entry.population >= SMALL_PLACE
                    || entry.area[0] == focus
                    || group.lends == 0.0
                    || n < 2
                    || by_country.get(&entry.area[0]).copied().unwrap_or(0) > 1
                {
                    continue;
                }
                for &i in &group.members {
                    picks[i] = None;
                }
            }
        }
    }
    // A name called a division ("Unity state", "Morang district") that no division of the
    // gazetteer bears is read as a town only when the town is large (it may be the seat of
    // a division the gazetteer lacks) or another name of the document lies in its country:
    // "Unity state" alone is not the village of Unity in Saskatchewan.
    for (g, group) in groups.iter().enumerate() {
        let cue = candidates[group.members[0]].type_cue;
        if !matches!(cue, Some(Cue::Admin1 | Cue::Admin2))
            || group
                .candidates
                .iter()
                .any(|&(e, _)| !entries[e as usize].kind.is_place())
        {
            continue;
        }
        let Some(p) = picks_of_group[g] else { continue };
        let entry = &entries[p as usize];
        if entry.population >= DIVISION_SEAT_POPULATION {
            continue;
        }
        let supported = picks_of_group.iter().enumerate().any(|(h, o)| {
            h != g
                && group_keys[h] != group_keys[g]
                && groups[h].lends > 0.0
                && o.is_some_and(|o| entries[o as usize].area[0] == entry.area[0])
        });
        if !supported {
            for &i in &group.members {
                picks[i] = None;
            }
        }
    }
    // A name followed by a division of another country that none of its readings lies in
    // ("Yamba, Gourma" with Yamba read as the town in Australia, as the gazetteer lacks
    // the commune in Burkina Faso) is a misread: the note names a place the gazetteer lacks.
    for (i, next) in chain_next.iter().enumerate() {
        let Some(n) = *next else { continue };
        let (Some(p), Some(o)) = (picks[i], picks[n]) else {
            continue;
        };
        let outer = &entries[o as usize];
        if !outer.kind.is_admin()
            || outer.area[0] == 0
            || outer.area[0] == entries[p as usize].area[0]
        {
            continue;
        }
        let g = member_group[i];
        if member_group[n] == g {
            continue;
        }
        if !groups[g]
            .candidates
            .iter()
            .any(|&(e, _)| entries[e as usize].area[0] == outer.area[0])
        {
            picks[i] = None;
        }
    }
    // A feature named after a town or district ("Kish River", "Lake Cumberland") is placed
    // there only when it lies among the document's other places: inside a division another
    // name reads, or within 100 km of a town another name reads. When other places are
    // named and none is near, the town is somewhere else and the feature stays unresolved.
    // (name, reading) of the other names; a mention of the same name outside the feature
    // ("Madison" beside "Madison Township") is no evidence of where the town is.
    let others: Vec<(u64, Hot)> = groups
        .iter()
        .zip(&picks_of_group)
        .zip(&group_keys)
        .filter(|((g, _), _)| !g.feature && g.lends > 0.0)
        .filter_map(|((_, p), &key)| p.map(|p| (key, entries[p as usize])))
        .collect();
    if !others.is_empty() {
        for (g, group) in groups.iter().enumerate() {
            if !group.feature {
                continue;
            }
            let Some(p) = picks_of_group[g] else { continue };
            let entry = &entries[p as usize];
            // A country or named region is a fair stand-in for a feature named after it
            // ("Lake Chad"), a province when another name is in its country ("Delta" of the
            // "Niger Delta" beside Nigerian towns, not beside Romanian ones).
            let others = others
                .iter()
                .filter(|(key, _)| *key != group_keys[g])
                .map(|(_, o)| o);
            let near = match entry.kind {
                Kind::Country | Kind::Continent | Kind::Region => true,
                Kind::Admin1 => others.clone().any(|o| o.area[0] == entry.area[0]),
                _ => false,
            } || others.clone().any(|o| {
                (contains(o, entry) && o.kind != Kind::Country)
                    || (o.kind.is_place()
                        && entry.kind.is_place()
                        && distance_km(entry.lat, entry.lon, o.lat, o.lon) < FEATURE_NEAR_KM)
                    || (entry.kind.is_admin() && contains(entry, o))
            });
            if !near {
                for &i in &group.members {
                    picks[i] = None;
                }
            }
        }
    }
    picks
}

/// A name's likely readings with their shares of the name (summing to 1): the focuses
/// count every likely reading in proportion, not only the best, so that two close readings
/// of two names do not trade places from round to round (a county and its seat each
/// following the other's previous pick).
fn shares(readings: &[(u32, f64)]) -> impl Iterator<Item = (u32, f64)> + '_ {
    let sum: f64 = readings.iter().map(|r| r.1).sum();
    readings
        .iter()
        .map(move |&(e, w)| (e, if sum > 0.0 { w / sum } else { 0.0 }))
}
