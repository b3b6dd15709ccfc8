//! Event candidates: triggers found in each sentence, typed, given actors, counts,
//! a date and a source.
//!
//! Per sentence, triggers fall into three families: physical events (fighting,
//! explosions, violence, protests, riots, territory, looting) give at most one
//! event, typed by the best-ranked trigger (`precedence.tsv`); strategic
//! developments (arrests, agreements, …) give one event per type; verbal events
//! (PLOVER types outside ACLED) give one per PLOVER type.

use std::borrow::Cow;

use chrono::NaiveDate;
use sitrep_lexicon::actors::{ActorLexicon, ActorMention, ActorOrigin};
use sitrep_lexicon::triggers::{AcledRule, Cue, Form, Pos, Role, TriggerLexicon, TriggerMatch};
use sitrep_lexicon::LexiconError;
use sitrep_model::{AcledType, Count, EventDate, Location, Span};
use sitrep_text::words::{capitalised_mid_sentence, word_before};
use sitrep_text::{Analyzed, Sentence};

use crate::accusations;
use crate::dates::{self, DateMention};
use crate::fields::{self, shift, SentenceFacts};
use crate::figures::{self, FigureMention};
use crate::frames::{self, Frame, Voice};
use crate::headers::{header_of, note_tag, NoteHeader};
use crate::modality::{
    accident_causes, killed_by_illness, modality, names_crime, non_event_spans,
    reports_illness_deaths, sport_cues, Modality,
};

/// An event found in one sentence, before geocoding and merging.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the evidence sentence in [`Analyzed::sentences`].
    pub sentence: usize,
    /// Byte span of the evidence sentence.
    pub sentence_span: Span,
    /// Byte span of the deciding trigger.
    pub trigger: Span,
    /// ACLED sub-event type, None outside ACLED.
    pub acled: Option<AcledType>,
    /// Whether the type came from a specific trigger (a weapon, "abducted", a
    /// territorial verb) rather than from a generic violent verb resolved by the
    /// actors ("killed", "attacked").
    pub specific: bool,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Who acted.
    pub actor1: Option<ActorMention>,
    /// Who was acted on.
    pub actor2: Option<ActorMention>,
    /// People killed.
    pub killed: Option<Count>,
    /// ACLED's single fatality number for `killed`.
    pub fatalities: Option<u32>,
    /// People injured.
    pub injured: Option<Count>,
    /// Some of the people killed or injured are unarmed ("two residents died"), in
    /// its sentence or in a toll carried to it ([`fields::UNARMED_GROUPS`]).
    pub civilian_victims: bool,
    /// People arrested.
    pub arrested: Option<Count>,
    /// People abducted.
    pub abducted: Option<Count>,
    /// When.
    pub date: EventDate,
    /// Whether the date was read from this sentence (not a fallback).
    pub date_in_sentence: bool,
    /// Whether that date is the date of a statement ("police said on Thursday"),
    /// which dates the event only weakly.
    pub date_reporting: bool,
    /// Whether the evidence sentence is a headline (no closing punctuation) that
    /// names one incident ("Gunmen kill five in Jos", not "attacks kill five"): it
    /// sums up an incident the body usually reports again.
    pub headline: bool,
    /// Who the report is attributed to.
    pub attribution: Option<String>,
    /// The trigger is anaphoric ("the attack"): it likely repeats an earlier event.
    pub definite: bool,
    /// A report read from a generic verb names an incident told before: another
    /// physical trigger of its clause stands after "the", "this", "that", "these" or
    /// a weekday's possessive ("17 died in the raid", "killed in Sunday's attack").
    pub refers_back: bool,
    /// Where; filled by the geocoder.
    pub location: Option<Location>,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// Candidates split from one report of several places ("clashes in A, B and
    /// C") share a group and never merge with each other; None for the rest.
    pub group: Option<u32>,
    /// Its toll is an aggregate figure of its sentence ("six killed across the
    /// country", "97 died over the weekend") and the sentence names no place of
    /// its own: a total of incidents, not an incident. Set by the pipeline.
    pub aggregate: bool,
    /// The location was found in the evidence sentence itself, not taken from
    /// the sentences around it or the document's focus. Set by the pipeline.
    pub own_place: bool,
}

/// What [`Extractor::read`] finds in one document.
#[derive(Debug, Clone, Default)]
pub struct DocumentReading {
    /// Candidate events, in text order.
    pub candidates: Vec<Candidate>,
    /// Aggregate figures with the index of their sentence in `Analyzed::sentences`.
    pub figures: Vec<(usize, FigureMention)>,
}

/// A place the caller's gazetteer found in the document ("Zurich", "South
/// Carolina"): a verbal act done there with no other object is aimed at its country
/// ("will meet in Zurich"), as it is for a country or capital the actor lexicon knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHint {
    /// Byte span of the toponym in the document.
    pub span: Span,
    /// ISO3 code of the country it lies in.
    pub iso3: String,
}

/// The event family a candidate belongs to; candidates of one family merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Fighting, explosions, violence, protests, riots, territory, looting.
    Physical,
    /// Arrests, agreements, bases, curfews and other strategic developments.
    Strategic(AcledType),
    /// An event outside ACLED, by PLOVER type.
    Verbal,
}

impl Candidate {
    /// The candidate's family.
    pub fn family(&self) -> Family {
        match self.acled {
            None => Family::Verbal,
            Some(t)
                if t.event_type() == "Strategic developments"
                    && t.sub_event_type() != "Looting/property destruction" =>
            {
                Family::Strategic(t)
            }
            Some(_) => Family::Physical,
        }
    }
}

/// Triggers and actors, loaded once.
#[derive(Debug, Clone)]
pub struct Extractor {
    triggers: TriggerLexicon,
    actors: ActorLexicon,
}

impl Extractor {
    /// An extractor over the given lexicons.
    pub fn new(triggers: TriggerLexicon, actors: ActorLexicon) -> Self {
        Extractor { triggers, actors }
    }

    /// The bundled default lexicons.
    pub fn embedded() -> Result<Self, LexiconError> {
        Ok(Extractor::new(
            TriggerLexicon::embedded()?,
            ActorLexicon::embedded()?,
        ))
    }

    /// The actor lexicon (for localising actors).
    pub fn actors(&self) -> &ActorLexicon {
        &self.actors
    }

    /// The trigger lexicon.
    pub fn triggers(&self) -> &TriggerLexicon {
        &self.triggers
    }

    /// Every candidate event in the document, in text order.
    pub fn candidates(
        &self,
        text: &str,
        analyzed: &Analyzed,
        published: Option<NaiveDate>,
    ) -> Vec<Candidate> {
        self.read(text, analyzed, published).candidates
    }

    /// Candidate events and aggregate figures of the document, each sentence's
    /// casualties and figures read from one tokenisation.
    pub fn read(
        &self,
        text: &str,
        analyzed: &Analyzed,
        published: Option<NaiveDate>,
    ) -> DocumentReading {
        self.read_with_places(text, analyzed, published, &[])
    }

