/// Byte offset → 1-based line and column (columns count characters, as editors show them).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// `(line, column)`, both 1-based. `text` must be the text the index was built from.
    pub fn line_col_in(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, start) = self.line_start(offset);
        let offset = offset.min(text.len());
        let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_char_columns() {
        let text = "ab\n€5 x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col_in(text, 0), (1, 1));
        assert_eq!(idx.line_col_in(text, 3), (2, 1));
        assert_eq!(idx.line_col_in(text, 6), (2, 2)); // after the 3-byte €
        assert_eq!(idx.line_col_in(text, 10), (3, 1));
    }
}
