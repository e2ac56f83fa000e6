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

    pub fn into_meta(self) -> SourceMeta {
        SourceMeta {
            name: self.name,
            published: self.published.and_then(|p| p.date).and_then(|d| toml_date(&d)),
            url: self.url,
        }
    }
}

/// A TOML date as a civil date (TOML has already checked its ranges).
pub fn toml_date(d: &toml::value::Date) -> Option<Date> {
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}
