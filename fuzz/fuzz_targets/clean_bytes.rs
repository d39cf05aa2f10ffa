//! Bytes of unknown kind → record: sniffing (HTML, text or binary), decoding, cleaning.
#![no_main]

use dechaff::engine::{clean_page, Options};
use dechaff::page::{Page, PageFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = Page::from_bytes("fuzz", "fuzz", PageFormat::Auto, data.to_vec());
    let record = clean_page(&page, &Options::default());
    assert_eq!(record.id, "fuzz");
});
