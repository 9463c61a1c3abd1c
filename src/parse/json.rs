//! Reads JSON Feed 1.0 and 1.1 into the feed model with a small tolerant JSON reader that borrows from the input.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Warnings};
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::options::ParseOptions;
use crate::text::decimal;

/// Parses a JSON Feed document (the caller has already seen that the first significant character is `{`).
pub(crate) fn parse<'a>(input: &'a str, options: &ParseOptions) -> Result<Feed<'a>, Error> {
    let mut reader = Reader {
        input,
        pos: 0,
        max_depth: options.max_depth,
        max_entries: options.max_entries,
        extra_items: 0,
        first_extra_at: 0,
        warnings: Warnings::new(options.max_warnings),
    };
    // The caller skips whitespace and byte order marks in any order before seeing `{`, so do the same.
    while reader.next_token().is_some()
        && input
            .get(reader.pos..)
            .is_some_and(|rest| rest.starts_with('\u{feff}'))
    {
        reader
            .warnings
            .push(reader.pos, "ignored a byte order mark before the JSON");
        reader.pos += '\u{feff}'.len_utf8();
    }
    if reader.peek() != Some(b'{') {
        return Err(Error::new(
            ErrorKind::NotAFeed,
            "the JSON document is not an object",
            Position::of(input, reader.pos),
        ));
    }
    let root = match reader.read() {
        Ok(root) => {
            if reader.next_token().is_some() {
                reader
                    .warnings
                    .push(reader.pos, "ignored text after the JSON object");
            }
            root
        }
        Err((fail, stack)) => {
            let salvaged = if fail.kind == ErrorKind::Syntax {
                salvage(stack, input)
            } else {
                None
            };
            let Some(root) = salvaged else {
                return Err(Error::new(
                    fail.kind,
                    fail.message,
                    Position::of(input, fail.at),
                ));
            };
            reader.warnings.push(
                fail.at,
                [
                    "the JSON is broken here (",
                    fail.message,
                    "); kept the items read before it",
                ]
                .concat(),
            );
            root
        }
    };
    if reader.extra_items > 0 {
        let max = options.max_entries;
        let count = max.saturating_add(reader.extra_items);
        let message = [
            "kept the first ",
            &decimal(max),
            " of ",
            &decimal(count),
            " items",
        ]
        .concat();
        reader.warnings.push(reader.first_extra_at, message);
    }
    let Value::Obj(fields, root_at) = &root else {
        return Err(Error::new(
            ErrorKind::NotAFeed,
            "the JSON document is not an object",
            Position::of(input, 0),
        ));
    };
    let mut mapper = Mapper {
        input,
        options,
        base: options.base_url.clone(),
        warnings: reader.warnings,
    };
    let mut feed = mapper.feed(fields).ok_or_else(|| {
        Error::new(
            ErrorKind::NotAFeed,
            "the JSON object has neither a JSON Feed `version` nor `items`",
            Position::of(input, *root_at),
        )
    })?;
    feed.warnings = mapper.warnings.finish(input);
    Ok(feed)
}

