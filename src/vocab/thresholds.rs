//! HTML thresholds: scoring, teasers, presets, link density, headlines and titles, and the
//! thresholds of single stages.

#[cfg(doc)]
use super::names::{ARTICLE_SCHEMA_TYPES, CONTENT_CLASS_PATTERNS};

// ---------------------------------------------------------------------------------------------
// HTML: thresholds
// ---------------------------------------------------------------------------------------------

/// A paragraph shorter than this many characters does not vote for its container.
pub const MIN_PARAGRAPH_CHARS: usize = 25;

/// Points a paragraph gives its container per this many characters of text, up to
/// [`MAX_LENGTH_POINTS`].
pub const CHARS_PER_POINT: usize = 100;

/// Cap on the length points of one paragraph, so that one long block cannot outvote many.
pub const MAX_LENGTH_POINTS: f32 = 3.0;

/// Score a container starts with for its tag: generic blocks are likelier homes of an article
/// than lists, forms and headings.
pub const TAG_BASE_SCORES: &[(&str, f32)] = &[
    ("div", 5.0),
    ("article", 5.0),
    ("section", 3.0),
    ("pre", 3.0),
    ("td", 3.0),
    ("blockquote", 3.0),
    ("address", -3.0),
    ("ol", -3.0),
    ("ul", -3.0),
    ("dl", -3.0),
    ("dd", -3.0),
    ("dt", -3.0),
    ("li", -3.0),
    ("form", -3.0),
    ("h1", -5.0),
    ("h2", -5.0),
    ("h3", -5.0),
    ("h4", -5.0),
    ("h5", -5.0),
    ("h6", -5.0),
    ("th", -5.0),
];

/// How much of a paragraph's points reach its parent, grandparent and great-grandparent.
pub const ANCESTOR_SHARES: &[f32] = &[1.0, 0.5, 1.0 / 6.0];

/// A sibling paragraph of the best container joins the article when it is at least this long
/// and nearly link-free.
pub const SIBLING_PARAGRAPH_CHARS: usize = 80;

/// Score added to or taken from a container whose class/id matches the positive or negative
/// vocabulary.
pub const CLASS_WEIGHT: f32 = 25.0;

/// A sibling of the best container joins the article when its score is at least this share of
/// the best score.
pub const SIBLING_SCORE_SHARE: f32 = 0.2;

/// Text blocks outside the best-scored container that are shorter than this many characters
/// are trimmed when the container dominates the region (see [`Preset`]).
pub const OUTSIDE_CORE_MIN_CHARS: usize = 80;

/// … or have more than this share of link text.
pub const OUTSIDE_CORE_MAX_LINK_DENSITY: f32 = 0.3;

/// Teaser cards (sibling blocks of one tag and class, each with a heading linking to another
/// page: "more stories" streams) outside the article's core are dropped in runs of at least
/// this many …
pub const TEASER_MIN_RUN: usize = 3;

/// Class/id fragments of a teaser card's headline when it is set as a plain `<div>` or `<span>`
/// (`<div class="title"><a href=…>…</a></div>`) rather than as a heading.
pub const HEADLINE_CLASS_PATTERNS: &[&str] = &["title", "headline"];

/// … when at least this many of the run's members are cards …
pub const TEASER_MIN_CARDS: usize = 2;

/// … and at least this share of the run's members are cards (one card may lack its headline)
/// …
pub const TEASER_MIN_CARD_SHARE: f32 = 0.6;

/// … a card being at most this many characters (headline, excerpt, date, category) …
pub const TEASER_CARD_MAX_CHARS: usize = 1200;

/// … and only when the core holds at least this many characters of prose.
pub const TEASER_CORE_MIN_CHARS: usize = 1000;

/// A card's excerpt: a paragraph of at least this many characters …
pub const TEASER_EXCERPT_MIN_CHARS: usize = 60;

/// … with less than this share of link text.
pub const TEASER_EXCERPT_MAX_LINK_DENSITY: f32 = 0.5;

/// Teaser runs are dropped only when together they are at most this many times as long as the
/// core: on listing pages the runs are the content.
pub const TEASER_MAX_CORE_RATIO: f32 = 1.5;

/// A container with at least this share of its text in teaser cards is a stream of them (the
/// list under an article of "more stories"), not the article's core.
pub const TEASER_STREAM_MIN_SHARE: f32 = 0.5;

/// When the core holds too little of the region to trim around it (a short story beside rails
/// of other stories), but lies inside an element the page names as the article's body
/// ([`CONTENT_CLASS_PATTERNS`]), the blocks around that body are trimmed once it holds this
/// share of the region's text (never with the recall preset).
pub const NAMED_BODY_TRIM_SHARE: f32 = 0.3;

/// Below that share, from this one, the blocks outside the named body whose text is at least
/// [`OUTSIDE_BODY_LINK_DENSITY`] link text are dropped: rails and menus, not the article's lede
/// or fact box. A named body with less of the region is one card of a listing.
pub const NAMED_BODY_LINK_TRIM_SHARE: f32 = 0.1;

/// See [`NAMED_BODY_LINK_TRIM_SHARE`].
pub const OUTSIDE_BODY_LINK_DENSITY: f32 = 0.6;

/// On a page that declares itself one article ([`ARTICLE_SCHEMA_TYPES`], `og:type` article), a
/// core holding at least this share of the region, but too little to trim around, has the
/// blocks outside it that are at least [`OUTSIDE_BODY_LINK_DENSITY`] link text dropped: the
/// page is one story beside rails of others, not a listing.
pub const CORE_LINK_TRIM_SHARE: f32 = 0.3;

/// On the second look at a page whose first look kept nothing, a block is a link list only
/// above this share of link text (the recall preset's figure): the first look may have read
/// the one short post, its title and tags all links, as one.
pub const SECOND_LOOK_MAX_LINK_DENSITY: f32 = 0.8;

