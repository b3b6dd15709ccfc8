//! Background within a document: reports that sum up many incidents or a long
//! period ("similar protests have taken place in A and B", "clashes have killed
//! hundreds since 2019", "gunmen regularly raid villages") are context for the
//! incident the article reports, not incidents of their own. The cues are data
//! (`lexicons/hedges/summaries.tsv`); the code measures where a cue stands against
//! the trigger.

use std::sync::LazyLock;

use chrono::NaiveDate;
use sitrep_extract::dates::{find_dates, DateRole};
use sitrep_extract::Candidate;
use sitrep_lexicon::{tsv, PhraseMatcher, PhrasePattern};
use sitrep_model::Span;
use sitrep_text::words::words;

/// Where a summary cue counts (the `reach` column of the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// At most this many words before the trigger.
    Before(usize),
    /// Before the trigger, or after it within its clause.
    Clause,
    /// Like `Clause`, when one of the next three words names a long unit of time.
    Period,
    /// Like `Clause`, in a clause with a perfect auxiliary, and not "since" a
    /// recent day.
    Perfect,
}

impl Reach {
    /// Reads the `reach` column: a number of words, `clause`, `period` or `perfect`.
    fn parse(value: &str) -> Option<Reach> {
        match value {
            "clause" => Some(Reach::Clause),
            "period" => Some(Reach::Period),
            "perfect" => Some(Reach::Perfect),
            n => n.parse().ok().map(Reach::Before),
        }
    }
}

struct Summaries {
    matcher: PhraseMatcher,
    reach: Vec<Reach>,
}

static SUMMARIES: LazyLock<Summaries> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut reach = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("hedges/summaries.tsv")) {
        // A value the format does not know counts as the narrowest reach; the
        // bundled file is checked by `every_bundled_reach_is_known` below.
        let r = Reach::parse(row.get(1)).unwrap_or(Reach::Before(1));
        patterns.push(PhrasePattern {
            text: row.get(0).to_string(),
            id: reach.len() as u32,
        });
        reach.push(r);
    }
    Summaries {
        matcher: PhraseMatcher::new(&patterns),
        reach,
    }
});

/// Units of time after a period cue that make the period long ("over the past
/// year", "in the last three months"); hours and days are one incident's time.
const LONG_UNITS: [&str; 8] = [
    "week", "weeks", "month", "months", "year", "years", "decade", "decades",
];

/// Perfect auxiliaries: a toll that "has" added up since a day long past.
const PERFECT: [&str; 3] = ["has", "have", "had"];

/// A "since" day this close to publication starts an incident that is still going
/// on ("since Monday"), not a long period.
const RECENT_DAYS: i64 = 14;

/// Whether an ACLED-typed candidate sums up many incidents or a long period: a cue
/// of `lexicons/hedges/summaries.tsv` in reach of its trigger, and no date of its
/// own in its sentence (a statement's date is not the event's).
pub fn is_summary(c: &Candidate, text: &str, published: Option<NaiveDate>) -> bool {
    if c.acled.is_none() || (c.date_in_sentence && !c.date_reporting) {
        return false;
    }
    let sentence = c.sentence_span;
    let body = sentence.slice(text);
    let trigger = Span::new(
        c.trigger.start.saturating_sub(sentence.start),
        c.trigger.end.saturating_sub(sentence.start),
    );
    SUMMARIES.matcher.find(body).into_iter().any(|m| {
        let reach = SUMMARIES.reach[m.id as usize];
        match reach {
            Reach::Before(n) => {
                m.span.end <= trigger.start
                    && words(body, Span::new(m.span.end, trigger.start)).count() <= n
            }
            Reach::Clause => in_clause(body, m.span, trigger),
            Reach::Period => in_clause(body, m.span, trigger) && long_unit_after(body, m.span),
            Reach::Perfect => {
                in_clause(body, m.span, trigger)
                    && perfect(body, trigger)
                    && !recent_since(body, m.span, published)
            }
        }
    })
}

/// Whether a cue stands before the trigger, or after it with no comma, semicolon
/// or dash between (an appositive after a comma is about something else: "…, the
/// latest in a series of attacks").
fn in_clause(body: &str, cue: Span, trigger: Span) -> bool {
    cue.end <= trigger.start
        || (cue.start >= trigger.end && breaks(&body[trigger.end..cue.start]).next().is_none())
}

/// Byte offsets of the clause breaks in `s`: semicolons, dashes, and commas that do
/// not stand between two digits ("2,000" is one number).
fn breaks(s: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    s.char_indices().filter_map(move |(i, c)| {
        let digit = |j: Option<usize>| j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit);
        let number = c == ',' && digit(i.checked_sub(1)) && digit(Some(i + 1));
        (matches!(c, ';' | '—' | '–') || (c == ',' && !number)).then_some(i)
    })
}

/// Whether one of the three words after `cue` is a long unit of time.
fn long_unit_after(body: &str, cue: Span) -> bool {
    words(body, Span::new(cue.end, body.len()))
        .take(3)
        .any(|w| {
            LONG_UNITS
                .iter()
                .any(|u| w.slice(body).eq_ignore_ascii_case(u))
        })
}

/// Whether a perfect auxiliary stands in the trigger's clause: among the eight
/// words before it or after it, with no comma between.
fn perfect(body: &str, trigger: Span) -> bool {
    let clause_start = breaks(&body[..trigger.start]).last().map_or(0, |i| i + 1);
    let clause_end = breaks(&body[trigger.end..])
        .next()
        .map_or(body.len(), |i| trigger.end + i);
    let is_aux = |w: Span| {
        PERFECT
            .iter()
            .any(|a| w.slice(body).eq_ignore_ascii_case(a))
    };
    let before: Vec<Span> = words(body, Span::new(clause_start, trigger.start)).collect();
    before.iter().rev().take(8).any(|&w| is_aux(w))
        || words(body, Span::new(trigger.end, clause_end))
            .take(8)
            .any(is_aux)
}

/// Whether the date that follows a "since" cue is a recent day ("since Monday").
fn recent_since(body: &str, cue: Span, published: Option<NaiveDate>) -> bool {
    let Some(published) = published else {
        return false;
    };
    find_dates(body, Some(published)).into_iter().any(|d| {
        d.span.start >= cue.end
            && d.span.start <= cue.end + 2
            && matches!(
                d.role,
                DateRole::PeriodStart | DateRole::Background | DateRole::Point
            )
            && d.date
                .value
                .is_some_and(|v| (published - v).num_days() <= RECENT_DAYS)
    })
}

/// Drops the summaries of a document that reports an incident of its own (an
/// ACLED-typed candidate that is no summary); a document of summaries alone keeps
/// them.
pub fn drop_summaries(
    candidates: Vec<Candidate>,
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<Candidate> {
    let summary: Vec<bool> = candidates
        .iter()
        .map(|c| is_summary(c, text, published))
        .collect();
    let incidents = candidates
        .iter()
        .zip(&summary)
        .any(|(c, &s)| c.acled.is_some() && !s);
    if !incidents {
        return candidates;
    }
    candidates
        .into_iter()
        .zip(summary)
        .filter(|(_, s)| !s)
        .map(|(c, _)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_reach_is_known() {
        for row in tsv::rows(sitrep_text::lexicon!("hedges/summaries.tsv")) {
            assert!(
                Reach::parse(row.get(1)).is_some(),
                "hedges/summaries.tsv: unknown reach {:?} for {:?}",
                row.get(1),
                row.get(0)
            );
        }
        assert_eq!(Reach::parse("3"), Some(Reach::Before(3)));
        assert_eq!(Reach::parse("soon"), None);
    }
}
