//! Sample regression: each sample page's record, rendered readably, compared with a reviewed
//! expected file in `<samples>/expected/`.
//!
//! A snapshot shows every record field on its own line as `name: <JSON value>`, then the text
//! verbatim after a `text:` line, so that a change shows as a small line diff.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::engine::{clean_page, Options};
use crate::input::{InputOptions, PageReader};
use crate::output::escaped_relative_path;
use crate::record::Record;

/// Name of the folder, inside the samples folder, that holds expected snapshots.
pub const EXPECTED_DIR: &str = "expected";

/// Extension of snapshot files (not a page extension, so snapshots are never read as pages).
pub const SNAPSHOT_EXTENSION: &str = "snap";

/// Renders a record as a snapshot.
///
/// ```
/// let mut record = dechaff::record::Record::new("a.html", "samples/a.html", None);
/// record.text = Some("One.\n\nTwo.".into());
/// let snapshot = dechaff::snapshot::render(&record);
/// assert!(snapshot.starts_with("id: \"a.html\"\nstatus: \"empty\"\n"));
/// assert!(snapshot.ends_with("text:\nOne.\n\nTwo.\n"));
/// ```
pub fn render(record: &Record) -> String {
    let mut out = String::new();
    let value = serde_json::to_value(record).unwrap_or_default();
    if let Some(object) = value.as_object() {
        for (name, value) in object {
            if name != "text" {
                out.push_str(&format!("{name}: {value}\n"));
            }
        }
    }
    match &record.text {
        Some(text) => {
            out.push_str("text:\n");
            out.push_str(text);
            out.push('\n');
        }
        None => out.push_str("text: null\n"),
    }
    out
}

/// Where the snapshot of the record with this id lives: the id as a path
/// ([`escaped_relative_path`], the rule of `--resume` directories) under the expected-output
/// directory.
pub fn snapshot_path(samples_dir: &Path, id: &str) -> PathBuf {
    samples_dir.join(EXPECTED_DIR).join(format!(
        "{}.{SNAPSHOT_EXTENSION}",
        escaped_relative_path(id)
    ))
}

/// One sample whose output differs from its snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The record id.
    pub id: String,
    /// Unified diff from expected to actual; the whole output when there was no snapshot.
    pub diff: String,
    /// Whether the snapshot was missing.
    pub missing: bool,
}

/// Result of checking the samples.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Samples whose record matches its snapshot.
    pub unchanged: usize,
    /// Samples whose record differs or has no snapshot.
    pub changed: Vec<Changed>,
    /// Snapshots with no sample page.
    pub stale: Vec<PathBuf>,
    /// Whether the snapshots were rewritten to match.
    pub blessed: bool,
}

impl Report {
    /// Whether every sample matched and no snapshot is stale.
    pub fn passed(&self) -> bool {
        self.changed.is_empty() && self.stale.is_empty()
    }
}

/// Cleans every page under `samples_dir` and compares each record with its snapshot; with
/// `bless`, rewrites changed and missing snapshots and removes stale ones.
pub fn check(samples_dir: &Path, options: &Options, bless: bool) -> io::Result<Report> {
    if !samples_dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a directory", samples_dir.display()),
        ));
    }
    let mut report = Report {
        blessed: bless,
        ..Report::default()
    };
    let mut expected_files = BTreeSet::new();
    let inputs = [samples_dir.display().to_string()];
    for page in PageReader::new(&inputs, InputOptions::default()) {
        let mut record = clean_page(&page, options);
        // The source names the samples folder as it was given; snapshots must not depend on
        // where the folder is or how it was named.
        record.source = relative_source(samples_dir, &record.source);
        let path = snapshot_path(samples_dir, &record.id);
        let actual = render(&record);
        let expected = fs::read_to_string(&path).ok();
        expected_files.insert(path.clone());
        if expected.as_deref() == Some(actual.as_str()) {
            report.unchanged += 1;
            continue;
        }
        let diff = TextDiff::from_lines(expected.as_deref().unwrap_or_default(), &actual)
            .unified_diff()
            .context_radius(2)
            .header("expected", "actual")
            .to_string();
        report.changed.push(Changed {
            id: record.id.clone(),
            diff,
            missing: expected.is_none(),
        });
        if bless {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, actual)?;
        }
    }
    let expected_dir = samples_dir.join(EXPECTED_DIR);
    if expected_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&expected_dir).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            let path = entry.path();
            let is_snapshot = path.extension().is_some_and(|e| e == SNAPSHOT_EXTENSION);
            if is_snapshot && !expected_files.contains(path) {
                if bless {
                    fs::remove_file(path)?;
                }
                report.stale.push(path.to_path_buf());
            }
        }
    }
    Ok(report)
}

/// `source` with the samples folder's own path removed from its front.
fn relative_source(samples_dir: &Path, source: &str) -> String {
    Path::new(source)
        .strip_prefix(samples_dir)
        .map(|relative| relative.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| source.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_paths_are_safe() {
        let base = Path::new("s");
        assert_eq!(
            snapshot_path(base, "pages/a.html"),
            Path::new("s/expected/pages/a.html.snap")
        );
        assert_eq!(
            snapshot_path(base, "../x:3"),
            Path::new("s/expected/%2E%2E/x%3A3.snap")
        );
    }

    #[test]
    fn check_detects_changes_and_bless_fixes_them() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("a.html"),
            "<p>A sample paragraph that is long enough to be the article of the page.</p>",
        )
        .unwrap();
        let options = Options::default();
        let first = check(dir.path(), &options, false).unwrap();
        assert!(!first.passed());
        assert!(first.changed[0].missing);
        assert!(check(dir.path(), &options, true).unwrap().blessed);
        assert!(check(dir.path(), &options, false).unwrap().passed());

        let snap = snapshot_path(dir.path(), "a.html");
        let edited = fs::read_to_string(&snap)
            .unwrap()
            .replace("long enough", "LONG");
        fs::write(&snap, edited).unwrap();
        let report = check(dir.path(), &options, false).unwrap();
        assert_eq!(report.changed.len(), 1);
        assert!(report.changed[0]
            .diff
            .contains("-A sample paragraph that is LONG"));
        assert!(report.changed[0]
            .diff
            .contains("+A sample paragraph that is long enough"));

        fs::write(dir.path().join("expected/gone.html.snap"), "x").unwrap();
        check(dir.path(), &options, true).unwrap();
        assert!(!dir.path().join("expected/gone.html.snap").exists());
        assert!(check(dir.path(), &options, false).unwrap().passed());
    }
}
