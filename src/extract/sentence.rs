//! Sentence boundaries, and the sentences that can hold a claim found without splitting the
//! rest of the text.
//!
//! A sentence ends at a `.`, `!` or `?` (with the closing quotes and brackets after it) that
//! whitespace and a sentence start follow, unless the point closes an abbreviation
//! ([`mark_end`]), and at a line break that the layout makes a break ([`hard_newline`]: a
//! blank line, a heading or list line, a short line). Any other line break is a space:
//! hard-wrapped text reads as if it were on one line. A sentence longer than
//! [`MAX_SENTENCE`] bytes is cut at whitespace, never inside a figure ([`split`]).
//!
//! [`sentences`] splits a whole text, left to right. Extraction needs only the sentences that
//! pass the prefilter (one in eight, in news text), and [`triggered`] finds those from the
//! prefilter's hits instead, leaving the rest of the text unsplit. That gives the same
//! sentences because a hard line break always ends one, and whether a line break is hard
//! depends only on the lines next to it, so each paragraph (the text between hard line
//! breaks) splits on its own; and in a paragraph of at most [`MAX_SENTENCE`] bytes nothing is
//! cut for length, so whether a mark ends a sentence depends only on the text around the
//! mark: the sentence around a hit runs from the last mark before it that ends one to the
//! first mark after it that does. A longer paragraph is split whole. A property test holds
//! [`triggered`] to [`sentences`] and the prefilter.

use memchr::{memchr, memchr3, memrchr, memrchr3};

use super::lexicon::{lower, trigger_word};
use super::prefilter::Prefilter;

/// Longest sentence, in bytes, before [`sentences`] cuts at whitespace (news sentences are
/// rarely a tenth of this). A claim straddling a cut gets its sentence widened to cover it.
pub(crate) const MAX_SENTENCE: usize = 1000;

