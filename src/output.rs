//! Output for crawls: numbered, compressed part files of a bounded number of records, and the
//! choice of record fields.
//!
//! Both are [`Write`] adapters over the pipeline's stream of JSON lines, so the pipeline stays
//! one ordered writer: [`Parts`] cuts the stream into `part-00000.jsonl.gz`, … at line ends,
//! each part written to a hidden temporary file and renamed into place once complete;
//! [`FieldFilter`] rewrites each line with only the chosen fields.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use tempfile::NamedTempFile;

/// A temporary file in `directory` that becomes an output file once [`persist`]ed: hidden,
/// marked `.partial`, and readable by others (0644) as a file made by `>` redirection would
/// be, where temporary files are private (0600) by default.
pub fn temporary_file_in(directory: &Path, prefix: &str) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".partial");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    builder.tempfile_in(directory)
}

/// A temporary file in the directory of `target` (the current one for a bare file name), to
/// be [`persist`]ed onto `target`.
pub fn temporary_file_beside(target: &Path) -> io::Result<NamedTempFile> {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    temporary_file_in(directory, ".dechaff-")
}

/// Syncs a finished temporary file to disk and renames it onto `target`, so that `target`
/// is either absent, its old self, or complete.
pub fn persist(temporary: NamedTempFile, target: &Path) -> io::Result<()> {
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// How part files are compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    /// gzip (`.jsonl.gz`).
    #[default]
    Gzip,
    /// zstd (`.jsonl.zst`).
    Zstd,
    /// None (`.jsonl`).
    None,
}

impl Compression {
    /// The file name extension of a part.
    pub fn extension(self) -> &'static str {
        match self {
            Compression::Gzip => "jsonl.gz",
            Compression::Zstd => "jsonl.zst",
            Compression::None => "jsonl",
        }
    }
}

/// Records per part file when `--split-size` is not given.
pub const DEFAULT_SPLIT_SIZE: u64 = 100_000;

/// zstd level for parts: zstd's default, fast with a good ratio.
const ZSTD_LEVEL: i32 = 3;

/// The name of part `index` in a directory.
pub fn part_name(index: u64, compression: Compression) -> String {
    format!("part-{index:05}.{}", compression.extension())
}

enum Encoder {
    Gzip(flate2::write::GzEncoder<BufWriter<tempfile::NamedTempFile>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<tempfile::NamedTempFile>>),
    None(BufWriter<tempfile::NamedTempFile>),
}

impl Encoder {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Encoder::Gzip(encoder) => encoder,
            Encoder::Zstd(encoder) => encoder,
            Encoder::None(writer) => writer,
        }
    }

    fn finish(self) -> io::Result<tempfile::NamedTempFile> {
        let writer = match self {
            Encoder::Gzip(encoder) => encoder.finish()?,
            Encoder::Zstd(encoder) => encoder.finish()?,
            Encoder::None(writer) => writer,
        };
        writer.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes a stream of JSON lines as numbered part files of at most `split_size` records.
pub struct Parts {
    directory: PathBuf,
    compression: Compression,
    split_size: u64,
    next_index: u64,
    current: Option<(Encoder, u64)>,
    pending: Vec<u8>,
    written: Vec<PathBuf>,
}

impl Parts {
    /// Parts in `directory` (created if missing), numbered from `first_index`.
    pub fn new(
        directory: &Path,
        compression: Compression,
        split_size: u64,
        first_index: u64,
    ) -> io::Result<Parts> {
        std::fs::create_dir_all(directory)?;
        Ok(Parts {
            directory: directory.to_path_buf(),
            compression,
            split_size: split_size.max(1),
            next_index: first_index,
            current: None,
            pending: Vec::new(),
            written: Vec::new(),
        })
    }

    /// The part files completed so far, in order.
    pub fn written(&self) -> &[PathBuf] {
        &self.written
    }

    fn open_part(&mut self) -> io::Result<Encoder> {
        let file = BufWriter::new(temporary_file_in(&self.directory, ".dechaff-part-")?);
        Ok(match self.compression {
            Compression::Gzip => Encoder::Gzip(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            )),
            Compression::Zstd => {
                Encoder::Zstd(zstd::stream::write::Encoder::new(file, ZSTD_LEVEL)?)
            }
            Compression::None => Encoder::None(file),
        })
    }

    fn close_part(&mut self) -> io::Result<()> {
        let Some((encoder, _)) = self.current.take() else {
            return Ok(());
        };
        let temporary = encoder.finish()?;
        let target = self
            .directory
            .join(part_name(self.next_index, self.compression));
        persist(temporary, &target)?;
        self.next_index += 1;
        self.written.push(target);
        Ok(())
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        if self.current.is_none() {
            let encoder = self.open_part()?;
            self.current = Some((encoder, 0));
        }
        if let Some((encoder, count)) = self.current.as_mut() {
            encoder.writer().write_all(line)?;
            *count += 1;
            if *count >= self.split_size {
                self.close_part()?;
            }
        }
        Ok(())
    }

    /// Completes the last part (a line without its newline is completed too) and returns the
    /// part files written, in order.
    pub fn finish(mut self) -> io::Result<Vec<PathBuf>> {
        if !self.pending.is_empty() {
            let mut line = std::mem::take(&mut self.pending);
            line.push(b'\n');
            self.write_line(&line)?;
        }
        self.close_part()?;
        Ok(self.written)
    }
}

