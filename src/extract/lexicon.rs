//! Word tables: number words, magnitudes, currencies, hedges. All lookups take lower-case
//! ASCII words.

use super::{CurrencyCue, Hedge};

/// A word (lower case) that can be part of a claim without a digit: number words, scales,
/// fractions, vague quantities. A sentence with none of these, no digit and no currency sign
/// holds no claim, so the scanner skips it (`extract::prefilter`).
pub(crate) fn trigger_word(w: &str) -> bool {
    TRIGGER_WORDS.binary_search(&w).is_ok()
}

/// The words of [`trigger_word`], sorted; the prefilter builds its Bloom filter from them.
/// They are every word that [`small`], [`scale`], [`vague_plural`], [`vague_quantifier`] and
/// [`denominator`] read (a test tries every word of this file, with and without a final `s`,
/// against those), and words that make an amount with no numeral around them: `half`,
/// `quarter`, `dozen`, `score`, `couple`, `pair`, `gross`, and money words ("a penny", "a
/// buck", "a grand", "a dollar", "a franc").
#[rustfmt::skip]
pub(crate) const TRIGGER_WORDS: [&str; 159] = [
    "bil", "billion", "billions", "billionth", "billionths", "bln", "bn", "buck", "bucks", "cent",
    "cents", "couple", "cr", "crore", "crores", "dime", "dollar", "dozen", "dozens", "eight",
    "eighteen", "eighteenth", "eighteenths", "eighth", "eighths", "eightieth", "eightieths",
    "eighty", "eleven", "eleventh", "elevenths", "euro", "few", "fifteen", "fifteenth",
    "fifteenths", "fifth", "fifths", "fiftieth", "fiftieths", "fifty", "five", "fortieth",
    "fortieths", "forty", "four", "fourteen", "fourteenth", "fourteenths", "fourth", "fourths",
    "fourty", "franc", "grand", "gross", "half", "halfs", "halve", "halves", "hundred", "hundreds",
    "hundredth", "hundredths", "koti", "krore", "krores", "lac", "lacs", "lakh", "lakhs", "lkh",
    "lkhs", "mil", "million", "millions", "millionth", "millionths", "mio", "mln", "mm", "mn",
    "multiple", "naught", "nickel", "nil", "nine", "nineteen", "nineteenth", "nineteenths",
    "ninetieth", "ninetieths", "ninety", "ninth", "ninths", "nought", "one", "pair", "pence",
    "pennies", "penny", "pound", "quarter", "quarters", "quid", "rupee", "score", "scores",
    "seven", "seventeen", "seventeenth", "seventeenths", "seventh", "sevenths", "seventieth",
    "seventieths", "seventy", "several", "six", "sixteen", "sixteenth", "sixteenths", "sixth",
    "sixths", "sixtieth", "sixtieths", "sixty", "ten", "tens", "tenth", "tenths", "third",
    "thirds", "thirteen", "thirteenth", "thirteenths", "thirtieth", "thirtieths", "thirty",
    "thousand", "thousands", "thousandth", "thousandths", "three", "tln", "tn", "trillion",
    "trillions", "trillionth", "trillionths", "trn", "twelfth", "twelfths", "twelve", "twentieth",
    "twentieths", "twenty", "two", "yen", "zero",
];

