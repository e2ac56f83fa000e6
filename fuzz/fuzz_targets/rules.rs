//! Feeds arbitrary UTF-8 into the rules parser and validator: it must return rules or
//! diagnostics, never panic; every diagnostic must render (which slices the text at its
//! span, so a span off a char boundary or past the end panics here), and a file that parsed
//! must explain itself (`rules explain` walks every metric and rule).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match crosscheck::config::Rules::parse("rules.toml", text) {
        Ok(rules) => {
            for m in &rules.metrics {
                let _ = rules.explain_metric(m);
            }
            for r in &rules.relations {
                let _ = rules.explain_relation(r);
            }
            for w in &rules.warnings {
                let _ = w.render(text);
            }
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "failed without a diagnostic");
            for d in &diagnostics {
                if let Some(span) = &d.span {
                    assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
                }
                let _ = d.render(text);
                let _ = d.render_short(text);
            }
        }
    }
});
