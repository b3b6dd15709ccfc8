//! Dates: finds date expressions in a sentence and resolves them against the
//! publication date, with a precision.
//!
//! Vocabulary is data (`lexicons/dates/`): month and weekday names, relative
//! expressions with their anchor, unit and offset, and cue words. The code is a
//! small grammar over tokens:
//!
//! - calendar dates: "27 February 2020", "the 27th of February", "February 27,
//!   2020", "Feb. 27", "27 Feb", "February 2020", "2020-02-27", "27/02/2020",
//!   "on the 27th", and, after a cue word, "in February" or "in 2019";
//! - weekdays: "on Thursday", "late Thursday", "Thursday night", "early on
//!   Wednesday", "last Sunday", "Thursday, Feb. 27" (the calendar date wins);
//! - relative expressions: "yesterday", "last week", "earlier this month", "the
//!   day before", "two days ago", "a week earlier", "three days later".
//!
//! Resolution rules (each has a test row):
//! - a weekday is the most recent such day on or before the publication date (the
//!   publication day itself when they match); "last Thursday" is strictly before;
//! - a day and month without a year take the year that puts them closest on or
//!   before the publication date; a bare month likewise ("in December" read in
//!   February is last December); "on the 27th" is the latest 27th on or before it;
//! - `a/b/yyyy` with both parts up to 12 is ambiguous: the reading on or before
//!   the publication date and nearest to it wins; with no publication date, or when
//!   both readings lie after it, the day-first reading wins (as outside the US);
//!   a two-digit year is 20yy unless that lies more than a year after publication;
//! - week precision means "within about a week of the value" (the contract fixes
//!   only month and year values, which are the period's first day);
//! - "around 9 May" keeps the day as value with week precision (ACLED's time
//!   precision 2);
//! - with no publication date, anything that needs one stays unresolved: value
//!   `None`, precision `Unknown`, and the expression kept as text; a calendar date
//!   that carries its year still resolves.
//!
//! Each mention also gets a [`DateRole`]: a period start ("since early December"),
//! background (inside a "since ..." clause: "since it first intervened in Syria in
//! 2016"), the date of the report itself ("said on Thursday"), or a plain point.
//! [`pick_date`] chooses the date governing a trigger from those.

use std::cell::Cell;
use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use sitrep_lexicon::{tsv, PhraseMatcher, PhrasePattern};
use sitrep_model::{DatePrecision, EventDate, Span};

/// What kind of expression a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Names a calendar day, month or year ("27 February", "in 2019", "2020-02-27").
    Calendar,
    /// A weekday ("late Thursday").
    Weekday,
    /// Relative to the publication or reference date ("yesterday", "two days ago").
    Relative,
}

/// What a date mention dates, as far as the sentence shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// A point in time an event may have happened at.
    Point,
    /// The start of a period ("since early December", "starting in April").
    PeriodStart,
    /// Inside a "since ..." clause: background, not the event's date.
    Background,
    /// The date of a statement ("police said on Thursday", "told reporters Monday").
    Reporting,
}

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the expression in the text given.
    pub span: Span,
    /// The resolved date; `value` is `None` when it needs a publication date.
    pub date: EventDate,
    /// How precise the expression is, even when unresolved.
    pub grain: DatePrecision,
    /// Calendar, weekday or relative.
    pub kind: DateKind,
    /// What the date belongs to.
    pub role: DateRole,
}

/// The dates a text's expressions are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// Publication date of the document.
    pub published: Option<NaiveDate>,
    /// The date the story was just talking about (for "the day before", "two days
    /// later"); the publication date stands in when `None`.
    pub reference: Option<NaiveDate>,
}

/// All date expressions in `text`, in order, resolved against `published`.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_in(
        text,
        DateContext {
            published,
            reference: None,
        },
    )
}

/// The date expressions of consecutive sentences, each resolved against
/// `published` and against the last day-precision date the sentences before it
/// named (what "the next day" and "that day" count from).
pub fn find_dates_in_sentences<'a>(
    sentences: impl IntoIterator<Item = &'a str>,
    published: Option<NaiveDate>,
) -> Vec<Vec<DateMention>> {
    read_sentences(sentences, published)
        .into_iter()
        .map(|(found, _)| found)
        .collect()
}

/// [`find_dates_in_sentences`], with each sentence's tokens when the grammar read
/// them (else an empty list), for the attribution reader to reuse.
pub(crate) fn read_sentences<'a>(
    sentences: impl IntoIterator<Item = &'a str>,
    published: Option<NaiveDate>,
) -> Vec<(Vec<DateMention>, Vec<Token>)> {
    let mut reference = None;
    sentences
        .into_iter()
        .map(|sentence| {
            let mut tokens = Vec::new();
            let found = find_dates_with(
                sentence,
                DateContext {
                    published,
                    reference,
                },
                &mut tokens,
            );
            if let Some(day) = found
                .iter()
                .rev()
                .find(|m| m.role == DateRole::Point && m.date.precision == DatePrecision::Day)
                .and_then(|m| m.date.value)
            {
                reference = Some(day);
            }
            (found, tokens)
        })
        .collect()
}

/// All date expressions in `text`, resolved against `context`.
pub fn find_dates_in(text: &str, context: DateContext) -> Vec<DateMention> {
    find_dates_with(text, context, &mut Vec::new())
}

/// [`find_dates_in`], leaving the tokens of `text` in `tokens` when it reads them.
fn find_dates_with(text: &str, context: DateContext, tokens: &mut Vec<Token>) -> Vec<DateMention> {
    let lexicon = &*LEXICON;
    let matches = lexicon.matcher.find(text);
    // Every mention holds a month, weekday, relative phrase or unit word, or a
    // number shaped like a date part: skip the grammar when none is present.
    let anchored = matches.iter().any(|m| {
        matches!(
            lexicon.entries.get(m.id as usize),
            Some(
                Entry::Month { .. }
                    | Entry::Weekday { .. }
                    | Entry::Relative(_)
                    | Entry::Cue(Cue::Unit(_))
            )
        )
    });
    if !anchored && !has_date_like_number(text.as_bytes()) {
        return Vec::new();
    }
    tokenize(text, tokens);
    let tokens: &[Token] = tokens;
    let mut lex: Vec<Option<Lex>> = vec![None; tokens.len()];
    for m in matches {
        let first = tokens.partition_point(|t| t.span.start < m.span.start);
        let last = tokens.partition_point(|t| t.span.end < m.span.end);
        let aligned = tokens
            .get(first)
            .is_some_and(|t| t.span.start == m.span.start)
            && tokens.get(last).is_some_and(|t| t.span.end == m.span.end);
        if aligned {
            if let Some(entry) = lexicon.entries.get(m.id as usize) {
                lex[first] = Some(Lex {
                    entry: *entry,
                    last,
                });
            }
        }
    }
    let scanner = Scanner {
        text,
        tokens,
        lex: &lex,
        lexicon,
        context,
        nearby: Cell::new(None),
    };
    scanner.scan()
}

/// Whether `bytes` hold a four-digit number, an ordinal ("27th") or digits joined
/// by `-`, `/` or `.` ("27/02"): the only numbers that can start a date alone.
fn has_date_like_number(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let glued_before = start > 0 && bytes[start - 1].is_ascii_alphanumeric();
        if i - start == 4 && !glued_before {
            return true;
        }
        match bytes.get(i) {
            Some(b'-' | b'/' | b'.') if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                return true
            }
            Some(_) if is_ordinal_bytes(&bytes[i..]) => return true,
            _ => {}
        }
    }
    false
}

/// The date governing the word at byte `anchor` of `text` (typically an event
/// trigger): see [`pick_date`].
pub fn date_for(text: &str, anchor: usize, published: Option<NaiveDate>) -> Option<DateMention> {
    let mentions = find_dates(text, published);
    pick_date(&mentions, anchor).cloned()
}

/// Chooses, among `mentions`, the date governing byte `anchor`: period starts and
/// background dates never govern; a point date beats the date of a statement
/// ("said on Thursday"); then the finer grain wins (day over week over month over
/// year); then the nearer one. `None` when nothing qualifies: the caller then
/// falls back to [`document_default`].
pub fn pick_date(mentions: &[DateMention], anchor: usize) -> Option<&DateMention> {
    mentions
        .iter()
        .filter(|m| matches!(m.role, DateRole::Point | DateRole::Reporting))
        .min_by_key(|m| {
            let distance = if anchor < m.span.start {
                m.span.start - anchor
            } else {
                anchor.saturating_sub(m.span.end)
            };
            (m.role == DateRole::Reporting, grain_rank(m.grain), distance)
        })
}

/// The start of the period a figure covers ("since early December"), if the text
/// gives one.
pub fn period_start(text: &str, published: Option<NaiveDate>) -> Option<DateMention> {
    find_dates(text, published)
        .into_iter()
        .find(|m| m.role == DateRole::PeriodStart)
}

