//! Whole-word phrase matching over raw text, one pass per search.
//!
//! Patterns match case-insensitively, except patterns written entirely in capitals
//! (acronyms such as "IS" or "PKK"), which match only as written. Straight and curly
//! apostrophes are interchangeable, and so are a hyphen and a space inside a
//! pattern ("al-Shabaab" finds "al Shabaab"). Matches never start or end inside a word;
//! among overlapping candidates the longest leftmost wins.
//!
//! A match starts where a word starts, so the search hashes each word of the text
//! once and checks only the patterns whose first word it is (a few, usually none):
//! one table look-up per word instead of one automaton step per byte, which keeps
//! large lexicons fast and out of the cache's way. A caller reading a whole document
//! registers it with [`DocumentWords`], so its words are hashed once for every
//! matcher run over its sentences and clauses. The rare patterns that start
//! with punctuation go through a small Aho-Corasick automaton. Results are exactly
//! those of one overlapping automaton over every pattern, in the same order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::RwLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use sitrep_model::Span;

/// One pattern to compile: its text and the caller's value id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhrasePattern {
    /// The phrase as written in the lexicon.
    pub text: String,
    /// Caller's identifier, returned with every match.
    pub id: u32,
}

/// A match: where, and which pattern id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte span in the searched text.
    pub span: Span,
    /// The id of the pattern that matched.
    pub id: u32,
}

/// One compiled spelling (a pattern or one of its variants).
#[derive(Debug, Clone)]
struct Variant {
    /// The spelling's bytes.
    bytes: Box<[u8]>,
    /// The caller's id.
    id: u32,
    /// An acronym: matches only as written.
    exact: bool,
    /// The spelling's last eight bytes (ASCII-lowered unless `exact`), read as a
    /// little-endian word; 0 for spellings shorter than eight bytes. Candidates
    /// share their first word, so they differ mostly at the end: comparing this word
    /// first dismisses most of them with one load.
    tail: u64,
}

/// A found spelling before overlap resolution: start, end, variant index.
type Hit = (usize, usize, u32);

/// A compiled set of phrases.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    /// Every spelling, in compilation order (which breaks ties between equal spans).
    variants: Vec<Variant>,
    /// Hash of a lower-cased first word → range in `by_first_word`.
    first_words: HashMap<u64, (u32, u32), BuildHasherDefault<WordHasher>>,
    /// A bit per [`filter_slot`] of the first words' hashes: most words of a text
    /// start no pattern and are dismissed here without a table probe.
    first_word_filter: Box<[u64]>,
    /// Variant indices grouped by first word, ascending within a group.
    by_first_word: Vec<u32>,
    /// Spellings that start with punctuation, and their variant indices.
    punctuated: Option<(AhoCorasick, Vec<u32>)>,
    /// This matcher's bit in the [`FIRST_WORDS`] masks, when it got one.
    slot: Option<u32>,
}

/// The first words of the first 64 matchers built, for [`DocumentWords`]: a
/// registered document's words carry a bit per matcher whose patterns they may
/// start, so a search skips the other words without probing its own tables.
#[derive(Debug, Default)]
struct FirstWords {
    /// Matchers given a bit so far (bits `0..count`).
    count: u32,
    /// First-word hash → the bits of the matchers with patterns starting there.
    masks: HashMap<u64, u64, BuildHasherDefault<WordHasher>>,
    /// The union of those matchers' first-word filters.
    filter: Vec<u64>,
}

static FIRST_WORDS: RwLock<FirstWords> = RwLock::new(FirstWords {
    count: 0,
    masks: HashMap::with_hasher(BuildHasherDefault::new()),
    filter: Vec::new(),
});

