//! Attribution: who a sentence's report comes from ("..., police said",
//! "according to the United Nations", "X told Reuters", "X claimed
//! responsibility"), and denials ("X denied involvement").
//!
//! Reporting verbs and function words are data (`lexicons/attribution/`). Around
//! each reporting verb the code reads the source phrase:
//! - before the verb, back to the clause start: "Taliban spokesman Zabiullah
//!   Mujahid said", "..., police said", "In a statement, the ministry said";
//!   an apposition between commas belongs to it ("Rahmi Dogan, the governor of
//!   Turkey's Hatay province bordering Syria's Idlib region, said" gives "Rahmi
//!   Dogan, the governor of Turkey's Hatay province": the apposition stops at a
//!   participle, a relative pronoun or a verb);
//! - after the verb when a comma or a closing quote stands before it ("...,"
//!   said Ahmed Ali, a local official") and after "according to";
//! - after "quoted"/"cited" when "as saying" follows ("state media quoted a
//!   military source as saying").
//!
//! A passive verb ("no casualties were reported"), a negated one ("has not
//! confirmed") or a negative subject ("no one claimed") gives no attribution. A
//! pronoun source ("he said") is returned with `pronoun` set, for the pipeline to
//! resolve to the previous sentence's source. Spans are byte ranges into the text
//! given.

use std::sync::LazyLock;

use sitrep_lexicon::{tsv, PhraseMatcher, PhrasePattern};
use sitrep_model::Span;

use crate::dates::{tokenize, Token, TokenKind};

/// How a report is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A statement: "police said", "the army confirmed".
    Said,
    /// "according to X".
    AccordingTo,
    /// A statement to someone: "X told Reuters".
    Told,
    /// A claim: "X claimed responsibility", "rebels claim".
    Claimed,
    /// A relay by media or monitors: "state media reported", "quoted X as saying".
    Reported,
    /// A denial: "X denied involvement"; the reported event is not a fact.
    Denied,
}

/// One attribution found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Byte span of the source phrase ("Kabul police spokesman Ferdaws Faramarz").
    pub source: Span,
    /// Byte span of the reporting verb or phrase ("said", "according to").
    pub verb: Span,
    /// How the report is attributed.
    pub kind: SourceKind,
    /// The source is a pronoun ("he said"): resolve it to an earlier source.
    pub pronoun: bool,
    /// The reported content: the part of the text the attribution covers.
    pub scope: Span,
}

impl Attribution {
    /// The source phrase as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.source.slice(text)
    }

    /// Whether this is a denial of what its scope reports.
    pub fn is_denial(&self) -> bool {
        self.kind == SourceKind::Denied
    }
}

/// Whether `word` is a one-word reporting verb form ("said", "told", "reported").
pub fn is_reporting_verb(word: &str) -> bool {
    LEXICON
        .verb_words
        .iter()
        .any(|v| v.eq_ignore_ascii_case(word))
}

/// Whether `word` makes a following participle passive ("was reported").
pub fn is_passive(word: &str) -> bool {
    LEXICON.role(word) == Some(Role::Passive)
}

/// Whether `word` may stand between a reporting verb and the date of the
/// statement ("said in a statement on Monday", "told the council on Monday").
pub fn is_filler(word: &str) -> bool {
    matches!(LEXICON.role(word), Some(Role::Filler | Role::Determiner))
}

/// Every attribution in `text` (one sentence), in order.
pub fn find_attributions(text: &str) -> Vec<Attribution> {
    find_attributions_with(text, &mut Vec::new())
}

