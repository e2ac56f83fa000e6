//! `--format concise`: one finding per line, `path:line:col: severity[code] message`, as ruff's
//! `concise` and Vale's `line` formats print them, for grep, editors' quickfix lists and
//! review bots. The location is the first claim of the side out of line (else the finding's
//! first claim); a finding without a claim is located at its rule.

use std::io::{self, Write};

use crate::finding::{Finding, Report};
use crate::text::collapse_whitespace;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}: {}[{}] {}",
            location(f),
            f.severity.as_str(),
            f.code,
            one_line(&f.message)
        )?;
    }
    Ok(())
}

fn location(f: &Finding) -> String {
    let out_of_line = f.sides.iter().find(|s| s.outlier).and_then(|s| s.claims.first().copied());
    match out_of_line.or((!f.claims.is_empty()).then_some(0)).and_then(|k| f.claims.get(k)) {
        Some(c) => format!("{}:{}:{}", one_line(&c.source), c.line, c.column),
        None => f.rule_location.clone().unwrap_or_else(|| f.rule.clone()),
    }
}

/// Control characters and line breaks as spaces: one finding, one line.
fn one_line(s: &str) -> String {
    collapse_whitespace(&s.replace(|c: char| c.is_control(), " "))
}

#[cfg(test)]
mod tests {
    use crate::report::sample_report;

    #[test]
    fn one_line_per_finding_with_its_location() {
        let mut out = Vec::new();
        super::render(&sample_report(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), sample_report().findings.len());
        assert_eq!(
            lines[0],
            "seeds/afp.txt:3:58: error[agree-violated] $500bn vs $119.8bn: 4.2× apart, tolerance 5%"
        );
    }
}
