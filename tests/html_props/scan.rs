//! A tiny scanner for the renderer's output (no html5ever, just what the renderer may emit), and the link rule.

pub const TAGS: &[&str] = &[
    "section", "h2", "ul", "li", "a", "span", "div", "time", "p", "img",
];
pub const VOID: &[&str] = &["img"];
pub const ATTRIBUTES: &[&str] = &[
    "aria-busy",
    "aria-hidden",
    "class",
    "part",
    "lang",
    "dir",
    "role",
    "href",
    "target",
    "rel",
    "src",
    "alt",
    "loading",
    "decoding",
    "referrerpolicy",
    "width",
    "height",
    "datetime",
];

#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Text(String),
    Element {
        name: String,
        attributes: Vec<(String, String)>,
        children: Vec<Tree>,
    },
}

impl Tree {
    pub fn attribute(&self, key: &str) -> Option<&str> {
        match self {
            Tree::Element { attributes, .. } => attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            Tree::Text(_) => None,
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Tree::Element { name, .. } => name,
            Tree::Text(_) => "#text",
        }
    }
    pub fn children(&self) -> &[Tree] {
        match self {
            Tree::Element { children, .. } => children,
            Tree::Text(_) => &[],
        }
    }
    /// The decoded text of an element: its text children joined (renderer elements hold text only).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in self.children() {
            match child {
                Tree::Text(t) => out.push_str(t),
                Tree::Element { .. } => out.push_str(&child.text()),
            }
        }
        out
    }
    pub fn class(&self) -> &str {
        self.attribute("class").unwrap_or("")
    }
}

/// Decodes the renderer's escapes; any other `&` is markup that escaped (an error).
pub fn decode(raw: &str, in_attribute: bool) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let mut known: Vec<(&str, char)> = vec![("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>')];
        if in_attribute {
            known.extend([("&quot;", '"'), ("&#39;", '\'')]);
        }
        let Some((entity, c)) = known.into_iter().find(|(e, _)| tail.starts_with(e)) else {
            return Err(format!(
                "a raw `&` that is not one of the renderer's escapes: {:?}",
                &tail[..tail.len().min(20)]
            ));
        };
        out.push(c);
        rest = &tail[entity.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

pub fn scan(html: &str) -> Result<Vec<Tree>, String> {
    let body = html
        .strip_suffix('\n')
        .ok_or("the output does not end in a newline")?;
    let mut stack: Vec<Tree> = vec![Tree::Element {
        name: "#root".into(),
        attributes: vec![],
        children: vec![],
    }];
    let push = |stack: &mut Vec<Tree>, node: Tree| {
        if let Some(Tree::Element { children, .. }) = stack.last_mut() {
            children.push(node);
        }
    };
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            if let Some(end) = tag.strip_prefix('/') {
                let close = end.find('>').ok_or("an end tag without `>`")?;
                let name = &end[..close];
                if !TAGS.contains(&name) {
                    return Err(format!(
                        "end tag `{name}` is not one of the renderer's tags"
                    ));
                }
                let node = stack.pop().ok_or("more end tags than start tags")?;
                if node.name() != name {
                    return Err(format!("`</{name}>` closes `<{}>`", node.name()));
                }
                if stack.is_empty() {
                    return Err("an end tag closed the document".into());
                }
                push(&mut stack, node);
                rest = &end[close + 1..];
                continue;
            }
            let name_end = tag
                .find(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit())
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            if !TAGS.contains(&name) {
                return Err(format!(
                    "`<` opens `{}`, which is not one of the renderer's tags",
                    &tag[..tag.len().min(30)]
                ));
            }
            let mut cursor = &tag[name_end..];
            let mut attributes = Vec::new();
            loop {
                if let Some(after) = cursor.strip_prefix('>') {
                    cursor = after;
                    break;
                }
                let after_space = cursor.strip_prefix(' ').ok_or_else(|| {
                    format!(
                        "inside `<{name}`: expected a space or `>` at {:?}",
                        &cursor[..cursor.len().min(30)]
                    )
                })?;
                let key_end = after_space
                    .find(|c: char| !c.is_ascii_lowercase() && c != '-')
                    .unwrap_or(after_space.len());
                let key = &after_space[..key_end];
                if !ATTRIBUTES.contains(&key) {
                    return Err(format!(
                        "attribute `{key}` on `<{name}>` is not one of the renderer's"
                    ));
                }
                let value_start = after_space[key_end..]
                    .strip_prefix("=\"")
                    .ok_or_else(|| format!("attribute `{key}` is not double-quoted"))?;
                let close = value_start
                    .find('"')
                    .ok_or_else(|| format!("attribute `{key}` is never closed"))?;
                let raw = &value_start[..close];
                if raw.contains(['<', '>']) {
                    return Err(format!("attribute `{key}` holds a raw `<` or `>`: {raw:?}"));
                }
                if attributes.iter().any(|(k, _): &(String, String)| k == key) {
                    return Err(format!("attribute `{key}` twice on `<{name}>`"));
                }
                attributes.push((key.to_owned(), decode(raw, true)?));
                cursor = &value_start[close + 1..];
            }
            let element = Tree::Element {
                name: name.to_owned(),
                attributes,
                children: vec![],
            };
            if VOID.contains(&name) {
                push(&mut stack, element);
            } else {
                stack.push(element);
            }
            rest = cursor;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            if raw.contains('>') {
                return Err(format!("text holds a raw `>`: {raw:?}"));
            }
            if stack.len() < 2 {
                return Err(format!("text outside the section: {raw:?}"));
            }
            push(&mut stack, Tree::Text(decode(raw, false)?));
            rest = &rest[end..];
        }
    }
    if stack.len() != 1 {
        return Err(format!("{} element(s) left open", stack.len() - 1));
    }
    match stack.pop() {
        Some(Tree::Element { children, .. }) => Ok(children),
        _ => Err("no root".into()),
    }
}

/// A link or image address is safe when it is absolute `http://` or `https://` with a host and holds no
/// whitespace or control character. Nothing relative: neither `/a` nor `https:/a` (which a browser resolves
/// against an https page), since the host page would resolve it.
pub fn is_safe_link(url: &str) -> bool {
    // What a browser's URL parser strips or skips: C0 controls, space and DEL.
    if url.is_empty() || url.chars().any(|c| c <= ' ' || c == '\u{7f}') {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    // Absolute only: a relative reference would resolve against the host page.
    match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(after) => !after.is_empty() && !after.starts_with('/'),
        None => false,
    }
}
