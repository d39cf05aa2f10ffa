//! HTML elements: the tags, roles and selectors of markup that is never text, page
//! furniture, blocks, paragraphs and the article's region.

#[cfg(doc)]
use super::names::GRID_PROSE_MIN_CHARS;

// ---------------------------------------------------------------------------------------------
// HTML: elements
// ---------------------------------------------------------------------------------------------

/// Elements that never hold article text: code, styling, embedded objects and form controls
/// (a `<button>` that is a heading's whole text is that heading and stays).
pub const DISCARD_TAGS: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "svg", "canvas",
    "head", "title", "meta", "link", "button", "input", "select", "textarea", "option",
    "audio", "video", "picture", "source", "map", "figcaption",
];

/// Form controls: their text (a `<select>`'s options) is a menu, never prose.
pub const FORM_CONTROL_TAGS: &[&str] = &["button", "input", "select", "textarea"];

/// `<input>` types a visitor types text into (an `<input>` without a type is one too): the
/// `<label>` naming such a field, like those of text areas and drop-downs, is a form prompt and
/// is dropped. Labels of checkboxes and radio buttons stay: they name a product's options.
pub const TEXT_ENTRY_INPUT_TYPES: &[&str] = &[
    "text", "email", "password", "tel", "search", "url", "number", "date", "datetime-local",
    "month", "week", "time",
];

/// Raw-text elements that pages close XML-style (`<iframe src=… />`, as tag-manager snippets
/// and JSX-rendered markup do): HTML ignores the slash, so the element's text would swallow the
/// rest of the document. They get an end tag before parsing.
pub const SELF_CLOSED_RAW_TEXT_TAGS: &[&str] = &["iframe"];

/// Elements of page furniture: dropped unless they hold most of the page's text (then the
/// markup is broken and they are really the page).
pub const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "dialog", "menu"];

/// Elements whose text is never rendered: it counts toward no text or link-density figure.
pub const NON_RENDERED_TAGS: &[&str] = &["script", "style", "template", "head"];

/// A `<noscript>` holding at least this many characters is the page's server-rendered content
/// (forum software serves whole threads that way); a smaller one is a "please enable
/// JavaScript" notice or a tracking pixel, and is dropped.
pub const NOSCRIPT_CONTENT_CHARS: usize = 500;

/// A block hidden by inline style (not a paragraph) that holds at least this share of the
/// page's non-link text is the content behind an anti-flicker or lock-screen wrapper, which
/// script reveals at load: its hiding does not count.
pub const HIDDEN_WRAPPER_MIN_SHARE: f32 = 0.5;

/// A semantic container (`itemprop=articleBody`, a lone `<article>`, `<main>`) is taken as the
/// article's region when it holds at least this share of the page's kept text; outside it
/// there is then only page furniture.
pub const REGION_MIN_SHARE: f32 = 0.25;

/// … and at least this many characters.
pub const REGION_MIN_CHARS: usize = 200;

/// A lede that the page marks as its article's summary (`itemprop=description` in the same
/// item as the `articleBody`, set before the body) is part of the article from this many
/// characters: the standfirst of a news story, not a one-word label.
pub const LEDE_MIN_CHARS: usize = 40;

/// … and when at most this share of its text is link text: a lede is prose, not a list of
/// related links.
pub const LEDE_MAX_LINK_DENSITY: f32 = 0.3;

/// … and, on a page with at least [`REGION_PROSE_PAGE_MIN_CHARS`] of prose paragraphs (`<p>`s
/// of [`GRID_PROSE_MIN_CHARS`] non-link characters or more), at least this share of them. A
/// shop's `<main>` often holds only the product grid while the category's buying guide follows
/// it; when most of the page's prose lies outside the container, the container is not where
/// the article is.
pub const REGION_MIN_PROSE_SHARE: f32 = 0.2;

/// Class names that blog software gives the element of the post itself (title, body and
/// footer): the microformat entry and the post-type flag (`type-post`, `entry-type-post`).
/// A name ends with one of them or is one.
pub const POST_CLASS_PATTERNS: &[&str] = &["hentry", "h-entry", "type-post"];

/// Id prefixes that blog software gives the element of the post, followed by the post's number
/// (`id="post-106457"`): a post whose theme writes no class above names it this way.
pub const POST_ID_PREFIXES: &[&str] = &["post-"];

/// The one element named as the post ([`POST_CLASS_PATTERNS`]) is the article's region when it holds at least this share of the page's prose paragraphs,
/// whatever share of the page's text the lists around it hold.
pub const POST_REGION_MIN_PROSE_SHARE: f32 = 0.6;

/// The element named as the post ([`POST_CLASS_PATTERNS`]) is weighed as the region from this
/// much kept text: a blog's post may be a photo and two lines, and the page says it is the post.
pub const POST_MIN_CHARS: usize = 50;

/// See [`REGION_MIN_PROSE_SHARE`]: below this much prose on the page, the share is not weighed.
pub const REGION_PROSE_PAGE_MIN_CHARS: u32 = 1000;

/// Elements that start a new block of text; everything else flows inline.
pub const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
    "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
    "blockquote", "pre", "figure", "figcaption", "address", "details", "summary", "hr", "center",
    "fieldset", "body", "html",
];

/// Table cells: they flow inline, separated by `" | "`, one row per line.
pub const TABLE_CELL_TAGS: &[&str] = &["td", "th"];

/// Elements that are themselves paragraphs of content, used to score their containers.
pub const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "td", "li", "dd", "h2", "h3"];

/// Elements whose text is code and keeps its line breaks and indentation.
pub const PREFORMATTED_TAGS: &[&str] = &["pre", "textarea", "listing", "plaintext", "xmp"];

/// Class tokens of the per-line elements syntax highlighters (Shiki and others) write inside
/// `<pre>` without newline characters between them: each starts a new line of code.
pub const CODE_LINE_CLASSES: &[&str] = &["line"];

/// Elements that mark the article directly, strongest first.
pub const ARTICLE_SELECTORS: &[&str] =
    &["[itemprop=articleBody]", "article", "[role=main]", "main"];

/// ARIA roles of page furniture.
pub const BOILERPLATE_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "toolbar",
];
