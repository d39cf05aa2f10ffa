//! The writer: Markdown from a stream of open/close/text events, with the state of the blocks
//! and the inline marks open at the current position. How it writes [`lists`], [`tables`] and
//! [`code`] is beside it.

mod code;
mod lists;
mod tables;

use std::collections::HashMap;

use scraper::node::Element;

use super::escape::{escape_closing_hashes, escape_line_starts, link_destination, needs_escape};
use crate::extract::dom::AttributeExt;
use crate::extract::serialize::{is_code_line, LeftOutCopies};
use crate::text::is_written_without_spaces;
use crate::vocab::{
    BLOCK_TAGS, EMPHASIS_TAGS, HEADING_TAGS, INLINE_CODE_TAGS, MAX_MARKDOWN_NESTING,
    PREFORMATTED_TAGS, STRONG_TAGS, TABLE_CELL_TAGS,
};
use code::code_language;
use tables::is_table_part;

/// What separates the next block from the one written before it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// A line break: the next list item of a tight list, or a list nested under item text.
    Line,
    /// A blank line: everything else.
    #[default]
    Blank,
}

/// A block that prefixes the lines of the blocks it holds.
#[derive(Debug, Clone, Copy)]
enum Container {
    Quote {
        /// Whether a line has been written in the quote; a blank line before its first line
        /// belongs outside it.
        started: bool,
    },
    List {
        ordered: bool,
        start: u64,
        /// Items that have written a line, which numbers the next one.
        written_items: u64,
        /// Width of the last marker, which a list nested directly in this one indents by.
        marker_width: usize,
        /// Length of the output when the list opened.
        opened_at: usize,
        /// Whether the list directly follows its parent item's text, so starts on the next line.
        tight_start: bool,
        /// Length of the output when the last item that wrote something closed.
        last_item_end: Option<usize>,
    },
    Item {
        /// Position of the item's list in the container stack.
        list: Option<usize>,
        /// Whether the marker has been written; later lines are indented instead.
        written: bool,
        indent: usize,
    },
}

/// What an open element started, so that its close undoes exactly that.
#[derive(Debug, Clone, Copy)]
enum Opened {
    Nothing,
    Block,
    Heading,
    /// A list; `extra_item` when a synthetic item was pushed to nest it under the item before.
    List {
        extra_item: bool,
    },
    Item,
    Quote,
    Preformatted,
    /// A block inside a preformatted element: its own lines.
    PreformattedLine,
    Mark,
    Code,
    Table,
    TableHead,
    Row,
    Cell {
        header: bool,
        span: usize,
    },
    /// A block inside a table cell or inline code: a space.
    Space,
}

/// Emphasis or a link around the current position.
#[derive(Debug)]
struct Mark {
    kind: MarkKind,
    /// Whether the opening delimiter is in the current leaf.
    opened: bool,
}

#[derive(Debug, PartialEq, Eq)]
enum MarkKind {
    Emphasis(&'static str),
    /// A link with its escaped destination.
    Link(String),
}

impl Mark {
    fn opener(&self) -> &'static str {
        match &self.kind {
            MarkKind::Emphasis(delimiter) => delimiter,
            MarkKind::Link(_) => "[",
        }
    }

    fn push_closer(&self, out: &mut String) {
        match &self.kind {
            MarkKind::Emphasis(delimiter) => out.push_str(delimiter),
            MarkKind::Link(destination) => {
                out.push_str("](");
                out.push_str(destination);
                out.push(')');
            }
        }
    }

    fn is_link(&self) -> bool {
        matches!(self.kind, MarkKind::Link(_))
    }
}

