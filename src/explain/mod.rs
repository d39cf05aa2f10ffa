//! Why each block of a page was kept or dropped: the extractor's decisions
//! ([`crate::extract::trace`]) laid out block by block in reading order, for `dechaff explain`.
//!
//! A dropped subtree is one block, named by the element the decision was made on; kept text is
//! one block per block-level element. With `--html`, [`marked`] writes a copy of the page with
//! the dropped blocks struck through and labelled.

pub mod marked;

use scraper::Html;
use serde::Serialize;

use crate::engine::{decoded_for_cleaning, Options};
use crate::error::PageError;
use crate::extract::dom::{AttributeExt, FlatDom, Kind, NO_PARENT};
use crate::extract::{trace, Decision, Trace};
use crate::page::{Page, PageFormat};
use crate::profile::site_key;
use crate::text::is_written_without_spaces;
use crate::vocab::{BLOCK_TAGS, TABLE_CELL_TAGS};

/// Ancestors named in an element's path, besides the element itself.
const PATH_ANCESTORS: usize = 2;

/// Class names shown per element in a path.
const PATH_CLASSES: usize = 2;

/// One block of the page in reading order, and what decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// Whether the block is part of the article.
    pub kept: bool,
    /// The decision's code ([`Decision::code`]).
    pub decision: &'static str,
    /// The element the decision was made on (for kept text, its block), as a short CSS path.
    pub element: String,
    /// The block's text, whitespace collapsed.
    pub text: String,
}

/// The decisions on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The region taken as the article's home, as a short CSS path.
    pub region: String,
    /// The article's core (the best-scored container and its worthy siblings).
    pub core: Vec<String>,
    /// The core's share of the region's kept text …
    pub core_share: f32,
    /// … and the share from which the blocks around it are trimmed.
    pub trim_share: f32,
    /// The page reads as a discussion, and its posts (`comment`/`reply` containers) were kept.
    pub discussion_posts_kept: bool,
    /// The first look kept nothing; this is the second, which does not trust class and id
    /// names.
    pub second_look: bool,
    /// Every block of text in reading order.
    pub blocks: Vec<Block>,
}

impl Explanation {
    /// Characters of text kept and dropped.
    pub fn chars(&self) -> (usize, usize) {
        let mut kept = 0;
        let mut dropped = 0;
        for block in &self.blocks {
            let chars = block.text.chars().count();
            if block.kept {
                kept += chars;
            } else {
                dropped += chars;
            }
        }
        (kept, dropped)
    }
}

/// Why a page cannot be explained.
#[derive(Debug, Clone, PartialEq)]
pub enum ExplainError {
    /// The page could not be read, decoded or parsed: the error its record would carry.
    Page(PageError),
    /// The page is a plain-text dump, which has no blocks.
    TextDump,
}

impl std::fmt::Display for ExplainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExplainError::Page(error) => write!(f, "{error}"),
            ExplainError::TextDump => {
                f.write_str("the page is a plain-text dump; explain reads HTML pages")
            }
        }
    }
}

impl std::error::Error for ExplainError {}

impl From<PageError> for ExplainError {
    fn from(error: PageError) -> Self {
        ExplainError::Page(error)
    }
}

/// Explains the extractor's decisions on one page, decoded and parsed as `dechaff clean`
/// does with the same options, the site profile included.
pub fn explain_page(page: &Page, options: &Options) -> Result<Explanation, ExplainError> {
    with_trace(page, options, |_, dom, trace| explanation(dom, trace))
}

/// A copy of the page with the dropped blocks struck through and labelled with their
/// decision ([`marked::marked_copy`]).
pub fn marked_page(page: &Page, options: &Options) -> Result<String, ExplainError> {
    with_trace(page, options, marked::marked_copy)
}

/// [`explain_page`] and [`marked_page`] from one parse of the page.
pub fn explain_and_mark_page(
    page: &Page,
    options: &Options,
) -> Result<(Explanation, String), ExplainError> {
    with_trace(page, options, |document, dom, trace| {
        (
            explanation(dom, trace),
            marked::marked_copy(document, dom, trace),
        )
    })
}

/// Decodes, parses and traces the page as `dechaff clean` would, and hands the result to
/// `view`.
fn with_trace<T>(
    page: &Page,
    options: &Options,
    view: impl FnOnce(&Html, &FlatDom, &Trace) -> T,
) -> Result<T, ExplainError> {
    let html = page_html(page, options)?;
    let document = crate::parse::parse_complete(&html, &options.limits)?;
    let dom = FlatDom::new(&document);
    let trace = traced(&dom, page, options);
    Ok(view(&document, &dom, &trace))
}

/// The page's HTML as `dechaff clean` decodes it.
fn page_html(page: &Page, options: &Options) -> Result<String, ExplainError> {
    let decoded = decoded_for_cleaning(page, options)?;
    if decoded.format != PageFormat::Html {
        return Err(ExplainError::TextDump);
    }
    Ok(decoded.text)
}