/// Gives the matcher with these first-word hashes the next [`FIRST_WORDS`] bit.
fn claim_slot(hashes: impl Iterator<Item = u64>) -> Option<u32> {
    let mut first_words = FIRST_WORDS.write().ok()?;
    let slot = first_words.count;
    if slot >= 64 {
        return None;
    }
    first_words.count += 1;
    if first_words.filter.is_empty() {
        first_words.filter = vec![0u64; FILTER_BITS / 64];
    }
    for hash in hashes {
        let slot_bit = filter_slot(hash);
        first_words.filter[slot_bit / 64] |= 1 << (slot_bit % 64);
        *first_words.masks.entry(hash).or_insert(0) |= 1 << slot;
    }
    Some(slot)
}

impl PhraseMatcher {
    /// Compiles the patterns (with their apostrophe and hyphen variants).
    pub fn new(patterns: &[PhrasePattern]) -> Self {
        let mut variants = Vec::new();
        for pattern in patterns {
            let text = pattern.text.trim();
            if text.is_empty() {
                continue;
            }
            let exact = is_acronym(text);
            for variant in spellings(text) {
                let bytes = variant.into_bytes().into_boxed_slice();
                let tail =
                    tail_word(&bytes).map_or(0, |x| if exact { x } else { ascii_lowercase8(x) });
                variants.push(Variant {
                    bytes,
                    id: pattern.id,
                    exact,
                    tail,
                });
            }
        }
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        let mut punctuated_texts: Vec<&[u8]> = Vec::new();
        let mut punctuated_index = Vec::new();
        for (index, variant) in variants.iter().enumerate() {
            let first = first_word(&variant.bytes);
            if first.is_empty() {
                punctuated_texts.push(&variant.bytes);
                punctuated_index.push(index as u32);
            } else {
                keyed.push((word_hash(first), index as u32));
            }
        }
        keyed.sort_unstable();
        let mut first_words = HashMap::default();
        let mut first_word_filter = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        let mut by_first_word = Vec::with_capacity(keyed.len());
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            let slot = filter_slot(group[0].0);
            first_word_filter[slot / 64] |= 1 << (slot % 64);
            let start = by_first_word.len() as u32;
            by_first_word.extend(group.iter().map(|&(_, index)| index));
            first_words.insert(group[0].0, (start, group.len() as u32));
        }
        let slot = claim_slot(first_words.keys().copied());
        let punctuated = (!punctuated_texts.is_empty()).then(|| {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&punctuated_texts)
                .expect("punctuated phrase automaton within size limits");
            (automaton, punctuated_index)
        });
        PhraseMatcher {
            variants,
            first_words,
            first_word_filter,
            by_first_word,
            punctuated,
            slot,
        }
    }

    /// All whole-word, non-overlapping, longest-leftmost matches in `text`.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let mut hits = self.hits(text);
        // Leftmost first, then longest, then the earliest compiled spelling.
        hits.sort_unstable_by_key(|&(start, end, index)| (start, usize::MAX - end, index));
        let mut out: Vec<PhraseMatch> = Vec::with_capacity(hits.len());
        for (start, end, index) in hits {
            match out.last() {
                Some(last) if start < last.span.end => {}
                _ => out.push(self.to_match(start, end, index)),
            }
        }
        out
    }

    /// Every whole-word match including overlapping ones, for callers that resolve
    /// ambiguity themselves; ordered by end, then start, then compiled spelling.
    pub fn find_overlapping(&self, text: &str) -> Vec<PhraseMatch> {
        let mut hits = self.hits(text);
        hits.sort_unstable_by_key(|&(start, end, index)| (end, start, index));
        hits.into_iter()
            .map(|(start, end, index)| self.to_match(start, end, index))
            .collect()
    }

    fn to_match(&self, start: usize, end: usize, index: u32) -> PhraseMatch {
        PhraseMatch {
            span: Span::new(start, end),
            id: self.variants[index as usize].id,
        }
    }

    /// Every whole-word occurrence of every spelling, unordered.
    fn hits(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        for_each_word(text, self.slot, |at, hash| {
            let slot = filter_slot(hash);
            if self.first_word_filter[slot / 64] & (1 << (slot % 64)) == 0 {
                return;
            }
            let Some(&(first, count)) = self.first_words.get(&hash) else {
                return;
            };
            let group = &self.by_first_word[first as usize..(first + count) as usize];
            for &index in group {
                if let Some(end) = self.matches_at(bytes, at, index) {
                    hits.push((at, end, index));
                }
            }
        });
        if let Some((automaton, indices)) = &self.punctuated {
            for m in automaton.find_overlapping_iter(text) {
                let index = indices[m.pattern().as_usize()];
                if is_boundary(bytes, m.start())
                    && self.matches_at(bytes, m.start(), index).is_some()
                {
                    hits.push((m.start(), m.end(), index));
                }
            }
        }
        hits
    }

    /// The end of spelling `index` when it occurs at `start` as whole words.
    /// Inlined: a search tries about 60 candidate spellings per sentence, most
    /// dismissed after one comparison, where a call costs as much as the test.
    #[inline(always)]
    fn matches_at(&self, bytes: &[u8], start: usize, index: u32) -> Option<usize> {
        let variant = &self.variants[index as usize];
        let end = start + variant.bytes.len();
        let found = bytes.get(start..end)?;
        if let Some(x) = tail_word(found) {
            let x = if variant.exact {
                x
            } else {
                ascii_lowercase8(x)
            };
            if x != variant.tail {
                return None;
            }
        }
        let same = if variant.exact {
            found == &*variant.bytes
        } else {
            eq_ignore_ascii_case(found, &variant.bytes)
        };
        (same && is_boundary(bytes, end)).then_some(end)
    }
}

