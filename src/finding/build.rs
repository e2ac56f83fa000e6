//! Report entries built from the pipeline's values: a claim as every format shows it
//! ([`claim_report`], shared by `check` and `extract` so both describe a claim alike), its
//! conversion, and the compact human figure (`$119.8bn`).

use rust_decimal::Decimal;

use super::{ClaimReport, NormalizedReport};
use crate::extract::{Claim, Kind};
use crate::normalize::{display, Interval, Normalized};
use crate::sources::Source;
use crate::text::{collapse_whitespace, decimal};

/// A claim as reports show it. `currency` is the claim's own currency, already resolved
/// (a bare dollar → the configured dollar); `normalized` is its conversion, if any.
pub fn claim_report(
    source: &Source,
    claim: &Claim,
    currency: Option<String>,
    normalized: Option<&Normalized>,
) -> ClaimReport {
    let (line, column) = source.line_col(claim.start);
    let sentence = source.text.get(claim.sentence.0..claim.sentence.1).unwrap_or_default();
    ClaimReport {
        source: source.id.clone(),
        line,
        column,
        start: claim.start,
        end: claim.end,
        text: source.text[claim.start..claim.end].to_owned(),
        kind: claim.kind.as_str().to_owned(),
        value: claim.value.map(decimal),
        low: claim.low.map(decimal),
        high: claim.high.map(decimal),
        currency,
        hedge: claim.hedge.map(|h| h.as_str().to_owned()),
        attributed_to: claim.attributed_to.clone(),
        sentence: collapse_whitespace(sentence),
        normalized: normalized.map(|n| normalized_report(claim.kind, n)),
        linked_by: Vec::new(),
        verdict: None,
        unlinked_because: None,
    }
}

/// The `normalized` object: exact decimal strings, the rate with its ISO date and source.
pub fn normalized_report(kind: Kind, n: &Normalized) -> NormalizedReport {
    NormalizedReport {
        value: n.value.map(decimal),
        low: n.low.map(decimal),
        high: n.high.map(decimal),
        currency: n.currency.clone(),
        rate: n.rate.map(|r| decimal(r.value)),
        rate_date: n.rate.and_then(|r| r.date).map(|d| d.to_string()),
        rate_source: n.rate.map(|r| r.source.as_str().to_owned()),
        display: figure(kind, n.value, n.low, n.high, n.currency.as_deref(), None),
    }
}

/// A compact human figure: `$119.8bn`, `≥ $1.42`, `$300bn–$350bn`, `50%`, `1.5m`,
/// `4 people`. A point with bounds on both sides (a hedge) shows the point; a point with one
/// bound (`more than $5`) shows the bound; no point shows the range.
pub fn figure(
    kind: Kind,
    value: Option<Decimal>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    currency: Option<&str>,
    unit: Option<&str>,
) -> String {
    let point = match (value, low, high) {
        (Some(v), None, None) | (Some(v), Some(_), Some(_)) => Some(v),
        (None, None, None) => return String::new(),
        _ => None,
    };
    // A year is a label, not a quantity: `2025`, never `2,025`.
    if let (Kind::Count, Some(v), Some("year" | "years")) = (kind, point, unit) {
        return format!("{} {}", v.normalize(), unit.unwrap_or_default());
    }
    let iv = Interval::new(low, high);
    let text = match (kind, point) {
        (Kind::Money, Some(v)) => display::money(v, currency),
        (Kind::Money, None) => display::interval(&iv, currency),
        (Kind::Percent, Some(v)) => display::percent(v),
        (Kind::Percent, None) => format!("{}%", display::interval(&iv, None)),
        (Kind::Number | Kind::Count, Some(v)) => display::number(v),
        (Kind::Number | Kind::Count, None) => display::interval(&iv, None),
    };
    match unit {
        Some(u) if kind == Kind::Count => format!("{text} {u}"),
        _ => text,
    }
}
