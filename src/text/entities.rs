//! Character references: the HTML 4 named set, numeric references, and the XML decoder (predefined and declared entities) every format shares.

/// Entity names sorted by byte order so `lookup` can binary-search; every HTML 4
/// entity is a single BMP code point, so `u16` halves the table versus `char`.
#[rustfmt::skip]
use std::borrow::Cow;

static ENTITIES: &[(&str, u16)] = &[
    ("AElig", 198),
    ("Aacute", 193),
    ("Acirc", 194),
    ("Agrave", 192),
    ("Alpha", 913),
    ("Aring", 197),
    ("Atilde", 195),
    ("Auml", 196),
    ("Beta", 914),
    ("Ccedil", 199),
    ("Chi", 935),
    ("Dagger", 8225),
    ("Delta", 916),
    ("ETH", 208),
    ("Eacute", 201),
    ("Ecirc", 202),
    ("Egrave", 200),
    ("Epsilon", 917),
    ("Eta", 919),
    ("Euml", 203),
    ("Gamma", 915),
    ("Iacute", 205),
    ("Icirc", 206),
    ("Igrave", 204),
    ("Iota", 921),
    ("Iuml", 207),
    ("Kappa", 922),
    ("Lambda", 923),
    ("Mu", 924),
    ("Ntilde", 209),
    ("Nu", 925),
    ("OElig", 338),
    ("Oacute", 211),
    ("Ocirc", 212),
    ("Ograve", 210),
    ("Omega", 937),
    ("Omicron", 927),
    ("Oslash", 216),
    ("Otilde", 213),
    ("Ouml", 214),
    ("Phi", 934),
    ("Pi", 928),
    ("Prime", 8243),
    ("Psi", 936),
    ("Rho", 929),
    ("Scaron", 352),
    ("Sigma", 931),
    ("THORN", 222),
    ("Tau", 932),
    ("Theta", 920),
    ("Uacute", 218),
    ("Ucirc", 219),
    ("Ugrave", 217),
    ("Upsilon", 933),
    ("Uuml", 220),
    ("Xi", 926),
    ("Yacute", 221),
    ("Yuml", 376),
    ("Zeta", 918),
    ("aacute", 225),
    ("acirc", 226),
    ("acute", 180),
    ("aelig", 230),
    ("agrave", 224),
    ("alefsym", 8501),
    ("alpha", 945),
    ("amp", 38),
    ("and", 8743),
    ("ang", 8736),
    ("apos", 39),
    ("aring", 229),
    ("asymp", 8776),
    ("atilde", 227),
    ("auml", 228),
    ("bdquo", 8222),
    ("beta", 946),
    ("brvbar", 166),
    ("bull", 8226),
    ("cap", 8745),
    ("ccedil", 231),
    ("cedil", 184),
    ("cent", 162),
    ("chi", 967),
    ("circ", 710),
    ("clubs", 9827),
    ("cong", 8773),
    ("copy", 169),
    ("crarr", 8629),
    ("cup", 8746),
    ("curren", 164),
    ("dArr", 8659),
    ("dagger", 8224),
    ("darr", 8595),
    ("deg", 176),
    ("delta", 948),
    ("diams", 9830),
    ("divide", 247),
    ("eacute", 233),
    ("ecirc", 234),
    ("egrave", 232),
    ("empty", 8709),
    ("emsp", 8195),
    ("ensp", 8194),
    ("epsilon", 949),
    ("equiv", 8801),
    ("eta", 951),
    ("eth", 240),
    ("euml", 235),
    ("euro", 8364),
    ("exist", 8707),
    ("fnof", 402),
    ("forall", 8704),
    ("frac12", 189),
    ("frac14", 188),
    ("frac34", 190),
    ("frasl", 8260),
    ("gamma", 947),
    ("ge", 8805),
    ("gt", 62),
    ("hArr", 8660),
    ("harr", 8596),
    ("hearts", 9829),
    ("hellip", 8230),
    ("iacute", 237),
    ("icirc", 238),
    ("iexcl", 161),
    ("igrave", 236),
    ("image", 8465),
    ("infin", 8734),
    ("int", 8747),
    ("iota", 953),
    ("iquest", 191),
    ("isin", 8712),
    ("iuml", 239),
    ("kappa", 954),
    ("lArr", 8656),
    ("lambda", 955),
    ("lang", 9001),
    ("laquo", 171),
    ("larr", 8592),
    ("lceil", 8968),
    ("ldquo", 8220),
    ("le", 8804),
    ("lfloor", 8970),
    ("lowast", 8727),
    ("loz", 9674),
    ("lrm", 8206),
    ("lsaquo", 8249),
    ("lsquo", 8216),
    ("lt", 60),
    ("macr", 175),
    ("mdash", 8212),
    ("micro", 181),
    ("middot", 183),
    ("minus", 8722),
    ("mu", 956),
    ("nabla", 8711),
    ("nbsp", 160),
    ("ndash", 8211),
    ("ne", 8800),
    ("ni", 8715),
    ("not", 172),
    ("notin", 8713),
    ("nsub", 8836),
    ("ntilde", 241),
    ("nu", 957),
    ("oacute", 243),
    ("ocirc", 244),
    ("oelig", 339),
    ("ograve", 242),
    ("oline", 8254),
    ("omega", 969),
    ("omicron", 959),
    ("oplus", 8853),
    ("or", 8744),
    ("ordf", 170),
    ("ordm", 186),
    ("oslash", 248),
    ("otilde", 245),
    ("otimes", 8855),
    ("ouml", 246),
    ("para", 182),
    ("part", 8706),
    ("permil", 8240),
    ("perp", 8869),
    ("phi", 966),
    ("pi", 960),
    ("piv", 982),
    ("plusmn", 177),
    ("pound", 163),
    ("prime", 8242),
    ("prod", 8719),
    ("prop", 8733),
    ("psi", 968),
    ("quot", 34),
    ("rArr", 8658),
    ("radic", 8730),
    ("rang", 9002),
    ("raquo", 187),
    ("rarr", 8594),
    ("rceil", 8969),
    ("rdquo", 8221),
    ("real", 8476),
    ("reg", 174),
    ("rfloor", 8971),
    ("rho", 961),
    ("rlm", 8207),
    ("rsaquo", 8250),
    ("rsquo", 8217),
    ("sbquo", 8218),
    ("scaron", 353),
    ("sdot", 8901),
    ("sect", 167),
    ("shy", 173),
    ("sigma", 963),
    ("sigmaf", 962),
    ("sim", 8764),
    ("spades", 9824),
    ("sub", 8834),
    ("sube", 8838),
    ("sum", 8721),
    ("sup", 8835),
    ("sup1", 185),
    ("sup2", 178),
    ("sup3", 179),
    ("supe", 8839),
    ("szlig", 223),
    ("tau", 964),
    ("there4", 8756),
    ("theta", 952),
    ("thetasym", 977),
    ("thinsp", 8201),
    ("thorn", 254),
    ("tilde", 732),
    ("times", 215),
    ("trade", 8482),
    ("uArr", 8657),
    ("uacute", 250),
    ("uarr", 8593),
    ("ucirc", 251),
    ("ugrave", 249),
    ("uml", 168),
    ("upsih", 978),
    ("upsilon", 965),
    ("uuml", 252),
    ("weierp", 8472),
    ("xi", 958),
    ("yacute", 253),
    ("yen", 165),
    ("yuml", 255),
    ("zeta", 950),
    ("zwj", 8205),
    ("zwnj", 8204),
];

