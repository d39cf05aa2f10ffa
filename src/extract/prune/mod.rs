//! The drop mask: which nodes are page furniture, decided top-down from tags, attributes,
//! class/id vocabulary and link density.
//!
//! This file holds the mask itself and its policy; the rules for each kind of furniture are
//! beside it: [`hidden`] elements, furniture [`by_name`], a [`shop`]'s furniture, [`links`]
//! (link lists and grids), furniture [`sections`] and boilerplate lines, and [`discussion`]
//! pages with their comment sections.

mod by_name;
mod discussion;
mod hidden;
mod links;
mod sections;
mod shop;

pub(crate) use discussion::is_discussion_url;
pub(super) use discussion::{comment_sections, is_discussion};
pub(super) use links::drop_dense_link_lists;
pub(super) use sections::{drop_boilerplate_lines, drop_furniture_sections};

use by_name::{
    is_author_box_by_itemprop, is_boilerplate_by_name, is_consent_manager,
    is_furniture_beside_article_body, is_navigation_prose,
};
use discussion::is_comment_section_beside_prose;
use hidden::{aria_hidden, hidden_by_style, is_collapsed_panel, is_hidden};
use links::{grid_items, in_prose_list, is_link_column};
use shop::is_shop_furniture;

use super::dom::{AttributeExt, FlatDom, Kind, NO_PARENT};
use super::names::Named;
use super::subtrees::Marked;
use crate::vocab::{
    Preset, BOILERPLATE_ROLES, CLASS_EXEMPT_TAGS, CONTAINER_MAX_LINK_DENSITY, CONTAINER_MIN_CHARS,
    CONTAINER_TEXT_SHARE, DISCARD_TAGS, FORM_CONTROL_TAGS, FURNITURE_TAGS, HEADING_TAGS,
    HIDDEN_WRAPPER_MIN_SHARE, LINK_DENSITY_MIN_CHARS, LINK_LIST_TAGS, MAIN_PROSE_HOLDER_SHARE,
    NOSCRIPT_CONTENT_CHARS, PARAGRAPH_TAGS, PROSE_HOLDER_MIN_CHARS, PROSE_HOLDER_PARAGRAPH_SHARE,
    PROSE_HOLDER_SHARE, REGION_MIN_CHARS, TEXT_ENTRY_INPUT_TYPES,
};
use std::cell::OnceCell;
use std::collections::HashSet;

/// What the drop mask lets through besides the article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MaskPolicy {
    /// Thresholds of the chosen preset.
    pub preset: Preset,
    /// Keep comment sections (for extracting them), instead of dropping them as furniture.
    pub keep_comments: bool,
    /// Keep `reply` containers too: on discussion pages they hold the posts.
    pub keep_replies: bool,
    /// Drop elements for what their class and id name them. Off only for the second look at a
    /// page whose first look kept nothing (see [`crate::extract`]).
    pub trust_names: bool,
}

/// Why a node is dropped, or that it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not dropped.
    Kept,
    /// An ancestor is dropped.
    Inherited,
    /// Code, styling, embedded objects, form controls, small noscripts.
    Discarded,
    /// Hidden by attribute or style.
    Hidden,
    /// Navigation, footers, sharing, ads … by tag, role or class/id.
    Furniture,
    /// A short block made mostly of links.
    LinkList,
}

/// Per-node text figures the rules weigh.
struct Prose {
    /// Non-link characters in each subtree.
    non_link: Vec<u32>,
    /// Non-link characters of the `<p>` elements in each subtree.
    paragraphs: Vec<u32>,
    /// Non-link characters inside form controls ([`FORM_CONTROL_TAGS`]) in each subtree.
    controls: Vec<u32>,
    /// Non-link characters of the page's body, and of all its `<p>`s.
    page_non_link: u32,
    page_paragraphs: u32,
    /// The elements named as article bodies ([`crate::vocab::CONTENT_CLASS_PATTERNS`]) with
    /// their non-link text, found when first asked for: only pages with a comment section
    /// need them.
    article_bodies: OnceCell<Marked>,
    /// Whether each subtree holds an `<h1>`–`<h3>`, found when a banner first asks.
    headed: OnceCell<Vec<bool>>,
}

