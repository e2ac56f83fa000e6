//! `crosscheck rules validate|explain`: check a rules.toml, or say in words what it does.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::ExitStatus;
use crate::config::{ConfigError, RelationKind, Rules};
use crate::evaluate::Code;

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
    /// The rules file (default: rules.toml here or in the nearest folder above).
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Report every problem in the rules file; exit 2 if there is an error.
    Validate,
    /// Say in words what each metric matches and what each rule checks.
    Explain {
        /// Only this metric (and the rules that name it), this `[[rule]]`, or this finding
        /// code.
        metric: Option<String>,
        /// Describe every finding code (what it checks, why, an example) instead; needs no
        /// rules file.
        #[arg(long, conflicts_with = "metric")]
        codes: bool,
    },
}

pub fn run(args: RulesArgs) -> Result<ExitStatus> {
    if let RulesCommand::Explain { codes: true, .. } = args.command {
        let mut out = std::io::stdout().lock();
        for code in Code::ALL {
            writeln!(out, "{}", code_doc(code))?;
        }
        return Ok(ExitStatus::Clean);
    }
    let mut err = std::io::stderr().lock();
    let rules_path = super::load::rules_path(args.rules.as_deref());
    let rules = match Rules::load(&rules_path) {
        Ok(rules) => rules,
        Err(ConfigError::Invalid { text, diagnostics, .. }) => {
            for d in &diagnostics {
                writeln!(err, "{}", d.render(&text))?;
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            writeln!(err, "{}: {}", rules_path.display(), count(errors, "error"))?;
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
        let text = std::fs::read_to_string(&rules_path)?;
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
        RulesCommand::Explain { metric: None, .. } => {
            if rules.metrics.is_empty() {
                writeln!(out, "{} defines no metrics.", rules.file)?;
            }
            for m in &rules.metrics {
                writeln!(out, "{}\n", rules.explain_metric(m))?;
            }
            for r in &rules.relations {
                writeln!(out, "{}\n", rules.explain_relation(r))?;
            }
            if !rules.metrics.is_empty() {
                writeln!(out, "Findings these rules can raise:\n")?;
                for code in codes_in_use(&rules) {
                    writeln!(out, "{}", code_doc(code))?;
                }
            }
            Ok(ExitStatus::Clean)
        }
        RulesCommand::Explain { metric: Some(id), .. } => {
            // A rule id or a finding code works too.
            if let Some(r) = rules.relation(&id) {
                writeln!(out, "{}", rules.explain_relation(r))?;
                return Ok(ExitStatus::Clean);
            }
            if let Some(code) = Code::parse(&id) {
                writeln!(out, "{}", code_doc(code))?;
                return Ok(ExitStatus::Clean);
            }
            let Some(m) = rules.metric(&id) else {
                writeln!(err, "error: no metric, rule or finding code `{id}` in {}", rules.file)?;
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

/// The finding codes a rules file can produce: conflicts for any metric, one code per kind
/// of `[[rule]]` it uses, and the built-in check of inline conversions.
fn codes_in_use(rules: &Rules) -> Vec<Code> {
    Code::ALL
        .into_iter()
        .filter(|code| match code {
            Code::CrossSourceConflict
            | Code::Misquote
            | Code::OriginatorsDisagree
            | Code::FxInconsistent => true,
            Code::WithinSourceConflict => rules.metrics.iter().any(|m| m.within_source),
            Code::Revision => rules.metrics.iter().any(|m| m.changes),
            Code::AtMostViolated => {
                rules.relations.iter().any(|r| matches!(r.kind, RelationKind::AtMost { .. }))
            }
            Code::SumMismatch => {
                rules.relations.iter().any(|r| matches!(r.kind, RelationKind::Sum { .. }))
            }
            Code::AgreeViolated => {
                rules.relations.iter().any(|r| matches!(r.kind, RelationKind::Agree { .. }))
            }
        })
        .collect()
}

/// A code's What / Why / Example text under its name, indented.
fn code_doc(code: Code) -> String {
    let body: Vec<String> =
        code.doc().lines().map(|l| format!("  {l}").trim_end().to_owned()).collect();
    format!("`{}`\n{}\n", code.as_str(), body.join("\n"))
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
        assert_eq!(args.rules, Some(PathBuf::from("r.toml")));
        assert!(matches!(args.command, RulesCommand::Explain { metric: Some(m), .. } if m == "m"));
        let cli = Cli::try_parse_from(["crosscheck", "init", "--force"]).unwrap();
        let Command::Init(args) = cli.command else { panic!() };
        assert!(args.force);
        assert_eq!(args.path, PathBuf::from("rules.toml"));
    }

    #[test]
    fn every_code_is_explained_and_the_seeds_rules_use_their_codes() {
        for code in Code::ALL {
            let doc = code_doc(code);
            assert!(doc.contains("What it checks") && doc.contains("Example"), "{doc}");
        }
        let rules =
            Rules::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules.toml")))
                .unwrap();
        let used: Vec<&str> = codes_in_use(&rules).iter().map(|c| c.as_str()).collect();
        assert!(used.contains(&"agree-violated") && used.contains(&"at-most-violated"), "{used:?}");
        assert!(!used.contains(&"sum-mismatch"), "{used:?}");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "rule"), "1 rule");
        assert_eq!(count(0, "metric"), "0 metrics");
    }
}
