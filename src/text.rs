//! Turns untrusted feed HTML into plain text, cuts excerpts by grapheme, and finds a thumbnail image.

use std::borrow::Cow;

use crate::entities::lookup;

/// Decodes character references once: HTML 4 named references with `;`, the bare
/// `&amp` `&lt` `&gt` `&quot` `&nbsp` without `;` (as browsers accept them), and decimal
/// or hex numeric references (the `;` is optional there too, as in browsers).
///
/// Numeric 0, surrogates and values above U+10FFFF become U+FFFD; 0x80–0x9F map
/// through windows-1252 like HTML5. Anything that is not a valid reference (a bare
/// `&`, an unknown `&foo;`, `&#;`) stays as written. A bare named form only counts
/// when no letter or digit follows it, so `&ltx` and `&amplitude` stay literal.
///
/// # Examples
///
/// ```
/// use feedlet::decode_entities;
/// assert_eq!(decode_entities("Caf&eacute; &amp; b&#233;b&#xE9; &hellip;"), "Café & bébé …");
/// assert_eq!(decode_entities("AT&T &foo; &#;"), "AT&T &foo; &#;");
/// assert_eq!(decode_entities("&amp;quot;"), "&quot;"); // exactly one level
/// ```
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    decode(s, false)
}

/// `attr` applies the HTML5 attribute rule: a bare `&lt` followed by `=` is left
/// alone, so query strings like `?a=1&lt=2` in URLs survive.
fn decode(s: &str, attr: bool) -> Cow<'_, str> {
    let Some(at) = s.find('&') else {
        return Cow::Borrowed(s);
    };
    let (head, mut rest) = s.split_at_checked(at).unwrap_or((s, ""));
    let mut out = String::with_capacity(s.len());
    out.push_str(head);
    // Invariant: `rest` starts with '&' at the top of each iteration.
    loop {
        let after = rest.get(1..).unwrap_or("");
        rest = match reference(after, attr) {
            Some((c, used)) => {
                out.push(c);
                after.get(used..).unwrap_or("")
            }
            None => {
                out.push('&');
                after
            }
        };
        let Some(i) = rest.find('&') else { break };
        let (text, tail) = rest.split_at_checked(i).unwrap_or((rest, ""));
        out.push_str(text);
        rest = tail;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parses the reference after an `&`; returns the character and the bytes consumed.
fn reference(s: &str, attr: bool) -> Option<(char, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, prefix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let mut value: u32 = 0;
        let mut n = 0;
        for d in digits.chars().map_while(|c| c.to_digit(radix)) {
            // Clamping keeps huge references in range while still consuming all digits.
            value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
            n += 1;
        }
        if n == 0 {
            return None;
        }
        let semi = digits.get(n..).is_some_and(|t| t.starts_with(';'));
        return Some((numeric_char(value), prefix + n + usize::from(semi)));
    }
    // The longest HTML 4 name is 8 bytes; a 9th alphanumeric rules every name out.
    let len = s
        .bytes()
        .take(9)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let (name, tail) = s.split_at_checked(len)?;
    let next = tail.chars().next();
    if next == Some(';') {
        if let Some(c) = lookup(name) {
            return Some((c, len + 1));
        }
    }
    let bare = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp");
    let alnum = next.is_some_and(|c| c.is_ascii_alphanumeric());
    if bare && !alnum && !(attr && next == Some('=')) {
        return lookup(name).map(|c| (c, len));
    }
    None
}

/// windows-1252 meanings of 0x80–0x9F (0 = unassigned, kept as the C1 control) per HTML5.
#[rustfmt::skip]
const C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn numeric_char(v: u32) -> char {
    let mapped = match v {
        0 => None,
        0x80..=0x9F => C1
            .get(usize::try_from(v - 0x80).unwrap_or(0))
            .filter(|&&m| m != 0)
            .map_or(Some(v), |&m| Some(u32::from(m))),
        _ => Some(v),
    };
    mapped.and_then(char::from_u32).unwrap_or('\u{FFFD}')
}

/// Collapses every run of Unicode whitespace (including U+00A0 and U+3000) into one
/// ASCII space and trims both ends; borrows when the text is already clean.
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let mut after_space = true; // so a leading space counts as dirty
    let clean = s.chars().all(|c| {
        let ok = if c == ' ' {
            !after_space
        } else {
            !c.is_whitespace()
        };
        after_space = c == ' ';
        ok
    }) && !s.ends_with(' ');
    if clean {
        return Cow::Borrowed(s);
    }
    let mut sink = Sink::default();
    sink.push(s);
    Cow::Owned(sink.out)
}

