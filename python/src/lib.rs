//! The `dechaff._dechaff` extension module: dechaff's engine and ordered pipeline for Python.
//!
//! Every function gives the record `dechaff clean` writes, as a `dict` with the same keys in
//! the same order (`docs/schema.md`). Pages are cleaned without the interpreter's lock, so other
//! Python threads run meanwhile; `clean_many` cleans on worker threads of its own.

use std::io::Read;
use std::sync::Mutex;

use dechaff::engine::{today, Options};
use dechaff::error::PageError;
use dechaff::extract::ExtractOptions;
use dechaff::input::read_warc as warc_pages;
use dechaff::limits::{InputLimits, DEFAULT_MAX_PAGE_BYTES};
use dechaff::page::{Content, Page, PageFormat, WarcMeta};
use dechaff::pipeline::{clean_page_guarded, OrderedCleaner};
use dechaff::record::Record;
use dechaff::vocab::Preset;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyMapping, PyString};

mod profile;

use profile::Profile;

/// Where records of pages handed over from Python say they came from.
const SOURCE: &str = "python";

/// The engine options of the keyword arguments every cleaning function takes.
fn engine_options(
    format: &str,
    comments: bool,
    preset: &str,
    profile: Option<&Profile>,
) -> PyResult<Options> {
    let markdown = match format {
        "text" => false,
        "markdown" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be \"text\" or \"markdown\", not {other:?}"
            )))
        }
    };
    let preset = match preset {
        "balanced" => Preset::BALANCED,
        "precision" => Preset::PRECISION,
        "recall" => Preset::RECALL,
        other => {
            return Err(PyValueError::new_err(format!(
                "preset must be \"balanced\", \"precision\" or \"recall\", not {other:?}"
            )))
        }
    };
    Ok(Options {
        extract: ExtractOptions {
            preset,
            comments,
            markdown,
        },
        // As the command line: a date after the day of the run is an event's, not the page's.
        latest_date: Some(today()),
        profile: profile.map(|profile| profile.profile.clone()),
        ..Options::default()
    })
}

/// The content of a `str` or `bytes` object, or `None` for any other type.
fn content_of(value: &Bound<'_, PyAny>) -> PyResult<Option<Content>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Some(Content::Bytes {
            bytes: bytes.as_bytes().to_vec(),
            content_type: None,
        }));
    }
    if let Ok(text) = value.cast::<PyString>() {
        // A str with lone surrogates cannot be UTF-8: replace them rather than fail the page.
        let text = match text.to_str() {
            Ok(text) => text.to_owned(),
            Err(_) => text.to_string_lossy().into_owned(),
        };
        return Ok(Some(Content::Unicode(text)));
    }
    Ok(None)
}

/// A page of the given content, or a `too_large` error page past the command line's limit.
fn page_of(id: String, url: Option<String>, format: PageFormat, content: Content) -> Page {
    let mut page = Page {
        id,
        source: SOURCE.to_string(),
        url,
        format,
        content,
        warc: None,
    };
    if page.len() as u64 > DEFAULT_MAX_PAGE_BYTES {
        page.content = Content::Failed(PageError::TooLarge {
            limit: DEFAULT_MAX_PAGE_BYTES,
        });
    }
    page
}

/// The record as a `dict` with the keys and order of the command line's JSON line.
fn record_to_dict<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(record)
        .map_err(|error| PyRuntimeError::new_err(format!("cannot convert a record: {error}")))?;
    json_to_python(py, &value)
}

/// A JSON value as the Python object `json.loads` would give.
fn json_to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => flag.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(n), _) => n.into_pyobject(py)?.into_any(),
            (None, Some(n)) => n.into_pyobject(py)?.into_any(),
            _ => number
                .as_f64()
                .unwrap_or(f64::NAN)
                .into_pyobject(py)?
                .into_any(),
        },
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, item) in fields {
                dict.set_item(key, json_to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Cleans one HTML page.
///
/// `html` is `str` or `bytes`; bytes are decoded as the command line decodes a file (the
/// `<meta charset>`, then detection). Returns the record `dechaff clean` writes, as a dict.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, id=None, format="text", comments=false, preset="balanced", profile=None))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn clean<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    id: Option<String>,
    format: &str,
    comments: bool,
    preset: &str,
    profile: Option<PyRef<'py, Profile>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = engine_options(format, comments, preset, profile.as_deref())?;
    clean_one(py, ("html", html), PageFormat::Html, url, id, &options)
}

/// Cleans one plain-text dump of a whole page (the text a browser shows, menus and all).
#[pyfunction]
#[pyo3(signature = (dump, *, url=None, id=None, profile=None))]
fn clean_text<'py>(
    py: Python<'py>,
    dump: &Bound<'py, PyAny>,
    url: Option<String>,
    id: Option<String>,
    profile: Option<PyRef<'py, Profile>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = engine_options("text", false, "balanced", profile.as_deref())?;
    clean_one(py, ("dump", dump), PageFormat::Text, url, id, &options)
}

