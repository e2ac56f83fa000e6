//! The one integration-test binary (as ripgrep's tests/tests.rs): every CLI behaviour, run
//! through the real `crosscheck` binary.

mod util;

mod baseline;
mod check_seeds;
mod comparisons;
mod hostile;
mod linking;
mod output;
mod readme;
mod scale;
mod scenario;
mod stories;
mod terminal;
mod wrapped;
