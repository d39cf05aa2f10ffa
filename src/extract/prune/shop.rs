//! A shop's furniture around a product, on a page that declares a product for sale.

use crate::extract::dom::{AttributeExt, FlatDom, Kind};
use crate::extract::names::Named;
use crate::vocab::SHOP_SCHEMA_TYPES;

/// A shop's furniture around a product (see [`crate::vocab::SHOP_FURNITURE_CLASS_PATTERNS`]).
pub(super) fn is_shop_furniture(dom: &FlatDom, index: usize) -> bool {
    let named = dom.named(index);
    named.has(Named::SHOP_FURNITURE) && !named.has(Named::CONTENT)
}

/// Whether the page declares a product for sale: a [`SHOP_SCHEMA_TYPES`] type in microdata
/// (`itemtype=".../Product"`) or JSON-LD (`"@type": "Product"`).
pub(super) fn is_shop_page(dom: &FlatDom) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::prune::tests::dropped_texts;

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
}
