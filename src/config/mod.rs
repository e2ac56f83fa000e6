//! rules.toml: which quantities to compare, how to recognise claims about them, how much
//! disagreement is tolerated, and how quantities relate.
//!
//! `raw.rs` mirrors the TOML with a span on every value; `validate.rs` turns it into the types
//! below, collecting every problem as a [`Diagnostic`] (cargo-deny's spanned config →
//! validate → valid types). Only [`Rules`] — ids resolved, decimals parsed, currency codes
//! checked — leaves this module. docs/rules.md documents the file for users.

pub mod raw;
mod validate;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::diag::{self, Diagnostic};
use crate::extract::Kind;
use crate::finding::Severity;
use crate::sources::SourceRule;

/// The starter file `crosscheck init` writes; it validates (tested below).
pub const STARTER: &str = include_str!("starter.toml");

/// Every diagnostic code this module emits, with what it means. docs/rules.md lists them all
/// (tested), and they never change meaning.
pub const CODES: &[(&str, &str)] = &[
    ("syntax-error", "the file is not valid TOML"),
    ("unknown-key", "a key rules.toml does not define (often a typo)"),
    ("wrong-type", "a value of the wrong TOML type, e.g. a number where a string belongs"),
    ("missing-key", "a required key is absent"),
    ("key-not-allowed", "a key that does not apply here, e.g. `parts` on an at-most rule or `unit` on a money metric"),
    ("invalid-value", "a value outside the allowed words, e.g. `kind = \"monee\"`"),
    ("invalid-id", "an id that is not kebab-case"),
    ("duplicate-id", "two metrics, or two rules, share an id"),
    ("unknown-metric", "a rule names a metric that is not defined"),
    ("kind-mismatch", "a rule relates metrics of different kinds, e.g. money and percent"),
    ("bad-tolerance", "a tolerance that cannot be read, is negative, or does not fit the metric"),
    ("unknown-currency", "not an ISO 4217 currency code"),
    ("bad-rate", "a fixed exchange rate that is not a positive decimal"),
    ("missing-rate", "with `rates = \"fixed\"`, a currency the rules use has no fixed rate"),
    ("empty-matcher", "`near`, `also` or `not` is empty or holds an empty word"),
    ("contradictory-matcher", "a word is both required (`near`/`also`) and excluded (`not`)"),
    ("bad-glob", "a `sources` pattern that is not a valid glob"),
    ("bad-date", "a `published` value that is not a calendar date"),
    ("duplicate-source", "two `[[source]]` entries for the same path"),
    ("self-relation", "a rule relates a metric to itself"),
    ("redundant", "a value that has no effect (warning)"),
    ("suspicious-value", "a value that is allowed but probably not meant (warning)"),
    ("missing-source", "a `[[source]]` path that does not exist (warning)"),
];

/// A place in rules.toml; `Display` gives `rules.toml:12:3`.
pub use crate::diag::Location;

/// How far apart two figures may be and still agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tolerance {
    /// A fraction of the larger magnitude: `"5%"` is `Relative(0.05)`.
    Relative(Decimal),
    /// A fixed amount in the metric's unit: `"2bn USD"` (money, any currency; converted like
    /// claims), or a plain `"3"` (counts and numbers; percentage points for percents).
    Absolute { amount: Decimal, currency: Option<String> },
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Relative(r) => write!(f, "{}%", (r * Decimal::ONE_HUNDRED).normalize()),
            Tolerance::Absolute { amount, currency } => {
                write!(f, "{}", format_amount(*amount))?;
                match currency {
                    Some(c) => write!(f, " {c}"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// `2000000000` → `2bn`, `1500000` → `1.5m`, `3` → `3`: the way rules.toml spells amounts.
fn format_amount(amount: Decimal) -> String {
    const SCALES: [(i64, &str); 3] =
        [(1_000_000_000_000, "tn"), (1_000_000_000, "bn"), (1_000_000, "m")];
    for (scale, suffix) in SCALES {
        let scale = Decimal::from(scale);
        if amount.abs() >= scale {
            return format!("{}{suffix}", (amount / scale).normalize());
        }
    }
    amount.normalize().to_string()
}

/// `[currency]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyRules {
    /// ISO 4217 code every money claim is converted to before comparing.
    pub base: String,
    /// What a bare `$` or "dollars" means.
    pub dollar: String,
    /// Use the embedded ECB reference rates (`rates = "ecb"`); otherwise only `fixed`.
    pub use_ecb: bool,
    /// Units of `base` per unit of the key currency. With ECB rates these fill in currencies
    /// the ECB does not publish and take precedence over it.
    pub fixed: BTreeMap<String, Decimal>,
}

/// `[tolerance]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToleranceRules {
    /// For metrics and rules without their own `tolerance`.
    pub default: Tolerance,
    /// Instead of the metric's tolerance when either figure is hedged ("about", "nearly").
    pub hedged: Tolerance,
    /// Allowed gap between an inline conversion's implied rate and the reference rate.
    pub conversion: Tolerance,
}

/// `[[claim]]`: one claim fixed by hand, found by its source and text (and which occurrence
/// of that text), or by `at = "path:line:col"`; it then joins `metric` only, or no metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimOverride {
    /// The source file, relative to rules.toml's folder.
    pub source: String,
    /// The claim as written (whitespace collapsed), when matched by text.
    pub text: Option<String>,
    /// Which occurrence of `text` in the source (1 = the first).
    pub occurrence: usize,
    /// `line:col` of the claim, when matched by position.
    pub at: Option<(usize, usize)>,
    /// Index into `metrics`, or `None` to ignore the claim.
    pub metric: Option<usize>,
    pub reason: Option<String>,
    pub location: Location,
}

