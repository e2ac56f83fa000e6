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

/// The per-claim verdict marks the side out of line, and the JSON carries the sides.
#[test]
fn the_side_out_of_line_gets_the_conflict_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n[[metric]]\nid = \"cost\"\nkind = \"money\"\nnear = [\"cost\"]\n",
    )
    .unwrap();
    for (name, figure) in [("a", "$4.2 billion"), ("b", "$4.2 billion"), ("c", "$8.4 billion")] {
        std::fs::write(d.join(format!("{name}.txt")), format!("The bridge will cost {figure}.\n"))
            .unwrap();
    }
    let (r, code) = check_json(d, &[]);
    assert_eq!(code, 1);
    let verdicts: Vec<(&str, &str)> = r["metrics"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["source"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(verdicts, vec![("a.txt", "agree"), ("b.txt", "agree"), ("c.txt", "conflict")]);
    let sides = r["findings"][0]["sides"].as_array().unwrap();
    assert_eq!(sides.len(), 2);
    assert_eq!(sides[1]["outlier"], true, "{sides:?}");
    assert_eq!(sides[1]["sources"][0], "c.txt");
}

/// The size of a change is not the quantity, and on a metric that changes over time the old
/// value of a change is not current.
#[test]
fn a_changes_delta_and_old_value_are_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n\
         [[metric]]\nid = \"estimate\"\nkind = \"money\"\nnear = [\"estimate\"]\n\
         [[metric]]\nid = \"tariff\"\nkind = \"percent\"\nnear = [\"tariffs\"]\nchanges = true\n",
    )
    .unwrap();
    std::fs::write(
        d.join("a.txt"),
        "PCS raised its estimate by $1.5 billion to $27.4 billion. They raised tariffs from 84% to 125%.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "The estimate is now $27.4 billion. The tariffs stand at 125%.\n",
    )
    .unwrap();
    let (r, code) = check_json(d, &[]);
    assert_eq!(code, 0, "{:#}", r["findings"]);
}
