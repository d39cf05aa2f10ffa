//! WARC inputs (WARC/1.0 and 1.1): one page per `response` record that holds a successful
//! HTML response.
//!
//! The reader streams: it holds one record's header and, for a `response` record, its block
//! (bounded by `--max-page-bytes`); other blocks are read past without being kept. Records that
//! are not pages (`warcinfo`, `request`, `metadata`, `revisit`, `resource`, …, responses with a
//! status other than 200 or a body that is not HTML) become [`Content::Skipped`] pages, which
//! the input stage counts by reason and drops unless `--keep-all` asks for a record of each.
//!
//! A malformed record (no `Content-Length`, a header or block cut short, a block that does not
//! end with the record separator, bytes between records that are not a record) becomes one
//! `malformed_record` error page, and the reader resynchronises at the next line that starts
//! with `WARC/1.` — also when the record's `Content-Length` is too large: a block that does not
//! end where its length says is searched for the next record, and a block longer than the
//! look-ahead (`--max-page-bytes` plus the HTTP head allowance) is read in a stream that stops at
//! the first record separator followed by a version line. In a gzip file compressed record by
//! record, a corrupt member loses only its own record, which becomes a `read` error page.
//!
//! Ids and sources do not depend on where the stream was read from, so that a file and the same
//! bytes on standard input give the same records: a page's id is its `WARC-Record-ID` (without
//! angle brackets), and its source is `<name>#<n>`, where `<n>` counts the records of the stream
//! from 1 and `<name>` is the `WARC-Filename` of the last `warcinfo` record (which crawlers
//! write first in every file), else the input's path (or `stdin`).

use std::io::{self, BufRead, Read};

use super::gzip::is_resumable;
use super::http::{self, DecodeError};
use super::open::describe_io_error;
use crate::error::PageError;
use crate::page::{Content, Page, PageFormat, WarcMeta};
use crate::vocab::{WARC_HTML_MEDIA_TYPES, WARC_HTTP_HEAD_ALLOWANCE};

/// Longest header line kept; longer lines are cut (their tail is read past).
const MAX_HEADER_LINE_BYTES: usize = 64 * 1024;

/// Most lines in one record header; more means the reader is not looking at a header.
const MAX_HEADER_LINES: usize = 1024;

/// The start of every record's version line.
const VERSION_PREFIX: &[u8] = b"WARC/1.";

/// A record separator followed by the next record's version line: where a block whose length
/// cannot be trusted is taken to end.
const NEXT_RECORD: &[u8] = b"\r\n\r\nWARC/1.";

/// Bytes read at a time while streaming through a block longer than the look-ahead.
const SCAN_CHUNK_BYTES: usize = 64 * 1024;

/// A buffered reader with bytes put back in front of it: what a block read too far held of the
/// records after it.
struct Rewind {
    front: Vec<u8>,
    at: usize,
    inner: Box<dyn BufRead + Send>,
}

impl Rewind {
    /// Puts `bytes` back, to be read before anything else.
    fn put_back(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(&self.front[self.at..]);
        self.front = front;
        self.at = 0;
    }
}

impl Read for Rewind {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let take = available.len().min(buf.len());
        buf[..take].copy_from_slice(&available[..take]);
        self.consume(take);
        Ok(take)
    }
}

