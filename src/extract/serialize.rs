//! Kept nodes → text: block elements become paragraphs, inline elements flow, whitespace is
//! collapsed outside preformatted code.

use std::collections::HashMap;

use super::dom::{FlatDom, Visit};
use crate::vocab::{BLOCK_TAGS, PREFORMATTED_TAGS, TABLE_CELL_TAGS};

/// The text of the given subtrees, skipping dropped nodes: paragraphs separated by one blank
/// line, exact repeats of an earlier paragraph left out.
pub fn text_of(dom: &FlatDom, dropped: &[bool], roots: &[usize]) -> String {
    let mut writer = BlockWriter::default();
    for &root in roots {
        dom.walk_kept(dropped, root, |visit| match visit {
            Visit::Open(index, element) => {
                if BLOCK_TAGS.contains(&element.name()) {
                    writer.block_parent = dom.nodes[index].parent;
                }
                writer.open(element.name());
            }
            Visit::Close(index) => {
                if let Some(tag) = dom.nodes[index].tag() {
                    writer.close(tag);
                }
            }
            Visit::Text(text) => writer.push_text(text),
        });
        writer.end_block();
    }
    writer.finish()
}

/// Words shorter than this before an element boundary are prefixes ("i" of "iPhone"), not
/// headings run into the next sentence.
const MIN_GLUED_WORD_CHARS: usize = 3;

/// Builds paragraphs from a stream of open/close/text events.
#[derive(Default)]
struct BlockWriter {
    paragraphs: Vec<String>,
    seen: HashMap<String, usize>,
    block_parent: usize,
    current: String,
    pending_space: bool,
    /// An inline element opened or closed since the last character: if the text glues a
    /// lowercase end to an uppercase start across it, the element was styled as a block.
    at_element_boundary: bool,
    preformatted_depth: usize,
}

impl BlockWriter {
    fn open(&mut self, tag: &str) {
        if BLOCK_TAGS.contains(&tag) {
            self.end_block();
        } else if tag == "br" {
            self.current.push('\n');
            self.pending_space = false;
        } else if TABLE_CELL_TAGS.contains(&tag) && !self.current.trim().is_empty() {
            self.current.push_str(" | ");
            self.pending_space = false;
        }
        if PREFORMATTED_TAGS.contains(&tag) {
            self.preformatted_depth += 1;
        }
        self.at_element_boundary = true;
    }

    fn close(&mut self, tag: &str) {
        if PREFORMATTED_TAGS.contains(&tag) {
            self.end_block();
            self.preformatted_depth = self.preformatted_depth.saturating_sub(1);
        } else if BLOCK_TAGS.contains(&tag) {
            self.end_block();
        }
        self.at_element_boundary = true;
    }

    fn push_text(&mut self, text: &str) {
        if self.preformatted_depth > 0 {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                // "<b>Industry Competency</b>Our experts": a heading-like inline element
                // styled as a block, whose words would otherwise run together.
                let glued = self.at_element_boundary
                    && c.is_uppercase()
                    && self
                        .current
                        .chars()
                        .last()
                        .is_some_and(|last| last.is_lowercase() || last.is_ascii_digit())
                    && self
                        .current
                        .rsplit(' ')
                        .next()
                        .is_some_and(|word| word.chars().count() >= MIN_GLUED_WORD_CHARS);
                if (self.pending_space || glued)
                    && !self.current.is_empty()
                    && !self.current.ends_with(['\n', ' '])
                {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.at_element_boundary = false;
                self.current.push(c);
            }
        }
    }

    fn end_block(&mut self) {
        let block = if self.preformatted_depth > 0 {
            trim_preformatted(&self.current)
        } else {
            self.current
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        self.current.clear();
        self.pending_space = false;
        if block.is_empty() {
            return;
        }
        // A paragraph repeated beside itself (same parent) was written twice by the author;
        // one repeated elsewhere on the page is a copy (responsive layouts, sticky bars).
        let context = self.block_parent;
        match self.seen.get(&block) {
            Some(&first_context) if first_context != context => {}
            _ => {
                self.seen.entry(block.clone()).or_insert(context);
                self.paragraphs.push(block);
            }
        }
    }

    fn finish(self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Preformatted text keeps its indentation; only blank lines at either end and trailing
/// spaces go.
pub(super) fn trim_preformatted(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn text(html: &str) -> String {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let dropped = vec![false; dom.len()];
        text_of(&dom, &dropped, &[0])
    }

    #[test]
    fn blocks_become_paragraphs_and_inline_flows() {
        assert_eq!(
            text("<h1>Head</h1><p>One <b>bold</b>\n  word.</p><ul><li>a</li><li>b</li></ul>"),
            "Head\n\nOne bold word.\n\na\n\nb"
        );
    }

    #[test]
    fn words_glued_across_block_styled_inline_elements_are_separated() {
        assert_eq!(
            text("<p><b>Industry Competency</b>Our experts</p>"),
            "Industry Competency Our experts"
        );
        assert_eq!(
            text("<p><b>Mc</b>donald and i<b>Phone</b></p>"),
            "Mcdonald and iPhone"
        );
    }

    #[test]
    fn preformatted_code_keeps_indentation() {
        assert_eq!(
            text("<p>Code:</p><pre>\nfn main() {\n    run();\n}\n</pre>"),
            "Code:\n\nfn main() {\n    run();\n}"
        );
    }

    #[test]
    fn table_cells_and_line_breaks() {
        assert_eq!(
            text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table><p>x<br>y</p>"),
            "a | b\n\nc\n\nx\ny"
        );
    }

    #[test]
    fn copies_elsewhere_are_written_once_but_repeats_in_place_stay() {
        assert_eq!(
            text("<div><p>Same</p></div><div><p>Other</p><p>Same</p></div>"),
            "Same\n\nOther"
        );
        assert_eq!(
            text("<p>Same</p><p>Other</p><p>Same</p>"),
            "Same\n\nOther\n\nSame"
        );
    }
}
