//! The default, human format: per metric, what each source claims, who said it, the figure
//! as written and normalized, and the verdict; then the findings, stale baseline entries and
//! a one-line summary. A fact-checker reads it in a terminal and pastes it into a story, so
//! without colour it must still say everything (verdicts and `[new]` are words, not colours).

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    modifiers, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use crate::finding::{BaselineState, ClaimReport, Finding, MetricStatus, Report, Severity};
use crate::report::{baseline_label, summary_line};
use crate::text::collapse_whitespace;

/// How the table is drawn: colour, the width it must fit, and whether every claim of a
/// finding is listed (with its sentence) or a few per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns the output must fit in (locations are never split; a longer one overflows).
    pub width: usize,
    pub verbose: bool,
}

impl Style {
    /// Plain, 100 columns, a few claims per side: pipes, files and snapshots.
    pub const PLAIN: Style = Style { color: false, width: 100, verbose: false };
}

/// Claims listed per side of a finding without `--verbose`.
const CLAIMS_PER_SIDE: usize = 3;

pub fn render(report: &Report, out: &mut dyn Write, style: Style) -> io::Result<()> {
    let paint = Paint { color: style.color, width: style.width };
    for metric in &report.metrics {
        writeln!(
            out,
            "{} ({}): {}",
            paint.bold(&metric.label),
            metric.id,
            paint.status(metric.status)
        )?;
        if metric.claims.is_empty() {
            writeln!(out, "  no claims linked")?;
        } else {
            let mut t = paint.table();
            t.set_header(["Source", "Who said it", "As written", "Normalized", "Verdict"]);
            keep_whole(&mut t, &[0, 3, 4]);
            if let Some(c) = t.column_mut(1) {
                // Names wrap before the figure as written does.
                c.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(24)));
            }
            for c in &metric.claims {
                let verdict = c.verdict.as_deref().unwrap_or("");
                t.add_row([
                    Cell::new(location(c)),
                    Cell::new(c.attributed_to.as_deref().unwrap_or("")),
                    Cell::new(collapse_whitespace(&c.text)),
                    Cell::new(c.normalized.as_ref().map_or("", |n| n.display.as_str())),
                    paint.verdict(verdict),
                ]);
                // `--explain`: a dim line under the claim with the words that linked it.
                if !c.linked_by.is_empty() {
                    t.add_row([
                        Cell::new(""),
                        Cell::new(""),
                        paint.dim(&format!("↳ {}", c.linked_by.join("; "))),
                        Cell::new(""),
                        Cell::new(""),
                    ]);
                }
            }
            writeln!(out, "{t}")?;
        }
        writeln!(out)?;
    }

    if !report.unlinked.is_empty() {
        writeln!(out, "{}", paint.bold("Unlinked claims"))?;
        let mut t = paint.table();
        t.set_header(["Source", "As written", "Why not linked", "Sentence"]);
        keep_whole(&mut t, &[0]);
        for c in &report.unlinked {
            t.add_row([
                location(c),
                collapse_whitespace(&c.text),
                c.unlinked_because.clone().unwrap_or_default(),
                c.sentence.clone(),
            ]);
        }
        writeln!(out, "{t}\n")?;
    }

    if !report.findings.is_empty() {
        writeln!(out, "{}\n", paint.bold("Findings"))?;
        for f in &report.findings {
            finding(out, f, &paint, style)?;
        }
    }

    let unchecked: Vec<_> = report.rules.iter().filter(|r| !r.notes.is_empty()).collect();
    if !unchecked.is_empty() {
        writeln!(out, "{}", paint.bold("Rules not fully evaluated"))?;
        for r in unchecked {
            let what = if r.evaluated { "checked only in part" } else { "not evaluated" };
            writeln!(out, "  {} {} ({what}): {}", r.kind, r.id, r.notes.join("; "))?;
        }
        writeln!(out)?;
    }

    if !report.stale_claims.is_empty() {
        writeln!(
            out,
            "{}",
            paint.bold("Claim overrides that matched nothing (fix or remove them)")
        )?;
        for s in &report.stale_claims {
            writeln!(out, "  {s}")?;
        }
        writeln!(out)?;
    }

    if !report.stale_baseline.is_empty() {
        writeln!(
            out,
            "{}",
            paint.bold("Stale baseline entries (no longer found; remove them from the baseline)")
        )?;
        for s in &report.stale_baseline {
            let short = s.fingerprint.get(..12).unwrap_or(&s.fingerprint);
            writeln!(out, "  {short}  {}", s.message)?;
        }
        writeln!(out)?;
    }

    writeln!(out, "{}", summary_line(report))
}

