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

/// One claim in the run with what the pipeline learned about it.
#[derive(Debug, Clone)]
pub struct Item {
    pub source: usize,
    pub claim: Claim,
    pub norm: Option<Normalized>,
    pub links: Vec<Link>,
}

/// Applies `[[source]]` metadata from rules.toml over front matter; disagreements are warnings
/// and rules.toml wins (it is the file the checker edits).
pub fn merge_meta(rules: &Rules, sources: &mut [Source], warnings: &mut Vec<Warning>) {
    for s in sources.iter_mut() {
        let Some(rule) =
            rules.source_meta.iter().find(|r| same_path(&rules.dir.join(&r.path), &s.path))
        else {
            continue;
        };
        let fm = s.meta.clone();
        let mut disagree = |key: &str, a: &dyn std::fmt::Display, b: &dyn std::fmt::Display| {
            warnings.push(Warning(format!(
                "{}: front matter says {key} = {a}, but [[source]] at {} says {b}; using rules.toml",
                s.id, rule.location
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
        s.meta = SourceMeta {
            name: rule.name.clone().or(fm.name),
            published: rule.published.or(fm.published),
            url: rule.url.clone().or(fm.url),
        };
    }
}

fn same_path(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Extracts and links every source (in parallel; the order of the result is the order of
/// `sources`, so output never depends on scheduling).
pub fn analyze(rules: &Rules, sources: &[Source]) -> Vec<(Vec<Claim>, Vec<Vec<Link>>)> {
    analyze_with(rules, sources, &|| {})
}

/// [`analyze`], calling `done` (from any thread) after each source: the CLI's progress bar.
pub fn analyze_with(
    rules: &Rules,
    sources: &[Source],
    done: &(dyn Fn() + Sync),
) -> Vec<(Vec<Claim>, Vec<Vec<Link>>)> {
    let linker = Linker::new(&rules.metrics);
    sources
        .par_iter()
        .map(|s| {
            let claims = extract::extract_source(s);
            let links = linker.link(&s.text, &claims);
            done();
            (claims, links)
        })
        .collect()
}

/// Runs the whole pipeline.
pub fn run(rules: &Rules, sources: &[Source], opts: &Options) -> Result<Report, CheckError> {
    run_with(rules, sources, opts, &|| {})
}

/// [`run`], calling `done` after each source is extracted and linked (the long part).
pub fn run_with(
    rules: &Rules,
    sources: &[Source],
    opts: &Options,
    done: &(dyn Fn() + Sync),
) -> Result<Report, CheckError> {
    let analyzed = analyze_with(rules, sources, done);
    let converter =
        Converter::new(&rules.currency.base, rules.currency.fixed.clone(), rules.currency.use_ecb);
    let dollar = rules.currency.dollar.as_str();

    // Normalize linked claims; an inline conversion into the base currency converts its
    // partner at the rate the text states (rate_source "inline").
    let mut items: Vec<Item> = Vec::new();
    let mut fx_pairs: Vec<(usize, usize)> = Vec::new();
    for (si, (claims, links)) in analyzed.into_iter().enumerate() {
        let src = &sources[si];
        let date = src.meta.published.or(opts.as_of);
        let offset = items.len();
        let restated_by = restated_by(&claims);
        for (ci, (claim, links)) in claims.iter().zip(links).enumerate() {
            let partner = claims[ci].restates.or(restated_by[ci]);
            if let Some(p) = partner.filter(|p| *p > ci) {
                fx_pairs.push((offset + ci, offset + p));
            }
            let norm = if !links.is_empty() {
                let inline = partner.and_then(|p| {
                    inline_rate(&claims[p], claim, dollar, &rules.currency.base).map(|r| (p, r))
                });
                let n = match inline {
                    // The text states the figure in the base currency: take it exactly.
                    Some((p, rate)) => {
                        normalize::normalize_with_rate(claim, rate, dollar, &rules.currency.base)
                            .map(|n| Normalized { value: claims[p].value.or(n.value), ..n })
                    }
                    None => normalize::normalize_claim(claim, date, dollar, &converter),
                };
                Some(n.map_err(|error| CheckError::Fx { path: src.id.clone(), error })?)
            } else {
                None
            };
            items.push(Item { source: si, claim: claim.clone(), norm, links });
        }
    }

    let source_names: Vec<String> = sources.iter().map(short_name).collect();
    let abs = |t: &Tolerance| absolute_in_base(t, &converter);
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
    raw.extend(fx_findings(rules, sources, &items, &fx_pairs, dollar));

    Ok(build_report(rules, sources, &items, raw, opts))
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

/// `fx-inconsistent` findings for inline conversions off the reference rate.
fn fx_findings(
    rules: &Rules,
    sources: &[Source],
    items: &[Item],
    pairs: &[(usize, usize)],
    dollar: &str,
) -> Vec<RawFinding> {
    let Tolerance::Relative(tol) = rules.tolerance.conversion else { return Vec::new() };
    let mut out = Vec::new();
    for &(a, b) in pairs {
        let (ca, cb) = (&items[a].claim, &items[b].claim);
        let (Some(from), Some(to)) = (
            ca.currency.and_then(|c| normalize::resolve(c, dollar)),
            cb.currency.and_then(|c| normalize::resolve(c, dollar)),
        ) else {
            continue;
        };
        let (Some(va), Some(vb)) = (ca.value, cb.value) else { continue };
        let date = sources[items[a].source].meta.published;
        let conv = Converter::new(&to, rules.currency.fixed.clone(), rules.currency.use_ecb);
        let Ok(reference) = conv.rate(&from, date) else { continue };
        let Some(check) = evaluate::fx_check(va, vb, reference.value) else { continue };
        if check.difference <= tol {
            continue;
        }
        let day = reference.date.map(|d| format!(" on {d}")).unwrap_or_default();
        out.push(RawFinding {
            code: Code::FxInconsistent,
            severity: Severity::Warning,
            message: format!(
                "{} → {} implies {} {to}/{from}; reference rate{day} ({}) is {}: {}% apart, tolerance {}",
                sources[items[a].source].text[ca.start..ca.end].trim(),
                sources[items[b].source].text[cb.start..cb.end].trim(),
                check.implied.round_dp(4).normalize(),
                reference.source.as_str(),
                reference.value.round_dp(4).normalize(),
                (check.difference * Decimal::ONE_HUNDRED).round_dp(2).normalize(),
                rules.tolerance.conversion,
            ),
            rule: "fx".into(),
            rule_location: None,
            metrics: Vec::new(),
            claims: vec![a, b],
        });
    }
    out
}

/// A short name for a source in messages: its `name`, or its file name.
pub fn short_name(s: &Source) -> String {
    s.meta.name.clone().unwrap_or_else(|| {
        s.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| s.id.clone())
    })
}

// Claim → ClaimReport: shared by `check` and `extract` so both describe a claim alike.

/// Every run of whitespace as one space, trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An exact decimal string: no exponent, no trailing zeros.
pub fn decimal(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A claim as reports show it. `currency` is the claim's own currency, already resolved
/// (a bare dollar → the configured dollar); `normalized` is its conversion, if any.
pub fn claim_report(
    source: &Source,
    claim: &Claim,
    currency: Option<String>,
    normalized: Option<&Normalized>,
) -> ClaimReport {
    let (line, column) = source.line_index.line_col_in(&source.text, claim.start);
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
    sources: &[Source],
    items: &[Item],
    raw: Vec<RawFinding>,
    opts: &Options,
) -> Report {
    let report_of = |i: usize| {
        let it = &items[i];
        let currency =
            it.claim.currency.and_then(|cue| normalize::resolve(cue, &rules.currency.dollar));
        claim_report(&sources[it.source], &it.claim, currency, it.norm.as_ref())
    };
    let mut findings: Vec<Finding> = raw
        .iter()
        .map(|r| {
            let mut claims: Vec<usize> = r.claims.clone();
            claims.sort_by_key(|&i| (items[i].source, items[i].claim.start));
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
                    conflicted.insert((m.clone(), items[c].source, items[c].claim.start), ());
                }
            }
        }
    }

    let metrics = rules
        .metrics
        .iter()
        .enumerate()
        .map(|(m, metric)| {
            let mut claims: Vec<ClaimReport> = Vec::new();
            let mut srcs = std::collections::BTreeSet::new();
            for (i, it) in items.iter().enumerate() {
                let Some(link) = it.links.iter().find(|l| l.metric == m) else { continue };
                srcs.insert(it.source);
                let mut c = report_of(i);
                if opts.explain {
                    c.linked_by = link.explain();
                }
                claims.push(c);
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
            for c in &mut claims {
                let src = sources.iter().position(|s| s.id == c.source).unwrap_or(0);
                c.verdict = Some(
                    if conflicted.contains_key(&(metric.id.clone(), src, c.start)) {
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
                claims,
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
        claims: items.len(),
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
