//! Baselines: accepted findings, so CI fails only on *new* contradictions.
//!
//! A finding's identity is its content ([`fingerprint`]): rule code, metric ids, and for each
//! claim its source, kind, text and normalized figure. Never a line number or byte offset, so
//! re-flowing or moving a paragraph keeps a finding known; changing a figure makes it new.
//! Because a contradiction spans sources, gating is by this identity, not by changed lines.
//!
//! The baseline file is TOML meant for review (docs/baseline.md):
//!
//! ```toml
//! version = 1
//!
//! [[finding]]
//! fingerprint = "3f1c…"   # 64 lower-case hex digits
//! code = "cross-source-conflict"
//! message = "$500bn vs $119.8bn: 4.2× apart, tolerance 5%"
//! reason = "the demand is not an aid figure"   # optional
//! until = 2026-12-31                           # optional: stops suppressing after this day
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::finding::fingerprint::fingerprint;
use crate::finding::{BaselineState, Finding, Report, StaleEntry};
use crate::text::collapse_whitespace;

pub use crate::atomic::write_atomic;

/// The only baseline file version this build reads and writes.
pub const BASELINE_VERSION: i64 = 1;

/// A parsed baseline file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    pub entries: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// 64 lower-case hex digits.
    pub fingerprint: String,
    pub code: String,
    /// The finding's message when the baseline was written; for the reviewer and for stale
    /// reports, never matched on.
    pub message: String,
    pub reason: Option<String>,
    /// Last day this entry suppresses its finding; from the next day on the finding is new.
    pub until: Option<jiff::civil::Date>,
}

/// `file:line:column`, 1-based, columns in characters.
pub use crate::diag::Location;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BaselineError {
    /// Not TOML, an unknown key, a missing key or a value of the wrong type.
    #[error("{at}: {message}")]
    Toml { at: Location, message: String },
    #[error("{at}: missing `version = 1` at the top of the baseline")]
    MissingVersion { at: Location },
    #[error("{at}: baseline version {found} is not supported; this crosscheck reads version 1")]
    Version { at: Location, found: i64 },
    #[error(
        "{at}: fingerprint `{found}` is not 64 hex digits; regenerate the entry with `crosscheck baseline`"
    )]
    Fingerprint { at: Location, found: String },
    #[error("{at}: `until` must be a date such as 2026-12-31, without a time")]
    Until { at: Location },
    #[error("{at}: fingerprint {fingerprint} is listed twice (first at {first})")]
    Duplicate { at: Location, first: Location, fingerprint: String },
}

impl BaselineError {
    pub fn location(&self) -> &Location {
        match self {
            BaselineError::Toml { at, .. }
            | BaselineError::MissingVersion { at }
            | BaselineError::Version { at, .. }
            | BaselineError::Fingerprint { at, .. }
            | BaselineError::Until { at }
            | BaselineError::Duplicate { at, .. } => at,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseline {
    version: Option<Spanned<i64>>,
    #[serde(default)]
    finding: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    fingerprint: Spanned<String>,
    code: String,
    #[serde(default)]
    message: String,
    reason: Option<String>,
    until: Option<Spanned<toml::value::Datetime>>,
}

/// Parses a baseline file. `file` is only used to name locations in errors.
pub fn parse(file: &str, text: &str) -> Result<Baseline, BaselineError> {
    let at = |offset: usize| Location::at(file, text, offset);
    let raw: RawBaseline = toml::from_str(text).map_err(|e| BaselineError::Toml {
        at: at(e.span().map_or(0, |s| s.start)),
        message: e.message().trim_end().to_string(),
    })?;

    match raw.version {
        None => return Err(BaselineError::MissingVersion { at: at(0) }),
        Some(v) if *v.get_ref() != BASELINE_VERSION => {
            return Err(BaselineError::Version { at: at(v.span().start), found: *v.get_ref() })
        }
        Some(_) => {}
    }

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::with_capacity(raw.finding.len());
    for e in raw.finding {
        let fp_at = e.fingerprint.span().start;
        let fp = e.fingerprint.into_inner();
        if fp.len() != 64 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BaselineError::Fingerprint { at: at(fp_at), found: fp });
        }
        let fp = fp.to_ascii_lowercase();
        if let Some(&first) = seen.get(&fp) {
            return Err(BaselineError::Duplicate {
                at: at(fp_at),
                first: at(first),
                fingerprint: fp,
            });
        }
        seen.insert(fp.clone(), fp_at);

        let until = match e.until {
            None => None,
            Some(u) => Some(
                toml_date(u.get_ref()).ok_or(BaselineError::Until { at: at(u.span().start) })?,
            ),
        };
        entries.push(Entry {
            fingerprint: fp,
            code: e.code,
            message: e.message,
            reason: e.reason,
            until,
        });
    }
    Ok(Baseline { entries })
}

/// A TOML local date (`2026-12-31`); a time or offset is refused, since `until` is a day.
fn toml_date(d: &toml::value::Datetime) -> Option<jiff::civil::Date> {
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => {
            let year = i16::try_from(date.year).ok()?;
            jiff::civil::Date::new(year, date.month as i8, date.day as i8).ok()
        }
        _ => None,
    }
}

