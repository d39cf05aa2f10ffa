//! HTTP responses as WARC `response` records hold them: status line, headers, and a body that
//! may still carry its transfer coding (`chunked`) and content coding (`gzip`, `deflate`, `br`,
//! `zstd`), because crawlers store what the server sent.

use std::io::Read;

/// The parts of an HTTP response that matter for cleaning its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code, such as 200 or 301.
    pub status: u16,
    /// The `Content-Type` header value, when present.
    pub content_type: Option<String>,
    /// The `Transfer-Encoding` header value, when present.
    pub transfer_encoding: Option<String>,
    /// The `Content-Encoding` header value, when present.
    pub content_encoding: Option<String>,
    /// Where the body starts in the block.
    pub body_start: usize,
}

/// Parses the status line and headers of an HTTP/1.x response at the start of `block`.
pub fn parse_response(block: &[u8]) -> Result<Response, String> {
    let (head_end, body_start) = find_head_end(block)
        .ok_or_else(|| "the HTTP headers do not end with a blank line".to_string())?;
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.split('\n').map(|line| line.trim_end_matches('\r'));
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(format!(
            "the block does not start with an HTTP status line: {:?}",
            truncate(status_line, 60)
        ));
    }
    let status = parts
        .next()
        .filter(|code| code.len() == 3)
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line: {:?}", truncate(status_line, 60)))?;
    let mut response = Response {
        status,
        content_type: None,
        transfer_encoding: None,
        content_encoding: None,
        body_start,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => &mut response.content_type,
            "transfer-encoding" => &mut response.transfer_encoding,
            "content-encoding" => &mut response.content_encoding,
            _ => continue,
        };
        // The first of repeated headers wins, as most clients do for these three.
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    Ok(response)
}

/// The end of the header block and the start of the body: after `\r\n\r\n`, or after `\n\n`
/// for servers (and archives) that write bare line feeds.
fn find_head_end(block: &[u8]) -> Option<(usize, usize)> {
    let crlf = find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(block, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// The lowercased media type of a `Content-Type` value, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Undoes `Transfer-Encoding: chunked`. A body that does not start with a chunk-size line is
/// returned unchanged (some archivers store the body de-chunked but keep the header); a body
/// cut short keeps the chunks that arrived, as browsers do.
pub fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut position = 0;
    let mut first = true;
    while let Some(line_end) = body[position..].iter().position(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(&body[position..position + line_end]);
        // Chunk extensions (`;name=value`) are allowed after the size.
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            if first {
                return body.to_vec();
            }
            break;
        };
        first = false;
        position += line_end + 1;
        if size == 0 {
            break;
        }
        let end = position.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[position..end]);
        position = end;
        // The chunk's closing line end.
        if body[position..].starts_with(b"\r\n") {
            position += 2;
        } else if body[position..].starts_with(b"\n") {
            position += 1;
        }
        if position >= body.len() {
            break;
        }
    }
    if first {
        return body.to_vec();
    }
    out
}

/// Why a body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The decoded body is larger than the page limit.
    TooLarge,
    /// The coding is unknown or its data is corrupt; the string says which and why.
    Coding(String, String),
}