/// The record of one page handed to `clean` or `clean_text` as the argument `name`: `str` or
/// `bytes`, else `TypeError`. The id defaults to the URL, else [`SOURCE`].
fn clean_one<'py>(
    py: Python<'py>,
    (name, value): (&str, &Bound<'py, PyAny>),
    format: PageFormat,
    url: Option<String>,
    id: Option<String>,
    options: &Options,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(content) = content_of(value)? else {
        return Err(PyTypeError::new_err(format!(
            "{name} must be str or bytes, not {}",
            value.get_type().name()?
        )));
    };
    let id = id.or_else(|| url.clone()).unwrap_or_else(|| SOURCE.into());
    let page = page_of(id, url, format, content);
    let record = py.detach(|| clean_page_guarded(&page, options));
    record_to_dict(py, &record)
}

/// An optional string field of a page mapping; `None` when absent, `None` or empty.
fn optional_string(item: &Bound<'_, PyMapping>, key: &str) -> PyResult<Option<String>> {
    match field(item, key)? {
        Some(value) => {
            let text = value.str()?.to_str()?.to_owned();
            Ok((!text.is_empty()).then_some(text))
        }
        None => Ok(None),
    }
}

/// A field of a page mapping; `None` when absent or `None`.
fn field<'py>(item: &Bound<'py, PyMapping>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    if !item.contains(key)? {
        return Ok(None);
    }
    Ok(Some(item.get_item(key)?).filter(|value| !value.is_none()))
}

/// The error page of the `index`-th item (zero-based) of `clean_many`'s input, which is not a
/// page for `reason`.
fn not_a_page(index: u64, id: String, url: Option<String>, reason: String) -> Page {
    Page {
        url,
        ..Page::failed(
            id,
            format!("{SOURCE}:{}", index + 1),
            PageError::NotAPage {
                item: index + 1,
                reason,
            },
        )
    }
}

/// The page of the `index`-th item of `clean_many`'s input (zero-based). An item that is not
/// a page becomes a page that fails with `missing_content`: its record is still written.
fn item_to_page(item: &Bound<'_, PyAny>, index: u64) -> PyResult<Page> {
    if let Ok(warc) = item.cast::<WarcPage>() {
        return Ok(warc.get().page.clone());
    }
    let default_id = index.to_string();
    let source = format!("{SOURCE}:{}", index + 1);
    if let Some(content) = content_of(item)? {
        let mut page = page_of(default_id, None, PageFormat::Html, content);
        page.source = source;
        return Ok(page);
    }
    let Ok(fields) = item.cast::<PyMapping>() else {
        let kind = item.get_type().name()?.to_string();
        return Ok(not_a_page(
            index,
            default_id,
            None,
            format!("{kind}, not str, bytes or a mapping"),
        ));
    };
    let id = optional_string(fields, "id")?.unwrap_or(default_id);
    let url = optional_string(fields, "url")?;
    if let Some(reason) = optional_string(fields, "read_error")? {
        let mut page = Page::failed(id.clone(), source, PageError::Read { what: id, reason });
        page.url = url;
        return Ok(page);
    }
    // As the command line's JSONL reader: `html` when it is a string, else `text`.
    let mut found = None;
    for (key, format) in [("html", PageFormat::Html), ("text", PageFormat::Text)] {
        if let Some(value) = field(fields, key)? {
            if let Some(content) = content_of(&value)? {
                found = Some((format, content));
                break;
            }
        }
    }
    let Some((format, mut content)) = found else {
        return Ok(not_a_page(
            index,
            id,
            url,
            "a mapping without an \"html\" or \"text\" field of type str or bytes".into(),
        ));
    };
    if let Content::Bytes { content_type, .. } = &mut content {
        *content_type = optional_string(fields, "content_type")?;
    }
    let mut page = page_of(id, url, format, content);
    let record_id = optional_string(fields, "warc_record_id")?;
    let date = optional_string(fields, "warc_date")?;
    if record_id.is_some() || date.is_some() {
        page.warc = Some(WarcMeta { record_id, date });
    }
    page.source = source;
    Ok(page)
}

