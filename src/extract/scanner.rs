//! The grammar of a claim over tokens: an optional hedge, an optional currency, a numeral
//! (digits, words, fractions, magnitudes) or a vague amount, an optional currency, percent
//! or noun after it, and an optional second amount that makes it a range.

use rust_decimal::Decimal;

use super::lexicon::{self as lx, Sub};
use super::prefilter::{self, Prefilter};
use super::token::{tokenize_into, Tok, TK};
use super::{Claim, CurrencyCue, Hedge, Kind, Role};

/// 10^p as a Decimal, for the powers magnitudes use (p ≤ 18 keeps it in a u64).
fn pow10(p: u32) -> Decimal {
    Decimal::from(10u64.pow(p.min(18)))
}

/// Checked product; `None` on overflow (a million-digit number simply yields no claim).
fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

pub(crate) struct Scanner<'a> {
    text: &'a str,
    lower: String,
    toks: Vec<Tok>,
    /// Tokens that are never part of a claim: times, dates, ordinals, identifiers.
    dead: Vec<bool>,
    /// What the lexicon says of each word token (the memo's flags: `prefilter::CLAIM_WORD`,
    /// `MONTH`, `LABEL`, `CUE`); 0 for other tokens.
    flags: Vec<u8>,
    /// The tokenizer skipped a URL or an e-mail address, whose words have no flags.
    skipped: bool,
}

/// The value of a digits token (separators skipped) of at most 18 digits and one point
/// inside it, from its digits and scale: what parsing the digits as a string gives, without
/// building the string. `None` for anything else (the caller parses).
pub(crate) fn small_decimal(raw: &str) -> Option<Decimal> {
    let (mut mantissa, mut digits, mut scale, mut point) = (0u64, 0, 0, false);
    for b in raw.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                scale += u32::from(point);
            }
            b'.' if point => return None,
            b'.' => point = true,
            _ => {}
        }
        if digits > 18 {
            return None;
        }
    }
    if digits == 0 || raw.ends_with('.') {
        return None;
    }
    Some(Decimal::from_i128_with_scale(i128::from(mantissa), scale))
}

/// A scanner's buffers, kept between sentences (in the thread's [`Prefilter`]).
#[derive(Default)]
pub(crate) struct ScanBuffers {
    lower: String,
    toks: Vec<Tok>,
    dead: Vec<bool>,
    flags: Vec<u8>,
}

/// A numeral: its tokens and value.
#[derive(Debug, Clone)]
struct Numeral {
    end: usize,
    value: Decimal,
    /// Power of the last magnitude applied (`bn` → 9), for ranges that share it.
    scale: Option<u32>,
    /// A single digits token with no magnitude (years, list numbers).
    plain_digits: bool,
}

/// A parsed amount before it becomes a claim.
#[derive(Debug, Clone)]
struct Amount {
    first: usize,
    end: usize,
    value: Option<Decimal>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    currency: Option<CurrencyCue>,
    percent: bool,
    points: bool,
    unit: Option<String>,
    scale: Option<u32>,
    vague: bool,
    plain_digits: bool,
}

impl Amount {
    fn kind(&self) -> Kind {
        if self.currency.is_some() {
            Kind::Money
        } else if self.percent {
            Kind::Percent
        } else if self.unit.is_some() {
            Kind::Count
        } else {
            Kind::Number
        }
    }
}

