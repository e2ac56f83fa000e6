//! Context around claims: inline conversions (`114.2 billion euros ($119.8 billion)`) and the claims that context
//! drops or changes (restatements, juxtaposed figures, accounting negatives).

pub(crate) use super::attribution::attribution_cue;
use super::lexicon::lower;
use super::{Claim, Kind};

/// Fills `sentence`, `attributed_to` and `restates` on claims found in `text`. `cued[k]` is
/// false for a sentence known to hold no [`attribution_cue`] word (so no speaker).
pub(crate) fn annotate(text: &str, sents: &[(usize, usize)], cued: &[bool], claims: &mut [Claim]) {
    if claims.is_empty() {
        return;
    }
    for c in claims.iter_mut() {
        let idx = sents.partition_point(|s| s.1 <= c.start).min(sents.len().saturating_sub(1));
        if let Some(&s) = sents.get(idx) {
            c.sentence = (s.0.min(c.start), s.1.max(c.end));
        }
    }
    super::attribution::speakers(text, sents, cued, claims);
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
