//! `fx-inconsistent`: an inline conversion whose implied rate is off the reference rate.

use rust_decimal::Decimal;

use crate::config::{Rules, Tolerance};
use crate::extract::Claim;
use crate::normalize::{self, relative_difference, Converter};

pub(crate) const DOC: &str = "\
## What it checks
Built in, for every inline conversion (`114.2 billion euros ($119.8 billion)`): the rate the
text implies (119.8 / 114.2 = 1.049 USD per EUR) must be within `[tolerance] conversion` of
the reference rate for the source's date (ECB, or a fixed rate in rules.toml).

Each printed figure stands for its rounding interval (\"£4 billion\" is £3.5bn–£4.5bn,
\"$5.29bn\" is $5.285bn–$5.295bn), so a conversion is consistent when some pair of values
within those intervals gives a rate within the tolerance: \"£4 billion ($5.29bn)\" is rounding,
not an error. A conversion done at an earlier date's rate is consistent too: the rates of
the [`LOOKBACK_DAYS`] days before the source's date are tried (a January announcement
of \"EUR 480 million (USD 500 million)\" reported in April).

## Why
A conversion done at the wrong rate, or a figure mistyped on one side, shows up as an implied
rate that no market ever quoted.

## Example
\"€100 billion ($150 billion)\" on 2025-02-14 implies 1.5 USD/EUR; the ECB rate was 1.0478 —
43.2% apart, tolerance 0.5%.";

/// The numbers of one inline-conversion check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FxCheck {
    /// Units of the second currency per unit of the first, as the text implies.
    pub implied: Decimal,
    pub reference: Decimal,
    /// |implied − reference| / max.
    pub difference: Decimal,
}

/// Compares an implied rate with a reference rate.
pub fn fx_check(stated_from: Decimal, stated_to: Decimal, reference: Decimal) -> Option<FxCheck> {
    if stated_from.is_zero() {
        return None;
    }
    let implied = stated_to.checked_div(stated_from)?;
    let difference = relative_difference(implied, reference)?;
    Some(FxCheck { implied, reference, difference })
}

/// How many days before a source's date a conversion may have been made (the story's first
/// announcement, relayed weeks later).
pub const LOOKBACK_DAYS: i64 = 120;

/// Half a unit in the last digit `text` writes of its numeral, in the units of `value` (the
/// figure the text states): `"114.2 billion euros"` with value 114.2e9 is 0.05e9;
/// `"$5bn"` is 0.5e9; zero when the text has no numeral (`"half a trillion"`).
pub fn rounding(text: &str, value: Decimal) -> Decimal {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else { return Decimal::ZERO };
    let numeral: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let numeral = numeral.trim_end_matches('.');
    let Ok(n) = numeral.parse::<Decimal>() else { return Decimal::ZERO };
    if n.is_zero() {
        return Decimal::ZERO;
    }
    let decimals = numeral.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let unit = Decimal::new(1, decimals);
    (value.abs() / n).checked_mul(unit / Decimal::TWO).unwrap_or(Decimal::ZERO)
}

