//! One document through every stage, and the records built from the result.

use chrono::Duration;
use sitrep_extract::events::PlaceHint;
use sitrep_extract::fields::is_aggregate;
use sitrep_extract::figures::FigureMention;
use sitrep_extract::{merge, Candidate, Extractor};
use sitrep_geo::{DocPlaces, Gazetteer};
use sitrep_lexicon::actors::{ActorLexicon, ActorMention};
use sitrep_lexicon::DocumentWords;
use sitrep_model::{
    hex_id, stable_hash, Acled, AcledType, CharIndex, DatePrecision, Document, Event, Evidence,
    Figure, GeoPrecision, Location, Plover,
};
use sitrep_text::{Analyzed, Sentence};

use crate::{background, conventions, segment, Extraction};

/// Events whose own date lies further back than this are background, not news.
const HISTORY_DAYS: i64 = 120;

/// Runs the stages on one document.
pub fn extract(extractor: &Extractor, gazetteer: &Gazetteer, doc: &Document) -> Extraction {
    let text = doc.text.as_str();
    // Every phrase matcher below reads the document's words hashed once here.
    let _words = DocumentWords::new(text);
    let analyzed = sitrep_text::analyze(text);
    let places = gazetteer.geoparse(text);
    // Gazetteer places become the targets of verbal acts done there ("will meet in
    // Zurich").
    let hints: Vec<PlaceHint> = places
        .mentions()
        .iter()
        .filter(|m| !m.partial && !m.possessive)
        .filter_map(|m| {
            let iso2 = &m.place.as_ref()?.country;
            let iso3 = extractor.actors().iso2_to_iso3(iso2)?;
            Some(PlaceHint {
                span: m.span,
                iso3: iso3.to_string(),
            })
        })
        .collect();
    let reading = extractor.read_with_places(text, &analyzed, doc.published, &hints);
    let mut candidates = reading.candidates;
    let mut own_town = Vec::with_capacity(candidates.len());
    for candidate in &mut candidates {
        let exclude = segment::exclusions(candidate);
        let own = places.locate(candidate.sentence_span, candidate.trigger.start, &exclude);
        own_town.push(
            own.as_ref()
                .is_some_and(|l| matches!(l.precision, GeoPrecision::Town | GeoPrecision::Point)),
        );
        candidate.own_place = own.is_some();
        candidate.location = own
            .or_else(|| context_place(&places, &analyzed, text, candidate.sentence))
            .or_else(|| lead_place(&places, &analyzed))
            .or_else(|| places.focus());
    }
    segment::mark_aggregates(&mut candidates, &reading.figures, &own_town);
    // Background events go before the merge: a report of this week must not take
    // the date of last year's attack it is compared with.
    let history = history(&candidates, doc, &analyzed);
    let candidates: Vec<Candidate> = candidates
        .into_iter()
        .zip(history)
        .filter_map(|(c, h)| (!h).then_some(c))
        .collect();
    // So do summaries of many incidents or of a long period.
    let candidates = background::drop_summaries(candidates, text, doc.published);
    let candidates = segment::split_coordinated(candidates, &places, text);
    let candidates = segment::split_counted(candidates, text);
    let mut candidates = segment::drop_aggregates(merge::merge(candidates));
    // An event placed only in the focus country goes to the document's region, when it
    // has one (after the merge, which joins reports placed no better than the country).
    let focus = places.focus();
    for candidate in &mut candidates {
        if candidate.location.is_some() && candidate.location == focus {
            candidate.location = places.fallback();
        }
    }
    let focus_iso3 = places
        .focus()
        .and_then(|l| l.country)
        .and_then(|iso2| extractor.actors().iso2_to_iso3(&iso2).map(str::to_string));
    let chars = CharIndex::new(text);
    let cues = conventions::context_cues(text);
    let mut ids = std::collections::HashSet::new();
    let events = candidates
        .into_iter()
        .map(|c| {
            to_event(
                c,
                doc,
                &analyzed,
                &chars,
                extractor.actors(),
                focus_iso3.as_deref(),
                &cues,
            )
        })
        .map(|mut e| {
            // The places of one coordinated report share a trigger: the place
            // tells their ids apart.
            if !ids.insert(e.id.clone()) {
                let place = e.location.as_ref().and_then(|l| l.name.as_deref());
                e.id = hex_id(stable_hash(&[
                    e.id.as_bytes(),
                    place.unwrap_or_default().as_bytes(),
                ]));
                ids.insert(e.id.clone());
            }
            e
        })
        .collect();
    let figures = figures(doc, &analyzed, reading.figures, &places, &chars);
    Extraction {
        events,
        figures,
        diagnostics: Vec::new(),
    }
}

