//! Linking: attaches each claim to the metrics whose words occur *near that claim*, and keeps
//! the words that did it so `check --explain` can say why.
//!
//! A claim's **clause** is the stretch of its sentence around it, bounded by the sentence
//! ends, hard breaks (`;`, `:`, a spaced dash) and the neighbouring claims (an inline
//! conversion's two amounts count as one). A claim joins a metric when:
//! - the metric's `kind` fits the claim (`number` also takes counts; a count metric with a
//!   `unit` wants that noun);
//! - one of its `near` words occurs in the clause;
//! - one of its `also` words, if it has any, occurs anywhere in the sentence;
//! - none of its `not` words occurs in the clause *at least as close* to the claim as the
//!   nearest `near` word. ("114.2 billion euros in financial, humanitarian and military aid"
//!   is total aid: `financial` is nearer than `military`.)
//!
//! A claim that several metrics would take goes to the one whose `near` word is nearest (all
//! of them on a tie), and to any metric that says `share = true`. A word inside a longer
//! phrase of another metric counts only for that phrase ("existing commitment").
//!
//! Words match case-insensitively as whole words or phrases. All metrics' words go into one
//! Aho-Corasick automaton, run once per sentence, so the cost does not grow with the number
//! of metrics per claim.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::config::Metric;
use crate::extract::{Claim, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Near,
    Also,
    Not,
    /// `not-sentence`: anywhere in the sentence, it vetoes.
    NotSentence,
}

/// Why a claim joined a metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Index into the metrics given to [`Linker::new`].
    pub metric: usize,
    /// The nearest `near` word as written in the text, and its distance in words.
    pub near: (String, usize),
    /// The `also` word found in the sentence, if the metric has `also` words.
    pub also: Option<String>,
    /// Made by a `[[claim]]` override in rules.toml, not by words: it bypasses the metric's
    /// scope and the choice of one metric.
    pub by_hand: bool,
}

impl Link {
    /// A link a `[[claim]]` override makes.
    pub fn by_hand(metric: usize) -> Link {
        Link { metric, near: (String::new(), 0), also: None, by_hand: true }
    }
}

impl Link {
    /// `"aid" 2 words away; "United States" in the sentence`
    pub fn explain(&self) -> Vec<String> {
        if self.by_hand {
            return vec!["a [[claim]] in rules.toml".into()];
        }
        let away =
            if self.near.1 == 1 { "1 word".to_string() } else { format!("{} words", self.near.1) };
        let mut out = vec![format!("near: \"{}\" ({away} away)", self.near.0)];
        if let Some(a) = &self.also {
            out.push(format!("also: \"{a}\" in the sentence"));
        }
        out
    }
}

/// Why no metric took a claim: the metric that came closest (`usize::MAX` when none did) and
/// what stopped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub metric: usize,
    pub why: Why,
}

/// What stopped a metric from taking a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Its nearest `near` word (as written, distance in words) is in the sentence but outside
    /// the claim's clause.
    OutsideClause((String, usize)),
    /// A `not` word at least as near as its nearest `near` word.
    Vetoed((String, usize), (String, usize)),
    /// A `near` word, but a `not-sentence` word in the sentence.
    SentenceVeto((String, usize), String),
    /// A `near` word, but none of its `also` words in the sentence.
    NoAlso((String, usize)),
    /// No metric of the claim's kind has a word in the sentence.
    NoWords,
    /// No metric takes claims of this kind (`money`, `count`…).
    NoMetric(&'static str),
}

impl Why {
    fn distance(&self) -> usize {
        match self {
            Why::OutsideClause((_, d))
            | Why::Vetoed((_, d), _)
            | Why::SentenceVeto((_, d), _)
            | Why::NoAlso((_, d)) => *d,
            Why::NoWords | Why::NoMetric(_) => usize::MAX,
        }
    }
}

