//! Sentence boundaries, and the sentences that can hold a claim found without splitting the
//! rest of the text.
//!
//! A sentence ends at a line break, or at a `.`, `!` or `?` (with the closing quotes and
//! brackets after it) that whitespace and a sentence start follow, unless the point closes an
//! abbreviation ([`mark_end`]). A sentence longer than [`MAX_SENTENCE`] bytes is cut at
//! whitespace ([`split`]).
//!
//! [`sentences`] splits a whole text, left to right. Extraction needs only the sentences that
//! pass the prefilter (one in eight, in news text), and [`triggered`] finds those from the
//! prefilter's hits instead, leaving the rest of the text unsplit. That gives the same
//! sentences because a line break always ends one, so each line splits on its own; and in a
//! line of at most [`MAX_SENTENCE`] bytes nothing is cut for length, so whether a mark ends a
//! sentence depends only on the text around the mark: the sentence around a hit runs from the
//! last mark before it that ends one to the first mark after it that does. A longer line is
//! split whole. A property test holds [`triggered`] to [`sentences`] and the prefilter.

use memchr::{memchr, memchr3, memrchr, memrchr3};

use super::lexicon::lower;
use super::prefilter::Prefilter;

/// Longest sentence, in bytes, before [`sentences`] cuts at whitespace (news sentences are
/// rarely a tenth of this). A claim straddling a cut gets its sentence widened to cover it.
pub(crate) const MAX_SENTENCE: usize = 1000;

/// Sentence spans of `text`, in order, covering every non-blank stretch.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    // Sentences of news text are 100–200 bytes: one allocation for most texts.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    split(text, 0, text.len(), &mut out);
    out
}

/// Calls `each` with the spans of the sentences of `text` that pass the prefilter
/// ([`Prefilter::triggered`]), in order: the sentences of [`sentences`] that it lets through,
/// found without splitting the lines that have no hit (see the module's doc).
pub(crate) fn triggered(
    text: &str,
    p: &mut Prefilter,
    mut each: impl FnMut(&mut Prefilter, (usize, usize)),
) {
    let b = text.as_bytes();
    let mut pos = 0;
    // The line of the last hit: from the line break before it (or the text's start) to the
    // one after it (or the text's end). Each line is searched for once.
    let (mut from, mut to) = (0, 0);
    let mut long = Vec::new();
    while let Some(hit) = p.first_trigger(text, pos) {
        if hit >= to {
            // `to` is a line break (or 0, the first time): the search stops there.
            from = memrchr(b'\n', &b[to..hit]).map_or(to, |k| to + k);
            to = memchr(b'\n', &b[hit..]).map_or(b.len(), |k| hit + k);
        }
        if to - from > MAX_SENTENCE {
            long.clear();
            split(text, from, to, &mut long);
            for &span in &long {
                if p.triggered(text, span) {
                    each(p, span);
                }
            }
            pos = to;
            continue;
        }
        // The sentence before, if it is on this line, ended at `pos`: no need to look back
        // past it (in text dense with figures, most hits are in the sentence after it).
        let (start, end) = sentence_around(text, (from.max(pos), to), hit);
        if let Some(span) = trimmed(text, start, end) {
            each(p, span);
        }
        pos = end;
    }
}

/// The span, untrimmed, of the sentence that holds byte `hit` of a line of at most
/// [`MAX_SENTENCE`] bytes that ends at `to`, where `from` is where a sentence starts (the
/// line's start, or the end of a sentence on it) before the hit.
fn sentence_around(text: &str, (from, to): (usize, usize), hit: usize) -> (usize, usize) {
    // Two loops over `memrchr3` and `memchr3`: the same with `memchr3_iter` (and `.rev()`)
    // made the whole run 6–9% slower on 100 MB.
    let b = text.as_bytes();
    // The last mark before the hit that ends a sentence ends the one before. (Its closing
    // quotes end before the hit: a hit is no quote or bracket.)
    let mut start = from;
    let mut k = hit;
    while let Some(m) = memrchr3(b'.', b'!', b'?', &b[from..k]).map(|m| from + m) {
        if let Some(j) = mark_end(text, m) {
            start = j;
            break;
        }
        k = m;
    }
    let mut end = to;
    let mut k = hit;
    while let Some(m) = memchr3(b'.', b'!', b'?', &b[k..to]).map(|m| k + m) {
        if let Some(j) = mark_end(text, m) {
            end = j;
            break;
        }
        k = m + 1;
    }
    (start, end)
}

