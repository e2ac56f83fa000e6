//! The command line: clap types, one function per subcommand, exit codes. Nothing below
//! this module knows about argv or prints.

mod baseline_cmd;
mod check_cmd;
mod claim_json;
mod common;
mod completions_cmd;
mod extract_cmd;
mod init_cmd;
mod load;
mod rules_cmd;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand};

/// How a run ended; `main` maps it to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing at or above `--fail-on` (after the baseline).
    Clean,
    /// 1: findings.
    Findings,
    /// 2: usage, configuration or input error.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(match s {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        })
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Find the figures that conflict across sources",
    long_about = None,
    after_help = "Examples:\n  crosscheck check                      # the fact-check table for rules.toml's sources\n  crosscheck extract seeds/             # every claim the extractor finds\n  crosscheck check --format html -o report.html\n  crosscheck baseline && crosscheck check --baseline crosscheck-baseline.toml\n\nExit codes: 0 clean, 1 new findings, 2 usage, rules or input error."
)]
pub struct Cli {
    /// Print no warnings and no progress on stderr (errors still print).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Colour: `auto` (a terminal, unless NO_COLOR, CLICOLOR=0 or TERM=dumb; CLICOLOR_FORCE
    /// forces it), `always` or `never`.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare the figures in the sources as rules.toml says; print the fact-check.
    #[command(
        after_help = "Exit codes: 0 no new finding at or above --fail-on, 1 new findings, 2 usage, rules or input error.\n\nExamples:\n  crosscheck check\n  crosscheck check --explain --unlinked\n  crosscheck check --format sarif --output crosscheck.sarif\n  crosscheck check --baseline crosscheck-baseline.toml --fail-on warning\n  crosscheck check articles/ --rules story/rules.toml --format html -o report.html\n  crosscheck check --claims shards/*.jsonl --threads 2 --format json"
    )]
    Check(check_cmd::CheckArgs),
    /// Write the current findings to a baseline file, to accept them in CI.
    #[command(
        after_help = "Examples:\n  crosscheck baseline\n  crosscheck baseline --output ci/baseline.toml\n  crosscheck check --baseline ci/baseline.toml"
    )]
    Baseline(baseline_cmd::BaselineArgs),
    /// List every money, percent, number and count claim in the sources.
    #[command(
        after_help = "Examples:\n  crosscheck extract seeds/\n  crosscheck extract --format jsonl article.txt > claims.jsonl\n  crosscheck extract --format csv --base USD --as-of 2025-02-16 seeds/ > claims.csv\n  crosscheck extract --dollar CAD --threads 4 corpus/\n  echo 'It cost $5bn.' | crosscheck extract -\n\nExit codes: 0 ran (with or without claims), 2 bad flag, unreadable or non-UTF-8 input,\nor a currency with no exchange rate under --base (stdout is then left empty)."
    )]
    Extract(extract_cmd::ExtractArgs),
    /// Check a rules.toml, or say in words what its metrics and rules do.
    #[command(
        after_help = "Examples:\n  crosscheck rules validate\n  crosscheck rules explain us-aid-total --rules config/rules.toml"
    )]
    Rules(rules_cmd::RulesArgs),
    /// Write a commented starter rules.toml (never over an existing file without --force).
    #[command(
        after_help = "Examples:\n  crosscheck init\n  crosscheck init story/rules.toml\n  crosscheck init --force && crosscheck rules validate"
    )]
    Init(init_cmd::InitArgs),
    /// Print a shell completion script (bash, zsh or fish) to stdout.
    #[command(after_help = completions_cmd::AFTER_HELP)]
    Completions(completions_cmd::CompletionsArgs),
    /// Print the man page (roff) on stdout: `crosscheck man > crosscheck.1`.
    #[command(hide = true)]
    Man,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--color`, set once from argv like `--quiet` (0 auto, 1 always, 2 never).
static COLOR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The `--color` choice of this run.
pub(crate) fn color_choice() -> ColorChoice {
    match COLOR.load(Ordering::Relaxed) {
        1 => ColorChoice::Always,
        2 => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// `--quiet`, set once from argv before the subcommand runs; read where warnings and progress
/// are printed, so the flag needs no threading through every loader.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether warnings and progress on stderr are suppressed.
pub(crate) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Parses argv, runs the subcommand, prints errors, returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout with exit 0, usage errors to stderr with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitStatus::Error.into()
            } else {
                ExitStatus::Clean.into()
            };
        }
    };
    run(cli).into()
}

pub fn run(cli: Cli) -> ExitStatus {
    QUIET.store(cli.quiet, Ordering::Relaxed);
    let color = match cli.color {
        ColorChoice::Auto => 0,
        ColorChoice::Always => 1,
        ColorChoice::Never => 2,
    };
    COLOR.store(color, Ordering::Relaxed);
    let result = match cli.command {
        Command::Check(args) => check_cmd::run(args),
        Command::Baseline(args) => baseline_cmd::run(args),
        Command::Extract(args) => extract_cmd::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Init(args) => init_cmd::run(args),
        Command::Completions(args) => completions_cmd::run(args),
        Command::Man => completions_cmd::man(),
    };
    match result {
        Ok(status) => status,
        Err(e) => {
            if is_broken_pipe(&e) {
                // The reader left (`crosscheck extract | head`); exit 0 like ripgrep.
                return ExitStatus::Clean;
            }
            if e.downcast_ref::<load::Reported>().is_none() {
                let _ = writeln!(std::io::stderr(), "error: {e:#}");
            }
            ExitStatus::Error
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Paths given on the command line; none means the current directory for `extract`.
pub(crate) fn paths_or(paths: Vec<PathBuf>, default: &str) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(default)]
    } else {
        paths
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn help_snapshot() {
        // A fixed width, so the snapshot does not depend on the terminal running the tests.
        let help = Cli::command().term_width(100).render_help().to_string();
        insta::assert_snapshot!(help);
    }

    #[test]
    fn every_subcommand_help_has_examples() {
        let cmd = Cli::command();
        for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set()) {
            let help = sub.clone().term_width(100).render_long_help().to_string();
            assert!(help.contains("Examples:"), "`{}` --help has no examples", sub.get_name());
        }
    }

    #[test]
    fn quiet_is_global() {
        let cli = Cli::try_parse_from(["crosscheck", "check", "-q"]).unwrap();
        assert!(cli.quiet);
        let cli = Cli::try_parse_from(["crosscheck", "--quiet", "check"]).unwrap();
        assert!(cli.quiet);
        let cli = Cli::try_parse_from(["crosscheck", "check"]).unwrap();
        assert!(!cli.quiet);
    }
}