/// Marks each finding known or new and lists the entries that match no finding.
///
/// A finding is [`BaselineState::Known`] when an entry has its fingerprint and the entry's
/// `until`, if any, is not before `today`. An expired entry whose finding still occurs is not
/// stale: the finding is simply new again. `summary.findings` and `summary.new` are updated.
pub fn apply(report: &mut Report, baseline: &Baseline, today: jiff::civil::Date) {
    let by_fp: HashMap<&str, &Entry> =
        baseline.entries.iter().map(|e| (e.fingerprint.as_str(), e)).collect();
    let mut matched: HashSet<&str> = HashSet::new();
    for f in &mut report.findings {
        if f.fingerprint.is_empty() {
            f.fingerprint = fingerprint(f);
        }
        f.baseline = match by_fp.get_key_value(f.fingerprint.as_str()) {
            Some((&fp, entry)) => {
                matched.insert(fp);
                if entry.until.is_none_or(|until| until >= today) {
                    BaselineState::Known
                } else {
                    BaselineState::New
                }
            }
            None => BaselineState::New,
        };
    }
    report.stale_baseline = baseline
        .entries
        .iter()
        .filter(|e| !matched.contains(e.fingerprint.as_str()))
        .map(|e| StaleEntry { fingerprint: e.fingerprint.clone(), message: e.message.clone() })
        .collect();
    report.summary.findings = report.findings.len();
    report.summary.new =
        report.findings.iter().filter(|f| f.baseline == BaselineState::New).count();
}

/// A baseline accepting every finding of `report`: one entry per fingerprint, sorted by
/// fingerprint so regenerating it gives a minimal diff.
pub fn to_toml(report: &Report) -> String {
    to_toml_keeping(report, &Baseline::default())
}

/// Like [`to_toml`], but entries already in `previous` keep their `reason` and `until`, so
/// regenerating a baseline does not throw away what reviewers wrote.
pub fn to_toml_keeping(report: &Report, previous: &Baseline) -> String {
    let kept: HashMap<&str, &Entry> =
        previous.entries.iter().map(|e| (e.fingerprint.as_str(), e)).collect();
    let mut by_fp: BTreeMap<String, &Finding> = BTreeMap::new();
    for f in &report.findings {
        let fp = if f.fingerprint.is_empty() { fingerprint(f) } else { f.fingerprint.clone() };
        by_fp.entry(fp).or_insert(f);
    }

    let mut out = String::new();
    out.push_str(
        "# crosscheck baseline: accepted findings. Remove an entry to make its finding fail again.\n\
         # Written by `crosscheck baseline`; format in docs/baseline.md.\n\
         version = 1\n",
    );
    for (fp, f) in &by_fp {
        out.push_str("\n[[finding]]\n");
        out.push_str(&format!("fingerprint = {}\n", toml_string(fp)));
        out.push_str(&format!("code = {}\n", toml_string(&f.code)));
        out.push_str(&format!("message = {}\n", toml_string(&f.message)));
        for c in &f.claims {
            // Where the finding was seen, for the reviewer; not part of its identity.
            out.push_str(&format!(
                "# {}:{}:{} {}\n",
                comment_safe(&c.source),
                c.line,
                c.column,
                comment_safe(&format!("\"{}\"", collapse_whitespace(&c.text)))
            ));
        }
        let prev = kept.get(fp.as_str());
        match prev.and_then(|e| e.reason.as_deref()) {
            Some(reason) => out.push_str(&format!("reason = {}\n", toml_string(reason))),
            None => out.push_str("# reason = \"why this is accepted\"\n"),
        }
        match prev.and_then(|e| e.until) {
            Some(until) => out.push_str(&format!("until = {until}\n")),
            None => out.push_str("# until = 2026-12-31\n"),
        }
    }
    out
}

