//! Images in HTML: the first real `<img>` of a body, tracking pixels, and width and height values.

use super::entities::decode;
use super::html::{next_attr, strip_prefix_ci, Tok, Tokens, HIDDEN};

/// An image found in HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlImage {
    /// The URL as written (entity-decoded, trimmed, not resolved).
    pub src: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Finds the first `<img>` whose source is non-empty and not a tracking pixel.
///
/// Attribute values are entity-decoded once; double, single and unquoted values are
/// read. `data-src` (or `data-lazy-src`) stands in when `src` is absent, empty or a
/// `data:` placeholder; an image with only a `data:` source is skipped. Images inside
/// comments, script, noscript and the other hidden elements are not considered.
pub fn first_image(html: &str) -> Option<HtmlImage> {
    Tokens(html, HIDDEN).find_map(|tok| match tok {
        Tok::Start(name, attrs) if name.eq_ignore_ascii_case("img") => image(attrs),
        _ => None,
    })
}

fn image(attrs: &str) -> Option<HtmlImage> {
    let (mut src, mut lazy, mut width, mut height) = (None, None, None, None);
    let mut cur = attrs;
    let mut ignored = false;
    while let Some((k, v)) = next_attr(&mut cur, &mut ignored) {
        let slot = if k.eq_ignore_ascii_case("src") {
            &mut src
        } else if k.eq_ignore_ascii_case("data-src") || k.eq_ignore_ascii_case("data-lazy-src") {
            &mut lazy
        } else if k.eq_ignore_ascii_case("width") {
            &mut width
        } else if k.eq_ignore_ascii_case("height") {
            &mut height
        } else {
            continue;
        };
        // HTML keeps the first of duplicate attributes.
        if slot.is_none() {
            *slot = Some(v);
        }
    }
    let usable = |u: &String| !u.is_empty() && strip_prefix_ci(u, "data:").is_none();
    let src = src
        .map(url)
        .filter(usable)
        .or_else(|| lazy.map(url).filter(usable))?;
    let (width, height) = (width.and_then(dimension), height.and_then(dimension));
    (!is_tracking_pixel(&src, width, height)).then_some(HtmlImage { src, width, height })
}

fn url(v: &str) -> String {
    decode(v, true)
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .to_owned()
}

/// A width or height attribute as HTML reads it: leading digits after whitespace (`640`, `640px` → 640).
/// At most six digits, so no value overflows; None when there are none or too many.
/// The one reading of a dimension, for thumbnails found in HTML, Media RSS attributes and rich summaries.
///
/// # Examples
/// ```
/// assert_eq!(feedlet::dimension(" 640px"), Some(640));
/// assert_eq!(feedlet::dimension("1234567"), None);
/// assert_eq!(feedlet::dimension("auto"), None);
/// ```
pub fn dimension(value: &str) -> Option<u32> {
    let value = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits = value.bytes().take_while(u8::is_ascii_digit);
    let mut n: u32 = 0;
    let mut count = 0;
    for b in digits {
        count += 1;
        if count > 6 {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    (count > 0).then_some(n)
}

/// URL fragments of well-known tracking pixels (matched case-insensitively).
const PIXELS: &[&str] = &[
    "medium.com/_/stat",
    "feeds.feedburner.com/~r/",
    "feeds.feedblitz.com",
    "pixel.wp.com",
    "stats.wordpress.com",
    "/pixel.gif",
    "/1x1.gif",
    "/tracker",
    "/open.gif",
    "www.google-analytics.com/collect",
];

/// True for tracking pixels: a declared width or height of at most 2, or a URL
/// containing a known pixel path (Medium stats, Feedburner, Feedblitz, WordPress
/// stats, Google Analytics, `/pixel.gif`, `/1x1.gif`, `/tracker`, `/open.gif`).
pub fn is_tracking_pixel(src: &str, width: Option<u32>, height: Option<u32>) -> bool {
    if width.is_some_and(|w| w <= 2) || height.is_some_and(|h| h <= 2) {
        return true;
    }
    let src = src.to_ascii_lowercase();
    // Path patterns (`/tracker`) are looked for after the host, so `https://tracker.example/a.png` is an image.
    let after_scheme = crate::find::split_once(&src, "//").map_or(src.as_str(), |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .and_then(|i| after_scheme.get(i..))
        .unwrap_or("");
    PIXELS.iter().any(|p| {
        if p.starts_with('/') {
            crate::find::str_at(path, p).is_some()
        } else {
            crate::find::str_at(&src, p).is_some()
        }
    })
}
