//! The `check` pipeline as a library function: sources + rules → [`Report`]. No printing, no
//! argv; the CLI renders what this returns.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::config::{Rules, Tolerance};
use crate::evaluate::{self, Code, Ctx, Fig, RawFinding};
use crate::extract::{self, Claim, Kind};
use crate::finding::{
    BaselineState, ClaimReport, Finding, MetricReport, MetricStatus, NormalizedReport, Report,
    Severity, SourceInfo, Summary, ToleranceReport, SCHEMA_VERSION,
};
use crate::link::{Link, Linker};
use crate::normalize::{
    self, display, Converter, FxError, FxTable, Interval, Normalized, Rate, RateSource,
};
use std::path::PathBuf;

use crate::sources::{Source, SourceMeta};

/// What `check` was asked for beyond the rules.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Date for sources that give none.
    pub as_of: Option<jiff::civil::Date>,
    /// Keep the words that linked each claim (`--explain`).
    pub explain: bool,
    /// List claims no metric took (`--unlinked`).
    pub unlinked: bool,
}

/// A problem with the input that stops the run (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{path}: {error}")]
    Fx { path: String, error: FxError },
}

/// A warning that does not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

/// A source as the report names it, without its text: what the reduce step keeps, so a run's
/// memory is bounded by the claims, not the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub id: String,
    pub path: PathBuf,
    pub meta: SourceMeta,
    /// For claims read back with `--claims`: the day `extract --base` converted them at,
    /// standing in for the `published` date the claims do not carry.
    pub rate_date: Option<jiff::civil::Date>,
}

impl SourceRef {
    pub fn of(s: &Source) -> SourceRef {
        SourceRef { id: s.id.clone(), path: s.path.clone(), meta: s.meta.clone(), rate_date: None }
    }

    /// The date its money converts at: `published`, else the extraction's rate date, else
    /// `--as-of`.
    fn date(&self, as_of: Option<jiff::civil::Date>) -> Option<jiff::civil::Date> {
        self.meta.published.or(self.rate_date).or(as_of)
    }
}

/// One claim the report needs (linked to a metric, half of an inline conversion, or any claim
/// under `--unlinked`), with what the pipeline learned about it.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of its source in the run; set by [`Pipeline::reduce`].
    pub source: usize,
    pub claim: Claim,
    /// How reports show it (location, text, sentence), made while the text was at hand.
    pub report: ClaimReport,
    pub norm: Option<Normalized>,
    pub links: Vec<Link>,
}

/// What the map step produces for one source: all the reduce step needs of it.
#[derive(Debug, Clone)]
pub struct Analyzed {
    pub source: SourceRef,
    /// Every claim found in it, linked or not (for the summary).
    pub claims: usize,
    pub items: Vec<Item>,
    /// Inline conversions among `items` (`114.2 billion euros ($119.8 billion)`) whose
    /// implied rate is off the reference rate: the two claims, by index, and the message.
    pub fx: Vec<(usize, usize, String)>,
}

/// The metadata of one source: its `[[source]]` entry in rules.toml over `front` (its front
/// matter), with a warning per disagreement; rules.toml wins (it is the file the checker
/// edits).
pub fn meta_for(
    rules: &Rules,
    id: &str,
    path: &std::path::Path,
    front: &SourceMeta,
    warnings: &mut Vec<Warning>,
) -> SourceMeta {
    let Some(rule) = rules.source_meta.iter().find(|r| same_path(&rules.dir.join(&r.path), path))
    else {
        return front.clone();
    };
    let fm = front.clone();
    let mut disagree = |key: &str, a: &dyn std::fmt::Display, b: &dyn std::fmt::Display| {
        warnings.push(Warning(format!(
            "{id}: front matter says {key} = {a}, but [[source]] at {} says {b}; using rules.toml",
            rule.location
        )));
    };
    if let (Some(a), Some(b)) = (&fm.name, &rule.name) {
        if a != b {
            disagree("name", a, b);
        }
    }
    if let (Some(a), Some(b)) = (&fm.published, &rule.published) {
        if a != b {
            disagree("published", a, b);
        }
    }
    if let (Some(a), Some(b)) = (&fm.url, &rule.url) {
        if a != b {
            disagree("url", a, b);
        }
    }
    SourceMeta {
        name: rule.name.clone().or(fm.name),
        published: rule.published.or(fm.published),
        url: rule.url.clone().or(fm.url),
    }
}

