//! `narrow`: what the widget's Worker hands the page. Every fixture that is a feed, alone and merged, under a grid
//! of options: its narrowed feeds, serialized (the shape `selectFeeds` posts), read back and rendered with
//! `offset` 0, must be the list the feeds themselves render.

use std::convert::Infallible;

use feedlet::sanitize::{Node, NodeTree, TreeSink};
use feedlet::{narrow, render_into, Feed, Layout, Markup, Options, Sink, Sort, SummaryMode};

use crate::{fixture_bytes, fixture_options, fixtures_dir, parse_bytes};

/// The feeds that the fixtures parse to, by name.
fn fixture_feeds() -> Vec<(String, Feed<'static>)> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains(".expect.") && !n.ends_with(".options.json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let feed = parse_bytes(&fixture_bytes(&name), &fixture_options(&name)).ok()?;
            Some((name, feed))
        })
        .collect()
}

/// The option sets: every layout, both summary modes, offsets, a small limit, the feeds' order, a category
/// filter taken from the feeds themselves, and images off.
fn option_grid(feeds: &[Feed<'_>]) -> Vec<Options> {
    let category = feeds
        .iter()
        .flat_map(|f| &f.entries)
        .flat_map(|e| &e.categories)
        .next()
        .map(|c| c.to_string());
    let mut grid = Vec::new();
    for layout in [Layout::List, Layout::Cards, Layout::Compact] {
        for summary_mode in [SummaryMode::Text, SummaryMode::Html] {
            for (offset, limit) in [(0, 10), (1, 2), (3, 50)] {
                grid.push(Options {
                    layout,
                    summary_mode,
                    offset,
                    limit,
                    ..Options::default()
                });
            }
        }
    }
    grid.push(Options {
        sort: Sort::Feed,
        offset: 1,
        ..Options::default()
    });
    grid.push(Options {
        image: false,
        layout: Layout::Cards,
        ..Options::default()
    });
    grid.push(Options {
        summary: false,
        author: true,
        categories: true,
        ..Options::default()
    });
    if let Some(category) = category {
        grid.push(Options {
            category: vec![category.clone()],
            ..Options::default()
        });
        grid.push(Options {
            exclude_category: vec![category],
            offset: 1,
            ..Options::default()
        });
    }
    grid
}

/// A feed through its serialized shape and back, as the page reads what the Worker posts.
fn round_trip(feed: &Feed<'_>) -> Feed<'static> {
    let json = serde_json::to_string(feed).unwrap();
    let mut back: Feed<'static> = serde_json::from_str::<Feed<'_>>(&json)
        .unwrap()
        .into_owned();
    back.entries
        .iter_mut()
        .for_each(feedlet::Entry::settle_dates);
    back
}

/// A recording sink that can "parse" rich summaries: each body becomes a paragraph naming its markup and holding
/// its text, and a link to a relative URL, so that the recording shows which body a rich summary came from and the
/// base it resolved against.
#[derive(Default)]
struct Parsing(TreeSink);

impl Sink for Parsing {
    type Error = Infallible;
    type Tree = NodeTree<'static>;
    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), Infallible> {
        self.0.open(tag, class, part)
    }
    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), Infallible> {
        self.0.attribute(name, value)
    }
    fn text(&mut self, text: &str) -> Result<(), Infallible> {
        self.0.text(text)
    }
    fn date(&mut self, timestamp: i64) -> Result<(), Infallible> {
        self.0.date(timestamp)
    }
    fn close(&mut self) -> Result<(), Infallible> {
        self.0.close()
    }
    fn refused(&mut self) {
        self.0.refused();
    }
    #[allow(clippy::type_complexity)]
    fn parse(
        &mut self,
        body: &str,
        markup: Markup,
    ) -> Result<Option<(NodeTree<'static>, (&'static [Node], usize))>, Infallible> {
        let said = format!("{markup:?}: {body}");
        let root = Node::html(
            "div",
            &[],
            vec![
                Node::html("p", &[], vec![Node::Text(said)]),
                Node::html("a", &[("href", "relative/x")], vec![Node::Text("x".into())]),
            ],
        );
        let nodes: &'static [Node] = Box::leak(vec![root].into_boxed_slice());
        Ok(Some((NodeTree::new(nodes), (nodes, 0))))
    }
}

