//! Sentence segmentation: lines into paragraphs, paragraphs into sentences.
//!
//! A line break ends a sentence unless the next line starts in lower case or the
//! line ends mid-phrase (comma, hyphen), which is how hard-wrapped wire copy looks.
//! A period ends a sentence when followed by space and an upper-case letter, digit
//! or quote, unless it closes an abbreviation (`lexicons/text/abbreviations.tsv`),
//! an initial ("J.") or a dotted acronym ("U.N.").

use std::collections::HashSet;
use std::sync::LazyLock;

use sitrep_model::Span;

use crate::words::AnyOf;
use crate::{Analyzed, Sentence};

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(crate::lexicon!("text/abbreviations.tsv")).collect());

static BOILERPLATE: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(crate::lexicon!("text/boilerplate.tsv"))
        .map(str::to_lowercase)
        .collect()
});

fn data_lines(content: &'static str) -> impl Iterator<Item = &'static str> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Splits `text` into sentences, setting datelines and link lines apart.
pub fn analyze(text: &str) -> Analyzed {
    let mut analyzed = Analyzed::default();
    for (paragraph, block) in blocks(text).into_iter().enumerate() {
        let body = block.slice(text);
        let boilerplate = is_boilerplate(body);
        let mut start = block.start;
        if !boilerplate {
            if let Some((place, rest)) = dateline(body) {
                analyzed.datelines.push(Span::new(
                    block.start + place.start,
                    block.start + place.end,
                ));
                start = block.start + rest;
            }
        }
        for span in sentences(text, Span::new(start, block.end)) {
            let index = analyzed.sentences.len();
            analyzed.sentences.push(Sentence {
                span,
                index,
                paragraph,
                boilerplate,
            });
        }
    }
    analyzed
}

/// Groups lines into blocks: a block is one or more lines that belong together.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(line_start + lead, line_start + lead + trimmed.len());
        current = match current {
            Some(prev) if continues(prev.slice(text), trimmed) => {
                Some(Span::new(prev.start, span.end))
            }
            Some(prev) => {
                out.push(prev);
                Some(span)
            }
            None => Some(span),
        };
    }
    out.extend(current);
    out
}

/// Whether `next` continues the sentence that `prev` (a block so far) is in.
fn continues(prev: &str, next: &str) -> bool {
    if is_boilerplate(next) || is_boilerplate(prev) {
        return false;
    }
    let last = prev.chars().next_back().unwrap_or('.');
    let first = next.chars().next().unwrap_or('A');
    if matches!(last, ',' | '-' | '\u{2013}' | ';' | '(') {
        return true;
    }
    !matches!(last, '.' | '!' | '?' | ':' | '"' | '\u{201d}' | '\'' | ')') && first.is_lowercase()
}

/// Whether the line starts with a boilerplate prefix, compared lower-cased
/// within its first 24 characters (no allocation: this runs for every line).
fn is_boilerplate(line: &str) -> bool {
    // Most lines open with 24 ASCII characters: lowered once into a buffer.
    let len = line.len().min(24);
    if line.as_bytes()[..len].is_ascii() && (len == 24 || len == line.len()) {
        let mut head = [0u8; 24];
        head[..len].copy_from_slice(&line.as_bytes()[..len]);
        head.make_ascii_lowercase();
        let head = &head[..len];
        return BOILERPLATE
            .iter()
            .any(|prefix| head.starts_with(prefix.as_bytes()));
    }
    BOILERPLATE.iter().any(|prefix| {
        let mut head = line.chars().take(24).flat_map(char::to_lowercase);
        prefix.chars().all(|p| head.next() == Some(p))
    })
}

/// A dateline at the start of a paragraph: "Beirut: ", "KABUL (Reuters) - ",
/// "ANKARA, Feb 28 (AFP) - ". Returns the place's span and where the text resumes.
fn dateline(block: &str) -> Option<(Span, usize)> {
    let window = block.get(..block.len().min(80)).unwrap_or(block);
    const MARKS: [&str; 5] = [": ", " - ", " \u{2013} ", " \u{2014} ", " -- "];
    static ANY: AnyOf = AnyOf::new(&MARKS);
    // No two marks start at the same byte: the first found is the earliest.
    let (mark, which) = ANY.first(window)?;
    let mark_len = MARKS[which].len();
    let head = &block[..mark];
    let place_end = head
        .find([',', '('])
        .map_or(head.len(), |i| i)
        .min(head.len());
    let place = head[..place_end].trim_end();
    let words: Vec<&str> = place.split_whitespace().collect();
    let plausible = !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'));
    let rest = &head[place_end..];
    let rest_ok = rest
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '(' | ')' | '.' | '/' | '-'))
        && rest.len() <= 40;
    // A colon dateline is one or two words ("Beirut:"), never a speaker's lead-in.
    let colon_ok = mark_len != 2 || (words.len() <= 2 && rest.trim().is_empty());
    if !(plausible && rest_ok && colon_ok) {
        return None;
    }
    let resume = mark + mark_len;
    let skipped = block[resume..].len() - block[resume..].trim_start().len();
    Some((Span::new(0, place.len()), resume + skipped))
}

