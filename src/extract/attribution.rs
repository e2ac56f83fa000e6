//! Who a sentence attributes its claims to (`attributed_to`).
//!
//! The speaker is read from the grammar around a cue word ([`attribution_cue`]):
//! - the subject of a reporting or estimating verb (`KCC is estimating`, `RMS pegged losses
//!   at`, `X, a research body, said`, `the $1.3tn that economists say is needed`);
//! - the name after `said` (`"…," said Trump`), `according to`, `as per`, `data from`;
//! - the agent of a passive (`demanded by developing nations`);
//! - the owner of an estimate (`Kiel Institute's estimate`, `PCS raised its estimate`).
//!
//! A phrase is a speaker only if it reads as a name or a group (`Swiss Re`, `analysts`,
//! `developing countries`); pronouns and descriptions (`he`, `the Tesla chief`) stand for the
//! last named speaker when only one was named just before, and a quote's speaker carries
//! across the quote's sentences. Anything else (a verb phrase, a time phrase, a truncated
//! name, a document such as `a new estimate`) gives no speaker: none is better than a wrong
//! one.

use super::lexicon::lower;
use super::{Claim, Kind};

/// A lower-case word without which [`attributions`] finds nothing: `according` (to), `per`
/// (as per), `response` (in … to), a reporting verb or a source noun (`estimate`, `data`).
pub(crate) fn attribution_cue(w: &str) -> bool {
    matches!(w, "according" | "response") || reporting_verb(w).is_some() || source_noun(w)
}

/// How a reporting verb finds its speaker.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Verb {
    /// Speech, which may put the speaker after it (`"…," said Trump`).
    Say,
    /// Estimating, demanding, finding: the subject before it.
    Report,
    /// Also a plural noun (`states`, `estimates`): a verb only where a noun cannot be.
    Ambiguous,
    /// Speech only before a clause (`added that`, `noted:`), else plain action
    /// (`added damage`).
    Clausal,
    /// Puts a figure on something (`put losses at`, `pegged`, `placed`).
    Put,
    /// A demand only with `for` (`asked for`, `called for`).
    For,
}

fn reporting_verb(w: &str) -> Option<Verb> {
    // Most words fail on length or case before any comparison.
    let b = w.as_bytes();
    if !(3..=11).contains(&b.len()) || !b[0].is_ascii_lowercase() {
        return None;
    }
    Some(match w {
        "said" | "says" | "say" | "told" | "tells" | "wrote" | "writes" | "tweeted" | "posted"
        | "testified" | "declared" | "asserted" | "argued" | "argues" | "insisted" | "insists"
        | "warned" | "explained" | "stated" | "claimed" | "reported" => Verb::Say,
        "estimated" | "estimating" | "projected" | "projecting" | "forecasted" | "forecasting"
        | "predicted" | "predicts" | "calculated" | "calculates" | "announced" | "announces"
        | "confirmed" | "confirms" | "concluded" | "concludes" | "demanded" | "demanding"
        | "requested" | "requesting" | "expects" | "suggested" | "suggests" | "found"
        | "revised" => Verb::Report,
        "estimates" | "estimate" | "forecast" | "forecasts" | "projects" | "states" | "claims"
        | "reports" | "demands" | "counts" => Verb::Ambiguous,
        "added" | "adds" | "noted" | "notes" => Verb::Clausal,
        // Machine rewrites of `said` and `told` (`mentioned`, `instructed the FT`).
        "mentioned" | "advised" | "instructed" => Verb::Say,
        "put" | "puts" | "pegged" | "pegs" | "placed" | "places" | "valued" | "values" => Verb::Put,
        "asked" | "ask" | "asking" | "called" | "calls" | "calling" => Verb::For,
        _ => return None,
    })
}

/// Verbs for what a source does to its own estimate (`PCS ups its estimate`).
fn revision_verb(w: &str) -> bool {
    matches!(
        w,
        "raised"
            | "raises"
            | "ups"
            | "upped"
            | "lifted"
            | "lifts"
            | "cut"
            | "cuts"
            | "lowered"
            | "lowers"
            | "revised"
            | "revises"
            | "increased"
            | "increases"
            | "maintained"
            | "maintains"
            | "kept"
            | "keeps"
            | "released"
            | "releases"
            | "published"
            | "publishes"
            | "issued"
            | "issues"
            | "updated"
            | "updates"
            | "reaffirmed"
    )
}

/// Nouns for what a source publishes: `Kiel Institute's estimate`, `data from X`.
fn source_noun(w: &str) -> bool {
    matches!(
        w,
        "estimate"
            | "estimates"
            | "forecast"
            | "forecasts"
            | "projection"
            | "projections"
            | "data"
            | "figures"
            | "filing"
            | "calculation"
            | "calculations"
            | "tally"
            | "update"
            | "analysis"
            | "assessment"
            | "survey"
            | "report"
            | "study"
            | "range"
    )
}

/// Heads of phrases that name a document or a deal, never a speaker (`the post`,
/// `a new estimate`).
fn document_noun(w: &str) -> bool {
    source_noun(w)
        || matches!(
            w,
            "post"
                | "agreement"
                | "deal"
                | "text"
                | "draft"
                | "statement"
                | "report"
                | "study"
                | "document"
                | "article"
                | "decision"
                | "plan"
                | "proposal"
                | "offer"
                | "release"
                | "paper"
                | "letter"
                | "model"
                | "figure"
                | "number"
                | "numbers"
                | "total"
                | "amount"
                | "sum"
                | "loss"
                | "losses"
                | "damage"
                | "cost"
                | "costs"
                | "programme"
                | "program"
                | "project"
                | "scheme"
                | "package"
                | "initiative"
                | "charge"
                | "fee"
        )
}

