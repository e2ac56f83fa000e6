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
            if !rules.warnings.is_empty() && !super::quiet() {
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
    if !super::quiet() {
        let mut err = std::io::stderr().lock();
        for w in &warnings {
            writeln!(err, "warning: {}: {}", w.path, w.message)?;
        }
    }
    if out.is_empty() {
        let given: Vec<String> = if paths.is_empty() {
            rules.sources.clone()
        } else {
            paths.iter().map(|p| sources::display(p)).collect()
        };
        bail!(
            "no readable source files in {}: every one was skipped (warnings above)",
            given.join(", ")
        );
    }
    Ok(out)
}

/// Prints pipeline warnings.
pub fn warn(warnings: &[Warning]) -> Result<()> {
    if super::quiet() {
        return Ok(());
    }
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
    let bar = progress(srcs.len());
    let report = check::run_with(rules, &srcs, opts, &|| bar.inc(1));
    bar.finish_and_clear();
    Ok(report?)
}

/// How long a run must already have taken before a bar is drawn: runs that end sooner never
/// flash one.
const PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// A progress bar on stderr for long runs, only for a person watching: stderr a terminal,
/// not `--quiet`, not under CI. indicatif draws nothing until the first tick after
/// [`PROGRESS_AFTER`]; otherwise a hidden bar, so pipes and logs never get carriage returns or
/// escape codes.
fn progress(sources: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let wanted = !super::quiet()
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty());
    if !wanted {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(sources as u64),
        indicatif::ProgressDrawTarget::hidden(),
    );
    let style = indicatif::ProgressStyle::with_template(
        "{prefix:>9} [{bar:30}] {pos}/{len} sources ({eta} left)",
    )
    .map(|s| s.progress_chars("=> "));
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.set_prefix("Checking");
    let shown = bar.clone();
    let start = std::time::Instant::now();
    let _ = std::thread::Builder::new().name("progress".into()).spawn(move || {
        std::thread::sleep(PROGRESS_AFTER.saturating_sub(start.elapsed()));
        if !shown.is_finished() {
            shown.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    });
    bar
}
