//! Metadata: bylines, dates, headlines and authors; page type; language; meta tag keys.

#[cfg(doc)]
use super::names::{FORUM_SCHEMA_TYPES, FORUM_URL_MARKERS};

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
