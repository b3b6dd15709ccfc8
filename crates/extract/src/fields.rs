//! Per-sentence facts shared by every event of a sentence: casualty counts, the
//! date and the source, read by the `casualties`, `dates` and `attribution`
//! modules.

use chrono::NaiveDate;
use sitrep_model::{Count, DatePrecision, EventDate, Span};

/// What one sentence says besides its triggers.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    /// People killed.
    pub killed: Option<Count>,
    /// People injured.
    pub injured: Option<Count>,
    /// People arrested.
    pub arrested: Option<Count>,
    /// People abducted.
    pub abducted: Option<Count>,
    /// The victims named are civilians ("farmers", "people").
    pub victims_civilian: bool,
    /// The date governing the sentence.
    pub date: EventDate,
    /// Whether the date was read from the sentence.
    pub date_in_sentence: bool,
    /// Who the sentence is attributed to.
    pub source: Option<String>,
}

/// Reads the facts of the sentence at `span` of `text`.
pub fn sentence_facts(
    _text: &str,
    _span: Span,
    published: Option<NaiveDate>,
    _previous_source: Option<&str>,
) -> SentenceFacts {
    SentenceFacts {
        date: EventDate {
            value: published,
            precision: if published.is_some() {
                DatePrecision::Day
            } else {
                DatePrecision::Unknown
            },
            text: None,
        },
        ..SentenceFacts::default()
    }
}
