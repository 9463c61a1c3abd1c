//! The JavaScript API: `readOptions`, `parseFeed`, `renderFeed`, `renderFeeds`, `renderSkeleton`; and `TextDecoder`
//! for legacy encodings.
//!
//! Every object that comes in (options, sources, `Feed` objects) is read through serde-wasm-bindgen from its own
//! properties only, into the one Rust type for it; every object that goes out is that type's `Serialize` derive
//! through `Serializer::json_compatible()`. tsify writes their TypeScript types, doc comments included, into the
//! `.d.ts` wasm-bindgen generates. Errors are real JS `Error`s named `FeedletError` with `kind`, `line` and `column`.

mod discover;
mod dom;
mod feed;
mod json;
mod output;
mod tree;

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTemplateElement, Node};

use crate::error::Error;
use crate::model::Feed;
use crate::options::{read_given, Given, Options, ParseOptions, Read, Settings};

pub(crate) use json::read_json;
use output::output;

/// The module's allocator: talc instead of std's dlmalloc, smaller and faster (`make build && make size`:
/// 101,075 -> 99,449 B gzip; `FEEDLET_BENCH_SCALE=0.4 node bench/browser.mjs`, CPU ms: parseFeed of the 10 MB feed
/// 268 -> 186, of the 1 MB feed 26.2 -> 19.2, renderFeed of the 10 MB feed 74 -> 60).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Decodes a non-UTF-8 encoding with the browser's `TextDecoder` (WHATWG labels).
pub(crate) fn decode_legacy(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// What `readOptions` returns.
#[derive(Serialize, tsify::Tsify)]
pub struct ReadOptions {
    /// The options: defaults, overridden by every valid value.
    pub options: Options,
    /// One sentence per value that was not valid (its default was kept), for the console:
    /// `limit="many" is not a valid value; using the default.`
    pub warnings: Vec<String>,
}

/// Reads options the way every feedlet entry point does: typed values (`limit: 5`) or attribute text
/// (`limit: "5"`, `summary: "html"`, `category: "a, b"`), camelCase names, own properties only.
/// Names that are not options (such as `template`) are ignored.
#[wasm_bindgen(js_name = readOptions, unchecked_return_type = "ReadOptions")]
pub fn read_options(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | null | undefined")]
    raw: JsValue,
) -> Result<JsValue, JsValue> {
    let read = settings::<Options>(raw)?;
    output(&ReadOptions {
        options: read.value,
        warnings: read.warnings,
    })
}

/// Parses Atom, RSS 0.9x/2.0, RSS 1.0 (RDF) or JSON Feed into a plain object (the shape of `feedlet parse`).
/// Throws a FeedletError when no feed can be had.
#[wasm_bindgen(js_name = parseFeed, unchecked_return_type = "Feed")]
pub fn parse_feed(
    #[wasm_bindgen(unchecked_param_type = "string | ArrayBuffer | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<ParseOptions> | null")]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = settings::<ParseOptions>(options)?.value;
    let input = Input::from_js(&input).map_err(|failure| failure.to_js())?;
    let mut feed = input
        .parse(&options)
        .map_err(|error| Problem::from(error).to_js())?;
    crate::select::prepare(&mut feed);
    output(&feed)
}

/// Parses one feed (or takes a `Feed` object) and renders the list into `target`, replacing its children.
/// `options` holds the render options and, for text or bytes, `baseUrl` and `charset`.
/// Throws a FeedletError when no feed could be had.
#[wasm_bindgen(js_name = renderFeed, unchecked_return_type = "RenderResult")]
pub fn render_feed(
    target: &Node,
    #[wasm_bindgen(unchecked_param_type = "Feed | string | ArrayBuffer | Uint8Array")]
    input: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "Partial<Options> & Partial<ParseOptions> | null"
    )]
    options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HTMLTemplateElement | null")] template: Option<
        HtmlTemplateElement,
    >,
) -> Result<JsValue, JsValue> {
    let source = Source {
        input: Input::from_js(&input),
        options: settings::<ParseOptions>(options.clone())?.value,
    };
    render(target, vec![source], options, template)
}

