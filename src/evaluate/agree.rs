//! `agree-violated`: two metrics that should measure the same thing do not.

use super::{by_value, compare, Code, Ctx, RawFinding};
use crate::config::Relation;

pub(crate) const DOC: &str = "\
## What it checks
`[[rule]] kind = \"agree\"`: every figure of `left` must agree with every figure of `right`
within the rule's tolerance (the default tolerance when it sets none).

## Why
Stories often restate one quantity in other words: a demand said to equal the aid given, a
price said to repay a debt. When the two do not match, the claim of equivalence is false.

## Example
`left = \"us-demand\"`, `right = \"us-aid-total\"`: \"$500 billion worth of rare earth\" vs
\"$119.8 billion in aid\" — $500bn vs $119.8bn: 4.2× apart, tolerance 5%.";

pub fn agree_violations(ctx: &Ctx<'_>, r: &Relation, left: &str, right: &str) -> Vec<RawFinding> {
    let (Some(l), Some(rt)) = (ctx.metric_index(left), ctx.metric_index(right)) else {
        return Vec::new();
    };
    let tol = r.tolerance.as_ref().unwrap_or(&ctx.rules.tolerance.default);
    let mut out = Vec::new();
    let (lefts, rights) = (by_value(&ctx.groups[l]), by_value(&ctx.groups[rt]));
    for (a, sa) in &lefts {
        for (b, sb) in &rights {
            let hedged = (a.hedged || b.hedged).then(|| ctx.hedged());
            let c = compare(&a.interval, &b.interval, tol, hedged, ctx.abs);
            if c.agree {
                continue;
            }
            out.push(RawFinding {
                code: Code::AgreeViolated,
                severity: r.severity,
                message: format!(
                    "{}: {left} {} vs {right} {}: {}, tolerance {}",
                    r.id,
                    ctx.labelled_in(a, sa),
                    ctx.labelled_in(b, sb),
                    c.apart,
                    c.tolerance
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
