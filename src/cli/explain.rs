//! `dechaff explain`: why each block of one page was kept or dropped.

use std::io::Write;
use std::path::PathBuf;

use super::clean::InputArgs;
use super::{PresetArgs, EXIT_FAILED, EXIT_OK, EXIT_USAGE_OR_OUTPUT};
use crate::explain::{decisions_used, explain_and_mark_page, explain_page, Explanation};
use crate::input::PageReader;
use crate::output::write_new_file;
use crate::page::Page;

/// Characters of a block's text shown in the table (the JSON lines carry all of it).
const EXCERPT_CHARS: usize = 72;

/// Characters of the element column in the table.
const ELEMENT_COLUMN: usize = 36;

/// Flags of `dechaff explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page: an HTML file (gzip, zstd), or a JSONL or WARC file whose first page (or the
    /// page `--id` names) is explained; `-` for stdin.
    #[arg(value_name = "PAGE")]
    page: String,
    /// Explain the page with this id (as `clean` writes it) in a JSONL or WARC input.
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Write one JSON object per block (`kept`, `decision`, `element`, `text`) instead of a
    /// table.
    #[arg(long)]
    json: bool,
    /// Also write a copy of the page with the dropped blocks struck through and labelled
    /// with their decision, to open in a browser (scripts left out). Never an existing file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[command(flatten)]
    preset: PresetArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `dechaff explain`.
pub fn run(args: Args) -> u8 {
    let mut options = args.preset.options();
    options.limits = args.input.page_limits();
    options.declared_format_wins = args.input.declares_page_format();
    let Some(page) = find_page(&args) else {
        return EXIT_FAILED;
    };
    let explanation = match &args.html {
        None => match explain_page(&page, &options) {
            Ok(explanation) => explanation,
            Err(error) => {
                eprintln!("dechaff: {}: {error}", page.id);
                return EXIT_FAILED;
            }
        },
        // With --html, a page that cannot be explained is reported as a copy that cannot be
        // written.
        Some(path) => {
            let written = explain_and_mark_page(&page, &options)
                .map_err(|error| error.to_string())
                .and_then(|(explanation, copy)| {
                    write_new_file(path, copy.as_bytes())
                        .map(|()| explanation)
                        .map_err(|error| format!("cannot write {}: {error}", path.display()))
                });
            match written {
                Ok(explanation) => explanation,
                Err(message) => {
                    eprintln!("dechaff: {message}");
                    return EXIT_USAGE_OR_OUTPUT;
                }
            }
        }
    };
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        write_json(&mut out, &explanation)
    } else {
        write_table(&mut out, &page, &explanation)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            eprintln!("dechaff: cannot write the explanation: {error}");
            EXIT_USAGE_OR_OUTPUT
        }
    }
}

/// The page to explain: the input's first page, or the one `--id` names.
fn find_page(args: &Args) -> Option<Page> {
    let inputs = [args.page.clone()];
    let mut pages = PageReader::new(&inputs, args.input.options());
    let found = match &args.id {
        Some(id) => pages.find(|page| &page.id == id),
        None => pages.next(),
    };
    if found.is_none() {
        match &args.id {
            Some(id) => eprintln!("dechaff: no page with id {id:?} in {}", args.page),
            None => eprintln!("dechaff: no page in {}", args.page),
        }
    }
    if let Some(Page {
        content: crate::page::Content::Failed(error),
        id,
        ..
    }) = &found
    {
        eprintln!("dechaff: {id}: {error}");
        return None;
    }
    found
}

fn write_json(out: &mut impl Write, explanation: &Explanation) -> std::io::Result<()> {
    for block in &explanation.blocks {
        serde_json::to_writer(&mut *out, block)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_table(
    out: &mut impl Write,
    page: &Page,
    explanation: &Explanation,
) -> std::io::Result<()> {
    let (kept, dropped) = explanation.chars();
    let kept_blocks = explanation.blocks.iter().filter(|b| b.kept).count();
    writeln!(out, "page     {}", page.id)?;
    writeln!(out, "region   {}", explanation.region)?;
    writeln!(
        out,
        "core     {} ({:.0} % of the region's text; blocks around it trimmed from {})",
        explanation.core.join(" + "),
        explanation.core_share * 100.0,
        match explanation.trim_share {
            share if share <= 0.0 => "any share".to_string(),
            share if share > 1.0 => "no share".to_string(),
            share => format!("{:.0} %", share * 100.0),
        }
    )?;
    if explanation.discussion_posts_kept {
        writeln!(out, "         a discussion: its posts are kept")?;
    }
    if explanation.second_look {
        writeln!(
            out,
            "         a second look: the first kept nothing, so class and id names were not trusted"
        )?;
    }
    writeln!(
        out,
        "kept     {kept} characters in {kept_blocks} blocks; dropped {dropped} in {}",
        explanation.blocks.len() - kept_blocks
    )?;
    writeln!(out)?;
    for block in &explanation.blocks {
        writeln!(
            out,
            "{:<4} {:<17} {:<width$} {}",
            if block.kept { "KEEP" } else { "drop" },
            block.decision,
            clipped(&block.element, ELEMENT_COLUMN, true),
            clipped(&block.text, EXCERPT_CHARS, false),
            width = ELEMENT_COLUMN,
        )?;
    }
    writeln!(out)?;
    for decision in decisions_used(explanation) {
        writeln!(out, "{:<22} {}", decision.code(), decision.meaning())?;
    }
    Ok(())
}

/// `text` cut to `most` characters with an ellipsis, keeping its end when `keep_end` (the
/// element itself ends a path).
fn clipped(text: &str, most: usize, keep_end: bool) -> String {
    let count = text.chars().count();
    if count <= most {
        return text.to_string();
    }
    if keep_end {
        let tail: String = text.chars().skip(count - (most - 1)).collect();
        format!("…{tail}")
    } else {
        let head: String = text.chars().take(most - 1).collect();
        format!("{head}…")
    }
}