/// Merges several feeds: parses each, removes duplicates (by id and link), filters, sorts, limits and renders into
/// `target`. Renders when at least one source parsed; each source's outcome is in `sources`, failing ones also in
/// `errors`. Throws the first source's FeedletError only when none parsed (and then leaves `target` untouched);
/// the error's `sources` then holds each source's outcome.
#[wasm_bindgen(js_name = renderFeeds, unchecked_return_type = "RenderResult")]
pub fn render_feeds(
    target: &Node,
    #[wasm_bindgen(
        unchecked_param_type = "Array<{ input: Feed | string | ArrayBuffer | Uint8Array } & Partial<ParseOptions>>"
    )]
    sources: Array,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<Options> | null")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HTMLTemplateElement | null")] template: Option<
        HtmlTemplateElement,
    >,
) -> Result<JsValue, JsValue> {
    render(target, read_sources(&sources)?, options, template)
}

/// Renders the loading skeleton (`aria-busy="true"`, `limit` placeholder items, at most 6) into `target`.
#[wasm_bindgen(js_name = renderSkeleton)]
pub fn render_skeleton(
    target: &Node,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<Options> | null")] options: JsValue,
) -> Result<(), JsValue> {
    dom::render_skeleton(target, &settings::<Options>(options)?.value)
}

/// What one render did.
#[derive(Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RenderResult {
    /// Entries rendered.
    pub count: u32,
    /// Problems recovered from; the feed still rendered. `source` is the index in `sources`.
    pub warnings: Vec<SourceWarning>,
    /// The sources that could not be read.
    pub errors: Vec<SourceError>,
    /// Links and images dropped because they were not http(s).
    pub refused_urls: u32,
    /// One outcome per source, in order, so that a caller never parses a source again to learn it.
    pub sources: Vec<SourceStatus>,
}

/// A warning of one source.
#[derive(Serialize, tsify::Tsify)]
pub struct SourceWarning {
    /// The index of the source.
    pub source: u32,
    /// A sentence for a human.
    pub message: String,
    /// 1-based line in the source.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
}

/// Why one source could not be read.
#[derive(Serialize, tsify::Tsify)]
pub struct SourceError {
    /// The index of the source.
    pub source: u32,
    /// `empty`, `notXmlOrJson`, `notAFeed`, `syntax`, `limitExceeded` or `invalidInput`.
    #[tsify(type = "FeedletParseErrorKind")]
    pub kind: &'static str,
    /// A sentence for a human.
    pub message: String,
    /// 1-based line of the problem; 0 when it is not about a position.
    pub line: u32,
    /// 1-based column (in characters); 0 when it is not about a position.
    pub column: u32,
}

/// One source's outcome.
#[derive(Serialize, tsify::Tsify)]
pub struct SourceStatus {
    /// Whether the source gave a feed (perhaps with warnings).
    pub ok: bool,
    /// How many entries the source's feed has (before filtering, merging and the limit); 0 when not `ok`.
    pub entries: u32,
    /// Why not, when not `ok`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub error: Option<Problem>,
}

/// How wasm errors are told apart: `empty`, `notXmlOrJson` and `notAFeed` mean it is not a feed; `syntax` is a
/// parse error at `line`/`column`; `limitExceeded` a size or depth limit; `invalidInput` a wrong argument.
#[wasm_bindgen(typescript_custom_section)]
const FEEDLET_ERROR_KIND: &str = r#"
/** How wasm errors are told apart: `empty`, `notXmlOrJson` and `notAFeed` mean it is not a feed; `syntax` is a parse error at `line`/`column`; `limitExceeded` a size or depth limit; `invalidInput` a wrong argument. */
export type FeedletParseErrorKind = "empty" | "notXmlOrJson" | "notAFeed" | "syntax" | "limitExceeded" | "invalidInput";
"#;

