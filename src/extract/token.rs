//! The tokenizer: one pass over the bytes, splitting text into numbers, words, currency
//! symbols and punctuation, each with its byte span and whether whitespace precedes it.
use super::prefilter::letters_end;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TK {
    /// Digits with optional thousands separators (`1,234`, `12,34,567`, `1 234 567`) and one
    /// decimal part (`65.9`, `.77`).
    Num,
    /// Letters (ASCII or any alphabetic character).
    Word,
    /// A currency sign (`$ € £ ¥ ₴ ₽ ₹ …`).
    Sym,
    /// Any other single character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TK,
    /// Whitespace precedes this token.
    pub gap: bool,
    /// The token opens its sentence (line breaks inside a sentence are spaces).
    pub nl: bool,
}

/// Currency signs read as `Sym` tokens.
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₴'
            | '₽'
            | '₹'
            | '¢'
            | '₩'
            | '₪'
            | '₺'
            | '₦'
            | '₱'
            | '₫'
            | '฿'
            | '₿'
            | '元'
            | '₡'
            | '₾'
            | '₭'
    )
}

/// Spaces that may separate digit groups (`40 000`, `40\u{202f}000`).
fn group_space_len(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE2, 0x80, 0xAF]) | Some([0xE2, 0x80, 0x89]) => return 3,
        _ => {}
    }
    if let Some([0xC2, 0xA0]) = b.get(i..i + 2) {
        return 2;
    }
    usize::from(b.get(i) == Some(&b' '))
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
}

#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, &mut toks);
    toks
}

/// The tokens of `text`, into `toks` (cleared first; a buffer reused sentence after sentence).
/// Returns whether a URL or an e-mail address was skipped (its words are no tokens).
pub(crate) fn tokenize_into(text: &str, toks: &mut Vec<Tok>) -> bool {
    let mut skipped = false;
    let b = text.as_bytes();
    toks.clear();
    // Sentences with figures run about one token in four bytes.
    toks.reserve(b.len() / 3 + 4);
    let mut i = 0;
    let mut gap = true;
    let mut nl = true;
    while i < b.len() {
        let c = b[i];
        // A line break inside a sentence is a space: the sentence splitter ends sentences at
        // the line breaks that end them (`sentence::hard_newline`).
        if c == b' ' || c == b'\t' || c == b'\r' || c == b'\n' {
            let mut end = i + 1;
            while end < b.len() && matches!(b[end], b' ' | b'\t' | b'\r' | b'\n') {
                end += 1;
            }
            // A word hyphenated at a line's end ("three-\nyear") goes on, glued, on the next
            // (most gaps follow no `-`: settled before the call).
            if !(i >= 2 && b[i - 1] == b'-' && crate::text::hyphen_wrap(b, i, end)) {
                gap = true;
            }
            i = end;
            continue;
        }

        let start = i;
        let kind;
        if c.is_ascii_digit() || (c == b'.' && digits_at(b, i + 1) > 0 && !prev_is_digit(b, i)) {
            i = scan_number(b, i);
            if i == start {
                // `.1.2`: a leading point whose decimal part `scan_number` refuses (one
                // decimal point only) is punctuation; the digits after it are read next.
                i += 1;
                kind = TK::Punct;
            } else {
                kind = TK::Num;
            }
        } else if c.is_ascii_alphabetic() {
            // URLs and e-mail addresses are not prose: skip to the next whitespace.
            if is_url_start(b, i) {
                i = skip_to_space(b, i);
                gap = false;
                nl = false;
                skipped = true;
                continue;
            }
            i = letters_end(b, i);
            // Non-ASCII letters continue a word (Zelenskyy's "ï", "é").
            while i < b.len() && b[i] >= 0x80 {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if !ch.is_alphabetic() {
                    break;
                }
                i += ch.len_utf8();
                i = letters_end(b, i);
            }
            if b.get(i) == Some(&b'@') {
                i = skip_to_space(b, i);
                gap = false;
                nl = false;
                skipped = true;
                continue;
            }
            kind = TK::Word;
        } else if c < 0x80 {
            i += 1;
            kind = if c == b'$' { TK::Sym } else { TK::Punct };
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                gap = true;
                if ch == '\u{2028}' || ch == '\u{2029}' {
                    nl = true;
                }
                i += len;
                continue;
            }
            i += len;
            kind = if is_currency_sign(ch) {
                TK::Sym
            } else if ch.is_alphabetic() {
                while i < b.len() {
                    let n = text[i..].chars().next().unwrap_or(' ');
                    if !n.is_alphabetic() || is_currency_sign(n) {
                        break;
                    }
                    i += n.len_utf8();
                }
                TK::Word
            } else {
                TK::Punct
            };
        }
        toks.push(Tok { start, end: i, kind, gap, nl });
        gap = false;
        nl = false;
    }
    skipped
}

