//! The README's excerpt of `check` on the sample is a real run's output: every line of it
//! (but the `…`) is a line that `COLUMNS=100 crosscheck check` prints on the seeds.

use crate::util::{cmd, root, stdout};

#[test]
fn the_readme_excerpt_is_what_check_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let marker = "An excerpt on the sample:\n\n```\n";
    let start = readme.find(marker).expect("the excerpt") + marker.len();
    let end = start + readme[start..].find("```").unwrap();
    let o = cmd(&root()).env("COLUMNS", "100").arg("check").output().unwrap();
    let printed = stdout(&o);
    let lines: Vec<&str> = printed.lines().collect();
    for line in readme[start..end].lines().filter(|l| *l != "…") {
        assert!(
            lines.contains(&line),
            "README line not in `COLUMNS=100 crosscheck check`: {line:?}\n\nthe run printed:\n{printed}"
        );
    }
}
