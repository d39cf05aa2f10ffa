//! gzip streams read member by member, resynchronising after a corrupt member.
//!
//! Crawl files compress each record as a gzip member of its own (WARC's per-record
//! compression), so one corrupt member need not lose the rest of the file: the reader reports
//! it once, as an error [`is_resumable`] recognises, and goes on at the next member. A read
//! never returns bytes of two members, so a reader above it meets the end of a member (and the
//! check of its CRC) before the first byte of the next.

use std::fmt;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::GzDecoder;

/// The start of every gzip member: magic bytes and the deflate method.
const MEMBER_START: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A corrupt gzip member: its data is lost, reading goes on at the next member.
#[derive(Debug)]
pub struct CorruptMember {
    /// What was wrong, and where in the compressed input.
    pub reason: String,
}

impl fmt::Display for CorruptMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for CorruptMember {}

/// Whether a read error lost only part of the stream, after which reading may go on.
pub fn is_resumable(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<CorruptMember>())
}

enum State {
    /// Between members: the next byte of the compressed stream starts one (or ends it).
    Between(Box<dyn BufRead + Send>),
    /// Inside a member.
    Member(GzDecoder<Box<dyn BufRead + Send>>),
    /// Only while the state is being replaced.
    Taken,
}

/// Decompresses concatenated gzip members, skipping corrupt ones (see the module
/// documentation).
pub struct GzipMembers {
    state: State,
    /// Compressed bytes consumed so far.
    consumed: Arc<AtomicU64>,
    /// Where the current member starts in the compressed input, for messages.
    member_offset: u64,
}

impl GzipMembers {
    /// A reader of the gzip members of `compressed`.
    pub fn new(compressed: Box<dyn BufRead + Send>) -> GzipMembers {
        let consumed = Arc::new(AtomicU64::new(0));
        GzipMembers {
            state: State::Between(Box::new(Counted {
                inner: compressed,
                consumed: Arc::clone(&consumed),
            })),
            consumed,
            member_offset: 0,
        }
    }

    fn position(&self) -> u64 {
        self.consumed.load(Ordering::Relaxed)
    }
}

/// A buffered reader that counts the bytes consumed from it.
pub struct Counted<R> {
    /// The reader counted.
    pub inner: R,
    /// Bytes consumed so far.
    pub consumed: Arc<AtomicU64>,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.consumed.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount);
    }
}

/// Consumes bytes of `raw` up to the next member start (or the end); returns how many.
fn skip_to_member(raw: &mut dyn BufRead) -> io::Result<u64> {
    let mut skipped = 0;
    loop {
        let available = match raw.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(skipped);
        }
        // A start may straddle two buffers: keep the last two bytes for the next look.
        let found = available
            .windows(MEMBER_START.len())
            .position(|window| window == MEMBER_START);
        let take = match found {
            Some(at) => at,
            None if available.len() > 2 => available.len() - 2,
            // Fewer than three bytes left and no start: they are the end of the stream.
            None => available.len(),
        };
        raw.consume(take);
        skipped += take as u64;
        if found.is_some() {
            return Ok(skipped);
        }
        if take == 0 {
            return Ok(skipped);
        }
    }
}

impl Read for GzipMembers {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Taken) {
                State::Taken => return Ok(0),
                State::Between(mut raw) => {
                    let head = match raw.fill_buf() {
                        Ok(head) => head,
                        Err(error) => {
                            self.state = State::Between(raw);
                            return Err(error);
                        }
                    };
                    if head.is_empty() {
                        self.state = State::Between(raw);
                        return Ok(0);
                    }
                    if head.starts_with(&MEMBER_START) || head.len() < MEMBER_START.len() {
                        self.member_offset = self.position();
                        self.state = State::Member(GzDecoder::new(raw));
                        continue;
                    }
                    let at = self.position();
                    let skipped = skip_to_member(&mut raw)?;
                    self.state = State::Between(raw);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        CorruptMember {
                            reason: format!(
                                "{skipped} bytes from compressed byte {at} are not a gzip member"
                            ),
                        },
                    ));
                }
                State::Member(mut decoder) => match decoder.read(buf) {
                    Ok(0) => {
                        // The member ended and its CRC and length checked out.
                        self.state = State::Between(decoder.into_inner());
                        continue;
                    }
                    Ok(read) => {
                        self.state = State::Member(decoder);
                        return Ok(read);
                    }
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::Member(decoder);
                    }
                    Err(error) => {
                        let mut raw = decoder.into_inner();
                        let start = self.member_offset;
                        if self.position() == start {
                            // Nothing of the member was read: step past its magic bytes, or
                            // the search would find this member again.
                            let step = raw.fill_buf()?.len().min(1);
                            raw.consume(step);
                        }
                        skip_to_member(&mut raw)?;
                        self.state = State::Between(raw);
                        let reason = match error.kind() {
                            io::ErrorKind::UnexpectedEof => format!(
                                "truncated gzip member at compressed byte {start}: the data ends \
                                 early"
                            ),
                            _ => {
                                format!("corrupt gzip member at compressed byte {start} ({error})")
                            }
                        };
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            CorruptMember { reason },
                        ));
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    /// Reads everything, collecting the data and the resumable errors met.
    fn read_all(bytes: Vec<u8>) -> (String, usize) {
        let mut reader = GzipMembers::new(Box::new(io::Cursor::new(bytes)));
        let mut out = Vec::new();
        let mut errors = 0;
        let mut buf = [0u8; 7];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(error) => {
                    assert!(is_resumable(&error), "{error}");
                    errors += 1;
                    assert!(errors < 100, "no progress");
                }
            }
        }
        (String::from_utf8_lossy(&out).into_owned(), errors)
    }

    #[test]
    fn members_are_one_stream() {
        let mut bytes = member("first member, ");
        bytes.extend(member("second member"));
        assert_eq!(read_all(bytes), ("first member, second member".into(), 0));
    }

    #[test]
    fn a_corrupt_member_is_reported_once_and_skipped() {
        let first = member("first record\n");
        let mut broken = member("the broken record, long enough to corrupt its deflate data\n");
        let middle = broken.len() / 2;
        broken[middle] ^= 0x55;
        broken[middle + 1] ^= 0xaa;
        let last = member("last record\n");
        let bytes = [first, broken, last].concat();
        let (text, errors) = read_all(bytes);
        assert_eq!(errors, 1);
        assert!(text.starts_with("first record\n"), "{text}");
        assert!(text.ends_with("last record\n"), "{text}");
    }

    #[test]
    fn a_bad_crc_fails_its_member_before_the_next_one_is_read() {
        let mut broken = member("record with a wrong checksum\n");
        let crc = broken.len() - 8;
        broken[crc] ^= 0xff;
        let bytes = [broken, member("next\n")].concat();
        let mut reader = io::BufReader::new(GzipMembers::new(Box::new(io::Cursor::new(bytes))));
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "record with a wrong checksum\n");
        // The check comes with the next fill, before any byte of the next member.
        let error = reader.fill_buf().unwrap_err();
        assert!(is_resumable(&error));
        line.clear();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "next\n");
    }

    #[test]
    fn garbage_between_members_is_skipped() {
        let bytes = [member("a"), b"junk".to_vec(), member("b")].concat();
        assert_eq!(read_all(bytes), ("ab".into(), 1));
    }
}
