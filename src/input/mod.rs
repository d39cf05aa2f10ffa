//! Where pages come from: files, directories (walked recursively in sorted order), stdin;
//! gzip-compressed or not; one page per file or one page per JSONL line.
//!
//! [`PageReader`] is an iterator of [`Page`]s in input order. It reads lazily, one file and
//! one JSONL line at a time, so memory does not grow with the size of the input. Every
//! problem becomes a failed page (an error record later), never a stop.

mod jsonl;
mod open;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::error::PageError;
use crate::page::{Page, PageFormat};
use crate::vocab::{HTML_EXTENSIONS, JSONL_EXTENSIONS, PAGE_EXTENSIONS, TEXT_EXTENSIONS};
pub use jsonl::JsonlFields;
use jsonl::JsonlReader;
use open::{open_input, read_whole, Opened};

/// Opens a file for buffered reading, decompressing gzip transparently.
pub fn open_reader(path: &Path) -> std::io::Result<Box<dyn std::io::BufRead + Send>> {
    open::open_reader(Some(path))
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
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Fixed or detected format.
    pub format: InputFormat,
    /// Field names of JSONL records.
    pub fields: JsonlFields,
    /// Pages (and JSONL lines) larger than this many bytes become `too_large` errors.
    pub max_page_bytes: u64,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            fields: JsonlFields::default(),
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
        }
    }
}

/// Default for [`InputOptions::max_page_bytes`]: far above any real page, low enough that a
/// handful of pages in flight cannot exhaust memory.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// Name used for standard input in ids and sources.
pub const STDIN_NAME: &str = "stdin";

/// One command-line input.
#[derive(Debug, Clone)]
enum Input {
    Stdin,
    Path(PathBuf),
}

/// A file found by walking a directory, with its id (path relative to the directory).
struct Walk {
    root: PathBuf,
    entries: Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>,
}

/// Iterator over the pages of all inputs, in input order.
pub struct PageReader {
    pending: VecDeque<Input>,
    walk: Option<Walk>,
    jsonl: Option<JsonlReader>,
    options: InputOptions,
    skipped_files: usize,
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
            jsonl: None,
            options,
            skipped_files: 0,
        }
    }

    /// Files met while walking directories that were skipped for their extension.
    pub fn skipped_files(&self) -> usize {
        self.skipped_files
    }

    /// The next file of the directory being walked, as (path, id), or a failed page.
    fn next_walked(&mut self) -> Option<Result<(PathBuf, String), Page>> {
        let walk = self.walk.as_mut()?;
        loop {
            let Some(entry) = walk.entries.next() else {
                self.walk = None;
                return None;
            };
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| walk.root.clone());
                    let id = relative_id(&walk.root, &path);
                    let reason = error
                        .io_error()
                        .map_or_else(|| error.to_string(), |io| io.to_string());
                    return Some(Err(Page::failed(
                        id,
                        path.display().to_string(),
                        PageError::Read {
                            what: path.display().to_string(),
                            reason,
                        },
                    )));
                }
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let path = entry.path().to_path_buf();
            if !has_page_extension(&path) {
                self.skipped_files += 1;
                continue;
            }
            let id = relative_id(&walk.root, &path);
            return Some(Ok((path, id)));
        }
    }

    /// Opens one file (or stdin) and returns its single page, or starts reading it as JSONL
    /// and returns its first page.
    fn read_input(&mut self, path: Option<&Path>, id: String) -> Option<Page> {
        let source = path.map_or_else(|| STDIN_NAME.to_string(), |p| p.display().to_string());
        let declared = match self.options.format {
            InputFormat::Auto => path.map_or(Declared::Unknown, declared_format),
            InputFormat::Html => Declared::Page(PageFormat::Html),
            InputFormat::Text => Declared::Page(PageFormat::Text),
            InputFormat::Jsonl => Declared::Jsonl,
        };
        let opened = match open_input(path) {
            Ok(opened) => opened,
            Err(error) => return Some(Page::failed(id, source, error)),
        };
        let Opened {
            mut reader,
            starts_with_brace,
        } = opened;
        let is_jsonl = match declared {
            Declared::Jsonl => true,
            Declared::Page(_) => false,
            Declared::Unknown => starts_with_brace,
        };
        if is_jsonl {
            let jsonl = JsonlReader::new(
                reader,
                id,
                source,
                self.options.fields.clone(),
                self.options.max_page_bytes,
            );
            self.jsonl = Some(jsonl);
            return self.next_jsonl();
        }
        let format = match declared {
            Declared::Page(format) => format,
            _ => PageFormat::Auto,
        };
        Some(
            match read_whole(&mut reader, &source, self.options.max_page_bytes) {
                Ok(bytes) => Page::from_bytes(id, source, format, bytes),
                Err(error) => Page::failed(id, source, error),
            },
        )
    }

    fn next_jsonl(&mut self) -> Option<Page> {
        let page = self.jsonl.as_mut()?.next();
        if page.is_none() {
            self.jsonl = None;
        }
        page
    }
}

impl Iterator for PageReader {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        loop {
            if let Some(page) = self.next_jsonl() {
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
                    let entries = walkdir::WalkDir::new(&path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
                    self.walk = Some(Walk {
                        root: path.clone(),
                        entries: Box::new(entries),
                    });
                }
                Input::Path(path) => {
                    let id = path.display().to_string();
                    if let Some(page) = self.read_input(Some(&path), id) {
                        return Some(page);
                    }
                }
            }
        }
    }
}

/// What a file's name says it holds.
enum Declared {
    Page(PageFormat),
    Jsonl,
    Unknown,
}

/// The file name without a trailing `.gz`, lowercased.
fn name_without_gz(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.strip_suffix(".gz").map(str::to_string).unwrap_or(name)
}

fn extension_of(path: &Path) -> Option<String> {
    let name = name_without_gz(path);
    name.rsplit_once('.').map(|(_, ext)| ext.to_string())
}

fn declared_format(path: &Path) -> Declared {
    match extension_of(path).as_deref() {
        Some(ext) if JSONL_EXTENSIONS.contains(&ext) => Declared::Jsonl,
        Some(ext) if TEXT_EXTENSIONS.contains(&ext) => Declared::Page(PageFormat::Text),
        Some(ext) if HTML_EXTENSIONS.contains(&ext) => Declared::Page(PageFormat::Html),
        _ => Declared::Unknown,
    }
}

fn has_page_extension(path: &Path) -> bool {
    extension_of(path).is_some_and(|ext| PAGE_EXTENSIONS.contains(&ext.as_str()))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The id of a walked file: its path relative to the walked directory, with `/` separators.
fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
