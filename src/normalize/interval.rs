//! Closed intervals of exact decimals, possibly open on either side.
//!
//! Every claim is an interval: `$5bn` is the point [5e9, 5e9], `more than $5bn` is [5e9, ∞),
//! `between $3bn and $4bn` is [3e9, 4e9]. Tolerances widen intervals, and two claims agree when
//! their widened intervals overlap. All arithmetic is exact `Decimal` arithmetic; the operations
//! that multiply or add return `None` only if a bound leaves `Decimal`'s range (about ±7.9e28),
//! rather than panicking.

use rust_decimal::Decimal;

/// A closed interval; `None` on a side means unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    /// The interval between two bounds, swapped if given in the wrong order.
    pub fn new(low: Option<Decimal>, high: Option<Decimal>) -> Interval {
        match (low, high) {
            (Some(l), Some(h)) if l > h => Interval { low: Some(h), high: Some(l) },
            _ => Interval { low, high },
        }
    }

    /// The single value `v`.
    pub fn point(v: Decimal) -> Interval {
        Interval { low: Some(v), high: Some(v) }
    }

    /// Both bounds multiplied by `factor`, exactly; a negative factor swaps the sides.
    pub fn scale(&self, factor: Decimal) -> Option<Interval> {
        let low = mul(self.low, factor)?;
        let high = mul(self.high, factor)?;
        Some(if factor.is_sign_negative() && !factor.is_zero() {
            Interval { low: high, high: low }
        } else {
            Interval { low, high }
        })
    }

    /// Widened by a relative `fraction` of each bound (0.05 for 5%): `low − |low|·f` and
    /// `high + |high|·f`, which for non-negative bounds is `low·(1−f)` and `high·(1+f)`.
    /// Open sides stay open.
    pub fn widen_relative(&self, fraction: Decimal) -> Option<Interval> {
        let f = fraction.abs();
        let low = match self.low {
            Some(l) => Some(l.checked_sub(l.abs().checked_mul(f)?)?),
            None => None,
        };
        let high = match self.high {
            Some(h) => Some(h.checked_add(h.abs().checked_mul(f)?)?),
            None => None,
        };
        Some(Interval { low, high })
    }

    /// Widened by `amount` on each side (`[low − a, high + a]`). Open sides stay open.
    pub fn widen_absolute(&self, amount: Decimal) -> Option<Interval> {
        let a = amount.abs();
        let low = match self.low {
            Some(l) => Some(l.checked_sub(a)?),
            None => None,
        };
        let high = match self.high {
            Some(h) => Some(h.checked_add(a)?),
            None => None,
        };
        Some(Interval { low, high })
    }

    /// Whether the two intervals share at least one value (bounds are inclusive).
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = matches!((self.high, other.low), (Some(h), Some(l)) if h < l);
        let above = matches!((self.low, other.high), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    /// Whether `v` lies in the interval (bounds are inclusive).
    pub fn contains(&self, v: Decimal) -> bool {
        self.low.is_none_or(|l| l <= v) && self.high.is_none_or(|h| v <= h)
    }

    /// The distance between two disjoint intervals; `None` when they overlap.
    pub fn gap(&self, other: &Interval) -> Option<Decimal> {
        if let (Some(h), Some(l)) = (self.high, other.low) {
            if h < l {
                return l.checked_sub(h);
            }
        }
        if let (Some(l), Some(h)) = (self.low, other.high) {
            if h < l {
                return l.checked_sub(h);
            }
        }
        None
    }

    /// The middle of a bounded interval; `None` if a side is open.
    pub fn midpoint(&self) -> Option<Decimal> {
        let (l, h) = (self.low?, self.high?);
        // (l + h) / 2 could overflow near the range limit where l + (h − l) / 2 does not.
        l.checked_add(h.checked_sub(l)? / Decimal::TWO)
    }
}

fn mul(bound: Option<Decimal>, factor: Decimal) -> Option<Option<Decimal>> {
    match bound {
        Some(b) => b.checked_mul(factor).map(Some),
        None => Some(None),
    }
}

/// `|a − b| / max(|a|, |b|)`: 0 for equal values, 1 when one is zero and the other not.
/// `None` only if `a − b` overflows.
pub fn relative_difference(a: Decimal, b: Decimal) -> Option<Decimal> {
    let largest = a.abs().max(b.abs());
    if largest.is_zero() {
        return Some(Decimal::ZERO);
    }
    a.checked_sub(b)?.abs().checked_div(largest)
}

