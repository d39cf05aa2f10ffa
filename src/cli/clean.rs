//! `dechaff clean`: pages in, one JSONL record per page out.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::profile::{check_rereadable, ProfileArgs};
use super::resume;
use super::ExtractionArgs;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::input::{InputFormat, InputOptions, JsonlFields, PageReader, DEFAULT_MAX_PAGE_BYTES};
use crate::output::{
    parse_fields, persist, temporary_file_beside, Compression, FieldFilter, Parts,
    DEFAULT_SPLIT_SIZE,
};
use crate::pipeline::{self, PipelineError, PipelineOptions};

/// Exit status of a run cut short by a closed output pipe, as if killed by SIGPIPE.
const EXIT_BROKEN_PIPE: u8 = 141;

/// Flags of `dechaff clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to clean; `-` or nothing reads standard input. Directories are
    /// walked recursively in sorted order, taking .html/.htm/.xhtml/.shtml/.txt/.jsonl/.ndjson/
    /// .warc files (optionally .gz or .zst).
    inputs: Vec<String>,
    /// Write the JSONL here instead of standard output (written to a temporary file and
    /// renamed when complete). A directory (an existing one, a path ending in `/`, or any path
    /// with --split-size or --compress) gets numbered part files part-00000.jsonl.gz, ….
    #[arg(short, long, value_name = "FILE|DIR")]
    output: Option<PathBuf>,
    /// Records per part file of a directory output [default: 100000].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    split_size: Option<u64>,
    /// Compression of the part files of a directory output [default: gzip].
    #[arg(long, value_enum, value_name = "KIND")]
    compress: Option<CompressFlag>,
    /// Write only these record fields, in this order (comma-separated, e.g. `id,url,text`).
    #[arg(long, value_name = "A,B,C")]
    fields: Option<String>,
    /// With `-o DIR`: write each input file's records to a directory of its own,
    /// `DIR/<input>/part-*.jsonl.gz`, marked complete by `DIR/<input>/_COMPLETE`, and skip
    /// inputs already complete, so that a stopped run can be started again.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Write a JSON manifest of the run here: version, options, input files, counts, skip
    /// reasons and output files.
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    #[command(flatten)]
    threads: super::ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
    /// Write a `skipped` record for every WARC record that is not an HTML page (requests,
    /// redirects, images, ...) instead of only counting them.
    #[arg(long)]
    keep_all: bool,
    /// Clean only the pages of shard I of N (0 <= I < N), chosen by a stable hash (FNV-1a) of
    /// the URL, else the id: N runs with 0/N ... N-1/N clean every page exactly once between
    /// them.
    #[arg(long, value_name = "I/N")]
    shard: Option<crate::input::Shard>,
    /// Give files named as inputs under DIR the ids a walk of DIR would give them (their path
    /// relative to DIR), so that runs over parts of DIR (as on a cluster) give the records of
    /// one run over DIR.
    #[arg(long, value_name = "DIR")]
    relative_to: Option<PathBuf>,
    /// Stop with a non-zero exit status at the first page that cannot be processed.
    #[arg(long)]
    fail_on_error: bool,
    #[command(flatten)]
    extraction: ExtractionArgs,
    #[command(flatten)]
    profile: ProfileArgs,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum CompressFlag {
    Gzip,
    Zstd,
    None,
}

impl From<CompressFlag> for Compression {
    fn from(flag: CompressFlag) -> Self {
        match flag {
            CompressFlag::Gzip => Compression::Gzip,
            CompressFlag::Zstd => Compression::Zstd,
            CompressFlag::None => Compression::None,
        }
    }
}

