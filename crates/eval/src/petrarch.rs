//! `sitrep eval petrarch`: CAMEO codings of PETRARCH validation records.
//!
//! Reads `<Sentence date= id=>` records with their `<EventCoding sourcecode= targetcode=
//! eventcode=>` and `<Text>` (tolerantly: the PETRARCH-2 GSR file is not well-formed XML).
//! Each sentence with gold codings is run through the pipeline alone, published on the
//! record's date. Gold codings are paired one to one with predicted events that carry a
//! CAMEO code (best pairing by agreement), then scored on the CAMEO root (first two digits),
//! the source and target countries (the first three letters of the gold actor codes against
//! the predicted actor's ISO3, or the first three letters of its code when it has no country,
//! e.g. `IGO`; an actor with neither is `---`; a gold `---`, a country the coder did not
//! know, agrees with any predicted actor), and jointly. Sentences coded as having no
//! event are counted apart: predictions on them are reported, not scored.

use std::path::Path;

use chrono::NaiveDate;
use sitrep_model::{Actor, Document, Event};
use sitrep_pipeline::Extraction;

use crate::render::{markdown_table, or_dash, shorten, text_table};
use crate::{best_pairing, EvalError, Metric, Scorecard, Split};

/// One gold coding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldCoding {
    /// Source actor code ("USAGOV", "---REB").
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO event code ("042").
    pub code: String,
}

impl GoldCoding {
    /// The CAMEO root: the first two digits.
    pub fn root(&self) -> &str {
        cameo_root(&self.code)
    }
}

/// One validation sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldSentence {
    /// Record id.
    pub id: String,
    /// Record date.
    pub date: Option<NaiveDate>,
    /// The sentence text, whitespace collapsed.
    pub text: String,
    /// Gold codings (empty for no-event and error records).
    pub codings: Vec<GoldCoding>,
    /// The record is coded as having no event.
    pub no_event: bool,
}

impl GoldSentence {
    /// The sentence as a pipeline document.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            text: self.text.clone(),
            published: self.date,
            ..Document::default()
        }
    }
}

/// The first two characters of a CAMEO code.
fn cameo_root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The country part of a gold actor code: its first three letters.
fn code_country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// The country part of a predicted actor: ISO3, else the first three letters of its code.
fn actor_country(actor: Option<&Actor>) -> String {
    actor
        .and_then(|a| {
            a.country
                .clone()
                .or_else(|| a.code.as_deref().map(|c| code_country(c).to_string()))
        })
        .unwrap_or_else(|| "---".to_string())
        .to_uppercase()
}

/// Reads a PETRARCH validation file.
pub fn read_sentences(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let text = crate::read_file(path)?;
    parse_sentences(&text).map_err(|message| EvalError::Format {
        path: path.display().to_string(),
        message,
    })
}

/// Removes `<!-- … -->` comments.
fn strip_comments(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The value of `name="…"` (or `'…'`, or `'"…"'`) in a tag's attribute text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    loop {
        let at = search.find(name)?;
        let before_ok = at == 0
            || search[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
        let after = search[at + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &value[1..];
                    let end = inner.find(quote)?;
                    let raw = inner[..end].trim_matches(|c| c == '"' || c == '\'');
                    return Some(unescape(raw.trim()));
                }
            }
        }
        search = &search[at + name.len()..];
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses PETRARCH validation XML, tolerating the self-closed `<Sentence …/>` start tags of
/// the PETRARCH-2 GSR file: a record runs from one `<Sentence` to the next.
pub fn parse_sentences(xml: &str) -> Result<Vec<GoldSentence>, String> {
    let xml = strip_comments(xml);
    let mut out = Vec::new();
    let mut chunks = xml.split("<Sentence").skip(1).peekable();
    if chunks.peek().is_none() {
        return Err("no <Sentence> records: expected PETRARCH validation XML".into());
    }
    for chunk in chunks {
        // Skip `<Sentences>`, the container.
        if chunk.starts_with('s') {
            continue;
        }
        let tag_end = chunk.find('>').unwrap_or(chunk.len());
        let tag = &chunk[..tag_end];
        let body = &chunk[tag_end..];
        let id = attribute(tag, "id").unwrap_or_else(|| format!("sentence-{}", out.len() + 1));
        let date =
            attribute(tag, "date").and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y%m%d").ok());
        let text = body
            .split_once("<Text>")
            .and_then(|(_, t)| t.split_once("</Text>"))
            .map(|(t, _)| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let mut codings = Vec::new();
        let mut no_event = false;
        for piece in body.split("<EventCoding").skip(1) {
            let coding_tag = &piece[..piece.find('>').unwrap_or(piece.len())];
            if attribute(coding_tag, "noevents").is_some() {
                no_event = true;
                continue;
            }
            if let (Some(source), Some(target), Some(code)) = (
                attribute(coding_tag, "sourcecode"),
                attribute(coding_tag, "targetcode"),
                attribute(coding_tag, "eventcode"),
            ) {
                codings.push(GoldCoding {
                    source,
                    target,
                    code,
                });
            }
        }
        out.push(GoldSentence {
            id,
            date,
            text,
            codings,
            no_event,
        });
    }
    Ok(out)
}

/// How a gold coding compares with the predicted event paired with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodingChecks {
    /// Index of the paired predicted event, if any.
    pub predicted: Option<usize>,
    /// CAMEO roots agree.
    pub root: bool,
    /// Source countries agree.
    pub source: bool,
    /// Target countries agree.
    pub target: bool,
}

