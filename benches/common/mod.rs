//! Helpers shared by the plain-harness benches (`benches/parse.rs`, `benches/limits.rs`):
//! where the generated feeds live, medians and percentiles, and a Markdown number format.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

/// The repository root (the crate's manifest directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where `bench/generate.mjs` writes the feeds: `$FEEDLET_BENCH_FEEDS`, else `target/bench-feeds`.
/// Runs the generator when the folder has no feeds yet (it is deterministic, so this changes nothing).
pub fn feeds_dir() -> Result<PathBuf, String> {
    let dir = std::env::var_os("FEEDLET_BENCH_FEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target").join("bench-feeds"));
    if !dir.join("atom-1000.xml").exists() {
        eprintln!("bench: generating feeds into {}", dir.display());
        let status = std::process::Command::new("node")
            .arg(root().join("bench").join("generate.mjs"))
            .arg("--out")
            .arg(&dir)
            .status()
            .map_err(|e| format!("could not run `node bench/generate.mjs`: {e}"))?;
        if !status.success() {
            return Err("`node bench/generate.mjs` failed".to_owned());
        }
    }
    Ok(dir)
}

/// Reads one generated feed.
pub fn feed(name: &str) -> Result<Vec<u8>, String> {
    let path = feeds_dir()?.join(name);
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The `q` quantile (0..=1) of the samples, in milliseconds; nearest rank, so the median of an even count
/// is the lower middle one.
pub fn quantile_ms(samples: &[Duration], q: f64) -> f64 {
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    if ms.is_empty() {
        return f64::NAN;
    }
    let rank = ((ms.len() - 1) as f64 * q).round() as usize;
    ms.get(rank.min(ms.len() - 1)).copied().unwrap_or(f64::NAN)
}

pub fn median_ms(samples: &[Duration]) -> f64 {
    quantile_ms(samples, 0.5)
}

/// Throughput in MB/s (10^6 bytes per second) from a size and a time in milliseconds.
pub fn mb_per_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1e6 / (ms / 1e3)
}

/// A size for a table: `18.2 KB`, `1.03 MB`, `10.2 MB` (KB = 1024 bytes, MB = 1024² bytes).
pub fn size(bytes: usize) -> String {
    let b = bytes as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.2} MiB", b / 1024.0 / 1024.0)
    } else if b >= 1024.0 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

/// A time for a table with three significant digits: `0.0123`, `1.23`, `12.3`, `123`.
pub fn ms(value: f64) -> String {
    if !value.is_finite() {
        "–".to_owned()
    } else if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else if value >= 1.0 {
        format!("{value:.2}")
    } else if value >= 0.1 {
        format!("{value:.3}")
    } else {
        format!("{value:.4}")
    }
}

/// Seconds of sampling per group, scaled by `$FEEDLET_BENCH_SCALE` (default 1; 0.2 for a quick look).
pub fn budget(seconds: f64) -> Duration {
    let scale = std::env::var("FEEDLET_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(1.0);
    Duration::from_secs_f64(seconds * scale)
}

/// This thread's CPU time so far (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)` through the `cpu-time` crate).
/// On a shared machine it moves much less than wall time: time spent waiting for a core is not counted.
pub fn cpu_now() -> Option<Duration> {
    cpu_time::ThreadTime::try_now()
        .ok()
        .map(|t| t.as_duration())
}

/// Wall and on-CPU time of one closure call.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let cpu = cpu_now();
    let wall = std::time::Instant::now();
    let value = f();
    let wall = wall.elapsed();
    let cpu = match (cpu, cpu_now()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (value, wall, cpu)
}
