//! JSONL inputs: one page per line, as a JSON object with an HTML or text field.

use std::collections::BTreeMap;
use std::io::{self, BufRead};

use serde_json::value::RawValue;

use super::gzip::is_resumable;
use super::open::{describe_io_error, UTF8_BOM};
use crate::error::PageError;
use crate::limits::InputLimits;
use crate::page::{Content, Page, PageFormat};

/// Names of the fields of a JSONL page record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlFields {
    /// Field holding the page's HTML.
    pub html: String,
    /// Field holding a plain-text page dump (used when there is no HTML field).
    pub text: String,
    /// Field holding the page's URL.
    pub url: String,
    /// Field holding the page's id.
    pub id: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            html: "html".into(),
            text: "text".into(),
            url: "url".into(),
            id: "id".into(),
        }
    }
}

/// Reads pages from a JSONL stream, line by line, each line bounded in size.
pub struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    name: String,
    source: String,
    fields: JsonlFields,
    limits: InputLimits,
    line_number: u64,
    buffer: Vec<u8>,
    finished: bool,
}

impl JsonlReader {
    /// A reader of `reader`, whose pages get ids `<name>:<line>` unless they carry their own.
    /// Lines longer than `limits.max_line_bytes`, and pages longer than
    /// `limits.max_page_bytes`, become `too_large` error pages.
    pub fn new(
        reader: Box<dyn BufRead + Send>,
        name: String,
        source: String,
        fields: JsonlFields,
        limits: InputLimits,
    ) -> JsonlReader {
        JsonlReader {
            reader,
            name,
            source,
            fields,
            limits,
            line_number: 0,
            buffer: Vec::new(),
            finished: false,
        }
    }

    fn line_id(&self) -> String {
        format!("{}:{}", self.name, self.line_number)
    }

    fn line_source(&self) -> String {
        format!("{}:{}", self.source, self.line_number)
    }

    fn failed(&self, error: PageError) -> Page {
        Page::failed(self.line_id(), self.line_source(), error)
    }

    /// Turns one line into a page.
    fn parse(&self, line: &str) -> Page {
        // Fields are kept as their JSON text and only the ones used are decoded: an id that is
        // a number keeps its digits exactly (a float would round 20-digit ids).
        let object: BTreeMap<String, &RawValue> = match serde_json::from_str(line) {
            Ok(object) => object,
            Err(error) => {
                return self.failed(PageError::InvalidJson {
                    line: self.line_number,
                    reason: error.to_string(),
                })
            }
        };
        let string_field = |name: &str| -> Option<String> {
            serde_json::from_str::<String>(object.get(name)?.get()).ok()
        };
        let id = match object.get(&self.fields.id).map(|raw| raw.get()) {
            Some(raw) if raw.starts_with('"') => string_field(&self.fields.id),
            Some(raw) if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
                Some(raw.to_string())
            }
            _ => None,
        }
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| self.line_id());
        let url = string_field(&self.fields.url);
        let (format, content) = if let Some(html) = string_field(&self.fields.html) {
            (PageFormat::Html, Content::Unicode(html))
        } else if let Some(text) = string_field(&self.fields.text) {
            (PageFormat::Text, Content::Unicode(text))
        } else {
            (
                PageFormat::Auto,
                Content::Failed(PageError::MissingContent {
                    line: self.line_number,
                    html_field: self.fields.html.clone(),
                    text_field: self.fields.text.clone(),
                }),
            )
        };
        let limit = self.limits.max_page_bytes;
        let content = match content {
            Content::Unicode(page) if page.len() as u64 > limit => {
                Content::Failed(PageError::TooLarge { limit })
            }
            content => content,
        };
        Page {
            id,
            source: self.line_source(),
            url,
            format,
            content,
            warc: None,
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        while !self.finished {
            self.line_number += 1;
            let limit = self.limits.max_line_bytes;
            match read_bounded_line(&mut self.reader, &mut self.buffer, limit) {
                Ok(Line::End) => self.finished = true,
                Ok(Line::TooLong) => {
                    return Some(self.failed(PageError::LineTooLong { limit }));
                }
                Ok(Line::Complete) => {
                    let mut bytes = self.buffer.as_slice();
                    if self.line_number == 1 {
                        bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
                    }
                    let line = String::from_utf8_lossy(bytes);
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(self.parse(&line));
                }
                Err(error) => {
                    // Past a corrupt gzip member the stream goes on at the next member; past
                    // any other read error it cannot be trusted: report it once and stop.
                    self.finished = !is_resumable(&error);
                    return Some(self.failed(PageError::Read {
                        what: self.line_source(),
                        reason: describe_io_error(&error),
                    }));
                }
            }
        }
        None
    }
}

/// What [`read_bounded_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line (possibly the last, without newline) is in the buffer.
    Complete,
    /// The line was longer than the limit; it was skipped and the buffer is empty.
    TooLong,
    /// No more input.
    End,
}

