//! Every vocabulary and threshold dechaff believes about the web, as named, commented data.
//!
//! The algorithms refer to these tables by name; changing a belief is a one-line diff here.
//! Patterns are matched against lowercased text unless a comment says otherwise.

// ---------------------------------------------------------------------------------------------
// Input and decoding
// ---------------------------------------------------------------------------------------------

/// File extensions (after removing `.gz`) taken when walking a directory; other files are
/// skipped and counted, so that READMEs and expected outputs beside pages are not read as pages.
pub const PAGE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "txt", "jsonl", "ndjson", "warc",
];

/// Extensions that mark a file as a WARC archive (after removing `.gz` or `.zst`).
pub const WARC_EXTENSIONS: &[&str] = &["warc"];

/// Media types of WARC responses that are pages to clean; responses of other types are skipped.
pub const WARC_HTML_MEDIA_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// Bytes allowed for a WARC response's HTTP status line and headers on top of
/// `--max-page-bytes`, so that a page just under the limit is not refused for its headers.
pub const WARC_HTTP_HEAD_ALLOWANCE: u64 = 64 * 1024;

/// Extensions that mark a file as JSONL, one page per line.
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Extensions that mark a file as a plain-text page dump.
pub const TEXT_EXTENSIONS: &[&str] = &["txt"];

/// Extensions that mark a file as an HTML page.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// Bytes looked at for control bytes when deciding whether a page is binary.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// A page whose first bytes are more than this share of C0 control bytes (other than
/// whitespace and ESC) is binary: text has next to none, a binary format's headers and numbers
/// are full of them, and a stray NUL in a real page is one byte in thousands.
pub const BINARY_MAX_CONTROL_SHARE: f64 = 1.0 / 32.0;

/// Bytes looked at when deciding whether a page without a telling extension is HTML.
pub const HTML_SNIFF_BYTES: usize = 4 * 1024;

/// Lowercased tags whose presence near the start of a document makes it HTML rather than text.
pub const HTML_MARKERS: &[&str] = &[
    "<head", "<body", "<title", "<meta ", "<div", "<p>", "<p ", "<br", "<span", "<a href",
    "<table", "<b>", "<i>", "<ul", "<h1", "<h2", "<article", "<section", "<script",
];

/// Bytes searched for a `<meta charset>` declaration. The HTML standard says 1024, but many
/// real pages put theirs after long scripts or comments.
pub const META_PRESCAN_BYTES: usize = 16 * 1024;

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

/// Headings that open a section of page furniture rather than of the article, lowercased,
/// without trailing colons or counts, in the languages dechaff meets most. A heading equal to
/// one of these, or starting with one of them and at most [`FURNITURE_HEADING_MAX_WORDS`]
/// words long, is dropped with the section it opens.
pub const FURNITURE_HEADINGS: &[&str] = &[
    // English
    "related posts", "related articles", "related stories", "related content", "related news",
    "related reading", "related topics", "you might also like", "you may also like",
    "you might be interested in", "you may be interested in", "recommended for you",
    "recommended stories", "recommended articles", "recent posts", "recent articles",
    "latest posts", "latest news", "latest stories", "most popular", "most read",
    "popular posts", "popular stories", "trending now", "about the author", "share this",
    "share this article", "share this post", "leave a reply", "leave a comment", "comments",
    "read next", "no comments", "was this article helpful", "most viewed", "editor's picks", "more news", "more stories", "more from", "more in", "more articles", "similar threads",
    "similar posts", "watch next", "follow us", "sign up for our newsletter",
    "subscribe to our newsletter", "tags", "about the reviewer", "about the authors",
    "meet the author",
    // discussion sidebars and thread footers
    "related discussions", "similar discussions", "related threads", "related questions",
    "linked questions", "hot network questions", "more topics",
    // German
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "mehr zum thema",
    "weitere artikel", "weitere beiträge", "lesen sie auch", "auch interessant",
    "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte beiträge",
    "beliebte beiträge", "neueste beiträge", "meistgelesen", "kommentare",
    "artikel teilen", "beitrag teilen", "über den autor", "über die autorin", "schlagworte",
    "empfehlungen der redaktion", "mehr aus",
    "neueste artikel", "meistgelesene artikel", "meistdiskutierte artikel", "am meisten gelesen",
    "viel gelesen", "letzte kommentare", "kommentierte artikel", "schon gelesen",
    "zum weiterlesen", "mehr themen", "empfohlene beiträge", "videos zum thema",
    "beiträge aus dem forum", "verwandte themen", "verwandte themenbereiche", "lust auf mehr",
    "das thema könnte dich auch interessieren", "das könnte sie auch", "mehr zu",
    "weitere themen", "weitere nachrichten", "aktuelle artikel", "top-artikel",
    "keine kommentare", "weitere informationen", "weitere infos", "fragen an den autor",
    "kontakt", "ansprechpartner", "ansprechpartnerin", "war der artikel nützlich",
    "wie bewerten sie diesen artikel", "war dieser artikel hilfreich",
    // French
    "articles similaires", "articles les plus lus", "dans la même rubrique", "à lire aussi", "lire aussi", "sur le même sujet",
    "vous aimerez aussi", "articles récents", "commentaires", "partager cet article",
    // Spanish
    "artículos relacionados", "noticias relacionadas", "temas relacionados",
    "te puede interesar", "también te puede interesar", "lo más leído", "más noticias",
    "comentarios", "compartir",
    // Italian, Portuguese, Dutch, Polish
    "articoli correlati", "leggi anche", "potrebbe interessarti", "commenti",
    "artigos relacionados", "leia também", "veja também", "comentários",
    "gerelateerde artikelen", "lees ook", "reacties", "czytaj także", "zobacz też",
    "powiązane artykuły", "komentarze", "zobacz również", "czytaj również",
    // shops: recommendation and history rails beside a product, in the same languages
    "people who viewed this item also viewed", "people who bought this also bought",
    "customers who bought this item also bought", "customers who viewed this item also viewed",
    "customers also bought", "customers also viewed", "frequently bought together",
    "similar items", "similar products", "related products", "related items",
    "products related to this item", "sponsored products", "complete the look", "shop the look",
    "recently viewed", "your recently viewed items", "more like this", "pairs well with",
    "kunden kauften auch", "ähnliche produkte", "zuletzt angesehen",
    "passende produkte", "produits similaires", "produits associés", "récemment consultés",
    "productos relacionados", "productos similares", "vistos recientemente",
    "prodotti correlati", "prodotti simili", "visti di recente", "produtos relacionados",
    "vergelijkbare producten", "gerelateerde producten", "podobne produkty",
];

