//! Dates as the viewer reads them: `Intl.DateTimeFormat` and `Intl.RelativeTimeFormat`, made once per render.

use wasm_bindgen::prelude::*;

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

/// The formatters one render uses, and its notion of now.
pub(crate) struct Dates {
    date_format: Option<DateFormat>,
    relative_format: Option<RelativeFormat>,
    now: f64,
}

impl Dates {
    /// Formatters for the options' locale, time zone and date style; none when dates are hidden.
    pub(crate) fn new(options: &Options) -> Result<Dates, JsValue> {
        let mut dates = Dates {
            date_format: None,
            relative_format: None,
            now: js_sys::Date::now(),
        };
        if !options.date {
            return Ok(dates);
        }
        let locales = match options.locale.as_deref().filter(|l| !l.trim().is_empty()) {
            Some(locale) => JsValue::from_str(locale.trim()),
            None => JsValue::UNDEFINED,
        };
        let format_options = js_sys::Object::new();
        let style = if options.date_style == DateStyle::Long {
            "long"
        } else {
            "medium"
        };
        js_sys::Reflect::set(&format_options, &"dateStyle".into(), &style.into())?;
        if let Some(zone) = options
            .time_zone
            .as_deref()
            .filter(|z| !z.trim().is_empty())
        {
            js_sys::Reflect::set(&format_options, &"timeZone".into(), &zone.trim().into())?;
        }
        // A locale or time zone the browser rejects falls back to the defaults rather than failing the render.
        dates.date_format = DateFormat::new(&locales, &format_options)
            .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &format_options))
            .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED))
            .ok();
        if options.date_style == DateStyle::Relative {
            let relative_options = js_sys::Object::new();
            js_sys::Reflect::set(&relative_options, &"numeric".into(), &"auto".into())?;
            dates.relative_format = RelativeFormat::new(&locales, &relative_options)
                .or_else(|_| RelativeFormat::new(&JsValue::UNDEFINED, &relative_options))
                .ok();
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
