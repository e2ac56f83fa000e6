//! Context around claims: attribution (`according to X`, `X said`, `said X`, `X told AFP`),
//! inline conversions (`114.2 billion euros ($119.8 billion)`) and the claims that context
//! drops or changes (restatements, juxtaposed figures, accounting negatives).

use super::lexicon::lower;
use super::{Claim, Kind};

/// A lower-case word without which [`attributions`] finds nothing: `according` (to),
/// `response` (in … to) or a speech verb.
pub(crate) fn attribution_cue(w: &str) -> bool {
    matches!(w, "according" | "response") || speech_verb(w)
}

/// Verbs that attribute a statement to the words before them (`Trump said`).
fn speech_verb(w: &str) -> bool {
    // Most words fail on length, case or last letter before any comparison.
    let b = w.as_bytes();
    if !(4..=10).contains(&b.len())
        || !b[0].is_ascii_lowercase()
        || !matches!(b[b.len() - 1], b'd' | b's' | b'e')
    {
        return false;
    }
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "estimated"
            | "estimates"
            | "reported"
            | "reports"
            | "stated"
            | "states"
            | "claimed"
            | "claims"
            | "announced"
            | "announces"
            | "wrote"
            | "writes"
            | "noted"
            | "notes"
            | "added"
            | "adds"
            | "predicted"
            | "calculated"
            | "calculates"
            | "argued"
            | "argues"
            | "insisted"
            | "insists"
            | "confirmed"
            | "confirms"
            | "mentioned"
            | "instructed"
            | "advised"
            | "suggested"
            | "explained"
            | "warned"
            | "declared"
            | "asserted"
            | "tweeted"
            | "posted"
            | "testified"
    )
}

fn pronoun(w: &str) -> bool {
    matches!(
        lower(w, &mut [0; 24]),
        "i" | "we" | "he" | "she" | "they" | "it" | "you" | "this" | "that"
    )
}

/// A word with its byte span.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str, base: usize) -> Vec<Word<'_>> {
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
        if w.text.len() > 1 && w.text.ends_with('.') && !w.text[..w.text.len() - 1].contains('.') {
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
} else if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-' | b'&') {
    PART
} else if matches!(b, b',' | b';' | b':' | b'"' | b'(' | b')') {
    MARK
} else {
    SPACE
});

fn is_clause_mark(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "—" | "–")
}

fn clause_word(w: &str) -> bool {
    matches!(
        lower(w, &mut [0; 24]),
        "that"
            | "which"
            | "and"
            | "but"
            | "when"
            | "as"
            | "while"
            | "because"
            | "after"
            | "before"
            | "if"
    )
}

/// An attribution found in a sentence: byte offset, who, and whether a reporting verb
/// (rather than "according to") named them.
type Attribution = (usize, String, bool);

/// Who a sentence attributes its claims to, and where that attribution sits (byte offset of
/// the cue), nearest first. Returns all attributions found in the sentence.
fn attributions(text: &str, sentence: (usize, usize)) -> Vec<Attribution> {
    let s = &text[sentence.0..sentence.1];
    let ws = words(s, sentence.0);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let is = |word: &str| w.text.eq_ignore_ascii_case(word);
        let next_is =
            |k: usize, word: &str| ws.get(k).is_some_and(|n| n.text.eq_ignore_ascii_case(word));
        // according to X / in response to X (a machine rewrite of "according to")
        let after = if is("according") && next_is(i + 1, "to") {
            Some(i + 2)
        } else if is("in") && next_is(i + 1, "response") && next_is(i + 2, "to") {
            Some(i + 3)
        } else {
            None
        };
        if let Some(a) = after {
            let phrase = take_forward(&ws, a, text);
            if let Some(p) = phrase {
                out.push((w.start, p, false));
            }
            continue;
        }
        if !speech_verb(w.text) {
            continue;
        }
        // A speech verb in lower case, not a passive ("estimated to be") or a noun ("States").
        let next = ws.get(i + 1).map_or("", |n| n.text);
        let passive = matches!(next, "to" | "at" | "by")
            // "the programme announced in April": a participle, unlike "said in an interview".
            || !(is("said") || is("says") || is("told") || is("tells"))
                && matches!(next, "in" | "on" | "for" | "last" | "earlier" | "this" | "during");
        if !passive {
            // X said
            // A speaker has no figures in it ("240 million for the programme announced").
            if let Some(p) =
                take_backward(&ws, i, text).filter(|p| !p.chars().any(|c| c.is_ascii_digit()))
            {
                out.push((w.start, p, true));
                continue;
            }
            // said X
            if let Some(p) = take_forward(&ws, i + 1, text) {
                if p.starts_with(char::is_uppercase) || p.starts_with("the ") {
                    out.push((w.start, p, true));
                }
            }
        }
    }
    out
}