/// A JSON string as written between its quotes; decoded only when a field needs it.
#[derive(Clone, Copy)]
struct Str<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> Str<'a> {
    fn decode(self) -> Cow<'a, str> {
        if self.escaped {
            crate::text::json_unescape(self.raw)
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

type Fields<'a> = Vec<(Str<'a>, Value<'a>)>;

/// A JSON value; containers carry the byte offset of their opening bracket for messages.
enum Value<'a> {
    Str(Str<'a>),
    Num(&'a str),
    /// `true`, `false`, `null`, or a container no field reads (then its opening bracket): only its place matters.
    Other(&'a str),
    Arr(Vec<Value<'a>>, usize),
    Obj(Fields<'a>, usize),
}

/// Where a container sits in a JSON Feed. The reader stores only what the mapper reads, so unknown
/// members and hostile filler cost time but no memory.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Skip,
    Root,
    Items,
    Item,
    People,
    Person,
    Tags,
}

impl Role {
    /// The role of a container found under `key` (empty in an array) in a container of this role.
    fn child(self, key: &str, object: bool) -> Role {
        match (self, key, object) {
            (Role::Root, "items", false) => Role::Items,
            (Role::Root | Role::Item, "authors", false) => Role::People,
            (Role::Root | Role::Item, "author", true) | (Role::People, _, true) => Role::Person,
            (Role::Item, "tags", false) => Role::Tags,
            (Role::Items, _, true) => Role::Item,
            _ => Role::Skip,
        }
    }

    fn keeps(self, key: &str, value: &Value<'_>) -> bool {
        match self {
            Role::Root => FEED_FIELDS.contains(&key),
            Role::Item => ITEM_FIELDS.contains(&key),
            Role::Person => matches!(key, "name" | "url"),
            Role::Items | Role::People => matches!(value, Value::Obj(..)),
            Role::Tags => matches!(value, Value::Str(_)),
            Role::Skip => false,
        }
    }
}

/// An open container on the reader's stack.
struct Frame<'a> {
    at: usize,
    role: Role,
    object: bool,
    /// In an object, the key whose value is being read.
    key: Option<Str<'a>>,
    items: Vec<Value<'a>>,
    fields: Fields<'a>,
}

impl<'a> Frame<'a> {
    fn close(self, input: &'a str) -> Value<'a> {
        match (self.role, self.object) {
            (Role::Skip, _) => Value::Other(input.get(self.at..=self.at).unwrap_or("")),
            (_, true) => Value::Obj(self.fields, self.at),
            (_, false) => Value::Arr(self.items, self.at),
        }
    }
}

fn key_name(key: Option<Str<'_>>) -> Cow<'_, str> {
    key.map_or(Cow::Borrowed(""), Str::decode)
}

struct Fail {
    at: usize,
    kind: ErrorKind,
    message: &'static str,
}

/// The open containers at the point a read failed, kept so that the items read so far survive.
type Broken<'a> = (Fail, Vec<Frame<'a>>);

struct Reader<'a> {
    input: &'a str,
    pos: usize,
    max_depth: usize,
    max_entries: usize,
    /// Items past `max_entries`, and where the first of them starts.
    extra_items: usize,
    first_extra_at: usize,
    warnings: Warnings,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.input.as_bytes().get(self.pos).copied()
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn next_token(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
        self.peek()
    }

    fn fail(&self, message: &'static str) -> Fail {
        Fail {
            at: self.pos,
            kind: ErrorKind::Syntax,
            message,
        }
    }

    /// Reads one value with an explicit stack, so hostile nesting costs heap (bounded by `max_depth`), not call stack.
    fn read(&mut self) -> Result<Value<'a>, Broken<'a>> {
        let mut stack = Vec::new();
        match self.read_into(&mut stack) {
            Ok(value) => Ok(value),
            Err(fail) => Err((fail, stack)),
        }
    }

    fn read_into(&mut self, stack: &mut Vec<Frame<'a>>) -> Result<Value<'a>, Fail> {
        'value: loop {
            let mut value = match self.next_token() {
                Some(open @ (b'{' | b'[')) => {
                    if stack.len() >= self.max_depth {
                        return Err(Fail {
                            at: self.pos,
                            kind: ErrorKind::LimitExceeded,
                            message: "the JSON is nested deeper than max_depth",
                        });
                    }
                    let object = open == b'{';
                    let role = match stack.last() {
                        None => Role::Root,
                        Some(parent) => parent.role.child(&key_name(parent.key), object),
                    };
                    let mut frame = Frame {
                        at: self.pos,
                        role,
                        object,
                        key: None,
                        items: Vec::new(),
                        fields: Vec::new(),
                    };
                    self.pos += 1;
                    if self.next_token() == Some(if object { b'}' } else { b']' }) {
                        self.pos += 1;
                        frame.close(self.input)
                    } else {
                        if object {
                            frame.key = Some(self.key()?);
                        }
                        stack.push(frame);
                        continue 'value;
                    }
                }
                Some(b'"') => Value::Str(self.string()?),
                _ => self.scalar()?,
            };
            // Attach the finished value to its container, then close every container that ends here.
            loop {
                let Some(frame) = stack.last_mut() else {
                    return Ok(value);
                };
                self.attach(frame, value);
                let close = if frame.object { b'}' } else { b']' };
                match self.next_token() {
                    Some(b',') => {
                        let comma = self.pos;
                        self.pos += 1;
                        if self.next_token() == Some(close) {
                            self.warnings.push(comma, "ignored a trailing comma");
                        } else {
                            if close == b'}' {
                                let key = self.key()?;
                                if let Some(frame) = stack.last_mut() {
                                    frame.key = Some(key);
                                }
                            }
                            continue 'value;
                        }
                    }
                    Some(b) if b == close => {}
                    _ if close == b']' => return Err(self.fail("expected ',' or ']'")),
                    _ => return Err(self.fail("expected ',' or '}'")),
                }
                self.pos += 1;
                let Some(frame) = stack.pop() else {
                    return Err(self.fail("unbalanced brackets"));
                };
                value = frame.close(self.input);
            }
        }
    }

    fn attach(&mut self, frame: &mut Frame<'a>, value: Value<'a>) {
        let key = frame.key.take();
        if !frame.role.keeps(&key_name(key), &value) {
            if frame.role == Role::Items {
                let at = value_offset(self.input, &value);
                self.warnings
                    .push(at, "skipped an item that is not an object");
            }
            return;
        }
        if frame.role == Role::Items && frame.items.len() >= self.max_entries {
            if self.extra_items == 0 {
                self.first_extra_at = value_offset(self.input, &value);
            }
            self.extra_items = self.extra_items.saturating_add(1);
            return;
        }
        match key {
            Some(key) => frame.fields.push((key, value)),
            None => frame.items.push(value),
        }
    }

    fn key(&mut self) -> Result<Str<'a>, Fail> {
        if self.next_token() != Some(b'"') {
            return Err(self.fail("expected a string key"));
        }
        let key = self.string()?;
        if self.next_token() != Some(b':') {
            return Err(self.fail("expected ':'"));
        }
        self.pos += 1;
        Ok(key)
    }

    /// Reads a string at its opening quote; escapes are only noted here, decoded later if the field is used.
    fn string(&mut self) -> Result<Str<'a>, Fail> {
        let bytes = self.input.as_bytes();
        let start = self.pos.saturating_add(1);
        let mut end = start;
        let mut escaped = false;
        loop {
            match bytes.get(end) {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    end = end.saturating_add(2);
                }
                Some(_) => end += 1,
                None => return Err(self.fail("unterminated string")),
            }
        }
        let raw = self
            .input
            .get(start..end)
            .ok_or_else(|| self.fail("unterminated string"))?;
        self.pos = end + 1;
        Ok(Str { raw, escaped })
    }

    /// Reads a number (leniently: any run of number characters) or `true`, `false`, `null`.
    fn scalar(&mut self) -> Result<Value<'a>, Fail> {
        let rest = self.input.get(self.pos..).unwrap_or("");
        for literal in ["true", "false", "null"] {
            if let Some(found) = rest.get(..literal.len()).filter(|r| *r == literal) {
                self.pos += literal.len();
                return Ok(Value::Other(found));
            }
        }
        if !rest.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
            return Err(self.fail("expected a value"));
        }
        let len = rest
            .bytes()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let number = rest.get(..len).unwrap_or("");
        self.pos += len;
        Ok(Value::Num(number))
    }
}

