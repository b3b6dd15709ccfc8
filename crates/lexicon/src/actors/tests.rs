//! Table-driven tests of actor recognition, composition, localisation and of the
//! bundled data files (lint and round trip of every alias).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{
    embedded_files, phrase_key, ActorLexicon, ActorMention, ActorOrigin, Country, Entries, FILES,
};
use crate::tsv;

fn lexicon() -> &'static ActorLexicon {
    static LEXICON: OnceLock<ActorLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match ActorLexicon::embedded() {
        Ok(lexicon) => lexicon,
        Err(e) => panic!("the bundled actor lexicon does not load: {e}"),
    })
}

fn day(date: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("bad test date {date:?}: {e}"),
    }
}

/// One mention as `text=CODE`, with ` bare`, ` hedged` and ` backer=CODE` when set;
/// `-` stands for an actor without a code (no country yet).
fn describe(m: &ActorMention) -> String {
    let mut out = format!(
        "{}={}",
        m.actor.text,
        m.actor.code.as_deref().unwrap_or("-")
    );
    if m.bare_place {
        out.push_str(" bare");
    }
    if m.hedged {
        out.push_str(" hedged");
    }
    if let Some(backer) = &m.backer {
        out.push_str(&format!(
            " backer={}",
            backer.code.as_deref().unwrap_or("-")
        ));
    }
    out
}

fn check(text: &str, date: Option<&str>, expected: &[&str]) {
    let mentions = lexicon().find(text, date.map(day));
    for m in &mentions {
        assert_eq!(
            m.span.slice(text),
            m.actor.text,
            "span and text differ in {text:?}"
        );
    }
    let found: Vec<String> = mentions.iter().map(describe).collect();
    assert_eq!(found, expected, "in {text:?}");
}

