//! `sitrep eval acled`: scores the primary event of each ACLED note against its row.
//!
//! Each row's `notes` becomes a document published on the row's `timestamp` date (when
//! ACLED recorded it: after the event, so the date does not leak the answer). The primary
//! predicted event is the first one with an ACLED type by evidence position. A row without
//! one fails every field; `coverage` says how many rows had one. Fields:
//! event type, sub-event type, fatalities (the predicted `fatalities` number against the
//! row's, 0 included), date (exact day), actor names ([`names_agree`]), actor countries
//! (the country in the ACLED
//! name against the predicted ISO3; rows whose actor name carries no country are not
//! counted), and location within 25 km of the row's point.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate};
use sitrep_geo::distance_km;
use sitrep_model::{Document, Event};
use sitrep_pipeline::Extraction;

use crate::describe::{self, short_sub_event, sub_event_rank, NONE};
use crate::render::{markdown_table, or_dash, share, shorten, text_table};
use crate::{acled_actor_country, EvalError, Metric, Scorecard, Split};

/// The radius within which a predicted location counts as right.
pub const LOCATION_KM: f64 = 25.0;

/// One ACLED row: the note and what ACLED coded from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcledRow {
    /// `event_id_cnty`.
    pub id: String,
    /// `event_date`.
    pub event_date: Option<NaiveDate>,
    /// `event_type`.
    pub event_type: String,
    /// `sub_event_type`.
    pub sub_event_type: String,
    /// `actor1` (may be empty).
    pub actor1: String,
    /// `actor2` (may be empty).
    pub actor2: String,
    /// `country`.
    pub country: String,
    /// `location`.
    pub location: String,
    /// `latitude`, `longitude`.
    pub point: Option<(f64, f64)>,
    /// `fatalities`.
    pub fatalities: u32,
    /// `notes`: the text the pipeline reads.
    pub notes: String,
    /// The publication date given to the note (`timestamp` as a UTC date).
    pub published: Option<NaiveDate>,
}

impl AcledRow {
    /// The note as a pipeline document.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            text: self.notes.clone(),
            published: self.published,
            ..Document::default()
        }
    }
}

/// Reads an ACLED CSV export (it needs `event_id_cnty`, `event_date`, `event_type`,
/// `sub_event_type`, `notes` and `fatalities`; actors, location and `timestamp` are used
/// when present).
pub fn read_rows(path: &Path) -> Result<Vec<AcledRow>, EvalError> {
    let text = crate::read_file(path)?;
    parse_rows(&text).map_err(|message| EvalError::Format {
        path: path.display().to_string(),
        message,
    })
}

/// Parses the text of an ACLED CSV export.
pub fn parse_rows(text: &str) -> Result<Vec<AcledRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the CSV header: {e}"))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let required = |name: &str| {
        column(name).ok_or_else(|| {
            format!("no `{name}` column: expected an ACLED export with notes (event_id_cnty, event_date, event_type, sub_event_type, notes, fatalities)")
        })
    };
    let (id, date, kind, sub, notes, fatalities) = (
        required("event_id_cnty")?,
        required("event_date")?,
        required("event_type")?,
        required("sub_event_type")?,
        required("notes")?,
        required("fatalities")?,
    );
    let (actor1, actor2, country, location, lat, lon, timestamp) = (
        column("actor1"),
        column("actor2"),
        column("country"),
        column("location"),
        column("latitude"),
        column("longitude"),
        column("timestamp"),
    );
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("CSV row {}: {e}", n + 2))?;
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let number = |i: Option<usize>| get(i).parse::<f64>().ok();
        rows.push(AcledRow {
            id: get(Some(id)).to_string(),
            event_date: parse_date(get(Some(date))),
            event_type: get(Some(kind)).to_string(),
            sub_event_type: get(Some(sub)).to_string(),
            actor1: get(actor1).to_string(),
            actor2: get(actor2).to_string(),
            country: get(country).to_string(),
            location: get(location).to_string(),
            point: number(lat).zip(number(lon)),
            fatalities: get(Some(fatalities)).parse().unwrap_or(0),
            notes: get(Some(notes)).to_string(),
            published: get(timestamp)
                .parse::<i64>()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0))
                .map(|t| t.date_naive()),
        });
    }
    Ok(rows)
}

