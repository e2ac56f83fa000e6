//! `crosscheck extract`: every claim in the sources, as a table, JSON Lines, JSON or CSV.
//!
//! Files are read and extracted in parallel, a chunk at a time (so a large corpus is never all
//! in memory), and each file's output is built on the worker; the main thread then appends the
//! outputs in input order, so the output does not depend on `--threads`. Output goes to a
//! [`Sink`]: all of it or none of it reaches stdout, so a bad file or a missing exchange rate
//! leaves stdout as it was.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{modifiers, Cell, Color, ContentArrangement, Table};
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use super::claim_json::ClaimWriter;
use super::common::{self, Sink};
use super::ExitStatus;
use crate::extract::{self, Claim, Kind};
use crate::finding::{ClaimReport, SCHEMA_VERSION};
use crate::normalize::{self, Converter, FxError, Normalized};
use crate::sources::{self, FileId, Source, SourceWarning};

/// Files read and extracted per parallel batch; bounds the text held in memory at once.
const CHUNK: usize = 256;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories to read (`-` for stdin); directories are walked for .txt and .md.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    /// Convert every money claim into this ISO 4217 currency (adds `normalized`), at the ECB
    /// reference rate of the source's publication date.
    #[arg(long, value_name = "CURRENCY", value_parser = common::parse_currency)]
    pub base: Option<String>,
    /// The currency a bare `$` or "dollars" stands for.
    #[arg(long, value_name = "CURRENCY", value_parser = common::parse_currency, default_value = "USD")]
    pub dollar: String,
    /// With --base: the date whose rates convert sources that have no `published` date in
    /// their front matter (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = common::parse_date)]
    pub as_of: Option<Date>,
    /// Files extracted in parallel [default: the number of CPUs].
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A human table (colour on a terminal, unless NO_COLOR is set).
    Table,
    /// One JSON object per claim per line (the fixed contract).
    Jsonl,
    /// One JSON document: {"schema_version": 1, "claims": [...]}.
    Json,
    /// A header row and one row per claim (RFC 4180).
    Csv,
}

/// Everything that decides what one file's output looks like.
pub(crate) struct Options {
    pub format: ExtractFormat,
    /// What a bare dollar means.
    pub dollar: String,
    /// Set with `--base`.
    pub converter: Option<Converter>,
    /// Conversion date for sources without `published`.
    pub as_of: Option<Date>,
    pub color: bool,
    /// The file stdout writes into while the run goes on, read as empty if it is an input.
    pub output: Option<FileId>,
}

impl Options {
    fn from_args(args: &ExtractArgs) -> Options {
        Options {
            format: args.format,
            dollar: args.dollar.clone(),
            converter: args.base.as_deref().map(|b| Converter::new(b, BTreeMap::new(), true)),
            as_of: args.as_of,
            color: args.format == ExtractFormat::Table && common::stdout_color(),
            output: None,
        }
    }
}

pub fn run(args: ExtractArgs) -> Result<ExitStatus> {
    let mut sink = Sink::stdout();
    let opts = Options { output: sink.file_id(), ..Options::from_args(&args) };
    let pool = common::thread_pool(args.threads.map(NonZeroUsize::get))?;
    let mut warnings = Vec::new();
    let files = sources::discover(&super::paths_or(args.paths, "."), &mut warnings)?;
    print_warnings(&warnings)?;

    match extract_files(&files, &opts, &pool, CHUNK, &mut sink) {
        Ok(()) => sink.commit()?,
        Err(e) => {
            sink.abort()?;
            return Err(e);
        }
    }
    Ok(ExitStatus::Clean)
}

