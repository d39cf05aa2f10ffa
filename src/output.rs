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
use std::sync::Mutex;

use serde_json::{Map, Value};
use tempfile::NamedTempFile;

/// Paths of the temporary files this process has open, removed by
/// [`remove_temporaries`] when the process is interrupted.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The prefix of this process's temporary files: `.dechaff-<pid>-`. The process id lets a
/// later run tell the temporary files of a run that was killed from those of one still going.
fn temporary_prefix() -> String {
    format!(".dechaff-{}-", std::process::id())
}

/// A temporary file in `directory` that becomes an output file once [`persist`]ed: hidden,
/// marked `.partial`, named for this process, and readable by others (0644) as a file made by
/// `>` redirection would be, where temporary files are private (0600) by default. It is
/// removed if the process is interrupted ([`remove_temporaries`]).
pub fn temporary_file_in(directory: &Path, kind: &str) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{}{kind}-", temporary_prefix());
    builder.prefix(&prefix).suffix(".partial");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let temporary = builder.tempfile_in(directory).map_err(without_path)?;
    if let Ok(mut temporaries) = TEMPORARIES.lock() {
        temporaries.push(temporary.path().to_path_buf());
    }
    Ok(temporary)
}

/// The error without the temporary file's path that `tempfile` adds: messages name the
/// output the user asked for, not a hidden file of ours.
fn without_path(error: io::Error) -> io::Error {
    match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(error.kind(), error.kind().to_string()),
    }
}

/// A temporary file in the directory of `target` (the current one for a bare file name), to
/// be [`persist`]ed onto `target`.
pub fn temporary_file_beside(target: &Path) -> io::Result<NamedTempFile> {
    temporary_file_in(parent_of(target), "out")
}

/// The directory of `target`: its parent, or the current directory for a bare file name.
pub fn parent_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Syncs a finished temporary file to disk and renames it onto `target`, so that `target`
/// is either absent, its old self, or complete. A file that is replaced keeps its permissions.
pub fn persist(temporary: NamedTempFile, target: &Path) -> io::Result<()> {
    temporary.as_file().sync_all()?;
    if let Ok(existing) = std::fs::metadata(target) {
        if existing.is_file() {
            std::fs::set_permissions(temporary.path(), existing.permissions())?;
        }
    }
    let path = temporary.path().to_path_buf();
    temporary.persist(target).map_err(|e| e.error)?;
    if let Ok(mut temporaries) = TEMPORARIES.lock() {
        temporaries.retain(|open| *open != path);
    }
    Ok(())
}

/// Writes `bytes` to `target`, which must not exist: under a temporary name beside it, then
/// moved into place only if `target` still does not exist, so nothing is ever replaced.
pub fn write_new_file(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temporary = temporary_file_beside(target)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    let path = temporary.path().to_path_buf();
    // A refused temporary comes back in the error and is removed as it drops.
    let moved = temporary
        .persist_noclobber(target)
        .map(drop)
        .map_err(|error| error.error);
    if let Ok(mut temporaries) = TEMPORARIES.lock() {
        temporaries.retain(|open| *open != path);
    }
    moved
}

