//! Dated exchange rates: the embedded ECB euro reference rates, fixed rates from rules.toml,
//! and the converter that picks between them.
//!
//! The table is `data/ecb-eurofxref-hist.csv`, the ECB's "euro foreign exchange reference
//! rates" history (units of currency per 1 EUR, one row per TARGET business day, newest
//! first, `N/A` where the ECB published no rate). It is compiled into the binary and parsed
//! once, on first use, into exact `Decimal`s: a rate never passes through `f64`.
//!
//! ## Rounding
//!
//! A cross rate is `(base per EUR) / (from per EUR)`. `Decimal` division rounds the quotient to
//! what fits in its 96-bit mantissa: 28 significant digits (at most 28 decimal places), so the
//! relative error of a cross rate is below 1e-27. Multiplying an amount by a rate is exact when
//! the product fits in 28 significant digits and is otherwise rounded the same way. A round
//! trip A → B → A therefore returns the amount to within a relative 1e-26, far below any
//! tolerance a rule can state; the tests check < 1e-20.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use jiff::civil::Date;
use jiff::ToSpan;
use rust_decimal::Decimal;
use serde::Serialize;

/// The embedded ECB history; replace the file with a newer download to update it.
const ECB_CSV: &str = include_str!("../../data/ecb-eurofxref-hist.csv");

/// A date after the table's last row is served from that row for this many days (a weekend
/// plus the longest TARGET holiday run); later dates mean the table is stale and are an error
/// rather than silently using an old rate.
const STALE_AFTER_DAYS: i32 = 7;

/// Where a rate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RateSource {
    /// The embedded ECB reference rates.
    #[serde(rename = "ecb")]
    Ecb,
    /// A `fixed` rate under `[currency]` in rules.toml.
    #[serde(rename = "rules.toml")]
    Rules,
    /// Implied by an inline conversion in the text (`114.2 billion euros ($119.8 billion)`).
    #[serde(rename = "inline")]
    Inline,
    /// The amount is already in the target currency.
    #[serde(rename = "identity")]
    Identity,
}

impl RateSource {
    /// The source named by [`RateSource::as_str`].
    pub fn parse(s: &str) -> Option<RateSource> {
        [RateSource::Ecb, RateSource::Rules, RateSource::Inline, RateSource::Identity]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RateSource::Ecb => "ecb",
            RateSource::Rules => "rules.toml",
            RateSource::Inline => "inline",
            RateSource::Identity => "identity",
        }
    }
}

impl fmt::Display for RateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A conversion rate, with the day it was quoted for and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    /// Units of the target currency per 1 unit of the source currency.
    pub value: Decimal,
    /// The business day of the ECB row used; `None` for fixed, inline and identity rates.
    pub date: Option<Date>,
    pub source: RateSource,
}

impl Rate {
    /// The rate 1, for an amount already in the target currency.
    pub fn identity() -> Rate {
        Rate { value: Decimal::ONE, date: None, source: RateSource::Identity }
    }
}

fn fix_hint(currency: &str, base: &str) -> String {
    format!(
        "add `fixed = {{ {currency} = \"…\" }}` under [currency] in rules.toml \
         (units of {base} per {currency})"
    )
}

fn missing_phrase(currency: &str, missing: &str) -> String {
    if currency == missing {
        "none".to_owned()
    } else {
        format!("no {missing} rate")
    }
}

fn last_quoted_phrase(last: &Option<Date>) -> String {
    match last {
        Some(d) => format!(" (its last rate is for {d})"),
        None => String::new(),
    }
}

