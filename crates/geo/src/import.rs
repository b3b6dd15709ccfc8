//! Builds a gazetteer file from the standard GeoNames dump files, zipped or not:
//! `allCountries.txt` or `cities500/1000/5000/15000.txt` (the main table),
//! `admin1CodesASCII.txt`, `admin2Codes.txt`, `countryInfo.txt` and `alternateNamesV2.txt`.
//!
//! The output has the same format as the bundled `gazetteer/gazetteer.tsv.gz`, and can
//! replace it (`SITREP_GAZETTEER=FILE`, `--gazetteer FILE`) or extend it (`extend`: every
//! bundled entry the dump does not cover is kept).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use flate2::bufread::DeflateDecoder;

use crate::fold::fold;
use crate::gazetteer::{embedded_tsv, Kind};
use crate::GeoError;

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Populated places with fewer inhabitants are left out (0 keeps all).
    pub min_population: u64,
    /// Keep every bundled entry that the dump does not cover.
    pub extend: bool,
}

/// What an import produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Entries written, by kind.
    pub by_kind: Vec<(&'static str, usize)>,
    /// Entries kept from the bundled gazetteer (with `extend`).
    pub kept_from_bundled: usize,
    /// Lines that could not be read and were skipped.
    pub skipped_lines: usize,
}

/// The role of one input file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Countries,
    Admin1,
    Admin2,
    Main,
    Alternates,
}

fn role_of(name: &str) -> Option<Role> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let base = base.trim_end_matches(".gz");
    if !base.ends_with(".txt") {
        return None;
    }
    Some(match base {
        "countryinfo.txt" => Role::Countries,
        "admin1codesascii.txt" | "admin1codes.txt" => Role::Admin1,
        "admin2codes.txt" => Role::Admin2,
        "alternatenamesv2.txt" | "alternatenames.txt" => Role::Alternates,
        b if b == "allcountries.txt" || b.starts_with("cities") || b.len() == 6 => Role::Main,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
struct Row {
    geonameid: u64,
    kind: Kind,
    country: String,
    admin1_code: String,
    admin2_code: String,
    lat: f64,
    lon: f64,
    population: u64,
    name: String,
    names: Vec<String>,
}

#[derive(Default)]
struct Dump {
    countries: Vec<(String, String, u64, u64)>, // code, name, population, geonameid
    admin1: HashMap<String, (String, u64)>,     // "CC.code" -> (name, geonameid)
    admin2: HashMap<String, (String, u64)>,     // "CC.a1.a2" -> (name, geonameid)
    rows: Vec<Row>,
    /// Points of administrative and country features in the main table, by geonameid.
    points: HashMap<u64, (f64, f64)>,
    /// Alternate names of countries and divisions, by geonameid.
    extra_names: HashMap<u64, Vec<String>>,
    skipped: usize,
}

fn io_error(path: &Path, source: std::io::Error) -> GeoError {
    GeoError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Calls `each(entry name, reader)` for every file in a zip archive, or once for a plain
/// (or gzipped) file.
fn for_each_file(
    path: &Path,
    each: &mut dyn FnMut(&str, &mut dyn BufRead) -> Result<(), GeoError>,
) -> Result<(), GeoError> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let name = path.display().to_string();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        return read_zip(path, &mut reader, each);
    }
    if lower.ends_with(".gz") {
        let mut inner = BufReader::new(flate2::bufread::MultiGzDecoder::new(reader));
        return each(&name, &mut inner);
    }
    each(&name, &mut reader)
}

fn read_u16(bytes: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn read_u32(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([
        bytes[at],
        bytes[at + 1],
        bytes[at + 2],
        bytes[at + 3],
    ]))
}

/// Streams the entries of a zip archive through their local headers (stored or deflated).
fn read_zip(
    path: &Path,
    reader: &mut BufReader<File>,
    each: &mut dyn FnMut(&str, &mut dyn BufRead) -> Result<(), GeoError>,
) -> Result<(), GeoError> {
    let bad = |message: &str| GeoError::Format {
        origin: path.display().to_string(),
        line: 0,
        message: format!("{message}; unzip it and import the .txt files instead"),
    };
    loop {
        let mut header = [0u8; 30];
        match reader.read_exact(&mut header) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(io_error(path, e)),
        }
        if read_u32(&header, 0) != 0x0403_4b50 {
            return Ok(()); // the central directory: no more entries
        }
        let flags = read_u16(&header, 6);
        let method = read_u16(&header, 8);
        let compressed = read_u32(&header, 18);
        let mut name = vec![0u8; read_u16(&header, 26)];
        reader
            .read_exact(&mut name)
            .map_err(|e| io_error(path, e))?;
        let mut extra = vec![0u8; read_u16(&header, 28)];
        reader
            .read_exact(&mut extra)
            .map_err(|e| io_error(path, e))?;
        let name = String::from_utf8_lossy(&name).to_string();
        let sized = flags & 0x08 == 0;
        match method {
            0 if sized => {
                let mut entry = BufReader::new(reader.by_ref().take(compressed));
                each(&name, &mut entry)?;
                std::io::copy(&mut entry, &mut std::io::sink()).map_err(|e| io_error(path, e))?;
            }
            8 => {
                if sized {
                    let limited = BufReader::new(reader.by_ref().take(compressed));
                    let mut entry = BufReader::new(DeflateDecoder::new(limited));
                    each(&name, &mut entry)?;
                    std::io::copy(&mut entry, &mut std::io::sink())
                        .map_err(|e| io_error(path, e))?;
                } else {
                    let mut entry = BufReader::new(DeflateDecoder::new(reader.by_ref()));
                    each(&name, &mut entry)?;
                    std::io::copy(&mut entry, &mut std::io::sink())
                        .map_err(|e| io_error(path, e))?;
                    drop(entry);
                    // Data descriptor: optional signature, crc, sizes.
                    let mut descriptor = [0u8; 12];
                    reader
                        .read_exact(&mut descriptor[..4])
                        .map_err(|e| io_error(path, e))?;
                    let rest = if read_u32(&descriptor, 0) == 0x0807_4b50 {
                        12
                    } else {
                        8
                    };
                    let mut skip = vec![0u8; rest];
                    reader
                        .read_exact(&mut skip)
                        .map_err(|e| io_error(path, e))?;
                }
            }
            _ => {
                return Err(bad(&format!(
                    "entry {name} uses an unsupported zip method {method}"
                )))
            }
        }
    }
}

