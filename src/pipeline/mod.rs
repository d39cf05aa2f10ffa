//! Parallel, ordered, bounded-memory cleaning of a stream of pages.
//!
//! A reader thread pulls pages from the input iterator and queues them for a pool of worker
//! threads; each worker cleans one page at a time and hands back its record; the calling
//! thread writes the records in input order, holding back those that finish early. Pages flow
//! one by one, so while a slow page is cleaned the other workers go on with the pages after
//! it, until the window below is full of them.
//!
//! Memory is bounded by a window on the pages in flight (read but not yet written): the reader
//! waits while [`IN_FLIGHT_PAGES_PER_THREAD`] pages or [`IN_FLIGHT_BYTES_PER_THREAD`] of page
//! bytes per worker are in flight (a single larger page still passes, alone), so the pipeline
//! holds at most one page more than that: the one the reader waits with. Nothing in flight
//! depends on the input's size.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use indicatif::{ProgressBar, ProgressStyle};
use thiserror::Error;

use crate::engine::{clean_page, internal_error_record, Options};
use crate::page::{Content, Page};
use crate::record::{Record, Status};

mod ordered;
pub use ordered::OrderedCleaner;

/// Most pages in flight (read and not yet written) per worker thread: enough that a worker
/// never waits for the reader, and that records finishing out of order rarely stall the window.
pub const IN_FLIGHT_PAGES_PER_THREAD: usize = 4;

/// Most page bytes in flight (after decompression) per worker thread; a page larger than the
/// whole window is let through when it would be the only one in flight.
pub const IN_FLIGHT_BYTES_PER_THREAD: usize = 2 * 1024 * 1024;