/// After a syntax error: the top-level object as far as it was read, if its `items` array was reached.
/// The item being read when the error struck is dropped, since its fields may be cut short.
fn salvage<'a>(mut stack: Vec<Frame<'a>>, input: &'a str) -> Option<Value<'a>> {
    stack.truncate(2);
    let inner = if stack.len() == 2 { stack.pop() } else { None };
    let mut root = stack.pop()?;
    if let (Some(items), Some(key)) = (inner, root.key.take()) {
        if items.role == Role::Items {
            root.fields.push((key, items.close(input)));
        }
    }
    let [items] = pick(&root.fields, ["items"]);
    matches!(items, Some(Value::Arr(..))).then(|| root.close(input))
}

fn offset(input: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(input.as_ptr() as usize)
}

fn value_offset(input: &str, value: &Value<'_>) -> usize {
    match value {
        // Point at the opening quote, where a human looks for the string.
        Value::Str(s) => offset(input, s.raw).saturating_sub(1),
        Value::Num(part) | Value::Other(part) => offset(input, part),
        Value::Arr(_, at) | Value::Obj(_, at) => *at,
    }
}

/// Finds the named fields of an object in one pass; a repeated key keeps its last value, as in JavaScript.
fn pick<'v, 'a, const N: usize>(
    fields: &'v [(Str<'a>, Value<'a>)],
    names: [&str; N],
) -> [Option<&'v Value<'a>>; N] {
    let mut found = [None; N];
    for (key, value) in fields {
        let key = key.decode();
        if let Some(slot) = names
            .iter()
            .position(|name| *name == key)
            .and_then(|i| found.get_mut(i))
        {
            *slot = Some(value);
        }
    }
    found
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The end of the longest prefix of a raw JSON string within `max` bytes that splits neither a
/// character nor an escape (a surrogate pair counts as one escape).
fn raw_cut(raw: &str, max: usize) -> usize {
    let bytes = raw.as_bytes();
    let mut end = 0usize;
    while let Some(&b) = bytes.get(end) {
        let len = if b == b'\\' {
            match bytes.get(end + 1) {
                Some(b'u') => {
                    let pair = raw
                        .get(end + 2..end + 6)
                        .and_then(crate::text::hex4)
                        .is_some_and(|(code, _)| (0xD800..0xDC00).contains(&code))
                        && raw.get(end + 6..end + 8) == Some("\\u");
                    if pair {
                        12
                    } else {
                        6
                    }
                }
                Some(&next) => 1 + utf8_len(next),
                None => 1,
            }
        } else {
            utf8_len(b)
        };
        if end + len > max {
            break;
        }
        end += len;
    }
    floor_char_boundary(raw, end)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn collapse(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(b) => crate::text::collapse_whitespace(b),
        Cow::Owned(o) => Cow::Owned(crate::text::collapse_whitespace(&o).into_owned()),
    }
}

fn trim(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) if o.trim().len() == o.len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
    }
}

