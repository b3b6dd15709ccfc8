//! Error analysis on a gold set (LGL or GeoVirus XML): the figures of each half of the
//! documents (the first half is for tuning, the second held out), then the matched toponyms
//! resolved farther than 161 km from the gold point, grouped by what they were resolved to,
//! the missed gold toponyms and the found mentions that match no gold toponym:
//! `cargo run --release -p sitrep-geo --example geo_errors -- [--half first|second|all]
//! [--missed] [--false] ../shared/data/geo/lgl.xml`.

#[path = "../../eval/src/geo.rs"]
#[allow(dead_code)]
mod geo_eval;

use std::collections::BTreeMap;
use std::path::Path;

use sitrep_geo::{distance_km, Gazetteer};
use sitrep_model::CharIndex;

/// (gold phrase, resolved name, kind, country, admin1).
type ErrorKey = (String, String, String, String, String);
/// (count, sum of error km, an example gold point).
type ErrorTally = (usize, f64, (f64, f64));

fn main() {
    let mut half = "first".to_string();
    let mut show_missed = false;
    let mut show_false = false;
    let mut show_context = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--half" => half = args.next().unwrap_or_default(),
            "--missed" => show_missed = true,
            "--false" => show_false = true,
            "--context" => show_context = true,
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("usage: geo_errors [--half first|second|all] [--missed] [--false] GOLD.xml...");
        std::process::exit(2);
    }
    let gazetteer = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("geo_errors: {e}");
            std::process::exit(1);
        }
    };
    for path in &files {
        let docs = match geo_eval::read_gold(Path::new(path)) {
            Ok(docs) => docs,
            Err(e) => {
                eprintln!("geo_errors: {e}");
                std::process::exit(1);
            }
        };
        let (first, second) = geo_eval::halves(&docs);
        for (name, part) in [("first half", first), ("second half", second)] {
            let score = geo_eval::score(&gazetteer, part);
            print!("{}", score.to_markdown(&format!("{path} {name}")));
        }
        let docs = match half.as_str() {
            "second" => second,
            "all" => &docs[..],
            _ => first,
        };
        report(&gazetteer, docs, show_missed, show_false, show_context);
    }
}

fn report(
    gazetteer: &Gazetteer,
    docs: &[geo_eval::GoldDoc],
    show_missed: bool,
    show_false: bool,
    show_context: bool,
) {
    let mut matched_by_phrase: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors: BTreeMap<ErrorKey, ErrorTally> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut false_places: BTreeMap<(String, String), usize> = BTreeMap::new();
    for doc in docs {
        let places = gazetteer.geoparse(&doc.text);
        let index = CharIndex::new(&doc.text);
        for gold in &doc.toponyms {
            let hit = places.mentions().iter().find(|m| {
                let (s, e) = (index.chars(m.span.start), index.chars(m.span.end));
                s < gold.end && gold.start < e
            });
            if hit.is_none() && !gazetteer.is_demonym(&gold.phrase) {
                *missed.entry(gold.phrase.clone()).or_default() += 1;
            }
            let Some((lat, lon)) = gold.point else {
                continue;
            };
            let Some(place) = hit.and_then(|m| m.place.as_ref()) else {
                continue;
            };
            *matched_by_phrase.entry(gold.phrase.clone()).or_default() += 1;
            let error = distance_km(lat, lon, place.lat, place.lon);
            if error > geo_eval::ACCURACY_KM {
                if show_context {
                    let others: Vec<String> = places
                        .mentions()
                        .iter()
                        .filter_map(|m| {
                            let p = m.place.as_ref()?;
                            Some(format!("{}={}/{}", m.text, p.country, p.admin1))
                        })
                        .collect();
                    println!(
                        "ERR {} → {} ({}, {}, {}) gold {lat:.2},{lon:.2} | {}",
                        gold.phrase,
                        place.name,
                        place.kind.as_str(),
                        place.country,
                        place.admin1,
                        others.join(" ")
                    );
                }
                let key = (
                    gold.phrase.clone(),
                    place.name.clone(),
                    place.kind.as_str().to_string(),
                    place.country.clone(),
                    place.admin1.clone(),
                );
                let slot = errors.entry(key).or_insert((0, 0.0, (lat, lon)));
                slot.0 += 1;
                slot.1 += error;
            }
        }
        for m in places.mentions() {
            let (s, e) = (index.chars(m.span.start), index.chars(m.span.end));
            if doc.toponyms.iter().any(|g| s < g.end && g.start < e) {
                continue;
            }
            let kind = geo_eval::false_kind(&doc.text, m.span.start, m.span.end, &m.text);
            if show_context && show_false {
                let from = floor_char(&doc.text, m.span.start.saturating_sub(60));
                let to = floor_char(&doc.text, (m.span.end + 40).min(doc.text.len()));
                println!(
                    "FALSE {kind}\t{}\t{}[[{}]]{}",
                    m.text,
                    doc.text[from..m.span.start].replace('\n', " "),
                    m.text,
                    doc.text[m.span.end..to].replace('\n', " ")
                );
            }
            let shown = m.place.as_ref().map_or(String::new(), |p| {
                format!("{} ({}, {})", p.name, p.kind.as_str(), p.country)
            });
            *false_places
                .entry((kind.to_string(), format!("{}\t{shown}", m.text)))
                .or_default() += 1;
        }
    }
    let mut rows: Vec<_> = errors.into_iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1 .0));
    println!("## resolved more than 161 km away");
    for ((phrase, name, kind, country, admin1), (n, sum, (lat, lon))) in rows {
        let total = matched_by_phrase.get(&phrase).copied().unwrap_or(0);
        println!(
            "{n}/{total}\t{phrase}\t→ {name} ({kind}, {country}, {admin1})\tmean {:.0} km\tgold {lat:.2},{lon:.2}",
            sum / n as f64
        );
    }
    if show_missed {
        let mut rows: Vec<_> = missed.into_iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
        println!("## missed");
        for (phrase, n) in rows {
            println!("{n}\t{phrase}");
        }
    }
    if show_false {
        let mut rows: Vec<_> = false_places.into_iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
        println!("## found, not in the gold set");
        for ((kind, text), n) in rows {
            println!("{n}\t{kind}\t{text}");
        }
    }
}

/// The largest char boundary at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
