//! A JavaScript value copied into Rust once, for serde to read the crate's types from.
//!
//! The copy holds own enumerable properties only (`Object.entries`), so a page that sets `Object.prototype.image`
//! changes nothing. Reading the derives from the copy ([`Js`] is a serde `Deserializer`) instantiates each visitor
//! once, against plain Rust data, and its error carries no message: serde-wasm-bindgen's deserializer formats
//! every error (floats included), which would bring `core::fmt` into the wasm, about 14 KB gzip with its paths.

use std::cell::Cell;

use js_sys::{Array, Object};
use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A copy of a JavaScript value: a plain object's own enumerable properties in order, an array's items.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Js {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Js>),
    Object(Vec<(String, Js)>),
}

/// How deep a copy goes, and how many values it holds at most: a page's object may be cyclic.
const MAX_DEPTH: usize = 512;
const MAX_VALUES: usize = 1 << 22;

impl Js {
    /// Copies `value`; what is none of the JSON types (a function, a symbol) is `Null`, and so is everything
    /// past [`MAX_DEPTH`] or [`MAX_VALUES`].
    pub(crate) fn copy(value: &JsValue) -> Js {
        copy(value, 0, &Cell::new(MAX_VALUES), None)
    }

    /// Copies an object but the property `skip` (a source's `input`, which may be megabytes, read apart).
    pub(crate) fn copy_without(value: &JsValue, skip: &str) -> Js {
        copy(value, 0, &Cell::new(MAX_VALUES), Some(skip))
    }
}

fn copy(value: &JsValue, depth: usize, budget: &Cell<usize>, skip: Option<&str>) -> Js {
    if depth > MAX_DEPTH || budget.get() == 0 {
        return Js::Null;
    }
    budget.set(budget.get() - 1);
    if let Some(b) = value.as_bool() {
        return Js::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Js::Number(n);
    }
    if let Some(text) = value.as_string() {
        return Js::Text(text);
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return Js::List(array.iter().map(|item| copy(&item, depth + 1, budget, None)).collect());
    }
    if !value.is_object() {
        return Js::Null;
    }
    let mut fields = Vec::new();
    for pair in Object::entries(value.unchecked_ref()).iter() {
        let pair: Array = pair.unchecked_into();
        let Some(key) = pair.get(0).as_string() else {
            continue;
        };
        if Some(key.as_str()) != skip {
            fields.push((key, copy(&pair.get(1), depth + 1, budget, None)));
        }
    }
    Js::Object(fields)
}

/// Why a copy does not read as a type. It carries no message: formatting one would bring `core::fmt`'s
/// machinery along for every visitor.
#[derive(Debug)]
pub(crate) struct Mismatch;

impl de::Error for Mismatch {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value of the wrong type")
    }
}

impl std::error::Error for Mismatch {}

impl IntoDeserializer<'_, Mismatch> for Js {
    type Deserializer = Js;

    fn into_deserializer(self) -> Js {
        self
    }
}

impl Js {
    fn mismatch<T>(&self) -> Result<T, Mismatch> {
        Err(Mismatch)
    }
}

/// A whole number within `f64`'s exact range.
fn whole(n: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    (n.fract() == 0.0 && n.abs() <= EXACT).then_some(n as i64)
}

impl<'de> Deserializer<'de> for Js {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Null => visitor.visit_unit(),
            Js::Bool(b) => visitor.visit_bool(b),
            Js::Number(n) => match whole(n) {
                Some(i) => visitor.visit_i64(i),
                None => visitor.visit_f64(n),
            },
            Js::Text(s) => visitor.visit_string(s),
            Js::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Js::Object(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Bool(b) => visitor.visit_bool(b),
            other => other.mismatch(),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Text(s) => visitor.visit_string(s),
            other => other.mismatch(),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Number(n) => match whole(n) {
                Some(i) if i >= 0 => visitor.visit_u64(i as u64),
                _ => Err(Mismatch),
            },
            other => other.mismatch(),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            other => other.mismatch(),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Js::Object(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
            other => other.mismatch(),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        self.deserialize_map(visitor)
    }

    /// The crate's enums are names.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        match self {
            Js::Text(s) => visitor.visit_enum(StringDeserializer::<Mismatch>::new(s)),
            other => other.mismatch(),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u128 f32 f64 char bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct
    }
}
