//! Speed of dechaff against what any extractor must pay (the floor) and against two Rust peers.
//!
//! `dechaff-speed compare DIR [--rounds N] [--only a,b,...]` loads every page of DIR into
//! memory, then times each extractor over all pages on one thread, interleaved round by round
//! (floor, tokenizer, arena, dechaff, dom_smoothie, rs-trafilatura; then again), so that machine
//! noise falls on all of them alike. It prints the median and fastest round of each. `tokenizer`
//! and `arena` are two lower floors (see `arena.rs`): html5ever's tokenizer alone, and html5ever
//! building a bare arena instead of scraper's tree.
//!
//! `dechaff-speed floor FILES_OR_DIR...` is the floor as a whole process: read each page from
//! disk, gunzip, decode, parse, walk the text once. It is the process that
//! `dechaff clean DIR -j 1 -o /dev/null` is compared against.
//!
//! See `docs/performance.md` for the commands and the figures measured with them.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dechaff::decode::decode;
use dechaff::engine::{clean_page, Options};
use dechaff::page::{Content, Page, PageFormat};
use dechaff::record::Status;

mod arena;

const USAGE: &str = "usage:
  dechaff-speed compare DIR [--rounds N] [--only floor,tokenizer,arena,dechaff,dom_smoothie,rs-trafilatura]
  dechaff-speed floor FILES_OR_DIR...";

/// The extractors `compare` times, in the order each round runs them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extractor {
    /// Decode, parse with scraper, one text walk: the cost every extractor pays.
    Floor,
    /// Decode, html5ever's tokenizer alone (tokens dropped): below any tree.
    Tokenizer,
    /// Decode, html5ever into a bare arena (no scraper tree), one text walk.
    Arena,
    /// `dechaff::engine::clean_page` with default options, plus the record's JSON line.
    Dechaff,
    /// dom_smoothie's Readability with the default config, taking its text content.
    DomSmoothie,
    /// rs-trafilatura's `extract` with default options, taking its text.
    RsTrafilatura,
}

impl Extractor {
    /// Every extractor, in round order.
    const ALL: [Extractor; 6] = [
        Extractor::Floor,
        Extractor::Tokenizer,
        Extractor::Arena,
        Extractor::Dechaff,
        Extractor::DomSmoothie,
        Extractor::RsTrafilatura,
    ];

    /// The name used in `--only` and in the table.
    fn name(self) -> &'static str {
        match self {
            Extractor::Floor => "floor",
            Extractor::Tokenizer => "tokenizer",
            Extractor::Arena => "arena",
            Extractor::Dechaff => "dechaff",
            Extractor::DomSmoothie => "dom_smoothie",
            Extractor::RsTrafilatura => "rs-trafilatura",
        }
    }

    /// Processes one page and returns the length of its output, or why it failed.
    fn run(self, page: &Page, options: &Options) -> Result<usize, String> {
        match self {
            Extractor::Floor => floor_page(page),
            Extractor::Tokenizer => tokenizer_page(page),
            Extractor::Arena => arena_page(page),
            Extractor::Dechaff => dechaff_page(page, options),
            Extractor::DomSmoothie => dom_smoothie_page(page),
            Extractor::RsTrafilatura => rs_trafilatura_page(page),
        }
    }
}

// The per-page functions are never inlined, so that a profile (callgrind's inclusive counts)
// shows each extractor's whole cost under its own name.

/// The floor on one page: decode, parse, one text walk.
#[inline(never)]
fn floor_page(page: &Page) -> Result<usize, String> {
    Ok(text_walk(&decoded(page)?))
}

/// html5ever's tokenizer alone on one decoded page.
#[inline(never)]
fn tokenizer_page(page: &Page) -> Result<usize, String> {
    Ok(arena::tokenize_only(&decoded(page)?))
}

/// html5ever into a bare arena on one decoded page, one text walk.
#[inline(never)]
fn arena_page(page: &Page) -> Result<usize, String> {
    Ok(arena::arena_text_walk(&decoded(page)?))
}

