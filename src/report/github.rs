//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the files and lines involved.
//!
//! A contradiction lives in several places at once, so each finding gets one annotation per
//! claim, each saying which claim of how many it is. Severity maps to `::error`, `::warning`,
//! `::notice`; a finding the baseline already accepts is a `::notice` marked "known", so it is
//! visible without looking like what failed the run. Stale baseline entries are notices too.
//!
//! Escaping follows the runner's rules (actions/toolkit `command.ts`): in the message `%`,
//! CR and LF are percent-encoded; in property values also `:` and `,`.

use std::io::{self, Write};

use crate::finding::{BaselineState, Finding, Report, Severity};
use crate::report::source_name;
use crate::text::collapse_whitespace;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        finding(report, f, out)?;
    }
    // `--unlinked`: a notice on each claim no metric took, with why not.
    for c in &report.unlinked {
        writeln!(
            out,
            "::notice file={},line={},col={},title={}::{}",
            escape_property(&c.source),
            c.line,
            c.column,
            escape_property("crosscheck: unlinked claim"),
            escape_data(&format!(
                "“{}” links to no metric: {}",
                collapse_whitespace(&c.text),
                c.unlinked_because.as_deref().unwrap_or("no metric took it")
            ))
        )?;
    }
    for s in &report.stale_baseline {
        let short = s.fingerprint.get(..12).unwrap_or(&s.fingerprint);
        writeln!(
            out,
            "::notice title={}::{}",
            escape_property("crosscheck: stale baseline entry"),
            escape_data(&format!(
                "{short} no longer occurs; remove it from the baseline: {}",
                s.message
            ))
        )?;
    }
    Ok(())
}

fn finding(report: &Report, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let (command, title) = match f.baseline {
        BaselineState::New => (command(f.severity), f.code.clone()),
        BaselineState::Known => ("notice", format!("{} (known, in baseline)", f.code)),
    };
    if f.claims.is_empty() {
        return writeln!(
            out,
            "::{command} title={}::{}",
            escape_property(&title),
            escape_data(&f.message)
        );
    }
    // Annotations on at most a few claims of each side, each naming the other side's figure
    // and sources, never every other claim: a figure syndicated by 300 outlets is a handful of
    // annotations, not 300 each listing 299 more.
    let sides: Vec<(Vec<usize>, String)> = if f.sides.is_empty() {
        let all: Vec<usize> = (0..f.claims.len()).collect();
        vec![(all, String::new())]
    } else {
        f.sides
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let others: Vec<String> = f
                    .sides
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != k)
                    .map(|(_, o)| format!("\nvs {} ({})", o.figure, listed(&o.sources)))
                    .collect();
                (s.claims.clone(), others.concat())
            })
            .collect()
    };
    let n = f.claims.len();
    for (claims, others) in sides {
        for &i in claims.iter().take(ANNOTATIONS_PER_SIDE) {
            let Some(c) = f.claims.get(i) else { continue };
            let mut message = format!(
                "{}\nclaim {} of {n}: “{}”",
                f.message,
                i + 1,
                collapse_whitespace(&c.text)
            );
            if let Some(who) = &c.attributed_to {
                message.push_str(&format!(" ({who})"));
            }
            if let Some(norm) = &c.normalized {
                message.push_str(&format!(" = {}", norm.display));
            }
            message.push_str(&format!(" in {}", source_name(report, &c.source)));
            if f.sides.is_empty() {
                // No sides: the other claims themselves, a few of them.
                let rest = f.claims.iter().enumerate().filter(|(j, _)| *j != i);
                for (_, other) in rest.take(ANNOTATIONS_PER_SIDE) {
                    message.push_str(&format!(
                        "\nvs {}:{}:{} “{}”",
                        other.source,
                        other.line,
                        other.column,
                        collapse_whitespace(&other.text)
                    ));
                }
            }
            message.push_str(&others);
            if claims.len() > ANNOTATIONS_PER_SIDE {
                message.push_str(&format!(
                    "\n(+{} more claims on this side; the JSON report lists them)",
                    claims.len() - ANNOTATIONS_PER_SIDE
                ));
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                escape_property(&c.source),
                c.line.max(1),
                c.column.max(1),
                escape_property(&title),
                escape_data(&message)
            )?;
        }
    }
    Ok(())
}

/// Annotations per side of a finding.
const ANNOTATIONS_PER_SIDE: usize = 3;

/// `A; B; C; +12 more`
fn listed(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    match names.len() {
        n if n > 3 => format!("{}; +{} more", shown.join("; "), n - 3),
        _ => shown.join("; "),
    }
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The message part, after `::`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A `key=value` property: the message escapes plus the separators `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered(report: &Report) -> String {
        crate::report::rendered(report, crate::report::Format::Github)
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(rendered(&sample_report()));
    }

    #[test]
    fn one_command_per_claim_location_each_on_one_line() {
        let report = sample_report();
        let text = rendered(&report);
        let claims: usize = report.findings.iter().map(|f| f.claims.len()).sum();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), claims + report.stale_baseline.len());
        assert!(lines.iter().all(|l| l.starts_with("::")));
        assert!(lines[0].starts_with(
            "::error file=seeds/afp.txt,line=3,col=58,title=agree-violated::$500bn vs $119.8bn"
        ));
        assert!(lines[2].starts_with("::notice file=seeds/ft.txt,line=11,col=27,"));
    }

    #[test]
    fn escapes_follow_the_runner_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");

        let mut report = sample_report();
        report.findings.truncate(1);
        report.findings[0].claims.truncate(1);
        report.findings[0].claims[0].source = "seeds/a,b:c.txt".into();
        report.stale_baseline.clear();
        let text = rendered(&report);
        assert!(text.starts_with("::error file=seeds/a%2Cb%3Ac.txt,line=3,"), "{text}");
    }

    #[test]
    fn warning_and_claimless_findings() {
        let mut report = sample_report();
        report.findings.truncate(1);
        report.findings[0].severity = Severity::Warning;
        report.findings[0].claims.clear();
        report.stale_baseline.clear();
        assert_eq!(
            rendered(&report),
            "::warning title=agree-violated::$500bn vs $119.8bn: 4.2× apart, tolerance 5%25\n"
        );
    }
}
