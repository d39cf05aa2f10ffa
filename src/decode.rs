//! Bytes → UTF-8: what kind of document the bytes are, and which encoding they are in.
//!
//! The encoding is chosen the way browsers and careful crawlers do, in this order:
//! 1. a byte-order mark;
//! 2. bytes that are valid UTF-8 and not pure ASCII are UTF-8 whatever the page declares (valid
//!    multi-byte UTF-8 is practically never text in another encoding, while stale
//!    declarations are common);
//! 3. the charset the transport declares (`Content-Type` header), then the one the document
//!    declares (`<meta charset>` or `http-equiv` in its first bytes, HTML only) — unless it
//!    is UTF-8 and the bytes are not;
//! 4. detection with `chardetng`, hinted by the URL's top-level domain.

use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::vocab::{
    BINARY_MAX_CONTROL_SHARE, BINARY_SNIFF_BYTES, HTML_MARKERS, HTML_SNIFF_BYTES,
    META_PRESCAN_BYTES,
};

/// What the bytes of a page turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Markup: an HTML (or XHTML) document or fragment.
    Html,
    /// Plain text.
    Text,
    /// A binary format; the string names it (a MIME type when recognised).
    Binary(String),
}

/// Decides whether bytes are HTML, plain text or binary.
///
/// ```
/// use dechaff::decode::{sniff, Sniffed};
/// assert_eq!(sniff(b"<!DOCTYPE html><p>Hi"), Sniffed::Html);
/// assert_eq!(sniff(b"Just some words."), Sniffed::Text);
/// assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Sniffed::Binary("image/png".into()));
/// ```
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if let Some(binary) = binary_kind(bytes) {
        return Sniffed::Binary(binary);
    }
    let head = &bytes[..bytes.len().min(HTML_SNIFF_BYTES)];
    let head = match Encoding::for_bom(head) {
        Some((encoding, bom_length)) => encoding.decode_without_bom_handling(&head[bom_length..]).0,
        None => String::from_utf8_lossy(head),
    }
    .to_ascii_lowercase();
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || HTML_MARKERS.iter().any(|marker| head.contains(marker))
    {
        Sniffed::Html
    } else {
        Sniffed::Text
    }
}

/// Names the binary format of `bytes`, or `None` when they look like text in some encoding.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    if Encoding::for_bom(bytes).is_some() {
        // UTF-16 text is full of NUL bytes; a BOM says it is text.
        return None;
    }
    if let Some(kind) = infer::get(bytes) {
        if kind.matcher_type() != infer::MatcherType::Text {
            return Some(kind.mime_type().to_string());
        }
    }
    // Text in any encoding has next to no C0 control bytes other than whitespace and ESC; a
    // stray NUL does not make a page binary, a run of them does.
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b))
        .count();
    (controls as f64 > BINARY_MAX_CONTROL_SHARE * head.len() as f64)
        .then(|| "unknown binary format".to_string())
}

/// How the encoding of a page was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// The transport's `Content-Type` header.
    Transport,
    /// A `<meta>` declaration in the document.
    Meta,
    /// Statistical detection.
    Detected,
}

/// A page decoded to UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The page as valid UTF-8 (malformed sequences replaced by U+FFFD).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Why that encoding was used.
    pub source: EncodingSource,
}

impl Decoded {
    /// The encoding's name as written in records: lowercase WHATWG name, e.g. `windows-1251`.
    pub fn encoding_name(&self) -> String {
        self.encoding.name().to_ascii_lowercase()
    }
}

/// Decodes page bytes to UTF-8.
///
/// `content_type` is a transport `Content-Type` value, `is_html` enables the `<meta>` prescan,
/// and `url` hints detection with its top-level domain.
///
/// ```
/// use dechaff::decode::{decode, EncodingSource};
/// let bytes = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
/// let decoded = decode(bytes, None, true, None);
/// assert_eq!(decoded.encoding_name(), "windows-1251");
/// assert_eq!(decoded.source, EncodingSource::Meta);
/// assert!(decoded.text.contains("Привет"));
/// ```
pub fn decode(
    bytes: &[u8],
    content_type: Option<&str>,
    is_html: bool,
    url: Option<&str>,
) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Decoded {
            text: text.into_owned(),
            encoding,
            source: EncodingSource::Bom,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.is_ascii() {
            return Decoded {
                text: text.to_string(),
                encoding: UTF_8,
                source: EncodingSource::ValidUtf8,
            };
        }
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .map(|encoding| (encoding, EncodingSource::Transport))
        .or_else(|| {
            is_html
                .then(|| prescan_meta_charset(bytes))
                .flatten()
                .map(|encoding| (encoding, EncodingSource::Meta))
        });
    if let Some((encoding, source)) = declared {
        // A UTF-8 declaration over bytes that are not UTF-8 is wrong; so is any declaration
        // whose encoding finds malformed sequences where detection finds an encoding that has
        // none. Anything else is trusted.
        if encoding != UTF_8 || bytes.is_ascii() {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if !had_errors || detected(bytes, url).decode_without_bom_handling(bytes).1 {
                return Decoded {
                    text: text.into_owned(),
                    encoding,
                    source,
                };
            }
        }
    }
    if bytes.is_ascii() {
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: UTF_8,
            source: EncodingSource::ValidUtf8,
        };
    }
    let encoding = detected(bytes, url);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        source: EncodingSource::Detected,
    }
}