/// The paragraph, heading or table cell being collected.
#[derive(Debug, Default)]
struct Leaf {
    text: String,
    /// Where the current line of `text` starts (after a hard break).
    line_start: usize,
    /// Starts of lines that begin with page text, which may need escaping there.
    text_line_starts: Vec<usize>,
    /// The visible text alone, as the text serializer sees it: what repeats are judged by.
    plain: String,
    pending_space: bool,
    /// The pending space is a line break of the source (see [`is_written_without_spaces`]).
    pending_line_break: bool,
    pending_breaks: usize,
    /// Whether `<br><br>` split this leaf from a neighbour: it is then only part of a text
    /// paragraph, and not a repeat the text would leave out.
    split: bool,
}

/// Inline code being collected, whitespace collapsed.
#[derive(Debug, Default)]
struct CodeSpan {
    text: String,
    space_before: bool,
    pending_space: bool,
}

impl CodeSpan {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                if self.pending_space {
                    self.text.push(' ');
                    self.pending_space = false;
                }
                self.text.push(c);
            }
        }
    }

    fn space(&mut self) {
        if self.text.is_empty() {
            self.space_before = true;
        } else {
            self.pending_space = true;
        }
    }
}

/// A fenced code block being collected, verbatim.
#[derive(Debug, Default)]
struct Preformatted {
    text: String,
    language: Option<String>,
    /// Preformatted elements open, counting this one.
    depth: usize,
}

impl Preformatted {
    fn break_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

#[derive(Debug)]
enum Table {
    Layout,
    Data { rows: Vec<Row>, in_head: bool },
}

#[derive(Debug)]
struct Row {
    cells: Vec<String>,
    /// In `<thead>`, or every cell so far a `<th>`.
    header: bool,
}

/// Builds Markdown from a stream of open/close/text events.
#[derive(Debug, Default)]
pub(super) struct Writer {
    pub(super) out: String,
    gap: Gap,
    /// How often each paragraph's visible text has come so far.
    occurrences: HashMap<String, usize>,
    /// The copies the text left out, by text and occurrence.
    left_out: LeftOutCopies,
    /// Enclosing quotes, lists and items, outermost first.
    containers: Vec<Container>,
    opened: Vec<Opened>,
    /// Emphasis and links around the current position, outermost first.
    marks: Vec<Mark>,
    leaf: Leaf,
    /// Number of `#` while inside a heading.
    heading: Option<usize>,
    code: Option<CodeSpan>,
    preformatted: Option<Preformatted>,
    /// Enclosing tables, innermost last.
    tables: Vec<Table>,
    /// Whether the leaf is a data-table cell.
    in_cell: bool,
}

impl Writer {
    /// A writer that leaves out the paragraphs the text left out.
    pub(super) fn new(left_out: LeftOutCopies) -> Writer {
        Writer {
            left_out,
            ..Writer::default()
        }
    }

    pub(super) fn open(&mut self, element: &Element, data_table: bool) {
        let opened = self.start(element, data_table);
        self.opened.push(opened);
    }

