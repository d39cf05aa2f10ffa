//! Input and decoding: which files are pages, and how a page is told apart from binary
//! data, text and HTML.

// ---------------------------------------------------------------------------------------------
// Input and decoding
// ---------------------------------------------------------------------------------------------

/// File extensions (after removing `.gz`) taken when walking a directory; other files are
/// skipped and counted, so that READMEs and expected outputs beside pages are not read as pages.
pub const PAGE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "txt", "jsonl", "ndjson", "warc",
];

/// Extensions that mark a file as a WARC archive (after removing `.gz` or `.zst`).
pub const WARC_EXTENSIONS: &[&str] = &["warc"];

/// Media types of WARC responses that are pages to clean; responses of other types are skipped.
pub const WARC_HTML_MEDIA_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// Bytes allowed for a WARC response's HTTP status line and headers on top of
/// `--max-page-bytes`, so that a page just under the limit is not refused for its headers.
pub const WARC_HTTP_HEAD_ALLOWANCE: u64 = 64 * 1024;

/// Extensions that mark a file as JSONL, one page per line.
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Extensions that mark a file as a plain-text page dump.
pub const TEXT_EXTENSIONS: &[&str] = &["txt"];

/// Extensions that mark a file as an HTML page.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// Bytes looked at for control bytes when deciding whether a page is binary.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// A page whose first bytes are more than this share of C0 control bytes (other than
/// whitespace and ESC) is binary: text has next to none, a binary format's headers and numbers
/// are full of them, and a stray NUL in a real page is one byte in thousands.
pub const BINARY_MAX_CONTROL_SHARE: f64 = 1.0 / 32.0;

/// Bytes looked at when deciding whether a page without a telling extension is HTML.
pub const HTML_SNIFF_BYTES: usize = 4 * 1024;

/// Lowercased tags whose presence near the start of a document makes it HTML rather than text.
pub const HTML_MARKERS: &[&str] = &[
    "<head", "<body", "<title", "<meta ", "<div", "<p>", "<p ", "<br", "<span", "<a href",
    "<table", "<b>", "<i>", "<ul", "<h1", "<h2", "<article", "<section", "<script",
];

/// Bytes searched for a `<meta charset>` declaration. The HTML standard says 1024, but many
/// real pages put theirs after long scripts or comments.
pub const META_PRESCAN_BYTES: usize = 16 * 1024;