/// Extracts `files` in chunks of `chunk` on `pool` and writes the output to `out` in input
/// order; warnings go to stderr as each chunk completes. Stops at the first failing file (in
/// input order, whatever the thread count).
pub(crate) fn extract_files(
    files: &[PathBuf],
    opts: &Options,
    pool: &rayon::ThreadPool,
    chunk: usize,
    out: &mut dyn Write,
) -> Result<()> {
    let mut output = Output::begin(opts, out)?;
    // Each file's output buffer goes back to the next chunk's file in the same place: fresh
    // buffers for every chunk, freed on the thread that writes them and not the one that
    // filled them, had the allocator fault in (and zero) new pages all along the run.
    let mut spare: Vec<Vec<u8>> = Vec::new();
    for chunk in files.chunks(chunk.max(1)) {
        spare.resize_with(chunk.len(), Vec::new);
        let results: Vec<Result<FileResult>> = pool.install(|| {
            chunk
                .par_iter()
                .zip(spare.par_drain(..))
                .map(|(path, buffer)| process_file(path, opts, buffer))
                .collect()
        });
        for result in results {
            let file = result?;
            print_warnings(&file.warnings)?;
            spare.push(output.add(file.output, out)?);
        }
    }
    output.finish(opts, out)
}

fn print_warnings(warnings: &[SourceWarning]) -> io::Result<()> {
    let mut err = io::stderr().lock();
    for w in warnings {
        writeln!(err, "warning: {}: {}", w.path, w.message)?;
    }
    Ok(())
}

/// One file's contribution: its warnings and its rendered claims.
struct FileResult {
    warnings: Vec<SourceWarning>,
    output: FileOutput,
}

/// Reads and renders one file, into `buffer` (empty, with the room an earlier file left in
/// it) where the format has bytes.
fn process_file(path: &Path, opts: &Options, buffer: Vec<u8>) -> Result<FileResult> {
    let mut warnings = Vec::new();
    let output = match sources::load_except(path, opts.output, &mut warnings)? {
        Some(source) => render_source(&source, opts, buffer)?,
        None => FileOutput { bytes: buffer, ..FileOutput::default() },
    };
    Ok(FileResult { warnings, output })
}

/// One claim as `extract` prints it: the report's CLAIM object plus the extractor's own
/// fields. The table and CSV are built from it; its serde form defines the JSON object, which
/// `claim_json::ClaimWriter` writes without building it (a test holds the two to the same
/// bytes).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractedClaim {
    #[serde(flatten)]
    pub claim: ClaimReport,
    /// Counts: the noun; percents: `points` for percentage points.
    pub unit: Option<String>,
    /// The hedge as written, lower-cased (`about`, `more than`).
    pub hedge_word: Option<String>,
    /// Index (0-based, among this source's claims) of the claim this one restates: the
    /// `($119.8 billion)` of `114.2 billion euros ($119.8 billion)`.
    pub restates: Option<usize>,
    /// In a change, `before`, `after` or `change`; omitted otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    /// The compact human figure for the table (`$119.8bn`, `≥ 50%`); empty in the other
    /// formats, and never serialized.
    #[serde(skip)]
    pub display: String,
}

/// The claims of one source, converted with `--base` when it is set. A missing rate is an
/// error naming the source.
pub(crate) fn claims_of(source: &Source, opts: &Options) -> Result<Vec<ExtractedClaim>> {
    let published = source.meta.published.or(opts.as_of);
    extract::extract_source(source)
        .iter()
        .map(|c| {
            let (currency, normalized) = resolved(source, c, published, opts)?;
            // Only the table shows the compact figure.
            let display = match opts.format {
                ExtractFormat::Table => {
                    common::figure(c.kind, c.value, c.low, c.high, currency, c.unit.as_deref())
                }
                _ => String::new(),
            };
            Ok(ExtractedClaim {
                claim: common::claim_report(
                    source,
                    c,
                    currency.map(str::to_owned),
                    normalized.as_ref(),
                ),
                display,
                unit: c.unit.clone(),
                hedge_word: c.hedge_word.clone(),
                restates: c.restates,
                role: c.role.map(|r| r.as_str()),
            })
        })
        .collect()
}