impl Prose {
    fn new(dom: &FlatDom) -> Prose {
        let non_link: Vec<u32> = (0..dom.len())
            .map(|i| dom.text_chars[i].saturating_sub(dom.link_chars[i]))
            .collect();
        // The text of form controls (a `<select>` of every month of an archive) is never
        // shown as prose: it does not make its holder the holder of the page's prose.
        let mut controls = vec![0u32; dom.len()];
        for index in (0..dom.len()).rev() {
            if dom.nodes[index]
                .tag()
                .is_some_and(|tag| FORM_CONTROL_TAGS.contains(&tag))
            {
                controls[index] = non_link[index];
            }
            let parent = dom.nodes[index].parent;
            if parent != NO_PARENT {
                controls[parent] += controls[index];
            }
        }
        let mut paragraphs = vec![0u32; dom.len()];
        for index in (0..dom.len()).rev() {
            if dom.nodes[index].tag() == Some("p") {
                paragraphs[index] = non_link[index];
            }
            let parent = dom.nodes[index].parent;
            if parent != NO_PARENT {
                paragraphs[parent] += paragraphs[index];
            }
        }
        let body = dom.first_with_tag("body").unwrap_or(0);
        Prose {
            controls,
            article_bodies: OnceCell::new(),
            headed: OnceCell::new(),
            page_non_link: non_link.get(body).copied().unwrap_or(0),
            page_paragraphs: paragraphs.first().copied().unwrap_or(0),
            non_link,
            paragraphs,
        }
    }

    /// Whether the subtree holds so much of the page's prose that it is the content, whatever
    /// its name says.
    fn holds_the_prose(&self, index: usize) -> bool {
        let own = self.non_link[index].saturating_sub(self.controls[index]);
        let paragraphs = self.paragraphs[index];
        (own >= PROSE_HOLDER_MIN_CHARS
            && own as f32 >= PROSE_HOLDER_SHARE * self.page_non_link as f32)
            || (paragraphs >= PROSE_HOLDER_MIN_CHARS
                && paragraphs as f32 >= PROSE_HOLDER_PARAGRAPH_SHARE * self.page_paragraphs as f32)
    }

    /// The elements named as article bodies.
    fn article_bodies(&self, dom: &FlatDom) -> &Marked {
        self.article_bodies.get_or_init(|| {
            let bodies: Vec<usize> = (0..dom.len())
                .filter(|&i| dom.named(i).has(Named::CONTENT))
                .collect();
            Marked::new(dom, &bodies, |i| self.non_link[i])
        })
    }

    /// Whether a block hidden by style is a wrapper of the page's content that script reveals
    /// at load: it holds most of the page's non-link text (see [`HIDDEN_WRAPPER_MIN_SHARE`]).
    fn is_hidden_wrapper(&self, dom: &FlatDom, index: usize) -> bool {
        !dom.nodes[index]
            .tag()
            .is_some_and(|tag| PARAGRAPH_TAGS.contains(&tag))
            && self.non_link[index] >= PROSE_HOLDER_MIN_CHARS
            && self.non_link[index] as f32 >= HIDDEN_WRAPPER_MIN_SHARE * self.page_non_link as f32
    }
}

impl MaskPolicy {
    /// The policy for the article itself: comment sections and reply containers are dropped.
    pub const fn article(preset: Preset) -> MaskPolicy {
        MaskPolicy {
            preset,
            keep_comments: false,
            keep_replies: false,
            trust_names: true,
        }
    }
}

/// `true` for every node that is not part of any article.
pub fn drop_mask(dom: &FlatDom, policy: &MaskPolicy) -> Vec<bool> {
    drop_reasons(dom, policy)
        .into_iter()
        .map(|reason| reason != Reason::Kept)
        .collect()
}

/// Why each node is dropped ([`drop_mask`] with the reasons kept), for `dechaff explain`.
pub fn drop_reasons(dom: &FlatDom, policy: &MaskPolicy) -> Vec<Reason> {
    let prose = Prose::new(dom);
    let (entry_fields, controlled_panels) = page_ids(dom);
    let shop_page = crate::extract::declared::declares_product(dom);
    let mains = Marked::new(dom, &main_elements(dom), |i| prose.non_link[i]);
    let no_mains = mains.ranges().is_empty();
    let facts = PageFacts {
        entry_fields: &entry_fields,
        controlled_panels: &controlled_panels,
        shop_page,
        main_overlap: if no_mains {
            Vec::new()
        } else {
            mains.overlapping(dom)
        },
        least_main_above: if no_mains {
            Vec::new()
        } else {
            mains.least_above(dom)
        },
        mains: &mains,
    };
    let mut reasons = reasons(dom, policy, &prose, &facts, &[]);
    let grids = grid_items(dom, &reasons, &prose);
    if !grids.is_empty() {
        let mut in_grid = vec![false; dom.len()];
        for &item in &grids {
            in_grid[item..dom.nodes[item].end].fill(true);
        }
        reasons = self::reasons(dom, policy, &prose, &facts, &in_grid);
    }
    reasons
}

