//! The article's region: a semantic container that the page itself marks as its main content,
//! when one holds enough of the page's text.

use super::dom::{FlatDom, NO_PARENT};
use super::names::Named;
use super::subtrees::{outermost, TextIndex};
use crate::extract::dom::AttributeExt;
use crate::vocab::{
    GRID_PROSE_MIN_CHARS, LEDE_MAX_LINK_DENSITY, LEDE_MIN_CHARS, POST_CLASS_PATTERNS,
    POST_ID_PREFIXES, POST_MIN_CHARS, POST_REGION_MIN_PROSE_SHARE, REGION_MIN_CHARS,
    REGION_MIN_PROSE_SHARE, REGION_MIN_SHARE, REGION_PROSE_PAGE_MIN_CHARS,
};

/// Where the article lies: the root of its subtree, and whether the page names that root as
/// its post, so that a short text there is the whole post (a photo's caption, a two-line note)
/// and not a sign that the region missed the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The node whose subtree holds the article.
    pub root: usize,
    /// Whether the page's own class names mark `root` as the post ([`POST_CLASS_PATTERNS`]).
    pub named_post: bool,
    /// The article's lede when the page sets it outside `root`, before it: see [`lede_of`].
    pub lede: Option<usize>,
}

impl Region {
    fn container(root: usize) -> Region {
        Region {
            root,
            named_post: false,
            lede: None,
        }
    }
}