/// A claim's own currency (a bare dollar resolved with `--dollar`) and, with `--base`, the
/// claim converted at the rate of `published`.
fn resolved<'o>(
    source: &Source,
    c: &Claim,
    published: Option<Date>,
    opts: &'o Options,
) -> Result<(Option<&'o str>, Option<Normalized>)> {
    let currency = c.currency.and_then(|cue| normalize::resolve_str(cue, &opts.dollar));
    let normalized = match &opts.converter {
        Some(conv) if c.kind == Kind::Money => Some(
            normalize::normalize_claim(c, published, &opts.dollar, conv)
                .map_err(|e| conversion_error(&source.id, e))?,
        ),
        _ => None,
    };
    Ok((currency, normalized))
}

fn conversion_error(path: &str, e: FxError) -> anyhow::Error {
    match e {
        FxError::NoDate { .. } => {
            anyhow::anyhow!("{path}: {e}; or pass --as-of YYYY-MM-DD to `crosscheck extract`")
        }
        e => anyhow::anyhow!("{path}: {e}"),
    }
}

/// One file's rendered output: bytes for the machine formats, rows for the table.
#[derive(Debug, Default)]
pub(crate) struct FileOutput {
    bytes: Vec<u8>,
    rows: Vec<Vec<String>>,
    claims: usize,
}

/// Renders one source in `opts.format`, appending its bytes to `bytes`; runs on a worker
/// thread.
pub(crate) fn render_source(source: &Source, opts: &Options, bytes: Vec<u8>) -> Result<FileOutput> {
    if matches!(opts.format, ExtractFormat::Jsonl | ExtractFormat::Json) {
        return render_json(source, opts, bytes);
    }
    let claims = claims_of(source, opts)?;
    let mut out = FileOutput { bytes, rows: Vec::new(), claims: claims.len() };
    if opts.format == ExtractFormat::Csv {
        for c in &claims {
            write_csv_record(&mut out.bytes, &csv_fields(c))?;
        }
    } else {
        let with_base = opts.converter.is_some();
        out.rows = claims.iter().map(|c| table_row(c, with_base)).collect();
    }
    Ok(out)
}

/// JSON Lines, or the claims of a JSON document joined by `,\n`: written straight from the
/// extractor's claims ([`ClaimWriter`]).
fn render_json(source: &Source, opts: &Options, mut bytes: Vec<u8>) -> Result<FileOutput> {
    let published = source.meta.published.or(opts.as_of);
    let claims = extract::extract_source(source);
    // A JSON Lines claim with its sentence is about 450 bytes: size the buffer once.
    bytes.reserve(claims.len() * 512);
    let mut writer = ClaimWriter::new(source);
    for (i, c) in claims.iter().enumerate() {
        let (currency, normalized) = resolved(source, c, published, opts)?;
        if opts.format == ExtractFormat::Json && i > 0 {
            bytes.extend_from_slice(b",\n");
        }
        writer.write(&mut bytes, c, currency, normalized.as_ref())?;
        if opts.format == ExtractFormat::Jsonl {
            bytes.push(b'\n');
        }
    }
    Ok(FileOutput { bytes, rows: Vec::new(), claims: claims.len() })
}

/// Appends file outputs in order and writes what goes before, between and after them.
pub(crate) struct Output {
    format: ExtractFormat,
    files: usize,
    claims: usize,
    rows: Vec<Vec<String>>,
}

impl Output {
    pub(crate) fn begin(opts: &Options, out: &mut dyn Write) -> Result<Output> {
        match opts.format {
            ExtractFormat::Json => {
                write!(out, "{{\"schema_version\":{SCHEMA_VERSION},\"claims\":[")?
            }
            ExtractFormat::Csv => write_csv_record(out, &CSV_HEADER.map(String::from))?,
            ExtractFormat::Jsonl | ExtractFormat::Table => {}
        }
        Ok(Output { format: opts.format, files: 0, claims: 0, rows: Vec::new() })
    }

