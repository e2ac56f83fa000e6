//! The sentence prefilter: can a sentence hold a claim at all?
//!
//! Most sentences of news text hold no figure, and skipping them without tokenizing is most of
//! extraction's speed. A sentence can hold a claim only if it has an ASCII digit, a `$`, a
//! non-ASCII numeric character or currency sign (`€`, `½`, `٣`), or a number word
//! ([`lexicon::trigger_word`]: `two`, `half`, `billions`, `dozen` …). [`Prefilter::triggered`]
//! answers in one pass over the bytes with a byte-class table. Each word is first tested
//! against a 4 KB Bloom filter over [`lexicon::TRIGGER_WORDS`], which turns away almost every
//! word of prose; the few it lets through are looked up in a small two-way set-associative
//! memo in front of the lexicon (prose repeats a few hundred words, so a look-up is one
//! 16-byte comparison, not the lexicon's chain of string matches). The memo also answers the
//! scanner's questions about words (see the flags below). The property tests check that the
//! filter loses no claim (`extract` against `extract_unfiltered`).

use super::lexicon;
use super::scanner::ScanBuffers;

/// Longest word the lexicon can know (`seventeenths`, `quadrillions` fit).
const MAX_WORD: usize = 16;
/// Longest word the memo holds: its slot's sixteenth byte holds the flags.
const MAX_KEY: usize = MAX_WORD - 1;
/// Memo slots: a power of two, in sets of two.
const SLOTS: usize = 4096;
/// The trigger filter's size in bits, as a power of two: 2¹⁵ bits are 4 KB, which stay in the
/// core's first-level cache beside the text, where the 64 KB memo does not.
const FILTER_BITS: u32 = 15;
/// The word's bytes in a slot; the top byte is its flags.
const KEY_BITS: u128 = u128::MAX >> 8;

const SKIP: u8 = 0;
const FIGURE: u8 = 1;
const LETTER: u8 = 2;
const WIDE: u8 = 3;

/// What each byte is to the prefilter.
static CLASS: [u8; 256] = byte_classes!(|b| if b.is_ascii_digit() || b == b'$' {
    FIGURE
} else if b.is_ascii_alphabetic() {
    LETTER
} else if b >= 0xC0 {
    // The first byte of a multi-byte character; continuation bytes (0x80–0xBF) are skipped
    // with it.
    WIDE
} else {
    SKIP
});

/// [`lexicon::trigger_word`]: the word puts a sentence through the prefilter.
const TRIGGER: u8 = 1;
/// [`lexicon::claim_word`]: a claim may start at the word (the scanner asks).
pub(crate) const CLAIM_WORD: u8 = 2;
/// [`lexicon::month`]: a number next to it is a day of the month.
pub(crate) const MONTH: u8 = 4;
/// [`lexicon::identifier_lead`] or [`lexicon::named_index`]: a number after it is a label
/// (`section 3`, `S&P 500`).
pub(crate) const LABEL: u8 = 8;
/// A word that attribution starts from (`according`, `response`, `said`, `told` …, in any
/// case): a sentence without one names no speaker.
pub(crate) const CUE: u8 = 16;

/// What the lexicon says of a lower-case word, for the memo.
fn lexicon_flags(w: &str) -> u8 {
    [
        (lexicon::trigger_word(w), TRIGGER),
        (lexicon::claim_word(w), CLAIM_WORD),
        (lexicon::month(w), MONTH),
        (lexicon::identifier_lead(w) || lexicon::named_index(w), LABEL),
        (super::context::attribution_cue(w), CUE),
    ]
    .iter()
    .filter(|(yes, _)| *yes)
    .fold(0, |flags, (_, flag)| flags | flag)
}

/// The prefilter with its word memo; one per thread is plenty (see [`with`]). It also keeps
/// the scanner's buffers between sentences.
pub(crate) struct Prefilter {
    /// A memo slot is one `u128`: a lower-cased word of up to [`MAX_KEY`] bytes, zero-padded
    /// (no word has a zero byte, so the bytes say the length too, and an empty slot, 0,
    /// matches no word), with what the lexicon says of it ([`TRIGGER`], [`CLAIM_WORD`] …) in
    /// the top byte. 16 bytes a slot keep the whole memo in 64 KB, near the core.
    slots: Box<[u128]>,
    /// A one-hash Bloom filter over [`lexicon::TRIGGER_WORDS`]: a word whose bit is clear is
    /// no trigger word, and most words of prose get no further. A set bit (a trigger word, or
    /// about one other word in two hundred) is settled by the memo.
    filter: Box<[u64]>,
    pub(crate) spare: ScanBuffers,
}

