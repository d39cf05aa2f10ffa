//! Trimming the region around the article's core: outside the best-scored container, only
//! blocks that read like content stay.

use super::dom::{FlatDom, Kind, NO_PARENT};
use super::names::Named;
use crate::extract::dom::AttributeExt;
use crate::vocab::{
    BLOCK_TAGS, HEADING_TAGS, OUTSIDE_CORE_MAX_LINK_DENSITY, OUTSIDE_CORE_MIN_CHARS,
    TEASER_CARD_MAX_CHARS, TEASER_CORE_MIN_CHARS, TEASER_EXCERPT_MAX_LINK_DENSITY,
    TEASER_EXCERPT_MIN_CHARS, TEASER_MAX_CORE_RATIO, TEASER_MIN_CARDS, TEASER_MIN_CARD_SHARE,
    TEASER_MIN_RUN,
};

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

/// Drops runs of teaser cards outside the article's core: sibling elements of one kind (same
/// tag and class) that each carry a heading linking elsewhere, with maybe an excerpt, a date or
/// an image — the "more stories" streams pages put before and after an article. Runs whose
/// parent holds or lies inside the core stay (a listing page's core is such a run), and so
/// does everything when the core is too short to be prose.
pub fn drop_teaser_runs(
    dom: &FlatDom,
    dropped: &mut [bool],
    kept: &[u32],
    region: usize,
    core: &[usize],
) {
    let end = dom.nodes[region].end;
    let core: Vec<usize> = core
        .iter()
        .copied()
        .filter(|&root| root >= region && root < end)
        .collect();
    let core_chars: u32 = core.iter().map(|&root| kept[root]).sum();
    if (core_chars as usize) < TEASER_CORE_MIN_CHARS {
        return;
    }
    let touches_core = |index: usize| {
        core.iter().any(|&root| {
            (root >= index && root < dom.nodes[index].end)
                || (index >= root && index < dom.nodes[root].end)
        })
    };
    let drops = teaser_runs(dom, dropped, kept, region, touches_core);
    let teaser_chars: u32 = drops.iter().map(|&index| kept[index]).sum();
    if teaser_chars as f32 > TEASER_MAX_CORE_RATIO * core_chars as f32 {
        return;
    }
    for index in drops {
        dropped[index] = true;
    }
}

/// The members of the runs of teaser cards inside `region` (see [`drop_teaser_runs`]), leaving
/// out runs whose parent `skip` names.
pub fn teaser_runs(
    dom: &FlatDom,
    dropped: &[bool],
    kept: &[u32],
    region: usize,
    skip: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let end = dom.nodes[region].end;
    let mut drops: Vec<usize> = Vec::new();
    // Runs nested inside a member of a run already taken go with it.
    let mut taken_until = region;
    for parent in region..end {
        if parent < taken_until
            || dropped[parent]
            || dom.nodes[parent].element().is_none()
            || kept[parent] == 0
        {
            continue;
        }
        let children: Vec<usize> = child_elements(dom, parent)
            .filter(|&child| !dropped[child] && kept[child] > 0)
            .collect();
        if children.len() < TEASER_MIN_RUN || skip(parent) {
            continue;
        }
        let mut groups: Vec<(&str, Option<&str>, Vec<usize>)> = Vec::new();
        for &child in &children {
            let Some(element) = dom.nodes[child].element() else {
                continue;
            };
            let key = (element.name(), element.attribute("class"));
            match groups
                .iter_mut()
                .find(|(tag, class, _)| *tag == key.0 && same_card_class(*class, key.1))
            {
                Some((_, _, members)) => members.push(child),
                None => groups.push((key.0, key.1, vec![child])),
            }
        }
        for (_, _, members) in groups {
            if members.len() < TEASER_MIN_RUN {
                continue;
            }
            let cards = members
                .iter()
                .filter(|&&member| is_teaser_card(dom, dropped, kept, member))
                .count();
            if cards >= TEASER_MIN_CARDS
                && cards as f32 >= TEASER_MIN_CARD_SHARE * members.len() as f32
            {
                if let Some(&last) = members.last() {
                    taken_until = taken_until.max(dom.nodes[last].end);
                }
                drops.extend(members);
            }
        }
    }
    drops
}

