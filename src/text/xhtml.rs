//! XHTML bodies (Atom `type="xhtml"`) for the HTML and XML parsers: CDATA, comments and named entities made safe to reparse.

/// Where the first `<!` or `<?` starts, passing over other markup.
fn next_declaration(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = memchr::memchr(b'<', bytes)?;
    loop {
        let tail = bytes.get(from..)?;
        if matches!(tail, [b'<', b'!' | b'?', ..]) {
            return Some(from);
        }
        from = from
            .checked_add(1)?
            .checked_add(memchr::memchr(b'<', tail.get(1..)?)?)?;
    }
}

/// Turns an XHTML fragment (Atom `type="xhtml"`) into HTML that a `text/html` parser reads the same way:
/// CDATA sections become escaped text, and comments and processing instructions are dropped.
/// Without this, `<![CDATA[><a href=…>]]>` or `<!--><img …>-->` would mean markup to an HTML parser while XML says text.
///
/// # Examples
/// ```
/// assert_eq!(feedlet::xhtml_to_html("<p><![CDATA[<b>]]><!-- c --></p>"), "<p>&lt;b&gt;</p>");
/// ```
pub fn xhtml_to_html(xhtml: &str) -> String {
    let mut out = String::with_capacity(xhtml.len());
    let mut rest = xhtml;
    while let Some(at) = next_declaration(rest) {
        let (text, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(text);
        if let Some(body) = tail.strip_prefix("<![CDATA[") {
            let (inside, after) = crate::find::split_once(body, "]]>").unwrap_or((body, ""));
            for c in inside.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    _ => out.push(c),
                }
            }
            rest = after;
        } else if let Some(body) = tail.strip_prefix("<!--") {
            rest = crate::find::split_once(body, "-->").map_or("", |(_, after)| after);
        } else if let Some(body) = tail.strip_prefix("<?") {
            rest = crate::find::split_once(body, "?>").map_or("", |(_, after)| after);
        } else {
            // `<!DOCTYPE` or another declaration: not content.
            rest = tail.split_once('>').map_or("", |(_, after)| after);
        }
    }
    out.push_str(rest);
    out
}

/// Wraps an XHTML fragment in an XHTML `<div>` for the browser's XML parser, turning HTML named
/// entities (which a feed may use without declaring them) into numeric references the XML parser knows.
///
/// # Examples
/// ```
/// assert_eq!(
///     feedlet::xhtml_document("<p>a&nbsp;b &amp; c & d</p>"),
///     "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a&#160;b &amp; c &amp; d</p></div>"
/// );
/// ```
pub fn xhtml_document(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len().saturating_add(64));
    out.push_str("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    let mut rest = fragment;
    while let Some(at) = rest.find('&') {
        let (text, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(text);
        let after = tail.get(1..).unwrap_or("");
        let name = after
            .get(..after.len().min(12))
            .and_then(|h| h.split_once(';'))
            .map(|(n, _)| n);
        match name {
            Some(n)
                if !matches!(n, "lt" | "gt" | "amp" | "quot" | "apos") && !n.starts_with('#') =>
            {
                match crate::text::lookup_entity(n) {
                    Some(c) => {
                        out.push_str("&#");
                        crate::text::number(&mut out, u32::from(c));
                        out.push(';');
                    }
                    None => out.push_str("&amp;"),
                }
                rest = after.get(n.len().saturating_add(1)..).unwrap_or("");
                if crate::text::lookup_entity(n).is_none() {
                    // An unknown name stays visible as text.
                    out.push_str(n);
                    out.push(';');
                }
            }
            Some(_) => {
                out.push('&');
                rest = after;
            }
            // A bare `&` (tolerated by the feed parser) would stop the XML parser.
            None => {
                out.push_str("&amp;");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.push_str("</div>");
    out
}
