//! Format dispatch and the steps every format shares: the format is chosen from the content, then entries are finished.

pub(crate) mod json;

pub(crate) mod xml;

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Warning};
use crate::model::Feed;
use crate::options::ParseOptions;

/// Bytes to a feed: the input limit, the encoding (`legacy` decodes what is not UTF-8), then the format
/// (`json` reads JSON text: serde_json natively, `JSON.parse` in the browser). A feed read from text that had to
/// be decoded is copied out of it (`Feed::into_owned`); the browser's inputs keep that text instead
/// (`Input::parse` in web/mod.rs), and call [`decode`] and [`parse_decoded`] themselves.
pub(crate) fn parse_bytes<'a>(
    input: &'a [u8],
    options: &ParseOptions,
    legacy: fn(&str, &[u8]) -> Option<String>,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    let (text, warnings) = decode(input, options, legacy)?;
    match text {
        Cow::Borrowed(text) => parse_decoded(text, warnings, options, json),
        Cow::Owned(text) => parse_decoded(&text, warnings, options, json).map(Feed::into_owned),
    }
}

/// Bytes to text: the input limit, then the encoding; the warnings say what was repaired.
pub(crate) fn decode<'a>(
    input: &'a [u8],
    options: &ParseOptions,
    legacy: fn(&str, &[u8]) -> Option<String>,
) -> Result<(Cow<'a, str>, Vec<Warning>), Error> {
    within_limit(input.len(), options)?;
    crate::decode::decode_with(input, options.charset.as_deref(), legacy)
}

/// Decoded text to a feed; `decoded` (the decoder's warnings) come first among its warnings.
pub(crate) fn parse_decoded<'a>(
    text: &'a str,
    decoded: Vec<Warning>,
    options: &ParseOptions,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    let mut feed = parse_text(text, options, json)?;
    if !decoded.is_empty() {
        feed.warnings.splice(0..0, decoded);
    }
    Ok(feed)
}

/// The input limit's error, for bytes and text alike.
fn within_limit(length: usize, options: &ParseOptions) -> Result<(), Error> {
    if length <= options.max_input_bytes {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::LimitExceeded,
        crate::text::cat(&[
            "the input is ",
            &crate::text::decimal(length),
            " bytes, over the limit of ",
            &crate::text::decimal(options.max_input_bytes),
            " bytes",
        ]),
        Position::default_start(),
    ))
}

/// Text to a feed, under the same input limit as bytes.
pub(crate) fn parse_str<'a>(
    input: &'a str,
    options: &ParseOptions,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    within_limit(input.len(), options)?;
    parse_text(input, options, json)
}

/// Parses decoded text: `{` starts JSON Feed, `<` starts XML; anything else is not a feed.
pub(crate) fn parse_text<'a>(
    input: &'a str,
    options: &ParseOptions,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    let trimmed = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let offset = input.len().saturating_sub(trimmed.len());
    let mut feed = match trimmed.chars().next() {
        None => {
            return Err(Error::new(
                ErrorKind::Empty,
                "the input is empty",
                Position::of(input, offset),
            ))
        }
        Some('{') => json::parse(input, options, json)?,
        Some('<') => xml::parse(input, options)?,
        Some(_) => {
            return Err(Error::new(
                ErrorKind::NotXmlOrJson,
                "the input is neither XML nor JSON",
                Position::of(input, offset),
            ))
        }
    };
    finish(&mut feed);
    Ok(feed)
}

/// Fills what every format derives the same way: ids, inherited authors, unique categories, the feed id.
fn finish(feed: &mut Feed<'_>) {
    for entry in &mut feed.entries {
        entry.settle_dates();
        if entry.id.trim().is_empty() {
            entry.id = match &entry.link {
                Some(link) => link.clone(),
                None => Cow::Owned(stable_id(
                    entry.title.as_deref().unwrap_or(""),
                    entry
                        .date()
                        .map(|d| d.raw.as_ref())
                        .or(entry.date_text.as_deref())
                        .unwrap_or(""),
                )),
            };
        }
        if entry.authors.is_empty() && !feed.authors.is_empty() {
            entry.authors = feed.authors.clone();
        }
        let mut seen: Vec<Cow<'_, str>> = Vec::with_capacity(entry.categories.len());
        for category in entry.categories.drain(..) {
            if !seen.iter().any(|c| c == &category) {
                seen.push(category);
            }
        }
        entry.categories = seen;
    }
    if feed.id.is_none() {
        feed.id = feed.feed_url.clone().or_else(|| feed.link.clone());
    }
}

/// A deterministic id from title and date (FNV-1a, 64 bits): the same entry gets the same id on every parse.
fn stable_id(title: &str, date: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in title.bytes().chain([0u8]).chain(date.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut id = String::from("feedlet:");
    for shift in (0..16).rev() {
        let nibble = (hash >> (shift * 4)) & 0xf;
        id.push(char::from_digit(nibble as u32, 16).unwrap_or('0'));
    }
    id
}
