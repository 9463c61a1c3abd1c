//! Character references: the HTML 4 named set, numeric references, and the XML decoder (predefined and declared entities) every format shares.

use std::borrow::Cow;

/// The HTML 4 entities, one string per first letter (`A`–`Z`, then `a`–`z`): each entry is the name followed by its
/// character (never an ASCII letter or digit, so the next name starts after it), in byte order.
/// One string per letter instead of a `(&str, u16)` pair per entity: the table is 2.2 KB instead of 4.2 KB in the wasm
/// (`make build && make size`: 102,288 -> 101,674 B gzip), and a lookup reads only the names with its first letter.
#[rustfmt::skip]
static ENTITIES: [&str; 52] = [
    "AEligÆAacuteÁAcircÂAgraveÀAlphaΑAringÅAtildeÃAumlÄ",
    "BetaΒ",
    "CcedilÇChiΧ",
    "Dagger‡DeltaΔ",
    "ETHÐEacuteÉEcircÊEgraveÈEpsilonΕEtaΗEumlË",
    "",
    "GammaΓ",
    "",
    "IacuteÍIcircÎIgraveÌIotaΙIumlÏ",
    "",
    "KappaΚ",
    "LambdaΛ",
    "MuΜ",
    "NtildeÑNuΝ",
    "OEligŒOacuteÓOcircÔOgraveÒOmegaΩOmicronΟOslashØOtildeÕOumlÖ",
    "PhiΦPiΠPrime″PsiΨ",
    "",
    "RhoΡ",
    "ScaronŠSigmaΣ",
    "THORNÞTauΤThetaΘ",
    "UacuteÚUcircÛUgraveÙUpsilonΥUumlÜ",
    "",
    "",
    "XiΞ",
    "YacuteÝYumlŸ",
    "ZetaΖ",
    "aacuteáacircâacute´aeligæagraveàalefsymℵalphaαamp&and∧ang∠apos'aringåasymp≈atildeãaumlä",
    "bdquo„betaβbrvbar¦bull•",
    "cap∩ccedilçcedil¸cent¢chiχcircˆclubs♣cong≅copy©crarr↵cup∪curren¤",
    "dArr⇓dagger†darr↓deg°deltaδdiams♦divide÷",
    "eacuteéecircêegraveèempty∅emsp\u{2003}ensp\u{2002}epsilonεequiv≡etaηethðeumlëeuro€exist∃",
    "fnofƒforall∀frac12½frac14¼frac34¾frasl⁄",
    "gammaγge≥gt>",
    "hArr⇔harr↔hearts♥hellip…",
    "iacuteíicircîiexcl¡igraveìimageℑinfin∞int∫iotaιiquest¿isin∈iumlï",
    "",
    "kappaκ",
    "lArr⇐lambdaλlang〈laquo«larr←lceil⌈ldquo“le≤lfloor⌊lowast∗loz◊lrm\u{200e}lsaquo‹lsquo‘lt<",
    "macr¯mdash—microµmiddot·minus−muμ",
    "nabla∇nbsp\u{a0}ndash–ne≠ni∋not¬notin∉nsub⊄ntildeñnuν",
    "oacuteóocircôoeligœograveòoline‾omegaωomicronοoplus⊕or∨ordfªordmºoslashøotildeõotimes⊗oumlö",
    "para¶part∂permil‰perp⊥phiφpiπpivϖplusmn±pound£prime′prod∏prop∝psiψ",
    "quot\"",
    "rArr⇒radic√rang〉raquo»rarr→rceil⌉rdquo”realℜreg®rfloor⌋rhoρrlm\u{200f}rsaquo›rsquo’",
    "sbquo‚scaronšsdot⋅sect§shy\u{ad}sigmaσsigmafςsim∼spades♠sub⊂sube⊆sum∑sup⊃sup1¹sup2²sup3³supe⊇szligß",
    "tauτthere4∴thetaθthetasymϑthinsp\u{2009}thornþtilde˜times×trade™",
    "uArr⇑uacuteúuarr↑ucircûugraveùuml¨upsihϒupsilonυuumlü",
    "",
    "weierp℘",
    "xiξ",
    "yacuteýyen¥yumlÿ",
    "zetaζzwj\u{200d}zwnj\u{200c}",
];

/// Returns the character for an HTML 4 entity name (without `&` and `;`), e.g. "eacute" → 'é'.
///
/// Names are case-sensitive, as in HTML: `Eacute` and `eacute` differ, and `AMP` is unknown.
pub fn lookup_entity(name: &str) -> Option<char> {
    let letter = match *name.as_bytes().first()? {
        first @ b'A'..=b'Z' => first - b'A',
        first @ b'a'..=b'z' => first - b'a' + 26,
        _ => return None,
    };
    entries(ENTITIES.get(usize::from(letter))?)
        .find(|&(entry, _)| entry == name)
        .map(|(_, c)| c)
}

/// The (name, character) entries of one of `ENTITIES`' strings.
fn entries(letter: &str) -> impl Iterator<Item = (&str, char)> {
    let mut rest = letter;
    std::iter::from_fn(move || {
        let end = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let (name, tail) = rest.split_at_checked(end)?;
        let mut chars = tail.chars();
        let c = chars.next()?;
        rest = chars.as_str();
        Some((name, c))
    })
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
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => super::digits(hex, 16)?,
            Some(_) => return None,
            None if !number.is_empty() && number.len() <= 10 => super::digits(number, 10)?,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        let all: Vec<(&str, char)> = ENTITIES.iter().flat_map(|letter| entries(letter)).collect();
        // Every character of the table is read as part of an entry.
        let chars: usize = ENTITIES.iter().map(|letter| letter.chars().count()).sum();
        assert_eq!(
            chars,
            all.iter().map(|(name, _)| name.len() + 1).sum::<usize>()
        );
        assert_eq!(all.len(), 253);
        assert!(all.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (letter, bucket) in ENTITIES.iter().enumerate() {
            let first = if letter < 26 {
                b'A' + letter as u8
            } else {
                b'a' + letter as u8 - 26
            };
            assert!(entries(bucket).all(|(name, _)| name.as_bytes()[0] == first));
        }
        for (name, c) in all {
            assert_eq!(lookup_entity(name), Some(c), "{name}");
        }
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
