//! Hostile and oversized inputs: each must end in well under a second with bounded memory,
//! with a clear error or a truncated result and a warning.
//!
//!   cargo bench --bench limits             (all cases, Markdown on stdout)
//!   cargo bench --bench limits -- nested   (only the cases whose name contains "nested")
//!
//! Every case runs in a fresh child process (this same binary with `--case NAME`), so that its peak
//! resident memory is its own: the child builds the input, resets the kernel's high-water mark
//! (`/proc/self/clear_refs`), then runs the whole pipeline a few times — parse, the widget's render
//! of the top 10 (`render_html`), and the full serialization that `parseFeed` does (`serde_json`) —
//! and reports the median times and `VmHWM` above the resident size it started from (the input's
//! own bytes are not counted; the input size is shown next to it).

mod common;

use std::fmt::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

use feedlet::{Feed, Options, ParseOptions};
use serde_json::{json, Value};

use common::{median_ms, ms, size, timed};

const ATOM_HEAD: &str =
    r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">"#;
const MIB: usize = 1024 * 1024;

/// One limit case: its name, what it is, and how to build its input(s) and options.
struct Case {
    name: &'static str,
    what: &'static str,
    build: fn() -> (Vec<Vec<u8>>, ParseOptions),
}

fn one(text: String) -> (Vec<Vec<u8>>, ParseOptions) {
    (vec![text.into_bytes()], ParseOptions::default())
}

/// An Atom feed whose root declares 10,000 namespaces, then `entries` small entries.
fn namespaced_feed(entries: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"");
    for i in 0..10_000 {
        let _ = write!(s, " xmlns:p{i}=\"urn:example:ns:{i}\"");
    }
    s.push_str("><title>ns</title>");
    for i in 0..entries {
        small_entry(&mut s, i);
    }
    s.push_str("</feed>");
    s
}

fn small_entry(out: &mut String, i: usize) {
    let _ = writeln!(
        out,
        "<entry><title>Post {i}</title><id>urn:post:{i}</id><link href=\"https://blog.example/{i}/\"/><updated>2026-03-07T00:00:00Z</updated></entry>"
    );
}