/// How far past [`MAX_SENTENCE`] a sentence may run looking for a cut that splits no figure
/// ([`safe_cut`]) before it is cut at any whitespace.
const CUT_SLACK: usize = 200;

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
    // The paragraph of the last hit: from the hard line break before it (or the text's
    // start) to the one after it (or the text's end). Each paragraph is searched for once.
    let (mut from, mut to) = (0, 0);
    let mut long = Vec::new();
    while let Some(hit) = p.first_trigger(text, pos) {
        if hit >= to {
            // `to` is a hard line break (or 0, the first time): the search stops there.
            from = to;
            let mut k = hit;
            while let Some(m) = memrchr(b'\n', &b[to..k]).map(|m| to + m) {
                if hard_newline(text, m) {
                    from = m;
                    break;
                }
                k = m;
            }
            to = b.len();
            let mut k = hit;
            while let Some(m) = memchr(b'\n', &b[k..]).map(|m| k + m) {
                if hard_newline(text, m) {
                    to = m;
                    break;
                }
                k = m + 1;
            }
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

/// The span, untrimmed, of the sentence that holds byte `hit` of a paragraph of at most
/// [`MAX_SENTENCE`] bytes that ends at `to`, where `from` is where a sentence starts (the
/// paragraph's start, or the end of a sentence in it) before the hit.
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
/// text's start or a hard line break and `to` a hard line break or the text's end: a
/// paragraph or paragraphs.
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
            b'\n' if hard_newline(text, i) => Some(i),
            // Text with no sentence ends (a table dump, a generated line) is cut into pieces
            // of about MAX_SENTENCE bytes, at whitespace if it has any: every claim's JSON
            // line carries its sentence, so unbounded sentences make output quadratic. The
            // cut goes where it splits no figure ("$5 | billion" would read as $5), or, past
            // CUT_SLACK more bytes without such a place, at any whitespace.
            b' ' | b'\t' | b'\n' | b'\r'
                if long >= MAX_SENTENCE
                    && (long >= MAX_SENTENCE + CUT_SLACK || safe_cut(text, i)) =>
            {
                Some(i)
            }
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

/// Longest line, in bytes (with any trailing whitespace), that can be a hard-wrapped line of
/// a paragraph: text wrapped by hand, by a mail client or by a PDF's layout runs 60–120
/// columns. A longer line is a paragraph on its own (one paragraph per line, as news sites
/// and Markdown writers keep it).
const WRAP_WIDTH: usize = 200;

/// Whether the line break at byte `n` of `text` ends a sentence. Inside a paragraph a line
/// break is a space: hard-wrapped text ("$65.9\nbillion", "hundreds of\nbillions") reads as
/// if it were on one line. It ends a sentence only where the text's layout says so:
/// - a blank line before or after it (a paragraph break), or the end of the text;
/// - a line too long to be a wrapped one ([`WRAP_WIDTH`]): one paragraph per line;
/// - a heading, list item, quote or table row on either side (`# `, `- `, `* `, `• `, `> `,
///   `|`, `1. `, `+++`);
/// - a short line (under half as long as the longest of its neighbours): a headline, a
///   dateline or a paragraph's last line, unless it plainly continues: the next line starts
///   with a lower-case letter, or the line ends with a comma or a word such as `of` or `the`.
///
/// It depends only on the line before the break, the one after and the one before that, so
/// the sentences around a hit can be found without splitting the rest of the text.
pub(crate) fn hard_newline(text: &str, n: usize) -> bool {
    let b = text.as_bytes();
    debug_assert_eq!(b[n], b'\n');
    // Most lines of most texts are paragraphs longer than any wrapped line: look back no
    // further than that for the line's start.
    let from = n.saturating_sub(WRAP_WIDTH + 1);
    let line_start = match memrchr(b'\n', &b[from..n]) {
        Some(k) => from + k + 1,
        None if from > 0 => return true,
        None => 0,
    };
    let line = text[line_start..n].trim_end();
    if n - line_start > WRAP_WIDTH || line.trim_start().is_empty() {
        return true;
    }
    let next_end = memchr(b'\n', &b[n + 1..]).map_or(b.len(), |k| n + 1 + k);
    let next = text[n + 1..next_end].trim_end();
    let next_body = next.trim_start();
    if next_body.is_empty() || block_line(line.trim_start()) || block_line(next_body) {
        return true;
    }
    if next_body.starts_with(|c: char| c.is_lowercase()) || continues(line) {
        return false;
    }
    let prev = if line_start == 0 {
        ""
    } else {
        let prev_start = memrchr(b'\n', &b[..line_start - 1]).map_or(0, |k| k + 1);
        text[prev_start..line_start - 1].trim_end()
    };
    2 * line.len() < prev.len().max(next.len())
}

/// A line that is a block of its own: a Markdown heading, list item, block quote, table row,
/// or front matter's fence.
fn block_line(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        Some(b'#' | b'|' | b'>') => true,
        Some(b'-' | b'*' | b'+') => b.get(1).is_none_or(|c| *c == b' ' || *c == b'-' || *c == b'+'),
        Some(c) if c.is_ascii_digit() => {
            let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
            d <= 3 && matches!(b.get(d), Some(b'.' | b')')) && b.get(d + 1) == Some(&b' ')
        }
        _ => line.starts_with('•'),
    }
}

/// A line that ends in the middle of a phrase: a comma, or a word that cannot end one.
fn continues(line: &str) -> bool {
    if line.ends_with(',') {
        return true;
    }
    let last = line.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    matches!(
        last,
        "of" | "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "than"
            | "as"
            | "about"
            | "nearly"
            | "some"
            | "over"
            | "under"
            | "around"
            | "almost"
            | "roughly"
            | "between"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
    )
}

/// Whether a sentence can be cut for length at the whitespace at `i` without splitting a
/// figure: a word on both sides, neither a digit nor a number, scale or currency word
/// ([`trigger_word`]) — so not "$5 | billion", "five | million", "5 | per cent".
fn safe_cut(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    let after = text[i..].trim_start();
    let ok_end = before
        .bytes()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic() || b",;)\"'".contains(&c));
    let ok_start =
        after.bytes().next().is_some_and(|c| c.is_ascii_alphabetic() || b"(\"'".contains(&c));
    let word_before = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    let word_after = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    let mut buf = [0; 24];
    ok_end
        && ok_start
        && !trigger_word(lower(word_before, &mut buf))
        && !trigger_word(lower(word_after, &mut buf))
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
    let next_space = text[j..].chars().next().is_none_or(char::is_whitespace);
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
        assert!(parts.len() >= text.len() / (MAX_SENTENCE + CUT_SLACK) - 1, "{}", parts.len());
        assert!(parts.iter().all(|(a, b)| b - a <= MAX_SENTENCE + CUT_SLACK + 1));
        let solid = "$5bn".repeat(2000);
        assert!(sentences(&solid).iter().all(|(a, b)| b - a <= 2 * MAX_SENTENCE + 4));
        let digits = "9".repeat(10_000);
        assert_eq!(sentences(&digits), vec![(0, digits.len())]);
    }

    #[test]
    fn sentences_are_trimmed_of_unicode_whitespace_too() {
        assert_eq!(sents("\u{b}\u{a0} A bc.\u{2009}\n C d. \u{b}"), vec!["A bc.", "C d."]);
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sents("The U.S. gave $5bn. Mr. Smith said so! Next line\nnew one\n\nAnd two"),
            vec!["The U.S. gave $5bn.", "Mr. Smith said so!", "Next line\nnew one", "And two"]
        );
    }

    #[test]
    fn a_line_break_inside_a_paragraph_is_a_space() {
        assert_eq!(
            sents("The State Department said the U.S. had given $65.9\nbillion in military\naid since 2022. It was\nmore than before."),
            vec!["The State Department said the U.S. had given $65.9\nbillion in military\naid since 2022.", "It was\nmore than before."]
        );
    }

    #[test]
    fn blank_lines_headings_lists_and_short_lines_end_sentences() {
        // A blank line.
        assert_eq!(sents("Aid rose\n\nto $5bn"), vec!["Aid rose", "to $5bn"]);
        // A Markdown heading, list items, a table row.
        assert_eq!(
            sents("# Aid in 2024\nThe aid was $5bn"),
            vec!["# Aid in 2024", "The aid was $5bn"]
        );
        assert_eq!(
            sents("Figures\n- aid $5bn\n- loans $2bn"),
            vec!["Figures", "- aid $5bn", "- loans $2bn"]
        );
        assert_eq!(
            sents("| aid | $5bn |\n| loans | $2bn |"),
            vec!["| aid | $5bn |", "| loans | $2bn |"]
        );
        assert_eq!(sents("1. aid $5bn\n2. loans $2bn"), vec!["1. aid $5bn", "2. loans $2bn"]);
        // A headline over a body line twice its length.
        assert_eq!(
            sents(
                "Trump demands $500bn\nThe US president wants half a trillion dollars of minerals"
            ),
            vec![
                "Trump demands $500bn",
                "The US president wants half a trillion dollars of minerals"
            ]
        );
        // A short line that plainly goes on: a lower-case start, a comma, a function word.
        assert_eq!(
            sents("Aid of\nThe Kiel Institute, a long name for a body"),
            vec!["Aid of\nThe Kiel Institute, a long name for a body"]
        );
        assert_eq!(
            sents("Aid was\nhundreds of billions of dollars in all"),
            vec!["Aid was\nhundreds of billions of dollars in all"]
        );
    }

    #[test]
    fn one_paragraph_per_line_still_ends_at_every_line() {
        // A line longer than any wrapped one is a paragraph, with or without a final mark.
        let long = format!("{} $5bn", "word ".repeat(45));
        let text = format!("{long}\nNext line $2bn.");
        assert_eq!(sents(&text), vec![long.as_str(), "Next line $2bn."]);
    }

    #[test]
    fn a_cut_for_length_never_splits_a_figure() {
        for figure in
            ["$5 billion", "five million dollars", "5 per cent", "5 people", "12 billion euros"]
        {
            for pad in 190..205 {
                let text = format!("{}{figure} and then more words.", "word ".repeat(pad));
                let spans = sentences(&text);
                assert!(
                    spans.iter().any(|&(a, b)| text[a..b].contains(figure)),
                    "{figure} cut apart at {pad}: {:?}",
                    spans.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>()
                );
            }
        }
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
            Just("\n# Head\n".to_string()),
            Just("\n- item".to_string()),
            Just(" of\n".to_string()),
            Just(",\n".to_string()),
            Just("\nbillion".to_string()),
            Just("-\nyear".to_string()),
            Just("short\n".to_string()),
            Just("a wrapped line of prose that is long enough\n".to_string()),
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