/// Aggregate humanitarian figures, one per figure mention, placed by the
/// sentence's own place or the document's focus.
fn figures(
    doc: &Document,
    analyzed: &Analyzed,
    mentions: Vec<(usize, FigureMention)>,
    places: &DocPlaces,
    chars: &CharIndex,
) -> Vec<Figure> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (index, mention) in mentions {
        if mention.uncertain || !(is_aggregate(&mention) || mention.multiple) {
            continue;
        }
        let sentence = &analyzed.sentences[index];
        let body = sentence.span.slice(text);
        let mut figure = mention.to_figure(body);
        figure.doc_id = doc.id.clone();
        figure.id = hex_id(stable_hash(&[
            doc.id.as_bytes(),
            &(sentence.span.start + mention.span.start).to_le_bytes(),
            figure.measure.as_bytes(),
        ]));
        figure.evidence = evidence(text, sentence, chars);
        figure.location = places
            .locate(sentence.span, sentence.span.start + mention.span.start, &[])
            .or_else(|| context_place(places, analyzed, text, index))
            .or_else(|| lead_place(places, analyzed))
            .or_else(|| places.fallback());
        out.push(figure);
    }
    out
}

/// Sentences looked back over for the place of an event whose sentence names none, across
/// paragraphs; within its own paragraph every earlier sentence is looked at.
const CONTEXT_SENTENCES: usize = 2;

/// The place of an event whose evidence sentence names none: the place of the nearest
/// earlier sentence of its paragraph that names one, else of one of the two sentences
/// before it ("Gunmen attacked a market in X. Five people died." places the deaths in X).
fn context_place(
    places: &DocPlaces,
    analyzed: &Analyzed,
    text: &str,
    index: usize,
) -> Option<Location> {
    let here = analyzed.sentences.get(index)?;
    // "in the same district": the place named last, however far back.
    let same = same_place(here.span.slice(text));
    analyzed.sentences[..index]
        .iter()
        .rev()
        .enumerate()
        .take_while(|(k, s)| same || *k < CONTEXT_SENTENCES || s.paragraph == here.paragraph)
        .filter(|(_, s)| !s.boilerplate)
        .find_map(|(_, s)| places.locate_context(s.span))
}

/// Whether `sentence` refers back to a place named before ("of the same district", "in the
/// same local government"): "the same" before a word of `gazetteer/cues.tsv` naming a
/// division, town or area is matched by the words listed here.
fn same_place(sentence: &str) -> bool {
    let (mut second_last, mut last) = ("", "");
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|word| {
            let hit = second_last.eq_ignore_ascii_case("the")
                && last.eq_ignore_ascii_case("same")
                && SAME_PLACE_NOUNS
                    .iter()
                    .any(|n| word.eq_ignore_ascii_case(n));
            (second_last, last) = (last, word);
            hit
        })
}

/// Nouns after "the same" that refer back to a place.
const SAME_PLACE_NOUNS: &[&str] = &[
    "area",
    "community",
    "county",
    "district",
    "governorate",
    "locality",
    "local",
    "lga",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "province",
    "region",
    "state",
    "town",
    "township",
    "village",
];

/// The place of the dateline ("KABUL (Reuters) -"), else of the headline (a first paragraph
/// of one sentence), when it lies in the country the document is about (a reporter in
/// Beirut writing on Syria is no evidence for the place of a Syrian event).
fn lead_place(places: &DocPlaces, analyzed: &Analyzed) -> Option<Location> {
    let focus = places.focus().and_then(|f| f.country);
    let headline = analyzed
        .sentences
        .first()
        .filter(|s| s.paragraph == 0 && !s.boilerplate)
        .filter(|_| analyzed.sentences.get(1).is_none_or(|s| s.paragraph != 0))
        .map(|s| s.span);
    analyzed
        .datelines
        .first()
        .copied()
        .into_iter()
        .chain(headline)
        .filter_map(|span| places.locate(span, span.end, &[]))
        .find(|l| focus.is_none() || l.country == focus)
}

fn evidence(text: &str, sentence: &Sentence, chars: &CharIndex) -> Evidence {
    Evidence {
        sentence_index: sentence.index,
        start: chars.chars(sentence.span.start),
        end: chars.chars(sentence.span.end),
        sentence: sentence.span.slice(text).to_string(),
    }
}

