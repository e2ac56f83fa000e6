//! Evaluation: claims linked to metrics → findings. One file per rule kind, each documented
//! with What / Why / Example (printed by `crosscheck rules explain --codes`), and one [`Code`]
//! registry.
//!
//! Claims are compared as intervals. Two figures agree when their intervals overlap, or when
//! their nearest ends differ by no more than the tolerance: relative (`5%`: |a−b| ≤ 5% of the
//! larger) or absolute (`2bn USD`). When either figure is hedged (`about`, `nearly`), the
//! larger of the tolerance and `[tolerance] hedged` applies.

mod agree;
mod at_most;
mod conflict;
pub mod fx_consistency;
mod sum;

use rust_decimal::Decimal;

use crate::config::Tolerance;
use crate::extract::{Hedge, Kind};
use crate::normalize::as_of::AsOf;
use crate::normalize::{display, Interval};

pub use agree::agree_violations;
pub use at_most::at_most_violations;
pub use conflict::conflicts;
pub use fx_consistency::{fx_check, FxCheck};
pub use sum::sum_mismatches;

/// Every finding code, with its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    CrossSourceConflict,
    Misquote,
    OriginatorsDisagree,
    Revision,
    WithinSourceConflict,
    AtMostViolated,
    SumMismatch,
    AgreeViolated,
    FxInconsistent,
}

impl Code {
    pub const ALL: [Code; 9] = [
        Code::CrossSourceConflict,
        Code::Misquote,
        Code::OriginatorsDisagree,
        Code::Revision,
        Code::WithinSourceConflict,
        Code::AtMostViolated,
        Code::SumMismatch,
        Code::AgreeViolated,
        Code::FxInconsistent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::CrossSourceConflict => "cross-source-conflict",
            Code::Misquote => "misquote",
            Code::OriginatorsDisagree => "originators-disagree",
            Code::Revision => "revision",
            Code::WithinSourceConflict => "within-source-conflict",
            Code::AtMostViolated => "at-most-violated",
            Code::SumMismatch => "sum-mismatch",
            Code::AgreeViolated => "agree-violated",
            Code::FxInconsistent => "fx-inconsistent",
        }
    }

    /// The What / Why / Example text written where the rule is implemented.
    pub fn doc(self) -> &'static str {
        match self {
            Code::CrossSourceConflict => conflict::CROSS_DOC,
            Code::Misquote => conflict::MISQUOTE_DOC,
            Code::OriginatorsDisagree => conflict::ORIGINATORS_DOC,
            Code::Revision => conflict::REVISION_DOC,
            Code::WithinSourceConflict => conflict::WITHIN_DOC,
            Code::AtMostViolated => at_most::DOC,
            Code::SumMismatch => sum::DOC,
            Code::AgreeViolated => agree::DOC,
            Code::FxInconsistent => fx_consistency::DOC,
        }
    }

    /// A short title: what went wrong, in a few words (SARIF's `shortDescription`).
    pub fn title(self) -> &'static str {
        match self {
            Code::CrossSourceConflict => "Sources disagree on a figure",
            Code::Misquote => "Outlets quote one originator differently",
            Code::OriginatorsDisagree => "Originators of a figure disagree",
            Code::Revision => "An originator revised its figure",
            Code::WithinSourceConflict => "A source contradicts itself",
            Code::AtMostViolated => "A part exceeds its whole",
            Code::SumMismatch => "Parts do not add up to the total",
            Code::AgreeViolated => "Two metrics that should match do not",
            Code::FxInconsistent => "An inline conversion uses an unlikely rate",
        }
    }

    /// What the code checks, in one paragraph: the "What it checks" section of [`Code::doc`]
    /// (SARIF's `fullDescription`).
    pub fn summary(self) -> String {
        let doc = self.doc();
        let what = doc.split("## ").find(|s| s.starts_with("What it checks")).unwrap_or(doc);
        let body = what.trim_start_matches("What it checks").trim();
        let first = body.split("\n\n").next().unwrap_or(body);
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A disagreement between figures of one metric (its claims get the `conflict` verdict).
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            Code::CrossSourceConflict
                | Code::Misquote
                | Code::OriginatorsDisagree
                | Code::WithinSourceConflict
        )
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A claim as the evaluator sees it: where it comes from and its normalized interval.
#[derive(Debug, Clone)]
pub struct Fig {
    /// Index of the source.
    pub source: usize,
    /// Index of the claim in the run's claim list.
    pub claim: usize,
    pub interval: Interval,
    pub hedge: Option<Hedge>,
    pub kind: Kind,
    /// Currency of the normalized figure.
    pub currency: Option<String>,
    /// Who the claim's sentence says gives the figure, as written (`the Kiel Institute`).
    pub originator: Option<String>,
    /// Money: the figure in the currency the text states it in (`EUR`, €114bn), so two
    /// figures stated in one currency are compared in it, not after conversions at two dates.
    pub own: Option<(String, Interval)>,
    /// When the figure held ([`crate::normalize::as_of`]).
    pub as_of: Option<AsOf>,
}

