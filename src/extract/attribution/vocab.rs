//! The words attribution reads: reporting verbs, the nouns for sources, documents, roles
//! and groups, the function words a name never holds, and the tokenizer that splits a
//! sentence into words and clause marks.

use super::super::lexicon::lower;
use super::super::prefilter::letters_end;

/// How a reporting verb finds its speaker.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Verb {
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

/// The reporting verbs, by how each finds its speaker ([`reporting_verb`]).
pub(super) const REPORTING_VERBS: [(&[&str], Verb); 6] = [
    (
        &[
            "said",
            "says",
            "say",
            "told",
            "tells",
            "wrote",
            "writes",
            "tweeted",
            "posted",
            "testified",
            "declared",
            "asserted",
            "argued",
            "argues",
            "insisted",
            "insists",
            "warned",
            "explained",
            "stated",
            "claimed",
            "reported",
            // Machine rewrites of `said` and `told` (`mentioned`, `instructed the FT`).
            "mentioned",
            "advised",
            "instructed",
        ],
        Verb::Say,
    ),
    (
        &[
            "estimated",
            "estimating",
            "projected",
            "projecting",
            "forecasted",
            "forecasting",
            "predicted",
            "predicts",
            "calculated",
            "calculates",
            "announced",
            "announces",
            "confirmed",
            "confirms",
            "concluded",
            "concludes",
            "demanded",
            "demanding",
            "requested",
            "requesting",
            "expects",
            "suggested",
            "suggests",
            "found",
            "revised",
        ],
        Verb::Report,
    ),
    (
        &[
            "estimates",
            "estimate",
            "forecast",
            "forecasts",
            "projects",
            "states",
            "claims",
            "reports",
            "demands",
            "counts",
        ],
        Verb::Ambiguous,
    ),
    (&["added", "adds", "noted", "notes"], Verb::Clausal),
    (&["put", "puts", "pegged", "pegs", "placed", "places", "valued", "values"], Verb::Put),
    (&["asked", "ask", "asking", "called", "calls", "calling"], Verb::For),
];

/// Nouns for what a source publishes ([`source_noun`]).
pub(super) const SOURCE_NOUNS: [&str; 18] = [
    "estimate",
    "estimates",
    "forecast",
    "forecasts",
    "projection",
    "projections",
    "data",
    "figures",
    "filing",
    "report",
    "range",
    "update",
    "analysis",
    "assessment",
    "survey",
    "calculation",
    "calculations",
    "tally",
];

/// Bit `last - b'a'` of entry `len * 26 + first - b'a'` is set if a reporting verb or a
/// source noun of `len` bytes starts with `first` and ends with `last`: most words of prose
/// are turned away by one look-up, before any string comparison.
static CUE_SHAPES: [u32; 13 * 26] = {
    let mut t = [0; 13 * 26];
    let mut k = 0;
    while k <= REPORTING_VERBS.len() {
        let list: &[&str] =
            if k < REPORTING_VERBS.len() { REPORTING_VERBS[k].0 } else { &SOURCE_NOUNS };
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            t[b.len() * 26 + (b[0] - b'a') as usize] |= 1 << (b[b.len() - 1] - b'a');
            i += 1;
        }
        k += 1;
    }
    t
};

/// Whether `w` has the length and the first and last letters of a reporting verb or a
/// source noun (lower case, 3 to 12 bytes).
pub(super) fn cue_shape(w: &str) -> bool {
    let b = w.as_bytes();
    if !(3..=12).contains(&b.len()) {
        return false;
    }
    let (first, last) = (b[0].wrapping_sub(b'a'), b[b.len() - 1].wrapping_sub(b'a'));
    first < 26 && last < 26 && CUE_SHAPES[b.len() * 26 + usize::from(first)] & (1 << last) != 0
}

pub(super) fn reporting_verb(w: &str) -> Option<Verb> {
    // Most words fail on length, case or their first and last letters before any comparison.
    if !cue_shape(w) {
        return None;
    }
    REPORTING_VERBS.iter().find(|(words, _)| words.contains(&w)).map(|&(_, verb)| verb)
}

