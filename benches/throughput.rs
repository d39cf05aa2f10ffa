//! Single-thread throughput of the engine against a parse-only baseline, in one run.
//!
//! The baseline is what any extractor must pay: decode the page, parse it with html5ever and
//! walk the tree once collecting its text. `clean` is the whole per-page engine
//! (`engine::clean_page`: decode, parse, metadata, extraction, record). Pages are read into
//! memory first, so neither figure includes disk or decompression time.
//!
//! Usage: `cargo bench --bench throughput -- [PAGES_DIR] [ROUNDS]`
//! (default `../shared/bench/wcxb-dev/pages`, 3 rounds; the best round of each is reported).

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use dechaff::decode::decode;
use dechaff::engine::{clean_page, Options};
use dechaff::page::{Page, PageFormat};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/bench/wcxb-dev/pages".into()),
    );
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut pages = Vec::new();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(error) => {
            eprintln!("cannot read {}: {error}", dir.display());
            std::process::exit(2);
        }
    };
    entries.sort();
    for path in entries {
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let mut bytes = Vec::new();
        let read = if path.extension().is_some_and(|e| e == "gz") {
            flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)
        } else {
            std::io::BufReader::new(file).read_to_end(&mut bytes)
        };
        if read.is_ok() {
            let name = path.display().to_string();
            pages.push(Page::from_bytes(
                name.clone(),
                name,
                PageFormat::Html,
                bytes,
            ));
        }
    }
    let megabytes: f64 = pages.iter().map(|p| p.len() as f64).sum::<f64>() / 1e6;
    println!(
        "{} pages, {:.1} MB, one thread, best of {rounds} rounds",
        pages.len(),
        megabytes
    );

    let parse_only = best_of(rounds, || {
        let mut chars = 0usize;
        for page in &pages {
            if let dechaff::page::Content::Bytes { bytes, .. } = &page.content {
                let text = decode(bytes, None, true, None).text;
                let document = scraper::Html::parse_document(&text);
                chars += document.root_element().text().map(str::len).sum::<usize>();
            }
        }
        chars
    });
    let options = Options::default();
    let clean = best_of(rounds, || {
        pages
            .iter()
            .map(|page| clean_page(page, &options).words)
            .sum()
    });

    let rate = |seconds: f64| pages.len() as f64 / seconds;
    println!(
        "parse only  {:8.1} pages/s  {:6.1} MB/s",
        rate(parse_only),
        megabytes / parse_only
    );
    println!(
        "clean       {:8.1} pages/s  {:6.1} MB/s",
        rate(clean),
        megabytes / clean
    );
    println!(
        "clean runs at {:.0} % of the parse-only rate",
        100.0 * parse_only / clean
    );
}

/// Best wall time in seconds of `rounds` runs of `work`; its result is kept alive so the
/// work cannot be optimised away.
fn best_of(rounds: usize, mut work: impl FnMut() -> usize) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        std::hint::black_box(work());
        best = best.min(started.elapsed().as_secs_f64());
    }
    best
}