/// The same file: canonical paths when both exist, else the paths without `.` components
/// (`./seeds/a.txt` is `seeds/a.txt`; claims read back with `--claims` name files that may
/// not exist here).
fn same_path(a: &std::path::Path, b: &std::path::Path) -> bool {
    use std::path::Component;
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a
            .components()
            .filter(|c| *c != Component::CurDir)
            .eq(b.components().filter(|c| *c != Component::CurDir)),
    }
}

/// Makes a claim's report entry from the claim, its resolved currency and its conversion.
type ReportFn<'a> = dyn Fn(&Claim, Option<String>, Option<&Normalized>) -> ClaimReport + 'a;

/// The check pipeline for one rules file: built once (the linker's automaton, the
/// converter), then run per source in parallel (the map step, [`Pipeline::source`] or
/// [`Pipeline::claims`]) and over all of them once (the reduce step, [`Pipeline::reduce`]).
pub struct Pipeline<'r> {
    rules: &'r Rules,
    opts: Options,
    linker: Linker,
    converter: Converter,
}

impl<'r> Pipeline<'r> {
    pub fn new(rules: &'r Rules, opts: &Options) -> Pipeline<'r> {
        Pipeline {
            rules,
            opts: opts.clone(),
            linker: Linker::new(&rules.metrics),
            converter: Converter::new(
                &rules.currency.base,
                rules.currency.fixed.clone(),
                rules.currency.use_ecb,
            ),
        }
    }

    /// Extracts, links and normalizes one source. The text can be dropped afterwards.
    pub fn source(&self, s: &Source) -> Result<Analyzed, CheckError> {
        let claims = extract::extract_source(s);
        self.analyze(SourceRef::of(s), &s.text, claims, &|_| None, &|c, currency, norm| {
            claim_report(s, c, currency, norm)
        })
    }

    /// Links and normalizes claims extracted elsewhere (`extract --format jsonl`, read back by
    /// `check --claims`). `text` holds their sentences and each claim's spans point into it;
    /// `reports[i]` is how claim `i` was reported (its real file location), `given[i]` its
    /// conversion from `extract --base`, used when it is into the base currency.
    pub fn claims(
        &self,
        source: SourceRef,
        text: &str,
        claims: Vec<Claim>,
        reports: &[ClaimReport],
        given: &[Option<Normalized>],
    ) -> Result<Analyzed, CheckError> {
        let index: std::collections::HashMap<(usize, usize), usize> =
            claims.iter().enumerate().map(|(i, c)| ((c.start, c.end), i)).collect();
        let base = Some(self.rules.currency.base.as_str());
        let given = |ci: usize| given[ci].clone().filter(|n| n.currency.as_deref() == base);
        self.analyze(source, text, claims, &given, &|c, _, norm| {
            let mut r = reports[index[&(c.start, c.end)]].clone();
            r.normalized = norm.map(|n| normalized_report(c.kind, n));
            r
        })
    }

    fn analyze(
        &self,
        source: SourceRef,
        text: &str,
        claims: Vec<Claim>,
        given: &dyn Fn(usize) -> Option<Normalized>,
        report: &ReportFn,
    ) -> Result<Analyzed, CheckError> {
        let rules = self.rules;
        let dollar = rules.currency.dollar.as_str();
        let links = self.linker.link(text, &claims);
        let date = source.date(self.opts.as_of);
        let restated_by = restated_by(&claims);
        let partner = |ci: usize| claims[ci].restates.or(restated_by[ci]);
        let mut keep: Vec<bool> =
            links.iter().map(|l| !l.is_empty() || self.opts.unlinked).collect();
        // Inline conversions are checked here, where the text is at hand; only the
        // inconsistent ones (and their claims) are kept for the report.
        let mut pairs = Vec::new();
        for ci in 0..claims.len() {
            let Some(p) = partner(ci).filter(|p| *p > ci) else { continue };
            let texts =
                (&text[claims[ci].start..claims[ci].end], &text[claims[p].start..claims[p].end]);
            if let Some(message) = fx_message(rules, (&claims[ci], &claims[p]), texts, date, dollar)
            {
                pairs.push((ci, p, message));
                keep[ci] = true;
                keep[p] = true;
            }
        }
        let mut index = vec![usize::MAX; claims.len()];
        let mut items = Vec::new();
        for (ci, links) in links.into_iter().enumerate() {
            if !keep[ci] {
                continue;
            }
            let claim = &claims[ci];
            // Normalize linked claims; an inline conversion into the base currency converts
            // its partner at the rate the text states (rate_source "inline").
            let norm = if links.is_empty() {
                None
            } else {
                let inline = partner(ci).and_then(|p| {
                    inline_rate(&claims[p], claim, dollar, &rules.currency.base).map(|r| (p, r))
                });
                let n = match inline {
                    // The text states the figure in the base currency: take it exactly.
                    Some((p, rate)) => {
                        normalize::normalize_with_rate(claim, rate, dollar, &rules.currency.base)
                            .map(|n| Normalized { value: claims[p].value.or(n.value), ..n })
                    }
                    None => match given(ci) {
                        Some(n) => Ok(n),
                        None => normalize::normalize_claim(claim, date, dollar, &self.converter),
                    },
                };
                Some(n.map_err(|error| CheckError::Fx { path: source.id.clone(), error })?)
            };
            let currency = claim.currency.and_then(|cue| normalize::resolve(cue, dollar));
            let report = report(claim, currency, norm.as_ref());
            index[ci] = items.len();
            items.push(Item { source: 0, claim: claim.clone(), report, norm, links });
        }
        let fx = pairs.into_iter().map(|(a, b, m)| (index[a], index[b], m)).collect();
        Ok(Analyzed { source, claims: claims.len(), items, fx })
    }

    /// Evaluates the rules over every analyzed source (in the order given, which decides the
    /// report's order) and builds the report.
    pub fn reduce(&self, analyzed: Vec<Analyzed>) -> Report {
        let rules = self.rules;
        let mut sources = Vec::with_capacity(analyzed.len());
        let mut items: Vec<Item> = Vec::new();
        let mut fx = Vec::new();
        let mut total = 0;
        for (si, a) in analyzed.into_iter().enumerate() {
            let offset = items.len();
            fx.extend(a.fx.into_iter().map(|(x, y, m)| (offset + x, offset + y, m)));
            items.extend(a.items.into_iter().map(|it| Item { source: si, ..it }));
            total += a.claims;
            sources.push(a.source);
        }
        let source_names: Vec<String> = sources.iter().map(short_name).collect();
        let abs = |t: &Tolerance| absolute_in_base(t, &self.converter);
        let mut figs: Vec<Vec<Fig>> = vec![Vec::new(); rules.metrics.len()];
        for (i, it) in items.iter().enumerate() {
            for l in &it.links {
                let n = it.norm.as_ref().expect("linked claims are normalized");
                figs[l.metric].push(Fig {
                    source: it.source,
                    claim: i,
                    interval: n.interval(),
                    hedge: it.claim.hedge,
                    kind: it.claim.kind,
                    currency: n.currency.clone(),
                });
            }
        }
        let groups = figs.iter().map(|f| evaluate::group(f)).collect();
        let ctx = Ctx { rules, groups, source_names: &source_names, abs: &abs };
        let mut raw = evaluate::evaluate(&ctx);
        raw.extend(fx.into_iter().map(|(a, b, message)| RawFinding {
            code: Code::FxInconsistent,
            severity: Severity::Warning,
            message,
            rule: "fx".into(),
            rule_location: None,
            metrics: Vec::new(),
            claims: vec![a, b],
        }));
        build_report(rules, &sources, &items, total, raw, &self.opts)
    }
}

/// Runs the whole pipeline over sources in memory (sources in parallel; the report does not
/// depend on scheduling).
pub fn run(rules: &Rules, sources: &[Source], opts: &Options) -> Result<Report, CheckError> {
    let pipeline = Pipeline::new(rules, opts);
    let analyzed: Result<Vec<Analyzed>, CheckError> =
        sources.par_iter().map(|s| pipeline.source(s)).collect();
    Ok(pipeline.reduce(analyzed?))
}

/// For each claim, the first claim that restates it (an inline conversion), in one pass:
/// searching the list per claim was quadratic and hung `check` on a 10 MB source.
fn restated_by(claims: &[Claim]) -> Vec<Option<usize>> {
    let mut by = vec![None; claims.len()];
    for (i, c) in claims.iter().enumerate() {
        if let Some(slot) = c.restates.and_then(|p| by.get_mut(p)) {
            slot.get_or_insert(i);
        }
    }
    by
}

/// When `partner` is stated in the base currency, the rate that turns `claim` into it.
fn inline_rate(partner: &Claim, claim: &Claim, dollar: &str, base: &str) -> Option<Rate> {
    let pc = partner.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let cc = claim.currency.and_then(|c| normalize::resolve(c, dollar))?;
    if pc != base || cc == base {
        return None;
    }
    let value = partner.value?.checked_div(claim.value.filter(|v| !v.is_zero())?)?;
    Some(Rate { value, date: None, source: RateSource::Inline })
}

fn absolute_in_base(t: &Tolerance, converter: &Converter) -> Option<Decimal> {
    let Tolerance::Absolute { amount, currency } = t else { return None };
    match currency {
        None => Some(*amount),
        Some(c) if c == converter.base() => Some(*amount),
        Some(c) => {
            let rate = converter.rate(c, Some(FxTable::ecb().last_date())).ok()?;
            amount.checked_mul(rate.value)
        }
    }
}

/// The `fx-inconsistent` message for an inline conversion (`a` restated as `b`) whose
/// implied rate is off the reference rate of `date` by more than `[tolerance] conversion`;
/// `None` when it is consistent or cannot be checked.
fn fx_message(
    rules: &Rules,
    (ca, cb): (&Claim, &Claim),
    (text_a, text_b): (&str, &str),
    date: Option<jiff::civil::Date>,
    dollar: &str,
) -> Option<String> {
    let Tolerance::Relative(tol) = rules.tolerance.conversion else { return None };
    let from = ca.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let to = cb.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let (va, vb) = (ca.value?, cb.value?);
    let conv = Converter::new(&to, rules.currency.fixed.clone(), rules.currency.use_ecb);
    let reference = conv.rate(&from, date).ok()?;
    let check = evaluate::fx_check(va, vb, reference.value)?;
    if check.difference <= tol {
        return None;
    }
    let day = reference.date.map(|d| format!(" on {d}")).unwrap_or_default();
    Some(format!(
        "{} → {} implies {} {to}/{from}; reference rate{day} ({}) is {}: {}% apart, tolerance {}",
        text_a.trim(),
        text_b.trim(),
        check.implied.round_dp(4).normalize(),
        reference.source.as_str(),
        reference.value.round_dp(4).normalize(),
        (check.difference * Decimal::ONE_HUNDRED).round_dp(2).normalize(),
        rules.tolerance.conversion,
    ))
}

/// A short name for a source in messages: its `name`, or its file name.
pub fn short_name(s: &SourceRef) -> String {
    s.meta.name.clone().unwrap_or_else(|| {
        s.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| s.id.clone())
    })
}