/// `[[metric]]`: one quantity compared across sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    /// The counted noun (`people`), count metrics only.
    pub unit: Option<String>,
    /// More counted nouns this metric takes (`units = ["people", "residents"]`); the
    /// built-in synonym table applies to each (`link::same_unit`).
    pub units: Vec<String>,
    /// Scope: only claims whose figure (in the base currency or unit) reaches at least
    /// `min`, or at most `max`.
    pub min: Option<rust_decimal::Decimal>,
    pub max: Option<rust_decimal::Decimal>,
    /// Scope: hedges whose claims this metric leaves out (`vague`, `at-least`…).
    pub exclude_hedges: Vec<String>,
    /// Scope: globs (relative to rules.toml's folder) of the sources it takes claims from.
    pub sources: Vec<String>,
    /// At least one must occur in the claim's clause.
    pub near: Vec<String>,
    /// If not empty, at least one must occur in the claim's sentence.
    pub also: Vec<String>,
    /// None may occur in the claim's clause.
    pub not: Vec<String>,
    /// None may occur anywhere in the claim's sentence (`not-sentence`).
    pub not_sentence: Vec<String>,
    /// Overrides `[tolerance] default`.
    pub tolerance: Option<Tolerance>,
    /// Overrides `[tolerance] hedged` (the allowance when either figure is hedged).
    pub hedged: Option<Tolerance>,
    /// Severity of conflicts on this metric.
    pub severity: Severity,
    /// Also compare figures from the same source with each other.
    pub within_source: bool,
    /// Takes claims that also join other metrics (`share = true`); by default a claim goes
    /// only to its best metric.
    pub share: bool,
    /// The quantity changes over time (`changes = true`): figures are compared only with
    /// figures current within `window` days, and a later figure from the same originator is a
    /// revision, not a misquote.
    pub changes: bool,
    /// Days apart two figures' dates may be and still count as current at the same time.
    pub window: i64,
    pub location: Location,
}

/// How a `[[rule]]` relates metrics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelationKind {
    /// `kind = "at-most"`: every `left` figure ≤ every `right` figure (e.g. military aid ≤ all
    /// aid), allowing the tolerance.
    AtMost { left: String, right: String },
    /// `kind = "agree"`: two differently-worded metrics measure the same thing.
    Agree { left: String, right: String },
    /// `kind = "sum"`: the parts add up to the total, within the tolerance.
    Sum { parts: Vec<String>, total: String },
}

impl RelationKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            RelationKind::AtMost { .. } => "at-most",
            RelationKind::Agree { .. } => "agree",
            RelationKind::Sum { .. } => "sum",
        }
    }

    /// Every metric id the relation names, in the order written.
    pub fn metrics(&self) -> Vec<&str> {
        match self {
            RelationKind::AtMost { left, right } | RelationKind::Agree { left, right } => {
                vec![left, right]
            }
            RelationKind::Sum { parts, total } => {
                parts.iter().map(String::as_str).chain([total.as_str()]).collect()
            }
        }
    }
}

/// `[[rule]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub kind: RelationKind,
    /// Overrides `[tolerance] default`.
    pub tolerance: Option<Tolerance>,
    pub severity: Severity,
    pub location: Location,
}