/// Why a conversion has no rate. Each message names the currency and date and says how to fix
/// it; the caller adds the source file.
///
/// `currency` is the currency being converted and `base` the one it is converted into (for a
/// bare [`FxTable::eur_rate`] lookup, `base` is EUR). `missing` is the currency the ECB table
/// lacks, which is `base` itself when the base currency is not in the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FxError {
    #[error(
        "no exchange rate for {currency} on {date}: the ECB table has {}; {}",
        missing_phrase(.currency, .missing),
        fix_hint(.currency, .base)
    )]
    NotInTable { currency: String, missing: String, base: String, date: Date },
    #[error(
        "no exchange rate for {currency} on {date}: the ECB published no {missing} rate for \
         {row_date}{}; {}",
        last_quoted_phrase(.last_quoted),
        fix_hint(.currency, .base)
    )]
    NotQuoted {
        currency: String,
        missing: String,
        base: String,
        date: Date,
        /// The business day looked up (the nearest on or before `date`).
        row_date: Date,
        /// The last day before `row_date` with a rate for `missing`, if any.
        last_quoted: Option<Date>,
    },
    #[error(
        "no exchange rate for {currency} on {date}: the ECB table starts on {first}; {}",
        fix_hint(.currency, .base)
    )]
    BeforeTable { currency: String, base: String, date: Date, first: Date },
    #[error(
        "no exchange rate for {currency} on {date}: the ECB table ends on {last}; replace \
         data/ecb-eurofxref-hist.csv with a newer download from the ECB, or {}",
        fix_hint(.currency, .base)
    )]
    AfterTable { currency: String, base: String, date: Date, last: Date },
    #[error(
        "cannot convert {currency} to {base}: the source has no publication date to pick an ECB \
         rate; set `published` in its front matter or its [[source]] table, or {}",
        fix_hint(.currency, .base)
    )]
    NoDate { currency: String, base: String },
    #[error(
        "cannot convert {currency} to {base}: ECB rates are turned off in rules.toml and there \
         is no fixed rate; {}",
        fix_hint(.currency, .base)
    )]
    NoRate { currency: String, base: String },
    #[error(
        "cannot convert {currency} to {base}: {amount} × {rate} is beyond the range of exact \
         decimals (±7.9e28)"
    )]
    Overflow { currency: String, base: String, amount: Decimal, rate: Decimal },
}

impl FxError {
    /// Rewrites a table lookup error (which knows only the missing currency) for the
    /// conversion `from` → `base`, so that the hint names the rate to add.
    fn for_conversion(self, from: &str, to: &str) -> FxError {
        let (currency, base) = (from.to_owned(), to.to_owned());
        match self {
            FxError::NotInTable { missing, date, .. } => {
                FxError::NotInTable { currency, missing, base, date }
            }
            FxError::NotQuoted { missing, date, row_date, last_quoted, .. } => {
                FxError::NotQuoted { currency, missing, base, date, row_date, last_quoted }
            }
            FxError::BeforeTable { date, first, .. } => {
                FxError::BeforeTable { currency, base, date, first }
            }
            FxError::AfterTable { date, last, .. } => {
                FxError::AfterTable { currency, base, date, last }
            }
            other => other,
        }
    }
}

/// A malformed rates file (only possible after replacing the embedded CSV).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ECB rates CSV, line {line}: {message}")]
pub struct FxTableError {
    pub line: usize,
    pub message: String,
}

/// Dated rates in units of currency per 1 EUR, as the ECB publishes them.
#[derive(Debug, Clone)]
pub struct FxTable {
    /// Business days, oldest first.
    dates: Vec<Date>,
    /// Currency codes in column order.
    codes: Vec<String>,
    /// `columns[c][r]`: units of `codes[c]` per EUR on `dates[r]`.
    columns: Vec<Vec<Option<Decimal>>>,
}

