//! The gazetteer: entries (countries, regions, places) and a name index over them.
//!
//! The file format is a gzip-compressed TSV (see `docs/geocoding.md`): one entry a line,
//! `#` comment lines at the top. The hand-written data files (stop words, cues, aliases,
//! named regions) are plain TSV beside it and are embedded in the binary too.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use crate::fold::fold;
use crate::GeoError;

/// The bundled gazetteer (GeoNames via registry packages; see `gazetteer/SOURCE.md`).
const EMBEDDED_GAZETTEER: &[u8] = include_bytes!("../../../gazetteer/gazetteer.tsv.gz");
const EMBEDDED_STOPLIST: &str = include_str!("../../../gazetteer/stoplist.tsv");
const EMBEDDED_DEMONYMS: &str = include_str!("../../../gazetteer/demonyms.tsv");
const EMBEDDED_COMMON: &str = include_str!("../../../gazetteer/common-words.txt");
const EMBEDDED_CUES: &str = include_str!("../../../gazetteer/cues.tsv");
const EMBEDDED_ALIASES: &str = include_str!("../../../gazetteer/aliases.tsv");
const EMBEDDED_REGIONS: &str = include_str!("../../../gazetteer/regions.tsv");

/// The text of the bundled gazetteer file (decompressed).
pub(crate) fn embedded_tsv() -> Result<String, GeoError> {
    let mut text = String::with_capacity(EMBEDDED_GAZETTEER.len() * 3);
    flate2::read::MultiGzDecoder::new(EMBEDDED_GAZETTEER)
        .read_to_string(&mut text)
        .map_err(|e| GeoError::Format {
            origin: "embedded gazetteer".into(),
            line: 0,
            message: format!("cannot decompress ({e}); rebuild sitrep"),
        })?;
    Ok(text)
}

/// What kind of feature a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A continent.
    Continent,
    /// A named region that is not an administrative division ("Middle East", "West Bank").
    Region,
    /// A country or territory with an ISO code.
    Country,
    /// A first-level administrative division (province, state, governorate).
    Admin1,
    /// A second-level administrative division (district, county).
    Admin2,
    /// A national capital.
    Capital,
    /// A populated place.
    City,
}

impl Kind {
    /// The name used in the gazetteer file and in `feature` of place records.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Continent => "continent",
            Kind::Region => "region",
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Capital => "capital",
            Kind::City => "city",
        }
    }

    /// Parses the file name of a kind.
    pub fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "continent" => Kind::Continent,
            "region" => Kind::Region,
            "country" => Kind::Country,
            "admin1" => Kind::Admin1,
            "admin2" => Kind::Admin2,
            "capital" => Kind::Capital,
            "city" => Kind::City,
            _ => return None,
        })
    }

    /// Whether this is a populated place (town precision).
    pub fn is_place(self) -> bool {
        matches!(self, Kind::City | Kind::Capital)
    }

    /// Whether this is an administrative division below country level.
    pub fn is_admin(self) -> bool {
        matches!(self, Kind::Admin1 | Kind::Admin2)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// GeoNames id, 0 when the source carries none (derived regions).
    pub geonameid: u64,
    /// Feature kind.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 country code ("" for continents and multi-country regions).
    pub country: String,
    /// First-level division name ("" when unknown).
    pub admin1: String,
    /// Second-level division name ("" when unknown).
    pub admin2: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (for divisions: the sum of their places in the gazetteer).
    pub population: u64,
    /// South, west, north, east of the inner part of the entry (countries and admin1).
    pub extent: Option<[f64; 4]>,
    /// Preferred name.
    pub name: String,
}

/// How a context word is used (from `gazetteer/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    Locative,
    Origin,
    Town,
    Admin1,
    Admin2,
    City,
    Direction,
    Title,
    Person,
    Regional,
}

impl Cue {
    fn parse(text: &str) -> Option<Cue> {
        Some(match text {
            "locative" => Cue::Locative,
            "origin" => Cue::Origin,
            "town" => Cue::Town,
            "admin1" => Cue::Admin1,
            "admin2" => Cue::Admin2,
            "city" => Cue::City,
            "direction" => Cue::Direction,
            "title" => Cue::Title,
            "person" => Cue::Person,
            "regional" => Cue::Regional,
            _ => return None,
        })
    }
}