impl<'a> Scanner<'a> {
    /// The scanner of one sentence; `memo` answers the lexicon for its words and lends the
    /// buffers that [`Scanner::recycle`] gives back.
    pub(crate) fn new(text: &'a str, memo: &mut Prefilter) -> Scanner<'a> {
        let ScanBuffers { mut lower, mut toks, mut dead, mut flags } =
            std::mem::take(&mut memo.spare);
        let skipped = tokenize_into(text, &mut toks);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        flags.clear();
        flags.extend(toks.iter().map(|t| match t.kind {
            TK::Word => memo.word_flags(&lower, t.start, t.end),
            _ => 0,
        }));
        dead.clear();
        dead.resize(toks.len(), false);
        let mut s = Scanner { text, lower, toks, dead, flags, skipped };
        s.mark_dead();
        s
    }

    /// Whether the sentence may name a speaker: it has an attribution cue word
    /// ([`super::context::attribution_cue`]), or text the tokenizer skipped.
    ///
    /// Attribution reads a verb or a source noun only in lower case (`Said`, `Data` open a
    /// sentence, and name no speaker there), and `according`, `response` in any case: a cue
    /// word in other cases does not count.
    pub(crate) fn cued(&self) -> bool {
        self.skipped
            || self.flags.iter().zip(self.toks.iter()).any(|(f, t)| {
                f & prefilter::CUE != 0 && {
                    let lw = &self.lower[t.start..t.end];
                    self.text.as_bytes()[t.start..t.end] == *lw.as_bytes()
                        || matches!(lw, "according" | "response")
                }
            })
    }

    /// Hands the buffers back for the next sentence.
    pub(crate) fn recycle(self, memo: &mut Prefilter) {
        let Scanner { lower, toks, dead, flags, .. } = self;
        memo.spare = ScanBuffers { lower, toks, dead, flags };
    }

    pub(super) fn n(&self) -> usize {
        self.toks.len()
    }

    pub(super) fn kind(&self, i: usize) -> Option<TK> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Lower-case text of token `i` ("" past the end).
    pub(super) fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TK::Word)
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TK::Num) && !self.dead[i]
    }

    pub(super) fn is_p(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TK::Punct) && self.raw(i) == p
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TK::Punct) && matches!(self.raw(i), "-" | "–" | "—" | "−")
    }

    /// `COP29`, `COP 28`: the UN climate conference, not 29 Colombian pesos. The code `COP`
    /// before a whole number under 100 with no magnitude after it (no news story counts
    /// pesos that small).
    fn climate_summit(&self, code: &str, k: usize) -> bool {
        code == "COP"
            && self.is_num(k + 1)
            && self.raw(k + 1).len() <= 2
            && self.raw(k + 1).bytes().all(|b| b.is_ascii_digit())
            && lx::scale(self.w(k + 2)).is_none()
            && !self.is_p(k + 2, ".")
    }

    /// Token `i` exists and follows the previous one with no whitespace.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// Token `i` exists and does not start a new line.
    pub(super) fn same_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.nl)
    }

    fn num_value(&self, i: usize) -> Option<Decimal> {
        let raw = self.raw(i);
        if let Some(v) = small_decimal(raw) {
            return Some(v);
        }
        let mut s = String::with_capacity(raw.len() + 1);
        if raw.starts_with('.') {
            s.push('0');
        }
        s.extend(raw.chars().filter(|c| c.is_ascii_digit() || *c == '.'));
        if s.len() > 40 {
            return None;
        }
        s.parse().ok()
    }

    /// Marks tokens that are never claims: clock times, numeric dates, ordinals, numbers
    /// glued to letters (`G7`, `Covid-19`), section and list numbers, IP addresses.
    fn mark_dead(&mut self) {
        let n = self.n();
        for i in 0..n {
            if self.kind(i) != Some(TK::Num) {
                continue;
            }
            let mut dead = false;
            // 10:30, 3:1
            if self.is_p(i + 1, ":")
                && self.glued(i + 1)
                && self.kind(i + 2) == Some(TK::Num)
                && self.glued(i + 2)
            {
                self.dead[i + 2] = true;
                dead = true;
            }
            // 5/17/2018, 2025-02-16, 222-2222-4444, 192.168.1.2
            for sep in ["/", "-", "."] {
                if self.is_p(i + 1, sep)
                    && self.glued(i + 1)
                    && self.kind(i + 2) == Some(TK::Num)
                    && self.glued(i + 2)
                    && self.is_p(i + 3, sep)
                    && self.glued(i + 3)
                    && self.kind(i + 4) == Some(TK::Num)
                    && self.glued(i + 4)
                {
                    let mut j = i;
                    while j < n
                        && (self.kind(j) == Some(TK::Num) || self.is_p(j, sep))
                        && (j == i || self.glued(j))
                    {
                        self.dead[j] = true;
                        j += 1;
                    }
                    dead = true;
                }
            }
            // 11.04.2025: the tokenizer reads `04.2025` as one decimal.
            if self.raw(i).len() <= 2
                && self.is_p(i + 1, ".")
                && self.glued(i + 1)
                && self.kind(i + 2) == Some(TK::Num)
                && self.glued(i + 2)
                && self.raw(i + 2).split_once('.').is_some_and(|(m, y)| m.len() <= 2 && yearish(y))
            {
                self.dead[i + 2] = true;
                dead = true;
            }
            // 1st, 2nd, 21st, 4th, 1960s; 2pm, 2.13 am
            if self.is_word(i + 1) {
                let w = self.w(i + 1);
                let decade = w == "s" && self.raw(i).len() == 4;
                if self.glued(i + 1) && matches!(w, "st" | "nd" | "rd" | "th" | "s") && !decade {
                    dead = true;
                }
                if matches!(w, "am" | "pm")
                    || (matches!(w, "a" | "p") && self.is_p(i + 2, ".") && self.w(i + 3) == "m")
                {
                    dead = true;
                }
            }
            // Letters glued before digits: G7, i7, A320 — but not currency codes (USD3.14).
            if i > 0 && self.glued(i) && self.is_word(i - 1) {
                let prev = self.raw(i - 1);
                let lw = self.w(i - 1);
                let currency = lx::iso_code(prev).is_some()
                    || lx::million_code(prev).is_some()
                    || matches!(lw, "rs" | "rm" | "usd" | "e" | "x")
                    || lx::dollar_prefix(lw).is_some() && self.is_p(i, "$")
                    || self.dollar_after_sign(i - 1).is_some();
                if !currency {
                    dead = true;
                }
            }
            // COP29, COP 28: the climate conference's number.
            if i > 0
                && self.raw(i - 1) == "COP"
                && self.is_word(i - 1)
                && self.climate_summit("COP", i - 1)
            {
                dead = true;
            }
            // Covid-19, F-16, SCP-173
            if i >= 2
                && self.glued(i)
                && self.is_p(i - 1, "-")
                && self.glued(i - 1)
                && self.is_word(i - 2)
            {
                let w = self.w(i - 2);
                if w != "e"
                    && lx::small(w).is_none()
                    && lx::scale(w).is_none()
                    && lx::iso_code(self.raw(i - 2)).is_none()
                {
                    dead = true;
                }
            }
            // Section 3, No. 7, S&P 500
            if i >= 1 {
                let p = if self.is_p(i - 1, ".") || self.is_p(i - 1, "#") {
                    i.saturating_sub(2)
                } else {
                    i - 1
                };
                if p < i && self.has(p, prefilter::LABEL) {
                    dead = true;
                }
                if self.is_p(i - 1, "#") {
                    dead = true;
                }
            }
            // Month next to a day: February 7, 20 January
            if self.month_at(i + 1)
                || (i >= 1 && self.month_at(i - 1))
                || (i >= 2 && self.is_p(i - 1, ".") && self.month_at(i - 2))
            {
                dead = true;
            }
            // List numbering: "3." or "3)" opening a line, with text after it.
            if self.toks[i].nl
                && (self.is_p(i + 1, ".") || self.is_p(i + 1, ")"))
                && i + 2 < n
                && self.toks[i + 2].gap
            {
                dead = true;
            }
            // +1-222-…
            // …and J1149.5+6663: digits glued after `+` after digits are an identifier.
            // (`+0.2%` is a signed percent.)
            if i >= 1
                && self.is_p(i - 1, "+")
                && self.glued(i)
                && (i == 1 || self.toks[i - 1].gap || self.kind(i - 2) == Some(TK::Num))
                && (i >= 2 && self.kind(i - 2) == Some(TK::Num) || !self.percent_next(i))
            {
                dead = true;
            }
            // The exponent of `1e30`, `1.3e-6`: never a figure of its own (when the power
            // is too large to hold, the whole number is dropped, not read as 30).
            if i >= 2 && self.glued(i) && self.exponent_at(i) {
                dead = true;
            }
            // 2013-14, 2022–2024: a year range.
            if self.raw(i).len() == 4
                && self.raw(i).parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
                && self.is_dash(i + 1)
                && self.glued(i + 1)
                && self.kind(i + 2) == Some(TK::Num)
                && self.glued(i + 2)
                && matches!(self.raw(i + 2).len(), 2 | 4)
            {
                self.dead[i + 2] = true;
                dead = true;
            }
            // 1/0
            if self.is_p(i + 1, "/") && self.glued(i + 1) && self.raw(i + 2) == "0" {
                self.dead[i + 2] = true;
                dead = true;
            }
            // 5G, a 13G filing: a generation or a form, not giga (`10G` alone still is).
            if self.raw(i + 1) == "G"
                && self.glued(i + 1)
                && self.raw(i).len() <= 2
                && (self.is_word(i + 2) || i >= 1 && self.is_word(i - 1))
            {
                dead = true;
            }
            // Letters glued after digits that are no magnitude, currency or sub-unit:
            // 180ml, 29km, 06F6, 1m (a metre) — a measurement or an identifier.
            if self.is_word(i + 1) && self.glued(i + 1) && !self.glued_suffix_ok(i) {
                dead = true;
            }
            if dead {
                self.dead[i] = true;
            }
        }
    }

    /// A percent sign or word right after the digits at `i`.
    fn percent_next(&self, i: usize) -> bool {
        self.is_p(i + 1, "%") || matches!(self.w(i + 1), "percent" | "pc" | "pct" | "pp" | "per")
    }

    /// The digits at `i` (glued to what is before them) are the power of `1e30`, `1.3e-6`.
    fn exponent_at(&self, i: usize) -> bool {
        let e_at = if self.is_p(i - 1, "-") || self.is_p(i - 1, "+") { i - 1 } else { i };
        e_at >= 2
            && self.glued(e_at)
            && self.w(e_at - 1) == "e"
            && self.glued(e_at - 1)
            && self.kind(e_at - 2) == Some(TK::Num)
    }

    /// Is the word glued after the digits at `i` something an amount may carry?
    fn glued_suffix_ok(&self, i: usize) -> bool {
        let raw = self.raw(i + 1);
        let w = self.w(i + 1);
        let currency_near = (i >= 1
            && (self.kind(i - 1) == Some(TK::Sym)
                || self.dollar_after_sign(i - 1).is_some()
                || lx::iso_code(self.raw(i - 1)).is_some()
                || self.is_dash(i - 1) && i >= 2 && self.kind(i - 2) == Some(TK::Sym)))
            || (i + 2..(i + 5).min(self.n())).any(|k| {
                self.kind(k) == Some(TK::Sym)
                    || lx::currency_word("", self.w(k)).is_some()
                    || lx::iso_code(self.raw(k)).is_some()
            });
        lx::letter_scale(raw, currency_near).is_some()
            || lx::scale(w).is_some() && (w != "mm" || currency_near)
            || lx::currency_word("", w).is_some()
            || lx::iso_code(raw).is_some()
            || lx::million_code(raw).is_some()
            || lx::dollar_prefix(w).is_some() && self.raw(i + 2) == "$"
            || matches!(
                w,
                "st" | "nd"
                    | "rd"
                    | "th"
                    | "s"
                    | "e"
                    | "x"
                    | "c"
                    | "p"
                    | "rs"
                    | "rm"
                    | "pm"
                    | "am"
                    | "k"
                    | "pc"
                    | "bn"
                    | "mn"
                    | "mil"
                    | "dzs"
                    | "dz"
            )
    }

    fn month_at(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.w(i);
        self.has(i, prefilter::MONTH)
            || (matches!(w, "may" | "march") && self.raw(i).starts_with(char::is_uppercase))
    }

    /// Word token `i` has lexicon flag `flag` ([`Scanner::flags`]).
    fn has(&self, i: usize, flag: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// Runs the scanner over the whole text.
    /// Appends the claims of the sentence to `out`, their spans moved by `offset` (where the
    /// sentence starts in the text).
    pub(crate) fn claims_into(&self, offset: usize, out: &mut Vec<Claim>) {
        let mut i = 0;
        let n = self.n();
        // The token where the new value of a change stated so far starts (`from X to`, `by X
        // to`): the claim that starts there is its `after`.
        let mut after_at = None;
        while i < n {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.claim_at(i) {
                Some((claim, next)) => {
                    if let Some(mut c) = claim {
                        if after_at == Some(i) && c.hedge != Some(Hedge::Range) {
                            c.role = Some(Role::After);
                        }
                        after_at = self.after_of(c.role, next);
                        c.start += offset;
                        c.end += offset;
                        out.push(c);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Cheap test: can a claim start at token `i`?
    fn may_start(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TK::Num) => !self.dead[i],
            Some(TK::Sym) => true,
            Some(TK::Punct) => {
                (matches!(self.raw(i), "-" | "−" | "(" | "+") && self.is_num(i + 1))
                    || (matches!(self.raw(i), "-" | "−")
                        && self.kind(i + 1) == Some(TK::Sym)
                        && self.glued(i + 1))
                    || vulgar(self.raw(i)).is_some()
            }
            Some(TK::Word) => {
                let w = self.w(i);
                self.has(i, prefilter::CLAIM_WORD)
                    && (lx::small(w).is_some()
                        || lx::hedge(w, self.w(i + 1), self.w(i + 2)).is_some()
                        || lx::opening_word(w))
                    || lx::iso_code(self.raw(i)).is_some()
                    || lx::million_code(self.raw(i)).is_some()
            }
            None => false,
        }
    }

    /// A claim starting at token `i`: `Some((claim or None to skip, next token))`.
    fn claim_at(&self, i: usize) -> Option<(Option<Claim>, usize)> {
        if let Some(r) = self.percent_of(i) {
            return Some(r);
        }
        // Hedge or range opener.
        let mut hedge: Option<(Hedge, usize, usize)> = None; // (hedge, first, words)
        let mut opener: Option<&str> = None;
        if self.is_word(i) {
            let (w0, w1, w2) = (self.w(i), self.w(i + 1), self.w(i + 2));
            if let Some((h, len)) = lx::hedge(w0, w1, w2).filter(|_| w0 != "top" || self.modal(i)) {
                if (0..len).all(|k| self.is_word(i + k) && (k == 0 || self.same_line(i + k))) {
                    hedge = Some((h, i, len));
                }
            } else if w0 == "between" {
                opener = Some("between");
            } else if w0 == "from" && !self.change_before(i) {
                opener = Some("from");
            }
        }
        let j = match (hedge, opener) {
            (Some((_, _, len)), _) => i + len,
            (None, Some(_)) => i + 1,
            (None, None) => i,
        };
        if j != i && !self.same_line(j) {
            return None;
        }
        let a = self.amount(j)?;
        // A range: `between A and B`, `from A to B`, `A-B`, `A to B`.
        let e = a.end;
        let connector = match opener {
            // `between $35 billion to $45 billion` is said too.
            Some("between") => matches!(self.w(e), "and" | "to") || self.is_dash(e),
            Some(_) => matches!(self.w(e), "to" | "through") || self.is_dash(e),
            None => {
                (self.is_dash(e) && self.same_line(e) && (self.glued(e) == self.glued(e + 1)))
                    || (self.w(e) == "to" && !self.change_at(a.first) && !a.vague)
                    || (self.w(e) == "or" && self.or_range(&a, e + 1))
            }
        };
        if connector && self.same_line(e + 1) {
            if let Some(mut cand) = self.amount(e + 1) {
                let mut a2 = a.clone();
                if share(&mut a2, &mut cand) {
                    return Some((
                        Some(self.build(
                            i,
                            Some(&a2),
                            cand.clone(),
                            Some(Hedge::Range),
                            hedge_word(self, hedge, opener),
                        )),
                        cand.end,
                    ));
                }
            }
        }
        // Openers that found no range are not hedges: the amount stands alone.
        let (h, first) = match hedge {
            Some((h, first, _)) => (Some(h), first),
            None => (None, j),
        };
        let mut a = a;
        if h.is_none() && !a.vague && a.currency.is_none() && !a.percent && self.is_year(&a) {
            // Years are kept as numbers with unit `year`: consumers can drop them, and
            // linking never takes them unless a metric asks for years.
            a.unit = Some("year".into());
            a.end = a.first + 1;
        }
        let mut word = hedge_word(self, hedge, None);
        let mut h = h;
        if h.is_none() && !a.vague && a.unit.as_deref() != Some("year") {
            // `$30 billion or more`, `$30bn+`, `$20 billion at the most`
            if let Some((bound, end, said)) = self.bound_after(a.end) {
                h = Some(bound);
                word = Some(said.into());
                a.end = end;
            }
        }
        let end = a.end;
        let mut claim = self.build(first, None, a, h, word);
        if claim.hedge == Some(Hedge::Vague) && h.is_some() {
            claim.hedge = Some(Hedge::Vague);
        }
        claim.role = self.role(first, end, claim.kind);
        Some((Some(claim), end))
    }

    /// `eight or nine euros`, `two or three people`: a bare whole number, `or`, and a next
    /// one at most twice it, which carries the unit.
    fn or_range(&self, a: &Amount, k: usize) -> bool {
        let Some(lo) = a.value.filter(|v| v.fract().is_zero() && *v > Decimal::ZERO) else {
            return false;
        };
        if a.currency.is_some() || a.percent || a.unit.is_some() || a.scale.is_some() {
            return false;
        }
        self.numeral(k, false).is_some_and(|b| {
            b.value.fract().is_zero() && b.value > lo && b.value <= lo * Decimal::TWO
        })
    }

    /// `percent of 10`, `per cent of twenty-two`: a percent word before its number.
    fn percent_of(&self, i: usize) -> Option<(Option<Claim>, usize)> {
        let after = match self.w(i) {
            "percent" | "percents" => i + 1,
            "per" if self.w(i + 1) == "cent" => i + 2,
            _ => return None,
        };
        if i > 0 && (self.kind(i - 1) == Some(TK::Num) || lx::small(self.w(i - 1)).is_some()) {
            return None;
        }
        if self.w(after) != "of" || !self.same_line(after + 1) {
            return None;
        }
        let num = self.numeral(after + 1, false)?;
        if self.is_word(num.end) && !self.glued(num.end) {
            return None;
        }
        let a = Amount {
            first: i,
            end: num.end,
            value: Some(num.value),
            low: None,
            high: None,
            currency: None,
            percent: true,
            points: false,
            unit: None,
            scale: num.scale,
            vague: false,
            plain_digits: false,
        };
        Some((Some(self.build(i, None, a, None, None)), num.end))
    }

    /// A change verb (`rose`, `fell`) within the three words before token `i`.
    pub(super) fn change_before(&self, i: usize) -> bool {
        (1..=4).any(|k| i >= k && lx::change_verb(self.w(i - k)))
    }

    /// A year before a currency that names the prices it is stated in: `in 2020 dollars`,
    /// `(2021 USD)`, `constant 2015 euros`.
    fn money_year(&self, a: &Amount) -> bool {
        if !a.plain_digits || a.first == 0 || !yearish(self.raw(a.first)) {
            return false;
        }
        let prev = self.w(a.first - 1);
        let after_year = matches!(prev, "in" | "constant" | "real" | "nominal" | "adjusted")
            || self.is_p(a.first - 1, "(");
        after_year
            && matches!(self.suffix_currency(a.end), Some((_, Sub::One, next, _))
                if self.kind(next - 1) == Some(TK::Word))
    }

    /// A four-digit number between 1800 and 2100 with nothing that makes it an amount.
    fn is_year(&self, a: &Amount) -> bool {
        if !a.plain_digits {
            return false;
        }
        let raw = self.raw(a.first);
        let yearish = raw.len() == 4
            && raw.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&raw.parse::<u32>().unwrap_or(0));
        if !yearish {
            return false;
        }
        // "2,000 people" has a separator; "2000 people" after a preposition of time is
        // still a year ("in 2013 prices"), otherwise a count.
        let prev = if a.first > 0 { self.w(a.first - 1) } else { "" };
        let temporal = matches!(
            prev,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "of"
                | "to"
                | "and"
                | "between"
                | "during"
                | "after"
                | "before"
                | "early"
                | "late"
                | "mid"
                | "year"
                | "the"
                | "fiscal"
                | "through"
                | "circa"
                | "around"
                | "summer"
                | "spring"
                | "autumn"
                | "fall"
                | "winter"
                | "or"
                | "march"
                | "may"
        ) || lx::month(prev);
        // `the Artemis ILS Asia 2024 conference`: part of a name.
        let named = a.first >= 2
            && self.is_word(a.first - 1)
            && self.raw(a.first - 1).starts_with(char::is_uppercase);
        // `a 2020 wildfire`, `2024 increased`: a count takes a plural noun.
        let singular = a.unit.as_deref().is_some_and(|u| !u.ends_with('s') && !lx::collective(u));
        temporal || named || singular || a.unit.is_none()
    }

    fn build(
        &self,
        first: usize,
        low_amount: Option<&Amount>,
        a: Amount,
        hedge: Option<Hedge>,
        hedge_word: Option<String>,
    ) -> Claim {
        let start = self.toks[first].start;
        let end = self.toks[a.end - 1].end;
        let (value, low, high) = match (low_amount, hedge) {
            (Some(lo), _) => (None, lo.value.or(lo.low), a.value.or(a.high)),
            (None, Some(Hedge::AtLeast)) => (a.value, a.value, None),
            (None, Some(Hedge::AtMost)) => (a.value, None, a.value),
            (None, _) => (a.value, a.low, a.high),
        };
        let hedge = if a.vague && low_amount.is_none() { Some(Hedge::Vague) } else { hedge };
        Claim {
            start,
            end,
            kind: a.kind(),
            value,
            low,
            high,
            currency: a.currency,
            unit: if a.points { Some("points".into()) } else { a.unit.clone() },
            hedge,
            hedge_word,
            attributed_to: None,
            sentence: (start, end),
            restates: None,
            role: None,
        }
    }

    /// An amount at token `j`: currency, numeral or vague amount, and what follows it.
    fn amount(&self, j: usize) -> Option<Amount> {
        let mut k = j;
        let mut currency = None;
        let mut factor = Decimal::ONE;
        let mut neg = false;
        // `-$5 billion`, `−$3bn`: a sign before the currency; `+0.2%`: an explicit plus.
        let signed = matches!(self.raw(k), "-" | "−" | "+")
            && self.glued(k + 1)
            && (k == 0 || self.toks[k].gap || self.is_p(k - 1, "("));
        if signed && self.raw(k) != "+" && self.kind(k + 1) == Some(TK::Sym) {
            if self.prefix_currency(k + 1).is_some() {
                neg = true;
                k += 1;
            }
        } else if signed && self.raw(k) == "+" && self.is_num(k + 1) {
            k += 1;
        }
        if let Some((cue, next, f)) = self.prefix_currency(k) {
            currency = Some(cue);
            factor = f;
            k = next;
        }
        if matches!(self.w(k), "minus" | "negative")
            && (self.is_num(k + 1) || lx::small(self.w(k + 1)).is_some())
        {
            neg = true;
            k += 1;
        } else if matches!(self.raw(k), "-" | "−")
            && self.is_num(k + 1)
            && (self.glued(k + 1) || self.toks[k].nl)
        {
            let prev_ok = k == 0
                || self.toks[k].gap
                || matches!(self.kind(k - 1), Some(TK::Sym))
                || self.is_p(k - 1, "(");
            if !prev_ok {
                return None;
            }
            neg = true;
            k += 1;
        }
        let (mut value, low, high, scale, end, vague, plain);
        if let Some((lo, hi, e)) = self.vague(k) {
            value = None;
            low = Some(lo);
            high = Some(hi);
            scale = None;
            end = e;
            vague = true;
            plain = false;
        } else {
            let num = self.numeral(k, currency.is_some() || self.money_follows(k))?;
            value = Some(num.value);
            low = None;
            high = None;
            scale = num.scale;
            end = num.end;
            vague = false;
            plain = num.plain_digits;
        }
        if neg {
            value = value.map(|v| -v);
        }
        let mut a = Amount {
            first: j,
            end,
            value,
            low,
            high,
            currency,
            percent: false,
            points: false,
            unit: None,
            scale,
            vague,
            plain_digits: plain && currency.is_none(),
        };
        if self.money_year(&a) {
            // `in 2020 dollars`, `(2021 USD)`: the year the prices are stated in.
            a.unit = Some("year".into());
            return Some(a);
        }
        let mut sub = Sub::One;
        // `billions of dollars`, `hundreds of billions of {dollars}`
        let of_skip = if a.vague && self.w(a.end) == "of" { 1 } else { 0 };
        if a.currency.is_none() {
            if let Some((cue, s, next, f)) = self.suffix_currency(a.end + of_skip) {
                a.currency = Some(cue);
                sub = s;
                factor = f;
                a.end = next;
                // `75 USD million`: a magnitude after the code.
                if a.scale.is_none() && !a.vague && lx::iso_code(self.raw(next - 1)).is_some() {
                    if let Some(p) = lx::scale(self.w(next)).filter(|p| *p >= 3) {
                        factor *= pow10(p);
                        a.scale = Some(p);
                        a.end = next + 1;
                    }
                }
            } else if let Some(next) = self.percent_suffix(a.end, &mut a.points) {
                a.percent = true;
                a.end = next;
            }
        } else if let Some((cue, _, next, _)) = self.suffix_currency(a.end) {
            // `$ 10 dollars`: a redundant currency word.
            if matches!(cue, CurrencyCue::Dollar) || Some(cue) == a.currency {
                a.end = next;
            }
        }
        // Sub-units scale the figure to the main unit.
        let sub_factor = match sub {
            Sub::One => Decimal::ONE,
            Sub::Tenth => Decimal::new(1, 1),
            Sub::Hundredth => Decimal::new(1, 2),
            Sub::Satoshi => Decimal::new(1, 8),
        };
        let f = factor * sub_factor;
        if f != Decimal::ONE {
            a.value = a.value.and_then(|v| mul(v, f));
            a.low = a.low.and_then(|v| mul(v, f));
            a.high = a.high.and_then(|v| mul(v, f));
        }
        if a.currency.is_some() && sub == Sub::One && !a.vague {
            self.cents_tail(&mut a);
        }
        if a.currency.is_none() && !a.percent {
            self.count_noun(&mut a);
        }
        if a.value.is_none() && a.low.is_none() && a.high.is_none() {
            return None;
        }
        Some(a)
    }

    /// Does a currency word or sign follow the numeral at `k` closely? Lets `$5m`-style
    /// letter magnitudes apply to `5m euros`.
    fn money_follows(&self, k: usize) -> bool {
        (k + 1..(k + 4).min(self.n())).any(|i| {
            (self.kind(i) == Some(TK::Sym) && self.raw(i) != "¢")
                || lx::currency_word("", self.w(i)).is_some_and(|(_, s)| s == Sub::One)
                || lx::iso_code(self.raw(i)).is_some()
        })
    }

    /// `$`, `US$`, `C$`, `€`, `USD`, `Rs.`, `RM`, `MAUD` before a number: (cue, next token,
    /// factor).
    fn prefix_currency(&self, k: usize) -> Option<(CurrencyCue, usize, Decimal)> {
        let one = Decimal::ONE;
        match self.kind(k)? {
            TK::Sym => {
                if let Some(code) = self.dollar_after_sign(k + 1) {
                    return Some((CurrencyCue::Iso(code), k + 2, one));
                }
                let cue = lx::sign(self.raw(k))?;
                if matches!(cue, CurrencyCue::Unknown) {
                    return None;
                }
                Some((cue, k + 1, one))
            }
            TK::Word => {
                let raw = self.raw(k);
                let w = self.w(k);
                // u.s $ 100
                if w == "u" && self.is_p(k + 1, ".") && self.w(k + 2) == "s" {
                    let mut d = k + 3;
                    if self.is_p(d, ".") {
                        d += 1;
                    }
                    if self.raw(d) == "$" {
                        return Some((CurrencyCue::Iso("USD"), d + 1, one));
                    }
                }
                // `cost us $320 billion`: `us` the pronoun.
                let pronoun = raw == "us"
                    && !self.glued(k + 1)
                    && k >= 1
                    && lx::takes_two_objects(self.w(k - 1));
                if let Some(code) = lx::dollar_prefix(w).filter(|_| !pronoun) {
                    if self.raw(k + 1) == "$" {
                        let single = w.len() == 1;
                        let ok = if single {
                            // `A$`, `C$`, `S$` glued and capitalised; `c $` (a lower-cased
                            // corpus) for Canada only.
                            (self.glued(k + 1) && raw.chars().all(char::is_uppercase)) || w == "c"
                        } else {
                            true
                        };
                        if ok {
                            return Some((CurrencyCue::Iso(code), k + 2, one));
                        }
                    }
                }
                if let Some(code) = lx::iso_code(raw) {
                    if (self.is_num(k + 1)
                        || (lx::small(self.w(k + 1)).is_some() && !self.glued(k + 1)))
                        && !self.climate_summit(code, k)
                    {
                        return Some((CurrencyCue::Iso(code), k + 1, one));
                    }
                }
                if let Some(code) = lx::million_code(raw) {
                    if self.is_num(k + 1) {
                        return Some((CurrencyCue::Iso(code), k + 1, pow10(6)));
                    }
                }
                // ringgit 42, malaysian ringgit 42, dollar 22.5 million, rmb 10
                let (cw, at) = if matches!(w, "malaysia" | "malaysian") {
                    (self.w(k + 1), k + 2)
                } else {
                    (w, k + 1)
                };
                if matches!(cw, "ringgit" | "ringgits" | "dollar" | "rmb")
                    && self.is_num(at)
                    && !self.glued(at)
                {
                    let (cue, _) = lx::currency_word("", cw)?;
                    return Some((cue, at, one));
                }
                if (raw == "Rs" || raw == "RM")
                    && (self.is_num(k + 1) || (self.is_p(k + 1, ".") && self.is_num(k + 2)))
                {
                    let code = if raw == "Rs" { "INR" } else { "MYR" };
                    let next = if self.is_p(k + 1, ".") { k + 2 } else { k + 1 };
                    return Some((CurrencyCue::Iso(code), next, one));
                }
                None
            }
            _ => None,
        }
    }

    /// `$US55,931,000`, `$A82.6m`: the country letters of a dollar (capitals at token `k`)
    /// between `$` and the digits, all glued.
    fn dollar_after_sign(&self, k: usize) -> Option<&'static str> {
        let ok = k >= 1
            && self.raw(k - 1) == "$"
            && self.is_word(k)
            && self.glued(k)
            && self.kind(k + 1) == Some(TK::Num)
            && self.glued(k + 1)
            && self.raw(k).bytes().all(|b| b.is_ascii_uppercase());
        ok.then(|| lx::dollar_prefix(self.w(k))).flatten()
    }

    /// A currency after the number: (cue, sub-unit, next token, factor).
    fn suffix_currency(&self, k: usize) -> Option<(CurrencyCue, Sub, usize, Decimal)> {
        let one = Decimal::ONE;
        if !self.same_line(k) {
            return None;
        }
        match self.kind(k)? {
            TK::Sym => {
                let cue = lx::sign(self.raw(k))?;
                // `10 $ 30 $`: a spaced sign followed by a number belongs to that number.
                if !self.glued(k) && self.is_num(k + 1) {
                    return None;
                }
                let mut next = k + 1;
                if self.raw(k) == "€" && self.w(next) == "ur" && self.glued(next) {
                    next += 1;
                }
                let sub = if self.raw(k) == "¢" { Sub::Hundredth } else { Sub::One };
                Some((cue, sub, next, one))
            }
            TK::Punct => {
                // `{dollars}`, `(dollars)` — noise from scraped or rewritten text; `12-cent`.
                if matches!(self.raw(k), "{" | "[") && self.is_word(k + 1) {
                    let (cue, sub, next, f) = self.suffix_currency(k + 1)?;
                    let next = if matches!(self.raw(next), "}" | "]") { next + 1 } else { next };
                    return Some((cue, sub, next, f));
                }
                if self.raw(k) == "-" && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
                    let (cue, sub, next, f) = self.suffix_currency(k + 1)?;
                    if matches!(
                        self.w(k + 1),
                        "dollar" | "cent" | "yen" | "euro" | "pound" | "penny"
                    ) {
                        return Some((cue, sub, next, f));
                    }
                }
                None
            }
            TK::Word => {
                let raw = self.raw(k);
                let w = self.w(k);
                // `a twenty-pound bag`, `one pound of coal`: a weight, not money.
                if w == "pound"
                    && self.is_word(k + 1)
                    && !matches!(self.w(k + 1), "sterling" | "and")
                {
                    return None;
                }
                // `275 pound-feet`, `weighs 208 pounds`: a weight or a torque.
                if matches!(w, "pound" | "pounds")
                    && (self.is_p(k + 1, "-") && matches!(self.w(k + 2), "feet" | "foot" | "force")
                        || self.weight_words())
                {
                    return None;
                }
                // `150 kn` is kuna where the sentence is about Croatia (else knots).
                if raw == "kn" && self.croatian() {
                    return Some((CurrencyCue::Iso("HRK"), Sub::One, k + 1, one));
                }
                if let Some((cue, sub)) = lx::currency_word("", w) {
                    return Some((cue, sub, k + 1, one));
                }
                // US$ after the number: 3.14US$
                if let Some(code) = lx::dollar_prefix(w) {
                    if self.raw(k + 1) == "$" && self.glued(k + 1) && w.len() > 1 {
                        return Some((CurrencyCue::Iso(code), Sub::One, k + 2, one));
                    }
                }
                if let Some(code) = lx::iso_code(raw).or_else(|| {
                    matches!(w, "usd" | "rmb" | "eur" | "gbp")
                        .then(|| lx::iso_code(&raw.to_ascii_uppercase()))
                        .flatten()
                }) {
                    return Some((CurrencyCue::Iso(code), Sub::One, k + 1, one));
                }
                if let Some(code) = lx::million_code(raw) {
                    return Some((CurrencyCue::Iso(code), Sub::One, k + 1, pow10(6)));
                }
                if raw == "RM" || raw == "Rs" {
                    return Some((
                        CurrencyCue::Iso(if raw == "RM" { "MYR" } else { "INR" }),
                        Sub::One,
                        k + 1,
                        one,
                    ));
                }
                // c / p glued to the number: 43c, 470p; pence spaced: 68 p (not 5 p.m.)
                let pence = raw == "p"
                    && (self.glued(k) || !(self.is_p(k + 1, ".") && self.w(k + 2) == "m"));
                if pence || w == "c" && !self.is_word(k + 1) {
                    let cue = if w == "p" { CurrencyCue::Iso("GBP") } else { CurrencyCue::Unknown };
                    return Some((cue, Sub::Hundredth, k + 1, one));
                }
                // An adjective that pins the currency: US dollars, Hong Kong dollars, Swiss francs.
                let (adj, cur_at) = if w == "u" && self.is_p(k + 1, ".") && self.w(k + 2) == "s" {
                    let d = if self.is_p(k + 3, ".") { k + 4 } else { k + 3 };
                    ("us", d)
                } else if w == "hong" && self.w(k + 1) == "kong" {
                    ("kong", k + 2)
                } else if w == "new" && self.w(k + 1) == "zealand" {
                    ("zealand", k + 2)
                } else if (w == "sri" && self.w(k + 1) == "lankan")
                    || (w == "south" && self.w(k + 1) == "african")
                {
                    (self.w(k + 1), k + 2)
                } else if currency_adjective(w) {
                    (w, k + 1)
                } else {
                    return None;
                };
                let (cue, sub) = lx::currency_word(adj, self.w(cur_at)).or_else(|| {
                    // chinese yuan, japanese yen, turkish lira: the noun alone decides
                    lx::currency_word("", self.w(cur_at))
                })?;
                Some((cue, sub, cur_at + 1, one))
            }
            TK::Num => None,
        }
    }

    /// The sentence speaks of weight (`weighs`, `lbs`): its pounds are not money.
    fn weight_words(&self) -> bool {
        (0..self.n()).any(|i| {
            self.is_word(i) && {
                let w = self.w(i);
                w.starts_with("weigh") || matches!(w, "lb" | "lbs" | "heavy" | "heavier" | "torque")
            }
        })
    }

    /// The sentence names Croatia or its currency.
    fn croatian(&self) -> bool {
        (0..self.n()).any(|i| matches!(self.w(i), "croatia" | "croatian" | "kuna" | "kune" | "hrk"))
    }

    /// `%`, `per cent`, `percent`, `pct`, `percentage points`.
    fn percent_suffix(&self, k: usize, points: &mut bool) -> Option<usize> {
        if !self.same_line(k) {
            return None;
        }
        if self.is_p(k, "%") || self.is_p(k, "٪") {
            return Some(k + 1);
        }
        // UK `1.38pc`, `4.3 pc` (lower case: `PC` is a computer).
        if self.raw(k) == "pc" {
            return Some(k + 1);
        }
        // `a 10-percent rise`
        if self.is_p(k, "-") && self.glued(k) && self.glued(k + 1) {
            match self.w(k + 1) {
                "percent" => return Some(k + 2),
                "per" if self.is_p(k + 2, "-") && self.w(k + 3) == "cent" => return Some(k + 4),
                _ => {}
            }
        }
        match self.w(k) {
            "per" if self.w(k + 1) == "cent" => Some(k + 2),
            "per" if self.is_p(k + 1, "-") && self.w(k + 2) == "cent" => Some(k + 3),
            "percent" | "percents" | "pct" | "percentage" => {
                if matches!(self.w(k + 1), "point" | "points") {
                    *points = true;
                    return Some(k + 2);
                }
                Some(k + 1)
            }
            "pp" | "ppt" | "ppts" => {
                *points = true;
                Some(k + 1)
            }
            _ => None,
        }
    }

    /// `20 dollars 43 cents`, `$20 and 43c`, `thirteen dollars forty five`.
    fn cents_tail(&self, a: &mut Amount) {
        let Some(v) = a.value else { return };
        if a.scale.is_some() || !same_sign_dollar(a.currency) {
            return;
        }
        let mut k = a.end;
        if matches!(self.w(k), "and" | "&") {
            k += 1;
        }
        if !self.same_line(k) {
            return;
        }
        let Some(num) = self.numeral(k, false) else { return };
        if num.value >= Decimal::from(100)
            || num.value.fract() != Decimal::ZERO
            || num.scale.is_some()
        {
            return;
        }
        let has_word = matches!(self.suffix_currency(num.end), Some((_, Sub::Hundredth, _, _)));
        let end = if has_word {
            self.suffix_currency(num.end).map(|(_, _, e, _)| e).unwrap_or(num.end)
        } else {
            // Without a sub-unit word, only after a currency *word* and at a phrase end.
            let word_currency =
                self.is_word(a.end - 1) && lx::currency_word("", self.w(a.end - 1)).is_some();
            let at_end = num.end >= self.n()
                || matches!(self.raw(num.end), "." | "," | ";" | "!" | "?" | ")")
                    && !self.is_num(num.end + 1);
            // `$20 43` and `US$3 and fourteen` only when nothing follows at all.
            let at_text_end = num.end >= self.n();
            if !(word_currency && at_end || at_text_end) {
                return;
            }
            num.end
        };
        a.value = Some(v + num.value / Decimal::from(100));
        a.end = end;
    }

    /// `four people`, `17 elements`, `three-year`: a number followed by a noun is a count.
    fn count_noun(&self, a: &mut Amount) {
        let mut k = a.end;
        let hyphen = self.is_p(k, "-") && self.glued(k) && self.glued(k + 1);
        if hyphen {
            k += 1;
        } else if !self.same_line(k) || self.glued(k) {
            return;
        }
        if !self.is_word(k) {
            return;
        }
        let w = self.w(k);
        let raw = self.raw(k);
        if lx::not_a_noun(w)
            || lx::measure_unit(w)
            || lx::month(w)
            || lx::scale(w).is_some()
            || lx::small(w).is_some()
            || lx::denominator(w).is_some()
            || raw.starts_with(char::is_uppercase) && !hyphen
            || w.len() < 2
        {
            return;
        }
        let head = if hyphen { w } else { self.head_noun(k).unwrap_or(w) };
        a.unit = Some(lx::count_synonym(head).to_string());
    }

    /// The head noun of the phrase opening at word `k`, past modifiers: `residential and
    /// commercial properties` → properties, `single-family homes` → homes. `None` when `k`
    /// is no modifier or no plural noun follows the modifiers.
    fn head_noun(&self, k: usize) -> Option<&str> {
        let mut i = k;
        for _ in 0..6 {
            if !self.is_word(i) || !self.same_line(i) {
                return None;
            }
            let w = self.w(i);
            let compound = self.is_p(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2);
            let plural = w.ends_with('s') && !w.ends_with("ss") || lx::collective(w);
            match (i > k, plural) {
                (true, true) => return Some(w),
                // The first word is the noun already: `5 cars`.
                (false, true) => return None,
                _ => {}
            }
            let next = self.w(i + 1);
            if compound {
                i += 2;
            } else if lx::modifier(w) || i > k && matches!(w, "and" | "or") {
                i += 1;
            } else if i > k && self.is_word(i + 1) && self.is_p(i - 1, "-") {
                // the second half of a compound: `single-family homes`
                i += 1;
            } else if self.is_word(i + 1)
                && self.same_line(i + 1)
                && next.ends_with('s')
                && !next.ends_with("ss")
                && !lx::not_a_noun(next)
            {
                // a noun before the noun: `shop owners`
                return Some(next);
            } else {
                return None;
            }
            if self.is_p(i, ",") && self.is_word(i + 1) {
                i += 1;
            }
        }
        None
    }

    /// Vague amounts: `hundreds of billions`, `tens of thousands`, `billions`, `dozens`,
    /// `several trillion`, `a few million`, `a number of trillion`. Returns (low, high, end).
    fn vague(&self, k: usize) -> Option<(Decimal, Decimal, usize)> {
        let w = self.w(k);
        if let Some(v) = lx::vague_plural(w) {
            let (mut lo, mut hi) = (Decimal::from(v.unit * v.low), Decimal::from(v.unit * v.high));
            let mut end = k + 1;
            // hundreds of billions, tens of thousands
            if self.w(end) == "of" {
                if let Some(p) =
                    lx::scale(self.w(end + 1)).filter(|_| self.w(end + 1).ends_with('s'))
                {
                    lo = mul(lo, pow10(p))?;
                    hi = mul(hi, pow10(p))?;
                    end += 2;
                }
            }
            // `thousands` alone must be followed by `of` to be an amount (not "in the 1990s").
            if self.w(end) != "of" && end == k + 1 && !self.money_after(end) {
                return None;
            }
            return Some((lo, hi, end));
        }
        let (q, next) = match w {
            "several" | "multiple" => (lx::vague_quantifier(w)?, k + 1),
            "a" if self.w(k + 1) == "few" => ((2, 5), k + 2),
            "a" if self.w(k + 1) == "number" && self.w(k + 2) == "of" => ((2, 10), k + 3),
            _ => return None,
        };
        match lx::scale(self.w(next)) {
            Some(p) if !self.w(next).ends_with('s') => {
                let lo = mul(Decimal::from(q.0), pow10(p))?;
                let hi = mul(Decimal::from(q.1), pow10(p))?;
                Some((lo, hi, next + 1))
            }
            _ if w == "a" && self.w(k + 1) == "few" && !self.is_word(next) => {
                // Duckling reads a bare "a few" as about three.
                Some((Decimal::from(2), Decimal::from(5), next))
            }
            _ => None,
        }
    }

    /// `of dollars`, `of {dollars}`, `dollars` after a vague amount.
    /// `of a` / `of an` before a scale word (`a third of a billion`): how many tokens to skip
    /// so the scale multiplies the fraction; 0 otherwise (`a third of the budget`).
    fn of_a_scale(&self, i: usize) -> usize {
        let scaled = self.w(i) == "of"
            && matches!(self.w(i + 1), "a" | "an")
            && lx::scale(self.w(i + 2)).is_some_and(|_| !self.w(i + 2).ends_with('s'));
        if scaled {
            2
        } else {
            0
        }
    }

    fn money_after(&self, k: usize) -> bool {
        let k = if self.w(k) == "of" { k + 1 } else { k };
        self.suffix_currency(k).is_some()
    }

    /// A numeral at `k`: digits with separators, powers and letter magnitudes, or number
    /// words with scales, `and`, hyphens, `point`, fractions and dozens.
    fn numeral(&self, k: usize, money: bool) -> Option<Numeral> {
        let mut total = Decimal::ZERO;
        let mut cur: Option<Decimal> = None;
        // What `cur` ends with: 0 nothing, 1 units, 2 teens, 3 tens, 4 hundreds, 5 digits.
        let mut cur_shape = 0u8;
        let mut last_scale: Option<u32> = None;
        let mut scale_applied: Option<u32> = None;
        let mut i = k;
        let mut words = false;
        let mut plain_digits = false;
        let mut consumed_any = false;
        // A magnitude glued to digits (`5bn`) closes the number: `and` does not continue it.
        let mut glued_scale = false;
        let started_with_a = matches!(self.w(k), "a" | "an");

        // Leading forms that are not plain cardinals.
        let w0 = self.w(i);
        // Idioms, not quantities: one-off, one-time, one-sided, one-way.
        if w0 == "one"
            && self.is_p(i + 1, "-")
            && self.glued(i + 1)
            && matches!(
                self.w(i + 2),
                "off" | "time" | "sided" | "way" | "stop" | "size" | "liner" | "liners" | "on"
            )
        {
            return None;
        }
        if self.in_name(i) && lx::small(w0).is_some() {
            return None;
        }
        if self.is_word(i) {
            match w0 {
                "a" | "an" => {
                    let n1 = self.w(i + 1);
                    // a baker's dozen (13), a square dozen (144), a gross (144)
                    if n1 == "baker"
                        && self.raw(i + 2) == "'"
                        && self.w(i + 3) == "s"
                        && self.w(i + 4) == "dozen"
                    {
                        return Some(Numeral {
                            end: i + 5,
                            value: Decimal::from(13),
                            scale: None,
                            plain_digits: false,
                        });
                    }
                    if n1 == "square" && self.w(i + 2) == "dozen" {
                        return Some(Numeral {
                            end: i + 3,
                            value: Decimal::from(144),
                            scale: None,
                            plain_digits: false,
                        });
                    }
                    if n1 == "gross"
                        && (!self.is_word(i + 2) || matches!(self.w(i + 2), "of" | "is" | "was"))
                    {
                        return Some(Numeral {
                            end: i + 2,
                            value: Decimal::from(144),
                            scale: None,
                            plain_digits: false,
                        });
                    }
                    if !self.same_line(i + 1) {
                        return None;
                    }
                    if lx::scale(n1).is_some_and(|_| !n1.ends_with('s') || n1 == "hundreds")
                        || matches!(n1, "dozen" | "couple" | "pair")
                    {
                        if matches!(n1, "couple" | "pair") {
                            let end = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                            return Some(Numeral {
                                end,
                                value: Decimal::TWO,
                                scale: None,
                                plain_digits: false,
                            });
                        }
                        cur = Some(Decimal::ONE);
                        cur_shape = 1;
                        i += 1;
                        words = true;
                    } else if let Some(d) = lx::denominator(n1).filter(|_| !n1.ends_with('s')) {
                        // a third, a quarter, a hundredth; "a quarter of a billion" scales.
                        cur = Some(Decimal::ONE / Decimal::from(d));
                        cur_shape = 6;
                        i += 2;
                        i += self.of_a_scale(i);
                        words = true;
                        consumed_any = true;
                    } else if lx::currency_word("", n1)
                        .is_some_and(|(_, s)| matches!(s, Sub::One | Sub::Hundredth))
                        && self.same_line(i + 1)
                    {
                        // a dollar, a penny
                        return Some(Numeral {
                            end: i + 1,
                            value: Decimal::ONE,
                            scale: None,
                            plain_digits: false,
                        });
                    } else {
                        return None;
                    }
                }
                "half" => {
                    // half a trillion, half a dozen, half million, half
                    let (n1, n2) = (self.w(i + 1), self.w(i + 2));
                    let half = Decimal::new(5, 1);
                    if matches!(n1, "a" | "an") && (lx::scale(n2).is_some() || n2 == "dozen") {
                        cur = Some(half);
                        i += 2;
                    } else {
                        cur = Some(half);
                        i += 1;
                        consumed_any = true;
                    }
                    cur_shape = 6;
                    words = true;
                }
                "quarter" => {
                    // quarter billion, quarter of a billion
                    cur = Some(Decimal::new(25, 2));
                    cur_shape = 6;
                    i += 1;
                    i += self.of_a_scale(i);
                    words = true;
                    lx::scale(self.w(i))?;
                }
                "point" if self.is_num(i + 1) || lx::small(self.w(i + 1)).is_some() => {
                    cur = Some(Decimal::ZERO);
                    cur_shape = 5;
                    words = true;
                }
                "hundred" => {
                    cur = Some(Decimal::ONE);
                    cur_shape = 1;
                    words = true;
                }
                _ => {}
            }
        }

        if let Some(f) = vulgar(self.raw(i)) {
            return Some(Numeral { end: i + 1, value: f, scale: None, plain_digits: false });
        }
        loop {
            let t = self.kind(i);
            if i > k && !self.same_line(i) {
                break;
            }
            match t {
                Some(TK::Num) if !self.dead[i] => {
                    // Digits start a numeral, or follow a scale (`4 thousand 3 hundred`) or
                    // `hundred and` (`3 hundred and 21`).
                    let v = self.num_value(i)?;
                    let ok_after = cur.is_none() && (last_scale.is_some() || i == k);
                    let ok_hundreds =
                        cur_shape == 4 && v < Decimal::from(100) && v.fract().is_zero();
                    if !(ok_after || ok_hundreds) {
                        break;
                    }
                    if i > k && self.glued(i) {
                        break;
                    }
                    let (v, end, letter_scale) = self.digits(i, v, money)?;
                    glued_scale |= letter_scale.is_some();
                    if ok_hundreds {
                        cur = cur.map(|c| c + v);
                    } else {
                        cur = Some(v);
                    }
                    plain_digits = i == k && end == i + 1;
                    cur_shape = 5;
                    consumed_any = true;
                    i = end;
                    if let Some(p) = letter_scale {
                        // 5bn, 3M: a magnitude glued to the digits closes the group.
                        let g = cur.take().unwrap_or(Decimal::ONE);
                        total = apply_scale(total, g, p, &mut last_scale)?;
                        scale_applied = Some(p);
                        plain_digits = false;
                        cur_shape = 0;
                    }
                }
                Some(TK::Word) => {
                    let w = self.w(i);
                    // one twenty-fifth, three twenty-firsts, twenty twenty fifths
                    if let (Some(t), true) = (lx::small(w), matches!(cur_shape, 1..=3)) {
                        let h = usize::from(self.is_p(i + 1, "-"));
                        let unit = self.w(i + 1 + h);
                        let ord = match unit.strip_suffix('s').unwrap_or(unit) {
                            "first" => Some(1),
                            "second" => Some(2),
                            _ => lx::denominator(unit).filter(|d| *d < 10 && *d > 2),
                        };
                        if let (Some(o), true) = (ord, cur_shape == 3 || t >= 20 && t % 10 == 0) {
                            if cur.is_some() && (cur_shape != 3 || t >= 20) {
                                let d = Decimal::from(t as u64 + o);
                                cur = cur.map(|c| c / d);
                                cur_shape = 6;
                                i += 2 + h;
                                continue;
                            }
                        }
                    }
                    if let Some(n) = lx::small(w) {
                        let n = Decimal::from(n);
                        let ok = match cur_shape {
                            0 => true,
                            4 => true, // hundred [and] five
                            3 => n < Decimal::TEN && n > Decimal::ZERO, // twenty one
                            _ => false,
                        };
                        // `point` decimals are handled below; a small word right after
                        // digits (`3 three`) is a new numeral.
                        if !ok
                            || (cur_shape == 4
                                && cur.is_some_and(|c| (c % Decimal::from(100)) != Decimal::ZERO))
                        {
                            break;
                        }
                        if cur_shape == 0
                            && cur.is_none()
                            && last_scale.is_none()
                            && i != k
                            && consumed_any
                        {
                            break;
                        }
                        cur = Some(cur.unwrap_or(Decimal::ZERO) + n);
                        cur_shape = if n >= Decimal::from(20) && n % Decimal::TEN == Decimal::ZERO {
                            3
                        } else if n >= Decimal::TEN {
                            2
                        } else {
                            1
                        };
                        words = true;
                        consumed_any = true;
                        i += 1;
                        // forty-five
                        if cur_shape == 3
                            && self.is_p(i, "-")
                            && lx::small(self.w(i + 1)).is_some_and(|u| (1..10).contains(&u))
                        {
                            i += 1;
                        }
                        continue;
                    }
                    if w == "hundred" || (w == "hundreds" && cur.is_some()) {
                        let c = cur.unwrap_or(Decimal::ONE);
                        if cur_shape == 4 || c >= Decimal::from(1000) && cur_shape != 5 {
                            break;
                        }
                        cur = Some(mul(c, Decimal::from(100))?);
                        cur_shape = 4;
                        words = true;
                        consumed_any = true;
                        plain_digits = false;
                        i += 1;
                        continue;
                    }
                    // `14.0 mm` is millimetres; `$14mm` millions.
                    if w == "mm" && !money {
                        break;
                    }
                    if let Some(p) = lx::scale(w).filter(|p| *p >= 3) {
                        // `thousands`/`millions` after a number read as the singular
                        // (Duckling's "three billions"); alone they are vague, handled elsewhere.
                        if let Some(ls) = last_scale {
                            if p == ls {
                                break;
                            }
                        }
                        if cur.is_none() {
                            // three lakh crore, three thousand millions: a larger scale
                            // multiplies what came before.
                            match last_scale {
                                Some(ls) if p > ls => {
                                    total = mul(total, pow10(p))?;
                                    last_scale = Some(p);
                                    scale_applied = Some(p);
                                    i += 1;
                                    continue;
                                }
                                _ => break,
                            }
                        }
                        let g = cur.take().unwrap_or(Decimal::ONE);
                        total = apply_scale(total, g, p, &mut last_scale)?;
                        scale_applied = Some(p);
                        cur_shape = 0;
                        words = true;
                        plain_digits = false;
                        consumed_any = true;
                        i += 1;
                        continue;
                    }
                    if matches!(w, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs")
                        && (cur.is_some() || total > Decimal::ZERO)
                    {
                        let c = cur.take().unwrap_or(Decimal::ZERO) + total;
                        total = Decimal::ZERO;
                        cur = Some(mul(c, Decimal::from(12))?);
                        cur_shape = 6;
                        last_scale = None;
                        plain_digits = false;
                        consumed_any = true;
                        i += 1;
                        continue;
                    }
                    if w == "point" && cur.is_some() && cur_shape != 6 {
                        // one point three, two hundred point zero three, 1 point 1
                        if let Some((frac, end)) = self.point_digits(i + 1) {
                            cur = cur.map(|c| c + frac);
                            cur_shape = 6;
                            i = end;
                            words = true;
                            continue;
                        }
                        break;
                    }
                    if let Some(d) = lx::denominator(w) {
                        // `two millionth` is "two" and an ordinal; `a hundred trillionths` a
                        // fraction (Recognizers' reading).
                        if d >= 1000 && !started_with_a {
                            break;
                        }
                        // a hundred thousand trillionths: the whole number so far is the numerator.
                        if cur.is_none() && total > Decimal::ZERO && started_with_a {
                            cur = Some(total);
                            total = Decimal::ZERO;
                            last_scale = None;
                            cur_shape = 1;
                        }
                        // three fifths, two thirds, one-eighth, three halves
                        if cur.is_none()
                            || cur_shape == 6
                            || cur_shape == 4 && w.starts_with("hundredth")
                        {
                            break;
                        }
                        if (d == 2 && !w.starts_with("halves")) && cur != Some(Decimal::ONE) {
                            break;
                        }
                        if w.starts_with("second") {
                            break;
                        }
                        let c = cur.take().unwrap_or(Decimal::ONE);
                        cur = Some(c / Decimal::from(d));
                        cur_shape = 6;
                        plain_digits = false;
                        i += 1;
                        // a quarter of a billion, two thirds of a million
                        if self.w(i) == "of" && matches!(self.w(i + 1), "a" | "an") {
                            if let Some(p) = lx::scale(self.w(i + 2)).filter(|p| *p >= 3) {
                                let g = cur.take().unwrap_or(Decimal::ONE);
                                total = apply_scale(total, g, p, &mut last_scale)?;
                                scale_applied = Some(p);
                                cur_shape = 0;
                                i += 3;
                            }
                        }
                        continue;
                    }
                    if matches!(w, "and")
                        && (cur.is_some() || last_scale.is_some())
                        && self.same_line(i + 1)
                    {
                        // and a half / and a quarter / and three fifths / and 21
                        let n1 = self.w(i + 1);
                        let frac = if matches!(n1, "a" | "an" | "one") {
                            lx::denominator(self.w(i + 2))
                                .filter(|_| !self.w(i + 2).ends_with('s'))
                                .map(|d| (Decimal::ONE / Decimal::from(d), i + 3))
                        } else {
                            self.fraction_after(i + 1)
                        };
                        if let Some((frac, end)) = frac {
                            // `one billion and a half million`: the fraction of the next
                            // scale; `five billion and three quarters`: of the last one.
                            let next_scale = lx::scale(self.w(end)).filter(|p| *p >= 3);
                            if let (None, Some(p)) = (cur, next_scale) {
                                total += mul(frac, pow10(p))?;
                                i = end + 1;
                            } else if cur.is_some() && next_scale.is_some() {
                                // five and a half million: the fraction joins the group the
                                // scale then multiplies.
                                cur = cur.map(|c| c + frac);
                                i = end;
                                cur_shape = 1;
                                continue;
                            } else if let (None, Some(p)) = (cur, last_scale) {
                                total += mul(frac, pow10(p))?;
                                i = end;
                            } else {
                                cur = Some(cur.unwrap_or(Decimal::ZERO) + frac);
                                i = end;
                            }
                            cur_shape = 6;
                            continue;
                        }
                        // `5bn and 5 billion hryvnias` is two amounts: digits after `and` only
                        // continue a number when no magnitude or currency follows them.
                        let digits_tail = self.is_num(i + 1)
                            && !self.glued(i + 1)
                            && !glued_scale
                            && lx::scale(self.w(i + 2)).is_none()
                            && lx::letter_scale(self.raw(i + 2), true).is_none();
                        let next_small = lx::small(n1).is_some() || digits_tail;
                        let after_hundred = cur_shape == 4;
                        let after_scale = cur.is_none() && last_scale.is_some();
                        if next_small && (after_hundred || after_scale) {
                            i += 1;
                            continue;
                        }
                        // twenty and three fifths: the fraction after `and` is added.
                        if next_small && cur.is_some() && cur_shape != 6 {
                            if let Some(frac) = self.fraction_after(i + 1) {
                                cur = cur.map(|c| c + frac.0);
                                cur_shape = 6;
                                i = frac.1;
                                continue;
                            }
                        }
                        break;
                    }
                    // `1 over 3`, `one over twenty-one`; a numerator of four digits or more
                    // is rather a year or a count (`2000 over 3` is not 666.67).
                    let small_numerator = words || cur.is_some_and(|c| c < Decimal::from(1000));
                    if matches!(w, "over")
                        && !money
                        && small_numerator
                        && cur.is_some()
                        && cur_shape != 6
                    {
                        // one over three, 1 over 20 — but not "$2000 over 3 years".
                        if let Some(den) = self.numeral(i + 1, false) {
                            if !den.value.is_zero() && den.scale.is_none() && !self.is_word(den.end)
                            {
                                cur = cur.map(|c| c / den.value);
                                cur_shape = 6;
                                i = den.end;
                                continue;
                            }
                        }
                        break;
                    }
                    if w == "out" && self.w(i + 1) == "of" && words && cur.is_some() {
                        if let Some(den) = self.numeral(i + 2, false) {
                            // "two out of three" is a share; "five out of three" is not.
                            if !den.value.is_zero() && cur.is_some_and(|c| c <= den.value) {
                                cur = cur.map(|c| c / den.value);
                                cur_shape = 6;
                                i = den.end;
                                continue;
                            }
                        }
                        break;
                    }
                    break;
                }
                Some(TK::Punct) => {
                    let p = self.raw(i);
                    // `$44-billion deal`, `US$18-billion hit`: a hyphenated magnitude after
                    // digits, as an adjective before a noun.
                    if p == "-"
                        && cur_shape == 5
                        && cur.is_some()
                        && self.glued(i)
                        && self.glued(i + 1)
                        && lx::scale(self.w(i + 1)).is_some_and(|p| p >= 6)
                        && !self.w(i + 1).ends_with('s')
                    {
                        i += 1;
                        continue;
                    }
                    // `three million, two hundred & forty`
                    if (p == "," || p == "&")
                        && words
                        && (cur.is_none() && last_scale.is_some() || p == "&" && cur_shape == 4)
                        && lx::small(self.w(i + 1)).is_some()
                    {
                        i += 1;
                        continue;
                    }
                    // one-eighth, hundred-fifths
                    if p == "-"
                        && words
                        && cur.is_some()
                        && (self.glued(i) || self.toks[i].gap && !self.glued(i + 1))
                        && lx::denominator(self.w(i + 1)).is_some()
                        && cur_shape != 6
                    {
                        i += 1;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        if !consumed_any && cur.is_none() {
            return None;
        }
        if i == k {
            return None;
        }
        let value = total + cur.unwrap_or(Decimal::ZERO);
        // Standalone `one` after a determiner is a pronoun: "the one you mentioned".
        if words && i == k + 1 && w0 == "one" && k > 0 {
            let prev = self.w(k - 1);
            if matches!(
                prev,
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "any"
                    | "each"
                    | "every"
                    | "no"
                    | "another"
                    | "only"
                    | "last"
            ) {
                return None;
            }
        }
        Some(Numeral { end: i, value, scale: scale_applied, plain_digits })
    }

    /// Digits at `i` (value `v`) with what may be glued to them: a fraction `3/4`, a mixed
    /// fraction `2 1/4`, a power `1.3e6`, `2.48×10−5`, `1.1^23`, a letter magnitude `5bn`.
    /// Returns (value, next token, letter magnitude).
    fn digits(&self, i: usize, v: Decimal, money: bool) -> Option<(Decimal, usize, Option<u32>)> {
        let end = i + 1;
        let mut v = v;
        // `1,1 billion dollars`: a decimal comma, only before a magnitude word and with one
        // or two digits after it (`1,100` is a thousands separator, `22,24,26` a list).
        if self.is_p(end, ",") && self.glued(end) && self.is_num(end + 1) && self.glued(end + 1) {
            let (int, frac) = (self.raw(i), self.raw(end + 1));
            if int.len() <= 3
                && int.bytes().all(|b| b.is_ascii_digit())
                && (1..=2).contains(&frac.len())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && lx::scale(self.w(end + 2)).is_some_and(|p| p >= 6)
            {
                let frac = self.num_value(end + 1)? / pow10(frac.len() as u32);
                return Some((v + frac, end + 2, None));
            }
        }
        // 3/4
        if self.is_p(end, "/") && self.glued(end) && self.is_num(end + 1) && self.glued(end + 1) {
            let d = self.num_value(end + 1)?;
            if d.is_zero() {
                return None;
            }
            v = v.checked_div(d)?;
            return Some((v, end + 2, None));
        }
        // 2 1/4
        if self.is_num(end)
            && !self.glued(end)
            && self.is_p(end + 1, "/")
            && self.glued(end + 1)
            && self.is_num(end + 2)
            && self.glued(end + 2)
            && v.fract().is_zero()
        {
            let (nm, d) = (self.num_value(end)?, self.num_value(end + 2)?);
            if !d.is_zero() && nm < d {
                return Some((v + nm / d, end + 3, None));
            }
        }
        // 1.3e6, 12.32e+14, -12e-1
        if self.w(end) == "e" && self.glued(end) {
            let (mut j, mut neg) = (end + 1, false);
            if (self.is_p(j, "+") || self.is_p(j, "-")) && self.glued(j) {
                neg = self.is_p(j, "-");
                j += 1;
            }
            if self.kind(j) == Some(TK::Num) && self.glued(j) {
                let e = self.num_value(j)?;
                return Some((apply_exp(v, e, neg)?, j + 1, None));
            }
        }
        // 2.48×10−5, 1.3x10^6
        if (self.is_p(end, "×") || self.w(end) == "x")
            && self.glued(end)
            && self.raw(end + 1) == "10"
            && self.glued(end + 1)
        {
            let mut j = end + 2;
            if self.is_p(j, "^") {
                j += 1;
            }
            let mut neg = false;
            if (self.is_dash(j) || self.is_p(j, "+")) && self.glued(j) {
                neg = self.is_dash(j);
                j += 1;
            }
            if self.is_num(j) && self.glued(j) {
                let e = self.num_value(j)?;
                return Some((apply_exp(v, e, neg)?, j + 1, None));
            }
        }
        // 1.1^23, 2.5^-1
        if self.is_p(end, "^") && self.glued(end) {
            let mut j = end + 1;
            let mut neg = false;
            while (self.is_p(j, "+") || self.is_p(j, "-")) && self.glued(j) {
                neg ^= self.is_p(j, "-");
                j += 1;
            }
            if self.is_num(j) && self.glued(j) {
                let e = self.num_value(j)?;
                if e.fract().is_zero() && e <= Decimal::from(60) {
                    let n = e.to_string().parse::<u32>().ok()?;
                    let mut r = Decimal::ONE;
                    for _ in 0..n {
                        r = r.checked_mul(v)?;
                    }
                    if neg {
                        r = Decimal::ONE.checked_div(r)?;
                    }
                    return Some((r, j + 1, None));
                }
            }
        }
        // Letter magnitudes: 5bn, 3M, 10k, $5b; spaced `2.33 k`, `1,674.5 G` at a phrase end.
        if self.is_word(end) {
            let raw = self.raw(end);
            let glued = self.glued(end);
            let decimal = self.raw(i).contains('.');
            if let Some(p) = lx::letter_scale(raw, money || (decimal && matches!(raw, "b" | "B"))) {
                let next_is_word = self.is_word(end + 1) && self.glued(end + 1);
                let spaced_ok = !glued
                    && !money
                    && matches!(raw, "k" | "K" | "M" | "G" | "MM")
                    && !self.is_word(end + 1);
                if (glued && !next_is_word)
                    || spaced_ok
                    || (money && !glued && matches!(raw, "M" | "MM" | "K" | "B"))
                {
                    return Some((v, end + 1, Some(p)));
                }
            }
            if glued
                && matches!(self.w(end), "mil" | "bn" | "mn" | "mln" | "bln" | "tn" | "trn" | "tln")
            {
                return Some((v, end + 1, lx::scale(self.w(end))));
            }
        }
        Some((v, end, None))
    }

    /// A capitalised number word that ends a name inside the sentence: `Air Force One`,
    /// `Formula One racing` (not `By Three Points` in a title-case headline).
    fn in_name(&self, k: usize) -> bool {
        let capital = |i: usize| {
            self.is_word(i) && {
                let mut c = self.raw(i).chars();
                c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
            }
        };
        k >= 2
            && self.toks.get(k).is_some_and(|t| {
                t.kind == TK::Word && self.text.as_bytes()[t.start].is_ascii_uppercase()
            })
            && capital(k)
            && capital(k - 1)
            && !capital(k + 1)
            && lx::small(self.w(k - 1)).is_none()
            && lx::scale(self.w(k + 1)).is_none()
            && lx::small(self.w(k + 1)).is_none()
    }

    /// Digits after `point`: `zero three` → 0.03, `seventy-one` → 0.71, `77` → 0.77.
    fn point_digits(&self, k: usize) -> Option<(Decimal, usize)> {
        if self.is_num(k) {
            let raw = self.raw(k);
            if raw.bytes().all(|b| b.is_ascii_digit()) {
                return format!("0.{raw}").parse().ok().map(|d| (d, k + 1));
            }
            return None;
        }
        let mut digits = String::new();
        let mut i = k;
        while let Some(n) = lx::small(self.w(i)) {
            if !self.same_line(i) {
                break;
            }
            digits.push_str(&n.to_string());
            i += 1;
            if n >= 20 && n % 10 == 0 && self.is_p(i, "-") {
                if let Some(u) = lx::small(self.w(i + 1)).filter(|u| (1..10).contains(u)) {
                    digits.pop();
                    digits.push_str(&u.to_string());
                    i += 2;
                }
            }
        }
        if digits.is_empty() || digits.len() > 20 {
            return None;
        }
        format!("0.{digits}").parse().ok().map(|d| (d, i))
    }

    /// `three fifths` at `k` (a numerator then a plural or singular denominator).
    fn fraction_after(&self, k: usize) -> Option<(Decimal, usize)> {
        let n = lx::small(self.w(k)).filter(|n| *n < 10)?;
        let n = Decimal::from(n);
        let d = lx::denominator(self.w(k + 1))?;
        Some((n / Decimal::from(d), k + 2))
    }
}

/// Four digits that read as a year between 1800 and 2100.
fn yearish(raw: &str) -> bool {
    raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&raw.parse::<u32>().unwrap_or(0))
}

/// Unicode vulgar fractions: ½ ⅓ ⅔ ¼ ¾ …
fn vulgar(s: &str) -> Option<Decimal> {
    let (n, d) = match s {
        "½" => (1, 2),
        "⅓" => (1, 3),
        "⅔" => (2, 3),
        "¼" => (1, 4),
        "¾" => (3, 4),
        "⅕" => (1, 5),
        "⅖" => (2, 5),
        "⅗" => (3, 5),
        "⅘" => (4, 5),
        "⅙" => (1, 6),
        "⅚" => (5, 6),
        "⅛" => (1, 8),
        "⅜" => (3, 8),
        "⅝" => (5, 8),
        "⅞" => (7, 8),
        _ => return None,
    };
    Some(Decimal::from(n) / Decimal::from(d))
}

fn apply_scale(total: Decimal, group: Decimal, p: u32, last: &mut Option<u32>) -> Option<Decimal> {
    let r = match *last {
        Some(l) if p > l => mul(total + group, pow10(p))?,
        _ => total + mul(group, pow10(p))?,
    };
    *last = Some(p);
    Some(r)
}

fn apply_exp(v: Decimal, e: Decimal, neg: bool) -> Option<Decimal> {
    if !e.fract().is_zero() || e > Decimal::from(27) {
        return None;
    }
    let p = e.to_string().parse::<u32>().ok()?;
    let f = Decimal::from_i128_with_scale(10i128.pow(p), 0);
    if neg {
        v.checked_div(f)
    } else {
        v.checked_mul(f)
    }
}

fn currency_adjective(w: &str) -> bool {
    matches!(
        w,
        "us" | "american"
            | "australian"
            | "canadian"
            | "singapore"
            | "singaporean"
            | "taiwan"
            | "taiwanese"
            | "swiss"
            | "lebanese"
            | "egyptian"
            | "pakistani"
            | "nepalese"
            | "kuwaiti"
            | "qatari"
            | "saudi"
            | "turkish"
            | "mexican"
            | "philippine"
            | "finnish"
            | "dutch"
            | "malaysian"
            | "malaysia"
            | "chinese"
            | "japanese"
            | "british"
            | "ukrainian"
            | "russian"
            | "indian"
            | "european"
            | "brazilian"
            | "polish"
            | "swedish"
            | "norwegian"
            | "danish"
            | "czech"
            | "hungarian"
            | "hk"
    )
}

/// Sub-unit tails (`and 43 cents`) apply to main units, not to `cents` themselves.
fn same_sign_dollar(c: Option<CurrencyCue>) -> bool {
    c.is_some()
}

/// Lets two amounts form a range when they measure the same thing, sharing currency,
/// percent and magnitude (`$300-350 billion`, `5-7%`, `7-9 lakh rupees`). Returns false when
/// they cannot (different currencies, low above high).
fn share(a: &mut Amount, b: &mut Amount) -> bool {
    if a.vague || b.vague {
        return false;
    }
    // `US $89 to $93 billion`: a bare `$` takes the dollar named in the other figure.
    let dollar = |c: Option<CurrencyCue>| match c {
        Some(CurrencyCue::Iso(code)) if lx::dollar_code(code) => c,
        _ => None,
    };
    match (a.currency, b.currency) {
        (Some(CurrencyCue::Dollar), other) if dollar(other).is_some() => a.currency = other,
        (other, Some(CurrencyCue::Dollar)) if dollar(other).is_some() => b.currency = other,
        _ => {}
    }
    if a.currency.is_some() && b.currency.is_some() && a.currency != b.currency {
        return false;
    }
    if a.percent != b.percent && a.percent {
        return false;
    }
    if a.unit.is_some() && b.unit.is_none() {
        return false;
    }
    if a.currency.is_none() && b.currency.is_some() {
        a.currency = b.currency;
    }
    if a.currency.is_some() && b.currency.is_none() {
        b.currency = a.currency;
    }
    if b.percent {
        a.percent = true;
    }
    if b.unit.is_some() && a.unit.is_none() {
        a.unit = b.unit.clone();
    }
    let (Some(mut lo), Some(hi)) = (a.value, b.value) else { return false };
    if a.scale.is_none() {
        if let Some(p) = b.scale {
            if let Some(scaled) = mul(lo, pow10(p)) {
                if scaled <= hi {
                    lo = scaled;
                }
            }
        }
    }
    if lo >= hi {
        return false;
    }
    // Years are not ranges of amounts (2013-14, 2022–2024).
    if a.plain_digits
        && b.plain_digits
        && a.currency.is_none()
        && !a.percent
        && (1800..=2100).contains(&lo.trunc().to_string().parse::<i64>().unwrap_or(0))
    {
        return false;
    }
    a.value = Some(lo);
    true
}

fn hedge_word(
    s: &Scanner<'_>,
    hedge: Option<(Hedge, usize, usize)>,
    opener: Option<&str>,
) -> Option<String> {
    if let Some((_, first, len)) = hedge {
        let words: Vec<&str> = (first..first + len).map(|i| s.w(i)).collect();
        return Some(words.join(" "));
    }
    opener.map(str::to_string)
}