const FEED_FIELDS: [&str; 11] = [
    "version",
    "title",
    "description",
    "home_page_url",
    "feed_url",
    "icon",
    "favicon",
    "language",
    "authors",
    "author",
    "items",
];

const ITEM_FIELDS: [&str; 14] = [
    "id",
    "url",
    "external_url",
    "title",
    "summary",
    "content_html",
    "content_text",
    "date_published",
    "date_modified",
    "authors",
    "author",
    "tags",
    "image",
    "banner_image",
];

/// Maps the value tree onto the model; `base` resolves relative URLs.
struct Mapper<'a, 'o> {
    input: &'a str,
    options: &'o ParseOptions,
    base: Option<String>,
    warnings: Warnings,
}

impl<'a> Mapper<'a, '_> {
    fn feed(&mut self, fields: &[(Str<'a>, Value<'a>)]) -> Option<Feed<'a>> {
        let [version, title, description, home_page_url, feed_url, icon, favicon, language, authors, author, items] =
            pick(fields, FEED_FIELDS);
        let is_json_feed = matches!(version, Some(Value::Str(v)) if memchr::memmem::find(v.decode().as_bytes(), b"jsonfeed").is_some());
        if !is_json_feed && !matches!(items, Some(Value::Arr(..))) {
            return None;
        }
        let mut feed = Feed::new(Format::Json);
        feed.title = self.text(title);
        feed.subtitle = self.text(description);
        let feed_url = self.url(feed_url);
        if self.base.is_none() {
            self.base.clone_from(&feed_url);
        }
        let link = self.url(home_page_url);
        if self.base.is_none() {
            self.base.clone_from(&link);
        }
        feed.feed_url = feed_url.map(Cow::Owned);
        feed.link = link.map(Cow::Owned);
        feed.id = feed.feed_url.clone().or_else(|| feed.link.clone());
        feed.icon = self.url(icon).or_else(|| self.url(favicon)).map(Cow::Owned);
        feed.language = self.trimmed(language);
        feed.authors = self.people(authors, author);
        match items {
            // The reader kept only objects, and at most `max_entries` of them.
            Some(Value::Arr(items, _)) => {
                for item in items {
                    if let Value::Obj(item_fields, _) = item {
                        let entry = self.entry(item_fields, &feed);
                        feed.entries.push(entry);
                    }
                }
            }
            Some(other) => {
                let at = value_offset(self.input, other);
                self.warnings
                    .push(at, "ignored `items` because it is not an array");
            }
            None => {}
        }
        Some(feed)
    }

    fn entry(&mut self, fields: &[(Str<'a>, Value<'a>)], feed: &Feed<'a>) -> Entry<'a> {
        let [id, url, external_url, title, summary, content_html, content_text, date_published, date_modified, authors, author, tags, image, banner_image] =
            pick(fields, ITEM_FIELDS);
        let id = match id {
            Some(Value::Num(number)) => Cow::Borrowed(*number),
            other => self.trimmed(other).unwrap_or_default(),
        };
        let link = self
            .url(url)
            .or_else(|| self.url(external_url))
            .map(Cow::Owned);
        let content = self
            .lazy(content_html, Markup::Html)
            .or_else(|| self.lazy(content_text, Markup::Text))
            .map(|body| Content {
                markup: body.markup(),
                body: Some(body),
                src: None,
                base: link.clone().or_else(|| feed.link.clone()),
            });
        let mut people = self.people(authors, author);
        if people.is_empty() {
            people.clone_from(&feed.authors);
        }
        let categories = match tags {
            Some(Value::Arr(tags, _)) => {
                tags.iter().filter_map(|tag| self.text(Some(tag))).collect()
            }
            _ => Vec::new(),
        };
        Entry {
            id,
            title: self.text(title),
            link,
            published: self.trimmed(date_published).map(Date::parse),
            updated: self.trimmed(date_modified).map(Date::parse),
            summary: self.lazy(summary, Markup::Text),
            content,
            authors: people,
            categories,
            image: self
                .url(image)
                .or_else(|| self.url(banner_image))
                .map(|url| Image {
                    url,
                    width: None,
                    height: None,
                }),
        }
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    fn people(
        &mut self,
        authors: Option<&Value<'a>>,
        author: Option<&Value<'a>>,
    ) -> Vec<Person<'a>> {
        let mut people = Vec::new();
        if let Some(Value::Arr(list, _)) = authors {
            people.extend(list.iter().filter_map(|value| self.person(value)));
        }
        if people.is_empty() {
            people.extend(author.and_then(|value| self.person(value)));
        }
        people
    }

    fn person(&mut self, value: &Value<'a>) -> Option<Person<'a>> {
        let Value::Obj(fields, _) = value else {
            return None;
        };
        let [name, url] = pick(fields, ["name", "url"]);
        let name = self.text(name).unwrap_or_default();
        let uri = self.url(url).map(Cow::Owned);
        (!name.is_empty() || uri.is_some()).then_some(Person {
            name,
            uri,
            email: None,
        })
    }

    fn warn_cut(&mut self, raw: &str) {
        let message = [
            "cut a text longer than ",
            &decimal(self.options.max_text_bytes),
            " bytes",
        ]
        .concat();
        self.warnings
            .push(offset(self.input, raw).saturating_sub(1), message);
    }

    /// A string field decoded, cut to `max_text_bytes`.
    fn decoded(&mut self, value: Option<&Value<'a>>) -> Option<Cow<'a, str>> {
        let Some(Value::Str(s)) = value else {
            return None;
        };
        let max = self.options.max_text_bytes;
        let mut text = s.decode();
        if text.len() > max {
            self.warn_cut(s.raw);
            let end = floor_char_boundary(&text, max);
            text = match text {
                Cow::Borrowed(b) => Cow::Borrowed(b.get(..end).unwrap_or("")),
                Cow::Owned(mut o) => {
                    o.truncate(end);
                    Cow::Owned(o)
                }
            };
        }
        Some(text)
    }

    /// Plain text with whitespace collapsed; JSON Feed titles, names and tags hold no markup,
    /// but HTML character references are decoded once (WordPress writes `Blog &#8211; Name`).
    fn text(&mut self, value: Option<&Value<'a>>) -> Option<Cow<'a, str>> {
        let text = match self.decoded(value)? {
            Cow::Borrowed(b) => crate::text::decode_entities(b),
            Cow::Owned(o) => Cow::Owned(crate::text::decode_entities(&o).into_owned()),
        };
        Some(collapse(text)).filter(|t| !t.is_empty())
    }

    fn trimmed(&mut self, value: Option<&Value<'a>>) -> Option<Cow<'a, str>> {
        Some(trim(self.decoded(value)?)).filter(|t| !t.is_empty())
    }

    /// A URL resolved against the base; a refused one is dropped with a warning.
    fn url(&mut self, value: Option<&Value<'a>>) -> Option<String> {
        let raw = self.trimmed(value)?;
        let url = crate::url::safe_url(self.base.as_deref(), &raw);
        if url.is_none() {
            let at = value.map_or(0, |v| value_offset(self.input, v));
            self.warnings.push(
                at,
                "dropped a URL that is not http(s) or a safe relative reference",
            );
        }
        url
    }

    /// A body kept as the raw slice, decoded only when read.
    fn lazy(&mut self, value: Option<&Value<'a>>, markup: Markup) -> Option<LazyText<'a>> {
        let Some(Value::Str(s)) = value else {
            return None;
        };
        if s.raw.trim().is_empty() {
            return None;
        }
        let mut raw = s.raw;
        if raw.len() > self.options.max_text_bytes {
            self.warn_cut(raw);
            raw = raw
                .get(..raw_cut(raw, self.options.max_text_bytes))
                .unwrap_or("");
        }
        let escape = if s.escaped {
            Escape::Json
        } else {
            Escape::None
        };
        Some(LazyText::new(Cow::Borrowed(raw), escape, markup))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses input that must yield a feed.
    fn parsed<'a>(input: &'a str, options: &ParseOptions) -> Feed<'a> {
        let result = parse(input, options);
        assert_eq!(result.as_ref().err(), None);
        result.unwrap_or_else(|_| Feed::new(Format::Json))
    }

    /// Parses with default options and compares a compact rendering of the feed.
    fn check(input: &str, expected: &str) {
        let feed = parse(input, &ParseOptions::default());
        let actual = match feed {
            Ok(feed) => render(&feed),
            Err(error) => format!(
                "error {}: {}:{}",
                error.kind.as_str(),
                error.line,
                error.column
            ),
        };
        assert_eq!(actual.trim(), expected.trim(), "\nactual:\n{actual}");
    }

    fn render(feed: &Feed<'_>) -> String {
        let mut out = String::new();
        let opt = |v: &Option<Cow<'_, str>>| v.as_deref().unwrap_or("-").to_owned();
        let people = |p: &[Person<'_>]| {
            p.iter()
                .map(|p| format!("{}<{}>", p.name, p.uri.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "feed title={} subtitle={} link={} feed_url={} id={} icon={} lang={} authors=[{}]\n",
            opt(&feed.title),
            opt(&feed.subtitle),
            opt(&feed.link),
            opt(&feed.feed_url),
            opt(&feed.id),
            opt(&feed.icon),
            opt(&feed.language),
            people(&feed.authors)
        ));
        for e in &feed.entries {
            out.push_str(&format!(
                "entry id={} title={} link={}",
                e.id,
                opt(&e.title),
                opt(&e.link)
            ));
            if let Some(d) = &e.published {
                out.push_str(&format!(" published={}", d.raw));
            }
            if let Some(d) = &e.updated {
                out.push_str(&format!(" updated={}", d.raw));
            }
            if let Some(s) = &e.summary {
                out.push_str(&format!(" summary={:?}", s.decoded()));
            }
            if let Some(c) = &e.content {
                let body = c
                    .body
                    .as_ref()
                    .map(|b| b.decoded().into_owned())
                    .unwrap_or_default();
                out.push_str(&format!(
                    " content={:?}:{:?} base={}",
                    c.markup,
                    body,
                    opt(&c.base)
                ));
            }
            if !e.authors.is_empty() {
                out.push_str(&format!(" authors=[{}]", people(&e.authors)));
            }
            if !e.categories.is_empty() {
                out.push_str(&format!(" tags={:?}", e.categories));
            }
            if let Some(i) = &e.image {
                out.push_str(&format!(" image={}", i.url));
            }
            out.push('\n');
        }
        for w in &feed.warnings {
            out.push_str(&format!("warning {}:{} {}\n", w.line, w.column, w.message));
        }
        out
    }

    #[test]
    fn json_feed_1_0_with_author() {
        check(
            r#"{
  "version": "https://jsonfeed.org/version/1",
  "title": "My   Example\nFeed",
  "description": "About things",
  "home_page_url": "https://example.org/",
  "feed_url": "https://example.org/feed.json",
  "favicon": "https://example.org/favicon.ico",
  "author": {"name": "Ann", "url": "https://example.org/ann", "avatar": "https://example.org/a.png"},
  "items": [
    {"id": "2", "content_text": "This is a second item.", "url": "https://example.org/second-item",
     "date_published": " 2010-02-07T14:04:00-05:00 "},
    {"id": "1", "content_html": "<p>Hello, world!</p>", "url": "https://example.org/initial-post",
     "summary": "Hi", "date_modified": "2010-02-08T00:00:00Z", "author": {"name": "Bob"}}
  ]
}"#,
            r#"
feed title=My Example Feed subtitle=About things link=https://example.org/ feed_url=https://example.org/feed.json id=https://example.org/feed.json icon=https://example.org/favicon.ico lang=- authors=[Ann<https://example.org/ann>]
entry id=2 title=- link=https://example.org/second-item published=2010-02-07T14:04:00-05:00 content=Text:"This is a second item." base=https://example.org/second-item authors=[Ann<https://example.org/ann>]
entry id=1 title=- link=https://example.org/initial-post updated=2010-02-08T00:00:00Z summary="Hi" content=Html:"<p>Hello, world!</p>" base=https://example.org/initial-post authors=[Bob<>]
"#,
        );
    }

    #[test]
    fn json_feed_1_1_with_authors_tags_and_images() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","language":"en-US",
"home_page_url":"https://example.org/","icon":"https://example.org/icon.png","favicon":"https://example.org/f.ico",
"authors":[{"name":"Ann"},{"name":"Cy","url":"https://cy.example/"},{"avatar":"x"}],
"author":{"name":"Old"},
"items":[{"id":"a","title":"  Spaced   title ","tags":["rust"," wasm  feeds ",3,""],"image":"https://example.org/i.png","banner_image":"https://example.org/b.png"},
{"id":"b","banner_image":"https://example.org/b.png","authors":[{"name":"Dee"}],"content_html":"<b>x</b>","content_text":"x"}]}"#,
            r#"
feed title=T subtitle=- link=https://example.org/ feed_url=- id=https://example.org/ icon=https://example.org/icon.png lang=en-US authors=[Ann<>, Cy<https://cy.example/>]
entry id=a title=Spaced title link=- authors=[Ann<>, Cy<https://cy.example/>] tags=["rust", "wasm feeds"] image=https://example.org/i.png
entry id=b title=- link=- content=Html:"<b>x</b>" base=https://example.org/ authors=[Dee<>] image=https://example.org/b.png
"#,
        );
    }

    #[test]
    fn number_ids_external_url_and_missing_id() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[
{"id":12345,"external_url":"https://elsewhere.example/post"},
{"id":-1.5e3,"url":"https://example.org/u","external_url":"https://elsewhere.example/x"},
{"title":"no id","id":null}]}"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=12345 title=- link=https://elsewhere.example/post
entry id=-1.5e3 title=- link=https://example.org/u
entry id= title=no id link=-
"#,
        );
    }

    #[test]
    fn escapes_are_decoded_where_used() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"A \"q\" \\ \/ \u00e9 \ud83d\ude00 \ud800 \x end\u0000",