/// Accumulates text with whitespace collapsed on the fly, so `html_to_text` needs one buffer.
#[derive(Default)]
struct Sink {
    out: String,
    gap: bool,
}

impl Sink {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.gap = true;
            } else {
                if self.gap && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.gap = false;
                self.out.push(c);
            }
        }
    }
}

/// Converts an HTML fragment to plain text.
///
/// Tags, comments, doctypes and processing instructions are removed; the contents of
/// script, style, template, noscript, iframe, object, svg, math, head and title are
/// dropped; CDATA contents are kept verbatim; block-level tags and `<br>` separate
/// words; text is entity-decoded exactly once and whitespace collapsed. A `<` not
/// followed by a letter, `/`, `!` or `?` is literal text, and an unclosed tag at the
/// end is dropped.
///
/// # Examples
///
/// ```
/// use feedlet::html_to_text;
/// assert_eq!(html_to_text("<p>Caf&eacute;</p><p>au <b>lait</b></p><script>x()</script>"), "Café au lait");
/// assert_eq!(html_to_text("a < b &amp;&amp; <a title='x>y'>c</a>"), "a < b && c");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut sink = Sink {
        out: String::with_capacity(html.len().min(1 << 16)),
        gap: false,
    };
    for tok in Tokens(html) {
        match tok {
            Tok::Text(t) => sink.push(&decode_entities(t)),
            Tok::Cdata(t) => sink.push(t),
            Tok::Start(name, _) | Tok::End(name) => {
                if is_one_of(name, BLOCK) {
                    sink.gap = true;
                }
            }
        }
    }
    sink.out
}

/// Elements whose content never reaches the reader as text.
#[rustfmt::skip]
const HIDDEN: &[&str] =
    &["script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head", "title"];

/// Tags that render as a line or box break, so adjacent words must not merge.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
];

fn is_one_of(name: &str, set: &[&str]) -> bool {
    set.iter().any(|k| name.eq_ignore_ascii_case(k))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let (head, tail) = s.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

/// A lexical piece of HTML; names and attribute text borrow from the input.
enum Tok<'a> {
    /// Raw text, still entity-encoded.
    Text(&'a str),
    Cdata(&'a str),
    /// Tag name and the raw attribute text.
    Start(&'a str, &'a str),
    End(&'a str),
}

/// A forgiving single-pass HTML tokenizer; comments and the like are skipped, and the
/// bodies of `HIDDEN` elements are jumped over so no consumer sees them.
struct Tokens<'a>(&'a str);

impl<'a> Iterator for Tokens<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        loop {
            let s = self.0;
            if s.is_empty() {
                return None;
            }
            let lt = s.find('<').unwrap_or(s.len());
            if lt > 0 {
                let (text, rest) = s.split_at_checked(lt)?;
                self.0 = rest;
                return Some(Tok::Text(text));
            }
            let (tok, rest) = markup(s);
            self.0 = rest;
            if tok.is_some() {
                return tok;
            }
        }
    }
}

/// Lexes the markup at `s` (which starts with `<`); returns the token, if any, and the rest.
fn markup(s: &str) -> (Option<Tok<'_>>, &str) {
    let after = s.get(1..).unwrap_or("");
    let mut chars = after.chars();
    match chars.next() {
        Some('!') => {
            // Searching from the dashes makes `<!-->` and `<!--->` empty comments, as in HTML5.
            if let Some(body) = after.get(1..).filter(|b| b.starts_with("--")) {
                return (None, past(body, "-->"));
            }
            if let Some(body) = strip_prefix_ci(after, "![CDATA[") {
                let (text, rest) = crate::find::split_once(body, "]]>").unwrap_or((body, ""));
                return (Some(Tok::Cdata(text)), rest);
            }
            (None, past(after, ">"))
        }
        Some('?') => (None, past(after, ">")),
        Some('/') => {
            let tail = chars.as_str();
            if tail.starts_with(|c: char| c.is_ascii_alphabetic()) {
                match tag(tail) {
                    Some((name, _, _, rest)) => (Some(Tok::End(name)), rest),
                    None => (None, ""),
                }
            } else {
                // `</>` and `</ x>` vanish like comments in browsers.
                (None, past(tail, ">"))
            }
        }
        Some(c) if c.is_ascii_alphabetic() => match tag(after) {
            Some((name, attrs, self_closed, rest)) => {
                let rest = if !self_closed && is_one_of(name, HIDDEN) {
                    skip_to_close(rest, name)
                } else {
                    rest
                };
                (Some(Tok::Start(name, attrs)), rest)
            }
            None => (None, ""),
        },
        _ => (Some(Tok::Text(s.get(..1).unwrap_or(""))), after),
    }
}

