//! The gazetteer: entries (countries, regions, places) and a name index over them.
//!
//! The file format is a gzip-compressed TSV (see `docs/geocoding.md`): one entry a line,
//! `#` comment lines at the top. The hand-written data files (stop words, cues, aliases,
//! named regions) are plain TSV beside it and are embedded in the binary too.
//!
//! Loading reads each line once for what the geoparser needs (kind, point, population,
//! hashes of the names and of the country and divisions) and keeps the text: an [`Entry`]
//! with its strings is parsed from its line only when asked for. The build script embeds
//! the bundled file decompressed, so the default gazetteer loads without inflating.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::str::SplitWhitespace;
use std::sync::OnceLock;

use crate::fold::{fold, fold_hash, key_hash, HASH_START};
use crate::index::{HashedMap, HashedSet, Hit, NameIndex, CHAIN_ONLY};
use crate::GeoError;

/// The bundled gazetteer (GeoNames via registry packages; see `gazetteer/SOURCE.md`),
/// decompressed by the build script.
const EMBEDDED_GAZETTEER: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));
/// Size of the committed compressed file, for `sitrep gazetteer info`.
const EMBEDDED_COMPRESSED_BYTES: usize =
    include_bytes!("../../../gazetteer/gazetteer.tsv.gz").len();
const EMBEDDED_STOPLIST: &str = include_str!("../../../gazetteer/stoplist.tsv");
const EMBEDDED_DEMONYMS: &str = include_str!("../../../gazetteer/demonyms.tsv");
const EMBEDDED_COMMON: &str = include_str!("../../../gazetteer/common-words.txt");
const EMBEDDED_PERSON_NAMES: &str = include_str!("../../../gazetteer/person-names.txt");
const EMBEDDED_CUES: &str = include_str!("../../../gazetteer/cues.tsv");
const EMBEDDED_ALIASES: &str = include_str!("../../../gazetteer/aliases.tsv");
const EMBEDDED_REGIONS: &str = include_str!("../../../gazetteer/regions.tsv");
const EMBEDDED_TRANSLITERATED: &str = include_str!("../../../gazetteer/transliterated.tsv");
const EMBEDDED_ARABIC_ARTICLES: &str = include_str!("../../../gazetteer/arabic-articles.tsv");
const EMBEDDED_NAME_PARTICLES: &str = include_str!("../../../gazetteer/name-particles.tsv");
const EMBEDDED_DIVISION_PREFIXES: &str = include_str!("../../../gazetteer/division-prefixes.tsv");
const EMBEDDED_LOCALE_CUES: &str = include_str!("../../../gazetteer/locale-cues.tsv");

/// The text of the bundled gazetteer file.
pub(crate) fn embedded_tsv() -> Result<String, GeoError> {
    Ok(EMBEDDED_GAZETTEER.to_string())
}

/// The text of a gazetteer file: embedded in the binary or read at run time.
#[derive(Debug)]
enum Source {
    Static(&'static str),
    Owned(String),
}

impl Default for Source {
    fn default() -> Self {
        Source::Static("")
    }
}

impl Source {
    fn text(&self) -> &str {
        match self {
            Source::Static(text) => text,
            Source::Owned(text) => text,
        }
    }
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

/// The fields of an entry that recognition and resolution read, packed in one cache line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hot {
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Hash of the folded preferred name.
    pub name_hash: u64,
    /// Hashes of the country, country + admin1 and country + admin1 + admin2 (0 when the
    /// last part is empty), for quick containment tests.
    pub area: [u64; 3],
    pub kind: Kind,
}

impl Entry {
    /// A placeholder for an entry that cannot be read (never happens for a loaded file).
    fn empty() -> Entry {
        Entry {
            geonameid: 0,
            kind: Kind::Region,
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            lat: 0.0,
            lon: 0.0,
            population: 0,
            extent: None,
            name: String::new(),
        }
    }
}

impl Hot {
    fn new(entry: &Entry, name_hash: u64) -> Hot {
        Hot {
            lat: entry.lat,
            lon: entry.lon,
            population: entry.population,
            name_hash,
            area: area_codes(&entry.country, &entry.admin1, &entry.admin2),
            kind: entry.kind,
        }
    }
}

/// The `area` hashes of an entry.
pub(crate) fn area_codes(country: &str, admin1: &str, admin2: &str) -> [u64; 3] {
    use crate::fold::hash_extend;
    let c = hash_extend(HASH_START, country.as_bytes());
    let a1 = hash_extend(hash_extend(c, b"\t"), admin1.as_bytes());
    let a2 = hash_extend(hash_extend(a1, b"\t"), admin2.as_bytes());
    [
        if country.is_empty() { 0 } else { c },
        if admin1.is_empty() { 0 } else { a1 },
        if admin2.is_empty() { 0 } else { a2 },
    ]
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
    Sublocal,
    Predicate,
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
            "sublocal" => Cue::Sublocal,
            "predicate" => Cue::Predicate,
            _ => return None,
        })
    }
}