/// Returns the character for an HTML 4 entity name (without `&` and `;`), e.g. "eacute" → 'é'.
///
/// Names are case-sensitive, as in HTML: `Eacute` and `eacute` differ, and `AMP` is unknown.
pub fn lookup_entity(name: &str) -> Option<char> {
    let i = ENTITIES.binary_search_by(|&(k, _)| k.cmp(name)).ok()?;
    ENTITIES
        .get(i)
        .and_then(|&(_, cp)| char::from_u32(u32::from(cp)))
}

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
pub(super) fn decode(s: &str, attr: bool) -> Cow<'_, str> {
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
        if let Some(c) = lookup_entity(name) {
            return Some((c, len + 1));
        }
    }
    let bare = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp");
    let alnum = next.is_some_and(|c| c.is_ascii_alphanumeric());
    if bare && !alnum && !(attr && next == Some('=')) {
        return lookup_entity(name).map(|c| (c, len));
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

/// The windows-1252 character a C1 control (U+0080–U+009F) stands for in text written on Windows
/// (`don\u{92}t` → `don’t`); None for the five bytes windows-1252 leaves unassigned and for anything else.
pub(crate) fn windows_1252_c1(c: char) -> Option<char> {
    let index = u32::from(c).checked_sub(0x80)?;
    let mapped = C1.get(usize::try_from(index).ok()?).copied()?;
    (mapped != 0)
        .then(|| char::from_u32(u32::from(mapped)))
        .flatten()
}

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

/// Decodes the raw inner text of an element: CDATA sections are unwrapped, comments dropped,
/// character and entity references (XML, then HTML 4 names) decoded once, and markup kept as written.
pub(crate) fn unescape_xml(raw: &str) -> Cow<'_, str> {
    unescape_xml_with(raw, &[], usize::MAX)
}

