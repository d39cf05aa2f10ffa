//! The site profile file: a bad file is an error, never a panic; a good one writes back as read.
#![no_main]

use dechaff::profile::Counts;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(counts) = Counts::read(&mut std::io::Cursor::new(data)) {
        let mut written = Vec::new();
        counts.write(&mut written).expect("a profile writes to memory");
        let again = Counts::read(&mut std::io::Cursor::new(&written)).expect("a written profile reads");
        let mut rewritten = Vec::new();
        again.write(&mut rewritten).expect("a profile writes to memory");
        assert_eq!(written, rewritten);
    }
});