/// The trace of `dom` under `options`, without the blocks the page's site repeats when the
/// options carry a site profile.
fn traced(dom: &FlatDom, page: &Page, options: &Options) -> Trace {
    let blocks = options
        .profile
        .as_deref()
        .and_then(|profile| profile.boilerplate_of(&site_key(page.url.as_deref(), &page.source)));
    trace(dom, &options.extract, blocks)
}

/// Lays the trace out block by block.
fn explanation(dom: &FlatDom, trace: &Trace) -> Explanation {
    let mut blocks: Vec<Block> = Vec::new();
    // What the last block was grouped by: the deciding node of a dropped subtree, or the
    // block element of kept text.
    let mut open: Option<(bool, usize)> = None;
    let mut last_block_parent = NO_PARENT;
    let mut last_cell = None;
    // The head's title and metadata are not blocks of the page.
    let head = dom
        .first_with_tag("head")
        .map_or(0..0, |head| head..dom.nodes[head].end);
    for (index, node) in dom.nodes.iter().enumerate() {
        if head.contains(&index) {
            continue;
        }
        let Kind::Text(text) = node.kind else {
            // A line break keeps the words on either side apart, as in the text.
            if node.tag() == Some("br") {
                if let Some(block) = blocks.last_mut() {
                    push_collapsed(&mut block.text, " ");
                }
            }
            continue;
        };
        if text.trim().is_empty() {
            // Spacing between inline elements, which keeps their words apart.
            if let Some(block) = blocks.last_mut() {
                push_collapsed(&mut block.text, " ");
            }
            continue;
        }
        if dom.text_chars[index] == 0 {
            // Script and style text, never shown.
            continue;
        }
        let decision = trace.decision(index);
        let block_parent = block_of(dom, index);
        let key = if decision.is_kept() {
            (true, block_parent)
        } else {
            (false, trace.decided_at(index))
        };
        let continues = open == Some(key) && blocks.last().is_some();
        if !continues {
            let at = key.1;
            blocks.push(Block {
                kept: decision.is_kept(),
                decision: decision.code(),
                element: path(dom, at),
                text: String::new(),
            });
            open = Some(key);
        } else if block_parent != last_block_parent {
            push_separator(blocks.last_mut());
        }
        let same_block = continues && block_parent == last_block_parent;
        last_block_parent = block_parent;
        // Table cells are apart in the text, as the writer sets them (`Stage | Start`).
        let cell = cell_of(dom, index, block_parent);
        if same_block && cell != last_cell && cell.is_some() {
            if let Some(block) = blocks.last_mut() {
                let end = block.text.trim_end().len();
                block.text.truncate(end);
                block.text.push_str(" | ");
            }
        }
        last_cell = cell;
        if let Some(block) = blocks.last_mut() {
            push_collapsed(&mut block.text, text);
        }
    }
    for block in &mut blocks {
        let trimmed = block
            .text
            .trim_end_matches([' ', '·'])
            .trim_start()
            .to_string();
        block.text = trimmed;
    }
    blocks.retain(|block| !block.text.is_empty());
    // Kept paragraphs that the text leaves out as copies, matched as the writer counts them:
    // by their text and which occurrence of it they are.
    let mut occurrences: std::collections::HashMap<String, usize> = Default::default();
    for block in blocks.iter_mut().filter(|block| block.kept) {
        let occurrence = occurrences.entry(block.text.clone()).or_insert(0);
        if trace.copies.contains(&(block.text.clone(), *occurrence)) {
            block.kept = false;
            block.decision = Decision::Copy.code();
        }
        *occurrence += 1;
    }
    Explanation {
        region: path(dom, trace.region),
        core: trace.core.iter().map(|&root| path(dom, root)).collect(),
        core_share: trace.core_share,
        trim_share: trace.trim_share,
        discussion_posts_kept: trace.discussion_posts_kept,
        second_look: trace.second_look,
        blocks,
    }
}

/// The nearest block-level element holding node `index` (the node itself if it is one).
fn block_of(dom: &FlatDom, index: usize) -> usize {
    dom.ancestors(index)
        .find(|&at| {
            dom.nodes[at]
                .tag()
                .is_some_and(|tag| BLOCK_TAGS.contains(&tag))
        })
        .unwrap_or(index)
}

/// The table cell (`<td>`, `<th>`) holding node `index` inside its block, if any.
fn cell_of(dom: &FlatDom, index: usize, block: usize) -> Option<usize> {
    dom.ancestors(index)
        .take_while(|&at| at != block)
        .find(|&at| {
            dom.nodes[at]
                .tag()
                .is_some_and(|tag| TABLE_CELL_TAGS.contains(&tag))
        })
}

fn push_separator(block: Option<&mut Block>) {
    if let Some(block) = block {
        if !block.text.is_empty() && !block.text.ends_with(" · ") {
            block.text.push_str(" · ");
        }
    }
}

