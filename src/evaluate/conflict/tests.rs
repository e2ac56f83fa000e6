//! The comparison model's promises, on figures built by hand.

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
    let ctx =
        Ctx { rules: &rules, groups: vec![group(&figs(list))], source_names: &names, abs: &abs };
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
    let got = findings(&[(0, 100, None, None, Some("Kiel")), (1, 350, None, None, Some("Trump"))]);
    assert_eq!(got, vec![(Code::OriginatorsDisagree, vec![vec![0], vec![1]])]);
    // "officials" name nobody in particular.
    let got =
        findings(&[(0, 100, None, None, Some("officials")), (1, 350, None, None, Some("Trump"))]);
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
    let ctx = Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
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
    let ctx = Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
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
    let ctx = Ctx { rules: &rules, groups: vec![group(&figs)], source_names: &names, abs: &abs };
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
