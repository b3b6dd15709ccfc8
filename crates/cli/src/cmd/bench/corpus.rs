//! A deterministic generator of realistic synthetic news articles for
//! `sitrep bench`: datelines, leads, casualty counts, quotes, background
//! paragraphs and web boilerplate over many countries, actors and event types.
//! The same seed always gives the same corpus.

use std::io::{self, Write};

/// SplitMix64: small, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn number(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

/// A country: capital (for datelines), towns, regions, a state force and armed groups.
struct Country {
    name: &'static str,
    capital: &'static str,
    towns: &'static [&'static str],
    regions: &'static [&'static str],
    forces: &'static str,
    groups: &'static [&'static str],
}

const COUNTRIES: &[Country] = &[
    Country {
        name: "Syria",
        capital: "DAMASCUS",
        towns: &[
            "Saraqib",
            "Maarat al-Numan",
            "Deir ez-Zor",
            "Jisr al-Shughur",
        ],
        regions: &["Idlib province", "Aleppo countryside", "Hama province"],
        forces: "Syrian government forces",
        groups: &["Hayat Tahrir al-Sham fighters", "Turkish-backed rebels"],
    },
    Country {
        name: "Afghanistan",
        capital: "KABUL",
        towns: &["Kunduz", "Lashkar Gah", "Ghazni", "Jalalabad"],
        regions: &[
            "Helmand province",
            "Nangarhar province",
            "Kandahar province",
        ],
        forces: "Afghan security forces",
        groups: &["Taliban fighters", "Islamic State militants"],
    },
    Country {
        name: "Nigeria",
        capital: "ABUJA",
        towns: &["Maiduguri", "Zaria", "Gusau", "Damboa"],
        regions: &["Borno State", "Zamfara State", "Kaduna State"],
        forces: "Nigerian troops",
        groups: &["Boko Haram insurgents", "armed bandits"],
    },
    Country {
        name: "Mali",
        capital: "BAMAKO",
        towns: &["Gao", "Menaka", "Mopti", "Timbuktu"],
        regions: &["the Gao region", "central Mali", "the Mopti region"],
        forces: "Malian soldiers",
        groups: &["jihadist militants", "Dozo hunters"],
    },
    Country {
        name: "Yemen",
        capital: "SANAA",
        towns: &["Marib", "Taiz", "Hodeidah", "Saada"],
        regions: &["Marib governorate", "Taiz governorate", "the Red Sea coast"],
        forces: "government troops",
        groups: &["Houthi fighters", "tribal gunmen"],
    },
    Country {
        name: "Somalia",
        capital: "MOGADISHU",
        towns: &["Baidoa", "Kismayo", "Beledweyne", "Jowhar"],
        regions: &["Lower Shabelle", "the Bay region", "Hiiraan"],
        forces: "Somali army troops",
        groups: &["al Shabaab militants", "clan militias"],
    },
    Country {
        name: "Colombia",
        capital: "BOGOTA",
        towns: &["Tame", "Tumaco", "Cucuta", "Buenaventura"],
        regions: &[
            "Arauca department",
            "Cauca department",
            "Norte de Santander",
        ],
        forces: "Colombian soldiers",
        groups: &["ELN guerrillas", "FARC dissidents"],
    },
    Country {
        name: "Myanmar",
        capital: "YANGON",
        towns: &["Monywa", "Lashio", "Myawaddy", "Hpakant"],
        regions: &["Sagaing region", "northern Shan State", "Kayin State"],
        forces: "Myanmar army troops",
        groups: &["People's Defence Force fighters", "ethnic armed groups"],
    },
    Country {
        name: "Ukraine",
        capital: "KYIV",
        towns: &["Kharkiv", "Kherson", "Zaporizhzhia", "Bakhmut"],
        regions: &[
            "the Donetsk region",
            "the Kharkiv region",
            "southern Ukraine",
        ],
        forces: "Russian forces",
        groups: &["Ukrainian troops", "pro-Russian separatists"],
    },
    Country {
        name: "Democratic Republic of Congo",
        capital: "KINSHASA",
        towns: &["Beni", "Goma", "Bunia", "Rutshuru"],
        regions: &[
            "North Kivu province",
            "Ituri province",
            "South Kivu province",
        ],
        forces: "Congolese soldiers",
        groups: &["ADF rebels", "M23 rebels"],
    },
    Country {
        name: "Sudan",
        capital: "KHARTOUM",
        towns: &["Nyala", "El Fasher", "Geneina", "Omdurman"],
        regions: &["South Darfur", "North Kordofan", "West Darfur"],
        forces: "Sudanese army troops",
        groups: &["Rapid Support Forces fighters", "Arab militias"],
    },
    Country {
        name: "Pakistan",
        capital: "ISLAMABAD",
        towns: &["Peshawar", "Quetta", "Bannu", "Khar"],
        regions: &[
            "Khyber Pakhtunkhwa province",
            "Balochistan province",
            "North Waziristan",
        ],
        forces: "Pakistani security forces",
        groups: &["Pakistani Taliban militants", "Baloch separatists"],
    },
    Country {
        name: "Mexico",
        capital: "MEXICO CITY",
        towns: &["Culiacan", "Celaya", "Reynosa", "Uruapan"],
        regions: &["Sinaloa state", "Guanajuato state", "Michoacan state"],
        forces: "Mexican soldiers",
        groups: &["cartel gunmen", "a rival criminal group"],
    },
    Country {
        name: "Iraq",
        capital: "BAGHDAD",
        towns: &["Kirkuk", "Tikrit", "Mosul", "Baqubah"],
        regions: &["Diyala province", "Salahuddin province", "Anbar province"],
        forces: "Iraqi security forces",
        groups: &["Islamic State militants", "Iran-backed militias"],
    },
    Country {
        name: "Burkina Faso",
        capital: "OUAGADOUGOU",
        towns: &["Djibo", "Dori", "Kaya", "Fada N'Gourma"],
        regions: &[
            "the Sahel region",
            "the East region",
            "the Centre-North region",
        ],
        forces: "Burkinabe soldiers",
        groups: &["jihadist fighters", "volunteer defence militias"],
    },
];