impl BufRead for Rewind {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.front.len() {
            return Ok(&self.front[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if self.at < self.front.len() {
            self.at = (self.at + amount).min(self.front.len());
            if self.at == self.front.len() {
                self.front = Vec::new();
                self.at = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

/// Reads the pages of one WARC stream (already decompressed).
pub struct WarcReader {
    reader: Rewind,
    name: String,
    warc_filename: Option<String>,
    max_page_bytes: u64,
    record_number: u64,
    offset: u64,
    line: Vec<u8>,
    /// The next record's version line was read while looking for the end of a broken record.
    version_line_read: bool,
    /// A read error met after a complete record, reported with the next call.
    pending_error: Option<io::Error>,
    finished: bool,
}

/// How reading one record ended, when it did not give a page of its own.
enum Broken {
    /// The record is malformed; the string says how.
    Malformed(String),
    /// The stream could not be read.
    Io(io::Error),
}

/// Why the record separator could not be read.
enum SeparatorError {
    /// Another byte came first; the line ends read before it.
    Missing(Vec<u8>),
    /// The stream could not be read.
    Io(io::Error),
}

impl From<io::Error> for Broken {
    fn from(error: io::Error) -> Self {
        Broken::Io(error)
    }
}

impl WarcReader {
    /// A reader of `reader`, named `name` (its path, or `stdin`) until a `warcinfo` record names
    /// the file.
    pub fn new(reader: Box<dyn BufRead + Send>, name: String, max_page_bytes: u64) -> WarcReader {
        WarcReader {
            reader: Rewind {
                front: Vec::new(),
                at: 0,
                inner: reader,
            },
            name,
            warc_filename: None,
            max_page_bytes,
            record_number: 0,
            offset: 0,
            line: Vec::new(),
            version_line_read: false,
            pending_error: None,
            finished: false,
        }
    }

    /// The look-ahead: blocks up to this length are read whole, so that a wrong
    /// `Content-Length` can be recovered from; longer ones are streamed.
    fn lookahead(&self) -> u64 {
        self.max_page_bytes.saturating_add(WARC_HTTP_HEAD_ALLOWANCE)
    }

    fn source(&self) -> String {
        let name = self.warc_filename.as_deref().unwrap_or(&self.name);
        format!("{name}#{}", self.record_number)
    }

    fn failed(&self, id: Option<String>, error: PageError) -> Page {
        let source = self.source();
        Page::failed(id.unwrap_or_else(|| source.clone()), source, error)
    }

    /// Reads one line into `self.line` (at most [`MAX_HEADER_LINE_BYTES`] of it kept) and
    /// returns how many bytes it had; 0 at the end of the stream.
    fn read_line(&mut self) -> io::Result<u64> {
        self.line.clear();
        let mut consumed: u64 = 0;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            let newline = available.iter().position(|&b| b == b'\n');
            let take = newline.map_or(available.len(), |i| i + 1);
            let room = MAX_HEADER_LINE_BYTES.saturating_sub(self.line.len());
            self.line.extend_from_slice(&available[..take.min(room)]);
            self.reader.consume(take);
            consumed += take as u64;
            if newline.is_some() {
                break;
            }
        }
        self.offset += consumed;
        Ok(consumed)
    }

    /// Reads up to the next version line. Returns whether one was found and how many bytes of
    /// other data (not blank lines) came before it.
    fn seek_version_line(&mut self) -> io::Result<(bool, u64)> {
        let mut stray = 0;
        loop {
            let length = self.read_line()?;
            if length == 0 {
                return Ok((false, stray));
            }
            if self.line.starts_with(VERSION_PREFIX) {
                return Ok((true, stray));
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                stray += length;
            }
        }
    }

    /// Reads the header lines after the version line, up to the blank line.
    fn read_header(&mut self, start: u64) -> Result<Vec<(String, String)>, Broken> {
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            if self.read_line()? == 0 {
                self.finished = true;
                return Err(Broken::Malformed(format!(
                    "the stream ends inside the header of the record at byte {start}"
                )));
            }
            if self.line == b"\r\n" || self.line == b"\n" {
                return Ok(fields);
            }
            if self.line.starts_with(VERSION_PREFIX) {
                self.version_line_read = true;
                return Err(Broken::Malformed(format!(
                    "the header of the record at byte {start} is cut short by another record"
                )));
            }
            if fields.len() >= MAX_HEADER_LINES || self.line.len() >= MAX_HEADER_LINE_BYTES {
                return Err(Broken::Malformed(format!(
                    "the header of the record at byte {start} is too long"
                )));
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                    continue;
                }
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(Broken::Malformed(format!(
                    "the header of the record at byte {start} has a line that is not a field: {:?}",
                    line.chars().take(60).collect::<String>()
                )));
            };
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
    }

    /// Reads the block of `length` bytes of the record at byte `start`: whole (`Some`) when
    /// it is within the look-ahead, so that a wrong `Content-Length` can be recovered from;
    /// streamed through (`None`) when longer, stopping early at a record separator followed by
    /// a version line, which is put back to be read next. When the stream ends inside a block
    /// read whole, a record that starts inside it is put back.
    fn read_block(&mut self, length: u64, start: u64) -> Result<Option<Vec<u8>>, Broken> {
        if length > self.lookahead() {
            return self.stream_block(length, start).map(|()| None);
        }
        let mut block = Vec::new();
        let got = (&mut self.reader).take(length).read_to_end(&mut block)? as u64;
        self.offset += got;
        if got < length {
            if let Some(next) = self.put_back_next_record(&block, b"") {
                return Err(Broken::Malformed(format!(
                    "the stream holds {got} bytes of the {length} of the block of the record at \
                     byte {start}, and the next record starts at byte {next}: its \
                     Content-Length is wrong"
                )));
            }
            self.finished = true;
            return Err(Broken::Malformed(format!(
                "the stream ends inside the block of the record at byte {start} \
                 ({got} of {length} bytes)"
            )));
        }
        Ok(Some(block))
    }

    /// Streams through a block longer than the look-ahead without keeping it (see
    /// [`WarcReader::read_block`]).
    fn stream_block(&mut self, length: u64, start: u64) -> Result<(), Broken> {
        let mut left = length;
        // The end of the previous chunk, already counted, so that a separator split across
        // two chunks is found.
        let mut carry: Vec<u8> = Vec::new();
        while left > 0 {
            let want = left.min(SCAN_CHUNK_BYTES as u64);
            let mut chunk = std::mem::take(&mut carry);
            let got = (&mut self.reader).take(want).read_to_end(&mut chunk)? as u64;
            self.offset += got;
            left -= got;
            if let Some(at) = find(&chunk, NEXT_RECORD) {
                let version = at + b"\r\n\r\n".len();
                self.reader.put_back(&chunk[version..]);
                self.offset -= (chunk.len() - version) as u64;
                return Err(Broken::Malformed(format!(
                    "the block of the record at byte {start} runs into the next record at byte \
                     {}: its Content-Length of {length} bytes is wrong",
                    self.offset
                )));
            }
            if got < want {
                self.finished = true;
                return Err(Broken::Malformed(format!(
                    "the stream ends inside the block of the record at byte {start} \
                     ({} of {length} bytes)",
                    length - left
                )));
            }
            let keep_from = chunk.len().saturating_sub(NEXT_RECORD.len() - 1);
            carry = chunk.split_off(keep_from);
        }
        Ok(())
    }

    /// Puts back, from the first line of `block` that starts with `WARC/1.`, the rest of the
    /// block and then `after` (bytes read after the block), and returns the stream offset of
    /// that line; `None` when the block has no such line.
    fn put_back_next_record(&mut self, block: &[u8], after: &[u8]) -> Option<u64> {
        let line = find(block, b"\nWARC/1.")? + 1;
        Some(self.put_back_from(block, line, after))
    }

    /// Puts back, from the first record separator in `block` that is followed by a version
    /// line, that line and the rest of the block and then `after`, and returns the stream offset
    /// of the line; `None` when the block holds no such separator. A block that does is taken
    /// to run into the next record even when its wrong length happens to end before two line
    /// ends (at the end of a later record's header or block, or at the end of the stream).
    fn put_back_embedded_record(&mut self, block: &[u8], after: &[u8]) -> Option<u64> {
        let line = find(block, NEXT_RECORD)? + b"\r\n\r\n".len();
        Some(self.put_back_from(block, line, after))
    }

    /// Puts back `block` from `line` on, then `after`; returns the stream offset of `line`.
    fn put_back_from(&mut self, block: &[u8], line: usize, after: &[u8]) -> u64 {
        let mut back = block[line..].to_vec();
        back.extend_from_slice(after);
        self.reader.put_back(&back);
        self.offset -= back.len() as u64;
        self.offset
    }

    /// Reads the two line ends that close a record. The end of the stream is accepted in their
    /// place; anything else means the `Content-Length` was wrong. Returns the line ends it
    /// consumed, on failure too.
    fn read_separator(&mut self) -> Result<Vec<u8>, SeparatorError> {
        let mut consumed = Vec::new();
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(SeparatorError::Io(error)),
            };
            let Some(&byte) = available.first() else {
                return Ok(consumed);
            };
            let line_ends = consumed.iter().filter(|&&b| b == b'\n').count();
            match byte {
                b'\r' | b'\n' => {}
                _ if line_ends >= 2 => return Ok(consumed),
                _ => return Err(SeparatorError::Missing(consumed)),
            }
            self.reader.consume(1);
            self.offset += 1;
            consumed.push(byte);
            if byte == b'\n' && line_ends + 1 == 2 {
                return Ok(consumed);
            }
        }
    }

    /// Reads the record whose version line is in `self.line`.
    fn read_record(&mut self) -> Page {
        let start = self.offset - self.line.len() as u64;
        let fields = match self.read_header(start) {
            Ok(fields) => fields,
            Err(broken) => return self.broken(None, broken),
        };
        let get = |name: &str| {
            fields
                .iter()
                .find(|(field, _)| field.eq_ignore_ascii_case(name))
                .map(|(_, value)| value.as_str())
        };
        let record_id = get("WARC-Record-ID")
            .map(strip_angle_brackets)
            .filter(|id| !id.is_empty());
        let meta = WarcMeta {
            record_id: record_id.clone(),
            date: get("WARC-Date").map(str::to_string),
        };
        let url = get("WARC-Target-URI").map(strip_angle_brackets);
        let warc_type = get("WARC-Type").unwrap_or_default().to_ascii_lowercase();
        let record_type = get("Content-Type").map(http::media_type);
        let broken = |reader: &mut WarcReader, broken: Broken| {
            let mut page = reader.broken(record_id.clone(), broken);
            page.url.clone_from(&url);
            page
        };
        let Some(length) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            let reason = format!("the record at byte {start} has no valid Content-Length");
            return broken(self, Broken::Malformed(reason));
        };
        if warc_type == "warcinfo" {
            if let Some(filename) = get("WARC-Filename").filter(|f| !f.is_empty()) {
                self.warc_filename = Some(filename.to_string());
            }
        }
        let is_http = record_type
            .as_deref()
            .map_or(true, |t| t == "application/http");
        let fits = length <= self.lookahead();
        let block = match self.read_block(length, start) {
            Ok(block) => block,
            Err(error) => return broken(self, error),
        };
        let separator = match self.read_separator() {
            Ok(separator) => separator,
            Err(SeparatorError::Io(error)) => return broken(self, Broken::Io(error)),
            Err(SeparatorError::Missing(consumed)) => {
                let recovered = block
                    .as_deref()
                    .and_then(|block| self.put_back_next_record(block, &consumed));
                let reason = match recovered {
                    Some(next) => format!(
                        "the block of the record at byte {start} runs into the next record at \
                         byte {next}: its Content-Length of {length} bytes is wrong"
                    ),
                    None => format!(
                        "the block of the record at byte {start} is not followed by the record \
                         separator: its Content-Length is wrong"
                    ),
                };
                return broken(self, Broken::Malformed(reason));
            }
        };
        if let Some(next) = block
            .as_deref()
            .and_then(|block| self.put_back_embedded_record(block, &separator))
        {
            let reason = format!(
                "the block of the record at byte {start} runs into the next record at byte \
                 {next}: its Content-Length of {length} bytes is wrong"
            );
            return broken(self, Broken::Malformed(reason));
        }
        // A gzip member is checked (CRC and length) when the reader looks past its end: look
        // now, so that a record whose member is corrupt is not handed on as sound.
        if let Err(error) = self.reader.fill_buf() {
            if is_resumable(&error) {
                return broken(self, Broken::Io(error));
            }
            self.pending_error = Some(error);
        }
        let id = record_id.unwrap_or_else(|| self.source());
        let content = if warc_type != "response" {
            let what = if warc_type.is_empty() {
                "a record without WARC-Type".to_string()
            } else {
                format!("a {warc_type} record")
            };
            skipped("record_type", what)
        } else if !is_http {
            let media = record_type.unwrap_or_default();
            skipped("not_http", format!("a response record of type {media}"))
        } else if !fits {
            Content::Failed(PageError::TooLarge {
                limit: self.max_page_bytes,
            })
        } else {
            self.response_content(block.unwrap_or_default(), start)
        };
        let format = match &content {
            Content::Bytes {
                content_type: Some(_),
                ..
            } => PageFormat::Html,
            _ => PageFormat::Auto,
        };
        Page {
            id,
            source: self.source(),
            url,
            format,
            content,
            warc: Some(meta),
        }
    }