/// `zero` … `ninety`: the value of a cardinal number word below one hundred.
pub(crate) fn small(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Powers of ten written as words or abbreviations after a number: `hundred` → 2,
/// `billion`/`bn` → 9, `lakh` → 5, `crore` → 7.
pub(crate) fn scale(w: &str) -> Option<u32> {
    Some(match w {
        "hundred" | "hundreds" => 2,
        "thousand" | "thousands" => 3,
        "lakh" | "lakhs" | "lac" | "lacs" | "lkh" | "lkhs" => 5,
        "million" | "millions" | "mn" | "mln" | "mil" | "mio" | "mm" => 6,
        "crore" | "crores" | "cr" | "koti" | "krore" | "krores" => 7,
        "billion" | "billions" | "bn" | "bln" | "bil" => 9,
        "trillion" | "trillions" | "tn" | "tln" | "trn" => 12,
        _ => return None,
    })
}

/// Single-letter magnitudes glued to digits (`10k`, `3M`, `$5b`, `$2.174T`, `.0012G`).
/// `money` is true when a currency is in play: a lone lower-case `m` or `b` is otherwise too
/// ambiguous (`1m` is a metre; `5b` a grade).
pub(crate) fn letter_scale(raw: &str, money: bool) -> Option<u32> {
    Some(match raw {
        "k" | "K" => 3,
        "M" | "MM" => 6,
        "G" => 9,
        "m" if money => 6,
        "b" | "B" if money => 9,
        "t" | "T" if money => 12,
        _ => return None,
    })
}

/// Plural magnitudes read as vague amounts: `hundreds` → [2·10², 10³), `tens` → [20, 100),
/// `billions` → [2·10⁹, 10¹²), `dozens` → [24, 144). Returns (low, high) as powers or plain
/// numbers via [`VagueUnit`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct VagueUnit {
    /// The amount one unit stands for (`hundreds` → 100).
    pub unit: u64,
    /// Multipliers of `unit` that bound the amount: `hundreds` → [2, 10).
    pub low: u64,
    pub high: u64,
}

pub(crate) fn vague_plural(w: &str) -> Option<VagueUnit> {
    let (unit, high) = match w {
        "tens" => (10, 10),
        "dozens" => (12, 12),
        "scores" => (20, 5),
        "hundreds" => (100, 10),
        "thousands" => (1_000, 1_000),
        "millions" => (1_000_000, 1_000),
        "billions" => (1_000_000_000, 1_000),
        "trillions" => (1_000_000_000_000, 1_000),
        _ => return None,
    };
    Some(VagueUnit { unit, low: 2, high })
}

/// Quantifiers before a magnitude: `several billion` → [3, 10) × 10⁹.
pub(crate) fn vague_quantifier(w: &str) -> Option<(u64, u64)> {
    match w {
        "several" | "multiple" => Some((3, 10)),
        "few" => Some((2, 5)),
        _ => None,
    }
}

/// Denominator of a fraction word: `half` → 2, `thirds` → 3, `quarter` → 4, `fifths` → 5,
/// `hundredth` → 100, `trillionths` → 10¹².
pub(crate) fn denominator(w: &str) -> Option<u64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2,
        "third" => 3,
        "quarter" | "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1_000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        _ => return None,
    })
}

/// A hedge phrase starting at word `w0` (with the following words `w1`, `w2`): returns the
/// hedge and how many words it spans.
pub(crate) fn hedge(w0: &str, w1: &str, w2: &str) -> Option<(Hedge, usize)> {
    use Hedge::*;
    // Every hedge starts with one of these words: a hedge missing from the list never matches.
    if !hedge_head(w0) {
        return None;
    }
    // `a` is the most frequent head and opens only two hedges.
    if w0 == "a" {
        return match (w1, w2) {
            ("minimum", "of") => Some((AtLeast, 3)),
            ("maximum", "of") => Some((AtMost, 3)),
            _ => None,
        };
    }
    Some(match (w0, w1, w2) {
        ("more" | "greater" | "higher", "than", _) => (AtLeast, 2),
        ("no", "less" | "fewer", "than") => (AtLeast, 3),
        ("not", "less" | "fewer", "than") => (AtLeast, 3),
        ("at", "least", _) => (AtLeast, 2),
        ("upwards" | "upward", "of", _) => (AtLeast, 2),
        ("in", "excess", "of") => (AtLeast, 3),
        ("well", "over" | "above", _) => (AtLeast, 2),
        ("just", "over" | "above", _) => (Approximate, 2),
        ("just", "under" | "below", _) => (Approximate, 2),
        ("over" | "above" | "exceeding" | "exceeds" | "topping", _, _) => (AtLeast, 1),
        // Bounds said with a verb: `topped $20 billion`, `could exceed`, `surpass`. A bare
        // `top` is a verb only after a modal (`could top`), which the scanner checks.
        (
            "top" | "tops" | "topped" | "exceed" | "exceeded" | "surpass" | "surpasses"
            | "surpassed" | "surpassing",
            _,
            _,
        ) => (AtLeast, 1),
        ("at", "the", "least") => (AtLeast, 3),
        ("at", "the", "most") => (AtMost, 3),
        ("as", "high", "as") => (AtMost, 3),
        ("no", "more", "than") => (AtMost, 3),
        ("not", "more", "than") => (AtMost, 3),
        ("less" | "fewer" | "lower", "than", _) => (AtMost, 2),
        ("at", "most", _) => (AtMost, 2),
        ("up", "to", _) => (AtMost, 2),
        ("as", "much" | "many", "as") => (AtMost, 3),
        ("under" | "below" | "within", _, _) => (AtMost, 1),
        ("an", "estimated", _) => (Approximate, 2),
        ("close", "to", _) => (Approximate, 2),
        ("in", "the", "region") => (Approximate, 3),
        (
            "about" | "around" | "round" | "roughly" | "nearly" | "almost" | "approximately"
            | "approx" | "some" | "estimated" | "circa" | "ca" | "approaching",
            _,
            _,
        ) => (Approximate, 1),
        _ => return None,
    })
}

