//! Cents take the text's dollar: "the fare rose 10 cents" in a story whose other amounts are
//! all in dollars is 10 US cents (or whichever dollar those amounts name). A text with no
//! dollar amount, or with amounts in two dollars or another currency besides, leaves cents
//! in an unknown currency: which cent is meant cannot be told.

use super::{Claim, CurrencyCue, Kind};

/// Gives money claims written in cents (`10 cents`, `43c`, `5¢`) the one dollar the text's
/// other money claims are in, when there is exactly one.
pub(super) fn in_the_texts_dollar(text: &str, claims: &mut [Claim]) {
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
