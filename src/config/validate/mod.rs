//! rules.toml text → [`Rules`], collecting every problem instead of stopping at the first.
//!
//! Three passes, each reporting all it finds:
//! 1. TOML syntax (`toml_edit`, which keeps the span of every key, value and table). A syntax
//!    error ends validation: nothing after it can be trusted.
//! 2. Shape: each table (`[currency]`, each `[[metric]]`, …) is deserialized on its own into
//!    its `raw` struct. Unknown keys are reported with a suggestion and dropped first; then
//!    serde's first type error is reported, the offending key dropped, and the table tried
//!    again, so three wrong types in one metric give three diagnostics, not one.
//! 3. Meaning: ids, references, tolerances, currency codes, matchers, dates.

mod claim;
mod currency;
mod metric;
mod relation;
mod source;
mod tolerance;

use tolerance::{magnitude, OwnTolerance, MAGNITUDES};

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::IntoDeserializer;
use serde::Deserialize;
use toml::Spanned;
use toml_edit::{ImDocument, InlineTable, Item, Value};

use super::raw::{
    keys_of, RawClaim, RawCurrency, RawDate, RawMetric, RawRule, RawSource, RawTolerance,
};
use super::{
    ClaimOverride, CurrencyRules, Location, Metric, Relation, RelationKind, Rules, Tolerance,
    ToleranceRules,
};
use crate::diag::{self, Diagnostic};
use crate::extract::Kind;
use crate::finding::Severity;

use crate::sources::SourceRule;

/// Parses and validates; `Some(rules)` whenever the file could be read far enough to build
/// them, with every diagnostic (errors and warnings) sorted by position.
pub(super) fn parse(file: &str, text: &str) -> (Option<Rules>, Vec<Diagnostic>) {
    let mut cx = Ctx { file, text, diags: Vec::new() };
    let doc = match ImDocument::parse(text.to_owned()) {
        Ok(doc) => doc,
        Err(e) => {
            let message = e.message().trim().replace('\n', ", ");
            cx.diags.push(
                Diagnostic::error("syntax-error", file, message)
                    .with_span(e.span())
                    .with_hint("see https://toml.io for the syntax"),
            );
            return (None, cx.diags);
        }
    };
    let raw = cx.shape(doc.as_table());
    let rules = cx.meaning(raw);
    cx.diags.sort_by_key(|d| d.span.as_ref().map_or((0, 0), |s| (s.start + 1, s.end)));
    (Some(rules), cx.diags)
}

/// A table as read in pass 2: its raw struct, the span of the whole table, and the keys
/// dropped for having the wrong type (so they are not also reported as missing).
struct Elem<T> {
    raw: T,
    span: Option<Range<usize>>,
    dropped: Vec<String>,
}

impl<T> Elem<T> {
    fn dropped(&self, key: &str) -> bool {
        self.dropped.iter().any(|k| k == key)
    }
}

#[derive(Default)]
struct Shape {
    sources: Option<Spanned<Vec<Spanned<String>>>>,
    currency: Option<Elem<RawCurrency>>,
    tolerance: Option<Elem<RawTolerance>>,
    source: Vec<Elem<RawSource>>,
    metric: Vec<Elem<RawMetric>>,
    rule: Vec<Elem<RawRule>>,
    claim: Vec<Elem<RawClaim>>,
}

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

type Span = Range<usize>;

