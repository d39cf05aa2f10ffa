//! `dechaff profile`, and the site-profile flags of `clean` and `eval`: the counting pass over
//! the pages (threads live here, not in the engine) and loading a stored profile.

use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::clean::InputArgs;
use super::targets::Targets;
use super::{EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::input::{InputOptions, PageReader};
use crate::limits::PageLimits;
use crate::output::{persist, temporary_file_beside};
use crate::page::Page;
use crate::profile::{counted_blocks, Counts, Profile, Thresholds};
use crate::vocab::{PROFILE_MIN_PAGES, PROFILE_MIN_SHARE, PROFILE_MIN_STORED_PAGES};

/// Most pages counted in one parallel batch.
const BATCH_PAGES: usize = 64;

/// Most page bytes in one batch.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// Site-profile flags of `clean` and `eval`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProfileArgs {
    /// Drop blocks each site repeats across its pages (footers, comment notices, newsletter
    /// pitches): a first pass over the inputs counts them per site (the URL's host, else the
    /// page's directory), the second cleans. Inputs must be files or directories.
    #[arg(long, conflicts_with = "profile")]
    site_profile: bool,
    /// Drop the blocks a stored profile (`dechaff profile`) marks as its sites' boilerplate.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// A block is boilerplate when it is on at least this many of its site's pages …
    #[arg(long, value_name = "N", default_value_t = PROFILE_MIN_PAGES,
          value_parser = clap::value_parser!(u64).range(PROFILE_MIN_STORED_PAGES..))]
    profile_min_pages: u64,
    /// … and on at least this share (0–1) of them.
    #[arg(long, value_name = "SHARE", default_value_t = PROFILE_MIN_SHARE, value_parser = share)]
    profile_min_share: f64,
}

fn share(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err("a share between 0 and 1".to_string()),
    }
}

impl ProfileArgs {
    /// Whether a profile is asked for.
    pub fn active(&self) -> bool {
        self.site_profile || self.profile.is_some()
    }

    fn thresholds(&self) -> Thresholds {
        Thresholds {
            min_pages: self.profile_min_pages,
            min_share: self.profile_min_share,
        }
    }

    /// The profile these flags ask for, or `None` without profile flags. With
    /// `--site-profile`, `pages` gives the pages of the counting pass (the same pages the
    /// cleaning pass will read).
    pub fn load(
        &self,
        pages: impl FnOnce() -> Result<Box<dyn Iterator<Item = Page> + Send>, String>,
        threads: usize,
        limits: &PageLimits,
        quiet: bool,
    ) -> Result<Option<Arc<Profile>>, String> {
        let counts = if let Some(path) = &self.profile {
            let file = crate::input::open_reader(path)
                .map_err(|e| format!("cannot read profile {}: {e}", path.display()))?;
            Counts::read(&mut BufReader::new(file))
                .map_err(|e| format!("cannot read profile {}: {e}", path.display()))?
        } else if self.site_profile {
            count_pages(&mut *pages()?, threads, limits)?
        } else {
            return Ok(None);
        };
        let profile = counts.profile(self.thresholds());
        if !quiet {
            eprintln!(
                "dechaff: site profile: {} pages of {} sites, {} with at least {} pages; {} \
                 boilerplate blocks on {} sites",
                counts.sites.values().map(|site| site.pages).sum::<u64>(),
                counts.sites.len(),
                counts.sites_with_pages(self.profile_min_pages),
                self.profile_min_pages,
                profile.blocks(),
                profile.sites(),
            );
        }
        Ok(Some(Arc::new(profile)))
    }
}

/// The error for `--site-profile` over standard input, which cannot be read twice.
pub fn check_rereadable(inputs: &[String]) -> Result<(), String> {
    if inputs.is_empty() || inputs.iter().any(|input| input == "-") {
        return Err(
            "--site-profile reads the inputs twice: give files or directories, not standard \
             input (or build a profile with `dechaff profile` and use --profile)"
                .to_string(),
        );
    }
    Ok(())
}

/// The counting pass: every page's block hashes, counted per site. Pages are hashed in
/// parallel batches and counted in input order; the counts do not depend on either.
pub fn count_pages(
    pages: &mut (dyn Iterator<Item = Page> + Send),
    threads: usize,
    limits: &PageLimits,
) -> Result<Counts, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let mut counts = Counts::default();
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for page in &mut *pages {
            bytes += page.len();
            batch.push(page);
            if batch.len() >= BATCH_PAGES || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let hashed: Vec<Option<(String, Vec<u64>)>> = pool.install(|| {
            batch
                .par_iter()
                .map(|page| counted_blocks(page, limits))
                .collect()
        });
        for (site, hashes) in hashed.into_iter().flatten() {
            counts.add_page(&site, &hashes);
        }
    }
    Ok(counts)
}

/// Flags of `dechaff profile`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to profile; `-` or nothing reads standard input (read as
    /// `dechaff clean` reads them).
    inputs: Vec<String>,
    /// Write the profile here (`-` for standard output).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    #[command(flatten)]
    threads: super::ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
    /// No summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// Runs `dechaff profile`.
pub fn run(args: Args) -> u8 {
    let targets = Targets {
        inputs: &args.inputs,
        output: Some(&args.output),
        directory: false,
        resume: false,
        manifest: None,
    };
    if let Err(message) = targets.check() {
        eprintln!("dechaff: {message}");
        return EXIT_USAGE_OR_OUTPUT;
    }
    let input_options = InputOptions {
        exclude: targets.exclusions(),
        ..args.input.options()
    };
    let mut reader = PageReader::new(&args.inputs, input_options);
    let counts = match count_pages(&mut reader, args.threads.count(), &args.input.page_limits()) {
        Ok(counts) => counts,
        Err(message) => {
            eprintln!("dechaff: {message}");
            return EXIT_USAGE_OR_OUTPUT;
        }
    };
    if let Err(error) = write_profile(&counts, &args.output) {
        eprintln!(
            "dechaff: cannot write profile {}: {error}",
            args.output.display()
        );
        return EXIT_USAGE_OR_OUTPUT;
    }
    if !args.quiet {
        eprintln!(
            "dechaff: profiled {} pages of {} sites ({} with at least {} pages)",
            counts.sites.values().map(|site| site.pages).sum::<u64>(),
            counts.sites.len(),
            counts.sites_with_pages(PROFILE_MIN_PAGES),
            PROFILE_MIN_PAGES,
        );
    }
    EXIT_OK
}

/// Writes the profile to standard output, or to a temporary file renamed onto `path`.
fn write_profile(counts: &Counts, path: &Path) -> io::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = BufWriter::new(io::stdout().lock());
        counts.write(&mut out)?;
        return out.flush();
    }
    let mut out = BufWriter::new(temporary_file_beside(path)?);
    counts.write(&mut out)?;
    let temporary = out.into_inner().map_err(|e| e.into_error())?;
    persist(temporary, path)
}