impl CodingChecks {
    /// Both countries agree.
    pub fn dyad(&self) -> bool {
        self.source && self.target
    }

    /// Root and both countries agree.
    pub fn joint(&self) -> bool {
        self.root && self.dyad()
    }
}

fn check_coding(gold: &GoldCoding, event: &Event, index: usize) -> CodingChecks {
    // A gold `---` (no country known to the coder) agrees with any predicted actor.
    let country = |code: &str, actor: Option<&Actor>| match code_country(code) {
        "---" => actor.is_some(),
        gold => gold.eq_ignore_ascii_case(&actor_country(actor)),
    };
    CodingChecks {
        predicted: Some(index),
        root: event.cameo.as_deref().map(cameo_root) == Some(gold.root()),
        source: country(&gold.source, event.actor1.as_ref()),
        target: country(&gold.target, event.actor2.as_ref()),
    }
}

/// Pairs gold codings with predicted CAMEO-coded events, maximising agreement.
pub fn pair_codings(codings: &[GoldCoding], events: &[Event]) -> Vec<CodingChecks> {
    let coded: Vec<(usize, &Event)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.cameo.is_some())
        .collect();
    let checks: Vec<Vec<CodingChecks>> = codings
        .iter()
        .map(|g| coded.iter().map(|(i, e)| check_coding(g, e, *i)).collect())
        .collect();
    let scores: Vec<Vec<Option<f64>>> = checks
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    Some(
                        1.0 + 2.0 * f64::from(u8::from(c.root))
                            + f64::from(u8::from(c.source))
                            + f64::from(u8::from(c.target)),
                    )
                })
                .collect()
        })
        .collect();
    let mut out = vec![CodingChecks::default(); codings.len()];
    for (g, p) in best_pairing(&scores) {
        out[g] = checks[g][p].clone();
    }
    out
}

/// One scored sentence.
#[derive(Debug, Clone)]
pub struct SentenceOutcome {
    /// The record.
    pub sentence: GoldSentence,
    /// Every predicted event.
    pub events: Vec<Event>,
    /// One entry per gold coding.
    pub checks: Vec<CodingChecks>,
}

/// The result of `sitrep eval petrarch`.
#[derive(Debug, Clone)]
pub struct PetrarchResult {
    /// The gold file.
    pub file: String,
    /// The part scored.
    pub split: Split,
    /// Sentences with gold codings.
    pub outcomes: Vec<SentenceOutcome>,
    /// Sentences coded as having no event, and how many CAMEO-coded events were predicted on them.
    pub no_event_sentences: usize,
    /// CAMEO-coded events predicted on no-event sentences.
    pub no_event_predictions: usize,
}

/// Runs `extract` over the sentences in `split` and scores them.
pub fn evaluate(
    sentences: Vec<GoldSentence>,
    file: &str,
    split: Split,
    extract: impl Fn(&Document) -> Extraction,
) -> PetrarchResult {
    let mut result = PetrarchResult {
        file: file.to_string(),
        split,
        outcomes: Vec::new(),
        no_event_sentences: 0,
        no_event_predictions: 0,
    };
    for sentence in sentences.into_iter().filter(|s| split.includes(&s.id)) {
        if sentence.text.is_empty() || (sentence.codings.is_empty() && !sentence.no_event) {
            continue;
        }
        let events = extract(&sentence.document()).events;
        if sentence.codings.is_empty() {
            result.no_event_sentences += 1;
            result.no_event_predictions += events.iter().filter(|e| e.cameo.is_some()).count();
            continue;
        }
        let checks = pair_codings(&sentence.codings, &events);
        result.outcomes.push(SentenceOutcome {
            sentence,
            events,
            checks,
        });
    }
    result
}