/// A heading longer than this many words is a real heading, even when it starts with a
/// furniture phrase ("More from the archive of 1920s jazz recordings").
pub const FURNITURE_HEADING_MAX_WORDS: usize = 6;

/// How many containers above a furniture heading (and the wrappers holding only the heading)
/// may be taken as the section it opens, each having the heading as its first text.
pub const FURNITURE_SECTION_MAX_CLIMB: usize = 5;

/// A container opened by a furniture heading is dropped whole only when it holds less than
/// this share of the page's text.
pub const FURNITURE_SECTION_MAX_SHARE: f32 = 0.2;

/// Lowercased line starts of boilerplate lines: source and picture credits, copyright notices,
/// contact boxes, update stamps, ad labels and reading-time notes. A leaf block (one with no
/// block-level child holding text) of at most [`BOILERPLATE_LINE_MAX_CHARS`] characters whose
/// text starts with one of these is dropped.
pub const BOILERPLATE_LINE_PREFIXES: &[&str] = &[
    // sources and picture credits
    "quelle:", "quellen:", "quellenangaben", "bildquelle", "foto:", "fotos:", "bild:",
    "bilder:", "titelbild:", "beitragsbild", "source:", "sources:", "photo:", "photos:",
    "photograph by", "image:", "credit:", "credits:", "crédits photos", "crédit photo",
    "fuente:", "fonte:", "źródło:", "crédito:", "(crédito", "bild via", "externer inhalt",
    "video verfügbar bis", "photo credit", "image credit", "fotocredit", "foto ©", "(credit:",
    "(foto:", "(photo:", "symbolbild", "symbolgrafik",
    // captions set as plain paragraphs: figure numbers, and an enlarge button's label glued to
    // the caption it sits beside ("Vergrößern Eine kleine runde Aussparung …")
    "abbildung", "abb.", "vergrößern",
    // copyright
    "©", "(c) ", "copyright", "all rights reserved", "alle rechte vorbehalten",
    "tous droits réservés", "todos los derechos reservados",
    // contact boxes
    "kontakt:", "pressekontakt", "ansprechpartner", "telefon:", "tel.:", "e-mail:",
    "contact:", "press contact", "media contact",
    // update and publication stamps, bylines ("Von: …") and view counts
    "aktualisiert:", "aktualisiert am", "zuletzt aktualisiert", "veröffentlicht am",
    "erstellt am", "last modified", "last updated", "updated:", "ultima modifica",
    "publiziert:", "publiziert am", "veröffentlichung:", "pubblicato il", "publié le",
    "publicado el", "opublikowano", "news date", "aufrufe:", "von:",
    // subscribe and follow prompts
    "subscribe now", "subscribe to", "sign up for", "receive our", "never miss", "follow us",
    "folgen sie uns", "mit unserem newsletter", "abonnieren sie", "síguenos", "siguenos",
    "suivez-nous", "abonnez-vous",
    // teaser lines in Spanish and Portuguese news ("Mira: …", "Puedes ver: …")
    "mira:", "puedes ver:", "lee también:", "lea también:", "lee además:", "veja também:",
    "leia também:", "leia mais:",
    // donation prompts
    "unterstützen sie", "unterstütze", "jetzt spenden", "jede kleine spende", "je fais un don",
    "donate now", "support us",
    // category and tag lines
    "kategorie:", "kategorien:", "category:", "category :", "categories:", "schlagwörter:",
    "erschienen in", "veröffentlicht in",
    // ad labels
    "anzeige", "- anzeige", "werbung", "*werbung", "advertisement",
];

/// Lowercased labels of the buttons and links that act on the page rather than say anything:
/// print, save, show or hide, back, download, read on. A leaf block whose whole text is one of
/// these (arrows and punctuation around it aside) is dropped; a sentence that uses the word
/// says more than the label.
pub const PAGE_CONTROL_LABELS: &[&str] = &[
    // print
    "print", "print this page", "print this article", "print article", "print recipe",
    "drucken", "seite drucken", "artikel drucken", "rezept drucken", "beitrag drucken",
    "imprimer", "imprimir", "stampa", "drukuj", "afdrukken",
    // save and bookmark
    "save", "bookmark", "merken", "zur merkliste", "auf die merkliste", "speichern",
    "enregistrer", "guardar", "salva", "zapisz",
    // show, hide and expand
    "show all", "view all", "see all", "show more", "show less", "alle anzeigen",
    "mehr anzeigen", "weniger anzeigen", "bild anzeigen", "quellen anzeigen",
    "quellen ausblenden", "voir tout", "voir plus", "ver todo", "ver más", "mostra tutto",
    "mostra di più", "zobacz wszystkie", "pokaż więcej",
    // read on
    "read more", "continue reading", "weiterlesen", "mehr lesen", "lire la suite",
    "leer más", "continua a leggere", "czytaj dalej",
    // back
    "back", "back to top", "back to overview", "back to list", "zurück", "nach oben",
    "zurück zur übersicht", "zurück zur listenansicht", "zurück nach oben", "retour",
    "retour en haut", "volver", "volver arriba", "torna su", "powrót",
    // download
    "download pdf", "pdf herunterladen", "als pdf herunterladen", "télécharger le pdf",
    "descargar pdf",
];

/// Lowercased phrases that make a leaf block of at most [`BOILERPLATE_PHRASE_MAX_WORDS`] words
/// boilerplate wherever they occur in it: reading-time notes, rights notices, subscribe and
/// follow prompts.
pub const BOILERPLATE_LINE_PHRASES: &[&str] = &[
    "min read", "min. read", "minute read", "przeczytasz", "de lectura", "temps de lecture", "min. lesezeit", "min lesezeit", "minuten lesezeit",
    "lesezeit:", "all rights reserved", "alle rechte vorbehalten",
    "subscribe now", "jetzt abonnieren", "jetzt teilen", "artikel teilen", "follow us",
    "folgen sie uns", "síguenos", "siguenos",
];

/// Lowercased picture-credit marks that make a leaf block of at most
/// [`BOILERPLATE_LINE_MAX_CHARS`] characters a caption wherever they occur in it: stock agencies
/// and a credit after the caption sentence ("Lee Elder beim Masters. | © Getty Images").
pub const CREDIT_PHRASES: &[&str] = &[
    "getty images", "istock", "shutterstock", "picture alliance", "picture-alliance",
    "stock.adobe", "(credit:", "(photo:", "| ©", ". ©",
];

/// Words that may follow a numeric date stamp on its own line ("19.10.2019, 05:00 Uhr"): a
/// leaf block that is only a date (day, month and year in digits), perhaps with a time and one
/// of these, is a publication stamp.
pub const DATE_STAMP_SUFFIXES: &[&str] = &["uhr", "h", "am", "pm"];

