//! Resolves URL references by RFC 3986 and decides which URLs from an untrusted feed are safe to emit as `href`/`src`.

use std::borrow::Cow;

/// A URI reference split as in RFC 3986 Appendix B. `None` and `Some("")`
/// differ on purpose: `?` alone is an empty query, and 5.2.2 treats a
/// present-but-empty component differently from a missing one.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

/// Byte index of the `:` ending a valid scheme; stops at the first byte that
/// cannot be in a scheme so hostile long inputs cost at most one scan.
fn scheme_end(s: &str) -> Option<usize> {
    let mut bytes = s.bytes().enumerate();
    match bytes.next() {
        Some((_, b)) if b.is_ascii_alphabetic() => {}
        _ => return None,
    }
    for (i, b) in bytes {
        if b == b':' {
            return Some(i);
        }
        if !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) {
            return None;
        }
    }
    None
}

/// True when `s` starts with a valid scheme followed by `:`
/// (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, RFC 3986 section 3.1).
///
/// Percent-escapes, whitespace and other characters are not allowed in a
/// scheme, so `%6Aavascript:` or ` javascript:` do not have one: they are
/// relative references. No trimming or cleaning happens here.
///
/// # Examples
///
/// ```
/// assert!(feedlet::has_scheme("https://example.com/"));
/// assert!(feedlet::has_scheme("g:h"));
/// assert!(!feedlet::has_scheme("%6Aavascript:alert(1)"));
/// assert!(!feedlet::has_scheme("/path:with:colons"));
/// ```
#[must_use]
pub fn has_scheme(s: &str) -> bool {
    scheme_end(s).is_some()
}

