//! Toponym recognition: tokens, gazetteer matches (longest first) and the filters that keep
//! person names, months, demonyms and common capitalised words out.

use sitrep_model::Span;

use crate::fold::{fold_into, hash_extend, is_apostrophe, join_hash, key_hash, HASH_START};
use crate::gazetteer::{Cue, Gazetteer, Kind};
use crate::index::{HashedSet, CHAIN_ONLY};

/// Longest gazetteer name tried, in tokens.
const MAX_NAME_TOKENS: usize = 6;
/// Population above which a capitalised common word is taken as a place without a cue.
const COMMON_WORD_POPULATION: u64 = 100_000;
/// Population above which a place preceded by another capitalised word is kept.
const NAME_PART_POPULATION: u64 = 100_000;
/// Population from which a province or capital of a person's name stays a place beside
/// another name.
const FAMOUS_POPULATION: u64 = 1_000_000;

/// How a token is separated from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Spaces or a hyphen on one line, or an abbreviation dot ("St. Louis"): may join a name.
    Join,
    /// A comma (and spaces): an administrative chain may follow ("Pandi, Bulacan").
    Comma,
    /// Anything else: a sentence or clause boundary, a line break, brackets.
    Break,
}

/// One word of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'k> {
    pub span: Span,
    /// Folded form ("saraqeb").
    pub key: &'k str,
    /// Hash of `key` (see [`crate::fold::key_hash`]).
    pub hash: u64,
    pub capitalised: bool,
    pub possessive: bool,
    pub sentence_start: bool,
    pub sep: Sep,
}

/// Splits text into word tokens (alphanumeric runs; inner apostrophes kept, "'s" dropped).
/// The folded keys are written to `keys`, which the tokens borrow.
pub(crate) fn tokenize<'k>(text: &'k str, keys: &'k mut String) -> Vec<Token<'k>> {
    struct Raw {
        span: Span,
        /// The key: in the text itself (already folded) or in `keys`.
        key: (bool, usize, usize),
        hash: u64,
        capitalised: bool,
        possessive: bool,
        sentence_start: bool,
        sep: Sep,
    }
    keys.clear();
    let mut raw: Vec<Raw> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut position = 0usize;
    let mut last_end = 0usize;
    let mut previous: Option<Span> = None;
    while position < bytes.len() {
        // Skip to the next alphanumeric character; ASCII words are read in one pass.
        let byte = bytes[position];
        if matches!(CLASS[usize::from(byte)], GAP | APOSTROPHE) {
            position += 1;
            continue;
        }
        let start = position;
        let (end, after_word, possessive, capitalised, ascii);
        if let Some(word) = ascii_word(bytes, start) {
            (end, after_word, possessive) = (word.end, word.end, false);
            capitalised = byte.is_ascii_uppercase();
            ascii = Some(word);
        } else {
            let scan = scan_word(text, start);
            let Some(scan) = scan else {
                position += text[position..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            (end, after_word, possessive, capitalised) = scan;
            ascii = None;
        }
        let word = &text[start..end];
        let gap = &text[last_end..start];
        let (sep, sentence_start) = if gap == " " && previous.is_some() {
            (Sep::Join, false)
        } else {
            let previous_word = previous.map(|p| p.slice(text));
            (
                classify_gap(gap, previous_word),
                previous.is_none() || starts_sentence(gap, previous_word),
            )
        };
        let (key, hash) = match ascii {
            Some(AsciiWord {
                upper: false, hash, ..
            }) => ((true, start, end), hash),
            Some(AsciiWord { hash, .. }) => {
                let key_start = keys.len();
                keys.push_str(word);
                keys[key_start..].make_ascii_lowercase();
                ((false, key_start, keys.len()), hash)
            }
            None if word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) =>
            {
                ((true, start, end), key_hash(word))
            }
            None => {
                let key_start = keys.len();
                if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    keys.push_str(word);
                    keys[key_start..].make_ascii_lowercase();
                } else {
                    fold_into(word, keys);
                    // fold_into separates from earlier text with a space; drop it.
                    if keys.as_bytes().get(key_start) == Some(&b' ') {
                        keys.remove(key_start);
                    }
                }
                ((false, key_start, keys.len()), key_hash(&keys[key_start..]))
            }
        };
        raw.push(Raw {
            span: Span::new(start, end),
            key,
            hash,
            capitalised,
            possessive,
            sentence_start,
            sep,
        });
        previous = Some(Span::new(start, end));
        last_end = after_word;
        position = after_word;
    }
    let keys: &'k str = keys;
    raw.into_iter()
        .map(|r| {
            let (in_text, from, to) = r.key;
            let key = if in_text {
                &text[from..to]
            } else {
                &keys[from..to]
            };
            Token {
                span: r.span,
                key,
                hash: r.hash,
                capitalised: r.capitalised,
                possessive: r.possessive,
                sentence_start: r.sentence_start,
                sep: r.sep,
            }
        })
        .collect()
}

