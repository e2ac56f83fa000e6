//! Helpers shared by the CLI tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The repository root (where rules.toml and seeds/ live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `crosscheck` run in `dir`.
pub fn cmd(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    // Wide enough that no table cell wraps: tests look for whole phrases. The width tests
    // set their own COLUMNS.
    c.current_dir(dir).env("NO_COLOR", "1").env("COLUMNS", "1000");
    c
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir).args(args).output().expect("runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary copy of the project's sample: rules.toml and seeds/.
pub fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("seeds").join(e.file_name())).unwrap();
    }
    std::fs::copy(root().join("rules.toml"), dir.path().join("rules.toml")).unwrap();
    dir
}

/// `check --format json` on `dir`, parsed, with the exit code.
pub fn check_json(dir: &Path, extra: &[&str]) -> (serde_json::Value, i32) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    let code = o.status.code().unwrap_or(-1);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("bad json ({e}): {}\n{}", stdout(&o), stderr(&o)));
    (v, code)
}

/// The metric `id` of a JSON report.
pub fn metric<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no metric {id}"))
}

/// The `text` of each claim in a JSON array of claims.
pub fn texts(claims: &Value) -> Vec<String> {
    claims.as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap().to_string()).collect()
}

/// The findings with `code` that name every metric in `metrics`.
pub fn findings<'a>(report: &'a Value, code: &str, metrics: &[&str]) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["code"] == code
                && metrics.iter().all(|m| f["metrics"].as_array().unwrap().iter().any(|x| x == m))
        })
        .collect()
}
