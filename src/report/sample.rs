//! The one fixed report every renderer is snapshot-tested on (ruff's `render/snapshots`): two
//! sources, two metrics, three findings (one known), one stale baseline entry. Figures are
//! the seeds' own.

use crate::finding::{
    BaselineState, ClaimReport, Finding, MetricReport, MetricStatus, NormalizedReport, Report,
    Severity, SourceInfo, StaleEntry, Summary, ToleranceReport, SCHEMA_VERSION,
};

struct C {
    source: &'static str,
    line: usize,
    column: usize,
    start: usize,
    text: &'static str,
    value: Option<&'static str>,
    low: Option<&'static str>,
    high: Option<&'static str>,
    currency: &'static str,
    hedge: Option<&'static str>,
    who: Option<&'static str>,
    sentence: &'static str,
    usd: (Option<&'static str>, Option<&'static str>, Option<&'static str>),
    rate: (&'static str, &'static str),
    display: &'static str,
    verdict: &'static str,
}

fn claim(c: C) -> ClaimReport {
    let s = |x: Option<&str>| x.map(str::to_string);
    ClaimReport {
        source: c.source.into(),
        line: c.line,
        column: c.column,
        start: c.start,
        end: c.start + c.text.len(),
        text: c.text.into(),
        kind: "money".into(),
        value: s(c.value),
        low: s(c.low),
        high: s(c.high),
        currency: Some(c.currency.into()),
        hedge: s(c.hedge),
        attributed_to: s(c.who),
        sentence: c.sentence.into(),
        normalized: Some(NormalizedReport {
            value: s(c.usd.0),
            low: s(c.usd.1),
            high: s(c.usd.2),
            currency: Some("USD".into()),
            rate: Some(c.rate.0.into()),
            rate_date: None,
            rate_source: Some(c.rate.1.into()),
            display: c.display.into(),
        }),
        linked_by: Vec::new(),
        verdict: Some(c.verdict.into()),
        unlinked_because: None,
    }
}

fn afp_demand() -> ClaimReport {
    claim(C {
        source: "seeds/afp.txt",
        line: 3,
        column: 58,
        start: 301,
        text: "$500 billion",
        value: Some("500000000000"),
        low: None,
        high: None,
        currency: "USD",
        hedge: None,
        who: Some("Trump"),
        sentence: "Trump has demanded $500 billion worth of rare earth minerals in return for \
                   US aid already given to Kyiv.",
        usd: (Some("500000000000"), None, None),
        rate: ("1", "identity"),
        display: "$500bn",
        verdict: "agree",
    })
}

fn ft_demand() -> ClaimReport {
    claim(C {
        source: "seeds/ft.txt",
        line: 5,
        column: 12,
        start: 512,
        text: "half a trillion {dollars}",
        value: Some("500000000000"),
        low: None,
        high: None,
        currency: "USD",
        hedge: None,
        who: None,
        sentence: "The deal would see Washington take a 'half a trillion {dollars}' price of \
                   Ukraine's sources, including uncommon earth & oil.",
        usd: (Some("500000000000"), None, None),
        rate: ("1", "identity"),
        display: "$500bn",
        verdict: "agree",
    })
}

fn afp_aid() -> ClaimReport {
    let mut c = claim(C {
        source: "seeds/afp.txt",
        line: 9,
        column: 40,
        start: 870,
        text: "114.2 billion euros ($119.8 billion)",
        value: Some("114200000000"),
        low: None,
        high: None,
        currency: "EUR",
        hedge: None,
        who: Some("the Kiel Institute"),
        sentence: "The United States has given 114.2 billion euros ($119.8 billion) in aid \
                   to Ukraine since 2022, according to the Kiel Institute.",
        usd: (Some("119800000000"), None, None),
        rate: ("1.0490367775831873905429071804", "inline"),
        display: "$119.8bn",
        verdict: "conflict",
    });
    c.normalized.as_mut().unwrap().rate_date = Some("2025-02-21".into());
    c
}

fn ft_aid() -> ClaimReport {
    claim(C {
        source: "seeds/ft.txt",
        line: 11,
        column: 27,
        start: 1204,
        text: "hundreds of billions of dollars",
        value: None,
        low: Some("200000000000"),
        high: Some("999000000000"),
        currency: "USD",
        hedge: Some("vague"),
        who: Some("Trump"),
        sentence: "Trump said the US had spent \"hundreds of billions of dollars\" on the \
                   war <and> wanted it back.",
        usd: (None, Some("200000000000"), Some("999000000000")),
        rate: ("1", "identity"),
        display: "$200bn–$999bn",
        verdict: "conflict",
    })
}

/// Sets the fingerprint the way the pipeline does, so snapshots show real ones.
fn fingerprinted(mut f: Finding) -> Finding {
    f.fingerprint = crate::finding::fingerprint::fingerprint(&f);
    f
}

fn ids(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|m| m.to_string()).collect()
}

