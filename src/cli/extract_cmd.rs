use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::ExitStatus;
use crate::extract;
use crate::sources::{self, Source};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories to read (`-` for stdin); directories are walked for .txt and .md.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Jsonl,
    Json,
    Csv,
}

pub fn run(args: ExtractArgs) -> Result<ExitStatus> {
    let mut warnings = Vec::new();
    let files = sources::discover(&super::paths_or(args.paths, "."), &mut warnings)?;
    let mut loaded: Vec<Source> = Vec::with_capacity(files.len());
    for f in &files {
        if let Some(s) = sources::load(f, &mut warnings)? {
            loaded.push(s);
        }
    }
    let stderr = std::io::stderr();
    for w in &warnings {
        writeln!(stderr.lock(), "warning: {}: {}", w.path, w.message)?;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for source in &loaded {
        let claims = extract::extract_source(source);
        for c in &claims {
            let (line, column) = source.line_index.line_col_in(&source.text, c.start);
            let obj = serde_json::json!({
                "source": source.id,
                "start": c.start,
                "end": c.end,
                "line": line,
                "column": column,
                "text": &source.text[c.start..c.end],
                "kind": c.kind.as_str(),
                "value": c.value.map(|v| v.normalize().to_string()),
                "low": c.low.map(|v| v.normalize().to_string()),
                "high": c.high.map(|v| v.normalize().to_string()),
                "currency": c.currency.and_then(|cue| match cue {
                    extract::CurrencyCue::Iso(code) => Some(code),
                    extract::CurrencyCue::Dollar => Some("USD"),
                    extract::CurrencyCue::Unknown => None,
                }),
                "unit": c.unit,
                "hedge": c.hedge.map(|h| h.as_str()),
                "attributed_to": c.attributed_to,
            });
            serde_json::to_writer(&mut out, &obj)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let _ = args.format;
    Ok(ExitStatus::Clean)
}
