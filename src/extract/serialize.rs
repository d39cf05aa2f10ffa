//! Kept nodes → text: block elements become paragraphs, inline elements flow, whitespace is
//! collapsed outside preformatted code.

use std::collections::{HashMap, HashSet};

use super::dom::{FlatDom, Visit};
use super::names::Named;
use crate::extract::dom::AttributeExt;
use crate::text::is_written_without_spaces;
use crate::vocab::{
    BLOCK_TAGS, CODE_LINE_CLASSES, MIN_COPIED_RUN, MIN_GLUED_WORD_CHARS, PREFORMATTED_TAGS,
    SENTENCE_END_CHARS, TABLE_CELL_TAGS,
};

/// Paragraphs the text leaves out as copies of earlier ones, each as its text and which
/// occurrence of that text it is (0 = the first). The Markdown writer leaves out the same.
pub type LeftOutCopies = HashSet<(String, usize)>;

/// The text of the given subtrees, skipping dropped nodes: paragraphs separated by one blank
/// line, copies of earlier paragraphs left out (see [`text_and_copies`]).
pub fn text_of(dom: &FlatDom, dropped: &[bool], roots: &[usize]) -> String {
    text_and_copies(dom, dropped, roots).0
}

/// The text of the given subtrees and the copies it left out. A paragraph that repeats one
/// written in another parent is a copy; a copy is left out when it sits in a quotation box,
/// when it is not a sentence (a heading, a label, a price), or when its neighbour is a copy
/// too (a whole container rendered twice). A lone repeated sentence among new paragraphs, or
/// a repeat beside itself in the same parent, is the author's and stays.
pub fn text_and_copies(
    dom: &FlatDom,
    dropped: &[bool],
    roots: &[usize],
) -> (String, LeftOutCopies) {
    let mut writer = BlockWriter::default();
    for &root in roots {
        dom.walk_kept(dropped, root, |visit| match visit {
            Visit::Open(index, element) => {
                if BLOCK_TAGS.contains(&element.name()) {
                    writer.block_parent = dom.nodes[index].parent;
                }
                if is_quotation(dom, index, element) {
                    writer.open_quotes.push(index);
                }
                writer.open(element.name(), is_code_line(element));
            }
            Visit::Close(index) => {
                if let Some(tag) = dom.nodes[index].tag() {
                    writer.close(tag);
                }
                if writer.open_quotes.last() == Some(&index) {
                    writer.open_quotes.pop();
                }
            }
            Visit::Text(text) => writer.push_text(text),
        });
        writer.end_block();
    }
    writer.finish()
}

/// An element that syntax highlighters draw as one line of code (see [`CODE_LINE_CLASSES`]).
pub(super) fn is_code_line(element: &scraper::node::Element) -> bool {
    element.attribute("class").is_some_and(|class| {
        class
            .split_ascii_whitespace()
            .any(|token| CODE_LINE_CLASSES.contains(&token))
    })
}

/// A block quotation, or a box that forum software styles as one.
fn is_quotation(dom: &FlatDom, index: usize, element: &scraper::node::Element) -> bool {
    element.name() == "blockquote" || dom.named(index).has(Named::QUOTE)
}

/// Builds paragraphs from a stream of open/close/text events.
#[derive(Default)]
struct BlockWriter {
    paragraphs: Vec<Paragraph>,
    /// The parent each paragraph text was first written in.
    first_parent: HashMap<String, usize>,
    block_parent: usize,
    /// The quotations enclosing the current position, innermost last.
    open_quotes: Vec<usize>,
    current: String,
    pending_space: bool,
    /// The pending whitespace holds a line break (see [`is_written_without_spaces`]).
    pending_break: bool,
    /// An inline element opened or closed since the last character: if the text glues a
    /// lowercase end to an uppercase start across it, the element was styled as a block.
    at_element_boundary: bool,
    preformatted_depth: usize,
}

