//! `cross-source-conflict`, `misquote`, `originators-disagree` and `within-source-conflict`:
//! figures on one metric that disagree.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    by_value, compare_vals, originators, same_originator, Code, Comparison, Ctx, Group, RawFinding,
    Side, Val,
};
use crate::normalize::as_of::AsOf;
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

/// Above this many distinct figures (clusters on a metric, or one source's own figures), each
/// is compared with the consensus figure only, not with every other: a story with a thousand
/// different figures is a thousand findings at most, not half a million.
pub(crate) const PAIRWISE_LIMIT: usize = 24;

/// The items to compare item `i` of `all` with: those after it, or, past
/// [`PAIRWISE_LIMIT`] items, only the consensus (the item `weight` ranks highest, the first
/// on a tie) and, for the consensus itself, nothing new.
fn star_or_all<T>(all: &[T], i: usize, weight: impl Fn(&T) -> usize) -> Vec<&T> {
    if all.len() <= PAIRWISE_LIMIT {
        return all[i + 1..].iter().collect();
    }
    let consensus = (0..all.len()).rev().max_by_key(|&k| weight(&all[k])).unwrap_or(0);
    if i == consensus {
        Vec::new()
    } else {
        vec![&all[consensus]]
    }
}

/// How two figures (interval, hedged) disagree; `None` when they agree.
type Disagree<'a> = dyn Fn(Val<'_>, Val<'_>) -> Option<Comparison> + 'a;

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

/// Figures of one metric that agree with each other, from any number of sources.
#[derive(Clone)]
struct Cluster {
    /// The smallest interval holding every figure.
    hull: Interval,
    /// Its distinct figures, each with the sources that state it, lowest first.
    values: Vec<(Group, Vec<usize>)>,
    sources: Vec<usize>,
    members: Vec<usize>,
    hedged: bool,
    /// Who the sentences say gives its figures, as written.
    originators: Vec<String>,
    /// The hull in the currency all its figures are stated in, when they share one.
    own: Option<(String, Interval)>,
    /// The span of its figures' as-of dates, when all have one.
    as_of: Option<AsOf>,
}

impl Cluster {
    fn of(g: Group, sources: Vec<usize>) -> Cluster {
        Cluster {
            hull: g.interval,
            members: g.members.clone(),
            hedged: g.hedged,
            originators: g.originators.clone(),
            own: g.own.clone(),
            as_of: g.as_of,
            sources: sources.clone(),
            values: vec![(g, sources)],
        }
    }

    /// The cluster of these figures (`None` when there are none).
    fn from_values(values: Vec<(Group, Vec<usize>)>) -> Option<Cluster> {
        let mut it = values.into_iter();
        let (g, s) = it.next()?;
        let mut c = Cluster::of(g, s);
        for (g, s) in it {
            c.add(g, s);
        }
        Some(c)
    }

    fn add(&mut self, g: Group, sources: Vec<usize>) {
        self.hull = Interval::new(
            min_open(self.hull.low, g.interval.low),
            max_open(self.hull.high, g.interval.high),
        );
        for s in &sources {
            if !self.sources.contains(s) {
                self.sources.push(*s);
            }
        }
        for o in &g.originators {
            if !self.originators.contains(o) {
                self.originators.push(o.clone());
            }
        }
        self.own = match (self.own.take(), &g.own) {
            (Some((c, iv)), Some((gc, giv))) if c == *gc => {
                Some((c, Interval::new(min_open(iv.low, giv.low), max_open(iv.high, giv.high))))
            }
            _ => None,
        };
        self.as_of = self.as_of.zip(g.as_of).map(|(x, y)| x.hull(&y));
        self.members.extend(&g.members);
        self.hedged |= g.hedged;
        self.values.push((g, sources));
    }

    /// The cluster as compared: its hull.
    fn val(&self) -> Val<'_> {
        Val {
            interval: &self.hull,
            hedged: self.hedged,
            kind: self.values[0].0.kind,
            own: self.own.as_ref().map(|(c, iv)| (c.as_str(), iv)),
        }
    }

    /// `$500bn (AFP; FT)`, or for several figures `$4bn–$4.2bn (A; B; C)`.
    fn label(&self, ctx: &Ctx<'_>) -> String {
        ctx.labelled_in(&self.shown(), &self.sources)
    }

    /// The group messages show: its one figure, or the hull of its figures.
    fn shown(&self) -> Group {
        let first = self.values[0].0.clone();
        if self.values.len() == 1 {
            return first;
        }
        Group { interval: self.hull, ..first }
    }

    fn side(&self, ctx: &Ctx<'_>) -> Side {
        let mut side = ctx.side(&self.shown(), &self.sources);
        side.claims = self.members.clone();
        side.originators = originators(&self.originators);
        side
    }
}