/// The encoding `chardetng` guesses for the bytes, hinted by the URL's top-level domain.
fn detected(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let tld = url.and_then(top_level_domain);
    detector.guess(tld.as_deref().map(str::as_bytes), true)
}

/// The encoding named by the `charset` parameter of a `Content-Type` value.
///
/// ```
/// use dechaff::decode::charset_from_content_type;
/// assert_eq!(
///     charset_from_content_type("text/html; Charset=\"KOI8-R\"").map(|e| e.name()),
///     Some("KOI8-R")
/// );
/// assert!(charset_from_content_type("text/html").is_none());
/// ```
pub fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let start = lower.find("charset")? + "charset".len();
    let rest = lower[start..].trim_start().strip_prefix('=')?.trim_start();
    let value = rest
        .trim_start_matches(['"', '\''])
        .split(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .next()?;
    encoding_for_declared_label(value)
}

/// Maps a declared label to the encoding a browser would use: unknown labels are ignored, a
/// UTF-16 declaration inside an ASCII-compatible document means UTF-8 (WHATWG prescan rule), and
/// the labels of the `replacement` encoding (ISO-2022-KR, HZ and others that browsers refuse to
/// decode, turning the whole page into one U+FFFD) are ignored: no page is meant to be read so.
fn encoding_for_declared_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    if encoding == REPLACEMENT {
        return None;
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return Some(UTF_8);
    }
    if encoding.name() == "x-user-defined" {
        return Some(WINDOWS_1252);
    }
    Some(encoding)
}

/// Finds a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">`
/// declaration in the first bytes of an HTML document.
///
/// ```
/// use dechaff::decode::prescan_meta_charset;
/// let html = b"<html><head><META http-equiv=Content-Type content='text/html; charset=iso-8859-2'>";
/// assert_eq!(prescan_meta_charset(html).map(|e| e.name()), Some("ISO-8859-2"));
/// ```
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    // Labels are ASCII, so a lossy ASCII view of the bytes is enough to find them.
    let head: String = head
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let mut rest = head.as_str();
    while let Some(start) = rest.find("<meta") {
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end);
        let tag = &rest[start..tag_end];
        if let Some(encoding) = meta_tag_charset(tag) {
            return Some(encoding);
        }
        rest = &rest[tag_end..];
    }
    None
}

/// The charset a single lowercased `<meta …` tag declares, if any.
fn meta_tag_charset(tag: &str) -> Option<&'static Encoding> {
    let position = tag.find("charset")?;
    let after = tag[position + "charset".len()..].trim_start();
    if let Some(value) = after.strip_prefix('=') {
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let label: String = value
            .chars()
            .take_while(|&c| !matches!(c, '"' | '\'' | ';' | '/' | '>') && !c.is_whitespace())
            .collect();
        return encoding_for_declared_label(&label);
    }
    None
}