/// Undoes the content codings of `Content-Encoding`, last applied first, reading at most
/// `limit` decoded bytes. A body that does not start with its coding's magic bytes is taken
/// as already decoded: archivers that decode bodies do not always rename the header.
pub fn decode_content(
    body: Vec<u8>,
    content_encoding: Option<&str>,
    limit: u64,
) -> Result<Vec<u8>, DecodeError> {
    let codings = content_encoding.unwrap_or_default();
    let mut body = body;
    let codings: Vec<String> = codings
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "identity" => body,
            "gzip" | "x-gzip" => {
                if !body.starts_with(&[0x1f, 0x8b]) {
                    continue;
                }
                read_limited(flate2::read::MultiGzDecoder::new(&body[..]), limit, coding)?
            }
            "deflate" => {
                // RFC 9110 deflate is zlib; some servers send raw deflate instead.
                if is_zlib_header(&body) {
                    read_limited(flate2::read::ZlibDecoder::new(&body[..]), limit, coding)?
                } else {
                    read_limited(flate2::read::DeflateDecoder::new(&body[..]), limit, coding)?
                }
            }
            "br" => read_limited(
                brotli::Decompressor::new(&body[..], 64 * 1024),
                limit,
                coding,
            )?,
            "zstd" => {
                if !body.starts_with(&super::open::ZSTD_MAGIC) {
                    continue;
                }
                let decoder = zstd::stream::read::Decoder::new(&body[..])
                    .map_err(|e| DecodeError::Coding(coding.clone(), e.to_string()))?;
                read_limited(decoder, limit, coding)?
            }
            other => {
                return Err(DecodeError::Coding(
                    other.to_string(),
                    "unknown content coding".to_string(),
                ))
            }
        };
    }
    if body.len() as u64 > limit {
        return Err(DecodeError::TooLarge);
    }
    Ok(body)
}

/// Whether `data` starts with a zlib header (RFC 1950): deflate method and a valid check value.
fn is_zlib_header(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

fn read_limited(reader: impl Read, limit: u64, coding: &str) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Coding(coding.to_string(), e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(DecodeError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn status_line_and_headers_are_read() {
        let block = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\ncontent-type: text/html; charset=iso-8859-1\r\nContent-Encoding: gzip\r\n\r\nbody";
        let response = parse_response(block).unwrap();
        assert_eq!(response.status, 301);
        assert_eq!(
            response.content_type.as_deref(),
            Some("text/html; charset=iso-8859-1")
        );
        assert_eq!(response.content_encoding.as_deref(), Some("gzip"));
        assert_eq!(&block[response.body_start..], b"body");
        assert_eq!(media_type(" Text/HTML ; charset=x"), "text/html");
    }

    #[test]
    fn bare_line_feeds_and_bad_status_lines() {
        let response = parse_response(b"HTTP/1.0 200 OK\nA: b\n\n<p>").unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body_start, 22);
        assert!(parse_response(b"GET / HTTP/1.1\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 2x0 OK\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nno end").is_err());
    }

    #[test]
    fn chunked_bodies_are_joined_and_plain_ones_kept() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;x=y\r\n, world\r\n0\r\n\r\n"),
            b"Hello, world"
        );
        assert_eq!(
            dechunk(b"<html>not chunked</html>"),
            b"<html>not chunked</html>"
        );
        // Cut short: the chunks that arrived.
        assert_eq!(dechunk(b"5\r\nHello\r\n10\r\nabc"), b"Helloabc");
    }

    #[test]
    fn content_codings_are_undone() {
        let text = b"<p>compressed page</p>".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode_content(gz, Some("gzip"), 1000).unwrap(), text);
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        zlib.write_all(&text).unwrap();
        assert_eq!(
            decode_content(zlib.finish().unwrap(), Some("deflate"), 1000).unwrap(),
            text
        );
        let mut raw =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        raw.write_all(&text).unwrap();
        assert_eq!(
            decode_content(raw.finish().unwrap(), Some("deflate"), 1000).unwrap(),
            text
        );
        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
            writer.write_all(&text).unwrap();
        }
        assert_eq!(decode_content(br, Some("br"), 1000).unwrap(), text);
        // Already decoded despite the header.
        assert_eq!(
            decode_content(text.clone(), Some("gzip"), 1000).unwrap(),
            text
        );
        assert_eq!(
            decode_content(text.clone(), Some("gzip"), 5),
            Err(DecodeError::TooLarge)
        );
        assert!(matches!(
            decode_content(text.clone(), Some("compress"), 1000),
            Err(DecodeError::Coding(..))
        ));
        assert!(matches!(
            decode_content(b"\x1f\x8bgarbage".to_vec(), Some("gzip"), 1000),
            Err(DecodeError::Coding(..))
        ));
    }
}
