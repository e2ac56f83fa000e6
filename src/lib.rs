//! crosscheck: a cross-source discrepancy checker.
//!
//! It reads several sources on one story, finds every monetary and numeric claim in them,
//! normalizes each into one currency and unit model with exact decimals, and a rules engine
//! driven by `rules.toml` flags the figures that conflict across sources.
//!
//! The modules follow the pipeline, in order:
//!
//! ```text
//! sources ──► extract ──► normalize ──► link ──► evaluate ──► report
//!  (files,     (claims:     (base        (claims    (rules.toml    (table, json, sarif,
//!   metadata)   spans,       currency,    → metrics)  → findings)    github, markdown, html)
//!               values)      intervals)                 │
//!                                                       └──► baseline (CI gating)
//! ```
//!
//! `extract`, `normalize`, `link` and `evaluate` are total: bad text yields fewer claims,
//! never an error or a panic. Input problems (files, rules, baselines) are diagnostics with
//! a location, reported by the `cli` layer with exit code 2.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod claims_file;
pub mod cli;
pub mod config;
pub mod diag;
pub mod evaluate;
pub mod extract;
pub mod finding;
pub mod link;
pub mod normalize;
pub mod pipeline;
pub mod report;
pub mod sources;
pub mod text;
