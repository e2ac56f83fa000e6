//! What each finding code means, for SARIF rule descriptions and help text. A simple match for
//! now; it is meant to move next to the rule implementations in `evaluate/`.

/// Every finding code crosscheck emits.
pub const CODES: [&str; 9] = [
    "cross-source-conflict",
    "misquote",
    "originators-disagree",
    "revision",
    "within-source-conflict",
    "at-most-violated",
    "sum-mismatch",
    "agree-violated",
    "fx-inconsistent",
];

/// `(short, full)` description of a finding code. Unknown codes get a generic text rather
/// than a panic, so a renderer never fails on a code added elsewhere first.
pub fn code_help(code: &str) -> (&'static str, &'static str) {
    match code {
        "cross-source-conflict" => (
            "Sources disagree on a figure",
            "Claims from different sources about the same metric disagree by more than the \
             metric's tolerance: their intervals, widened by the tolerance and any hedge \
             allowance, do not overlap. At least one source is wrong, or the claims are not \
             about the same quantity and the metric's matchers need narrowing.",
        ),
        "misquote" => (
            "Outlets quote one originator differently",
            "Claims that the sources attribute to the same originator (an estimator, an \
             official, an institute) give figures that disagree by more than the metric's \
             tolerance: at least one outlet misquotes that originator.",
        ),
        "originators-disagree" => (
            "Originators of a figure disagree",
            "Claims attributed to different originators (two estimators, a politician and a \
             research body) disagree by more than the metric's tolerance. Often a difference \
             of scope, method or date rather than an error; the report shows who says what.",
        ),
        "revision" => (
            "An originator revised its figure",
            "On a metric that changes over time, a later figure from the same originator differs \
             from an earlier one: a revision, shown as information with both dates.",
        ),
        "within-source-conflict" => (
            "A source contradicts itself",
            "Two claims in the same source about the same metric disagree by more than the \
             metric's tolerance. Often a typo, a unit slip (million vs billion) or a figure \
             updated in one place and not another.",
        ),
        "at-most-violated" => (
            "A part exceeds its whole",
            "An `at-most` rule says one metric cannot exceed another (military aid is at most \
             total aid), and a claim about the part is larger than a claim about the whole, \
             beyond tolerance.",
        ),
        "sum-mismatch" => (
            "Parts do not add up to the total",
            "A `sum` rule says some metrics add up to a total, and the claimed parts, summed, \
             differ from the claimed total by more than the tolerance.",
        ),
        "agree-violated" => (
            "Two metrics that should match do not",
            "An `agree` rule says two metrics should be equal (a demand said to equal the aid \
             given), and claims about them differ by more than the tolerance.",
        ),
        "fx-inconsistent" => (
            "An inline conversion uses an unlikely rate",
            "A claim gives a figure in two currencies (`114.2 billion euros ($119.8 billion)`), \
             and the exchange rate it implies is off the reference rate for the source's date \
             by more than the tolerance. One of the two figures may be wrong or stale.",
        ),
        _ => (
            "crosscheck finding",
            "A finding reported by crosscheck; see the message for the arithmetic.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut shorts = HashSet::new();
        for code in CODES {
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{code}");
            let (short, full) = code_help(code);
            assert_ne!(short, code_help("no-such-code").0, "{code} has no help");
            assert!(full.len() > short.len(), "{code}");
            assert!(shorts.insert(short), "{code} shares its description");
        }
        assert_eq!(CODES.iter().collect::<HashSet<_>>().len(), CODES.len());
    }
}