/// ACLED writes `2022-01-09` or `09 January 2022`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y"))
        .ok()
}

/// The field checks of one row; `None` where the row gives nothing to check against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowChecks {
    /// Any ACLED-typed event predicted.
    pub covered: bool,
    /// Event type agrees.
    pub event_type: bool,
    /// Sub-event type agrees.
    pub sub_event_type: bool,
    /// Fatalities equal.
    pub fatalities: bool,
    /// Date equal.
    pub date: bool,
    /// Actor 1 name agrees (row has an actor 1).
    pub actor1_name: Option<bool>,
    /// Actor 1 country agrees (row's actor 1 names a country).
    pub actor1_country: Option<bool>,
    /// Actor 2 name agrees (row has an actor 2).
    pub actor2_name: Option<bool>,
    /// Actor 2 country agrees (row's actor 2 names a country).
    pub actor2_country: Option<bool>,
    /// Location within [`LOCATION_KM`] (row has a point).
    pub location: Option<bool>,
    /// Distance between predicted and gold points, when both exist.
    pub distance_km: Option<f64>,
}

impl RowChecks {
    /// Whether the named field is wrong (`coverage`: nothing predicted).
    pub fn failed(&self, field: &str) -> bool {
        match field {
            "coverage" => !self.covered,
            "event_type" => !self.event_type,
            "sub_event_type" => !self.sub_event_type,
            "fatalities" => !self.fatalities,
            "date" => !self.date,
            "actor1_name" => self.actor1_name == Some(false),
            "actor1_country" => self.actor1_country == Some(false),
            "actor2_name" => self.actor2_name == Some(false),
            "actor2_country" => self.actor2_country == Some(false),
            "location_25km" => self.location == Some(false),
            _ => false,
        }
    }

    /// The names of the wrong fields.
    pub fn failures(&self) -> Vec<&'static str> {
        FIELDS.iter().copied().filter(|f| self.failed(f)).collect()
    }
}

/// The fields `--only` accepts, in display order.
pub const FIELDS: [&str; 10] = [
    "coverage",
    "event_type",
    "sub_event_type",
    "fatalities",
    "date",
    "actor1_name",
    "actor1_country",
    "actor2_name",
    "actor2_country",
    "location_25km",
];

/// An ACLED actor name reduced for comparison: lower case, year ranges dropped.
fn name_key(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let close = rest[open..].find(')').map(|c| open + c + 1);
        let Some(close) = close else { break };
        out.push_str(&rest[..open]);
        let inner = &rest[open..close];
        if !inner.chars().any(|c| c.is_ascii_digit()) {
            out.push_str(inner);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    let folded: String = out
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '.'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The forms an ACLED name goes by: the whole name and, for "PKK: Kurdistan Workers
/// Party", the acronym and the full name on their own.
fn name_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name_key(name)];
    if let Some((acronym, full)) = name.split_once(": ") {
        forms.push(name_key(acronym));
        forms.push(name_key(full));
    }
    forms.retain(|f| !f.is_empty());
    forms
}

/// Whether two ACLED actor names agree: equal once case, apostrophes and year ranges are
/// dropped, or one is the other followed by more words ("Military Forces of Yemen (2016-)
/// Supreme Political Council", "Islamic State (Afghanistan)"); an "ACRONYM: Full name"
/// agrees through either part.
pub fn names_agree(gold: &str, predicted: &str) -> bool {
    let extends = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    let predicted = name_forms(predicted);
    name_forms(gold).iter().any(|g| {
        predicted
            .iter()
            .any(|p| g == p || extends(g, p) || extends(p, g))
    })
}