/// One finding as a block: `error[code] message` wrapped to the width, then each side's
/// figure and who gives it with a few of its claims (all, with sentences, when verbose), then
/// where the rule is defined. Locations stand on their own, never split.
fn finding(out: &mut dyn Write, f: &Finding, paint: &Paint, style: Style) -> io::Result<()> {
    let head = format!("{}[{}] ", f.severity.as_str(), f.code);
    let wrapped = wrap(&format!("{head}{}", f.message), style.width, "", "    ");
    for (i, line) in wrapped.iter().enumerate() {
        if i == 0 {
            let rest = line.strip_prefix(&head).unwrap_or(line);
            writeln!(out, "{}{rest}", paint.severity_text(f.severity, &head))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    let sides: Vec<(String, Vec<usize>)> = if f.sides.is_empty() {
        vec![(String::new(), (0..f.claims.len()).collect())]
    } else {
        f.sides
            .iter()
            .map(|s| {
                let mut who = s.originators.join(", ");
                if who.is_empty() {
                    who = s.sources.join("; ");
                }
                let mark = if s.outlier { "  (out of line)" } else { "" };
                (format!("{} — {who}{mark}", s.figure), s.claims.clone())
            })
            .collect()
    };
    for (label, claims) in sides {
        if !label.is_empty() {
            for line in wrap(&label, style.width, "  ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
        let shown = if style.verbose { claims.len() } else { claims.len().min(CLAIMS_PER_SIDE) };
        for &k in &claims[..shown] {
            let Some(c) = f.claims.get(k) else { continue };
            writeln!(out, "    {} “{}”", location(c), collapse_whitespace(&c.text))?;
            if style.verbose {
                for line in wrap(&c.sentence, style.width, "        ", "        ") {
                    writeln!(out, "{}", paint.ansi(&line, "2"))?;
                }
            }
        }
        if claims.len() > shown {
            writeln!(out, "    … and {} more (--verbose lists them)", claims.len() - shown)?;
        }
    }
    let at = f.rule_location.as_deref().map(|l| format!(" at {l}")).unwrap_or_default();
    writeln!(out, "  rule {}{at} {}\n", f.rule, paint.baseline_text(f.baseline))
}

/// Columns that are never wrapped (locations, figures, verdicts): the others give way.
fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// `text` wrapped to `width` columns, the first line indented by `first`, the others by
/// `rest`; words are never split (a long path stays whole on its own line).
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options).into_iter().map(|l| l.into_owned()).collect()
}

/// `seeds/afp.txt:9:40`: what editors and terminals turn into a jump target.
fn location(c: &ClaimReport) -> String {
    format!("{}:{}:{}", c.source, c.line, c.column)
}

struct Paint {
    color: bool,
    width: usize,
}

impl Paint {
    fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED).apply_modifier(modifiers::UTF8_ROUND_CORNERS);
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        // Fit the width the caller measured (the terminal's, or COLUMNS, or 100): the same
        // bytes for the same width, in a terminal or a pipe.
        t.set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(self.width).unwrap_or(u16::MAX));
        t
    }

    fn cell(&self, text: &str, color: Color, bold: bool) -> Cell {
        let cell = Cell::new(text);
        if !self.color {
            return cell;
        }
        let cell = cell.fg(color);
        if bold {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }

    fn verdict(&self, verdict: &str) -> Cell {
        match verdict {
            "conflict" => self.cell(verdict, Color::Red, true),
            "agree" => self.cell(verdict, Color::Green, false),
            _ => Cell::new(verdict),
        }
    }

    fn severity_text(&self, s: Severity, text: &str) -> String {
        match s {
            Severity::Error => self.ansi(text, "1;31"),
            Severity::Warning => self.ansi(text, "1;33"),
            Severity::Info => self.ansi(text, "34"),
        }
    }

    fn baseline_text(&self, b: BaselineState) -> String {
        let text = format!("[{}]", baseline_label(b));
        match b {
            BaselineState::New => self.ansi(&text, "1;31"),
            BaselineState::Known => self.ansi(&text, "2"),
        }
    }

    fn status(&self, s: MetricStatus) -> String {
        let (text, code) = match s {
            MetricStatus::Agree => ("agree", "32"),
            MetricStatus::Conflict => ("conflict", "1;31"),
            MetricStatus::Single => ("single source", "33"),
            MetricStatus::None => ("no claims", "2"),
        };
        self.ansi(text, code)
    }

    fn dim(&self, text: &str) -> Cell {
        let cell = Cell::new(text);
        if self.color {
            cell.add_attribute(comfy_table::Attribute::Dim)
        } else {
            cell
        }
    }

    fn bold(&self, text: &str) -> String {
        self.ansi(text, "1")
    }

    fn ansi(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered(color: bool) -> String {
        let mut out = Vec::new();
        render(&sample_report(), &mut out, Style { color, ..Style::PLAIN }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(rendered(false));
    }

    #[test]
    fn plain_output_has_no_escape_codes() {
        assert!(!rendered(false).contains('\x1b'));
    }

    #[test]
    fn colour_output_says_the_same_words() {
        let coloured = rendered(true);
        assert!(coloured.contains('\x1b'));
        for word in ["conflict", "[new]", "[known]", "seeds/afp.txt:9:40", "Trump"] {
            assert!(coloured.contains(word), "{word}");
        }
    }

    #[test]
    fn empty_metric_and_unlinked_claims_are_shown() {
        let mut r = sample_report();
        let moved = r.metrics[0].claims.pop().unwrap();
        r.metrics[0].claims.clear();
        r.metrics[0].status = MetricStatus::None;
        r.unlinked.push(moved);
        let mut out = Vec::new();
        render(&r, &mut out, Style::PLAIN).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("(us-demand): no claims\n  no claims linked"), "{text}");
        assert!(text.contains("Unlinked claims"));
        assert!(text.contains("seeds/ft.txt:5:12"));
    }
}
