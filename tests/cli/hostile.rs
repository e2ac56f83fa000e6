//! Hostile inputs (issue: "every bad input ends in one clear message"). Each test runs the real
//! binary under a watchdog and checks the invariants of docs/robustness.md:
//!
//! - the exit code is 0, 1 or 2: never 101 (a panic) and never a signal;
//! - the run ends within a time bound, else the test fails with "hang";
//! - on exit 2, stderr names the input at fault (its path, pattern or flag);
//! - nothing is half-written: an `--output` file that existed is byte-identical after a failed
//!   run.
//!
//! Big inputs are generated in a tempdir at test time; small ones live in
//! tests/fixtures/hostile/.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{root, sample_copy, stderr};

/// The watchdog for ordinary inputs.
const LIMIT: Duration = Duration::from_secs(20);

/// The watchdog for the 10 MB inputs: 20 s for an optimized binary (`cargo test --release`);
/// an unoptimized one is ~10× slower at extraction, so it gets more room. A quadratic blow-up
/// on 10 MB takes hours, so either bound still catches one.
fn big_limit() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(240)
    } else {
        Duration::from_secs(20)
    }
}

/// What a bounded run gave.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `crosscheck ARGS` in `dir` with stdin closed, killing it after `limit`. Fails the test
/// on a hang, a signal or a panic (exit 101), and on exit 2 without `names` in stderr.
fn bounded(dir: &Path, args: &[&str], limit: Duration, names: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let mut child = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn crosscheck");
    // Drain both pipes on threads: a child blocked on a full pipe would look like a hang.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hang: `crosscheck {}` still running after {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        elapsed,
    };
    let shown = || format!("`crosscheck {}`\nstderr:\n{}", args.join(" "), tail(&run.stderr));
    assert!(status.code().is_some(), "killed by a signal ({status}): {}", shown());
    assert_ne!(run.code, 101, "panicked: {}", shown());
    assert!(matches!(run.code, 0..=2), "exit {} is not 0, 1 or 2: {}", run.code, shown());
    if run.code == 2 {
        assert!(run.stderr.contains(names), "exit 2 without naming `{names}`: {}", shown());
        assert!(!run.stderr.contains("panicked"), "{}", shown());
    }
    run
}

fn hostile(dir: &Path, args: &[&str], names: &str) -> Run {
    bounded(dir, args, LIMIT, names)
}

/// The last 2000 bytes of `s`, for failure messages.
fn tail(s: &str) -> &str {
    let mut i = s.len().saturating_sub(2000);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/hostile").join(name)
}

/// A tempdir holding `name` with `bytes`.
fn dir_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

fn assert_code(run: &Run, code: i32) {
    assert_eq!(run.code, code, "stdout:\n{}\nstderr:\n{}", tail(&run.stdout), tail(&run.stderr));
}

/// Values of the `text` field of each `extract` JSON line.
fn claim_texts(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().unwrap().to_string()
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        }))
        .collect()
}

// ---- Encodings, binary, empty -------------------------------------------------------------

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let dir = dir_with("latin1.txt", b"The fund paid \xa35bn (caf\xe9).\n");
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "latin1.txt"], "latin1.txt");
    assert_code(&run, 2);
    assert!(run.stderr.contains("latin1.txt: not valid UTF-8 at byte 14"), "{}", run.stderr);
    let copy = sample_copy();
    fs::write(copy.path().join("seeds/latin1.txt"), b"caf\xe9 $5bn\n").unwrap();
    for cmd in ["check", "baseline"] {
        let run = hostile(copy.path(), &[cmd], "seeds/latin1.txt");
        assert_code(&run, 2);
        assert!(run.stderr.contains("at byte 3"), "{}", run.stderr);
    }
}

#[test]
fn utf16_with_bom_is_decoded_both_ways() {
    for (name, be) in [("le.txt", false), ("be.txt", true)] {
        let dir = dir_with(name, &utf16("Kyiv got \u{20ac}64 billion in aid.\n", be));
        let run = hostile(dir.path(), &["extract", "--format", "jsonl", name], name);
        assert_code(&run, 0);
        assert_eq!(claim_texts(&run), ["\u{20ac}64 billion"], "{name}");
    }
}

