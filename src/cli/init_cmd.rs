//! `crosscheck init`: write the commented starter rules.toml, atomically, never over an
//! existing file unless `--force`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use super::ExitStatus;
use crate::config::STARTER;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter.
    #[arg(default_value = "rules.toml")]
    pub path: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> Result<ExitStatus> {
    match write_atomically(&args.path, STARTER.as_bytes(), args.force) {
        Ok(()) => {
            writeln!(
                io::stdout(),
                "wrote {}; edit its metrics, then run `crosscheck rules validate`",
                args.path.display()
            )?;
            Ok(ExitStatus::Clean)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                io::stderr(),
                "error: {} already exists; use --force to replace it",
                args.path.display()
            )?;
            Ok(ExitStatus::Error)
        }
        Err(e) => Err(e).with_context(|| format!("writing {}", args.path.display())),
    }
}

/// Writes `bytes` to `path` so that a reader sees either the old file or the whole new one,
/// never half of it; without `force`, never over an existing file, with no window between the
/// check and the write (cargo-deny's `init` checks then writes, which races).
fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    if force {
        crate::atomic::write_atomic_with(path, |f| f.write_all(bytes))
    } else {
        crate::atomic::write_new(path, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp"))
            .collect()
    }

    #[test]
    fn writes_once_refuses_to_overwrite_and_replaces_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.toml");
        write_atomically(&path, b"first", false).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");

        let err = write_atomically(&path, b"second", false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");

        write_atomically(&path, b"third", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
    }

    #[test]
    fn a_missing_folder_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/rules.toml");
        assert_eq!(
            write_atomically(&path, b"x", false).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert!(!path.exists());
    }
}