    /// Writes `file`'s output and hands its byte buffer back, emptied, for reuse.
    pub(crate) fn add(&mut self, file: FileOutput, out: &mut dyn Write) -> Result<Vec<u8>> {
        if self.format == ExtractFormat::Json && file.claims > 0 {
            // One claim per line; the files' lists are joined with a comma.
            out.write_all(if self.claims == 0 { b"\n" } else { b",\n" })?;
        }
        self.files += 1;
        self.claims += file.claims;
        out.write_all(&file.bytes)?;
        self.rows.extend(file.rows);
        let mut bytes = file.bytes;
        bytes.clear();
        Ok(bytes)
    }

    pub(crate) fn finish(self, opts: &Options, out: &mut dyn Write) -> Result<()> {
        match opts.format {
            ExtractFormat::Json => {
                if self.claims > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"]}\n")?;
            }
            ExtractFormat::Table => {
                if !self.rows.is_empty() {
                    let table = build_table(self.rows, opts.converter.as_ref(), opts.color);
                    writeln!(out, "{table}")?;
                }
                writeln!(
                    out,
                    "{} in {}",
                    plural(self.claims, "claim"),
                    plural(self.files, "source")
                )?;
            }
            ExtractFormat::Jsonl | ExtractFormat::Csv => {}
        }
        Ok(())
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The CSV columns: the JSON Lines fields, with `normalized` spread over its own columns.
pub(crate) const CSV_HEADER: [&str; 24] = [
    "source",
    "start",
    "end",
    "line",
    "column",
    "text",
    "kind",
    "value",
    "low",
    "high",
    "currency",
    "unit",
    "hedge",
    "hedge_word",
    "attributed_to",
    "sentence",
    "restates",
    "normalized_value",
    "normalized_low",
    "normalized_high",
    "normalized_currency",
    "rate",
    "rate_date",
    "rate_source",
];

fn csv_fields(c: &ExtractedClaim) -> [String; 24] {
    let r = &c.claim;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let n = r.normalized.as_ref();
    let norm = |f: fn(&crate::finding::NormalizedReport) -> &Option<String>| {
        n.and_then(|n| f(n).clone()).unwrap_or_default()
    };
    [
        r.source.clone(),
        r.start.to_string(),
        r.end.to_string(),
        r.line.to_string(),
        r.column.to_string(),
        r.text.clone(),
        r.kind.clone(),
        opt(&r.value),
        opt(&r.low),
        opt(&r.high),
        opt(&r.currency),
        opt(&c.unit),
        opt(&r.hedge),
        opt(&c.hedge_word),
        opt(&r.attributed_to),
        r.sentence.clone(),
        c.restates.map(|i| i.to_string()).unwrap_or_default(),
        norm(|n| &n.value),
        norm(|n| &n.low),
        norm(|n| &n.high),
        norm(|n| &n.currency),
        norm(|n| &n.rate),
        norm(|n| &n.rate_date),
        norm(|n| &n.rate_source),
    ]
}

/// One RFC 4180 record: a field with a comma, a double quote, CR or LF is quoted, with its
/// double quotes doubled; records end with CRLF.
pub(crate) fn write_csv_record(out: &mut dyn Write, fields: &[String]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        // A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)` in a sentence)
        // gets a leading `'`, as OWASP advises; numbers (`-5000000000`) stay numbers.
        let guarded;
        let f = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) && f.parse::<f64>().is_err() {
            guarded = format!("'{f}");
            guarded.as_str()
        } else {
            f.as_str()
        };
        if f.contains([',', '"', '\r', '\n']) {
            write!(out, "\"{}\"", f.replace('"', "\"\""))?;
        } else {
            out.write_all(f.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// `source:line:col`, text, kind, value, hedge, attributed to (and the converted figure with
/// `--base`).
fn table_row(c: &ExtractedClaim, with_base: bool) -> Vec<String> {
    let r = &c.claim;
    let hedge = c.hedge_word.clone().or_else(|| r.hedge.clone()).unwrap_or_default();
    let mut row = vec![
        format!("{}:{}:{}", r.source, r.line, r.column),
        common::collapse_whitespace(&r.text),
        r.kind.clone(),
        c.display.clone(),
        hedge,
        r.attributed_to.clone().unwrap_or_default(),
    ];
    if with_base {
        row.push(r.normalized.as_ref().map(|n| n.display.clone()).unwrap_or_default());
    }
    row
}

fn build_table(rows: Vec<Vec<String>>, converter: Option<&Converter>, color: bool) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).apply_modifier(modifiers::UTF8_ROUND_CORNERS);
    if color {
        t.enforce_styling();
        // Wrap to the terminal, unless its width is unknown or too narrow to be useful (a
        // pseudo-terminal without a size reports 0).
        if t.width().is_some_and(|w| w >= 60) {
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
    } else {
        // Byte-identical output in pipes and files.
        t.force_no_tty().set_content_arrangement(ContentArrangement::Disabled);
    }
    let mut header =
        vec!["source:line:col".to_owned(), "text".into(), "kind".into(), "value".into()];
    header.extend(["hedge".to_owned(), "attributed to".into()]);
    if let Some(conv) = converter {
        header.push(format!("in {}", conv.base()));
    }
    t.set_header(header);
    for row in rows {
        let cells = row.into_iter().enumerate().map(|(i, text)| {
            let cell = Cell::new(&text);
            if !color {
                return cell;
            }
            match (i, text.as_str()) {
                (2, "money") => cell.fg(Color::Green),
                (2, "percent") => cell.fg(Color::Cyan),
                (4, _) => cell.fg(Color::Yellow),
                (0, _) => cell.fg(Color::DarkGrey),
                _ => cell,
            }
        });
        t.add_row(cells);
    }
    t
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    const KIEL: &str = "Kiel  counts\t114.2 billion euros ($119.8 billion), about 50 per cent.";

    fn opts(format: ExtractFormat) -> Options {
        Options {
            format,
            dollar: "USD".into(),
            converter: None,
            as_of: None,
            color: false,
            output: None,
        }
    }

    fn with_base(format: ExtractFormat, base: &str) -> Options {
        Options { converter: Some(Converter::new(base, BTreeMap::new(), true)), ..opts(format) }
    }

    fn source(id: &str, text: &str) -> Source {
        Source::from_text(id, text.to_owned()).unwrap()
    }

    /// The whole output for in-memory sources, as `run` builds it.
    fn render(sources: &[Source], opts: &Options) -> Result<String> {
        let mut out = Vec::new();
        let mut output = Output::begin(opts, &mut out)?;
        for s in sources {
            output.add(render_source(s, opts, Vec::new())?, &mut out)?;
        }
        output.finish(opts, &mut out)?;
        Ok(String::from_utf8(out)?)
    }

    fn jsonl(sources: &[Source], opts: &Options) -> Vec<Value> {
        render(sources, opts).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn jsonl_has_every_contract_field_as_strings() {
        let lines = jsonl(&[source("DIR/x.txt", KIEL)], &opts(ExtractFormat::Jsonl));
        assert_eq!(lines.len(), 3);
        let keys = [
            "source",
            "start",
            "end",
            "line",
            "column",
            "text",
            "kind",
            "value",
            "low",
            "high",
            "currency",
            "unit",
            "hedge",
            "hedge_word",
            "attributed_to",
            "sentence",
            "restates",
        ];
        for line in &lines {
            for key in keys {
                assert!(line.get(key).is_some(), "{key} missing in {line}");
            }
            let (start, end) = (line["start"].as_u64().unwrap(), line["end"].as_u64().unwrap());
            assert_eq!(line["text"], KIEL[start as usize..end as usize]);
            assert_eq!(
                line["sentence"],
                "Kiel counts 114.2 billion euros ($119.8 billion), about 50 per cent."
            );
        }
        let eur = &lines[0];
        assert_eq!(
            (&eur["text"], &eur["value"], &eur["currency"], &eur["kind"]),
            (&"114.2 billion euros".into(), &"114200000000".into(), &"EUR".into(), &"money".into())
        );
        assert_eq!(
            (&eur["line"], &eur["column"], &eur["start"]),
            (&1.into(), &14.into(), &13.into())
        );
        assert_eq!(eur["restates"], Value::Null);
        let usd = &lines[1];
        assert_eq!((&usd["value"], &usd["currency"]), (&"119800000000".into(), &"USD".into()));
        assert_eq!(usd["restates"], 0, "the dollar figure restates the euro one");
        let pct = &lines[2];
        assert_eq!((&pct["kind"], &pct["value"]), (&"percent".into(), &"50".into()));
        assert!(pct["low"].is_null() || pct["low"].is_string(), "never a JSON number");
        assert_eq!((&pct["hedge"], &pct["hedge_word"]), (&"approximate".into(), &"about".into()));
        assert_eq!(pct["column"], 52);
    }

    #[test]
    fn dollar_flag_decides_what_a_bare_dollar_is() {
        let o = Options { dollar: "CAD".into(), ..opts(ExtractFormat::Jsonl) };
        let lines = jsonl(&[source("x.txt", "It cost $5 million.")], &o);
        assert_eq!(lines[0]["currency"], "CAD");
    }

    #[test]
    fn json_is_one_document_with_the_jsonl_objects() {
        let sources =
            [source("a.txt", KIEL), source("empty.txt", "No figures."), source("b.txt", "Up 3%.")];
        let doc: Value =
            serde_json::from_str(&render(&sources, &opts(ExtractFormat::Json)).unwrap()).unwrap();
        assert_eq!(doc["schema_version"], 1);
        assert_eq!(
            doc["claims"].as_array().unwrap(),
            &jsonl(&sources, &opts(ExtractFormat::Jsonl))
        );
        assert_eq!(doc["claims"].as_array().unwrap().len(), 4);
        let none = render(&[source("e.txt", "")], &opts(ExtractFormat::Json)).unwrap();
        assert_eq!(none, "{\"schema_version\":1,\"claims\":[]}\n");
    }

    /// The JSON written straight from the claims is what serde_json writes for the
    /// [`ExtractedClaim`]s: every field, escapes, collapsed sentences shared by several
    /// claims, conversions and inline restatements.
    #[test]
    fn json_objects_are_serde_json_of_the_extracted_claims() {
        let texts = [
            KIEL.to_owned(),
            format!("+++\npublished = 2025-02-16\n+++\n{KIEL}\nIt rose 3%.\n"),
            "\"We spent $5bn,\" said Ann \\ Lee, \"and \t 4 people\u{1}\" left.\n\
             Between 10% and 12%; over 2,000 jobs. Nothing.\r\nA “€3m” gift.\u{a0}1 in 7."
                .to_owned(),
        ];
        for (i, text) in texts.iter().enumerate() {
            let src = source(&format!("d\"ir/{i}.txt"), text);
            for o in [opts(ExtractFormat::Jsonl), with_base(ExtractFormat::Jsonl, "GBP")] {
                let Ok(claims) = claims_of(&src, &o) else { continue };
                assert!(claims.len() >= 2, "{text}");
                let want: String =
                    claims.iter().map(|c| serde_json::to_string(c).unwrap() + "\n").collect();
                assert_eq!(render(std::slice::from_ref(&src), &o).unwrap(), want);
            }
        }
    }

    #[test]
    fn csv_quotes_per_rfc_4180() {
        let mut out = Vec::new();
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", ""].map(String::from);
        write_csv_record(&mut out, &fields).unwrap();
        assert_eq!(out, b"plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn csv_has_a_header_and_a_row_per_claim() {
        let text = render(&[source("x,y.txt", KIEL)], &opts(ExtractFormat::Csv)).unwrap();
        let records: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(records.len(), 4);
        assert_eq!(records[0], CSV_HEADER.join(","));
        assert!(
            records[2]
                .starts_with("\"x,y.txt\",34,48,1,35,$119.8 billion,money,119800000000,,,USD,"),
            "{}",
            records[2]
        );
        // The sentence holds a comma, so it is quoted; `restates` follows it.
        assert!(records[2].ends_with("about 50 per cent.\",0,,,,,,,"), "{}", records[2]);
    }

    #[test]
    fn base_adds_normalized_money_at_the_published_date() {
        let text = format!("+++\npublished = 2025-02-16\n+++\n{KIEL}");
        let lines = jsonl(&[source("k.txt", &text)], &with_base(ExtractFormat::Jsonl, "USD"));
        let n = &lines[0]["normalized"];
        assert_eq!(n["value"], "119658760000", "114.2bn EUR at 1.0478");
        assert_eq!((&n["currency"], &n["rate"]), (&"USD".into(), &"1.0478".into()));
        assert_eq!((&n["rate_date"], &n["rate_source"]), (&"2025-02-14".into(), &"ecb".into()));
        assert_eq!(lines[1]["normalized"]["rate_source"], "identity");
        assert_eq!(lines[2]["normalized"], Value::Null, "percent is not converted");
    }

    #[test]
    fn as_of_dates_sources_without_front_matter() {
        let o = Options {
            as_of: Some(jiff::civil::date(2025, 2, 16)),
            ..with_base(ExtractFormat::Jsonl, "USD")
        };
        let lines = jsonl(&[source("k.txt", KIEL)], &o);
        assert_eq!(lines[0]["normalized"]["rate_date"], "2025-02-14");
    }

    #[test]
    fn a_missing_rate_names_the_file_currency_and_date() {
        let text = "+++\npublished = 2025-02-16\n+++\nKyiv spent 5 billion hryvnias.";
        let err = render(&[source("ua.txt", text)], &with_base(ExtractFormat::Jsonl, "USD"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("ua.txt: no exchange rate for UAH on 2025-02-16"), "{err}");
        assert!(err.contains("fixed = { UAH"), "{err}");
    }

    #[test]
    fn table_shows_compact_figures_without_colour() {
        let text = render(&[source("x.txt", KIEL)], &with_base(ExtractFormat::Table, "EUR"));
        let err = text.unwrap_err().to_string();
        assert!(err.contains("no publication date"), "{err}");
        let text = render(&[source("x.txt", KIEL)], &opts(ExtractFormat::Table)).unwrap();
        for cell in ["source:line:col", "x.txt:1:14", "€114.2bn", "$119.8bn", "50%", "about"] {
            assert!(text.contains(cell), "{cell} missing:\n{text}");
        }
        assert!(!text.contains('\u{1b}'), "no escape codes off a terminal");
        assert!(text.ends_with("3 claims in 1 source\n"), "{text}");
    }

    #[test]
    fn output_does_not_depend_on_threads_or_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for i in 0..23 {
            let path = dir.path().join(format!("{i:02}.txt"));
            std::fs::write(&path, format!("It cost ${i}.5 million, up {i}%.")).unwrap();
            files.push(path);
        }
        let run = |threads: usize, chunk: usize| {
            let pool = common::thread_pool(Some(threads)).unwrap();
            let mut out = Vec::new();
            extract_files(&files, &opts(ExtractFormat::Jsonl), &pool, chunk, &mut out).unwrap();
            out
        };
        let one = run(1, 256);
        assert_eq!(String::from_utf8_lossy(&one).lines().count(), 23 * 2, "money and percent");
        assert_eq!(run(2, 256), one);
        assert_eq!(run(4, 5), one);
    }

    #[test]
    fn the_first_bad_file_in_input_order_is_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "It cost $5.").unwrap();
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"ok \xff").unwrap();
        let files = vec![good, bad, dir.path().join("missing.txt")];
        let pool = common::thread_pool(Some(2)).unwrap();
        let mut out = Vec::new();
        let err = extract_files(&files, &opts(ExtractFormat::Jsonl), &pool, 256, &mut out)
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.txt: not valid UTF-8 at byte 3"), "{err}");
    }
}
