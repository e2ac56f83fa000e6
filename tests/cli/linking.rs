//! `--explain` and `--unlinked` in every human format: the words that linked each claim, and
//! for each claim no metric took, the nearest metric and what stopped it.

use crate::util::{root, run, stdout};

fn out(args: &[&str]) -> String {
    let o = run(&root(), args);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{args:?}");
    stdout(&o)
}

#[test]
fn explain_puts_the_linking_words_under_each_claim_in_table_markdown_and_html() {
    let table = out(&["check", "--explain"]);
    assert!(table.contains("↳ near: \"military\" (1 word away)"), "{table}");
    assert!(!out(&["check"]).contains("↳ near:"));
    let md = out(&["check", "--explain", "--format", "markdown"]);
    assert!(md.contains("↳ <sub>near: \"military\" (1 word away)</sub>"), "{md}");
    let html = out(&["check", "--explain", "--format", "html"]);
    assert!(html.contains("linked by near: &quot;military&quot; (1 word away)"), "{html}");
}

#[test]
fn unlinked_claims_say_why_in_every_format() {
    // The $2 donation: no money metric has a word in its sentence.
    let why = "no metric of its kind has a word in its sentence";
    for format in ["table", "markdown", "html", "github", "json"] {
        let text = out(&["check", "--unlinked", "--format", format]);
        assert!(text.contains(why), "{format}: {text}");
    }
}

#[test]
fn an_unlinked_claim_names_the_nearest_metric_and_its_veto() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n[[metric]]\nid = \"total-aid\"\nkind = \"money\"\nnear = [\"aid\"]\nnot = [\"military\"]\n",
    )
    .unwrap();
    std::fs::write(d.join("a.txt"), "It gave $5 billion in military aid.\n").unwrap();
    let text = stdout(&run(d, &["check", "--unlinked"]));
    assert!(
        text.contains(
            "nearest metric `total-aid`: \"aid\" 2 words away, but its not word \"military\" (1 word away) is as near or nearer"
        ),
        "{text}"
    );
}

#[test]
fn at_100_columns_the_table_fits_and_every_location_is_whole() {
    for args in [&["check"][..], &["check", "--explain", "--unlinked"][..], &["check", "-v"][..]] {
        let o = crate::util::cmd(&root()).env("COLUMNS", "100").args(args).output().unwrap();
        let text = stdout(&o);
        for line in text.lines() {
            assert!(
                line.chars().count() <= 100,
                "{args:?}: {} columns: {line}",
                line.chars().count()
            );
        }
        for loc in ["seeds/000_a8faa647a3fe2d09.txt:16:120", "seeds/003_574b0f94677ba69c.txt:2:171"]
        {
            assert!(text.contains(loc), "{args:?}: {loc} split or missing");
        }
        if args.contains(&"--explain") {
            assert!(text.contains("↳ near:"), "{text}");
        }
    }
}

#[test]
fn rules_toml_is_found_in_a_parent_folder_and_its_paths_stay_relative_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"articles/*.txt\"]\n[[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\n",
    )
    .unwrap();
    std::fs::create_dir_all(d.join("articles/deep")).unwrap();
    std::fs::write(d.join("articles/a.txt"), "The aid was $5 billion.\n").unwrap();
    std::fs::write(d.join("articles/b.txt"), "The aid was $9 billion.\n").unwrap();
    let o = run(&d.join("articles/deep"), &["check", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1), "{}", crate::util::stderr(&o));
    assert!(stdout(&o).contains("cross-source-conflict"), "{}", stdout(&o));
    let o = run(&d.join("articles/deep"), &["rules", "validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", crate::util::stderr(&o));
}
