//! `dechaff eval`: how well dechaff (or any tool's output) does on a labelled dataset.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::profile::ProfileArgs;
use super::{PresetArgs, EXIT_FAILED, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::eval::guard::{DatasetFigures, RecordedFigures, Verdict};
use crate::eval::{self, Report};
use crate::input::{InputOptions, PageReader};
use crate::pipeline::{self, PipelineOptions};

/// Flags of `dechaff eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset folder: `pages/<id>.html.gz` (or `.txt.gz`) and `truth.jsonl`.
    dataset: PathBuf,
    /// Score this JSONL file (fields `id`, `text`, and optionally `title`, `author`, `date`;
    /// gzip allowed) instead of cleaning the pages: how other tools are scored the same way.
    #[arg(long, value_name = "FILE")]
    against: Option<PathBuf>,
    /// How many of the worst pages by word F1 to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    worst: usize,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Fail (exit status 1) when a figure falls more than the file's tolerance (0.002 unless it
    /// says otherwise) below the one `--record` wrote into FILE for this dataset (its folder's
    /// name), when the file has no record of it, or when the dataset's page count differs from
    /// the record's. A FILE that does not exist is a usage error (exit status 2).
    #[arg(long, value_name = "FILE")]
    guard: Option<PathBuf>,
    /// Record this run's figures for this dataset in FILE (created if missing; the other
    /// datasets' records are kept), for a later `--guard`. Only dechaff's default run is
    /// recorded: not with `--against`, a preset or a profile.
    #[arg(long, value_name = "FILE", conflicts_with = "guard")]
    record: Option<PathBuf>,
    #[command(flatten)]
    preset: PresetArgs,
    /// With `--site-profile` or `--profile`, pages take their URL from the truth, so that
    /// sites are hosts.
    #[command(flatten)]
    profile: ProfileArgs,
    #[command(flatten)]
    threads: super::ThreadsArg,
}

/// Runs the evaluation and prints the report.
pub fn run(args: Args) -> u8 {
    if args.against.is_some() && (args.preset.is_set() || args.profile.active()) {
        eprintln!(
            "dechaff: --against scores a stored output; --precision, --recall and the profile \
             flags apply only when eval cleans the pages itself"
        );
        return EXIT_USAGE_OR_OUTPUT;
    }
    if args.record.is_some()
        && (args.against.is_some() || args.preset.is_set() || args.profile.active())
    {
        eprintln!(
            "dechaff: --record keeps the figures of dechaff's default run; --against, \
             --precision, --recall and the profile flags would record another run under the \
             same name"
        );
        return EXIT_USAGE_OR_OUTPUT;
    }
    let report = match evaluate(&args) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    let rendered = if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => json + "\n",
            Err(error) => {
                eprintln!("dechaff: cannot write the report: {error}");
                return EXIT_USAGE_OR_OUTPUT;
            }
        }
    } else {
        eval::render_report(&report)
    };
    // A reader that stops early (`| head`) is not an error.
    match io::stdout().lock().write_all(rendered.as_bytes()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("dechaff: cannot write the report: {error}");
            return EXIT_USAGE_OR_OUTPUT;
        }
        _ => {}
    }
    let name = dataset_name(&args.dataset);
    let figures = DatasetFigures::of(&report);
    let mut status = EXIT_OK;
    if let Some(path) = &args.guard {
        match read_figures(path) {
            Ok(Some(recorded)) => {
                if !guard_holds(&recorded, &name, &figures, path) {
                    status = EXIT_FAILED;
                }
            }
            Ok(None) => {
                eprintln!("dechaff: guard: {} does not exist", path.display());
                return EXIT_USAGE_OR_OUTPUT;
            }
            Err(message) => {
                eprintln!("dechaff: guard: {message}");
                return EXIT_USAGE_OR_OUTPUT;
            }
        }
    }
    if let Some(path) = &args.record {
        if let Err(message) = record_figures(path, &name, figures) {
            eprintln!("dechaff: record: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
        eprintln!(
            "dechaff: recorded the figures of {name} in {}",
            path.display()
        );
    }
    status
}

/// The name a dataset's figures are recorded under: its folder's name as given (a link keeps
/// its own name); `.` and `..` are resolved first.
fn dataset_name(dataset: &Path) -> String {
    if let Some(name) = dataset.file_name() {
        return name.to_string_lossy().into_owned();
    }
    let absolute = std::fs::canonicalize(dataset).unwrap_or_else(|_| dataset.to_path_buf());
    absolute
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| absolute.display().to_string())
}

