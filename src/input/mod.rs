//! Where pages come from: files, directories (walked recursively in sorted order), stdin;
//! gzip- or zstd-compressed or not; one page per file, per JSONL line or per WARC record.
//!
//! [`PageReader`] is an iterator of [`Page`]s in input order. It reads lazily, one file, one
//! JSONL line and one WARC record at a time, so memory does not grow with the size of the
//! input. Every problem becomes a failed page (an error record later), never a stop.

mod gzip;
mod http;
mod jsonl;
mod open;
mod shard;
mod walk;
mod warc;

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::error::PageError;
use crate::limits::InputLimits;
use crate::page::{Content, Page, PageFormat};
use crate::vocab::{HTML_EXTENSIONS, JSONL_EXTENSIONS, TEXT_EXTENSIONS, WARC_EXTENSIONS};
pub use gzip::is_resumable;
pub use jsonl::{JsonlFields, JsonlReader};
use open::{open_input, read_whole, Opened, UTF8_BOM};
pub use shard::{fnv1a64, Shard};
use walk::{extension_of, relative_id, Walk, Walked};
pub use walk::{skipped_files_note, FileIdentity, SkippedFiles};
pub use warc::WarcReader;

/// Opens a file for buffered reading, decompressing gzip and zstd transparently, within the
/// default input limits.
pub fn open_reader(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    open::open_reader(Some(path), &InputLimits::default())
}

/// Reads the pages of a JSONL stream as [`PageReader`] reads a JSONL file — decompressed when
/// it is gzip or zstd, after a byte-order mark — for tools and fuzzing that hold the bytes
/// themselves. A stream that cannot even be opened gives one `read` error page.
pub fn read_jsonl(
    reader: impl Read + Send + 'static,
    name: &str,
    fields: JsonlFields,
    limits: &InputLimits,
) -> Box<dyn Iterator<Item = Page> + Send> {
    match open::decompressed(Box::new(reader), limits) {
        Ok(stream) => Box::new(JsonlReader::new(
            stream,
            name.to_string(),
            name.to_string(),
            fields,
            *limits,
        )),
        Err(error) => Box::new(std::iter::once(unreadable(name, &error))),
    }
}

/// Reads the pages of a WARC stream as [`PageReader`] reads a WARC file (decompressed when it
/// is gzip or zstd), skipped records included as [`Content::Skipped`] pages.
pub fn read_warc(
    reader: impl Read + Send + 'static,
    name: &str,
    limits: &InputLimits,
) -> Box<dyn Iterator<Item = Page> + Send> {
    match open::decompressed(Box::new(reader), limits) {
        Ok(mut stream) => {
            // A byte-order mark before the first record is not a stray byte.
            if stream
                .fill_buf()
                .is_ok_and(|head| head.starts_with(UTF8_BOM))
            {
                stream.consume(UTF8_BOM.len());
            }
            Box::new(WarcReader::new(
                stream,
                name.to_string(),
                limits.max_page_bytes,
            ))
        }
        Err(error) => Box::new(std::iter::once(unreadable(name, &error))),
    }
}

fn unreadable(name: &str, error: &std::io::Error) -> Page {
    Page::failed(
        name,
        name,
        PageError::Read {
            what: name.to_string(),
            reason: open::describe_io_error(error),
        },
    )
}

/// The input format, when the user fixes it instead of letting dechaff detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide per input from the extension, then from the content.
    #[default]
    Auto,
    /// Every input is one HTML page.
    Html,
    /// Every input is one plain-text page dump.
    Text,
    /// Every input is JSONL, one page per line.
    Jsonl,
    /// Every input is a WARC file, one page per HTML response record.
    Warc,
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Fixed or detected format.
    pub format: InputFormat,
    /// Field names of JSONL records.
    pub fields: JsonlFields,
    /// Limits on page, line and input sizes.
    pub limits: InputLimits,
    /// Hand on skipped inputs (WARC records that are not HTML responses) as pages, which
    /// become `skipped` records, instead of only counting them.
    pub keep_all: bool,
    /// Only the pages of this shard.
    pub shard: Option<Shard>,
    /// Files named as inputs under this directory get the ids they would get if the directory
    /// were walked (their path relative to it), so that a run over some of a directory's files
    /// gives the same records as the run over the whole directory.
    pub relative_to: Option<PathBuf>,
    /// Files and directories a walk leaves out: the run's own output, so that a run whose
    /// output lies inside its input never reads it back.
    pub exclude: Vec<FileIdentity>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            fields: JsonlFields::default(),
            limits: InputLimits::default(),
            keep_all: false,
            shard: None,
            relative_to: None,
            exclude: Vec::new(),
        }
    }
}

