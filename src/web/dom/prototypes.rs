//! DOM access that page content cannot shadow: getters and methods taken once from `Node`, `Element` and `Document` prototypes and called on a node, never looked up on it.
//!
//! A `<form>` exposes its controls as properties: `<form><input name=namespaceURI>` makes
//! `form.namespaceURI` the input, and `<img name=body>` does the same to `document.body`. Reading
//! `element.namespaceURI` (as web-sys does) then yields an element where a string was promised,
//! and the wasm module traps. So, as DOMPurify does with `lookupGetter`, every read of a node the
//! page or a feed wrote goes through the prototype's own accessor, called with
//! `Function.prototype.call`; a failed call is a caught error, never a trap.

use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::render::sanitize::{Kind, Tree};

#[wasm_bindgen]
extern "C" {
    /// A getter or method taken from a prototype; each binding below is `accessor.call(receiver, …)`
    /// with the result read as one type.
    #[wasm_bindgen(extends = js_sys::Function, is_type_of = JsValue::is_function)]
    type Accessor;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn number(this: &Accessor, receiver: &JsValue) -> Result<f64, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn string(this: &Accessor, receiver: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn value(this: &Accessor, receiver: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn string_with(
        this: &Accessor,
        receiver: &JsValue,
        argument: &str,
    ) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn value_with(this: &Accessor, receiver: &JsValue, argument: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn node_with(this: &Accessor, receiver: &JsValue, node: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn pair_with(
        this: &Accessor,
        receiver: &JsValue,
        first: &str,
        second: &str,
    ) -> Result<JsValue, JsValue>;
}

/// The accessors, taken once per render.
struct Accessors {
    node_type: Accessor,
    first_child: Accessor,
    next_sibling: Accessor,
    node_value: Accessor,
    append_child: Accessor,
    local_name: Accessor,
    namespace_uri: Accessor,
    get_attribute: Accessor,
    set_attribute: Accessor,
    remove_attribute: Accessor,
    remove: Accessor,
    closest: Accessor,
    body: Accessor,
    document_element: Accessor,
    query_selector: Accessor,
    create_element: Accessor,
    create_text_node: Accessor,
}

/// DOM reads and calls through prototype accessors; cheap to clone. Also the [`Tree`] the
/// rich-summary walk reads: a node is any `JsValue` the accessors returned.
#[derive(Clone)]
pub(crate) struct Dom(Rc<Accessors>);

/// What [`Dom::new`] takes, in the order of [`Accessors`]' fields: (interface, property).
const TAKEN: [(&str, &str); 17] = [
    ("Node", "nodeType"),
    ("Node", "firstChild"),
    ("Node", "nextSibling"),
    ("Node", "nodeValue"),
    ("Node", "appendChild"),
    ("Element", "localName"),
    ("Element", "namespaceURI"),
    ("Element", "getAttribute"),
    ("Element", "setAttribute"),
    ("Element", "removeAttribute"),
    ("Element", "remove"),
    ("Element", "closest"),
    ("Document", "body"),
    ("Document", "documentElement"),
    ("Document", "querySelector"),
    ("Document", "createElement"),
    ("Document", "createTextNode"),
];

/// `Interface.prototype[property]` as its own property descriptor holds it: the getter of an accessor
/// property, else the function of a method. The interface object is an own property of the window,
/// which named elements cannot shadow.
fn take(interface: &str, property: &str) -> Result<Accessor, JsValue> {
    let constructor = Reflect::get(&js_sys::global(), &interface.into())?;
    let prototype: Object = Reflect::get(&constructor, &"prototype".into())?.unchecked_into();
    let descriptor = Reflect::get_own_property_descriptor(&prototype, &property.into())?;
    let getter = Reflect::get(&descriptor, &"get".into())?;
    let function = if getter.is_undefined() {
        Reflect::get(&descriptor, &"value".into())?
    } else {
        getter
    };
    function.dyn_into()
}

impl Dom {
    /// Takes every accessor from the prototypes.
    pub(crate) fn new() -> Result<Dom, JsValue> {
        let taken = TAKEN
            .iter()
            .map(|(interface, property)| take(interface, property))
            .collect::<Result<Vec<Accessor>, JsValue>>()?;
        let Ok(
            [node_type, first_child, next_sibling, node_value, append_child, local_name, namespace_uri, get_attribute, set_attribute, remove_attribute, remove, closest, body, document_element, query_selector, create_element, create_text_node],
        ) = <[Accessor; 17]>::try_from(taken)
        else {
            return Err(JsValue::from_str("feedlet: a DOM accessor is missing"));
        };
        Ok(Dom(Rc::new(Accessors {
            node_type,
            first_child,
            next_sibling,
            node_value,
            append_child,
            local_name,
            namespace_uri,
            get_attribute,
            set_attribute,
            remove_attribute,
            remove,
            closest,
            body,
            document_element,
            query_selector,
            create_element,
            create_text_node,
        })))
    }

    /// `element.getAttribute(name)`.
    pub(crate) fn get_attribute(&self, element: &JsValue, name: &str) -> Option<String> {
        self.0
            .get_attribute
            .string_with(element, name)
            .ok()
            .flatten()
    }

    /// `element.localName` (empty for a node that is not an element).
    pub(crate) fn local_name(&self, element: &JsValue) -> String {
        self.0
            .local_name
            .string(element)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// `element.setAttribute(name, value)`.
    pub(crate) fn set_attribute(
        &self,
        element: &JsValue,
        name: &str,
        value: &str,
    ) -> Result<(), JsValue> {
        self.0.set_attribute.pair_with(element, name, value)?;
        Ok(())
    }

    /// `element.removeAttribute(name)`.
    pub(crate) fn remove_attribute(&self, element: &JsValue, name: &str) -> Result<(), JsValue> {
        self.0.remove_attribute.value_with(element, name)?;
        Ok(())
    }

    /// `element.remove()`.
    pub(crate) fn remove(&self, element: &JsValue) -> Result<(), JsValue> {
        self.0.remove.value(element)?;
        Ok(())
    }

    /// True when `element` or an ancestor matches `selectors` (`element.closest(selectors)`); a failed
    /// call counts as a match, so the caller errs on the side of leaving the element alone.
    pub(crate) fn within(&self, element: &JsValue, selectors: &str) -> bool {
        self.0
            .closest
            .value_with(element, selectors)
            .map_or(true, |found| !found.is_null())
    }

    /// `element.namespaceURI`.
    pub(crate) fn namespace_uri(&self, element: &JsValue) -> Option<String> {
        self.0.namespace_uri.string(element).ok().flatten()
    }

    /// `parent.appendChild(child)`.
    pub(crate) fn append_child(&self, parent: &JsValue, child: &JsValue) -> Result<(), JsValue> {
        self.0.append_child.node_with(parent, child)?;
        Ok(())
    }

    /// `document.createElement(tag)`.
    pub(crate) fn create_element(
        &self,
        document: &JsValue,
        tag: &str,
    ) -> Result<web_sys::Element, JsValue> {
        Ok(self
            .0
            .create_element
            .value_with(document, tag)?
            .unchecked_into())
    }

    /// `document.createTextNode(text)`.
    pub(crate) fn create_text_node(
        &self,
        document: &JsValue,
        text: &str,
    ) -> Result<JsValue, JsValue> {
        self.0.create_text_node.value_with(document, text)
    }

    /// The root of an inert document whose children are a rich summary: `<body>` of an HTML
    /// document, the root element of an XHTML one (`None` when the XML parser reported an error).
    pub(crate) fn summary_root(&self, document: &JsValue, xhtml: bool) -> Option<JsValue> {
        let root = if xhtml {
            let error = self
                .0
                .query_selector
                .value_with(document, "parsererror")
                .ok()?;
            if !error.is_null() {
                return None;
            }
            self.0.document_element.value(document).ok()?
        } else {
            self.0.body.value(document).ok()?
        };
        (!root.is_null() && !root.is_undefined()).then_some(root)
    }

    fn node(&self, accessor: &Accessor, node: &JsValue) -> Option<JsValue> {
        accessor
            .value(node)
            .ok()
            .filter(|n| !n.is_null() && !n.is_undefined())
    }
}

impl Tree for Dom {
    type Node = JsValue;
    type Text = String;

    fn kind(&self, node: &JsValue) -> Kind {
        match self.0.node_type.number(node).map(|n| n as u16) {
            Ok(1) => Kind::Element,
            // Text and CDATA sections (XHTML bodies) are both text.
            Ok(3 | 4) => Kind::Text,
            _ => Kind::Other,
        }
    }

    fn first_child(&self, node: &JsValue) -> Option<JsValue> {
        self.node(&self.0.first_child, node)
    }

    fn next_sibling(&self, node: &JsValue) -> Option<JsValue> {
        self.node(&self.0.next_sibling, node)
    }

    fn text(&self, node: &JsValue) -> Option<String> {
        self.0.node_value.string(node).ok().flatten()
    }

    fn local_name(&self, node: &JsValue) -> Option<String> {
        self.0.local_name.string(node).ok().flatten()
    }

    fn namespace(&self, node: &JsValue) -> Option<String> {
        self.namespace_uri(node)
    }

    fn attribute(&self, node: &JsValue, name: &str) -> Option<String> {
        self.get_attribute(node, name)
    }
}
