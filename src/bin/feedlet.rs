//! The `feedlet` command: parse a feed to JSON, or prerender its recent-posts list to static HTML.
//!
//! The CLI is native-only; on wasm32 this binary is an empty stub so `cargo test --target wasm32-unknown-unknown` builds.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {

    use std::io::{Read, Write};
    use std::process::ExitCode;

    const USAGE: &str = "usage:
  feedlet parse  [--base URL] [--charset NAME] FILE|-
  feedlet render [--limit N] [--base URL] [--charset NAME] [--layout list|cards|compact] FILE|-";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("feedlet: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(args: &[String]) -> Result<(), String> {
        let mut iter = args.iter();
        let command = iter.next().ok_or_else(|| USAGE.to_owned())?;
        match command.as_str() {
            "parse" | "render" => {}
            "-h" | "--help" | "help" => {
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown command {other:?}\n{USAGE}")),
        }
        let mut parse_options = feedlet::ParseOptions::default();
        let mut options = feedlet::Options::default();
        let mut file: Option<String> = None;
        while let Some(arg) = iter.next() {
            let mut value = || {
                iter.next()
                    .cloned()
                    .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
            };
            match arg.as_str() {
                "--base" => parse_options.base_url = Some(value()?),
                "--charset" => parse_options.charset = Some(value()?),
                "--limit" => {
                    options.limit = value()?
                        .parse()
                        .map_err(|_| "--limit needs a number".to_owned())?
                }
                "--layout" => {
                    options.layout = match value()?.as_str() {
                        "list" => feedlet::Layout::List,
                        "cards" => feedlet::Layout::Cards,
                        "compact" => feedlet::Layout::Compact,
                        other => return Err(format!("unknown layout {other:?}")),
                    }
                }
                "-h" | "--help" => {
                    let _ = writeln!(std::io::stdout(), "{USAGE}");
                    return Ok(());
                }
                _ if file.is_none() => file = Some(arg.clone()),
                _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
            }
        }
        let file = file.ok_or_else(|| format!("no input file\n{USAGE}"))?;
        let bytes = read_input(&file)?;
        let feed = feedlet::parse(&bytes, &parse_options)
            .map_err(|e| format!("{file}:{}:{}: {}", e.line, e.column, e.message))?;
        for warning in &feed.warnings {
            eprintln!(
                "feedlet: {file}:{}:{}: warning: {}",
                warning.line, warning.column, warning.message
            );
        }
        let output = match command.as_str() {
            "parse" => {
                let mut json = serde_json::to_string_pretty(&feed).map_err(|e| e.to_string())?;
                json.push('\n');
                json
            }
            "render" => feedlet::render_html(std::slice::from_ref(&feed), &options),
            other => return Err(format!("unknown command {other:?}\n{USAGE}")),
        };
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`feedlet parse x | head`) is not an error worth a panic.
        let _ = stdout.write_all(output.as_bytes());
        let _ = stdout.flush();
        Ok(())
    }

    fn read_input(file: &str) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        if file == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("-: {e}"))?;
        } else {
            bytes = std::fs::read(file).map_err(|e| format!("{file}:1:1: {e}"))?;
        }
        Ok(bytes)
    }
}
