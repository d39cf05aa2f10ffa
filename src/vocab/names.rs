//! HTML class and id vocabulary: the name fragments of furniture, navigation, comments,
//! banners and content, and the thresholds that decide when a so-named element stays.

#[cfg(doc)]
use super::thresholds::CORE_LINK_TRIM_SHARE;

// ---------------------------------------------------------------------------------------------
// HTML: class and id vocabulary
// ---------------------------------------------------------------------------------------------

/// Patterns shorter than this many characters must equal a whole part of a class or id token
/// (parts are separated by `-`, `_` and `:`), so that `ad` matches `ad-slot` but not `header`;
/// longer patterns match anywhere inside a token.
pub const MIN_SUBSTRING_PATTERN_CHARS: usize = 5;

/// Class tokens that start with these are state flags (`no-share`, `has-sidebar`,
/// `is-hidden-mobile`), not names of components, and are ignored when matching patterns.
pub const CLASS_FLAG_PREFIXES: &[&str] = &[
    "no-", "has-", "with-", "without-", "hide-", "hidden-", "show-", "enable-", "disable-", "is-",
    "not-",
];

/// Id prefix of React's streamed server-rendered segments (`<div hidden id="S:1f">`), whose
/// `hidden` is removed by script at load: the text inside is content.
pub const STREAMING_SEGMENT_ID_PREFIX: &str = "S:";

/// Class/id fragments of banners: an ad or promotion strip, unless the element carries a
/// heading and prose (then it is the page's "hero" introduction, see [`HERO_MIN_PROSE_CHARS`]).
pub const BANNER_CLASS_PATTERNS: &[&str] = &["banner"];

/// Class/id fragments of a banner that introduces the page rather than advertising
/// (`hero-banner`, `heroBanner`): such a banner is content, heading or not.
pub const HERO_CLASS_PATTERNS: &[&str] = &["hero", "herobanner", "hero-banner", "hero_banner"];

/// A banner with an `h1`–`h3` and at least this many characters of non-link text is content.
pub const HERO_MIN_PROSE_CHARS: u32 = 200;

/// A furniture-named element is kept when it holds at least this share of the page's
/// non-link text (layout wrappers such as `with-sidebar-layout` or forum `comment` posts hold
/// the content) …
pub const PROSE_HOLDER_SHARE: f32 = 0.4;

/// … or at least this share of the non-link text of all `<p>` elements …
pub const PROSE_HOLDER_PARAGRAPH_SHARE: f32 = 0.3;

/// … and in either case at least this many characters of it. One inside the page's `<main>`
/// that holds at least [`MAIN_PROSE_HOLDER_SHARE`] of that `<main>`'s non-link text is kept too.
pub const PROSE_HOLDER_MIN_CHARS: u32 = 500;

/// See [`PROSE_HOLDER_MIN_CHARS`].
pub const MAIN_PROSE_HOLDER_SHARE: f32 = 0.5;

/// Class/id fragments of cookie-consent managers (also furniture by
/// [`BOILERPLATE_CLASS_PATTERNS`]): their preference centres run to pages of legal prose,
/// which may hold more of a short page's text than its content does, so an element so named
/// is never kept for holding the prose.
pub const CONSENT_CLASS_PATTERNS: &[&str] = &["consent", "gdpr", "onetrust", "cookiebot"];

/// A block named as furniture (a sidebar, a menu) is not the content, however much text it
/// holds, when an element named as the article body beside it has at least this many
/// characters of non-link text.
pub const ARTICLE_BODY_BESIDE_MIN_CHARS: usize = 200;

/// … and at least this share of the furniture's own non-link text: a block named for ads that
/// wraps the whole post beside a short summary named as the body is still the post.
pub const FURNITURE_BESIDE_BODY_SHARE: f32 = 0.1;

/// A comment section is not the content, however much text it holds, when an article body
/// beside it has at least this share of the section's non-link text.
pub const COMMENTS_BESIDE_PROSE_SHARE: f32 = 0.5;