fn lines(
    reader: &mut dyn BufRead,
    origin: &str,
    mut each: impl FnMut(&[&str]) -> bool,
) -> Result<usize, GeoError> {
    let mut skipped = 0;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|source| GeoError::Io {
                path: origin.to_string(),
                source,
            })?;
        if read == 0 {
            return Ok(skipped);
        }
        let Ok(line) = std::str::from_utf8(&buffer) else {
            skipped += 1;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !each(&fields) {
            skipped += 1;
        }
    }
}

impl Dump {
    fn read(
        &mut self,
        role: Role,
        origin: &str,
        reader: &mut dyn BufRead,
        options: &ImportOptions,
    ) -> Result<(), GeoError> {
        let skipped = match role {
            Role::Countries => lines(reader, origin, |f| {
                if f.len() < 17 || f[0].len() != 2 {
                    return false;
                }
                let population = f[7].parse().unwrap_or(0);
                let id = f[16].parse().unwrap_or(0);
                self.countries
                    .push((f[0].to_string(), f[4].to_string(), population, id));
                true
            })?,
            Role::Admin1 | Role::Admin2 => {
                let table = if role == Role::Admin1 {
                    &mut self.admin1
                } else {
                    &mut self.admin2
                };
                lines(reader, origin, |f| {
                    if f.len() < 4 {
                        return false;
                    }
                    table.insert(
                        f[0].to_string(),
                        (f[1].to_string(), f[3].parse().unwrap_or(0)),
                    );
                    true
                })?
            }
            Role::Main => lines(reader, origin, |f| {
                if f.len() < 15 {
                    return false;
                }
                let (Ok(id), Ok(lat), Ok(lon)) = (
                    f[0].parse::<u64>(),
                    f[4].parse::<f64>(),
                    f[5].parse::<f64>(),
                ) else {
                    return false;
                };
                let population: u64 = f[14].parse().unwrap_or(0);
                let kind = match (f[6], f[7]) {
                    ("P", "PPLC") => Kind::Capital,
                    ("P", code)
                        if !code.starts_with("PPLH")
                            && !code.starts_with("PPLQ")
                            && code != "PPLW" =>
                    {
                        Kind::City
                    }
                    ("A", "ADM1") => Kind::Admin1,
                    ("A", "ADM2") => Kind::Admin2,
                    ("A", code) if code.starts_with("PCL") || code == "TERR" => {
                        self.points.insert(id, (lat, lon));
                        return true;
                    }
                    _ => return true,
                };
                if kind.is_admin() {
                    self.points.insert(id, (lat, lon));
                    return true;
                }
                if population < options.min_population {
                    return true;
                }
                let mut names = vec![f[1].to_string(), f[2].to_string()];
                names.extend(
                    f[3].split(',')
                        .filter(|a| keep_alternate(a))
                        .map(str::to_string),
                );
                self.rows.push(Row {
                    geonameid: id,
                    kind,
                    country: f[8].to_string(),
                    admin1_code: f[10].to_string(),
                    admin2_code: f[11].to_string(),
                    lat,
                    lon,
                    population,
                    name: f[1].to_string(),
                    names,
                });
                true
            })?,
            Role::Alternates => {
                let mut by_id: HashMap<u64, usize> = HashMap::with_capacity(self.rows.len());
                for (i, row) in self.rows.iter().enumerate() {
                    by_id.insert(row.geonameid, i);
                }
                let mut division_ids: HashSet<u64> = self.countries.iter().map(|c| c.3).collect();
                division_ids.extend(self.admin1.values().map(|v| v.1));
                division_ids.extend(self.admin2.values().map(|v| v.1));
                let rows = &mut self.rows;
                let extra = &mut self.extra_names;
                lines(reader, origin, |f| {
                    if f.len() < 4 {
                        return false;
                    }
                    let language = f[2];
                    if matches!(
                        language,
                        "link"
                            | "wkdt"
                            | "post"
                            | "iata"
                            | "icao"
                            | "faac"
                            | "unlc"
                            | "abbr"
                            | "fr_1793"
                            | "phon"
                            | "piny"
                    ) {
                        return true;
                    }
                    if f.get(7) == Some(&"1") || !keep_alternate(f[3]) {
                        return true; // historic names and non-Latin scripts
                    }
                    let Ok(id) = f[1].parse::<u64>() else {
                        return false;
                    };
                    if let Some(&i) = by_id.get(&id) {
                        rows[i].names.push(f[3].to_string());
                    } else if division_ids.contains(&id) {
                        extra.entry(id).or_default().push(f[3].to_string());
                    }
                    true
                })?
            }
        };
        self.skipped += skipped;
        Ok(())
    }
}