/// Words after position `a` up to a clause mark, at most six words: the speaker.
fn take_forward(ws: &[Word<'_>], a: usize, text: &str) -> Option<String> {
    let mut end = a;
    while end < ws.len()
        && end < a + 6
        && !is_clause_mark(ws[end].text)
        && !(end > a && clause_word(ws[end].text))
    {
        let t = ws[end].text;
        if end > a
            && t.chars().next().is_some_and(|c| c.is_lowercase())
            && !matches!(t, "of" | "the" | "for" | "and")
        {
            // Lower-case words after the name are the rest of the sentence ("said on Monday").
            if ws[a..end].iter().any(|w| w.text.starts_with(char::is_uppercase)) {
                break;
            }
        }
        if matches!(
            lower(t, &mut [0; 24]),
            "on" | "in" | "at" | "last" | "this" | "earlier" | "later"
        ) && end > a
        {
            break;
        }
        end += 1;
    }
    span_text(ws, a, end, text)
}

/// Words before position `v` (a speech verb) back to a clause mark, at most six: the
/// speaker. Skips an appositive (`The Kiel Institute, a German research body, said`).
fn take_backward(ws: &[Word<'_>], v: usize, text: &str) -> Option<String> {
    let mut end = v;
    // Appositive: "The Kiel Institute, a German economic research body, said": skip back
    // over ", a …," to the name before it.
    if end >= 2 && ws[end - 1].text == "," {
        let mut k = end - 1;
        while k > 0 && !is_clause_mark(ws[k - 1].text) {
            k -= 1;
        }
        let apposition =
            ws.get(k).is_some_and(|w| matches!(lower(w.text, &mut [0; 24]), "a" | "an" | "the"));
        if k > 0 && ws[k - 1].text == "," && apposition {
            end = k - 1;
        } else {
            return None;
        }
    }
    let mut start = end;
    while start > 0
        && end - start < 6
        && !is_clause_mark(ws[start - 1].text)
        && !clause_word(ws[start - 1].text)
    {
        start -= 1;
    }
    span_text(ws, start, end, text)
}

fn span_text(ws: &[Word<'_>], a: usize, b: usize, text: &str) -> Option<String> {
    if a >= b || b > ws.len() {
        return None;
    }
    // Trimming first is the same as collapsing first: whitespace is trimmed too.
    let t =
        text[ws[a].start..ws[b - 1].end].trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    (!t.is_empty()).then(|| super::collapse_whitespace(t))
}

/// Fills `sentence`, `attributed_to` and `restates` on claims found in `text`. `cued[k]` is
/// false for a sentence known to hold no [`attribution_cue`] word (so no speaker).
pub(crate) fn annotate(text: &str, sents: &[(usize, usize)], cued: &[bool], claims: &mut [Claim]) {
    if claims.is_empty() {
        return;
    }
    let mut cache: Vec<Attributions> =
        cued.iter().map(|&cued| if cued { None } else { Some(Vec::new()) }).collect();
    // Pronoun speakers look back two sentences, which `sents` (the sentences scanned) may
    // lack: all the text's sentences, split when first needed.
    let mut all: Option<Vec<(usize, usize)>> = None;
    let mut all_cache: Vec<Attributions> = Vec::new();
    for c in claims.iter_mut() {
        let idx = sents.partition_point(|s| s.1 <= c.start).min(sents.len().saturating_sub(1));
        if let Some(&s) = sents.get(idx) {
            c.sentence = (s.0.min(c.start), s.1.max(c.end));
            // Pronoun speakers ("I told them") are resolved to the last named speaker in the
            // two sentences before.
            let mut speaker = nearest(&mut cache, sents, text, idx, c.start, false);
            if speaker.as_deref().is_some_and(pronoun) {
                let all = all.get_or_insert_with(|| {
                    let all = super::sentence::sentences(text);
                    all_cache = all.iter().map(|_| None).collect();
                    all
                });
                let idx = all.partition_point(|s| s.1 <= c.start).min(all.len().saturating_sub(1));
                for back in 1..=2 {
                    if idx < back {
                        break;
                    }
                    // Only people who speak (`X said`), not documents (`according to the report`).
                    if let Some(p) =
                        nearest(&mut all_cache, all, text, idx - back, usize::MAX, true)
                    {
                        if !pronoun(&p) {
                            speaker = Some(p);
                            break;
                        }
                    }
                }
            }
            c.attributed_to = speaker;
        }
    }
    // Inline conversions: a money claim directly followed by `(` another money claim `)`.
    for i in 1..claims.len() {
        let (a, b) = (&claims[i - 1], &claims[i]);
        if a.kind != Kind::Money || b.kind != Kind::Money || a.currency == b.currency {
            continue;
        }
        let between = text[a.end..b.start].trim();
        let opener = matches!(
            between,
            "(" | "(about"
                | "(around"
                | "(roughly"
                | "(some"
                | "(or"
                | "(or about"
                | "(approximately"
                | ", or"
                | "or"
        );
        let closer = text[b.end..].trim_start().starts_with(')') || between.ends_with("or");
        if opener && closer {
            claims[i].restates = Some(i - 1);
        }
    }
}

/// `245 23 yen`: a numeral of one to three digits, a space, and one or two more digits reads
/// like a space-grouped thousands figure (`245 230`) with a digit lost, so which figure was
/// meant cannot be told and neither is a claim. A second part that cannot be a group is a
/// second figure (`423 0000`, `4000 3 hundred`), so is a banknote's face value after a count
/// (`50 50 dollar bills`, fifty of them), and a run of three or more numerals (a
/// scraped table row) or a year before a number (`in 2019 23 people`) is left alone.
pub(crate) fn drop_juxtaposed(text: &str, claims: &mut Vec<Claim>) {
    let digits = |c: &Claim| text[c.start..].bytes().take_while(u8::is_ascii_digit).count();
    let adjacent = |a: &Claim, b: &Claim| text[a.end..b.start] == *" ";
    let mut i = 1;
    while i < claims.len() {
        let (a, b) = (&claims[i - 1], &claims[i]);
        let (da, db) = (digits(a), digits(b));
        let lost_digit = a.kind == Kind::Number
            && a.unit.is_none()
            && a.hedge.is_none()
            && b.hedge.is_none()
            && (1..=3).contains(&da)
            && da == a.end - a.start
            && (1..=2).contains(&db)
            // `23 yen`, not `3 hundred and 21`: the second part is its digits alone.
            && b.value.is_some_and(|v| text[b.start..b.start + db].parse() == Ok(v))
            && adjacent(a, b)
            && !denomination(&text[b.end..])
            && !(i >= 2 && adjacent(&claims[i - 2], a))
            && !claims.get(i + 1).is_some_and(|c| adjacent(b, c));
        if lost_digit {
            claims.drain(i - 1..=i);
        } else {
            i += 1;
        }
    }
}

/// `bills`, `notes`, `coins` after an amount: it is a face value, not a sum.
fn denomination(after: &str) -> bool {
    let w = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(lower(w, &mut [0; 24]), "bill" | "bills" | "note" | "notes" | "coin" | "coins")
}

/// `The annual revenue is ($99.99).`: accounting notation, where parentheses make a
/// negative. In news text parentheses around an amount are almost always a conversion
/// (`114.2 billion euros ($119.8 billion)`) or an aside, so an amount is read as negative
/// only where nothing else fits: the parentheses hold the amount alone, they follow a copula
/// (`is`, `was`, `were`, `are`) or a colon, and the amount has no hedge. The claim's span
/// then takes in the parentheses.
pub(crate) fn accounting_negatives(text: &str, claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        if c.kind != Kind::Money || c.hedge.is_some() || c.value.is_none() {
            continue;
        }
        let Some(before) = text[..c.start].strip_suffix('(') else { continue };
        if !text[c.end..].starts_with(')') {
            continue;
        }
        let before = before.trim_end();
        let lead = before.ends_with(':')
            || before
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .is_some_and(|w| matches!(lower(w, &mut [0; 24]), "is" | "was" | "were" | "are"));
        if !lead {
            continue;
        }
        c.value = c.value.map(|v| -v);
        let (low, high) = (c.low.map(|v| -v), c.high.map(|v| -v));
        c.low = high;
        c.high = low;
        c.start -= 1;
        c.end += 1;
    }
}

/// `forty-five (45)`, `45 (forty five)`: a number restated in parentheses is one claim.
pub(crate) fn drop_restatements(text: &str, claims: &mut Vec<Claim>) {
    let mut i = 1;
    while i < claims.len() {
        let (a, b) = (&claims[i - 1], &claims[i]);
        let restated = a.kind == b.kind
            && a.kind != Kind::Money
            && a.value.is_some()
            && a.value == b.value
            && text[a.end..b.start].trim() == "("
            && text[b.end..].trim_start().starts_with(')')
            && plain_numeral(&text[b.start..b.end]);
        if restated {
            claims.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Digits, or cardinal number words only (`45`, `forty five`): a restatement, unlike
/// "144 (a square dozen)", which names the number another way.
fn plain_numeral(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).all(|w| {
            let mut buf = [0; 24];
            let w = lower(w, &mut buf);
            super::lexicon::small(w).is_some() || super::lexicon::scale(w).is_some() || w == "and"
        })
}

/// A sentence's attributions, once found ([`attributions`]).
type Attributions = Option<Vec<Attribution>>;

fn nearest(
    cache: &mut [Attributions],
    sents: &[(usize, usize)],
    text: &str,
    idx: usize,
    at: usize,
    speakers_only: bool,
) -> Option<String> {
    let list = cache[idx].get_or_insert_with(|| attributions(text, sents[idx]));
    list.iter()
        .filter(|(_, _, verb)| *verb || !speakers_only)
        .min_by_key(|(pos, _, _)| pos.abs_diff(at))
        .map(|(_, who, _)| who.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(t: &str) -> Option<String> {
        attributions(t, (0, t.len())).into_iter().next().map(|(_, w, _)| w)
    }

    #[test]
    fn attribution_forms() {
        assert_eq!(
            who("Aid reached $5bn, according to the Kiel Institute.").as_deref(),
            Some("the Kiel Institute")
        );
        assert_eq!(
            who("The U.S. State Department said on January 20 that aid was $65.9 billion.")
                .as_deref(),
            Some("The U.S. State Department")
        );
        assert_eq!(
            who("The Kiel Institute, a German economic research body, said that it was €64bn.")
                .as_deref(),
            Some("The Kiel Institute")
        );
        assert_eq!(who("\"It is $500 billion,\" said Trump.").as_deref(), Some("Trump"));
        assert_eq!(
            who("A Ukrainian source told AFP it was $500 billion.").as_deref(),
            Some("A Ukrainian source")
        );
    }
}
