//! Walking input directories: recursively, in sorted order, lazily, taking the files with a
//! page extension and counting the rest by kind.
//!
//! Hidden entries are skipped, as are files that are not regular files (FIFOs, sockets,
//! devices: opening a FIFO blocks until some other program writes to it) and the run's own
//! output (the output file, the parts directory, the manifest), so that a run whose output
//! lies inside its input never reads it back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::vocab::PAGE_EXTENSIONS;

/// What the walk met.
pub enum Walked {
    /// A page file, with its id (its path relative to the walked directory).
    File { path: PathBuf, id: String },
    /// An entry that could not be read (permissions, a symlink loop, a vanished file).
    Failed {
        path: PathBuf,
        id: String,
        reason: String,
    },
}

/// Files left out of a walk, by kind: `.snap`, `no extension`, `special file`.
pub type SkippedFiles = BTreeMap<String, u64>;

/// The summary's note on skipped files, such as
/// `; skipped 15 files that are not pages (.md 1, .snap 14)`; empty when none were skipped.
pub fn skipped_files_note(skipped: &SkippedFiles) -> String {
    let total: u64 = skipped.values().sum();
    if total == 0 {
        return String::new();
    }
    let kinds: Vec<String> = skipped
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect();
    let files = if total == 1 {
        "file that is not a page"
    } else {
        "files that are not pages"
    };
    format!("; skipped {total} {files} ({})", kinds.join(", "))
}

/// The identity of a file or directory, the same whatever path reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    /// The identity of what `path` names, following symlinks; `None` when it does not exist.
    pub fn of(path: &Path) -> Option<FileIdentity> {
        std::fs::metadata(path)
            .ok()
            .map(|meta| FileIdentity::from_metadata(&meta))
    }

    #[cfg(unix)]
    fn from_metadata(meta: &std::fs::Metadata) -> FileIdentity {
        use std::os::unix::fs::MetadataExt;
        FileIdentity {
            device: meta.dev(),
            inode: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    fn from_metadata(meta: &std::fs::Metadata) -> FileIdentity {
        // Without inode numbers, size and modification time stand in; a false match only
        // skips a file that looks exactly like the output.
        FileIdentity {
            device: meta.len(),
            inode: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64),
        }
    }
}

/// A lazy walk of one input directory.
pub struct Walk {
    root: PathBuf,
    entries: Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>,
    exclude: Vec<FileIdentity>,
}

impl Walk {
    /// Walks `root`, leaving out the files and directories in `exclude`.
    pub fn new(root: &Path, exclude: Vec<FileIdentity>) -> Walk {
        let excluded_dirs = exclude.clone();
        let entries = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |entry| {
                entry.depth() == 0
                    || !(is_hidden(entry.file_name())
                        || (entry.file_type().is_dir()
                            && !excluded_dirs.is_empty()
                            && entry.metadata().is_ok_and(|meta| {
                                excluded_dirs.contains(&FileIdentity::from_metadata(&meta))
                            })))
            });
        Walk {
            root: root.to_path_buf(),
            entries: Box::new(entries),
            exclude,
        }
    }

    /// The next page file or failure, counting what is skipped into `skipped`.
    pub fn next(&mut self, skipped: &mut SkippedFiles) -> Option<Walked> {
        loop {
            let entry = match self.entries.next()? {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| self.root.clone());
                    let reason = match (error.loop_ancestor(), error.io_error()) {
                        (Some(ancestor), _) => {
                            format!("a symbolic link loop back to {}", ancestor.display())
                        }
                        (None, Some(io)) => io.to_string(),
                        (None, None) => error.to_string(),
                    };
                    return Some(Walked::Failed {
                        id: relative_id(&self.root, &path),
                        path,
                        reason,
                    });
                }
            };
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            if !file_type.is_file() {
                *skipped.entry("special file".to_string()).or_default() += 1;
                continue;
            }
            let path = entry.path();
            match page_extension(path) {
                Ok(_) => {}
                Err(kind) => {
                    *skipped.entry(kind).or_default() += 1;
                    continue;
                }
            }
            if !self.exclude.is_empty()
                && entry
                    .metadata()
                    .is_ok_and(|meta| self.exclude.contains(&FileIdentity::from_metadata(&meta)))
            {
                continue;
            }
            return Some(Walked::File {
                id: relative_id(&self.root, path),
                path: path.to_path_buf(),
            });
        }
    }
}

/// The file name without a trailing `.gz` or `.zst`, lowercased.
pub fn name_without_compression(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    [".gz", ".zst"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .map(str::to_string)
        .unwrap_or(name)
}

/// The extension of a file name, after any `.gz` or `.zst`.
pub fn extension_of(path: &Path) -> Option<String> {
    let name = name_without_compression(path);
    name.rsplit_once('.').map(|(_, ext)| ext.to_string())
}

/// The page extension of `path`, or the kind of file it is for the skip counts.
fn page_extension(path: &Path) -> Result<String, String> {
    match extension_of(path) {
        Some(ext) if PAGE_EXTENSIONS.contains(&ext.as_str()) => Ok(ext),
        Some(ext) => Err(format!(".{ext}")),
        None => Err("no extension".to_string()),
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The id of a walked file: its path relative to the walked directory, with `/` separators.
pub fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_all(root: &Path, exclude: Vec<FileIdentity>) -> (Vec<String>, SkippedFiles) {
        let mut walk = Walk::new(root, exclude);
        let mut skipped = SkippedFiles::new();
        let mut ids = Vec::new();
        while let Some(walked) = walk.next(&mut skipped) {
            match walked {
                Walked::File { id, .. } => ids.push(id),
                Walked::Failed { id, reason, .. } => ids.push(format!("{id}: {reason}")),
            }
        }
        (ids, skipped)
    }

    #[test]
    fn walks_pages_in_order_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        for name in [
            "b.html",
            "a.txt.gz",
            "sub/c.jsonl",
            "notes.md",
            "x.snap",
            "y.snap",
            "LICENSE",
            ".hidden.html",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let (ids, skipped) = walk_all(root, Vec::new());
        assert_eq!(ids, ["a.txt.gz", "b.html", "sub/c.jsonl"]);
        let expected: SkippedFiles = [(".md", 1), (".snap", 2), ("no extension", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(skipped, expected);
        assert_eq!(
            skipped_files_note(&skipped),
            "; skipped 4 files that are not pages (.md 1, .snap 2, no extension 1)"
        );
    }

    #[test]
    fn excluded_files_and_directories_are_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("out")).unwrap();
        for name in ["a.html", "out.jsonl", "out/part-00000.jsonl"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let exclude = ["out.jsonl", "out"]
            .iter()
            .filter_map(|name| FileIdentity::of(&root.join(name)))
            .collect();
        assert_eq!(walk_all(root, exclude).0, ["a.html"]);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_skipped_and_symlink_loops_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.html"), "x").unwrap();
        let fifo = root.join("pipe.html");
        let path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path and mode.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
        std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
        let (ids, skipped) = walk_all(root, Vec::new());
        assert_eq!(ids[0], "a.html");
        assert!(ids[1].starts_with("loop: a symbolic link loop"), "{ids:?}");
        assert_eq!(ids.len(), 2);
        assert_eq!(skipped.get("special file"), Some(&1));
    }
}
