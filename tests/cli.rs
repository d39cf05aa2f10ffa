//! Integration tests that drive the real `dechaff` binary.

mod common;

use common::{records, run, run_with_stdin, stderr};

use std::fs;
use std::io::Write;
use std::path::Path;

use serde_json::Value;

const ARTICLE: &str = "<html><head><title>Harbour reopens</title></head><body>\
    <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
    <article><h1>Harbour reopens</h1>\
    <p>The old harbour reopened on Monday after two years of repairs, and the first boats came in at dawn.</p>\
    <p>Fishermen said the new quay, longer and higher than the old one, would keep their boats safe in winter storms.</p>\
    </article><footer>© 2024 Example Gazette</footer></body></html>";

const RUSSIAN: &str = "Москва — столица России, крупнейший по численности населения город страны. \
    Город расположен на реке Москве в центре Восточно-Европейской равнины. Здесь находятся \
    органы государственной власти, многие музеи, театры и университеты, а также старинные храмы.";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn cleans_an_html_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let output = run(&["clean", &page]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["status"], "ok");
    assert_eq!(record["id"], page.as_str());
    assert_eq!(record["title"], "Harbour reopens");
    assert_eq!(record["encoding"], "utf-8");
    assert_eq!(record["schema"], 1);
    let text = record["text"].as_str().unwrap();
    assert!(text.starts_with("The old harbour reopened"), "{text}");
    assert!(text.contains("\n\nFishermen said"));
    assert!(!text.contains("Home") && !text.contains("©"));
    assert_eq!(record["words"], 19 + 20);
    assert!(stderr(&output).contains("1 page: 1 ok, 0 empty, 0 errors"));
}

#[test]
fn samples_give_one_valid_line_each_in_sorted_order() {
    let output = run(&["clean", "samples", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    let mut expected: Vec<String> = walk_pages(Path::new("samples"));
    expected.sort();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected);
    assert!(records.len() >= 10);
    assert!(
        stderr(&output).is_empty(),
        "--quiet prints nothing: {}",
        stderr(&output)
    );
}

/// Sample page paths relative to the samples folder (everything but README and expected/).
fn walk_pages(root: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for entry in fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().unwrap() != "expected" {
                let prefix = path.file_name().unwrap().to_string_lossy().to_string();
                pages.extend(
                    walk_pages(&path)
                        .into_iter()
                        .map(|p| format!("{prefix}/{p}")),
                );
            }
        } else if path.extension().is_some_and(|e| e != "md") {
            pages.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    pages
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let one = run(&["clean", "samples", "--threads", "1", "-q"]);
    let two = run(&["clean", "samples", "--threads", "2", "-q"]);
    let four = run(&["clean", "samples", "-j", "4", "-q"]);
    assert!(one.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn empty_file_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "empty.html", b"");
    let output = run(&["clean", &page]);
    assert!(output.status.success());
    let record = &records(&output)[0];
    assert_eq!(record["status"], "error");
    assert_eq!(
        record["error"],
        "empty_input: the page is empty (0 bytes, no content)"
    );
    assert_eq!(record["text"], Value::Null);
}

#[test]
fn png_named_html_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00";
    let page = write(dir.path(), "image.html", png);
    let record = &records(&run(&["clean", &page]))[0];
    assert_eq!(record["status"], "error");
    assert_eq!(
        record["error"],
        "binary: the page is binary data (image/png), not HTML or text"
    );
}

#[test]
fn truncated_gzip_is_an_error_record_and_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let compressed = gzip(ARTICLE.repeat(20).as_bytes());
    let page = write(
        dir.path(),
        "cut.html.gz",
        &compressed[..compressed.len() / 2],
    );
    let output = run(&["clean", &page]);
    assert_eq!(output.status.code(), Some(1));
    let record = &records(&output)[0];
    assert_eq!(record["status"], "error");
    let error = record["error"].as_str().unwrap();
    assert!(error.starts_with("read: cannot read"), "{error}");
    assert!(error.contains("truncated gzip"), "{error}");
    assert!(stderr(&output).contains("truncated gzip"));
}

