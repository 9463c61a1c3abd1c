//! Thumbnails: Media RSS (`media:thumbnail`, `media:content`, `media:group`), image enclosures and iTunes images.

use super::names::{attr_of, Ns};
use super::reader::Tag;
use super::Parser;
use crate::model::Image;
use crate::text::dimension;

/// Thumbnail candidates in order of preference; the first filled one wins.
#[derive(Default)]
pub(super) struct Thumbnails {
    pub(super) media_thumbnail: Option<Image>,
    pub(super) media_content: Option<Image>,
    pub(super) enclosure: Option<Image>,
    pub(super) itunes: Option<Image>,
}

impl Thumbnails {
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
        thumbnails: &mut Thumbnails,
    ) {
        let (_, local) = self.namespace(e.name);
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
            let wanted = inner_local == "thumbnail" || (group && inner_local == "content");
            if inner_ns == Ns::Media && wanted {
                self.media(&inner, inner_empty, inner_at, thumbnails);
            } else {
                self.skip(&inner, inner_empty, inner_at);
            }
        }
        self.leave();
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
