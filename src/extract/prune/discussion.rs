//! Discussion pages and comment sections: whether the page is a forum or Q&A thread, where
//! its comment sections are, and when one beside the article it comments on is furniture.

use super::{MaskPolicy, Prose};
use crate::extract::dom::{AttributeExt, FlatDom, Kind};
use crate::extract::names::Named;
use crate::extract::subtrees::outermost;
use crate::text::url_path;
use crate::vocab::{
    CLASS_EXEMPT_TAGS, COMMENTS_BESIDE_PROSE_SHARE, FORUM_SCHEMA_TYPES, FORUM_URL_MARKERS,
};

/// Whether the page declares itself a discussion: a forum or Q&A schema type in microdata or
/// JSON-LD, or a discussion path in its canonical URL.
pub(crate) fn is_discussion(dom: &FlatDom) -> bool {
    dom.nodes.iter().enumerate().any(|(index, node)| {
        let Some(element) = node.element() else {
            return false;
        };
        let declares_type = |text: &str| FORUM_SCHEMA_TYPES.iter().any(|t| text.contains(t));
        match element.name() {
            "script" if crate::parse::is_json_ld(element.attribute("type")) => dom.nodes
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

/// The outermost elements that are comment sections, in document order.
pub(crate) fn comment_sections(dom: &FlatDom, dropped: &[bool]) -> Vec<usize> {
    outermost(dom, |index| {
        !dropped[index]
            && dom.nodes[index].element().is_some_and(|element| {
                !CLASS_EXEMPT_TAGS.contains(&element.name())
                    && dom.named(index).has(Named::COMMENTS)
            })
    })
    .collect()
}

/// A comment section beside an article body (an element named as one, see
/// [`crate::vocab::CONTENT_CLASS_PATTERNS`]) holding at least [`COMMENTS_BESIDE_PROSE_SHARE`]
/// of the section's non-link text: however much text the section holds, the article is the
/// content.
pub(super) fn is_comment_section_beside_prose(
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

#[cfg(test)]
mod tests {
    use crate::extract::prune::tests::dropped_texts;

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
}