fn split(s: &str) -> Parts<'_> {
    let (scheme, rest) = match scheme_end(s).and_then(|i| s.split_at_checked(i)) {
        Some((scheme, rest)) => (Some(scheme), rest.strip_prefix(':').unwrap_or(rest)),
        None => (None, s),
    };
    // Byte searches: the delimiters are ASCII, and URLs are searched several times per entry.
    let (rest, fragment) = match split_at_byte(rest, b'#') {
        Some((r, f)) => (r, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match split_at_byte(rest, b'?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let slash = memchr::memchr(b'/', r.as_bytes()).unwrap_or(r.len());
            let (a, p) = r.split_at_checked(slash).unwrap_or((r, ""));
            (Some(a), p)
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// `s.split_once(byte)` for an ASCII byte.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = memchr::memchr(byte, s.as_bytes())?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// RFC 3986 section 5.2.4. Works on a single output buffer and only ever pops
/// the segment just pushed, so the cost is linear even for megabyte paths
/// full of `../`.
fn remove_dots(path: &str) -> String {
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    while !input.is_empty() {
        if let Some(r) = input
            .strip_prefix("../")
            .or_else(|| input.strip_prefix("./"))
        {
            input = r;
        } else if input.starts_with("/./") || input == "/." {
            input = input.get(2..).filter(|r| !r.is_empty()).unwrap_or("/");
        } else if input.starts_with("/../") || input == "/.." {
            input = input.get(3..).filter(|r| !r.is_empty()).unwrap_or("/");
            out.truncate(crate::find::last_byte(&out, b'/').unwrap_or(0));
        } else if input == "." || input == ".." {
            input = "";
        } else {
            // Skip byte 0 so a leading '/' travels with its segment.
            let end = input
                .bytes()
                .enumerate()
                .skip(1)
                .find(|&(_, b)| b == b'/')
                .map_or(input.len(), |(i, _)| i);
            let (seg, rest) = input.split_at_checked(end).unwrap_or((input, ""));
            out.push_str(seg);
            input = rest;
        }
    }
    out
}

fn merge(base: &Parts<'_>, rel: &str) -> String {
    let dir = if base.authority.is_some() && base.path.is_empty() {
        "/"
    } else {
        crate::find::last_byte(base.path, b'/')
            .and_then(|i| base.path.get(..=i))
            .unwrap_or("")
    };
    let mut s = String::with_capacity(dir.len().saturating_add(rel.len()));
    s.push_str(dir);
    s.push_str(rel);
    s
}

/// RFC 3986 section 5.3.
fn compose(
    scheme: Option<&str>,
    authority: Option<&str>,
    path: &str,
    query: Option<&str>,
    fragment: Option<&str>,
) -> String {
    let cap = [scheme, authority, Some(path), query, fragment]
        .iter()
        .fold(8usize, |n, p| n.saturating_add(p.map_or(0, str::len)));
    let mut s = String::with_capacity(cap);
    if let Some(x) = scheme {
        s.push_str(x);
        s.push(':');
    }
    if let Some(a) = authority {
        s.push_str("//");
        s.push_str(a);
    } else if path.starts_with("//") {
        // Without this, `http:/a/..//evil` would serialize as `http://evil`
        // and gain an authority; WHATWG URL uses the same "/." guard.
        s.push_str("/.");
    }
    s.push_str(path);
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = fragment {
        s.push('#');
        s.push_str(f);
    }
    s
}

/// RFC 3986 section 5.2.2 in strict mode: a reference with its own scheme is
/// never merged with the base, even when the schemes match.
fn resolve_parts(base: &Parts<'_>, r: &Parts<'_>) -> String {
    let (scheme, authority, query) = if r.scheme.is_some() {
        (r.scheme, r.authority, r.query)
    } else if r.authority.is_some() {
        (base.scheme, r.authority, r.query)
    } else if r.path.is_empty() {
        (base.scheme, base.authority, r.query.or(base.query))
    } else {
        (base.scheme, base.authority, r.query)
    };
    let path = if r.scheme.is_some() || r.authority.is_some() || r.path.starts_with('/') {
        remove_dots(r.path)
    } else if r.path.is_empty() {
        // RFC 3986 5.2.1 allows normalizing the base: without it `?q` against `/a/./b` would keep `./`.
        remove_dots(base.path)
    } else {
        remove_dots(&merge(base, r.path))
    };
    compose(scheme, authority, &path, query, r.fragment)
}

/// The host of an absolute http(s) URL, without user info or port, ASCII-lowercased; None for anything else.
///
/// # Examples
/// ```
/// assert_eq!(feedlet::web_host("https://User@Blog.Example:8443/feed.xml").as_deref(), Some("blog.example"));
/// assert_eq!(feedlet::web_host("/relative/path"), None);
/// assert_eq!(feedlet::web_host("javascript:alert(1)"), None);
/// ```
pub fn web_host(url: &str) -> Option<String> {
    let parts = split(url.trim());
    let scheme = parts.scheme?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = parts.authority?;
    let host_port = crate::find::after_last(authority, b'@');
    // An IPv6 literal keeps its brackets; a port follows the last `:` outside them.
    let host = match crate::find::last_byte(host_port, b':') {
        Some(colon) if !host_port.get(colon..).unwrap_or("").contains(']') => {
            host_port.get(..colon)?
        }
        _ => host_port,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Resolves `reference` against the absolute `base` by RFC 3986 section 5.2
/// (strict mode, including `remove_dot_segments` from 5.2.4).
///
/// Returns `None` when `base` is not absolute (has no scheme). Bases taken
/// from feeds (`xml:base`, the feed's own link) may themselves be relative;
/// callers must first resolve such a base against its parent base and pass
/// only the absolute result here. The base's fragment is ignored.
///
/// This is pure RFC resolution: no cleaning, no scheme filtering and no
/// percent-encoding. Use [`safe_url`] for anything that ends up in markup.
///
/// # Examples
///
/// ```
/// let base = "http://a/b/c/d;p?q";
/// assert_eq!(feedlet::resolve(base, "../g").as_deref(), Some("http://a/b/g"));
/// assert_eq!(feedlet::resolve(base, "?y").as_deref(), Some("http://a/b/c/d;p?y"));
/// assert_eq!(feedlet::resolve(base, "//g").as_deref(), Some("http://g"));
/// assert_eq!(feedlet::resolve("/not/absolute", "g"), None);
/// ```
#[must_use]
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let b = split(base);
    b.scheme?;
    Some(resolve_parts(&b, &split(reference)))
}

/// Mirrors the browser URL parser's preprocessing, only stricter: every C0
/// control and DEL goes (browsers drop only tab/LF/CR inside, but dropping
/// more can only turn a relative reference into a refused scheme, never the
/// reverse). Removal happens before trimming so ` \0 javascript:` cannot
/// keep a leading space that a browser would strip later.
fn clean(raw: &str) -> Cow<'_, str> {
    // Nearly every URL needs nothing done: trimmed, it holds no control, space or backslash.
    let trimmed = raw.trim();
    if !trimmed
        .bytes()
        .any(|b| b <= b' ' || b == 0x7f || b == b'\\')
    {
        return Cow::Borrowed(trimmed);
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{0}'..='\u{1f}' | '\u{7f}' => {}
            '\\' => s.push('/'),
            _ => s.push(c),
        }
    }
    Cow::Owned(s.trim().replace(' ', "%20"))
}

/// An http(s) URL with a host; RFC 9110 section 4.2 forbids an empty host
/// for these schemes, and browsers would invent one from the path
/// (`http:///evil.com` goes to `evil.com`), so empty hosts are refused.
fn is_web(p: &Parts<'_>, need_host: bool) -> bool {
    let web = p
        .scheme
        .is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
    let host_ok = match p.authority {
        Some(a) => {
            let host = crate::find::after_last(a, b'@');
            !(host.is_empty() || host.starts_with(':'))
        }
        None => !need_host,
    };
    web && host_ok
}

/// Cleans a URL taken from a feed and returns it only if it is safe to put in
/// `href`/`src`.
///
/// Cleaning: every C0 control and DEL is removed anywhere, then leading and
/// trailing whitespace is trimmed, `\` becomes `/` (browsers treat it so for
/// http(s)), and each remaining space becomes `%20`. Nothing else is
/// percent-encoded; non-ASCII stays as is.
///
/// Then:
/// - an absolute URL must be `http:` or `https:` (any case; lowercased in the
///   output) and, when it has `//`, a non-empty host. Dot segments are
///   removed. `https:evil` (no `//`) is kept as the RFC reads it;
/// - a protocol-relative `//host/path` takes the scheme of `base`, or
///   `https:` without one;
/// - any other reference is resolved against `base` when `base` is an
///   absolute http(s) URL with a host. Any other `base` (relative,
///   `javascript:`, `data:`…) counts as absent. The base is cleaned the same
///   way;
/// - without a usable base, a relative reference is returned as is (the host
///   page resolves it), unless a `:` appears before its first `/`, `?` or
///   `#`: a browser-side parser might then read a scheme into it
///   (`%6Aavascript:`, `java script:`), so it is refused.
///
/// Everything else returns `None`: `javascript:`, `data:`, `vbscript:`,
/// `blob:`, `file:`, `about:`, `mailto:`, empty or blank input.
///
/// # Examples
///
/// ```
/// use feedlet::safe_url;
/// assert_eq!(safe_url(None, " JaVa\tScript:alert(1)"), None);
/// assert_eq!(safe_url(None, "data:text/html,<script>"), None);
/// assert_eq!(
///     safe_url(Some("https://example.com/blog/"), "post 1.html").as_deref(),
///     Some("https://example.com/blog/post%201.html")
/// );
/// assert_eq!(safe_url(None, "//cdn.example/a.png").as_deref(), Some("https://cdn.example/a.png"));
/// assert_eq!(safe_url(None, "HTTPS://Example.com/A").as_deref(), Some("https://Example.com/A"));
/// assert_eq!(safe_url(None, "/about#team").as_deref(), Some("/about#team"));
/// ```
#[must_use]
pub fn safe_url(base: Option<&str>, raw: &str) -> Option<String> {
    let s = clean(raw);
    if s.is_empty() {
        return None;
    }
    let base = base.map(clean);
    let base = base.as_deref().map(split).filter(|b| is_web(b, true));
    let r = split(&s);
    if r.scheme.is_none() && r.authority.is_none() && base.is_none() {
        let end = s.find(['/', '?', '#']).unwrap_or(s.len());
        return match s.get(..end) {
            Some(first) if !first.contains(':') => Some(s.into_owned()),
            _ => None,
        };
    }
    // Only consulted for a protocol-relative reference: an absolute one
    // ignores the base, and relative ones reach here only with a real base.
    let fallback = Parts {
        scheme: Some("https"),
        authority: None,
        path: "",
        query: None,
        fragment: None,
    };
    let mut out = resolve_parts(base.as_ref().unwrap_or(&fallback), &r);
    // Judge the string that will actually be emitted, not its inputs.
    if !is_web(&split(&out), false) {
        return None;
    }
    if let Some(scheme) = scheme_end(&out).and_then(|i| out.get_mut(..i)) {
        scheme.make_ascii_lowercase();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(base: &str, cases: &[(&str, &str)]) {
        for &(reference, want) in cases {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(want),
                "resolve({base:?}, {reference:?})"
            );
        }
    }

    fn check_safe(cases: &[(Option<&str>, &str, Option<&str>)]) {
        for &(base, raw, want) in cases {
            assert_eq!(
                safe_url(base, raw).as_deref(),
                want,
                "safe_url({base:?}, {raw:?})"
            );
        }
    }

    const B: &str = "http://a/b/c/d;p?q";

    #[test]
    fn rfc3986_normal() {
        check(
            B,
            &[
                ("g:h", "g:h"),
                ("g", "http://a/b/c/g"),
                ("./g", "http://a/b/c/g"),
                ("g/", "http://a/b/c/g/"),
                ("/g", "http://a/g"),
                ("//g", "http://g"),
                ("?y", "http://a/b/c/d;p?y"),
                ("g?y", "http://a/b/c/g?y"),
                ("#s", "http://a/b/c/d;p?q#s"),
                ("g#s", "http://a/b/c/g#s"),
                ("g?y#s", "http://a/b/c/g?y#s"),
                (";x", "http://a/b/c/;x"),
                ("g;x", "http://a/b/c/g;x"),
                ("g;x?y#s", "http://a/b/c/g;x?y#s"),
                ("", "http://a/b/c/d;p?q"),
                (".", "http://a/b/c/"),
                ("./", "http://a/b/c/"),
                ("..", "http://a/b/"),
                ("../", "http://a/b/"),
                ("../g", "http://a/b/g"),
                ("../..", "http://a/"),
                ("../../", "http://a/"),
                ("../../g", "http://a/g"),
            ],
        );
    }

    #[test]
    fn rfc3986_abnormal() {
        check(
            B,
            &[
                ("../../../g", "http://a/g"),
                ("../../../../g", "http://a/g"),
                ("/./g", "http://a/g"),
                ("/../g", "http://a/g"),
                ("g.", "http://a/b/c/g."),
                (".g", "http://a/b/c/.g"),
                ("g..", "http://a/b/c/g.."),
                ("..g", "http://a/b/c/..g"),
                ("./../g", "http://a/b/g"),
                ("./g/.", "http://a/b/c/g/"),
                ("g/./h", "http://a/b/c/g/h"),
                ("g/../h", "http://a/b/c/h"),
                ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
                ("g;x=1/../y", "http://a/b/c/y"),
                ("g?y/./x", "http://a/b/c/g?y/./x"),
                ("g?y/../x", "http://a/b/c/g?y/../x"),
                ("g#s/./x", "http://a/b/c/g#s/./x"),
                ("g#s/../x", "http://a/b/c/g#s/../x"),
                ("http:g", "http:g"),
            ],
        );
    }

    #[test]
    fn resolve_edges() {
        assert_eq!(resolve("", "g"), None);
        assert_eq!(resolve("/b/c", "g"), None);
        assert_eq!(resolve("%68ttp://a/", "g"), None);
        check(
            "http://a",
            &[("g", "http://a/g"), ("", "http://a"), ("?q", "http://a?q")],
        );
        check(
            "http://a/b#frag",
            &[("", "http://a/b"), ("c", "http://a/c")],
        );
        check("mailto:x", &[("y", "mailto:y")]);
        // An authority must not appear out of a path.
        check("http:/a/b", &[("..//evil", "http:/.//evil")]);
        check("http://a/b/", &[("bücher/../ä", "http://a/b/ä")]);
        assert_eq!(remove_dots("/a/b/c/./../../g"), "/a/g");
        assert_eq!(remove_dots("mid/content=5/../6"), "mid/6");
    }

    #[test]
    fn scheme_detection() {
        for s in ["a:", "http:", "HTTP:x", "a+b-c.d:", "z9:"] {
            assert!(has_scheme(s), "{s:?}");
        }
        for s in [
            "", ":", "1a:", "+a:", "a", "a b:", "%6A:", " a:", "a\t:", "é:", "/a:", "a/b:",
        ] {
            assert!(!has_scheme(s), "{s:?}");
        }
    }

    #[test]
    fn safe_url_hostile() {
        let b = Some("http://a/b/c?q");
        check_safe(&[
            // script-capable or local schemes
            (None, "javascript:alert(1)", None),
            (b, "javascript:alert(1)", None),
            (None, "JaVaScRiPt:alert(1)", None),
            (None, "JAVASCRIPT:alert(1)", None),
            (None, " javascript:alert(1)", None),
            (None, "javascript:alert(1)  ", None),
            (None, "java\tscript:alert(1)", None),
            (None, "java\nscript:alert(1)", None),
            (None, "java\rscript:alert(1)", None),
            (None, " \u{0}javascript:alert(1)", None),
            (None, " \u{0} javascript:alert(1)", None),
            (b, "\u{1}\u{1f} javascript:alert(1)", None),
            (None, "jav\u{7f}ascript:alert(1)", None),
            (None, "javascript\u{b}:alert(1)", None),
            (None, "\u{a0}javascript:alert(1)\u{3000}", None),
            (None, "javascript://%0Aalert(1)", None),
            (None, "data:text/html;base64,PHNjcmlwdD4=", None),
            (b, "DATA:image/svg+xml,<svg onload=alert(1)>", None),
            (None, "vbscript:msgbox(1)", None),
            (None, "blob:https://a/uuid", None),
            (None, "file:///etc/passwd", None),
            (None, "about:blank", None),
            (None, "mailto:me@example.com", None),
            (None, "ftp://a/b", None),
            (None, "x-javascript:1", None),
            // not schemes
            (None, "%6Aavascript:alert(1)", None),
            (
                b,
                "%6Aavascript:alert(1)",
                Some("http://a/b/%6Aavascript:alert(1)"),
            ),
            (
                None,
                "javascript&colon;alert(1)",
                Some("javascript&colon;alert(1)"),
            ),
            (
                b,
                "javascript&colon;alert(1)",
                Some("http://a/b/javascript&colon;alert(1)"),
            ),
            (None, "java script:alert(1)", None),
            (
                b,
                "java script:alert(1)",
                Some("http://a/b/java%20script:alert(1)"),
            ),
            (None, "1javascript:x", None),
            (None, "\u{200b}javascript:alert(1)", None),
            (None, "./javascript:alert(1)", Some("./javascript:alert(1)")),
            (None, "/javascript:alert(1)", Some("/javascript:alert(1)")),
            (None, "?javascript:alert(1)", Some("?javascript:alert(1)")),
            // empty-ish
            (None, "", None),
            (b, "", None),
            (None, "   ", None),
            (b, " \t\n\r ", None),
            (None, "\u{0}", None),
            // http(s) without a host
            (None, "http://", None),
            (b, "https://", None),
            (None, "http:///evil.com", None),
            (None, "http://:80/", None),
            (None, "http://user@/x", None),
            (None, "//", None),
            (None, "///evil.com", None),
            // allowed absolute URLs
            (None, "http://example.com", Some("http://example.com")),
            (
                b,
                "https://example.com/a?b=c#d",
                Some("https://example.com/a?b=c#d"),
            ),
            (None, "HTTPS://EXAMPLE.COM/A", Some("https://EXAMPLE.COM/A")),
            (None, "hTtP://x/Y/Z", Some("http://x/Y/Z")),
            (None, "  http://a/x y  ", Some("http://a/x%20y")),
            (None, "http\u{0}s://x/", Some("https://x/")),
            (
                None,
                "https://bücher.example/ä?ö#ü",
                Some("https://bücher.example/ä?ö#ü"),
            ),
            (None, "http://[::1]:8080/a", Some("http://[::1]:8080/a")),
            (None, "http://a/b/../../../c", Some("http://a/c")),
            (None, "https:evil", Some("https:evil")),
            (b, "https:evil", Some("https:evil")),
            (None, "http:\\\\evil.com\\x", Some("http://evil.com/x")),
            (None, "https:/\\evil.com", Some("https://evil.com")),
            // protocol-relative and backslash tricks
            (None, "//example.com/a", Some("https://example.com/a")),
            (b, "//example.com/a", Some("http://example.com/a")),
            (
                Some("https://a/"),
                "//example.com/./a/../b",
                Some("https://example.com/b"),
            ),
            (None, "/\\evil.com", Some("https://evil.com")),
            (b, "\\\\evil.com", Some("http://evil.com")),
            (None, "/\t/evil.com/", Some("https://evil.com/")),
            // relative
            (None, "#x", Some("#x")),
            (b, "#x", Some("http://a/b/c?q#x")),
            (None, "?q", Some("?q")),
            (b, "?z", Some("http://a/b/c?z")),
            (None, "/about", Some("/about")),
            (None, "a/../b c", Some("a/../b%20c")),
            (b, "../d/e", Some("http://a/d/e")),
            (Some("HTTPS://A/b/"), "c", Some("https://A/b/c")),
            (Some(" https://a/b\\c/ "), "d", Some("https://a/b/c/d")),
            // unusable bases count as absent
            (Some("javascript:alert(1)//"), "x", Some("x")),
            (Some("javascript:x"), "//evil.com", Some("https://evil.com")),
            (Some("data:text/html,x"), "#f", Some("#f")),
            (Some("/blog/"), "post", Some("post")),
            (Some("https:nohost"), "post", Some("post")),
            (Some("http://"), "/p", Some("/p")),
        ]);
    }

    const PIECES: [&str; 18] = [
        "/", ".", "..", ":", "?", "#", "\\", "@", "é", "%", " ", "\t", "\u{0}", "a", "//", "[",
        "http", "\u{7f}",
    ];

    fn assert_safe_output(out: &str) {
        assert!(!out.is_empty());
        assert!(
            !out.chars().any(|c| c.is_control() || c == ' ' || c == '\\'),
            "{out:?}"
        );
        if out.starts_with("http:") || out.starts_with("https:") {
            return;
        }
        assert!(!has_scheme(out), "{out:?}");
        let end = out.find(['/', '?', '#']).unwrap_or(out.len());
        assert!(!out.get(..end).unwrap_or("").contains(':'), "{out:?}");
        assert!(!out.starts_with("//"), "{out:?}");
    }

    #[test]
    fn no_panic_and_invariants() {
        let bases = [
            None,
            Some("http://a/b/c?q"),
            Some("https://x"),
            Some("foo:bar"),
            Some(""),
        ];
        let mut buf = String::new();
        let n = PIECES.len();
        for i in 0..n * n * n * n {
            buf.clear();
            let mut k = i;
            for _ in 0..4 {
                buf.push_str(PIECES.get(k % n).copied().unwrap_or(""));
                k /= n;
            }
            for base in bases {
                if let Some(out) = safe_url(base, &buf) {
                    assert_safe_output(&out);
                }
                let _ = resolve(base.unwrap_or("http://h/p"), &buf);
                let _ = resolve(&buf, "../x");
            }
        }
    }

    #[test]
    fn large_inputs_are_linear() {
        let mut s = String::from("http://a/");
        s.push_str(&"x/".repeat(250_000));
        s.push_str(&"../".repeat(250_000));
        s.push_str(&"./".repeat(100_000));
        assert_eq!(safe_url(None, &s).as_deref(), Some("http://a/"));
        let dots = "/..".repeat(400_000);
        assert_eq!(resolve("http://a/b/c", &dots).as_deref(), Some("http://a/"));
        let slashes = "/".repeat(1_000_000);
        assert!(resolve("http://a/", &slashes).is_some());
        let long = "a".repeat(1_000_000);
        assert!(safe_url(Some("http://a/"), &long).is_some());
        assert!(safe_url(None, &(long.clone() + ":")).is_none());
        let ws = " \u{0}".repeat(500_000);
        assert!(safe_url(None, &ws).is_none());
    }
}