#[test]
fn utf8_bom_is_stripped() {
    let dir = dir_with("bom.txt", b"\xef\xbb\xbfIt cost $5bn.\n");
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "bom.txt"], "bom.txt");
    assert_code(&run, 0);
    let v: serde_json::Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!((v["text"].as_str(), v["start"].as_u64()), (Some("$5bn"), Some(11)));
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let dir = dir_with("blob.txt", b"\x7fELF\x02\x01\x01\x00\x00$5bn\x00\x00");
    fs::write(dir.path().join("ok.txt"), "It cost $5bn.\n").unwrap();
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "."], "blob.txt");
    assert_code(&run, 0);
    assert!(run.stderr.contains("warning: blob.txt: looks binary"), "{}", run.stderr);
    assert_eq!(claim_texts(&run), ["$5bn"]);
}

#[test]
fn only_binary_sources_is_an_error_naming_them() {
    let copy = sample_copy();
    let bin = copy.path().join("blob.txt");
    fs::write(&bin, b"\x00\x01\x02").unwrap();
    for cmd in ["check", "baseline"] {
        let run = hostile(copy.path(), &[cmd, "blob.txt"], "blob.txt");
        assert_code(&run, 2);
        assert!(run.stderr.contains("no readable source files in blob.txt"), "{}", run.stderr);
    }
}

#[test]
fn empty_file_warns_and_yields_nothing() {
    let dir = dir_with("empty.txt", b"");
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "empty.txt"], "empty.txt");
    assert_code(&run, 0);
    assert!(run.stderr.contains("warning: empty.txt: empty file"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

// ---- Big and pathological text --------------------------------------------------------------

/// A 10 MB file that is one line of prose, ~90 bytes per figure. Before the fix, each claim's
/// column counted the characters from the start of the line: quadratic, minutes on 10 MB.
#[test]
fn ten_megabyte_single_line_does_not_hang() {
    let sentence = "According to the ministry, the United States gave Ukraine about $65.9 billion \
                    in military aid since 2022, while Europe pledged 114.2 billion euros, \
                    officials said. ";
    let n = 10 * 1024 * 1024;
    let text: String = sentence.repeat(n / sentence.len() + 1).chars().take(n).collect();
    let dir = dir_with("line.txt", text.as_bytes());
    let run =
        bounded(dir.path(), &["extract", "--format", "jsonl", "line.txt"], big_limit(), "line.txt");
    assert_code(&run, 0);
    let last = run.stdout.lines().last().expect("claims");
    let v: serde_json::Value = serde_json::from_str(last).unwrap();
    // The column is still exact (the line is ASCII, so it is the byte offset + 1).
    assert_eq!(v["line"], 1);
    assert_eq!(v["column"].as_u64().unwrap(), v["start"].as_u64().unwrap() + 1);
    eprintln!("10 MB single line: extract in {:?}", run.elapsed);
}

#[test]
fn million_digit_number_does_not_panic() {
    let text = format!("It cost ${} in total, and 12% more.\n", "9".repeat(1_000_000));
    let dir = dir_with("digits.txt", text.as_bytes());
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "digits.txt"], "digits.txt");
    assert_code(&run, 0);
    // Beyond rust_decimal's 28 digits: not a claim (never a wrapped or rounded value).
    assert_eq!(claim_texts(&run), ["12%"]);
    let copy = sample_copy();
    fs::write(copy.path().join("seeds/digits.txt"), &text).unwrap();
    let run = hostile(copy.path(), &["check", "--as-of", "2025-02-20"], "digits.txt");
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
}

/// Hedge, range and magnitude words over and over: no backtracking blow-up.
#[test]
fn repeated_keywords_do_not_hang() {
    let cases = [
        ("between.txt", "between ".repeat(100_000)),
        ("billion.txt", format!("$5 {}", "billion ".repeat(100_000))),
        ("and.txt", "between 5 and ".repeat(100_000)),
        ("dollars.txt", "$".repeat(1_000_000)),
        ("hedges.txt", "about nearly roughly more than up to ".repeat(50_000)),
        ("digits.txt", "1,".repeat(100_000)),
    ];
    for (name, text) in cases {
        let dir = dir_with(name, text.as_bytes());
        let run = bounded(dir.path(), &["extract", "--format", "jsonl", name], big_limit(), name);
        assert_code(&run, 0);
        eprintln!("{name}: extract in {:?}", run.elapsed);
    }
}

#[test]
fn deeply_nested_brackets_do_not_overflow_the_stack() {
    let text = format!("{}$5bn{}\n", "([{".repeat(100_000), "}])".repeat(100_000));
    let dir = dir_with("nested.txt", text.as_bytes());
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "nested.txt"], "nested.txt");
    assert_code(&run, 0);
    assert_eq!(claim_texts(&run), ["$5bn"]);
}

