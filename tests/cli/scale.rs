//! `check --claims` (the reduce step over claims extracted elsewhere) and `--threads`: both
//! must give the report a plain `check` gives.

use crate::util::*;

fn json(dir: &std::path::Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn check_over_extracted_claims_equals_check_over_sources() {
    let dir = sample_copy();
    let d = dir.path();
    let direct = json(d, &["check", "--format", "json"]);
    let o = run(d, &["extract", "--format", "jsonl", "seeds/"]);
    assert_eq!(o.status.code(), Some(0));
    let jsonl = stdout(&o);
    std::fs::write(d.join("claims.jsonl"), &jsonl).unwrap();
    assert_eq!(json(d, &["check", "--format", "json", "--claims", "claims.jsonl"]), direct);

    // Shards, as a map step on several machines would write them: one line each.
    let mut shards = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        let name = format!("shard-{i:03}.jsonl");
        std::fs::write(d.join(&name), format!("{line}\n")).unwrap();
        shards.push(name);
    }
    let mut args = vec!["check", "--format", "json", "--claims"];
    args.extend(shards.iter().map(String::as_str));
    assert_eq!(json(d, &args), direct);

    // From stdin.
    let o = cmd(d)
        .args(["check", "--format", "json", "--claims", "-"])
        .write_stdin(jsonl)
        .output()
        .unwrap();
    assert_eq!(stdout(&o), direct);
}

#[test]
fn threads_do_not_change_the_report() {
    let dir = sample_copy();
    let one = json(dir.path(), &["check", "--format", "json", "--threads", "1"]);
    let four = json(dir.path(), &["check", "--format", "json", "--threads", "4"]);
    assert_eq!(one, four);
}

#[test]
fn bad_claims_input_is_exit_2_naming_file_and_line() {
    let dir = sample_copy();
    let d = dir.path();
    std::fs::write(d.join("bad.jsonl"), "{\"source\":\"x.txt\"}\n").unwrap();
    let o = run(d, &["check", "--claims", "bad.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.jsonl:1: not a claim record"), "{}", stderr(&o));
    let o = run(d, &["check", "--claims", "missing.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.jsonl"), "{}", stderr(&o));
    let o = run(d, &["check", "seeds/", "--claims", "bad.jsonl"]);
    assert_eq!(o.status.code(), Some(2), "paths and --claims conflict");
    assert!(stderr(&o).contains("--claims"), "{}", stderr(&o));
}
