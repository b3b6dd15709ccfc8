//! The actors an event type implies (`lexicons/actors/conventions.tsv`) and named
//! groups under ACLED's names, checked on the primary event of invented reports.

use std::sync::LazyLock;

use sitrep_model::Document;
use sitrep_pipeline::Pipeline;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load_default().unwrap_or_else(|e| panic!("pipeline loads: {e}")));

/// (sub-event type, actor 1 name, actor 2 name) of the first ACLED-typed event.
fn primary(text: &str) -> (String, String, String) {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        published: "2023-05-10".parse().ok(),
        ..Document::default()
    };
    let extraction = PIPELINE.extract(&doc);
    let name = |a: &Option<sitrep_model::Actor>| {
        a.as_ref()
            .and_then(|a| a.name.clone())
            .unwrap_or_else(|| "-".into())
    };
    extraction
        .events
        .iter()
        .filter_map(|e| e.acled.as_ref().map(|a| (a, e)))
        .min_by_key(|(_, e)| e.evidence.sentence_index)
        .map(|(a, e)| (a.sub_event_type.clone(), name(&e.actor1), name(&e.actor2)))
        .unwrap_or_else(|| ("none".into(), "-".into(), "-".into()))
}

#[test]
fn event_types_name_their_actors_as_acled_does() {
    let rows: &[(&str, &str, &str, &str)] = &[
        // (text, sub-event type, actor 1, actor 2)
        (
            "On 2 May 2023, hundreds of residents marched through Mombasa to demand clean water.",
            "Peaceful protest",
            "Protesters (Kenya)",
            "-",
        ),
        (
            "On 2 May 2023, police fired tear gas to disperse teachers who had gathered in central Nairobi.",
            "Protest with intervention",
            "Protesters (Kenya)",
            "Police Forces of Kenya (2022-)",
        ),
        // The intervention is the police's, not the ministry's the march went to.
        (
            "On 2 May 2023, teachers marched to the education ministry in Nairobi. Police fired tear gas to disperse them.",
            "Protest with intervention",
            "Protesters (Kenya)",
            "Police Forces of Kenya (2022-)",
        ),
        // A named movement's protest is still "Protesters (Country)".
        (
            "On 2 May 2023, Extinction Rebellion activists staged a protest outside a bank in Utrecht.",
            "Peaceful protest",
            "Protesters (Netherlands)",
            "-",
        ),
        // A protest abroad with no target named is aimed at the host country (the
        // target CAMEO codes).
        (
            "On 2 May 2023, British activists staged a protest outside a stadium in Beijing.",
            "Peaceful protest",
            "Protesters (United Kingdom)",
            "Government of China (2012-)",
        ),
        (
            "On 2 May 2023, Kenyan teachers staged a protest outside a stadium in Nairobi.",
            "Peaceful protest",
            "Protesters (Kenya)",
            "-",
        ),
        // Militias named by their family ("tribal", "cult", "sub-clan").
        (
            "On 2 May 2023, tribal militants shot dead a farmer near Basra.",
            "Attack",
            "Unidentified Tribal Militia (Iraq)",
            "Civilians (Iraq)",
        ),
        (
            "On 2 May 2023, a cult militia killed three traders in Port Harcourt.",
            "Attack",
            "Unidentified Cult Militia (Nigeria)",
            "Civilians (Nigeria)",
        ),
        // An agent with no country of its own takes the one named right after it.
        (
            "On 2 May 2023, police detained 40 migrants from Ethiopia at a checkpoint in Mombasa.",
            "Arrests",
            "Police Forces of Kenya (2022-)",
            "Civilians (Ethiopia)",
        ),
        (
            "Displacement: On 2 May 2023, about 3000 refugees from Sudan arrived in Abeche and registered with the authorities.",
            "Other",
            "Civilians (Sudan)",
            "-",
        ),
        (
            "On 2 May 2023, police officers beat protesters with batons at a rally in Lahore.",
            "Excessive force against protesters",
            "Police Forces of Pakistan (2022-)",
            "Protesters (Pakistan)",
        ),
        (
            "On 2 May 2023, a mob stoned a bus and burned tyres in Kisumu.",
            "Mob violence",
            "Rioters (Kenya)",
            "-",
        ),
        (
            "On 2 May 2023, villagers beat a suspected cattle thief to death in Kisumu.",
            "Mob violence",
            "Rioters (Kenya)",
            "-",
        ),
        // One crowd on both sides of a fight is one group.
        (
            "On 2 May 2023, two groups of students fought each other at a campus in Sylhet.",
            "Mob violence",
            "Rioters (Bangladesh)",
            "Rioters (Bangladesh)",
        ),
        (
            "On 2 May 2023, fighting broke out between demonstrators and residents in Sylhet.",
            "Mob violence",
            "Rioters (Bangladesh)",
            "Civilians (Bangladesh)",
        ),
        (
            "On 2 May 2023, soldiers arrested several people in Goma.",
            "Arrests",
            "Military Forces of the Democratic Republic of Congo (2019-)",
            "Civilians (Democratic Republic of Congo)",
        ),
        (
            "On 2 May 2023, a roadside bomb exploded near a market in Kandahar, killing three people.",
            "Remote explosive/landmine/IED",
            "Unidentified Armed Group (Afghanistan)",
            "Civilians (Afghanistan)",
        ),
        (
            "On 2 May 2023, members of a drug trafficking group shot dead a shopkeeper in Manaus.",
            "Attack",
            "Unidentified Gang (Brazil)",
            "Civilians (Brazil)",
        ),
        (
            "On 2 May 2023, Houthi fighters shelled a village in Taiz, killing two children.",
            "Shelling/artillery/missile attack",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            "Civilians (Yemen)",
        ),
        // Unarmed people killed or wounded by a shelling are its actor 2, also when a
        // sentence after it counts them.
        (
            "On 2 May 2023, Russian forces shelled Kramatorsk. Two residents were wounded.",
            "Shelling/artillery/missile attack",
            "Military Forces of Russia (2000-)",
            "Civilians (Ukraine)",
        ),
        (
            "On 2 May 2023, Russian forces shelled Kramatorsk. Casualties were not reported.",
            "Shelling/artillery/missile attack",
            "Military Forces of Russia (2000-)",
            "-",
        ),
        (
            "On 2 May 2023, Russian forces shelled Kramatorsk. Two Ukrainian soldiers were wounded.",
            "Shelling/artillery/missile attack",
            "Military Forces of Russia (2000-)",
            "-",
        ),
        (
            "On 2 May 2023, heavy fighting erupted between Kenyan troops and al-Shabaab near Mandera.",
            "Armed clash",
            "Military Forces of Kenya (2022-)",
            "Al Shabaab",
        ),
        // Context cues (lexicons/actors/context.tsv) anywhere in the document.
        (
            "On 2 May 2023, armed men shot dead a taxi driver in Celaya. Police said the killing was linked to a criminal group.",
            "Attack",
            "Unidentified Gang (Mexico)",
            "Civilians (Mexico)",
        ),
        (
            "On 2 May 2023, armed men shot dead a taxi driver in Celaya.",
            "Attack",
            "Unidentified Armed Group (Mexico)",
            "Civilians (Mexico)",
        ),
        // A cue that holds in one country only (Brazil's police militias).
        (
            "On 2 May 2023, two gunmen on a motorbike shot dead a street vendor in Recife in a drive-by shooting.",
            "Attack",
            "Unidentified Gang and/or Police Militia",
            "Civilians (Brazil)",
        ),
        (
            "On 2 May 2023, two gunmen on a motorbike shot dead a street vendor in Celaya in a drive-by shooting.",
            "Attack",
            "Unidentified Gang (Mexico)",
            "Civilians (Mexico)",
        ),
        (
            "On 2 May 2023, two gunmen on a motorbike shot dead a street vendor in Kisumu in a drive-by shooting.",
            "Attack",
            "Unidentified Armed Group (Kenya)",
            "Civilians (Kenya)",
        ),
        // A party in a riot is named as rioters (the party is an associated actor).
        (
            "On 2 May 2023, BJP workers attacked members of the Congress party with sticks in Nagpur.",
            "Mob violence",
            "Rioters (India)",
            "Rioters (India)",
        ),
        // Militias named after their community (lexicons/actors/communities.tsv).
        (
            "On 2 May 2023, Tiv gunmen killed four farmers in Makurdi.",
            "Attack",
            "Tiv Ethnic Militia (Nigeria)",
            "Civilians (Nigeria)",
        ),
        // A group in power is the state (lexicons/actors/regimes.tsv).
        (
            "On 2 May 2023, Taliban fighters shot dead a former soldier in Kandahar.",
            "Attack",
            "Military Forces of Afghanistan (2021-)",
            "Civilians (Afghanistan)",
        ),
    ];
    let mut failures = Vec::new();
    for &(text, sub, a1, a2) in rows {
        let found = primary(text);
        if (found.0.as_str(), found.1.as_str(), found.2.as_str()) != (sub, a1, a2) {
            failures.push(format!(
                "{text:?}\n   expected {sub} | {a1} | {a2}\n   found    {} | {} | {}",
                found.0, found.1, found.2
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