/// Lowercased labels that may open a date stamp written with a month name of [`MONTH_NAMES`]
/// ("Published on: March 3, 2025", "Updated 12 Jul 2024"), and words that may stand between its
/// parts ("3 de marzo de 2024", "· 4:30 pm ET"). A leaf block that is only such a date is a
/// publication stamp like a numeric one.
pub const DATE_STAMP_LABELS: &[&str] = &[
    "published", "updated", "posted", "modified", "last", "reviewed", "originally", "on", "at",
    "date", "de", "del", "le", "am", "veröffentlicht", "aktualisiert", "publié", "mis", "à",
    "jour", "publicado", "actualizado", "pubblicato", "aggiornato", "et", "est", "pst", "gmt",
    "utc", "cet", "cest",
];

/// A date stamp written with a month name has at most this many words, labels included.
pub const DATE_STAMP_MAX_WORDS: usize = 9;

/// Lowercased phrases of subscribe, app, membership and donation prompts written as plain
/// paragraphs ("To view the full story, please subscribe …", "¿Ya sabías que tenemos canal de
/// Telegram?", "Wesprzyj nas darowizną"): a leaf block of at most [`PROMPT_LINE_MAX_CHARS`]
/// characters that contains one of these anywhere is dropped. Only phrases that address the
/// reader about the site itself, not ones an article about apps or newsletters would use.
pub const PROMPT_PHRASES: &[&str] = &[
    // subscriptions and memberships
    "please subscribe", "already a subscriber", "sign me up", "sign up here", "to our newsletter",
    "for our newsletter", "für unseren newsletter", "zum newsletter", "newsletter abonnieren",
    "per e-mail abonnieren", "jetzt abonnieren", "abonniere", "werden sie mitglied",
    "vorteile sichern", "e-mail-adresse ein, um", "suscribirse aquí", "suscríbete",
    "nuestra newsletter", "hazte miembro", "únete a nuestra comunidad", "abonnez-vous",
    "inscrivez-vous", "iscriviti", "abbonati", "do subskrypcji", "subskrybuj", "zapisz się",
    // apps and messaging channels
    "for the latest stories", "straight to your phone", "lade dir die", "canal de telegram",
    "canal de youtube", "message on whatsapp",
    // support and donations
    "supporting our work", "support our work", "artikel gefallen hat", "wesprzyj nas",
    "we need your help to keep", "reader-supported publication",
    // newsletter sign-up boxes ("… delivered straight to your inbox", "Subscribe for free to
    // receive new posts")
    "delivered to your inbox", "delivered straight to", "delivered right to your inbox",
    "directly to your inbox", "directly in your inbox", "receive new posts",
    "notifications about new posts", "by subscribing", "join our mailing list",
    "join our newsletter", "sign up to receive",
    // the sign-in and reply-form lines under a thread or comment section ("Post as a guest",
    // "Create an account or sign in to comment", "This thread is not open for further replies")
    "post as a guest", "required, but never shown", "sign up using", "sign up or log in",
    "sign in to comment", "log in to comment", "sign in to reply", "log in to reply",
    "in order to leave a comment", "register a new account", "already have an account?",
    "create an account or sign in", "not open for further replies", "must be logged in to",
];

/// Lowercased phrases of notices a site shows about itself rather than about its subject:
/// cookie-consent banners, "JavaScript is off" warnings served in `<noscript>`, and the helper
/// lines form plugins print beside their fields. A leaf block of at most
/// [`SITE_NOTICE_MAX_CHARS`] characters that contains one of these anywhere is dropped. Only
/// phrases that speak of this site and this visitor ("we use cookies", "this site uses
/// cookies"), not ones an article about cookies or scripts would use ("apps that use cookies").
pub const SITE_NOTICE_PHRASES: &[&str] = &[
    // cookie consent
    "we use cookies", "site uses cookies", "website uses cookies", "partners use cookies",
    "agree to our cookie", "agree to our use of cookies", "agree to the use of cookies",
    "consent to the use of cookies", "consent to our use of cookies", "we value your privacy",
    // scripting warnings
    "javascript is turned off", "javascript is disabled", "enable javascript",
    "requires javascript", "javascript must be enabled",
    // form-plugin helper lines
    "this field is for validation purposes", "this field is hidden when viewing the form",
    // affiliate disclosures ("This post may contain affiliate links", "We may earn commission
    // from links on this page"): the site speaking of its own links, not an article about
    // affiliate marketing ("creators earn a commission through affiliate links")
    "contains affiliate links", "contain affiliate links", "includes affiliate links",
    "include affiliate links", "uses affiliate links", "we use affiliate links",
    "we also use affiliate links", "i use affiliate links", "may earn commission",
    "may earn a commission",
    "may earn a small commission", "may earn an affiliate commission", "earn us a commission",
    "earn us a small commission", "we earn a commission", "from qualifying purchases",
];

/// Consent banners run to a paragraph of legal prose; longer blocks are article text.
pub const SITE_NOTICE_MAX_CHARS: usize = 700;

/// Blocks longer than this many characters are article text even when they contain a prompt
/// phrase: a prompt is a sentence or two.
pub const PROMPT_LINE_MAX_CHARS: usize = 300;

/// Inline elements that are a line of their own for the boilerplate-line rule: a `<time>`
/// holds an update stamp even when it shares its block with a byline.
pub const LINE_INLINE_TAGS: &[&str] = &["time"];

/// Lowercased words of the placeholders scripts show until content arrives ("Loading...",
/// "Loading specifications…", "Chargement…", "Wird geladen …"): a leaf block that starts with
/// one of these and is at most [`LOADING_PLACEHOLDER_MAX_WORDS`] words long is dropped when it
/// is the word alone or ends in an ellipsis. A sentence about loading a truck has neither shape.
pub const LOADING_PLACEHOLDER_WORDS: &[&str] = &[
    "loading", "chargement", "wird geladen", "lädt", "laden", "cargando", "caricamento",
    "carregando", "ładowanie", "загрузка", "読み込み中", "加载中", "載入中",
];

/// A loading placeholder names at most what is loading, and maybe asks to wait.
pub const LOADING_PLACEHOLDER_MAX_WORDS: usize = 4;

/// Lowercased units of the reaction counters that forum and blog software prints beside each
/// post ("7 Likes", "1,693 views"): a leaf block that is only a number and one of these is
/// dropped. Answer and reply counts are left alone: they head the answers of a Q&A thread, and
/// reference extracts keep them as often as not.
pub const REACTION_COUNT_UNITS: &[&str] = &["like", "likes", "view", "views", "vote", "votes"];

