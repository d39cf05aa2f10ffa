//! What a page declares itself to be, in its own markup: a product for sale, one article.
//! schema.org types in microdata (`itemtype`) or JSON-LD (`"@type"`), and Open Graph's
//! `og:type`. Declarations are evidence about the page as a whole; the rules that weigh blocks
//! ask them where a block's own shape is ambiguous.

use crate::extract::dom::{AttributeExt, FlatDom, Kind};
use crate::vocab::{ARTICLE_OPEN_GRAPH_TYPES, ARTICLE_SCHEMA_TYPES, SHOP_SCHEMA_TYPES};

/// Whether the page declares a product for sale: a [`SHOP_SCHEMA_TYPES`] type.
pub fn declares_product(dom: &FlatDom) -> bool {
    declares_schema_type(dom, SHOP_SCHEMA_TYPES)
}

/// Whether the page declares itself one article: an [`ARTICLE_SCHEMA_TYPES`] type, or an
/// `og:type` of [`ARTICLE_OPEN_GRAPH_TYPES`].
pub fn declares_article(dom: &FlatDom) -> bool {
    declares_schema_type(dom, ARTICLE_SCHEMA_TYPES)
        || dom.nodes.iter().any(|node| {
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
        })
}

/// Whether some element's microdata `itemtype`, or some JSON-LD object's `@type`, is one of
/// `types` (the last path segment of a type URL counts: `https://schema.org/Product`).
fn declares_schema_type(dom: &FlatDom, types: &[&str]) -> bool {
    dom.nodes.iter().enumerate().any(|(index, node)| {
        let Some(element) = node.element() else {
            return false;
        };
        if element.name() == "script" && element.attribute("type") == Some("application/ld+json") {
            return dom.nodes[index..dom.nodes[index].end]
                .iter()
                .any(|child| matches!(child.kind, Kind::Text(text) if json_declares(text, types)));
        }
        element.attribute("itemtype").is_some_and(|itemtype| {
            itemtype
                .split_ascii_whitespace()
                .any(|kind| types.contains(&kind.rsplit('/').next().unwrap_or("")))
        })
    })
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
            let value = value.rsplit('/').next().unwrap_or(value);
            types.contains(&value)
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
            r#"<div itemscope itemtype="https://schema.org/Article"><p>x</p></div>"#,
        ] {
            assert!(declares(html, declares_article), "{html}");
        }
        for html in [
            r#"<head><meta property="og:type" content="website"></head>"#,
            r#"<script type="application/ld+json">{"@type": "Product"}</script>"#,
            r#"<p>An article about "@type": "NewsArticle" markup.</p>"#,
        ] {
            assert!(!declares(html, declares_article), "{html}");
        }
        assert!(declares(
            r#"<div itemscope itemtype="http://schema.org/Product">x</div>"#,
            declares_product
        ));
    }
}
