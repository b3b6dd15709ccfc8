//! Number expressions in one sentence, read as ranges and classified.
//!
//! In: one sentence. Out: every number expression in it ([`find_numbers`]), each
//! with its byte span, the range of values the text supports ([`Count`]) and what it
//! counts ([`NumberKind`]): people (or anything not known to be otherwise), things,
//! years, dates, ages, durations, times, money, percentages, measurements, ranks and
//! identifiers. "at least 5" is {5, null}, "more than 300" {301, null}, "almost
//! 950,000" {902500, 950000}, "dozens" {24, null}, "10 to 15" {10, 15}.
//!
//! The words come from `lexicons/numbers/` (number words, vague quantities,
//! qualifiers, month names, the context words that mark years, ages, units and money)
//! and `lexicons/casualties/people.tsv` (nouns for people). One tokenisation pass,
//! then one left-to-right scan; the lexicons are compiled once per process.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use sitrep_lexicon::{tsv, LexiconError};
use sitrep_model::{Count, Span};

/// What a number expression counts or denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A count of people, or of something not known to be anything else.
    Count,
    /// A count of things that are not people ("12 observation posts", "20 villages").
    Unit,
    /// A calendar year ("in 2016") or decade ("the 1990s").
    Year,
    /// A day of a month ("27 February", "Feb. 27", "27/02/2020").
    Date,
    /// An age ("a 12-year-old", "aged 35").
    Age,
    /// A length of time ("two days", "a nine-year conflict").
    Duration,
    /// A clock time ("3 p.m.", "15:30").
    Time,
    /// An amount of money ("$5 million", "200 naira").
    Money,
    /// A percentage ("40%", "12 per cent").
    Percent,
    /// A measurement ("5 km", "155mm").
    Measure,
    /// A rank ("third", "27th").
    Ordinal,
    /// A name that contains a number ("Resolution 2254", "Flight 17", "F-16").
    Identifier,
}

/// One number expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMatch {
    /// Bytes of the whole expression, qualifier included ("at least 5").
    pub span: Span,
    /// The range of values the text supports.
    pub count: Count,
    /// What the number counts or denotes.
    pub kind: NumberKind,
    /// Whether the amount is vague ("dozens", "several", "a number of").
    pub vague: bool,
    /// Whether a qualifier made it approximate ("about 40", "some 300").
    pub approximate: bool,
    /// ACLED's single number for it as a fatality count: the lowest value reported,
    /// or the codebook's convention for a vague amount ("dozens" is 12).
    pub acled: u32,
    /// The noun phrase counted, up to its head ("Turkish soldiers"), when one follows.
    pub noun: Option<Span>,
    /// The population group of the head noun when it names people ("military").
    pub group: Option<&'static str>,
}

/// All number expressions in `sentence`, left to right, never overlapping.
///
/// ```
/// use sitrep_extract::numbers::{find_numbers, NumberKind};
/// let s = "Almost 950,000 civilians have fled since 2019.";
/// let found = find_numbers(s);
/// assert_eq!(found[0].span.slice(s), "Almost 950,000");
/// assert_eq!(found[0].count.max, Some(950_000));
/// assert_eq!(found[1].kind, NumberKind::Year);
/// ```
pub fn find_numbers(sentence: &str) -> Vec<NumberMatch> {
    let tokens = Tokens::new(sentence);
    scan(&tokens).into_iter().map(|n| n.found).collect()
}

/// Problems found in the bundled number lexicons (empty when they are well formed).
pub fn lexicon_problems() -> &'static [LexiconError] {
    &LEXICON.problems
}

// ---------------------------------------------------------------------------
// Tokens

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and digits after a letter: "M5"), with inner apostrophes.
    Word,
    /// Digits with thousands separators, a decimal part or a clock colon.
    Num,
    /// Any other single character.
    Punct,
}

/// One token: its bytes, kind, and whether whitespace separates it from the previous one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    /// No whitespace between this token and the previous one.
    pub(crate) glued: bool,
    /// Byte range of the lower-cased form in [`Tokens::norm`].
    norm: (u32, u32),
}

/// A sentence split into tokens, with lower-cased forms for lexicon look-ups.
pub(crate) struct Tokens<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Token>,
    /// The text, then the lower-cased forms of the tokens that are not lower-case
    /// ASCII already (those are read in the copy of the text).
    norm: String,
}

impl<'a> Tokens<'a> {
    /// Tokenises `text` in one pass.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 4 + 1);
        let mut norm = String::with_capacity(2 * text.len());
        norm.push_str(text);
        let bytes = text.as_bytes();
        let mut glued = false;
        let mut i = 0;
        while i < text.len() {
            // ASCII fast path for the common characters.
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                glued = false;
                continue;
            }
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                match text[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                glued = false;
                continue;
            }
            let start = i;
            let kind = if c.is_ascii_digit() {
                i = scan_digits(bytes, i);
                TokenKind::Num
            } else if c.is_alphanumeric() {
                i = scan_word(text, i);
                TokenKind::Word
            } else {
                i += c.len_utf8();
                TokenKind::Punct
            };
            let piece = &text[start..i];
            if piece
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                toks.push(Token {
                    span: Span::new(start, i),
                    kind,
                    glued,
                    norm: (start as u32, i as u32),
                });
                glued = true;
                continue;
            }
            let norm_start = norm.len() as u32;
            if piece.is_ascii() {
                norm.push_str(piece);
                norm[norm_start as usize..].make_ascii_lowercase();
            } else {
                for ch in piece.chars() {
                    match ch {
                        '\u{2019}' | '\u{2018}' => norm.push('\''),
                        _ if ch.is_ascii() => norm.push(ch.to_ascii_lowercase()),
                        _ => norm.extend(ch.to_lowercase()),
                    }
                }
            }
            toks.push(Token {
                span: Span::new(start, i),
                kind,
                glued,
                norm: (norm_start, norm.len() as u32),
            });
            glued = true;
        }
        Tokens { text, toks, norm }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lower-cased form of token `i` ("" past the end).
    pub(crate) fn norm(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.norm.get(t.norm.0 as usize..t.norm.1 as usize))
            .unwrap_or("")
    }

    /// Token `i` as written ("" past the end).
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// Kind of token `i`, if there is one.
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word.
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Whether token `i` directly follows the previous one, without whitespace.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Whether token `i` starts with a capital letter.
    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a hyphen or dash.
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && matches!(self.norm(i), "-" | "\u{2013}")
    }

    /// Byte span from the start of token `from` to the end of token `to - 1`.
    pub(crate) fn span(&self, from: usize, to: usize) -> Span {
        match (
            self.toks.get(from),
            to.checked_sub(1).and_then(|t| self.toks.get(t)),
        ) {
            (Some(a), Some(b)) if to > from => Span::new(a.span.start, b.span.end),
            (Some(a), _) => Span::new(a.span.start, a.span.start),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }
}