/// A jekyll-style entry with about `body` bytes of escaped HTML content.
fn big_entry(out: &mut String, i: usize, body: usize) {
    let _ = write!(
        out,
        "<entry><title type=\"html\">글 {i} &amp;amp; post</title><link href=\"https://blog.example/{i}/\" rel=\"alternate\"/><published>2026-03-07T00:00:00+09:00</published><id>https://blog.example/{i}/</id><content type=\"html\">"
    );
    let para = "&lt;p&gt;최종적 일관성은 분산 시스템에서 가장 오해받는 개념 중 하나입니다. Eventual consistency &amp;amp; caches. &lt;code&gt;a &amp;lt; b&lt;/code&gt;&lt;/p&gt;\n";
    let mut n = 0;
    while n < body {
        out.push_str(para);
        n += para.len();
    }
    out.push_str(
        "</content><category term=\"Rust\"/><author><name>김지현</name></author></entry>\n",
    );
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "billion-laughs",
            what: "internal DTD, 10 levels of entities each 10× the one before (10⁹ \"lol\" if expanded), used in the feed title, an entry title and content",
            build: || {
                let mut s = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n <!ENTITY lol \"lol\">\n");
                for level in 1..=9 {
                    let prev = if level == 1 { "lol".to_owned() } else { format!("lol{}", level - 1) };
                    let _ = writeln!(s, " <!ENTITY lol{level} \"{}\">", format!("&{prev};").repeat(10));
                }
                s.push_str("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title>");
                s.push_str("<entry><title>&lol9;</title><id>1</id><summary>&lol9; &lol9;</summary><content type=\"html\">&lol9;&lol9;&lol9;</content></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "quadratic-blowup",
            what: "one 100 KB entity referenced 10,000 times in a content body (1 GB if expanded)",
            build: || {
                let mut s = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY big \"");
                s.push_str(&"a".repeat(100_000));
                s.push_str("\">]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>q</title><entry><title>&big;</title><id>1</id><content type=\"html\">");
                s.push_str(&"&big;".repeat(10_000));
                s.push_str("</content></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "external-entities",
            what: "SYSTEM entities to file:///etc/passwd and an external parameter entity; no file or network may be read",
            build: || {
                one(concat!(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n",
                    " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n",
                    " <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n %remote;\n]>\n",
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title>",
                    "<entry><title>a &xxe; b</title><id>1</id><summary>&xxe;</summary>",
                    "<content type=\"html\">&lt;p&gt;&xxe;&lt;/p&gt;</content></entry></feed>"
                ).to_owned())
            },
        },
        Case {
            name: "nested-200k-in-entry",
            what: "200,000 nested <div> elements inside an entry (skipped content), all closed",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>n</title><entry><title>e</title><id>1</id>");
                s.push_str(&"<div>".repeat(200_000));
                s.push_str(&"</div>".repeat(200_000));
                s.push_str("</entry></feed>");
                one(s)
            },
        },
        Case {
            name: "nested-200k-unclosed",
            what: "200,000 nested <x> elements at the feed level, never closed",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>n</title><entry><title>e</title><id>1</id></entry>");
                s.push_str(&"<x>".repeat(200_000));
                one(s)
            },
        },
        Case {
            name: "nested-200k-channel",
            what: "200,000 nested RSS <channel> elements (the recursive path of the reader)",
            build: || {
                let mut s = String::from("<rss version=\"2.0\">");
                s.push_str(&"<channel>".repeat(200_000));
                s.push_str("<item><title>deep</title></item>");
                s.push_str(&"</channel>".repeat(200_000));
                s.push_str("</rss>");
                one(s)
            },
        },
        Case {
            name: "nested-200k-xhtml-content",
            what: "200,000 nested <div> in an xhtml <content>, shown as the summary (html_to_text on render)",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>n</title><entry><title>e</title><id>1</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">");
                s.push_str(&"<div>a".repeat(200_000));
                s.push_str(&"</div>".repeat(200_000));
                s.push_str("</div></content></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "nested-200k-escaped-html",
            what: "200,000 nested escaped <b> in an html <summary> (decoded and stripped on render)",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>n</title><entry><title>e</title><id>1</id><summary type=\"html\">");
                s.push_str(&"&lt;b&gt;x".repeat(200_000));
                s.push_str("</summary></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "nested-200k-json",
            what: "JSON Feed whose item holds 200,000 nested arrays",
            build: || {
                let mut s = String::from(r#"{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","title":"t","x":"#);
                s.push_str(&"[".repeat(200_000));
                s.push_str(&"]".repeat(200_000));
                s.push_str("}]}");
                one(s)
            },
        },
        Case {
            name: "feed-50mb",
            what: "a 50 MB jekyll-style Atom feed (5,000 entries of 10 KB), default limits (20 MiB input)",
            build: || one(atom_of_size(50 * 1000 * 1000)),
        },
        Case {
            name: "feed-50mb-limit-raised",
            what: "the same 50 MB feed with `max_input_bytes` raised to 64 MiB (what the work costs when allowed)",
            build: || {
                let (inputs, mut options) = one(atom_of_size(50 * 1000 * 1000));
                options.max_input_bytes = 64 * MIB;
                (inputs, options)
            },
        },
        Case {
            name: "attribute-1mb",
            what: "1 MB attribute values: an entry link href, a category term, and an unknown element's attribute",
            build: || {
                let big = "a".repeat(MIB);
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>attr</title><entry><title>e</title><id>1</id>");
                let _ = write!(s, "<link rel=\"alternate\" href=\"https://blog.example/{big}\"/>");
                let _ = write!(s, "<category term=\"{big}\"/><unknown data=\"{big}\"/></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "attribute-1mb-references",
            what: "a 1 MB attribute made of `&amp;` references on the entry link",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>attr</title><entry><title>e</title><id>1</id><link href=\"https://blog.example/?q=");
                s.push_str(&"&amp;".repeat(MIB / 5));
                s.push_str("\"/></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "entries-100k",
            what: "100,000 small entries (default limit: 10,000 read)",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>many</title>");
                for i in 0..100_000 {
                    small_entry(&mut s, i);
                }
                s.push_str("</feed>");
                one(s)
            },
        },
        Case {
            name: "namespaces-10k",
            what: "10,000 namespace declarations on the root, then 100 entries",
            build: || one(namespaced_feed(100)),
        },
        Case {
            name: "namespaces-10k-x-10k-entries",
            what: "10,000 namespace declarations on the root, then 10,000 entries (each name looked up past them)",
            build: || one(namespaced_feed(10_000)),
        },
        Case {
            name: "namespaces-10k-per-entry",
            what: "10,000 namespace declarations on each of 50 entries (15 MB)",
            build: || {
                let mut decls = String::new();
                for i in 0..10_000 {
                    let _ = write!(decls, " xmlns:p{i}=\"urn:example:ns:{i}\"");
                }
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>ns</title>");
                for i in 0..50 {
                    let _ = writeln!(s, "<entry{decls}><title>Post {i}</title><id>urn:{i}</id><p1:x/><p9999:y/></entry>");
                }
                s.push_str("</feed>");
                one(s)
            },
        },
        Case {
            name: "namespaces-10k-x-1m-elements",
            what: "the default namespace, then 10,000 prefixed declarations on the root, then one entry with 1,000,000 empty child elements (each name looked up past every declaration)",
            build: || {
                let mut s = String::from("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"");
                for i in 0..10_000 {
                    let _ = write!(s, " xmlns:p{i}=\"urn:example:ns:{i}\"");
                }
                s.push_str("><title>ns</title><entry><title>e</title><id>1</id>");
                s.push_str(&"<x/>".repeat(1_000_000));
                s.push_str("</entry></feed>");
                one(s)
            },
        },
        Case {
            name: "endless-text-unclosed",
            what: "a <title> whose text runs 19 MiB to the end of the input, never closed",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>");
                fill_text(&mut s, 19 * MIB);
                one(s)
            },
        },
        Case {
            name: "endless-text-content",
            what: "one closed <content> of 19 MiB escaped HTML (text limit 4 MiB), shown as the summary",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>t</title><entry><title>e</title><id>1</id><content type=\"html\">");
                fill_text(&mut s, 19 * MIB);
                s.push_str("</content></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "endless-text-title",
            what: "one closed entry <title> of 19 MiB of text and references (decoded eagerly)",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>t</title><entry><id>1</id><title type=\"html\">");
                while s.len() < 19 * MIB {
                    s.push_str("&amp;lt;b&amp;gt; 제목 &#x1F600; title ");
                }
                s.push_str("</title></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "endless-text-root",
            what: "19 MiB of text directly inside <feed> (mixed content), then one entry",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                fill_text(&mut s, 19 * MIB);
                s.push_str("<entry><title>e</title><id>1</id></entry></feed>");
                one(s)
            },
        },
        Case {
            name: "endless-cdata-unclosed",
            what: "an RSS <description> with a CDATA section that runs 19 MiB to the end, never closed",
            build: || {
                let mut s = String::from("<rss version=\"2.0\"><channel><title>c</title><item><title>i</title><description><![CDATA[");
                fill_text(&mut s, 19 * MIB);
                one(s)
            },
        },
        Case {
            name: "warnings-10k-deep",
            what: "10,000 entries with a javascript: link each, on one 19 MiB line (100 warnings kept, positions computed)",
            build: || {
                let mut s = String::from(ATOM_HEAD);
                s.push_str("<title>w</title>");
                let pad = "x".repeat(1_900);
                for i in 0..10_000 {
                    let _ = write!(s, "<entry><title>{i}</title><id>urn:{i}</id><link href=\"javascript:alert({i})\"/><summary>{pad}</summary></entry>");
                }
                s.push_str("</feed>");
                one(s)
            },
        },
        Case {
            name: "merge-2x10k",
            what: "two feeds of 10,000 entries each merged by `render_html` (de-duplication across feeds)",
            build: || {
                let feed = |offset: usize| {
                    let mut s = String::from(ATOM_HEAD);
                    s.push_str("<title>m</title>");
                    for i in 0..10_000 {
                        small_entry(&mut s, offset + i);
                    }
                    s.push_str("</feed>");
                    s.into_bytes()
                };
                (vec![feed(0), feed(10_000)], ParseOptions::default())
            },
        },
    ]
}

