//! The selection step, the list description and its HTML sink: sort, filter, limit, excerpt, escaping of every
//! text and attribute, and the rich-summary walk over a native tree. Layout variants are snapshots
//! (`<stem>.<variant>.expect.html`).

use feedlet::sanitize::{sanitize_tree, Node, TreeSink, HTML_NAMESPACE, POLICY};
use feedlet::{Feed, Format, Image, Layout, LinkTarget, Options, Sort};

use crate::{check_render, parse_fixture, parse_str};

fn options() -> Options {
    Options::default()
}

#[test]
fn layout_variants() {
    check_render(
        "thumbnails.xml",
        Some("cards"),
        &Options {
            layout: Layout::Cards,
            limit: 20,
            ..options()
        },
    );
    check_render(
        "authors-rss.xml",
        Some("meta"),
        &Options {
            author: true,
            categories: true,
            ..options()
        },
    );
    check_render(
        "categories-rss.xml",
        Some("meta"),
        &Options {
            author: true,
            categories: true,
            date: false,
            ..options()
        },
    );
    check_render(
        "rss20-japanese.xml",
        Some("compact"),
        &Options {
            layout: Layout::Compact,
            author: true,
            ..options()
        },
    );
    check_render(
        "jekyll-quot.xml",
        Some("new-tab"),
        &Options {
            target: LinkTarget::NewTab,
            heading: Some("Recent <posts> & \"notes\"".to_owned()),
            date_style: feedlet::DateStyle::Long,
            summary_length: 20,
            ..options()
        },
    );
}

