use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::builder::TypedValueParser as _;
use clap::{Args, ValueEnum};

use super::{load, ExitStatus};
use crate::finding::{BaselineState, Severity};
use crate::pipeline;
use crate::report::{self, Format};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: load::InputArgs,
    /// The rules file [default: rules.toml].
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "table")]
    pub format: Format,
    /// Accepted findings: only findings not in it count towards the exit code.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Lowest severity of a new finding that makes the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Show which words linked each claim to its metric.
    #[arg(long)]
    pub explain: bool,
    /// List the claims no metric took (to help write rules).
    #[arg(long)]
    pub unlinked: bool,
    /// Table: list every claim of each finding, with its sentence (not a few per side).
    #[arg(long, short)]
    pub verbose: bool,
    /// After the report, count the findings per code and per metric (on stderr when the
    /// report goes to --output or is not a table).
    #[arg(long)]
    pub statistics: bool,
    /// Date for sources with no `published` date (YYYY-MM-DD), for currency conversion.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format`: the report's own format names (`report::Format`), offered as clap's possible
/// values so `--help` and completions list them.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::as_str))
        .map(|s| s.parse::<Format>().expect("a possible value is a format"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

pub fn run(args: CheckArgs) -> Result<ExitStatus> {
    // Only a default rules.toml that is missing gets the hint to run `crosscheck init`.
    let explicit = args.rules.is_some();
    let rules_path = load::rules_path(args.rules.as_deref());
    let rules = load::rules(&rules_path, explicit)?;
    // Read the baseline before the (longer) check, so a bad one fails fast.
    let baseline = match &args.baseline {
        Some(path) => {
            let text =
                crate::sources::read::read_text_capped(path, crate::sources::read::MAX_BASELINE)
                    .with_context(|| format!("cannot read baseline {}", path.display()))?;
            Some(crate::baseline::parse(&crate::sources::display(path), &text)?)
        }
        None => None,
    };
    let opts =
        pipeline::Options { as_of: args.as_of, explain: args.explain, unlinked: args.unlinked };
    let mut report = load::report(&rules, &args.input, &opts)?;
    if let Some(b) = &baseline {
        crate::baseline::apply(&mut report, b, jiff::Zoned::now().date());
    }

    if let Some(out) = &args.output {
        // The report must never replace what it was made from.
        let inputs = std::iter::once(rules_path.clone())
            .chain(args.baseline.clone())
            .chain(args.input.claims.iter().cloned())
            .chain(report.sources.iter().map(|s| PathBuf::from(&s.path)));
        for input in inputs {
            if crate::sources::same_path(out, &input) {
                anyhow::bail!(
                    "--output {} is one of this run's inputs ({}); write the report elsewhere",
                    out.display(),
                    input.display()
                );
            }
        }
    }
    let format = args.format;
    // Text read in a terminal or pasted: no control character from the inputs gets through.
    // (JSON and SARIF escape them; HTML escapes markup and a browser prints no escapes.)
    if matches!(format, Format::Table | Format::Concise | Format::Markdown | Format::Github) {
        report = report.printable();
    }
    let style = report::TableStyle {
        color: format == Format::Table && args.output.is_none() && super::common::stdout_color(),
        width: if args.output.is_none() { super::common::stdout_width() } else { 100 },
        verbose: args.verbose,
    };
    // Every input error has happened by now, so the report streams to its destination
    // rather than being held twice in memory (a 1 GB archive's JSON report is ~200 MB);
    // `--output` still replaces the file atomically.
    let render = |w: &mut dyn Write| -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        if format == Format::Table {
            report::render_table(&report, &mut w, style)?;
        } else {
            report::render(&report, format, &mut w)?;
        }
        w.flush()
    };
    match &args.output {
        Some(path) => crate::atomic::write_atomic_with(path, |f| render(f))
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => render(&mut std::io::stdout().lock())?,
    }
    if args.statistics {
        let stats = report::statistics(&report);
        if format == Format::Table && args.output.is_none() {
            write!(std::io::stdout().lock(), "\n{stats}")?;
        } else {
            write!(std::io::stderr().lock(), "{stats}")?;
        }
    }
    let failing = report
        .findings
        .iter()
        .any(|f| f.baseline == BaselineState::New && args.fail_on.fails(f.severity));
    Ok(if failing { ExitStatus::Findings } else { ExitStatus::Clean })
}
