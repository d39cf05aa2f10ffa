//! The pipeline turned inside out, for callers that hold the pages and want records back: the
//! caller submits pages while [`OrderedCleaner::is_full`] is false and takes the records in
//! submission order with [`OrderedCleaner::next_record`]; worker threads clean in between.
//!
//! The Python package drives it this way: it pulls pages from a Python iterator (which needs
//! the interpreter's lock) on the calling thread and waits for records without the lock, so
//! that the workers never touch Python objects.

use std::collections::BTreeMap;

use crossbeam_channel::{Receiver, Sender};

use super::{
    clean_page_guarded, PipelineError, IN_FLIGHT_BYTES_PER_THREAD, IN_FLIGHT_PAGES_PER_THREAD,
};
use crate::engine::{internal_error_record, Options};
use crate::limits::MAX_THREADS_PER_CORE;
use crate::page::Page;
use crate::record::Record;

/// One cleaned page as a worker hands it back: its sequence number, record and size.
type Finished = (u64, Record, usize);

/// Worker threads that clean submitted pages and give the records back in submission order.
///
/// The window is the pipeline's: [`IN_FLIGHT_PAGES_PER_THREAD`] pages or
/// [`IN_FLIGHT_BYTES_PER_THREAD`] bytes per worker, submitted and not yet taken back.
/// Dropping the cleaner discards the pages still queued and returns at once; each worker ends
/// after the page it is cleaning.
pub struct OrderedCleaner {
    /// Where submitted pages wait for a worker; `None` once the cleaner is dropped.
    queue: Option<Sender<(u64, Page)>>,
    /// The workers' end of the queue, kept to discard what is queued when the cleaner is dropped.
    queued: Receiver<(u64, Page)>,
    /// Records from the workers, in the order they finish.
    done: Receiver<Finished>,
    /// Records that finished before an earlier page's.
    early: BTreeMap<u64, (Record, usize)>,
    /// Sequence number of the next page submitted.
    submitted: u64,
    /// Sequence number of the next record handed back.
    returned: u64,
    /// Bytes of the pages in flight.
    bytes_in_flight: usize,
    /// The error record of each page in flight, for the case that no worker is left.
    fallbacks: BTreeMap<u64, Record>,
    /// Whether the workers are known to be gone.
    workers_gone: bool,
    max_pages: usize,
    max_bytes: usize,
}