/// Longer blocks that contain a boilerplate phrase are content that mentions it ("a dateline
/// · 4 min read" on a listing card, a sentence about newsletters).
pub const BOILERPLATE_PHRASE_MAX_WORDS: usize = 5;

/// A furniture heading set as a plain block (a `<p>` or `<div>`, not `<h2>`) is trusted only
/// when it has at least this many words: one-word labels ("Tags", "Comments") head content
/// lists as often as furniture.
pub const PLAIN_FURNITURE_HEADING_MIN_WORDS: usize = 2;

/// Blocks longer than this many characters are sentences of the article, not boilerplate
/// lines, whatever they start with.
pub const BOILERPLATE_LINE_MAX_CHARS: usize = 150;

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

// ---------------------------------------------------------------------------------------------
// Plain-text page dumps
// ---------------------------------------------------------------------------------------------

/// Characters that end a sentence in the scripts dechaff reads.
pub const SENTENCE_END_CHARS: &[char] = &['.', '!', '?', '…', '。', '！', '？', '"', '”', '»', ':'];

/// Lowercased line prefixes that open a comment section or form: once the article has been
/// seen, everything from such a line on is dropped.
pub const COMMENT_SECTION_MARKERS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
    "your email address will not be published", "comments", "responses", "kommentare",
    "kommentar schreiben", "commentaires", "laisser un commentaire", "comentarios",
    "deja un comentario", "deixe um comentário",
];

/// Lowercased phrases of lines that invite sharing or following, in several languages.
pub const SOCIAL_LINE_PHRASES: &[&str] = &[
    "follow us", "share this", "share on", "connect with us", "folgen sie uns", "teilen",
    "partager", "suivez-nous", "compartir", "síguenos", "tweet", "pin it", "share:",
    "share via", "seguici", "volg ons", "segue-nos", "siga-nos", "condividi", "compartilhe",
];

/// Lowercased phrases of the fields and notices of a comment or contact form flattened into
/// lines ("Your email address will not be published", "Required fields are marked *",
/// "Please reload the CAPTCHA", "Notify me of follow-up comments"): a line of at most 300
/// characters containing one is form furniture.
pub const TEXT_FORM_PHRASES: &[&str] = &[
    "will not be published", "won't be published", "required fields", "fields are marked",
    "captcha", "notify me of", "save my name", "post comment", "submit comment",
    "you must be logged in", "cancel reply", "wird nicht veröffentlicht",
    "pflichtfelder sind", "erforderliche felder", "benachrichtige mich", "kommentar abschicken",
    "ne sera pas publiée", "champs obligatoires", "me notifier", "no será publicada",
    "campos obligatorios", "campos requeridos", "avísame", "non sarà pubblicato",
    "campi obbligatori", "não será publicado", "campos obrigatórios", "wordt niet gepubliceerd",
];

/// Lowercased phrases of teaser links that lead away from the page ("Continue Reading",
/// "Read more »", "Weiterlesen", "Lire la suite"): a line of at most eight words containing
/// one is a link, not article text.
pub const TEXT_TEASER_PHRASES: &[&str] = &[
    "read more", "continue reading", "read full", "read the full", "view more", "see more",
    "learn more", "more info", "weiterlesen", "mehr lesen", "mehr erfahren", "zum artikel",
    "lire la suite", "en savoir plus", "lire plus", "leer más", "seguir leyendo", "ver más",
    "leggi tutto", "continua a leggere", "leia mais", "continue lendo", "lees meer",
    "czytaj dalej",
];

/// Lowercased headings of lists of other pages' headlines that dumps add after the article,
/// beyond the furniture headings of HTML pages ([`FURNITURE_HEADINGS`]): once the article has
/// been seen, such a heading and the short lines under it are dropped.
pub const TEXT_SECTION_HEADINGS: &[&str] = &[
    "recent news", "recent stories", "top stories", "more headlines", "latest headlines",
    "popular news", "trending", "trending stories", "news", "related", "see also",
    "últimas noticias", "noticias recientes", "lo último", "dernières actualités",
    "dernières nouvelles", "à lire également", "aktuelle nachrichten", "neueste nachrichten",
    "ultime notizie", "articoli recenti", "últimas notícias", "notícias recentes",
    "laatste nieuws", "najnowsze",
];

/// Lowercased phrases of avatar and author-box lines ("Jane Doe avatar", "View all posts by
/// Jane Doe", "Alle Beiträge von …"): a line of at most ten words containing one is dropped.
pub const TEXT_AUTHOR_BOX_PHRASES: &[&str] = &[
    "avatar", "profile picture", "author image", "author photo", "view all posts by",
    "all posts by", "more posts by", "see all articles by", "profilbild", "alle beiträge von",
    "alle artikel von", "photo de profil", "tous les articles de", "voir tous les articles",
    "foto de perfil", "ver todas las entradas", "todos los artículos de", "tutti gli articoli",
    "alle berichten van",
];

/// Words that join an author-box phrase to the name it introduces ("Avatar of Jane Doe",
/// "Profilbild von Max Muster"); skipped before the name.
pub const TEXT_AUTHOR_BOX_NAME_JOINERS: &[&str] = &["of", "by", "von", "de", "di", "van", "du", "del"];

/// A paragraph whose first this-many words name the page's author (from a byline or an
/// author-box line) is the author's bio, not the article ("Jane Doe is a reporter …", "The
/// CTN News team comprises …") …
pub const TEXT_AUTHOR_BIO_NAME_WITHIN_WORDS: usize = 4;

/// … when it is prose of at least this many words: a short "Jane Doe contributed reporting"
/// credit stays.
pub const TEXT_AUTHOR_BIO_MIN_WORDS: usize = 15;

/// Lowercased labels of a picture credit that ends a caption line ("… on the ridge. Photo:
/// Jane Doe", "(Photo credit: Agency)", "Bild: dpa"); the label is capitalised or opens a
/// bracket, and the credit after it is a few words with a capital letter. "Source:" is not
/// among them: under a chart or a table the source line is part of the article.
pub const TEXT_PICTURE_CREDIT_LABELS: &[&str] = &[
    "photo", "photos", "photo credit", "photo credits", "photograph", "photographer", "image",
    "image credit", "image credits", "picture", "credit", "credits", "foto", "fotos", "fotograf",
    "fotografía", "bild", "bildquelle", "crédit photo", "crédits photo", "crédito", "imagen",
    "immagine", "foto di",
];

