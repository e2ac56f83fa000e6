//! `sources` globs and `[[source]]` tables (path, name, published, url).

#[allow(unused_imports)]
use super::*;

impl Ctx<'_> {
    pub(super) fn sources(
        &mut self,
        raw: Option<&Spanned<Vec<Spanned<String>>>>,
    ) -> Vec<Spanned<String>> {
        let Some(raw) = raw else { return Vec::new() };
        let mut out = Vec::new();
        for pattern in raw.get_ref() {
            let p = pattern.get_ref();
            if p.trim().is_empty() {
                self.error("bad-glob", Some(pattern.span()), "empty pattern in `sources`".into())
                    .hint = Some("remove it, or write a glob such as \"seeds/*.txt\"".into());
            } else if let Err(e) = glob::Pattern::new(p) {
                self.error(
                    "bad-glob",
                    Some(pattern.span()),
                    format!("`{p}` is not a valid glob: {}", e.msg),
                )
                .hint = Some(format!("the problem is at character {}", e.pos + 1));
            } else {
                out.push(pattern.clone());
            }
        }
        if raw.get_ref().is_empty() {
            self.warning("redundant", Some(raw.span()), "`sources = []` names no files".into())
                .hint = Some("remove it, or list globs such as \"seeds/*.txt\"".into());
        }
        out
    }

    pub(super) fn source(
        &mut self,
        e: Elem<RawSource>,
        seen: &mut HashMap<String, Option<Span>>,
        globs: &[Spanned<String>],
    ) -> Option<SourceRule> {
        let location = self.location(&e.span);
        let raw = e.raw;
        let published = raw.published.as_ref().and_then(|p| self.date(p));
        if let Some(url) = &raw.url {
            let u = url.get_ref();
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                self.warning(
                    "suspicious-value",
                    Some(url.span()),
                    format!("`url` `{u}` is not an http(s) address"),
                )
                .hint = Some("write the full address, e.g. \"https://example.com/story\"".into());
            }
        }
        let Some(path) = raw.path else {
            if !e.dropped.iter().any(|k| k == "path") {
                self.error("missing-key", e.span.clone(), "`[[source]]` without `path`".into())
                    .hint =
                    Some("add the file it describes, e.g. path = \"seeds/article.txt\"".into());
            }
            return None;
        };
        let key = path.get_ref().trim_start_matches("./").to_owned();
        if let Some(first) = seen.get(&key) {
            let first = self.location(first);
            self.error(
                "duplicate-source",
                Some(path.span()),
                format!("a second `[[source]]` for `{}`", path.get_ref()),
            )
            .hint = Some(format!("the first is at {first}; merge the two"));
            return None;
        }
        seen.insert(key.clone(), Some(path.span()));
        if !globs.is_empty()
            && !globs.iter().any(|g| glob::Pattern::new(g.get_ref()).is_ok_and(|p| p.matches(&key)))
        {
            self.warning(
                "suspicious-value",
                Some(path.span()),
                format!("`{}` is not matched by `sources`", path.get_ref()),
            )
            .hint = Some(
                "`check` without paths reads only what `sources` matches; add a glob for it".into(),
            );
        }
        Some(SourceRule {
            path: path.into_inner(),
            name: raw.name.map(Spanned::into_inner),
            published,
            url: raw.url.map(Spanned::into_inner),
            location,
        })
    }

    pub(super) fn date(&mut self, raw: &Spanned<RawDate>) -> Option<jiff::civil::Date> {
        let bad = |cx: &mut Self, msg: String, hint: &str| {
            cx.error("bad-date", Some(raw.span()), msg).hint = Some(hint.to_owned());
            None
        };
        match raw.get_ref() {
            RawDate::Toml(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
                }
                _ => bad(
                    self,
                    format!("`published = {dt}` is not a plain date"),
                    "write only the day: published = 2025-02-22",
                ),
            },
            RawDate::Text(s) => match s.parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => bad(
                    self,
                    format!("`published = \"{s}\"` is not a date"),
                    "write a TOML date, without quotes: published = 2025-02-22",
                ),
            },
        }
    }
}