/// The iterator `clean_many` returns: records in input order, cleaned on worker threads.
#[pyclass(module = "dechaff._dechaff")]
struct CleanMany {
    /// The pages still to read; `None` once exhausted.
    pages: Option<Py<PyAny>>,
    /// The workers and the window of pages in flight.
    cleaner: OrderedCleaner,
    /// Items read so far.
    read: u64,
    /// An exception the page iterator raised: raised once the pages before it are handed out.
    failure: Option<PyErr>,
}

#[pymethods]
impl CleanMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    // The page iterator may refer back to this object (a generator method of an object that
    // holds it): the garbage collector must see the reference to break such cycles.
    fn __traverse__(&self, visit: pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        if let Some(pages) = &self.pages {
            visit.call(pages)?;
        }
        Ok(())
    }

    fn __clear__(&mut self) {
        self.pages = None;
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let this = &mut *slf;
        // Fill the window: read pages while there is room (the iterator needs the lock).
        while !this.cleaner.is_full() {
            let Some(pages) = &this.pages else { break };
            let next = pages.bind(py).call_method0("__next__");
            match next {
                Ok(item) => {
                    // Reading the item's fields runs Python code (`str()` of an id) that may
                    // raise: the item still gets its record, an error one.
                    let page = item_to_page(&item, this.read).unwrap_or_else(|error| {
                        not_a_page(this.read, this.read.to_string(), None, error.to_string())
                    });
                    this.read += 1;
                    this.cleaner.submit(page);
                }
                Err(error) => {
                    if !error.is_instance_of::<pyo3::exceptions::PyStopIteration>(py) {
                        this.failure = Some(error);
                    }
                    this.pages = None;
                }
            }
        }
        let cleaner = &mut this.cleaner;
        match py.detach(|| cleaner.next_record()) {
            Some(record) => record_to_dict(py, &record).map(Some),
            None => match this.failure.take() {
                Some(error) => Err(error),
                None => Ok(None),
            },
        }
    }
}

/// Cleans many pages in parallel, yielding their records in input order.
///
/// `pages` is any iterable of `str`, `bytes`, or dicts with `html` (or `text` for a text dump)
/// and optionally `id`, `url`, `content_type`, `warc_record_id`, `warc_date`. It is read as the
/// records are taken, never collected: memory stays bounded however many pages it yields.
#[pyfunction]
#[pyo3(signature = (pages, *, threads=0, format="text", comments=false, preset="balanced", profile=None))]
fn clean_many(
    pages: &Bound<'_, PyAny>,
    threads: i64,
    format: &str,
    comments: bool,
    preset: &str,
    profile: Option<PyRef<'_, Profile>>,
) -> PyResult<CleanMany> {
    let options = engine_options(format, comments, preset, profile.as_deref())?;
    let threads = usize::try_from(threads)
        .map_err(|_| PyValueError::new_err("threads must be 0 (one per core) or more"))?;
    if pages.cast::<PyString>().is_ok() || pages.cast::<PyBytes>().is_ok() {
        return Err(PyTypeError::new_err(
            "pages must be an iterable of pages, not a single str or bytes (use clean())",
        ));
    }
    let iterator = pages.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "pages must be an iterable, not {}",
            pages
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let cleaner = OrderedCleaner::new(options, threads)
        .map_err(|error| PyRuntimeError::new_err(error.to_string()))?;
    Ok(CleanMany {
        pages: Some(iterator.into_any().unbind()),
        cleaner,
        read: 0,
        failure: None,
    })
}

/// A Python binary file object read through `std::io::Read`.
struct PythonFile {
    file: Py<PyAny>,
    /// Bytes a `read(n)` returned beyond the `n` asked for, handed out first next time.
    spare: Vec<u8>,
}

impl Read for PythonFile {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.spare.is_empty() {
            self.spare = Python::attach(|py| {
                let chunk = self
                    .file
                    .bind(py)
                    .call_method1("read", (buffer.len(),))
                    .map_err(std::io::Error::other)?;
                let bytes = chunk.cast::<PyBytes>().map_err(|_| {
                    std::io::Error::other(
                        "the file's read() returned str, not bytes: open it in binary mode",
                    )
                })?;
                Ok::<_, std::io::Error>(bytes.as_bytes().to_vec())
            })?;
        }
        let length = self.spare.len().min(buffer.len());
        buffer[..length].copy_from_slice(&self.spare[..length]);
        self.spare.drain(..length);
        Ok(length)
    }
}

