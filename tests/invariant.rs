//! The promise, as a property: for any mix of good and hostile inputs in one run, records out
//! equal pages in, in input order, and the good inputs' records are byte-identical to those of
//! a run without the hostile ones.

mod common;

use common::pages::{gzip, six_pages, text, wait_at_most, warc_record, warc_response, ARTICLE};
use common::{dechaff, stderr};

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use proptest::prelude::*;
use serde_json::Value;

/// One input file of a run.
#[derive(Debug, Clone)]
enum Input {
    /// An HTML page, made distinct by its number.
    Page(u32),
    /// A JSONL file of good pages.
    Jsonl(u32),
    /// A WARC file of good pages, per-record gzip or not.
    Warc(u32, bool),
    /// A text dump.
    Dump(u32),
    // Hostile inputs, each with the records it must give.
    Empty,
    Binary(Vec<u8>),
    StrayNul(u32),
    DeepNesting(u32),
    AttributeFlood(u32),
    ImpossibleCharset,
    BomJsonl(u32),
    BrokenJsonl(u32),
    WrongContentLength(u64),
    CorruptMember(usize),
    TruncatedGzip,
    IframeInTitle,
    OverLongDump,
    Fifo,
    SymlinkLoop,
}

impl Input {
    fn is_good(&self) -> bool {
        matches!(
            self,
            Input::Page(_) | Input::Jsonl(_) | Input::Warc(..) | Input::Dump(_)
        )
    }

    /// Records the input gives.
    fn records(&self) -> usize {
        match self {
            Input::Jsonl(n) | Input::BomJsonl(n) | Input::BrokenJsonl(n) => *n as usize,
            Input::Warc(..) | Input::WrongContentLength(_) | Input::CorruptMember(_) => 6,
            Input::Fifo => 0,
            _ => 1,
        }
    }

    /// Writes the input into `dir` under a name starting with `prefix`; returns the path its
    /// records name as their source.
    fn write(&self, dir: &Path, prefix: &str) -> String {
        let page = |n: u32| ARTICLE.replace("Harbour", &format!("Harbour {n}"));
        let line = |n: u32, i: u32| serde_json::json!({"id": format!("{n}-{i}"), "html": page(i)});
        let (name, bytes): (String, Vec<u8>) = match self {
            Input::Page(n) => ("page.html".into(), page(*n).into_bytes()),
            Input::Jsonl(n) => (
                "pages.jsonl".into(),
                (0..*n)
                    .map(|i| format!("{}\n", line(*n, i)))
                    .collect::<String>()
                    .into_bytes(),
            ),
            Input::Warc(n, compressed) => {
                let records: Vec<Vec<u8>> = (1..=6)
                    .map(|i| warc_response(i + 10 * n, &page(i)))
                    .collect();
                if *compressed {
                    (
                        "crawl.warc.gz".into(),
                        records.iter().flat_map(|r| gzip(r)).collect(),
                    )
                } else {
                    ("crawl.warc".into(), records.concat())
                }
            }
            Input::Dump(n) => (
                "dump.txt".into(),
                format!(
                    "Menu\nHome\n\nDump number {n}\n\nA paragraph of the dump that is long \
                     enough to be its article, and it ends as prose does.\n"
                )
                .into_bytes(),
            ),
            Input::Empty => ("empty.html".into(), Vec::new()),
            Input::Binary(bytes) => {
                let mut bytes = bytes.clone();
                bytes.extend_from_slice(&[0u8; 64]);
                ("binary.html".into(), bytes)
            }
            Input::StrayNul(at) => {
                let mut bytes = page(*at).into_bytes();
                let at = *at as usize % bytes.len();
                bytes[at] = 0;
                ("nul.html".into(), bytes)
            }
            Input::DeepNesting(depth) => (
                "deep.html".into(),
                format!("{}{}", "<div><span>".repeat(*depth as usize), page(1)).into_bytes(),
            ),
            Input::AttributeFlood(count) => {
                let attributes: String = (0..*count).map(|i| format!(" a{i}=\"{i}\"")).collect();
                (
                    "attrs.html".into(),
                    format!("<p{attributes}>{}", page(2)).into_bytes(),
                )
            }
            Input::ImpossibleCharset => (
                "kr.html".into(),
                page(3)
                    .replace("<head>", "<head><meta charset=iso-2022-kr>")
                    .into_bytes(),
            ),
            Input::BomJsonl(n) => (
                "bom.jsonl".into(),
                format!(
                    "\u{feff}{}",
                    (0..*n)
                        .map(|i| format!("{}\n", line(*n, i)))
                        .collect::<String>()
                )
                .into_bytes(),
            ),
            Input::BrokenJsonl(n) => (
                "broken.jsonl".into(),
                (0..*n)
                    .map(|i| match i % 3 {
                        0 => format!("{}\n", line(*n, i)),
                        1 => "{not json\n".to_string(),
                        _ => "{\"title\": \"no page\"}\n".to_string(),
                    })
                    .collect::<String>()
                    .into_bytes(),
            ),
            Input::WrongContentLength(length) => {
                let mut records = six_pages();
                let whole = String::from_utf8(records[3].clone()).unwrap();
                let block = &whole[whole.find("HTTP/1.1").unwrap()..whole.len() - 4];
                records[3] = warc_record(4, *length, block.as_bytes());
                ("long.warc".into(), records.concat())
            }
            Input::CorruptMember(which) => {
                let mut members: Vec<Vec<u8>> = six_pages().iter().map(|r| gzip(r)).collect();
                let member = &mut members[which % 6];
                let middle = member.len() / 2;
                member[middle] ^= 0x5a;
                member[middle + 1] ^= 0xa5;
                ("corrupt.warc.gz".into(), members.concat())
            }
            Input::TruncatedGzip => {
                let bytes = gzip(page(4).as_bytes());
                ("cut.html.gz".into(), bytes[..bytes.len() / 2].to_vec())
            }
            Input::IframeInTitle => (
                "iframe.html".into(),
                format!("<iframe title=\"<iframe a/>\" />{}", page(5)).into_bytes(),
            ),
            Input::OverLongDump => ("long.txt".into(), "a line\n".repeat(3000).into_bytes()),
            Input::Fifo | Input::SymlinkLoop => (String::new(), Vec::new()),
        };
        match self {
            Input::Fifo => {
                let path = dir.join(format!("{prefix}-fifo.html"));
                make_fifo(&path);
                return text(&path);
            }
            Input::SymlinkLoop => {
                let path = dir.join(format!("{prefix}-loop"));
                symlink(dir, &path);
                return text(&path);
            }
            _ => {}
        }
        let path = dir.join(format!("{prefix}-{name}"));
        std::fs::write(&path, bytes).unwrap();
        text(&path)
    }
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path and mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

#[cfg(not(unix))]
fn make_fifo(_path: &Path) {}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) {}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => (0u32..1000).prop_map(Input::Page),
        2 => (1u32..5).prop_map(Input::Jsonl),
        2 => (0u32..50, any::<bool>()).prop_map(|(n, gz)| Input::Warc(n, gz)),
        1 => (0u32..1000).prop_map(Input::Dump),
        1 => Just(Input::Empty),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Input::Binary),
        1 => (0u32..400).prop_map(Input::StrayNul),
        1 => (600u32..3000).prop_map(Input::DeepNesting),
        1 => (300u32..3000).prop_map(Input::AttributeFlood),
        1 => Just(Input::ImpossibleCharset),
        1 => (1u32..4).prop_map(Input::BomJsonl),
        1 => (1u32..7).prop_map(Input::BrokenJsonl),
        1 => prop_oneof![Just(999_999_999_999u64), 600u64..2000].prop_map(Input::WrongContentLength),
        1 => (0usize..6).prop_map(Input::CorruptMember),
        1 => Just(Input::TruncatedGzip),
        1 => Just(Input::IframeInTitle),
        1 => Just(Input::OverLongDump),
        1 => Just(Input::Fifo),
        1 => Just(Input::SymlinkLoop),
    ]
}