/// The list as nodes, rich summaries included, and the count of refused URLs.
fn render_nodes(feeds: &[Feed<'_>], options: &Options) -> (Vec<Node>, usize) {
    let mut sink = Parsing::default();
    let Ok(_) = render_into(&mut sink, feeds, options);
    let refused = sink.0.refused_urls();
    (sink.0.finish(), refused)
}

/// The list `feeds` render with `options`, and the list their narrowed copies render; equal, or the case named.
fn check(label: &str, feeds: &[Feed<'_>], options: &Options) -> usize {
    let whole = render_nodes(feeds, options);
    let narrowed: Vec<Feed<'static>> = narrow(feeds.to_vec(), options)
        .iter()
        .map(round_trip)
        .collect();
    assert_eq!(
        narrowed.len(),
        feeds.len(),
        "{label}: one narrowed feed per feed"
    );
    let shown: usize = narrowed.iter().map(|f| f.entries.len()).sum();
    assert!(
        shown <= options.limit,
        "{label}: {shown} entries kept for a limit of {}",
        options.limit
    );
    let rendered = render_nodes(
        &narrowed,
        &Options {
            offset: 0,
            ..options.clone()
        },
    );
    assert_eq!(rendered, whole, "{label} with {options:?}");
    shown
}

#[test]
fn every_fixture_alone_renders_the_same_from_its_narrowed_copy() {
    let feeds = fixture_feeds();
    assert!(feeds.len() > 50, "only {} fixtures parsed", feeds.len());
    let mut kept = 0;
    for (name, feed) in &feeds {
        let one = std::slice::from_ref(feed);
        for options in option_grid(one) {
            kept += check(name, one, &options);
        }
    }
    assert!(kept > 1000, "the grid kept only {kept} entries in all");
}

#[test]
fn merged_fixtures_render_the_same_from_their_narrowed_copies() {
    let feeds = fixture_feeds();
    for pair in feeds.windows(2) {
        let [(a, fa), (b, fb)] = pair else { continue };
        let merged = [fa.clone(), fb.clone()];
        for options in option_grid(&merged) {
            check(&format!("{a} + {b}"), &merged, &options);
        }
    }
}

#[test]
fn copies_across_feeds_keep_the_same_winner() {
    // The same posts in two feeds: one at the links' own host, one elsewhere, listed first, with other dates.
    let home = br#"<rss><channel><link>https://blog.example/</link>
        <item><title>Home A</title><link>https://blog.example/a</link><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item>
        <item><title>Home B</title><link>https://blog.example/b</link><pubDate>Tue, 03 Mar 2026 00:00:00 GMT</pubDate></item>
        <item><title>Home C</title><link>https://blog.example/c</link><pubDate>Wed, 04 Mar 2026 00:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let mirror = br#"<rss><channel><link>https://mirror.example/</link>
        <item><title>Mirror C</title><link>https://blog.example/c</link><pubDate>Sat, 07 Mar 2026 00:00:00 GMT</pubDate></item>
        <item><title>Mirror B</title><link>https://blog.example/b</link><pubDate>Fri, 06 Mar 2026 00:00:00 GMT</pubDate></item>
        <item><title>Own</title><link>https://mirror.example/own</link><pubDate>Thu, 05 Mar 2026 00:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let feeds = [
        parse_bytes(mirror, &Default::default()).unwrap(),
        parse_bytes(home, &Default::default()).unwrap(),
    ];
    for offset in 0..4 {
        for limit in 1..5 {
            let options = Options {
                offset,
                limit,
                ..Options::default()
            };
            check("mirror + home", &feeds, &options);
        }
    }
    let narrowed = narrow(feeds.to_vec(), &Options::default());
    let titles: Vec<_> = narrowed[1]
        .entries
        .iter()
        .filter_map(|e| e.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        ["Home C", "Home B", "Home A"],
        "the home copies win"
    );
}
