//! Any bytes as a Business Suite CSV: Ok or an error, never a panic.
#![no_main]
use instagrowth_import::{business_suite, Control, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ParseOptions { time_zone: chrono_tz::Tz::Europe__Berlin };
    let _ = business_suite::parse_csv(data, &opts, &Control::new());
});