/// Appends `text` with its whitespace runs collapsed to one space, as the text writer does:
/// a line break between two characters of a script written without spaces (Chinese,
/// Japanese) is no space.
fn push_collapsed(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let (gap, after) = rest.split_at(start);
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        let (word, tail) = after.split_at(end);
        let joined = gap.contains('\n')
            && out.chars().last().is_some_and(is_written_without_spaces)
            && word.chars().next().is_some_and(is_written_without_spaces);
        if !gap.is_empty() && !joined && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
        rest = tail;
    }
    if !rest.is_empty() && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// A short CSS path of node `index`: the element with its id and first classes, after up to
/// `PATH_ANCESTORS` of its ancestors (`div#main > article.post > p`).
pub fn path(dom: &FlatDom, index: usize) -> String {
    let mut parts = Vec::new();
    let mut at = index;
    while at != NO_PARENT && parts.len() <= PATH_ANCESTORS {
        if let Some(element) = dom.nodes[at].element() {
            parts.push(selector(element));
            if matches!(element.name(), "body" | "html") {
                break;
            }
        }
        at = dom.nodes[at].parent;
    }
    if parts.is_empty() {
        return "#text".to_string();
    }
    parts.reverse();
    parts.join(" > ")
}

/// `tag#id.class.class` for one element.
fn selector(element: &scraper::node::Element) -> String {
    let mut out = element.name().to_string();
    if let Some(id) = element
        .attribute("id")
        .map(str::trim)
        .filter(|id| !id.is_empty())
    {
        out.push('#');
        out.push_str(id);
    }
    if let Some(class) = element.attribute("class") {
        for name in class.split_whitespace().take(PATH_CLASSES) {
            out.push('.');
            out.push_str(name);
        }
    }
    out
}

/// The decisions that occur in `explanation`, in the extractor's order, for a legend.
pub fn decisions_used(explanation: &Explanation) -> Vec<Decision> {
    Decision::ALL
        .into_iter()
        .filter(|decision| {
            explanation
                .blocks
                .iter()
                .any(|block| block.decision == decision.code())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(html: &str) -> Explanation {
        let page = Page::from_bytes("p", "p", PageFormat::Html, html.as_bytes().to_vec());
        explain_page(&page, &Options::default()).unwrap()
    }

    #[test]
    fn blocks_come_in_reading_order_with_their_decisions() {
        let story = "The harbour reopened on Monday after two years of repairs, and the first \
                     boats came in at dawn to a crowd that had waited on the quay since night.";
        let html = format!(
            "<body><nav class=menu><a href=/>Home</a> <a href=/news>News</a></nav>\
             <article><h1>Harbour reopens</h1><p>{story}</p><p>{story}</p>\
             <div class=share-buttons>Share on X</div></article>\
             <footer>© 2024 The Paper</footer></body>"
        );
        let explanation = explain(&html);
        let rows: Vec<(bool, &str, &str)> = explanation
            .blocks
            .iter()
            .map(|b| (b.kept, b.decision, b.element.as_str()))
            .collect();
        assert_eq!(rows[0], (false, "furniture", "body > nav.menu"));
        assert_eq!(explanation.blocks[0].text, "Home News");
        assert!(rows[1..4].iter().all(|row| row.0 && row.1 == "kept"));
        assert_eq!(explanation.blocks[1].text, "Harbour reopens");
        assert_eq!(rows[4].1, "furniture");
        assert!(rows[4].2.ends_with("div.share-buttons"));
        assert_eq!(rows[5].1, "furniture");
        assert_eq!(explanation.blocks[5].text, "© 2024 The Paper");
        assert_eq!(rows.len(), 6);
        let (kept, dropped) = explanation.chars();
        assert!(kept > 2 * story.len() && dropped < 60, "{kept} {dropped}");
    }

    #[test]
    fn the_explanation_keeps_what_clean_keeps() {
        let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/wcxb-dev");
        let mut seen = 0;
        for entry in std::fs::read_dir(samples).unwrap() {
            let mut html = String::new();
            let file = std::fs::File::open(entry.unwrap().path()).unwrap();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut html)
                .unwrap();
            seen += 1;
            let explanation = explain(&html);
            let kept: String = explanation
                .blocks
                .iter()
                .filter(|b| b.kept)
                .map(|b| b.text.replace(" · ", " "))
                .collect::<Vec<_>>()
                .join(" ");
            let document = crate::parse::parse(&html, &Default::default()).unwrap();
            let text = crate::extract::extract(&document, &Default::default()).text;
            let words = |s: &str| {
                s.split_whitespace()
                    .filter(|word| word.chars().any(char::is_alphanumeric))
                    .count()
            };
            // Copies the writer leaves out and spacing aside, the kept blocks are the text.
            let (a, b) = (words(&kept), words(&text));
            assert!(
                a.abs_diff(b) <= b / 50 + 5,
                "{a} kept words, {b} in the text"
            );
        }
        assert!(seen > 0);
    }
}