impl Ctx<'_> {
    fn error(
        &mut self,
        code: &'static str,
        span: Option<Span>,
        message: String,
    ) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, self.file, message).with_span(span));
        self.diags.last_mut().expect("just pushed")
    }

    fn warning(
        &mut self,
        code: &'static str,
        span: Option<Span>,
        message: String,
    ) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(code, self.file, message).with_span(span));
        self.diags.last_mut().expect("just pushed")
    }

    fn location(&self, span: &Option<Span>) -> Location {
        Location::at(self.file, self.text, span.as_ref().map_or(0, |s| s.start))
    }

    // ---- pass 2: shape -------------------------------------------------------------------

    fn shape(&mut self, root: &toml_edit::Table) -> Shape {
        let mut shape = Shape::default();
        for (key, item) in root.iter() {
            match key {
                "sources" => shape.sources = self.value(key, item),
                "currency" => shape.currency = self.table("[currency]", key, item),
                "tolerance" => shape.tolerance = self.table("[tolerance]", key, item),
                "source" => shape.source = self.tables("[[source]]", key, item),
                "metric" => shape.metric = self.tables("[[metric]]", key, item),
                "rule" => shape.rule = self.tables("[[rule]]", key, item),
                "claim" => shape.claim = self.tables("[[claim]]", key, item),
                _ => {
                    let span = root.get_key_value(key).and_then(|(k, _)| k.span());
                    self.unknown_key(
                        key,
                        span,
                        "at the top level",
                        keys_of::<super::raw::RawRules>(),
                    );
                }
            }
        }
        shape
    }

    fn unknown_key(&mut self, key: &str, span: Option<Span>, place: &str, known: &[&str]) {
        let hint = match diag::did_you_mean(key, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of {}", backticked(known)),
        };
        self.error("unknown-key", span, format!("unknown key `{key}` {place}")).hint = Some(hint);
    }

    /// A plain value (not a table), e.g. the top-level `sources` list.
    fn value<T: for<'de> Deserialize<'de>>(&mut self, key: &str, item: &Item) -> Option<T> {
        let value = match item {
            Item::Value(v) => v.clone(),
            _ => {
                self.wrong_type(key, item.span(), "a value", "a table");
                return None;
            }
        };
        match T::deserialize(value.into_deserializer()) {
            Ok(v) => Some(v),
            Err(e) => {
                self.serde_error(key, e.span().or(item.span()), e.message());
                None
            }
        }
    }

    /// One table: `[currency]` or `currency = { … }`.
    fn table<T>(&mut self, place: &str, key: &str, item: &Item) -> Option<Elem<T>>
    where
        T: for<'de> Deserialize<'de> + Default,
    {
        match item {
            Item::Table(t) => Some(self.read_table(place, t.clone().into_inline_table(), t.span())),
            Item::Value(Value::InlineTable(t)) => Some(self.read_table(place, t.clone(), t.span())),
            _ => {
                self.wrong_type(key, item.span(), &format!("a table (`{place}`)"), type_name(item));
                None
            }
        }
    }

    /// An array of tables: `[[metric]]` … or `metric = [{ … }, …]`.
    fn tables<T>(&mut self, place: &str, key: &str, item: &Item) -> Vec<Elem<T>>
    where
        T: for<'de> Deserialize<'de> + Default,
    {
        match item {
            Item::ArrayOfTables(a) => a
                .iter()
                .map(|t| self.read_table(place, t.clone().into_inline_table(), t.span()))
                .collect(),
            Item::Value(Value::Array(a)) => a
                .iter()
                .filter_map(|v| match v {
                    Value::InlineTable(t) => Some(self.read_table(place, t.clone(), t.span())),
                    other => {
                        self.wrong_type(key, other.span(), "a table", value_type_name(other));
                        None
                    }
                })
                .collect(),
            _ => {
                let shown = format!("an array of tables (`{place}`)");
                self.wrong_type(key, item.span(), &shown, type_name(item));
                Vec::new()
            }
        }
    }

    fn read_table<T>(&mut self, place: &str, mut table: InlineTable, span: Option<Span>) -> Elem<T>
    where
        T: for<'de> Deserialize<'de> + Default,
    {
        let known = keys_of::<T>();
        let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
        for key in keys.iter().filter(|k| !known.contains(&k.as_str())) {
            let key_span = table.get_key_value(key).and_then(|(k, _)| k.span());
            self.unknown_key(key, key_span, &format!("in `{place}`"), known);
            table.remove(key);
        }
        let mut dropped = Vec::new();
        // Each round either succeeds or drops one key, so this ends.
        loop {
            match T::deserialize(Value::InlineTable(table.clone()).into_deserializer()) {
                Ok(raw) => return Elem { raw, span, dropped },
                Err(e) => {
                    let at = e.span();
                    match drop_culprit(&mut table, at.as_ref()) {
                        Some(path) => {
                            self.serde_error(&path, at, e.message());
                            dropped.push(path.split('.').next().unwrap_or(&path).to_owned());
                        }
                        None => {
                            self.error(
                                "invalid-value",
                                at.or(span.clone()),
                                e.message().to_owned(),
                            );
                            return Elem { raw: T::default(), span, dropped };
                        }
                    }
                }
            }
        }
    }

    fn serde_error(&mut self, key: &str, span: Option<Span>, message: &str) {
        // serde says "invalid type: integer `3`, expected a string"; say it the other way
        // round, naming the key.
        if let Some((found, expected)) =
            message.strip_prefix("invalid type: ").and_then(|m| m.split_once(", expected "))
        {
            let expected = expected.replace("a sequence", "a list");
            self.wrong_type(key, span, &expected, found);
        } else {
            self.error("invalid-value", span, format!("`{key}`: {message}"));
        }
    }

    fn wrong_type(&mut self, key: &str, span: Option<Span>, expected: &str, found: &str) {
        let hint = type_hint(key);
        let d = self.error("wrong-type", span, format!("`{key}` must be {expected}, not {found}"));
        d.hint = hint;
    }

    // ---- pass 3: meaning -----------------------------------------------------------------

    fn meaning(&mut self, shape: Shape) -> Rules {
        let defaults = Rules::default();
        let sources = self.sources(shape.sources.as_ref());
        let (currency, rates_span) = self.currency(shape.currency, &defaults.currency);
        let tolerance = self.global_tolerance(shape.tolerance, &defaults.tolerance);

        let mut seen_paths: HashMap<String, Option<Span>> = HashMap::new();
        let source_meta: Vec<SourceRule> = shape
            .source
            .into_iter()
            .filter_map(|e| self.source(e, &mut seen_paths, &sources))
            .collect();

        // Every id written, even on a metric too broken to build, so a rule naming it is not
        // also reported as naming an unknown metric.
        let declared: Vec<String> = shape
            .metric
            .iter()
            .filter_map(|e| e.raw.id.as_ref().map(|id| id.get_ref().clone()))
            .collect();
        let mut seen: HashMap<String, Option<Span>> = HashMap::new();
        let mut metric_tols = Vec::new();
        let metrics: Vec<Metric> = shape
            .metric
            .into_iter()
            .filter_map(|e| self.metric(e, &mut seen, &mut metric_tols))
            .collect();

        let mut seen: HashMap<String, Option<Span>> = HashMap::new();
        let mut relation_tols = Vec::new();
        let relations: Vec<Relation> = shape
            .rule
            .into_iter()
            .filter_map(|e| self.relation(e, &metrics, &declared, &mut seen, &mut relation_tols))
            .collect();

        let claims: Vec<ClaimOverride> =
            shape.claim.into_iter().filter_map(|e| self.claim(e, &metrics)).collect();

        let rules = Rules {
            claims,
            file: self.file.to_owned(),
            dir: defaults.dir,
            sources: sources.iter().map(|s| s.get_ref().clone()).collect(),
            currency,
            tolerance: tolerance.rules,
            source_meta,
            metrics,
            relations,
            warnings: Vec::new(),
        };
        self.tolerance_fit(&rules, &tolerance.spans, &metric_tols, &relation_tols);
        self.rates_cover(&rules, rates_span, &tolerance.spans, &metric_tols, &relation_tols);
        rules
    }

    fn id(&mut self, raw: &Spanned<String>, what: &str, seen: &mut HashMap<String, Option<Span>>) {
        let id = raw.get_ref();
        if !is_kebab(id) {
            let fixed = to_kebab(id);
            let hint = if fixed.is_empty() {
                "use lower-case letters, digits and dashes, e.g. \"us-aid-total\"".to_owned()
            } else {
                format!("write `{fixed}`")
            };
            self.error(
                "invalid-id",
                Some(raw.span()),
                format!("{what} id `{id}` is not kebab-case"),
            )
            .hint = Some(hint);
        }
        if let Some(first) = seen.get(id) {
            let first = self.location(first);
            self.error("duplicate-id", Some(raw.span()), format!("duplicate {what} id `{id}`"))
                .hint = Some(format!("first defined at {first}; ids must be unique"));
        } else {
            seen.insert(id.clone(), Some(raw.span()));
        }
    }

    fn severity(&mut self, raw: &Option<Spanned<String>>) -> Severity {
        match raw.as_ref().map(|s| (s, s.get_ref().as_str())) {
            None | Some((_, "error")) => Severity::Error,
            Some((_, "warning")) => Severity::Warning,
            Some((_, "info")) => Severity::Info,
            Some((s, other)) => {
                self.invalid_word(s.span(), "severity", other, &["error", "warning", "info"]);
                Severity::Error
            }
        }
    }

    /// The `kind` of a table, one of `allowed`; an unknown word or a missing key is reported
    /// (a key dropped for its type already was).
    fn kind_word<T>(
        &mut self,
        raw: Option<&Spanned<String>>,
        e: &Elem<T>,
        place: &str,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        match raw {
            Some(k) => {
                let found = allowed.iter().copied().find(|w| *w == k.get_ref().as_str());
                if found.is_none() {
                    self.invalid_word(k.span(), "kind", k.get_ref(), allowed);
                }
                found
            }
            None => {
                if !e.dropped("kind") {
                    let quoted: Vec<String> = allowed.iter().map(|w| format!("\"{w}\"")).collect();
                    let (last, rest) = quoted.split_last().expect("kinds to choose from");
                    let hint = format!("add kind = {} or {last}", rest.join(", "));
                    self.missing(&e.span, place, "kind", &hint);
                }
                None
            }
        }
    }

    fn missing(&mut self, span: &Option<Span>, place: &str, key: &str, hint: &str) {
        self.error("missing-key", span.clone(), format!("`{place}` without `{key}`")).hint =
            Some(hint.to_owned());
    }
}