    /// Starts an element and says what its close must undo.
    fn start(&mut self, element: &Element, data_table: bool) -> Opened {
        let tag = element.name();
        if let Some(pre) = &mut self.preformatted {
            if PREFORMATTED_TAGS.contains(&tag) {
                pre.depth += 1;
                return Opened::Preformatted;
            }
            if tag == "br" {
                pre.text.push('\n');
            } else if BLOCK_TAGS.contains(&tag) || is_code_line(element) {
                pre.break_line();
                return Opened::PreformattedLine;
            } else if INLINE_CODE_TAGS.contains(&tag) && pre.language.is_none() {
                pre.language = code_language(element);
            }
            return Opened::Nothing;
        }
        if let Some(code) = &mut self.code {
            if tag == "br" || BLOCK_TAGS.contains(&tag) || TABLE_CELL_TAGS.contains(&tag) {
                code.space();
                return Opened::Space;
            }
            return Opened::Nothing;
        }
        if tag == "br" {
            // A line break in a heading or a pipe-table cell cannot be written: it is a space.
            if self.heading.is_some() || self.in_cell {
                self.leaf.pending_space = true;
            } else {
                self.leaf.pending_breaks += 1;
            }
            return Opened::Nothing;
        }
        if let Some(delimiter) = emphasis_delimiter(tag) {
            return self.open_mark(MarkKind::Emphasis(delimiter));
        }
        if tag == "a" {
            // Link text cannot hold another link; the outer one wins.
            return match element.attribute("href").and_then(link_destination) {
                Some(destination) if !self.marks.iter().any(Mark::is_link) => {
                    self.open_mark(MarkKind::Link(destination))
                }
                _ => Opened::Nothing,
            };
        }
        if INLINE_CODE_TAGS.contains(&tag) {
            self.code = Some(CodeSpan::default());
            return Opened::Code;
        }
        if self.in_cell {
            if BLOCK_TAGS.contains(&tag)
                || TABLE_CELL_TAGS.contains(&tag)
                || PREFORMATTED_TAGS.contains(&tag)
            {
                self.leaf.pending_space = true;
                return Opened::Space;
            }
            return Opened::Nothing;
        }
        if PREFORMATTED_TAGS.contains(&tag) {
            self.flush_leaf();
            self.preformatted = Some(Preformatted {
                language: code_language(element),
                depth: 1,
                ..Preformatted::default()
            });
            return Opened::Preformatted;
        }
        if let Some(level) = HEADING_TAGS.iter().position(|&h| h == tag) {
            self.flush_leaf();
            if self.heading.is_some() {
                return Opened::Block;
            }
            self.heading = Some(level + 1);
            return Opened::Heading;
        }
        match tag {
            "hr" => {
                self.flush_leaf();
                self.write_block(&["---"]);
                Opened::Nothing
            }
            "ul" | "ol" => self.open_list(element, tag == "ol"),
            "li" => self.open_item(),
            "blockquote" => {
                self.flush_leaf();
                if self.nesting() >= MAX_MARKDOWN_NESTING {
                    return Opened::Block;
                }
                self.containers.push(Container::Quote { started: false });
                Opened::Quote
            }
            "table" => {
                self.flush_leaf();
                self.tables.push(if data_table {
                    Table::Data {
                        rows: Vec::new(),
                        in_head: false,
                    }
                } else {
                    Table::Layout
                });
                Opened::Table
            }
            _ if is_table_part(tag) && matches!(self.tables.last(), Some(Table::Data { .. })) => {
                self.open_table_part(element, tag)
            }
            _ if BLOCK_TAGS.contains(&tag) || TABLE_CELL_TAGS.contains(&tag) => {
                self.flush_leaf();
                Opened::Block
            }
            _ => Opened::Nothing,
        }
    }