/// How pages are read and told apart: the input flags `clean` and `profile` share.
#[derive(Debug, clap::Args)]
pub(super) struct InputArgs {
    /// Input format, instead of deciding per input from extension and content.
    #[arg(long, value_enum, default_value_t = FormatFlag::Auto)]
    input_format: FormatFlag,
    /// JSONL field holding a page's HTML.
    #[arg(long, value_name = "NAME", default_value = "html")]
    html_field: String,
    /// JSONL field holding a plain-text page dump (used when there is no HTML field).
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// JSONL field holding a page's URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    url_field: String,
    /// JSONL field holding a page's id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// Pages (and JSONL lines) larger than this many bytes are not cleaned: `clean` writes an
    /// error record for each, `profile` leaves them out.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_PAGE_BYTES)]
    pub(super) max_page_bytes: u64,
}

impl InputArgs {
    /// The input options these flags set; the rest keep their defaults.
    pub(super) fn options(&self) -> InputOptions {
        InputOptions {
            format: self.input_format.into(),
            fields: JsonlFields {
                html: self.html_field.clone(),
                text: self.text_field.clone(),
                url: self.url_field.clone(),
                id: self.id_field.clone(),
            },
            max_page_bytes: self.max_page_bytes,
            ..InputOptions::default()
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatFlag {
    Auto,
    Html,
    Text,
    Jsonl,
    Warc,
}

impl From<FormatFlag> for InputFormat {
    fn from(flag: FormatFlag) -> Self {
        match flag {
            FormatFlag::Auto => InputFormat::Auto,
            FormatFlag::Html => InputFormat::Html,
            FormatFlag::Text => InputFormat::Text,
            FormatFlag::Jsonl => InputFormat::Jsonl,
            FormatFlag::Warc => InputFormat::Warc,
        }
    }
}

/// Where records go: standard output, a temporary file renamed into place at the end, or,
/// for a target that is not a regular file (`/dev/null`, a FIFO), the target itself.
enum Output {
    Stdout(BufWriter<io::Stdout>),
    Special(BufWriter<std::fs::File>),
    File {
        writer: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
    },
    /// Numbered part files in a directory.
    Parts(Parts),
}

impl Output {
    fn open(path: Option<&Path>) -> io::Result<Output> {
        let Some(target) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout(BufWriter::new(io::stdout())));
        };
        // Renaming onto a symlink would replace the link, and onto a device or FIFO would
        // replace the device with a file: write through the link, and into special files.
        let resolved = std::fs::canonicalize(target).ok();
        let target = resolved.as_deref().unwrap_or(target);
        if std::fs::metadata(target).is_ok_and(|meta| !meta.is_file()) {
            let file = std::fs::OpenOptions::new().write(true).open(target)?;
            return Ok(Output::Special(BufWriter::new(file)));
        }
        let temporary = temporary_file_beside(target)?;
        Ok(Output::File {
            writer: BufWriter::new(temporary),
            target: target.to_path_buf(),
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(writer) => writer,
            Output::Special(writer) => writer,
            Output::File { writer, .. } => writer,
            Output::Parts(parts) => parts,
        }
    }

    /// Flushes and, for a file, renames the temporary file onto the target; returns the files
    /// written.
    fn commit(self) -> io::Result<Vec<PathBuf>> {
        match self {
            Output::Stdout(mut writer) => writer.flush().map(|()| Vec::new()),
            Output::Special(mut writer) => writer.flush().map(|()| Vec::new()),
            Output::File { writer, target } => {
                let temporary = writer.into_inner().map_err(|e| e.into_error())?;
                persist(temporary, &target)?;
                Ok(vec![target])
            }
            Output::Parts(parts) => parts.finish(),
        }
    }
}

/// Runs `dechaff clean`.
pub fn run(args: Args) -> u8 {
    let input_options = InputOptions {
        keep_all: args.keep_all,
        shard: args.shard,
        relative_to: args.relative_to,
        ..args.input.options()
    };
    let mut engine_options = args.extraction.options();
    let first_pass = || {
        check_rereadable(&args.inputs)?;
        let pages = PageReader::new(&args.inputs, input_options.clone());
        Ok(Box::new(pages) as Box<dyn Iterator<Item = _> + Send>)
    };
    match args
        .profile
        .load(first_pass, args.threads.count, args.quiet)
    {
        Ok(profile) => engine_options.profile = profile,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    }
    let fields = match args.fields.as_deref().map(parse_fields).transpose() {
        Ok(fields) => fields,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    let directory = args.output.as_deref().filter(|path| {
        args.split_size.is_some()
            || args.compress.is_some()
            || path.is_dir()
            || path.as_os_str().to_string_lossy().ends_with('/')
    });
    if let Some(directory) = directory.filter(|d| crate::output::has_parts(d)) {
        eprintln!(
            "dechaff: {} already holds part files; remove them or write elsewhere",
            directory.display()
        );
        return EXIT_USAGE_OR_OUTPUT;
    }
    let started = std::time::Instant::now();
    let pipeline_options = PipelineOptions {
        threads: args.threads.count,
        progress: !args.quiet,
        fail_on_error: args.fail_on_error,
    };
    let manifest_options = serde_json::json!({
        "output": args.output.as_deref().map(|p| p.display().to_string()),
        "split_size": directory.map(|_| args.split_size.unwrap_or(DEFAULT_SPLIT_SIZE)),
        "compress": directory.map(|_| args.compress.map_or(Compression::Gzip, Compression::from).extension()),
        "fields": fields,
        "keep_all": args.keep_all,
        "shard": args.shard.map(|s| s.to_string()),
        "resume": args.resume,
        "max_page_bytes": args.input.max_page_bytes,
        "extraction": format!("{:?}", engine_options.extract),
        "site_profile": engine_options.profile.is_some(),
    });
    if args.resume {
        let Some(directory) = args.output.as_deref() else {
            return EXIT_USAGE_OR_OUTPUT;
        };
        if args.inputs.is_empty() || args.inputs.iter().any(|i| i == "-") {
            eprintln!("dechaff: --resume needs input files or directories, not standard input");
            return EXIT_USAGE_OR_OUTPUT;
        }
        let per_input = resume::PerInput {
            directory,
            compression: args.compress.map_or(Compression::Gzip, Compression::from),
            split_size: args.split_size.unwrap_or(DEFAULT_SPLIT_SIZE),
            fields,
            input: input_options,
            engine: &engine_options,
            pipeline: &pipeline_options,
        };
        let totals = match resume::run(&args.inputs, per_input) {
            Ok(totals) => totals,
            Err(error) => return report_pipeline_error(error),
        };
        let mut summary = totals.summary;
        summary.elapsed = started.elapsed();
        let outputs: Vec<String> = totals
            .inputs
            .iter()
            .filter_map(|entry| {
                let dir = entry["output"].as_str()?;
                let parts = entry["parts"].as_array()?;
                Some(
                    parts
                        .iter()
                        .filter_map(|p| p.as_str())
                        .map(move |p| format!("{dir}/{p}")),
                )
            })
            .flatten()
            .collect();
        return finish(
            &RunInfo {
                quiet: args.quiet,
                manifest: args.manifest.as_deref(),
                inputs: &args.inputs,
            },
            &summary,
            &totals.skipped_records,
            totals.skipped_files,
            Some(totals.inputs),
            outputs,
            manifest_options,
        );
    }
    let opened = match directory {
        Some(directory) => Parts::new(
            directory,
            args.compress.map_or(Compression::Gzip, Compression::from),
            args.split_size.unwrap_or(DEFAULT_SPLIT_SIZE),
            0,
        )
        .map(Output::Parts),
        None => Output::open(args.output.as_deref()),
    };
    let mut output = match opened {
        Ok(output) => output,
        Err(error) => {
            let target = args
                .output
                .as_deref()
                .unwrap_or(Path::new("-"))
                .display()
                .to_string();
            eprintln!("dechaff: cannot create output {target}: {error}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    let mut reader = PageReader::new(&args.inputs, input_options);
    let result = {
        let mut filter;
        let writer: &mut dyn Write = match fields {
            Some(fields) => {
                filter = FieldFilter::new(output.writer(), fields);
                &mut filter
            }
            None => output.writer(),
        };
        pipeline::run(&mut reader, &engine_options, &pipeline_options, writer)
    };
    let summary = match result {
        Ok(summary) => summary,
        Err(error) => return report_pipeline_error(error),
    };
    let written = match output.commit() {
        Ok(written) => written,
        Err(error) => {
            if error.kind() == io::ErrorKind::BrokenPipe {
                return EXIT_BROKEN_PIPE;
            }
            eprintln!("dechaff: cannot write output: {error}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    let skipped: std::collections::BTreeMap<String, u64> = reader
        .skipped_records()
        .iter()
        .map(|(reason, count)| (reason.to_string(), *count))
        .collect();
    let outputs = written.iter().map(|p| p.display().to_string()).collect();
    finish(
        &RunInfo {
            quiet: args.quiet,
            manifest: args.manifest.as_deref(),
            inputs: &args.inputs,
        },
        &summary,
        &skipped,
        reader.skipped_files(),
        None,
        outputs,
        manifest_options,
    )
}

/// The exit status for a run the pipeline stopped, with its message.
fn report_pipeline_error(error: PipelineError) -> u8 {
    match error {
        PipelineError::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => {
            EXIT_BROKEN_PIPE
        }
        error @ PipelineError::PageFailed { .. } => {
            eprintln!("dechaff: stopping (--fail-on-error): {error}");
            EXIT_FAILED
        }
        error => {
            eprintln!("dechaff: {error}");
            EXIT_USAGE_OR_OUTPUT
        }
    }
}

/// What [`finish`] needs of the flags.
struct RunInfo<'a> {
    quiet: bool,
    manifest: Option<&'a Path>,
    inputs: &'a [String],
}

/// Prints the summary, writes the manifest and gives the exit status of a completed run.
fn finish(
    args: &RunInfo<'_>,
    summary: &pipeline::Summary,
    skipped: &std::collections::BTreeMap<String, u64>,
    skipped_files: usize,
    inputs: Option<Vec<serde_json::Value>>,
    outputs: Vec<String>,
    options: serde_json::Value,
) -> u8 {
    if !args.quiet {
        let mut line = summary.line();
        if skipped_files > 0 {
            line.push_str(&format!(
                "; skipped {skipped_files} files without a page extension"
            ));
        }
        line.push_str(&crate::input::skipped_records_note(skipped));
        eprintln!("dechaff: {line}");
    }
    if let Some(path) = args.manifest {
        let inputs = inputs.unwrap_or_else(|| {
            let (files, _) = crate::input::list_files(args.inputs);
            let mut listed: Vec<serde_json::Value> = files
                .iter()
                .map(|f| serde_json::json!({"input": f.path.display().to_string(), "id": f.id}))
                .collect();
            if args.inputs.is_empty() || args.inputs.iter().any(|i| i == "-") {
                listed.push(serde_json::json!({"input": "-", "id": crate::input::STDIN_NAME}));
            }
            listed
        });
        let manifest = resume::manifest(summary, skipped, skipped_files, inputs, outputs, options);
        if let Err(error) = resume::write_json(path, &manifest) {
            eprintln!("dechaff: cannot write manifest {}: {error}", path.display());
            return EXIT_USAGE_OR_OUTPUT;
        }
    }
    if summary.input_failures > 0 {
        eprintln!(
            "dechaff: {} inputs could not be read (see their error records)",
            summary.input_failures
        );
        return EXIT_FAILED;
    }
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        let mut output = Output::open(Some(&target)).unwrap();
        output.writer().write_all(b"{}\n").unwrap();
        assert!(!target.exists());
        output.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "{}\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