/// The first words of the hedges [`hedge`] reads.
pub(crate) fn hedge_head(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "greater"
            | "higher"
            | "no"
            | "not"
            | "at"
            | "upwards"
            | "upward"
            | "in"
            | "well"
            | "just"
            | "over"
            | "above"
            | "exceeding"
            | "exceeds"
            | "topping"
            | "top"
            | "tops"
            | "topped"
            | "exceed"
            | "exceeded"
            | "surpass"
            | "surpasses"
            | "surpassed"
            | "surpassing"
            | "a"
            | "less"
            | "fewer"
            | "lower"
            | "up"
            | "as"
            | "under"
            | "below"
            | "within"
            | "an"
            | "close"
            | "about"
            | "around"
            | "round"
            | "roughly"
            | "nearly"
            | "almost"
            | "approximately"
            | "approx"
            | "some"
            | "estimated"
            | "circa"
            | "ca"
            | "approaching"
    )
}

/// A word (lower case) that may open a claim, before looking at the words after it: a
/// number word, the first word of a hedge, or one of [`opening_word`]. What the scanner
/// memoizes per word (`Prefilter::word_flags`).
pub(crate) fn claim_word(w: &str) -> bool {
    small(w).is_some() || hedge_head(w) || opening_word(w)
}

/// Other words a claim can start with: articles and fractions (`a quarter`), range openers
/// (`between`, `from`), signs, vague quantities, and the words of currencies written before
/// the number (`us`, `hk`, `usd`, `rs`).
pub(crate) fn opening_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "percent"
            | "percents"
            | "per"
            | "ringgit"
            | "ringgits"
            | "malaysia"
            | "malaysian"
            | "dollar"
            | "rmb"
            | "half"
            | "quarter"
            | "between"
            | "from"
            | "minus"
            | "negative"
            | "point"
            | "several"
            | "multiple"
            | "few"
            | "us"
            | "u"
            | "rs"
            | "rm"
            | "hundred"
            | "dozen"
            | "dozens"
            | "tens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "scores"
            | "usd"
            | "hk"
            | "nz"
            | "c"
            | "s"
            | "r"
            | "nt"
            | "mex"
            | "aud"
            | "cad"
            | "nzd"
            | "mxn"
            | "sgd"
            | "au"
    )
}

