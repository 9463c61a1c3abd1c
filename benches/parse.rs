//! Native parse throughput: feedlet against a bare quick-xml event loop on the same bytes (feedlet's own reader is
//! quick-xml, so this is what its structure walk and memchr body skipping cost or save over reading every event).
//!
//!   cargo bench --bench parse            (the feeds come from `node bench/generate.mjs`; run if missing)
//!   FEEDLET_BENCH_SCALE=0.2 cargo bench --bench parse     (a quick, noisier look)
//!
//! Every case of one feed runs in the same rounds, in rotating order (interleaved), after a warm-up;
//! the table shows medians and the ratio to the bare loop from the same run. Prints Markdown on stdout.
//! Each sample records wall time and the thread's on-CPU time (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`); the ratios
//! use CPU time, which a busy shared machine disturbs far less (time spent waiting for a core is not in it).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use quick_xml::events::Event;
use quick_xml::Reader;

use common::{budget, feed, mb_per_s, median_ms, ms, quantile_ms, size, timed};

/// The baseline: quick-xml's reader over the whole document, every event read and dropped.
fn bare_loop(text: &str) -> usize {
    let mut reader = Reader::from_str(text);
    let mut events = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => events += 1,
            Err(_) => break,
        }
    }
    events
}

/// Events the bare loop sees (to show why escaped-HTML Atom is slower per byte than CDATA RSS).
fn count_events(text: &str) -> usize {
    bare_loop(text)
}

/// One benchmarked operation: gets the input as bytes and as the same bytes already checked as UTF-8.
type Run = Box<dyn Fn(&[u8], &str) -> usize>;

struct Case {
    name: &'static str,
    run: Run,
}

fn cases() -> Vec<Case> {
    let options = feedlet::ParseOptions::default();
    let widget = feedlet::Options {
        limit: 10,
        ..Default::default()
    };
    let (o1, o2, o3, o4) = (options.clone(), options.clone(), options.clone(), options);
    vec![
        Case {
            name: "quick-xml bare event loop (baseline)",
            run: Box::new(|_, text| bare_loop(text)),
        },
        Case {
            name: "`feedlet::parse` (bytes: sniff + UTF-8 check + parse)",
            run: Box::new(move |bytes, _| {
                feedlet::parse(bytes, &o1).map_or(0, |f| f.entries.len())
            }),
        },
        Case {
            name: "`feedlet::parse_str` (already a `&str`)",
            run: Box::new(move |_, text| {
                feedlet::parse_str(text, &o2).map_or(0, |f| f.entries.len())
            }),
        },
        Case {
            name: "parse + select + `render_html` top 10 (the widget's work)",
            run: Box::new(move |bytes, _| match feedlet::parse(bytes, &o3) {
                Ok(feed) => feedlet::render_html(std::slice::from_ref(&feed), &widget).len(),
                Err(_) => 0,
            }),
        },
        Case {
            name: "parse + every entry to JSON (the `parseFeed` work)",
            // As `parseFeed` does: `prepare` (summaries from content, thumbnails), then the model's Serialize.
            run: Box::new(move |bytes, _| match feedlet::parse(bytes, &o4) {
                Ok(mut feed) => {
                    feedlet::prepare(&mut feed);
                    serde_json::to_string(&feed).map_or(0, |s| s.len())
                }
                Err(_) => 0,
            }),
        },
    ]
}