/// Whether two class lists name the same kind of card. Class tokens that carry a number are
/// the instance, not the kind (`post-4185`, `elementor-element-2949e15`, `item-3`), so they are
/// left out of the comparison.
fn same_card_class(a: Option<&str>, b: Option<&str>) -> bool {
    fn kind_tokens(class: Option<&str>) -> impl Iterator<Item = &str> {
        class
            .unwrap_or_default()
            .split_ascii_whitespace()
            .filter(|token| !token.bytes().any(|byte| byte.is_ascii_digit()))
    }
    kind_tokens(a).eq(kind_tokens(b))
}

/// The element children of `parent`.
fn child_elements<'d>(dom: &'d FlatDom, parent: usize) -> impl Iterator<Item = usize> + 'd {
    let end = dom.nodes[parent].end;
    let mut child = parent + 1;
    std::iter::from_fn(move || {
        while child < end {
            let current = child;
            child = dom.nodes[current].end;
            if dom.nodes[current].element().is_some() {
                return Some(current);
            }
        }
        None
    })
}

/// A short block with a heading (or an element named as a headline) that is mostly a link to
/// another page.
fn is_teaser_card(dom: &FlatDom, dropped: &[bool], kept: &[u32], item: usize) -> bool {
    if kept[item] == 0 || kept[item] as usize > TEASER_CARD_MAX_CHARS {
        return false;
    }
    let end = dom.nodes[item].end;
    let has_excerpt = (item + 1..end).any(|index| {
        !dropped[index]
            && dom.nodes[index]
                .tag()
                .is_some_and(|tag| !HEADING_TAGS.contains(&tag) && tag != "a")
            && kept[index] as usize >= TEASER_EXCERPT_MIN_CHARS
            && dom.link_density(index) < TEASER_EXCERPT_MAX_LINK_DENSITY
            && !(index..dom.nodes[index].end).any(|inner| {
                dom.nodes[inner]
                    .tag()
                    .is_some_and(|tag| HEADING_TAGS.contains(&tag))
            })
    });
    if !has_excerpt {
        return false;
    }
    let mut index = item + 1;
    while index < end {
        // A headline counts even when the pruning already took it as a short link block:
        // that is what a teaser's headline is.
        let is_heading = dom.nodes[index]
            .tag()
            .is_some_and(|tag| HEADING_TAGS.contains(&tag))
            || dom.named(index).has(Named::HEADLINE);
        if is_heading && dom.text_chars[index] > 0 && heading_links_away(dom, item, index) {
            return true;
        }
        if dropped[index] {
            index = dom.nodes[index].end;
            continue;
        }
        index += 1;
    }
    false
}