    /// [`Extractor::read`] with the places a gazetteer found in the text, which
    /// become the targets of verbal acts done there.
    pub fn read_with_places(
        &self,
        text: &str,
        analyzed: &Analyzed,
        published: Option<NaiveDate>,
        places: &[PlaceHint],
    ) -> DocumentReading {
        // First pass: triggers and dates of every sentence; the dates give the
        // document's default date for sentences that carry none.
        let sentences: Vec<&Sentence> = analyzed.text_sentences().collect();
        let found: Vec<Vec<TriggerMatch>> = sentences
            .iter()
            .map(|s| self.triggers.find(s.span.slice(text)))
            .collect();
        let sentence_dates: Vec<(Vec<DateMention>, Vec<dates::Token>)> =
            dates::read_sentences(sentences.iter().map(|s| s.span.slice(text)), published);
        // An article whose lead reports an accident or a disaster ("a landslide
        // struck the camp") reports its tolls as accident tolls throughout.
        let doc_accident = sentences.iter().take(3).any(|s| {
            let body = s.span.slice(text);
            self.names_accident(body, || self.actors.find(body, published).iter().any(armed))
                || reports_illness_deaths(body)
        });
        // A sports report's "clash", "attack" or "shot" are sport.
        let doc_sport = sport_cues(sentences.iter().take(5).map(|s| s.span.slice(text))) >= 2;
        let default_date = dates::document_default(
            published,
            dates::dominant_day(sentence_dates.iter().flat_map(|(found, _)| found)),
        );
        // A coder's note may open with a label naming its event ("Looting: …"), and
        // carry a tag naming its kind ("[size=about 200]": a crowd).
        let header = sentences.first().and_then(|s| header_of(text, s.span));
        let tag = note_tag(text);
        // The event the tag gave the first sentence, kept only if no other comes.
        let mut tag_event: Option<usize> = None;
        let mut out = Vec::new();
        let mut figures = Vec::new();
        let mut previous_source: Option<String> = None;
        for (i, ((sentence, triggers), dates)) in
            sentences.iter().zip(found).zip(sentence_dates).enumerate()
        {
            let body = sentence.span.slice(text);
            let header_here = header.as_ref().filter(|_| i == 0);
            let tag_here = tag.as_ref().filter(|_| i == 0 && header.is_none());
            let (casualties, sentence_figures) = figures::read_sentence(body, published);
            // A sentence with no trigger may still give the toll of the incident
            // before it ("Ten soldiers died.").
            let victims = casualties.killed.is_some() || casualties.injured.is_some();
            let noted = header_here.is_some() || tag_here.is_some();
            let facts = (!triggers.is_empty() || victims || noted).then(|| {
                SentenceFacts::read(
                    body,
                    casualties,
                    &sentence_figures,
                    dates,
                    previous_source.as_deref(),
                )
            });
            figures.extend(sentence_figures.into_iter().map(|f| (sentence.index, f)));
            let Some(facts) = facts else {
                continue;
            };
            if let Some(source) = facts.named_source(body) {
                previous_source = Some(source);
            }
            // The two sentences after this one, where a report often says how a
            // protest ended ("Police intervened …").
            let following =
                &analyzed.sentences[(sentence.index + 1).min(analyzed.sentences.len())..];
            let next = following.first().map(|first| {
                let last = following
                    .get(1)
                    .filter(|s| s.paragraph == first.paragraph)
                    .unwrap_or(first);
                &text[first.span.start..last.span.end]
            });
            let context = SentenceContext {
                text,
                sentence,
                facts: &facts,
                next_sentence: next,
                default_date: &default_date,
                doc_accident,
                doc_sport,
                // The last sentence of a cut text has no closing punctuation either.
                headline: !body.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}'])
                    && sentence.index + 1 < analyzed.sentences.len(),
                places,
            };
            let fresh = out.len();
            self.sentence_candidates(&context, triggers, published, &mut out);
            fields::carry_toll(&mut out, fresh, &facts, sentence);
            if let Some(header) = header_here {
                self.apply_header(header, &context, published, &mut out, fresh);
            }
            if let Some(tag) = tag_here {
                if !out[fresh..].iter().any(|c| c.acled.is_some()) {
                    let tag = NoteHeader {
                        span: Span::new(sentence.span.start, sentence.span.start),
                        ..tag.clone()
                    };
                    self.apply_header(&tag, &context, published, &mut out, fresh);
                    tag_event = Some(fresh);
                }
            }
        }
        if let Some(tag) = &tag {
            crowd_violence(tag, &mut out, &mut tag_event);
        }
        DocumentReading {
            candidates: out,
            figures,
        }
    }

    fn sentence_candidates(
        &self,
        cx: &SentenceContext<'_>,
        found: Vec<TriggerMatch>,
        published: Option<NaiveDate>,
        out: &mut Vec<Candidate>,
    ) {
        // Every candidate comes from a trigger: a sentence read only for its toll
        // ("Ten soldiers died.") gives none here.
        if found.is_empty() {
            return;
        }
        let text = cx.text;
        let span = cx.sentence.span;
        let body = span.slice(text);
        let found: Vec<TriggerMatch> = found
            .into_iter()
            .map(|m| TriggerMatch {
                span: shift(m.span, span.start),
                ..m
            })
            .collect();
        let phrases = self.actors.phrases(body);
        let mentions: Vec<ActorMention> = self
            .actors
            .mentions(&phrases, body, published)
            .into_iter()
            .map(|mut m| {
                m.span = shift(m.span, span.start);
                m
            })
            .collect();
        // The source of a report ("medics say") is not a party to a physical
        // event (a statement's speaker still is: "Moscow has accused Ankara").
        // A speaker that a pronoun takes up is a party again ("Israel said it had
        // arrested two men": Israel arrested them), when it is a country or an
        // organised body (not "medics said they treated …").
        let party = |source: Span| {
            mentions.iter().any(|m| {
                m.span.overlaps(source)
                    && (m.actor.country.is_some()
                        || m.actor.kind.as_deref().is_some_and(|k| k != "civilians"))
            })
        };
        let sources: Vec<Span> = cx
            .facts
            .sources
            .iter()
            .filter(|a| {
                let source = shift(a.source, span.start);
                !(frames::pronoun_follows(text, shift(a.verb, span.start), span.end)
                    && party(source))
            })
            .map(|a| shift(a.source, span.start))
            .collect();
        let mut mentions = mentions;
        let mut physical_mentions: Vec<ActorMention> = mentions
            .iter()
            .filter(|m| !sources.iter().any(|s| s.overlaps(m.span)))
            .cloned()
            .collect();
        // "Israeli shelling", "Russian air strikes": a demonym right before an event
        // noun names the side that acts, its military for a physical act.
        let nouns: Vec<Span> = found
            .iter()
            .filter(|m| matches!(m.form, Form::Other | Form::Gerund))
            .map(|m| m.span)
            .collect();
        // "shelled Ukrainian positions", "threw stones at Palestinian cars",
        // "condemned Russian aggression": a demonym opening the object of a verb
        // names the side acted on; of a physical act, its forces before a
        // military position (`position` cues), else its civilians.
        let verb_ends: Vec<usize> = found
            .iter()
            .filter(|m| m.form != Form::Other)
            .map(|m| m.span.end)
            .collect();
        for (pool, physical) in [(&mut mentions, false), (&mut physical_mentions, true)] {
            let adjectives: Vec<ActorMention> = self
                .actors
                .demonyms(&phrases, body, physical, |d| {
                    let d = shift(d, span.start);
                    !pool.iter().any(|m| m.span.overlaps(d))
                        && (nouns.iter().any(|&n| frames::modifies(text, d, n))
                            || frames::opens_object(text, span, d, &verb_ends))
                })
                .into_iter()
                .map(|mut m| {
                    m.span = shift(m.span, span.start);
                    m
                })
                .filter_map(|mut d| {
                    if nouns.iter().any(|&n| frames::modifies(text, d.span, n)) {
                        return Some(d);
                    }
                    let after = &text[d.span.end..span.end];
                    let position = self
                        .triggers
                        .cues(after, Cue::Position)
                        .first()
                        .is_some_and(|c| after[..c.start].split_whitespace().count() <= 1);
                    if physical && !position {
                        d.actor = self.actors.generic(
                            "civilians",
                            d.actor.country.as_deref(),
                            d.actor.text.clone(),
                        )?;
                    }
                    Some(d)
                })
                .collect();
            pool.extend(adjectives);
        }
        // Verbal acts may also be aimed at a gazetteer place ("will meet in Zurich"):
        // such places are only targets, after every actor mention.
        let places_from = mentions.len();
        let place_mentions: Vec<ActorMention> = cx
            .places
            .iter()
            .filter(|p| {
                p.span.start >= span.start
                    && p.span.end <= span.end
                    && !mentions.iter().any(|m| m.span.overlaps(p.span))
            })
            .flat_map(|p| {
                self.actors
                    .place_mention(p.span, &p.iso3, p.span.slice(text))
            })
            .collect();
        // The mentions are copied only when a place joins them.
        let verbal_mentions: Cow<[ActorMention]> = if place_mentions.is_empty() {
            Cow::Borrowed(&mentions)
        } else {
            Cow::Owned([mentions.as_slice(), &place_mentions].concat())
        };
        let accident = cx.doc_accident
            || cx.doc_sport
            || self.names_accident(body, || physical_mentions.iter().any(armed));
        // "riot police", "demonstrates the", "gathered … to watch": no event.
        let non_events: Vec<Span> = non_event_spans(body)
            .into_iter()
            .map(|s| shift(s, span.start))
            .collect();
        let headline = cx.headline;
        // Verbs of defence ("repelled", "fought off"): their subject is attacked.
        let defences: Vec<Span> = self
            .triggers
            .cues(body, Cue::Defence)
            .into_iter()
            .map(|s| shift(s, span.start))
            .collect();
        let mut readings = Vec::new();
        // Where the last habitual present verb ended: the verbs coordinated after
        // it ("gangs raid villages, kidnap residents and steal cattle") are habits too.
        let mut habit_end: Option<usize> = None;
        for m in &found {
            let entry = self.triggers.entry(m);
            // "on 28 March": a capitalised common word mid-sentence is a name; an
            // acronym trigger ("IED", "UAV") is written in capitals anyway.
            if (capitalised_mid_sentence(text, span, m.span)
                && !acronym(&entry.pattern)
                && !named_after(&entry.pattern))
                || non_events.iter().any(|s| s.overlaps(m.span))
            {
                continue;
            }
            let physical = entry.acled != AcledRule::Outside;
            // An accident's "killed", "explosion" or "burned" is not political
            // violence; only a specific violent trigger (or a protest) still counts.
            let violent_generic = matches!(
                entry.acled,
                AcledRule::Violence | AcledRule::Clash | AcledRule::Riot
            ) || entry.role == Role::Refine
                || matches!(entry.acled, AcledRule::Fixed(t) if t.sub_event_type() == "Looting/property destruction");
            let accidental =
                physical && violent_generic && (accident || killed_by_illness(text, span, m.span));
            // "set himself on fire", "shot herself": burning or shooting people do to
            // themselves is no attack and no property destruction (a self-immolation
            // in protest has its own trigger, whose pattern names the reflexive).
            let burns_or_shoots = entry.mode.as_deref() == Some("firearms")
                || matches!(entry.acled,
                    AcledRule::Fixed(t) if t.sub_event_type() == "Looting/property destruction");
            if burns_or_shoots
                && !names_reflexive(&entry.pattern)
                && reflexive_object(text, span, m.span)
            {
                continue;
            }
            // "an Islamic State target", "the strike": a verb of impact in its base
            // form after a determiner is a noun, unless a weapon stands right before
            // it ("a missile hit the depot").
            if entry.role == Role::Refine
                && entry.acled == AcledRule::Violence
                && m.form == Form::Present
                && noun_phrase_before(text, span, m.span)
                && !found.iter().any(|w| {
                    w.span.end <= m.span.start
                        && text[w.span.end..m.span.start].trim().is_empty()
                        && self.triggers.entry(w).role == Role::Refine
                        && matches!(self.triggers.entry(w).acled,
                            AcledRule::Fixed(t) if t.event_type() == "Explosions/Remote violence")
                })
            {
                continue;
            }
            // Verbs, and exact phrases that open with a verb form ("jailed").
            let is_verb = m.form != Form::Other;
            // News reports events in the past; a physical verb in the present
            // ("rebels launch attacks from the hills") is habitual, except in a headline.
            if physical
                && is_verb
                && m.form == Form::Present
                && !headline
                && (habitual(text, span, m.span)
                    || (cx.sentence.index > 0
                        && closed(body)
                        && !same_past(m.span.slice(text))
                        && plural_subject_before(text, span, m.span, &mentions))
                    || habit_end.is_some_and(|end| coordinated(text, end, m.span.start)))
            {
                habit_end = Some(m.span.end);
                continue;
            }
            // "began its air strikes", "has intensified aerial attacks", "backed by
            // air strikes", "from where they launch attacks": a campaign or a habit,
            // not an incident, when the sentence gives no toll.
            // ("attacks" may match as a verb: "they launch attacks".)
            if physical
                && matches!(m.form, Form::Other | Form::Present)
                && plural_noun(text, Pos::Noun, m.span)
                && cx.facts.killed.is_none()
                && cx.facts.injured.is_none()
                && campaign(text, span, m.span)
            {
                continue;
            }
            // "two wounded soldiers", "the captured town": a participle used as an
            // adjective reports no act of its own.
            if physical
                && is_verb
                && m.form == Form::Past
                && (attributive(text, span, m.span, &mentions) || nominalised(text, span, m.span))
            {
                continue;
            }
            let voice = frames::voice(
                text,
                span,
                m.span,
                m.form == Form::Past,
                m.form == Form::Gerund,
                is_verb,
            );
            let clause = frames::clause(text, span, m.span);
            let base_verb = is_verb && m.form == Form::Present;
            let protest = entry.acled == AcledRule::Protest;
            let modality = match modality(text, clause, m.span, base_verb, protest) {
                // "wants to attack X": a declared intent to use force is a threat.
                Modality::Intent if physical && forceful(entry.cameo.as_deref()) => {
                    Modality::Threat
                }
                Modality::Intent => Modality::Unreal,
                other => other,
            };
            // A plan, wish or promise of a verbal act ("will meet", "wants to help")
            // is still a CAMEO event, as PETRARCH codes it; a planned physical or
            // strategic act is no incident.
            // A denied or refused cooperative act ("will not supply arms", "refused
            // to meet") is a rejection in CAMEO (root 12).
            let rejected = modality == Modality::Negated
                && !physical
                && rejection(entry.cameo.as_deref()).is_some();
            if (modality == Modality::Negated && !rejected)
                || (modality == Modality::Unreal && physical)
            {
                continue;
            }
            let (source, denied) = cx.facts.source_at(body, m.span.start - span.start);
            if denied && entry.acled != AcledRule::Outside {
                continue;
            }
            let pool = if physical {
                &physical_mentions
            } else {
                &mentions
            };
            // A verbal pattern with a gap ("release ... prisoner") may hold its
            // object in the gap: roles are read around its first word.
            let head = if !physical && entry.pattern.contains("...") {
                let words = m.span.slice(text);
                let end = words.find(char::is_whitespace).unwrap_or(words.len());
                Span::new(m.span.start, m.span.start + end)
            } else {
                m.span
            };
            let mut frame = frames::assign(text, span, head, voice, pool);
            if entry.acled == AcledRule::Clash {
                frame = frames::mutual(text, span, head, pool, frame);
            } else if physical && voice == Voice::Active {
                frame = frames::first_of_subject(text, span, head, pool, frame);
            }
            if physical
                && defences
                    .iter()
                    .any(|d| d.start <= m.span.start && m.span.start < d.end)
            {
                frame = frames::defence(text, span, head, voice, pool, frame);
            }
            // An accident's toll is no act of violence, unless armed men are the
            // subject of the active verb ("rebels attacked an oil tanker").
            if accidental
                && !(voice == Voice::Active && frame.actor1.is_some_and(|i| armed(&pool[i])))
            {
                continue;
            }
            readings.push(Reading {
                trigger: *m,
                frame,
                voice,
                threat: modality == Modality::Threat,
                unreal: modality == Modality::Unreal,
                rejected,
                source,
            });
        }
        let facts = cx.facts;
        let has_counts = facts.killed.is_some() || facts.injured.is_some();
        // The sentence reports arrests ("detained four suspects").
        let arrests = readings.iter().any(|r| {
            !r.threat
                && matches!(self.triggers.entry(&r.trigger).acled,
                    AcledRule::Fixed(t) if t.sub_event_type() == "Arrests")
        });
        let verbal_before = |r: &Reading| {
            readings.iter().any(|o| {
                o.trigger.span.start < r.trigger.span.start
                    && self.triggers.entry(&o.trigger).acled == AcledRule::Outside
                    && !o.threat
            })
        };
        let generic = |r: &Reading| self.triggers.entry(&r.trigger).acled == AcledRule::Violence;
        // Physical events: the best-ranked trigger of a clause decides the type. A
        // noun after a statement ("condemned the attack") repeats an event, and a
        // running toll with only generic verbs is a figure, not an incident.
        let physical: Vec<&Reading> = readings
            .iter()
            .filter(|r| !r.threat && self.is_physical(r))
            .filter(|r| has_counts || r.voice != Voice::Nominal || !verbal_before(r))
            .filter(|r| !(facts.cumulative_only && generic(r)))
            .filter(|r| !self.background(text, span, r, &readings))
            .filter(|r| !self.is_impact(r) || has_counts || self.weapon_strikes(&readings))
            .collect();
        // One physical event per clause ("The air strike came after rebels retook
        // the town" reports two).
        let mut clauses: Vec<(Span, Vec<&Reading>)> = Vec::new();
        for r in physical {
            let clause = frames::clause(text, span, r.trigger.span);
            match clauses.iter_mut().find(|(c, _)| *c == clause) {
                Some((_, group)) => group.push(r),
                None => clauses.push((clause, vec![r])),
            }
        }
        let first_physical = out.len();
        for (_, group) in clauses {
            let creates = has_counts
                || group
                    .iter()
                    .any(|r| self.triggers.entry(&r.trigger).role == Role::Event)
                || self.weapon_strikes(&group)
                || group.iter().any(|r| self.witnessed(text, span, r));
            if creates {
                out.extend(self.physical_event(cx, &group, &physical_mentions, arrests));
            }
        }
        // "X said Y attacked": X accuses Y.
        let accused = accusations::accusations(
            span.start,
            &facts.sources,
            &mentions,
            &out[first_physical..],
        );
        out.extend(accused);
        // Strategic and verbal events: one per type.
        let mut seen: Vec<(Option<AcledType>, String)> = Vec::new();
        for r in &readings {
            let entry = self.triggers.entry(&r.trigger);
            let (acled, plover, mode, cameo) = if r.threat {
                (
                    None,
                    "THREATEN".to_string(),
                    Some("violence".to_string()),
                    Some("138".to_string()),
                )
            } else if self.is_physical(r) {
                continue;
            } else if r.rejected {
                (
                    None,
                    "REJECT".to_string(),
                    None,
                    rejection(entry.cameo.as_deref()).map(str::to_string),
                )
            } else {
                let acled = match entry.acled {
                    AcledRule::Fixed(t) => Some(t),
                    _ => None,
                };
                (
                    acled,
                    entry.plover.clone(),
                    entry.mode.clone(),
                    entry.cameo.clone(),
                )
            };
            let key = (acled, plover.clone());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let pool: &[ActorMention] = if entry.acled == AcledRule::Outside {
                &verbal_mentions
            } else {
                &physical_mentions
            };
            // A verbal act of several coordinated actors is one event per dyad
            // ("Brazil and Peru met": BRA→PER and PER→BRA); one without an object
            // is aimed at the country where it happens ("a visit to Kenya").
            let dyads = if entry.acled == AcledRule::Outside {
                frames::dyads(
                    text,
                    span,
                    r.trigger.span,
                    pool,
                    places_from,
                    r.frame,
                    reciprocal(&cameo),
                )
            } else {
                vec![r.frame]
            };
            for frame in dyads {
                let (mut actor1, mut actor2) = actors_of(pool, frame);
                // "ministers from the Georgian government" are Georgia's, "migrants
                // from Ethiopia" Ethiopians.
                for (slot, index) in [(&mut actor1, frame.actor1), (&mut actor2, frame.actor2)] {
                    self.country_from_after(text, pool, slot, index, span.end);
                }
                // ACLED: people "arrested" by an armed group are abducted, unless the
                // group rules as a state (`authority` cues: the Houthis); an arrest
                // for an ordinary crime (drugs, theft) is not a political event.
                let arrests = acled.is_some_and(|t| t.sub_event_type() == "Arrests");
                let acled = acled.filter(|_| !(arrests && names_crime(body)));
                let kind1 = actor1
                    .as_ref()
                    .and_then(|m| m.actor.kind.as_deref())
                    .unwrap_or("");
                let authority = actor1.as_ref().is_some_and(|m| {
                    !self
                        .triggers
                        .cues(m.span.slice(text), Cue::Authority)
                        .is_empty()
                });
                let acled = if arrests && matches!(kind1, "rebels" | "militia") && !authority {
                    Some(sub_event("Abduction/forced disappearance"))
                } else {
                    acled
                };
                out.push(Candidate {
                    acled,
                    plover: plover.clone(),
                    mode: mode.clone(),
                    cameo: cameo.clone(),
                    actor1,
                    actor2,
                    arrested: if arrests { facts.arrested } else { None },
                    headline: cx.headline,
                    attribution: r.source.clone(),
                    confidence: if r.unreal { 0.5 } else { 0.6 },
                    ..cx.candidate(r.trigger.span, acled.is_none())
                });
            }
        }
    }

    /// Gives the label's type to the sentence's first ACLED-typed candidate (moved
    /// first), or adds one from the label when the sentence has none.
    fn apply_header(
        &self,
        header: &NoteHeader,
        cx: &SentenceContext<'_>,
        published: Option<NaiveDate>,
        out: &mut Vec<Candidate>,
        fresh: usize,
    ) {
        let span = cx.sentence.span;
        let retype = |c: &mut Candidate| {
            c.acled = Some(header.acled);
            c.plover.clone_from(&header.plover);
            c.mode.clone_from(&header.mode);
            c.cameo.clone_from(&header.cameo);
            c.specific = true;
        };
        if let Some(i) = (fresh..out.len()).find(|&i| out[i].acled.is_some()) {
            let mut candidate = out.remove(i);
            retype(&mut candidate);
            out.insert(fresh, candidate);
            return;
        }
        let trigger = header.span;
        let mentions: Vec<ActorMention> = self
            .actors
            .find(span.slice(cx.text), published)
            .into_iter()
            .map(|mut m| {
                m.span = shift(m.span, span.start);
                m
            })
            .collect();
        let mut actor1 = mentions.first().cloned();
        self.country_from_after(cx.text, &mentions, &mut actor1, Some(0), span.end);
        let facts = cx.facts;
        let mut candidate = Candidate {
            actor1,
            killed: facts.killed,
            fatalities: facts.fatalities,
            injured: facts.injured,
            arrested: facts.arrested,
            abducted: facts.abducted,
            confidence: 0.7,
            ..cx.candidate(trigger, false)
        };
        retype(&mut candidate);
        // A crowd the tag reports, with the authorities intervening in its sentence
        // or the two after it ("Police fired tear gas to disperse them."), is a
        // protest with intervention; with lethal force, excessive force.
        if header.acled.sub_event_type() == "Peaceful protest" {
            let body = span.slice(cx.text);
            let around = [Some(body), cx.next_sentence];
            if around
                .into_iter()
                .flatten()
                .any(|t| self.triggers.shows_intervention(t))
            {
                let lethal = around
                    .into_iter()
                    .flatten()
                    .any(|t| !self.triggers.cues(t, Cue::Lethal).is_empty());
                candidate.acled = Some(sub_event(if lethal {
                    "Excessive force against protesters"
                } else {
                    "Protest with intervention"
                }));
            }
        }
        out.insert(fresh, candidate);
    }

    /// Gives the actor in `slot` (mention `index` of `mentions`), when it has no
    /// country of its own, the country of a mention right after it by "from" or
    /// "of" ("refugees from Ukraine", [`frames::country_after`]), before `limit`.
    fn country_from_after(
        &self,
        text: &str,
        mentions: &[ActorMention],
        slot: &mut Option<ActorMention>,
        index: Option<usize>,
        limit: usize,
    ) {
        let (Some(m), Some(i)) = (slot.as_mut(), index) else {
            return;
        };
        if let Some(iso3) = frames::country_after(text, mentions, i, limit)
            .and_then(|j| mentions[j].actor.country.clone())
        {
            m.actor = self.actors.localise(m, &iso3);
        }
    }

    /// Whether a physical reading names the background of another trigger of the
    /// sentence rather than an act of its own: a weapon that is the object of a
    /// disrupted-weapons trigger in its clause ("defused an IED", "IEDs were
    /// recovered": `recovered` cues), a protest named
    /// as the reason for an arrest ("arrested a student who joined the protests",
    /// not "arrested at a protest"), or violence named as the subject of a protest
    /// ("protested over the killing of a trader", `topic` cues).
    fn background(&self, text: &str, sentence: Span, r: &Reading, all: &[Reading]) -> bool {
        let entry = self.triggers.entry(&r.trigger);
        let start = r.trigger.span.start;
        let clause = frames::clause(text, sentence, r.trigger.span);
        let before = |o: &Reading| o.trigger.span.end <= start;
        let fixed = |o: &Reading, name: &str| {
            matches!(self.triggers.entry(&o.trigger).acled,
                AcledRule::Fixed(t) if t.sub_event_type() == name)
        };
        let weapon = matches!(entry.acled,
            AcledRule::Fixed(t) if t.event_type() == "Explosions/Remote violence");
        if weapon
            && (all.iter().any(|o| {
                before(o)
                    && fixed(o, "Disrupted weapons use")
                    && frames::clause(text, sentence, o.trigger.span) == clause
            }) || self.recovered_near(text, clause, r.trigger.span))
        {
            return true;
        }
        if entry.acled == AcledRule::Protest {
            let lead = &text[sentence.start..start];
            let lead = &lead[lead
                .char_indices()
                .rev()
                .filter(|(_, c)| c.is_whitespace())
                .nth(5)
                .map_or(0, |(i, _)| i)..];
            let reason = !self.triggers.cues(lead, Cue::Reason).is_empty();
            return (reason
                || noun_phrase_before(text, sentence, r.trigger.span)
                    && !in_setting(text, sentence, r.trigger.span))
                && all
                    .iter()
                    .any(|o| before(o) && !o.threat && fixed(o, "Arrests"));
        }
        // Violence after a protest, as a noun phrase ("the killing", "a fight"),
        // with a topic cue between them.
        let noun_phrase = r.voice == Voice::Nominal
            || word_before(text, start, sentence.start).is_some_and(|w| {
                let w = w.slice(text).to_ascii_lowercase();
                DETERMINERS.contains(&w.as_str()) || w == "of"
            });
        let topic = noun_phrase
            && all.iter().any(|o| {
                if !before(o) || self.triggers.entry(&o.trigger).acled != AcledRule::Protest {
                    return false;
                }
                let between = &text[o.trigger.span.end..start];
                words_outside_brackets(between) <= 12
                    && !self.triggers.cues(between, Cue::Topic).is_empty()
            });
        // Violence that follows the subject of a protest in the same stretch of the
        // sentence tells what that subject did ("protested over a fight that left
        // three students injured").
        topic
            || all.iter().any(|o| {
                before(o)
                    && self.triggers.entry(&o.trigger).acled != AcledRule::Protest
                    && self.is_physical(o)
                    && !text[o.trigger.span.end..start].contains(';')
                    && words_outside_brackets(&text[o.trigger.span.end..start]) <= 12
                    && self.background(text, sentence, o, all)
            })
    }

    /// Whether a sentence reports an accident or a disaster: it names a non-violent
    /// cause (`causes.tsv`) that is more than the circumstances of an act by armed
    /// men. A cause within two words after a `setting` cue ("during a sand storm",
    /// "amid heavy fog") is only the weather of the act when the sentence names
    /// soldiers, police, rebels or militias (`armed`, asked only then).
    fn names_accident(&self, body: &str, armed: impl FnOnce() -> bool) -> bool {
        let causes = accident_causes(body);
        if causes.is_empty() {
            return false;
        }
        let settings = self.triggers.cues(body, Cue::Setting);
        let circumstance = |c: &Span| {
            settings
                .iter()
                .any(|s| s.end <= c.start && body[s.end..c.start].split_whitespace().count() <= 2)
        };
        !causes.iter().all(circumstance) || !armed()
    }

    /// Whether a reading is explosions perceived from afar: a plural remote-violence
    /// noun that makes no event of its own (`refine` of the bomb type: "explosions",
    /// "blasts") with a `witness` cue in its clause ("explosions were heard", "monitors
    /// recorded 14 blasts"). ACLED codes such blasts as shelling.
    fn witnessed(&self, text: &str, sentence: Span, r: &Reading) -> bool {
        let entry = self.triggers.entry(&r.trigger);
        entry.role == Role::Refine
            && r.trigger.form == Form::Other
            && matches!(entry.acled,
                AcledRule::Fixed(t) if t.sub_event_type() == "Remote explosive/landmine/IED")
            && plural_noun(text, entry.pos, r.trigger.span)
            && !self
                .triggers
                .cues(
                    frames::clause(text, sentence, r.trigger.span).slice(text),
                    Cue::Witness,
                )
                .is_empty()
    }

    /// Whether a `recovered` cue stands within eight words of a weapon in its clause
    /// ("guns, ammunition and four IEDs were recovered").
    fn recovered_near(&self, text: &str, clause: Span, weapon: Span) -> bool {
        self.triggers
            .cues(clause.slice(text), Cue::Recovered)
            .into_iter()
            .any(|c| {
                let c = shift(c, clause.start);
                let between = if c.start >= weapon.end {
                    &text[weapon.end..c.start]
                } else {
                    &text[c.end..weapon.start.max(c.end)]
                };
                between.split_whitespace().count() <= 8
            })
    }

    /// Whether a violent trigger with no victim named is aimed at a civilian place
    /// or property: a `civilian` cue of effect `object` within six words after it in
    /// its clause ("fired at a house", "opened fire towards farmland").
    fn civilian_object(&self, text: &str, sentence: Span, r: &Reading) -> bool {
        if r.frame.actor2.is_some() {
            return false;
        }
        let clause = frames::clause(text, sentence, r.trigger.span);
        let after = &text[r.trigger.span.end..clause.end.max(r.trigger.span.end)];
        self.triggers
            .cues(after, Cue::Object)
            .first()
            .is_some_and(|c| after[..c.start].split_whitespace().count() <= 6)
    }

    /// Whether a reading is a weapon or aircraft named as support for another act:
    /// a remote-violence noun with a `support` cue ("backed by", "with the support
    /// of") at most two words before it in its clause ("troops backed by
    /// helicopter gunships", "supported by air strikes").
    fn supporting(&self, text: &str, sentence: Span, r: &Reading) -> bool {
        let entry = self.triggers.entry(&r.trigger);
        if r.trigger.form != Form::Other
            || !matches!(entry.acled,
                AcledRule::Fixed(t) if t.event_type() == "Explosions/Remote violence")
        {
            return false;
        }
        let clause = frames::clause(text, sentence, r.trigger.span);
        let before = &text[clause.start..r.trigger.span.start.max(clause.start)];
        self.triggers
            .cues(before, Cue::Support)
            .last()
            .is_some_and(|c| before[c.end..].split_whitespace().count() <= 2)
    }

    /// Whether the sentences after a protest report property destroyed or stones
    /// thrown (a looting or property-destruction trigger, or a `@riot` one, with no
    /// armed actor named in them) by people it refers back to with its first word
    /// ([`BACK_REFERENCES`]): "Some of them slashed the tyres of two trucks.", or
    /// damage in the passive (a `damage` cue: "A police car was set on fire."). The
    /// protest they follow turned violent; "Youths looted shops in Mombasa" is news of
    /// its own.
    fn damage_follows(&self, cx: &SentenceContext<'_>) -> bool {
        let Some(next) = cx.next_sentence else {
            return false;
        };
        let opener = next.split_whitespace().next().unwrap_or("");
        let back_reference = BACK_REFERENCES
            .iter()
            .any(|w| opener.eq_ignore_ascii_case(w));
        // Damage in the passive names no doer ("A police car was set on fire."): at a
        // protest, the protesters', unless other violence stands there as its cause
        // ("damaged by shelling"; an armed doer is checked below).
        let found = self.triggers.find(next);
        let other_violence = found.iter().any(|m| {
            let rule = self.triggers.entry(m).acled;
            !matches!(
                rule,
                AcledRule::Outside | AcledRule::Protest | AcledRule::Riot
            ) && !matches!(rule,
                    AcledRule::Fixed(t) if t.sub_event_type() == "Looting/property destruction")
        });
        let passive = !other_violence
            && self
                .triggers
                .cues(next, Cue::Damage)
                .into_iter()
                .any(|c| passive_before(next, c.start));
        if !back_reference && !passive {
            return false;
        }
        let damage = passive
            || found.into_iter().any(|m| {
            let entry = self.triggers.entry(&m);
            !capitalised_mid_sentence(next, Span::new(0, next.len()), m.span)
                && (entry.acled == AcledRule::Riot
                    || matches!(entry.acled,
                        AcledRule::Fixed(t) if t.sub_event_type() == "Looting/property destruction"))
        });
        damage
            && !self
                .actors
                .find(next, None)
                .iter()
                .any(|m| m.actor.kind.as_deref().is_some_and(fighting_kind))
    }

    /// Whether `text` says the victim was a gang member: a `victim` cue ("the victim",
    /// "the target of the attack"), a form of "to be" within four words after it,
    /// then a `gang` cue ("drug dealer", "gang", "cartel") within ten words in the
    /// same clause ("identified as" does not part it), with no "by" or "in" before it
    /// ("The victim was allegedly a member
    /// of a drug cell.", not "was killed in a drug trafficking dispute").
    fn victim_in_gang(&self, text: &str) -> bool {
        let gangs = self.triggers.cues(text, Cue::Gang);
        self.triggers.cues(text, Cue::Victim).into_iter().any(|v| {
            let after = &text[v.end..];
            let words: Vec<(usize, &str)> = after
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - after.as_ptr() as usize, w))
                .collect();
            let copula = words.iter().take(5).position(|(_, w)| {
                ["was", "were", "is", "are"].contains(&w.to_ascii_lowercase().as_str())
            });
            let Some(copula) = copula else {
                return false;
            };
            let from = v.end + words[copula].0;
            // "was killed in a drug trafficking dispute", "were shot by gang members":
            // the gang did it, the victim need not belong to one.
            gangs.iter().any(|g| {
                let between = &text[from..g.start];
                g.start >= from
                    && !between.contains([',', ';'])
                    && between.split_whitespace().count() <= 10
                    && !between.split_whitespace().any(|w| {
                        ["by", "in", "and", "but", "when", "while", "after", "before"]
                            .contains(&w.to_ascii_lowercase().as_str())
                    })
            })
        })
    }

    /// Whether a purpose follows a trigger in its clause, within six words: a `topic`
    /// cue after "to" or in its -ing form ("rioted to denounce a search", "burned
    /// tyres, demanding water"), not a target ("threw stones against the police").
    fn purpose_after(&self, text: &str, sentence: Span, trigger: Span) -> bool {
        let clause = frames::clause(text, sentence, trigger);
        let after = &text[trigger.end..clause.end.max(trigger.end)];
        self.triggers.cues(after, Cue::Topic).into_iter().any(|c| {
            let before = &after[..c.start];
            before.split_whitespace().count() <= 6
                && (c.slice(after).ends_with("ing")
                    || before
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.eq_ignore_ascii_case("to")))
        })
    }

    /// Whether a clause pairs a weapon or platform (`refine` of a remote-violence
    /// type: "drones", "missiles", "artillery", "an explosion") with a verb of impact
    /// (`refine` of rule `@violence`: "struck", "hit", "pounded", "targeted"): "drones
    /// struck a convoy" reports an incident even without a toll.
    fn weapon_strikes<R: std::borrow::Borrow<Reading>>(&self, group: &[R]) -> bool {
        let weapon = group.iter().any(|r| {
            let entry = self.triggers.entry(&r.borrow().trigger);
            entry.role == Role::Refine
                && matches!(entry.acled,
                    AcledRule::Fixed(t) if t.event_type() == "Explosions/Remote violence")
        });
        weapon && group.iter().any(|r| self.is_impact(r.borrow()))
    }

    /// Whether a reading is a verb of impact ("struck", "hit", "targeted": a
    /// `refine` verb of rule `@violence`), which makes no event of its own: it
    /// counts only with a weapon or a toll ("violence targeting nurses" is none).
    fn is_impact(&self, r: &Reading) -> bool {
        let entry = self.triggers.entry(&r.trigger);
        entry.role == Role::Refine
            && entry.acled == AcledRule::Violence
            && r.trigger.form != Form::Other
    }

    /// Whether a verb of impact has its weapon after it, as object ("a convoy struck
    /// a mine"): its subject is then the victim, not the actor.
    fn struck_weapon(&self, r: &Reading, group: &[&Reading]) -> bool {
        self.is_impact(r)
            && group.iter().any(|w| {
                w.trigger.span.start > r.trigger.span.start
                    && matches!(self.triggers.entry(&w.trigger).acled,
                        AcledRule::Fixed(t) if t.event_type() == "Explosions/Remote violence")
            })
    }

    fn is_physical(&self, r: &Reading) -> bool {
        match self.triggers.entry(&r.trigger).acled {
            AcledRule::Outside => false,
            AcledRule::Fixed(t) => {
                t.event_type() != "Strategic developments"
                    || t.sub_event_type() == "Looting/property destruction"
            }
            _ => true,
        }
    }

    fn physical_event(
        &self,
        cx: &SentenceContext<'_>,
        readings: &[&Reading],
        mentions: &[ActorMention],
        arrests: bool,
    ) -> Option<Candidate> {
        let (text, sentence, facts) = (cx.text, cx.sentence, cx.facts);
        // Actors: verbs decide before nouns (a passive verb knows its victim);
        // within each, the first trigger in text order that fills a role.
        let mut ordered: Vec<&&Reading> = readings
            .iter()
            .filter(|r| !self.struck_weapon(r, readings))
            .collect();
        ordered.sort_by_key(|r| (r.voice == Voice::Nominal, r.trigger.span.start));
        let mut frame = Frame::default();
        for r in ordered {
            // One mention never plays both roles: the victim of "was killed" is
            // not the actor of "in a shooting" that follows.
            frame.actor1 = frame
                .actor1
                .or(r.frame.actor1.filter(|&i| Some(i) != frame.actor2));
            frame.actor2 = frame
                .actor2
                .or(r.frame.actor2.filter(|&i| Some(i) != frame.actor1));
        }
        // "Rival gangs clashed with each other": one mention on both sides.
        if frame.actor2.is_none() && frame.actor1.is_some() && both_sides(readings, frame.actor1) {
            frame.actor2 = frame.actor1;
        }
        let (mut actor1, mut actor2) = actors_of(mentions, frame);
        // "migrants from Ethiopia were detained": an agent with no country of its
        // own takes the country named right after it by "from" or "of".
        for (slot, index) in [(&mut actor1, frame.actor1), (&mut actor2, frame.actor2)] {
            self.country_from_after(text, mentions, slot, index, sentence.span.end);
        }
        let kind = |a: &Option<ActorMention>| {
            a.as_ref()
                .and_then(|m| m.actor.kind.clone())
                .unwrap_or_default()
        };
        let (mut k1, mut k2) = (kind(&actor1), kind(&actor2));
        // An off-duty or former soldier or police officer is a civilian victim.
        if let Some(victim) = &actor2 {
            let mut from = victim.span.start;
            for _ in 0..2 {
                match word_before(text, from, sentence.span.start) {
                    Some(w) => from = w.start,
                    None => break,
                }
            }
            if !self
                .triggers
                .cues(&text[from..victim.span.end], Cue::Civilian)
                .is_empty()
            {
                k2 = "civilians".to_string();
            }
        }
        // People who shoot are armed men, not a crowd ("unknown men opened fire").
        let firearms = readings.iter().any(|r| {
            let entry = self.triggers.entry(&r.trigger);
            entry.acled == AcledRule::Violence && entry.mode.as_deref() == Some("firearms")
        });
        if firearms && k1 == "civilians" {
            k1 = "militia".to_string();
        }
        let crowd1 = actor1.as_ref().is_some_and(|m| !names_one_person(text, m));
        let body = sentence.span.slice(text);
        // Arrests or dispersals named in what the protest is about ("protested
        // against the police who arrested four men", "demanding that their detained
        // sons be freed") are no intervention in it.
        let protest_end = readings
            .iter()
            .filter(|r| self.triggers.entry(&r.trigger).acled == AcledRule::Protest)
            .map(|r| r.trigger.span.end - sentence.span.start)
            .min();
        let topics = self.triggers.cues(body, Cue::Topic);
        let intervention = self.triggers.interventions(body).into_iter().any(|c| {
            !protest_end.is_some_and(|p| {
                topics.iter().any(|t| {
                    t.start >= p && t.end <= c.start && !clause_break(&body[t.end..c.start])
                })
            })
        }) || cx
            .next_sentence
            .is_some_and(|s| self.triggers.shows_intervention(s));
        let protest = readings
            .iter()
            .any(|r| self.triggers.entry(&r.trigger).acled == AcledRule::Protest);
        // Cues in this sentence or the next (`context-cues.tsv`).
        // A battle cue counts only for fighting that is not earlier than the event.
        let cue_in = |t: &str, cue: Cue| {
            self.triggers
                .cues(t, cue)
                .iter()
                .any(|c| cue != Cue::Battle || !earlier_fighting(t, c.start))
        };
        let window = |cue: Cue| {
            [Some(body), cx.next_sentence]
                .into_iter()
                .flatten()
                .any(|t| cue_in(t, cue))
        };
        let deaths = facts.killed.is_some_and(|c| c.max.is_none_or(|m| m > 0));
        // "soldiers backed by fighter jets attacked": a weapon or aircraft named as
        // support leaves the type to the other triggers of the clause.
        let supported: Vec<bool> = readings
            .iter()
            .map(|r| self.supporting(text, sentence.span, r))
            .collect();
        let unsupported = supported.iter().any(|s| !s);
        let mut best: Option<(usize, AcledType, &Reading, bool)> = None;
        for (r, &support) in readings.iter().zip(&supported) {
            if support && unsupported {
                continue;
            }
            let entry = self.triggers.entry(&r.trigger);
            // "captured and detained 30 migrants": people taken, not territory.
            // Militants or unnamed men who "capture" or "take over" civilians abduct
            // them; soldiers and police arrest them (their arrest trigger says so).
            let people_taken = entry.acled == AcledRule::Territory
                && r.frame
                    .actor2
                    .and_then(|i| mentions[i].actor.kind.as_deref())
                    .is_some_and(|k| PEOPLE_KINDS.contains(&k));
            // ("captured and killed four villagers" is the killing.)
            if people_taken && (STATE_KINDS.contains(&k1.as_str()) || readings.len() > 1) {
                continue;
            }
            // Soldiers or police who block a road or set up roadblocks do not protest.
            if entry.acled == AcledRule::Protest
                && entry.mode.as_deref() == Some("obstruct")
                && r.frame
                    .actor1
                    .and_then(|i| mentions[i].actor.kind.as_deref())
                    .is_some_and(|k| ARMED_KINDS.contains(&k))
            {
                continue;
            }
            let (sub, specific) = match entry.acled {
                _ if people_taken => (sub_event("Abduction/forced disappearance"), true),
                AcledRule::Fixed(t) => (t, true),
                AcledRule::Violence => (
                    resolve_violence(
                        &k1,
                        &k2,
                        crowd1,
                        facts.victims_civilian || self.civilian_object(text, sentence.span, r),
                    ),
                    false,
                ),
                AcledRule::Clash => (resolve_clash(&k1, &k2), false),
                AcledRule::Riot => (resolve_riot(&k1, protest), true),
                AcledRule::Territory if window(Cue::Unopposed) => {
                    (sub_event("Non-violent transfer of territory"), true)
                }
                AcledRule::Territory => (resolve_territory(&k1), true),
                AcledRule::Protest if window(Cue::Riot) || self.damage_follows(cx) => {
                    (sub_event("Violent demonstration"), true)
                }
                AcledRule::Protest => (resolve_protest(intervention), true),
                AcledRule::Outside => continue,
            };
            let mut rank = self.triggers.rank(sub);
            // People killed in a raid that also carries some off make an attack (or
            // a clash, or mob violence), not an abduction, as ACLED codes the most
            // severe harm ("killed a trader and abducted his son"); wounds do not
            // outweigh the abduction.
            if sub.sub_event_type() == "Abduction/forced disappearance" && deaths {
                rank = usize::MAX;
            }
            if best.as_ref().is_none_or(|(b, ..)| rank < *b) {
                best = Some((rank, sub, r, specific));
            }
        }
        let (_, mut sub, reading, specific) = best?;
        // Explosions heard or counted from afar ("monitors recorded 14 explosions")
        // are shelling; whoever perceived them (before the cue) takes no part.
        if self.witnessed(text, sentence.span, reading) {
            sub = sub_event("Shelling/artillery/missile attack");
            let clause = frames::clause(text, sentence.span, reading.trigger.span);
            let witness = self
                .triggers
                .cues(clause.slice(text), Cue::Witness)
                .into_iter()
                .map(|c| shift(c, clause.start))
                .find(|c| c.end <= reading.trigger.span.start);
            if let Some(w) = witness {
                for slot in [&mut actor1, &mut actor2] {
                    if slot.as_ref().is_some_and(|m| m.span.end <= w.start) {
                        *slot = None;
                    }
                }
            }
        }
        // Armed men who kill or carry off someone the next sentences name as a
        // gang member ("The victim was a drug dealer.", "The target of the attack
        // was the leader of a gang.") fight a rival group: an armed clash, as ACLED
        // codes gang violence against gang members.
        let gang_victim = cx.next_sentence.is_some_and(|t| self.victim_in_gang(t));
        if gang_victim
            && ["Attack", "Abduction/forced disappearance"].contains(&sub.sub_event_type())
            && !STATE_KINDS.contains(&k1.as_str())
            && !COMMUNAL_KINDS.contains(&k1.as_str())
        {
            sub = sub_event("Armed clash");
        }
        // Police who break up a protest with lethal force ("fired live ammunition",
        // "a protester was killed") use excessive force.
        if sub.sub_event_type() == "Protest with intervention" && window(Cue::Lethal) {
            sub = sub_event("Excessive force against protesters");
        }
        // A bomb, grenade or shell in a fight on the ground is part of an armed
        // clash ("a grenade was thrown at the checkpoint; soldiers returned fire").
        // Air strikes join a battle only when the fighting is in their own sentence
        // ("an air-ground operation"); a report often gives them apart from the
        // fighting that follows.
        let ground_fighting = if sub.sub_event_type() == "Air/drone strike" {
            cue_in(body, Cue::Battle)
        } else {
            window(Cue::Battle)
        };
        if BATTLE_WEAPONS.contains(&sub.sub_event_type()) && ground_fighting {
            sub = sub_event("Armed clash");
        }
        // Aircraft named beside fighting ("the army and the rebels fought, with
        // jets flying over the town") are part of the battle: a clash trigger of the
        // clause outranks an aircraft that is no air strike of its own (a `refine`
        // platform). Fighting named as the setting ("during clashes") does not.
        let platform = self.triggers.entry(&reading.trigger).role == Role::Refine;
        if sub.sub_event_type() == "Air/drone strike"
            && platform
            && readings.iter().any(|r| {
                let rule = self.triggers.entry(&r.trigger).acled;
                (rule == AcledRule::Clash
                    || matches!(rule, AcledRule::Fixed(t) if t.sub_event_type() == "Armed clash"))
                    && !one_of_three_words_before(text, sentence.span, r.trigger.span, |w| {
                        ["during", "amid", "amidst"].contains(&w)
                    })
            })
        {
            sub = sub_event("Armed clash");
        }
        // Property burnt or wrecked by a crowd of civilians or rioters is mob violence.
        if sub.sub_event_type() == "Looting/property destruction"
            && !protest
            && COMMUNAL_KINDS.contains(&k1.as_str())
            && crowd1
        {
            sub = sub_event("Mob violence");
        }
        let rule = self.triggers.entry(&reading.trigger).acled;
        // A raid or operation by police or soldiers that only arrests people, with no
        // armed opponent and nobody killed or wounded, is the arrest, not a clash
        // ("police raided a house and detained four suspects").
        let violent_sub = ["Armed clash", "Attack"].contains(&sub.sub_event_type());
        let operation =
            OPERATIONS.contains(&self.triggers.entry(&reading.trigger).pattern.as_str());
        if arrests
            && operation
            && rule == AcledRule::Violence
            && violent_sub
            && STATE_KINDS.contains(&k1.as_str())
            && !ARMED_KINDS.contains(&k2.as_str())
            && facts.killed.is_none()
            && facts.injured.is_none()
        {
            return None;
        }
        // Security forces who shoot, kill or wound people at a protest ("during",
        // "at", "amid" a protest: not a protest about an earlier killing) use
        // excessive force ("a student was killed in police firing during a rally"),
        // whether the forces are the subject or only named ("police fire").
        let at_protest = readings.iter().any(|r| {
            self.triggers.entry(&r.trigger).acled == AcledRule::Protest
                && in_setting(text, sentence.span, r.trigger.span)
        });
        if at_protest
            && rule == AcledRule::Violence
            && !ARMED_KINDS.contains(&k2.as_str())
            && (STATE_KINDS.contains(&k1.as_str())
                || k1.is_empty() && forces_named(mentions, actor2.as_ref()))
        {
            sub = sub_event("Excessive force against protesters");
        }
        // A crowd that riots "to denounce" or "demanding" something demonstrates: a
        // purpose after the act makes its mob violence a violent demonstration.
        if sub.sub_event_type() == "Mob violence"
            && self.purpose_after(text, sentence.span, reading.trigger.span)
        {
            sub = sub_event("Violent demonstration");
        }
        // Demonstrators who burn, loot or fight make a violent demonstration; burning
        // and looting do so even when the clause names only the demonstrators
        // ("protesters set fire to a police post"), not the protest.
        let crowd_violence = [
            "Looting/property destruction",
            "Mob violence",
            "Attack",
            "Armed clash",
        ];
        let arson = sub.sub_event_type() == "Looting/property destruction";
        if (protest || k1 == "protesters" && arson)
            && !STATE_KINDS.contains(&k1.as_str())
            && crowd_violence.contains(&sub.sub_event_type())
        {
            sub = sub_event("Violent demonstration");
        }
        // "British activists protested in Beijing": a protest with no target held in
        // a foreign country or its capital is aimed at that country (the target
        // CAMEO codes; a peaceful protest has no ACLED actor 2, and one with
        // intervention names the police: conventions.tsv).
        if sub.event_type() == "Protests" && actor2.is_none() {
            let own = actor1.as_ref().and_then(|a| a.actor.country.clone());
            actor2 = own.and_then(|own| {
                frames::place_target(text, sentence.span, reading.trigger.span, mentions)
                    .map(|i| &mentions[i])
                    .filter(|m| m.actor.country.as_deref().is_some_and(|c| c != own))
                    .cloned()
            });
        }
        let entry = self.triggers.entry(&reading.trigger);
        let definite = is_definite(text, sentence.span, reading.trigger.span);
        // A victim report read from a generic verb that names its incident with
        // a definite noun ("17 people died in the raid"), not one set after or
        // against another ("clashes broke out after the air strike").
        let refers_back = !specific
            && readings.iter().any(|r| {
                r.trigger.span != reading.trigger.span
                    && (is_definite(text, sentence.span, r.trigger.span)
                        || weekday_possessive(text, sentence.span, r.trigger.span))
                    && !set_against(text, sentence.span, r.trigger.span)
            });
        let source = readings.iter().find_map(|r| r.source.clone());
        Some(Candidate {
            acled: Some(sub),
            specific,
            plover: entry.plover.clone(),
            mode: entry.mode.clone(),
            cameo: entry.cameo.clone(),
            actor1,
            actor2,
            killed: facts.killed,
            fatalities: facts.fatalities,
            injured: facts.injured,
            abducted: facts.abducted,
            headline: cx.headline && !plural_noun(text, entry.pos, reading.trigger.span),
            attribution: source,
            definite,
            refers_back,
            confidence: if specific { 0.8 } else { 0.6 },
            ..cx.candidate(reading.trigger.span, false)
        })
    }
}