/// A key's postings: entry indexes, and whether the name may only follow a comma.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub entry: u32,
    pub chain_only: bool,
}

/// A loaded gazetteer with its name index and context word lists. Send + Sync; load once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    /// (hash of folded key, posting), sorted by hash.
    index: Vec<(u64, Posting)>,
    pub(crate) stop: HashSet<String>,
    pub(crate) common: HashSet<String>,
    demonyms: HashSet<String>,
    pub(crate) cues: HashMap<String, Cue>,
    pub(crate) max_cue_words: usize,
    countries: HashMap<String, u32>,
    admin1s: HashMap<(String, String), u32>,
    compressed: usize,
}

/// Counts that describe a loaded gazetteer (`sitrep gazetteer info`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GazetteerStats {
    /// Entries by kind name.
    pub by_kind: Vec<(&'static str, usize)>,
    /// Distinct (name key, entry) pairs in the index.
    pub names: usize,
    /// Size of the compressed gazetteer data in bytes (0 when built in memory).
    pub compressed_bytes: usize,
}

fn key_hash(key: &str) -> u64 {
    sitrep_model::stable_hash(&[key.as_bytes()])
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l))
}

impl Gazetteer {
    /// Loads the gazetteer embedded in the binary, with the embedded word lists.
    pub fn embedded() -> Result<Gazetteer, GeoError> {
        let mut gazetteer = Gazetteer::from_gzip(EMBEDDED_GAZETTEER, "embedded gazetteer")?;
        gazetteer.compressed = EMBEDDED_GAZETTEER.len();
        Ok(gazetteer)
    }

    /// Loads the gazetteer named by `SITREP_GAZETTEER` when set, else the embedded one.
    pub fn load_default() -> Result<Gazetteer, GeoError> {
        match std::env::var_os("SITREP_GAZETTEER") {
            Some(path) if !path.is_empty() => Gazetteer::from_path(Path::new(&path)),
            _ => Gazetteer::embedded(),
        }
    }

