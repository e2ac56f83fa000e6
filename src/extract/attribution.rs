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
use discourse::{expand_acronym, plural, Doc};
use vocab::*;

mod discourse;
mod vocab;

/// A lower-case word without which [`attributions`] finds nothing: `according` (to), `per`
/// (as per), `response` (in … to), a reporting verb or a source noun (`estimate`, `data`).
pub(crate) fn attribution_cue(w: &str) -> bool {
    matches!(w, "according" | "response") || reporting_verb(w).is_some() || source_noun(w)
}

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
    for (i, w) in ws.iter().enumerate() {
        // Cues are words of letters; verbs and source nouns are lower case (no lowering,
        // which would cost more than the rest of the loop).
        let t = w.text;
        // Every cue is 3 to 11 letters long.
        if !(3..=11).contains(&t.len()) || !t.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let next = |k: usize| ws.get(i + k).map_or("", |n| n.text);
        let next_is = |k: usize, word: &str| next(k).eq_ignore_ascii_case(word);
        // according to X / in response to X (a machine rewrite of "according to")
        let cue = t.eq_ignore_ascii_case("according")
            || t.eq_ignore_ascii_case("response")
                && i > 0
                && ws[i - 1].text.eq_ignore_ascii_case("in");
        let after = (cue && next_is(1, "to")).then_some(i + 2);
        let at = w.start;
        if let Some(a) = after {
            if let Some(who) = phrase_after(&ws, a) {
                out.push(Attribution { at, who, verb: false, relative: None, subject: None });
            }
            continue;
        }
        // Neither a source noun nor a reporting verb (most words: one look-up says so).
        if !cue_shape(t) {
            continue;
        }
        if source_noun(t) {
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
    let before = ws.get(k.wrapping_sub(1)).map_or("", |w| lower(w.text, &mut buf));
    let ing = ws[v].text.ends_with("ing");
    let passive = matches!(before, "is" | "are" | "was" | "were" | "be" | "been" | "being") && !ing;
    let perfect = matches!(before, "has" | "have" | "had");
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
        let group_before = || {
            start >= 2 && {
                let mut pb = [0; 24];
                let p = lower(ws[start - 2].text, &mut pb);
                (start == 2 || !capitalized(ws[start - 2].text))
                    && (anonymous_noun(p) || p.len() > 3 && p.ends_with('s') && !p.ends_with("ss"))
            }
        };
        let inner = matches!(lw, "like" | "in" | "at" | "from")
            && start < end
            && capitalized(ws[start].text)
            && (lw == "like" || group_before())
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
            if stem.eq_ignore_ascii_case("it") || stem.eq_ignore_ascii_case("its") {
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
    let mut head_buf = [0; 24];
    let head = lower(body[body.len() - 1].text, &mut head_buf);
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
    if anonymous_noun(head) && !proper(body.len() - 1) {
        return Some(Speaker::Named(text_of(phrase)));
    }
    if !any_proper {
        return match det {
            Some(true) if role_noun(head) => Some(Speaker::Third(true)),
            Some(true) if document_noun(head) => None,
            // `the least developed countries`, `the developing world`.
            Some(true) if head.ends_with('s') || group_noun(head) => {
                Some(Speaker::Named(text_of(body)))
            }
            Some(_) => None,
            // Bare groups: `economists`, `some developing countries`.
            None if head.ends_with('s') && body.len() <= 5 && !document_noun(head) => {
                Some(Speaker::Named(text_of(body)))
            }
            None => None,
        };
    }
    let head_proper = proper(body.len() - 1);
    if !head_proper {
        if det == Some(true) && role_noun(head) {
            return Some(Speaker::Third(true));
        }
        if document_noun(head) {
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
    // Most texts have no quote mark at all: one search says so.
    let quotes = memchr::memchr3(b'"', 0x9C, 0x9D, text.as_bytes()).is_some();
    let mut doc =
        Doc { text, sents, cued, memo: vec![None; sents.len()], quotes, before: Vec::new() };
    let mut quoted: Vec<Option<Option<String>>> = vec![None; sents.len()];
    let mut acronyms: Vec<(String, String)> = Vec::new();
    for c in claims.iter_mut() {
        let idx = sents.partition_point(|s| s.1 <= c.start).min(sents.len().saturating_sub(1));
        let Some(&s) = sents.get(idx) else { continue };
        let list = doc.attributions_of(idx);
        let list = &list[..];
        let found = choose(list, c, text).cloned();
        let who = match found {
            // A speaker inside a quote is reported by the quote's speaker.
            Some(Attribution { who: Speaker::Named(n), at, .. }) => {
                let quoted = doc.quotes
                    && memchr::memchr3(b'"', 0x9C, 0x9D, &text.as_bytes()[s.0..s.1]).is_some();
                quoted.then(|| doc.quote_speaker(at)).flatten().or(Some(n))
            }
            Some(Attribution { who: Speaker::Third(singular), at, .. }) => doc
                .last_named(s.0, list, at)
                .filter(|n| !(singular && plural(n)))
                .or_else(|| doc.quote_speaker(c.start)),
            // `I`, `we`: the quote's speaker, or the one speaker just named.
            Some(Attribution { who: Speaker::First, at, .. }) => {
                doc.quote_speaker(c.start).or_else(|| doc.last_named(s.0, list, at))
            }
            None => quoted[idx].get_or_insert_with(|| doc.quote_speaker(c.start)).clone(),
        };
        // An acronym's expansion, found once per text.
        c.attributed_to = who.map(|n| {
            let b = n.as_bytes();
            if !(2..=6).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
                return n;
            }
            if let Some((_, full)) = acronyms.iter().find(|(a, _)| *a == n) {
                return full.clone();
            }
            let full = expand_acronym(text, n.clone());
            acronyms.push((n, full.clone()));
            full
        });
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

/// The words of `ws` apart by single spaces, as [`crate::text::collapse_whitespace`] would give
/// them joined: each word's own whitespace, if any, collapsed too.
fn text_of(ws: &[Word<'_>]) -> String {
    let mut out = String::with_capacity(ws.iter().map(|w| w.text.len() + 1).sum());
    for piece in ws.iter().flat_map(|w| w.text.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests;