#[test]
fn composes_countries_agents_and_modifiers() {
    let rows: &[(&str, Option<&str>, &[&str])] = &[
        (
            "Syrian government forces shelled the town.",
            None,
            &["Syrian government forces=SYRMIL"],
        ),
        (
            "Two Turkish soldiers were killed near the border.",
            None,
            &["Turkish soldiers=TURMIL"],
        ),
        (
            "Moscow accused Ankara of breaking the ceasefire.",
            None,
            &["Moscow=RUSGOV bare", "Ankara=TURGOV bare"],
        ),
        (
            "Turkey-backed Syrian opposition fighters captured two villages.",
            None,
            &["Turkey-backed Syrian opposition fighters=SYRREB backer=TURGOV"],
        ),
        (
            "The Syrian regime denied the report.",
            None,
            &["Syrian regime=SYRGOV"],
        ),
        // An agent "of" a named group is the group.
        (
            "Fighters of al-Shabaab overran the camp.",
            None,
            &["Fighters of al-Shabaab=SOMREB"],
        ),
        (
            "Troops clashed with forces of the Arakan Army overnight.",
            None,
            &["Troops=-", "forces of the Arakan Army=MMRREB"],
        ),
        (
            "A Russian delegation arrived in Ankara on Monday.",
            None,
            &["Russian delegation=RUSGOV", "Ankara=TURGOV bare"],
        ),
        (
            "Turkish officials said the talks had failed.",
            None,
            &["Turkish officials=TURGOV"],
        ),
        (
            "Police fired tear gas at protesters in Nairobi.",
            None,
            &["Police=-", "protesters=-", "Nairobi=KENGOV bare"],
        ),
        (
            "Gunmen on motorbikes killed 12 villagers in Zamfara.",
            None,
            &["Gunmen=-", "villagers=-"],
        ),
        (
            "Turkish and Russian troops held a joint patrol.",
            None,
            &["Turkish=TURMIL", "Russian troops=RUSMIL"],
        ),
        // A state's "armed forces" after a demonym is the agent, so a demonym before
        // it borrows it.
        (
            "Russian and Ukrainian armed forces exchanged fire near Bakhmut.",
            None,
            &["Russian=RUSMIL", "Ukrainian armed forces=UKRMIL"],
        ),
        (
            "Ivorian, Burkinabe and Malian gendarmes met in Bamako.",
            None,
            &[
                "Ivorian=CIVMIL",
                "Burkinabe=BFAMIL",
                "Malian gendarmes=MLIMIL",
                "Bamako=MLIGOV bare",
            ],
        ),
        (
            "Russia-backed separatists shelled Ukrainian positions.",
            None,
            &["Russia-backed separatists=- backer=RUSGOV"],
        ),
        (
            "Pro-Russian separatists seized the airport.",
            None,
            &["Pro-Russian separatists=- backer=RUSGOV"],
        ),
        (
            "Moscow-backed forces entered the city.",
            None,
            &["Moscow-backed forces=- backer=RUSGOV"],
        ),
        (
            "Iranian-backed militias fired rockets at the base.",
            None,
            &["Iranian-backed militias=- backer=IRNGOV"],
        ),
        (
            "Suspected Islamist militants attacked an army post in Burkina Faso.",
            None,
            &[
                "Suspected Islamist militants=- hedged",
                "army=-",
                "Burkina Faso=BFAGOV bare",
            ],
        ),
        (
            "U.S. troops and Iraqi security forces patrolled the road.",
            None,
            &["U.S. troops=USAMIL", "Iraqi security forces=IRQMIL"],
        ),
        (
            "The Kremlin said Kyiv had rejected the offer.",
            None,
            &["Kremlin=RUSGOV bare", "Kyiv=UKRGOV bare"],
        ),
        (
            "Israeli warplanes struck a house in Rafah.",
            None,
            &["Israeli warplanes=ISRMIL"],
        ),
        (
            "Myanmar's junta extended the state of emergency.",
            None,
            &["Myanmar's junta=MMRMIL"],
        ),
        (
            "Burma's military shelled villages in Sagaing.",
            None,
            &["Burma's military=MMRMIL"],
        ),
        (
            "Anti-government protesters marched in Khartoum.",
            None,
            &["Anti-government protesters=-", "Khartoum=SDNGOV bare"],
        ),
        (
            "Government-held areas of Aleppo came under fire.",
            None,
            &[],
        ),
        (
            "The DRC army and Congolese police deployed to Goma.",
            None,
            &["DRC army=CODMIL", "Congolese police=CODCOP"],
        ),
        (
            "Nigerian soldiers and bandits exchanged fire.",
            None,
            &["Nigerian soldiers=NGAMIL", "bandits=-"],
        ),
        (
            "Mexican police found the bodies of five men.",
            None,
            &["Mexican police=MEXCOP", "men=-"],
        ),
        (
            "Washington and Beijing traded accusations.",
            None,
            &["Washington=USAGOV bare", "Beijing=CHNGOV bare"],
        ),
        (
            "Police suspected militants of the attack.",
            None,
            &["Police=-", "suspected militants=- hedged"],
        ),
        (
            "Syrian state media reported the strike.",
            None,
            &["Syrian state media=SYRGOV"],
        ),
        (
            "An Ethiopian army spokesman denied it.",
            None,
            &["Ethiopian army spokesman=ETHMIL"],
        ),
        (
            "Afghan police officials confirmed the blast.",
            None,
            &["Afghan police officials=AFGCOP"],
        ),
        (
            "A Pakistani police officer was shot dead.",
            None,
            &["Pakistani police officer=PAKCOP"],
        ),
        (
            "Colombian rebels freed the hostages.",
            None,
            &["Colombian rebels=COLREB", "hostages=-"],
        ),
        (
            "Haitian gang members torched homes.",
            None,
            &["Haitian gang members=HTICRM"],
        ),
        (
            "The Venezuelan National Guard dispersed the crowd.",
            None,
            &["Venezuelan National Guard=VENMIL"],
        ),
        (
            "Bangladeshi students clashed with police.",
            None,
            &["Bangladeshi students=BGDEDU", "police=-"],
        ),
        (
            "Palestinian worshippers and Israeli police scuffled.",
            None,
            &["Palestinian worshippers=PSEREL", "Israeli police=ISRCOP"],
        ),
        (
            "Thousands of Sudanese refugees crossed into Chad.",
            None,
            &["Sudanese refugees=SDNREF", "Chad=TCDGOV bare"],
        ),
        (
            "The Ukrainian Defence Ministry said drones were downed.",
            None,
            &["Ukrainian Defence Ministry=UKRMIL", "drones=-"],
        ),
        (
            "A Chinese foreign ministry spokesman called it provocation.",
            None,
            &["Chinese foreign ministry spokesman=CHNGOV"],
        ),
        (
            "The Ethiopian federal government declared a truce.",
            None,
            &["Ethiopian federal government=ETHGOV"],
        ),
        (
            "The Afghan National Army retook the district.",
            None,
            &["Afghan National Army=AFGMIL"],
        ),
        (
            "The Israel Defense Forces said it struck targets.",
            None,
            &["Israel Defense Forces=ISRMIL"],
        ),
        (
            "Kenya Defence Forces soldiers were ambushed.",
            None,
            &["Kenya Defence Forces soldiers=KENMIL"],
        ),
        (
            "The Royal Thai Army sent reinforcements to Pattani.",
            None,
            &["Royal Thai Army=THAMIL"],
        ),
        (
            "Unidentified armed men abducted three aid workers.",
            None,
            &["Unidentified armed men=-", "aid workers=-"],
        ),
        (
            "Police Forces of the Philippines raided a house.",
            None,
            &["Police Forces of the Philippines=PHLCOP"],
        ),
        (
            "Civilians (Democratic Republic of Congo) fled.",
            None,
            &["Civilians (Democratic Republic of Congo)=CODCVL"],
        ),
        (
            "Soldiers of the Malian army patrolled Gao.",
            None,
            &["Soldiers=-", "Malian army=MLIMIL"],
        ),
        (
            "Fighters from Somaliland fought Somali troops.",
            None,
            &[
                "Fighters=-",
                "Somaliland=XSLGOV bare",
                "Somali troops=SOMMIL",
            ],
        ),
        (
            "Somaliland and Somali troops clashed.",
            None,
            &["Somaliland=XSLMIL", "Somali troops=SOMMIL"],
        ),
        (
            "Hong Kong police arrested 40 people.",
            None,
            &["Hong Kong police=HKGCOP", "people=-"],
        ),
        (
            "Türkiye and the UAE signed a deal.",
            None,
            &["Türkiye=TURGOV bare", "UAE=AREGOV bare"],
        ),
        (
            "Côte d'Ivoire and Ivory Coast are the same state.",
            None,
            &["Côte d'Ivoire=CIVGOV bare", "Ivory Coast=CIVGOV bare"],
        ),
        (
            "Ethiopian federal forces and militia clashed near Gondar.",
            None,
            &["Ethiopian federal forces=ETHMIL", "militia=-"],
        ),
        (
            "Myanmar soldiers torched homes in Magway.",
            None,
            &["Myanmar soldiers=MMRMIL"],
        ),
        (
            "Indian security forces killed two militants in Kashmir.",
            None,
            &["Indian security forces=INDMIL", "militants=-"],
        ),
        (
            "Yemeni government troops repelled the assault.",
            None,
            &["Yemeni government troops=YEMMIL"],
        ),
        (
            "The Libyan coast guard intercepted 90 migrants.",
            None,
            &["Libyan coast guard=LBYMIL", "migrants=-"],
        ),
        (
            "The Iraqi Prime Minister ordered an inquiry.",
            None,
            &["Iraqi Prime Minister=IRQGOV"],
        ),
        (
            "Ukraine's air force said it downed 20 drones.",
            None,
            &["Ukraine's air force=UKRMIL", "drones=-"],
        ),
        (
            "Russian-installed officials in Kherson announced a vote.",
            None,
            &["Russian-installed officials=- backer=RUSGOV"],
        ),
        (
            "Filipino troops fought communist rebels in Samar.",
            None,
            &["Filipino troops=PHLMIL", "communist rebels=-"],
        ),
        (
            "Kenyan police shot dead two suspected robbers.",
            None,
            &["Kenyan police=KENCOP", "suspected robbers=- hedged"],
        ),
        (
            "A Nigerian Air Force fighter jet crashed.",
            None,
            &["Nigerian Air Force fighter jet=NGAMIL"],
        ),
        (
            "Somali government forces backed by US drones raided the camp.",
            None,
            &["Somali government forces=SOMMIL", "US drones=USAMIL"],
        ),
        (
            "Palestinian health officials gave the toll.",
            None,
            &["Palestinian health officials=PSEHLH"],
        ),
        (
            "Malian and Russian soldiers executed civilians.",
            None,
            &["Malian=MLIMIL", "Russian soldiers=RUSMIL", "civilians=-"],
        ),
        (
            "Masked gunmen stormed a church in Ondo.",
            None,
            &["Masked gunmen=-"],
        ),
        (
            "Brazilian military police raided a favela.",
            None,
            &["Brazilian military police=BRAMIL"],
        ),
        (
            "South Sudanese soldiers and Nigerien troops",
            None,
            &["South Sudanese soldiers=SSDMIL", "Nigerien troops=NERMIL"],
        ),
        (
            "Papua New Guinea police and the Guinea-Bissau army",
            None,
            &[
                "Papua New Guinea police=PNGCOP",
                "Guinea-Bissau army=GNBMIL",
            ],
        ),
        (
            "Emirati drones hit a convoy.",
            None,
            &["Emirati drones=AREMIL"],
        ),
        (
            "Hindu nationalists attacked Muslim traders.",
            None,
            &["Hindu=-", "Muslim traders=-"],
        ),
        (
            "America and Iran exchanged threats, they told us.",
            None,
            &["America=USAGOV bare", "Iran=IRNGOV bare"],
        ),
        (
            "Troops of the Democratic Republic of the Congo",
            None,
            &["Troops of the Democratic Republic of the Congo=CODMIL"],
        ),
        (
            "Rebel-controlled towns and government-held Aleppo",
            None,
            &[],
        ),
        (
            "The president's spokesman denied it.",
            None,
            &["president's spokesman=-"],
        ),
        (
            "Kabul police spokesman Ferdaws said",
            None,
            &["Kabul police spokesman=AFGCOP"],
        ),
    ];
    for (text, date, expected) in rows {
        check(text, *date, expected);
    }
}