/// A loaded gazetteer with its name index and context word lists. Send + Sync; load once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    source: Source,
    /// Byte offset in `source` of each file entry's line; entry ids follow file order.
    lines: Vec<u32>,
    /// Entries that are not in the file (named regions), numbered after the file's.
    extra: Vec<Entry>,
    /// Every entry with its strings, parsed on first use of [`Gazetteer::entries`].
    all: OnceLock<Vec<Entry>>,
    /// Every entry in the packed form the geoparser reads.
    pub(crate) hot: Vec<Hot>,
    index: NameIndex,
    /// Hashes of folded stop words, common words and demonyms.
    pub(crate) stop: HashedSet,
    pub(crate) common: HashedSet,
    /// Hashes of common given names and surnames (`person-names.txt`).
    pub(crate) person_names: HashedSet,
    demonyms: HashedSet,
    /// Cue phrases by the hash of their folded form.
    pub(crate) cues: HashedMap<Cue>,
    /// Words that make a place name before them part of an organisation's name
    /// ("Columbia University", "Augusta Herald"; role `organisation` in `cues.tsv`). Kept
    /// apart from `cues`: to the person and name-part filters they are ordinary words.
    pub(crate) organisation_words: HashedSet,
    /// Words that make a place name beside them the name of a natural feature or a site
    /// ("Kish River", "Lake Cumberland", "Griffith Park"; role `feature` in `cues.tsv`).
    pub(crate) feature_words: HashedSet,
    /// Nouns that a country or capital written right before them modifies ("U.S. troops",
    /// "Iraq officials"; role `attribute` in `cues.tsv`): the name is no event's place. Kept
    /// apart from `cues` like the organisation words.
    pub(crate) attribute_words: HashedSet,
    /// Words that make a place name before them a street's name ("Washington Drive",
    /// "Dublin Road"; role `street` in `cues.tsv`).
    pub(crate) street_words: HashedSet,
    pub(crate) max_cue_words: usize,
    /// Words of one country's public life ("sheriff's office", "Garda"; `locale-cues.tsv`):
    /// the country's `area` hash by the hash of the folded phrase, and the hashes of the
    /// phrases' first words.
    pub(crate) locale_phrases: HashedMap<u64>,
    pub(crate) locale_first: HashedSet,
    pub(crate) max_locale_words: usize,
    countries: HashMap<String, u32>,
    admin1s: HashMap<(String, String), u32>,
    /// Country and admin1 entry ids by their `area` hash.
    pub(crate) country_by_area: HashedMap<u32>,
    pub(crate) admin1_by_area: HashedMap<u32>,
    /// The seat of each admin1 and admin2 (by its `area` hash): the town in it that bears
    /// one of its names ("Kirkuk" for Kirkuk governorate), else its most populous town.
    pub(crate) seat_by_area: HashedMap<u32>,
    /// The capital of each country (by its `area` hash): its most populous `capital` entry
    /// (GeoNames lists a few historic ones too, "Washington" in many states), for "the
    /// capital" and "the Afghan capital".
    pub(crate) capital_by_area: HashedMap<u32>,
    /// The country (its `area` hash) of each demonym (`demonyms.tsv`, by the hash of the
    /// folded word): "the Afghan capital" is Kabul.
    pub(crate) demonym_area: HashedMap<u64>,
    /// Entries named by geonameid in `aliases.tsv`.
    by_geonameid: HashMap<u64, u32>,
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

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l))
}

