//! Reading pre-extracted `sitrep/1` records (the output of `sitrep extract`) for import.

use std::collections::HashMap;
use std::io::BufRead;

use sitrep_model::{Document, Record};

use crate::DocumentRecords;

/// Groups a JSONL stream of `sitrep/1` records by `doc_id`, in order of first
/// appearance; each group's document has the id only (no text).
///
/// Returns the groups and one message per line that could not be read
/// (`origin:line: why`); the other lines are kept.
pub fn group_records(reader: impl BufRead, origin: &str) -> (Vec<DocumentRecords>, Vec<String>) {
    let mut groups: Vec<DocumentRecords> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (number, line) in reader.lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                problems.push(format!("{origin}:{}: cannot read ({e})", number + 1));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(&line) {
            Ok(record) => record,
            Err(e) => {
                problems.push(format!(
                    "{origin}:{}: not a sitrep/1 record ({e})",
                    number + 1
                ));
                continue;
            }
        };
        let doc_id = record.doc_id().to_string();
        let slot = *index.entry(doc_id.clone()).or_insert_with(|| {
            groups.push(DocumentRecords {
                document: Document {
                    id: doc_id,
                    ..Document::default()
                },
                ..DocumentRecords::default()
            });
            groups.len() - 1
        });
        let group = &mut groups[slot];
        match record {
            Record::Event(event) => group.events.push(event),
            Record::Figure(figure) => group.figures.push(figure),
            Record::Place(place) => group.places.push(place),
        }
    }
    (groups, problems)
}
