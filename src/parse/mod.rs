//! Format dispatch and the steps every format shares: the format is chosen from the content, then entries are finished.

pub(crate) mod json;

pub(crate) mod xml;

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position};
use crate::model::Feed;
use crate::options::ParseOptions;

/// Bytes to a feed: the input limit, the encoding (`legacy` decodes what is not UTF-8), then the format
/// (`json` reads JSON text: serde_json natively, `JSON.parse` in the browser).
pub(crate) fn parse_bytes<'a>(
    input: &'a [u8],
    options: &ParseOptions,
    legacy: fn(&str, &[u8]) -> Option<String>,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            [
                "the input is ",
                &crate::text::decimal(input.len()),
                " bytes, over the limit of ",
                &crate::text::decimal(options.max_input_bytes),
                " bytes",
            ]
            .concat(),
            Position::default_start(),
        ));
    }
    let (text, warnings) = crate::decode::decode_with(input, options.charset.as_deref(), legacy)?;
    let mut feed = match text {
        Cow::Borrowed(text) => parse_text(text, options, json)?,
        Cow::Owned(text) => parse_text(&text, options, json)?.into_owned(),
    };
    if !warnings.is_empty() {
        feed.warnings.splice(0..0, warnings);
    }
    Ok(feed)
}

/// Text to a feed; text over the input limit goes the bytes' way, so the limit error is the same.
pub(crate) fn parse_str<'a>(
    input: &'a str,
    options: &ParseOptions,
    legacy: fn(&str, &[u8]) -> Option<String>,
    json: json::Reader,
) -> Result<Feed<'a>, Error> {
    if input.len() > options.max_input_bytes {
        return parse_bytes(input.as_bytes(), options, legacy, json);
    }
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