/// Heads of descriptions that stand for a named speaker (`the world's richest man`, `the
/// agency`): read like a pronoun.
fn role_noun(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "woman"
            | "chief"
            | "boss"
            | "founder"
            | "executive"
            | "ceo"
            | "billionaire"
            | "entrepreneur"
            | "company"
            | "firm"
            | "agency"
            | "group"
            | "body"
            | "organisation"
            | "organization"
            | "modeller"
            | "modeler"
            | "insurer"
            | "reinsurer"
            | "broker"
            | "bank"
            | "minister"
            | "president"
            | "publication"
            | "outlet"
            | "newspaper"
    )
}

/// Heads of descriptions of people the story does not name (`a source`, `the official`):
/// the speaker as the story gives them.
fn anonymous_noun(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "person"
            | "people"
            | "individuals"
            | "official"
            | "officials"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "diplomat"
            | "diplomats"
            | "negotiator"
            | "negotiators"
            | "insider"
            | "insiders"
    )
}

/// Heads of phrases for a body of people (`the developing world`).
fn group_noun(w: &str) -> bool {
    matches!(
        w,
        "world"
            | "public"
            | "government"
            | "administration"
            | "industry"
            | "commission"
            | "council"
            | "committee"
            | "presidency"
            | "secretariat"
            | "ministry"
            | "department"
            | "union"
            | "fund"
            | "board"
            | "bloc"
            | "coalition"
            | "alliance"
    )
}

fn is_clause_mark(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "—" | "–")
}

fn clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whose"
            | "and"
            | "but"
            | "or"
            | "when"
            | "where"
            | "as"
            | "while"
            | "because"
            | "after"
            | "before"
            | "if"
            | "though"
            | "although"
            | "since"
            | "until"
            | "so"
    )
}

fn preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "from"
            | "with"
            | "by"
            | "over"
            | "under"
            | "about"
            | "into"
            | "than"
            | "like"
            | "per"
            | "during"
            | "against"
            | "between"
            | "through"
            | "without"
            | "within"
            | "across"
            | "of"
            | "for"
            | "up"
            | "off"
            | "out"
    )
}

/// Auxiliaries and copulas: between a subject and its verb, never in a name.
fn auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "shall"
            | "should"
            | "must"
            | "does"
            | "do"
            | "did"
            | "not"
    )
}

/// Adverbs that sit between a subject and its verb (`now projects`, `previously announced`).
fn adverb(w: &str) -> bool {
    matches!(
        w,
        "now"
            | "also"
            | "first"
            | "then"
            | "still"
            | "already"
            | "just"
            | "again"
            | "earlier"
            | "later"
            | "once"
            | "upward"
            | "upwards"
            | "downward"
            | "downwards"
            | "further"
            | "today"
            | "yesterday"
            | "tonight"
    ) || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()))
}

fn weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Words that are not part of any speaker's name.
fn never_in_name(w: &str) -> bool {
    auxiliary(w) || preposition(w) && !matches!(w, "of" | "for") || weekday(w)
}

/// A figure or a number word (`$5bn`, `trillion`, `three`): never part of a speaker.
fn has_digit(w: &str) -> bool {
    // `G77`, `COP29` are names; `$5bn`, `US$5bn`, `5%`, `1.3trn` are figures.
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit)
        || w.contains('$')
        || w.starts_with(['€', '£', '¥', '₹', '+', '-', '−'])
        || (b.len() <= 3 && b.iter().any(u8::is_ascii_digit))
        || {
            let mut buf = [0; 24];
            let lw = lower(w, &mut buf);
            super::lexicon::scale(lw).is_some() && lw != "one"
        }
}

/// A plain count in a subject (`134 developing countries`), not a year or an amount.
fn count_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

fn capitalized(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| {
        // `developing countries'`
        w.strip_suffix('\'').filter(|s| s.ends_with('s'))
    })
}

/// A word with its byte span.
pub(super) struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

pub(super) fn words(text: &str, base: usize) -> Vec<Word<'_>> {
    // About one word in six bytes of news text: one allocation, not a series of doublings.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let b = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        // ASCII bytes by table; other characters decoded (letters, digits, quotes, dashes).
        let (part, mark, width) = match WORD_BYTE[usize::from(b[i])] {
            PART => {
                // The rest of an ASCII run in a tight loop.
                start.get_or_insert(i);
                i += 1;
                while b.get(i).is_some_and(|&c| WORD_BYTE[usize::from(c)] == PART) {
                    i += 1;
                }
                continue;
            }
            MARK => (false, true, 1),
            SPACE => (false, false, 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let part = c.is_alphanumeric() || c == '’';
                (part, matches!(c, '“' | '”' | '—' | '–'), c.len_utf8())
            }
        };
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: base + s, end: base + i, text: &text[s..i] });
                start = None;
            }
            _ => {}
        }
        // Punctuation that ends a clause is a word of its own, so speakers stop there.
        if mark {
            out.push(Word { start: base + i, end: base + i + width, text: &text[i..i + width] });
        }
        i += width;
    }
    if let Some(s) = start {
        out.push(Word { start: base + s, end: base + text.len(), text: &text[s..] });
    }
    // Trailing sentence periods belong to no word.
    for w in &mut out {
        let stem = w.text.strip_suffix('.').unwrap_or("");
        let initial = stem.len() == 1 && stem.bytes().all(|b| b.is_ascii_uppercase());
        let abbreviation = matches!(
            stem,
            "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr" | "Dr" | "Mr" | "Mrs" | "Ms"
        );
        if !stem.is_empty() && !stem.contains('.') && !initial && !abbreviation {
            w.text = &w.text[..w.text.len() - 1];
            w.end -= 1;
        }
    }
    out
}

