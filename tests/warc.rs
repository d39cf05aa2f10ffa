//! Crawl-scale input and output — WARC input, streaming through standard input, sharding,
//! part files and field choice — driving the real binary on the committed fixtures in
//! `tests/fixtures/warc/` (made by `scripts/make_warc_fixtures.py`).

mod common;

use common::{dechaff, records, run, run_with_stdin, stderr};

use std::path::PathBuf;
use std::process::Stdio;

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/warc")
        .join(name)
        .display()
        .to_string()
}

fn uuid(n: u64) -> String {
    format!("urn:uuid:00000000-0000-4000-8000-{n:012}")
}

#[test]
fn mixed_warc_gives_the_html_pages_errors_for_broken_records_and_skip_counts() {
    let output = run(&["clean", &fixture("mixed.warc.gz")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    let got: Vec<(String, String, String)> = records
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                r["url"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let base = "http://news.example.org";
    let expected: Vec<(String, String, String)> = [
        (uuid(3), "ok", "/harbour"),
        (uuid(6), "ok", "/boats"),
        (uuid(7), "ok", "/quay"),
        (uuid(8), "ok", "/storms"),
        (uuid(999_999_999_999), "error", "/broken"),
        (uuid(10), "ok", "/cafe"),
        ("mixed.warc.gz#12".to_string(), "error", ""),
        (uuid(888_888_888_888), "error", "/short"),
        (uuid(13), "ok", "/winter"),
    ]
    .into_iter()
    .map(|(id, status, path)| {
        let url = if path.is_empty() {
            String::new()
        } else {
            format!("{base}{path}")
        };
        (id, status.to_string(), url)
    })
    .collect();
    assert_eq!(got, expected);
    for record in records.iter().filter(|r| r["status"] == "error") {
        assert!(
            record["error"]
                .as_str()
                .unwrap()
                .starts_with("malformed_record: "),
            "{record}"
        );
    }
    let harbour = &records[0];
    assert_eq!(harbour["title"], "Harbour reopens");
    assert_eq!(harbour["source"], "mixed.warc.gz#3");
    assert_eq!(harbour["warc_record_id"], uuid(3));
    assert_eq!(harbour["warc_date"], "2024-05-01T10:00:03.000000Z");
    // Chunked, gzip, brotli over chunked, and deflate bodies all come out as text.
    for record in records.iter().filter(|r| r["status"] == "ok") {
        assert!(record["words"].as_u64().unwrap() > 50, "{record}");
        assert!(record["text"].as_str().unwrap().contains("harbour"));
    }
    assert_eq!(records[5]["encoding"], "windows-1252");
    assert!(records[5]["text"].as_str().unwrap().contains("Café crème"));
    let summary = stderr(&output);
    assert!(
        summary.contains("9 pages: 6 ok, 0 empty, 3 errors (malformed_record 3)"),
        "{summary}"
    );
    assert!(
        summary.contains("skipped 7 WARC records (http_status 2, not_html 1, record_type 4)"),
        "{summary}"
    );
}

#[test]
fn keep_all_writes_a_skipped_record_for_every_other_record() {
    let output = run(&["clean", "--keep-all", &fixture("mixed.warc.gz")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    let statuses: Vec<&str> = records
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "skipped", "skipped", "ok", "skipped", "skipped", "ok", "ok", "ok", "skipped", "error",
            "ok", "error", "skipped", "error", "skipped", "ok"
        ]
    );
    let reasons: Vec<&str> = records
        .iter()
        .filter(|r| r["status"] == "skipped")
        .map(|r| r["error"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "record_type: a warcinfo record",
            "record_type: a request record",
            "http_status: HTTP status 301",
            "not_html: a response of type image/png",
            "record_type: a metadata record",
            "http_status: HTTP status 404",
            "record_type: a revisit record",
        ]
    );
    let sources: Vec<String> = (1..=16).map(|n| format!("mixed.warc.gz#{n}")).collect();
    let got: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(got, sources);
    assert!(stderr(&output).contains("7 skipped"), "{}", stderr(&output));
}

#[test]
fn a_wget_capture_gives_its_three_html_pages() {
    let output = run(&["clean", &fixture("captured.warc.gz")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    let paths: Vec<String> = records
        .iter()
        .map(|r| {
            let url = r["url"].as_str().unwrap();
            url[url.find(":").unwrap() + 3..]
                .split_once('/')
                .map(|(_, path)| format!("/{path}"))
                .unwrap()
        })
        .collect();
    assert_eq!(paths, ["/", "/boats", "/quay"]);
    assert!(records.iter().all(|r| r["status"] == "ok"));
    assert!(records[2]["text"].as_str().unwrap().contains("Gzipped."));
    assert!(stderr(&output)
        .contains("skipped 12 WARC records (http_status 2, not_html 1, record_type 9)"));
}

#[test]
fn the_same_warc_uncompressed_gzipped_or_zstd_on_a_file_or_stdin_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let output = run(&[
        "clean",
        "-q",
        "--keep-all",
        &fixture("mixed.warc.gz"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let from_file = std::fs::read(&out).unwrap();
    assert!(!from_file.is_empty());
    for name in ["mixed.warc.gz", "mixed.warc", "mixed.warc.zst"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let piped = run_with_stdin(&["clean", "-q", "--keep-all", "-"], &bytes);
        assert!(piped.status.success(), "{name}: {}", stderr(&piped));
        assert_eq!(piped.stdout, from_file, "{name} on stdin");
        let direct = run(&["clean", "-q", "--keep-all", &fixture(name)]);
        assert_eq!(direct.stdout, from_file, "{name} as a file");
    }
}

/// The position of a record in its input: the number after `#` (WARC) or `:` (JSONL) in its
/// source.
fn position(record: &Value) -> (String, u64) {
    // Names may hold `#` or `:` themselves; the position is after the last one.
    let source = record["source"].as_str().unwrap();
    let (name, n) = source.rsplit_once(['#', ':']).unwrap();
    (name.to_string(), n.parse().unwrap())
}

#[test]
fn shards_split_the_pages_and_merge_back_into_the_unsharded_output() {
    // Pages of a WARC file and of a JSONL file (without URLs: those hash their ids).
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("pages.jsonl");
    let lines: Vec<String> = (0..30)
        .map(|i| {
            format!(
                "{{\"html\": \"<p>Page {i} says something long enough to be kept as text.</p>\"}}"
            )
        })
        .collect();
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let inputs = [fixture("mixed.warc.gz"), jsonl.display().to_string()];
    let mut args = vec!["clean", "-q", "--keep-all"];
    args.extend(inputs.iter().map(String::as_str));
    let whole = run(&args);
    assert!(whole.status.success(), "{}", stderr(&whole));
    let whole_text = String::from_utf8(whole.stdout.clone()).unwrap();
    let mut union: Vec<(usize, (String, u64), String)> = Vec::new();
    let mut counts = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let mut shard_args = args.clone();
        shard_args.extend(["--shard", shard]);
        let output = run(&shard_args);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = String::from_utf8(output.stdout).unwrap();
        counts.push(text.lines().count());
        for line in text.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            // The WARC file is the first input, the JSONL file the second.
            let input = usize::from(!record["source"].as_str().unwrap().contains('#'));
            union.push((input, position(&record), line.to_string()));
        }
    }
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    // As multisets of lines...
    let mut sorted_union: Vec<&str> = union.iter().map(|(_, _, l)| l.as_str()).collect();
    let mut sorted_whole: Vec<&str> = whole_text.lines().collect();
    sorted_union.sort_unstable();
    sorted_whole.sort_unstable();
    assert_eq!(sorted_union, sorted_whole);
    // ... and in order once merged by input and position.
    union.sort_by_key(|(input, (_, n), _)| (*input, *n));
    let merged: Vec<&str> = union.iter().map(|(_, _, l)| l.as_str()).collect();
    assert_eq!(merged, whole_text.lines().collect::<Vec<_>>());
    // Skip counts are split too: they add up to the unsharded ones.
    let summary = |shard: Option<&str>| {
        let mut a = vec!["clean".to_string(), fixture("mixed.warc.gz")];
        if let Some(shard) = shard {
            a.extend(["--shard".to_string(), shard.to_string()]);
        }
        let output = dechaff().args(&a).stdout(Stdio::null()).output().unwrap();
        let text = stderr(&output);
        text.split("skipped ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .map_or(0, |n| n.parse::<u64>().unwrap())
    };
    let parts: Vec<u64> = ["0/3", "1/3", "2/3"]
        .iter()
        .map(|s| summary(Some(s)))
        .collect();
    assert_eq!(parts.iter().sum::<u64>(), summary(None));
    assert_eq!(summary(None), 7);
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let output = run(&["clean", "--shard", "3/3", &fixture("mixed.warc")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a shard"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn files_named_relative_to_a_directory_get_the_records_of_a_walk_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("crawl");
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::write(
        root.join("a.jsonl"),
        "{\"html\": \"<p>One page of text that is long enough to keep.</p>\"}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("b/c.html"),
        "<p>Another page of text that is long enough to keep.</p>",
    )
    .unwrap();
    let root_text = root.display().to_string();
    let whole = run(&["clean", "-q", &root_text]);
    let a = root.join("a.jsonl").display().to_string();
    let c = root.join("b/c.html").display().to_string();
    let parts: Vec<u8> = [&a, &c]
        .iter()
        .flat_map(|file| run(&["clean", "-q", "--relative-to", &root_text, file]).stdout)
        .collect();
    assert_eq!(
        String::from_utf8(parts).unwrap(),
        String::from_utf8(whole.stdout).unwrap()
    );
    let ids: Vec<String> = records(&run(&["clean", "-q", "--relative-to", &root_text, &a, &c]))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.jsonl:1", "b/c.html"]);
}

fn read_part(path: &std::path::Path) -> Vec<u8> {
    dechaff::output::read_part(path).unwrap()
}

#[test]
fn a_directory_output_gets_numbered_compressed_parts_of_split_size_records() {
    let dir = tempfile::tempdir().unwrap();
    let single = run(&["clean", "-q", "--keep-all", &fixture("mixed.warc.gz")]);
    for (compress, ext) in [
        ("gzip", "jsonl.gz"),
        ("zstd", "jsonl.zst"),
        ("none", "jsonl"),
    ] {
        let out = dir.path().join(compress);
        let output = run(&[
            "clean",
            "-q",
            "--keep-all",
            &fixture("mixed.warc.gz"),
            "-o",
            out.to_str().unwrap(),
            "--split-size",
            "5",
            "--compress",
            compress,
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let expected: Vec<String> = (0..4).map(|i| format!("part-{i:05}.{ext}")).collect();
        assert_eq!(names, expected);
        let joined: Vec<u8> = names.iter().flat_map(|n| read_part(&out.join(n))).collect();
        assert_eq!(joined, single.stdout, "{compress}");
        // Writing into a directory that already holds parts is refused.
        let again = run(&[
            "clean",
            "-q",
            &fixture("mixed.warc"),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(again.status.code(), Some(2));
    }
    // An existing directory, without --split-size: one gzip part.
    let plain = dir.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    let output = run(&[
        "clean",
        "-q",
        &fixture("mixed.warc"),
        "-o",
        plain.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(plain.join("part-00000.jsonl.gz").exists());
}

#[test]
fn fields_chooses_the_record_fields_and_their_order() {
    let output = run(&[
        "clean",
        "-q",
        &fixture("mixed.warc.gz"),
        "--fields",
        "url,warc_date,status,words",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        "{\"url\":\"http://news.example.org/harbour\",\"warc_date\":\"2024-05-01T10:00:03.000000Z\",\"status\":\"ok\",\"words\":58}"
    );
    assert_eq!(text.lines().count(), 9);
    let bad = run(&["clean", &fixture("mixed.warc"), "--fields", "id,body"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown field \"body\""));
}

#[test]
fn resume_skips_complete_inputs_and_redoes_the_rest_and_the_manifest_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let crawl = dir.path().join("crawl");
    std::fs::create_dir(&crawl).unwrap();
    std::fs::copy(fixture("mixed.warc.gz"), crawl.join("a.warc.gz")).unwrap();
    std::fs::copy(fixture("captured.warc.gz"), crawl.join("b.warc.gz")).unwrap();
    let out = dir.path().join("out");
    let manifest = dir.path().join("manifest.json");
    let args = [
        "clean",
        "-q",
        crawl.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--resume",
        "--manifest",
        manifest.to_str().unwrap(),
    ];
    let first = run(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    for id in ["a.warc.gz", "b.warc.gz"] {
        assert!(out.join(id).join("_COMPLETE").exists());
        assert!(out.join(id).join("part-00000.jsonl.gz").exists());
    }
    let whole = run(&["clean", "-q", crawl.to_str().unwrap()]);
    let parts: Vec<u8> = ["a.warc.gz", "b.warc.gz"]
        .iter()
        .flat_map(|id| read_part(&out.join(id).join("part-00000.jsonl.gz")))
        .collect();
    assert_eq!(parts, whole.stdout);
    // b stopped half-way: no marker, a stale part.
    std::fs::remove_file(out.join("b.warc.gz/_COMPLETE")).unwrap();
    std::fs::write(out.join("b.warc.gz/part-00007.jsonl.gz"), b"stale").unwrap();
    let a_marker = std::fs::read(out.join("a.warc.gz/_COMPLETE")).unwrap();
    let second = run(&args);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(
        std::fs::read(out.join("a.warc.gz/_COMPLETE")).unwrap(),
        a_marker
    );
    assert!(!out.join("b.warc.gz/part-00007.jsonl.gz").exists());
    assert!(out.join("b.warc.gz/_COMPLETE").exists());
    let manifest: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert_eq!(manifest["manifest_version"], 1);
    let states: Vec<&str> = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["already complete", "cleaned"]);
    assert_eq!(manifest["counts"]["records"], 12);
    assert_eq!(manifest["counts"]["ok"], 9);
    assert_eq!(manifest["counts"]["errors"], 3);
    assert_eq!(manifest["skipped_records"]["record_type"], 13);
    assert_eq!(manifest["skipped_records"]["http_status"], 4);
    assert_eq!(manifest["outputs"].as_array().unwrap().len(), 2);
    assert_eq!(manifest["options"]["resume"], true);
}

#[test]
fn a_manifest_lists_inputs_counts_and_outputs_of_a_plain_run() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("m.json");
    let out = dir.path().join("parts");
    let output = run(&[
        "clean",
        "-q",
        &fixture("mixed.warc.gz"),
        "-o",
        out.to_str().unwrap(),
        "--split-size",
        "4",
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert_eq!(manifest["inputs"][0]["input"], fixture("mixed.warc.gz"));
    assert_eq!(manifest["counts"]["records"], 9);
    assert_eq!(manifest["skipped_records"]["not_html"], 1);
    assert_eq!(manifest["outputs"].as_array().unwrap().len(), 3);
    assert_eq!(manifest["options"]["split_size"], 4);
    assert_eq!(manifest["options"]["compress"], "jsonl.gz");
}
