//! Loading what `check` and `baseline` read: rules (all diagnostics printed, exit 2 on
//! error), sources (paths or the rules' globs) and baselines.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::check::{self, Warning};
use crate::config::{ConfigError, Rules};
use crate::sources::{self, Source};

/// An input error already reported to stderr: the caller exits 2 without printing more.
#[derive(Debug, thiserror::Error)]
#[error("input error (reported above)")]
pub struct Reported;

/// Loads and validates rules; prints every diagnostic. `explicit` is whether `--rules` was
/// given (a missing default `rules.toml` gets a hint to run `crosscheck init`).
pub fn rules(path: &Path, explicit: bool) -> Result<Rules> {
    let mut err = std::io::stderr().lock();
    match Rules::load(path) {
        Ok(rules) => {
            if !rules.warnings.is_empty() {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                for w in &rules.warnings {
                    writeln!(err, "{}", w.render(&text))?;
                }
            }
            Ok(rules)
        }
        Err(ConfigError::Invalid { text, diagnostics, file }) => {
            for d in &diagnostics {
                writeln!(err, "{}", d.render(&text))?;
            }
            let n = diagnostics.iter().filter(|d| d.is_error()).count();
            writeln!(
                err,
                "error: {file}: {n} error{} in the rules; nothing was checked",
                if n == 1 { "" } else { "s" }
            )?;
            Err(Reported.into())
        }
        Err(ConfigError::Io { path, source }) => {
            if source.kind() == std::io::ErrorKind::NotFound && !explicit {
                bail!("no rules.toml in this folder: run `crosscheck init` to write a starter one, or pass --rules FILE");
            }
            Err(anyhow::Error::new(source).context(format!("cannot read rules {}", path.display())))
        }
    }
}

/// The sources to check: PATHS when given, else the globs in rules.toml.
pub fn sources(rules: &Rules, paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut warnings = Vec::new();
    let files = if paths.is_empty() {
        if rules.sources.is_empty() {
            bail!("no sources: give PATHS, or list globs in `sources = [...]` in {}", rules.file);
        }
        sources::expand_globs(&rules.dir, &rules.sources)
            .with_context(|| format!("in `sources` of {}", rules.file))?
    } else {
        sources::discover(paths, &mut warnings)?
    };
    let mut out = Vec::with_capacity(files.len());
    for f in &files {
        if let Some(s) = sources::load(f, &mut warnings)? {
            out.push(s);
        }
    }
    let mut err = std::io::stderr().lock();
    for w in &warnings {
        writeln!(err, "warning: {}: {}", w.path, w.message)?;
    }
    if out.is_empty() {
        bail!("no readable source files among the given paths");
    }
    Ok(out)
}

/// Prints pipeline warnings.
pub fn warn(warnings: &[Warning]) -> Result<()> {
    let mut err = std::io::stderr().lock();
    for w in warnings {
        writeln!(err, "warning: {}", w.0)?;
    }
    Ok(())
}

/// Runs rules → sources → report, the part `check` and `baseline` share.
pub fn report(
    rules: &Rules,
    paths: &[PathBuf],
    opts: &check::Options,
) -> Result<crate::finding::Report> {
    let mut srcs = sources(rules, paths)?;
    let mut warnings = Vec::new();
    check::merge_meta(rules, &mut srcs, &mut warnings);
    warn(&warnings)?;
    Ok(check::run(rules, &srcs, opts)?)
}