impl Gazetteer {
    /// Loads the gazetteer embedded in the binary, with the embedded word lists.
    pub fn embedded() -> Result<Gazetteer, GeoError> {
        let mut gazetteer =
            Gazetteer::from_source(Source::Static(EMBEDDED_GAZETTEER), "embedded gazetteer")?;
        gazetteer.compressed = EMBEDDED_COMPRESSED_BYTES;
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
        let text = if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut text = String::with_capacity(bytes.len() * 3);
            flate2::read::MultiGzDecoder::new(bytes.as_slice())
                .read_to_string(&mut text)
                .map_err(|e| GeoError::Format {
                    origin: origin.clone(),
                    line: 0,
                    message: format!(
                        "cannot decompress ({e}); rebuild it with `sitrep gazetteer import`"
                    ),
                })?;
            text
        } else {
            String::from_utf8(bytes).map_err(|_| GeoError::Format {
                origin: origin.clone(),
                line: 0,
                message: "not UTF-8 text; expected a gazetteer TSV (gzipped or not)".into(),
            })?
        };
        let mut gazetteer = Gazetteer::from_source(Source::Owned(text), &origin)?;
        gazetteer.compressed = std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        Ok(gazetteer)
    }

    /// Builds a gazetteer from the TSV text of a gazetteer file plus the embedded word lists.
    pub fn from_tsv(text: &str, origin: &str) -> Result<Gazetteer, GeoError> {
        Gazetteer::from_source(Source::Owned(text.to_string()), origin)
    }

    fn from_source(source: Source, origin: &str) -> Result<Gazetteer, GeoError> {
        let text = source.text();
        let error = |line: usize, message: String| GeoError::Format {
            origin: origin.to_string(),
            line,
            message,
        };
        if u32::try_from(text.len()).is_err() {
            return Err(error(0, "larger than 4 GB; split it by country".into()));
        }
        // Two halves, cut at a line break, read on two threads.
        let middle = text.len() / 2;
        let cut = text[middle..]
            .find('\n')
            .map_or(text.len(), |i| middle + i + 1);
        let (head, tail) = text.split_at(cut);
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| scan_part(tail, cut));
            let first = scan_part(head, 0);
            (first, second.join())
        });
        let first = first.map_err(|(line, message)| error(line, message))?;
        let second = match second {
            Ok(Ok(part)) => part,
            Ok(Err((line, message))) => return Err(error(line + head.lines().count(), message)),
            Err(_) => return Err(error(0, "the gazetteer reader failed".into())),
        };
        let mut names = first.names;
        let offset = first.lines.len() as u32;
        let mut lines = first.lines;
        lines.extend(second.lines);
        let mut hot = first.hot;
        hot.extend(second.hot);
        names
            .pairs
            .extend(second.names.pairs.iter().map(|&(h, p)| (h, p + offset)));
        names.prefixes.extend(second.names.prefixes);
        let mut gazetteer = Gazetteer {
            lines,
            hot,
            ..Gazetteer::default()
        };
        gazetteer.source = source;
        gazetteer.load_word_lists(&mut names)?;
        gazetteer.index = NameIndex::build(names.pairs, names.prefixes);
        Ok(gazetteer)
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.hot.len()
    }

    /// The file line of an entry (None for the named regions, which are not in the file).
    fn line(&self, id: u32) -> Option<&str> {
        let start = *self.lines.get(id as usize)? as usize;
        let rest = self.source.text().get(start..)?;
        let line = rest.split('\n').next().unwrap_or("");
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// An entry with its strings.
    pub(crate) fn entry(&self, id: u32) -> Entry {
        if let Some(all) = self.all.get() {
            if let Some(entry) = all.get(id as usize) {
                return entry.clone();
            }
        }
        match self.line(id) {
            Some(line) => parse_entry(line)
                .map(|(e, _)| e)
                .unwrap_or_else(|_| Entry::empty()),
            None => self
                .extra
                .get(id as usize - self.lines.len())
                .cloned()
                .unwrap_or_else(Entry::empty),
        }
    }

    fn build_maps(&mut self) {
        self.countries.clear();
        self.admin1s.clear();
        self.country_by_area.clear();
        self.admin1_by_area.clear();
        let divisions: Vec<u32> = (0..self.len() as u32)
            .filter(|&id| matches!(self.hot[id as usize].kind, Kind::Country | Kind::Admin1))
            .collect();
        self.build_seats();
        self.capital_by_area.clear();
        for (id, hot) in self.hot.iter().enumerate() {
            if hot.kind != Kind::Capital || hot.area[0] == 0 {
                continue;
            }
            let slot = self.capital_by_area.entry(hot.area[0]).or_insert(id as u32);
            if hot.population > self.hot[*slot as usize].population {
                *slot = id as u32;
            }
        }
        for id in divisions {
            let entry = self.entry(id);
            let area = self.hot[id as usize].area;
            match entry.kind {
                Kind::Country => {
                    self.countries.entry(entry.country.clone()).or_insert(id);
                    self.country_by_area.entry(area[0]).or_insert(id);
                }
                Kind::Admin1 => {
                    self.admin1_by_area.entry(area[1]).or_insert(id);
                    self.admin1s
                        .entry((entry.country.clone(), entry.admin1.clone()))
                        .or_insert(id);
                }
                _ => {}
            }
        }
    }

    /// Fills `seat_by_area`: for every admin1 and admin2, the town in it named like it (one
    /// of its lookup keys), else its most populous town (ties to the first in the file).
    fn build_seats(&mut self) {
        self.seat_by_area.clear();
        // (division area hash ^ key hash) of every division's names.
        let mut named = crate::index::HashedSet::default();
        for (id, hot) in self.hot.iter().enumerate() {
            let level = match hot.kind {
                Kind::Admin1 => 1,
                Kind::Admin2 => 2,
                _ => continue,
            };
            if hot.area[level] == 0 {
                continue;
            }
            let Some(line) = self.line(id as u32) else {
                continue;
            };
            let keys = line.rsplit('\t').next().unwrap_or("");
            for key in keys.split('|').filter(|k| !k.is_empty()) {
                named.insert(hot.area[level] ^ crate::fold::key_hash(key));
            }
        }
        // (namesake, population, id) per area; a namesake beats any population.
        let mut best: HashedMap<(bool, u64, u32)> = HashedMap::default();
        for (id, hot) in self.hot.iter().enumerate() {
            if !hot.kind.is_place() {
                continue;
            }
            for level in 1..=2 {
                let area = hot.area[level];
                if area == 0 {
                    continue;
                }
                let namesake = named.contains(&(area ^ hot.name_hash));
                let candidate = (namesake, hot.population, id as u32);
                let slot = best.entry(area).or_insert(candidate);
                if (candidate.0, candidate.1) > (slot.0, slot.1) {
                    *slot = candidate;
                }
            }
        }
        self.seat_by_area = best
            .into_iter()
            .map(|(area, (_, _, id))| (area, id))
            .collect();
    }

    /// The seat of a division (see `seat_by_area`), None for other kinds or when no town
    /// of the gazetteer lies in it.
    pub(crate) fn seat(&self, id: u32) -> Option<u32> {
        let hot = self.hot.get(id as usize)?;
        let level = match hot.kind {
            Kind::Admin1 => 1,
            Kind::Admin2 => 2,
            _ => return None,
        };
        if hot.area[level] == 0 {
            return None;
        }
        self.seat_by_area.get(&hot.area[level]).copied()
    }

    fn load_word_lists(&mut self, names: &mut NameList) -> Result<(), GeoError> {
        for (_, line) in data_lines(EMBEDDED_STOPLIST).skip(1) {
            let word = line.split('\t').next().unwrap_or("");
            self.stop.insert(key_hash(&fold(word)));
        }
        for (_, line) in data_lines(EMBEDDED_DEMONYMS) {
            let mut fields = line.split('\t');
            let word = fold(fields.next().unwrap_or(""));
            let country = fields.next().unwrap_or("").trim();
            if !country.is_empty() {
                let area = area_codes(country, "", "")[0];
                self.demonym_area.insert(key_hash(&word), area);
            }
            self.stop.insert(key_hash(&format!("{word}s")));
            self.demonyms.insert(key_hash(&word));
            self.stop.insert(key_hash(&word));
        }
        self.common = data_lines(EMBEDDED_COMMON)
            .map(|(_, l)| key_hash(l.trim()))
            .collect();
        self.person_names = data_lines(EMBEDDED_PERSON_NAMES)
            .map(|(_, l)| key_hash(&fold(l)))
            .collect();
        for (line_no, line) in data_lines(EMBEDDED_CUES).skip(1) {
            let mut fields = line.split('\t');
            let phrase = fold(fields.next().unwrap_or(""));
            // A phrase may have a cue role and the `street` role ("road": an unnamed area,
            // and after a name a street's name), comma-separated.
            for role in fields.next().unwrap_or("").split(',') {
                if role == "organisation" {
                    self.organisation_words.insert(key_hash(&phrase));
                    continue;
                }
                if role == "feature" {
                    self.feature_words.insert(key_hash(&phrase));
                    continue;
                }
                if role == "attribute" {
                    self.attribute_words.insert(key_hash(&phrase));
                    continue;
                }
                if role == "street" {
                    self.street_words.insert(key_hash(&phrase));
                    self.cues.entry(key_hash(&phrase)).or_insert(Cue::Sublocal);
                    continue;
                }
                let cue = Cue::parse(role).ok_or_else(|| GeoError::Format {
                    origin: "gazetteer/cues.tsv".into(),
                    line: line_no,
                    message: format!("unknown role {role:?}; see the header for the roles"),
                })?;
                self.max_cue_words = self.max_cue_words.max(phrase.split(' ').count());
                self.cues.insert(key_hash(&phrase), cue);
            }
        }
        for (line_no, line) in data_lines(EMBEDDED_LOCALE_CUES).skip(1) {
            let mut fields = line.split('\t');
            let phrase = fold(fields.next().unwrap_or(""));
            let country = fields.next().unwrap_or("").trim();
            if phrase.is_empty() || country.len() != 2 {
                return Err(GeoError::Format {
                    origin: "gazetteer/locale-cues.tsv".into(),
                    line: line_no,
                    message: "expected a phrase and an ISO 3166-1 alpha-2 country code".into(),
                });
            }
            let first = phrase.split(' ').next().unwrap_or("");
            self.locale_first.insert(key_hash(first));
            self.max_locale_words = self.max_locale_words.max(phrase.split(' ').count());
            self.locale_phrases
                .insert(key_hash(&phrase), area_codes(country, "", "")[0]);
        }
        // Named regions become entries of their own.
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
            let id = self.len() as u32;
            let entry = Entry {
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
            };
            self.hot.push(Hot::new(&entry, key_hash(&fold(fields[0]))));
            self.extra.push(entry);
            let alternates = fields.get(4).copied().unwrap_or("");
            for name in std::iter::once(fields[0]).chain(alternates.split('|')) {
                let key = fold(name);
                if !key.is_empty() {
                    names.add(key.as_bytes(), id);
                }
            }
        }
        self.build_maps();
        // Entries named by geonameid in the aliases, found in one pass over the file.
        let wanted: Vec<u64> = data_lines(EMBEDDED_ALIASES)
            .filter_map(|(_, l)| l.split('\t').nth(1)?.strip_prefix("id:")?.parse().ok())
            .collect();
        if !wanted.is_empty() {
            let text = self.source.text().as_bytes();
            for (id, &start) in self.lines.iter().enumerate() {
                let digits = text[start as usize..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit());
                let geonameid = digits.fold(0u64, |n, &b| {
                    n.wrapping_mul(10).wrapping_add(u64::from(b - b'0'))
                });
                if wanted.contains(&geonameid) {
                    self.by_geonameid.entry(geonameid).or_insert(id as u32);
                }
            }
        }
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
                let posting = if chain_only {
                    entry | CHAIN_ONLY
                } else {
                    entry
                };
                names.add(fold(alias).as_bytes(), posting);
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
                self.by_geonameid.get(&id).copied()
            }
            _ => {
                return Err(format!(
                    "bad target {target:?}; use country:CC, admin1:CC:Name or id:GEONAMEID"
                ))
            }
        })
    }

    /// The postings of a key hash (see [`crate::fold::key_hash`]) and whether longer names
    /// start with it.
    #[inline]
    pub(crate) fn lookup_hash(&self, hash: u64) -> Hit<'_> {
        self.index.get(hash)
    }

    /// Entries whose name or alternate name folds to the same key as `name`.
    pub fn find(&self, name: &str) -> Vec<Entry> {
        let mut ids: Vec<u32> = self
            .lookup_hash(key_hash(&fold(name)))
            .postings
            .iter()
            .map(|p| p & !CHAIN_ONLY)
            .collect();
        ids.dedup();
        ids.iter().map(|&id| self.entry(id)).collect()
    }

    /// Whether a word or phrase is a demonym ("Turkish", "Syrians"), never a place here.
    pub fn is_demonym(&self, word: &str) -> bool {
        let key = fold(word);
        self.demonyms.contains(&key_hash(&key))
            || key
                .strip_suffix('s')
                .is_some_and(|singular| self.demonyms.contains(&key_hash(singular)))
    }

    /// All entries, in file order then the named regions (parsed on first call).
    pub fn entries(&self) -> &[Entry] {
        self.all
            .get_or_init(|| (0..self.len() as u32).map(|id| self.entry(id)).collect())
    }

    /// The country entry for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, code: &str) -> Option<Entry> {
        self.countries.get(code).map(|&i| self.entry(i))
    }

    /// The admin1 entry of a country by name.
    pub fn admin1(&self, country: &str, name: &str) -> Option<Entry> {
        self.admin1s
            .get(&(country.to_string(), name.to_string()))
            .map(|&i| self.entry(i))
    }

    /// Counts by kind and index size.
    pub fn stats(&self) -> GazetteerStats {
        let mut by_kind: Vec<(&'static str, usize)> = Vec::new();
        for entry in &self.hot {
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

/// What one pass over part of a gazetteer file reads; entries numbered from 0.
struct Part {
    lines: Vec<u32>,
    hot: Vec<Hot>,
    names: NameList,
}

/// Reads lines of a gazetteer file that starts at byte `base` of the whole file; an error
/// carries the line number within `text`.
fn scan_part(text: &str, base: usize) -> Result<Part, (usize, String)> {
    let mut part = Part {
        lines: Vec::with_capacity(text.len() / 80),
        hot: Vec::with_capacity(text.len() / 80),
        names: NameList::with_capacity(text.len() / 24),
    };
    let mut folded = String::new();
    for (line_no, line) in data_lines(text) {
        let entry_id = part.lines.len() as u32;
        let (hot, keys) = scan_entry(line, &mut folded).map_err(|message| (line_no, message))?;
        for key in keys.as_bytes().split(|&b| b == b'|') {
            if !key.is_empty() {
                part.names.add(key, entry_id);
            }
        }
        if let Some(particles) = joined_particles(line) {
            for key in keys.split('|') {
                if let Some(joined) = joined_form(key, particles) {
                    part.names.add(joined.as_bytes(), entry_id);
                }
            }
        }
        if hot.kind.is_admin() {
            let elided = line.split('\t').nth(9).is_some_and(|n| n.contains("l'"));
            for key in keys.split('|') {
                if let Some(bare) = without_division_prefix(key, elided) {
                    if !keys.split('|').any(|k| k == bare) {
                        part.names.add(bare.as_bytes(), entry_id);
                    }
                }
            }
        }
        if hot.kind.is_admin() && transliterated(line) {
            for key in keys.split('|') {
                for variant in division_variants(key) {
                    part.names.add(variant.as_bytes(), entry_id);
                }
            }
        }
        part.hot.push(hot);
        part.lines
            .push((base + (line.as_ptr() as usize - text.as_ptr() as usize)) as u32);
    }
    Ok(part)
}

/// The rules of division spelling variants, read from `gazetteer/transliterated.tsv` (the
/// countries) and `gazetteer/arabic-articles.tsv` (articles and joining particles).
pub(crate) struct Transliteration {
    /// ISO 3166-1 alpha-2 codes of the countries whose divisions get variants.
    countries: Vec<String>,
    /// Articles with their trailing space ("al ").
    articles: Vec<String>,
    /// Particles with a space on both sides (" ad ") and joined ("ad").
    particles: Vec<(String, String)>,
}

/// The bundled transliteration rules, parsed on first use. A row with an unknown role or a
/// country code that is not two capital letters is skipped (`transliteration_files_are_valid`
/// checks that there is none).
pub(crate) fn transliteration() -> &'static Transliteration {
    static RULES: OnceLock<Transliteration> = OnceLock::new();
    RULES.get_or_init(|| {
        let countries = data_lines(EMBEDDED_TRANSLITERATED)
            .skip(1)
            .filter_map(|(_, l)| l.split('\t').next())
            .map(str::trim)
            .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .map(str::to_string)
            .collect();
        let mut articles = Vec::new();
        let mut particles = Vec::new();
        for (word, roles) in tagged_words(EMBEDDED_ARABIC_ARTICLES) {
            for role in roles {
                match role {
                    "article" => articles.push(format!("{word} ")),
                    "particle" => particles.push((format!(" {word} "), word.clone())),
                    _ => {}
                }
            }
        }
        Transliteration {
            countries,
            articles,
            particles,
        }
    })
}

/// The rows of a list of one-word names with their tags (`gazetteer/arabic-articles.tsv`,
/// `gazetteer/name-particles.tsv`), header skipped: the folded word and the second field's
/// space-separated tags. A row whose word is empty or of several words is skipped.
fn tagged_words(text: &str) -> impl Iterator<Item = (String, SplitWhitespace<'_>)> {
    data_lines(text).skip(1).filter_map(|(_, line)| {
        let mut fields = line.split('\t');
        let word = fold(fields.next().unwrap_or(""));
        let tags = fields.next().unwrap_or("").split_whitespace();
        (!word.is_empty() && !word.contains(' ')).then_some((word, tags))
    })
}

/// The particles of `gazetteer/name-particles.tsv` by country, parsed on first use.
fn name_particles() -> &'static [(String, Vec<String>)] {
    static PARTICLES: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    PARTICLES.get_or_init(|| {
        let mut by_country: Vec<(String, Vec<String>)> = Vec::new();
        for (particle, countries) in tagged_words(EMBEDDED_NAME_PARTICLES) {
            for country in countries {
                match by_country.iter_mut().find(|(c, _)| c == country) {
                    Some((_, list)) => list.push(format!("{particle} ")),
                    None => by_country.push((country.to_string(), vec![format!("{particle} ")])),
                }
            }
        }
        by_country
    })
}

/// The particles (with their trailing space) of the line's country (third field), if any.
fn joined_particles(line: &str) -> Option<&'static [String]> {
    let country = line.split('\t').nth(2)?;
    name_particles()
        .iter()
        .find(|(c, _)| c == country)
        .map(|(_, list)| list.as_slice())
}

