//! WARC reading: never a panic or a hang, and every page has an id and a source.
#![no_main]

use dechaff::engine::{clean_page, Options};
use dechaff::input::read_warc;
use dechaff::limits::InputLimits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = InputLimits {
        max_page_bytes: 1024,
        ..InputLimits::default()
    };
    for page in read_warc(std::io::Cursor::new(data.to_vec()), "f.warc", &limits).take(10_000) {
        assert!(!page.id.is_empty());
        assert!(page.source.starts_with("f.warc") || !page.source.is_empty());
        let _ = clean_page(&page, &Options::default());
    }
});