/// The text after the first `pat`, or nothing when it never closes.
fn past<'a>(s: &'a str, pat: &str) -> &'a str {
    s.split_once(pat).map_or("", |(_, rest)| rest)
}

/// Lexes `name attrs>` (after `<` or `</`) into (name, raw attributes, self-closing, rest).
/// Returns None when the tag never closes.
fn tag(s: &str) -> Option<(&str, &str, bool, &str)> {
    let n = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let (name, region) = s.split_at_checked(n)?;
    let mut cur = region;
    let mut self_closed = false;
    while next_attr(&mut cur, &mut self_closed).is_some() {}
    let attrs = region.get(..region.len() - cur.len())?;
    let rest = cur.strip_prefix('>')?;
    Some((name, attrs, self_closed, rest))
}

/// Reads one attribute from `cur`, advancing it; None at `>` or the end. Quotes only
/// open after `=`, as in HTML5, so `alt=don't` does not swallow the document.
fn next_attr<'a>(cur: &mut &'a str, self_closed: &mut bool) -> Option<(&'a str, &'a str)> {
    let s = cur.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
    *self_closed = cur
        .get(..cur.len() - s.len())
        .is_some_and(|skipped| skipped.ends_with('/'));
    *cur = s;
    if s.starts_with('>') {
        return None;
    }
    let mut it = s.char_indices();
    it.next()?; // the first character is always part of the name, even `=`
    let end = it
        .find(|&(_, c)| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '='))
        .map_or(s.len(), |(i, _)| i);
    let (name, s) = s.split_at_checked(end)?;
    *cur = s;
    let Some(v) = s
        .trim_start_matches(|c: char| c.is_ascii_whitespace())
        .strip_prefix('=')
    else {
        return Some((name, ""));
    };
    let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (value, rest) = match v.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = v.get(1..).unwrap_or("");
            body.split_once(q).unwrap_or((body, ""))
        }
        _ => {
            let e = v
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(v.len());
            v.split_at_checked(e)?
        }
    };
    *cur = rest;
    Some((name, value))
}

/// Skips a hidden element's body to its `</name`; without one the rest is dropped, as
/// browsers do for unclosed script. Nesting is ignored: same-name nesting is rare here.
fn skip_to_close<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = s;
    while let Some(i) = crate::find::str_at(from, "</") {
        let cand = from.get(i..).unwrap_or("");
        let after = cand.get(2..).unwrap_or("");
        if let Some(t) = strip_prefix_ci(after, name) {
            if t.chars()
                .next()
                .is_none_or(|c| c.is_ascii_whitespace() || c == '/' || c == '>')
            {
                return cand;
            }
        }
        from = after;
    }
    ""
}

/// Cuts plain text to at most `max` grapheme clusters, the trailing "…" included.
///
/// In spaced scripts the cut backs up to the last whitespace when that keeps more
/// than half of `max`; next to Hangul, Han or Kana it cuts at the grapheme. Trailing
/// whitespace and punctuation such as `,;:-` are trimmed before the "…". Borrows when
/// no cut is needed; `max == 0` gives "".
///
/// # Examples
///
/// ```
/// use feedlet::excerpt;
/// assert_eq!(excerpt("The quick brown fox", 14), "The quick…");
/// assert_eq!(excerpt("안녕하세요 여러분 반갑습니다", 8), "안녕하세요 여…");
/// assert_eq!(excerpt("short", 10), "short");
/// ```
pub fn excerpt(text: &str, max: usize) -> Cow<'_, str> {
    let Some(keep) = max.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let mut cut = 0;
    let mut pos = 0;
    // Byte offset of the last whitespace grapheme before the cut, and how many graphemes precede it.
    let mut space: Option<(usize, usize)> = None;
    for (i, g) in Graphemes(text).enumerate() {
        if i == max {
            return Cow::Owned(cut_text(text, cut, space, max));
        }
        if i == keep {
            cut = pos;
        } else if i < keep && g.starts_with(char::is_whitespace) {
            space = Some((pos, i));
        }
        pos += g.len();
    }
    Cow::Borrowed(text)
}

