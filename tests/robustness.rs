//! Hostile inputs, driven through the real binary: every page gives exactly one record, in
//! order; no input is lost, overwritten or left half-written; nothing hangs or panics. Each test
//! names the case of docs/robustness.md it covers.

mod common;

use common::pages::{
    gzip, ids, six_pages, spawn, statuses, text, wait_at_most, warc_record, write, ARTICLE,
};
use common::{dechaff, records as records_of, run, run_with_stdin, stderr};

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

// Case 1: ids map to output directories one-to-one.
#[test]
fn resume_gives_inputs_named_alike_directories_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let crawl = dir.path().join("crawl");
    let names = [
        "新闻.html.gz",
        "体育.html.gz",
        "财经.html.gz",
        "x y.html",
        "x_y.html",
    ];
    for name in names {
        let page = ARTICLE.replace("Harbour", name);
        let bytes = if name.ends_with(".gz") {
            gzip(page.as_bytes())
        } else {
            page.into_bytes()
        };
        write(&crawl, name, &bytes);
    }
    let out = dir.path().join("out");
    let manifest = dir.path().join("run.json");
    let args = [
        "clean",
        "-q",
        &text(&crawl),
        "-o",
        &text(&out),
        "--resume",
        "--manifest",
        &text(&manifest),
    ];
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["records"], 5);
    let mut titles = Vec::new();
    for entry in manifest["inputs"].as_array().unwrap() {
        assert_eq!(entry["state"], "cleaned");
        let part = Path::new(entry["output"].as_str().unwrap()).join("part-00000.jsonl.gz");
        let bytes = dechaff::output::read_part(&part).unwrap();
        let record: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(record["id"], entry["id"]);
        titles.push(record["title"].as_str().unwrap().to_string());
    }
    titles.sort();
    let mut expected: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    expected.sort();
    assert_eq!(titles, expected);
    // Run again: every input is complete, none is cleaned twice or lost.
    let again = run(&args);
    assert!(again.status.success(), "{}", stderr(&again));
}

// Case 2: an over-long Content-Length swallows nothing after it.
#[test]
fn a_wrong_content_length_loses_only_its_record() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bad) in [("huge", 999_999_999_999u64), ("long", 0)] {
        let mut pages = six_pages();
        let length = if bad > 0 {
            bad
        } else {
            // Within the look-ahead, but past the block: into the next record.
            let block = pages[1].len() - 200;
            block as u64 + 150
        };
        let http = String::from_utf8(pages[1].clone()).unwrap();
        let block_start = http.find("HTTP/1.1").unwrap();
        let block = &http[block_start..http.len() - 4];
        pages[1] = warc_record(2, length, block.as_bytes());
        let warc = write(dir.path(), &format!("{name}.warc"), &pages.concat());
        let output = run(&["clean", &text(&warc)]);
        let records = records_of(&output);
        assert_eq!(records.len(), 6, "{name}: {}", stderr(&output));
        assert_eq!(
            statuses(&records),
            ["ok", "error", "ok", "ok", "ok", "ok"],
            "{name}"
        );
        assert!(records[1]["error"]
            .as_str()
            .unwrap()
            .contains("Content-Length"));
        assert_eq!(records[5]["id"], "urn:uuid:6");
    }
}

// Case 3: a corrupt gzip member loses only its own record, which says so.
#[test]
fn a_corrupt_gzip_member_loses_only_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut members: Vec<Vec<u8>> = six_pages().iter().map(|r| gzip(r)).collect();
    let middle = members[2].len() / 2;
    members[2][middle] ^= 0x5a;
    members[2][middle + 1] ^= 0xa5;
    let warc = write(dir.path(), "crawl.warc.gz", &members.concat());
    let output = run(&["clean", &text(&warc)]);
    let records = records_of(&output);
    assert_eq!(statuses(&records), ["ok", "ok", "error", "ok", "ok", "ok"]);
    assert!(records[2]["error"].as_str().unwrap().starts_with("read:"));
    assert_eq!(ids(&records)[5], "urn:uuid:6");
    // Data was lost: the run says so in its exit status.
    assert_eq!(output.status.code(), Some(1));
    // A corrupt checksum alone (the data decodes) fails the record too.
    let mut members: Vec<Vec<u8>> = six_pages().iter().map(|r| gzip(r)).collect();
    let crc = members[4].len() - 8;
    members[4][crc] ^= 0xff;
    let warc = write(dir.path(), "crc.warc.gz", &members.concat());
    let records = records_of(&run(&["clean", &text(&warc)]));
    assert_eq!(statuses(&records), ["ok", "ok", "ok", "ok", "error", "ok"]);
}

