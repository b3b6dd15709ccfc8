//! Victims and their counts in one sentence: killed, injured, arrested, abducted,
//! displaced, and the other people humanitarian figures count.
//!
//! In: one sentence. Out: every casualty mention ([`mentions`]) and, per measure, the
//! one that counts for the sentence ([`casualties`]). A mention links a casualty word
//! (`lexicons/casualties/triggers.tsv`) to the people it counts:
//!
//! - active verbs count what follows ("killed 33 Turkish soldiers", "killing a teacher");
//! - passive verbs, headlines and intransitives count what precedes ("33 troops were
//!   killed", "33 killed in strike", "two soldiers died", "left 12 dead");
//! - nouns count what precedes or follows "of" ("33 deaths", "the deaths of 4 students",
//!   "claimed the lives of 7"); tolls count what follows ("the toll rose to 21");
//! - groups joined by "and" add up ("one civilian and six assailants" is 7), while
//!   "including …" names a subset and adds nothing;
//! - a singular person with no number is one ("a policeman was shot dead");
//! - "no one was hurt", "no casualties" are an explicit zero;
//! - denials, threats, plans, conditions and fears keep the count but are flagged.
//!
//! Counts of things never become victims: numbers come from [`crate::numbers`], which
//! sets apart years, durations, ages, money and "12 observation posts".

use std::sync::LazyLock;

use sitrep_lexicon::{tsv, LexiconError};
use sitrep_model::{Count, Span};

use crate::numbers::{self, Found, NumberKind, PhraseTable, TokenKind, Tokens};

/// What a mention counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// People killed.
    Killed,
    /// People injured.
    Injured,
    /// People arrested or detained.
    Arrested,
    /// People abducted, kidnapped or taken hostage.
    Abducted,
    /// "Casualties": killed or injured, the text does not say which.
    Casualties,
    /// People displaced from their homes.
    Displaced,
    /// Refugees and asylum seekers.
    Refugees,
    /// People in need of assistance.
    InNeed,
    /// People missing.
    Missing,
    /// People facing hunger.
    FoodInsecure,
    /// People who returned home.
    Returnees,
}

impl Measure {
    /// The measure's name in records ("killed", "in_need").
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Killed => "killed",
            Measure::Injured => "injured",
            Measure::Arrested => "arrested",
            Measure::Abducted => "abducted",
            Measure::Casualties => "casualties",
            Measure::Displaced => "displaced",
            Measure::Refugees => "refugees",
            Measure::InNeed => "in_need",
            Measure::Missing => "missing",
            Measure::FoodInsecure => "food_insecure",
            Measure::Returnees => "returnees",
        }
    }

    fn parse(name: &str) -> Option<Measure> {
        [
            Measure::Killed,
            Measure::Injured,
            Measure::Arrested,
            Measure::Abducted,
            Measure::Casualties,
            Measure::Displaced,
            Measure::Refugees,
            Measure::InNeed,
            Measure::Missing,
            Measure::FoodInsecure,
            Measure::Returnees,
        ]
        .into_iter()
        .find(|m| m.as_str() == name)
    }
}

/// One casualty word with the people it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// What is counted.
    pub measure: Measure,
    /// How many, as a range. {0, 0} is an explicit "no one"; {null, null} means people
    /// were counted but the text gives no number ("civilians were killed").
    pub count: Count,
    /// The words naming the people ("33 Turkish soldiers"); an empty span at the
    /// casualty word when they are only implied ("was killed").
    pub span: Span,
    /// The casualty word or phrase ("killed", "shot dead", "death toll").
    pub trigger: Span,
    /// The amount is vague ("dozens") or missing (a plural with no number).
    pub vague: bool,
    /// The sentence denies it ("denied killing", "were not hurt").
    pub negated: bool,
    /// Threatened, planned, conditional, feared or believed, not asserted.
    pub uncertain: bool,
    /// A running toll ("the death toll rose to 21"), not necessarily one incident's.
    pub cumulative: bool,
    /// ACLED's single number: the lowest count reported, the codebook's value for a
    /// vague amount, 3 for an unknown plural.
    pub acled: u32,
    /// Population group of the people counted ("military", "civilians"), when named.
    pub group: Option<&'static str>,
    /// The sentence names the victims but not who harmed them: a passive with no
    /// "by" ("two soldiers were killed"), an intransitive ("ten soldiers died") or a
    /// noun ("three deaths").
    pub agentless: bool,
    /// The deaths are what a protest or reprisal is about ("protested against the
    /// killing of two students"), not victims of the event the sentence reports.
    pub background: bool,
}

impl Mention {
    /// Whether the mention asserts what it reports (neither negated nor uncertain).
    pub fn asserted(&self) -> bool {
        !self.negated && !self.uncertain
    }
}

/// The casualty counts one sentence reports, one per measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Casualties {
    /// People killed.
    pub killed: Option<Mention>,
    /// People injured.
    pub injured: Option<Mention>,
    /// People arrested or detained.
    pub arrested: Option<Mention>,
    /// People abducted or kidnapped.
    pub abducted: Option<Mention>,
    /// People displaced.
    pub displaced: Option<Mention>,
    /// "Casualties" that may be dead or wounded.
    pub casualties: Option<Mention>,
    /// Every mention in the sentence, in order, including figure measures.
    pub mentions: Vec<Mention>,
}

/// The casualties `sentence` reports. Per measure, the asserted mentions add up
/// (tolls aside: "1 soldier died and 5 militants were killed" is 6; the span runs
/// from the first group to the last); with none asserted, the first mention is
/// kept with its flags. An explicit zero for
/// "casualties" or "hurt" ("no one was hurt") also sets killed to zero when
/// nothing else is said about deaths.
///
/// ```
/// use sitrep_extract::casualties::casualties;
/// let c = casualties("One civilian and six assailants were killed, and 4 police officers were wounded.");
/// assert_eq!(c.killed.unwrap().count.min, Some(7));
/// assert_eq!(c.injured.unwrap().count.max, Some(4));
/// ```
pub fn casualties(sentence: &str) -> Casualties {
    Casualties::from_mentions(mentions(sentence))
}

