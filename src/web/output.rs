//! What goes out to JavaScript: a type's `Serialize` derive writes a tree ([`Js`]), and serde-wasm-bindgen's
//! `Serializer::json_compatible()` turns the tree into plain objects (`null` for a missing value).
//!
//! The derive writes to [`ToTree`], plain Rust, so each type's serializing code stays small; serde-wasm-bindgen
//! is instantiated once, for the tree. (Serializing every type straight through serde-wasm-bindgen cost about
//! 3.5 KB gzip more: a JS property write, inlined, per field of every type.)

use std::borrow::Cow;

use serde::ser::{
    self, Impossible, Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer,
};
use wasm_bindgen::JsValue;

use super::tree::Js;
use crate::parse::json::tree::Value;

/// `value` as a plain JavaScript object.
pub(crate) fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // The crate's types always serialize; a failure would be a bug, reported rather than hidden.
    let tree = value
        .serialize(ToTree)
        .map_err(|_| JsValue::from_str("feedlet: a value did not serialize"))?;
    tree.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// The tree to JavaScript: objects as maps (names in order), so serde-wasm-bindgen needs no per-type code.
impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null | Value::Skipped => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::Text(text) => serializer.serialize_str(text),
            Value::List(items) => serializer.collect_seq(items),
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

/// Why a value does not serialize into a tree (the crate's types always do). It carries no message: formatting
/// one would bring `core::fmt`'s machinery into the wasm.
#[derive(Debug)]
pub(crate) struct Mismatch;

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value that does not serialize")
    }
}

impl std::error::Error for Mismatch {}

/// A serde `Serializer` whose output is a [`Js`] tree. Field names and variant names are `&'static str`, kept
/// borrowed; only what the crate's types serialize is supported (no bytes, no enum payloads).
pub(crate) struct ToTree;

impl ser::Error for Mismatch {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

/// Scalars become numbers, booleans and text.
macro_rules! scalars {
    ($($method:ident($ty:ty) => $make:expr;)*) => {
        $(fn $method(self, v: $ty) -> Result<Js, Mismatch> {
            #[allow(clippy::redundant_closure_call)]
            Ok(($make)(v))
        })*
    };
}

impl Serializer for ToTree {
    type Ok = Js;
    type Error = Mismatch;
    type SerializeSeq = List;
    type SerializeTuple = Impossible<Js, Mismatch>;
    type SerializeTupleStruct = Impossible<Js, Mismatch>;
    type SerializeTupleVariant = Impossible<Js, Mismatch>;
    type SerializeMap = Members;
    type SerializeStruct = Members;
    type SerializeStructVariant = Impossible<Js, Mismatch>;

    scalars! {
        serialize_bool(bool) => Value::Bool;
        serialize_i8(i8) => |v| Value::Number(f64::from(v));
        serialize_i16(i16) => |v| Value::Number(f64::from(v));
        serialize_i32(i32) => |v| Value::Number(f64::from(v));
        serialize_i64(i64) => |v| Value::Number(v as f64);
        serialize_u8(u8) => |v| Value::Number(f64::from(v));
        serialize_u16(u16) => |v| Value::Number(f64::from(v));
        serialize_u32(u32) => |v| Value::Number(f64::from(v));
        serialize_u64(u64) => |v| Value::Number(v as f64);
        serialize_f32(f32) => |v| Value::Number(f64::from(v));
        serialize_f64(f64) => Value::Number;
        serialize_char(char) => |v: char| Value::Text(Cow::Owned(v.to_string()));
        serialize_str(&str) => |v: &str| Value::Text(Cow::Owned(v.to_owned()));
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<Js, Mismatch> {
        Err(Mismatch)
    }

    fn serialize_none(self) -> Result<Js, Mismatch> {
        Ok(Value::Null)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Js, Mismatch> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Js, Mismatch> {
        Ok(Value::Null)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<Js, Mismatch> {
        Ok(Value::Null)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Js, Mismatch> {
        Ok(Value::Text(Cow::Borrowed(variant)))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Js, Mismatch> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Js, Mismatch> {
        Err(Mismatch)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<List, Mismatch> {
        Ok(List(Vec::with_capacity(len.unwrap_or(0))))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Mismatch> {
        Err(Mismatch)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Mismatch> {
        Err(Mismatch)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Mismatch> {
        Err(Mismatch)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Members, Mismatch> {
        Ok(Members(Vec::with_capacity(len.unwrap_or(0)), None))
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Members, Mismatch> {
        Ok(Members(Vec::with_capacity(len), None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Mismatch> {
        Err(Mismatch)
    }
}

/// An array being written.
pub(crate) struct List(Vec<Js>);

impl SerializeSeq for List {
    type Ok = Js;
    type Error = Mismatch;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        self.0.push(value.serialize(ToTree)?);
        Ok(())
    }

    fn end(self) -> Result<Js, Mismatch> {
        Ok(Value::List(self.0))
    }
}

/// An object being written, and a map's key waiting for its value.
pub(crate) struct Members(Vec<(Cow<'static, str>, Js)>, Option<Cow<'static, str>>);

impl SerializeStruct for Members {
    type Ok = Js;
    type Error = Mismatch;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        self.0.push((Cow::Borrowed(name), value.serialize(ToTree)?));
        Ok(())
    }

    fn end(self) -> Result<Js, Mismatch> {
        Ok(Value::Object(self.0))
    }
}

impl SerializeMap for Members {
    type Ok = Js;
    type Error = Mismatch;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Mismatch> {
        match key.serialize(ToTree)? {
            Value::Text(name) => {
                self.1 = Some(name);
                Ok(())
            }
            _ => Err(Mismatch),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        let name = self.1.take().ok_or(Mismatch)?;
        self.0.push((name, value.serialize(ToTree)?));
        Ok(())
    }

    fn end(self) -> Result<Js, Mismatch> {
        Ok(Value::Object(self.0))
    }
}