impl Miss {
    /// In words, naming the metric by `ids[metric]`: `nearest metric \`us-aid-total\`: "aid" 2
    /// words away, but "military" (1 word away) vetoes it`.
    pub fn explain(&self, ids: &[String]) -> String {
        let words = |d: usize| if d == 1 { "1 word".to_string() } else { format!("{d} words") };
        let metric = ids.get(self.metric).map(|id| format!("nearest metric `{id}`: "));
        let metric = metric.unwrap_or_default();
        match &self.why {
            Why::OutsideClause((w, d)) => format!(
                "{metric}\"{w}\" {} away, but outside the claim's clause (another figure, `;`, `:` or a dash comes between)",
                words(*d)
            ),
            Why::Vetoed((w, d), (v, vd)) => format!(
                "{metric}\"{w}\" {} away, but its not word \"{v}\" ({} away) is as near or nearer",
                words(*d),
                words(*vd)
            ),
            Why::SentenceVeto((w, d), v) => format!(
                "{metric}\"{w}\" {} away, but its not-sentence word \"{v}\" is in the sentence",
                words(*d)
            ),
            Why::NoAlso((w, d)) => format!(
                "{metric}\"{w}\" {} away, but none of its also words is in the sentence",
                words(*d)
            ),
            Why::NoWords => "no metric of its kind has a word in its sentence".into(),
            Why::NoMetric(kind) => format!("no metric takes {kind} claims"),
        }
    }
}

/// Links claims to metrics; build once per run.
pub struct Linker {
    ac: Option<AhoCorasick>,
    /// Pattern id → (metric index, role).
    roles: Vec<(usize, Role)>,
    kinds: Vec<(Kind, Vec<String>, bool)>,
    /// Per metric: `share = true`, it takes claims that also join other metrics.
    shares: Vec<bool>,
}

