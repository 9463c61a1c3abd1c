//! Media RSS: thumbnails (`media:thumbnail`, `media:content`, `media:group`), image enclosures and iTunes images, and `media:title`/`media:description` for entries without their own.

use std::borrow::Cow;

use super::names::{attr_of, Ns};
use super::reader::Tag;
use super::Parser;
use crate::model::{Image, LazyText, Markup};
use crate::text::dimension;

/// Thumbnail candidates in order of preference; the first filled one wins.
#[derive(Default)]
pub(super) struct Thumbnails<'a> {
    pub(super) media_thumbnail: Option<Image>,
    pub(super) media_content: Option<Image>,
    pub(super) enclosure: Option<Image>,
    pub(super) itunes: Option<Image>,
    /// `media:title` (in a `media:group` or on its own): the entry's title when it has none.
    pub(super) title: Option<Cow<'a, str>>,
    /// `media:description`: the entry's summary when it has none (YouTube's feeds have no other).
    pub(super) description: Option<LazyText<'a>>,
}

impl Thumbnails<'_> {
    /// The preferred thumbnail: Media RSS thumbnail, then media content, then an enclosure, then iTunes.
    pub(super) fn best(self) -> Option<Image> {
        if self.media_thumbnail.is_some() {
            self.media_thumbnail
        } else if self.media_content.is_some() {
            self.media_content
        } else if self.enclosure.is_some() {
            self.enclosure
        } else {
            self.itunes
        }
    }

    /// Keeps the largest image `media:content` (by area; the first on a tie).
    pub(super) fn offer_media_content(&mut self, image: Image) {
        let area = |i: &Image| u64::from(i.width.unwrap_or(0)) * u64::from(i.height.unwrap_or(0));
        match &self.media_content {
            Some(current) if area(current) >= area(&image) => {}
            _ => self.media_content = Some(image),
        }
    }
}

impl<'a> Parser<'a, '_> {
    /// `media:thumbnail`, `media:content` (which may hold its own thumbnails) and `media:group` (which holds both).
    pub(super) fn media(
        &mut self,
        e: &Tag<'a>,
        empty: bool,
        at: usize,
        thumbnails: &mut Thumbnails<'a>,
    ) {
        let (_, local) = self.namespace(e.name);
        if local == "title" || local == "description" {
            self.media_text(e, empty, at, local == "title", thumbnails);
            return;
        }
        let group = local == "group";
        if !group {
            let attrs = self.attributes(e);
            let url = attr_of(&attrs, "", "url").and_then(|u| self.url(u, None, at));
            if let Some(url) = url {
                let image = Image {
                    url,
                    width: attr_of(&attrs, "", "width").and_then(dimension),
                    height: attr_of(&attrs, "", "height").and_then(dimension),
                };
                if local == "thumbnail" {
                    if thumbnails.media_thumbnail.is_none() {
                        thumbnails.media_thumbnail = Some(image);
                    }
                } else {
                    let medium = attr_of(&attrs, "", "medium").unwrap_or("");
                    let mime = attr_of(&attrs, "", "type").unwrap_or("");
                    if medium.eq_ignore_ascii_case("image")
                        || starts_with_ignore_case(mime.trim(), "image/")
                    {
                        thumbnails.offer_media_content(image);
                    }
                }
            }
        }
        if empty {
            return;
        }
        if local == "thumbnail" {
            // A thumbnail holds nothing feedlet reads; skipping it keeps nested thumbnails from recursing.
            self.skip(e, empty, at);
            return;
        }
        self.enter(e);
        while let Some((inner, inner_empty, inner_at)) = self.next_child(e.name) {
            let (inner_ns, inner_local) = self.namespace(inner.name);
            let wanted = inner_local == "thumbnail"
                || (group && matches!(inner_local, "content" | "title" | "description"));
            if inner_ns == Ns::Media && wanted {
                self.media(&inner, inner_empty, inner_at, thumbnails);
            } else {
                self.skip(&inner, inner_empty, inner_at);
            }
        }
        self.leave();
    }

    /// `media:title` or `media:description`: plain text unless `type="html"`; the first of each is kept.
    fn media_text(
        &mut self,
        e: &Tag<'a>,
        empty: bool,
        at: usize,
        title: bool,
        thumbnails: &mut Thumbnails<'a>,
    ) {
        let attrs = self.attributes(e);
        let markup = if attr_of(&attrs, "", "type").is_some_and(|t| t.trim() == "html") {
            Markup::Html
        } else {
            Markup::Text
        };
        let raw = self.leaf(e, empty, at);
        if title {
            if thumbnails.title.is_none() {
                let text = self.text(raw, markup);
                if !text.is_empty() {
                    thumbnails.title = Some(text);
                }
            }
        } else if thumbnails.description.is_none() {
            thumbnails.description = self.body(raw, markup);
        }
    }
}

/// An image known only by its URL (an enclosure, an iTunes image).
pub(super) fn image(url: String) -> Image {
    Image {
        url,
        width: None,
        height: None,
    }
}

/// An image by MIME type, or, with no type, by the URL's extension (velog's enclosures have none).
/// The MIME type may be in any case (`image/JPEG`).
pub(super) fn is_image(mime: &str, url: &str) -> bool {
    if !mime.is_empty() {
        return starts_with_ignore_case(mime, "image/");
    }
    let end = url
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(url.len());
    let path = url.as_bytes().get(..end).unwrap_or_default();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
        .iter()
        .any(|ext| {
            path.len() >= ext.len()
                && path
                    .get(path.len() - ext.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(ext.as_bytes()))
        })
}

/// `starts_with`, ignoring ASCII case.
pub(super) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}
