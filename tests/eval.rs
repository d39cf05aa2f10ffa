//! `dechaff eval` on a small synthetic dataset in the benchmark layout.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

const ARTICLE: &str =
    "The river rose two metres overnight, and the old bridge was closed at dawn.\n\n\
    Engineers will inspect the arches once the water falls, the council said on Tuesday.";

fn page(article: &str) -> String {
    let paragraphs: String = article
        .split("\n\n")
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    format!(
        "<html><head><title>Bridge closed | Town News</title></head><body>\
         <nav><a href=/>Home</a> <a href=/sport>Sport</a> <a href=/weather>Weather</a></nav>\
         <article><h1>Bridge closed</h1>{paragraphs}</article>\
         <footer>Copyright Town News. All rights reserved. Contact us.</footer></body></html>"
    )
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

/// A dataset of two pages with text, snippets and metadata truth.
fn dataset(dir: &Path) {
    fs::create_dir_all(dir.join("pages")).unwrap();
    fs::write(dir.join("pages/p1.html.gz"), gzip(&page(ARTICLE))).unwrap();
    fs::write(
        dir.join("pages/p2.html.gz"),
        gzip(&page(
            "A short second story about the weather, told in one sentence.",
        )),
    )
    .unwrap();
    let truth = [
        json!({"id": "p1", "type": "article", "text": ARTICLE, "title": "Bridge closed",
               "with": ["old bridge was closed"], "without": ["All rights reserved"]}),
        json!({"id": "p2", "type": "forum", "text": "A short second story about the weather, told in one sentence.",
               "title": "Bridge closed", "date": "2024-05-01"}),
    ];
    let lines: Vec<String> = truth.iter().map(Value::to_string).collect();
    fs::write(dir.join("truth.jsonl"), lines.join("\n") + "\n").unwrap();
}

fn eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .arg("eval")
        .args(args)
        .output()
        .expect("the dechaff binary runs")
}

