//! Example-based tests of the extractor's grammar: one case per form the extraction issue
//! lists, written for this project (the public benchmark stays outside the repository).
//! Each case is `text → [(surface text, kind, value | low..high, currency, hedge)]`.

use rust_decimal::Decimal;

use super::{extract, CurrencyCue, Hedge, Kind};

/// A claim reduced to what a reader checks: surface text, kind, figure, currency, hedge.
fn read(text: &str) -> Vec<String> {
    extract(text)
        .into_iter()
        .map(|c| {
            let figure = match (c.value, c.low, c.high) {
                (Some(v), None, None) => v.normalize().to_string(),
                (v, lo, hi) => format!(
                    "{}[{}..{}]",
                    v.map(|v| v.normalize().to_string()).unwrap_or_default(),
                    lo.map(|v| v.normalize().to_string()).unwrap_or_default(),
                    hi.map(|v| v.normalize().to_string()).unwrap_or_default()
                ),
            };
            let currency = match c.currency {
                Some(CurrencyCue::Iso(code)) => code.to_string(),
                Some(CurrencyCue::Dollar) => "$".into(),
                Some(CurrencyCue::Unknown) => "?".into(),
                None => String::new(),
            };
            let hedge = c.hedge.map(Hedge::as_str).unwrap_or("");
            format!("{}|{}|{figure}|{currency}|{hedge}", &text[c.start..c.end], c.kind.as_str())
                .trim_end_matches('|')
                .to_string()
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = read(text);
        if got != *want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn digits_separators_and_brackets() {
    check(&[
        ("The index stood at 1,234.5 on Friday.", &["1,234.5|number|1234.5"]),
        ("Aid totalled $39,680,737,878 in all.", &["$39,680,737,878|money|39680737878|$"]),
        // Brackets around an amount are an aside in news text, not a negative.
        ("The bill (\u{a3}3m) passed.", &["\u{a3}3m|money|3000000|GBP"]),
        (
            "It cost \u{20ac}10bn ($11bn).",
            &["\u{20ac}10bn|money|10000000000|EUR", "$11bn|money|11000000000|$"],
        ),
        // ... except in accounting notation: the brackets alone after a copula or a colon.
        ("Net income was ($4.2m) last year.", &["($4.2m)|money|-4200000|$"]),
        ("Operating result: (\u{20ac}15,000)", &["(\u{20ac}15,000)|money|-15000|EUR"]),
        ("The loss was (about $4m).", &["about $4m|money|4000000|$|approximate"]),
    ]);
}

#[test]
fn side_by_side_numerals() {
    check(&[
        // A space-grouped figure with a digit lost: which figure is meant cannot be told.
        ("It sold for 312 45 euros.", &[]),
        // Not a group: two figures.
        (
            "Type 512 1000 or 512 2 thousand.",
            &["512|number|512", "1000|number|1000", "512|number|512", "2 thousand|number|2000"],
        ),
        ("He paid 20 20 euro notes.", &["20|number|20", "20 euro|money|20|EUR"]),
        ("Scores were 12 15 18.", &["12|number|12", "15|number|15", "18|number|18"]),
        ("In 2019 23 people left.", &["2019|count|2019", "23|count|23"]),
    ]);
}

#[test]
fn magnitudes_glued_or_spaced_with_every_currency_cue() {
    check(&[
        ("The US wants $500bn.", &["$500bn|money|500000000000|$"]),
        ("It costs $5.2 billion.", &["$5.2 billion|money|5200000000|$"]),
        ("It costs USD 5.2bn.", &["USD 5.2bn|money|5200000000|USD"]),
        ("It costs 5.2bn euros.", &["5.2bn euros|money|5200000000|EUR"]),
        ("It costs \u{20ac}64bn.", &["\u{20ac}64bn|money|64000000000|EUR"]),
        ("It costs EUR5.2bn.", &["EUR5.2bn|money|5200000000|EUR"]),
        ("It costs US$4.7 billion.", &["US$4.7 billion|money|4700000000|USD"]),
        ("It costs A$2m.", &["A$2m|money|2000000|AUD"]),
        ("It costs C$3 million.", &["C$3 million|money|3000000|CAD"]),
        ("It costs HK$10bn.", &["HK$10bn|money|10000000000|HKD"]),
        ("It costs 3 tn yen.", &["3 tn yen|money|3000000000000|JPY"]),
        ("It costs 2 crore rupees.", &["2 crore rupees|money|20000000|INR"]),
    ]);
}

#[test]
fn number_words_and_fractions() {
    check(&[
        ("Two people came.", &["Two|count|2"]),
        ("It took forty-five days.", &["forty-five|count|45"]),
        ("one and a half million people", &["one and a half million|count|1500000"]),
        (
            "a price of half a trillion {dollars}",
            &["half a trillion {dollars}|money|500000000000|$"],
        ),
        ("a quarter of a billion dollars", &["a quarter of a billion dollars|money|250000000|$"]),
        ("two dozen eggs", &["two dozen|count|24"]),
        (
            "a third of a trillion euros",
            &["a third of a trillion euros|money|333333333333.3333333333333333|EUR"],
        ),
        ("a third of the budget", &["a third|number|0.3333333333333333333333333333"]),
        // A currency the text cannot pin down (which penny?) has no ISO code.
        ("Oh look, a penny!", &["a penny|money|0.01|?"]),
        // A fraction only when it is one: `2000 over 3` is a year-like count and a bound.
        ("1 over 3", &["1 over 3|number|0.3333333333333333333333333333"]),
        ("two out of three voters", &["two out of three|count|0.6666666666666666666666666667"]),
    ]);
    let got = read("five out of three pieces");
    assert!(!got.iter().any(|c| c.contains("1.66")), "{got:?}");
    let got = read("2000 over 3");
    assert!(!got.iter().any(|c| c.contains("666")), "{got:?}");
}

#[test]
fn vague_amounts_are_documented_intervals() {
    check(&[
        (
            "hundreds of billions of dollars",
            &["hundreds of billions of dollars|money|[200000000000..1000000000000]|$|vague"],
        ),
        ("tens of billions", &["tens of billions|number|[20000000000..100000000000]||vague"]),
        ("dozens of people came", &["dozens|number|[24..144]||vague"]),
    ]);
}

#[test]
fn hedges_and_bounds() {
    check(&[
        // "about" flags the figure; the allowance comes from `[tolerance] hedged` when comparing.
        ("It cost about $5bn.", &["about $5bn|money|5000000000|$|approximate"]),
        ("It cost more than $5bn.", &["more than $5bn|money|5000000000[5000000000..]|$|at-least"]),
        ("It cost up to $5bn.", &["up to $5bn|money|5000000000[..5000000000]|$|at-most"]),
    ]);
}

#[test]
fn ranges_share_magnitude_and_currency() {
    check(&[
        (
            "between $119 billion and $183 billion",
            &["between $119 billion and $183 billion|money|[119000000000..183000000000]|$|range"],
        ),
        ("$300bn-$350bn", &["$300bn-$350bn|money|[300000000000..350000000000]|$|range"]),
        ("$300-350 billion", &["$300-350 billion|money|[300000000000..350000000000]|$|range"]),
        ("from 5% to 7%", &["from 5% to 7%|percent|[5..7]||range"]),
        ("5-7%", &["5-7%|percent|[5..7]||range"]),
    ]);
}

#[test]
fn percentages_and_points() {
    check(&[
        ("It rose 50%.", &["50%|percent|50"]),
        ("round 50 per cent of it", &["round 50 per cent|percent|50||approximate"]),
        ("one hundred percent", &["one hundred percent|percent|100"]),
    ]);
    let points = extract("Rates rose 2 percentage points.");
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].unit.as_deref(), Some("points"));
}

#[test]
fn currency_abbreviations_with_a_point_do_not_end_the_sentence() {
    check(&[("It costs Rs. 20 now.", &["Rs. 20|money|20|INR"])]);
}

#[test]
fn inline_conversions_are_two_linked_claims() {
    let text = "114.2 billion euros ($119.8 billion) in aid";
    let claims = extract(text);
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0].value, Some(Decimal::new(1142, 1) * Decimal::from(1_000_000_000u64)));
    assert_eq!(claims[1].restates, Some(0));
    assert_eq!(claims[1].kind, Kind::Money);
}