/// The credit after a picture-credit label has at most this many words.
pub const TEXT_PICTURE_CREDIT_MAX_WORDS: usize = 8;

/// An avatar or author-box line has at most this many words.
pub const TEXT_AUTHOR_BOX_MAX_WORDS: usize = 10;

/// The dump's first line (the page title) stands as the title only when it has at most this
/// many words; a longer one is text.
pub const TEXT_TITLE_MAX_WORDS: usize = 30;

/// A heading-like line taken as the title when the dump does not start with the page title
/// has at least this many words.
pub const TEXT_TITLE_MIN_WORDS: usize = 3;

/// A line of bare numbers with at most this many is a stray counter ("800 1": views and
/// comments); longer ones are tables of figures.
pub const TEXT_COUNTER_MAX_NUMBERS: usize = 3;

/// Signs that make a line of numbers a price or a measure, never a stray counter.
pub const TEXT_FIGURE_SIGNS: &[char] = &['$', '€', '£', '¥', '%', '+', '=', '/', '°', '₹'];

/// A comment form's opener ends the article only when at least this share of the kept words
/// come before it: on a forum or a page of replies, the first post's reply box comes early
/// and the posts after it are the content.
pub const TEXT_COMMENT_CUT_MIN_SHARE: f64 = 0.7;

/// A line holding the date or byline read into metadata leaves the text when it has at most
/// this many words ("3 de mayo de 2024", "By Jane Doe | March 3, 2024").
pub const TEXT_DATELINE_MAX_WORDS: usize = 9;

/// Separators between the parts of a page title ("Headline | Site", "Site – Headline"): the
/// longest part is the headline when no line of the dump repeats it.
pub const TEXT_TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « "];

/// Lowercased byline openers that precede an author's name on a line of its own near the top
/// of a dump ("By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Ana Ruiz").
pub const TEXT_BYLINE_PREFIXES: &[&str] = &[
    "by ", "written by ", "posted by ", "von ", "autor: ", "autorin: ", "par ", "écrit par ",
    "por ", "escrito por ", "di ", "scritto da ", "door ", "autor ",
];

/// A date or byline line has at most this many words.
pub const TEXT_METADATA_MAX_WORDS: usize = 20;

/// Dates and bylines are looked for from this many lines before the headline (or the start
/// of the article, whichever comes first) …
pub const TEXT_METADATA_LINES_BEFORE: usize = 15;

/// … to this many lines after the start of the article: a dateline often sits under the
/// lead paragraph or picture. The first date on a short line wins.
pub const TEXT_METADATA_LINES_AFTER: usize = 40;

/// Lowercased phrases of advertising slots and their labels ("Advertise here",
/// "Advertisement", "Sponsored", "Anzeige", "Publicité"): a line of at most six words
/// containing one is an ad slot.
pub const TEXT_AD_PHRASES: &[&str] = &[
    "advertise here", "advertise with us", "advertisement", "sponsored", "ad space",
    "your ad here", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "publicidade", "advertentie", "reklama",
];

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// At most this many candidates of one kind (headings, bylines, times, …) are gathered from a
/// page: the metadata is near the top, and a page of ten thousand `<time>` stamps (a forum
/// index) must not cost more than a page of ten.
pub const MAX_EVIDENCE_PER_KIND: usize = 12;

/// Longer texts are not a byline, a date or a headline but a box that happens to be named so.
pub const MAX_EVIDENCE_TEXT_CHARS: usize = 200;

/// Short texts with a digit kept as places a page may write its date without marking it up
/// ("Datum: 03.11.2021", "Di, 21. April 2020 - 16:40"), at most this many per page …
pub const MAX_LOOSE_DATE_TEXTS: usize = 40;

/// … each at most this many characters: a date line, not a paragraph that mentions a date.
pub const MAX_LOOSE_DATE_CHARS: usize = 80;

/// Lowercase class/id fragments of byline and author elements.
pub const BYLINE_CLASS_PATTERNS: &[&str] = &[
    "byline", "author", "writer", "autor", "auteur", "posted-by", "postedby", "verfasser",
];

/// Lowercase class/id fragments of elements showing a publication date.
pub const DATE_CLASS_PATTERNS: &[&str] = &[
    "date", "published", "posted-on", "postedon", "datum", "fecha", "pubdate", "timestamp",
];

/// Lowercase labels that say the date after them is the publication date ("Veröffentlicht am
/// 16.08.2019", "Published on March 3", "Erschienen am: …"; "Stand:" is how German news pages
/// date their text).
pub const PUBLICATION_DATE_LABELS: &[&str] = &[
    "published", "publication date", "date published", "first published", "originally published",
    "veröffentlicht", "erschienen", "erstellt am", "publié", "publiée", "date de publication",
    "publicado", "publicada", "fecha de publicación", "pubblicato", "pubblicata", "gepubliceerd",
    "opublikowano", "stand:", "posted on", "publicerad", "publiceret", "publisert", "julkaistu",
    "publikováno", "publicat", "yayınlanma", "yayın tarihi", "опубликовано", "опубліковано",
];

/// Dates before this year are not publication dates of web pages (founding years, birth
/// dates) and are rejected.
pub const EARLIEST_DATE_YEAR: i32 = 1995;

/// A publication timestamp declared in UTC before this hour may be the evening before where
/// the page's readers are (the Americas are 3 to 10 hours behind): a date the page shows a
/// day earlier is then the local date and wins.
pub const LATEST_UTC_HOUR_OF_THE_EVENING_BEFORE: u32 = 12;

/// Page languages (lowercased BCP-47) that write `3/5/2022` month first; every other declared
/// language reads it day first. A page that declares no language is read month first.
pub const MONTH_FIRST_LANGS: &[&str] = &["en", "en-us", "en-ph", "es-us", "fil"];

