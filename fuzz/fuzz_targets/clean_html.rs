//! Bytes → record, as an HTML page: one record, never a panic, and the record's promises hold.
#![no_main]

use dechaff::engine::{clean_page, Options};
use dechaff::page::{Page, PageFormat};
use dechaff::record::Status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = Page::from_bytes("fuzz", "fuzz.html", PageFormat::Html, data.to_vec());
    let record = clean_page(&page, &Options::default());
    check(&record);
    let markdown = Options {
        extract: dechaff::extract::ExtractOptions {
            markdown: true,
            comments: true,
            ..Default::default()
        },
        ..Options::default()
    };
    check(&clean_page(&page, &markdown));
});

fn check(record: &dechaff::record::Record) {
    assert_eq!(record.id, "fuzz");
    match record.status {
        Status::Ok => assert!(record.words > 0 && record.text.is_some()),
        Status::Empty => assert!(record.text.is_none() && record.markdown.is_none()),
        Status::Error => assert!(record.error.is_some()),
        Status::Skipped => panic!("a page is never skipped"),
    }
    for text in [&record.text, &record.title, &record.author, &record.description] {
        if let Some(text) = text {
            assert!(!text.chars().any(dechaff::text::is_stray_control), "{text:?}");
        }
    }
    let line = record.to_json_line();
    assert!(!line.contains('\n'));
}