/// A word of a registered document: its byte range and its [`word_hash`].
#[derive(Debug, Clone, Copy)]
struct Word {
    start: u32,
    end: u32,
    hash: u64,
}

/// The words of the document a thread is reading, hashed once (see
/// [`DocumentWords`]).
#[derive(Debug, Default)]
struct Registered {
    /// Whether a [`DocumentWords`] guard is alive on this thread.
    active: bool,
    /// The document's address and length.
    start: usize,
    len: usize,
    /// Every word of the document, in order.
    words: Vec<Word>,
    /// Per [`FIRST_WORDS`] bit, the indices in `words` of the words that may start
    /// a pattern of the matcher with that bit, in order: a search over a part
    /// reads only those words, without stepping over the others.
    by_matcher: Vec<Vec<u32>>,
    /// The matchers whose bits `by_matcher` covers (`0..known`).
    known: u32,
}

thread_local! {
    static DOCUMENT: std::cell::RefCell<Registered> = std::cell::RefCell::default();
}

/// Largest word list kept between documents (1 MB); a longer one is freed.
const KEPT_WORDS: usize = 1 << 16;

/// Hashes the words of a document once for every matcher run over it or over
/// any of its parts (sentences, clauses, windows) on this thread while the guard
/// lives: the dozen matchers that read each sentence (triggers, actors, dates,
/// hedges, attribution cues…) then look its words up instead of hashing them
/// again each. Searches of other texts hash their words as before; results are
/// the same either way.
///
/// The guard borrows the text, so the text cannot change while it is registered.
/// A guard made while another is alive on the same thread does nothing.
#[derive(Debug)]
pub struct DocumentWords<'a> {
    registered: bool,
    /// Borrows the text; not `Send`, as the registration is the thread's.
    _text: std::marker::PhantomData<(&'a str, *const ())>,
}

