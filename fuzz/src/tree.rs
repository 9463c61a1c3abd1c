//! A mirror of `feedlet::sanitize::Node` that `arbitrary` can build, biased toward the element
//! names, attribute names and URLs that matter to the rich-summary policy.

use arbitrary::Arbitrary;
use feedlet::sanitize::{Node, HTML_NAMESPACE};

use crate::checks::{SanitizeInput, BASE};

/// Element names to try: everything the policy keeps, demotes, unwraps and drops, in odd cases.
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "p", "br", "b", "strong", "i", "em", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "span", "div",
    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
    "base", "meta", "link", "form", "input", "button", "textarea", "select", "video", "audio",
    "source", "picture", "table", "td", "font", "center", "SCRIPT", "ScRiPt", "IMG", "A",
    "svg:script", "math:mi", "xmp", "plaintext", "listing", "frameset", "dialog", "slot",
    "portal", "image", "annotation-xml", "foreignObject", "title", "desc", "animate", "set",
    "", " a", "a ", "img\0", "ımg", "ſcript",
];

/// Attribute names to try: the allowed ones in odd cases, and the forbidden ones.
#[rustfmt::skip]
const ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "width", "height", "HREF", "Src", "ALT", "WIDTH", "style", "class",
    "id", "name", "onclick", "onerror", "onload", "ONERROR", "onmouseover", "srcset",
    "formaction", "action", "xlink:href", "xmlns", "xmlns:xlink", "data-src", "background",
    "poster", "lowsrc", "dynsrc", "target", "rel", "ping", "srcdoc", "is", "href ", " href",
    "hreF\u{0}", "ſrc",
];

/// URL and dimension values to try.
const VALUES: &[&str] = &[
    "https://example.com/a.png",
    "http://example.com/",
    "/relative/path.html",
    "relative.png",
    "?q=1",
    "#frag",
    "//cdn.example/img.png",
    "///evil.example",
    "http:///evil.example",
    "https:evil",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "\u{1}javascript:alert(1)",
    "javascript\u{0}:alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "vbscript:msgbox(1)",
    "blob:https://example.com/uuid",
    "file:///etc/passwd",
    "about:blank",
    "mailto:a@b.c",
    "\\\\evil.example\\share",
    "/\\evil.example",
    "https://user:pass@example.com:8080/p?q#f",
    "https://@/",
    "https://:80/",
    "https://feeds.feedburner.com/~r/x/~4/pixel.gif",
    "https://medium.com/_/stat?event=post",
    "0",
    "1",
    "2",
    "3",
    "100",
    "99999",
    "100000",
    "-1",
    " 640 ",
    "1e3",
    "",
];

/// One sanitizer input as `arbitrary` builds it.
#[derive(Debug, Arbitrary)]
pub struct FuzzInput {
    base: FuzzBase,
    nodes: Vec<FuzzNode>,
}

#[derive(Debug, Arbitrary)]
enum FuzzBase {
    None,
    Blog,
    Raw(String),
}

#[derive(Debug, Arbitrary)]
enum FuzzNode {
    Text(String),
    Element {
        name: Pick,
        /// `None`: HTML (what an HTML parser gives every element but SVG and MathML ones).
        namespace: Option<Pick>,
        attributes: Vec<(Pick, Pick)>,
        children: Vec<FuzzNode>,
    },
}

/// Namespaces to try besides HTML's: SVG, MathML, none, and near misses.
const NAMESPACES: &[&str] = &[
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
    "",
    "http://www.w3.org/1999/xhtml ",
    "HTTP://WWW.W3.ORG/1999/XHTML",
    "urn:x",
];

/// A name or value: one of the interesting ones, or anything.
#[derive(Debug, Arbitrary)]
enum Pick {
    Known(u8),
    Raw(String),
}

impl Pick {
    fn resolve(&self, list: &[&str]) -> String {
        match self {
            Pick::Known(i) => list
                .get(usize::from(*i) % list.len().max(1))
                .copied()
                .unwrap_or_default()
                .to_owned(),
            Pick::Raw(s) => s.clone(),
        }
    }
}

impl FuzzNode {
    fn to_node(&self) -> Node {
        match self {
            FuzzNode::Text(text) => Node::Text(text.clone()),
            FuzzNode::Element {
                name,
                namespace,
                attributes,
                children,
            } => Node::Element {
                name: name.resolve(ELEMENTS),
                namespace: match namespace {
                    None => Some(HTML_NAMESPACE.to_owned()),
                    Some(Pick::Known(0)) => None,
                    Some(pick) => Some(pick.resolve(NAMESPACES)),
                },
                attributes: attributes
                    .iter()
                    .map(|(k, v)| (k.resolve(ATTRIBUTES), v.resolve(VALUES)))
                    .collect(),
                children: children.iter().map(FuzzNode::to_node).collect(),
            },
        }
    }
}

impl FuzzInput {
    /// The tree the walk reads.
    pub fn to_input(&self) -> SanitizeInput {
        SanitizeInput {
            base: match &self.base {
                FuzzBase::None => None,
                FuzzBase::Blog => Some(BASE.to_owned()),
                FuzzBase::Raw(s) => Some(s.clone()),
            },
            nodes: self.nodes.iter().map(FuzzNode::to_node).collect(),
        }
    }
}