// Case 4: a byte-order mark hides neither JSONL nor its first line.
#[test]
fn jsonl_with_a_byte_order_mark_is_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "\u{feff}{}\n{}\n",
        serde_json::json!({"id": "a", "html": ARTICLE}),
        serde_json::json!({"id": "b", "html": ARTICLE})
    );
    for name in ["pages.jsonl", "pages.dat"] {
        let file = write(dir.path(), name, lines.as_bytes());
        let records = records_of(&run(&["clean", &text(&file)]));
        assert_eq!(ids(&records), ["a", "b"], "{name}");
        assert_eq!(statuses(&records), ["ok", "ok"], "{name}");
    }
    let records = records_of(&run_with_stdin(&["clean", "-"], lines.as_bytes()));
    assert_eq!(ids(&records), ["a", "b"]);
    assert_eq!(statuses(&records), ["ok", "ok"]);
}

// Case 5: a stray NUL does not make a page binary; a declared format wins over sniffing.
#[test]
fn a_stray_nul_keeps_the_page_and_a_declared_format_wins() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = ARTICLE.replace(
        "<p>",
        &format!(
            "<p>{}",
            "Another sentence of the long article. ".repeat(500)
        ),
    );
    page.insert(40, '\0');
    let file = write(dir.path(), "nul.html", page.as_bytes());
    let records = records_of(&run(&["clean", &text(&file)]));
    assert_eq!(records[0]["status"], "ok");
    assert!(records[0]["words"].as_u64().unwrap() > 3000);
    // Control bytes all through: binary, unless the user says it is HTML.
    let noisy: String = ARTICLE.chars().flat_map(|c| [c, '\u{1}']).collect();
    let file = write(dir.path(), "noisy.html", noisy.as_bytes());
    let sniffed = records_of(&run(&["clean", &text(&file)]));
    assert!(sniffed[0]["error"].as_str().unwrap().starts_with("binary:"));
    let declared = records_of(&run(&["clean", "--input-format", "html", &text(&file)]));
    assert_eq!(declared[0]["status"], "ok");
}

// Case 6: a declared charset that cannot have produced the bytes is ignored.
#[test]
fn an_impossible_charset_declaration_does_not_empty_the_page() {
    let page = ARTICLE.replace("<head>", "<head><meta charset=iso-2022-kr>");
    let records = records_of(&run_with_stdin(&["clean", "-"], page.as_bytes()));
    assert_eq!(records[0]["status"], "ok");
    assert!(records[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("The harbour reopened"));
}

// Case 7: an output that is an input, or two outputs in one file, are refused up front.
#[test]
fn outputs_over_inputs_are_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", ARTICLE.as_bytes());
    let other = dir.path().join("out.jsonl");
    for args in [
        vec!["clean", "-q", &text(&page), "-o", &text(&page)],
        vec!["clean", "-q", &text(&page), "--manifest", &text(&page)],
        vec![
            "clean",
            "-q",
            &text(&page),
            "-o",
            &text(&other),
            "--manifest",
            &text(&other),
        ],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(stderr(&output).contains("dechaff: "), "{}", stderr(&output));
        assert_eq!(std::fs::read_to_string(&page).unwrap(), ARTICLE);
        assert!(!other.exists());
    }
    // The same for a profile.
    let output = run(&["profile", &text(&page), "-o", &text(&page)]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), ARTICLE);
}