    /// Ends the innermost open element.
    pub(super) fn close(&mut self) {
        let Some(opened) = self.opened.pop() else {
            return;
        };
        match opened {
            Opened::Nothing => {}
            Opened::Block | Opened::Row => self.flush_leaf(),
            Opened::Heading => {
                self.flush_leaf();
                self.heading = None;
            }
            Opened::List { extra_item } => {
                self.flush_leaf();
                let opened_at = match self.containers.pop() {
                    Some(Container::List { opened_at, .. }) => opened_at,
                    _ => self.out.len(),
                };
                if extra_item {
                    self.containers.pop();
                    // The nested list belongs to the item before it: the next item follows it
                    // on the next line, as it would follow that item.
                    let end = self.out.len();
                    if let Some(Container::List { last_item_end, .. }) = self.containers.last_mut()
                    {
                        if end > opened_at {
                            *last_item_end = Some(end);
                        }
                    }
                }
            }
            Opened::Item => {
                self.flush_leaf();
                if let Some(Container::Item {
                    list: Some(list),
                    written: true,
                    ..
                }) = self.containers.pop()
                {
                    let end = self.out.len();
                    if let Some(Container::List { last_item_end, .. }) =
                        self.containers.get_mut(list)
                    {
                        *last_item_end = Some(end);
                    }
                }
            }
            Opened::Quote => {
                self.flush_leaf();
                self.containers.pop();
            }
            Opened::Preformatted => {
                let finished = self.preformatted.as_mut().is_some_and(|pre| {
                    pre.depth = pre.depth.saturating_sub(1);
                    pre.depth == 0
                });
                if finished {
                    if let Some(pre) = self.preformatted.take() {
                        self.write_code_block(&pre.text, pre.language.as_deref());
                    }
                }
            }
            Opened::PreformattedLine => {
                if let Some(pre) = &mut self.preformatted {
                    pre.break_line();
                }
            }
            Opened::Mark => {
                if let Some(mark) = self.marks.pop() {
                    if mark.opened {
                        mark.push_closer(&mut self.leaf.text);
                    }
                }
            }
            Opened::Code => self.finish_code(),
            Opened::Table => {
                self.flush_leaf();
                if let Some(Table::Data { rows, .. }) = self.tables.pop() {
                    self.write_table(rows);
                }
            }
            Opened::TableHead => {
                self.flush_leaf();
                if let Some(Table::Data { in_head, .. }) = self.tables.last_mut() {
                    *in_head = false;
                }
            }
            Opened::Cell { header, span } => self.finish_cell(header, span),
            Opened::Space => match &mut self.code {
                Some(code) => code.space(),
                None => self.leaf.pending_space = true,
            },
        }
    }

    pub(super) fn end_root(&mut self) {
        self.flush_leaf();
    }

    pub(super) fn push_text(&mut self, text: &str) {
        if let Some(pre) = &mut self.preformatted {
            pre.text.push_str(text);
            return;
        }
        if let Some(code) = &mut self.code {
            code.push(text);
            return;
        }
        let in_link = self.marks.iter().any(Mark::is_link);
        let mut previous = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            if c.is_whitespace() {
                self.leaf.pending_space = true;
                self.leaf.pending_line_break |= c == '\n' || c == '\r';
            } else {
                // As in the text: a source line break inside Chinese or Japanese is no space.
                if std::mem::take(&mut self.leaf.pending_line_break)
                    && is_written_without_spaces(c)
                    && self
                        .leaf
                        .plain
                        .chars()
                        .last()
                        .is_some_and(is_written_without_spaces)
                {
                    self.leaf.pending_space = false;
                }
                self.begin_content();
                if self.leaf.text.len() == self.leaf.line_start
                    && self.heading.is_none()
                    && !self.in_cell
                {
                    self.leaf.text_line_starts.push(self.leaf.line_start);
                }
                let rest = &text[at + c.len_utf8()..];
                if needs_escape(c, previous, next, rest, in_link) {
                    self.leaf.text.push('\\');
                }
                self.leaf.text.push(c);
                self.leaf.plain.push(c);
            }
            previous = Some(c);
        }
    }

    /// Writes what must precede the next visible character: a pending line break, a pending
    /// space, and the opening delimiters of emphasis and links not yet opened in this leaf.
    fn begin_content(&mut self) {
        let breaks = std::mem::take(&mut self.leaf.pending_breaks);
        if breaks > 0 && !self.leaf.text.is_empty() {
            if breaks > 1 {
                // `<br><br>` is how many pages separate paragraphs.
                self.leaf.split = true;
                self.flush_leaf();
                self.leaf.split = true;
            } else {
                self.leaf.text.push_str("\\\n");
                self.leaf.plain.push('\n');
                self.leaf.line_start = self.leaf.text.len();
            }
            self.leaf.pending_space = false;
        }
        if std::mem::take(&mut self.leaf.pending_space)
            && self.leaf.text.len() > self.leaf.line_start
        {
            self.leaf.text.push(' ');
            self.leaf.plain.push(' ');
        }
        for mark in self.marks.iter_mut().filter(|mark| !mark.opened) {
            if mark.is_link() && self.leaf.text.ends_with('!') {
                // `![` would start an image.
                self.leaf.text.insert(self.leaf.text.len() - 1, '\\');
            }
            self.leaf.text.push_str(mark.opener());
            mark.opened = true;
        }
    }