impl BlockWriter {
    fn open(&mut self, tag: &str, code_line: bool) {
        if self.preformatted_depth > 0 && (code_line || BLOCK_TAGS.contains(&tag)) {
            // A line of highlighted code drawn as a block: the code's own line break.
            if !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push('\n');
            }
        } else if BLOCK_TAGS.contains(&tag) {
            self.end_block();
        } else if tag == "br" {
            // Two line breaks in a row part paragraphs, as pages set in `<font>` runs without
            // `<p>` write them; one is a line break inside the paragraph.
            if self.current.ends_with('\n') {
                self.end_block();
            } else {
                self.current.push('\n');
            }
            self.pending_space = false;
            self.pending_break = false;
        } else if TABLE_CELL_TAGS.contains(&tag) && !self.current.trim().is_empty() {
            self.current.push_str(" | ");
            self.pending_space = false;
            self.pending_break = false;
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
        } else if BLOCK_TAGS.contains(&tag) && self.preformatted_depth > 0 {
            if !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push('\n');
            }
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
                self.pending_break |= c == '\n' || c == '\r';
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
                // A line break in the source between two characters of a script written
                // without spaces (Chinese, Japanese) is no space.
                let joined = self.pending_break
                    && is_written_without_spaces(c)
                    && self
                        .current
                        .chars()
                        .last()
                        .is_some_and(is_written_without_spaces);
                if (self.pending_space || glued)
                    && !joined
                    && !self.current.is_empty()
                    && !self.current.ends_with(['\n', ' '])
                {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.pending_break = false;
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
        self.pending_break = false;
        if block.is_empty() {
            return;
        }
        let first_parent = *self
            .first_parent
            .entry(block.clone())
            .or_insert(self.block_parent);
        self.paragraphs.push(Paragraph {
            copy: first_parent != self.block_parent,
            quoted: !self.open_quotes.is_empty(),
            text: block,
        });
    }

    fn finish(self) -> (String, LeftOutCopies) {
        let paragraphs = self.paragraphs;
        let mut left_out = vec![false; paragraphs.len()];
        let mut start = 0;
        while start < paragraphs.len() {
            let end = start
                + paragraphs[start..]
                    .iter()
                    .take_while(|paragraph| paragraph.copy)
                    .count();
            for index in start..end {
                let paragraph = &paragraphs[index];
                left_out[index] = end - start >= MIN_COPIED_RUN
                    || paragraph.quoted
                    || !is_sentence(&paragraph.text);
            }
            start = end.max(start + 1);
        }
        let mut occurrences: HashMap<&str, usize> = HashMap::new();
        let mut copies = LeftOutCopies::new();
        let mut kept = Vec::new();
        for (paragraph, left_out) in paragraphs.iter().zip(left_out) {
            let occurrence = occurrences.entry(&paragraph.text).or_insert(0);
            if left_out {
                copies.insert((paragraph.text.clone(), *occurrence));
            } else {
                kept.push(paragraph.text.as_str());
            }
            *occurrence += 1;
        }
        (kept.join("\n\n"), copies)
    }
}

/// One paragraph of the text, with what decides whether a repeat of it is written.
struct Paragraph {
    text: String,
    /// It repeats a paragraph first written in another parent.
    copy: bool,
    /// It sits inside a quotation.
    quoted: bool,
}

/// Whether a paragraph ends like a sentence rather than a heading, label or price.
fn is_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| SENTENCE_END_CHARS.contains(&c))
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
    fn highlighted_lines_without_newlines_are_lines() {
        assert_eq!(
            text(
                "<pre><code><span class=line><span>npm</span><span> i</span></span>\
                  <span class=line><span>cd</span><span> app</span></span></code></pre>"
            ),
            "npm i\ncd app"
        );
        assert_eq!(text("<pre><div>a</div><div>  b</div></pre>"), "a\n  b");
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

    #[test]
    fn a_copied_container_is_written_once() {
        assert_eq!(
            text("<div><p>One.</p><p>Two.</p></div><div><p>One.</p><p>Two.</p></div>"),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn a_lone_repeated_sentence_stays_unless_quoted() {
        let page =
            "<div><p>Said once.</p><p>New.</p></div><div><p>Said once.</p><p>Next.</p></div>";
        assert_eq!(text(page), "Said once.\n\nNew.\n\nSaid once.\n\nNext.");
        let quoted = "<div><p>Said once.</p></div><div><blockquote><p>Said once.</p></blockquote><p>Reply.</p></div>";
        assert_eq!(text(quoted), "Said once.\n\nReply.");
        let boxed = "<div><p>Said once.</p></div><div class=\"bbQuote\"><p>Said once.</p></div><p>Reply.</p>";
        assert_eq!(text(boxed), "Said once.\n\nReply.");
    }

    #[test]
    fn a_line_break_inside_chinese_or_japanese_is_no_space() {
        assert_eq!(
            text("<p>北京时间7月3日，记者从\n市政府获悉，新桥\r\n将于明年通车。</p>"),
            "北京时间7月3日，记者从市政府获悉，新桥将于明年通车。"
        );
        assert_eq!(
            text("<p>東京の\n  新しい橋は<b>\n来年</b>開通する。</p>"),
            "東京の新しい橋は来年開通する。"
        );
        // A space the author typed stays, and other scripts keep their line breaks as spaces.
        assert_eq!(text("<p>中文 English\n中文</p>"), "中文 English 中文");
        assert_eq!(text("<p>한국어\n문장</p>"), "한국어 문장");
        assert_eq!(text("<p>two\nwords</p>"), "two words");
    }
}