/// Lowercase month names and abbreviations (English, German, French, Spanish, Italian,
/// Portuguese, Dutch, Polish genitive forms, the Scandinavian languages, Czech, Romanian,
/// Hungarian, Turkish, Russian and Ukrainian) with their month number, for dates in text.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("jänner", 1), ("janvier", 1), ("janv", 1),
    ("enero", 1), ("ene", 1), ("gennaio", 1), ("janeiro", 1), ("januari", 1), ("stycznia", 1),
    ("february", 2), ("feb", 2), ("febr", 2), ("februar", 2), ("février", 2), ("fevrier", 2),
    ("févr", 2), ("febrero", 2), ("febbraio", 2), ("fevereiro", 2), ("februari", 2), ("lutego", 2),
    ("march", 3), ("mar", 3), ("märz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3),
    ("março", 3), ("maart", 3), ("marca", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("abril", 4), ("aprile", 4), ("kwietnia", 4),
    ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("maio", 5), ("mei", 5), ("maja", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6), ("junio", 6), ("giugno", 6),
    ("junho", 6), ("czerwca", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("juil", 7), ("julio", 7),
    ("luglio", 7), ("julho", 7), ("lipca", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("aout", 8), ("agosto", 8), ("augustus", 8),
    ("sierpnia", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9), ("septiembre", 9),
    ("settembre", 9), ("setembro", 9), ("września", 9),
    ("october", 10), ("oct", 10), ("okt", 10), ("oktober", 10), ("octobre", 10),
    ("octubre", 10), ("ottobre", 10), ("outubro", 10), ("października", 10),
    ("november", 11), ("nov", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11),
    ("listopada", 11),
    ("december", 12), ("dec", 12), ("dez", 12), ("dezember", 12), ("décembre", 12),
    ("decembre", 12), ("déc", 12), ("diciembre", 12), ("dic", 12), ("dicembre", 12),
    ("dezembro", 12), ("grudnia", 12),
    // Swedish, Danish and Norwegian, Czech, Romanian, Hungarian, Turkish, Russian and
    // Ukrainian (genitive, as dates write them: "15 августа 2016").
    ("augusti", 8), ("desember", 12), ("maj", 5),
    ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5), ("června", 6),
    ("července", 7), ("srpna", 8), ("září", 9), ("října", 10), ("listopadu", 11),
    ("prosince", 12),
    ("ianuarie", 1), ("februarie", 2), ("martie", 3), ("aprilie", 4), ("iunie", 6),
    ("iulie", 7), ("septembrie", 9), ("octombrie", 10), ("noiembrie", 11), ("decembrie", 12),
    ("január", 1), ("február", 2), ("március", 3), ("április", 4), ("május", 5),
    ("június", 6), ("július", 7), ("augusztus", 8), ("szeptember", 9), ("október", 10),
    ("ocak", 1), ("şubat", 2), ("nisan", 4), ("mayıs", 5), ("haziran", 6), ("temmuz", 7),
    ("ağustos", 8), ("eylül", 9), ("ekim", 10), ("kasım", 11), ("aralık", 12),
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12),
    ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5), ("червня", 6),
    ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10), ("листопада", 11),
    ("грудня", 12),
];

/// A first `<h1>` shorter than this is a logo or a label, not the headline.
pub const MIN_HEADLINE_CHARS: usize = 3;

/// The visible `<h1>` is the title when a declared title (`og:title`, `<title>`, JSON-LD
/// `headline`) contains it, or, for an `<h1>` of at least [`MIN_HEADLINE_WORDS`] words, when
/// the declared title has at least this share of its words: sites reword their meta titles for
/// search engines ("Top 10 Trends to Watch" against "Trends for 2026: the Top 10").
pub const HEADLINE_CONFIRMING_WORD_SHARE: f32 = 0.5;

/// See [`HEADLINE_CONFIRMING_WORD_SHARE`].
pub const MIN_HEADLINE_WORDS: usize = 2;

/// Words before the names in a byline ("By Ann Lee", "Von Anna Schmidt", "Autor: …"), longest
/// first so that "written by" wins over "by"; matched without case, followed by a space or ':'.
pub const AUTHOR_PREFIXES: &[&str] = &[
    "view all posts by", "all posts by", "ein artikel von", "ein beitrag von", "artikel von",
    "beitrag von", "erstellt von", "eingestellt von", "geschrieben von", "gespeichert von",
    "verfasst von", "written by", "posted by", "post by", "article by", "authored by",
    "story by", "words by", "recipe by", "guide by", "post author", "auteur(s)", "autorin",
    "autoren", "authors", "author", "auteur", "autor", "redaktion:", "by", "von", "vom", "par",
    "por", "di", "door", "da", "interview", "text",
];

/// Labels of the line of metadata under a Chinese or Japanese headline, each followed by a
/// colon: "2005年07月03日 10:25　来源：新华网　作者：张伟". A short line with one of them and
/// a date is that line, not article text.
pub const CJK_DATELINE_LABELS: &[&str] = &[
    "来源", "來源", "出处", "出處", "作者", "记者", "記者", "编辑", "編輯", "责任编辑", "責任編輯",
    "发布时间", "發佈時間", "发表时间", "時間", "时间", "撰稿", "撰文", "執筆", "文",
];

/// Words after a date that say it is the publication date, in Japanese and Chinese
/// ("2012年10月5日 発行", "2012年10月5日 更新").
pub const CJK_DATE_SUFFIXES: &[&str] = &["発行", "発表", "更新", "公開", "掲載", "发布", "發佈", "发表", "發表"];

/// Labels before an author's name in Chinese and Japanese bylines, each followed by a colon
/// (`：` or `:`): "作者：张伟", "记者：李明", "記者：山田太郎", "文：…", "撰稿：…". Longest
/// first, so that "责任编辑" is not read as "编辑". Sources ("来源：新华网") and editors name no
/// author and are not here.
pub const CJK_AUTHOR_LABELS: &[&str] = &[
    "作者", "记者", "記者", "撰稿", "撰文", "執筆", "文",
];

/// A name after a CJK author label has at most this many characters.
pub const CJK_AUTHOR_MAX_CHARS: usize = 20;

/// Lowercase words that end a short label before the names ("Post author By …", "Recipe by
/// …", "Posted on 3 May 2020 by …"): only words that are no part of a name, unlike "von",
/// "di" or "da".
pub const INNER_AUTHOR_PREFIXES: &[&str] = &["by", "par", "por", "autor", "author", "autorin"];

/// A label before the names has at most this many words.
pub const MAX_BYLINE_LABEL_WORDS: usize = 6;

/// Lowercase words of job titles written after an author's name ("Senior Writer", "Tech
/// Reporter", "Founder at …", "Titan Moderator").
pub const JOB_TITLE_WORDS: &[&str] = &[
    "writer", "reporter", "editor", "correspondent", "contributor", "columnist", "journalist",
    "expert", "founder", "co-founder", "cofounder", "ceo", "cto", "director", "manager",
    "specialist", "consultant", "analyst", "strategist", "producer", "photographer", "intern",
    "moderator", "ambassador", "owner", "member", "officer", "president", "researcher",
    "educator", "educators", "coordinator", "chefredakteur", "chefredakteurin", "redakteur", "redakteurin",
    "journalistin", "reporterin", "korrespondent", "korrespondentin", "autorin", "rédacteur",
    "rédactrice", "journaliste", "periodista", "redactor", "redactora",
];

