/// Byte offset → 1-based line and column (columns count characters, as editors show them).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before[k]`: characters in the first `k * BLOCK` bytes; empty when no line is
    /// longer than `DIRECT`, since only a column on such a line needs it. Without it a column on a
    /// long line costs the whole line, and a 10 MB one-line file took minutes (quadratic).
    chars_before: Vec<usize>,
}

/// Bytes between checkpoints of [`LineIndex::chars_before`].
const BLOCK: usize = 256;
/// Lines up to this long are counted directly; only longer ones need checkpoints.
const DIRECT: usize = 16 * BLOCK;

/// Characters in `bytes`, which may start or end inside one: UTF-8 lead bytes and ASCII.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // News paragraphs are a few hundred bytes: one allocation for most texts.
        let mut starts = Vec::with_capacity(text.len() / 256 + 2);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        // Checkpoints only help a line too long to count directly; most texts have none.
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        let long_line = starts.iter().zip(ends).any(|(a, b)| b - a > DIRECT);
        let mut chars_before = Vec::new();
        if long_line {
            chars_before.push(0);
            for block in text.as_bytes().chunks(BLOCK) {
                chars_before.push(chars_before.last().copied().unwrap_or(0) + count_chars(block));
            }
        }
        LineIndex { starts, chars_before }
    }

    /// Characters in `text[..offset]`, in O(BLOCK) when the checkpoints cover `offset`.
    fn chars_up_to(&self, text: &str, offset: usize) -> usize {
        let k = offset / BLOCK;
        match self.chars_before.get(k) {
            Some(&n) => n + count_chars(&text.as_bytes()[k * BLOCK..offset]),
            None => count_chars(&text.as_bytes()[..offset]),
        }
    }

    /// `(line, column)`, both 1-based. `text` must be the text the index was built from.
    pub fn line_col_in(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, start) = self.line_start(offset);
        let offset = offset.min(text.len());
        let column = match text.get(start..offset) {
            None => offset - start,
            Some(s) if s.len() <= DIRECT => s.chars().count(),
            Some(_) => self.chars_up_to(text, offset) - self.chars_up_to(text, start),
        } + 1;
        (line, column)
    }

    /// `(line, byte column)`, both 1-based, without the text at hand.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, start) = self.line_start(offset);
        (line, offset - start + 1)
    }

    fn line_start(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        (line, self.starts[line - 1])
    }
}

/// Line and column (as [`LineIndex::line_col_in`] gives them) of offsets that come in
/// increasing order, each counted on from the one before: one pass over the text for all of
/// them, and no index to build. An offset before the last starts again from the top.
#[derive(Debug, Clone)]
pub struct LineCounter {
    offset: usize,
    line: usize,
    column: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { offset: 0, line: 1, column: 1 }
    }
}

impl LineCounter {
    /// `(line, column)` of `offset` in `text`, a character boundary, both 1-based.
    pub fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCounter::default();
        }
        let seen = &text.as_bytes()[self.offset..offset];
        // Characters of `text[from..offset]`: `str`'s count, a word at a time, where both
        // ends are character boundaries (claims' offsets always are).
        let chars = |from: usize| {
            text.get(from..offset)
                .map_or_else(|| count_chars(&text.as_bytes()[from..offset]), |s| s.chars().count())
        };
        match memchr::memrchr(b'\n', seen) {
            None => self.column += chars(self.offset),
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', seen).count();
                self.column = chars(self.offset + last + 1) + 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting on from the last offset gives what the index gives, in any order.
        #[test]
        fn counting_on_agrees_with_the_index(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "b c", "\n", "\r\n", "€", "é", "  ", "\n\n"]),
                0..60),
            picks in proptest::collection::vec(0..1000usize, 0..12),
        ) {
            let text: String = pieces.concat();
            let idx = LineIndex::new(&text);
            let bounds: Vec<usize> =
                (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
            let mut sorted: Vec<usize> = picks.iter().map(|p| bounds[p % bounds.len()]).collect();
            sorted.sort_unstable();
            // In order (the common case), then as picked (going back starts again).
            for offsets in [sorted, picks.iter().map(|p| bounds[p % bounds.len()]).collect()] {
                let mut counter = LineCounter::default();
                for o in offsets {
                    proptest::prop_assert_eq!(counter.line_col(&text, o), idx.line_col_in(&text, o));
                }
            }
        }
    }

    #[test]
    fn lines_and_char_columns() {
        let text = "ab\n€5 x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col_in(text, 0), (1, 1));
        assert_eq!(idx.line_col_in(text, 3), (2, 1));
        assert_eq!(idx.line_col_in(text, 6), (2, 2)); // after the 3-byte €
        assert_eq!(idx.line_col_in(text, 10), (3, 1));
    }

    #[test]
    fn lines_counted_directly_give_character_columns() {
        // Longer than a checkpoint block, shorter than DIRECT: counted without checkpoints.
        let text = format!("x\n{}", "€ab ".repeat(200));
        let idx = LineIndex::new(&text);
        assert!(idx.chars_before.is_empty());
        let last = text.len() - 1;
        assert_eq!(idx.line_col_in(&text, last), (2, text[2..last].chars().count() + 1));
    }

    #[test]
    fn long_lines_use_checkpoints_and_agree_with_counting() {
        let text = format!("x\n{}", "a€bc ".repeat(5000));
        let idx = LineIndex::new(&text);
        for offset in (2..text.len()).filter(|&o| text.is_char_boundary(o)).step_by(997) {
            let want = text[2..offset].chars().count() + 1;
            assert_eq!(idx.line_col_in(&text, offset), (2, want), "offset {offset}");
        }
    }
}
