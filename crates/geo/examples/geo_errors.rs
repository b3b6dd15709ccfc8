//! Lists the matched toponyms of a gold set (LGL or GeoVirus XML) resolved farther than
//! 161 km from the gold point, grouped by what they were resolved to, for error analysis:
//! `cargo run --release -p sitrep-geo --example geo_errors ../shared/data/geo/lgl.xml`.

#[path = "../../eval/src/geo.rs"]
#[allow(dead_code)]
mod geo_eval;

use std::collections::BTreeMap;
use std::path::Path;

use sitrep_geo::{distance_km, Gazetteer};
use sitrep_model::CharIndex;

/// (gold phrase, resolved name, kind, country).
type ErrorKey = (String, String, String, String);
/// (count, sum of error km, an example gold point).
type ErrorTally = (usize, f64, (f64, f64));

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: geo_errors GOLD.xml");
        std::process::exit(2);
    };
    let gazetteer = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("geo_errors: {e}");
            std::process::exit(1);
        }
    };
    let docs = match geo_eval::read_gold(Path::new(&path)) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("geo_errors: {e}");
            std::process::exit(1);
        }
    };
    let mut matched_by_phrase: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors: BTreeMap<ErrorKey, ErrorTally> = BTreeMap::new();
    for doc in &docs {
        let places = gazetteer.geoparse(&doc.text);
        let index = CharIndex::new(&doc.text);
        for gold in &doc.toponyms {
            let Some((lat, lon)) = gold.point else {
                continue;
            };
            let hit = places.mentions().iter().find(|m| {
                let (s, e) = (index.chars(m.span.start), index.chars(m.span.end));
                s < gold.end && gold.start < e
            });
            let Some(place) = hit.and_then(|m| m.place.as_ref()) else {
                continue;
            };
            *matched_by_phrase.entry(gold.phrase.clone()).or_default() += 1;
            let error = distance_km(lat, lon, place.lat, place.lon);
            if error > geo_eval::ACCURACY_KM {
                let key = (
                    gold.phrase.clone(),
                    place.name.clone(),
                    place.kind.as_str().to_string(),
                    place.country.clone(),
                );
                let slot = errors.entry(key).or_insert((0, 0.0, (lat, lon)));
                slot.0 += 1;
                slot.1 += error;
            }
        }
    }
    let mut rows: Vec<_> = errors.into_iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1 .0));
    for ((phrase, name, kind, country), (n, sum, (lat, lon))) in rows {
        let total = matched_by_phrase.get(&phrase).copied().unwrap_or(0);
        println!(
            "{n}/{total}\t{phrase}\t→ {name} ({kind}, {country})\tmean {:.0} km\tgold {lat:.2},{lon:.2}",
            sum / n as f64
        );
    }
}