pub(crate) fn unescape_xml_with<'s>(
    raw: &'s str,
    entities: &[(String, String)],
    limit: usize,
) -> Cow<'s, str> {
    // A byte scan (memchr): a `char` pattern search decodes every character (slow in wasm).
    let special = |s: &str| memchr::memchr3(b'&', b'<', b'\r', s.as_bytes());
    if special(raw).is_none() {
        return Cow::Borrowed(raw);
    }
    // One CDATA section and nothing else (`<![CDATA[Rust]]>`, common in RSS) is its inside, as written.
    if let Some((inside, "")) = raw
        .strip_prefix("<![CDATA[")
        .and_then(|body| crate::find::split_once(body, "]]>"))
    {
        return Cow::Borrowed(inside);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = special(rest) {
        if out.len() > limit {
            return Cow::Owned(out);
        }
        // `at` is an ASCII byte: both halves are on character boundaries.
        out.push_str(rest.get(..at).unwrap_or(""));
        let tail = rest.get(at..).unwrap_or("");
        // Dispatch on the byte first: the common case (`&lt;` in escaped HTML) takes no string comparisons.
        match tail.as_bytes() {
            [b'&', after @ ..] => {
                let after_text = tail.get(1..).unwrap_or("");
                let simple = match after {
                    [b'l', b't', b';', ..] => Some(('<', 3)),
                    [b'g', b't', b';', ..] => Some(('>', 3)),
                    [b'a', b'm', b'p', b';', ..] => Some(('&', 4)),
                    [b'q', b'u', b'o', b't', b';', ..] => Some(('"', 5)),
                    _ => None,
                };
                if let Some((c, used)) = simple {
                    out.push(c);
                    rest = after_text.get(used..).unwrap_or("");
                    continue;
                }
                match xml_reference(after_text, entities) {
                    Some((decoded, consumed)) => {
                        match decoded {
                            Decoded::Char(c) => out.push(c),
                            Decoded::Text(text) => out.push_str(text),
                        }
                        rest = after_text.get(consumed..).unwrap_or("");
                    }
                    None => {
                        out.push('&');
                        rest = after_text;
                    }
                }
            }
            [b'\r', b'\n', ..] => {
                out.push('\n');
                rest = tail.get(2..).unwrap_or("");
            }
            [b'\r', ..] => {
                out.push('\n');
                rest = tail.get(1..).unwrap_or("");
            }
            _ => {
                if let Some(body) = tail.strip_prefix("<![CDATA[") {
                    let (inside, after) =
                        crate::find::split_once(body, "]]>").unwrap_or((body, ""));
                    out.push_str(inside);
                    rest = after;
                } else if let Some(body) = tail.strip_prefix("<!--") {
                    rest = crate::find::split_once(body, "-->").map_or("", |(_, after)| after);
                } else {
                    // Markup inside a text field (unescaped HTML in an RSS description) is kept as written.
                    out.push('<');
                    rest = tail.get(1..).unwrap_or("");
                }
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads a reference after `&`: returns its text and how many bytes it used (including `;`).
/// What a reference stands for: one character, or a declared entity's text.
enum Decoded<'e> {
    Char(char),
    Text(&'e str),
}

fn xml_reference<'e>(
    after: &str,
    entities: &'e [(String, String)],
) -> Option<(Decoded<'e>, usize)> {
    // A reference name is short; look for `;` in the first 40 bytes, cut at a char boundary
    // (Korean text right after `&amp;` would otherwise make the window invalid and keep `&amp;` literal).
    let mut window = after.len().min(40);
    while !after.is_char_boundary(window) {
        window -= 1;
    }
    let semi = after.get(..window)?.find(';')?;
    let name = after.get(..semi)?;
    let used = semi + 1;
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            Some(_) => return None,
            None if !number.is_empty() && number.len() <= 10 => number.parse::<u32>().ok()?,
            None => return None,
        };
        let c = match value {
            0 => '\u{FFFD}',
            _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
        };
        return Some((Decoded::Char(c), used));
    }
    let predefined = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    if let Some(c) = predefined {
        return Some((Decoded::Char(c), used));
    }
    if let Some((_, value)) = entities.iter().find(|(n, _)| n == name) {
        // Declared entities are inserted as text and never expanded again (no billion laughs).
        return Some((Decoded::Text(value.as_str()), used));
    }
    lookup_entity(name).map(|c| (Decoded::Char(c), used))
}

/// Decodes the inside of a JSON string literal (without the quotes): \" \\ \/ \b \f \n \r \t \uXXXX with surrogate pairs; a lone surrogate or a bad escape becomes U+FFFD. Borrowed when there is no backslash.
pub(crate) fn json_unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(index) = rest.find('\\') {
        let Some((before, after)) = rest.split_at_checked(index) else {
            break;
        };
        out.push_str(before);
        let mut chars = after.chars();
        chars.next();
        let decoded = match chars.next() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('/') => '/',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let (c, after_hex) = unicode_escape(chars.as_str());
                chars = after_hex.chars();
                c
            }
            _ => '\u{fffd}',
        };
        out.push(decoded);
        rest = chars.as_str();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads the `XXXX` after `\u` (and a following low surrogate escape); returns the char and what follows it.