fn json_report(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let output = eval(&all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("--json prints JSON")
}

fn write_predictions(path: &Path, records: &[Value]) {
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    fs::write(path, lines.join("\n")).unwrap();
}

#[test]
fn cleaning_the_pages_prints_every_applicable_metric() {
    let dir = tempfile::tempdir().unwrap();
    dataset(dir.path());
    let output = eval(&[dir.path().to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = String::from_utf8_lossy(&output.stdout);
    for line in ["word ", "shingle ", "snippet ", "title ", "date "] {
        assert!(
            report.lines().any(|l| l.starts_with(line)),
            "no {line:?} line in:\n{report}"
        );
    }
    assert!(
        !report.lines().any(|l| l.starts_with("author ")),
        "no truth has an author:\n{report}"
    );
    assert!(
        report.contains("page type") && report.contains("forum"),
        "{report}"
    );

    let json = json_report(&[dir.path().to_str().unwrap()]);
    assert_eq!(json["pages"], 2);
    assert_eq!(json["missing_predictions"], 0);
    assert_eq!(
        json["overall"]["word"]["f1"], 1.0,
        "the clean synthetic pages are extracted exactly"
    );
    assert_eq!(json["overall"]["snippet"]["f1"], 1.0);
    assert_eq!(json["overall"]["title"], 1.0);
    assert_eq!(json["by_type"]["article"]["pages"], 1);
}

#[test]
fn truth_as_prediction_scores_one_and_whole_pages_score_lower() {
    let dir = tempfile::tempdir().unwrap();
    dataset(dir.path());
    let perfect = dir.path().join("perfect.jsonl");
    write_predictions(
        &perfect,
        &[
            json!({"id": "p1", "text": ARTICLE, "title": "bridge  CLOSED"}),
            json!({"id": "p2.html.gz", "text": "A short second story about the weather, told in one sentence.",
                   "title": "Bridge closed", "date": "2024-05-01T08:00:00Z"}),
        ],
    );
    let report = json_report(&[
        dir.path().to_str().unwrap(),
        "--against",
        perfect.to_str().unwrap(),
    ]);
    for metric in ["word", "shingle", "snippet"] {
        assert_eq!(report["overall"][metric]["f1"], 1.0, "{metric}");
    }
    assert_eq!(report["overall"]["title"], 1.0);
    assert_eq!(report["overall"]["date"], 1.0);

    let whole = dir.path().join("whole.jsonl.gz");
    let records = [
        json!({"id": "p1", "text": format!("Home Sport Weather\n\nBridge closed\n\n{ARTICLE}\n\nCopyright Town News. All rights reserved. Contact us.")}),
        json!({"id": "p2", "text": "Home Sport Weather\n\nBridge closed\n\nA short second story about the weather, told in one sentence.\n\nCopyright Town News. All rights reserved. Contact us."}),
    ];
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    fs::write(&whole, gzip(&lines.join("\n"))).unwrap();
    let report = json_report(&[
        dir.path().to_str().unwrap(),
        "--against",
        whole.to_str().unwrap(),
    ]);
    let word = report["overall"]["word"]["f1"].as_f64().unwrap();
    assert!(word < 0.85, "whole-page text scores lower: {word}");
    assert_eq!(report["overall"]["word"]["recall"], 1.0);
    assert_eq!(
        report["overall"]["snippet"]["precision"], 0.5,
        "the without snippet is found"
    );
    assert_eq!(report["overall"]["title"], 0.0, "no titles predicted");
}

#[test]
fn worst_pages_name_what_was_missed() {
    let dir = tempfile::tempdir().unwrap();
    dataset(dir.path());
    let partial = dir.path().join("partial.jsonl");
    write_predictions(
        &partial,
        &[
            json!({"id": "p1", "text": "The river rose two metres overnight, and the old bridge was closed at dawn."}),
        ],
    );
    let output = eval(&[
        dir.path().to_str().unwrap(),
        "--against",
        partial.to_str().unwrap(),
        "--worst",
        "2",
    ]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("1 without a prediction"), "{report}");
    assert!(
        report.contains("worst 2 pages by word F1:\np2 (forum)  F1 0.000"),
        "{report}"
    );
    assert!(
        report.contains("missed: Engineers will inspect the arches"),
        "{report}"
    );
}

#[test]
fn a_folder_without_truth_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = eval(&[dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read the truth"));
}

#[test]
fn the_guard_fails_when_a_figure_falls_below_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("town-news");
    dataset(&set);
    let set = set.to_str().unwrap();
    let figures = dir.path().join("figures.json");
    let figures_arg = figures.to_str().unwrap();

    let recorded = eval(&[set, "--record", figures_arg]);
    assert!(recorded.status.success());
    let file: Value = serde_json::from_slice(&fs::read(&figures).unwrap()).unwrap();
    assert_eq!(file["datasets"]["town-news"]["figures"]["word_f1"], 1.0);
    assert_eq!(
        file["datasets"]["town-news"]["figures"]["word_f1/forum"],
        1.0
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary file is left beside the record"
    );

    let guarded = eval(&[set, "--guard", figures_arg]);
    assert_eq!(guarded.status.code(), Some(0));

    // A stored output that loses a page's text falls below the record: the guard names it.
    let worse = dir.path().join("worse.jsonl");
    write_predictions(
        &worse,
        &[
            json!({"id": "p1", "text": ARTICLE, "title": "Bridge closed"}),
            json!({"id": "p2", "text": "", "title": "Bridge closed", "date": "2024-05-01"}),
        ],
    );
    let fell = eval(&[
        set,
        "--against",
        worse.to_str().unwrap(),
        "--guard",
        figures_arg,
    ]);
    assert_eq!(fell.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&fell.stderr);
    assert!(
        stderr.contains("word_f1 fell to 0.5000 from its recorded 1.0000"),
        "{stderr}"
    );
    assert!(stderr.contains("word_f1/forum fell to 0.0000"), "{stderr}");

    // A dataset the file has no record of fails too, and a missing file is a usage error.
    let other = dir.path().join("other");
    dataset(&other);
    let unrecorded = eval(&[other.to_str().unwrap(), "--guard", figures_arg]);
    assert_eq!(unrecorded.status.code(), Some(1));
    let missing = dir.path().join("nowhere.json");
    let no_file = eval(&[set, "--guard", missing.to_str().unwrap()]);
    assert_eq!(no_file.status.code(), Some(2));

    // Only the default run is recorded: another run under the same name would replace it.
    for other_run in [
        vec!["--precision"],
        vec!["--against", worse.to_str().unwrap()],
        vec!["--guard", figures_arg],
    ] {
        let mut args = vec![set, "--record", figures_arg];
        args.extend(other_run.iter().copied());
        assert_eq!(eval(&args).status.code(), Some(2), "{other_run:?}");
    }
    let file_after: Value = serde_json::from_slice(&fs::read(&figures).unwrap()).unwrap();
    assert_eq!(file_after, file, "the record is unchanged");
}
