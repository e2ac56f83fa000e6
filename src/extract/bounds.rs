//! Bounds said after a figure or with a verb: `$30 billion or more`, `$30bn+`, `$20 billion
//! at the most`, `could top $20 billion`. Hedges before a figure (`more than`, `topped`, `a
//! minimum of`) are words of [`super::lexicon::hedge`]; this file reads the ones that need
//! the words around them.

use super::scanner::Scanner;
use super::Hedge;

impl Scanner<'_> {
    /// A bound right after an amount ending at token `e`: (hedge, next token, as written).
    pub(super) fn bound_after(&self, e: usize) -> Option<(Hedge, usize, &'static str)> {
        // `$30bn+`, `10+ years`; not `5+3`.
        if self.is_p(e, "+") && self.glued(e) && !(self.kind(e + 1).is_some() && self.glued(e + 1))
        {
            return Some((Hedge::AtLeast, e + 1, "+"));
        }
        if !self.same_line(e) || !self.same_line(e + 1) {
            return None;
        }
        match (self.w(e), self.w(e + 1), self.w(e + 2)) {
            ("or", "more" | "higher" | "above" | "greater" | "over", _) => {
                Some((Hedge::AtLeast, e + 2, "or more"))
            }
            ("or", "less" | "fewer" | "lower" | "below" | "under", _) => {
                Some((Hedge::AtMost, e + 2, "or less"))
            }
            ("at", "most", _) => Some((Hedge::AtMost, e + 2, "at most")),
            ("at", "the", "most") => Some((Hedge::AtMost, e + 3, "at the most")),
            ("at", "least", _) => Some((Hedge::AtLeast, e + 2, "at least")),
            ("at", "the", "least") => Some((Hedge::AtLeast, e + 3, "at the least")),
            _ => None,
        }
    }

    /// A modal or `to` before the verb at `i`: `could top`, `expected to top` (but not `the
    /// top 10`, `the top 1%`).
    pub(super) fn modal(&self, i: usize) -> bool {
        i >= 1
            && matches!(
                self.w(i - 1),
                "could" | "would" | "will" | "may" | "might" | "should" | "can" | "to" | "likely"
            )
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// `text` → (surface text, hedge, low, high) of each claim.
    fn bounds(text: &str) -> Vec<String> {
        extract(text)
            .into_iter()
            .map(|c| {
                let b =
                    |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string()).unwrap_or_default();
                let hedge = c.hedge.map(|h| h.as_str()).unwrap_or("");
                format!("{}|{hedge}|{}..{}", &text[c.start..c.end], b(c.low), b(c.high))
            })
            .collect()
    }

    #[test]
    fn bounds_after_the_figure() {
        for (text, want) in [
            ("Losses could be $30 billion or more.", "$30 billion or more|at-least|30000000000.."),
            ("Losses of $30bn+ are expected.", "$30bn+|at-least|30000000000.."),
            ("It costs $20 billion at the most.", "$20 billion at the most|at-most|..20000000000"),
            ("It costs 5% or less.", "5% or less|at-most|..5"),
            ("It took 10+ years.", "10+|at-least|10.."),
        ] {
            assert_eq!(bounds(text), [want], "{text}");
        }
        // `5+3` is arithmetic (the `3` glued after `+` is dropped as an identifier part).
        assert_eq!(bounds("It is 5+3."), ["5||.."]);
    }

    #[test]
    fn bounds_said_with_verbs() {
        for (text, want) in [
            ("Losses topped $20 billion.", "topped $20 billion|at-least|20000000000.."),
            ("Losses tops $20 billion.", "tops $20 billion|at-least|20000000000.."),
            ("Losses could top $20 billion.", "top $20 billion|at-least|20000000000.."),
            ("Losses could exceed $20 billion.", "exceed $20 billion|at-least|20000000000.."),
            ("Losses surpass $20 billion.", "surpass $20 billion|at-least|20000000000.."),
            (
                "Losses are seen as high as $20 billion.",
                "as high as $20 billion|at-most|..20000000000",
            ),
            (
                "It needs a minimum of $20 billion.",
                "a minimum of $20 billion|at-least|20000000000..",
            ),
            (
                "It costs no more than $20 billion.",
                "no more than $20 billion|at-most|..20000000000",
            ),
            ("It costs at the most $20 billion.", "at the most $20 billion|at-most|..20000000000"),
        ] {
            assert_eq!(bounds(text), [want], "{text}");
        }
        // `top` as an adjective is no bound.
        assert_eq!(bounds("The top 1% earn more."), ["1%||.."]);
        assert_eq!(bounds("The top 10 firms grew."), ["10||.."]);
    }
}