/// One source: its input, converted once, and where it came from.
struct Source {
    input: Result<Input, Problem>,
    options: ParseOptions,
}

/// Parses every source, then renders what parsed.
fn render(
    target: &Node,
    mut sources: Vec<Source>,
    options: JsValue,
    template: Option<HtmlTemplateElement>,
) -> Result<JsValue, JsValue> {
    let options = settings::<Options>(options)?.value;
    let (feeds, mut result) = parse_all(&mut sources)?;
    let template = template.filter(|t| t.is_instance_of::<HtmlTemplateElement>());
    let rendered = dom::render(target, &feeds, &options, template.as_ref())?;
    // Counts go out as `u32`: a `usize` serializes through `u64`, whose range check formats an error message.
    result.count = u32::try_from(rendered.count).unwrap_or(u32::MAX);
    result.refused_urls = u32::try_from(rendered.refused_urls).unwrap_or(u32::MAX);
    output(&result)
}

/// What `selectFeeds` returns: a `RenderResult` (each source's outcome, warnings and errors, with `count` and
/// `refusedUrls` 0, since nothing was rendered) and `feeds`.
#[wasm_bindgen(typescript_custom_section)]
const SELECTION: &str = r#"
/** What `selectFeeds` returns: each source's outcome as `renderFeeds` reports it (`count` and `refusedUrls` are 0: nothing was rendered), and `feeds`: one per source, in order, its feed with only the entries a render with these options shows, each whole on its own (`null` for a source that could not be read). Rendered by `renderFeeds` with `offset: 0`, they make the same list as the sources themselves. */
export type Selection = RenderResult & { feeds: (Feed | null)[] };
"#;

/// Parses and selects without rendering, for a render on another thread: the widget calls it in a Worker for a
/// big response, and hands `renderFeeds` on the page only the entries it shows (`feeds`, with `offset: 0`).
/// Takes what `renderFeeds` takes. Throws the first source's FeedletError only when none parsed (its `sources`
/// then holds each source's outcome).
#[wasm_bindgen(js_name = selectFeeds, unchecked_return_type = "Selection")]
pub fn select_feeds(
    #[wasm_bindgen(
        unchecked_param_type = "Array<{ input: Feed | string | ArrayBuffer | Uint8Array } & Partial<ParseOptions>>"
    )]
    sources: Array,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<Options> | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = settings::<Options>(options)?.value;
    let mut sources = read_sources(&sources)?;
    let (feeds, result) = parse_all(&mut sources)?;
    let mut narrowed = crate::select::narrow(feeds, &options).into_iter();
    // Each feed through the one `Feed` output `parseFeed` uses; a failed source is `null`.
    let list = Array::new();
    for status in &result.sources {
        match if status.ok { narrowed.next() } else { None } {
            Some(feed) => list.push(&output(&feed)?),
            None => list.push(&JsValue::NULL),
        };
    }
    let selection = output(&result)?;
    Reflect::set(&selection, &"feeds".into(), &list)?;
    Ok(selection)
}

/// Each source of a `renderFeeds`/`selectFeeds` array: its input, converted once, and its own parse options.
fn read_sources(sources: &Array) -> Result<Vec<Source>, JsValue> {
    let mut list = Vec::with_capacity(sources.length() as usize);
    for source in sources.iter() {
        // Prototype-less dictionaries (`Object.create(null)`) are objects too, though not `instanceof Object`.
        let input = if source.is_object() {
            Input::from_js(&own(source.unchecked_ref::<Object>(), "input"))
        } else {
            Err(Problem::invalid("each source needs an input"))
        };
        let options = settings::<ParseOptions>(source)?.value;
        list.push(Source { input, options });
    }
    Ok(list)
}

