//! Kept nodes → Markdown: the same walk over the same kept nodes as [`super::serialize`], with
//! the structure that plain text leaves out (headings, lists, tables, code, links, emphasis,
//! quotes) written as CommonMark with GitHub's pipe tables.
//!
//! The writer streams. Inline content collects in the current *leaf* (a paragraph, heading or
//! table cell), which is written out with the prefixes of its enclosing quotes and list items
//! when a block boundary ends it. Markup is emitted lazily, just before the first visible
//! character it applies to, so that empty elements leave nothing behind and whitespace never
//! ends up just inside `*…*` or `[…]`.

use std::collections::HashMap;

use scraper::node::Element;

use super::dom::{FlatDom, Visit, NO_PARENT};
use super::serialize::{is_code_line, text_and_copies, trim_preformatted, LeftOutCopies};
use crate::extract::dom::AttributeExt;
use crate::text::is_written_without_spaces;
use crate::vocab::{
    BLOCK_TAGS, CODE_LANGUAGE_CLASS_PREFIXES, EMPHASIS_TAGS, HEADING_TAGS, INLINE_CODE_TAGS,
    LAYOUT_TABLE_CONTENT_TAGS, LAYOUT_TABLE_ROLES, LINK_SCHEMES, MAX_DATA_TABLE_CELL_CHARS,
    MAX_MARKDOWN_NESTING, MAX_TABLE_COLSPAN, MIN_DATA_TABLE_COLUMNS,
    MIN_ROWS_OF_DATA_TABLE_WITH_PROSE, PREFORMATTED_TAGS, STRONG_TAGS, TABLE_CELL_TAGS,
};

/// CommonMark list numbers have at most nine digits; a longer one would not start a list item.
const MAX_LIST_NUMBER: u64 = 999_999_999;

/// The given subtrees as Markdown, skipping dropped nodes: blocks separated by one blank line,
/// the copies the text leaves out left out here too.
pub fn markdown_of(dom: &FlatDom, dropped: &[bool], roots: &[usize]) -> String {
    let mut writer = Writer {
        left_out: text_and_copies(dom, dropped, roots).1,
        ..Writer::default()
    };
    // Rows chosen without their table still make one table, opened before the first of them.
    let mut table_of_roots = None;
    for &root in roots {
        let table = enclosing_table(dom, root);
        if table != table_of_roots {
            if table_of_roots.is_some() {
                writer.close();
            }
            if let Some((table, element)) =
                table.and_then(|table| Some((table, dom.nodes[table].element()?)))
            {
                writer.open(element, is_data_table(dom, dropped, table));
            }
            table_of_roots = table;
        }
        dom.walk_kept(dropped, root, |visit| match visit {
            Visit::Open(index, element) => {
                let data_table = element.name() == "table" && is_data_table(dom, dropped, index);
                writer.open(element, data_table);
            }
            Visit::Close(_) => writer.close(),
            Visit::Text(text) => writer.push_text(text),
        });
        writer.end_root();
    }
    if table_of_roots.is_some() {
        writer.close();
    }
    writer.out
}

/// The table around a root that is a row group or a row.
fn enclosing_table(dom: &FlatDom, root: usize) -> Option<usize> {
    if !matches!(
        dom.nodes[root].tag(),
        Some("thead" | "tbody" | "tfoot" | "tr")
    ) {
        return None;
    }
    let mut node = dom.nodes[root].parent;
    while node != NO_PARENT {
        if dom.nodes[node].tag() == Some("table") {
            return Some(node);
        }
        node = dom.nodes[node].parent;
    }
    None
}

