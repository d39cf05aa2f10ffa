//! Every input the fuzzers (`fuzz/`) found a crash with, kept in `tests/fixtures/fuzz/`, through
//! every entry that reads outside data: none may panic again, and each page gives one record.

use std::path::PathBuf;

use dechaff::engine::{clean_page, Options};
use dechaff::input::{read_jsonl, read_warc, JsonlFields};
use dechaff::limits::{InputLimits, PageLimits};
use dechaff::page::{Page, PageFormat};

fn found_inputs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    inputs
}

#[test]
fn found_inputs_clean_as_every_kind_of_page() {
    let small = Options {
        limits: PageLimits {
            max_depth: 16,
            max_attributes: 2,
            ..PageLimits::default()
        },
        ..Options::default()
    };
    for (name, bytes) in found_inputs() {
        for format in [PageFormat::Html, PageFormat::Text, PageFormat::Auto] {
            let page = Page::from_bytes(name.clone(), name.clone(), format, bytes.clone());
            for options in [&Options::default(), &small] {
                assert_eq!(clean_page(&page, options).id, name);
            }
        }
    }
}

#[test]
fn found_inputs_read_as_streams() {
    let limits = InputLimits {
        max_page_bytes: 1024,
        ..InputLimits::default()
    };
    for (name, bytes) in found_inputs() {
        for page in read_warc(std::io::Cursor::new(bytes.clone()), &name, &limits) {
            assert!(!page.id.is_empty(), "{name}");
            clean_page(&page, &Options::default());
        }
        for page in read_jsonl(
            std::io::Cursor::new(bytes),
            &name,
            JsonlFields::default(),
            &limits,
        ) {
            assert!(!page.id.is_empty(), "{name}");
        }
    }
}
