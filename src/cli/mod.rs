//! The command line: one file per subcommand, each with its flags beside its `run`.

mod check;
mod clean;
mod eval;
mod explain;
mod profile;
mod resume;
mod targets;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::engine::Options;
use crate::extract::ExtractOptions;
use crate::limits::MAX_THREADS_PER_CORE;
use crate::vocab::Preset;

/// Exit status when every input was read and every record written.
pub const EXIT_OK: u8 = 0;
/// Exit status when some input could not be read, or a page failed under `--fail-on-error`,
/// or a sample check found a change.
pub const EXIT_FAILED: u8 = 1;
/// Exit status for unusable arguments or output that cannot be written.
pub const EXIT_USAGE_OR_OUTPUT: u8 = 2;

/// dechaff separates articles from the chaff of the web: it strips navigation, share buttons,
/// comments, ads, banners and footers from scraped pages and writes the article text and its
/// metadata as JSONL, one record per input page.
#[derive(Debug, Parser)]
#[command(name = "dechaff", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per process: the size of the `clean` flags does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Clean pages (HTML, text dumps, JSONL; files, directories, stdin; gzip) into JSONL records.
    Clean(clean::Args),
    /// Clean the sample pages and compare each record with its reviewed expected output.
    Check(check::Args),
    /// Score dechaff (or another tool's output) on a labelled dataset.
    Eval(eval::Args),
    /// Show why each block of one page was kept or dropped, in reading order.
    Explain(explain::Args),
    /// Count the blocks each site repeats across its pages into a profile file, for
    /// `clean --profile` (see docs/site-profile.md).
    Profile(profile::Args),
}

/// The precision/recall preset, shared by `clean` and `eval`.
#[derive(Debug, clap::Args)]
pub struct PresetArgs {
    /// Favour precision: trim around the article body on every page and drop link lists
    /// sooner (less boilerplate; listing-like pages lose some content).
    #[arg(long, conflicts_with = "recall")]
    precision: bool,
    /// Favour recall: never trim around the article body and keep link-heavy blocks (more of
    /// listing-like pages, more boilerplate).
    #[arg(long)]
    recall: bool,
}

impl PresetArgs {
    /// Whether a preset other than the default was asked for.
    pub fn is_set(&self) -> bool {
        self.precision || self.recall
    }

    /// The preset these flags ask for.
    pub fn preset(&self) -> Preset {
        if self.precision {
            Preset::PRECISION
        } else if self.recall {
            Preset::RECALL
        } else {
            Preset::BALANCED
        }
    }

    /// The engine options of this preset, with the other options at their defaults and
    /// dates after today rejected.
    pub fn options(&self) -> Options {
        Options {
            extract: ExtractOptions {
                preset: self.preset(),
                ..ExtractOptions::default()
            },
            latest_date: Some(crate::engine::today()),
            ..Options::default()
        }
    }
}

/// Flags that shape what `clean` writes of a page.
#[derive(Debug, clap::Args)]
pub struct ExtractionArgs {
    #[command(flatten)]
    preset: PresetArgs,
    /// Put the comment section in a `comments` field instead of dropping it.
    #[arg(long)]
    comments: bool,
    /// How to write the article: `text` only, or `markdown` to add a `markdown` field beside
    /// `text` (headings, lists, tables, code, links and emphasis kept).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// The worker-thread flag of every command that cleans pages.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ThreadsArg {
    /// Worker threads (default: one per core).
    #[arg(
        short = 'j',
        long = "threads",
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    count: usize,
}

impl ThreadsArg {
    /// The number of worker threads: 0 means one per core, and more than
    /// [`MAX_THREADS_PER_CORE`] per core is lowered to that, with a warning (each thread holds
    /// pages in flight, and cleaning is CPU-bound).
    pub fn count(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let most = cores * MAX_THREADS_PER_CORE;
        if self.count > most {
            eprintln!(
                "dechaff: --threads {} is more than {MAX_THREADS_PER_CORE} per core; using {most} \
                 ({cores} cores)",
                self.count
            );
            return most;
        }
        self.count
    }
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Plain text only (`text`).
    Text,
    /// Plain text and Markdown (`text` and `markdown`).
    Markdown,
}

impl ExtractionArgs {
    /// The engine options these flags ask for.
    pub fn options(&self) -> Options {
        let mut options = self.preset.options();
        options.extract.comments = self.comments;
        options.extract.markdown = self.format == OutputFormat::Markdown;
        options
    }
}

/// Removes this process's temporary files when it is interrupted (SIGINT, SIGTERM, SIGHUP),
/// then dies of the signal as it would have without the handler.
fn remove_temporaries_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        // Without a handler an interrupted run leaves its temporary files, which the next run
        // into the same place removes.
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                crate::output::remove_temporaries();
                // Dies of the signal; should that fail, exit as a shell reports it.
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}

/// Parses the process arguments and runs the chosen subcommand.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    remove_temporaries_on_signals();
    let code = match cli.command {
        Command::Clean(args) => clean::run(args),
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Profile(args) => profile::run(args),
    };
    ExitCode::from(code)
}
