//! `dechaff clean -o DIR --resume`: one output directory per input file, with a completion
//! marker, so that a run that stopped can be started again and skip the inputs it finished.
//!
//! Layout: `DIR/_DECHAFF_RESUME` marks the directory as one; the records of input `<id>` (its
//! path relative to the walked directory, else as given) go to `DIR/<escaped id>/part-00000.jsonl.gz`,
//! … and, once its last part is renamed into place, `DIR/<escaped id>/_COMPLETE` is written
//! (atomically, by rename) with the input's id and counts. The escaping
//! ([`escaped_relative_path`]) maps distinct ids to distinct paths. An input is complete when
//! its marker exists and names it: a later `--resume` run skips it and takes its counts from
//! the marker. An input without a marker is cleaned again from its start, after its stale
//! parts are removed. A marker that names another input means two ids met in one directory (a
//! file system that folds case): the run stops rather than mix them.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::targets::RESUME_MARKER;
use crate::engine::Options;
use crate::input::{list_files, InputOptions, PageReader, SkippedFiles};
use crate::output::{
    escaped_relative_path, persist, temporary_file_beside, Compression, FieldFilter, Parts,
};
use crate::pipeline::{self, PipelineError, PipelineOptions, Summary};

/// The completion marker of an input's output directory.
pub const COMPLETE_MARKER: &str = "_COMPLETE";

/// What the per-input run needs besides the inputs.
pub struct PerInput<'a> {
    pub directory: &'a Path,
    pub compression: Compression,
    pub split_size: u64,
    pub fields: Option<Vec<String>>,
    pub input: InputOptions,
    pub engine: &'a Options,
    pub pipeline: &'a PipelineOptions,
}

/// The outcome of a per-input run.
#[derive(Debug, Default)]
pub struct Totals {
    pub summary: Summary,
    pub skipped_records: BTreeMap<String, u64>,
    pub skipped_files: SkippedFiles,
    /// One entry per input: path, id, whether it was cleaned now or found complete, counts.
    pub inputs: Vec<Value>,
}

/// Makes `directory` a `--resume` output directory (or finds it one): creates it and its
/// marker.
pub fn prepare(directory: &Path) -> io::Result<()> {
    std::fs::create_dir_all(directory)?;
    let marker = directory.join(RESUME_MARKER);
    if !marker.exists() {
        write_json(&marker, &json!({ "layout": LAYOUT_VERSION }))?;
    }
    Ok(())
}

/// Version of the per-input layout, written in the directory's marker.
const LAYOUT_VERSION: u32 = 2;

/// The output directory of input `id`: its id as an escaped relative path
/// ([`escaped_relative_path`]) under `directory`.
pub fn input_directory(directory: &Path, id: &str) -> PathBuf {
    directory.join(escaped_relative_path(id))
}

/// Cleans every input file into its own directory, skipping those already complete.
pub fn run(inputs: &[String], run: PerInput<'_>) -> Result<Totals, PipelineError> {
    let (files, skipped_files) = list_files(inputs, &run.input.exclude);
    let mut totals = Totals {
        skipped_files,
        ..Totals::default()
    };
    let mut used = std::collections::HashSet::new();
    for file in files {
        let out = input_directory(run.directory, &file.id);
        // Two inputs named alike in one run (the same file given twice): the second's records
        // would replace the first's.
        if !used.insert(out.clone()) {
            return Err(collision(&out, &file.id, &file.id));
        }
        let marker = out.join(COMPLETE_MARKER);
        let done = read_marker(&marker);
        if let Some(other) = done
            .as_ref()
            .and_then(|done| done["id"].as_str())
            .filter(|id| *id != file.id)
        {
            return Err(collision(&out, &file.id, other));
        }
        if let Some(done) = done {
            add_marker(&mut totals, &done);
            let mut entry = done;
            entry["state"] = json!("already complete");
            totals.inputs.push(entry);
            continue;
        }
        remove_stale_parts(&out).map_err(PipelineError::Output)?;
        let mut parts =
            Parts::new(&out, run.compression, run.split_size, 0).map_err(PipelineError::Output)?;
        let mut options = run.input.clone();
        if file.root.is_some() {
            options.relative_to.clone_from(&file.root);
        }
        let mut reader = PageReader::new(&[file.path.display().to_string()], options);
        let summary = {
            let mut filter;
            let writer: &mut dyn Write = match &run.fields {
                Some(fields) => {
                    filter = FieldFilter::new(&mut parts, fields.clone());
                    &mut filter
                }
                None => &mut parts,
            };
            pipeline::run(&mut reader, run.engine, run.pipeline, writer)?
        };
        let written = parts.finish().map_err(PipelineError::Output)?;
        let skipped: BTreeMap<String, u64> = reader
            .skipped_records()
            .iter()
            .map(|(reason, count)| (reason.to_string(), *count))
            .collect();
        let names: Vec<String> = written
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        let entry = json!({
            "input": file.path.display().to_string(),
            "id": file.id,
            "output": out.display().to_string(),
            "parts": names,
            "records": summary.pages,
            "ok": summary.ok,
            "empty": summary.empty,
            "errors": summary.errors,
            "skipped": summary.skipped,
            "errors_by_code": summary.errors_by_code,
            "skipped_records": skipped,
            "input_failures": summary.input_failures,
        });
        write_marker(&marker, &entry).map_err(PipelineError::Output)?;
        add_marker(&mut totals, &entry);
        totals.summary.bytes += summary.bytes;
        let mut entry = entry;
        entry["state"] = json!("cleaned");
        totals.inputs.push(entry);
    }
    Ok(totals)
}

