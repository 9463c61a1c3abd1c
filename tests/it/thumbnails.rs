//! The entry thumbnail: each source in priority order, resolved, with its size when known,
//! and tracking pixels skipped.

use crate::{parse_fixture, parse_str};

fn image_of(entry: &feedlet::Entry<'_>) -> Option<(String, Option<u32>, Option<u32>)> {
    feedlet::thumbnail(entry).map(|i| (i.url, i.width, i.height))
}

fn url(s: &str) -> Option<(String, Option<u32>, Option<u32>)> {
    Some((s.to_owned(), None, None))
}

fn sized(s: &str, w: u32, h: u32) -> Option<(String, Option<u32>, Option<u32>)> {
    Some((s.to_owned(), Some(w), Some(h)))
}

#[test]
fn each_source_in_priority_order() {
    let feed = parse_fixture("thumbnails.xml");
    let images: Vec<_> = feed.entries.iter().map(image_of).collect();
    assert_eq!(
        images,
        [
            sized("https://thumbs.example.com/1/thumb.jpg", 320, 180),
            sized("https://thumbs.example.com/2/large.png", 1200, 800),
            sized("https://thumbs.example.com/3/b.jpg", 800, 600),
            url("https://thumbs.example.com/4/cover.webp"),
            url("https://velog.velcdn.example.com/images/dev/post/1a2b/image.PNG?w=640"),
            url("https://thumbs.example.com/6/itunes.png"),
            sized("https://thumbs.example.com/7/inline.jpg", 640, 360),
            url("https://cdn-images-1.medium.example.com/max/1024/cover.jpeg"),
            None,
        ]
    );
}

#[test]
fn json_image_then_banner_image() {
    let feed = parse_fixture("jsonfeed11.json");
    assert_eq!(
        image_of(&feed.entries[0]),
        url("https://multi.example.org/images/cover.png")
    );
    assert_eq!(
        image_of(&feed.entries[1]),
        url("https://multi.example.org/images/banner-2.png")
    );
    assert_eq!(image_of(&feed.entries[2]), None);
    // content_html's first <img>, resolved against the item URL.
    let v10 = parse_fixture("jsonfeed10.json");
    assert_eq!(
        image_of(&v10.entries[0]),
        sized("https://micro.example.com/img/hello.jpg", 640, 480)
    );
}

#[test]
fn an_img_in_content_resolves_against_the_content_base() {
    let feed = parse_fixture("jekyll-quot.xml");
    assert_eq!(
        image_of(&feed.entries[0]),
        url("https://jekyll.example.io/assets/img/cover.png")
    );
    let feed = parse_fixture("xml-base.xml");
    // media:thumbnail comes before the content's <img>.
    assert_eq!(
        image_of(&feed.entries[0]),
        url("https://base.example.org/blog/img/thumb.jpg")
    );
}

#[test]
fn tracking_pixels_are_skipped() {
    let feed = parse_str(
        r#"<rss><channel><item><link>https://p.example/1</link><description><![CDATA[
            <img src="https://p.example/a.gif" width="1" height="1">
            <img src="https://p.example/b.gif" height="2">
            <img src="https://medium.com/_/stat?event=post.clientViewed">
            <img src="https://feeds.feedburner.com/~r/x/~4/abc">
            <img src="data:image/gif;base64,R0lGOD">
            <img src="https://p.example/real.jpg" width="3" height="3">
        ]]></description></item></channel></rss>"#,
    );
    assert_eq!(
        image_of(&feed.entries[0]),
        sized("https://p.example/real.jpg", 3, 3)
    );
}

#[test]
fn plain_text_never_yields_an_image() {
    let feed = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><summary type="text">Write &lt;img src="https://t.example/a.png"&gt; to embed</summary></entry></feed>"#,
    );
    assert_eq!(image_of(&feed.entries[0]), None);
    // The JSON model reads back to the same thumbnail.
    let json = serde_json::to_string(&feed).unwrap();
    let back: feedlet::Feed<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}
