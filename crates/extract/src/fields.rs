//! Per-sentence facts shared by the events of a sentence: casualty counts (from
//! `casualties`), date expressions (from `dates`) and sources (from
//! `attribution`). The date and source that govern one trigger are chosen by
//! its position ([`SentenceFacts::date_at`], [`SentenceFacts::source_at`]).

use sitrep_model::{Count, DatePrecision, EventDate, Span};
use sitrep_text::Sentence;

use crate::attribution::{self, Attribution};
use crate::casualties::{Casualties, Measure, Mention};
use crate::dates::{self, DateMention, DateRole};
use crate::events::{Candidate, Family};
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
    /// Some of the people killed or injured are unarmed: civilians, "people",
    /// "residents", children, workers, journalists ([`UNARMED_GROUPS`]).
    pub victims_unarmed: bool,
    /// The sentence counts victims only as a running total ("the toll rose to 30",
    /// "300 have been killed since December"): a figure, not an incident.
    pub cumulative_only: bool,
    /// The casualty words of a sentence that names victims but no one who harmed
    /// them ("Two people were killed and four wounded", "Ten soldiers died"): such
    /// a sentence gives the toll of the incident just reported. Empty otherwise.
    pub toll_words: Vec<Span>,
    /// The sentence adds victims to ones already counted ("Two others died later").
    pub adds_victims: bool,
    /// Date expressions in the sentence.
    pub dates: Vec<DateMention>,
    /// Attributions in the sentence.
    pub sources: Vec<Attribution>,
    /// The source of a pronoun ("he said"): the previous sentence's source.
    pub previous_source: Option<String>,
}