/// Cleans `dir` on two threads; returns the records, one JSON line each.
fn clean(dir: &Path) -> Vec<String> {
    let child = dechaff()
        .args([
            "clean",
            "-q",
            "-j",
            "2",
            "--max-text-lines",
            "1000",
            &text(dir),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = wait_at_most(child, Duration::from_secs(120));
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The input a record came from: the one whose path its source starts with (WARC records
/// name `<path>#<n>`, JSONL lines `<path>:<n>`).
fn input_of(record: &str, paths: &[String]) -> usize {
    let value: Value = serde_json::from_str(record).unwrap();
    let source = value["source"].as_str().unwrap();
    paths
        .iter()
        .position(|path| {
            source == path
                || source.strip_prefix(path.as_str()).is_some_and(|rest| {
                    rest.starts_with('#') || rest.starts_with(':') || rest.starts_with('/')
                })
        })
        .unwrap_or_else(|| panic!("no input for {source}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn records_out_equal_pages_in_and_good_pages_are_untouched(inputs in prop::collection::vec(input(), 1..10)) {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<String> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| input.write(dir.path(), &format!("{i:03}")))
            .collect();
        let records = clean(dir.path());
        let expected: usize = inputs.iter().map(Input::records).sum();
        prop_assert_eq!(records.len(), expected, "{:?}", inputs);
        // In input order: the inputs the records come from never go back.
        let owners: Vec<usize> = records.iter().map(|r| input_of(r, &paths)).collect();
        prop_assert!(owners.windows(2).all(|w| w[0] <= w[1]), "{:?}", owners);
        for (i, input) in inputs.iter().enumerate() {
            let count = owners.iter().filter(|&&owner| owner == i).count();
            prop_assert_eq!(count, input.records(), "{:?}", input);
        }
        // Without the hostile inputs, the good ones give the same bytes.
        let good: Vec<String> = records
            .iter()
            .zip(&owners)
            .filter(|(_, &owner)| inputs[owner].is_good())
            .map(|(record, _)| record.clone())
            .collect();
        for (input, path) in inputs.iter().zip(&paths) {
            if !input.is_good() {
                // A symlink loop points at the directory: remove the link, not its target.
                std::fs::remove_file(path).unwrap();
            }
        }
        prop_assert_eq!(clean(dir.path()), good);
    }
}

/// The wrong `Content-Length`s that end just before two line ends, where a later record's
/// header or block ends, or where the file ends: once read as sound, each swallowed the records
/// after it. Found by the property above, which draws them rarely; kept here to run every time.
#[test]
fn a_wrong_length_that_ends_at_a_later_record_loses_no_record() {
    for length in [840, 841, 1046, 1047, 1126, 1127, 1365, 1369] {
        let dir = tempfile::tempdir().unwrap();
        let input = Input::WrongContentLength(length);
        input.write(dir.path(), "000");
        let records = clean(dir.path());
        assert_eq!(records.len(), input.records(), "Content-Length {length}");
        let errors = records
            .iter()
            .filter(|record| record.contains("\"status\":\"error\""))
            .count();
        assert_eq!(errors, 1, "Content-Length {length}: {records:?}");
    }
}
