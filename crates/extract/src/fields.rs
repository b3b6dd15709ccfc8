//! Per-sentence facts shared by the events of a sentence: casualty counts (from
//! `casualties`), date expressions (from `dates`) and sources (from
//! `attribution`). The date and source that govern one trigger are chosen by
//! its position ([`SentenceFacts::date_at`], [`SentenceFacts::source_at`]).

use sitrep_model::{Count, EventDate, Span};

use crate::attribution::{self, Attribution};
use crate::casualties::{Casualties, Measure, Mention};
use crate::dates::{self, DateMention, DateRole};
use crate::figures::FigureMention;

/// What one sentence says besides its triggers. Spans are relative to the sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    /// People killed.
    pub killed: Option<Count>,
    /// ACLED's single fatality number for `killed`.
    pub fatalities: Option<u32>,
    /// People injured.
    pub injured: Option<Count>,
    /// People arrested.
    pub arrested: Option<Count>,
    /// People abducted.
    pub abducted: Option<Count>,
    /// The victims named are civilians ("farmers", "people").
    pub victims_civilian: bool,
    /// The sentence counts victims only as a running total ("the toll rose to 30",
    /// "300 have been killed since December"): a figure, not an incident.
    pub cumulative_only: bool,
    /// Date expressions in the sentence.
    pub dates: Vec<DateMention>,
    /// Attributions in the sentence.
    pub sources: Vec<Attribution>,
    /// The source of a pronoun ("he said"): the previous sentence's source.
    pub previous_source: Option<String>,
}

impl SentenceFacts {
    /// Reads the facts of `sentence`.
    pub fn read(
        sentence: &str,
        found: Casualties,
        sentence_figures: &[FigureMention],
        dates: Vec<DateMention>,
        previous_source: Option<&str>,
    ) -> Self {
        let victims_civilian = [&found.killed, &found.injured]
            .into_iter()
            .flatten()
            .any(|m| m.group == Some("civilians"));
        let people: Vec<&Mention> = found
            .mentions
            .iter()
            .filter(|m| m.asserted() && m.count != Count::exact(0))
            .collect();
        // A sentence whose killed or injured are a figure ("300 have been killed
        // since December") reports no incident of its own.
        let figure = sentence_figures
            .iter()
            .any(|f| is_toll(f) && is_aggregate(f));
        let cumulative_only = figure || !people.is_empty() && people.iter().all(|m| m.cumulative);
        let count =
            |m: &Option<Mention>| m.as_ref().filter(|m| !figure && usable(m)).map(|m| m.count);
        SentenceFacts {
            killed: count(&found.killed),
            fatalities: found
                .killed
                .as_ref()
                .filter(|m| !figure && usable(m))
                .map(|m| m.acled),
            injured: count(&found.injured),
            arrested: count(&found.arrested),
            abducted: count(&found.abducted),
            victims_civilian,
            cumulative_only,
            dates,
            sources: attribution::find_attributions(sentence),
            previous_source: previous_source.map(str::to_string),
        }
    }

    /// The date governing the trigger at `anchor` (sentence-relative), or `None`.
    /// A statement's own date ("told the council on Thursday") governs a verbal
    /// event; other events take the date [`dates::pick_date`] chooses.
    pub fn date_at(&self, anchor: usize, verbal: bool) -> Option<EventDate> {
        let statement = verbal
            .then(|| self.dates.iter().find(|m| m.role == DateRole::Reporting))
            .flatten();
        statement
            .or_else(|| dates::pick_date(&self.dates, anchor))
            .map(|m| m.date.clone())
    }

    /// The source of the report around `anchor`, and whether it is a denial.
    pub fn source_at(&self, sentence: &str, anchor: usize) -> (Option<String>, bool) {
        match attribution::pick_attribution(&self.sources, anchor) {
            Some(a) if a.pronoun => (self.previous_source.clone(), a.is_denial()),
            Some(a) => {
                let covers = a.scope.start <= anchor && anchor < a.scope.end;
                (Some(a.text(sentence).to_string()), a.is_denial() && covers)
            }
            None => (None, false),
        }
    }

    /// The first named (non-pronoun) source of the sentence, to resolve a later "he said".
    pub fn named_source(&self, sentence: &str) -> Option<String> {
        self.sources
            .iter()
            .find(|a| !a.pronoun)
            .map(|a| a.text(sentence).to_string())
    }
}

/// Whether a figure counts victims of violence (killed, injured, casualties).
fn is_toll(f: &FigureMention) -> bool {
    matches!(
        f.measure,
        Measure::Killed | Measure::Injured | Measure::Casualties
    )
}

/// Whether a figure is an aggregate over a period rather than one incident's toll:
/// displacement, refugees and needs always are; killed and injured only with a
/// stated period ("since December").
pub fn is_aggregate(f: &FigureMention) -> bool {
    !is_toll(f) || f.period.is_some()
}

/// A count the event may carry: asserted, and an incident's rather than a running toll.
fn usable(m: &Mention) -> bool {
    m.asserted() && !m.cumulative
}

/// Offsets `span` (relative to a sentence starting at `base`) into the document.
pub fn shift(span: Span, base: usize) -> Span {
    Span::new(span.start + base, span.end + base)
}
