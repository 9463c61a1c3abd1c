//! Bytes → `feedlet::parse` (default and tight limits), then serialize, select and render.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| feedlet_fuzz::checks::check_parse(data));
