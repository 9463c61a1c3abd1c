//! What the browser test files share: the page's document and a fresh container in its body.

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