impl Fig {
    /// A figure that only bounds the quantity: a bound (`more than $300bn`, `up to 40`), a
    /// vague amount (`hundreds of billions`) or an interval open on one side. Such a figure
    /// never joins a cluster of figures that agree; it conflicts with a figure only when it
    /// excludes it.
    pub fn loose(&self) -> bool {
        matches!(self.hedge, Some(Hedge::AtLeast | Hedge::AtMost | Hedge::Vague))
            || self.interval.low.is_none()
            || self.interval.high.is_none()
    }
}

/// Claims of one metric from one source with the same normalized figure.
#[derive(Debug, Clone)]
pub struct Group {
    pub source: usize,
    pub interval: Interval,
    pub members: Vec<usize>,
    pub hedged: bool,
    /// A bound or vague figure ([`Fig::loose`]).
    pub loose: bool,
    pub kind: Kind,
    pub currency: Option<String>,
    /// The originators of its claims (as written), in first-seen order.
    pub originators: Vec<String>,
    /// The figure in the currency its claims state it in, when they all state it in one.
    pub own: Option<(String, Interval)>,
    /// The span of its claims' as-of dates, when every claim has one.
    pub as_of: Option<AsOf>,
}

impl Group {
    pub fn show(&self) -> String {
        show(&self.interval, self.kind, self.currency.as_deref())
    }

    /// The figure as compared.
    pub fn val(&self) -> Val<'_> {
        Val {
            interval: &self.interval,
            hedged: self.hedged,
            kind: self.kind,
            own: self.own.as_ref().map(|(c, iv)| (c.as_str(), iv)),
        }
    }
}

/// A figure as compared: its interval in the base currency, whether it is hedged, and (money)
/// its interval in the currency the text states it in.
#[derive(Debug, Clone, Copy)]
pub struct Val<'a> {
    pub interval: &'a Interval,
    pub hedged: bool,
    pub kind: Kind,
    pub own: Option<(&'a str, &'a Interval)>,
}

impl Val<'_> {
    /// The currency both figures are stated in, with their intervals in it, when they share
    /// one that is not the base (in the base, the converted intervals are the stated ones).
    fn shared<'v>(&'v self, other: &'v Val<'_>) -> Option<(&'v str, &'v Interval, &'v Interval)> {
        let ((ca, ia), (cb, ib)) = (self.own?, other.own?);
        (ca == cb).then_some((ca, ia, ib))
    }
}

