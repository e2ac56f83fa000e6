use super::*;

#[test]
fn starter_validates_without_warnings() {
    let rules = Rules::parse("rules.toml", STARTER).unwrap_or_else(|d| {
        panic!("{}", diag::render_all(&d, STARTER));
    });
    assert!(rules.warnings.is_empty(), "{:?}", rules.warnings);
    assert_eq!(rules.metrics.len(), 2);
    assert_eq!(rules.relations.len(), 1);
}

/// Parses `tests/fixtures/rules/<name>.toml` (each holds one class of mistake) and renders
/// every diagnostic, the way `rules validate` prints them.
fn rendered(name: &str) -> String {
    let path = format!("{}/tests/fixtures/rules/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = format!("{name}.toml");
    match Rules::parse(&file, &text) {
        Ok(_) => panic!("{file} should not validate"),
        Err(diagnostics) => diag::render_all(&diagnostics, &text),
    }
}

macro_rules! fixture_snapshots {
    ($($test:ident => $name:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let out = rendered($name);
            assert!(out.contains(&format!("--> {}.toml:", $name)), "{out}");
            assert!(out.contains('^'), "{out}");
            insta::assert_snapshot!($name, out);
        }
    )*};
}

fixture_snapshots! {
    unknown_key => "unknown-key",
    unknown_metric => "unknown-metric",
    bad_tolerance => "bad-tolerance",
    bad_currency => "bad-currency",
    duplicate_id => "duplicate-id",
    empty_matcher => "empty-matcher",
    syntax_error => "syntax-error",
    wrong_type => "wrong-type",
    missing_field => "missing-field",
}

#[test]
fn every_error_in_a_file_is_reported_not_just_the_first() {
    let text = r#"
[currency]
base = "EUX"
[tolerance]
default = "five percent"
[[metric]]
id = "a"
kind = "money"
near = ["aid"]
colour = "red"
[[metric]]
id = "a"
kind = "percent"
near = ["share"]
[[rule]]
id = "r"
kind = "agree"
left = "a"
right = "b"
"#;
    let diags = Rules::parse("rules.toml", text).unwrap_err();
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["unknown-currency", "bad-tolerance", "unknown-key", "duplicate-id", "unknown-metric"]
    );
    // Sorted by position, each with its own line.
    let lines: Vec<usize> = diags.iter().map(|d| d.location(text).0).collect();
    assert_eq!(lines, [3, 5, 10, 12, 19]);
}

#[test]
fn every_code_is_listed_once_and_documented() {
    let docs = include_str!("../../docs/rules.md");
    for (i, (code, _)) in CODES.iter().enumerate() {
        assert!(!CODES[..i].iter().any(|(c, _)| c == code), "{code} twice");
        assert!(docs.contains(&format!("`{code}`")), "docs/rules.md lacks `{code}`");
    }
    for name in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/config/snapshots")).unwrap()
    {
        let snap = std::fs::read_to_string(name.unwrap().path()).unwrap();
        let headers = snap
            .lines()
            .filter_map(|l| l.strip_prefix("error[").or_else(|| l.strip_prefix("warning[")));
        for code in headers.filter_map(|rest| rest.split(']').next()) {
            assert!(CODES.iter().any(|(c, _)| *c == code), "{code} not in CODES");
        }
    }
}

#[test]
fn an_empty_file_gives_the_defaults() {
    let rules = Rules::parse("rules.toml", "").unwrap();
    let defaults = Rules { file: "rules.toml".into(), ..Rules::default() };
    assert_eq!(rules, defaults);
    assert_eq!(rules.tolerance.default.to_string(), "5%");
    assert_eq!(rules.tolerance.conversion.to_string(), "0.5%");
}