struct Samples {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

struct Row {
    feed: String,
    bytes: usize,
    events: usize,
    /// Calls per sample (small feeds run several times per sample so that a sample is well above the
    /// cost of reading the clocks); times in the table are per call.
    batch: u32,
    results: Vec<(&'static str, Samples)>,
}

fn bench_feed(name: &str, seconds: f64, batch: u32) -> Result<Row, String> {
    let bytes = feed(name)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let cases = cases();
    // Sanity: feedlet reads every entry, so the comparison is of equal work.
    let options = feedlet::ParseOptions::default();
    let parsed = feedlet::parse(&bytes, &options).map_err(|e| format!("{name}: {e}"))?;
    eprintln!(
        "bench parse: {name}: {} entries, {} warnings",
        parsed.entries.len(),
        parsed.warnings.len()
    );
    drop(parsed);

    // Warm-up: every case at least 3 times, and for about a tenth of the budget.
    let warm = budget(seconds / 10.0);
    let start = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || start.elapsed() < warm {
        for case in &cases {
            black_box((case.run)(black_box(&bytes), black_box(text)));
        }
        rounds += 1;
    }

    let mut samples: Vec<Samples> = cases
        .iter()
        .map(|_| Samples {
            wall: Vec::new(),
            cpu: Vec::new(),
        })
        .collect();
    let total = budget(seconds);
    let start = Instant::now();
    let mut round = 0usize;
    while (round < 15 || start.elapsed() < total) && round < 2000 {
        // Rotate the order every round so that no case always runs right after the same other case.
        for k in 0..cases.len() {
            let i = (round + k) % cases.len();
            let (Some(case), Some(list)) = (cases.get(i), samples.get_mut(i)) else {
                continue;
            };
            let ((), wall, cpu) = timed(|| {
                for _ in 0..batch {
                    black_box((case.run)(black_box(&bytes), black_box(text)));
                }
            });
            list.wall.push(wall / batch);
            if let Some(cpu) = cpu {
                list.cpu.push(cpu / batch);
            }
        }
        round += 1;
    }
    Ok(Row {
        feed: name.to_owned(),
        bytes: bytes.len(),
        events: count_events(text),
        batch,
        results: cases.iter().map(|c| c.name).zip(samples).collect(),
    })
}

fn main() {
    let plan: &[(&str, f64, u32)] = &[
        ("atom-100.xml", 10.0, 1),
        ("rss-100.xml", 10.0, 1),
        ("atom-1000.xml", 20.0, 1),
        ("rss-1000.xml", 20.0, 1),
        ("atom-10.xml", 4.0, 20),
        ("rss-10.xml", 4.0, 20),
    ];
    let mut rows = Vec::new();
    for (name, seconds, batch) in plan {
        match bench_feed(name, *seconds, *batch) {
            Ok(row) => rows.push(row),
            Err(error) => {
                eprintln!("bench parse: {error}");
                std::process::exit(1);
            }
        }
    }

    let cpu_ok = rows
        .iter()
        .all(|r| r.results.iter().all(|(_, s)| !s.cpu.is_empty()));
    let pick = |s: &Samples| {
        if cpu_ok {
            s.cpu.clone()
        } else {
            s.wall.clone()
        }
    };
    println!("### Native parse throughput (`cargo bench --bench parse`)\n");
    println!(
        "Medians over interleaved samples after warm-up. Times are {} per call (the 10-entry feeds run 20 calls per sample); wall-clock medians are shown next to them. MB/s = 10⁶ bytes of input per second of {}. Ratio = the bare loop's time ÷ this case's time (100 % = as fast as the bare loop; higher is better).\n",
        if cpu_ok { "on-CPU time of the benchmark thread (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`)" } else { "wall-clock time" },
        if cpu_ok { "CPU time" } else { "wall time" }
    );
    println!("| feed | size | quick-xml events | case | samples | median ms | p25–p75 ms | wall median ms | MB/s | ratio to bare loop | ratio (wall) |");
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut summary = Vec::new();
    for row in &rows {
        let bare = row
            .results
            .first()
            .map_or(f64::NAN, |(_, s)| median_ms(&pick(s)));
        let bare_wall = row
            .results
            .first()
            .map_or(f64::NAN, |(_, s)| median_ms(&s.wall));
        for (name, samples) in &row.results {
            let chosen = pick(samples);
            let median = median_ms(&chosen);
            let wall = median_ms(&samples.wall);
            println!(
                "| {} | {} | {} | {} | {}{} | {} | {}–{} | {} | {:.0} | {:.0} % | {:.0} % |",
                row.feed,
                size(row.bytes),
                row.events,
                name,
                chosen.len(),
                if row.batch > 1 {
                    format!(" × {}", row.batch)
                } else {
                    String::new()
                },
                ms(median),
                ms(quantile_ms(&chosen, 0.25)),
                ms(quantile_ms(&chosen, 0.75)),
                ms(wall),
                mb_per_s(row.bytes, median),
                bare / median * 100.0,
                bare_wall / wall * 100.0
            );
        }
        let parse = row
            .results
            .get(1)
            .map_or(f64::NAN, |(_, s)| median_ms(&pick(s)));
        let parse_str = row
            .results
            .get(2)
            .map_or(f64::NAN, |(_, s)| median_ms(&pick(s)));
        summary.push((
            row.feed.clone(),
            bare / parse * 100.0,
            bare / parse_str * 100.0,
        ));
    }
    println!("\n**Targets (issue 9): `feedlet::parse` of the 1 MB feeds ≥ 200 % (Atom) and ≥ 65 % (RSS) of the bare loop's throughput** (feedlet reads with quick-xml too, and skips text-only bodies with memchr instead of reading their events; the other sizes are shown for reference).\n");
    println!("| feed | `feedlet::parse` ÷ bare loop | `parse_str` ÷ bare loop | target |");
    println!("|---|---:|---:|---|");
    for (feed, ratio, ratio_str) in summary {
        let target = match feed.as_str() {
            "atom-100.xml" => Some(200.0),
            "rss-100.xml" => Some(65.0),
            _ => None,
        };
        let met = match target {
            Some(target) if ratio >= target => format!("≥ {target:.0} %: met"),
            Some(target) => format!("≥ {target:.0} %: **not met**"),
            None => "–".to_owned(),
        };
        println!("| {feed} | {ratio:.0} % | {ratio_str:.0} % | {met} |");
    }
}