/// Trailing characters that would dangle before the ellipsis.
#[rustfmt::skip]
const DANGLING: &[char] = &['.', '。', ',', ';', ':', '-', '–', '—', '/', '(', '[', '{', '“', '‘', '«', '、', '，', '；', '：'];

fn cut_text(text: &str, mut cut: usize, space: Option<(usize, usize)>, max: usize) -> String {
    let prev = text.get(..cut).and_then(|h| h.chars().next_back());
    let next = text.get(cut..).and_then(|t| t.chars().next());
    let dense = prev.is_some_and(is_dense) || next.is_some_and(is_dense);
    let at_space = prev.is_some_and(char::is_whitespace) || next.is_some_and(char::is_whitespace);
    if !dense && !at_space {
        if let Some((at, _)) = space.filter(|&(_, before)| before > max / 2) {
            cut = at;
        }
    }
    let head = text
        .get(..cut)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c));
    let mut out = String::with_capacity(head.len() + 3);
    out.push_str(head);
    out.push('…');
    out
}

/// Hangul, Han, Kana and CJK punctuation: scripts written without spaces between
/// words (or, for Korean, where cutting mid-word reads fine).
fn is_dense(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x2_0000..=0x3_FFFF)
}

/// Counts grapheme clusters with a table-free approximation of UAX #29: combining
/// marks and variation selectors extend, ZWJ joins the next character, emoji
/// modifiers and tag characters extend, regional indicators pair up, Hangul jamo
/// form syllables, a Devanagari or Bengali virama joins the next consonant, and
/// CR LF is one cluster.
pub fn grapheme_count(text: &str) -> usize {
    Graphemes(text).count()
}

/// Iterates over grapheme clusters as sub-slices.
struct Graphemes<'a>(&'a str);

impl<'a> Iterator for Graphemes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let n = cluster_len(self.0);
        if n == 0 {
            return None;
        }
        let (g, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(g)
    }
}

const ZWJ: char = '\u{200D}';

/// Byte length of the first grapheme cluster of `s` (0 only when `s` is empty).
fn cluster_len(s: &str) -> usize {
    let mut it = s.char_indices();
    let Some((_, mut prev)) = it.next() else {
        return 0;
    };
    let mut ri_odd = is_ri(prev);
    for (i, c) in it {
        let join = if prev == '\r' {
            c == '\n'
        } else if prev.is_control() || c.is_control() {
            false
        } else if is_extend(c) {
            true
        } else if prev == ZWJ {
            !c.is_whitespace()
        } else if matches!(prev, '\u{94D}' | '\u{9CD}') {
            // GB9c: a virama binds the next consonant into one conjunct.
            matches!(c, '\u{915}'..='\u{939}' | '\u{958}'..='\u{95F}' | '\u{995}'..='\u{9B9}' | '\u{9DC}'..='\u{9DF}')
        } else if is_ri(c) {
            ri_odd
        } else {
            jamo_joins(jamo(prev), jamo(c))
        };
        if !join {
            return i;
        }
        if is_ri(c) {
            ri_odd = !ri_odd;
        }
        prev = c;
    }
    s.len()
}

fn is_ri(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Characters that attach to the preceding one (`Extend` and common `SpacingMark`), sorted.
#[rustfmt::skip]
const EXTEND: &[(u32, u32)] = &[
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2),
    (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x0900, 0x0903),
    (0x093A, 0x093C), (0x093E, 0x094F), (0x0951, 0x0957), (0x0962, 0x0963), (0x0981, 0x0983),
    (0x09BC, 0x09BC), (0x09BE, 0x09CD), (0x09D7, 0x09D7), (0x09E2, 0x09E3), (0x0E31, 0x0E31),
    (0x0E33, 0x0E3A), (0x0E47, 0x0E4E), (0x0EB1, 0x0EB1), (0x0EB3, 0x0EBC), (0x0EC8, 0x0ECE),
    (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x200C, 0x200D), (0x20D0, 0x20FF), (0x302A, 0x302F),
    (0x3099, 0x309A), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xFF9E, 0xFF9F), (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F), (0xE0100, 0xE01EF),
];