/// The joined form of a folded name that starts with a particle ("de soto" → "desoto"),
/// when the rest is a word of three letters or more.
fn joined_form(key: &str, particles: &[String]) -> Option<String> {
    let particle = particles.iter().find(|p| key.starts_with(p.as_str()))?;
    let rest = &key[particle.len()..];
    let first_word = rest.split(' ').next().unwrap_or("");
    (first_word.len() >= 3).then(|| format!("{}{rest}", particle.trim_end()))
}

/// The generic prefixes of `gazetteer/division-prefixes.tsv`, longest first, each with its
/// trailing space, parsed on first use.
fn division_prefixes() -> &'static [String] {
    static PREFIXES: OnceLock<Vec<String>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut prefixes: Vec<String> = data_lines(EMBEDDED_DIVISION_PREFIXES)
            .skip(1)
            .filter_map(|(_, l)| l.split('\t').next())
            .map(|p| format!("{} ", fold(p)))
            .filter(|p| p.len() > 1)
            .collect();
        prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
        prefixes
    })
}

/// A division's folded name without its generic prefix ("province du gourma" → "gourma"),
/// when the rest has four letters or more. `elided`: the name writes the article elided
/// ("Province de l'Oudalan", folded "province de loudalan"), so the rest loses its "l".
fn without_division_prefix(key: &str, elided: bool) -> Option<&str> {
    let rest = division_prefixes()
        .iter()
        .find_map(|p| key.strip_prefix(p.as_str()))?;
    let rest = match rest.strip_prefix('l') {
        Some(r) if elided && r.starts_with(['a', 'e', 'i', 'o', 'u', 'y', 'h']) => r,
        _ => rest,
    };
    (rest.bytes().filter(u8::is_ascii_alphabetic).count() >= 4).then_some(rest)
}