/// Lowercase words that open a job title before its main word ("Senior", "Former", "Staff").
pub const JOB_TITLE_MODIFIERS: &[&str] = &[
    "senior", "junior", "chief", "lead", "head", "former", "contributing", "deputy",
    "associate", "managing", "executive", "staff", "freelance", "freier", "freie", "leitender",
    "leitende", "stellvertretender", "stellvertretende",
];

/// A name found in a byline without markup has at least this many words: a single word after
/// "By" is more often a menu's "By Category" than a name.
pub const MIN_LOOSE_BYLINE_NAME_WORDS: usize = 2;

/// A person's name has at most this many words.
pub const MAX_NAME_WORDS: usize = 4;

/// Lowercase particles and short words inside names ("Ludwig van Beethoven", "Ursula von der
/// Leyen").
pub const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "al",
    "el", "ten", "ter", "zu", "y",
];

/// Lowercase words that open a byline written without markup that names it ("By Ann Lee",
/// "Posted by …", "Autor: …", "Text: …"), or are the whole of a label before the names.
/// Only words a sentence or a menu rarely starts with in front of a capitalised name.
pub const LOOSE_BYLINE_PREFIXES: &[&str] = &[
    "by", "written by", "posted by", "posted on", "article by", "authored by", "story by",
    "words by", "recipe by", "guide by", "post author", "von", "par", "por", "autor", "autorin",
    "autoren", "author", "authors", "auteur", "text", "redaktion", "verfasst von",
    "geschrieben von", "ein artikel von", "ein beitrag von", "gespeichert von",
];

/// What separates the names from a date before them on one line ("11.12.2019 - Amelie
/// Loevenich") …
pub const DATELINE_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", " · ", " • "];

/// … where the date may have these words and marks with it ("13:10 Uhr | …").
pub const DATELINE_WORDS: &[&str] = &["uhr", "h", "am", "pm"];

/// Marks around a byline label ("| By", "Autor:").
pub const BYLINE_LABEL_MARKS: &[char] = &['|', ':', '•', '·', '-', '–', '—'];

/// A byline written without markup that names it is at most this many characters.
pub const MAX_LOOSE_BYLINE_CHARS: usize = 100;

/// What separates the names from the rest of a byline ("Ann Lee | 3 min read").
pub const AUTHOR_SEPARATORS: &[&str] =
    &[" | ", " · ", " • ", " – ", " — ", " - ", "\u{a0}|", " » "];

/// Words that, followed by a number, start the date of a byline ("Ann Lee on 19 March",
/// "Anna Schmidt am 19.03.").
pub const AUTHOR_DATE_CONNECTORS: &[&str] = &["on", "at", "am", "um", "le", "el", "il", "op", "em"];

/// Marks that are no part of a name at its start ("~ Cem Basman", "& Zackery Cuevas",
/// "\"David Kim\"") …
pub const LEADING_NAME_MARKS: &[char] = &['©', '~', '&', '»', '«', '"', '“', '”', '„', '\'', '*', '•', '·', '|', '-', '–', '—', ',', ';', ':'];

/// … and at its end ("Angela Holliday-Bell, MD*").
pub const TRAILING_NAME_MARKS: &[char] = &['~', '&', '»', '«', '"', '“', '”', '*', '•', '·', '|', '-', '–', '—', ',', ';', ':'];

/// Lowercase short weekdays (German, English, French) left after the names when the date
/// after them is cut off ("Tomas Spahn Fr, 19.03.").
pub const SHORT_WEEKDAYS: &[&str] = &[
    "mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
];

/// Lowercase words that end the names of a byline: what follows is a date, a role or a count.
pub const AUTHOR_TRAILERS: &[&str] = &[
    "updated", "published", "posted", "veröffentlicht", "aktualisiert", "publié", "publicado",
    "pubblicato", "mis", "read", "min", "minutes", "comments", "kommentare",
    // Links and roles an author box puts after the name ("Alle Artikel", "Mitglied der
    // Redaktion", "Stand: …"), and a commenter's "says".
    "alle", "alles", "mehr", "kontakt", "profil", "mitglied", "stand", "says", "said",
    // Where a blog files the post ("Posted by Ann under News"), a copyright notice, the age
    // of a post ("vor 3 Stunden", "hace 3 horas").
    "under", "filed", "copyright", "©", "vor", "hace",
    // Other credits and stamps after the names ("Edited by …", "Reviewed by …", "Photos by
    // …", "Last updated …").
    "edited", "reviewed", "photos", "photo", "fotos", "foto", "illustration", "illustrations",
    "last",
    // Buttons and labels that byline-named elements hold instead of a name.
    "follow", "folgen", "zeige", "datum", "publiziert", "ebenfalls",
    // Weekdays: "Anna Schmidt am Samstag".
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo",
];

/// Meta keys naming the site or publisher: an author with one of these names is the site,
/// not a person.
pub const ORGANISATION_META: &[&str] = &[
    "og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher",
    "article:publisher", "copyright",
];

/// schema.org types whose `author` is not the article's: a picture's photographer, a comment's,
/// an answer's or a (customer) review's writer.
pub const NOT_ARTICLE_AUTHOR_TYPES: &[&str] = &[
    "ImageObject", "VideoObject", "MediaObject", "AudioObject", "Photograph", "Comment",
    "Answer", "Review",
];

