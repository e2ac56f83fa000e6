//! TOML front matter between `+++` lines at the top of a source.

use jiff::civil::Date;
use serde::Deserialize;

use super::SourceMeta;

pub(crate) struct Split<'a> {
    pub toml: &'a str,
    /// Offset of `toml` within the text given to [`split`].
    pub toml_start: usize,
    /// Offset of the body within the text given to [`split`].
    pub body_start: usize,
}

/// Finds `+++\n … \n+++\n` at the very top of `text`.
pub(crate) fn split(text: &str) -> Option<Split<'_>> {
    let first = text.lines().next()?;
    if first.trim_end() != "+++" {
        return None;
    }
    let toml_start = text.find('\n')? + 1;
    let mut pos = toml_start;
    for line in text[toml_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some(Split {
                toml: &text[toml_start..pos],
                toml_start,
                body_start: pos + line.len(),
            });
        }
        pos += line.len();
    }
    None
}

/// The keys a source's front matter may set.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub name: Option<String>,
    pub published: Option<toml::value::Datetime>,
    pub url: Option<String>,
}

#[derive(Debug)]
pub struct FrontMatterError {
    /// Byte offset within the front matter.
    pub offset: usize,
    pub message: String,
}

impl FrontMatter {
    pub fn parse(toml_text: &str) -> Result<FrontMatter, FrontMatterError> {
        match Self::parse_plain(toml_text) {
            Some(fm) => Ok(fm),
            None => Self::parse_toml(toml_text),
        }
    }

    /// [`Self::parse`] by the TOML parser, whatever the text.
    fn parse_toml(toml_text: &str) -> Result<FrontMatter, FrontMatterError> {
        let fm: FrontMatter = toml::from_str(toml_text).map_err(|e| FrontMatterError {
            offset: e.span().map_or(0, |s| s.start),
            message: e.message().trim().to_string(),
        })?;
        if let Some(p) = &fm.published {
            if p.date.is_none() || p.time.is_some() {
                let offset = toml_text.find("published").unwrap_or(0);
                return Err(FrontMatterError {
                    offset,
                    message: "`published` must be a date like 2025-02-16".into(),
                });
            }
        }
        Ok(fm)
    }

    /// The front matter nearly every source has, read without a TOML parser (which took 3 to
    /// 5% of `extract`'s time on a corpus of 4 KB files): lines of `key = "text"` or
    /// `published = YYYY-MM-DD`, each key once, blank lines between. Anything else (a
    /// comment, an escape, another key, a bad date) is `None`, and [`Self::parse`] leaves it
    /// to the TOML parser, so the answer and every error message are the parser's. A test
    /// holds the two to the same result.
    fn parse_plain(toml_text: &str) -> Option<FrontMatter> {
        let mut fm = FrontMatter::default();
        for line in toml_text.lines() {
            let line = line.trim_matches([' ', '\t']);
            if line.is_empty() {
                continue;
            }
            let (key, value) = line.split_once('=')?;
            let value = value.trim_start_matches([' ', '\t']);
            let slot = match key.trim_end_matches([' ', '\t']) {
                "name" => &mut fm.name,
                "url" => &mut fm.url,
                "published" if fm.published.is_none() => {
                    fm.published = Some(plain_date(value)?);
                    continue;
                }
                _ => return None,
            };
            let text = value.strip_prefix('"')?.strip_suffix('"')?;
            let plain = |c: char| !matches!(c, '"' | '\\' | '\0'..='\x1f' | '\x7f');
            if slot.is_some() || !text.chars().all(plain) {
                return None;
            }
            *slot = Some(text.to_string());
        }
        Some(fm)
    }

    pub fn into_meta(self) -> SourceMeta {
        SourceMeta {
            name: self.name,
            published: self.published.and_then(|p| p.date).and_then(|d| toml_date(&d)),
            url: self.url,
        }
    }
}

