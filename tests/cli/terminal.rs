//! The terminal experience: `--quiet`, nothing but the report on a pipe, the HTML report via
//! the CLI, completions and the man page.

use crate::util::*;

#[test]
fn a_piped_run_prints_no_progress_and_no_colour() {
    let dir = sample_copy();
    // NO_COLOR unset on purpose: a pipe alone must turn colour off.
    let o = cmd(dir.path()).env_remove("NO_COLOR").arg("check").output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stdout(&o).contains('\u{1b}'), "escape codes on a pipe");
    assert!(!stderr(&o).contains('\r'), "a progress bar drew on a pipe: {:?}", stderr(&o));
}

#[test]
fn quiet_silences_warnings_but_not_errors() {
    let dir = sample_copy();
    std::fs::write(dir.path().join("seeds/empty.txt"), "").unwrap();
    let loud = run(dir.path(), &["check", "seeds/"]);
    assert!(stderr(&loud).contains("empty.txt"), "{}", stderr(&loud));
    let quiet = run(dir.path(), &["check", "--quiet", "seeds/"]);
    assert_eq!(quiet.status.code(), loud.status.code());
    assert_eq!(stderr(&quiet), "");
    assert_eq!(stdout(&quiet), stdout(&loud));
    let missing = run(dir.path(), &["-q", "check", "nowhere.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nowhere.txt"), "{}", stderr(&missing));
}

#[test]
fn html_report_written_to_a_file_is_self_contained() {
    let dir = sample_copy();
    let o = run(dir.path(), &["check", "--format", "html", "--output", "report.html"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "--output leaves stdout empty");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80.min(html.len())]);
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_ascii_lowercase();
    for banned in ["<script", "<link", "@import", "src=\"http", "url(http"] {
        assert!(!lower.contains(banned), "external resource or script: {banned}");
    }
    // Every metric that has claims gets a plot; the seeds fill four.
    assert_eq!(html.matches("<svg").count(), 4);
    assert!(html.contains("<mark>half a trillion {dollars}</mark>"));
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let o = run(dir.path(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("baseline"), "{shell}");
    }
    let bad = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
    let man = run(dir.path(), &["man"]);
    assert_eq!(man.status.code(), Some(0));
    assert!(stdout(&man).contains(".TH crosscheck"));
}

#[test]
fn rules_explain_describes_the_codes_without_a_rules_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["rules", "explain", "--codes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for code in [
        "cross-source-conflict",
        "within-source-conflict",
        "at-most-violated",
        "sum-mismatch",
        "agree-violated",
        "fx-inconsistent",
    ] {
        assert!(stdout(&o).contains(&format!("`{code}`")), "{code}");
    }
    // With a rules file, only the codes it can raise follow the explanation.
    let o = run(&root(), &["rules", "explain"]);
    assert!(stdout(&o).contains("Findings these rules can raise:"));
    assert!(stdout(&o).contains("`agree-violated`") && !stdout(&o).contains("`sum-mismatch`"));
}

#[test]
fn a_missing_rules_file_named_explicitly_gets_no_init_hint() {
    let dir = tempfile::tempdir().unwrap();
    let default = run(dir.path(), &["check"]);
    assert_eq!(default.status.code(), Some(2));
    assert!(stderr(&default).contains("crosscheck init"), "{}", stderr(&default));
    let named = run(dir.path(), &["check", "--rules", "rules.toml"]);
    assert_eq!(named.status.code(), Some(2));
    assert!(stderr(&named).contains("rules.toml") && !stderr(&named).contains("crosscheck init"));
}

/// An inline conversion in an undated source is checked at the `--as-of` date.
#[test]
fn inline_conversions_are_checked_at_the_as_of_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n\n[[metric]]\nid = \"aid\"\nlabel = \"Aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
    )
    .unwrap();
    // 1.5 USD per EUR is far from the ECB's 1.0478 on 2025-02-14.
    std::fs::write(d.join("a.txt"), "Europe gave 100 billion euros ($150 billion) in aid.\n")
        .unwrap();
    let (r, _) = check_json(d, &["--as-of", "2025-02-14"]);
    let fx: Vec<_> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "fx-inconsistent")
        .collect();
    assert_eq!(fx.len(), 1, "{r:#}");
    assert!(fx[0]["message"].as_str().unwrap().contains("on 2025-02-14"), "{}", fx[0]["message"]);
}
