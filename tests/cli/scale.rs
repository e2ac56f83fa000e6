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

/// The Nordwind example dates its sources in front matter only, which claims do not carry:
/// with `extract --base`, each claim brings its conversion at that date, and the findings are
/// the same (same fingerprints, codes and claims).
#[test]
fn claims_extracted_with_a_base_keep_front_matter_dates() {
    let example = root().join("examples/nordwind-q2-2026");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["rules.toml", "press-release.txt", "trade-journal.txt", "wire-report.txt"] {
        std::fs::copy(example.join(f), d.join(f)).unwrap();
    }
    // Names come from front matter, which claims do not carry, so messages name files; what
    // was found is the same.
    let findings = |v: &serde_json::Value| {
        let list = v["findings"].as_array().unwrap().iter();
        list.map(|f| (f["fingerprint"].clone(), f["code"].clone(), f["claims"].clone()))
            .collect::<Vec<_>>()
    };
    let (direct, code) = check_json(d, &[]);
    assert_eq!(code, 1);
    let o = run(d, &["extract", "--format", "jsonl", "--base", "EUR", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(d.join("claims.jsonl"), stdout(&o)).unwrap();
    let (via_claims, code) = check_json(d, &["--claims", "claims.jsonl"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&via_claims), findings(&direct));
    assert_eq!(via_claims["metrics"], direct["metrics"]);
}

/// Many outlets repeating a figure, in roundings, against one outlet with another figure:
/// one finding, the agreeing figures on one side with every source that states them.
#[test]
fn agreeing_figures_from_many_sources_are_one_side_of_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n\n[[metric]]\nid = \"bridge-cost\"\nlabel = \"Cost of the bridge\"\nkind = \"money\"\nnear = [\"Danubia\"]\n",
    )
    .unwrap();
    let says = [
        ("a.txt", "The Danubia bridge will cost $4.2 billion, officials said."),
        ("b.txt", "The Danubia bridge will cost $4.2 billion, the ministry said."),
        ("c.txt", "Building the Danubia bridge costs about $4bn, engineers said."),
        ("d.txt", "The Danubia bridge will cost US$4,150 million, a report said."),
        ("e.txt", "The Danubia bridge will cost $8.4 billion, critics said."),
    ];
    for (name, text) in says {
        std::fs::write(d.join(name), format!("{text}\n")).unwrap();
    }
    let (r, code) = check_json(d, &[]);
    assert_eq!(code, 1);
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["code"], "cross-source-conflict");
    assert_eq!(f["claims"].as_array().unwrap().len(), 5);
    let msg = f["message"].as_str().unwrap();
    assert!(
        msg.starts_with("bridge-cost: $4bn–$4.2bn (")
            && ["a.txt", "b.txt", "c.txt", "d.txt"].iter().all(|s| msg.contains(s))
            && msg.contains("vs $8.4bn (e.txt)"),
        "{msg}"
    );
}

/// Output grows with the findings, not the square of the input: 1,000 different figures on
/// one metric in one text, and one article syndicated by 300 outlets.
#[test]
fn output_size_follows_the_findings_not_the_square_of_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text: Vec<String> =
        (0..1000).map(|i| format!("The aid was ${} million.", i * 7 + 3)).collect();
    std::fs::write(d.join("a.txt"), text.join(" ")).unwrap();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
    )
    .unwrap();
    let o = run(d, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.len() < 20 << 20, "{} bytes of JSON", o.stdout.len());
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(r["findings"].as_array().unwrap().len() <= 3000);

    let syn = tempfile::tempdir().unwrap();
    let s = syn.path();
    std::fs::create_dir(s.join("seeds")).unwrap();
    let seed = std::fs::read_to_string(root().join("seeds/000_a8faa647a3fe2d09.txt")).unwrap();
    for i in 0..300 {
        std::fs::write(s.join(format!("seeds/copy{i}.txt")), &seed).unwrap();
    }
    let rules = std::fs::read_to_string(root().join("rules.toml")).unwrap();
    let rules: String = rules.split("[[source]]").next().unwrap().to_string()
        + &rules[rules.find("[[metric]]").unwrap()..];
    std::fs::write(s.join("rules.toml"), rules).unwrap();
    for format in ["github", "sarif"] {
        let o = run(s, &["check", "--as-of", "2025-02-22", "--format", format]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        assert!(o.stdout.len() < 5 << 20, "{format}: {} bytes", o.stdout.len());
    }
}