/// The trade-off between keeping everything that may be article and keeping only what surely
/// is. Each preset is a set of thresholds; `Preset::BALANCED` is the default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    /// A block whose text is more than this share of link text is navigation.
    pub max_link_density: f32,
    /// When the best-scored container holds at least this share of the region's text, blocks
    /// around it that do not read like content are trimmed (above 1: never).
    pub trim_core_share: f32,
}

impl Preset {
    /// The default: trims around a dominant article body, keeps all of listing-like pages.
    pub const BALANCED: Preset = Preset {
        max_link_density: 0.5,
        trim_core_share: 0.55,
    };
    /// `--precision`: always trims around the best container, and drops link lists sooner.
    pub const PRECISION: Preset = Preset {
        max_link_density: 0.35,
        trim_core_share: 0.0,
    };
    /// `--recall`: never trims, and keeps link-heavy blocks unless nearly all links.
    pub const RECALL: Preset = Preset {
        max_link_density: 0.8,
        trim_core_share: f32::INFINITY,
    };
}

/// Blocks shorter than this many characters may be dropped for link density; longer ones are
/// kept because inline links in real prose can be dense.
pub const LINK_DENSITY_MIN_CHARS: usize = 200;

/// Longer blocks are still link lists (teaser rails, "most read" boxes, link grids around an
/// article) when nearly all their text is links: at least this share …
pub const DENSE_LINK_LIST_DENSITY: f32 = 0.85;

/// … they hold fewer than this many characters …
pub const DENSE_LINK_LIST_MAX_CHARS: u32 = 2000;

/// … and the page's `<p>` prose is at least this many times all their text together (on a
/// listing page the links are the content).
pub const DENSE_LINK_LIST_PROSE_RATIO: f32 = 3.0;

/// An article shorter than this many characters is suspicious: the extractor falls back to a
/// wider selection and keeps the longer answer.
pub const MIN_ARTICLE_CHARS: usize = 250;

/// Link marks that documentation generators put at the end of a heading to link to it
/// (Sphinx's and others' `¶`, a link emoji): they are not part of the headline.
pub const HEADING_ANCHOR_MARKS: &[char] = &['¶', '🔗'];

/// Labels that some templates print before the headline in its heading ("Thread: …",
/// "Collection: …"): they name the field, not the page. Matched without case, before a colon.
/// Words that start headlines as often ("Tutorial:", "Review:") are not here.
pub const HEADING_FIELD_LABELS: &[&str] = &[
    "title",
    "headline",
    "thread",
    "topic",
    "subject",
    "collection",
];

/// File names of a site's home page: an `<h1>` whose text is all a link to one of these (or to
/// `/`) is the site's logo, not the headline.
pub const HOME_PAGE_FILES: &[&str] = &[
    "index.html",
    "index.htm",
    "index.php",
    "index.shtml",
    "default.aspx",
    "default.asp",
];

/// How many of the first `<h1>` headings may be the headline that a declared title confirms
/// (a site logo often takes the first). `<h2>` headings are not candidates: measured, they
/// confirmed section headings more often than headlines.
pub const HEADLINE_CANDIDATES: usize = 3;

/// Marks that join the two parts of a headline ("Welpen kaufen – Tipps"): a heading that ends
/// with one of these before the declared title is one headline, not a kicker and a headline.
pub const KICKER_JOINING_MARKS: &[char] = &['-', '–', '—', ':', '|', '/', '·'];

/// Top-level domains of the domain names sites use as their name ("WRAL.com", an `<h1>` that
/// reads "example.org"): such a name is the site's, and without the domain it is what titles
/// repeat. Script-file endings such as `.js` are not here ("Node.js" is a headline).
pub const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "org", "net", "info", "biz", "io", "co", "de", "at", "ch", "uk", "fr", "es", "it", "nl",
    "be", "eu", "pl", "cz", "ru", "jp", "cn", "us", "ca", "au", "in", "br", "se", "no", "dk", "fi",
];

/// Separators between a headline and the site name in `<title>`: "Headline | Site",
/// "Headline • Site".
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ",
];

/// Of [`TITLE_SEPARATORS`], the ones that also join breadcrumbs, which lead from the site to
/// the page: a title of [`MIN_BREADCRUMB_PARTS`] or more parts joined by one ("Site » Blog
/// Archive » Headline") names the site first and ends with the headline. Two parts are
/// "Headline » Site" as often as not.
pub const BREADCRUMB_SEPARATORS: &[&str] = &[" » "];

/// See [`BREADCRUMB_SEPARATORS`].
pub const MIN_BREADCRUMB_PARTS: usize = 3;

/// Without a known site name, the first part of a title is its headline unless it is shorter
/// than this share of the longest part (in characters): "The Agency | ML (Machine Learning)
/// at …" names the site first.
pub const MIN_HEADLINE_PART_SHARE: f32 = 1.0 / 3.0;

// ---------------------------------------------------------------------------------------------
// HTML: thresholds used by single stages
// ---------------------------------------------------------------------------------------------

/// Tags whose text blocks may be dropped for being mostly links.
pub const LINK_LIST_TAGS: &[&str] = &["ul", "ol", "li", "p", "div", "section", "table", "dl"];

/// A table cell with at least this many links, mostly links and short, is a table layout's
/// navigation column and may be dropped like a list of links (a data table's cell holds one).
pub const LINK_COLUMN_MIN_LINKS: usize = 3;

/// Link density below which a sibling paragraph counts as prose.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;

/// Words shorter than this before an element boundary are prefixes ("i" of "iPhone"), not
/// headings run into the next sentence.
pub const MIN_GLUED_WORD_CHARS: usize = 3;