/// Whether a CAMEO code names an act done together (intentions to cooperate,
/// consultations, diplomatic and material cooperation: roots 03 to 06), so that
/// coordinated actors with no object act on each other.
fn reciprocal(cameo: &Option<String>) -> bool {
    cameo
        .as_deref()
        .is_some_and(|c| matches!(c.get(..2), Some("03" | "04" | "05" | "06")))
}

/// Whether a CAMEO code is a use of force (roots 17 to 20: coercion, assault,
/// fighting, mass violence), whose declared intent is a threat.
fn forceful(cameo: Option<&str>) -> bool {
    cameo.is_some_and(|c| matches!(c.get(..2), Some("17" | "18" | "19" | "20")))
}

/// The CAMEO rejection (root 12) of a cooperative act that is denied or refused:
/// intentions and diplomatic cooperation (03, 05) → 120, consultations (04) → 125,
/// material cooperation and aid (06, 07) → 121, concessions (08) → 124. Other acts
/// have none: a denied accusation or attack is no event.
fn rejection(cameo: Option<&str>) -> Option<&'static str> {
    match cameo?.get(..2)? {
        "03" | "05" => Some("120"),
        "04" => Some("125"),
        "06" | "07" => Some("121"),
        "08" => Some("124"),
        _ => None,
    }
}

