//! The shared line format of every lexicon file: tab-separated columns, `#` starts
//! a comment line, blank lines are ignored.

use crate::LexiconError;

/// One data row of a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The tab-separated columns, trimmed.
    pub columns: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Column `i`, or "" when the row is shorter.
    pub fn get(&self, i: usize) -> &'a str {
        self.columns.get(i).copied().unwrap_or("")
    }

    /// Column `i` or `None` when empty or `-`.
    pub fn opt(&self, i: usize) -> Option<&'a str> {
        match self.get(i) {
            "" | "-" => None,
            s => Some(s),
        }
    }

    /// An error about this row.
    pub fn error(&self, file: &str, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_string(),
            line: self.line,
            message: message.into(),
        }
    }
}

/// The data rows of a file's content, skipping comments and blank lines.
pub fn rows(content: &str) -> impl Iterator<Item = Row<'_>> {
    content.lines().enumerate().filter_map(|(i, line)| {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        Some(Row {
            line: i + 1,
            columns: line.split('\t').map(str::trim).collect(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blank_lines() {
        let content = "# header\n\nalpha\tbeta\n  \ngamma\n";
        let rows: Vec<_> = rows(content).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].get(1), "beta");
        assert_eq!(rows[1].opt(1), None);
    }
}