#[test]
fn hides_names_inside_blocked_phrases() {
    let rows: &[(&str, &[&str])] = &[
        ("Inflation rose across Latin America.", &[]),
        ("A storm crossed the Gulf of Mexico toward New Mexico.", &[]),
        ("Ships were seized in the South China Sea.", &[]),
        (
            "The Washington Post and the Kyiv Independent reported it.",
            &[],
        ),
        (
            "Boko Haram is active around Lake Chad and in the Niger Delta.",
            &[],
        ),
        (
            "Latin American leaders met Mexican officials.",
            &["leaders=-", "Mexican officials=MEXGOV"],
        ),
    ];
    for (text, expected) in rows {
        let found: Vec<String> = lexicon()
            .find(text, None)
            .iter()
            .filter(|m| !matches!(m.origin, ActorOrigin::Group(_)))
            .map(describe)
            .collect();
        assert_eq!(&found, expected, "in {text:?}");
    }
}

#[test]
fn resolves_people_by_date() {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "Assad's forces advanced on Saraqib.",
            "2020-02-01",
            &["Assad's forces=SYRMIL"],
        ),
        (
            "Putin's troops crossed the border.",
            "2022-02-24",
            &["Putin's troops=RUSMIL"],
        ),
        (
            "President Vladimir Putin spoke by phone.",
            "2022-03-01",
            &["President Vladimir Putin=RUSGOV"],
        ),
    ];
    for (text, date, expected) in rows {
        check(text, Some(date), expected);
    }
}