/// The most frequent day-precision point date among `mentions` (dates of
/// statements, period starts and background dates do not count; ties go to the
/// earlier date, since a story reports what happened before it was written): the
/// document's dominant date, for [`document_default`].
pub fn dominant_day<'a>(mentions: impl IntoIterator<Item = &'a DateMention>) -> Option<NaiveDate> {
    let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
    for m in mentions {
        if m.role != DateRole::Point || m.date.precision != DatePrecision::Day {
            continue;
        }
        let Some(day) = m.date.value else { continue };
        match counts.iter_mut().find(|(d, _)| *d == day) {
            Some((_, n)) => *n += 1,
            None => counts.push((day, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(day, n)| (n, std::cmp::Reverse(day)))
        .map(|(day, _)| day)
}

/// The date of an event whose sentence gives none (the dateline convention).
///
/// Rule: a story reports what happened within about a week of its dominant date
/// (the most frequent day-precision date it mentions, see [`dominant_day`]), or of
/// its publication date when it mentions none. So the value is `dominant`, else
/// `published`, with week precision; with neither, the date is unknown.
pub fn document_default(published: Option<NaiveDate>, dominant: Option<NaiveDate>) -> EventDate {
    let value = dominant.or(published);
    EventDate {
        value,
        precision: if value.is_some() {
            DatePrecision::Week
        } else {
            DatePrecision::Unknown
        },
        text: None,
    }
}

fn grain_rank(grain: DatePrecision) -> u8 {
    match grain {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unknown => 4,
    }
}

// ---------------------------------------------------------------------------
// Tokens

/// A token of the date and attribution grammars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Whether whitespace precedes the token.
    pub spaced: bool,
}

/// The kind of a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, with an ordinal suffix ("27th") when one follows.
    Number {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    /// Any other non-space character.
    Punct(char),
}

/// Splits `text` into words, numbers and punctuation, appending to `out`.
///
/// Words are runs of alphabetic characters, numbers runs of ASCII digits, and
/// whitespace is `char::is_whitespace`; ASCII bytes are classified without decoding.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    out.reserve(text.len() / 4 + 1);
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let kind;
        if b.is_ascii() {
            // The ASCII characters of `char::is_whitespace`: tab to carriage return, space.
            if matches!(b, b'\t'..=b'\r' | b' ') {
                spaced = true;
                i += 1;
                continue;
            }
            if b.is_ascii_alphabetic() {
                i = word_end(text, i + 1);
                kind = TokenKind::Word;
            } else if b.is_ascii_digit() {
                let mut value = u64::from(b - b'0');
                let mut digits: u32 = 1;
                i += 1;
                while let Some(&d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                    value = (value * 10 + u64::from(d - b'0')).min(u64::from(u32::MAX));
                    digits += 1;
                    i += 1;
                }
                let ordinal = ordinal_suffix(&text[i..]);
                if ordinal {
                    i += 2;
                }
                kind = TokenKind::Number {
                    value: value as u32,
                    digits: digits.min(255) as u8,
                    ordinal,
                };
            } else {
                i += 1;
                kind = TokenKind::Punct(char::from(b));
            }
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                spaced = true;
                continue;
            }
            if c.is_alphabetic() {
                i = word_end(text, i);
                kind = TokenKind::Word;
            } else {
                kind = TokenKind::Punct(c);
            }
        }
        out.push(Token {
            span: Span::new(start, i),
            kind,
            spaced,
        });
        spaced = false;
    }
}