/// Reads one line into `buffer` without ever holding more than `limit` bytes of it.
fn read_bounded_line(
    reader: &mut dyn BufRead,
    buffer: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Line> {
    buffer.clear();
    let mut seen: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(match (seen, too_long) {
                (0, _) => Line::End,
                (_, true) => Line::TooLong,
                (_, false) => Line::Complete,
            });
        }
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.map_or(available.len(), |i| i + 1)];
        seen += chunk.len() as u64;
        if !too_long {
            if seen > limit.saturating_add(1) {
                too_long = true;
                buffer.clear();
                buffer.shrink_to_fit();
            } else {
                buffer.extend_from_slice(chunk);
            }
        }
        let consumed = chunk.len();
        reader.consume(consumed);
        if newline.is_some() {
            return Ok(if too_long {
                Line::TooLong
            } else {
                Line::Complete
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(input: &str, limit: u64) -> JsonlReader {
        JsonlReader::new(
            Box::new(io::Cursor::new(input.as_bytes().to_vec())),
            "f.jsonl".into(),
            "dir/f.jsonl".into(),
            JsonlFields::default(),
            InputLimits {
                max_line_bytes: limit,
                ..InputLimits::default()
            },
        )
    }

    #[test]
    fn lines_become_pages_with_ids_and_errors() {
        let input = "{\"id\": 7, \"url\": \"https://e.org/\", \"html\": \"<p>x</p>\"}\n\n\
                     not json\n{\"text\": \"plain\"}\n{\"title\": \"no content\"}";
        let pages: Vec<Page> = reader(input, 1000).collect();
        assert_eq!(pages.len(), 4);
        assert_eq!(pages[0].id, "7");
        assert_eq!(pages[0].url.as_deref(), Some("https://e.org/"));
        assert_eq!(pages[0].format, PageFormat::Html);
        assert_eq!(pages[1].id, "f.jsonl:3");
        assert!(matches!(
            pages[1].content,
            Content::Failed(PageError::InvalidJson { line: 3, .. })
        ));
        assert_eq!(pages[2].format, PageFormat::Text);
        assert_eq!(pages[2].source, "dir/f.jsonl:4");
        assert!(matches!(
            pages[3].content,
            Content::Failed(PageError::MissingContent { line: 5, .. })
        ));
    }

    #[test]
    fn numeric_ids_keep_their_digits_and_a_bom_is_not_json() {
        let input = "\u{feff}{\"id\": 12345678901234567890123, \"html\": \"<p>x</p>\"}\n\
                     {\"id\": -1.50e3, \"text\": \"t\"}\n{\"id\": [1], \"text\": \"t\"}\n\
                     {\"id\": \"\", \"text\": \"t\"}";
        let pages: Vec<Page> = reader(input, 1000).collect();
        let ids: Vec<&str> = pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "12345678901234567890123",
                "-1.50e3",
                "f.jsonl:3",
                "f.jsonl:4"
            ]
        );
        assert_eq!(pages[0].content, Content::Unicode("<p>x</p>".into()));
    }

    #[test]
    fn a_page_over_the_page_limit_is_too_large() {
        let mut jsonl = reader("{\"html\": \"0123456789\"}\n{\"html\": \"01\"}", 1000);
        jsonl.limits.max_page_bytes = 5;
        let pages: Vec<Page> = jsonl.collect();
        assert!(matches!(
            pages[0].content,
            Content::Failed(PageError::TooLarge { limit: 5 })
        ));
        assert_eq!(pages[1].content, Content::Unicode("01".into()));
    }

    #[test]
    fn long_lines_are_skipped_not_buffered() {
        let long = format!("{{\"html\": \"{}\"}}", "x".repeat(100));
        let input = format!("{long}\n{{\"html\": \"ok\"}}\n");
        let pages: Vec<Page> = reader(&input, 50).collect();
        assert_eq!(pages.len(), 2);
        assert!(matches!(
            pages[0].content,
            Content::Failed(PageError::LineTooLong { limit: 50 })
        ));
        assert_eq!(pages[1].content, Content::Unicode("ok".into()));
    }

    #[test]
    fn bounded_line_reader_handles_missing_final_newline() {
        let mut cursor = io::Cursor::new(b"ab\ncd".to_vec());
        let mut buffer = Vec::new();
        assert_eq!(
            read_bounded_line(&mut cursor, &mut buffer, 10).unwrap(),
            Line::Complete
        );
        assert_eq!(buffer, b"ab\n");
        assert_eq!(
            read_bounded_line(&mut cursor, &mut buffer, 10).unwrap(),
            Line::Complete
        );
        assert_eq!(buffer, b"cd");
        assert_eq!(
            read_bounded_line(&mut cursor, &mut buffer, 10).unwrap(),
            Line::End
        );
    }
}
