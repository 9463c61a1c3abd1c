//! The one lenient reader of settings: camelCase names with typed values or attribute text.
//!
//! JSON and CLI flags arrive through serde ([`read`]); JavaScript objects as the pairs of `Object.entries` (own
//! properties only; `src/web/`); all of them meet in [`read_given`] and the structs' `set`, so `limit: 5`,
//! `limit="5"` and `--limit 5` mean the same everywhere.

use std::marker::PhantomData;

use serde::de::{
    self, Deserialize, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use crate::text::number as write_number;

/// Settings read from names and values, and what could not be used.
///
/// The rules, the same for every source:
/// - counts (`limit`, `maxEntries`) take a number ≥ 0 or its text (`"5"`, `"1e3"`), rounded down;
/// - switches (`date`, `lightDom`) take a boolean or text: `false`, `0`, `no` and `off` (any case) are false,
///   any other text (even empty, as for a bare attribute) is true;
/// - lists (`category`, `src`) take an array of strings or text, split on commas when it has one, else on whitespace;
/// - choices (`layout`, `dateStyle`) take their names; text is trimmed, and empty text keeps the default;
/// - `null` or `undefined` keeps the default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read<T> {
    /// Defaults, overridden by every valid value.
    pub value: T,
    /// One sentence per value that was not valid (its default was kept), naming the option in kebab-case:
    /// `limit="many" is not a valid value; using the default.`
    pub warnings: Vec<String>,
    /// Names that no setting has, as given (JavaScript may pass more, such as a `template`).
    pub unknown: Vec<String>,
}

/// What setting one name did.
pub(crate) enum Outcome {
    Done,
    Invalid,
    Unknown,
}

/// A settings struct: defaults, and a setter per camelCase name.
pub(crate) trait Settings: Default {
    fn set(&mut self, name: &str, given: &Given) -> Outcome;
}

/// Reads a map of settings through serde; only a value that is not a map at all fails.
pub(crate) fn read<'de, D: Deserializer<'de>, S: Settings>(
    deserializer: D,
) -> Result<Read<S>, D::Error> {
    deserializer.deserialize_map(SettingsVisitor(PhantomData))
}

struct SettingsVisitor<S>(PhantomData<S>);

impl<'de, S: Settings> Visitor<'de> for SettingsVisitor<S> {
    type Value = Read<S>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of options")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read<S>, A::Error> {
        let mut pairs = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            pairs.push((name, map.next_value::<Given>()?));
        }
        Ok(read_given(pairs))
    }
}

/// Reads settings from names and values in hand; the browser gets them from `Object.entries`, serde from a map.
pub(crate) fn read_given<S: Settings>(pairs: Vec<(String, Given)>) -> Read<S> {
    let mut read = Read::<S>::default();
    for (name, given) in pairs {
        match read.value.set(&name, &given) {
            Outcome::Done => {}
            Outcome::Invalid => read.warnings.push(invalid(&name, &given)),
            Outcome::Unknown => read.unknown.push(name),
        }
    }
    read
}

/// `limit="many" is not a valid value; using the default.`, with the kebab-case name an attribute has.
fn invalid(name: &str, given: &Given) -> String {
    let mut message = String::with_capacity(name.len() + 48);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            message.push('-');
        }
        message.push(c.to_ascii_lowercase());
    }
    message.push_str("=\"");
    given.write(&mut message);
    message.push_str("\" is not a valid value; using the default.");
    message
}

/// One value as given: typed (from JavaScript or JSON) or the text of an attribute or a flag.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Given {
    Nothing,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An array: its strings, and whether anything else was in it.
    List(Vec<String>, bool),
    Other,
}

impl Given {
    /// The text, when the value is text.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Given::Text(text) => Some(text.trim()),
            _ => None,
        }
    }

    /// The value as a warning shows it.
    fn write(&self, out: &mut String) {
        match self {
            Given::Nothing => {}
            Given::Bool(true) => out.push_str("true"),
            Given::Bool(false) => out.push_str("false"),
            Given::Number(n) => write_f64(out, *n),
            Given::Text(text) => out.push_str(text),
            Given::List(items, _) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(item);
                }
            }
            Given::Other => out.push_str("[object Object]"),
        }
    }
}

