//! Note headers: a label opening a coder's note that names its event type
//! ("Property destruction: On 3 May, …", "Defusal: …").
//!
//! In: the first sentence of a document. Out: the [`NoteHeader`] its label names, from
//! `lexicons/triggers/note-headers.tsv`. The label is the coder's own classification,
//! so it outranks what the sentence's triggers suggest.

use std::collections::HashMap;
use std::sync::LazyLock;

use sitrep_lexicon::{tsv, LexiconError};
use sitrep_model::{AcledType, Span};

/// The event type a note's opening label gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteHeader {
    /// ACLED sub-event type.
    pub acled: AcledType,
    /// PLOVER type; empty where none applies.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Bytes of the label, colon excluded.
    pub span: Span,
}

/// Labels longer than this many bytes are not looked up.
const MAX_LABEL: usize = 48;

/// The header of the sentence at `sentence` (bytes of `text`): its own opening label,
/// or one the segmenter left before it on the same line (as it leaves datelines).
/// The header's span is then the empty span at the sentence's start.
pub fn header_of(text: &str, sentence: Span) -> Option<NoteHeader> {
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..sentence.start].trim();
    if let Some(label) = before.strip_suffix(':') {
        return lookup(label.trim_end(), Span::new(sentence.start, sentence.start));
    }
    note_header(sentence.slice(text)).map(|h| NoteHeader {
        span: Span::new(h.span.start + sentence.start, h.span.end + sentence.start),
        ..h
    })
}

/// The header `sentence` opens with, if it starts with a known label and a colon.
///
/// ```
/// use sitrep_extract::headers::note_header;
/// let h = note_header("Defusal: On 2 May, soldiers defused a bomb near Gao.").unwrap();
/// assert_eq!(h.acled.sub_event_type(), "Disrupted weapons use");
/// assert!(note_header("Police said: the road is closed.").is_none());
/// ```
pub fn note_header(sentence: &str) -> Option<NoteHeader> {
    let start = sentence.len() - sentence.trim_start().len();
    let colon = sentence[start..].find(':')? + start;
    if colon - start > MAX_LABEL {
        return None;
    }
    let label = sentence[start..colon].trim_end();
    lookup(label, Span::new(start, start + label.len()))
}

/// The bracketed tag a note carries anywhere in `text` ("[size=about 200]", the crowd
/// size ACLED gives demonstrations and riots only), as the event type it implies,
/// placed at the tag. Tags are the labels of `note-headers.tsv` that open with "[".
///
/// ```
/// use sitrep_extract::headers::note_tag;
/// let text = "Villagers marched to the mayor's office. [size=around 50]";
/// let tag = note_tag(text).unwrap();
/// assert_eq!(tag.acled.event_type(), "Protests");
/// assert_eq!(tag.span.slice(text), "[size=");
/// assert!(note_tag("Villagers marched to the mayor's office.").is_none());
/// ```
pub fn note_tag(text: &str) -> Option<NoteHeader> {
    let lower = text.to_ascii_lowercase();
    HEADERS
        .0
        .iter()
        .filter(|(label, _)| label.starts_with('['))
        .filter_map(|(label, header)| {
            let at = lower.find(label.as_str())?;
            Some(NoteHeader {
                span: Span::new(at, at + label.len()),
                ..header.clone()
            })
        })
        .min_by_key(|h| h.span.start)
}

/// The header `label` names, placed at `span`.
fn lookup(label: &str, span: Span) -> Option<NoteHeader> {
    if label.starts_with('[') {
        return None;
    }
    let row = HEADERS.0.get(&label.to_lowercase())?;
    Some(NoteHeader {
        span,
        ..row.clone()
    })
}

/// Problems found in the bundled note headers (empty when well formed).
pub fn lexicon_problems() -> &'static [LexiconError] {
    &HEADERS.1
}

type Table = HashMap<String, NoteHeader>;

