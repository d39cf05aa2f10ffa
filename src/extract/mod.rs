//! The per-page HTML engine: which parts of a parsed document are the article, and their text.
//!
//! 1. [`dom::FlatDom`] annotates every node with its text and link-text length.
//! 2. [`prune`] marks page furniture (hidden elements, navigation, sharing, comments, ads, …)
//!    in a drop mask, using the vocabularies of [`crate::vocab`].
//! 3. [`score`] lets paragraphs vote for their containers (Readability's idea) and picks the
//!    best container and its worthy siblings.
//! 4. [`serialize`] writes the kept nodes as paragraphs of text.

pub mod dom;
mod prune;
mod refine;
mod region;
mod score;
mod serialize;

use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink};

use crate::vocab::MIN_ARTICLE_CHARS;
use dom::FlatDom;

/// Settings of the HTML extractor. Later presets (precision, recall) live here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractOptions {}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The article text, paragraphs separated by a blank line.
    pub text: String,
}

/// Parses an HTML document as a browser with scripting disabled would: the content of
/// `<noscript>` becomes elements, which is where some sites serve their whole content.
///
/// ```
/// let html = dechaff::extract::parse("<noscript><p>Shown without scripts</p></noscript>");
/// let p = scraper::Selector::parse("noscript p").unwrap();
/// assert_eq!(html.select(&p).count(), 1);
/// ```
pub fn parse(html: &str) -> Html {
    let options = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html)
}

/// Extracts the article from a parsed HTML document.
///
/// ```
/// use dechaff::extract::{extract, ExtractOptions};
/// let html = scraper::Html::parse_document(
///     "<body><div class=share>Share on X</div><article><p>It was a bright cold day in April, \
///      and the clocks were striking thirteen.</p></article><footer>© 2024</footer></body>",
/// );
/// let article = extract(&html, &ExtractOptions::default());
/// assert_eq!(article.text, "It was a bright cold day in April, and the clocks were striking thirteen.");
/// ```
pub fn extract(document: &Html, _options: &ExtractOptions) -> Article {
    let dom = FlatDom::new(document);
    let mut dropped = prune::drop_mask(&dom);
    let body = dom.first_with_tag("body").unwrap_or(0);
    let kept = prune::kept_chars(&dom, &dropped);
    let mode = std::env::var("DECHAFF_MODE").unwrap_or_else(|_| "share".into());
    let roots = match Ok::<&str, ()>(mode.as_str()) {
        Ok("score") => score::article_roots(&dom, &dropped),
        Ok("body") => vec![body],
        Ok("trim") => {
            let region = region::main_region(&dom, &dropped, &kept, body);
            let core = score::article_roots(&dom, &dropped);
            refine::trim_outside_core(&dom, &mut dropped, region, &core);
            vec![region]
        }
        Ok("trimbody") => {
            let region = region::main_region(&dom, &dropped, &kept, body);
            if region == body {
                let core = score::article_roots(&dom, &dropped);
                refine::trim_outside_core(&dom, &mut dropped, region, &core);
            }
            vec![region]
        }
        Ok(share) if share.starts_with("share") => {
            let threshold: f32 = share[5..].parse().unwrap_or(0.55);
            let region = region::main_region(&dom, &dropped, &kept, body);
            let core = score::article_roots(&dom, &dropped);
            let core_chars: u32 = core.iter().filter(|&&c| c >= region && c < dom.nodes[region].end).map(|&c| kept[c]).sum();
            if core_chars as f32 >= threshold * kept[region] as f32 {
                refine::trim_outside_core(&dom, &mut dropped, region, &core);
            }
            vec![region]
        }
        _ => vec![region::main_region(&dom, &dropped, &kept, body)],
    };
    let mut text = serialize::text_of(&dom, &dropped, &roots);
    if text.chars().count() < MIN_ARTICLE_CHARS {
        // The chosen container is too small to be the article: fall back to every block the
        // pruning kept, and take whichever answer says more.
        let everything = serialize::text_of(&dom, &dropped, &[body]);
        if everything.len() > text.len() {
            text = everything;
        }
    }
    Article { text }
}

/// The drop mask of a document, for debugging tools.
#[doc(hidden)]
pub fn debug_drop_mask(dom: &FlatDom) -> Vec<bool> {
    prune::drop_mask(dom)
}
