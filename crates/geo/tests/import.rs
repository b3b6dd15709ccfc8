//! `import_geonames` on a tiny GeoNames dump written here, plain and zipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use sitrep_geo::import::{import_geonames, ImportOptions};
use sitrep_geo::{Gazetteer, Kind};

const COUNTRY_INFO: &str = "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode
SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t22198110\tAS\t.sy\tSYP\tPound\t963\t\t\tar-SY\t163843\tIQ,JO,IL,TR,LB\t
";

const ADMIN1: &str = "SY.12\tIdlib\tIdlib\t169388\nSY.09\tAleppo\tAleppo\t170062\n";
const ADMIN2: &str = "SY.12.1203\tAriha District\tAriha District\t900001\n";

/// One line of the main table: id, (name, alternates), (lat, lon), (class, code), admin1, population.
fn main_row(
    id: u64,
    names: (&str, &str),
    point: (f64, f64),
    feature: (&str, &str),
    admin1: &str,
    population: u64,
) -> String {
    let ((name, alternates), (lat, lon), (class, code)) = (names, point, feature);
    format!("{id}\t{name}\t{name}\t{alternates}\t{lat}\t{lon}\t{class}\t{code}\tSY\t\t{admin1}\t\t\t\t{population}\t\t300\tAsia/Damascus\t2020-01-01\n")
}

fn main_table() -> String {
    [
        main_row(
            163843,
            ("Syrian Arab Republic", ""),
            (35.0, 38.0),
            ("A", "PCLI"),
            "00",
            22198110,
        ),
        main_row(
            169388,
            ("Muhafazat Idlib", "Idlib Governorate"),
            (35.75, 36.58),
            ("A", "ADM1"),
            "12",
            0,
        ),
        main_row(
            164816,
            ("Saraqib", "Saraqeb,Sarakeb,سراقب"),
            (35.86447, 36.80591),
            ("P", "PPL"),
            "12",
            34231,
        ),
        main_row(
            169389,
            ("Idlib", "Idleb"),
            (35.93062, 36.63393),
            ("P", "PPLA"),
            "12",
            128840,
        ),
        main_row(
            170063,
            ("Aleppo", "Halab,Alep"),
            (36.20124, 37.16117),
            ("P", "PPLA"),
            "09",
            1602264,
        ),
        main_row(
            170654,
            ("Damascus", "Dimashq"),
            (33.5102, 36.29128),
            ("P", "PPLC"),
            "13",
            2584771,
        ),
        main_row(
            999999,
            ("Tiny Hamlet", ""),
            (35.5, 36.5),
            ("P", "PPL"),
            "12",
            12,
        ),
    ]
    .concat()
}

const ALTERNATES: &str = "1\t164816\ten\tSaraqueb\t\t\t\t\t\t\n2\t169388\ten\tIdleb Governorate\t\t\t\t\t\t\n3\t170063\tar\tحلب\t\t\t\t\t\t\n";

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-geo-import-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write dump file");
    path
}

/// A zip archive with one deflated entry (sizes in the local header) and one stored entry.
fn write_zip(path: &Path, entries: &[(&str, &str, bool)]) {
    let mut out = Vec::new();
    for (name, text, deflate) in entries {
        let data = if *deflate {
            let mut encoder =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(text.as_bytes()).expect("deflate");
            encoder.finish().expect("deflate")
        } else {
            text.as_bytes().to_vec()
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&(if *deflate { 8u16 } else { 0 }).to_le_bytes());
        out.extend_from_slice(&[0; 8]); // time, date, crc (not checked)
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&data);
    }
    out.extend_from_slice(&0x0201_4b50u32.to_le_bytes()); // start of a central directory
    std::fs::write(path, out).expect("write zip");
}

fn check_imported(output: &Path, expect_bundled: bool) {
    let gazetteer = Gazetteer::from_path(output).expect("imported gazetteer loads");
    let cases = [
        ("Rebels retook Saraqeb on Thursday.", "Saraqib", Kind::City),
        ("Shelling hit Saraqueb overnight.", "Saraqib", Kind::City),
        (
            "Clashes spread across Idleb Governorate.",
            "Idlib",
            Kind::Admin1,
        ),
        ("Jets struck Aleppo again.", "Aleppo", Kind::City),
        ("Talks were held in Damascus.", "Damascus", Kind::Capital),
        ("The army said Syria would respond.", "Syria", Kind::Country),
    ];
    for (text, name, kind) in cases {
        let places = gazetteer.geoparse(text);
        let place = places
            .mentions()
            .first()
            .and_then(|m| m.place.as_ref())
            .unwrap_or_else(|| panic!("no place in {text:?}"));
        assert_eq!((place.name.as_str(), place.kind), (name, kind), "{text:?}");
    }
    let admin1 = gazetteer.admin1("SY", "Idlib").expect("Idlib admin1");
    assert!(
        (admin1.lat - 35.75).abs() < 1e-6,
        "the ADM1 feature's own point is used"
    );
    assert!(
        gazetteer.find("Tiny Hamlet").is_empty(),
        "--min-population leaves out small places"
    );
    assert_eq!(
        !gazetteer.find("Kabul").is_empty(),
        expect_bundled,
        "extend keeps bundled entries"
    );
}

#[test]
fn imports_plain_dump_files() {
    let dir = scratch_dir("plain");
    let inputs = vec![
        write(&dir, "allCountries.txt", &main_table()),
        write(&dir, "admin1CodesASCII.txt", ADMIN1),
        write(&dir, "admin2Codes.txt", ADMIN2),
        write(&dir, "countryInfo.txt", COUNTRY_INFO),
        write(&dir, "alternateNamesV2.txt", ALTERNATES),
    ];
    let output = dir.join("gazetteer.tsv.gz");
    let options = ImportOptions {
        min_population: 100,
        extend: false,
    };
    let summary = import_geonames(&inputs, &output, &options).expect("import");
    assert!(summary.by_kind.contains(&("country", 1)), "{summary:?}");
    check_imported(&output, false);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn imports_zipped_dump_files_and_extends_the_bundled_gazetteer() {
    let dir = scratch_dir("zip");
    let main = dir.join("allCountries.zip");
    write_zip(&main, &[("allCountries.txt", &main_table(), true)]);
    let alternates = dir.join("alternateNamesV2.zip");
    write_zip(
        &alternates,
        &[
            ("iso-languagecodes.txt", "ISO 639-3\tName\n", false),
            ("alternateNamesV2.txt", ALTERNATES, true),
        ],
    );
    let inputs = vec![
        main,
        alternates,
        write(&dir, "admin1CodesASCII.txt", ADMIN1),
        write(&dir, "countryInfo.txt", COUNTRY_INFO),
    ];
    let output = dir.join("gazetteer.tsv");
    let options = ImportOptions {
        min_population: 100,
        extend: true,
    };
    let summary = import_geonames(&inputs, &output, &options).expect("import");
    assert!(summary.kept_from_bundled > 100_000, "{summary:?}");
    check_imported(&output, true);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_files_are_refused_with_a_hint() {
    let dir = scratch_dir("bad");
    let input = write(&dir, "notes.csv", "x");
    let err =
        import_geonames(&[input], &dir.join("out.tsv"), &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("allCountries"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
