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

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::IntoDeserializer;
use serde::Deserialize;
use toml::Spanned;
use toml_edit::{ImDocument, InlineTable, Item, Value};

use super::raw::{keys_of, RawCurrency, RawDate, RawMetric, RawRule, RawSource, RawTolerance};
use super::{
    CurrencyRules, Location, Metric, Relation, RelationKind, Rules, Tolerance, ToleranceRules,
};
use crate::diag::{self, Diagnostic};
use crate::extract::Kind;
use crate::finding::Severity;
/// Days apart two figures of a `changes = true` metric may be and still be compared.
const DEFAULT_WINDOW: i64 = 7;

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

        let rules = Rules {
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

    fn sources(&mut self, raw: Option<&Spanned<Vec<Spanned<String>>>>) -> Vec<Spanned<String>> {
        let Some(raw) = raw else { return Vec::new() };
        let mut out = Vec::new();
        for pattern in raw.get_ref() {
            let p = pattern.get_ref();
            if p.trim().is_empty() {
                self.error("bad-glob", Some(pattern.span()), "empty pattern in `sources`".into())
                    .hint = Some("remove it, or write a glob such as \"seeds/*.txt\"".into());
            } else if let Err(e) = glob::Pattern::new(p) {
                self.error(
                    "bad-glob",
                    Some(pattern.span()),
                    format!("`{p}` is not a valid glob: {}", e.msg),
                )
                .hint = Some(format!("the problem is at character {}", e.pos + 1));
            } else {
                out.push(pattern.clone());
            }
        }
        if raw.get_ref().is_empty() {
            self.warning("redundant", Some(raw.span()), "`sources = []` names no files".into())
                .hint = Some("remove it, or list globs such as \"seeds/*.txt\"".into());
        }
        out
    }

    fn currency(
        &mut self,
        raw: Option<Elem<RawCurrency>>,
        defaults: &CurrencyRules,
    ) -> (CurrencyRules, Option<Span>) {
        let Some(Elem { raw, .. }) = raw else {
            return (defaults.clone(), None);
        };
        let base = raw
            .base
            .as_ref()
            .map_or_else(|| defaults.base.clone(), |b| self.currency_code(b, "base"));
        let dollar = raw
            .dollar
            .as_ref()
            .map_or_else(|| defaults.dollar.clone(), |d| self.currency_code(d, "dollar"));
        let use_ecb = match &raw.rates {
            None => true,
            Some(r) => match r.get_ref().as_str() {
                "ecb" => true,
                "fixed" => false,
                other => {
                    self.invalid_word(r.span(), "rates", other, &["ecb", "fixed"]);
                    true
                }
            },
        };
        let mut fixed = BTreeMap::new();
        for (code, rate) in raw.fixed.iter().flatten() {
            let c = self.currency_code(code, "fixed");
            let value = match Decimal::from_str(rate.get_ref().trim()) {
                Ok(v) if v > Decimal::ZERO => v,
                _ => {
                    self.error(
                        "bad-rate",
                        Some(rate.span()),
                        format!("`{}` is not a positive decimal", rate.get_ref()),
                    )
                    .hint = Some(format!(
                        "write how many {base} one {c} is worth, e.g. {c} = \"0.024\""
                    ));
                    continue;
                }
            };
            if c == base {
                if value == Decimal::ONE {
                    self.warning(
                        "redundant",
                        Some(code.span()),
                        format!("a fixed rate for the base currency {base} has no effect"),
                    )
                    .hint = Some("remove it".into());
                } else {
                    self.error(
                        "bad-rate",
                        Some(rate.span()),
                        format!("the base currency {base} is worth 1 {base} by definition"),
                    )
                    .hint = Some("remove it, or change `base`".into());
                }
                continue;
            }
            fixed.insert(c, value);
        }
        if !use_ecb && fixed.is_empty() {
            let span = raw.rates.as_ref().map(Spanned::span);
            self.warning("suspicious-value", span, format!("`rates = \"fixed\"` without `fixed` rates: money in other currencies than {base} cannot be compared"))
                .hint = Some("add rates, e.g. fixed = { EUR = \"1.05\" }, or use rates = \"ecb\"".into());
        }
        let rates_span = if use_ecb { None } else { raw.rates.as_ref().map(Spanned::span) };
        (CurrencyRules { base, dollar, use_ecb, fixed }, rates_span)
    }

    /// Checks an ISO 4217 code; returns it as written so validation can go on either way.
    fn currency_code(&mut self, code: &Spanned<String>, key: &str) -> String {
        let c = code.get_ref();
        self.check_code(c, code.span(), key);
        c.clone()
    }

    fn check_code(&mut self, c: &str, span: Span, key: &str) {
        if ISO_4217.contains(&c) {
            return;
        }
        let upper = c.to_ascii_uppercase();
        let hint = if ISO_4217.contains(&upper.as_str()) {
            format!("currency codes are upper case: `{upper}`")
        } else if let Some(s) = diag::did_you_mean(&upper, ISO_4217.iter().copied()) {
            format!("did you mean `{s}`?")
        } else {
            "use an ISO 4217 code such as USD, EUR or GBP".into()
        };
        self.error("unknown-currency", Some(span), format!("unknown currency `{c}` in `{key}`"))
            .hint = Some(hint);
    }

    fn invalid_word(&mut self, span: Span, key: &str, word: &str, allowed: &[&str]) {
        let hint = match diag::did_you_mean(word, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of {}", backticked(allowed)),
        };
        self.error(
            "invalid-value",
            Some(span),
            format!("`{key} = \"{word}\"` is not one of {}", backticked(allowed)),
        )
        .hint = Some(hint);
    }

    fn global_tolerance(
        &mut self,
        raw: Option<Elem<RawTolerance>>,
        defaults: &ToleranceRules,
    ) -> GlobalTolerance {
        let mut out = GlobalTolerance { rules: defaults.clone(), spans: HashMap::new() };
        let Some(Elem { raw, .. }) = raw else { return out };
        for (key, value, slot) in [
            ("default", &raw.default, &mut out.rules.default),
            ("hedged", &raw.hedged, &mut out.rules.hedged),
            ("conversion", &raw.conversion, &mut out.rules.conversion),
        ] {
            if let Some(v) = value {
                if let Some(t) = self.tolerance(v, key) {
                    *slot = t;
                    out.spans.insert(key, v.span());
                }
            }
        }
        if let (Some(span), Tolerance::Absolute { .. }) =
            (out.spans.get("conversion"), &out.rules.conversion)
        {
            self.error(
                "bad-tolerance",
                Some(span.clone()),
                "`conversion` compares exchange rates, so it must be relative".into(),
            )
            .hint = Some("write a percentage, e.g. \"0.5%\"".into());
        }
        if let (Tolerance::Relative(d), Tolerance::Relative(h), Some(span)) =
            (&out.rules.default, &out.rules.hedged, out.spans.get("hedged"))
        {
            if h < d {
                let msg = format!(
                    "`hedged` ({}) is tighter than `default` ({})",
                    out.rules.hedged, out.rules.default
                );
                self.warning("suspicious-value", Some(span.clone()), msg).hint = Some(
                    "hedged figures are approximate; they usually get more room, not less".into(),
                );
            }
        }
        out
    }

    /// Parses a tolerance string and checks its currency; reports and returns `None` if bad.
    fn tolerance(&mut self, raw: &Spanned<String>, key: &str) -> Option<Tolerance> {
        let s = raw.get_ref();
        match parse_tolerance(s) {
            Ok(t) => {
                if let Tolerance::Absolute { currency: Some(c), .. } = &t {
                    let at = s.rfind(c.as_str()).map(|i| i..i + c.len());
                    self.check_code(c, self.sub_span(raw, at), key);
                }
                if let Tolerance::Relative(r) = &t {
                    if *r > Decimal::ONE {
                        self.warning("suspicious-value", Some(raw.span()), format!("tolerance `{t}` is more than 100%"))
                            .hint = Some("a relative tolerance is a share of the larger figure; did you mean a smaller percentage?".into());
                    }
                }
                Some(t)
            }
            Err(e) => {
                self.error(
                    "bad-tolerance",
                    Some(raw.span()),
                    format!("bad tolerance `{s}`: {}", e.0),
                )
                .hint = Some(e.1);
                None
            }
        }
    }

    /// The span of `within` (byte range in the string's value) in the file, when the string
    /// is written without escapes; else the whole string.
    fn sub_span(&self, raw: &Spanned<String>, within: Option<Span>) -> Span {
        let span = raw.span();
        let literal = self.text.get(span.clone()).unwrap_or("");
        let inner = literal.get(1..literal.len().saturating_sub(1));
        match (within, inner) {
            (Some(w), Some(inner)) if inner == raw.get_ref() => {
                span.start + 1 + w.start..span.start + 1 + w.end
            }
            _ => span,
        }
    }

    fn source(
        &mut self,
        e: Elem<RawSource>,
        seen: &mut HashMap<String, Option<Span>>,
        globs: &[Spanned<String>],
    ) -> Option<SourceRule> {
        let location = self.location(&e.span);
        let raw = e.raw;
        let published = raw.published.as_ref().and_then(|p| self.date(p));
        if let Some(url) = &raw.url {
            let u = url.get_ref();
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                self.warning(
                    "suspicious-value",
                    Some(url.span()),
                    format!("`url` `{u}` is not an http(s) address"),
                )
                .hint = Some("write the full address, e.g. \"https://example.com/story\"".into());
            }
        }
        let Some(path) = raw.path else {
            if !e.dropped.iter().any(|k| k == "path") {
                self.error("missing-key", e.span.clone(), "`[[source]]` without `path`".into())
                    .hint =
                    Some("add the file it describes, e.g. path = \"seeds/article.txt\"".into());
            }
            return None;
        };
        let key = path.get_ref().trim_start_matches("./").to_owned();
        if let Some(first) = seen.get(&key) {
            let first = self.location(first);
            self.error(
                "duplicate-source",
                Some(path.span()),
                format!("a second `[[source]]` for `{}`", path.get_ref()),
            )
            .hint = Some(format!("the first is at {first}; merge the two"));
            return None;
        }
        seen.insert(key.clone(), Some(path.span()));
        if !globs.is_empty()
            && !globs.iter().any(|g| glob::Pattern::new(g.get_ref()).is_ok_and(|p| p.matches(&key)))
        {
            self.warning(
                "suspicious-value",
                Some(path.span()),
                format!("`{}` is not matched by `sources`", path.get_ref()),
            )
            .hint = Some(
                "`check` without paths reads only what `sources` matches; add a glob for it".into(),
            );
        }
        Some(SourceRule {
            path: path.into_inner(),
            name: raw.name.map(Spanned::into_inner),
            published,
            url: raw.url.map(Spanned::into_inner),
            location,
        })
    }

    fn date(&mut self, raw: &Spanned<RawDate>) -> Option<jiff::civil::Date> {
        let bad = |cx: &mut Self, msg: String, hint: &str| {
            cx.error("bad-date", Some(raw.span()), msg).hint = Some(hint.to_owned());
            None
        };
        match raw.get_ref() {
            RawDate::Toml(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
                }
                _ => bad(
                    self,
                    format!("`published = {dt}` is not a plain date"),
                    "write only the day: published = 2025-02-22",
                ),
            },
            RawDate::Text(s) => match s.parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => bad(
                    self,
                    format!("`published = \"{s}\"` is not a date"),
                    "write a TOML date, without quotes: published = 2025-02-22",
                ),
            },
        }
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

    fn missing(&mut self, span: &Option<Span>, place: &str, key: &str, hint: &str) {
        self.error("missing-key", span.clone(), format!("`{place}` without `{key}`")).hint =
            Some(hint.to_owned());
    }

    fn metric(
        &mut self,
        e: Elem<RawMetric>,
        seen: &mut HashMap<String, Option<Span>>,
        tols: &mut Vec<OwnTolerance>,
    ) -> Option<Metric> {
        let place = "[[metric]]";
        let raw = &e.raw;
        if let Some(id) = &raw.id {
            self.id(id, "metric", seen);
        } else if !e.dropped("id") {
            self.missing(&e.span, place, "id", "add a kebab-case id, e.g. id = \"us-aid-total\"");
        }
        let kind = match &raw.kind {
            Some(k) => match k.get_ref().as_str() {
                "money" => Some(Kind::Money),
                "percent" => Some(Kind::Percent),
                "number" => Some(Kind::Number),
                "count" => Some(Kind::Count),
                other => {
                    self.invalid_word(
                        k.span(),
                        "kind",
                        other,
                        &["money", "percent", "number", "count"],
                    );
                    None
                }
            },
            None => {
                if !e.dropped("kind") {
                    self.missing(
                        &e.span,
                        place,
                        "kind",
                        "add kind = \"money\", \"percent\", \"number\" or \"count\"",
                    );
                }
                None
            }
        };
        if let (Some(unit), Some(k)) = (&raw.unit, kind) {
            if k != Kind::Count {
                self.error(
                    "key-not-allowed",
                    Some(unit.span()),
                    format!("`unit` on a {} metric", k.as_str()),
                )
                .hint = Some(
                    "`unit` names what a count metric counts; remove it, or set kind = \"count\""
                        .into(),
                );
            } else if unit.get_ref().trim().is_empty() {
                self.error("invalid-value", Some(unit.span()), "`unit` is empty".into()).hint =
                    Some("name what is counted, e.g. unit = \"people\", or remove it".into());
            }
        }
        let near = match &raw.near {
            Some(n) => self.words(n, "near", Required::NonEmpty),
            None => {
                if !e.dropped("near") {
                    self.missing(
                        &e.span,
                        place,
                        "near",
                        "add the words a claim's clause must mention, e.g. near = [\"aid\"]",
                    );
                }
                Vec::new()
            }
        };
        let also =
            raw.also.as_ref().map_or_else(Vec::new, |a| self.words(a, "also", Required::NonEmpty));
        let not =
            raw.not.as_ref().map_or_else(Vec::new, |n| self.words(n, "not", Required::MayBeEmpty));
        if let (Some(near_raw), Some(not_raw)) = (&raw.near, &raw.not) {
            for word in not_raw.get_ref() {
                let w = word.get_ref().trim().to_lowercase();
                if !w.is_empty()
                    && near_raw.get_ref().iter().any(|n| n.get_ref().trim().to_lowercase() == w)
                {
                    self.error(
                        "contradictory-matcher",
                        Some(word.span()),
                        format!("`{}` is in both `near` and `not`", word.get_ref()),
                    )
                    .hint = Some(
                        "a clause cannot both mention and not mention it; remove it from one list"
                            .into(),
                    );
                }
            }
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| self.tolerance(t, "tolerance"));
        if let (Some(t), Some(span)) = (&tolerance, raw.tolerance.as_ref().map(Spanned::span)) {
            tols.push(OwnTolerance {
                tolerance: t.clone(),
                span,
                owner: raw.id.as_ref().map(|i| i.get_ref().clone()),
                kind,
            });
        }
        let hedged = raw.hedged.as_ref().and_then(|t| self.tolerance(t, "hedged"));
        let severity = self.severity(&raw.severity);
        let within_source = raw.within_source.as_ref().is_none_or(|w| *w.get_ref());
        let id = raw.id.as_ref()?.get_ref().clone();
        Some(Metric {
            label: raw.label.as_ref().map_or_else(|| id.clone(), |l| l.get_ref().clone()),
            id,
            kind: kind?,
            unit: raw
                .unit
                .as_ref()
                .map(|u| u.get_ref().clone())
                .filter(|_| kind == Some(Kind::Count)),
            near,
            also,
            not,
            tolerance,
            hedged,
            severity,
            within_source,
            share: raw.share.as_ref().is_some_and(|s| *s.get_ref()),
            changes: raw.changes.as_ref().is_some_and(|s| *s.get_ref()),
            window: self.window(raw.window.as_ref()),
            location: self.location(&e.span),
        })
    }

    /// `window`: days, 0 to 3650 (default 7).
    fn window(&mut self, raw: Option<&Spanned<i64>>) -> i64 {
        let Some(w) = raw else { return DEFAULT_WINDOW };
        let days = *w.get_ref();
        if !(0..=3650).contains(&days) {
            self.error(
                "bad-window",
                Some(w.span()),
                format!("`window = {days}` is not a number of days from 0 to 3650"),
            )
            .hint = Some("figures within this many days count as current at the same time".into());
            return DEFAULT_WINDOW;
        }
        days
    }

    fn words(
        &mut self,
        raw: &Spanned<Vec<Spanned<String>>>,
        key: &str,
        req: Required,
    ) -> Vec<String> {
        let list = raw.get_ref();
        if list.is_empty() {
            match req {
                Required::NonEmpty => {
                    let hint = if key == "near" {
                        "list the words a claim's clause must mention, e.g. near = [\"aid\"]"
                            .to_owned()
                    } else {
                        format!("`{key} = []` can never be satisfied; remove `{key}` to drop the condition")
                    };
                    self.error("empty-matcher", Some(raw.span()), format!("`{key}` is empty"))
                        .hint = Some(hint);
                }
                Required::MayBeEmpty => {
                    self.warning(
                        "redundant",
                        Some(raw.span()),
                        format!("`{key} = []` has no effect"),
                    )
                    .hint = Some(format!("remove `{key}`"));
                }
            }
        }
        let mut out: Vec<String> = Vec::new();
        for word in list {
            let w = word.get_ref().trim();
            if w.is_empty() {
                self.error("empty-matcher", Some(word.span()), format!("empty word in `{key}`"))
                    .hint = Some("an empty word would match every claim; remove it".into());
            } else if out.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                self.warning(
                    "redundant",
                    Some(word.span()),
                    format!("`{w}` is listed twice in `{key}`"),
                )
                .hint = Some("remove the second one".into());
            } else {
                out.push(w.to_owned());
            }
        }
        out
    }

    fn relation(
        &mut self,
        e: Elem<RawRule>,
        metrics: &[Metric],
        declared: &[String],
        seen: &mut HashMap<String, Option<Span>>,
        tols: &mut Vec<OwnTolerance>,
    ) -> Option<Relation> {
        let place = "[[rule]]";
        let raw = &e.raw;
        if let Some(id) = &raw.id {
            self.id(id, "rule", seen);
        } else if !e.dropped("id") {
            self.missing(
                &e.span,
                place,
                "id",
                "add a kebab-case id, e.g. id = \"military-within-total\"",
            );
        }
        let severity = self.severity(&raw.severity);
        let kind_word = match &raw.kind {
            Some(k) => match k.get_ref().as_str() {
                w @ ("at-most" | "agree" | "sum") => Some(w),
                other => {
                    self.invalid_word(k.span(), "kind", other, &["at-most", "agree", "sum"]);
                    None
                }
            },
            None => {
                if !e.dropped("kind") {
                    self.missing(
                        &e.span,
                        place,
                        "kind",
                        "add kind = \"at-most\", \"agree\" or \"sum\"",
                    );
                }
                None
            }
        };
        // Check references whatever the kind, so a typo is reported even if `kind` is wrong.
        let mut refs: Vec<&Spanned<String>> = Vec::new();
        refs.extend(raw.left.iter().chain(raw.right.iter()));
        refs.extend(raw.parts.iter().flat_map(|p| p.get_ref().iter()));
        refs.extend(raw.total.iter());
        for r in &refs {
            if !declared.iter().any(|d| d == r.get_ref()) {
                let hint =
                    match diag::did_you_mean(r.get_ref(), declared.iter().map(String::as_str)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None if declared.is_empty() => "no `[[metric]]` is defined yet".to_owned(),
                        None => format!(
                            "defined metrics: {}",
                            backticked(&declared.iter().map(String::as_str).collect::<Vec<_>>())
                        ),
                    };
                self.error(
                    "unknown-metric",
                    Some(r.span()),
                    format!("unknown metric `{}`", r.get_ref()),
                )
                .hint = Some(hint);
            }
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| self.tolerance(t, "tolerance"));

        let kind_word = kind_word?;
        let pair_keys = [("left", &raw.left), ("right", &raw.right)];
        let sum_keys = [
            ("parts", raw.parts.as_ref().map(Spanned::span)),
            ("total", raw.total.as_ref().map(Spanned::span)),
        ];
        let kind = if kind_word == "sum" {
            for (key, v) in pair_keys {
                if let Some(v) = v {
                    self.error(
                        "key-not-allowed",
                        Some(v.span()),
                        format!("`{key}` on a `sum` rule"),
                    )
                    .hint = Some("a sum rule takes `parts` and `total`".into());
                }
            }
            if raw.parts.is_none() && !e.dropped("parts") {
                self.missing(
                    &e.span,
                    place,
                    "parts",
                    "list the metrics that add up, e.g. parts = [\"a\", \"b\"]",
                );
            }
            if raw.total.is_none() && !e.dropped("total") {
                self.missing(
                    &e.span,
                    place,
                    "total",
                    "name the metric they add up to, e.g. total = \"c\"",
                );
            }
            let parts = raw.parts.as_ref()?;
            let total = raw.total.as_ref()?;
            match parts.get_ref().len() {
                0 => {
                    self.error("empty-matcher", Some(parts.span()), "`parts` is empty".into())
                        .hint = Some("list at least two metrics".into());
                }
                1 => {
                    self.warning(
                        "suspicious-value",
                        Some(parts.span()),
                        "a sum of one part".into(),
                    )
                    .hint = Some(
                        "to say two metrics are the same quantity, use kind = \"agree\"".into(),
                    );
                }
                _ => {}
            }
            let mut names: Vec<&str> = Vec::new();
            for p in parts.get_ref() {
                if p.get_ref() == total.get_ref() {
                    self.error(
                        "self-relation",
                        Some(p.span()),
                        format!("`{}` is both a part and the total", p.get_ref()),
                    )
                    .hint = Some("remove it from `parts`".into());
                } else if names.contains(&p.get_ref().as_str()) {
                    self.warning(
                        "redundant",
                        Some(p.span()),
                        format!("`{}` is listed twice in `parts`", p.get_ref()),
                    )
                    .hint = Some("each part is added once per listing; remove the second".into());
                }
                names.push(p.get_ref());
            }
            RelationKind::Sum {
                parts: parts.get_ref().iter().map(|p| p.get_ref().clone()).collect(),
                total: total.get_ref().clone(),
            }
        } else {
            for (key, span) in sum_keys {
                if let Some(span) = span {
                    self.error("key-not-allowed", Some(span), format!("`{key}` on an `{kind_word}` rule"))
                        .hint = Some("`parts` and `total` belong to kind = \"sum\"; this kind takes `left` and `right`".into());
                }
            }
            for (key, v) in pair_keys {
                if v.is_none() && !e.dropped(key) {
                    self.missing(
                        &e.span,
                        place,
                        key,
                        &format!("add the metric id, e.g. {key} = \"us-aid-total\""),
                    );
                }
            }
            let (left, right) = (raw.left.as_ref()?, raw.right.as_ref()?);
            if left.get_ref() == right.get_ref() {
                self.error(
                    "self-relation",
                    Some(right.span()),
                    format!("`{}` is related to itself", left.get_ref()),
                )
                .hint = Some("`left` and `right` must name different metrics".into());
            }
            let (left, right) = (left.get_ref().clone(), right.get_ref().clone());
            if kind_word == "at-most" {
                RelationKind::AtMost { left, right }
            } else {
                RelationKind::Agree { left, right }
            }
        };

        // All related metrics must measure the same kind of thing.
        let mut first: Option<&Metric> = None;
        for r in &refs {
            let Some(m) = metrics.iter().find(|m| &m.id == r.get_ref()) else { continue };
            match first {
                None => first = Some(m),
                Some(f) if f.kind != m.kind => {
                    self.error(
                        "kind-mismatch",
                        Some(r.span()),
                        format!(
                            "`{kind_word}` relates `{}` ({}) to `{}` ({})",
                            f.id,
                            f.kind.as_str(),
                            m.id,
                            m.kind.as_str()
                        ),
                    )
                    .hint = Some("a rule can only relate metrics of the same kind".into());
                }
                Some(f) if f.unit != m.unit => {
                    self.warning("suspicious-value", Some(r.span()), format!(
                        "`{kind_word}` relates counts of different units: `{}` ({}) and `{}` ({})",
                        f.id, f.unit.as_deref().unwrap_or("no unit"), m.id, m.unit.as_deref().unwrap_or("no unit")
                    )).hint = Some("check that the two metrics count the same thing".into());
                }
                Some(_) => {}
            }
        }
        if let (Some(t), Some(span)) = (&tolerance, raw.tolerance.as_ref().map(Spanned::span)) {
            tols.push(OwnTolerance {
                tolerance: t.clone(),
                span,
                owner: raw.id.as_ref().map(|i| i.get_ref().clone()),
                kind: first.map(|m| m.kind),
            });
        }
        Some(Relation {
            id: raw.id.as_ref()?.get_ref().clone(),
            kind,
            tolerance,
            severity,
            location: self.location(&e.span),
        })
    }

    /// Absolute tolerances must suit the metrics that use them: money needs a currency,
    /// everything else must not have one.
    fn tolerance_fit(
        &mut self,
        rules: &Rules,
        global: &HashMap<&'static str, Span>,
        metric_tols: &[OwnTolerance],
        relation_tols: &[OwnTolerance],
    ) {
        for own in metric_tols.iter().chain(relation_tols) {
            let Some(kind) = own.kind else { continue };
            if let Some((msg, hint)) = misfit(&own.tolerance, kind) {
                let who = own.owner.as_deref().unwrap_or("?");
                self.error(
                    "bad-tolerance",
                    Some(own.span.clone()),
                    format!(
                        "tolerance `{}` {msg}, but `{who}` is a {} metric",
                        own.tolerance,
                        kind.as_str()
                    ),
                )
                .hint = Some(hint);
            }
        }
        // The global tolerances apply to every metric without its own (`default`) or to
        // every metric (`hedged`); one diagnostic per key and kind.
        for (key, tol, users) in [
            ("default", &rules.tolerance.default, metrics_without_own(rules)),
            ("hedged", &rules.tolerance.hedged, rules.metrics.iter().collect()),
        ] {
            let Some(span) = global.get(key) else { continue };
            let mut by_kind: BTreeMap<&str, (Kind, Vec<String>)> = BTreeMap::new();
            for m in users {
                if misfit(tol, m.kind).is_some() {
                    by_kind
                        .entry(m.kind.as_str())
                        .or_insert((m.kind, Vec::new()))
                        .1
                        .push(format!("`{}`", m.id));
                }
            }
            for (kind_name, (kind, ids)) in by_kind {
                let (msg, hint) = misfit(tol, kind).expect("filtered above");
                self.error(
                    "bad-tolerance",
                    Some(span.clone()),
                    format!(
                        "`{key}` tolerance `{tol}` {msg}, but {kind_name} metrics use it: {}",
                        ids.join(", ")
                    ),
                )
                .hint = Some(format!("{hint}; or give those metrics their own `tolerance`"));
            }
        }
    }

    /// With `rates = "fixed"`, every currency the rules name needs a fixed rate.
    fn rates_cover(
        &mut self,
        rules: &Rules,
        rates_span: Option<Span>,
        global: &HashMap<&'static str, Span>,
        metric_tols: &[OwnTolerance],
        relation_tols: &[OwnTolerance],
    ) {
        let Some(rates_span) = rates_span else { return };
        let c = &rules.currency;
        let mut uses: Vec<(String, Span)> = Vec::new();
        if c.dollar != c.base {
            uses.push((c.dollar.clone(), rates_span.clone()));
        }
        for (key, t) in [("default", &rules.tolerance.default), ("hedged", &rules.tolerance.hedged)]
        {
            if let (Tolerance::Absolute { currency: Some(cur), .. }, Some(span)) =
                (t, global.get(key))
            {
                uses.push((cur.clone(), span.clone()));
            }
        }
        for own in metric_tols.iter().chain(relation_tols) {
            if let Tolerance::Absolute { currency: Some(cur), .. } = &own.tolerance {
                uses.push((cur.clone(), own.span.clone()));
            }
        }
        for (cur, span) in uses {
            if cur != c.base && !c.fixed.contains_key(&cur) && ISO_4217.contains(&cur.as_str()) {
                self.error("missing-rate", Some(span), format!("no fixed rate for {cur}, and `rates = \"fixed\"` uses no other"))
                    .hint = Some(format!("add it to `fixed`, e.g. fixed = {{ {cur} = \"…\" }} ({} per {cur}), or use rates = \"ecb\"", c.base));
            }
        }
    }
}

