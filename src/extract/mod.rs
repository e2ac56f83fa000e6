//! Claim extraction: one pass over a source's text yielding every money, percent, number and
//! count claim with its byte span, exact value or interval, currency, hedge and attribution.
//!
//! This module does no I/O and has no configuration and no errors: bad text yields fewer
//! claims, never a panic. It is what the `extract --format jsonl` contract and the fuzz
//! target touch.

use rust_decimal::Decimal;
use serde::Serialize;

// Whitespace collapsing, which the tests check against `split_whitespace`.
#[cfg(test)]
use crate::text::collapse_whitespace;

/// A table of 256 byte classes built at compile time: `byte_classes!(|b| class of b)`.
macro_rules! byte_classes {
    (|$b:ident| $class:expr) => {{
        let mut table = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            let $b = i as u8;
            table[i] = $class;
            i += 1;
        }
        table
    }};
}

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

/// The part a figure plays in a change the sentence states (`raised tariffs from 84% to
/// 125%`, `ups its estimate by $1.5bn to $27.4bn`, `$5bn, up from $4bn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The old value: `from 84%`, `up from $4bn`.
    Before,
    /// The new value: `to 125%`, `$5bn, up from`.
    After,
    /// The size of the change: `by $1.5bn`, `rose 5%`.
    Change,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Before => "before",
            Role::After => "after",
            Role::Change => "change",
        }
    }

    /// The role named by [`Role::as_str`].
    pub fn parse(s: &str) -> Option<Role> {
        [Role::Before, Role::After, Role::Change].into_iter().find(|r| r.as_str() == s)
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
    /// In a change (`from 84% to 125%`), whether this is the old value, the new one or the
    /// size of the change; `None` for a figure stated on its own or a range.
    pub role: Option<Role>,
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

mod attribution;
mod bounds;
mod change;
mod context;
mod lexicon;
mod money_context;
mod prefilter;
mod scanner;
mod sentence;
mod token;

/// Extracts every claim in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Claim> {
    // The scanner reads one sentence at a time (no claim spans two), and only the sentences
    // that the prefilter says can hold a figure: few, in news text. The rest of the text is
    // not even split into sentences.
    prefilter::with(|p| {
        let mut found = Found::default();
        sentence::triggered(text, p, |p, span| found.scan(text, span, p, true));
        found.finish(text)
    })
}

/// [`extract`] without the sentence prefilter: every sentence of the text is split and
/// scanned. The property tests compare the two, so a number word missing from
/// [`lexicon::trigger_word`] or a sentence that [`sentence::triggered`] misses shows up there.
#[cfg(test)]
pub(crate) fn extract_unfiltered(text: &str) -> Vec<Claim> {
    prefilter::with(|p| {
        let mut found = Found::default();
        for span in sentence::sentences(text) {
            found.scan(text, span, p, false);
        }
        found.finish(text)
    })
}

/// The claims of the sentences scanned so far, with those sentences.
#[derive(Default)]
struct Found {
    claims: Vec<Claim>,
    /// The sentences scanned, in order.
    sentences: Vec<(usize, usize)>,
    /// For each sentence, whether it may name a speaker ([`scanner::Scanner::cued`]).
    cued: Vec<bool>,
}

impl Found {
    /// Scans the sentence `text[a..b]`. Without `cue_check`, every sentence gets an
    /// attribution pass, not only those with a cue word, which the property tests compare.
    fn scan(
        &mut self,
        text: &str,
        (a, b): (usize, usize),
        p: &mut prefilter::Prefilter,
        cue_check: bool,
    ) {
        let scanner = scanner::Scanner::new(&text[a..b], p);
        scanner.claims_into(a, &mut self.claims);
        self.sentences.push((a, b));
        self.cued.push(!cue_check || scanner.cued());
        scanner.recycle(p);
    }

    /// The claims, their restatements, juxtapositions and accounting negatives settled and
    /// their sentences and speakers annotated.
    fn finish(self, text: &str) -> Vec<Claim> {
        let Found { mut claims, sentences, cued } = self;
        context::drop_restatements(text, &mut claims);
        context::drop_juxtaposed(text, &mut claims);
        context::accounting_negatives(text, &mut claims);
        money_context::cents_in_the_texts_dollar(text, &mut claims);
        money_context::figures_repeating_money(&mut claims);
        context::annotate(text, &sentences, &cued, &mut claims);
        claims
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