impl<'a> DocumentWords<'a> {
    /// Registers `text` for this thread's searches until the guard is dropped.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let registered = u32::try_from(bytes.len()).is_ok()
            && DOCUMENT.with(|document| {
                let Ok(mut document) = document.try_borrow_mut() else {
                    return false;
                };
                if document.active {
                    return false;
                }
                let Registered {
                    words, by_matcher, ..
                } = &mut *document;
                words.clear();
                words.reserve(bytes.len() / 5);
                by_matcher.resize_with(64, Vec::new);
                by_matcher.iter_mut().for_each(Vec::clear);
                let first_words = FIRST_WORDS.read().ok();
                let (known, masks, filter) = match first_words.as_deref() {
                    Some(f) if !f.filter.is_empty() => (f.count, Some(&f.masks), &f.filter[..]),
                    _ => (0, None, &[][..]),
                };
                for_each_scanned_word(bytes, |start, len, hash| {
                    let slot = filter_slot(hash);
                    let mut matchers = match masks {
                        Some(masks) if filter[slot / 64] & (1 << (slot % 64)) != 0 => {
                            masks.get(&hash).copied().unwrap_or(0)
                        }
                        _ => 0,
                    };
                    while matchers != 0 {
                        by_matcher[matchers.trailing_zeros() as usize].push(words.len() as u32);
                        matchers &= matchers - 1;
                    }
                    words.push(Word {
                        start: start as u32,
                        end: (start + len) as u32,
                        hash,
                    })
                });
                document.known = known;
                document.start = bytes.as_ptr() as usize;
                document.len = bytes.len();
                document.active = true;
                true
            });
        DocumentWords {
            registered,
            _text: std::marker::PhantomData,
        }
    }
}

impl Drop for DocumentWords<'_> {
    fn drop(&mut self) {
        if !self.registered {
            return;
        }
        DOCUMENT.with(|document| {
            if let Ok(mut document) = document.try_borrow_mut() {
                document.active = false;
                if document.words.capacity() > KEPT_WORDS {
                    document.words = Vec::new();
                    document.by_matcher = Vec::new();
                }
            }
        });
    }
}

/// Calls `f(start, hash)` for every word of `text` (a maximal run of word bytes),
/// in order: from the registered document's words when `text` lies within it,
/// else by hashing `text`. Words of the registered document that start no pattern
/// of the matcher with [`FIRST_WORDS`] bit `slot` may be skipped.
fn for_each_word(text: &str, slot: Option<u32>, mut f: impl FnMut(usize, u64)) {
    let bytes = text.as_bytes();
    let done = DOCUMENT.with(|document| {
        let Ok(document) = document.try_borrow() else {
            return false;
        };
        let address = bytes.as_ptr() as usize;
        if !document.active
            || address < document.start
            || address + bytes.len() > document.start + document.len
        {
            return false;
        }
        let (from, to) = (
            address - document.start,
            address - document.start + bytes.len(),
        );
        let words = &document.words;
        // The words that overlap the part: all inside it but the first and the
        // last, which the part's edges may cut.
        let first = words.partition_point(|w| w.end as usize <= from);
        let last = first + words[first..].partition_point(|w| (w.start as usize) < to);
        let cut = |word: &Word| (word.start as usize) < from || word.end as usize > to;
        let mut inner = first..last;
        // A word cut by the part's edge: the part's word is the cut piece.
        let cut_piece = |word: &Word| {
            let at = (word.start as usize).max(from) - from;
            (at, hashed_word(&bytes[at..]).1)
        };
        if inner.start < inner.end && cut(&words[inner.start]) {
            let (at, hash) = cut_piece(&words[inner.start]);
            f(at, hash);
            inner.start += 1;
        }
        let cut_last = inner.start < inner.end && cut(&words[inner.end - 1]);
        if cut_last {
            inner.end -= 1;
        }
        match slot {
            // Only the words that may start one of the matcher's patterns, when
            // the document was registered after the matcher took its bit.
            Some(slot) if slot < document.known => {
                let carriers = &document.by_matcher[slot as usize];
                let skipped = carriers.partition_point(|&i| (i as usize) < inner.start);
                for &index in &carriers[skipped..] {
                    if index as usize >= inner.end {
                        break;
                    }
                    let word = &words[index as usize];
                    f(word.start as usize - from, word.hash);
                }
            }
            _ => {
                for word in &words[inner.clone()] {
                    f(word.start as usize - from, word.hash);
                }
            }
        }
        if cut_last {
            let (at, hash) = cut_piece(&words[inner.end]);
            f(at, hash);
        }
        true
    });
    if !done {
        for_each_scanned_word(bytes, |start, _, hash| f(start, hash));
    }
}

