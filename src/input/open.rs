//! Opening an input: a file or stdin, gzip and zstd detected by their magic bytes, read within a
//! limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::gzip::{Counted, GzipMembers};
use crate::error::PageError;
use crate::limits::{InputLimits, EXPANSION_CHECK_AFTER_BYTES};

/// Buffer size for reading inputs.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// Magic bytes of a gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Magic bytes of a zstd frame.
pub const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// How a WARC file starts (after decompression).
const WARC_MAGIC: &[u8] = b"WARC/";

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// An opened input, decompressed, with what its first bytes suggest.
pub struct Opened {
    /// The decompressed bytes, after any byte-order mark.
    pub reader: Box<dyn BufRead + Send>,
    /// Whether the input starts with a UTF-8 byte-order mark (consumed from `reader`).
    pub bom: bool,
    /// Whether the first non-whitespace byte is `{`, as in JSONL.
    pub starts_with_brace: bool,
    /// Whether the first non-whitespace bytes are `WARC/`, as in a WARC file.
    pub starts_with_warc: bool,
}

/// Opens a file (or stdin for `None`), transparently decompressing it, and looks at how it
/// starts. A byte-order mark is consumed before the look, so that it hides neither JSONL nor
/// WARC; [`Opened::bom`] says whether there was one.
pub fn open_input(path: Option<&Path>, limits: &InputLimits) -> Result<Opened, PageError> {
    let what = path.map_or_else(
        || super::STDIN_NAME.to_string(),
        |p| p.display().to_string(),
    );
    let read_error = |error: io::Error| PageError::Read {
        what: what.clone(),
        reason: describe_io_error(&error),
    };
    let mut reader = open_reader(path, limits).map_err(read_error)?;
    let bom = fill_at_least(&mut reader, UTF8_BOM.len())
        .map_err(read_error)?
        .starts_with(UTF8_BOM);
    if bom {
        reader.consume(UTF8_BOM.len());
    }
    let starts_with_brace = first_non_whitespace(&mut reader).map_err(read_error)? == Some(b'{');
    let starts_with_warc = fill_at_least(&mut reader, WARC_MAGIC.len())
        .map_err(read_error)?
        .starts_with(WARC_MAGIC);
    Ok(Opened {
        reader,
        bom,
        starts_with_brace,
        starts_with_warc,
    })
}

/// The buffered bytes, after filling the buffer until it holds at least `wanted` bytes or the
/// input ends (a pipe may deliver one byte at a time).
fn fill_at_least(reader: &mut Box<dyn BufRead + Send>, wanted: usize) -> io::Result<&[u8]> {
    let buffered = reader.fill_buf()?.len();
    if buffered < wanted && buffered > 0 {
        // Read the few missing bytes into a buffer of our own, then put them back in front.
        let mut head = Vec::with_capacity(wanted);
        while head.len() < wanted {
            let available = match reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            let take = available.len().min(wanted - head.len());
            head.extend_from_slice(&available[..take]);
            reader.consume(take);
        }
        let rest = std::mem::replace(reader, Box::new(io::empty()));
        *reader = Box::new(BufReader::new(io::Cursor::new(head).chain(rest)));
    }
    reader.fill_buf()
}

/// Opens a file (or stdin for `None`) for buffered reading, decompressing it when it starts
/// with the gzip or zstd magic bytes, within the input limits. Concatenated gzip members
/// (per-record compression, as in WARC files) and concatenated zstd frames are read as one
/// stream; a corrupt gzip member is reported once and skipped ([`super::gzip`]).
pub fn open_reader(
    path: Option<&Path>,
    limits: &InputLimits,
) -> io::Result<Box<dyn BufRead + Send>> {
    let file: Box<dyn Read + Send> = match path {
        None => Box::new(io::stdin()),
        Some(path) => {
            let file = File::open(path)?;
            if file.metadata()?.is_dir() {
                return Err(io::Error::other("it is a directory"));
            }
            Box::new(file)
        }
    };
    decompressed(file, limits)
}

