//! Bytes → record, as a plain-text page dump.
#![no_main]

use dechaff::engine::{clean_page, Options};
use dechaff::page::{Page, PageFormat};
use dechaff::record::Status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = Page::from_bytes("fuzz", "fuzz.txt", PageFormat::Text, data.to_vec());
    let record = clean_page(&page, &Options::default());
    match record.status {
        Status::Ok => assert!(record.words > 0),
        Status::Empty => assert!(record.text.is_none()),
        Status::Error => assert!(record.error.is_some()),
        Status::Skipped => panic!("a page is never skipped"),
    }
});
