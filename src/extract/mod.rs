//! Claim extraction: one pass over a source's text yielding every money, percent, number and
//! count claim with its byte span, exact value or interval, currency, hedge and attribution.
//!
//! This module does no I/O and has no configuration and no errors: bad text yields fewer
//! claims, never a panic. It is what the `extract --format jsonl` contract and the fuzz
//! target touch.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a claim measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Money,
    Percent,
    Number,
    Count,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Number => "number",
            Kind::Count => "count",
        }
    }
}

/// How the text qualifies a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// `about`, `around`, `roughly`, `nearly`, `an estimated` …: the figure is approximate.
    Approximate,
    /// `more than`, `over`, `at least` …: the figure is a lower bound.
    AtLeast,
    /// `up to`, `under`, `less than`, `at most` …: the figure is an upper bound.
    AtMost,
    /// `between X and Y`, `X–Y`: an explicit range.
    Range,
    /// `hundreds of billions`, `several trillion`, `dozens`: a vague amount.
    Vague,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Approximate => "approximate",
            Hedge::AtLeast => "at-least",
            Hedge::AtMost => "at-most",
            Hedge::Range => "range",
            Hedge::Vague => "vague",
        }
    }
}

/// A currency as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CurrencyCue {
    /// An ISO 4217 code the text pins down (`€`, `EUR`, `US$`, `euros`, `A$`).
    Iso(&'static str),
    /// A bare `$` or `dollars`: whichever dollar the configuration names (USD by default).
    Dollar,
    /// A currency the text names but that cannot be pinned down (`francs`, `cents`, `bucks`).
    Unknown,
}

/// One claim found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Byte offset of the first byte of the surface text.
    pub start: usize,
    /// Byte offset one past the last byte of the surface text.
    pub end: usize,
    pub kind: Kind,
    /// The stated figure in base units (`$500bn` → 500000000000); `None` for a pure range or
    /// a vague amount.
    pub value: Option<Decimal>,
    /// Lower bound, when the text gives one (ranges, `more than`, hedges, vague amounts).
    pub low: Option<Decimal>,
    /// Upper bound, when the text gives one.
    pub high: Option<Decimal>,
    /// Money only.
    pub currency: Option<CurrencyCue>,
    /// Counts: the noun (`people`); percents: `points` for percentage points.
    pub unit: Option<String>,
    pub hedge: Option<Hedge>,
    /// The hedge word(s) as written, lower-cased (`about`, `more than`).
    pub hedge_word: Option<String>,
    /// Who the sentence says made the claim (`the Kiel Institute`, `Trump`).
    pub attributed_to: Option<String>,
    /// Byte span of the sentence the claim sits in.
    pub sentence: (usize, usize),
    /// For an inline conversion (`114.2 billion euros ($119.8 billion)`), the index of the
    /// claim this one restates, in the same `Vec`.
    pub restates: Option<usize>,
}

/// Extracts the claims of a source's body, with offsets into the whole file.
pub fn extract_source(source: &crate::sources::Source) -> Vec<Claim> {
    let mut claims = extract(source.body());
    for c in &mut claims {
        c.start += source.body_start;
        c.end += source.body_start;
        c.sentence.0 += source.body_start;
        c.sentence.1 += source.body_start;
    }
    claims
}

mod context;
mod lexicon;
mod scanner;
mod token;

/// Extracts every claim in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Claim> {
    // The scanner reads one sentence at a time (no claim spans two), and skips sentences that
    // hold no digit, currency sign, numeric character or number word: most sentences of news
    // text hold no figure, and skipping them without tokenizing is most of extraction's speed.
    claims_in(text, &context::sentences(text), triggered)
}

/// [`extract`] without the sentence prefilter: every sentence is scanned. The property tests
/// compare the two, so a number word missing from [`lexicon::trigger_word`] shows up there.
#[cfg(test)]
pub(crate) fn extract_unfiltered(text: &str) -> Vec<Claim> {
    claims_in(text, &context::sentences(text), |_| true)
}

/// Scans each sentence that `wanted` keeps, then annotates.
fn claims_in(
    text: &str,
    sentences: &[(usize, usize)],
    wanted: impl Fn(&str) -> bool,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for &(a, b) in sentences {
        if !wanted(&text[a..b]) {
            continue;
        }
        let found = scanner::Scanner::new(&text[a..b]).claims();
        claims.extend(found.into_iter().map(|mut c| {
            c.start += a;
            c.end += a;
            c
        }));
    }
    context::drop_restatements(text, &mut claims);
    context::drop_juxtaposed(text, &mut claims);
    context::accounting_negatives(text, &mut claims);
    context::annotate(text, sentences, &mut claims);
    claims
}

/// Whether a sentence can hold a claim at all.
fn triggered(s: &str) -> bool {
    let b = s.as_bytes();
    if b.iter().any(|c| c.is_ascii_digit() || *c == b'$') {
        return true;
    }
    if !s.is_ascii()
        && s.chars().any(|c| {
            !c.is_ascii()
                && (c.is_numeric()
                    || matches!(c, '€' | '£' | '¥' | '¢' | '¤' | '\u{20a0}'..='\u{20cf}'))
        })
    {
        return true;
    }
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let w = &s[start..i];
        if w.len() < 2 || w.len() > buf.len() {
            continue;
        }
        let hit = if w.bytes().all(|c| c.is_ascii_lowercase()) {
            lexicon::trigger_word(w)
        } else {
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(lexicon::trigger_word)
        };
        if hit {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
