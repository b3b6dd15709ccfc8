//! Lint of the hand-written gazetteer data files: a `#` header, a column line, sorted rows,
//! no duplicate keys, the right number of columns.

fn check(name: &str, columns: usize) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../gazetteer")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        text.starts_with('#'),
        "{name}: start with a # header explaining the columns"
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|r| r.split('\t').next().unwrap_or("").to_lowercase())
        .collect();
    for (row, line) in rows.iter().enumerate() {
        let fields = line.split('\t').count();
        assert!(
            fields >= columns,
            "{name}: row {line:?} has {fields} columns, expected {columns}"
        );
        if row > 0 {
            assert!(
                keys[row - 1] < keys[row],
                "{name}: {:?} must come after {:?} (sorted, no duplicates)",
                keys[row],
                keys[row - 1]
            );
        }
    }
}

#[test]
fn data_files_are_sorted_and_documented() {
    check("stoplist.tsv", 2);
    check("cues.tsv", 2);
    check("aliases.tsv", 3);
    check("regions.tsv", 4);
    check("transliterated.tsv", 2);
    check("arabic-articles.tsv", 2);
    check("name-particles.tsv", 2);
    check("division-prefixes.tsv", 2);
    check("locale-cues.tsv", 2);
}