/// Merges groups with the same figure across sources (`$500bn` from AFP and from the FT), so
/// a relation between two metrics reports each pair of figures once.
pub fn by_value(groups: &[Group]) -> Vec<(Group, Vec<usize>)> {
    let mut out: Vec<(Group, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<Interval, usize> = Default::default();
    for g in groups {
        if let Some(&i) = index.get(&g.interval) {
            let (m, srcs) = &mut out[i];
            m.members.extend(&g.members);
            m.hedged |= g.hedged;
            m.loose |= g.loose;
            if m.own != g.own {
                m.own = None;
            }
            m.as_of = m.as_of.zip(g.as_of).map(|(a, b)| a.hull(&b));
            for o in &g.originators {
                if !m.originators.contains(o) {
                    m.originators.push(o.clone());
                }
            }
            if !srcs.contains(&g.source) {
                srcs.push(g.source);
            }
            continue;
        }
        index.insert(g.interval, out.len());
        out.push((g.clone(), vec![g.source]));
    }
    out
}

/// Every pair of figures (each with all the sources that state it) of metrics `left` and
/// `right` that relation `r` forbids: `violates(a, b, tolerance)` returns the operator, the
/// distance and the tolerance its message shows (`$500bn vs $119.8bn: 4.2× apart, tolerance
/// 5%`), or `None` when the pair is fine.
pub(crate) fn pairwise_violations(
    ctx: &Ctx<'_>,
    r: &crate::config::Relation,
    (left, right): (&str, &str),
    code: Code,
    violates: impl Fn(&Group, &Group, &Tolerance) -> Option<(&'static str, String, String)>,
) -> Vec<RawFinding> {
    let (Some(l), Some(rt)) = (ctx.metric_index(left), ctx.metric_index(right)) else {
        return Vec::new();
    };
    let tol = r.tolerance.as_ref().unwrap_or(&ctx.rules.tolerance.default);
    let mut out = Vec::new();
    let (lefts, rights) = (by_value(&ctx.groups[l]), by_value(&ctx.groups[rt]));
    for (a, sa) in &lefts {
        for (b, sb) in &rights {
            let Some((op, apart, tolerance)) = violates(a, b, tol) else { continue };
            out.push(RawFinding {
                code,
                severity: r.severity,
                message: format!(
                    "{}: {left} {} {op} {right} {}: {apart}, tolerance {tolerance}",
                    r.id,
                    ctx.labelled_in(a, sa),
                    ctx.labelled_in(b, sb),
                ),
                rule: r.id.clone(),
                rule_location: Some(r.location.to_string()),
                metrics: vec![left.to_string(), right.to_string()],
                claims: a.members.iter().chain(&b.members).copied().collect(),
                sides: vec![ctx.side(a, sa), ctx.side(b, sb)],
            });
        }
    }
    out
}

/// Groups a metric's figures by (source, normalized interval), in first-seen order.
pub fn group(figs: &[Fig]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: std::collections::HashMap<(usize, Interval), usize> = Default::default();
    for f in figs {
        if let Some(&i) = index.get(&(f.source, f.interval)) {
            let g = &mut out[i];
            g.members.push(f.claim);
            g.hedged |= f.hedge == Some(Hedge::Approximate);
            g.loose |= f.loose();
            if g.own != f.own {
                g.own = None;
            }
            g.as_of = g.as_of.zip(f.as_of).map(|(a, b)| a.hull(&b));
            if let Some(o) = &f.originator {
                if !g.originators.contains(o) {
                    g.originators.push(o.clone());
                }
            }
            continue;
        }
        index.insert((f.source, f.interval), out.len());
        out.push(Group {
            source: f.source,
            interval: f.interval,
            members: vec![f.claim],
            hedged: f.hedge == Some(Hedge::Approximate),
            loose: f.loose(),
            kind: f.kind,
            currency: f.currency.clone(),
            originators: f.originator.iter().cloned().collect(),
            own: f.own.clone(),
            as_of: f.as_of,
        });
    }
    out
}

/// Originators as written, normalized and without repeats: `the Kiel Institute` and `Kiel
/// Institute's` are `Kiel Institute`; a name whose words all occur in a longer one given
/// alongside (`Kiel`, `Kiel Institute`) is that longer one.
pub fn originators(names: &[String]) -> Vec<String> {
    let normal: Vec<String> = names.iter().filter_map(|n| originator(n)).collect();
    let mut out: Vec<String> = Vec::new();
    for n in &normal {
        let canonical =
            normal.iter().filter(|m| same_originator(n, m)).max_by_key(|m| m.len()).unwrap_or(n);
        if !out.contains(canonical) {
            out.push(canonical.clone());
        }
    }
    out
}

/// One name as an originator: without a leading article or a trailing possessive, with
/// single spaces; `None` when it names nobody in particular (no capitalized word).
pub fn originator(name: &str) -> Option<String> {
    let mut s = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    for article in ["the ", "The "] {
        s = s.strip_prefix(article).unwrap_or(s);
    }
    for possessive in ["'s", "’s", "'", "’"] {
        s = s.strip_suffix(possessive).unwrap_or(s);
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A name: some word capitalized, beyond a determiner ("officials", "a report" and
    // "analysts" say who in general, not who in particular).
    // An indefinite description ("a Ukrainian source", "two US officials") names nobody
    // either, whatever its capitals.
    let first = s.split(' ').next().unwrap_or("").to_lowercase();
    let indefinite = matches!(
        first.as_str(),
        "a" | "an" | "one" | "some" | "two" | "three" | "four" | "several" | "many" | "other"
    );
    let named = !indefinite
        && s.split(' ').enumerate().any(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase())
                && !(i == 0
                    && matches!(w, "A" | "An" | "One" | "Some" | "Two" | "Several" | "Many"))
        });
    named.then_some(s)
}

/// Whether originator `a` names the one `b` names: the same words, or all of `a`'s words
/// (case aside) among `b`'s (`Kiel` and `Kiel Institute`).
pub fn same_originator(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let (wa, wb) = (words(a), words(b));
    !wa.is_empty() && wa.iter().all(|w| wb.contains(w))
}

/// A figure for messages: `$119.8bn`, `$200bn–$1tn`, `50%`, `≥ 3`.
pub fn show(iv: &Interval, kind: Kind, currency: Option<&str>) -> String {
    match kind {
        Kind::Money => display::interval(iv, currency),
        Kind::Percent | Kind::Number | Kind::Count => {
            let f = |v: Decimal| {
                if kind == Kind::Percent {
                    display::percent(v)
                } else {
                    display::number(v)
                }
            };
            match (iv.low, iv.high) {
                (Some(a), Some(b)) if a == b => f(a),
                (Some(a), Some(b)) => format!("{}–{}", f(a), f(b)),
                (Some(a), None) => format!("≥ {}", f(a)),
                (None, Some(b)) => format!("≤ {}", f(b)),
                (None, None) => "any amount".into(),
            }
        }
    }
}

/// The outcome of comparing two intervals.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub agree: bool,
    /// "4.2× apart" or "11.8% apart" (empty when the intervals overlap).
    pub apart: String,
    /// The tolerance that applied, as written.
    pub tolerance: String,
    /// The nearest ends compared, when the intervals do not overlap.
    pub ends: Option<(Decimal, Decimal)>,
}

impl Comparison {
    /// For percentages, the gap in points: `41 points apart, tolerance 1 point` (an absolute
    /// tolerance on a percent metric is in points), or `3 points (11.8%) apart` beside a
    /// relative one.
    fn in_points(mut self, tol: &Tolerance) -> Comparison {
        let points = |v: Decimal| {
            let v = v.round_dp(2).normalize();
            if v == Decimal::ONE {
                "1 point".to_string()
            } else {
                format!("{v} points")
            }
        };
        if let Some((x, y)) = self.ends {
            let gap = points((x - y).abs());
            self.apart = match tol {
                Tolerance::Absolute { .. } => format!("{gap} apart"),
                Tolerance::Relative(_) => format!("{gap} ({})", self.apart),
            };
        }
        if let Tolerance::Absolute { amount, currency: None } = tol {
            self.tolerance = points(*amount);
        }
        self
    }
}

/// The nearest ends of two disjoint intervals (`None` when they overlap).
fn nearest(a: &Interval, b: &Interval) -> Option<(Decimal, Decimal)> {
    if a.overlaps(b) {
        return None;
    }
    match (a.high, b.low, a.low, b.high) {
        (Some(ah), Some(bl), _, _) if ah < bl => Some((ah, bl)),
        (_, _, Some(al), Some(bh)) if bh < al => Some((al, bh)),
        _ => None,
    }
}

/// How far apart `x` and `y` are, in words: `4.2× apart` or `11.8% apart`.
pub fn apart(x: Decimal, y: Decimal) -> String {
    let (lo, hi) = if x.abs() <= y.abs() { (x.abs(), y.abs()) } else { (y.abs(), x.abs()) };
    if !lo.is_zero() && hi / lo >= Decimal::new(15, 1) {
        format!("{}× apart", (hi / lo).round_dp(1).normalize())
    } else {
        let rel = crate::normalize::relative_difference(x, y).unwrap_or_default();
        format!("{}% apart", (rel * Decimal::ONE_HUNDRED).round_dp(1).normalize())
    }
}

/// Compares two intervals with a tolerance, widened to `hedged` when either is hedged.
/// `absolute_in_base` converts an absolute tolerance into the figures' unit.
pub fn compare(
    a: &Interval,
    b: &Interval,
    tol: &Tolerance,
    hedged: Option<&Tolerance>,
    absolute_in_base: &dyn Fn(&Tolerance) -> Option<Decimal>,
) -> Comparison {
    let t = effective(tol, hedged, absolute_in_base);
    let Some((x, y)) = nearest(a, b) else {
        return Comparison {
            agree: true,
            apart: String::new(),
            tolerance: t.to_string(),
            ends: None,
        };
    };
    // Two estimates given as ranges already say how uncertain they are: when they do not
    // overlap they disagree, however close their nearest ends (RMS's $31bn–$44bn against
    // AIR's $20bn–$30bn). The tolerance is for points, which carry no width of their own.
    let both_ranges = [a, b].iter().all(|iv| iv.low.zip(iv.high).is_some_and(|(l, h)| l < h));
    let agree = !both_ranges && within(x, y, t, absolute_in_base);
    Comparison { agree, apart: apart(x, y), tolerance: t.to_string(), ends: Some((x, y)) }
}

/// [`compare`] for two figures: in the currency they are both stated in when they share one
/// and the tolerance is relative (two outlets relaying one €114bn figure agree, whatever the
/// dollar rate on each one's date), else in the base currency. The comparison says which.
pub fn compare_vals(
    a: Val<'_>,
    b: Val<'_>,
    tol: &Tolerance,
    hedged: &Tolerance,
    base: Option<&str>,
    absolute_in_base: &dyn Fn(&Tolerance) -> Option<Decimal>,
) -> Comparison {
    let hedged = (a.hedged || b.hedged).then_some(hedged);
    let t = effective(tol, hedged, absolute_in_base);
    let relative = matches!(t, Tolerance::Relative(_));
    let c = match a.shared(&b) {
        Some((currency, ia, ib)) if relative && Some(currency) != base => {
            let mut c = compare(ia, ib, tol, hedged, absolute_in_base);
            if !c.apart.is_empty() {
                c.apart = format!("{} in {currency}", c.apart);
            }
            c
        }
        _ => compare(a.interval, b.interval, tol, hedged, absolute_in_base),
    };
    if a.kind == Kind::Percent {
        c.in_points(t)
    } else {
        c
    }
}

/// Is |x−y| within the tolerance?
pub fn within(
    x: Decimal,
    y: Decimal,
    t: &Tolerance,
    absolute_in_base: &dyn Fn(&Tolerance) -> Option<Decimal>,
) -> bool {
    match t {
        Tolerance::Relative(r) => {
            crate::normalize::relative_difference(x, y).is_none_or(|d| d <= *r)
        }
        Tolerance::Absolute { .. } => {
            absolute_in_base(t).is_none_or(|amount| (x - y).abs() <= amount)
        }
    }
}

/// The larger of the tolerance and the hedged allowance (when both are relative, or both
/// absolute); the hedged one otherwise.
fn effective<'a>(
    tol: &'a Tolerance,
    hedged: Option<&'a Tolerance>,
    abs: &dyn Fn(&Tolerance) -> Option<Decimal>,
) -> &'a Tolerance {
    match hedged {
        None => tol,
        Some(h) => match (tol, h) {
            (Tolerance::Relative(a), Tolerance::Relative(b)) => {
                if b > a {
                    h
                } else {
                    tol
                }
            }
            (Tolerance::Absolute { .. }, Tolerance::Absolute { .. }) => {
                if abs(h) > abs(tol) {
                    h
                } else {
                    tol
                }
            }
            _ => h,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn none(_: &Tolerance) -> Option<Decimal> {
        None
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {}", c.as_str());
            assert!(c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            for part in ["## What it checks", "## Why", "## Example"] {
                assert!(c.doc().contains(part), "{} lacks {part}", c.as_str());
            }
            assert_eq!(Code::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn relative_tolerance_on_nearest_ends() {
        let five = Tolerance::Relative(dec!(0.05));
        let a = Interval::point(dec!(67_059_200_000));
        let b = Interval::point(dec!(65_900_000_000));
        assert!(compare(&a, &b, &five, None, &none).agree);
        let c = Interval::point(dec!(500_000_000_000));
        let d = Interval::point(dec!(119_800_000_000));
        let cmp = compare(&c, &d, &five, None, &none);
        assert!(!cmp.agree);
        assert_eq!(cmp.apart, "4.2× apart");
        assert_eq!(cmp.tolerance, "5%");
    }

    #[test]
    fn percentages_are_compared_in_points() {
        fn val(iv: &Interval) -> Val<'_> {
            Val { interval: iv, hedged: false, kind: Kind::Percent, own: None }
        }
        let (a, b) = (Interval::point(dec!(9.2)), Interval::point(dec!(50)));
        let points = |t: &Tolerance| match t {
            Tolerance::Absolute { amount, currency: None } => Some(*amount),
            _ => None,
        };
        let one_point = Tolerance::Absolute { amount: dec!(1), currency: None };
        let c = compare_vals(val(&a), val(&b), &one_point, &one_point, None, &points);
        assert!(!c.agree);
        assert_eq!((c.apart.as_str(), c.tolerance.as_str()), ("40.8 points apart", "1 point"));
        let five = Tolerance::Relative(dec!(0.05));
        let c = compare_vals(val(&a), val(&b), &five, &five, None, &none);
        assert_eq!(c.apart, "40.8 points (5.4× apart)");
    }

    #[test]
    fn two_ranges_that_do_not_overlap_disagree_whatever_the_tolerance() {
        let five = Tolerance::Relative(dec!(0.05));
        let air = Interval::new(Some(dec!(20e9)), Some(dec!(30e9)));
        let rms = Interval::new(Some(dec!(31e9)), Some(dec!(44e9)));
        assert!(!compare(&air, &rms, &five, None, &none).agree);
        // A point 3% from a range's end still agrees: it has no width of its own.
        assert!(compare(&air, &Interval::point(dec!(31e9)), &five, None, &none).agree);
    }

    #[test]
    fn hedged_figures_get_the_larger_allowance() {
        let five = Tolerance::Relative(dec!(0.05));
        let ten = Tolerance::Relative(dec!(0.10));
        let a = Interval::point(dec!(100));
        let b = Interval::point(dec!(108));
        assert!(!compare(&a, &b, &five, None, &none).agree);
        assert!(compare(&a, &b, &five, Some(&ten), &none).agree);
    }

    #[test]
    fn overlapping_intervals_agree_and_vague_ones_bound() {
        let five = Tolerance::Relative(dec!(0.05));
        let hundreds_of_billions = Interval::new(Some(dec!(200e9)), Some(dec!(1000e9)));
        assert!(
            compare(&hundreds_of_billions, &Interval::point(dec!(500e9)), &five, None, &none).agree
        );
        let c = compare(&hundreds_of_billions, &Interval::point(dec!(119.8e9)), &five, None, &none);
        assert!(!c.agree);
        assert_eq!(c.apart, "1.7× apart");
    }
}

/// A finding before it is dressed for reports: claims are indices into the run's claims.
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub code: Code,
    pub severity: crate::finding::Severity,
    pub message: String,
    /// The `[[rule]]` or `[[metric]]` id (or `fx` for the built-in check).
    pub rule: String,
    pub rule_location: Option<String>,
    pub metrics: Vec<String>,
    pub claims: Vec<usize>,
    /// The two (or more) sides of a disagreement, each with its figure, originators and
    /// claims; empty for findings that are not one figure against another.
    pub sides: Vec<Side>,
}

/// One side of a finding: figures that agree with each other, and who gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// As messages show it: `$500bn`, `$4bn–$4.2bn`.
    pub figure: String,
    /// Who the sentences say gives it, normalized (`Kiel Institute`).
    pub originators: Vec<String>,
    /// Indices of its sources in the run.
    pub sources: Vec<usize>,
    /// Its claims, indices into the run's claims.
    pub claims: Vec<usize>,
}

/// What the rule kinds read.
pub struct Ctx<'a> {
    pub rules: &'a crate::config::Rules,
    /// Per metric (same order as `rules.metrics`), its groups of figures.
    pub groups: Vec<Vec<Group>>,
    /// Short source names for messages.
    pub source_names: &'a [String],
    /// Converts an absolute tolerance into the base currency.
    pub abs: &'a dyn Fn(&Tolerance) -> Option<Decimal>,
}

