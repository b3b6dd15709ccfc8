//! Event detection and ACLED typing, sentence by sentence: which sub-event type
//! the coders' rules give (who acts on whom decides attack, clash, mob violence
//! or violent demonstration), and which sentences report no event at all.
//! Every sentence is invented for this table.

use std::sync::LazyLock;

use sitrep_extract::Extractor;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::embedded().unwrap_or_else(|e| panic!("lexicons load: {e}")));

/// The ACLED sub-event types of every typed candidate of `text`, in order.
fn types_of(text: &str) -> Vec<String> {
    let analyzed = sitrep_text::analyze(text);
    let published = "2023-05-10".parse().ok();
    EXTRACTOR
        .candidates(text, &analyzed, published)
        .into_iter()
        .filter_map(|c| c.acled.map(|t| t.sub_event_type().to_string()))
        .collect()
}

/// `expected` is the first typed candidate's sub-event type, or "none".
fn check(rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let found = types_of(text);
        let first = found.first().map_or("none", String::as_str);
        if first != *expected {
            failures.push(format!("{text:?}\n   expected {expected}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn one_person_attacks_a_crowd_riots() {
    check(&[
        (
            "On 4 May 2023, in Recife, a woman was killed in a drive-by shooting in the Boa Vista district.",
            "Attack",
        ),
        (
            "On 2 March 2023, a man stabbed a shopkeeper outside a bakery in Leeds.",
            "Attack",
        ),
        (
            "On 9 April 2023, a student shot at a councillor outside his office in Porto Alegre.",
            "Attack",
        ),
        (
            "On 12 March 2023, villagers beat a suspected cattle thief to death in Kisumu.",
            "Mob violence",
        ),
        (
            "On 8 January 2023, a mob lynched two men accused of stealing a motorbike in Kano.",
            "Mob violence",
        ),
        (
            "On 5 February 2023, several men attacked a trader with sticks in a market in Hermosillo.",
            "Mob violence",
        ),
        (
            "On 14 August 2023, ZANU-PF supporters assaulted two opposition activists at a bus stop in Harare.",
            "Mob violence",
        ),
    ]);
}

#[test]
fn demonstrators_fighting_another_crowd_riot_as_mobs() {
    check(&[
        (
            "On 6 June 2023, two men were hurt in clashes between marchers and local residents in Khulna.",
            "Mob violence",
        ),
        (
            "On 6 June 2023, fighting broke out between demonstrators and residents in Sylhet.",
            "Mob violence",
        ),
    ]);
}

#[test]
fn firing_at_someone_is_violence() {
    check(&[
        (
            "On 7 July 2023, gunmen fired at a police patrol near Maiduguri.",
            "Armed clash",
        ),
        (
            "On 3 June 2023, unknown men fired towards a bus carrying pilgrims near Quetta.",
            "Attack",
        ),
    ]);
}

#[test]
fn a_notes_opening_label_decides_its_type() {
    check(&[
        (
            "Property destruction: On 3 May 2023, unidentified men set fire to a school in Bamenda. Nobody was hurt.",
            "Looting/property destruction",
        ),
        (
            "Defusal: On 11 April 2023, soldiers found and destroyed a bomb planted near a bridge in Cauca.",
            "Disrupted weapons use",
        ),
        (
            "Movement of forces: On 2 February 2023, the army sent reinforcements to Djibo.",
            "Change to group/activity",
        ),
        (
            "Non-violent activity: On 7 March 2023, militants patrolled the market of a village near Menaka.",
            "Other",
        ),
        (
            "Displacement: On 20 June 2023, about 400 families arrived in Kaya after fleeing their village.",
            "Other",
        ),
        // A colon later in the sentence, or an unknown label, decides nothing.
        (
            "On 3 May 2023, the governor said: gunmen burned a school in Bamenda.",
            "Looting/property destruction",
        ),
        (
            "Breaking: gunmen killed four farmers near Makurdi on Monday.",
            "Attack",
        ),
    ]);
}

#[test]
fn a_notes_crowd_size_tag_makes_unnamed_violence_mob_violence() {
    check(&[
        (
            "On 6 May 2023, about 30 individuals threw petrol bombs at parked cars in Marseille. [size=about 30]",
            "Mob violence",
        ),
        (
            "On 2 April 2023, a group of assailants beat a polling agent outside a school in Patna. [size=no report]",
            "Mob violence",
        ),
        (
            "On 9 March 2023, a group burnt down a dozen huts in a herders' camp near Lafia. [size=no report]",
            "Mob violence",
        ),
        // A note with no event of its own reports the crowd it sizes.
        (
            "On 14 June 2023, hundreds of nurses walked off the job at the main hospital of Accra. [size=hundreds]",
            "Peaceful protest",
        ),
        (
            "On 1 July 2023, several hundred people stayed outside the court in Lahore all day. [size=several hundred]",
            "Peaceful protest",
        ),
        // The event another sentence reports stands.
        (
            "On 5 May 2023, residents met at the market square of Jinja. They later stoned a police van. [size=about 100]",
            "Mob violence",
        ),
        // Named groups and state forces keep their type; without the tag nothing changes.
        (
            "On 8 May 2023, soldiers shot dead two traders at a checkpoint near Beni. [size=no report]",
            "Attack",
        ),
        (
            "On 6 May 2023, about 30 individuals threw petrol bombs at parked cars in Marseille.",
            "Attack",
        ),
        (
            "On 14 June 2023, hundreds of nurses stayed at the main hospital of Accra.",
            "none",
        ),
        // Police who intervene in the crowd the tag sizes make a protest with
        // intervention; with lethal force, excessive force.
        (
            "On 2 June 2023, thousands of students answered the union's call in Omdurman. Police fired tear gas to disperse the crowd. [size=thousands]",
            "Protest with intervention",
        ),
        (
            "On 2 June 2023, hundreds of drivers stayed outside the ministry in Lagos. Officers fired live ammunition to disperse them. [size=hundreds]",
            "Excessive force against protesters",
        ),
        (
            "On 2 June 2023, police prevented hundreds of teachers from reaching the ministry in Erbil to protest. [size=hundreds]",
            "Protest with intervention",
        ),
    ]);
}

#[test]
fn a_denial_cancels_only_what_it_introduces() {
    check(&[
        (
            "On 6 May 2023, gunmen killed three farmers near Kadi; the army denied any involvement.",
            "Attack",
        ),
        (
            "On 7 May 2023, a bomb went off at a bus stop in Maiduguri, killing four; the insurgents denied carrying out the attack.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 8 May 2023, soldiers detained a radio presenter in Goma, which the army later denied.",
            "Arrests",
        ),
        (
            "On 9 May 2023, a crowd of marchers beat a motorist who drove into them, but the motorist denied the accusation.",
            "Violent demonstration",
        ),
        // A denial that introduces the act leaves no event.
        ("On 10 May 2023, the army denied that its soldiers killed civilians in Moura.", "none"),
        ("On 11 May 2023, the rebels denied attacking the convoy near Beni.", "none"),
    ]);
}

#[test]
fn damage_in_the_passive_after_a_protest_makes_it_violent() {
    check(&[
        (
            "On 4 May 2023, teachers rallied outside the town hall of Lyon against the reform. A police car was set on fire.",
            "Violent demonstration",
        ),
        (
            "On 5 May 2023, about 400 miners marched in Oruro over unpaid wages. Windows of the governor's office were reportedly smashed.",
            "Violent demonstration",
        ),
        (
            "On 6 May 2023, lorry drivers blocked a motorway near Seville over fuel prices. The tyres of a lorry that kept driving were slashed, presumably by a striker.",
            "Violent demonstration",
        ),
        // Damage with another cause, or in the active by someone else, is not the protest's.
        (
            "On 7 May 2023, residents marched in Kharkiv against the war. Several buildings were damaged by shelling later that day.",
            "Peaceful protest",
        ),
        (
            "On 8 May 2023, nurses held a sit-in outside the ministry in Accra. Thieves damaged a parked car nearby.",
            "Peaceful protest",
        ),
    ]);
}

#[test]
fn armed_men_who_kill_a_gang_member_fight_a_rival_group() {
    check(&[
        (
            "On 3 May 2023, in Leon, gunmen killed two men outside a car wash. According to police, the victims were members of a local drug cell.",
            "Armed clash",
        ),
        (
            "On 4 May 2023, in Recife, two men were shot dead in the street. Police said the victims were linked to drug trafficking.",
            "Armed clash",
        ),
        (
            "On 5 May 2023, in Tijuana, armed men shot dead a man. The victim was identified as a leader of the local cartel.",
            "Armed clash",
        ),
        (
            "On 6 May 2023, in Culiacan, armed men abducted a man from his home. The victim was reportedly a drug dealer.",
            "Armed clash",
        ),
        // A victim of the gang, or of soldiers, or a crowd's, stays a civilian.
        (
            "On 7 May 2023, in Manaus, armed men shot and wounded a man. The victim was rescued by police and the drug traffickers fled.",
            "Attack",
        ),
        (
            "On 8 May 2023, in Manaus, a man was found shot dead. Police believe the victim was killed in a drug trafficking dispute.",
            "Attack",
        ),
        (
            "On 9 May 2023, in Cali, soldiers shot dead a man at a checkpoint. The army said the victim was a member of a criminal group.",
            "Attack",
        ),
    ]);
}

#[test]
fn customs_and_prison_staff_are_police() {
    check(&[
        (
            "On 20 May 2023, suspected jihadists attacked a customs post near the border town of Seytenga.",
            "Armed clash",
        ),
        (
            "On 21 May 2023, staff of the regional penitentiary service beat several inmates during a search in Omsk.",
            "Attack",
        ),
    ]);
}

#[test]
fn forces_who_kill_at_a_protest_use_excessive_force() {
    check(&[
        (
            "On 3 June 2023, a lecturer was killed in police firing during a rally in Sylhet.",
            "Excessive force against protesters",
        ),
        (
            "On 3 June 2023, soldiers shot dead two men during a demonstration in Mandalay.",
            "Excessive force against protesters",
        ),
        (
            "On 3 June 2023, police shot and wounded a farmer at a sit-in outside Patna.",
            "Excessive force against protesters",
        ),
        // Without a protest the killing stays an attack.
        (
            "On 3 June 2023, soldiers shot dead two men at a checkpoint in Mandalay.",
            "Attack",
        ),
        // Demonstrators who attack stay a violent demonstration.
        (
            "On 3 June 2023, protesters beat a shopkeeper during a rally in Sylhet.",
            "Violent demonstration",
        ),
    ]);
}

#[test]
fn a_protest_about_an_earlier_killing_is_not_excessive_force() {
    for text in [
        "On 3 June 2023, residents of Tororo blocked a road to protest against the case of a boy who was shot dead by police.",
        "On 3 June 2023, traders marched in Kumasi to demand justice for a driver who was shot by soldiers.",
    ] {
        let found = types_of(text);
        assert!(
            !found.iter().any(|t| t == "Excessive force against protesters"),
            "{text:?}: {found:?}"
        );
    }
}

#[test]
fn a_raid_that_only_arrests_is_an_arrest() {
    check(&[
        (
            "On 3 June 2023, police raided a flat in Mombasa and detained three suspects.",
            "Arrests",
        ),
        (
            "On 3 June 2023, soldiers raided a village near Gao and arrested eleven men.",
            "Arrests",
        ),
        // Harm to a person that ends in an arrest stays an attack.
        (
            "On 3 June 2023, police beat a street vendor in Lyon and then arrested him.",
            "Attack",
        ),
        // Somebody killed: the raid stays violent.
        (
            "On 3 June 2023, police raided a flat in Mombasa, killed two men and arrested three.",
            "Attack",
        ),
        // An armed opponent: a clash.
        (
            "On 3 June 2023, soldiers raided a rebel camp near Gao and arrested eleven fighters.",
            "Armed clash",
        ),
    ]);
}

#[test]
fn demonstrators_who_burn_make_a_violent_demonstration() {
    check(&[
        (
            "On 3 June 2023, protesters set fire to a toll booth outside Nakuru.",
            "Violent demonstration",
        ),
        (
            "On 3 June 2023, demonstrators torched a police van in Kisii.",
            "Violent demonstration",
        ),
        // A politician's supporters are demonstrators.
        (
            "On 3 June 2023, the senator's supporters torched a polling station in Kisumu.",
            "Violent demonstration",
        ),
        // Without demonstrators or a protest, arson is property destruction.
        (
            "On 3 June 2023, unknown assailants set fire to a toll booth outside Nakuru.",
            "Looting/property destruction",
        ),
    ]);
}

#[test]
fn acronym_triggers_count_mid_sentence() {
    check(&[
        (
            "On 3 May 2023, an IED exploded near a market in the north of the district.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 3 May 2023, a tractor drove over an anti-tank mine near the village.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 3 May 2023, a bomb explosion damaged the gate of the district office.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 3 May 2023, gunmen ambushed a bus with explosives on the coast road.",
            "Remote explosive/landmine/IED",
        ),
    ]);
}

#[test]
fn a_weapon_that_is_found_or_seized_is_no_attack() {
    check(&[
        (
            "On 3 May 2023, soldiers defused an IED buried under the bridge.",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2023, police found two bombs in a car near the stadium.",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2023, rifles, ammunition and three IEDs were recovered from the camp.",
            "none",
        ),
    ]);
}

#[test]
fn ground_fighting_around_a_remote_weapon_is_an_armed_clash() {
    check(&[
        (
            "On 3 May 2023, militants threw a grenade at soldiers guarding the bridge. The soldiers returned fire.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, rebels attacked the barracks with mortars and small arms.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, an attack involving clashes and a car bomb hit the army camp.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, a landmine left from previous clashes killed a shepherd.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 3 May 2023, militants fired mortars at the army base.",
            "Shelling/artillery/missile attack",
        ),
    ]);
}

#[test]
fn shelling_both_ways_is_an_armed_clash() {
    check(&[
        (
            "On 3 May 2023, government troops and rebels exchanged artillery fire near Kamba.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, the army and the rebels shelled each other's positions near the dam.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, rebels shelled two villages near Kamba, prompting the army to shell back.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, the army fired mortars at rebel positions near Kamba. Nobody was hurt. Monitors counted 20 explosions in both directions of the front line.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, the army shelled rebel positions near Kamba. Nobody was hurt.",
            "Shelling/artillery/missile attack",
        ),
    ]);
}

#[test]
fn explosions_heard_from_afar_are_shelling() {
    check(&[
        (
            "On 3 May 2023, monitors recorded 14 explosions near Kamba.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 3 May 2023, several explosions were heard in the eastern districts of Kamba.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 3 May 2023, the observer mission counted two explosions of unknown weapons near the dam.",
            "Shelling/artillery/missile attack",
        ),
        // A bomb that goes off is still a bomb; one blast heard is no incident.
        (
            "On 3 May 2023, a car bomb exploded outside the ministry in Kamba and explosions were heard.",
            "Remote explosive/landmine/IED",
        ),
        ("On 3 May 2023, an explosion was heard near the port.", "none"),
    ]);
}

#[test]
fn weather_around_an_attack_is_no_accident() {
    check(&[
        (
            "On 3 May 2023, militants attacked an army bus near Palmyra during a sand storm, killing nine soldiers.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, rebels ambushed a police patrol amid heavy fog near Kamba, wounding two officers.",
            "Armed clash",
        ),
        // A storm that kills is a disaster, not violence.
        ("On 3 May 2023, nine people were killed during a storm in Kamba.", "none"),
        ("On 3 May 2023, a storm killed nine people in Kamba.", "none"),
    ]);
}

#[test]
fn people_captured_are_not_territory() {
    check(&[
        (
            "On 3 May 2023, border police captured and detained twelve migrants near the river.",
            "Arrests",
        ),
        (
            "On 3 May 2023, militants captured and killed three farmers near the village.",
            "Attack",
        ),
        (
            "On 3 May 2023, rebels captured the town after two days of fighting.",
            "Non-state actor overtakes territory",
        ),
    ]);
}

#[test]
fn territory_taken_without_fighting_is_a_transfer() {
    check(&[
        (
            "On 3 May 2023, the militia took control of three villages. No clashes were reported.",
            "Non-violent transfer of territory",
        ),
        (
            "On 3 May 2023, the rebels took over the border post unopposed after the soldiers left.",
            "Non-violent transfer of territory",
        ),
    ]);
}

#[test]
fn barricades_make_a_protest_violent() {
    check(&[
        (
            "On 3 May 2023, truck drivers set up roadblocks with tree trunks on the highway to demand lower fuel prices.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, students demonstrated outside the university. They built barricades across the avenue.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, students demonstrated outside the university against higher fees.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, soldiers set up roadblocks on the highway around the town.",
            "none",
        ),
    ]);
}

#[test]
fn violence_a_protest_is_about_is_not_its_act() {
    check(&[
        (
            "On 3 May 2023, parents protested outside the school to reject a fight between pupils.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, traders held a protest in the market over the killing of a colleague.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, residents protested in the square over the attack on the village by a mob.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, protesters marched against the governor and clashed with police.",
            "Violent demonstration",
        ),
    ]);
}

#[test]
fn a_protest_named_as_the_reason_for_an_arrest_is_the_arrest() {
    check(&[
        (
            "On 3 May 2023, soldiers arrested a teacher who took part in the anti-government protests.",
            "Arrests",
        ),
        (
            "On 3 May 2023, police arrested twelve people at a protest outside parliament.",
            "Protest with intervention",
        ),
    ]);
}

#[test]
fn a_crime_someone_is_accused_of_is_not_the_event() {
    check(&[
        (
            "On 3 May 2023, a man suspected of rape was beaten by residents in the market.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, soldiers arrested six men in relation to the explosion at the market.",
            "Arrests",
        ),
    ]);
}

#[test]
fn settlers_and_crowds_who_destroy_property_riot() {
    check(&[
        (
            "On 3 May 2023, settlers assaulted a farmer near his olive grove.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, settlers vandalised the cars of villagers parked near the road.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, armed men burned down the village school.",
            "Looting/property destruction",
        ),
    ]);
}

#[test]
fn off_duty_and_former_forces_are_civilian_victims() {
    check(&[
        (
            "On 3 May 2023, gunmen shot dead an off-duty police officer outside a bar.",
            "Attack",
        ),
        (
            "On 3 May 2023, a former soldier was shot and killed by militants at his home.",
            "Attack",
        ),
        (
            "On 3 May 2023, militants shot dead a soldier at a checkpoint.",
            "Armed clash",
        ),
    ]);
}

#[test]
fn forces_firing_at_civilian_property_attack_civilians() {
    check(&[
        (
            "On 3 May 2023, soldiers opened fire towards farmland east of the town.",
            "Attack",
        ),
        (
            "On 3 May 2023, soldiers fired at a house in the village.",
            "Attack",
        ),
        (
            "On 3 May 2023, soldiers opened fire near the border fence.",
            "Armed clash",
        ),
    ]);
}

#[test]
fn a_weapon_with_a_verb_of_impact_is_an_incident() {
    check(&[
        (
            "On 3 May 2023, government drones struck a rebel convoy on the northern highway.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, two missiles hit a grain warehouse on the edge of the port city.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 3 May 2023, heavy artillery pounded the eastern suburbs for several hours.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 3 May 2023, enemy drones targeted a fuel depot near the airfield.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, a loud explosion rocked a crowded bus station in the capital.",
            "Remote explosive/landmine/IED",
        ),
        // A verb of impact alone makes no event, nor a noun that looks like it.
        (
            "On 3 May 2023, nurses marched in the city centre against the violence targeting hospital staff.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, the storm struck the coast and flattened several fishing huts.",
            "none",
        ),
    ]);
}

#[test]
fn new_violent_and_destructive_acts() {
    check(&[
        (
            "On 3 May 2023, a driver rammed his van into a group of marchers in the old town.",
            "Attack",
        ),
        (
            "On 3 May 2023, unknown assailants threw petrol bombs at the house of a local judge.",
            "Attack",
        ),
        (
            "On 3 May 2023, dozens of villagers smashed the windows of two banks in the main street.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, the journalist was forcibly disappeared after leaving his office.",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 May 2023, soldiers took the village chief to an unknown location.",
            "Abduction/forced disappearance",
        ),
    ]);
}

#[test]
fn new_protest_forms() {
    check(&[
        (
            "On 3 May 2023, opposition workers took out a procession against rising fuel prices.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, villagers formed a human chain along the river to oppose the sand mining.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, bus drivers held a strike at the central depot over unpaid wages.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, a jobless graduate self-immolated outside the provincial office.",
            "Peaceful protest",
        ),
        // A family or religious gathering is no protest.
        (
            "On 3 May 2023, gunmen opened fire on guests at a family gathering in the suburb.",
            "Attack",
        ),
    ]);
}

#[test]
fn harm_people_do_to_themselves_is_no_attack() {
    check(&[
        (
            "On 3 May 2023, a farmer set himself on fire in front of the bank that seized his land.",
            "none",
        ),
        (
            "On 3 May 2023, a police officer shot himself at the station.",
            "none",
        ),
    ]);
}

#[test]
fn militants_who_capture_civilians_abduct_them() {
    check(&[
        (
            "On 3 May 2023, militants captured five aid workers on the road to the camp.",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 May 2023, the army captured the hill from the rebels.",
            "Government regains territory",
        ),
    ]);
}

#[test]
fn fighting_before_an_air_strike_is_earlier_fighting() {
    check(&[
        (
            "On 3 May 2023, following the clashes with the rebels, the army carried out air strikes on two villages.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, the army carried out an air-ground operation with air strikes against the militants.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, gunmen armed with rifles and a grenade were arrested at the checkpoint.",
            "Arrests",
        ),
    ]);
}

#[test]
fn violence_after_the_subject_of_a_protest_is_the_subject() {
    check(&[
        (
            "On 3 May 2023, teachers protested outside the ministry over a fight between pupils that left two boys injured.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, about 80 people held a rally at Kuru village (Jos South, Plateau) over the killings in last month's attack on their market.",
            "Peaceful protest",
        ),
    ]);
}

#[test]
fn killing_in_a_raid_that_also_abducts_is_the_attack() {
    check(&[
        (
            "On 3 May 2023, militants killed a herder, wounded his wife and abducted three children in the village.",
            "Attack",
        ),
        (
            "On 3 May 2023, gunmen abducted two teachers from the school in the district.",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 May 2023, gunmen abducted eight travellers on the highway; no one was killed.",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 May 2023, militiamen abducted a farmer from his field and wounded two of his neighbours.",
            "Abduction/forced disappearance",
        ),
    ]);
}

#[test]
fn weapons_named_after_someone_count_mid_sentence() {
    check(&[
        (
            "On 3 May 2023, unidentified assailants threw Molotov cocktails at the offices of a local newspaper.",
            "Attack",
        ),
        (
            "On 3 May 2023, militants fired two Katyusha rockets at the airport.",
            "Shelling/artillery/missile attack",
        ),
    ]);
}

#[test]
fn more_ways_of_fighting_and_beating() {
    check(&[
        (
            "On 3 May 2023, soldiers and rebels traded fire near the border post for an hour.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, militants publicly flogged two young men in the market square.",
            "Attack",
        ),
        (
            "On 3 May 2023, the army with air support pushed the militants from the ridge, and jets carried out air strikes on their camp.",
            "Armed clash",
        ),
    ]);
}

#[test]
fn arrests_a_protest_is_about_are_no_intervention() {
    check(&[
        (
            "On 3 May 2023, mothers staged a sit-in outside the prison demanding that their detained sons be given a fair trial.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, villagers blocked the highway to protest against the police who arrested two farmers last week.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, students marched against the new fees, and police arrested six of them.",
            "Protest with intervention",
        ),
        (
            "On 3 May 2023, police dispersed traders who were protesting over the market tax.",
            "Protest with intervention",
        ),
    ]);
}

#[test]
fn aircraft_backing_or_beside_ground_fighting_make_a_clash() {
    check(&[
        (
            "On 3 May 2023, government troops backed by fighter jets attacked rebel positions near the dam, killing four fighters.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, soldiers supported by helicopter gunships fought the insurgents outside the town.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, the army and the rebels fought in the old town, with military aircraft flying over the area.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, warplanes struck a rebel camp near the dam, killing six fighters.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, a drone struck a militia truck during fighting near the ridge.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, rebels backed by the neighbouring state shelled the army base.",
            "Shelling/artillery/missile attack",
        ),
    ]);
}

#[test]
fn groups_of_people_riot() {
    check(&[
        (
            "On 3 May 2023, a group of individuals attacked and injured a man accused of theft near the bus station.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, a suspected thief was beaten and injured by four or five people near the market.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, a group of men threw stones at a bus carrying election officials near the town hall.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, an armed individual exchanged fire with police officers near the port.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, two individuals opened fire on a shopkeeper near the market.",
            "Attack",
        ),
    ]);
}

#[test]
fn arrests_by_a_group_ruling_as_a_state_stay_arrests() {
    check(&[
        (
            "On 3 May 2023, Houthi forces arrested two teachers in Sanaa for criticising the group.",
            "Arrests",
        ),
        (
            "On 3 May 2023, Houthi security men detained a journalist at a checkpoint in Dhamar.",
            "Arrests",
        ),
        (
            "On 3 May 2023, rebel fighters arrested three traders on the road to the mine.",
            "Abduction/forced disappearance",
        ),
    ]);
}

#[test]
fn lethal_force_against_a_protest_is_excessive() {
    check(&[
        (
            "On 3 May 2023, teachers marched to the ministry over unpaid wages. Police dispersed them with live ammunition.",
            "Excessive force against protesters",
        ),
        (
            "On 3 May 2023, traders staged a sit-in at the market. Police dispersed them and one protester was killed.",
            "Excessive force against protesters",
        ),
        (
            "On 3 May 2023, traders staged a sit-in at the market. Police dispersed them with tear gas.",
            "Protest with intervention",
        ),
        (
            "On 3 May 2023, climate activists blocked a bridge in the capital. Police later removed the protesters.",
            "Protest with intervention",
        ),
    ]);
}

#[test]
fn a_riot_with_a_purpose_is_a_violent_demonstration() {
    check(&[
        (
            "On 3 May 2023, inmates rioted to denounce the death of a cellmate in the prison hospital.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, fans rioted after the final whistle outside the stadium.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, villagers threw stones against a police patrol near the river.",
            "Mob violence",
        ),
    ]);
}

#[test]
fn a_body_found_killed_is_the_victim() {
    check(&[
        (
            "On 3 May 2023, the body of a rebel commander was found shot dead near the river.",
            "Armed clash",
        ),
        (
            "On 3 May 2023, the bodies of two farmers were found, shot dead, near the river.",
            "Attack",
        ),
    ]);
}

#[test]
fn damage_after_a_protest_makes_it_violent() {
    check(&[
        (
            "On 3 May 2023, truck drivers blocked the highway near the port over fuel prices. Some of them slashed the tyres of two trucks that kept driving.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, about 300 people rallied in the square against the new tax. Some participants smashed the windows of a bank.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, about 300 people rallied in the square against the new tax. The rally ended peacefully.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, about 300 people rallied in the square against the new tax. Soldiers later burned a village in the north.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, about 300 people rallied in the square against the new tax. Youths looted shops in another town the next day.",
            "Peaceful protest",
        ),
    ]);
}

#[test]
fn forces_dislodged_from_a_place_lose_it() {
    check(&[
        (
            "On 3 May 2023, troops dislodged the insurgents from the hilltop village after a day of fighting.",
            "Government regains territory",
        ),
        (
            "On 3 May 2023, soldiers at the border post were dislodged by rebel fighters after a long battle.",
            "Non-state actor overtakes territory",
        ),
    ]);
}

#[test]
fn banners_make_a_gathering_a_protest() {
    check(&[
        (
            "On 3 May 2023, members of a civic movement held a press conference with banners in the capital, demanding the police chief resign.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, about 50 nurses stood outside the hospital holding banners about unpaid wages.",
            "Peaceful protest",
        ),
    ]);
}

#[test]
fn accidents_and_illnesses_kill_nobody_but_armed_men_still_act() {
    check(&[
        ("Cancer killed the former governor on Tuesday.", "none"),
        (
            "The new strain of influenza, which has killed twelve people, is spreading fast.",
            "none",
        ),
        (
            "Five prisoners died of cholera in the jail on Monday.",
            "none",
        ),
        (
            "A heat wave killed 15 people in the province on Monday.",
            "none",
        ),
        (
            "An army helicopter crashed in the hills on Monday, killing ten soldiers.",
            "none",
        ),
        (
            "Eight soldiers were killed when their truck overturned near the base.",
            "none",
        ),
        (
            "Rebels attacked an oil tanker off the coast on Monday, killing two crew members.",
            "Attack",
        ),
        (
            "A fresh outbreak of fighting killed 12 soldiers near the border on Monday.",
            "Armed clash",
        ),
        (
            "Gunmen killed five villagers on Monday after the collapse of the truce.",
            "Attack",
        ),
        (
            "Police shot dead a man for breaking the COVID-19 curfew on Monday.",
            "Attack",
        ),
    ]);
}