static HEADERS: LazyLock<(Table, Vec<LexiconError>)> = LazyLock::new(|| {
    const FILE: &str = "lexicons/triggers/note-headers.tsv";
    let mut table = Table::new();
    let mut problems = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("triggers/note-headers.tsv")) {
        let Some(acled) = AcledType::from_sub_event(row.get(1)) else {
            problems.push(row.error(
                FILE,
                format!("unknown ACLED sub-event type `{}`", row.get(1)),
            ));
            continue;
        };
        let code = |i: usize| Some(row.get(i).to_string()).filter(|c| !c.is_empty() && c != "-");
        let header = NoteHeader {
            acled,
            plover: code(2).unwrap_or_default(),
            mode: code(3),
            cameo: code(4),
            span: Span::new(0, 0),
        };
        let label = row.get(0).to_lowercase();
        if label.is_empty() || table.insert(label, header).is_some() {
            problems.push(row.error(FILE, "duplicate or empty label"));
        }
    }
    (table, problems)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[rustfmt::skip]
    fn labels_name_the_event_type() {
        let rows = [
            ("Property destruction: On 4 May 2021, a mob set fire to a shop in Kisumu.", Some("Looting/property destruction")),
            ("Looting: Around 2 June, gunmen emptied a warehouse in Goma.", Some("Looting/property destruction")),
            ("Movement of forces: On 9 July, the army deployed two battalions to Tillaberi.", Some("Change to group/activity")),
            ("Non-violent activity: On 3 March, rebels held a rally in a village near Beni.", Some("Other")),
            ("  Displacement: On 1 April, 300 families fled to Kaya.", Some("Other")),
            ("MASS GRAVE : On 5 May, a grave was found near Izium.", Some("Other")),
            ("Security measures: Officials imposed a curfew in Jos.", Some("Change to group/activity")),
            ("Weapons seizure: On 7 May, police seized rifles in Cali.", Some("Disrupted weapons use")),
            ("The minister said: we will not negotiate.", None),
            ("On 4 May 2021, a mob set fire to a shop in Kisumu.", None),
            ("Update: the toll has risen to twelve.", None),
        ];
        for (sentence, expected) in rows {
            let got = note_header(sentence).map(|h| h.acled.sub_event_type());
            assert_eq!(got, expected, "{sentence:?}");
        }
        let s = "  Displacement: On 1 April, 300 families fled to Kaya.";
        assert_eq!(note_header(s).unwrap().span.slice(s), "Displacement");
    }

    #[test]
    fn a_label_left_before_the_sentence_counts() {
        let text = "Defusal: On 2 May, soldiers defused a bomb.";
        let first = Span::new(9, text.len());
        let h = header_of(text, first).unwrap();
        assert_eq!(h.acled.sub_event_type(), "Disrupted weapons use");
        assert_eq!(h.span, Span::new(9, 9));
        let whole = Span::new(0, text.len());
        assert_eq!(header_of(text, whole).unwrap().span, Span::new(0, 7));
        assert!(header_of("Police: On 2 May, a bomb went off.", Span::new(8, 34)).is_none());
    }

    #[test]
    #[rustfmt::skip]
    fn a_crowd_size_tag_names_a_demonstration() {
        let rows = [
            ("On 2 May, traders shut their shops in Kano over new taxes. [size=dozens]", Some("Peaceful protest")),
            ("On 3 June, a mob burnt a car in Bauchi. [SIZE=no report]", Some("Peaceful protest")),
            ("On 4 July, soldiers shelled a village near Idlib.", None),
            ("On 5 July, a shop of a given size was looted in Goma.", None),
        ];
        for (text, expected) in rows {
            assert_eq!(note_tag(text).map(|h| h.acled.sub_event_type()), expected, "{text:?}");
        }
        // A tag is no opening label.
        assert!(note_header("[size=: On 2 May, traders marched.").is_none());
    }

    #[test]
    fn lexicon_is_well_formed() {
        assert!(lexicon_problems().is_empty(), "{:?}", lexicon_problems());
    }
}
