//! ISO 4217 currencies: codes, names, minor units, display symbols and "did you mean" hints.
//!
//! The code list, names and minor units come from the `iso_currency` crate (maintained,
//! generated from the ISO 4217 list at build time, no I/O at run time), rather than a table
//! of our own that would go stale. Its symbols are not used for display: it gives every dollar
//! `$` and several pounds `£`, which is ambiguous in a report comparing sources from several
//! countries. [`display_symbol`] is a short curated table of prefixes that are unambiguous
//! (`A$`, `C$`, `HK$`); every other currency is shown by its code.

use std::sync::OnceLock;

use iso_currency::{Currency, IntoEnumIterator};

use crate::extract::CurrencyCue;

/// What the report needs to know about one ISO 4217 currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyInfo {
    /// The alphabetic code, `USD`.
    pub code: &'static str,
    /// The English name, `United States dollar`.
    pub name: &'static str,
    /// The unambiguous prefix used when displaying amounts (`$`, `A$`), if there is one.
    pub symbol: Option<&'static str>,
    /// Digits after the decimal point in the currency's minor unit (2 for USD, 0 for JPY);
    /// `None` where ISO 4217 gives none (gold, SDR).
    pub minor_units: Option<u16>,
}

/// Unambiguous display prefixes. `$` is always USD: other dollars carry their country prefix,
/// as the FT and Reuters style guides do.
const SYMBOLS: &[(&str, &str)] = &[
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("UAH", "₴"),
    ("RUB", "₽"),
    ("INR", "₹"),
    ("AUD", "A$"),
    ("CAD", "C$"),
    ("HKD", "HK$"),
    ("NZD", "NZ$"),
    ("SGD", "S$"),
    ("MXN", "MX$"),
    ("TWD", "NT$"),
    ("BRL", "R$"),
    ("CNY", "CN¥"),
    ("KRW", "₩"),
    ("ILS", "₪"),
    ("TRY", "₺"),
    ("NGN", "₦"),
    ("PHP", "₱"),
    ("VND", "₫"),
    ("KZT", "₸"),
];

/// Every ISO 4217 currency, kept in a static so that names borrowed from it are `'static`.
fn all() -> &'static [Currency] {
    static ALL: OnceLock<Vec<Currency>> = OnceLock::new();
    ALL.get_or_init(|| Currency::iter().collect())
}

fn find(code: &str) -> Option<&'static Currency> {
    all().iter().find(|c| c.code() == code)
}

/// Whether `code` is a current ISO 4217 alphabetic code. Case-sensitive: codes are upper case.
pub fn is_iso(code: &str) -> bool {
    find(code).is_some()
}

/// The table entry for `code`, if it is an ISO 4217 code.
pub fn info(code: &str) -> Option<CurrencyInfo> {
    let c = find(code)?;
    Some(CurrencyInfo {
        code: c.code(),
        name: c.name(),
        symbol: display_symbol(code),
        minor_units: c.exponent(),
    })
}

/// The prefix to show before an amount in `code` (`$`, `€`, `A$`), or `None` when the code
/// itself should be shown.
pub fn display_symbol(code: &str) -> Option<&'static str> {
    SYMBOLS.iter().find(|(c, _)| *c == code).map(|(_, s)| *s)
}

/// The closest ISO 4217 code to `code`, for "did you mean" hints: `USX` → `USD`, `usd` → `USD`,
/// `UDS` → `USD`, `EURO` → `EUR`.
///
/// Returns `None` when `code` is already valid or nothing is close (optimal string alignment
/// distance at most 1 for three letters, 2 for longer input). Ties go to the widely quoted
/// currencies (those with a display symbol), then to ordinary currencies over funds and
/// special codes (`USN`, `XAU`), then alphabetically, so the hint is stable.
pub fn suggest(code: &str) -> Option<&'static str> {
    if is_iso(code) {
        return None;
    }
    let wanted = code.trim().to_ascii_uppercase();
    let max = if wanted.chars().count() <= 3 { 1 } else { 2 };
    all()
        .iter()
        .map(|c| {
            let distance = strsim::osa_distance(&wanted, c.code());
            let rank = if display_symbol(c.code()).is_some() {
                0
            } else if c.is_fund() || c.is_special() {
                2
            } else {
                1
            };
            (distance, rank, c.code())
        })
        .filter(|(distance, _, _)| *distance <= max)
        .min()
        .map(|(_, _, code)| code)
}