/// `file`'s bytes, decompressed when they start with the gzip or zstd magic bytes, within the
/// input limits (see [`open_reader`]).
pub fn decompressed(
    file: Box<dyn Read + Send>,
    limits: &InputLimits,
) -> io::Result<Box<dyn BufRead + Send>> {
    let consumed = Arc::new(AtomicU64::new(0));
    let mut raw: Box<dyn BufRead + Send> = Box::new(Counted {
        inner: BufReader::with_capacity(READ_BUFFER_BYTES, file),
        consumed: Arc::clone(&consumed),
    });
    let head = raw.fill_buf()?;
    let (decoded, compressed): (Box<dyn Read + Send>, bool) = if head.starts_with(&GZIP_MAGIC) {
        (Box::new(GzipMembers::new(raw)), true)
    } else if head.starts_with(&ZSTD_MAGIC) {
        (
            Box::new(zstd::stream::read::Decoder::with_buffer(raw)?),
            true,
        )
    } else {
        (Box::new(raw), false)
    };
    Ok(Box::new(BufReader::with_capacity(
        READ_BUFFER_BYTES,
        Limited {
            inner: decoded,
            read: 0,
            consumed: compressed.then_some(consumed),
            limits: *limits,
        },
    )))
}

/// The decompressed stream of an input, refusing to give more than the input limits allow.
struct Limited {
    inner: Box<dyn Read + Send>,
    read: u64,
    /// Compressed bytes consumed, when the input is compressed.
    consumed: Option<Arc<AtomicU64>>,
    limits: InputLimits,
}

impl Read for Limited {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read > self.limits.max_input_bytes {
            return Err(io::Error::other(format!(
                "the input is larger than {} bytes once decompressed, the limit \
                 (--max-input-bytes)",
                self.limits.max_input_bytes
            )));
        }
        if let Some(consumed) = &self.consumed {
            let compressed = consumed.load(Ordering::Relaxed).max(1);
            if self.read > EXPANSION_CHECK_AFTER_BYTES
                && self.read / compressed >= self.limits.max_expansion
            {
                return Err(io::Error::other(format!(
                    "the input expands to {} bytes from {compressed} compressed bytes, more \
                     than {} times (--max-expansion): a decompression bomb",
                    self.read, self.limits.max_expansion
                )));
            }
        }
        let read = self.inner.read(buf)?;
        self.read += read as u64;
        Ok(read)
    }
}

/// The first byte that is not ASCII whitespace, without consuming anything that matters:
/// leading whitespace is consumed, which changes no page.
fn first_non_whitespace(reader: &mut Box<dyn BufRead + Send>) -> io::Result<Option<u8>> {
    loop {
        let buffered = match reader.fill_buf() {
            Ok(buffered) => buffered,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffered.is_empty() {
            return Ok(None);
        }
        match buffered.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(position) => return Ok(Some(buffered[position])),
            None => {
                let length = buffered.len();
                reader.consume(length);
            }
        }
    }
}

/// Reads a whole single-page input, refusing more than `limit` bytes.
pub fn read_whole(
    reader: &mut Box<dyn BufRead + Send>,
    what: &str,
    limit: u64,
) -> Result<Vec<u8>, PageError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| PageError::Read {
            what: what.to_string(),
            reason: describe_io_error(&error),
        })?;
    if bytes.len() as u64 > limit {
        return Err(PageError::TooLarge { limit });
    }
    // Reading grows the buffer by doubling: a page waiting in the pipeline would hold up to
    // twice its size.
    bytes.shrink_to_fit();
    Ok(bytes)
}

/// A user-facing explanation of an I/O error, naming corrupt or truncated compression.
pub fn describe_io_error(error: &io::Error) -> String {
    if super::gzip::is_resumable(error) {
        return error.to_string();
    }
    match error.kind() {
        io::ErrorKind::UnexpectedEof => {
            "the data ends early: truncated gzip stream (unexpected end of file)".to_string()
        }
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt compressed data: {error}")
        }
        _ => error.to_string(),
    }
}
