//! The properties of the rich-summary walk (`POLICY.sanitize` over a native tree), and the JSON form of its saved inputs.

// A test oracle: panicking is how it reports a broken promise, to libFuzzer and to the test harness.
#![allow(clippy::panic)]

use feedlet::sanitize::{sanitize_tree, Action, Node, HTML_NAMESPACE, POLICY};

use super::assert_safe_url;

/// One sanitizer input: the document base URL (or none) and the parsed HTML tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SanitizeInput {
    /// The base for relative `href`/`src`.
    pub base: Option<String>,
    /// The tree as the browser parsed it.
    pub nodes: Vec<Node>,
}

/// Runs the shipped walk (`POLICY.sanitize`, through `sanitize_tree`) and checks its output against the policy.
pub fn check_sanitize(input: &SanitizeInput) {
    let base = input.base.as_deref();
    let out = sanitize_tree(&input.nodes, base);

    let mut allowed_texts: Vec<&str> = Vec::new();
    visible_texts(&input.nodes, &mut allowed_texts);
    let mut count = 0usize;
    check_sanitized(&out, 0, &mut count, &allowed_texts);
    assert!(count <= POLICY.max_nodes, "{count} nodes over max_nodes");

    // Sanitizing the output again changes nothing: it is already within the policy.
    let twice = sanitize_tree(&out, base);
    assert_eq!(out, twice, "sanitize_tree is not idempotent");
}

fn action(name: &str, namespace: Option<&str>) -> Action {
    POLICY.element_action(namespace, name)
}

/// Texts a reader could see: not under a dropped element.
fn visible_texts<'n>(nodes: &'n [Node], out: &mut Vec<&'n str>) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push(text),
            Node::Element {
                name,
                namespace,
                children,
                ..
            } => {
                if action(name, namespace.as_deref()) != Action::Drop {
                    visible_texts(children, out);
                }
            }
        }
    }
}

/// The attributes the policy itself sets on a kept element, with their only possible values
/// (`None`: the value depends on the option, as `target`, or on the entry, as `alt`).
fn set_by_policy(element: &str) -> Vec<(&'static str, Option<&'static str>)> {
    match element {
        "a" => vec![("rel", Some(POLICY.link_rel)), ("target", Some("_blank"))],
        "img" => POLICY
            .image_attributes
            .iter()
            .map(|(name, value)| (*name, Some(*value)))
            .collect(),
        _ => Vec::new(),
    }
}

fn check_sanitized(nodes: &[Node], depth: usize, count: &mut usize, texts: &[&str]) {
    assert!(
        depth <= POLICY.max_depth + 1,
        "output deeper than max_depth"
    );
    for node in nodes {
        *count += 1;
        match node {
            Node::Text(text) => assert!(
                texts.contains(&text.as_str()),
                "a text that was not visible in the input: {text:?}"
            ),
            Node::Element {
                name,
                namespace,
                attributes,
                children,
            } => {
                assert!(
                    POLICY.elements.contains(&name.as_str()),
                    "element {name:?} kept"
                );
                assert_eq!(
                    namespace.as_deref(),
                    Some(HTML_NAMESPACE),
                    "a kept element outside HTML"
                );
                let copied = POLICY.attributes_of(name);
                let set = set_by_policy(name);
                let mut seen: Vec<&str> = Vec::new();
                for (attribute, value) in attributes {
                    let policy_value = set.iter().find(|(n, _)| n == attribute);
                    assert!(
                        copied.contains(&attribute.as_str()) || policy_value.is_some(),
                        "attribute {attribute:?} kept on {name:?}"
                    );
                    if let Some((_, Some(expected))) = policy_value {
                        assert_eq!(value, expected, "{attribute} on {name}");
                    }
                    assert!(!attribute.to_ascii_lowercase().starts_with("on"));
                    assert!(
                        !seen.contains(&attribute.as_str()),
                        "a repeated {attribute:?}"
                    );
                    seen.push(attribute);
                    match attribute.as_str() {
                        "href" | "src" => {
                            assert_safe_url(value);
                            assert!(POLICY.allows_url(value), "{attribute}={value:?}");
                        }
                        "width" | "height" => assert!(
                            !value.is_empty()
                                && value.len() <= 5
                                && value.bytes().all(|b| b.is_ascii_digit()),
                            "{attribute}={value:?}"
                        ),
                        _ => {}
                    }
                }
                if name == "img" {
                    assert!(seen.contains(&"src"), "an img without src was kept");
                    assert!(seen.contains(&"alt"), "an img without alt");
                }
                if seen.contains(&"rel") {
                    assert!(seen.contains(&"href"), "rel on a link without href");
                }
                check_sanitized(children, depth + 1, count, texts);
            }
        }
    }
}