#[test]
fn attribution() {
    let who = |t: &str| extract(t).first().and_then(|c| c.attributed_to.clone());
    assert_eq!(
        who("Aid reached $5bn, according to the Kiel Institute.").as_deref(),
        Some("Kiel Institute")
    );
    assert_eq!(who("Trump said the US gave $350bn.").as_deref(), Some("Trump"));
    assert_eq!(who("The US gave $350bn, said Trump.").as_deref(), Some("Trump"));
}

/// Sentences whose words hold no attribution cue skip the attribution pass; one with a
/// cue only inside a URL (which the scanner skips) must not, nor one with a cue in capitals.
#[test]
fn attribution_cues_are_found_wherever_attribution_looks() {
    for text in [
        "It cost $5m, see https://example.org/said Reuters.",
        "It cost $5m, SAID Reuters.",
        "ACCORDING TO the IMF, it cost $5m.",
        "It cost $5m, mail desk@said.org today.",
        "It cost $5m in total.",
    ] {
        let gated: Vec<_> = extract(text).into_iter().map(|c| c.attributed_to).collect();
        let full: Vec<_> =
            super::extract_unfiltered(text).into_iter().map(|c| c.attributed_to).collect();
        assert_eq!(gated, full, "{text}");
    }
    let who = |t: &str| extract(t).first().and_then(|c| c.attributed_to.clone());
    assert_eq!(who("ACCORDING TO the IMF, it cost $5m.").as_deref(), Some("IMF"));
    // A URL's host before a path segment `said` is no speaker, gated or not.
    let url = who("It cost $5m, see https://example.org/said Reuters.");
    assert_eq!(url.as_deref(), None);
}

