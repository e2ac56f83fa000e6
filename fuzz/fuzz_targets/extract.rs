//! Feeds arbitrary UTF-8 into `extract` and checks the span contract of every claim: inside
//! the text, on char boundaries, inside its sentence, in order, `restates` pointing at another
//! claim. Invalid UTF-8 is skipped (the CLI decodes files before extracting).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let claims = crosscheck::extract::extract(text);
    let mut prev_start = 0;
    for (i, c) in claims.iter().enumerate() {
        assert!(c.start <= c.end && c.end <= text.len(), "claim {i}: span {}..{}", c.start, c.end);
        assert!(
            text.is_char_boundary(c.start) && text.is_char_boundary(c.end),
            "claim {i}: span off char boundary"
        );
        let (s, e) = c.sentence;
        assert!(s <= c.start && c.end <= e && e <= text.len(), "claim {i}: sentence {s}..{e}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "claim {i}: sentence off char boundary"
        );
        assert!(c.start >= prev_start, "claim {i}: out of order");
        prev_start = c.start;
        if let Some(r) = c.restates {
            assert!(r < claims.len() && r != i, "claim {i}: restates {r}");
        }
    }
});
