//! The differential run: the parser of a base commit (`feedlet_old`) against the working tree's (`feedlet`),
//! over files and seeded mutants of them; any difference in the parsed `Feed` (its `Debug` form, which holds
//! every field, the raw body slices and the warnings with their lines and columns) or in its JSON is reported.
//!
//! Built and run by `scripts/differential.sh`, which puts the base commit's crate beside this file's.
//!
//!   differential [--mutants N] [--seed S] [--threads T] [--out DIR] PATH…
//!
//! Every file under the PATHs is compared as it is, then N mutants are made from the XML files among them
//! (truncations, deletions, insertions and duplications of bytes, injected markup: `<`, `&`, `]]>`, `<!--`,
//! `<![CDATA[`, unclosed and stray tags, DOCTYPEs, byte order marks, bytes that are not UTF-8…). Mutant `i` of
//! seed `S` is the same on every run and with any number of threads. Each input is parsed with three sets of
//! options: the defaults, a base URL, and small limits (so that the limit paths run too).
//! Differing inputs are written to `--out` (`N.input`, `N.old.txt`, `N.new.txt`); the exit status is 1 when
//! there is any.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// SplitMix64: a small, seedable, well-mixed generator (the mutants must not depend on a crate's version).
struct Random(u64);

impl Random {
    fn new(seed: u64, index: u64) -> Self {
        let mut random = Random(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        random.next();
        random
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Markup that breaks or bends a document where it lands.
const INJECTED: &[&str] = &[
    "<",
    ">",
    "&",
    ";",
    "&amp;",
    "&lt;",
    "&#38;",
    "&#x3C;",
    "&nbsp;",
    "&bogus;",
    "&a;",
    "]]>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<![CDATA[x]]>",
    "<!---->",
    "<?",
    "?>",
    "<?pi x?>",
    "<?>",
    "<!",
    "<!x>",
    "<!DOCTYPE>",
    "<!DOCTYPE x [<!ENTITY a \"&lt;b&gt;\">]>",
    "<!DOCTYPE rss SYSTEM \"x.dtd\">",
    "</",
    "</x>",
    "<x>",
    "<x/>",
    "<br>",
    "<p>",
    "</p>",
    "<item>",
    "</item>",
    "<entry>",
    "</entry>",
    "</channel>",
    "</feed>",
    "</rss>",
    "<title>",
    "</title>",
    "<link>",
    "</link>",
    "<content type=\"xhtml\">",
    "<summary type=\"html\">",
    "<description>",
    "</description>",
    "<author>",
    "</author>",
    "<media:group>",
    "<media:thumbnail url=\"x.jpg\"/>",
    "<a:b>",
    "</a:b>",
    "\"",
    "'",
    "=",
    "/>",
    " xmlns=\"http://www.w3.org/2005/Atom\"",
    " xmlns:a=\"urn:x\"",
    " xml:base=\"sub/\"",
    " href=\"http://example.com/\"",
    " type=\"html\"",
    "\u{feff}",
    "\r",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{8}",
    "한",
    "é",
    "<title>x</titel>",
    "< x>",
    "</ >",
    "<a b='>'>",
    "<\u{feff}x>",
];

/// One mutation of `bytes`, picked and placed by `random`.
fn mutate(bytes: &mut Vec<u8>, random: &mut Random) {
    let len = bytes.len();
    let at = random.below(len + 1);
    match random.below(10) {
        0 => bytes.truncate(at),
        1 => {
            let end = (at + 1 + random.below(16)).min(len);
            bytes.drain(at..end.max(at));
        }
        2..=4 => {
            let token = INJECTED[random.below(INJECTED.len())];
            bytes.splice(at..at, token.bytes());
        }
        5 => {
            let end = (at + 1 + random.below(64)).min(len);
            let copy: Vec<u8> = bytes.get(at..end.max(at)).unwrap_or_default().to_vec();
            let to = random.below(len + 1);
            bytes.splice(to..to, copy);
        }
        6 => {
            // Any byte, which may leave the input not UTF-8 (the decoder's way).
            let byte = (random.next() & 0xff) as u8;
            if at < len {
                bytes[at] = byte;
            } else {
                bytes.push(byte);
            }
        }
        7 => {
            // Drop the next `>` or `<`: a tag runs on into what follows.
            let wanted = if random.below(2) == 0 { b'>' } else { b'<' };
            if let Some(found) = bytes.iter().skip(at).position(|b| *b == wanted) {
                bytes.remove(at + found);
            }
        }
        8 => {
            // Swap two short ranges.
            let a = random.below(len);
            let b = random.below(len);
            let n = 1 + random.below(24);
            let (first, second) = (a.min(b), a.max(b));
            if first + n <= second && second + n <= len {
                for k in 0..n {
                    bytes.swap(first + k, second + k);
                }
            }
        }
        _ => {
            // An ASCII byte that matters to XML, in place of one.
            const SPECIAL: &[u8] = b"<>&;/\"'=![]-? \n:#";
            let byte = SPECIAL[random.below(SPECIAL.len())];
            if at < len {
                bytes[at] = byte;
            }
        }
    }
}

/// One parser's view of one input under one set of options: `Debug` of the result, then its JSON ("panic" if it
/// panicked). A macro, since the two crates' types are distinct; the code is the same for both.
macro_rules! view {
    ($krate:ident, $input:expr, $options:expr) => {
        catch_unwind(AssertUnwindSafe(|| {
            let mut o = $krate::ParseOptions::default();
            match $options {
                1 => o.base_url = Some("https://example.com/feeds/base/".to_owned()),
                2 => {
                    o.max_depth = 6;
                    o.max_entries = 3;
                    o.max_text_bytes = 40;
                    o.max_warnings = 4;
                }
                _ => {}
            }
            let result = $krate::parse($input, &o);
            let json = match &result {
                Ok(feed) => serde_json::to_string(feed).unwrap_or_else(|e| e.to_string()),
                Err(error) => serde_json::to_string(error).unwrap_or_else(|e| e.to_string()),
            };
            format!("{result:#?}\n{json}")
        }))
        .unwrap_or_else(|_| "panic".to_owned())
    };
}

/// Both parsers' view of one input under one set of options.
fn views(input: &[u8], options: usize) -> (String, String) {
    (view!(feedlet_old, input, options), view!(feedlet, input, options))
}

const OPTION_SETS: usize = 3;

/// Every file under `path`, sorted, so that the run is the same everywhere.
fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    let mut list: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    list.sort();
    for entry in list {
        files(&entry, out);
    }
}

/// Documents past the reader's thresholds (thousands of open or skipped elements), which no fixture reaches.
fn synthetic() -> Vec<(String, Vec<u8>)> {
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>s</title>";
    let entry = |i: usize| {
        format!("<entry><title>t{i} &amp; u</title><id>i{i}</id><link href=\"https://e.example/{i}\"/><summary type=\"html\">&lt;p&gt;x&lt;/p&gt;</summary></entry>\n")
    };
    let entries: String = (0..6000).map(entry).collect();
    let deep = 5000;
    vec![
        (
            "synthetic: 6,000 entries".to_owned(),
            format!("{atom}{entries}</feed>"),
        ),
        (
            "synthetic: 5,000 nested elements in an entry".to_owned(),
            format!(
                "{atom}<entry><title>n</title><x>{}y{}</x></entry></feed>",
                "<n>".repeat(deep),
                "</n>".repeat(deep)
            ),
        ),
        (
            "synthetic: 5,000 unclosed elements in an entry".to_owned(),
            format!(
                "{atom}<entry><title>n</title><x>{}y</entry></feed>",
                "<n>".repeat(deep)
            ),
        ),
        (
            "synthetic: 5,000 unclosed leaves".to_owned(),
            format!(
                "<rss><channel><item><title>a</title>{}</item></channel></rss>",
                "<description>d".repeat(deep)
            ),
        ),
        (
            "synthetic: 5,000 nested entries".to_owned(),
            format!("{atom}{}</feed>", "<entry><title>e</title>".repeat(deep)),
        ),
    ]
    .into_iter()
    .map(|(label, text)| (label, text.into_bytes()))
    .collect()
}

/// An XML document small enough to mutate many times.
fn is_xml_seed(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    first == Some(&b'<') && bytes.len() <= 256 * 1024
}

struct Report {
    compared: AtomicUsize,
    differences: AtomicUsize,
    out: PathBuf,
    first: Mutex<Vec<String>>,
    /// What the inputs exercised (today's parser, default options): errors by kind, warnings by message.
    outcomes: Mutex<BTreeMap<String, usize>>,
}

impl Report {
    fn check(&self, label: &str, input: &[u8]) {
        self.tally(input);
        for options in 0..OPTION_SETS {
            self.compared.fetch_add(1, Ordering::Relaxed);
            let (old, new) = views(input, options);
            if old != new {
                let n = self.differences.fetch_add(1, Ordering::Relaxed);
                let _ = std::fs::create_dir_all(&self.out);
                let base = self.out.join(n.to_string());
                let _ = std::fs::write(base.with_extension("input"), input);
                let _ = std::fs::write(base.with_extension("old.txt"), &old);
                let _ = std::fs::write(base.with_extension("new.txt"), &new);
                if let Ok(mut first) = self.first.lock() {
                    if first.len() < 20 {
                        first.push(format!("{label} (options {options}) → {}", base.display()));
                    }
                }
                // One options set is enough to show an input differs.
                return;
            }
        }
    }
}

impl Report {
    fn tally(&self, input: &[u8]) {
        let keys: Vec<String> = match feedlet::parse(input, &feedlet::ParseOptions::default()) {
            Err(error) => vec![format!("error: {}", error.kind.as_str())],
            Ok(feed) if feed.warnings.is_empty() => vec!["feed, no warnings".to_owned()],
            Ok(feed) => {
                let mut keys: Vec<String> = feed
                    .warnings
                    .iter()
                    .map(|w| {
                        // Messages that name an element or a number are counted as one kind.
                        let cut = w
                            .message
                            .char_indices()
                            .skip(1)
                            .find(|(_, c)| {
                                *c == '<' || *c == '&' || *c == '"' || c.is_ascii_digit()
                            })
                            .map_or(w.message.len(), |(at, _)| at);
                        format!("warning: {}", &w.message[..cut])
                    })
                    .collect();
                keys.sort();
                keys.dedup();
                keys
            }
        };
        if let Ok(mut outcomes) = self.outcomes.lock() {
            for key in keys {
                *outcomes.entry(key).or_default() += 1;
            }
        }
    }
}

fn main() {
    let mut mutants = 100_000usize;
    let mut seed = 1u64;
    let mut threads = 2usize;
    let mut out = PathBuf::from("target/differential/diffs");
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mutants" => mutants = args.next().and_then(|v| v.parse().ok()).unwrap_or(mutants),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--threads" => {
                threads = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(threads)
                    .max(1)
            }
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let mut list = Vec::new();
    for path in &paths {
        if path.exists() {
            files(path, &mut list);
        } else {
            eprintln!("differential: {} is absent, skipped", path.display());
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    let report = Report {
        compared: AtomicUsize::new(0),
        differences: AtomicUsize::new(0),
        out,
        first: Mutex::new(Vec::new()),
        outcomes: Mutex::new(BTreeMap::new()),
    };
    let mut inputs: Vec<(String, Vec<u8>)> = list
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    inputs.extend(synthetic());
    let seeds: Vec<&(String, Vec<u8>)> = inputs.iter().filter(|(_, b)| is_xml_seed(b)).collect();
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (report, inputs, seeds) = (&report, &inputs, &seeds);
            scope.spawn(move || {
                for (label, bytes) in inputs.iter().skip(t).step_by(threads) {
                    report.check(label, bytes);
                }
                if seeds.is_empty() {
                    return;
                }
                for i in (t..mutants).step_by(threads) {
                    let mut random = Random::new(seed, i as u64);
                    let (label, original) = seeds[i % seeds.len()];
                    let mut bytes = original.clone();
                    for _ in 0..1 + random.below(3) {
                        mutate(&mut bytes, &mut random);
                    }
                    report.check(&format!("mutant {i} of {label}"), &bytes);
                }
            });
        }
    });
    let differences = report.differences.load(Ordering::Relaxed);
    println!(
        "differential: {} inputs: files and synthetic documents ({} XML seeds), {} mutants (seed {seed}), {} comparisons (3 option sets each), {} differing inputs, {:.0} s",
        inputs.len(),
        seeds.len(),
        mutants,
        report.compared.load(Ordering::Relaxed),
        differences,
        started.elapsed().as_secs_f64()
    );
    if let Ok(outcomes) = report.outcomes.lock() {
        println!(
            "inputs by outcome (today's parser, default options; an input counts once per kind):"
        );
        for (outcome, count) in outcomes.iter() {
            println!("  {count:>8}  {outcome}");
        }
    }
    if let Ok(first) = report.first.lock() {
        for line in first.iter() {
            println!("  {line}");
        }
    }
    if differences > 0 {
        std::process::exit(1);
    }
}