/// The end of the run of alphabetic characters at byte `i` of `text`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
        } else {
            match text[i..].chars().next() {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

fn is_ordinal_bytes(rest: &[u8]) -> bool {
    if rest.len() < 2 {
        return false;
    }
    let suffix = [rest[0].to_ascii_lowercase(), rest[1].to_ascii_lowercase()];
    matches!(&suffix, b"st" | b"nd" | b"rd" | b"th")
        && !rest.get(2).is_some_and(u8::is_ascii_alphabetic)
}

fn ordinal_suffix(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    if bytes.len() < 2 {
        return false;
    }
    let suffix = [bytes[0].to_ascii_lowercase(), bytes[1].to_ascii_lowercase()];
    matches!(&suffix, b"st" | b"nd" | b"rd" | b"th")
        && !rest[2..].chars().next().is_some_and(char::is_alphabetic)
}

// ---------------------------------------------------------------------------
// Lexicon

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Weekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Since,
    Last,
    This,
    Next,
    Edge,
    Daypart,
    Around,
    Number(u32),
    Unit(Unit),
    Ago,
    Earlier,
    Later,
    Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Month { month: u32, abbrev: bool },
    Weekday { day: Weekday, abbrev: bool },
    Relative(u16),
    Cue(Cue),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Published,
    Reference,
    /// A time of the day just named in the sentence ("On 20 February, overnight");
    /// with none, the publication date moved by the offset.
    Nearby,
}

#[derive(Debug, Clone, Copy)]
struct Relative {
    anchor: Anchor,
    unit: Unit,
    offset: i32,
    precision: DatePrecision,
}

#[derive(Debug, Clone, Copy)]
struct Lex {
    entry: Entry,
    /// Index of the last token the phrase covers.
    last: usize,
}

struct Lexicon {
    matcher: PhraseMatcher,
    entries: Vec<Entry>,
    relatives: Vec<Relative>,
    /// Single-word prepositions that let a bare month or year stand ("in May").
    preps: Vec<String>,
    /// Small numbers written as words ("three").
    number_words: Vec<String>,
}

/// Whether `word` is a small number written as a word ("three", "twelve").
pub(crate) fn is_number_word(word: &str) -> bool {
    LEXICON
        .number_words
        .iter()
        .any(|n| n.eq_ignore_ascii_case(word))
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(load_lexicon);

fn load_lexicon() -> Lexicon {
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    let mut relatives = Vec::new();
    let mut preps = Vec::new();
    let mut number_words = Vec::new();
    let mut add = |text: &str, entry: Entry, entries: &mut Vec<Entry>| {
        patterns.push(PhrasePattern {
            text: text.to_string(),
            id: entries.len() as u32,
        });
        entries.push(entry);
    };
    for row in tsv::rows(sitrep_text::lexicon!("dates/months.tsv")) {
        if let Ok(month @ 1..=12) = row.get(1).parse::<u32>() {
            let abbrev = row.get(2) == "yes";
            add(row.get(0), Entry::Month { month, abbrev }, &mut entries);
        }
    }
    for row in tsv::rows(sitrep_text::lexicon!("dates/weekdays.tsv")) {
        let day = row
            .get(1)
            .parse::<u8>()
            .ok()
            .and_then(|n| Weekday::try_from(n.wrapping_sub(1)).ok());
        if let Some(day) = day {
            let abbrev = row.get(2) == "yes";
            add(row.get(0), Entry::Weekday { day, abbrev }, &mut entries);
        }
    }
    for row in tsv::rows(sitrep_text::lexicon!("dates/relative.tsv")) {
        let anchor = match row.get(1) {
            "reference" => Anchor::Reference,
            "nearby" => Anchor::Nearby,
            _ => Anchor::Published,
        };
        let unit = match row.get(2) {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "weekend" => Unit::Weekend,
            _ => Unit::Day,
        };
        let Ok(offset) = row.get(3).parse::<i32>() else {
            continue;
        };
        let precision = parse_precision(row.get(4));
        let index = relatives.len() as u16;
        relatives.push(Relative {
            anchor,
            unit,
            offset,
            precision,
        });
        add(row.get(0), Entry::Relative(index), &mut entries);
    }
    for row in tsv::rows(sitrep_text::lexicon!("dates/words.tsv")) {
        let value = row.get(2).parse::<u32>().ok();
        let cue = match (row.get(1), value) {
            ("prep", _) => {
                preps.push(row.get(0).to_ascii_lowercase());
                continue;
            }
            ("since", _) => Cue::Since,
            ("last", _) => Cue::Last,
            ("this", _) => Cue::This,
            ("next", _) => Cue::Next,
            ("edge", _) => Cue::Edge,
            ("daypart", _) => Cue::Daypart,
            ("around", _) => Cue::Around,
            ("number", Some(n)) => {
                if !row.get(0).contains(' ') {
                    number_words.push(row.get(0).to_ascii_lowercase());
                }
                Cue::Number(n)
            }
            ("unit", Some(days)) => Cue::Unit(match days {
                7 => Unit::Week,
                30 => Unit::Month,
                365 => Unit::Year,
                _ => Unit::Day,
            }),
            ("ago", _) => Cue::Ago,
            ("earlier", _) => Cue::Earlier,
            ("later", _) => Cue::Later,
            ("meta", _) => Cue::Meta,
            _ => continue,
        };
        add(row.get(0), Entry::Cue(cue), &mut entries);
    }
    Lexicon {
        matcher: PhraseMatcher::new(&patterns),
        entries,
        relatives,
        preps,
        number_words,
    }
}

fn parse_precision(text: &str) -> DatePrecision {
    match text {
        "day" => DatePrecision::Day,
        "week" => DatePrecision::Week,
        "month" => DatePrecision::Month,
        "year" => DatePrecision::Year,
        _ => DatePrecision::Unknown,
    }
}

// ---------------------------------------------------------------------------
// Grammar

/// A calendar date as written: any part may be missing.
#[derive(Debug, Clone, Copy, Default)]
struct Calendar {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// A day range ("27-28 February"): the first day is kept, with week precision.
    range: bool,
    /// The two readings of an ambiguous numeric date, day-first first.
    alternative: Option<(u32, u32)>,
}

/// What a mention resolves to before roles are assigned.
struct Found {
    first: usize,
    last: usize,
    date: Option<NaiveDate>,
    grain: DatePrecision,
    kind: DateKind,
    /// Whether the date needed a publication or reference date it did not have.
    unresolved: bool,
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'a [Option<Lex>],
    lexicon: &'a Lexicon,
    context: DateContext,
    /// The last day-precision date read in this text: what "that day" and
    /// "overnight" refer to ("On 20 February, overnight, …").
    nearby: Cell<Option<NaiveDate>>,
}

impl Scanner<'_> {
    fn scan(&self) -> Vec<DateMention> {
        let mut out: Vec<DateMention> = Vec::new();
        let mut previous_last = None;
        let mut i = 0;
        while i < self.tokens.len() {
            match self.mention_at(i) {
                Some(found) => {
                    i = found.last + 1;
                    let apposition = previous_last.is_some_and(|p| self.restates(p, found.first));
                    previous_last = Some(found.last);
                    let mut mention = self.finish(found);
                    if apposition {
                        // "Around 7 June 2022 (between 3 - 10 June)": the aside
                        // qualifies the date before it and never governs.
                        mention.role = DateRole::Background;
                    }
                    if mention.date.precision == DatePrecision::Day
                        && mention.role == DateRole::Point
                    {
                        self.nearby.set(mention.date.value);
                    }
                    out.push(mention);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether a mention starting at token `first` is a parenthesised aside to the
    /// mention ending at token `previous` ("9 June (between 3 - 10 June)").
    fn restates(&self, previous: usize, first: usize) -> bool {
        let mut k = previous + 1;
        if !self.is_punct(k, '(') {
            return false;
        }
        k += 1;
        if k < first && (self.is_prep(k) || matches!(self.cue(k), Some((Cue::Around, _)))) {
            k += 1;
        }
        k == first
    }

    fn finish(&self, found: Found) -> DateMention {
        let span = Span::new(
            self.tokens[found.first].span.start,
            self.tokens[found.last].span.end,
        );
        let (value, precision) = match found.date {
            Some(date) if !found.unresolved => (Some(date), found.grain),
            _ => (None, DatePrecision::Unknown),
        };
        DateMention {
            span,
            date: EventDate {
                value,
                precision,
                text: Some(span.slice(self.text).to_string()),
            },
            grain: found.grain,
            kind: found.kind,
            role: self.role(found.first),
        }
    }

    // -- token helpers ----------------------------------------------------

    fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        (token.kind == TokenKind::Word).then(|| token.span.slice(self.text))
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct(c))
    }

    fn is_dash(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct('-' | '\u{2013}' | '\u{2010}')))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.spaced)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.lex.get(i).copied().flatten()
    }

    fn cue(&self, i: usize) -> Option<(Cue, usize)> {
        match self.lex(i)? {
            Lex {
                entry: Entry::Cue(cue),
                last,
            } => Some((cue, last)),
            _ => None,
        }
    }

    fn is_prep(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.lexicon.preps.iter().any(|p| p.eq_ignore_ascii_case(w)))
    }

    /// Whether the token before `i` lets a bare month or year stand.
    fn cue_before(&self, i: usize) -> bool {
        i.checked_sub(1)
            .is_some_and(|p| self.is_prep(p) || self.is_since(p))
    }

    fn is_since(&self, i: usize) -> bool {
        matches!(self.cue(i), Some((Cue::Since, _)))
    }

    fn number(&self, i: usize) -> Option<(u32, u8, bool)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Number {
                value,
                digits,
                ordinal,
            } => Some((value, digits, ordinal)),
            _ => None,
        }
    }

    /// A day of the month: 1 to 31 in one or two digits, not glued to a unit
    /// ("27km") or part of a time ("10:30").
    fn day_number(&self, i: usize) -> Option<u32> {
        let (value, digits, _) = self.number(i)?;
        if digits > 2 || !(1..=31).contains(&value) {
            return None;
        }
        let next = i + 1;
        if self.adjacent(next)
            && (self.word(next).is_some()
                || self.is_punct(next, ':')
                || self.is_punct(next, '%')
                || self.number(next).is_some())
        {
            return None;
        }
        if i > 0 && self.adjacent(i) && (self.is_punct(i - 1, ':') || self.is_punct(i - 1, '$')) {
            return None;
        }
        Some(value)
    }

    /// A year: four digits between 1900 and 2100 standing alone.
    fn year_number(&self, i: usize) -> Option<i32> {
        let (value, digits, ordinal) = self.number(i)?;
        if digits != 4 || ordinal || !(1900..=2100).contains(&value) {
            return None;
        }
        let next = i + 1;
        if self.adjacent(next) && (self.word(next).is_some() || self.is_punct(next, '%')) {
            return None;
        }
        Some(value as i32)
    }

    /// A capitalised month name at `i`; returns the month and the index of its
    /// last token (a period after an abbreviation included).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i)? {
            Lex {
                entry: Entry::Month { month, abbrev },
                last,
            } if self.capitalised(i) => {
                let end = if abbrev && self.is_punct(last + 1, '.') && self.adjacent(last + 1) {
                    last + 1
                } else {
                    last
                };
                Some((month, end))
            }
            _ => None,
        }
    }

    // -- grammar ------------------------------------------------------------

    fn mention_at(&self, start: usize) -> Option<Found> {
        // Only a lexicon word, a number, or "the"/"a"/"an" can start a mention.
        let plain_word = self.lex(start).is_none()
            && self.tokens[start].kind == TokenKind::Word
            && !(self.is_word(start, "the")
                || self.is_word(start, "a")
                || self.is_word(start, "an"));
        if plain_word || matches!(self.tokens[start].kind, TokenKind::Punct(_)) {
            return None;
        }
        // Leading modifiers: "around", "last", "late", "early on", "mid-".
        let mut j = start;
        let mut around = false;
        let mut modifier = None;
        for _ in 0..3 {
            match self.cue(j) {
                Some((Cue::Around, last)) => {
                    around = true;
                    j = last + 1;
                }
                Some((cue @ (Cue::Last | Cue::This | Cue::Next), last)) => {
                    modifier = Some(cue);
                    j = last + 1;
                }
                Some((Cue::Edge, last)) => {
                    j = last + 1;
                    if self.is_dash(j) && self.adjacent(j) {
                        j += 1;
                    }
                }
                _ => break,
            }
        }
        let led = j > start;
        let cued = || led || self.cue_before(start);
        let mut found = self
            .calendar_mention(j)
            .or_else(|| self.weekday_mention(j, modifier))
            .or_else(|| cued().then(|| self.bare_month(j, modifier)).flatten())
            .or_else(|| cued().then(|| self.bare_year(j)).flatten())
            .or_else(|| self.relative_mention(j))
            .or_else(|| self.count_mention(j))
            .or_else(|| self.day_of_month(j, start))?;
        if around && found.grain == DatePrecision::Day {
            found.grain = DatePrecision::Week;
        }
        found.first = start;
        Some(found)
    }

    fn calendar_mention(&self, i: usize) -> Option<Found> {
        let (calendar, last) = self
            .numeric_date(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_day(i))?;
        self.resolve_calendar(calendar, i, last)
    }

    fn resolve_calendar(&self, calendar: Calendar, first: usize, last: usize) -> Option<Found> {
        let published = self.context.published;
        let month = calendar.month?;
        let found = |date: Option<NaiveDate>, grain, unresolved| Found {
            first,
            last,
            date,
            grain,
            kind: DateKind::Calendar,
            unresolved,
        };
        let Some(day) = calendar.day else {
            let year = calendar.year?;
            let date = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some(found(Some(date), DatePrecision::Month, false));
        };
        let grain = if calendar.range {
            DatePrecision::Week
        } else {
            DatePrecision::Day
        };
        match (calendar.year, calendar.alternative) {
            (Some(year), Some((other_month, other_day))) => {
                let day_first = NaiveDate::from_ymd_opt(year, month, day);
                let month_first = NaiveDate::from_ymd_opt(year, other_month, other_day);
                let date = choose_reading(day_first, month_first, published)?;
                Some(found(Some(date), grain, false))
            }
            (Some(year), None) => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some(found(Some(date), grain, false))
            }
            (None, _) => {
                // A real month-day (no 30 February) even when unresolved.
                NaiveDate::from_ymd_opt(2000, month, day)?;
                let date = published.and_then(|p| latest_month_day(month, day, p));
                Some(found(date, grain, date.is_none()))
            }
        }
    }

    /// "2020-02-27", "27/02/2020", "02/27/2020", "27.02.20".
    fn numeric_date(&self, i: usize) -> Option<(Calendar, usize)> {
        let (a, a_digits, a_ord) = self.number(i)?;
        let sep = match self.tokens.get(i + 1)?.kind {
            TokenKind::Punct(c @ ('-' | '/' | '.')) => c,
            _ => return None,
        };
        let (b, b_digits, b_ord) = self.number(i + 2)?;
        if !self.is_punct(i + 3, sep) {
            return None;
        }
        let (c, c_digits, c_ord) = self.number(i + 4)?;
        if a_ord || b_ord || c_ord || (1..=4).any(|k| !self.adjacent(i + k)) {
            return None;
        }
        if self.adjacent(i + 5) && (self.number(i + 5).is_some() || self.word(i + 5).is_some()) {
            return None;
        }
        if i > 0 && self.adjacent(i) && !self.tokens[i - 1].kind.is_opening() {
            return None;
        }
        let calendar = if a_digits == 4 {
            if b_digits > 2 || c_digits > 2 {
                return None;
            }
            Calendar {
                year: Some(a as i32),
                month: Some(b),
                day: Some(c),
                ..Calendar::default()
            }
        } else {
            if a_digits > 2 || b_digits > 2 || !(c_digits == 2 || c_digits == 4) {
                return None;
            }
            let year = if c_digits == 2 {
                self.two_digit_year(c)
            } else {
                c as i32
            };
            let day_first_ok = (1..=12).contains(&b) && (1..=31).contains(&a);
            let month_first_ok = (1..=12).contains(&a) && (1..=31).contains(&b);
            match (day_first_ok, month_first_ok) {
                (true, true) if a != b => Calendar {
                    year: Some(year),
                    month: Some(b),
                    day: Some(a),
                    alternative: Some((a, b)),
                    ..Calendar::default()
                },
                (true, _) => Calendar {
                    year: Some(year),
                    month: Some(b),
                    day: Some(a),
                    ..Calendar::default()
                },
                (false, true) => Calendar {
                    year: Some(year),
                    month: Some(a),
                    day: Some(b),
                    ..Calendar::default()
                },
                (false, false) => return None,
            }
        };
        if !(1900..=2100).contains(&calendar.year.unwrap_or(0)) {
            return None;
        }
        Some((calendar, i + 4))
    }

    fn two_digit_year(&self, yy: u32) -> i32 {
        let year = 2000 + yy as i32;
        match self.context.published {
            Some(p) if year > p.year() + 1 => year - 100,
            _ => year,
        }
    }

    /// "27 February 2020", "27 Feb", "the 27th of February", "27-28 February".
    fn day_month(&self, i: usize) -> Option<(Calendar, usize)> {
        let mut j = i;
        if self.is_word(j, "the") {
            let (_, _, ordinal) = self.number(j + 1)?;
            if !ordinal {
                return None;
            }
            j += 1;
        }
        let mut day = self.day_number(j)?;
        let mut k = j + 1;
        let mut range = false;
        if self.is_dash(k) || self.is_word(k, "to") || self.is_word(k, "and") {
            if let Some(last_day) = self.day_number(k + 1) {
                range = true;
                k += 2;
                // "between 3 and 10 June": some day in the span, coded at its middle
                // (ACLED); "13-14 June" is an event over both days, dated by the first.
                if i > 0 && self.is_word(i - 1, "between") && last_day > day {
                    day = (day + last_day).div_ceil(2);
                }
            }
        }
        if self.is_word(k, "of") {
            k += 1;
        }
        let (month, month_last) = self.month_at(k)?;
        let (year, last) = self.trailing_year(month_last);
        Some((
            Calendar {
                year,
                month: Some(month),
                day: Some(day),
                range,
                alternative: None,
            },
            last,
        ))
    }

    /// "February 27, 2020", "Feb. 27", "February 27th", "February 2020".
    fn month_day(&self, i: usize) -> Option<(Calendar, usize)> {
        let (month, month_last) = self.month_at(i)?;
        let mut k = month_last + 1;
        if let Some(day) = self.day_number(k) {
            let mut range = false;
            if self.is_dash(k + 1) && self.day_number(k + 2).is_some() {
                range = true;
                k += 2;
            }
            let (year, last) = self.trailing_year(k);
            return Some((
                Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                    range,
                    alternative: None,
                },
                last,
            ));
        }
        if self.is_punct(k, ',') {
            k += 1;
        }
        let year = self.year_number(k)?;
        Some((
            Calendar {
                year: Some(year),
                month: Some(month),
                ..Calendar::default()
            },
            k,
        ))
    }

    /// An optional year after token `last` (", 2020" or " 2020").
    fn trailing_year(&self, last: usize) -> (Option<i32>, usize) {
        let mut k = last + 1;
        if self.is_punct(k, ',') {
            k += 1;
        }
        match self.year_number(k) {
            Some(year) => (Some(year), k),
            None => (None, last),
        }
    }

    fn weekday_mention(&self, i: usize, modifier: Option<Cue>) -> Option<Found> {
        let Lex {
            entry: Entry::Weekday { day, abbrev },
            last,
        } = self.lex(i)?
        else {
            return None;
        };
        if !self.capitalised(i) {
            return None;
        }
        let mut end = last;
        if abbrev && self.is_punct(end + 1, '.') && self.adjacent(end + 1) {
            end += 1;
        }
        // "Thursday, Feb. 27" / "Thursday (27 February)": the calendar date wins.
        let mut k = end + 1;
        if self.is_punct(k, ',') || self.is_punct(k, '(') {
            k += 1;
        }
        if let Some(mut found) = self.calendar_mention(k) {
            if found.grain != DatePrecision::Month {
                if self.is_punct(found.last + 1, ')') && self.is_punct(end + 1, '(') {
                    found.last += 1;
                }
                found.first = i;
                return Some(found);
            }
        }
        if abbrev {
            return None;
        }
        if let Some((Cue::Daypart, daypart_last)) = self.cue(end + 1) {
            end = daypart_last;
        }
        // "the night of Thursday and Friday", "Thursday to Friday": one span of
        // time, dated by its first day.
        let joiner = end + 1;
        let joined = self.is_word(joiner, "and")
            || self.is_word(joiner, "to")
            || self.is_word(joiner, "into")
            || self.is_dash(joiner);
        if let (
            true,
            Some(Lex {
                entry: Entry::Weekday { .. },
                last,
            }),
        ) = (joined, self.lex(joiner + 1))
        {
            if self.capitalised(joiner + 1) {
                end = match self.cue(last + 1) {
                    Some((Cue::Daypart, daypart_last)) => daypart_last,
                    _ => last,
                };
            }
        }
        let published = self.context.published;
        let date = published.and_then(|p| resolve_weekday(day, modifier, p));
        Some(Found {
            first: i,
            last: end,
            date,
            grain: DatePrecision::Day,
            kind: DateKind::Weekday,
            unresolved: date.is_none(),
        })
    }

    /// "in February", "last December", "early March", "mid-May".
    fn bare_month(&self, i: usize, modifier: Option<Cue>) -> Option<Found> {
        let (month, last) = self.month_at(i)?;
        let published = self.context.published;
        let date = published.and_then(|p| {
            let year = match modifier {
                Some(Cue::Last) if month >= p.month() => p.year() - 1,
                Some(Cue::Next) if month <= p.month() => p.year() + 1,
                Some(Cue::This | Cue::Next | Cue::Last) => p.year(),
                _ if month > p.month() => p.year() - 1,
                _ => p.year(),
            };
            NaiveDate::from_ymd_opt(year, month, 1)
        });
        Some(Found {
            first: i,
            last,
            date,
            grain: DatePrecision::Month,
            kind: DateKind::Calendar,
            unresolved: date.is_none(),
        })
    }

    /// "in 2019", "since 2016", "mid-2019", "late 2020".
    fn bare_year(&self, i: usize) -> Option<Found> {
        let year = self.year_number(i)?;
        Some(Found {
            first: i,
            last: i,
            date: NaiveDate::from_ymd_opt(year, 1, 1),
            grain: DatePrecision::Year,
            kind: DateKind::Calendar,
            unresolved: false,
        })
    }

    /// A phrase of `relative.tsv` ("yesterday", "earlier this month").
    fn relative_mention(&self, i: usize) -> Option<Found> {
        let Lex {
            entry: Entry::Relative(index),
            last,
        } = self.lex(i)?
        else {
            return None;
        };
        let relative = *self.lexicon.relatives.get(usize::from(index))?;
        let date = match (relative.anchor, self.nearby.get()) {
            (Anchor::Nearby, Some(day)) => shift(day, relative.unit, 0),
            (anchor, _) => self
                .anchor(anchor)
                .and_then(|a| shift(a, relative.unit, relative.offset)),
        };
        Some(Found {
            first: i,
            last,
            date,
            grain: relative.precision,
            kind: DateKind::Relative,
            unresolved: date.is_none(),
        })
    }

    /// "two days ago", "a week earlier", "three months later", "10 days before".
    fn count_mention(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if self.is_word(j, "a") || self.is_word(j, "an") {
            if matches!(self.cue(j + 1), Some((Cue::Number(_), _))) {
                j += 1;
            } else {
                return self.count_tail(i, 1, j + 1);
            }
        }
        let count = match self.cue(j) {
            Some((Cue::Number(n), last)) => {
                j = last;
                n
            }
            _ => {
                let (value, digits, ordinal) = self.number(j)?;
                if digits > 3 || ordinal {
                    return None;
                }
                value
            }
        };
        self.count_tail(i, count, j + 1)
    }

    fn count_tail(&self, first: usize, count: u32, unit_at: usize) -> Option<Found> {
        let Some((Cue::Unit(unit), unit_last)) = self.cue(unit_at) else {
            return None;
        };
        let (direction, last) = match self.cue(unit_last + 1)? {
            (Cue::Ago, last) => (-1, last),
            (Cue::Earlier, last) => (-1, last),
            (Cue::Later, last) => (1, last),
            _ => return None,
        };
        let word = self.word(unit_last + 1).unwrap_or("");
        let needs_end = word.eq_ignore_ascii_case("before") || word.eq_ignore_ascii_case("after");
        if needs_end && (self.word(last + 1).is_some() || self.number(last + 1).is_some()) {
            // "two days before the election": relative to an event, not a date.
            return None;
        }
        let anchor_kind = if matches!(self.cue(unit_last + 1), Some((Cue::Ago, _))) {
            Anchor::Published
        } else {
            Anchor::Reference
        };
        let offset = direction * count.min(10_000) as i32;
        let grain = match unit {
            Unit::Day => DatePrecision::Day,
            Unit::Week | Unit::Weekend => DatePrecision::Week,
            Unit::Month => DatePrecision::Month,
            Unit::Year => DatePrecision::Year,
        };
        let date = self
            .anchor(anchor_kind)
            .and_then(|a| shift(a, unit, offset));
        Some(Found {
            first,
            last,
            date,
            grain,
            kind: DateKind::Relative,
            unresolved: date.is_none(),
        })
    }

    /// "on the 27th": the latest such day on or before the publication date.
    fn day_of_month(&self, i: usize, start: usize) -> Option<Found> {
        if !self.is_word(i, "the") || !(self.cue_before(start) || i > start) {
            return None;
        }
        let (day, _, ordinal) = self.number(i + 1)?;
        if !ordinal || !(1..=31).contains(&day) {
            return None;
        }
        // "on the 5th floor", "the 5th Brigade" are not dates: the ordinal must end
        // the phrase.
        if self.word(i + 2).is_some() && !self.is_prep(i + 2) && !self.is_word(i + 2, "and") {
            return None;
        }
        let date = self
            .context
            .published
            .and_then(|p| latest_day_of_month(day, p));
        Some(Found {
            first: i,
            last: i + 1,
            date,
            grain: DatePrecision::Day,
            kind: DateKind::Calendar,
            unresolved: date.is_none(),
        })
    }

    fn anchor(&self, anchor: Anchor) -> Option<NaiveDate> {
        match anchor {
            Anchor::Published | Anchor::Nearby => self.context.published,
            Anchor::Reference => self
                .nearby
                .get()
                .or(self.context.reference)
                .or(self.context.published),
        }
    }

    // -- roles ----------------------------------------------------------------

    fn role(&self, first: usize) -> DateRole {
        if self.starts_period(first) {
            return DateRole::PeriodStart;
        }
        if self.after_meta_label(first) {
            return DateRole::Reporting;
        }
        // "since" earlier in the same clause, as a conjunction.
        for k in (0..first).rev() {
            match self.tokens[k].kind {
                TokenKind::Punct(',' | ';' | ':' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}') => {
                    break
                }
                TokenKind::Word if self.since_clause(k) => return DateRole::Background,
                _ => {}
            }
        }
        if self.after_reporting_verb(first) {
            return DateRole::Reporting;
        }
        DateRole::Point
    }

    /// "date 2020-08-19", "Published: 3 June 2019", "Posted on 3 June": a page's
    /// own date (the date of the report, like "said on Thursday"), with at most a
    /// colon or "on" between the label and the date.
    fn after_meta_label(&self, first: usize) -> bool {
        let mut k = first;
        if k > 0 && (self.is_punct(k - 1, ':') || self.is_word(k - 1, "on")) {
            k -= 1;
        }
        let Some(label_end) = k.checked_sub(1) else {
            return false;
        };
        (label_end.saturating_sub(1)..=label_end)
            .any(|q| matches!(self.cue(q), Some((Cue::Meta, last)) if last == label_end))
    }

    /// "since early December", "starting in April", "since the 3rd".
    fn starts_period(&self, first: usize) -> bool {
        match first.checked_sub(1) {
            Some(p) if self.is_since(p) => true,
            Some(p) if self.is_prep(p) => p.checked_sub(1).is_some_and(|q| self.is_since(q)),
            _ => false,
        }
    }

    /// Whether "since" at `k` is a conjunction opening a clause ("since it first
    /// intervened"), not a preposition before a date ("since early December").
    fn since_clause(&self, k: usize) -> bool {
        let next = k + 1;
        let ordinal_next = self.is_word(next, "the")
            && self.number(next + 1).is_some_and(|(_, _, ordinal)| ordinal);
        self.is_word(k, "since")
            && self.lex(next).is_none()
            && self.number(next).is_none()
            && !ordinal_next
    }

    /// "police said on Thursday", "told the Security Council on Thursday",
    /// "said in a statement on Monday": the date of the statement.
    fn after_reporting_verb(&self, first: usize) -> bool {
        let mut k = first;
        for _ in 0..7 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            k = p;
            let token = self.tokens[k];
            match token.kind {
                TokenKind::Word => {
                    let word = token.span.slice(self.text);
                    if crate::attribution::is_reporting_verb(word) {
                        // "was reported on Thursday" dates the event, not a statement.
                        let passive = self
                            .word(k.wrapping_sub(1))
                            .is_some_and(crate::attribution::is_passive);
                        return !passive;
                    }
                    if !(self.capitalised(k) || crate::attribution::is_filler(word)) {
                        return false;
                    }
                }
                TokenKind::Punct('.' | '\'' | '\u{2019}' | '-') => {}
                _ => return false,
            }
        }
        false
    }
}

