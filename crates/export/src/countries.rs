//! Country names for ISO 3166-1 alpha-2 codes, as ACLED writes them, read from
//! the embedded `data/countries.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.tsv");

fn names() -> &'static HashMap<&'static str, &'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

/// The country name for an alpha-2 code (any case), e.g. `SY` → `Syria`.
pub fn country_name(code: &str) -> Option<&'static str> {
    names().get(code.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        let codes: Vec<&str> = TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_once('\t').map(|(code, _)| code).unwrap_or(line))
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "keep countries.tsv sorted by code, one line per code"
        );
        assert!(codes.len() > 240);
        for (code, name) in [
            ("SY", "Syria"),
            ("cd", "Democratic Republic of Congo"),
            ("PS", "Palestine"),
            ("MM", "Myanmar"),
            ("XK", "Kosovo"),
            ("NG", "Nigeria"),
        ] {
            assert_eq!(country_name(code), Some(name));
        }
        assert_eq!(country_name("ZZ"), None);
    }
}
