//! The article's region: a semantic container that the page itself marks as its main content,
//! when one holds enough of the page's text.

use super::dom::FlatDom;
use crate::extract::dom::AttributeExt;
use crate::vocab::{
    GRID_PROSE_MIN_CHARS, REGION_MIN_CHARS, REGION_MIN_PROSE_SHARE, REGION_MIN_SHARE,
    REGION_PROSE_PAGE_MIN_CHARS,
};

/// The node whose subtree holds the article: `itemprop=articleBody`, else a lone `<article>`,
/// else `<main>` or `role=main`, each only if it keeps enough text and enough of the page's
/// prose; else `fallback`.
pub fn main_region(dom: &FlatDom, dropped: &[bool], kept: &[u32], fallback: usize) -> usize {
    let total = kept[fallback] as f32;
    // Weighed only for a container that keeps enough text, so most pages never count it.
    let mut page_prose = None;
    let mut big_enough = |index: usize| {
        !dropped[index]
            && kept[index] as usize >= REGION_MIN_CHARS
            && kept[index] as f32 >= REGION_MIN_SHARE * total
            && {
                let page = *page_prose.get_or_insert_with(|| prose_chars(dom, dropped, fallback));
                page < REGION_PROSE_PAGE_MIN_CHARS
                    || prose_chars(dom, dropped, index) as f32
                        >= REGION_MIN_PROSE_SHARE * page as f32
            }
    };
    let elements = || {
        dom.nodes
            .iter()
            .enumerate()
            .filter_map(|(index, node)| node.element().map(|element| (index, element)))
    };
    let article_body = elements()
        .filter(|(_, e)| {
            e.attribute("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        })
        .map(|(i, _)| i)
        .find(|&i| big_enough(i));
    if let Some(index) = article_body {
        return index;
    }
    let articles: Vec<usize> = elements()
        .filter(|(i, e)| e.name() == "article" && !dropped[*i] && kept[*i] > 0)
        .map(|(i, _)| i)
        .collect();
    if let [article] = articles[..] {
        if big_enough(article) {
            return article;
        }
    }
    elements()
        .filter(|(_, e)| {
            e.name() == "main"
                || e.attribute("role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        })
        .map(|(i, _)| i)
        .find(|&i| big_enough(i))
        .unwrap_or(fallback)
}

/// Non-link characters of the kept prose paragraphs (`<p>`s of at least
/// [`GRID_PROSE_MIN_CHARS`] non-link characters) in a subtree.
fn prose_chars(dom: &FlatDom, dropped: &[bool], root: usize) -> u32 {
    (root..dom.nodes[root].end)
        .filter(|&index| !dropped[index] && dom.nodes[index].tag() == Some("p"))
        .map(|index| dom.text_chars[index].saturating_sub(dom.link_chars[index]))
        .filter(|&chars| chars >= GRID_PROSE_MIN_CHARS)
        .sum()
}