impl Linker {
    pub fn new(metrics: &[Metric]) -> Linker {
        let mut patterns = Vec::new();
        let mut roles = Vec::new();
        for (m, metric) in metrics.iter().enumerate() {
            for (role, words) in [
                (Role::Near, &metric.near),
                (Role::Also, &metric.also),
                (Role::Not, &metric.not),
                (Role::NotSentence, &metric.not_sentence),
            ] {
                for w in words {
                    let w = w.trim();
                    if !w.is_empty() {
                        patterns.push(w.to_string());
                        roles.push((m, role));
                    }
                }
            }
        }
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("plain literal patterns always build")
        });
        let kinds = metrics
            .iter()
            .map(|m| {
                let units = m.unit.iter().chain(&m.units).cloned().collect();
                (m.kind, units, !m.also.is_empty())
            })
            .collect();
        let shares = metrics.iter().map(|m| m.share).collect();
        Linker { ac, roles, kinds, shares }
    }

    /// For each claim of one text, the metrics it joins.
    pub fn link(&self, text: &str, claims: &[Claim]) -> Vec<Vec<Link>> {
        self.link_explained(text, claims)
            .into_iter()
            .map(|(links, _)| self.exclusive(links))
            .collect()
    }

    /// Every metric whose words take each claim (before [`Linker::exclusive`] picks the
    /// best, so a caller can first drop the metrics whose scope leaves the claim out), and for
    /// each claim no metric took, why not: the metric that came closest and what stopped it.
    pub fn link_explained(&self, text: &str, claims: &[Claim]) -> Vec<(Vec<Link>, Option<Miss>)> {
        let none =
            |c: &Claim| Some(Miss { metric: usize::MAX, why: Why::NoMetric(c.kind.as_str()) });
        let mut out: Vec<(Vec<Link>, Option<Miss>)> =
            claims.iter().map(|c| (Vec::new(), none(c))).collect();
        let Some(ac) = &self.ac else { return out };
        let mut i = 0;
        while i < claims.len() {
            // Claims of one sentence are handled together.
            let sentence = claims[i].sentence;
            let mut j = i;
            while j < claims.len() && claims[j].sentence == sentence {
                j += 1;
            }
            let (flat, map) = collapse_whitespace(&text[sentence.0..sentence.1]);
            let mut hits: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(&flat)
                .filter(|m| whole_word(&flat, m.start(), m.end()))
                .map(|m| {
                    (
                        m.pattern().as_usize(),
                        sentence.0 + map[m.start()],
                        sentence.0 + map[m.end() - 1] + 1,
                    )
                })
                .collect();
            self.longest_phrases(&mut hits);
            let breaks = hard_breaks(text, sentence);
            for k in i..j {
                let (lo, hi) = clause(text, claims, k, i, j, &breaks, sentence);
                let (links, miss) = self.links_for(text, &claims[k], k, claims, (lo, hi), &hits);
                let miss = if links.is_empty() { miss } else { None };
                out[k] = (links, miss);
            }
            i = j.max(i + 1);
        }
        out
    }

    /// Drops every hit that lies inside a longer hit of another metric: the more specific
    /// phrase speaks for the words in it ("existing commitment" of one metric, not the
    /// "commitment" of another).
    fn longest_phrases(&self, hits: &mut Vec<(usize, usize, usize)>) {
        let inside = |&(p, s, e): &(usize, usize, usize), all: &[(usize, usize, usize)]| {
            all.iter().any(|&(q, s2, e2)| {
                self.roles[q].0 != self.roles[p].0 && s2 <= s && e <= e2 && e2 - s2 > e - s
            })
        };
        let all = hits.clone();
        hits.retain(|h| !inside(h, &all));
    }

    fn links_for(
        &self,
        text: &str,
        claim: &Claim,
        k: usize,
        claims: &[Claim],
        (lo, hi): (usize, usize),
        hits: &[(usize, usize, usize)],
    ) -> (Vec<Link>, Option<Miss>) {
        // The claim's own span, extended over its inline-conversion partner.
        let (mut cs, mut ce) = (claim.start, claim.end);
        if restates_previous(claims, k, 0) && claims[k - 1].sentence == claim.sentence {
            cs = cs.min(claims[k - 1].start);
        }
        if claims.get(k + 1).is_some_and(|n| n.sentence == claim.sentence)
            && restates_previous(claims, k + 1, 0)
        {
            ce = ce.max(claims[k + 1].end);
        }
        let mut links = Vec::new();
        // The metric that came closest to taking the claim, and what stopped it.
        let mut miss: Option<Miss> = None;
        let mut fitting = false;
        for (m, (kind, units, has_also)) in self.kinds.iter().enumerate() {
            if !kind_fits(*kind, units, claim) {
                continue;
            }
            fitting = true;
            let mut near: Option<(String, usize)> = None;
            let mut outside: Option<(String, usize)> = None;
            let mut not_word: Option<(String, usize)> = None;
            let mut sentence_veto: Option<(String, usize)> = None;
            let mut also: Option<String> = None;
            for &(p, s, e) in hits {
                let (pm, role) = self.roles[p];
                if pm != m {
                    continue;
                }
                let in_clause = s >= lo && e <= hi && (e <= cs || s >= ce);
                let dist = if e <= cs {
                    word_count(&text[e..cs])
                } else {
                    word_count(&text[ce.min(s)..s])
                };
                let word = || (text[s..e].to_string(), dist);
                match role {
                    Role::Near if in_clause && near.as_ref().is_none_or(|(_, d)| dist < *d) => {
                        near = Some(word());
                    }
                    Role::Near if !in_clause && outside.as_ref().is_none_or(|(_, d)| dist < *d) => {
                        outside = Some(word());
                    }
                    Role::Not if in_clause && not_word.as_ref().is_none_or(|(_, d)| dist < *d) => {
                        not_word = Some(word());
                    }
                    Role::Also if also.is_none() => {
                        also = Some(text[s..e].to_string());
                    }
                    Role::NotSentence if sentence_veto.is_none() => {
                        sentence_veto = Some(word());
                    }
                    _ => {}
                }
            }
            let why = match (&near, &not_word) {
                (Some(n), _) if sentence_veto.is_some() => {
                    Some(Why::SentenceVeto(n.clone(), sentence_veto.clone().unwrap_or_default().0))
                }
                (None, _) => outside.map(Why::OutsideClause),
                (Some(n), Some(v)) if v.1 <= n.1 => Some(Why::Vetoed(n.clone(), v.clone())),
                (Some(n), _) if *has_also && also.is_none() => Some(Why::NoAlso(n.clone())),
                (Some(_), _) => None,
            };
            if let Some(why) = why {
                let distance = why.distance();
                if miss.as_ref().is_none_or(|m| distance < m.why.distance()) {
                    miss = Some(Miss { metric: m, why });
                }
                continue;
            }
            let Some(near) = near else { continue };
            links.push(Link { metric: m, near, also, by_hand: false });
        }
        if links.is_empty() && miss.is_none() {
            miss = Some(Miss {
                metric: usize::MAX,
                why: if fitting { Why::NoWords } else { Why::NoMetric(claim.kind.as_str()) },
            });
        }
        (links, miss)
    }

    /// A claim goes to its best metric: the one whose `near` word is nearest (all of them on
    /// a tie), plus any metric with `share = true` it joins. One figure is rarely two
    /// quantities; a claim counted in several metrics sets each against the others' figures.
    pub fn exclusive(&self, mut links: Vec<Link>) -> Vec<Link> {
        let best = links.iter().map(|l| l.near.1).min();
        if let Some(best) = best {
            links.retain(|l| self.shares[l.metric] || l.near.1 == best);
        }
        links
    }
}

