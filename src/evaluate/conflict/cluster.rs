//! Clusters of figures that all agree with each other, and which pairs of them to compare.

use super::{max_open, min_open};
use crate::evaluate::{originators, Comparison, Ctx, Group, Side, Val};
use crate::normalize::as_of::AsOf;
use crate::normalize::Interval;

/// Above this many distinct figures (clusters on a metric, or one source's own figures), each
/// is compared with the consensus figure only, not with every other: a story with a thousand
/// different figures is a thousand findings at most, not half a million.
pub(super) const PAIRWISE_LIMIT: usize = 24;

/// The items to compare item `i` of `all` with: those after it, or, past
/// [`PAIRWISE_LIMIT`] items, only the consensus (the item `weight` ranks highest, the first
/// on a tie) and, for the consensus itself, nothing new.
pub(super) fn star_or_all<T>(all: &[T], i: usize, weight: impl Fn(&T) -> usize) -> Vec<&T> {
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
pub(super) type Disagree<'a> = dyn Fn(Val<'_>, Val<'_>) -> Option<Comparison> + 'a;

/// Figures of one metric that agree with each other, from any number of sources.
#[derive(Clone)]
pub(super) struct Cluster {
    /// The smallest interval holding every figure.
    pub(super) hull: Interval,
    /// Its distinct figures, each with the sources that state it, lowest first.
    pub(super) values: Vec<(Group, Vec<usize>)>,
    pub(super) sources: Vec<usize>,
    pub(super) members: Vec<usize>,
    pub(super) hedged: bool,
    /// Who the sentences say gives its figures, as written.
    pub(super) originators: Vec<String>,
    /// The hull in the currency all its figures are stated in, when they share one.
    pub(super) own: Option<(String, Interval)>,
    /// The span of its figures' as-of dates, when all have one.
    pub(super) as_of: Option<AsOf>,
}

impl Cluster {
    pub(super) fn of(g: Group, sources: Vec<usize>) -> Cluster {
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
    pub(super) fn from_values(values: Vec<(Group, Vec<usize>)>) -> Option<Cluster> {
        let mut it = values.into_iter();
        let (g, s) = it.next()?;
        let mut c = Cluster::of(g, s);
        for (g, s) in it {
            c.add(g, s);
        }
        Some(c)
    }

    pub(super) fn add(&mut self, g: Group, sources: Vec<usize>) {
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
    pub(super) fn val(&self) -> Val<'_> {
        Val {
            interval: &self.hull,
            hedged: self.hedged,
            kind: self.values[0].0.kind,
            own: self.own.as_ref().map(|(c, iv)| (c.as_str(), iv)),
        }
    }

    /// `$500bn (AFP; FT)`, or for several figures `$4bn–$4.2bn (A; B; C)`.
    pub(super) fn label(&self, ctx: &Ctx<'_>) -> String {
        ctx.labelled_in(&self.shown(), &self.sources)
    }

    /// The group messages show: its one figure, or the hull of its figures.
    pub(super) fn shown(&self) -> Group {
        let first = self.values[0].0.clone();
        if self.values.len() == 1 {
            return first;
        }
        Group { interval: self.hull, ..first }
    }

    pub(super) fn side(&self, ctx: &Ctx<'_>) -> Side {
        let mut side = ctx.side(&self.shown(), &self.sources);
        side.claims = self.members.clone();
        side.originators = originators(&self.originators);
        side
    }
}

/// Clusters in value order in which every figure agrees with every other: a figure joins the
/// current cluster when it agrees with each of its figures; otherwise it starts the next one.
/// No chain of figures each close to the next can make two far-apart figures one cluster.
pub(super) fn clusters(
    disagree: &Disagree<'_>,
    mut values: Vec<(Group, Vec<usize>)>,
) -> Vec<Cluster> {
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