#[test]
fn names_and_kinds_follow_acled() {
    // (text, index of the mention, ACLED-style name, kind)
    let rows: &[(&str, usize, &str, &str)] = &[
        (
            "Syrian government forces",
            0,
            "Military Forces of Syria",
            "military",
        ),
        (
            "Philippine soldiers",
            0,
            "Military Forces of the Philippines",
            "military",
        ),
        (
            "Congolese civilians",
            0,
            "Civilians (Democratic Republic of Congo)",
            "civilians",
        ),
        (
            "British police",
            0,
            "Police Forces of the United Kingdom",
            "police",
        ),
        (
            "American protesters",
            0,
            "Protesters (United States)",
            "protesters",
        ),
        ("Indian rioters", 0, "Rioters (India)", "rioters"),
        ("Syrian rebels", 0, "Opposition Rebels (Syria)", "rebels"),
        (
            "Mexican gunmen",
            0,
            "Unidentified Armed Group (Mexico)",
            "militia",
        ),
        (
            "Brazilian gangs",
            0,
            "Unidentified Gang (Brazil)",
            "militia",
        ),
        ("Israeli settlers", 0, "Settlers (Israel)", "civilians"),
        (
            "the Dutch government",
            0,
            "Government of the Netherlands",
            "government",
        ),
        ("Nigerian farmers", 0, "Civilians (Nigeria)", "civilians"),
        ("Moscow", 0, "Government of Russia", "government"),
    ];
    for (text, index, name, kind) in rows {
        let mentions = lexicon().find(text, None);
        let Some(m) = mentions.get(*index) else {
            panic!("no mention {index} in {text:?}: {mentions:?}");
        };
        assert_eq!(m.actor.name.as_deref(), Some(*name), "name in {text:?}");
        assert_eq!(m.actor.kind.as_deref(), Some(*kind), "kind in {text:?}");
    }
}

#[test]
fn localises_agents_without_a_country() {
    // (text, document country, name, code, kind)
    let rows: &[(&str, &str, &str, &str, &str)] = &[
        (
            "police",
            "KEN",
            "Police Forces of Kenya",
            "KENCOP",
            "police",
        ),
        (
            "gunmen",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
            "NGAUAF",
            "militia",
        ),
        (
            "protesters",
            "FRA",
            "Protesters (France)",
            "FRAOPP",
            "protesters",
        ),
        (
            "villagers",
            "MLI",
            "Civilians (Mali)",
            "MLICVL",
            "civilians",
        ),
        (
            "farmers",
            "NGA",
            "Civilians (Nigeria)",
            "NGAAGR",
            "civilians",
        ),
        (
            "civilians",
            "PHL",
            "Civilians (Philippines)",
            "PHLCVL",
            "civilians",
        ),
        (
            "soldiers",
            "PHL",
            "Military Forces of the Philippines",
            "PHLMIL",
            "military",
        ),
        ("rioters", "IND", "Rioters (India)", "INDCVL", "rioters"),
        (
            "rebels",
            "COD",
            "Opposition Rebels (Democratic Republic of Congo)",
            "CODREB",
            "rebels",
        ),
        (
            "the government",
            "USA",
            "Government of the United States",
            "USAGOV",
            "government",
        ),
        (
            "army officials",
            "SDN",
            "Military Forces of Sudan",
            "SDNMIL",
            "military",
        ),
        (
            "Syrian soldiers",
            "KEN",
            "Military Forces of Syria",
            "SYRMIL",
            "military",
        ),
        (
            "robbers",
            "ZAF",
            "Unidentified Armed Group (South Africa)",
            "ZAFCRM",
            "militia",
        ),
        (
            "fighters",
            "LBY",
            "Unidentified Armed Group (Libya)",
            "LBYUAF",
            "militia",
        ),
        (
            "officials",
            "TUR",
            "Government of Turkey",
            "TURGOV",
            "government",
        ),
        ("police", "ZZZ", "", "", "police"),
    ];
    for (text, iso3, name, code, kind) in rows {
        let mentions = lexicon().find(text, None);
        let Some(m) = mentions.first() else {
            panic!("no mention in {text:?}");
        };
        let actor = lexicon().localise(m, iso3);
        let or_none = |s: &'static str| (!s.is_empty()).then_some(s);
        assert_eq!(
            actor.name.as_deref(),
            or_none(name),
            "name of {text:?} in {iso3}"
        );
        assert_eq!(
            actor.code.as_deref(),
            or_none(code),
            "code of {text:?} in {iso3}"
        );
        assert_eq!(
            actor.kind.as_deref(),
            Some(*kind),
            "kind of {text:?} in {iso3}"
        );
    }
}

#[test]
fn looks_up_countries_by_code_and_name() {
    let lex = lexicon();
    let rows: &[(&str, &str, &str, &str)] = &[
        // (iso2, iso3, name, after "of")
        ("SY", "SYR", "Syria", "Syria"),
        ("PH", "PHL", "Philippines", "the Philippines"),
        (
            "CD",
            "COD",
            "Democratic Republic of Congo",
            "the Democratic Republic of Congo",
        ),
        ("US", "USA", "United States", "the United States"),
        ("PS", "PSE", "Palestine", "Palestine"),
        ("XK", "XKX", "Kosovo", "Kosovo"),
    ];
    for (iso2, iso3, name, after_of) in rows {
        assert_eq!(lex.iso2_to_iso3(iso2), Some(*iso3));
        assert_eq!(lex.iso3_to_iso2(iso3), Some(*iso2));
        let country = lex
            .country(iso3)
            .map(|c| (c.name.as_str(), c.name_after_of()));
        assert_eq!(country, Some((*name, after_of.to_string())), "{iso3}");
    }
    let names = [
        ("DR Congo", "COD"),
        ("burma", "MMR"),
        ("Britain", "GBR"),
        ("Côte d'Ivoire", "CIV"),
    ];
    for (name, iso3) in names {
        assert_eq!(
            lex.country_by_name(name).map(|c| c.iso3.as_str()),
            Some(iso3),
            "{name}"
        );
    }
    assert!(lex.iso2_to_iso3("QQ").is_none());
    assert_eq!(
        lex.government("TUR", "Ankara").and_then(|a| a.code),
        Some("TURGOV".into())
    );
}