/// A TOML basic string with everything escaped that must be.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// TOML comments may not hold control characters other than tab.
fn comment_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{BaselineState, NormalizedReport};
    use crate::report::sample_report;
    use jiff::civil::date;

    fn finding() -> Finding {
        sample_report().findings[0].clone()
    }

    fn fp(c: char) -> String {
        c.to_string().repeat(64)
    }

    #[test]
    fn parses_entries_with_reason_and_until() {
        let text = format!(
            "# comment\nversion = 1\n\n[[finding]]\nfingerprint = \"{}\"\ncode = \"sum-mismatch\"\n\
             message = \"m\"\nreason = \"known rounding\"\nuntil = 2026-12-31\n\n\
             [[finding]]\nfingerprint = \"{}\"\ncode = \"agree-violated\"\n",
            fp('a'),
            fp('B')
        );
        let b = parse("baseline.toml", &text).unwrap();
        assert_eq!(
            b.entries,
            vec![
                Entry {
                    fingerprint: fp('a'),
                    code: "sum-mismatch".into(),
                    message: "m".into(),
                    reason: Some("known rounding".into()),
                    until: Some(date(2026, 12, 31)),
                },
                Entry {
                    fingerprint: fp('b'),
                    code: "agree-violated".into(),
                    message: String::new(),
                    reason: None,
                    until: None,
                },
            ]
        );
    }

    fn err(text: &str) -> String {
        parse("ci/baseline.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn parse_errors_name_file_line_column() {
        assert_eq!(
            err("version = 1\n\n[[finding]]\nfingerprint = \"abc\"\ncode = \"x\"\n"),
            "ci/baseline.toml:4:15: fingerprint `abc` is not 64 hex digits; \
             regenerate the entry with `crosscheck baseline`"
        );
        assert_eq!(
            err("\nversion = 2\n"),
            "ci/baseline.toml:2:11: baseline version 2 is not supported; this crosscheck reads version 1"
        );
        assert_eq!(
            err(&format!("[[finding]]\nfingerprint = \"{}\"\ncode = \"x\"\n", fp('a'))),
            "ci/baseline.toml:1:1: missing `version = 1` at the top of the baseline"
        );
        let text = format!(
            "version = 1\n[[finding]]\nfingerprint = \"{}\"\ncode = \"x\"\nuntil = 2026-12-31T10:00:00\n",
            fp('c')
        );
        assert_eq!(
            err(&text),
            "ci/baseline.toml:5:9: `until` must be a date such as 2026-12-31, without a time"
        );
    }

    #[test]
    fn unknown_keys_and_bad_toml_are_located() {
        let text = format!(
            "version = 1\n[[finding]]\nfingerprint = \"{}\"\ncode = \"x\"\nreasn = \"typo\"\n",
            fp('d')
        );
        let e = parse("b.toml", &text).unwrap_err();
        assert_eq!(e.location(), &Location { file: "b.toml".into(), line: 5, column: 1 });
        assert!(e.to_string().contains("unknown field `reasn`"), "{e}");

        let e = parse("b.toml", "version = 1\nfoo = = 3\n").unwrap_err();
        assert_eq!((e.location().line, e.location().column), (2, 7), "{e}");

        let e = parse("b.toml", "version = \"1\"\n").unwrap_err();
        assert_eq!((e.location().line, e.location().column), (1, 11), "{e}");
    }

    #[test]
    fn duplicate_fingerprints_are_an_error() {
        let text = format!(
            "version = 1\n[[finding]]\nfingerprint = \"{0}\"\ncode = \"x\"\n\
             [[finding]]\nfingerprint = \"{0}\"\ncode = \"x\"\n",
            fp('e')
        );
        assert_eq!(
            err(&text),
            format!(
                "ci/baseline.toml:6:15: fingerprint {} is listed twice (first at ci/baseline.toml:3:15)",
                fp('e')
            )
        );
    }

    fn entry_for(f: &Finding, until: Option<jiff::civil::Date>) -> Entry {
        Entry {
            fingerprint: f.fingerprint.clone(),
            code: f.code.clone(),
            message: f.message.clone(),
            reason: None,
            until,
        }
    }

    #[test]
    fn apply_marks_known_new_and_stale() {
        let mut report = sample_report();
        let stale = Entry {
            fingerprint: fp('f'),
            code: "sum-mismatch".into(),
            message: "gone".into(),
            reason: None,
            until: None,
        };
        let baseline = Baseline { entries: vec![entry_for(&report.findings[1], None), stale] };
        apply(&mut report, &baseline, date(2026, 1, 1));
        let states: Vec<_> = report.findings.iter().map(|f| f.baseline).collect();
        assert_eq!(states, [BaselineState::New, BaselineState::Known, BaselineState::New]);
        assert_eq!(
            report.stale_baseline,
            vec![StaleEntry { fingerprint: fp('f'), message: "gone".into() }]
        );
        assert_eq!((report.summary.findings, report.summary.new), (3, 2));
    }

    #[test]
    fn apply_honours_until() {
        let mut report = sample_report();
        let f = report.findings[0].clone();
        let baseline = Baseline { entries: vec![entry_for(&f, Some(date(2026, 3, 31)))] };
        apply(&mut report, &baseline, date(2026, 3, 31));
        assert_eq!(report.findings[0].baseline, BaselineState::Known);
        apply(&mut report, &baseline, date(2026, 4, 1));
        assert_eq!(report.findings[0].baseline, BaselineState::New);
        // Expired but still occurring: new again, not stale.
        assert!(report.stale_baseline.is_empty());
    }

    #[test]
    fn to_toml_round_trips_through_parse_and_apply() {
        let mut report = sample_report();
        let text = to_toml(&report);
        let baseline = parse("baseline.toml", &text).unwrap();
        assert_eq!(baseline.entries.len(), report.findings.len());
        let fps: Vec<&str> = baseline.entries.iter().map(|e| e.fingerprint.as_str()).collect();
        let mut sorted = fps.clone();
        sorted.sort_unstable();
        assert_eq!(fps, sorted);
        apply(&mut report, &baseline, date(2026, 1, 1));
        assert_eq!(report.summary.new, 0);
        assert!(report.stale_baseline.is_empty());
    }

    #[test]
    fn to_toml_keeps_reviewers_reason_and_until() {
        let report = sample_report();
        let mut previous = parse("b.toml", &to_toml(&report)).unwrap();
        previous.entries[0].reason = Some("quote \"it\" and\nnewline".into());
        previous.entries[0].until = Some(date(2027, 6, 30));
        let text = to_toml_keeping(&report, &previous);
        let again = parse("b.toml", &text).unwrap();
        assert_eq!(again, previous);
    }

    #[test]
    fn to_toml_snapshot() {
        // Kept with the renderers' snapshots: the baseline file is one more output format.
        insta::with_settings!({ snapshot_path => "report/snapshots" }, {
            insta::assert_snapshot!(to_toml(&sample_report()));
        });
    }

    #[test]
    fn normalized_report_fields_all_feed_the_figure() {
        // Guards against a refactor silently dropping the currency from the identity.
        let mut f = finding();
        let before = fingerprint(&f);
        let n: &mut NormalizedReport = f.claims[0].normalized.as_mut().unwrap();
        n.currency = Some("EUR".into());
        assert_ne!(before, fingerprint(&f));
    }
}
