//! The rich-summary policy: which HTML elements and attributes survive into `summary="html"`, as plain data.
//!
//! The DOM renderer walks a tree the browser parsed into an inert document and asks this module,
//! node by node, what to build; it never serializes or re-parses. Keeping the policy here lets it be
//! tested and fuzzed natively.

/// What to do with an element found in an entry's HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Create a fresh element with this (lowercase) name and copy the allowed attributes.
    Keep(&'static str),
    /// Drop the element but keep its children (unknown layout elements such as `div`).
    Unwrap,
    /// Drop the element and everything inside it.
    Drop,
}

/// The elements a rich summary may contain.
pub const ALLOWED: &[&str] = &[
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "span",
];

/// Decides what happens to an element, by its local name in any case.
///
/// # Examples
/// ```
/// use feedlet::sanitize::{element_action, Action};
/// assert_eq!(element_action("STRONG"), Action::Keep("strong"));
/// assert_eq!(element_action("script"), Action::Drop);
/// assert_eq!(element_action("div"), Action::Unwrap);
/// ```
pub fn element_action(name: &str) -> Action {
    let lower = name.to_ascii_lowercase();
    if let Some(kept) = ALLOWED.iter().find(|a| **a == lower) {
        return Action::Keep(kept);
    }
    match lower.as_str() {
        // Headings above h3 would outrank the widget's own heading: demote them.
        "h1" | "h2" => Action::Keep("h3"),
        "script" | "style" | "template" | "noscript" | "noembed" | "noframes" | "iframe"
        | "frame" | "frameset" | "object" | "embed" | "applet" | "svg" | "math" | "head"
        | "title" | "meta" | "link" | "base" | "form" | "input" | "button" | "select"
        | "textarea" | "option" | "video" | "audio" | "source" | "track" | "canvas" | "map"
        | "area" | "portal" | "xmp" | "plaintext" | "listing" | "dialog" | "slot" => Action::Drop,
        _ => Action::Unwrap,
    }
}

/// The attributes that may be copied for a kept element; everything else (`style`, `class`, `id`,
/// `on*`, `srcset`, `formaction`, `xlink:href`…) is never copied.
pub fn allowed_attributes(element: &str) -> &'static [&'static str] {
    match element {
        "a" => &["href"],
        "img" => &["src", "alt", "width", "height"],
        _ => &[],
    }
}

pub use crate::text::dimension;

/// The most elements one rich summary may create, and the deepest nesting, so hostile HTML stays cheap.
pub const MAX_NODES: usize = 2000;
/// See [`MAX_NODES`].
pub const MAX_DEPTH: usize = 32;

/// A native model of the walk the DOM renderer does: turns a simple tree into the sanitized tree.
/// Used by tests and fuzzing to check the policy's promises without a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A text node.
    Text(String),
    /// An element with its name, attributes and children.
    Element {
        /// Lowercase local name.
        name: String,
        /// Attributes as written (name, value).
        attributes: Vec<(String, String)>,
        /// Child nodes.
        children: Vec<Node>,
    },
}

/// Applies the policy to a tree (iteratively bounded by [`MAX_DEPTH`] and [`MAX_NODES`]);
/// URLs are checked with `check_url`, which returns the safe URL or `None`.
pub fn sanitize_tree(nodes: &[Node], check_url: &dyn Fn(&str) -> Option<String>) -> Vec<Node> {
    let mut budget = MAX_NODES;
    walk(nodes, 0, &mut budget, check_url)
}

fn walk(
    nodes: &[Node],
    depth: usize,
    budget: &mut usize,
    check_url: &dyn Fn(&str) -> Option<String>,
) -> Vec<Node> {
    let mut out = Vec::new();
    if depth > MAX_DEPTH {
        return out;
    }
    for node in nodes {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        match node {
            Node::Text(text) => out.push(Node::Text(text.clone())),
            Node::Element {
                name,
                attributes,
                children,
            } => match element_action(name) {
                Action::Drop => {}
                Action::Unwrap => out.extend(walk(children, depth + 1, budget, check_url)),
                Action::Keep(kept) => {
                    let mut kept_attributes = Vec::new();
                    for allowed in allowed_attributes(kept) {
                        let Some((_, value)) = attributes
                            .iter()
                            .find(|(n, _)| n.eq_ignore_ascii_case(allowed))
                        else {
                            continue;
                        };
                        let value = match *allowed {
                            "href" | "src" => match check_url(value) {
                                Some(url) => url,
                                None => continue,
                            },
                            "width" | "height" => match dimension(value) {
                                Some(d) => crate::text::decimal(d as usize),
                                None => continue,
                            },
                            _ => value.clone(),
                        };
                        kept_attributes.push(((*allowed).to_owned(), value));
                    }
                    if kept == "img" {
                        let src = kept_attributes
                            .iter()
                            .find(|(n, _)| n == "src")
                            .map(|(_, v)| v.as_str());
                        let size = |n: &str| {
                            kept_attributes
                                .iter()
                                .find(|(a, _)| a == n)
                                .and_then(|(_, v)| v.parse::<u32>().ok())
                        };
                        match src {
                            Some(src)
                                if !crate::text::is_tracking_pixel(
                                    src,
                                    size("width"),
                                    size("height"),
                                ) => {}
                            _ => continue,
                        }
                    }
                    out.push(Node::Element {
                        name: kept.to_owned(),
                        attributes: kept_attributes,
                        children: walk(children, depth + 1, budget, check_url),
                    });
                }
            },
        }
    }
    out
}