/// Link-dense blocks are grid cards (product tiles, teaser lists) when at least this many share
/// the same tag path (their tag and their three nearest ancestors' tags) …
pub const GRID_MIN_ITEMS: usize = 3;

/// … and the grids hold at least this share of the text the page otherwise keeps, and no less
/// than its prose (kept `<p>` text outside the grids). Such grids are the page's content, and
/// the link-density rule does not drop them.
pub const GRID_MIN_SHARE: f32 = 0.3;

/// A `<p>` counts as prose, for weighing grids against it, from this many non-link characters.
pub const GRID_PROSE_MIN_CHARS: u32 = 80;

/// Sectioning elements: a `<header>` inside one of them heads that section (a card's
/// headline and excerpt), not the page, so its links are not the site's menus.
pub const SECTIONING_TAGS: &[&str] = &["article", "aside", "main", "nav", "section"];

/// Elements never dropped for their class or id: a `<body class="has-sidebar">` is the page.
pub const CLASS_EXEMPT_TAGS: &[&str] = &["html", "body", "main", "article"];

/// An element holding more than this share of the page's text is a page-wide container and is
/// never dropped for its class or id.
pub const CONTAINER_TEXT_SHARE: f32 = 0.6;

/// … provided it holds at least this many characters: on a tiny page a lone menu is still a
/// menu.
pub const CONTAINER_MIN_CHARS: u32 = 500;

/// … and is not mostly links (a big navigation tree on a short page is still navigation).
pub const CONTAINER_MAX_LINK_DENSITY: f32 = 0.5;

/// Class/id fragments of page furniture: navigation, sharing, comments, ads, consent banners,
/// newsletter boxes, related links, author boxes and footers. An element whose class or id
/// contains one of these (as a token part, see `extract`) is dropped with all it holds.
pub const BOILERPLATE_CLASS_PATTERNS: &[&str] = &[
    // site chrome (navigation proper is in NAVIGATION_CLASS_PATTERNS)
    "masthead", "topbar", "sidebar", "footer", "skip-link", "skiplink", "skip-to",
    // site-wide announcement strips above the header ("Free shipping on orders $75+", "Beware
    // of scams impersonating our staff")
    "top-bar", "announcement-bar",
    // sharing and social
    "share", "sharing", "social", "follow-us", "sociable",
    // forum user furniture: signatures, user titles and badges, flair, notices, the poster's
    // profile panel ("postprofile", "Joined: …" lines) and the reaction bar under a post
    "signature", "usertitle", "userextras", "user-extras", "user-info", "userinfo", "flair",
    "notice", "postprofile", "joined", "reactions",
    // advertising and promotion
    "advert", "ads", "ad", "sponsor", "promo", "outbrain", "taboola",
    // customer-review widgets on shop pages (not "review": reviews are articles too)
    "reviews",
    // consent, paywall, newsletter
    "cookie", "consent", "gdpr", "paywall", "newsletter", "news-letter", "subscribe", "signup",
    "popup", "modal",
    // related and recommended links
    "related", "recommend", "popular", "trending", "more-stories", "tags",
    "tag-cloud", "tagcloud",
    // author boxes and bylines
    "author-bio", "author-box", "authorbox", "about-author", "byline",
    // misc furniture
    "print-only", "screen-reader", "sr-only", "visually-hidden",
    // image credits and copyright lines
    "credit", "copyright",
    // rating widgets
    "post-ratings",
    // affiliate and editorial disclosures, and legal fine print (`copy-legal`,
    // `game_area_legal`: licence terms and offer conditions under a product or a plan)
    "disclaimer", "disclosure", "affiliate", "legal",
    // shop and listing controls: the sort/filter/view bar above a product grid
    // (`collection-toolbar`, `toolbar-sorter`) and "add to wish list" widgets
    "toolbar", "wishlist",
    // image captions outside <figcaption>
    "wp-caption", "photo-caption", "image-caption", "img-caption", "imagecaption", "imgcaption",
    "photocaption", "caption-text", "media__caption", "figure__caption", "image__caption",
    "img__caption", "bildunterschrift", "bilduntertitel", "dida",
    // author bios and contact boxes under news and press articles, and fact boxes beside them
    "author", "autor", "kontakt", "contact", "ansprechpartner", "infobox",
];