// ---- Files, directories, globs ------------------------------------------------------------

#[test]
fn unreadable_file_names_the_file() {
    let dir = dir_with("secret.txt", b"It cost $5bn.\n");
    let path = dir.path().join("secret.txt");
    set_mode(&path, 0o000);
    if fs::read(&path).is_ok() {
        // Running as root (CI containers): permissions do not bite, so there is nothing to
        // test; the error path is the same `Io` one a missing file takes.
        eprintln!("skipped: running as root, chmod 000 does not stop reads");
        return;
    }
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "secret.txt"], "secret.txt");
    assert_code(&run, 2);
    assert!(run.stderr.contains("secret.txt: cannot read"), "{}", run.stderr);
    set_mode(&path, 0o644);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_walked_directory_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir(&src).unwrap();
    fs::write(src.join("a.txt"), "It cost $5bn.\n").unwrap();
    std::os::unix::fs::symlink("..", src.join("up")).unwrap();
    std::os::unix::fs::symlink("loop.txt", src.join("loop.txt")).unwrap();
    let run = hostile(dir.path(), &["extract", "--format", "jsonl", "src"], "src");
    assert_code(&run, 0);
    assert!(run.stderr.contains("warning: src/up: skipped"), "{}", run.stderr);
    assert_eq!(claim_texts(&run), ["$5bn"]);
}

#[test]
fn missing_path_names_it() {
    let copy = sample_copy();
    for args in [
        &["extract", "--format", "jsonl", "nope.txt"][..],
        &["check", "nope.txt"],
        &["baseline", "nope.txt"],
    ] {
        let run = hostile(copy.path(), args, "nope.txt: no such file or directory");
        assert_code(&run, 2);
    }
}

#[test]
fn sources_glob_matching_nothing_names_the_glob() {
    let copy = sample_copy();
    let rules = fs::read_to_string(copy.path().join("rules.toml")).unwrap();
    fs::write(copy.path().join("rules.toml"), rules.replace("seeds/*.txt", "seedz/*.txt")).unwrap();
    for cmd in ["check", "baseline"] {
        let run = hostile(copy.path(), &[cmd], "seedz/*.txt: the glob matches no file");
        assert_code(&run, 2);
    }
}

#[test]
fn directory_without_text_files_is_an_error() {
    let copy = sample_copy();
    fs::create_dir(copy.path().join("csvs")).unwrap();
    fs::write(copy.path().join("csvs/table.csv"), "a,b\n1,2\n").unwrap();
    for cmd in ["extract", "check", "baseline"] {
        let run = hostile(copy.path(), &[cmd, "csvs"], "csvs: no .txt or .md file");
        assert_code(&run, 2);
    }
}

// ---- rules.toml ---------------------------------------------------------------------------

#[test]
fn bad_rules_are_reported_with_their_location() {
    let cases = [
        ("syntax-error.toml", "syntax-error"),
        ("unknown-key.toml", "unknown-key"),
        ("unknown-metric.toml", "unknown-metric"),
        ("bad-tolerance.toml", "bad-tolerance"),
        ("bad-currency.toml", "unknown-currency"),
    ];
    let copy = sample_copy();
    for (file, code) in cases {
        let path = root().join("tests/fixtures/rules").join(file);
        let path = path.to_str().unwrap();
        let located = format!("--> {path}:");
        for args in
            [&["rules", "validate", "--rules", path][..], &["check", "--rules", path, "seeds"]]
        {
            let run = hostile(copy.path(), args, &located);
            assert_code(&run, 2);
            assert!(run.stderr.contains(&format!("error[{code}]")), "{file}: {}", run.stderr);
        }
        let run = hostile(copy.path(), &["baseline", "--rules", path, "seeds"], &located);
        assert_code(&run, 2);
    }
}

#[test]
fn rules_that_are_not_utf8_or_not_a_file_are_named() {
    let copy = sample_copy();
    fs::write(copy.path().join("latin1.toml"), b"sources = [\"caf\xe9/*.txt\"]\n").unwrap();
    fs::create_dir(copy.path().join("rules.d")).unwrap();
    for rules in ["latin1.toml", "rules.d", "missing.toml"] {
        for cmd in [&["rules", "validate"][..], &["check"], &["baseline"]] {
            let mut args = cmd.to_vec();
            args.extend(["--rules", rules]);
            let run = hostile(copy.path(), &args, rules);
            assert_code(&run, 2);
        }
    }
}