#[test]
fn not_claims() {
    for text in [
        "On February 7, 2025 they met.",
        "See you on January 20.",
        "We met at 10:30.",
        "He came 3rd.",
        "Covid-19 spread.",
        "The G7 met.",
        "F-16 jets flew.",
        "The S&P 500 rose.",
    ] {
        // Years are kept as counts with unit `year` (shown, never linked); nothing else.
        let got: Vec<String> = read(text).into_iter().filter(|c| !c.contains("|count|")).collect();
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
}

/// Every string of letters and spaces up to 17 bytes (so runs of spaces cross the eight-byte
/// steps of the fast path at every offset), and each with a tab or a no-break space in it.
#[test]
fn whitespace_collapses_across_eight_byte_steps() {
    for len in 0..=17 {
        for bits in 0u32..1 << len {
            let s: String = (0..len).map(|k| if bits >> k & 1 == 1 { ' ' } else { 'a' }).collect();
            let slow = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(super::collapse_whitespace(&s), slow, "{s:?}");
            if bits % 61 == 0 {
                for odd in ["\t", "\u{a0}", "é"] {
                    let t = format!("{}{odd}{}", &s[..len / 2], &s[len / 2..]);
                    let slow = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(super::collapse_whitespace(&t), slow, "{t:?}");
                }
            }
        }
    }
}

#[test]
fn hard_wrapped_figures_read_as_on_one_line() {
    let got: Vec<String> = [
        "The U.S. had provided $65.9\n billion in military aid.",
        "The United States gave 114.2 billion\neuros in aid.",
        "We are spending hundreds of\nbillions of dollars on it.",
        "Russia's nearly three-\nyear invasion cost $5bn.",
    ]
    .iter()
    .flat_map(|t| read(t))
    .map(|s| s.replace('\n', "⏎"))
    .collect();
    assert_eq!(
        got,
        vec![
            "$65.9⏎ billion|money|65900000000|$",
            "114.2 billion⏎euros|money|114200000000|EUR",
            "hundreds of⏎billions of dollars|money|[200000000000..1000000000000]|$|vague",
            "nearly three|count|3||approximate",
            "$5bn|money|5000000000|$",
        ]
    );
}
