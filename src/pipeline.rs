//! Parallel, ordered, bounded-memory cleaning of a stream of pages.
//!
//! A reader thread pulls pages from the input iterator and hands them over in batches through
//! a channel of capacity one; the calling thread cleans each batch on a rayon pool, keeping
//! input order, and writes the records. At most three batches exist at a time (being read,
//! waiting, being cleaned), so memory is bounded by the batch limits, not by the input.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use thiserror::Error;

use crate::engine::{clean_page, internal_error_record, Options};
use crate::page::{Content, Page};
use crate::record::{Record, Status};

/// Most pages in one batch.
const BATCH_PAGES: usize = 64;

/// Most page bytes in one batch; with three batches alive this bounds buffered input.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// How the pipeline runs.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Show a progress bar on stderr when stderr is a terminal.
    pub progress: bool,
    /// Stop at the first page that fails.
    pub fail_on_error: bool,
}

/// Counts of one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Records written.
    pub pages: u64,
    /// Records with status `ok`.
    pub ok: u64,
    /// Records with status `empty`.
    pub empty: u64,
    /// Records with status `error`.
    pub errors: u64,
    /// Records with status `skipped` (written only with `--keep-all`).
    pub skipped: u64,
    /// Errors that were inputs which could not be read (these make the exit status non-zero).
    pub input_failures: u64,
    /// Error records by error code.
    pub errors_by_code: BTreeMap<String, u64>,
    /// Page bytes cleaned (after decompression).
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl Summary {
    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        let mut reasons = String::new();
        if !self.errors_by_code.is_empty() {
            let list: Vec<String> = self
                .errors_by_code
                .iter()
                .map(|(code, count)| format!("{code} {count}"))
                .collect();
            reasons = format!(" ({})", list.join(", "));
        }
        let skipped = if self.skipped > 0 {
            format!(", {} skipped", self.skipped)
        } else {
            String::new()
        };
        let plural = |count: u64, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        format!(
            "{}: {} ok, {} empty, {}{}{} in {:.2} s, {:.1} pages/s, {:.2} MB/s",
            plural(self.pages, "page", "pages"),
            self.ok,
            self.empty,
            plural(self.errors, "error", "errors"),
            reasons,
            skipped,
            seconds,
            self.pages as f64 / seconds,
            self.bytes as f64 / 1e6 / seconds,
        )
    }

    fn count(&mut self, record: &Record, bytes: usize) {
        self.pages += 1;
        self.bytes += bytes as u64;
        match record.status {
            Status::Ok => self.ok += 1,
            Status::Empty => self.empty += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => {
                self.errors += 1;
                let code = record
                    .error
                    .as_deref()
                    .and_then(|e| e.split(':').next())
                    .unwrap_or("unknown");
                *self.errors_by_code.entry(code.to_string()).or_default() += 1;
            }
        }
    }
}

