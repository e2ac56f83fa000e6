//! Loading what `check` and `baseline` read: rules (all diagnostics printed, exit 2 on
//! error), sources (paths or the rules' globs) and baselines.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::config::{ConfigError, Rules};
use crate::pipeline::{self, Warning};
use rayon::prelude::*;

use crate::normalize::RateSource;
use crate::sources;

/// An input error already reported to stderr: the caller exits 2 without printing more.
#[derive(Debug, thiserror::Error)]
#[error("input error (reported above)")]
pub struct Reported;

/// The rules file to use: `--rules` when given; else `rules.toml` in the current folder or
/// the nearest folder above it that has one (as ruff and cargo find their configuration);
/// else `rules.toml` here (which then gets the hint to run `crosscheck init`). Paths inside
/// it stay relative to its own folder.
pub fn rules_path(given: Option<&Path>) -> PathBuf {
    if let Some(p) = given {
        return p.to_path_buf();
    }
    let here = PathBuf::from("rules.toml");
    if here.is_file() {
        return here;
    }
    let Ok(cwd) = std::env::current_dir() else { return here };
    cwd.ancestors().skip(1).map(|dir| dir.join("rules.toml")).find(|p| p.is_file()).unwrap_or(here)
}

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

/// What `check` and `baseline` read: source files, or claims already extracted.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Source files or directories; default: the `sources` globs in rules.toml.
    pub paths: Vec<PathBuf>,
    /// Read claims from `crosscheck extract --format jsonl` output (any number of shards, `-`
    /// for stdin) instead of extracting from sources.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub claims: Vec<PathBuf>,
    /// Sources processed in parallel (default: the number of CPUs); the report is the same
    /// for every N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
}

/// The files to check: PATHS when given, else the globs in rules.toml. Prints walk warnings.
fn source_files(rules: &Rules, paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
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
    print_source_warnings(&warnings)?;
    Ok(files)
}

fn print_source_warnings(warnings: &[sources::SourceWarning]) -> Result<()> {
    if !super::quiet() {
        let mut err = std::io::stderr().lock();
        for w in warnings {
            writeln!(err, "warning: {}: {}", w.path, w.message)?;
        }
    }
    Ok(())
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

/// Runs rules → sources (or claims files) → report, the part `check` and `baseline` share.
/// Sources stream through in chunks: each is read, extracted, linked and normalized in
/// parallel, and only what the report needs of it is kept.
pub fn report(
    rules: &Rules,
    input: &InputArgs,
    opts: &pipeline::Options,
) -> Result<crate::finding::Report> {
    let pool = super::common::thread_pool(input.threads.map(usize::from))?;
    let pipeline = pipeline::Pipeline::new(rules, opts);
    if !input.claims.is_empty() {
        return from_claims(&pipeline, &pool, &input.claims);
    }
    let files = source_files(rules, &input.paths)?;
    let shown = Shown { bar: progress(files.len()), failed: std::sync::Mutex::new(None) };
    let analyzed = pipeline.map_files(&files, &pool, &shown)?;
    let Shown { bar, failed } = shown;
    if let Some(e) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e.into());
    }
    bar.finish_and_clear();
    if analyzed.is_empty() {
        let given: Vec<String> = if input.paths.is_empty() {
            rules.sources.clone()
        } else {
            input.paths.iter().map(|p| sources::display(p)).collect()
        };
        bail!(
            "no readable source files in {}: every one was skipped (warnings above)",
            given.join(", ")
        );
    }
    Ok(pipeline.reduce(analyzed))
}

/// How the CLI shows the map step: a progress bar, and warnings on stderr as they come.
struct Shown {
    bar: indicatif::ProgressBar,
    /// The first failure to print a warning (stderr closed), reported once the run ends.
    failed: std::sync::Mutex<Option<std::io::Error>>,
}

impl pipeline::Observer for Shown {
    fn read_one(&self) {
        self.bar.inc(1);
    }

    fn warnings(&self, source: &[sources::SourceWarning], meta: &[Warning]) {
        let result = print_source_warnings(source).and_then(|()| warn(meta));
        if let Err(e) = result {
            let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
            failed.get_or_insert(std::io::Error::other(e.to_string()));
        }
    }
}

/// `--claims`: sources rebuilt from extracted claims; metadata from rules.toml's `[[source]]`.
fn from_claims(
    pipeline: &pipeline::Pipeline,
    pool: &rayon::ThreadPool,
    files: &[PathBuf],
) -> Result<crate::finding::Report> {
    let sources = crate::claims_file::read(files)?;
    let mut warnings = Vec::new();
    let refs: Vec<pipeline::SourceRef> = sources
        .iter()
        .map(|s| pipeline::SourceRef {
            id: s.id.clone(),
            path: s.path.clone(),
            meta: pipeline.meta(&s.id, &s.path, &Default::default(), &mut warnings),
            rate_date: s
                .normalized
                .iter()
                .flatten()
                .filter_map(|n| n.rate.filter(|r| r.source == RateSource::Ecb))
                .find_map(|r| r.date),
        })
        .collect();
    warn(&warnings)?;
    let analyzed: Result<Vec<pipeline::Analyzed>, pipeline::CheckError> = pool.install(|| {
        sources
            .into_par_iter()
            .zip(refs.par_iter())
            .map(|(s, r)| pipeline.claims(r.clone(), &s.text, s.claims, &s.reports, &s.normalized))
            .collect()
    });
    Ok(pipeline.reduce(analyzed?))
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
