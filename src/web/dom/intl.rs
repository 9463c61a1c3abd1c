//! Dates as the viewer reads them: `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat`, made once per locale and style.

use std::cell::RefCell;
use std::thread::LocalKey;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::options::{DateStyle, Options};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, declared here so that a bad locale or time zone is a caught error, not a trap.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
    fn format(this: &DateFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    /// `Intl.RelativeTimeFormat`.
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    #[derive(Clone)]
    type RelativeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<RelativeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "RelativeTimeFormat", js_name = format)]
    fn format_relative(this: &RelativeFormat, value: f64, unit: &str) -> Result<String, JsValue>;
}

/// The most formatters of each kind kept for reuse: a page seldom shows more than a few locales and styles.
const KEPT: usize = 8;

/// Formatters kept for reuse under a key, oldest first; `None` when even the defaults were refused.
type Kept<K, T> = RefCell<Vec<(K, Option<T>)>>;

thread_local! {
    /// Date formatters by style, locale and time zone. Building one loads locale data, which on a slow phone
    /// costs milliseconds per render.
    static DATE_FORMATS: Kept<(&'static str, String, String), DateFormat> = const { RefCell::new(Vec::new()) };
    /// Relative formatters by locale.
    static RELATIVE_FORMATS: Kept<String, RelativeFormat> = const { RefCell::new(Vec::new()) };
}

/// The formatter kept under `key`, or the one `make` builds (kept for the next render).
fn reuse<K: PartialEq, T: Clone>(
    cache: &'static LocalKey<Kept<K, T>>,
    key: K,
    make: impl FnOnce() -> Option<T>,
) -> Option<T> {
    if let Some(found) = cache.with_borrow(|kept| {
        kept.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, format)| format.clone())
    }) {
        return found;
    }
    let made = make();
    cache.with_borrow_mut(|kept| {
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push((key, made.clone()));
    });
    made
}

/// An options dictionary without a prototype: `Intl` reads its options through the prototype chain, and a page's
/// `Object.prototype.timeZone` (or `calendar`, `hour12`, `weekday`…) must not change the widget's dates.
fn dictionary(entries: &[(&str, &str)]) -> Result<js_sys::Object, JsValue> {
    let object = js_sys::Object::create(JsValue::NULL.unchecked_ref());
    for (key, value) in entries {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value))?;
    }
    Ok(object)
}

/// The formatters one render uses, and its notion of now.
pub(crate) struct Dates {
    date_format: Option<DateFormat>,
    relative_format: Option<RelativeFormat>,
    now: f64,
}

impl Dates {
    /// Formatters for the options' locale, time zone and date style (made once per combination and reused); none
    /// when dates are hidden.
    pub(crate) fn new(options: &Options) -> Result<Dates, JsValue> {
        let mut dates = Dates {
            date_format: None,
            relative_format: None,
            now: js_sys::Date::now(),
        };
        if !options.date {
            return Ok(dates);
        }
        let locale = options
            .locale
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        let locales = locale.map_or(JsValue::UNDEFINED, JsValue::from_str);
        let style = if options.date_style == DateStyle::Long {
            "long"
        } else {
            "medium"
        };
        let zone = options
            .time_zone
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty());
        let key = (
            style,
            String::from(locale.unwrap_or_default()),
            String::from(zone.unwrap_or_default()),
        );
        // A locale or time zone the browser rejects falls back to the defaults rather than failing the render.
        dates.date_format = reuse(&DATE_FORMATS, key, || {
            let format_options = match zone {
                Some(zone) => dictionary(&[("dateStyle", style), ("timeZone", zone)]),
                None => dictionary(&[("dateStyle", style)]),
            }
            .ok()?;
            DateFormat::new(&locales, &format_options)
                .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &format_options))
                .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED))
                .ok()
        });
        if options.date_style == DateStyle::Relative {
            let key = String::from(locale.unwrap_or_default());
            dates.relative_format = reuse(&RELATIVE_FORMATS, key, || {
                let relative_options = dictionary(&[("numeric", "auto")]).ok()?;
                RelativeFormat::new(&locales, &relative_options)
                    .or_else(|_| RelativeFormat::new(&JsValue::UNDEFINED, &relative_options))
                    .ok()
            });
        }
        Ok(dates)
    }

    /// The display text of an instant (seconds since the epoch).
    pub(crate) fn display(&self, seconds: i64) -> String {
        let millis = seconds as f64 * 1000.0;
        if let Some(relative) = &self.relative_format {
            let (value, unit) = relative_parts((millis - self.now) / 1000.0);
            if let Ok(text) = relative.format_relative(value, unit) {
                return text;
            }
        }
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        match &self.date_format {
            Some(format) => format
                .format(&date)
                .unwrap_or_else(|_| crate::date::format_utc(seconds)),
            None => crate::date::format_utc(seconds),
        }
    }
}

/// Picks the unit for a relative date the way people say it: "3 days ago", "last month".
fn relative_parts(seconds: f64) -> (f64, &'static str) {
    let abs = seconds.abs();
    let (divisor, unit) = if abs < 60.0 {
        (1.0, "second")
    } else if abs < 3600.0 {
        (60.0, "minute")
    } else if abs < 86_400.0 {
        (3600.0, "hour")
    } else if abs < 7.0 * 86_400.0 {
        (86_400.0, "day")
    } else if abs < 30.0 * 86_400.0 {
        (7.0 * 86_400.0, "week")
    } else if abs < 365.0 * 86_400.0 {
        (30.0 * 86_400.0, "month")
    } else {
        (365.0 * 86_400.0, "year")
    };
    ((seconds / divisor).round(), unit)
}
