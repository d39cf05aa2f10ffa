//! Kept nodes → Markdown: the same walk over the same kept nodes as [`super::serialize`], with
//! the structure that plain text leaves out (headings, lists, tables, code, links, emphasis,
//! quotes) written as CommonMark with GitHub's pipe tables.
//!
//! The writer streams. Inline content collects in the current *leaf* (a paragraph, heading or
//! table cell), which is written out with the prefixes of its enclosing quotes and list items
//! when a block boundary ends it. Markup is emitted lazily, just before the first visible
//! character it applies to, so that empty elements leave nothing behind and whitespace never
//! ends up just inside `*…*` or `[…]`.
//!
//! The [`writer`] holds that state; [`escape`] keeps page text from reading as markup.

mod escape;
mod writer;

use super::dom::{AttributeExt, FlatDom, Visit, NO_PARENT};
use super::serialize::text_and_copies;
use crate::vocab::{
    LAYOUT_TABLE_CONTENT_TAGS, LAYOUT_TABLE_ROLES, MAX_DATA_TABLE_CELL_CHARS,
    MIN_DATA_TABLE_COLUMNS, MIN_ROWS_OF_DATA_TABLE_WITH_PROSE, TABLE_CELL_TAGS,
};
use escape::line_start_escape;
use writer::Writer;

/// The given subtrees as Markdown, skipping dropped nodes: blocks separated by one blank line,
/// the copies the text leaves out left out here too.
pub fn markdown_of(dom: &FlatDom, dropped: &[bool], roots: &[usize]) -> String {
    let mut writer = Writer::new(text_and_copies(dom, dropped, roots).1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};
    use scraper::Html;

    pub(super) fn markdown(html: &str) -> String {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let dropped = vec![false; dom.len()];
        markdown_of(&dom, &dropped, &[0])
    }

    /// The layout rules every output keeps: no trailing spaces, no two blank lines in a row,
    /// no blank line at either end.
    pub(super) fn assert_tidy(markdown: &str) {
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
}