fn read_marker(marker: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(marker).ok()?;
    serde_json::from_str::<Value>(&text)
        .ok()
        .filter(Value::is_object)
}

fn write_marker(marker: &Path, entry: &Value) -> io::Result<()> {
    write_json(marker, entry)
}

/// Writes `value` as pretty JSON to `path`, atomically (a temporary file renamed into place).
pub fn write_json(path: &Path, value: &Value) -> io::Result<()> {
    let mut temporary = temporary_file_beside(path)?;
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    text.push('\n');
    temporary.write_all(text.as_bytes())?;
    persist(temporary, path)
}

/// The manifest of a run (`--manifest`): versions, options, inputs, counts, skip reasons and
/// output files.
pub fn manifest(
    summary: &Summary,
    skipped_records: &BTreeMap<String, u64>,
    skipped_files: &SkippedFiles,
    inputs: Vec<Value>,
    outputs: Vec<String>,
    options: Value,
) -> Value {
    json!({
        "manifest_version": MANIFEST_VERSION,
        "dechaff_version": env!("CARGO_PKG_VERSION"),
        "schema": crate::record::SCHEMA_VERSION,
        "arguments": std::env::args().skip(1).collect::<Vec<_>>(),
        "options": options,
        "inputs": inputs,
        "outputs": outputs,
        "counts": {
            "records": summary.pages,
            "ok": summary.ok,
            "empty": summary.empty,
            "errors": summary.errors,
            "skipped": summary.skipped,
            "input_failures": summary.input_failures,
        },
        "errors_by_code": summary.errors_by_code,
        "skipped_records": skipped_records,
        "skipped_files": skipped_files.values().sum::<u64>(),
        "skipped_files_by_kind": skipped_files,
        "bytes": summary.bytes,
        "seconds": summary.elapsed.as_secs_f64(),
    })
}

/// Version of the manifest layout.
pub const MANIFEST_VERSION: u32 = 1;

/// The error for two inputs whose records would go to one directory.
fn collision(directory: &Path, id: &str, other: &str) -> PipelineError {
    PipelineError::Output(io::Error::other(format!(
        "the records of input {id:?} would go to {}, which holds those of input {other:?} \
         (an input given twice, or a file system that folds case): clean them in separate runs",
        directory.display()
    )))
}

/// Removes the part files (and temporary files) an unfinished run left in `directory`.
fn remove_stale_parts(directory: &Path) -> io::Result<()> {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = (name.starts_with("part-") && name.contains(".jsonl"))
            || (name.starts_with(".dechaff-") && name.ends_with(".partial"));
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Adds an input's counts (from its marker) to the totals.
fn add_marker(totals: &mut Totals, entry: &Value) {
    let count = |name: &str| entry[name].as_u64().unwrap_or(0);
    let summary = &mut totals.summary;
    summary.pages += count("records");
    summary.ok += count("ok");
    summary.empty += count("empty");
    summary.errors += count("errors");
    summary.skipped += count("skipped");
    summary.input_failures += count("input_failures");
    for (map, field) in [
        (&mut summary.errors_by_code, "errors_by_code"),
        (&mut totals.skipped_records, "skipped_records"),
    ] {
        if let Some(object) = entry[field].as_object() {
            for (key, value) in object {
                *map.entry(key.clone()).or_default() += value.as_u64().unwrap_or(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_directories_stay_inside_the_output() {
        let dir = Path::new("out");
        assert_eq!(
            input_directory(dir, "crawl/a b.warc.gz"),
            Path::new("out/crawl/a%20b.warc.gz")
        );
        assert_eq!(
            input_directory(dir, "/data/../x.warc"),
            Path::new("out/%/data/%2E%2E/x.warc")
        );
    }
}
