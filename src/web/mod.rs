//! The JavaScript API: `parseFeed`, `renderFeed`, `renderFeeds`, `renderSkeleton`, and `TextDecoder` for legacy encodings.
//!
//! Inputs arrive as a string, an `ArrayBuffer` or a `Uint8Array` (copied into wasm once), or a `Feed` object.
//! Errors are real JS `Error`s named `FeedletError` with `kind`, `line` and `column`.

mod dom;

use std::borrow::Cow;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTemplateElement, Node};

use crate::error::Error;
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::options::{DateStyle, Layout, LinkTarget, Options, ParseOptions, Sort, SummaryMode};

/// Decodes a non-UTF-8 encoding with the browser's `TextDecoder` (WHATWG labels).
pub(crate) fn decode_legacy(label: &str, bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Parses a feed into a plain object with the same names as `feedlet parse`'s JSON.
#[wasm_bindgen(js_name = parseFeed)]
pub fn parse_feed(input: JsValue, options: Option<Object>) -> Result<JsValue, JsValue> {
    let parse_options = parse_options(options.as_ref());
    let bytes = Input::from_js(&input)?;
    let feed = bytes.parse(&parse_options).map_err(to_js_error)?;
    // JSON text across the boundary and the engine's own JSON.parse: far fewer calls than building each
    // object and string from wasm (see json_out.rs). Entries go in chunks, so memory stays bounded.
    let object = js_sys::JSON::parse(&crate::json_out::feed_head_json(&feed))?;
    let entries: Array = Reflect::get(&object, &"entries".into())?.unchecked_into();
    let mut chunk = String::new();
    let flush = |chunk: &mut String| -> Result<(), JsValue> {
        chunk.push(']');
        let part: Array = js_sys::JSON::parse(chunk)?.unchecked_into();
        for entry in part.iter() {
            entries.push(&entry);
        }
        chunk.clear();
        Ok(())
    };
    for entry in &feed.entries {
        chunk.push(if chunk.is_empty() { '[' } else { ',' });
        crate::json_out::entry(&mut chunk, entry);
        if chunk.len() >= JSON_CHUNK_BYTES {
            flush(&mut chunk)?;
        }
    }
    if !chunk.is_empty() {
        flush(&mut chunk)?;
    }
    Ok(object)
}

/// How much entry JSON `parseFeed` builds before handing it to `JSON.parse`.
const JSON_CHUNK_BYTES: usize = 256 * 1024;

/// Parses one feed (or takes a `Feed` object) and renders the list into `target`.
#[wasm_bindgen(js_name = renderFeed)]
pub fn render_feed(
    target: &Node,
    input: JsValue,
    options: Option<Object>,
    template: Option<HtmlTemplateElement>,
) -> Result<JsValue, JsValue> {
    let source = Object::new();
    Reflect::set(&source, &"input".into(), &input)?;
    if let Some(options) = &options {
        for key in ["baseUrl", "charset"] {
            Reflect::set(&source, &key.into(), &Reflect::get(options, &key.into())?)?;
        }
    }
    let sources = Array::of1(&source);
    render_feeds(target, sources, options, template)
}

/// Parses several sources, merges them and renders the list; throws only when none could be read.
#[wasm_bindgen(js_name = renderFeeds)]
pub fn render_feeds(
    target: &Node,
    sources: Array,
    options: Option<Object>,
    template: Option<HtmlTemplateElement>,
) -> Result<JsValue, JsValue> {
    let render_options = render_options(options.as_ref());
    let inputs: Vec<(Result<Input, JsValue>, ParseOptions)> = sources
        .iter()
        .map(|source| {
            let object = source.dyn_ref::<Object>().cloned();
            let input = match &object {
                Some(o) => Reflect::get(o, &"input".into()).and_then(|i| Input::from_js(&i)),
                None => Err(invalid("each source needs an input")),
            };
            (input, parse_options(object.as_ref()))
        })
        .collect();
    let mut feeds = Vec::with_capacity(inputs.len());
    let warnings = Array::new();
    let errors = Array::new();
    let mut first_error: Option<JsValue> = None;
    for (index, (input, parse_options)) in inputs.iter().enumerate() {
        let parsed = match input {
            Ok(input) => input.parse(parse_options).map_err(to_js_error),
            Err(error) => Err(error.clone()),
        };
        match parsed {
            Ok(feed) => {
                for warning in &feed.warnings {
                    let entry =
                        record(index, None, &warning.message, warning.line, warning.column)?;
                    warnings.push(&entry);
                }
                feeds.push(feed);
            }
            Err(error) => {
                let kind = Reflect::get(&error, &"kind".into())?.as_string();
                let message = Reflect::get(&error, &"message".into())?
                    .as_string()
                    .unwrap_or_default();
                let line = Reflect::get(&error, &"line".into())?
                    .as_f64()
                    .unwrap_or(0.0) as u32;
                let column = Reflect::get(&error, &"column".into())?
                    .as_f64()
                    .unwrap_or(0.0) as u32;
                let entry = record(index, kind.as_deref(), &message, line, column)?;
                errors.push(&entry);
                first_error.get_or_insert(error);
            }
        }
    }
    if feeds.is_empty() {
        return Err(first_error.unwrap_or_else(|| invalid("no sources to render")));
    }
    let template = template.filter(|t| t.is_instance_of::<HtmlTemplateElement>());
    let rendered = dom::render(target, &feeds, &render_options, template.as_ref())?;
    let result = Object::new();
    Reflect::set(&result, &"count".into(), &(rendered.count as f64).into())?;
    Reflect::set(&result, &"warnings".into(), &warnings)?;
    Reflect::set(&result, &"errors".into(), &errors)?;
    Reflect::set(
        &result,
        &"refusedUrls".into(),
        &(rendered.refused_urls as f64).into(),
    )?;
    Ok(result.into())
}

/// Renders the loading skeleton into `target`.
#[wasm_bindgen(js_name = renderSkeleton)]
pub fn render_skeleton(target: &Node, options: Option<Object>) -> Result<(), JsValue> {
    dom::render_skeleton(target, &render_options(options.as_ref()))
}

/// One source's input, converted once.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
    Feed(Box<Feed<'static>>),
}

impl Input {
    fn from_js(value: &JsValue) -> Result<Input, JsValue> {
        if let Some(text) = value.as_string() {
            return Ok(Input::Text(text));
        }
        if let Some(array) = value.dyn_ref::<Uint8Array>() {
            return Ok(Input::Bytes(array.to_vec()));
        }
        if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            return Ok(Input::Bytes(Uint8Array::new(buffer).to_vec()));
        }
        if value.is_object() && Reflect::has(value, &"entries".into()).unwrap_or(false) {
            return Ok(Input::Feed(Box::new(feed_from_js(value))));
        }
        Err(invalid(
            "input must be a string, an ArrayBuffer, a Uint8Array or a Feed object",
        ))
    }

    fn parse(&self, options: &ParseOptions) -> Result<Feed<'_>, Error> {
        match self {
            Input::Text(text) => crate::parse::parse_str(text, options, decode_legacy),
            Input::Bytes(bytes) => crate::parse::parse_bytes(bytes, options, decode_legacy),
            Input::Feed(feed) => Ok((**feed).clone()),
        }
    }
}