#[test]
fn bad_jsonl_lines_become_error_records_and_the_file_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "first", "url": "https://example.org/a", "html": ARTICLE}).to_string(),
        "{this is not json".to_string(),
        serde_json::json!({"id": "no-content", "title": "x"}).to_string(),
        String::new(),
        serde_json::json!({"text": "Menu\nHome\n\nA plain text page with a sentence long enough to count as prose here."}).to_string(),
    ];
    let file = write(dir.path(), "pages.jsonl", lines.join("\n").as_bytes());
    let output = run(&["clean", &file]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["id"], "first");
    assert_eq!(records[0]["url"], "https://example.org/a");
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[1]["id"], format!("{file}:2"));
    assert_eq!(records[1]["status"], "error");
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid_json: line 2 is not a JSON object"));
    assert_eq!(records[2]["id"], "no-content");
    assert_eq!(
        records[2]["error"],
        "missing_content: line 3 has no \"html\" or \"text\" string field"
    );
    assert_eq!(records[3]["id"], format!("{file}:5"));
    assert_eq!(records[3]["source"], format!("{file}:5"));
    assert_eq!(records[3]["status"], "ok");
}

#[test]
fn jsonl_field_names_can_be_renamed() {
    let line = serde_json::json!({"key": 42, "page": ARTICLE, "link": "https://example.org/x"})
        .to_string();
    let output = run_with_stdin(
        &[
            "clean",
            "--html-field",
            "page",
            "--id-field",
            "key",
            "--url-field",
            "link",
        ],
        line.as_bytes(),
    );
    let record = &records(&output)[0];
    assert_eq!(record["id"], "42");
    assert_eq!(record["url"], "https://example.org/x");
    assert_eq!(record["status"], "ok");
}

#[test]
fn windows_1251_without_declaration_comes_out_as_cyrillic() {
    let dir = tempfile::tempdir().unwrap();
    let html = format!("<html><body><article><p>{RUSSIAN}</p></article></body></html>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let page = write(dir.path(), "ru.html", &bytes);
    let record = &records(&run(&["clean", &page]))[0];
    assert_eq!(record["status"], "ok");
    assert_eq!(record["encoding"], "windows-1251");
    assert_eq!(record["text"], RUSSIAN);
}

#[test]
fn unreadable_inputs_get_error_records_and_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let walked = dir.path().join("walked");
    fs::create_dir(&walked).unwrap();
    write(&walked, "a.html", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(walked.join("missing-target.html"), walked.join("b.html")).unwrap();
    write(&walked, "c.html", ARTICLE.as_bytes());
    let missing = dir.path().join("no-such-file.html").display().to_string();
    let output = run(&["clean", &missing, walked.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an unreadable input fails the run"
    );
    let records = records(&output);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [missing.as_str(), "a.html", "b.html", "c.html"]);
    assert_eq!(records[0]["status"], "error");
    assert!(records[0]["error"]
        .as_str()
        .unwrap()
        .contains("No such file"));
    assert_eq!(records[2]["status"], "error");
    assert!(records[2]["error"].as_str().unwrap().starts_with("read: "));
    assert_eq!(records[1]["status"], "ok");
    assert_eq!(records[3]["status"], "ok");
    let messages = stderr(&output);
    assert!(
        messages.contains("cannot read") && messages.contains("no-such-file.html"),
        "{messages}"
    );
    assert!(
        messages.contains("2 inputs could not be read"),
        "{messages}"
    );
}

#[test]
fn unreadable_permissions_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "locked.html", ARTICLE.as_bytes());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&page, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&page).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to test.
        return;
    }
    let output = run(&["clean", &page]);
    assert_eq!(output.status.code(), Some(1));
    assert!(records(&output)[0]["error"]
        .as_str()
        .unwrap()
        .contains("ermission denied"));
}