/// Checks the primary predicted event against the row.
pub fn score_row(row: &AcledRow, events: &[Event]) -> RowChecks {
    let Some(event) = describe::primary_event(events) else {
        let unscored = |gold: bool| gold.then_some(false);
        return RowChecks {
            actor1_name: unscored(!row.actor1.is_empty()),
            actor1_country: unscored(acled_actor_country(&row.actor1).is_some()),
            actor2_name: unscored(!row.actor2.is_empty()),
            actor2_country: unscored(acled_actor_country(&row.actor2).is_some()),
            location: unscored(row.point.is_some()),
            ..RowChecks::default()
        };
    };
    let name_check = |gold: &str, actor: Option<&sitrep_model::Actor>| {
        (!gold.is_empty()).then(|| {
            actor
                .and_then(|a| a.name.as_deref())
                .is_some_and(|p| names_agree(gold, p))
        })
    };
    let country_check = |gold: &str, actor: Option<&sitrep_model::Actor>| {
        acled_actor_country(gold).map(|iso3| {
            actor
                .and_then(|a| a.country.as_deref())
                .is_some_and(|c| c.eq_ignore_ascii_case(iso3))
        })
    };
    let predicted_point = event.location.as_ref().and_then(|l| l.lat.zip(l.lon));
    let distance = row
        .point
        .zip(predicted_point)
        .map(|((a, b), (c, d))| distance_km(a, b, c, d));
    RowChecks {
        covered: true,
        event_type: describe::event_type(event) == Some(row.event_type.as_str()),
        sub_event_type: describe::sub_event(event) == Some(row.sub_event_type.as_str()),
        fatalities: event.fatalities == row.fatalities,
        date: row.event_date.is_some() && event.date.value == row.event_date,
        actor1_name: name_check(&row.actor1, event.actor1.as_ref()),
        actor1_country: country_check(&row.actor1, event.actor1.as_ref()),
        actor2_name: name_check(&row.actor2, event.actor2.as_ref()),
        actor2_country: country_check(&row.actor2, event.actor2.as_ref()),
        location: row
            .point
            .map(|_| distance.is_some_and(|d| d <= LOCATION_KM)),
        distance_km: distance,
    }
}

/// One scored row.
#[derive(Debug, Clone)]
pub struct RowOutcome {
    /// The row.
    pub row: AcledRow,
    /// Every event predicted from its note.
    pub events: Vec<Event>,
    /// The checks of the primary event.
    pub checks: RowChecks,
}

impl RowOutcome {
    /// The primary predicted event.
    pub fn primary(&self) -> Option<&Event> {
        describe::primary_event(&self.events)
    }

    /// The predicted sub-event type, or `(none)`.
    pub fn predicted_label(&self) -> &str {
        self.primary().and_then(describe::sub_event).unwrap_or(NONE)
    }
}

/// The result of `sitrep eval acled`.
#[derive(Debug, Clone)]
pub struct AcledResult {
    /// The gold file.
    pub file: String,
    /// The part scored.
    pub split: Split,
    /// Every scored row, in file order.
    pub outcomes: Vec<RowOutcome>,
}

/// Runs `extract` over the notes of the rows in `split` and scores them.
pub fn evaluate(
    rows: Vec<AcledRow>,
    file: &str,
    split: Split,
    extract: impl Fn(&Document) -> Extraction,
) -> AcledResult {
    let outcomes = rows
        .into_iter()
        .filter(|row| split.includes(&row.id))
        .map(|row| {
            let events = extract(&row.document()).events;
            let checks = score_row(&row, &events);
            RowOutcome {
                row,
                events,
                checks,
            }
        })
        .collect();
    AcledResult {
        file: file.to_string(),
        split,
        outcomes,
    }
}

/// Counts of one optional check.
fn tally(outcomes: &[RowOutcome], check: impl Fn(&RowChecks) -> Option<bool>) -> (usize, usize) {
    outcomes
        .iter()
        .filter_map(|o| check(&o.checks))
        .fold((0, 0), |(h, t), ok| (h + usize::from(ok), t + 1))
}

