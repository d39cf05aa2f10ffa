//! One page in, one record out: decode → parse → extract → metadata.
//!
//! [`clean_page`] is a pure function of the page and the options: no files, threads or
//! output. It never panics on page content; the pipeline still guards it and turns a panic
//! into an error record.

use std::sync::Arc;

use crate::decode::{decode, sniff, Sniffed};
use crate::error::PageError;
use crate::limits::PageLimits;

use crate::extract::{
    extract, extract_without_blocks, plain_text_markdown, without_leading_title, ExtractOptions,
};
use crate::metadata;
use crate::page::{Content, Page, PageFormat};
use crate::plaintext;
use crate::profile::{leaves_enough, site_key, without_lines, BlockSet, Profile};
use crate::record::{Record, Status};
use crate::text::{count_words, normalize_paragraphs, without_stray_controls};

/// Options of the per-page engine.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Options of the HTML extractor.
    pub extract: ExtractOptions,
    /// Publication dates after this day are rejected (a future date is an event's, not the
    /// page's). The command line sets it to the day of the run; `None` accepts any date.
    pub latest_date: Option<chrono::NaiveDate>,
    /// Blocks each site repeats on many of its pages (`--site-profile`, `--profile`): they are
    /// dropped from the pages of that site. The table is shared, never changed, so extraction
    /// stays a function of the page and the options.
    pub profile: Option<Arc<Profile>>,
    /// The limits that apply inside a page: nesting depth, attributes, work budget, lines of a
    /// text dump.
    pub limits: PageLimits,
    /// The user declared the pages' format (`--input-format html` or `text`): pages are read as
    /// that format even when their bytes look binary (a stray NUL, a misleading magic number).
    pub declared_format_wins: bool,
}

/// Today's date in UTC, the latest publication date a page can have.
pub fn today() -> chrono::NaiveDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(i64::MAX), 0)
        .map_or(chrono::NaiveDate::MAX, |now| now.date_naive())
}

/// Cleans one page into its record.
pub fn clean_page(page: &Page, options: &Options) -> Record {
    let mut record = new_record(page);
    if let Content::Skipped { reason, message } = &page.content {
        record.status = Status::Skipped;
        record.error = Some(format!("{reason}: {message}"));
        return record;
    }
    if options.extract.comments {
        // With --comments every record has the field, `null` where there are none.
        record.comments = Some(None);
    }
    if let Err(error) = fill(&mut record, page, options) {
        record.status = Status::Error;
        record.error = Some(error.to_record_string());
    }
    record
}

/// The record for a page whose processing failed in a way the engine could not report itself
/// (a panic caught by the pipeline).
pub fn internal_error_record(page: &Page, what: &str) -> Record {
    let mut record = new_record(page);
    record.status = Status::Error;
    record.error = Some(format!("internal: {what}"));
    record
}

/// The record of a page before cleaning: where it came from.
fn new_record(page: &Page) -> Record {
    let mut record = Record::new(page.id.clone(), page.source.clone(), page.url.clone());
    if let Some(warc) = &page.warc {
        record.warc_record_id = warc.record_id.clone();
        record.warc_date = warc.date.clone();
    }
    record
}

fn fill(record: &mut Record, page: &Page, options: &Options) -> Result<(), PageError> {
    let decoded = decoded_for_cleaning(page, options)?;
    record.encoding = Some(decoded.encoding);
    let (text, format) = (decoded.text, decoded.format);
    let boilerplate = options
        .profile
        .as_deref()
        .and_then(|profile| profile.boilerplate_of(&site_key(page.url.as_deref(), &page.source)));
    match format {
        PageFormat::Text => clean_text(record, &text, options, boilerplate)?,
        _ => clean_html(record, &text, options, boilerplate)?,
    }
    strip_stray_controls(record);
    record.words = record.text.as_deref().map_or(0, count_words);
    record.status = if record.words > 0 {
        Status::Ok
    } else {
        // Punctuation alone ("---", "<<<<") is no article: an empty record has no text.
        record.text = None;
        record.markdown = None;
        Status::Empty
    };
    Ok(())
}

