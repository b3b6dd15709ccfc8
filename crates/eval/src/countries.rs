//! Country names and ISO codes (data/countries.tsv), and the country of an ACLED actor name.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The bundled table: `iso3 <TAB> iso2 <TAB> name|name|…`, `#` comments.
const TABLE: &str = include_str!("../data/countries.tsv");

struct Countries {
    by_name: HashMap<String, &'static str>,
    by_iso2: HashMap<&'static str, &'static str>,
}

fn countries() -> &'static Countries {
    static CELL: OnceLock<Countries> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut by_name = HashMap::new();
        let mut by_iso2 = HashMap::new();
        for line in TABLE.lines().skip_while(|l| l.starts_with('#')).skip(1) {
            let mut cols = line.split('\t');
            let (Some(iso3), Some(iso2), Some(names)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            by_iso2.insert(iso2, iso3);
            by_name.insert(iso3.to_lowercase(), iso3);
            for name in names.split('|') {
                by_name.entry(fold(name)).or_insert(iso3);
            }
        }
        Countries { by_name, by_iso2 }
    })
}

/// Lower case, `the ` dropped, spaces collapsed.
fn fold(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ISO3 code of a country name ("Syria", "Democratic Republic of Congo"), case-insensitive.
pub fn iso3_from_name(name: &str) -> Option<&'static str> {
    countries().by_name.get(&fold(name)).copied()
}

/// The ISO3 code for an ISO2 code ("SY" → "SYR").
pub fn iso3_from_iso2(code: &str) -> Option<&'static str> {
    countries()
        .by_iso2
        .get(code.trim().to_uppercase().as_str())
        .copied()
}

/// The country an ACLED actor name refers to: "Civilians (Syria)", "Military Forces of
/// Syria (2000-)", "Police Forces of Afghanistan (2021-) General Directorate of
/// Intelligence". `None` for names without a country ("Al Shabaab", "Civilians (International)").
pub fn acled_actor_country(actor: &str) -> Option<&'static str> {
    let mut rest = actor;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        if let Some(iso3) = iso3_from_name(&after[..close]) {
            return Some(iso3);
        }
        rest = &after[close + 1..];
    }
    let (_, after_of) = actor.split_once(" of ")?;
    let country = after_of.split('(').next().unwrap_or(after_of);
    iso3_from_name(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_map_to_iso3() {
        let rows: &[(&str, Option<&str>)] = &[
            ("Syria", Some("SYR")),
            ("democratic republic of congo", Some("COD")),
            ("The Gambia", Some("GMB")),
            ("Palestine", Some("PSE")),
            ("Atlantis", None),
        ];
        for (name, iso3) in rows {
            assert_eq!(iso3_from_name(name), *iso3, "{name}");
        }
        assert_eq!(iso3_from_iso2("sy"), Some("SYR"));
        assert_eq!(iso3_from_iso2("ZZ"), None);
    }

    #[test]
    fn acled_actor_names_give_their_country() {
        let rows: &[(&str, Option<&str>)] = &[
            ("Civilians (Mali)", Some("MLI")),
            ("Military Forces of Peru (2021-)", Some("PER")),
            (
                "Military Forces of the Democratic Republic of Congo (2019-)",
                Some("COD"),
            ),
            (
                "Police Forces of Kenya (2022-) Anti-Terrorism Unit",
                Some("KEN"),
            ),
            ("Unidentified Armed Group (Cameroon)", Some("CMR")),
            ("Government of Chad (2021-)", Some("TCD")),
            ("Protesters (International)", None),
            ("Fulani Ethnic Militia (Nigeria)", Some("NGA")),
            ("ELN: National Liberation Army", None),
            ("Group for Support of Islam and Muslims", None),
        ];
        for (name, iso3) in rows {
            assert_eq!(acled_actor_country(name), *iso3, "{name}");
        }
    }
}
