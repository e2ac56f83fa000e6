//! What rules.toml's `[[source]]` tables say about a source, merged over its front matter.

use std::path::Path;

use super::SourceMeta;
use crate::diag::Location;

/// `[[source]]`: what rules.toml says about one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRule {
    /// As written, relative to rules.toml's folder.
    pub path: String,
    pub name: Option<String>,
    pub published: Option<jiff::civil::Date>,
    pub url: Option<String>,
    pub location: Location,
}

/// The metadata of one source: its `[[source]]` entry in rules.toml over `front` (its front
/// matter), with a warning per disagreement; rules.toml wins (it is the file the checker
/// edits).
///
/// `rules` are rules.toml's `[[source]]` tables and `dir` its folder (their paths are relative
/// to it).
pub fn meta_for(
    (rules, dir): (&[SourceRule], &Path),
    id: &str,
    path: &Path,
    front: &SourceMeta,
    warnings: &mut Vec<String>,
) -> SourceMeta {
    let Some(rule) = rules.iter().find(|r| same_path(&dir.join(&r.path), path)) else {
        return front.clone();
    };
    let fm = front.clone();
    let mut disagree = |key: &str, a: &dyn std::fmt::Display, b: &dyn std::fmt::Display| {
        warnings.push(format!(
            "{id}: front matter says {key} = {a}, but [[source]] at {} says {b}; using rules.toml",
            rule.location
        ));
    };
    if let (Some(a), Some(b)) = (&fm.name, &rule.name) {
        if a != b {
            disagree("name", a, b);
        }
    }
    if let (Some(a), Some(b)) = (&fm.published, &rule.published) {
        if a != b {
            disagree("published", a, b);
        }
    }
    if let (Some(a), Some(b)) = (&fm.url, &rule.url) {
        if a != b {
            disagree("url", a, b);
        }
    }
    SourceMeta {
        name: rule.name.clone().or(fm.name),
        published: rule.published.or(fm.published),
        url: rule.url.clone().or(fm.url),
    }
}

/// The same file: canonical paths when both exist, else the paths without `.` components
/// (`./seeds/a.txt` is `seeds/a.txt`; claims read back with `--claims` name files that may
/// not exist here).
pub fn same_path(a: &Path, b: &Path) -> bool {
    use std::path::Component;
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a
            .components()
            .filter(|c| *c != Component::CurDir)
            .eq(b.components().filter(|c| *c != Component::CurDir)),
    }
}