impl TokenKind {
    fn is_opening(self) -> bool {
        matches!(
            self,
            TokenKind::Punct('(' | '[' | '"' | '\u{201c}' | '\'' | '\u{2018}')
        )
    }
}

// ---------------------------------------------------------------------------
// Calendar arithmetic

/// The most recent `target` weekday on or before `published`; with "last",
/// strictly before; with "next", strictly after.
fn resolve_weekday(
    target: Weekday,
    modifier: Option<Cue>,
    published: NaiveDate,
) -> Option<NaiveDate> {
    let back = (7 + published.weekday().num_days_from_monday() - target.num_days_from_monday()) % 7;
    match modifier {
        Some(Cue::Last) => {
            let back = if back == 0 { 7 } else { back };
            published.checked_sub_days(chrono::Days::new(u64::from(back)))
        }
        Some(Cue::Next) => {
            let ahead = 7 - back;
            published.checked_add_days(chrono::Days::new(u64::from(ahead)))
        }
        _ => published.checked_sub_days(chrono::Days::new(u64::from(back))),
    }
}

/// The latest `month`/`day` on or before `published` (29 February looks back to
/// the last leap year).
fn latest_month_day(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    (0..8)
        .filter_map(|back| NaiveDate::from_ymd_opt(published.year() - back, month, day))
        .find(|date| *date <= published)
}