impl SentenceFacts {
    /// Reads the facts of `sentence`; `date_tokens` are its tokens from the date
    /// reader (empty when it did not read them).
    pub(crate) fn read(
        sentence: &str,
        found: Casualties,
        sentence_figures: &[FigureMention],
        (dates, mut date_tokens): (Vec<DateMention>, Vec<dates::Token>),
        previous_source: Option<&str>,
    ) -> Self {
        let victims_civilian = [&found.killed, &found.injured]
            .into_iter()
            .flatten()
            .any(|m| m.group == Some("civilians"));
        let victims_unarmed = [&found.killed, &found.injured]
            .into_iter()
            .flatten()
            .any(|m| m.group.is_some_and(|g| UNARMED_GROUPS.contains(&g)));
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
        let victims: Vec<&Mention> = found
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.measure,
                    Measure::Killed | Measure::Injured | Measure::Casualties
                ) && usable(m)
                    && m.count != Count::exact(0)
            })
            .collect();
        let toll_words = if !figure && victims.iter().all(|m| m.agentless) {
            victims.iter().map(|m| m.trigger).collect()
        } else {
            Vec::new()
        };
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
            victims_unarmed,
            cumulative_only,
            adds_victims: !toll_words.is_empty()
                && found
                    .killed
                    .as_ref()
                    .is_some_and(|m| adds_victims(sentence, m.span)),
            toll_words,
            dates,
            sources: attribution::find_attributions_with(sentence, &mut date_tokens),
            previous_source: previous_source.map(str::to_string),
        }
    }

    /// The date governing the trigger at `anchor` (sentence-relative), or `None`.
    /// A statement's own date ("told the council on Thursday") governs a verbal
    /// event; other events take the date [`dates::pick_date`] chooses.
    pub fn date_at(&self, anchor: usize, verbal: bool) -> Option<EventDate> {
        self.date_mention_at(anchor, verbal).map(|m| m.date.clone())
    }

    /// The date mention [`date_at`](Self::date_at) reads, with its role: a
    /// statement's date ("said on Thursday") dates an event only weakly.
    pub fn date_mention_at(&self, anchor: usize, verbal: bool) -> Option<&DateMention> {
        let statement = verbal
            .then(|| self.dates.iter().find(|m| m.role == DateRole::Reporting))
            .flatten();
        statement.or_else(|| dates::pick_date(&self.dates, anchor))
    }

    /// The source of the report around `anchor`, and whether it is a denial.
    pub fn source_at(&self, sentence: &str, anchor: usize) -> (Option<String>, bool) {
        match attribution::pick_attribution(&self.sources, anchor) {
            // A denial cancels only what it introduces ("the army denied that its
            // troops fired"); one after what it disputes ("gunmen killed three
            // villagers; the army denied any involvement", "…, which the police
            // denied") disputes who did it or why, and the event stands.
            Some(a) if a.pronoun => (
                self.previous_source.clone(),
                a.is_denial() && a.scope.start >= a.verb.end,
            ),
            Some(a) => {
                let covers = a.scope.start <= anchor && anchor < a.scope.end;
                let forward = a.scope.start >= a.verb.end;
                (
                    Some(a.text(sentence).to_string()),
                    a.is_denial() && covers && forward,
                )
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

/// Population groups of `lexicons/casualties/people.tsv` that bear no arms: victims
/// ACLED names "Civilians (Country)".
pub const UNARMED_GROUPS: [&str; 11] = [
    "civilians",
    "people",
    "children",
    "women",
    "men",
    "families",
    "journalists",
    "students",
    "workers",
    "refugees",
    "migrants",
];

/// Gives the toll of a sentence that only reports victims ("Three militants were
/// killed.", "Ten soldiers died.") to the incident reported just before it, within
/// the two sentences before: the physical candidates the sentence made from its
/// casualty words alone (`candidates[fresh..]`) are dropped and their counts fill
/// the earlier event's gaps, or add to its count when the sentence says the
/// victims are more ("Two others died in hospital"); an equal count restates it.
/// A sentence with a date of its own that differs, or with an incident of its
/// own, is left alone.
pub fn carry_toll(
    candidates: &mut Vec<Candidate>,
    fresh: usize,
    facts: &SentenceFacts,
    sentence: &Sentence,
) {
    if facts.toll_words.is_empty() || (facts.killed.is_none() && facts.injured.is_none()) {
        return;
    }
    let base = sentence.span.start;
    let from_toll = |c: &Candidate| {
        !c.specific
            && facts
                .toll_words
                .iter()
                .any(|w| shift(*w, base).overlaps(c.trigger))
    };
    let fresh = fresh.min(candidates.len());
    let own_incident = candidates[fresh..]
        .iter()
        .any(|c| c.family() == Family::Physical && !from_toll(c));
    if own_incident {
        return;
    }
    let Some(target) = candidates[..fresh]
        .iter()
        .rposition(|c| c.family() == Family::Physical)
    else {
        return;
    };
    let own_date = facts
        .dates
        .iter()
        .filter(|m| m.role == DateRole::Point && m.date.precision == DatePrecision::Day)
        .find_map(|m| m.date.value);
    let earlier = &mut candidates[target];
    if earlier.sentence + 2 < sentence.index
        || own_date.is_some_and(|d| earlier.date.value != Some(d))
    {
        return;
    }
    earlier.civilian_victims |= facts.victims_unarmed;
    match (earlier.killed, earlier.injured) {
        (None, None) => {
            earlier.killed = facts.killed;
            earlier.fatalities = facts.fatalities;
            earlier.injured = facts.injured;
        }
        // The same toll restated ("Five people were killed, police said").
        (Some(before), _) if facts.killed == Some(before) && !facts.adds_victims => {
            earlier.injured = earlier.injured.or(facts.injured);
        }
        (Some(before), _) if facts.adds_victims => {
            if let Some(more) = facts
                .killed
                .filter(|c| c.min.is_some() && before.min.is_some())
            {
                earlier.killed = Some(before.plus(more));
                earlier.fatalities = earlier
                    .fatalities
                    .zip(facts.fatalities)
                    .map(|(a, b)| a.saturating_add(b));
            }
            earlier.injured = earlier.injured.or(facts.injured);
        }
        _ => return,
    }
    let mut index = fresh;
    while index < candidates.len() {
        if candidates[index].family() == Family::Physical && from_toll(&candidates[index]) {
            candidates.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Whether `sentence` counts victims on top of ones already reported: the
/// people counted are "others" or "more" ("Two others died in hospital"), or the
/// sentence opens with "Additionally" or "In addition".
fn adds_victims(sentence: &str, people: Span) -> bool {
    let words = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let counted = words(people.slice(sentence));
    let opening = words(sentence.get(..sentence.len().min(24)).unwrap_or(""));
    counted
        .iter()
        .any(|w| matches!(w.as_str(), "other" | "others" | "more" | "another"))
        || matches!(
            opening.first().map(String::as_str),
            Some("additionally" | "also" | "besides")
        )
        || opening.starts_with(&["in".to_string(), "addition".to_string()])
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
    m.asserted() && !m.cumulative && !m.background
}

/// Offsets `span` (relative to a sentence starting at `base`) into the document.
pub fn shift(span: Span, base: usize) -> Span {
    Span::new(span.start + base, span.end + base)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::events::{Extractor, Family};

    /// The physical candidates of `text` as "sentence:killed/injured" (`-` for none).
    fn tolls(text: &str) -> Vec<String> {
        let extractor = Extractor::embedded().expect("bundled lexicons load");
        let analyzed = sitrep_text::analyze(text);
        let published = NaiveDate::from_ymd_opt(2022, 5, 30);
        let show = |c: Option<sitrep_model::Count>| {
            c.and_then(|c| c.min)
                .map_or("-".to_string(), |n| n.to_string())
        };
        extractor
            .candidates(text, &analyzed, published)
            .iter()
            .filter(|c| c.family() == Family::Physical)
            .map(|c| format!("{}:{}/{}", c.sentence, show(c.killed), show(c.injured)))
            .collect()
    }

    #[test]
    #[rustfmt::skip]
    fn a_toll_sentence_gives_its_counts_to_the_incident_before() {
        let rows: [(&str, &[&str]); 7] = [
            ("On 9 March 2022, militants opened fire on a group of traders in Kondouagou. Two people were killed and four wounded.", &["0:2/4"]),
            ("Rebels attacked an army post near Kale on Sunday. Ten soldiers died.", &["0:10/-"]),
            ("Gunmen ambushed a convoy near Kaduna. Three police officers were killed, police said.", &["0:3/-"]),
            ("Gunmen killed five traders in Zamfara on Sunday. Two others died later in hospital.", &["0:7/-"]),
            ("Gunmen killed five traders in Zamfara on Sunday. Five people were killed, police said.", &["0:5/-"]),
            ("Rebels attacked an army post near Kale on 12 May. Two soldiers were killed on 20 May.", &["0:-/-", "1:2/-"]),
            ("Rebels attacked an army post near Kale. Later, militants killed two soldiers in Gao.", &["0:-/-", "1:2/-"]),
        ];
        for (text, expected) in rows {
            assert_eq!(tolls(text), expected, "{text:?}");
        }
    }
}