impl Casualties {
    /// Chooses the counts of one sentence from its mentions (see [`casualties`]).
    pub fn from_mentions(all: Vec<Mention>) -> Casualties {
        let pick = |measure: Measure| {
            let of = || all.iter().filter(|m| m.measure == measure);
            let counted = || {
                of().filter(|m| {
                    m.asserted()
                        && !m.cumulative
                        && !m.background
                        && m.count != Count::exact(0)
                        && (m.count.min.is_some() || m.count.max.is_some())
                })
            };
            let Some(first) = counted().next().copied() else {
                return of()
                    .find(|m| m.asserted() && !m.background)
                    .or(of().find(|m| !m.background))
                    .copied();
            };
            // Separate groups in one sentence add up ("1 soldier died and 5 militants
            // were killed").
            // The same number twice is one group restated ("3 were killed [3 fatalities]").
            let mut seen = vec![first.count];
            let rest: Vec<Mention> = counted()
                .skip(1)
                .filter(|m| {
                    let new = !seen.contains(&m.count);
                    seen.push(m.count);
                    new
                })
                .copied()
                .collect();
            Some(rest.into_iter().fold(first, |sum, m| Mention {
                count: if sum.count.min.is_none() && sum.count.max.is_none() {
                    m.count
                } else if m.count.min.is_none() && m.count.max.is_none() {
                    sum.count
                } else {
                    sum.count.plus(m.count)
                },
                span: Span::new(sum.span.start, m.span.end.max(sum.span.end)),
                vague: sum.vague || m.vague,
                acled: sum.acled.saturating_add(m.acled),
                group: if sum.group == m.group {
                    sum.group
                } else {
                    None
                },
                ..sum
            }))
        };
        let mut out = Casualties {
            killed: pick(Measure::Killed),
            injured: pick(Measure::Injured),
            arrested: pick(Measure::Arrested),
            abducted: pick(Measure::Abducted),
            displaced: pick(Measure::Displaced),
            casualties: pick(Measure::Casualties),
            mentions: Vec::new(),
        };
        let zero = |m: &Option<Mention>| m.filter(|m| m.count == Count::exact(0));
        if let Some(z) = zero(&out.casualties) {
            let as_measure = |measure| Some(Mention { measure, ..z });
            out.killed = out.killed.or(as_measure(Measure::Killed));
            out.injured = out.injured.or(as_measure(Measure::Injured));
        }
        if let Some(z) = zero(&out.injured) {
            out.killed = out.killed.or(Some(Mention {
                measure: Measure::Killed,
                ..z
            }));
        }
        out.mentions = all;
        out
    }
}

/// Every casualty mention in `sentence`, in the order of their casualty words.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    if !may_mention(sentence) {
        return Vec::new();
    }
    let tokens = Tokens::new(sentence);
    let Some(words) = casualty_words(&tokens) else {
        return Vec::new();
    };
    let nums = numbers::scan(&tokens);
    scan_mentions(&tokens, &nums, words)
}

/// Whether `sentence` holds every word of ASCII letters of some casualty phrase
/// with a measure, each as a whole run of letters: a raw-text scan that lets most
/// sentences skip tokenisation. A word token of letters only is such a run (no
/// token starts after a letter or ends before one), spelt as the phrase spells it
/// up to case, so a sentence turned away holds no casualty phrase
/// ([`casualty_words`] would find none). "dead" in "deadly" is no casualty word.
pub(crate) fn may_mention(sentence: &str) -> bool {
    let Some(prefilter) = LEXICON.prefilter.as_ref() else {
        return true;
    };
    // One bit per word of the prefilter: whether the sentence holds it.
    let mut present = vec![0u64; prefilter.phrases_from.len().div_ceil(64)];
    let bytes = sentence.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
        }
        if let Some(&index) = prefilter.words.get(&letters_hash(&bytes[start..at])) {
            present[index as usize / 64] |= 1 << (index % 64);
        }
    }
    let found = |index: u32| present[index as usize / 64] & (1 << (index % 64)) != 0;
    // The phrases whose first word the sentence holds: does it hold their others?
    for (block, &bits) in present.iter().enumerate() {
        let mut bits = bits;
        while bits != 0 {
            let first = block * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let phrases = &prefilter.phrases_from[first];
            if phrases.iter().any(|rest| rest.iter().all(|&w| found(w))) {
                return true;
            }
        }
    }
    false
}

/// Problems found in the bundled casualty lexicons (empty when they are well formed).
pub fn lexicon_problems() -> &'static [LexiconError] {
    &LEXICON.problems
}

// ---------------------------------------------------------------------------
// Lexicons

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Verb,
    Intrans,
    Noun,
    Toll,
    /// The people stand right before it, after a verb of forcing ("forced 40,000
    /// people to flee", "left 2,000 families homeless").
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Passive,
    Singular,
    Adverb,
    DetOne,
    Det,
    PronOne,
    PronMany,
    Zero,
    Conj,
    Include,
    Boundary,
    Forcing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Negated,
    Uncertain,
    Cause,
}

struct Lexicon {
    triggers: PhraseTable<(Option<Measure>, Frame)>,
    grammar: PhraseTable<Role>,
    /// Only the words that may stand between "no" and a casualty noun.
    zero_gap: PhraseTable<()>,
    modality: PhraseTable<Flag>,
    /// First words of grammar and trigger phrases, as bit flags.
    first_words: numbers::FastMap<String, u8>,
    /// Rules out sentences whose raw text lacks a word of every casualty phrase
    /// with a measure ([`may_mention`]); `None` lets every sentence through.
    prefilter: Option<Prefilter>,
    problems: Vec<LexiconError>,
}

/// The words of the casualty phrases with a measure, looked up in raw text.
struct Prefilter {
    /// The [`letters_hash`] of every word of ASCII letters of those phrases → the
    /// word's index.
    words: numbers::FastMap<u64, u32>,
    /// Per word: for each phrase whose first word (by index) it is, the indices of
    /// the phrase's other words.
    phrases_from: Vec<Vec<Box<[u32]>>>,
}

impl Prefilter {
    /// The prefilter of `phrases`, or `None` when one of them has no word of ASCII
    /// letters only: it could not rule out any sentence.
    fn new(phrases: &[&str]) -> Option<Prefilter> {
        let mut words = numbers::FastMap::default();
        let mut required: Vec<Vec<u32>> = Vec::with_capacity(phrases.len());
        for phrase in phrases {
            let mut own: Vec<u32> = phrase
                .split([' ', '-'])
                .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
                .map(|w| {
                    let next = words.len() as u32;
                    *words.entry(letters_hash(w.as_bytes())).or_insert(next)
                })
                .collect();
            own.sort_unstable();
            own.dedup();
            if own.is_empty() {
                return None;
            }
            required.push(own);
        }
        let mut phrases_from: Vec<Vec<Box<[u32]>>> = vec![Vec::new(); words.len()];
        for own in required {
            phrases_from[own[0] as usize].push(own[1..].into());
        }
        Some(Prefilter {
            words,
            phrases_from,
        })
    }
}

