//! A JavaScript value copied into Rust once: the JSON Feed tree of [`crate::parse::json`], filled from
//! `Object.entries` (own enumerable properties only, so a page that sets `Object.prototype.image` changes nothing).
//!
//! [`copy`] keeps what a [`Role`] keeps: the JSON Feed members of a `JSON.parse` result, or everything of a `Feed`
//! object or an options object. The copy is a serde `Deserializer`, so the model's derives read `Feed` objects from
//! it, each visitor instantiated once against plain Rust data; and its error carries no message. (serde-wasm-bindgen's
//! deserializer formats every error message, floats included, which brought about 14 KB gzip of `core::fmt`.)

use std::borrow::Cow;
use std::cell::Cell;

use js_sys::{Array, Object};
use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

use crate::parse::json::tree::{Items, Role, Value};

/// A copy made in the browser: it owns its strings.
pub(crate) type Js = Value<'static>;

/// How deep a copy goes, and how many values it holds at most: a page's object may be cyclic.
const MAX_DEPTH: usize = 512;
const MAX_VALUES: usize = 1 << 22;

/// Copies what `role` keeps of `value`; `items` collects a JSON Feed's items. What is none of the JSON types
/// (a function, a symbol) is `Null`, and so is everything past [`MAX_DEPTH`] or [`MAX_VALUES`].
pub(crate) fn copy(value: &JsValue, role: Role, items: &mut Items<'static>) -> Js {
    walk(value, role, 0, &Cell::new(MAX_VALUES), items)
}

/// Copies all of `value`.
pub(crate) fn copy_all(value: &JsValue) -> Js {
    copy(value, Role::All, &mut Items::default())
}

fn walk(value: &JsValue, role: Role, depth: usize, budget: &Cell<usize>, items: &mut Items<'static>) -> Js {
    if depth > MAX_DEPTH || budget.get() == 0 {
        return Value::Null;
    }
    budget.set(budget.get() - 1);
    if let Some(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Value::Number(n);
    }
    if let Some(text) = value.as_string() {
        return Value::Text(Cow::Owned(text));
    }
    let depth = depth + 1;
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        if role == Role::Items {
            items.start();
            for (index, item) in array.iter().enumerate() {
                let object = item.is_object() && !Array::is_array(&item);
                if items.admits(index, object) {
                    let item = walk(&item, Role::Item, depth, budget, items);
                    items.keep(index, item);
                }
            }
            return Value::List(Vec::new());
        }
        return match role.values() {
            Some(role) => Value::List(array.iter().map(|v| walk(&v, role, depth, budget, items)).collect()),
            None => Value::Skipped,
        };
    }
    if !value.is_object() {
        return Value::Null;
    }
    if !role.keeps_members() {
        return Value::Skipped;
    }
    let mut members = Vec::new();
    for pair in Object::entries(value.unchecked_ref()).iter() {
        let pair: Array = pair.unchecked_into();
        let Some(name) = pair.get(0).as_string() else {
            continue;
        };
        let role = role.member(&name);
        if role != Role::Skip {
            let value = walk(&pair.get(1), role, depth, budget, items);
            members.push((Cow::Owned(name), value));
        }
    }
    Value::Object(members)
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

/// The crate's types read from a copy; a value of another type is a [`Mismatch`].
fn mismatch<T>(_: Js) -> Result<T, Mismatch> {
    Err(Mismatch)
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
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => match whole(n) {
                Some(i) => visitor.visit_i64(i),
                None => visitor.visit_f64(n),
            },
            Value::Text(s) => visitor.visit_string(s.into_owned()),
            Value::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Value::Object(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
            Value::Skipped => visitor.visit_unit(),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::Bool(b) => visitor.visit_bool(b),
            other => mismatch(other),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::Text(s) => visitor.visit_string(s.into_owned()),
            other => mismatch(other),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::Number(n) => match whole(n) {
                Some(i) if i >= 0 => visitor.visit_u64(i as u64),
                _ => Err(Mismatch),
            },
            other => mismatch(other),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            other => mismatch(other),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self {
            Value::Object(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
            other => mismatch(other),
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
            Value::Text(s) => visitor.visit_enum(StringDeserializer::<Mismatch>::new(s.into_owned())),
            other => mismatch(other),
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