/// Classes of bytes for [`words`]: part of a word, a clause mark (a word of its own),
/// anything else ASCII, and the lead or continuation bytes of other characters.
const SPACE: u8 = 0;
const PART: u8 = 1;
const MARK: u8 = 2;
const WIDE: u8 = 3;
static WORD_BYTE: [u8; 256] = byte_classes!(|b| if b >= 0x80 {
    WIDE
} else if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-' | b'&' | b'+') {
    PART
} else if matches!(b, b',' | b';' | b':' | b'"' | b'(' | b')') {
    MARK
} else {
    SPACE
});

/// Who a phrase in subject or agent position names.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Speaker {
    /// A name or a group, normalized (`Kiel Institute`, `developing countries`).
    Named(String),
    /// `he`, `she`, `it`, `they` or a description (`the Tesla chief`): the last named
    /// speaker, if only one; `true` if singular, which no plural group (`three people`)
    /// answers.
    Third(bool),
    /// `I`, `we`: the speaker of the quote around it.
    First,
}

/// An attribution found in a sentence.
#[derive(Clone, Debug)]
struct Attribution {
    /// Byte offset of its cue word.
    at: usize,
    who: Speaker,
    /// A verb named the speaker (rather than `according to` or a document).
    verb: bool,
    /// The subject of a relative clause (`the $2tn that economists say`, `the $2tn experts
    /// say`) speaks for the figure just before it only: the subject's byte offset.
    relative: Option<usize>,
    /// Where the subject starts, if a subject named the speaker: a figure in the subject
    /// (`134 countries demanded`) is not what they said.
    subject: Option<usize>,
}

/// A speaker, the offset of a relative clause's subject ([`Attribution::relative`]) and
/// that of any subject ([`Attribution::subject`]).
type Found = (Speaker, Option<usize>, Option<usize>);

/// Every attribution in the sentence `text[sentence.0..sentence.1]`.
fn attributions(text: &str, sentence: (usize, usize)) -> Vec<Attribution> {
    let ws = words(&text[sentence.0..sentence.1], sentence.0);
    let mut out = Vec::new();
    let mut buf = [0; 24];
    for (i, w) in ws.iter().enumerate() {
        let lw = lower(w.text, &mut buf);
        let next = |k: usize| ws.get(i + k).map_or("", |n| n.text);
        let next_is = |k: usize, word: &str| next(k).eq_ignore_ascii_case(word);
        // according to X / as per X / in response to X (a machine rewrite of "according to")
        let after = if lw == "according" && next_is(1, "to") {
            Some(i + 2)
        } else if lw == "response" && next_is(1, "to") && i > 0 && ws[i - 1].text == "in" {
            Some(i + 2)
        } else {
            None
        };
        let at = w.start;
        if let Some(a) = after {
            if let Some(who) = phrase_after(&ws, a) {
                out.push(Attribution { at, who, verb: false, relative: None, subject: None });
            }
            continue;
        }
        if source_noun(lw) && !capitalized(w.text) {
            if let Some((who, relative, subject)) = owner(&ws, i) {
                out.push(Attribution { at, who, verb: false, relative, subject });
                continue;
            }
        }
        let Some(verb) = reporting_verb(w.text) else { continue };
        if let Some((who, relative, subject)) = verb_speaker(&ws, i, verb) {
            out.push(Attribution { at, who, verb: true, relative, subject });
        }
    }
    out
}

