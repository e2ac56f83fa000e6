//! Where `extract` writes: stdout redirected to a regular file is written in place (no second
//! copy of the output), and must end up exactly as a pipe would have received it, or as it
//! was before the run when the run fails.

use std::fs::{self, File, OpenOptions};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::util::run;

/// `crosscheck ARGS` in `dir` with stdout going to `out`.
fn into_file(dir: &Path, args: &[&str], out: File) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out)
        .output()
        .expect("runs")
}

/// `files` files of `lines` lines each with three claims a line.
fn corpus_of(files: usize, lines: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..files {
        let text =
            format!("Officials said it cost ${i}.5 million, about {i}% more than in 2019.\n");
        fs::write(dir.path().join(format!("{i:03}.txt")), text.repeat(lines)).unwrap();
    }
    dir
}

/// 40 files whose JSON Lines come to about 2.4 MB: more than the output buffer holds, so a
/// run that fails at the last file has already written into its output file.
fn corpus() -> tempfile::TempDir {
    corpus_of(40, 60)
}

const ARGS: &[&str] = &["extract", "--format", "jsonl", "--threads", "2", "."];

#[test]
fn a_file_among_the_inputs_gets_what_a_pipe_gets_and_is_not_read_back() {
    // Files are read 256 at a time, and output is written between batches: with 300 files the
    // output file, sorted last, is read after the first batch's 3 MB have reached it.
    let dir = corpus_of(300, 12);
    // The output file sits in the walked folder, so it is one of the inputs, empty at the
    // start: a pipe run sees it empty too.
    let out = dir.path().join("zz-claims.txt");
    fs::write(&out, "").unwrap();
    let piped = run(dir.path(), ARGS);
    assert_eq!(piped.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&piped.stderr).contains("zz-claims.txt: empty file"));
    let direct = into_file(dir.path(), ARGS, File::create(&out).unwrap());
    assert_eq!(direct.status.code(), Some(0));
    let written = fs::read(&out).unwrap();
    assert_eq!(written.len(), piped.stdout.len());
    assert!(written.len() > 1 << 20, "more than the output buffer");
    assert!(written == piped.stdout, "same bytes as through a pipe");
    assert_eq!(direct.stderr, piped.stderr, "the same warnings");
}

#[test]
fn a_failed_run_leaves_the_output_file_empty() {
    let dir = corpus();
    fs::write(dir.path().join("039.txt"), b"Latin-1 \xe9 $5").unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let o = into_file(dir.path(), ARGS, out.reopen().unwrap());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("039.txt"));
    assert_eq!(fs::metadata(out.path()).unwrap().len(), 0, "nothing half-written");
}

#[test]
fn appending_keeps_what_was_there_on_failure_and_appends_on_success() {
    let dir = corpus();
    let out = tempfile::NamedTempFile::new().unwrap();
    fs::write(out.path(), "earlier\n").unwrap();
    let append = || OpenOptions::new().append(true).open(out.path()).unwrap();
    let ok = into_file(dir.path(), ARGS, append());
    assert_eq!(ok.status.code(), Some(0));
    let after = fs::read(out.path()).unwrap();
    assert!(after.starts_with(b"earlier\n{\"source\":"));
    fs::write(dir.path().join("039.txt"), b"Latin-1 \xe9 $5").unwrap();
    let bad = into_file(dir.path(), ARGS, append());
    assert_eq!(bad.status.code(), Some(2));
    assert!(fs::read(out.path()).unwrap() == after, "a failed run appends nothing");
}

#[cfg(unix)]
#[test]
fn dev_null_takes_the_output() {
    let dir = corpus();
    let o = into_file(dir.path(), ARGS, File::create("/dev/null").unwrap());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty());
}