/// A currency word after (or before) a number, with the adjective before it when one pins
/// the currency down. Returns the cue and the factor to the main unit (`cents` → 1/100).
pub(crate) fn currency_word(adj: &str, w: &str) -> Option<(CurrencyCue, Sub)> {
    use CurrencyCue::*;
    let iso = |c: &'static str| Some((Iso(c), Sub::One));
    match w {
        "dollar" | "dollars" | "dollar's" => match adj {
            "us" | "u.s" | "american" => iso("USD"),
            "australian" => iso("AUD"),
            "canadian" => iso("CAD"),
            "kong" | "hk" => iso("HKD"),
            "zealand" => iso("NZD"),
            "singapore" | "singaporean" => iso("SGD"),
            "taiwan" | "taiwanese" => iso("TWD"),
            _ => Some((Dollar, Sub::One)),
        },
        "usd" => iso("USD"),
        "euro" | "euros" => iso("EUR"),
        "pound" | "pounds" => match adj {
            "lebanese" => iso("LBP"),
            "egyptian" => iso("EGP"),
            _ => iso("GBP"),
        },
        "egyptianpound" => iso("EGP"),
        "sterling" => iso("GBP"),
        "yen" => iso("JPY"),
        "yuan" | "renminbi" | "rmb" => iso("CNY"),
        "hryvnia" | "hryvnias" | "hryvnya" | "hryvnyas" | "hryvna" | "hryvnas" => iso("UAH"),
        "rouble" | "roubles" | "ruble" | "rubles" => iso("RUB"),
        "rupee" | "rupees" => match adj {
            "pakistani" => iso("PKR"),
            "sri" | "lankan" => iso("LKR"),
            "nepalese" => iso("NPR"),
            _ => iso("INR"),
        },
        "franc" | "francs" => match adj {
            "swiss" => iso("CHF"),
            _ => Some((Unknown, Sub::One)),
        },
        "peseta" | "pesetas" => iso("ESP"),
        "markka" | "markkas" => iso("FIM"),
        "guilder" | "guilders" => iso("NLG"),
        "ringgit" | "ringgits" => iso("MYR"),
        "shekel" | "shekels" => iso("ILS"),
        "dinar" | "dinars" => match adj {
            "kuwaiti" => iso("KWD"),
            _ => Some((Unknown, Sub::One)),
        },
        "riyal" | "riyals" | "rial" | "rials" => match adj {
            "qatari" => iso("QAR"),
            "saudi" => iso("SAR"),
            _ => Some((Unknown, Sub::One)),
        },
        "saudiriyal" => iso("SAR"),
        "tugrik" | "tugriks" => iso("MNT"),
        "lira" | "liras" | "lire" => match adj {
            "turkish" => iso("TRY"),
            _ => iso("TRY"),
        },
        "rand" => iso("ZAR"),
        "zloty" | "zlotys" => iso("PLN"),
        "krona" | "kronor" => iso("SEK"),
        "krone" | "kroner" => iso("NOK"),
        // `Danish crowns`: the English name, only with the country (a bare `crowns` may
        // be a count of crowns).
        "crown" | "crowns" => match adj {
            "danish" => iso("DKK"),
            "czech" => iso("CZK"),
            "swedish" => iso("SEK"),
            "norwegian" => iso("NOK"),
            _ => None,
        },
        // The kuna, Croatia's currency until 2023 (reported as HRK; see docs/money.md).
        "kuna" | "kune" | "kunas" => iso("HRK"),
        "forint" | "forints" => iso("HUF"),
        "reais" => iso("BRL"),
        "bitcoin" | "bitcoins" | "btc" => iso("BTC"),
        "satoshi" | "satoshis" => Some((Iso("BTC"), Sub::Satoshi)),
        "peso" | "pesos" => match adj {
            "mexican" => iso("MXN"),
            "philippine" => iso("PHP"),
            _ => Some((Unknown, Sub::One)),
        },
        "bucks" | "buck" => Some((Unknown, Sub::One)),
        "cent" | "cents" => Some((Unknown, Sub::Hundredth)),
        "penny" | "pennies" => Some((Unknown, Sub::Hundredth)),
        "pence" => Some((Iso("GBP"), Sub::Hundredth)),
        "dime" | "dimes" => Some((Iso("USD"), Sub::Tenth)),
        "kopiyka" | "kopiykas" | "kopeck" | "kopecks" | "kopek" | "kopeks" => {
            Some((Unknown, Sub::Hundredth))
        }
        "sen" | "sens" => Some((Unknown, Sub::Hundredth)),
        _ => None,
    }
}

