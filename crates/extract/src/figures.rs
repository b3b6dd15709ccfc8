//! Aggregate humanitarian figures in one sentence: displaced, refugees, people in
//! need, missing, and killed or injured over a period.
//!
//! In: one sentence and, when known, the publication date. Out: [`FigureMention`]s,
//! each with its measure, population ("civilians"), value as a range, period (from/to,
//! resolved against the publication date when one is given) and the span of its source
//! ("according to the United Nations").
//!
//! A figure is told apart from one event's toll by what it counts and by its cues
//! (`lexicons/casualties/figure-cues.tsv`): displacement, refugees, need, missing and
//! hunger are always figures; deaths, injuries, arrests and abductions are figures only
//! with a period or a running total ("since early December", "so far this year",
//! "in total"). A count with no population of its own inherits the previous one in the
//! sentence ("950,000 civilians have been displaced … and more than 300 have been
//! killed": both count civilians).

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use sitrep_lexicon::{tsv, LexiconError};
use sitrep_model::{Count, Figure, Period, Span};

use crate::casualties::{casualty_words, may_mention, scan_mentions, Casualties, Measure, Mention};
use crate::numbers::{self, NumberKind, PhraseTable, TokenKind, Tokens};

/// One aggregate figure found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureMention {
    /// What is counted.
    pub measure: Measure,
    /// Who is counted ("civilians", "children"), when named or implied.
    pub population: Option<&'static str>,
    /// The number, as a range.
    pub value: Count,
    /// The number's words ("almost 950,000 civilians").
    pub span: Span,
    /// The word that says what is counted ("displaced", "refugees").
    pub trigger: Span,
    /// The period covered, as ISO dates or months; `None` when none is stated.
    pub period: Option<Period>,
    /// The words stating the period ("since early December").
    pub period_span: Option<Span>,
    /// The source named in the sentence ("United Nations"), when there is one.
    pub attribution: Option<Span>,
    /// The amount is vague ("hundreds of thousands").
    pub vague: bool,
    /// The sentence denies, fears or projects the figure rather than reporting it.
    pub uncertain: bool,
    /// The count adds up several incidents, places or days, or is a running total
    /// ("two roadside bombs … killing four", "across the country", "on July 2-3",
    /// "so far"): a figure even without a stated period, while the incident it was
    /// read from may still carry it as its toll.
    pub multiple: bool,
}

impl FigureMention {
    /// The figure as a record, with `doc_id`, `id`, `evidence` and `location` left for
    /// the caller to fill.
    pub fn to_figure(&self, sentence: &str) -> Figure {
        Figure {
            measure: self.measure.as_str().to_string(),
            population: self.population.map(str::to_string),
            value: self.value,
            period: self.period.clone(),
            attribution: self.attribution.map(|s| s.slice(sentence).to_string()),
            ..Figure::default()
        }
    }
}

/// The aggregate figures `sentence` reports. `published` resolves periods ("since early
/// December" in an article of 2020-02-28 is from 2019-12 to 2020-02-28); without it,
/// only periods with an explicit year are resolved.
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_extract::figures::figures;
/// let s = "According to the United Nations, almost 950,000 civilians have been displaced since early December, and more than 300 have been killed.";
/// let found = figures(s, NaiveDate::from_ymd_opt(2020, 2, 28));
/// assert_eq!(found[0].measure.as_str(), "displaced");
/// assert_eq!(found[1].value.min, Some(301));
/// assert_eq!(found[1].population, Some("civilians"));
/// assert_eq!(found[1].period.as_ref().unwrap().from.as_deref(), Some("2019-12"));
/// assert_eq!(found[0].attribution.unwrap().slice(s), "United Nations");
/// ```
pub fn figures(sentence: &str, published: Option<NaiveDate>) -> Vec<FigureMention> {
    read_sentence(sentence, published).1
}