/// The latest day numbered `day` on or before `published`.
fn latest_day_of_month(day: u32, published: NaiveDate) -> Option<NaiveDate> {
    let first = published.with_day(1)?;
    (0..4)
        .filter_map(|back| {
            let month = first.checked_sub_months(Months::new(back))?;
            month.with_day(day)
        })
        .find(|date| *date <= published)
}

/// Of two readings of an ambiguous numeric date (day-first first), the one on or
/// before `published` and nearest to it; day-first otherwise.
fn choose_reading(
    day_first: Option<NaiveDate>,
    month_first: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let (Some(a), Some(b)) = (day_first, month_first) else {
        return day_first.or(month_first);
    };
    let Some(p) = published else {
        return Some(a);
    };
    match (a <= p, b <= p) {
        (true, true) => Some(a.max(b)),
        (false, true) => Some(b),
        _ => Some(a),
    }
}

/// `anchor` moved by `offset` units, aligned as the unit's precision requires.
fn shift(anchor: NaiveDate, unit: Unit, offset: i32) -> Option<NaiveDate> {
    let days = |n: i64| anchor.checked_add_signed(chrono::TimeDelta::try_days(n)?);
    match unit {
        Unit::Day => days(i64::from(offset)),
        Unit::Week => days(7 * i64::from(offset)),
        Unit::Month => {
            let first = anchor.with_day(1)?;
            let months = Months::new(offset.unsigned_abs());
            if offset < 0 {
                first.checked_sub_months(months)
            } else {
                first.checked_add_months(months)
            }
        }
        Unit::Year => NaiveDate::from_ymd_opt(anchor.year().checked_add(offset)?, 1, 1),
        Unit::Weekend => {
            let back = (anchor.weekday().num_days_from_monday() + 7 - 5) % 7;
            days(-(i64::from(back)) + 7 * i64::from(offset))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, over `char_indices`: the byte-classifying
    /// one must split every text the same way.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut spaced = true;
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                spaced = true;
                continue;
            }
            let kind;
            let mut end = start + c.len_utf8();
            if c.is_alphabetic() {
                while let Some(&(i, n)) = chars.peek() {
                    if !n.is_alphabetic() {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                kind = TokenKind::Word;
            } else if c.is_ascii_digit() {
                let mut value = u64::from(c as u8 - b'0');
                let mut digits: u32 = 1;
                while let Some(&(i, n)) = chars.peek() {
                    if !n.is_ascii_digit() {
                        break;
                    }
                    value = (value * 10 + u64::from(n as u8 - b'0')).min(u64::from(u32::MAX));
                    digits += 1;
                    end = i + 1;
                    chars.next();
                }
                let ordinal = ordinal_suffix(&text[end..]);
                if ordinal {
                    end += 2;
                    chars.next();
                    chars.next();
                }
                kind = TokenKind::Number {
                    value: value as u32,
                    digits: digits.min(255) as u8,
                    ordinal,
                };
            } else {
                kind = TokenKind::Punct(c);
            }
            out.push(Token {
                span: Span::new(start, end),
                kind,
                spaced,
            });
            spaced = false;
        }
        out
    }

    #[test]
    fn tokenize_agrees_with_the_char_by_char_tokenizer() {
        let pieces = [
            "On",
            "27th",
            "Feb",
            "2024",
            "12,000",
            "3rd",
            "1stly",
            "é",
            "Ürümqi",
            "\u{a0}",
            "\u{2009}",
            "\u{b}",
            "\u{c}",
            "\r\n",
            "\t",
            " ",
            "  ",
            "-",
            "/",
            ".",
            "’",
            "'",
            "۳",
            "٢٠",
            "日本",
            "4294967296",
            "99999999999",
            "2nd.",
            "ß",
            "ǅ",
            "\u{85}",
            "\u{1c}",
            "x",
            "",
        ];
        let mut draws = sitrep_text::draws::Draws::new(5);
        for _ in 0..5_000 {
            let text = draws.text(&pieces, 12);
            let mut got = Vec::new();
            tokenize(&text, &mut got);
            assert_eq!(got, tokenize_by_chars(&text), "{text:?}");
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn precision(text: &str) -> DatePrecision {
        parse_precision(text)
    }

    /// `expected`: "expression => value precision role", value `-` for unresolved;
    /// several mentions separated by " | "; "" for none.
    fn check(published: &str, sentence: &str, expected: &str) {
        let published = (published != "-").then(|| date(published));
        let found = find_dates(sentence, published);
        let rendered: Vec<String> = found
            .iter()
            .map(|m| {
                let value = m
                    .date
                    .value
                    .map_or("-".to_string(), |d| d.format("%Y-%m-%d").to_string());
                let precision = format!("{:?}", m.date.precision).to_lowercase();
                let role = match m.role {
                    DateRole::Point => "",
                    DateRole::PeriodStart => " start",
                    DateRole::Background => " background",
                    DateRole::Reporting => " reporting",
                };
                format!("{} => {value} {precision}{role}", m.span.slice(sentence))
            })
            .collect();
        assert_eq!(
            rendered.join(" | "),
            expected,
            "published {published:?}: {sentence:?}\n(fix the grammar in dates.rs or the data in lexicons/dates/)"
        );
        for m in &found {
            assert_eq!(m.date.text.as_deref(), Some(m.span.slice(sentence)));
        }
    }

    #[test]
    #[rustfmt::skip]
    fn absolute_dates() {
        let rows = [
            ("2020-02-28", "Clashes broke out on 27 February 2020 near Saraqeb.", "27 February 2020 => 2020-02-27 day"),
            ("2020-02-28", "The strike was reported on February 27, 2020, by state media.", "February 27, 2020 => 2020-02-27 day"),
            ("2020-02-28", "Gunmen attacked the post on Feb. 27, officials said.", "Feb. 27 => 2020-02-27 day"),
            ("2020-02-28", "Gunmen attacked the post on 27 Feb in Kaduna.", "27 Feb => 2020-02-27 day"),
            ("2020-02-28", "The convoy was hit on the 27th of February near Maarib.", "the 27th of February => 2020-02-27 day"),
            ("2020-02-28", "Protesters gathered on February 27th in Khartoum.", "February 27th => 2020-02-27 day"),
            ("2020-02-28", "The file is dated 2020-02-27.", "2020-02-27 => 2020-02-27 day"),
            ("2020-03-10", "The curfew was declared on 27/02/2020 in Juba.", "27/02/2020 => 2020-02-27 day"),
            ("2020-03-10", "The curfew was declared on 02/27/2020 in Texas.", "02/27/2020 => 2020-02-27 day"),
            ("2020-03-10", "Police recorded the riot on 03/02/2020.", "03/02/2020 => 2020-03-02 day"),
            ("2020-02-10", "Police recorded the riot on 03/02/2020.", "03/02/2020 => 2020-02-03 day"),
            ("-", "Police recorded the riot on 03/02/2020.", "03/02/2020 => 2020-02-03 day"),
            ("2021-05-01", "The raid happened on 14.04.21 in Lviv.", "14.04.21 => 2021-04-14 day"),
            ("2020-02-28", "The ceasefire collapsed in February.", "February => 2020-02-01 month"),
            ("2020-02-28", "The town fell in December to rebel fighters.", "December => 2019-12-01 month"),
            ("2020-02-28", "The militia was founded in 2019 in Ituri.", "2019 => 2019-01-01 year"),
            ("2020-02-28", "Elections held in February 2020 were marred by violence.", "February 2020 => 2020-02-01 month"),
            ("2020-02-28", "Rebels seized the mine in March, 2018.", "March, 2018 => 2018-03-01 month"),
            ("2021-01-02", "Protesters were shot on 30 December in Lagos.", "30 December => 2020-12-30 day"),
            ("2021-01-02", "Protesters were shot on 2 January in Lagos.", "2 January => 2021-01-02 day"),
            ("2021-01-02", "Troops entered the city on 3 January, the army said.", "3 January => 2020-01-03 day"),
            ("2021-03-01", "The bridge was destroyed on 29 February.", "29 February => 2020-02-29 day"),
            ("2024-03-01", "The bridge was destroyed on 29 February.", "29 February => 2024-02-29 day"),
            ("2024-03-05", "The village was shelled on the 29th, residents said.", "the 29th => 2024-02-29 day"),
            ("2023-03-05", "The village was shelled on the 29th, residents said.", "the 29th => 2023-01-29 day"),
            ("2020-02-28", "The warehouse was looted on the 27th.", "the 27th => 2020-02-27 day"),
            ("2020-02-28", "Gunmen stormed the office on the 5th floor.", ""),
            ("2020-02-28", "No date of 31 February 2020 exists.", "February 2020 => 2020-02-01 month"),
            ("2022-06-20", "Around 9 June 2022, four militants were arrested in Kunar.", "Around 9 June 2022 => 2022-06-09 week"),
            ("2022-06-20", "Fighting raged on 13-14 June in Donetsk.", "13-14 June => 2022-06-13 week"),
            ("2020-02-28", "The offensive began in mid-2019 around Idlib.", "mid-2019 => 2019-01-01 year"),
            ("2020-02-28", "The rebels retreated at the end of January.", "end of January => 2020-01-01 month"),
            ("2020-02-28", "Talks are scheduled for early March.", "early March => 2019-03-01 month"),
            ("-", "Troops shelled Marib on 5 March 2021.", "5 March 2021 => 2021-03-05 day"),
            ("-", "Troops shelled Marib on 5 March.", "5 March => - unknown"),
            ("2020-03-10", "Police fired on marchers on March 3 in Santiago.", "March 3 => 2020-03-03 day"),
            ("2020-03-10", "The camp was raided on 3rd March by soldiers.", "3rd March => 2020-03-03 day"),
            ("2020-03-10", "Troops withdrew on Sunday 1 March 2020 from the town.", "Sunday 1 March 2020 => 2020-03-01 day"),
            ("2020-03-10", "The group grew stronger in early 2019 in Cabo Delgado.", "early 2019 => 2019-01-01 year"),
            ("2020-03-10", "The mine was seized in late 2018 by militiamen.", "late 2018 => 2018-01-01 year"),
            ("2020-03-10", "The town was held by rebels until June 2018.", "June 2018 => 2018-06-01 month"),
            ("2020-03-10", "Fighting raged between January and March in Tigray.", "January => 2020-01-01 month"),
            ("2020-01-01", "A bomb exploded on Dec. 31 in Kabul.", "Dec. 31 => 2019-12-31 day"),
            ("2020-01-01", "A bomb exploded on 1 January in Kabul.", "1 January => 2020-01-01 day"),
            ("2021-01-02", "Gunmen killed ten farmers in January.", "January => 2021-01-01 month"),
            ("2021-01-02", "Gunmen killed ten farmers in December.", "December => 2020-12-01 month"),
            ("2020-12-15", "The town fell last December to the rebels.", "last December => 2019-12-01 month"),
            ("2020-03-10", "Under a 2018 deal with Russia, Turkey kept 12 posts.", ""),
            ("2020-03-10", "The nine-year conflict has killed thousands.", ""),
            ("2020-03-10", "The shooting on 12/25/2019 killed three.", "12/25/2019 => 2019-12-25 day"),
            ("2020-03-10", "In the first week of March, militants burned the school.", "March => 2020-03-01 month"),
            ("2020-03-10", "On Sept. 11, 2019, a drone hit the refinery.", "Sept. 11, 2019 => 2019-09-11 day"),
            ("2020-03-10", "The ceasefire signed in Doha on 29 February 2020 held for weeks.", "29 February 2020 => 2020-02-29 day"),
            ("2022-06-20", "Two bodies were found between 3 and 10 June near Tacna.", "3 and 10 June => 2022-06-07 week"),
            ("2022-06-20", "Around 7 June 2022 (between 3 - 10 June), two men were killed.", "Around 7 June 2022 => 2022-06-07 week | 3 - 10 June => 2022-06-07 week background"),
            ("2022-02-20", "On 11 February (9 February by other accounts), troops shelled Gao.", "11 February => 2022-02-11 day | 9 February => 2022-02-09 day background"),
            ("2022-01-20", "A soldier from the 5th Support Brigade opened fire on a bus.", ""),
            ("2022-01-20", "Officers from the 3rd Battalion arrested two men on 16 January.", "16 January => 2022-01-16 day"),
        ];
        for (published, sentence, expected) in rows {
            check(published, sentence, expected);
        }
    }

    #[test]
    #[rustfmt::skip]
    fn words_that_look_like_dates_are_not_dates() {
        let rows = [
            ("2020-02-28", "Theresa May said the talks had failed.", ""),
            ("2020-02-28", "Thousands march on parliament to protest.", ""),
            ("2020-02-28", "The fighting may spread to Hama.", ""),
            ("2020-02-28", "The blast killed 2019 people, a typo says.", ""),
            ("2020-02-28", "Turkey has 12 observation posts in the region.", ""),
            ("2020-02-28", "The bomb was 27km from the border.", ""),
            ("2020-02-28", "The curfew starts at 10:30 each night.", ""),
            ("2020-02-28", "The militants fired 16 mortar shells.", ""),
            ("2020-02-28", "The Sun reported the attack.", ""),
        ];
        for (published, sentence, expected) in rows {
            check(published, sentence, expected);
        }
    }

    #[test]
    #[rustfmt::skip]
    fn weekdays() {
        // 2020-02-28 is a Friday.
        let rows = [
            ("2020-02-28", "33 troops were killed in the attack late Thursday.", "late Thursday => 2020-02-27 day"),
            ("2020-02-28", "Rebels retook the town from government forces on Thursday.", "Thursday => 2020-02-27 day"),
            ("2020-02-28", "Militants ambushed a convoy on Sunday night.", "Sunday night => 2020-02-23 day"),
            ("2020-08-19", "Two sticky bombs exploded early on Wednesday in Kabul.", "early on Wednesday => 2020-08-19 day"),
            ("2020-08-19", "The group claimed a mortar attack on Tuesday in Kabul.", "Tuesday => 2020-08-18 day"),
            ("2020-02-28", "Protesters were dispersed on Friday in Algiers.", "Friday => 2020-02-28 day"),
            ("2020-02-28", "Protesters were dispersed last Friday in Algiers.", "last Friday => 2020-02-21 day"),
            ("2020-02-28", "Shots were fired on Monday evening near the base.", "Monday evening => 2020-02-24 day"),
            ("2020-02-28", "Thursday's attack killed nine people.", "Thursday => 2020-02-27 day"),
            ("2020-02-28", "A bomb exploded on Thursday, Feb. 27, in the market.", "Thursday, Feb. 27 => 2020-02-27 day"),
            ("2020-02-28", "A bomb exploded on Wednesday (26 February) in Mogadishu.", "Wednesday (26 February) => 2020-02-26 day"),
            ("2021-01-02", "Gunmen attacked a bus on Thursday in Niger.", "Thursday => 2020-12-31 day"),
            ("2021-01-02", "Gunmen attacked a bus on Saturday morning in Niger.", "Saturday morning => 2021-01-02 day"),
            ("2024-03-01", "The market was shelled on Thursday.", "Thursday => 2024-02-29 day"),
            ("2020-02-28", "Talks will resume next Monday in Geneva.", "next Monday => 2020-03-02 day"),
            ("2020-02-28", "The army withdrew later on Tuesday.", "later on Tuesday => 2020-02-25 day"),
            ("-", "33 troops were killed in the attack late Thursday.", "late Thursday => - unknown"),
            ("2020-02-28", "Fighting was reported Thu, Feb 27 in Idlib.", "Thu, Feb 27 => 2020-02-27 day"),
            ("2020-02-28", "Students took to the streets on thursday.", ""),
            ("2020-03-01", "The market was shelled on Saturday.", "Saturday => 2020-02-29 day"),
            ("2021-01-02", "Gunmen attacked a church last Saturday.", "last Saturday => 2020-12-26 day"),
            ("2021-01-02", "The bodies were found on Friday's patrol.", "Friday => 2021-01-01 day"),
            ("2019-06-03", "Late on Saturday, the jihadists blasted into a base in Marte.", "Late on Saturday => 2019-06-01 day"),
            ("2019-06-03", "The convoy was ambushed on Tuesday afternoon near Goma.", "Tuesday afternoon => 2019-05-28 day"),
            ("2016-06-24", "The government and the FARC on Thursday signed a ceasefire.", "Thursday => 2016-06-23 day"),
            ("2022-08-09", "Last Thursday, nine volunteers were killed in Bourzanga.", "Last Thursday => 2022-08-04 day"),
            ("2019-05-28", "On the intervening night of Thursday and Friday, troops killed a commander.", "Thursday and Friday => 2019-05-23 day"),
            ("2020-02-28", "Protests went on from Monday to Wednesday night in Beirut.", "Monday to Wednesday night => 2020-02-24 day"),
        ];
        for (published, sentence, expected) in rows {
            check(published, sentence, expected);
        }
    }

    #[test]
    #[rustfmt::skip]
    fn relative_expressions() {
        // 2020-02-28 is a Friday.
        let rows = [
            ("2020-02-28", "Two policemen were shot dead yesterday in Peshawar.", "yesterday => 2020-02-27 day"),
            ("2020-02-28", "Police dispersed the rally today in Minsk.", "today => 2020-02-28 day"),
            ("2020-02-28", "A bomb exploded this morning in the market.", "this morning => 2020-02-28 day"),
            ("2020-02-28", "Gunmen attacked a checkpoint last night.", "last night => 2020-02-27 day"),
            ("2020-02-28", "Warplanes pounded the town overnight.", "overnight => 2020-02-27 day"),
            ("2020-02-28", "Protesters had gathered the day before.", "the day before => 2020-02-27 day"),
            ("2019-08-14", "Last week, forces took control of the town.", "Last week => 2019-08-07 week"),
            ("2020-02-28", "Syrian troops recaptured the highway earlier this month.", "earlier this month => 2020-02-01 month"),
            ("2020-02-28", "More than 200 people have died this month.", "this month => 2020-02-01 month"),
            ("2017-06-03", "Dozens were killed last month in a raid on the base.", "last month => 2017-05-01 month"),
            ("2021-01-02", "Dozens were killed last month in a raid.", "last month => 2020-12-01 month"),
            ("2020-02-28", "The group seized two districts earlier this year.", "earlier this year => 2020-01-01 year"),
            ("2021-01-02", "The militia was formed last year.", "last year => 2020-01-01 year"),
            ("2020-02-28", "Militants stormed a prison two days ago.", "two days ago => 2020-02-26 day"),
            ("2020-02-28", "Gunmen stormed the church three weeks ago.", "three weeks ago => 2020-02-07 week"),
            ("2020-02-28", "The town fell 10 days ago.", "10 days ago => 2020-02-18 day"),
            ("2020-02-28", "The town fell a month ago.", "a month ago => 2020-01-01 month"),
            ("2020-02-28", "A similar attack happened a week earlier.", "a week earlier => 2020-02-21 week"),
            ("2020-02-28", "The bodies were found two days later.", "two days later => 2020-03-01 day"),
            ("2020-02-28", "Another attack came three days before.", "three days before => 2020-02-25 day"),
            ("2020-02-28", "The vote was held three days before the attack.", ""),
            ("2020-02-28", "A couple of days ago, police raided the office.", "A couple of days ago => 2020-02-26 day"),
            ("2020-03-02", "Clashes over the weekend killed nine people.", "over the weekend => 2020-02-29 week"),
            ("2020-02-28", "Police arrested 40 students earlier this week.", "earlier this week => 2020-02-26 week"),
            ("2020-02-28", "Students clashed with police late last week.", "late last week => 2020-02-21 week"),
            ("2021-01-01", "Fireworks were banned yesterday.", "yesterday => 2020-12-31 day"),
            ("2020-03-01", "The strike hit a market yesterday.", "yesterday => 2020-02-29 day"),
            ("-", "Two policemen were shot dead yesterday.", "yesterday => - unknown"),
            ("-", "Syrian troops recaptured the highway earlier this month.", "earlier this month => - unknown"),
            ("2021-01-02", "Police arrested 30 protesters last week in Minsk.", "last week => 2020-12-26 week"),
            ("2021-01-02", "The group has claimed 12 attacks this year.", "this year => 2021-01-01 year"),
            ("2020-02-28", "The militia took the city five years ago.", "five years ago => 2015-01-01 year"),
            ("2020-02-28", "Protesters returned to the square tonight.", "tonight => 2020-02-28 day"),
            ("2020-02-28", "A suicide bomber struck a mosque earlier today.", "earlier today => 2020-02-28 day"),
            ("2020-03-02", "Militants attacked two villages this past weekend.", "this past weekend => 2020-02-29 week"),
            ("2020-02-28", "The hostages were freed two weeks later.", "two weeks later => 2020-03-13 week"),
            ("2022-05-30", "On 20 May 2022, overnight, militants attacked a base in Hudur.", "20 May 2022 => 2022-05-20 day | overnight => 2022-05-20 day"),
            ("2022-05-30", "On Sunday, rebels shelled the town and returned that night.", "Sunday => 2022-05-29 day | that night => 2022-05-29 day"),
            ("2022-05-30", "Rebels stormed a camp on 12 May and left the next day.", "12 May => 2022-05-12 day | the next day => 2022-05-13 day"),
        ];
        for (published, sentence, expected) in rows {
            check(published, sentence, expected);
        }
    }

    #[test]
    #[rustfmt::skip]
    fn roles() {
        let rows = [
            ("2020-02-28", "The deaths were an escalation in a conflict waged since early February.", "early February => 2020-02-01 month start"),
            ("2020-02-28", "Almost 950,000 civilians have been displaced since early December.", "early December => 2019-12-01 month start"),
            ("2020-02-28", "The air strike killed 33 soldiers, the worst toll since it first intervened in Syria in 2016.", "2016 => 2016-01-01 year background"),
            ("2020-02-28", "Starting in April, rebels blockaded the road.", "April => 2019-04-01 month start"),
            ("2020-02-28", "Turkey's ambassador told the Security Council on Thursday that Turkey was committed.", "Thursday => 2020-02-27 day reporting"),
            ("2020-02-28", "Five people were killed, police said Thursday.", "Thursday => 2020-02-27 day reporting"),
            ("2020-02-28", "The ministry said in a statement on Monday that 12 militants died on Sunday.", "Monday => 2020-02-24 day reporting | Sunday => 2020-02-23 day"),
            ("2020-02-28", "Police said the attack on Thursday killed five.", "Thursday => 2020-02-27 day"),
            ("2020-02-28", "Fighting has continued since Monday in the north.", "Monday => 2020-02-24 day start"),
            ("2019-06-03", "date 2019-06-03 Boko Haram fighters attacked a base in Borno.", "2019-06-03 => 2019-06-03 day reporting"),
            ("2019-06-03", "Published: 3 June 2019. Gunmen killed a chief.", "3 June 2019 => 2019-06-03 day reporting"),
            ("2019-06-05", "Last updated on 4 June 2019 Gunmen killed a chief.", "4 June 2019 => 2019-06-04 day reporting"),
        ];
        for (published, sentence, expected) in rows {
            check(published, sentence, expected);
        }
    }

    /// `expected` is the governing expression, "" for none.
    fn check_pick(sentence: &str, anchor_word: &str, expected: &str) {
        let published = Some(date("2020-02-28"));
        let anchor = sentence.find(anchor_word).expect("anchor word in sentence");
        let picked = date_for(sentence, anchor, published);
        let text = picked.as_ref().map_or("", |m| m.span.slice(sentence));
        assert_eq!(text, expected, "{sentence:?} at {anchor_word:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn picks_the_governing_date() {
        let rows = [
            ("An air strike killed 33 soldiers, the worst toll since it first intervened in Syria in 2016.", "killed", ""),
            ("The attack on Tuesday came two days after clashes on Sunday killed five.", "clashes", "Sunday"),
            ("The attack on Tuesday came two days after clashes on Sunday killed five.", "attack", "Tuesday"),
            ("Rebels attacked the town on Monday, in the worst violence this month.", "attacked", "Monday"),
            ("The ministry said on Monday that 12 militants died in clashes in February.", "clashes", "February"),
            ("The ambassador told the council on Thursday that Turkey was committed.", "committed", "Thursday"),
            ("Displacement has continued since early December as troops advanced on Monday.", "advanced", "Monday"),
            ("Shelling has continued since early December.", "Shelling", ""),
        ];
        for (sentence, anchor, expected) in rows {
            check_pick(sentence, anchor, expected);
        }
    }

    #[test]
    fn period_starts_and_document_defaults() {
        let start = period_start(
            "According to the United Nations, almost 950,000 civilians have been displaced since early December.",
            Some(date("2020-02-28")),
        )
        .expect("a period start");
        assert_eq!(start.date.value, Some(date("2019-12-01")));
        assert_eq!(start.date.precision, precision("month"));

        let mentions = [
            find_dates(
                "Rebels retook the town on Thursday.",
                Some(date("2020-02-28")),
            ),
            find_dates(
                "The attack late Thursday killed 33.",
                Some(date("2020-02-28")),
            ),
            find_dates("Talks were held on Tuesday.", Some(date("2020-02-28"))),
        ];
        let dominant = dominant_day(mentions.iter().flatten());
        assert_eq!(dominant, Some(date("2020-02-27")));
        let default = document_default(Some(date("2020-02-28")), dominant);
        assert_eq!(default.value, Some(date("2020-02-27")));
        assert_eq!(default.precision, DatePrecision::Week);
        let fallback = document_default(Some(date("2020-02-28")), None);
        assert_eq!(fallback.value, Some(date("2020-02-28")));
        let unknown = document_default(None, None);
        assert_eq!(
            (unknown.value, unknown.precision),
            (None, DatePrecision::Unknown)
        );
    }

    #[test]
    fn reference_dates_anchor_relative_expressions() {
        let context = DateContext {
            published: Some(date("2020-02-28")),
            reference: Some(date("2020-02-20")),
        };
        let found = find_dates_in("The army retook the village the next day.", context);
        assert_eq!(found[0].date.value, Some(date("2020-02-21")));
        let found = find_dates_in("The army retook the village two days ago.", context);
        assert_eq!(found[0].date.value, Some(date("2020-02-26")));
    }

    #[test]
    fn earlier_sentences_give_the_reference_date() {
        let found = find_dates_in_sentences(
            [
                "Gunmen attacked Kagara on Monday.",
                "Police said on Thursday that the gunmen returned the next day.",
                "Another attack took place that day.",
            ],
            Some(date("2020-02-28")),
        );
        let values: Vec<Vec<String>> = found
            .iter()
            .map(|mentions| {
                mentions
                    .iter()
                    .map(|m| m.date.value.map(|d| d.to_string()).unwrap_or_default())
                    .collect()
            })
            .collect();
        assert_eq!(
            values,
            [
                vec!["2020-02-24"],
                vec!["2020-02-27", "2020-02-25"],
                vec!["2020-02-25"],
            ]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs = [
            "",
            "  ",
            "99/99/9999",
            "on the 99th",
            "31/31/31",
            "2100-12-31 and 1900-01-01",
            "\u{1F600} Thursday \u{1F600} 27 février",
            "the 31st of February",
            "4294967296 days ago",
            "999 years ago",
            "Feb.",
            "on the",
            "since",
            "last",
        ];
        for input in inputs {
            let _ = find_dates(input, Some(date("2020-02-28")));
            let _ = find_dates(input, None);
            let _ = date_for(input, 3, None);
        }
        assert!(find_dates("999 years ago", NaiveDate::from_ymd_opt(1, 1, 1)).len() <= 1);
    }
}
