//! The JSON object of one claim for `extract --format jsonl|json`, written straight into the
//! file's output buffer.
//!
//! It is byte for byte what serde_json writes for an [`ExtractedClaim`] (a test holds the two
//! together), without building one: no owned strings per claim, the source's name escaped
//! once per file, and each sentence collapsed and escaped once however many claims it holds.
//! In wire copy a claim's sentence is most of its JSON line, so this is most of the output's
//! cost (docs/performance.md).
//!
//! [`ExtractedClaim`]: super::extract_cmd::ExtractedClaim

use anyhow::Result;

use crate::extract::Claim;
use crate::finding::build::normalized_report;
use crate::normalize::Normalized;
use crate::sources::{LineCounter, Source};
use crate::text::collapsed;
use crate::text::push_decimal;

/// Writes the claims of one source; remembers what claims of the same source share.
pub(crate) struct ClaimWriter<'s> {
    source: &'s Source,
    /// `{"source":"…"`, the start of every object, with the name escaped.
    head: Vec<u8>,
    /// The sentence span whose JSON string is in `sentence`.
    span: Option<(usize, usize)>,
    sentence: Vec<u8>,
    /// Claims come in the order of the text: each one's line and column are counted on from
    /// the last one's.
    lines: LineCounter,
}

impl<'s> ClaimWriter<'s> {
    pub(crate) fn new(source: &'s Source) -> ClaimWriter<'s> {
        let mut head = b"{\"source\":".to_vec();
        json_str(&mut head, &source.id);
        ClaimWriter {
            source,
            head,
            span: None,
            sentence: Vec::new(),
            lines: LineCounter::default(),
        }
    }

    /// Appends the object of `claim` (no separator, no newline). `currency` is the claim's
    /// own currency, resolved; `normalized` its conversion with `--base`.
    pub(crate) fn write(
        &mut self,
        out: &mut Vec<u8>,
        claim: &Claim,
        currency: Option<&str>,
        normalized: Option<&Normalized>,
    ) -> Result<()> {
        let text = &self.source.text;
        let (line, column) = self.lines.line_col(text, claim.start);
        out.extend_from_slice(&self.head);
        let numbers = [
            (&b",\"line\":"[..], line),
            (b",\"column\":", column),
            (b",\"start\":", claim.start),
            (b",\"end\":", claim.end),
        ];
        for (key, n) in numbers {
            out.extend_from_slice(key);
            out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
        }
        out.extend_from_slice(b",\"text\":");
        json_str(out, &text[claim.start..claim.end]);
        out.extend_from_slice(b",\"kind\":\"");
        out.extend_from_slice(claim.kind.as_str().as_bytes());
        out.push(b'"');
        let bounds = [
            (&b",\"value\":"[..], claim.value),
            (b",\"low\":", claim.low),
            (b",\"high\":", claim.high),
        ];
        for (key, v) in bounds {
            out.extend_from_slice(key);
            match v {
                Some(v) => {
                    out.push(b'"');
                    push_decimal(out, v);
                    out.push(b'"');
                }
                None => out.extend_from_slice(b"null"),
            }
        }
        field(out, b",\"currency\":", currency);
        field(out, b",\"hedge\":", claim.hedge.map(|h| h.as_str()));
        field(out, b",\"attributed_to\":", claim.attributed_to.as_deref());
        out.extend_from_slice(b",\"sentence\":");
        if self.span != Some(claim.sentence) {
            self.sentence.clear();
            let sentence = text.get(claim.sentence.0..claim.sentence.1).unwrap_or_default();
            json_str(&mut self.sentence, &collapsed(sentence));
            self.span = Some(claim.sentence);
        }
        out.extend_from_slice(&self.sentence);
        out.extend_from_slice(b",\"normalized\":");
        match normalized {
            Some(n) => serde_json::to_writer(&mut *out, &normalized_report(claim.kind, n))?,
            None => out.extend_from_slice(b"null"),
        }
        field(out, b",\"unit\":", claim.unit.as_deref());
        field(out, b",\"hedge_word\":", claim.hedge_word.as_deref());
        out.extend_from_slice(b",\"restates\":");
        match claim.restates {
            Some(i) => out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes()),
            None => out.extend_from_slice(b"null"),
        }
        if let Some(role) = claim.role {
            out.extend_from_slice(b",\"role\":\"");
            out.extend_from_slice(role.as_str().as_bytes());
            out.push(b'"');
        }
        out.push(b'}');
        Ok(())
    }
}

/// `,"key":"value"` or `,"key":null`; `key` is written with its comma, quotes and colon.
fn field(out: &mut Vec<u8>, key: &[u8], value: Option<&str>) {
    out.extend_from_slice(key);
    match value {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped exactly as serde_json escapes it. Most strings need no
/// escape at all, which a branch-free pass over 16 bytes at a time finds out.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let plain =
        |c: &[u8]| c.iter().fold(true, |ok, &b| ok & (b >= 0x20) & (b != b'"') & (b != b'\\'));
    let mut chunks = s.as_bytes().chunks_exact(16);
    let clean = chunks.all(plain) && plain(chunks.remainder());
    if clean {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing into a Vec cannot fail, and a &str always serializes.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        for s in [
            "",
            "plain words and €5 and “quotes”",
            "a \"quoted\" word",
            "back\\slash",
            "tab\there and a\nnewline and \u{1} and \u{1f}",
            "sixteen bytes ok",
            "sixteen bytes o\"",
            "\u{7f} delete and \u{2028} separator",
        ] {
            let mut ours = Vec::new();
            json_str(&mut ours, s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }
}
