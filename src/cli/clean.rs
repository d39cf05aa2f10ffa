//! `dechaff clean`: pages in, one JSONL record per page out.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::profile::{check_rereadable, ProfileArgs};
use super::resume;
use super::targets::Targets;
use super::ExtractionArgs;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::input::{
    skipped_files_note, FileIdentity, InputFormat, InputOptions, JsonlFields, PageReader,
    SkippedFiles,
};
use crate::limits::{
    InputLimits, PageLimits, DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_EXPANSION,
    DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_NODES_PER_BYTE,
    DEFAULT_MAX_PAGE_BYTES, DEFAULT_MAX_TEXT_LINES,
};
use crate::output::{
    parent_of, parse_fields, persist, remove_stale_temporaries, temporary_file_beside, Compression,
    FieldFilter, Parts, DEFAULT_SPLIT_SIZE,
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
    #[command(flatten)]
    pub(super) limits: LimitArgs,
}

/// The heading of the limit flags in `--help`.
const LIMITS: &str = "Limits (see docs/robustness.md)";

/// The limits of docs/robustness.md: sizes of inputs, pages and lines, and what a page may cost.
#[derive(Debug, clap::Args)]
pub(super) struct LimitArgs {
    /// Pages larger than this many bytes (after decompression) are not cleaned: `clean` writes
    /// a `too_large` error record for each, `profile` leaves them out.
    #[arg(long, help_heading = LIMITS, value_name = "BYTES", default_value_t = DEFAULT_MAX_PAGE_BYTES)]
    pub(super) max_page_bytes: u64,
    /// JSONL lines longer than this many bytes are read past and become `too_large` error
    /// records.
    #[arg(long, help_heading = LIMITS, value_name = "BYTES", default_value_t = DEFAULT_MAX_LINE_BYTES)]
    max_line_bytes: u64,
    /// An input that decompresses to more than this many bytes stops there with a `read`
    /// error record.
    #[arg(long, help_heading = LIMITS, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: u64,
    /// A compressed input that expands more than this many times (checked past 256 MiB) is a
    /// decompression bomb and stops with a `read` error record.
    #[arg(long, help_heading = LIMITS, value_name = "RATIO", default_value_t = DEFAULT_MAX_EXPANSION,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_expansion: u64,
    /// Elements nested deeper than this are left out (their text stays), as browsers do.
    #[arg(long, help_heading = LIMITS, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH as u64,
          value_parser = clap::value_parser!(u64).range(8..=100_000))]
    max_depth: u64,
    /// Attributes of an element past this many are dropped before parsing.
    #[arg(long, help_heading = LIMITS, value_name = "N", default_value_t = DEFAULT_MAX_ATTRIBUTES as u64,
          value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_attributes: u64,
    /// A page whose markup makes the parser build more than this many nodes per byte (plus
    /// 10,000) becomes a `too_complex` error record: the per-page work budget.
    #[arg(long, help_heading = LIMITS, value_name = "N", default_value_t = DEFAULT_MAX_NODES_PER_BYTE,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_nodes_per_byte: u64,
    /// Text dumps with more lines than this become `too_large` error records.
    #[arg(long, help_heading = LIMITS, value_name = "N", default_value_t = DEFAULT_MAX_TEXT_LINES as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_text_lines: u64,
}

impl LimitArgs {
    fn input_limits(&self) -> InputLimits {
        InputLimits {
            max_page_bytes: self.max_page_bytes,
            max_line_bytes: self.max_line_bytes,
            max_input_bytes: self.max_input_bytes,
            max_expansion: self.max_expansion,
        }
    }

