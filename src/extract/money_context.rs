//! Money from context, where the text says which currency once and then leaves it out.
//!
//! Cents take the text's dollar: "the fare rose 10 cents" in a story whose other amounts are
//! all in dollars is 10 US cents (or whichever dollar those amounts name). A text with no
//! dollar amount, or with amounts in two dollars or another currency besides, leaves cents
//! in an unknown currency: which cent is meant cannot be told.
//!
//! A figure that repeats a money amount just stated is that money: "It costs $2 billion a
//! day. Two billion a day is a lot." Only figures of a million or more, within a few hundred
//! bytes after the money, with the same value: small numbers repeat by chance.

use super::{Claim, CurrencyCue, Kind};

/// Gives money claims written in cents (`10 cents`, `43c`, `5¢`) the one dollar the text's
/// other money claims are in, when there is exactly one.
pub(super) fn cents_in_the_texts_dollar(text: &str, claims: &mut [Claim]) {
    let is_cents = |c: &Claim| {
        c.kind == Kind::Money && c.currency == Some(CurrencyCue::Unknown) && {
            let s = text.get(c.start..c.end).unwrap_or_default().to_ascii_lowercase();
            s.ends_with("cents") || s.ends_with("cent") || s.ends_with('¢') || s.ends_with('c')
        }
    };
    if !claims.iter().any(is_cents) {
        return;
    }
    let mut dollar = None;
    for c in claims.iter().filter(|c| c.kind == Kind::Money && !is_cents(c)) {
        let cue = match c.currency {
            Some(CurrencyCue::Dollar) => CurrencyCue::Dollar,
            Some(CurrencyCue::Iso(code)) if super::lexicon::dollar_code(code) => {
                CurrencyCue::Iso(code)
            }
            // Another currency, or one unknown: the cents could be anyone's.
            _ => return,
        };
        if dollar.is_some_and(|d| d != cue) {
            return;
        }
        dollar = Some(cue);
    }
    let Some(dollar) = dollar else { return };
    for c in claims.iter_mut() {
        if is_cents(c) {
            c.currency = Some(dollar);
        }
    }
}

/// How far after a money claim a bare figure may repeat it (about two sentences).
const REPEAT_WINDOW: usize = 400;

/// Turns a bare number of a million or more that repeats, shortly after, the value of a
/// money claim into money in that claim's currency.
pub(super) fn figures_repeating_money(claims: &mut [Claim]) {
    let million = rust_decimal::Decimal::from(1_000_000);
    for i in 1..claims.len() {
        let c = &claims[i];
        let Some(v) = c.value.filter(|v| *v >= million) else { continue };
        if c.kind != Kind::Number {
            continue;
        }
        let start = c.start;
        let money = claims[..i]
            .iter()
            .rev()
            .take_while(|m| start.saturating_sub(m.end) <= REPEAT_WINDOW)
            .find(|m| {
                m.kind == Kind::Money
                    && m.value == Some(v)
                    && !matches!(m.currency, None | Some(CurrencyCue::Unknown))
            });
        if let Some(currency) = money.and_then(|m| m.currency) {
            claims[i].kind = Kind::Money;
            claims[i].currency = Some(currency);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, CurrencyCue, Kind};

    fn money(text: &str) -> Vec<(Kind, Option<CurrencyCue>)> {
        extract(text).into_iter().map(|c| (c.kind, c.currency)).collect()
    }

    #[test]
    fn a_figure_repeating_money_is_money() {
        let m = (Kind::Money, Some(CurrencyCue::Dollar));
        let n = (Kind::Number, None);
        assert_eq!(money("It costs $2 billion a day. Two billion a day is a lot."), [m, m]);
        assert_eq!(money("It costs $2 billion a day. Three billion is a lot."), [m, n]);
        assert_eq!(money("It costs $2 a day. Two a day is a lot."), [m, n]);
    }
}