/// A hash of a run of ASCII letters, case folded.
fn letters_hash(letters: &[u8]) -> u64 {
    let hash = letters.iter().fold(0u64, |hash, &b| {
        (hash.rotate_left(5) ^ u64::from(b | 0x20)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    });
    hash ^ letters.len() as u64
}

const GRAMMAR_FIRST: u8 = 1;
const TRIGGER_FIRST: u8 = 2;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            triggers: PhraseTable::default(),
            grammar: PhraseTable::default(),
            zero_gap: PhraseTable::default(),
            modality: PhraseTable::default(),
            first_words: numbers::FastMap::default(),
            prefilter: None,
            problems: Vec::new(),
        };
        const TRIGGERS: &str = "lexicons/casualties/triggers.tsv";
        let mut measured: Vec<&str> = Vec::new();
        for row in tsv::rows(sitrep_text::lexicon!("casualties/triggers.tsv")) {
            let frame = match row.get(2) {
                "verb" => Frame::Verb,
                "intrans" => Frame::Intrans,
                "noun" => Frame::Noun,
                "toll" => Frame::Toll,
                "tail" => Frame::Tail,
                other => {
                    lex.problems.push(row.error(
                        TRIGGERS,
                        format!("unknown frame `{other}`: use verb, intrans, noun, toll or tail"),
                    ));
                    continue;
                }
            };
            let measure = if row.get(1) == "-" {
                None
            } else if let Some(m) = Measure::parse(row.get(1)) {
                Some(m)
            } else {
                lex.problems
                    .push(row.error(TRIGGERS, format!("unknown measure `{}`", row.get(1))));
                continue;
            };
            if measure.is_some() {
                measured.push(row.get(0));
            }
            if !lex.triggers.insert(row.get(0), (measure, frame)) {
                lex.problems
                    .push(row.error(TRIGGERS, "duplicate or empty phrase"));
            }
        }
        const GRAMMAR: &str = "lexicons/casualties/grammar.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("casualties/grammar.tsv")) {
            let role = match row.get(1) {
                "passive" => Role::Passive,
                "singular" => Role::Singular,
                "adverb" => Role::Adverb,
                "det_one" => Role::DetOne,
                "det" => Role::Det,
                "pron_one" => Role::PronOne,
                "pron_many" => Role::PronMany,
                "zero" => Role::Zero,
                "conj" => Role::Conj,
                "include" => Role::Include,
                "boundary" => Role::Boundary,
                "forcing" => Role::Forcing,
                "zero_gap" => {
                    lex.zero_gap.insert(row.get(0), ());
                    continue;
                }
                other => {
                    lex.problems
                        .push(row.error(GRAMMAR, format!("unknown role `{other}`")));
                    continue;
                }
            };
            if !lex.grammar.insert(row.get(0), role) {
                lex.problems
                    .push(row.error(GRAMMAR, "duplicate or empty word"));
            }
        }
        for w in lex.grammar.first_words() {
            *lex.first_words.entry(w).or_default() |= GRAMMAR_FIRST;
        }
        for w in lex.triggers.first_words() {
            *lex.first_words.entry(w).or_default() |= TRIGGER_FIRST;
        }
        lex.prefilter = Prefilter::new(&measured);
        const MODALITY: &str = "lexicons/casualties/modality.tsv";
        for row in tsv::rows(sitrep_text::lexicon!("casualties/modality.tsv")) {
            let flag = match row.get(1) {
                "negated" => Flag::Negated,
                "uncertain" => Flag::Uncertain,
                "cause" => Flag::Cause,
                other => {
                    lex.problems.push(row.error(
                        MODALITY,
                        format!("unknown flag `{other}`: use negated, uncertain or cause"),
                    ));
                    continue;
                }
            };
            if !lex.modality.insert(row.get(0), flag) {
                lex.problems
                    .push(row.error(MODALITY, "duplicate or empty phrase"));
            }
        }
        lex
    }
}

// ---------------------------------------------------------------------------
// Matching

/// People counted together: one item or several joined by "and".
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
    count: Count,
    acled: u32,
    vague: bool,
    known: bool,
    group: Option<&'static str>,
}

impl Group {
    fn join(self, other: Group) -> Group {
        let count = match (self.known, other.known) {
            (true, true) => self.count.plus(other.count),
            (true, false) => Count::range(self.count.min, None),
            (false, true) => Count::range(other.count.min, None),
            (false, false) => Count::default(),
        };
        Group {
            start: self.start,
            end: other.end,
            count,
            acled: self.acled.saturating_add(other.acled),
            vague: self.vague || other.vague,
            known: self.known || other.known,
            group: if self.group == other.group {
                self.group
            } else {
                None
            },
        }
    }
}

/// A trigger starting at a token: its end, measure (none for blocked phrases), frame.
type TriggerAt = (u32, Option<Measure>, Frame);

struct Matcher<'t, 'a> {
    t: &'t Tokens<'a>,
    /// Per token: the grammar phrase starting there.
    roles: Vec<Option<(u32, Role)>>,
    /// Per token: the casualty phrase starting there.
    triggers: Vec<Option<TriggerAt>>,
    /// Per token: what the word is to noun phrases.
    classes: Vec<numbers::WordClass>,
    nums: &'t [Found],
    /// For each token, the index of the number expression starting there.
    num_at: Vec<Option<u32>>,
    lex: &'static Lexicon,
}

/// Every mention in already tokenised text with its number expressions.
/// The casualty words of a tokenised sentence, read before its numbers.
pub(crate) struct CasualtyWords {
    /// Per token: whether grammar or trigger phrases start with its word
    /// ([`GRAMMAR_FIRST`], [`TRIGGER_FIRST`]).
    first: Vec<u8>,
    /// Per token: the casualty phrase starting there.
    triggers: Vec<Option<TriggerAt>>,
}

/// The casualty words of `t`, or `None` when no casualty phrase with a measure
/// starts at any token: mentions are read only at such phrases
/// ([`Matcher::run`]), so the sentence names no casualties and its numbers need
/// not be read.
pub(crate) fn casualty_words(t: &Tokens) -> Option<CasualtyWords> {
    let lex = &*LEXICON;
    let first: Vec<u8> = (0..t.len())
        .map(|i| lex.first_words.get(t.norm(i)).copied().unwrap_or(0))
        .collect();
    let triggers: Vec<Option<TriggerAt>> = first
        .iter()
        .enumerate()
        .map(|(i, &first)| {
            if first & TRIGGER_FIRST == 0 {
                return None;
            }
            lex.triggers
                .longest_at(t, i)
                .map(|(e, &(m, f))| (e as u32, m, f))
        })
        .collect();
    triggers
        .iter()
        .any(|at| matches!(at, Some((_, Some(_), _))))
        .then_some(CasualtyWords { first, triggers })
}

/// The casualty mentions of `t`, whose numbers are `nums` and casualty words `words`.
pub(crate) fn scan_mentions(t: &Tokens, nums: &[Found], words: CasualtyWords) -> Vec<Mention> {
    let mut num_at = vec![None; t.len() + 1];
    for (k, n) in nums.iter().enumerate() {
        if let Some(slot) = num_at.get_mut(n.first) {
            *slot = Some(k as u32);
        }
    }
    let lex = &*LEXICON;
    let n = t.len();
    let mut roles = Vec::with_capacity(n);
    let mut classes = Vec::with_capacity(n);
    for (i, first) in words.first.into_iter().enumerate() {
        roles.push(if first & GRAMMAR_FIRST != 0 {
            lex.grammar.longest_at(t, i).map(|(e, r)| (e as u32, *r))
        } else {
            None
        });
        classes.push(if t.kind(i) == Some(TokenKind::Word) {
            numbers::word_class(t.norm(i))
        } else {
            numbers::WordClass::default()
        });
    }
    let triggers = words.triggers;
    let m = Matcher {
        t,
        roles,
        triggers,
        classes,
        nums,
        num_at,
        lex,
    };
    m.run()
}

impl Matcher<'_, '_> {
    fn role(&self, i: usize) -> Option<(usize, Role)> {
        self.roles
            .get(i)
            .copied()
            .flatten()
            .map(|(e, r)| (e as usize, r))
    }

    fn trigger(&self, i: usize) -> Option<(usize, Option<Measure>, Frame)> {
        self.triggers
            .get(i)
            .copied()
            .flatten()
            .map(|(e, m, f)| (e as usize, m, f))
    }

    fn class(&self, i: usize) -> numbers::WordClass {
        self.classes.get(i).copied().unwrap_or_default()
    }

    fn function(&self, i: usize) -> bool {
        self.class(i).function
    }

    fn role_is(&self, i: usize, role: Role) -> bool {
        self.role(i).is_some_and(|(_, r)| r == role)
    }

    fn number(&self, i: usize) -> Option<&Found> {
        let k = (*self.num_at.get(i)?)?;
        self.nums.get(k as usize)
    }