/// The fraction of the main unit a sub-unit word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sub {
    One,
    Tenth,
    Hundredth,
    Satoshi,
}

/// A currency sign and what it means (`US` before `$` handled by [`dollar_prefix`]).
pub(crate) fn sign(s: &str) -> Option<CurrencyCue> {
    use CurrencyCue::*;
    Some(match s {
        "$" => Dollar,
        "€" => Iso("EUR"),
        "£" => Iso("GBP"),
        "¥" => Iso("JPY"),
        "₴" => Iso("UAH"),
        "₽" => Iso("RUB"),
        "₹" => Iso("INR"),
        "₩" => Iso("KRW"),
        "₪" => Iso("ILS"),
        "₺" => Iso("TRY"),
        "₦" => Iso("NGN"),
        "₱" => Iso("PHP"),
        "₫" => Iso("VND"),
        "฿" => Iso("THB"),
        "₿" => Iso("BTC"),
        "元" => Iso("CNY"),
        "₡" => Iso("CRC"),
        "₾" => Iso("GEL"),
        "₭" => Iso("LAK"),
        "¢" => Unknown,
        _ => return None,
    })
}

/// Letters written before `$` that name a dollar: `US$`, `A$`, `C$`, `HK$`, `NZ$`, `Mex$`.
pub(crate) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "a" | "au" | "aud" => "AUD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "nt" | "twd" => "TWD",
        "r" => "BRL",
        "mex" | "mxn" => "MXN",
        _ => return None,
    })
}

/// The currencies written with a `$` and letters ([`dollar_prefix`]).
pub(crate) fn dollar_code(code: &str) -> bool {
    matches!(code, "USD" | "AUD" | "CAD" | "HKD" | "NZD" | "SGD" | "TWD" | "BRL" | "MXN")
}

/// ISO 4217 codes recognised in text (upper case in the text). Kept to codes that occur in
/// news; the full table lives in `normalize::currency`.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "INR", "RUB",
        "UAH", "PLN", "CZK", "HUF", "SEK", "NOK", "DKK", "ISK", "RON", "BGN", "TRY", "ILS", "ZAR",
        "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "KRW", "TWD", "THB", "MYR", "IDR", "PHP", "VND",
        "PKR", "BDT", "LKR", "NPR", "EGP", "LBP", "KWD", "QAR", "SAR", "AED", "BHD", "OMR", "JOD",
        "IQD", "IRR", "NGN", "KES", "GHS", "MAD", "TND", "DZD", "MNT", "KZT", "GEL", "AMD", "AZN",
        "BYN", "MDL", "RSD", "HRK", "BTC", "XAU", "CRC", "LAK", "ETB", "UGX", "TZS",
    ];
    // Most words are not three capitals: answer those without scanning the table.
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    CODES.iter().copied().find(|c| *c == w)
}

/// `MUSD`, `MEUR`, `MAUD`: millions of a currency, a finance shorthand.
pub(crate) fn million_code(w: &str) -> Option<&'static str> {
    w.strip_prefix('M').filter(|r| r.len() == 3).and_then(iso_code)
}

/// Month names (lower case); `may` and `march` only count when capitalised in the text.
pub(crate) fn month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            // Misspellings seen in published stories.
            | "febrary"
            | "febuary"
            | "feburary"
            | "janurary"
            | "januray"
            | "agust"
            | "septmber"
            | "setpember"
            | "ocotber"
            | "novmber"
            | "decmber"
    ) || month_abbreviation(w)
}

