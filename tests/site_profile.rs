//! Site profiles through the real binary: a synthetic site of a dozen pages that share a
//! footer line, a comment notice and a newsletter pitch. With `--site-profile` (or a stored
//! profile) they go, each page's own text stays, and the output is the same for any thread
//! count and any page order.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const PAGES: usize = 12;

const NOTICE: &str = "Your email address will not be published. Required fields are marked *";
const PITCH: &str = "Get the harbour letter every Friday: the week's stories, tides and market \
                     prices, straight to your inbox.";
/// A footer blurb; its year differs from page to page (digits are one placeholder).
const FOOTER: &str = "The Harbour Gazette has been owned by its readers since 2024 and is printed \
                      in the old town.";

const TOPICS: [&str; PAGES] = [
    "lighthouse",
    "ferry",
    "regatta",
    "trawler",
    "quay",
    "dredging",
    "lifeboat",
    "fishmarket",
    "breakwater",
    "chandlery",
    "slipway",
    "moorings",
];

/// The unique text of page `n`: two sentences naming its topic.
fn story(n: usize) -> (String, String) {
    let topic = TOPICS[n];
    (
        format!(
            "The {topic} story begins on a grey morning, when the harbour master walked the \
             length of the pier and counted every boat tied up along it."
        ),
        format!(
            "By the evening the {topic} was the talk of the town, and the council promised a \
             report on it before the end of the month, as it always does."
        ),
    )
}

fn html_page(n: usize) -> String {
    let (first, second) = story(n);
    let year = 2020 + n % 5;
    format!(
        "<html><head><title>Story {n}</title></head><body>\
         <div class=content><h1>Story {n}</h1><p>{first}</p><p>{second}</p>\
         <div class=box><p>{PITCH}</p></div>\
         <h3>Have your say about the {}</h3><div><p>{NOTICE}</p></div><p>{}</p></div>\
         </body></html>",
        TOPICS[n],
        FOOTER.replace("2024", &year.to_string()),
    )
}

fn text_page(n: usize) -> String {
    let (first, second) = story(n);
    format!(
        "Home\nNews\nSport\n\nStory {n}\n\n{first}\n\n{second}\n\n{PITCH}\n\n{NOTICE}\n\n{}\n",
        FOOTER.replace("2024", &(1990 + n).to_string())
    )
}

fn dechaff(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(args)
        .output()
        .expect("the dechaff binary runs");
    assert!(
        output.status.success(),
        "dechaff {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Records keyed by id and without their `source` (a JSONL line number), so that runs over
/// shuffled inputs compare.
fn records(output: &Output) -> BTreeMap<String, Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("each line is JSON"))
        .map(|mut record| {
            if let Some(fields) = record.as_object_mut() {
                fields.remove("source");
            }
            (record["id"].as_str().unwrap_or("").to_string(), record)
        })
        .collect()
}

/// The order pages are written in a shuffled input: a fixed permutation of 0..PAGES.
fn shuffled() -> Vec<usize> {
    (0..PAGES).map(|i| (i * 5 + 7) % PAGES).collect()
}

/// Writes the site as one file per page in `dir`, and as JSONL in two page orders.
fn write_site(dir: &Path, extension: &str, field: &str, page: fn(usize) -> String) {
    let files = dir.join("site");
    fs::create_dir_all(&files).unwrap();
    for n in 0..PAGES {
        fs::write(files.join(format!("page-{n:02}.{extension}")), page(n)).unwrap();
    }
    for (name, order) in [
        ("ordered.jsonl", (0..PAGES).collect::<Vec<_>>()),
        ("shuffled.jsonl", shuffled()),
    ] {
        let lines: String = order
            .iter()
            .map(|&n| {
                let mut record = serde_json::Map::new();
                record.insert("id".into(), format!("page-{n:02}").into());
                record.insert(
                    "url".into(),
                    format!("https://www.gazette.example/stories/{n}").into(),
                );
                record.insert(field.into(), page(n).into());
                format!("{}\n", Value::Object(record))
            })
            .collect();
        fs::write(dir.join(name), lines).unwrap();
    }
}

/// The shared blocks, as they are found in the text.
const SHARED: [&str; 3] = [
    "will not be published",
    "harbour letter",
    "owned by its readers",
];

/// Checks that every page kept its own text, and which shared blocks it kept: `kept[i]` for
/// `SHARED[i]`.
fn assert_cleaned(records: &BTreeMap<String, Value>, kept: [bool; 3]) {
    assert_eq!(records.len(), PAGES);
    for (n, record) in records.values().enumerate() {
        let text = record["text"].as_str().expect("every page has text");
        let (first, second) = story(n);
        assert!(text.contains(&first) && text.contains(&second), "{text}");
        let markdown = record["markdown"].as_str().expect("markdown was asked for");
        assert!(markdown.contains(&first), "{markdown}");
        for (shared, kept) in SHARED.iter().zip(kept) {
            assert_eq!(
                text.to_lowercase().contains(shared),
                kept,
                "{shared:?} in {text}"
            );
            assert_eq!(
                markdown.to_lowercase().contains(shared),
                kept,
                "{shared:?} in {markdown}"
            );
        }
    }
}