/// The node whose subtree holds the article: `itemprop=articleBody`, else a lone `<article>`,
/// else `<main>` or `role=main`, each only if it keeps enough text and enough of the page's
/// prose; else `fallback`.
pub fn main_region(dom: &FlatDom, dropped: &[bool], kept: &[u32], fallback: usize) -> Region {
    let total = kept[fallback] as f32;
    // Counted only for a container that keeps enough text, so most pages never count it;
    // then for every subtree at once, as candidates may nest.
    let mut prose = None;
    let mut big_enough = |index: usize| {
        !dropped[index]
            && kept[index] as usize >= REGION_MIN_CHARS
            && kept[index] as f32 >= REGION_MIN_SHARE * total
            && {
                let prose: &Vec<u32> = prose.get_or_insert_with(|| prose_chars(dom, dropped));
                let page = prose[fallback];
                page < REGION_PROSE_PAGE_MIN_CHARS
                    || prose[index] as f32 >= REGION_MIN_PROSE_SHARE * page as f32
            }
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
        return Region {
            lede: lede_of(dom, dropped, kept, index),
            ..Region::container(index)
        };
    }
    let articles: Vec<usize> = elements()
        .filter(|(i, e)| e.name() == "article" && !dropped[*i] && kept[*i] > 0)
        .map(|(i, _)| i)
        .collect();
    if let [article] = articles[..] {
        if big_enough(article) {
            return Region::container(article);
        }
    }
    let main = elements()
        .filter(|(_, e)| {
            e.name() == "main"
                || e.attribute("role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        })
        .map(|(i, _)| i)
        .find(|&i| big_enough(i));
    if let Some(main) = main {
        return Region::container(main);
    }
    named_post_region(dom, dropped, kept, &mut prose, fallback)
        .unwrap_or(Region::container(fallback))
}

/// The region of a page that marks its article only by class names, as blog software does
/// (rarely with `<article>` or `<main>`): the one element named as the post
/// ([`POST_CLASS_PATTERNS`]: title, body and footer), else the parent of the one element named
/// as the article body ([`Named::CONTENT`]: the body with its headline and lede), when it holds
/// at least [`POST_REGION_MIN_PROSE_SHARE`] of the page's prose paragraphs — however long the
/// sidebars of lists and links around it — or the page has under
/// [`REGION_PROSE_PAGE_MIN_CHARS`] of prose to weigh (a two-line post beside sidebar modules of
/// blurbs). A post needs only [`POST_MIN_CHARS`] of text. `prose` caches [`prose_chars`].
fn named_post_region(
    dom: &FlatDom,
    dropped: &[bool],
    kept: &[u32],
    prose: &mut Option<Vec<u32>>,
    fallback: usize,
) -> Option<Region> {
    let post = lone_named(dom, dropped, kept, POST_MIN_CHARS, |index| {
        names_a_post(dom, index)
    });
    let body = || {
        lone_named(dom, dropped, kept, REGION_MIN_CHARS, |index| {
            dom.named(index).has(Named::CONTENT)
        })
        .map(|body| dom.nodes[body].parent)
        .filter(|&parent| parent != NO_PARENT)
    };
    let candidate = post.or_else(body)?;
    // Counted once per page: `main_region`'s tests may have counted it already.
    let prose = prose.get_or_insert_with(|| prose_chars(dom, dropped));
    let page = prose[fallback];
    let holds_the_prose =
        page > 0 && prose[candidate] as f32 >= POST_REGION_MIN_PROSE_SHARE * page as f32;
    // A body that the parser cut off (a `<table>` or `<div>` opened inside a `<p>` of a quirks
    // page) has the paragraph for its parent: the rest of the article lies beside it.
    let paragraph = dom.nodes[candidate].tag() == Some("p");
    (!paragraph && (holds_the_prose || page < REGION_PROSE_PAGE_MIN_CHARS)).then_some(Region {
        root: candidate,
        named_post: post.is_some(),
        lede: None,
    })
}

/// The lede of an `articleBody`: microdata pages mark the story's summary as the article's
/// `description` and often set it as the standfirst above the body, outside the element named
/// `articleBody` ("Jede Menge Spaß bereitet es …" above the body of a news item). The lede is the
/// last kept element before `body` whose `itemprop` names the description of the same item —
/// the nearest `itemscope` around the body, of an article type and not the whole page — with
/// at least [`LEDE_MIN_CHARS`] of kept text of which at most [`LEDE_MAX_LINK_DENSITY`] is link
/// text. A `<meta>` description is not text, and a lede that the body repeats as its opening is
/// not written twice.
fn lede_of(dom: &FlatDom, dropped: &[bool], kept: &[u32], body: usize) -> Option<usize> {
    let scope = |index: usize| {
        dom.ancestors(index).find(|&at| {
            dom.nodes[at]
                .element()
                .is_some_and(|e| e.attribute("itemscope").is_some())
        })
    };
    let item = scope(body)?;
    let element = dom.nodes[item].element()?;
    if matches!(element.name(), "body" | "html")
        || !element
            .attribute("itemtype")
            .is_some_and(super::declared::is_article_itemtype)
    {
        return None;
    }
    let lede = (item + 1..body).rev().find(|&index| {
        let Some(element) = dom.nodes[index].element() else {
            return false;
        };
        !dropped[index]
            && dom.nodes[index].end <= body
            && element.name() != "meta"
            && element.attribute("itemprop").is_some_and(|names| {
                names
                    .split_ascii_whitespace()
                    .any(|name| name.eq_ignore_ascii_case("description"))
            })
            && kept[index] as usize >= LEDE_MIN_CHARS
            && dom.link_chars[index] as f32 <= LEDE_MAX_LINK_DENSITY * dom.text_chars[index] as f32
            && scope(index) == Some(item)
    })?;
    // Read only for a page that has a lede, which few do.
    let texts = TextIndex::new(dom, Some(dropped));
    let lede_text = texts.text(dom, lede);
    let opening = texts.text_start(dom, body, lede_text.chars().count() + LEDE_MIN_CHARS);
    (!opening.contains(&lede_text)).then_some(lede)
}

/// The one outermost kept element that `named` picks, when it keeps at least
/// [`REGION_MIN_CHARS`] of text; `None` when there are none or several (a listing of posts).
fn lone_named(
    dom: &FlatDom,
    dropped: &[bool],
    kept: &[u32],
    min_chars: usize,
    named: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut found = outermost(dom, |index| {
        !dropped[index] && kept[index] > 0 && named(index)
    });
    let (found, another) = (found.next(), found.next());
    if another.is_some() {
        return None;
    }
    found.filter(|&post| kept[post] as usize >= min_chars)
}

/// The element around `core` (or `core` itself), inside `region`, that blog software marks as
/// the post: by its class ([`POST_CLASS_PATTERNS`]) or by its id, a prefix of
/// [`POST_ID_PREFIXES`] and the post's number.
pub fn post_around(dom: &FlatDom, core: usize, region: usize) -> Option<usize> {
    std::iter::once(core)
        .chain(dom.ancestors(core))
        .take_while(|&at| at > region)
        .find(|&at| names_a_post(dom, at) || has_post_id(dom, at))
}

/// Whether the element's id is a post's: a [`POST_ID_PREFIXES`] prefix and a number.
fn has_post_id(dom: &FlatDom, index: usize) -> bool {
    dom.nodes[index]
        .element()
        .and_then(|element| element.attribute("id"))
        .is_some_and(|id| {
            POST_ID_PREFIXES.iter().any(|prefix| {
                id.strip_prefix(prefix).is_some_and(|number| {
                    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
                })
            })
        })
}

/// Whether the element's class list names it a post.
fn names_a_post(dom: &FlatDom, index: usize) -> bool {
    dom.nodes[index]
        .element()
        .and_then(|element| element.attribute("class"))
        .is_some_and(|class| {
            class.split_ascii_whitespace().any(|token| {
                POST_CLASS_PATTERNS
                    .iter()
                    .any(|pattern| token.eq_ignore_ascii_case(pattern) || token.ends_with(pattern))
            })
        })
}

/// Non-link characters of the kept prose paragraphs (`<p>`s of at least
/// [`GRID_PROSE_MIN_CHARS`] non-link characters) in each subtree.
fn prose_chars(dom: &FlatDom, dropped: &[bool]) -> Vec<u32> {
    let mut prose = vec![0u32; dom.len()];
    for index in (0..dom.len()).rev() {
        if !dropped[index] && dom.nodes[index].tag() == Some("p") {
            let chars = dom.text_chars[index].saturating_sub(dom.link_chars[index]);
            if chars >= GRID_PROSE_MIN_CHARS {
                prose[index] += chars;
            }
        }
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT {
            prose[parent] += prose[index];
        }
    }
    prose
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn lede_text(html: &str) -> Option<String> {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let dropped = vec![false; dom.len()];
        let kept = crate::extract::prune::kept_chars(&dom, &dropped);
        let body = (0..dom.len()).find(|&i| {
            dom.nodes[i]
                .element()
                .is_some_and(|e| e.attribute("itemprop") == Some("articleBody"))
        })?;
        lede_of(&dom, &dropped, &kept, body)
            .map(|lede| TextIndex::new(&dom, Some(&dropped)).text(&dom, lede))
    }

    #[test]
    fn the_lede_is_the_article_items_description_and_never_written_twice() {
        let lede =
            "The crossing will close for nine months from June, while the arches are rebuilt.";
        let story = "<p>The town council voted on Tuesday to rebuild the old stone bridge.</p>";
        let article = |opening: &str| {
            format!(
                "<body><div itemscope itemtype=https://schema.org/NewsArticle>\
                 <div itemprop=description><p>{lede}</p></div>\
                 <div itemprop=articleBody>{opening}{story}</div></div></body>"
            )
        };
        assert_eq!(lede_text(&article("")).as_deref(), Some(lede));
        // A body that opens with the lede again: it is there already.
        assert_eq!(lede_text(&article(&format!("<p>{lede}</p>"))), None);
        // The page's own description (a site's slogan in its header) is not the article's.
        let page = format!(
            "<body itemscope itemtype=https://schema.org/WebPage><header>\
             <p itemprop=description>{lede}</p></header><div itemprop=articleBody>{story}</div>\
             </body>"
        );
        assert_eq!(lede_text(&page), None);
    }

    #[test]
    fn a_post_is_named_by_its_class_or_its_numbered_id() {
        let document = Html::parse_document(
            "<body><div id=post-1842><div id=post-title><p id=a>x</p></div></div>\
             <div class=hentry><p id=b>y</p></div><div id=post-><p id=c>z</p></div></body>",
        );
        let dom = FlatDom::new(&document);
        let body = dom.first_with_tag("body").unwrap();
        let id = |value: &str| {
            (0..dom.len())
                .find(|&i| {
                    dom.nodes[i]
                        .element()
                        .is_some_and(|e| e.attribute("id") == Some(value))
                })
                .unwrap()
        };
        assert_eq!(post_around(&dom, id("a"), body), Some(id("post-1842")));
        let b = id("b");
        assert_eq!(post_around(&dom, b, body), Some(dom.nodes[b].parent));
        assert_eq!(post_around(&dom, id("c"), body), None);
    }

    #[test]
    fn prose_per_subtree_is_the_prose_of_its_paragraphs() {
        let long = "A paragraph long enough to count as prose, with clauses and asides. ".repeat(2);
        let html = format!(
            "<body><div><p>{long}</p><div><p>short</p><p>{long}<a href=x>{long}</a></p></div>\
             </div><p>{long}</p><main><p>{long}</p></main></body>"
        );
        let document = Html::parse_document(&html);
        let dom = FlatDom::new(&document);
        let dropped: Vec<bool> = (0..dom.len())
            .map(|index| dom.nodes[index].tag() == Some("main"))
            .collect();
        let prose = prose_chars(&dom, &dropped);
        for root in 0..dom.len() {
            let naive: u32 = (root..dom.nodes[root].end)
                .filter(|&index| !dropped[index] && dom.nodes[index].tag() == Some("p"))
                .map(|index| dom.text_chars[index].saturating_sub(dom.link_chars[index]))
                .filter(|&chars| chars >= GRID_PROSE_MIN_CHARS)
                .sum();
            assert_eq!(prose[root], naive, "node {root}");
        }
        assert!(prose[dom.first_with_tag("body").unwrap()] > 0);
    }
}
