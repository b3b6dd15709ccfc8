//! Named metrics, scorecards and the thresholds that turn them into a CI check.

use serde::Serialize;
use serde_json::{json, Value};

use crate::{EvalError, Split};

/// One measured figure: a share (`hits / total`) or a plain count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// Stable name used by thresholds and JSON (`sub_event_type`).
    pub name: &'static str,
    /// What it measures, in words.
    pub about: &'static str,
    /// The share (0 when `total` is 0) or the count.
    pub value: f64,
    /// Numerator (the count itself for counts).
    pub hits: usize,
    /// Denominator; `None` for counts.
    pub total: Option<usize>,
}

impl Metric {
    /// A share of `hits` out of `total`; 0 when `total` is 0.
    pub fn ratio(name: &'static str, about: &'static str, hits: usize, total: usize) -> Self {
        let value = if total == 0 {
            0.0
        } else {
            hits as f64 / total as f64
        };
        Metric {
            name,
            about,
            value,
            hits,
            total: Some(total),
        }
    }

    /// A plain count.
    pub fn count(name: &'static str, about: &'static str, n: usize) -> Self {
        Metric {
            name,
            about,
            value: n as f64,
            hits: n,
            total: None,
        }
    }

    /// The value as a table cell: `0.853 (853/1000)` or `7`.
    pub fn cell(&self) -> String {
        match self.total {
            Some(total) => format!("{:.3} ({}/{})", self.value, self.hits, total),
            None => self.hits.to_string(),
        }
    }
}

/// The metrics of one evaluation run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// Which evaluation: `acled`, `articles`, `petrarch`.
    pub eval: &'static str,
    /// The gold file.
    pub file: String,
    /// The part of it that was scored.
    pub split: Split,
    /// Documents (rows, articles, sentences) scored.
    pub documents: usize,
    /// The figures, in display order.
    pub metrics: Vec<Metric>,
}

impl Scorecard {
    /// The metric with this name.
    pub fn get(&self, name: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.name == name)
    }

    /// The value of the metric with this name (0 when absent).
    pub fn value(&self, name: &str) -> f64 {
        self.get(name).map_or(0.0, |m| m.value)
    }

    /// Machine-readable form: `{"eval", "file", "split", "documents", "metrics": {name: value},
    /// "counts": {name: {"hits", "total"}}}`.
    pub fn to_json(&self) -> Value {
        let metrics: serde_json::Map<String, Value> = self
            .metrics
            .iter()
            .map(|m| (m.name.to_string(), json!((m.value * 1e4).round() / 1e4)))
            .collect();
        let counts: serde_json::Map<String, Value> = self
            .metrics
            .iter()
            .map(|m| {
                (
                    m.name.to_string(),
                    json!({"hits": m.hits, "total": m.total}),
                )
            })
            .collect();
        json!({
            "eval": self.eval,
            "file": self.file,
            "split": self.split.name(),
            "documents": self.documents,
            "metrics": metrics,
            "counts": counts,
        })
    }

    /// [`Scorecard::to_json`] as indented text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_json()).unwrap_or_default()
    }

    /// The metrics as a markdown table.
    pub fn markdown_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .metrics
            .iter()
            .map(|m| vec![format!("`{}`", m.name), m.cell(), m.about.to_string()])
            .collect();
        crate::render::markdown_table(&["metric", "value", "what"], &rows)
    }

    /// The metrics as an aligned plain-text table.
    pub fn text_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .metrics
            .iter()
            .map(|m| vec![m.name.to_string(), m.cell(), m.about.to_string()])
            .collect();
        crate::render::text_table(&["metric", "value", "what"], &rows)
    }

    /// Checks the thresholds; returns one message per failed threshold. A threshold naming
    /// a metric this scorecard lacks is an error, so that a typo cannot pass silently.
    pub fn check(&self, thresholds: &[Threshold]) -> Result<Vec<String>, EvalError> {
        let mut failures = Vec::new();
        for t in thresholds {
            let metric = self.get(&t.metric).ok_or_else(|| {
                let known: Vec<&str> = self.metrics.iter().map(|m| m.name).collect();
                EvalError::Threshold(format!(
                    "`{}`: `sitrep eval {}` has no such metric (known: {})",
                    t.metric,
                    self.eval,
                    known.join(", ")
                ))
            })?;
            // Compare at the precision the value is shown with, so 0.85 passes `min 0.85`.
            let value = (metric.value * 1e9).round() / 1e9;
            let failed = match t.bound {
                Bound::Min => value < t.value,
                Bound::Max => value > t.value,
            };
            if failed {
                failures.push(format!(
                    "{} {}: {} is {} the threshold {}",
                    self.eval,
                    t.metric,
                    metric.cell(),
                    match t.bound {
                        Bound::Min => "below",
                        Bound::Max => "above",
                    },
                    t.value
                ));
            }
        }
        Ok(failures)
    }
}