/// Name used for standard input in ids and sources.
pub const STDIN_NAME: &str = "stdin";

/// One command-line input.
#[derive(Debug, Clone)]
enum Input {
    Stdin,
    Path(PathBuf),
}

/// Iterator over the pages of all inputs, in input order.
pub struct PageReader {
    pending: VecDeque<Input>,
    walk: Option<Walk>,
    /// The file being read record by record (JSONL or WARC).
    records: Option<Box<dyn Iterator<Item = Page> + Send>>,
    options: InputOptions,
    skipped_files: SkippedFiles,
    skipped_records: BTreeMap<&'static str, u64>,
}

impl PageReader {
    /// Reads the given inputs; `-` is standard input, and no inputs at all means standard
    /// input.
    pub fn new(inputs: &[String], options: InputOptions) -> PageReader {
        let mut pending: VecDeque<Input> = inputs
            .iter()
            .map(|input| {
                if input == "-" {
                    Input::Stdin
                } else {
                    Input::Path(PathBuf::from(input))
                }
            })
            .collect();
        if pending.is_empty() {
            pending.push_back(Input::Stdin);
        }
        PageReader {
            pending,
            walk: None,
            records: None,
            options,
            skipped_files: SkippedFiles::new(),
            skipped_records: BTreeMap::new(),
        }
    }

    /// Files met while walking directories that are not pages, by kind (see
    /// [`skipped_files_note`]).
    pub fn skipped_files(&self) -> &SkippedFiles {
        &self.skipped_files
    }

    /// Records skipped (WARC records that are not HTML responses, within the shard), by
    /// reason; with `keep_all` they were also handed on as pages.
    pub fn skipped_records(&self) -> &BTreeMap<&'static str, u64> {
        &self.skipped_records
    }

    /// The next file of the directory being walked, as (path, id), or a failed page.
    fn next_walked(&mut self) -> Option<Result<(PathBuf, String), Page>> {
        let walk = self.walk.as_mut()?;
        match walk.next(&mut self.skipped_files) {
            None => {
                self.walk = None;
                None
            }
            Some(Walked::File { path, id }) => Some(Ok((path, id))),
            Some(Walked::Failed { path, id, reason }) => {
                let what = path.display().to_string();
                Some(Err(Page::failed(
                    id,
                    what.clone(),
                    PageError::Read { what, reason },
                )))
            }
        }
    }

    /// Opens one file (or stdin) and returns its single page, or starts reading it as JSONL or
    /// WARC and returns its first page.
    fn read_input(&mut self, path: Option<&Path>, id: String) -> Option<Page> {
        let source = path.map_or_else(|| STDIN_NAME.to_string(), |p| p.display().to_string());
        let declared = match self.options.format {
            InputFormat::Auto => path.map_or(Declared::Unknown, declared_format),
            InputFormat::Html => Declared::Page(PageFormat::Html),
            InputFormat::Text => Declared::Page(PageFormat::Text),
            InputFormat::Jsonl => Declared::Jsonl,
            InputFormat::Warc => Declared::Warc,
        };
        let limits = self.options.limits;
        let opened = match open_input(path, &limits) {
            Ok(opened) => opened,
            Err(error) => return Some(Page::failed(id, source, error)),
        };
        let Opened {
            mut reader,
            bom,
            starts_with_brace,
            starts_with_warc,
        } = opened;
        let declared = match declared {
            Declared::Unknown if starts_with_warc => Declared::Warc,
            Declared::Unknown if starts_with_brace => Declared::Jsonl,
            declared => declared,
        };
        match declared {
            Declared::Jsonl => {
                let jsonl =
                    JsonlReader::new(reader, id, source, self.options.fields.clone(), limits);
                self.records = Some(Box::new(jsonl));
                return self.next_record();
            }
            Declared::Warc => {
                let warc = WarcReader::new(reader, source, limits.max_page_bytes);
                self.records = Some(Box::new(warc));
                return self.next_record();
            }
            _ => {}
        }
        let format = match declared {
            Declared::Page(format) => format,
            _ => PageFormat::Auto,
        };
        if bom {
            // A page keeps its byte-order mark: it says how to decode it.
            reader = Box::new(std::io::Cursor::new(UTF8_BOM).chain(reader));
        }
        Some(
            match read_whole(&mut reader, &source, limits.max_page_bytes) {
                Ok(bytes) => Page::from_bytes(id, source, format, bytes),
                Err(error) => Page::failed(id, source, error),
            },
        )
    }

    fn next_record(&mut self) -> Option<Page> {
        let page = self.records.as_mut()?.next();
        if page.is_none() {
            self.records = None;
        }
        page
    }

    /// The next page of any input, before sharding and skipping.
    fn next_page(&mut self) -> Option<Page> {
        loop {
            if let Some(page) = self.next_record() {
                return Some(page);
            }
            match self.next_walked() {
                Some(Ok((path, id))) => {
                    if let Some(page) = self.read_input(Some(&path), id) {
                        return Some(page);
                    }
                    continue;
                }
                Some(Err(page)) => return Some(page),
                None => {}
            }
            match self.pending.pop_front()? {
                Input::Stdin => {
                    if let Some(page) = self.read_input(None, STDIN_NAME.to_string()) {
                        return Some(page);
                    }
                }
                Input::Path(path) if path.is_dir() => {
                    self.walk = Some(Walk::new(&path, self.options.exclude.clone()));
                }
                Input::Path(path) => {
                    let id = match &self.options.relative_to {
                        Some(root) if path.starts_with(root) => relative_id(root, &path),
                        _ => path.display().to_string(),
                    };
                    if let Some(page) = self.read_input(Some(&path), id) {
                        return Some(page);
                    }
                }
            }
        }
    }
}

