//! The `check` pipeline as a library function: sources + rules → [`Report`]. No printing, no
//! argv; the CLI renders what this returns.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::config::{Rules, Tolerance};
use crate::evaluate::{self, Code, Ctx, Fig, RawFinding, Side};
use crate::extract::{self, Claim, Role};
use crate::finding::build::{claim_report, normalized_report};
use crate::finding::{
    BaselineState, ClaimReport, Finding, MetricReport, MetricStatus, Report, RuleReport, Severity,
    SideReport, SourceInfo, Summary, ToleranceReport, SCHEMA_VERSION,
};
use crate::link::{Link, Linker, Miss};
use crate::normalize::{self, Converter, FxError, FxTable, Interval, Normalized, Rate, RateSource};
use std::path::PathBuf;

use crate::sources::{self, Source, SourceError, SourceMeta, SourceWarning};

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
    #[error(transparent)]
    Source(#[from] SourceError),
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
    /// The `[[claim]]` overrides (indices into `rules.claims`) that matched a claim here.
    pub overrides_used: Vec<usize>,
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
    /// The metrics' ids, for messages.
    metric_ids: Vec<String>,
    /// Per metric, its `sources` scope as compiled globs (with rules.toml's folder joined
    /// on); empty when it takes every source.
    scope_globs: Vec<Vec<glob::Pattern>>,
}