/// Appends to `out` the sentences of `text[from..to]`, left to right, where `from` is the
/// text's start or a line break and `to` a line break or the text's end: a line or lines.
fn split(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut start = from;
    let mut i = from;
    // The next line break and the next `.`, `!` or `?` at or after `i`, each searched for
    // again only once `i` has passed it.
    let mut nl = memchr(b'\n', &b[i..to]).map_or(to, |k| i + k);
    let mut mark = memchr3(b'.', b'!', b'?', &b[i..to]).map_or(to, |k| i + k);
    while i < to {
        // Jump to the next byte that can end a sentence; only a sentence about to pass the
        // length cap needs every byte looked at.
        if i - start < MAX_SENTENCE {
            if nl < i {
                nl = memchr(b'\n', &b[i..to]).map_or(to, |k| i + k);
            }
            if mark < i {
                mark = memchr3(b'.', b'!', b'?', &b[i..to]).map_or(to, |k| i + k);
            }
            let limit = (start + MAX_SENTENCE).min(to);
            let next = nl.min(mark);
            if next >= limit {
                i = limit;
                continue;
            }
            i = next;
        }
        let c = b[i];
        let long = i - start;
        let boundary_end = match c {
            b'\n' => Some(i),
            // Text with no sentence ends (a table dump, a generated line) is cut into pieces
            // of about MAX_SENTENCE bytes, at whitespace if it has any: every claim's JSON
            // line carries its sentence, so unbounded sentences make output quadratic.
            b' ' | b'\t' if long >= MAX_SENTENCE => Some(i),
            // Without whitespace, before any other non-alphanumeric ASCII byte, never inside
            // a word or a run of digits (a million-digit number stays one token).
            _ if long >= 2 * MAX_SENTENCE && c.is_ascii() && !c.is_ascii_alphanumeric() => Some(i),
            b'.' | b'!' | b'?' => mark_end(text, i),
            _ => None,
        };
        if let Some(end) = boundary_end {
            out.extend(trimmed(text, start, end));
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out.extend(trimmed(text, start, to));
}

/// Where the sentence that the `.`, `!` or `?` at `i` closes ends, past the closing quotes
/// and brackets after it; `None` when the mark ends no sentence: no whitespace and sentence
/// start follow it, or the point closes an abbreviation.
fn mark_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i + 1;
    while j < b.len() {
        let ch = text[j..].chars().next().unwrap_or(' ');
        if matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']') {
            j += ch.len_utf8();
        } else {
            break;
        }
    }
    let next_space = b.get(j).is_none_or(|c| c.is_ascii_whitespace());
    (next_space && !(b[i] == b'.' && is_abbreviation(text, i)) && next_starts_sentence(text, j))
        .then_some(j)
}

/// `text[start..end]` without the whitespace at either end, or `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    // ASCII whitespace first; only a non-ASCII byte or a vertical tab (whitespace to Unicode,
    // not to `trim_ascii`) at either edge needs Unicode's trim.
    let b = s.as_bytes();
    let mut lead = b.len() - s.trim_ascii_start().len();
    let mut trail = b.len() - s.trim_ascii_end().len();
    let unicode = |c: &u8| !c.is_ascii() || *c == 0x0B;
    if b.get(lead).is_some_and(unicode) || b.len() > trail && unicode(&b[b.len() - trail - 1]) {
        lead = s.len() - s.trim_start().len();
        trail = s.len() - s.trim_end().len();
    }
    (lead + trail < s.len()).then_some((start + lead, end - trail))
}

/// After whitespace, does a new sentence start (capital letter, digit, quote, or end)?
fn next_starts_sentence(text: &str, j: usize) -> bool {
    let rest = text[j..].trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '$' | '€' | '£')
        }
    }
}