impl AcledResult {
    /// The headline metrics.
    pub fn scorecard(&self) -> Scorecard {
        let o = &self.outcomes;
        let n = o.len();
        let all = |f: fn(&RowChecks) -> bool| o.iter().filter(|x| f(&x.checks)).count();
        let ratio = |name, about, (hits, total)| Metric::ratio(name, about, hits, total);
        let metrics = vec![
            Metric::ratio(
                "coverage",
                "rows with an ACLED-typed predicted event",
                all(|c| c.covered),
                n,
            ),
            Metric::ratio(
                "event_type",
                "primary event's event type = row's (all rows)",
                all(|c| c.event_type),
                n,
            ),
            Metric::ratio(
                "sub_event_type",
                "sub-event type = row's (all rows)",
                all(|c| c.sub_event_type),
                n,
            ),
            Metric::ratio(
                "fatalities",
                "predicted fatalities = row's, 0 included (all rows)",
                all(|c| c.fatalities),
                n,
            ),
            Metric::ratio("date", "date = event_date (all rows)", all(|c| c.date), n),
            ratio(
                "actor1_name",
                "actor1 name agrees (rows with an actor1)",
                tally(o, |c| c.actor1_name),
            ),
            ratio(
                "actor1_country",
                "actor1 ISO3 = country in the ACLED name (rows where it has one)",
                tally(o, |c| c.actor1_country),
            ),
            ratio(
                "actor2_name",
                "actor2 name agrees (rows with an actor2)",
                tally(o, |c| c.actor2_name),
            ),
            ratio(
                "actor2_country",
                "actor2 ISO3 = country in the ACLED name (rows where it has one)",
                tally(o, |c| c.actor2_country),
            ),
            ratio(
                "location_25km",
                "predicted point within 25 km of the row's",
                tally(o, |c| c.location),
            ),
        ];
        Scorecard {
            eval: "acled",
            file: self.file.clone(),
            split: self.split,
            documents: n,
            metrics,
        }
    }

    /// Gold sub-event × predicted sub-event counts.
    pub fn confusion(&self) -> BTreeMap<(String, String), usize> {
        let mut table = BTreeMap::new();
        for o in &self.outcomes {
            let key = (
                o.row.sub_event_type.clone(),
                o.predicted_label().to_string(),
            );
            *table.entry(key).or_insert(0) += 1;
        }
        table
    }

    /// Per gold sub-event type: rows, predictions of that type, recall, precision,
    /// fatalities and date agreement.
    fn sub_event_rows(&self) -> Vec<Vec<String>> {
        let mut labels: Vec<String> = self
            .outcomes
            .iter()
            .map(|o| o.row.sub_event_type.clone())
            .chain(
                self.outcomes
                    .iter()
                    .filter_map(|o| o.primary().and_then(describe::sub_event))
                    .map(str::to_string),
            )
            .collect();
        labels.sort_by_key(|l| sub_event_rank(l));
        labels.dedup();
        labels
            .into_iter()
            .map(|label| {
                let gold: Vec<&RowOutcome> = self
                    .outcomes
                    .iter()
                    .filter(|o| o.row.sub_event_type == label)
                    .collect();
                let predicted = self
                    .outcomes
                    .iter()
                    .filter(|o| o.predicted_label() == label)
                    .count();
                let right = gold.iter().filter(|o| o.checks.sub_event_type).count();
                let count =
                    |f: fn(&RowChecks) -> bool| gold.iter().filter(|o| f(&o.checks)).count();
                vec![
                    label.clone(),
                    gold.len().to_string(),
                    predicted.to_string(),
                    share(right, gold.len()),
                    share(right, predicted),
                    share(count(|c| c.covered), gold.len()),
                    share(count(|c| c.fatalities), gold.len()),
                    share(count(|c| c.date), gold.len()),
                ]
            })
            .collect()
    }

    /// Per country: rows, coverage, event type, sub-event type, fatalities, date.
    fn country_rows(&self) -> Vec<Vec<String>> {
        let mut by_country: BTreeMap<&str, Vec<&RowOutcome>> = BTreeMap::new();
        for o in &self.outcomes {
            by_country
                .entry(o.row.country.as_str())
                .or_default()
                .push(o);
        }
        let mut rows: Vec<(usize, Vec<String>)> = by_country
            .into_iter()
            .map(|(country, group)| {
                let count =
                    |f: fn(&RowChecks) -> bool| group.iter().filter(|o| f(&o.checks)).count();
                let n = group.len();
                (
                    n,
                    vec![
                        country.to_string(),
                        n.to_string(),
                        share(count(|c| c.covered), n),
                        share(count(|c| c.event_type), n),
                        share(count(|c| c.sub_event_type), n),
                        share(count(|c| c.fatalities), n),
                        share(count(|c| c.date), n),
                    ],
                )
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1[0].cmp(&b.1[0])));
        rows.into_iter().map(|(_, r)| r).collect()
    }

