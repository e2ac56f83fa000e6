//! `--format html`: a self-contained report to send to an editor. One file, inline CSS and
//! inline SVG, no scripts and no external resources (the only URLs are the sources' own, as
//! links), readable on a phone and printable.
//!
//! Per metric, a plot puts every claim on one linear axis: a point for an exact figure, a bar
//! for an interval, an open-ended arrow for a bound ("more than $100bn"), and the tolerance
//! band shaded around the first claim. Agreeing and conflicting claims differ by shape
//! (circle / diamond) and by a written label, not by colour alone. Under the plot, each
//! claim's sentence with the figure marked, who said it, and where.
//!
//! Values are parsed from the report's exact decimal strings and turned into `f64` only to
//! place pixels; every number shown as text comes from the report's own strings.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::finding::{ClaimReport, MetricReport, MetricStatus, Report, Severity};
use crate::report::{baseline_label, source_name, summary_line};
use crate::text::collapse_whitespace;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(document(report).as_bytes())
}

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --agree: #1a7f37; --conflict: #cf222e;
  --single: #6e7781; --band: #ddf4ff; --mark: #fff8c5; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.summary, .note, .meta { color: var(--muted); }
.status { font-size: .85rem; font-weight: 600; padding: .1rem .45rem; border-radius: 1rem;
  border: 1px solid currentColor; white-space: nowrap; }
