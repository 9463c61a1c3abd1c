//! The one rich-summary walk: [`Policy::sanitize`] reads any [`Tree`] and writes what the policy keeps into a [`Sink`].
//!
//! The browser runs it over the inert document `DOMParser` made of an entry's HTML (`web/dom/prototypes.rs`,
//! which reads nodes only through prototype getters a `<form>` cannot shadow) and writes into live
//! elements; the fuzzer runs the same code over the native [`Node`] tree and writes into [`TreeSink`].
//! Nothing is ever serialized and re-parsed.

use std::convert::Infallible;

pub use super::policy::{Action, Policy, HTML_NAMESPACE, POLICY};
use super::Sink;
use crate::options::{LinkTarget, Options};
use crate::text::{decimal, dimension, is_tracking_pixel};

/// What kind of node the walk is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An element.
    Element,
    /// Text or a CDATA section: its data is text.
    Text,
    /// Anything else (comments, processing instructions, doctypes): skipped.
    Other,
}

/// A parsed document the walk can read: node kinds, names, namespaces, attributes and children.
///
/// Every read may fail (a node that cannot be read is `None` or [`Kind::Other`]); nothing here writes.
pub trait Tree {
    /// A handle to one node.
    type Node;
    /// A string read from the tree.
    type Text: AsRef<str>;
    /// The node's kind.
    fn kind(&self, node: &Self::Node) -> Kind;
    /// The node's first child.
    fn first_child(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The node after this one in its parent.
    fn next_sibling(&self, node: &Self::Node) -> Option<Self::Node>;
    /// A text node's data.
    fn text(&self, node: &Self::Node) -> Option<Self::Text>;
    /// An element's local name, as the parser wrote it.
    fn local_name(&self, node: &Self::Node) -> Option<Self::Text>;
    /// An element's namespace URI.
    fn namespace(&self, node: &Self::Node) -> Option<Self::Text>;
    /// An element's attribute by name.
    fn attribute(&self, node: &Self::Node, name: &str) -> Option<Self::Text>;
}

/// The walk's fixed inputs: where relative URLs resolve, where links open, whether images are shown.
struct Context<'a> {
    base: Option<&'a str>,
    target: LinkTarget,
    images: bool,
    budget: usize,
}

impl Policy {
    /// Walks the siblings from `first` on (and their descendants), writing what this policy keeps into
    /// `sink`: kept elements are opened fresh with their checked attributes, text is written as text,
    /// everything else is unwrapped or dropped. `href` and `src` resolve against `base` (and are dropped
    /// when they stay relative); links open as `options.target` says, and with `options.image` off no
    /// image is written at all.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::{Node, NodeTree, TreeSink, POLICY};
    /// let nodes = vec![Node::html("b", &[("onclick", "x()")], vec![Node::Text("bold".into())])];
    /// let (tree, mut sink) = (NodeTree::new(&nodes), TreeSink::default());
    /// POLICY.sanitize(&tree, tree.first(), &mut sink, None, &feedlet::Options::default()).ok();
    /// assert_eq!(sink.finish(), vec![Node::html("b", &[], vec![Node::Text("bold".into())])]);
    /// ```
    pub fn sanitize<T: Tree, S: Sink>(
        &self,
        tree: &T,
        first: Option<T::Node>,
        sink: &mut S,
        base: Option<&str>,
        options: &Options,
    ) -> Result<(), S::Error> {
        let mut context = Context {
            base,
            target: options.target,
            images: options.image,
            budget: self.max_nodes,
        };
        self.children(tree, first, sink, &mut context, 0)
    }

    fn children<T: Tree, S: Sink>(
        &self,
        tree: &T,
        first: Option<T::Node>,
        sink: &mut S,
        context: &mut Context<'_>,
        depth: usize,
    ) -> Result<(), S::Error> {
        if depth > self.max_depth {
            return Ok(());
        }
        let mut next = first;
        while let Some(node) = next {
            next = tree.next_sibling(&node);
            if context.budget == 0 {
                break;
            }
            context.budget -= 1;
            match tree.kind(&node) {
                Kind::Text => {
                    if let Some(text) = tree.text(&node) {
                        sink.text(text.as_ref())?;
                    }
                }
                Kind::Element => {
                    let namespace = tree.namespace(&node);
                    let name = tree.local_name(&node);
                    let action = self.element_action(
                        namespace.as_ref().map(AsRef::as_ref),
                        name.as_ref().map_or("", AsRef::as_ref),
                    );
                    match action {
                        Action::Drop => {}
                        Action::Unwrap => {
                            self.children(tree, tree.first_child(&node), sink, context, depth + 1)?
                        }
                        Action::Keep(name) => {
                            if self.open(tree, &node, name, sink, context)? {
                                let first = tree.first_child(&node);
                                self.children(tree, first, sink, context, depth + 1)?;
                                sink.close()?;
                            }
                        }
                    }
                }
                Kind::Other => {}
            }
        }
        Ok(())
    }

