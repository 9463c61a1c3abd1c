//! What the browser test files share: the page's document and a fresh container in its body.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A new `<div>` appended to the body, for one render.
pub fn container() -> Element {
    let div = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

/// An options object with these own properties, as a page would pass it.
pub fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), value).expect("set");
    }
    object
}