/// dechaff on one page: the whole engine and the record's JSON line.
#[inline(never)]
fn dechaff_page(page: &Page, options: &Options) -> Result<usize, String> {
    let record = clean_page(page, options);
    let line = record.to_json_line();
    match record.status {
        Status::Error => Err(record.error.unwrap_or_default()),
        _ => Ok(line.len()),
    }
}

/// dom_smoothie's Readability (default config) on one decoded page; its text content.
#[inline(never)]
fn dom_smoothie_page(page: &Page) -> Result<usize, String> {
    dom_smoothie::Readability::new(decoded(page)?, None, None)
        .and_then(|mut readability| readability.parse())
        .map(|article| article.text_content.len())
        .map_err(|error| error.to_string())
}

/// rs-trafilatura's `extract` (default options) on one decoded page; its text.
#[inline(never)]
fn rs_trafilatura_page(page: &Page) -> Result<usize, String> {
    rs_trafilatura::extract(&decoded(page)?)
        .map(|result| result.content_text.len())
        .map_err(|error| error.to_string())
}

/// The page decoded exactly as dechaff decodes it, so that every extractor pays the same.
fn decoded(page: &Page) -> Result<String, String> {
    match &page.content {
        Content::Bytes {
            bytes,
            content_type,
        } => Ok(decode(bytes, content_type.as_deref(), true, page.url.as_deref()).text),
        _ => Err("page has no bytes".into()),
    }
}

/// Parses `html` with scraper and sums the lengths of its text nodes in one walk.
fn text_walk(html: &str) -> usize {
    let document = scraper::Html::parse_document(html);
    document.root_element().text().map(str::len).sum()
}

/// One extractor's timings and output over the rounds.
struct Tally {
    /// Which extractor.
    extractor: Extractor,
    /// Wall seconds of each round over all pages.
    seconds: Vec<f64>,
    /// Sum of output lengths in the last round (printed so the work cannot be optimised away).
    output: usize,
    /// Pages that returned an error or panicked in the last round.
    failed: usize,
    /// The first failure seen, for the report.
    first_failure: Option<String>,
}

/// Runs the mode named by the first argument; a missing or unknown mode gives the usage (exit 2).
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("compare") => compare(&args[1..]),
        Some("floor") if args.len() > 1 => floor(&args[1..]),
        _ => usage(""),
    }
}