/// Whether the line's country (third field) is in `gazetteer/transliterated.tsv`.
fn transliterated(line: &str) -> bool {
    line.split('\t')
        .nth(2)
        .is_some_and(|c| transliteration().countries.iter().any(|t| t == c))
}

/// Spelling variants of a division's folded name generated by rule: without an Arabic
/// article ("al jufrah" → "jufrah"), "-iyah"/"-iya" as "-iya"/"-ia" ("oromiya" → "oromia"),
/// a final "-ah" as "-a" ("jufrah" → "jufra"), and particles joined ("salah ad din" →
/// "salahaddin"); articles and particles from `gazetteer/arabic-articles.tsv`. Only names
/// of five letters or more are varied.
fn division_variants(key: &str) -> Vec<String> {
    let rules = transliteration();
    let mut bases = vec![key.to_string()];
    if let Some(rest) = rules
        .articles
        .iter()
        .find_map(|a| key.strip_prefix(a.as_str()))
    {
        if rest.len() >= 5 {
            bases.push(rest.to_string());
        }
    }
    let mut joined = key.to_string();
    for (spaced, word) in &rules.particles {
        joined = joined.replace(spaced.as_str(), word);
    }
    if joined != key {
        bases.push(joined);
    }
    let mut out: Vec<String> = Vec::new();
    for base in bases {
        if base.len() < 5 {
            continue;
        }
        if let Some(stem) = base.strip_suffix("iyah") {
            out.push(format!("{stem}iya"));
            out.push(format!("{stem}ia"));
        } else if let Some(stem) = base.strip_suffix("iya") {
            out.push(format!("{stem}ia"));
        } else if let Some(stem) = base.strip_suffix("ah") {
            out.push(format!("{stem}a"));
        }
        if base != key {
            out.push(base);
        }
    }
    out.retain(|v| v.len() >= 5 && v != key);
    out.sort();
    out.dedup();
    out
}