/// Lead sentences: `{A}`/`{B}` actors, `{T}` town, `{R}` region, `{N}` dead, `{W}` wounded, `{D}` day.
const LEADS: &[&str] = &[
    "An air strike by {A} on a market in {T} killed {N} civilians and wounded {W} others on {D}, residents and medics said.",
    "A roadside bomb struck a vehicle carrying {A} near {T} on {D}, killing {N} and wounding {W}, officials said.",
    "Clashes between {A} and {B} on the outskirts of {T} left at least {N} fighters dead on {D}, a monitoring group said.",
    "{A} shelled residential areas of {T} overnight into {D}, killing {N} people, including children, local authorities said.",
    "A suicide bomber blew himself up at a checkpoint manned by {A} in {T} on {D}, killing {N} people and wounding more than {W}.",
    "Gunmen believed to be {B} abducted {N} villagers from a farming community near {T} in {R} late on {D}, police said.",
    "Police in {T} fired tear gas to disperse hundreds of protesters demanding the release of detained activists on {D}, and arrested {N} people.",
    "Thousands of people marched peacefully through {T} on {D} to protest against rising fuel prices, organisers said.",
    "{A} arrested {N} suspected members of {B} in raids across {R} on {D}, the interior ministry said.",
    "A drone strike on a convoy of {B} near {T} killed {N} fighters on {D}, according to a statement from {A}.",
    "{B} attacked an army base outside {T} on {D}, sparking fighting that killed {N} soldiers and {W} attackers, security sources said.",
    "Unidentified gunmen shot dead {N} people at a wedding in a village in {R} on {D}, witnesses said.",
    "Artillery and rocket fire on {T} killed {N} civilians and damaged a hospital on {D}, the regional governor said.",
    "A landmine exploded under a minibus near {T} on {D}, killing {N} passengers, a local official said.",
];

const FOLLOW_UPS: &[&str] = &[
    "The wounded were taken to hospitals in {T}, where doctors said several were in a critical condition.",
    "{A} said in a statement that it had targeted positions used by {B} and denied that civilians had been hit.",
    "No group immediately claimed responsibility for the attack, which came a day after {B} threatened to step up operations in {R}.",
    "A spokesman for {A} said troops had been deployed to the area and that an investigation was under way.",
    "Residents said fighting had continued intermittently for several days and that many families had left their homes.",
    "The United Nations said more than {K} people had been displaced by fighting in {R} since the start of the year.",
    "Aid agencies said that {K} people in {R} needed humanitarian assistance, up from a year earlier.",
    "Rights groups have accused both sides of failing to protect civilians in the conflict.",
    "The death toll could rise as rescuers search the rubble, a civil defence official said.",
    "Local elders called on the authorities to negotiate the release of those held.",
];

const QUOTES: &[&str] = &[
    "\"We heard a huge explosion and then people started screaming,\" said a shopkeeper who gave only his first name.",
    "\"The situation is very tense and people are afraid to leave their homes,\" a resident of {T} told reporters by telephone.",
    "\"This is a clear violation of international humanitarian law,\" said a spokesperson for a local rights group.",
    "\"We will not allow these criminals to terrorise our people,\" the governor of {R} said in a televised address.",
    "\"Our teams are overwhelmed,\" said a doctor at the main hospital in {T}.",
];