/// The speaker of the reporting verb `ws[v]`, if it has one.
fn verb_speaker(ws: &[Word<'_>], v: usize, verb: Verb) -> Option<Found> {
    let mut buf = [0; 24];
    let mut nbuf = [0; 24];
    let next = ws.get(v + 1).map_or("", |n| lower(n.text, &mut nbuf));
    let next_mark = ws.get(v + 1).is_none_or(|n| is_clause_mark(n.text)) || next == "that";
    match verb {
        // `estimates of $5bn`, `the Gulf states alone`: nouns.
        Verb::Ambiguous
            if preposition(next) || auxiliary(next) || matches!(next, "alone" | "were") =>
        {
            return None
        }
        Verb::Clausal if !next_mark => return None,
        Verb::For if next != "for" => return None,
        Verb::Put
            if !ws[v + 1..]
                .iter()
                .take(16)
                .any(|w| matches!(w.text, "at" | "between" | "to" | "from")) =>
        {
            return None
        }
        _ => {}
    }
    // A noun after a determiner (`the estimates`, `its forecast`).
    if matches!(verb, Verb::Ambiguous) && v > 0 {
        let prev = lower(ws[v - 1].text, &mut buf);
        if matches!(prev, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "these")
            || possessive(ws[v - 1].text).is_some()
            || ws[v - 1].text.ends_with("’")
        {
            return None;
        }
    }
    // A passive or a participle (`is estimated at`, `estimated to be`, `the programme
    // announced in April`) names a speaker only as its agent (`demanded by developing
    // nations`).
    let mut k = v;
    while k > 0 && adverb(lower(ws[k - 1].text, &mut buf)) {
        k -= 1;
    }
    let before = ws.get(k.wrapping_sub(1)).map_or("", |w| lower(w.text, &mut buf)).to_string();
    let ing = ws[v].text.ends_with("ing");
    let passive =
        matches!(before.as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being") && !ing;
    let perfect = matches!(before.as_str(), "has" | "have" | "had");
    if next == "by" {
        return phrase_after(ws, v + 2).map(|who| (who, None, None));
    }
    if passive {
        let by = ws[v + 1..].iter().take(8).position(|w| w.text == "by")?;
        let between = &ws[v + 1..v + 1 + by];
        if between.iter().any(|w| is_clause_mark(w.text) || has_digit(w.text)) {
            return None;
        }
        return phrase_after(ws, v + 2 + by).map(|who| (who, None, None));
    }
    // `the programme announced in April` is left to the subject test: a document or a
    // deal is no speaker.
    let participle = matches!(next, "to" | "at");
    if participle && !ing && !perfect {
        return None;
    }
    if let Some(who) = subject_before(ws, v) {
        return Some(who);
    }
    // said X: the speaker after the verb, after a quote or a comma.
    if verb == Verb::Say && v > 0 && is_clause_mark(ws[v - 1].text) {
        let who = phrase_after(ws, v + 1)?;
        return matches!(who, Speaker::Named(_)).then_some((who, None, None));
    }
    None
}

/// The subject of the verb `ws[v]`: back over auxiliaries, adverbs, time phrases
/// (`last week`, `on Friday`), a parenthesis (`(KCC)`) and an appositive (`, a German
/// research body,`) to the phrase before.
fn subject_before(ws: &[Word<'_>], v: usize) -> Option<Found> {
    let mut buf = [0; 24];
    let mut j = v;
    loop {
        let w = lower(ws.get(j.checked_sub(1)?)?.text, &mut buf);
        if auxiliary(w) || adverb(w) {
            j -= 1;
        } else if weekday(w) {
            j -= 1;
            if j > 0 && matches!(lower(ws[j - 1].text, &mut buf), "on" | "last" | "this") {
                j -= 1;
            }
        } else if matches!(w, "week" | "month" | "year" | "morning" | "night")
            && j >= 2
            && matches!(lower(ws[j - 2].text, &mut buf), "last" | "this" | "earlier")
        {
            j -= 2;
        } else {
            break;
        }
    }
    // `Karen Clark & Co (KCC) said`: the name before the parenthesis.
    if ws[j - 1].text == ")" {
        let open = (j.saturating_sub(6)..j - 1).rev().find(|&k| ws[k].text == "(")?;
        j = open;
    }
    if j > 0 && ws[j - 1].text == "," {
        // Each way of reading the commas as an appositive, nearest first.
        let mut k = j - 1;
        for _ in 0..3 {
            let end = skip_appositive(ws, k)?;
            if let Some(who) = subject_ending(ws, end) {
                return Some(who);
            }
            k = end;
        }
        return None;
    }
    subject_ending(ws, j)
}

/// The subject phrase that ends before `ws[end]`.
fn subject_ending(ws: &[Word<'_>], end: usize) -> Option<Found> {
    let mut buf = [0; 24];
    let mut start = end;
    while start > 0 && end - start < 10 {
        let t = ws[start - 1].text;
        let lw = lower(t, &mut buf);
        // `Founder and CEO`, `Control and Prevention`: `and` between capitals is in a name.
        let named_and = lw == "and"
            && start >= 2
            && start < end
            && capitalized(ws[start].text)
            && capitalized(ws[start - 2].text);
        // `countries like Uganda`, `officials in Mexico`, `a group of 134 countries`.
        let group_before = start >= 2 && {
            let mut pb = [0; 24];
            let p = lower(ws[start - 2].text, &mut pb);
            (start == 2 || !capitalized(ws[start - 2].text))
                && (anonymous_noun(p) || p.len() > 3 && p.ends_with('s') && !p.ends_with("ss"))
        };
        let inner = matches!(lw, "like" | "in" | "at" | "from")
            && start < end
            && capitalized(ws[start].text)
            && (lw == "like" || group_before)
            || count_word(t) && start < end && start >= 2 && ws[start - 2].text == "of";
        if !named_and
            && !inner
            && (is_clause_mark(t) || clause_word(lw) || has_digit(t) || never_in_name(lw))
        {
            break;
        }
        start -= 1;
    }
    if start == end || end - start == 10 {
        return None;
    }
    // `In September RMS estimated`: a time phrase before the subject.
    if start > 0 && start + 1 < end && preposition(lower(ws[start - 1].text, &mut buf)) {
        let t = lower(ws[start].text, &mut buf);
        if super::lexicon::month(t) || weekday(t) {
            start += 1;
            return Some((classify(ws, start, end)?, None, Some(ws[start].start)));
        }
    }
    // `in Northeastern states hit`: an object, not a subject.
    let mut relative = None;
    if start > 0 {
        let t = ws[start - 1].text;
        let lw = lower(t, &mut buf);
        if preposition(lw) || auxiliary(lw) {
            return None;
        }
        if matches!(lw, "that" | "which") || has_digit(t) {
            relative = Some(ws[start].start);
        }
    }
    Some((classify(ws, start, end)?, relative, Some(ws[start].start)))
}

/// `X, a research body, said`: given the comma before the verb, the end of `X` (the comma
/// before the appositive). Up to three comma-separated parts (`RMS, based in Newark, Calif.,
/// said`), the first of which opens like an appositive: an article, `which`/`who`, a
/// participle (`based`, `backed`), an adverb (`however`), or a title (`Harjeet Singh, Global
/// Engagement Director for …, told`).
fn skip_appositive(ws: &[Word<'_>], comma: usize) -> Option<usize> {
    let mut buf = [0; 24];
    let mut k = comma;
    for _ in 0..3 {
        let mut s = k;
        while s > 0 && !is_clause_mark(ws[s - 1].text) && k - s < 14 {
            s -= 1;
        }
        if s == 0 || s == k || ws[s - 1].text != "," {
            return None;
        }
        let first = ws[s].text;
        let lw = lower(first, &mut buf);
        let opener = matches!(lw, "a" | "an" | "the" | "which" | "who" | "one" | "its" | "however")
            || adverb(lw)
            || (lw.ends_with("ed") && !capitalized(first))
            || capitalized(first) && s >= 2 && capitalized(ws[s - 2].text);
        if opener {
            return Some(s - 1);
        }
        k = s - 1;
    }
    None
}

/// The speaker named by the phrase starting at `ws[a]` (after `according to`, `by`,
/// `said`), up to a clause mark, a verb or the lower-case words after a name.
fn phrase_after(ws: &[Word<'_>], a: usize) -> Option<Speaker> {
    let mut buf = [0; 24];
    let mut e = a;
    let mut seen_cap = false;
    while e < ws.len() {
        if e - a == 12 {
            // A truncated name is worse than none.
            return None;
        }
        let t = ws[e].text;
        let lw = lower(t, &mut buf);
        // `and` between capitals is in a name (`Centers for Disease Control and Prevention`).
        // `and`, `on` between capitals are in a name (`Centers for Disease Control and
        // Prevention`, `Expert Group on Climate Finance`), unless a date follows.
        let named_and = matches!(lw, "and" | "on")
            && seen_cap
            && ws.get(e + 1).is_some_and(|n| {
                let mut nb = [0; 24];
                let nl = lower(n.text, &mut nb);
                capitalized(n.text) && !weekday(nl) && !super::lexicon::month(nl)
            });
        if is_clause_mark(t)
            || has_digit(t)
            || (e > a && !named_and && (clause_word(lw) || never_in_name(lw)))
        {
            break;
        }
        if matches!(lw, "last" | "this" | "earlier" | "later" | "now" | "today" | "yesterday") {
            break;
        }
        if capitalized(t) {
            seen_cap = true;
        } else if seen_cap && !matches!(lw, "of" | "for" | "and" | "&" | "de" | "the") {
            break;
        }
        if possessive(t).is_some() && !ws.get(e + 1).is_some_and(|n| capitalized(n.text)) {
            // `Trump's plan`: a description, not a name.
            return None;
        }
        e += 1;
    }
    // A name does not end on a connector (`the U.S. Department of`).
    while e > a && matches!(lower(ws[e - 1].text, &mut buf), "of" | "for" | "and" | "&" | "the") {
        e -= 1;
    }
    if e == a {
        return None;
    }
    // `according to Bloomberg estimates`, `as per the SEC filing`: the name before the
    // document names the source.
    let mut hb = [0; 24];
    if e - a >= 2 && document_noun(lower(ws[e - 1].text, &mut hb)) && capitalized(ws[e - 2].text) {
        let mut s = e - 1;
        while s > a && capitalized(ws[s - 1].text) && possessive(ws[s - 1].text).is_none() {
            s -= 1;
        }
        if s < e - 1 && ws[s].text != "The" {
            return classify(ws, s, e - 1);
        }
    }
    classify(ws, a, e)
}

/// The owner of the source noun `ws[n]`: `Kiel Institute's (latest) estimate`, `the RMS
/// estimate`, `PCS raised its estimate`, `data from X`.
fn owner(ws: &[Word<'_>], n: usize) -> Option<Found> {
    let mut buf = [0; 24];
    if ws.get(n + 1).is_some_and(|w| matches!(w.text, "from" | "by")) {
        if let Some(who) = phrase_after(ws, n + 2) {
            return Some((who, None, None));
        }
    }
    // Back over up to four modifiers (`earlier`, `industry loss`, `Ida`).
    let mut k = n;
    while k > 0 && n - k <= 4 {
        let t = ws[k - 1].text;
        let lw = lower(t, &mut buf);
        if let Some(stem) = possessive(t) {
            if matches!(stem.to_ascii_lowercase().as_str(), "it" | "its") {
                return None;
            }
            // The owner is the phrase that ends in the possessive.
            let end = k;
            let mut start = k - 1;
            while start > 0
                && end - start < 8
                && !is_clause_mark(ws[start - 1].text)
                && !clause_word(lower(ws[start - 1].text, &mut buf))
                && !never_in_name(lower(ws[start - 1].text, &mut buf))
                && !has_digit(ws[start - 1].text)
            {
                start -= 1;
            }
            return classify_owner(ws, start, end).map(|who| (who, None, None));
        }
        if revision_verb(lw) && k < n {
            // `AIR raises Ida loss range to $30bn`
            return subject_before(ws, k - 1);
        }
        if matches!(lw, "its" | "their" | "his" | "her") {
            // `SUBJ [aux] VERB [adverb] its estimate`
            let mut v = k - 1;
            while v > 0 && adverb(lower(ws[v - 1].text, &mut buf)) {
                v -= 1;
            }
            // A verb that changes or keeps an estimate (`PCS raised its estimate`).
            let verb = v.checked_sub(1)?;
            if !revision_verb(lower(ws[verb].text, &mut buf)) {
                return None;
            }
            return subject_before(ws, verb);
        }
        if matches!(lw, "the") {
            // `the RMS estimate`: an acronym among the modifiers names the source.
            let acronyms: Vec<&str> = ws[k..n]
                .iter()
                .map(|w| w.text)
                .filter(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase()))
                .collect();
            return (acronyms.len() == 1)
                .then(|| (Speaker::Named(acronyms[0].to_string()), None, None));
        }
        if is_clause_mark(t) || has_digit(t) || never_in_name(lw) || clause_word(lw) {
            return None;
        }
        k -= 1;
    }
    None
}

/// [`classify`] for a phrase whose last word is a possessive, read without it.
fn classify_owner(ws: &[Word<'_>], start: usize, end: usize) -> Option<Speaker> {
    let last = &ws[end - 1];
    let stem = possessive(last.text)?;
    let trimmed = Word { start: last.start, end: last.start + stem.len(), text: stem };
    let mut phrase: Vec<Word<'_>> = ws[start..end - 1]
        .iter()
        .map(|w| Word { start: w.start, end: w.end, text: w.text })
        .collect();
    phrase.push(trimmed);
    let n = phrase.len();
    classify(&phrase, 0, n)
}

/// What the words `ws[a..b]` name as a speaker, if anything.
fn classify(ws: &[Word<'_>], a: usize, b: usize) -> Option<Speaker> {
    let mut buf = [0; 24];
    let mut phrase = &ws[a..b];
    // `a group of 134 developing states`: the group is the states.
    if let Some(of) = phrase.iter().take(4).position(|w| w.text == "of") {
        let lead = lower(phrase[of.saturating_sub(1)].text, &mut buf);
        if of + 1 < phrase.len() && matches!(lead, "group" | "coalition" | "bloc" | "number") {
            phrase = &phrase[of + 1..];
        }
    }
    if phrase.iter().any(|w| has_digit(w.text) && !count_word(w.text) || is_clause_mark(w.text)) {
        return None;
    }
    let first = lower(phrase[0].text, &mut buf);
    if matches!(first, "of" | "for" | "and" | "&" | "like" | "on") {
        // `for the Windshift programme`: the tail of another phrase.
        return None;
    }
    if phrase.len() == 1 {
        match first {
            "he" | "she" | "it" => return Some(Speaker::Third(true)),
            "they" => return Some(Speaker::Third(false)),
            "i" | "we" => return Some(Speaker::First),
            _ => {}
        }
    }
    let mut lb = [0; 24];
    if phrase.iter().enumerate().any(|(i, w)| {
        let lw = lower(w.text, &mut lb);
        // `Control and Prevention`, `countries like Uganda`, `Group on Climate Finance`.
        let joins_name = phrase.get(i + 1).is_some_and(|n| capitalized(n.text));
        if matches!(lw, "and" | "like" | "on" | "in" | "at" | "from") && joins_name && i > 0 {
            return false;
        }
        matches!(
            lw,
            "i" | "we"
                | "he"
                | "she"
                | "it"
                | "they"
                | "you"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "this"
                | "these"
                | "those"
                | "there"
        ) || never_in_name(lw)
            || clause_word(lw)
    }) {
        return None;
    }
    let last = phrase[phrase.len() - 1].text;
    if possessive(last).is_some() || matches!(last, "’" | "'") {
        // `Trump's`, `New York’s`: the start of a longer phrase.
        return None;
    }
    // The determiner, and the words after it.
    let det = match first {
        "the" => Some(true),
        "a" | "an" | "one" | "another" => Some(false),
        _ => None,
    };
    let body = if det.is_some() { &phrase[1..] } else { phrase };
    if body.is_empty() {
        return None;
    }
    let head = lower(body[body.len() - 1].text, &mut buf).to_string();
    // A capital that only opens the sentence (`Developing countries`) is no name.
    let proper = |i: usize| {
        let w = body[i].text;
        capitalized(w)
            && !(i == 0
                && det.is_none()
                && body.len() > 1
                && !capitalized(body[1].text)
                && !w.chars().skip(1).any(char::is_uppercase))
    };
    let any_proper = (0..body.len()).any(proper);
    let text_of = |ws: &[Word<'_>]| -> String {
        super::collapse_whitespace(&ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
    };
    if anonymous_noun(&head) && !proper(body.len() - 1) {
        return Some(Speaker::Named(text_of(phrase)));
    }
    if !any_proper {
        return match det {
            Some(true) if role_noun(&head) => Some(Speaker::Third(true)),
            Some(true) if document_noun(&head) => None,
            // `the least developed countries`, `the developing world`.
            Some(true) if head.ends_with('s') || group_noun(&head) => {
                Some(Speaker::Named(text_of(body)))
            }
            Some(_) => None,
            // Bare groups: `economists`, `some developing countries`.
            None if head.ends_with('s') && body.len() <= 5 && !document_noun(&head) => {
                Some(Speaker::Named(text_of(body)))
            }
            None => None,
        };
    }
    let head_proper = proper(body.len() - 1);
    if !head_proper {
        if det == Some(true) && role_noun(&head) {
            return Some(Speaker::Third(true));
        }
        if document_noun(&head) {
            return None;
        }
        // `A Ukrainian source`, `analysts for Goldman Sachs`.
        return Some(Speaker::Named(text_of(if det == Some(true) { body } else { phrase })));
    }
    // The name at the end; lower-case descriptions before it are dropped (`catastrophe
    // modeling company Karen Clark & Co`), connected phrases kept (`nations and China`).
    let mut s = body.len();
    while s > 0 {
        let w = body[s - 1].text;
        let lw = lower(w, &mut buf);
        let inner = s < body.len() && proper(s);
        let the_after_of =
            lw == "the" && s >= 2 && matches!(lower(body[s - 2].text, &mut [0; 24]), "of" | "for");
        if proper(s - 1)
            || inner && (matches!(lw, "of" | "for" | "&" | "de" | "and") || the_after_of)
        {
            s -= 1;
        } else {
            break;
        }
    }
    let connected = s > 0
        && matches!(
            lower(body[s - 1].text, &mut buf),
            "and" | "for" | "of" | "like" | "in" | "at" | "from"
        );
    let name = if connected { body } else { &body[s..] };
    Some(Speaker::Named(text_of(name)))
}

/// Fills `attributed_to` on `claims`. `cued[k]` is false for a sentence known to hold no
/// [`attribution_cue`] word (so it names no speaker itself, though a quote around it may).
pub(super) fn speakers(text: &str, sents: &[(usize, usize)], cued: &[bool], claims: &mut [Claim]) {
    let mut cache: Vec<Option<Vec<Attribution>>> =
        cued.iter().map(|&cued| if cued { None } else { Some(Vec::new()) }).collect();
    // Most texts have no quote mark at all: one search says so.
    let quotes = memchr::memchr3(b'"', 0x9C, 0x9D, text.as_bytes()).is_some();
    let mut doc = Doc { text, all: None, cache: Vec::new(), quotes };
    let mut quoted: Vec<Option<Option<String>>> = vec![None; sents.len()];
    for c in claims.iter_mut() {
        let idx = sents.partition_point(|s| s.1 <= c.start).min(sents.len().saturating_sub(1));
        let Some(&s) = sents.get(idx) else { continue };
        let list = cache[idx].get_or_insert_with(|| attributions(text, s));
        let found = choose(list, c, text).cloned();
        let who = match found {
            // A speaker inside a quote is reported by the quote's speaker.
            Some(Attribution { who: Speaker::Named(n), at, .. }) => {
                let quoted = text[s.0..s.1].contains(['"', '“', '”']);
                quoted.then(|| doc.quote_speaker(at)).flatten().or(Some(n))
            }
            Some(Attribution { who: Speaker::Third(singular), at, .. }) => doc
                .last_named(at)
                .filter(|n| !(singular && plural(n)))
                .or_else(|| doc.quote_speaker(c.start)),
            // `I`, `we`: the quote's speaker, or the one speaker just named.
            Some(Attribution { who: Speaker::First, at, .. }) => {
                doc.quote_speaker(c.start).or_else(|| doc.last_named(at))
            }
            None => quoted[idx].get_or_insert_with(|| doc.quote_speaker(c.start)).clone(),
        };
        c.attributed_to = who.map(|n| expand_acronym(text, n));
    }
}

/// The attribution that speaks for claim `c`: a relative clause right after it, else a verb
/// before it (the claim is in what was said), else the nearest cue.
fn choose<'a>(list: &'a [Attribution], c: &Claim, text: &str) -> Option<&'a Attribution> {
    let mut before: Option<&Attribution> = None;
    let mut after: Option<&Attribution> = None;
    for a in list {
        if let Some(subject) = a.relative {
            // `the $2tn that economists say`: only for the figure it follows, and not for a
            // count in the subject itself (`134 developing countries demanded`).
            let between = text.get(c.end..subject).map(str::trim);
            let follows = matches!(between, Some("" | "that" | "which"));
            if follows && matches!(c.kind, Kind::Money | Kind::Percent) {
                return Some(a);
            }
            continue;
        }
        if a.subject.is_some_and(|s| s <= c.start && c.end <= a.at) {
            continue;
        }
        if a.at < c.start {
            before = Some(a);
        } else if after.is_none() {
            after = Some(a);
        }
    }
    // A verb before the claim reports it (`RMS estimated … $1bn, RN reports`); otherwise the
    // nearest cue.
    match (before, after) {
        (Some(b), _) if b.verb => Some(b),
        (Some(b), Some(a)) => Some(if c.start - b.at <= a.at - c.end { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// A group named in the plural (`analysts`, `three people`), not a name (`Goldman Sachs`).
fn plural(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("");
    !capitalized(last) && (last.ends_with('s') || last == "people")
}

/// `RN` where the text once wrote `Reinsurance News (RN)`: the name in full.
fn expand_acronym(text: &str, name: String) -> String {
    let b = name.as_bytes();
    if !(2..=6).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
        return name;
    }
    let needle = format!("({name})");
    let Some(at) = memchr::memmem::find(text.as_bytes(), needle.as_bytes()) else { return name };
    let mut from = at.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let ws = words(&text[from..at], 0);
    let mut s = ws.len();
    while s > 0 && ws.len() - s < 8 {
        let t = ws[s - 1].text;
        let connector = matches!(t, "&" | "of" | "for" | "and") && s < ws.len();
        if !(capitalized(t) || connector) || is_clause_mark(t) {
            break;
        }
        s -= 1;
    }
    while s < ws.len() && !capitalized(ws[s].text) {
        s += 1;
    }
    // The initials must be the name's: `Reinsurance News` for `RN`.
    let initials: String = ws[s..]
        .iter()
        .filter_map(|w| w.text.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    if s == ws.len() || !initials.starts_with(&name[..1]) || initials.len() < 2 {
        return name;
    }
    let full: Vec<&str> = ws[s..].iter().map(|w| w.text).collect();
    full.join(" ")
}

/// The whole text's sentences and their attributions, found when first needed (pronouns
/// and quotes look outside the sentences scanned).
struct Doc<'a> {
    text: &'a str,
    all: Option<Vec<(usize, usize)>>,
    cache: Vec<Option<Vec<Attribution>>>,
    /// The text has a quote mark somewhere.
    quotes: bool,
}

impl Doc<'_> {
    fn sentence_at(&mut self, pos: usize) -> (usize, &[Attribution]) {
        let text = self.text;
        let all = self.all.get_or_insert_with(|| {
            let all = super::sentence::sentences(text);
            self.cache = vec![None; all.len()];
            all
        });
        let idx = all.partition_point(|s| s.1 <= pos).min(all.len().saturating_sub(1));
        let s = all.get(idx).copied().unwrap_or((0, 0));
        (idx, self.cache[idx].get_or_insert_with(|| attributions(text, s)))
    }

    /// The one speaker a verb names in the sentence before `pos` and in the two sentences
    /// before; none if there are two or more.
    fn last_named(&mut self, pos: usize) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |list: &[Attribution], before: usize| {
            for a in list {
                if let (Speaker::Named(n), true, true) = (&a.who, a.verb, a.at < before) {
                    if !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
                        names.push(n.clone());
                    }
                }
            }
        };
        let (idx, list) = self.sentence_at(pos);
        add(list, pos);
        let all = self.all.as_ref()?;
        let starts: Vec<usize> =
            (1..=2).filter_map(|b| idx.checked_sub(b)).map(|i| all[i].0).collect();
        for at in starts {
            let (_, list) = self.sentence_at(at);
            add(list, usize::MAX);
        }
        (names.len() == 1).then(|| names.remove(0))
    }

    /// The speaker of the quote around `pos`: named after its closing mark (`…,” X said`) or
    /// before its opening one (`X said: “…`), following a quote on into the next paragraph.
    fn quote_speaker(&mut self, pos: usize) -> Option<String> {
        if !self.quotes {
            return None;
        }
        let text = self.text;
        let b = text.as_bytes();
        let from = floor_boundary(text, pos.saturating_sub(WINDOW));
        let window = &b[from..pos];
        // Most claims have no quote mark before them: one search says so.
        memchr::memchr3(b'"', 0x9C, 0x9D, window)?;
        let para = memchr::memmem::rfind(window, b"\n\n").map_or(from, |i| from + i + 2);
        let (open, close) = quote_around(text, para, pos)?;
        let named = |a: &Attribution| match &a.who {
            Speaker::Named(n) => Some(n.clone()),
            _ => None,
        };
        if let Some(close) = close {
            let (_, list) = self.sentence_at(close);
            if let Some(n) = list.iter().filter(|a| a.at > close).find_map(named) {
                return Some(n);
            }
        }
        let (_, list) = self.sentence_at(open);
        list.iter().rev().filter(|a| a.at < open).find_map(named)
    }
}

/// How far back a quote's opening mark is looked for.
const WINDOW: usize = 2000;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The quote around `pos`, reading from `from`: where it opened (the first paragraph of a
/// quote that runs on, each new paragraph reopening it) and where it closes, if it does
/// within [`WINDOW`].
fn quote_around(text: &str, from: usize, pos: usize) -> Option<(usize, Option<usize>)> {
    let mut open: Option<usize> = None;
    let mut line_start = true;
    for (i, c) in text[from..pos].char_indices() {
        let at = from + i;
        match c {
            '“' => {
                // A quote that runs on reopens at each paragraph: keep where it began.
                if !(open.is_some() && line_start) {
                    open = Some(at);
                }
            }
            '”' => open = None,
            '"' => {
                open = match open {
                    Some(o) if line_start => Some(o),
                    Some(_) => None,
                    None => Some(at),
                }
            }
            '\n' => {
                line_start = true;
                continue;
            }
            _ if c.is_whitespace() => continue,
            _ => {}
        }
        line_start = false;
    }
    let open = open?;
    let end = floor_boundary(text, (pos + WINDOW).min(text.len()));
    let mut close = None;
    let mut line_start = false;
    let mut prev_newline = false;
    for (i, c) in text[pos..end].char_indices() {
        match c {
            '”' | '"' if !line_start => {
                close = Some(pos + i);
                break;
            }
            '“' | '"' => {}
            '\n' if prev_newline => break,
            '\n' => {
                prev_newline = true;
                line_start = true;
                continue;
            }
            _ if c.is_whitespace() => continue,
            _ => {
                if line_start && prev_newline {
                    // A paragraph that does not reopen the quote: it ended unclosed.
                    break;
                }
            }
        }
        line_start = false;
        prev_newline = false;
    }
    Some((open, close))
}

#[cfg(test)]
mod tests;