/// Casualties and figures of one sentence from a single tokenisation: what
/// [`crate::casualties::casualties`] and [`figures`] return, at the cost of one.
pub fn read_sentence(
    sentence: &str,
    published: Option<NaiveDate>,
) -> (Casualties, Vec<FigureMention>) {
    if !may_mention(sentence) {
        return (Casualties::default(), Vec::new());
    }
    let t = Tokens::new(sentence);
    let Some(words) = casualty_words(&t) else {
        return (Casualties::default(), Vec::new());
    };
    let nums = numbers::scan(&t);
    let mentions = scan_mentions(&t, &nums, words);
    let found = figures_in(&t, &nums, &mentions, published);
    (Casualties::from_mentions(mentions), found)
}

fn figures_in(
    t: &Tokens,
    nums: &[numbers::Found],
    mentions: &[Mention],
    published: Option<NaiveDate>,
) -> Vec<FigureMention> {
    if mentions.is_empty() {
        return Vec::new();
    }
    let cues = read_cues(t, published);
    let multiple = cues.multiple || several_incidents(t, nums) || spans_days(t);
    let mut out: Vec<FigureMention> = Vec::new();
    for m in mentions.iter().copied() {
        let figure_measure = !matches!(
            m.measure,
            Measure::Killed
                | Measure::Injured
                | Measure::Arrested
                | Measure::Abducted
                | Measure::Casualties
        );
        if !(figure_measure || cues.aggregate || multiple) {
            continue;
        }
        if m.count.min.is_none() && m.count.max.is_none() || m.count == Count::exact(0) {
            continue;
        }
        // "several missing", "many others displaced": too vague to be a figure.
        if m.vague && m.count.min.is_some_and(|n| n <= 3) {
            continue;
        }
        let population = m.group.or_else(|| out.last().and_then(|f| f.population));
        out.push(FigureMention {
            measure: m.measure,
            population,
            value: m.count,
            span: m.span,
            trigger: m.trigger,
            period: cues.period.clone(),
            period_span: cues.period_span,
            attribution: cues.attribution,
            vague: m.vague,
            uncertain: !m.asserted(),
            multiple: multiple || cues.aggregate,
        });
    }
    out
}

/// Problems found in the bundled figure cues (empty when well formed).
pub fn lexicon_problems() -> &'static [LexiconError] {
    &CUES.1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Since,
    Cumulative,
    ThisYear,
    LastYear,
    Past,
    SourceBefore,
    SourceAfter,
    Spread,
    Incidents,
}

static CUES: LazyLock<(PhraseTable<Cue>, Vec<LexiconError>)> = LazyLock::new(|| {
    const FILE: &str = "lexicons/casualties/figure-cues.tsv";
    let mut table = PhraseTable::default();
    let mut problems = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("casualties/figure-cues.tsv")) {
        let cue = match row.get(1) {
            "since" => Cue::Since,
            "cumulative" => Cue::Cumulative,
            "this_year" => Cue::ThisYear,
            "last_year" => Cue::LastYear,
            "past" => Cue::Past,
            "source_before" => Cue::SourceBefore,
            "source_after" => Cue::SourceAfter,
            "spread" => Cue::Spread,
            "incidents" => Cue::Incidents,
            other => {
                problems.push(row.error(FILE, format!("unknown role `{other}`")));
                continue;
            }
        };
        if !table.insert(row.get(0), cue) {
            problems.push(row.error(FILE, "duplicate or empty phrase"));
        }
    }
    (table, problems)
});

/// What the cues of a sentence say.
#[derive(Debug, Default)]
struct Cues {
    aggregate: bool,
    multiple: bool,
    period: Option<Period>,
    period_span: Option<Span>,
    attribution: Option<Span>,
}