/// The output is flushed when the writer has caught up with the workers and this long has
/// passed since the last flush (and at the end): records reach a pipe or a file soon, without
/// a write to the system per record.
const FLUSH_INTERVAL: Duration = Duration::from_millis(100);

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
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let window = Window::new(
        threads * IN_FLIGHT_PAGES_PER_THREAD,
        threads * IN_FLIGHT_BYTES_PER_THREAD,
    );
    let progress = progress_bar(options.progress);
    let mut summary = Summary::default();
    let result = std::thread::scope(|scope| {
        let (queue, queued) = crossbeam_channel::bounded::<(u64, Page)>(threads);
        let (finished, done) = crossbeam_channel::unbounded::<(u64, Cleaned)>();
        // However the writer leaves (done, an output error, --fail-on-error), the reader must
        // not stay blocked on the window (it may still wait for the input's next page), and
        // the workers stop once `done` is dropped.
        let _close = CloseOnDrop(&window);
        let window = &window;
        std::thread::Builder::new()
            .name("dechaff-reader".into())
            .spawn_scoped(scope, move || {
                for (sequence, page) in (0u64..).zip(pages) {
                    if !window.enter(page.len()) || queue.send((sequence, page)).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| PipelineError::Threads(e.to_string()))?;
        for worker in 0..threads {
            let queued = queued.clone();
            let finished = finished.clone();
            std::thread::Builder::new()
                .name(format!("dechaff-worker-{worker}"))
                .spawn_scoped(scope, move || {
                    // A worker that dies leaves a page that never comes: the run must end (with
                    // the worker's panic, when the scope joins it), not wait for it.
                    let _close = CloseOnPanic(window);
                    for (sequence, page) in queued {
                        let cleaned = clean_guarded(&page, engine);
                        drop(page);
                        if finished.send((sequence, cleaned)).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| PipelineError::Threads(e.to_string()))?;
        }
        drop((queued, finished));
        let mut early = BTreeMap::new();
        let mut next = 0u64;
        let mut flushed = Instant::now();
        let mut unflushed = false;
        loop {
            // With records waiting in the output's buffer, wait no longer than the interval
            // for the next one: a slow input must not hold back records already written.
            let received = if unflushed {
                done.recv_timeout(FLUSH_INTERVAL)
            } else {
                done.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match received {
                Ok((sequence, cleaned)) => {
                    early.insert(sequence, cleaned);
                    while let Some(item) = early.remove(&next) {
                        next += 1;
                        let bytes = item.bytes;
                        write_record(item, &mut summary, out, options, &progress)?;
                        window.leave(bytes);
                        unflushed = true;
                    }
                    if !unflushed || !done.is_empty() || flushed.elapsed() < FLUSH_INTERVAL {
                        continue;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            out.flush().map_err(PipelineError::Output)?;
            progress.set_position(summary.pages);
            flushed = Instant::now();
            unflushed = false;
        }
        out.flush().map_err(PipelineError::Output)?;
        Ok(())
    });
    progress.finish_and_clear();
    summary.elapsed = started.elapsed();
    result.map(|()| summary)
}

/// Writes one record's line and counts it.
fn write_record(
    item: Cleaned,
    summary: &mut Summary,
    out: &mut dyn Write,
    options: &PipelineOptions,
    progress: &ProgressBar,
) -> Result<(), PipelineError> {
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
        out.flush().map_err(PipelineError::Output)?;
        return Err(PipelineError::PageFailed {
            id: item.record.id,
            error: item.record.error.unwrap_or_default(),
        });
    }
    Ok(())
}

/// The pages in flight: read from the input and not yet written.
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
    max_pages: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct WindowState {
    pages: usize,
    bytes: usize,
    closed: bool,
}

impl Window {
    fn new(max_pages: usize, max_bytes: usize) -> Window {
        Window {
            state: Mutex::default(),
            changed: Condvar::new(),
            max_pages: max_pages.max(1),
            max_bytes,
        }
    }

    /// Waits until a page of `bytes` fits in the window and counts it in; false once the
    /// window is closed (the run is over).
    fn enter(&self, bytes: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.closed
            && state.pages > 0
            && (state.pages >= self.max_pages || state.bytes + bytes > self.max_bytes)
        {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.pages += 1;
        state.bytes += bytes;
        !state.closed
    }

    /// Counts a written page out of the window.
    fn leave(&self, bytes: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.pages = state.pages.saturating_sub(1);
        state.bytes = state.bytes.saturating_sub(bytes);
        self.changed.notify_one();
    }

    fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.changed.notify_all();
    }
}

/// Closes the window when a worker thread unwinds.
struct CloseOnPanic<'a>(&'a Window);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.close();
        }
    }
}

/// Closes the window when the writer leaves, however it leaves.
struct CloseOnDrop<'a>(&'a Window);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Cleans one page, turning a panic into an error record so that no page is ever lost.
fn clean_guarded(page: &Page, engine: &Options) -> Cleaned {
    let (record, line) = catch_unwind(AssertUnwindSafe(|| {
        let record = clean_page(page, engine);
        let line = record.to_json_line();
        (record, line)
    }))
    .unwrap_or_else(|_| {
        let record = panicked(page);
        let line = record.to_json_line();
        (record, line)
    });
    let input_failure = matches!(&page.content, Content::Failed(error) if error.is_input_failure());
    Cleaned {
        line,
        bytes: page.len(),
        record,
        input_failure,
    }
}

/// Cleans one page, turning a panic in the engine into an `internal` error record, for callers
/// that clean pages one by one outside [`run`] (its workers also guard the record's line).
pub fn clean_page_guarded(page: &Page, engine: &Options) -> Record {
    catch_unwind(AssertUnwindSafe(|| clean_page(page, engine))).unwrap_or_else(|_| panicked(page))
}

/// The record of a page on which the engine panicked.
fn panicked(page: &Page) -> Record {
    internal_error_record(page, "the extractor panicked on this page")
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

    /// Output that counts the records written so far, for the input side to read.
    struct CountingOutput(std::sync::Arc<std::sync::atomic::AtomicUsize>);

    impl Write for CountingOutput {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            let lines = bytes.iter().filter(|&&b| b == b'\n').count();
            self.0.fetch_add(lines, std::sync::atomic::Ordering::SeqCst);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pages_in_flight_never_exceed_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        const PAGES: usize = 6_000;
        for threads in [1, 2, 3] {
            let written = Arc::new(AtomicUsize::new(0));
            let most_in_flight = Arc::new(AtomicUsize::new(0));
            let (seen, most) = (Arc::clone(&written), Arc::clone(&most_in_flight));
            // A generator: each page is made when the pipeline asks for it; the pipeline then
            // holds it and every page read before it and not yet written.
            let mut input = (0..PAGES).map(move |i| {
                let in_flight = i - seen.load(Ordering::SeqCst) + 1;
                most.fetch_max(in_flight, Ordering::SeqCst);
                let html = if i % 1000 == 0 {
                    // now and then a slow page, so that the pages after it finish first
                    format!("<div><p>{}</p></div>", "slow page text. ".repeat(20_000))
                } else {
                    format!("<p>Page {i}: a sentence long enough to be the article.</p>")
                };
                Page::from_bytes(format!("p{i}"), "gen", PageFormat::Html, html.into_bytes())
            });
            let options = PipelineOptions {
                threads,
                ..Default::default()
            };
            let mut out = CountingOutput(Arc::clone(&written));
            let summary = run(&mut input, &Options::default(), &options, &mut out).unwrap();
            assert_eq!(summary.pages as usize, PAGES);
            assert_eq!(written.load(Ordering::SeqCst), PAGES);
            let most = most_in_flight.load(Ordering::SeqCst);
            // The window, and the page the reader waits with.
            assert!(
                most <= threads * IN_FLIGHT_PAGES_PER_THREAD + 1,
                "{most} pages in flight on {threads} threads"
            );
            // The window is used: the workers are not starved.
            assert!(
                most >= threads,
                "{most} pages in flight on {threads} threads"
            );
        }
    }

    #[test]
    fn a_page_larger_than_the_byte_window_passes_alone() {
        let big = format!("<p>{}</p>", "word ".repeat(IN_FLIGHT_BYTES_PER_THREAD));
        let mut input = vec![
            Page::from_bytes("a", "a", PageFormat::Html, b"<p>small page</p>".to_vec()),
            Page::from_bytes("big", "big", PageFormat::Html, big.into_bytes()),
            Page::from_bytes("c", "c", PageFormat::Html, b"<p>small page</p>".to_vec()),
        ]
        .into_iter();
        let mut out = Vec::new();
        let options = PipelineOptions {
            threads: 1,
            ..Default::default()
        };
        let summary = run(&mut input, &Options::default(), &options, &mut out).unwrap();
        assert_eq!(summary.pages, 3);
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Record>(l).unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "big", "c"]);
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