/// The top-level domain of a URL's host, e.g. `ru` for `https://news.example.ru/a`.
fn top_level_domain(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after_scheme.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| tld.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Москва — столица России, крупнейший по численности населения город \
        страны. Город расположен на реке Москве в центре Восточно-Европейской равнины.";

    #[test]
    fn detects_windows_1251_without_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let decoded = decode(&bytes, None, true, None);
        assert_eq!(decoded.encoding_name(), "windows-1251");
        assert_eq!(decoded.source, EncodingSource::Detected);
        assert_eq!(decoded.text, RUSSIAN);
    }

    #[test]
    fn bom_wins_over_declaration() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1252><p>é".as_bytes());
        let decoded = decode(&bytes, Some("text/html; charset=iso-8859-1"), true, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.source, EncodingSource::Bom);
        assert!(decoded.text.ends_with("<p>é"));
    }

    #[test]
    fn utf16_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<p>Größe</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(sniff(&bytes), Sniffed::Html);
        let decoded = decode(&bytes, None, true, None);
        assert_eq!(decoded.text, "<p>Größe</p>");
    }

    #[test]
    fn transport_charset_wins_over_meta() {
        let bytes = b"<meta charset=iso-8859-5><p>\xe4\xe0</p>";
        let decoded = decode(bytes, Some("text/html; charset=windows-1251"), true, None);
        assert_eq!(decoded.encoding_name(), "windows-1251");
        assert_eq!(decoded.source, EncodingSource::Transport);
        assert!(decoded.text.contains("да"));
    }

    #[test]
    fn false_utf8_declaration_falls_back_to_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut html = b"<meta charset=utf-8><p>".to_vec();
        html.extend_from_slice(&bytes);
        let decoded = decode(&html, None, true, None);
        assert_eq!(decoded.encoding_name(), "windows-1251");
        assert!(decoded.text.contains("Москва"));
    }

    #[test]
    fn valid_utf8_wins_over_stale_latin1_declaration() {
        let html = "<meta charset=iso-8859-1><p>Grüße aus Köln</p>";
        let decoded = decode(html.as_bytes(), None, true, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert!(decoded.text.contains("Grüße"));
    }

    #[test]
    fn meta_charset_is_ignored_for_text() {
        let bytes = b"<meta charset=koi8-r> plain ascii";
        assert_eq!(decode(bytes, None, false, None).encoding, UTF_8);
    }

    #[test]
    fn prescan_handles_quotes_and_http_equiv() {
        assert_eq!(
            prescan_meta_charset(b"<meta charset='Shift_JIS'/>").map(|e| e.name()),
            Some("Shift_JIS")
        );
        assert_eq!(
            prescan_meta_charset(b"<meta name=x><meta content=\"text/html;charset=gbk\" http-equiv=\"content-type\">")
                .map(|e| e.name()),
            Some("GBK")
        );
        assert!(prescan_meta_charset(b"<meta charset=no-such-thing>").is_none());
        assert_eq!(prescan_meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn declarations_that_cannot_be_right_are_ignored() {
        let ascii = b"<meta charset=iso-2022-kr><p>Plain ASCII words of an article.</p>";
        let decoded = decode(ascii, None, true, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert!(decoded.text.contains("Plain ASCII words"));
        assert!(charset_from_content_type("text/html; charset=hz-gb-2312").is_none());
        // Shift_JIS declared over windows-1251 bytes: malformed for one, clean for the other.
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut html = b"<meta charset=shift_jis><p>".to_vec();
        html.extend_from_slice(&cyrillic);
        let decoded = decode(&html, None, true, None);
        assert_eq!(decoded.encoding_name(), "windows-1251");
        // A right declaration stays, even for text detection would read otherwise.
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Fußgänger überqueren die Straße");
        let mut html = b"<meta charset=iso-8859-15><p>".to_vec();
        html.extend_from_slice(&latin);
        assert_eq!(
            decode(&html, None, true, None).encoding_name(),
            "iso-8859-15"
        );
    }

    #[test]
    fn a_stray_nul_does_not_make_a_page_binary() {
        let mut page = b"<html><body><p>".to_vec();
        page.extend_from_slice("word ".repeat(2000).as_bytes());
        page[100] = 0;
        assert_eq!(sniff(&page), Sniffed::Html);
        let mut utf16_without_bom = Vec::new();
        for unit in "<p>Größe der Seite</p>".encode_utf16() {
            utf16_without_bom.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(matches!(sniff(&utf16_without_bom), Sniffed::Binary(_)));
    }

    #[test]
    fn tld_of_urls() {
        assert_eq!(
            top_level_domain("https://news.example.ru/a?b").as_deref(),
            Some("ru")
        );
        assert_eq!(
            top_level_domain("http://u@host.DE:8080/").as_deref(),
            Some("de")
        );
        assert_eq!(top_level_domain("http://127.0.0.1/"), None);
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"  <html><body>x"), Sniffed::Html);
        assert_eq!(
            sniff(b"Title\n\nSome text with <b>bold</b> in it"),
            Sniffed::Html
        );
        assert_eq!(sniff(b"Title\n\nSome text: 3 < 4."), Sniffed::Text);
        assert_eq!(
            sniff(b"abc\0def"),
            Sniffed::Binary("unknown binary format".into())
        );
        assert_eq!(
            sniff(b"%PDF-1.7\n"),
            Sniffed::Binary("application/pdf".into())
        );
    }
}