impl Iterator for PageReader {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        loop {
            let page = self.next_page()?;
            if let Some(shard) = &self.options.shard {
                if !shard.contains(&page) {
                    continue;
                }
            }
            if let Content::Skipped { reason, .. } = &page.content {
                *self.skipped_records.entry(reason).or_default() += 1;
                if !self.options.keep_all {
                    continue;
                }
            }
            return Some(page);
        }
    }
}

/// One input file of a run, as a walk finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path to open.
    pub path: PathBuf,
    /// The directory it was found in by walking, whose relative path is its id.
    pub root: Option<PathBuf>,
    /// Its id: the path relative to the walked directory, else as given.
    pub id: String,
}

/// The files the inputs name, in the order [`PageReader`] reads them: named files as given,
/// directories walked in sorted order with hidden entries, special files, the excluded paths
/// and files without a page extension left out. Returns the files and what was left out.
/// Standard input (`-`) is not a file and is left out; a directory entry that cannot be read is
/// listed as itself so that reading it gives its error record.
pub fn list_files(inputs: &[String], exclude: &[FileIdentity]) -> (Vec<InputFile>, SkippedFiles) {
    let mut files = Vec::new();
    let mut skipped = SkippedFiles::new();
    for input in inputs.iter().filter(|i| *i != "-") {
        let path = PathBuf::from(input);
        if !path.is_dir() {
            files.push(InputFile {
                id: path.display().to_string(),
                path,
                root: None,
            });
            continue;
        }
        let mut walk = Walk::new(&path, exclude.to_vec());
        while let Some(walked) = walk.next(&mut skipped) {
            let (file, id) = match walked {
                Walked::File { path, id } => (path, id),
                Walked::Failed { path, id, .. } => (path, id),
            };
            files.push(InputFile {
                id,
                path: file,
                root: Some(path.clone()),
            });
        }
    }
    (files, skipped)
}

/// The summary's note on skipped records, such as
/// `; skipped 5 WARC records (http_status 1, record_type 4)`; empty when none were skipped.
pub fn skipped_records_note<K: AsRef<str>>(skipped: &BTreeMap<K, u64>) -> String {
    let total: u64 = skipped.values().sum();
    if total == 0 {
        return String::new();
    }
    let reasons: Vec<String> = skipped
        .iter()
        .map(|(reason, count)| format!("{} {count}", reason.as_ref()))
        .collect();
    format!("; skipped {total} WARC records ({})", reasons.join(", "))
}

/// What a file's name says it holds.
enum Declared {
    Page(PageFormat),
    Jsonl,
    Warc,
    Unknown,
}

fn declared_format(path: &Path) -> Declared {
    match extension_of(path).as_deref() {
        Some(ext) if JSONL_EXTENSIONS.contains(&ext) => Declared::Jsonl,
        Some(ext) if WARC_EXTENSIONS.contains(&ext) => Declared::Warc,
        Some(ext) if TEXT_EXTENSIONS.contains(&ext) => Declared::Page(PageFormat::Text),
        Some(ext) if HTML_EXTENSIONS.contains(&ext) => Declared::Page(PageFormat::Html),
        _ => Declared::Unknown,
    }
}
