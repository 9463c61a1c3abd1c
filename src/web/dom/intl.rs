//! Dates as the viewer reads them: `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat`, made once per locale and style.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::options::{DateStyle, Options};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, declared here so that a bad locale or time zone is a caught error, not a trap.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
    fn format(this: &DateFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    /// `Intl.RelativeTimeFormat`.
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<RelativeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "RelativeTimeFormat", js_name = format)]
    fn format_relative(this: &RelativeFormat, value: f64, unit: &str) -> Result<String, JsValue>;
}

/// The most formatters kept for reuse: a page seldom shows more than a few locales and styles.
const KEPT: usize = 8;

thread_local! {
    /// Formatters by key (see [`key_of`]) in a prototype-less object, null where even the defaults were refused,
    /// and how many it holds: at most [`KEPT`], then it starts afresh. Building a formatter loads locale data,
    /// which on a slow phone costs milliseconds per render.
    static FORMATS: RefCell<(js_sys::Object, usize)> = RefCell::new((bare(), 0));
}

/// The formatter kept under `key`, or the one `make` builds (kept for the next render); `None` when none could be
/// built.
fn reuse<T: JsCast>(key: &str, make: impl FnOnce() -> Option<T>) -> Option<T> {
    let key = JsValue::from_str(key);
    let found = FORMATS.with_borrow(|(kept, _)| js_sys::Reflect::get(kept, &key).ok());
    if let Some(found) = found.filter(|found| !found.is_undefined()) {
        return (!found.is_null()).then(|| found.unchecked_into());
    }
    let made = make();
    FORMATS.with_borrow_mut(|(kept, count)| {
        if *count >= KEPT {
            *kept = bare();
            *count = 0;
        }
        *count += 1;
        let value: &JsValue = match &made {
            Some(format) => format.as_ref(),
            None => &JsValue::NULL,
        };
        // A failed store only means the next render builds the formatter again.
        let _ = js_sys::Reflect::set(kept, &key, value);
    });
    made
}

/// A formatter's key: its parts, each ended by a NUL. A part with a NUL of its own is never a valid locale or time
/// zone, and the browser treats every invalid one alike: such parts are all written as U+FFFE, which no valid one has.
fn key_of(parts: &[&str]) -> String {
    let mut key = String::new();
    for part in parts {
        key.push_str(if part.contains('\0') {
            "\u{fffe}"
        } else {
            part
        });
        key.push('\0');
    }
    key
}

/// A new object without a prototype.
fn bare() -> js_sys::Object {
    js_sys::Object::create(JsValue::NULL.unchecked_ref::<js_sys::Object>())
}

/// An options dictionary without a prototype: `Intl` reads its options through the prototype chain, and a page's
/// `Object.prototype.timeZone` (or `calendar`, `hour12`, `weekday`…) must not change the widget's dates.
fn dictionary(entries: &[(&str, &str)]) -> Result<js_sys::Object, JsValue> {
    let object = bare();
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
        let key = key_of(&[style, locale.unwrap_or_default(), zone.unwrap_or_default()]);
        // A locale or time zone the browser rejects falls back to the defaults rather than failing the render.
        dates.date_format = reuse(&key, || {
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
            let key = key_of(&["relative", locale.unwrap_or_default()]);
            dates.relative_format = reuse(&key, || {
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
