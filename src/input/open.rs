//! Opening an input: a file or stdin, gzip and zstd detected by their magic bytes, read within a
//! limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use crate::error::PageError;

/// Buffer size for reading inputs.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// Magic bytes of a gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Magic bytes of a zstd frame.
pub const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// How a WARC file starts (after decompression).
const WARC_MAGIC: &[u8] = b"WARC/";

/// An opened input, decompressed, with what its first byte suggests.
pub struct Opened {
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// Whether the first non-whitespace byte is `{`, as in JSONL.
    pub starts_with_brace: bool,
    /// Whether the first non-whitespace bytes are `WARC/`, as in a WARC file.
    pub starts_with_warc: bool,
}

/// Opens a file (or stdin for `None`), transparently decompressing gzip.
pub fn open_input(path: Option<&Path>) -> Result<Opened, PageError> {
    let what = path.map_or_else(
        || super::STDIN_NAME.to_string(),
        |p| p.display().to_string(),
    );
    let read_error = |error: io::Error| PageError::Read {
        what: what.clone(),
        reason: describe_io_error(&error),
    };
    let mut reader = open_reader(path).map_err(read_error)?;
    let starts_with_brace = first_non_whitespace(&mut reader).map_err(read_error)? == Some(b'{');
    let starts_with_warc = reader
        .fill_buf()
        .map_err(read_error)?
        .starts_with(WARC_MAGIC);
    Ok(Opened {
        reader,
        starts_with_brace,
        starts_with_warc,
    })
}

/// Opens a file (or stdin for `None`) for buffered reading, decompressing it when it starts
/// with the gzip or zstd magic bytes. Concatenated gzip members (per-record compression, as in
/// WARC files) and concatenated zstd frames are read as one stream.
pub fn open_reader(path: Option<&Path>) -> io::Result<Box<dyn BufRead + Send>> {
    let mut raw: Box<dyn BufRead + Send> = match path {
        None => Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, io::stdin())),
        Some(path) => {
            let file = File::open(path)?;
            if file.metadata()?.is_dir() {
                return Err(io::Error::other("it is a directory"));
            }
            Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, file))
        }
    };
    let head = raw.fill_buf()?;
    if head.starts_with(&GZIP_MAGIC) {
        Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            MultiGzDecoder::new(raw),
        )))
    } else if head.starts_with(&ZSTD_MAGIC) {
        let decoder = zstd::stream::read::Decoder::with_buffer(raw)?;
        Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            decoder,
        )))
    } else {
        Ok(raw)
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
    Ok(bytes)
}

/// A user-facing explanation of an I/O error, naming corrupt or truncated compression.
pub fn describe_io_error(error: &io::Error) -> String {
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