/// Why a run stopped early.
#[derive(Debug, Error)]
pub enum PipelineError {
    /// The output could not be written.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// `--fail-on-error` and a page failed.
    #[error("page {id} failed: {error}")]
    PageFailed {
        /// The failed page's id.
        id: String,
        /// The record's error string.
        error: String,
    },
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// A cleaned page, ready to write.
struct Cleaned {
    record: Record,
    line: String,
    bytes: usize,
    input_failure: bool,
}

/// Cleans every page of `pages` and writes one JSON line per page to `out`, in input order.
pub fn run(
    pages: &mut (dyn Iterator<Item = Page> + Send),
    engine: &Options,
    options: &PipelineOptions,
    out: &mut dyn Write,
) -> Result<Summary, PipelineError> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| PipelineError::Threads(e.to_string()))?;
    let progress = progress_bar(options.progress);
    let mut summary = Summary::default();
    let (sender, receiver) = sync_channel::<Vec<Page>>(1);
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut batch_bytes = 0;
            for page in pages {
                batch_bytes += page.len();
                batch.push(page);
                if batch.len() >= BATCH_PAGES || batch_bytes >= BATCH_BYTES {
                    if sender.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    batch_bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
        });
        for batch in receiver {
            let cleaned: Vec<Cleaned> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|page| clean_guarded(page, engine))
                    .collect()
            });
            drop(batch);
            for item in cleaned {
                summary.count(&item.record, item.bytes);
                if item.input_failure {
                    summary.input_failures += 1;
                    let message = item.record.error.as_deref().unwrap_or_default();
                    progress.suspend(|| eprintln!("dechaff: {message}"));
                }
                out.write_all(item.line.as_bytes())
                    .map_err(PipelineError::Output)?;
                out.write_all(b"\n").map_err(PipelineError::Output)?;
                if options.fail_on_error && item.record.status == Status::Error {
                    return Err(PipelineError::PageFailed {
                        id: item.record.id,
                        error: item.record.error.unwrap_or_default(),
                    });
                }
            }
            out.flush().map_err(PipelineError::Output)?;
            progress.set_position(summary.pages);
        }
        Ok(())
        // Leaving the scope on error drops the receiver, which ends the reader thread.
    });
    progress.finish_and_clear();
    summary.elapsed = started.elapsed();
    result.map(|()| summary)
}

/// Cleans one page, turning a panic into an error record so that no page is ever lost.
fn clean_guarded(page: &Page, engine: &Options) -> Cleaned {
    let record = catch_unwind(AssertUnwindSafe(|| clean_page(page, engine)))
        .unwrap_or_else(|_| internal_error_record(page, "the extractor panicked on this page"));
    let input_failure = matches!(&page.content, Content::Failed(error) if error.is_input_failure());
    Cleaned {
        line: record.to_json_line(),
        bytes: page.len(),
        record,
        input_failure,
    }
}

fn progress_bar(wanted: bool) -> ProgressBar {
    if !wanted || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {human_pos} pages  {per_sec}  {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageFormat;

    fn pages(count: usize) -> Vec<Page> {
        (0..count)
            .map(|i| {
                let html = format!("<p>Page number {i} has a sentence of text, long enough to keep as content.</p>");
                Page::from_bytes(format!("p{i}"), "mem", PageFormat::Html, html.into_bytes())
            })
            .collect()
    }

    fn run_with(threads: usize, count: usize) -> (Summary, String) {
        let mut out = Vec::new();
        let mut input = pages(count).into_iter();
        let options = PipelineOptions {
            threads,
            ..Default::default()
        };
        let summary = run(&mut input, &Options::default(), &options, &mut out).unwrap();
        (summary, String::from_utf8(out).unwrap())
    }

    #[test]
    fn output_is_ordered_and_identical_across_thread_counts() {
        let (summary, one) = run_with(1, 600);
        let (_, two) = run_with(2, 600);
        assert_eq!(one, two);
        assert_eq!(summary.pages, 600);
        assert_eq!(summary.ok, 600);
        let ids: Vec<String> = one
            .lines()
            .map(|l| serde_json::from_str::<Record>(l).unwrap().id)
            .collect();
        let expected: Vec<String> = (0..600).map(|i| format!("p{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn fail_on_error_stops_at_the_failed_page() {
        let mut input = vec![
            Page::from_bytes("a", "a", PageFormat::Html, b"<p>fine page</p>".to_vec()),
            Page::from_bytes("b", "b", PageFormat::Html, Vec::new()),
            Page::from_bytes("c", "c", PageFormat::Html, b"<p>never reached</p>".to_vec()),
        ]
        .into_iter();
        let options = PipelineOptions {
            threads: 1,
            fail_on_error: true,
            ..Default::default()
        };
        let mut out = Vec::new();
        let error = run(&mut input, &Options::default(), &options, &mut out).unwrap_err();
        assert!(matches!(error, PipelineError::PageFailed { ref id, .. } if id == "b"));
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    }
}