/// What every trigger of one sentence shares.
struct SentenceContext<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    facts: &'a SentenceFacts,
    next_sentence: Option<&'a str>,
    default_date: &'a EventDate,
    doc_accident: bool,
    /// The document is a sports report (`lexicons/hedges/sports.tsv`).
    doc_sport: bool,
    /// The sentence is a headline: no closing punctuation.
    headline: bool,
    /// The document's gazetteer places.
    places: &'a [PlaceHint],
}

impl SentenceContext<'_> {
    /// A candidate of this sentence for the trigger at `trigger` (document bytes),
    /// dated by [`SentenceContext::date_for`], with no type, actors, counts or
    /// source yet: callers fill what they read.
    fn candidate(&self, trigger: Span, verbal: bool) -> Candidate {
        let (date, date_in_sentence, date_reporting) = self.date_for(trigger, verbal);
        Candidate {
            sentence: self.sentence.index,
            sentence_span: self.sentence.span,
            trigger,
            acled: None,
            specific: true,
            plover: String::new(),
            mode: None,
            cameo: None,
            actor1: None,
            actor2: None,
            killed: None,
            fatalities: None,
            injured: None,
            civilian_victims: self.facts.victims_unarmed,
            arrested: None,
            abducted: None,
            date,
            date_in_sentence,
            date_reporting,
            headline: false,
            attribution: None,
            definite: false,
            refers_back: false,
            location: None,
            confidence: 0.0,
            group: None,
            aggregate: false,
            own_place: false,
        }
    }

    /// The date of the trigger at `trigger` (document bytes), whether the
    /// sentence itself gave it, and whether it is the date of a statement.
    fn date_for(&self, trigger: Span, verbal: bool) -> (EventDate, bool, bool) {
        match self
            .facts
            .date_mention_at(trigger.start - self.sentence.span.start, verbal)
        {
            Some(m) => (m.date.clone(), true, m.role == dates::DateRole::Reporting),
            None => (self.default_date.clone(), false, false),
        }
    }
}