/// Cleans the site every way and checks the outputs; `kept_by_page_rules` says which shared
/// blocks the per-page rules alone keep.
fn check_site(
    extension: &str,
    field: &str,
    page: fn(usize) -> String,
    kept_by_page_rules: [bool; 3],
) {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), extension, field, page);
    let site = dir.path().join("site");
    let site = site.to_str().unwrap();
    let ordered = dir.path().join("ordered.jsonl");
    let ordered = ordered.to_str().unwrap();
    let shuffled = dir.path().join("shuffled.jsonl");
    let shuffled = shuffled.to_str().unwrap();
    let markdown = ["--format", "markdown", "-q"];

    // The per-page rules keep shared blocks that read like prose.
    let plain = records(&dechaff(&[&["clean", site][..], &markdown].concat()));
    assert_cleaned(&plain, kept_by_page_rules);

    // Files of one directory are one site.
    let one = dechaff(&[&["clean", "--site-profile", "-j", "1", site][..], &markdown].concat());
    let two = dechaff(&[&["clean", "--site-profile", "-j", "2", site][..], &markdown].concat());
    assert_eq!(one.stdout, two.stdout);
    assert_cleaned(&records(&one), [false; 3]);

    // JSONL pages with URLs are one site by host, in any order.
    let forward = dechaff(
        &[
            &["clean", "--site-profile", "-j", "1", ordered][..],
            &markdown,
        ]
        .concat(),
    );
    let backward = dechaff(
        &[
            &["clean", "--site-profile", "-j", "2", shuffled][..],
            &markdown,
        ]
        .concat(),
    );
    assert_cleaned(&records(&forward), [false; 3]);
    assert_eq!(records(&forward), records(&backward));

    // A stored profile is byte-identical for any order and thread count, and cleans the same.
    let profile_a = dir.path().join("a.profile");
    let profile_b = dir.path().join("b.profile");
    dechaff(&[
        "profile",
        "-q",
        "-j",
        "1",
        ordered,
        "-o",
        profile_a.to_str().unwrap(),
    ]);
    dechaff(&[
        "profile",
        "-q",
        "-j",
        "2",
        shuffled,
        "-o",
        profile_b.to_str().unwrap(),
    ]);
    let stored = fs::read_to_string(&profile_a).unwrap();
    assert_eq!(stored, fs::read_to_string(&profile_b).unwrap());
    assert!(stored.starts_with("dechaff-site-profile 1\nsite 12 \"gazette.example\"\n"));
    let reused = dechaff(
        &[
            &["clean", "--profile", profile_a.to_str().unwrap(), shuffled][..],
            &markdown,
        ]
        .concat(),
    );
    assert_eq!(records(&reused), records(&forward));

    // Thresholds the site cannot meet leave every page as the per-page rules cleaned it.
    let strict = dechaff(
        &[
            &["clean", "--site-profile", "--profile-min-pages", "13", site][..],
            &markdown,
        ]
        .concat(),
    );
    assert_eq!(
        strict.stdout,
        dechaff(&[&["clean", site][..], &markdown].concat()).stdout
    );
}

#[test]
fn html_site_loses_its_shared_blocks() {
    check_site("html", "html", html_page, [true; 3]);
}

#[test]
fn text_site_loses_its_shared_lines() {
    // The text cleaner knows the comment notice already, and cuts the line after the story's
    // end; the pitch in between is what only the profile finds.
    check_site("txt", "text", text_page, [false, true, false]);
}

#[test]
fn site_profile_needs_rereadable_inputs() {
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(["clean", "--site-profile", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("reads the inputs twice"));
}

#[test]
fn copies_of_one_page_keep_their_text() {
    // The same article under several URLs: every block is on every page, and emptying them
    // all would lose the article.
    let dir = tempfile::tempdir().unwrap();
    for n in 0..6 {
        fs::write(dir.path().join(format!("copy-{n}.html")), html_page(0)).unwrap();
    }
    let site = dir.path().to_str().unwrap();
    let plain = dechaff(&["clean", "-q", site]);
    let profiled = dechaff(&["clean", "-q", "--site-profile", site]);
    assert_eq!(plain.stdout, profiled.stdout);
    assert_cleaned_copy(&records(&profiled));
}

fn assert_cleaned_copy(records: &BTreeMap<String, Value>) {
    let (first, _) = story(0);
    assert_eq!(records.len(), 6);
    assert!(records
        .values()
        .all(|record| record["text"].as_str().unwrap_or("").contains(&first)));
}
