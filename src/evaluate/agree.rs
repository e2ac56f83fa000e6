//! `agree-violated`: two metrics that should measure the same thing do not.

use super::{compare, pairwise_violations, Code, Ctx, RawFinding};
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
    pairwise_violations(ctx, r, (left, right), Code::AgreeViolated, |a, b, tol| {
        let hedged = (a.hedged || b.hedged).then(|| ctx.hedged());
        let c = compare(&a.interval, &b.interval, tol, hedged, ctx.abs);
        (!c.agree).then_some(("vs", c.apart, c.tolerance))
    })
}