    fn open_mark(&mut self, kind: MarkKind) -> Opened {
        // `<b><strong>x</strong></b>` is one strong emphasis, not two.
        if self.marks.iter().any(|mark| mark.kind == kind) {
            return Opened::Nothing;
        }
        self.marks.push(Mark {
            kind,
            opened: false,
        });
        Opened::Mark
    }

    /// Closes the emphasis and links opened in this leaf; they open again before the next
    /// visible character, in the next leaf.
    fn close_marks(&mut self) {
        for mark in self.marks.iter_mut().rev().filter(|mark| mark.opened) {
            mark.push_closer(&mut self.leaf.text);
            mark.opened = false;
        }
    }

    /// Lists and quotes around the current position.
    fn nesting(&self) -> usize {
        self.containers
            .iter()
            .filter(|container| !matches!(container, Container::Item { .. }))
            .count()
    }

    /// Writes the leaf as a block, if it holds anything.
    fn flush_leaf(&mut self) {
        if self.in_cell {
            return;
        }
        self.close_marks();
        let leaf = std::mem::take(&mut self.leaf);
        if leaf.text.is_empty() {
            return;
        }
        let mut block = escape_line_starts(&leaf.text, &leaf.text_line_starts);
        if let Some(level) = self.heading {
            block = format!("{} {}", "#".repeat(level), escape_closing_hashes(&block));
        }
        // Repeats are left out where the text leaves them out: whole top-level paragraphs,
        // judged by their visible text (a heading repeating a paragraph is a repeat). A list
        // item or a layout-table cell is not a paragraph of the text, so is always kept.
        let text_paragraph = self.containers.is_empty() && self.tables.is_empty() && !leaf.split;
        let occurrence = self.occurrences.entry(leaf.plain.clone()).or_insert(0);
        let seen_before = *occurrence;
        *occurrence += 1;
        if text_paragraph && self.left_out.contains(&(leaf.plain, seen_before)) {
            return;
        }
        let lines: Vec<&str> = block.split('\n').collect();
        self.write_block(&lines);
    }

    /// Writes the lines of one block, each behind the prefixes of the enclosing containers,
    /// after the gap the previous block asked for.
    fn write_block(&mut self, lines: &[&str]) {
        if lines.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
            if self.gap == Gap::Blank {
                let prefix = self.blank_line_prefix();
                self.out.push_str(prefix.trim_end());
                self.out.push('\n');
            }
        }
        for (number, line) in lines.iter().enumerate() {
            if number > 0 {
                self.out.push('\n');
            }
            let prefix = self.line_prefix();
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(&prefix);
                self.out.push_str(line);
            }
        }
        self.gap = Gap::Blank;
    }

    /// The prefix of the next line: `> ` per quote, and per list item its marker on the item's
    /// first line, spaces of the same width after it.
    fn line_prefix(&mut self) -> String {
        let mut prefix = String::new();
        for index in 0..self.containers.len() {
            match &mut self.containers[index] {
                Container::Quote { started } => {
                    *started = true;
                    prefix.push_str("> ");
                }
                Container::List { .. } => {}
                Container::Item {
                    written: true,
                    indent,
                    ..
                } => prefix.push_str(&" ".repeat(*indent)),
                Container::Item {
                    written: false,
                    list,
                    ..
                } => {
                    let list = *list;
                    let marker = self.next_marker(list);
                    if let Container::Item {
                        written, indent, ..
                    } = &mut self.containers[index]
                    {
                        *written = true;
                        // CommonMark nests a block under an item only when it starts at the
                        // item's content column: 2 after `- `, 3 after `1. `.
                        *indent = marker.len();
                    }
                    prefix.push_str(&marker);
                }
            }
        }
        prefix
    }

    /// The prefix of a blank line between blocks: that of the containers already started, as
    /// the blank line belongs to the block before it.
    fn blank_line_prefix(&self) -> String {
        let mut prefix = String::new();
        for container in &self.containers {
            match *container {
                Container::Quote { started: true } => prefix.push_str("> "),
                Container::List { .. } => {}
                Container::Item {
                    written: true,
                    indent,
                    ..
                } => prefix.push_str(&" ".repeat(indent)),
                Container::Quote { started: false } | Container::Item { written: false, .. } => {
                    break
                }
            }
        }
        prefix
    }
}

