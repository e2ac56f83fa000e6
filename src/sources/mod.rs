//! Sources: paths, directories and stdin turned into `Source { id, text, meta }`.
//!
//! Policy for awkward files (docs/robustness.md):
//! - invalid UTF-8: an error naming the file and the byte offset of the first bad sequence
//!   (a checker must not silently compare figures from mangled text);
//! - UTF-16 with a byte-order mark: decoded;
//! - a UTF-8 byte-order mark: stripped (offsets still count it, so spans match the file);
//! - binary files (a NUL byte in the first 8 KiB): skipped with a warning;
//! - empty files: kept, with a warning, and yield no claims.

mod front_matter;
mod line_index;
mod meta;
pub mod read;

pub use front_matter::{FrontMatter, FrontMatterError};
pub use line_index::{LineCounter, LineIndex};
pub use meta::{meta_for, same_path, SourceRule};

use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

/// Metadata about a source: from front matter or a `[[source]]` table in rules.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub name: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
}

/// One source text ready for extraction.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given or walked, with `/` separators; `-` for stdin.
    pub id: String,
    pub path: PathBuf,
    /// The whole file as text (front matter included, so offsets are the file's).
    pub text: String,
    /// Byte offset where the body starts (after front matter and any BOM).
    pub body_start: usize,
    pub meta: SourceMeta,
    /// Built on first use: `extract`'s JSON counts lines on from claim to claim
    /// ([`LineCounter`]) and never needs it.
    line_index: std::sync::OnceLock<LineIndex>,
}

impl Source {
    /// Builds a source from text already in memory (tests, stdin, fuzzing).
    pub fn from_text(id: impl Into<String>, text: String) -> Result<Source, SourceError> {
        let id = id.into();
        let mut body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut meta = SourceMeta::default();
        if let Some(fm) = front_matter::split(&text[body_start..]) {
            let parsed = FrontMatter::parse(fm.toml).map_err(|e| SourceError::FrontMatter {
                path: id.clone(),
                line: LineIndex::new(&text).line_col(body_start + fm.toml_start + e.offset).0,
                message: e.message,
            })?;
            meta = parsed.into_meta();
            body_start += fm.body_start;
        }
        let line_index = std::sync::OnceLock::new();
        Ok(Source { path: PathBuf::from(&id), id, text, body_start, meta, line_index })
    }

    /// `(line, column)` of a byte offset, both 1-based; columns count characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.line_index.get_or_init(|| LineIndex::new(&self.text)).line_col_in(&self.text, offset)
    }

    /// The text that claims are extracted from.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Something wrong with an input file. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: cannot read: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}: not valid UTF-8 at byte {offset}; convert it to UTF-8 first (e.g. `iconv -f latin1 -t utf-8`)")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}:{line}: bad front matter: {message}")]
    FrontMatter { path: String, line: usize, message: String },
    #[error("{path}: no .txt or .md file in this directory (looked for .{})", TEXT_EXTENSIONS.join(", ."))]
    NoTextFiles { path: String },
    #[error("{pattern}: the glob matches no file")]
    GlobEmpty { pattern: String },
    #[error("{pattern}: bad glob: {message}")]
    GlobInvalid { pattern: String, message: String },
}

/// A note about an input that did not stop the run (binary file skipped, empty file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceWarning {
    pub path: String,
    pub message: String,
}

