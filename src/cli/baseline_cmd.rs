use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::{load, ExitStatus};
use crate::pipeline;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub input: load::InputArgs,
    /// The rules file [default: rules.toml].
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Where to write the baseline (atomically). An existing file's `reason` and `until`
    /// entries are kept for findings that still occur.
    #[arg(long, short, default_value = "crosscheck-baseline.toml")]
    pub output: PathBuf,
    /// Date for sources with no `published` date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<jiff::civil::Date>,
}

pub fn run(args: BaselineArgs) -> Result<ExitStatus> {
    // Only a default rules.toml that is missing gets the hint to run `crosscheck init`.
    let explicit = args.rules.is_some();
    let rules_path = load::rules_path(args.rules.as_deref());
    let rules = load::rules(&rules_path, explicit)?;
    let refuse = |input: &std::path::Path| -> Result<()> {
        if crate::sources::same_path(&args.output, input) {
            anyhow::bail!(
                "--output {} is one of this run's inputs ({}); write the baseline elsewhere",
                args.output.display(),
                input.display()
            );
        }
        Ok(())
    };
    // The baseline replaces only a baseline: never the rules, a source or a claims file.
    refuse(&rules_path)?;
    for c in &args.input.claims {
        refuse(c)?;
    }
    let previous = match crate::sources::read::read_text_capped(
        &args.output,
        crate::sources::read::MAX_BASELINE,
    ) {
        Ok(text) => Some(crate::baseline::parse(&crate::sources::display(&args.output), &text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", args.output.display())),
    };
    let opts = pipeline::Options { as_of: args.as_of, ..Default::default() };
    let report = load::report(&rules, &args.input, &opts)?;
    let text = match &previous {
        Some(p) => crate::baseline::to_toml_keeping(&report, p),
        None => crate::baseline::to_toml(&report),
    };
    for s in &report.sources {
        refuse(std::path::Path::new(&s.path))?;
    }
    crate::atomic::write_atomic(&args.output, &text)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    writeln!(
        std::io::stderr(),
        "wrote {} with {} finding{}",
        args.output.display(),
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" }
    )?;
    Ok(ExitStatus::Clean)
}