fn invalid(message: &str) -> JsValue {
    js_error("invalidInput", message, 0, 0)
}

fn to_js_error(error: Error) -> JsValue {
    js_error(
        error.kind.as_str(),
        &error.message,
        error.line,
        error.column,
    )
}

fn js_error(kind: &str, message: &str, line: u32, column: u32) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("FeedletError");
    let _ = Reflect::set(&error, &"kind".into(), &kind.into());
    let _ = Reflect::set(&error, &"line".into(), &line.into());
    let _ = Reflect::set(&error, &"column".into(), &column.into());
    error.into()
}

fn record(
    source: usize,
    kind: Option<&str>,
    message: &str,
    line: u32,
    column: u32,
) -> Result<Object, JsValue> {
    let object = Object::new();
    Reflect::set(&object, &"source".into(), &(source as f64).into())?;
    if let Some(kind) = kind {
        Reflect::set(&object, &"kind".into(), &kind.into())?;
    }
    Reflect::set(&object, &"message".into(), &message.into())?;
    Reflect::set(&object, &"line".into(), &line.into())?;
    Reflect::set(&object, &"column".into(), &column.into())?;
    Ok(object)
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn string(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

fn cow(object: &JsValue, key: &str) -> Option<Cow<'static, str>> {
    string(object, key).map(Cow::Owned)
}

fn number(object: &JsValue, key: &str) -> Option<f64> {
    let value = get(object, key);
    value
        .as_f64()
        .or_else(|| {
            value
                .as_string()
                .and_then(|s| s.trim().parse::<u32>().ok())
                .map(f64::from)
        })
        .filter(|n| n.is_finite())
}

fn boolean(object: &JsValue, key: &str) -> Option<bool> {
    let value = get(object, key);
    value.as_bool().or_else(|| {
        value
            .as_string()
            .map(|s| !matches!(s.trim(), "false" | "0" | "no" | "off"))
    })
}

fn list(object: &JsValue, key: &str) -> Vec<String> {
    let value = get(object, key);
    if let Some(text) = value.as_string() {
        return text
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
    }
    match value.dyn_ref::<Array>() {
        Some(array) => array.iter().filter_map(|v| v.as_string()).collect(),
        None => Vec::new(),
    }
}

fn parse_options(object: Option<&Object>) -> ParseOptions {
    let mut options = ParseOptions::default();
    if let Some(object) = object {
        options.base_url = string(object, "baseUrl").filter(|s| !s.is_empty());
        options.charset = string(object, "charset").filter(|s| !s.is_empty());
    }
    options
}

fn render_options(object: Option<&Object>) -> Options {
    let mut options = Options::default();
    let Some(object) = object else { return options };
    let count = |key: &str, default: usize| {
        number(object, key).map_or(default, |n| n.clamp(0.0, 1e6) as usize)
    };
    options.limit = count("limit", options.limit);
    options.offset = count("offset", options.offset);
    options.summary_length = count("summaryLength", options.summary_length);
    options.category = list(object, "category");
    options.exclude_category = list(object, "excludeCategory");
    if string(object, "sort").as_deref() == Some("feed") {
        options.sort = Sort::Feed;
    }
    options.date = boolean(object, "date").unwrap_or(options.date);
    options.image = boolean(object, "image").unwrap_or(options.image);
    options.author = boolean(object, "author").unwrap_or(options.author);
    options.categories = boolean(object, "categories").unwrap_or(options.categories);
    match get(object, "summary").as_string().as_deref() {
        Some("html") => options.summary_mode = SummaryMode::Html,
        _ => options.summary = boolean(object, "summary").unwrap_or(options.summary),
    }
    if string(object, "summaryMode").as_deref() == Some("html") {
        options.summary_mode = SummaryMode::Html;
    }
    options.date_style = match string(object, "dateStyle").as_deref() {
        Some("long") => DateStyle::Long,
        Some("relative") => DateStyle::Relative,
        _ => DateStyle::Medium,
    };
    options.layout = match string(object, "layout").as_deref() {
        Some("cards") => Layout::Cards,
        Some("compact") => Layout::Compact,
        _ => Layout::List,
    };
    if string(object, "target").as_deref() == Some("_blank") {
        options.target = LinkTarget::NewTab;
    }
    options.locale = string(object, "locale").filter(|s| !s.trim().is_empty());
    options.time_zone = string(object, "timeZone").filter(|s| !s.trim().is_empty());
    options.heading = string(object, "heading").filter(|s| !s.trim().is_empty());
    if let Some(text) = string(object, "emptyText") {
        options.empty_text = text;
    }
    if let Some(text) = string(object, "errorText") {
        options.error_text = text;
    }
    options
}

/// Reads a `Feed` object (as `parseFeed` returns, possibly modified by the page) without serde,
/// keeping the wasm small; every field is optional and every string is treated as untrusted.
fn feed_from_js(value: &JsValue) -> Feed<'static> {
    let format = match string(value, "format").as_deref() {
        Some("rss2") => Format::Rss2,
        Some("rss1") => Format::Rss1,
        Some("json") => Format::Json,
        _ => Format::Atom,
    };
    let mut feed = Feed::new(format);
    feed.title = cow(value, "title");
    feed.link = cow(value, "link");
    feed.language = cow(value, "language");
    feed.authors = people(&get(value, "authors"));
    if let Some(entries) = get(value, "entries").dyn_ref::<Array>() {
        feed.entries = entries.iter().map(|e| entry_from_js(&e)).collect();
    }
    feed
}

