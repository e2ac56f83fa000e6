//! The story clusters of tests/stories/ (real articles on one story, with rules.toml and hand
//! annotations that scripts/story-bench scores): each cluster's findings are held in a
//! committed snapshot, tests/stories/<cluster>/findings.snap, so that any change to them is
//! noticed and reviewed. Run with `UPDATE_STORIES=1` to rewrite the snapshots instead.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{check_json, root};

const SNAPSHOT: &str = "findings.snap";
const UPDATE: &str = "UPDATE_STORIES";

/// Every cluster folder (one with a rules.toml), sorted by name.
fn clusters() -> Vec<PathBuf> {
    let dir = root().join("tests").join("stories");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable folder").path())
        .filter(|p| p.join("rules.toml").is_file())
        .collect();
    out.sort();
    out
}

/// A claim's text on one line.
fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r")
}

/// The compact summary of a report: a header, the summary counts, then one line per finding
/// (code, rule, and the sorted `source:text` of its claims), the finding lines sorted.
fn summary(name: &str, report: &Value, code: i32) -> String {
    let s = &report["summary"];
    let mut out = format!(
        "# `crosscheck check --format json` in tests/stories/{name}: exit {code}\n\
         # {UPDATE}=1 cargo test --test cli stories  rewrites this file\n\
         summary: sources {}, claims {}, linked {}, findings {}, new {}\n",
        s["sources"], s["claims"], s["linked"], s["findings"], s["new"]
    );
    let mut lines: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let mut claims: Vec<String> = f["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(|c| {
                    format!(
                        "{}:{}",
                        c["source"].as_str().unwrap_or("?"),
                        one_line(c["text"].as_str().unwrap_or("?"))
                    )
                })
                .collect();
            claims.sort();
            format!(
                "{} {}: {}",
                f["code"].as_str().unwrap_or("?"),
                f["rule"].as_str().unwrap_or("?"),
                claims.join(" | ")
            )
        })
        .collect();
    lines.sort();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// The lines only in `old` (`-`) and only in `new` (`+`).
fn diff(old: &str, new: &str) -> String {
    let mut old: Vec<&str> = old.lines().collect();
    let mut new: Vec<&str> = new.lines().collect();
    old.sort_unstable();
    new.sort_unstable();
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < old.len() || j < new.len() {
        if j == new.len() || (i < old.len() && old[i] < new[j]) {
            out.push_str(&format!("  - {}\n", old[i]));
            i += 1;
        } else if i == old.len() || new[j] < old[i] {
            out.push_str(&format!("  + {}\n", new[j]));
            j += 1;
        } else {
            i += 1;
            j += 1;
        }
    }
    out
}

fn check_cluster(dir: &Path, update: bool) -> Option<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let (report, code) = check_json(dir, &[]);
    assert!(code == 0 || code == 1, "{name}: check exited {code}");
    let got = summary(&name, &report, code);
    let path = dir.join(SNAPSHOT);
    if update {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(want) if want.replace("\r\n", "\n") == got => None,
        Ok(want) => Some(format!(
            "{}: the findings changed (- snapshot, + now):\n{}",
            path.display(),
            diff(&want, &got)
        )),
        Err(e) => Some(format!("{}: {e}", path.display())),
    }
}

#[test]
fn story_findings_match_their_snapshots() {
    let update = std::env::var(UPDATE).is_ok_and(|v| v == "1");
    let dirs = clusters();
    assert!(!dirs.is_empty(), "no story cluster under tests/stories/");
    let failures: Vec<String> = dirs.iter().filter_map(|d| check_cluster(d, update)).collect();
    assert!(
        failures.is_empty(),
        "{}\nIf the change is intended, review it and rewrite the snapshots with \
         `{UPDATE}=1 cargo test --test cli stories`, then commit tests/stories/*/{SNAPSHOT}.",
        failures.join("\n")
    );
}