impl FxTable {
    /// The embedded ECB table, parsed on first use.
    pub fn ecb() -> &'static FxTable {
        static TABLE: OnceLock<FxTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The CSV is compiled in and the tests parse it, so this cannot fail at run time.
            FxTable::parse(ECB_CSV).expect("embedded ECB table is valid (see fx tests)")
        })
    }

    /// Parses a CSV in the ECB history format: a `Date,USD,JPY,…` header, one row per day in
    /// any order, `N/A` or an empty cell where there is no rate, an optional trailing empty
    /// column.
    pub fn parse(csv: &str) -> Result<FxTable, FxTableError> {
        let err = |line: usize, message: String| FxTableError { line, message };
        let mut lines = csv.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end()));
        let (_, header) = lines
            .find(|(_, l)| !l.is_empty())
            .ok_or_else(|| err(1, "the file is empty".to_owned()))?;
        let mut names = header.split(',');
        if names.next().map(str::trim) != Some("Date") {
            return Err(err(1, "the header must start with `Date`".to_owned()));
        }
        let mut codes: Vec<String> = names.map(|n| n.trim().to_owned()).collect();
        while codes.last().is_some_and(|c| c.is_empty()) {
            codes.pop();
        }
        if let Some(bad) =
            codes.iter().find(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(err(1, format!("`{bad}` is not a currency code")));
        }

        let mut rows: Vec<(Date, Vec<Option<Decimal>>)> = Vec::new();
        for (n, line) in lines.filter(|(_, l)| !l.is_empty()) {
            let mut cells = line.split(',');
            let day = cells.next().unwrap_or_default().trim();
            let date: Date = day.parse().map_err(|e| err(n, format!("bad date `{day}`: {e}")))?;
            let mut rates = Vec::with_capacity(codes.len());
            for code in &codes {
                let cell = cells.next().unwrap_or_default().trim();
                rates.push(match cell {
                    "" | "N/A" => None,
                    _ => {
                        let v: Decimal = cell
                            .parse()
                            .map_err(|e| err(n, format!("bad {code} rate `{cell}`: {e}")))?;
                        if v <= Decimal::ZERO {
                            return Err(err(n, format!("{code} rate `{cell}` is not positive")));
                        }
                        Some(v)
                    }
                });
            }
            if cells.any(|c| !c.trim().is_empty()) {
                return Err(err(n, "more rates than the header has currencies".to_owned()));
            }
            rows.push((date, rates));
        }
        if rows.is_empty() {
            return Err(err(1, "no rows after the header".to_owned()));
        }
        rows.sort_by_key(|(d, _)| *d);
        if let Some(w) = rows.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(err(1, format!("{} appears twice", w[0].0)));
        }

        let mut columns = vec![Vec::with_capacity(rows.len()); codes.len()];
        let mut dates = Vec::with_capacity(rows.len());
        for (date, rates) in rows {
            dates.push(date);
            for (column, rate) in columns.iter_mut().zip(rates) {
                column.push(rate);
            }
        }
        Ok(FxTable { dates, codes, columns })
    }

    /// The first business day in the table.
    pub fn first_date(&self) -> Date {
        self.dates[0]
    }

    /// The last business day in the table.
    pub fn last_date(&self) -> Date {
        self.dates[self.dates.len() - 1]
    }

    /// The currencies the table has a column for (some only for part of its history), plus EUR.
    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        std::iter::once("EUR").chain(self.codes.iter().map(String::as_str))
    }

    /// Units of `code` per 1 EUR on `on`, from the nearest business day on or before `on`,
    /// with that day's date. EUR is 1 per EUR (dated the same way).
    pub fn eur_rate(&self, code: &str, on: Date) -> Result<(Decimal, Date), FxError> {
        let eur = || "EUR".to_owned();
        // Rows are sorted, so the rows on or before `on` are a prefix.
        let row = match self.dates.partition_point(|d| *d <= on) {
            0 => {
                return Err(FxError::BeforeTable {
                    currency: code.to_owned(),
                    base: eur(),
                    date: on,
                    first: self.first_date(),
                })
            }
            n => n - 1,
        };
        let row_date = self.dates[row];
        if row == self.dates.len() - 1 && on > row_date.saturating_add(STALE_AFTER_DAYS.days()) {
            return Err(FxError::AfterTable {
                currency: code.to_owned(),
                base: eur(),
                date: on,
                last: row_date,
            });
        }
        if code == "EUR" {
            return Ok((Decimal::ONE, row_date));
        }
        let Some(column) = self.codes.iter().position(|c| c == code) else {
            return Err(FxError::NotInTable {
                currency: code.to_owned(),
                missing: code.to_owned(),
                base: eur(),
                date: on,
            });
        };
        let rates = &self.columns[column];
        match rates[row] {
            Some(rate) => Ok((rate, row_date)),
            None => Err(FxError::NotQuoted {
                currency: code.to_owned(),
                missing: code.to_owned(),
                base: eur(),
                date: on,
                row_date,
                last_quoted: rates[..row].iter().rposition(Option::is_some).map(|r| self.dates[r]),
            }),
        }
    }
}

