//! `dechaff clean -o DIR --resume`: one output directory per input file, with a completion
//! marker, so that a run that stopped can be started again and skip the inputs it finished.
//!
//! Layout: the records of input `<id>` (its path relative to the walked directory, else as
//! given, made safe as a relative path) go to `DIR/<id>/part-00000.jsonl.gz`, … and, once its
//! last part is renamed into place, `DIR/<id>/_COMPLETE` is written (atomically, by rename)
//! with the input's counts. An input is complete when its marker exists: a later `--resume`
//! run skips it and takes its counts from the marker. An input without a marker is cleaned
//! again from its start, after its stale parts are removed.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::engine::Options;
use crate::input::{list_files, InputOptions, PageReader};
use crate::output::{persist, temporary_file_beside, Compression, FieldFilter, Parts};
use crate::pipeline::{self, PipelineError, PipelineOptions, Summary};
use crate::snapshot::id_as_relative_path;

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
    pub skipped_files: usize,
    /// One entry per input: path, id, whether it was cleaned now or found complete, counts.
    pub inputs: Vec<Value>,
}

/// The output directory of input `id`: its id as a relative path
/// ([`id_as_relative_path`]) under `directory`.
pub fn input_directory(directory: &Path, id: &str) -> PathBuf {
    directory.join(id_as_relative_path(id))
}

/// Cleans every input file into its own directory, skipping those already complete.
pub fn run(inputs: &[String], run: PerInput<'_>) -> Result<Totals, PipelineError> {
    let (files, skipped_files) = list_files(inputs);
    let mut totals = Totals {
        skipped_files,
        ..Totals::default()
    };
    for file in files {
        let out = input_directory(run.directory, &file.id);
        let marker = out.join(COMPLETE_MARKER);
        if let Some(done) = read_marker(&marker) {
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
    skipped_files: usize,
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
        "skipped_files": skipped_files,
        "bytes": summary.bytes,
        "seconds": summary.elapsed.as_secs_f64(),
    })
}

/// Version of the manifest layout.
pub const MANIFEST_VERSION: u32 = 1;

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
            Path::new("out/crawl/a_b.warc.gz")
        );
        assert_eq!(
            input_directory(dir, "/data/../x.warc"),
            Path::new("out/data/__/x.warc")
        );
    }
}