struct Reading {
    trigger: TriggerMatch,
    frame: Frame,
    voice: Voice,
    threat: bool,
    unreal: bool,
    rejected: bool,
    source: Option<String>,
}

/// Whether a reading puts mention `actor` on both sides of its act ("fought each
/// other", [`frames::mutual`]).
fn both_sides(readings: &[&Reading], actor: Option<usize>) -> bool {
    readings
        .iter()
        .any(|r| r.frame.actor1 == actor && r.frame.actor2 == actor)
}

fn actors_of(
    mentions: &[ActorMention],
    frame: Frame,
) -> (Option<ActorMention>, Option<ActorMention>) {
    (
        frame.actor1.map(|i| mentions[i].clone()),
        frame.actor2.map(|i| mentions[i].clone()),
    )
}

/// Whether a present-form verb is marked as habitual ("they often attack",
/// "rebels routinely shell"): such sentences describe a pattern, not an event.
fn habitual(text: &str, sentence: Span, trigger: Span) -> bool {
    word_before(text, trigger.start, sentence.start)
        .is_some_and(|w| HABITUAL_BEFORE.contains(&w.slice(text).to_ascii_lowercase().as_str()))
}

/// Whether one of the few words before a noun trigger makes it a campaign or a
/// habit ("began its air strikes", "intensified aerial attacks", "backed by Russian
/// air strikes", "they launch attacks").
fn campaign(text: &str, sentence: Span, trigger: Span) -> bool {
    one_of_three_words_before(text, sentence, trigger, |word| {
        CAMPAIGN_BEFORE.contains(&word)
    })
}

