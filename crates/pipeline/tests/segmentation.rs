//! How a document's reports become events: one report of several places is one
//! event per place, a total over incidents is a figure, and the parts of one
//! incident told in several sentences are one event. Every text is invented for
//! these tables; documents are published on Wednesday 2023-05-10.

use std::sync::OnceLock;

use sitrep_model::{Document, Event};
use sitrep_pipeline::{Extraction, Pipeline};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::load_default().expect("the bundled pipeline loads"))
}

fn extract(text: &str) -> Extraction {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 5, 10),
        ..Document::default()
    };
    pipeline().extract(&doc)
}

/// "sub-event type @ place (killed)" for each ACLED-typed event, in order.
fn describe(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| {
            let acled = e.acled.as_ref()?;
            let place = e
                .location
                .as_ref()
                .and_then(|l| l.name.clone())
                .unwrap_or_default();
            let killed = e
                .killed
                .and_then(|k| k.min)
                .map_or("-".to_string(), |n| n.to_string());
            Some(format!("{} @ {place} ({killed})", acled.sub_event_type))
        })
        .collect()
}

fn check(rows: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let found = describe(&extract(text).events);
        if found != *expected {
            failures.push(format!(
                "{text:?}\n   expected {expected:?}\n   found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_report_of_several_places_is_one_event_per_place() {
    check(&[
        (
            "Protesters clashed with police in Lahore, Faisalabad and Multan on Tuesday.",
            &[
                "Violent demonstration @ Lahore (-)",
                "Violent demonstration @ Faisalabad (-)",
                "Violent demonstration @ Multan (-)",
            ],
        ),
        // "each" gives every place the toll.
        (
            "One protester each was killed in Lahore and Multan on Tuesday.",
            &[
                "Excessive force against protesters @ Lahore (1)",
                "Excessive force against protesters @ Multan (1)",
            ],
        ),
        // Arrests too; the place the event was given comes first.
        (
            "Police arrested more than twenty suspects in the provinces of Anbar, Diyala and Kirkuk on Sunday.",
            &["Arrests @ Kirkuk (-)", "Arrests @ Anbar (-)", "Arrests @ Diyala (-)"],
        ),
        // A town and its province is one place, not a list.
        (
            "A man was shot dead by gunmen in Mazar-e-Sharif city, Balkh, on Monday.",
            &["Attack @ Mazār-e Sharīf (1)"],
        ),
        // Places that are not where the event happened are no list of its places.
        (
            "Gunmen from Kano attacked a village in Zamfara on Monday, killing five people.",
            &["Attack @ Zamfara (5)"],
        ),
    ]);
}

#[test]
fn ids_of_the_places_of_one_report_differ() {
    let events =
        extract("Protesters clashed with police in Lahore, Faisalabad and Multan on Tuesday.")
            .events;
    let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), events.len(), "{events:#?}");
}

#[test]
fn a_total_over_incidents_is_a_figure_not_an_event() {
    let text = "At least six people were killed across the country on Tuesday. \
                Three people died in clashes between rival student groups in Chittagong. \
                Two people were beaten to death by a mob in Dhaka. \
                One student was killed in police firing during a protest in Rangpur.";
    check(&[(
        text,
        &[
            "Mob violence @ Chittagong (3)",
            "Mob violence @ Dhaka (2)",
            "Excessive force against protesters @ Rangpur (1)",
        ],
    )]);
    // A later mention with no toll ("attacks resumed") does not make a total an incident.
    check(&[(
        "Gunmen killed nine soldiers in Djibo on Monday. \
         Thirty-four villagers were killed on May 2-3 in the north and east. \
         After a lull, attacks resumed.",
        &["Armed clash @ Djibo (9)"],
    )]);
    let figures = extract(text).figures;
    assert!(
        figures
            .iter()
            .any(|f| f.measure == "killed" && f.value.min == Some(6)),
        "{figures:#?}"
    );
}

#[test]
fn the_parts_of_one_incident_are_one_event() {
    check(&[
        // Looting and burning after an attack are part of it.
        (
            "Gunmen attacked the village of Kagoro on Sunday, killing four people. \
             They looted shops and set fire to houses, residents said.",
            &["Attack @ Kagoro (4)"],
        ),
        // Looting on another day, or after a peaceful march, is an event of its own.
        (
            "Gunmen attacked the village of Kagoro on Sunday, killing four people. \
             On Tuesday, soldiers burned houses in Kafanchan.",
            &["Attack @ Kagoro (4)", "Looting/property destruction @ Kafanchan (-)"],
        ),
        (
            "Protesters marched peacefully in Nairobi on Monday. Youths looted shops in Mombasa on Tuesday.",
            &["Peaceful protest @ Nairobi (-)", "Looting/property destruction @ Mombasa (-)"],
        ),
        // The fight for a town is part of its capture.
        (
            "Rebels captured the town of Kidal after a long gunfight with soldiers on Saturday.",
            &["Non-state actor overtakes territory @ Kidal (-)"],
        ),
        // A lead that places its incident only in the country is told again below.
        (
            "Rebels recaptured a village in the west of the country on Friday. \
             Fighters of the group took over the village of Kafr Nabl in Idlib province, a monitor said.",
            &["Non-state actor overtakes territory @ Kafranbel (-)"],
        ),
        // A toll of ten or more names one incident, wherever each sentence places it.
        (
            "A massacre in the west of the country left at least 70 dead, the UN said on Friday. \
             Gang members shot at residents in Saint-Marc on Thursday, killing at least 70 people.",
            &["Attack @ Saint-Marc (70)"],
        ),
        // Even when each sentence names a town of its own.
        (
            "A massacre near the capital left at least 70 dead, the UN said on Friday. \
             Gang members shot at residents in Saint-Marc on Thursday, killing at least 70 people.",
            &["Attack @ Port-au-Prince (70)"],
        ),
        // Unnamed armed men of one report are one side, whatever each sentence calls them.
        (
            "Insurgents launched an attack on a base in Dikwa on Sunday. \
             The terrorists attacked troops in Dikwa but were repelled, an officer said.",
            &["Armed clash @ Dikwa (-)"],
        ),
    ]);
}

#[test]
fn victims_in_a_report_of_force_against_protesters_share_its_type() {
    check(&[(
        "Police fired live bullets at protesters in Bahir Dar on Sunday, killing at least 30. \
         Dozens were killed in Adama, witnesses said.",
        &[
            "Excessive force against protesters @ Bahir Dar (30)",
            "Excessive force against protesters @ Nazrēt (24)",
        ],
    )]);
}

#[test]
fn one_incident_told_twice_at_one_town_is_one_event() {
    check(&[
        // A statement's date and the event's: one recapture.
        (
            "Government troops recaptured the town of Bentiu, the army said on Monday. \
             Soldiers retook Bentiu on Sunday, a spokesman said.",
            &["Government regains territory @ Bentiu (-)"],
        ),
        // Two attacks at one town on days far apart stay apart.
        (
            "Gunmen shot dead two farmers in Kafanchan on Monday. \
             On Friday, gunmen killed a trader in Kafanchan, police said.",
            &["Attack @ Kafanchan (2)", "Attack @ Kafanchan (1)"],
        ),
    ]);
}

#[test]
fn a_background_event_does_not_lend_its_date_to_a_report() {
    check(&[(
        "Militants attacked an army post in Kidal on Monday, killing three soldiers. \
         Militants also attacked the army post in Kidal in 2019.",
        &["Armed clash @ Kidal (3)"],
    )]);
}

#[test]
fn a_lead_that_sums_up_the_reports_below_it_is_no_event_of_its_own() {
    check(&[
        // A region-level lead over several town reports adds them up.
        (
            "Bandits killed at least five people in Zamfara State on Sunday, police said. \
             In Gusau, gunmen shot dead three traders on Sunday. \
             Two farmers were killed in Anka on Sunday, residents said.",
            &["Attack @ Gusau (3)", "Attack @ Anka (2)"],
        ),
        // A region-level lead over one town report is that report, and gives its toll.
        (
            "Suspected jihadists killed 12 civilians in Mopti region on Monday, officials said. \
             The gunmen attacked the village of Bankass on Monday evening, burning houses.",
            &["Attack @ Bankass (12)"],
        ),
        // A region-level report after the town reports is an incident of its own.
        (
            "Gunmen shot dead three traders in Gusau on Sunday. \
             Later on Sunday, one person was killed in an attack elsewhere in Zamfara State.",
            &["Attack @ Gusau (3)", "Attack @ Zamfara (1)"],
        ),
        // A region's protest with no toll beside the force used on it there.
        (
            "Thousands of people protested in the Oromia region on Saturday. \
             Police killed at least 20 protesters in Oromia on Saturday, a rights group said.",
            &["Excessive force against protesters @ Oromiya (20)"],
        ),
    ]);
}

#[test]
fn arrests_and_victims_at_a_protest_or_battle_are_part_of_it() {
    check(&[
        // Arrests with no one named as making them, after a protest: its intervention.
        (
            "Thousands of people protested in Nairobi on Tuesday against new taxes. \
             Dozens were arrested in Nairobi.",
            &["Protest with intervention @ Nairobi (-)"],
        ),
        // An arrest told before the protest set it off.
        (
            "After the arrest of the opposition leader in Lahore on Tuesday, his supporters \
             stormed a police station in Lahore.",
            &["Violent demonstration @ Lahore (-)", "Arrests @ Lahore (-)"],
        ),
        // Fighters captured in a battle are its prisoners.
        (
            "Soldiers clashed with rebels in Kidal on Friday. Three wounded rebels were also arrested.",
            &["Armed clash @ Kidal (-)"],
        ),
        // Victims at a protest's town on its day: force against the protest.
        (
            "One person was shot dead in Quetta on Tuesday, hospital officials said. \
             Hundreds of students protested in Quetta on Tuesday.",
            &["Excessive force against protesters @ Quetta (1)"],
        ),
    ]);
}

#[test]
fn reports_placed_at_two_towns_are_two_events() {
    check(&[(
        "Two people were killed by Russian shelling in Stanislav on Sunday. \
         Three people were wounded in Kherson on Sunday.",
        &[
            "Shelling/artillery/missile attack @ Stanislav (2)",
            "Shelling/artillery/missile attack @ Kherson (-)",
        ],
    )]);
}

#[test]
fn counted_incidents_are_one_event_each() {
    check(&[
        // "in two separate encounters": two events; the joint toll is no one's.
        (
            "Four militants were killed on Sunday in two separate encounters with soldiers in Pulwama.",
            &["Armed clash @ Pulwama (-)", "Armed clash @ Pulwama (-)"],
        ),
        (
            "Security forces killed five militants in two more gunfights in Pulwama on Sunday.",
            &["Armed clash @ Pulwama (-)", "Armed clash @ Pulwama (-)"],
        ),
        // "two more soldiers" counts people, not incidents.
        (
            "Two more soldiers were killed in Pulwama on Sunday.",
            &["Armed clash @ Pulwama (2)"],
        ),
    ]);
}

#[test]
fn a_list_may_end_in_a_place_the_gazetteer_does_not_know() {
    // "Swat" is not in the bundled gazetteer: the list is still a list.
    check(&[(
        "One protester each was killed in Lahore, Quetta, and Swat on Tuesday.",
        &[
            "Excessive force against protesters @ Quetta (1)",
            "Excessive force against protesters @ Lahore (1)",
        ],
    )]);
}

#[test]
fn the_cut_last_sentence_of_a_text_is_no_headline() {
    check(&[(
        "Gunmen killed four villagers in Kagoro on Sunday. \
         In Kafanchan, gunmen shot dead two traders on Monday, residents said, adding that the",
        &["Attack @ Kagoro (4)", "Attack @ Kafanchan (2)"],
    )]);
}

#[test]
fn summaries_of_many_incidents_or_a_long_period_are_no_events() {
    check(&[
        // "similar", a period the toll "has" added up over, a habit, a plural of places.
        (
            "Police shot dead two protesters in Kisumu on Tuesday. \
             Similar protests have taken place in Nakuru and Eldoret.",
            &["Excessive force against protesters @ Kisumu (2)"],
        ),
        (
            "Gunmen killed four farmers in Jos on Sunday. \
             Clashes between herders and farmers have killed 2,000 people in the region since 2018.",
            &["Attack @ Jos (4)"],
        ),
        (
            "Rebels ambushed an army convoy near Beni on Monday, killing six soldiers. \
             The rebels regularly attack villages along the road to Kasindi.",
            &["Armed clash @ Beni (6)"],
        ),
        (
            "Soldiers shot dead a protester in Mandalay on Saturday. \
             The coup came after months of protests in the capital.",
            &["Excessive force against protesters @ Mandalay (1)"],
        ),
        // A recent start is an incident going on; "the worst since" is one incident.
        (
            "Protesters have blocked the main road in Kisumu since Monday.",
            &["Peaceful protest @ Kisumu (-)"],
        ),
        (
            "Gunmen killed 20 villagers in Jos, the deadliest attack since the war began, officials said. \
             Soldiers killed three gunmen in Bauchi on Tuesday.",
            &["Attack @ Jos (20)", "Armed clash @ Bauchi (3)"],
        ),
        // A similar report with a date of its own is an incident.
        (
            "Hundreds of people protested in Kisumu on Tuesday. \
             Similar protests took place in Nakuru on Wednesday.",
            &["Peaceful protest @ Kisumu (-)", "Peaceful protest @ Nakuru (-)"],
        ),
    ]);
}

#[test]
fn an_undated_report_at_the_site_of_an_earlier_one_repeats_it() {
    check(&[
        (
            "Protests against the governor were held in Kisumu and Nakuru on Friday. \
             In Nakuru, demonstrators burned tyres and blocked the highway.",
            &[
                "Violent demonstration @ Kisumu (-)",
                "Violent demonstration @ Nakuru (-)",
            ],
        ),
        // A report dated by its own sentence is another day's incident.
        (
            "Hundreds of people marched peacefully in Nakuru on Friday. \
             On Monday, demonstrators threw stones at police in Nakuru.",
            &[
                "Peaceful protest @ Nakuru (-)",
                "Violent demonstration @ Nakuru (-)",
            ],
        ),
    ]);
}

#[test]
fn undated_reports_in_a_paragraph_about_long_ago_are_background() {
    check(&[(
        "Gunmen killed four soldiers in Jos on Sunday.\n\n\
         In 2019, insurgents overran an army base near Bauchi. \
         Dozens of soldiers were killed in the attack.",
        &["Armed clash @ Jos (4)"],
    )]);
}

#[test]
fn a_demonstration_told_over_several_sentences_is_one_event() {
    check(&[
        // The later sentences name no place and no day of their own: the same march,
        // typed by the most severe treatment told.
        (
            "Thousands of teachers marched through Kampala on Monday to demand higher pay. \
             The marchers sang and carried banners as they walked towards the ministry. \
             Union leaders said the strike would go on until salaries were raised. \
             Several speakers addressed the crowd outside the ministry gates. \
             Police later fired tear gas to break up the protest, witnesses said.",
            &["Protest with intervention @ Kampala (-)"],
        ),
        // A protest at another town, or on another day, is another event.
        (
            "Hundreds of nurses protested in Gulu on Monday over unpaid wages. \
             The protesters blocked the entrance of the hospital for two hours. \
             Nurses also demonstrated in Lira.",
            &["Peaceful protest @ Gulu (-)", "Peaceful protest @ Lira (-)"],
        ),
    ]);
}

#[test]
fn a_later_report_that_refers_back_to_the_one_incident_is_that_incident() {
    check(&[
        // A higher toll told later, placed by no name of its own: an update.
        (
            "Gunmen killed at least 12 villagers in an attack on a village in Zamfara State \
             on Monday, police said. The state governor condemned the killings. \
             Residents said many families had fled to the nearby town. \
             A local leader said 17 people had died in the raid.",
            &["Attack @ Zamfara (12)"],
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Mogadishu on Tuesday, \
             killing at least nine people, officials said. \
             Hospital staff said they had treated dozens of wounded. \
             Later on Tuesday, the health ministry said the death toll from the bombing \
             had risen to 11.",
            &["Suicide bomb @ Mogadishu (9)"],
        ),
        // An event set after the incident is another one.
        (
            "Militants attacked an army post near Kidal on Monday, killing three soldiers. \
             On Tuesday, soldiers clashed with gunmen in Gao after the attack.",
            &["Armed clash @ Kidal (3)", "Armed clash @ Gao (-)"],
        ),
    ]);
}

#[test]
fn habits_and_possible_events_are_no_incidents() {
    check(&[
        // A plural subject with a verb in the present tells a habit.
        (
            "Gunmen abducted 20 travellers on a highway in Katsina State on Tuesday. \
             Katsina is among several states where armed gangs raid villages, kidnap \
             residents for ransom and steal cattle.",
            &["Abduction/forced disappearance @ Katsina (-)"],
        ),
        // A trigger that is the subject of a modal is no event.
        (
            "Police arrested 15 opposition activists in Dakar on Sunday. \
             Analysts said clashes could break out if police try to stop the rally. \
             The ministry warned that any march would be broken up by force.",
            &["Arrests @ Dakar (-)"],
        ),
    ]);
}
