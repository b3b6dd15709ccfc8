//! `sitrep eval articles`: whole articles coded event by event (the JSONL format of
//! `../shared/data/articles_dev/`).
//!
//! Each article is run through the pipeline with its `published` date. Within an article,
//! coded (gold) events are paired one to one with predicted events that have an ACLED type:
//! a pair needs the same event type and a compatible date (within the sum of both
//! precisions' spans plus one day; an unresolved predicted date is compatible). Among the
//! allowed pairings the one with the most pairs, then the highest total agreement, is chosen
//! (Hungarian algorithm; agreement counts sub-event type, killed, date, place, and twice an
//! overlap of the evidence sentences). Recall is paired / coded, precision paired /
//! predicted; the field agreements are over the pairs. Predicted events without an ACLED type
//! (statements, talks) are left out of precision and counted apart. ACLED-typed events
//! predicted from distractor articles (`no_event: true`) are counted: there should be none.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use sitrep_geo::distance_km;
use sitrep_model::{Document, Event, Figure};
use sitrep_pipeline::Extraction;

use crate::describe::{self, sub_event_rank};
use crate::render::{markdown_table, or_dash, share, shorten, text_table};
use crate::{best_pairing, EvalError, Metric, Scorecard, Split};

/// The radius within which a predicted place counts as right.
pub const PLACE_KM: f64 = 50.0;