fn read_cues(t: &Tokens, published: Option<NaiveDate>) -> Cues {
    let table = &CUES.0;
    let mut cues = Cues::default();
    let mut source_after = None;
    let mut i = 0;
    while i < t.len() {
        let Some((end, cue)) = table.longest_at(t, i) else {
            i += 1;
            continue;
        };
        let mut next = end;
        match cue {
            Cue::SourceBefore => {
                if cues.attribution.is_none() {
                    cues.attribution = source_following(t, end);
                }
            }
            Cue::SourceAfter => {
                if source_after.is_none() {
                    source_after = source_preceding(t, i);
                }
            }
            Cue::Cumulative => cues.aggregate = true,
            Cue::Spread => cues.multiple = true,
            Cue::Incidents => {}
            _ => {
                // "since" opens a period only before a date: not in "since it first
                // intervened".
                let found = period(t, i, end, *cue, published);
                cues.aggregate |= found.is_some() || *cue != Cue::Since;
                if let (None, Some((period, stop))) = (&cues.period, found) {
                    cues.period = Some(period);
                    cues.period_span = Some(t.span(i, stop));
                    next = stop;
                }
            }
        }
        i = next.max(i + 1);
    }
    cues.attribution = cues.attribution.or(source_after);
    cues
}

/// Whether a number of two or more counts incidents ("two roadside bombs", "three
/// separate attacks", "two more gunfights"): the sentence's toll sums them.
fn several_incidents(t: &Tokens, nums: &[numbers::Found]) -> bool {
    nums.iter().any(|n| {
        n.found.count.min.is_some_and(|v| v >= 2)
            && !n.found.vague
            && (n.end..n.noun_end.max(n.end + 1).min(t.len()))
                .any(|k| matches!(CUES.0.longest_at(t, k), Some((_, Cue::Incidents))))
    })
}

/// Whether the sentence names a span of days ("on July 2-3", "2-4 March").
fn spans_days(t: &Tokens) -> bool {
    let num = |k: usize| k < t.len() && t.kind(k) == Some(TokenKind::Num);
    (0..t.len()).any(|i| {
        numbers::month_at(t, i).is_some()
            && ((num(i + 1) && t.is_dash(i + 2) && num(i + 3))
                || (i >= 3 && num(i - 3) && t.is_dash(i - 2) && num(i - 1)))
    })
}

/// "according to the United Nations, …": the source up to the next punctuation.
fn source_following(t: &Tokens, mut k: usize) -> Option<Span> {
    if t.norm(k) == "the" {
        k += 1;
    }
    let start = k;
    while k < t.len() && k - start < 12 {
        if t.kind(k) == Some(TokenKind::Punct) && !matches!(t.norm(k), "'" | "-" | "&" | ".") {
            break;
        }
        if t.norm(k) == "." && !t.glued(k + 1) {
            break;
        }
        k += 1;
    }
    (k > start).then(|| t.span(start, k))
}

/// "…, the UN refugee agency said": the source just before a reporting verb.
fn source_preceding(t: &Tokens, verb: usize) -> Option<Span> {
    let mut k = verb;
    while k > 0 && verb - k < 10 {
        let prev = k - 1;
        let w = t.norm(prev);
        let stop = (t.kind(prev) == Some(TokenKind::Punct) && !matches!(w, "'" | "-" | "&"))
            || (numbers::is_function_word(w) && !matches!(w, "the" | "of" | "for" | "on" | "and"));
        if stop {
            break;
        }
        k = prev;
    }
    if t.norm(k) == "the" {
        k += 1;
    }
    let named = (k..verb).any(|i| t.capitalised(i))
        || (k..verb).any(|i| numbers::person(t.norm(i)).is_some());
    (k < verb && named).then(|| t.span(k, verb))
}