/// Converts amounts into one base currency: fixed rates from rules.toml first, then the ECB
/// table at the source's date.
#[derive(Debug, Clone)]
pub struct Converter {
    base: String,
    /// Units of `base` per 1 unit of each currency.
    fixed: BTreeMap<String, Decimal>,
    use_ecb: bool,
    table: &'static FxTable,
}

impl Converter {
    /// A converter into `base`. `fixed` maps a currency to units of `base` per 1 unit of it;
    /// `use_ecb` allows falling back to the embedded ECB table.
    pub fn new(base: &str, fixed: BTreeMap<String, Decimal>, use_ecb: bool) -> Converter {
        Converter { base: base.to_owned(), fixed, use_ecb, table: FxTable::ecb() }
    }

    /// The currency every amount is converted into.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The rate from `from` into the base currency for a source published `on`.
    ///
    /// The base currency itself converts at 1 (identity); a fixed rate wins over the ECB;
    /// otherwise the ECB cross rate via EUR on the nearest business day on or before `on`:
    /// (base per EUR) / (from per EUR), rounded to 28 significant digits (see the module docs).
    pub fn rate(&self, from: &str, on: Option<Date>) -> Result<Rate, FxError> {
        if from == self.base {
            return Ok(Rate::identity());
        }
        if let Some(&value) = self.fixed.get(from) {
            return Ok(Rate { value, date: None, source: RateSource::Rules });
        }
        let (currency, base) = (from.to_owned(), self.base.clone());
        if !self.use_ecb {
            return Err(FxError::NoRate { currency, base });
        }
        let Some(on) = on else {
            return Err(FxError::NoDate { currency, base });
        };
        let retarget = |e: FxError| e.for_conversion(from, &self.base);
        let (from_per_eur, date) = self.table.eur_rate(from, on).map_err(retarget)?;
        let (base_per_eur, _) = self.table.eur_rate(&self.base, on).map_err(retarget)?;
        // The table holds only positive rates, so the division cannot fail.
        let value = base_per_eur / from_per_eur;
        Ok(Rate { value, date: Some(date), source: RateSource::Ecb })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn usd() -> Converter {
        Converter::new("USD", BTreeMap::new(), true)
    }

    #[test]
    fn embedded_table_parses_with_its_documented_range() {
        let t = FxTable::ecb();
        assert_eq!(t.first_date(), date(1999, 1, 4));
        assert_eq!(t.last_date(), date(2026, 10, 30));
        let codes: Vec<&str> = t.currencies().collect();
        for code in ["EUR", "USD", "JPY", "GBP", "CHF", "RUB", "ZAR"] {
            assert!(codes.contains(&code), "{code}");
        }
        // Every column is a real ISO code, bar those the euro replaced (CYP, EEK, …).
        assert!(!codes.contains(&""));
    }

    #[test]
    fn eur_to_usd_on_a_business_day_is_the_published_rate() {
        let r = usd().rate("EUR", Some(date(2025, 2, 14))).unwrap();
        assert_eq!(r.value, d("1.0478"));
        assert_eq!(r.date, Some(date(2025, 2, 14)));
        assert_eq!(r.source, RateSource::Ecb);
    }

    #[test]
    fn a_sunday_uses_the_friday_before() {
        let r = usd().rate("EUR", Some(date(2025, 2, 16))).unwrap();
        assert_eq!(r.value, d("1.0478"));
        assert_eq!(r.date, Some(date(2025, 2, 14)));
        let (eur_rate, day) = FxTable::ecb().eur_rate("USD", date(2025, 2, 16)).unwrap();
        assert_eq!((eur_rate, day), (d("1.0478"), date(2025, 2, 14)));
    }

    #[test]
    fn cross_rates_divide_the_two_euro_rates_exactly() {
        let gbp = usd().rate("GBP", Some(date(2025, 2, 14))).unwrap();
        assert_eq!(gbp.value, d("1.0478") / d("0.83215"));
        assert_eq!(gbp.value.round_dp(6), d("1.259148"));
        assert_eq!(gbp.date, Some(date(2025, 2, 14)));
        let jpy = usd().rate("JPY", Some(date(2025, 2, 14))).unwrap();
        assert_eq!(jpy.value, d("1.0478") / d("160.09"));
        // Into a non-USD base: JPY per GBP.
        let into_jpy = Converter::new("JPY", BTreeMap::new(), true);
        let r = into_jpy.rate("GBP", Some(date(2025, 2, 14))).unwrap();
        assert_eq!(r.value, d("160.09") / d("0.83215"));
    }

    #[test]
    fn base_currency_is_identity() {
        let r = usd().rate("USD", None).unwrap();
        assert_eq!(r, Rate::identity());
        assert_eq!(r.source.as_str(), "identity");
    }

    #[test]
    fn a_fixed_rate_wins_over_the_ecb() {
        let fixed = BTreeMap::from([("GBP".to_owned(), d("1.25")), ("UAH".to_owned(), d("0.024"))]);
        let c = Converter::new("USD", fixed, true);
        let gbp = c.rate("GBP", Some(date(2025, 2, 14))).unwrap();
        assert_eq!(gbp.value, d("1.25"));
        assert_eq!(gbp.date, None);
        assert_eq!(gbp.source, RateSource::Rules);
        assert_eq!(gbp.source.as_str(), "rules.toml");
        // Fixed rates need no date.
        assert_eq!(c.rate("UAH", None).unwrap().value, d("0.024"));
    }

    #[test]
    fn uah_without_a_fixed_rate_says_how_to_add_one() {
        let e = usd().rate("UAH", Some(date(2025, 2, 16))).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no exchange rate for UAH on 2025-02-16: the ECB table has none; add \
             `fixed = { UAH = \"…\" }` under [currency] in rules.toml (units of USD per UAH)"
        );
    }

