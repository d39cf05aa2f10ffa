//! JSONL inputs: one page per line, as a JSON object with an HTML or text field.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use super::open::describe_io_error;
use crate::error::PageError;
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
    max_line_bytes: u64,
    line_number: u64,
    buffer: Vec<u8>,
    finished: bool,
}

impl JsonlReader {
    /// A reader of `reader`, whose pages get ids `<name>:<line>` unless they carry their own.
    pub fn new(
        reader: Box<dyn BufRead + Send>,
        name: String,
        source: String,
        fields: JsonlFields,
        max_line_bytes: u64,
    ) -> JsonlReader {
        JsonlReader {
            reader,
            name,
            source,
            fields,
            max_line_bytes,
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

    /// Turns one line into a page.
    fn parse(&self, line: &str) -> Page {
        let object: Map<String, Value> = match serde_json::from_str(line) {
            Ok(object) => object,
            Err(error) => {
                return Page::failed(
                    self.line_id(),
                    self.line_source(),
                    PageError::InvalidJson {
                        line: self.line_number,
                        reason: error.to_string(),
                    },
                )
            }
        };
        let id = match object.get(&self.fields.id) {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            _ => self.line_id(),
        };
        let url = object
            .get(&self.fields.url)
            .and_then(Value::as_str)
            .map(str::to_string);
        let string_field = |name: &str| object.get(name).and_then(Value::as_str);
        let (format, content) = if let Some(html) = string_field(&self.fields.html) {
            (PageFormat::Html, Content::Unicode(html.to_string()))
        } else if let Some(text) = string_field(&self.fields.text) {
            (PageFormat::Text, Content::Unicode(text.to_string()))
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
            let limit = self.max_line_bytes;
            match read_bounded_line(&mut self.reader, &mut self.buffer, limit) {
                Ok(Line::End) => self.finished = true,
                Ok(Line::TooLong) => {
                    return Some(Page::failed(
                        self.line_id(),
                        self.line_source(),
                        PageError::TooLarge { limit },
                    ))
                }
                Ok(Line::Complete) => {
                    let line = String::from_utf8_lossy(&self.buffer);
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(self.parse(&line));
                }
                Err(error) => {
                    // The stream cannot be trusted past a read error: report it once and stop.
                    self.finished = true;
                    return Some(Page::failed(
                        self.line_id(),
                        self.line_source(),
                        PageError::Read {
                            what: self.line_source(),
                            reason: describe_io_error(&error),
                        },
                    ));
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
            limit,
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
    fn long_lines_are_skipped_not_buffered() {
        let long = format!("{{\"html\": \"{}\"}}", "x".repeat(100));
        let input = format!("{long}\n{{\"html\": \"ok\"}}\n");
        let pages: Vec<Page> = reader(&input, 50).collect();
        assert_eq!(pages.len(), 2);
        assert!(matches!(
            pages[0].content,
            Content::Failed(PageError::TooLarge { limit: 50 })
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