/// Decides every node top-down; `link_lists_allowed` exempts nodes from the link-density rule.
fn reasons<'a>(
    dom: &FlatDom<'a>,
    policy: &MaskPolicy,
    prose: &Prose,
    facts: &PageFacts,
    link_lists_allowed: &[bool],
) -> Vec<Reason> {
    // Text in form controls (a `<select>` of every month of an archive) is never shown as
    // text: it makes no element a page-wide container.
    let shown = |index: usize| dom.text_chars[index].saturating_sub(prose.controls[index]);
    let total_text = shown(0).max(1) as f32;
    let mut reasons = vec![Reason::Kept; dom.len()];
    let mut mains_seen = MainsSeen::default();
    // Inside code, class names come from syntax highlighters (`hljs-comment`), not layout.
    let mut in_code = vec![false; dom.len()];
    // Inside a block of prose under a navigation name, its items' navigation names say nothing
    // either (`faq-menu` > `faq-menu-item`).
    let mut in_navigation_prose = vec![false; dom.len()];
    for index in 0..dom.len() {
        let node = &dom.nodes[index];
        if node.parent != NO_PARENT && reasons[node.parent] != Reason::Kept {
            reasons[index] = Reason::Inherited;
            continue;
        }
        let Kind::Element(element) = node.kind else {
            continue;
        };
        let tag = element.name();
        in_code[index] =
            (node.parent != NO_PARENT && in_code[node.parent]) || matches!(tag, "pre" | "code");
        // An element holding most of the page's text is a page-wide container, whatever its
        // tag or role say (an unclosed <header> swallows the whole page) — unless it lies
        // after the page's `<main>`, which then holds the content.
        let mut beside_main = None;
        let mut after_main = |reasons: &[Reason]| {
            *beside_main
                .get_or_insert_with(|| after_kept_main(dom, reasons, facts, &mut mains_seen, index))
        };
        let container = shown(index) >= CONTAINER_MIN_CHARS
            && shown(index) as f32 / total_text > CONTAINER_TEXT_SHARE
            && (dom.link_chars[index] as f32) < CONTAINER_MAX_LINK_DENSITY * shown(index) as f32
            && !after_main(&reasons);
        // A page-wide container's names are layout flags (`et_primary_nav_dropdown` on the
        // body), not what it is: it cannot vouch for the navigation names inside it.
        in_navigation_prose[index] = (node.parent != NO_PARENT && in_navigation_prose[node.parent])
            || (!container
                && !CLASS_EXEMPT_TAGS.contains(&tag)
                && is_navigation_prose(dom, index, prose));
        let furniture_by_tag = FURNITURE_TAGS.contains(&tag)
            || element.attribute("role").is_some_and(|role| {
                BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
            });
        // An inline element under a furniture name (a byline's `<span>`) holding a body's
        // worth of prose is a tag left open that swallowed the article after it.
        let swallowed = tag == "span" && prose.non_link[index] >= PROSE_HOLDER_MIN_CHARS;
        // A page-wide container or the holder of the page's prose is the content whatever
        // its name says, except a comment section beside the article it comments on, and a
        // product page's customer reviews.
        let furniture_by_name = policy.trust_names
            && !swallowed
            && !CLASS_EXEMPT_TAGS.contains(&tag)
            && !in_code[index]
            && ((facts.shop_page && !container && is_shop_furniture(dom, index))
                || ((is_boilerplate_by_name(
                    dom,
                    index,
                    element,
                    policy,
                    prose,
                    in_navigation_prose[index],
                ) || is_author_box_by_itemprop(dom, index, element))
                    && ((!container
                        && ((!prose.holds_the_prose(index)
                            && !holds_main_prose(prose, facts, index))
                            || after_main(&reasons)))
                        || is_consent_manager(element)
                        || is_comment_section_beside_prose(dom, policy, prose, index)
                        || is_furniture_beside_article_body(dom, prose, index))));
        // A button that is a heading's whole text is the heading of a collapsible section
        // (`<h3><button aria-expanded>Question</button></h3>`), not a form control.
        let heading_button = tag == "button"
            && node.parent != NO_PARENT
            && dom.nodes[node.parent]
                .tag()
                .is_some_and(|parent| HEADING_TAGS.contains(&parent));
        reasons[index] = if (DISCARD_TAGS.contains(&tag) && !heading_button)
            || (tag == "noscript" && (dom.text_chars[index] as usize) < NOSCRIPT_CONTENT_CHARS)
            || (tag == "label"
                && element
                    .attribute("for")
                    .is_some_and(|f| facts.entry_fields.contains(f)))
        {
            Reason::Discarded
        } else if is_hidden(element)
            && !((container || prose.is_hidden_wrapper(dom, index))
                && (hidden_by_style(element) || aria_hidden(element)))
            && !is_collapsed_panel(dom, index, element)
            && !element
                .attribute("id")
                .is_some_and(|id| facts.controlled_panels.contains(id))
        {
            // A page-wide wrapper, or one holding most of the page's prose, hidden by style is
            // revealed by script once the page has loaded (anti-flicker, lock screens), and one
            // marked `aria-hidden` is the page behind a consent or sign-in modal; a collapsed
            // panel, by its name or named by a control's `aria-controls`, waits for a click.
            // Only other, smaller elements are really hidden.
            Reason::Hidden
        } else if (furniture_by_tag && !container) || furniture_by_name {
            Reason::Furniture
        } else if (LINK_LIST_TAGS.contains(&tag) || (tag == "td" && is_link_column(dom, index)))
            && !link_lists_allowed.get(index).copied().unwrap_or(false)
            && !(tag == "li" && in_prose_list(dom, index, policy))
            && (dom.text_chars[index] as usize) < LINK_DENSITY_MIN_CHARS
            && dom.link_density(index) > policy.preset.max_link_density
        {
            Reason::LinkList
        } else {
            Reason::Kept
        };
    }
    reasons
}

