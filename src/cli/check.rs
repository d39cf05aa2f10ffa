//! `dechaff check`: sample regression against reviewed expected outputs.

use std::path::PathBuf;

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::engine::Options;
use crate::snapshot;

/// Flags of `dechaff check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of sample pages, with reviewed outputs in its `expected/` folder.
    #[arg(default_value = "samples")]
    samples: PathBuf,
    /// Rewrite the expected outputs to match the current output (after reviewing the diff).
    #[arg(long)]
    bless: bool,
}

/// Runs the check; non-zero exit when a sample changed (unless blessing).
pub fn run(args: Args) -> u8 {
    let report = match snapshot::check(&args.samples, &Options::default(), args.bless) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("dechaff: cannot check {}: {error}", args.samples.display());
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    for changed in &report.changed {
        if changed.missing {
            println!("new sample {} (no expected output yet):", changed.id);
        } else {
            println!("changed sample {}:", changed.id);
        }
        println!("{}", changed.diff);
    }
    for stale in &report.stale {
        println!("expected output without a sample: {}", stale.display());
    }
    let total = report.unchanged + report.changed.len();
    if args.bless {
        println!(
            "{} samples: {} unchanged, {} expected outputs written, {} stale removed",
            total,
            report.unchanged,
            report.changed.len(),
            report.stale.len()
        );
        return EXIT_OK;
    }
    println!(
        "{} passed, {} failed",
        report.unchanged,
        report.changed.len() + report.stale.len()
    );
    if report.passed() {
        EXIT_OK
    } else {
        println!(
            "review the diffs above; if the change is intended, run: dechaff check {} --bless",
            args.samples.display()
        );
        EXIT_FAILED
    }
}
