//! What the comparison model promises on whole runs: rules that could not run say so.

use crate::util::{check_json, run, stdout};

#[test]
fn a_sum_rule_that_cannot_run_says_why_in_json_and_table() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n\
         [[metric]]\nid = \"military\"\nkind = \"money\"\nnear = [\"military\"]\n\
         [[metric]]\nid = \"civil\"\nkind = \"money\"\nnear = [\"civil\"]\n\
         [[metric]]\nid = \"total\"\nkind = \"money\"\nnear = [\"total\"]\n\
         [[rule]]\nid = \"parts\"\nkind = \"sum\"\nparts = [\"military\", \"civil\"]\ntotal = \"total\"\n",
    )
    .unwrap();
    std::fs::write(d.join("a.txt"), "The total was $10 billion. Military aid was $4 billion.\n")
        .unwrap();
    std::fs::write(d.join("b.txt"), "Civil aid was $5 billion.\n").unwrap();
    std::fs::write(d.join("c.txt"), "Civil aid was $9 billion.\n").unwrap();
    let (r, _) = check_json(d, &[]);
    let rule = &r["rules"][0];
    assert_eq!(rule["id"], "parts");
    assert_eq!(rule["evaluated"], false, "{rule}");
    let note = rule["notes"][0].as_str().unwrap();
    assert!(note.contains("part `civil` missing in 1 source (a.txt)"), "{note}");
    let table = stdout(&run(d, &["check"]));
    assert!(table.contains("Rules not fully evaluated"), "{table}");
    assert!(table.contains("sum parts (not evaluated): part `civil` missing"), "{table}");

    // When the other sources agree on the part (0.2% apart), it is taken and the rule runs.
    std::fs::write(d.join("c.txt"), "Civil aid was $5.01 billion.\n").unwrap();
    let (r, code) = check_json(d, &[]);
    assert_eq!(r["rules"][0]["evaluated"], true, "{}", r["rules"]);
    assert_eq!(code, 1, "4 + 5 is not 10");
}