"items":[{"id":"\u0031","summary":"line\nnext \u00e9","content_text":"t\tab \udc00 \ud83d\u0041"}]}"#,
            "feed title=A \"q\" \\ / \u{e9} \u{1f600} \u{fffd} \u{fffd} end\u{0} subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]\n\
             entry id=1 title=- link=- summary=\"line\\nnext \u{e9}\" content=Text:\"t\\tab \u{fffd} \u{fffd}A\" base=-",
        );
    }

    #[test]
    fn unescape_cases() {
        assert!(matches!(
            crate::text::json_unescape("plain"),
            Cow::Borrowed("plain")
        ));
        assert_eq!(
            crate::text::json_unescape(r"\b\f\n\r\t"),
            "\u{8}\u{c}\n\r\t"
        );
        assert_eq!(crate::text::json_unescape(r"\u00"), "\u{fffd}00");
        assert_eq!(crate::text::json_unescape(r"\u+123"), "\u{fffd}+123");
        assert_eq!(crate::text::json_unescape("\\"), "\u{fffd}");
        assert_eq!(crate::text::json_unescape("a\\\u{e9}b"), "a\u{fffd}b");
        assert_eq!(
            crate::text::json_unescape(r"\uD83D\uDE00\uDE00"),
            "\u{1f600}\u{fffd}"
        );
        assert_eq!(crate::text::json_unescape(r"\u0000"), "\u{0}");
        assert_eq!(
            crate::text::json_unescape("\\u12\u{e9}"),
            "\u{fffd}12\u{e9}"
        );
    }

    #[test]
    fn trailing_commas_and_bom_are_warnings() {
        check(
            "\u{feff}{\"version\":\"https://jsonfeed.org/version/1\",\n\"items\":[{\"id\":\"1\",\"tags\":[\"a\",],},],}",
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=- tags=["a"]
warning 1:1 ignored a byte order mark before the JSON
warning 2:31 ignored a trailing comma
warning 2:33 ignored a trailing comma
warning 2:35 ignored a trailing comma
warning 2:37 ignored a trailing comma
"#,
        );
        check(
            "\n \u{feff}{\"items\":[]}",
            "feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]\nwarning 2:2 ignored a byte order mark before the JSON",
        );
    }

    #[test]
    fn garbage_after_the_object_is_a_warning() {
        check(
            r#"{"items":[{"id":"x"}]} <html>"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=x title=- link=-
warning 1:24 ignored text after the JSON object
"#,
        );
    }

    #[test]
    fn truncated_input_keeps_earlier_items() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1"},{"id":"2","tags":["a"]},{"id":"3","title":"cut"#,
            r#"
