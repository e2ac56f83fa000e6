//! The default, human format: per metric, what each source claims, who said it, the figure
//! as written and normalized, and the verdict; then the findings, stale baseline entries and
//! a one-line summary. A fact-checker reads it in a terminal and pastes it into a story, so
//! without colour it must still say everything (verdicts and `[new]` are words, not colours).

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{modifiers, Attribute, Cell, Color, ContentArrangement, Table};

use crate::finding::{BaselineState, ClaimReport, MetricStatus, Report, Severity};
use crate::report::{baseline_label, summary_line};
use crate::text::collapse_whitespace;

pub fn render(report: &Report, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let paint = Paint { color };
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
        writeln!(out, "{}", paint.bold("Findings"))?;
        let mut t = paint.table();
        t.set_header(["Severity", "Code", "Message", "Claims", "Baseline"]);
        for f in &report.findings {
            let mut claims: Vec<String> = f
                .claims
                .iter()
                .map(|c| format!("{} {}", location(c), collapse_whitespace(&c.text)))
                .collect();
            if let Some(at) = &f.rule_location {
                claims.push(format!("rule {} at {at}", f.rule));
            }
            t.add_row([
                paint.severity(f.severity),
                Cell::new(&f.code),
                Cell::new(&f.message),
                Cell::new(claims.join("\n")),
                paint.baseline(f.baseline),
            ]);
        }
        writeln!(out, "{t}\n")?;
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

/// `seeds/afp.txt:9:40`: what editors and terminals turn into a jump target.
fn location(c: &ClaimReport) -> String {
    format!("{}:{}:{}", c.source, c.line, c.column)
}

struct Paint {
    color: bool,
}

impl Paint {
    fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED).apply_modifier(modifiers::UTF8_ROUND_CORNERS);
        if self.color {
            // The caller decided this is a terminal; wrap to its width.
            t.enforce_styling().set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            // Byte-identical output in pipes, files and snapshots.
            t.force_no_tty().set_content_arrangement(ContentArrangement::Disabled);
        }
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

    fn severity(&self, s: Severity) -> Cell {
        match s {
            Severity::Error => self.cell(s.as_str(), Color::Red, true),
            Severity::Warning => self.cell(s.as_str(), Color::Yellow, true),
            Severity::Info => self.cell(s.as_str(), Color::Blue, false),
        }
    }

    fn baseline(&self, b: BaselineState) -> Cell {
        let text = format!("[{}]", baseline_label(b));
        match b {
            BaselineState::New => self.cell(&text, Color::Red, true),
            BaselineState::Known => self.cell(&text, Color::DarkGrey, false),
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
        render(&sample_report(), &mut out, color).unwrap();
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
        render(&r, &mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("(us-demand): no claims\n  no claims linked"), "{text}");
        assert!(text.contains("Unlinked claims"));
        assert!(text.contains("seeds/ft.txt:5:12"));
    }
}
