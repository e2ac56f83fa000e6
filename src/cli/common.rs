//! Helpers shared by the subcommands: flag parsers, colour detection, the thread pool, the
//! claim → [`ClaimReport`] mapping and an output spool that makes a run all-or-nothing.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Seek, SeekFrom, Write};

use jiff::civil::Date;

use crate::normalize;
use crate::sources::{self, FileId};

/// clap value parser for `--base` / `--dollar`: an ISO 4217 code, with a did-you-mean.
pub(crate) fn parse_currency(s: &str) -> Result<String, String> {
    if normalize::is_iso(s) {
        return Ok(s.to_owned());
    }
    match normalize::suggest(s) {
        Some(code) => Err(format!("not an ISO 4217 currency code; did you mean {code}?")),
        None => Err("not an ISO 4217 currency code (e.g. USD, EUR, GBP)".to_owned()),
    }
}

/// clap value parser for dates: `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| "expected a date as YYYY-MM-DD, e.g. 2025-02-16".to_owned())
}

/// Colour on stdout: only on a terminal, and never when `NO_COLOR` is set to anything
/// non-empty (<https://no-color.org>).
pub(crate) fn stdout_color() -> bool {
    colour_for(super::color_choice(), io::stdout().is_terminal(), |k| std::env::var_os(k))
}

