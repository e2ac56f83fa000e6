//! DESIGN.md's "What the seeds must show", asserted on the JSON report of the project's own
//! rules.toml and seeds/.

use serde_json::Value;

use crate::util::{check_json, findings, metric, root, run, stdout, texts};

fn report() -> Value {
    let (v, code) = check_json(&root(), &[]);
    assert_eq!(code, 1, "contradictions found: exit 1");
    v
}

#[test]
fn the_demand_agrees_across_sources() {
    let r = report();
    let m = metric(&r, "us-demand");
    assert_eq!(m["status"], "agree");
    let claims = m["claims"].as_array().unwrap();
    let afp = claims
        .iter()
        .find(|c| {
            c["text"] == "$500 billion"
                && c["source"].as_str().unwrap().ends_with("000_a8faa647a3fe2d09.txt")
        })
        .unwrap();
    let ft = claims.iter().find(|c| c["text"] == "half a trillion {dollars}").unwrap();
    for c in [afp, ft] {
        assert_eq!(c["normalized"]["value"], "500000000000");
        assert_eq!(c["normalized"]["currency"], "USD");
        assert_eq!(c["verdict"], "agree");
    }
    assert!(findings(&r, "cross-source-conflict", &["us-demand"]).is_empty());
}

#[test]
fn the_demand_conflicts_with_the_published_aid_totals() {
    let r = report();
    let military = findings(&r, "agree-violated", &["us-demand", "us-aid-military"]);
    assert!(
        military.iter().any(|f| texts(&f["claims"]).contains(&"$65.9 billion".to_string())),
        "{military:#?}"
    );
    let total = findings(&r, "agree-violated", &["us-demand", "us-aid-total"]);
    let f = total
        .iter()
        .find(|f| texts(&f["claims"]).contains(&"$119.8 billion".to_string()))
        .expect("demand vs $119.8bn");
    let msg = f["message"].as_str().unwrap();
    assert!(
        msg.contains("$500bn")
            && msg.contains("$119.8bn")
            && msg.contains("4.2× apart")
            && msg.contains("tolerance 5%"),
        "{msg}"
    );
    assert!(
        texts(&f["claims"]).contains(&"half a trillion {dollars}".to_string()),
        "both sources' demand is named"
    );
    // "hundreds of billions of dollars" spent (Trump) conflicts with $119.8bn.
    let spending = findings(&r, "agree-violated", &["us-spending-claimed", "us-aid-total"]);
    assert!(spending.iter().any(|f| {
        let t = texts(&f["claims"]);
        t.contains(&"hundreds of billions of dollars".to_string())
            && t.contains(&"$119.8 billion".to_string())
    }));
}

#[test]
fn kiel_military_aid_agrees_with_the_state_department_and_fits_the_total() {
    let r = report();
    let m = metric(&r, "us-aid-military");
    let claims = m["claims"].as_array().unwrap();
    let kiel =
        claims.iter().find(|c| c["text"] == "64 billion euros").expect("€64bn is military aid");
    assert_eq!(kiel["normalized"]["rate_source"], "ecb");
    assert_eq!(kiel["normalized"]["rate_date"], "2025-02-21", "Saturday 22 Feb uses Friday's rate");
    let v: f64 = kiel["normalized"]["value"].as_str().unwrap().parse().unwrap();
    assert!((66.5e9..67.5e9).contains(&v), "≈ $67bn, got {v}");
    assert!(texts(&m["claims"]).contains(&"$65.9 billion".to_string()));
    assert!(findings(&r, "within-source-conflict", &["us-aid-military"]).is_empty(), "within 5%");
    assert!(
        findings(&r, "at-most-violated", &["us-aid-military", "us-aid-total"]).is_empty(),
        "≤ the €114.2bn total"
    );
    // The total and its part in one sentence link apart.
    let total = texts(&metric(&r, "us-aid-total")["claims"]);
    assert!(
        total.contains(&"114.2 billion euros".to_string())
            && total.contains(&"$119.8 billion".to_string())
    );
    assert!(
        !total.contains(&"64 billion euros".to_string())
            && !total.contains(&"$65.9 billion".to_string())
    );
}

#[test]
fn the_inline_conversion_is_consistent_with_the_ecb_rate() {
    let r = report();
    assert!(findings(&r, "fx-inconsistent", &[]).is_empty());
    let total = metric(&r, "us-aid-total");
    let eur = total["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "114.2 billion euros")
        .unwrap();
    assert_eq!(eur["normalized"]["rate_source"], "inline");
    assert_eq!(eur["normalized"]["value"], "119800000000");
    assert_eq!(eur["currency"], "EUR");
}

#[test]
fn the_two_dollar_donation_links_to_nothing() {
    let (r, _) = check_json(&root(), &["--unlinked"]);
    for m in r["metrics"].as_array().unwrap() {
        assert!(!texts(&m["claims"]).contains(&"$2".to_string()), "$2 linked to {}", m["id"]);
    }
    assert!(texts(&r["unlinked"]).contains(&"$2".to_string()));
}

#[test]
fn explain_names_the_linking_words() {
    let (r, _) = check_json(&root(), &["--explain"]);
    let m = metric(&r, "us-aid-military");
    let c = m["claims"].as_array().unwrap().iter().find(|c| c["text"] == "$65.9 billion").unwrap();
    let why: Vec<&str> =
        c["linked_by"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(why.iter().any(|w| w.contains("\"military\"")), "{why:?}");
}

#[test]
fn the_table_is_the_default_and_ends_with_a_summary() {
    let o = run(&root(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("What the US demands of Ukraine's minerals (us-demand): agree"), "{out}");
    assert!(out.contains("half a trillion {dollars}"));
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("2 sources, ") && last.contains("findings"), "{last}");
}

#[test]
fn output_is_deterministic() {
    let a = run(&root(), &["check", "--format", "json"]);
    let b = run(&root(), &["check", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
}