/// Hands each complete line of `buf` (newline included) to `write_line`, the first joined to
/// `pending`, the partial line left by earlier writes, and keeps the new partial line in
/// `pending`: part files and field filtering both act on whole JSONL records, however the
/// writer above splits its writes.
fn write_whole_lines(
    pending: &mut Vec<u8>,
    buf: &[u8],
    mut write_line: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut rest = buf;
    while let Some(newline) = rest.iter().position(|&b| b == b'\n') {
        let (line, tail) = rest.split_at(newline + 1);
        if pending.is_empty() {
            write_line(line)?;
        } else {
            let mut whole = std::mem::take(pending);
            whole.extend_from_slice(line);
            write_line(&whole)?;
        }
        rest = tail;
    }
    pending.extend_from_slice(rest);
    Ok(())
}

impl Write for Parts {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut pending = std::mem::take(&mut self.pending);
        let written = write_whole_lines(&mut pending, buf, |line| self.write_line(line));
        self.pending = pending;
        written.map(|()| buf.len())
    }

    /// Parts become visible only when complete, so there is nothing to flush early; flushing
    /// a compressor mid-stream would only cost ratio.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Whether `directory` already holds part files (of an earlier run).
pub fn has_parts(directory: &Path) -> bool {
    std::fs::read_dir(directory).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("part-") && name.contains(".jsonl")
        })
    })
}

/// Every field a record can have, in record order (see `docs/schema.md`).
pub const RECORD_FIELDS: &[&str] = &[
    "id",
    "status",
    "url",
    "source",
    "warc_record_id",
    "warc_date",
    "title",
    "author",
    "date",
    "date_modified",
    "site",
    "lang",
    "description",
    "canonical_url",
    "image",
    "categories",
    "tags",
    "page_type",
    "text",
    "markdown",
    "comments",
    "words",
    "encoding",
    "error",
    "schema",
];

/// Parses `--fields a,b,c`, refusing names that are not record fields.
pub fn parse_fields(list: &str) -> Result<Vec<String>, String> {
    let fields: Vec<String> = list
        .split(',')
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    if fields.is_empty() {
        return Err("--fields needs at least one field name".to_string());
    }
    for field in &fields {
        if !RECORD_FIELDS.contains(&field.as_str()) {
            return Err(format!(
                "unknown field {field:?} in --fields; the record fields are {}",
                RECORD_FIELDS.join(", ")
            ));
        }
    }
    Ok(fields)
}

