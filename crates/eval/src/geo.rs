//! Geoparsing evaluation against gold sets of toponyms with coordinates: LGL (local news,
//! `<article><text>…<toponyms><toponym><start>…<gaztag><lat>…`) and GeoVirus
//! (`<article><text>…<locations><location><start>…<lat>…`).
//!
//! Scores: toponym recall (gold spans overlapped by a found mention), precision (found
//! mentions overlapping a gold span), accuracy within 161 km (100 miles) of the gold point
//! among the matched toponyms that have coordinates, and the unmatched mentions counted by
//! a rough kind (person, month, demonym, organisation, common word, other). Offsets in both
//! sets are code points.
//!
//! This module depends only on sitrep-geo, sitrep-model, roxmltree and std, so that
//! sitrep-geo's own tests can include it to guard the figures.

use std::collections::BTreeMap;
use std::path::Path;

use sitrep_geo::{distance_km, fold, Gazetteer};
use sitrep_model::CharIndex;

/// The accuracy radius: 161 km, i.e. 100 miles, as in the geoparsing literature.
pub const ACCURACY_KM: f64 = 161.0;

/// A gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The toponym as annotated.
    pub phrase: String,
    /// Gold point, when the annotators gave one.
    pub point: Option<(f64, f64)>,
}

/// A gold document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDoc {
    /// Article id (LGL `docid`, GeoVirus source URL), or its position.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Annotated toponyms.
    pub toponyms: Vec<GoldToponym>,
}

/// A gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GeoEvalError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The XML is malformed or not in a known layout.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// Reads an LGL or GeoVirus XML file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, GeoEvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| GeoEvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_gold(&text).map_err(|message| GeoEvalError::Format {
        path: path.display().to_string(),
        message,
    })
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
}

fn child_number(node: roxmltree::Node, name: &str) -> Option<f64> {
    child_text(node, name).and_then(|t| t.trim().parse().ok())
}

/// Parses the XML text of an LGL or GeoVirus file.
pub fn parse_gold(xml: &str) -> Result<Vec<GoldDoc>, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not valid XML: {e}"))?;
    let mut out = Vec::new();
    for (n, article) in doc
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let text = child_text(article, "text").unwrap_or("").to_string();
        let id = article
            .attribute("docid")
            .map(str::to_string)
            .or_else(|| child_text(article, "source").map(str::to_string))
            .unwrap_or_else(|| n.to_string());
        let mut toponyms = Vec::new();
        for node in article
            .descendants()
            .filter(|d| d.has_tag_name("toponym") || d.has_tag_name("location"))
        {
            let (Some(start), Some(end)) = (child_number(node, "start"), child_number(node, "end"))
            else {
                continue;
            };
            let phrase = child_text(node, "phrase")
                .or_else(|| child_text(node, "name"))
                .unwrap_or("")
                .to_string();
            // LGL keeps the point under <gaztag>, GeoVirus directly under <location>.
            let holder = node
                .children()
                .find(|c| c.has_tag_name("gaztag"))
                .unwrap_or(node);
            let point = match (child_number(holder, "lat"), child_number(holder, "lon")) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => None,
            };
            toponyms.push(GoldToponym {
                start: start as usize,
                end: end as usize,
                phrase,
                point,
            });
        }
        out.push(GoldDoc { id, text, toponyms });
    }
    if out.is_empty() {
        return Err("no <article> elements: expected LGL or GeoVirus XML".into());
    }
    Ok(out)
}

/// The figures of one evaluation run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoScore {
    /// Documents scored.
    pub documents: usize,
    /// Gold toponyms.
    pub gold: usize,
    /// Gold toponyms overlapped by a found mention.
    pub matched: usize,
    /// Gold toponyms that are demonyms or adjectives ("Russian", "Palestinians"), which
    /// LGL annotates and sitrep deliberately does not report as places.
    pub gold_adjectival: usize,
    /// Of those, overlapped by a found mention.
    pub matched_adjectival: usize,
    /// Mentions found.
    pub found: usize,
    /// Found mentions that overlap a gold toponym.
    pub found_matching: usize,
    /// Matched gold toponyms that have a gold point and a resolved point.
    pub with_points: usize,
    /// Of those, resolved within [`ACCURACY_KM`].
    pub within_161km: usize,
    /// Errors in km of the matched toponyms with points (for the median).
    pub errors_km: Vec<f64>,
    /// Found mentions overlapping no gold toponym, by rough kind.
    pub false_by_kind: BTreeMap<String, usize>,
}