/// Whether most of the heading's text is one link to another page, the link inside the
/// heading or around it (within `item`).
fn heading_links_away(dom: &FlatDom, item: usize, heading: usize) -> bool {
    let links_away = |index: usize| {
        dom.nodes[index].element().is_some_and(|element| {
            element.name() == "a"
                && element.attribute("href").is_some_and(|href| {
                    !href.trim().is_empty() && !href.trim_start().starts_with('#')
                })
        })
    };
    let mut ancestor = dom.nodes[heading].parent;
    while ancestor != NO_PARENT && ancestor > item {
        if links_away(ancestor) {
            return true;
        }
        ancestor = dom.nodes[ancestor].parent;
    }
    (heading + 1..dom.nodes[heading].end)
        .any(|index| links_away(index) && dom.text_chars[index] * 2 >= dom.text_chars[heading])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::Visit;
    use scraper::Html;

    /// The first element whose attribute `name` is `value`.
    fn element_with(dom: &FlatDom, name: &str, value: &str) -> usize {
        dom.nodes
            .iter()
            .position(|n| {
                n.element()
                    .is_some_and(|e| e.attribute(name) == Some(value))
            })
            .unwrap()
    }

    /// The text kept under `root`.
    fn kept_text(dom: &FlatDom, dropped: &[bool], root: usize) -> String {
        let mut text = String::new();
        dom.walk_kept(dropped, root, |visit| {
            if let Visit::Text(t) = visit {
                text.push_str(t);
            }
        });
        text
    }

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
        let core = element_with(&dom, "id", "core");
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

    #[test]
    fn teaser_runs_outside_a_prose_core_go_listing_runs_stay() {
        let prose =
            "A paragraph of the article, long enough to read as prose, with clauses. ".repeat(4);
        let card = |n: usize| {
            format!(
                "<div class=card><span class=date>3 May</span><h3><a href=/story-{n}>Story \
                 number {n}</a></h3><p>The excerpt of another story, cut short after a \
                 sentence or two of its opening lines…</p></div>"
            )
        };
        let cards: String = (0..3).map(card).collect();
        let html = format!(
            "<body><div id=core><p>{prose}</p><p>{prose}</p><p>{prose}</p><p>{prose}</p></div>\
             <div class=more>{cards}</div></body>"
        );
        let document = Html::parse_document(&html);
        let dom = FlatDom::new(&document);
        let body = dom.first_with_tag("body").unwrap();
        let core = element_with(&dom, "id", "core");
        let mut dropped = vec![false; dom.len()];
        let kept = crate::extract::prune::kept_chars(&dom, &dropped);
        drop_teaser_runs(&dom, &mut dropped, &kept, body, &[core]);
        let text = kept_text(&dom, &dropped, body);
        assert!(text.contains("A paragraph of the article"));
        assert!(!text.contains("Story number") && !text.contains("excerpt"));

        // Cards whose classes carry their post number, with headlines set as plain blocks
        // that the pruning already took as link lines, are one run all the same.
        let numbered: String = (0..3)
            .map(|n| {
                format!(
                    "<article class=\"teaser post-{n}\"><div class=title><a href=/story-{n}>\
                     Story number {n}</a></div><div class=body>The excerpt of another story, \
                     cut short after a sentence or two of its opening lines…</div></article>"
                )
            })
            .collect();
        let html = format!(
            "<body><div id=core><p>{prose}</p><p>{prose}</p><p>{prose}</p><p>{prose}</p></div>\
             <div class=more>{numbered}</div></body>"
        );
        let numbered_document = Html::parse_document(&html);
        let numbered_dom = FlatDom::new(&numbered_document);
        let numbered_body = numbered_dom.first_with_tag("body").unwrap();
        let numbered_core = element_with(&numbered_dom, "id", "core");
        let mut dropped = vec![false; numbered_dom.len()];
        for (index, node) in numbered_dom.nodes.iter().enumerate() {
            if node.tag() == Some("a") {
                dropped[index..node.end].fill(true);
            }
        }
        let kept = crate::extract::prune::kept_chars(&numbered_dom, &dropped);
        drop_teaser_runs(
            &numbered_dom,
            &mut dropped,
            &kept,
            numbered_body,
            &[numbered_core],
        );
        let text = kept_text(&numbered_dom, &dropped, numbered_body);
        assert!(text.contains("A paragraph of the article"));
        assert!(!text.contains("excerpt"), "{text}");

        // When the run holds the core (a listing page), it stays.
        let card = element_with(&dom, "class", "card");
        let mut dropped = vec![false; dom.len()];
        drop_teaser_runs(&dom, &mut dropped, &kept, body, &[card]);
        assert!(kept_text(&dom, &dropped, body).contains("Story number 2"));
    }
}