/// Removes control characters (ESC, VT, NUL, C1 controls …) from every text field.
fn strip_stray_controls(record: &mut Record) {
    let clean = |field: &mut Option<String>| {
        if let Some(cleaned) = field.as_deref().and_then(without_stray_controls) {
            *field = Some(cleaned);
        }
    };
    for field in [
        &mut record.title,
        &mut record.author,
        &mut record.date,
        &mut record.date_modified,
        &mut record.site,
        &mut record.lang,
        &mut record.description,
        &mut record.canonical_url,
        &mut record.image,
        &mut record.page_type,
        &mut record.text,
        &mut record.markdown,
    ] {
        clean(field);
    }
    if let Some(comments) = record.comments.as_mut() {
        clean(comments);
    }
    for list in [&mut record.categories, &mut record.tags] {
        for item in list.iter_mut() {
            if let Some(cleaned) = without_stray_controls(item) {
                *item = cleaned;
            }
        }
    }
}

/// A page's content as Unicode text, with the format it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedPage {
    /// The page as text (HTML source or a text dump).
    pub text: String,
    /// HTML or text, never `Auto`.
    pub format: PageFormat,
    /// The encoding the bytes were read in.
    pub encoding: String,
}

/// Decodes a page to Unicode and decides its format: the first step of [`clean_page`], shared
/// with the site profile's counting pass so that both see the same text.
pub fn decoded_page(page: &Page) -> Result<DecodedPage, PageError> {
    decode_page(page, true)
}

/// [`decoded_page`] as [`clean_page`] decodes under `options`: bytes that look binary are
/// read anyway when the user declared the pages' format.
pub fn decoded_for_cleaning(page: &Page, options: &Options) -> Result<DecodedPage, PageError> {
    decode_page(page, !options.declared_format_wins)
}

/// [`decoded_page`], refusing bytes that look binary only when `refuse_binary`.
fn decode_page(page: &Page, refuse_binary: bool) -> Result<DecodedPage, PageError> {
    match &page.content {
        Content::Failed(error) => Err(error.clone()),
        // Never cleaned (`clean_page` returns first) nor counted: no content to decode.
        Content::Skipped { .. } => Err(PageError::Empty { bytes: 0 }),
        Content::Bytes {
            bytes,
            content_type,
        } => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(PageError::Empty { bytes: bytes.len() });
            }
            let sniffed = sniff(bytes);
            if let Sniffed::Binary(kind) = &sniffed {
                if refuse_binary || page.format == PageFormat::Auto {
                    return Err(PageError::Binary { kind: kind.clone() });
                }
            }
            let format = resolve_format(page.format, &sniffed);
            let decoded = decode(
                bytes,
                content_type.as_deref(),
                format == PageFormat::Html,
                page.url.as_deref(),
            );
            Ok(DecodedPage {
                encoding: decoded.encoding_name(),
                text: decoded.text,
                format,
            })
        }
        Content::Unicode(text) => {
            if text.trim().is_empty() {
                return Err(PageError::Empty { bytes: text.len() });
            }
            let format = resolve_format(page.format, &sniff(text.as_bytes()));
            Ok(DecodedPage {
                text: text.clone(),
                format,
                encoding: "utf-8".to_string(),
            })
        }
    }
}

/// The container's format wins; `Auto` takes what sniffing saw.
fn resolve_format(declared: PageFormat, sniffed: &Sniffed) -> PageFormat {
    match (declared, sniffed) {
        (PageFormat::Auto, Sniffed::Text) => PageFormat::Text,
        (PageFormat::Auto, _) => PageFormat::Html,
        (format, _) => format,
    }
}

