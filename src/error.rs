//! Why a page could not be cleaned.
//!
//! A [`PageError`] never stops a run: the pipeline turns it into a record with
//! `"status": "error"` and an `error` string of the form `"<code>: <message>"`, where the code is
//! one of the stable identifiers returned by [`PageError::code`] (documented in `docs/schema.md`).

use thiserror::Error;

/// Everything that can go wrong with one page.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PageError {
    /// The input could not be opened or read (missing file, permission, I/O error, corrupt or
    /// truncated compression).
    #[error("cannot read {what}: {reason}")]
    Read {
        /// What was being read: a path, `stdin`, or a path with a line number.
        what: String,
        /// The operating system's or decompressor's explanation.
        reason: String,
    },
    /// The input holds no bytes at all, or only whitespace.
    #[error("the page is empty ({bytes} bytes, no content)")]
    Empty {
        /// How many bytes the input had (all of them whitespace).
        bytes: usize,
    },
    /// The bytes are not a web page but some binary format.
    #[error("the page is binary data ({kind}), not HTML or text")]
    Binary {
        /// The recognised format, such as `image/png`, or `unknown binary`.
        kind: String,
    },
    /// The page is larger than the configured limit and was not processed.
    #[error("the page is larger than the limit of {limit} bytes (--max-page-bytes)")]
    TooLarge {
        /// The limit in force.
        limit: u64,
    },
    /// A JSONL line is longer than the limit.
    #[error("the JSONL line is longer than the limit of {limit} bytes (--max-line-bytes)")]
    LineTooLong {
        /// The limit in force.
        limit: u64,
    },
    /// A plain-text page dump has more lines than the limit.
    #[error("the text dump has more than {limit} lines, the limit (--max-text-lines)")]
    TooManyLines {
        /// The limit in force.
        limit: usize,
    },
    /// The page's markup makes the parser build more nodes than its work budget allows
    /// (`--max-nodes-per-byte`).
    #[error(
        "the page's markup builds more than {budget} nodes, its work budget \
         (--max-nodes-per-byte)"
    )]
    TooComplex {
        /// The node budget of the page.
        budget: u64,
    },
    /// A JSONL line is not a JSON object.
    #[error("line {line} is not a JSON object: {reason}")]
    InvalidJson {
        /// One-based line number in its file.
        line: u64,
        /// The JSON parser's explanation.
        reason: String,
    },
    /// A JSONL record has neither the HTML nor the text field.
    #[error("line {line} has no \"{html_field}\" or \"{text_field}\" string field")]
    MissingContent {
        /// One-based line number in its file.
        line: u64,
        /// Name of the HTML field looked for.
        html_field: String,
        /// Name of the text field looked for.
        text_field: String,
    },
    /// An item handed to the library (the Python package's `clean_many`) is not a page: not a
    /// string, bytes, or a mapping with an `html` or `text` field.
    #[error("item {item} is not a page: {reason}")]
    NotAPage {
        /// One-based position of the item in its sequence.
        item: u64,
        /// What the item is instead.
        reason: String,
    },
    /// A WARC record is malformed: its header, length or framing is broken.
    #[error("malformed WARC record: {reason}")]
    MalformedRecord {
        /// What is wrong, and where in the (decompressed) stream.
        reason: String,
    },
    /// An HTTP body's `Content-Encoding` is unknown or its compressed data is corrupt.
    #[error("cannot undo the content coding {coding}: {reason}")]
    ContentEncoding {
        /// The coding, such as `gzip` or `br`.
        coding: String,
        /// The decoder's explanation.
        reason: String,
    },
}

impl PageError {
    /// A short stable identifier for the kind of error, used as the prefix of the record's
    /// `error` string and for counting errors by reason.
    pub fn code(&self) -> &'static str {
        match self {
            PageError::Read { .. } => "read",
            PageError::Empty { .. } => "empty_input",
            PageError::Binary { .. } => "binary",
            PageError::TooLarge { .. } => "too_large",
            PageError::LineTooLong { .. } | PageError::TooManyLines { .. } => "too_large",
            PageError::TooComplex { .. } => "too_complex",
            PageError::InvalidJson { .. } => "invalid_json",
            PageError::MissingContent { .. } | PageError::NotAPage { .. } => "missing_content",
            PageError::MalformedRecord { .. } => "malformed_record",
            PageError::ContentEncoding { .. } => "content_encoding",
        }
    }

    /// Whether the error means an input could not be read, which makes the run's exit status
    /// non-zero (a page whose content is bad does not).
    pub fn is_input_failure(&self) -> bool {
        matches!(self, PageError::Read { .. })
    }

    /// The text stored in the record's `error` field: `"<code>: <message>"`.
    pub fn to_record_string(&self) -> String {
        format!("{}: {}", self.code(), self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_string_starts_with_code() {
        let error = PageError::Binary {
            kind: "image/png".into(),
        };
        assert_eq!(
            error.to_record_string(),
            "binary: the page is binary data (image/png), not HTML or text"
        );
        assert!(!error.is_input_failure());
    }

    #[test]
    fn read_errors_are_input_failures() {
        let error = PageError::Read {
            what: "a.html".into(),
            reason: "No such file or directory".into(),
        };
        assert!(error.is_input_failure());
        assert_eq!(error.code(), "read");
    }
}