/// A plain-text article (paragraphs already separated by blank lines) as Markdown: the text
/// itself, with a backslash wherever the start of a line would otherwise be read as markup
/// (`# `, `- `, `1. `, `>` …).
///
/// ```
/// use dechaff::extract::plain_text_markdown;
/// assert_eq!(plain_text_markdown("# not a heading\n\n1. not a list"), "\\# not a heading\n\n1\\. not a list");
/// ```
pub fn plain_text_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (number, line) in text.split('\n').enumerate() {
        if number > 0 {
            out.push('\n');
        }
        match line_start_escape(line) {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push('\\');
                out.push_str(&line[at..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The Markdown without its first block when that block, read as plain text, is the title:
/// the counterpart of the text losing a first paragraph that repeats the title.
pub fn without_leading_title(markdown: &str, title: &str) -> String {
    let (first, rest) = markdown.split_once("\n\n").unwrap_or((markdown, ""));
    if plain_block(first).to_lowercase() == collapse(title).to_lowercase() {
        rest.to_string()
    } else {
        markdown.to_string()
    }
}

/// A single block's text without heading marks, emphasis marks and backslash escapes.
fn plain_block(block: &str) -> String {
    let block = block.trim_start_matches('#');
    let mut plain = String::with_capacity(block.len());
    let mut chars = block.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                plain.extend(chars.next());
            }
            '*' => {}
            _ => plain.push(c),
        }
    }
    collapse(&plain)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Closes every open element whose subtree ends at or before `index`.
/// Whether a table holds data (written as a pipe table) rather than page layout (written as
/// the blocks in its cells).
fn is_data_table(dom: &FlatDom, dropped: &[bool], table: usize) -> bool {
    let declared_layout = dom.nodes[table]
        .element()
        .and_then(|element| element.attribute("role"))
        .is_some_and(|role| {
            LAYOUT_TABLE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
        });
    if declared_layout {
        return false;
    }
    let mut cells_in_row = 0;
    let mut widest_row = 0;
    let mut rows = 0;
    let mut holds_prose = false;
    let end = dom.nodes[table].end;
    let mut index = table + 1;
    while index < end {
        if dropped[index] {
            index = dom.nodes[index].end;
            continue;
        }
        match dom.nodes[index].tag() {
            Some(tag) if LAYOUT_TABLE_CONTENT_TAGS.contains(&tag) => return false,
            Some("tr") => {
                cells_in_row = 0;
                rows += 1;
            }
            Some(tag) if TABLE_CELL_TAGS.contains(&tag) => {
                holds_prose |= dom.text_chars[index] as usize > MAX_DATA_TABLE_CELL_CHARS;
                cells_in_row += 1;
                widest_row = widest_row.max(cells_in_row);
            }
            _ => {}
        }
        index += 1;
    }
    widest_row >= MIN_DATA_TABLE_COLUMNS
        && (!holds_prose || rows >= MIN_ROWS_OF_DATA_TABLE_WITH_PROSE)
}

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
struct Writer {
    out: String,
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
    fn open(&mut self, element: &Element, data_table: bool) {
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

    /// A row group, row or cell of the data table being collected.
    fn open_table_part(&mut self, element: &Element, tag: &str) -> Opened {
        self.flush_leaf();
        let Some(Table::Data { rows, in_head }) = self.tables.last_mut() else {
            return Opened::Block;
        };
        match tag {
            "thead" => {
                *in_head = true;
                Opened::TableHead
            }
            "tr" => {
                rows.push(Row {
                    cells: Vec::new(),
                    header: true,
                });
                Opened::Row
            }
            "td" | "th" => {
                self.in_cell = true;
                let span = element
                    .attribute("colspan")
                    .and_then(|span| span.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_TABLE_COLSPAN);
                Opened::Cell {
                    header: tag == "th",
                    span,
                }
            }
            _ => Opened::Block,
        }
    }

    /// Ends the innermost open element.
    fn close(&mut self) {
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

    fn end_root(&mut self) {
        self.flush_leaf();
    }

    fn push_text(&mut self, text: &str) {
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

    fn finish_code(&mut self) {
        let Some(code) = self.code.take() else {
            return;
        };
        if code.space_before {
            self.leaf.pending_space = true;
        }
        if !code.text.is_empty() {
            self.begin_content();
            let fence = "`".repeat(longest_run(&code.text, '`') + 1);
            let pad = if code.text.starts_with('`') || code.text.ends_with('`') {
                " "
            } else {
                ""
            };
            for part in [fence.as_str(), pad, code.text.as_str(), pad, fence.as_str()] {
                self.leaf.text.push_str(part);
            }
            self.leaf.plain.push_str(&code.text);
        }
        if code.pending_space {
            self.leaf.pending_space = true;
        }
    }

    fn open_list(&mut self, element: &Element, ordered: bool) -> Opened {
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

    /// Lists and quotes around the current position.
    fn nesting(&self) -> usize {
        self.containers
            .iter()
            .filter(|container| !matches!(container, Container::Item { .. }))
            .count()
    }

    fn open_item(&mut self) -> Opened {
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

    fn finish_cell(&mut self, header: bool, span: usize) {
        self.close_marks();
        self.in_cell = false;
        let leaf = std::mem::take(&mut self.leaf);
        let cell = leaf.text.replace('\n', " ").replace('|', "\\|");
        if let Some(Table::Data { rows, in_head }) = self.tables.last_mut() {
            if rows.is_empty() {
                rows.push(Row {
                    cells: Vec::new(),
                    header: true,
                });
            }
            if let Some(row) = rows.last_mut() {
                row.header &= header || *in_head;
                row.cells.push(cell);
                row.cells.extend((1..span).map(|_| String::new()));
            }
        }
    }

    fn write_table(&mut self, rows: Vec<Row>) {
        let mut rows: Vec<Row> = rows
            .into_iter()
            .filter(|row| row.cells.iter().any(|cell| !cell.is_empty()))
            .collect();
        if rows.is_empty() {
            return;
        }
        // GitHub tables need a header row: the first row of `<th>` cells (or of `<thead>`),
        // else the first row.
        let header = rows.iter().position(|row| row.header).unwrap_or(0);
        let header_row = rows.remove(header);
        rows.insert(0, header_row);
        let columns = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
        let format_row = |cells: &[String]| {
            let mut line = String::from("|");
            for column in 0..columns {
                line.push(' ');
                line.push_str(cells.get(column).map_or("", String::as_str));
                line.push_str(" |");
            }
            line
        };
        let mut lines: Vec<String> = Vec::with_capacity(rows.len() + 1);
        lines.push(format_row(&rows[0].cells));
        lines.push(format!("|{}", " --- |".repeat(columns)));
        lines.extend(rows[1..].iter().map(|row| format_row(&row.cells)));
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        self.write_block(&lines);
    }

    fn write_code_block(&mut self, text: &str, language: Option<&str>) {
        let body = trim_preformatted(text);
        if body.is_empty() {
            return;
        }
        let fence = "`".repeat(longest_run(&body, '`').max(2) + 1);
        let opening = format!("{fence}{}", language.unwrap_or(""));
        let mut lines: Vec<&str> = vec![&opening];
        let mut previous_blank = false;
        for line in body.lines() {
            // The output never has two blank lines in a row, not even inside code.
            let blank = line.is_empty();
            if !(blank && previous_blank) {
                lines.push(line);
            }
            previous_blank = blank;
        }
        lines.push(&fence);
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

    fn next_marker(&mut self, list: Option<usize>) -> String {
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

fn emphasis_delimiter(tag: &str) -> Option<&'static str> {
    if STRONG_TAGS.contains(&tag) {
        Some("**")
    } else if EMPHASIS_TAGS.contains(&tag) {
        Some("*")
    } else {
        None
    }
}

/// Elements that give a data table its structure.
fn is_table_part(tag: &str) -> bool {
    matches!(tag, "thead" | "tbody" | "tfoot" | "tr" | "td" | "th")
}

/// The language named by a `language-xxx` (or `lang-xxx`) class, reduced to characters that
/// are safe in a fence's info string.
fn code_language(element: &Element) -> Option<String> {
    element.classes().find_map(|class| {
        let name = CODE_LANGUAGE_CLASS_PREFIXES
            .iter()
            .find_map(|prefix| class.strip_prefix(prefix))?;
        let name: String = name
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '-' | '#' | '.' | '_'))
            .collect();
        (!name.is_empty()).then_some(name)
    })
}

/// The href as a Markdown link destination, or `None` when it should not be a link: empty, a
/// bare `#`, or a scheme outside [`LINK_SCHEMES`].
fn link_destination(href: &str) -> Option<String> {
    // Browsers strip leading and trailing controls and spaces and drop tabs and newlines
    // anywhere, so `java\tscript:` is `javascript:` to them: judge the href as they do.
    let href: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if href.is_empty() || href == "#" {
        return None;
    }
    if let Some(scheme) = url_scheme(&href) {
        if !LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
            return None;
        }
    }
    let mut destination = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            '(' | ')' => {
                destination.push('\\');
                destination.push(c);
            }
            ' ' | '<' | '>' | '\\' => destination.push_str(match c {
                ' ' => "%20",
                '<' => "%3C",
                '>' => "%3E",
                _ => "%5C",
            }),
            _ if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    destination.push_str(&format!("%{byte:02X}"));
                }
            }
            _ => destination.push(c),
        }
    }
    Some(destination)
}

/// The scheme of an absolute URL (`https` in `https://…`), or `None` for a relative one.
fn url_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Whether a character of page text must be escaped where it stands, given its neighbours in
/// the same text node (`None` at either end: the neighbour is unknown, so assume the worst).
fn needs_escape(
    c: char,
    previous: Option<char>,
    next: Option<char>,
    rest: &str,
    in_link: bool,
) -> bool {
    let between = |test: fn(char) -> bool| previous.is_some_and(test) && next.is_some_and(test);
    match c {
        '\\' => next.map_or(true, |next| next.is_ascii_punctuation()),
        '`' => true,
        // Only a `*` with whitespace on both sides can neither open nor close emphasis.
        '*' => !between(char::is_whitespace),
        // `_` inside a word (snake_case) never makes emphasis in CommonMark.
        '_' => !between(char::is_alphanumeric) && !between(char::is_whitespace),
        '[' | ']' => in_link,
        '<' => next.map_or(true, |next| {
            next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')
        }),
        '&' => looks_like_entity(rest),
        _ => false,
    }
}

/// Whether text after a `&` reads as a character reference (`amp;`, `#169;`).
fn looks_like_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let name = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && body[name..].starts_with(';')
}

/// The leaf text with a backslash wherever a line that begins with page text would otherwise
/// begin with markup.
fn escape_line_starts(text: &str, starts: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + starts.len());
    let mut copied = 0;
    for &start in starts {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |end| start + end);
        if let Some(at) = line_start_escape(&text[start..end]) {
            out.push_str(&text[copied..start + at]);
            out.push('\\');
            copied = start + at;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where a backslash must go for `line`, at the start of a Markdown line, to stay text: before
/// a heading `#`, a quote `>`, a bullet, a thematic break or setext underline, the `.` or `)` of
/// an ordered-list number, a code fence, an HTML tag or a link reference definition.
fn line_start_escape(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let ends_marker = |at: usize| line[at..].chars().next().map_or(true, char::is_whitespace);
    let only = |mark: char| line.chars().all(|c| c == mark || c == ' ' || c == '\t');
    let count = |mark: char| line.chars().filter(|&c| c == mark).count();
    let escape = match first {
        '#' => {
            let run = line.bytes().take_while(|&b| b == b'#').count();
            run <= 6 && ends_marker(run)
        }
        '>' => true,
        '+' => ends_marker(1),
        '-' => ends_marker(1) || only('-'),
        '*' => ends_marker(1) || (only('*') && count('*') >= 3),
        '_' => only('_') && count('_') >= 3,
        '=' => only('='),
        '`' => line.starts_with("```"),
        '~' => line.starts_with("~~~"),
        '<' => line[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')),
        '[' => line
            .find(']')
            .is_some_and(|close| line[close + 1..].starts_with(':')),
        '0'..='9' => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            return (digits <= 9
                && matches!(line[digits..].chars().next(), Some('.' | ')'))
                && ends_marker(digits + 1))
            .then_some(digits);
        }
        _ => false,
    };
    escape.then_some(0)
}

/// A heading's trailing run of `#` after a space would be read as a closing sequence and
/// vanish: escape it.
fn escape_closing_hashes(content: &str) -> String {
    let run = content.chars().rev().take_while(|&c| c == '#').count();
    let start = content.len() - run;
    if run > 0
        && content[..start]
            .chars()
            .last()
            .map_or(true, char::is_whitespace)
    {
        format!("{}\\{}", &content[..start], &content[start..])
    } else {
        content.to_string()
    }
}

/// Length of the longest run of `mark` in `text`.
fn longest_run(text: &str, mark: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == mark { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};
    use scraper::Html;

    fn markdown(html: &str) -> String {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let dropped = vec![false; dom.len()];
        markdown_of(&dom, &dropped, &[0])
    }

    /// The layout rules every output keeps: no trailing spaces, no two blank lines in a row,
    /// no blank line at either end.
    fn assert_tidy(markdown: &str) {
        assert!(!markdown.contains("\n\n\n"), "{markdown:?}");
        assert!(
            !markdown.starts_with('\n') && !markdown.ends_with('\n'),
            "{markdown:?}"
        );
        for line in markdown.lines() {
            assert_eq!(line, line.trim_end(), "trailing space in {markdown:?}");
        }
    }

    #[test]
    fn headings_take_their_level_and_paragraphs_are_separated_by_a_blank_line() {
        let md = markdown(
            "<h1>Title</h1><p>One\n  <span>two</span></p><h3>Part <em>three</em></h3><h6>Six</h6>",
        );
        assert_eq!(md, "# Title\n\nOne two\n\n### Part *three*\n\n###### Six");
        assert_tidy(&md);
    }

    #[test]
    fn a_heading_keeps_a_trailing_hash_and_has_no_line_breaks() {
        assert_eq!(
            markdown("<h2>Learn C #</h2><h2>C#<br>today</h2>"),
            "## Learn C \\#\n\n## C# today"
        );
    }

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

    #[test]
    fn tables_take_their_header_from_th_cells() {
        let md = markdown(
            "<table><tr><td>1</td><td>2</td></tr><tr><th>Name</th><th>Score</th></tr>\
             <tr><td>Ann</td><td>9</td></tr></table>",
        );
        assert_eq!(
            md,
            "| Name | Score |\n| --- | --- |\n| 1 | 2 |\n| Ann | 9 |"
        );
    }

    #[test]
    fn tables_without_th_take_the_first_row_as_header() {
        let md = markdown(
            "<table><caption>Scores</caption><tr><td>a|b</td><td>line<br>break</td></tr>\
             <tr><td colspan=2><b>wide</b> <a href='/x'>cell</a></td></tr><tr><td>short</td></tr></table>",
        );
        assert_eq!(
            md,
            "Scores\n\n| a\\|b | line break |\n| --- | --- |\n| **wide** [cell](/x) |  |\n| short |  |"
        );
        assert_tidy(&md);
    }

    #[test]
    fn layout_tables_are_written_as_their_blocks() {
        let md = markdown(
            "<table><tr><td><h2>Story</h2><p>Text of the story.</p></td><td>Side</td></tr></table>\
             <table><tr><td>One column</td></tr><tr><td>is layout too</td></tr></table>",
        );
        assert_eq!(
            md,
            "## Story\n\nText of the story.\n\nSide\n\nOne column\n\nis layout too"
        );
    }

    #[test]
    fn rows_chosen_without_their_table_still_make_a_table() {
        let document = Html::parse_document(
            "<table><tbody><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></tbody></table>",
        );
        let dom = FlatDom::new(&document);
        let dropped = vec![false; dom.len()];
        let tbody = dom.first_with_tag("tbody").unwrap();
        assert_eq!(
            markdown_of(&dom, &dropped, &[tbody]),
            "| k | v |\n| --- | --- |\n| a | 1 |"
        );
    }

    #[test]
    fn code_blocks_are_fenced_with_their_language_and_indentation() {
        let md = markdown(
            "<p>Run:</p><pre><code class='hljs language-rust'>fn main() {\n    run();\n\n\n}\n</code></pre>\
             <pre class='lang-py'>x = '```'</pre><pre>plain</pre>",
        );
        assert_eq!(
            md,
            "Run:\n\n```rust\nfn main() {\n    run();\n\n}\n```\n\n````py\nx = '```'\n````\n\n```\nplain\n```"
        );
        assert_tidy(&md);
    }

    #[test]
    fn code_blocks_in_list_items_and_quotes_carry_the_prefix() {
        assert_eq!(
            markdown(
                "<ul><li>step<pre>a\n  b</pre></li></ul><blockquote><pre>q\n\nr</pre></blockquote>"
            ),
            "- step\n\n  ```\n  a\n    b\n  ```\n\n> ```\n> q\n>\n> r\n> ```"
        );
    }

    #[test]
    fn inline_code_is_in_backticks_and_literal() {
        assert_eq!(
            markdown("<p>Call <code>run(*args)</code>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <code>a`b</code>,<code> x </code>.</p>"),
            "Call `run(*args)`, `Ctrl`+`C`, ``a`b``, `x` ."
        );
    }

    #[test]
    fn links_keep_safe_hrefs_and_drop_the_rest() {
        let md = markdown(
            "<p><a href='https://example.org/a b(1)'>web</a> <a href='mailto:me@example.org'>mail</a> \
             <a href='../up'>relative</a> <a href='javascript:alert(1)'>script</a> \
             <a href=' JaVa&#9;Script:alert(1)'>sneaky</a> <a href='data:text/html,x'>data</a> \
             <a href='#'>top</a> <a href='/img'><img src=x></a> <a>bare</a></p>",
        );
        assert_eq!(
            md,
            "[web](https://example.org/a%20b\\(1\\)) [mail](mailto:me@example.org) [relative](../up) \
             script sneaky data top bare"
        );
    }

    #[test]
    fn link_text_escapes_brackets_and_a_link_after_bang_is_no_image() {
        assert_eq!(
            markdown("<p>Wow!<a href='/n'>note [1]</a></p>"),
            "Wow\\![note \\[1\\]](/n)"
        );
    }

    #[test]
    fn a_link_around_blocks_links_each_block() {
        assert_eq!(
            markdown("<a href='/story'><h2>Card</h2><p>Blurb <em>here</em></p></a>"),
            "## [Card](/story)\n\n[Blurb *here*](/story)"
        );
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
    fn text_that_would_read_as_markup_at_a_line_start_is_escaped() {
        let md = markdown(
            "<p># not a heading</p><p>1. not a list</p><p>2024) a year</p><p>- dash</p>\
             <p>+ plus</p><p>&gt; not a quote</p><p>---</p><p>===</p><p>[a]: /b</p>\
             <p>line<br>#2 fine<br>3. escaped</p><ul><li>1. in item</li></ul><p>#hashtag 1.5 -x</p>",
        );
        assert_eq!(
            md,
            "\\# not a heading\n\n1\\. not a list\n\n2024\\) a year\n\n\\- dash\n\n\\+ plus\n\n\
             \\> not a quote\n\n\\---\n\n\\===\n\n\\[a]: /b\n\nline\\\n#2 fine\\\n3\\. escaped\n\n\
             - 1\\. in item\n\n#hashtag 1.5 -x"
        );
    }

    #[test]
    fn emphasis_characters_are_escaped_only_where_they_could_act() {
        assert_eq!(
            markdown("<p>5 * 3, a*b, *star, snake_case, _under_, `tick`, \\* and C:\\dir, &amp;amp; <i>x</i></p>"),
            "5 * 3, a\\*b, \\*star, snake_case, \\_under\\_, \\`tick\\`, \\\\\\* and C:\\dir, \\&amp; *x*"
        );
    }

    #[test]
    fn dropped_nodes_do_not_appear() {
        let document = Html::parse_document(
            "<article><h2>Kept</h2><div class=share><a href='/s'>Share this</a></div>\
             <ul><li>one</li><li class=ad>Buy now</li><li>two</li></ul><p>End.</p></article>",
        );
        let dom = FlatDom::new(&document);
        let mut dropped = vec![false; dom.len()];
        for (index, node) in dom.nodes.iter().enumerate() {
            let class = node
                .element()
                .and_then(|element| element.attribute("class"));
            dropped[index] = matches!(class, Some("share" | "ad"));
        }
        assert_eq!(
            markdown_of(&dom, &dropped, &[0]),
            "## Kept\n\n- one\n- two\n\nEnd."
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
    fn markdown_follows_the_roots_of_the_text_when_extraction_widens_to_body() {
        // <main> holds enough text to be the region but too little to be the article, so the
        // text widens to <body>; the Markdown must widen with it.
        let main = "A paragraph inside main that is long enough to make main the region, with \
                    words and more words, and still more words to pass two hundred characters \
                    in all, which is the least a region may hold.";
        let html = Html::parse_document(&format!(
            "<body><main><p>{main}</p></main><h2>Outside</h2><p>Kept by the <b>wider</b> \
             fallback, a paragraph outside main that is also long enough to be content.</p>\
             </body>"
        ));
        let article = extract(
            &html,
            &ExtractOptions {
                markdown: true,
                ..ExtractOptions::default()
            },
        );
        assert!(
            article.text.contains("Kept by the wider fallback"),
            "{}",
            article.text
        );
        let markdown = article.markdown.unwrap_or_default();
        assert!(
            markdown.starts_with("A paragraph inside main"),
            "{markdown}"
        );
        assert_eq!(
            markdown.contains("Outside"),
            article.text.contains("Outside")
        );
        assert!(
            markdown.contains("Kept by the **wider** fallback"),
            "{markdown}"
        );
    }

    #[test]
    fn plain_text_is_escaped_only_at_line_starts() {
        assert_eq!(
            plain_text_markdown("# one *two*\n- three\n\n12. four\nfive > six"),
            "\\# one *two*\n\\- three\n\n12\\. four\nfive > six"
        );
    }

    #[test]
    fn the_title_block_is_left_out_when_it_repeats_the_title() {
        assert_eq!(
            without_leading_title("# Big *news*\n\nBody", "Big news"),
            "Body"
        );
        assert_eq!(
            without_leading_title("# C\\# rocks\n\nBody", "C# rocks"),
            "Body"
        );
        assert_eq!(
            without_leading_title("# Other\n\nBody", "Big news"),
            "# Other\n\nBody"
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