/// Appends mixed Korean/English text (with `&amp;` and `&lt;` references) until `s` is `bytes` long.
fn fill_text(s: &mut String, bytes: usize) {
    let unit = "최종적 일관성은 분산 시스템에서 가장 오해받는 개념입니다. Eventual consistency &amp; &lt;caches&gt;. ";
    while s.len() < bytes {
        s.push_str(unit);
    }
}

fn atom_of_size(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 20_000);
    s.push_str(ATOM_HEAD);
    s.push_str("<title>50 MB</title>");
    let mut i = 0;
    while s.len() < bytes {
        big_entry(&mut s, i, 10_000);
        i += 1;
    }
    s.push_str("</feed>");
    s
}

/// `VmRSS` or `VmHWM` from /proc/self/status, in KiB.
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident set size (VmHWM) to the current one (Linux ≥ 4.0).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn describe(feeds: &[Result<Feed<'_>, feedlet::Error>]) -> String {
    let mut parts = Vec::new();
    for result in feeds {
        parts.push(match result {
            Err(error) => format!("error `{}`: {}", error.kind.as_str(), error.message),
            Ok(feed) => {
                let mut text = format!("feed, {} entries", feed.entries.len());
                if let Some(title) = &feed.title {
                    let shown: String = title.chars().take(24).collect();
                    let more = if title.chars().count() > 24 {
                        "…"
                    } else {
                        ""
                    };
                    let _ = write!(text, ", title {} B `{shown}{more}`", title.len());
                }
                if let Some(entry) = feed.entries.first() {
                    if let Some(title) = &entry.title {
                        let _ = write!(text, ", entry 1 title {} B", title.len());
                    }
                }
                let mut messages: Vec<&str> =
                    feed.warnings.iter().map(|w| w.message.as_str()).collect();
                messages.dedup();
                match messages.len() {
                    0 => text.push_str(", no warning"),
                    _ => {
                        let _ = write!(
                            text,
                            ", {} warnings: \"{}\"",
                            feed.warnings.len(),
                            messages
                                .iter()
                                .take(2)
                                .copied()
                                .collect::<Vec<_>>()
                                .join("\"; \"")
                        );
                    }
                }
                text
            }
        });
    }
    parts.join(" / ")
}

/// Runs one case in this (child) process and prints one JSON line.
fn run_case(name: &str) -> Result<(), String> {
    let case = cases()
        .into_iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("no case {name}"))?;
    let (inputs, options) = (case.build)();
    let input_bytes: usize = inputs.iter().map(Vec::len).sum();
    let widget = Options {
        limit: 10,
        ..Default::default()
    };
    let base = proc_status_kib("VmRSS:").unwrap_or(0);
    let reset = reset_peak();
    let mut parse_t = Vec::new();
    let mut render_t = Vec::new();
    let mut json_t = Vec::new();
    let mut walls = Vec::new();
    let mut outcome = String::new();
    let mut json_bytes = 0usize;
    let mut html_bytes = 0usize;
    let started = Instant::now();
    // On-CPU time when the kernel reports it (a loaded machine inflates wall time), else wall time.
    let pick = |wall: Duration, cpu: Option<Duration>| cpu.unwrap_or(wall);
    for run in 0..7 {
        let wall = Instant::now();
        let (results, w, c) = timed(|| {
            inputs
                .iter()
                .map(|i| feedlet::parse(i, &options))
                .collect::<Vec<_>>()
        });
        parse_t.push(pick(w, c));
        let mut feeds: Vec<Feed<'_>> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect();
        let (html, w, c) = timed(|| {
            if feeds.is_empty() {
                String::new()
            } else {
                feedlet::render_html(&feeds, &widget)
            }
        });
        render_t.push(pick(w, c));
        // As `parseFeed` does: `prepare` (summaries from content, thumbnails), then the model's Serialize.
        let (json, w, c) = timed(|| {
            feeds
                .iter_mut()
                .map(|f| {
                    feedlet::prepare(f);
                    serde_json::to_string(&*f).map_or(0, |s| s.len())
                })
                .sum::<usize>()
        });
        json_t.push(pick(w, c));
        walls.push(wall.elapsed());
        if run == 0 {
            outcome = describe(&results);
            json_bytes = json;
            html_bytes = html.len();
            if let Some(feed) = feeds.first() {
                // The external-entity case must not have read the file.
                let all = serde_json::to_string(feed).unwrap_or_default();
                if all.contains("root:") {
                    outcome.push_str(" — **/etc/passwd content leaked**");
                }
            }
        }
        drop((feeds, results, html));
        // A few runs for a median; a slow case runs fewer times (once when a run takes over a second).
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    let peak = proc_status_kib("VmHWM:").unwrap_or(0);
    let totals: Vec<Duration> = parse_t
        .iter()
        .zip(&render_t)
        .zip(&json_t)
        .map(|((a, b), c)| *a + *b + *c)
        .collect();
    let line = json!({
        "name": case.name,
        "input": input_bytes,
        "runs": parse_t.len(),
        "parse": median_ms(&parse_t),
        "render": median_ms(&render_t),
        "json": median_ms(&json_t),
        "total": median_ms(&totals),
        "wall": median_ms(&walls),
        "worst": walls.iter().map(|d| d.as_secs_f64() * 1e3).fold(0.0, f64::max),
        "cpu": common::cpu_now().is_some(),
        "peak_kib": peak.saturating_sub(base),
        "peak_reset": reset,
        "html": html_bytes,
        "json_bytes": json_bytes,
        "outcome": outcome,
    });
    println!("{line}");
    Ok(())
}

/// How long one case may run before its process is stopped and the case reported as over the limit.
const CHILD_TIMEOUT: Duration = Duration::from_secs(90);

/// Runs `exe --case name`; `Ok(None)` when it had to be stopped after `timeout`.
fn run_child(
    exe: &std::path::Path,
    name: &str,
    timeout: Duration,
) -> Result<Option<String>, String> {
    use std::io::Read as _;
    let mut child = Command::new(exe)
        .arg("--case")
        .arg(name)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => {
                let mut out = String::new();
                if let Some(mut stdout) = child.stdout.take() {
                    stdout.read_to_string(&mut out).map_err(|e| e.to_string())?;
                }
                return if status.success() {
                    Ok(Some(out))
                } else {
                    Err(format!("exited with {status}"))
                };
            }
            None if started.elapsed() > timeout => {
                // Only this child, which this process started.
                let _ = child.kill();
                let _ = child.wait();
                return Ok(None);
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--case") {
        let name = args.get(at + 1).cloned().unwrap_or_default();
        if let Err(error) = run_case(&name) {
            eprintln!("bench limits: {error}");
            std::process::exit(2);
        }
        return;
    }
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => {
            eprintln!("bench limits: {error}");
            std::process::exit(1);
        }
    };
    let mut rows: Vec<(String, &'static str, Option<Value>)> = Vec::new();
    for case in cases() {
        if !filter.is_empty() && !filter.iter().any(|f| case.name.contains(f.as_str())) {
            continue;
        }
        eprintln!("bench limits: {}", case.name);
        let value = match run_child(&exe, case.name, CHILD_TIMEOUT) {
            Ok(Some(stdout)) => stdout
                .lines()
                .rev()
                .find_map(|l| serde_json::from_str::<Value>(l).ok()),
            Ok(None) => Some(json!({ "timeout": CHILD_TIMEOUT.as_secs() })),
            Err(error) => {
                eprintln!("bench limits: {}: {error}", case.name);
                None
            }
        };
        rows.push((case.name.to_owned(), case.what, value));
    }

    println!("### Limit cases (`cargo bench --bench limits`)\n");
    println!("Each case in a fresh process; times in ms are medians of up to 7 runs of thread CPU time (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`; wall time when unavailable): parse, the widget's render of the top 10 (`render_html`), and the JSON serialization of everything (the `parseFeed` work). \"total\" = their sum, median over runs; \"wall\" = the same run's wall-clock median and \"worst wall\" its slowest run (on a shared, noisy machine wall time mostly measures the neighbours); \"< 1 s\" judges the total. Peak = `VmHWM` above the resident size before the first run (the input's own bytes excluded; it is shown as \"input\"). Default `ParseOptions` (20 MiB input, depth 256, 10,000 entries, 4 MiB per text field, 100 warnings) unless the case says otherwise.\n");
    println!("| case | input | parse | render top 10 | JSON (parseFeed) | total | wall | worst wall | peak memory | < 1 s | outcome |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
    let mut slow = Vec::new();
    for (name, _, value) in &rows {
        let Some(v) = value else {
            println!("| {name} | – | – | – | – | – | – | – | – | **crashed** | the child process failed (see stderr) |");
            slow.push(name.clone());
            continue;
        };
        if let Some(limit) = v.get("timeout").and_then(Value::as_u64) {
            println!("| {name} | – | – | – | – | > {limit} s | > {limit} s | – | – | **no** | stopped after {limit} s (wall) |");
            slow.push(name.clone());
            continue;
        }
        let num = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
        let total = num("total");
        let ok = total < 1000.0;
        if !ok {
            slow.push(name.clone());
        }
        let peak = v.get("peak_kib").and_then(Value::as_u64).unwrap_or(0) as usize * 1024;
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            size(v.get("input").and_then(Value::as_u64).unwrap_or(0) as usize),
            ms(num("parse")),
            ms(num("render")),
            ms(num("json")),
            ms(total),
            ms(num("wall")),
            ms(num("worst")),
            size(peak),
            if ok { "yes" } else { "**no**" },
            v.get("outcome")
                .and_then(Value::as_str)
                .unwrap_or("")
                .replace('|', "\\|")
                .replace('\n', " "),
        );
    }
    println!("\nThe cases:\n");
    for (name, what, _) in &rows {
        println!("- `{name}`: {what}.");
    }
    if slow.is_empty() {
        println!("\nEvery case ended in under a second.");
    } else {
        println!("\n**Over a second or failed: {}.**", slow.join(", "));
    }
}