    /// Loads a gazetteer file (as written by `sitrep gazetteer import`), gzipped or not,
    /// with the embedded word lists.
    pub fn from_path(path: &Path) -> Result<Gazetteer, GeoError> {
        let bytes = std::fs::read(path).map_err(|source| GeoError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let origin = path.display().to_string();
        let mut gazetteer = if bytes.starts_with(&[0x1f, 0x8b]) {
            Gazetteer::from_gzip(&bytes, &origin)?
        } else {
            let text = String::from_utf8(bytes).map_err(|_| GeoError::Format {
                origin: origin.clone(),
                line: 0,
                message: "not UTF-8 text; expected a gazetteer TSV (gzipped or not)".into(),
            })?;
            Gazetteer::from_tsv(&text, &origin)?
        };
        gazetteer.compressed = std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        Ok(gazetteer)
    }

    fn from_gzip(bytes: &[u8], origin: &str) -> Result<Gazetteer, GeoError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| GeoError::Format {
                origin: origin.to_string(),
                line: 0,
                message: format!(
                    "cannot decompress ({e}); rebuild it with `sitrep gazetteer import`"
                ),
            })?;
        Gazetteer::from_tsv(&text, origin)
    }

    /// Builds a gazetteer from the TSV text of a gazetteer file plus the embedded word lists.
    pub fn from_tsv(text: &str, origin: &str) -> Result<Gazetteer, GeoError> {
        let mut gazetteer = Gazetteer::default();
        let mut index = Vec::with_capacity(text.len() / 24);
        for (line_no, line) in data_lines(text) {
            let entry_id = gazetteer.entries.len() as u32;
            let (entry, keys) = parse_entry(line).map_err(|message| GeoError::Format {
                origin: origin.to_string(),
                line: line_no,
                message,
            })?;
            for key in keys.split('|').filter(|k| !k.is_empty()) {
                index.push((
                    key_hash(key),
                    Posting {
                        entry: entry_id,
                        chain_only: false,
                    },
                ));
            }
            gazetteer.entries.push(entry);
        }
        gazetteer.index = index;
        gazetteer.load_word_lists()?;
        gazetteer.finish();
        Ok(gazetteer)
    }

    fn finish(&mut self) {
        self.index
            .sort_unstable_by_key(|(hash, posting)| (*hash, posting.entry));
        self.index
            .dedup_by_key(|(hash, posting)| (*hash, posting.entry));
    }

    fn build_maps(&mut self) {
        self.countries.clear();
        self.admin1s.clear();
        for (id, entry) in self.entries.iter().enumerate() {
            match entry.kind {
                Kind::Country => {
                    self.countries
                        .entry(entry.country.clone())
                        .or_insert(id as u32);
                }
                Kind::Admin1 => {
                    self.admin1s
                        .entry((entry.country.clone(), entry.admin1.clone()))
                        .or_insert(id as u32);
                }
                _ => {}
            }
        }
    }

    fn load_word_lists(&mut self) -> Result<(), GeoError> {
        for (_, line) in data_lines(EMBEDDED_STOPLIST).skip(1) {
            let word = line.split('\t').next().unwrap_or("");
            self.stop.insert(fold(word));
        }
        for (_, line) in data_lines(EMBEDDED_DEMONYMS) {
            let word = fold(line.split('\t').next().unwrap_or(""));
            self.stop.insert(format!("{word}s"));
            self.demonyms.insert(word.clone());
            self.stop.insert(word);
        }
        self.common = data_lines(EMBEDDED_COMMON)
            .map(|(_, l)| l.trim().to_string())
            .collect();
        for (line_no, line) in data_lines(EMBEDDED_CUES).skip(1) {
            let mut fields = line.split('\t');
            let phrase = fold(fields.next().unwrap_or(""));
            let role = fields.next().unwrap_or("");
            let cue = Cue::parse(role).ok_or_else(|| GeoError::Format {
                origin: "gazetteer/cues.tsv".into(),
                line: line_no,
                message: format!("unknown role {role:?}; see the header for the roles"),
            })?;
            self.max_cue_words = self.max_cue_words.max(phrase.split(' ').count());
            self.cues.insert(phrase, cue);
        }
        // Named regions become entries of their own.
        let mut extra: Vec<(u64, Posting)> = Vec::new();
        for (line_no, line) in data_lines(EMBEDDED_REGIONS).skip(1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = |message: &str| GeoError::Format {
                origin: "gazetteer/regions.tsv".into(),
                line: line_no,
                message: message.to_string(),
            };
            if fields.len() < 4 {
                return Err(bad("expected name, country, lat, lon, alternates"));
            }
            let lat = fields[2]
                .parse()
                .map_err(|_| bad("latitude is not a number"))?;
            let lon = fields[3]
                .parse()
                .map_err(|_| bad("longitude is not a number"))?;
            let id = self.entries.len() as u32;
            self.entries.push(Entry {
                geonameid: 0,
                kind: Kind::Region,
                country: fields[1].to_string(),
                admin1: String::new(),
                admin2: String::new(),
                lat,
                lon,
                population: 0,
                extent: None,
                name: fields[0].to_string(),
            });
            let alternates = fields.get(4).copied().unwrap_or("");
            for name in std::iter::once(fields[0]).chain(alternates.split('|')) {
                let key = fold(name);
                if !key.is_empty() {
                    extra.push((
                        key_hash(&key),
                        Posting {
                            entry: id,
                            chain_only: false,
                        },
                    ));
                }
            }
        }
        self.index.extend(extra);
        self.build_maps();
        for (line_no, line) in data_lines(EMBEDDED_ALIASES).skip(1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = |message: String| GeoError::Format {
                origin: "gazetteer/aliases.tsv".into(),
                line: line_no,
                message,
            };
            let (alias, target) = match (fields.first(), fields.get(1)) {
                (Some(a), Some(t)) => (*a, *t),
                _ => return Err(bad("expected alias, target, use".into())),
            };
            let chain_only = fields.get(2).is_some_and(|u| u.trim() == "chain");
            // A target missing from a user-built gazetteer is skipped, not an error.
            if let Some(entry) = self.resolve_target(target).map_err(bad)? {
                self.index
                    .push((key_hash(&fold(alias)), Posting { entry, chain_only }));
            }
        }
        Ok(())
    }

    fn resolve_target(&self, target: &str) -> Result<Option<u32>, String> {
        let parts: Vec<&str> = target.split(':').collect();
        Ok(match parts.as_slice() {
            ["country", cc] => self.countries.get(*cc).copied(),
            ["admin1", cc, name] => self
                .admin1s
                .get(&(cc.to_string(), name.to_string()))
                .copied(),
            ["id", id] => {
                let id: u64 = id.parse().map_err(|_| format!("bad geonameid {id:?}"))?;
                self.entries
                    .iter()
                    .position(|e| e.geonameid == id)
                    .map(|p| p as u32)
            }
            _ => {
                return Err(format!(
                    "bad target {target:?}; use country:CC, admin1:CC:Name or id:GEONAMEID"
                ))
            }
        })
    }

    pub(crate) fn lookup(&self, key: &str) -> &[(u64, Posting)] {
        let hash = key_hash(key);
        let start = self.index.partition_point(|(h, _)| *h < hash);
        let end = start + self.index[start..].partition_point(|(h, _)| *h == hash);
        &self.index[start..end]
    }

    /// Entries whose name or alternate name folds to the same key as `name`.
    pub fn find(&self, name: &str) -> Vec<&Entry> {
        self.lookup(&fold(name))
            .iter()
            .map(|(_, p)| &self.entries[p.entry as usize])
            .collect()
    }

    /// Whether a word or phrase is a demonym ("Turkish", "Syrians"), never a place here.
    pub fn is_demonym(&self, word: &str) -> bool {
        let key = fold(word);
        self.demonyms.contains(&key)
            || key
                .strip_suffix('s')
                .is_some_and(|singular| self.demonyms.contains(singular))
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The country entry for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.countries.get(code).map(|&i| &self.entries[i as usize])
    }

    /// The admin1 entry of a country by name.
    pub fn admin1(&self, country: &str, name: &str) -> Option<&Entry> {
        self.admin1s
            .get(&(country.to_string(), name.to_string()))
            .map(|&i| &self.entries[i as usize])
    }

    /// Counts by kind and index size.
    pub fn stats(&self) -> GazetteerStats {
        let mut by_kind: Vec<(&'static str, usize)> = Vec::new();
        for entry in &self.entries {
            match by_kind.iter_mut().find(|(k, _)| *k == entry.kind.as_str()) {
                Some((_, n)) => *n += 1,
                None => by_kind.push((entry.kind.as_str(), 1)),
            }
        }
        GazetteerStats {
            by_kind,
            names: self.index.len(),
            compressed_bytes: self.compressed,
        }
    }
}