/// The filters `--only` accepts.
pub const FIELDS: [&str; 4] = ["unpaired", "cameo_root", "source_country", "target_country"];

impl PetrarchResult {
    fn checks(&self) -> impl Iterator<Item = &CodingChecks> {
        self.outcomes.iter().flat_map(|o| o.checks.iter())
    }

    /// The headline metrics.
    pub fn scorecard(&self) -> Scorecard {
        let total = self.checks().count();
        let count = |f: fn(&CodingChecks) -> bool| self.checks().filter(|c| f(c)).count();
        let sentences_covered = self
            .outcomes
            .iter()
            .filter(|o| o.events.iter().any(|e| e.cameo.is_some()))
            .count();
        let metrics = vec![
            Metric::ratio(
                "coverage",
                "sentences with a CAMEO-coded prediction",
                sentences_covered,
                self.outcomes.len(),
            ),
            Metric::ratio(
                "paired",
                "gold codings paired with a predicted event",
                count(|c| c.predicted.is_some()),
                total,
            ),
            Metric::ratio(
                "cameo_root",
                "CAMEO root code agrees",
                count(|c| c.root),
                total,
            ),
            Metric::ratio(
                "source_country",
                "source country agrees",
                count(|c| c.source),
                total,
            ),
            Metric::ratio(
                "target_country",
                "target country agrees",
                count(|c| c.target),
                total,
            ),
            Metric::ratio(
                "dyad_country",
                "source and target countries agree",
                count(CodingChecks::dyad),
                total,
            ),
            Metric::ratio(
                "joint",
                "CAMEO root and both countries agree",
                count(CodingChecks::joint),
                total,
            ),
            Metric::count(
                "no_event_predictions",
                "CAMEO-coded events predicted on sentences coded as no event",
                self.no_event_predictions,
            ),
        ];
        Scorecard {
            eval: "petrarch",
            file: self.file.clone(),
            split: self.split,
            documents: self.outcomes.len(),
            metrics,
        }
    }

    /// Per gold CAMEO root: codings, root agreement, joint agreement.
    fn root_rows(&self) -> Vec<Vec<String>> {
        let mut table: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
        for o in &self.outcomes {
            for (g, c) in o.sentence.codings.iter().zip(&o.checks) {
                let row = table.entry(g.root().to_string()).or_default();
                row[0] += 1;
                row[1] += usize::from(c.root);
                row[2] += usize::from(c.joint());
            }
        }
        table
            .into_iter()
            .map(|(root, [n, root_ok, joint])| {
                vec![
                    root,
                    n.to_string(),
                    crate::render::share(root_ok, n),
                    crate::render::share(joint, n),
                ]
            })
            .collect()
    }

