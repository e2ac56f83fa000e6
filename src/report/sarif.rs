//! `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, VS Code's SARIF viewer).
//!
//! One result per finding, located at every claim it involves (file:line:column, the claim's
//! exact text as the snippet), with the rule's definition in rules.toml as a related location.
//! `partialFingerprints["crosscheck/v1"]` is our content fingerprint, so code scanning tracks
//! a finding across edits the same way `--baseline` does; `baselineState` says new/unchanged.
//!
//! Columns are Unicode code points (`columnKind`), as crosscheck counts them; claim offsets
//! are bytes, so they go in `byteOffset`/`byteLength` rather than the UTF-16 `charOffset`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::evaluate::Code;
use crate::finding::{BaselineState, ClaimReport, Finding, Report, Severity};
use crate::text::collapse_whitespace;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key code scanning stores our fingerprint under; the `v1` follows the algorithm's
/// version (docs/baseline.md).
const FINGERPRINT_KEY: &str = "crosscheck/v1";

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report))?;
    out.write_all(b"\n")
}

/// The SARIF log as a JSON value (tests validate it against the 2.1.0 schema).
pub fn to_value(report: &Report) -> Value {
    // One rule per code that occurs, in code order; its default level is the most severe
    // level it was reported at.
    let mut rules: BTreeMap<&str, Severity> = BTreeMap::new();
    for f in &report.findings {
        let level = rules.entry(&f.code).or_insert(f.severity);
        *level = (*level).max(f.severity);
    }
    let rule_index: BTreeMap<&str, usize> =
        rules.keys().enumerate().map(|(i, c)| (*c, i)).collect();

    let rules: Vec<Value> = rules
        .iter()
        .map(|(code, severity)| {
            let (short, full) = match Code::parse(code) {
                Some(c) => (c.title().to_string(), c.summary()),
                // A code this build does not know (a baseline from a newer one): say so.
                None => ("crosscheck finding".to_string(), "See the message for the arithmetic.".to_string()),
            };
            json!({
                "id": code,
                "name": pascal_case(code),
                "shortDescription": { "text": short },
                "fullDescription": { "text": full },
                "help": { "text": format!("{full}\n\nAccept a reviewed finding with `crosscheck baseline`; see docs/baseline.md.") },
                "defaultConfiguration": { "level": level(*severity) },
            })
        })
        .collect();

    let results: Vec<Value> =
        report.findings.iter().map(|f| result(f, rule_index[f.code.as_str()])).collect();

    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": information_uri(),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// Locations listed per side of a finding, and per finding without sides.
const LOCATIONS_PER_SIDE: usize = 5;
const LOCATIONS_PER_RESULT: usize = 10;

fn result(f: &Finding, rule_index: usize) -> Value {
    // A few claims of each side (all claims when there are no sides, up to the same cap):
    // a figure syndicated by hundreds of outlets is not hundreds of locations per result.
    let shown: Vec<usize> = if f.sides.is_empty() {
        (0..f.claims.len().min(LOCATIONS_PER_RESULT)).collect()
    } else {
        let mut k: Vec<usize> = f
            .sides
            .iter()
            .flat_map(|s| s.claims.iter().copied().take(LOCATIONS_PER_SIDE))
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let locations: Vec<Value> =
        shown.iter().filter_map(|&i| f.claims.get(i)).map(location).collect();
    let mut result = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": locations,
        "partialFingerprints": { FINGERPRINT_KEY: f.fingerprint },
        "baselineState": match f.baseline {
            BaselineState::New => "new",
            BaselineState::Known => "unchanged",
        },
        "properties": {
            "rule": f.rule,
            "metrics": f.metrics,
        },
    });
    if let Some(related) = f.rule_location.as_deref().and_then(|at| rule_location(&f.rule, at)) {
        result["relatedLocations"] = json!([related]);
    }
    result
}

