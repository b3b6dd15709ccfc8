//! Byte spans and their conversion to code-point offsets.

use serde::{Deserialize, Serialize};

/// A byte range into a document's text. Always on `char` boundaries.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers, or "" if it does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// Converts byte offsets of one text into code-point offsets, in O(log n) each.
///
/// ASCII-only texts need no table at all, which is the common case for news.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII char; empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (byte, ch) in text.char_indices() {
                let len = ch.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    wide.push((byte + len, extra));
                }
            }
        }
        CharIndex { wide }
    }

    /// The code-point offset of byte offset `byte`.
    pub fn chars(&self, byte: usize) -> usize {
        let before = self.wide.partition_point(|&(end, _)| end <= byte);
        match before {
            0 => byte,
            n => byte - self.wide[n - 1].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_bytes_to_code_points() {
        let text = "é a’b c";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.chars(byte), chars, "byte {byte}");
        }
        assert_eq!(index.chars(text.len()), text.chars().count());
        assert_eq!(CharIndex::new("abc").chars(2), 2);
    }
}