fn prev_is_digit(b: &[u8], i: usize) -> bool {
    i > 0 && b[i - 1].is_ascii_digit()
}

fn is_url_start(b: &[u8], i: usize) -> bool {
    if !matches!(b[i] | 0x20, b'h' | b'w') {
        return false;
    }
    let rest = &b[i..];
    let lower = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    (lower(b"http://") || lower(b"https://") || lower(b"www."))
        && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
}

fn skip_to_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Scans a number starting at `i` (a digit, or `.` before a digit).
fn scan_number(b: &[u8], mut i: usize) -> usize {
    let first = digits_at(b, i);
    i += first;
    let mut grouped = false;
    // Thousands separators: `,` before exactly three digits; Indian grouping
    // (`12,34,567`): two-digit groups ending in a three-digit one.
    if first > 0 && first <= 3 {
        // Collect the comma groups ahead, then accept them only as a whole valid pattern.
        let mut ahead = [0usize; 12];
        let mut found = 0;
        let mut j = i;
        while b.get(j) == Some(&b',') {
            let n = digits_at(b, j + 1);
            // Only 2- and 3-digit groups can belong to a pattern, and no figure has more than
            // a dozen: looking further made `1,1,1,…` quadratic.
            if !(2..=3).contains(&n) || found >= ahead.len() {
                break;
            }
            ahead[found] = n;
            found += 1;
            j += 1 + n;
        }
        let groups = &ahead[..found];
        let western = groups.iter().take_while(|n| **n == 3).count();
        let indian = groups.len() >= 2
            && first <= 2
            && groups.last() == Some(&3)
            && groups[..groups.len() - 1].iter().all(|n| *n == 2);
        let take = if indian { groups.len() } else { western };
        for n in groups.iter().take(take) {
            i += 1 + n;
            grouped = true;
        }
        // Space-separated groups (`1 234 567`, `40\u{202f}000`), only when every group
        // after the first has exactly three digits.
        // Not after letters: "i7 860" is a model name and a number, not 7,860.
        let s0 = i - first;
        let after_letter = s0 > 0 && b[s0 - 1].is_ascii_alphabetic();
        if !grouped && !after_letter {
            loop {
                let s = group_space_len(b, i);
                if s == 0 {
                    break;
                }
                let n = digits_at(b, i + s);
                let after = b.get(i + s + n).copied();
                if n == 3 && !after.is_some_and(|c| c.is_ascii_alphanumeric() && c != b'.') {
                    // Refuse when the next group is followed by another digit run glued
                    // with a comma (a list), keep it simple otherwise.
                    i += s + n;
                    continue;
                }
                break;
            }
        }
    }
    if b.get(i) == Some(&b'.') {
        let n = digits_at(b, i + 1);
        // `1.2.3` (versions, IP addresses) stays split: only one decimal point.
        if n > 0 && !(b.get(i + 1 + n) == Some(&b'.') && digits_at(b, i + 2 + n) > 0) {
            i += 1 + n;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, TK)> {
        tokenize(text).into_iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    #[test]
    fn numbers_words_and_signs() {
        assert_eq!(
            spans("$500bn, €64.5 1,234.5"),
            vec![
                ("$", TK::Sym),
                ("500", TK::Num),
                ("bn", TK::Word),
                (",", TK::Punct),
                ("€", TK::Sym),
                ("64.5", TK::Num),
                ("1,234.5", TK::Num)
            ]
        );
    }

    #[test]
    fn a_leading_point_before_a_version_is_punctuation() {
        // Found by cargo-fuzz (`.0.2`): the tokenizer used to loop forever here.
        assert_eq!(spans(".1.2"), vec![(".", TK::Punct), ("1.2", TK::Num)]);
        assert_eq!(spans("x .5.5 y").len(), 4);
    }

    #[test]
    fn grouping_rules() {
        assert_eq!(spans("12,34,567.89")[0].0, "12,34,567.89");
        assert_eq!(spans("40 000 is")[0].0, "40 000");
        assert_eq!(spans("423 0000")[0].0, "423");
        assert_eq!(spans("22,24,26")[0].0, "22");
        assert_eq!(spans("192.168.1.2")[0].0, "192");
    }

    #[test]
    fn urls_are_skipped() {
        assert!(spans("see https://x.com/?q=30%25 now").iter().all(|(s, _)| !s.contains("30")));
    }
}
