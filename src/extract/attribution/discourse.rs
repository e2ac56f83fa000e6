//! Beyond the sentence: the one speaker a pronoun can stand for, the speaker of the quote
//! around a claim, and acronyms the text spells out.

use super::vocab::{capitalized, is_clause_mark, words};
use super::{attributions, Attribution, Speaker};
use std::rc::Rc;

/// A group named in the plural (`analysts`, `three people`), not a name (`Goldman Sachs`).
pub(super) fn plural(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("");
    !capitalized(last) && (last.ends_with('s') || last == "people")
}

/// `RN` where the text once wrote `Reinsurance News (RN)`: the name in full.
pub(super) fn expand_acronym(text: &str, name: String) -> String {
    let b = name.as_bytes();
    if !(2..=6).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
        return name;
    }
    let needle = format!("({name})");
    let Some(at) = memchr::memmem::find(text.as_bytes(), needle.as_bytes()) else { return name };
    let mut from = at.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let ws = words(&text[from..at], 0);
    let mut s = ws.len();
    while s > 0 && ws.len() - s < 8 {
        let t = ws[s - 1].text;
        let connector = matches!(t, "&" | "of" | "for" | "and") && s < ws.len();
        if !(capitalized(t) || connector) || is_clause_mark(t) {
            break;
        }
        s -= 1;
    }
    while s < ws.len() && !capitalized(ws[s].text) {
        s += 1;
    }
    // The initials must be the name's: `Reinsurance News` for `RN`.
    let initials: String = ws[s..]
        .iter()
        .filter_map(|w| w.text.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    if s == ws.len() || !initials.starts_with(&name[..1]) || initials.len() < 2 {
        return name;
    }
    let full: Vec<&str> = ws[s..].iter().map(|w| w.text).collect();
    full.join(" ")
}

/// The text around a claim, for what pronouns and quotes need from outside its sentence.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    /// The sentences scanned, and whether each may name a speaker (`false`: it holds no
    /// [`super::attribution_cue`], so it has no attributions).
    pub(super) sents: &'a [(usize, usize)],
    pub(super) cued: &'a [bool],
    /// The attributions of each of `sents` read so far: the sentences before a pronoun and
    /// around a quote are mostly ones already read.
    pub(super) memo: Vec<Option<Rc<Vec<Attribution>>>>,
    /// The text has a quote mark somewhere.
    pub(super) quotes: bool,
    /// For each sentence start that [`Doc::last_named`] has looked back from, the names
    /// verbs give in the two sentences before it, nearest first: each claim of a sentence
    /// asks the same.
    pub(super) before: Vec<(usize, Vec<String>)>,
}

