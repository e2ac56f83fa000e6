//! `--format json`: the [`Report`] as it is, pretty-printed. The model *is* the contract
//! (docs/report-json.md); anything a consumer could notice changes only with `schema_version`.

use std::io::{self, Write};

use crate::finding::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample_report;

    fn rendered() -> String {
        crate::report::rendered(&sample_report(), crate::report::Format::Json)
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(rendered());
    }

    #[test]
    fn round_trips_to_the_same_report() {
        let text = rendered();
        assert!(text.ends_with("}\n"));
        let back: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(back, sample_report());
    }

    #[test]
    fn has_the_documented_top_level_keys() {
        let v: serde_json::Value = serde_json::from_str(&rendered()).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for key in ["schema_version", "sources", "metrics", "findings", "stale_baseline", "summary"]
        {
            assert!(keys.contains(&key), "missing {key}");
        }
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["findings"][1]["baseline"], "known");
        assert_eq!(v["metrics"][1]["status"], "conflict");
    }
}
