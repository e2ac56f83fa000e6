//! CI gating end to end (issue 5): baseline → re-flow → new contradiction → stale entry →
//! expired `until` → corrupt baseline.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{check_json, run, sample_copy, stderr};

const AFP: &str = "seeds/000_a8faa647a3fe2d09.txt";
const BASELINE: &str = "crosscheck-baseline.toml";

fn new_findings(r: &Value) -> Vec<&Value> {
    r["findings"].as_array().unwrap().iter().filter(|f| f["baseline"] == "new").collect()
}

fn texts(f: &Value) -> Vec<&str> {
    f["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect()
}

fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(file);
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, f(text)).unwrap();
}

#[test]
fn gating_on_new_contradictions_end_to_end() {
    let dir = sample_copy();
    let d = dir.path();

    // 1. Accept today's findings.
    let o = run(d, &["baseline"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (r, code) = check_json(d, &["--baseline", BASELINE]);
    assert_eq!(code, 0);
    assert!(new_findings(&r).is_empty());
    assert!(r["stale_baseline"].as_array().unwrap().is_empty());
    let known = r["findings"].as_array().unwrap().len();
    assert!(known > 0);

    // 2. Re-flow a source: blank lines, doubled spaces, indentation. Nothing changes.
    edit(d, AFP, |t| {
        t.lines().map(|l| format!("  {}", l.replace(' ', "  "))).collect::<Vec<_>>().join("\n\n")
    });
    let (r, code) = check_json(d, &["--baseline", BASELINE]);
    assert_eq!(code, 0, "re-flowing text must not create new findings: {:#?}", new_findings(&r));
    assert_eq!(r["findings"].as_array().unwrap().len(), known);

    // 3. A new contradicting figure: exit 1, and only findings about it are new.
    let pentagon = "The Pentagon said total U.S. aid to Ukraine since 2022 was $350 billion.";
    edit(d, AFP, |t| format!("{t}\n{pentagon}\n"));
    let (r, code) = check_json(d, &["--baseline", BASELINE]);
    assert_eq!(code, 1);
    let new = new_findings(&r);
    assert!(!new.is_empty());
    for f in &new {
        assert!(
            texts(f).contains(&"$350 billion"),
            "a new finding not caused by the new figure: {f:#?}"
        );
    }
    let still_known =
        r["findings"].as_array().unwrap().iter().filter(|f| f["baseline"] == "known").count();
    assert_eq!(still_known, known, "every accepted finding is still known");

    // 4. Remove the new sentence and one that carried an accepted finding: exit 0, stale.
    edit(d, AFP, |t| {
        t.replace(pentagon, "")
            .lines()
            .filter(|l| !(l.contains("hundreds") && l.contains("spending")))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let (r, code) = check_json(d, &["--baseline", BASELINE]);
    assert_eq!(code, 0);
    let stale = r["stale_baseline"].as_array().unwrap();
    assert!(!stale.is_empty(), "the removed finding is reported stale");
    assert!(
        stale.iter().all(|s| s["message"].as_str().unwrap().contains("spending-vs-total-aid")),
        "{stale:#?}"
    );
    let table = run(d, &["check", "--baseline", BASELINE]);
    assert!(crate::util::stdout(&table).to_lowercase().contains("stale"));

    // 5. An expired `until` stops suppressing its finding.
    edit(d, BASELINE, |t| {
        t.replacen(
            "code = \"within-source-conflict\"",
            "code = \"within-source-conflict\"\nuntil = 2020-01-01",
            1,
        )
    });
    let (r, code) = check_json(d, &["--baseline", BASELINE]);
    assert_eq!(code, 1);
    let new = new_findings(&r);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["code"], "within-source-conflict");

    // 6. A corrupt baseline is an input error with its location.
    fs::write(d.join(BASELINE), "version = 1\n[[finding]\nfingerprint = 3\n").unwrap();
    let o = run(d, &["check", "--baseline", BASELINE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("crosscheck-baseline.toml:2:"), "{}", stderr(&o));
    // …and so is a missing one.
    let o = run(d, &["check", "--baseline", "nope.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.toml"));
}

#[test]
fn fail_on_levels() {
    let dir = sample_copy();
    let d = dir.path();
    assert_eq!(run(d, &["check", "--fail-on", "never"]).status.code(), Some(0));
    assert_eq!(run(d, &["check", "--fail-on", "warning"]).status.code(), Some(1));
    assert_eq!(run(d, &["check", "--fail-on", "sometimes"]).status.code(), Some(2));
}

#[test]
fn baseline_keeps_reasons_when_rewritten() {
    let dir = sample_copy();
    let d = dir.path();
    assert_eq!(run(d, &["baseline"]).status.code(), Some(0));
    edit(d, BASELINE, |t| {
        t.replacen(
            "# reason = \"why this is accepted\"",
            "reason = \"Trump's figure, reported as said\"",
            1,
        )
    });
    assert_eq!(run(d, &["baseline"]).status.code(), Some(0));
    let t = fs::read_to_string(d.join(BASELINE)).unwrap();
    assert!(t.contains("reason = \"Trump's figure, reported as said\""));
}
