//! Input diagnostics: problems in files the user wrote (rules.toml today; sources and
//! baselines later), each with a stable kebab-case code, a byte span and an optional hint.
//!
//! Rendering is plain text in the rustc / cargo-deny style, so a message points at the token
//! it blames:
//!
//! ```text
//! error[unknown-metric]: unknown metric `us-aid-totl`
//!   --> rules.toml:41:8
//!    |
//! 41 | left = "us-aid-totl"
//!    |        ^^^^^^^^^^^^^
//!    = help: did you mean `us-aid-total`?
//! ```
//!
//! Data and rendering stay apart: a `Diagnostic` only knows byte offsets; the text it points
//! into is passed to the renderer.

use std::fmt::Write as _;
use std::ops::Range;

/// How bad an input problem is. Errors stop the run (exit 2); warnings are printed and the
/// run goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiagSeverity {
    Warning,
    Error,
}

impl DiagSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagSeverity::Warning => "warning",
            DiagSeverity::Error => "error",
        }
    }
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: DiagSeverity,
    /// Stable kebab-case code, e.g. `unknown-key`; documented in docs/rules.md.
    pub code: &'static str,
    pub message: String,
    /// The file as the user named it (`rules.toml`, `config/rules.toml`).
    pub file: String,
    /// Byte range in the file's text; `None` when the problem is the file as a whole.
    pub span: Option<Range<usize>>,
    /// What to do about it ("did you mean `us-aid-total`?").
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: DiagSeverity::Error,
            code,
            message: message.into(),
            file: file.to_owned(),
            span: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: DiagSeverity::Warning, ..Diagnostic::error(code, file, message) }
    }

    pub fn with_span(mut self, span: Option<Range<usize>>) -> Diagnostic {
        self.span = span;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == DiagSeverity::Error
    }

    /// 1-based line and column of the span's start in `text`; columns count characters, as
    /// editors show them. `(1, 1)` without a span.
    pub fn location(&self, text: &str) -> (usize, usize) {
        match &self.span {
            Some(span) => line_col(text, span.start),
            None => (1, 1),
        }
    }

    /// `rules.toml:41:8`, or just the file name without a span.
    fn position(&self, text: &str) -> String {
        match self.span {
            Some(_) => {
                let (line, col) = self.location(text);
                format!("{}:{line}:{col}", self.file)
            }
            None => self.file.clone(),
        }
    }

    /// One line, for logs and editors:
    /// `rules.toml:41:8: error[unknown-metric]: unknown metric `us-aid-totl` (help: …)`.
    pub fn render_short(&self, source_text: &str) -> String {
        let mut out = format!(
            "{}: {}[{}]: {}",
            self.position(source_text),
            self.severity.as_str(),
            self.code,
            self.message
        );
        if let Some(hint) = &self.hint {
            let _ = write!(out, " (help: {hint})");
        }
        out
    }

    /// Several lines with the offending source line underlined; ends with a newline.
    pub fn render(&self, source_text: &str) -> String {
        let mut out = format!("{}[{}]: {}\n", self.severity.as_str(), self.code, self.message);
        let Some(span) = &self.span else {
            let _ = writeln!(out, "  --> {}", self.file);
            if let Some(hint) = &self.hint {
                let _ = writeln!(out, "   = help: {hint}");
            }
            return out;
        };
        let (line_no, _) = self.location(source_text);
        let start = floor_char_boundary(source_text, span.start.min(source_text.len()));
        let line_start = source_text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source_text[start..].find('\n').map_or(source_text.len(), |i| start + i);
        let line = source_text[line_start..line_end].trim_end_matches('\r');
        // The underline stops at the end of the first line of a multi-line span.
        let end = floor_char_boundary(source_text, span.end.clamp(start, line_end));
        let prefix: String = source_text[line_start..start]
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let carets = source_text[start..end].chars().count().max(1);

        let gutter = " ".repeat(line_no.to_string().len());
        let _ = writeln!(out, "{gutter}--> {}", self.position(source_text));
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{line_no} | {line}");
        let _ = writeln!(out, "{gutter} | {prefix}{}", "^".repeat(carets));
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{gutter} = help: {hint}");
        }
        out
    }
}

/// Renders every diagnostic, separated by blank lines, as rustc does.
pub fn render_all(diagnostics: &[Diagnostic], source_text: &str) -> String {
    diagnostics.iter().map(|d| d.render(source_text)).collect::<Vec<_>>().join("\n")
}