fn scan_digits(bytes: &[u8], mut i: usize) -> usize {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    while digit(i) {
        i += 1;
    }
    let mut decimal = false;
    loop {
        match bytes.get(i) {
            Some(b',') if digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) => i += 4,
            Some(b'.') if !decimal && digit(i + 1) => {
                decimal = true;
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b':') if digit(i + 1) && digit(i + 2) && !digit(i + 3) => i += 3,
            _ => return i,
        }
    }
}

fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut segment = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_alphanumeric() || b == b'_' {
            segment += 1;
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if !b.is_ascii() && c.is_alphanumeric() {
            segment += 1;
            at += c.len_utf8();
            continue;
        }
        let mut after = text[at + c.len_utf8()..].chars();
        let next = after.next();
        let apostrophe = matches!(c, '\'' | '\u{2019}') && next.is_some_and(char::is_alphabetic);
        // Dotted abbreviations: "U.N", "p.m" (the final period stays punctuation).
        let dotted = c == '.'
            && segment == 1
            && next.is_some_and(char::is_alphabetic)
            && !after.next().is_some_and(char::is_alphanumeric);
        if !(apostrophe || dotted) {
            break;
        }
        segment = 0;
        at += c.len_utf8();
    }
    // Never end on an apostrophe or period: the loop only crosses them before a letter.
    at
}

// ---------------------------------------------------------------------------
// Lexicons

/// A fast, non-cryptographic hash for short lexicon keys (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map keyed by lexicon words, with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set of lexicon words, with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A table of token sequences, looked up by their first token.
pub(crate) struct PhraseTable<T> {
    by_first: FastMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: FastMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase; returns false when it has no tokens or is already present.
    pub(crate) fn insert(&mut self, phrase: &str, value: T) -> bool {
        let tokens = Tokens::new(phrase);
        let words: Vec<String> = (0..tokens.len())
            .map(|i| tokens.norm(i).to_string())
            .collect();
        let Some((first, rest)) = words.split_first() else {
            return false;
        };
        let entries = self.by_first.entry(first.clone()).or_default();
        if entries.iter().any(|(r, _)| r == rest) {
            return false;
        }
        entries.push((rest.to_vec(), value));
        entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        true
    }

    /// The longest phrase starting at token `i`: its end (exclusive) and value.
    pub(crate) fn longest_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, &T)> {
        let entries = self.by_first.get(tokens.norm(i))?;
        entries.iter().find_map(|(rest, value)| {
            let fits = rest
                .iter()
                .enumerate()
                .all(|(k, w)| i + 1 + k < tokens.len() && tokens.norm(i + 1 + k) == w);
            fits.then_some((i + 1 + rest.len(), value))
        })
    }

    /// The first words of all phrases.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = String> + '_ {
        self.by_first.keys().cloned()
    }

    /// Whether the table holds a one-word phrase `word`.
    pub(crate) fn has_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|e| e.iter().any(|(r, _)| r.is_empty()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordRole {
    Cardinal,
    Scale,
    Suffix,
    Ordinal,
}

#[derive(Debug, Clone, Copy)]
struct Vague {
    min: Option<u32>,
    max: Option<u32>,
    acled: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    AtLeast,
    Above,
    Nearly,
    Below,
    UpTo,
    About,
    Between,
}

/// Classes of context words (lexicons/numbers/units.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Duration,
    Age,
    Clock,
    Money,
    Percent,
    Measure,
    Identifier,
    Thing,
}

/// A noun for people (lexicons/casualties/people.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Person {
    /// Whether the noun is singular ("policeman") rather than plural ("police").
    pub(crate) singular: bool,
    /// Population group ("military", "civilians").
    pub(crate) group: &'static str,
}