impl GeoScore {
    /// Share of gold toponyms found.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Share of the gold proper-name toponyms found (demonyms and adjectives left out).
    pub fn recall_names(&self) -> f64 {
        ratio(
            self.matched - self.matched_adjectival,
            self.gold - self.gold_adjectival,
        )
    }

    /// Share of found mentions that are gold toponyms.
    pub fn precision(&self) -> f64 {
        ratio(self.found_matching, self.found)
    }

    /// Share of matched toponyms resolved within 161 km of the gold point.
    pub fn accuracy_161km(&self) -> f64 {
        ratio(self.within_161km, self.with_points)
    }

    /// Median error in km of the matched toponyms.
    pub fn median_error_km(&self) -> f64 {
        let mut errors = self.errors_km.clone();
        errors.sort_by(f64::total_cmp);
        errors.get(errors.len() / 2).copied().unwrap_or(0.0)
    }

    /// A Markdown table of the figures.
    pub fn to_markdown(&self, name: &str) -> String {
        let mut out = format!(
            "| set | docs | gold | recall (names) | recall (all) | precision | acc@161km | median km |\n|---|---|---|---|---|---|---|---|\n| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.0} |\n",
            self.documents,
            self.gold,
            self.recall_names(),
            self.recall(),
            self.precision(),
            self.accuracy_161km(),
            self.median_error_km()
        );
        if !self.false_by_kind.is_empty() {
            out.push_str("\nMentions not in the gold set, by kind: ");
            let parts: Vec<String> = self
                .false_by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            out.push_str(&parts.join(", "));
            out.push('\n');
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first and second half of a gold set's documents, in file order: tuning uses the
/// first half only, the second is held out.
pub fn halves(docs: &[GoldDoc]) -> (&[GoldDoc], &[GoldDoc]) {
    docs.split_at(docs.len() / 2)
}

/// A rough kind for a found mention that is not in the gold set.
pub fn false_kind(text: &str, start: usize, end: usize, surface: &str) -> &'static str {
    let key = fold(surface);
    if MONTHS.contains(&key.as_str()) {
        return "month";
    }
    if key.ends_with("ian")
        || key.ends_with("ish")
        || key.ends_with("ese")
        || key.ends_with("i") && key.len() > 5
    {
        return "demonym-like";
    }
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let word_after = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if matches!(word_after, "said" | "says" | "told")
        || (capitalised(word_before) && before.ends_with(word_before) && !before.ends_with('.'))
    {
        return "person-like";
    }
    if capitalised(word_after) && !after.starts_with([',', '.']) {
        return "organisation-like";
    }
    let lower_elsewhere = text.contains(&format!(" {} ", surface.to_lowercase()));
    if lower_elsewhere {
        return "common word";
    }
    "other (often an unannotated place)"
}

/// Geoparses every gold document and scores the result.
pub fn score(gazetteer: &Gazetteer, docs: &[GoldDoc]) -> GeoScore {
    let mut total = GeoScore::default();
    for doc in docs {
        let places = gazetteer.geoparse(&doc.text);
        let index = CharIndex::new(&doc.text);
        let found: Vec<(usize, usize, &sitrep_geo::Mention)> = places
            .mentions()
            .iter()
            .map(|m| (index.chars(m.span.start), index.chars(m.span.end), m))
            .collect();
        total.documents += 1;
        total.gold += doc.toponyms.len();
        total.found += found.len();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for gold in &doc.toponyms {
            let adjectival = gazetteer.is_demonym(&gold.phrase);
            total.gold_adjectival += usize::from(adjectival);
            let hit = found
                .iter()
                .find(|(s, e, _)| overlaps((*s, *e), (gold.start, gold.end)));
            let Some((_, _, mention)) = hit else { continue };
            total.matched += 1;
            total.matched_adjectival += usize::from(adjectival);
            if let (Some((lat, lon)), Some(place)) = (gold.point, &mention.place) {
                let error = distance_km(lat, lon, place.lat, place.lon);
                total.with_points += 1;
                total.errors_km.push(error);
                if error <= ACCURACY_KM {
                    total.within_161km += 1;
                }
            }
        }
        for (s, e, mention) in &found {
            if doc
                .toponyms
                .iter()
                .any(|g| overlaps((*s, *e), (g.start, g.end)))
            {
                total.found_matching += 1;
            } else {
                let kind = false_kind(
                    &doc.text,
                    mention.span.start,
                    mention.span.end,
                    &mention.text,
                );
                *total.false_by_kind.entry(kind.to_string()).or_default() += 1;
            }
        }
    }
    total
}