fn is_extend(c: char) -> bool {
    let cp = u32::from(c);
    cp >= 0x300
        && EXTEND
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

const L: u8 = 1;
const V: u8 = 2;
const T: u8 = 3;
const LV: u8 = 4;
const LVT: u8 = 5;

/// Hangul syllable type (0 = not Hangul jamo or syllable).
fn jamo(c: char) -> u8 {
    match u32::from(c) {
        0x1100..=0x115F | 0xA960..=0xA97C => L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => T,
        s @ 0xAC00..=0xD7A3 if (s - 0xAC00) % 28 == 0 => LV,
        0xAC00..=0xD7A3 => LVT,
        _ => 0,
    }
}

/// UAX #29 rules GB6–GB8.
fn jamo_joins(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (L, L | V | LV | LVT) | (V | LV, V | T) | (LVT | T, T)
    )
}

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
    Tokens(html).find_map(|tok| match tok {
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

/// Leading digits as HTML reads them ("640px" → 640); None when absent or too big.
fn dimension(v: &str) -> Option<u32> {
    let digits = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let mut n: u32 = 0;
    let mut any = false;
    for b in digits.bytes().take_while(u8::is_ascii_digit) {
        n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
        any = true;
    }
    any.then_some(n)
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
            path.contains(p)
        } else {
            src.contains(p)
        }
    })
}

/// A decimal number without the formatting machinery.
pub(crate) fn number(w: &mut String, n: impl Into<u64>) {
    let mut n: u64 = n.into();
    let mut digits = [0u8; 20];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(digits.len() - len) {
        w.push(char::from(d));
    }
}