feed title=T subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=-
entry id=2 title=- link=- tags=["a"]
warning 1:121 the JSON is broken here (unterminated string); kept the items read before it
"#,
        );
        check(
            r#"{"items":[{"id":"1"}] "title":"after"}"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=-
warning 1:23 the JSON is broken here (expected ',' or '}'); kept the items read before it
"#,
        );
    }

    #[test]
    fn broken_before_items_is_a_syntax_error() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"#,
            "error syntax: 1:55",
        );
        check("{\n  \"version\" 1}", "error syntax: 2:13");
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","items": nope}"#,
            "error syntax: 1:56",
        );
        check("{", "error syntax: 1:2");
    }

    #[test]
    fn deep_nesting_is_a_limit() {
        let deep = format!("{{\"items\":{}", "[".repeat(100_000));
        check(&deep, "error limitExceeded: 1:265");
        let options = ParseOptions {
            max_depth: 3,
            ..ParseOptions::default()
        };
        let ok = parse(r#"{"items":[{"id":"1"}]}"#, &options);
        assert!(ok.is_ok());
        let too_deep = parse(r#"{"items":[{"id":["1"]}]}"#, &options);
        assert_eq!(
            too_deep.map(|_| ()).map_err(|e| e.kind),
            Err(ErrorKind::LimitExceeded)
        );
    }

    #[test]
    fn non_feed_json_is_not_a_feed() {
        check(
            r#"{"name":"package","version":"1.0.0"}"#,
            "error notAFeed: 1:1",
        );
        check(r#"{"items":{}}"#, "error notAFeed: 1:1");
        check(r#"[{"items":[]}]"#, "error notAFeed: 1:1");
        check(r#"  "items""#, "error notAFeed: 1:3");
        check(
            r#"{"version":"https://jsonfeed.org/version/1","items":"none"}"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
warning 1:53 ignored `items` because it is not an array
"#,
        );
    }

    #[test]
    fn many_items_are_capped() {
        let mut input = String::from(r#"{"version":"https://jsonfeed.org/version/1.1","items":["#);
        for i in 0..100_000 {
            if i > 0 {
                input.push(',');
            }
            input.push_str(&format!(
                r#"{{"id":"{i}","title":"Post {i}","content_html":"<p>x</p>"}}"#
            ));
        }
        input.push_str("]}");
        let feed = parsed(&input, &ParseOptions::default());
        assert_eq!(feed.entries.len(), 10_000);
        assert_eq!(feed.entries.last().map(|e| &*e.id), Some("9999"));
        let messages: Vec<_> = feed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages, ["kept the first 10000 of 100000 items"]);
    }

    #[test]
    fn long_texts_are_cut_at_char_boundaries() {
        let options = ParseOptions {
            max_text_bytes: 5,
            ..ParseOptions::default()
        };
        let input = r#"{"items":[{"id":"1","title":"abcd\u00e9f","summary":"ab\u00e9\u00e9","content_text":"a\ud83d\ude00bcdef"}]}"#;
        let feed = parsed(input, &options);
        let entry = feed.entries.first();
        assert_eq!(entry.and_then(|e| e.title.as_deref()), Some("abcd"));
        assert_eq!(
            entry
                .and_then(|e| e.summary.as_ref())
                .map(|s| s.decoded().into_owned())
                .as_deref(),
            Some("ab")
        );
        let content = entry
            .and_then(|e| e.content.as_ref())
            .and_then(|c| c.body.as_ref());
        assert_eq!(
            content.map(|s| s.decoded().into_owned()).as_deref(),
            Some("a")
        );
        assert_eq!(feed.warnings.len(), 3);
        assert_eq!(raw_cut(r"\uD83D\uDE00x", 12), 12);
        assert_eq!(raw_cut(r"\uD83D\uDE00x", 11), 0);
        assert_eq!(raw_cut("a\\\u{e9}b", 3), 1);
        assert_eq!(raw_cut("a\\\u{e9}b", 4), 4);
    }

    #[test]
    fn warnings_are_capped() {
        let options = ParseOptions {
            max_warnings: 2,
            ..ParseOptions::default()
        };
        let input = r#"{"items":[1,2,3,4,],}"#;
        let feed = parsed(input, &options);
        let messages: Vec<_> = feed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "skipped an item that is not an object",
                "skipped an item that is not an object",
                "4 more warnings were not recorded"
            ]
        );
    }

    #[test]
    fn urls_resolve_against_the_base_and_unsafe_ones_are_dropped() {
        let options = ParseOptions {
            base_url: Some("https://doc.example/feeds/feed.json".to_owned()),
            ..ParseOptions::default()
        };
        let input = r#"{"version":"https://jsonfeed.org/version/1.1","home_page_url":"javascript:alert(1)",
"items":[{"id":"1","url":"javascript:alert(1)","external_url":"https://ok.example/","image":"data:x"}]}"#;
        let feed = parsed(input, &options);
        assert_eq!(feed.link, None);
        let entry = feed.entries.first();
        assert_eq!(
            entry.and_then(|e| e.link.as_deref()),
            Some("https://ok.example/")
        );
        assert_eq!(entry.and_then(|e| e.image.as_ref()), None);
        assert_eq!(feed.warnings.len(), 3);
    }

    #[test]
    fn unknown_members_and_odd_items_are_skipped() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","_ext":{"items":[{"id":"no"}]},"hubs":[{"type":"x"}],
"items":[[{"id":"nested"}],{"id":"1","attachments":[{"url":"https://e.org/a.mp3"}],"author":{"name":{"first":"A"},"url":"https://e.org/"}},true,"s"]}"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=- authors=[<https://e.org/>]
warning 2:10 skipped an item that is not an object
warning 2:140 skipped an item that is not an object
warning 2:145 skipped an item that is not an object
"#,
        );
        check(
            r#"{"version":"https://jsonfeed.org/version/1","items":{"id":"1"}}"#,
            r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
warning 1:53 ignored `items` because it is not an array
"#,
        );
    }

    #[test]
    fn every_prefix_parses_or_fails_cleanly() {
        let full = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T \u00e9\ud83d\ude00","authors":[{"name":"A"}],
"items":[{"id":1,"title":"\"x\"","tags":["a",],"content_html":"<p>\u00e9</p>","author":{"name":"B","url":"https://e.org/"}},
{"id":"2","summary":"café \n","image":"https://e.org/i.png"},],}  "#;
        let mut most = 0;
        for (end, _) in full.char_indices() {
            if let Ok(feed) = parse(full.get(..end).unwrap_or(""), &ParseOptions::default()) {
                // A longer prefix never yields fewer items.
                assert!(feed.entries.len() >= most);
                most = feed.entries.len();
            }
        }
        assert_eq!(most, 2);
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let cases = [
            "{",
            "{\"",
            "{\"a",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":\"\\",
            "{\"a\":\"\\u",
            "{\"items\":[",
            "{\"items\":[{",
            "{\"items\":[{\"id\":\"\\u\u{e9}\"}]}",
            "{\"items\":[-]}",
            "{\"items\":[1e]}",
            "{}}}}",
            "{\"items\":[]}\u{e9}",
            "\u{feff}",
            "\u{feff}{",
            "{,}",
            "{\"items\":[,]}",
            "{\"items\":[1,,2]}",
        ];
        for case in cases {
            let _ = parse(case, &ParseOptions::default());
        }
    }
}