/// Whether to colour, by `--color` and the conventions (no-color.org, bixense.com/clicolors):
/// `never`/`always` win; otherwise `NO_COLOR` (non-empty) and `CLICOLOR=0` turn it off,
/// `CLICOLOR_FORCE` (non-empty, not `0`) turns it on, `TERM=dumb` off, else a terminal.
pub(crate) fn colour_for(
    choice: super::ColorChoice,
    terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    match choice {
        super::ColorChoice::Always => true,
        super::ColorChoice::Never => false,
        super::ColorChoice::Auto => {
            if set("NO_COLOR") || env("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                terminal && env("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// The width the table must fit: the terminal's on a terminal, else `COLUMNS`, else 100.
pub(crate) fn stdout_width() -> usize {
    if io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return usize::from(w).max(40);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

/// A local rayon pool of `threads` workers (default: the available parallelism).
pub(crate) fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    Ok(rayon::ThreadPoolBuilder::new().num_threads(n).build()?)
}

pub(crate) use crate::finding::build::{claim_report, figure};
pub(crate) use crate::text::collapse_whitespace;

/// Where `extract` writes: all of the output or none of it. A regular file that stdout was
/// redirected to (`> claims.jsonl`) is written in place and cut back to its old length if the
/// run fails, and `/dev/null` takes output as it comes: neither needs a second copy of
/// every byte. A terminal or a pipe (anything else) gets the output from a [`Spool`] once the
/// run has succeeded.
pub(crate) enum Sink {
    Direct {
        out: BufWriter<File>,
        /// The file's length before the run, to restore on failure (`None` for /dev/null).
        rollback: Option<u64>,
    },
    Spooled(Spool),
}

impl Sink {
    /// The sink for this process's stdout.
    pub(crate) fn stdout() -> Sink {
        match direct_stdout() {
            Some((file, rollback)) => {
                Sink::Direct { out: BufWriter::with_capacity(1 << 20, file), rollback }
            }
            None => Sink::Spooled(Spool::new(Spool::LIMIT)),
        }
    }

    /// The file written in place, if any: the run must read it as the empty file it was
    /// ([`sources::load_except`]).
    pub(crate) fn file_id(&self) -> Option<FileId> {
        match self {
            Sink::Direct { out, rollback: Some(_) } => sources::file_id(out.get_ref()),
            _ => None,
        }
    }

    /// The run succeeded: everything reaches stdout.
    pub(crate) fn commit(self) -> io::Result<()> {
        match self {
            Sink::Direct { mut out, .. } => out.flush(),
            Sink::Spooled(spool) => {
                let stdout = io::stdout();
                let mut stdout = BufWriter::new(stdout.lock());
                spool.copy_to(&mut stdout)?;
                stdout.flush()
            }
        }
    }

    /// The run failed: stdout is left as it was before it (a regular file is cut back to
    /// its old length; buffered output is dropped).
    pub(crate) fn abort(self) -> io::Result<()> {
        if let Sink::Direct { out, rollback: Some(len) } = self {
            let (mut file, _unwritten) = out.into_parts();
            file.set_len(len)?;
            file.seek(SeekFrom::Start(len))?;
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Direct { out, .. } => out.write(buf),
            Sink::Spooled(spool) => spool.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Direct { out, .. } => out.write_all(buf),
            Sink::Spooled(spool) => spool.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Direct { out, .. } => out.flush(),
            Sink::Spooled(spool) => spool.flush(),
        }
    }
}

/// Stdout as a file that may be written before the run has succeeded, with the length to
/// restore on failure: an empty regular file (what `>` gives; `>>` and `1<>` go through the
/// spool), or /dev/null.
#[cfg(unix)]
fn direct_stdout() -> Option<(File, Option<u64>)> {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;

    let mut file = File::from(io::stdout().as_fd().try_clone_to_owned().ok()?);
    let meta = file.metadata().ok()?;
    if meta.is_file() {
        let empty = meta.len() == 0 && file.stream_position().ok()? == 0;
        return empty.then_some((file, Some(0)));
    }
    let null = std::fs::metadata("/dev/null").ok()?;
    let same = (meta.dev(), meta.ino(), meta.rdev()) == (null.dev(), null.ino(), null.rdev());
    same.then_some((file, None))
}

#[cfg(not(unix))]
fn direct_stdout() -> Option<(File, Option<u64>)> {
    None
}

/// Output held back until the run has succeeded, so that an error never leaves half a
/// document on stdout. Up to `limit` bytes stay in memory; beyond that the spool moves to an
/// anonymous temporary file, so memory stays bounded on large corpora.
pub(crate) struct Spool {
    mem: Vec<u8>,
    file: Option<BufWriter<File>>,
    limit: usize,
}

impl Spool {
    /// The default in-memory limit: 64 MiB.
    pub(crate) const LIMIT: usize = 64 << 20;

    pub(crate) fn new(limit: usize) -> Spool {
        Spool { mem: Vec::new(), file: None, limit }
    }

    /// Copies everything written so far to `out`.
    pub(crate) fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self.file {
            None => out.write_all(&self.mem),
            Some(file) => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                file.seek(SeekFrom::Start(0))?;
                io::copy(&mut BufReader::new(file), out).map(drop)
            }
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(file) = &mut self.file {
            return file.write(buf);
        }
        self.mem.extend_from_slice(buf);
        if self.mem.len() > self.limit {
            let mut file = BufWriter::new(tempfile::tempfile()?);
            file.write_all(&self.mem)?;
            self.mem = Vec::new();
            self.file = Some(file);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Kind;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn currency_flags_suggest_a_code() {
        assert_eq!(parse_currency("EUR").unwrap(), "EUR");
        assert!(parse_currency("USX").unwrap_err().ends_with("did you mean USD?"));
        assert!(parse_currency("usd").unwrap_err().ends_with("did you mean USD?"));
        assert!(parse_date("2025-02-30").is_err());
    }

    #[test]
    fn figures_show_points_bounds_and_ranges() {
        let usd = Some("USD");
        assert_eq!(figure(Kind::Money, Some(d("65900000000")), None, None, usd, None), "$65.9bn");
        assert_eq!(
            figure(Kind::Money, Some(d("1.42")), Some(d("1.42")), None, usd, None),
            "≥ $1.42"
        );
        assert_eq!(
            figure(Kind::Money, None, Some(d("300000000000")), Some(d("350000000000")), usd, None),
            "$300bn–$350bn"
        );
        assert_eq!(
            figure(Kind::Percent, Some(d("50")), Some(d("47.5")), Some(d("52.5")), None, None),
            "50%"
        );
        assert_eq!(figure(Kind::Percent, None, Some(d("10")), Some(d("20")), None, None), "10–20%");
        assert_eq!(figure(Kind::Count, Some(d("4")), None, None, None, Some("people")), "4 people");
        assert_eq!(figure(Kind::Number, None, None, None, None, None), "");
    }

    #[test]
    fn spool_spills_to_a_file_and_keeps_every_byte() {
        for limit in [0, 4, 1 << 20] {
            let mut spool = Spool::new(limit);
            spool.write_all(b"hello ").unwrap();
            spool.write_all(b"world\n").unwrap();
            let mut out = Vec::new();
            spool.copy_to(&mut out).unwrap();
            assert_eq!(out, b"hello world\n", "limit {limit}");
        }
    }
}

#[cfg(test)]
mod colour_tests {
    use super::colour_for;
    use crate::cli::ColorChoice::{Always, Auto, Never};

    #[test]
    fn colour_follows_the_flag_then_the_conventions() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.into())
        };
        assert!(colour_for(Auto, true, env(&[])));
        assert!(!colour_for(Auto, false, env(&[])));
        assert!(!colour_for(Auto, true, env(&[("NO_COLOR", "1")])));
        assert!(!colour_for(Auto, true, env(&[("CLICOLOR", "0")])));
        assert!(!colour_for(Auto, true, env(&[("TERM", "dumb")])));
        assert!(colour_for(Auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!colour_for(Auto, false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(colour_for(Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!colour_for(Never, true, env(&[])));
    }
}
