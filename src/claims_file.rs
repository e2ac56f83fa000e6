//! Reading claims back from `extract --format jsonl` (`check --claims FILE…`): the reduce side
//! of running extraction elsewhere, as the map step of another engine (docs/scale.md).
//!
//! A record carries its claim's sentence, so each source is rebuilt as a text made of those
//! sentences, one per line, with every claim's span pointing into it. Linking looks only
//! inside a claim's sentence, so it links exactly as it would on the original file; reports
//! keep the record's own location (`source:line:column`, byte offsets).

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::extract::{Claim, CurrencyCue, Hedge, Kind, Role};
use crate::finding::ClaimReport;
use crate::normalize::{Normalized, Rate, RateSource};

/// A problem in a claims file: the file and line, and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ClaimsError {
    #[error("{path}: cannot read claims")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: not a claim record from `crosscheck extract --format jsonl`: {message}"
    )]
    Record { path: String, line: usize, message: String },
    #[error("{path}: no claim records (is it the output of `crosscheck extract --format jsonl`?)")]
    Empty { path: String },
}

/// One line of `extract --format jsonl` (CONTRACT.md); fields `check` does not need are ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    source: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: String,
    kind: String,
    value: Option<String>,
    low: Option<String>,
    high: Option<String>,
    currency: Option<String>,
    hedge: Option<String>,
    attributed_to: Option<String>,
    sentence: String,
    normalized: Option<crate::finding::NormalizedReport>,
    unit: Option<String>,
    hedge_word: Option<String>,
    restates: Option<usize>,
    /// Optional: written only for a figure in a change.
    #[serde(default)]
    role: Option<String>,
}

/// A record with the file and line it came from.
type Located = (Record, String, usize);

/// The claims of one source, rebuilt: see the module docs.
#[derive(Debug, Clone)]
pub struct SourceClaims {
    pub id: String,
    pub path: PathBuf,
    /// The source's sentences, one per line; claim spans point into it.
    pub text: String,
    pub claims: Vec<Claim>,
    /// How each claim is reported: its real location in the original file.
    pub reports: Vec<ClaimReport>,
    /// Each claim's conversion as `extract --base` made it (at the source's own `published`
    /// date, which the claims do not otherwise carry), when the record has one.
    pub normalized: Vec<Option<Normalized>>,
}

/// Reads every file (shards in any number) and returns the sources in order of first
/// appearance. A source split across shards is joined; its records must keep their order.
pub fn read(paths: &[PathBuf]) -> Result<Vec<SourceClaims>, ClaimsError> {
    let mut records: Vec<(String, Vec<Located>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for path in paths {
        let shown = crate::sources::display(path);
        let io = |source| ClaimsError::Io { path: shown.clone(), source };
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            crate::sources::read::regular_file(path).map_err(io)?;
            Box::new(std::io::BufReader::new(std::fs::File::open(path).map_err(io)?))
        };
        let mut any = false;
        for (n, line) in reader.lines().enumerate() {
            let line = line.map_err(io)?;
            if line.trim().is_empty() {
                continue;
            }
            let bad =
                |message: String| ClaimsError::Record { path: shown.clone(), line: n + 1, message };
            let r: Record = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
            if r.start > r.end {
                return Err(bad(format!("start {} is after end {}", r.start, r.end)));
            }
            any = true;
            let slot = *index.entry(r.source.clone()).or_insert_with(|| {
                records.push((r.source.clone(), Vec::new()));
                records.len() - 1
            });
            records[slot].1.push((r, shown.clone(), n + 1));
        }
        if !any {
            return Err(ClaimsError::Empty { path: shown });
        }
    }
    records.into_iter().map(|(id, recs)| rebuild(id, recs)).collect()
}

