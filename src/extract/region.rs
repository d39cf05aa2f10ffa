//! The article's region: a semantic container that the page itself marks as its main content,
//! when one holds enough of the page's text.

use super::dom::FlatDom;
use crate::extract::dom::AttributeExt;
use crate::vocab::{REGION_MIN_CHARS, REGION_MIN_SHARE};

/// The node whose subtree holds the article: `itemprop=articleBody`, else a lone `<article>`,
/// else `<main>` or `role=main`, each only if it keeps enough text; else `fallback`.
pub fn main_region(dom: &FlatDom, dropped: &[bool], kept: &[u32], fallback: usize) -> usize {
    let total = kept[fallback] as f32;
    let big_enough = |index: usize| {
        !dropped[index]
            && kept[index] as usize >= REGION_MIN_CHARS
            && kept[index] as f32 >= REGION_MIN_SHARE * total
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
