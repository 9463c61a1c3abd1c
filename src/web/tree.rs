//! A JavaScript value copied into Rust once: the JSON Feed tree of [`crate::parse::json`], filled from
//! `Object.entries` (own enumerable properties only, so a page that sets `Object.prototype.image` changes nothing).
//!
//! [`copy`] keeps what a [`Role`] keeps: the JSON Feed members of a `JSON.parse` result, or everything of a `Feed`
//! object. (serde-wasm-bindgen's `from_value` would read objects the same way, through `Object.entries`, but its
//! deserializer formats every error message, floats included: that brought about 14 KB gzip of `core::fmt`.)

use std::borrow::Cow;
use std::cell::Cell;

use js_sys::{Array, Object};
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

fn walk(
    value: &JsValue,
    role: Role,
    depth: usize,
    budget: &Cell<usize>,
    items: &mut Items<'static>,
) -> Js {
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
            Some(role) => Value::List(
                array
                    .iter()
                    .map(|v| walk(&v, role, depth, budget, items))
                    .collect(),
            ),
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