/// Which side of a threshold fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Fail when the metric is below the value.
    Min,
    /// Fail when the metric is above the value.
    Max,
}

/// A regression guard on one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    /// The metric's name.
    pub metric: String,
    /// Whether the value is a floor or a ceiling.
    pub bound: Bound,
    /// The limit.
    pub value: f64,
}

impl Threshold {
    /// Parses a command-line threshold `METRIC=VALUE` with the given bound.
    pub fn parse_arg(arg: &str, bound: Bound) -> Result<Self, EvalError> {
        let (metric, value) = arg.split_once('=').ok_or_else(|| {
            EvalError::Threshold(format!(
                "`{arg}`: write METRIC=VALUE, e.g. sub_event_type=0.8"
            ))
        })?;
        let value = value
            .trim()
            .parse()
            .map_err(|_| EvalError::Threshold(format!("`{arg}`: `{value}` is not a number")))?;
        Ok(Threshold {
            metric: metric.trim().to_string(),
            bound,
            value,
        })
    }

    /// Reads the rows of a threshold file (TSV: `eval <TAB> metric <TAB> min|max <TAB> value`,
    /// `#` comments and blank lines ignored) that concern the evaluation `eval`.
    pub fn parse_file(text: &str, eval: &str) -> Result<Vec<Self>, EvalError> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let bad = |what: &str| {
                EvalError::Threshold(format!(
                    "file line {}: {what}; expected eval<TAB>metric<TAB>min|max<TAB>value",
                    n + 1
                ))
            };
            let [set, metric, bound, value] = cols[..] else {
                return Err(bad("wrong number of columns"));
            };
            let bound = match bound {
                "min" => Bound::Min,
                "max" => Bound::Max,
                other => return Err(bad(&format!("bound `{other}` is not min or max"))),
            };
            let value = value
                .parse()
                .map_err(|_| bad(&format!("`{value}` is not a number")))?;
            if set == eval {
                out.push(Threshold {
                    metric: metric.to_string(),
                    bound,
                    value,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> Scorecard {
        Scorecard {
            eval: "articles",
            file: "x.jsonl".into(),
            split: Split::All,
            documents: 3,
            metrics: vec![
                Metric::ratio("event_recall", "gold events paired", 17, 20),
                Metric::count("distractor_events", "events from distractors", 2),
            ],
        }
    }

    #[test]
    fn thresholds_fail_below_min_and_above_max() {
        let rows: &[(&str, usize)] = &[
            ("articles\tevent_recall\tmin\t0.85\n", 0),
            ("articles\tevent_recall\tmin\t0.86\n", 1),
            ("articles\tdistractor_events\tmax\t0\n", 1),
            ("articles\tdistractor_events\tmax\t2\n", 0),
            ("# comment\n\nacled\tevent_type\tmin\t0.99\n", 0),
        ];
        for (file, failures) in rows {
            let thresholds = Threshold::parse_file(file, "articles").unwrap();
            assert_eq!(
                card().check(&thresholds).unwrap().len(),
                *failures,
                "{file}"
            );
        }
    }

    #[test]
    fn unknown_metrics_and_bad_rows_are_errors() {
        let typo = Threshold::parse_arg("event_recal=0.5", Bound::Min).unwrap();
        assert!(card().check(&[typo]).is_err());
        assert!(Threshold::parse_arg("event_recall", Bound::Min).is_err());
        assert!(Threshold::parse_arg("event_recall=high", Bound::Min).is_err());
        assert!(Threshold::parse_file("articles\tevent_recall\tabout\t1\n", "articles").is_err());
        assert!(Threshold::parse_file("articles event_recall min 1\n", "articles").is_err());
    }

    #[test]
    fn json_has_values_and_counts() {
        let json = card().to_json();
        assert_eq!(json["metrics"]["event_recall"], 0.85);
        assert_eq!(json["counts"]["event_recall"]["total"], 20);
        assert_eq!(json["metrics"]["distractor_events"], 2.0);
    }
}
