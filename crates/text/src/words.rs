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
        let mut at = 0;
        let offset = loop {
            let (c, width) = char_at(slice, at)?;
            if is_word_char(c) {
                break at;
            }
            at += width;
        };
        let mut end = offset;
        let mut at = offset;
        while let Some((c, width)) = char_at(slice, at) {
            at += width;
            if is_word_char(c) {
                end = at;
            } else if !(is_joiner(c)
                && char_at(slice, at).is_some_and(|(next, _)| is_word_char(next)))
            {
                break;
            }
        }
        let start = self.pos + offset;
        let end = self.pos + end;
        self.pos = end;
        Some(Span::new(start, end))
    }
}

/// The character at byte `at` of `text` and its width (ASCII without decoding).
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let &b = text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
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

/// A fixed list of needles searched in one pass, with byte tables built at compile
/// time (`static BREAKS: AnyOf = AnyOf::new(&[";", " while "]);`): a position is
/// compared with the needles only when its first two (or four) bytes can begin one.
pub struct AnyOf<'a> {
    needles: &'a [&'a str],
    /// Bytes that are a whole needle.
    singles: [bool; 256],
    firsts: [bool; 256],
    seconds: [bool; 256],
    /// When every needle of two bytes or more has four or more (and there are at most
    /// [`KEYS`]), their first four bytes as numbers.
    heads: Option<Heads>,
}

/// Most needles an [`AnyOf`] keys by their first four bytes.
const KEYS: usize = 16;

#[derive(Clone, Copy)]
struct Heads {
    keys: [u32; KEYS],
    len: usize,
}

/// The four bytes of `bytes` from `at` as a number.
const fn key_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

impl<'a> AnyOf<'a> {
    /// The tables of `needles` (empty needles never match).
    pub const fn new(needles: &'a [&'a str]) -> Self {
        let mut any = AnyOf {
            needles,
            singles: [false; 256],
            firsts: [false; 256],
            seconds: [false; 256],
            heads: None,
        };
        let mut heads = Heads {
            keys: [0; KEYS],
            len: 0,
        };
        let mut keyed = true;
        let mut i = 0;
        while i < needles.len() {
            let n = needles[i].as_bytes();
            if n.len() == 1 {
                any.singles[n[0] as usize] = true;
            } else if n.len() > 1 {
                any.firsts[n[0] as usize] = true;
                any.seconds[n[1] as usize] = true;
                if n.len() < 4 || heads.len == KEYS {
                    keyed = false;
                } else {
                    heads.keys[heads.len] = key_at(n, 0);
                    heads.len += 1;
                }
            }
            i += 1;
        }
        if keyed {
            any.heads = Some(heads);
        }
        any
    }

    /// Whether some needle may start at `start` of `bytes`, by its first two or four
    /// bytes.
    fn may_start_at(&self, bytes: &[u8], start: usize) -> bool {
        let first = usize::from(bytes[start]);
        if self.singles[first] {
            return true;
        }
        if start + 2 > bytes.len()
            || !self.firsts[first]
            || !self.seconds[usize::from(bytes[start + 1])]
        {
            return false;
        }
        match &self.heads {
            Some(heads) => {
                start + 4 <= bytes.len() && heads.keys[..heads.len].contains(&key_at(bytes, start))
            }
            None => true,
        }
    }

    /// The start of the first occurrence of any needle in `hay` and the index of the
    /// first needle (in list order) found there.
    pub fn first(&self, hay: &str) -> Option<(usize, usize)> {
        let bytes = hay.as_bytes();
        (0..bytes.len())
            .filter(|&start| self.may_start_at(bytes, start))
            .find_map(|start| {
                self.needles
                    .iter()
                    .position(|n| starts_at(bytes, start, n.as_bytes()))
                    .map(|i| (start, i))
            })
    }

    /// Calls `found(start, end)` for every occurrence of every needle in `hay`,
    /// overlapping ones included, by start (then in list order).
    pub fn each(&self, hay: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = hay.as_bytes();
        for start in 0..bytes.len() {
            if !self.may_start_at(bytes, start) {
                continue;
            }
            for n in self.needles {
                if starts_at(bytes, start, n.as_bytes()) {
                    found(start, start + n.len());
                }
            }
        }
    }
}