struct GlobalTolerance {
    rules: ToleranceRules,
    spans: HashMap<&'static str, Span>,
}

/// A `tolerance` written on a metric or rule, kept for the fit check once kinds are known.
struct OwnTolerance {
    tolerance: Tolerance,
    span: Span,
    owner: Option<String>,
    kind: Option<Kind>,
}

#[derive(Clone, Copy)]
enum Required {
    NonEmpty,
    MayBeEmpty,
}

fn metrics_without_own(rules: &Rules) -> Vec<&Metric> {
    let mut out: Vec<&Metric> = rules.metrics.iter().filter(|m| m.tolerance.is_none()).collect();
    // A rule without its own tolerance compares its metrics with `default` too.
    for r in rules.relations.iter().filter(|r| r.tolerance.is_none()) {
        for id in r.kind.metrics() {
            if let Some(m) = rules.metric(id) {
                if !out.iter().any(|o| o.id == m.id) {
                    out.push(m);
                }
            }
        }
    }
    out
}

/// Why `t` does not suit a metric of `kind`, and what to write instead.
fn misfit(t: &Tolerance, kind: Kind) -> Option<(String, String)> {
    match (t, kind) {
        (Tolerance::Absolute { amount, currency: None }, Kind::Money) => Some((
            "has no currency".into(),
            format!("did you mean \"{}%\"? An absolute tolerance on money needs a currency, e.g. \"2bn USD\"", amount.normalize()),
        )),
        (Tolerance::Absolute { amount, currency: Some(_) }, k) if k != Kind::Money => Some((
            "is an amount of money".into(),
            format!("write \"{}\" without a currency, or a percentage such as \"5%\"", amount.normalize()),
        )),
        _ => None,
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

const MAGNITUDES: &[(&str, i64)] = &[
    ("k", 1_000),
    ("thousand", 1_000),
    ("m", 1_000_000),
    ("mn", 1_000_000),
    ("million", 1_000_000),
    ("b", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("billion", 1_000_000_000),
    ("tn", 1_000_000_000_000),
    ("trn", 1_000_000_000_000),
    ("trillion", 1_000_000_000_000),
];

fn magnitude(word: &str) -> Option<Decimal> {
    let w = word.to_ascii_lowercase();
    MAGNITUDES.iter().find(|(m, _)| *m == w).map(|(_, v)| Decimal::from(*v))
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

/// Active ISO 4217 codes (plus the precious metals and SDR), from the ISO list of 2025.
/// Private on purpose: src/normalize/currency.rs will hold the full table with names and
/// minor units, and this list should then be replaced by it.
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS",
    "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD",
    "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND",
    "VUV", "WST", "XAF", "XAG", "XAU", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "YER",
    "ZAR", "ZMW", "ZWG",
];

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
    fn iso_codes_are_sorted_unique_and_upper_case() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_4217.iter().all(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase())));
    }

    #[test]
    fn span_at_finds_the_line_again() {
        let text = "a = 1\n[[source]]\npath = 'x'\n";
        let loc = Location { file: "f".into(), line: 2, column: 1 };
        assert_eq!(span_at(text, &loc).map(|s| &text[s]), Some("[[source]]"));
    }
}
