//! Normalization: every claim becomes exact decimals, money in one base currency.
//!
//! ## The money model
//!
//! - **Exact decimals.** Values are `rust_decimal::Decimal` end to end; nothing on the value
//!   path is `f64`. `$119.8bn` is exactly 119800000000.
//! - **Intervals.** A claim is a value, a range or a bound (`value`, `low`, `high`, as the
//!   extractor gives them); [`Normalized::interval`] turns it into an [`Interval`] that rules
//!   widen by their tolerances and compare by overlap.
//! - **One base currency.** Money claims are converted into the converter's base (rules.toml
//!   `[currency] base`, USD by default) by multiplying value, low and high by one [`Rate`], which
//!   is kept with the result together with its date and source, so a report can show it.
//! - **The dollar.** A bare `$` or `dollars` ([`CurrencyCue::Dollar`](crate::extract::CurrencyCue))
//!   means the dollar rules.toml names (`[currency] dollar`, USD by default); `US$`, `A$`, `C$`
//!   are pinned by the extractor already.
//! - **Rates.** A fixed rate from rules.toml wins; otherwise the embedded ECB reference rate on
//!   the source's publication date, or the nearest business day before it ([`fx`]). A money
//!   claim whose currency cannot be pinned down (`francs`) keeps its values and has no
//!   currency, so it is compared with nothing in another currency.
//!
//! Conversion is the one step that can fail (no rate for that currency or day); the error says
//! which rate to add, and the caller reports it with the source's name.
//!
//! See `docs/money.md` for the user-facing description.

pub mod as_of;
pub mod currency;
pub mod display;
pub mod fx;
pub mod interval;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::extract::{Claim, Kind};

pub use currency::{display_symbol, info, is_iso, resolve, resolve_str, suggest, CurrencyInfo};
pub use fx::{Converter, FxError, FxTable, Rate, RateSource};
pub use interval::{ratio, relative_difference, Interval};

/// A claim's figures after conversion into the base currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub value: Option<Decimal>,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    /// The currency the figures are in (the base, for converted money); `None` for non-money
    /// claims and for money in a currency that could not be pinned down.
    pub currency: Option<String>,
    /// The rate applied; `None` when nothing was converted.
    pub rate: Option<Rate>,
}

impl Normalized {
    /// The claim as an interval: its bounds when it has any (a range, `more than`, a vague
    /// amount), otherwise the point `value`; open on both sides if it has neither.
    pub fn interval(&self) -> Interval {
        match (self.low, self.high, self.value) {
            (None, None, Some(v)) => Interval::point(v),
            (low, high, _) => Interval::new(low, high),
        }
    }

    fn unchanged(claim: &Claim) -> Normalized {
        Normalized {
            value: claim.value,
            low: claim.low,
            high: claim.high,
            currency: None,
            rate: None,
        }
    }
}

/// Converts a money claim into the converter's base currency at the rate for `published`.
///
/// Money with a resolvable currency (an ISO cue, or a bare dollar resolved to `dollar`) has
/// value, low and high multiplied by the rate. Money whose currency is unknown, and claims that
/// are not money, keep their values with no currency and no rate.
pub fn normalize_claim(
    claim: &Claim,
    published: Option<Date>,
    dollar: &str,
    converter: &Converter,
) -> Result<Normalized, FxError> {
    if claim.kind != Kind::Money {
        return Ok(Normalized::unchanged(claim));
    }
    let Some(code) = claim.currency.and_then(|cue| resolve(cue, dollar)) else {
        return Ok(Normalized::unchanged(claim));
    };
    let rate = converter.rate(&code, published)?;
    apply(claim, rate, &code, converter.base())
}

/// Converts a money claim with a rate the caller found, typically an inline conversion in the
/// text (`114.2 billion euros ($119.8 billion)` implies 1.049 USD per EUR, source
/// [`RateSource::Inline`]); `to` is the currency the rate converts into. `dollar` resolves the
/// claim's own currency for error messages. Claims that are not money are returned unchanged.
pub fn normalize_with_rate(
    claim: &Claim,
    rate: Rate,
    dollar: &str,
    to: &str,
) -> Result<Normalized, FxError> {
    if claim.kind != Kind::Money {
        return Ok(Normalized::unchanged(claim));
    }
    let from = claim
        .currency
        .and_then(|cue| resolve(cue, dollar))
        .unwrap_or_else(|| "an unknown currency".to_owned());
    apply(claim, rate, &from, to)
}