/// Rewrites each JSON line with only the chosen fields, in the order given; a chosen field the
/// record lacks (such as `markdown` without `--format markdown`) is `null`.
pub struct FieldFilter<'a> {
    inner: &'a mut dyn Write,
    fields: Vec<String>,
    pending: Vec<u8>,
}

impl<'a> FieldFilter<'a> {
    /// A filter writing to `inner`.
    pub fn new(inner: &'a mut dyn Write, fields: Vec<String>) -> FieldFilter<'a> {
        FieldFilter {
            inner,
            fields,
            pending: Vec::new(),
        }
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let text = line.strip_suffix(b"\n").unwrap_or(line);
        let record: Map<String, Value> = serde_json::from_slice(text)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let mut chosen = Map::new();
        for field in &self.fields {
            chosen.insert(
                field.clone(),
                record.get(field).cloned().unwrap_or(Value::Null),
            );
        }
        let mut out = serde_json::to_vec(&chosen)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        out.push(b'\n');
        self.inner.write_all(&out)
    }
}

impl Write for FieldFilter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut pending = std::mem::take(&mut self.pending);
        let written = write_whole_lines(&mut pending, buf, |line| self.write_line(line));
        self.pending = pending;
        written.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Opens a part file for reading, decompressing it by its extension.
pub fn read_part(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let file = File::open(path)?;
    let name = path.to_string_lossy();
    if name.ends_with(".gz") {
        io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(file), &mut bytes)?;
    } else if name.ends_with(".zst") {
        io::Read::read_to_end(&mut zstd::stream::read::Decoder::new(file)?, &mut bytes)?;
    } else {
        io::Read::read_to_end(&mut io::BufReader::new(file), &mut bytes)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    fn lines(count: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for i in 0..count {
            out.extend_from_slice(
                Record::new(format!("p{i}"), "s", None)
                    .to_json_line()
                    .as_bytes(),
            );
            out.push(b'\n');
        }
        out
    }

    #[test]
    fn parts_split_at_line_ends_and_appear_when_complete() {
        for compression in [Compression::Gzip, Compression::Zstd, Compression::None] {
            let dir = tempfile::tempdir().unwrap();
            let mut parts = Parts::new(dir.path(), compression, 3, 0).unwrap();
            let input = lines(7);
            // Written in awkward pieces, as a pipeline may.
            for piece in input.chunks(10) {
                parts.write_all(piece).unwrap();
            }
            let written = parts.finish().unwrap();
            let names: Vec<String> = written
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect();
            let ext = compression.extension();
            assert_eq!(
                names,
                [
                    format!("part-00000.{ext}"),
                    format!("part-00001.{ext}"),
                    format!("part-00002.{ext}")
                ]
            );
            let joined: Vec<u8> = written.iter().flat_map(|p| read_part(p).unwrap()).collect();
            assert_eq!(joined, input);
            assert_eq!(
                read_part(&written[2])
                    .unwrap()
                    .split(|&b| b == b'\n')
                    .count(),
                2
            );
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
        }
    }

    #[test]
    fn fields_are_chosen_in_order_and_missing_ones_are_null() {
        let mut out = Vec::new();
        {
            let fields = parse_fields("text, id,markdown").unwrap();
            let mut filter = FieldFilter::new(&mut out, fields);
            filter.write_all(&lines(2)).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"text\":null,\"id\":\"p0\",\"markdown\":null}\n{\"text\":null,\"id\":\"p1\",\"markdown\":null}\n"
        );
        assert!(parse_fields("id,nope").is_err());
        assert!(parse_fields(" , ").is_err());
    }

    #[test]
    fn record_fields_name_every_field_a_record_can_have() {
        let mut record = Record::new("a", "a", None);
        record.markdown = Some(String::new());
        record.comments = Some(None);
        record.warc_record_id = Some(String::new());
        record.warc_date = Some(String::new());
        let value: Value = serde_json::from_str(&record.to_json_line()).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, RECORD_FIELDS);
    }
}
