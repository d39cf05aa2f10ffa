//! Where a run writes, checked before anything is read: dechaff never writes over one of its
//! inputs, never writes two outputs to one file, and writes part files only into a directory of
//! its own. The run's own outputs are also what input walks leave out.

use std::path::{Path, PathBuf};

use crate::input::FileIdentity;

/// The file in a `--resume` output directory that marks it as one: later runs may add to a
/// directory that holds it, and to no other non-empty one.
pub const RESUME_MARKER: &str = "_DECHAFF_RESUME";

/// What a run writes.
pub struct Targets<'a> {
    /// The inputs as given (`-` for standard input).
    pub inputs: &'a [String],
    /// `-o`: a file, a directory of parts, or standard output (`None` or `-`).
    pub output: Option<&'a Path>,
    /// Whether `output` is a directory of part files.
    pub directory: bool,
    /// Whether `output` is a `--resume` directory.
    pub resume: bool,
    /// `--manifest`.
    pub manifest: Option<&'a Path>,
}

impl Targets<'_> {
    /// Refuses targets that would write over an input, write two outputs to one place, or
    /// spread part files into a directory that holds other files. The message says why.
    pub fn check(&self) -> Result<(), String> {
        let output = self.output.filter(|path| path.as_os_str() != "-");
        let named_inputs: Vec<&Path> = self
            .inputs
            .iter()
            .filter(|input| *input != "-")
            .map(Path::new)
            .collect();
        for (flag, target) in [("-o", output), ("--manifest", self.manifest)] {
            let Some(target) = target else { continue };
            if is_special(target) {
                continue;
            }
            if let Some(input) = named_inputs.iter().find(|input| same_place(input, target)) {
                return Err(format!(
                    "{flag} {} is the input {}: dechaff never writes over its input",
                    target.display(),
                    input.display()
                ));
            }
        }
        if let (Some(output), Some(manifest)) = (output, self.manifest) {
            if same_place(output, manifest) {
                return Err(format!(
                    "--manifest {} is also the output (-o): give them different paths",
                    manifest.display()
                ));
            }
        }
        let Some(directory) = output.filter(|_| self.directory) else {
            return Ok(());
        };
        let entries = match std::fs::read_dir(directory) {
            Ok(entries) => entries,
            // Missing: it will be created. Anything else is reported when it is created.
            Err(_) => return Ok(()),
        };
        let names: Vec<String> = entries
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        if names.is_empty() || (self.resume && names.iter().any(|name| name == RESUME_MARKER)) {
            return Ok(());
        }
        let what = if self.resume {
            "is not empty and is not a --resume output directory"
        } else if names.iter().any(|name| name.starts_with("part-")) {
            "already holds part files"
        } else {
            "is not empty"
        };
        Err(format!(
            "{} {what}: part files go only into a new or empty directory; remove its files or \
             write elsewhere",
            directory.display()
        ))
    }

    /// The run's outputs that exist now, which walks of the inputs leave out: call it again
    /// once the output directory is created.
    pub fn exclusions(&self) -> Vec<FileIdentity> {
        [self.output, self.manifest]
            .into_iter()
            .flatten()
            .filter(|path| path.as_os_str() != "-")
            .filter_map(FileIdentity::of)
            .collect()
    }
}

/// Whether the target is a device or FIFO, which output is written into, never replaced.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

/// Whether two paths name the same file: the same file on disk when both exist, else the same
/// absolute path.
fn same_place(a: &Path, b: &Path) -> bool {
    match (FileIdentity::of(a), FileIdentity::of(b)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => absolute(a) == absolute(b),
        _ => false,
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        inputs: &[String],
        output: Option<&Path>,
        manifest: Option<&Path>,
        directory: bool,
        resume: bool,
    ) -> Result<(), String> {
        Targets {
            inputs,
            output,
            directory,
            resume,
            manifest,
        }
        .check()
    }

    #[test]
    fn outputs_that_are_inputs_or_each_other_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("page.html");
        std::fs::write(&page, "<p>x</p>").unwrap();
        let inputs = [page.display().to_string()];
        let other = dir.path().join("out.jsonl");
        let files = |output: Option<&Path>, manifest: Option<&Path>| {
            check(&inputs, output, manifest, false, false)
        };
        assert!(files(Some(&page), None)
            .unwrap_err()
            .contains("is the input"));
        assert!(files(None, Some(&page)).unwrap_err().contains("--manifest"));
        assert!(files(Some(&other), Some(&other))
            .unwrap_err()
            .contains("also the output"));
        assert!(files(Some(&other), None).is_ok());
        // The same file by another path.
        let dotted = dir.path().join(".").join("page.html");
        assert!(files(Some(&dotted), None).is_err());
    }

    #[test]
    fn parts_go_only_into_new_empty_or_resume_directories() {
        let dir = tempfile::tempdir().unwrap();
        let busy = dir.path().join("busy");
        std::fs::create_dir(&busy).unwrap();
        std::fs::write(busy.join("notes.txt"), "mine").unwrap();
        let parts = |output: &Path, resume: bool| check(&[], Some(output), None, true, resume);
        assert!(parts(&dir.path().join("new"), false).is_ok());
        assert!(parts(&busy, false).unwrap_err().contains("is not empty"));
        assert!(parts(&busy, true).is_err());
        std::fs::write(busy.join(RESUME_MARKER), "").unwrap();
        assert!(parts(&busy, true).is_ok());
        assert!(parts(Path::new("/"), false).is_err());
    }
}