/// Whether an alternate name is kept: Latin script, not a code, not a machine transliteration.
fn keep_alternate(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !letters.iter().any(|c| c.is_uppercase()) {
        return false;
    }
    if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    letters
        .iter()
        .all(|&c| (c as u32) < 0x250 || (0x1E00..=0x1EFF).contains(&(c as u32)))
}

const GENERIC_WORDS: &[&str] = &[
    "governorate",
    "province",
    "region",
    "oblast",
    "state",
    "district",
    "county",
    "parish",
    "prefecture",
    "department",
    "municipality",
    "muhafazat",
    "wilayat",
    "provincia",
    "estado",
];

/// "Idlib Governorate" → "Idlib", "Muhafazat Idlib" → "Idlib".
fn strip_generic(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !GENERIC_WORDS.contains(&w.to_lowercase().as_str())
                && !matches!(*w, "of" | "de" | "del")
        })
        .collect();
    if kept.is_empty() {
        name.to_string()
    } else {
        kept.join(" ")
    }
}

fn inner_box(points: &[(f64, f64)], trim: f64) -> Option<[f64; 4]> {
    if points.is_empty() {
        return None;
    }
    let mut lats: Vec<f64> = points.iter().map(|p| p.0).collect();
    let mut lons: Vec<f64> = points.iter().map(|p| p.1).collect();
    lats.sort_by(f64::total_cmp);
    lons.sort_by(f64::total_cmp);
    let n = points.len();
    let lo = (n as f64 * trim) as usize;
    let hi = ((n as f64 * (1.0 - trim)).ceil() as usize)
        .saturating_sub(1)
        .max(lo);
    Some([lats[lo], lons[lo], lats[hi], lons[hi]])
}

struct OutEntry {
    geonameid: u64,
    kind: Kind,
    country: String,
    admin1: String,
    admin2: String,
    lat: f64,
    lon: f64,
    population: u64,
    extent: Option<[f64; 4]>,
    name: String,
    names: Vec<String>,
}

impl OutEntry {
    fn line(&self) -> String {
        let mut keys: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for name in std::iter::once(&self.name).chain(&self.names) {
            let key = fold(name);
            if !key.is_empty() && seen.insert(key.clone()) {
                keys.push(key);
            }
        }
        let extent = self
            .extent
            .map(|[s, w, n, e]| format!("{s:.2},{w:.2},{n:.2},{e:.2}"))
            .unwrap_or_default();
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        format!(
            "{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{}\n",
            self.geonameid,
            self.kind.as_str(),
            clean(&self.country),
            clean(&self.admin1),
            clean(&self.admin2),
            self.lat,
            self.lon,
            self.population,
            extent,
            clean(&self.name),
            keys.join("|")
        )
    }
}