/// Words before a plural noun trigger that make it a campaign or a habit: aspect
/// verbs, backing, and present-tense verbs of carrying out.
const CAMPAIGN_BEFORE: [&str; 24] = [
    "began",
    "begun",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "intensified",
    "intensify",
    "intensifies",
    "escalated",
    "escalate",
    "continued",
    "continue",
    "continues",
    "resumed",
    "resume",
    "waged",
    "wage",
    "backed",
    "supported",
    "launch",
    "conduct",
    "mount",
];

/// Words before a present-tense verb that mark a habit, not an act.
const HABITUAL_BEFORE: [&str; 9] = [
    "they",
    "often",
    "usually",
    "regularly",
    "frequently",
    "routinely",
    "sometimes",
    "typically",
    "repeatedly",
];

/// Whether a past participle modifies the noun after it ("two wounded soldiers",
/// "more captured troops"): preceded by a number or determiner and followed by an
/// actor or a noun rather than by a verb phrase or preposition.
fn attributive(text: &str, sentence: Span, trigger: Span, mentions: &[ActorMention]) -> bool {
    let Some(prev) = word_before(text, trigger.start, sentence.start) else {
        return false;
    };
    let prev = prev.slice(text).to_ascii_lowercase();
    let determiner =
        prev.chars().all(|c| c.is_ascii_digit()) || ATTRIBUTIVE_BEFORE.contains(&prev.as_str());
    let rest = text[trigger.end..sentence.end].trim_start();
    let next_is_actor = mentions
        .iter()
        .any(|m| m.span.start >= trigger.end && text[trigger.end..m.span.start].trim().is_empty());
    determiner
        && (next_is_actor
            || rest.starts_with(|c: char| c.is_alphabetic())
                && !FOLLOWS_PREDICATE.iter().any(|w| first_word_is(rest, w)))
}