/// How many times larger the larger magnitude is than the smaller (`ratio(500, 119.8)` ≈ 4.17,
/// "4.2× apart"). `None` when either is zero or the signs differ, where a ratio says nothing.
pub fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.is_zero() || b.is_zero() || a.is_sign_negative() != b.is_sign_negative() {
        return None;
    }
    let (a, b) = (a.abs(), b.abs());
    a.max(b).checked_div(a.min(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Decimal literal, without a proc-macro dependency.
    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn iv(l: &str, h: &str) -> Interval {
        Interval::new(Some(d(l)), Some(d(h)))
    }

    #[test]
    fn new_orders_bounds() {
        assert_eq!(iv("5", "3"), iv("3", "5"));
        assert_eq!(iv("3", "5").low, Some(d("3")));
    }

    #[test]
    fn point_has_equal_bounds() {
        let p = Interval::point(d("119.8"));
        assert_eq!(p.low, Some(d("119.8")));
        assert_eq!(p.high, Some(d("119.8")));
        assert!(p.contains(d("119.8")));
        assert!(!p.contains(d("119.81")));
    }

    #[test]
    fn scale_is_exact_and_flips_for_negative_factors() {
        let s = iv("114.2", "120").scale(d("1.0478")).unwrap();
        assert_eq!(s, iv("119.65876", "125.736"));
        let n = iv("1", "2").scale(d("-3")).unwrap();
        assert_eq!(n, iv("-6", "-3"));
        let open = Interval::new(Some(d("2")), None).scale(d("10")).unwrap();
        assert_eq!(open, Interval::new(Some(d("20")), None));
        assert_eq!(Interval::point(Decimal::MAX).scale(d("2")), None);
    }

    #[test]
    fn widen_relative_moves_each_bound_outwards() {
        assert_eq!(Interval::point(d("100")).widen_relative(d("0.05")).unwrap(), iv("95", "105"));
        // Negative bounds widen outwards too, not inwards.
        assert_eq!(iv("-10", "-5").widen_relative(d("0.1")).unwrap(), iv("-11", "-4.5"));
        let open = Interval::new(None, Some(d("10"))).widen_relative(d("0.1")).unwrap();
        assert_eq!(open, Interval::new(None, Some(d("11"))));
    }

    #[test]
    fn widen_absolute_adds_on_both_sides() {
        assert_eq!(iv("10", "20").widen_absolute(d("2.5")).unwrap(), iv("7.5", "22.5"));
        assert_eq!(
            Interval::new(Some(d("1")), None).widen_absolute(d("1")).unwrap(),
            Interval::new(Some(d("0")), None)
        );
    }

    #[test]
    fn overlaps_is_inclusive_and_handles_open_sides() {
        assert!(iv("1", "2").overlaps(&iv("2", "3")));
        assert!(!iv("1", "2").overlaps(&iv("2.01", "3")));
        assert!(!iv("2.01", "3").overlaps(&iv("1", "2")));
        let at_least_5 = Interval::new(Some(d("5")), None);
        assert!(at_least_5.overlaps(&iv("4", "6")));
        assert!(!at_least_5.overlaps(&iv("1", "4")));
        let at_most_5 = Interval::new(None, Some(d("5")));
        assert!(at_most_5.overlaps(&at_least_5));
        assert!(Interval::new(None, None).overlaps(&iv("1", "1")));
    }

    #[test]
    fn contains_checks_both_sides() {
        let r = iv("300", "350");
        assert!(r.contains(d("300")));
        assert!(r.contains(d("350")));
        assert!(!r.contains(d("299.99")));
        assert!(Interval::new(Some(d("1")), None).contains(d("100000000000000000000")));
        assert!(!Interval::new(None, Some(d("1"))).contains(d("1.5")));
    }

    #[test]
    fn gap_measures_disjoint_intervals_only() {
        assert_eq!(Interval::point(d("500")).gap(&Interval::point(d("119.8"))), Some(d("380.2")));
        assert_eq!(iv("1", "2").gap(&iv("5", "6")), Some(d("3")));
        assert_eq!(iv("5", "6").gap(&iv("1", "2")), Some(d("3")));
        assert_eq!(iv("1", "5").gap(&iv("5", "6")), None);
        assert_eq!(
            Interval::new(None, Some(d("1"))).gap(&Interval::new(Some(d("4")), None)),
            Some(d("3"))
        );
    }

    #[test]
    fn midpoint_of_bounded_intervals() {
        assert_eq!(iv("300", "350").midpoint(), Some(d("325")));
        assert_eq!(Interval::point(d("7")).midpoint(), Some(d("7")));
        assert_eq!(Interval::new(Some(d("1")), None).midpoint(), None);
        // Near the top of Decimal's range (l + h) would overflow; the midpoint does not.
        let near_max = Interval::new(Some(Decimal::MAX - d("10")), Some(Decimal::MAX));
        assert_eq!(near_max.midpoint(), Some(Decimal::MAX - d("5")));
    }

    #[test]
    fn relative_difference_is_relative_to_the_larger() {
        assert_eq!(relative_difference(d("100"), d("95")), Some(d("0.05")));
        assert_eq!(relative_difference(d("95"), d("100")), Some(d("0.05")));
        assert_eq!(relative_difference(d("0"), d("0")), Some(d("0")));
        assert_eq!(relative_difference(d("0"), d("3")), Some(d("1")));
        assert_eq!(relative_difference(d("-10"), d("10")), Some(d("2")));
    }

    #[test]
    fn ratio_is_larger_over_smaller() {
        assert_eq!(ratio(d("500"), d("125")), Some(d("4")));
        assert_eq!(ratio(d("125"), d("500")), Some(d("4")));
        assert_eq!(ratio(d("-2"), d("-6")), Some(d("3")));
        assert_eq!(ratio(d("0"), d("5")), None);
        assert_eq!(ratio(d("-2"), d("6")), None);
        let r = ratio(d("500"), d("119.8")).unwrap();
        assert_eq!(r.round_dp(1), d("4.2"));
    }
}