/// Prints `problem` (if any) and the usage message; exit status 2.
fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("dechaff-speed: {problem}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// The `compare` mode: see the crate documentation.
fn compare(args: &[String]) -> ExitCode {
    let mut dir = None;
    let mut rounds = 5usize;
    let mut chosen: Vec<Extractor> = Extractor::ALL.to_vec();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => rounds = n,
                _ => return usage("--rounds needs a positive number"),
            },
            "--only" => {
                let Some(list) = args.next() else {
                    return usage("--only needs a list of extractors");
                };
                let mut picked = Vec::new();
                for name in list.split(',') {
                    match Extractor::ALL.iter().find(|e| e.name() == name.trim()) {
                        Some(extractor) => picked.push(*extractor),
                        None => return usage(&format!("unknown extractor `{name}`")),
                    }
                }
                // Keep round order whatever order the list was given in.
                chosen.retain(|e| picked.contains(e));
            }
            _ if arg.starts_with('-') => return usage(&format!("unknown option `{arg}`")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return usage("compare takes one directory"),
        }
    }
    let Some(dir) = dir else {
        return usage("compare needs a directory");
    };
    let files = match page_files(&dir) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("dechaff-speed: cannot read {}: {error}", dir.display());
            return ExitCode::from(2);
        }
    };
    let pages: Vec<Page> = files
        .iter()
        .filter_map(|path| {
            let bytes = read_page(path)?;
            let name = path.display().to_string();
            Some(Page::from_bytes(
                name.clone(),
                name,
                PageFormat::Html,
                bytes,
            ))
        })
        .collect();
    if pages.is_empty() {
        eprintln!("dechaff-speed: no pages in {}", dir.display());
        return ExitCode::from(2);
    }
    let megabytes = pages.iter().map(Page::len).sum::<usize>() as f64 / 1e6;
    println!(
        "{} pages, {megabytes:.1} MB (after gunzip), one thread, {rounds} rounds",
        pages.len()
    );

    // Panics in a peer are counted, not printed page by page.
    std::panic::set_hook(Box::new(|_| {}));
    let options = Options::default();
    let mut tallies: Vec<Tally> = chosen
        .iter()
        .map(|&extractor| Tally {
            extractor,
            seconds: Vec::new(),
            output: 0,
            failed: 0,
            first_failure: None,
        })
        .collect();
    for _ in 0..rounds {
        for tally in &mut tallies {
            let (mut output, mut failed) = (0usize, 0usize);
            let started = Instant::now();
            for page in &pages {
                let result = catch_unwind(AssertUnwindSafe(|| tally.extractor.run(page, &options)))
                    .unwrap_or_else(|payload| Err(panic_message(payload.as_ref())));
                match result {
                    Ok(length) => output += length,
                    Err(why) => {
                        failed += 1;
                        tally.first_failure.get_or_insert_with(|| {
                            let why: String = why.chars().take(200).collect();
                            format!("{}: {why}", page.id)
                        });
                    }
                }
            }
            tally.seconds.push(started.elapsed().as_secs_f64());
            tally.output = std::hint::black_box(output);
            tally.failed = failed;
        }
    }
    let _ = std::panic::take_hook();

    let floor = tallies
        .iter()
        .find(|t| t.extractor == Extractor::Floor)
        .map(|t| median(&t.seconds));
    println!(
        "{:<15} {:>9} {:>9} {:>9} {:>7} {:>8} {:>7} {:>12}",
        "extractor", "median s", "min s", "pages/s", "MB/s", "x floor", "failed", "output bytes"
    );
    for tally in &tallies {
        let middle = median(&tally.seconds);
        let fastest = tally.seconds.iter().copied().fold(f64::INFINITY, f64::min);
        let ratio = floor.map_or("-".to_string(), |f| format!("{:.2}", middle / f));
        println!(
            "{:<15} {:>9.3} {:>9.3} {:>9.1} {:>7.2} {:>8} {:>7} {:>12}",
            tally.extractor.name(),
            middle,
            fastest,
            pages.len() as f64 / middle,
            megabytes / middle,
            ratio,
            tally.failed,
            tally.output
        );
    }
    for tally in &tallies {
        if let Some(first) = &tally.first_failure {
            println!("{} first failure: {first}", tally.extractor.name());
        }
    }
    ExitCode::SUCCESS
}

/// The `floor` mode: see the crate documentation.
fn floor(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            match page_files(path) {
                Ok(found) => files.extend(found),
                Err(error) => eprintln!("dechaff-speed: cannot read {}: {error}", path.display()),
            }
        } else {
            files.push(path.to_path_buf());
        }
    }
    let (mut pages, mut text) = (0usize, 0usize);
    for path in &files {
        if let Some(bytes) = read_page(path) {
            pages += 1;
            text += text_walk(&decode(&bytes, None, true, None).text);
        }
    }
    println!("{pages} pages, {text} bytes of text");
    if pages == 0 {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The `*.html` and `*.html.gz` files directly in `dir`, sorted by name.
fn page_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.to_string_lossy();
            path.is_file() && (name.ends_with(".html") || name.ends_with(".html.gz"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The bytes of one page, gunzipped when its name ends in `.gz`; a file that cannot be read is
/// reported and skipped.
fn read_page(path: &Path) -> Option<Vec<u8>> {
    let read = || -> std::io::Result<Vec<u8>> {
        let file = std::fs::File::open(path)?;
        let mut bytes = Vec::new();
        if path.extension().is_some_and(|e| e == "gz") {
            flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)?;
        } else {
            std::io::BufReader::new(file).read_to_end(&mut bytes)?;
        }
        Ok(bytes)
    };
    match read() {
        Ok(bytes) => Some(bytes),
        Err(error) => {
            eprintln!("dechaff-speed: skipping {}: {error}", path.display());
            None
        }
    }
}

/// The text of a panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into());
    format!("panic: {text}")
}

/// The median of `values` (the mean of the two middle ones for an even count).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    }
}
