//! Text → `feedlet::parse_date`; every instant it returns must format with `format_utc` and read back.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| feedlet_fuzz::checks::check_date(data));
