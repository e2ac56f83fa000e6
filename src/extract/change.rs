//! Changes are not ranges: `raised tariffs from 84% to 125%` states an old rate and a new
//! one, `ups its estimate by $1.5bn to $27.4bn` a change and a new figure, `$5bn, up from
//! $4bn` a new figure and an old one. Each figure is its own claim with a [`Role`], so that
//! linking can compare the new figure with other sources' and never an interval spanning
//! both. `between X and Y` and `X to Y` with no change word stay ranges (`scanner.rs`).

use super::scanner::Scanner;
use super::{Kind, Role};

impl Scanner<'_> {
    /// A change word right before token `i` or a few words earlier, or `by` before it
    /// (`by $1.5bn to …` is a change however it was introduced).
    pub(super) fn change_at(&self, i: usize) -> bool {
        self.change_before(i) || i >= 1 && self.w(i - 1) == "by"
    }

    /// The role of a figure whose words are tokens `first..end`, from the words around it.
    pub(super) fn role(&self, first: usize, end: usize, kind: Kind) -> Option<Role> {
        if first >= 1 {
            let prev = self.w(first - 1);
            // Headlines put a few words between the verb and the figure: `ups its Ida loss
            // estimate by $1.5bn`.
            let changed =
                || (2..=7).any(|k| first > k && super::lexicon::change_verb(self.w(first - k)));
            match prev {
                "from" if changed() => return Some(Role::Before),
                // `by X to Y` is a change whatever the verb.
                "by" if changed() || self.w(end) == "to" => return Some(Role::Change),
                "to" if changed() => return Some(Role::After),
                // `rose 5%`, `down 3%`: a percent right after the verb is the change.
                _ if kind == Kind::Percent && super::lexicon::change_verb(prev) => {
                    return Some(Role::Change)
                }
                _ => {}
            }
        }
        // `$5bn, up from $4bn`: the new figure comes first.
        let k = if self.is_p(end, ",") { end + 1 } else { end };
        if matches!(self.w(k), "up" | "down") && self.w(k + 1) == "from" {
            return Some(Role::After);
        }
        None
    }

    /// After a claim with `role` that ends at token `next`: where the new value starts when
    /// `to` follows an old value or a change (`from 84% to 125%`, `by $1.5bn to $27.4bn`).
    pub(super) fn after_of(&self, role: Option<Role>, next: usize) -> Option<usize> {
        match role {
            Some(Role::Before | Role::Change) if self.w(next) == "to" => Some(next + 1),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Role};

    /// `text` → each claim's surface text and role.
    fn roles(text: &str) -> Vec<(String, Option<&'static str>)> {
        extract(text)
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.role.map(Role::as_str)))
            .collect()
    }

    fn check(text: &str, want: &[(&str, Option<&str>)]) {
        let want: Vec<_> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(roles(text), want, "{text}");
    }

    #[test]
    fn changes_are_two_figures_with_roles() {
        let (b, a, c) = (Some("before"), Some("after"), Some("change"));
        check("Trump raised tariffs from 84% to 125%.", &[("84%", b), ("125%", a)]);
        check("Verisk ups its estimate by $1.5bn to $27.4bn.", &[("$1.5bn", c), ("$27.4bn", a)]);
        check("Sales were $5bn, up from $4bn.", &[("$5bn", a), ("$4bn", b)]);
        check("Costs will increase to $5bn.", &[("$5bn", a)]);
        check("Costs increased by 5% to 40%.", &[("5%", c), ("40%", a)]);
        check("Prices rose 5% to 40%.", &[("5%", c), ("40%", a)]);
        check("Prices rose from about 5% to 7%.", &[("about 5%", b), ("7%", a)]);
        check(
            "PCS ups its Ida loss estimate by $1.5bn to $27.4bn",
            &[("$1.5bn", c), ("$27.4bn", a)],
        );
        check("Its estimate went by $1.5bn to $27.4bn", &[("$1.5bn", c), ("$27.4bn", a)]);
    }

    #[test]
    fn ranges_without_a_change_stay_ranges() {
        check(
            "Losses were between $35 billion and $45 billion.",
            &[("between $35 billion and $45 billion", None)],
        );
        check(
            "Losses were between $35 billion to $45 billion.",
            &[("between $35 billion to $45 billion", None)],
        );
        check("Losses were $35 billion to $45 billion.", &[("$35 billion to $45 billion", None)]);
        check("Rates ranged from 5% to 7%.", &[("from 5% to 7%", None)]);
        check("It cost $5bn.", &[("$5bn", None)]);
    }
}
