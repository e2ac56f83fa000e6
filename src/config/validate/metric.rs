//! `[[metric]]`: id, kind, unit, the word lists, tolerances and time keys.

#[allow(unused_imports)]
use super::*;

impl Ctx<'_> {
    pub(super) fn metric(
        &mut self,
        e: Elem<RawMetric>,
        seen: &mut HashMap<String, Option<Span>>,
        tols: &mut Vec<OwnTolerance>,
    ) -> Option<Metric> {
        let place = "[[metric]]";
        let raw = &e.raw;
        if let Some(id) = &raw.id {
            self.id(id, "metric", seen);
        } else if !e.dropped("id") {
            self.missing(&e.span, place, "id", "add a kebab-case id, e.g. id = \"us-aid-total\"");
        }
        let kinds = ["money", "percent", "number", "count"];
        let kind = self.kind_word(raw.kind.as_ref(), &e, place, &kinds).map(|w| match w {
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "number" => Kind::Number,
            _ => Kind::Count,
        });
        if let (Some(unit), Some(k)) = (&raw.unit, kind) {
            if k != Kind::Count {
                self.error(
                    "key-not-allowed",
                    Some(unit.span()),
                    format!("`unit` on a {} metric", k.as_str()),
                )
                .hint = Some(
                    "`unit` names what a count metric counts; remove it, or set kind = \"count\""
                        .into(),
                );
            } else if unit.get_ref().trim().is_empty() {
                self.error("invalid-value", Some(unit.span()), "`unit` is empty".into()).hint =
                    Some("name what is counted, e.g. unit = \"people\", or remove it".into());
            }
        }
        let near = match &raw.near {
            Some(n) => self.words(n, "near", Required::NonEmpty),
            None => {
                if !e.dropped("near") {
                    self.missing(
                        &e.span,
                        place,
                        "near",
                        "add the words a claim's clause must mention, e.g. near = [\"aid\"]",
                    );
                }
                Vec::new()
            }
        };
        let also =
            raw.also.as_ref().map_or_else(Vec::new, |a| self.words(a, "also", Required::NonEmpty));
        let not =
            raw.not.as_ref().map_or_else(Vec::new, |n| self.words(n, "not", Required::MayBeEmpty));
        if let (Some(near_raw), Some(not_raw)) = (&raw.near, &raw.not) {
            for word in not_raw.get_ref() {
                let w = word.get_ref().trim().to_lowercase();
                if !w.is_empty()
                    && near_raw.get_ref().iter().any(|n| n.get_ref().trim().to_lowercase() == w)
                {
                    self.error(
                        "contradictory-matcher",
                        Some(word.span()),
                        format!("`{}` is in both `near` and `not`", word.get_ref()),
                    )
                    .hint = Some(
                        "a clause cannot both mention and not mention it; remove it from one list"
                            .into(),
                    );
                }
            }
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| self.tolerance(t, "tolerance"));
        if let (Some(t), Some(span)) = (&tolerance, raw.tolerance.as_ref().map(Spanned::span)) {
            tols.push(OwnTolerance {
                tolerance: t.clone(),
                span,
                owner: raw.id.as_ref().map(|i| i.get_ref().clone()),
                kind,
            });
        }
        let hedged = raw.hedged.as_ref().and_then(|t| self.tolerance(t, "hedged"));
        let severity = self.severity(&raw.severity);
        let within_source = raw.within_source.as_ref().is_none_or(|w| *w.get_ref());
        let units: Vec<String> = raw
            .units
            .as_ref()
            .map_or_else(Vec::new, |u| self.words(u, "units", Required::NonEmpty));
        if let (Some(u), Some(k)) = (&raw.units, kind) {
            if k != Kind::Count {
                self.error(
                    "invalid-value",
                    Some(u.span()),
                    format!("`units` on a {} metric", k.as_str()),
                )
                .hint = Some("`units` lists what a count metric counts; remove it".into());
            }
        }
        let min = raw.min.as_ref().and_then(|b| self.bound(b, "min"));
        let max = raw.max.as_ref().and_then(|b| self.bound(b, "max"));
        if let (Some(lo), Some(hi), Some(span)) = (min, max, raw.max.as_ref().map(Spanned::span)) {
            if lo > hi {
                self.error("invalid-value", Some(span), "`max` is below `min`".into());
            }
        }
        let exclude_hedges: Vec<String> = raw.exclude_hedges.as_ref().map_or_else(Vec::new, |h| {
            let words = self.words(h, "exclude-hedges", Required::MayBeEmpty);
            let allowed = ["approximate", "at-least", "at-most", "range", "vague"];
            for w in h.get_ref() {
                if !allowed.contains(&w.get_ref().as_str()) {
                    self.invalid_word(w.span(), "exclude-hedges", w.get_ref(), &allowed);
                }
            }
            words
        });
        let sources: Vec<String> = raw.sources.as_ref().map_or_else(Vec::new, |s| {
            self.sources(Some(s)).into_iter().map(|g| g.get_ref().clone()).collect()
        });
        let id = raw.id.as_ref()?.get_ref().clone();
        let not_sentence = raw
            .not_sentence
            .as_ref()
            .map_or_else(Vec::new, |n| self.words(n, "not-sentence", Required::MayBeEmpty));
        Some(Metric {
            not_sentence,
            units,
            min,
            max,
            exclude_hedges,
            sources,
            label: raw.label.as_ref().map_or_else(|| id.clone(), |l| l.get_ref().clone()),
            id,
            kind: kind?,
            unit: raw
                .unit
                .as_ref()
                .map(|u| u.get_ref().clone())
                .filter(|_| kind == Some(Kind::Count)),
            near,
            also,
            not,
            tolerance,
            hedged,
            severity,
            within_source,
            share: raw.share.as_ref().is_some_and(|s| *s.get_ref()),
            changes: raw.changes.as_ref().is_some_and(|s| *s.get_ref()),
            window: self.window(raw.window.as_ref()),
            location: self.location(&e.span),
        })
    }

    /// `min`/`max`: an amount in the base currency or unit, as tolerances write amounts
    /// (`"1bn"`, `"250m USD"`, `"5"`).
    pub(super) fn bound(&mut self, raw: &Spanned<String>, key: &str) -> Option<Decimal> {
        match parse_tolerance(raw.get_ref()) {
            Ok(Tolerance::Absolute { amount, .. }) => Some(amount),
            _ => {
                self.error(
                    "invalid-value",
                    Some(raw.span()),
                    format!("`{key} = \"{}\"` is not an amount", raw.get_ref()),
                )
                .hint =
                    Some(format!("write an amount in the base currency or unit: {key} = \"1bn\""));
                None
            }
        }
    }

    /// `window`: days, 0 to 3650 (default 7).
    pub(super) fn window(&mut self, raw: Option<&Spanned<i64>>) -> i64 {
        let Some(w) = raw else { return DEFAULT_WINDOW };
        let days = *w.get_ref();
        if !(0..=3650).contains(&days) {
            self.error(
                "bad-window",
                Some(w.span()),
                format!("`window = {days}` is not a number of days from 0 to 3650"),
            )
            .hint = Some("figures within this many days count as current at the same time".into());
            return DEFAULT_WINDOW;
        }
        days
    }

    pub(super) fn words(
        &mut self,
        raw: &Spanned<Vec<Spanned<String>>>,
        key: &str,
        req: Required,
    ) -> Vec<String> {
        let list = raw.get_ref();
        if list.is_empty() {
            match req {
                Required::NonEmpty => {
                    let hint = if key == "near" {
                        "list the words a claim's clause must mention, e.g. near = [\"aid\"]"
                            .to_owned()
                    } else {
                        format!("`{key} = []` can never be satisfied; remove `{key}` to drop the condition")
                    };
                    self.error("empty-matcher", Some(raw.span()), format!("`{key}` is empty"))
                        .hint = Some(hint);
                }
                Required::MayBeEmpty => {
                    self.warning(
                        "redundant",
                        Some(raw.span()),
                        format!("`{key} = []` has no effect"),
                    )
                    .hint = Some(format!("remove `{key}`"));
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        for word in list {
            let w = word.get_ref().trim();
            if w.is_empty() {
                self.error("empty-matcher", Some(word.span()), format!("empty word in `{key}`"))
                    .hint = Some("an empty word would match every claim; remove it".into());
            } else if out.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                self.warning(
                    "redundant",
                    Some(word.span()),
                    format!("`{w}` is listed twice in `{key}`"),
                )
                .hint = Some("remove the second one".into());
            } else {
                out.push(w.to_owned());
            }
        }
        out
    }
}

#[derive(Clone, Copy)]
pub(super) enum Required {
    NonEmpty,
    MayBeEmpty,
}

/// Days apart two figures of a `changes = true` metric may be and still be compared.
pub(super) const DEFAULT_WINDOW: i64 = 7;