/// Whether a participle is used as a noun for people ("the injured were treated",
/// "the dead included a child"): it names victims already reported.
fn nominalised(text: &str, sentence: Span, trigger: Span) -> bool {
    let after_the = word_before(text, trigger.start, sentence.start)
        .is_some_and(|w| w.slice(text).eq_ignore_ascii_case("the"));
    let rest = text[trigger.end..sentence.end].trim_start();
    after_the
        && ["were", "was", "are", "is", "included", "include"]
            .iter()
            .any(|w| first_word_is(rest, w))
}

fn first_word_is(rest: &str, word: &str) -> bool {
    rest.len() >= word.len()
        && rest[..word.len()].eq_ignore_ascii_case(word)
        && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Words before a participle that make it an adjective ("the wounded soldiers").
const ATTRIBUTIVE_BEFORE: [&str; 14] = [
    "the", "a", "an", "two", "three", "more", "many", "several", "some", "other", "all", "its",
    "their", "his",
];

/// Words after a participle that show it is a verb, not an adjective
/// ("39 injured were treated", "the town captured by rebels").
const FOLLOWS_PREDICATE: [&str; 24] = [
    "were", "was", "are", "is", "by", "in", "at", "on", "and", "during", "when", "after", "near",
    "while", "as", "from", "to", "for", "against", "over", "with", "outside", "inside", "since",
];

/// Whether the trigger is introduced by "the"/"this"/"that": it likely refers
/// back to an event already reported.
fn is_definite(text: &str, sentence: Span, trigger: Span) -> bool {
    sitrep_text::words::word_before(text, trigger.start, sentence.start).is_some_and(|w| {
        matches!(
            w.slice(text).to_ascii_lowercase().as_str(),
            "the" | "this" | "that" | "these"
        )
    })
}

/// Words before a definite event noun that set another event against it ("after
/// the attack", "in retaliation for the raid", "protests over the killing").
const SET_AGAINST: [&str; 11] = [
    "after",
    "before",
    "since",
    "following",
    "than",
    "like",
    "for",
    "over",
    "against",
    "to",
    "until",
];

/// Whether a word of [`SET_AGAINST`] stands right before the determiner of `trigger`.
fn set_against(text: &str, sentence: Span, trigger: Span) -> bool {
    let Some(det) = sitrep_text::words::word_before(text, trigger.start, sentence.start) else {
        return false;
    };
    sitrep_text::words::word_before(text, det.start, sentence.start)
        .is_some_and(|w| SET_AGAINST.contains(&w.slice(text).to_ascii_lowercase().as_str()))
}

/// Whether a weekday's possessive stands right before the trigger ("Sunday's
/// attack"): the trigger names an incident of the last few days, told before.
fn weekday_possessive(text: &str, sentence: Span, trigger: Span) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    sitrep_text::words::word_before(text, trigger.start, sentence.start).is_some_and(|w| {
        let word = w.slice(text).to_ascii_lowercase();
        let stem = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or_default();
        WEEKDAYS.contains(&stem)
    })
}

/// Whether the word right before a present-form verb ends an actor mention in the
/// plural ("armed gangs raid villages", "the rebels shell the town"): in a body
/// sentence of a report (not its first, which may be a headline), a subject in the
/// plural with a verb in the present tells a habit, not an incident.
fn plural_subject_before(
    text: &str,
    sentence: Span,
    trigger: Span,
    mentions: &[ActorMention],
) -> bool {
    sitrep_text::words::word_before(text, trigger.start, sentence.start).is_some_and(|w| {
        let word = w.slice(text);
        word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && text[w.end..trigger.start].trim().is_empty()
            && mentions.iter().any(|m| m.span.end == w.end)
    })
}

/// Whether a sentence ends with closing punctuation (a body sentence, not a
/// headline or a title).
fn closed(body: &str) -> bool {
    body.trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?'])
}

