//! `at-most-violated`: a part exceeds its whole.

use super::{apart, by_value, within, Code, Ctx, RawFinding};
use crate::config::Relation;

pub(crate) const DOC: &str = "\
## What it checks
`[[rule]] kind = \"at-most\"`: no figure of `left` may exceed a figure of `right` by more than
the tolerance (the smallest value `left` can have against the largest `right` can have).

## Why
A part cannot be larger than its whole: military aid cannot exceed total aid, one year's
spending cannot exceed the programme's total.

## Example
`left = \"us-aid-military\"`, `right = \"us-aid-total\"`: \"$130 billion in military aid\" vs
\"$119.8 billion in all aid\" — $130bn > $119.8bn: 8.5% apart, tolerance 5%.";

pub fn at_most_violations(ctx: &Ctx<'_>, r: &Relation, left: &str, right: &str) -> Vec<RawFinding> {
    let (Some(l), Some(rt)) = (ctx.metric_index(left), ctx.metric_index(right)) else {
        return Vec::new();
    };
    let tol = r.tolerance.as_ref().unwrap_or(&ctx.rules.tolerance.default);
    let mut out = Vec::new();
    let (lefts, rights) = (by_value(&ctx.groups[l]), by_value(&ctx.groups[rt]));
    for (a, sa) in &lefts {
        for (b, sb) in &rights {
            // The least `left` can be against the most `right` can be.
            let (Some(x), Some(y)) = (a.interval.low, b.interval.high) else { continue };
            if x <= y || within(x, y, tol, ctx.abs) {
                continue;
            }
            out.push(RawFinding {
                code: Code::AtMostViolated,
                severity: r.severity,
                message: format!(
                    "{}: {left} {} > {right} {}: {}, tolerance {}",
                    r.id,
                    ctx.labelled_in(a, sa),
                    ctx.labelled_in(b, sb),
                    apart(x, y),
                    tol
                ),
                rule: r.id.clone(),
                rule_location: Some(r.location.to_string()),
                metrics: vec![left.to_string(), right.to_string()],
                claims: a.members.iter().chain(&b.members).copied().collect(),
            });
        }
    }
    out
}