/// `jan`, `sept`, `dec` (lower case): month abbreviations, also not sentence ends before `.`.
pub(crate) fn month_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words after a number that make it an identifier or a non-claim when they come first:
/// `section 3`, `article 5`, `no. 7`, `version 2`.
pub(crate) fn identifier_lead(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "article"
            | "chapter"
            | "no"
            | "nos"
            | "page"
            | "pages"
            | "pp"
            | "paragraph"
            | "clause"
            | "item"
            | "version"
            | "v"
            | "vol"
            | "volume"
            | "phase"
            | "room"
            | "flight"
            | "route"
            | "channel"
            | "episode"
            | "season"
            | "part"
            | "figure"
            | "fig"
            | "table"
            | "step"
            | "title"
            | "amendment"
            | "resolution"
            | "line"
            | "platform"
            | "gate"
            | "exit"
            | "highway"
            | "interstate"
            | "rule"
            | "model"
            | "level"
    )
}

/// Names that carry a number (`S&P 500`, `FTSE 100`, `Fortune 500`).
pub(crate) fn named_index(w: &str) -> bool {
    matches!(
        w,
        "p" | "ftse"
            | "fortune"
            | "russell"
            | "nasdaq"
            | "stoxx"
            | "dax"
            | "nikkei"
            | "cac"
            | "ibex"
    )
}

/// Words after a number that are units of measurement, not things counted: the number is
/// kept as a plain number, not a count.
pub(crate) fn measure_unit(w: &str) -> bool {
    matches!(
        w,
        "km" | "m"
            | "cm"
            | "mm"
            | "kg"
            | "g"
            | "mg"
            | "ml"
            | "l"
            | "lb"
            | "lbs"
            | "oz"
            | "ft"
            | "mi"
            | "mph"
            | "kph"
            | "kmh"
            | "kw"
            | "mw"
            | "gw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "tev"
            | "gev"
            | "mev"
            | "ev"
            | "hz"
            | "khz"
            | "mhz"
            | "ghz"
            | "mb"
            | "gb"
            | "tb"
            | "kb"
            | "sq"
            | "km2"
            | "t"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "am"
            | "pm"
            | "meters"
            | "metres"
            | "meter"
            | "metre"
            | "kilometers"
            | "kilometres"
            | "kilometer"
            | "kilometre"
            | "miles"
            | "mile"
            | "feet"
            | "foot"
            | "inches"
            | "inch"
            | "tons"
            | "tonnes"
            | "ton"
            | "tonne"
            | "kilograms"
            | "kilogram"
            | "grams"
            | "gram"
            | "litres"
            | "liters"
            | "litre"
            | "liter"
            | "degrees"
            | "degree"
            | "x"
    )
}

/// Verbs that take a person and an amount (`cost us $5bn`, `gave us $20`): after them `us`
/// is the pronoun, not a dollar prefix.
pub(crate) fn takes_two_objects(w: &str) -> bool {
    matches!(
        w,
        "cost"
            | "costs"
            | "costing"
            | "give"
            | "gives"
            | "gave"
            | "given"
            | "giving"
            | "owe"
            | "owes"
            | "owed"
            | "pay"
            | "pays"
            | "paid"
            | "charge"
            | "charges"
            | "charged"
            | "save"
            | "saves"
            | "saved"
            | "lend"
            | "lent"
            | "send"
            | "sent"
            | "offer"
            | "offered"
            | "bring"
            | "brought"
            | "earn"
            | "earned"
            | "won"
            | "make"
            | "made"
            | "set"
            | "sets"
            | "left"
    )
}

/// Modifiers that may stand between a number and its noun: `16,420 residential and
/// commercial properties`, `300 new jobs`. Common adjectives and adjective endings only: a
/// word that may be the noun itself stops the search.
pub(crate) fn modifier(w: &str) -> bool {
    matches!(
        w,
        "new"
            | "old"
            | "more"
            | "other"
            | "small"
            | "large"
            | "big"
            | "young"
            | "single"
            | "double"
            | "full"
            | "part"
            | "extra"
            | "additional"
            | "total"
            | "separate"
            | "high"
            | "low"
            | "key"
            | "major"
            | "minor"
            | "senior"
            | "junior"
            | "foreign"
            | "local"
            | "civilian"
            | "migrant"
            | "unpaid"
    ) || [
        "al", "ic", "ive", "ous", "ful", "less", "ary", "ern", "ese", "ian", "ish", "ible", "able",
    ]
    .iter()
    .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// The noun a count is reported in: `lives` are people.
pub(crate) fn count_synonym(w: &str) -> &str {
    match w {
        "lives" | "persons" | "individuals" => "people",
        _ => w,
    }
}

/// Nouns that count without a plural `s` (`2000 staff`): after a year-like number they do
/// not make it a year.
pub(crate) fn collective(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "staff"
            | "police"
            | "personnel"
            | "children"
            | "men"
            | "women"
            | "cattle"
            | "livestock"
            | "sheep"
            | "fish"
            | "deer"
            | "aircraft"
            | "crew"
            | "feet"
            | "youth"
            | "faculty"
            | "employees"
    )
}