/// The file extensions a directory walk picks up.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// Expands paths (files, directories, `-`) into the list of files to read, in a stable order.
/// Directories are walked recursively for [`TEXT_EXTENSIONS`]; symlink loops are reported by
/// the walker and skipped with a warning.
pub fn discover(
    paths: &[PathBuf],
    warnings: &mut Vec<SourceWarning>,
) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SourceError::NotFound { path: display(path) },
            _ => SourceError::Io { path: display(path), error: e },
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            // A symlink to a folder that contains the walk, or sits inside it, would read the
            // same files twice under other names (and `up -> ..` is a loop walkdir only sees
            // one level late): skipped with a warning. Other symlinks are followed.
            let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let mut looped = Vec::new();
            // Siblings in file-name order. Their paths are one parent path joined with each
            // name, so comparing whole paths compares the names: one `memcmp`, where
            // `sort_by_file_name` parses both names out of their paths for every comparison
            // (2% of `extract` on a folder of a thousand files).
            let walk = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
            let walk = walk.into_iter().filter_entry(|e| {
                if e.depth() == 0 || !e.path_is_symlink() || !e.file_type().is_dir() {
                    return true;
                }
                let target = std::fs::canonicalize(e.path()).unwrap_or_default();
                let inside = root.starts_with(&target) || target.starts_with(&root);
                if inside {
                    looped.push(SourceWarning {
                        path: display(e.path()),
                        message: format!(
                            "skipped: symlink to {}, which this walk already covers",
                            target.display()
                        ),
                    });
                }
                !inside
            });
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
                        found.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => warnings.push(SourceWarning {
                        path: e.path().map(display).unwrap_or_else(|| display(path)),
                        message: format!("skipped: {e}"),
                    }),
                }
            }
            warnings.append(&mut looped);
            // Like a glob matching nothing: a typo'd folder must not silently check nothing.
            if found.is_empty() {
                return Err(SourceError::NoTextFiles { path: display(path) });
            }
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Expands glob patterns from rules.toml relative to `base`; a pattern matching nothing is an
/// error (a typo there would otherwise silently check nothing).
pub fn expand_globs(base: &Path, patterns: &[String]) -> Result<Vec<PathBuf>, SourceError> {
    let mut out = Vec::new();
    for pattern in patterns {
        let full = base.join(pattern);
        let full = full.to_string_lossy();
        let entries = glob::glob(&full).map_err(|e| SourceError::GlobInvalid {
            pattern: pattern.clone(),
            message: e.msg.to_string(),
        })?;
        let mut matched: Vec<PathBuf> =
            entries.filter_map(Result::ok).filter(|p| p.is_file()).collect();
        if matched.is_empty() {
            return Err(SourceError::GlobEmpty { pattern: pattern.clone() });
        }
        matched.sort();
        out.extend(matched);
    }
    Ok(out)
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// `path` with `/` separators, as source ids and reports show it.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Reads one file (or stdin for `-`). Binary and empty files come back as `Ok(None)` with a
/// warning pushed.
pub fn load(path: &Path, warnings: &mut Vec<SourceWarning>) -> Result<Option<Source>, SourceError> {
    load_except(path, None, warnings)
}

/// A file's identity: device and inode numbers.
pub type FileId = (u64, u64);

/// The identity of an open file (`None` where the platform has none to give).
pub fn file_id(file: &std::fs::File) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata().ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        None
    }
}

/// [`load`], reading the file that is `output` as the empty file it was when the run began:
/// a command writing its output straight into a file among its inputs
/// (`crosscheck extract . > claims.txt`) must not read back what it is writing.
pub fn load_except(
    path: &Path,
    output: Option<FileId>,
    warnings: &mut Vec<SourceWarning>,
) -> Result<Option<Source>, SourceError> {
    let id = if path.as_os_str() == "-" { "-".to_string() } else { display(path) };
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes)
    } else {
        let limit = read::source_limit();
        read::regular_file(path).and_then(|()| std::fs::File::open(path)).and_then(|f| {
            if output.is_some() && file_id(&f) == output {
                return Ok(0);
            }
            // `File::read_to_end` first asks the file's size and position: two system calls
            // a file on top of open, read, read and close. Reading into room for a typical
            // source, grown as needed, skips them.
            bytes.reserve(READ_AHEAD);
            let n = (&f).take(limit + 1).read_to_end(&mut bytes)?;
            if n as u64 > limit {
                return Err(read::too_large(limit));
            }
            Ok(n)
        })
    };
    read.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound { path: id.clone() },
        _ => SourceError::Io { path: id.clone(), error: e },
    })?;
    let Some(text) = decode(&id, bytes, warnings)? else { return Ok(None) };
    let mut source = Source::from_text(id, text)?;
    source.path = path.to_path_buf();
    Ok(Some(source))
}