    /// The page content of an HTTP response block.
    fn response_content(&self, block: Vec<u8>, start: u64) -> Content {
        let response = match http::parse_response(&block) {
            Ok(response) => response,
            Err(reason) => {
                return Content::Failed(PageError::MalformedRecord {
                    reason: format!("the response record at byte {start}: {reason}"),
                })
            }
        };
        if response.status != 200 {
            return skipped("http_status", format!("HTTP status {}", response.status));
        }
        if let Some(content_type) = &response.content_type {
            let media = http::media_type(content_type);
            if !WARC_HTML_MEDIA_TYPES.contains(&media.as_str()) {
                return skipped("not_html", format!("a response of type {media}"));
            }
        }
        let mut body = block;
        body.drain(..response.body_start);
        let chunked = response
            .transfer_encoding
            .as_deref()
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            body = http::dechunk(&body);
        }
        let limit = self.max_page_bytes;
        match http::decode_content(body, response.content_encoding.as_deref(), limit) {
            Ok(bytes) => Content::Bytes {
                bytes,
                content_type: response.content_type,
            },
            Err(DecodeError::TooLarge) => Content::Failed(PageError::TooLarge { limit }),
            Err(DecodeError::Coding(coding, reason)) => {
                Content::Failed(PageError::ContentEncoding { coding, reason })
            }
        }
    }

