//! Claim extraction: one pass over a source's text yielding every money, percent, number and
//! count claim with its byte span, exact value or interval, currency, hedge and attribution.
//!
//! This module does no I/O and has no configuration and no errors: bad text yields fewer
//! claims, never a panic. It is what the `extract --format jsonl` contract and the fuzz
//! target touch.

use rust_decimal::Decimal;
use serde::Serialize;

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

/// Every run of whitespace as one space, trimmed; a word hyphenated at a line's end
/// (`three-\nyear`) joined again (`three-year`), so wrapped text reads as it would unwrapped.
pub fn collapse_whitespace(s: &str) -> String {
    collapsed(s).into_owned()
}

/// [`collapse_whitespace`], borrowing `s` when it has nothing to collapse (most sentences:
/// words apart by single spaces).
pub fn collapsed(s: &str) -> std::borrow::Cow<'_, str> {
    if !collapsible(s) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_end = None;
    for word in s.split_whitespace() {
        let start = word.as_ptr() as usize - s.as_ptr() as usize;
        if let Some(end) = prev_end {
            if !token::hyphen_wrap(s.as_bytes(), end, start) {
                out.push(' ');
            }
        }
        out.push_str(word);
        prev_end = Some(start + word.len());
    }
    out.into()
}

/// Whether [`collapse_whitespace`] changes `s`: whitespace at either end, two in a row, or
/// any but a plain space. Eight bytes at a time where they are all printable ASCII (most of
/// a sentence); a byte at a time, by table, elsewhere.
fn collapsible(s: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let b = s.as_bytes();
    // The start counts as whitespace, so a leading space is two in a row.
    let mut after_space = true;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Any byte below 0x20 (a tab, a line break) or above 0x7F.
        if (v.wrapping_sub(SPACES) & !v | v) & HIGH != 0 {
            if collapsible_bytes(s, i, i + 8, &mut after_space) {
                return true;
            }
        } else {
            // The spaces, exactly: the zero bytes of `v ^ 0x20…` (all below 0x80 here).
            let t = v ^ SPACES;
            let space = !((t & LOW).wrapping_add(LOW) | t) & HIGH;
            let before = space << 8 | if after_space { 0x80 } else { 0 };
            if space & before != 0 {
                return true;
            }
            after_space = space >> 63 != 0;
        }
        i += 8;
    }
    collapsible_bytes(s, i, b.len(), &mut after_space) || after_space && !s.is_empty()
}

/// [`collapsible`] over `s[start..end]` a byte at a time: whether it finds whitespace to
/// collapse there, with `after_space` carried in and out.
fn collapsible_bytes(s: &str, start: usize, end: usize, after_space: &mut bool) -> bool {
    const PLAIN: u8 = 0;
    const SPACE: u8 = 1;
    const OTHER_SPACE: u8 = 2;
    const MAY_BE_SPACE: u8 = 3;
    static CLASS: [u8; 256] = byte_classes!(|b| match b {
        b' ' => SPACE,
        b'\t'..=b'\r' => OTHER_SPACE,
        // Bytes that may start a wider whitespace character (U+0085, U+00A0, U+1680,
        // U+2000–U+205F, U+3000), such as the `“` of a quote: the character decides.
        0xC2 | 0xE1..=0xE3 => MAY_BE_SPACE,
        _ => PLAIN,
    });

    for (i, &c) in s.as_bytes()[start..end].iter().enumerate() {
        match CLASS[usize::from(c)] {
            PLAIN => *after_space = false,
            SPACE if *after_space => return true,
            SPACE => *after_space = true,
            OTHER_SPACE => return true,
            _ if s[start + i..].starts_with(char::is_whitespace) => return true,
            _ => *after_space = false,
        }
    }
    false
}

mod context;
mod lexicon;
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
        context::annotate(text, &sentences, &cued, &mut claims);
        claims
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
