//! `cross-source-conflict`, `misquote`, `originators-disagree` and `within-source-conflict`:
//! figures on one metric that disagree.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    by_value, compare_vals, originators, same_originator, Code, Comparison, Ctx, Group, RawFinding,
    Val,
};
use crate::normalize::Interval;

pub(crate) const CROSS_DOC: &str = "\
## What it checks
Claims about one metric from different sources: their normalized figures must agree within
the metric's tolerance (or `[tolerance] hedged` when either is hedged).

## Why
Two outlets reporting the same quantity with different figures is the discrepancy a
fact-checker is looking for.

Figures that agree with each other are one side of a finding, with every source that states
them: `€1.07bn–€1.072bn (press release; wire) vs €1.4bn (journal)`. Every figure on a side
agrees with every other figure on it. A bound (\"more than $300bn\") or a vague amount
(\"hundreds of billions\") never joins a side of precise figures, so it cannot bridge two
figures that disagree; it conflicts with a figure only when it excludes it.

When both sides name who gives the figure, the finding is a `misquote` (the same originator
quoted differently) or `originators-disagree` (different originators) instead.

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

pub(crate) const MISQUOTE_DOC: &str = "\
## What it checks
Claims about one metric that the sources attribute to the same originator (the same
estimator, official or institute): every outlet quoting that originator must give the same
figure, within the metric's tolerance.

## Why
Two outlets quoting one source differently means at least one misquotes it: the error a
fact-checker most wants to catch, and the one with a clear correction. The same numbers in
another currency are a misquote too, even when the conversion lands near the original
(\"€17bn–€25bn\" for AIR's \"$17bn–$25bn\").

## Example
AFP: \"the Kiel Institute counts $119.8 billion in aid\"; another outlet: \"$140 billion in aid,
according to the Kiel Institute\" — Kiel Institute quoted differently: $119.8bn (AFP) vs
$140bn (other outlet): 16.9% apart, tolerance 5%.";

pub(crate) const ORIGINATORS_DOC: &str = "\
## What it checks
Claims about one metric that the sources attribute to different originators (two estimators,
a politician and a research body) and that disagree beyond the metric's tolerance.

## Why
Estimates from different bodies often differ for good reasons (scope, method, date), so this
is a warning: the report shows who says what, so a reader sees the disagreement between the
originators rather than between the outlets that relay them.

## Example
\"Trump says $350 billion\" (AP) and \"the Kiel Institute counts $119.7 billion\" (News24) —
Trump: $350bn (AP) vs Kiel Institute: $119.7bn (News24): 2.9× apart, tolerance 5%.";

pub(crate) const REVISION_DOC: &str = "\
## What it checks
On a metric that changes over time (`changes = true`): a later figure from the same
originator than an earlier one that differs from it. Reported as information, with both
figures and their dates, so the report shows the estimate's timeline.

## Why
Loss estimates, death tolls and tariff rates are revised day by day. Without dates, an
estimator's own revision reads as a misquote and its early figure as a conflict with every
later report; with them, only figures current at the same time (within the metric's
`window` of days) are compared across outlets.

## Example
KCC on 30 August: \"insured losses of about $18 billion\"; KCC on 3 September: \"$25 billion\"
— KCC revised: $18bn (2021-08-30) → $25bn (2021-09-03).";

/// Figures on a metric that disagree.
///
/// Across sources, figures are compared by value, each with every source that states it.
/// Precise figures (points, ranges, hedged points) form clusters in which every figure agrees
/// with every other, and each pair of clusters that disagree is one finding (`$4bn–$4.2bn (A;
/// B; C) vs $8.4bn (D)`), so a figure repeated by a thousand outlets is one comparison, not a
/// thousand. Loose figures (bounds, vague amounts) join no cluster: each is compared with the
/// figures of every cluster and conflicts with those it excludes. Inside a source, each pair
/// of its own differing figures.
pub fn conflicts(ctx: &Ctx<'_>) -> Vec<RawFinding> {
    let mut out = Vec::new();
    for (m, metric) in ctx.rules.metrics.iter().enumerate() {
        let groups = &ctx.groups[m];
        let tol = ctx.rules.tolerance_for(metric);
        let hedged = ctx.rules.hedged_for(metric);
        let base = ctx.rules.currency.base.as_str();
        let agree = |a: Val<'_>, b: Val<'_>| {
            let c = compare_vals(a, b, tol, hedged, Some(base), ctx.abs);
            (!c.agree).then_some(c)
        };
        if metric.within_source {
            let mut by_source: BTreeMap<usize, Vec<&Group>> = BTreeMap::new();
            for g in groups {
                by_source.entry(g.source).or_default().push(g);
            }
            for own in by_source.values() {
                for (i, a) in own.iter().enumerate() {
                    for b in star_or_all(own, i, |g| g.members.len()) {
                        let Some(c) = agree(a.val(), b.val()) else {
                            continue;
                        };
                        let message = format!(
                            "{}: {} vs {} in {}: {}, tolerance {}",
                            metric.id,
                            a.show(),
                            b.show(),
                            ctx.source_names[a.source],
                            c.apart,
                            c.tolerance
                        );
                        let sides = vec![ctx.side(a, &[a.source]), ctx.side(b, &[b.source])];
                        out.push(RawFinding {
                            code: Code::WithinSourceConflict,
                            severity: metric.severity,
                            message,
                            rule: metric.id.clone(),
                            rule_location: Some(metric.location.to_string()),
                            metrics: vec![metric.id.clone()],
                            claims: a.members.iter().chain(&b.members).copied().collect(),
                            sides,
                        });
                    }
                }
            }
        }
        out.extend(currency_slips(ctx, metric, groups));
        let (loose, precise): (Vec<_>, Vec<_>) =
            by_value(groups).into_iter().partition(|(g, _)| g.loose);
        let clusters = clusters(&agree, precise);
        let mut pairs: Vec<(Cluster, Cluster, Comparison)> = Vec::new();
        for (i, a) in clusters.iter().enumerate() {
            for b in star_or_all(&clusters, i, |c| c.sources.len()) {
                // The figures of `a` that disagree with every figure of `b`, against the
                // figures of `b` that disagree with all of those: no two figures that agree
                // end up on opposite sides, even when the clusters touch.
                let differs = |x: &Group, ys: &[(Group, Vec<usize>)]| {
                    ys.iter().all(|(y, _)| agree(x.val(), y.val()).is_some())
                };
                let a_part: Vec<_> =
                    a.values.iter().filter(|(x, _)| differs(x, &b.values)).cloned().collect();
                let b_part: Vec<_> =
                    b.values.iter().filter(|(y, _)| differs(y, &a_part)).cloned().collect();
                let (Some(a), Some(b)) =
                    (Cluster::from_values(a_part), Cluster::from_values(b_part))
                else {
                    continue;
                };
                if let Some(c) = agree(a.val(), b.val()) {
                    pairs.push((a, b, c));
                }
            }
        }
        // A loose figure against the figures of each cluster it excludes, and against the
        // other loose figures.
        let loose: Vec<Cluster> = loose.into_iter().map(|(g, s)| Cluster::of(g, s)).collect();
        // Past the limit, loose figures meet the consensus cluster only, and not each other.
        let consensus: Vec<&Cluster> = if clusters.len() <= PAIRWISE_LIMIT {
            clusters.iter().collect()
        } else {
            star_or_all(&clusters, usize::MAX, |c| c.sources.len())
        };
        for (i, l) in loose.iter().enumerate() {
            for c in consensus.iter().copied() {
                let excluded: Vec<(Group, Vec<usize>)> = c
                    .values
                    .iter()
                    .filter(|(g, _)| agree(l.val(), g.val()).is_some())
                    .cloned()
                    .collect();
                let Some(part) = Cluster::from_values(excluded) else { continue };
                if let Some(cmp) = agree(l.val(), part.val()) {
                    pairs.push((l.clone(), part, cmp));
                }
            }
            let others: &[Cluster] =
                if loose.len() <= PAIRWISE_LIMIT { &loose[i + 1..] } else { &[] };
            for b in others {
                if let Some(cmp) = agree(l.val(), b.val()) {
                    pairs.push((l.clone(), b.clone(), cmp));
                }
            }
        }
        for (a, b, c) in pairs {
            // Only a source against another: one source's own pair is the finding above.
            if !a.sources.iter().any(|x| b.sources.iter().any(|y| x != y)) {
                continue;
            }
            let (oa, ob) = (originators(&a.originators), originators(&b.originators));
            let shared = oa
                .iter()
                .find(|x| ob.iter().any(|y| same_originator(x, y) || same_originator(y, x)));
            // A quantity that changes: figures not current at the same time are not compared;
            // the same originator's later figure is a revision.
            let apart_in_time = metric.changes
                && a.as_of.zip(b.as_of).is_some_and(|(x, y)| !x.near(&y, metric.window));
            if apart_in_time {
                let Some(who) = shared else { continue };
                let (Some(ta), Some(tb)) = (a.as_of, b.as_of) else { continue };
                let (early, late, te, tl) =
                    if ta.first <= tb.first { (&a, &b, ta, tb) } else { (&b, &a, tb, ta) };
                out.push(RawFinding {
                    code: Code::Revision,
                    severity: crate::finding::Severity::Info,
                    message: format!(
                        "{}: {who} revised: {} ({}) → {} ({})",
                        metric.id,
                        early.label(ctx),
                        te.show(),
                        late.label(ctx),
                        tl.show()
                    ),
                    rule: metric.id.clone(),
                    rule_location: Some(metric.location.to_string()),
                    metrics: vec![metric.id.clone()],
                    claims: early.members.iter().chain(&late.members).copied().collect(),
                    sides: vec![early.side(ctx), late.side(ctx)],
                });
                continue;
            }
            let (code, severity, message) = match shared {
                Some(who) => (
                    Code::Misquote,
                    metric.severity,
                    format!(
                        "{}: {who} quoted differently: {} vs {}: {}, tolerance {}",
                        metric.id,
                        a.label(ctx),
                        b.label(ctx),
                        c.apart,
                        c.tolerance
                    ),
                ),
                None if !oa.is_empty() && !ob.is_empty() => (
                    Code::OriginatorsDisagree,
                    crate::finding::Severity::Warning,
                    format!(
                        "{}: {}: {} vs {}: {}: {}, tolerance {}",
                        metric.id,
                        oa.join(", "),
                        a.label(ctx),
                        ob.join(", "),
                        b.label(ctx),
                        c.apart,
                        c.tolerance
                    ),
                ),
                None => (
                    Code::CrossSourceConflict,
                    metric.severity,
                    format!(
                        "{}: {} vs {}: {}, tolerance {}",
                        metric.id,
                        a.label(ctx),
                        b.label(ctx),
                        c.apart,
                        c.tolerance
                    ),
                ),
            };
            out.push(RawFinding {
                code,
                severity,
                message,
                rule: metric.id.clone(),
                rule_location: Some(metric.location.to_string()),
                metrics: vec![metric.id.clone()],
                claims: a.members.iter().chain(&b.members).copied().collect(),
                sides: vec![a.side(ctx), b.side(ctx)],
            });
        }
    }
    out
}

/// Outlets quoting one originator's figure with the same numbers in another currency
/// ("€17bn–€25bn" for AIR's "$17bn–$25bn"): a misquote even when the conversion happens to
/// land near the original. Only figures with an originator and a currency are looked at.
fn currency_slips(
    ctx: &Ctx<'_>,
    metric: &crate::config::Metric,
    groups: &[Group],
) -> Vec<RawFinding> {
    let named: Vec<&Group> = groups
        .iter()
        .filter(|g| g.own.is_some() && !originators(&g.originators).is_empty())
        .take(PAIRWISE_LIMIT * 4)
        .collect();
    let mut out = Vec::new();
    for (i, a) in named.iter().enumerate() {
        for b in &named[i + 1..] {
            let (Some((ca, ia)), Some((cb, ib))) = (&a.own, &b.own) else { continue };
            if ca == cb || ia != ib || a.source == b.source {
                continue;
            }
            let (oa, ob) = (originators(&a.originators), originators(&b.originators));
            let Some(who) = oa
                .iter()
                .find(|x| ob.iter().any(|y| same_originator(x, y) || same_originator(y, x)))
            else {
                continue;
            };
            let show = |c: &str, iv: &Interval| {
                crate::evaluate::show(iv, crate::extract::Kind::Money, Some(c))
            };
            out.push(RawFinding {
                code: Code::Misquote,
                severity: metric.severity,
                message: format!(
                    "{}: {who} quoted in two currencies: {} ({}) vs {} ({}): the same numbers in {ca} and {cb}",
                    metric.id,
                    show(ca, ia),
                    ctx.source_names[a.source],
                    show(cb, ib),
                    ctx.source_names[b.source],
                ),
                rule: metric.id.clone(),
                rule_location: Some(metric.location.to_string()),
                metrics: vec![metric.id.clone()],
                claims: a.members.iter().chain(&b.members).copied().collect(),
                sides: vec![ctx.side(a, &[a.source]), ctx.side(b, &[b.source])],
            });
        }
    }
    out
}

/// The lower of two lower bounds, `None` (unbounded) winning.
fn min_open(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a.zip(b).map(|(a, b)| a.min(b))
}

/// The higher of two upper bounds, `None` (unbounded) winning.
fn max_open(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a.zip(b).map(|(a, b)| a.max(b))
}

mod cluster;
#[cfg(test)]
mod tests;

use cluster::{clusters, star_or_all, Cluster, PAIRWISE_LIMIT};
