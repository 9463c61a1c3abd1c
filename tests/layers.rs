//! The layer order of ARCHITECTURE.md, held: every `crate::` path in `src/` may name its own layer or one below.
//! Data flows one way (bytes → decode → parse → model → select → render → web); a module that reaches up
//! a layer fails this test with the file, the line and the edge.
#![allow(clippy::indexing_slicing)] // reads our own source, not feed input

use std::path::Path;

/// The layers, lowest first, and the top-level modules (folders or files under `src/`) in each.
/// The leaves know nothing of feeds; the model is the format-neutral `Feed` every layer above reads.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "leaf",
        &["error", "find", "sort", "date", "url", "text", "options"],
    ),
    ("model", &["model"]),
    ("decode", &["decode"]),
    ("parse", &["parse"]),
    ("select", &["select"]),
    ("render", &["render", "json_out"]),
    ("web", &["web"]),
];

/// Within the leaves, which leaf may use which (no cycles, and `text` may not reach `options`).
const LEAF_USES: &[(&str, &[&str])] = &[
    ("error", &["sort", "text", "find"]),
    ("find", &[]),
    ("sort", &[]),
    ("date", &["find"]),
    ("url", &["find"]),
    ("text", &["find", "url"]),
    ("options", &["error", "text"]),
];

/// Edges that go against the order today and are being removed (empty when the order holds everywhere).
const KNOWN: &[(&str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a file under `src/` belongs to (`src/parse/atom.rs` → `parse`).
fn module_of(path: &Path, src: &Path) -> Option<String> {
    let relative = path.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// Every `crate::name` in the text, with its line number; comments are skipped.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::{a, b}` groups: each name counts.
            if name.is_empty() && after.starts_with('{') {
                let group = after[1..].split('}').next().unwrap_or("");
                for part in group.split(',') {
                    let part: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !part.is_empty() {
                        found.push((number + 1, part));
                    }
                }
            } else if !name.is_empty() {
                found.push((number + 1, name));
            }
            rest = after;
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The edges that go against the order, as `file:line: from → to` lines.
fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for file in &files {
        let Some(from) = module_of(file, &src) else {
            continue;
        };
        // The facade and the CLI sit above every layer.
        if from == "lib" || from == "bin" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        // Unit tests may reach the facade; only the code that ships is held to the order.
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let Some(from_layer) = layer_of(&from) else {
            bad.push(format!(
                "{}: module `{from}` is in no layer of tests/layers.rs",
                file.display()
            ));
            continue;
        };
        for (line, to) in crate_paths(text) {
            if to == from || KNOWN.contains(&(from.as_str(), to.as_str())) {
                continue;
            }
            let Some(to_layer) = layer_of(&to) else {
                bad.push(format!(
                    "{}:{line}: `crate::{to}` is in no layer",
                    file.display()
                ));
                continue;
            };
            let allowed = if to_layer == from_layer && LAYERS[from_layer].0 == "leaf" {
                LEAF_USES
                    .iter()
                    .any(|(leaf, uses)| *leaf == from && uses.contains(&to.as_str()))
            } else {
                to_layer < from_layer
            };
            if !allowed {
                bad.push(format!(
                    "{}:{line}: {from} ({}) uses {to} ({})",
                    file.display(),
                    LAYERS[from_layer].0,
                    LAYERS[to_layer].0
                ));
            }
        }
    }
    bad
}

#[test]
fn every_module_uses_only_its_own_layer_or_lower() {
    let bad = violations();
    assert!(
        bad.is_empty(),
        "edges against the layer order:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_sees_an_edge_that_runs_up() {
    let paths = crate_paths(
        "use crate::select::select; // crate::web in a comment\nuse crate::{model, text};",
    );
    assert_eq!(
        paths,
        vec![
            (1, "select".to_owned()),
            (2, "model".to_owned()),
            (2, "text".to_owned())
        ]
    );
    assert!(layer_of("select") > layer_of("model"));
    assert!(layer_of("web") > layer_of("render"));
}
