//! Furniture by name: elements whose class, id or `itemprop` names them navigation, sharing,
//! banners, author boxes or consent managers, and the names not to trust (a heading's anchor,
//! a block of prose under a navigation name, a hero banner).

use super::{MaskPolicy, Prose};
use crate::extract::dom::{AttributeExt, FlatDom, Kind};
use crate::extract::names::Named;
use crate::extract::subtrees::any_below;
use crate::vocab::{
    ARTICLE_BODY_BESIDE_MIN_CHARS, AUTHOR_BOX_ITEMPROPS, AUTHOR_BOX_MIN_CHARS, CLASS_FLAG_PREFIXES,
    CONSENT_CLASS_PATTERNS, FURNITURE_BESIDE_BODY_SHARE, HEADING_ANCHOR_SEARCH_NODES, HEADING_TAGS,
    HERO_MIN_PROSE_CHARS, NAVIGATION_PROSE_MAX_LINK_DENSITY, NAVIGATION_PROSE_MIN_CHARS,
    READ_MORE_BODY_MIN_CHARS,
};

/// Whether the element's class or id names page furniture and not article content.
pub(super) fn is_boilerplate_by_name<'a>(
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
pub(super) fn is_navigation_prose(dom: &FlatDom, index: usize, prose: &Prose) -> bool {
    prose.non_link[index] >= NAVIGATION_PROSE_MIN_CHARS
        && dom.link_density(index) < NAVIGATION_PROSE_MAX_LINK_DENSITY
        && dom.named(index).has(Named::NAVIGATION)
}

/// An author box marked up only as microdata: an element whose `itemprop` is one of
/// [`AUTHOR_BOX_ITEMPROPS`] holding at least [`AUTHOR_BOX_MIN_CHARS`] of text — a bio, not
/// just the name a forum post or byline carries.
pub(super) fn is_author_box_by_itemprop(
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

/// A sidebar, menu or other block named as furniture is not the content, however much text it
/// holds, when an element named as the article body beside it holds a body's worth of prose:
/// a short post on a blog with a long sidebar is still the post.
pub(super) fn is_furniture_beside_article_body(dom: &FlatDom, prose: &Prose, index: usize) -> bool {
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

/// Whether the element is named as a cookie-consent manager ([`CONSENT_CLASS_PATTERNS`]),
/// whose legal prose may outweigh a short page's content, even fill most of the page's text,
/// but never is the content. State flags (`has-consent`) do not count.
pub(super) fn is_consent_manager(element: &scraper::node::Element) -> bool {
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
    use crate::extract::prune::tests::dropped_texts;

    #[test]
    fn hero_banners_are_content() {
        let dropped = dropped_texts(
            "<body><div class=top-banner>Sale now on</div><div class=heroBanner><p>Celebrating \
             150 years</p></div><p>Kept paragraph.</p></body>",
        );
        assert_eq!(dropped, ["Sale now on"]);
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
    fn ids_made_from_a_heading_are_not_vocabulary() {
        let dropped = dropped_texts(
            "<body><div id=sharing-with-a-team><h2>Sharing with a team¶</h2><p>Kept.</p></div>\
             <div id=share-links><h2>Share this</h2><p>Gone.</p></div></body>",
        );
        assert_eq!(dropped, ["Share this", "Gone."]);
    }
}
