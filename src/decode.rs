//! The byte edge: sniffs the encoding (BOM, HTTP charset, XML declaration, else UTF-8) and produces text for the parser.
//!
//! UTF-8 is decoded here; other encodings go to the platform
//! (`encoding_rs` natively, the browser's `TextDecoder` in wasm), both per the WHATWG Encoding Standard.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Warning};
use crate::text::{cat, decimal};

/// Where the encoding came from and what it is called (a WHATWG label, lowercased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    /// The encoding label, lowercased, for example `utf-8` or `euc-kr`.
    pub label: String,
    /// How many bytes of byte order mark to skip.
    pub bom_len: usize,
    /// True when nothing named the encoding (no BOM, no HTTP charset, no XML declaration) and UTF-8 is a default.
    pub guessed: bool,
}

/// Chooses the encoding: the BOM, then the HTTP charset, then the XML declaration, else UTF-8.
pub fn sniff(bytes: &[u8], http_charset: Option<&str>) -> Sniffed {
    let bom = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some(("utf-8", 3)),
        [0xFE, 0xFF, ..] => Some(("utf-16be", 2)),
        [0xFF, 0xFE, ..] => Some(("utf-16le", 2)),
        _ => None,
    };
    if let Some((label, bom_len)) = bom {
        return Sniffed {
            label: label.to_owned(),
            bom_len,
            guessed: false,
        };
    }
    let label = http_charset
        .map(|c| c.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|c| !c.is_empty())
        .or_else(|| xml_declared_encoding(bytes));
    Sniffed {
        guessed: label.is_none(),
        label: label.unwrap_or_else(|| "utf-8".to_owned()),
        bom_len: 0,
    }
}

/// The `encoding="…"` of an XML declaration at the start of the bytes.
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(512))?;
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = head.get(start..)?;
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(head.get(..end)?).ok()?;
    let after = crate::find::split_once(decl, "encoding")?
        .1
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = after.get(1..)?.split(quote).next()?.trim();
    (!value.is_empty()).then(|| value.to_ascii_lowercase())
}

/// True for the labels the WHATWG standard maps to UTF-8 (and for ASCII, a subset).
pub fn is_utf8_label(label: &str) -> bool {
    matches!(
        label,
        "utf-8"
            | "utf8"
            | "unicode-1-1-utf-8"
            | "unicode11utf8"
            | "unicode20utf8"
            | "x-unicode20utf8"
            | "us-ascii"
            | "ascii"
            | "ansi_x3.4-1968"
    )
}

/// Decodes bytes to text for the parser, with warnings for what was repaired.
/// `decode_legacy` decodes a non-UTF-8 encoding by label, or returns `None` for an unknown label.
pub fn decode_with<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
    decode_legacy: impl Fn(&str, &[u8]) -> Option<String>,
) -> Result<(Cow<'a, str>, Vec<Warning>), Error> {
    let sniffed = sniff(bytes, http_charset);
    let body = bytes.get(sniffed.bom_len..).unwrap_or(&[]);
    let mut warnings = Vec::new();
    let text: Cow<'a, str> = if is_utf8_label(&sniffed.label) {
        match std::str::from_utf8(body) {
            Ok(text) => Cow::Borrowed(text),
            Err(error) if sniffed.guessed && looks_like_windows_1252(body) => {
                // Nothing named the encoding and the bytes are not UTF-8: read them as windows-1252, as browsers
                // read legacy HTML (and feedparser and Miniflux read feeds), instead of U+FFFD for every accented letter.
                let valid = body.get(..error.valid_up_to()).unwrap_or(&[]);
                let at = Position::of(&String::from_utf8_lossy(valid), usize::MAX);
                match decode_legacy("windows-1252", body) {
                    Some(text) => {
                        warnings.push(Warning {
                            message:
                                "the feed names no encoding and is not UTF-8; read as windows-1252"
                                    .to_owned(),
                            line: at.line,
                            column: at.column,
                        });
                        Cow::Owned(text)
                    }
                    None => lossy_utf8(body, valid.len(), &mut warnings),
                }
            }
            Err(error) => lossy_utf8(body, error.valid_up_to(), &mut warnings),
        }
    } else {
        match decode_legacy(&sniffed.label, body) {
            Some(text) => Cow::Owned(text),
            None => {
                warnings.push(Warning {
                    message: cat(&["unknown encoding \"", &sniffed.label, "\"; read as UTF-8"]),
                    line: 1,
                    column: 1,
                });
                String::from_utf8_lossy(body)
            }
        }
    };
    // `trim_start` stops at the first visible character: O(1) for real feeds, unlike `trim`.
    if text.trim_start().is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            "the input is empty",
            Position::default_start(),
        ));
    }
    let text = remove_controls(text, &mut warnings);
    Ok((text, warnings))
}

/// UTF-8 with the invalid sequences replaced by U+FFFD, and a warning at the first.
fn lossy_utf8<'a>(body: &'a [u8], valid: usize, warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let text = String::from_utf8_lossy(body).into_owned();
    let at = Position::of(&text, valid);
    warnings.push(Warning {
        message: "invalid UTF-8 bytes were replaced with U+FFFD".to_owned(),
        line: at.line,
        column: at.column,
    });
    Cow::Owned(text)
}

/// Whether bytes that are not valid UTF-8 read better as windows-1252: more invalid sequences than valid
/// non-ASCII characters. A UTF-8 feed (Korean, say) with one stray byte stays UTF-8, with one U+FFFD.
fn looks_like_windows_1252(body: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    invalid > valid
}

/// Repairs control characters: removes the C0 controls XML forbids (velog's feeds carry 0x08), and reads the
/// C1 controls that stand for windows-1252 punctuation as that punctuation (`don\u{92}t` → `don’t`), one warning each.
fn remove_controls<'a>(text: Cow<'a, str>, warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let forbidden = |c: char| u32::from(c) < 0x20 && !matches!(c, '\t' | '\n' | '\r');
    // Eight bytes at a time (find.rs): this pass reads the whole document.
    let c0 = crate::find::forbidden_control(text.as_bytes());
    let c1 = first_c1(&text);
    if c0.is_none() && c1.is_none() {
        return text;
    }
    let (mut removed, mut mapped) = (0usize, 0usize);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if forbidden(c) {
            removed += 1;
        } else if let Some(punctuation) = crate::text::windows_1252_c1(c) {
            mapped += 1;
            out.push(punctuation);
        } else {
            out.push(c);
        }
    }
    for (first, count, what) in [
        (
            c0,
            removed,
            " control characters that XML forbids were removed",
        ),
        (
            c1,
            mapped,
            " C1 control characters were read as windows-1252 punctuation",
        ),
    ] {
        if let (Some(first), true) = (first, count > 0) {
            let at = Position::of(&text, first);
            warnings.push(Warning {
                message: cat(&[&decimal(count), what]),
                line: at.line,
                column: at.column,
            });
        }
    }
    Cow::Owned(out)
}

/// The byte offset of the first C1 control that windows-1252 maps (U+0080–U+009F is `C2 80`–`C2 9F` in UTF-8).
fn first_c1(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(0xC2, rest))
    {
        let at = from + at;
        if let Some(&next) = bytes.get(at + 1) {
            if (0x80..=0x9F).contains(&next)
                && crate::text::windows_1252_c1(char::from(next)).is_some()
            {
                return Some(at);
            }
        }
        from = at + 1;
    }
    None
}

/// Decodes a legacy (non-UTF-8) encoding natively with `encoding_rs`.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_legacy(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}