fn emphasis_delimiter(tag: &str) -> Option<&'static str> {
    if STRONG_TAGS.contains(&tag) {
        Some("**")
    } else if EMPHASIS_TAGS.contains(&tag) {
        Some("*")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::markdown::tests::{assert_tidy, markdown};

    #[test]
    fn headings_take_their_level_and_paragraphs_are_separated_by_a_blank_line() {
        let md = markdown(
            "<h1>Title</h1><p>One\n  <span>two</span></p><h3>Part <em>three</em></h3><h6>Six</h6>",
        );
        assert_eq!(md, "# Title\n\nOne two\n\n### Part *three*\n\n###### Six");
        assert_tidy(&md);
    }

    #[test]
    fn emphasis_wraps_its_text_without_the_spaces_around_it() {
        assert_eq!(
            markdown(
                "<p>A<b> bold </b>and <i>it</i>alic, <em>em</em> <strong><em>both</em></strong>\
                      <b><strong>once</strong></b><em></em><b></b>.</p>"
            ),
            "A **bold** and *it*alic, *em* ***both*****once**."
        );
    }

    #[test]
    fn blockquotes_prefix_every_line() {
        let md = markdown(
            "<p>Before</p><blockquote><p>One</p><p>Two<br>lines</p><blockquote>Inner</blockquote></blockquote><p>After</p>",
        );
        assert_eq!(
            md,
            "Before\n\n> One\n>\n> Two\\\n> lines\n>\n> > Inner\n\nAfter"
        );
        assert_tidy(&md);
    }

    #[test]
    fn br_is_a_hard_break_and_two_are_a_new_paragraph() {
        assert_eq!(
            markdown("<p><br>one<br>two<br> <br>three<br></p>"),
            "one\\\ntwo\n\nthree"
        );
    }

    #[test]
    fn hr_is_a_thematic_break() {
        assert_eq!(markdown("<p>a</p><hr><p>b</p>"), "a\n\n---\n\nb");
    }

    #[test]
    fn a_link_around_blocks_links_each_block() {
        assert_eq!(
            markdown("<a href='/story'><h2>Card</h2><p>Blurb <em>here</em></p></a>"),
            "## [Card](/story)\n\n[Blurb *here*](/story)"
        );
    }

    #[test]
    fn copies_the_text_leaves_out_are_left_out_here_too() {
        assert_eq!(
            markdown("<p>Same</p><p>Other</p><p>Same</p><ul><li>Same</li></ul>"),
            "Same\n\nOther\n\nSame\n\n- Same"
        );
        assert_eq!(
            markdown("<div><div>Big <i>news</i></div></div><h1>Big news</h1><p>Body</p>"),
            "Big *news*\n\nBody"
        );
        assert_eq!(
            markdown("<div><p>One.</p><p>Two.</p></div><section><p>One.</p><p>Two.</p></section>"),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn a_line_break_inside_chinese_or_japanese_is_no_space() {
        assert_eq!(
            markdown("<p>记者从\n<em>市政府</em>获悉，新桥\n将于明年通车。</p>"),
            "记者从*市政府*获悉，新桥将于明年通车。"
        );
        assert_eq!(markdown("<p>two\nwords</p>"), "two words");
    }
}
