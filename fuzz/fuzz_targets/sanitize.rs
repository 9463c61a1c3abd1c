//! An arbitrary HTML tree → the shipped rich-summary walk (`POLICY.sanitize` over `NodeTree`, via `sanitize_tree`); the output must obey the policy.
//!
//! Set `FEEDLET_FUZZ_DUMP=path` when replaying an artifact to write the tree as the JSON that
//! `fuzz/regressions/sanitize/` and `tests/fuzz_regressions.rs` read.
#![no_main]

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use feedlet_fuzz::checks::{check_sanitize, sanitize_input_to_json};
use feedlet_fuzz::tree::FuzzInput;

static DUMP: OnceLock<Option<std::ffi::OsString>> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let unstructured = Unstructured::new(data);
    let Ok(fuzz) = FuzzInput::arbitrary_take_rest(unstructured) else {
        return;
    };
    let input = fuzz.to_input();
    if let Some(path) = DUMP.get_or_init(|| std::env::var_os("FEEDLET_FUZZ_DUMP")) {
        let _ = std::fs::write(path, sanitize_input_to_json(&input));
    }
    check_sanitize(&input);
});