/// Whether the non-empty `needle` starts at byte `start` of `bytes`. A byte loop: the
/// needles are short and most comparisons fail on their first bytes, where a call to
/// `memcmp` would cost more than the comparison.
fn starts_at(bytes: &[u8], start: usize, needle: &[u8]) -> bool {
    if needle.is_empty() || needle.len() > bytes.len() - start {
        return false;
    }
    for (k, &b) in needle.iter().enumerate() {
        if bytes[start + k] != b {
            return false;
        }
    }
    true
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

    /// The word iterator as first written, over `char_indices`.
    fn words_by_chars(text: &str, from: usize, to: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = from;
        while let Some(slice) = text.get(pos..to) {
            let Some((offset, _)) = slice.char_indices().find(|&(_, c)| is_word_char(c)) else {
                break;
            };
            let start = pos + offset;
            let mut end = start;
            let mut chars = text[start..to].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if is_word_char(c) {
                    end = start + i + c.len_utf8();
                } else if is_joiner(c) && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
                    continue;
                } else {
                    break;
                }
            }
            pos = end;
            out.push(Span::new(start, end));
        }
        out
    }

    #[test]
    fn words_agree_with_the_char_by_char_iterator() {
        let pieces = [
            "al", "Qaeda", "’", "'", "-", "\u{2010}", "\u{2011}", " ", ", ", "é", "Ürümqi", "日本",
            "27", "٢٠", "--", "'s", ".", "\n", "x",
        ];
        let mut draws = crate::draws::Draws::new(3);
        let mut next = |n: usize| draws.below(n);
        for _ in 0..3_000 {
            let text: String = (0..next(10)).map(|_| pieces[next(pieces.len())]).collect();
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let from = cuts[next(cuts.len())];
            let to = cuts[next(cuts.len())].max(from);
            let got: Vec<Span> = words(&text, Span::new(from, to)).collect();
            assert_eq!(
                got,
                words_by_chars(&text, from, to),
                "{text:?} {from}..{to}"
            );
        }
    }

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
    fn finds_every_occurrence_of_several_needles() {
        // Needles keyed by four bytes, and needles too short to be keyed.
        let sets: [&[&str]; 2] = [
            &[";", " while ", " when ", " as "],
            &[";", ": ", " -- ", " when ", "as", " as "],
        ];
        let hays = [
            "troops advanced while rebels fled; when shelling stopped, as planned",
            "no break here at all",
            "",
            ";",
            "as",
            "Gunmen opened fire when the convoy passed as dawn broke",
            "résumé ; déjà vu while — as ",
            "a while; ;when as as  when;",
            "Note: ANKARA -- when",
        ];
        for needles in sets {
            let any = AnyOf::new(needles);
            for hay in hays {
                let mut expected: Vec<(usize, usize)> = Vec::new();
                for start in 0..hay.len() {
                    for n in needles {
                        if hay.get(start..).is_some_and(|rest| rest.starts_with(n)) {
                            expected.push((start, start + n.len()));
                        }
                    }
                }
                let mut found = Vec::new();
                any.each(hay, |start, end| found.push((start, end)));
                assert_eq!(found, expected, "each in {hay:?}");
                let first = needles
                    .iter()
                    .enumerate()
                    .filter_map(|(i, n)| hay.find(n).map(|at| (at, i)))
                    .min();
                assert_eq!(any.first(hay), first, "first in {hay:?}");
            }
        }
    }

    #[test]
    fn names_the_needle_found_first() {
        const MARKS: AnyOf = AnyOf::new(&[": ", " - ", " -- ", " \u{2013} "]);
        let rows = [
            ("KABUL (Reuters) - Gunmen", Some((15, 1))),
            ("ANKARA -- Troops", Some((6, 2))),
            ("Beirut: the", Some((6, 0))),
            ("GAZA \u{2013} Strikes", Some((4, 3))),
            ("no mark-here", None),
        ];
        for (hay, expected) in rows {
            assert_eq!(MARKS.first(hay), expected, "in {hay:?}");
        }
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
