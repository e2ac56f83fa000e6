//! `[tolerance]` and every `tolerance`/`hedged` key: parsing amounts and shares, and whether a
//! tolerance fits the metric it applies to.

#[allow(unused_imports)]
use super::*;

impl Ctx<'_> {
    pub(super) fn global_tolerance(
        &mut self,
        raw: Option<Elem<RawTolerance>>,
        defaults: &ToleranceRules,
    ) -> GlobalTolerance {
        let mut out = GlobalTolerance { rules: defaults.clone(), spans: HashMap::new() };
        let Some(Elem { raw, .. }) = raw else { return out };
        for (key, value, slot) in [
            ("default", &raw.default, &mut out.rules.default),
            ("hedged", &raw.hedged, &mut out.rules.hedged),
            ("conversion", &raw.conversion, &mut out.rules.conversion),
        ] {
            if let Some(v) = value {
                if let Some(t) = self.tolerance(v, key) {
                    *slot = t;
                    out.spans.insert(key, v.span());
                }
            }
        }
        if let (Some(span), Tolerance::Absolute { .. }) =
            (out.spans.get("conversion"), &out.rules.conversion)
        {
            self.error(
                "bad-tolerance",
                Some(span.clone()),
                "`conversion` compares exchange rates, so it must be relative".into(),
            )
            .hint = Some("write a percentage, e.g. \"0.5%\"".into());
        }
        if let (Tolerance::Relative(d), Tolerance::Relative(h), Some(span)) =
            (&out.rules.default, &out.rules.hedged, out.spans.get("hedged"))
        {
            if h < d {
                let msg = format!(
                    "`hedged` ({}) is tighter than `default` ({})",
                    out.rules.hedged, out.rules.default
                );
                self.warning("suspicious-value", Some(span.clone()), msg).hint = Some(
                    "hedged figures are approximate; they usually get more room, not less".into(),
                );
            }
        }
        out
    }

    /// Parses a tolerance string and checks its currency; reports and returns `None` if bad.
    pub(super) fn tolerance(&mut self, raw: &Spanned<String>, key: &str) -> Option<Tolerance> {
        let s = raw.get_ref();
        match parse_tolerance(s) {
            Ok(t) => {
                if let Tolerance::Absolute { currency: Some(c), .. } = &t {
                    let at = s.rfind(c.as_str()).map(|i| i..i + c.len());
                    self.check_code(c, self.sub_span(raw, at), key);
                }
                if let Tolerance::Relative(r) = &t {
                    if *r > Decimal::ONE {
                        self.warning("suspicious-value", Some(raw.span()), format!("tolerance `{t}` is more than 100%"))
                            .hint = Some("a relative tolerance is a share of the larger figure; did you mean a smaller percentage?".into());
                    }
                }
                Some(t)
            }
            Err(e) => {
                self.error(
                    "bad-tolerance",
                    Some(raw.span()),
                    format!("bad tolerance `{s}`: {}", e.0),
                )
                .hint = Some(e.1);
                None
            }
        }
    }

    /// The span of `within` (byte range in the string's value) in the file, when the string
    /// is written without escapes; else the whole string.
    pub(super) fn sub_span(&self, raw: &Spanned<String>, within: Option<Span>) -> Span {
        let span = raw.span();
        let literal = self.text.get(span.clone()).unwrap_or("");
        let inner = literal.get(1..literal.len().saturating_sub(1));
        match (within, inner) {
            (Some(w), Some(inner)) if inner == raw.get_ref() => {
                span.start + 1 + w.start..span.start + 1 + w.end
            }
            _ => span,
        }
    }

    /// Absolute tolerances must suit the metrics that use them: money needs a currency,
    /// everything else must not have one.
    pub(super) fn tolerance_fit(
        &mut self,
        rules: &Rules,
        global: &HashMap<&'static str, Span>,
        metric_tols: &[OwnTolerance],
        relation_tols: &[OwnTolerance],
    ) {
        for own in metric_tols.iter().chain(relation_tols) {
            let Some(kind) = own.kind else { continue };
            if let Some((msg, hint)) = misfit(&own.tolerance, kind) {
                let who = own.owner.as_deref().unwrap_or("?");
                self.error(
                    "bad-tolerance",
                    Some(own.span.clone()),
                    format!(
                        "tolerance `{}` {msg}, but `{who}` is a {} metric",
                        own.tolerance,
                        kind.as_str()
                    ),
                )
                .hint = Some(hint);
            }
        }
        // The global tolerances apply to every metric without its own (`default`) or to
        // every metric (`hedged`); one diagnostic per key and kind.
        for (key, tol, users) in [
            ("default", &rules.tolerance.default, metrics_without_own(rules)),
            ("hedged", &rules.tolerance.hedged, rules.metrics.iter().collect()),
        ] {
            let Some(span) = global.get(key) else { continue };
            let mut by_kind: BTreeMap<&str, (Kind, Vec<String>)> = BTreeMap::new();
            for m in users {
                if misfit(tol, m.kind).is_some() {
                    by_kind
                        .entry(m.kind.as_str())
                        .or_insert((m.kind, Vec::new()))
                        .1
                        .push(format!("`{}`", m.id));
                }
            }
            for (kind_name, (kind, ids)) in by_kind {
                let (msg, hint) = misfit(tol, kind).expect("filtered above");
                self.error(
                    "bad-tolerance",
                    Some(span.clone()),
                    format!(
                        "`{key}` tolerance `{tol}` {msg}, but {kind_name} metrics use it: {}",
                        ids.join(", ")
                    ),
                )
                .hint = Some(format!("{hint}; or give those metrics their own `tolerance`"));
            }
        }
    }
}

