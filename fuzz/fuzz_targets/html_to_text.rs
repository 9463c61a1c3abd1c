//! Text → `html_to_text`, `decode_entities` and `excerpt`, with bounded outputs.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| feedlet_fuzz::checks::check_html_to_text(data));
