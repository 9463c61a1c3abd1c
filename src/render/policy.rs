//! The rich-summary policy as one value: which elements, attributes, URL schemes and `rel` survive into `summary="html"`.

use crate::url::{has_scheme, safe_url, web_host};

/// The namespace of HTML elements (`namespaceURI` of every element an HTML parser makes).
pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// What the walk does with an element found in an entry's HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Build a fresh element with this (lowercase) name and copy the allowed attributes.
    Keep(&'static str),
    /// Drop the element but keep its children (layout elements such as `div`).
    Unwrap,
    /// Drop the element and everything inside it.
    Drop,
}

/// The whole rich-summary policy, in the manner of ammonia's `Builder`: one value, read by the one walk
/// ([`Policy::sanitize`]) that both the browser and the fuzzer run.
///
/// # Defaults
///
/// [`POLICY`] is the policy feedlet ships:
/// - `elements`: `p br b strong i em u s code pre blockquote ul ol li a img h3 h4 h5 h6 figure figcaption span`;
/// - `renamed`: `h1` and `h2` become `h3`, so an entry never outranks the widget's own `h2` heading;
/// - `clean_content`: `script style template noscript iframe object embed svg math form input select textarea…`
///   are dropped with everything inside them; every other HTML element is unwrapped (dropped, its children
///   kept), and an element outside the HTML namespace is dropped with its content;
/// - `attributes`: `a`: `href`; `img`: `src alt width height`; nothing else is ever copied
///   (no `style`, `class`, `id`, `name`, `on*`, `srcset`…);
/// - `url_attributes` `href` and `src` are resolved against the entry's base by `safe_url` and must then be
///   absolute with one of `url_schemes` (`http`, `https`): a relative reference with no absolute base to
///   resolve against is refused, since the browser would resolve it against the host page (a same-origin
///   request with the visitor's cookies). A refused `href` leaves the link's text, a refused `src` drops the
///   image ([`Policy::url`]; the list's titles, thumbnails and template fields pass the same check);
/// - `link_rel`: `noopener noreferrer nofollow ugc` on every kept link (plus `target="_blank"` when links
///   open in a new tab);
/// - `image_attributes`: `loading="lazy" decoding="async" referrerpolicy="no-referrer"` on every image, with
///   `alt=""` when the entry gave none; an image whose `width` or `height` is not a small number loses it,
///   and a tracking pixel is dropped; with `image="false"` every image is dropped, so nothing is requested;
/// - `max_nodes` 2000 and `max_depth` 32 bound the work one hostile summary can cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The elements kept (lowercase local names in the HTML namespace).
    pub elements: &'static [&'static str],
    /// Elements kept under another name: (found, kept).
    pub renamed: &'static [(&'static str, &'static str)],
    /// Elements dropped together with their content.
    pub clean_content: &'static [&'static str],
    /// The attributes copied from the entry, per kept element.
    pub attributes: &'static [(&'static str, &'static [&'static str])],
    /// The attributes that hold a URL, checked by `safe_url` and `url_schemes`.
    pub url_attributes: &'static [&'static str],
    /// The schemes an absolute URL may have.
    pub url_schemes: &'static [&'static str],
    /// The `rel` of every kept link.
    pub link_rel: &'static str,
    /// Attributes set on every image (the list's thumbnails too).
    pub image_attributes: &'static [(&'static str, &'static str)],
    /// The most nodes one summary may visit.
    pub max_nodes: usize,
    /// The deepest nesting the walk descends into.
    pub max_depth: usize,
}

/// The policy feedlet ships; see [`Policy`] under `# Defaults`.
pub const POLICY: Policy = Policy {
    elements: &[
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
    ],
    renamed: &[("h1", "h3"), ("h2", "h3")],
    clean_content: &[
        "script",
        "style",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "option",
        "video",
        "audio",
        "source",
        "track",
        "canvas",
        "map",
        "area",
        "portal",
        "xmp",
        "plaintext",
        "listing",
        "dialog",
        "slot",
    ],
    attributes: &[
        ("a", &["href"]),
        ("img", &["src", "alt", "width", "height"]),
    ],
    url_attributes: &["href", "src"],
    url_schemes: &["http", "https"],
    link_rel: "noopener noreferrer nofollow ugc",
    image_attributes: &[
        ("loading", "lazy"),
        ("decoding", "async"),
        ("referrerpolicy", "no-referrer"),
    ],
    max_nodes: 2000,
    max_depth: 32,
};