// Case 8: a run whose output lies in its input directory never reads it back.
#[test]
fn an_output_inside_the_input_directory_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", ARTICLE.as_bytes());
    write(dir.path(), "b.html", ARTICLE.as_bytes());
    let out = dir.path().join("out.jsonl");
    let parts = dir.path().join("parts");
    for _ in 0..2 {
        let output = run(&["clean", "-q", &text(dir.path()), "-o", &text(&out)]);
        assert!(output.status.success(), "{}", stderr(&output));
        let written = std::fs::read_to_string(&out).unwrap();
        assert_eq!(written.lines().count(), 2, "{written}");
    }
    // Parts written into a directory inside the input while it is walked are not read either.
    std::fs::remove_file(&out).unwrap();
    let output = run(&[
        "clean",
        "-q",
        &text(dir.path()),
        "-o",
        &text(&parts),
        "--split-size",
        "1",
        "--compress",
        "none",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&parts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["part-00000.jsonl", "part-00001.jsonl"]);
}

/// The hidden temporary files in `dir`.
fn partial_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".partial"))
        .collect()
}

// Case 9: an interrupted run leaves no temporary file; a killed one's are removed later.
#[cfg(unix)]
#[test]
fn interrupted_runs_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    for signal in [libc::SIGTERM, libc::SIGINT] {
        // Standard input stays open, so the run waits for more pages with its output open.
        let mut child = dechaff()
            .args(["clean", "-q", "-", "-o", &text(&out)])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let line = serde_json::json!({"html": ARTICLE}).to_string() + "\n";
        stdin.write_all(line.repeat(200).as_bytes()).unwrap();
        let started = Instant::now();
        while partial_files(dir.path()).is_empty() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no output opened"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        // SAFETY: sends a signal to our own child.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let output = wait_at_most(child, Duration::from_secs(30));
        drop(stdin);
        assert!(!output.status.success());
        assert_eq!(partial_files(dir.path()), Vec::<String>::new());
        assert!(!out.exists());
    }
    // A run killed outright (SIGKILL) cannot clean up; the next run into the same place does.
    let stale = dir.path().join(".dechaff-4000000-out-x1y2z3.partial");
    std::fs::write(&stale, "half a file").unwrap();
    let page = write(dir.path(), "in/page.html", ARTICLE.as_bytes());
    let output = run(&["clean", "-q", &text(&page), "-o", &text(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(partial_files(dir.path()), Vec::<String>::new());
}

// Case 10: parts only go into a new or empty directory; a rewritten file keeps its mode.
#[test]
fn parts_never_spread_into_a_busy_directory() {
    let output = run(&["clean", "-q", "-", "-o", "/"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not empty"),
        "{}",
        stderr(&output)
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", b"mine");
    let output = run(&["clean", "-q", "-", "-o", &format!("{}/", text(dir.path()))]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn a_rewritten_output_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "page.html", ARTICLE.as_bytes());
    let out = write(dir.path(), "private.jsonl", b"");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let output = run(&["clean", "-q", &text(&page), "-o", &text(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

// Case 12: a FIFO in a walked directory is skipped and counted; named, it is read.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", ARTICLE.as_bytes());
    let fifo = dir.path().join("b.html");
    let path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path and mode.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    let output = wait_at_most(
        spawn(&["clean", &text(dir.path())]),
        Duration::from_secs(60),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(ids(&records_of(&output)), ["a.html"]);
    assert!(
        stderr(&output).contains("special file 1"),
        "{}",
        stderr(&output)
    );
    // Named explicitly, the FIFO is read like any file.
    let child = spawn(&["clean", &text(&fifo)]);
    std::fs::write(&fifo, ARTICLE).unwrap();
    let output = wait_at_most(child, Duration::from_secs(60));
    assert_eq!(statuses(&records_of(&output)), ["ok"]);
}

// Case 13: an absurd thread count is lowered, with a warning.
#[test]
fn an_absurd_thread_count_is_capped() {
    let output = wait_at_most(
        {
            let mut child = dechaff()
                .args(["clean", "--threads", "100000", "-"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(ARTICLE.as_bytes())
                .unwrap();
            child
        },
        Duration::from_secs(60),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("more than 4 per core"),
        "{}",
        stderr(&output)
    );
    assert_eq!(statuses(&records_of(&output)), ["ok"]);
}

// Case 14: a text dump past the line limit is refused at once, not cleaned for minutes.
#[test]
fn a_text_dump_past_the_line_limit_is_an_error_record() {
    let dump = "a line\n".repeat(300_000);
    let output = run_with_stdin(&["clean", "--input-format", "text", "-"], dump.as_bytes());
    let records = records_of(&output);
    assert!(records[0]["error"]
        .as_str()
        .unwrap()
        .contains("more than 200000 lines"));
    let output = run_with_stdin(
        &[
            "clean",
            "--input-format",
            "text",
            "--max-text-lines",
            "10",
            "-",
        ],
        "Title\n\nA paragraph of the dump that is long enough to be its article, and ends.\n"
            .as_bytes(),
    );
    assert_eq!(statuses(&records_of(&output)), ["ok"]);
}

// Case 15: markup that is quadratic for a tree builder is cut to the limits, text kept.
#[test]
fn deep_nesting_and_attribute_floods_clean_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let attributes: String = (0..400_000).map(|i| format!(" a{i}=x")).collect();
    write(
        dir.path(),
        "1-attributes.html",
        format!("<div{attributes}>{ARTICLE}</div>").as_bytes(),
    );
    write(
        dir.path(),
        "2-divs.html",
        format!("{}{ARTICLE}", "<div>x".repeat(100_000)).as_bytes(),
    );
    write(
        dir.path(),
        "3-lists.html",
        format!("{}{ARTICLE}", "<ul><li>item, one".repeat(10_000)).as_bytes(),
    );
    let bold: String = (0..20_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
    write(dir.path(), "4-bold.html", bold.as_bytes());
    // Each took 7 s to over a minute before the limits.
    let output = wait_at_most(
        spawn(&["clean", &text(dir.path())]),
        Duration::from_secs(30),
    );
    let records = records_of(&output);
    assert_eq!(
        statuses(&records),
        ["ok", "ok", "ok", "ok"],
        "{}",
        stderr(&output)
    );
    for record in &records[..3] {
        assert!(record["text"]
            .as_str()
            .unwrap()
            .contains("The harbour reopened on Monday"));
    }
}

// Case 16: a raw-text opener inside a quoted value no longer panics the repair.
#[test]
fn an_iframe_in_an_iframe_title_is_cleaned() {
    let page = format!("<html><body><iframe title=\"<iframe a/>\" />{ARTICLE}</body></html>");
    let records = records_of(&run_with_stdin(&["clean", "-"], page.as_bytes()));
    assert_eq!(records[0]["status"], "ok", "{}", records[0]);
}

// Case 17: empty records have no text, control characters leave, numeric ids keep digits.
#[test]
fn records_are_clean_of_punctuation_only_text_controls_and_rounded_ids() {
    let lines = [
        serde_json::json!({"id": "dashes", "html": "<p>---</p><p>&lt;&lt;&lt;&lt;</p>"})
            .to_string(),
        serde_json::json!({"id": "controls", "html": "<p>Red \u{1b}[31malert\u{b} now, and \
            the rest of a sentence that is the article of the page.</p>"})
        .to_string(),
        "{\"id\": 12345678901234567890123, \"html\": \"<p>x</p>\"}".to_string(),
    ]
    .join("\n");
    let records = records_of(&run_with_stdin(&["clean", "-"], lines.as_bytes()));
    assert_eq!(records[0]["status"], "empty");
    assert_eq!(records[0]["text"], Value::Null);
    let text = records[1]["text"].as_str().unwrap();
    assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
    assert!(text.starts_with("Red [31malert now"), "{text:?}");
    assert_eq!(records[2]["id"], "12345678901234567890123");
}