#[test]
fn igo_officials_resolve_to_their_organisation() {
    let mentions = lexicon().find("The U.N. Secretary-General condemned the attack.", None);
    let codes: Vec<_> = mentions
        .iter()
        .filter_map(|m| m.actor.code.as_deref())
        .collect();
    assert!(
        codes.contains(&"IGOUNO"),
        "groups.tsv needs the UN with alias \"U.N.\": {mentions:?}"
    );
}

#[test]
fn never_panics_and_spans_are_exact() {
    let long = "Syrian government forces shelled Idlib. ".repeat(2000);
    let texts = [
        "",
        " ",
        "'s",
        "-backed",
        "pro-",
        "police (",
        "forces of the",
        "🙂 Turkish 🙂 soldiers — Ankara’s troops «Moscow»",
        "e\u{301}lysée Élysée ÉLYSÉE",
        "Syrian\u{a0}soldiers\tand\nTurkish",
        long.as_str(),
    ];
    for text in texts {
        for m in lexicon().find(text, None) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert_eq!(m.span.slice(text), m.actor.text);
        }
    }
}

/// Parsed rows of one embedded file, with their 1-based line numbers.
fn rows_of(file: usize) -> Vec<tsv::Row<'static>> {
    tsv::rows(embedded_files()[file]).collect()
}

