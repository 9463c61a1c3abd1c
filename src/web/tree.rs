//! A JavaScript value copied into Rust once, through serde-wasm-bindgen, for serde to read the crate's types from.
//!
//! serde-wasm-bindgen reads an object as a map through `Object.entries`, so the copy holds own enumerable
//! properties only: a page that sets `Object.prototype.image` changes nothing. Reading the derives from the copy
//! ([`Js`] is a serde `Deserializer`) instantiates each visitor once, against plain Rust data, instead of once per
//! serde-wasm-bindgen access path: the wasm stays small, and its reading makes no call across the boundary.

use std::cell::Cell;

use serde::de::value::{MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::JsValue;

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
    /// Copies `value`. What serde-wasm-bindgen cannot read (a function, a `Map`, a typed array) is `Null`;
    /// past [`MAX_DEPTH`] or [`MAX_VALUES`], everything is.
    pub(crate) fn copy(value: JsValue) -> Js {
        let budget = Cell::new(MAX_VALUES);
        Copying { depth: 0, budget: &budget }
            .deserialize(serde_wasm_bindgen::Deserializer::from(value))
            .unwrap_or(Js::Null)
    }
}

/// Reads one value at a depth, from a shared budget.
#[derive(Clone, Copy)]
struct Copying<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for Copying<'_> {
    type Value = Js;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Js, D::Error> {
        if self.depth > MAX_DEPTH || self.budget.get() == 0 {
            deserializer.deserialize_ignored_any(IgnoredAny)?;
            return Ok(Js::Null);
        }
        self.budget.set(self.budget.get() - 1);
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Copying<'_> {
    type Value = Js;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JavaScript value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Js, E> {
        Ok(Js::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Js, E> {
        Ok(Js::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Js, E> {
        Ok(Js::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Js, E> {
        Ok(Js::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Js, E> {
        Ok(Js::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Js, E> {
        Ok(Js::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Js, E> {
        Ok(Js::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Js, E> {
        Ok(Js::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Js, A::Error> {
        let inner = Copying {
            depth: self.depth + 1,
            ..self
        };
        let mut items = Vec::new();
        // serde-wasm-bindgen reads each item on its own: one it cannot read does not stop the others.
        loop {
            match seq.next_element_seed(inner) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                Err(_) => items.push(Js::Null),
            }
        }
        Ok(Js::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Js, A::Error> {
        let inner = Copying {
            depth: self.depth + 1,
            ..self
        };
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner).unwrap_or(Js::Null);
            fields.push((key, value));
        }
        Ok(Js::Object(fields))
    }
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