fn entry_from_js(value: &JsValue) -> Entry<'static> {
    let date = |key: &str| string(value, key).map(|s| Date::parse(Cow::Owned(s)));
    let content = get(value, "content");
    let image = get(value, "image");
    Entry {
        id: cow(value, "id").unwrap_or_default(),
        title: cow(value, "title"),
        link: cow(value, "link"),
        published: date("published"),
        updated: date("updated"),
        summary: cow(value, "summary").map(|s| LazyText::new(s, Escape::None, Markup::Text)),
        content: content.is_object().then(|| {
            let markup = match string(&content, "type").as_deref() {
                Some("text") => Markup::Text,
                Some("xhtml") => Markup::Xhtml,
                _ => Markup::Html,
            };
            Content {
                markup,
                body: cow(&content, "value").map(|v| LazyText::new(v, Escape::None, markup)),
                src: cow(&content, "src"),
                base: cow(&content, "base"),
            }
        }),
        authors: people(&get(value, "authors")),
        categories: match get(value, "categories").dyn_ref::<Array>() {
            Some(array) => array
                .iter()
                .filter_map(|c| c.as_string())
                .map(Cow::Owned)
                .collect(),
            None => Vec::new(),
        },
        image: string(&image, "url").map(|url| Image {
            url,
            width: number(&image, "width").map(|n| n.clamp(0.0, 1e5) as u32),
            height: number(&image, "height").map(|n| n.clamp(0.0, 1e5) as u32),
        }),
    }
}

fn people(value: &JsValue) -> Vec<Person<'static>> {
    match value.dyn_ref::<Array>() {
        Some(array) => array
            .iter()
            .filter_map(|p| {
                Some(Person {
                    name: cow(&p, "name")?,
                    uri: cow(&p, "uri"),
                    email: cow(&p, "email"),
                })
            })
            .collect(),
        None => Vec::new(),
    }
}