    /// The gold × predicted sub-event matrix as markdown (only predicted columns that occur).
    fn confusion_markdown(&self) -> String {
        let confusion = self.confusion();
        let mut golds: Vec<&str> = confusion.keys().map(|(g, _)| g.as_str()).collect();
        let mut preds: Vec<&str> = confusion.keys().map(|(_, p)| p.as_str()).collect();
        golds.sort_by_key(|l| sub_event_rank(l));
        golds.dedup();
        preds.sort_by_key(|l| sub_event_rank(l));
        preds.dedup();
        let mut header = vec!["gold \\ predicted"];
        header.extend(preds.iter().map(|p| short_sub_event(p)));
        let rows: Vec<Vec<String>> = golds
            .iter()
            .map(|g| {
                let mut row = vec![g.to_string()];
                for p in &preds {
                    let n = confusion
                        .get(&(g.to_string(), p.to_string()))
                        .copied()
                        .unwrap_or(0);
                    row.push(if n == 0 { String::new() } else { n.to_string() });
                }
                row
            })
            .collect();
        markdown_table(&header, &rows)
    }

    /// The confusion as text: each gold type with its predictions, most frequent first.
    fn confusion_text(&self) -> String {
        let mut by_gold: BTreeMap<(usize, String), Vec<(usize, String)>> = BTreeMap::new();
        for ((g, p), n) in self.confusion() {
            by_gold
                .entry(sub_event_rank(&g))
                .or_default()
                .push((n, short_sub_event(&p).to_string()));
        }
        let mut out = String::new();
        for ((_, gold), mut preds) in by_gold {
            preds.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let total: usize = preds.iter().map(|p| p.0).sum();
            let list: Vec<String> = preds.iter().map(|(n, p)| format!("{p} {n}")).collect();
            out.push_str(&format!("  {gold} ({total}): {}\n", list.join(", ")));
        }
        out
    }

    const SUB_EVENT_HEADER: [&'static str; 8] = [
        "sub-event type",
        "rows",
        "predicted",
        "recall",
        "precision",
        "coverage",
        "fatalities",
        "date",
    ];
    const COUNTRY_HEADER: [&'static str; 7] = [
        "country",
        "rows",
        "coverage",
        "event type",
        "sub-event",
        "fatalities",
        "date",
    ];

    /// The full markdown report (aggregates only: no text from the data set).
    pub fn markdown(&self, command: &str) -> String {
        let card = self.scorecard();
        format!(
            "# sitrep eval acled: `{}` ({} split)\n\n\
             Produced by `{command}`. {} rows scored; the primary predicted event of each note \
             against its row (see docs/evaluation.md). A row with no prediction fails every field.\n\n\
             ## Metrics\n\n{}\n\
             ## Per sub-event type\n\n\
             recall = rows of the type predicted as it; precision = predictions of the type that \
             are right; the other columns are over the rows of the type.\n\n{}\n\
             ## Confusion (gold rows × predicted columns)\n\n{}\n{}\n\n\
             ## Per country\n\n{}",
            card.file,
            card.split.name(),
            card.documents,
            card.markdown_table(),
            markdown_table(&Self::SUB_EVENT_HEADER, &self.sub_event_rows()),
            self.confusion_markdown(),
            describe::short_name_legend(),
            markdown_table(&Self::COUNTRY_HEADER, &self.country_rows()),
        )
    }

    /// The plain-text summary: metrics, per sub-event type, confusion.
    pub fn text(&self, by_country: bool) -> String {
        let card = self.scorecard();
        let mut out = format!(
            "sitrep eval acled: {} ({} split, {} rows)\n\n{}\nper sub-event type:\n{}\nconfusion (gold type (rows): predicted n, …):\n{}",
            card.file,
            card.split.name(),
            card.documents,
            card.text_table(),
            text_table(&Self::SUB_EVENT_HEADER, &self.sub_event_rows()),
            self.confusion_text(),
        );
        if by_country {
            out.push_str(&format!(
                "\nper country:\n{}",
                text_table(&Self::COUNTRY_HEADER, &self.country_rows())
            ));
        }
        out
    }

    /// The rows with a wrong field (only those wrong on `only`, when given), gold against
    /// predicted, with the note and the evidence sentence.
    pub fn misses(&self, only: Option<&str>) -> String {
        let mut out = String::new();
        let mut shown = 0;
        for o in &self.outcomes {
            let failures = o.checks.failures();
            let wanted = match only {
                Some(field) => o.checks.failed(field),
                None => !failures.is_empty(),
            };
            if !wanted {
                continue;
            }
            shown += 1;
            out.push_str(&miss_text(o, &failures));
        }
        out.push_str(&format!(
            "{shown} of {} rows listed{}\n",
            self.outcomes.len(),
            only.map(|f| format!(" (wrong on {f})")).unwrap_or_default()
        ));
        out
    }
}