    #[test]
    fn rub_after_the_ecb_stopped_quoting_it_errors() {
        let e = usd().rate("RUB", Some(date(2024, 1, 2))).unwrap_err();
        match &e {
            FxError::NotQuoted { row_date, last_quoted, .. } => {
                assert_eq!(*row_date, date(2024, 1, 2));
                assert!(last_quoted.is_some_and(|d| d < date(2022, 3, 31)));
            }
            other => panic!("unexpected {other:?}"),
        }
        let msg = e.to_string();
        assert!(msg.starts_with("no exchange rate for RUB on 2024-01-02: "), "{msg}");
        assert!(msg.contains("`fixed = { RUB = \"…\" }`"), "{msg}");
    }

    #[test]
    fn a_base_missing_from_the_table_names_it_but_asks_for_the_source_rate() {
        let c = Converter::new("UAH", BTreeMap::new(), true);
        let msg = c.rate("EUR", Some(date(2025, 2, 14))).unwrap_err().to_string();
        assert_eq!(
            msg,
            "no exchange rate for EUR on 2025-02-14: the ECB table has no UAH rate; add \
             `fixed = { EUR = \"…\" }` under [currency] in rules.toml (units of UAH per EUR)"
        );
    }

    #[test]
    fn dates_outside_the_table_error() {
        let e = usd().rate("EUR", Some(date(1998, 12, 31))).unwrap_err();
        assert!(matches!(e, FxError::BeforeTable { first, .. } if first == date(1999, 1, 4)));
        assert!(e.to_string().contains("starts on 1999-01-04"));
        // The last row serves the weekend after it, not next year.
        assert!(usd().rate("GBP", Some(date(2026, 11, 1))).is_ok());
        let e = usd().rate("GBP", Some(date(2027, 3, 1))).unwrap_err();
        assert!(matches!(e, FxError::AfterTable { .. }), "{e:?}");
        assert!(e.to_string().contains("ends on 2026-10-30"));
    }

