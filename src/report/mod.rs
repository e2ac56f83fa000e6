//! Renderers: one file per output format, all reading the same [`Report`] model and writing to
//! a `&mut dyn Write` (no printing from the library). Each is snapshot-tested on the same
//! [`sample_report`] so a model change shows up in every format at once.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::finding::{BaselineState, Report};

pub mod concise;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod table;

#[cfg(test)]
mod sample;
#[cfg(test)]
pub(crate) use sample::{rendered, sample_report};

/// Output formats of `crosscheck check`. Clap-free: the CLI maps its flag onto this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Github,
    Markdown,
    Html,
    Concise,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Table,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
        Format::Html,
        Format::Concise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Concise => "concise",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format `{0}`; expected one of table, json, sarif, github, markdown, html, concise"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Renders `report` in `format`. The table comes out without colour; the CLI calls
/// [`render_table`] itself when stdout is a terminal.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(report, out, table::Style::PLAIN),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
        Format::Markdown => markdown::render(report, out),
        Format::Html => html::render(report, out),
        Format::Concise => concise::render(report, out),
    }
}

/// The human table, drawn in `style` (colour, width, verbosity).
pub fn render_table(report: &Report, out: &mut dyn Write, style: TableStyle) -> io::Result<()> {
    table::render(report, out, style)
}

pub use table::Style as TableStyle;

/// `--statistics`: how many findings per code and per metric (new ones in brackets), most
/// first, as ruff prints them: where to start triage.
pub fn statistics(report: &Report) -> String {
    use std::collections::BTreeMap;
    let mut codes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut metrics: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in &report.findings {
        let new = usize::from(f.baseline == crate::finding::BaselineState::New);
        let e = codes.entry(&f.code).or_default();
        e.0 += 1;
        e.1 += new;
        for m in &f.metrics {
            let e = metrics.entry(m).or_default();
            e.0 += 1;
            e.1 += new;
        }
    }
    let table = |title: &str, counts: BTreeMap<&str, (usize, usize)>| {
        let mut rows: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let mut s = format!("{title}\n");
        for (name, (n, new)) in rows {
            s.push_str(&format!("{n:>6}  {name} ({new} new)\n"));
        }
        s
    };
    format!("{}\n{}", table("Findings by code", codes), table("Findings by metric", metrics))
}

/// `"2 sources, 14 claims, 4 linked, 3 findings (2 new)"`, shared by the human formats.
pub(crate) fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{}, {}, {} linked, {} ({} new)",
        plural(s.sources, "source"),
        plural(s.claims, "claim"),
        s.linked,
        plural(s.findings, "finding"),
        s.new
    );
    if !report.stale_baseline.is_empty() {
        line.push_str(&format!(
            ", {} stale baseline {}",
            report.stale_baseline.len(),
            if report.stale_baseline.len() == 1 { "entry" } else { "entries" }
        ));
    }
    line
}

pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub(crate) fn baseline_label(state: BaselineState) -> &'static str {
    match state {
        BaselineState::New => "new",
        BaselineState::Known => "known",
    }
}

/// Source display name: its front-matter name, else its id.
pub(crate) fn source_name<'a>(report: &'a Report, id: &'a str) -> &'a str {
    report.sources.iter().find(|s| s.id == id).and_then(|s| s.name.as_deref()).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.as_str());
        }
        assert_eq!("SARIF".parse::<Format>(), Ok(Format::Sarif));
        assert_eq!(
            "xml".parse::<Format>().unwrap_err().to_string(),
            "unknown format `xml`; expected one of table, json, sarif, github, markdown, html, concise"
        );
    }

    #[test]
    fn every_format_renders_through_dispatch() {
        let report = sample_report();
        for f in Format::ALL {
            let mut out = Vec::new();
            render(&report, f, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("cross-source-conflict"), "{f} output lacks the finding code");
        }
    }

    #[test]
    fn summary_line_counts() {
        assert_eq!(
            summary_line(&sample_report()),
            "2 sources, 14 claims, 4 linked, 3 findings (2 new), 1 stale baseline entry"
        );
    }
}
