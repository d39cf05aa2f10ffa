//! Decoding: the first line is a Content-Type header value, the rest the page's bytes.
#![no_main]

use dechaff::decode::{decode, prescan_meta_charset, sniff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (header, bytes) = match data.iter().position(|&b| b == b'\n') {
        Some(end) => (Some(String::from_utf8_lossy(&data[..end]).into_owned()), &data[end + 1..]),
        None => (None, data),
    };
    let _ = sniff(bytes);
    let _ = prescan_meta_charset(bytes);
    for is_html in [true, false] {
        let decoded = decode(bytes, header.as_deref(), is_html, Some("http://example.ru/"));
        // Whatever the bytes, the text is whole UTF-8 and names its encoding.
        assert!(!decoded.encoding_name().is_empty());
        assert!(decoded.text.len() <= bytes.len() * 3 + 3);
    }
});