    #[test]
    fn no_date_and_no_ecb_are_errors_naming_the_fix() {
        let e = usd().rate("GBP", None).unwrap_err();
        assert_eq!(e, FxError::NoDate { currency: "GBP".into(), base: "USD".into() });
        assert!(e.to_string().contains("`published`"));
        let off = Converter::new("USD", BTreeMap::new(), false);
        let e = off.rate("GBP", Some(date(2025, 2, 14))).unwrap_err();
        assert!(matches!(e, FxError::NoRate { .. }));
        assert!(e.to_string().contains("`fixed = { GBP = \"…\" }`"));
    }

    #[test]
    fn parse_rejects_malformed_tables() {
        assert!(FxTable::parse("").is_err());
        assert!(FxTable::parse("Date,USD,\n").is_err());
        let bad = FxTable::parse("Date,USD,\n2025-02-14,abc,\n").unwrap_err();
        assert_eq!(bad.line, 2);
        assert!(bad.to_string().contains("bad USD rate `abc`"));
        assert!(FxTable::parse("Date,USD,\n2025-02-14,0,\n").is_err());
        assert!(FxTable::parse("Date,USD,\n2025-02-14,1,\n2025-02-14,1,\n").is_err());
        let ok = FxTable::parse("Date,USD,GBP,\n2025-02-14,1.0478,N/A,\n2025-02-13,1.039,0.8,\n")
            .unwrap();
        assert_eq!(ok.first_date(), date(2025, 2, 13));
        assert_eq!(ok.eur_rate("GBP", date(2025, 2, 13)).unwrap(), (d("0.8"), date(2025, 2, 13)));
        let e = ok.eur_rate("GBP", date(2025, 2, 14)).unwrap_err();
        assert!(
            matches!(e, FxError::NotQuoted { last_quoted: Some(q), .. } if q == date(2025, 2, 13))
        );
    }

    /// Currencies the ECB has quoted every business day since 1999-01-04.
    const ALWAYS_QUOTED: [&str; 6] = ["USD", "JPY", "GBP", "CHF", "AUD", "EUR"];

    proptest! {
        #[test]
        fn round_trip_through_another_currency_is_within_rounding(
            a in 0usize..ALWAYS_QUOTED.len(),
            b in 0usize..ALWAYS_QUOTED.len(),
            days in 0i32..10_160,
            mantissa in 1i64..1_000_000_000_000_000,
            scale in 0u32..6,
        ) {
            let (a, b) = (ALWAYS_QUOTED[a], ALWAYS_QUOTED[b]);
            let on = date(1999, 1, 4).saturating_add(days.days());
            let amount = Decimal::new(mantissa, scale);
            let to_b = Converter::new(b, BTreeMap::new(), true).rate(a, Some(on)).unwrap();
            let back = Converter::new(a, BTreeMap::new(), true).rate(b, Some(on)).unwrap();
            prop_assert_eq!(to_b.date, back.date);
            let round_trip = amount * to_b.value * back.value;
            let error = ((round_trip - amount) / amount).abs();
            prop_assert!(error < Decimal::new(1, 20), "{} {} -> {} ({})", amount, a, round_trip, b);
        }
    }
}
