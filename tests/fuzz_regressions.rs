//! Replays every saved fuzz input in `fuzz/regressions/<target>/` through the same checks the fuzz targets run.
//!
//! A finding becomes a regression by copying its artifact into the target's folder (the sanitizer
//! target's inputs are saved as JSON trees; `scripts/fuzz.sh` does both). The checks live in
//! `fuzz/src/checks.rs`, shared with the fuzz crate, so a replay takes exactly the fuzzed path.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

const TARGETS: &[&str] = &["parse", "date", "url", "html_to_text", "sanitize"];

#[test]
fn every_saved_fuzz_input_replays_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0usize;
    let mut failures = Vec::new();
    for target in TARGETS {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let is_note = file.extension().is_some_and(|e| e == "md");
            if !file.is_file() || is_note {
                continue;
            }
            let Ok(data) = std::fs::read(&file) else {
                failures.push(format!("{}: unreadable", file.display()));
                continue;
            };
            let outcome = catch_unwind(AssertUnwindSafe(|| checks::replay(target, &data)));
            match outcome {
                Ok(true) => replayed += 1,
                Ok(false) => failures.push(format!("{}: unknown target", file.display())),
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default();
                    failures.push(format!("{}: {message}", file.display()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fuzz regressions failed:\n{}",
        failures.join("\n")
    );
    assert!(
        replayed > 0,
        "no fuzz regression inputs found under {}",
        root.display()
    );
    println!("replayed {replayed} fuzz regression inputs");
}

#[test]
fn sanitizer_trees_survive_their_json_form() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/sanitize");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for file in entries.filter_map(Result::ok).map(|e| e.path()) {
        if file.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let data = std::fs::read(&file).unwrap_or_default();
        let tree = checks::sanitize_input_from_json(&data);
        assert!(tree.is_some(), "{} is not a JSON tree", file.display());
        let written = tree
            .as_ref()
            .map(checks::sanitize_input_to_json)
            .unwrap_or_default();
        assert_eq!(
            checks::sanitize_input_from_json(written.as_bytes()),
            tree,
            "{}",
            file.display()
        );
    }
}
