//! `dechaff explain`, driven through the real binary: every block in reading order with the
//! decision on it, as a table, as JSON lines and as a marked copy of the page.

mod common;

use common::pages::write;
use common::{records, run, stderr};

const PAGE: &str = "<html><head><title>Harbour reopens</title>\
    <style>h1 { color: navy }</style></head><body>\
    <nav class=menu><a href=/>Home</a> <a href=/news>News</a></nav>\
    <article><h1>Harbour reopens</h1>\
    <p>The harbour reopened on Monday after two years of repairs, and the first boats came in \
    at dawn to a crowd that had waited on the quay since night.</p>\
    <p>Fishermen said the new quay, longer and higher than the old one, would keep their boats \
    safe in the winter storms that close the bay for weeks.</p>\
    <div class=share-buttons>Share on X</div></article>\
    <footer>© 2024 The Paper</footer></body></html>";

#[test]
fn the_table_lists_every_block_in_order_with_its_decision() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", PAGE.as_bytes());
    let output = run(&["explain", page.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table
        .lines()
        .filter(|line| line.starts_with("KEEP") || line.starts_with("drop"))
        .collect();
    assert_eq!(rows.len(), 6, "{table}");
    assert!(rows[0].starts_with("drop furniture") && rows[0].contains("nav.menu"));
    assert!(rows[1].starts_with("KEEP kept") && rows[1].ends_with("Harbour reopens"));
    assert!(rows[2].contains("The harbour reopened"));
    assert!(rows[4].starts_with("drop furniture") && rows[4].contains("div.share-buttons"));
    assert!(rows[5].starts_with("drop furniture") && rows[5].contains("© 2024"));
    // A legend says what each decision in the table means.
    assert!(table.lines().any(|line| line.starts_with("furniture ")));
    assert!(table.contains("region   "));
}

#[test]
fn json_lines_carry_whole_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", PAGE.as_bytes());
    let output = run(&["explain", "--json", page.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let blocks = records(&output);
    let kept: Vec<&str> = blocks
        .iter()
        .filter(|block| block["kept"] == true)
        .map(|block| block["text"].as_str().unwrap())
        .collect();
    assert_eq!(kept.len(), 3);
    assert!(kept[2].ends_with("close the bay for weeks."));
    assert!(blocks
        .iter()
        .all(|block| block["decision"].is_string() && block["element"].is_string()));
}

#[test]
fn the_marked_copy_strikes_dropped_blocks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", PAGE.as_bytes());
    let copy = dir.path().join("marked.html");
    let output = run(&[
        "explain",
        page.to_str().unwrap(),
        "--html",
        copy.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let marked = std::fs::read_to_string(&copy).unwrap();
    assert!(marked.contains("<nav class=\"menu\" data-dechaff=\"furniture\">"));
    assert!(marked.contains("[data-dechaff]{text-decoration:line-through"));
    // The page's own style sheets stay in the copy (cleaning leaves them out of its parse).
    assert!(marked.contains("h1 { color: navy }"), "{marked}");
    // Asked again, the copy is not replaced, nor is the page itself ever a target.
    for target in [&copy, &page] {
        let output = run(&[
            "explain",
            page.to_str().unwrap(),
            "--html",
            target.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr(&output).contains("cannot write"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(std::fs::read_to_string(&page).unwrap(), PAGE);
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), marked);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file is left behind");
}

#[test]
fn one_page_of_a_jsonl_file_is_chosen_by_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let other = "<body><article><p>Another story entirely, about the weather on the coast, long \
                 enough to be kept as an article by itself.</p></article></body>";
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "html": other}),
        serde_json::json!({"id": "b", "html": PAGE})
    );
    let file = write(dir.path(), "pages.jsonl", lines.as_bytes());
    let output = run(&["explain", file.to_str().unwrap(), "--id", "b", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = &records(&output)[0];
    assert_eq!(first["element"], "body > nav.menu");
    let output = run(&["explain", file.to_str().unwrap(), "--id", "c"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no page with id \"c\""));
}

#[test]
fn a_text_dump_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let dump = write(
        dir.path(),
        "page.txt",
        b"Harbour reopens\n\nHome\nNews\n\nThe harbour reopened on Monday.\n",
    );
    let output = run(&["explain", dump.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("plain-text dump"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_second_look_is_said() {
    let page = "tests/fixtures/content/post_named_like_furniture_is_the_only_text.html";
    let output = run(&["explain", page]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains("a second look"), "{table}");
}

/// On every fixture page, the blocks `explain` marks kept are, word for word, what `clean`
/// writes: each step's drops reach the explanation, whole subtrees included (a teaser card's
/// excerpt), and the blocks' text is spaced as the text is (table cells, CJK line breaks).
#[test]
fn kept_blocks_are_the_cleaned_text_on_every_fixture() {
    let mut failures = Vec::new();
    for dir in ["tests/fixtures/content", "tests/fixtures/boilerplate"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let page = path.to_str().unwrap();
            let json = records(&run(&["explain", "--json", page]));
            let kept: Vec<&str> = json
                .iter()
                .filter(|block| block["kept"] == true)
                .map(|block| block["text"].as_str().unwrap())
                .collect();
            let cleaned = records(&run(&["clean", page]));
            let text = cleaned[0]["text"].as_str().unwrap_or_default();
            // The same words, spacing and the blocks' separators aside, once the heading that
            // repeats the title (which goes to `title`, not into the text) is set aside.
            let words = |s: &str| -> Vec<String> {
                s.split_whitespace()
                    .filter(|word| *word != "·")
                    .map(str::to_string)
                    .collect()
            };
            let title = words(cleaned[0]["title"].as_str().unwrap_or_default());
            let (kept, text) = (words(&kept.join(" ")), words(text));
            let without_title = kept
                .strip_prefix(title.as_slice())
                .map(<[String]>::to_vec)
                .unwrap_or_else(|| kept.clone());
            if kept != text && without_title != text {
                failures.push(format!("{page}: kept {kept:?}\ntext {text:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// A block outside the region taken as the article is named by its own element, so that a
/// reader can find it in the page.
#[test]
fn blocks_outside_the_article_name_their_element() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "page.html",
        "<html><body><div class=standfirst>A word before the story, in a box of its own.</div>\
         <div itemprop=articleBody><p>The harbour reopened on Monday after two years of repairs, \
         and the first boats came in at dawn to a crowd that had waited on the quay since \
         night.</p><p>Fishermen said the new quay, longer and higher than the old one, would keep \
         their boats safe in the winter storms that close the bay for weeks at a time.</p><p>The \
         council will open a market on the quay in the spring, with stalls for the catch and a \
         café for the crews who land it before the town is awake.</p></div></body></html>"
            .as_bytes(),
    );
    let output = run(&["explain", "--json", page.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let blocks = records(&output);
    let outside: Vec<&serde_json::Value> = blocks
        .iter()
        .filter(|block| block["decision"] == "outside-article")
        .collect();
    assert_eq!(outside.len(), 1, "{blocks:?}");
    assert!(
        outside[0]["element"]
            .as_str()
            .is_some_and(|element| element.ends_with("div.standfirst")),
        "{:?}",
        outside[0]
    );
}
