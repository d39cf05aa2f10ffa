//! The per-page HTML engine: which parts of a parsed document are the article, and their text.
//!
//! 1. [`dom::FlatDom`] annotates every node with its text and link-text length.
//! 2. [`prune`] marks page furniture (hidden elements, navigation, sharing, comments, ads, …)
//!    in a drop mask, using the vocabularies of [`crate::vocab`].
//! 3. [`score`] lets paragraphs vote for their containers (Readability's idea) and picks the
//!    best container and its worthy siblings.
//! 4. [`serialize`] writes the kept nodes as paragraphs of text and, when asked, [`markdown`]
//!    writes the same kept nodes as Markdown.

pub mod dom;
mod markdown;
mod prune;
mod score;
mod serialize;

use scraper::Html;

use crate::vocab::MIN_ARTICLE_CHARS;
use dom::FlatDom;
pub use markdown::{plain_text_markdown, without_leading_title};

/// Settings of the HTML extractor. Later presets (precision, recall) live here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Also write the article as Markdown ([`Article::markdown`]), from the same kept nodes as
    /// the text.
    pub markdown: bool,
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The article text, paragraphs separated by a blank line.
    pub text: String,
    /// The same article as Markdown; `None` unless [`ExtractOptions::markdown`] asked for it.
    pub markdown: Option<String>,
}

/// Extracts the article from a parsed HTML document.
///
/// ```
/// use dechaff::extract::{extract, ExtractOptions};
/// let html = scraper::Html::parse_document(
///     "<body><div class=share>Share on X</div><article><p>It was a <em>bright</em> cold day in \
///      April, and the clocks were striking thirteen.</p></article><footer>© 2024</footer></body>",
/// );
/// let article = extract(&html, &ExtractOptions::default());
/// assert_eq!(article.text, "It was a bright cold day in April, and the clocks were striking thirteen.");
/// assert_eq!(article.markdown, None);
/// let article = extract(&html, &ExtractOptions { markdown: true });
/// assert_eq!(
///     article.markdown.as_deref(),
///     Some("It was a *bright* cold day in April, and the clocks were striking thirteen.")
/// );
/// ```
pub fn extract(document: &Html, options: &ExtractOptions) -> Article {
    let dom = FlatDom::new(document);
    let dropped = prune::drop_mask(&dom);
    let roots = score::article_roots(&dom, &dropped);
    let mut text = serialize::text_of(&dom, &dropped, &roots);
    let mut chosen = roots;
    if text.chars().count() < MIN_ARTICLE_CHARS {
        // The chosen container is too small to be the article: fall back to every block the
        // pruning kept, and take whichever answer says more.
        let body = dom.first_with_tag("body").unwrap_or(0);
        let everything = serialize::text_of(&dom, &dropped, &[body]);
        if everything.len() > text.len() {
            text = everything;
            chosen = vec![body];
        }
    }
    // The Markdown follows whichever roots gave the text, so both say the same.
    let markdown = options
        .markdown
        .then(|| markdown::markdown_of(&dom, &dropped, &chosen));
    Article { text, markdown }
}
