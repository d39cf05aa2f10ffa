//! Site profile (`--site-profile`, `--profile`): blocks a site repeats across its pages.

#[cfg(doc)]
use super::{elements::BLOCK_TAGS, thresholds::MIN_ARTICLE_CHARS};

// ---------------------------------------------------------------------------------------------
// Site profile (`--site-profile`, `--profile`): blocks a site repeats across its pages
// ---------------------------------------------------------------------------------------------

/// A block is the site's boilerplate when it appears on at least this many of the site's
/// pages (`--profile-min-pages`): fewer pages cannot tell a template from a coincidence (two
/// posts quoting the same sentence), and small sites are left to the per-page rules.
pub const PROFILE_MIN_PAGES: u64 = 5;

/// … and on at least this share of the site's pages (`--profile-min-share`): footers, comment
/// notices, newsletter pitches and legal lines sit on nearly every page of a template, while
/// a sentence shared by a series of posts, a recurring recipe heading or a product family's
/// spec line sits on a minority.
pub const PROFILE_MIN_SHARE: f64 = 0.5;

/// Blocks with fewer words than this (after normalisation, digit runs not counted; a run of
/// ideographs counts one word per two characters) are never profiled: short headings and
/// labels ("Ingredients", "About this game", "Memory: 8 GB RAM") recur on every page of a
/// site as the skeleton of its content, and the per-page rules already handle menus and
/// share lines. Notices, pitches and legal lines are longer ("© 2024 Acme. All rights
/// reserved." has four).
pub const PROFILE_MIN_WORDS: usize = 4;

/// A profile that would leave less than this share of a page's kept text, and less than
/// [`MIN_ARTICLE_CHARS`], is not applied to that page: the page is then a copy of another
/// (the same article under two URLs, a print view) or pure template (an empty tag page), and
/// the per-page rules' answer is better than nothing.
pub const PROFILE_MIN_LEFT_SHARE: f64 = 0.1;

/// Profile files keep only blocks seen on at least this many pages: a block on one page can
/// never pass [`PROFILE_MIN_PAGES`], which must not be set below it.
pub const PROFILE_MIN_STORED_PAGES: u64 = 2;

/// Elements whose text is one profiled block when they hold no other such element: the
/// paragraph-level blocks of [`BLOCK_TAGS`], and the furniture tags that often hold a bare
/// line of text (a footer's copyright line, a form's notice).
pub const PROFILE_BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
    "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
    "blockquote", "pre", "figure", "figcaption", "address", "details", "summary", "center",
    "fieldset", "body", "footer", "nav", "aside", "form", "dialog", "menu",
];

/// Elements whose blocks are never profiled: code repeats across a documentation site's pages
/// (install commands, imports) as content, and unrendered text is no block at all.
pub const PROFILE_SKIPPED_TAGS: &[&str] = &[
    "pre", "code", "textarea", "listing", "plaintext", "xmp", "script", "style", "template",
    "head",
];
