//! The `feedlet` binary: `parse` prints the model as JSON, `render` the HTML list; warnings go to stderr with exit 0,
//! errors to stderr as `feedlet: FILE:LINE:COLUMN: message` with exit 1; never a panic, never a signal.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::{fixtures_dir, snapshots};

/// The CLI layer's check: runs `feedlet args…` (with `stdin` piped in when given) and returns its output,
/// after checking it neither panicked nor died from a signal.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_feedlet"));
    command
        .args(args)
        .current_dir(fixtures_dir())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        // The CLI may stop reading early; a broken pipe here is not the test's concern.
        let _ = pipe.write_all(bytes);
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {args:?}"
    );
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{args:?}: {stderr}");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn snapshot(file: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(file)).unwrap()
}

#[test]
fn parse_prints_the_model_as_json() {
    let output = run(&["parse", "atom10-korean.xml"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), snapshot("atom10-korean.expect.json"));
    assert_eq!(stderr(&output), "");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["entries"][0]["published"], "2026-03-06T15:00:00Z");
    assert_eq!(
        json["feedUrl"], "https://dev.example.kr/feed.xml",
        "camelCase keys"
    );
}

#[test]
fn render_prints_the_html_list() {
    let output = run(&["render", "rss20-japanese.xml"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), snapshot("rss20-japanese.expect.html"));
    let output = run(
        &["render", "--layout", "compact", "rss20-japanese.xml"],
        None,
    );
    assert!(stdout(&output).starts_with("<section class=\"feedlet feedlet--compact\""));
}

#[test]
fn limit_option() {
    let output = run(&["render", "--limit", "1", "thumbnails.xml"], None);
    assert_eq!(stdout(&output).matches("<li ").count(), 1);
    let output = run(&["render", "--limit", "0", "thumbnails.xml"], None);
    assert!(stdout(&output).contains("feedlet__empty"));
    let output = run(&["render", "--limit", "many", "thumbnails.xml"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "feedlet: --limit=\"many\" is not a valid value\n"
    );
}

/// Every widget option is a flag, read by the same reader as the attributes: `--summary-length 20` is
/// `summary-length="20"`, `--date off` is `date="off"`, `--category "a, b"` a list.
#[test]
fn flags_are_the_widget_attributes() {
    let flags = [
        "render",
        "--layout=cards",
        "--summary-length",
        "20",
        "--date",
        "off",
        "--author",
        "yes",
    ];
    let output = run(&[&flags[..], &["rss20-japanese.xml"]].concat(), None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(
        html.starts_with("<section class=\"feedlet feedlet--cards\""),
        "{html}"
    );
    assert!(!html.contains("<time"), "date off: {html}");
    let attributes = serde_json::json!({"layout": "cards", "summaryLength": "20", "date": "off", "author": "yes"});
    let options = feedlet::Options::read(&attributes).unwrap().value;
    let feed = crate::parse_fixture("rss20-japanese.xml");
    assert_eq!(
        html,
        feedlet::render_html(std::slice::from_ref(&feed), &options)
    );
    // `--base` is `--base-url`; the parse limits are flags too.
    let base = "https://docs.example.com/feeds/sub/atom.xml";
    let long = run(
        &["parse", "--base-url", base, "base-document-url.xml"],
        None,
    );
    assert_eq!(stdout(&long), snapshot("base-document-url.expect.json"));
    let capped = run(&["parse", "--max-entries", "1", "rss20-japanese.xml"], None);
    let json: serde_json::Value = serde_json::from_slice(&capped.stdout).unwrap();
    assert_eq!(json["entries"].as_array().map(Vec::len), Some(1));
}

#[test]
fn unknown_flags_and_bad_values_are_errors() {
    for (args, start) in [
        (
            &["render", "--frobnicate", "1", "thumbnails.xml"][..],
            "feedlet: unknown option --frobnicate\n",
        ),
        (
            &["render", "--layout", "grid", "thumbnails.xml"][..],
            "feedlet: --layout=\"grid\" is not a valid value",
        ),
        (
            &["parse", "--max-depth=-1", "thumbnails.xml"][..],
            "feedlet: --max-depth=\"-1\" is not a valid value",
        ),
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with(start),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), "");
    }
}

