//! One input page as the input stage hands it to the engine.

use crate::error::PageError;

/// What kind of document a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageFormat {
    /// An HTML document.
    Html,
    /// A plain-text dump of a whole page.
    Text,
    /// Not known from the container: decided from the bytes (see [`crate::decode::sniff`]).
    Auto,
}

/// The content of a page, as far as the input stage got with it.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Raw bytes in an unknown encoding, with the HTTP `Content-Type` when the input carried one.
    Bytes {
        /// The page bytes, decompressed.
        bytes: Vec<u8>,
        /// A `Content-Type` header value, whose `charset` parameter is trusted over detection.
        content_type: Option<String>,
    },
    /// Text that is already Unicode (a JSONL string field).
    Unicode(String),
    /// The input stage could not produce the page; the engine turns this into an error record.
    Failed(PageError),
    /// The input held something that is not a page to clean (a WARC `request` record, a
    /// redirect, an image); the engine turns this into a `skipped` record.
    Skipped {
        /// A stable code for why, such as `http_status` (see `docs/schema.md`).
        reason: &'static str,
        /// What was skipped, such as `HTTP status 301`.
        message: String,
    },
}

/// What a WARC record says about itself, kept in the page's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcMeta {
    /// `WARC-Record-ID`, without angle brackets.
    pub record_id: Option<String>,
    /// `WARC-Date`, as written.
    pub date: Option<String>,
}

/// One page: where it came from and its content.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Stable identifier: the JSONL record's id, else the path relative to the input root
    /// (plus `:<line>` for JSONL lines).
    pub id: String,
    /// Where the page was read from: a path, `-` for stdin, plus `:<line>` for JSONL.
    pub source: String,
    /// The page's URL when the input carries one.
    pub url: Option<String>,
    /// HTML, text, or to be sniffed.
    pub format: PageFormat,
    /// The page content.
    pub content: Content,
    /// The WARC record's own fields, for pages read from WARC files.
    pub warc: Option<WarcMeta>,
}

impl Page {
    /// A page made of raw bytes with no declared content type or URL.
    pub fn from_bytes(
        id: impl Into<String>,
        source: impl Into<String>,
        format: PageFormat,
        bytes: Vec<u8>,
    ) -> Page {
        Page {
            id: id.into(),
            source: source.into(),
            url: None,
            format,
            content: Content::Bytes {
                bytes,
                content_type: None,
            },
            warc: None,
        }
    }

    /// A page that failed before it could be read.
    pub fn failed(id: impl Into<String>, source: impl Into<String>, error: PageError) -> Page {
        Page {
            id: id.into(),
            source: source.into(),
            url: None,
            format: PageFormat::Auto,
            content: Content::Failed(error),
            warc: None,
        }
    }

    /// Size of the page content in bytes (0 for a failed page).
    pub fn len(&self) -> usize {
        match &self.content {
            Content::Bytes { bytes, .. } => bytes.len(),
            Content::Unicode(text) => text.len(),
            Content::Failed(_) | Content::Skipped { .. } => 0,
        }
    }

    /// Whether the page has no content bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
