//! (base, reference), split at the first 0xFF byte → `resolve` and `safe_url`; what `safe_url` emits must be http(s) or a scheme-less relative reference.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| feedlet_fuzz::checks::check_url(data));
