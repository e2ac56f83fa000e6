//! `at-most-violated`: a part exceeds its whole.

use super::{apart, pairwise_violations, within, Code, Ctx, RawFinding};
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
    pairwise_violations(ctx, r, (left, right), Code::AtMostViolated, |a, b, tol| {
        // The least `left` can be against the most `right` can be.
        let (x, y) = (a.interval.low?, b.interval.high?);
        (x > y && !within(x, y, tol, ctx.abs)).then(|| (">", apart(x, y), tol.to_string()))
    })
}
