//! Word scanning over raw text: words are runs of letters and digits, joined
//! across an inner apostrophe or hyphen ("Assad's", "Russia-backed").

use sitrep_model::Span;

/// Whether `c` can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

/// The words inside `span` of `text`, in order.
pub fn words(text: &str, span: Span) -> Words<'_> {
    Words {
        text,
        pos: span.start.min(text.len()),
        end: span.end.min(text.len()),
    }
}

/// Iterator over word spans; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let slice = self.text.get(self.pos..self.end)?;
        let (offset, _) = slice.char_indices().find(|&(_, c)| is_word_char(c))?;
        let start = self.pos + offset;
        let mut end = start;
        let mut chars = self.text[start..self.end].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                end = start + i + c.len_utf8();
            } else if is_joiner(c) && chars.peek().is_some_and(|&(_, next)| is_word_char(next)) {
                continue;
            } else {
                break;
            }
        }
        self.pos = end;
        Some(Span::new(start, end))
    }
}

/// The word ending at or before byte `pos` (skipping spaces and punctuation),
/// not starting before `floor`.
pub fn word_before(text: &str, pos: usize, floor: usize) -> Option<Span> {
    let head = text.get(floor..pos)?;
    let end = floor + head.char_indices().rev().find(|&(_, c)| is_word_char(c))?.0;
    let end = end + text[end..].chars().next().map_or(0, char::len_utf8);
    let mut start = end;
    for (i, c) in text[floor..end].char_indices().rev() {
        if is_word_char(c) {
            start = floor + i;
        } else if is_joiner(c) && start == floor + i + c.len_utf8() {
            continue;
        } else {
            break;
        }
    }
    Some(Span::new(start, end))
}

/// The end of the last occurrence of any of `needles` in `hay`: what
/// `needles.filter_map(|n| hay.rfind(n).map(|i| i + n.len())).max()` gives, in
/// one backward pass without building a searcher per needle.
pub fn last_end_of_any(hay: &str, needles: &[&str]) -> Option<usize> {
    let bytes = hay.as_bytes();
    let ends = byte_set(needles.iter().filter_map(|n| n.as_bytes().last()));
    let mut end = bytes.len();
    while end > 0 {
        if ends[usize::from(bytes[end - 1])] {
            for n in needles {
                if bytes[..end].ends_with(n.as_bytes()) && !n.is_empty() {
                    return Some(end);
                }
            }
        }
        end -= 1;
    }
    None
}

/// The start of the first occurrence of any of `needles` in `hay`: what
/// `needles.filter_map(|n| hay.find(n)).min()` gives, in one forward pass.
pub fn first_start_of_any(hay: &str, needles: &[&str]) -> Option<usize> {
    let bytes = hay.as_bytes();
    let starts = byte_set(needles.iter().filter_map(|n| n.as_bytes().first()));
    for start in 0..bytes.len() {
        if starts[usize::from(bytes[start])] {
            for n in needles {
                if bytes[start..].starts_with(n.as_bytes()) && !n.is_empty() {
                    return Some(start);
                }
            }
        }
    }
    None
}

/// A membership table over byte values.
fn byte_set<'a>(bytes: impl Iterator<Item = &'a u8>) -> [bool; 256] {
    let mut set = [false; 256];
    for &b in bytes {
        set[usize::from(b)] = true;
    }
    set
}

/// Whether the word at `span` is capitalised where a common word would not be:
/// not at the start of `sentence` or of a clause after a dash or colon, and the
/// sentence is not a title-case headline. "March" in "on 28 March" is a month, not the
/// verb; "May" is not the modal.
pub fn capitalised_mid_sentence(text: &str, sentence: Span, span: Span) -> bool {
    let starts_upper = span
        .slice(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if !starts_upper || word_before(text, span.start, sentence.start).is_none() {
        return false;
    }
    // After a dateline's dash or a colon a new clause starts: "NYALA, Sept 21 (Wire) -
    // Clashes between …".
    let before = text[sentence.start..span.start].trim_end();
    if before.ends_with(['-', '\u{2013}', '\u{2014}', ':']) {
        return false;
    }
    let (mut capitalised, mut total) = (0usize, 0usize);
    for word in words(text, sentence) {
        total += 1;
        capitalised += usize::from(
            word.slice(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        );
    }
    capitalised * 10 < total * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capital_after_a_dateline_dash_or_colon_starts_a_clause() {
        let rows = [
            (
                "NYALA, Sept 21 (Wire) - Clashes between the army and RSF killed 40.",
                "Clashes",
                false,
            ),
            (
                "GAO, May 2 \u{2014} Attacks on convoys rose.",
                "Attacks",
                false,
            ),
            ("Defusal: On 2 May, soldiers defused a bomb.", "On", false),
            (
                "Troops arrived in the town on 28 March to secure it.",
                "March",
                true,
            ),
        ];
        for (text, word, expected) in rows {
            let at = text.find(word).unwrap();
            let span = Span::new(at, at + word.len());
            let got = capitalised_mid_sentence(text, Span::new(0, text.len()), span);
            assert_eq!(got, expected, "{text:?} / {word}");
        }
    }

    #[test]
    fn splits_words_and_keeps_inner_joiners() {
        let text = "Assad’s forces, Russia-backed troops - 33 dead.";
        let found: Vec<&str> = words(text, Span::new(0, text.len()))
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            found,
            ["Assad’s", "forces", "Russia-backed", "troops", "33", "dead"]
        );
    }

    #[test]
    fn tells_proper_uses_of_common_words() {
        let check = |text: &str, word: &str, expected: bool| {
            let at = text.find(word).unwrap();
            let got = capitalised_mid_sentence(
                text,
                Span::new(0, text.len()),
                Span::new(at, at + word.len()),
            );
            assert_eq!(got, expected, "{word:?} in {text:?}");
        };
        check("On 28 March 2022, police arrested six.", "March", true);
        check("March to the palace began at noon.", "March", false);
        check("Students March On Parliament Over Fees", "March", false);
        check("The rebels may attack.", "may", false);
    }

    #[test]
    fn finds_the_nearest_of_several_needles() {
        let needles = [";", " while ", " when ", " as "];
        let check = |hay: &str| {
            let last = needles
                .iter()
                .filter_map(|n| hay.rfind(n).map(|i| i + n.len()))
                .max();
            let first = needles.iter().filter_map(|n| hay.find(n)).min();
            assert_eq!(last_end_of_any(hay, &needles), last, "last in {hay:?}");
            assert_eq!(first_start_of_any(hay, &needles), first, "first in {hay:?}");
        };
        check("troops advanced while rebels fled; when shelling stopped, as planned");
        check("no break here at all");
        check("");
        check(";");
        check("Gunmen opened fire when the convoy passed as dawn broke");
        check("résumé ; déjà vu while — as ");
    }

    #[test]
    fn finds_the_word_before_a_position() {
        let text = "killed by Syrian forces";
        let by = text.find("Syrian").unwrap();
        assert_eq!(word_before(text, by, 0).unwrap().slice(text), "by");
        assert_eq!(word_before(text, 3, 0).unwrap().slice(text), "kil");
        assert!(word_before(text, 0, 0).is_none());
    }
}
