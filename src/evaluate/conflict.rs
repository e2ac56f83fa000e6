//! `cross-source-conflict` and `within-source-conflict`: figures on one metric that disagree.

use std::collections::BTreeMap;

use super::{by_value, compare, Code, Ctx, Group, RawFinding};

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

/// Every pair of figures on a metric that disagree. Across sources, figures are compared by
/// value, each with every source that states it (`$500bn (AFP; FT) vs $45bn (Reuters)`), so
/// a figure repeated by a thousand outlets is one comparison and one finding, not a thousand.
/// Inside a source, each pair of its own differing figures.
pub fn conflicts(ctx: &Ctx<'_>) -> Vec<RawFinding> {
    let mut out = Vec::new();
    for (m, metric) in ctx.rules.metrics.iter().enumerate() {
        let groups = &ctx.groups[m];
        let tol = ctx.rules.tolerance_for(metric);
        let finding = |code, message, a: &Group, b: &Group| RawFinding {
            code,
            severity: metric.severity,
            message,
            rule: metric.id.clone(),
            rule_location: Some(metric.location.to_string()),
            metrics: vec![metric.id.clone()],
            claims: a.members.iter().chain(&b.members).copied().collect(),
        };
        if metric.within_source {
            let mut by_source: BTreeMap<usize, Vec<&Group>> = BTreeMap::new();
            for g in groups {
                by_source.entry(g.source).or_default().push(g);
            }
            for own in by_source.values() {
                for (i, a) in own.iter().enumerate() {
                    for b in &own[i + 1..] {
                        let hedged = (a.hedged || b.hedged).then(|| ctx.hedged());
                        let c = compare(&a.interval, &b.interval, tol, hedged, ctx.abs);
                        if c.agree {
                            continue;
                        }
                        let message = format!(
                            "{}: {} vs {} in {}: {}, tolerance {}",
                            metric.id,
                            a.show(),
                            b.show(),
                            ctx.source_names[a.source],
                            c.apart,
                            c.tolerance
                        );
                        out.push(finding(Code::WithinSourceConflict, message, a, b));
                    }
                }
            }
        }
        let values = by_value(groups);
        for (i, (a, sa)) in values.iter().enumerate() {
            for (b, sb) in &values[i + 1..] {
                // Only a source against another: one source's own pair is the finding above.
                if !sa.iter().any(|x| sb.iter().any(|y| x != y)) {
                    continue;
                }
                let hedged = (a.hedged || b.hedged).then(|| ctx.hedged());
                let c = compare(&a.interval, &b.interval, tol, hedged, ctx.abs);
                if c.agree {
                    continue;
                }
                let message = format!(
                    "{}: {} vs {}: {}, tolerance {}",
                    metric.id,
                    ctx.labelled_in(a, sa),
                    ctx.labelled_in(b, sb),
                    c.apart,
                    c.tolerance
                );
                out.push(finding(Code::CrossSourceConflict, message, a, b));
            }
        }
    }
    out
}
