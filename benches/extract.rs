//! Throughput of `extract::extract` on synthetic news text, single-threaded.
//!
//! The text is generated here, deterministically (fixed seed, no files, no Python), in the
//! style of `scripts/gen-corpus.py`: ~4 KB articles on budgets, aid, trade and markets with
//! money, percents, ranges, vague amounts, counts, dates, years, times and attributed quotes.
//!
//! Three benchmarks over ~4 MB each:
//! - `articles`: one `extract` call per article, as `crosscheck extract` does per file,
//!   every sentence carrying figures (the extractor's worst case);
//! - `one_text`: the same corpus as a single text (long-input behaviour);
//! - `wire_articles`: wire-copy density: four sentences in five are prose with no figure,
//!   which gives one claim per ~370 bytes, like `scripts/gen-corpus.py`'s corpora (380) and
//!   the sample articles in `seeds/` (430). The realistic case.
//!
//! Run with `cargo bench --bench extract`; see docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::extract;

const CORPUS_BYTES: usize = 4 << 20;
const ARTICLE_BYTES: usize = 4096;

/// SplitMix64: small, fast, deterministic; good enough to pick words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const COUNTRIES: &[&str] = &[
    "Ukraine",
    "Germany",
    "France",
    "Japan",
    "Brazil",
    "India",
    "Canada",
    "Poland",
    "Kenya",
    "Mexico",
    "the United States",
    "the United Kingdom",
    "China",
];
const INSTITUTIONS: &[&str] = &[
    "the Kiel Institute",
    "the International Monetary Fund",
    "the World Bank",
    "the European Commission",
    "the Treasury",
    "the central bank",
    "the Congressional Budget Office",
    "the OECD",
    "Eurostat",
    "the Federal Reserve",
];
const PEOPLE: &[&str] = &[
    "Volodymyr Zelensky, Ukraine's president,",
    "Christine Lagarde, the ECB president,",
    "Rachel Reeves, the chancellor,",
    "Maria Lopez, an economist at ING,",
    "David Chen, a strategist at Barclays,",
    "Kenji Watanabe, a finance ministry spokesman,",
];
const SECTORS: &[&str] = &[
    "defence",
    "health care",
    "infrastructure",
    "energy subsidies",
    "pensions",
    "education",
    "housing",
    "debt service",
];
const GOODS: &[&str] =
    &["steel", "semiconductors", "soybeans", "crude oil", "cars", "wheat", "solar panels"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const HEDGES: &[&str] =
    &["about", "around", "roughly", "nearly", "more than", "at least", "up to", "an estimated"];
const VAGUE: &[&str] = &[
    "hundreds of billions of dollars",
    "tens of billions of euros",
    "billions of dollars",
    "several trillion dollars",
    "half a trillion dollars",
];
const SAY: &[&str] =
    &["said", "told reporters", "said in a statement", "told AFP", "said on Friday"];

struct Gen {
    r: Rng,
    out: String,
    /// Share of sentences, in percent, that are prose with no figure.
    prose_percent: u64,
}

impl Gen {
    fn amount(&mut self) -> String {
        let whole = self.r.range(1, 999);
        match self.r.range(0, 2) {
            0 => whole.to_string(),
            _ => format!("{whole}.{}", self.r.range(0, 9)),
        }
    }

    fn grouped(&mut self, lo: u64, hi: u64) -> String {
        let digits = self.r.range(lo, hi).to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        out
    }

    fn money(&mut self) -> String {
        let a = self.amount();
        match self.r.range(0, 11) {
            0 => format!("${a} billion"),
            1 => format!("${a}bn"),
            2 => format!("€{a}bn"),
            3 => format!("£{a}m"),
            4 => format!("${a} million"),
            5 => format!("{a} billion euros"),
            6 => format!("{a} billion dollars"),
            7 => format!("US${a} billion"),
            8 => format!("${}", self.grouped(1_000, 9_999_999)),
            9 => format!("{a} billion euros (${} billion)", self.amount()),
            10 => format!("€{} million", self.grouped(100, 99_999)),
            _ => format!("{} trillion dollars", self.r.pick(&["half a", "one", "five"])),
        }
    }

    fn money_phrase(&mut self) -> String {
        match self.r.range(0, 19) {
            0..=2 => {
                let lo = self.r.range(10, 400);
                let hi = lo + self.r.range(5, 300);
                format!("between ${lo} billion and ${hi} billion")
            }
            3..=4 => self.r.pick(VAGUE).to_string(),
            5..=10 => format!("{} {}", self.r.pick(HEDGES), self.money()),
            _ => self.money(),
        }
    }

    fn percent(&mut self) -> String {
        let v = self.amount();
        match self.r.range(0, 4) {
            0 => format!("{v}%"),
            1 => format!("{v} per cent"),
            2 => format!("{v} percent"),
            3 => format!("{} {v} per cent", self.r.pick(HEDGES)),
            _ => format!("{}.{} percentage points", self.r.range(0, 4), self.r.range(1, 9)),
        }
    }

    fn date(&mut self) -> String {
        let (m, d, y) = (self.r.pick(MONTHS), self.r.range(1, 28), self.r.range(2015, 2025));
        match self.r.range(0, 3) {
            0 => format!("{m} {d}, {y}"),
            1 => format!("{d} {m} {y}"),
            2 => format!("{y}-{:02}-{d:02}", self.r.range(1, 12)),
            _ => format!("{}/{d}/{y}", self.r.range(1, 12)),
        }
    }

    fn who(&mut self) -> &'static str {
        if self.r.chance(50) {
            self.r.pick(INSTITUTIONS)
        } else {
            self.r.pick(PEOPLE)
        }
    }

    /// A sentence with no figure, as most of a wire story is.
    fn prose(&mut self) -> String {
        let country = self.r.pick(COUNTRIES);
        let sector = self.r.pick(SECTORS);
        match self.r.range(0, 4) {
            0 => format!(
                "Officials in {country} said the plan for {sector} would be reviewed before \
                 parliament votes on it, and opposition leaders called for a public inquiry."
            ),
            1 => format!(
                "{} has repeatedly warned that the pace of spending on {sector} is hard to \
                 sustain without broader reforms to the tax system.",
                self.r.pick(INSTITUTIONS)
            ),
            2 => format!(
                "The announcement came as ministers from {country} met their counterparts in \
                 Brussels, where talks on trade and security continued late into the night."
            ),
            3 => format!(
                "Analysts said investors would watch closely for signs that the government in \
                 {country} intends to change course, {} {}.",
                self.who(),
                self.r.pick(SAY)
            ),
            _ => format!(
                "Critics said the programme for {sector} lacked detail and relied on optimistic \
                 assumptions about growth, while supporters praised its ambition."
            ),
        }
    }

    fn sentence(&mut self) -> String {
        if self.r.chance(self.prose_percent) {
            return self.prose();
        }
        let country = self.r.pick(COUNTRIES);
        let sector = self.r.pick(SECTORS);
        let year = self.r.range(2015, 2030);
        let s = match self.r.range(0, 11) {
            0 => format!(
                "{country} plans to spend {} on {sector} in {year}, according to {}.",
                self.money_phrase(),
                self.r.pick(INSTITUTIONS)
            ),
            1 => format!(
                "\"We will allocate {} to {sector} over the next {} years,\" {} {}.",
                self.money_phrase(),
                self.r.range(2, 10),
                self.who(),
                self.r.pick(SAY)
            ),
            2 => format!(
                "Exports of {} rose {} to {} in the year to {}, data released on {} showed.",
                self.r.pick(GOODS),
                self.percent(),
                self.money(),
                self.r.pick(MONTHS),
                self.date()
            ),
            3 => format!(
                "Aid to {country} has reached {} since {}, {} {}.",
                self.money_phrase(),
                self.r.range(2014, 2023),
                self.who(),
                self.r.pick(SAY)
            ),
            4 => format!(
                "The deficit widened to {} of GDP, or {}, {} said in a report published {}.",
                self.percent(),
                self.money(),
                self.r.pick(INSTITUTIONS),
                self.date()
            ),
            5 => format!(
                "Shares fell {} at {}:{:02} {}, wiping {} off market values.",
                self.percent(),
                self.r.range(1, 12),
                self.r.range(0, 59),
                self.r.pick(&["am", "pm"]),
                self.money_phrase()
            ),
            6 => format!(
                "Some {} people were affected, {} {}, adding that the figure could rise to {} \
                 by {}.",
                self.grouped(2, 999_999),
                self.who(),
                self.r.pick(SAY),
                self.grouped(2, 999_999),
                self.r.pick(MONTHS)
            ),
            7 => format!(
                "Inflation eased to {} in {} from {} a month earlier.",
                self.percent(),
                self.r.pick(MONTHS),
                self.percent()
            ),
            8 => format!(
                "The package, worth {}, was approved by {} votes to {} on {}.",
                self.money_phrase(),
                self.r.range(200, 450),
                self.r.range(50, 199),
                self.date()
            ),
            9 => format!(
                "Officials met for the {}th round of talks on {}, {} {}.",
                self.r.range(4, 20),
                self.date(),
                self.who(),
                self.r.pick(SAY)
            ),
            10 => format!(
                "Critics said the plan for {sector} in {country} lacked detail and relied on \
                 optimistic assumptions about growth."
            ),
            _ => format!(
                "The G7 pledged {} at its summit, but only {} has been disbursed, according to \
                 {}.",
                self.money_phrase(),
                self.percent(),
                self.r.pick(INSTITUTIONS)
            ),
        };
        let mut chars = s.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => s,
        }
    }

    /// Appends one article of at least `bytes` bytes to `out`.
    fn article(&mut self, bytes: usize) {
        let start = self.out.len();
        let headline = format!(
            "{} {} {} spending\n\n",
            self.r.pick(COUNTRIES),
            self.r.pick(&["unveils", "cuts", "doubles", "freezes"]),
            self.r.pick(SECTORS)
        );
        self.out.push_str(&headline);
        while self.out.len() - start < bytes {
            for _ in 0..self.r.range(2, 4) {
                let s = self.sentence();
                self.out.push_str(&s);
                self.out.push(' ');
            }
            self.out.pop();
            self.out.push_str("\n\n");
        }
    }
}

