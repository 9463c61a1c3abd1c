//! The `feedlet` command: parse a feed to JSON, prerender its recent-posts list to static HTML, or list the feeds a
//! page links to.
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
  feedlet parse  [OPTIONS] FILE|-    print the feed as JSON (the shape of parseFeed)
  feedlet render [OPTIONS] [--embed] FILE|-
                                     print the recent-posts list as static HTML; with --embed, inside a
                                     <feedlet-posts light-dom> element with the options as its attributes
                                     (give --src URL), which adopts it as its first view
  feedlet discover [--base URL] [--feed-type atom|rss|json] FILE|-
                                     print the feeds an HTML page links to as JSON, best first
OPTIONS are `--name value` (or `--name=value`): the parse options (--base URL, --charset NAME, --max-entries N, ...)
and the widget's options, named as its attributes (--limit 10, --layout cards, --summary-length 100, --date false,
--category rust,wasm, ...), read by the same rules as in the browser.";

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

    /// Which command.
    #[derive(Clone, Copy, PartialEq)]
    enum Verb {
        Parse,
        Render,
        Discover,
    }

    /// What the command line asks for.
    struct Command {
        verb: Verb,
        file: String,
        parse_options: feedlet::ParseOptions,
        options: feedlet::Options,
        /// `--embed`: the widget's attributes (kebab-case name, value) to wrap the list in.
        embed: Option<Vec<(String, String)>>,
    }

    fn run(args: &[String]) -> Result<(), String> {
        let Some(command) = command(args)? else {
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            return Ok(());
        };
        let bytes = read_input(&command.file)?;
        let file = &command.file;
        if command.verb == Verb::Discover {
            // As in the browser (`discoverFeeds`): feed addresses are ASCII, so the page's bytes read as UTF-8.
            let page = String::from_utf8_lossy(&bytes);
            let links = feedlet::discover(
                &page,
                command.parse_options.base_url.as_deref(),
                command.options.feed_type.map(Into::into),
            );
            let mut json = serde_json::to_string_pretty(&links).map_err(|e| e.to_string())?;
            json.push('\n');
            return write_out(&json);
        }
        let mut feed = feedlet::parse(&bytes, &command.parse_options)
            .map_err(|e| format!("{file}:{}:{}: {}", e.line, e.column, e.message))?;
        for warning in &feed.warnings {
            eprintln!(
                "feedlet: {file}:{}:{}: warning: {}",
                warning.line, warning.column, warning.message
            );
        }
        let output = if command.verb == Verb::Render {
            let list = feedlet::render_html(std::slice::from_ref(&feed), &command.options);
            match &command.embed {
                Some(attributes) => embed(attributes, &list),
                None => list,
            }
        } else {
            feedlet::prepare(&mut feed);
            let mut json = serde_json::to_string_pretty(&feed).map_err(|e| e.to_string())?;
            json.push('\n');
            json
        };
        write_out(&output)
    }

    /// `<feedlet-posts light-dom …>LIST</feedlet-posts>`: the element that adopts the prerendered list, with the
    /// widget's options as given on the command line, escaped by the same sink as the list.
    fn embed(attributes: &[(String, String)], list: &str) -> String {
        use feedlet::Sink;
        let mut sink = feedlet::HtmlSink::default();
        let Ok(()) = sink.open("feedlet-posts", "", "");
        let Ok(()) = sink.attribute("light-dom", "");
        for (name, value) in attributes {
            // The sink takes static names; these few strings live as long as this short process anyway.
            let name: &'static str = Box::leak(name.clone().into_boxed_str());
            let Ok(()) = sink.attribute(name, value);
        }
        let element = sink.finish();
        // The list goes in before the end tag (`finish` closed the element).
        let start = element.strip_suffix("</feedlet-posts>").unwrap_or(&element);
        format!("{start}\n{list}</feedlet-posts>\n")
    }

    fn write_out(output: &str) -> Result<(), String> {
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`feedlet parse x | head`) is not an error worth a panic.
        let _ = stdout.write_all(output.as_bytes());
        let _ = stdout.flush();
        Ok(())
    }

    /// Reads the arguments; `None` asks for the usage text.
    fn command(args: &[String]) -> Result<Option<Command>, String> {
        let mut iter = args.iter();
        let verb = match iter.next().map(String::as_str) {
            Some("parse") => Verb::Parse,
            Some("render") => Verb::Render,
            Some("discover") => Verb::Discover,
            Some("-h" | "--help" | "help") => return Ok(None),
            Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
            None => return Err(USAGE.to_owned()),
        };
        // `--name value` pairs, named in camelCase as the options' readers take them.
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut file: Option<String> = None;
        let mut embed = false;
        while let Some(arg) = iter.next() {
            if arg == "-h" || arg == "--help" {
                return Ok(None);
            }
            if arg == "--embed" && verb == Verb::Render {
                embed = true;
                continue;
            }
            let Some(flag) = arg.strip_prefix("--") else {
                if file.is_some() {
                    return Err(format!("unexpected argument {arg:?}\n{USAGE}"));
                }
                file = Some(arg.clone());
                continue;
            };
            let (name, value) = match flag.split_once('=') {
                Some((name, value)) => (name, value.to_owned()),
                None => {
                    let value = iter
                        .next()
                        .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))?;
                    (flag, value.clone())
                }
            };
            pairs.push((camel_case(name), value));
        }
        let file = file.ok_or_else(|| format!("no input file\n{USAGE}"))?;
        let read = || {
            serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(
                pairs.iter().cloned(),
            )
        };
        let parse = feedlet::ParseOptions::read(read()).map_err(|e| e.to_string())?;
        let options = feedlet::Options::read(read()).map_err(|e| e.to_string())?;
        if let Some(name) = parse
            .unknown
            .iter()
            .find(|name| options.unknown.contains(name))
        {
            return Err(format!("unknown option --{}\n{USAGE}", kebab_case(name)));
        }
        // On the command line a value that is not valid is a mistake to fix, not a default to fall back on.
        if let Some(warning) = parse.warnings.iter().chain(&options.warnings).next() {
            let warning = warning
                .trim_end_matches(" using the default.")
                .trim_end_matches(';');
            return Err(format!("--{warning}"));
        }
        // The element takes the widget's options only (not --base, --charset…); its src is where it fetches from.
        let embed = embed
            .then(|| {
                if options.value.src.is_empty() {
                    return Err(format!(
                        "--embed needs --src URL, the feed's address for the widget\n{USAGE}"
                    ));
                }
                Ok(pairs
                    .iter()
                    .filter(|(name, _)| !options.unknown.contains(name) && name != "lightDom")
                    .map(|(name, value)| (kebab_case(name), value.clone()))
                    .collect())
            })
            .transpose()?;
        Ok(Some(Command {
            verb,
            file,
            parse_options: parse.value,
            options: options.value,
            embed,
        }))
    }

    /// `summary-length` → `summaryLength`.
    fn camel_case(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        let mut upper = false;
        for c in name.chars() {
            if c == '-' {
                upper = true;
            } else if upper {
                out.push(c.to_ascii_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    /// `summaryLength` → `summary-length`.
    fn kebab_case(name: &str) -> String {
        let mut out = String::with_capacity(name.len() + 2);
        for c in name.chars() {
            if c.is_ascii_uppercase() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
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
