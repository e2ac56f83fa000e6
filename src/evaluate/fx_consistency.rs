//! `fx-inconsistent`: an inline conversion whose implied rate is off the reference rate.

use rust_decimal::Decimal;

use crate::normalize::relative_difference;

pub(crate) const DOC: &str = "\
## What it checks
Built in, for every inline conversion (`114.2 billion euros ($119.8 billion)`): the rate the
text implies (119.8 / 114.2 = 1.049 USD per EUR) must be within `[tolerance] conversion` of
the reference rate for the source's date (ECB, or a fixed rate in rules.toml).

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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn kiel_conversion_is_consistent_with_the_ecb() {
        // 114.2bn EUR ($119.8bn); ECB on 2025-02-21: 1.0465 USD per EUR.
        let c = fx_check(dec!(114.2), dec!(119.8), dec!(1.0465)).unwrap();
        assert_eq!(c.implied.round_dp(4), dec!(1.0490));
        assert!(c.difference < dec!(0.005));
    }
}