/// Removes the temporary files this process has open: called when it is interrupted, so that
/// no `.partial` file is left behind.
pub fn remove_temporaries() {
    // A poisoned lock still holds the paths.
    let temporaries = match TEMPORARIES.lock() {
        Ok(temporaries) => temporaries,
        Err(poisoned) => poisoned.into_inner(),
    };
    for path in temporaries.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Removes from `directory` the temporary files that runs which are no longer running left
/// behind (killed before they could clean up); returns how many. Files of running processes,
/// and every other file, are left alone.
pub fn remove_stale_temporaries(directory: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|name| name.ends_with(".partial"))
            .and_then(|name| name.strip_prefix(".dechaff-"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // A file named for this process that it does not have open was left by an earlier
        // process with the same id.
        let stale = if pid == std::process::id() {
            TEMPORARIES
                .lock()
                .is_ok_and(|open| !open.contains(&entry.path()))
        } else {
            !is_running(pid)
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            removed += usize::from(std::fs::remove_file(entry.path()).is_ok());
        }
    }
    removed
}

/// Whether a process with this id is running.
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 sends nothing; it only checks that the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Without a way to ask, every process counts as running: nothing is removed.
#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

/// Longest escaped path component kept whole; longer ones are cut and end in `~` and a hash of
/// the whole component, to stay under the file systems' 255-byte limit.
const MAX_COMPONENT_BYTES: usize = 200;

/// An id as a relative path that no other id maps to: split at `/`, each part keeps ASCII
/// letters, digits, `.`, `-` and `_` and writes every other byte as `%XX`; a part that is
/// empty becomes `%`, and one of dots only (`.`, `..`) has its dots escaped, so the path stays
/// inside its directory. Escaping can be undone, so distinct ids give distinct paths; only a
/// part longer than 200 bytes once escaped is cut and ends in `~` and a 64-bit hash of the
/// part (`~` is otherwise always escaped).
///
/// ```
/// use dechaff::output::escaped_relative_path;
/// assert_eq!(escaped_relative_path("crawl/a.warc.gz"), "crawl/a.warc.gz");
/// assert_eq!(escaped_relative_path("新闻.html.gz"), "%E6%96%B0%E9%97%BB.html.gz");
/// assert_eq!(escaped_relative_path("x y"), "x%20y");
/// assert_eq!(escaped_relative_path("/data/../x%"), "%/data/%2E%2E/x%25");
/// ```
pub fn escaped_relative_path(id: &str) -> String {
    id.split('/')
        .map(|part| {
            if part.is_empty() {
                return "%".to_string();
            }
            let dots_only = part.bytes().all(|b| b == b'.');
            let mut escaped = String::with_capacity(part.len());
            for byte in part.bytes() {
                if !dots_only
                    && (byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_'))
                {
                    escaped.push(byte as char);
                } else {
                    escaped.push_str(&format!("%{byte:02X}"));
                }
            }
            if escaped.len() > MAX_COMPONENT_BYTES {
                let mut cut = MAX_COMPONENT_BYTES - 17;
                while !escaped.is_char_boundary(cut) {
                    cut -= 1;
                }
                escaped.truncate(cut);
                escaped.push_str(&format!("~{:016x}", crate::input::fnv1a64(part.as_bytes())));
            }
            escaped
        })
        .collect::<Vec<_>>()
        .join("/")
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
        remove_stale_temporaries(directory);
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
        let file = BufWriter::new(temporary_file_in(&self.directory, "part")?);
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
    fn distinct_ids_get_distinct_paths() {
        let ids = [
            "新闻.html.gz",
            "体育.html.gz",
            "财经.html.gz",
            "x y",
            "x_y",
            "x%20y",
            "a//b",
            "a/b",
            "a/%/b",
            ".",
            "..",
            "%2E",
            "/a",
            "a/",
            "a",
            "~",
            "%7E",
            "A",
            "",
        ];
        let long_a = "a".repeat(300);
        let long_b = format!("{}b", "a".repeat(299));
        let mut paths = std::collections::HashSet::new();
        for id in ids
            .iter()
            .copied()
            .chain([long_a.as_str(), long_b.as_str()])
        {
            let path = escaped_relative_path(id);
            assert!(
                path.split('/')
                    .all(|part| part.len() <= MAX_COMPONENT_BYTES),
                "{path}"
            );
            assert!(
                !path.split('/').any(|part| part == "." || part == ".."),
                "{path}"
            );
            assert!(paths.insert(path.clone()), "{id:?} collides at {path}");
        }
    }

    #[test]
    fn stale_temporaries_of_dead_runs_go_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let ours = temporary_file_in(dir.path(), "out").unwrap();
        // A process id that cannot be running (above the kernel's maximum).
        let dead = dir.path().join(".dechaff-4294967295-out-abc.partial");
        std::fs::write(&dead, "left by a killed run").unwrap();
        let other = dir.path().join(".dechaff-notes.partial");
        std::fs::write(&other, "not ours").unwrap();
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!dead.exists());
        assert!(ours.path().exists());
        assert!(other.exists());
        // One of this process's names that it does not have open is an earlier process's.
        let reused = dir
            .path()
            .join(format!("{}out-xyz.partial", temporary_prefix()));
        std::fs::write(&reused, "left by a run with the same id").unwrap();
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!reused.exists());
        assert!(ours.path().exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("private.jsonl");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let mut temporary = temporary_file_beside(&target).unwrap();
        temporary.write_all(b"new").unwrap();
        persist(temporary, &target).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
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