fn unicode_escape(text: &str) -> (char, &str) {
    let Some((code, rest)) = hex4(text) else {
        return ('\u{fffd}', text);
    };
    if (0xD800..0xDC00).contains(&code) {
        if let Some((low, after_low)) = rest.strip_prefix("\\u").and_then(hex4) {
            if (0xDC00..0xE000).contains(&low) {
                let combined = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                return (char::from_u32(combined).unwrap_or('\u{fffd}'), after_low);
            }
        }
        return ('\u{fffd}', rest);
    }
    (char::from_u32(code).unwrap_or('\u{fffd}'), rest)
}

pub(crate) fn hex4(text: &str) -> Option<(u32, &str)> {
    let (hex, rest) = text.split_at_checked(4)?;
    // `from_str_radix` alone would also take a sign.
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((u32::from_str_radix(hex, 16).ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        // binary search silently misses entries if the table is ever edited out of order
        assert!(ENTITIES
            .iter()
            .zip(ENTITIES.iter().skip(1))
            .all(|(a, b)| a.0 < b.0));
        assert_eq!(ENTITIES.len(), 253);
        assert!(ENTITIES
            .iter()
            .all(|&(_, cp)| char::from_u32(u32::from(cp)).is_some()));
    }

    #[test]
    fn lookups() {
        for (name, want) in [
            ("amp", Some('&')),
            ("lt", Some('<')),
            ("gt", Some('>')),
            ("quot", Some('"')),
            ("apos", Some('\'')),
            ("nbsp", Some('\u{a0}')),
            ("eacute", Some('é')),
            ("Eacute", Some('É')),
            ("hellip", Some('…')),
            ("mdash", Some('—')),
            ("AElig", Some('Æ')),
            ("zwnj", Some('\u{200c}')),
            ("diams", Some('♦')),
            ("thetasym", Some('ϑ')),
            ("yuml", Some('ÿ')),
            ("euro", Some('€')),
            ("AMP", None),
            ("", None),
            ("foo", None),
            ("eacut", None),
            ("eacutex", None),
        ] {
            assert_eq!(lookup_entity(name), want, "{name}");
        }
    }
}
