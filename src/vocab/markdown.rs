//! Markdown output (`--format markdown`): the tags written as Markdown and the tests of a
//! data table.

// ---------------------------------------------------------------------------------------------
// Markdown output (`--format markdown`)
// ---------------------------------------------------------------------------------------------

/// Headings, outermost level first: a heading's place in this list plus one is its number of
/// `#`.
pub const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements written as `*emphasis*`.
pub const EMPHASIS_TAGS: &[&str] = &["em", "i"];

/// Elements written as `**strong emphasis**`.
pub const STRONG_TAGS: &[&str] = &["strong", "b"];

/// Inline elements whose text is code, written in backticks; inside a preformatted element
/// they are part of its fenced block instead.
pub const INLINE_CODE_TAGS: &[&str] = &["code", "kbd", "samp", "tt"];

/// Lowercased URL schemes whose links are kept as `[text](href)`; a link with any other scheme
/// (`javascript:`, `data:`, `tel:`, …) keeps only its text. Hrefs without a scheme are relative
/// and kept as they are.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Class prefixes that name a code block's language: `language-rust` is what the HTML
/// standard suggests and highlight.js and Prism use, `lang-rust` is Prettify's.
pub const CODE_LANGUAGE_CLASS_PREFIXES: &[&str] = &["language-", "lang-"];

/// Elements that make a table page layout rather than data: a pipe-table cell holds one line of
/// inline text, so a table holding any of these is written as the blocks it contains.
pub const LAYOUT_TABLE_CONTENT_TAGS: &[&str] = &[
    "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "pre", "blockquote", "hr",
    "article", "section", "main", "header",
];

/// Lowercased ARIA roles that declare a table to be layout.
pub const LAYOUT_TABLE_ROLES: &[&str] = &["presentation", "none"];

/// A table cell with more text than this many characters holds prose, not a datum: its table
/// is layout, unless it has [`MIN_ROWS_OF_DATA_TABLE_WITH_PROSE`] rows.
pub const MAX_DATA_TABLE_CELL_CHARS: usize = 500;

/// A table with at least this many rows is data even when a cell holds prose (a comparison
/// table's notes, a film list's plots): layout tables have a row or two.
pub const MIN_ROWS_OF_DATA_TABLE_WITH_PROSE: usize = 4;

/// Class/id words of quotation boxes that forum software draws as `div`s: a paragraph repeated
/// inside one quotes an earlier post and is written once.
pub const QUOTE_CLASS_PATTERNS: &[&str] = &["quote"];

/// Copied paragraphs in a run of at least this many are a copied container (a responsive
/// layout's second rendering, a tab strip repeating its panels) and are written once; a single
/// repeated sentence between new paragraphs is the author's own repetition and stays.
pub const MIN_COPIED_RUN: usize = 2;

/// A table is data only when some row has at least this many cells; a one-column table is
/// blocks stacked for layout.
pub const MIN_DATA_TABLE_COLUMNS: usize = 2;

/// Lists and quotes nested deeper than this are written at this depth: articles nest a few
/// levels, and a broken page with thousands of unclosed `<ul>` would otherwise indent every
/// line by thousands of spaces.
pub const MAX_MARKDOWN_NESTING: usize = 32;

/// Largest `colspan` honoured when padding a pipe-table row, so that a stray `colspan=9999`
/// cannot blow a row up.
pub const MAX_TABLE_COLSPAN: usize = 32;
