//! `dechaff eval`: how well dechaff (or any tool's output) does on a labelled dataset.

use std::collections::HashMap;
use std::path::PathBuf;

use super::profile::ProfileArgs;
use super::{PresetArgs, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
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
    match evaluate(&args) {
        Ok(report) => {
            if args.json {
                match serde_json::to_string_pretty(&report) {
                    Ok(json) => println!("{json}"),
                    Err(error) => {
                        eprintln!("dechaff: cannot write the report: {error}");
                        return EXIT_USAGE_OR_OUTPUT;
                    }
                }
            } else {
                print!("{}", eval::render_report(&report));
            }
            EXIT_OK
        }
        Err(message) => {
            eprintln!("dechaff: {message}");
            EXIT_USAGE_OR_OUTPUT
        }
    }
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