/// Calls `f(start, len, hash)` for every word of `bytes`, hashing each
/// (as [`hashed_word`] does, through [`FOLDED`]).
fn for_each_scanned_word(bytes: &[u8], mut f: impl FnMut(usize, usize, u64)) {
    let mut at = 0;
    while at < bytes.len() {
        if FOLDED[usize::from(bytes[at])] == 0 {
            at += 1;
            continue;
        }
        let start = at;
        let mut hash: u64 = 0;
        while let Some(&folded) = bytes.get(at).map(|&b| &FOLDED[usize::from(b)]) {
            if folded == 0 {
                break;
            }
            hash = (hash.rotate_left(5) ^ u64::from(folded)).wrapping_mul(HASH_SEED);
            at += 1;
        }
        let len = at - start;
        f(start, len, hash ^ (len as u64));
    }
}

/// Each byte ASCII-lowered when it is a word byte ([`is_word_byte`]), else 0.
static FOLDED: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() || byte >= 0x80 || byte == b'_' {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// `a.eq_ignore_ascii_case(b)`, eight bytes at a time.
fn eq_ignore_ascii_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut a_chunks = a.chunks_exact(8);
    let mut b_chunks = b.chunks_exact(8);
    for (x, y) in a_chunks.by_ref().zip(b_chunks.by_ref()) {
        let x = u64::from_le_bytes(x.try_into().expect("eight bytes"));
        let y = u64::from_le_bytes(y.try_into().expect("eight bytes"));
        if x != y && ascii_lowercase8(x) != ascii_lowercase8(y) {
            return false;
        }
    }
    a_chunks
        .remainder()
        .eq_ignore_ascii_case(b_chunks.remainder())
}

/// The last eight bytes of `bytes` as a little-endian word, if it has eight.
fn tail_word(bytes: &[u8]) -> Option<u64> {
    let tail: [u8; 8] = bytes.get(bytes.len().checked_sub(8)?..)?.try_into().ok()?;
    Some(u64::from_le_bytes(tail))
}

/// Eight bytes with each ASCII capital lowered (other bytes, UTF-8 included, kept).
fn ascii_lowercase8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, without carries between bytes: the low seven bits plus an offset
    // set the high bit from 'A' on (`at_least_a`) and past 'Z' (`past_z`).
    let low = x & (0x7f * ONES);
    let at_least_a = low + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low + (0x7f - u64::from(b'Z')) * ONES;
    let capital = at_least_a & !past_z & !x & (0x80 * ONES);
    x | (capital >> 2)
}

/// The leading run of word bytes of `bytes`.
fn first_word(bytes: &[u8]) -> &[u8] {
    let len = bytes
        .iter()
        .position(|&b| !is_word_byte(b))
        .unwrap_or(bytes.len());
    &bytes[..len]
}

/// A hash of a word, ASCII case folded.
fn word_hash(word: &[u8]) -> u64 {
    let mut hash: u64 = 0;
    for &b in word {
        hash = hash_step(hash, b);
    }
    hash ^ (word.len() as u64)
}

/// The length of the leading run of word bytes of `bytes` and its [`word_hash`],
/// in one pass.
fn hashed_word(bytes: &[u8]) -> (usize, u64) {
    let mut hash: u64 = 0;
    let mut len = 0;
    for &b in bytes {
        if !is_word_byte(b) {
            break;
        }
        hash = hash_step(hash, b);
        len += 1;
    }
    (len, hash ^ (len as u64))
}