/// A validated rules.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// The file as named by the user (`rules.toml`); empty for [`Rules::default`].
    pub file: String,
    /// The folder `sources` globs and `[[source]]` paths are relative to.
    pub dir: PathBuf,
    pub sources: Vec<String>,
    pub currency: CurrencyRules,
    pub tolerance: ToleranceRules,
    pub source_meta: Vec<SourceRule>,
    pub metrics: Vec<Metric>,
    pub relations: Vec<Relation>,
    /// `[[claim]]`: claims linked to a metric, or ignored, by hand.
    pub claims: Vec<ClaimOverride>,
    /// Non-fatal diagnostics found while loading; callers print them (never dropped).
    pub warnings: Vec<Diagnostic>,
}

impl Default for Rules {
    /// What a run without rules.toml uses: USD, ECB rates, 5% / 10% / 0.5%, no metrics.
    fn default() -> Rules {
        Rules {
            file: String::new(),
            dir: PathBuf::from("."),
            sources: Vec::new(),
            currency: CurrencyRules {
                base: "USD".into(),
                dollar: "USD".into(),
                use_ecb: true,
                fixed: BTreeMap::new(),
            },
            tolerance: ToleranceRules {
                default: Tolerance::Relative(Decimal::new(5, 2)),
                hedged: Tolerance::Relative(Decimal::new(10, 2)),
                conversion: Tolerance::Relative(Decimal::new(5, 3)),
            },
            source_meta: Vec::new(),
            metrics: Vec::new(),
            relations: Vec::new(),
            claims: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Why rules.toml could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Every diagnostic (errors and warnings), with the text they point into.
    #[error("{}", diag::render_all(.diagnostics, .text).trim_end())]
    Invalid { file: String, text: String, diagnostics: Vec<Diagnostic> },
}

impl Rules {
    /// Parses and validates `text`, named `file` in diagnostics. On failure returns every
    /// diagnostic, warnings included, sorted by position.
    pub fn parse(file: &str, text: &str) -> Result<Rules, Vec<Diagnostic>> {
        let (rules, diagnostics) = validate::parse(file, text);
        match rules {
            Some(mut rules) if !diagnostics.iter().any(Diagnostic::is_error) => {
                rules.dir = Path::new(file)
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                rules.warnings = diagnostics;
                Ok(rules)
            }
            _ => Err(diagnostics),
        }
    }

    /// Reads and validates the file at `path`. Adds a warning for each `[[source]]` path
    /// that does not exist, since metadata for a missing file would otherwise go unused.
    pub fn load(path: &Path) -> Result<Rules, ConfigError> {
        let text = crate::sources::read::read_text_capped(path, crate::sources::read::MAX_RULES)
            .map_err(|source| ConfigError::Io { path: path.to_path_buf(), source })?;
        let file = path.display().to_string();
        let mut rules = Rules::parse(&file, &text).map_err(|diagnostics| ConfigError::Invalid {
            file: file.clone(),
            text: text.clone(),
            diagnostics,
        })?;
        let missing: Vec<Diagnostic> = rules
            .source_meta
            .iter()
            .filter(|s| !rules.dir.join(&s.path).exists())
            .map(|s| {
                Diagnostic::warning(
                    "missing-source",
                    &file,
                    format!("`[[source]]` path `{}` does not exist", s.path),
                )
                .with_span(validate::span_at(&text, &s.location))
                .with_hint(format!("paths are relative to {}", rules.dir.display()))
            })
            .collect();
        rules.warnings.extend(missing);
        // Globs that match no file, and sources with nothing to compare: warnings at load, not
        // only an error when `check` runs.
        if let Some(at) = text.find("sources") {
            for g in &rules.sources {
                let matched = crate::sources::expand_globs(&rules.dir, std::slice::from_ref(g))
                    .is_ok_and(|files| !files.is_empty());
                if !matched {
                    rules.warnings.push(
                        Diagnostic::warning(
                            "empty-glob",
                            &file,
                            format!("`sources` glob `{g}` matches no file"),
                        )
                        .with_span(Some(at..at + "sources".len()))
                        .with_hint(format!("globs are relative to {}", rules.dir.display())),
                    );
                }
            }
        }
        // A rules file that compares nothing says so (an empty rules.toml used to check
        // nothing and exit 0 without a word).
        if rules.metrics.is_empty() {
            let span = text.find("sources").map(|at| at..at + "sources".len());
            rules.warnings.push(
                Diagnostic::warning(
                    "no-metrics",
                    &file,
                    "no `[[metric]]`: nothing will be compared".to_string(),
                )
                .with_span(span)
                .with_hint(
                    "add a [[metric]] (crosscheck init writes a commented example)".to_string(),
                ),
            );
        }
        Ok(rules)
    }

    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// The `[[source]]` entry for `path` as written in rules.toml, if any.
    pub fn source_rule(&self, path: &str) -> Option<&SourceRule> {
        self.source_meta.iter().find(|s| s.path == path)
    }

    /// The tolerance a metric's non-hedged figures are compared with.
    pub fn tolerance_for<'a>(&'a self, metric: &'a Metric) -> &'a Tolerance {
        metric.tolerance.as_ref().unwrap_or(&self.tolerance.default)
    }

    /// The allowance for hedged figures on `metric`: its own `hedged`, else `[tolerance]
    /// hedged`.
    pub fn hedged_for<'a>(&'a self, metric: &'a Metric) -> &'a Tolerance {
        metric.hedged.as_ref().unwrap_or(&self.tolerance.hedged)
    }

    /// "did you mean" among the metric ids.
    pub fn suggest_metric(&self, id: &str) -> Option<&str> {
        diag::did_you_mean(id, self.metrics.iter().map(|m| m.id.as_str()))
    }

    /// In words: which claims join the metric, and when they conflict (`rules explain`).
    pub fn explain_metric(&self, m: &Metric) -> String {
        let kind = m.kind.as_str();
        let what = match &m.unit {
            Some(unit) => format!("A {kind} claim of {unit}"),
            None => format!("A {kind} claim"),
        };
        let mut conditions = vec![format!("its clause mentions {}", or_list(&m.near))];
        if !m.also.is_empty() {
            conditions.push(format!("its sentence mentions {}", or_list(&m.also)));
        }
        if !m.not.is_empty() {
            conditions.push(format!("its clause does not mention {}", or_list(&m.not)));
        }
        let tol = self.describe_tolerance(self.tolerance_for(m), m);
        let hedged = self.describe_tolerance(&self.tolerance.hedged, m);
        let mut out = format!(
            "{what} joins `{}` ({}) when {}; claims from different sources conflict when they \
             differ by more than {tol} ({hedged} for hedged figures).",
            m.id,
            m.label,
            and_list(&conditions),
        );
        out.push_str(if m.within_source {
            " Contradictions inside one source are reported too."
        } else {
            " Figures from the same source are not compared with each other."
        });
        out.push_str(&format!(" Conflicts are {}.", severity_plural(m.severity)));
        out
    }

    /// In words: what a `[[rule]]` checks (`rules explain`).
    pub fn explain_relation(&self, r: &Relation) -> String {
        let tol = r.tolerance.as_ref().unwrap_or(&self.tolerance.default);
        let first = r.kind.metrics()[0];
        let tol = match self.metric(first) {
            Some(m) => self.describe_tolerance(tol, m),
            None => tol.to_string(),
        };
        let body = match &r.kind {
            RelationKind::AtMost { left, right } => format!(
                "every `{left}` figure must be at most every `{right}` figure; it is flagged \
                 when it is larger by more than {tol}"
            ),
            RelationKind::Agree { left, right } => format!(
                "`{left}` and `{right}` measure the same thing; a figure of one is flagged when \
                 it differs from a figure of the other by more than {tol}"
            ),
            RelationKind::Sum { parts, total } => {
                let parts: Vec<String> = parts.iter().map(|p| format!("`{p}`")).collect();
                format!(
                    "{} must add up to `{total}`; it is flagged when the sum differs from the \
                     total by more than {tol}",
                    parts.join(" + ")
                )
            }
        };
        format!(
            "Rule `{}` ({}): {body}. Violations are {}.",
            r.id,
            r.kind.as_str(),
            severity_plural(r.severity)
        )
    }

    /// A tolerance in words for a metric: `5%`, `2bn USD`, `3 percentage points`, `3 people`.
    fn describe_tolerance(&self, t: &Tolerance, m: &Metric) -> String {
        match (t, m.kind, &m.unit) {
            (Tolerance::Absolute { currency: None, .. }, Kind::Percent, _) => {
                format!("{t} percentage points")
            }
            (Tolerance::Absolute { currency: None, .. }, Kind::Count, Some(unit)) => {
                format!("{t} {unit}")
            }
            _ => t.to_string(),
        }
    }
}

fn severity_plural(s: Severity) -> &'static str {
    match s {
        Severity::Error => "errors",
        Severity::Warning => "warnings",
        Severity::Info => "reported for information only",
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `a`, `a and b`, `a, b, and c` (the clauses are long, so the serial comma helps).
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests;