fn apply(claim: &Claim, rate: Rate, from: &str, to: &str) -> Result<Normalized, FxError> {
    let convert = |v: Option<Decimal>| -> Result<Option<Decimal>, FxError> {
        v.map(|amount| {
            amount.checked_mul(rate.value).ok_or_else(|| FxError::Overflow {
                currency: from.to_owned(),
                base: to.to_owned(),
                amount,
                rate: rate.value,
            })
        })
        .transpose()
    };
    Ok(Normalized {
        value: convert(claim.value)?,
        low: convert(claim.low)?,
        high: convert(claim.high)?,
        currency: Some(to.to_owned()),
        rate: Some(rate),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use jiff::civil::date;

    use super::*;
    use crate::extract::CurrencyCue;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn claim(kind: Kind, value: Option<&str>, currency: Option<CurrencyCue>) -> Claim {
        Claim {
            start: 0,
            end: 0,
            kind,
            value: value.map(d),
            low: None,
            high: None,
            currency,
            unit: None,
            hedge: None,
            hedge_word: None,
            attributed_to: None,
            sentence: (0, 0),
            restates: None,
            role: None,
        }
    }

    fn usd() -> Converter {
        Converter::new("USD", BTreeMap::new(), true)
    }

    #[test]
    fn euros_convert_at_the_ecb_rate_of_the_business_day_before() {
        let c = claim(Kind::Money, Some("100000000000"), Some(CurrencyCue::Iso("EUR")));
        let n = normalize_claim(&c, Some(date(2025, 2, 16)), "USD", &usd()).unwrap();
        assert_eq!(n.value, Some(d("104780000000")));
        assert_eq!(n.currency.as_deref(), Some("USD"));
        let rate = n.rate.unwrap();
        assert_eq!(rate.value, d("1.0478"));
        assert_eq!(rate.date, Some(date(2025, 2, 14)));
        assert_eq!(rate.source, RateSource::Ecb);
    }

    #[test]
    fn ranges_and_bounds_convert_every_side() {
        let mut c = claim(Kind::Money, None, Some(CurrencyCue::Iso("EUR")));
        c.low = Some(d("300"));
        c.high = Some(d("350"));
        let n = normalize_claim(&c, Some(date(2025, 2, 14)), "USD", &usd()).unwrap();
        assert_eq!((n.value, n.low, n.high), (None, Some(d("314.34")), Some(d("366.73"))));
        assert_eq!(n.interval(), Interval::new(Some(d("314.34")), Some(d("366.73"))));
    }

    #[test]
    fn a_bare_dollar_is_the_configured_dollar() {
        let c = claim(Kind::Money, Some("5"), Some(CurrencyCue::Dollar));
        let n = normalize_claim(&c, None, "USD", &usd()).unwrap();
        assert_eq!(n.value, Some(d("5")));
        assert_eq!(n.rate.unwrap().source, RateSource::Identity);
        let fixed = BTreeMap::from([("CAD".to_owned(), d("0.7"))]);
        let c_usd = Converter::new("USD", fixed, true);
        let n = normalize_claim(&c, None, "CAD", &c_usd).unwrap();
        assert_eq!(n.value, Some(d("3.5")));
        assert_eq!(n.rate.unwrap().source, RateSource::Rules);
    }

    #[test]
    fn unknown_currency_and_non_money_are_left_alone() {
        let francs = claim(Kind::Money, Some("5"), Some(CurrencyCue::Unknown));
        let n = normalize_claim(&francs, Some(date(2025, 2, 14)), "USD", &usd()).unwrap();
        assert_eq!(n.value, Some(d("5")));
        assert_eq!((n.currency, n.rate), (None, None));
        let pct = claim(Kind::Percent, Some("50"), None);
        let n = normalize_claim(&pct, None, "USD", &usd()).unwrap();
        assert_eq!(n.value, Some(d("50")));
        assert_eq!(n.interval(), Interval::point(d("50")));
        assert_eq!((n.currency, n.rate), (None, None));
    }

    #[test]
    fn missing_rates_are_errors_not_silent_passes() {
        let c = claim(Kind::Money, Some("5000000000"), Some(CurrencyCue::Iso("UAH")));
        let e = normalize_claim(&c, Some(date(2025, 2, 16)), "USD", &usd()).unwrap_err();
        assert!(e.to_string().contains("UAH on 2025-02-16"), "{e}");
        let e = normalize_claim(
            &claim(Kind::Money, Some("1"), Some(CurrencyCue::Iso("GBP"))),
            None,
            "USD",
            &usd(),
        )
        .unwrap_err();
        assert!(matches!(e, FxError::NoDate { .. }));
    }

    #[test]
    fn inline_rates_apply_to_every_side() {
        let mut c = claim(Kind::Money, Some("114200000000"), Some(CurrencyCue::Iso("EUR")));
        c.low = Some(d("100"));
        let rate = Rate { value: d("119.8") / d("114.2"), date: None, source: RateSource::Inline };
        let n = normalize_with_rate(&c, rate, "USD", "USD").unwrap();
        assert_eq!(n.value.unwrap().round_dp(6), d("119800000000"));
        assert_eq!(n.low, Some(d("100") * rate.value));
        assert_eq!(n.currency.as_deref(), Some("USD"));
        assert_eq!(n.rate.unwrap().source.as_str(), "inline");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let c = claim(Kind::Money, Some("1"), Some(CurrencyCue::Iso("EUR")));
        let huge = Claim { value: Some(Decimal::MAX), ..c };
        let rate = Rate { value: d("2"), date: None, source: RateSource::Inline };
        let e = normalize_with_rate(&huge, rate, "USD", "USD").unwrap_err();
        assert!(matches!(e, FxError::Overflow { .. }));
    }
}