/// [`find_attributions`] reading `tokens`, the tokens of `text` from the date
/// reader ([`crate::dates::read_sentences`]); when empty, `text` is tokenised into it.
pub(crate) fn find_attributions_with(text: &str, tokens: &mut Vec<Token>) -> Vec<Attribution> {
    let lexicon = &*LEXICON;
    let verbs = lexicon.verbs.find(text);
    if verbs.is_empty() {
        return Vec::new();
    }
    if tokens.is_empty() {
        tokenize(text, tokens);
    }
    let tokens: &[Token] = tokens;
    let reader = Reader {
        text,
        tokens,
        lexicon,
    };
    let mut found: Vec<Attribution> = verbs
        .into_iter()
        .filter_map(|m| {
            let kind = *lexicon.kinds.get(m.id as usize)?;
            let first = tokens.partition_point(|t| t.span.start < m.span.start);
            let last = tokens.partition_point(|t| t.span.end < m.span.end);
            if tokens.get(first)?.span.start != m.span.start
                || tokens.get(last)?.span.end != m.span.end
            {
                return None;
            }
            reader.read(first, last, kind)
        })
        .collect();
    // A report's scope ends where the next source begins ("X said ..., but Y said ...").
    for i in 0..found.len() {
        let scope = found[i].scope;
        let next_source = found[i + 1..]
            .iter()
            .map(|a| a.source.start)
            .find(|&start| scope.start <= start && start < scope.end);
        if let Some(start) = next_source {
            found[i].scope.end = start;
        }
    }
    found
}

/// The attribution covering byte `anchor` of `text`: see [`pick_attribution`].
pub fn attribution_for(text: &str, anchor: usize) -> Option<Attribution> {
    let found = find_attributions(text);
    pick_attribution(&found, anchor).cloned()
}

/// Among `found`, the attribution whose scope contains `anchor`, else the one
/// whose verb is nearest to it.
pub fn pick_attribution(found: &[Attribution], anchor: usize) -> Option<&Attribution> {
    found
        .iter()
        .find(|a| a.scope.start <= anchor && anchor < a.scope.end)
        .or_else(|| {
            found.iter().min_by_key(|a| {
                if anchor < a.verb.start {
                    a.verb.start - anchor
                } else {
                    anchor.saturating_sub(a.verb.end)
                }
            })
        })
}

// ---------------------------------------------------------------------------
// Lexicon

/// How a verb entry reads its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbKind {
    Plain(SourceKind),
    According,
    Quoted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Pronoun,
    Nobody,
    Determiner,
    Break,
    Aux,
    Passive,
    Negation,
    Filler,
}

struct Lexicon {
    /// Abbreviations whose period does not end a phrase ("Col.", "Gov."), shared
    /// with the sentence splitter (`lexicons/text/abbreviations.tsv`).
    abbreviations: Vec<String>,
    verbs: PhraseMatcher,
    kinds: Vec<VerbKind>,
    verb_words: Vec<String>,
    /// The listed words and their roles, by byte length (a word can only equal,
    /// case aside, a word of its own length), in file order within a length.
    words: Vec<Vec<(String, Role)>>,
}

impl Lexicon {
    fn role(&self, word: &str) -> Option<Role> {
        self.words
            .get(word.len())?
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, role)| role)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut kinds = Vec::new();
    let mut verb_words = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("attribution/verbs.tsv")) {
        let kind = match row.get(1) {
            "said" => VerbKind::Plain(SourceKind::Said),
            "told" => VerbKind::Plain(SourceKind::Told),
            "reported" => VerbKind::Plain(SourceKind::Reported),
            "claimed" => VerbKind::Plain(SourceKind::Claimed),
            "denied" => VerbKind::Plain(SourceKind::Denied),
            "according_to" => VerbKind::According,
            "quoted" => VerbKind::Quoted,
            _ => continue,
        };
        let phrase = row.get(0);
        if !phrase.contains(' ') && kind != VerbKind::Plain(SourceKind::Denied) {
            verb_words.push(phrase.to_ascii_lowercase());
        }
        patterns.push(PhrasePattern {
            text: phrase.to_string(),
            id: kinds.len() as u32,
        });
        kinds.push(kind);
    }
    let mut words = Vec::new();
    for row in tsv::rows(sitrep_text::lexicon!("attribution/words.tsv")) {
        let role = match row.get(1) {
            "pronoun" => Role::Pronoun,
            "nobody" => Role::Nobody,
            "determiner" => Role::Determiner,
            "break" => Role::Break,
            "aux" => Role::Aux,
            "passive" => Role::Passive,
            "negation" => Role::Negation,
            "filler" => Role::Filler,
            _ => continue,
        };
        let word = row.get(0).to_ascii_lowercase();
        if words.len() <= word.len() {
            words.resize_with(word.len() + 1, Vec::new);
        }
        words[word.len()].push((word, role));
    }
    let abbreviations = tsv::rows(sitrep_text::lexicon!("text/abbreviations.tsv"))
        .map(|row| row.get(0).trim_end_matches('.').to_string())
        .collect();
    Lexicon {
        abbreviations,
        verbs: PhraseMatcher::new(&patterns),
        kinds,
        verb_words,
        words,
    }
});