/// The 11 tab-separated fields of a line (the last one runs to the end of the line).
fn fields(line: &str) -> Result<[&str; 11], String> {
    let mut fields = [""; 11];
    let mut count = 0;
    let mut start = 0;
    for (i, &byte) in line.as_bytes().iter().enumerate() {
        if byte == b'\t' {
            fields[count] = &line[start..i];
            count += 1;
            start = i + 1;
            if count == 10 {
                break;
            }
        }
    }
    if count < 10 {
        return Err(format!(
            "expected 11 tab-separated columns, found {}; see the header of the file",
            count + 1
        ));
    }
    fields[10] = &line[start..];
    Ok(fields)
}

/// Parses a decimal number, quickly for the plain "-12.3456" form of the gazetteer file.
fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut decimals: i32 = -1;
    let mut count = 0;
    for &b in digits {
        match b {
            b'0'..=b'9' if count < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                if decimals >= 0 {
                    decimals += 1;
                }
            }
            b'.' if decimals < 0 => decimals = 0,
            _ => return text.parse().ok(),
        }
    }
    if count == 0 {
        return text.parse().ok();
    }
    // Both operands are exact, so the division rounds like a full decimal parse.
    let value = mantissa as f64 / 10f64.powi(decimals.max(0));
    Some(if negative { -value } else { value })
}