/// One source's records → a text of their sentences and claims pointing into it.
fn rebuild(id: String, records: Vec<Located>) -> Result<SourceClaims, ClaimsError> {
    let mut text = String::new();
    // The sentence being filled: its span in `text` and where the next claim may start.
    let mut current: Option<(String, usize, usize, usize)> = None;
    let mut claims = Vec::with_capacity(records.len());
    let mut reports = Vec::with_capacity(records.len());
    let mut normalized = Vec::with_capacity(records.len());
    for (r, file, line) in records {
        let bad = |message: String| ClaimsError::Record { path: file.clone(), line, message };
        let needle = crate::text::collapse_whitespace(&r.text);
        let sentence = crate::text::collapse_whitespace(&r.sentence);
        let find = |cur: &Option<(String, usize, usize, usize)>, text: &str| {
            cur.as_ref()
                .filter(|c| c.0 == sentence)
                .and_then(|&(_, s, e, from)| text[from..e].find(&needle).map(|p| (s, e, from + p)))
        };
        let (s, e, at) = match find(&current, &text) {
            Some(found) => found,
            None => {
                // A new sentence (or the same words again later in the source).
                if !text.is_empty() {
                    text.push('\n');
                }
                let s = text.len();
                text.push_str(&sentence);
                let e = text.len();
                current = Some((sentence.clone(), s, e, s));
                find(&current, &text).ok_or_else(|| {
                    bad(format!("the claim text {:?} is not in its sentence", r.text))
                })?
            }
        };
        let end = at + needle.len();
        if let Some(c) = current.as_mut() {
            c.3 = end;
        }
        let num = |field: &str, v: &Option<String>| -> Result<Option<Decimal>, ClaimsError> {
            v.as_deref()
                .map(|s| {
                    Decimal::from_str(s)
                        .map_err(|_| bad(format!("`{field}` is not an exact decimal: {s:?}")))
                })
                .transpose()
        };
        let kind = match r.kind.as_str() {
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "number" => Kind::Number,
            "count" => Kind::Count,
            other => return Err(bad(format!("unknown kind {other:?}"))),
        };
        let hedge = match r.hedge.as_deref() {
            None => None,
            Some("approximate") => Some(Hedge::Approximate),
            Some("at-least") => Some(Hedge::AtLeast),
            Some("at-most") => Some(Hedge::AtMost),
            Some("range") => Some(Hedge::Range),
            Some("vague") => Some(Hedge::Vague),
            Some(other) => return Err(bad(format!("unknown hedge {other:?}"))),
        };
        let role = match r.role.as_deref() {
            None => None,
            Some(name) => {
                Some(Role::parse(name).ok_or_else(|| bad(format!("unknown role {name:?}")))?)
            }
        };
        let currency = match (&r.currency, kind) {
            (Some(code), _) => Some(CurrencyCue::Iso(
                crate::normalize::info(code)
                    .ok_or_else(|| bad(format!("unknown currency {code:?}")))?
                    .code,
            )),
            (None, Kind::Money) => Some(CurrencyCue::Unknown),
            (None, _) => None,
        };
        normalized.push(match &r.normalized {
            Some(n) => Some(Normalized {
                value: num("normalized.value", &n.value)?,
                low: num("normalized.low", &n.low)?,
                high: num("normalized.high", &n.high)?,
                currency: n.currency.clone(),
                rate: match (&n.rate, &n.rate_source) {
                    (Some(rate), Some(source)) => Some(Rate {
                        value: num("normalized.rate", &Some(rate.clone()))?.unwrap_or_default(),
                        date: n.rate_date.as_deref().and_then(|d| d.parse().ok()),
                        source: RateSource::parse(source)
                            .ok_or_else(|| bad(format!("unknown rate_source {source:?}")))?,
                    }),
                    _ => None,
                },
            }),
            None => None,
        });
        // An inline conversion restates the claim just before it in the same source
        // (`114.2 billion euros ($119.8 billion)`); anything else is not a restatement.
        if let Some(r) = r.restates {
            let index = claims.len();
            if r + 1 != index {
                return Err(bad(format!(
                    "`restates` is {r}, but a claim can only restate the one just before it \
                     (index {}); this is claim {index} of its source",
                    index.saturating_sub(1)
                )));
            }
        }
        let claim = Claim {
            start: at,
            end,
            kind,
            value: num("value", &r.value)?,
            low: num("low", &r.low)?,
            high: num("high", &r.high)?,
            currency,
            unit: r.unit.clone(),
            hedge,
            hedge_word: r.hedge_word.clone(),
            attributed_to: r.attributed_to.clone(),
            sentence: (s, e),
            restates: r.restates,
            role,
        };
        reports.push(ClaimReport {
            source: r.source,
            line: r.line,
            column: r.column,
            start: r.start,
            end: r.end,
            text: r.text,
            kind: r.kind,
            value: r.value,
            low: r.low,
            high: r.high,
            currency: r.currency,
            hedge: r.hedge,
            attributed_to: r.attributed_to,
            sentence,
            normalized: None,
            linked_by: Vec::new(),
            verdict: None,
            unlinked_because: None,
        });
        claims.push(claim);
    }
    Ok(SourceClaims { path: Path::new(&id).to_path_buf(), id, text, claims, reports, normalized })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    const LINE: &str = r#"{"source":"x.txt","line":3,"column":5,"start":40,"end":54,"text":"$119.8 billion","kind":"money","value":"119800000000","low":null,"high":null,"currency":"USD","hedge":null,"attributed_to":"Kiel","sentence":"Kiel counts 114.2 billion  euros ($119.8 billion).","normalized":null,"unit":null,"hedge_word":null,"restates":null}"#;

    #[test]
    fn rebuilds_sentences_and_spans() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.jsonl", &format!("{LINE}\n\n{LINE}\n"));
        let got = read(&[p]).unwrap();
        assert_eq!(got.len(), 1);
        let s = &got[0];
        // The same sentence twice (the record repeated) is two sentences.
        assert_eq!(s.text, "Kiel counts 114.2 billion euros ($119.8 billion).\nKiel counts 114.2 billion euros ($119.8 billion).");
        for c in &s.claims {
            assert_eq!(&s.text[c.start..c.end], "$119.8 billion");
            assert_eq!(c.currency, Some(CurrencyCue::Iso("USD")));
            assert_eq!(c.value, Some(Decimal::from(119_800_000_000u64)));
        }
        assert_eq!((s.reports[0].line, s.reports[0].column, s.reports[0].start), (3, 5, 40));
    }

    #[test]
    fn bad_records_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "bad.jsonl", &format!("{LINE}\nnot json\n"));
        let e = read(&[p]).unwrap_err().to_string();
        assert!(e.contains("bad.jsonl:2: not a claim record"), "{e}");
        let p = write(dir.path(), "kind.jsonl", &LINE.replace("\"money\"", "\"cash\""));
        let e = read(&[p]).unwrap_err().to_string();
        assert!(e.contains("kind.jsonl:1: ") && e.contains("unknown kind \"cash\""), "{e}");
        let p = write(dir.path(), "empty.jsonl", "\n");
        assert!(read(&[p]).unwrap_err().to_string().contains("empty.jsonl: no claim records"));
        let p = write(
            dir.path(),
            "moved.jsonl",
            &LINE.replace("\"$119.8 billion\",\"kind\"", "\"$7\",\"kind\""),
        );
        assert!(read(&[p]).unwrap_err().to_string().contains("not in its sentence"));
    }
}