impl OrderedCleaner {
    /// Starts `threads` workers (0: one per core) cleaning with `engine`. More than
    /// [`MAX_THREADS_PER_CORE`] per core are lowered to that, as the command line lowers them.
    pub fn new(engine: Options, threads: usize) -> Result<OrderedCleaner, PipelineError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = match threads {
            0 => cores,
            n => n.min(cores.saturating_mul(MAX_THREADS_PER_CORE)),
        };
        let (queue, queued) = crossbeam_channel::unbounded::<(u64, Page)>();
        let (finished, done) = crossbeam_channel::unbounded::<Finished>();
        let engine = std::sync::Arc::new(engine);
        for worker in 0..threads {
            let (queued, finished, engine) = (queued.clone(), finished.clone(), engine.clone());
            // A worker cannot die short of an abort: the engine runs under the panic guard and
            // sending cannot panic. It ends when the queue closes or the cleaner is gone.
            std::thread::Builder::new()
                .name(format!("dechaff-worker-{worker}"))
                .spawn(move || {
                    for (sequence, page) in queued {
                        let record = clean_page_guarded(&page, &engine);
                        if finished.send((sequence, record, page.len())).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| PipelineError::Threads(e.to_string()))?;
        }
        Ok(OrderedCleaner {
            queue: Some(queue),
            queued,
            done,
            early: BTreeMap::new(),
            submitted: 0,
            returned: 0,
            bytes_in_flight: 0,
            fallbacks: BTreeMap::new(),
            workers_gone: false,
            max_pages: threads.saturating_mul(IN_FLIGHT_PAGES_PER_THREAD),
            max_bytes: threads.saturating_mul(IN_FLIGHT_BYTES_PER_THREAD),
        })
    }

    /// Pages submitted and not yet handed back.
    pub fn in_flight(&self) -> usize {
        (self.submitted - self.returned) as usize
    }

    /// Whether the window is full: the caller should take a record before submitting more.
    /// With nothing in flight it is never full, so a page larger than the window passes alone.
    pub fn is_full(&self) -> bool {
        self.in_flight() > 0
            && (self.in_flight() >= self.max_pages || self.bytes_in_flight >= self.max_bytes)
    }

    /// Queues a page for cleaning. The window is the caller's to keep (see [`Self::is_full`]).
    pub fn submit(&mut self, page: Page) {
        self.bytes_in_flight += page.len();
        let sequence = self.submitted;
        self.submitted += 1;
        // The record the page gets if the workers are gone (they leave only when the cleaner
        // is dropped, or by an abort): never lost, even then.
        let fallback = internal_error_record(&page, "no worker thread left to clean the page");
        self.fallbacks.insert(sequence, fallback);
        if let Some(queue) = &self.queue {
            if queue.send((sequence, page)).is_ok() {
                return;
            }
        }
        self.workers_gone = true;
    }

    /// The record of the earliest page submitted and not yet handed back, waiting for it if
    /// it is still being cleaned; `None` when nothing is in flight.
    pub fn next_record(&mut self) -> Option<Record> {
        if self.in_flight() == 0 {
            return None;
        }
        let sequence = self.returned;
        let record = loop {
            if let Some((record, bytes)) = self.early.remove(&sequence) {
                self.bytes_in_flight = self.bytes_in_flight.saturating_sub(bytes);
                break record;
            }
            let received = if self.workers_gone {
                None
            } else {
                self.done.recv().ok()
            };
            match received {
                Some((finished, record, bytes)) => {
                    self.early.insert(finished, (record, bytes));
                }
                None => {
                    self.workers_gone = true;
                    let fallback = self.fallbacks.remove(&sequence);
                    self.early.insert(sequence, (fallback?, 0));
                }
            }
        };
        self.fallbacks.remove(&sequence);
        self.returned += 1;
        Some(record)
    }
}

impl Drop for OrderedCleaner {
    fn drop(&mut self) {
        // Closing the queue and emptying it ends each worker's loop after its current page;
        // the workers are not waited for, so dropping never blocks the caller.
        self.queue = None;
        while self.queued.try_recv().is_ok() {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageFormat;
    use crate::record::Status;

    fn page(number: usize) -> Page {
        // Every 50th page is large, so that records finish out of order.
        let words = if number % 50 == 0 { 20_000 } else { 30 };
        let html = format!(
            "<html><body><article><h1>Page {number}</h1><p>{}</p></article></body></html>",
            "word ".repeat(words)
        );
        Page::from_bytes(
            number.to_string(),
            "test",
            PageFormat::Html,
            html.into_bytes(),
        )
    }

    #[test]
    fn records_come_back_in_submission_order_within_the_window() {
        for threads in [1, 2, 3] {
            let mut cleaner = OrderedCleaner::new(Options::default(), threads).unwrap();
            let (mut next_page, mut returned, mut most) = (0usize, 0usize, 0usize);
            while returned < 400 {
                while next_page < 400 && !cleaner.is_full() {
                    cleaner.submit(page(next_page));
                    next_page += 1;
                    most = most.max(cleaner.in_flight());
                }
                let record = cleaner.next_record().unwrap();
                assert_eq!(record.id, returned.to_string(), "{threads} threads");
                assert_eq!(record.status, Status::Ok);
                returned += 1;
            }
            assert!(cleaner.next_record().is_none());
            assert!(
                most <= threads * IN_FLIGHT_PAGES_PER_THREAD,
                "{most} in flight"
            );
        }
    }

    #[test]
    fn a_page_larger_than_the_window_passes_alone() {
        let mut cleaner = OrderedCleaner::new(Options::default(), 1).unwrap();
        let big = format!("<p>{}</p>", "word ".repeat(IN_FLIGHT_BYTES_PER_THREAD));
        cleaner.submit(Page::from_bytes(
            "big",
            "test",
            PageFormat::Html,
            big.into_bytes(),
        ));
        assert!(cleaner.is_full());
        assert_eq!(cleaner.next_record().unwrap().id, "big");
        assert!(!cleaner.is_full());
    }
}