pub(crate) fn sample_report() -> Report {
    let five_percent = || {
        Some(ToleranceReport {
            relative: Some("0.05".into()),
            absolute: None,
            display: "5%".into(),
        })
    };
    Report {
        schema_version: SCHEMA_VERSION,
        sources: vec![
            SourceInfo {
                id: "seeds/afp.txt".into(),
                path: "seeds/afp.txt".into(),
                name: Some("AFP via The Moscow Times".into()),
                published: Some("2025-02-22".into()),
                url: Some(
                    "https://www.themoscowtimes.com/2025/02/22/trump-ukraine-minerals-a88123"
                        .into(),
                ),
            },
            SourceInfo {
                id: "seeds/ft.txt".into(),
                path: "seeds/ft.txt".into(),
                name: Some("Financial Times (re-written copy)".into()),
                published: Some("2025-02-23".into()),
                url: None,
            },
        ],
        metrics: vec![
            MetricReport {
                id: "us-demand".into(),
                label: "US demand for Ukraine's resources".into(),
                kind: "money".into(),
                status: MetricStatus::Agree,
                claims: vec![afp_demand(), ft_demand()],
                tolerance: five_percent(),
            },
            MetricReport {
                id: "us-aid-total".into(),
                label: "Total US aid to Ukraine since 2022".into(),
                kind: "money".into(),
                status: MetricStatus::Conflict,
                claims: vec![afp_aid(), ft_aid()],
                tolerance: five_percent(),
            },
        ],
        findings: vec![
            fingerprinted(Finding {
                code: "agree-violated".into(),
                severity: Severity::Error,
                message: "$500bn vs $119.8bn: 4.2× apart, tolerance 5%".into(),
                fingerprint: String::new(),
                baseline: BaselineState::New,
                rule: "demand-equals-aid".into(),
                rule_location: Some("rules.toml:48:1".into()),
                metrics: ids(&["us-demand", "us-aid-total"]),
                claims: vec![afp_demand(), afp_aid()],
                sides: Vec::new(),
            }),
            fingerprinted(Finding {
                code: "cross-source-conflict".into(),
                severity: Severity::Error,
                message: "$200bn–$999bn vs $119.8bn: at least 1.67× apart, tolerance 5%".into(),
                fingerprint: String::new(),
                baseline: BaselineState::Known,
                rule: "us-aid-total".into(),
                rule_location: Some("rules.toml:21:1".into()),
                metrics: ids(&["us-aid-total"]),
                claims: vec![ft_aid(), afp_aid()],
                sides: Vec::new(),
            }),
            fingerprinted(Finding {
                code: "fx-inconsistent".into(),
                severity: Severity::Info,
                message: "114.2bn EUR → $119.8bn implies 1.0490 USD/EUR; ECB on 2025-02-21: \
                          1.0472 (0.17% off, tolerance 0.1%)"
                    .into(),
                fingerprint: String::new(),
                baseline: BaselineState::New,
                rule: "fx-inconsistent".into(),
                rule_location: None,
                metrics: ids(&["us-aid-total"]),
                claims: vec![afp_aid()],
                sides: Vec::new(),
            }),
        ],
        stale_baseline: vec![StaleEntry {
            fingerprint: "9b2e5c0f4a7d1e8b3c6f9a2d5e8b1c4f7a0d3e6b9c2f5a8d1e4b7c0f3a6d9e2b".into(),
            message: "$65.9bn + $53.9bn = $119.8bn vs $114.2bn: off by 4.9%, tolerance 2%".into(),
        }],
        unlinked: Vec::new(),
        rules: Vec::new(),
        stale_claims: Vec::new(),
        summary: Summary { sources: 2, claims: 14, linked: 4, findings: 3, new: 2 },
    }
}

/// `report` rendered in `format`, as a string: what each renderer's tests look at.
pub(crate) fn rendered(report: &Report, format: super::Format) -> String {
    let mut out = Vec::new();
    super::render(report, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_self_consistent() {
        let r = sample_report();
        for m in &r.metrics {
            for c in &m.claims {
                assert!(r.sources.iter().any(|s| s.id == c.source));
            }
        }
        let new = r.findings.iter().filter(|f| f.baseline == BaselineState::New).count();
        assert_eq!(r.summary.new, new);
        assert_eq!(r.summary.findings, r.findings.len());
    }
}
