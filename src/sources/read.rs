//! Reading an input file the user named: only regular files (a FIFO would block forever, and
//! `/dev/zero` never ends), and at most a size cap, so no input can hang a run or exhaust
//! memory (docs/robustness.md).

use std::io::{self, Read};
use std::path::Path;

/// Largest source file read, in bytes, unless `CROSSCHECK_MAX_FILE_MB` says otherwise.
pub const MAX_SOURCE: u64 = 256 << 20;
/// Largest rules.toml.
pub const MAX_RULES: u64 = 8 << 20;
/// Largest baseline file.
pub const MAX_BASELINE: u64 = 64 << 20;

/// The cap on one source file: `CROSSCHECK_MAX_FILE_MB` (megabytes) when set, else
/// [`MAX_SOURCE`].
pub fn source_limit() -> u64 {
    std::env::var("CROSSCHECK_MAX_FILE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .map_or(MAX_SOURCE, |mb| mb.saturating_mul(1 << 20))
}

/// Refuses what is not a regular file (a FIFO, a device, a directory), before opening it:
/// opening a FIFO blocks until a writer comes.
pub fn regular_file(path: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return Ok(());
    }
    let what =
        if meta.is_dir() { "a directory" } else { "not a regular file (a FIFO or a device)" };
    Err(io::Error::new(io::ErrorKind::InvalidInput, format!("{what}; give a file, or - for stdin")))
}

/// The bytes of the regular file `path`, failing when it holds more than `limit` bytes.
pub fn read_capped(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    regular_file(path)?;
    let f = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// [`read_capped`] as UTF-8 text.
pub fn read_text_capped(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_capped(path, limit)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })
}

/// The error for a file over the cap.
pub fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "larger than {} MB, the most crosscheck reads from one file (set CROSSCHECK_MAX_FILE_MB to raise it for sources)",
            limit >> 20
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_directories_and_oversized_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_capped(dir.path(), 10).unwrap_err().to_string().contains("a directory"));
        #[cfg(unix)]
        assert!(read_capped(Path::new("/dev/zero"), 10)
            .unwrap_err()
            .to_string()
            .contains("not a regular file"));
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "0123456789A").unwrap();
        assert!(read_capped(&f, 10).unwrap_err().to_string().contains("larger than"));
        assert_eq!(read_capped(&f, 11).unwrap().len(), 11);
    }
}