/// Characters that typeset a name without being part of it: soft hyphens, zero-width spaces and
/// joiners, the byte order mark.
pub const INVISIBLE_CHARS: &[char] = &['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

/// schema.org types of organisations and sites, not persons.
pub const ORGANISATION_SCHEMA_TYPES: &[&str] = &[
    "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness", "WebSite",
    "EducationalOrganization", "GovernmentOrganization", "NGO", "OnlineBusiness", "Brand",
];

/// Site and organisation names shorter than this (in letters and digits) are too short to
/// tell from a person's name.
pub const MIN_ORGANISATION_KEY_CHARS: usize = 3;

/// An author name containing a site or organisation name this long (in letters and digits)
/// is the organisation's ("Help Net Security Sponsored").
pub const MIN_CONTAINED_ORGANISATION_KEY_CHARS: usize = 6;

/// Lowercased author strings that stand for an account or an editorial office, not a person:
/// the author only when no source names a person.
pub const NON_PERSON_AUTHORS: &[&str] = &[
    "admin", "administrator", "wordpressadmin", "webmaster", "editor", "editors", "staff",
    "redaktion", "die redaktion", "editorial team", "editorial staff", "agencies", "guest",
    "team", "unknown", "anonymous",
];

/// Lowercased author strings that are a placeholder, a label or a button in the author's
/// place, and never the author.
pub const PLACEHOLDER_AUTHORS: &[&str] = &[
    "the author", "no author", "author", "full bio", "bio",
    "view profile", "profile", "view more posts", "more posts", "sign in", "log in",
    "topic author", "original poster", "posts", "all posts", "articles", "beiträge", "quelle",
    "source", "bild", "foto", "fotos", "photo",
];

/// A category or tag longer than this is a sentence someone put in the keywords, not a term.
pub const MAX_TERM_CHARS: usize = 60;

/// Longer author strings are sentences or boxes, not names …
pub const MAX_AUTHOR_CHARS: usize = 80;

/// An author string with more words than this that are neither capitalised nor particles is
/// a sentence, not a name.
pub const MAX_AUTHOR_SMALL_WORDS: usize = 3;

/// … unless they are a list of persons' names, up to this long.
pub const MAX_AUTHOR_LIST_CHARS: usize = 300;

/// Link previews label up to this many extra fields (`twitter:label1` … `twitter:label4`) …
pub const MAX_PREVIEW_LABELS: usize = 4;

/// … and these lowercase labels say the field is the author.
pub const PREVIEW_AUTHOR_LABELS: &[&str] = &["written by", "author", "authors", "autor", "verfasst von", "geschrieben von", "écrit par", "escrito por"];

// ---------------------------------------------------------------------------------------------
// Metadata: page type
// ---------------------------------------------------------------------------------------------

/// schema.org types (JSON-LD `@type`) and `og:type` values that say what kind of page this is,
/// checked in this order; [`FORUM_SCHEMA_TYPES`] and [`FORUM_URL_MARKERS`] name discussions.
pub const PAGE_TYPE_SCHEMA_TYPES: &[(&str, &[&str])] = &[
    ("product", &["Product", "ProductGroup", "IndividualProduct", "product", "og:product", "product.item"]),
    ("documentation", &["TechArticle", "APIReference", "SoftwareSourceCode"]),
    (
        "article",
        &[
            "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "AnalysisNewsArticle",
            "OpinionNewsArticle", "ReviewNewsArticle", "ReportageNewsArticle", "LiveBlogPosting",
            "Review", "HowTo", "Recipe", "article", "blog",
        ],
    ),
    ("listing", &["CollectionPage", "ItemList", "SearchResultsPage", "OfferCatalog", "ProductCollection"]),
];

/// Path fragments of a page's URL that mark documentation.
pub const DOCUMENTATION_URL_MARKERS: &[&str] = &[
    "/docs/", "/doc/", "/documentation/", "/manual/", "/reference/", "/api/", "/guide/", "/handbook/",
];

// ---------------------------------------------------------------------------------------------
// Metadata: language
// ---------------------------------------------------------------------------------------------

/// Article texts shorter than this are too short to overrule the page's declared language.
pub const MIN_LANG_DETECTION_CHARS: usize = 200;

/// Language detection reads at most this many bytes from the start of the article text …
pub const LANG_DETECTION_SAMPLE_BYTES: usize = 1500;

/// … after a first look at this many, which settles it when it agrees with the declaration.
pub const LANG_QUICK_SAMPLE_BYTES: usize = 400;

/// The detector's confidence (0–1) needed to overrule a declared language.
pub const MIN_LANG_CONFIDENCE: f64 = 0.9;

/// Detected languages that never overrule a declaration: placeholder text ("lorem ipsum")
/// reads as Latin.
pub const LANGS_NEVER_OVERRULING: &[&str] = &["la"];

/// Language codes that name the same language for this check: a macrolanguage and its
/// members (Norwegian `no` is written Bokmål `nb` or Nynorsk `nn`).
pub const SAME_LANGS: &[(&str, &str)] = &[("no", "nb"), ("no", "nn"), ("ms", "id")];

// ---------------------------------------------------------------------------------------------
// Metadata: meta tag keys
// ---------------------------------------------------------------------------------------------

/// Meta keys of the headline, most trusted first (meta keys are the lowercased `name`,
/// `property` or `itemprop`). A Dublin Core title is set for the document itself, where
/// `og:title` is often written for sharing; Parse.ly's analytics tag is last but one.
pub const TITLE_META: &[&str] = &[
    "dc:title",
    "dcterms:title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "headline",
];

/// Meta keys of the author, most trusted first.
pub const AUTHOR_META: &[&str] = &[
    "dc:creator",
    "author",
    "article:author",
    // Scholarly pages give one tag per author, and `dc.creator` for the first only.
    "citation_author",
    "citation_authors",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "cxenseparse:author",
];

/// Meta keys of a date whose role is not said (`date`, Dublin Core's `dc.date`, the
/// documentation generators' `ms.date`): content systems fill them with the day a page's
/// record was made or last saved as often as with the day of publication. They count after
/// the publication date that `<time>` elements and date elements show.
pub const GENERIC_DATE_META: &[&str] = &[
    "date", "dc.date", "dcterms.date", "dc:date", "dc.created", "dc:date.created", "ms.date",
];

/// Meta keys of the publication date, most trusted first.
pub const DATE_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "article.published",
    "citation_publication_date",
    "citation_date",
    "dc.date.created",
    "dcterms.issued",
    "prism.publicationdate",
    "published_date",
    "publish-date",
    "pub_date",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "shareaholic:article_published_time",
    "schema:datepublished",
    "schema:datecreated",
    "dcterms:created",
    "dcterms:issued",
    // Less common spellings of the same declaration.
    "og:article:published_time",
    "article:published",
    "article:first_published_time",
    "published_time",
    "publish_date",
    "published-date",
    "publication_date",
    "publicationdate",
    "publisheddate",
    "published_at",
    "og:publish_date",
    "date-pub",
    "published",
];

/// Meta keys of the lead image, most trusted first.
pub const IMAGE_META: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
];

/// Meta keys of the page's sections.
pub const CATEGORY_META: &[&str] = &["article:section", "og:article:section"];

/// Meta keys of the page's tags and keywords.
pub const TAG_META: &[&str] = &["article:tag", "og:article:tag", "news_keywords", "keywords"];

/// Meta keys of the date of the last change, most trusted first.
pub const DATE_MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "schema:datemodified",
];

/// Meta keys of the site name, most trusted first.
pub const SITE_META: &[&str] = &["og:site_name", "application-name", "twitter:site"];

/// Meta keys of the page's own summary, most trusted first.
pub const DESCRIPTION_META: &[&str] = &[
    "description",
    "og:description",
    "twitter:description",
    "dc.description",
];

/// Meta keys of the page's language, after `<html lang>`.
pub const LANG_META: &[&str] = &["content-language", "language", "dc.language", "og:locale"];

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