/// Tells what the guard found, on standard error; false when it fails.
fn guard_holds(recorded: &RecordedFigures, name: &str, now: &DatasetFigures, path: &Path) -> bool {
    match recorded.check(name, now) {
        Verdict::Held { risen } => {
            eprintln!(
                "dechaff: guard: every figure of {name} holds its record in {}",
                path.display()
            );
            if !risen.is_empty() {
                eprintln!(
                    "dechaff: guard: risen above the record (record them with --record): {}",
                    risen.join(", ")
                );
            }
            true
        }
        Verdict::Fell(falls) => {
            for fall in falls {
                eprintln!(
                    "dechaff: guard: {name}: {fall} (tolerance {})",
                    recorded.tolerance
                );
            }
            false
        }
        Verdict::NoRecord => {
            eprintln!(
                "dechaff: guard: {} has no record of {name} (write one with --record)",
                path.display()
            );
            false
        }
        Verdict::OtherPages { recorded, now } => {
            eprintln!(
                "dechaff: guard: {name} has {now} pages, its figures were recorded on {recorded}: \
                 not the same dataset"
            );
            false
        }
    }
}

/// The recorded figures in `path`, or `None` when there is no such file.
fn read_figures(path: &Path) -> Result<Option<RecordedFigures>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    let figures: RecordedFigures = serde_json::from_str(&text)
        .map_err(|error| format!("{} is not a figures file: {error}", path.display()))?;
    if !(figures.tolerance.is_finite() && figures.tolerance >= 0.0) {
        return Err(format!(
            "{}: the tolerance must be a number of 0 or more, not {}",
            path.display(),
            figures.tolerance
        ));
    }
    Ok(Some(figures))
}

/// Writes this run's figures for `name` into `path`, keeping the other datasets' records;
/// the file is replaced whole, never left half written.
fn record_figures(path: &Path, name: &str, figures: DatasetFigures) -> Result<(), String> {
    let mut recorded = read_figures(path)?.unwrap_or_default();
    recorded.record(name, figures);
    let json = serde_json::to_string_pretty(&recorded)
        .map_err(|error| format!("cannot write the figures: {error}"))?;
    let write = || -> io::Result<()> {
        let mut temporary = crate::output::temporary_file_beside(path)?;
        temporary.write_all(json.as_bytes())?;
        temporary.write_all(b"\n")?;
        crate::output::persist(temporary, path)
    };
    write().map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn evaluate(args: &Args) -> Result<Report, String> {
    let truth = eval::load_truth(&args.dataset)
        .map_err(|e| format!("cannot read the truth of {}: {e}", args.dataset.display()))?;
    let predictions = match &args.against {
        Some(path) => eval::load_predictions(path)
            .map_err(|e| format!("cannot read predictions {}: {e}", path.display()))?,
        None => {
            let pages = args.dataset.join("pages");
            if !pages.is_dir() {
                return Err(format!("{} has no pages/ folder", args.dataset.display()));
            }
            let inputs = [pages.display().to_string()];
            let urls: HashMap<String, String> = truth
                .iter()
                .filter_map(|t| Some((t.id.clone(), t.url.clone()?)))
                .collect();
            let with_urls = args.profile.active();
            // Pages read from files have no URL: the truth's URL names their site.
            let reader = move || {
                let urls = urls.clone();
                PageReader::new(&inputs, InputOptions::default()).map(move |mut page| {
                    if with_urls && page.url.is_none() {
                        page.url = urls.get(eval::page_key(&page.id)).cloned();
                    }
                    page
                })
            };
            let threads = args.threads.count();
            let mut engine = args.preset.options();
            engine.profile = args.profile.load(
                || Ok(Box::new(reader()) as Box<dyn Iterator<Item = _> + Send>),
                threads,
                &engine.limits,
                false,
            )?;
            let mut reader = reader();
            let options = PipelineOptions {
                threads,
                progress: true,
                fail_on_error: false,
            };
            let mut output = Vec::new();
            let summary = pipeline::run(&mut reader, &engine, &options, &mut output)
                .map_err(|e| e.to_string())?;
            eprintln!("dechaff: cleaned {}", summary.line());
            eval::predictions_from_jsonl(&String::from_utf8_lossy(&output))
        }
    };
    Ok(eval::evaluate(&truth, &predictions, args.worst))
}