/// `U.S.`, `Mr.`, `Jan.`, `e.g.`, an initial: a period that does not end a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    // The word before the point: back to whitespace, `(` or `"`. ASCII bytes are looked at
    // one by one; at any other byte the separator may be wider than a byte (a no-break
    // space), so characters are decoded.
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii() && !matches!(b[k - 1], b'\t'..=b'\r' | b' ' | b'(' | b'"') {
        k -= 1;
    }
    let word_start = if k > 0 && !b[k - 1].is_ascii() {
        before
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
            .map_or(0, |(p, c)| p + c.len_utf8())
    } else {
        k
    };
    let word = &before[word_start..];
    // No abbreviation below is longer than `approx`; most words before a point are.
    if word.len() > 6 && !word.contains('.') {
        return false;
    }
    if word.is_empty() {
        return false;
    }
    // Single letters and dotted initialisms: U.S, e.g, J.
    if word.chars().count() == 1 || word.contains('.') {
        return word.chars().next().is_some_and(|c| c.is_alphabetic());
    }
    let mut buf = [0; 24];
    let word = lower(word, &mut buf);
    matches!(
        word,
        "mr" | "mrs"
            // Currency and number abbreviations written with a point: `Rs. 20`, `No. 5`.
            | "rs"
            | "re"
            | "dhs"
            | "nos"
            | "ms"
            | "dr"
            | "prof"
            | "st"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "capt"
            | "sgt"
            | "jr"
            | "sr"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "no"
            | "vs"
            | "approx"
            | "est"
            | "fig"
            | "vol"
            | "pp"
            | "nr"
            | "nrs"
    ) || super::lexicon::month_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn an_abbreviation_after_a_no_break_space() {
        // Found by the property tests: `\u{a0}Mr.` sliced inside the no-break space.
        assert_eq!(sents("\u{a0}Mr.\t0$"), vec!["Mr.\t0$"]);
    }

    #[test]
    fn endless_sentences_are_cut_into_bounded_pieces() {
        let text = "between 5 and ".repeat(1000);
        let parts = sentences(&text);
        assert!(parts.len() >= text.len() / MAX_SENTENCE - 1, "{}", parts.len());
        assert!(parts.iter().all(|(a, b)| b - a <= MAX_SENTENCE + 1));
        let solid = "$5bn".repeat(2000);
        assert!(sentences(&solid).iter().all(|(a, b)| b - a <= 2 * MAX_SENTENCE + 4));
        let digits = "9".repeat(10_000);
        assert_eq!(sentences(&digits), vec![(0, digits.len())]);
    }

    #[test]
    fn sentences_are_trimmed_of_unicode_whitespace_too() {
        assert_eq!(sents("\u{b}\u{a0} A b.\u{2009}\n C d. \u{b}"), vec!["A b.", "C d."]);
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sents("The U.S. gave $5bn. Mr. Smith said so! Next line\nnew one"),
            vec!["The U.S. gave $5bn.", "Mr. Smith said so!", "Next line", "new one"]
        );
    }

    /// The sentences [`triggered`] visits, as a list.
    fn visited(text: &str) -> Vec<(usize, usize)> {
        let mut p = Prefilter::default();
        let mut out = Vec::new();
        triggered(text, &mut p, |_, span| out.push(span));
        out
    }

    /// [`sentences`] that the prefilter lets through: what [`triggered`] must visit.
    fn expected(text: &str) -> Vec<(usize, usize)> {
        let mut p = Prefilter::default();
        sentences(text).into_iter().filter(|&span| p.triggered(text, span)).collect()
    }

    #[test]
    fn triggered_sentences_are_found_around_their_hits() {
        let text = "Talks ended. Mr. Lee said it cost $5bn! \"Ten,\" he said.\nNo figure here.\n\
                    Prices rose. The U.S. paid 3 per cent? Fine.";
        assert_eq!(
            visited(text).into_iter().map(|(a, b)| &text[a..b]).collect::<Vec<_>>(),
            vec!["Mr. Lee said it cost $5bn!", "\"Ten,\" he said.", "The U.S. paid 3 per cent?"]
        );
    }

    #[test]
    fn a_line_longer_than_a_sentence_is_split_whole() {
        // Cut for length at whitespace: the cut depends on where the line starts, not on
        // the text around the hit.
        let line = format!("{} 7 {}", "word ".repeat(300), "more ".repeat(300));
        let text = format!("Short note.\n{line}\nLast 2.");
        assert_eq!(visited(&text), expected(&text));
        assert_eq!(visited(&text).len(), 2);
    }

    /// Pieces of text that exercise every boundary rule: marks with and without a sentence
    /// start after them, abbreviations, closing quotes, line breaks, hits of every kind, and
    /// runs long enough to make a line pass [`MAX_SENTENCE`] (with and without whitespace).
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("The talks ended".to_string()),
            Just(". ".to_string()),
            Just(".".to_string()),
            Just("! ".to_string()),
            Just("? ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\" ".to_string()),
            Just(".\u{201d} ".to_string()),
            Just(".) ".to_string()),
            Just(" Mr. ".to_string()),
            Just(" U.S. ".to_string()),
            Just(" e.g. ".to_string()),
            Just(" Jan. ".to_string()),
            Just(" a ".to_string()),
            Just(" 5".to_string()),
            Just(" $3bn".to_string()),
            Just(" ten".to_string()),
            Just(" Seven".to_string()),
            Just(" \u{663}".to_string()),
            Just(" \u{20ac}".to_string()),
            Just("\u{a0}".to_string()),
            Just(" money".to_string()),
            Just("word ".repeat(120)),
            Just("x".repeat(700)),
        ]
    }

    proptest::proptest! {
        /// [`triggered`] visits exactly the sentences of [`sentences`] that pass the
        /// prefilter, whatever the lines, marks and hits.
        #[test]
        fn triggered_is_sentences_through_the_prefilter(
            pieces in proptest::collection::vec(piece(), 0..60)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(visited(&text), expected(&text));
        }
    }
}
