//! `cross-source-conflict` and `within-source-conflict`: figures on one metric that disagree.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{by_value, compare, Code, Comparison, Ctx, Group, RawFinding};
use crate::config::Tolerance;
use crate::normalize::Interval;

pub(crate) const CROSS_DOC: &str = "\
## What it checks
Claims about one metric from different sources: their normalized figures must agree within
the metric's tolerance (or `[tolerance] hedged` when either is hedged).

## Why
Two outlets reporting the same quantity with different figures is the discrepancy a
fact-checker is looking for.

Figures that agree with each other are one side of a finding, with every source that states
them: `€1.07bn–€1.072bn (press release; wire) vs €1.4bn (journal)`.

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

/// Figures on a metric that disagree. Across sources, figures are compared by value, each with
/// every source that states it, and figures that agree with each other are compared as one
/// cluster (`$4bn–$4.2bn (A; B; C) vs $8.4bn (D)`), so a figure repeated by a thousand outlets
/// is one comparison and one finding, not a thousand. Inside a source, each pair of its own
/// differing figures.
pub fn conflicts(ctx: &Ctx<'_>) -> Vec<RawFinding> {
    let mut out = Vec::new();
    for (m, metric) in ctx.rules.metrics.iter().enumerate() {
        let groups = &ctx.groups[m];
        let tol = ctx.rules.tolerance_for(metric);
        let finding = |code, message, a: &[usize], b: &[usize]| RawFinding {
            code,
            severity: metric.severity,
            message,
            rule: metric.id.clone(),
            rule_location: Some(metric.location.to_string()),
            metrics: vec![metric.id.clone()],
            claims: a.iter().chain(b).copied().collect(),
        };
        if metric.within_source {
            let mut by_source: BTreeMap<usize, Vec<&Group>> = BTreeMap::new();
            for g in groups {
                by_source.entry(g.source).or_default().push(g);
            }
            for own in by_source.values() {
                for (i, a) in own.iter().enumerate() {
                    for b in &own[i + 1..] {
                        let Some(c) = disagreement(
                            ctx,
                            tol,
                            (&a.interval, a.hedged),
                            (&b.interval, b.hedged),
                        ) else {
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
                        out.push(finding(
                            Code::WithinSourceConflict,
                            message,
                            &a.members,
                            &b.members,
                        ));
                    }
                }
            }
        }
        // Across sources: figures that agree with each other form one cluster (sorted by
        // value, each joins the cluster whose first figure it agrees with), and each pair of
        // clusters that disagree is one finding. A story restated by a thousand outlets in
        // a dozen roundings and conversions is one cluster, not a dozen figures to pair.
        let clusters = clusters(ctx, tol, by_value(groups));
        for (i, a) in clusters.iter().enumerate() {
            for b in &clusters[i + 1..] {
                // Only a source against another: one source's own pair is the finding above.
                if !a.sources.iter().any(|x| b.sources.iter().any(|y| x != y)) {
                    continue;
                }
                let Some(c) = disagreement(ctx, tol, (&a.hull, a.hedged), (&b.hull, b.hedged))
                else {
                    continue;
                };
                let message = format!(
                    "{}: {} vs {}: {}, tolerance {}",
                    metric.id,
                    a.label(ctx),
                    b.label(ctx),
                    c.apart,
                    c.tolerance
                );
                out.push(finding(Code::CrossSourceConflict, message, &a.members, &b.members));
            }
        }
    }
    out
}

/// Figures of one metric that agree with each other, from any number of sources.
struct Cluster {
    /// The smallest interval holding every figure.
    hull: Interval,
    /// The first figure (the lowest), which every other figure agrees with.
    first: Group,
    /// How many distinct figures it holds.
    figures: usize,
    sources: Vec<usize>,
    members: Vec<usize>,
    hedged: bool,
}

impl Cluster {
    /// `$500bn (AFP; FT)`, or for several figures `$4bn–$4.2bn (A; B; C)`.
    fn label(&self, ctx: &Ctx<'_>) -> String {
        if self.figures == 1 {
            return ctx.labelled_in(&self.first, &self.sources);
        }
        let hull = Group { interval: self.hull, ..self.first.clone() };
        ctx.labelled_in(&hull, &self.sources)
    }
}

/// Greedy clustering in value order: a figure joins the current cluster when it agrees with
/// that cluster's first figure (so a cluster is never wider than the tolerance allows);
/// otherwise it starts the next one.
fn clusters(ctx: &Ctx<'_>, tol: &Tolerance, mut values: Vec<(Group, Vec<usize>)>) -> Vec<Cluster> {
    values.sort_by(|(a, _), (b, _)| {
        let key = |g: &Group| (g.interval.low.or(g.interval.high), g.interval.high);
        key(a).cmp(&key(b))
    });
    let mut out: Vec<Cluster> = Vec::new();
    for (g, sources) in values {
        if let Some(c) = out.last_mut() {
            let first = (&c.first.interval, c.first.hedged);
            if disagreement(ctx, tol, first, (&g.interval, g.hedged)).is_none() {
                c.hull = Interval::new(
                    min_open(c.hull.low, g.interval.low),
                    max_open(c.hull.high, g.interval.high),
                );
                c.figures += 1;
                for s in sources {
                    if !c.sources.contains(&s) {
                        c.sources.push(s);
                    }
                }
                c.members.extend(&g.members);
                c.hedged |= g.hedged;
                continue;
            }
        }
        out.push(Cluster {
            hull: g.interval,
            members: g.members.clone(),
            hedged: g.hedged,
            figures: 1,
            sources,
            first: g,
        });
    }
    out
}

/// How two figures (each an interval and whether it is hedged) disagree beyond the tolerance
/// (the hedged allowance when either is hedged); `None` when they agree.
fn disagreement(
    ctx: &Ctx<'_>,
    tol: &Tolerance,
    (a, a_hedged): (&Interval, bool),
    (b, b_hedged): (&Interval, bool),
) -> Option<Comparison> {
    let hedged = (a_hedged || b_hedged).then(|| ctx.hedged());
    let c = compare(a, b, tol, hedged, ctx.abs);
    (!c.agree).then_some(c)
}

/// The lower of two lower bounds, `None` (unbounded) winning.
fn min_open(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a.zip(b).map(|(a, b)| a.min(b))
}

/// The higher of two upper bounds, `None` (unbounded) winning.
fn max_open(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a.zip(b).map(|(a, b)| a.max(b))
}