/// Words that cannot be the noun of a count (`3 of`, `5 to`, `17 and`).
pub(crate) fn not_a_noun(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "the"
            | "a"
            | "an"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "that"
            | "which"
            | "who"
            | "per"
            | "than"
            | "as"
            | "if"
            | "so"
            | "it"
            | "its"
            | "this"
            | "these"
            | "those"
            | "there"
            | "here"
            | "into"
            | "over"
            | "under"
            | "up"
            | "down"
            | "out"
            | "off"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "when"
            | "while"
            | "where"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "also"
            | "each"
            | "every"
            | "all"
            | "more"
            | "less"
            | "most"
            | "least"
            | "only"
            | "just"
            | "even"
            | "again"
            | "then"
            | "now"
            | "we"
            | "they"
            | "he"
            | "she"
            | "you"
            | "i"
            | "me"
            | "him"
            | "her"
            | "them"
            | "us"
            | "our"
            | "their"
            | "his"
            | "my"
            | "your"
            | "said"
            | "says"
            | "percent"
            | "per cent"
            | "times"
            | "point"
            | "points"
            | "plus"
            | "minus"
            | "over3"
            | "out3"
            | "whilst"
            | "equals"
            | "equal"
            | "is3"
            | "already"
            | "yet"
            | "being"
            | "can"
            | "cannot"
            | "must"
            | "shall"
            | "am"
            | "pm"
    )
}

/// Verbs of change before `from X to Y`: that is a change, not a range.
pub(crate) fn change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "rising"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "falling"
            | "fallen"
            | "increased"
            | "increase"
            | "increases"
            | "increasing"
            | "decreased"
            | "decrease"
            | "decreases"
            | "grew"
            | "grow"
            | "grows"
            | "grown"
            | "climbed"
            | "climb"
            | "dropped"
            | "drop"
            | "jumped"
            | "jump"
            | "declined"
            | "decline"
            | "up"
            | "down"
            | "cut"
            | "raised"
            | "raise"
            | "lowered"
            | "slid"
            | "sank"
            | "soared"
            | "surged"
            | "plunged"
            | "tumbled"
            | "doubled"
            | "tripled"
            | "went"
            | "changed"
            | "moved"
            | "expanded"
            | "shrank"
            | "narrowed"
            | "widened"
            | "gained"
            | "lost"
            | "revised"
            | "boosted"
            | "reduced"
            | "slashed"
            | "hiked"
            | "ups"
            | "raises"
            | "raising"
            | "lifts"
            | "lifted"
            | "cuts"
            | "cutting"
            | "lowers"
            | "boosts"
            | "hikes"
            | "revises"
            | "trims"
            | "trimmed"
    )
}

/// `w` lower-cased (ASCII letters only) in `buf` (or `w` itself, if it has no capital),
/// without allocating, for matching against the lexicon's word lists. A word longer than `buf` comes back empty: no entry is that long.
pub(crate) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    let Some(out) = buf.get_mut(..w.len()) else { return "" };
    // Most words are lower case already: no copy.
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return w;
    }
    // A byte loop: a word is too short for a call to `memcpy` to pay.
    for (o, &c) in out.iter_mut().zip(w.as_bytes()) {
        *o = c.to_ascii_lowercase();
    }
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).unwrap_or("")
}