    fn run(&self) -> Vec<Mention> {
        let t = self.t;
        let mut out = Vec::new();
        let mut floor = 0;
        let mut i = 0;
        while i < t.len() {
            let hyphenated = i > 0 && t.is_dash(i - 1) && t.glued(i);
            let Some((end, measure, frame)) = self.trigger(i) else {
                i += 1;
                continue;
            };
            let Some(mut measure) = measure.filter(|_| !hyphenated && t.is_word(i)) else {
                i = end;
                continue;
            };
            let region = self.region_start(i, floor);
            let found = self.attach(i, end, frame, region);
            let mut next_floor = end;
            if let Some((group, consumed)) = found {
                next_floor = next_floor.max(consumed);
                // "stabbed a trafficker to death", "beat him dead".
                let after = consumed.max(end);
                let fatal = (t.norm(after) == "to" && t.norm(after + 1) == "death")
                    || t.norm(after) == "dead";
                if measure == Measure::Injured && frame == Frame::Verb && fatal {
                    measure = Measure::Killed;
                }
                let (negated, uncertain) = self.modality(region, i);
                let background = frame == Frame::Noun && self.names_cause(i);
                let agentless = match frame {
                    Frame::Intrans | Frame::Noun => true,
                    Frame::Verb => group.end <= i && !self.agent_follows(end),
                    Frame::Toll | Frame::Tail => false,
                };
                out.push(Mention {
                    measure,
                    count: group.count,
                    span: t.span(group.start, group.end),
                    trigger: t.span(i, end),
                    vague: group.vague || !group.known,
                    negated,
                    uncertain,
                    cumulative: frame == Frame::Toll,
                    acled: if group.known { group.acled } else { 3 },
                    group: group.group,
                    agentless,
                    background,
                });
            }
            floor = next_floor;
            i = end;
        }
        out
    }

    /// Whether a passive's agent follows its verb ending at token `end` ("were
    /// killed by gunmen"), adverbs aside.
    fn agent_follows(&self, mut end: usize) -> bool {
        while self.role_is(end, Role::Adverb) {
            end += 1;
        }
        self.t.norm(end) == "by"
    }

    /// The first token of the clause the trigger at `i` is in, not before `floor`.
    fn region_start(&self, i: usize, floor: usize) -> usize {
        let mut k = i;
        while k > floor {
            if self.role_is(k - 1, Role::Boundary) {
                return k;
            }
            k -= 1;
        }
        floor
    }

    /// Finds the people a trigger counts; returns them and the end of what was consumed.
    fn attach(&self, i: usize, end: usize, frame: Frame, region: usize) -> Option<(Group, usize)> {
        // Inside a counted noun phrase: "2 million internally displaced people",
        // "12 civilian casualties", "3.6 million Syrian refugees".
        if let Some(g) = self.enclosing_count(i, region) {
            return Some((g, end.max(g.end)));
        }
        match frame {
            Frame::Verb => {
                if let Some((aux, singular)) = self.passive_aux(i, region) {
                    if let Some(g) = self.last_group(region, aux, true) {
                        return Some((g, end));
                    }
                    let implied = Group {
                        start: i,
                        end: i,
                        count: if singular {
                            Count::exact(1)
                        } else {
                            Count::default()
                        },
                        acled: 1,
                        vague: !singular,
                        known: singular,
                        group: None,
                    };
                    return Some((implied, end));
                }
                let mut after = end;
                if self.t.norm(after) == "of" && i > 0 && self.role_is(i - 1, Role::DetOne) {
                    after += 1;
                }
                if let Some(g) = self.group_from(after, true) {
                    return Some((g, g.end));
                }
                // "a man was shot nine times and killed": the passive carries over "and".
                let clause = self.region_start(i, 0);
                if let Some(aux) = self.coordinated_passive(i, clause) {
                    let singular = self.role_is(aux, Role::Singular);
                    if let Some(g) = self.last_group(clause, aux, true) {
                        return Some((g, end));
                    }
                    if singular {
                        return Some((self.implied_one(i), end));
                    }
                }
                // Headline style ("33 killed in strike"): only when no object follows.
                let no_object = end >= self.t.len()
                    || !self.t.is_word(end)
                    || (self.function(end)
                        && !matches!(self.role(end), Some((_, Role::DetOne | Role::Det))));
                if !no_object {
                    return None;
                }
                self.last_group(region, i, false).map(|g| (g, end))
            }
            Frame::Intrans => self.last_group(region, i, true).map(|g| (g, end)),
            Frame::Tail => self
                .last_group(region, i, false)
                .filter(|g| g.start > 0 && self.role_is(g.start - 1, Role::Forcing))
                .map(|g| (g, end)),
            Frame::Noun => {
                if let Some(g) = self.zero_before(i, region) {
                    return Some((g, end));
                }
                if let Some(g) = self.count_before_noun(i, region) {
                    return Some((g, end));
                }
                let mut after = end;
                if self.t.norm(after) == "of" {
                    after += 1;
                } else if !self.t.norm(end.saturating_sub(1)).ends_with("of") {
                    return None;
                }
                self.group_from(after, true).map(|g| (g, g.end))
            }
            Frame::Toll => {
                if let Some(g) = self.zero_before(i, region) {
                    return Some((g, end));
                }
                (end..(end + 8).min(self.t.len()))
                    .take_while(|&k| !self.role_is(k, Role::Boundary) && self.t.norm(k) != ",")
                    .find_map(|k| {
                        let n = self.number(k)?;
                        (n.found.kind == NumberKind::Count).then(|| self.group_of(n))
                    })
                    .map(|g| (g, g.end))
            }
        }
    }

    /// The auxiliary of a passive that a verb after "and" shares ("were ambushed and
    /// killed"): the nearest "be" form before the "and", within the clause.
    fn coordinated_passive(&self, i: usize, region: usize) -> Option<usize> {
        let mut k = i;
        while k > region && self.role_is(k - 1, Role::Adverb) {
            k -= 1;
        }
        if k <= region || !matches!(self.t.norm(k - 1), "and" | "then") {
            return None;
        }
        (region..k - 1)
            .rev()
            .take(20)
            .find(|&a| matches!(self.role(a), Some((_, Role::Passive | Role::Singular))))
    }

    fn implied_one(&self, i: usize) -> Group {
        Group {
            start: i,
            end: i,
            count: Count::exact(1),
            acled: 1,
            vague: false,
            known: true,
            group: None,
        }
    }

    /// Words that may follow a counted person before "and" continues the list: a
    /// parenthesis ("(VDP)"), a quoted title, an "of" phrase ("a leader of Pyu Saw
    /// Htee"), or a name ("1 Mayi Mayi FPP/AP").
    fn skip_trailer(&self, start: usize) -> usize {
        let t = self.t;
        let mut p = start;
        for _ in 0..3 {
            let w = t.norm(p);
            let before = p;
            if matches!(w, "(" | "[") {
                if let Some(close) =
                    (p + 1..(p + 12).min(t.len())).find(|&k| matches!(t.norm(k), ")" | "]"))
                {
                    p = close + 1;
                }
            } else if matches!(w, "'" | "\"" | "\u{2018}" | "\u{201c}") {
                if let Some(close) = (p + 1..(p + 7).min(t.len()))
                    .find(|&k| matches!(t.norm(k), "'" | "\"" | "\u{201d}"))
                {
                    p = close + 1;
                }
            } else if w == "of" {
                let mut k = p + 1;
                if matches!(t.norm(k), "the" | "his" | "her" | "their" | "its") {
                    k += 1;
                }
                let from = k;
                while k < t.len() && k - from < 5 && t.is_word(k) && !self.function(k) {
                    k += 1;
                }
                if k > from {
                    p = k;
                }
            } else {
                while p < t.len() && p - before < 6 {
                    let name = t.is_word(p) && t.capitalised(p) && !self.function(p);
                    let joiner = matches!(t.norm(p), "/" | "-") && t.glued(p) && t.glued(p + 1);
                    if !(name || joiner) {
                        break;
                    }
                    p += 1;
                }
            }
            if p == before {
                break;
            }
        }
        p
    }