/// A place in a file the user edits (rules.toml, a baseline); `Display` gives
/// `rules.toml:12:3`. Columns count characters, as editors do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `text`, the contents of `file`.
    pub fn at(file: &str, text: &str, offset: usize) -> Location {
        let (line, column) = line_col(text, offset);
        Location { file: file.to_owned(), line, column }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// 1-based `(line, column)` of byte `offset` in `text`, columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
///
/// Case and `_`/`-` differences count as no difference, so `within_source` finds
/// `within-source` and `usd` finds `USD`. Otherwise the Damerau–Levenshtein distance must be
/// at most a third of the longer word (at least 1), so `us-aid-totl` → `us-aid-total` but
/// `kind` does not suggest `id`.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let fold = |s: &str| s.to_lowercase().replace('_', "-");
    let word_f = fold(word);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| {
            let c_f = fold(c);
            let dist = if c_f == word_f { 0 } else { strsim::damerau_levenshtein(&word_f, &c_f) };
            (dist, c, c_f.chars().count().max(word_f.chars().count()))
        })
        .filter(|&(dist, _, longest)| dist <= (longest / 3).max(1))
        .min_by_key(|&(dist, c, _)| (dist, c))
        .map(|(_, c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[[rule]]\nid = \"x\"\nleft = \"us-aid-totl\"\n";

    fn unknown_metric() -> Diagnostic {
        let start = TEXT.find("\"us-aid-totl\"").unwrap();
        Diagnostic::error("unknown-metric", "rules.toml", "unknown metric `us-aid-totl`")
            .with_span(Some(start..start + 13))
            .with_hint("did you mean `us-aid-total`?")
    }

    #[test]
    fn renders_like_rustc() {
        assert_eq!(
            unknown_metric().render(TEXT),
            "error[unknown-metric]: unknown metric `us-aid-totl`\n \
             --> rules.toml:3:8\n  \
             |\n\
             3 | left = \"us-aid-totl\"\n  \
             |        ^^^^^^^^^^^^^\n  \
             = help: did you mean `us-aid-total`?\n"
        );
    }

    #[test]
    fn short_form_is_one_line() {
        assert_eq!(
            unknown_metric().render_short(TEXT),
            "rules.toml:3:8: error[unknown-metric]: unknown metric `us-aid-totl` \
             (help: did you mean `us-aid-total`?)"
        );
    }

    #[test]
    fn gutter_widens_with_line_numbers() {
        let text = format!("{}x = 1\n", "\n".repeat(11));
        let d = Diagnostic::warning("w", "f.toml", "m").with_span(Some(11..12));
        assert_eq!(d.render(&text), "warning[w]: m\n  --> f.toml:12:1\n   |\n12 | x = 1\n   | ^\n");
    }

    #[test]
    fn columns_count_characters_and_multiline_spans_stop_at_line_end() {
        let text = "name = \"€uro\nnext\"";
        let start = text.find("\"€").unwrap();
        let d = Diagnostic::error("e", "r.toml", "m").with_span(Some(start..text.len()));
        assert_eq!(d.location(text), (1, 8));
        assert!(d.render(text).contains("1 | name = \"€uro\n  |        ^^^^^\n"));
        // A span past the end (a syntax error at EOF) still renders one caret.
        let eof = Diagnostic::error("e", "r.toml", "m").with_span(Some(text.len()..text.len()));
        assert_eq!(eof.location(text), (2, 6));
        assert!(eof.render(text).ends_with("2 | next\"\n  |      ^\n"));
    }

    #[test]
    fn no_span_points_at_the_file() {
        let d = Diagnostic::error("io", "rules.toml", "empty").with_hint("write something");
        assert_eq!(
            d.render(""),
            "error[io]: empty\n  --> rules.toml\n   = help: write something\n"
        );
        assert_eq!(d.render_short(""), "rules.toml: error[io]: empty (help: write something)");
    }

    #[test]
    fn suggestions() {
        let ids = ["us-aid-total", "us-aid-military", "eu-aid-total"];
        assert_eq!(did_you_mean("us-aid-totl", ids), Some("us-aid-total"));
        assert_eq!(did_you_mean("us_aid_military", ids), Some("us-aid-military"));
        assert_eq!(did_you_mean("gdp", ids), None);
        assert_eq!(did_you_mean("usd", ["USD", "UAH"]), Some("USD"));
        assert_eq!(did_you_mean("kind", ["id", "label"]), None);
        assert_eq!(did_you_mean("lable", ["id", "label"]), Some("label"));
        // The word itself is not a suggestion.
        assert_eq!(did_you_mean("label", ["label"]), None);
    }
}
