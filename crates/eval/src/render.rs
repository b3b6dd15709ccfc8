//! Small text helpers: markdown and aligned tables, shortening, optional values.

/// A markdown table with a header row.
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A plain-text table with columns padded to their widest cell.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            let pad = widths.get(i).copied().unwrap_or(0);
            s.push_str(cell);
            s.push_str(&" ".repeat(pad.saturating_sub(cell.chars().count()) + 2));
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&mut header.iter().copied());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

/// The text cut to `max` characters with an ellipsis, on one line.
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// An optional value, or `-`.
pub fn or_dash<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// A share as `0.853`, or `-` when nothing was counted.
pub fn share(hits: usize, total: usize) -> String {
    if total == 0 {
        "-".to_string()
    } else {
        format!("{:.3}", hits as f64 / total as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_and_escape() {
        let rows = vec![vec!["a|b".to_string(), "1".to_string()]];
        assert!(markdown_table(&["x", "y"], &rows).contains("a\\|b"));
        let text = text_table(&["name", "n"], &[vec!["long name".into(), "3".into()]]);
        assert_eq!(text, "name       n\nlong name  3\n");
        assert_eq!(shorten("one  two\nthree", 7), "one tw…");
        assert_eq!(share(1, 4), "0.250");
        assert_eq!(share(0, 0), "-");
    }
}