/// The room a file is first read into: most sources are a few KB.
const READ_AHEAD: usize = 16 * 1024;

/// Bytes → text under the policy in the module docs.
pub fn decode(
    id: &str,
    bytes: Vec<u8>,
    warnings: &mut Vec<SourceWarning>,
) -> Result<Option<String>, SourceError> {
    if bytes.is_empty() {
        warnings
            .push(SourceWarning { path: id.to_string(), message: "empty file: no claims".into() });
        return Ok(Some(String::new()));
    }
    if let Some(text) = decode_utf16(&bytes) {
        return Ok(Some(text));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        warnings.push(SourceWarning {
            path: id.to_string(),
            message: "looks binary (NUL byte); skipped".into(),
        });
        return Ok(None);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            Err(SourceError::NotUtf8 { path: id.to_string(), offset: e.utf8_error().valid_up_to() })
        }
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (le, rest) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = rest.chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_depth_first_with_siblings_in_file_name_order() {
        let dir = tempfile::tempdir().unwrap();
        // `a/` sorts before `a-b.txt` by name (`a` is a prefix of it), though `/` sorts
        // after `-` as a byte of a whole path.
        for name in ["a0.txt", "a.txt", "a-b.txt", "B.txt", "a/z.txt", "a/x.md", "a/b/y.txt"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "5%").unwrap();
        }
        let found = discover(&[dir.path().to_path_buf()], &mut Vec::new()).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["B.txt", "a/b/y.txt", "a/x.md", "a/z.txt", "a-b.txt", "a.txt", "a0.txt"]
        );
    }

    #[test]
    fn files_are_read_whole_at_every_size_around_the_first_read() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, READ_AHEAD - 1, READ_AHEAD, READ_AHEAD + 1, 5 * READ_AHEAD + 7] {
            let text: String = "é and 5%\n".chars().cycle().take(len).collect();
            let path = dir.path().join(format!("{len}.txt"));
            std::fs::write(&path, &text).unwrap();
            let source = load(&path, &mut Vec::new()).unwrap().unwrap();
            assert_eq!(source.text, text, "{len} characters");
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let mut w = Vec::new();
        let err = decode("a.txt", b"ok \xff bad".to_vec(), &mut w).unwrap_err();
        assert_eq!(err.to_string().split(';').next().unwrap(), "a.txt: not valid UTF-8 at byte 3");
    }

    #[test]
    fn binary_is_skipped_with_a_warning() {
        let mut w = Vec::new();
        assert!(decode("b.bin", b"\x00\x01\x02".to_vec(), &mut w).unwrap().is_none());
        assert_eq!(w[0].path, "b.bin");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut w = Vec::new();
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("$5bn".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode("u.txt", bytes, &mut w).unwrap().unwrap(), "$5bn");
    }

    #[test]
    fn front_matter_sets_metadata_and_body() {
        let s = Source::from_text(
            "x.txt",
            "+++\nname = \"AFP\"\npublished = 2025-02-16\n+++\nBody $5.\n".into(),
        )
        .unwrap();
        assert_eq!(s.meta.name.as_deref(), Some("AFP"));
        assert_eq!(s.meta.published, Some(jiff::civil::date(2025, 2, 16)));
        assert_eq!(s.body(), "Body $5.\n");
    }

    #[test]
    fn bad_front_matter_names_the_line() {
        let err =
            Source::from_text("x.txt", "+++\nname = \"AFP\"\npublished = soon\n+++\nBody\n".into())
                .unwrap_err();
        assert!(err.to_string().starts_with("x.txt:3: bad front matter"), "{err}");
    }
}