/// Verbs for what a source does to its own estimate (`PCS ups its estimate`).
pub(super) fn revision_verb(w: &str) -> bool {
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
pub(super) fn source_noun(w: &str) -> bool {
    cue_shape(w) && SOURCE_NOUNS.contains(&w)
}

/// Heads of phrases that name a document or a deal, never a speaker (`the post`,
/// `a new estimate`).
pub(super) fn document_noun(w: &str) -> bool {
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
pub(super) fn role_noun(w: &str) -> bool {
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
pub(super) fn anonymous_noun(w: &str) -> bool {
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
pub(super) fn group_noun(w: &str) -> bool {
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

/// The words of [`clause_word`].
const CLAUSE_WORDS: [&str; 20] = [
    "that", "which", "who", "whose", "and", "but", "or", "when", "where", "as", "while", "because",
    "after", "before", "if", "though", "although", "since", "until", "so",
];

/// The words of [`preposition`].
const PREPOSITIONS: [&str; 26] = [
    "in", "on", "at", "to", "from", "with", "by", "over", "under", "about", "into", "than", "like",
    "per", "during", "against", "between", "through", "without", "within", "across", "of", "for",
    "up", "off", "out",
];

/// The words of [`auxiliary`].
const AUXILIARIES: [&str; 23] = [
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "shall", "should", "must", "does", "do", "did", "not",
];

/// The words of [`adverb`].
const ADVERBS: [&str; 19] = [
    "now",
    "also",
    "first",
    "then",
    "still",
    "already",
    "just",
    "again",
    "earlier",
    "later",
    "once",
    "upward",
    "upwards",
    "downward",
    "downwards",
    "further",
    "today",
    "yesterday",
    "tonight",
];

/// The words of [`weekday`].
const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The function-word lists by class bit ([`function_class`]).
const FUNCTION_LISTS: [(&[&str], u8); 5] =
    [(&CLAUSE_WORDS, 1), (&PREPOSITIONS, 2), (&AUXILIARIES, 4), (&ADVERBS, 8), (&WEEKDAYS, 16)];

/// Entry `(len * 26 + first) * 26 + last` (letters from `a`) is the union of the class bits
/// of the function words of that length, first and last letter: most words meet none, and
/// are settled by one look-up before any string comparison.
static FUNCTION_SHAPES: [u8; 13 * 26 * 26] = {
    let mut t = [0; 13 * 26 * 26];
    let mut k = 0;
    while k < FUNCTION_LISTS.len() {
        let (list, bit) = FUNCTION_LISTS[k];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            t[(b.len() * 26 + (b[0] - b'a') as usize) * 26 + (b[b.len() - 1] - b'a') as usize] |=
                bit;
            i += 1;
        }
        k += 1;
    }
    t
};

/// The classes of function word (bits of [`FUNCTION_LISTS`]) `w` may be, by its length and
/// its first and last letters (lower case, at most 12 bytes).
fn function_class(w: &str) -> u8 {
    let b = w.as_bytes();
    if !(1..=12).contains(&b.len()) {
        return 0;
    }
    let (first, last) = (b[0].wrapping_sub(b'a'), b[b.len() - 1].wrapping_sub(b'a'));
    if first >= 26 || last >= 26 {
        return 0;
    }
    FUNCTION_SHAPES[(b.len() * 26 + usize::from(first)) * 26 + usize::from(last)]
}

pub(super) fn is_clause_mark(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "—" | "–")
}

pub(super) fn clause_word(w: &str) -> bool {
    function_class(w) & 1 != 0 && CLAUSE_WORDS.contains(&w)
}

pub(super) fn preposition(w: &str) -> bool {
    function_class(w) & 2 != 0 && PREPOSITIONS.contains(&w)
}

/// Auxiliaries and copulas: between a subject and its verb, never in a name.
pub(super) fn auxiliary(w: &str) -> bool {
    function_class(w) & 4 != 0 && AUXILIARIES.contains(&w)
}

/// Adverbs that sit between a subject and its verb (`now projects`, `previously announced`).
pub(super) fn adverb(w: &str) -> bool {
    function_class(w) & 8 != 0 && ADVERBS.contains(&w)
        || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()))
}

pub(super) fn weekday(w: &str) -> bool {
    function_class(w) & 16 != 0 && WEEKDAYS.contains(&w)
}

/// Words that are not part of any speaker's name.
pub(super) fn never_in_name(w: &str) -> bool {
    function_class(w) & (2 | 4 | 16) != 0
        && (auxiliary(w) || preposition(w) && !matches!(w, "of" | "for") || weekday(w))
}

/// A figure or a number word (`$5bn`, `trillion`, `three`): never part of a speaker.
pub(super) fn has_digit(w: &str) -> bool {
    // `G77`, `COP29` are names; `$5bn`, `US$5bn`, `5%`, `1.3trn` are figures.
    // Byte tests first: a character is decoded only for a word that opens with one.
    let b = w.as_bytes();
    let Some(&first) = b.first() else { return false };
    // Most words are ASCII letters only, settled eight bytes at a time; the rest by one plain
    // loop (`<[u8]>::contains` sets up a memchr, too much for a word).
    let (mut dollar, mut digit, mut letters) = (false, false, true);
    if letters_end(b, 0) != b.len() {
        for &c in b {
            dollar |= c == b'$';
            digit |= c.is_ascii_digit();
            letters &= c.is_ascii_alphabetic();
        }
    }
    first.is_ascii_digit()
        || matches!(first, b'+' | b'-')
        || dollar
        || first >= 0x80 && w.starts_with(['€', '£', '¥', '₹', '−'])
        || (b.len() <= 3 && digit)
        // Scale words (`trillion`, `bn`, `lakh`) are letters only and start with one of few
        // letters: most words are settled without lower-casing.
        || (2..=9).contains(&b.len())
            && letters
            && matches!(b[0] | 0x20, b'h' | b't' | b'l' | b'm' | b'c' | b'k' | b'b')
            && super::super::lexicon::scale(lower(w, &mut [0; 24])).is_some()
}

/// A plain count in a subject (`134 developing countries`), not a year or an amount.
pub(super) fn count_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

pub(super) fn capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.starts_with(char::is_uppercase),
        None => false,
    }
}

pub(super) fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| {
        // `developing countries'`
        w.strip_suffix('\'').filter(|s| s.ends_with('s'))
    })
}

/// A word with its byte span.
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
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
                out.push(word(text, base, s, i));
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
        out.push(word(text, base, s, text.len()));
    }
    out
}

/// The word `text[s..e]`, at `base + s`: a trailing sentence period belongs to no word.
#[inline(always)]
fn word(text: &str, base: usize, s: usize, e: usize) -> Word<'_> {
    let t = &text[s..e];
    let mut w = Word { start: base + s, end: base + e, text: t };
    // Most words have no period: settled on one byte.
    let Some(stem) = t.strip_suffix('.') else { return w };
    let initial = stem.len() == 1 && stem.bytes().all(|b| b.is_ascii_uppercase());
    let abbreviation =
        matches!(stem, "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr" | "Dr" | "Mr" | "Mrs" | "Ms");
    if !stem.is_empty() && !stem.contains('.') && !initial && !abbreviation {
        w.text = stem;
        w.end -= 1;
    }
    w
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
