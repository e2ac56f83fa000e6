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

#[test]
fn claim_overrides_link_or_ignore_one_claim_and_survive_reflowed_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rules = "sources = [\"*.txt\"]\n\
        [[metric]]\nid = \"china-rate\"\nkind = \"percent\"\nnear = [\"tariffs\"]\n\
        [[metric]]\nid = \"fentanyl-rate\"\nkind = \"percent\"\nnear = [\"fentanyl\"]\n\
        [[claim]]\nsource = \"b.txt\"\ntext = \"145%\"\nmetric = \"fentanyl-rate\"\nreason = \"the 145% adds the fentanyl levy\"\n\
        [[claim]]\nsource = \"a.txt\"\ntext = \"99%\"\nignore = true\n\
        [[claim]]\nat = \"a.txt:9:9\"\nignore = true\n";
    std::fs::write(d.join("rules.toml"), rules).unwrap();
    std::fs::write(d.join("a.txt"), "They raised tariffs on Chinese products to\n125%.\n").unwrap();
    std::fs::write(d.join("b.txt"), "They raised tariffs on Chinese products to 145%.\n").unwrap();
    let (r, code) = crate::util::check_json(d, &["--explain"]);
    assert_eq!(code, 0, "{r:#}");
    let fentanyl = &r["metrics"][1]["claims"];
    assert_eq!(fentanyl[0]["text"], "145%", "{r:#}");
    assert_eq!(fentanyl[0]["linked_by"][0], "a [[claim]] in rules.toml");
    assert_eq!(r["metrics"][0]["claims"].as_array().unwrap().len(), 1);
    let stale = r["stale_claims"].as_array().unwrap();
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(stale[0].as_str().unwrap().contains("a.txt “99%”"), "{stale:?}");
    let table = stdout(&run(d, &["check"]));
    assert!(table.contains("Claim overrides that matched nothing"), "{table}");

    // A bad override is an error with its location.
    std::fs::write(
        d.join("rules.toml"),
        format!("{rules}[[claim]]\nsource = \"a.txt\"\ntext = \"1\"\nmetric = \"china-rat\"\n"),
    )
    .unwrap();
    let o = run(d, &["rules", "validate"]);
    assert_eq!(o.status.code(), Some(2));
    let err = crate::util::stderr(&o);
    assert!(
        err.contains("rules.toml:")
            && err.contains("no metric `china-rat`")
            && err.contains("china-rate"),
        "{err}"
    );
}

#[test]
fn metric_scope_min_max_hedges_sources_and_unit_synonyms() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\", \"wire/*.txt\"]\n\
         [[metric]]\nid = \"daily-cost\"\nkind = \"money\"\nnear = [\"a day\"]\nmin = \"1bn\"\nexclude-hedges = [\"vague\"]\n\
         [[metric]]\nid = \"small-daily\"\nkind = \"money\"\nnear = [\"a day\"]\nmax = \"1bn\"\n\
         [[metric]]\nid = \"dead\"\nkind = \"count\"\nnear = [\"killed\", \"claimed\"]\nunit = \"people\"\n\
         [[metric]]\nid = \"wire-only\"\nkind = \"count\"\nnear = [\"homes\"]\nunits = [\"structures\"]\nsources = [\"wire/*.txt\"]\n",
    )
    .unwrap();
    std::fs::create_dir(d.join("wire")).unwrap();
    std::fs::write(
        d.join("a.txt"),
        "The war costs $2bn a day. Another estimate is $258m a day. Some say billions of dollars a day.\n\
         The fire claimed 27 lives. It burned 11,000 homes.\n",
    )
    .unwrap();
    std::fs::write(d.join("wire/b.txt"), "It burned 12,000 homes.\n").unwrap();
    let (r, _) = crate::util::check_json(d, &["--unlinked"]);
    let texts = |id: &str| -> Vec<String> {
        let m = r["metrics"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap();
        m["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts("daily-cost"), vec!["$2bn"]);
    assert_eq!(texts("small-daily"), vec!["$258m"]);
    assert_eq!(texts("dead"), vec!["27"], "27 lives are people");
    assert_eq!(texts("wire-only"), vec!["12,000"], "homes are structures; only wire/");
    let unlinked: Vec<&str> = r["unlinked"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["unlinked_because"].as_str())
        .collect();
    assert!(unlinked.iter().any(|w| w.contains("outside their scope")), "{unlinked:?}");
}

#[test]
fn validation_warns_of_empty_globs_and_missing_metrics_and_explain_knows_rules_and_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("rules.toml"), "sources = [\"articles/*.txt\"]\n").unwrap();
    let o = run(d, &["rules", "validate"]);
    let err = crate::util::stderr(&o);
    assert!(err.contains("empty-glob") && err.contains("articles/*.txt"), "{err}");
    assert!(err.contains("no-metrics"), "{err}");
    let explained = stdout(&run(&root(), &["rules", "explain", "demand-vs-total-aid"]));
    assert!(explained.contains("us-demand") && explained.contains("us-aid-total"), "{explained}");
    let code = stdout(&run(&root(), &["rules", "explain", "misquote"]));
    assert!(code.contains("What it checks"), "{code}");
}

