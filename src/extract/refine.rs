//! Trimming the region around the article's core: outside the best-scored container, only
//! blocks that read like content stay.

use super::dom::{FlatDom, Kind, NO_PARENT};
use crate::vocab::{BLOCK_TAGS, OUTSIDE_CORE_MAX_LINK_DENSITY, OUTSIDE_CORE_MIN_CHARS};

/// Drops the text of the blocks inside `region` but outside every `core` subtree that are
/// short or mostly links. A block is the nearest block-level ancestor of a text node; its
/// text and link text are summed over the text nodes that belong to it directly.
pub fn trim_outside_core(dom: &FlatDom, dropped: &mut [bool], region: usize, core: &[usize]) {
    let end = dom.nodes[region].end;
    let mut in_core = vec![false; end - region];
    for &root in core.iter().filter(|&&root| root >= region && root < end) {
        in_core[root - region..dom.nodes[root].end - region].fill(true);
    }
    let mut block_text = vec![0u32; end - region];
    let mut block_links = vec![0u32; end - region];
    let mut members: Vec<(usize, usize)> = Vec::new();
    for index in region..end {
        if dropped[index] || in_core[index - region] || dom.text_chars[index] == 0 {
            continue;
        }
        let Kind::Text(_) = dom.nodes[index].kind else {
            continue;
        };
        let mut block = region;
        let mut in_link = false;
        let mut ancestor = dom.nodes[index].parent;
        while ancestor != NO_PARENT && ancestor > region {
            let tag = dom.nodes[ancestor].tag().unwrap_or_default();
            in_link |= tag == "a";
            if BLOCK_TAGS.contains(&tag) {
                block = ancestor;
                break;
            }
            ancestor = dom.nodes[ancestor].parent;
        }
        block_text[block - region] += dom.text_chars[index];
        if in_link {
            block_links[block - region] += dom.text_chars[index];
        }
        members.push((index, block));
    }
    for (text_node, block) in members {
        let text = block_text[block - region];
        let density = block_links[block - region] as f32 / text.max(1) as f32;
        if (text as usize) < OUTSIDE_CORE_MIN_CHARS || density > OUTSIDE_CORE_MAX_LINK_DENSITY {
            dropped[text_node] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn short_and_linky_blocks_outside_the_core_go() {
        let document = Html::parse_document(
            "<body><div id=core><p>Core</p></div><p>Related: <a href=x>a long link text here \
             that goes on and on for many characters</a></p><p>Short line</p>\
             <p>A paragraph outside the core that is long enough to read like content, with \
             several clauses.</p></body>",
        );
        let dom = FlatDom::new(&document);
        let body = dom.first_with_tag("body").unwrap();
        let core = dom
            .nodes
            .iter()
            .position(|n| n.element().is_some_and(|e| e.attr("id") == Some("core")))
            .unwrap();
        let mut dropped = vec![false; dom.len()];
        trim_outside_core(&dom, &mut dropped, body, &[core]);
        let kept: Vec<&str> = dom
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match n.kind {
                Kind::Text(t) if !dropped[i] => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(kept.first(), Some(&"Core"));
        assert!(kept.iter().any(|t| t.starts_with("A paragraph outside")));
        assert!(!kept
            .iter()
            .any(|t| t.contains("Related") || t.contains("Short")));
    }
}
