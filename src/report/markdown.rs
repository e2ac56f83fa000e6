//! `--format markdown`: a GitHub-flavoured document for a job summary
//! (`>> $GITHUB_STEP_SUMMARY`) or a PR comment: summary, a metrics × sources table, the
//! findings with their locations, and stale baseline entries.
//!
//! Everything from the sources is escaped: `|` would split a table cell, `*`/`_`/`[` would
//! format, `<` could open HTML, and `$…$` is inline math on GitHub ("$500bn vs $119.8bn"
//! would otherwise render as a formula).

use std::io::{self, Write};

use crate::finding::{ClaimReport, MetricStatus, Report, Severity};
use crate::report::{baseline_label, source_name, summary_line};
use crate::text::collapse_whitespace;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let verdict = if s.new > 0 {
        match s.new {
            1 => "1 new finding".to_string(),
            n => format!("{n} new findings"),
        }
    } else if s.findings > 0 {
        "no new findings".to_string()
    } else {
        "no findings".to_string()
    };
    writeln!(out, "## crosscheck: {verdict}\n")?;
    writeln!(out, "{}\n", escape(&summary_line(report)))?;

    if !report.metrics.is_empty() {
        writeln!(out, "### Metrics\n")?;
        let mut header = String::from("| Metric | Status |");
        let mut rule = String::from("| --- | --- |");
        for src in &report.sources {
            header.push_str(&format!(" {} |", escape(source_name(report, &src.id))));
            rule.push_str(" --- |");
        }
        writeln!(out, "{header}\n{rule}")?;
        for m in &report.metrics {
            let mut row =
                format!("| {} ({}) | {} |", escape(&m.label), code(&m.id), status(m.status));
            for src in &report.sources {
                let cells: Vec<String> =
                    m.claims.iter().filter(|c| c.source == src.id).map(claim_cell).collect();
                row.push_str(&format!(" {} |", cells.join("<br>")));
            }
            writeln!(out, "{row}")?;
        }
        writeln!(out)?;
    }

    if !report.unlinked.is_empty() {
        writeln!(out, "### Unlinked claims\n")?;
        for c in &report.unlinked {
            writeln!(
                out,
                "- {} “{}”: {}",
                code(&format!("{}:{}:{}", c.source, c.line, c.column)),
                escape(&collapse_whitespace(&c.text)),
                escape(c.unlinked_because.as_deref().unwrap_or("no metric took it"))
            )?;
        }
        writeln!(out)?;
    }

    if !report.findings.is_empty() {
        writeln!(out, "### Findings\n")?;
        for f in &report.findings {
            writeln!(
                out,
                "- **{}** {} ({}): {}",
                severity(f.severity),
                code(&f.code),
                baseline_label(f.baseline),
                escape(&f.message)
            )?;
            for c in &f.claims {
                let who = c
                    .attributed_to
                    .as_deref()
                    .map(|w| format!(" ({})", escape(w)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  - {} “{}”{who}",
                    code(&format!("{}:{}:{}", c.source, c.line, c.column)),
                    escape(&collapse_whitespace(&c.text))
                )?;
            }
            if let Some(at) = &f.rule_location {
                writeln!(out, "  - rule {} at {}", code(&f.rule), code(at))?;
            }
        }
        writeln!(out)?;
    }

    if !report.stale_baseline.is_empty() {
        writeln!(
            out,
            "### Stale baseline entries\n\nThese accepted findings no longer occur; remove them from the baseline.\n"
        )?;
        for st in &report.stale_baseline {
            let short = st.fingerprint.get(..12).unwrap_or(&st.fingerprint);
            writeln!(out, "- {}: {}", code(short), escape(&st.message))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `**$119.8bn** “114.2 billion euros ($119.8 billion)” (the Kiel Institute), conflict`
fn claim_cell(c: &ClaimReport) -> String {
    let mut cell = match &c.normalized {
        Some(n) => {
            format!("**{}** “{}”", escape(&n.display), escape(&collapse_whitespace(&c.text)))
        }
        None => format!("“{}”", escape(&collapse_whitespace(&c.text))),
    };
    if let Some(who) = &c.attributed_to {
        cell.push_str(&format!(" ({})", escape(who)));
    }
    if let Some(v) = &c.verdict {
        cell.push_str(&format!(", {}", escape(v)));
    }
    if !c.linked_by.is_empty() {
        cell.push_str(&format!("<br>↳ <sub>{}</sub>", escape(&c.linked_by.join("; "))));
    }
    cell
}

fn status(s: MetricStatus) -> &'static str {
    match s {
        MetricStatus::Agree => "agree",
        MetricStatus::Conflict => "**conflict**",
        MetricStatus::Single => "single source",
        MetricStatus::None => "no claims",
    }
}

fn severity(s: Severity) -> &'static str {
    s.as_str()
}

/// Backslash-escapes the characters that format, link, open HTML or math, or split a table
/// cell; line breaks become spaces so a value never ends a table row or list item.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '#' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// An inline code span that survives backticks in its content (CommonMark: a longer fence).
fn code(s: &str) -> String {
    let s = collapse_whitespace(s);
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered(report: &Report) -> String {
        crate::report::rendered(report, crate::report::Format::Markdown)
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(rendered(&sample_report()));
    }

    #[test]
    fn table_rows_have_one_cell_per_source() {
        let text = rendered(&sample_report());
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 4, "header, rule and two metrics: {text}");
        for row in rows {
            // Unescaped pipes only: 2 fixed columns + 2 sources → 5 separators.
            let bars =
                row.match_indices('|').filter(|(i, _)| *i == 0 || row.as_bytes()[i - 1] != b'\\');
            assert_eq!(bars.count(), 5, "{row}");
        }
    }

    #[test]
    fn source_text_cannot_inject_markup() {
        let mut report = sample_report();
        report.metrics[0].claims[0].text = "$5 | <script>*x*\nnext".into();
        let text = rendered(&report);
        assert!(text.contains(r"\$5 \| \<script\>\*x\* next"), "{text}");
        assert!(!text.contains("<script>"));
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("seeds/a.txt:1:2"), "`seeds/a.txt:1:2`");
    }

    #[test]
    fn heading_says_when_nothing_is_new() {
        let mut report = sample_report();
        report.summary.new = 0;
        assert!(rendered(&report).starts_with("## crosscheck: no new findings\n"));
        report.summary.findings = 0;
        assert!(rendered(&report).starts_with("## crosscheck: no findings\n"));
    }
}
