//! JSONL reading: every non-blank line gives one page, in order.
#![no_main]

use dechaff::input::{read_jsonl, JsonlFields};
use dechaff::limits::InputLimits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = InputLimits {
        max_line_bytes: 4096,
        max_page_bytes: 2048,
        ..InputLimits::default()
    };
    let pages: Vec<_> =
        read_jsonl(std::io::Cursor::new(data.to_vec()), "f.jsonl", JsonlFields::default(), &limits)
            .collect();
    let plain = !data.starts_with(&[0x1f, 0x8b]) && !data.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]);
    if plain {
        let body = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
        let lines = body
            .split(|&b| b == b'\n')
            .filter(|line| !String::from_utf8_lossy(line).trim().is_empty())
            .count();
        assert_eq!(pages.len(), lines);
    }
});