// ---- Baselines ----------------------------------------------------------------------------

#[test]
fn corrupt_truncated_and_wrong_version_baselines_are_named() {
    let copy = sample_copy();
    let d = copy.path();
    assert_code(&hostile(d, &["baseline", "-o", "good.toml"], "good.toml"), 0);
    let good = fs::read(d.join("good.toml")).unwrap();
    // Cut inside the last fingerprint string, as a disk-full copy would. (A cut between
    // entries is a valid, shorter baseline: indistinguishable from entries removed on purpose.)
    let text = String::from_utf8(good).unwrap();
    let cut = text.rfind("fingerprint = \"").unwrap() + 30;
    fs::write(d.join("truncated.toml"), &text[..cut]).unwrap();
    fs::copy(fixture("baseline-v2.toml"), d.join("v2.toml")).unwrap();
    fs::copy(fixture("baseline-garbage.toml"), d.join("garbage.toml")).unwrap();
    fs::write(d.join("binary.toml"), b"\x00\xff\xfe\x00").unwrap();
    fs::create_dir(d.join("dir.toml")).unwrap();
    for b in ["truncated.toml", "v2.toml", "garbage.toml", "binary.toml", "dir.toml", "none.toml"] {
        let run = hostile(d, &["check", "--baseline", b], b);
        assert_code(&run, 2);
    }
    let run = hostile(d, &["check", "--baseline", "v2.toml"], "v2.toml:2:11");
    assert!(run.stderr.contains("version 2 is not supported"), "{}", run.stderr);
}

// ---- Flags --------------------------------------------------------------------------------

#[test]
fn bad_flag_values_name_the_flag() {
    let copy = sample_copy();
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--format", "yaml"], "--format"),
        (&["extract", "--format", "jsonl", "--format", "yaml", "seeds"], "--format"),
        (&["check", "--fail-on", "maybe"], "--fail-on"),
        (&["check", "--as-of", "notadate"], "--as-of"),
        (&["check", "--as-of", "2025-02-30"], "--as-of"),
        (&["baseline", "--as-of", "yesterday"], "--as-of"),
        (&["check", "--format", "json", "--format", "sarif"], "--format"),
        (&["check", "--output"], "--output"),
        (&["check", "--rules"], "--rules"),
        (&["check", "--baseline"], "--baseline"),
        (&["baseline", "--output"], "--output"),
        (&["check", "--no-such-flag"], "--no-such-flag"),
        (&["rules", "frobnicate"], "frobnicate"),
        (&["extract", "--threads", "0", "seeds"], "--threads"),
        (&["extract", "--base", "USX", "seeds"], "--base"),
        (&["extract", "--dollar", "dollars", "seeds"], "--dollar"),
    ];
    for (args, flag) in cases {
        let run = hostile(copy.path(), args, flag);
        assert_code(&run, 2);
    }
}

#[test]
fn output_into_a_missing_directory_names_the_path() {
    let copy = sample_copy();
    for args in [
        &["check", "--output", "no/such/dir/report.json"][..],
        &["baseline", "--output", "no/such/dir/baseline.toml"],
        &["init", "no/such/dir/rules.toml"],
    ] {
        let run = hostile(copy.path(), args, "no/such/dir/");
        assert_code(&run, 2);
    }
    assert!(!copy.path().join("no").exists());
}

// ---- Atomic writes: a failed run leaves an existing output byte-identical -----------------

const PRECIOUS: &[u8] = b"# reviewed by hand, do not lose\nversion = 1\n";