/// A number as JavaScript would print it, near enough for a message (no `core::fmt` in the wasm).
fn write_f64(out: &mut String, n: f64) {
    if n.is_nan() {
        return out.push_str("NaN");
    }
    if n < 0.0 {
        out.push('-');
    }
    let n = n.abs();
    if n.is_infinite() {
        return out.push_str("Infinity");
    }
    // Six decimals at most; the integer part saturates (a message, not a value).
    let whole = n.trunc();
    write_number(out, whole as u64);
    let mut fraction = ((n - whole) * 1e6).round() as u64;
    if fraction > 0 {
        let mut digits = [b'0'; 6];
        for slot in digits.iter_mut().rev() {
            *slot = b'0' + (fraction % 10) as u8;
            fraction /= 10;
        }
        out.push('.');
        let kept = digits.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
        out.extend(digits.iter().take(kept).map(|&d| char::from(d)));
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GivenVisitor { in_list: false })
    }
}

/// Reads any value; inside a list, only scalars (a nested array or object is skipped unread).
struct GivenVisitor {
    in_list: bool,
}

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an option value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Given, E> {
        Ok(Given::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Given, E> {
        Ok(Given::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Given, E> {
        Ok(Given::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Given, E> {
        Ok(Given::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_none<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Given, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        if self.in_list {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Given::Other);
        }
        let mut items = Vec::new();
        let mut mixed = false;
        while let Some(item) = seq.next_element_seed(GivenVisitor { in_list: true })? {
            match item {
                Given::Text(text) => items.push(text),
                _ => mixed = true,
            }
        }
        Ok(Given::List(items, mixed))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Given::Other)
    }
}

impl<'de> de::DeserializeSeed<'de> for GivenVisitor {
    type Value = Given;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Given, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// What one value reads as: nothing (keep the default, silently), a value, or not valid (keep it, and warn).
pub(crate) enum Got<T> {
    Nothing,
    Value(T),
    Invalid,
}

impl<T> Got<T> {
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Got<U> {
        match self {
            Got::Nothing => Got::Nothing,
            Got::Value(v) => Got::Value(f(v)),
            Got::Invalid => Got::Invalid,
        }
    }
}

/// Writes a count as a `u32` (saturating): serde-wasm-bindgen checks a `u64`'s range with a formatted error
/// message, which would bring `core::fmt` into the wasm.
pub(crate) fn as_u32<S: serde::Serializer>(n: &usize, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u32(u32::try_from(*n).unwrap_or(u32::MAX))
}

/// Stores a value that was read.
pub(crate) fn put<T>(slot: &mut T, got: Got<T>) -> Outcome {
    match got {
        Got::Value(value) => {
            *slot = value;
            Outcome::Done
        }
        Got::Nothing => Outcome::Done,
        Got::Invalid => Outcome::Invalid,
    }
}

/// A number ≥ 0 (or its text), finite: a count rounds down.
pub(crate) fn number(given: &Given) -> Got<f64> {
    let n = match given {
        Given::Nothing => return Got::Nothing,
        Given::Number(n) => *n,
        Given::Text(text) if text.trim().is_empty() => return Got::Nothing,
        Given::Text(text) => match decimal(text.trim()) {
            Some(n) => n,
            None => return Got::Invalid,
        },
        _ => return Got::Invalid,
    };
    if n >= 0.0 && n.is_finite() {
        Got::Value(n)
    } else {
        Got::Invalid
    }
}

/// A whole number of things: [`number`], rounded down (`as` saturates above `usize::MAX`).
pub(crate) fn count(given: &Given) -> Got<usize> {
    number(given).map(|n| n.floor() as usize)
}

/// On or off: see [`Read`] for how text reads.
pub(crate) fn switch(given: &Given) -> Got<bool> {
    match given {
        Given::Nothing => Got::Nothing,
        Given::Bool(b) => Got::Value(*b),
        // As JavaScript reads a number as a condition.
        Given::Number(n) => Got::Value(*n != 0.0 && !n.is_nan()),
        Given::Text(text) => {
            let text = text.trim();
            let off = ["false", "0", "no", "off"]
                .iter()
                .any(|word| text.eq_ignore_ascii_case(word));
            Got::Value(!off)
        }
        Given::List(..) | Given::Other => Got::Invalid,
    }
}

/// Words: an array of strings, or text split on commas when it has one, else on whitespace.
pub(crate) fn list(given: &Given) -> Got<Vec<String>> {
    let mut words = Vec::new();
    let mut add = |word: &str| {
        let word = word.trim();
        if !word.is_empty() {
            words.push(word.to_owned());
        }
    };
    match given {
        Given::Nothing => return Got::Nothing,
        Given::Text(text) if text.contains(',') => text.split(',').for_each(add),
        Given::Text(text) => text.split_whitespace().for_each(add),
        Given::List(items, false) => items.iter().for_each(|item| add(item)),
        _ => return Got::Invalid,
    }
    if words.is_empty() && matches!(given, Given::Text(_)) {
        return Got::Nothing;
    }
    Got::Value(words)
}

/// Text, trimmed; empty text keeps the default.
pub(crate) fn text(given: &Given) -> Got<String> {
    match given {
        Given::Nothing => Got::Nothing,
        Given::Text(_) => match given.text() {
            Some("") | None => Got::Nothing,
            Some(text) => Got::Value(text.to_owned()),
        },
        _ => Got::Invalid,
    }
}

/// One of an enum's names, as its serde derive spells them (the one list of names).
pub(crate) fn choice<T: de::DeserializeOwned>(given: &Given) -> Got<T> {
    match given.text() {
        None if matches!(given, Given::Nothing) => Got::Nothing,
        None => Got::Invalid,
        Some("") => Got::Nothing,
        Some(name) => {
            let name: de::value::StrDeserializer<'_, NoMatch> = name.into_deserializer();
            T::deserialize(name).map_or(Got::Invalid, Got::Value)
        }
    }
}

/// A name that matches no variant; carries no message, so no formatting code is linked for it.
#[derive(Debug)]
pub(crate) struct NoMatch;

impl de::Error for NoMatch {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NoMatch
    }
}

impl std::fmt::Display for NoMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no such name")
    }
}

impl std::error::Error for NoMatch {}

/// Reads a decimal number as JavaScript's `Number()` reads one (sign, digits, a fraction, an exponent),
/// without the float parsing machinery; the result is near enough for counts, seconds and milliseconds.
fn decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let bytes = unsigned.as_bytes();
    let mut at = 0;
    let (mut mantissa, mut exponent, mut digits) = (0u64, 0i32, 0usize);
    let mut fraction = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    exponent -= i32::from(fraction);
                } else {
                    exponent += i32::from(!fraction);
                }
            }
            b'.' if !fraction => fraction = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        let rest = unsigned.get(at + 1..)?;
        let (sign, rest) = match rest.as_bytes().first() {
            Some(b'-') => (-1, rest.get(1..)?),
            Some(b'+') => (1, rest.get(1..)?),
            _ => (1, rest),
        };
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let e: i32 = rest
            .bytes()
            .take(6)
            .fold(0, |e, b| e * 10 + i32::from(b - b'0'));
        exponent = exponent.saturating_add(sign * e);
        at = unsigned.len();
    }
    if at != unsigned.len() {
        return None;
    }
    let magnitude = mantissa as f64;
    // Dividing by an exact power of ten rounds once, so `0.1` reads as 0.1.
    let value = if exponent < 0 {
        magnitude / 10f64.powi(-exponent)
    } else {
        magnitude * 10f64.powi(exponent)
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        for (text, want) in [
            ("5", Some(5.0)),
            ("+5", Some(5.0)),
            ("0.1", Some(0.1)),
            ("1.5", Some(1.5)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("1e3", Some(1000.0)),
            ("2E-2", Some(0.02)),
            ("-7", Some(-7.0)),
            ("99999999999999999999999", Some(1e23)),
            ("", None),
            ("-", None),
            (".", None),
            ("1e", None),
            ("1.2.3", None),
            ("0x10", None),
            ("5px", None),
        ] {
            let got = decimal(text);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() <= w.abs() * 1e-15, "{text}: {g}"),
                _ => assert_eq!(got, want, "{text}"),
            }
        }
        let mut out = String::new();
        for n in [-3.0, 1.25, f64::NAN, f64::NEG_INFINITY, 0.1] {
            write_f64(&mut out, n);
            out.push(' ');
        }
        assert_eq!(out, "-3 1.25 NaN -Infinity 0.1 ");
    }
}
