//! `discoverFeeds`: the feed links of an HTML page, for the widget's autodiscovery (`src` set to a site's page).

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

use super::output::output;
use super::settings;
use crate::options::Options;

/// The feeds an HTML page names in its `<link rel="alternate">` elements (Atom, RSS, JSON Feed), best first:
/// Atom, then RSS, then JSON Feed, or the kind `options.feedType` names first. Each `url` is resolved against
/// `<base href>` and `pageUrl`, and is always http(s). The page is read by the tolerant tokenizer, never run;
/// bytes that are not UTF-8 read as U+FFFD (feed addresses are ASCII).
#[wasm_bindgen(js_name = discoverFeeds, unchecked_return_type = "FeedLink[]")]
pub fn discover_feeds(
    page: &Uint8Array,
    #[wasm_bindgen(js_name = pageUrl)] page_url: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<Options> | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let prefer = settings::<Options>(options)?.value.feed_type;
    // Copied in through js_sys, as `renderFeed`'s bytes are: a `&[u8]` parameter would add its own glue.
    let page = page.to_vec();
    let html = String::from_utf8_lossy(&page);
    output(&crate::discover::discover(
        &html,
        page_url.as_deref(),
        prefer.map(Into::into),
    ))
}
