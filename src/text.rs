//! Text helpers every layer shares: whitespace collapsing (how reports, fingerprints and the
//! linker see a sentence) and exact decimal strings (how every format writes a figure). The
//! bottom of the crate: it imports nothing from it.

use rust_decimal::Decimal;

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
            if !hyphen_wrap(s.as_bytes(), end, start) {
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
    static CLASS: [u8; 256] = {
        let mut table = [PLAIN; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = match b as u8 {
                b' ' => SPACE,
                b'\t'..=b'\r' => OTHER_SPACE,
                // Bytes that may start a wider whitespace character (U+0085, U+00A0, U+1680,
                // U+2000–U+205F, U+3000), such as the `“` of a quote: the character decides.
                0xC2 | 0xE1..=0xE3 => MAY_BE_SPACE,
                _ => PLAIN,
            };
            b += 1;
        }
        table
    };

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

/// Whether the whitespace `b[start..end]` is a line break inside a word hyphenated at a
/// line's end: a letter or digit and `-` before it, a line break in it, a letter or digit
/// after it (`three-\nyear`, `US-\nUkraine`).
pub fn hyphen_wrap(b: &[u8], start: usize, end: usize) -> bool {
    start >= 2
        && b[start - 1] == b'-'
        && b[start - 2].is_ascii_alphanumeric()
        && b.get(end).is_some_and(u8::is_ascii_alphanumeric)
        && b[start..end].contains(&b'\n')
}

/// An exact decimal string: no exponent, no trailing zeros.
pub fn decimal(v: Decimal) -> String {
    let mut out = Vec::with_capacity(24);
    push_decimal(&mut out, v);
    // Only ASCII digits, `-` and `.` were written.
    String::from_utf8(out).unwrap_or_default()
}

/// [`decimal`], appended to `out` without formatting machinery: the mantissa's digits with
/// the point put in by the scale (`-0.05` is mantissa −5, scale 2).
pub fn push_decimal(out: &mut Vec<u8>, v: Decimal) {
    let v = v.normalize();
    if v.is_sign_negative() && !v.is_zero() {
        out.push(b'-');
    }
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(v.mantissa().unsigned_abs()).as_bytes();
    let scale = v.scale() as usize;
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(int);
        out.push(b'.');
        out.extend_from_slice(frac);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The hand-placed point agrees with rust_decimal's own formatting, at every scale
        /// and sign, trailing zeros included (they are normalized away by both).
        #[test]
        fn decimal_strings_agree_with_display(m in any::<i64>(), wide in any::<bool>(), scale in 0u32..=28) {
            let m = if wide { i128::from(m) * 1_000_000_000 } else { i128::from(m) };
            let v = rust_decimal::Decimal::try_from_i128_with_scale(m, scale);
            prop_assume!(v.is_ok(), "more than 96 bits");
            let v = v.unwrap();
            prop_assert_eq!(super::decimal(v), v.normalize().to_string());
        }
    }
}
