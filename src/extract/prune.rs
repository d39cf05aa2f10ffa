//! The drop mask: which nodes are page furniture, decided top-down from tags, attributes,
//! class/id vocabulary and link density.

use super::dom::{FlatDom, Kind, NO_PARENT};
use super::names;
use crate::vocab::{
    Preset, BOILERPLATE_ROLES, CLASS_EXEMPT_TAGS, CONTAINER_MIN_CHARS, CONTAINER_TEXT_SHARE,
    DISCARD_TAGS, FURNITURE_TAGS, LINK_DENSITY_MIN_CHARS, NOSCRIPT_CONTENT_CHARS,
};

/// Tags whose text blocks may be dropped for being mostly links.
const LINK_LIST_TAGS: &[&str] = &["ul", "ol", "li", "p", "div", "section", "table", "dl"];

/// What the drop mask lets through besides the article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MaskPolicy {
    /// Thresholds of the chosen preset.
    pub preset: Preset,
    /// Keep comment sections (for extracting them), instead of dropping them as furniture.
    pub keep_comments: bool,
}

/// `true` for every node that is not part of any article.
pub fn drop_mask(dom: &FlatDom, policy: &MaskPolicy) -> Vec<bool> {
    let total_text = dom.text_chars.first().copied().unwrap_or(0).max(1) as f32;
    let mut dropped = vec![false; dom.len()];
    for index in 0..dom.len() {
        let node = &dom.nodes[index];
        if node.parent != NO_PARENT && dropped[node.parent] {
            dropped[index] = true;
            continue;
        }
        let Kind::Element(element) = node.kind else {
            continue;
        };
        let tag = element.name();
        // An element holding most of the page's text is a page-wide container, whatever its
        // tag, role or class say (an unclosed <header> swallows the whole page).
        let container = dom.text_chars[index] >= CONTAINER_MIN_CHARS
            && dom.text_chars[index] as f32 / total_text > CONTAINER_TEXT_SHARE;
        let furniture = FURNITURE_TAGS.contains(&tag)
            || element.attr("role").is_some_and(|role| {
                BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
            })
            || (!CLASS_EXEMPT_TAGS.contains(&tag) && is_boilerplate_by_name(element, policy));
        dropped[index] = DISCARD_TAGS.contains(&tag)
            || (tag == "noscript" && (dom.text_chars[index] as usize) < NOSCRIPT_CONTENT_CHARS)
            || is_hidden(element)
            || (furniture && !container)
            || (LINK_LIST_TAGS.contains(&tag)
                && (dom.text_chars[index] as usize) < LINK_DENSITY_MIN_CHARS
                && dom.link_density(index) > policy.preset.max_link_density);
    }
    dropped
}

/// The outermost elements that are comment sections, in document order.
pub fn comment_sections(dom: &FlatDom, dropped: &[bool]) -> Vec<usize> {
    let mut sections = Vec::new();
    let mut index = 0;
    while index < dom.len() {
        let is_section = !dropped[index]
            && dom.nodes[index].element().is_some_and(|element| {
                !CLASS_EXEMPT_TAGS.contains(&element.name())
                    && names::COMMENTS.matches_element(element)
            });
        if is_section {
            sections.push(index);
            index = dom.nodes[index].end;
        } else {
            index += 1;
        }
    }
    sections
}

/// Characters of text in each subtree that the drop mask keeps.
pub fn kept_chars(dom: &FlatDom, dropped: &[bool]) -> Vec<u32> {
    let mut kept = vec![0u32; dom.len()];
    for index in (0..dom.len()).rev() {
        if dropped[index] {
            kept[index] = 0;
            continue;
        }
        if let Kind::Text(_) = dom.nodes[index].kind {
            kept[index] = dom.text_chars[index];
        }
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT {
            kept[parent] += kept[index];
        }
    }
    kept
}

/// Hidden by attribute or inline style.
fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    if element
        .attr("aria-hidden")
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Whether the element's class or id names page furniture and not article content.
fn is_boilerplate_by_name(element: &scraper::node::Element, policy: &MaskPolicy) -> bool {
    let furniture = names::BOILERPLATE.matches_element(element)
        || (!policy.keep_comments && names::COMMENTS.matches_element(element));
    furniture && !names::CONTENT.matches_element(element)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    const BALANCED: MaskPolicy = MaskPolicy {
        preset: Preset::BALANCED,
        keep_comments: false,
    };

    fn dropped_texts(html: &str) -> Vec<String> {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let mask = drop_mask(&dom, &BALANCED);
        dom.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, node)| match node.kind {
                Kind::Text(text) if mask[i] => Some(text.trim().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn drops_furniture_keeps_content() {
        let dropped = dropped_texts(
            "<body class='has-sidebar'><nav>Home</nav><div class=share-bar>Tweet</div>\
             <div style='display: none'>Secret</div><div aria-hidden=true>Icon</div>\
             <div class='article-body share-enabled'><p>Kept paragraph.</p></div></body>",
        );
        assert_eq!(dropped, ["Home", "Tweet", "Secret", "Icon"]);
    }

    #[test]
    fn link_lists_are_dropped() {
        let dropped = dropped_texts(
            "<body><ul><li><a href=a>One</a></li><li><a href=b>Two</a></li></ul>\
             <p>Prose with a <a href=c>link</a> in the middle of a sentence.</p></body>",
        );
        assert_eq!(dropped, ["One", "Two"]);
    }
}
