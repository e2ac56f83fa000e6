//! `cross-source-conflict` and `within-source-conflict`: figures on one metric that disagree.

use super::{compare, Code, Ctx, RawFinding};

pub(crate) const CROSS_DOC: &str = "\
## What it checks
Claims about one metric from different sources: their normalized figures must agree within
the metric's tolerance (or `[tolerance] hedged` when either is hedged).

## Why
Two outlets reporting the same quantity with different figures is the discrepancy a
fact-checker is looking for.

## Example
AFP: \"$65.9 billion in military aid\"; another outlet: \"$45 billion in military aid\" —
$65.9bn vs $45bn: 46.4% apart, tolerance 5%.";

pub(crate) const WITHIN_DOC: &str = "\
## What it checks
Claims about one metric inside a single source: they must agree with each other, like claims
across sources (turn off per metric with `within-source = false`).

## Why
A source that gives two different figures for the same quantity contradicts itself; one of
them is probably a typo or a different quantity the rules lump together.

## Example
One article says \"tens of billions of dollars of aid\" and later \"$119.8 billion in aid\" —
$20bn–$100bn vs $119.8bn: 19.8% apart, tolerance 5%.";

/// Every pair of groups on a metric that disagree.
pub fn conflicts(ctx: &Ctx<'_>) -> Vec<RawFinding> {
    let mut out = Vec::new();
    for (m, metric) in ctx.rules.metrics.iter().enumerate() {
        let groups = &ctx.groups[m];
        let tol = ctx.rules.tolerance_for(metric);
        for (i, a) in groups.iter().enumerate() {
            for b in &groups[i + 1..] {
                let same = a.source == b.source;
                if same && !metric.within_source {
                    continue;
                }
                let hedged = (a.hedged || b.hedged).then(|| ctx.hedged());
                let c = compare(&a.interval, &b.interval, tol, hedged, ctx.abs);
                if c.agree {
                    continue;
                }
                let code =
                    if same { Code::WithinSourceConflict } else { Code::CrossSourceConflict };
                let message = if same {
                    format!(
                        "{}: {} vs {} in {}: {}, tolerance {}",
                        metric.id,
                        a.show(),
                        b.show(),
                        ctx.source_names[a.source],
                        c.apart,
                        c.tolerance
                    )
                } else {
                    format!(
                        "{}: {} vs {}: {}, tolerance {}",
                        metric.id,
                        ctx.labelled(a),
                        ctx.labelled(b),
                        c.apart,
                        c.tolerance
                    )
                };
                out.push(RawFinding {
                    code,
                    severity: metric.severity,
                    message,
                    rule: metric.id.clone(),
                    rule_location: Some(metric.location.to_string()),
                    metrics: vec![metric.id.clone()],
                    claims: a.members.iter().chain(&b.members).copied().collect(),
                });
            }
        }
    }
    out
}