/// `s` with every whitespace run as one space, and for each byte of the result the offset of
/// the byte it came from (so matches map back to the text as written).
fn collapse_whitespace(s: &str) -> (String, Vec<usize>) {
    let mut flat = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                flat.push(' ');
                map.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        flat.push(c);
        map.extend(i..i + c.len_utf8());
    }
    (flat, map)
}

fn kind_fits(kind: Kind, units: &[String], claim: &Claim) -> bool {
    let wants_years = units.iter().any(|u| u == "year" || u == "years");
    match (kind, claim.kind) {
        (Kind::Money, Kind::Money) => true,
        (Kind::Percent, Kind::Percent) => claim.unit.is_none(),
        // Years are numbers with unit `year`: only a metric that asks for years takes them.
        (Kind::Number, Kind::Number | Kind::Count) => {
            claim.unit.as_deref() != Some("year") || wants_years
        }
        (Kind::Count, Kind::Count | Kind::Number) if claim.unit.as_deref() == Some("year") => {
            wants_years
        }
        (Kind::Count, Kind::Count) => match claim.unit.as_deref() {
            _ if units.is_empty() => true,
            Some(got) => units.iter().any(|want| same_unit(want, got)),
            None => false,
        },
        _ => false,
    }
}

/// Whether a count's noun is the unit a metric asks for: the same word (singular or plural),
/// or words the built-in table counts as one thing ("27 lives" are people; properties,
/// homes and houses are structures).
pub fn same_unit(want: &str, got: &str) -> bool {
    let (w, g) = (singular(&want.to_lowercase()), singular(&got.to_lowercase()));
    w == g || unit_class(&w).is_some_and(|c| unit_class(&g) == Some(c))
}

fn singular(w: &str) -> String {
    let w = w.trim();
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match w {
        "people" | "lives" | "children" | "men" | "women" => w.to_string(),
        _ => w.strip_suffix('s').unwrap_or(w).to_string(),
    }
}

/// The built-in synonym table for count units (singular, lower case).
fn unit_class(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" | "person" | "lives" | "life" | "resident" | "individual" | "civilian"
        | "victim" | "inhabitant" => "people",
        "death" | "fatality" | "dead" => "deaths",
        "structure" | "building" | "home" | "house" | "property" | "residence" | "dwelling" => {
            "structures"
        }
        "country" | "nation" | "state" => "countries",
        "job" | "position" | "post" => "jobs",
        "share" | "stock" => "shares",
        _ => return None,
    })
}