impl Default for Prefilter {
    fn default() -> Self {
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)].into_boxed_slice();
        for w in lexicon::TRIGGER_WORDS {
            let bit = filter_bit(mix(key_at(w.as_bytes(), 0, w.len())));
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Prefilter {
            slots: vec![0; SLOTS].into_boxed_slice(),
            filter,
            spare: ScanBuffers::default(),
        }
    }
}

thread_local! {
    static PREFILTER: std::cell::RefCell<Prefilter> = std::cell::RefCell::default();
}

/// Runs `f` with this thread's prefilter, whose memo outlives the call: the next source's
/// words are mostly already known.
pub(crate) fn with<R>(f: impl FnOnce(&mut Prefilter) -> R) -> R {
    PREFILTER.with_borrow_mut(f)
}

impl Prefilter {
    /// Whether the sentence `text[start..end]` has a digit, `$`, non-ASCII numeral or
    /// currency sign, or number word.
    pub(crate) fn triggered(&mut self, text: &str, (start, end): (usize, usize)) -> bool {
        self.first_hit(text, start, end).is_some()
    }

    /// Where the first digit, `$`, non-ASCII numeral or currency sign, or number word at or
    /// after byte `from` of `text` is (a word's first byte). `from` must not be inside a word.
    pub(crate) fn first_trigger(&mut self, text: &str, from: usize) -> Option<usize> {
        self.first_hit(text, from, text.len())
    }

    /// The first trigger in `text[start..end]`, a word cut at `end`. The text around the span
    /// is there to read words with one 16-byte load, which near the end of a slice would need
    /// a copy.
    #[inline(always)]
    fn first_hit(&mut self, text: &str, start: usize, end: usize) -> Option<usize> {
        let b = text.as_bytes();
        let mut i = start;
        while i < end {
            match CLASS[b[i] as usize] {
                SKIP => i += 1,
                FIGURE => return Some(i),
                LETTER => {
                    let first = i;
                    i = letters_end(b, i).min(end);
                    let len = i - first;
                    if (2..=MAX_KEY).contains(&len)
                        && trigger_shape(b[first], b[i - 1], len)
                        && self.trigger_word(lower_key(b, first, len))
                    {
                        return Some(first);
                    }
                }
                _ => {
                    // `i` is a character boundary: it only ever moves past whole characters.
                    let c = text[i..end].chars().next()?;
                    if c.is_numeric()
                        || matches!(c, '€' | '£' | '¥' | '¢' | '¤' | '\u{20a0}'..='\u{20cf}')
                    {
                        return Some(i);
                    }
                    i += c.len_utf8();
                }
            }
        }
        None
    }

    /// [`lexicon::trigger_word`] of the lower-case word in `key`: the filter, then the memo.
    /// (No trigger word is longer than [`MAX_KEY`]; a test holds the list to that.)
    #[inline(always)]
    fn trigger_word(&mut self, key: u128) -> bool {
        let mixed = mix(key);
        let bit = filter_bit(mixed);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
            && self.flags_mixed(key, mixed) & TRIGGER != 0
    }

    /// The memoized [`lexicon_flags`] of the word `b[start..end]`, lower case.
    pub(crate) fn word_flags(&mut self, lower: &str, start: usize, end: usize) -> u8 {
        let len = end - start;
        if len == 0 || len > MAX_KEY {
            return lexicon_flags(&lower[start..end]);
        }
        self.flags(key_at(lower.as_bytes(), start, len))
    }

    /// The memo: `key` holds a lower-case word of [`MAX_KEY`] bytes at most, zero-padded.
    #[inline(always)]
    fn flags(&mut self, key: u128) -> u8 {
        self.flags_mixed(key, mix(key))
    }

    /// [`Self::flags`] with `key`'s [`mix`] at hand.
    #[inline(always)]
    fn flags_mixed(&mut self, key: u128, mixed: u64) -> u8 {
        // Two ways per set, the most recently used first: two frequent words that hash alike
        // do not evict each other on every sentence.
        let set = (mixed >> (64 - (SLOTS / 2).trailing_zeros())) as usize * 2;
        let ways = &mut self.slots[set..set + 2];
        if ways[0] & KEY_BITS == key {
            return (ways[0] >> 120) as u8;
        }
        if ways[1] & KEY_BITS == key {
            ways.swap(0, 1);
            return (ways[0] >> 120) as u8;
        }
        let flags = Self::miss(key);
        ways[1] = ways[0];
        ways[0] = key | u128::from(flags) << 120;
        flags
    }

    /// A word the memo does not hold: asks the lexicon (rarely: prose repeats its words).
    #[cold]
    #[inline(never)]
    fn miss(key: u128) -> u8 {
        let word = key.to_le_bytes();
        let len = word.iter().position(|&b| b == 0).unwrap_or(MAX_WORD);
        // Whole words of a `str` (or ASCII letters), so always UTF-8.
        std::str::from_utf8(&word[..len]).map_or(0, lexicon_flags)
    }
}

