//! A finding's identity: the SHA-256 of a canonical string of its content (code, metrics,
//! claims' sources, texts and normalized figures), never of line numbers or messages, so
//! re-flowed text keeps every fingerprint (docs/baseline.md).

use std::str::FromStr;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::{ClaimReport, Finding};
use crate::text::collapse_whitespace;

/// First line of every canonical string; bump the `v1` (and the SARIF
/// `partialFingerprints` key) if the algorithm ever changes.
const FINGERPRINT_DOMAIN: &str = "crosscheck-fingerprint-v1";

/// Lower-case hex SHA-256 of [`canonical`]`(f)`.
pub fn fingerprint(f: &Finding) -> String {
    let digest = Sha256::digest(canonical(f).as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// The canonical string a fingerprint hashes (docs/baseline.md, "Fingerprints"):
///
/// ```text
/// crosscheck-fingerprint-v1\n
/// CODE\n
/// METRIC,METRIC\n                      (metric ids sorted, joined by ",")
/// SOURCE|KIND|TEXT|FIGURE|CURRENCY\n   (one line per claim, sorted by source, text, figure)
/// ```
///
/// `TEXT` is the claim's text with every run of whitespace collapsed to one space and trimmed.
/// `FIGURE` is the normalized value, or `LOW..HIGH` when there is no single value (a missing
/// bound is empty); each number is written in its shortest exact decimal form (`500000000000`,
/// not `500000000000.00`). Without a normalized figure the claim's own value/low/high and
/// currency are used. In every field `\` and `|` are escaped as `\\` and `\|`.
///
/// Line numbers, byte offsets, messages and severities are deliberately left out: they change
/// when text moves or wording is improved, and the finding stays the same.
pub fn canonical(f: &Finding) -> String {
    let mut metrics: Vec<&str> = f.metrics.iter().map(String::as_str).collect();
    metrics.sort_unstable();
    metrics.dedup();

    let mut claims: Vec<ClaimKey> = f.claims.iter().map(ClaimKey::of).collect();
    claims.sort();

    let mut s = String::new();
    s.push_str(FINGERPRINT_DOMAIN);
    s.push('\n');
    s.push_str(&escape_field(&f.code));
    s.push('\n');
    s.push_str(&metrics.join(","));
    s.push('\n');
    for c in &claims {
        let fields = [&c.source, &c.kind, &c.text, &c.figure, &c.currency];
        let line: Vec<String> = fields.iter().map(|x| escape_field(x)).collect();
        s.push_str(&line.join("|"));
        s.push('\n');
    }
    s
}

/// One claim's part of the canonical string. Field order is the sort order: source, text,
/// figure (then kind and currency, so the order is total).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct ClaimKey {
    source: String,
    text: String,
    figure: String,
    kind: String,
    currency: String,
}

impl ClaimKey {
    fn of(c: &ClaimReport) -> ClaimKey {
        let (value, low, high, currency) = match &c.normalized {
            Some(n) => (&n.value, &n.low, &n.high, &n.currency),
            None => (&c.value, &c.low, &c.high, &c.currency),
        };
        let figure = match value {
            Some(v) => canonical_number(v),
            None => format!(
                "{}..{}",
                low.as_deref().map(canonical_number).unwrap_or_default(),
                high.as_deref().map(canonical_number).unwrap_or_default()
            ),
        };
        ClaimKey {
            source: c.source.clone(),
            text: collapse_whitespace(&c.text),
            figure,
            kind: c.kind.clone(),
            currency: currency.clone().unwrap_or_default(),
        }
    }
}

/// `"500000000000.00"` and `"500000000000"` are the same figure; a string that is not a
/// decimal is kept as written rather than dropped.
fn canonical_number(s: &str) -> String {
    match Decimal::from_str(s.trim()) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => s.trim().to_string(),
    }
}

fn escape_field(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn finding() -> Finding {
        sample_report().findings[0].clone()
    }

    #[test]
    fn fingerprint_is_lower_hex_sha256() {
        let fp = fingerprint(&finding());
        assert_eq!(fp.len(), 64);
        assert!(fp.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }

    #[test]
    fn canonical_string_is_documented_form() {
        let mut f = finding();
        f.claims.truncate(1);
        f.claims[0].text = "$500  billion".into();
        let n = f.claims[0].normalized.as_mut().unwrap();
        n.value = Some("500000000000.00".into());
        assert_eq!(
            canonical(&f),
            "crosscheck-fingerprint-v1\n\
             agree-violated\n\
             us-aid-total,us-demand\n\
             seeds/afp.txt|money|$500 billion|500000000000|USD\n"
        );
    }

    #[test]
    fn fingerprint_survives_reflow_and_moves() {
        let f = finding();
        let mut moved = f.clone();
        for c in &mut moved.claims {
            c.line += 7;
            c.column += 3;
            c.start += 412;
            c.end += 415;
            c.text = c.text.replace(' ', "\n   ");
            c.sentence = format!("Moved paragraph. {}", c.sentence);
        }
        moved.claims.reverse();
        moved.metrics.reverse();
        moved.message = "reworded message".into();
        moved.severity = crate::finding::Severity::Warning;
        assert_eq!(fingerprint(&f), fingerprint(&moved));
    }

    #[test]
    fn fingerprint_changes_with_the_figure() {
        let f = finding();
        let mut changed = f.clone();
        changed.claims[1].normalized.as_mut().unwrap().value = Some("120800000000".into());
        assert_ne!(fingerprint(&f), fingerprint(&changed));

        let mut other_code = f.clone();
        other_code.code = "within-source-conflict".into();
        assert_ne!(fingerprint(&f), fingerprint(&other_code));
    }

    #[test]
    fn fingerprint_of_interval_uses_bounds() {
        let mut f = finding();
        let n = f.claims[0].normalized.as_mut().unwrap();
        n.value = None;
        n.low = Some("100000000000".into());
        n.high = None;
        assert!(canonical(&f).contains("|100000000000..|USD\n"));
        let before = fingerprint(&f);
        f.claims[0].normalized.as_mut().unwrap().high = Some("900000000000".into());
        assert_ne!(before, fingerprint(&f));
    }

    #[test]
    fn fingerprint_without_normalized_uses_raw_value() {
        let mut f = finding();
        f.claims[0].normalized = None;
        f.claims[0].value = Some("4".into());
        f.claims[0].currency = None;
        assert!(canonical(&f).contains("|$500 billion|4|\n"));
    }

    #[test]
    fn pipes_in_text_cannot_forge_fields() {
        let mut a = finding();
        a.claims.truncate(1);
        let mut b = a.clone();
        a.claims[0].text = "x|money".into();
        a.claims[0].kind = "y".into();
        b.claims[0].text = "x".into();
        b.claims[0].kind = "money|y".into();
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