    /// Opens the fresh element for a kept one, with the allowed and checked attributes; `false` drops
    /// it with its content (an image with no safe `src`, or a tracking pixel).
    fn open<T: Tree, S: Sink>(
        &self,
        tree: &T,
        node: &T::Node,
        name: &'static str,
        sink: &mut S,
        context: &Context<'_>,
    ) -> Result<bool, S::Error> {
        let mut kept: Vec<(&'static str, String)> = Vec::new();
        let (mut width, mut height) = (None, None);
        for &attribute in self.attributes_of(name) {
            let Some(value) = tree.attribute(node, attribute) else {
                // An image always has `alt`: empty marks it decorative, so a screen reader skips it
                // instead of reading out its URL.
                if attribute == "alt" {
                    kept.push(("alt", String::new()));
                }
                continue;
            };
            let value = value.as_ref();
            if self.url_attributes.contains(&attribute) {
                match self.url(context.base, value) {
                    Some(url) => kept.push((attribute, url)),
                    None => sink.refused(),
                }
                continue;
            }
            let size = match attribute {
                "width" => &mut width,
                "height" => &mut height,
                _ => {
                    kept.push((attribute, value.to_owned()));
                    continue;
                }
            };
            *size = dimension(value);
            if let Some(number) = *size {
                kept.push((attribute, decimal(number as usize)));
            }
        }
        let value = |name: &str| kept.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
        let is_image = name == "img";
        if is_image {
            // `image="false"` promises no image request: the image goes before its `src` is ever set.
            if !context.images {
                return Ok(false);
            }
            match value("src") {
                Some(src) if !is_tracking_pixel(src, width, height) => {}
                _ => return Ok(false),
            }
        }
        sink.open(name, "", "")?;
        for (attribute, value) in &kept {
            sink.attribute(attribute, value)?;
        }
        if is_image {
            for (attribute, value) in self.image_attributes {
                sink.attribute(attribute, value)?;
            }
        }
        if value("href").is_some() {
            sink.attribute("rel", self.link_rel)?;
            if context.target == LinkTarget::NewTab {
                sink.attribute("target", "_blank")?;
            }
        }
        Ok(true)
    }
}

/// The tree of a sink that cannot parse HTML: it has no nodes, so nothing is ever read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTree {}

impl Tree for NoTree {
    type Node = Infallible;
    type Text = &'static str;
    fn kind(&self, node: &Infallible) -> Kind {
        match *node {}
    }
    fn first_child(&self, node: &Infallible) -> Option<Infallible> {
        match *node {}
    }
    fn next_sibling(&self, node: &Infallible) -> Option<Infallible> {
        match *node {}
    }
    fn text(&self, node: &Infallible) -> Option<&'static str> {
        match *node {}
    }
    fn local_name(&self, node: &Infallible) -> Option<&'static str> {
        match *node {}
    }
    fn namespace(&self, node: &Infallible) -> Option<&'static str> {
        match *node {}
    }
    fn attribute(&self, node: &Infallible, _: &str) -> Option<&'static str> {
        match *node {}
    }
}

/// A native HTML tree: what the fuzzer builds and the walk reads, and what [`TreeSink`] records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A text node.
    Text(String),
    /// An element.
    Element {
        /// The local name, as the parser wrote it.
        name: String,
        /// The namespace URI ([`HTML_NAMESPACE`] for HTML elements; `None` for none).
        namespace: Option<String>,
        /// Attributes as written (name, value).
        attributes: Vec<(String, String)>,
        /// Child nodes.
        children: Vec<Node>,
    },
}

impl Node {
    /// An element in the HTML namespace.
    pub fn html(name: &str, attributes: &[(&str, &str)], children: Vec<Node>) -> Node {
        Node::Element {
            name: name.to_owned(),
            namespace: Some(HTML_NAMESPACE.to_owned()),
            attributes: attributes
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            children,
        }
    }
}

/// [`Tree`] over native [`Node`]s: a node is its slice of siblings and its index in it.
/// Attribute names match in any ASCII case, as `getAttribute` does in an HTML document.
#[derive(Debug, Clone, Copy)]
pub struct NodeTree<'t> {
    nodes: &'t [Node],
}

impl<'t> NodeTree<'t> {
    /// The tree whose top-level nodes are `nodes`.
    pub fn new(nodes: &'t [Node]) -> Self {
        NodeTree { nodes }
    }

    /// The first top-level node, where a walk starts.
    pub fn first(&self) -> Option<(&'t [Node], usize)> {
        first(self.nodes)
    }
}