#[test]
fn a_full_file_becomes_typed_rules() {
    let text = r#"
sources = ["seeds/*.txt"]
[currency]
base = "EUR"
dollar = "CAD"
rates = "fixed"
fixed = { USD = "0.95", CAD = "0.68" }
[tolerance]
default = "2bn EUR"
[[source]]
path = "seeds/a.txt"
name = "AFP"
published = 2025-02-22
url = "https://example.com"
[[metric]]
id = "displaced"
label = "People displaced"
kind = "count"
unit = "people"
near = ["displaced"]
tolerance = "1000"
severity = "warning"
within-source = false
[[metric]]
id = "aid"
kind = "money"
near = ["aid"]
[[metric]]
id = "aid-a"
kind = "money"
near = ["aid"]
[[rule]]
id = "parts"
kind = "sum"
parts = ["aid-a", "aid-a"]
total = "aid"
tolerance = "1%"
severity = "info"
"#;
    let rules = Rules::parse("cfg/rules.toml", text).unwrap();
    assert_eq!(rules.dir, PathBuf::from("cfg"));
    assert_eq!(rules.sources, ["seeds/*.txt"]);
    assert!(!rules.currency.use_ecb);
    assert_eq!(rules.currency.fixed["USD"], Decimal::new(95, 2));
    let s = &rules.source_meta[0];
    assert_eq!(s.published, Some(jiff::civil::date(2025, 2, 22)));
    assert_eq!(s.location.to_string(), "cfg/rules.toml:10:1");
    let m = rules.metric("displaced").unwrap();
    assert_eq!(
        (m.kind, m.unit.as_deref(), m.severity, m.within_source),
        (Kind::Count, Some("people"), Severity::Warning, false)
    );
    assert_eq!(rules.metric("aid").unwrap().label, "aid");
    let r = &rules.relations[0];
    assert_eq!(r.kind.metrics(), ["aid-a", "aid-a", "aid"]);
    assert_eq!(r.severity, Severity::Info);
    // A part listed twice is allowed but warned about.
    assert_eq!(rules.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["redundant"]);
    assert_eq!(
        rules.explain_metric(m),
        "A count claim of people joins `displaced` (People displaced) when its clause mentions \
         displaced; claims from different sources conflict when they differ by more than \
         1000 people (10% for hedged figures). Figures from the same source are not compared \
         with each other. Conflicts are warnings."
    );
    assert_eq!(
        rules.explain_relation(r),
        "Rule `parts` (sum): `aid-a` + `aid-a` must add up to `aid`; it is flagged when the sum \
         differs from the total by more than 1%. Violations are reported for information only."
    );
}

#[test]
fn explain_reads_like_the_design() {
    let rules = Rules::parse("rules.toml", STARTER).unwrap();
    assert_eq!(
        rules.explain_metric(rules.metric("us-aid-total").unwrap()),
        "A money claim joins `us-aid-total` (Total US aid to Ukraine since 2022) when its clause \
         mentions aid, assistance or help, its sentence mentions United States, U.S. or \
         Washington, and its clause does not mention military; claims from different sources \
         conflict when they differ by more than 5% (10% for hedged figures). Contradictions \
         inside one source are reported too. Conflicts are errors."
    );
    assert_eq!(rules.suggest_metric("us-aid-totl"), Some("us-aid-total"));
}

#[test]
fn fixed_rates_must_cover_the_currencies_used() {
    let text = "[currency]\nrates = \"fixed\"\ndollar = \"CAD\"\nfixed = { EUR = \"1.05\" }\n";
    let diags = Rules::parse("rules.toml", text).unwrap_err();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "missing-rate");
    assert!(diags[0].message.contains("CAD"));
}

#[test]
fn config_error_displays_every_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.toml");
    std::fs::write(&path, "[currency]\nbase = \"usd\"\n[[metric]]\nid = \"x\"\n").unwrap();
    let err = Rules::load(&path).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("error[unknown-currency]"), "{shown}");
    assert!(shown.contains("error[missing-key]: `[[metric]]` without `kind`"), "{shown}");
    let missing = Rules::load(&dir.path().join("nope.toml")).unwrap_err();
    assert!(matches!(missing, ConfigError::Io { .. }));
}

#[test]
fn rules_relate_metrics_of_one_kind_and_words_get_suggestions() {
    let text = r#"
[[metric]]
id = "aid"
kind = "money"
near = ["aid"]
[[metric]]
id = "share"
kind = "monee"
near = ["share"]
[[metric]]
id = "gdp-share"
kind = "percent"
near = ["GDP"]
[[rule]]
id = "r"
kind = "at_most"
left = "aid"
right = "aid"
[[rule]]
id = "s"
kind = "agree"
left = "aid"
right = "gdp-share"
severity = "eror"
"#;
    let diags = Rules::parse("rules.toml", text).unwrap_err();
    let got: Vec<(&str, Option<&str>)> =
        diags.iter().map(|d| (d.code, d.hint.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("invalid-value", Some("did you mean `money`?")),
            ("invalid-value", Some("did you mean `at-most`?")),
            ("kind-mismatch", Some("a rule can only relate metrics of the same kind")),
            ("invalid-value", Some("did you mean `error`?")),
        ]
    );
    // `r` has an invalid kind, so left = right is not judged; `share` is declared, so no
    // rule naming it would be an unknown metric.
    assert!(diags[2].message.contains("`aid` (money) to `gdp-share` (percent)"));
}