/// Which candidates are background: dated long ago ([`is_history`]), or with no date
/// of their own in a paragraph whose last date, before them, was long ago ("In 2019,
/// insurgents overran the base. Dozens of soldiers were killed.").
fn history(candidates: &[Candidate], doc: &Document, analyzed: &Analyzed) -> Vec<bool> {
    let paragraph = |c: &Candidate| analyzed.sentences.get(c.sentence).map(|s| s.paragraph);
    // The last candidate with a date of its own: its paragraph, its sentence, and
    // whether it was history. A date in the same sentence belongs to another clause.
    let mut last: Option<(Option<usize>, usize, bool)> = None;
    candidates
        .iter()
        .map(|c| {
            let own = c.date_in_sentence && !c.date_reporting;
            let here = is_history(c, doc);
            let inherited = !own
                && last.is_some_and(|(p, s, h)| {
                    h && p.is_some() && p == paragraph(c) && s < c.sentence
                });
            if own {
                last = Some((paragraph(c), c.sentence, here));
            }
            here || inherited
        })
        .collect()
}

/// An event dated by a year or a month well before publication is background
/// ("the 2018 deal", "captured in March last year"); a day-precise date is a
/// report, unless it lies more than a year back.
fn is_history(c: &Candidate, doc: &Document) -> bool {
    let (Some(date), Some(published)) = (c.date.value, doc.published) else {
        return false;
    };
    let coarse = matches!(c.date.precision, DatePrecision::Month | DatePrecision::Year);
    let limit = if coarse {
        HISTORY_DAYS
    } else {
        HISTORY_DAYS * 3
    };
    c.date_in_sentence && date < published - Duration::days(limit)
}

fn to_event(
    c: Candidate,
    doc: &Document,
    analyzed: &Analyzed,
    chars: &CharIndex,
    actors: &ActorLexicon,
    focus_iso3: Option<&str>,
    cues: &[u32],
) -> Event {
    let text = doc.text.as_str();
    let iso3 = c
        .location
        .as_ref()
        .and_then(|l| l.country.as_deref())
        .and_then(|iso2| actors.iso2_to_iso3(iso2))
        .or(focus_iso3);
    let localise = |m: &ActorMention| match iso3 {
        Some(code) => actors.localise(m, code),
        None => m.actor.clone(),
    };
    let actor1 = c.actor1.as_ref().map(localise);
    let actor2 = c.actor2.as_ref().map(localise);
    let evidence = evidence(text, &analyzed.sentences[c.sentence], chars);
    // ACLED: only a country's own forces "regain" its territory; foreign forces
    // that take ground overtake it, as non-state actors do.
    let foreign = actor1
        .as_ref()
        .and_then(|a| a.country.as_deref())
        .zip(iso3)
        .is_some_and(|(a, place)| a != place);
    let sub = c.acled.map(|t| match t.sub_event_type() {
        "Government regains territory" if foreign => {
            AcledType::from_sub_event("Non-state actor overtakes territory").unwrap_or(t)
        }
        _ => t,
    });
    let (actor1, actor2) = match sub {
        Some(t) => {
            let own = |m: &Option<ActorMention>| m.as_ref().is_some_and(|m| !m.needs_country());
            let own = [own(&c.actor1), own(&c.actor2)];
            conventions::apply(t, actor1, actor2, own, c.civilian_victims, iso3, actors)
        }
        None => (actor1, actor2),
    };
    // State forces carry the period of the regime in power on the event's day
    // (lexicons/actors/regimes.tsv), else on the publication day.
    let day = c.date.value.or(doc.published);
    let (actor1, actor2) = (
        conventions::apply_context(actor1, cues, iso3, actors).map(|a| actors.dated(a, day)),
        conventions::apply_context(actor2, cues, iso3, actors).map(|a| actors.dated(a, day)),
    );
    let acled = sub.map(|t| Acled {
        event_type: t.event_type().to_string(),
        sub_event_type: t.sub_event_type().to_string(),
    });
    let kind = acled
        .as_ref()
        .map_or(c.plover.as_str(), |a| a.sub_event_type.as_str());
    let id = hex_id(stable_hash(&[
        doc.id.as_bytes(),
        &c.trigger.start.to_le_bytes(),
        kind.as_bytes(),
    ]));
    let fatalities = c
        .fatalities
        .or(c.killed.map(|k| k.acled_value()))
        .unwrap_or(0);
    Event {
        id,
        doc_id: doc.id.clone(),
        date: c.date,
        acled,
        plover: (!c.plover.is_empty()).then_some(Plover {
            kind: c.plover,
            mode: c.mode,
        }),
        cameo: c.cameo,
        actor1,
        actor2,
        location: c.location.or(Some(Location::default())),
        killed: c.killed,
        injured: c.injured,
        arrested: c.arrested,
        abducted: c.abducted,
        fatalities,
        attribution: c.attribution,
        evidence,
        trigger: Some(c.trigger.slice(text).to_string()),
        confidence: c.confidence,
    }
}
