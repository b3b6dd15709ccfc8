//! A table for people at a terminal: one line per record, fixed columns,
//! long cells cut with `…`, the evidence sentence filling the rest of the width.

use sitrep_model::Record;

use crate::fields::{count_text, Flat};

/// Width used when the terminal's is unknown.
pub(crate) const DEFAULT_WIDTH: usize = 120;
/// The narrowest table drawn.
pub(crate) const MIN_WIDTH: usize = 80;

/// Column widths: date, type, actors, place, count; the evidence takes the rest.
const WIDTHS: [usize; 5] = [10, 24, 28, 18, 9];

/// The header line and its underline.
pub(crate) fn header(width: usize) -> String {
    let cells = ["date", "type", "actors", "place", "killed/n"];
    let mut line = String::new();
    push_cells(&mut line, &cells.map(str::to_string), width, "evidence");
    let rule = "-".repeat(line.chars().count().saturating_sub(1));
    format!("{line}{rule}\n")
}

/// Appends one record as a table line.
pub(crate) fn row(out: &mut Vec<u8>, record: &Record, width: usize) {
    let flat = Flat::of(record);
    let kind = match (flat.kind, flat.sub_event_type, flat.measure) {
        ("event", Some(sub), _) => sub.to_string(),
        ("event", None, _) => flat.plover.unwrap_or("event").to_lowercase(),
        ("figure", _, Some(measure)) => format!("figure: {measure}"),
        (kind, _, _) => kind.to_string(),
    };
    let actors = match (flat.actor1, flat.actor2) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => a.to_string(),
        (None, Some(b)) => format!("? → {b}"),
        (None, None) => flat.population.unwrap_or_default().to_string(),
    };
    let place = match (flat.location, flat.country) {
        (Some(place), Some(country)) if place != country => format!("{place}, {country}"),
        (Some(place), _) => place.to_string(),
        (None, Some(country)) => country.to_string(),
        (None, None) => String::new(),
    };
    let count = count_text(flat.killed.or(flat.value));
    let cells = [
        flat.event_date.clone().unwrap_or_default(),
        kind,
        actors,
        place,
        count,
    ];
    let evidence = flat
        .notes
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = String::new();
    push_cells(&mut line, &cells, width, &evidence);
    out.extend_from_slice(line.as_bytes());
}

fn push_cells(line: &mut String, cells: &[String; 5], width: usize, last: &str) {
    for (cell, width) in cells.iter().zip(WIDTHS) {
        let cell = fit(cell, width);
        line.push_str(&cell);
        line.extend(std::iter::repeat_n(' ', width + 2 - cell.chars().count()));
    }
    let rest = width.saturating_sub(WIDTHS.iter().map(|w| w + 2).sum::<usize>());
    line.push_str(&fit(last, rest));
    line.push('\n');
}

/// Cuts `text` to `width` characters, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
