//! Every fixture in `tests/fixtures` against its snapshots: `<name>.expect.json` (`feedlet parse`)
//! and, when it is a feed, `<name>.expect.html` (`feedlet render` with default options).

use std::path::Path;

use crate::{check_parse, check_render, fixtures_dir, parse_bytes, updating};

/// Fixture files: everything but snapshots and option sidecars.
pub fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| is_fixture(name))
        .collect();
    names.sort();
    names
}

fn is_fixture(name: &str) -> bool {
    !name.contains(".expect.") && !name.ends_with(".options.json") && !name.starts_with('.')
}

/// The fixture's name without its extension: `euc-kr-http.xml` → `euc-kr-http`.
pub fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

#[test]
fn every_fixture_matches_its_parse_snapshot() {
    let names = fixture_names();
    assert!(names.len() > 40, "fixtures went missing: {names:?}");
    for name in &names {
        check_parse(name);
    }
}

#[test]
fn every_feed_fixture_matches_its_render_snapshot() {
    for name in fixture_names() {
        let bytes = crate::fixture_bytes(&name);
        if parse_bytes(&bytes, &crate::fixture_options(&name)).is_ok() {
            check_render(&name, None, &feedlet::Options::default());
        }
    }
}

#[test]
fn fixture_stems_are_unique() {
    let names = fixture_names();
    let mut stems: Vec<&str> = names.iter().map(|n| stem(n)).collect();
    stems.sort_unstable();
    let before = stems.len();
    stems.dedup();
    assert_eq!(before, stems.len(), "two fixtures share a stem: {names:?}");
}

/// A snapshot or sidecar whose fixture is gone is stale.
#[test]
fn no_snapshot_without_its_fixture() {
    let names = fixture_names();
    let stems: Vec<&str> = names.iter().map(|n| stem(n)).collect();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if is_fixture(&file) {
            continue;
        }
        let owner = file.split_once('.').map_or(file.as_str(), |(stem, _)| stem);
        // `<stem>.<variant>.expect.html` belongs to `<stem>` as well.
        let known = stems
            .iter()
            .any(|s| file.starts_with(&format!("{s}.")) || *s == owner);
        if !known && updating() {
            std::fs::remove_file(fixtures_dir().join(&file)).unwrap();
            continue;
        }
        assert!(known, "{file} has no fixture");
    }
}

/// Every fixture is listed in `tests/README.md`, one line per file.
#[test]
fn every_fixture_is_described_in_the_readme() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/README.md"))
            .unwrap();
    for name in fixture_names() {
        assert!(
            readme.contains(&format!("`{name}`")),
            "tests/README.md does not describe {name}"
        );
    }
}

/// Snapshots are deterministic: two parses print the same bytes.
#[test]
fn parse_output_is_deterministic() {
    for name in fixture_names() {
        let bytes = crate::fixture_bytes(&name);
        let options = crate::fixture_options(&name);
        let first = crate::parse_output(&feedlet::parse(&bytes, &options));
        let second = crate::parse_output(&feedlet::parse(&bytes, &options));
        assert_eq!(first, second, "{name}");
    }
}