impl<'r> Pipeline<'r> {
    pub fn new(rules: &'r Rules, opts: &Options) -> Pipeline<'r> {
        Pipeline {
            rules,
            opts: opts.clone(),
            linker: Linker::new(&rules.metrics),
            metric_ids: rules.metrics.iter().map(|m| m.id.clone()).collect(),
            scope_globs: rules
                .metrics
                .iter()
                .map(|m| scope_globs(&rules.dir, &m.sources))
                .collect(),
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

    /// Whether `claim` (normalized as `norm`) is within metric `m`'s scope: its `min`/`max`
    /// (the figure's interval reaches into them) and `exclude-hedges`; `from_source[m]` says
    /// whether its `sources` globs take the claim's source.
    fn in_scope(
        &self,
        m: usize,
        claim: &Claim,
        norm: Option<&Normalized>,
        from_source: &[bool],
    ) -> bool {
        let metric = &self.rules.metrics[m];
        if !from_source[m] {
            return false;
        }
        if let Some(h) = claim.hedge {
            if metric.exclude_hedges.iter().any(|x| x == h.as_str()) {
                return false;
            }
        }
        if metric.min.is_some() || metric.max.is_some() {
            let Some(iv) = norm.map(Normalized::interval) else { return false };
            if metric.min.zip(iv.high).is_some_and(|(min, high)| high < min)
                || metric.max.zip(iv.low).is_some_and(|(max, low)| low > max)
            {
                return false;
            }
        }
        true
    }

    /// Applies rules.toml's `[[claim]]` overrides to this source's links: a matched claim
    /// joins the override's metric only, or none. Returns the overrides that matched. A claim
    /// is matched by its text (whitespace collapsed) and which occurrence of that text it is
    /// in the source, so re-flowed text keeps the match, or by `at = "path:line:col"`.
    fn apply_overrides(
        &self,
        source: &SourceRef,
        text: &str,
        claims: &[Claim],
        links: &mut [Vec<Link>],
        report: &ReportFn,
    ) -> Vec<usize> {
        let dir = self.rules.dir.as_path();
        let mine: Vec<(usize, &crate::config::ClaimOverride)> = self
            .rules
            .claims
            .iter()
            .enumerate()
            .filter(|(_, o)| sources::same_path(&dir.join(&o.source), &source.path))
            .collect();
        if mine.is_empty() {
            return Vec::new();
        }
        let mut used = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for (ci, c) in claims.iter().enumerate() {
            let written = crate::text::collapse_whitespace(&text[c.start..c.end]);
            let nth = {
                let n = seen.entry(written.clone()).or_default();
                *n += 1;
                *n
            };
            for &(oi, o) in &mine {
                let hit = match (&o.text, o.at) {
                    (Some(t), _) => *t == written && o.occurrence == nth,
                    (None, Some((line, col))) => {
                        let r = report(c, None, None);
                        (r.line, r.column) == (line, col)
                    }
                    (None, None) => false,
                };
                if hit {
                    links[ci] = o.metric.map(Link::by_hand).into_iter().collect();
                    used.push(oi);
                }
            }
        }
        used
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
        let (mut links, misses): (Vec<Vec<Link>>, Vec<Option<Miss>>) =
            self.linker.link_explained(text, &claims).into_iter().unzip();
        let overrides_used = self.apply_overrides(&source, text, &claims, &mut links, report);
        // Which metrics' `sources` scope takes this source: once per source, not per claim.
        let path = source.path.to_string_lossy().replace('\\', "/");
        let path = path.trim_start_matches("./");
        let from_source: Vec<bool> = self
            .scope_globs
            .iter()
            .map(|g| g.is_empty() || g.iter().any(|p| p.matches(path)))
            .collect();
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
            if let Some(message) = evaluate::fx_consistency::check(
                rules,
                (&claims[ci], &claims[p]),
                texts,
                date,
                dollar,
            ) {
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
            let candidates = links.len();
            let links = self.linker.exclusive(
                links
                    .into_iter()
                    .filter(|l| {
                        l.by_hand || self.in_scope(l.metric, claim, norm.as_ref(), &from_source)
                    })
                    .collect(),
            );
            let currency = claim.currency.and_then(|cue| normalize::resolve(cue, dollar));
            let mut report = report(claim, currency, norm.as_ref());
            if links.is_empty() && candidates > 0 {
                report.unlinked_because = Some(
                    "its metrics' words take it, but it is outside their scope (min, max, exclude-hedges or sources)".into(),
                );
            } else if links.is_empty() {
                report.unlinked_because = misses[ci].as_ref().map(|m| m.explain(&self.metric_ids));
            }
            index[ci] = items.len();
            items.push(Item { source: 0, claim: claim.clone(), report, norm, links });
        }
        let fx = pairs.into_iter().map(|(a, b, m)| (index[a], index[b], m)).collect();
        Ok(Analyzed { source, claims: claims.len(), items, fx, overrides_used })
    }

    /// Evaluates the rules over every analyzed source (in the order given, which decides the
    /// report's order) and builds the report.
    pub fn reduce(&self, analyzed: Vec<Analyzed>) -> Report {
        let rules = self.rules;
        let mut sources = Vec::with_capacity(analyzed.len());
        let mut items: Vec<Item> = Vec::new();
        let mut fx = Vec::new();
        let mut total = 0;
        let mut overrides_used = vec![false; rules.claims.len()];
        for (si, a) in analyzed.into_iter().enumerate() {
            for &o in &a.overrides_used {
                overrides_used[o] = true;
            }
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
            if it.links.is_empty() {
                continue;
            }
            let own = own_figure(&it.claim, &rules.currency.dollar);
            let as_of =
                normalize::as_of::as_of(&it.report.sentence, sources[it.source].meta.published);
            for l in &it.links {
                // The size of a change ("by $1.5bn") is not the quantity; the old value of a
                // change ("from 84%") is not current on a quantity that changes over time.
                let changes = rules.metrics[l.metric].changes;
                match it.claim.role {
                    Some(Role::Change) => continue,
                    Some(Role::Before) if changes => continue,
                    _ => {}
                }
                let n = it.norm.as_ref().expect("linked claims are normalized");
                figs[l.metric].push(Fig {
                    source: it.source,
                    claim: i,
                    interval: n.interval(),
                    hedge: it.claim.hedge,
                    kind: it.claim.kind,
                    currency: n.currency.clone(),
                    originator: it.claim.attributed_to.clone(),
                    own: own.clone(),
                    as_of,
                });
            }
        }
        let groups = figs.iter().map(|f| evaluate::group(f)).collect();
        let ctx = Ctx { rules, groups, source_names: &source_names, abs: &abs };
        let mut raw = evaluate::evaluate(&ctx);
        let coverage = evaluate::rule_coverage(&ctx);
        raw.extend(fx.into_iter().map(|(a, b, message)| RawFinding {
            code: Code::FxInconsistent,
            severity: Severity::Warning,
            message,
            rule: "fx".into(),
            rule_location: None,
            metrics: Vec::new(),
            claims: vec![a, b],
            sides: Vec::new(),
        }));
        let mut report = build_report(rules, &sources, &items, total, raw, &self.opts);
        report.stale_claims = rules
            .claims
            .iter()
            .zip(&overrides_used)
            .filter(|(_, used)| !**used)
            .map(|(o, _)| {
                let what = match (&o.text, o.at) {
                    (Some(t), _) if o.occurrence > 1 => {
                        format!("“{t}” (occurrence {})", o.occurrence)
                    }
                    (Some(t), _) => format!("“{t}”"),
                    (None, Some((l, c))) => format!("at {l}:{c}"),
                    (None, None) => String::new(),
                };
                format!("[[claim]] at {} matched no claim: {} {what}", o.location, o.source)
            })
            .collect();
        report.rules = coverage
            .into_iter()
            .map(|(id, kind, evaluated, notes)| RuleReport {
                id,
                kind: kind.into(),
                evaluated,
                notes,
            })
            .collect();
        report
    }
}

/// Sources read and analyzed at a time: enough to keep every core busy, few enough that the
/// texts in memory at once stay small (only each source's claims outlive its chunk).
pub const CHUNK: usize = 256;

/// What the map step over files reports as it goes, for the caller to show: a file read
/// (for a progress bar, from any worker thread), and each source's warnings, in file order.
pub trait Observer: Sync {
    fn read_one(&self) {}
    fn warnings(&self, _source: &[SourceWarning], _meta: &[Warning]) {}
}

/// An [`Observer`] that shows nothing.
pub struct Quiet;
impl Observer for Quiet {}

impl Pipeline<'_> {
    /// The map step over files: each is read, its metadata merged with rules.toml's
    /// `[[source]]` tables, then extracted, linked and normalized, [`CHUNK`] files at a time
    /// in parallel on `pool`, keeping only what the report needs. Skipped files (binary,
    /// empty) give a warning and no result. The result is in file order, whatever the
    /// scheduling.
    pub fn map_files(
        &self,
        files: &[PathBuf],
        pool: &rayon::ThreadPool,
        observer: &dyn Observer,
    ) -> Result<Vec<Analyzed>, CheckError> {
        let mut analyzed = Vec::with_capacity(files.len());
        for chunk in files.chunks(CHUNK) {
            let results: Vec<Result<Loaded, CheckError>> =
                pool.install(|| chunk.par_iter().map(|path| self.file(path, observer)).collect());
            for r in results {
                let (a, source_warnings, meta_warnings) = r?;
                observer.warnings(&source_warnings, &meta_warnings);
                analyzed.extend(a);
            }
        }
        Ok(analyzed)
    }

    /// One file of [`Pipeline::map_files`].
    fn file(&self, path: &std::path::Path, observer: &dyn Observer) -> Result<Loaded, CheckError> {
        let mut warnings = Vec::new();
        let source = sources::load(path, &mut warnings)?;
        observer.read_one();
        let Some(mut source) = source else { return Ok((None, warnings, vec![])) };
        let mut meta_warnings = Vec::new();
        source.meta = self.meta(&source.id, &source.path, &source.meta, &mut meta_warnings);
        Ok((Some(self.source(&source)?), warnings, meta_warnings))
    }

    /// A source's metadata: rules.toml's `[[source]]` over its front matter (`front`), with a
    /// warning per disagreement.
    pub fn meta(
        &self,
        id: &str,
        path: &std::path::Path,
        front: &SourceMeta,
        warnings: &mut Vec<Warning>,
    ) -> SourceMeta {
        let mut messages = Vec::new();
        let rules = (self.rules.source_meta.as_slice(), self.rules.dir.as_path());
        let meta = sources::meta_for(rules, id, path, front, &mut messages);
        warnings.extend(messages.into_iter().map(Warning));
        meta
    }
}

/// One source after the map step (`None` when skipped), with its warnings.
type Loaded = (Option<Analyzed>, Vec<SourceWarning>, Vec<Warning>);

/// Runs the whole pipeline over sources in memory: the map step over each (in parallel; the
/// report does not depend on scheduling), then the reduce step.
pub fn run(rules: &Rules, sources: &[Source], opts: &Options) -> Result<Report, CheckError> {
    let pipeline = Pipeline::new(rules, opts);
    let analyzed: Result<Vec<Analyzed>, CheckError> = sources
        .par_chunks(CHUNK)
        .flat_map_iter(|chunk| chunk.iter().map(|s| pipeline.source(s)).collect::<Vec<_>>())
        .collect();
    Ok(pipeline.reduce(analyzed?))
}

/// A metric's `sources` globs, compiled: each as written and joined to rules.toml's folder
/// (source paths are as given or walked, relative to where the command runs).
fn scope_globs(dir: &std::path::Path, globs: &[String]) -> Vec<glob::Pattern> {
    let dir = dir.to_string_lossy().replace('\\', "/");
    globs
        .iter()
        .flat_map(|g| {
            let full = if dir.is_empty() || dir == "." { g.clone() } else { format!("{dir}/{g}") };
            [g.clone(), full]
        })
        .filter_map(|g| glob::Pattern::new(g.trim_start_matches("./")).ok())
        .collect()
}

/// A money claim's figure in the currency its text states it in.
fn own_figure(claim: &Claim, dollar: &str) -> Option<(String, Interval)> {
    let currency = claim.currency.and_then(|c| normalize::resolve(c, dollar))?;
    let interval = match (claim.low, claim.high, claim.value) {
        (None, None, Some(v)) => Interval::point(v),
        (low, high, _) => Interval::new(low, high),
    };
    Some((currency, interval))
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

/// A short name for a source in messages: its `name`, or its file name.
pub fn short_name(s: &SourceRef) -> String {
    s.meta.name.clone().unwrap_or_else(|| {
        s.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| s.id.clone())
    })
}

/// The sides of a finding out of line: those stated by the fewest sources (all of them when
/// each is stated by as many); `None` for a finding without sides.
fn outliers(sides: &[Side]) -> Option<Vec<&Side>> {
    let fewest = sides.iter().map(|s| s.sources.len()).min()?;
    Some(sides.iter().filter(|s| s.sources.len() == fewest).collect())
}

/// The sides as the report shows them: claims as indices into the finding's `claims`
/// (`order`, the run's claim indices in report order), sources by name.
fn side_reports(sides: &[Side], order: &[usize], source_names: &[String]) -> Vec<SideReport> {
    let out_of_line = outliers(sides).unwrap_or_default();
    let all_out = out_of_line.len() == sides.len();
    sides
        .iter()
        .map(|s| {
            let mut claims: Vec<usize> =
                s.claims.iter().filter_map(|c| order.iter().position(|o| o == c)).collect();
            claims.sort_unstable();
            claims.dedup();
            SideReport {
                figure: s.figure.clone(),
                originators: s.originators.clone(),
                sources: s.sources.iter().map(|&i| source_names[i].clone()).collect(),
                claims,
                outlier: !all_out && out_of_line.iter().any(|o| std::ptr::eq(*o, s)),
            }
        })
        .collect()
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
    let source_names: Vec<String> = sources.iter().map(short_name).collect();
    let mut findings: Vec<Finding> = raw
        .iter()
        .map(|r| {
            let mut claims: Vec<usize> = r.claims.clone();
            claims.sort_by_key(|&i| (items[i].source, items[i].report.start));
            claims.dedup();
            let sides = side_reports(&r.sides, &claims, &source_names);
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
                sides,
            };
            f.fingerprint = crate::finding::fingerprint::fingerprint(&f);
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

    // Claims in a conflict on a metric, for verdicts and statuses: the claims of the side out
    // of line (stated by fewer sources; both sides when as many state each), or every claim
    // of a finding without sides.
    let mut conflicted: BTreeMap<(String, usize, usize), ()> = BTreeMap::new();
    let mut conflict_metrics = std::collections::BTreeSet::new();
    for r in &raw {
        if r.code.is_conflict() {
            let out_of_line: Vec<usize> = match outliers(&r.sides) {
                Some(sides) => sides.into_iter().flat_map(|s| s.claims.iter().copied()).collect(),
                None => r.claims.clone(),
            };
            for m in &r.metrics {
                conflict_metrics.insert(m.clone());
                for &c in &out_of_line {
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
        rules: Vec::new(),
        stale_claims: Vec::new(),
        summary,
    }
}