/// The ISO code a currency cue stands for: an ISO cue is itself, a bare dollar is the
/// configured `dollar` (`USD` by default), and an unknown currency is `None`.
pub fn resolve(cue: CurrencyCue, dollar: &str) -> Option<String> {
    resolve_str(cue, dollar).map(str::to_owned)
}

/// [`resolve`], borrowed.
pub fn resolve_str(cue: CurrencyCue, dollar: &str) -> Option<&str> {
    match cue {
        CurrencyCue::Iso(code) => Some(code),
        CurrencyCue::Dollar => Some(dollar),
        CurrencyCue::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_are_recognised_case_sensitively() {
        assert!(is_iso("USD"));
        assert!(is_iso("UAH"));
        assert!(is_iso("XDR"));
        assert!(!is_iso("usd"));
        assert!(!is_iso("USX"));
        assert!(!is_iso(""));
    }

    #[test]
    fn info_gives_name_symbol_and_minor_units() {
        let usd = info("USD").unwrap();
        assert_eq!(usd.code, "USD");
        assert_eq!(usd.name, "United States dollar");
        assert_eq!(usd.symbol, Some("$"));
        assert_eq!(usd.minor_units, Some(2));
        let jpy = info("JPY").unwrap();
        assert_eq!(jpy.minor_units, Some(0));
        let chf = info("CHF").unwrap();
        assert_eq!(chf.name, "Swiss franc");
        assert_eq!(chf.symbol, None);
        assert_eq!(info("XAU").unwrap().minor_units, None);
        assert_eq!(info("ABC"), None);
    }

    #[test]
    fn display_symbols_disambiguate_dollars() {
        let cases = [
            ("USD", "$"),
            ("EUR", "€"),
            ("GBP", "£"),
            ("JPY", "¥"),
            ("UAH", "₴"),
            ("RUB", "₽"),
            ("INR", "₹"),
            ("AUD", "A$"),
            ("CAD", "C$"),
            ("HKD", "HK$"),
        ];
        for (code, symbol) in cases {
            assert_eq!(display_symbol(code), Some(symbol), "{code}");
        }
        assert_eq!(display_symbol("CHF"), None);
    }

    #[test]
    fn every_symbol_belongs_to_an_iso_code_and_is_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, symbol) in SYMBOLS {
            assert!(is_iso(code), "{code}");
            assert!(seen.insert(*symbol), "duplicate symbol {symbol}");
        }
    }

    #[test]
    fn suggest_finds_the_closest_code() {
        assert_eq!(suggest("USX"), Some("USD"));
        assert_eq!(suggest("usd"), Some("USD"));
        assert_eq!(suggest("UDS"), Some("USD"));
        assert_eq!(suggest("EURO"), Some("EUR"));
        assert_eq!(suggest("GBR"), Some("GBP"));
        assert_eq!(suggest("USD"), None);
        assert_eq!(suggest("QQQQQQ"), None);
    }

    #[test]
    fn resolve_maps_cues_to_codes() {
        assert_eq!(resolve(CurrencyCue::Iso("EUR"), "USD").as_deref(), Some("EUR"));
        assert_eq!(resolve(CurrencyCue::Dollar, "USD").as_deref(), Some("USD"));
        assert_eq!(resolve(CurrencyCue::Dollar, "CAD").as_deref(), Some("CAD"));
        assert_eq!(resolve(CurrencyCue::Unknown, "USD"), None);
    }
}
