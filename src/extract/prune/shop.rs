//! A shop's furniture around a product, on a page that declares a product for sale
//! ([`crate::extract::declared::declares_product`]).

use crate::extract::dom::FlatDom;
use crate::extract::names::Named;

/// A shop's furniture around a product (see [`crate::vocab::SHOP_FURNITURE_CLASS_PATTERNS`]).
pub(super) fn is_shop_furniture(dom: &FlatDom, index: usize) -> bool {
    let named = dom.named(index);
    named.has(Named::SHOP_FURNITURE) && !named.has(Named::CONTENT)
}

#[cfg(test)]
mod tests {
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
}