/// Reads a tree saved as JSON: `{"base": null | "…", "nodes": [N…]}` where N is
/// `{"text": "…"}` or `{"element": "name", "namespace": null | "…", "attributes": [["k","v"]…], "children": [N…]}`;
/// a missing `namespace` is HTML's.
pub fn sanitize_input_from_json(data: &[u8]) -> Option<SanitizeInput> {
    let value: serde_json::Value = serde_json::from_slice(data).ok()?;
    let base = value
        .get("base")
        .and_then(|b| b.as_str())
        .map(str::to_owned);
    let nodes = nodes_from_json(value.get("nodes")?)?;
    Some(SanitizeInput { base, nodes })
}

fn nodes_from_json(value: &serde_json::Value) -> Option<Vec<Node>> {
    value.as_array()?.iter().map(node_from_json).collect()
}

fn node_from_json(value: &serde_json::Value) -> Option<Node> {
    if let Some(text) = value.get("text") {
        return Some(Node::Text(text.as_str()?.to_owned()));
    }
    let name = value.get("element")?.as_str()?.to_owned();
    let mut attributes = Vec::new();
    for pair in value
        .get("attributes")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
    {
        let pair = pair.as_array()?;
        let key = pair.first()?.as_str()?.to_owned();
        let val = pair.get(1)?.as_str()?.to_owned();
        attributes.push((key, val));
    }
    let children = match value.get("children") {
        Some(children) => nodes_from_json(children)?,
        None => Vec::new(),
    };
    let namespace = match value.get("namespace") {
        None => Some(HTML_NAMESPACE.to_owned()),
        Some(serde_json::Value::Null) => None,
        Some(namespace) => Some(namespace.as_str()?.to_owned()),
    };
    Some(Node::Element {
        name,
        namespace,
        attributes,
        children,
    })
}

/// Writes a tree in the JSON form [`sanitize_input_from_json`] reads.
pub fn sanitize_input_to_json(input: &SanitizeInput) -> String {
    let value = serde_json::json!({
        "base": input.base,
        "nodes": nodes_to_json(&input.nodes),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn nodes_to_json(nodes: &[Node]) -> serde_json::Value {
    serde_json::Value::Array(
        nodes
            .iter()
            .map(|node| match node {
                Node::Text(text) => serde_json::json!({ "text": text }),
                Node::Element {
                    name,
                    namespace,
                    attributes,
                    children,
                } => {
                    let mut element = serde_json::json!({
                        "element": name,
                        "attributes": attributes,
                        "children": nodes_to_json(children),
                    });
                    if namespace.as_deref() != Some(HTML_NAMESPACE) {
                        if let Some(object) = element.as_object_mut() {
                            object.insert("namespace".to_owned(), serde_json::json!(namespace));
                        }
                    }
                    element
                }
            })
            .collect(),
    )
}

/// Replays a saved sanitizer input; a file that is not the JSON form is a broken regression.
pub fn check_sanitize_json(data: &[u8]) {
    match sanitize_input_from_json(data) {
        Some(input) => check_sanitize(&input),
        None => panic!("a sanitize regression that is not the JSON tree form"),
    }
}