/// Class/id fragments of "read more" controls. A link or button so named is furniture; a
/// block so named that holds prose is the text the control unfolds (a product description in
/// `content-toggle-product-details-read-more`, an intro in `readmore-content`) and stays.
pub const READ_MORE_CLASS_PATTERNS: &[&str] = &["read-more", "readmore"];

/// A "read more" block holding at least this many characters of non-link text is the text it
/// unfolds, not the control.
pub const READ_MORE_BODY_MIN_CHARS: u32 = 200;

/// Class/id fragments of navigation: menus, breadcrumbs, pagers. Navigation is made of links,
/// so an element so named is furniture unless it reads as prose (see
/// [`NAVIGATION_PROSE_MIN_CHARS`]): a FAQ in a `tabs-menu`, a tab panel whose id comes from a
/// `filter-menu`, an article section in a `content-nav-section` are content, and so are the
/// navigation-named items inside such a block (`faq-menu-item`).
pub const NAVIGATION_CLASS_PATTERNS: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "breadcrumb", "crumbs", "pagination", "pager",
    // "nav" and "menu" run together with where they sit, as one word (`leftmenu`, `topnav`)
    "leftmenu", "rightmenu", "topmenu", "sidemenu", "mainmenu", "leftnav", "rightnav", "topnav",
    "sidenav", "mainnav", "subnav", "submenu",
];

/// A navigation-named element with at least this many characters of text outside links …
pub const NAVIGATION_PROSE_MIN_CHARS: u32 = 400;

/// … and a link density below this is prose under a navigation name, not navigation.
pub const NAVIGATION_PROSE_MAX_LINK_DENSITY: f32 = 0.2;

/// Microdata properties (`itemprop`) of author boxes: many are marked up only as
/// `itemprop=author` (a `Person` with avatar, name and description), with no telling class.
/// Such an element is dropped like one named by [`BOILERPLATE_CLASS_PATTERNS`] …
pub const AUTHOR_BOX_ITEMPROPS: &[&str] = &["author"];

/// … when it holds at least this many characters: a bio, not the bare name of a byline or a
/// forum post's author (which forum truth keeps).
pub const AUTHOR_BOX_MIN_CHARS: usize = 100;

/// How many nodes into an element to look for the heading its id may be made from
/// ("id=\"sharing-with-others\"" on a section titled "Sharing with others").
pub const HEADING_ANCHOR_SEARCH_NODES: usize = 8;

/// Class/id fragments of comment sections: dropped from the article, and kept as the record's
/// `comments` with `--comments`.
pub const COMMENT_CLASS_PATTERNS: &[&str] = &["comment", "kommentar", "disqus"];

/// Class/id fragments of customer-review sections (also in [`BOILERPLATE_CLASS_PATTERNS`]). On
/// a page that declares a product for sale (see [`SHOP_SCHEMA_TYPES`]) they are dropped even
/// when they hold most of the page's prose, as the reviews under a short product description
/// often do; elsewhere (a moving company's testimonials, a bookseller's editorial reviews)
/// review-named blocks that hold the prose stay. Shipping, returns and delivery terms are not
/// here: shoppers' truth keeps them as often as not.
pub const SHOP_FURNITURE_CLASS_PATTERNS: &[&str] = &["reviews"];

/// schema.org types that mark a page as a shop's product page, in microdata (`itemtype`) or
/// JSON-LD (`"@type": "Product"`).
pub const SHOP_SCHEMA_TYPES: &[&str] = &["Product", "Offer"];