/// The period a cue at tokens `i..end` opens, and the token after it.
fn period(
    t: &Tokens,
    i: usize,
    end: usize,
    cue: Cue,
    published: Option<NaiveDate>,
) -> Option<(Period, usize)> {
    let to = published.map(|d| d.format("%Y-%m-%d").to_string());
    match cue {
        Cue::ThisYear => Some((
            Period {
                from: published.map(|d| format!("{}-01-01", d.year())),
                to,
            },
            end,
        )),
        Cue::LastYear => Some((
            Period {
                from: published.map(|d| format!("{}-01-01", d.year() - 1)),
                to: published.map(|d| format!("{}-12-31", d.year() - 1)),
            },
            end,
        )),
        Cue::Past => {
            // "in the past 24 hours", "over the last three months", "in the past week".
            let mut k = end;
            let mut amount = 1u32;
            if let Some(n) = numbers::scan_at(t, k) {
                amount = n.found.count.min.unwrap_or(1);
                k = n.end;
            }
            let unit = t.norm(k).trim_end_matches('s');
            let from = published.and_then(|d| match unit {
                "hour" | "day" => d.checked_sub_days(chrono::Days::new(
                    u64::from(amount.max(1)).div_ceil(if unit == "hour" { 24 } else { 1 }),
                )),
                "week" => d.checked_sub_days(chrono::Days::new(7 * u64::from(amount))),
                "month" => d.checked_sub_months(Months::new(amount)),
                "year" => d.checked_sub_months(Months::new(12 * amount)),
                _ => None,
            });
            if !matches!(unit, "hour" | "day" | "week" | "month" | "year" | "decade") {
                return None;
            }
            Some((
                Period {
                    from: from.map(|d| d.format("%Y-%m-%d").to_string()),
                    to,
                },
                k + 1,
            ))
        }
        Cue::Since => {
            let (from, stop) = since_date(t, end, published)?;
            Some((Period { from, to }, stop))
        }
        _ => {
            let _ = i;
            None
        }
    }
}