#[test]
fn failed_runs_leave_an_existing_output_intact() {
    let copy = sample_copy();
    let d = copy.path();
    let rules = fs::read_to_string(d.join("rules.toml")).unwrap();
    fs::write(d.join("bad-rules.toml"), rules.replace("kind = \"money\"", "kind = \"mony\""))
        .unwrap();
    fs::write(d.join("no-match.toml"), rules.replace("seeds/*.txt", "seedz/*.txt")).unwrap();
    let out = d.join("out.toml");
    for bad in ["bad-rules.toml", "no-match.toml"] {
        for cmd in ["baseline", "check"] {
            fs::write(&out, PRECIOUS).unwrap();
            let run = hostile(d, &[cmd, "--rules", bad, "--output", "out.toml"], bad);
            assert_code(&run, 2);
            assert_eq!(fs::read(&out).unwrap(), PRECIOUS, "{cmd} --rules {bad} touched out.toml");
        }
    }
    // A source error after the rules loaded fine.
    fs::write(d.join("seeds/latin1.txt"), b"caf\xe9\n").unwrap();
    for cmd in ["baseline", "check"] {
        fs::write(&out, PRECIOUS).unwrap();
        let run = hostile(d, &[cmd, "--output", "out.toml"], "latin1.txt");
        assert_code(&run, 2);
        assert_eq!(fs::read(&out).unwrap(), PRECIOUS);
    }
    let leftovers: Vec<_> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn init_refuses_to_overwrite_and_keeps_the_old_content() {
    let dir = dir_with("rules.toml", PRECIOUS);
    let run = hostile(dir.path(), &["init"], "rules.toml already exists");
    assert_code(&run, 2);
    assert_eq!(fs::read(dir.path().join("rules.toml")).unwrap(), PRECIOUS);
    let run = hostile(dir.path(), &["init", "--force"], "rules.toml");
    assert_code(&run, 0);
    assert_ne!(fs::read(dir.path().join("rules.toml")).unwrap(), PRECIOUS);
}

/// Inputs that never end or never open: a FIFO, `/dev/zero`. Refused at once with exit 2,
/// never a hang (issue: hostile input, round two, class 2); `--threads` is capped.
#[cfg(unix)]
#[test]
fn fifos_devices_and_absurd_thread_counts_are_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(root().join("rules.toml"), d.join("rules.toml")).unwrap();
    let fifo = d.join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let cases: [&[&str]; 5] = [
        &["check", "pipe.txt"],
        &["check", "--rules", "/dev/zero"],
        &["check", "--claims", "/dev/zero"],
        &["check", "--baseline", "/dev/zero"],
        &["check", "--threads", "65535"],
    ];
    for args in cases {
        let started = std::time::Instant::now();
        let o = crate::util::cmd(d)
            .args(args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(started.elapsed().as_secs() < 15, "{args:?} took too long");
        let err = stderr(&o);
        assert!(err.contains("not a regular file") || err.contains("1..=1024"), "{args:?}: {err}");
    }
}

/// `--output` never replaces one of the run's inputs: rules, a source, the baseline.
#[test]
fn output_never_replaces_an_input() {
    let dir = sample_copy();
    let d = dir.path();
    let before = fs::read(d.join("rules.toml")).unwrap();
    for args in [
        &["check", "-o", "rules.toml"][..],
        &["check", "-o", "seeds/000_a8faa647a3fe2d09.txt"][..],
        &["baseline", "-o", "rules.toml"][..],
    ] {
        let o = crate::util::run(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("is one of this run's inputs"), "{args:?}: {}", stderr(&o));
    }
    let o = crate::util::run(d, &["baseline", "-o", "b.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = crate::util::run(d, &["check", "--baseline", "b.toml", "-o", "b.toml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(fs::read(d.join("rules.toml")).unwrap(), before);
}

/// An escape sequence in a source (a speaker, a sentence, a file name) never reaches the
/// terminal raw through the text formats.
#[test]
fn escape_sequences_from_sources_are_not_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
    )
    .unwrap();
    fs::write(d.join("a.txt"), "Evil\u{1b}[2J Corp said the aid was $5 billion.\n").unwrap();
    fs::write(d.join("b\u{1b}[31m.txt"), "The aid was $9 billion.\n").unwrap();
    for format in ["table", "concise", "markdown", "github"] {
        let o = crate::util::run(d, &["check", "--unlinked", "--format", format]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains('\u{1b}'), "{format}: {out:?}");
        assert!(out.contains("$9 billion") || out.contains("$9bn"), "{format}: {out}");
    }
}

/// A sentence a spreadsheet would run as a formula reaches extract's CSV as text.
#[test]
fn csv_cells_that_look_like_formulas_are_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(
        &f,
        "=HYPERLINK(\"http://x\") said the aid was $5 billion. It fell by -$2 billion.\n",
    )
    .unwrap();
    let o = crate::util::run(dir.path(), &["extract", "--format", "csv", "a.txt"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\"'=HYPERLINK("), "{out}");
    assert!(!out.contains(",=") && !out.contains(",\"="), "{out}");
}
