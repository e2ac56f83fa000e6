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

/// Why a part has no figure for the source of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// No source states the part.
    NoClaims,
    /// The source does not state it, and the others disagree on it.
    Missing,
    /// The source gives several figures for it.
    Several,
}

/// One figure per part for the source of total `tg`: its own, else the figure all other
/// sources agree on; `Err` names the part (index into `part_idx`) that has none, and why.
fn parts_for<'g>(
    ctx: &'g Ctx<'_>,
    part_idx: &[usize],
    tg: &Group,
    tol: &Tolerance,
) -> Result<Vec<&'g Group>, (usize, Gap)> {
    let mut chosen = Vec::new();
    for &p in part_idx {
        let own: Vec<&Group> = ctx.groups[p].iter().filter(|g| g.source == tg.source).collect();
        let pick = match own.as_slice() {
            [one] => Ok(*one),
            [] if ctx.groups[p].is_empty() => Err((p, Gap::NoClaims)),
            [] => agreed(ctx, &ctx.groups[p], tol).ok_or((p, Gap::Missing)),
            _ => Err((p, Gap::Several)),
        };
        chosen.push(pick?);
    }
    Ok(chosen)
}

/// Whether a sum rule could be checked, and for which sources it could not: `None` when it
/// was checked for every source that states the total; else whether it was checked for any
/// source at all, and the reasons (`part \`x\` missing in 3 sources (A; B; C), and the
/// others disagree on it`).
pub fn coverage(
    ctx: &Ctx<'_>,
    r: &Relation,
    parts: &[String],
    total: &str,
) -> Option<(bool, Vec<String>)> {
    let t = ctx.metric_index(total)?;
    let part_idx = parts.iter().map(|p| ctx.metric_index(p)).collect::<Option<Vec<_>>>()?;
    if ctx.groups[t].is_empty() {
        return Some((false, vec![format!("total `{total}` has no claims")]));
    }
    let tol = r.tolerance.as_ref().unwrap_or(&ctx.rules.tolerance.default);
    let mut gaps: std::collections::BTreeMap<(usize, Gap), Vec<usize>> = Default::default();
    let mut any = false;
    for tg in &ctx.groups[t] {
        match parts_for(ctx, &part_idx, tg, tol) {
            Ok(_) => any = true,
            Err(gap) => {
                let sources = gaps.entry(gap).or_default();
                if !sources.contains(&tg.source) {
                    sources.push(tg.source);
                }
            }
        }
    }
    let names = |sources: &[usize]| {
        let shown: Vec<&str> =
            sources.iter().take(3).map(|&s| ctx.source_names[s].as_str()).collect();
        let more = if sources.len() > 3 { "; …" } else { "" };
        let n = sources.len();
        let count = if n == 1 { "1 source".to_string() } else { format!("{n} sources") };
        format!("{count} ({}{more})", shown.join("; "))
    };
    let reasons: Vec<String> = gaps
        .iter()
        .map(|(&(p, gap), sources)| {
            let id = &ctx.rules.metrics[p].id;
            match gap {
                Gap::NoClaims => format!("part `{id}` has no claims"),
                Gap::Missing => format!(
                    "part `{id}` missing in {}, and the other sources disagree on it",
                    names(sources)
                ),
                Gap::Several => {
                    format!("several figures for part `{id}` in {}", names(sources))
                }
            }
        })
        .collect();
    (!reasons.is_empty()).then_some((any, reasons))
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
        let Ok(chosen) = parts_for(ctx, &part_idx, tg, tol) else { continue };
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
            as_of: None,
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
