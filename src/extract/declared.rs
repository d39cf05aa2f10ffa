//! What a page declares itself to be, in its own markup: a product for sale, one article.
//! schema.org types in microdata (`itemtype`) or JSON-LD (`"@type"`), and Open Graph's
//! `og:type`. Declarations are evidence about the page as a whole; the rules that weigh blocks
//! ask them where a block's own shape is ambiguous.

use crate::extract::dom::{AttributeExt, FlatDom, Kind};
use crate::vocab::{
    ARTICLE_OPEN_GRAPH_TYPES, ARTICLE_SCHEMA_TYPES, LISTING_SCHEMA_TYPES, SHOP_SCHEMA_TYPES,
};

/// Whether the page declares a product for sale: a [`SHOP_SCHEMA_TYPES`] type.
pub fn declares_product(dom: &FlatDom) -> bool {
    declares_schema_type(dom, SHOP_SCHEMA_TYPES)
}

/// Whether the page declares itself one article: an `og:type` of [`ARTICLE_OPEN_GRAPH_TYPES`],
/// an [`ARTICLE_SCHEMA_TYPES`] type in JSON-LD, or exactly one microdata item of such a type
/// (an archive page's theme marks every card as a `BlogPosting`). A page that also declares a
/// listing ([`LISTING_SCHEMA_TYPES`]) is not one article, whatever else it says.
pub fn declares_article(dom: &FlatDom) -> bool {
    if declares_schema_type(dom, LISTING_SCHEMA_TYPES) {
        return false;
    }
    let open_graph = dom.nodes.iter().any(|node| {
        node.element().is_some_and(|element| {
            element.name() == "meta"
                && element
                    .attribute("property")
                    .is_some_and(|property| property.trim().eq_ignore_ascii_case("og:type"))
                && element.attribute("content").is_some_and(|content| {
                    ARTICLE_OPEN_GRAPH_TYPES
                        .iter()
                        .any(|kind| content.trim().eq_ignore_ascii_case(kind))
                })
        })
    });
    open_graph || json_ld_declares(dom, ARTICLE_SCHEMA_TYPES) || {
        let mut items = crate::extract::subtrees::outermost(dom, |index| {
            dom.nodes[index]
                .element()
                .and_then(|element| element.attribute("itemtype"))
                .is_some_and(is_article_itemtype)
        });
        items.next().is_some() && items.next().is_none()
    }
}

/// Whether a microdata `itemtype` value names an article type ([`ARTICLE_SCHEMA_TYPES`]).
pub fn is_article_itemtype(itemtype: &str) -> bool {
    itemtype.split_ascii_whitespace().any(|kind| {
        ARTICLE_SCHEMA_TYPES.contains(&kind.trim_end_matches('/').rsplit('/').next().unwrap_or(""))
    })
}

/// Whether some element's microdata `itemtype`, or some JSON-LD object's `@type`, is one of
/// `types` (the last path segment of a type URL counts: `https://schema.org/Product`).
fn declares_schema_type(dom: &FlatDom, types: &[&str]) -> bool {
    json_ld_declares(dom, types)
        || dom.nodes.iter().any(|node| {
            node.element()
                .and_then(|element| element.attribute("itemtype"))
                .is_some_and(|itemtype| {
                    itemtype
                        .split_ascii_whitespace()
                        .any(|kind| types.contains(&schema_type_name(kind)))
                })
        })
}

/// Whether some JSON-LD object's `@type` is one of `types`.
fn json_ld_declares(dom: &FlatDom, types: &[&str]) -> bool {
    dom.nodes.iter().enumerate().any(|(index, node)| {
        node.element().is_some_and(|element| {
            element.name() == "script"
                && crate::parse::is_json_ld(element.attribute("type"))
                && dom.nodes[index..dom.nodes[index].end].iter().any(
                    |child| matches!(child.kind, Kind::Text(text) if json_declares(text, types)),
                )
        })
    })
}

/// The type name of a type URL or prefixed name: `https://schema.org/Article/` and
/// `schema:Article` are `Article`.
fn schema_type_name(kind: &str) -> &str {
    let kind = kind.trim_end_matches('/');
    let kind = kind.rsplit('/').next().unwrap_or(kind);
    kind.rsplit(':').next().unwrap_or(kind)
}

/// Whether JSON-LD text gives some object one of `types` (its first type, when it lists several).
fn json_declares(json: &str, types: &[&str]) -> bool {
    json.match_indices("\"@type\"").any(|(at, key)| {
        let rest = json[at + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('[').unwrap_or(rest).trim_start();
        rest.strip_prefix('"').is_some_and(|value| {
            let value = value.split('"').next().unwrap_or("");
            types.contains(&schema_type_name(value))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn declares(html: &str, test: fn(&FlatDom) -> bool) -> bool {
        let document = Html::parse_document(html);
        test(&FlatDom::new(&document))
    }

    #[test]
    fn types_are_read_from_json_ld_type_values() {
        let shop = |json: &str| json_declares(json, SHOP_SCHEMA_TYPES);
        assert!(shop(r#"{"@type":"Product"}"#));
        assert!(shop(r#"{"@type": ["Offer", "Thing"]}"#));
        assert!(!shop(r#"{"@type":"ProductCollection"}"#));
        assert!(!shop(r#"{"@type":"Article","about":"Product"}"#));
    }

    #[test]
    fn articles_are_declared_by_schema_type_or_open_graph() {
        for html in [
            r#"<head><meta property="og:type" content="article"></head><body><p>x</p></body>"#,
            r#"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#,
            r#"<script type="application/ld+json">{"@graph":[{"@type":["BlogPosting"]}]}</script>"#,
            r#"<div itemscope itemtype="https://schema.org/Article/"><p>x</p></div>"#,
            r#"<script type="application/ld+json; charset=utf-8">{"@type": "schema:Article"}</script>"#,
        ] {
            assert!(declares(html, declares_article), "{html}");
        }
        for html in [
            r#"<head><meta property="og:type" content="website"></head>"#,
            r#"<script type="application/ld+json">{"@type": "Product"}</script>"#,
            r#"<p>An article about "@type": "NewsArticle" markup.</p>"#,
            // an archive whose theme marks every card as a post, and a declared listing
            r#"<div itemscope itemtype="https://schema.org/BlogPosting">a</div>
               <div itemscope itemtype="https://schema.org/BlogPosting">b</div>"#,
            r#"<head><meta property="og:type" content="article"></head>
               <script type="application/ld+json">{"@type": "CollectionPage"}</script>"#,
        ] {
            assert!(!declares(html, declares_article), "{html}");
        }
        assert!(declares(
            r#"<div itemscope itemtype="http://schema.org/Product">x</div>"#,
            declares_product
        ));
    }
}