/// `n` in decimal, for messages: `format!` would bring the formatting machinery into the wasm.
pub(crate) fn decimal(n: usize) -> String {
    let mut out = String::new();
    number(&mut out, n as u64);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for n in [
            0,
            7,
            10,
            99,
            100,
            65535,
            1_000_000,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        assert_eq!(decimal(12_345), "12345");
    }

    fn check(f: impl Fn(&str) -> String, cases: &[(&str, &str)]) {
        for &(input, want) in cases {
            assert_eq!(f(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn decodes_entities() {
        check(
            |s| decode_entities(s).into_owned(),
            &[
                ("&nbsp; &eacute; &hellip; &mdash;", "\u{a0} é … —"),
                (
                    "&lt;p&gt; &quot;x&quot; &apos;y&apos; &amp;",
                    "<p> \"x\" 'y' &",
                ),
                ("&amp;quot;", "&quot;"),
                // bare forms without `;`
                ("&amp &lt &gt &quot &nbsp.", "& < > \" \u{a0}."),
                ("&lt=", "<="),
                (
                    "&ltx &amplitude &copy &eacute",
                    "&ltx &amplitude &copy &eacute",
                ),
                // not references
                ("a & b", "a & b"),
                ("AT&T", "AT&T"),
                ("&", "&"),
                ("&&amp;&", "&&&"),
                ("&foo; &AMP; &Amp; &;", "&foo; &AMP; &Amp; &;"),
                ("&#; &#x; &#X; &#", "&#; &#x; &#X; &#"),
                ("&#a; &#xg;", "&#a; &#xg;"),
                ("&averyveryverylongname;", "&averyveryverylongname;"),
                // numeric
                ("&#65;&#x41;&#X41;&#0065;", "AAAA"),
                ("&#65 &#x41x", "A Ax"),
                ("&#233;&#xE9;&#xe9;", "ééé"),
                ("&#x1F600;", "😀"),
                ("&#0; &#x0;", "\u{FFFD} \u{FFFD}"),
                ("&#xD800; &#57343;", "\u{FFFD} \u{FFFD}"),
                ("&#x110000; &#x10FFFF;", "\u{FFFD} \u{10FFFF}"),
                ("&#99999999999; &#xFFFFFFFFFFFFFFFFFF;", "\u{FFFD} \u{FFFD}"),
                ("&#128; &#150; &#x97; &#x9F;", "€ – — Ÿ"),
                ("&#x81; &#x9D;", "\u{81} \u{9D}"),
                ("caf&eacute;s", "cafés"),
            ],
        );
        assert!(matches!(decode_entities("plain text"), Cow::Borrowed(_)));
        assert!(matches!(decode_entities(""), Cow::Borrowed(_)));
    }

    #[test]
    fn attribute_decoding_keeps_query_strings() {
        assert_eq!(decode("a?b=1&lt=2&amp;c=3", true), "a?b=1&lt=2&c=3");
        assert_eq!(decode("a?b=1&lt=2", false), "a?b=1<=2");
    }

    #[test]
    fn collapses_whitespace() {
        check(
            |s| collapse_whitespace(s).into_owned(),
            &[
                ("  a \t\n b\u{a0}\u{3000}c  ", "a b c"),
                ("a  b", "a b"),
                (" a", "a"),
                ("a ", "a"),
                ("a\nb", "a b"),
                ("\u{2003}", ""),
                ("", ""),
            ],
        );
        for clean in ["a b c", "", "x", "日本 語"] {
            assert!(
                matches!(collapse_whitespace(clean), Cow::Borrowed(_)),
                "{clean:?}"
            );
        }
    }

    #[test]
    fn html_to_text_cases() {
        check(
            html_to_text,
            &[
                // jekyll: escaped HTML whose XML-decoded form is `<p>&quot;hi&quot;</p>`
                ("<p>&quot;hi&quot;</p>", "\"hi\""),
                ("&amp;quot;hi&amp;quot;", "&quot;hi&quot;"),
                (
                    "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "<script>alert(1)</script>",
                ),
                (
                    "Caf&eacute; &amp; cr&egrave;me&nbsp;&nbsp;br&ucirc;l&eacute;e&hellip;",
                    "Café & crème brûlée…",
                ),
                ("AT&T &foo;", "AT&T &foo;"),
                // blocks separate words, inline tags do not
                ("<p>One</p><p>Two</p>", "One Two"),
                ("a<br>b<br/>c<BR />d", "a b c d"),
                ("<b>bo</b>ld <i>it</i>", "bold it"),
                ("<ul><li>x</li><li>y</li></ul>", "x y"),
                ("<td>1</td><td>2</td>", "1 2"),
                ("<p>a</p>\n\n<p>  b\t c </p>", "a b c"),
                // dropped elements
                ("<script>if (a < b) { s = '</p>' }</script>ok", "ok"),
                ("<style>p > a { x: '<' }</style>Text", "Text"),
                ("<SCRIPT type=x>bad</SCRIPT >good", "good"),
                ("<script>never closed", ""),
                (
                    "<svg><title>t</title><path d='M0'/></svg>Caption",
                    "Caption",
                ),
                ("<svg/>x", "x"),
                ("<noscript><img src=x>no</noscript>yes", "yes"),
                ("<iframe src=v>fallback</iframe>after", "after"),
                ("<template><p>t</p></template>shown", "shown"),
                ("<math><mi>x</mi></math>=1", "=1"),
                ("<head><title>T</title></head><body>B</body>", "B"),
                ("<scripts>kept</scripts>", "kept"),
                // attributes
                ("<a title=\"x > y\" href='a>b'>link</a>", "link"),
                ("<img alt=don't>a", "a"),
                ("<p class=it's>ok</p>", "ok"),
                ("<div\nclass=x\n>a</div>", "a"),
                ("<a href=>x</a>", "x"),
                // literal `<`
                ("a < b", "a < b"),
                ("a <= b, 1<2, <3 <<", "a <= b, 1<2, <3 <<"),
                ("x <", "x <"),
                // comments, doctype, PI, CDATA
                ("<!-- <p>hidden</p> -->shown", "shown"),
                ("a<!---->b<!-->c<!--->d", "abcd"),
                ("<!DOCTYPE html><?xml version='1.0'?>x", "x"),
                ("<![CDATA[a &amp; <b>]]>c", "a &amp; <b>c"),
                ("<![CDATA[open", "open"),
                ("</>a</ b>c", "ac"),
                // unclosed at the end
                ("text <a href='x", "text"),
                ("text <unclosed attr=", "text"),
                ("text <!-- open", "text"),
                ("text </", "text"),
            ],
        );
    }

    #[test]
    fn excerpts() {
        let ex = |max: usize| move |s: &str| excerpt(s, max).into_owned();
        let fox = "The quick brown fox jumps over the lazy dog";
        check(ex(14), &[(fox, "The quick…")]); // backs up to the word boundary
        check(ex(8), &[(fox, "The qui…")]); // boundary too early: cut at the grapheme
        check(ex(17), &[(fox, "The quick brown…")]); // cut lands on a space
        check(ex(20), &[(fox, "The quick brown fox…")]);
        check(ex(7), &[("Hello, world and more", "Hello…")]); // dangling comma trimmed
        check(ex(12), &[("one two -- three four", "one two…")]);
        // Korean: cut at the grapheme even though there are spaces
        check(ex(8), &[("안녕하세요 여러분 반갑습니다", "안녕하세요 여…")]);
        check(ex(5), &[("今日は良い天気ですね", "今日は良…")]);
        check(
            ex(3),
            &[("e\u{301}e\u{301}e\u{301}e\u{301}", "e\u{301}e\u{301}…")],
        );
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        let three = [family, family, family].concat();
        let one = [family, "…"].concat();
        check(ex(2), &[(three.as_str(), one.as_str())]);
        check(ex(1), &[("ab", "…")]);
        check(ex(0), &[("abc", ""), ("", "")]);
        check(ex(5), &[("abcde", "abcde"), ("abcdef", "abcd…")]);
        assert!(matches!(excerpt(fox, 100), Cow::Borrowed(_)));
        assert!(matches!(excerpt("abcde", 5), Cow::Borrowed(_)));
    }

    #[test]
    fn counts_graphemes() {
        for (s, n) in [
            ("", 0),
            ("abc", 3),
            ("e\u{301}", 1),
            ("\r\n", 1),
            ("\n\r", 2),
            ("a\u{301}\u{302}b", 2),
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 1), // ZWJ family
            ("🏳\u{FE0F}\u{200D}🌈", 1),
            ("👍🏽", 1),
            ("🇺🇸", 1),
            ("🇺🇸🇫🇷", 2),
            ("🇺🇸🇫", 2),
            ("1\u{FE0F}\u{20E3}", 1), // keycap
            (
                "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
                1,
            ), // England tag flag
            ("\u{1100}\u{1161}\u{11A8}", 1), // L V T jamo
            ("\u{1100}\u{1100}\u{1161}\u{1161}\u{11A8}\u{11A8}", 1), // L+ V+ T*
            ("\u{AC00}\u{11A8}", 1),  // LV syllable + T
            ("\u{AC01}\u{11A8}", 1),  // LVT + T
            ("\u{AC01}\u{1161}", 2),  // LVT + V breaks
            ("\u{11A8}\u{1100}", 2),  // T then L breaks
            ("한국어", 3),
            ("नमस्ते", 3), // स्ते is one conjunct cluster
            ("क्षत्रिय", 3),
            ("ภาษาไทย", 7), // า is a letter, not a mark
            ("ที่นี่", 2),
            ("か\u{3099}", 1),
        ] {
            assert_eq!(grapheme_count(s), n, "{s:?}");
        }
    }

    #[test]
    fn finds_first_image() {
        let img = |src: &str, width, height| {
            Some(HtmlImage {
                src: src.into(),
                width,
                height,
            })
        };
        for (html, want) in [
            // a 1x1 pixel, then the real image
            (
                "<img src=\"https://example.com/p.gif\" width=\"1\" height=\"1\"><p><img src=\"/a.jpg\" width=\"640\" height=\"480\"></p>",
                img("/a.jpg", Some(640), Some(480)),
            ),
            // a Medium stat pixel with no declared size
            (
                "<img src=\"https://medium.com/_/stat?event=post.clientViewed&referrerSource=full_rss\"><img src='b.png'>",
                img("b.png", None, None),
            ),
            ("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"real.jpg\">", img("real.jpg", None, None)),
            ("<img data-src='lazy.png' width=300>", img("lazy.png", Some(300), None)),
            ("<img src='' data-lazy-src=\"l.webp\">", img("l.webp", None, None)),
            ("<img src=unquoted.jpg width=300px height=x>", img("unquoted.jpg", Some(300), None)),
            ("<IMG SRC=\"X.JPG\">", img("X.JPG", None, None)),
            ("<img src=\"a.jpg?x=1&amp;y=2&lt=3\">", img("a.jpg?x=1&y=2&lt=3", None, None)),
            ("<img src=\"  b.jpg \n\">", img("b.jpg", None, None)),
            ("<img src=a.jpg src=b.jpg>", img("a.jpg", None, None)),
            ("<img alt='x > y' src=c.jpg/>", img("c.jpg/", None, None)),
            ("<picture><source srcset=s.avif><img src=p.jpg></picture>", img("p.jpg", None, None)),
            ("<img src=\"https://a/b.jpg\" width=\"99999999999\">", img("https://a/b.jpg", None, None)),
            ("<img src=\"\">", None),
            ("<img>", None),
            ("<img src=\"data:image/png;base64,AAAA\">", None),
            ("<!-- <img src=c.jpg> -->", None),
            ("<script>'<img src=s.jpg>'</script>", None),
            ("<img src=\"http://feeds.feedburner.com/~r/Blog/~4/abc\">", None),
            ("<img src=\"https://pixel.wp.com/b.gif?v=1\" width=\"6\" height=\"5\">", None),
            ("<img src=\"x.jpg\" height=\"0\">", None),
            ("<img src=\"never-closed.jpg\"", None),
            ("no images", None),
        ] {
            assert_eq!(first_image(html), want, "{html}");
        }
    }

    #[test]
    fn tracking_pixels() {
        for (src, w, h, want) in [
            ("https://example.com/a.jpg", None, None, false),
            ("https://example.com/a.jpg", Some(640), Some(2), true),
            ("https://example.com/a.jpg", Some(1), None, true),
            ("https://example.com/a.jpg", Some(3), Some(3), false),
            ("https://MEDIUM.com/_/stat?event=x", None, None, true),
            ("https://stats.wordpress.com/b.gif", None, None, true),
            ("https://feeds.feedblitz.com/~/i/1", None, None, true),
            ("https://x.org/email/open.gif?id=1", None, None, true),
            ("https://x.org/img/1x1.gif", None, None, true),
            ("https://x.org/tracker/v", None, None, true),
            ("https://tracker.example/a.png", None, None, false),
            ("/tracker/p.gif", None, None, true),
            ("https://x.org/pixel.gif", None, None, true),
            (
                "https://www.google-analytics.com/collect?v=1",
                None,
                None,
                true,
            ),
        ] {
            assert_eq!(is_tracking_pixel(src, w, h), want, "{src}");
        }
    }

    fn exercise(s: &str) {
        let _ = decode_entities(s);
        let _ = decode(s, true);
        let _ = collapse_whitespace(s);
        let _ = html_to_text(s);
        let _ = first_image(s);
        let n = grapheme_count(s);
        for max in [0, 1, 2, 3, 5, 8, 40] {
            let e = excerpt(s, max);
            assert!(grapheme_count(&e) <= max, "{s:?} {max}");
            assert_eq!(matches!(e, Cow::Borrowed(_)), n <= max || max == 0);
        }
    }

    #[test]
    fn never_panics() {
        let tricky = "<p a='>' b=\"<\" c=d/>x &amp;&#x1F600;&#99999999999;&#xD800&lt<!--c--><\
            < <![CDATA[d]]><script>e</script><img src=\"i.png\" width=1><img data-src='j&amp;k'>\
            &nbsp;👨\u{200D}👩\u{200D}👧 🇺🇸🇫 안녕\u{1100}\u{1161}\u{11A8}e\u{301}\r\n</p \
            ><!DOCTYPE x><?pi?></ x>é, — <";
        for (i, _) in tricky.char_indices() {
            exercise(tricky.get(..i).unwrap_or(""));
            exercise(tricky.get(i..).unwrap_or(""));
        }
        for s in [
            "<",
            "&",
            "&#",
            "&#x",
            "&#99999999999;",
            "<!",
            "<!-",
            "<!--",
            "<![CDATA[",
            "</",
            "<?",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "\r",
            "\u{200D}",
            "\u{1F1E6}",
        ] {
            exercise(s);
        }
        // Long runs of each unit: a quadratic re-scan would show up as a hang here.
        #[rustfmt::skip]
        let units = [
            "&", "&#", "&#1", "&amp", "<a ", "<a b='", "</", "<!--", "<!", "<script>", "</script",
            "<img src=a width=1>", "\u{200D}", "\u{1F1E6}", "e\u{301}", "\u{1100}", "a ", " ", "=", "'",
        ];
        for unit in units {
            exercise(&unit.repeat(20_000));
        }
        let big = 100_000;
        exercise(&"<".repeat(big));
        assert_eq!(html_to_text(&"<".repeat(big)), "<".repeat(big));
    }
}
