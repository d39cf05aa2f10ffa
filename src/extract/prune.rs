//! The drop mask: which nodes are page furniture, decided top-down from tags, attributes,
//! class/id vocabulary and link density.

use super::dom::{FlatDom, Kind, NO_PARENT};
use super::lines::{
    is_boilerplate_line, is_loading_placeholder, is_named_date_stamp, is_page_control,
    is_post_number, is_prompt, is_reaction_count, is_site_notice,
};
use super::names::Named;
use super::subtrees::{any_below, first_text_children, outermost, Inherited, Marked, TextIndex};
use std::cell::OnceCell;
use std::sync::LazyLock;

use std::collections::{HashMap, HashSet};

use crate::text::url_path;
use crate::vocab::{
    ARTICLE_BODY_BESIDE_MIN_CHARS, AUTHOR_BOX_ITEMPROPS, AUTHOR_BOX_MIN_CHARS, BLOCK_TAGS,
    BOILERPLATE_LINE_MAX_CHARS, COLLAPSED_PANEL_ROLES, FORUM_SCHEMA_TYPES, FORUM_URL_MARKERS,
    FURNITURE_BESIDE_BODY_SHARE, FURNITURE_HEADINGS, FURNITURE_HEADING_MAX_WORDS,
    FURNITURE_SECTION_MAX_CLIMB, FURNITURE_SECTION_MAX_SHARE, LINE_INLINE_TAGS, LINK_LIST_TAGS,
    NAVIGATION_PROSE_MAX_LINK_DENSITY, NAVIGATION_PROSE_MIN_CHARS,
    PLAIN_FURNITURE_HEADING_MIN_WORDS, PROMPT_LINE_MAX_CHARS, SITE_NOTICE_MAX_CHARS,
};

use crate::extract::dom::AttributeExt;
use crate::vocab::{
    Preset, BOILERPLATE_ROLES, CLASS_EXEMPT_TAGS, CLASS_FLAG_PREFIXES, COMMENTS_BESIDE_PROSE_SHARE,
    CONSENT_CLASS_PATTERNS, CONTAINER_MAX_LINK_DENSITY, CONTAINER_MIN_CHARS, CONTAINER_TEXT_SHARE,
    DENSE_LINK_LIST_DENSITY, DENSE_LINK_LIST_MAX_CHARS, DENSE_LINK_LIST_PROSE_RATIO, DISCARD_TAGS,
    FORM_CONTROL_TAGS, FURNITURE_TAGS, GRID_MIN_ITEMS, GRID_MIN_SHARE, GRID_PROSE_MIN_CHARS,
    HEADING_ANCHOR_SEARCH_NODES, HEADING_TAGS, HERO_MIN_PROSE_CHARS, HIDDEN_WRAPPER_MIN_SHARE,
    LINK_COLUMN_MIN_LINKS, LINK_DENSITY_MIN_CHARS, MAIN_PROSE_HOLDER_SHARE, NOSCRIPT_CONTENT_CHARS,
    PARAGRAPH_TAGS, PROSE_HOLDER_MIN_CHARS, PROSE_HOLDER_PARAGRAPH_SHARE, PROSE_HOLDER_SHARE,
    READ_MORE_BODY_MIN_CHARS, REGION_MIN_CHARS, SECTIONING_TAGS, SHOP_SCHEMA_TYPES,
    STREAMING_SEGMENT_ID_PREFIX, TEXT_ENTRY_INPUT_TYPES,
};

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
    let shop_page = is_shop_page(dom);
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
    /// The page declares a product for sale (see [`is_shop_page`]).
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
/// Whether this table cell is a column of links, as table layouts set their navigation: at
/// least [`LINK_COLUMN_MIN_LINKS`] links (a data table's cell holds one).
fn is_link_column(dom: &FlatDom, index: usize) -> bool {
    (dom.text_chars[index] as usize) < LINK_DENSITY_MIN_CHARS
        && (index..dom.nodes[index].end)
            .filter(|&at| dom.nodes[at].tag() == Some("a"))
            .nth(LINK_COLUMN_MIN_LINKS - 1)
            .is_some()
}

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

