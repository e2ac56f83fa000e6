//! `sum-mismatch`: parts that do not add up to their total.

use rust_decimal::Decimal;

use super::{compare, show, Code, Ctx, Group, RawFinding};
use crate::config::{Relation, Tolerance};
use crate::normalize::Interval;

pub(crate) const DOC: &str = "\
## What it checks
`[[rule]] kind = \"sum\"`: for each source that states the `total`, the `parts` must add up to
it within the tolerance. A part the source does not state is taken from the other sources
when their figures all agree within the tolerance (the figure most of them state); otherwise
that source is not checked.

## Why
Budgets, aid packages and casualty tallies are reported as totals and breakdowns; a breakdown
that does not add up means one of the figures is wrong or something is missing.

## Example
`parts = [\"aid-military\", \"aid-financial\", \"aid-humanitarian\"]`, `total = \"aid-total\"`:
$64bn + $50bn + $2bn = $116bn vs $130bn — 10.8% apart, tolerance 5%.";

/// The figure every source agrees on, within `tol`, for a part a source does not state: the
/// one stated by the most sources (the first of them on a tie); `None` when two sources'
/// figures disagree or nobody states the part.
fn agreed<'g>(ctx: &Ctx<'_>, all: &'g [Group], tol: &Tolerance) -> Option<&'g Group> {
    let hedged = ctx.hedged();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            if !super::compare_vals(a.val(), b.val(), tol, hedged, None, ctx.abs).agree {
                return None;
            }
        }
    }
    let count = |g: &Group| all.iter().filter(|o| o.interval == g.interval).count();
    all.iter().rev().max_by_key(|g| count(g))
}

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
                [] => agreed(ctx, &ctx.groups[p], tol),
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

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::evaluate::{group, Fig};
    use crate::extract::Kind;

    fn fig(metric_claim: usize, source: usize, value: i64) -> Fig {
        Fig {
            source,
            claim: metric_claim,
            interval: Interval::point(Decimal::from(value)),
            hedge: None,
            kind: Kind::Count,
            currency: None,
            originator: None,
            own: None,
        }
    }

    #[test]
    fn a_part_that_other_sources_state_alike_is_taken_for_a_source_that_omits_it() {
        let rules = crate::config::Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"a\"\nkind = \"count\"\nnear = [\"a\"]\n\
             [[metric]]\nid = \"b\"\nkind = \"count\"\nnear = [\"b\"]\n\
             [[metric]]\nid = \"total\"\nkind = \"count\"\nnear = [\"total\"]\n\
             [[rule]]\nid = \"parts\"\nkind = \"sum\"\nparts = [\"a\", \"b\"]\ntotal = \"total\"\n",
        )
        .unwrap();
        let names: Vec<String> = vec!["s0".into(), "s1".into(), "s2".into()];
        let abs = |_: &Tolerance| None;
        // Source 0 states a = 500 and the total 1000, not b; sources 1 and 2 state b as 1000
        // and 1002 (0.2% apart): b is taken as 1000, and 500 + 1000 is not 1000.
        let groups = vec![
            group(&[fig(0, 0, 500)]),
            group(&[fig(1, 1, 1000), fig(2, 2, 1002)]),
            group(&[fig(3, 0, 1000)]),
        ];
        let ctx = Ctx { rules: &rules, groups, source_names: &names, abs: &abs };
        let r = &rules.relations[0];
        let found = sum_mismatches(&ctx, r, &["a".into(), "b".into()], "total");
        assert_eq!(found.len(), 1, "the sum rule ran");
        assert!(found[0].message.contains("500 + 1,000"), "{}", found[0].message);
        // Parts the other sources disagree on: no figure to take, nothing checked.
        let groups = vec![
            group(&[fig(0, 0, 500)]),
            group(&[fig(1, 1, 1000), fig(2, 2, 1500)]),
            group(&[fig(3, 0, 1000)]),
        ];
        let ctx = Ctx { rules: &rules, groups, source_names: &names, abs: &abs };
        assert!(sum_mismatches(&ctx, r, &["a".into(), "b".into()], "total").is_empty());
    }
}