pub(super) struct GlobalTolerance {
    pub(super) rules: ToleranceRules,
    pub(super) spans: HashMap<&'static str, Span>,
}

/// A `tolerance` written on a metric or rule, kept for the fit check once kinds are known.
pub(super) struct OwnTolerance {
    pub(super) tolerance: Tolerance,
    pub(super) span: Span,
    pub(super) owner: Option<String>,
    pub(super) kind: Option<Kind>,
}

pub(super) fn metrics_without_own(rules: &Rules) -> Vec<&Metric> {
    let mut out: Vec<&Metric> = rules.metrics.iter().filter(|m| m.tolerance.is_none()).collect();
    // A rule without its own tolerance compares its metrics with `default` too.
    for r in rules.relations.iter().filter(|r| r.tolerance.is_none()) {
        for id in r.kind.metrics() {
            if let Some(m) = rules.metric(id) {
                if !out.iter().any(|o| o.id == m.id) {
                    out.push(m);
                }
            }
        }
    }
    out
}

/// Why `t` does not suit a metric of `kind`, and what to write instead.
pub(super) fn misfit(t: &Tolerance, kind: Kind) -> Option<(String, String)> {
    match (t, kind) {
        (Tolerance::Absolute { amount, currency: None }, Kind::Money) => Some((
            "has no currency".into(),
            format!("did you mean \"{}%\"? An absolute tolerance on money needs a currency, e.g. \"2bn USD\"", amount.normalize()),
        )),
        (Tolerance::Absolute { amount, currency: Some(_) }, k) if k != Kind::Money => Some((
            "is an amount of money".into(),
            format!("write \"{}\" without a currency, or a percentage such as \"5%\"", amount.normalize()),
        )),
        _ => None,
    }
}

pub(super) const MAGNITUDES: &[(&str, i64)] = &[
    ("k", 1_000),
    ("thousand", 1_000),
    ("m", 1_000_000),
    ("mn", 1_000_000),
    ("million", 1_000_000),
    ("b", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("billion", 1_000_000_000),
    ("tn", 1_000_000_000_000),
    ("trn", 1_000_000_000_000),
    ("trillion", 1_000_000_000_000),
];

pub(super) fn magnitude(word: &str) -> Option<Decimal> {
    let w = word.to_ascii_lowercase();
    MAGNITUDES.iter().find(|(m, _)| *m == w).map(|(_, v)| Decimal::from(*v))
}