/// What the rules know about the page as a whole.
struct PageFacts<'f, 'a> {
    /// Ids of the fields a visitor types into (see [`page_ids`]).
    entry_fields: &'f HashSet<&'a str>,
    /// Ids of the panels a button or link shows and hides (see [`page_ids`]).
    controlled_panels: &'f HashSet<&'a str>,
    /// The page declares a product for sale (see [`crate::extract::declared::declares_product`]).
    shop_page: bool,
    /// The page's `<main>` elements that hold text (see [`main_elements`]), with their
    /// non-link text.
    mains: &'f Marked,
    /// Whether each node is, holds or lies inside one of them (empty without them).
    main_overlap: Vec<bool>,
    /// The least non-link text of those a node lies inside (empty without them).
    least_main_above: Vec<Option<u32>>,
}

/// Whether the element comes after a `<main>` that keeps at least [`REGION_MIN_CHARS`] of
/// text and neither holds nor lies inside any `<main>`: it is then not a page-wide wrapper
/// of the content, however much text it holds (a consent dialog's legal prose, a footer of
/// store links after a grid of products). Only a `<main>` already decided (one before the
/// element) is weighed; `main_kept` caches, per main, whether it keeps enough.
fn after_kept_main(
    dom: &FlatDom,
    reasons: &[Reason],
    facts: &PageFacts,
    seen: &mut MainsSeen,
    index: usize,
) -> bool {
    if facts.main_overlap.get(index).copied().unwrap_or(true) {
        return false;
    }
    // The nodes before `index` are decided: extend the running sum of kept text over them,
    // and weigh each main that has ended once.
    while seen.kept_before.len() <= index {
        let node = seen.kept_before.len() - 1;
        let kept = reasons[node] == Reason::Kept && matches!(dom.nodes[node].kind, Kind::Text(_));
        let chars = if kept { dom.text_chars[node] } else { 0 };
        seen.kept_before
            .push(seen.kept_before[node] + u64::from(chars));
    }
    for (start, end) in facts.mains.by_end().skip(seen.weighed) {
        if end > index {
            break;
        }
        seen.weighed += 1;
        seen.any_kept |= seen.kept_before[end] - seen.kept_before[start] >= REGION_MIN_CHARS as u64;
    }
    seen.any_kept
}

/// The `<main>` elements [`after_kept_main`] has weighed so far, in one walk of the page.
struct MainsSeen {
    /// Characters of the kept text nodes before each node decided so far.
    kept_before: Vec<u64>,
    /// How many mains, in the order they end, have been weighed.
    weighed: usize,
    /// Whether one of them keeps at least [`REGION_MIN_CHARS`].
    any_kept: bool,
}

impl Default for MainsSeen {
    fn default() -> Self {
        MainsSeen {
            kept_before: vec![0],
            weighed: 0,
            any_kept: false,
        }
    }
}