fn parse_entry(line: &str) -> Result<(Entry, &str), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() < 11 {
        return Err(format!(
            "expected 11 tab-separated columns, found {}; see the header of the file",
            fields.len()
        ));
    }
    let number = |i: usize, what: &str| -> Result<f64, String> {
        fields[i]
            .parse::<f64>()
            .map_err(|_| format!("{what} {:?} is not a number", fields[i]))
    };
    let kind = Kind::parse(fields[1]).ok_or_else(|| format!("unknown kind {:?}", fields[1]))?;
    let extent = if fields[8].is_empty() {
        None
    } else {
        let parts: Vec<f64> = fields[8]
            .split(',')
            .filter_map(|p| p.parse().ok())
            .collect();
        match parts.as_slice() {
            [s, w, n, e] => Some([*s, *w, *n, *e]),
            _ => return Err(format!("bad extent {:?}", fields[8])),
        }
    };
    Ok((
        Entry {
            geonameid: fields[0].parse().unwrap_or(0),
            kind,
            country: fields[2].to_string(),
            admin1: fields[3].to_string(),
            admin2: fields[4].to_string(),
            lat: number(5, "latitude")?,
            lon: number(6, "longitude")?,
            population: fields[7].parse().unwrap_or(0),
            extent,
            name: fields[9].to_string(),
        },
        fields[10],
    ))
}
