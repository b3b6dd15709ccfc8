//! Boilerplate lines of web pages (bylines, "Read:" links, menus, credits),
//! read from the embedded `data/boilerplate.tsv` (its header documents the format).

use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/boilerplate.tsv");
const BULLETS: &[char] = &['•', '»', '›', '-', '–', '—', '*', '>', '|', '·'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Prefix,
    Line,
}

#[derive(Debug)]
struct Rule {
    matching: Match,
    text: String,
    max_words: usize,
    /// A line the rule drops; only the tests read it.
    #[cfg_attr(not(test), allow(dead_code))]
    example: String,
}

fn parse(table: &str) -> Result<Vec<Rule>, String> {
    let mut rules = Vec::new();
    for (number, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [matching, text, max_words, example] = fields[..] else {
            return Err(format!(
                "boilerplate.tsv:{}: expected 4 tab-separated fields",
                number + 1
            ));
        };
        let matching = match matching {
            "prefix" => Match::Prefix,
            "line" => Match::Line,
            other => {
                return Err(format!(
                    "boilerplate.tsv:{}: unknown match {other:?}",
                    number + 1
                ))
            }
        };
        let max_words = max_words
            .parse()
            .map_err(|_| format!("boilerplate.tsv:{}: max_words must be a number", number + 1))?;
        rules.push(Rule {
            matching,
            text: text.to_string(),
            max_words,
            example: example.to_string(),
        });
    }
    Ok(rules)
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    // The table is embedded and checked by the tests below, so it always parses.
    RULES.get_or_init(|| parse(TABLE).unwrap_or_default())
}

/// Whether a (trimmed) line of page text is boilerplate to drop.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let line = line.trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace());
    if line.is_empty() || line.len() > 200 {
        return false;
    }
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with(['.', '!', '?']);
    rules().iter().any(|rule| {
        let short_enough = rule.max_words == 0 || (words <= rule.max_words && !ends_sentence);
        short_enough
            && match rule.matching {
                Match::Prefix => lower.starts_with(&rule.text),
                Match::Line => lower.trim_end_matches([':', '.']) == rule.text,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_is_sorted_and_every_example_is_dropped() {
        let rules = parse(TABLE).unwrap();
        assert!(rules.len() > 20);
        let keys: Vec<(bool, &str)> = rules
            .iter()
            .map(|r| (r.matching == Match::Prefix, r.text.as_str()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            keys, sorted,
            "keep boilerplate.tsv sorted by match then text, no duplicates"
        );
        for rule in &rules {
            assert!(
                is_boilerplate(&rule.example),
                "example {:?} is not dropped",
                rule.example
            );
        }
    }

    #[test]
    fn article_sentences_are_kept() {
        for line in [
            "By Tuesday evening, at least 40 people had been killed in the fighting.",
            "By late afternoon, the shelling had resumed.",
            "Home to about 200,000 people, the town has been shelled for weeks.",
            "Menus of the aid kitchens were cut to one meal a day, the agency said.",
            "Related fighting spread to two neighbouring districts on Friday.",
            "Police said the photographer was detained at a checkpoint.",
            "Subsequent raids netted 14 suspects, the ministry said.",
        ] {
            assert!(!is_boilerplate(line), "{line:?} must be kept");
        }
        assert!(is_boilerplate("» Read more: What we know so far"));
        assert!(is_boilerplate("HOME"));
    }
}
