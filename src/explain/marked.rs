//! A copy of a page with its dropped blocks struck through and labelled, to open in a browser.
//!
//! The copy is the parsed document written back out, with `data-dechaff` naming the decision
//! on each element where a dropped subtree starts, and a style sheet that strikes those
//! subtrees through and prints the label before them. Scripts and event-handler attributes are
//! left out, so that the copy is inert; everything else, styles included, stays.

use std::fmt::Write;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::extract::dom::{FlatDom, NO_PARENT};
use crate::extract::Trace;

/// The style sheet of the marks, placed at the top of the copy.
const MARK_STYLE: &str = "<style>\
[data-dechaff]{text-decoration:line-through;opacity:.5;outline:1px dashed #c00}\
[data-dechaff]::before{content:attr(data-dechaff);display:inline-block;font:bold 11px \
monospace;color:#fff;background:#c00;padding:0 3px;margin-right:4px;opacity:1}\
</style>";

/// Elements that have no end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose text is written as it is, not escaped.
const RAW_TEXT_TAGS: &[&str] = &["style", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Elements left out of the copy, so that it runs nothing.
const LEFT_OUT_TAGS: &[&str] = &["script"];

/// Writes `document` back out with its dropped blocks marked. `dom` and `trace` are of the
/// same document: nodes are matched by their pre-order position.
pub fn marked_copy(document: &Html, dom: &FlatDom, trace: &Trace) -> String {
    let mut out = String::with_capacity(dom.text_chars.first().map_or(0, |&c| c as usize) * 2);
    out.push_str("<!DOCTYPE html>");
    out.push_str(MARK_STYLE);
    let mut index = 0usize;
    // Depth inside left-out and raw-text elements.
    let mut left_out = 0usize;
    let mut raw = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let at = index;
                index += 1;
                match node.value() {
                    Node::Element(element) => {
                        let name = element.name();
                        if left_out > 0 || LEFT_OUT_TAGS.contains(&name) {
                            left_out += 1;
                            continue;
                        }
                        if RAW_TEXT_TAGS.contains(&name) {
                            raw += 1;
                        }
                        let _ = write!(out, "<{name}");
                        for (attribute, value) in element.attrs() {
                            if attribute.starts_with("on") || attribute == "data-dechaff" {
                                continue;
                            }
                            let _ = write!(out, " {attribute}=\"{}\"", escaped(value, true));
                        }
                        if is_drop_root(dom, trace, at) {
                            let _ = write!(out, " data-dechaff=\"{}\"", trace.decision(at).code());
                        }
                        out.push('>');
                    }
                    Node::Text(text) if left_out == 0 => {
                        if raw > 0 {
                            out.push_str(text);
                        } else if is_drop_root(dom, trace, at) {
                            let _ = write!(
                                out,
                                "<span data-dechaff=\"{}\">{}</span>",
                                trace.decision(at).code(),
                                escaped(text, false)
                            );
                        } else {
                            out.push_str(&escaped(text, false));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if left_out > 0 {
                        left_out -= 1;
                        continue;
                    }
                    if RAW_TEXT_TAGS.contains(&name) {
                        raw = raw.saturating_sub(1);
                    }
                    if !VOID_TAGS.contains(&name) {
                        let _ = write!(out, "</{name}>");
                    }
                }
            }
        }
    }
    out
}

/// Whether a dropped subtree starts at node `index`.
fn is_drop_root(dom: &FlatDom, trace: &Trace, index: usize) -> bool {
    index < dom.len()
        && !trace.decision(index).is_kept()
        && trace.decided_at(index) == index
        && dom.nodes[index].parent != NO_PARENT
}

/// `text` with the characters that would end it escaped (and `"` in attribute values).
fn escaped(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::Options;
    use crate::page::{Page, PageFormat};

    #[test]
    fn dropped_blocks_are_labelled_and_scripts_left_out() {
        let story = "The harbour reopened on Monday after two years of repairs, and the first \
                     boats came in at dawn to a crowd that had waited on the quay since night.";
        let html = format!(
            "<html><head><script>alert(1)</script></head><body onload=\"x()\">\
             <nav class=menu><a href=\"/?a=1&amp;b=2\">Home</a></nav>\
             <article><p>{story} &lt;3</p><p>{story}</p></article></body></html>"
        );
        let page = Page::from_bytes("p", "p", PageFormat::Html, html.into_bytes());
        let copy = super::super::marked_page(&page, &Options::default()).unwrap();
        assert!(
            copy.contains("<nav class=\"menu\" data-dechaff=\"furniture\">"),
            "{copy}"
        );
        assert!(copy.contains("href=\"/?a=1&amp;b=2\""));
        assert!(copy.contains("&lt;3</p>"));
        assert!(!copy.contains("alert") && !copy.contains("onload"));
        // The copy parses back to the same article.
        let again = Page::from_bytes("p", "p", PageFormat::Html, copy.into_bytes());
        let first = crate::engine::clean_page(&page, &Options::default());
        let second = crate::engine::clean_page(&again, &Options::default());
        assert_eq!(first.text, second.text);
    }
}