/// Reads the dump files and writes a gazetteer file (gzipped when `output` ends in `.gz`).
pub fn import_geonames(
    inputs: &[PathBuf],
    output: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary, GeoError> {
    // Read the code tables before the main table, and alternate names last.
    let mut files: Vec<(Role, PathBuf)> = Vec::new();
    for path in inputs {
        let name = path.display().to_string();
        let stem = name.trim_end_matches(".zip").trim_end_matches(".ZIP");
        let role = role_of(&name).or_else(|| role_of(&format!("{stem}.txt")));
        match role {
            Some(role) => files.push((role, path.clone())),
            None => {
                return Err(GeoError::Format {
                    origin: name,
                    line: 0,
                    message: "not a GeoNames dump file name: expected allCountries, cities500/1000/5000/15000, a country code (SY.txt), admin1CodesASCII, admin2Codes, countryInfo or alternateNamesV2 (.txt or .zip)".into(),
                })
            }
        }
    }
    files.sort();
    let mut dump = Dump::default();
    for (role, path) in &files {
        for_each_file(path, &mut |entry_name, reader| {
            if role_of(entry_name) != Some(*role) {
                return Ok(()); // another table in the same archive (iso-languagecodes.txt)
            }
            dump.read(*role, entry_name, reader, options)
        })?;
    }
    if dump.rows.is_empty() {
        return Err(GeoError::Format {
            origin: inputs
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line: 0,
            message: "no populated places read: give allCountries.txt or a citiesN.txt file".into(),
        });
    }
    let entries = assemble(&dump);
    let mut text = String::new();
    text.push_str("# generated by `sitrep gazetteer import`, do not edit.\n");
    text.push_str("# Source: GeoNames (CC BY 4.0, https://www.geonames.org) dump files.\n");
    text.push_str("# columns: geonameid, kind, country, admin1, admin2, lat, lon, population, extent, name, keys (see docs/geocoding.md)\n");
    let mut summary = ImportSummary {
        skipped_lines: dump.skipped,
        ..ImportSummary::default()
    };
    let mut covered_ids: HashSet<u64> = HashSet::new();
    let mut covered_admins: HashSet<(String, String, String, String)> = HashSet::new();
    for entry in &entries {
        covered_ids.insert(entry.geonameid);
        covered_admins.insert((
            entry.kind.as_str().into(),
            entry.country.clone(),
            entry.admin1.clone(),
            entry.admin2.clone(),
        ));
        text.push_str(&entry.line());
        count(&mut summary.by_kind, entry.kind.as_str());
    }
    if options.extend {
        let bundled = embedded_tsv()?;
        for line in bundled.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 11 {
                continue;
            }
            let id: u64 = f[0].parse().unwrap_or(0);
            let covered = if id > 0 {
                covered_ids.contains(&id)
            } else {
                covered_admins.contains(&(f[1].into(), f[2].into(), f[3].into(), f[4].into()))
            };
            if !covered {
                text.push_str(line);
                text.push('\n');
                summary.kept_from_bundled += 1;
                if let Some(kind) = Kind::parse(f[1]) {
                    count(&mut summary.by_kind, kind.as_str());
                }
            }
        }
    }
    write_text(output, &text)?;
    Ok(summary)
}

fn count(by_kind: &mut Vec<(&'static str, usize)>, kind: &'static str) {
    match by_kind.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, n)) => *n += 1,
        None => by_kind.push((kind, 1)),
    }
}

fn write_text(output: &Path, text: &str) -> Result<(), GeoError> {
    let file = File::create(output).map_err(|e| io_error(output, e))?;
    let result = if output.extension().is_some_and(|e| e == "gz") {
        let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        encoder
            .write_all(text.as_bytes())
            .and_then(|()| encoder.finish().map(|_| ()))
    } else {
        let mut file = file;
        file.write_all(text.as_bytes())
    };
    result.map_err(|e| io_error(output, e))
}

