//! Lists: the items' markers and numbers, and how lists nest and when they are tight.

use scraper::node::Element;

use super::{Container, Gap, Opened, Writer};
use crate::extract::dom::AttributeExt;
use crate::vocab::MAX_MARKDOWN_NESTING;

/// CommonMark list numbers have at most nine digits; a longer one would not start a list item.
const MAX_LIST_NUMBER: u64 = 999_999_999;

impl Writer {
    pub(super) fn open_list(&mut self, element: &Element, ordered: bool) -> Opened {
        self.flush_leaf();
        if self.nesting() >= MAX_MARKDOWN_NESTING {
            // Its items join the enclosing list.
            return Opened::Block;
        }
        let start = if ordered {
            element
                .attribute("start")
                .and_then(|start| start.trim().parse::<u64>().ok())
                .unwrap_or(1)
                .min(MAX_LIST_NUMBER)
        } else {
            1
        };
        // A list directly inside a list (invalid, but common) is drawn by browsers as nested
        // under the item before it.
        let extra_item = match self.containers.last() {
            Some(&Container::List { marker_width, .. }) => {
                self.containers.push(Container::Item {
                    list: None,
                    written: true,
                    indent: marker_width,
                });
                true
            }
            _ => false,
        };
        // An ordered list that does not start at 1 cannot interrupt a paragraph.
        let tight_start = start == 1
            && matches!(
                self.containers.last(),
                Some(Container::Item { written: true, .. })
            );
        self.containers.push(Container::List {
            ordered,
            start,
            written_items: 0,
            marker_width: 2,
            opened_at: self.out.len(),
            tight_start,
            last_item_end: None,
        });
        Opened::List { extra_item }
    }

    pub(super) fn open_item(&mut self) -> Opened {
        self.flush_leaf();
        if matches!(self.containers.last(), Some(Container::Item { .. })) {
            // An item directly in an item: its list was past the nesting cap, so it is a
            // paragraph of the item around it.
            return Opened::Block;
        }
        let list = self
            .containers
            .iter()
            .rposition(|container| matches!(container, Container::List { .. }));
        if let Some(&Container::List {
            opened_at,
            tight_start,
            last_item_end,
            ..
        }) = list.and_then(|list| self.containers.get(list))
        {
            let follows_item = last_item_end == Some(self.out.len());
            let starts_tight =
                last_item_end.is_none() && tight_start && opened_at == self.out.len();
            if follows_item || starts_tight {
                self.gap = Gap::Line;
            }
        }
        self.containers.push(Container::Item {
            list,
            written: false,
            indent: 0,
        });
        Opened::Item
    }

    pub(super) fn next_marker(&mut self, list: Option<usize>) -> String {
        match list.and_then(|list| self.containers.get_mut(list)) {
            Some(Container::List {
                ordered,
                start,
                written_items,
                marker_width,
                ..
            }) => {
                let marker = if *ordered {
                    format!("{}. ", (*start + *written_items).min(MAX_LIST_NUMBER))
                } else {
                    "- ".to_string()
                };
                *written_items += 1;
                *marker_width = marker.len();
                marker
            }
            _ => "- ".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::markdown::tests::{assert_tidy, markdown};

    #[test]
    fn unordered_lists_nest_by_two_spaces() {
        let md = markdown(
            "<ul><li>fruit<ul><li>apple</li><li>pear<ul><li>conference</li></ul></li></ul></li>\
             <li>bread</li></ul><p>After.</p>",
        );
        assert_eq!(
            md,
            "- fruit\n  - apple\n  - pear\n    - conference\n- bread\n\nAfter."
        );
        assert_tidy(&md);
    }

    #[test]
    fn ordered_lists_are_numbered_and_nest_under_the_item_text() {
        let md = markdown(
            "<ol><li>first<ol><li>inner</li></ol></li><li>second<ul><li>bullet</li></ul></li></ol>",
        );
        // Under `1. ` the content column is 3: nesting by 2 would end the item in CommonMark.
        assert_eq!(md, "1. first\n   1. inner\n2. second\n   - bullet");
        assert_eq!(
            markdown("<ol start=7><li>seven</li><li>eight</li></ol>"),
            "7. seven\n8. eight"
        );
    }

    #[test]
    fn empty_items_take_no_number_and_loose_items_keep_their_paragraphs() {
        assert_eq!(
            markdown("<ol><li></li><li>one</li><li>two</li></ol>"),
            "1. one\n2. two"
        );
        assert_eq!(
            markdown("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>"),
            "- a\n\n  b\n- c"
        );
    }

    #[test]
    fn nesting_is_capped() {
        let md = markdown(&"<ul><li>x".repeat(1000));
        let widest = md.lines().map(str::len).max().unwrap_or(0);
        assert!(widest <= 2 * MAX_MARKDOWN_NESTING + 3, "{widest}");
        assert_eq!(md.matches('x').count(), 1000);
        assert_tidy(&md);
    }

    #[test]
    fn a_list_inside_a_list_nests_under_the_item_before_it() {
        assert_eq!(
            markdown("<ul><li>x</li><ul><li>nested</li></ul><li>y</li></ul>"),
            "- x\n  - nested\n- y"
        );
    }
}