#[test]
fn every_kind_of_bad_input_in_one_run_leaves_the_rest_intact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    write(&input, "01-good.html", ARTICLE.as_bytes());
    write(&input, "02-empty.html", b"");
    write(
        &input,
        "03-image.html",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let compressed = gzip(ARTICLE.as_bytes());
    write(
        &input,
        "04-cut.html.gz",
        &compressed[..compressed.len() - 12],
    );
    write(
        &input,
        "05-lines.jsonl",
        b"{\"html\": \"<p>one</p>\"}\nnot json\n{\"no\": 1}\n",
    );
    let russian_page = format!("<p>{RUSSIAN}</p>");
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(&russian_page);
    write(&input, "06-ru.html", &cyrillic);
    std::os::unix::fs::symlink(input.join("gone"), input.join("07-dangling.html")).unwrap();
    write(
        &input,
        "08-good.txt",
        b"Home\nAbout\n\nThe last page of the run is a text dump with a sentence of prose in it.",
    );
    write(&input, "notes.md", b"not a page");
    let output = run(&["clean", input.to_str().unwrap(), "--threads", "2"]);
    let records = records(&output);
    let summary: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("01-good.html", "ok"),
        ("02-empty.html", "error"),
        ("03-image.html", "error"),
        ("04-cut.html.gz", "error"),
        ("05-lines.jsonl:1", "ok"),
        ("05-lines.jsonl:2", "error"),
        ("05-lines.jsonl:3", "error"),
        ("06-ru.html", "ok"),
        ("07-dangling.html", "error"),
        ("08-good.txt", "ok"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(summary, expected);
    assert_eq!(records[7]["encoding"], "windows-1251");
    let messages = stderr(&output);
    assert!(
        messages.contains("10 pages: 4 ok, 0 empty, 6 errors"),
        "{messages}"
    );
    assert!(
        messages.contains("skipped 1 file that is not a page (.md 1)"),
        "{messages}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn stdin_takes_html_and_jsonl_and_gzip() {
    let html = run_with_stdin(&["clean"], ARTICLE.as_bytes());
    assert_eq!(records(&html)[0]["id"], "stdin");
    assert_eq!(records(&html)[0]["title"], "Harbour reopens");
    let line = serde_json::json!({"html": ARTICLE}).to_string();
    let jsonl = run_with_stdin(&["clean", "-"], format!("{line}\n{line}\n").as_bytes());
    let ids: Vec<Value> = records(&jsonl).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["stdin:1", "stdin:2"]);
    let compressed = run_with_stdin(&["clean", "-"], &gzip(ARTICLE.as_bytes()));
    assert_eq!(records(&compressed)[0]["title"], "Harbour reopens");
}

#[test]
fn forced_text_format_treats_markup_as_text() {
    let output = run_with_stdin(&["clean", "--input-format", "text"], ARTICLE.as_bytes());
    assert_eq!(records(&output)[0]["title"], Value::Null);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let out = dir.path().join("out.jsonl");
    let output = run(&["clean", &page, "-o", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 1);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|name| name.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let real = dir.path().join("real.jsonl");
    fs::write(&real, "old\n").unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let output = run(&["clean", &page, "-o", link.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap().lines().count(), 1);
    assert!(!fs::read_to_string(&real).unwrap().starts_with("old"));
}

#[cfg(unix)]
#[test]
fn output_to_a_device_writes_into_it_instead_of_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let null = std::path::Path::new("/dev/null");
    // Some sandboxes provide /dev/null as a plain file; there is no device to test with.
    if !fs::metadata(null).is_ok_and(|meta| meta.file_type().is_char_device()) {
        return;
    }
    let output = run(&["clean", &page, "-o", "/dev/null"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(fs::metadata(null).unwrap().file_type().is_char_device());
}

#[test]
fn unwritable_output_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let out = dir.path().join("no/such/dir/out.jsonl");
    let output = run(&["clean", &page, "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot create output"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn fail_on_error_makes_page_errors_fatal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", ARTICLE.as_bytes());
    write(dir.path(), "b.html", b"");
    write(dir.path(), "c.html", ARTICLE.as_bytes());
    let out = dir.path().join("out.jsonl");
    let lenient = run(&["clean", dir.path().to_str().unwrap(), "-q"]);
    assert!(lenient.status.success());
    assert_eq!(records(&lenient).len(), 3);
    let strict = run(&[
        "clean",
        dir.path().to_str().unwrap(),
        "--fail-on-error",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        stderr(&strict).contains("page b.html failed: empty_input"),
        "{}",
        stderr(&strict)
    );
    assert!(!out.exists(), "a failed run leaves no partial output file");
}

#[test]
fn bad_flags_are_usage_errors() {
    let output = run(&["clean", "--threads", "many"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("invalid value 'many'"));
}

#[test]
fn check_passes_on_unchanged_samples_and_fails_on_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let samples = dir.path().join("samples");
    copy_dir(Path::new("samples"), &samples);
    let check = |extra: &[&str]| {
        let mut args = vec!["check", samples.to_str().unwrap()];
        args.extend_from_slice(extra);
        run(&args)
    };
    let passing = check(&[]);
    assert!(
        passing.status.success(),
        "{}",
        String::from_utf8_lossy(&passing.stdout)
    );

    let snapshot = samples.join("expected/seeds/000_51330a87cdbf6b96.txt.snap");
    let original = fs::read_to_string(&snapshot).unwrap();
    fs::write(&snapshot, original.replace("Xi Jinping", "Xi Jin-ping")).unwrap();
    let failing = check(&[]);
    assert_eq!(failing.status.code(), Some(1));
    let report = String::from_utf8_lossy(&failing.stdout);
    assert!(
        report.contains("changed sample seeds/000_51330a87cdbf6b96.txt"),
        "{report}"
    );
    assert!(
        report.contains("-Chinese President Xi Jin-ping"),
        "{report}"
    );
    assert!(report.contains("+Chinese President Xi Jinping"), "{report}");

    assert!(check(&["--bless"]).status.success());
    assert_eq!(fs::read_to_string(&snapshot).unwrap(), original);
    assert!(check(&[]).status.success());
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn markdown_format_adds_markdown_and_leaves_text_alone() {
    let page = "<html><head><title>Harbour reopens</title></head><body>\
        <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
        <article><h1>Harbour reopens</h1>\
        <p>The old harbour reopened on <em>Monday</em> after two years of repairs, and the first boats came in at dawn.</p>\
        <h2>What changed</h2><ol><li>A <strong>longer</strong> quay</li><li>Brighter lights</li></ol>\
        <p>Fishermen said the new quay would keep their boats safe in winter storms (see \
        <a href='https://example.org/quay'>the plans</a><a href='javascript:void(0)'>, share</a>).</p>\
        <pre><code class='language-sh'>tide --port harbour\n  --days 7</code></pre>\
        </article><footer>© 2024 Example Gazette</footer></body></html>";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "harbour.html", page.as_bytes());
    let with = run(&["clean", &path, "--format", "markdown", "-q"]);
    let without = run(&["clean", &path, "-q"]);
    assert!(with.status.success(), "{}", stderr(&with));
    assert!(without.status.success(), "{}", stderr(&without));
    let with = &records(&with)[0];
    let without = &records(&without)[0];
    assert_eq!(
        with["markdown"],
        "The old harbour reopened on *Monday* after two years of repairs, and the first boats \
         came in at dawn.\n\n## What changed\n\n1. A **longer** quay\n2. Brighter lights\n\n\
         Fishermen said the new quay would keep their boats safe in winter storms (see \
         [the plans](https://example.org/quay), share).\n\n```sh\ntide --port harbour\n  --days 7\n```"
    );
    assert_eq!(with["text"], without["text"]);
    assert!(without.as_object().unwrap().get("markdown").is_none());
    let mut rest = with.as_object().unwrap().clone();
    rest.remove("markdown");
    assert_eq!(
        &Value::Object(rest),
        without,
        "only the markdown field differs"
    );
}
