//! `crosscheck init`: write the commented starter rules.toml, atomically, never over an
//! existing file unless `--force`.

use std::fs::{self, OpenOptions};
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
/// never half of it (cargo-deny's `init` checks then writes, which races).
///
/// The bytes go to a temporary file in the same folder first. Without `force` it is then
/// hard-linked into place, which fails with `AlreadyExists` if `path` exists, atomically; on
/// file systems without hard links we fall back to `create_new`, which is as safe against
/// overwriting, and remove the file again if writing fails. With `force` it is renamed over
/// `path`.
fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !force && path.exists() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let tmp = TempFile::create(&dir, bytes)?;
    if force {
        return fs::rename(&tmp.path, path).map(|()| tmp.keep());
    }
    match fs::hard_link(&tmp.path, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            drop(tmp);
            let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
            file.write_all(bytes).and_then(|()| file.sync_all()).inspect_err(|_| {
                let _ = fs::remove_file(path);
            })
        }
    }
}

/// A temporary file removed on drop unless kept.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    fn create(dir: &Path, bytes: &[u8]) -> io::Result<TempFile> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut attempt = 0u32;
        loop {
            let path =
                dir.join(format!(".crosscheck-init-{}-{stamp}-{attempt}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let tmp = TempFile { path, keep: false };
                    file.write_all(bytes)?;
                    file.sync_all()?;
                    return Ok(tmp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn keep(mut self) {
        self.keep = true;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
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