/// Whether the element is named as a cookie-consent manager ([`CONSENT_CLASS_PATTERNS`]),
/// whose legal prose may outweigh a short page's content, even fill most of the page's text,
/// but never is the content. State flags (`has-consent`) do not count.
fn is_consent_manager(element: &scraper::node::Element) -> bool {
    [element.attribute("id"), element.attribute("class")]
        .into_iter()
        .flatten()
        .flat_map(str::split_ascii_whitespace)
        .map(str::to_ascii_lowercase)
        .filter(|token| {
            !CLASS_FLAG_PREFIXES
                .iter()
                .any(|flag| token.starts_with(flag))
        })
        .any(|token| {
            CONSENT_CLASS_PATTERNS
                .iter()
                .any(|pattern| token.contains(pattern))
        })
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

/// A shop's furniture around a product (see [`crate::vocab::SHOP_FURNITURE_CLASS_PATTERNS`]).
fn is_shop_furniture(dom: &FlatDom, index: usize) -> bool {
    let named = dom.named(index);
    named.has(Named::SHOP_FURNITURE) && !named.has(Named::CONTENT)
}

/// Whether the page declares a product for sale: a [`SHOP_SCHEMA_TYPES`] type in microdata
/// (`itemtype=".../Product"`) or JSON-LD (`"@type": "Product"`).
fn is_shop_page(dom: &FlatDom) -> bool {
    dom.nodes.iter().enumerate().any(|(index, node)| {
        let Some(element) = node.element() else {
            return false;
        };
        if element.name() == "script" && element.attribute("type") == Some("application/ld+json") {
            return dom.nodes[index..dom.nodes[index].end]
                .iter()
                .any(|child| matches!(child.kind, Kind::Text(text) if declares_shop_type(text)));
        }
        element.attribute("itemtype").is_some_and(|itemtype| {
            let kind = itemtype.trim().rsplit('/').next().unwrap_or("");
            SHOP_SCHEMA_TYPES.contains(&kind)
        })
    })
}

/// Whether JSON-LD text gives some object a [`SHOP_SCHEMA_TYPES`] type.
fn declares_shop_type(json: &str) -> bool {
    json.match_indices("\"@type\"").any(|(at, key)| {
        let rest = json[at + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('[').unwrap_or(rest).trim_start();
        rest.strip_prefix('"').is_some_and(|value| {
            let value = value.split('"').next().unwrap_or("");
            let value = value.rsplit('/').next().unwrap_or(value);
            SHOP_SCHEMA_TYPES.contains(&value)
        })
    })
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

/// Drops the longer blocks of nearly nothing but links (teaser rails, "most read" boxes, link
/// grids) before the article's first paragraph of prose or after its last, on a page with much
/// more prose than they hold together (see [`DENSE_LINK_LIST_DENSITY`]). Between paragraphs of
/// prose, such blocks are cards of a landing page's content.
pub fn drop_dense_link_lists(dom: &FlatDom, dropped: &mut [bool]) {
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
fn grid_items(dom: &FlatDom, reasons: &[Reason], prose: &Prose) -> Vec<usize> {
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

/// A list item whose list is mostly prose: its links are references in running text.
fn in_prose_list(dom: &FlatDom, index: usize, policy: &MaskPolicy) -> bool {
    let parent = dom.nodes[index].parent;
    parent != NO_PARENT && dom.link_density(parent) < policy.preset.max_link_density
}

/// An accordion or tab panel, whose content is hidden only until a click.
fn is_collapsed_panel(dom: &FlatDom, index: usize, element: &scraper::node::Element) -> bool {
    element.attribute("role").is_some_and(|role| {
        COLLAPSED_PANEL_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    }) || dom.named(index).has(Named::COLLAPSED_PANEL)
}

/// Whether the page declares itself a discussion: a forum or Q&A schema type in microdata or
/// JSON-LD, or a discussion path in its canonical URL.
pub fn is_discussion(dom: &FlatDom) -> bool {
    dom.nodes.iter().enumerate().any(|(index, node)| {
        let Some(element) = node.element() else {
            return false;
        };
        let declares_type = |text: &str| FORUM_SCHEMA_TYPES.iter().any(|t| text.contains(t));
        match element.name() {
            "script" if element.attribute("type") == Some("application/ld+json") => dom.nodes
                [index..dom.nodes[index].end]
                .iter()
                .any(|child| matches!(child.kind, Kind::Text(text) if declares_type(text))),
            "link" if element.attribute("rel") == Some("canonical") => {
                element.attribute("href").is_some_and(is_discussion_url)
            }
            "meta" if element.attribute("property") == Some("og:url") => {
                element.attribute("content").is_some_and(is_discussion_url)
            }
            _ => element.attribute("itemtype").is_some_and(declares_type),
        }
    })
}

/// Whether a URL's path marks a discussion ([`FORUM_URL_MARKERS`]).
pub(crate) fn is_discussion_url(url: &str) -> bool {
    let path = url_path(url);
    FORUM_URL_MARKERS.iter().any(|marker| path.contains(marker))
}

/// Drops the sections that furniture headings open ("Related stories", "Mehr zum Thema"):
/// the heading, and either the small container it opens (it is the container's first text)
/// or its following siblings up to the next heading of the same or higher rank.
pub fn drop_furniture_sections(dom: &FlatDom, dropped: &mut [bool]) {
    let page_text = dom.text_chars.first().copied().unwrap_or(0).max(1) as f32;
    // Found once a heading asks: headings nest, and a search per heading would be its own.
    let texts = OnceCell::new();
    let first_text_child = OnceCell::new();
    for index in 0..dom.len() {
        let Some(rank) = heading_rank(dom, index) else {
            continue;
        };
        if dropped[index]
            || !furniture_heading_at(dom, texts.get_or_init(|| TextIndex::new(dom, None)), index)
        {
            continue;
        }
        let first_text_child = first_text_child.get_or_init(|| first_text_children(dom));
        let end = dom.nodes[index].end;
        dropped[index..end].fill(true);
        // Wrappers that hold nothing but the heading's text are the heading (component
        // frameworks nest a heading in several of them); then climb while the heading is its
        // container's first text and the container is small.
        let mut head = index;
        loop {
            let parent = dom.nodes[head].parent;
            if parent == NO_PARENT
                || dom.text_chars[parent] != dom.text_chars[index]
                || dom.nodes[parent]
                    .tag()
                    .is_some_and(|tag| CLASS_EXEMPT_TAGS.contains(&tag))
            {
                break;
            }
            head = parent;
        }
        let mut section = head;
        for _ in 0..FURNITURE_SECTION_MAX_CLIMB {
            let parent = dom.nodes[section].parent;
            if parent == NO_PARENT
                || first_text_child[parent] != section
                || dom.text_chars[parent] as f32 >= FURNITURE_SECTION_MAX_SHARE * page_text
                || holds_peer_heading(dom, parent, section, rank)
            {
                break;
            }
            section = parent;
        }
        if section != head {
            dropped[section..dom.nodes[section].end].fill(true);
            continue;
        }
        // A bare heading opens its following siblings; a wrapped one only itself, as its
        // wrapper's siblings are often the page's own sections.
        let parent = dom.nodes[index].parent;
        if head != index || parent == NO_PARENT {
            continue;
        }
        let mut sibling = end;
        while sibling < dom.nodes[parent].end {
            if heading_rank(dom, sibling).is_some_and(|r| r <= rank) {
                break;
            }
            let sibling_end = dom.nodes[sibling].end;
            dropped[sibling..sibling_end].fill(true);
            sibling = sibling_end;
        }
    }
}

/// Drops short leaf blocks that read as boilerplate lines: credits, sources, copyright,
/// contact lines, update stamps, ad labels, prompts and reading-time notes (see
/// [`BOILERPLATE_LINE_PREFIXES`] and [`BOILERPLATE_LINE_PHRASES`]), and somewhat longer ones
/// that are subscribe, app or donation prompts ([`PROMPT_PHRASES`]). A leaf block whose text is
/// a furniture heading ("Das könnte Sie auch interessieren" in a `<p>` or `<div>`) is a heading
/// without the markup: it goes with the following siblings up to the next real heading.
pub fn drop_boilerplate_lines(dom: &FlatDom, dropped: &mut [bool], discussion: bool) {
    // A node's descendants are as the mask had them when the walk reaches it (the lines it
    // drops are the node's own subtree and its later siblings'), so their text and blocks are
    // indexed once from the mask as it comes.
    let texts = TextIndex::new(dom, Some(dropped));
    let holds_block = any_below(dom, |child| {
        !dropped[child]
            && dom.text_chars[child] > 0
            && dom.nodes[child]
                .tag()
                .is_some_and(|t| BLOCK_TAGS.contains(&t))
    });
    for index in 0..dom.len() {
        if dropped[index]
            || (dom.text_chars[index] as usize)
                > SITE_NOTICE_MAX_CHARS.max(4 * BOILERPLATE_LINE_MAX_CHARS)
        {
            continue;
        }
        let Some(tag) = dom.nodes[index].tag() else {
            continue;
        };
        let inline_line = LINE_INLINE_TAGS.contains(&tag);
        if !(BLOCK_TAGS.contains(&tag) || inline_line) || matches!(tag, "body" | "html") {
            continue;
        }
        let end = dom.nodes[index].end;
        if holds_block[index] {
            continue;
        }
        let text = texts.text(dom, index);
        let chars = text.chars().count();
        if !inline_line && chars <= SITE_NOTICE_MAX_CHARS && is_site_notice(&text) {
            dropped[index..end].fill(true);
            continue;
        }
        if text.is_empty() || chars > PROMPT_LINE_MAX_CHARS {
            continue;
        }
        if !inline_line && is_prompt(&text) {
            dropped[index..end].fill(true);
            continue;
        }
        if chars > BOILERPLATE_LINE_MAX_CHARS {
            continue;
        }
        let lower = text.to_lowercase();
        if is_boilerplate_line(&text)
            || is_loading_placeholder(&lower)
            || is_reaction_count(&lower)
            || is_page_control(&lower)
            || (!discussion && is_named_date_stamp(&lower))
            || (discussion && is_post_number(&lower))
        {
            // Posts of a discussion carry their date as a line of their own, and thread truth
            // keeps it as often as not: there a spelled-out date is left alone. A lone "#12"
            // there is the post's permalink number; elsewhere it ranks the item that follows.
            dropped[index..end].fill(true);
        } else if inline_line {
            continue;
        } else if tag != "li"
            && crate::text::count_words(&text) >= PLAIN_FURNITURE_HEADING_MIN_WORDS
            && is_furniture_heading(&text)
        {
            // A furniture heading set as a plain block: it opens the rest of its container.
            dropped[index..end].fill(true);
            let parent = dom.nodes[index].parent;
            if parent != NO_PARENT {
                let mut sibling = end;
                while sibling < dom.nodes[parent].end && heading_rank(dom, sibling).is_none() {
                    let sibling_end = dom.nodes[sibling].end;
                    dropped[sibling..sibling_end].fill(true);
                    sibling = sibling_end;
                }
            }
        }
    }
}

/// 1–6 for `<h1>`–`<h6>`.
fn heading_rank(dom: &FlatDom, index: usize) -> Option<u8> {
    match dom.nodes[index].tag()?.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Whether a child of `container` other than `section` is a heading of the same or higher
/// rank than the furniture heading: then the container groups several sections (a shop's
/// "Related products" strip beside the category's own introduction), and only the furniture
/// heading's own section goes. Headings deeper down (the titles of teaser cards) do not count.
fn holds_peer_heading(dom: &FlatDom, container: usize, section: usize, rank: u8) -> bool {
    let mut child = container + 1;
    while child < dom.nodes[container].end {
        if child != section && heading_rank(dom, child).is_some_and(|r| r <= rank) {
            return true;
        }
        child = dom.nodes[child].end;
    }
    false
}

/// Whether the heading at `index` names a furniture section. Its text is read in full only
/// when its start can open one: every phrase starts the heading's lowercased text, and no
/// phrase holds a sigma, whose lowercase depends on what follows it.
fn furniture_heading_at(dom: &FlatDom, texts: &TextIndex, index: usize) -> bool {
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        let sigma = FURNITURE_HEADINGS
            .iter()
            .any(|phrase| phrase.contains(['σ', 'ς']));
        let longest = FURNITURE_HEADINGS
            .iter()
            .map(|phrase| phrase.chars().count());
        if sigma {
            usize::MAX
        } else {
            longest.max().unwrap_or(0)
        }
    });
    let start: String = texts
        .text_start(dom, index, *LONGEST)
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    FURNITURE_HEADINGS
        .iter()
        .any(|phrase| start.starts_with(phrase))
        && is_furniture_heading(&texts.text(dom, index))
}

/// Whether a heading's text names a furniture section.
fn is_furniture_heading(text: &str) -> bool {
    let normalized = text
        .to_lowercase()
        .trim_end_matches(|c: char| {
            matches!(c, ':' | ')' | '(' | '…' | '.' | '?' | '!' | '*')
                || c.is_ascii_digit()
                || c.is_whitespace()
        })
        .to_string();
    if normalized.is_empty() {
        return false;
    }
    let words = crate::text::count_words(&normalized);
    FURNITURE_HEADINGS.iter().any(|phrase| {
        normalized == *phrase
            || (words <= FURNITURE_HEADING_MAX_WORDS
                && normalized
                    .strip_prefix(phrase)
                    .is_some_and(|rest| rest.starts_with(' ')))
    })
}

/// For each node, whether it is inside the page's header (its menus are not grid cards):
/// the outermost `<header>` or sectioning element ([`SECTIONING_TAGS`]) around it decides. A
/// `<header>` within a sectioning element heads only that section — a teaser card's headline
/// and excerpt — and is not the page's.
fn page_headers<'d, 'a>(
    dom: &'d FlatDom<'a>,
) -> Inherited<'d, 'a, Option<bool>, impl Fn(Option<bool>, usize) -> Option<bool> + 'd> {
    Inherited::new(dom, None, |outer, parent| {
        outer.or(match dom.nodes[parent].tag() {
            Some("header") => Some(true),
            Some(tag) if SECTIONING_TAGS.contains(&tag) => Some(false),
            _ => None,
        })
    })
}

/// The outermost elements that are comment sections, in document order.
pub fn comment_sections(dom: &FlatDom, dropped: &[bool]) -> Vec<usize> {
    outermost(dom, |index| {
        !dropped[index]
            && dom.nodes[index].element().is_some_and(|element| {
                !CLASS_EXEMPT_TAGS.contains(&element.name())
                    && dom.named(index).has(Named::COMMENTS)
            })
    })
    .collect()
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
    if element.attribute("hidden").is_some() && !is_streaming_segment(element) {
        return true;
    }
    aria_hidden(element) || hidden_by_style(element)
}

/// Hidden from assistive technology by `aria-hidden="true"`. A link so marked is still on
/// screen: cards hide the second link to the same page (an excerpt around the headline's
/// link) from screen readers so that they announce it once.
fn aria_hidden(element: &scraper::node::Element) -> bool {
    element.name() != "a"
        && element
            .attribute("aria-hidden")
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
}

/// Hidden by an inline `display: none` or `visibility: hidden`.
fn hidden_by_style(element: &scraper::node::Element) -> bool {
    element.attribute("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// React's streaming server rendering sends content in `<div hidden id="S:…">` segments that
/// its script moves into place at load: they are the page, not hidden text.
fn is_streaming_segment(element: &scraper::node::Element) -> bool {
    element.attribute("id").is_some_and(|id| {
        id.strip_prefix(STREAMING_SEGMENT_ID_PREFIX)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()))
    })
}

/// Whether the element's class or id names page furniture and not article content.
fn is_boilerplate_by_name<'a>(
    dom: &FlatDom<'a>,
    index: usize,
    element: &'a scraper::node::Element,
    policy: &MaskPolicy,
    prose: &Prose,
    in_navigation_prose: bool,
) -> bool {
    let names = dom.names[index];
    if names.all() == Named::default() {
        return false;
    }
    // A section's id made from its heading ("sharing-with-other-developers") names a topic of
    // the article, not a kind of furniture.
    let named = match element.attribute("id") {
        Some(id) if names.id != Named::default() && is_heading_anchor(dom, index, id) => {
            names.class
        }
        _ => names.all(),
    };
    let furniture = named.has(Named::BOILERPLATE)
        || (named.has(Named::NAVIGATION) && !in_navigation_prose)
        // A "read more" control is short; a "read more" block of prose is what it unfolds.
        || (named.has(Named::READ_MORE) && prose.non_link[index] < READ_MORE_BODY_MIN_CHARS)
        || (!policy.keep_comments && named.has(Named::COMMENTS))
        || (!policy.keep_replies && named.has(Named::REPLIES))
        || (named.has(Named::BANNER) && !named.has(Named::HERO) && !is_hero(dom, index, prose));
    furniture && !named.has(Named::CONTENT)
}

/// Whether an element named as navigation ([`crate::vocab::NAVIGATION_CLASS_PATTERNS`]) reads
/// as prose: navigation is links, so a long block with few of them (a FAQ in a `tabs-menu`, a
/// tab panel whose id comes from a `filter-menu`) is content under a layout name.
fn is_navigation_prose(dom: &FlatDom, index: usize, prose: &Prose) -> bool {
    prose.non_link[index] >= NAVIGATION_PROSE_MIN_CHARS
        && dom.link_density(index) < NAVIGATION_PROSE_MAX_LINK_DENSITY
        && dom.named(index).has(Named::NAVIGATION)
}

/// An author box marked up only as microdata: an element whose `itemprop` is one of
/// [`AUTHOR_BOX_ITEMPROPS`] holding at least [`AUTHOR_BOX_MIN_CHARS`] of text — a bio, not
/// just the name a forum post or byline carries.
fn is_author_box_by_itemprop(
    dom: &FlatDom,
    index: usize,
    element: &scraper::node::Element,
) -> bool {
    dom.text_chars[index] as usize >= AUTHOR_BOX_MIN_CHARS
        && element.attribute("itemprop").is_some_and(|value| {
            value.split_ascii_whitespace().any(|token| {
                AUTHOR_BOX_ITEMPROPS
                    .iter()
                    .any(|furniture| token.eq_ignore_ascii_case(furniture))
            })
        })
}

/// A comment section beside an article body (an element named as one, see
/// [`crate::vocab::CONTENT_CLASS_PATTERNS`]) holding at least [`COMMENTS_BESIDE_PROSE_SHARE`]
/// of the section's non-link text: however much text the section holds, the article is the
/// content.
/// A sidebar, menu or other block named as furniture is not the content, however much text it
/// holds, when an element named as the article body beside it holds a body's worth of prose:
/// a short post on a blog with a long sidebar is still the post.
fn is_furniture_beside_article_body(dom: &FlatDom, prose: &Prose, index: usize) -> bool {
    let named = dom.named(index);
    (named.has(Named::BOILERPLATE) || named.has(Named::NAVIGATION))
        && !named.has(Named::CONTENT)
        && prose
            .article_bodies(dom)
            .max_beside(dom, index)
            .is_some_and(|body| {
                body as usize >= ARTICLE_BODY_BESIDE_MIN_CHARS
                    && body as f32 >= FURNITURE_BESIDE_BODY_SHARE * prose.non_link[index] as f32
            })
}

fn is_comment_section_beside_prose(
    dom: &FlatDom,
    policy: &MaskPolicy,
    prose: &Prose,
    index: usize,
) -> bool {
    let named = dom.named(index);
    !policy.keep_comments
        && named.has(Named::COMMENTS)
        && !named.has(Named::CONTENT)
        && prose
            .article_bodies(dom)
            .max_beside(dom, index)
            .is_some_and(|body| {
                body as f32 >= COMMENTS_BESIDE_PROSE_SHARE * prose.non_link[index] as f32
            })
}

/// Whether `id` spells the text of the first heading in the element's subtree (the element
/// itself included), ignoring case and everything but letters and digits.
fn is_heading_anchor(dom: &FlatDom, index: usize, id: &str) -> bool {
    let subtree = index..dom.nodes[index].end;
    let Some(heading) = subtree
        .clone()
        .take(HEADING_ANCHOR_SEARCH_NODES)
        .find(|&node| {
            dom.nodes[node]
                .tag()
                .is_some_and(|tag| HEADING_TAGS.contains(&tag))
        })
    else {
        return false;
    };
    let mut heading_letters = dom.nodes[heading..dom.nodes[heading].end]
        .iter()
        .filter_map(|node| match node.kind {
            Kind::Text(text) => Some(text),
            _ => None,
        })
        .flat_map(str::chars)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut id_letters = id
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .peekable();
    id_letters.peek().is_some()
        && id_letters.all(|c| heading_letters.next() == Some(c))
        && heading_letters.next().is_none()
}

/// A banner that introduces the page: a heading and some prose.
fn is_hero(dom: &FlatDom, index: usize, prose: &Prose) -> bool {
    let headed = |index: usize| matches!(dom.nodes[index].tag(), Some("h1" | "h2" | "h3"));
    prose.non_link[index] >= HERO_MIN_PROSE_CHARS
        && (headed(index) || prose.headed.get_or_init(|| any_below(dom, headed))[index])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lines::is_date_stamp;
    use scraper::Html;

    const BALANCED: MaskPolicy = MaskPolicy::article(Preset::BALANCED);

    #[test]
    fn loading_placeholders_are_the_word_alone_or_an_ellipsis() {
        for line in [
            "loading",
            "loading...",
            "loading questions…",
            "chargement …",
        ] {
            assert!(is_loading_placeholder(line), "{line}");
        }
        for line in [
            "loading dock",
            "loading the van took the whole morning.",
            "loading times of the new console are short...",
        ] {
            assert!(!is_loading_placeholder(line), "{line}");
        }
    }

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
    fn customer_reviews_holding_the_prose_go_on_product_pages_only() {
        let review = "<p>Great pack, I carried it on a week of trails and it held up well.</p>";
        let page = |schema: &str| {
            format!(
                "<head>{schema}</head><body><div class=description><p>{}</p></div>\
                 <div class=product-reviews>{}</div></body>",
                "A light day pack with pockets galore, for a wide range of body types. ".repeat(12),
                review.repeat(12)
            )
        };
        let json_ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type" : "Product","name":"Pack"}</script>"#;
        let dropped = dropped_texts(&page(json_ld));
        assert_eq!(
            dropped.len(),
            13,
            "the script and every review: {dropped:?}"
        );
        assert!(dropped_texts(&page(""))
            .iter()
            .all(|text| !text.starts_with("Great pack")));
        let microdata = page("").replace(
            "<body>",
            "<body itemscope itemtype=https://schema.org/Product>",
        );
        assert_eq!(dropped_texts(&microdata).len(), 12);
    }

    #[test]
    fn shop_types_are_read_from_json_ld_type_values() {
        assert!(declares_shop_type(r#"{"@type":"Product"}"#));
        assert!(declares_shop_type(r#"{"@type": ["Offer", "Thing"]}"#));
        assert!(!declares_shop_type(r#"{"@type":"ProductCollection"}"#));
        assert!(!declares_shop_type(
            r#"{"@type":"Article","about":"Product"}"#
        ));
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

    /// The non-blank texts kept after the drop mask and then `step`.
    fn kept_after(html: &str, step: impl Fn(&FlatDom, &mut [bool])) -> Vec<String> {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let mut mask = drop_mask(&dom, &BALANCED);
        step(&dom, &mut mask);
        dom.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, node)| match node.kind {
                Kind::Text(text) if !mask[i] && !text.trim().is_empty() => {
                    Some(text.trim().to_string())
                }
                _ => None,
            })
            .collect()
    }

    fn kept_after_lines(html: &str) -> Vec<String> {
        kept_after(html, |dom, mask| drop_boilerplate_lines(dom, mask, false))
    }

    #[test]
    fn a_hidden_wrapper_of_the_content_is_revealed() {
        let story = "A sentence of the product description, long enough to be prose. ".repeat(12);
        let dropped = dropped_texts(&format!(
            "<body><nav><a href=a>Menu</a></nav><div class=lock style='display:none'>\
             <p>{story}</p></div><div style='display:none'>A notice</div></body>"
        ));
        assert_eq!(dropped, ["Menu", "A notice"]);
        let hidden_paragraph = dropped_texts(&format!(
            "<body><p>{story}</p><p style='display:none'>{story}</p></body>"
        ));
        assert_eq!(hidden_paragraph.len(), 1, "a hidden paragraph stays hidden");
    }

    #[test]
    fn the_page_behind_a_modal_is_not_hidden() {
        let story = "A sentence of the product description, long enough to be prose. ".repeat(12);
        let dropped = dropped_texts(&format!(
            "<body><section class=gdpr>We use cookies.</section>\
             <main aria-hidden=true><p>{story}</p></main><div aria-hidden=true>Icon</div></body>"
        ));
        assert_eq!(
            dropped,
            ["We use cookies.", "Icon"],
            "the banner goes, the page stays"
        );
    }

    #[test]
    fn hero_banners_are_content() {
        let dropped = dropped_texts(
            "<body><div class=top-banner>Sale now on</div><div class=heroBanner><p>Celebrating \
             150 years</p></div><p>Kept paragraph.</p></body>",
        );
        assert_eq!(dropped, ["Sale now on"]);
    }

    #[test]
    fn comments_beside_an_article_body_go_however_long() {
        let post = "A reader's long reply to the article, with an anecdote or two. ".repeat(20);
        let story = "The article itself, a paragraph of the story that readers reply to. ";
        let dropped = dropped_texts(&format!(
            "<body><div class=post-body><p>{}</p></div><div id=comments><p>{post}</p></div>\
             </body>",
            story.repeat(12)
        ));
        assert_eq!(dropped.len(), 1);
        assert!(dropped[0].starts_with("A reader's long reply"));
        let thread = dropped_texts(&format!(
            "<body><div id=comments><p>{post}</p></div><p>{story}</p></body>"
        ));
        assert!(
            thread.is_empty(),
            "without an article body the thread is the content"
        );
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
    fn a_consent_manager_is_furniture_however_much_it_holds() {
        let legal = "These cookies may be set through our site by our advertising partners \
                     to build a profile of your interests. ";
        let post = "A short post that the page is about.";
        let dropped = dropped_texts(&format!(
            "<body><p>{post}</p><div id=onetrust-consent-sdk><p>{}</p></div></body>",
            legal.repeat(20)
        ));
        assert_eq!(dropped.len(), 1);
        assert!(dropped[0].starts_with("These cookies"));
        // A state flag on a wrapper of the page is not a consent manager.
        let dropped = dropped_texts(&format!(
            "<body><div class=has-consent><p>{}</p></div></body>",
            post.repeat(20)
        ));
        assert!(dropped.is_empty());
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let kept = kept_after_lines(
            "<body><p>4 Min. Lesezeit</p><div><div>Jane Doe</div>\
             <time>Aktualisiert: 11.04.2020</time></div>\
             <p>Quelle: the ministry of things, short and sweet, is a credit line.</p>\
             <p>Source: a long sentence that only starts like a credit line and then goes on to \
             say a great deal more about the matter at hand, with clauses and details that no \
             credit line would ever carry, so that it is plainly part of the article text.</p>\
             <p>© 2024 Example Media. All rights reserved.</p>\
             <p>An article that mentions a newsletter in passing.</p></body>",
        );
        assert_eq!(kept[0], "Jane Doe");
        assert!(kept[1].starts_with("Source: a long sentence"));
        assert_eq!(kept[2], "An article that mentions a newsletter in passing.");
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn prompts_are_dropped_in_any_language() {
        let kept = kept_after_lines(
            "<body><p>The article's last paragraph, about the city council's newsletter.</p>\
             <p>To view the full story, please subscribe to The Daily Example. You can choose \
             an annual subscription or a weekly pass.</p>\
             <p>¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.</p>\
             <p>Czytasz nowy rodzaj materiału. Wesprzyj nas darowizną!</p></body>",
        );
        assert_eq!(
            kept,
            ["The article's last paragraph, about the city council's newsletter."]
        );
    }

    #[test]
    fn site_notices_are_dropped() {
        let consent = "We use cookies and other technologies that are essential to provide you \
            our services. If you agree and click Accept all, we will also allow our partners to \
            store cookies on your device and use similar technologies to collect and use your \
            personal data for advertising personalisation, measurement and analytics, on and \
            off our sites. You may decline consent by clicking Decline all, or make granular \
            choices, and you may withdraw your consent at any time in the privacy settings.";
        let kept = kept_after_lines(&format!(
            "<body><p>Web apps that use cookies must ask for consent under the ePrivacy rules.</p>\
             <div class=banner><p>{consent}</p></div>\
             <p>Please note that JavaScript is turned off in your web browser.</p>\
             <form><p>This field is for validation purposes and should be left unchanged.</p>\
             <p>This field is hidden when viewing the form</p></form></body>"
        ));
        assert_eq!(
            kept,
            ["Web apps that use cookies must ask for consent under the ePrivacy rules."]
        );
        // Affiliate disclosures are the site speaking of its links; an article about
        // affiliate marketing is not.
        let kept = kept_after_lines(
            "<body><p><em>This post may contain affiliate links. If you buy through them, we \
             may earn a small commission at no extra cost to you.</em></p>\
             <p>Streamers earn a commission when viewers buy gear through affiliate links.</p>\
             <p>We earn a commission for products purchased through some links in this \
             article.</p></body>",
        );
        assert_eq!(
            kept,
            ["Streamers earn a commission when viewers buy gear through affiliate links."]
        );
    }

    #[test]
    fn captions_outside_figcaption_are_dropped() {
        let kept = kept_after_lines(
            "<body><p>The article's paragraph, which names Getty Images as a company in a long \
             sentence that is far too long to be a caption of any picture on the page at all, \
             and goes on.</p>\
             <p>Lee Elder beim Masters 1975. | © Augusta National/Getty Images</p>\
             <p>Abbildung 4: klassische Schwachschicht.</p>\
             <p>Vergrößern Eine kleine runde Aussparung im Display.</p>\
             <p>(Credit: Jane Doe / Example)</p></body>",
        );
        assert_eq!(kept.len(), 1);
        assert!(kept[0].starts_with("The article's paragraph"));
    }

    #[test]
    fn date_stamps_are_dropped() {
        assert!(is_date_stamp("23.10.2018"));
        assert!(is_date_stamp("19.10.19, 08:16 uhr"));
        assert!(is_date_stamp("14. 01. 2020, 13:47"));
        assert!(is_date_stamp("2023-11-03"));
        assert!(!is_date_stamp("4.3333333333333333"));
        assert!(!is_date_stamp("1.2.3.4.5.6"));
        assert!(!is_date_stamp("3. modex 2026"));
        assert!(is_named_date_stamp("december 19, 2025"));
        assert!(is_named_date_stamp("updated on 23 oct 2025"));
        assert!(is_named_date_stamp("published: feb 6, 2024 · 4:30 pm et"));
        assert!(is_named_date_stamp("3 de marzo de 2024"));
        assert!(is_named_date_stamp("last reviewed: may 2025"));
        assert!(!is_named_date_stamp("the bridge opened on may 3, 2025"));
        assert!(!is_named_date_stamp(
            "december 19, 2025 and january 2, 2026"
        ));
        let kept = kept_after_lines(
            "<body><p>23.10.2018</p><p>Publiziert: 03.04.2020, 12:35</p>\
             <p>The article, which opened on 23.10.2018.</p></body>",
        );
        assert_eq!(kept, ["The article, which opened on 23.10.2018."]);
    }

    #[test]
    fn plain_furniture_headings_open_furniture() {
        let kept = kept_after_lines(
            "<body><div><p>The article's last words.</p><p><strong>Das könnte Sie auch \
             interessieren:</strong></p><p>Teaser one</p><p>Teaser two</p><h2>Next</h2>\
             <p>Tags</p><p>Kept after a one-word label</p></div></body>",
        );
        assert_eq!(
            kept,
            [
                "The article's last words.",
                "Next",
                "Tags",
                "Kept after a one-word label"
            ]
        );
    }

    fn kept_after_sections(html: &str) -> Vec<String> {
        kept_after(html, drop_furniture_sections)
    }

    #[test]
    fn a_wrapped_furniture_heading_takes_its_section() {
        let description = "A light day pack with pockets galore, for long walks. ".repeat(8);
        let kept = kept_after_sections(&format!(
            "<body><div class=product><h1>Day pack</h1><p>{description}</p></div>\
             <section><div class=a><div class=b><div class=c><h2>Customers also bought</h2>\
             </div></div></div><div class=rail><ul><li><div>Water bottle</div><div>$12</div>\
             </li><li><div>Rain cover</div><div>$18</div></li></ul></div></section></body>"
        ));
        assert_eq!(kept, ["Day pack", description.trim()]);
    }

    #[test]
    fn a_furniture_section_does_not_swallow_its_sibling_sections() {
        let intro = "Ergonomic mice keep the wrist and the forearm in a straight line. ".repeat(4);
        let kept = kept_after_sections(&format!(
            "<body><div class=wrap><div><h1>Related products</h1><div><span>Desks</span> \
             <span>Chairs</span></div></div><h1>Ergonomic mice</h1><p>{intro}</p></div>\
             <div>{}</div></body>",
            "A product card of the category grid. ".repeat(60)
        ));
        assert_eq!(kept[0], "Ergonomic mice");
        assert_eq!(kept[1], intro.trim());
    }

    #[test]
    fn furniture_headings_ignore_trailing_punctuation() {
        assert!(is_furniture_heading("Am meisten gelesen..."));
        assert!(is_furniture_heading("Am meisten gelesen...*"));
        assert!(is_furniture_heading("Schon gelesen?"));
        assert!(is_furniture_heading("Zobacz również"));
        assert!(!is_furniture_heading(
            "Mehr zu den Ursachen der Krise und ihren Folgen"
        ));
    }

    #[test]
    fn author_and_contact_boxes_are_dropped() {
        let dropped = dropped_texts(
            "<body><div class=article-text><p>Kept paragraph.</p></div>\
             <div class=autor-info>Über die Autorin</div>\
             <div class=kontakt-box>Ansprechpartner: Max</div></body>",
        );
        assert_eq!(dropped, ["Über die Autorin", "Ansprechpartner: Max"]);
    }

    #[test]
    fn author_boxes_marked_up_as_microdata_are_dropped_bare_names_stay() {
        let dropped = dropped_texts(
            "<body><div class=entry><p>Kept paragraph.</p>\
             <span itemprop=author>Ana Ruiz</span></div>\
             <div class=box-wrap itemscope itemprop=author><div class=name>Ana Ruiz</div>\
             <p>Ana escribe sobre ciencia y tecnología desde 2010 y dirige la sección de \
             divulgación del periódico.</p></div></body>",
        );
        assert_eq!(
            dropped,
            [
                "Ana Ruiz",
                "Ana escribe sobre ciencia y tecnología desde 2010 y dirige la sección de \
                 divulgación del periódico."
            ]
        );
    }

    #[test]
    fn link_lists_are_dropped() {
        let dropped = dropped_texts(
            "<body><ul><li><a href=a>One</a></li><li><a href=b>Two</a></li></ul>\
             <p>Prose with a <a href=c>link</a> in the middle of a sentence.</p></body>",
        );
        assert_eq!(dropped, ["One", "Two"]);
    }

    #[test]
    fn ids_made_from_a_heading_are_not_vocabulary() {
        let dropped = dropped_texts(
            "<body><div id=sharing-with-a-team><h2>Sharing with a team¶</h2><p>Kept.</p></div>\
             <div id=share-links><h2>Share this</h2><p>Gone.</p></div></body>",
        );
        assert_eq!(dropped, ["Share this", "Gone."]);
    }

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

    #[test]
    fn page_headers_and_furniture_headings_match_a_walk() {
        let document = Html::parse_document(
            "<body><header><nav><ul><li><a href=/>Home</a></li></ul></nav><article><header>\
             <h2>Related   stories: 12</h2></header></article></header><section><header><h3>\
             Mehr <b>zum</b> Thema</h3></header></section><h2>Related <span>stories</span> and \
             much more of the page besides</h2><h4>Comments</h4><h5><!-- x --> </h5></body>",
        );
        let dom = FlatDom::new(&document);
        let mut headers = page_headers(&dom);
        let texts = TextIndex::new(&dom, None);
        for index in 0..dom.len() {
            let mut in_header = false;
            let mut node = dom.nodes[index].parent;
            while node != NO_PARENT {
                match dom.nodes[node].tag() {
                    Some("header") => in_header = true,
                    Some(tag) if SECTIONING_TAGS.contains(&tag) => in_header = false,
                    _ => {}
                }
                node = dom.nodes[node].parent;
            }
            assert_eq!(headers.get(index) == Some(true), in_header, "node {index}");
            let mut text = String::new();
            for inner in index..dom.nodes[index].end {
                if let Kind::Text(part) = dom.nodes[inner].kind {
                    text.push_str(part);
                    text.push(' ');
                }
            }
            let naive = is_furniture_heading(&crate::text::collapse_whitespace(&text));
            assert_eq!(
                furniture_heading_at(&dom, &texts, index),
                naive,
                "node {index}"
            );
        }
        let furniture = (0..dom.len())
            .filter(|&index| heading_rank(&dom, index).is_some())
            .filter(|&index| furniture_heading_at(&dom, &texts, index))
            .count();
        assert_eq!(furniture, 3);
    }
}