// Claim → ClaimReport: shared by `check` and `extract` so both describe a claim alike.

pub use crate::extract::collapse_whitespace;

/// An exact decimal string: no exponent, no trailing zeros.
pub fn decimal(v: Decimal) -> String {
    let mut out = Vec::with_capacity(24);
    push_decimal(&mut out, v);
    // Only ASCII digits, `-` and `.` were written.
    String::from_utf8(out).unwrap_or_default()
}

/// [`decimal`], appended to `out` without formatting machinery: the mantissa's digits with
/// the point put in by the scale (`-0.05` is mantissa −5, scale 2).
pub fn push_decimal(out: &mut Vec<u8>, v: Decimal) {
    let v = v.normalize();
    if v.is_sign_negative() && !v.is_zero() {
        out.push(b'-');
    }
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(v.mantissa().unsigned_abs()).as_bytes();
    let scale = v.scale() as usize;
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(int);
        out.push(b'.');
        out.extend_from_slice(frac);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

/// A claim as reports show it. `currency` is the claim's own currency, already resolved
/// (a bare dollar → the configured dollar); `normalized` is its conversion, if any.
pub fn claim_report(
    source: &Source,
    claim: &Claim,
    currency: Option<String>,
    normalized: Option<&Normalized>,
) -> ClaimReport {
    let (line, column) = source.line_col(claim.start);
    let sentence = source.text.get(claim.sentence.0..claim.sentence.1).unwrap_or_default();
    ClaimReport {
        source: source.id.clone(),
        line,
        column,
        start: claim.start,
        end: claim.end,
        text: source.text[claim.start..claim.end].to_owned(),
        kind: claim.kind.as_str().to_owned(),
        value: claim.value.map(decimal),
        low: claim.low.map(decimal),
        high: claim.high.map(decimal),
        currency,
        hedge: claim.hedge.map(|h| h.as_str().to_owned()),
        attributed_to: claim.attributed_to.clone(),
        sentence: collapse_whitespace(sentence),
        normalized: normalized.map(|n| normalized_report(claim.kind, n)),
        linked_by: Vec::new(),
        verdict: None,
    }
}

/// The `normalized` object: exact decimal strings, the rate with its ISO date and source.
pub fn normalized_report(kind: Kind, n: &Normalized) -> NormalizedReport {
    NormalizedReport {
        value: n.value.map(decimal),
        low: n.low.map(decimal),
        high: n.high.map(decimal),
        currency: n.currency.clone(),
        rate: n.rate.map(|r| decimal(r.value)),
        rate_date: n.rate.and_then(|r| r.date).map(|d| d.to_string()),
        rate_source: n.rate.map(|r| r.source.as_str().to_owned()),
        display: figure(kind, n.value, n.low, n.high, n.currency.as_deref(), None),
    }
}

/// A compact human figure: `$119.8bn`, `≥ $1.42`, `$300bn–$350bn`, `50%`, `1.5m`,
/// `4 people`. A point with bounds on both sides (a hedge) shows the point; a point with one
/// bound (`more than $5`) shows the bound; no point shows the range.
pub fn figure(
    kind: Kind,
    value: Option<Decimal>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    currency: Option<&str>,
    unit: Option<&str>,
) -> String {
    let point = match (value, low, high) {
        (Some(v), None, None) | (Some(v), Some(_), Some(_)) => Some(v),
        (None, None, None) => return String::new(),
        _ => None,
    };
    // A year is a label, not a quantity: `2025`, never `2,025`.
    if let (Kind::Count, Some(v), Some("year" | "years")) = (kind, point, unit) {
        return format!("{} {}", v.normalize(), unit.unwrap_or_default());
    }
    let iv = Interval::new(low, high);
    let text = match (kind, point) {
        (Kind::Money, Some(v)) => display::money(v, currency),
        (Kind::Money, None) => display::interval(&iv, currency),
        (Kind::Percent, Some(v)) => display::percent(v),
        (Kind::Percent, None) => format!("{}%", display::interval(&iv, None)),
        (Kind::Number | Kind::Count, Some(v)) => display::number(v),
        (Kind::Number | Kind::Count, None) => display::interval(&iv, None),
    };
    match unit {
        Some(u) if kind == Kind::Count => format!("{text} {u}"),
        _ => text,
    }
}

fn build_report(
    rules: &Rules,
    sources: &[SourceRef],
    items: &[Item],
    total_claims: usize,
    raw: Vec<RawFinding>,
    opts: &Options,
) -> Report {
    let report_of = |i: usize| items[i].report.clone();
    let mut findings: Vec<Finding> = raw
        .iter()
        .map(|r| {
            let mut claims: Vec<usize> = r.claims.clone();
            claims.sort_by_key(|&i| (items[i].source, items[i].report.start));
            claims.dedup();
            let mut f = Finding {
                code: r.code.as_str().into(),
                severity: r.severity,
                message: r.message.clone(),
                fingerprint: String::new(),
                baseline: BaselineState::New,
                rule: r.rule.clone(),
                rule_location: r.rule_location.clone(),
                metrics: r.metrics.clone(),
                claims: claims.into_iter().map(report_of).collect(),
            };
            f.fingerprint = crate::baseline::fingerprint(&f);
            f
        })
        .collect();
    findings.sort_by(|a, b| {
        let key =
            |f: &Finding| f.claims.first().map(|c| (c.source.clone(), c.start)).unwrap_or_default();
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);

    // Claims in a conflict on a metric, for verdicts and statuses.
    let mut conflicted: BTreeMap<(String, usize, usize), ()> = BTreeMap::new();
    let mut conflict_metrics = std::collections::BTreeSet::new();
    for r in &raw {
        if matches!(r.code, Code::CrossSourceConflict | Code::WithinSourceConflict) {
            for m in &r.metrics {
                conflict_metrics.insert(m.clone());
                for &c in &r.claims {
                    conflicted.insert((m.clone(), items[c].source, items[c].report.start), ());
                }
            }
        }
    }

    let metrics = rules
        .metrics
        .iter()
        .enumerate()
        .map(|(m, metric)| {
            let mut claims: Vec<(usize, ClaimReport)> = Vec::new();
            let mut srcs = std::collections::BTreeSet::new();
            for (i, it) in items.iter().enumerate() {
                let Some(link) = it.links.iter().find(|l| l.metric == m) else { continue };
                srcs.insert(it.source);
                let mut c = report_of(i);
                if opts.explain {
                    c.linked_by = link.explain();
                }
                claims.push((it.source, c));
            }
            let status = if claims.is_empty() {
                MetricStatus::None
            } else if conflict_metrics.contains(&metric.id) {
                MetricStatus::Conflict
            } else if srcs.len() > 1 {
                MetricStatus::Agree
            } else {
                MetricStatus::Single
            };
            for (src, c) in &mut claims {
                c.verdict = Some(
                    if conflicted.contains_key(&(metric.id.clone(), *src, c.start)) {
                        "conflict"
                    } else if status == MetricStatus::Single {
                        "single"
                    } else {
                        "agree"
                    }
                    .into(),
                );
            }
            let tol = rules.tolerance_for(metric);
            MetricReport {
                id: metric.id.clone(),
                label: metric.label.clone(),
                kind: metric.kind.as_str().into(),
                status,
                claims: claims.into_iter().map(|(_, c)| c).collect(),
                tolerance: Some(ToleranceReport {
                    relative: match tol {
                        Tolerance::Relative(r) => Some(r.normalize().to_string()),
                        _ => None,
                    },
                    absolute: match tol {
                        Tolerance::Absolute { amount, .. } => Some(amount.normalize().to_string()),
                        _ => None,
                    },
                    display: tol.to_string(),
                }),
            }
        })
        .collect::<Vec<_>>();

    let unlinked = if opts.unlinked {
        (0..items.len()).filter(|&i| items[i].links.is_empty()).map(report_of).collect()
    } else {
        Vec::new()
    };
    let linked = items.iter().filter(|i| !i.links.is_empty()).count();
    let summary = Summary {
        sources: sources.len(),
        claims: total_claims,
        linked,
        findings: findings.len(),
        new: findings.iter().filter(|f| f.baseline == BaselineState::New).count(),
    };
    Report {
        schema_version: SCHEMA_VERSION,
        sources: sources
            .iter()
            .map(|s| SourceInfo {
                id: s.id.clone(),
                path: s.path.to_string_lossy().replace('\\', "/"),
                name: s.meta.name.clone(),
                published: s.meta.published.map(|d| d.to_string()),
                url: s.meta.url.clone(),
            })
            .collect(),
        metrics,
        findings,
        stale_baseline: Vec::new(),
        unlinked,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The hand-placed point agrees with rust_decimal's own formatting, at every scale
        /// and sign, trailing zeros included (they are normalized away by both).
        #[test]
        fn decimal_strings_agree_with_display(m in any::<i64>(), wide in any::<bool>(), scale in 0u32..=28) {
            let m = if wide { i128::from(m) * 1_000_000_000 } else { i128::from(m) };
            let v = rust_decimal::Decimal::try_from_i128_with_scale(m, scale);
            prop_assume!(v.is_ok(), "more than 96 bits");
            let v = v.unwrap();
            prop_assert_eq!(super::decimal(v), v.normalize().to_string());
        }
    }
}