    /// A "be"/"get" auxiliary just before token `i` (adverbs skipped): its index and
    /// whether it is singular ("was", "is", "has been").
    fn passive_aux(&self, i: usize, region: usize) -> Option<(usize, bool)> {
        let mut k = i;
        while k > region {
            k -= 1;
            match self.role(k).map(|(_, r)| r) {
                Some(Role::Adverb) => continue,
                Some(Role::Singular) => return Some((k, true)),
                Some(Role::Passive) => {
                    let singular = self.t.norm(k) == "been" && k > 0 && self.t.norm(k - 1) == "has";
                    let start = if self.t.norm(k) == "been"
                        && k > region
                        && matches!(self.t.norm(k - 1), "has" | "have" | "had")
                    {
                        k - 1
                    } else {
                        k
                    };
                    return Some((start, singular));
                }
                _ => return None,
            }
        }
        None
    }

    /// A counted noun phrase whose words include token `i`.
    fn enclosing_count(&self, i: usize, region: usize) -> Option<Group> {
        self.nums
            .iter()
            .filter(|n| n.first >= region && n.end <= i && i < n.noun_end)
            .rfind(|n| n.found.kind == NumberKind::Count)
            .map(|n| self.group_of(n))
    }

    /// "33 deaths", "12 Palestinian deaths": a number just before a casualty noun.
    fn count_before_noun(&self, i: usize, region: usize) -> Option<Group> {
        let n = self
            .nums
            .iter()
            .rfind(|n| n.first >= region && n.end <= i)?;
        if n.found.kind != NumberKind::Count {
            return None;
        }
        let between = (n.end..i).all(|k| {
            (self.t.is_word(k) && !self.function(k)) || (self.t.is_dash(k) && self.t.glued(k))
        });
        (between && i - n.end <= 3).then(|| self.group_of(n))
    }

    /// "no casualties", "no immediate reports of injuries", "without casualties".
    fn zero_before(&self, i: usize, region: usize) -> Option<Group> {
        let mut k = i;
        let mut gap = 0;
        while k > region && gap <= 4 {
            k -= 1;
            if self.role_is(k, Role::Zero) {
                return Some(self.zero(k, i));
            }
            if self.lex.zero_gap.has_word(self.t.norm(k)) {
                gap += 1;
                continue;
            }
            return None;
        }
        None
    }

    fn zero(&self, start: usize, end: usize) -> Group {
        Group {
            start,
            end,
            count: Count::exact(0),
            acled: 0,
            vague: false,
            known: true,
            group: None,
        }
    }

    fn group_of(&self, n: &Found) -> Group {
        Group {
            start: n.first,
            end: n.noun_end,
            count: n.found.count,
            acled: n.found.acled,
            vague: n.found.vague,
            known: true,
            group: n.found.group,
        }
    }

    /// The last group of people in `region..until`, skipping subsets introduced by
    /// "including". With `gap` false the group must end right before `until`
    /// (adverbs aside), as in headlines ("33 killed in strike").
    fn last_group(&self, region: usize, until: usize, gap: bool) -> Option<Group> {
        let mut last = None;
        let mut k = region;
        while k < until {
            if matches!(self.t.norm(k), "(" | "[") {
                k = (k + 1..until)
                    .find(|&c| matches!(self.t.norm(c), ")" | "]"))
                    .map_or(until, |c| c + 1);
                continue;
            }
            if let Some((end, Role::Include)) = self.role(k) {
                k = end;
                while k < until && self.t.norm(k) != "," {
                    k += 1;
                }
                continue;
            }
            // "members of one family", "three of the five soldiers": a complement.
            let complement =
                last.is_some() && k > 0 && matches!(self.t.norm(k - 1), "of" | "the") && {
                    let of = if self.t.norm(k - 1) == "the" {
                        k.saturating_sub(2)
                    } else {
                        k - 1
                    };
                    self.t.norm(of) == "of"
                };
            match self.group_at(k) {
                Some(g) if complement => k = g.end.max(k + 1),
                Some(g) if g.end <= until => {
                    last = Some(g);
                    k = g.end.max(k + 1);
                }
                _ => k += 1,
            }
        }
        let g = last?;
        if gap {
            return Some(g);
        }
        let adjacent = (g.end..until).all(|k| self.role_is(k, Role::Adverb));
        adjacent.then_some(g)
    }

    /// People joined by "and" or commas starting at token `k`.
    fn group_at(&self, k: usize) -> Option<Group> {
        self.group_from(k, false)
    }

    /// Like [`Self::group_at`]; with `object` set, stops before a group that is the
    /// subject of a new clause ("killed 5 soldiers and 3 policemen were wounded").
    fn group_from(&self, k: usize, object: bool) -> Option<Group> {
        let mut g = self.item_at(k)?;
        loop {
            let pos = self.list_continues(g.end);
            let (next, comma_only) = if self.t.norm(pos) == "," {
                match self.role(pos + 1) {
                    Some((e, Role::Conj)) => (e, false),
                    _ => (pos + 1, true),
                }
            } else {
                match self.role(pos) {
                    Some((e, Role::Conj)) => (e, false),
                    _ => break,
                }
            };
            let Some(item) = self.item_at(next) else {
                break;
            };
            if comma_only {
                // "The victims, both soldiers, …", "Two people, a man and a woman, …":
                // an apposition restates; a list after a comma goes on.
                let Some(rest) = self.group_from(next, object) else {
                    break;
                };
                let after = self.list_continues(rest.end);
                let continues =
                    self.t.norm(after) == "," || self.role_is(after, Role::Conj) || !object;
                if !continues && self.t.norm(after) != "," {
                    break;
                }
                // Equal counts restate when the aside closes with a comma or the
                // first group is generic ("two people, a man and a woman").
                let generic = matches!(g.group, None | Some("people"));
                let restates = g.count == rest.count && (self.t.norm(after) == "," || generic);
                g = if g.known && rest.known && restates {
                    Group { end: rest.end, ..g }
                } else if !g.known && rest.known {
                    Group {
                        start: g.start,
                        ..rest
                    }
                } else {
                    g.join(rest)
                };
                break;
            }
            let after = self.list_continues(item.end);
            let continues = self.t.norm(after) == "," || self.role_is(after, Role::Conj);
            if comma_only && !continues {
                break;
            }
            // "killed 5 soldiers and 3 policemen were wounded": a new subject.
            let mut next_word = item.end;
            while self.role_is(next_word, Role::Adverb) {
                next_word += 1;
            }
            if object
                && (matches!(
                    self.role(next_word),
                    Some((_, Role::Passive | Role::Singular))
                ) || self.trigger(next_word).is_some())
            {
                break;
            }
            g = g.join(item);
        }
        Some(g)
    }