#[test]
fn statistics_count_findings_per_code_and_metric() {
    let text = stdout(&run(&root(), &["check", "--statistics"]));
    assert!(text.contains("Findings by code") && text.contains("agree-violated (6 new)"), "{text}");
    assert!(text.contains("Findings by metric") && text.contains("us-aid-total"), "{text}");
    // With another format, the counts go to stderr and the report stays clean.
    let o = run(&root(), &["check", "--statistics", "--format", "json"]);
    assert!(crate::util::stderr(&o).contains("Findings by code"));
    serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
}

#[test]
fn a_claim_override_is_not_subject_to_the_metrics_scope() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("rules.toml"),
        "sources = [\"*.txt\"]\n[[metric]]\nid = \"daily\"\nkind = \"money\"\nnear = [\"a day\"]\nmin = \"1bn\"\n\
         [[claim]]\nsource = \"a.txt\"\ntext = \"$258m\"\nmetric = \"daily\"\nreason = \"the same daily cost, measured otherwise\"\n",
    )
    .unwrap();
    std::fs::write(d.join("a.txt"), "The war costs $2bn a day. Another estimate is $258m a day.\n")
        .unwrap();
    let (r, _) = crate::util::check_json(d, &[]);
    let texts: Vec<&str> = r["metrics"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, vec!["$2bn", "$258m"], "{r:#}");
    assert!(r["stale_claims"].is_null(), "{r:#}");
}

#[test]
fn a_metrics_own_hedged_tolerance_wins_over_the_global_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rules = |hedged: &str| {
        format!(
            "sources = [\"*.txt\"]\n[tolerance]\nhedged = \"10%\"\n\
             [[metric]]\nid = \"aid\"\nkind = \"money\"\nnear = [\"aid\"]\ntolerance = \"0%\"\n{hedged}\n"
        )
    };
    std::fs::write(d.join("a.txt"), "The aid was about $100 billion.\n").unwrap();
    std::fs::write(d.join("b.txt"), "The aid was $106 billion.\n").unwrap();
    // 6% apart: within the global 10% for hedged figures…
    std::fs::write(d.join("rules.toml"), rules("")).unwrap();
    assert_eq!(crate::util::check_json(d, &[]).1, 0);
    // …but not within the metric's own 2%.
    std::fs::write(d.join("rules.toml"), rules("hedged = \"2%\"")).unwrap();
    assert_eq!(crate::util::check_json(d, &[]).1, 1);
    // A window that is no number of days is a located error.
    std::fs::write(d.join("rules.toml"), rules("changes = true\nwindow = -3")).unwrap();
    let o = run(d, &["rules", "validate"]);
    assert_eq!(o.status.code(), Some(2));
    let err = crate::util::stderr(&o);
    assert!(err.contains("bad-window") && err.contains("rules.toml:"), "{err}");
}