fn clean_html(
    record: &mut Record,
    html: &str,
    options: &Options,
    boilerplate: Option<&BlockSet>,
) -> Result<(), PageError> {
    let document = crate::parse::parse(html, &options.limits)?;
    let meta = metadata::from_html_dated(&document, options.latest_date);
    let article = match boilerplate {
        Some(blocks) => extract_without_blocks(&document, &options.extract, blocks),
        None => extract(&document, &options.extract),
    };
    // The serializer's paragraphs are already normalised, and preformatted code must keep its
    // indentation, so no further whitespace normalisation here.
    let text = drop_leading_title(&article.text, meta.title.as_deref());
    // The Markdown loses its title block only when the text lost its title paragraph, so that
    // both hold the same article.
    let title_dropped = text.len() != article.text.len();
    record.markdown = match (article.markdown, meta.title.as_deref()) {
        (Some(markdown), Some(title)) if title_dropped => {
            Some(without_leading_title(&markdown, title))
        }
        (markdown, _) => markdown,
    }
    .filter(|markdown| !markdown.is_empty() && !text.is_empty());
    record.lang = metadata::checked_lang(meta.lang.as_deref(), &text);
    record.text = (!text.is_empty()).then_some(text);
    if options.extract.comments {
        record.comments = Some(article.comments);
    }
    record.title = meta.title;
    record.author = meta.author;
    record.date = meta.date;
    record.date_modified = meta.date_modified;
    record.site = meta.site;
    record.description = meta.description;
    record.canonical_url = meta.canonical_url;
    record.image = meta.image;
    record.categories = meta.categories;
    record.tags = meta.tags;
    record.page_type = meta.page_type;
    Ok(())
}

fn clean_text(
    record: &mut Record,
    dump: &str,
    options: &Options,
    boilerplate: Option<&BlockSet>,
) -> Result<(), PageError> {
    let limit = options.limits.max_text_lines;
    if plaintext::line_count_exceeds(dump, limit) {
        return Err(PageError::TooManyLines { limit });
    }
    // Lines the site repeats on most of its pages go before the text cleaner sees the dump.
    let kept;
    let dump = match boilerplate {
        Some(blocks) => {
            kept = without_lines(dump, blocks);
            let visible = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
            if leaves_enough(visible(dump), visible(&kept)) {
                kept.as_str()
            } else {
                dump
            }
        }
        None => dump,
    };
    let cleaned = plaintext::clean(dump);
    let text = normalize_paragraphs(&cleaned.text);
    // A text dump has no markup to convert: its Markdown is the text, safe at line starts.
    record.markdown =
        (options.extract.markdown && !text.is_empty()).then(|| plain_text_markdown(&text));
    record.text = (!text.is_empty()).then_some(text);
    record.title = cleaned.title;
    record.author = cleaned.author;
    record.date = cleaned.date.map(|date| date.format("%Y-%m-%d").to_string());
    Ok(())
}

