//! `sum-mismatch`: parts that do not add up to their total.

use rust_decimal::Decimal;

use super::{compare, show, Code, Ctx, Group, RawFinding};
use crate::config::Relation;
use crate::normalize::Interval;

pub(crate) const DOC: &str = "\
## What it checks
`[[rule]] kind = \"sum\"`: for each source that states the `total`, the `parts` must add up to
it within the tolerance. A part the source does not state is taken from the other sources
when they all agree on one figure; otherwise that source is not checked.

## Why
Budgets, aid packages and casualty tallies are reported as totals and breakdowns; a breakdown
that does not add up means one of the figures is wrong or something is missing.

## Example
`parts = [\"aid-military\", \"aid-financial\", \"aid-humanitarian\"]`, `total = \"aid-total\"`:
$64bn + $50bn + $2bn = $116bn vs $130bn — 10.8% apart, tolerance 5%.";

pub fn sum_mismatches(
    ctx: &Ctx<'_>,
    r: &Relation,
    parts: &[String],
    total: &str,
) -> Vec<RawFinding> {
    let Some(t) = ctx.metric_index(total) else { return Vec::new() };
    let Some(part_idx) = parts.iter().map(|p| ctx.metric_index(p)).collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    let tol = r.tolerance.as_ref().unwrap_or(&ctx.rules.tolerance.default);
    let mut out = Vec::new();
    for tg in &ctx.groups[t] {
        // One figure per part: this source's, else the single figure all others agree on.
        let mut chosen: Vec<&Group> = Vec::new();
        for &p in &part_idx {
            let own: Vec<&Group> = ctx.groups[p].iter().filter(|g| g.source == tg.source).collect();
            let pick = match own.as_slice() {
                [one] => Some(*one),
                [] => {
                    let all = &ctx.groups[p];
                    (!all.is_empty() && all.iter().all(|g| g.interval == all[0].interval))
                        .then(|| &all[0])
                }
                _ => None,
            };
            match pick {
                Some(g) => chosen.push(g),
                None => break,
            }
        }
        if chosen.len() != part_idx.len() {
            continue;
        }
        let add = |f: fn(&Interval) -> Option<Decimal>| -> Option<Decimal> {
            chosen
                .iter()
                .try_fold(Decimal::ZERO, |acc, g| f(&g.interval).and_then(|v| acc.checked_add(v)))
        };
        let sum = Interval::new(add(|i| i.low), add(|i| i.high));
        let hedged = (tg.hedged || chosen.iter().any(|g| g.hedged)).then(|| ctx.hedged());
        let c = compare(&sum, &tg.interval, tol, hedged, ctx.abs);
        if c.agree {
            continue;
        }
        let terms: Vec<String> = chosen.iter().map(|g| g.show()).collect();
        out.push(RawFinding {
            code: Code::SumMismatch,
            severity: r.severity,
            message: format!(
                "{}: {} = {} vs {total} {}: {}, tolerance {}",
                r.id,
                terms.join(" + "),
                show(&sum, tg.kind, tg.currency.as_deref()),
                ctx.labelled(tg),
                c.apart,
                c.tolerance
            ),
            rule: r.id.clone(),
            rule_location: Some(r.location.to_string()),
            metrics: parts.iter().cloned().chain([total.to_string()]).collect(),
            claims: chosen
                .iter()
                .flat_map(|g| g.members.iter().copied())
                .chain(tg.members.iter().copied())
                .collect(),
            sides: Vec::new(),
        });
    }
    out
}