/// Whether the element lies inside a `<main>` and holds most of its non-link text (see
/// [`MAIN_PROSE_HOLDER_SHARE`]): the content under a furniture name, on a page whose menus and
/// footers outweigh it.
fn holds_main_prose(prose: &Prose, facts: &PageFacts, index: usize) -> bool {
    let own = prose.non_link[index];
    own >= PROSE_HOLDER_MIN_CHARS
        && facts
            .least_main_above
            .get(index)
            .copied()
            .flatten()
            .is_some_and(|least| own as f32 >= MAIN_PROSE_HOLDER_SHARE * least as f32)
}

/// The elements that declare the page's main content (`<main>`, `role=main`) and hold at
/// least [`REGION_MIN_CHARS`] characters.
fn main_elements(dom: &FlatDom) -> Vec<usize> {
    dom.nodes
        .iter()
        .enumerate()
        .filter(|(index, node)| {
            node.element().is_some_and(|element| {
                element.name() == "main"
                    || element
                        .attribute("role")
                        .is_some_and(|role| role.trim().eq_ignore_ascii_case("main"))
            }) && dom.text_chars[*index] as usize >= REGION_MIN_CHARS
        })
        .map(|(index, _)| index)
        .collect()
}

/// In one walk over the elements: the ids of the form fields a visitor types into (text
/// inputs, text areas, drop-downs), whose `<label for=…>` prompts the visitor ("Email address",
/// "Your message") and is no content, unlike the labels of checkboxes and radio buttons, which
/// name a product's options; and the ids named by an `aria-controls` attribute, the panels that
/// a tab, an accordion's question or a "show more" button reveals. Hidden, such a panel waits
/// for a click, whatever its class is called; a menu revealed the same way is still dropped as
/// navigation.
fn page_ids<'a>(dom: &FlatDom<'a>) -> (HashSet<&'a str>, HashSet<&'a str>) {
    let mut entry_fields = HashSet::new();
    let mut controlled_panels = HashSet::new();
    for element in dom.nodes.iter().filter_map(|node| node.element()) {
        let is_entry_field = match element.name() {
            "textarea" | "select" => true,
            "input" => element.attribute("type").map_or(true, |kind| {
                TEXT_ENTRY_INPUT_TYPES.contains(&kind.trim().to_ascii_lowercase().as_str())
            }),
            _ => false,
        };
        if is_entry_field {
            entry_fields.extend(element.attribute("id"));
        }
        if let Some(controls) = element.attribute("aria-controls") {
            controlled_panels.extend(controls.split_whitespace());
        }
    }
    (entry_fields, controlled_panels)
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

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    pub(super) const BALANCED: MaskPolicy = MaskPolicy::article(Preset::BALANCED);

    pub(super) fn dropped_texts(html: &str) -> Vec<String> {
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
    fn drops_labels_of_typed_fields_keeps_labels_of_options() {
        let dropped = dropped_texts(
            "<body><form><label for=mail>Email address</label><input id=mail type=email>\
             <label for=msg>Your message</label><textarea id=msg></textarea>\
             <label for=red>Crimson red</label><input id=red type=radio></form></body>",
        );
        assert_eq!(dropped, ["Email address", "Your message"]);
    }

    #[test]
    fn page_wide_containers_are_not_dropped_for_their_names() {
        let story = "The post that the whole page is about, in a sentence or two. ".repeat(10);
        let dropped = dropped_texts(&format!(
            "<body><div class='main-container fixed-sidebar'><p>{story}</p></div>\
             <div class=sidebar>Links</div></body>"
        ));
        assert_eq!(dropped, ["Links"]);
    }

    #[test]
    fn a_furniture_name_holding_most_of_main_is_content() {
        let copy = "The category's buying guide, a paragraph of advice on what to choose. ";
        let legal = "Terms, store addresses and the small print of the site's footer. ";
        let html = format!(
            "<body><main><h1>Clogs</h1><div class=seo-footer-copy><p>{}</p></div></main>\
             <footer><p>{}</p></footer></body>",
            copy.repeat(10),
            legal.repeat(30)
        );
        let dropped = dropped_texts(&html);
        assert!(!dropped
            .iter()
            .any(|text| text.starts_with("The category's")));
        // Outside a <main>, the name still tells.
        let dropped = dropped_texts(&html.replace("main>", "div>"));
        assert!(dropped
            .iter()
            .any(|text| text.starts_with("The category's")));
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