    /// The error page for a record that broke off. Its remains, up to the next version line,
    /// are read past now: when they hold a corrupt gzip member, the record lost data to it and
    /// is a `read` error rather than a malformed one.
    fn broken(&mut self, id: Option<String>, broken: Broken) -> Page {
        let mut error = match broken {
            Broken::Malformed(reason) => PageError::MalformedRecord { reason },
            Broken::Io(error) => {
                if !is_resumable(&error) {
                    self.finished = true;
                }
                self.read_error(&error)
            }
        };
        while !self.finished && !self.version_line_read {
            match self.seek_version_line() {
                Ok((found, _remains)) => {
                    self.version_line_read = found;
                    self.finished = !found;
                }
                Err(corrupt) if is_resumable(&corrupt) => error = self.read_error(&corrupt),
                Err(other) => {
                    self.pending_error = Some(other);
                    break;
                }
            }
        }
        let mut page = self.failed(id, error);
        page.warc = Some(WarcMeta::default());
        page
    }

    fn read_error(&self, error: &io::Error) -> PageError {
        PageError::Read {
            what: self.source(),
            reason: describe_io_error(error),
        }
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = 0;
    while let Some(found) = haystack.get(at..)?.iter().position(|&b| b == first) {
        let start = at + found;
        if haystack[start..].starts_with(needle) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

fn skipped(reason: &'static str, message: String) -> Content {
    Content::Skipped { reason, message }
}

fn strip_angle_brackets(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
        .to_string()
}

impl Iterator for WarcReader {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        if let Some(error) = self.pending_error.take() {
            self.record_number += 1;
            return Some(self.broken(None, Broken::Io(error)));
        }
        if self.finished {
            return None;
        }
        if !self.version_line_read {
            let start = self.offset;
            match self.seek_version_line() {
                Err(error) => {
                    self.record_number += 1;
                    return Some(self.broken(None, Broken::Io(error)));
                }
                Ok((found, stray)) => {
                    if !found {
                        self.finished = true;
                    }
                    if stray > 0 {
                        // The stray bytes take a record number of their own.
                        self.record_number += 1;
                        self.version_line_read = found;
                        let reason = format!(
                            "{stray} bytes from byte {start} are not a WARC record; \
                             reading goes on at the next line starting with WARC/1."
                        );
                        return Some(self.broken(None, Broken::Malformed(reason)));
                    }
                    if !found {
                        return None;
                    }
                }
            }
        }
        self.version_line_read = false;
        self.record_number += 1;
        Some(self.read_record())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, extra: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Date: 2024-05-01T10:00:00Z\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(id: &str, url: &str, http: &str) -> Vec<u8> {
        let extra = format!(
            "WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n"
        );
        record("response", id, &extra, http.as_bytes())
    }

    fn pages(bytes: Vec<u8>) -> Vec<Page> {
        WarcReader::new(Box::new(io::Cursor::new(bytes)), "in.warc".into(), 1 << 20).collect()
    }

    fn skip_reason(page: &Page) -> Option<&'static str> {
        match &page.content {
            Content::Skipped { reason, .. } => Some(reason),
            _ => None,
        }
    }

    #[test]
    fn responses_become_pages_and_other_records_are_skipped() {
        let mut input = record(
            "warcinfo",
            "1",
            "WARC-Filename: crawl.warc.gz\r\nContent-Type: application/warc-fields\r\n",
            b"software: test\r\n",
        );
        input.extend(response(
            "2",
            "http://e.org/a",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>A</p>",
        ));
        input.extend(record("request", "3", "", b"GET / HTTP/1.1\r\n\r\n"));
        input.extend(response(
            "4",
            "http://e.org/b",
            "HTTP/1.1 302 Found\r\nLocation: /a\r\n\r\n",
        ));
        input.extend(response(
            "5",
            "http://e.org/c.png",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        ));
        let pages = pages(input);
        assert_eq!(pages.len(), 5);
        assert_eq!(skip_reason(&pages[0]), Some("record_type"));
        assert_eq!(pages[0].source, "crawl.warc.gz#1");
        let page = &pages[1];
        assert_eq!(page.id, "urn:uuid:2");
        assert_eq!(page.source, "crawl.warc.gz#2");
        assert_eq!(page.url.as_deref(), Some("http://e.org/a"));
        assert_eq!(page.format, PageFormat::Html);
        assert_eq!(
            page.content,
            Content::Bytes {
                bytes: b"<p>A</p>".to_vec(),
                content_type: Some("text/html; charset=utf-8".into())
            }
        );
        let meta = page.warc.as_ref().unwrap();
        assert_eq!(meta.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(skip_reason(&pages[2]), Some("record_type"));
        assert_eq!(skip_reason(&pages[3]), Some("http_status"));
        assert_eq!(skip_reason(&pages[4]), Some("not_html"));
    }

    #[test]
    fn malformed_records_are_reported_and_reading_resynchronises() {
        let good = response(
            "9",
            "http://e.org/",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>fine</p>",
        );
        let mut input = b"garbage before any record\r\nmore\r\n".to_vec();
        input.extend(&good);
        // No Content-Length.
        input.extend(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\n\r\nbody\r\n\r\n",
        );
        input.extend(&good);
        // Content-Length too short: the block is not followed by the separator.
        let mut short = response("7", "http://e.org/s", "HTTP/1.1 200 OK\r\n\r\n<p>s</p>");
        let text = String::from_utf8(short.clone()).unwrap();
        let text = text.replace("Content-Length: 27", "Content-Length: 20");
        short = text.into_bytes();
        input.extend(&short);
        input.extend(&good);
        // Cut short inside the block.
        input.extend(&good[..good.len() - 10]);
        let pages = pages(input);
        let kinds: Vec<&str> = pages
            .iter()
            .map(|p| match &p.content {
                Content::Failed(error) => error.code(),
                Content::Bytes { .. } => "page",
                _ => "skipped",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "malformed_record",
                "page",
                "malformed_record",
                "page",
                "malformed_record",
                "page",
                "malformed_record"
            ]
        );
        assert_eq!(pages[0].id, "in.warc#1");
        assert_eq!(pages[2].id, "urn:x");
        assert_eq!(pages[4].id, "urn:uuid:7");
    }

    #[test]
    fn a_block_too_long_by_whole_records_is_cut_at_the_next_record() {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>fine</p>";
        let records: Vec<Vec<u8>> = ["1", "2", "3"]
            .iter()
            .map(|id| response(id, "http://e.org/", http))
            .collect();
        let first = String::from_utf8(records[0].clone()).unwrap();
        let length = http.len();
        // The wrong length ends just before two line ends (where the second record's header,
        // the second record and the third end) or where the stream ends.
        let header = records[1]
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap();
        let total: usize = records.iter().map(Vec::len).sum();
        let rest = total - records[0].len();
        for too_long in [4 + header, records[1].len(), rest, rest + 4] {
            let wrong = first.replace(
                &format!("Content-Length: {length}\r\n"),
                &format!("Content-Length: {}\r\n", length + too_long),
            );
            let mut input = wrong.into_bytes();
            input.extend(records[1..].concat());
            let pages = pages(input);
            let kinds: Vec<(&str, &str)> = pages
                .iter()
                .map(|p| match &p.content {
                    Content::Failed(error) => (p.id.as_str(), error.code()),
                    _ => (p.id.as_str(), "page"),
                })
                .collect();
            assert_eq!(
                kinds,
                [
                    ("urn:uuid:1", "malformed_record"),
                    ("urn:uuid:2", "page"),
                    ("urn:uuid:3", "page")
                ],
                "{too_long}"
            );
        }
    }

    #[test]
    fn an_empty_record_id_gives_way_to_the_source() {
        let mut input = response(
            "1",
            "http://e.org/",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
        );
        let text = String::from_utf8(input).unwrap();
        input = text.replace("<urn:uuid:1>", "<>").into_bytes();
        assert_eq!(pages(input)[0].id, "in.warc#1");
    }

    #[test]
    fn chunked_and_compressed_bodies_are_decoded() {
        let http =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\
                    4\r\n<p>c\r\n5\r\nhunk.\r\n0\r\n\r\n";
        let pages = pages(response("1", "http://e.org/", http));
        assert_eq!(
            pages[0].content,
            Content::Bytes {
                bytes: b"<p>chunk.".to_vec(),
                content_type: Some("text/html".into())
            }
        );
    }
}