impl Policy {
    /// Decides what happens to an HTML-namespace element, by its local name in any case.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::{Action, POLICY};
    /// assert_eq!(POLICY.action("STRONG"), Action::Keep("strong"));
    /// assert_eq!(POLICY.action("h1"), Action::Keep("h3"));
    /// assert_eq!(POLICY.action("script"), Action::Drop);
    /// assert_eq!(POLICY.action("div"), Action::Unwrap);
    /// ```
    pub fn action(&self, local_name: &str) -> Action {
        let is = |name: &str| name.eq_ignore_ascii_case(local_name);
        if let Some(kept) = self.elements.iter().find(|name| is(name)) {
            return Action::Keep(kept);
        }
        if let Some((_, kept)) = self.renamed.iter().find(|(from, _)| is(from)) {
            return Action::Keep(kept);
        }
        if self.clean_content.iter().any(|name| is(name)) {
            return Action::Drop;
        }
        Action::Unwrap
    }

    /// Decides what happens to any element: one outside the HTML namespace (an `<svg><a>`, an XHTML
    /// element with a foreign `xmlns`) keeps nothing of itself or its content.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::{Action, HTML_NAMESPACE, POLICY};
    /// assert_eq!(POLICY.element_action(Some(HTML_NAMESPACE), "a"), Action::Keep("a"));
    /// assert_eq!(POLICY.element_action(Some("http://www.w3.org/2000/svg"), "a"), Action::Drop);
    /// assert_eq!(POLICY.element_action(None, "p"), Action::Drop);
    /// ```
    pub fn element_action(&self, namespace: Option<&str>, local_name: &str) -> Action {
        if namespace == Some(HTML_NAMESPACE) {
            self.action(local_name)
        } else {
            Action::Drop
        }
    }

    /// The attributes copied for a kept element, in the order they are read.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::POLICY;
    /// assert_eq!(POLICY.attributes_of("img"), &["src", "alt", "width", "height"]);
    /// assert!(POLICY.attributes_of("p").is_empty());
    /// ```
    pub fn attributes_of(&self, element: &str) -> &'static [&'static str] {
        self.attributes
            .iter()
            .find(|(name, _)| *name == element)
            .map_or(&[], |(_, attributes)| attributes)
    }

    /// True when a URL `safe_url` returned uses one of `url_schemes` and names its host (`scheme://host`).
    /// Anything relative is refused, since the host page would resolve it: `/a`, and `https:/a` too, which
    /// a browser reads as relative to a page of the same scheme.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::POLICY;
    /// assert!(POLICY.allows_url("https://example.com/"));
    /// assert!(!POLICY.allows_url("/relative"));
    /// assert!(!POLICY.allows_url("https:/logout"));
    /// assert!(!POLICY.allows_url("mailto:a@b.c"));
    /// ```
    pub fn allows_url(&self, url: &str) -> bool {
        let Some((scheme, rest)) = url.split_once(':') else {
            return false;
        };
        has_scheme(url)
            && self
                .url_schemes
                .iter()
                .any(|allowed| allowed.eq_ignore_ascii_case(scheme))
            && rest.starts_with("//")
            && web_host(url).is_some()
    }

    /// The URL written into an `href` or `src`: `raw` cleaned and resolved against `base` by `safe_url`,
    /// kept only when [`allows_url`](Policy::allows_url) does. Every link and image the renderers write
    /// passes here: titles, thumbnails, template fields and rich summaries.
    ///
    /// # Examples
    /// ```
    /// use feedlet::sanitize::POLICY;
    /// assert_eq!(POLICY.url(Some("https://blog.example/a/"), "b.png").as_deref(), Some("https://blog.example/a/b.png"));
    /// assert_eq!(POLICY.url(None, "/logout"), None);
    /// assert_eq!(POLICY.url(Some("javascript:x"), "/logout"), None);
    /// assert_eq!(POLICY.url(None, "//cdn.example/a.png").as_deref(), Some("https://cdn.example/a.png"));
    /// ```
    pub fn url(&self, base: Option<&str>, raw: &str) -> Option<String> {
        safe_url(base, raw).filter(|url| self.allows_url(url))
    }
}