/// The `fx-inconsistent` message for an inline conversion (`a` restated as `b`: the claims
/// and their texts) whose implied rate is off the reference rate by more than `[tolerance]
/// conversion`, allowing for the figures' rounding and for a rate of up to
/// [`LOOKBACK_DAYS`] before `date`; `None` when it is consistent or cannot be checked.
pub fn check(
    rules: &Rules,
    (ca, cb): (&Claim, &Claim),
    (text_a, text_b): (&str, &str),
    date: Option<jiff::civil::Date>,
    dollar: &str,
) -> Option<String> {
    let Tolerance::Relative(tol) = rules.tolerance.conversion else { return None };
    let from = ca.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let to = cb.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let (va, vb) = (ca.value?, cb.value?);
    let conv = Converter::new(&to, rules.currency.fixed.clone(), rules.currency.use_ecb);
    let reference = conv.rate(&from, date).ok()?;
    let check = fx_check(va, vb, reference.value)?;
    // The implied rates the rounded figures allow.
    let (ra, rb) = (rounding(text_a, va), rounding(text_b, vb));
    let lowest = (vb.abs() - rb).checked_div(va.abs() + ra);
    let highest = (vb.abs() + rb).checked_div(va.abs() - ra).filter(|_| va.abs() > ra);
    let consistent = |rate: Decimal| match (lowest, highest) {
        (Some(lo), Some(hi)) if (lo..=hi).contains(&rate) => true,
        (lo, hi) => [lo, hi, Some(check.implied)]
            .into_iter()
            .flatten()
            .any(|r| relative_difference(r, rate).is_some_and(|d| d <= tol)),
    };
    if consistent(reference.value) {
        return None;
    }
    if let (Some(date), Some(_)) = (date, reference.date) {
        let earlier = (1..=LOOKBACK_DAYS)
            .filter_map(|k| date.checked_sub(jiff::Span::new().days(k)).ok())
            .filter_map(|d| conv.rate(&from, Some(d)).ok());
        for r in earlier {
            if consistent(r.value) {
                return None;
            }
        }
    }
    let day = reference.date.map(|d| format!(" on {d}")).unwrap_or_default();
    Some(format!(
        "{} → {} implies {} {to}/{from}; reference rate{day} ({}) is {}: {}% apart, tolerance {}",
        text_a.trim(),
        text_b.trim(),
        check.implied.round_dp(4).normalize(),
        reference.source.as_str(),
        reference.value.round_dp(4).normalize(),
        (check.difference * Decimal::ONE_HUNDRED).round_dp(2).normalize(),
        rules.tolerance.conversion,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_a_unit_in_the_last_written_digit() {
        assert_eq!(rounding("114.2 billion euros", dec!(114.2e9)), dec!(0.05e9));
        assert_eq!(rounding("$5bn", dec!(5e9)), dec!(0.5e9));
        assert_eq!(rounding("US$4,150 million", dec!(4150e6)), dec!(0.5e6));
        assert_eq!(rounding("half a trillion", dec!(500e9)), Decimal::ZERO);
    }

    fn rules() -> Rules {
        Rules::parse(
            "rules.toml",
            "[currency]\nbase = \"USD\"\n[tolerance]\nconversion = \"0.5%\"\n",
        )
        .unwrap()
    }

    fn claims(text: &str) -> (Vec<Claim>, String) {
        (crate::extract::extract(text), text.to_string())
    }

    fn verdict(text: &str, date: &str) -> Option<String> {
        let (c, t) = claims(text);
        assert_eq!(c.len(), 2, "{text}");
        let texts = (&t[c[0].start..c[0].end], &t[c[1].start..c[1].end]);
        check(&rules(), (&c[0], &c[1]), texts, Some(date.parse().unwrap()), "USD")
    }

    #[test]
    fn a_rounded_figure_is_not_a_bad_conversion() {
        // £4bn at 1.2623 USD/GBP is $5.05bn, but £3.5bn–£4.5bn covers $5.29bn.
        assert_eq!(verdict("It cost £4 billion ($5.29bn) last year.", "2025-01-15"), None);
        // A wrong figure is still caught.
        assert!(verdict("It cost £4.00 billion ($6.29bn) last year.", "2025-01-15").is_some());
    }

    #[test]
    fn a_conversion_at_an_earlier_rate_is_consistent() {
        // EUR 480m is USD 500m at 1.0417: the ECB rate in mid-January 2025 (1.03), not in
        // late April (1.14).
        let text = "The fund holds EUR 480.0 million (USD 500.0 million) now.";
        assert_eq!(verdict(text, "2025-01-20"), None);
        assert_eq!(verdict(text, "2025-04-25"), None);
        assert!(verdict(text, "2025-12-20").is_some() || verdict(text, "2025-09-01").is_some());
    }

    #[test]
    fn kiel_conversion_is_consistent_with_the_ecb() {
        // 114.2bn EUR ($119.8bn); ECB on 2025-02-21: 1.0465 USD per EUR.
        let c = fx_check(dec!(114.2), dec!(119.8), dec!(1.0465)).unwrap();
        assert_eq!(c.implied.round_dp(4), dec!(1.0490));
        assert!(c.difference < dec!(0.005));
    }
}