fn titles(html: &str) -> Vec<String> {
    html.split("part=\"title\"")
        .skip(1)
        .filter_map(|part| part.split_once('>')?.1.split('<').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn newest_first_undated_last_then_limit_and_offset() {
    let feed = parse_str(
        "<rss><channel>\
         <item><title>undated</title></item>\
         <item><title>old</title><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item>\
         <item><title>garbled date</title><pubDate>soon</pubDate></item>\
         <item><title>new</title><pubDate>Wed, 04 Mar 2026 00:00:00 GMT</pubDate></item>\
         <item><title>middle</title><pubDate>2026-03-03</pubDate></item>\
         </channel></rss>",
    );
    let feeds = std::slice::from_ref(&feed);
    let posts = feedlet::select(
        feeds,
        &Options {
            limit: 10,
            summary: false,
            ..options()
        },
    );
    let order: Vec<&str> = posts
        .iter()
        .map(|p| p.entry.title.as_deref().unwrap())
        .collect();
    assert_eq!(order, ["new", "middle", "old", "undated", "garbled date"]);
    let posts = feedlet::select(
        feeds,
        &Options {
            limit: 2,
            offset: 1,
            ..options()
        },
    );
    let order: Vec<&str> = posts
        .iter()
        .map(|p| p.entry.title.as_deref().unwrap())
        .collect();
    assert_eq!(order, ["middle", "old"]);
    let posts = feedlet::select(
        feeds,
        &Options {
            sort: Sort::Feed,
            limit: 2,
            ..options()
        },
    );
    let order: Vec<&str> = posts
        .iter()
        .map(|p| p.entry.title.as_deref().unwrap())
        .collect();
    assert_eq!(order, ["undated", "old"]);
    let html = feedlet::render_html(
        feeds,
        &Options {
            limit: 3,
            ..options()
        },
    );
    assert_eq!(titles(&html), ["new", "middle", "old"]);
    assert!(html.contains(r#"<time class="feedlet__date" part="date" datetime="2026-03-04T00:00:00Z" dir="auto">Mar 4, 2026</time>"#), "{html}");
}

#[test]
fn category_filters_are_case_insensitive() {
    let feed = parse_str(
        "<rss><channel>\
         <item><title>a</title><category>Rust</category></item>\
         <item><title>b</title><category>개발</category><category>rust</category></item>\
         <item><title>c</title><category>Life</category></item>\
         </channel></rss>",
    );
    let feeds = std::slice::from_ref(&feed);
    let pick = |options: Options| -> Vec<String> {
        feedlet::select(feeds, &options)
            .iter()
            .map(|p| p.entry.title.as_deref().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        pick(Options {
            category: vec!["RUST".into()],
            ..options()
        }),
        ["a", "b"]
    );
    assert_eq!(
        pick(Options {
            exclude_category: vec![" rust ".into()],
            ..options()
        }),
        ["c"]
    );
    assert_eq!(
        pick(Options {
            category: vec!["개발".into(), "life".into()],
            ..options()
        }),
        ["b", "c"]
    );
}

#[test]
fn several_feeds_merge_without_duplicates() {
    let a = parse_fixture("rss20-japanese.xml");
    let b = parse_fixture("rss20-japanese.xml");
    let c = parse_fixture("atom10-korean.xml");
    let feeds = [a, b, c];
    let posts = feedlet::select(
        &feeds,
        &Options {
            limit: 10,
            ..options()
        },
    );
    assert_eq!(
        posts.len(),
        4,
        "the second copy of the same feed adds nothing"
    );
    let sources: Vec<usize> = posts.iter().map(|p| p.feed).collect();
    assert_eq!(sources, [0, 2, 0, 2]);
    let html = feedlet::render_html(
        &feeds,
        &Options {
            limit: 10,
            ..options()
        },
    );
    assert!(
        html.starts_with(r#"<section class="feedlet feedlet--list" lang="ja">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<li class="feedlet__item" part="item" lang="ko">"#),
        "other feeds' languages are marked"
    );
}

#[test]
fn one_feed_cannot_hide_another_feeds_posts() {
    // The victim's posts, on its own host.
    let victim = parse_str(
        r#"<rss><channel><link>https://victim.example/</link>
           <item><guid>post-1</guid><title>Real one</title><link>https://victim.example/1</link></item>
           <item><guid>post-2</guid><title>Real two</title><link>https://victim.example/2</link></item>
           </channel></rss>"#,
    );
    // Listed first, a hostile feed reuses the victim's ids, and copies one of its links under another title.
    let hostile = parse_str(
        r#"<rss><channel><link>https://hostile.example/</link>
           <item><guid>post-1</guid><title>Fake one</title><link>https://hostile.example/a</link></item>
           <item><guid>post-9</guid><title>Fake two</title><link>https://victim.example/2</link></item>
           <item><guid>post-9</guid><title>Same id twice in one feed</title><link>https://hostile.example/b</link></item>
           </channel></rss>"#,
    );
    let feeds = [hostile, victim];
    let titles: Vec<String> = feedlet::select(
        &feeds,
        &Options {
            limit: 10,
            sort: Sort::Feed,
            ..options()
        },
    )
    .iter()
    .map(|p| p.entry.title.as_deref().unwrap_or("").to_owned())
    .collect();
    // Ids count within one feed only: the hostile "post-1" does not replace the victim's.
    // The shared link belongs to the victim's host, so the victim's copy wins; the repeated id within the
    // hostile feed is one post.
    assert_eq!(titles, ["Fake one", "Real one", "Real two"]);
}

#[test]
fn every_text_and_attribute_is_escaped() {
    let feed = parse_str(
        r#"<rss><channel><language>en" onload="x</language><item>
           <title>&lt;script&gt;alert("t")&lt;/script&gt; &amp;lt;b&amp;gt;</title>
           <link>https://e.example/?a=1&amp;b="2"&amp;c='3'&lt;</link>
           <description>&lt;img src=x onerror=alert(1)&gt;5 &lt; 6 &amp;amp; 7 &gt; 4</description>
           <category>x&quot;&gt;&lt;/span&gt;y</category>
           <author>"quoted" &lt;a@b.example&gt;</author>
           <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="https://e.example/i.jpg?x=&quot;&gt;&lt;script&gt;"/>
           </item></channel></rss>"#,
    );
    let html = feedlet::render_html(
        std::slice::from_ref(&feed),
        &Options {
            layout: Layout::Cards,
            author: true,
            categories: true,
            ..options()
        },
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(!html.contains("\" onload"), "{html}");
    assert!(html.contains(r#"lang="en&quot; onload=&quot;x""#), "{html}");
    assert!(
        html.contains(
            r#"<span class="feedlet__categories" part="categories" dir="auto">x"&gt;y</span>"#
        ),
        "{html}"
    );
    assert!(html.contains("5 &lt; 6 &amp; 7 &gt; 4"), "{html}");
    assert!(
        html.contains(r#"src="https://e.example/i.jpg?x=&quot;&gt;&lt;script&gt;""#),
        "{html}"
    );
    // Every attribute value is quoted and closed.
    for tag in html.split('<').skip(1) {
        let quotes = tag.split('>').next().unwrap().matches('"').count();
        assert_eq!(quotes % 2, 0, "unbalanced quotes in <{tag}");
    }
}

#[test]
fn unsafe_links_never_render() {
    let feed = parse_str(
        r#"<rss><channel><item><title>js</title><link>javascript:alert(1)</link></item>
           <item><title>data</title><link>data:text/html;base64,PHNjcmlwdD4=</link><description><![CDATA[<img src="javascript:alert(1)">]]></description></item></channel></rss>"#,
    );
    let html = feedlet::render_html(
        std::slice::from_ref(&feed),
        &Options {
            layout: Layout::Cards,
            ..options()
        },
    );
    assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
    assert!(!html.contains("data:"), "{html}");
    assert!(
        html.contains(r#"<span class="feedlet__title" part="title" dir="auto">js</span>"#),
        "{html}"
    );
}

#[test]
fn the_empty_list() {
    let feed = parse_str("<rss><channel><title>none</title></channel></rss>");
    let html = feedlet::render_html(
        std::slice::from_ref(&feed),
        &Options {
            empty_text: "없음 <none>".into(),
            ..options()
        },
    );
    assert_eq!(
        html,
        "<section class=\"feedlet feedlet--list\"><p class=\"feedlet__empty\" part=\"empty\">없음 &lt;none&gt;</p></section>\n"
    );
    assert_eq!(
        feedlet::render_html(&[], &options()),
        "<section class=\"feedlet feedlet--list\"><p class=\"feedlet__empty\" part=\"empty\">No posts yet.</p></section>\n"
    );
}

#[test]
fn summaries_are_cut_by_graphemes() {
    let feed = parse_str("<rss><channel><item><title>t</title><description>한국어 👨‍👩‍👧‍👦 가족 이모지가 섞인 긴 요약입니다</description></item></channel></rss>");
    let posts = feedlet::select(
        std::slice::from_ref(&feed),
        &Options {
            summary_length: 6,
            ..options()
        },
    );
    let summary = posts[0].summary.as_deref().unwrap();
    assert!(summary.ends_with('…'), "{summary}");
    assert!(feedlet::grapheme_count(summary) <= 7, "{summary}");
    assert!(!summary.contains('\u{FFFD}'));
}

/// The description decides, not the sink: a thumbnail whose URL is refused adds nothing (the DOM renderer
/// used to add an `<img>` without `src`), a refused link leaves a `<span>` title, and both are counted.
#[test]
fn refused_urls_add_no_element_and_are_counted() {
    let mut feed = Feed::new(Format::Atom);
    let mut entry = parse_str("<rss><channel><item><title>t</title></item></channel></rss>")
        .entries
        .remove(0);
    entry.link = Some("javascript:alert(1)".into());
    entry.image = Some(Image {
        url: "javascript:alert(2)".into(),
        width: Some(10),
        height: Some(10),
    });
    feed.entries.push(entry);
    let options = Options {
        layout: Layout::Cards,
        ..options()
    };
    let mut sink = TreeSink::default();
    let Ok(count) = feedlet::render_into(&mut sink, std::slice::from_ref(&feed), &options);
    assert_eq!((count, sink.refused_urls()), (1, 2));
    let html = feedlet::render_html(std::slice::from_ref(&feed), &options);
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains(r#"<span class="feedlet__title" part="title" dir="auto">t</span>"#),
        "{html}"
    );
}

/// `lang` is the feed's language trimmed, and absent when blank, in every sink.
#[test]
fn lang_is_trimmed_and_blank_is_none() {
    let mut spaced = parse_str("<rss><channel><item><title>a</title></item></channel></rss>");
    spaced.language = Some("  ko \t".into());
    let mut blank = parse_str("<rss><channel><item><title>b</title></item></channel></rss>");
    blank.language = Some(" ".into());
    let mut english = parse_str("<rss><channel><item><title>c</title></item></channel></rss>");
    english.language = Some(" en".into());
    let html = feedlet::render_html(&[spaced, blank, english], &options());
    assert!(
        html.starts_with(r#"<section class="feedlet feedlet--list" lang="ko">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<li class="feedlet__item" part="item" lang="en">"#),
        "{html}"
    );
    assert_eq!(html.matches("lang=").count(), 2, "{html}");
}

fn text(value: &str) -> Node {
    Node::Text(value.to_owned())
}

/// The one walk over a native tree: what the fuzzer runs, and what the browser runs over its inert document.
#[test]
fn the_walk_applies_the_policy() {
    let svg = Node::Element {
        name: "a".into(),
        namespace: Some("http://www.w3.org/2000/svg".into()),
        attributes: vec![("href".into(), "https://example.com/".into())],
        children: vec![text("svg text")],
    };
    let near_miss = Node::Element {
        name: "p".into(),
        namespace: Some(HTML_NAMESPACE.to_ascii_uppercase()),
        attributes: vec![],
        children: vec![text("not HTML")],
    };
    let input = vec![
        svg,
        near_miss,
        Node::html("h1", &[("id", "x")], vec![text("title")]),
        Node::html(
            "form",
            &[("name", "body")],
            vec![
                Node::html("input", &[("name", "namespaceURI")], vec![]),
                Node::html("p", &[], vec![text("in the form")]),
            ],
        ),
        Node::html(
            "div",
            &[("class", "wrapper")],
            vec![
                Node::html(
                    "A",
                    &[("HREF", "post"), ("onclick", "x()"), ("name", "localName")],
                    vec![text("link")],
                ),
                Node::html(
                    "img",
                    &[("src", "/a.png"), ("width", "640px"), ("height", "auto")],
                    vec![],
                ),
                Node::html("img", &[("src", "https://e.com/pixel.gif")], vec![]),
                Node::html("img", &[("src", "mailto:a@b.c"), ("alt", "gone")], vec![]),
                Node::html(
                    "a",
                    &[("href", "javascript:alert(1)")],
                    vec![text("no href")],
                ),
            ],
        ),
    ];
    let out = sanitize_tree(&input, Some("https://blog.example/posts/feed.xml"));
    let rel = POLICY.link_rel;
    assert_eq!(
        out,
        vec![
            Node::html("h3", &[], vec![text("title")]),
            Node::html(
                "a",
                &[("href", "https://blog.example/posts/post"), ("rel", rel)],
                vec![text("link")]
            ),
            Node::html(
                "img",
                &[
                    ("src", "https://blog.example/a.png"),
                    ("alt", ""),
                    ("width", "640"),
                    ("loading", "lazy"),
                    ("decoding", "async"),
                    ("referrerpolicy", "no-referrer"),
                ],
                vec![]
            ),
            Node::html("a", &[], vec![text("no href")]),
        ]
    );
}

/// Issue 10, item 1: with no absolute base, a relative reference would resolve against the host page (a
/// same-origin request with the visitor's cookies, `img-src 'self'` satisfied), so every renderer drops it:
/// the title link, the thumbnail and the rich summary's links and images. `https:/x` counts as relative,
/// since a browser resolves it against an https page.
#[test]
fn relative_urls_without_an_absolute_base_are_dropped() {
    let feed = parse_str(
        r#"<rss><channel>
           <item><title>rel</title><link>/logout</link><description><![CDATA[<img src="/logout" width="300" height="200"> text]]></description></item>
           <item><title>scheme-relative</title><link>https:/logout</link><description><![CDATA[<img src="http:logout" width="300" height="200">]]></description></item>
           <item><title>abs</title><link>https://blog.example/post</link><description><![CDATA[<img src="/a.png" width="300" height="200">]]></description></item>
           </channel></rss>"#,
    );
    let options = Options {
        layout: Layout::Cards,
        sort: Sort::Feed,
        ..options()
    };
    let mut sink = TreeSink::default();
    let Ok(count) = feedlet::render_into(&mut sink, std::slice::from_ref(&feed), &options);
    // Two refused links; the relative thumbnails with no absolute base are not even derived (select drops them);
    // the third item's image resolves against its link.
    assert_eq!((count, sink.refused_urls()), (3, 2));
    assert!(feed
        .entries
        .iter()
        .take(2)
        .all(|e| feedlet::thumbnail(e).is_none()));
    let html = feedlet::render_html(std::slice::from_ref(&feed), &options);
    assert!(!html.contains("logout"), "{html}");
    assert!(
        html.contains(r#"<span class="feedlet__title" part="title" dir="auto">rel</span>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"src="https://blog.example/a.png""#),
        "{html}"
    );
    assert_eq!(html.matches("<img").count(), 1, "{html}");

    // The walk: no base (or a base that is not a web URL) leaves no relative href or src.
    let nodes = vec![
        Node::html("a", &[("href", "/logout")], vec![text("link")]),
        Node::html("a", &[("href", "#top")], vec![text("anchor")]),
        Node::html("img", &[("src", "/logout")], vec![]),
        Node::html("img", &[("src", "https:/logout")], vec![]),
        Node::html("a", &[("href", "//cdn.example/x")], vec![text("abs")]),
    ];
    let expected = vec![
        Node::html("a", &[], vec![text("link")]),
        Node::html("a", &[], vec![text("anchor")]),
        Node::html(
            "a",
            &[("href", "https://cdn.example/x"), ("rel", POLICY.link_rel)],
            vec![text("abs")],
        ),
    ];
    for base in [
        None,
        Some("javascript:x"),
        Some("/relative/"),
        Some("https:x"),
    ] {
        assert_eq!(sanitize_tree(&nodes, base), expected, "base {base:?}");
    }
}

/// Issue 10, item 9: `image="false"` means no image request, so the walk writes no `<img>` at all (the
/// thumbnail is never chosen: `select` leaves `Post::image` empty).
#[test]
fn no_image_is_written_when_images_are_off() {
    let nodes = vec![Node::html(
        "p",
        &[],
        vec![
            text("before"),
            Node::html("img", &[("src", "https://e.example/a.png")], vec![]),
            Node::html(
                "a",
                &[("href", "https://e.example/")],
                vec![Node::html(
                    "img",
                    &[("src", "https://e.example/b.png")],
                    vec![],
                )],
            ),
        ],
    )];
    let tree = feedlet::sanitize::NodeTree::new(&nodes);
    let mut sink = TreeSink::default();
    let off = Options {
        image: false,
        ..options()
    };
    let Ok(()) = POLICY.sanitize(&tree, tree.first(), &mut sink, None, &off);
    assert_eq!(
        sink.finish(),
        vec![Node::html(
            "p",
            &[],
            vec![
                text("before"),
                Node::html(
                    "a",
                    &[("href", "https://e.example/"), ("rel", POLICY.link_rel)],
                    vec![]
                ),
            ]
        )]
    );
    let feed = parse_str(
        r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>t</title><link>https://e.example/p</link>
           <media:thumbnail url="https://e.example/t.png"/><description><![CDATA[<img src="https://e.example/i.png">]]></description></item></channel></rss>"#,
    );
    let cards = Options {
        layout: Layout::Cards,
        image: false,
        ..options()
    };
    let html = feedlet::render_html(std::slice::from_ref(&feed), &cards);
    assert!(!html.contains("<img"), "{html}");
}

/// Issue 10, item 8: every text the list shows is its own bidi isolate (`dir="auto"` on its element), a
/// raw date that could not be read included, so U+202E in one field cannot reorder the next.
#[test]
fn every_text_field_is_a_bidi_isolate() {
    let feed = parse_str(
        "<rss><channel><item><title>\u{202e}evil\u{2066}</title><pubDate>\u{202e}not a date\u{2069}</pubDate>\
         <author>\u{202e}a@b.c (Ann)</author><category>\u{2067}x</category><description>\u{200f}s</description></item></channel></rss>",
    );
    let options = Options {
        author: true,
        categories: true,
        ..options()
    };
    let mut sink = TreeSink::default();
    let Ok(_) = feedlet::render_into(&mut sink, std::slice::from_ref(&feed), &options);
    let mut holders = Vec::new();
    fn visit<'n>(node: &'n Node, out: &mut Vec<&'n Node>) {
        if let Node::Element { children, .. } = node {
            if children.iter().any(|c| matches!(c, Node::Text(_))) {
                out.push(node);
            }
            for child in children {
                visit(child, out);
            }
        }
    }
    let nodes = sink.finish();
    for node in &nodes {
        visit(node, &mut holders);
    }
    let classes: Vec<String> = holders
        .iter()
        .map(|node| {
            let Node::Element { attributes, .. } = node else {
                unreachable!()
            };
            let get = |name: &str| {
                attributes
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            assert_eq!(get("dir"), Some("auto"), "{node:?}");
            get("class").unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(
        classes,
        [
            "feedlet__title",
            "feedlet__date",
            "feedlet__author",
            "feedlet__categories",
            "feedlet__summary"
        ]
    );
}
