//! Hard-wrapped text reads as the same text on long lines: the seeds wrapped at 40, 60 and 72
//! columns (`scripts/wrap-seeds.py`: Python's `textwrap.fill` per paragraph) give the same
//! claims and the same findings, fingerprint for fingerprint, as seeds/ as they are.

use std::path::Path;

use serde_json::Value;

use crate::util::{check_json, root, run, stderr};

/// What a claim says, whatever its position: text and sentence with whitespace collapsed.
fn claim_key(c: &Value) -> String {
    let flat =
        |v: &Value| v.as_str().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{} | {} | {} | {} | {} | {} | {}",
        c["source"],
        flat(&c["text"]),
        c["value"],
        c["kind"],
        c["attributed_to"],
        c["normalized"]["display"],
        c["verdict"],
    )
}

fn summary(report: &Value) -> (Vec<String>, Vec<String>) {
    let mut fingerprints: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    fingerprints.sort();
    let mut claims: Vec<String> = report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["claims"].as_array().unwrap().iter().map(claim_key))
        .chain(report["unlinked"].as_array().into_iter().flatten().map(claim_key))
        .collect();
    claims.sort();
    (fingerprints, claims)
}

fn wrapped_copy(width: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    let from = root().join(format!("tests/fixtures/wrapped/w{width}"));
    for e in std::fs::read_dir(&from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), seeds.join(e.file_name())).unwrap();
    }
    std::fs::copy(root().join("rules.toml"), dir.path().join("rules.toml")).unwrap();
    dir
}

#[test]
fn the_seeds_wrapped_at_40_60_and_72_columns_give_the_same_claims_and_findings() {
    let (base, code) = check_json(&root(), &["--unlinked"]);
    assert_eq!(code, 1);
    let (fingerprints, claims) = summary(&base);
    assert_eq!(fingerprints.len(), 7);
    for width in [40, 60, 72] {
        let dir = wrapped_copy(width);
        let text =
            std::fs::read_to_string(dir.path().join("seeds/000_a8faa647a3fe2d09.txt")).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= width as usize), "wrapped at {width}");
        let (r, code) = check_json(dir.path(), &["--unlinked"]);
        assert_eq!(code, 1, "wrapped at {width}: the contradictions are still found");
        let (f, c) = summary(&r);
        assert_eq!(c, claims, "claims of the seeds wrapped at {width}");
        assert_eq!(f, fingerprints, "findings of the seeds wrapped at {width}");
    }
}

#[test]
fn an_inline_conversion_on_the_next_line_is_one_amount() {
    // Used to panic in the linker (a restatement across two sentences).
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "The aid was 5 billion euros\n($5.2 billion).\n");
    write(dir.path(), "b.txt", "The aid was 5 billion euros\n\n($5.2 billion).\n");
    write(
        dir.path(),
        "rules.toml",
        "sources = [\"*.txt\"]\n[currency]\nbase = \"USD\"\n[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
    );
    let (r, code) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{r}");
    let claims = r["metrics"][0]["claims"].as_array().unwrap();
    let texts: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| (c["source"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert!(texts.contains(&("a.txt", "$5.2 billion")), "{texts:?}");
    let o = run(dir.path(), &["baseline", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_claims_file_whose_first_claim_restates_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"source":"x.txt","line":1,"column":1,"start":0,"end":5,"text":"$5bn.","kind":"money","value":"5000000000","low":null,"high":null,"currency":"USD","hedge":null,"attributed_to":null,"sentence":"$5bn.","normalized":null,"unit":null,"hedge_word":null,"restates":0}"#;
    write(dir.path(), "claims.jsonl", &format!("{line}\n"));
    write(dir.path(), "rules.toml", "[[metric]]\nid = \"m\"\nkind = \"money\"\nnear = [\"aid\"]\n");
    let o = run(dir.path(), &["check", "--claims", "claims.jsonl"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("claims.jsonl:1") && err.contains("restates"), "{err}");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}