/// One coded article.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldArticle {
    /// Article id.
    pub id: String,
    /// Source URL.
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD` or an RFC 3339 timestamp).
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The page text.
    pub text: String,
    /// A distractor: nothing in it should be coded.
    pub no_event: bool,
    /// The coded events.
    pub events: Vec<GoldEvent>,
    /// The coded aggregate figures.
    pub figures: Vec<GoldFigure>,
}

impl GoldArticle {
    /// The article as a pipeline document.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            text: self.text.clone(),
            published: self.published.as_deref().and_then(parse_day),
            title: self.title.clone(),
            url: self.url.clone(),
            source: None,
        }
    }
}

/// One coded event.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldEvent {
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// The day, or a day inside the week or month.
    pub date: Option<String>,
    /// `day`, `week` or `month`.
    pub date_precision: Option<String>,
    /// Actor 1 in ACLED's naming.
    pub actor1: Option<String>,
    /// Actor 1 ISO3.
    pub actor1_country: Option<String>,
    /// Actor 2 in ACLED's naming.
    pub actor2: Option<String>,
    /// Actor 2 ISO3.
    pub actor2_country: Option<String>,
    /// Place name.
    pub place: Option<String>,
    /// ISO2 country of the place.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Lowest reported number killed; null when not given.
    pub killed_min: Option<u32>,
    /// Highest reported number killed.
    pub killed_max: Option<u32>,
    /// Lowest reported number injured; null when not given.
    pub injured_min: Option<u32>,
    /// The sentence the event was coded from.
    pub evidence: Option<String>,
}

impl GoldEvent {
    fn day(&self) -> Option<NaiveDate> {
        self.date.as_deref().and_then(parse_day)
    }

    fn precision(&self) -> &str {
        self.date_precision.as_deref().unwrap_or("day")
    }

    fn point(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }
}

/// One coded aggregate figure.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldFigure {
    /// What is counted: killed, injured, displaced, …
    pub measure: String,
    /// Lowest value.
    pub min: Option<u64>,
    /// Highest value.
    pub max: Option<u64>,
    /// The sentence it was coded from.
    pub evidence: Option<String>,
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    text.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Reads a JSONL file of coded articles.
pub fn read_articles(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let text = crate::read_file(path)?;
    parse_articles(&text).map_err(|message| EvalError::Format {
        path: path.display().to_string(),
        message,
    })
}

/// Parses JSONL text of coded articles (blank lines skipped).
pub fn parse_articles(text: &str) -> Result<Vec<GoldArticle>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let article: GoldArticle = serde_json::from_str(line).map_err(|e| {
            format!(
                "line {}: {e} (expected one coded article a line: id, published, text, no_event, events, figures)",
                n + 1
            )
        })?;
        out.push(article);
    }
    if out.is_empty() {
        return Err("no articles".into());
    }
    Ok(out)
}

/// Days of slack a date precision allows around its value.
fn slack_days(precision: &str) -> i64 {
    match precision {
        "day" => 0,
        "week" => 7,
        "month" => 31,
        "year" => 366,
        _ => 0,
    }
}

/// Whether a predicted event's date can refer to the coded one (used for pairing).
pub fn dates_compatible(gold: &GoldEvent, event: &Event) -> bool {
    match (gold.day(), event.date.value) {
        (Some(g), Some(p)) => {
            let slack =
                slack_days(gold.precision()) + slack_days(event.date.precision.as_str()) + 1;
            (p - g).num_days().abs() <= slack
        }
        _ => true,
    }
}

/// Whether the predicted date agrees with the coded one: the same day for day precision,
/// within 6 days for week precision, the same calendar month for month precision.
pub fn date_agrees(gold: &GoldEvent, event: &Event) -> bool {
    let (Some(g), Some(p)) = (gold.day(), event.date.value) else {
        return false;
    };
    match gold.precision() {
        "week" => (p - g).num_days().abs() <= 6,
        "month" => (p.year(), p.month()) == (g.year(), g.month()),
        _ => p == g,
    }
}

/// The field checks of one pair.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairChecks {
    /// Sub-event type agrees.
    pub sub_event_type: bool,
    /// `killed_min` = predicted `killed.min` (null = null agrees).
    pub killed: bool,
    /// `injured_min` = predicted `injured.min` (null = null agrees).
    pub injured: bool,
    /// Date agrees ([`date_agrees`]).
    pub date: bool,
    /// Predicted point within [`PLACE_KM`] (when the coded event has a point).
    pub place: Option<bool>,
    /// Distance between the points, when both exist.
    pub distance_km: Option<f64>,
    /// Actor 1 ISO3 agrees (when the coded event has one).
    pub actor1_country: Option<bool>,
    /// The evidence sentences overlap.
    pub evidence_overlap: bool,
}

impl PairChecks {
    /// Names of the wrong fields.
    pub fn failures(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let checks = [
            ("sub_event_type", Some(self.sub_event_type)),
            ("killed_exact", Some(self.killed)),
            ("injured_exact", Some(self.injured)),
            ("date", Some(self.date)),
            ("place_50km", self.place),
            ("actor1_country", self.actor1_country),
        ];
        for (name, ok) in checks {
            if ok == Some(false) {
                out.push(name);
            }
        }
        out
    }

    /// The pairing score: agreements, with the evidence overlap counting twice.
    fn score(&self) -> f64 {
        1.0 + [
            self.sub_event_type,
            self.killed,
            self.date,
            self.place == Some(true),
        ]
        .iter()
        .filter(|ok| **ok)
        .count() as f64
            + if self.evidence_overlap { 2.0 } else { 0.0 }
    }
}

/// Code-point span of the coded evidence in the article text, when it can be found.
fn evidence_span(text: &str, evidence: &str) -> Option<(usize, usize)> {
    let evidence = evidence.trim();
    if evidence.is_empty() {
        return None;
    }
    let probe: String = evidence.chars().take(60).collect();
    let byte = text.find(evidence).or_else(|| text.find(&probe))?;
    let start = text[..byte].chars().count();
    Some((start, start + evidence.chars().count()))
}

/// Checks a predicted event against a coded one.
pub fn check_pair(text: &str, gold: &GoldEvent, event: &Event) -> PairChecks {
    let predicted_point = event.location.as_ref().and_then(|l| l.lat.zip(l.lon));
    let distance = gold
        .point()
        .zip(predicted_point)
        .map(|((a, b), (c, d))| distance_km(a, b, c, d));
    let evidence_overlap = gold
        .evidence
        .as_deref()
        .and_then(|e| evidence_span(text, e))
        .is_some_and(|(start, end)| event.evidence.start < end && start < event.evidence.end);
    PairChecks {
        sub_event_type: describe::sub_event(event) == Some(gold.sub_event_type.as_str()),
        killed: gold.killed_min == event.killed.and_then(|c| c.min),
        injured: gold.injured_min == event.injured.and_then(|c| c.min),
        date: date_agrees(gold, event),
        place: gold
            .point()
            .map(|_| distance.is_some_and(|d| d <= PLACE_KM)),
        distance_km: distance,
        actor1_country: gold.actor1_country.as_deref().map(|g| {
            event
                .actor1
                .as_ref()
                .and_then(|a| a.country.as_deref())
                .is_some_and(|p| p.eq_ignore_ascii_case(g))
        }),
        evidence_overlap,
    }
}

/// A coded event paired with a predicted one.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index into the article's coded events.
    pub gold: usize,
    /// Index into the article's predicted events.
    pub predicted: usize,
    /// How they agree.
    pub checks: PairChecks,
}

/// Pairs the coded events with the predicted ones (see the module documentation).
pub fn pair_events(text: &str, gold: &[GoldEvent], predicted: &[Event]) -> Vec<Pair> {
    let checks: Vec<Vec<Option<PairChecks>>> = gold
        .iter()
        .map(|g| {
            predicted
                .iter()
                .map(|e| {
                    let allowed = describe::event_type(e) == Some(g.event_type.as_str())
                        && dates_compatible(g, e);
                    allowed.then(|| check_pair(text, g, e))
                })
                .collect()
        })
        .collect();
    let scores: Vec<Vec<Option<f64>>> = checks
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| c.as_ref().map(PairChecks::score))
                .collect()
        })
        .collect();
    best_pairing(&scores)
        .into_iter()
        .filter_map(|(g, p)| {
            checks[g][p].clone().map(|checks| Pair {
                gold: g,
                predicted: p,
                checks,
            })
        })
        .collect()
}

/// Pairs coded figures with predicted ones of the same measure and lowest value. A
/// coder's "more than 70,000" written as 70,000 also matches the open range {70001,
/// null} the record contract gives it.
pub fn pair_figures(gold: &[GoldFigure], predicted: &[Figure]) -> Vec<(usize, usize)> {
    let scores: Vec<Vec<Option<f64>>> = gold
        .iter()
        .map(|g| {
            predicted
                .iter()
                .map(|f| {
                    let min = f.value.min.map(u64::from);
                    let open_above =
                        f.value.max.is_none() && min.is_some_and(|m| m > 0 && Some(m - 1) == g.min);
                    let same = f.measure.eq_ignore_ascii_case(g.measure.trim())
                        && (min == g.min || open_above);
                    same.then(|| 1.0 + f64::from(u8::from(f.value.max.map(u64::from) == g.max)))
                })
                .collect()
        })
        .collect();
    best_pairing(&scores)
}

/// One scored article.
#[derive(Debug, Clone)]
pub struct ArticleOutcome {
    /// The coded article.
    pub article: GoldArticle,
    /// Predicted events with an ACLED type (the ones scored).
    pub events: Vec<Event>,
    /// Predicted events without an ACLED type (not scored).
    pub other_events: usize,
    /// Predicted figures.
    pub figures: Vec<Figure>,
    /// Event pairs.
    pub pairs: Vec<Pair>,
    /// Figure pairs (gold index, predicted index).
    pub figure_pairs: Vec<(usize, usize)>,
}

/// The result of `sitrep eval articles`.
#[derive(Debug, Clone)]
pub struct ArticlesResult {
    /// The gold file.
    pub file: String,
    /// The part scored.
    pub split: Split,
    /// Every scored article, in file order.
    pub outcomes: Vec<ArticleOutcome>,
}

/// Runs `extract` over the articles in `split` and scores them.
pub fn evaluate(
    articles: Vec<GoldArticle>,
    file: &str,
    split: Split,
    extract: impl Fn(&Document) -> Extraction,
) -> ArticlesResult {
    let outcomes = articles
        .into_iter()
        .filter(|a| split.includes(&a.id))
        .map(|article| {
            let extraction = extract(&article.document());
            let (events, others): (Vec<Event>, Vec<Event>) = extraction
                .events
                .into_iter()
                .partition(|e| e.acled.is_some());
            let pairs = pair_events(&article.text, &article.events, &events);
            let figure_pairs = pair_figures(&article.figures, &extraction.figures);
            ArticleOutcome {
                article,
                events,
                other_events: others.len(),
                figures: extraction.figures,
                pairs,
                figure_pairs,
            }
        })
        .collect();
    ArticlesResult {
        file: file.to_string(),
        split,
        outcomes,
    }
}

/// The filters `--only` accepts.
pub const FIELDS: [&str; 9] = [
    "missed",
    "extra",
    "sub_event_type",
    "killed_exact",
    "injured_exact",
    "date",
    "place_50km",
    "actor1_country",
    "figures",
];

impl ArticlesResult {
    fn pairs(&self) -> impl Iterator<Item = &Pair> {
        self.outcomes.iter().flat_map(|o| o.pairs.iter())
    }

    /// The headline metrics.
    pub fn scorecard(&self) -> Scorecard {
        let gold: usize = self.outcomes.iter().map(|o| o.article.events.len()).sum();
        let predicted: usize = self.outcomes.iter().map(|o| o.events.len()).sum();
        let paired = self.pairs().count();
        let count = |f: fn(&PairChecks) -> bool| self.pairs().filter(|p| f(&p.checks)).count();
        let tally = |f: fn(&PairChecks) -> Option<bool>| {
            self.pairs()
                .filter_map(|p| f(&p.checks))
                .fold((0, 0), |(h, t), ok| (h + usize::from(ok), t + 1))
        };
        let (place_hits, place_total) = tally(|c| c.place);
        let (actor_hits, actor_total) = tally(|c| c.actor1_country);
        let gold_figures: usize = self.outcomes.iter().map(|o| o.article.figures.len()).sum();
        let predicted_figures: usize = self.outcomes.iter().map(|o| o.figures.len()).sum();
        let paired_figures: usize = self.outcomes.iter().map(|o| o.figure_pairs.len()).sum();
        let distractor_events = self
            .outcomes
            .iter()
            .filter(|o| o.article.no_event)
            .map(|o| o.events.len())
            .sum();
        let other_events = self.outcomes.iter().map(|o| o.other_events).sum();
        let metrics = vec![
            Metric::ratio(
                "event_recall",
                "coded events paired with a prediction",
                paired,
                gold,
            ),
            Metric::ratio(
                "event_precision",
                "predicted ACLED-typed events paired with a coded one",
                paired,
                predicted,
            ),
            Metric::ratio(
                "sub_event_type",
                "pairs with the same sub-event type",
                count(|c| c.sub_event_type),
                paired,
            ),
            Metric::ratio(
                "killed_exact",
                "pairs with killed_min = predicted killed.min (null = null)",
                count(|c| c.killed),
                paired,
            ),
            Metric::ratio(
                "injured_exact",
                "pairs with injured_min = predicted injured.min (null = null)",
                count(|c| c.injured),
                paired,
            ),
            Metric::ratio(
                "date",
                "pairs whose date agrees at the coded precision",
                count(|c| c.date),
                paired,
            ),
            Metric::ratio(
                "place_50km",
                "pairs with the predicted point within 50 km (coded point known)",
                place_hits,
                place_total,
            ),
            Metric::ratio(
                "actor1_country",
                "pairs with the same actor1 ISO3 (coded country known)",
                actor_hits,
                actor_total,
            ),
            Metric::ratio(
                "figure_recall",
                "coded figures matched by measure and lowest value",
                paired_figures,
                gold_figures,
            ),
            Metric::ratio(
                "figure_precision",
                "predicted figures matching a coded one",
                paired_figures,
                predicted_figures,
            ),
            Metric::count(
                "distractor_events",
                "ACLED-typed events predicted from distractor articles (must be 0)",
                distractor_events,
            ),
            Metric::count(
                "other_events",
                "predicted events without an ACLED type (not scored)",
                other_events,
            ),
        ];
        Scorecard {
            eval: "articles",
            file: self.file.clone(),
            split: self.split,
            documents: self.outcomes.len(),
            metrics,
        }
    }

    /// Per sub-event type: coded, paired (recall), predicted, paired (precision), and the
    /// sub-event agreement of the coded events of that type that were paired.
    fn sub_event_rows(&self) -> Vec<Vec<String>> {
        let mut table: BTreeMap<(usize, String), [usize; 5]> = BTreeMap::new();
        for o in &self.outcomes {
            for g in &o.article.events {
                table.entry(sub_event_rank(&g.sub_event_type)).or_default()[0] += 1;
            }
            for e in &o.events {
                let label = describe::sub_event(e).unwrap_or_default();
                table.entry(sub_event_rank(label)).or_default()[2] += 1;
            }
            for p in &o.pairs {
                let gold = &o.article.events[p.gold].sub_event_type;
                let row = table.entry(sub_event_rank(gold)).or_default();
                row[1] += 1;
                row[4] += usize::from(p.checks.sub_event_type);
                let label = describe::sub_event(&o.events[p.predicted]).unwrap_or_default();
                table.entry(sub_event_rank(label)).or_default()[3] += 1;
            }
        }
        table
            .into_iter()
            .map(
                |((_, label), [gold, paired, predicted, predicted_paired, right])| {
                    vec![
                        label,
                        gold.to_string(),
                        share(paired, gold),
                        predicted.to_string(),
                        share(predicted_paired, predicted),
                        share(right, paired),
                    ]
                },
            )
            .collect()
    }

    /// Per article: coded, predicted, paired, field failures.
    fn article_rows(&self) -> Vec<Vec<String>> {
        self.outcomes
            .iter()
            .map(|o| {
                let wrong: usize = o.pairs.iter().map(|p| p.checks.failures().len()).sum();
                vec![
                    o.article.id.clone(),
                    if o.article.no_event { "yes" } else { "" }.to_string(),
                    o.article.events.len().to_string(),
                    o.events.len().to_string(),
                    o.pairs.len().to_string(),
                    wrong.to_string(),
                ]
            })
            .collect()
    }

    const SUB_EVENT_HEADER: [&'static str; 6] = [
        "sub-event type",
        "coded",
        "recall",
        "predicted",
        "precision",
        "sub-event agrees",
    ];
    const ARTICLE_HEADER: [&'static str; 6] = [
        "article",
        "distractor",
        "coded",
        "predicted",
        "paired",
        "wrong fields",
    ];

    /// The full markdown report (aggregates and ids only: no text from the data set).
    pub fn markdown(&self, command: &str) -> String {
        let card = self.scorecard();
        format!(
            "# sitrep eval articles: `{}` ({} split)\n\n\
             Produced by `{command}`. {} articles scored; coded events paired one to one with \
             predicted events of the same event type and a compatible date (see \
             docs/evaluation.md).\n\n\
             ## Metrics\n\n{}\n\
             ## Per sub-event type\n\n\
             recall: coded events of the type that were paired; precision: predicted events of \
             the type that were paired; sub-event agrees: of the paired coded events of the type.\n\n{}\n\
             ## Per article\n\n{}",
            card.file,
            card.split.name(),
            card.documents,
            card.markdown_table(),
            markdown_table(&Self::SUB_EVENT_HEADER, &self.sub_event_rows()),
            markdown_table(&Self::ARTICLE_HEADER, &self.article_rows()),
        )
    }

    /// The plain-text summary.
    pub fn text(&self) -> String {
        let card = self.scorecard();
        format!(
            "sitrep eval articles: {} ({} split, {} articles)\n\n{}\nper sub-event type:\n{}\nper article:\n{}",
            card.file,
            card.split.name(),
            card.documents,
            card.text_table(),
            text_table(&Self::SUB_EVENT_HEADER, &self.sub_event_rows()),
            text_table(&Self::ARTICLE_HEADER, &self.article_rows()),
        )
    }

    /// Per article: coded events missed, predicted events unpaired, pairs with wrong
    /// fields, and unmatched figures (only the kind named by `only`, when given).
    pub fn misses(&self, only: Option<&str>) -> String {
        let mut out = String::new();
        for o in &self.outcomes {
            let section = article_misses(o, only);
            if !section.is_empty() {
                let a = &o.article;
                out.push_str(&format!(
                    "══ {}{} · published {} · {} coded, {} predicted, {} paired\n{section}\n",
                    a.id,
                    if a.no_event { " (DISTRACTOR)" } else { "" },
                    or_dash(a.published.as_deref()),
                    a.events.len(),
                    o.events.len(),
                    o.pairs.len(),
                ));
            }
        }
        out
    }
}

fn gold_line(g: &GoldEvent) -> String {
    let count = |min: Option<u32>, max: Option<u32>| match (min, max) {
        (None, _) => "-".to_string(),
        (Some(a), Some(b)) if b != a => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
    };
    format!(
        "{} / {} · {} {} · killed {} · injured {} · A1 {} [{}] · A2 {} [{}] · {} {}",
        g.event_type,
        g.sub_event_type,
        or_dash(g.date.as_deref()),
        g.precision(),
        count(g.killed_min, g.killed_max),
        count(g.injured_min, None),
        or_dash(g.actor1.as_deref()),
        or_dash(g.actor1_country.as_deref()),
        or_dash(g.actor2.as_deref()),
        or_dash(g.actor2_country.as_deref()),
        or_dash(g.place.as_deref()),
        g.point()
            .map(|(a, b)| format!("({a:.2}, {b:.2})"))
            .unwrap_or_default(),
    )
}

fn predicted_line(e: &Event) -> String {
    let acled = e.acled.clone().unwrap_or_default();
    format!(
        "{} / {} · {} · killed {} · injured {} · A1 {} · A2 {} · {}",
        acled.event_type,
        acled.sub_event_type,
        describe::date(e),
        describe::count(e.killed),
        describe::count(e.injured),
        describe::actor(e.actor1.as_ref()),
        describe::actor(e.actor2.as_ref()),
        describe::location(e),
    )
}

/// For a missed coded event: the unpaired predictions on its evidence sentence and why
/// they could not be paired (event type or date), so near misses are easy to spot.
fn same_sentence_hint(o: &ArticleOutcome, g: &GoldEvent, paired_pred: &[usize]) -> String {
    let Some((start, end)) = g
        .evidence
        .as_deref()
        .and_then(|e| evidence_span(&o.article.text, e))
    else {
        return String::new();
    };
    let mut out = String::new();
    for (i, e) in o.events.iter().enumerate() {
        let overlaps = e.evidence.start < end && start < e.evidence.end;
        if !overlaps || paired_pred.contains(&i) {
            continue;
        }
        let mut reasons = Vec::new();
        if describe::event_type(e) != Some(g.event_type.as_str()) {
            reasons.push(format!(
                "event type {}",
                describe::event_type(e).unwrap_or("-")
            ));
        }
        if !dates_compatible(g, e) {
            reasons.push(format!("date {}", describe::date(e)));
        }
        let why = if reasons.is_empty() {
            "taken by another pairing".to_string()
        } else {
            reasons.join(", ")
        };
        out.push_str(&format!(
            "         near miss: predicted {} is on this sentence but was not paired ({why})\n",
            i + 1
        ));
    }
    out
}

fn article_misses(o: &ArticleOutcome, only: Option<&str>) -> String {
    let wants = |kind: &str| only.is_none_or(|f| f == kind);
    let mut out = String::new();
    let paired_gold: Vec<usize> = o.pairs.iter().map(|p| p.gold).collect();
    let paired_pred: Vec<usize> = o.pairs.iter().map(|p| p.predicted).collect();
    if wants("missed") {
        for (i, g) in o.article.events.iter().enumerate() {
            if paired_gold.contains(&i) {
                continue;
            }
            out.push_str(&format!(
                "  MISSED coded {}: {}\n         evidence: \"{}\"\n",
                i + 1,
                gold_line(g),
                shorten(g.evidence.as_deref().unwrap_or(""), 220)
            ));
            out.push_str(&same_sentence_hint(o, g, &paired_pred));
        }
    }
    for p in &o.pairs {
        let failures = p.checks.failures();
        let shown = match only {
            None => !failures.is_empty(),
            Some(f) => failures.contains(&f),
        };
        if !shown {
            continue;
        }
        let e = &o.events[p.predicted];
        let km = p
            .checks
            .distance_km
            .map(|d| format!(" [{d:.0} km apart]"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  PAIRED coded {} ↔ predicted {}: wrong {}{km}\n         coded: {}\n         pred:  {}\n         {}\n",
            p.gold + 1,
            p.predicted + 1,
            failures.join(", "),
            gold_line(&o.article.events[p.gold]),
            predicted_line(e),
            describe::evidence(e, 220),
        ));
    }
    if wants("extra") {
        for (i, e) in o.events.iter().enumerate() {
            if paired_pred.contains(&i) {
                continue;
            }
            out.push_str(&format!(
                "  EXTRA  predicted {}: {}\n         {}\n",
                i + 1,
                predicted_line(e),
                describe::evidence(e, 220),
            ));
        }
    }
    if wants("figures") {
        let gold_paired: Vec<usize> = o.figure_pairs.iter().map(|p| p.0).collect();
        let pred_paired: Vec<usize> = o.figure_pairs.iter().map(|p| p.1).collect();
        for (i, f) in o.article.figures.iter().enumerate() {
            if !gold_paired.contains(&i) {
                out.push_str(&format!(
                    "  FIGURE missed: {} {}{} · \"{}\"\n",
                    f.measure,
                    or_dash(f.min),
                    f.max.map(|m| format!("-{m}")).unwrap_or_default(),
                    shorten(f.evidence.as_deref().unwrap_or(""), 160)
                ));
            }
        }
        for (i, f) in o.figures.iter().enumerate() {
            if !pred_paired.contains(&i) {
                out.push_str(&format!(
                    "  FIGURE extra: {} {} · \"{}\"\n",
                    f.measure,
                    describe::count(Some(f.value)),
                    shorten(&f.evidence.sentence, 160)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Acled, Count, DatePrecision, EventDate, Evidence, Location};

    const TEXT: &str = "Rebels ambushed a convoy near Goma on Monday, killing five soldiers. \
                        Separately, a drone strike hit a depot in Beni on Sunday.";

    fn gold(sub: &str, kind: &str, date: &str, killed: Option<u32>, evidence: &str) -> GoldEvent {
        GoldEvent {
            event_type: kind.into(),
            sub_event_type: sub.into(),
            date: Some(date.into()),
            date_precision: Some("day".into()),
            actor1_country: Some("COD".into()),
            lat: Some(-1.68),
            lon: Some(29.22),
            killed_min: killed,
            evidence: Some(evidence.into()),
            ..GoldEvent::default()
        }
    }

    fn predicted(sub: &str, kind: &str, date: &str, killed: Option<u32>, start: usize) -> Event {
        Event {
            acled: Some(Acled {
                event_type: kind.into(),
                sub_event_type: sub.into(),
            }),
            date: EventDate {
                value: parse_day(date),
                precision: DatePrecision::Day,
                text: None,
            },
            killed: killed.map(Count::exact),
            location: Some(Location {
                lat: Some(-1.7),
                lon: Some(29.2),
                ..Location::default()
            }),
            evidence: Evidence {
                start,
                end: start + 60,
                ..Evidence::default()
            },
            ..Event::default()
        }
    }

    fn clash() -> GoldEvent {
        gold(
            "Armed clash",
            "Battles",
            "2024-03-04",
            Some(5),
            "Rebels ambushed a convoy near Goma",
        )
    }

    fn strike() -> GoldEvent {
        gold(
            "Air/drone strike",
            "Explosions/Remote violence",
            "2024-03-03",
            None,
            "Separately, a drone strike hit a depot",
        )
    }

    #[test]
    fn pairs_need_the_event_type_and_a_compatible_date() {
        let rows: &[(Event, bool)] = &[
            (
                predicted("Armed clash", "Battles", "2024-03-04", Some(5), 0),
                true,
            ),
            (
                predicted(
                    "Attack",
                    "Violence against civilians",
                    "2024-03-04",
                    None,
                    0,
                ),
                false,
            ),
            (
                predicted("Armed clash", "Battles", "2024-03-05", None, 0),
                true,
            ),
            (
                predicted("Armed clash", "Battles", "2024-03-09", None, 0),
                false,
            ),
            (predicted("Armed clash", "Battles", "", None, 0), true),
        ];
        for (event, paired) in rows {
            let pairs = pair_events(TEXT, &[clash()], std::slice::from_ref(event));
            assert_eq!(pairs.len() == 1, *paired, "{event:?}");
        }
    }

    #[test]
    fn pairing_prefers_agreement_and_evidence_overlap() {
        // Two predicted battles; the second one sits on the coded sentence and agrees on killed.
        let events = vec![
            predicted("Armed clash", "Battles", "2024-03-04", None, 80),
            predicted("Armed clash", "Battles", "2024-03-04", Some(5), 0),
        ];
        let pairs = pair_events(TEXT, &[clash()], &events);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].predicted, 1);
        assert!(pairs[0].checks.evidence_overlap && pairs[0].checks.killed);
    }

    #[test]
    fn field_checks_of_a_pair() {
        let mut event = predicted("Armed clash", "Battles", "2024-03-03", Some(4), 0);
        event.location = Some(Location {
            lat: Some(0.49),
            lon: Some(29.47),
            ..Location::default()
        });
        let checks = check_pair(TEXT, &clash(), &event);
        assert_eq!(
            checks.failures(),
            ["killed_exact", "date", "place_50km", "actor1_country"]
        );
        // Null killed on both sides agrees.
        let strike_pred = predicted(
            "Air/drone strike",
            "Explosions/Remote violence",
            "2024-03-03",
            None,
            70,
        );
        assert!(check_pair(TEXT, &strike(), &strike_pred).killed);
    }

    #[test]
    fn week_and_month_dates_agree_inside_their_period() {
        let mut week = clash();
        week.date_precision = Some("week".into());
        let rows: &[(&GoldEvent, &str, bool)] = &[
            (&week, "2024-02-28", true),
            (&week, "2024-02-26", false),
            (&clash(), "2024-03-03", false),
        ];
        for (g, date, agrees) in rows {
            let e = predicted("Armed clash", "Battles", date, None, 0);
            assert_eq!(date_agrees(g, &e), *agrees, "{date}");
        }
    }

    #[test]
    fn metrics_count_recall_precision_and_distractor_events() {
        let article = GoldArticle {
            id: "a1".into(),
            published: Some("2024-03-05".into()),
            text: TEXT.into(),
            events: vec![clash(), strike()],
            figures: vec![GoldFigure {
                measure: "displaced".into(),
                min: Some(1200),
                ..GoldFigure::default()
            }],
            ..GoldArticle::default()
        };
        let distractor = GoldArticle {
            id: "a2".into(),
            text: "A festival opened in Kinshasa.".into(),
            no_event: true,
            ..GoldArticle::default()
        };
        let result = evaluate(vec![article, distractor], "t.jsonl", Split::All, |doc| {
            let mut statement = predicted("", "", "2024-03-04", None, 0);
            statement.acled = None;
            let events = if doc.id == "a1" {
                vec![
                    predicted("Attack", "Battles", "2024-03-04", Some(5), 0),
                    predicted("Armed clash", "Battles", "2024-01-01", None, 0),
                    statement,
                ]
            } else {
                vec![predicted(
                    "Peaceful protest",
                    "Protests",
                    "2024-03-04",
                    None,
                    0,
                )]
            };
            let figures = vec![Figure {
                measure: "displaced".into(),
                value: Count::range(Some(1200), None),
                ..Figure::default()
            }];
            Extraction {
                events,
                figures,
                ..Extraction::default()
            }
        });
        let card = result.scorecard();
        assert_eq!(card.value("event_recall"), 0.5);
        assert_eq!(card.value("event_precision"), 1.0 / 3.0);
        assert_eq!(card.value("sub_event_type"), 0.0);
        assert_eq!(card.value("killed_exact"), 1.0);
        assert_eq!(card.value("distractor_events"), 1.0);
        assert_eq!(card.value("other_events"), 1.0);
        assert_eq!(card.value("figure_recall"), 1.0);
        assert_eq!(card.value("figure_precision"), 0.5);
        let misses = result.misses(None);
        assert!(misses.contains("MISSED coded 2"), "{misses}");
        assert!(misses.contains("a2 (DISTRACTOR)"), "{misses}");
        assert!(!result.misses(Some("missed")).contains("EXTRA"));
        assert!(result
            .markdown("x")
            .contains("| a2 | yes | 0 | 1 | 0 | 0 |"));
    }

    #[test]
    fn missed_events_point_at_near_misses_on_their_sentence() {
        let article = GoldArticle {
            id: "a3".into(),
            text: TEXT.into(),
            events: vec![clash()],
            ..GoldArticle::default()
        };
        let result = evaluate(vec![article], "t.jsonl", Split::All, |_| Extraction {
            events: vec![
                predicted("Armed clash", "Battles", "2024-01-01", None, 0),
                predicted(
                    "Attack",
                    "Violence against civilians",
                    "2024-03-04",
                    None,
                    10,
                ),
            ],
            ..Extraction::default()
        });
        let misses = result.misses(None);
        assert!(
            misses.contains(
                "predicted 1 is on this sentence but was not paired (date 2024-01-01 day)"
            ),
            "{misses}"
        );
        assert!(
            misses.contains("predicted 2 is on this sentence but was not paired (event type Violence against civilians)"),
            "{misses}"
        );
    }

    #[test]
    fn jsonl_lines_are_read_and_errors_name_the_line() {
        let ok = r#"{"id":"x","published":"2024-03-05T10:00:00Z","text":"t","events":[{"event_type":"Battles","sub_event_type":"Armed clash","killed_min":null}]}"#;
        let articles = parse_articles(&format!("{ok}\n\n")).unwrap();
        assert_eq!(articles[0].document().published, parse_day("2024-03-05"));
        assert!(parse_articles("{\"id\": 3}\n")
            .unwrap_err()
            .starts_with("line 1"));
    }
}