/// The title belongs in metadata: a first paragraph that repeats it is removed from the text.
fn drop_leading_title(text: &str, title: Option<&str>) -> String {
    let Some(title) = title else {
        return text.to_string();
    };
    let (first, rest) = text.split_once("\n\n").unwrap_or((text, ""));
    if first.trim().to_lowercase() == title.trim().to_lowercase() {
        rest.to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_page(html: &str) -> Page {
        Page::from_bytes("p", "p.html", PageFormat::Html, html.as_bytes().to_vec())
    }

    #[test]
    fn empty_and_binary_pages_are_errors() {
        let record = clean_page(&html_page(" \n "), &Options::default());
        assert_eq!(record.status, Status::Error);
        assert!(record.error.unwrap().starts_with("empty_input:"));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let record = clean_page(
            &Page::from_bytes("i", "i.html", PageFormat::Html, png),
            &Options::default(),
        );
        assert_eq!(
            record.error.as_deref(),
            Some("binary: the page is binary data (image/png), not HTML or text")
        );
    }

    #[test]
    fn title_is_not_repeated_in_text() {
        let record = clean_page(
            &html_page("<title>Big news</title><h1>Big news</h1><p>The big news of the day is that the article text follows its headline.</p>"),
            &Options::default(),
        );
        assert_eq!(record.title.as_deref(), Some("Big news"));
        assert!(record.text.unwrap().starts_with("The big news of the day"));
    }

    #[test]
    fn a_page_without_text_is_empty_not_error() {
        let record = clean_page(
            &html_page("<html><body><nav>Home</nav></body></html>"),
            &Options::default(),
        );
        assert_eq!(record.status, Status::Empty);
        assert_eq!(record.text, None);
        assert_eq!(record.error, None);
    }

    #[test]
    fn markdown_comes_only_when_asked_and_drops_the_title_like_the_text() {
        let page = html_page(
            "<title>Big news</title><h1>Big news</h1><p>The big news of the day is that the \
             article text follows its <em>headline</em>.</p>",
        );
        assert_eq!(clean_page(&page, &Options::default()).markdown, None);
        let options = Options {
            extract: ExtractOptions {
                markdown: true,
                ..ExtractOptions::default()
            },
            ..Options::default()
        };
        let record = clean_page(&page, &options);
        assert_eq!(
            record.text.as_deref(),
            Some("The big news of the day is that the article text follows its headline.")
        );
        assert_eq!(
            record.markdown.as_deref(),
            Some("The big news of the day is that the article text follows its *headline*.")
        );
        let empty = clean_page(&html_page("<body><nav>Home</nav></body>"), &options);
        assert_eq!((empty.text, empty.markdown), (None, None));
    }

    #[test]
    fn markdown_of_a_text_dump_is_its_text_escaped_at_line_starts() {
        let page = Page {
            id: "t".into(),
            source: "t.txt".into(),
            url: None,
            format: PageFormat::Text,
            warc: None,
            content: Content::Unicode(
                "Menu\nHome\n\n1. This line of text is long enough to be prose in a dump, and ends well.".into(),
            ),
        };
        let options = Options {
            extract: ExtractOptions {
                markdown: true,
                ..ExtractOptions::default()
            },
            ..Options::default()
        };
        let record = clean_page(&page, &options);
        let text = record.text.unwrap();
        assert!(text.starts_with("1. This line"), "{text}");
        assert_eq!(record.markdown, Some(text.replacen("1.", "1\\.", 1)));
    }

    #[test]
    fn a_sites_repeated_lines_leave_text_dumps() {
        let pitch = "Get the harbour letter every Friday, straight to your inbox.";
        let story = "This line of text is long enough to be prose in a dump, and ends well. \
                     It goes on to tell the story of the day, which the site has only once.";
        let dump = format!("Menu\nHome\n\n{story}\n\n{pitch}\n\n{story}\n");
        let page = Page {
            id: "t".into(),
            source: "dumps/t.txt".into(),
            url: None,
            format: PageFormat::Text,
            warc: None,
            content: Content::Unicode(dump),
        };
        let mut counts = crate::profile::Counts::default();
        for _ in 0..5 {
            counts.add_page("dir:dumps", &[crate::profile::hash_block(pitch).unwrap()]);
        }
        let options = Options {
            profile: Some(Arc::new(counts.profile(Default::default()))),
            ..Options::default()
        };
        let plain = clean_page(&page, &Options::default()).text.unwrap();
        assert!(plain.contains("harbour letter"), "{plain}");
        let profiled = clean_page(&page, &options).text.unwrap();
        // The pitch goes; the story stays (the scorer weighs the lines left as it will).
        assert!(!profiled.contains("harbour letter"), "{profiled}");
        assert!(profiled.starts_with(story), "{profiled}");
        // Another site's pages are not touched.
        let elsewhere = Page {
            url: Some("https://elsewhere.example/t".into()),
            ..page
        };
        assert_eq!(clean_page(&elsewhere, &options).text.unwrap(), plain);
    }

    #[test]
    fn unicode_text_pages_use_the_text_cleaner() {
        let page = Page {
            id: "t".into(),
            source: "t.jsonl:1".into(),
            url: None,
            format: PageFormat::Text,
            warc: None,
            content: Content::Unicode("Menu\nHome\nAbout\n\nThis line of text is long enough to be prose in a dump, and ends well.".into()),
        };
        let record = clean_page(&page, &Options::default());
        assert_eq!(record.status, Status::Ok);
        assert_eq!(record.encoding.as_deref(), Some("utf-8"));
        assert!(record.text.unwrap().starts_with("This line"));
    }
}