/// `YYYY-MM-DD` that is a real date, as TOML holds it.
fn plain_date(s: &str) -> Option<toml::value::Datetime> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u16> {
        let part = b.get(r)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, &d| n * 10 + u16::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)? as u8, digits(8..10)? as u8);
    let date = toml::value::Date { year, month, day };
    toml_date(&date)?;
    Some(toml::value::Datetime { date: Some(date), time: None, offset: None })
}

/// A TOML date as a civil date (TOML has already checked its ranges).
pub fn toml_date(d: &toml::value::Date) -> Option<Date> {
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both parses of `text`, as comparable strings: the plain reading (if it takes the text)
    /// and the TOML parser's.
    fn both(text: &str) -> (Option<String>, String) {
        let plain = FrontMatter::parse_plain(text).map(|fm| format!("{fm:?}"));
        let toml = match FrontMatter::parse_toml(text) {
            Ok(fm) => format!("{fm:?}"),
            Err(e) => format!("error at {}: {}", e.offset, e.message),
        };
        (plain, toml)
    }

    #[test]
    fn plain_front_matter_reads_as_the_toml_parser_reads_it() {
        let cases = [
            "",
            "\n\n",
            "published = 2024-04-01\n",
            "name = \"Reuters\"\npublished = 2024-02-29\nurl = \"https://x.test/a?b=c\"\n",
            "  name\t=\t\"Le Monde — édition\"  \r\n\r\npublished=2023-12-31",
            "url = \"\"\n",
            "name = \"a = b\"\n",
            "published = 0001-01-01\n",
        ];
        for text in cases {
            let (plain, toml) = both(text);
            assert_eq!(plain.as_ref(), Some(&toml), "{text:?}");
        }
    }

    #[test]
    fn anything_else_is_left_to_the_toml_parser() {
        let cases = [
            "published = 2023-02-29\n",
            "published = 2024-13-01\n",
            "published = 2024-4-01\n",
            "published = 2024-04-01T10:00:00\n",
            "published = 2024-04-01 # comment\n",
            "published = \"2024-04-01\"\n",
            "published = 2024-04-01\r",
            "name = \"a\"\nname = \"b\"\n",
            "published = 2024-04-01\npublished = 2024-04-02\n",
            "name = \"say \\\"hi\\\"\"\n",
            "name = 'literal'\n",
            "name = \"unterminated\n",
            "name = \"a\" \"b\"\n",
            "\"name\" = \"quoted key\"\n",
            "title = \"unknown key\"\n",
            "[table]\n",
            "# a comment\n",
            "name = \"tab\there\"\n",
            "name\u{a0}= \"no-break space\"\n",
        ];
        for text in cases {
            assert_eq!(both(text).0, None, "{text:?}");
        }
    }

    proptest::proptest! {
        /// Front matter built from pieces the plain reading takes and pieces it must not:
        /// whenever it answers, the TOML parser gives the same.
        #[test]
        fn the_plain_reading_never_disagrees_with_toml(
            lines in proptest::collection::vec(
                (0..6usize, 0..4usize, 0..11usize, 0..5usize), 0..5)
        ) {
            const KEYS: [&str; 6] = ["name", "url", "published", "title", "\"name\"", " name"];
            const SEPS: [&str; 4] = [" = ", "=", "\t= ", " =  "];
            const VALUES: [&str; 11] = [
                "\"x\"", "\"a b\"", "2024-04-01", "2023-02-29", "'lit'", "\"q\\\"\"", "\"\"",
                "1", "2024-04-01T10:00:00", "\"é\"", "2024-12-31",
            ];
            const ENDS: [&str; 5] = ["\n", " \n", " # c\n", "\r\n", "\n\n"];
            let text: String = lines
                .iter()
                .map(|&(k, s, v, e)| format!("{}{}{}{}", KEYS[k], SEPS[s], VALUES[v], ENDS[e]))
                .collect();
            let (plain, toml) = both(&text);
            if let Some(plain) = plain {
                proptest::prop_assert_eq!(plain, toml, "{:?}", text);
            }
        }
    }
}