/// An ASCII word read in one pass: its end, the hash of its lower-cased form and
/// whether it holds a capital.
#[derive(Clone, Copy)]
struct AsciiWord {
    end: usize,
    hash: u64,
    upper: bool,
}

/// Byte classes of the ASCII word path ([`ascii_word`]).
const GAP: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const OTHER: u8 = 3;
const APOSTROPHE: u8 = 4;

/// The class of every byte: a gap (ends a word), a lower-case letter or digit, a
/// capital, an apostrophe (`'`, `` ` ``) or a byte of a non-ASCII character.
const CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0u8;
    while b < 0x80 {
        table[b as usize] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b == b'\'' || b == b'`' {
            APOSTROPHE
        } else {
            GAP
        };
        b += 1;
    }
    table
};

/// The run of ASCII letters and digits at `start` when the word ends there: at the
/// end of the text or at an ASCII byte that is no apostrophe. `None` sends other
/// words (accents, apostrophes, possessives) to [`scan_word`].
fn ascii_word(bytes: &[u8], start: usize) -> Option<AsciiWord> {
    let mut end = start;
    let mut hash = HASH_START;
    let mut upper = false;
    while let Some(&b) = bytes.get(end) {
        let class = CLASS[usize::from(b)];
        match class {
            GAP => break,
            LOWER | UPPER => {}
            _ => return None,
        }
        upper |= class == UPPER;
        // A capital's lower-case form sets bit 0x20 (UPPER << 4).
        hash = hash_extend(hash, &[b | (class & UPPER) << 4]);
        end += 1;
    }
    (end > start).then_some(AsciiWord { end, hash, upper })
}

