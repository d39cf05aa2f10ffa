//! Trimming the region around the article's core: outside the best-scored container, only
//! blocks that read like content stay.

use super::dom::{FlatDom, Kind};
use super::names::Named;
use super::subtrees::Inherited;
use crate::extract::dom::AttributeExt;
use crate::vocab::{
    BLOCK_TAGS, HEADING_TAGS, OUTSIDE_BODY_LINK_DENSITY, OUTSIDE_CORE_MAX_LINK_DENSITY,
    OUTSIDE_CORE_MIN_CHARS, TEASER_CARD_MAX_CHARS, TEASER_CORE_MIN_CHARS,
    TEASER_EXCERPT_MAX_LINK_DENSITY, TEASER_EXCERPT_MIN_CHARS, TEASER_MAX_CORE_RATIO,
    TEASER_MIN_CARDS, TEASER_MIN_CARD_SHARE, TEASER_MIN_RUN,
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
    // Each node's block and whether a link lies between them, handed down from its parent's:
    // climbing from every text node would cost the depth of the tree per node, and handing
    // down to every node of the region would cost the core, which asks nothing.
    let mut owner = Inherited::new(dom, (region, false), |(block, in_link), parent| {
        if parent <= region {
            return (region, false);
        }
        let tag = dom.nodes[parent].tag().unwrap_or_default();
        if BLOCK_TAGS.contains(&tag) {
            (parent, false)
        } else {
            (block, in_link || tag == "a")
        }
    });
    let mut members: Vec<(usize, usize)> = Vec::new();
    for index in region..end {
        if dropped[index] || in_core[index - region] || dom.text_chars[index] == 0 {
            continue;
        }
        let Kind::Text(_) = dom.nodes[index].kind else {
            continue;
        };
        let (block, in_link) = owner.get(index);
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

/// The runs of teaser cards outside the article's core, to be dropped: sibling elements of
/// one kind (same tag and class) that each carry a heading linking elsewhere, with maybe an
/// excerpt, a date or an image — the "more stories" streams pages put before and after an
/// article. Runs whose parent holds or lies inside the core stay (a listing page's core is
/// such a run), and so does everything when the core is too short to be prose, or when the
/// cards say more than [`TEASER_MAX_CORE_RATIO`] times the core — unless `beside_core`: the
/// core was found beside the cards, which outvoted it (see `core_beside_teasers`).
pub fn teaser_drops(cards: &mut TeaserCards, core: &[usize], beside_core: bool) -> Vec<usize> {
    let (dom, kept, region) = (cards.dom, cards.kept, cards.region);
    let end = dom.nodes[region].end;
    let core: Vec<usize> = core
        .iter()
        .copied()
        .filter(|&root| root >= region && root < end)
        .collect();
    let core_chars: u32 = core.iter().map(|&root| kept[root]).sum();
    if (core_chars as usize) < TEASER_CORE_MIN_CHARS {
        return Vec::new();
    }
    let roots = Roots::new(dom, &core);
    let touches_core = |index: usize| roots.touch(dom, index);
    let drops = teaser_runs(cards, touches_core);
    let teaser_chars: u32 = drops.iter().map(|&index| kept[index]).sum();
    if !beside_core && teaser_chars as f32 > TEASER_MAX_CORE_RATIO * core_chars as f32 {
        return Vec::new();
    }
    drops
}

/// Subtree roots, asked of many nodes whether they lie inside one or hold one: answered by
/// binary searches of the roots in order, where marking the nodes would cost the region.
struct Roots {
    /// The roots in order, with the end of each subtree.
    ranges: Vec<(usize, usize)>,
    /// The furthest end of the subtrees of the roots up to each.
    furthest_ends: Vec<usize>,
}

impl Roots {
    fn new(dom: &FlatDom, roots: &[usize]) -> Roots {
        let mut ranges: Vec<(usize, usize)> = roots
            .iter()
            .map(|&root| (root, dom.nodes[root].end))
            .collect();
        ranges.sort_unstable();
        let furthest_ends = ranges
            .iter()
            .scan(0, |furthest, &(_, end)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Roots {
            ranges,
            furthest_ends,
        }
    }

    /// Whether `index` is a root, lies inside one or holds one.
    fn touch(&self, dom: &FlatDom, index: usize) -> bool {
        let from = self.ranges.partition_point(|&(root, _)| root < index);
        let holds = (self.ranges.get(from)).is_some_and(|&(root, _)| root < dom.nodes[index].end);
        let until = self.ranges.partition_point(|&(root, _)| root <= index);
        holds || (until > 0 && self.furthest_ends[until - 1] > index)
    }
}

/// The members of the runs of teaser cards inside the cards' region (see [`teaser_drops`]),
/// leaving out runs whose parent `skip` names.
pub fn teaser_runs(cards: &mut TeaserCards, skip: impl Fn(usize) -> bool) -> Vec<usize> {
    let (dom, dropped, kept, region) = (cards.dom, cards.dropped, cards.kept, cards.region);
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
            let card_count = members
                .iter()
                .filter(|&&member| cards.is_card(member))
                .count();
            if card_count >= TEASER_MIN_CARDS
                && card_count as f32 >= TEASER_MIN_CARD_SHARE * members.len() as f32
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

/// The teaser-card test of the members of runs inside one region under one drop mask (see
/// [`TeaserCards::is_card`]). Its figures are found bottom-up over a card's subtree when the
/// card is first tested and kept: both searches for runs (around the core and without it)
/// test the same cards, and a card tested inside another's subtree reads the figures found
/// for that one. Testing each card by a walk of its subtree would cost nested runs their
/// depth; finding the figures for the whole region up front would cost every page its region
/// twice, though most of it lies in no card short enough to test.
pub struct TeaserCards<'d, 'a> {
    dom: &'d FlatDom<'a>,
    dropped: &'d [bool],
    kept: &'d [u32],
    region: usize,
    /// The figures of the nodes of the region, from `region` on; empty until a card is
    /// tested.
    figures: Vec<CardFigures>,
}

/// What the teaser-card test asks of a node.
#[derive(Debug, Clone, Copy, Default)]
struct CardFigures {
    /// Whether the figures are found: the node lies in a subtree walked for a card.
    found: bool,
    /// Whether the node is a link to another page.
    links_away: bool,
    /// The nearest ancestor that links away, below the card whose subtree was walked.
    link_above: Option<usize>,
    /// Whether a heading lies below the node.
    heading_below: bool,
    /// The most text of a link away below the node.
    link_chars_below: Option<u32>,
    /// Whether some node below (not the node itself) is an excerpt: a kept element, not a
    /// heading nor a link and holding none, with enough text and few links.
    excerpt_below: bool,
    /// Over the headings below the node that a walk reaches without entering dropped
    /// subtrees (a dropped heading itself counts: a teaser's headline is often pruned as a
    /// short link block): the highest bound that a card must lie below for the heading to
    /// link away. A heading mostly made of a link inside it links away from any card
    /// (`usize::MAX`); one inside a link links away from a card that holds the link (the
    /// nearest such link's index); others from none. Links above the walked card lie above
    /// every card tested with these figures, so they need not be known.
    linked_heading_below: Option<usize>,
}

impl<'d, 'a> TeaserCards<'d, 'a> {
    /// The test for the cards inside `region` under the mask `dropped`, with `kept` the text
    /// the mask keeps of each subtree.
    pub fn new(
        dom: &'d FlatDom<'a>,
        dropped: &'d [bool],
        kept: &'d [u32],
        region: usize,
    ) -> TeaserCards<'d, 'a> {
        TeaserCards {
            dom,
            dropped,
            kept,
            region,
            figures: Vec::new(),
        }
    }

    /// Whether `item` is a teaser card: a short block with a heading (or an element named as
    /// a headline) that is mostly a link to another page, with an excerpt, a block of text
    /// other than the heading.
    pub fn is_card(&mut self, item: usize) -> bool {
        if self.kept[item] == 0 || self.kept[item] as usize > TEASER_CARD_MAX_CHARS {
            return false;
        }
        if self.figures.is_empty() {
            let len = self.dom.nodes[self.region].end - self.region;
            self.figures = vec![CardFigures::default(); len];
        }
        if !self.figures[item - self.region].found {
            self.walk(item);
        }
        let figures = self.figures[item - self.region];
        figures.excerpt_below && figures.linked_heading_below.is_some_and(|at| at > item)
    }

    /// Finds the figures of the subtree of `root`. Every figure folds its children's by `or`
    /// or `max`, so walking again a subtree walked before (for a card inside this one) gives
    /// the same figures.
    fn walk(&mut self, root: usize) {
        let (dom, dropped, kept, region) = (self.dom, self.dropped, self.kept, self.region);
        let end = dom.nodes[root].end;
        let figures = &mut self.figures[root - region..end - region];
        // Top-down: which nodes link away, and the nearest such ancestor.
        for index in root..end {
            let link_above = if index == root {
                None
            } else {
                let parent = dom.nodes[index].parent;
                let above = figures[parent - root];
                if above.links_away {
                    Some(parent)
                } else {
                    above.link_above
                }
            };
            let node = &mut figures[index - root];
            node.found = true;
            node.links_away = dom.nodes[index].element().is_some_and(|element| {
                element.name() == "a"
                    && element.attribute("href").is_some_and(|href| {
                        !href.trim().is_empty() && !href.trim_start().starts_with('#')
                    })
            });
            node.link_above = link_above;
        }
        // Bottom-up, each node's figures folded into its parent's.
        for index in (root..end).rev() {
            let node = figures[index - root];
            let tag = dom.nodes[index].tag();
            let heading_tag = tag.is_some_and(|tag| HEADING_TAGS.contains(&tag));
            let excerpt = !dropped[index]
                && tag.is_some_and(|tag| !heading_tag && tag != "a")
                && kept[index] as usize >= TEASER_EXCERPT_MIN_CHARS
                && dom.link_density(index) < TEASER_EXCERPT_MAX_LINK_DENSITY
                && !node.heading_below;
            let text = dom.text_chars[index];
            let heading = (heading_tag || dom.named(index).has(Named::HEADLINE)) && text > 0;
            let linked_heading = if !heading {
                None
            } else if node.link_chars_below.is_some_and(|chars| chars * 2 >= text) {
                Some(usize::MAX)
            } else {
                node.link_above
            };
            let reached = if dropped[index] {
                linked_heading
            } else {
                linked_heading.max(node.linked_heading_below)
            };
            if index == root {
                continue;
            }
            let up = &mut figures[dom.nodes[index].parent - root];
            up.heading_below |= heading_tag || node.heading_below;
            let own_link = node.links_away.then_some(text);
            up.link_chars_below = up.link_chars_below.max(own_link.max(node.link_chars_below));
            up.excerpt_below |= excerpt || node.excerpt_below;
            up.linked_heading_below = up.linked_heading_below.max(reached);
        }
    }
}

/// Around the article's body — an element the page names as its body, which holds the core
/// but too little of the region to trim around, or the core of a page that declares itself one
/// article — the block elements outside it whose kept text is mostly links (at least
/// [`OUTSIDE_BODY_LINK_DENSITY`]) are rails of other stories and menus, and go. Prose outside
/// it (a lede, a standfirst, a fact box) stays, and so do the links inside that prose, and the
/// headings (a linked headline is the article's own).
pub fn drop_link_blocks_outside(
    dom: &FlatDom,
    dropped: &mut [bool],
    kept: &[u32],
    region: usize,
    keep: usize,
) {
    debug_assert!(region < keep && dom.nodes[keep].end <= dom.nodes[region].end);
    let region_end = dom.nodes[region].end;
    // Kept link text of every subtree in the region (`kept` has its kept text): what earlier
    // rules dropped (a related-links list inside a block of prose) does not count.
    let mut links = vec![0u32; region_end - region];
    for index in (region + 1..region_end).rev() {
        if dropped[index] {
            continue;
        }
        let at = index - region;
        // A node's children come after it, so their figures are in by now.
        if dom.nodes[index].tag() == Some("a") {
            links[at] = kept[index];
        }
        let parent = dom.nodes[index].parent;
        if parent > region {
            links[parent - region] += links[at];
        }
    }
    let keep_end = dom.nodes[keep].end;
    let mut index = region + 1;
    while index < region_end {
        let end = dom.nodes[index].end;
        if index == keep {
            index = keep_end;
            continue;
        }
        let at = index - region;
        let holds_keep = index < keep && end >= keep_end;
        let weighed = dom.nodes[index]
            .tag()
            .is_some_and(|tag| BLOCK_TAGS.contains(&tag) && !HEADING_TAGS.contains(&tag));
        if !holds_keep
            && !dropped[index]
            && weighed
            && kept[index] > 0
            && links[at] as f32 >= OUTSIDE_BODY_LINK_DENSITY * kept[index] as f32
        {
            dropped[index..end].fill(true);
            index = end;
            continue;
        }
        index += 1;
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
    fn link_blocks_outside_the_body_go_and_links_inside_prose_stay() {
        let document = Html::parse_document(
            "<body><p id=lede>The council met on <a href=x>Tuesday evening</a> at the hall.</p>\
             <div id=body><p>The story itself.</p></div>\
             <ul id=rail><li><a href=a>Another story</a></li><li><a href=b>And one more</a></li></ul>\
             </body>",
        );
        let dom = FlatDom::new(&document);
        let mut dropped = vec![false; dom.len()];
        let body = dom.first_with_tag("body").unwrap();
        let story = element_with(&dom, "id", "body");
        let kept = crate::extract::prune::kept_chars(&dom, &dropped);
        drop_link_blocks_outside(&dom, &mut dropped, &kept, body, story);
        assert_eq!(
            kept_text(&dom, &dropped, body),
            "The council met on Tuesday evening at the hall.The story itself."
        );
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

    /// Drops the runs [`teaser_drops`] finds.
    fn drop_teaser_runs(
        dom: &FlatDom,
        dropped: &mut [bool],
        kept: &[u32],
        region: usize,
        core: &[usize],
    ) {
        let drops = teaser_drops(
            &mut TeaserCards::new(dom, dropped, kept, region),
            core,
            false,
        );
        for index in drops {
            // The whole card, as the extractor drops it.
            dropped[index..dom.nodes[index].end].fill(true);
        }
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
            let cards = (body + 1..dom.nodes[body].end)
                .filter(|&item| naive_teaser_card(&dom, &dropped, &kept, item))
                .count();
            assert!(drop_class != "none" || cards >= 3, "{cards} cards");
            // Outer cards first, whose figures the inner ones read, and inner cards first,
            // whose subtrees the outer ones walk again.
            let items: Vec<usize> = (body + 1..dom.nodes[body].end).collect();
            for order in [items.clone(), items.into_iter().rev().collect()] {
                let mut test = TeaserCards::new(&dom, &dropped, &kept, body);
                for item in order {
                    assert_eq!(
                        test.is_card(item),
                        naive_teaser_card(&dom, &dropped, &kept, item),
                        "node {item} with {drop_class} dropped"
                    );
                }
            }
        }
    }

    #[test]
    fn roots_are_touched_as_a_scan_of_the_roots_finds() {
        let document = Html::parse_document(
            "<body><div><p>a<b>b</b></p><ul><li>c<li>d</ul></div><section><p>e</p></section>\
             <p>f</p></body>",
        );
        let dom = FlatDom::new(&document);
        let sets: [&[usize]; 4] = [&[], &[3], &[dom.len() - 2, 4, 9], &[2, 4, 5]];
        for set in sets {
            let roots = Roots::new(&dom, set);
            for index in 0..dom.len() {
                let naive = set.iter().any(|&root| {
                    (root >= index && root < dom.nodes[index].end)
                        || (index >= root && index < dom.nodes[root].end)
                });
                assert_eq!(roots.touch(&dom, index), naive, "node {index} of {set:?}");
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