#[test]
fn base_option() {
    let output = run(
        &[
            "parse",
            "--base",
            "https://docs.example.com/feeds/sub/atom.xml",
            "base-document-url.xml",
        ],
        None,
    );
    assert_eq!(stdout(&output), snapshot("base-document-url.expect.json"));
    let output = run(&["parse", "base-document-url.xml"], None);
    assert!(
        stdout(&output).contains("\"link\": \"posts/one.html\""),
        "without --base links stay relative"
    );
    let output = run(
        &[
            "render",
            "--base",
            "https://docs.example.com/feeds/sub/atom.xml",
            "base-document-url.xml",
        ],
        None,
    );
    assert!(stdout(&output).contains("href=\"https://docs.example.com/feeds/sub/posts/one.html\""));
}

#[test]
fn charset_option() {
    let output = run(&["parse", "--charset", "euc-kr", "euc-kr-http.xml"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), snapshot("euc-kr-http.expect.json"));
    assert_eq!(stderr(&output), "");
    let output = run(
        &["parse", "--charset", "Shift_JIS", "shift-jis-http.xml"],
        None,
    );
    assert_eq!(stdout(&output), snapshot("shift-jis-http.expect.json"));
}

#[test]
fn dash_reads_stdin() {
    let bytes = crate::fixture_bytes("jsonfeed11.json");
    let output = run(&["parse", "-"], Some(&bytes));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), snapshot("jsonfeed11.expect.json"));
    let output = run(&["render", "--limit", "2", "-"], Some(&bytes));
    assert_eq!(stdout(&output).matches("<li ").count(), 2);
    let output = run(&["parse", "-"], Some(b"<html><body>no</body></html>"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("feedlet: -:1:1: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn warnings_go_to_stderr_with_exit_0() {
    let output = run(&["parse", "control-chars.xml"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "feedlet: control-chars.xml:4:17: warning: 5 control characters that XML forbids were removed\n"
    );
    assert_eq!(stdout(&output), snapshot("control-chars.expect.json"));
    let output = run(&["render", "tolerance-mismatched.xml"], None);
    assert_eq!(output.status.code(), Some(0));
    for line in stderr(&output).lines() {
        assert!(
            line.starts_with("feedlet: tolerance-mismatched.xml:"),
            "{line}"
        );
        assert!(line.contains(": warning: "), "{line}");
    }
}

#[test]
fn errors_go_to_stderr_with_exit_1() {
    let cases = [
        (
            "error-html-page.html",
            "feedlet: error-html-page.html:2:1: this is an HTML page",
        ),
        (
            "error-empty.xml",
            "feedlet: error-empty.xml:1:1: the input is empty",
        ),
        (
            "error-not-a-feed.txt",
            "feedlet: error-not-a-feed.txt:1:1: ",
        ),
        (
            "error-xml-not-a-feed.xml",
            "feedlet: error-xml-not-a-feed.xml:2:1: ",
        ),
        (
            "error-broken-before-root.xml",
            "feedlet: error-broken-before-root.xml:2:1: ",
        ),
    ];
    for (file, start) in cases {
        for command in ["parse", "render"] {
            let output = run(&[command, file], None);
            assert_eq!(output.status.code(), Some(1), "{file}");
            assert_eq!(stdout(&output), "", "{file}");
            let message = stderr(&output);
            assert!(message.starts_with(start), "{file}: {message}");
            assert_eq!(message.lines().count(), 1, "{file}: {message}");
        }
    }
    let output = run(&["parse", "no-such-file.xml"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("feedlet: no-such-file.xml:1:1: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_errors() {
    for args in [
        &[][..],
        &["parse"][..],
        &["frobnicate", "rss091.xml"][..],
        &["parse", "--base"][..],
        &["parse", "a.xml", "b.xml"][..],
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("usage:"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = run(&["parse", "--help"], None);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn every_fixture_exits_cleanly() {
    for name in snapshots::fixture_names() {
        for command in ["parse", "render"] {
            let output = run(&[command, &name], None);
            let code = output.status.code();
            assert!(matches!(code, Some(0 | 1)), "{command} {name}: {code:?}");
        }
    }
}

#[test]
fn hostile_input_on_stdin_exits_cleanly() {
    let deep = format!(
        "<rss><channel><item>{}",
        "<media:thumbnail>".repeat(200_000)
    );
    let output = run(&["parse", "-"], Some(deep.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let big = vec![b'<'; 21 * 1024 * 1024];
    let output = run(&["parse", "-"], Some(&big));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("over the limit"),
        "{}",
        stderr(&output)
    );
    let output = run(&["render", "-"], Some(b"\xFF\xFE\x00\xD8garbage"));
    assert!(matches!(output.status.code(), Some(0 | 1)));
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_feedlet"))
        .args(["parse", "thumbnails.xml"])
        .current_dir(fixtures_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.code().is_some(), "killed by a signal");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn discover_prints_the_feed_links_of_a_page_as_json() {
    let page = br#"<!doctype html><html><head><base href="/blog/">
        <link rel="alternate" type="application/rss+xml" href="rss.xml" title="Posts">
        <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
        <link rel="alternate" type="application/atom+xml" href="atom.xml">
        <link rel="alternate" type="application/atom+xml" href="javascript:alert(1)">
        <link rel="stylesheet" type="application/atom+xml" href="not-alternate.xml">
        </head><body><script>document.write('<link rel=alternate type=application/atom+xml href=/run.xml>')</script></body></html>"#;
    let output = run(
        &["discover", "--base", "https://site.example/about/", "-"],
        Some(page),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            { "url": "https://site.example/blog/atom.xml", "format": "atom", "title": null },
            { "url": "https://site.example/blog/rss.xml", "format": "rss2", "title": "Posts" },
            { "url": "https://cdn.example/feed.json", "format": "json", "title": null },
        ])
    );
    // --feed-type puts that kind first, the others stay as fallbacks.
    let output = run(
        &[
            "discover",
            "--base=https://site.example/",
            "--feed-type",
            "json",
            "-",
        ],
        Some(page),
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["url"], "https://cdn.example/feed.json");
    assert_eq!(json[1]["format"], "atom");
    // A page without feed links prints an empty list; a wrong kind is a mistake to fix.
    let output = run(&["discover", "-"], Some(b"<html><head></head></html>"));
    assert_eq!(
        (output.status.code(), stdout(&output)),
        (Some(0), "[]\n".to_owned())
    );
    let output = run(&["discover", "--feed-type", "opml", "-"], Some(page));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("feed-type"), "{}", stderr(&output));
}

#[test]
fn render_embed_wraps_the_list_in_the_element_that_adopts_it() {
    let list = stdout(&run(
        &["render", "--limit", "2", "rss20-japanese.xml"],
        None,
    ));
    let output = run(
        &[
            "render",
            "--embed",
            "--src",
            "https://blog.example/feed?a=1&b=\"2\"",
            "--limit",
            "2",
            "--base",
            "https://blog.example/",
            "rss20-japanese.xml",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "<feedlet-posts light-dom=\"\" src=\"https://blog.example/feed?a=1&amp;b=&quot;2&quot;\" limit=\"2\">\n{list}</feedlet-posts>\n"
        ),
        "the widget's options as attributes (not --base), escaped; the same list inside"
    );
    let output = run(&["render", "--embed", "rss20-japanese.xml"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("feedlet: --embed needs --src URL"));
}
