//! Shared code of the fuzz targets: the checked properties (`checks`, also replayed by the main
//! crate's `tests/fuzz_regressions.rs`) and the `Arbitrary` mirror of the sanitizer's tree.

pub mod checks;
pub mod tree;