// ---------------------------------------------------------------------------
// Reading a source phrase

/// How far a source phrase may reach, in tokens.
const MAX_SOURCE_TOKENS: usize = 16;

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'a Lexicon,
}

impl Reader<'_> {
    fn read(&self, first: usize, last: usize, kind: VerbKind) -> Option<Attribution> {
        let verb = Span::new(self.tokens[first].span.start, self.tokens[last].span.end);
        let end = self.text.len();
        match kind {
            VerbKind::According => {
                let (from, to) = self.forward_source(last + 1)?;
                let sentence_initial = self.only_openers_before(first);
                let scope = if sentence_initial {
                    Span::new(self.tokens[to].span.end, end)
                } else {
                    Span::new(0, verb.start)
                };
                Some(self.attribution(from, to, verb, SourceKind::AccordingTo, scope))
            }
            VerbKind::Quoted => {
                if let Some((from, to)) = self.forward_source(last + 1) {
                    if self.is_word(to + 1, "as") && self.is_word(to + 2, "saying") {
                        let scope = Span::new(self.tokens[to + 2].span.end, end);
                        return Some(self.attribution(from, to, verb, SourceKind::Reported, scope));
                    }
                }
                self.around_verb(first, last, verb, SourceKind::Reported)
            }
            VerbKind::Plain(kind) => self.around_verb(first, last, verb, kind),
        }
    }

    fn attribution(
        &self,
        from: usize,
        to: usize,
        verb: Span,
        kind: SourceKind,
        scope: Span,
    ) -> Attribution {
        let pronoun =
            from == to && self.word(from).is_some() && self.role(from) == Some(Role::Pronoun);
        Attribution {
            source: Span::new(self.tokens[from].span.start, self.tokens[to].span.end),
            verb,
            kind,
            pronoun,
            scope,
        }
    }

    /// A source before the verb (subject), or after it when a comma or a closing
    /// quote precedes the verb ("..., said X").
    fn around_verb(
        &self,
        first: usize,
        last: usize,
        verb: Span,
        kind: SourceKind,
    ) -> Option<Attribution> {
        let end = self.text.len();
        // Skip auxiliaries and adverbs: "has said", "also told", "later claimed".
        let mut k = first;
        loop {
            let p = k.checked_sub(1)?;
            match self.role(p) {
                Some(Role::Passive | Role::Negation) => return None,
                Some(Role::Determiner) if k == first => return None,
                Some(Role::Aux) => k = p,
                _ if self.is_ly_adverb(p) => k = p,
                _ => break,
            }
        }
        let before = k - 1;
        let number_word = self.word(before).is_some_and(crate::dates::is_number_word);
        if self.number(before).is_some() || number_word {
            // "three alleged members": an adjective, not a verb.
            return None;
        }
        if self.is_word(before, "to") {
            // "refused to confirm", "has yet to claim": not a report.
            return None;
        }
        let inverted = match self.tokens[before].kind {
            TokenKind::Punct('"' | '\u{201d}' | '\'' | '\u{2019}') => true,
            TokenKind::Punct(',') => match self.apposed_subject(before) {
                Some((from, to)) => {
                    let scope = Span::new(verb.end, end);
                    return self.plain(from, to, verb, kind, scope);
                }
                None => true,
            },
            _ => false,
        };
        if inverted {
            let (from, to) = self.forward_source(last + 1)?;
            let scope = Span::new(0, self.tokens[before].span.start);
            return self.plain(from, to, verb, kind, scope);
        }
        let from = self.backward_source(before)?;
        let scope = if self.content_follows(last) {
            Span::new(verb.end, end)
        } else {
            Span::new(0, self.tokens[from].span.start)
        };
        self.plain(from, before, verb, kind, scope)
    }

    fn plain(
        &self,
        from: usize,
        to: usize,
        verb: Span,
        kind: SourceKind,
        scope: Span,
    ) -> Option<Attribution> {
        if self.role(from) == Some(Role::Nobody)
            || (self.is_word(from, "no") && self.is_word(from + 1, "one"))
        {
            return None;
        }
        Some(self.attribution(from, to, verb, kind, scope))
    }

    /// Walks back from `to` over the subject: words, numbers, possessives,
    /// dotted abbreviations; stops at the clause start, other punctuation and
    /// conjunctions.
    fn backward_source(&self, to: usize) -> Option<usize> {
        let mut from = None;
        let mut k = to;
        for _ in 0..MAX_SOURCE_TOKENS {
            let token = self.tokens[k];
            let keep = match token.kind {
                TokenKind::Word => {
                    !matches!(
                        self.role(k),
                        Some(Role::Break | Role::Passive | Role::Negation)
                    ) && !self.is_verb_like(k)
                        && !self.is_participle(k)
                }
                TokenKind::Number { .. } => true,
                TokenKind::Punct('\'' | '\u{2019}' | '-' | '&') => !token.spaced,
                TokenKind::Punct('.') => {
                    !token.spaced && from.is_some() && self.is_single_capital(k.wrapping_sub(1))
                }
                TokenKind::Punct(_) => false,
            };
            if !keep {
                break;
            }
            from = Some(k);
            match k.checked_sub(1) {
                Some(p) => k = p,
                None => break,
            }
        }
        let mut from = from?;
        while from <= to
            && !matches!(
                self.tokens[from].kind,
                TokenKind::Word | TokenKind::Number { .. }
            )
        {
            from += 1;
        }
        (from <= to
            && self.tokens[from..=to]
                .iter()
                .any(|t| t.kind == TokenKind::Word))
        .then_some(from)
    }

    /// "Name, apposition, said": the comma before the verb is at `comma`. Returns
    /// the source from the name to the end of the apposition, cut before a
    /// participle, relative pronoun or verb.
    fn apposed_subject(&self, comma: usize) -> Option<(usize, usize)> {
        let inner_end = comma.checked_sub(1)?;
        let mut inner_start = inner_end;
        while inner_start > 0 && !self.is_clause_punct(inner_start - 1) {
            inner_start -= 1;
        }
        let name_comma = inner_start.checked_sub(1)?;
        if self.tokens[name_comma].kind != TokenKind::Punct(',') {
            return None;
        }
        let name_end = name_comma.checked_sub(1)?;
        let name_start = self.backward_source(name_end)?;
        let name_words = self.tokens[name_start..=name_end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if name_words > 6 || !self.capitalised(name_start) {
            return None;
        }
        // The name must open its clause.
        if name_start > 0 && !self.is_clause_punct(name_start - 1) {
            return None;
        }
        let opens = self.role(inner_start) == Some(Role::Determiner)
            || self
                .word(inner_start)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let inner_words = self.tokens[inner_start..=inner_end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        let named = self.capitalised(inner_start) && inner_words <= 6;
        if !opens && !named {
            return None;
        }
        let cut = self.apposition_end(inner_start, inner_end);
        Some((name_start, cut.unwrap_or(name_end).max(name_end)))
    }

    /// The last token of an apposition running from `start` to at most `end`,
    /// cut before a participle, relative pronoun, auxiliary or past-tense verb.
    fn apposition_end(&self, start: usize, end: usize) -> Option<usize> {
        let mut last = None;
        for k in start..=end {
            if self.tokens[k].kind == TokenKind::Word
                && (self.is_participle(k)
                    || matches!(self.role(k), Some(Role::Break | Role::Passive | Role::Aux))
                    || self.is_verb_like(k))
            {
                break;
            }
            last = Some(k);
        }
        last
    }

    /// A source phrase starting at `start` (after "according to" or an inverted
    /// verb), with a trailing apposition when it ends the sentence or is closed by
    /// a comma ("according to Ahmed Ali, a local official, ...").
    fn forward_source(&self, start: usize) -> Option<(usize, usize)> {
        let mut k = start;
        while self
            .tokens
            .get(k)
            .is_some_and(|t| !matches!(t.kind, TokenKind::Word | TokenKind::Number { .. }))
        {
            if self.is_clause_punct(k) {
                return None;
            }
            k += 1;
        }
        let from = k;
        let mut to = None;
        while let Some(token) = self.tokens.get(k) {
            let keep = match token.kind {
                TokenKind::Word => {
                    !matches!(self.role(k), Some(Role::Break | Role::Passive | Role::Aux))
                        && !self.starts_date(k)
                        && !is_reporting_verb(token.span.slice(self.text))
                }
                TokenKind::Number { .. } => true,
                TokenKind::Punct('\'' | '\u{2019}' | '-' | '&') => !token.spaced,
                TokenKind::Punct('.') => {
                    !token.spaced
                        && self
                            .tokens
                            .get(k + 1)
                            .is_some_and(|n| !n.spaced && n.kind == TokenKind::Word)
                        || self.is_single_capital(k.wrapping_sub(1))
                            && self
                                .tokens
                                .get(k + 1)
                                .is_some_and(|n| n.kind == TokenKind::Word)
                }
                TokenKind::Punct(_) => false,
            };
            if !keep || k - from >= MAX_SOURCE_TOKENS {
                break;
            }
            if token.kind != TokenKind::Punct('.') {
                to = Some(k);
            }
            k += 1;
        }
        let to = to?;
        // Apposition: ", the governor of Y" closing the sentence or the phrase.
        if self.is_punct(to + 1, ',') && self.role(to + 2) == Some(Role::Determiner) {
            let mut end = to + 2;
            while self
                .tokens
                .get(end + 1)
                .is_some_and(|_| !self.is_clause_punct(end + 1))
            {
                end += 1;
            }
            let closes = self.tokens.get(end + 1).is_none_or(|t| {
                matches!(t.kind, TokenKind::Punct(',' | '.' | '"' | '\u{201d}' | ';'))
            });
            let cut = self.apposition_end(to + 2, end);
            let clean = cut == Some(end) || cut.is_some_and(|c| self.is_participle(c + 1));
            if closes && clean && end - to <= 14 {
                return Some((from, cut.unwrap_or(to)));
            }
        }
        Some((from, to))
    }

    /// Whether reported content follows the verb at `last` (preposed source:
    /// "X said 33 troops were killed"), rather than the verb closing the
    /// sentence or clause ("..., police said on Thursday.").
    fn content_follows(&self, last: usize) -> bool {
        // "said that …": a complementiser always opens the reported content.
        if self.is_word(last + 1, "that") {
            return true;
        }
        let mut words = 0;
        for token in &self.tokens[last + 1..] {
            match token.kind {
                TokenKind::Punct(',' | ';' | '.' | '!' | '?' | '"' | '\u{201d}' | ')') => {
                    return false
                }
                TokenKind::Word | TokenKind::Number { .. } => words += 1,
                TokenKind::Punct(_) => {}
            }
            if words > 6 {
                return true;
            }
        }
        false
    }

    // -- token helpers ----------------------------------------------------

    fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        (token.kind == TokenKind::Word).then(|| token.span.slice(self.text))
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct(c))
    }

    fn number(&self, i: usize) -> Option<u32> {
        match self.tokens.get(i)?.kind {
            TokenKind::Number { value, .. } => Some(value),
            _ => None,
        }
    }

    fn role(&self, i: usize) -> Option<Role> {
        self.word(i).and_then(|w| self.lexicon.role(w))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// A single capital ("U" of "U.N.") or a listed abbreviation ("Col"), whose
    /// following period does not end the phrase.
    fn is_single_capital(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            (w.len() == 1 && self.capitalised(i))
                || self.lexicon.abbreviations.iter().any(|a| a == w)
        })
    }

    fn is_clause_punct(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::Punct(
                    ',' | ';' | ':' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}' | '!' | '?'
                )
            ) || (t.kind == TokenKind::Punct('.') && t.spaced)
                || (t.kind == TokenKind::Punct('.') && !self.is_single_capital(i.wrapping_sub(1)))
        })
    }

    fn lowercase_word(&self, i: usize) -> Option<&str> {
        self.word(i)
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
    }

    /// A lowercase "-ing" word ("bordering", "including").
    fn is_participle(&self, i: usize) -> bool {
        self.lowercase_word(i)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
    }

    /// A lowercase "-ly" adverb directly before a verb ("immediately claimed").
    fn is_ly_adverb(&self, i: usize) -> bool {
        self.lowercase_word(i)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
    }

    /// A lowercase past-tense-looking word not led by a determiner ("killed",
    /// but not "the armed forces"), or another reporting verb.
    fn is_verb_like(&self, i: usize) -> bool {
        let Some(word) = self.lowercase_word(i) else {
            return false;
        };
        if is_reporting_verb(word) {
            return true;
        }
        let after_determiner = i
            .checked_sub(1)
            .is_some_and(|p| self.role(p) == Some(Role::Determiner) || self.capitalised(p));
        word.len() > 4 && word.ends_with("ed") && !after_determiner
    }

    /// Whether a date expression starts at token `i` ("on Tuesday", "yesterday").
    fn starts_date(&self, i: usize) -> bool {
        let Some(word) = self.word(i) else {
            return false;
        };
        if word.eq_ignore_ascii_case("on") {
            return true;
        }
        let start = self.tokens[i].span.start;
        let rest = &self.text[start..];
        let probe = rest.get(..rest.len().min(40)).unwrap_or(rest);
        crate::dates::find_dates(probe, None)
            .first()
            .is_some_and(|m| m.span.start == 0)
    }

    /// Whether only opening punctuation precedes token `i` ("According to X, ...").
    fn only_openers_before(&self, i: usize) -> bool {
        self.tokens[..i]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Punct(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expected`: "source | kind[ | pronoun]" of every attribution, joined by " ; ";
    /// "" for none.
    fn check(sentence: &str, expected: &str) {
        let found = find_attributions(sentence);
        let rendered: Vec<String> = found
            .iter()
            .map(|a| {
                let kind = match a.kind {
                    SourceKind::Said => "said",
                    SourceKind::AccordingTo => "according_to",
                    SourceKind::Told => "told",
                    SourceKind::Claimed => "claimed",
                    SourceKind::Reported => "reported",
                    SourceKind::Denied => "denied",
                };
                let pronoun = if a.pronoun { " | pronoun" } else { "" };
                format!("{} | {kind}{pronoun}", a.text(sentence))
            })
            .collect();
        assert_eq!(
            rendered.join(" ; "),
            expected,
            "{sentence:?}\n(fix the reading in attribution.rs or the data in lexicons/attribution/)"
        );
    }

    #[test]
    #[rustfmt::skip]
    fn sources() {
        let rows = [
            ("Two sticky bombs exploded in Kabul early on Wednesday, killing two people, police said.", "police | said"),
            ("Five people were killed in the raid, police said on Tuesday.", "police | said"),
            ("A police investigation was underway, Faramarz said.", "Faramarz | said"),
            ("Taliban spokesman Zabiullah Mujahid said he was not aware of the explosions.", "Taliban spokesman Zabiullah Mujahid | said"),
            ("According to Kabul police spokesman Ferdaws Faramarz, one of the bombs was attached to a police vehicle.", "Kabul police spokesman Ferdaws Faramarz | according_to"),
            ("According to the United Nations, almost 950,000 civilians have been displaced since early December.", "the United Nations | according_to"),
            ("Rahmi Dogan, the governor of Turkey's Hatay province bordering Syria's Idlib region, said 33 troops were killed.", "Rahmi Dogan, the governor of Turkey's Hatay province | said"),
            ("He said 39 injured were being treated in Turkish hospitals.", "He | said | pronoun"),
            ("Turkey's U.N. Ambassador Feridun Sinirlioglu told the Security Council on Thursday that Turkey was committed to the truce.", "Turkey's U.N. Ambassador Feridun Sinirlioglu | told"),
            ("A local official told Reuters that eight people died in the blast.", "A local official | told"),
            ("\"The situation is calm,\" said Ahmed Ali, a local official.", "Ahmed Ali, a local official | said"),
            ("The attack killed five people, said Musa Bello, the chairman of the council.", "Musa Bello, the chairman of the council | said"),
            ("In a statement, the Nigerian army said it had repelled the attack.", "the Nigerian army | said"),
            ("A spokesman for the Somali army said 12 militants were killed in the raid.", "A spokesman for the Somali army | said"),
            ("Officials said the curfew would remain in place.", "Officials | said"),
            ("State media reported that the convoy was hit by a roadside bomb.", "State media | reported"),
            ("Meanwhile, the Islamic State group claimed responsibility for a mortar attack on Tuesday in Kabul.", "the Islamic State group | claimed"),
            ("Al-Shabaab claimed responsibility for the bombing in Mogadishu.", "Al-Shabaab | claimed"),
            ("The army confirmed that two soldiers died in the ambush near Gao.", "The army | said"),
            ("The Syrian Observatory for Human Rights reported 14 dead in the shelling.", "The Syrian Observatory for Human Rights | reported"),
            ("State media quoted a military source as saying 15 rebels died.", "a military source | reported"),
            ("The ministry has said the road to Marib is open.", "The ministry | said"),
            ("The governor also told reporters that the curfew was lifted.", "The governor | told"),
            ("They said the militants burned the school in Borno.", "They | said | pronoun"),
            ("\"We will respond,\" the minister said.", "the minister | said"),
            ("The attack, police said, killed five people in Karachi.", "police | said"),
            ("Residents say the gunmen arrived on motorbikes before dawn.", "Residents | said"),
            ("The U.N. refugee agency said 40,000 people had fled to Chad.", "The U.N. refugee agency | said"),
            ("Eight people were killed in Cali, according to Colombian police.", "Colombian police | according_to"),
            ("Protesters were beaten, according to Maria Lopez, an activist in the town.", "Maria Lopez, an activist in the town | according_to"),
            ("Two officials said the bodies were recovered from the river.", "Two officials | said"),
            ("The Kenyan Defence Forces said in a statement that 20 militants were killed.", "The Kenyan Defence Forces | said"),
            ("Local residents told AFP that soldiers fired into the crowd in Myanmar.", "Local residents | told"),
            ("The Pakistani Taliban claimed the attack on the checkpoint.", "The Pakistani Taliban | claimed"),
            ("Police in Lagos said 11 people were abducted from a church on Sunday.", "Police in Lagos | said"),
            ("The Health Ministry in Gaza said 23 people were killed overnight.", "The Health Ministry in Gaza | said"),
            ("Seven soldiers died in the ambush, said Lt. Col. Ahmed Musa, a spokesman for the army.", "Lt. Col. Ahmed Musa, a spokesman for the army | said"),
            ("Gen. Abdel Fattah al-Burhan told state television that the RSF had attacked first.", "Gen. Abdel Fattah al-Burhan | told"),
            ("An army spokesman, Col. Ali Haidar, said the militants fled towards the border.", "An army spokesman, Col. Ali Haidar | said"),
            ("Reuters reported that the ship was struck by two drones in the Red Sea.", "Reuters | reported"),
            ("A statement from the presidency said the curfew in Khartoum was extended.", "A statement from the presidency | said"),
            ("The girls were taken from their dormitory at night, she said.", "she | said | pronoun"),
            ("He told AFP that the gunmen wore military uniforms.", "He | told | pronoun"),
            ("The Ministry of Defence said Russian drones hit an energy facility in Odesa.", "The Ministry of Defence | said"),
            ("Interior Minister Ihor Klymenko said rescuers were still at the scene.", "Interior Minister Ihor Klymenko | said"),
            ("The rebels claimed that they had shot down a government helicopter.", "The rebels | claimed"),
            ("Iraqi jets struck the hideout, killing three alleged IS members, the army said.", "the army | said"),
            ("The Syrian army, which has denied using chemical weapons, said it would respond.", "The Syrian army | said"),
            ("M23 rebels later claimed control of the town of Rubaya.", "M23 rebels | claimed"),
            ("Witnesses said security forces fired tear gas at protesters in Nairobi.", "Witnesses | said"),
            ("The governor of Zamfara state, Bello Matawalle, confirmed the abduction.", "The governor of Zamfara state, Bello Matawalle | said"),
        ];
        for (sentence, expected) in rows {
            check(sentence, expected);
        }
    }

    #[test]
    #[rustfmt::skip]
    fn denials() {
        let rows = [
            ("The army denied that its troops fired on civilians in Tigray.", "The army | denied"),
            ("The Houthis denied involvement in the attack on the tanker.", "The Houthis | denied"),
            ("The militia denies any role in the massacre in Ituri.", "The militia | denied"),
            ("Hamas denied responsibility for the rocket that hit the hospital.", "Hamas | denied"),
            ("Israel has denied targeting civilians, the spokesman said.", "Israel | denied ; the spokesman | said"),
            ("Moscow denies that its forces struck the market in Kharkiv.", "Moscow | denied"),
        ];
        for (sentence, expected) in rows {
            check(sentence, expected);
        }
        let found = find_attributions("The army denied that its troops fired on civilians.");
        assert!(found[0].is_denial());
    }

    #[test]
    #[rustfmt::skip]
    fn no_attribution() {
        let rows = [
            ("No one immediately claimed responsibility for the attacks.", ""),
            ("Nobody has claimed the kidnapping of the engineers.", ""),
            ("No casualties were reported in the shelling.", ""),
            ("The army has not confirmed the deaths in Kidal.", ""),
            ("The group has yet to claim the attack.", ""),
            ("Rebels shelled the town, killing three civilians.", ""),
            ("The reported attack could not be verified.", ""),
            ("The army refused to confirm the number of dead.", ""),
            ("It is not known who carried out the attack.", ""),
            ("Deaths were also reported in the village of Sima.", ""),
            ("", ""),
        ];
        for (sentence, expected) in rows {
            check(sentence, expected);
        }
    }

    #[test]
    fn picks_the_attribution_covering_an_anchor() {
        let sentence =
            "Rebels said they shot down a drone, but the army said its forces shelled the camp.";
        let shelled = sentence.find("shelled").unwrap();
        let picked = attribution_for(sentence, shelled).unwrap();
        assert_eq!(picked.text(sentence), "the army");
        let sentence = "Gunmen killed five villagers in Zamfara, police said.";
        let picked = attribution_for(sentence, sentence.find("killed").unwrap()).unwrap();
        assert_eq!(picked.text(sentence), "police");
    }

    #[test]
    fn a_short_that_clause_is_the_reported_content() {
        let rows = [
            ("Chad said that rebels had fled.", " that rebels had fled."),
            ("Mali claimed that Niger attacked.", " that Niger attacked."),
            // Without "that", a short remainder is no content: the report covers what precedes.
            ("Five died, the police said on Monday.", "Five died, "),
        ];
        for (sentence, scope) in rows {
            let found = find_attributions(sentence);
            let got = found.first().map(|a| a.scope.slice(sentence));
            assert_eq!(got, Some(scope), "in {sentence:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for input in [
            "said",
            ", said",
            "according to",
            "according to ,",
            "\" said \"",
            "quoted as saying",
            "told",
            "\u{1F600} said \u{1F600}",
            ". . . said . . .",
        ] {
            let _ = find_attributions(input);
            let _ = attribution_for(input, 2);
        }
    }
}