/// The word at byte `start` of `text` (alphanumeric characters, inner apostrophes):
/// its end, the end of a possessive "'s" after it (else its end), whether it is
/// possessive and capitalised. `None` when no alphanumeric character starts there.
fn scan_word(text: &str, start: usize) -> Option<(usize, usize, bool, bool)> {
    let bytes = text.as_bytes();
    let ch = text[start..].chars().next()?;
    if !ch.is_alphanumeric() {
        return None;
    }
    let mut end = start + ch.len_utf8();
    let mut possessive = false;
    let mut after_word = end;
    while end < bytes.len() {
        let b = bytes[end];
        let (c, w) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text[end..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_alphanumeric() {
            end += w;
        } else if is_apostrophe(c) {
            let rest = &text[end + w..];
            let mut following = rest.chars();
            let next = following.next();
            let after = following.next();
            if matches!(next, Some('s')) && !after.is_some_and(char::is_alphanumeric) {
                possessive = true;
                after_word = end + w + 1;
                break;
            }
            if next.is_some_and(char::is_alphanumeric) {
                end += w;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !possessive {
        after_word = end;
    }
    Some((end, after_word, possessive, ch.is_uppercase()))
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 3 && word.chars().next().is_some_and(char::is_uppercase)
}

fn classify_gap(gap: &str, previous: Option<&str>) -> Sep {
    if gap.contains('\n') {
        return Sep::Break;
    }
    let trimmed = gap.trim_matches(' ');
    match trimmed {
        "" | "-" | "–" => Sep::Join,
        "," => Sep::Comma,
        "." if previous.is_some_and(is_abbreviation) => Sep::Join,
        _ => Sep::Break,
    }
}

fn starts_sentence(gap: &str, previous: Option<&str>) -> bool {
    if gap.contains('\n') {
        return true;
    }
    let mut marks = gap.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    if first == Some('.') && marks.next().is_none() && previous.is_some_and(is_abbreviation) {
        return false;
    }
    gap.contains(['.', '!', '?', ':', ';', '|'])
}

/// A toponym found in the text, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Bytes of the name, including a generic word after it ("Idlib province").
    pub span: Span,
    /// Hash of the folded name (without the generic word).
    pub key: u64,
    pub first: usize,
    /// Last token of the name.
    pub last: usize,
    /// Last token of the mention (the generic word after the name, if any).
    pub through: usize,
    /// Gazetteer entries the name may refer to.
    pub entries: Vec<u32>,
    /// The words before it: a locative ("in"), town ("the town of") or title cue.
    pub cue_before: Option<Cue>,
    /// A generic word naming the feature type: "province", "district", "city".
    pub type_cue: Option<Cue>,
    /// A direction word before it ("northern"), with its span.
    pub direction: Option<Span>,
    pub possessive: bool,
    /// Part of an organisation's name ("Columbia University", "University of Texas",
    /// "Augusta Herald"): the organisation may be far from what the story is about, so the
    /// name lends little context to the others.
    pub embedded: bool,
    /// Part of the name of a natural feature or a site ("Kish River", "Lake Cumberland",
    /// "Griffith Park"): the town of that name is a stand-in only when it lies among the
    /// document's other places.
    pub feature: bool,
}

const PARTICLES: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "az", "at", "ed", "es", "ez",
];

/// Finds gazetteer names in the tokens, applies the recognition filters.
pub(crate) fn recognize(gazetteer: &Gazetteer, text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut person_keys = HashedSet::default();
    let mut unsupported: Vec<Candidate> = Vec::new();
    let mut headlines: Option<Vec<bool>> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let particle = !token.capitalised
            && token.key.len() <= 3
            && PARTICLES.contains(&token.key)
            && tokens.get(i + 1).is_some_and(|t| {
                t.capitalised
                    && t.sep == Sep::Join
                    && text[token.span.end..t.span.start].contains('-')
            });
        if (!token.capitalised && !particle) || is_contraction(token.span.slice(text)) {
            i += 1;
            continue;
        }
        // Extend the name one token at a time while some gazetteer name continues; keep the
        // longest that is a name.
        let after_comma_place =
            token.sep == Sep::Comma && found.last().is_some_and(|c| c.through + 1 == i);
        let mut matched: Option<(usize, u64, &[u32])> = None;
        let mut shorter: Option<(usize, u64, &[u32])> = None;
        let mut hash = token.hash;
        let mut last = i;
        loop {
            let hit = gazetteer.lookup_hash(hash);
            if (last == i || tokens[last].capitalised)
                && hit
                    .postings
                    .iter()
                    .any(|&p| p & CHAIN_ONLY == 0 || after_comma_place)
            {
                shorter = matched.replace((last, hash, hit.postings));
            }
            let Some(next) = tokens.get(last + 1) else {
                break;
            };
            let continues = if tokens[last].possessive {
                hash = hash_extend(hash, b"s"); // "People's Republic of China"
                gazetteer.lookup_hash(hash).prefix
            } else {
                hit.prefix
            };
            if !continues || next.sep != Sep::Join || last + 1 - i >= MAX_NAME_TOKENS {
                break;
            }
            hash = join_hash(hash, next.key);
            last += 1;
        }
        let Some((mut last, mut key, mut postings)) = matched else {
            i += 1;
            continue;
        };
        // "Dublin City", "Quebec City": a name "X City" that only divisions and the towns
        // named X have (the Dublin City council area, an alternate name of the province of
        // Quebec) is the name X with its type word, so that it reads like the other mentions
        // of X ("Dublin City Council" in a story about Dublin, Ohio). "Kansas City", "Panama
        // City" and "Mexico City", towns called so, stay whole.
        if let Some((short_last, short_key, short_postings)) = shorter {
            let entry = |p: u32| p & !CHAIN_ONLY;
            let kind = |p: u32| gazetteer.hot[entry(p) as usize].kind;
            if short_last + 1 == last
                && tokens[last].key == "city"
                && postings.iter().all(|&p| {
                    kind(p).is_admin()
                        || (gazetteer.hot[entry(p) as usize].name_hash != key
                            && short_postings.iter().any(|&q| entry(q) == entry(p)))
                })
                && short_postings.iter().any(|&p| kind(p).is_place())
            {
                (last, key, postings) = (short_last, short_key, short_postings);
            }
        }
        let mut entries: Vec<u32> = postings
            .iter()
            .filter(|&&p| p & CHAIN_ONLY == 0 || after_comma_place)
            .map(|&p| p & !CHAIN_ONLY)
            .collect();
        entries.sort_unstable();
        entries.dedup();
        // An acronym, two or three capitals alone ("UN", "IS", "MSF"), is a place only as a
        // country, first-level division or named region ("UK", "DRC", "NY"): the town of Un
        // in Gujarat is not the United Nations.
        if last == i && is_acronym(tokens[i].span.slice(text)) {
            entries.retain(|&e| {
                matches!(
                    gazetteer.hot[e as usize].kind,
                    Kind::Country | Kind::Admin1 | Kind::Region | Kind::Continent
                )
            });
            if entries.is_empty() {
                i += 1;
                continue;
            }
        }
        let mut candidate = Candidate {
            span: Span::new(tokens[i].span.start, tokens[last].span.end),
            key,
            first: i,
            last,
            through: last,
            entries,
            cue_before: None,
            type_cue: None,
            direction: None,
            possessive: tokens[last].possessive,
            embedded: false,
            feature: false,
        };
        read_context(gazetteer, tokens, &mut candidate);
        candidate.embedded = in_organisation_name(gazetteer, tokens, &candidate);
        candidate.feature = in_feature_name(gazetteer, tokens, &candidate);
        if in_street_name(gazetteer, tokens, &candidate) {
            // A street is named after a place or person that may be anywhere: it lends no
            // context and stands for its town only among the other places, like a feature.
            candidate.embedded = true;
            candidate.feature = true;
        }
        let headlines = headlines.get_or_insert_with(|| headline_flags(tokens));
        let verdict = judge(gazetteer, text, tokens, headlines, &candidate, &found);
        match verdict {
            Verdict::Place => {
                i = candidate.through + 1;
                found.push(candidate);
            }
            Verdict::Person => {
                if candidate.first == candidate.last {
                    person_keys.insert(candidate.key);
                }
                i = last + 1;
            }
            Verdict::NotPlace => i += 1,
            Verdict::Unsupported => {
                unsupported.push(candidate);
                i += 1;
            }
        }
    }
    // One sense per document: a name with support once ("in Lindsay") is a place in its
    // other mentions too.
    if !unsupported.is_empty() {
        let supported: HashedSet = found.iter().map(|c| c.key).collect();
        let before = found.len();
        found.extend(
            unsupported
                .into_iter()
                .filter(|c| supported.contains(&c.key)),
        );
        if found.len() > before {
            found.sort_by_key(|c| c.span.start);
        }
    }
    // A surname seen once as a person ("Bashar al-Assad") is a person everywhere.
    found.retain(|c| {
        !person_keys.contains(&c.key)
            || has_kind(gazetteer, c, |k| matches!(k, Kind::Country | Kind::Admin1))
    });
    found
}

/// Whether the name is part of an organisation's name: a capitalised organisation word
/// right after it ("Columbia University", "New York Daily News") or "University of" before
/// it.
fn in_organisation_name(gazetteer: &Gazetteer, tokens: &[Token], candidate: &Candidate) -> bool {
    let is_word = |t: &Token| t.capitalised && gazetteer.organisation_words.contains(&t.hash);
    let after = !candidate.possessive
        && tokens
            .get(candidate.through + 1)
            .is_some_and(|n| n.sep == Sep::Join && is_word(n));
    let before = candidate.first >= 2
        && tokens[candidate.first].sep == Sep::Join
        && tokens[candidate.first - 1].key == "of"
        && tokens[candidate.first - 1].sep == Sep::Join
        && is_word(&tokens[candidate.first - 2]);
    after || before
}

/// Whether the name is a street's: a capitalised street word right after it ("Washington
/// Drive", "Dublin Road", "Orchard St.").
fn in_street_name(gazetteer: &Gazetteer, tokens: &[Token], candidate: &Candidate) -> bool {
    !candidate.possessive
        && candidate.type_cue.is_none()
        && tokens.get(candidate.last + 1).is_some_and(|n| {
            n.sep == Sep::Join && n.capitalised && gazetteer.street_words.contains(&n.hash)
        })
}

/// Whether the name is part of a feature's name: a capitalised feature word right after it
/// ("Kish River", "Zion National Park") or right before it ("Lake Cumberland", "Mount
/// Hood").
fn in_feature_name(gazetteer: &Gazetteer, tokens: &[Token], candidate: &Candidate) -> bool {
    let is_word = |t: &Token| t.capitalised && gazetteer.feature_words.contains(&t.hash);
    let after = !candidate.possessive
        && candidate.type_cue.is_none()
        && tokens.get(candidate.last + 1).is_some_and(|n| {
            n.sep == Sep::Join
                && (is_word(n)
                        // "Zion National Park", "Ocala National Forest".
                        || n.key == "national"
                            && n.capitalised
                            && tokens
                                .get(candidate.last + 2)
                                .is_some_and(|t| t.sep == Sep::Join && is_word(t)))
        });
    let before = candidate.first >= 1
        && tokens[candidate.first].sep == Sep::Join
        && is_word(&tokens[candidate.first - 1]);
    // The feature word itself read as a place ("Lake" for Lake County, "Delta" for Delta
    // State) beside another capitalised word: "Lake Vermont", "Danube Delta".
    let single_word = candidate.first == candidate.last
        && candidate.type_cue.is_none()
        && gazetteer.feature_words.contains(&candidate.key)
        && (tokens
            .get(candidate.first + 1)
            .is_some_and(|n| n.sep == Sep::Join && n.capitalised)
            || candidate.first >= 1
                && tokens[candidate.first].sep == Sep::Join
                && tokens[candidate.first - 1].capitalised);
    // "Jackson Township": a civil township the gazetteer lacks, named like towns and counties
    // that may be anywhere ("Myanmar's Hpakant township", in lower case, is the type word of
    // a division and stays as it is).
    let township = candidate.through > candidate.last
        && tokens[candidate.through].capitalised
        && tokens[candidate.through].key == "township";
    after || before || single_word || township
}

/// "I've", "We'll": a pronoun with a verb, never a name.
fn is_contraction(word: &str) -> bool {
    let Some((_, suffix)) = word.split_once(crate::fold::is_apostrophe) else {
        return false;
    };
    matches!(suffix, "ve" | "ll" | "re" | "d" | "m" | "t")
}

/// Reads the cue words around a candidate; a generic word after it joins its span.
fn read_context(gazetteer: &Gazetteer, tokens: &[Token], candidate: &mut Candidate) {
    // After: "Idlib province", "Puli Alam city", "Rapides Parish".
    if let Some(next) = tokens.get(candidate.last + 1) {
        if next.sep == Sep::Join && !candidate.possessive {
            if let Some(&cue) = gazetteer.cues.get(&next.hash) {
                if matches!(cue, Cue::Admin1 | Cue::Admin2 | Cue::City) {
                    candidate.type_cue = Some(cue);
                    candidate.span.end = next.span.end;
                    candidate.possessive = next.possessive;
                    candidate.through += 1;
                }
            }
        }
    }
    // Before: "in the town of", "in northern", "President".
    let mut position = candidate.first;
    let mut hops = 0;
    'outer: while position > 0 && hops < 4 {
        hops += 1;
        if tokens[position].sep == Sep::Break {
            break;
        }
        let before = position - 1;
        if matches!(tokens[before].key, "the" | "a") {
            position = before;
            continue;
        }
        for words in (1..=gazetteer.max_cue_words.min(before + 1)).rev() {
            let from = before + 1 - words;
            if tokens[from + 1..=before]
                .iter()
                .any(|t| t.sep == Sep::Break)
            {
                continue;
            }
            let phrase = tokens[from + 1..=before]
                .iter()
                .fold(tokens[from].hash, |hash, t| join_hash(hash, t.key));
            let Some(&cue) = gazetteer.cues.get(&phrase) else {
                continue;
            };
            match cue {
                Cue::Direction if candidate.direction.is_none() => {
                    candidate.direction =
                        Some(Span::new(tokens[from].span.start, tokens[before].span.end));
                    position = from;
                    continue 'outer;
                }
                Cue::Town | Cue::Admin1 | Cue::Admin2 if words > 1 || from == before => {
                    // "the town of X", "province of X" (a bare "province X" is not a cue).
                    if words > 1 && tokens[before].key == "of" {
                        candidate.type_cue.get_or_insert(cue);
                        position = from;
                        continue 'outer;
                    }
                    break 'outer;
                }
                Cue::Locative | Cue::Origin | Cue::Title => {
                    candidate.cue_before = Some(cue);
                    break 'outer;
                }
                _ => break 'outer,
            }
        }
        break;
    }
}

