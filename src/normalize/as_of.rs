//! When a figure held: a date its sentence gives ("on September 13", "13 Sept", "in March
//! 2025"), else the source's `published` date. A month without a day is a month: the span of
//! its days.

use jiff::civil::Date;

/// The days a figure held, first and last (the same day for a day, a whole month for a
/// month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AsOf {
    pub first: Date,
    pub last: Date,
}

impl AsOf {
    pub fn day(d: Date) -> AsOf {
        AsOf { first: d, last: d }
    }

    /// Whether the two spans come within `window` days of each other (share a day, for 0).
    pub fn near(&self, other: &AsOf, window: i64) -> bool {
        let back = |d: Date| d.checked_sub(jiff::Span::new().days(window)).unwrap_or(d);
        back(self.first) <= other.last && back(other.first) <= self.last
    }

    /// The smallest span holding both.
    pub fn hull(&self, other: &AsOf) -> AsOf {
        AsOf { first: self.first.min(other.first), last: self.last.max(other.last) }
    }

    /// `2025-02-14`, or `2025-02` for a whole month.
    pub fn show(&self) -> String {
        if self.first == self.last {
            return self.first.to_string();
        }
        format!("{:04}-{:02}", self.first.year(), self.first.month())
    }
}

/// The as-of span of a claim: the date its sentence gives, read against `published` (a date
/// without a year is the last such date on or before `published`), else `published`.
pub fn as_of(sentence: &str, published: Option<Date>) -> Option<AsOf> {
    sentence_date(sentence, published).or(published.map(AsOf::day))
}

fn month_number(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        ("jan", "january"),
        ("feb", "february"),
        ("mar", "march"),
        ("apr", "april"),
        ("may", "may"),
        ("jun", "june"),
        ("jul", "july"),
        ("aug", "august"),
        ("sep", "september"),
        ("oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ];
    months
        .iter()
        .position(|(short, long)| w == *short || w == *long || (w == "sept" && *short == "sep"))
        .map(|i| i as i8 + 1)
}

fn day_number(w: &str) -> Option<i8> {
    let w = w.trim_end_matches([',', '.']);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i16> {
    let w = w.trim_end_matches([',', '.', ')']);
    (w.len() == 4).then(|| w.parse::<i16>().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// The first date the sentence names: "September 13", "Sept. 13, 2021", "13 September
/// 2021", or a month with a year ("in March 2025", a month span). "May" needs a day or year
/// after it (it is also a verb).
fn sentence_date(sentence: &str, published: Option<Date>) -> Option<AsOf> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else { continue };
        if !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let prev = if i > 0 { words[i - 1] } else { "" };
        let (day, year) = if let Some(d) = day_number(next) {
            (Some(d), words.get(i + 2).and_then(|y| year_number(y)))
        } else if let Some(d) = day_number(prev).filter(|_| !prev.ends_with(',')) {
            (Some(d), year_number(next))
        } else {
            (None, year_number(next))
        };
        if day.is_none() && year.is_none() {
            continue;
        }
        let year = match (year, published) {
            (Some(y), _) => y,
            (None, Some(p)) => {
                let d = day.unwrap_or(1);
                let this = Date::new(p.year(), month, d).ok()?;
                if this > p {
                    p.year() - 1
                } else {
                    p.year()
                }
            }
            (None, None) => return None,
        };
        return match day {
            Some(d) => Date::new(year, month, d).ok().map(AsOf::day),
            None => {
                let first = Date::new(year, month, 1).ok()?;
                Some(AsOf { first, last: first.last_of_month() })
            }
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<String> {
        as_of(s, Some("2021-09-20".parse().unwrap())).map(|a| a.show())
    }

    #[test]
    fn dates_in_the_sentence_win_over_the_published_date() {
        assert_eq!(at("KCC put losses at $18 billion on August 30."), Some("2021-08-30".into()));
        assert_eq!(at("RMS said on Sept. 16 that losses were $31bn."), Some("2021-09-16".into()));
        assert_eq!(at("On 13 September 2021, AIR said $20bn."), Some("2021-09-13".into()));
        assert_eq!(at("In March 2025 the fund held $5bn."), Some("2025-03".into()));
        // A day after the published date is last year's.
        assert_eq!(at("On December 3 it was $5bn."), Some("2020-12-03".into()));
        // "May" as a verb, and no date at all.
        assert_eq!(at("Losses may reach $30 billion."), Some("2021-09-20".into()));
        assert_eq!(as_of("Losses may reach $30 billion.", None), None);
    }

    #[test]
    fn spans_are_near_within_a_window() {
        let d = |s: &str| AsOf::day(s.parse().unwrap());
        assert!(d("2021-09-01").near(&d("2021-09-01"), 0));
        assert!(!d("2021-09-01").near(&d("2021-09-05"), 3));
        assert!(d("2021-09-01").near(&d("2021-09-04"), 3));
        let march =
            AsOf { first: "2025-03-01".parse().unwrap(), last: "2025-03-31".parse().unwrap() };
        assert!(march.near(&d("2025-03-15"), 0));
        assert!(!march.near(&d("2025-04-15"), 7));
    }
}