struct Lexicon {
    words: FastMap<String, (f64, WordRole)>,
    vague: PhraseTable<Vague>,
    qualifiers: PhraseTable<Qualifier>,
    months: FastMap<String, u32>,
    after: FastMap<String, Class>,
    before: FastMap<String, Class>,
    function: FastSet<String>,
    people: FastMap<String, Person>,
    /// Every word that can start a number expression (number words, the first words
    /// of vague quantities and qualifiers, money words, "a"/"an").
    starters: FastSet<String>,
    /// Person, function and thing words merged, for one look-up per token.
    classes: FastMap<String, WordClass>,
    problems: Vec<LexiconError>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

fn bound(text: &str) -> Result<Option<u32>, String> {
    match text {
        "-" | "" => Ok(None),
        n => n
            .parse()
            .map(Some)
            .map_err(|_| format!("`{n}` is not a whole number or `-`")),
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            words: FastMap::default(),
            vague: PhraseTable::default(),
            qualifiers: PhraseTable::default(),
            months: FastMap::default(),
            after: FastMap::default(),
            before: FastMap::default(),
            function: FastSet::default(),
            people: FastMap::default(),
            starters: FastSet::default(),
            classes: FastMap::default(),
            problems: Vec::new(),
        };
        let mut problems = Vec::new();
        const WORDS: &str = "lexicons/numbers/words.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("numbers/words.tsv")) {
            let role = match row.get(2) {
                "cardinal" => WordRole::Cardinal,
                "scale" => WordRole::Scale,
                "suffix" => WordRole::Suffix,
                "ordinal" => WordRole::Ordinal,
                other => {
                    problems.push(row.error(
                        WORDS,
                        format!("unknown role `{other}`: use cardinal, scale, suffix or ordinal"),
                    ));
                    continue;
                }
            };
            match row.get(1).parse::<f64>() {
                Ok(value) => {
                    lex.words.insert(row.get(0).to_lowercase(), (value, role));
                }
                Err(_) => problems.push(row.error(WORDS, "the value column must be a number")),
            }
        }
        const VAGUE: &str = "lexicons/numbers/vague.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("numbers/vague.tsv")) {
            match (
                bound(row.get(1)),
                bound(row.get(2)),
                row.get(3).parse::<u32>(),
            ) {
                (Ok(min), Ok(max), Ok(acled)) => {
                    if !lex.vague.insert(row.get(0), Vague { min, max, acled }) {
                        problems.push(row.error(VAGUE, "duplicate or empty phrase"));
                    }
                }
                _ => problems.push(row.error(
                    VAGUE,
                    "min and max must be whole numbers or `-`, acled a whole number",
                )),
            }
        }
        const QUALIFIERS: &str = "lexicons/numbers/qualifiers.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("numbers/qualifiers.tsv")) {
            let effect = match row.get(1) {
                "at_least" => Qualifier::AtLeast,
                "above" => Qualifier::Above,
                "nearly" => Qualifier::Nearly,
                "below" => Qualifier::Below,
                "up_to" => Qualifier::UpTo,
                "about" => Qualifier::About,
                "between" => Qualifier::Between,
                other => {
                    problems.push(row.error(QUALIFIERS, format!("unknown effect `{other}`")));
                    continue;
                }
            };
            if !lex.qualifiers.insert(row.get(0), effect) {
                problems.push(row.error(QUALIFIERS, "duplicate or empty phrase"));
            }
        }
        const MONTHS: &str = "lexicons/numbers/months.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("numbers/months.tsv")) {
            match row.get(1).parse::<u32>() {
                Ok(m @ 1..=12) => {
                    lex.months.insert(row.get(0).to_lowercase(), m);
                }
                _ => problems.push(row.error(MONTHS, "the month number must be 1 to 12")),
            }
        }
        const UNITS: &str = "lexicons/numbers/units.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("numbers/units.tsv")) {
            let class = match row.get(2) {
                "duration" => Class::Duration,
                "age" => Class::Age,
                "clock" => Class::Clock,
                "money" => Class::Money,
                "percent" => Class::Percent,
                "measure" => Class::Measure,
                "identifier" => Class::Identifier,
                "thing" => Class::Thing,
                other => {
                    problems.push(row.error(UNITS, format!("unknown class `{other}`")));
                    continue;
                }
            };
            let table = match row.get(1) {
                "after" => &mut lex.after,
                "before" => &mut lex.before,
                other => {
                    problems.push(row.error(
                        UNITS,
                        format!("side must be before or after, not `{other}`"),
                    ));
                    continue;
                }
            };
            table.entry(row.get(0).to_lowercase()).or_insert(class);
        }
        for row in tsv::rows(sitrep_text::lexicon!("numbers/function-words.tsv")) {
            lex.function.insert(row.get(0).to_lowercase());
        }
        const PEOPLE: &str = "lexicons/casualties/people.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("casualties/people.tsv")) {
            let singular = match row.get(1) {
                "sg" => true,
                "pl" => false,
                other => {
                    problems
                        .push(row.error(PEOPLE, format!("number must be sg or pl, not `{other}`")));
                    continue;
                }
            };
            let group: &'static str = Box::leak(row.get(2).to_string().into_boxed_str());
            if lex
                .people
                .insert(row.get(0).to_lowercase(), Person { singular, group })
                .is_some()
            {
                problems.push(row.error(PEOPLE, "duplicate noun"));
            }
        }
        let mut starters: FastSet<String> = lex.words.keys().cloned().collect();
        starters.extend(lex.vague.first_words());
        starters.extend(lex.qualifiers.first_words());
        starters.extend(
            lex.before
                .iter()
                .filter(|(_, c)| **c == Class::Money)
                .map(|(w, _)| w.clone()),
        );
        starters.extend(["a".to_string(), "an".to_string()]);
        lex.starters = starters;
        let mut classes: FastMap<String, WordClass> = FastMap::default();
        for (w, p) in &lex.people {
            classes.entry(w.clone()).or_default().person = Some(*p);
        }
        for w in &lex.function {
            classes.entry(w.clone()).or_default().function = true;
        }
        for (w, c) in &lex.after {
            if *c == Class::Thing {
                classes.entry(w.clone()).or_default().thing = true;
            }
        }
        lex.classes = classes;
        lex.problems = problems;
        lex
    }
}

/// What a word is to the noun-phrase readers: a person noun, a function word, a thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordClass {
    /// The person noun it is, if any.
    pub(crate) person: Option<Person>,
    /// Whether it ends a noun phrase.
    pub(crate) function: bool,
    /// Whether it names a thing that is not a person.
    pub(crate) thing: bool,
}

/// The class of a lower-cased word, in one look-up.
pub(crate) fn word_class(word: &str) -> WordClass {
    LEXICON.classes.get(word).copied().unwrap_or_default()
}

/// The person noun `word` names, if any.
pub(crate) fn person(word: &str) -> Option<Person> {
    LEXICON.people.get(word).copied()
}

/// Whether `word` is a function word that ends a noun phrase.
pub(crate) fn is_function_word(word: &str) -> bool {
    LEXICON.function.contains(word)
}

/// The month number of token `i` when it is a capitalised month name.
pub(crate) fn month_at(tokens: &Tokens, i: usize) -> Option<u32> {
    if !tokens.capitalised(i) {
        return None;
    }
    LEXICON.months.get(tokens.norm(i)).copied()
}

// ---------------------------------------------------------------------------
// Scanning

/// A number match with its token positions, for the other extractors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) found: NumberMatch,
    /// First token of the expression (qualifier included).
    pub(crate) first: usize,
    /// One past the last token of the expression.
    pub(crate) end: usize,
    /// One past the counted noun phrase (equal to `end` when there is none).
    pub(crate) noun_end: usize,
    /// Whether the head noun names people.
    pub(crate) people: bool,
    /// Whether the head noun is singular.
    pub(crate) singular_noun: bool,
}

/// The core of an expression: the number itself, without qualifier.
#[derive(Debug, Clone, Copy)]
struct Core {
    end: usize,
    min: Option<f64>,
    max: Option<f64>,
    vague: bool,
    acled: Option<u32>,
    /// The digits as written, without separators or scale (for years and dates).
    plain: Option<u64>,
    ordinal: bool,
    clock: bool,
}