.status.conflict, .verdict.conflict, .severity.error { color: var(--conflict); }
.status.agree, .verdict.agree { color: var(--agree); }
.status.single, .status.none, .verdict.single, .severity.info { color: var(--single); }
.severity.warning { color: #9a6700; }
code { font-size: .9em; overflow-wrap: anywhere; }
svg.plot { width: 100%; max-width: 36rem; height: auto; display: block; margin: .5rem 0; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .figure { font-weight: 600; }
svg .axis line, svg .axis path { stroke: var(--muted); }
svg .tick text, svg .caption { fill: var(--muted); }
svg .grid { stroke: var(--line); stroke-dasharray: 2 3; }
svg .band { fill: var(--band); }
svg .band-label { fill: #0969da; }
svg .agree { fill: var(--agree); stroke: var(--agree); }
svg .conflict { fill: var(--conflict); stroke: var(--conflict); }
svg .single, svg .other { fill: var(--single); stroke: var(--single); }
svg .bar { stroke-width: 6; stroke-linecap: butt; fill: none; opacity: .55; }
svg .arrow { stroke-width: 2; fill: none; }
svg .verdict-label { font-weight: 600; stroke: none; }
svg .label .verdict-label { stroke: #fff; }
ol.claims, ul.findings, ul.sources { padding-left: 1.25rem; }
ol.claims li, ul.findings > li { margin: .6rem 0; }
ul.where { margin: .2rem 0 0; padding-left: 1rem; list-style: "– "; }
.sentence { margin: 0; }
mark { background: var(--mark); padding: 0 .1em; }
.new { font-weight: 600; color: var(--conflict); }
.known { color: var(--muted); }
@media (max-width: 40rem) {
  body { font-size: 15px; padding: .5rem .75rem 2rem; }
  h2 { font-size: 1.1rem; }
  svg text { font-size: 14px; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section.metric { break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn document(report: &Report) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>crosscheck report</title>\n<style>");
    h.push_str(CSS);
    h.push_str("</style>\n</head>\n<body>\n<header>\n<h1>crosscheck report</h1>\n");
    let _ =
        writeln!(h, "<p class=\"summary\">{}</p>\n</header>\n<main>", esc(&summary_line(report)));

    for (i, m) in report.metrics.iter().enumerate() {
        metric(&mut h, report, m, i);
    }
    unlinked(&mut h, report);
    findings(&mut h, report);
    stale(&mut h, report);
    sources(&mut h, report);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn metric(h: &mut String, report: &Report, m: &MetricReport, index: usize) {
    let (status_class, status_text) = match m.status {
        MetricStatus::Agree => ("agree", "agree"),
        MetricStatus::Conflict => ("conflict", "conflict"),
        MetricStatus::Single => ("single", "single source"),
        MetricStatus::None => ("none", "no claims"),
    };
    let _ = writeln!(
        h,
        "<section class=\"metric\" id=\"metric-{}\">\n<h2>{} <span class=\"status {status_class}\">{status_text}</span></h2>\n<p class=\"note\"><code>{}</code>, {}{}</p>",
        esc(&m.id),
        esc(&m.label),
        esc(&m.id),
        esc(&m.kind),
        m.tolerance
            .as_ref()
            .map(|t| format!(", tolerance {}", esc(&t.display)))
            .unwrap_or_default()
    );
    if m.claims.is_empty() {
        h.push_str("<p class=\"note\">No claim is linked to this metric.</p>\n</section>\n");
        return;
    }
    plot(h, report, m, index);
    h.push_str("<ol class=\"claims\">\n");
    for c in &m.claims {
        let verdict = c.verdict.as_deref().unwrap_or("");
        let _ = write!(
            h,
            "<li class=\"claim\"><p class=\"sentence\">{}</p>\n<p class=\"meta\">",
            highlighted(c)
        );
        if let Some(n) = &c.normalized {
            let _ = write!(h, "<strong>{}</strong>", esc(&n.display));
            if let (Some(rate), Some(src)) = (&n.rate, &n.rate_source) {
                if src != "identity" {
                    let _ = write!(
                        h,
                        " (rate {} from {}{})",
                        esc(&short_decimal(rate)),
                        esc(src),
                        n.rate_date.as_deref().map(|d| format!(", {}", esc(d))).unwrap_or_default()
                    );
                }
            }
            h.push_str(" · ");
        }
        if !verdict.is_empty() {
            let _ = write!(
                h,
                "<span class=\"verdict {}\">{}</span> · ",
                class(verdict),
                esc(verdict_word(verdict))
            );
        }
        if let Some(who) = &c.attributed_to {
            let _ = write!(h, "said by {} · ", esc(who));
        }
        let _ = write!(
            h,
            "{}, <code>{}:{}:{}</code></p>",
            esc(source_name(report, &c.source)),
            esc(&c.source),
            c.line,
            c.column
        );
        if !c.linked_by.is_empty() {
            let _ = write!(h, "<p class=\"note\">linked by {}</p>", esc(&c.linked_by.join("; ")));
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n</section>\n");
}

/// `--unlinked`: each claim no metric took, its sentence and why not.
fn unlinked(h: &mut String, report: &Report) {
    if report.unlinked.is_empty() {
        return;
    }
    h.push_str("<section class=\"unlinked\">\n<h2>Unlinked claims</h2>\n<ol class=\"claims\">\n");
    for c in &report.unlinked {
        let _ = writeln!(
            h,
            "<li class=\"claim\"><p class=\"sentence\">{}</p>\n<p class=\"meta\">{} · {}, <code>{}:{}:{}</code></p></li>",
            highlighted(c),
            esc(c.unlinked_because.as_deref().unwrap_or("no metric took it")),
            esc(source_name(report, &c.source)),
            esc(&c.source),
            c.line,
            c.column
        );
    }
    h.push_str("</ol>\n</section>\n");
}

/// The claim's sentence with its figure in `<mark>`; both are whitespace-collapsed, so the
/// figure is found even when it spans a line break in the source.
fn highlighted(c: &ClaimReport) -> String {
    let sentence = collapse_whitespace(&c.sentence);
    let figure = collapse_whitespace(&c.text);
    match (figure.is_empty(), sentence.find(&figure)) {
        (false, Some(at)) => format!(
            "{}<mark>{}</mark>{}",
            esc(&sentence[..at]),
            esc(&figure),
            esc(&sentence[at + figure.len()..])
        ),
        _ => format!("{} <mark>{}</mark>", esc(&sentence), esc(&figure)),
    }
}

// --- the plot ------------------------------------------------------------------------------

// A narrow drawing whose rows carry their label above the marks, so the axis takes the full
// width and the text stays legible when the plot is scaled down to a phone (a 720-wide
// drawing with labels on the left shrank 12px text to 6px on a 420px screen).
const WIDTH: f64 = 480.0;
const PLOT_LEFT: f64 = 22.0;
const PLOT_RIGHT: f64 = 452.0;
const TOP: f64 = 26.0;
const ROW: f64 = 44.0;
/// Baseline of a row's label, and centre line of its marks, below the row's top.
const LABEL_Y: f64 = 14.0;
const MARK_Y: f64 = 31.0;
/// Source names longer than this are cut (the full name is in the list under the plot).
const NAME_CHARS: usize = 30;
// Room for half a tick label ("1.5tn") either side of the axis, or the end ones are cut off.
const _: () = assert!(PLOT_LEFT >= 20.0 && WIDTH - PLOT_RIGHT >= 20.0);

/// A claim's figure as numbers for drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Point(f64),
    Interval { low: f64, high: f64, value: Option<f64> },
    AtLeast(f64),
    AtMost(f64),
    Unknown,
}

fn number(s: &Option<String>) -> Option<f64> {
    s.as_deref().and_then(|s| Decimal::from_str(s.trim()).ok()).and_then(|d| d.to_f64())
}

fn shape(c: &ClaimReport) -> Shape {
    let Some(n) = &c.normalized else {
        return Shape::Unknown;
    };
    match (number(&n.value), number(&n.low), number(&n.high)) {
        (value, Some(low), Some(high)) => {
            Shape::Interval { low: low.min(high), high: low.max(high), value }
        }
        (Some(v), _, _) => Shape::Point(v),
        (None, Some(low), None) => Shape::AtLeast(low),
        (None, None, Some(high)) => Shape::AtMost(high),
        (None, None, None) => Shape::Unknown,
    }
}

/// The tolerance band around the first claim: its figure (or interval) widened by the larger
/// of the relative and absolute allowance.
fn band(m: &MetricReport) -> Option<(f64, f64)> {
    let tol = m.tolerance.as_ref()?;
    let rel = number(&tol.relative).unwrap_or(0.0).abs();
    let abs = number(&tol.absolute).unwrap_or(0.0).abs();
    let (lo, hi) = match shape(m.claims.first()?) {
        Shape::Point(v) => (v, v),
        Shape::Interval { low, high, .. } => (low, high),
        _ => return None,
    };
    Some((lo - (lo.abs() * rel).max(abs), hi + (hi.abs() * rel).max(abs)))
}

struct Axis {
    min: f64,
    max: f64,
    ticks: Vec<f64>,
}

impl Axis {
    /// Covers every figure and the band. Zero is included when all figures are positive:
    /// readers judge "4.2× apart" by distance from zero, and a cropped axis exaggerates.
    fn new(values: &[f64]) -> Axis {
        let mut min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let mut max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !min.is_finite() || !max.is_finite() {
            (min, max) = (0.0, 1.0);
        }
        if min > 0.0 {
            min = 0.0;
        }
        if max < 0.0 {
            max = 0.0;
        }
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            max = min + min.abs().max(1.0);
        }
        let step = nice_step((max - min) / 5.0);
        let first = (min / step).floor() * step;
        let last = (max / step).ceil() * step;
        let n = ((last - first) / step).round() as usize;
        let ticks = (0..=n).map(|i| first + step * i as f64).collect();
        Axis { min: first, max: last, ticks }
    }

    fn x(&self, v: f64) -> f64 {
        PLOT_LEFT + (v - self.min) / (self.max - self.min) * (PLOT_RIGHT - PLOT_LEFT)
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 { raw } else { 1.0 };
    let pow = 10f64.powf(raw.log10().floor());
    let f = raw / pow;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * pow
}

/// Tick label: `0`, `250bn`, `1.5tn`, `40`. Display only.
fn compact(v: f64) -> String {
    let (scaled, suffix) = match v.abs() {
        a if a >= 1e12 => (v / 1e12, "tn"),
        a if a >= 1e9 => (v / 1e9, "bn"),
        a if a >= 1e6 => (v / 1e6, "m"),
        a if a >= 1e3 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    let mut s = format!("{scaled:.2}");
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s + suffix
}

fn plot(h: &mut String, report: &Report, m: &MetricReport, index: usize) {
    let shapes: Vec<Shape> = m.claims.iter().map(shape).collect();
    let band = band(m);
    let mut values = Vec::new();
    for s in &shapes {
        match *s {
            Shape::Point(v) | Shape::AtLeast(v) | Shape::AtMost(v) => values.push(v),
            Shape::Interval { low, high, .. } => values.extend([low, high]),
            Shape::Unknown => {}
        }
    }
    if let Some((lo, hi)) = band {
        values.extend([lo, hi]);
    }
    let axis = Axis::new(&values);
    let rows = m.claims.len() as f64;
    let axis_y = TOP + rows * ROW + 2.0;
    let height = axis_y + 40.0;
    let unit = m
        .claims
        .iter()
        .find_map(|c| c.normalized.as_ref().and_then(|n| n.currency.clone()))
        .unwrap_or_else(|| m.kind.clone());

    let _ = writeln!(
        h,
        "<svg class=\"plot\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"plot-title-{index}\">\n<title id=\"plot-title-{index}\">{}: {} claims on one axis, in {}</title>",
        esc(&m.label),
        m.claims.len(),
        esc(&unit)
    );

    // Grid and axis first, so marks draw over them.
    h.push_str("<g class=\"axis\">\n");
    for &t in &axis.ticks {
        let x = axis.x(t);
        let _ = writeln!(
            h,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{axis_y}\"/>\n<g class=\"tick\"><line x1=\"{x:.1}\" y1=\"{axis_y}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
            axis_y + 4.0,
            axis_y + 17.0,
            esc(&compact(t))
        );
    }
    let _ = writeln!(
        h,
        "<line x1=\"{PLOT_LEFT}\" y1=\"{axis_y}\" x2=\"{PLOT_RIGHT}\" y2=\"{axis_y}\"/>\n<text class=\"caption\" x=\"{PLOT_RIGHT}\" y=\"{:.1}\" text-anchor=\"end\">{}, normalized</text>\n</g>",
        axis_y + 33.0,
        esc(&unit)
    );

    if let (Some((lo, hi)), Some(tol)) = (band, &m.tolerance) {
        let (x1, x2) = (axis.x(lo), axis.x(hi));
        // The label grows away from the nearer edge, so it is never cut off at the right.
        let (label_x, anchor) = if (x1 + x2) / 2.0 > (PLOT_LEFT + PLOT_RIGHT) / 2.0 {
            (x2, "end")
        } else {
            (x1, "start")
        };
        let _ = writeln!(
            h,
            "<rect class=\"band\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>tolerance {} around the first claim</title></rect>\n<text class=\"band-label\" x=\"{label_x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">±{} of first claim</text>",
            TOP - 4.0,
            (x2 - x1).max(1.0),
            axis_y - TOP + 4.0,
            esc(&tol.display),
            TOP - 9.0,
            esc(&tol.display)
        );
    }

    for (i, (c, s)) in m.claims.iter().zip(&shapes).enumerate() {
        let top = TOP + ROW * i as f64;
        let y = top + MARK_Y;
        let verdict = c.verdict.as_deref().unwrap_or("");
        let cls = class(verdict);
        let name = truncate(source_name(report, &c.source), NAME_CHARS);
        let display = c.normalized.as_ref().map_or("", |n| n.display.as_str());
        let _ = writeln!(
            h,
            "<g class=\"row {cls}-row\">\n<text class=\"label\" x=\"{PLOT_LEFT}\" y=\"{:.1}\"><tspan>{}</tspan> · <tspan class=\"figure\">{}</tspan> <tspan class=\"verdict-label {cls}\">{}</tspan></text>",
            top + LABEL_Y,
            esc(&name),
            esc(display),
            esc(verdict_word(verdict))
        );
        match *s {
            Shape::Point(v) => marker(h, cls, axis.x(v), y),
            Shape::Interval { low, high, value } => {
                let (x1, x2) = (axis.x(low), axis.x(high));
                let _ = writeln!(
                    h,
                    "<line class=\"bar {cls}\" x1=\"{x1:.1}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\"/>"
                );
                match value {
                    Some(v) => marker(h, cls, axis.x(v), y),
                    // No central value: mark both ends, so the shape still tells the verdict.
                    None => {
                        marker(h, cls, x1, y);
                        marker(h, cls, x2, y);
                    }
                }
            }
            Shape::AtLeast(v) => {
                arrow(h, cls, axis.x(v), PLOT_RIGHT, y);
                marker(h, cls, axis.x(v), y);
            }
            Shape::AtMost(v) => {
                arrow(h, cls, axis.x(v), PLOT_LEFT, y);
                marker(h, cls, axis.x(v), y);
            }
            Shape::Unknown => {
                let _ = writeln!(
                    h,
                    "<text class=\"caption\" x=\"{PLOT_LEFT}\" y=\"{:.1}\">not comparable (no normalized figure)</text>",
                    y + 4.0
                );
            }
        }
        h.push_str("</g>\n");
    }
    h.push_str("</svg>\n");
}

/// Circle for agree, diamond for conflict, square otherwise: the shape carries the verdict
/// for readers who cannot tell the colours apart, and in black-and-white print.
fn marker(h: &mut String, cls: &str, x: f64, y: f64) {
    let _ = match cls {
        "agree" => writeln!(
            h,
            "<circle class=\"marker {cls}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\"/>"
        ),
        "conflict" => writeln!(
            h,
            "<polygon class=\"marker {cls}\" points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\"/>",
            y - 8.0,
            x + 8.0,
            y + 8.0,
            x - 8.0
        ),
        _ => writeln!(
            h,
            "<rect class=\"marker {cls}\" x=\"{:.1}\" y=\"{:.1}\" width=\"11\" height=\"11\"/>",
            x - 5.5,
            y - 5.5
        ),
    };
}

/// An open-ended bound: a line from the bound to the edge of the plot, with an arrowhead.
fn arrow(h: &mut String, cls: &str, from: f64, to: f64, y: f64) {
    let dir = if to >= from { 1.0 } else { -1.0 };
    let _ = writeln!(
        h,
        "<path class=\"arrow {cls}\" d=\"M{from:.1},{y:.1} H{to:.1} M{:.1},{:.1} L{to:.1},{y:.1} L{:.1},{:.1}\"/>",
        to - 8.0 * dir,
        y - 5.0,
        to - 8.0 * dir,
        y + 5.0
    );
}

// --- findings, stale entries, sources --------------------------------------------------------

fn findings(h: &mut String, report: &Report) {
    h.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        h.push_str("<p class=\"note\">No findings.</p>\n</section>\n");
        return;
    }
    h.push_str("<ul class=\"findings\">\n");
    for f in &report.findings {
        let state = baseline_label(f.baseline);
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = write!(
            h,
            "<li><span class=\"severity {sev}\">{sev}</span> <code>{}</code> <span class=\"{state}\">{state}</span><br>{}",
            esc(&f.code),
            esc(&f.message)
        );
        let locations: Vec<String> = f
            .claims
            .iter()
            .map(|c| {
                format!(
                    "<li><code>{}:{}:{}</code> “{}”</li>",
                    esc(&c.source),
                    c.line,
                    c.column,
                    esc(&collapse_whitespace(&c.text))
                )
            })
            .collect();
        if !locations.is_empty() {
            // One claim a line: run together, file:line:col and quotes were hard to tell apart.
            let _ = write!(h, "<ul class=\"where meta\">{}</ul>", locations.concat());
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
}

fn stale(h: &mut String, report: &Report) {
    if report.stale_baseline.is_empty() {
        return;
    }
    h.push_str("<section id=\"stale\">\n<h2>Stale baseline entries</h2>\n<p class=\"note\">Accepted findings that no longer occur; remove them from the baseline.</p>\n<ul>\n");
    for s in &report.stale_baseline {
        let short = s.fingerprint.get(..12).unwrap_or(&s.fingerprint);
        let _ = writeln!(h, "<li><code>{}</code> {}</li>", esc(short), esc(&s.message));
    }
    h.push_str("</ul>\n</section>\n");
}

fn sources(h: &mut String, report: &Report) {
    h.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<ul class=\"sources\">\n");
    for s in &report.sources {
        let _ = write!(h, "<li>{}", esc(s.name.as_deref().unwrap_or(s.id.as_str())));
        if let Some(date) = &s.published {
            let _ = write!(h, ", {}", esc(date));
        }
        let _ = write!(h, " <code>{}</code>", esc(&s.id));
        if let Some(url) = &s.url {
            // Only web links become links: a `javascript:` or `file:` URL in front matter
            // stays inert text.
            if is_web_url(url) {
                let _ = write!(h, "<br><a href=\"{0}\">{0}</a>", esc(url));
            } else {
                let _ = write!(h, "<br>{}", esc(url));
            }
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
}

// --- helpers -------------------------------------------------------------------------------

fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Escapes text and attribute values alike.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Verdicts are data; only known ones become a CSS class.
fn class(verdict: &str) -> &'static str {
    match verdict {
        "agree" => "agree",
        "conflict" => "conflict",
        "single" => "single",
        _ => "other",
    }
}

fn verdict_word(verdict: &str) -> &str {
    match verdict {
        "agree" => "agrees",
        "conflict" => "conflicts",
        "single" => "single source",
        other => other,
    }
}

fn short_decimal(s: &str) -> String {
    match Decimal::from_str(s.trim()) {
        Ok(d) => d.round_dp(4).normalize().to_string(),
        Err(_) => s.to_string(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered(report: &Report) -> String {
        crate::report::rendered(report, crate::report::Format::Html)
    }

    /// Tag names with their classes, in document order: the structure, without the CSS
    /// and coordinates that would make every style tweak a snapshot change.
    fn outline(html: &str) -> String {
        let mut lines = Vec::new();
        let mut depth: usize = 0;
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            rest = &rest[open + 1..];
            let end = rest.find('>').unwrap();
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                depth = depth.saturating_sub(1);
                if name == "style" {
                    continue;
                }
                continue;
            }
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let class = tag
                .split("class=\"")
                .nth(1)
                .and_then(|c| c.split('"').next())
                .map(|c| format!(".{}", c.replace(' ', ".")))
                .unwrap_or_default();
            lines.push(format!("{}{name}{class}", "  ".repeat(depth)));
            let void = tag.ends_with('/')
                || ["meta", "br", "link", "img", "input"].contains(&name.as_str());
            if !void {
                depth += 1;
            }
        }
        lines.join("\n")
    }

    #[test]
    fn structure_snapshot() {
        insta::assert_snapshot!(outline(&rendered(&sample_report())));
    }

    #[test]
    fn one_plot_per_metric_with_claims_and_every_claim_text() {
        let report = sample_report();
        let html = rendered(&report);
        let with_claims = report.metrics.iter().filter(|m| !m.claims.is_empty()).count();
        assert_eq!(html.matches("<svg").count(), with_claims);
        assert_eq!(html.matches("</svg>").count(), with_claims);
        for m in &report.metrics {
            for c in &m.claims {
                assert!(html.contains(&format!("<mark>{}</mark>", esc(&c.text))), "{}", c.text);
            }
        }
        // Escaped, not interpreted: the FT sentence has `<and>` and `&`.
        assert!(html.contains("war &lt;and&gt; wanted it back"));
        assert!(html.contains("uncommon earth &amp; oil"));
        assert!(!html.contains("<and>"));
    }

    #[test]
    fn self_contained_no_scripts_no_external_resources() {
        let report = sample_report();
        let html = rendered(&report);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"));
        assert!(!lower.contains(" src="));
        assert!(!lower.contains("@import"));
        assert!(!lower.contains("url("));
        for tag in lower.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            for attr in tag.split_whitespace().filter(|t| t.contains('=')) {
                assert!(!attr.starts_with("on"), "event handler in <{tag}>");
            }
        }
        let urls: Vec<&str> = report.sources.iter().filter_map(|s| s.url.as_deref()).collect();
        for (at, _) in lower.match_indices("http") {
            let before = &html[..at];
            let after = &html[at..];
            let is_source_link = urls.iter().any(|u| after.starts_with(&esc(u)))
                && (before.ends_with("<a href=\"") || before.ends_with("\">"));
            assert!(is_source_link, "unexpected http at {at}: {}", &after[..40]);
        }
        assert!(html.contains(&format!("<a href=\"{0}\">{0}</a>", urls[0])));
    }

    #[test]
    fn shapes_tell_agree_from_conflict_and_draw_intervals() {
        let html = rendered(&sample_report());
        // us-demand: two agreeing points → circles; us-aid-total: a conflicting point and a
        // conflicting interval without a central value → three diamonds and one bar.
        assert_eq!(html.matches("<circle class=\"marker agree\"").count(), 2);
        assert_eq!(html.matches("<polygon class=\"marker conflict\"").count(), 3);
        assert_eq!(html.matches("<line class=\"bar conflict\"").count(), 1);
        assert_eq!(html.matches("<rect class=\"band\"").count(), 2);
        assert!(html.contains(">agrees</tspan>"));
        assert!(html.contains(">conflicts</tspan>"));
    }

    #[test]
    fn bounds_become_arrows_and_unusable_figures_say_so() {
        let mut report = sample_report();
        let m = &mut report.metrics[1];
        let n = m.claims[1].normalized.as_mut().unwrap();
        n.high = None; // "more than $200bn"
        m.claims[0].normalized = None;
        let html = rendered(&report);
        assert_eq!(html.matches("<path class=\"arrow conflict\"").count(), 1);
        assert!(html.contains("not comparable (no normalized figure)"));
    }

    #[test]
    fn unsafe_urls_are_not_links() {
        let mut report = sample_report();
        report.sources[1].url = Some("javascript:alert(1)".into());
        let html = rendered(&report);
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("<br>javascript:alert(1)</li>"));
    }

    #[test]
    fn axis_is_linear_from_zero_with_nice_ticks() {
        let axis = Axis::new(&[119.8e9, 500e9, 475e9, 525e9]);
        assert_eq!(axis.min, 0.0);
        assert_eq!(axis.max, 600e9);
        assert_eq!(
            axis.ticks.iter().map(|t| compact(*t)).collect::<Vec<_>>(),
            ["0", "200bn", "400bn", "600bn"]
        );
        assert_eq!(axis.x(0.0), PLOT_LEFT);
        assert_eq!(axis.x(600e9), PLOT_RIGHT);
        // Degenerate input still gives a usable axis.
        let flat = Axis::new(&[]);
        assert!(flat.max > flat.min);
        let one = Axis::new(&[0.0]);
        assert!(one.max > one.min);
    }

    #[test]
    fn band_widens_first_claim_by_tolerance() {
        let report = sample_report();
        let (lo, hi) = band(&report.metrics[0]).unwrap();
        assert!((lo - 475e9).abs() < 1.0 && (hi - 525e9).abs() < 1.0);
    }

    #[test]
    fn plot_text_stays_inside_the_drawing() {
        let html = rendered(&sample_report());
        // us-demand's band sits at the right of its axis: its label grows leftwards.
        let demand = &html[html.find("id=\"metric-us-demand\"").unwrap()..];
        let label = &demand[demand.find("<text class=\"band-label\"").unwrap()..];
        assert!(label[..label.find('>').unwrap()].contains("text-anchor=\"end\""), "{label}");
        assert!(html.contains(&format!("viewBox=\"0 0 {WIDTH} ")));
    }

    #[test]
    fn compact_labels() {
        assert_eq!(compact(1.5e12), "1.5tn");
        assert_eq!(compact(250e9), "250bn");
        assert_eq!(compact(2.5e6), "2.5m");
        assert_eq!(compact(40.0), "40");
        assert_eq!(compact(-0.0), "0");
    }
}
