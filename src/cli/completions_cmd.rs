//! `crosscheck completions bash|zsh|fish`: a shell completion script on stdout, and the
//! hidden `crosscheck man`: the man page as roff (for packagers: `crosscheck man > crosscheck.1`).

use std::io::Write;

use anyhow::Result;
use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell as Generator;

use super::{Cli, ExitStatus};

pub(crate) const AFTER_HELP: &str = "\
Examples:
  crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck
  crosscheck completions zsh > ~/.zfunc/_crosscheck     # with fpath+=(~/.zfunc) in ~/.zshrc
  crosscheck completions fish > ~/.config/fish/completions/crosscheck.fish";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    fn generator(self) -> Generator {
        match self {
            Shell::Bash => Generator::Bash,
            Shell::Zsh => Generator::Zsh,
            Shell::Fish => Generator::Fish,
        }
    }
}

/// The completion script for `shell`, for the whole command tree.
pub(crate) fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell.generator(), &mut cmd, "crosscheck", &mut out);
    out
}

pub fn run(args: CompletionsArgs) -> Result<ExitStatus> {
    write_stdout(&script(args.shell))
}

/// The man page for the whole command tree, as roff.
pub(crate) fn man_page() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}

pub fn man() -> Result<ExitStatus> {
    write_stdout(&man_page()?)
}

fn write_stdout(bytes: &[u8]) -> Result<ExitStatus> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitStatus::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_complete_subcommands_and_extract_flags() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let text = String::from_utf8(script(shell)).unwrap();
            for word in ["extract", "completions", "format", "base", "jsonl"] {
                assert!(text.contains(word), "{shell:?} script lacks {word}");
            }
        }
        let bash = String::from_utf8(script(Shell::Bash)).unwrap();
        assert!(bash.contains("complete -F _crosscheck"), "{bash}");
    }

    #[test]
    fn man_page_is_roff_naming_every_subcommand() {
        let roff = String::from_utf8(man_page().unwrap()).unwrap();
        assert!(roff.contains(".TH crosscheck 1"), "{roff}");
        for sub in ["check", "extract", "baseline", "rules", "init", "completions"] {
            assert!(roff.contains(sub), "man page lacks {sub}");
        }
    }
}