const BACKGROUND: &[&str] = &[
    "The conflict in {C} has killed thousands of people and displaced millions since it began, according to United Nations estimates.",
    "{R} has been one of the areas worst hit by violence in recent months, with frequent attacks on roads and markets.",
    "Peace talks brokered by regional mediators stalled earlier this year after both sides accused each other of violating a ceasefire.",
    "Security analysts say armed groups have exploited a lack of state presence in rural areas to expand their operations.",
    "The government has repeatedly promised to restore security but has struggled to contain the violence.",
    "Humanitarian organisations have warned of worsening food shortages as fighting disrupts harvests and trade routes.",
];

const BOILERPLATE: &[&str] = &[
    "Read more: Timeline of the conflict in {C}",
    "Also read: Who are the armed groups fighting in {R}?",
    "Related: Aid agencies warn of funding shortfall",
    "Reporting by Frontline Wire staff; Editing by the news desk",
    "Subscribe to our daily briefing for the latest news.",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

struct Slots<'a> {
    country: &'a Country,
    a: &'a str,
    b: &'a str,
    town: &'a str,
    region: &'a str,
    day: &'a str,
    dead: usize,
    wounded: usize,
    displaced: usize,
}

fn fill(template: &str, slots: &Slots) -> String {
    template
        .replace("{A}", slots.a)
        .replace("{B}", slots.b)
        .replace("{T}", slots.town)
        .replace("{R}", slots.region)
        .replace("{C}", slots.country.name)
        .replace("{D}", slots.day)
        .replace("{N}", &slots.dead.to_string())
        .replace("{W}", &slots.wounded.to_string())
        .replace("{K}", &format_thousands(slots.displaced))
}

fn format_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One generated article: (id, published date, title, text).
pub struct Article {
    /// Stable id.
    pub id: String,
    /// Publication date, or none (about one in ten articles).
    pub published: Option<String>,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
}

/// Generates article number `index` of the corpus for `seed`.
pub fn article(seed: u64, index: u64) -> Article {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let country = &COUNTRIES[rng.below(COUNTRIES.len())];
    let slots = Slots {
        country,
        a: if rng.below(2) == 0 {
            country.forces
        } else {
            country.groups[0]
        },
        b: rng.pick(country.groups),
        town: rng.pick(country.towns),
        region: rng.pick(country.regions),
        day: rng.pick(DAYS),
        dead: rng.number(1, 60),
        wounded: rng.number(2, 90),
        displaced: rng.number(2, 900) * 1000,
    };
    let month = rng.below(12);
    let day_of_month = rng.number(1, 28);
    let lead = fill(rng.pick(LEADS), &slots);
    let mut paragraphs = vec![format!(
        "{}, {} {} (Frontline Wire) - {}",
        country.capital,
        MONTHS[month],
        day_of_month,
        capitalise(&lead)
    )];
    for _ in 0..rng.number(5, 12) {
        let pool = match rng.below(10) {
            0..=4 => FOLLOW_UPS,
            5..=6 => QUOTES,
            7..=8 => BACKGROUND,
            _ => BOILERPLATE,
        };
        paragraphs.push(capitalise(&fill(rng.pick(pool), &slots)));
    }
    let title = capitalise(lead.split([',', '.']).next().unwrap_or(&lead));
    let published = (rng.below(10) != 0).then(|| {
        format!(
            "{}-{:02}-{:02}",
            2015 + rng.below(10),
            month + 1,
            day_of_month
        )
    });
    Article {
        id: format!("bench-{seed}-{index}"),
        published,
        title,
        text: paragraphs.join("\n\n"),
    }
}

/// Writes `count` articles as JSONL.
pub fn write_jsonl(out: &mut impl Write, seed: u64, count: u64) -> io::Result<u64> {
    let mut bytes = 0;
    for index in 0..count {
        let article = article(seed, index);
        let line = serde_json::json!({
            "id": article.id,
            "published": article.published,
            "title": article.title,
            "source": "Frontline Wire",
            "text": article.text,
        });
        let mut buf = serde_json::to_vec(&line).map_err(io::Error::other)?;
        buf.push(b'\n');
        out.write_all(&buf)?;
        bytes += buf.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        let (a, b) = (article(7, 3), article(7, 3));
        assert_eq!((a.id, a.text, a.published), (b.id, b.text, b.published));
        assert_ne!(article(7, 3).text, article(8, 3).text);
    }

    #[test]
    fn articles_read_like_news() {
        for index in 0..200 {
            let article = article(1, index);
            assert!(
                !article.text.contains('{'),
                "unfilled slot in {}",
                article.text
            );
            assert!(
                article.text.contains(" (Frontline Wire) - "),
                "{}",
                article.text
            );
            assert!(article.text.len() > 400, "{}", article.text);
        }
        assert_eq!(format_thousands(1_234_000), "1,234,000");
    }
}
