//! Compact human figures for tables and messages: `$119.8bn`, `€114.2bn`, `₴5bn`, `CHF 5bn`.
//!
//! Formatting works on the exact `Decimal`, so there are never floating-point artefacts
//! (`119.80000000001`). The rules:
//!
//! - below 1,000: the value itself, trailing zeros trimmed (`$2`, `$1.42`);
//! - 1,000 to 1 million: whole units with thousands separators (`$12,345`), which is as short
//!   as `12.3k` and exact, so `k` is never used;
//! - from 1 million: `m`, `bn`, `tn` (`$3m`, `$65.9bn`, `$1.5tn`);
//! - a figure with more than 4 significant digits is rounded to 4 (half away from zero), so
//!   67,059,200,000 is `67.06bn`; figures with 4 or fewer are shown exactly.
//!
//! Currencies with an unambiguous symbol ([`currency::display_symbol`]) put it in front
//! (`A$5bn`). Every other currency shows its ISO code in front, separated by a space
//! (`CHF 5bn`), so that in a column of figures the currency is always read first and ranges
//! read the same way (`CHF 5bn–CHF 7bn`). Negative amounts put the sign first (`-$5bn`).

use rust_decimal::{Decimal, RoundingStrategy};

use super::currency;
use super::interval::Interval;

const SIGNIFICANT_DIGITS: u32 = 4;