    /// Where a list goes on after a counted person ending at `end`: past a trailer
    /// when a comma or "and" follows it, else `end`.
    fn list_continues(&self, end: usize) -> usize {
        let skipped = self.skip_trailer(end);
        if skipped != end && (self.t.norm(skipped) == "," || self.role_is(skipped, Role::Conj)) {
            skipped
        } else {
            end
        }
    }

    /// One counted mention of people at token `k`.
    fn item_at(&self, k: usize) -> Option<Group> {
        if let Some(n) = self.number(k) {
            return (n.found.kind == NumberKind::Count && (n.people || n.found.noun.is_none()))
                .then(|| self.group_of(n));
        }
        if k < self.t.len() && self.t.kind(k) == Some(TokenKind::Num) {
            return None;
        }
        let role = self.role(k);
        let unknown = |start, end, group| Group {
            start,
            end,
            count: Count::default(),
            acled: 3,
            vague: true,
            known: false,
            group,
        };
        let one = |start, end, group| Group {
            start,
            end,
            count: Count::exact(1),
            acled: 1,
            vague: false,
            known: true,
            group,
        };
        match role {
            Some((end, Role::Zero)) => {
                if end == k + 1 && matches!(self.t.norm(k), "no" | "without") {
                    // "no soldiers were hurt": a zero only before people.
                    let (head, _) = self.person_after(end)?;
                    return Some(self.zero(k, head + 1));
                }
                Some(self.zero(k, end))
            }
            Some((end, Role::PronOne)) => Some(one(k, end, None)),
            Some((end, Role::PronMany)) => Some(unknown(k, end, None)),
            Some((end, Role::DetOne | Role::Det)) => {
                let (head, person) = self.person_after(end)?;
                let det_one = role.is_some_and(|(_, r)| r == Role::DetOne);
                let article = matches!(self.t.norm(k), "a" | "an" | "another");
                if (person.singular && det_one) || article {
                    Some(one(k, head + 1, Some(person.group)))
                } else if person.singular {
                    None
                } else {
                    Some(unknown(k, head + 1, Some(person.group)))
                }
            }
            _ => {
                let (head, person) = self.person_after(k)?;
                if person.singular {
                    // A bare singular: headline style ("killed policeman") or a title
                    // before a name ("killed commander Yusuf al Awni").
                    let titled = self.t.capitalised(head + 1) && self.t.is_word(head + 1);
                    (head == k || titled).then(|| one(k, head + 1, Some(person.group)))
                } else {
                    Some(unknown(k, head + 1, Some(person.group)))
                }
            }
        }
    }

    /// The head of a noun phrase for people starting at token `k`: up to four
    /// modifiers ("Turkish", "12-year-old", "off-duty") before the person noun.
    fn person_after(&self, mut k: usize) -> Option<(usize, numbers::Person)> {
        let t = self.t;
        let mut seen = 0;
        let mut head = None;
        while k < t.len() && seen < 6 {
            if t.is_dash(k) && t.glued(k) {
                k += 1;
                continue;
            }
            if t.kind(k) == Some(TokenKind::Num) && t.is_dash(k + 1) && t.glued(k + 1) {
                k += 1;
                seen += 1;
                continue;
            }
            if !t.is_word(k)
                || self
                    .number(k)
                    .is_some_and(|n| n.found.kind != NumberKind::Age)
            {
                break;
            }
            let class = self.class(k);
            if class.function || self.trigger(k).is_some() && class.person.is_none() {
                break;
            }
            if let Some(p) = class.person {
                head = Some((k, p));
                let next = if t.is_dash(k + 1) && t.glued(k + 1) {
                    k + 2
                } else {
                    k + 1
                };
                let c = self.class(next);
                if !(t.is_word(next) && (c.person.is_some() || c.thing)) {
                    break;
                }
            } else if class.thing {
                // "village chief" goes on; "police station" ends on a thing.
                head = None;
            }
            seen += 1;
            k += 1;
        }
        head
    }

    /// Whether the casualty noun at `i` names what a protest, a grievance or a
    /// reprisal is about ("protested against the killing of two students",
    /// "following the 24 June death of a man"): a cause phrase among the five
    /// words before it, no punctuation between.
    fn names_cause(&self, i: usize) -> bool {
        let t = self.t;
        let mut k = i;
        while k > 0 && i - k < 5 {
            k -= 1;
            if t.kind(k) == Some(TokenKind::Punct) && !self.t.is_dash(k) {
                return false;
            }
            if let Some((end, Flag::Cause)) = self.lex.modality.longest_at(t, k) {
                if end <= i {
                    return true;
                }
            }
        }
        false
    }