impl Doc<'_> {
    /// [`attributions`] of the sentence `span`, read once.
    pub(super) fn attributions_at(&mut self, span: (usize, usize)) -> Rc<Vec<Attribution>> {
        match self.sents.binary_search(&span) {
            Ok(k) => self.attributions_of(k),
            Err(_) => Rc::new(attributions(self.text, span)),
        }
    }

    /// [`attributions`] of the scanned sentence `sents[k]`, read once.
    pub(super) fn attributions_of(&mut self, k: usize) -> Rc<Vec<Attribution>> {
        let span = self.sents[k];
        if let Some(list) = &self.memo[k] {
            return list.clone();
        }
        let list = Rc::new(if self.cued[k] { attributions(self.text, span) } else { Vec::new() });
        self.memo[k] = Some(list.clone());
        list
    }

    /// The attributions of the sentence at `pos`, split from the lines around it (not from
    /// the whole text, which a long text would pay for at every quote).
    pub(super) fn sentence_at(&mut self, pos: usize) -> Rc<Vec<Attribution>> {
        let text = self.text;
        let b = text.as_bytes();
        let lo = floor_boundary(text, pos.saturating_sub(LOOK_BACK));
        let from = match memchr::memrchr(b'\n', &b[..lo]) {
            Some(nl) if pos - nl <= 3 * LOOK_BACK => nl + 1,
            None if pos <= 3 * LOOK_BACK => 0,
            _ => lo,
        };
        let hi = floor_boundary(text, (pos + LOOK_BACK).min(text.len()));
        let to = match memchr::memchr(b'\n', &b[hi..]) {
            Some(nl) if hi + nl - pos <= 3 * LOOK_BACK => hi + nl,
            None if text.len() - pos <= 3 * LOOK_BACK => text.len(),
            _ => hi,
        };
        let spans = super::super::sentence::sentences(&text[from..to]);
        let Some(&(a, z)) = spans.iter().find(|s| s.1 + from > pos) else {
            return Rc::default();
        };
        self.attributions_at((from + a, from + z))
    }

    /// The one speaker a verb names in the sentence before `pos` and in the two sentences
    /// before; none if there are two or more.
    pub(super) fn last_named(
        &mut self,
        start: usize,
        current: &[Attribution],
        pos: usize,
    ) -> Option<String> {
        let k = match self.before.iter().position(|(s, _)| *s == start) {
            Some(k) => k,
            None => {
                let names = self.named_before(start);
                self.before.push((start, names));
                self.before.len() - 1
            }
        };
        let mut names: Vec<&String> = Vec::new();
        fn spoken(a: &Attribution, pos: usize) -> Option<&String> {
            match (&a.who, a.verb, a.at < pos) {
                (Speaker::Named(n), true, true) => Some(n),
                _ => None,
            }
        }
        // Those named before `pos` in this sentence, then those of the two before.
        for n in current.iter().filter_map(|a| spoken(a, pos)).chain(&self.before[k].1) {
            if !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
                names.push(n);
            }
        }
        (names.len() == 1).then(|| names[0].clone())
    }

    /// The names verbs give in the two sentences before the one at `start`, nearest first
    /// (repeats kept).
    fn named_before(&mut self, start: usize) -> Vec<String> {
        let mut names = Vec::new();
        // The two sentences before, split from the text just before this one (from a line
        // start where there is one near), not from the whole text.
        let text = self.text;
        let mut from = floor_boundary(text, start.saturating_sub(LOOK_BACK));
        if let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[..from]) {
            if start - nl <= 3 * LOOK_BACK {
                from = nl + 1;
            }
        } else if start <= 3 * LOOK_BACK {
            from = 0;
        }
        let spans = super::super::sentence::sentences(&text[from..start]);
        for &(a, b) in spans.iter().rev().take(2) {
            for a in self.attributions_at((from + a, from + b)).iter() {
                if let (Speaker::Named(n), true) = (&a.who, a.verb) {
                    names.push(n.clone());
                }
            }
        }
        names
    }

    /// The speaker of the quote around `pos`: named after its closing mark (`…,” X said`) or
    /// before its opening one (`X said: “…`), following a quote on into the next paragraph.
    pub(super) fn quote_speaker(&mut self, pos: usize) -> Option<String> {
        if !self.quotes {
            return None;
        }
        let text = self.text;
        let b = text.as_bytes();
        let from = floor_boundary(text, pos.saturating_sub(WINDOW));
        let window = &b[from..pos];
        // Most claims have no quote mark before them: one search says so.
        memchr::memchr3(b'"', 0x9C, 0x9D, window)?;
        // The last blank line (`\n\n`), found from its second line break.
        let para = memchr::memrchr_iter(b'\n', window)
            .find(|&j| j > 0 && window[j - 1] == b'\n')
            .map_or(from, |j| from + j + 1);
        let (open, close) = quote_around(text, para, pos)?;
        let named = |a: &Attribution| match &a.who {
            Speaker::Named(n) => Some(n.clone()),
            _ => None,
        };
        if let Some(close) = close {
            let list = self.sentence_at(close);
            if let Some(n) = list.iter().filter(|a| a.at > close).find_map(named) {
                return Some(n);
            }
        }
        let list = self.sentence_at(open);
        list.iter().rev().filter(|a| a.at < open).find_map(named)
    }
}

/// How far back the sentences before a pronoun are read (about two sentences of news).
const LOOK_BACK: usize = 600;

/// How far back a quote's opening mark is looked for.
const WINDOW: usize = 1500;

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The quote around `pos`, reading from `from`: where it opened (the first paragraph of a
/// quote that runs on, each new paragraph reopening it) and where it closes, if it does
/// within [`WINDOW`].
pub(super) fn quote_around(text: &str, from: usize, pos: usize) -> Option<(usize, Option<usize>)> {
    // Only quote marks and line breaks matter: jump from one to the next.
    let b = text.as_bytes();
    let mut open: Option<usize> = None;
    let mut line_begin = from;
    for i in memchr::memchr3_iter(b'"', 0xE2, b'\n', &b[from..pos]) {
        let at = from + i;
        let mark = match (b[at], b.get(at + 1), b.get(at + 2)) {
            (b'\n', _, _) => {
                line_begin = at + 1;
                continue;
            }
            (b'"', _, _) => '"',
            (0xE2, Some(0x80), Some(0x9C)) => '“',
            (0xE2, Some(0x80), Some(0x9D)) => '”',
            _ => continue,
        };
        let line_start = b[line_begin..at].iter().all(u8::is_ascii_whitespace);
        match mark {
            // A quote that runs on reopens at each paragraph: keep where it began.
            '“' if !(open.is_some() && line_start) => open = Some(at),
            '“' => {}
            '”' => open = None,
            _ => {
                open = match open {
                    Some(o) if line_start => Some(o),
                    Some(_) => None,
                    None => Some(at),
                }
            }
        }
    }
    let open = open?;
    let end = floor_boundary(text, (pos + WINDOW).min(text.len()));
    let mut close = None;
    let mut line_start = false;
    let mut prev_newline = false;
    for (i, c) in text[pos..end].char_indices() {
        match c {
            '”' | '"' if !line_start => {
                close = Some(pos + i);
                break;
            }
            '“' | '"' => {}
            '\n' if prev_newline => break,
            '\n' => {
                prev_newline = true;
                line_start = true;
                continue;
            }
            _ if c.is_whitespace() => continue,
            _ => {
                if line_start && prev_newline {
                    // A paragraph that does not reopen the quote: it ended unclosed.
                    break;
                }
            }
        }
        line_start = false;
        prev_newline = false;
    }
    Some((open, close))
}