/// Rounds to at most 4 significant digits and trims trailing zeros.
fn significant(v: Decimal) -> Decimal {
    v.round_sf_with_strategy(SIGNIFICANT_DIGITS, RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(v)
        .normalize()
}

/// `1234567.5` → `1,234,567.5`.
fn group_thousands(v: Decimal) -> String {
    let text = v.to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A non-negative magnitude in compact form, without currency or sign.
fn compact(abs: Decimal) -> String {
    let thousand = Decimal::new(1_000, 0);
    let scales = [
        (Decimal::new(1_000_000, 0), "m"),
        (Decimal::new(1_000_000_000, 0), "bn"),
        (Decimal::new(1_000_000_000_000, 0), "tn"),
    ];
    if abs < thousand {
        let rounded = significant(abs);
        if rounded < thousand {
            return rounded.to_string();
        }
    }
    let whole = abs.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if whole < scales[0].0 {
        return group_thousands(whole.normalize());
    }
    // The largest scale the value reaches; rounding may carry it up one (999.96m → 1bn).
    let mut i = scales.iter().rposition(|(unit, _)| abs >= *unit).unwrap_or(0);
    let mut scaled = significant(abs / scales[i].0);
    if scaled >= thousand && i + 1 < scales.len() {
        i += 1;
        scaled = significant(abs / scales[i].0);
    }
    format!("{}{}", group_thousands(scaled), scales[i].1)
}

fn signed(v: Decimal, body: impl FnOnce(Decimal) -> String) -> String {
    let text = body(v.abs());
    if v.is_sign_negative() && !v.is_zero() {
        format!("-{text}")
    } else {
        text
    }
}

/// An amount with its currency: `$119.8bn`, `€114.2bn`, `£3m`, `$1.42`, `₴5bn`, `CHF 5bn`.
/// With no currency, the bare figure (`5bn`).
pub fn money(value: Decimal, currency: Option<&str>) -> String {
    signed(value, |abs| {
        let figure = compact(abs);
        match currency {
            None => figure,
            Some(code) => match currency::display_symbol(code) {
                Some(symbol) => format!("{symbol}{figure}"),
                None => format!("{code} {figure}"),
            },
        }
    })
}

/// A percentage given in percent (`50` → `50%`, `12.345` → `12.35%`).
pub fn percent(value: Decimal) -> String {
    signed(value, |abs| format!("{}%", compact(abs)))
}

/// A plain number: `17`, `12,345`, `1.5m`.
pub fn number(value: Decimal) -> String {
    signed(value, compact)
}

/// A range or bound: `$300bn–$350bn`, `≥ $1.42`, `≤ €7`, `$200bn–$1tn`; a point is shown as
/// the single amount and an interval open on both sides as `any amount`.
pub fn interval(iv: &Interval, currency: Option<&str>) -> String {
    match (iv.low, iv.high) {
        (Some(l), Some(h)) if l == h => money(l, currency),
        (Some(l), Some(h)) => format!("{}–{}", money(l, currency), money(h, currency)),
        (Some(l), None) => format!("≥ {}", money(l, currency)),
        (None, Some(h)) => format!("≤ {}", money(h, currency)),
        (None, None) => "any amount".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_uses_symbols_and_suffixes() {
        assert_eq!(money(d("119800000000"), Some("USD")), "$119.8bn");
        assert_eq!(money(d("114200000000"), Some("EUR")), "€114.2bn");
        assert_eq!(money(d("3000000"), Some("GBP")), "£3m");
        assert_eq!(money(d("2"), Some("USD")), "$2");
        assert_eq!(money(d("65900000000"), Some("USD")), "$65.9bn");
        assert_eq!(money(d("1.42"), Some("USD")), "$1.42");
        assert_eq!(money(d("5000000000"), Some("UAH")), "₴5bn");
        assert_eq!(money(d("500000000000"), Some("USD")), "$500bn");
        assert_eq!(money(d("1500000000000"), Some("USD")), "$1.5tn");
        assert_eq!(money(d("7000000"), Some("AUD")), "A$7m");
    }

    #[test]
    fn money_rounds_only_beyond_four_significant_digits() {
        assert_eq!(money(d("67059200000"), Some("USD")), "$67.06bn");
        assert_eq!(money(d("119658760000.00"), Some("USD")), "$119.7bn");
        assert_eq!(money(d("104780000000"), Some("USD")), "$104.8bn");
        assert_eq!(money(d("1.2345"), Some("USD")), "$1.235");
        assert_eq!(money(d("2.50"), Some("USD")), "$2.5");
        assert_eq!(money(d("0.125"), Some("EUR")), "€0.125");
    }

    #[test]
    fn thousands_are_written_out() {
        assert_eq!(money(d("12345"), Some("USD")), "$12,345");
        assert_eq!(money(d("1000"), Some("USD")), "$1,000");
        assert_eq!(money(d("999999.4"), Some("USD")), "$999,999");
        assert_eq!(money(d("999.96"), Some("USD")), "$1,000");
        assert_eq!(money(d("999999.5"), Some("USD")), "$1m");
    }

    #[test]
    fn rounding_carries_into_the_next_suffix() {
        assert_eq!(money(d("999960000"), Some("USD")), "$1bn");
        assert_eq!(money(d("999949999"), Some("USD")), "$999.9m");
        assert_eq!(money(d("2000000000000000"), Some("USD")), "$2,000tn");
    }

    #[test]
    fn other_currencies_show_their_code_first() {
        assert_eq!(money(d("5000000000"), Some("CHF")), "CHF 5bn");
        assert_eq!(money(d("5000000000"), None), "5bn");
        assert_eq!(money(d("-5000000000"), Some("USD")), "-$5bn");
        assert_eq!(money(d("-5000000000"), Some("CHF")), "-CHF 5bn");
        assert_eq!(money(Decimal::ZERO, Some("USD")), "$0");
    }

    #[test]
    fn percent_and_number() {
        assert_eq!(percent(d("50")), "50%");
        assert_eq!(percent(d("12.345")), "12.35%");
        assert_eq!(percent(d("-3.0")), "-3%");
        assert_eq!(number(d("1500000")), "1.5m");
        assert_eq!(number(d("17")), "17");
        assert_eq!(number(d("12345")), "12,345");
        assert_eq!(number(d("45000000000")), "45bn");
    }

    #[test]
    fn intervals_and_bounds() {
        let iv = |l: Option<&str>, h: Option<&str>| Interval::new(l.map(d), h.map(d));
        assert_eq!(
            interval(&iv(Some("300000000000"), Some("350000000000")), Some("USD")),
            "$300bn–$350bn"
        );
        assert_eq!(interval(&iv(Some("1.42"), None), Some("USD")), "≥ $1.42");
        assert_eq!(interval(&iv(None, Some("7")), Some("EUR")), "≤ €7");
        assert_eq!(
            interval(&iv(Some("200000000000"), Some("1000000000000")), Some("USD")),
            "$200bn–$1tn"
        );
        assert_eq!(interval(&Interval::point(d("3000000")), Some("GBP")), "£3m");
        assert_eq!(interval(&iv(Some("10"), Some("20")), None), "10–20");
        assert_eq!(interval(&iv(None, None), Some("USD")), "any amount");
    }
}