/// Reads what the geoparser needs from a line, checking the fields `parse_entry` reads.
fn scan_entry<'a>(line: &'a str, folded: &mut String) -> Result<(Hot, &'a str), String> {
    let fields = fields(line)?;
    let number = |i: usize, what: &str| -> Result<f64, String> {
        parse_number(fields[i]).ok_or_else(|| format!("{what} {:?} is not a number", fields[i]))
    };
    let kind = Kind::parse(fields[1]).ok_or_else(|| format!("unknown kind {:?}", fields[1]))?;
    if !fields[8].is_empty() {
        parse_extent(fields[8])?;
    }
    Ok((
        Hot {
            lat: number(5, "latitude")?,
            lon: number(6, "longitude")?,
            population: fields[7].parse().unwrap_or(0),
            name_hash: fold_hash(fields[9], folded),
            area: area_codes(fields[2], fields[3], fields[4]),
            kind,
        },
        fields[10],
    ))
}

fn parse_extent(text: &str) -> Result<[f64; 4], String> {
    let mut parts = [0.0; 4];
    let mut count = 0;
    for (slot, part) in parts.iter_mut().zip(text.split(',')) {
        *slot = parse_number(part).ok_or_else(|| format!("bad extent {text:?}"))?;
        count += 1;
    }
    if count != 4 || text.split(',').count() != 4 {
        return Err(format!("bad extent {text:?}"));
    }
    Ok(parts)
}

/// The (key hash, posting) pairs of all names and the hashes of their word prefixes.
struct NameList {
    pairs: Vec<(u64, u32)>,
    prefixes: Vec<u64>,
}

impl NameList {
    fn with_capacity(capacity: usize) -> NameList {
        NameList {
            pairs: Vec::with_capacity(capacity),
            prefixes: Vec::with_capacity(capacity / 3),
        }
    }