/// The date after "since": "early December", "March 1", "1 March 2020", "2011",
/// "the start of the year". Returns the ISO text (when resolvable) and the next token.
fn since_date(
    t: &Tokens,
    mut k: usize,
    published: Option<NaiveDate>,
) -> Option<(Option<String>, usize)> {
    // Vague parts of a period: "early", "mid-", "late", "the start of", "the end of".
    loop {
        match t.norm(k) {
            "early" | "late" | "mid" | "the" | "start" | "beginning" | "end" | "middle" | "of" => {
                k += 1
            }
            _ if t.is_dash(k) => k += 1,
            _ => break,
        }
    }
    if t.norm(k) == "year" {
        return Some((published.map(|d| format!("{}-01-01", d.year())), k + 1));
    }
    let mut day = None;
    if let Some(n) = numbers::scan_at(t, k) {
        match n.found.kind {
            NumberKind::Year => {
                let year = n.found.count.min?;
                return Some((Some(format!("{year:04}")), n.end));
            }
            NumberKind::Date => {
                day = n.found.count.min;
                k = n.end;
                if t.norm(k) == "of" {
                    k += 1;
                }
            }
            _ => return None,
        }
    }
    let month = numbers::month_at(t, k)?;
    k += 1;
    if t.norm(k) == "." {
        k += 1;
    }
    if day.is_none() {
        if let Some(n) = numbers::scan_at(t, k) {
            if n.found.kind == NumberKind::Date {
                day = n.found.count.min;
                k = n.end;
            }
        }
    }
    let comma = usize::from(t.norm(k) == ",");
    let mut year = None;
    if let Some(n) = numbers::scan_at(t, k + comma) {
        if n.found.kind == NumberKind::Year {
            year = n.found.count.min.and_then(|y| i32::try_from(y).ok());
            k = n.end;
        }
    }
    let year = year.or_else(|| {
        published.map(|p| {
            let later =
                month > p.month() || (month == p.month() && day.is_some_and(|d| d > p.day()));
            if later {
                p.year() - 1
            } else {
                p.year()
            }
        })
    });
    let text = year.map(|y| match day {
        Some(d) => NaiveDate::from_ymd_opt(y, month, d)
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| format!("{y:04}-{month:02}")),
        None => format!("{y:04}-{month:02}"),
    });
    Some((text, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLISHED: Option<NaiveDate> = NaiveDate::from_ymd_opt(2020, 2, 28);

    /// Checks the figures of `sentence` (published 2020-02-28) as
    /// `measure population min max from to source` strings, `-` for none.
    fn check(sentence: &str, expected: &[&str]) {
        let got: Vec<String> = figures(sentence, PUBLISHED)
            .iter()
            .map(|f| {
                let opt = |o: Option<String>| o.unwrap_or_else(|| "-".into());
                let period = f.period.clone().unwrap_or_default();
                format!(
                    "{} {} {} {} {} {} {}",
                    f.measure.as_str(),
                    f.population.unwrap_or("-"),
                    opt(f.value.min.map(|v| v.to_string())),
                    opt(f.value.max.map(|v| v.to_string())),
                    opt(period.from),
                    opt(period.to),
                    f.attribution
                        .map_or("-", |s| s.slice(sentence))
                        .replace(' ', "_"),
                )
            })
            .collect();
        assert_eq!(got, expected, "figures of {sentence:?}");
    }

    #[test]
    fn seed_article_figures() {
        check(
            "According to the United Nations, almost 950,000 civilians have been displaced since early December, and more than 300 have been killed.",
            &[
                "displaced civilians 902500 950000 2019-12 2020-02-28 United_Nations",
                "killed civilians 301 - 2019-12 2020-02-28 United_Nations",
            ],
        );
        check(
            "A Syrian government offensive has sent hundreds of thousands of civilians fleeing towards the Turkish border.",
            &["displaced civilians 200000 - - - -"],
        );
    }

    #[test]
    fn displacement_refugees_need_and_missing_are_always_figures() {
        check(
            "Fighting in Ituri has displaced 200,000 people, the UN refugee agency said.",
            &["displaced people 200000 200000 - - UN_refugee_agency"],
        );
        check(
            "Turkey hosts 3.6 million Syrian refugees.",
            &["refugees refugees 3600000 3600000 - - -"],
        );
        check(
            "Some 24 million people in Yemen need humanitarian assistance, OCHA says.",
            &["in_need people 24000000 24000000 - - OCHA"],
        );
        check(
            "More than 2,000 people remain missing in Derna.",
            &["missing people 2001 - - - -"],
        );
        check(
            "About 12 million people face hunger in the Sahel, according to WFP.",
            &["food_insecure people 12000000 12000000 - - WFP"],
        );
        check(
            "Nearly 2 million internally displaced people live in camps in Borno.",
            &["displaced people 1900000 2000000 - - -"],
        );
        check(
            "Dozens of families were displaced from villages near Kunduz.",
            &["displaced families 24 - - - -"],
        );
    }

    #[test]
    fn people_forced_out_are_displaced() {
        // (sentence, figure): the people stand between a verb of forcing and the phrase.
        let rows = [
            (
                "The offensive has forced more than 40,000 people to flee their homes, the UN said.",
                "displaced people 40001 - - - UN",
            ),
            (
                "Gang violence drove about 300,000 residents from their homes last year.",
                "displaced people 300000 300000 2019-01-01 2019-12-31 -",
            ),
            (
                "The floods and the fighting left 2,000 families homeless, the Red Cross said.",
                "displaced families 2000 2000 - - Red_Cross",
            ),
            (
                "The shelling sent 5,000 villagers to seek refuge in the hills.",
                "displaced people 5000 5000 - - -",
            ),
            (
                "Some 800 households have abandoned their homes in the district.",
                "displaced families 800 800 - - -",
            ),
        ];
        for (sentence, figure) in rows {
            check(sentence, &[figure]);
        }
        // Letting people go, or people who fled an arrest, is no displacement.
        check("Police allowed the 12 protesters to flee the square.", &[]);
        check("The five suspects managed to flee from the house.", &[]);
    }

    #[test]
    fn deaths_are_figures_only_over_a_period() {
        check(
            "At least 1,200 civilians have been killed in Burkina Faso so far this year.",
            &["killed civilians 1200 - 2020-01-01 2020-02-28 -"],
        );
        check(
            "More than 6,000 people have been killed since 2011 in the Kasai conflict.",
            &["killed people 6001 - 2011 2020-02-28 -"],
        );
        check(
            "The violence has killed 3,500 people in total, officials said.",
            &["killed people 3500 3500 - - officials"],
        );
        check(
            "Some 400 protesters were killed in the past three months in Myanmar.",
            &["killed protesters 400 400 2019-11-28 2020-02-28 -"],
        );
        check(
            "Last year, 2,400 children were killed or maimed in Afghanistan.",
            &["casualties children 2400 2400 2019-01-01 2019-12-31 -"],
        );
        check(
            "Since March 1, 87 journalists have been detained in Belarus.",
            &["arrested journalists 87 87 2019-03-01 2020-02-28 -"],
        );
        check(
            "Since 15 January 2020, 45 people have been abducted in Cameroon.",
            &["abducted people 45 45 2020-01-15 2020-02-28 -"],
        );
    }

    #[test]
    fn one_event_is_not_a_figure() {
        check("An air strike killed 33 Turkish soldiers in Idlib.", &[]);
        check(
            "The strike killed 33 soldiers, the largest toll since Turkey intervened in 2016.",
            &[],
        );
        check(
            "More than 500 soldiers have been killed since the start of the war in Tigray.",
            &["killed military 501 - - - -"],
        );
        check("Gunmen abducted 20 passengers near Kaduna on Sunday.", &[]);
        check(
            "Turkey has 12 observation posts in Idlib since the 2018 deal.",
            &[],
        );
        check("No one has been displaced since the truce in Tripoli.", &[]);
    }

    #[test]
    #[rustfmt::skip]
    fn tolls_summing_several_incidents_places_or_days_are_figures_too() {
        // (sentence, the figures as "measure min", all flagged `multiple`)
        let rows: [(&str, &[&str]); 9] = [
            ("Two roadside bombs hit army convoys in Helmand on Tuesday, killing four soldiers and wounding six others.", &["killed 4", "injured 6"]),
            ("Three separate attacks on churches left 11 worshippers dead, police said.", &["killed 11"]),
            ("Police fired on demonstrators across the country on Sunday, killing at least 12 people.", &["killed 12"]),
            ("At least five party supporters were killed in different parts of the province.", &["killed 5"]),
            ("Twelve farmers were killed on March 4-5 in the east of the country.", &["killed 12"]),
            ("Gunmen killed 9 villagers in a series of raids on farming settlements.", &["killed 9"]),
            ("Clashes over the weekend left 23 people dead in Oromia.", &["killed 23"]),
            ("Security forces killed three insurgents in two gunfights in Kupwara.", &["killed 3"]),
            ("The violence has killed 3,500 people in total, officials said.", &["killed 3500"]),
        ];
        for (sentence, expected) in rows {
            let found = figures(sentence, PUBLISHED);
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{} {}", f.measure.as_str(), f.value.min.unwrap_or(0)))
                .collect();
            assert_eq!(got, expected, "{sentence:?}");
            assert!(found.iter().all(|f| f.multiple), "{sentence:?}");
        }
        // One incident, one place, one day: its toll is not a figure.
        for sentence in [
            "A roadside bomb hit an army convoy in Helmand on Tuesday, killing four soldiers.",
            "Gunmen killed 9 villagers in a raid on a farming settlement on 3 March.",
            "The two attackers were killed by guards at the gate.",
            "Police fired on demonstrators in Nairobi on Sunday, killing two people.",
        ] {
            assert!(figures(sentence, PUBLISHED).is_empty(), "{sentence:?}");
        }
    }

    #[test]
    fn vague_handfuls_are_not_figures() {
        check(
            "Several volunteers are listed as missing after the flood.",
            &[],
        );
        check("Many others were reported missing in the landslide.", &[]);
        check(
            "Hundreds of families have been displaced by the floods.",
            &["displaced families 200 - - - -"],
        );
    }

    #[test]
    fn to_figure_fills_the_record() {
        let s = "About 12 million people face hunger in the Sahel, according to WFP.";
        let f = figures(s, None)[0].to_figure(s);
        assert_eq!(f.measure, "food_insecure");
        assert_eq!(f.value, Count::exact(12_000_000));
        assert_eq!(f.attribution.as_deref(), Some("WFP"));
    }

    #[test]
    fn without_publication_date_only_explicit_years_resolve() {
        let s = "More than 300 have been killed since early December, and 6,000 since 2011.";
        let found = figures(s, None);
        assert_eq!(found[0].period.as_ref().and_then(|p| p.from.clone()), None);
        assert_eq!(
            found[0].period_span.map(|p| p.slice(s)),
            Some("since early December")
        );
    }

    #[test]
    fn lexicon_is_well_formed() {
        assert!(lexicon_problems().is_empty(), "{:?}", lexicon_problems());
    }
}