/// Clusters in value order in which every figure agrees with every other: a figure joins the
/// current cluster when it agrees with each of its figures; otherwise it starts the next one.
/// No chain of figures each close to the next can make two far-apart figures one cluster.
fn clusters(disagree: &Disagree<'_>, mut values: Vec<(Group, Vec<usize>)>) -> Vec<Cluster> {
    values.sort_by(|(a, _), (b, _)| {
        let key = |g: &Group| (g.interval.low.or(g.interval.high), g.interval.high);
        key(a).cmp(&key(b))
    });
    let mut out: Vec<Cluster> = Vec::new();
    for (g, sources) in values {
        if let Some(c) = out.last_mut() {
            let fits = c.values.iter().all(|(v, _)| disagree(v.val(), g.val()).is_none());
            if fits {
                c.add(g, sources);
                continue;
            }
        }
        out.push(Cluster::of(g, sources));
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::*;
    use crate::config::Tolerance;
    use crate::evaluate::{compare, group, Fig};
    use crate::extract::{Hedge, Kind};

    /// A figure: source, low, high (equal for a point), hedge, originator.
    type F = (usize, i64, Option<i64>, Option<Hedge>, Option<&'static str>);

    fn figs(list: &[F]) -> Vec<Fig> {
        list.iter()
            .enumerate()
            .map(|(claim, &(source, low, high, hedge, who))| Fig {
                source,
                claim,
                interval: Interval::new(
                    (hedge != Some(Hedge::AtMost)).then(|| Decimal::from(low)),
                    match hedge {
                        Some(Hedge::AtLeast) => None,
                        _ => Some(Decimal::from(high.unwrap_or(low))),
                    },
                ),
                hedge,
                kind: Kind::Count,
                currency: None,
                originator: who.map(str::to_string),
                own: None,
                as_of: None,
            })
            .collect()
    }

    /// The findings on one count metric with a 5% tolerance: code and the claims of each
    /// side, sorted.
    fn findings(list: &[F]) -> Vec<(Code, Vec<Vec<usize>>)> {
        let rules = crate::config::Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"deaths\"\nkind = \"count\"\nnear = [\"died\"]\nwithin-source = false\n",
        )
        .unwrap();
        let names: Vec<String> = (0..20).map(|i| format!("s{i}")).collect();
        let abs = |_: &Tolerance| None;
        let ctx = Ctx {
            rules: &rules,
            groups: vec![group(&figs(list))],
            source_names: &names,
            abs: &abs,
        };
        let mut out: Vec<(Code, Vec<Vec<usize>>)> = conflicts(&ctx)
            .into_iter()
            .map(|f| {
                let mut sides: Vec<Vec<usize>> = f
                    .sides
                    .into_iter()
                    .map(|s| {
                        let mut c = s.claims;
                        c.sort_unstable();
                        c
                    })
                    .collect();
                sides.sort();
                (f.code, sides)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_bound_never_bridges_figures_that_disagree() {
        // "at least five people died" (an early toll) against 27, 28 and 95.
        let got = findings(&[
            (0, 5, None, Some(Hedge::AtLeast), None),
            (1, 27, None, None, None),
            (2, 28, None, None, None),
            (3, 95, None, None, None),
        ]);
        assert_eq!(got, vec![(Code::CrossSourceConflict, vec![vec![1, 2], vec![3]])]);
    }

    #[test]
    fn a_bound_conflicts_with_the_figures_it_excludes() {
        // "more than 40" against 33 and 95: only 33 is excluded.
        let got = findings(&[
            (0, 40, None, Some(Hedge::AtLeast), None),
            (1, 33, None, None, None),
            (2, 95, None, None, None),
        ]);
        assert!(got.contains(&(Code::CrossSourceConflict, vec![vec![0], vec![1]])), "{got:?}");
        assert!(!got.iter().any(|(_, s)| s.contains(&vec![0]) && s.contains(&vec![2])), "{got:?}");
    }

    #[test]
    fn chained_ranges_do_not_make_one_cluster() {
        // $20–30bn, $29bn, $30–40bn and $41bn: each agrees with the next, but $41bn is far
        // from $20–30bn and $29bn.
        let got = findings(&[
            (0, 20, Some(30), Some(Hedge::Range), None),
            (1, 29, None, None, None),
            (2, 30, Some(40), Some(Hedge::Range), None),
            (3, 41, None, None, None),
        ]);
        assert!(
            got.iter()
                .any(|(_, s)| s.iter().any(|x| x.contains(&0)) && s.iter().any(|x| x.contains(&3))),
            "{got:?}"
        );
    }

    #[test]
    fn no_side_holds_figures_that_disagree_and_no_agreeing_pair_is_split() {
        let got = findings(&[
            (0, 100, None, None, None),
            (1, 103, None, None, None),
            (2, 120, None, None, None),
            (3, 121, None, None, None),
        ]);
        assert_eq!(got, vec![(Code::CrossSourceConflict, vec![vec![0, 1], vec![2, 3]])]);
    }

    #[test]
    fn originators_name_misquotes_and_disagreements() {
        let got = findings(&[
            (0, 100, None, None, Some("the Kiel Institute")),
            (1, 140, None, None, Some("Kiel Institute's")),
        ]);
        assert_eq!(got, vec![(Code::Misquote, vec![vec![0], vec![1]])]);
        let got =
            findings(&[(0, 100, None, None, Some("Kiel")), (1, 350, None, None, Some("Trump"))]);
        assert_eq!(got, vec![(Code::OriginatorsDisagree, vec![vec![0], vec![1]])]);
        // "officials" name nobody in particular.
        let got = findings(&[
            (0, 100, None, None, Some("officials")),
            (1, 350, None, None, Some("Trump")),
        ]);
        assert_eq!(got, vec![(Code::CrossSourceConflict, vec![vec![0], vec![1]])]);
    }

    #[test]
    fn figures_stated_in_one_currency_are_compared_in_it() {
        // A tracker's €114bn, converted by one outlet in February and another in April: 8%
        // apart in dollars, the same figure in euros.
        let eur = |source: usize, usd: i64| Fig {
            source,
            claim: source,
            interval: Interval::point(Decimal::from(usd)),
            hedge: None,
            kind: Kind::Money,
            currency: Some("USD".into()),
            originator: None,
            own: Some(("EUR".into(), Interval::point(Decimal::from(114)))),
            as_of: None,
        };
        let rules = crate::config::Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
        )
        .unwrap();
        let names: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let abs = |_: &Tolerance| None;
        let mut usd = eur(2, 150);
        usd.own = Some(("USD".into(), Interval::point(Decimal::from(150))));
        let figs = vec![eur(0, 119), eur(1, 129), usd];
        let ctx =
            Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
        let found = conflicts(&ctx);
        // The two euro figures agree; the dollar figure is compared in dollars.
        assert_eq!(found.len(), 1, "{:?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
        assert!(
            found[0].message.contains("$150 vs") || found[0].message.contains("vs $150"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn on_a_quantity_that_changes_only_figures_current_together_are_compared() {
        use crate::normalize::as_of::AsOf;
        let rules = crate::config::Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"losses\"\nkind = \"count\"\nnear = [\"losses\"]\nchanges = true\nwindow = 3\n",
        )
        .unwrap();
        let fig = |claim: usize, value: i64, who: &str, day: &str| Fig {
            source: claim,
            claim,
            interval: Interval::point(Decimal::from(value)),
            hedge: None,
            kind: Kind::Count,
            currency: None,
            originator: Some(who.into()),
            own: None,
            as_of: Some(AsOf::day(day.parse().unwrap())),
        };
        let figs = vec![
            fig(0, 18, "KCC", "2021-08-30"),
            fig(1, 25, "KCC", "2021-09-03"),
            fig(2, 40, "Verisk", "2021-09-04"),
            fig(3, 30, "Verisk", "2021-08-30"),
        ];
        let names: Vec<String> = (0..4).map(|i| format!("s{i}")).collect();
        let abs = |_: &Tolerance| None;
        let ctx =
            Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
        let mut got: Vec<(Code, Vec<usize>)> = conflicts(&ctx)
            .into_iter()
            .map(|f| {
                let mut c = f.claims;
                c.sort_unstable();
                (f.code, c)
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                // Current together: KCC's 18 and Verisk's 30 (30 August); 25 and 40 (3-4 Sept).
                (Code::OriginatorsDisagree, vec![0, 3]),
                (Code::OriginatorsDisagree, vec![1, 2]),
                // Each estimator's later figure is a revision.
                (Code::Revision, vec![0, 1]),
                (Code::Revision, vec![2, 3]),
            ]
        );
    }

    #[test]
    fn one_originators_numbers_in_another_currency_are_a_misquote() {
        let fig = |claim: usize, usd: i64, own: (&str, i64)| Fig {
            source: claim,
            claim,
            interval: Interval::new(Some(Decimal::from(usd)), Some(Decimal::from(usd + 8))),
            hedge: Some(Hedge::Range),
            kind: Kind::Money,
            currency: Some("USD".into()),
            originator: Some("AIR Worldwide".into()),
            own: Some((
                own.0.into(),
                Interval::new(Some(Decimal::from(own.1)), Some(Decimal::from(own.1 + 8))),
            )),
            as_of: None,
        };
        let rules = crate::config::Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"losses\"\nkind = \"money\"\nnear = [\"losses\"]\n",
        )
        .unwrap();
        let names: Vec<String> = vec!["a".into(), "b".into()];
        let abs = |_: &Tolerance| None;
        // $17bn–$25bn, and €17bn–€25bn (which converts to $20bn–$28bn and overlaps).
        let figs = vec![fig(0, 17, ("USD", 17)), fig(1, 20, ("EUR", 17))];
        let ctx =
            Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
        let found = conflicts(&ctx);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::Misquote);
        assert!(found[0].message.contains("quoted in two currencies"), "{}", found[0].message);
    }

    fn figure() -> impl Strategy<Value = F> {
        (
            0usize..4,
            1i64..200,
            0i64..30,
            0usize..5,
            prop::option::of(prop::sample::select(vec!["Kiel", "Trump"])),
        )
            .prop_map(|(source, low, width, h, who)| {
                let hedge = [
                    None,
                    Some(Hedge::Range),
                    Some(Hedge::AtLeast),
                    Some(Hedge::AtMost),
                    Some(Hedge::Approximate),
                ][h];
                let high = (hedge == Some(Hedge::Range)).then_some(low + width);
                (source, low, high, hedge, who)
            })
    }

    proptest! {
        /// Whatever the order of the claims: the same findings; every pair of figures on one
        /// side agrees; and no two figures on opposite sides of a finding agree.
        #[test]
        fn sides_agree_within_and_disagree_across(list in prop::collection::vec(figure(), 0..12), seed in any::<u64>()) {
            let base = findings(&list);
            let mut shuffled: Vec<(usize, F)> = list.iter().copied().enumerate().collect();
            let n = shuffled.len();
            for i in 0..n {
                let j = (seed as usize).wrapping_mul(i + 7) % n.max(1);
                shuffled.swap(i, j);
            }
            let order: Vec<usize> = shuffled.iter().map(|(i, _)| *i).collect();
            let again = findings(&shuffled.iter().map(|(_, f)| *f).collect::<Vec<_>>());
            // Claim indices follow the list: map them back before comparing.
            let mut mapped: Vec<(Code, Vec<Vec<usize>>)> = again
                .into_iter()
                .map(|(c, sides)| {
                    let mut sides: Vec<Vec<usize>> = sides
                        .into_iter()
                        .map(|s| {
                            let mut s: Vec<usize> = s.into_iter().map(|k| order[k]).collect();
                            s.sort_unstable();
                            s
                        })
                        .collect();
                    sides.sort();
                    (c, sides)
                })
                .collect();
            mapped.sort();
            prop_assert_eq!(&mapped, &base);
            let fs = figs(&list);
            let tol = Tolerance::Relative(Decimal::new(5, 2));
            let hedged = Tolerance::Relative(Decimal::new(10, 2));
            let differ = |a: usize, b: usize| {
                let h = (fs[a].hedge == Some(Hedge::Approximate) || fs[b].hedge == Some(Hedge::Approximate)).then_some(&hedged);
                !compare(&fs[a].interval, &fs[b].interval, &tol, h, &|_| None).agree
            };
            for (_, sides) in &base {
                for a in &sides[0] {
                    for b in &sides[1] {
                        prop_assert!(differ(*a, *b), "{a} and {b} agree but are on opposite sides: {list:?}");
                    }
                }
            }
        }
    }
}
