//! Leaving script and style bodies out before parsing changes nothing else: the tree built from
//! the cut markup has the same elements, attributes and text as the whole page's, but for the
//! text of `<script>` and `<style>` elements.
#![no_main]

use dechaff::limits::PageLimits;
use dechaff::parse::{parse, parse_complete, without_unread_text};
use libfuzzer_sys::fuzz_target;
use scraper::{Html, Node};

/// Every node of the tree in document order, script and style text left out.
fn outline(document: &Html) -> Vec<String> {
    document
        .tree
        .root()
        .descendants()
        .filter_map(|node| match node.value() {
            Node::Element(element) => Some(format!("<{} {:?}>", element.name(), element.attrs)),
            Node::Text(text) => {
                let raw = node.parent().and_then(|parent| parent.value().as_element()).is_some_and(
                    |parent| matches!(parent.name(), "script" | "style"),
                );
                (!raw).then(|| text.to_string())
            }
            Node::Comment(comment) => Some(format!("<!--{}-->", &**comment)),
            _ => None,
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(cut) = without_unread_text(html, 256) {
        assert!(cut.len() <= html.len());
    }
    let limits = PageLimits::default();
    if let (Ok(whole), Ok(read)) = (parse_complete(html, &limits), parse(html, &limits)) {
        assert_eq!(outline(&whole), outline(&read));
    }
});
