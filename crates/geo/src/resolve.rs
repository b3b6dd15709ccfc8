//! Toponym resolution: choose one gazetteer entry per recognised name, using priors
//! (feature kind, population), cue words, administrative chains, mutual support between
//! the document's names (same province, nearby) and the document's country focus.

use std::collections::HashMap;

use crate::fold::fold;
use crate::gazetteer::{Cue, Entry, Gazetteer, Kind};
use crate::recognize::Candidate;

/// Candidates kept per name, by prior.
const MAX_CANDIDATES: usize = 30;
/// Candidates of another name that lend support.
const SUPPORTERS: usize = 5;
/// Cap on the support one other name gives, and on all support.
const SUPPORT_CAP_PER_NAME: f64 = 4.0;
const SUPPORT_CAP: f64 = 6.0;
/// Weight of the document's country focus (times the country's share of mentions).
const FOCUS_WEIGHT: f64 = 3.0;
/// Bonus for a place inside the region named right after it ("Pandi, Bulacan",
/// "Tripoli in northern Lebanon").
const CHAIN_BONUS: f64 = 6.0;
const ROUNDS: usize = 3;

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}

fn prior(entry: &Entry) -> f64 {
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

fn cue_adjustment(candidate: &Candidate, entry: &Entry) -> f64 {
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
fn contains(outer: &Entry, inner: &Entry) -> bool {
    if outer.country.is_empty() || outer.country != inner.country {
        return false;
    }
    match outer.kind {
        Kind::Country => inner.kind != Kind::Country,
        Kind::Admin1 => {
            inner.kind != Kind::Admin1 && !inner.admin1.is_empty() && inner.admin1 == outer.admin1
        }
        Kind::Admin2 => {
            inner.kind.is_place() && inner.admin1 == outer.admin1 && inner.admin2 == outer.admin2
        }
        _ => false,
    }
}

/// How much `other` (another name's candidate) supports `entry`.
fn affinity(entry: &Entry, other: &Entry) -> f64 {
    if entry.country.is_empty() || entry.country != other.country {
        return 0.0;
    }
    let mut score: f64 = 0.3;
    if contains(other, entry) && other.kind != Kind::Country {
        score += if other.kind == Kind::Admin2 { 3.0 } else { 2.5 };
    } else if contains(entry, other) && entry.kind != Kind::Country {
        score += 1.5;
    } else {
        if !entry.admin1.is_empty() && entry.admin1 == other.admin1 {
            score += 1.2;
        }
        if !entry.admin2.is_empty() && entry.admin2 == other.admin2 {
            score += 1.0;
        }
    }
    if entry.kind.is_place() && other.kind.is_place() {
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
    /// (entry, base score) sorted by base score, best first.
    candidates: Vec<(u32, f64)>,
}

/// Resolves every candidate to one entry index (None only when it has no entries).
pub(crate) fn resolve(
    gazetteer: &Gazetteer,
    candidates: &[Candidate],
    text: &str,
) -> Vec<Option<u32>> {
    let entries = &gazetteer.entries;
    // Group mentions that read the same way: same name, same feature-type cue.
    let mut group_of: HashMap<(&str, Option<Cue>), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut member_group = Vec::with_capacity(candidates.len());
    for (i, candidate) in candidates.iter().enumerate() {
        let slot = (candidate.key.as_str(), candidate.type_cue);
        let g = *group_of.entry(slot).or_insert_with(|| {
            let mut scored: Vec<(u32, f64)> = candidate
                .entries
                .iter()
                .map(|&e| {
                    let entry = &entries[e as usize];
                    let name_bonus = if fold(&entry.name) == candidate.key {
                        0.5
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
                let towns: Vec<(String, String)> = candidate
                    .entries
                    .iter()
                    .map(|&e| &entries[e as usize])
                    .filter(|e| e.kind.is_place() && fold(&e.name) == candidate.key)
                    .map(|e| (e.country.clone(), e.admin1.clone()))
                    .collect();
                for (e, score) in scored.iter_mut() {
                    let entry = &entries[*e as usize];
                    if entry.kind.is_admin()
                        && towns
                            .iter()
                            .any(|(c, a)| *c == entry.country && *a == entry.admin1)
                    {
                        *score -= 2.5;
                    }
                }
            }
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            scored.truncate(MAX_CANDIDATES);
            groups.push(Group {
                members: Vec::new(),
                candidates: scored,
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
        member_group.push(g);
    }
    // Administrative chains: "Puli Alam city, Logar province".
    let mut chain_next: Vec<Option<usize>> = vec![None; candidates.len()];
    for i in 0..candidates.len().saturating_sub(1) {
        let next = &candidates[i + 1];
        let next_start = next.direction.map_or(next.span.start, |d| d.start);
        let gap = text.get(candidates[i].span.end..next_start).map(str::trim);
        if matches!(gap, Some("," | "in" | ", in" | "in the" | ", in the")) {
            chain_next[i] = Some(i + 1);
        }
    }
    // Iterate: scores → picks → country focus and mutual support → scores.
    let mut picks: Vec<Option<u32>> = vec![None; candidates.len()];
    let mut group_scores: Vec<Vec<f64>> = groups
        .iter()
        .map(|g| g.candidates.iter().map(|c| c.1).collect())
        .collect();
    for round in 0..ROUNDS {
        let weights: Vec<Vec<(u32, f64)>> = groups
            .iter()
            .zip(&group_scores)
            .map(|(g, scores)| {
                let best = scores.iter().copied().fold(f64::MIN, f64::max);
                let mut w: Vec<(u32, f64)> = g
                    .candidates
                    .iter()
                    .zip(scores)
                    .map(|(c, s)| (c.0, (s - best).exp()))
                    .collect();
                w.sort_by(|a, b| b.1.total_cmp(&a.1));
                w.truncate(SUPPORTERS);
                w
            })
            .collect();
        let mut focus: HashMap<&str, f64> = HashMap::new();
        let mut total = 0.0;
        if round > 0 {
            for e in picks.iter().flatten() {
                let entry = &entries[*e as usize];
                if !entry.country.is_empty() {
                    let weight = if entry.kind == Kind::Country {
                        2.0
                    } else {
                        1.0
                    };
                    *focus.entry(entry.country.as_str()).or_default() += weight;
                    total += weight;
                }
            }
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
            for (k, &(e, _)) in groups[g].candidates.iter().enumerate() {
                let entry = &entries[e as usize];
                let bonus = outer
                    .iter()
                    .filter(|(o, _)| contains(&entries[*o as usize], entry))
                    .map(|(_, w)| *w)
                    .fold(0.0, f64::max);
                chain_bonus[g][k] = chain_bonus[g][k].max(CHAIN_BONUS * bonus);
            }
        }
        let mut new_scores = Vec::with_capacity(groups.len());
        for (g, group) in groups.iter().enumerate() {
            let scores: Vec<f64> = group
                .candidates
                .iter()
                .enumerate()
                .map(|(k, &(e, base))| {
                    let entry = &entries[e as usize];
                    let mut score = base + chain_bonus[g][k];
                    if round > 0 {
                        let mut support = 0.0;
                        for (h, others) in weights.iter().enumerate() {
                            if h == g || groups[h].candidates.first().map(|c| c.0) == Some(e) {
                                continue;
                            }
                            let best = others
                                .iter()
                                .map(|&(o, w)| w * affinity(entry, &entries[o as usize]))
                                .fold(0.0, f64::max);
                            support += best;
                        }
                        score += support.min(SUPPORT_CAP);
                        if total > 0.0 {
                            let share = focus.get(entry.country.as_str()).copied().unwrap_or(0.0);
                            score += FOCUS_WEIGHT * share / total;
                        }
                    }
                    score
                })
                .collect();
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
        }
    }
    picks
}
