//! The output record: one JSON object per input page.
//!
//! The field set, order and meaning are documented in `docs/schema.md`; bump
//! [`SCHEMA_VERSION`] whenever a field changes meaning or is removed.

use serde::{Deserialize, Serialize};

/// Version of the record layout, written in every record as `schema`.
pub const SCHEMA_VERSION: u32 = 1;

/// Outcome of cleaning one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Article text was found.
    Ok,
    /// The page was processed but no article text was found.
    Empty,
    /// The page could not be processed; `error` says why.
    Error,
    /// The input held something that is not a page to clean (a WARC record that is not an HTML
    /// response); `error` says what. Written only with `--keep-all`.
    Skipped,
}

/// The cleaned page. Fields that are unknown are `null`; every field is always present so that
/// every record has the same columns, except `markdown`, which only `--format markdown` adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable page identifier (see `docs/schema.md`).
    pub id: String,
    /// Outcome: `ok`, `empty` or `error`.
    pub status: Status,
    /// The page's URL, when the input carried one.
    pub url: Option<String>,
    /// Where the page was read from: a path, `-` for stdin, with `:<line>` for JSONL.
    pub source: String,
    /// The WARC record's `WARC-Record-ID`; present only for records read from WARC files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<String>,
    /// The WARC record's `WARC-Date`; present only for records read from WARC files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's author or authors, joined with `"; "`.
    pub author: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or with time).
    pub date: Option<String>,
    /// Date of the last change, `YYYY-MM-DD`, when the page declares one.
    pub date_modified: Option<String>,
    /// Name of the site.
    pub site: Option<String>,
    /// Language of the page, BCP-47.
    pub lang: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// The URL the page names as its own (`<link rel=canonical>`, else `og:url`).
    pub canonical_url: Option<String>,
    /// The page's lead image URL.
    pub image: Option<String>,
    /// Sections the page files itself under; empty when it names none.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The page's tags and keywords; empty when it names none.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `article`, `forum`, `product`, `listing` or `documentation`; `null` without evidence.
    pub page_type: Option<String>,
    /// The article text: paragraphs separated by one blank line.
    pub text: Option<String>,
    /// The same article as Markdown. Present only with `--format markdown`
    /// ([`crate::extract::ExtractOptions::markdown`]), and then only when `text` is; otherwise
    /// the key is left out of the JSON, so that plain runs keep their columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// The comment section's text (paragraphs separated by a blank line); present only with
    /// `--comments`, and then `null` when the page has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Option<String>>,
    /// Number of words in `text` (runs of letters, digits and `_`).
    pub words: usize,
    /// The character encoding the page was decoded from.
    pub encoding: Option<String>,
    /// Why the page failed, as `"<code>: <message>"`; `null` unless `status` is `error`.
    pub error: Option<String>,
    /// Version of this layout.
    pub schema: u32,
}

impl Record {
    /// An empty record for a page, to be filled in by the engine.
    pub fn new(id: impl Into<String>, source: impl Into<String>, url: Option<String>) -> Record {
        Record {
            id: id.into(),
            status: Status::Empty,
            url,
            source: source.into(),
            warc_record_id: None,
            warc_date: None,
            title: None,
            author: None,
            date: None,
            date_modified: None,
            site: None,
            lang: None,
            description: None,
            canonical_url: None,
            image: None,
            categories: Vec::new(),
            tags: Vec::new(),
            page_type: None,
            text: None,
            markdown: None,
            comments: None,
            words: 0,
            encoding: None,
            error: None,
            schema: SCHEMA_VERSION,
        }
    }

    /// The record as one line of JSON, without the trailing newline.
    pub fn to_json_line(&self) -> String {
        // serde_json fails only on maps with non-string keys or on a failing writer; a struct
        // of strings and integers serialised into memory has neither.
        serde_json::to_string(self).expect("a record always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_present_even_when_unknown() {
        let line = Record::new("a", "a.html", None).to_json_line();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let object = value.as_object().unwrap();
        for field in [
            "id",
            "status",
            "url",
            "source",
            "title",
            "author",
            "date",
            "site",
            "lang",
            "description",
            "text",
            "words",
            "encoding",
            "error",
            "schema",
        ] {
            assert!(object.contains_key(field), "missing {field}");
        }
        assert_eq!(object["status"], "empty");
        assert_eq!(object["schema"], SCHEMA_VERSION);
    }

    #[test]
    fn markdown_is_left_out_unless_present_and_follows_text() {
        let mut record = Record::new("a", "a.html", None);
        assert!(!record.to_json_line().contains("\"markdown\""));
        record.text = Some("Hello *world*".into());
        record.markdown = Some("Hello \\*world\\*".into());
        let line = record.to_json_line();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let fields: Vec<&String> = value.as_object().unwrap().keys().collect();
        let text = fields.iter().position(|f| *f == "text").unwrap();
        assert_eq!(fields[text + 1], "markdown");
        assert_eq!(value["markdown"], "Hello \\*world\\*");
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn round_trips_through_json() {
        let mut record = Record::new("x", "x.html", Some("https://example.org/".into()));
        record.status = Status::Ok;
        record.text = Some("Привет, мир.\n\nSecond paragraph.".into());
        record.words = 4;
        let back: Record = serde_json::from_str(&record.to_json_line()).unwrap();
        assert_eq!(back, record);
    }
}
