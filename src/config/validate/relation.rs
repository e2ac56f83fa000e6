//! `[[rule]]`: the relation kinds (`agree`, `at-most`, `sum`) and the metrics they name.

#[allow(unused_imports)]
use super::*;

impl Ctx<'_> {
    pub(super) fn relation(
        &mut self,
        e: Elem<RawRule>,
        metrics: &[Metric],
        declared: &[String],
        seen: &mut HashMap<String, Option<Span>>,
        tols: &mut Vec<OwnTolerance>,
    ) -> Option<Relation> {
        let place = "[[rule]]";
        let raw = &e.raw;
        if let Some(id) = &raw.id {
            self.id(id, "rule", seen);
        } else if !e.dropped("id") {
            self.missing(
                &e.span,
                place,
                "id",
                "add a kebab-case id, e.g. id = \"military-within-total\"",
            );
        }
        let severity = self.severity(&raw.severity);
        let kind_word = self.kind_word(raw.kind.as_ref(), &e, place, &["at-most", "agree", "sum"]);
        // Check references whatever the kind, so a typo is reported even if `kind` is wrong.
        let mut refs: Vec<&Spanned<String>> = Vec::new();
        refs.extend(raw.left.iter().chain(raw.right.iter()));
        refs.extend(raw.parts.iter().flat_map(|p| p.get_ref().iter()));
        refs.extend(raw.total.iter());
        for r in &refs {
            if !declared.iter().any(|d| d == r.get_ref()) {
                let hint =
                    match diag::did_you_mean(r.get_ref(), declared.iter().map(String::as_str)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None if declared.is_empty() => "no `[[metric]]` is defined yet".to_owned(),
                        None => format!(
                            "defined metrics: {}",
                            backticked(&declared.iter().map(String::as_str).collect::<Vec<_>>())
                        ),
                    };
                self.error(
                    "unknown-metric",
                    Some(r.span()),
                    format!("unknown metric `{}`", r.get_ref()),
                )
                .hint = Some(hint);
            }
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| self.tolerance(t, "tolerance"));

        let kind_word = kind_word?;
        let pair_keys = [("left", &raw.left), ("right", &raw.right)];
        let sum_keys = [
            ("parts", raw.parts.as_ref().map(Spanned::span)),
            ("total", raw.total.as_ref().map(Spanned::span)),
        ];
        let kind = if kind_word == "sum" {
            for (key, v) in pair_keys {
                if let Some(v) = v {
                    self.error(
                        "key-not-allowed",
                        Some(v.span()),
                        format!("`{key}` on a `sum` rule"),
                    )
                    .hint = Some("a sum rule takes `parts` and `total`".into());
                }
            }
            if raw.parts.is_none() && !e.dropped("parts") {
                self.missing(
                    &e.span,
                    place,
                    "parts",
                    "list the metrics that add up, e.g. parts = [\"a\", \"b\"]",
                );
            }
            if raw.total.is_none() && !e.dropped("total") {
                self.missing(
                    &e.span,
                    place,
                    "total",
                    "name the metric they add up to, e.g. total = \"c\"",
                );
            }
            let parts = raw.parts.as_ref()?;
            let total = raw.total.as_ref()?;
            match parts.get_ref().len() {
                0 => {
                    self.error("empty-matcher", Some(parts.span()), "`parts` is empty".into())
                        .hint = Some("list at least two metrics".into());
                }
                1 => {
                    self.warning(
                        "suspicious-value",
                        Some(parts.span()),
                        "a sum of one part".into(),
                    )
                    .hint = Some(
                        "to say two metrics are the same quantity, use kind = \"agree\"".into(),
                    );
                }
                _ => {}
            }
            let mut names: Vec<&str> = Vec::new();
            for p in parts.get_ref() {
                if p.get_ref() == total.get_ref() {
                    self.error(
                        "self-relation",
                        Some(p.span()),
                        format!("`{}` is both a part and the total", p.get_ref()),
                    )
                    .hint = Some("remove it from `parts`".into());
                } else if names.contains(&p.get_ref().as_str()) {
                    self.warning(
                        "redundant",
                        Some(p.span()),
                        format!("`{}` is listed twice in `parts`", p.get_ref()),
                    )
                    .hint = Some("each part is added once per listing; remove the second".into());
                }
                names.push(p.get_ref());
            }
            RelationKind::Sum {
                parts: parts.get_ref().iter().map(|p| p.get_ref().clone()).collect(),
                total: total.get_ref().clone(),
            }
        } else {
            for (key, span) in sum_keys {
                if let Some(span) = span {
                    self.error("key-not-allowed", Some(span), format!("`{key}` on an `{kind_word}` rule"))
                        .hint = Some("`parts` and `total` belong to kind = \"sum\"; this kind takes `left` and `right`".into());
                }
            }
            for (key, v) in pair_keys {
                if v.is_none() && !e.dropped(key) {
                    self.missing(
                        &e.span,
                        place,
                        key,
                        &format!("add the metric id, e.g. {key} = \"us-aid-total\""),
                    );
                }
            }
            let (left, right) = (raw.left.as_ref()?, raw.right.as_ref()?);
            if left.get_ref() == right.get_ref() {
                self.error(
                    "self-relation",
                    Some(right.span()),
                    format!("`{}` is related to itself", left.get_ref()),
                )
                .hint = Some("`left` and `right` must name different metrics".into());
            }
            let (left, right) = (left.get_ref().clone(), right.get_ref().clone());
            if kind_word == "at-most" {
                RelationKind::AtMost { left, right }
            } else {
                RelationKind::Agree { left, right }
            }
        };

        // All related metrics must measure the same kind of thing.
        let mut first: Option<&Metric> = None;
        for r in &refs {
            let Some(m) = metrics.iter().find(|m| &m.id == r.get_ref()) else { continue };
            match first {
                None => first = Some(m),
                Some(f) if f.kind != m.kind => {
                    self.error(
                        "kind-mismatch",
                        Some(r.span()),
                        format!(
                            "`{kind_word}` relates `{}` ({}) to `{}` ({})",
                            f.id,
                            f.kind.as_str(),
                            m.id,
                            m.kind.as_str()
                        ),
                    )
                    .hint = Some("a rule can only relate metrics of the same kind".into());
                }
                Some(f) if f.unit != m.unit => {
                    self.warning("suspicious-value", Some(r.span()), format!(
                        "`{kind_word}` relates counts of different units: `{}` ({}) and `{}` ({})",
                        f.id, f.unit.as_deref().unwrap_or("no unit"), m.id, m.unit.as_deref().unwrap_or("no unit")
                    )).hint = Some("check that the two metrics count the same thing".into());
                }
                Some(_) => {}
            }
        }
        if let (Some(t), Some(span)) = (&tolerance, raw.tolerance.as_ref().map(Spanned::span)) {
            tols.push(OwnTolerance {
                tolerance: t.clone(),
                span,
                owner: raw.id.as_ref().map(|i| i.get_ref().clone()),
                kind: first.map(|m| m.kind),
            });
        }
        Some(Relation {
            id: raw.id.as_ref()?.get_ref().clone(),
            kind,
            tolerance,
            severity,
            location: self.location(&e.span),
        })
    }
}