/// `"5%"`, `"5 %"`, `"0.5%"` → relative; `"3"`, `"2bn USD"`, `"500 million EUR"` → absolute.
/// Errors are `(what is wrong, what to write)`.
pub(super) fn parse_tolerance(s: &str) -> Result<Tolerance, (String, String)> {
    const FORMS: &str = "write a percentage (\"5%\"), an amount with a currency (\"2bn USD\"), or a plain number (\"3\")";
    let t = s.trim();
    let number = |n: &str| -> Result<Decimal, (String, String)> {
        let d = Decimal::from_str(n).map_err(|_| {
            if n.is_empty() {
                ("it does not start with a number".to_owned(), FORMS.to_owned())
            } else {
                (format!("`{n}` is not a number"), FORMS.to_owned())
            }
        })?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err((
                "a tolerance cannot be negative".into(),
                format!("write \"{}\"", s.trim().trim_start_matches('-')),
            ));
        }
        Ok(d)
    };
    if let Some(n) = t.strip_suffix('%') {
        return Ok(Tolerance::Relative(number(n.trim_end())? / Decimal::ONE_HUNDRED));
    }
    let end =
        t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))).unwrap_or(t.len());
    let (n, rest) = t.split_at(end);
    let mut amount = number(n)?;
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    if let Some(scale) = words.first().and_then(|w| magnitude(w)) {
        amount *= scale;
        words.remove(0);
    }
    match words.as_slice() {
        [] => Ok(Tolerance::Absolute { amount, currency: None }),
        [cur] if cur.len() == 3 && cur.chars().all(|c| c.is_ascii_alphabetic()) => {
            Ok(Tolerance::Absolute { amount, currency: Some((*cur).to_owned()) })
        }
        [word, ..] => {
            let hint = match diag::did_you_mean(word, MAGNITUDES.iter().map(|(w, _)| *w)) {
                Some(m) => format!("did you mean `{m}`?"),
                None => FORMS.to_owned(),
            };
            Err((
                format!("`{word}` is neither a magnitude (k, m, bn, tn) nor a currency code"),
                hint,
            ))
        }
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `US_Aid Total` → `us-aid-total`.
fn to_kebab(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

fn backticked(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

fn type_name(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Value(v) => value_type_name(v),
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "an array of tables",
    }
}

fn value_type_name(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "an array",
        Value::InlineTable(_) => "a table",
    }
}

/// What to write instead, for the keys where a wrong type is a common slip.
fn type_hint(key: &str) -> Option<String> {
    let last = key.rsplit('.').next().unwrap_or(key);
    Some(match key.split('.').next().unwrap_or(key) {
        "tolerance" | "default" | "hedged" | "conversion" => {
            "write tolerances as strings: \"5%\", \"2bn USD\" or \"3\"".to_owned()
        }
        "fixed" => {
            format!("write rates as strings so they stay exact decimals: {last} = \"0.024\"")
        }
        "near" | "also" | "not" => {
            format!("write a list of words: {key} = [\"aid\", \"assistance\"]")
        }
        "parts" => "write a list of metric ids: parts = [\"a\", \"b\"]".to_owned(),
        "sources" => "write a list of globs: sources = [\"seeds/*.txt\"]".to_owned(),
        "published" => "write a TOML date, without quotes: published = 2025-02-22".to_owned(),
        "within-source" | "share" | "changes" => "write true or false, without quotes".to_owned(),
        "window" => "a whole number of days, without quotes: `window = 7`".to_owned(),
        _ => return None,
    })
}

/// Finds the key whose value holds the span serde blamed and removes it (one level into
/// inline tables, so one bad `fixed` rate does not hide the others). Returns its dotted path.
fn drop_culprit(table: &mut InlineTable, at: Option<&Span>) -> Option<String> {
    let at = at?;
    let inside = |span: Option<Span>| span.is_some_and(|s| s.start <= at.start && at.end <= s.end);
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let (k, item) = table.get_key_value(&key)?;
        let key_hit = inside(k.span());
        if let Some(Value::InlineTable(inner)) = item.as_value() {
            let mut inner = inner.clone();
            if let Some(path) = drop_culprit(&mut inner, Some(at)) {
                if let Some(Value::InlineTable(t)) = table.get_mut(&key) {
                    *t = inner;
                }
                return Some(format!("{key}.{path}"));
            }
        }
        if key_hit || inside(item.span()) {
            table.remove(&key);
            return Some(key);
        }
    }
    None
}