fn assemble(dump: &Dump) -> Vec<OutEntry> {
    let admin1_name = |cc: &str, code: &str| -> String {
        dump.admin1
            .get(&format!("{cc}.{code}"))
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    };
    let admin2_name = |cc: &str, a1: &str, a2: &str| -> String {
        dump.admin2
            .get(&format!("{cc}.{a1}.{a2}"))
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut country_points: HashMap<&str, Vec<(f64, f64)>> = HashMap::new();
    let mut admin1_points: HashMap<String, Vec<(f64, f64, u64)>> = HashMap::new();
    let mut admin2_points: HashMap<String, Vec<(f64, f64, u64)>> = HashMap::new();
    for row in &dump.rows {
        country_points
            .entry(&row.country)
            .or_default()
            .push((row.lat, row.lon));
        admin1_points
            .entry(format!("{}.{}", row.country, row.admin1_code))
            .or_default()
            .push((row.lat, row.lon, row.population));
        admin2_points
            .entry(format!(
                "{}.{}.{}",
                row.country, row.admin1_code, row.admin2_code
            ))
            .or_default()
            .push((row.lat, row.lon, row.population));
        out.push(OutEntry {
            geonameid: row.geonameid,
            kind: row.kind,
            country: row.country.clone(),
            admin1: admin1_name(&row.country, &row.admin1_code),
            admin2: admin2_name(&row.country, &row.admin1_code, &row.admin2_code),
            lat: row.lat,
            lon: row.lon,
            population: row.population,
            extent: None,
            name: row.name.clone(),
            names: row.names.clone(),
        });
    }
    let centre = |points: &[(f64, f64)]| {
        inner_box(points, 0.02).map(|[s, w, n, e]| ((s + n) / 2.0, (w + e) / 2.0))
    };
    for (code, name, population, id) in &dump.countries {
        let points = country_points
            .get(code.as_str())
            .cloned()
            .unwrap_or_default();
        let Some((lat, lon)) = dump.points.get(id).copied().or_else(|| centre(&points)) else {
            continue;
        };
        out.push(OutEntry {
            geonameid: *id,
            kind: Kind::Country,
            country: code.clone(),
            admin1: String::new(),
            admin2: String::new(),
            lat,
            lon,
            population: *population,
            extent: inner_box(&points, 0.05),
            name: name.clone(),
            names: dump.extra_names.get(id).cloned().unwrap_or_default(),
        });
    }
    for (kind, table, points_by) in [
        (Kind::Admin1, &dump.admin1, &admin1_points),
        (Kind::Admin2, &dump.admin2, &admin2_points),
    ] {
        for (code, (name, id)) in table {
            let places: Vec<(f64, f64)> = points_by
                .get(code)
                .map(|p| p.iter().map(|&(a, b, _)| (a, b)).collect())
                .unwrap_or_default();
            let Some((lat, lon)) = dump.points.get(id).copied().or_else(|| centre(&places)) else {
                continue;
            };
            let parts: Vec<&str> = code.split('.').collect();
            let country = parts.first().copied().unwrap_or("").to_string();
            let admin1 = if kind == Kind::Admin1 {
                name.clone()
            } else {
                admin1_name(&country, parts.get(1).copied().unwrap_or(""))
            };
            let population = points_by
                .get(code)
                .map_or(0, |p| p.iter().map(|x| x.2).sum());
            let mut names = vec![strip_generic(name)];
            names.extend(dump.extra_names.get(id).into_iter().flatten().cloned());
            out.push(OutEntry {
                geonameid: *id,
                kind,
                country,
                admin1,
                admin2: if kind == Kind::Admin2 {
                    name.clone()
                } else {
                    String::new()
                },
                lat,
                lon,
                population,
                extent: if kind == Kind::Admin1 {
                    inner_box(&places, 0.05)
                } else {
                    None
                },
                name: name.clone(),
                names,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.kind, &a.country, &a.admin1, &a.name, a.geonameid).cmp(&(
            b.kind,
            &b.country,
            &b.admin1,
            &b.name,
            b.geonameid,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::{keep_alternate, role_of, strip_generic, Role};

    #[test]
    fn file_roles_come_from_names() {
        assert_eq!(role_of("dump/allCountries.txt"), Some(Role::Main));
        assert_eq!(role_of("cities500.txt"), Some(Role::Main));
        assert_eq!(role_of("SY.txt"), Some(Role::Main));
        assert_eq!(role_of("admin1CodesASCII.txt"), Some(Role::Admin1));
        assert_eq!(role_of("alternateNamesV2.txt"), Some(Role::Alternates));
        assert_eq!(role_of("readme.txt"), None);
    }

    #[test]
    fn alternates_and_generic_words() {
        assert!(keep_alternate("Saraqeb"));
        assert!(!keep_alternate("سراقب"));
        assert!(!keep_alternate("IEV"));
        assert!(!keep_alternate("sraqb"));
        assert_eq!(strip_generic("Idlib Governorate"), "Idlib");
        assert_eq!(strip_generic("Muhafazat Idlib"), "Idlib");
    }
}