    /// Adds a folded key; every prefix ending before a space is marked as a prefix.
    fn add(&mut self, key: &[u8], posting: u32) {
        let mut hash = HASH_START;
        for &byte in key {
            if byte == b' ' {
                self.prefixes.push(hash);
            }
            hash = crate::fold::hash_extend(hash, &[byte]);
        }
        self.pairs.push((hash, posting));
    }
}

/// Parses one line: the entry with its strings and its lookup keys.
fn parse_entry(line: &str) -> Result<(Entry, &str), String> {
    let fields = fields(line)?;
    let number = |i: usize, what: &str| -> Result<f64, String> {
        fields[i]
            .parse::<f64>()
            .map_err(|_| format!("{what} {:?} is not a number", fields[i]))
    };
    let kind = Kind::parse(fields[1]).ok_or_else(|| format!("unknown kind {:?}", fields[1]))?;
    let extent = if fields[8].is_empty() {
        None
    } else {
        Some(parse_extent(fields[8])?)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_files_are_valid() {
        let rows = |text: &str| data_lines(text).skip(1).count();
        let rules = transliteration();
        assert_eq!(rules.countries.len(), rows(EMBEDDED_TRANSLITERATED));
        let roles: usize = data_lines(EMBEDDED_ARABIC_ARTICLES)
            .skip(1)
            .map(|(_, l)| {
                l.split('\t')
                    .nth(1)
                    .unwrap_or("")
                    .split_whitespace()
                    .count()
            })
            .sum();
        assert_eq!(rules.articles.len() + rules.particles.len(), roles);
        assert!(rules.countries.iter().any(|c| c == "SY"));
    }

    #[test]
    fn division_variants_follow_the_rules() {
        // (folded division name, a variant it must have, a variant it must not have)
        let cases: &[(&str, &str, &str)] = &[
            ("al jufrah", "jufra", "al jufra h"),
            ("al jufrah", "jufrah", "jufr"),
            ("oromiya", "oromia", "oromi"),
            ("ash sharqiyah", "sharqia", "ash sharqi"),
            ("salah ad din", "salahaddin", "salah din"),
            ("wadi ud dawasir", "wadiuddawasir", "wadi dawasir"),
            ("bani al harith", "banialharith", "bani harith"),
        ];
        for &(key, wanted, unwanted) in cases {
            let variants = division_variants(key);
            assert!(
                variants.iter().any(|v| v == wanted),
                "{key}: {variants:?} lacks {wanted}"
            );
            assert!(
                !variants.iter().any(|v| v == unwanted),
                "{key}: {variants:?} has {unwanted}"
            );
        }
        // Short names are not varied; a name without article or ending gets nothing.
        assert!(division_variants("al ain").is_empty());
        assert!(division_variants("kabul").is_empty());
    }

    #[test]
    fn particles_are_joined_in_listed_countries() {
        let line = |cc: &str| format!("0\tadmin2\t{cc}\tX\t\t0\t0\t0\t\tX\tx");
        let us = joined_particles(&line("US")).expect("US names have particles");
        // (folded name, joined form or None)
        let cases: &[(&str, Option<&str>)] = &[
            ("de soto parish", Some("desoto parish")),
            ("la grange", Some("lagrange")),
            ("du page county", Some("dupage county")),
            ("de kalb", Some("dekalb")),
            ("dekalb", None),
            ("le ox", None),
            ("delaware", None),
            ("ladue", None),
        ];
        for &(key, joined) in cases {
            assert_eq!(joined_form(key, us).as_deref(), joined, "{key}");
        }
        assert!(joined_particles(&line("FR")).is_none());
        let has_joined = |name: &str, joined: &str| {
            Gazetteer::embedded()
                .expect("loads")
                .find(joined)
                .iter()
                .any(|e| e.name == name)
        };
        assert!(has_joined("De Soto Parish", "DeSoto Parish"));
    }

    #[test]
    fn division_prefixes_are_dropped() {
        // (folded key, elided article, bare name or None)
        let cases: &[(&str, bool, Option<&str>)] = &[
            ("province du gourma", false, Some("gourma")),
            ("province de la tapoa", false, Some("tapoa")),
            ("provincia di asti", false, Some("asti")),
            ("departement de loudalan", true, Some("oudalan")),
            ("departement du lot", false, None),
            ("province du bam", false, None),
            ("kadiogo province", false, None),
            ("provincetown", false, None),
        ];
        for &(key, elided, bare) in cases {
            assert_eq!(without_division_prefix(key, elided), bare, "{key}");
        }
        let gazetteer = Gazetteer::embedded().expect("loads");
        assert!(gazetteer
            .find("Gourma")
            .iter()
            .any(|e| e.name == "Province du Gourma"));
    }

    #[test]
    fn only_listed_countries_get_variants() {
        let line = |cc: &str| format!("0\tadmin1\t{cc}\tX\t\t0\t0\t0\t\tX\tx");
        assert!(transliterated(&line("LY")));
        assert!(transliterated(&line("YE")));
        assert!(!transliterated(&line("FR")));
        assert!(!transliterated(&line("US")));
    }
}
