//! `[currency]`: the base, the dollar, rates; currency codes anywhere in rules.toml.

#[allow(unused_imports)]
use super::*;
use crate::normalize;

impl Ctx<'_> {
    pub(super) fn currency(
        &mut self,
        raw: Option<Elem<RawCurrency>>,
        defaults: &CurrencyRules,
    ) -> (CurrencyRules, Option<Span>) {
        let Some(Elem { raw, .. }) = raw else {
            return (defaults.clone(), None);
        };
        let base = raw
            .base
            .as_ref()
            .map_or_else(|| defaults.base.clone(), |b| self.currency_code(b, "base"));
        let dollar = raw
            .dollar
            .as_ref()
            .map_or_else(|| defaults.dollar.clone(), |d| self.currency_code(d, "dollar"));
        let use_ecb = match &raw.rates {
            None => true,
            Some(r) => match r.get_ref().as_str() {
                "ecb" => true,
                "fixed" => false,
                other => {
                    self.invalid_word(r.span(), "rates", other, &["ecb", "fixed"]);
                    true
                }
            },
        };
        let mut fixed = BTreeMap::new();
        for (code, rate) in raw.fixed.iter().flatten() {
            let c = self.currency_code(code, "fixed");
            let value = match Decimal::from_str(rate.get_ref().trim()) {
                Ok(v) if v > Decimal::ZERO => v,
                _ => {
                    self.error(
                        "bad-rate",
                        Some(rate.span()),
                        format!("`{}` is not a positive decimal", rate.get_ref()),
                    )
                    .hint = Some(format!(
                        "write how many {base} one {c} is worth, e.g. {c} = \"0.024\""
                    ));
                    continue;
                }
            };
            if c == base {
                if value == Decimal::ONE {
                    self.warning(
                        "redundant",
                        Some(code.span()),
                        format!("a fixed rate for the base currency {base} has no effect"),
                    )
                    .hint = Some("remove it".into());
                } else {
                    self.error(
                        "bad-rate",
                        Some(rate.span()),
                        format!("the base currency {base} is worth 1 {base} by definition"),
                    )
                    .hint = Some("remove it, or change `base`".into());
                }
                continue;
            }
            fixed.insert(c, value);
        }
        if !use_ecb && fixed.is_empty() {
            let span = raw.rates.as_ref().map(Spanned::span);
            self.warning("suspicious-value", span, format!("`rates = \"fixed\"` without `fixed` rates: money in other currencies than {base} cannot be compared"))
                .hint = Some("add rates, e.g. fixed = { EUR = \"1.05\" }, or use rates = \"ecb\"".into());
        }
        let rates_span = if use_ecb { None } else { raw.rates.as_ref().map(Spanned::span) };
        (CurrencyRules { base, dollar, use_ecb, fixed }, rates_span)
    }

    /// Checks an ISO 4217 code; returns it as written so validation can go on either way.
    pub(super) fn currency_code(&mut self, code: &Spanned<String>, key: &str) -> String {
        let c = code.get_ref();
        self.check_code(c, code.span(), key);
        c.clone()
    }

    pub(super) fn check_code(&mut self, c: &str, span: Span, key: &str) {
        let upper = c.to_ascii_uppercase();
        if c == upper && normalize::is_iso(c) {
            return;
        }
        let hint = if normalize::is_iso(&upper) {
            format!("currency codes are upper case: `{upper}`")
        } else if let Some(s) = normalize::suggest(&upper) {
            format!("did you mean `{s}`?")
        } else {
            "use an ISO 4217 code such as USD, EUR or GBP".into()
        };
        self.error("unknown-currency", Some(span), format!("unknown currency `{c}` in `{key}`"))
            .hint = Some(hint);
    }

    pub(super) fn invalid_word(&mut self, span: Span, key: &str, word: &str, allowed: &[&str]) {
        let hint = match diag::did_you_mean(word, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of {}", backticked(allowed)),
        };
        self.error(
            "invalid-value",
            Some(span),
            format!("`{key} = \"{word}\"` is not one of {}", backticked(allowed)),
        )
        .hint = Some(hint);
    }

    /// With `rates = "fixed"`, every currency the rules name needs a fixed rate.
    pub(super) fn rates_cover(
        &mut self,
        rules: &Rules,
        rates_span: Option<Span>,
        global: &HashMap<&'static str, Span>,
        metric_tols: &[OwnTolerance],
        relation_tols: &[OwnTolerance],
    ) {
        let Some(rates_span) = rates_span else { return };
        let c = &rules.currency;
        let mut uses: Vec<(String, Span)> = Vec::new();
        if c.dollar != c.base {
            uses.push((c.dollar.clone(), rates_span.clone()));
        }
        for (key, t) in [("default", &rules.tolerance.default), ("hedged", &rules.tolerance.hedged)]
        {
            if let (Tolerance::Absolute { currency: Some(cur), .. }, Some(span)) =
                (t, global.get(key))
            {
                uses.push((cur.clone(), span.clone()));
            }
        }
        for own in metric_tols.iter().chain(relation_tols) {
            if let Tolerance::Absolute { currency: Some(cur), .. } = &own.tolerance {
                uses.push((cur.clone(), own.span.clone()));
            }
        }
        for (cur, span) in uses {
            if cur != c.base && !c.fixed.contains_key(&cur) && normalize::is_iso(&cur) {
                self.error("missing-rate", Some(span), format!("no fixed rate for {cur}, and `rates = \"fixed\"` uses no other"))
                    .hint = Some(format!("add it to `fixed`, e.g. fixed = {{ {cur} = \"…\" }} ({} per {cur}), or use rates = \"ecb\"", c.base));
            }
        }
    }
}