/// Whether a verb's first word is the same in the present and the past ("beat",
/// "set fire", "hit"): its tense cannot be told from its form.
fn same_past(trigger: &str) -> bool {
    const SAME: [&str; 14] = [
        "beat", "set", "hit", "cut", "put", "shut", "burst", "cast", "hurt", "spread", "let",
        "shed", "split", "upset",
    ];
    let first = trigger.split_whitespace().next().unwrap_or_default();
    SAME.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// Whether a verb starting at `start` is coordinated with the verb that ends at
/// `end`: only a few words, a comma or "and" between, no sentence or clause end.
fn coordinated(text: &str, end: usize, start: usize) -> bool {
    let between = &text[end..start];
    let joined = between.contains(',') || between.split_whitespace().any(|w| w == "and");
    joined && !between.contains([';', '.', ':']) && between.split_whitespace().count() <= 8
}

/// Whether a noun trigger is in the plural ("attacks", "clashes"): it names
/// several incidents.
fn plural_noun(text: &str, pos: Pos, trigger: Span) -> bool {
    let word = trigger.slice(text).to_ascii_lowercase();
    pos == Pos::Noun && word.ends_with('s') && !word.ends_with("ss")
}

const STATE_KINDS: [&str; 3] = ["military", "police", "government"];

/// Kinds of people who are taken, not places: a territorial verb with one of them
/// as object ("captured 30 migrants") reports no change of territory.
const PEOPLE_KINDS: [&str; 4] = ["civilians", "protesters", "rioters", "political_party"];

/// Remote weapons that become an armed clash when ground fighting goes with them
/// (air strikes in support of ground fighting are part of the battle).
const BATTLE_WEAPONS: [&str; 4] = [
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Grenade",
    "Remote explosive/landmine/IED",
];

/// Words before a battle cue that put the fighting before the event ("a mine left
/// from previous clashes", "following the clashes").
const EARLIER: [&str; 6] = ["previous", "earlier", "past", "following", "after", "from"];

/// Whether an `EARLIER` word stands right before a battle cue at `at`, or before
/// the determiner that opens it ("following the clashes", "after the exchange of
/// fire").
fn earlier_fighting(text: &str, at: usize) -> bool {
    frames::word_back_across(
        text,
        at,
        0,
        2,
        |_, word| EARLIER.contains(&word),
        |word| DETERMINERS.contains(&word),
    )
}

/// Determiners and possessives that open a noun phrase ("the killing", "a fight").
const DETERMINERS: [&str; 9] = [
    "the", "a", "an", "this", "that", "their", "his", "her", "its",
];

/// Whether one of the three words before a trigger opens a noun phrase or a
/// prepositional phrase ("took part in the protests", "for the march"), so that
/// the trigger names an event rather than reports it.
fn noun_phrase_before(text: &str, sentence: Span, trigger: Span) -> bool {
    one_of_three_words_before(text, sentence, trigger, |word| {
        DETERMINERS.contains(&word) || ["in", "for", "of", "over"].contains(&word)
    })
}

/// Whether one of the three words before `trigger` (within its sentence, lower-cased)
/// satisfies `wanted`.
fn one_of_three_words_before(
    text: &str,
    sentence: Span,
    trigger: Span,
    wanted: impl Fn(&str) -> bool,
) -> bool {
    frames::word_back_across(
        text,
        trigger.start,
        sentence.start,
        3,
        |_, word| wanted(word),
        |_| true,
    )
}

/// Whether a trigger pattern is an acronym written in capitals ("IED", "UAV").
fn acronym(pattern: &str) -> bool {
    pattern
        .split('|')
        .any(|p| p.chars().any(char::is_alphabetic) && !p.chars().any(char::is_lowercase))
}

/// Whether a pattern is written with a capital ("Molotov cocktail", "Katyusha"):
/// a word named after someone, capitalised wherever it stands.
fn named_after(pattern: &str) -> bool {
    pattern
        .split('|')
        .any(|p| p.chars().next().is_some_and(char::is_uppercase))
}

fn sub_event(name: &str) -> AcledType {
    AcledType::from_sub_event(name).unwrap_or(AcledType(0))
}

/// First words by which a sentence refers back to the people of the one before
/// ("Some of them", "They", "The protesters") rather than to people of its own.
const BACK_REFERENCES: [&str; 12] = [
    "they",
    "some",
    "several",
    "many",
    "others",
    "most",
    "these",
    "those",
    "the",
    "protesters",
    "demonstrators",
    "participants",
];

/// What a note's crowd tag (`[size=…]`, [`note_tag`]) says of its events: the note
/// reports a crowd, so violence or destruction by nobody named, by an unnamed group
/// ("a group of assailants", "around 20 individuals") or by a crowd of civilians is
/// mob violence; the event the tag gave a first sentence with none of its own
/// (`tag_event`) goes when another sentence reports one.
fn crowd_violence(tag: &NoteHeader, out: &mut Vec<Candidate>, tag_event: &mut Option<usize>) {
    if let Some(i) = *tag_event {
        if out
            .iter()
            .enumerate()
            .any(|(j, c)| j != i && c.acled.is_some())
        {
            out.remove(i);
            *tag_event = None;
        }
    }
    if tag.acled.event_type() != "Protests" {
        return;
    }
    for c in out.iter_mut() {
        let Some(sub) = c.acled else { continue };
        if !CROWD_RETYPED.contains(&sub.sub_event_type()) {
            continue;
        }
        let unnamed = c.actor1.as_ref().is_none_or(|m| {
            let kind = m.actor.kind.as_deref().unwrap_or_default();
            !matches!(m.origin, ActorOrigin::Group(_))
                && (kind.is_empty() || kind == "militia" || COMMUNAL_KINDS.contains(&kind))
        });
        if unnamed {
            c.acled = Some(sub_event("Mob violence"));
        }
    }
}

/// Sub-event types a crowd tag turns into mob violence when nobody named did them.
const CROWD_RETYPED: [&str; 3] = ["Attack", "Armed clash", "Looting/property destruction"];

/// Whether a passive auxiliary ("was", "were", "been", "being", "got") stands right
/// before byte `at`, or before one adverb in -ly ("were reportedly slashed").
fn passive_before(text: &str, at: usize) -> bool {
    let mut words = text[..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let auxiliary = |w: &str| {
        ["was", "were", "been", "being", "got"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    };
    match words.next() {
        Some(w) if auxiliary(w) => true,
        Some(w) if w.len() > 4 && w.ends_with("ly") => words.next().is_some_and(auxiliary),
        _ => false,
    }
}

/// Kinds that carry arms as organisations.
const ARMED_KINDS: [&str; 5] = ["military", "police", "rebels", "militia", "external"];

/// The armed kinds that fight as sides in a conflict: [`ARMED_KINDS`] but the police.
pub(crate) fn fighting_kind(kind: &str) -> bool {
    kind != "police" && ARMED_KINDS.contains(&kind)
}

/// Whether a mention names an armed organisation ([`ARMED_KINDS`]).
fn armed(m: &ActorMention) -> bool {
    m.actor
        .kind
        .as_deref()
        .is_some_and(|k| ARMED_KINDS.contains(&k))
}
/// Kinds that fight as crowds, not as armed organisations.
const COMMUNAL_KINDS: [&str; 3] = ["civilians", "political_party", "rioters"];

/// Attack, armed clash, mob violence, violent demonstration or excessive force,
/// from the kinds of the two actors (ACLED's definitions: an attack targets
/// unarmed people; a clash is between armed organisations; crowds commit mob
/// violence, demonstrators violent demonstrations).
fn resolve_violence(actor1: &str, actor2: &str, crowd1: bool, victims_civilian: bool) -> AcledType {
    let state = STATE_KINDS.contains(&actor1);
    if actor2 == "protesters" && (state || actor1.is_empty()) {
        return sub_event("Excessive force against protesters");
    }
    if actor1 == "protesters" {
        return sub_event("Violent demonstration");
    }
    // A crowd's violence is mob violence; one person's ("a man stabbed …") an attack.
    if COMMUNAL_KINDS.contains(&actor1) {
        return sub_event(if crowd1 || actor1 == "rioters" {
            "Mob violence"
        } else {
            "Attack"
        });
    }
    if ARMED_KINDS.contains(&actor2) {
        return sub_event("Armed clash");
    }
    if !actor2.is_empty() || victims_civilian || !state {
        return sub_event("Attack");
    }
    sub_event("Armed clash")
}

/// How many words a stretch of text holds outside brackets (the place details of
/// "at Kuru village (Jos South, Plateau) over the killing" do not part a protest
/// from its subject).
fn words_outside_brackets(stretch: &str) -> usize {
    let mut depth = 0usize;
    let mut outside = String::with_capacity(stretch.len());
    for c in stretch.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside.split_whitespace().count()
}

/// Whether a stretch of a sentence opens a new clause: a semicolon, a comma, or a
/// conjunction ("against the bill, and police fired tear gas").
fn clause_break(stretch: &str) -> bool {
    stretch.contains([';', ','])
        || stretch.split_whitespace().any(|w| {
            ["and", "but", "when", "before", "until", "then", "as"]
                .contains(&w.to_ascii_lowercase().as_str())
        })
}

/// Reflexive pronouns: the object of harm people do to themselves.
const REFLEXIVES: [&str; 4] = ["himself", "herself", "themselves", "oneself"];

/// Whether a trigger pattern itself names a reflexive object ("blew himself up").
fn names_reflexive(pattern: &str) -> bool {
    pattern
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| REFLEXIVES.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether a trigger's object is a reflexive pronoun, inside its gap or right after
/// it ("set himself on fire", "shot herself").
fn reflexive_object(text: &str, sentence: Span, trigger: Span) -> bool {
    let after = &text[trigger.end..sentence.end.max(trigger.end)];
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    trigger
        .slice(text)
        .split(|c: char| !c.is_alphanumeric())
        .chain(next)
        .any(|w| REFLEXIVES.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether a protest trigger names the setting of another event: one of the three
/// words before it is "during", "amid", "at" or "in" ("during a student rally").
fn in_setting(text: &str, sentence: Span, trigger: Span) -> bool {
    one_of_three_words_before(text, sentence, trigger, |word| {
        ["during", "amid", "amidst", "at", "in"].contains(&word)
    })
}

/// Triggers that name an operation rather than harm done to a person: with an
/// arrest and no casualties, the operation is the arrest (a beating that ends in
/// an arrest stays an attack).
const OPERATIONS: [&str; 4] = ["raid", "storm", "swoop", "crackdown"];

/// Whether the sentence names police or soldiers other than the victim.
fn forces_named(mentions: &[ActorMention], victim: Option<&ActorMention>) -> bool {
    mentions.iter().any(|m| {
        victim.is_none_or(|v| v.span != m.span)
            && m.actor
                .kind
                .as_deref()
                .is_some_and(|k| k == "police" || k == "military")
    })
}

/// Whether an actor mention names one person ("a man", "the woman", "a student"),
/// not a crowd ("villagers", "a mob", "several men", "PTI supporters"): a singular
/// head word after an article.
fn names_one_person(text: &str, mention: &ActorMention) -> bool {
    let words: Vec<&str> = mention
        .span
        .slice(text)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(&first), Some(&head)) = (words.first(), words.last()) else {
        return false;
    };
    let head = head.to_lowercase();
    let plural =
        (head.ends_with('s') && !head.ends_with("ss")) || GROUP_NOUNS.contains(&head.as_str());
    let before = word_before(text, mention.span.start, 0).map(|w| w.slice(text));
    let article = [Some(first), before].into_iter().flatten().any(|w| {
        ONE_PERSON_ARTICLES
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    });
    article && !plural
}

/// Words before a singular noun that make it one person ("a man", "the suspect").
const ONE_PERSON_ARTICLES: [&str; 6] = ["a", "an", "one", "the", "another", "lone"];

/// Singular-looking head nouns that name several people.
const GROUP_NOUNS: [&str; 15] = [
    "men",
    "women",
    "people",
    "children",
    "folk",
    "crowd",
    "mob",
    "group",
    "youths",
    "gang",
    "family",
    "community",
    "clan",
    "tribe",
    "public",
];

/// Fighting between two sides: crowds make mob violence (or a violent
/// demonstration), armed organisations an armed clash.
fn resolve_clash(actor1: &str, actor2: &str) -> AcledType {
    let crowd = |k: &str| COMMUNAL_KINDS.contains(&k) || k == "protesters";
    // Demonstrators fighting another crowd (party supporters, residents) riot as mobs.
    if (actor1 == "protesters" && crowd(actor2)) || (actor2 == "protesters" && crowd(actor1)) {
        return sub_event("Mob violence");
    }
    if actor1 == "protesters" || actor2 == "protesters" && !STATE_KINDS.contains(&actor1) {
        return sub_event("Violent demonstration");
    }
    if crowd(actor1) || crowd(actor2) && !ARMED_KINDS.contains(&actor1) {
        return sub_event("Mob violence");
    }
    sub_event("Armed clash")
}

/// Stone-throwing and rioting: a violent demonstration when people protest,
/// mob violence otherwise.
fn resolve_riot(actor1: &str, protest: bool) -> AcledType {
    if protest || actor1 == "protesters" {
        sub_event("Violent demonstration")
    } else {
        sub_event("Mob violence")
    }
}

fn resolve_territory(actor1: &str) -> AcledType {
    if STATE_KINDS.contains(&actor1) {
        sub_event("Government regains territory")
    } else {
        sub_event("Non-state actor overtakes territory")
    }
}

fn resolve_protest(intervention: bool) -> AcledType {
    sub_event(if intervention {
        "Protest with intervention"
    } else {
        "Peaceful protest"
    })
}