/// Every number expression in the tokens.
pub(crate) fn scan(tokens: &Tokens) -> Vec<Found> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Most words cannot start a number expression: one look-up rules them out.
        if tokens.kind(i) != Some(TokenKind::Num) && !lex.starters.contains(tokens.norm(i)) {
            i += 1;
            continue;
        }
        match expression(tokens, i, lex) {
            Some(found) => {
                i = found.end.max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

/// The number expression starting at token `i`, if one does.
pub(crate) fn scan_at(tokens: &Tokens, i: usize) -> Option<Found> {
    expression(tokens, i, &LEXICON)
}

fn to_u32(value: f64) -> u32 {
    if value.is_nan() || value <= 0.0 {
        0
    } else if value >= u32::MAX as f64 {
        u32::MAX
    } else {
        value.round() as u32
    }
}

fn expression(t: &Tokens, i: usize, lex: &Lexicon) -> Option<Found> {
    // A number glued after letters and a hyphen is part of a name: "F-16", "COVID-19".
    if t.kind(i) == Some(TokenKind::Num)
        && t.glued(i)
        && i >= 2
        && t.is_dash(i - 1)
        && t.glued(i - 1)
        && t.is_word(i - 2)
    {
        let end = skip_glued_suffix(t, i + 1);
        return Some(fixed(t, i, end, i, NumberKind::Identifier, None));
    }
    // "no one", "one another": not a count.
    if t.norm(i) == "one"
        && (i > 0 && t.norm(i - 1) == "no" || matches!(t.norm(i + 1), "another" | "side" | "by"))
    {
        return None;
    }
    let (qualifier, mut j) = match lex.qualifiers.longest_at(t, i) {
        Some((end, q)) => (Some(*q), end),
        None => (None, i),
    };
    let mut money = false;
    if j < t.len()
        && lex.before.get(t.norm(j)) == Some(&Class::Money)
        && t.kind(j) == Some(TokenKind::Punct)
    {
        money = true;
        j += 1;
    }
    if qualifier.is_some() && core(t, j, lex).is_none() {
        return None;
    }
    let first_core = j;
    let mut c = core(t, j, lex)?;
    let mut min = c.min;
    let mut max = c.max;
    let mut end = c.end;
    // Ranges: "between 10 and 15", "10 to 15", "10-15", "two or three".
    let joiner = t.norm(end);
    let is_joiner = if qualifier == Some(Qualifier::Between) {
        joiner == "and"
    } else {
        matches!(joiner, "to" | "or" | "-")
            && !(joiner == "-"
                && t.glued(end)
                && t.kind(end + 1) == Some(TokenKind::Word)
                && !t.glued(end + 1))
    };
    if is_joiner && !c.vague {
        if let Some(mut second) = core(t, end + 1, lex) {
            let low = min.unwrap_or(0.0);
            // "2019-20": a span of years written with the second year's last digits.
            let year = c.plain.filter(|y| (1800..=2100).contains(y));
            if let (Some(y), Some(short)) = (year, second.plain) {
                if short < 100 && t.norm(end + 1).len() == 2 && y % 100 < short {
                    let full = (y - y % 100 + short) as f64;
                    second.max = Some(full);
                    second.plain = Some(full as u64);
                }
            }
            if !second.vague
                && second.max.is_some_and(|hi| hi > low)
                && !(second.ordinal || c.ordinal)
            {
                max = second.max;
                end = second.end;
                c.plain = c.plain.filter(|_| second.plain.is_some_and(|p| p > 1000));
            }
        }
    }
    // Open upper bounds written after the number: "40 or more", "300-plus", "40-odd".
    let mut open = false;
    match t.norm(end) {
        "or" if matches!(t.norm(end + 1), "more" | "above") => {
            open = true;
            end += 2;
        }
        "+" if t.glued(end) => {
            open = true;
            end += 1;
        }
        _ if t.is_dash(end) && t.glued(end) && matches!(t.norm(end + 1), "plus" | "odd") => {
            open = true;
            end += 2;
        }
        "plus" | "odd"
            if !t.is_word(end + 1)
                || is_function_word(t.norm(end + 1))
                || person(t.norm(end + 1)).is_some() =>
        {
            open = true;
            end += 1;
        }
        _ => {}
    }
    if open {
        max = None;
    }
    let mut approximate = false;
    match qualifier {
        Some(Qualifier::AtLeast) => max = None,
        Some(Qualifier::Above) => {
            min = max.or(min).map(|v| v + 1.0);
            max = None;
        }
        Some(Qualifier::Nearly) => {
            let n = max.or(min).unwrap_or(0.0);
            let step = (n / 20.0).floor().max(1.0);
            min = Some((n - step).max(0.0));
            max = Some(n);
        }
        Some(Qualifier::Below) => {
            max = min.map(|v| (v - 1.0).max(0.0));
            min = None;
        }
        Some(Qualifier::UpTo) => {
            max = max.or(min);
            min = None;
        }
        Some(Qualifier::About) => approximate = true,
        Some(Qualifier::Between) | None => {}
    }
    let count = Count::range(min.map(to_u32), max.map(to_u32));
    let acled = c.acled.or(count.min).or(count.max).unwrap_or(0);
    let mut found = Found {
        found: NumberMatch {
            span: t.span(i, end),
            count,
            kind: NumberKind::Count,
            vague: c.vague,
            approximate,
            acled,
            noun: None,
            group: None,
        },
        first: i,
        end,
        noun_end: end,
        people: false,
        singular_noun: false,
    };
    let head = noun_phrase(t, end, c.vague || t.norm(end) == "of", lex);
    if let Some((from, head_at)) = head {
        found.found.noun = Some(t.span(from, head_at + 1));
        found.noun_end = head_at + 1;
        if let Some(p) = lex.people.get(t.norm(head_at)) {
            found.people = true;
            found.singular_noun = p.singular;
            found.found.group = Some(p.group);
        }
    }
    found.found.kind = if money {
        NumberKind::Money
    } else {
        classify(t, &found, first_core, &c, qualifier.is_some(), lex)
    };
    if found.found.kind != NumberKind::Count && found.found.kind != NumberKind::Unit {
        found.found.noun = None;
        found.found.group = None;
        found.noun_end = found.end;
        found.people = false;
    }
    Some(found)
}

/// A match of fixed kind over tokens `from..end` with the value of token `at`.
fn fixed(
    t: &Tokens,
    from: usize,
    end: usize,
    at: usize,
    kind: NumberKind,
    value: Option<u32>,
) -> Found {
    let value = value.or_else(|| t.norm(at).replace(',', "").parse::<f64>().ok().map(to_u32));
    Found {
        found: NumberMatch {
            span: t.span(from, end),
            count: Count::range(value, value),
            kind,
            vague: false,
            approximate: false,
            acled: value.unwrap_or(0),
            noun: None,
            group: None,
        },
        first: from,
        end,
        noun_end: end,
        people: false,
        singular_noun: false,
    }
}

fn skip_glued_suffix(t: &Tokens, i: usize) -> usize {
    if t.is_word(i) && t.glued(i) {
        i + 1
    } else {
        i
    }
}

/// Parses the number at token `i`: a vague phrase, digits, or number words.
fn core(t: &Tokens, i: usize, lex: &Lexicon) -> Option<Core> {
    if i >= t.len() {
        return None;
    }
    if let Some((end, v)) = lex.vague.longest_at(t, i) {
        // "many" and "several" only count when a noun or "of" follows or they stand alone.
        return Some(Core {
            end,
            min: v.min.map(f64::from),
            max: v.max.map(f64::from),
            vague: true,
            acled: Some(v.acled),
            plain: None,
            ordinal: false,
            clock: false,
        });
    }
    match t.kind(i)? {
        TokenKind::Num => Some(digits(t, i, lex)),
        TokenKind::Word => number_words(t, i, lex),
        TokenKind::Punct => None,
    }
}

fn digits(t: &Tokens, i: usize, lex: &Lexicon) -> Core {
    let raw = t.norm(i);
    let clock = raw.contains(':');
    let cleaned: String = raw.chars().filter(|c| *c != ',').collect();
    let mut value = cleaned
        .split(':')
        .next()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(0.0);
    let plain = (!raw.contains([',', '.', ':']))
        .then(|| raw.parse::<u64>().ok())
        .flatten();
    let mut end = i + 1;
    let mut ordinal = false;
    let next = t.norm(end);
    if t.is_word(end) && t.glued(end) {
        match lex.words.get(next) {
            Some((scale, WordRole::Suffix | WordRole::Scale)) => {
                value *= scale;
                end += 1;
            }
            _ if matches!(next, "st" | "nd" | "rd" | "th") => {
                ordinal = true;
                end += 1;
            }
            _ => {}
        }
    } else if let Some((scale, WordRole::Scale)) = lex.words.get(next) {
        if t.is_word(end) {
            value *= scale;
            end += 1;
        }
    }
    Core {
        end,
        min: Some(value),
        max: Some(value),
        vague: false,
        acled: None,
        plain: if end == i + 1 { plain } else { None },
        ordinal,
        clock,
    }
}

fn number_words(t: &Tokens, i: usize, lex: &Lexicon) -> Option<Core> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last: Option<(f64, WordRole)> = None;
    let mut k = i;
    let mut end = i;
    let mut ordinal = false;
    // "a hundred", "a dozen", "an estimated" (not here), "a million".
    if matches!(t.norm(k), "a" | "an") {
        match lex.words.get(t.norm(k + 1)) {
            Some((_, WordRole::Scale)) => {
                current = 1.0;
                last = Some((1.0, WordRole::Cardinal));
                k += 1;
            }
            _ => return None,
        }
    }
    while k < t.len() {
        if t.is_dash(k) && t.glued(k) && last.is_some() {
            // "thirty-three": a hyphen between two number words.
            match lex.words.get(t.norm(k + 1)) {
                Some((_, WordRole::Cardinal | WordRole::Ordinal)) if t.glued(k + 1) => {
                    k += 1;
                    continue;
                }
                _ => break,
            }
        }
        if t.norm(k) == "and" && matches!(last, Some((_, WordRole::Scale))) {
            match lex.words.get(t.norm(k + 1)) {
                Some((_, WordRole::Cardinal)) => {
                    k += 1;
                    continue;
                }
                _ => break,
            }
        }
        if !t.is_word(k) {
            break;
        }
        let Some(&(value, role)) = lex.words.get(t.norm(k)) else {
            break;
        };
        match role {
            WordRole::Cardinal | WordRole::Ordinal => {
                let fits = match last {
                    None => true,
                    Some((_, WordRole::Scale)) => true,
                    Some((prev, WordRole::Cardinal)) => {
                        (20.0..100.0).contains(&prev) && prev % 10.0 == 0.0 && value < 10.0
                    }
                    _ => false,
                };
                if !fits {
                    break;
                }
                current += value;
                if role == WordRole::Ordinal {
                    ordinal = true;
                    last = Some((value, role));
                    end = k + 1;
                    break;
                }
            }
            WordRole::Scale => {
                if last.is_none() {
                    break;
                }
                if value < 1000.0 {
                    current = current.max(1.0) * value;
                } else {
                    total += current.max(1.0) * value;
                    current = 0.0;
                }
            }
            WordRole::Suffix => break,
        }
        last = Some((value, role));
        k += 1;
        end = k;
    }
    if end == i || last.is_none() {
        return None;
    }
    let value = total + current;
    Some(Core {
        end,
        min: Some(value),
        max: Some(value),
        vague: false,
        acled: None,
        plain: None,
        ordinal,
        clock: false,
    })
}

/// The noun phrase after a number: its first token and its head (the last noun known
/// to name people or things), within four words and before any function word.
fn noun_phrase(t: &Tokens, mut k: usize, after_of: bool, lex: &Lexicon) -> Option<(usize, usize)> {
    if after_of && t.norm(k) == "of" {
        k += 1;
        if matches!(
            t.norm(k),
            "the" | "these" | "those" | "their" | "its" | "his" | "her"
        ) {
            k += 1;
        }
    }
    let from = k;
    let mut head = None;
    let mut words = 0;
    while k < t.len() && words < 5 {
        if t.is_dash(k) && t.glued(k) && t.is_word(k + 1) && t.glued(k + 1) {
            k += 1;
            continue;
        }
        // A parenthesis inside the phrase: "2 CDF (KKG) troops".
        if t.norm(k) == "(" && words > 0 {
            if let Some(close) = (k + 1..(k + 6).min(t.len())).find(|&c| t.norm(c) == ")") {
                k = close + 1;
                continue;
            }
        }
        if !t.is_word(k) || lex.function.contains(t.norm(k)) || lex.words.contains_key(t.norm(k)) {
            break;
        }
        let known = |w: &str| lex.people.contains_key(w) || lex.after.get(w) == Some(&Class::Thing);
        if known(t.norm(k)) {
            head = Some(k);
            // A known noun ends the phrase unless another known noun continues the
            // compound ("police stations"): "people need food" stops at "people".
            let next = if t.is_dash(k + 1) && t.glued(k + 1) {
                k + 2
            } else {
                k + 1
            };
            if !(t.is_word(next) && known(t.norm(next))) {
                break;
            }
        }
        words += 1;
        k += 1;
    }
    head.map(|h| (from, h))
}

fn classify(
    t: &Tokens,
    f: &Found,
    core_at: usize,
    c: &Core,
    qualified: bool,
    lex: &Lexicon,
) -> NumberKind {
    let before = core_at.checked_sub(1).map(|b| t.norm(b)).unwrap_or("");
    let before_class = core_at
        .checked_sub(1)
        .and_then(|b| lex.before.get(t.norm(b)));
    let next = f.end;
    // Skip a glued hyphen: "nine-year", "12-year-old".
    let after_at = if t.is_dash(next) && t.glued(next) {
        next + 1
    } else {
        next
    };
    let after = t.norm(after_at);
    let after_class = lex.after.get(after);
    if c.clock || after_class == Some(&Class::Clock) || (after == "o'clock") {
        return NumberKind::Time;
    }
    if after_class == Some(&Class::Percent) && (after != "per" || t.norm(after_at + 1) == "cent") {
        return NumberKind::Percent;
    }
    if before_class == Some(&Class::Money) || after_class == Some(&Class::Money) {
        return NumberKind::Money;
    }
    let small_day = c.plain.is_some_and(|p| (1..=31).contains(&p));
    if small_day {
        let month_before = core_at
            .checked_sub(1)
            .and_then(|b| month_at(t, b))
            .is_some()
            || (before == "." && core_at >= 2 && month_at(t, core_at - 2).is_some());
        let mut m = f.end;
        if t.norm(m) == "of" {
            m += 1;
        }
        if month_before || month_at(t, m).is_some() {
            return NumberKind::Date;
        }
    }
    // Numeric dates: "27/02/2020", "9/11", "2020-02-27".
    if t.kind(core_at) == Some(TokenKind::Num)
        && ((t.norm(f.end) == "/" && t.glued(f.end) && t.kind(f.end + 1) == Some(TokenKind::Num))
            || (before == "/" && t.glued(core_at)))
    {
        return NumberKind::Date;
    }
    if before_class == Some(&Class::Age) {
        return NumberKind::Age;
    }
    // An age in apposition to a name: "commander Zakir Musa, 25, was killed".
    let after_name =
        core_at >= 2 && before == "," && t.capitalised(core_at - 2) && t.is_word(core_at - 2);
    if after_name
        && !qualified
        && c.plain.is_some_and(|p| p <= 110)
        && matches!(t.norm(f.end), "," | ")" | ".")
    {
        return NumberKind::Age;
    }
    if matches!(
        after,
        "year" | "years" | "yr" | "yrs" | "month" | "months" | "week" | "weeks" | "day" | "days"
    ) {
        let mut k = after_at + 1;
        if t.is_dash(k) {
            k += 1;
        }
        if t.norm(k) == "old" || (t.norm(k) == "of" && t.norm(k + 1) == "age") {
            return NumberKind::Age;
        }
    }
    if c.ordinal {
        return NumberKind::Ordinal;
    }
    if before_class == Some(&Class::Identifier)
        && !qualified
        && t.kind(core_at) == Some(TokenKind::Num)
    {
        return NumberKind::Identifier;
    }
    if before == "."
        && core_at >= 2
        && t.norm(core_at - 2) == "no"
        && t.kind(core_at) == Some(TokenKind::Num)
    {
        return NumberKind::Identifier;
    }
    if let Some(year) = c.plain {
        let four = t.norm(core_at).len() == 4;
        if four && (1800..=2100).contains(&year) && !f.people && !qualified {
            return NumberKind::Year;
        }
        if four && t.norm(core_at + 1) == "s" && t.glued(core_at + 1) {
            return NumberKind::Year;
        }
    }
    match after_class {
        Some(Class::Duration) => return NumberKind::Duration,
        Some(Class::Measure) => return NumberKind::Measure,
        _ => {}
    }
    if t.is_word(next) && t.glued(next) && !matches!(after, "s") && !lex.words.contains_key(after) {
        // Digits glued to letters: "5G", "155mm" (measures were caught above).
        return NumberKind::Identifier;
    }
    if f.found.noun.is_some() && !f.people {
        return NumberKind::Unit;
    }
    NumberKind::Count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the first number expression of `sentence`: its text, kind and range.
    fn check(
        sentence: &str,
        expected_text: &str,
        kind: NumberKind,
        min: Option<u32>,
        max: Option<u32>,
    ) {
        let found = find_numbers(sentence);
        let hit = found
            .iter()
            .find(|m| m.span.slice(sentence) == expected_text);
        let Some(hit) = hit else {
            let seen: Vec<_> = found
                .iter()
                .map(|m| (m.span.slice(sentence), m.kind))
                .collect();
            panic!("no number `{expected_text}` in {sentence:?}; found {seen:?}");
        };
        assert_eq!(
            (hit.kind, hit.count.min, hit.count.max),
            (kind, min, max),
            "`{expected_text}` in {sentence:?}"
        );
    }

    use NumberKind::*;

    #[test]
    fn token_forms_are_lower_cased_pieces() {
        // The lower-cased form as first written: every piece lowered into a buffer.
        let lowered = |piece: &str| -> String {
            if piece.is_ascii() {
                return piece.to_ascii_lowercase();
            }
            let mut out = String::new();
            for ch in piece.chars() {
                match ch {
                    '\u{2019}' | '\u{2018}' => out.push('\''),
                    _ if ch.is_ascii() => out.push(ch.to_ascii_lowercase()),
                    _ => out.extend(ch.to_lowercase()),
                }
            }
            out
        };
        let pieces = [
            "Ten",
            "ten",
            "12,000",
            "3.5",
            "U.N.",
            "M5",
            "don't",
            "Don\u{2019}t",
            "\u{2018}",
            "Ürümqi",
            "é",
            "İ",
            "ß",
            "-",
            "\u{2013}",
            " ",
            "\u{a0}",
            "\n",
            ".",
            "'",
            "x",
            "",
        ];
        let mut draws = sitrep_text::draws::Draws::new(11);
        for _ in 0..5_000 {
            let text = draws.text(&pieces, 10);
            let t = Tokens::new(&text);
            for i in 0..t.len() {
                assert_eq!(t.norm(i), lowered(t.raw(i)), "{text:?} token {i}");
            }
        }
    }

    #[test]
    fn digits_and_separators() {
        check(
            "Officials said 33 soldiers died.",
            "33",
            Count,
            Some(33),
            Some(33),
        );
        check(
            "Almost 950,000 civilians have been displaced.",
            "Almost 950,000",
            Count,
            Some(902_500),
            Some(950_000),
        );
        check(
            "Some 1.2 million people need food aid in Tigray.",
            "Some 1.2 million",
            Count,
            Some(1_200_000),
            Some(1_200_000),
        );
        check(
            "The fighting uprooted 2,500 families in Cabo Delgado.",
            "2,500",
            Count,
            Some(2500),
            Some(2500),
        );
        check(
            "Aid agencies counted 3.5m displaced in Sudan.",
            "3.5m",
            Count,
            Some(3_500_000),
            Some(3_500_000),
        );
        check(
            "Floods left 4 lakh people homeless in Assam.",
            "4 lakh",
            Count,
            Some(400_000),
            Some(400_000),
        );
    }

    #[test]
    fn number_words() {
        check(
            "Gunmen killed thirty-three villagers in Zamfara.",
            "thirty-three",
            Count,
            Some(33),
            Some(33),
        );
        check(
            "Twenty one miners were abducted near Kidal.",
            "Twenty one",
            Count,
            Some(21),
            Some(21),
        );
        check(
            "Militants kidnapped a dozen pupils in Kaduna.",
            "a dozen",
            Count,
            Some(12),
            Some(12),
        );
        check(
            "Two hundred protesters marched in Bogota.",
            "Two hundred",
            Count,
            Some(200),
            Some(200),
        );
        check(
            "Police arrested one man in Mombasa.",
            "one",
            Count,
            Some(1),
            Some(1),
        );
        check(
            "Two hundred and fifty families fled Beni.",
            "Two hundred and fifty",
            Count,
            Some(250),
            Some(250),
        );
        check(
            "Three thousand troops crossed into Kursk.",
            "Three thousand",
            Count,
            Some(3000),
            Some(3000),
        );
        check(
            "Two dozen soldiers were wounded in Helmand.",
            "Two dozen",
            Count,
            Some(24),
            Some(24),
        );
        check(
            "Half a dozen officers were detained in Yangon.",
            "Half a dozen",
            Count,
            Some(6),
            Some(6),
        );
    }

    #[test]
    fn vague_quantities() {
        check(
            "Dozens of civilians were killed in Marib.",
            "Dozens",
            Count,
            Some(24),
            None,
        );
        check(
            "Scores of people were injured in Kano.",
            "Scores",
            Count,
            Some(40),
            None,
        );
        check(
            "Hundreds of families fled Mogadishu.",
            "Hundreds",
            Count,
            Some(200),
            None,
        );
        check(
            "Hundreds of thousands of civilians fled toward the border.",
            "Hundreds of thousands",
            Count,
            Some(200_000),
            None,
        );
        check(
            "Tens of thousands rallied in Tbilisi.",
            "Tens of thousands",
            Count,
            Some(20_000),
            None,
        );
        check(
            "Several soldiers were wounded near Bakhmut.",
            "Several",
            Count,
            Some(3),
            None,
        );
        check(
            "A few residents were hurt in Goma.",
            "A few",
            Count,
            Some(2),
            Some(9),
        );
        check(
            "Many villagers fled to Maiduguri.",
            "Many",
            Count,
            Some(2),
            None,
        );
        check(
            "Police detained a number of students in Dhaka.",
            "a number of",
            Count,
            Some(2),
            None,
        );
        check(
            "The raid killed an unknown number of fighters in Idlib.",
            "an unknown number of",
            Count,
            Some(2),
            None,
        );
    }

    #[test]
    fn ranges() {
        check(
            "Between 10 and 15 fighters died in the ambush in Mali.",
            "Between 10 and 15",
            Count,
            Some(10),
            Some(15),
        );
        check(
            "The strike killed 10 to 15 people in Taiz.",
            "10 to 15",
            Count,
            Some(10),
            Some(15),
        );
        check(
            "The strike killed 10-15 people in Taiz.",
            "10-15",
            Count,
            Some(10),
            Some(15),
        );
        check(
            "On 3 January 2022, 1-4 soldiers were killed in Kunar.",
            "1-4",
            Count,
            Some(1),
            Some(4),
        );
        check(
            "Two or three gunmen opened fire in Culiacan.",
            "Two or three",
            Count,
            Some(2),
            Some(3),
        );
        check(
            "Police say 40 or more people were arrested in Lagos.",
            "40 or more",
            Count,
            Some(40),
            None,
        );
        check(
            "A 300-plus strong militia attacked Djugu.",
            "300-plus",
            Count,
            Some(300),
            None,
        );
    }

    #[test]
    fn qualifiers() {
        check(
            "At least 5 policemen were killed in Balochistan.",
            "At least 5",
            Count,
            Some(5),
            None,
        );
        check(
            "More than 300 have been killed since December.",
            "More than 300",
            Count,
            Some(301),
            None,
        );
        check(
            "Over 40 rebels surrendered in Mindanao.",
            "Over 40",
            Count,
            Some(41),
            None,
        );
        check(
            "Nearly 100 prisoners escaped in Kogi.",
            "Nearly 100",
            Count,
            Some(95),
            Some(100),
        );
        check(
            "Up to 10 miners may have died in Sagaing.",
            "Up to 10",
            Count,
            None,
            Some(10),
        );
        check(
            "About 40 troops were wounded in Donetsk.",
            "About 40",
            Count,
            Some(40),
            Some(40),
        );
        check(
            "Around 2,000 people marched in Khartoum.",
            "Around 2,000",
            Count,
            Some(2000),
            Some(2000),
        );
        check(
            "Fewer than 20 students were released in Zamfara.",
            "Fewer than 20",
            Count,
            None,
            Some(19),
        );
        check(
            "More than a dozen soldiers were wounded in Tillaberi.",
            "More than a dozen",
            Count,
            Some(13),
            None,
        );
        check(
            "As many as 60 people drowned off Libya.",
            "As many as 60",
            Count,
            None,
            Some(60),
        );
    }

    #[test]
    fn years_dates_ages_durations() {
        check(
            "Turkey first intervened in Syria in 2016.",
            "2016",
            Year,
            Some(2016),
            Some(2016),
        );
        check(
            "Under a 2018 deal, Turkey holds posts in Idlib.",
            "2018",
            Year,
            Some(2018),
            Some(2018),
        );
        check(
            "The attack happened on 27 February in Idlib.",
            "27",
            Date,
            Some(27),
            Some(27),
        );
        check(
            "The attack happened on Feb. 27 in Idlib.",
            "27",
            Date,
            Some(27),
            Some(27),
        );
        check(
            "The attack happened on February 27, 2020.",
            "27",
            Date,
            Some(27),
            Some(27),
        );
        check(
            "Police shot a 12-year-old boy in Kashmir.",
            "12",
            Age,
            Some(12),
            Some(12),
        );
        check(
            "The victim, aged 35, was a nurse in Kharkiv.",
            "35",
            Age,
            Some(35),
            Some(35),
        );
        check(
            "A 23 years old student was arrested in Tehran.",
            "23",
            Age,
            Some(23),
            Some(23),
        );
        check(
            "Officials hailed a victory in the nine-year conflict.",
            "nine",
            Duration,
            Some(9),
            Some(9),
        );
        check(
            "A delegation spent two days in Ankara.",
            "two",
            Duration,
            Some(2),
            Some(2),
        );
        check(
            "The siege lasted 12 hours in Mogadishu.",
            "12",
            Duration,
            Some(12),
            Some(12),
        );
        check(
            "The 1990s were marked by war in Chechnya.",
            "1990",
            Year,
            Some(1990),
            Some(1990),
        );
    }

    #[test]
    fn times_money_percent_measures() {
        check(
            "The blast struck at 3 p.m. in Kabul.",
            "3",
            Time,
            Some(3),
            Some(3),
        );
        check(
            "The curfew starts at 18:30 in Lahore.",
            "18:30",
            Time,
            Some(18),
            Some(18),
        );
        check(
            "Donors pledged $5 million for Yemen.",
            "$5 million",
            Money,
            Some(5_000_000),
            Some(5_000_000),
        );
        check(
            "Kidnappers demanded 50 million naira in Kaduna.",
            "50 million",
            Money,
            Some(50_000_000),
            Some(50_000_000),
        );
        check(
            "Turnout fell to 40% in Bamako.",
            "40",
            Percent,
            Some(40),
            Some(40),
        );
        check(
            "Prices rose 12 per cent in Juba.",
            "12",
            Percent,
            Some(12),
            Some(12),
        );
        check(
            "The drone hit a target 5 km from Kherson.",
            "5",
            Measure,
            Some(5),
            Some(5),
        );
        check(
            "Troops fired 155mm shells at Avdiivka.",
            "155",
            Measure,
            Some(155),
            Some(155),
        );
    }

    #[test]
    fn ordinals_identifiers_and_units() {
        check(
            "It was the third attack this week in Borno.",
            "third",
            Ordinal,
            Some(3),
            Some(3),
        );
        check(
            "It was the 27th attack this year in Borno.",
            "27th",
            Ordinal,
            Some(27),
            Some(27),
        );
        check(
            "The council adopted Resolution 2254 on Syria.",
            "2254",
            Identifier,
            Some(2254),
            Some(2254),
        );
        check(
            "Flight 17 was downed over Donetsk.",
            "17",
            Identifier,
            Some(17),
            Some(17),
        );
        check(
            "Pilots flew F-16 jets over Kyiv.",
            "16",
            Identifier,
            Some(16),
            Some(16),
        );
        check(
            "Turkey has 12 observation posts in the region.",
            "12",
            Unit,
            Some(12),
            Some(12),
        );
        check(
            "Assad's forces captured more than 20 villages.",
            "more than 20",
            Unit,
            Some(21),
            None,
        );
        check(
            "Militants fired 16 mortar shells at Gao.",
            "16",
            Unit,
            Some(16),
            Some(16),
        );
        check(
            "Gunmen torched 3 vehicles near Kumba.",
            "3",
            Unit,
            Some(3),
            Some(3),
        );
        check(
            "Police seized 200 head of cattle in Jonglei.",
            "200",
            Unit,
            Some(200),
            Some(200),
        );
        check(
            "Gunmen killed 2000 villagers in Darfur.",
            "2000",
            Count,
            Some(2000),
            Some(2000),
        );
    }

    #[test]
    fn no_number_in_names_or_plain_words() {
        for sentence in [
            "Syrian troops recaptured the M5 highway.",
            "No one was hurt in the blast in Herat.",
            "They praised one another in Addis Ababa.",
            "",
            "—",
            "Émile’s 🙂 ünïcödé",
        ] {
            let counts: Vec<_> = find_numbers(sentence)
                .into_iter()
                .filter(|m| m.kind == Count)
                .map(|m| m.span.slice(sentence).to_string())
                .collect();
            assert!(counts.is_empty(), "{sentence:?}: {counts:?}");
        }
    }

    #[test]
    fn acled_values_for_vague_amounts() {
        let dozens = find_numbers("Dozens of fighters were killed.");
        assert_eq!(dozens[0].acled, 12);
        let several = find_numbers("Several soldiers were killed.");
        assert_eq!(several[0].acled, 10);
        let exact = find_numbers("At least 7 soldiers were killed.");
        assert_eq!(exact[0].acled, 7);
    }

    #[test]
    fn counted_noun_and_group() {
        let s = "Gunmen killed 33 Turkish soldiers in Idlib.";
        let m = find_numbers(s)[0];
        assert_eq!(m.noun.map(|n| n.slice(s)), Some("Turkish soldiers"));
        assert_eq!(m.group, Some("military"));
    }

    #[test]
    #[rustfmt::skip]
    fn more_conflicts_more_forms() {
        check("Troops killed commander Zakir Musa, 25, in Tral.", "25", Age, Some(25), Some(25));
        check("Several hundred protesters were injured in Dhaka.", "Several hundred", Count, Some(200), None);
        check("Some two million people have fled the Sahel violence.", "Some two million", Count, Some(2_000_000), Some(2_000_000));
        check("The blast in Quetta killed at least twenty-one people.", "at least twenty-one", Count, Some(21), None);
        check("Around 4 June 2022, gunmen raided Gao.", "Around 4", Date, Some(4), Some(4));
        check("Fighting since 2014 has killed 14,000 in Donbas.", "14,000", Count, Some(14_000), Some(14_000));
        check("A 40-odd strong convoy of fighters reached Goma.", "40-odd", Count, Some(40), None);
        check("Ten to twelve soldiers were abducted near Kidal.", "Ten to twelve", Count, Some(10), Some(12));
        check("Attackers burned 150 homes in Plateau.", "150", Unit, Some(150), Some(150));
        check("The militia stole 300 cattle near Bor.", "300", Unit, Some(300), Some(300));
        check("Article 370 was revoked in Kashmir.", "370", Identifier, Some(370), Some(370));
        check("The 2019-20 locust crisis hit Somalia.", "2019-20", Year, Some(2019), Some(2020));
        check("Just under 500 migrants landed in Lampedusa.", "Just under 500", Count, Some(475), Some(500));
        check("In the 1990s, 800,000 Tutsis were killed in Rwanda.", "800,000", Count, Some(800_000), Some(800_000));
        check("One hundred and twenty prisoners escaped in Kogi.", "One hundred and twenty", Count, Some(120), Some(120));
        check("Nine-year-old girl among 5 killed in Jenin.", "5", Count, Some(5), Some(5));
        check("Over 1,000 Rohingya crossed into Bangladesh.", "Over 1,000", Count, Some(1001), None);
        check("The UN counts 6.8 million Syrian refugees.", "6.8 million", Count, Some(6_800_000), Some(6_800_000));
        check("The Taliban freed 2,000 prisoners in 2020.", "2020", Year, Some(2020), Some(2020));
        check("Rebels fired 40 rockets at Mekelle.", "40", Unit, Some(40), Some(40));
        check("Police fired on protesters at 10am in Nairobi.", "10", Time, Some(10), Some(10));
        check("Gunmen demanded a ₦5 million ransom in Kaduna.", "₦5 million", Money, Some(5_000_000), Some(5_000_000));
    }

    #[test]
    fn lexicons_are_well_formed() {
        assert!(lexicon_problems().is_empty(), "{:?}", lexicon_problems());
    }
}