/// schema.org types that mark a page as one article, in microdata or JSON-LD. On such a page a
/// core too small to trim around still has the link-dense blocks outside it dropped (see
/// [`CORE_LINK_TRIM_SHARE`]).
pub const ARTICLE_SCHEMA_TYPES: &[&str] = &[
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle",
    "AnalysisNewsArticle", "BackgroundNewsArticle", "Report", "ScholarlyArticle",
];

/// Open Graph `og:type` values that mark a page as one article.
pub const ARTICLE_OPEN_GRAPH_TYPES: &[&str] = &["article"];

/// schema.org types that mark a page as a listing: a page that declares one of them is not one
/// article, whatever else it declares.
pub const LISTING_SCHEMA_TYPES: &[&str] = &["ItemList", "CollectionPage", "SearchResultsPage", "Blog"];

/// Class/id fragments of reply forms and buttons: dropped, except on forum pages, whose
/// software names the posts themselves `reply` or `comment`.
pub const REPLY_CLASS_PATTERNS: &[&str] = &["respond", "reply"];

/// schema.org types that mark a page as a discussion (forum thread, Q&A page).
pub const FORUM_SCHEMA_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// Path fragments of a page's canonical URL that mark a discussion.
pub const FORUM_URL_MARKERS: &[&str] = &[
    "forum", "thread", "topic", "viewtopic", "showthread", "/t/", "discussion", "/questions/",
    "/comments/",
];

/// On a discussion page, posts in `comment`/`reply` containers are the content when keeping
/// them at least doubles the kept text.
pub const FORUM_POSTS_MIN_GAIN: f32 = 1.0;

/// Collapsed panels (accordions, tabs) hide content that a click reveals: their hiding does
/// not count. Matched against class/id: accordions, the inactive panes of a tab set
/// (`tab-pane`), "show more" expanders and toggles of a description, and the answers of an
/// FAQ shown one at a time …
pub const COLLAPSED_PANEL_PATTERNS: &[&str] = &[
    "accordion", "collapse", "tab-pane", "tabpane", "tab-panel", "tabpanel", "expander",
    "toggle-content", "toggle__content", "faq-answer", "faq__answer",
];

/// … and roles.
pub const COLLAPSED_PANEL_ROLES: &[&str] = &["region", "tabpanel"];

/// Class/id fragments that mark article content and protect it from the patterns above
/// (`article-share` is furniture, but `article-body` is not).
pub const CONTENT_CLASS_PATTERNS: &[&str] = &[
    "article-body", "articlebody", "article-content", "post-body", "post-content", "entry-content",
    "story-body", "main-content", "article__body", "content-body", "article-text", "blog-post",
    "post-entry",
    // the same names as other naming conventions write them: camelCase (`articleText`,
    // `storyBody`) and snake_case (`post_content`). Not `mainContent`: a page's main column
    // holds more than the article (its teasers, its comments).
    "articletext", "article_text", "articlecontent", "article_content", "article_body",
    "storybody", "story_body", "postbody", "post_body", "postcontent", "post_content",
    "entrycontent", "entry_content",
    // the post itself, as blog software marks it: the microformat entry (`hentry`, `h-entry`)
    // and the post-type flag (`type-post`, `entry-type-post`). The same class lists carry the
    // post's taxonomy (`author-admin`, `entry-author-jane_doe`, `category-news`), which would
    // otherwise read as an author box or a category menu.
    "hentry", "h-entry", "type-post",
];

/// Class/id fragments that raise a container's score as the article's home.
pub const POSITIVE_CLASS_PATTERNS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// Class/id fragments that lower a container's score.
pub const NEGATIVE_CLASS_PATTERNS: &[&str] = &[
    "hidden", "combx", "comment", "contact", "foot", "footer", "footnote", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "tool", "widget",
];

/// Class fragments of the generic wrappers page builders put around every block, the article
/// text included (`elementor-widget-container`, `widget-wrap`): a class token containing one
/// of these says nothing about its content, so it does not count against it as
/// [`NEGATIVE_CLASS_PATTERNS`] would ("widget").
pub const WRAPPER_CLASS_NAMES: &[&str] = &["widget-container", "widget-wrap"];
