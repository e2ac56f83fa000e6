//! The report model every renderer reads: sources, metrics with their claims, findings,
//! stale baseline entries and a summary. Data only; nothing here formats for a terminal.
//!
//! Serialized as-is, this is the `check --format json` contract (docs/report-json.md); it
//! changes only with [`SCHEMA_VERSION`].

pub mod build;
pub mod fingerprint;

use serde::{Deserialize, Serialize};

/// Version of the JSON report. Bump on any change a consumer could notice.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub schema_version: u32,
    pub sources: Vec<SourceInfo>,
    pub metrics: Vec<MetricReport>,
    pub findings: Vec<Finding>,
    pub stale_baseline: Vec<StaleEntry>,
    /// Claims no metric took; filled only with `--unlinked`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlinked: Vec<ClaimReport>,
    /// Every `[[rule]]`, and whether it could be evaluated; omitted when rules.toml has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleReport>,
    /// `[[claim]]` overrides that matched no claim (like stale baseline entries); omitted
    /// when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stale_claims: Vec<String>,
    pub summary: Summary,
}

/// Whether a `[[rule]]` was evaluated: a rule that could not run must not read as a pass.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RuleReport {
    pub id: String,
    /// `agree`, `at-most` or `sum`.
    pub kind: String,
    /// False when the rule could not be checked at all.
    pub evaluated: bool,
    /// Why it was not evaluated, or for which sources not (`part \`x\` missing in Y`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Report {
    /// The report with every control character in text that came from the inputs (file
    /// names, sentences, speakers, labels, messages) replaced by `�`, for the formats read in
    /// a terminal or pasted as text: an escape sequence in a source must not reach the
    /// terminal. Line breaks inside sentences become spaces first.
    pub fn printable(mut self) -> Report {
        let clean = |s: &mut String| {
            if s.chars().any(char::is_control) {
                *s = s
                    .chars()
                    .map(|c| match c {
                        '\n' | '\r' | '\t' => ' ',
                        c if c.is_control() => '\u{fffd}',
                        c => c,
                    })
                    .collect();
            }
        };
        let claim = |c: &mut ClaimReport| {
            for s in [&mut c.source, &mut c.text, &mut c.sentence] {
                clean(s);
            }
            for s in [&mut c.attributed_to, &mut c.unlinked_because].into_iter().flatten() {
                clean(s);
            }
            c.linked_by.iter_mut().for_each(clean);
        };
        for s in &mut self.sources {
            clean(&mut s.id);
            clean(&mut s.path);
            for x in [&mut s.name, &mut s.url].into_iter().flatten() {
                clean(x);
            }
        }
        for m in &mut self.metrics {
            clean(&mut m.label);
            m.claims.iter_mut().for_each(claim);
        }
        for f in &mut self.findings {
            clean(&mut f.message);
            f.claims.iter_mut().for_each(claim);
            for side in &mut f.sides {
                clean(&mut side.figure);
                side.originators.iter_mut().for_each(clean);
                side.sources.iter_mut().for_each(clean);
            }
        }
        self.unlinked.iter_mut().for_each(claim);
        for s in &mut self.stale_baseline {
            clean(&mut s.message);
        }
        self.stale_claims.iter_mut().for_each(clean);
        for r in &mut self.rules {
            r.notes.iter_mut().for_each(clean);
        }
        self
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SourceInfo {
    /// Stable id: the path as given or walked, with `/` separators.
    pub id: String,
    pub path: String,
    pub name: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum MetricStatus {
    /// Claims from two or more sources, no conflict.
    Agree,
    /// At least one conflict finding on this metric.
    Conflict,
    /// Claims from one source only.
    Single,
    /// No claim linked.
    None,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MetricReport {
    pub id: String,
    pub label: String,
    /// `money`, `percent`, `number` or `count`.
    pub kind: String,
    pub status: MetricStatus,
    pub claims: Vec<ClaimReport>,
    /// The tolerance rules.toml gives this metric, for plots (the HTML report shades it);
    /// absent when unknown. Added without a schema bump: optional and omitted when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<ToleranceReport>,
}

/// How far two claims on a metric may differ before they conflict.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ToleranceReport {
    /// Relative allowance as an exact decimal fraction: `"0.05"` for 5%.
    pub relative: Option<String>,
    /// Absolute allowance, exact decimal string in base units: `"2000000000"`.
    pub absolute: Option<String>,
    /// As rules.toml wrote it: `5%`, `2bn USD`.
    pub display: String,
}

/// A claim as reports show it: where it is, what it says, and its normalized figure.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimReport {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    /// Exact decimal strings in base units.
    pub value: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub currency: Option<String>,
    pub hedge: Option<String>,
    pub attributed_to: Option<String>,
    /// The sentence the claim sits in, whitespace collapsed.
    pub sentence: String,
    pub normalized: Option<NormalizedReport>,
    /// `--explain`: the words that linked this claim to the metric it is listed under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_by: Vec<String>,
    /// Verdict of this claim within its metric: `agree`, `conflict`, `single`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// `--unlinked`: why no metric took this claim (the nearest metric and what stopped it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlinked_because: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NormalizedReport {
    pub value: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub currency: Option<String>,
    /// Units of `currency` per unit of the claim's own currency.
    pub rate: Option<String>,
    pub rate_date: Option<String>,
    /// `ecb`, `rules.toml`, `inline` or `identity`.
    pub rate_source: Option<String>,
    /// Compact human figure: `$119.8bn`, `50%`.
    pub display: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    New,
    Known,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Finding {
    /// Stable kebab-case code (`cross-source-conflict`).
    pub code: String,
    pub severity: Severity,
    /// One line that shows the arithmetic.
    pub message: String,
    /// Lower-case hex SHA-256 of the canonical content string (docs/baseline.md).
    pub fingerprint: String,
    pub baseline: BaselineState,
    /// The `[[rule]]` id or metric id that produced it.
    pub rule: String,
    /// Where that rule or metric is defined, `rules.toml:LINE:COL`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_location: Option<String>,
    pub metrics: Vec<String>,
    pub claims: Vec<ClaimReport>,
    /// The sides of a disagreement (figure against figure), each pointing into `claims`;
    /// omitted for findings that are not one figure against another.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sides: Vec<SideReport>,
}

/// One side of a finding: a figure, who gives it, and the claims that state it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SideReport {
    /// As the message shows it: `$500bn`, `$4bn–$4.2bn`, `≥ $300bn`.
    pub figure: String,
    /// Who the sentences say gives the figure, normalized (`Kiel Institute`); omitted when
    /// no sentence says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub originators: Vec<String>,
    /// Names of the sources that state it.
    pub sources: Vec<String>,
    /// Indices into the finding's `claims`.
    pub claims: Vec<usize>,
    /// This side is the one out of line: fewer sources state it than the other side.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outlier: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StaleEntry {
    pub fingerprint: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub sources: usize,
    pub claims: usize,
    pub linked: usize,
    pub findings: usize,
    pub new: usize,
}