/// Parses every source: the feeds that parsed, and a result holding each source's outcome (its count still 0).
/// When none parsed, the first source's error, with each source's outcome as its `sources`.
fn parse_all(sources: &mut [Source]) -> Result<(Vec<Feed<'_>>, RenderResult), JsValue> {
    let mut feeds = Vec::with_capacity(sources.len());
    let mut result = RenderResult {
        count: 0,
        warnings: Vec::new(),
        errors: Vec::new(),
        refused_urls: 0,
        sources: Vec::with_capacity(sources.len()),
    };
    for (index, source) in sources.iter_mut().enumerate() {
        let parsed = match &source.input {
            Ok(input) => input.parse(&source.options).map_err(Problem::from),
            Err(problem) => Err(problem.clone()),
        };
        let source = index as u32;
        match parsed {
            Ok(mut feed) => {
                let warnings = std::mem::take(&mut feed.warnings);
                result
                    .warnings
                    .extend(warnings.into_iter().map(|w| SourceWarning {
                        source,
                        message: w.message,
                        line: w.line,
                        column: w.column,
                    }));
                result.sources.push(SourceStatus {
                    ok: true,
                    entries: u32::try_from(feed.entries.len()).unwrap_or(u32::MAX),
                    error: None,
                });
                feeds.push(feed);
            }
            Err(problem) => {
                result.errors.push(SourceError {
                    source,
                    kind: problem.kind,
                    message: problem.message.clone(),
                    line: problem.line,
                    column: problem.column,
                });
                result.sources.push(SourceStatus {
                    ok: false,
                    entries: 0,
                    error: Some(problem),
                });
            }
        }
    }
    if feeds.is_empty() {
        // Each source's outcome rides on the error, so that a caller learns every source's problem without
        // parsing any of them again.
        let sources = output(&result.sources)?;
        let first = result.sources.into_iter().find_map(|s| s.error);
        let error = first
            .unwrap_or_else(|| Problem::invalid("no sources to render"))
            .to_js();
        let _ = Reflect::set(&error, &"sources".into(), &sources);
        return Err(error);
    }
    Ok((feeds, result))
}

/// One source's input, converted once.
enum Input {
    Text(String),
    /// Bytes, and the text they decode to when it is not the bytes themselves (not UTF-8 as they stand): kept
    /// here, the feed borrows from it, where a feed of text decoded on the way would be copied out of it
    /// (`parse_bytes`' `Feed::into_owned`: about 1.2 KB of wasm gzip).
    Bytes(Vec<u8>, OnceCell<String>),
    Feed(Cell<Option<Box<Feed<'static>>>>),
}

/// A `Feed` object's feed (copied once, own properties only, then read by the shape `parseFeed` writes).
/// Out of line: the wasm build moves it, and all that only it reaches, to the secondary module (scripts/split.mjs).
#[inline(never)]
fn feed_object(value: &JsValue) -> Option<Feed<'static>> {
    feed::feed(tree::copy_all(value))
}

impl Input {
    fn from_js(value: &JsValue) -> Result<Input, Problem> {
        if let Some(text) = value.as_string() {
            return Ok(Input::Text(text));
        }
        if let Some(array) = value.dyn_ref::<Uint8Array>() {
            return Ok(Input::Bytes(array.to_vec(), OnceCell::new()));
        }
        if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            return Ok(Input::Bytes(
                Uint8Array::new(buffer).to_vec(),
                OnceCell::new(),
            ));
        }
        if value.is_object() && Object::has_own(value.unchecked_ref::<Object>(), &"entries".into())
        {
            return feed_object(value)
                .map(|feed| Input::Feed(Cell::new(Some(Box::new(feed)))))
                .ok_or_else(|| Problem::invalid("a Feed object needs an `entries` array"));
        }
        Err(Problem::invalid(
            "input must be a string, an ArrayBuffer, a Uint8Array or a Feed object",
        ))
    }

    /// The feed: parsed from text or bytes (borrowing them), or a `Feed` object's, taken (each input is read once).
    fn parse(&self, options: &ParseOptions) -> Result<Feed<'_>, Error> {
        match self {
            Input::Text(text) => crate::parse::parse_str(text, options, read_json),
            Input::Bytes(bytes, decoded) => {
                let (text, warnings) = crate::parse::decode(bytes, options, decode_legacy)?;
                let text = match text {
                    Cow::Borrowed(text) => text,
                    Cow::Owned(text) => decoded.get_or_init(|| text),
                };
                crate::parse::parse_decoded(text, warnings, options, read_json)
            }
            Input::Feed(feed) => Ok(feed
                .take()
                .map_or_else(|| Feed::new(crate::model::Format::Atom), |feed| *feed)),
        }
    }
}