fn location(c: &ClaimReport) -> Value {
    let (end_line, end_column) = end_of(c);
    let mut said = format!("“{}”", collapse_whitespace(&c.text));
    if let Some(who) = &c.attributed_to {
        said.push_str(&format!(" ({who})"));
    }
    if let Some(n) = &c.normalized {
        said.push_str(&format!(": {}", n.display));
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri_path(&c.source) },
            "region": {
                "startLine": c.line.max(1),
                "startColumn": c.column.max(1),
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": c.start,
                "byteLength": c.end.saturating_sub(c.start),
                "snippet": { "text": c.text },
            }
        },
        "message": { "text": said },
    })
}

/// Where the claim ends: SARIF's end column is the column just past the last character.
fn end_of(c: &ClaimReport) -> (usize, usize) {
    let line = c.line.max(1);
    let column = c.column.max(1);
    match c.text.rfind('\n') {
        None => (line, column + c.text.chars().count()),
        Some(i) => (line + c.text.matches('\n').count(), c.text[i + 1..].chars().count() + 1),
    }
}

/// `rules.toml:48:1` → a related location "rule X defined here".
fn rule_location(rule: &str, at: &str) -> Option<Value> {
    let mut parts = at.rsplitn(3, ':');
    let column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?;
    Some(json!({
        "id": 0,
        "physicalLocation": {
            "artifactLocation": { "uri": uri_path(file) },
            "region": { "startLine": line.max(1), "startColumn": column.max(1) },
        },
        "message": { "text": format!("rule `{rule}` is defined here") },
    }))
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn information_uri() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => "https://crates.io/crates/crosscheck",
        repo => repo,
    }
}

/// A source id as a relative URI reference: `/` kept, everything outside RFC 3986's path
/// characters percent-encoded (a space in a file name must not make the URI invalid).
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|c| c.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered() -> String {
        crate::report::rendered(&sample_report(), crate::report::Format::Sarif)
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(rendered());
    }

    /// The official OASIS schema, vendored from the `serde-sarif` 0.8.0 crate's copy
    /// (`$id` …/Schemata/sarif-schema-2.1.0.json, title "… Version 2.1.0 JSON Schema").
    #[test]
    fn validates_against_the_sarif_2_1_0_schema() {
        let schema: Value = serde_json::from_str(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sarif-schema-2.1.0.json"
        )))
        .unwrap();
        assert!(schema["title"].as_str().unwrap().contains("2.1.0"));
        let validator = jsonschema::validator_for(&schema).unwrap();

        let mut reports = vec![sample_report()];
        let mut empty = sample_report();
        empty.findings.clear();
        reports.push(empty);
        let mut odd = sample_report();
        odd.findings[0].claims[0].source = "seeds/with space ü.txt".into();
        odd.findings[0].claims[0].text = "$500\nbillion".into();
        odd.findings[0].rule_location = Some("not a location".into());
        odd.findings[1].code = "future-code".into();
        reports.push(odd);

        for report in &reports {
            let log: Value = serde_json::from_str(&{
                let mut out = Vec::new();
                render(report, &mut out).unwrap();
                String::from_utf8(out).unwrap()
            })
            .unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&log)
                .map(|e| format!("{} at {}", e, e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{errors:#?}");
        }
    }

    #[test]
    fn results_carry_locations_fingerprints_and_baseline_state() {
        let log = to_value(&sample_report());
        let run = &log["runs"][0];
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        for r in results {
            let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
            assert_eq!(rule["id"], r["ruleId"]);
        }
        assert_eq!(results[1]["baselineState"], "unchanged");
        assert_eq!(results[2]["level"], "note");
        let region = &results[0]["locations"][1]["physicalLocation"]["region"];
        // "114.2 billion euros ($119.8 billion)" at 9:40, 36 characters.
        assert_eq!(region["startLine"], 9);
        assert_eq!(region["endColumn"], 76);
        assert_eq!(region["byteLength"], 36);
        assert_eq!(
            results[0]["partialFingerprints"]["crosscheck/v1"],
            sample_report().findings[0].fingerprint.as_str()
        );
    }

    #[test]
    fn multi_line_claims_end_on_their_last_line() {
        let mut c = sample_report().findings[0].claims[0].clone();
        c.line = 3;
        c.column = 58;
        c.text = "$500\n  billion".into();
        assert_eq!(end_of(&c), (4, 10));
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_path("seeds/a b#1ü.txt"), "seeds/a%20b%231%C3%BC.txt");
    }
}