    fn page_limits(&self) -> PageLimits {
        let size = |value: u64| usize::try_from(value).unwrap_or(usize::MAX);
        PageLimits {
            max_depth: size(self.max_depth),
            max_attributes: size(self.max_attributes),
            max_nodes_per_byte: self.max_nodes_per_byte,
            max_text_lines: size(self.max_text_lines),
        }
    }
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
            limits: self.limits.input_limits(),
            ..InputOptions::default()
        }
    }

    /// The limits inside a page these flags set.
    pub(super) fn page_limits(&self) -> PageLimits {
        self.limits.page_limits()
    }

    /// Whether the user fixed every page's format (`--input-format html` or `text`), which
    /// then wins over what the bytes look like.
    pub(super) fn declares_page_format(&self) -> bool {
        matches!(self.input_format, FormatFlag::Html | FormatFlag::Text)
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
        remove_stale_temporaries(parent_of(target));
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
    let threads = args.threads.count();
    let directory = args.output.as_deref().filter(|path| {
        args.resume
            || args.split_size.is_some()
            || args.compress.is_some()
            || path.is_dir()
            || path.as_os_str().to_string_lossy().ends_with('/')
    });
    let targets = Targets {
        inputs: &args.inputs,
        output: args.output.as_deref(),
        directory: directory.is_some(),
        resume: args.resume,
        manifest: args.manifest.as_deref(),
    };
    if let Err(message) = targets.check() {
        eprintln!("dechaff: {message}");
        return EXIT_USAGE_OR_OUTPUT;
    }
    if args.resume && (args.inputs.is_empty() || args.inputs.iter().any(|i| i == "-")) {
        eprintln!("dechaff: --resume needs input files or directories, not standard input");
        return EXIT_USAGE_OR_OUTPUT;
    }
    let fields = match args.fields.as_deref().map(parse_fields).transpose() {
        Ok(fields) => fields,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    let compression = args.compress.map_or(Compression::Gzip, Compression::from);
    let split_size = args.split_size.unwrap_or(DEFAULT_SPLIT_SIZE);
    // Open the output before reading, so that a directory of parts exists (and is left out
    // of the walks) and an output that cannot be written fails the run at once.
    let opened = match directory {
        Some(directory) if args.resume => resume::prepare(directory).map(|()| None),
        Some(directory) => Parts::new(directory, compression, split_size, 0)
            .map(|parts| Some(Output::Parts(parts))),
        None => Output::open(args.output.as_deref()).map(Some),
    };
    let output = match opened {
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
    let input_options = InputOptions {
        keep_all: args.keep_all,
        shard: args.shard,
        relative_to: args.relative_to.clone(),
        exclude: targets.exclusions(),
        ..args.input.options()
    };
    let mut engine_options = args.extraction.options();
    engine_options.limits = args.input.page_limits();
    engine_options.declared_format_wins = args.input.declares_page_format();
    let first_pass = || {
        check_rereadable(&args.inputs)?;
        let pages = PageReader::new(&args.inputs, input_options.clone());
        Ok(Box::new(pages) as Box<dyn Iterator<Item = _> + Send>)
    };
    match args
        .profile
        .load(first_pass, threads, &engine_options.limits, args.quiet)
    {
        Ok(profile) => engine_options.profile = profile,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    }
    let started = std::time::Instant::now();
    let pipeline_options = PipelineOptions {
        threads,
        progress: !args.quiet,
        fail_on_error: args.fail_on_error,
    };
    let manifest_options = serde_json::json!({
        "output": args.output.as_deref().map(|p| p.display().to_string()),
        "split_size": directory.map(|_| split_size),
        "compress": directory.map(|_| compression.extension()),
        "fields": fields,
        "keep_all": args.keep_all,
        "shard": args.shard.map(|s| s.to_string()),
        "resume": args.resume,
        "limits": format!("{:?} {:?}", input_options.limits, engine_options.limits),
        "extraction": format!("{:?}", engine_options.extract),
        "site_profile": engine_options.profile.is_some(),
    });
    let info = RunInfo {
        quiet: args.quiet,
        manifest: args.manifest.as_deref(),
        inputs: &args.inputs,
        exclude: &input_options.exclude,
    };
    let Some(mut output) = output else {
        // --resume: one directory of parts per input file.
        let Some(directory) = directory else {
            return EXIT_USAGE_OR_OUTPUT;
        };
        let per_input = resume::PerInput {
            directory,
            compression,
            split_size,
            fields,
            input: input_options.clone(),
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
            &info,
            &summary,
            &totals.skipped_records,
            &totals.skipped_files,
            Some(totals.inputs),
            outputs,
            manifest_options,
        );
    };
    let mut reader = PageReader::new(&args.inputs, input_options.clone());
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
        &info,
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
    exclude: &'a [FileIdentity],
}

/// Prints the summary, writes the manifest and gives the exit status of a completed run.
fn finish(
    args: &RunInfo<'_>,
    summary: &pipeline::Summary,
    skipped: &std::collections::BTreeMap<String, u64>,
    skipped_files: &SkippedFiles,
    inputs: Option<Vec<serde_json::Value>>,
    outputs: Vec<String>,
    options: serde_json::Value,
) -> u8 {
    if !args.quiet {
        let mut line = summary.line();
        line.push_str(&skipped_files_note(skipped_files));
        line.push_str(&crate::input::skipped_records_note(skipped));
        eprintln!("dechaff: {line}");
    }
    if let Some(path) = args.manifest {
        let inputs = inputs.unwrap_or_else(|| {
            let (files, _) = crate::input::list_files(args.inputs, args.exclude);
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
        let (count, inputs) = match summary.input_failures {
            1 => ("one".to_string(), "input"),
            n => (n.to_string(), "inputs"),
        };
        eprintln!("dechaff: {count} {inputs} could not be read (see the error records)");
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