/// The span of the rest of the line at a location (for diagnostics made after validation).
pub(super) fn span_at(text: &str, loc: &Location) -> Option<Span> {
    let line_start =
        if loc.line <= 1 { 0 } else { text.match_indices('\n').nth(loc.line - 2)?.0 + 1 };
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let start = line_start + line.char_indices().nth(loc.column - 1).map_or(line.len(), |(i, _)| i);
    Some(start..line_start + line.trim_end().len().max(start - line_start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> Tolerance {
        Tolerance::Relative(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("5%"), Ok(rel("0.05")));
        assert_eq!(parse_tolerance(" 0.5 %"), Ok(rel("0.005")));
        assert_eq!(parse_tolerance("0%"), Ok(rel("0")));
        assert_eq!(
            parse_tolerance("2bn USD"),
            Ok(Tolerance::Absolute {
                amount: Decimal::from(2_000_000_000i64),
                currency: Some("USD".into())
            })
        );
        assert_eq!(
            parse_tolerance("1.5 million eur"),
            Ok(Tolerance::Absolute {
                amount: Decimal::from(1_500_000),
                currency: Some("eur".into())
            })
        );
        assert_eq!(
            parse_tolerance("3"),
            Ok(Tolerance::Absolute { amount: Decimal::from(3), currency: None })
        );
        assert_eq!(parse_tolerance("-5%").unwrap_err().0, "a tolerance cannot be negative");
        assert_eq!(parse_tolerance("-5%").unwrap_err().1, "write \"5%\"");
        assert_eq!(parse_tolerance("abc").unwrap_err().0, "it does not start with a number");
        assert_eq!(parse_tolerance("5%%").unwrap_err().0, "`5%` is not a number");
        assert_eq!(parse_tolerance("2 bilion USD").unwrap_err().1, "did you mean `billion`?");
    }

    #[test]
    fn tolerance_display_round_trips() {
        for s in ["5%", "0.5%", "2bn USD", "500m EUR", "3", "1.5tn"] {
            assert_eq!(parse_tolerance(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("us-aid-total"));
        assert!(is_kebab("g7"));
        for bad in ["", "US-aid", "us_aid", "us--aid", "-us", "us-", "us aid"] {
            assert!(!is_kebab(bad), "{bad}");
        }
        assert_eq!(to_kebab("US_Aid Total"), "us-aid-total");
    }

    #[test]
    fn span_at_finds_the_line_again() {
        let text = "a = 1\n[[source]]\npath = 'x'\n";
        let loc = Location { file: "f".into(), line: 2, column: 1 };
        assert_eq!(span_at(text, &loc).map(|s| &text[s]), Some("[[source]]"));
    }
}