/// The multiplier of [`hash_step`].
const HASH_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn hash_step(hash: u64, byte: u8) -> u64 {
    (hash.rotate_left(5) ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(HASH_SEED)
}

/// Size of the first-word filter: 8 KB, small enough to stay in cache.
const FILTER_BITS: usize = 1 << 16;

/// The filter bit of a word hash (its top bits, which the multiply mixes best).
fn filter_slot(hash: u64) -> usize {
    (hash >> 48) as usize % FILTER_BITS
}

/// Passes [`word_hash`] values through to the table.
#[derive(Debug, Clone, Copy, Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

fn is_acronym(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic())
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The pattern plus its apostrophe and hyphen/space variants.
fn spellings(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if text.contains('\'') {
        out.push(text.replace('\'', "\u{2019}"));
    }
    if text.contains('-') {
        out.push(text.replace('-', " "));
    }
    out.dedup();
    out
}

/// Whether a match may start or end at byte `at`: not between two word characters.
fn is_boundary(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(at).copied();
    !(before.is_some_and(is_word_byte) && after.is_some_and(is_word_byte))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(patterns: &[&str], text: &str, expected: &[&str]) {
        let patterns: Vec<_> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| PhrasePattern {
                text: p.to_string(),
                id: i as u32,
            })
            .collect();
        let found: Vec<_> = PhraseMatcher::new(&patterns)
            .find(text)
            .into_iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(found, expected, "patterns {patterns:?} in {text:?}");
    }

    #[test]
    fn matches_whole_words_longest_first() {
        check(
            &["air strike", "air"],
            "An air strike hit.",
            &["air strike"],
        );
        check(&["IS"], "This is what IS did.", &["IS"]);
        check(&["kill"], "skills kill", &["kill"]);
        check(
            &["Assad's forces"],
            "Assad’s forces advanced",
            &["Assad’s forces"],
        );
        check(&["al-Shabaab"], "Al Shabaab fighters", &["Al Shabaab"]);
        check(
            &["Islamic State"],
            "the islamic state group",
            &["islamic state"],
        );
        check(&["Kyiv"], "Kyivstar is a company", &[]);
        check(
            &["U.N.", "U.N. force"],
            "the U.N. force left",
            &["U.N. force"],
        );
        check(&["'s forces", "s"], "Assad's forces", &["'s forces"]);
        check(
            &["Türkiye"],
            "troops from TÜRKIYE and Türkiye",
            &["Türkiye"],
        );
    }

    #[test]
    fn eight_byte_case_folding_agrees_with_std() {
        let mut seed: u64 = 11;
        let alphabet: Vec<u8> = (0u8..=255).collect();
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 59) as usize;
            let a: Vec<u8> = (0..len)
                .map(|i| alphabet[((seed >> (i % 7 * 8)) as usize + i * 37) % 256])
                .collect();
            // b: a with some letters' case flipped and, sometimes, one byte changed.
            let mut b = a.clone();
            for (i, byte) in b.iter_mut().enumerate() {
                if (seed >> (i % 61)) & 1 == 1 && byte.is_ascii_alphabetic() {
                    *byte ^= 0x20;
                }
            }
            if len > 0 && seed & 3 == 0 {
                let i = (seed as usize >> 8) % len;
                b[i] = b[i].wrapping_add(((seed >> 20) as u8) | 1);
            }
            assert_eq!(
                eq_ignore_ascii_case(&a, &b),
                a.eq_ignore_ascii_case(&b),
                "{a:?} {b:?}"
            );
        }
        for x in 0u8..=255 {
            for y in [x, x ^ 0x20, x.to_ascii_lowercase(), x.to_ascii_uppercase()] {
                let a = [x; 9];
                let b = [y; 9];
                assert_eq!(
                    eq_ignore_ascii_case(&a, &b),
                    a.eq_ignore_ascii_case(&b),
                    "{x} {y}"
                );
            }
        }
    }

    /// Every part of `text` between two char boundaries.
    fn parts(text: &str) -> impl Iterator<Item = &str> {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let pairs: Vec<(usize, usize)> = cuts
            .iter()
            .flat_map(|&a| cuts.iter().filter(move |&&b| b >= a).map(move |&b| (a, b)))
            .collect();
        pairs.into_iter().map(move |(a, b)| &text[a..b])
    }

    /// What one overlapping Aho-Corasick automaton over every spelling reports,
    /// in its order: the behaviour the word-hashed search must reproduce.
    fn reference(patterns: &[PhrasePattern], text: &str) -> Vec<PhraseMatch> {
        let mut texts = Vec::new();
        let mut targets = Vec::new();
        for pattern in patterns {
            let trimmed = pattern.text.trim();
            if trimmed.is_empty() {
                continue;
            }
            for variant in spellings(trimmed) {
                targets.push((pattern.id, is_acronym(trimmed).then(|| variant.clone())));
                texts.push(variant);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .unwrap();
        let bytes = text.as_bytes();
        automaton
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (id, exact) = &targets[m.pattern().as_usize()];
                let ok = is_boundary(bytes, m.start())
                    && is_boundary(bytes, m.end())
                    && exact
                        .as_ref()
                        .is_none_or(|e| &text[m.start()..m.end()] == e);
                ok.then(|| PhraseMatch {
                    span: Span::new(m.start(), m.end()),
                    id: *id,
                })
            })
            .collect()
    }

    /// Longest leftmost over the reference's overlapping matches, as `find` did.
    fn reference_find(patterns: &[PhrasePattern], text: &str) -> Vec<PhraseMatch> {
        let mut candidates = reference(patterns, text);
        candidates.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut out: Vec<PhraseMatch> = Vec::new();
        for c in candidates {
            if out.last().is_none_or(|last| c.span.start >= last.span.end) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn agrees_with_one_overlapping_automaton() {
        let words = [
            "kill",
            "killed",
            "Kill",
            "IS",
            "is",
            "al",
            "Shabaab",
            "al-Shabaab",
            "U.N.",
            "U.N",
            "Assad's",
            "Assad’s",
            "forces",
            "s",
            "'s",
            "-",
            "air",
            "strike",
            "air strike",
            "Türkiye",
            "ük",
            "_x",
            "x_",
            "9",
            "9mm",
            "(",
            "\"",
            "’",
            "a",
            "an",
            "PKK",
        ];
        let separators = [" ", " ", " ", "-", "'", "’", ", ", ".", "", "\n", "_"];
        let mut draws = sitrep_text::draws::Draws::new(7);
        let mut found = 0;
        let mut next = |n: usize| draws.below(n);
        for round in 0..400 {
            let patterns: Vec<PhrasePattern> = (0..1 + next(12))
                .map(|id| {
                    let len = 1 + next(3);
                    let text = (0..len)
                        .map(|i| {
                            let sep = if i == 0 { "" } else { separators[next(4)] };
                            format!("{sep}{}", words[next(words.len())])
                        })
                        .collect::<String>();
                    PhrasePattern {
                        text,
                        id: id as u32 % 5,
                    }
                })
                .collect();
            let text: String = (0..next(30))
                .map(|_| {
                    format!(
                        "{}{}",
                        words[next(words.len())],
                        separators[next(separators.len())]
                    )
                })
                .collect();
            let matcher = PhraseMatcher::new(&patterns);
            // With the text registered, every part of it (cut anywhere, even
            // inside a word) gives what it gives on its own (every fourth round:
            // a text has thousands of parts).
            let alone: Vec<_> = parts(if round % 4 == 0 { &text } else { "" })
                .map(|part| (matcher.find(part), matcher.find_overlapping(part)))
                .collect();
            {
                let words = DocumentWords::new(&text);
                assert!(words.registered);
                let nested = DocumentWords::new(parts(&text).last().unwrap_or(""));
                assert!(!nested.registered);
                for (part, expected) in parts(if round % 4 == 0 { &text } else { "" }).zip(&alone) {
                    let got = (matcher.find(part), matcher.find_overlapping(part));
                    assert_eq!(&got, expected, "round {round}: part {part:?} of {text:?}");
                }
            }
            found += matcher.find_overlapping(&text).len();
            assert_eq!(
                matcher.find_overlapping(&text),
                reference(&patterns, &text),
                "round {round}: overlapping {patterns:?} in {text:?}"
            );
            assert_eq!(
                matcher.find(&text),
                reference_find(&patterns, &text),
                "round {round}: longest leftmost {patterns:?} in {text:?}"
            );
        }
        assert!(
            found > 400,
            "the generated texts hold too few matches ({found})"
        );
    }
}
