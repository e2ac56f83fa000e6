//! `crosscheck rules validate|explain`: check a rules.toml, or say in words what it does.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::ExitStatus;
use crate::config::{ConfigError, Rules};

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
    /// The rules file.
    #[arg(long, global = true, value_name = "FILE", default_value = "rules.toml")]
    pub rules: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Report every problem in the rules file; exit 2 if there is an error.
    Validate,
    /// Say in words what each metric matches and what each rule checks.
    Explain {
        /// Only this metric (and the rules that name it).
        metric: Option<String>,
    },
}

pub fn run(args: RulesArgs) -> Result<ExitStatus> {
    let mut err = std::io::stderr().lock();
    let rules = match Rules::load(&args.rules) {
        Ok(rules) => rules,
        Err(ConfigError::Invalid { text, diagnostics, .. }) => {
            for d in &diagnostics {
                writeln!(err, "{}", d.render(&text))?;
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            writeln!(err, "{}: {}", args.rules.display(), count(errors, "error"))?;
            return Ok(ExitStatus::Error);
        }
        Err(ConfigError::Io { path, source }) => {
            writeln!(err, "error: cannot read {}: {source}", path.display())?;
            if source.kind() == std::io::ErrorKind::NotFound {
                writeln!(err, "  = help: `crosscheck init` writes a starter rules.toml")?;
            }
            return Ok(ExitStatus::Error);
        }
    };
    if !rules.warnings.is_empty() {
        let text = std::fs::read_to_string(&args.rules)?;
        for w in &rules.warnings {
            writeln!(err, "{}", w.render(&text))?;
        }
    }
    let mut out = std::io::stdout().lock();
    match args.command {
        RulesCommand::Validate => {
            let warnings = match rules.warnings.len() {
                0 => String::new(),
                n => format!(" ({})", count(n, "warning")),
            };
            writeln!(
                out,
                "{}: {}, {}, ok{warnings}",
                rules.file,
                count(rules.metrics.len(), "metric"),
                count(rules.relations.len(), "rule"),
            )?;
            Ok(ExitStatus::Clean)
        }
        RulesCommand::Explain { metric: None } => {
            if rules.metrics.is_empty() {
                writeln!(out, "{} defines no metrics.", rules.file)?;
            }
            for m in &rules.metrics {
                writeln!(out, "{}\n", rules.explain_metric(m))?;
            }
            for r in &rules.relations {
                writeln!(out, "{}\n", rules.explain_relation(r))?;
            }
            Ok(ExitStatus::Clean)
        }
        RulesCommand::Explain { metric: Some(id) } => {
            let Some(m) = rules.metric(&id) else {
                writeln!(err, "error: no metric `{id}` in {}", rules.file)?;
                if let Some(s) = rules.suggest_metric(&id) {
                    writeln!(err, "  = help: did you mean `{s}`?")?;
                }
                return Ok(ExitStatus::Error);
            };
            writeln!(out, "{}", rules.explain_metric(m))?;
            for r in rules.relations.iter().filter(|r| r.kind.metrics().contains(&id.as_str())) {
                writeln!(out, "\n{}", rules.explain_relation(r))?;
            }
            Ok(ExitStatus::Clean)
        }
    }
}

/// `1 metric`, `2 metrics`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::super::{Cli, Command};
    use super::*;

    #[test]
    fn parses_rules_and_init() {
        Cli::command().debug_assert();
        let cli = Cli::try_parse_from(["crosscheck", "rules", "explain", "m", "--rules", "r.toml"])
            .unwrap();
        let Command::Rules(args) = cli.command else { panic!() };
        assert_eq!(args.rules, PathBuf::from("r.toml"));
        assert!(matches!(args.command, RulesCommand::Explain { metric: Some(m) } if m == "m"));
        let cli = Cli::try_parse_from(["crosscheck", "init", "--force"]).unwrap();
        let Command::Init(args) = cli.command else { panic!() };
        assert!(args.force);
        assert_eq!(args.path, PathBuf::from("rules.toml"));
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "rule"), "1 rule");
        assert_eq!(count(0, "metric"), "0 metrics");
    }
}