/// The key each file is sorted by (byte order, as `LC_ALL=C sort` gives), and the
/// phrases each row claims.
fn key_and_phrases(file: usize, row: &tsv::Row<'_>) -> (String, Vec<String>) {
    let split = |i: usize| -> Vec<String> {
        row.opt(i)
            .map(|c| {
                c.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    match FILES[file] {
        "countries.tsv" => {
            let name = row
                .get(2)
                .strip_prefix("the ")
                .unwrap_or(row.get(2))
                .to_string();
            let mut phrases = vec![name];
            phrases.extend(split(3));
            phrases.extend(split(4));
            phrases.extend(split(5));
            (row.get(0).to_string(), phrases)
        }
        "agents.tsv" => {
            let phrases = split(0);
            (phrases.first().cloned().unwrap_or_default(), phrases)
        }
        "groups.tsv" => (row.get(0).to_string(), split(4)),
        "people.tsv" => (format!("{}\t{}", row.get(0), row.get(2)), Vec::new()),
        "regimes.tsv" => (format!("{}\t{}", row.get(0), row.get(1)), Vec::new()),
        "communities.tsv" => (row.get(0).to_string(), Vec::new()),
        "renames.tsv" => (format!("{}\t{}", row.get(0), row.get(1)), Vec::new()),
        _ => (row.get(0).to_string(), vec![row.get(0).to_string()]),
    }
}

#[test]
fn lint_every_file() {
    let expected_columns = [6, 5, 5, 7, 2, 6, 3, 4];
    if let Err(e) = Entries::parse("lexicons/actors", embedded_files()) {
        panic!("a bundled actor file does not parse: {e}");
    }
    let mut problems = Vec::new();
    for (file, name) in FILES.iter().enumerate() {
        let header: Vec<&str> = embedded_files()[file]
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect();
        match header.iter().find_map(|l| l.strip_prefix("# Columns: ")) {
            Some(columns) if columns.split('\t').count() == expected_columns[file] => {}
            _ => problems.push(format!(
                "{name}: the header needs a \"# Columns: \" line naming its {} tab-separated columns",
                expected_columns[file]
            )),
        }
        let mut previous: Option<(String, usize)> = None;
        let mut owner: HashMap<String, (usize, String)> = HashMap::new();
        for row in rows_of(file) {
            let (key, phrases) = key_and_phrases(file, &row);
            if let Some((before, line)) = &previous {
                if key == *before {
                    problems.push(format!(
                        "{name}:{}: duplicate key {key:?} (line {line})",
                        row.line
                    ));
                } else if key < *before {
                    problems.push(format!(
                        "{name}:{}: {key:?} sorts before {before:?} (line {line})",
                        row.line
                    ));
                }
            }
            previous = Some((key.clone(), row.line));
            for phrase in phrases {
                let k = phrase_key(&phrase);
                // The same phrase twice in one row is redundant but harmless.
                if let Some((line, first)) = owner.get(&k).filter(|(line, _)| *line != row.line) {
                    problems.push(format!(
                        "{name}:{}: phrase {phrase:?} already claimed by line {line} ({first:?})",
                        row.line
                    ));
                } else {
                    owner.entry(k).or_insert((row.line, phrase));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "actor lexicon lint:\n{}",
        problems.join("\n")
    );
}

/// Records a problem unless `text` has a mention from `want` spanning exactly `whole`.
fn expect_origin(
    problems: &mut Vec<String>,
    text: String,
    want: ActorOrigin,
    date: Option<NaiveDate>,
    whole: &str,
) {
    let mentions = lexicon().find(&text, date);
    let ok = mentions
        .iter()
        .any(|m| m.origin == want && m.span.slice(&text) == whole);
    if !ok {
        let found: Vec<String> = mentions
            .iter()
            .map(|m| format!("{} {:?}", describe(m), m.origin))
            .collect();
        problems.push(format!(
            "{text:?}: want {want:?} over {whole:?}, found {found:?}"
        ));
    }
}

#[test]
fn every_phrase_finds_its_own_entry() {
    let lex = lexicon();
    let mut problems = Vec::new();
    for (i, country) in lex.countries().iter().enumerate() {
        let origin = ActorOrigin::Country(i as u32);
        for phrase in std::iter::once(&country.name)
            .chain(&country.aliases)
            .chain(&country.capitals)
        {
            expect_origin(
                &mut problems,
                format!("{phrase} said."),
                origin,
                None,
                phrase,
            );
        }
        for demonym in &country.demonyms {
            let text = format!("{demonym} soldiers");
            let soldiers = lex
                .agents()
                .iter()
                .position(|a| a.phrases.iter().any(|p| p == "soldiers"));
            let Some(soldiers) = soldiers else {
                problems.push("agents.tsv has no \"soldiers\"".into());
                continue;
            };
            let mentions = lex.find(&text, None);
            let code = format!("{}MIL", country.iso3);
            let ok = mentions.len() == 1
                && mentions[0].origin == ActorOrigin::Agent(soldiers as u32)
                && mentions[0].actor.code.as_deref() == Some(code.as_str());
            if !ok {
                problems.push(format!(
                    "{text:?}: want one {code}, found {:?}",
                    mentions.iter().map(describe).collect::<Vec<_>>()
                ));
            }
        }
    }
    for (i, agent) in lex.agents().iter().enumerate() {
        for phrase in &agent.phrases {
            let origin = ActorOrigin::Agent(i as u32);
            expect_origin(
                &mut problems,
                format!("The {phrase} said."),
                origin,
                None,
                phrase,
            );
        }
    }
    for (i, group) in lex.groups().iter().enumerate() {
        for phrase in &group.aliases {
            let origin = ActorOrigin::Group(i as u32);
            expect_origin(
                &mut problems,
                format!("{phrase} said."),
                origin,
                None,
                phrase,
            );
        }
    }
    for person in lex.people() {
        for phrase in std::iter::once(&person.name).chain(&person.aliases) {
            let text = format!("{phrase} said.");
            let mentions = lex.find(&text, Some(person.from));
            let ok = mentions.iter().any(|m| {
                m.span.slice(&text) == phrase.as_str()
                    && match m.origin {
                        ActorOrigin::Person(p) => lex.people()[p as usize].name == person.name,
                        _ => false,
                    }
            });
            if !ok {
                let found: Vec<String> = mentions
                    .iter()
                    .map(|m| format!("{} {:?}", describe(m), m.origin))
                    .collect();
                problems.push(format!(
                    "{text:?} on {}: want {}, found {found:?}",
                    person.from, person.name
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} phrases do not find their own entry:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn reports_no_shadowed_phrases() {
    let shadowed = lexicon().shadowed();
    assert!(
        shadowed.is_empty(),
        "phrases claimed by two entries:\n{}",
        shadowed.join("\n")
    );
}

#[test]
fn demonyms_stand_for_the_military_or_the_government() {
    // Every demonym, as the country's military (a physical act) or government.
    let rows = [
        ("Israeli shelling hit the camp.", true, "Israeli=ISRMIL"),
        ("Israeli criticism grew.", false, "Israeli=ISRGOV"),
        (
            "Russian and Chinese diplomats",
            false,
            "Russian=RUSGOV Chinese=CHNGOV",
        ),
        ("Kenya and Uganda", false, ""),
    ];
    for (text, physical, expected) in rows {
        let lex = lexicon();
        let found: Vec<String> = lex
            .demonyms(&lex.phrases(text), text, physical, |_| true)
            .iter()
            .map(describe)
            .collect();
        assert_eq!(found.join(" "), expected, "in {text:?}");
    }
}

#[test]
fn a_place_mention_stands_for_its_country_government() {
    let text = "talks in Lyon";
    let span = sitrep_model::Span::new(9, 13);
    let m = lexicon().place_mention(span, "FRA", "Lyon");
    assert_eq!(
        m.as_ref().map(describe).as_deref(),
        Some("Lyon=FRAGOV bare")
    );
    assert_eq!(
        m.map(|m| m.span.slice(text).to_string()).as_deref(),
        Some("Lyon")
    );
    assert!(lexicon().place_mention(span, "XXX", "Lyon").is_none());
}

/// `fill` in one pass gives what the two replacements gave.
#[test]
fn fill_agrees_with_replacing_twice() {
    let countries = [
        Country {
            iso3: "PHL".into(),
            iso2: "PH".into(),
            name: "Philippines".into(),
            article: true,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            capitals: Vec::new(),
        },
        Country {
            iso3: "SYR".into(),
            iso2: "SY".into(),
            name: "Syria".into(),
            article: false,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            capitals: Vec::new(),
        },
    ];
    let templates = [
        "Military Forces of {the country}",
        "Police Forces of {country} ({country})",
        "Rioters ({country}) of {the country}",
        "no placeholder",
        "{ a brace {countr} {country",
        "{the country}{country}{",
        "",
    ];
    for country in &countries {
        for template in templates {
            let expected = template
                .replace("{the country}", &country.name_after_of())
                .replace("{country}", &country.name);
            assert_eq!(super::fill(template, country), expected, "{template}");
        }
    }
}

/// regimes.tsv: state forces carry the period of the regime in power on the day.
#[test]
fn state_forces_carry_the_period_of_the_regime() {
    let rows: &[(&str, &str, &str, &str)] = &[
        // (text, ISO3 for an agent without a country, day, name)
        (
            "Malian soldiers",
            "-",
            "2022-06-03",
            "Military Forces of Mali (2021-)",
        ),
        (
            "Malian soldiers",
            "-",
            "2021-01-10",
            "Military Forces of Mali (2020-2021)",
        ),
        (
            "Malian soldiers",
            "-",
            "2019-03-01",
            "Military Forces of Mali (2013-2020)",
        ),
        (
            "police",
            "PHL",
            "2022-05-01",
            "Police Forces of the Philippines (2016-2022)",
        ),
        (
            "police",
            "PHL",
            "2022-07-01",
            "Police Forces of the Philippines (2022-)",
        ),
        (
            "the Burkinabe army",
            "-",
            "2022-01-23",
            "Military Forces of Burkina Faso (2015-2022)",
        ),
        (
            "the Burkinabe army",
            "-",
            "2022-01-24",
            "Military Forces of Burkina Faso (2022-)",
        ),
        (
            "the Kenyan government",
            "-",
            "2023-02-01",
            "Government of Kenya (2022-)",
        ),
        // A name that already has its period keeps it.
        (
            "Houthi rebels",
            "-",
            "2022-02-01",
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
        // Non-state actors and countries without a row are unchanged.
        ("civilians", "MLI", "2022-06-03", "Civilians (Mali)"),
        (
            "Icelandic police",
            "-",
            "2022-06-03",
            "Police Forces of Iceland",
        ),
        // A day before the first period of a country: no period.
        (
            "Malian soldiers",
            "-",
            "2001-01-01",
            "Military Forces of Mali",
        ),
    ];
    let lex = lexicon();
    let mut wrong = Vec::new();
    for &(text, iso3, date, want) in rows {
        let date = day(date);
        let Some(m) = lex.find(text, Some(date)).into_iter().next() else {
            wrong.push(format!("{text:?}: no mention"));
            continue;
        };
        let actor = if iso3 == "-" {
            m.actor.clone()
        } else {
            lex.localise(&m, iso3)
        };
        let got = lex.dated(actor, Some(date)).name.unwrap_or_default();
        if got != want {
            wrong.push(format!("{text:?} on {date}: {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Without a day nothing changes.
    let m = lex.find("Malian soldiers", None).remove(0);
    let undated = lex.dated(m.actor.clone(), None);
    assert_eq!(undated.name.as_deref(), Some("Military Forces of Mali"));
}

/// regimes.tsv: a group that is the state on the day is named as the state's forces;
/// a unit of them is named after them.
#[test]
fn groups_in_power_are_named_as_state_forces() {
    let rows: &[(&str, &str, &str, &str)] = &[
        // (text, day, name before the period is added, code)
        ("Taliban fighters", "2020-05-01", "Taliban", "AFGREB"),
        (
            "Taliban fighters",
            "2022-05-01",
            "Military Forces of Afghanistan",
            "AFGMIL",
        ),
        (
            "the Taliban",
            "2021-09-01",
            "Military Forces of Afghanistan",
            "AFGMIL",
        ),
        (
            "Taliban police",
            "2022-05-01",
            "Police Forces of Afghanistan",
            "AFGCOP",
        ),
        (
            "Taliban officials",
            "2022-05-01",
            "Government of Afghanistan",
            "AFGGOV",
        ),
        (
            "the Rapid Support Forces",
            "2022-05-01",
            "Military Forces of Sudan Rapid Support Forces",
            "SDNMIL",
        ),
        (
            "the Rapid Support Forces",
            "2023-05-01",
            "Rapid Support Forces",
            "SDNREB",
        ),
    ];
    let lex = lexicon();
    let mut wrong = Vec::new();
    for &(text, date, want, code) in rows {
        let Some(m) = lex.find(text, Some(day(date))).into_iter().next() else {
            wrong.push(format!("{text:?}: no mention"));
            continue;
        };
        let got = (
            m.actor.name.as_deref().unwrap_or("-"),
            m.actor.code.as_deref().unwrap_or("-"),
        );
        if got != (want, code) {
            wrong.push(format!(
                "{text:?} on {date}: {got:?}, want {:?}",
                (want, code)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let m = lex
        .find("Taliban fighters", Some(day("2022-05-01")))
        .remove(0);
    let dated = lex.dated(m.actor, Some(day("2022-05-01")));
    assert_eq!(
        dated.name.as_deref(),
        Some("Military Forces of Afghanistan (2021-)")
    );
}

/// A malformed regimes.tsv row is refused with its line.
#[test]
fn regimes_rows_are_checked() {
    let bad = [
        "MLI\t2021-05-24\t-\t2021\t-\t-\n",
        "MLI\t2021-05-24\t2020-01-01\t2021-\t-\t-\n",
        "MLI\t2021-05-24\t-\t2021-\n",
    ];
    for content in bad {
        assert!(
            super::data::parse_regimes("regimes.tsv", content).is_err(),
            "{content:?} should be refused"
        );
    }
    let mut entries = ActorLexicon::embedded_entries().unwrap_or_default();
    entries.regimes.push(super::Regime {
        country: "MLI".into(),
        from: day("2022-01-01"),
        to: None,
        period: "2022-".into(),
        state: vec!["No Such Group".into()],
        units: Vec::new(),
    });
    assert!(ActorLexicon::from_entries(entries, "test").is_err());
}

/// communities.tsv: armed men named after their community.
#[test]
fn militias_are_named_after_their_community() {
    let rows: &[(&str, &str, &str)] = &[
        // (text, the document's country, the first mention's name)
        (
            "On Monday, Kaduna militiamen attacked a village.",
            "NGA",
            "Kaduna Communal Militia (Nigeria)",
        ),
        (
            "Bena Kapuya militiamen fought their neighbours.",
            "COD",
            "Bena Kapuya Communal Militia (Democratic Republic of Congo)",
        ),
        (
            "The Darfur communal militia looted cattle.",
            "SDN",
            "Darfur Communal Militia (Sudan)",
        ),
        (
            "Yesterday Tiv gunmen raided the market.",
            "NGA",
            "Tiv Ethnic Militia (Nigeria)",
        ),
        (
            "Later Hawadle clan fighters took the town.",
            "SOM",
            "Hawadle Sub-Clan Militia (Somalia)",
        ),
        (
            "Armed Kuchi tribesmen burned houses.",
            "AFG",
            "Kuchi Tribal Militia (Afghanistan)",
        ),
        (
            "The Plateau State militiamen withdrew.",
            "NGA",
            "Plateau Communal Militia (Nigeria)",
        ),
        // Words no row knows take the label of the militia noun's family.
        (
            "Later Bani Nawf tribal fighters blocked the road.",
            "YEM",
            "Bani Nawf Tribal Militia (Yemen)",
        ),
        (
            "Overnight Wardey clan militia raided a well.",
            "SOM",
            "Wardey Clan Militia (Somalia)",
        ),
        // Armed herders are no militia noun: unknown words before them name nothing.
        (
            "Kaduna armed herders raided a farm.",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
        ),
        // Words that name no community, and unknown words before armed men who are no militia.
        (
            "Several militiamen were killed.",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            "Kurdish militiamen shelled a post.",
            "IRQ",
            "Unidentified Armed Group (Iraq)",
        ),
        (
            "Masked gunmen shot a driver.",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            "Katsina gunmen shot a driver.",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
        ),
        // A country before the militia names its country, not a community.
        (
            "Malian militiamen crossed the border.",
            "NER",
            "Unidentified Armed Group (Mali)",
        ),
    ];
    let wrong = wrong_localised_names(rows, true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A force written with capitals after capitalised words has a name of its own.
#[test]
fn forces_with_a_name_of_their_own_are_groups() {
    let rows: &[(&str, &str, &str)] = &[
        // (text, the document's country, the first mention's name)
        (
            "Yesterday the Kyaukse District Defense Force ambushed a convoy.",
            "MMR",
            "Kyaukse District Defense Force",
        ),
        (
            "The Ranger Kalay Defense Force attacked the camp.",
            "MMR",
            "Ranger Kalay Defense Force",
        ),
        (
            "Later the Lower Valley Liberation Army raided the depot.",
            "COD",
            "Lower Valley Liberation Army",
        ),
        // A state force's title, a country before it or a lower-case noun: the state's.
        (
            "The Federal Army attacked the camp.",
            "NGA",
            "Military Forces of Nigeria",
        ),
        (
            "Yesterday Special Forces raided the hideout.",
            "IRQ",
            "Military Forces of Iraq",
        ),
        (
            "The Malian Army attacked the camp.",
            "MLI",
            "Military Forces of Mali",
        ),
        (
            "The Mopti defense forces attacked the camp.",
            "MLI",
            "Military Forces of Mali",
        ),
    ];
    let wrong = wrong_localised_names(rows, true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Agents name the ACLED family of their actor.
#[test]
fn agents_name_their_acled_family() {
    let rows: &[(&str, &str, &str)] = &[
        // (text, the document's country, name)
        (
            "tribal fighters",
            "IRQ",
            "Unidentified Tribal Militia (Iraq)",
        ),
        (
            "clan militiamen",
            "SOM",
            "Unidentified Clan Militia (Somalia)",
        ),
        (
            "communal militia",
            "GTM",
            "Unidentified Communal Militia (Guatemala)",
        ),
        (
            "suspected cultists",
            "NGA",
            "Unidentified Cult Militia (Nigeria)",
        ),
        (
            "prison guards",
            "RUS",
            "Police Forces of Russia Prison Guards",
        ),
        (
            "a private security guard",
            "SYR",
            "Private Security Forces (Syria)",
        ),
        ("a self-defence group", "MLI", "Vigilante Group (Mali)"),
        (
            "armed herdsmen",
            "NGA",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            "anti-coup fighters",
            "MMR",
            "Unidentified Anti-Coup Armed Group",
        ),
        (
            "police militias",
            "BRA",
            "Unidentified Gang and/or Police Militia",
        ),
        ("gendarmes", "BFA", "Military Forces of Burkina Faso"),
        ("bandits", "NGA", "Unidentified Armed Group (Nigeria)"),
        ("assailants", "KEN", "Unidentified Armed Group (Kenya)"),
        (
            "Luhansk People's Militia",
            "UKR",
            "NAF: United Armed Forces of Novorossiya",
        ),
        (
            "CRPF personnel",
            "IND",
            "Police Forces of India Central Reserve Police Force",
        ),
    ];
    let wrong = wrong_localised_names(rows, false);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The rows `(text, the document's country, name)` whose first mention, localised to
/// the country, is not named so; with `span_is_text`, asserts each mention's text is
/// its span's.
fn wrong_localised_names(rows: &[(&str, &str, &str)], span_is_text: bool) -> Vec<String> {
    let lex = lexicon();
    let mut wrong = Vec::new();
    for &(text, iso3, want) in rows {
        let Some(m) = lex.find(text, None).into_iter().next() else {
            wrong.push(format!("{text:?}: no mention"));
            continue;
        };
        if span_is_text {
            assert_eq!(m.span.slice(text), m.actor.text);
        }
        let got = lex.localise(&m, iso3).name.unwrap_or_default();
        if got != want {
            wrong.push(format!("{text:?}: {got:?}, want {want:?}"));
        }
    }
    wrong
}