fn first(nodes: &[Node]) -> Option<(&[Node], usize)> {
    (!nodes.is_empty()).then_some((nodes, 0))
}

impl<'t> Tree for NodeTree<'t> {
    type Node = (&'t [Node], usize);
    type Text = &'t str;
    fn kind(&self, (nodes, index): &Self::Node) -> Kind {
        match nodes.get(*index) {
            Some(Node::Element { .. }) => Kind::Element,
            Some(Node::Text(_)) => Kind::Text,
            None => Kind::Other,
        }
    }
    fn first_child(&self, (nodes, index): &Self::Node) -> Option<Self::Node> {
        match nodes.get(*index) {
            Some(Node::Element { children, .. }) => first(children),
            _ => None,
        }
    }
    fn next_sibling(&self, (nodes, index): &Self::Node) -> Option<Self::Node> {
        let next = index.checked_add(1)?;
        (next < nodes.len()).then_some((*nodes, next))
    }
    fn text(&self, (nodes, index): &Self::Node) -> Option<&'t str> {
        match nodes.get(*index) {
            Some(Node::Text(text)) => Some(text),
            _ => None,
        }
    }
    fn local_name(&self, (nodes, index): &Self::Node) -> Option<&'t str> {
        match nodes.get(*index) {
            Some(Node::Element { name, .. }) => Some(name),
            _ => None,
        }
    }
    fn namespace(&self, (nodes, index): &Self::Node) -> Option<&'t str> {
        match nodes.get(*index) {
            Some(Node::Element { namespace, .. }) => namespace.as_deref(),
            _ => None,
        }
    }
    fn attribute(&self, (nodes, index): &Self::Node, name: &str) -> Option<&'t str> {
        match nodes.get(*index) {
            Some(Node::Element { attributes, .. }) => attributes
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// A [`Sink`] that records what it is given as native [`Node`]s (HTML namespace; `class` and `part`
/// as attributes when not empty; dates as their ISO 8601 text): the sanitizer's output for the
/// fuzzer, and the list description as data for tests.
#[derive(Debug, Default)]
pub struct TreeSink {
    /// The open elements, innermost last, with the nodes finished so far at the bottom.
    stack: Vec<Node>,
    roots: Vec<Node>,
    refused: usize,
}

impl TreeSink {
    /// The nodes written at the top level (elements left open are closed).
    pub fn finish(mut self) -> Vec<Node> {
        while self.pop() {}
        self.roots
    }

    /// How many URLs were refused.
    pub fn refused_urls(&self) -> usize {
        self.refused
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Node::Element { children, .. }) => children.push(node),
            _ => self.roots.push(node),
        }
    }

    fn pop(&mut self) -> bool {
        match self.stack.pop() {
            Some(node) => {
                self.push(node);
                true
            }
            None => false,
        }
    }
}

impl Sink for TreeSink {
    type Error = Infallible;
    type Tree = NoTree;

    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), Infallible> {
        let mut attributes: Vec<(&str, &str)> = Vec::new();
        if !class.is_empty() {
            attributes.push(("class", class));
        }
        if !part.is_empty() {
            attributes.push(("part", part));
        }
        self.stack.push(Node::html(tag, &attributes, Vec::new()));
        Ok(())
    }

    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), Infallible> {
        if let Some(Node::Element { attributes, .. }) = self.stack.last_mut() {
            attributes.push((name.to_owned(), value.to_owned()));
        }
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<(), Infallible> {
        // Empty text is no node, as `textContent = ""` makes none and HTML cannot show one.
        if text.is_empty() {
            return Ok(());
        }
        self.push(Node::Text(text.to_owned()));
        Ok(())
    }

    fn date(&mut self, timestamp: i64) -> Result<(), Infallible> {
        self.text(&crate::date::format_utc(timestamp))
    }

    fn close(&mut self) -> Result<(), Infallible> {
        self.pop();
        Ok(())
    }

    fn refused(&mut self) {
        self.refused = self.refused.saturating_add(1);
    }
}

/// Applies [`POLICY`] to a native tree: the walk the browser runs, into a [`TreeSink`].
///
/// # Examples
/// ```
/// use feedlet::sanitize::{sanitize_tree, Node};
/// let nodes = vec![Node::html("a", &[("href", "javascript:alert(1)")], vec![Node::Text("x".into())])];
/// assert_eq!(sanitize_tree(&nodes, None), vec![Node::html("a", &[], vec![Node::Text("x".into())])]);
/// ```
pub fn sanitize_tree(nodes: &[Node], base: Option<&str>) -> Vec<Node> {
    let mut sink = TreeSink::default();
    let tree = NodeTree::new(nodes);
    match POLICY.sanitize(&tree, tree.first(), &mut sink, base, &Options::default()) {
        Ok(()) => sink.finish(),
        Err(never) => match never {},
    }
}