/// One miss: header, note, gold line, predicted line(s).
fn miss_text(o: &RowOutcome, failures: &[&str]) -> String {
    let row = &o.row;
    let mut out = format!(
        "── {} · {} · wrong: {}\n   note: {}\n",
        row.id,
        row.country,
        failures.join(", "),
        shorten(&row.notes, 400)
    );
    out.push_str(&format!(
        "   gold: {} / {} · fatalities {} · {} · A1 {} · A2 {} · {} {}\n",
        row.event_type,
        row.sub_event_type,
        row.fatalities,
        or_dash(row.event_date),
        or_dash(non_empty(&row.actor1)),
        or_dash(non_empty(&row.actor2)),
        row.location,
        row.point
            .map(|(a, b)| format!("({a:.2}, {b:.2})"))
            .unwrap_or_default(),
    ));
    match o.primary() {
        None => out.push_str(&format!(
            "   pred: nothing with an ACLED type ({} events in all)\n",
            o.events.len()
        )),
        Some(e) => {
            let acled = e.acled.clone().unwrap_or_default();
            let km = o
                .checks
                .distance_km
                .map(|d| format!(" [{d:.0} km off]"))
                .unwrap_or_default();
            out.push_str(&format!(
                "   pred: {} / {} · fatalities {} (killed {}) · {} · A1 {} · A2 {} · {}{km}\n   {}\n",
                acled.event_type,
                acled.sub_event_type,
                e.fatalities,
                describe::count(e.killed),
                describe::date(e),
                describe::actor(e.actor1.as_ref()),
                describe::actor(e.actor2.as_ref()),
                describe::location(e),
                describe::evidence(e, 200),
            ));
            let others = o.events.len() - 1;
            if others > 0 {
                out.push_str(&format!("   (+{others} more predicted events)\n"));
            }
        }
    }
    out
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Acled, Actor, EventDate, Evidence, Location};

    fn row() -> AcledRow {
        AcledRow {
            id: "XYZ1".into(),
            event_date: NaiveDate::from_ymd_opt(2022, 3, 4),
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Air/drone strike".into(),
            actor1: "Military Forces of Sudan (2019-)".into(),
            actor2: "Civilians (Sudan)".into(),
            country: "Sudan".into(),
            location: "Kadugli".into(),
            point: Some((11.01, 29.72)),
            fatalities: 4,
            notes: "On 4 March 2022, an army aircraft bombed a market near Kadugli, killing four people.".into(),
            published: NaiveDate::from_ymd_opt(2022, 3, 15),
        }
    }

    fn event(sub: &str, start: usize) -> Event {
        let (kind, _) = sitrep_model::ACLED_SUB_EVENT_TYPES
            .iter()
            .find(|(_, s)| *s == sub)
            .copied()
            .unwrap_or(("Battles", sub));
        Event {
            acled: Some(Acled {
                event_type: kind.into(),
                sub_event_type: sub.into(),
            }),
            date: EventDate {
                value: NaiveDate::from_ymd_opt(2022, 3, 4),
                ..EventDate::default()
            },
            actor1: Some(Actor {
                name: Some("Military Forces of Sudan".into()),
                country: Some("SDN".into()),
                ..Actor::default()
            }),
            actor2: Some(Actor {
                name: Some("Civilians (Sudan)".into()),
                country: Some("SDN".into()),
                ..Actor::default()
            }),
            location: Some(Location {
                lat: Some(11.1),
                lon: Some(29.7),
                ..Location::default()
            }),
            fatalities: 4,
            evidence: Evidence {
                start,
                ..Evidence::default()
            },
            ..Event::default()
        }
    }

    #[test]
    fn primary_event_is_the_first_acled_event_by_evidence_position() {
        let mut statement = event("Air/drone strike", 0);
        statement.acled = None;
        let events = vec![
            event("Armed clash", 50),
            statement,
            event("Air/drone strike", 10),
        ];
        let checks = score_row(&row(), &events);
        assert!(checks.covered && checks.sub_event_type, "{checks:?}");
    }

    #[test]
    fn each_field_is_checked_against_the_row() {
        let right = score_row(&row(), &[event("Air/drone strike", 0)]);
        assert!(right.failures().is_empty(), "{right:?}");

        let mut wrong = event("Shelling/artillery/missile attack", 0);
        wrong.fatalities = 0;
        wrong.date.value = NaiveDate::from_ymd_opt(2022, 3, 3);
        wrong.actor1 = None;
        wrong.location = Some(Location {
            lat: Some(12.0),
            lon: Some(29.7),
            ..Location::default()
        });
        let checks = score_row(&row(), &[wrong]);
        assert_eq!(
            checks.failures(),
            [
                "sub_event_type",
                "fatalities",
                "date",
                "actor1_name",
                "actor1_country",
                "location_25km"
            ]
        );
        assert!(checks.event_type);
    }

    #[test]
    fn a_row_without_prediction_fails_every_field_it_has() {
        let mut gold = row();
        gold.actor2.clear();
        let checks = score_row(&gold, &[]);
        assert!(!checks.covered && !checks.fatalities);
        assert_eq!(checks.actor2_name, None);
        assert_eq!(checks.actor1_country, Some(false));
    }

    #[test]
    fn actor_names_agree_without_year_ranges_and_units() {
        let rows: &[(&str, &str, bool)] = &[
            (
                "Military Forces of Sudan (2019-)",
                "Military Forces of Sudan",
                true,
            ),
            (
                "Military Forces of Yemen (2016-) Supreme Political Council",
                "Military Forces of Yemen (2016-)",
                true,
            ),
            ("Civilians (Sudan)", "civilians (sudan)", true),
            ("Civilians (Sudan)", "Civilians (South Sudan)", false),
            (
                "Military Forces of Niger",
                "Military Forces of Nigeria",
                false,
            ),
            ("Civilians (Chad)", "", false),
            ("ADF: Allied Democratic Forces", "ADF", true),
            (
                "ELN: National Liberation Army",
                "National Liberation Army",
                true,
            ),
            ("NPA: New People's Army", "New Peoples Army", true),
            ("ADF: Allied Democratic Forces", "ELN", false),
        ];
        for (gold, predicted, agree) in rows {
            assert_eq!(
                names_agree(gold, predicted),
                *agree,
                "{gold} vs {predicted}"
            );
        }
    }

    #[test]
    fn metrics_confusion_and_misses() {
        let rows = vec![
            row(),
            AcledRow {
                id: "XYZ2".into(),
                ..row()
            },
        ];
        let result = evaluate(rows, "test.csv", Split::All, |doc| Extraction {
            events: if doc.id == "XYZ1" {
                vec![event("Air/drone strike", 0)]
            } else {
                vec![event("Armed clash", 0)]
            },
            ..Extraction::default()
        });
        let card = result.scorecard();
        assert_eq!(card.value("coverage"), 1.0);
        assert_eq!(card.value("sub_event_type"), 0.5);
        assert_eq!(card.value("fatalities"), 1.0);
        let confusion = result.confusion();
        assert_eq!(
            confusion.get(&("Air/drone strike".to_string(), "Armed clash".to_string())),
            Some(&1)
        );
        let misses = result.misses(None);
        assert!(
            misses.contains("XYZ2") && !misses.contains("── XYZ1"),
            "{misses}"
        );
        assert!(result.misses(Some("date")).starts_with("0 of 2"));
        assert!(result
            .markdown("sitrep eval acled test.csv")
            .contains("| Air/drone strike | 2 | 1 |"));
    }

    #[test]
    fn csv_rows_are_read_by_column_name() {
        let csv = "event_id_cnty,event_date,event_type,sub_event_type,notes,fatalities,timestamp,latitude,longitude\n\
                   A1,2022-01-09,Battles,Armed clash,\"Troops clashed, two died.\",2,1643144470,34.1,70.7\n";
        let rows = parse_rows(csv).unwrap();
        assert_eq!(rows[0].fatalities, 2);
        assert_eq!(rows[0].published, NaiveDate::from_ymd_opt(2022, 1, 25));
        assert_eq!(rows[0].point, Some((34.1, 70.7)));
        assert!(parse_rows("id,text\n1,x\n")
            .unwrap_err()
            .contains("event_id_cnty"));
    }
}