    const ROOT_HEADER: [&'static str; 4] = ["gold CAMEO root", "codings", "root agrees", "joint"];

    /// The full markdown report (aggregates only).
    pub fn markdown(&self, command: &str) -> String {
        let card = self.scorecard();
        format!(
            "# sitrep eval petrarch: `{}` ({} split)\n\n\
             Produced by `{command}`. {} sentences with gold codings scored ({} no-event \
             sentences counted apart); gold codings paired one to one with predicted \
             CAMEO-coded events (see docs/evaluation.md).\n\n## Metrics\n\n{}\n\
             ## Per CAMEO root\n\n{}",
            card.file,
            card.split.name(),
            card.documents,
            self.no_event_sentences,
            card.markdown_table(),
            markdown_table(&Self::ROOT_HEADER, &self.root_rows()),
        )
    }

    /// The plain-text summary.
    pub fn text(&self) -> String {
        let card = self.scorecard();
        format!(
            "sitrep eval petrarch: {} ({} split, {} sentences with codings, {} no-event)\n\n{}\nper gold CAMEO root:\n{}",
            card.file,
            card.split.name(),
            card.documents,
            self.no_event_sentences,
            card.text_table(),
            text_table(&Self::ROOT_HEADER, &self.root_rows()),
        )
    }

    /// Sentences with a gold coding not fully matched (only those wrong on `only`).
    pub fn misses(&self, only: Option<&str>) -> String {
        let mut out = String::new();
        for o in &self.outcomes {
            let mut lines = String::new();
            for (g, c) in o.sentence.codings.iter().zip(&o.checks) {
                let wrong: Vec<&str> = [
                    ("unpaired", c.predicted.is_none()),
                    ("cameo_root", !c.root),
                    ("source_country", !c.source),
                    ("target_country", !c.target),
                ]
                .iter()
                .filter(|(_, bad)| *bad)
                .map(|(name, _)| *name)
                .collect();
                let shown = match only {
                    None => !wrong.is_empty(),
                    Some(f) => wrong.contains(&f),
                };
                if !shown {
                    continue;
                }
                let predicted = match c.predicted.and_then(|i| o.events.get(i)) {
                    None => "nothing".to_string(),
                    Some(e) => format!(
                        "{} {} → {} (trigger {})",
                        or_dash(e.cameo.as_deref()),
                        actor_country(e.actor1.as_ref()),
                        actor_country(e.actor2.as_ref()),
                        or_dash(e.trigger.as_deref())
                    ),
                };
                lines.push_str(&format!(
                    "   gold {} {} → {} · pred {} · wrong: {}\n",
                    g.code,
                    g.source,
                    g.target,
                    predicted,
                    wrong.join(", ")
                ));
            }
            if !lines.is_empty() {
                out.push_str(&format!(
                    "── {} ({})\n   \"{}\"\n{lines}",
                    o.sentence.id,
                    or_dash(o.sentence.date),
                    shorten(&o.sentence.text, 300)
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation>
<!-- a <Sentence id="commented"> record is ignored -->
<Sentences>
<Sentence category="X" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode='"---REB"' targetcode="SYRGOV" />
<Text>
Officials of Freedonia met
their hosts &amp; partners.
</Text>
<Parse>1 x</Parse>
</Sentence>
<Sentence date="19950101" id="S2" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn tolerant_parser_reads_both_layouts() {
        let sentences = parse_sentences(XML).unwrap();
        assert_eq!(sentences.len(), 2);
        let s1 = &sentences[0];
        assert_eq!(
            s1.text,
            "Officials of Freedonia met their hosts & partners."
        );
        assert_eq!(s1.date, NaiveDate::from_ymd_opt(2008, 8, 4));
        assert_eq!(s1.codings[1].source, "---REB");
        assert_eq!(s1.codings[0].root(), "04");
        assert!(sentences[1].no_event && sentences[1].codings.is_empty());
        assert!(parse_sentences("<x/>").is_err());
    }

    fn event(cameo: &str, source: Option<&str>, target_code: Option<&str>) -> Event {
        Event {
            cameo: Some(cameo.into()),
            actor1: source.map(|c| Actor {
                country: Some(c.into()),
                ..Actor::default()
            }),
            actor2: target_code.map(|c| Actor {
                code: Some(c.into()),
                ..Actor::default()
            }),
            ..Event::default()
        }
    }

    #[test]
    fn codings_pair_on_root_and_countries() {
        let codings = parse_sentences(XML).unwrap()[0].codings.clone();
        let rows: &[(Vec<Event>, [bool; 4])] = &[
            // (events, [root, source, target, joint] of the first coding)
            (
                vec![event("043", Some("USA"), Some("CHNGOV"))],
                [true, true, true, true],
            ),
            (
                vec![event("111", Some("USA"), Some("CHN"))],
                [false, true, true, false],
            ),
            (
                vec![event("042", Some("CHN"), Some("USA"))],
                [true, false, false, false],
            ),
            (vec![], [false, false, false, false]),
        ];
        for (events, [root, source, target, joint]) in rows {
            let checks = pair_codings(&codings, events);
            let c = &checks[0];
            assert_eq!(
                [c.root, c.source, c.target, c.joint()],
                [*root, *source, *target, *joint],
                "{events:?}"
            );
        }
        // A gold `---` actor agrees with any predicted actor, but not with a missing one.
        let rebels = pair_codings(&codings[1..], &[event("190", Some("SYR"), Some("SYRMIL"))]);
        assert!(rebels[0].joint());
        let nobody = pair_codings(&codings[1..], &[event("190", None, Some("SYRMIL"))]);
        assert!(!nobody[0].source && nobody[0].target);
    }

    #[test]
    fn metrics_and_no_event_predictions() {
        let sentences = parse_sentences(XML).unwrap();
        let result = evaluate(sentences, "x.xml", Split::All, |doc| Extraction {
            events: if doc.id == "S1" {
                vec![event("042", Some("USA"), Some("CHN"))]
            } else {
                vec![event("010", Some("USA"), None)]
            },
            ..Extraction::default()
        });
        let card = result.scorecard();
        assert_eq!(card.value("cameo_root"), 0.5);
        assert_eq!(card.value("joint"), 0.5);
        assert_eq!(card.value("paired"), 0.5);
        assert_eq!(card.value("no_event_predictions"), 1.0);
        assert!(result
            .misses(None)
            .contains("gold 190 ---REB → SYRGOV · pred nothing"));
    }
}