impl Ctx<'_> {
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.rules.metrics.iter().position(|m| m.id == id)
    }

    /// `$500bn (AFP)`
    pub fn labelled(&self, g: &Group) -> String {
        format!("{} ({})", g.show(), self.source_names[g.source])
    }

    /// `$500bn (AFP; FT)`
    pub fn labelled_in(&self, g: &Group, sources: &[usize]) -> String {
        let names: Vec<&str> = sources.iter().map(|&s| self.source_names[s].as_str()).collect();
        format!("{} ({})", g.show(), names.join("; "))
    }

    pub fn hedged(&self) -> &Tolerance {
        &self.rules.tolerance.hedged
    }

    /// A group with the sources that state it, as one side of a finding.
    pub fn side(&self, g: &Group, sources: &[usize]) -> Side {
        Side {
            figure: g.show(),
            originators: originators(&g.originators),
            sources: sources.to_vec(),
            claims: g.members.clone(),
        }
    }
}

/// Whether each `[[rule]]` was evaluated, in rules.toml's order: `(id, kind, evaluated,
/// notes)`, the notes saying why a rule was not run, or for which sources not. A rule that
/// silently did nothing looked like a pass.
pub fn rule_coverage(ctx: &Ctx<'_>) -> Vec<(String, &'static str, bool, Vec<String>)> {
    let empty = |id: &str| ctx.metric_index(id).is_some_and(|m| ctx.groups[m].is_empty());
    ctx.rules
        .relations
        .iter()
        .map(|r| {
            let (evaluated, notes) = match &r.kind {
                crate::config::RelationKind::Agree { left, right }
                | crate::config::RelationKind::AtMost { left, right } => {
                    let notes: Vec<String> = [left, right]
                        .into_iter()
                        .filter(|m| empty(m))
                        .map(|m| format!("`{m}` has no claims"))
                        .collect();
                    (notes.is_empty(), notes)
                }
                crate::config::RelationKind::Sum { parts, total } => {
                    sum::coverage(ctx, r, parts, total).unwrap_or((true, Vec::new()))
                }
            };
            (r.id.clone(), r.kind.as_str(), evaluated, notes)
        })
        .collect()
}

/// Runs every rule kind; findings come back in a deterministic order.
pub fn evaluate(ctx: &Ctx<'_>) -> Vec<RawFinding> {
    let mut out = conflicts(ctx);
    for r in &ctx.rules.relations {
        match &r.kind {
            crate::config::RelationKind::Agree { left, right } => {
                out.extend(agree_violations(ctx, r, left, right))
            }
            crate::config::RelationKind::AtMost { left, right } => {
                out.extend(at_most_violations(ctx, r, left, right))
            }
            crate::config::RelationKind::Sum { parts, total } => {
                out.extend(sum_mismatches(ctx, r, parts, total))
            }
        }
    }
    out
}
