//! `[[claim]]`: a claim linked to a metric, or ignored, by hand.

#[allow(unused_imports)]
use super::*;

impl Ctx<'_> {
    pub(super) fn claim(&mut self, e: Elem<RawClaim>, metrics: &[Metric]) -> Option<ClaimOverride> {
        let location = self.location(&e.span);
        let raw = e.raw;
        let at = match &raw.at {
            Some(at) => {
                let parsed = parse_at(at.get_ref());
                if parsed.is_none() {
                    self.error(
                        "bad-claim",
                        Some(at.span()),
                        format!("`at = \"{}\"` is not PATH:LINE:COL", at.get_ref()),
                    )
                    .hint = Some("e.g. at = \"articles/07.txt:17:225\"".into());
                }
                parsed
            }
            None => None,
        };
        let source = match (&raw.source, &at) {
            (Some(s), _) => s.get_ref().clone(),
            (None, Some((path, _, _))) => path.clone(),
            (None, None) => {
                if raw.at.is_none() {
                    self.error("missing-key", e.span.clone(), "`[[claim]]` without `source` or `at`".into())
                        .hint = Some(
                        "name the claim: source = \"articles/07.txt\", text = \"$500bn\" (or at = \"articles/07.txt:17:225\")"
                            .into(),
                    );
                }
                return None;
            }
        };
        if raw.text.is_none() && at.is_none() {
            self.error(
                "missing-key",
                e.span.clone(),
                "`[[claim]]` without `text` or `at`".into(),
            )
            .hint = Some("add the claim as written: text = \"$500 billion\"".into());
            return None;
        }
        let occurrence = match &raw.occurrence {
            Some(o) if *o.get_ref() < 1 => {
                self.error("bad-claim", Some(o.span()), "`occurrence` counts from 1".into());
                return None;
            }
            Some(o) => usize::try_from(*o.get_ref()).unwrap_or(1),
            None => 1,
        };
        let ignore = raw.ignore.as_ref().is_some_and(|i| *i.get_ref());
        let metric = match (&raw.metric, ignore) {
            (Some(m), false) => {
                let id = m.get_ref();
                match metrics.iter().position(|x| &x.id == id) {
                    Some(i) => Some(i),
                    None => {
                        let hint = diag::did_you_mean(id, metrics.iter().map(|x| x.id.as_str()))
                            .map(|s| format!("did you mean `{s}`?"));
                        self.error("unknown-metric", Some(m.span()), format!("no metric `{id}`"))
                            .hint = hint;
                        return None;
                    }
                }
            }
            (None, true) => None,
            (Some(m), true) => {
                self.error(
                    "bad-claim",
                    Some(m.span()),
                    "`[[claim]]` with both `metric` and `ignore = true`".into(),
                )
                .hint = Some("keep one: the metric it belongs to, or ignore it".into());
                return None;
            }
            (None, false) => {
                self.error(
                    "missing-key",
                    e.span.clone(),
                    "`[[claim]]` says neither `metric` nor `ignore = true`".into(),
                )
                .hint =
                    Some("add metric = \"…\" to link it, or ignore = true to leave it out".into());
                return None;
            }
        };
        Some(ClaimOverride {
            source,
            text: raw.text.map(|t| crate::text::collapse_whitespace(t.get_ref())),
            occurrence,
            at: at.map(|(_, l, c)| (l, c)),
            metric,
            reason: raw.reason.map(|r| r.get_ref().clone()),
            location,
        })
    }
}

/// `articles/07.txt:17:225` → path, line, column.
fn parse_at(s: &str) -> Option<(String, usize, usize)> {
    let (rest, col) = s.rsplit_once(':')?;
    let (path, line) = rest.rsplit_once(':')?;
    let (line, col) = (line.parse().ok()?, col.parse().ok()?);
    (!path.is_empty() && line > 0 && col > 0).then(|| (path.to_string(), line, col))
}
