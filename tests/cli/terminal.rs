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
