//! Atomic file replacement: write a temporary file next to the target, fsync it, rename it
//! over the target. A reader (or a crash) sees either the old file or the new one, never a
//! half-written one. Used for baselines, `init` and every `--output` file (DESIGN.md: "nothing
//! half-written").

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replaces `path` with `contents` atomically. On error the old file, if any, is untouched and
/// no temporary file is left behind.
pub fn write_atomic(path: &Path, contents: &str) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(contents.as_bytes()))
}

/// Like [`write_atomic`], but the content comes from `write`, which may stream it (a renderer
/// writing straight into the file). If `write` fails, nothing is renamed.
pub fn write_atomic_with<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let (dir, tmp) = staged(path, write)?;
    if let Err(err) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    sync_dir(&dir);
    Ok(())
}

/// Writes `contents` to `path` only if `path` does not exist (`init` without `--force`), as
/// atomically as [`write_atomic`]: the staged file is hard-linked into place, which fails with
/// `AlreadyExists` if `path` appeared meanwhile (checking first and then writing would race).
/// On file systems without hard links, falls back to `create_new`, removing the file again if
/// writing fails.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    if path.exists() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let (dir, tmp) = staged(path, |f| f.write_all(contents))?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(&dir);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
            file.write_all(contents).and_then(|()| file.sync_all()).inspect_err(|_| {
                let _ = fs::remove_file(path);
            })
        }
    }
}

/// Writes a temporary file next to `path` with `write`, flushed and synced, and returns its
/// folder and name. On error the temporary file is removed.
fn staged<F>(path: &Path, write: F) -> io::Result<(PathBuf, PathBuf)>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;

    let (tmp_path, mut file) = create_temp(&dir, &name.to_string_lossy())?;
    let result = (|| {
        // Keep the permissions of the file we replace (a baseline made read-only for others
        // stays so); a fresh file gets the umask's default.
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        write(&mut file)?;
        file.flush()?;
        // Data on disk before the rename makes it visible: otherwise a crash can leave the new
        // name pointing at an empty file (the ext4 "zero-length file" problem).
        file.sync_all()
    })();
    if let Err(err) = result {
        let _ = fs::remove_file(&tmp_path);
        return Err(err);
    }
    Ok((dir, tmp_path))
}

/// Creates `.NAME.tmp-PID-N` in `dir` with `create_new`, so two writers never share a file.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let pid = std::process::id();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{pid}-{n}"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename itself durable. Best effort: some file systems refuse to fsync a
/// directory, and the rename has already happened either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.toml");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, "new contents\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new contents\n");
        assert_eq!(entries(dir.path()), ["baseline.toml"]);
    }

    #[test]
    fn creates_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, "{}\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}\n");
    }

    #[test]
    fn failing_writer_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.toml");
        fs::write(&path, "version = 1\n").unwrap();
        let err = write_atomic_with(&path, |f| {
            f.write_all(b"version = 1\n[[finding]]\nfinger")?;
            Err(io::Error::other("disk full (simulated)"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full (simulated)");
        assert_eq!(fs::read_to_string(&path).unwrap(), "version = 1\n");
        assert_eq!(entries(dir.path()), ["baseline.toml"]);
    }

    #[test]
    fn missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-dir").join("x.toml");
        assert!(write_atomic(&path, "x").is_err());
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_of_replaced_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, "new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
