//! The byte edge: sniffs the encoding (BOM, HTTP charset, XML declaration, else UTF-8) and produces text for the parser.
//!
//! UTF-8 is decoded here; other encodings go to the platform
//! (`encoding_rs` natively, the browser's `TextDecoder` in wasm), both per the WHATWG Encoding Standard.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Warning};
use crate::text::decimal;

/// Where the encoding came from and what it is called (a WHATWG label, lowercased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    /// The encoding label, lowercased, for example `utf-8` or `euc-kr`.
    pub label: String,
    /// How many bytes of byte order mark to skip.
    pub bom_len: usize,
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
        };
    }
    let label = http_charset
        .map(|c| c.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|c| !c.is_empty())
        .or_else(|| xml_declared_encoding(bytes))
        .unwrap_or_else(|| "utf-8".to_owned());
    Sniffed { label, bom_len: 0 }
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
            Err(error) => {
                let valid = error.valid_up_to();
                let text = String::from_utf8_lossy(body).into_owned();
                let at = Position::of(&text, valid);
                warnings.push(Warning {
                    message: "invalid UTF-8 bytes were replaced with U+FFFD".to_owned(),
                    line: at.line,
                    column: at.column,
                });
                Cow::Owned(text)
            }
        }
    } else {
        match decode_legacy(&sniffed.label, body) {
            Some(text) => Cow::Owned(text),
            None => {
                warnings.push(Warning {
                    message: ["unknown encoding \"", &sniffed.label, "\"; read as UTF-8"].concat(),
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

/// Removes the C0 control characters XML forbids (velog's feeds carry 0x08), with one warning.
fn remove_controls<'a>(text: Cow<'a, str>, warnings: &mut Vec<Warning>) -> Cow<'a, str> {
    let forbidden = |b: u8| b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r';
    // Eight bytes at a time (find.rs): this pass reads the whole document.
    let Some(first) = crate::find::forbidden_control(text.as_bytes()) else {
        return text;
    };
    let at = Position::of(&text, first);
    let count = text.bytes().filter(|b| forbidden(*b)).count();
    warnings.push(Warning {
        message: [
            &decimal(count),
            " control characters that XML forbids were removed",
        ]
        .concat(),
        line: at.line,
        column: at.column,
    });
    Cow::Owned(
        text.chars()
            .filter(|c| u32::from(*c) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
            .collect(),
    )
}

/// Decodes a legacy (non-UTF-8) encoding natively with `encoding_rs`.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_legacy(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some(text.into_owned())
}