/// A 64-bit hash of a memo key: the memo's set comes from its top bits, the filter's bit from
/// the bits below those (a product's high bits depend on every byte of the word; its low bits
/// only on the first few).
#[inline(always)]
fn mix(key: u128) -> u64 {
    (key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ ((key >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
}

/// The trigger filter's bit for a key's [`mix`].
#[inline(always)]
fn filter_bit(mixed: u64) -> usize {
    (mixed >> (64 - (SLOTS / 2).trailing_zeros() - FILTER_BITS)) as usize & ((1 << FILTER_BITS) - 1)
}

/// Bit `last - b'a'` of entry `len * 26 + first - b'a'` is set if a trigger word of `len`
/// bytes starts with `first` and ends with `last`: most words of prose are turned away by
/// one look-up, before their key is loaded and hashed.
static TRIGGER_SHAPES: [u32; (MAX_KEY + 1) * 26] = {
    let mut t = [0; (MAX_KEY + 1) * 26];
    let mut i = 0;
    while i < lexicon::TRIGGER_WORDS.len() {
        let b = lexicon::TRIGGER_WORDS[i].as_bytes();
        t[b.len() * 26 + (b[0] - b'a') as usize] |= 1 << (b[b.len() - 1] - b'a');
        i += 1;
    }
    t
};

/// Whether a word of ASCII letters of `len` bytes (at most [`MAX_KEY`]), first `first` and
/// last `last` in any case, has the shape of a trigger word.
#[inline(always)]
fn trigger_shape(first: u8, last: u8, len: usize) -> bool {
    let (first, last) = ((first | 0x20).wrapping_sub(b'a'), (last | 0x20).wrapping_sub(b'a'));
    first < 26 && last < 26 && TRIGGER_SHAPES[len * 26 + usize::from(first)] & (1 << last) != 0
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `MASKS[n]`: the low `n` bytes of a `u128` set (a table: a 128-bit shift is a branchy
/// instruction sequence, and the prefilter masks every word).
static MASKS: [u128; MAX_WORD + 1] = {
    let mut t = [0u128; MAX_WORD + 1];
    let mut n = 1;
    while n <= MAX_WORD {
        t[n] = (t[n - 1] << 8) | 0xFF;
        n += 1;
    }
    t
};

/// The end of the run of ASCII letters at `b[i..]`, eight bytes at a time (SWAR).
pub(crate) fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let others = !letter_bytes(v) & HIGH_BITS;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && CLASS[b[i] as usize] == LETTER {
        i += 1;
    }
    i
}

/// The high bit of each byte of `v` that is an ASCII letter. Bit 5 folds `A`–`Z` onto
/// `a`–`z` (and maps no other byte there); then two carry-free additions test
/// `0x61 <= y < 0x7B` in all eight bytes at once.
fn letter_bytes(v: u64) -> u64 {
    let ascii = !v & HIGH_BITS;
    let y = (v | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F;
    let from_a = y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & HIGH_BITS;
    let past_z = y.wrapping_add(0x0505_0505_0505_0505) & HIGH_BITS;
    ascii & from_a & !past_z
}

/// The bytes `b[start..start + len]` (`len` ≤ [`MAX_WORD`]), zero-padded to 16 bytes, as one
/// little-endian integer: one load and a mask where 16 bytes remain in the text, a copy near
/// its end.
fn key_at(b: &[u8], start: usize, len: usize) -> u128 {
    let raw = match b.get(start..start + MAX_WORD) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().unwrap_or([0; MAX_WORD])),
        None => {
            let mut word = [0u8; MAX_WORD];
            word[..len].copy_from_slice(&b[start..start + len]);
            u128::from_le_bytes(word)
        }
    };
    raw & MASKS[len.min(MAX_WORD)]
}

/// [`key_at`] of a word of ASCII letters, lower-cased.
fn lower_key(b: &[u8], start: usize, len: usize) -> u128 {
    // Setting bit 5 lower-cases an ASCII letter, and every byte under the mask is one.
    (key_at(b, start, len) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & MASKS[len.min(MAX_WORD)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_signs_and_number_words_trigger() {
        let mut p = Prefilter::default();
        for s in [
            "It rose 5%.",
            "A $ sign.",
            "It cost €5.",
            "Half of it.",
            "TWO of them.",
            "Dozens came.",
            "Billions were spent.",
            "one",
            "Price: ½ off.",
            "Some ٣ items.",
        ] {
            assert!(p.triggered(s, (0, s.len())), "{s:?}");
        }
    }

    #[test]
    fn prose_does_not_trigger_and_the_memo_does_not_confuse_words() {
        let mut p = Prefilter::default();
        for _ in 0..2 {
            for s in [
                "The minister said so on Monday.",
                "Someone, somewhere, halfway there: tensions, scoreboards.",
                "Ones and twos.",
                "café société",
                "",
                "a b c",
                "supercalifragilisticexpialidocious words are long",
            ] {
                assert!(!p.triggered(s, (0, s.len())), "{s:?}");
            }
            // Words that share a memo slot's prefix or length still answer for themselves.
            assert!(p.triggered("ten", (0, 3)));
            assert!(!p.triggered("tea", (0, 3)));
            assert!(p.triggered("hundreds", (0, 8)));
            assert!(!p.triggered("hundredsx", (0, 9)));
            // Only the span counts; a word its end cuts is read as cut, as in a slice.
            let text = "Two cats. The dog barked, ten times";
            assert!(p.triggered(text, (0, 9)));
            assert!(!p.triggered(text, (10, 25)));
            assert!(p.triggered(text, (10, 29)));
            assert!(!p.triggered(text, (10, 28)));
        }
    }

    #[test]
    fn word_flags_agree_with_the_lexicon_at_every_length() {
        let mut p = Prefilter::default();
        let words = [
            "a",
            "an",
            "one",
            "march",
            "section",
            "hundred",
            "approximately",
            "seventeenths",
            "internationally",
            "responsibilities",
            "é",
            "café",
            "thirteenthsxyzé",
        ];
        for _ in 0..2 {
            for w in words {
                let text = format!("x {w} y");
                assert_eq!(p.word_flags(&text, 2, 2 + w.len()), lexicon_flags(w), "{w}");
            }
        }
        let text = "Responsibilities, internationally.";
        assert!(!p.triggered(text, (0, text.len())));
    }

    #[test]
    fn trigger_words_list_every_number_word() {
        // The value tables match string literals of the lexicon (and `denominator` strips one
        // final `s`), so every word they read is a run of letters in lexicon.rs, perhaps with
        // an `s`: trying each of those finds any the list misses.
        let source = include_str!("lexicon.rs");
        for run in source.split(|c: char| !c.is_ascii_lowercase()).filter(|w| !w.is_empty()) {
            for w in [run.to_string(), format!("{run}s")] {
                let w = w.as_str();
                let read = lexicon::small(w).is_some()
                    || lexicon::scale(w).is_some()
                    || lexicon::vague_plural(w).is_some()
                    || lexicon::vague_quantifier(w).is_some()
                    || lexicon::denominator(w).is_some();
                assert!(!read || lexicon::trigger_word(w), "{w:?} is read but not a trigger");
            }
        }
        // Sorted without repeats, for `trigger_word`'s binary search.
        assert!(lexicon::TRIGGER_WORDS.windows(2).all(|p| p[0] < p[1]));
        for w in lexicon::TRIGGER_WORDS {
            assert!(lexicon::trigger_word(w), "{w:?}");
            assert!((2..=MAX_KEY).contains(&w.len()), "{w:?} is out of the memo's reach");
        }
        for w in ["halfway", "someone", "tenth-", "", "pounds"] {
            assert!(!lexicon::trigger_word(w), "{w:?}");
        }
        // The filter passes every trigger word, in any case.
        let mut p = Prefilter::default();
        for w in lexicon::TRIGGER_WORDS {
            let upper = w.to_uppercase();
            assert!(p.triggered(w, (0, w.len())) && p.triggered(&upper, (0, w.len())), "{w:?}");
        }
    }

    #[test]
    fn letter_runs_end_where_a_byte_at_a_time_scan_ends() {
        let slow = |b: &[u8], mut i: usize| {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            i
        };
        let mut bytes: Vec<u8> = (0..=255).collect();
        bytes.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{");
        for start in 0..bytes.len() {
            assert_eq!(letters_end(&bytes, start), slow(&bytes, start), "at {start}");
        }
        for c in 0..=255u8 {
            let run = [b'a', b'b', c, b'c', b'd', b'e', b'f', b'g', b'h', b'i'];
            assert_eq!(letters_end(&run, 0), slow(&run, 0), "byte {c:#x}");
        }
    }

    #[test]
    fn keys_are_the_lower_cased_word_near_the_end_of_the_text_too() {
        let text = b"xx Billion Seventeenths";
        let want = |w: &[u8]| {
            let mut k = [0u8; MAX_WORD];
            k[..w.len()].copy_from_slice(w);
            u128::from_le_bytes(k)
        };
        assert_eq!(lower_key(text, 3, 7), want(b"billion"));
        assert_eq!(lower_key(text, 11, 12), want(b"seventeenths"));
        assert_eq!(lower_key(b"SIXTEENLETTERSXY", 0, 16), want(b"sixteenlettersxy"));
    }
}