/// One page read from a WARC file: what `read_warc` yields and `clean_many` takes.
#[pyclass(module = "dechaff._dechaff", frozen)]
struct WarcPage {
    page: Page,
}

#[pymethods]
impl WarcPage {
    /// The page's id as `dechaff clean` gives it: the record's `WARC-Record-ID`.
    #[getter]
    fn id(&self) -> &str {
        &self.page.id
    }

    /// The record's `WARC-Target-URI`.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.page.url.as_deref()
    }

    /// Where the page was read from.
    #[getter]
    fn source(&self) -> &str {
        &self.page.source
    }

    /// The record's `WARC-Record-ID`.
    #[getter]
    fn warc_record_id(&self) -> Option<&str> {
        self.page.warc.as_ref()?.record_id.as_deref()
    }

    /// The record's `WARC-Date`.
    #[getter]
    fn warc_date(&self) -> Option<&str> {
        self.page.warc.as_ref()?.date.as_deref()
    }

    /// The HTTP response's `Content-Type`.
    #[getter]
    fn content_type(&self) -> Option<&str> {
        match &self.page.content {
            Content::Bytes { content_type, .. } => content_type.as_deref(),
            _ => None,
        }
    }

    /// The response body (decompressed), or `None` when the record could not be read.
    #[getter]
    fn html<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        match &self.page.content {
            Content::Bytes { bytes, .. } => Some(PyBytes::new(py, bytes)),
            Content::Unicode(text) => Some(PyBytes::new(py, text.as_bytes())),
            _ => None,
        }
    }

    /// Why the record could not be read (`"<code>: <message>"`), else `None`.
    #[getter]
    fn error(&self) -> Option<String> {
        match &self.page.content {
            Content::Failed(error) => Some(error.to_record_string()),
            _ => None,
        }
    }

    fn __repr__(&self) -> String {
        format!("WarcPage(id={:?}, url={:?})", self.page.id, self.page.url)
    }
}

/// The iterator `read_warc` returns.
#[pyclass(module = "dechaff._dechaff")]
struct WarcRecords {
    /// Behind a lock so that the iterator may be used from any Python thread.
    pages: Mutex<Box<dyn Iterator<Item = Page> + Send>>,
}

#[pymethods]
impl WarcRecords {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self) -> Option<WarcPage> {
        let mut pages = self
            .pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Requests, redirects, images: not pages, left out as `dechaff clean` leaves them out.
        let page = pages.find(|page| !matches!(page.content, Content::Skipped { .. }))?;
        Some(WarcPage { page })
    }
}

/// Reads the HTML responses of a WARC file (gzip or zstd too) as `WarcPage`s, which
/// `clean_many` takes as they are.
///
/// `source` is a path (`str` or `os.PathLike`) or a binary file object. A record that cannot
/// be read is a `WarcPage` with `error` set, and `clean_many` gives it an error record.
/// Requests, redirects and other records that are not pages are left out.
#[pyfunction]
fn read_warc(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<WarcRecords> {
    let limits = InputLimits::default();
    let pages = if source.hasattr("read")? {
        let name = match source.getattr("name") {
            Ok(name) => name.str()?.to_string(),
            Err(_) => "warc".to_string(),
        };
        warc_pages(
            PythonFile {
                file: source.clone().unbind(),
                spare: Vec::new(),
            },
            &name,
            &limits,
        )
    } else {
        let path: std::path::PathBuf = source
            .extract()
            .map_err(|_| PyTypeError::new_err("source must be a path or a binary file object"))?;
        let name = path.display().to_string();
        let file = py
            .detach(|| std::fs::File::open(&path))
            .map_err(|error| pyo3::exceptions::PyOSError::new_err(format!("{name}: {error}")))?;
        warc_pages(file, &name, &limits)
    };
    Ok(WarcRecords {
        pages: Mutex::new(pages),
    })
}

/// The module: see `python/README.md`.
#[pymodule]
fn _dechaff(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(clean, module)?)?;
    module.add_function(wrap_pyfunction!(clean_text, module)?)?;
    module.add_function(wrap_pyfunction!(clean_many, module)?)?;
    module.add_function(wrap_pyfunction!(read_warc, module)?)?;
    module.add_class::<CleanMany>()?;
    module.add_class::<WarcRecords>()?;
    module.add_class::<WarcPage>()?;
    module.add_class::<Profile>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