    /// Negation and uncertainty in the few words before the trigger at `i`.
    fn modality(&self, region: usize, i: usize) -> (bool, bool) {
        let mut negated = false;
        let mut uncertain = false;
        let mut k = i.saturating_sub(6).max(region);
        while k < i {
            match self.lex.modality.longest_at(self.t, k) {
                Some((end, flag)) if end <= i => {
                    let month = self.t.raw(k) == "May" && k > 0;
                    if !month {
                        match flag {
                            Flag::Negated => negated = true,
                            Flag::Uncertain => uncertain = true,
                            Flag::Cause => {}
                        }
                    }
                    k = end;
                }
                _ => k += 1,
            }
        }
        (negated, uncertain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_wants_whole_words() {
        let cases = [
            ("A deadly storm swept the coast.", false),
            ("Fighting spread and people stayed indoors.", false),
            ("Thousands fled their homes.", true),
            ("Thousands FLED  their\nhomes.", true),
            ("The deadline passed quietly.", false),
            ("Officials needed more time.", false),
            ("Two people were found dead.", true),
            ("Two were found DEAD on Monday.", true),
            ("Three killed, five hurt.", true),
            ("5killed in the raid", true),
            ("killed5 in the raid", true),
            ("_killed in the raid", true),
            ("killed_ in the raid", true),
        ];
        for (sentence, expected) in cases {
            assert_eq!(may_mention(sentence), expected, "{sentence:?}");
        }
    }

    #[test]
    fn prefilter_passes_every_sentence_with_casualty_words() {
        // Sentences the prefilter turns away must hold no casualty phrase with a
        // measure: it may only save work, never change a reading.
        let pieces = [
            "killed",
            "Killed",
            "KILLED",
            "dead",
            "deadly",
            "wounded",
            "shot",
            "lives",
            "their",
            "lost",
            "in",
            "need",
            "fled",
            "homes",
            "the",
            "a",
            "5",
            "12,000",
            " ",
            "  ",
            "-",
            "_",
            ".",
            ",",
            "'",
            "\u{2019}",
            "s",
            "x",
            "é",
            "U.N.",
            "toll",
            "death",
            "(",
            "\u{201c}",
            "\n",
            "fighting",
            "violence",
            "homes",
            "driven",
            "from",
            "humanitarian",
            "assistance",
            "people",
            "have",
            "been",
            "displaced",
            "Fled",
            "KILLED",
            "shot dead",
            "\u{2018}",
        ];
        let mut draws = sitrep_text::draws::Draws::new(13);
        let mut rejected = 0;
        for _ in 0..20_000 {
            let text = draws.text(&pieces, 12);
            if may_mention(&text) {
                continue;
            }
            rejected += 1;
            let tokens = Tokens::new(&text);
            assert!(casualty_words(&tokens).is_none(), "{text:?}");
        }
        assert!(rejected > 1_000, "only {rejected} texts turned away");
    }

    /// Checks the mention of `measure` chosen for `sentence`: count and flags.
    /// `expected` is `None` when the sentence must report no such casualties.
    fn check(
        sentence: &str,
        measure: Measure,
        expected: Option<(Option<u32>, Option<u32>)>,
        flags: &str,
    ) {
        let c = casualties(sentence);
        let found = match measure {
            Measure::Killed => c.killed,
            Measure::Injured => c.injured,
            Measure::Arrested => c.arrested,
            Measure::Abducted => c.abducted,
            Measure::Displaced => c.displaced,
            Measure::Casualties => c.casualties,
            other => c.mentions.iter().find(|m| m.measure == other).copied(),
        };
        let got = found.map(|m| (m.count.min, m.count.max));
        assert_eq!(
            got, expected,
            "{measure:?} in {sentence:?}; mentions {:?}",
            c.mentions
        );
        if let Some(m) = found {
            let got_flags = format!(
                "{}{}",
                if m.negated { "negated" } else { "" },
                if m.uncertain { "uncertain" } else { "" }
            );
            assert_eq!(got_flags, flags, "flags of {measure:?} in {sentence:?}");
            assert!(m.span.end <= sentence.len() && m.trigger.end <= sentence.len());
        }
    }

    use Measure::*;
    const fn n(v: u32) -> Option<(Option<u32>, Option<u32>)> {
        Some((Some(v), Some(v)))
    }
    const fn open(v: u32) -> Option<(Option<u32>, Option<u32>)> {
        Some((Some(v), None))
    }
    const UNKNOWN: Option<(Option<u32>, Option<u32>)> = Some((None, None));

    #[test]
    fn active_verbs_count_their_object() {
        check(
            "An air strike by Syrian government forces killed 33 Turkish soldiers in Idlib.",
            Killed,
            n(33),
            "",
        );
        check(
            "A roadside bomb exploded in Kandahar, killing two people.",
            Killed,
            n(2),
            "",
        );
        check(
            "Al-Shabaab fighters killed at least 12 soldiers at a base near Kismayo.",
            Killed,
            open(12),
            "",
        );
        check(
            "Gunmen abducted 27 students from a school in Kagara.",
            Abducted,
            n(27),
            "",
        );
        check(
            "Police arrested dozens of protesters in Mandalay.",
            Arrested,
            open(24),
            "",
        );
        check(
            "The shelling wounded five civilians in Kharkiv.",
            Injured,
            n(5),
            "",
        );
        check("Houthi drones killed a teacher in Taiz.", Killed, n(1), "");
        check(
            "Soldiers detained the village chief in Ituri.",
            Arrested,
            n(1),
            "",
        );
        check(
            "Cartel gunmen killed more than 300 people in Guerrero last year.",
            Killed,
            open(301),
            "",
        );
        check(
            "Rebels kidnapped a priest and two nuns near Butembo.",
            Abducted,
            n(3),
            "",
        );
    }

    #[test]
    fn passive_and_headline_verbs_count_their_subject() {
        check(
            "Rahmi Dogan said 33 troops were killed in the attack.",
            Killed,
            n(33),
            "",
        );
        check(
            "Three soldiers and two civilians were wounded in Kupiansk.",
            Injured,
            n(5),
            "",
        );
        check(
            "One civilian and six assailants were killed in the clash near Mopti.",
            Killed,
            n(7),
            "",
        );
        check("33 killed in Idlib air strike", Killed, n(33), "");
        check("A policeman was shot dead in Peshawar.", Killed, n(1), "");
        check(
            "The governor of Kunduz was killed by a bomb.",
            Killed,
            n(1),
            "",
        );
        check(
            "Hassan Ali was kidnapped outside his home in Mogadishu.",
            Abducted,
            n(1),
            "",
        );
        check(
            "Civilians were killed when a drone hit a market in Tigray.",
            Killed,
            UNKNOWN,
            "",
        );
        check(
            "At least 40 people have been arrested in Nairobi.",
            Arrested,
            open(40),
            "",
        );
        check(
            "Several others were seriously injured in the blast in Quetta.",
            Injured,
            open(3),
            "",
        );
        check(
            "Two soldiers, a policeman and a child were killed in Gao.",
            Killed,
            n(4),
            "",
        );
        check(
            "Four members of one family were shot dead in Zacatecas.",
            Killed,
            n(4),
            "",
        );
    }

    #[test]
    fn appositions_coordinated_passives_and_asides() {
        check(
            "Two people, a man and a woman, were killed in Kandahar.",
            Killed,
            n(2),
            "",
        );
        check(
            "Gunmen killed two people, a farmer and his son, in Plateau.",
            Killed,
            n(2),
            "",
        );
        check(
            "The victims, both members of the army, were beheaded in Cabo Delgado.",
            Killed,
            n(2),
            "",
        );
        check(
            "A man was shot nine times and killed in Fortaleza.",
            Killed,
            n(1),
            "",
        );
        check(
            "Five soldiers were ambushed and killed near Dori.",
            Killed,
            n(5),
            "",
        );
        check(
            "2 CDF (KKG) troops were killed near Kale.",
            Killed,
            n(2),
            "",
        );
        check(
            "While working, two men were shot dead by gunmen in Zamora.",
            Killed,
            n(2),
            "",
        );
        check(
            "Troops killed a commander of the Arakan Army and 12 of his fighters.",
            Killed,
            n(13),
            "",
        );
        check(
            "Soldiers killed one Ambazonian separatist 'General' and two of his aides.",
            Killed,
            n(3),
            "",
        );
        check(
            "An armed suspect stabbed a trader to death in Sao Paulo.",
            Killed,
            n(1),
            "",
        );
        check("A man was stabbed in Bulawayo.", Injured, n(1), "");
        check("Rebels shot down a drone over Sagaing.", Injured, None, "");
        check(
            "Gunmen killed pro-government commander Yusuf Ali in Taiz.",
            Killed,
            n(1),
            "",
        );
        check(
            "The body of a Kurdish fighter was found killed in Raqqa.",
            Killed,
            n(1),
            "",
        );
        check(
            "The soldier was killed and 5 militants died in the clash in Basra.",
            Killed,
            n(6),
            "",
        );
        check(
            "Three civilians were killed [3 fatalities split among 2 events].",
            Killed,
            n(3),
            "",
        );
        check(
            "A mob lynched a man accused of killing a driver in Pikine.",
            Killed,
            n(1),
            "",
        );
        check(
            "A trader was dragged from his shop in Maiduguri by three armed men, beaten, and killed.",
            Killed,
            n(1),
            "",
        );
    }

    #[test]
    fn killed_or_injured_is_a_casualty_count() {
        check(
            "Four PKK fighters were killed or injured in a drone strike in Qandil.",
            Killed,
            None,
            "",
        );
        check(
            "Four PKK fighters were killed or injured in a drone strike in Qandil.",
            Casualties,
            n(4),
            "",
        );
        check(
            "The shelling left 20 people dead or wounded in Horlivka.",
            Casualties,
            n(20),
            "",
        );
        check(
            "Bandits killed and wounded several villagers in Zamfara.",
            Casualties,
            open(3),
            "",
        );
    }

    #[test]
    fn deaths_a_protest_is_about_are_not_its_victims() {
        let rows = [
            "Residents blocked the highway in Isiolo in protest against the killing of nine herders.",
            "Hundreds marched in Savannah following the 24 June death of a Black man.",
            "Students rallied in Dhaka demanding justice for the murder of two classmates.",
            "Youths clashed with police in Kisumu over the deaths of three boda boda riders.",
            "Mourners gathered in Tripoli to mourn the deaths of 12 fishermen.",
        ];
        for sentence in rows {
            check(sentence, Killed, None, "");
        }
        let c = casualties("Protesters burned tyres after the killing of two traders; police killed one protester.");
        assert_eq!(c.killed.map(|m| m.count), Some(Count::exact(1)));
        check(
            "Soldiers fought against militants in Borno, and the deaths of 12 fighters were confirmed.",
            Killed,
            n(12),
            "",
        );
    }

    #[test]
    fn intransitives_count_their_subject() {
        check(
            "Two soldiers died in the ambush near Menaka.",
            Killed,
            n(2),
            "",
        );
        check(
            "The blast left 12 dead and 20 wounded in Mogadishu.",
            Killed,
            n(12),
            "",
        );
        check(
            "The blast left 12 dead and 20 wounded in Mogadishu.",
            Injured,
            n(20),
            "",
        );
        check(
            "Eleven miners lost their lives in the attack in Ituri.",
            Killed,
            n(11),
            "",
        );
        check(
            "Five people are dead after clashes in Sinaloa.",
            Killed,
            n(5),
            "",
        );
    }

    #[test]
    fn nouns_and_tolls() {
        check(
            "The deaths of 4 students sparked protests in Dhaka.",
            Killed,
            n(4),
            "",
        );
        check(
            "Health officials reported 33 deaths after the strike on Sanaa.",
            Killed,
            n(33),
            "",
        );
        check(
            "The bombing claimed the lives of 7 worshippers in Peshawar.",
            Killed,
            n(7),
            "",
        );
        check(
            "The attack in Kabul had a death toll of 15.",
            Killed,
            n(15),
            "",
        );
        check(
            "The toll rose to 21 after more bodies were found in Bucha.",
            Killed,
            n(21),
            "",
        );
        check(
            "The death toll from the Mariupol strike has climbed to at least 40.",
            Killed,
            open(40),
            "",
        );
        check(
            "The killing of two journalists in Culiacan drew condemnation.",
            Killed,
            n(2),
            "",
        );
        check(
            "Gunmen took 20 hostages at a hotel in Bamako.",
            Abducted,
            n(20),
            "",
        );
        check(
            "There were 12 civilian casualties in the strike on Kherson.",
            Casualties,
            n(12),
            "",
        );
    }

    #[test]
    fn inclusions_do_not_add() {
        check(
            "A bomb killed two people, including a police officer, in Bannu.",
            Killed,
            n(2),
            "",
        );
        check(
            "Five people, including a child, were killed in Sana'a.",
            Killed,
            n(5),
            "",
        );
        check(
            "Troops killed 9 militants, among them two commanders, in Khost.",
            Killed,
            n(9),
            "",
        );
        check(
            "Gunmen killed three soldiers and two civilians, police said.",
            Killed,
            n(5),
            "",
        );
        check(
            "Gunmen killed five people, a police spokesman said.",
            Killed,
            n(5),
            "",
        );
    }

    #[test]
    fn explicit_zero() {
        check(
            "There were no casualties in the rocket attack on Erbil.",
            Killed,
            n(0),
            "",
        );
        check(
            "No one was hurt in the blast in Jalalabad.",
            Injured,
            n(0),
            "",
        );
        check(
            "No one was hurt in the blast in Jalalabad.",
            Killed,
            n(0),
            "",
        );
        check(
            "Nobody was killed when the mine exploded near Kherson.",
            Killed,
            n(0),
            "",
        );
        check(
            "There were no immediate reports of casualties in Goma.",
            Casualties,
            n(0),
            "",
        );
        check(
            "No soldiers were injured in the attack on the Bamako base.",
            Injured,
            n(0),
            "",
        );
    }

    #[test]
    fn negation_threats_and_hypotheticals_are_flagged() {
        check(
            "The army denied killing two journalists in Lashio.",
            Killed,
            n(2),
            "negated",
        );
        check(
            "Shelling could kill hundreds of civilians in Rafah.",
            Killed,
            open(200),
            "uncertain",
        );
        check(
            "The group threatened to kill 10 hostages in Kaduna.",
            Killed,
            n(10),
            "uncertain",
        );
        check(
            "Five fishermen are feared dead off Lake Chad.",
            Killed,
            n(5),
            "uncertain",
        );
        check(
            "Two officers were not injured in the attack in Cauca.",
            Injured,
            n(2),
            "negated",
        );
        check(
            "Up to 30 people are believed to have been killed in Ouallam.",
            Killed,
            Some((None, Some(30))),
            "uncertain",
        );
        check(
            "In May, gunmen killed 8 farmers in Benue.",
            Killed,
            n(8),
            "",
        );
    }

    #[test]
    fn counts_of_things_never_become_victims() {
        check(
            "Turkey has 12 observation posts in the region.",
            Killed,
            None,
            "",
        );
        check(
            "Assad's forces made gains after capturing more than 20 villages.",
            Killed,
            None,
            "",
        );
        check(
            "Turkey first intervened in Syria in 2016.",
            Killed,
            None,
            "",
        );
        check(
            "Officials hailed the victory in the nine-year conflict.",
            Killed,
            None,
            "",
        );
        check(
            "Militants destroyed 3 vehicles and killed 4 soldiers in Tillia.",
            Killed,
            n(4),
            "",
        );
        check(
            "Police killed a 12-year-old boy in Srinagar.",
            Killed,
            n(1),
            "",
        );
        check("He was killed in 2018 in Kandahar.", Killed, n(1), "");
        check(
            "The strike killed 4 people two days after the truce in Marib.",
            Killed,
            n(4),
            "",
        );
        check(
            "Kidnappers demanded $50,000 for the release of the farmers in Zamfara.",
            Abducted,
            None,
            "",
        );
    }

    #[test]
    fn several_measures_in_one_sentence() {
        let s = "Gunmen killed 7 villagers, wounded 3 others and abducted 12 women in Zamfara.";
        check(s, Killed, n(7), "");
        check(s, Injured, n(3), "");
        check(s, Abducted, n(12), "");
        let s = "Three people were killed and five were wounded in Kumba.";
        check(s, Killed, n(3), "");
        check(s, Injured, n(5), "");
        let s = "A bomb killed three soldiers, and two civilians were wounded in Diffa.";
        check(s, Killed, n(3), "");
        check(s, Injured, n(2), "");
    }

    #[test]
    fn acled_numbers_for_vague_and_unknown() {
        let c = casualties("Air strikes killed dozens of fighters in Marib.");
        assert_eq!(c.killed.map(|m| m.acled), Some(12));
        let c = casualties("Civilians were killed in the shelling of Avdiivka.");
        assert_eq!(c.killed.map(|m| (m.acled, m.vague)), Some((3, true)));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "killed",
            "were killed",
            "—killed—",
            "🙂 killed 🙂 3",
            "killed killed killed 3,",
            "no",
        ] {
            let _ = casualties(s);
        }
    }

    #[test]
    fn lexicons_are_well_formed() {
        assert!(lexicon_problems().is_empty(), "{:?}", lexicon_problems());
    }
}