/// Deterministic articles totalling at least `total` bytes; `prose_percent` of the sentences
/// hold no figure.
fn corpus(total: usize, prose_percent: u64) -> Vec<String> {
    let mut g = Gen { r: Rng(0x00c0_ffee), out: String::new(), prose_percent };
    let mut articles = Vec::new();
    let mut size = 0;
    while size < total {
        g.out.clear();
        let bytes = ARTICLE_BYTES - 1024 + g.r.range(0, 2048) as usize;
        g.article(bytes);
        size += g.out.len();
        articles.push(g.out.clone());
    }
    articles
}

/// One `extract` call per article, as `crosscheck extract` makes one per file; the claim count.
fn claims_per_article(articles: &[String]) -> usize {
    articles.iter().map(|a| extract::extract(black_box(a)).len()).sum()
}

fn bench_extract(c: &mut Criterion) {
    let articles = corpus(CORPUS_BYTES, 0);
    let wire = corpus(CORPUS_BYTES, 80);
    let wire_bytes: usize = wire.iter().map(String::len).sum();
    let wire_claims = claims_per_article(&wire);
    let density = wire_bytes / wire_claims.max(1);
    assert!((250..=600).contains(&density), "wire text has one claim per {density} bytes");
    let bytes: usize = articles.iter().map(String::len).sum();
    let joined = articles.concat();
    // Sanity: the generated text must actually contain claims, or the numbers mean nothing.
    let claims = claims_per_article(&articles);
    assert!(claims > bytes / 1000, "only {claims} claims in {bytes} bytes");

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("articles", |b| b.iter(|| claims_per_article(&articles)));
    group.bench_function("one_text", |b| b.iter(|| extract::extract(black_box(&joined)).len()));
    group.throughput(Throughput::Bytes(wire_bytes as u64));
    group.bench_function("wire_articles", |b| b.iter(|| claims_per_article(&wire)));
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
