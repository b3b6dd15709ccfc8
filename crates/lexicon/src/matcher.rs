//! Whole-word phrase matching over raw text with one automaton.
//!
//! Patterns match case-insensitively, except patterns written entirely in capitals
//! (acronyms such as "IS" or "PKK"), which match only as written. Straight and curly
//! apostrophes are interchangeable, and so are a hyphen and a space inside a
//! pattern ("al-Shabaab" finds "al Shabaab"). Matches never start or end inside a word;
//! among overlapping candidates the longest leftmost wins.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use sitrep_model::Span;

/// Pattern sets up to this size compile to a DFA (a few MB at most, several
/// times faster to search); larger ones (the actor lexicon) stay a contiguous
/// NFA, which builds faster and takes a fraction of the memory.
const DFA_MAX_PATTERNS: usize = 4000;

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

/// A compiled set of phrases.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: AhoCorasick,
    /// For each automaton pattern: caller id and whether it is case-sensitive.
    targets: Vec<(u32, Option<String>)>,
}

impl PhraseMatcher {
    /// Compiles the patterns (with their apostrophe and hyphen variants).
    pub fn new(patterns: &[PhrasePattern]) -> Self {
        let mut texts = Vec::new();
        let mut targets = Vec::new();
        for pattern in patterns {
            let text = pattern.text.trim();
            if text.is_empty() {
                continue;
            }
            let exact = is_acronym(text).then(|| text.to_string());
            for variant in variants(text) {
                texts.push(variant.clone());
                targets.push((pattern.id, exact.as_ref().map(|_| variant)));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind((texts.len() <= DFA_MAX_PATTERNS).then_some(AhoCorasickKind::DFA))
            .build(&texts)
            .expect("phrase automaton within size limits");
        PhraseMatcher { automaton, targets }
    }

    /// All whole-word, non-overlapping, longest-leftmost matches in `text`.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let bytes = text.as_bytes();
        let mut candidates: Vec<PhraseMatch> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (id, exact) = &self.targets[m.pattern().as_usize()];
            let (start, end) = (m.start(), m.end());
            if !is_boundary(bytes, start) || !is_boundary(bytes, end) {
                continue;
            }
            if let Some(exact) = exact {
                if &text[start..end] != exact {
                    continue;
                }
            }
            candidates.push(PhraseMatch {
                span: Span::new(start, end),
                id: *id,
            });
        }
        candidates.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut out: Vec<PhraseMatch> = Vec::with_capacity(candidates.len());
        for c in candidates {
            match out.last() {
                Some(last) if c.span.start < last.span.end => {}
                _ => out.push(c),
            }
        }
        out
    }

    /// Every whole-word match including overlapping ones, for callers that resolve
    /// ambiguity themselves.
    pub fn find_overlapping(&self, text: &str) -> Vec<PhraseMatch> {
        let bytes = text.as_bytes();
        self.automaton
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (id, exact) = &self.targets[m.pattern().as_usize()];
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
}

fn is_acronym(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic())
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The pattern plus its apostrophe and hyphen/space variants.
fn variants(text: &str) -> Vec<String> {
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
    }
}
