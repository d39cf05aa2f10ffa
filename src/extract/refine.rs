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
use rustc_hash::FxHashMap;

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
    // Each node's block and whether a link lies between them, top-down from its parent's:
    // climbing from every text node would cost the depth of the tree per node.
    let mut owner: Vec<(usize, bool)> = vec![(region, false); end - region];
    let mut members: Vec<(usize, usize)> = Vec::new();
    for index in region..end {
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT && parent > region {
            let tag = dom.nodes[parent].tag().unwrap_or_default();
            owner[index - region] = if BLOCK_TAGS.contains(&tag) {
                (parent, tag == "a")
            } else {
                let (block, in_link) = owner[parent - region];
                (block, in_link || tag == "a")
            };
        }
        if dropped[index] || in_core[index - region] || dom.text_chars[index] == 0 {
            continue;
        }
        let Kind::Text(_) = dom.nodes[index].kind else {
            continue;
        };
        let (block, in_link) = owner[index - region];
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
    // Whether each node lies inside a core root, or holds one: asked of many parents, so
    // found in one pass each way rather than by a search of the roots.
    let mut in_core = vec![false; end - region];
    let mut holds_core = vec![false; end - region];
    for &root in &core {
        in_core[root - region] = true;
        holds_core[root - region] = true;
    }
    for index in region + 1..end {
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT && parent >= region && in_core[parent - region] {
            in_core[index - region] = true;
        }
    }
    for index in (region + 1..end).rev() {
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT && parent >= region && holds_core[index - region] {
            holds_core[parent - region] = true;
        }
    }
    let touches_core = |index: usize| in_core[index - region] || holds_core[index - region];
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
    let mut features: Option<CardFeatures> = None;
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
        // Children grouped by tag and kind of class, in order of first appearance; the index
        // finds a child's group without comparing it with every group before.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of: FxHashMap<(&str, Vec<&str>), usize> = FxHashMap::default();
        for &child in &children {
            let Some(element) = dom.nodes[child].element() else {
                continue;
            };
            let key = (element.name(), card_kind(element.attribute("class")));
            match group_of.get(&key) {
                Some(&group) => groups[group].push(child),
                None => {
                    group_of.insert(key, groups.len());
                    groups.push(vec![child]);
                }
            }
        }
        for members in groups {
            if members.len() < TEASER_MIN_RUN {
                continue;
            }
            let features =
                features.get_or_insert_with(|| CardFeatures::new(dom, dropped, kept, region));
            let cards = members
                .iter()
                .filter(|&&member| is_teaser_card(features, kept, member))
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

/// What kind of card a class list names. Class tokens that carry a number are the instance,
/// not the kind (`post-4185`, `elementor-element-2949e15`, `item-3`), so they are left out.
fn card_kind(class: Option<&str>) -> Vec<&str> {
    class
        .unwrap_or_default()
        .split_ascii_whitespace()
        .filter(|token| !token.bytes().any(|byte| byte.is_ascii_digit()))
        .collect()
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
/// another page, with an excerpt: a block of text other than the heading.
fn is_teaser_card(features: &CardFeatures, kept: &[u32], item: usize) -> bool {
    if kept[item] == 0 || kept[item] as usize > TEASER_CARD_MAX_CHARS {
        return false;
    }
    let at = item - features.region;
    features.excerpt_below[at] && features.linked_heading_below[at].is_some_and(|at| at > item)
}

/// What the teaser-card test asks of every node of a region, found bottom-up in one pass
/// each: asking it of each card's subtree would cost the subtree once per run it is in.
struct CardFeatures {
    /// The first node of the region.
    region: usize,
    /// Whether some node below (not the node itself) is an excerpt: a kept element, not a
    /// heading nor a link and holding none, with enough text and few links.
    excerpt_below: Vec<bool>,
    /// Over the headings below the node that a walk reaches without entering dropped
    /// subtrees (a dropped heading itself counts: a teaser's headline is often pruned as a
    /// short link block): the highest bound that a card must lie below for the heading to
    /// link away. A heading mostly made of a link inside it links away from any card
    /// (`usize::MAX`); one inside a link links away from a card that holds the link (the
    /// nearest such link's index); others from none.
    linked_heading_below: Vec<Option<usize>>,
}

impl CardFeatures {
    fn new(dom: &FlatDom, dropped: &[bool], kept: &[u32], region: usize) -> CardFeatures {
        let end = dom.nodes[region].end;
        let len = end - region;
        let links_away = |index: usize| {
            dom.nodes[index].element().is_some_and(|element| {
                element.name() == "a"
                    && element.attribute("href").is_some_and(|href| {
                        !href.trim().is_empty() && !href.trim_start().starts_with('#')
                    })
            })
        };
        let is_heading_tag = |index: usize| {
            dom.nodes[index]
                .tag()
                .is_some_and(|tag| HEADING_TAGS.contains(&tag))
        };
        // Top-down: the nearest ancestor inside the region that links away.
        let mut link_above: Vec<Option<usize>> = vec![None; len];
        for index in region + 1..end {
            let parent = dom.nodes[index].parent;
            link_above[index - region] = if links_away(parent) {
                Some(parent)
            } else {
                link_above[parent - region]
            };
        }
        // Bottom-up, each node's figures folded into its parent's.
        let mut heading_below = vec![false; len];
        let mut link_chars_below: Vec<Option<u32>> = vec![None; len];
        let mut excerpt_below = vec![false; len];
        let mut linked_heading_below: Vec<Option<usize>> = vec![None; len];
        for index in (region..end).rev() {
            let at = index - region;
            let heading_tag = is_heading_tag(index);
            let excerpt = !dropped[index]
                && dom.nodes[index]
                    .tag()
                    .is_some_and(|tag| !HEADING_TAGS.contains(&tag) && tag != "a")
                && kept[index] as usize >= TEASER_EXCERPT_MIN_CHARS
                && dom.link_density(index) < TEASER_EXCERPT_MAX_LINK_DENSITY
                && !heading_below[at];
            let heading =
                (heading_tag || dom.named(index).has(Named::HEADLINE)) && dom.text_chars[index] > 0;
            let text = dom.text_chars[index];
            let linked_heading = if !heading {
                None
            } else if link_chars_below[at].is_some_and(|chars| chars * 2 >= text) {
                Some(usize::MAX)
            } else {
                link_above[at]
            };
            let reached = if dropped[index] {
                linked_heading
            } else {
                linked_heading.max(linked_heading_below[at])
            };
            let parent = dom.nodes[index].parent;
            if index == region || parent == NO_PARENT {
                continue;
            }
            let up = parent - region;
            heading_below[up] |= heading_tag || heading_below[at];
            let own_link = links_away(index).then_some(text);
            link_chars_below[up] = link_chars_below[up].max(own_link.max(link_chars_below[at]));
            excerpt_below[up] |= excerpt || excerpt_below[at];
            linked_heading_below[up] = linked_heading_below[up].max(reached);
        }
        CardFeatures {
            region,
            excerpt_below,
            linked_heading_below,
        }
    }
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

    /// The teaser-card test as a walk of the card's subtree, as it was first written.
    fn naive_teaser_card(dom: &FlatDom, dropped: &[bool], kept: &[u32], item: usize) -> bool {
        let heading_tag = |index: usize| {
            dom.nodes[index]
                .tag()
                .is_some_and(|tag| HEADING_TAGS.contains(&tag))
        };
        let links_away = |index: usize| {
            dom.nodes[index].element().is_some_and(|element| {
                element.name() == "a"
                    && element.attribute("href").is_some_and(|href| {
                        !href.trim().is_empty() && !href.trim_start().starts_with('#')
                    })
            })
        };
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
                && !(index..dom.nodes[index].end).any(heading_tag)
        });
        let mut index = item + 1;
        while has_excerpt && index < end {
            let heading = heading_tag(index) || dom.named(index).has(Named::HEADLINE);
            if heading && dom.text_chars[index] > 0 {
                let mut ancestor = dom.nodes[index].parent;
                while ancestor > item {
                    if links_away(ancestor) {
                        return true;
                    }
                    ancestor = dom.nodes[ancestor].parent;
                }
                if (index + 1..dom.nodes[index].end).any(|inner| {
                    links_away(inner) && dom.text_chars[inner] * 2 >= dom.text_chars[index]
                }) {
                    return true;
                }
            }
            index = if dropped[index] {
                dom.nodes[index].end
            } else {
                index + 1
            };
        }
        false
    }

    #[test]
    fn card_features_answer_as_a_walk_of_each_card() {
        let excerpt = "An excerpt of the story that runs long enough to count as one.";
        let html = format!(
            "<body><div class=a><h3><a href=/x>Linked headline</a></h3><p>{excerpt}</p></div>\
             <div class=b><a href=/y><div><h2>Inside a link</h2></div></a><div>{excerpt}</div></div>\
             <div class=c><h3>Plain <a href=#top>anchor</a></h3><p>{excerpt}</p></div>\
             <div class=d><p class=headline><a href=/z>Named headline</a> more words here</p>\
             <section><h4>x</h4><p>{excerpt}</p></section></div>\
             <div class=e><div class=drop><h3><a href=/w>Hidden</a></h3></div><p>{excerpt}</p>\
             </div><div class=f><h3><a href=/v>Outer <div><h4><a href=/u>inner</a></h4></div>\
             </a></h3><p>{excerpt}</p></div></body>"
        );
        let document = Html::parse_document(&html);
        let dom = FlatDom::new(&document);
        let body = dom.first_with_tag("body").unwrap();
        for drop_class in ["none", "drop", "a", "headline"] {
            let mut dropped = vec![false; dom.len()];
            for (index, node) in dom.nodes.iter().enumerate() {
                if node.element().and_then(|e| e.attribute("class")) == Some(drop_class) {
                    dropped[index..node.end].fill(true);
                }
            }
            let kept = crate::extract::prune::kept_chars(&dom, &dropped);
            let features = CardFeatures::new(&dom, &dropped, &kept, body);
            let cards = (body + 1..dom.nodes[body].end)
                .filter(|&item| naive_teaser_card(&dom, &dropped, &kept, item))
                .count();
            assert!(drop_class != "none" || cards >= 3, "{cards} cards");
            for item in body + 1..dom.nodes[body].end {
                assert_eq!(
                    is_teaser_card(&features, &kept, item),
                    naive_teaser_card(&dom, &dropped, &kept, item),
                    "node {item} with {drop_class} dropped"
                );
            }
        }
    }

    #[test]
    fn teaser_cards_group_by_their_kind_of_class() {
        assert_eq!(card_kind(Some("card post-12 big")), ["card", "big"]);
        assert_eq!(card_kind(Some("item-3")), Vec::<&str>::new());
        assert_eq!(card_kind(None), Vec::<&str>::new());
    }
}