/// An error's kind, message and position: a parse error, or an argument that is not what it should be
/// (`invalidInput`).
#[derive(Clone, Serialize, tsify::Tsify)]
pub struct Problem {
    /// `empty`, `notXmlOrJson`, `notAFeed`, `syntax`, `limitExceeded` or `invalidInput`.
    #[tsify(type = "FeedletParseErrorKind")]
    pub kind: &'static str,
    /// A sentence for a human.
    pub message: String,
    /// 1-based line of the problem; 0 when it is not about a position.
    pub line: u32,
    /// 1-based column (in characters); 0 when it is not about a position.
    pub column: u32,
}

impl From<Error> for Problem {
    fn from(error: Error) -> Self {
        Problem {
            kind: error.kind.as_str(),
            message: error.message,
            line: error.line,
            column: error.column,
        }
    }
}

impl Problem {
    fn invalid(message: &str) -> Self {
        Problem {
            kind: "invalidInput",
            message: message.to_owned(),
            line: 0,
            column: 0,
        }
    }

    /// A real `Error` named `FeedletError`, with `kind`, `line` and `column`.
    fn to_js(&self) -> JsValue {
        let error = js_sys::Error::new(&self.message);
        error.set_name("FeedletError");
        let _ = Reflect::set(&error, &"kind".into(), &self.kind.into());
        let _ = Reflect::set(&error, &"line".into(), &self.line.into());
        let _ = Reflect::set(&error, &"column".into(), &self.column.into());
        error.into()
    }
}

/// Reads settings from an object's own properties (but `input`, a source's feed) with their one reader;
/// `undefined` or `null` gives the defaults.
fn settings<T: Settings>(value: JsValue) -> Result<Read<T>, JsValue> {
    Ok(read_given(pairs(&value)?))
}

/// An object's own properties as option values (none for `undefined` or `null`).
fn pairs(value: &JsValue) -> Result<Vec<(String, Given)>, JsValue> {
    let mut pairs = Vec::new();
    if value.is_undefined() || value.is_null() {
        return Ok(pairs);
    }
    // `is_object`, not `instanceof Object`: the widget passes prototype-less dictionaries (`Object.create(null)`).
    if !value.is_object() {
        return Err(Problem::invalid("options must be an object").to_js());
    }
    let object: &Object = value.unchecked_ref();
    for pair in Object::entries(object).iter() {
        let pair: Array = pair.unchecked_into();
        if let Some(name) = pair.get(0).as_string().filter(|name| name != "input") {
            pairs.push((name, given(&pair.get(1))));
        }
    }
    Ok(pairs)
}

/// One option value as JavaScript gives it.
fn given(value: &JsValue) -> Given {
    if value.is_undefined() || value.is_null() {
        Given::Nothing
    } else if let Some(b) = value.as_bool() {
        Given::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Given::Number(n)
    } else if let Some(text) = value.as_string() {
        Given::Text(text)
    } else if let Some(array) = value.dyn_ref::<Array>() {
        let words: Vec<String> = array.iter().filter_map(|item| item.as_string()).collect();
        let mixed = words.len() != array.length() as usize;
        Given::List(words, mixed)
    } else {
        Given::Other
    }
}

/// A property the object has itself (not one it inherits).
fn own(object: &Object, key: &str) -> JsValue {
    let key = JsValue::from(key);
    if Object::has_own(object, &key) {
        Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}
