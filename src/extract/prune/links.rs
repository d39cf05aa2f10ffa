//! Link lists: dense blocks of links outside the article's prose, table cells that are
//! columns of links, and the grid items that are a listing page's content instead.

use super::sections::page_headers;
use super::{MaskPolicy, Prose, Reason};
use crate::extract::dom::{FlatDom, Kind, NO_PARENT};
use crate::vocab::{
    DENSE_LINK_LIST_DENSITY, DENSE_LINK_LIST_MAX_CHARS, DENSE_LINK_LIST_PROSE_RATIO,
    GRID_MIN_ITEMS, GRID_MIN_SHARE, GRID_PROSE_MIN_CHARS, LINK_COLUMN_MIN_LINKS,
    LINK_DENSITY_MIN_CHARS, LINK_LIST_TAGS,
};
use std::collections::HashMap;

/// Drops the longer blocks of nearly nothing but links (teaser rails, "most read" boxes, link
/// grids) before the article's first paragraph of prose or after its last, on a page with much
/// more prose than they hold together (see [`DENSE_LINK_LIST_DENSITY`]). Between paragraphs of
/// prose, such blocks are cards of a landing page's content.
pub(crate) fn drop_dense_link_lists(dom: &FlatDom, dropped: &mut [bool]) {
    let prose = Prose::new(dom);
    let is_prose = |index: usize| {
        !dropped[index]
            && dom.nodes[index].tag() == Some("p")
            && prose.non_link[index] >= GRID_PROSE_MIN_CHARS
    };
    let Some(first_prose) = (0..dom.len()).find(|&i| is_prose(i)) else {
        return;
    };
    let last_prose = (0..dom.len())
        .rev()
        .find(|&i| is_prose(i))
        .unwrap_or(first_prose);
    let mut lists = Vec::new();
    let mut index = 0;
    while index < dom.len() {
        let node_end = dom.nodes[index].end;
        if dropped[index] {
            index = node_end;
            continue;
        }
        let dense = (node_end <= first_prose || index > last_prose)
            && dom.nodes[index]
                .tag()
                .is_some_and(|tag| LINK_LIST_TAGS.contains(&tag))
            && dom.text_chars[index] < DENSE_LINK_LIST_MAX_CHARS
            && dom.link_density(index) >= DENSE_LINK_LIST_DENSITY;
        if dense {
            lists.push(index);
            index = node_end;
        } else {
            index += 1;
        }
    }
    let list_chars: u32 = lists.iter().map(|&list| dom.text_chars[list]).sum();
    if prose.page_paragraphs as f32 >= DENSE_LINK_LIST_PROSE_RATIO * list_chars as f32 {
        for list in lists {
            dropped[list..dom.nodes[list].end].fill(true);
        }
    }
}

/// Link lists that are really the page's content: repeated cards of a product grid or a
/// teaser list, outweighing the page's prose (see [`GRID_MIN_ITEMS`], [`GRID_MIN_SHARE`]).
pub(super) fn grid_items(dom: &FlatDom, reasons: &[Reason], prose: &Prose) -> Vec<usize> {
    let mut groups: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    let mut headers = page_headers(dom);
    for index in 0..dom.len() {
        if reasons[index] != Reason::LinkList || headers.get(index) == Some(true) {
            continue;
        }
        let mut path = Vec::with_capacity(4);
        let mut node = index;
        while node != NO_PARENT && path.len() < 4 {
            if let Some(tag) = dom.nodes[node].tag() {
                path.push(tag);
            }
            node = dom.nodes[node].parent;
        }
        groups.entry(path).or_default().push(index);
    }
    let items: Vec<usize> = groups
        .into_values()
        .filter(|items| items.len() >= GRID_MIN_ITEMS)
        .flatten()
        .collect();
    let grid_text: u64 = items.iter().map(|&i| u64::from(dom.text_chars[i])).sum();
    let kept_text: u64 = (0..dom.len())
        .filter(|&i| reasons[i] == Reason::Kept && matches!(dom.nodes[i].kind, Kind::Text(_)))
        .map(|i| u64::from(dom.text_chars[i]))
        .sum();
    let mut in_items = vec![false; dom.len()];
    for &item in &items {
        in_items[item..dom.nodes[item].end].fill(true);
    }
    let page_prose: u64 = (0..dom.len())
        .filter(|&i| {
            reasons[i] == Reason::Kept
                && !in_items[i]
                && dom.nodes[i].tag() == Some("p")
                && prose.non_link[i] >= GRID_PROSE_MIN_CHARS
        })
        .map(|i| u64::from(prose.non_link[i]))
        .sum();
    let outweighs =
        grid_text as f32 >= GRID_MIN_SHARE * kept_text as f32 && page_prose <= grid_text;
    if outweighs && grid_text > 0 {
        items
    } else {
        Vec::new()
    }
}

/// Whether this table cell is a column of links, as table layouts set their navigation: at
/// least [`LINK_COLUMN_MIN_LINKS`] links (a data table's cell holds one).
pub(super) fn is_link_column(dom: &FlatDom, index: usize) -> bool {
    (dom.text_chars[index] as usize) < LINK_DENSITY_MIN_CHARS
        && (index..dom.nodes[index].end)
            .filter(|&at| dom.nodes[at].tag() == Some("a"))
            .nth(LINK_COLUMN_MIN_LINKS - 1)
            .is_some()
}

/// A list item whose list is mostly prose: its links are references in running text.
pub(super) fn in_prose_list(dom: &FlatDom, index: usize, policy: &MaskPolicy) -> bool {
    let parent = dom.nodes[index].parent;
    parent != NO_PARENT && dom.link_density(parent) < policy.preset.max_link_density
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn dense_link_lists_go_outside_the_prose_but_stay_between_it() {
        let paragraph =
            "<p>A paragraph of article prose, long enough to count as the prose of this page, and then some more.</p>";
        let rail =
            "<div><a href=a>First teaser headline</a> <a href=b>Second teaser headline</a></div>";
        let page = format!("<body>{paragraph}{paragraph}{rail}{paragraph}{paragraph}{paragraph}{paragraph}{rail}</body>");
        let document = Html::parse_document(&page);
        let dom = FlatDom::new(&document);
        let mut dropped = vec![false; dom.len()];
        drop_dense_link_lists(&dom, &mut dropped);
        let rails: Vec<bool> = (0..dom.len())
            .filter(|&i| dom.nodes[i].tag() == Some("div"))
            .map(|i| dropped[i])
            .collect();
        assert_eq!(rails, [false, true]);
    }
}
