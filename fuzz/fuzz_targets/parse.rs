//! Parsing within limits: the attribute cut keeps UTF-8 whole and only shortens, and the parse
//! never panics, with small limits so that the guards are reached.
#![no_main]

use dechaff::limits::PageLimits;
use dechaff::parse::{cap_attributes, close_self_closed_raw_text, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(capped) = cap_attributes(html, 2) {
        assert!(capped.len() < html.len());
    }
    if let Some(repaired) = close_self_closed_raw_text(html) {
        assert!(repaired.len() > html.len());
    }
    let limits = PageLimits {
        max_depth: 16,
        max_attributes: 2,
        ..PageLimits::default()
    };
    let _ = parse(html, &limits);
    let _ = parse(html, &PageLimits::default());
});