enum Verdict {
    Place,
    /// Clearly a person (a title before, "said" after): the name is a person all through.
    Person,
    NotPlace,
    /// A common word or person name without support here: a place only if the same name
    /// has support elsewhere in the document.
    Unsupported,
}

/// For each token, whether it is in a title-case line (a headline), where capitalised
/// neighbours say nothing about names.
fn headline_flags(tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len())
            .find(|&i| tokens[i].sentence_start)
            .unwrap_or(tokens.len());
        let long: Vec<&Token> = tokens[start..end]
            .iter()
            .filter(|t| t.key.len() > 3)
            .collect();
        let headline =
            long.len() >= 3 && long.iter().filter(|t| t.capitalised).count() * 10 >= long.len() * 8;
        flags[start..end].iter_mut().for_each(|f| *f = headline);
        start = end;
    }
    flags
}

/// Two or three capital letters ("UN", "MSF").
fn is_acronym(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn has_kind(gazetteer: &Gazetteer, candidate: &Candidate, test: impl Fn(Kind) -> bool) -> bool {
    candidate
        .entries
        .iter()
        .any(|&e| test(gazetteer.hot[e as usize].kind))
}

fn max_population(gazetteer: &Gazetteer, candidate: &Candidate) -> u64 {
    candidate
        .entries
        .iter()
        .map(|&e| gazetteer.hot[e as usize].population)
        .max()
        .unwrap_or(0)
}

/// Whether the name is a country's, a continent's, a named region's or a large province's
/// own name: such a name stays a place beside a person's name ("Georgia Brown" aside).
fn famous(gazetteer: &Gazetteer, candidate: &Candidate) -> bool {
    candidate.entries.iter().any(|&e| {
        let entry = &gazetteer.hot[e as usize];
        entry.name_hash == candidate.key
            && match entry.kind {
                Kind::Country | Kind::Continent | Kind::Region => true,
                Kind::Admin1 | Kind::Capital => entry.population >= FAMOUS_POPULATION,
                _ => false,
            }
    })
}

fn judge(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    headlines: &[bool],
    candidate: &Candidate,
    found: &[Candidate],
) -> Verdict {
    let single = candidate.first == candidate.last;
    if gazetteer.stop.contains(&candidate.key) {
        return Verdict::NotPlace;
    }
    let major = has_kind(gazetteer, candidate, |k| {
        matches!(
            k,
            Kind::Country | Kind::Admin1 | Kind::Capital | Kind::Continent | Kind::Region
        )
    });
    if candidate.cue_before == Some(Cue::Title) && !major {
        return Verdict::Person;
    }
    let first = &tokens[candidate.first];
    let previous = candidate.first.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(candidate.through + 1);
    // Part of a longer name: "Rahmi Dogan", "Bashar al-Assad".
    let headline = headlines.get(candidate.first).copied().unwrap_or(false);
    let after_name_word = first.sep == Sep::Join
        && !headline
        && previous.is_some_and(|p| {
            p.capitalised
                && !p.possessive
                && !gazetteer.cues.contains_key(&p.hash)
                && !gazetteer.stop.contains(&p.hash)
                && p.key != "the"
                && found
                    .last()
                    .is_none_or(|f| f.through + 1 != candidate.first)
        });
    let small = max_population(gazetteer, candidate) < NAME_PART_POPULATION;
    let plain = !major && small && candidate.type_cue.is_none();
    if after_name_word && plain {
        return Verdict::Person;
    }
    let person_after = next
        .is_some_and(|n| n.sep == Sep::Join && gazetteer.cues.get(&n.hash) == Some(&Cue::Person));
    if person_after && plain && candidate.cue_before.is_none() && !headline {
        return Verdict::Person;
    }
    // A first name or part of an organisation's name: "David Jones", "Security Council".
    let before_name_word = !headline
        && !candidate.possessive
        && next.is_some_and(|n| {
            n.sep == Sep::Join
                && n.capitalised
                && !gazetteer.stop.contains(&n.hash)
                && !gazetteer.cues.contains_key(&n.hash)
                && gazetteer.lookup_hash(n.hash).postings.is_empty()
        });
    if before_name_word
        && plain
        && single
        && !has_kind(gazetteer, candidate, |k| k == Kind::Admin2)
        && candidate.cue_before.is_none()
    {
        return Verdict::NotPlace;
    }
    // Common words and common person names ("Keith", "Howell") need support.
    let common = gazetteer.common.contains(&candidate.key);
    let person_name = gazetteer.person_names.contains(&candidate.key);
    // A common person name beside another one, or before "said", is a person even when a
    // small capital or province has the name ("Glenn Polk", "Robert Douglas said", "Mary
    // Wheeler"); only a country, continent or large province keeps its place reading.
    if single && person_name && !headline && !famous(gazetteer, candidate) {
        let is_name = |t: &Token| t.capitalised && gazetteer.person_names.contains(&t.hash);
        // "Glenn Polk", "Roy A. Nelson" (an initial).
        let initial = |p: &Token| {
            p.key.len() == 1 && p.capitalised && text[p.span.end..first.span.start].trim() == "."
        };
        let name_before = previous
            .is_some_and(|p| (first.sep == Sep::Join && is_name(p) && !p.possessive) || initial(p))
            && found
                .last()
                .is_none_or(|f| f.through + 1 != candidate.first);
        let name_after = !candidate.possessive
            && candidate.type_cue.is_none()
            && next.is_some_and(|n| n.sep == Sep::Join && is_name(n));
        // "..., Nelson said" but not "residents of Tyler said".
        let said = person_after
            && candidate.cue_before.is_none()
            && (first.sep != Sep::Join || previous.is_none_or(|p| p.capitalised));
        if name_before || said {
            return Verdict::Person;
        }
        if name_after && candidate.cue_before.is_none() {
            return Verdict::NotPlace;
        }
    }
    if single && (common || person_name) {
        let all_caps = first.span.slice(text).chars().all(|c| !c.is_lowercase());
        let named = candidate.entries.iter().any(|&e| {
            let entry = &gazetteer.hot[e as usize];
            entry.name_hash == candidate.key
                && (matches!(entry.kind, Kind::Country | Kind::Admin1 | Kind::Capital)
                    || entry.kind == Kind::City && entry.population >= COMMON_WORD_POPULATION)
        });
        let cue_before = match candidate.cue_before {
            Some(Cue::Locative) => true,
            Some(Cue::Origin) => !common,
            _ => false,
        };
        let supported = candidate.type_cue.is_some()
            || cue_before
            || next.is_some_and(|n| n.sep == Sep::Comma && n.capitalised)
            || named;
        if (common && first.sentence_start) || (all_caps && !named) {
            return Verdict::NotPlace;
        }
        if !supported {
            return Verdict::Unsupported;
        }
    }
    Verdict::Place
}

#[cfg(test)]
mod tests {
    use super::{classify_gap, starts_sentence, tokenize, Sep};
    use crate::fold::{fold_into, is_apostrophe, key_hash};
    use sitrep_model::Span;

    type Plain = (Span, String, u64, bool, bool, bool, Sep);

    /// The tokenizer as first written, decoding every character: the ASCII word
    /// path of [`tokenize`] must split and key texts exactly as it did.
    fn tokenize_by_chars(text: &str) -> Vec<Plain> {
        let mut out = Vec::new();
        let mut position = 0;
        let mut last_end = 0;
        let mut previous: Option<Span> = None;
        while let Some(ch) = text[position..].chars().next() {
            if !ch.is_alphanumeric() {
                position += ch.len_utf8();
                continue;
            }
            let start = position;
            let mut end = start + ch.len_utf8();
            let mut possessive = false;
            let mut after_word = end;
            while let Some(c) = text[end..].chars().next() {
                if c.is_alphanumeric() {
                    end += c.len_utf8();
                } else if is_apostrophe(c) {
                    let mut following = text[end + c.len_utf8()..].chars();
                    let next = following.next();
                    let after = following.next();
                    if next == Some('s') && !after.is_some_and(char::is_alphanumeric) {
                        possessive = true;
                        after_word = end + c.len_utf8() + 1;
                        break;
                    }
                    if next.is_some_and(char::is_alphanumeric) {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if !possessive {
                after_word = end;
            }
            let word = &text[start..end];
            let gap = &text[last_end..start];
            let previous_word = previous.map(|p| p.slice(text));
            let sep = classify_gap(gap, previous_word);
            let sentence_start = previous.is_none() || starts_sentence(gap, previous_word);
            let mut key = String::new();
            fold_into(word, &mut key);
            let hash = key_hash(&key);
            out.push((
                Span::new(start, end),
                key,
                hash,
                ch.is_uppercase(),
                possessive,
                sentence_start,
                sep,
            ));
            previous = Some(Span::new(start, end));
            last_end = after_word;
            position = after_word;
        }
        out
    }

    #[test]
    fn tokenize_agrees_with_the_char_by_char_tokenizer() {
        let pieces = [
            "Idlib", "al", "Numan", "s", "S", "'", "`", "\u{2019}", "\u{2bf}", "St.", ". ", ", ",
            " ", "  ", "\n", "-", "\u{2013}", "42", "x9", "Zürich", "é", "ß", "İ", "日本", "٢٠",
            "\u{a0}", "!", "|", ":", "(", "",
        ];
        let mut draws = sitrep_text::draws::Draws::new(7);
        for _ in 0..20_000 {
            let text = draws.text(&pieces, 14);
            let mut keys = String::new();
            let got: Vec<Plain> = tokenize(&text, &mut keys)
                .into_iter()
                .map(|t| {
                    let key = t.key.to_string();
                    (
                        t.span,
                        key,
                        t.hash,
                        t.capitalised,
                        t.possessive,
                        t.sentence_start,
                        t.sep,
                    )
                })
                .collect();
            assert_eq!(got, tokenize_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn tokens_keep_inner_apostrophes_and_drop_possessives() {
        let text = "Assad's forces took Ma'arrat al-Numan. St. Louis, Mo.";
        let mut keys = String::new();
        let tokens = tokenize(text, &mut keys);
        let keys: Vec<&str> = tokens.iter().map(|t| t.key).collect();
        assert_eq!(
            keys,
            ["assad", "forces", "took", "maarrat", "al", "numan", "st", "louis", "mo"]
        );
        assert!(tokens[0].possessive);
        assert_eq!(tokens[1].sep, Sep::Join);
        assert_eq!(tokens[5].sep, Sep::Join);
        assert!(tokens[6].sentence_start);
        assert_eq!(tokens[7].sep, Sep::Join);
        assert_eq!(tokens[8].sep, Sep::Comma);
    }
}