/// Splits one block into sentences.
fn sentences(text: &str, block: Span) -> Vec<Span> {
    let body = block.slice(text);
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            end = skip_closing_quotes(body, end);
            if ends_sentence(body, i, end) {
                push_trimmed(&mut out, block.start, body, start, end);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut out, block.start, body, start, body.len());
    out
}

fn skip_closing_quotes(body: &str, mut end: usize) -> usize {
    while let Some(c) = body[end..].chars().next() {
        if matches!(c, '\u{201d}' | '\u{2019}') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Whether the punctuation at `at` (run ending at `end`) closes a sentence.
fn ends_sentence(body: &str, at: usize, end: usize) -> bool {
    let after = &body[end..];
    let Some(next) = after.chars().next() else {
        return false;
    };
    if !next.is_whitespace() {
        return false;
    }
    let following = after.trim_start().chars().next();
    let starts_new = following.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '[')
    });
    if !starts_new {
        return false;
    }
    if body.as_bytes()[at] != b'.' {
        return true;
    }
    let word_start = body[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |i| i + 1);
    let word = &body[word_start..=at];
    !is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    // An initial ("J.") or a dotted acronym ("U.N.", "U.S.A.").
    let dotted = word.matches('.').count() >= letters.len();
    letters.len() == 1 && letters[0].is_uppercase()
        || (dotted && letters.iter().all(|c| c.is_alphabetic()))
}

fn push_trimmed(out: &mut Vec<Span>, base: usize, body: &str, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let s = base + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let analyzed = analyze(text);
        let got: Vec<String> = analyzed
            .sentences
            .iter()
            .map(|s| {
                let t = s.span.slice(text);
                if s.boilerplate {
                    format!("[link] {t}")
                } else {
                    t.to_string()
                }
            })
            .collect();
        assert_eq!(got, expected, "segmenting {text:?}");
    }

    #[test]
    fn segments_news_text() {
        check(
            "Beirut: Jets struck the town. Two died.",
            &["Jets struck the town.", "Two died."],
        );
        check(
            "KABUL (Reuters) - A bomb exploded near the U.N. compound. Police said so.",
            &["A bomb exploded near the U.N. compound.", "Police said so."],
        );
        check(
            "ANKARA, Feb 28 (AFP) - Turkish troops moved in. Lt. Col. Ahmet Kaya said two were hurt.",
            &["Turkish troops moved in.", "Lt. Col. Ahmet Kaya said two were hurt."],
        );
        check(
            "The U.S. Army said the raid began at 3 a.m. Local time was not given.",
            &["The U.S. Army said the raid began at 3 a.m. Local time was not given."],
        );
        check(
            "Gen. Musa spoke on Jan. 5 at No. 10. He left.",
            &["Gen. Musa spoke on Jan. 5 at No. 10.", "He left."],
        );
        check(
            "\"We will fight,\" he said. \"They fled!\" she added.",
            &["\"We will fight,\" he said.", "\"They fled!\" she added."],
        );
        check(
            "Read: Rebels seize key town\nThe army retreated overnight.",
            &[
                "[link] Read: Rebels seize key town",
                "The army retreated overnight.",
            ],
        );
        check(
            "READ MORE: Talks stall in Doha\nMilitants shelled the port.",
            &[
                "[link] READ MORE: Talks stall in Doha",
                "Militants shelled the port.",
            ],
        );
        check(
            "Gunmen attacked a convoy near\nthe border on Monday, killing\nfour guards.",
            &["Gunmen attacked a convoy near\nthe border on Monday, killing\nfour guards."],
        );
        check(
            "Sticky bombs hit Kabul\n\nBy Associated Press\n\nTwo died.",
            &["Sticky bombs hit Kabul", "By Associated Press", "Two died."],
        );
        check("", &[]);
        check("...", &[]);
        check(
            "Officials said: the talks failed.",
            &["Officials said: the talks failed."],
        );
    }

    #[test]
    fn records_dateline_places() {
        let text = "MOGADISHU, Somalia (AP) — Militants stormed a hotel.";
        let analyzed = analyze(text);
        assert_eq!(analyzed.datelines[0].slice(text), "MOGADISHU");
        assert_eq!(
            analyzed.sentences[0].span.slice(text),
            "Militants stormed a hotel."
        );
    }
}