fn whole_word(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Byte offsets of hard breaks inside a sentence: `;`, `:`, a spaced dash (`—`, `–`, `--`).
fn hard_breaks(text: &str, sentence: (usize, usize)) -> Vec<usize> {
    let s = &text[sentence.0..sentence.1];
    let mut out = Vec::new();
    // Inside a dashed aside that restates the figure ("40,000 acres – or around 16,200
    // hectares – have burned"), neither dash is a break.
    let mut in_aside = false;
    for (i, c) in s.char_indices() {
        let spaced = s[i + c.len_utf8()..].starts_with(char::is_whitespace);
        let is_break = match c {
            ';' => true,
            ':' => spaced,
            '—' | '–' => spaced || s[..i].ends_with(char::is_whitespace),
            '-' => s[i..].starts_with("--") && s[i + 2..].starts_with(char::is_whitespace),
            _ => false,
        };
        if !is_break {
            continue;
        }
        if matches!(c, '—' | '–' | '-') {
            if in_aside {
                in_aside = false;
                continue;
            }
            let after = s[i..].trim_start_matches(['—', '–', '-']).trim_start();
            if after.starts_with("or ") {
                in_aside = true;
                continue;
            }
        }
        out.push(sentence.0 + i);
    }
    out
}

/// Whether claim `k` restates the claim just before it, and that claim is at index `i` or
/// later (an inline conversion: `114.2 billion euros ($119.8 billion)`). Claims read from a
/// claims file may say anything in `restates`; only this shape counts.
fn restates_previous(claims: &[Claim], k: usize, i: usize) -> bool {
    k > i && claims[k].restates == Some(k - 1)
}

/// The clause of claim `k` (claims `i..j` share its sentence).
fn clause(
    text: &str,
    claims: &[Claim],
    k: usize,
    i: usize,
    j: usize,
    breaks: &[usize],
    sentence: (usize, usize),
) -> (usize, usize) {
    // Treat an inline-conversion pair as one amount, when both are in this sentence.
    let first = if restates_previous(claims, k, i) { k - 1 } else { k };
    let last = if k + 1 < j && restates_previous(claims, k + 1, i) { k + 1 } else { k };
    let (cs, ce) = (claims[first].start, claims[last].end);
    let mut lo = sentence.0;
    let mut hi = sentence.1;
    // Neighbouring amounts of the same kind bound the clause; years ("since 2022") and
    // figures of another kind ("111 billion tons" beside a money claim) do not.
    let own_kind = claims[k].kind;
    let money = |kind: Kind| kind == Kind::Money;
    let bounds = |c: &Claim| c.unit.as_deref() != Some("year") && money(c.kind) == money(own_kind);
    if let Some(prev) = claims[i..first].iter().rev().find(|c| bounds(c)) {
        lo = lo.max(prev.end);
    }
    // A figure in a dashed "or" aside restates this one ("40,000 acres – or around 16,200
    // hectares –"): it does not end this one's clause.
    let aside = |n: usize| {
        // What follows the last dash before the figure: "or", "or about" (the hedge may be
        // part of the figure), after the first figure's noun ("acres – or around").
        let between = &text[claims[n - 1].end..claims[n].start];
        let dashed = between.contains(['—', '–']) || between.contains(" - ");
        let tail = between.rsplit(['—', '–', '-']).next().unwrap_or("").trim();
        dashed && (tail == "or" || tail.starts_with("or "))
    };
    if let Some(next) = (last + 1..j).find(|&n| bounds(&claims[n]) && !aside(n)) {
        hi = hi.min(claims[next].start);
    }
    for &b in breaks {
        if b < cs {
            lo = lo.max(b);
        } else if b >= ce {
            hi = hi.min(b);
        }
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Rules;

    fn rules() -> Rules {
        Rules::parse(
            "rules.toml",
            r#"
[[metric]]
id = "total"
kind = "money"
near = ["aid", "help", "financial", "humanitarian"]
not = ["military"]

[[metric]]
id = "military"
kind = "money"
near = ["military"]
not = ["humanitarian", "financial"]
"#,
        )
        .unwrap()
    }

    fn linked(text: &str) -> Vec<(String, Vec<String>)> {
        let r = rules();
        let claims = crate::extract::extract(text);
        let links = Linker::new(&r.metrics).link(text, &claims);
        claims
            .iter()
            .zip(links)
            .map(|(c, ls)| {
                (
                    text[c.start..c.end].to_string(),
                    ls.iter().map(|l| r.metrics[l.metric].id.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_total_and_its_part_in_one_sentence_link_apart() {
        let got = linked("The Kiel Institute said the United States gave 114.2 billion euros ($119.8 billion) in financial, humanitarian and military aid — with 64 billion euros in military help.");
        assert_eq!(
            got,
            vec![
                ("114.2 billion euros".into(), vec!["total".to_string()]),
                ("$119.8 billion".into(), vec!["total".to_string()]),
                ("64 billion euros".into(), vec!["military".to_string()]),
            ]
        );
    }

    #[test]
    fn a_claim_goes_to_its_nearest_metric_unless_one_shares() {
        let rules = |share: &str| {
            Rules::parse(
                "rules.toml",
                &format!(
                    "[[metric]]\nid = \"new-goal\"\nkind = \"money\"\nnear = [\"pledged\"]\n\
                     [[metric]]\nid = \"old-goal\"\nkind = \"money\"\nnear = [\"old goal\"]\n{share}\n"
                ),
            )
            .unwrap()
        };
        let text =
            "Rich countries pledged $300 billion a year, up from the old goal of $100 billion.";
        let claims = crate::extract::extract(text);
        let ids = |r: &Rules| -> Vec<Vec<String>> {
            Linker::new(&r.metrics)
                .link(text, &claims)
                .iter()
                .map(|ls| ls.iter().map(|l| r.metrics[l.metric].id.clone()).collect())
                .collect()
        };
        let exclusive = rules("");
        assert_eq!(
            ids(&exclusive),
            vec![vec!["new-goal".to_string()], vec!["old-goal".to_string()]]
        );
        // "old goal" is in the first figure's clause too (it runs to the next figure), so a
        // sharing `old-goal` takes it as well.
        let shared = rules("share = true");
        assert_eq!(
            ids(&shared),
            vec![
                vec!["new-goal".to_string(), "old-goal".to_string()],
                vec!["old-goal".to_string()]
            ]
        );
    }

    #[test]
    fn a_longer_phrase_speaks_for_the_words_in_it() {
        let r = Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"new-goal\"\nkind = \"money\"\nnear = [\"commitment\"]\n\
             [[metric]]\nid = \"old-goal\"\nkind = \"money\"\nnear = [\"existing commitment\"]\n",
        )
        .unwrap();
        let text = "The deal raised an existing commitment of US$100 billion a year.";
        let claims = crate::extract::extract(text);
        let links = Linker::new(&r.metrics).link(text, &claims);
        let ids: Vec<&str> = links[0].iter().map(|l| r.metrics[l.metric].id.as_str()).collect();
        assert_eq!(ids, vec!["old-goal"]);
    }

    #[test]
    fn an_or_aside_between_dashes_and_a_figure_of_another_kind_do_not_cut_the_clause() {
        let r = Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"burned\"\nkind = \"count\"\nnear = [\"burned\"]\n\
             [[metric]]\nid = \"cost\"\nkind = \"money\"\nnear = [\"cost\"]\n",
        )
        .unwrap();
        let ids = |text: &str| -> Vec<Vec<String>> {
            let claims = crate::extract::extract(text);
            Linker::new(&r.metrics)
                .link(text, &claims)
                .iter()
                .map(|ls| ls.iter().map(|l| r.metrics[l.metric].id.clone()).collect())
                .collect()
        };
        assert_eq!(
            ids("More than 40,000 acres – or around 16,200 hectares – have burned."),
            vec![vec!["burned".to_string()], vec!["burned".to_string()]]
        );
        let got = ids("The cost was $5 billion for 111 million tons of grain.");
        assert_eq!(got[0], vec!["cost".to_string()]);
    }

    #[test]
    fn a_not_sentence_word_anywhere_in_the_sentence_vetoes() {
        let r = Rules::parse(
            "rules.toml",
            "[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\nnot-sentence = [\"Katrina\"]\n",
        )
        .unwrap();
        let text = "The aid reached $5 billion, the most since Katrina. The aid was $6 billion.";
        let claims = crate::extract::extract(text);
        let links = Linker::new(&r.metrics).link(text, &claims);
        assert!(links[0].is_empty());
        assert_eq!(links[1].len(), 1);
    }

    #[test]
    fn nothing_links_without_its_words() {
        let got = linked("Please support us monthly starting from just $2.");
        assert_eq!(got, vec![("$2".into(), vec![])]);
    }
}
