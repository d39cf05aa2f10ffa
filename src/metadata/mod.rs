//! Page metadata: title, author, date, site, language and description, from the document's
//! declarations (meta tags, `<title>`, `<h1>`, `<time>`, `lang`).
//!
//! Each field takes the first trustworthy source in a fixed order, documented in
//! `docs/schema.md`. A field with no evidence stays empty: nothing is invented.
//!
//! [`evidence`] gathers what the page says about itself in one walk over the document; each
//! field with rules of its own is then chosen from that evidence in a file of its own:
//!
//! - `title.rs`: the headline, from the `<h1>` headings that `og:title`, `<title>` or JSON-LD
//!   `headline` confirm, else a declared title with the site name cut off.
//! - `author.rs`: the author names, from JSON-LD `author`, author meta tags, link previews,
//!   `rel=author` links, `itemprop=author`, byline elements and bylines without markup.
//! - `published.rs`: the publication and modification dates, from JSON-LD, meta tags,
//!   microdata, `<time>` elements, the canonical URL and dates written near the headline.
//! - `lang.rs`: the language, from the `lang` attribute or meta tags, checked against the
//!   article text.
//! - `mod.rs` (this file): the [`Metadata`] record, and the fields read straight from the
//!   evidence: site, description, canonical URL, image, categories, tags and page type.
//!
//! Beside them, [`dates`] reads dates as pages write them (ISO 8601, URLs, running text),
//! `jsonld.rs` walks JSON-LD blocks and `keys.rs` matches sets of name keys.

use chrono::NaiveDate;
use scraper::Html;

mod author;
pub mod dates;
pub mod evidence;
mod jsonld;
mod keys;
mod lang;
mod published;
mod title;

pub use lang::checked_lang;
pub use title::strip_site_name;

use author::author;
use evidence::Evidence;
use lang::normalize_lang;
use published::{modification_date, publication_date};
use title::title;

use crate::extract::is_discussion_url;
use crate::text::url_path;
use crate::vocab::{
    CATEGORY_META, DESCRIPTION_META, DOCUMENTATION_URL_MARKERS, FORUM_SCHEMA_TYPES, IMAGE_META,
    LANG_META, MAX_TERM_CHARS, PAGE_TYPE_SCHEMA_TYPES, SITE_META, TAG_META, TOP_LEVEL_DOMAINS,
};

/// The metadata of one page. `None` means no evidence was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The article's headline.
    pub title: Option<String>,
    /// Author names joined with `"; "`.
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Date of the last change as `YYYY-MM-DD`, when the page declares one that is not
    /// before the publication date.
    pub date_modified: Option<String>,
    /// Site name.
    pub site: Option<String>,
    /// Language tag, BCP-47 style (`en`, `de-AT`).
    pub lang: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// The URL the page names as its own (`<link rel=canonical>`, else `og:url`).
    pub canonical_url: Option<String>,
    /// The page's lead image URL (`og:image`, `twitter:image`, JSON-LD `image`).
    pub image: Option<String>,
    /// Sections the page files itself under (`article:section`, JSON-LD `articleSection`).
    pub categories: Vec<String>,
    /// Keywords and tags (`article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords`).
    pub tags: Vec<String>,
    /// What kind of page this is: `article`, `forum`, `product`, `listing` or
    /// `documentation`, from schema.org types, `og:type` and the URL; `None` without evidence.
    pub page_type: Option<String>,
}

/// Reads the metadata of a parsed HTML document.
///
/// ```
/// let html = scraper::Html::parse_document(
///     r#"<html lang="en_GB"><head><title>Rain expected | Daily Planet</title>
///        <meta property="og:site_name" content="Daily Planet">
///        <meta name="author" content="By Lois Lane">
///        <meta property="article:published_time" content="2017-03-19T12:08:00+08:00">
///        </head><body><h1>Rain expected</h1></body></html>"#,
/// );
/// let meta = dechaff::metadata::from_html(&html);
/// assert_eq!(meta.title.as_deref(), Some("Rain expected"));
/// assert_eq!(meta.site.as_deref(), Some("Daily Planet"));
/// assert_eq!(meta.author.as_deref(), Some("Lois Lane"));
/// assert_eq!(meta.date.as_deref(), Some("2017-03-19"));
/// assert_eq!(meta.lang.as_deref(), Some("en-GB"));
/// ```
pub fn from_html(document: &Html) -> Metadata {
    from_html_dated(document, None)
}

/// [`from_html`], rejecting publication dates after `latest` (the day of the run: a date in
/// the future is an event's date, not the page's).
pub fn from_html_dated(document: &Html, latest: Option<NaiveDate>) -> Metadata {
    let evidence = Evidence::gather(document);
    let site = evidence
        .metas_for(SITE_META)
        .next()
        .map(|s| s.trim_start_matches('@').to_string());

    let author = author(&evidence);
    let description = evidence
        .metas_for(DESCRIPTION_META)
        .next()
        .map(str::to_string);
    let lang = evidence
        .html_lang
        .as_deref()
        .or_else(|| evidence.metas_for(LANG_META).next())
        .and_then(normalize_lang);
    let slash_order = dates::SlashOrder::for_lang(lang.as_deref());
    let modified = modification_date(&evidence, latest);
    // A page that declares only when it last changed was published by then: that is the
    // nearest date it gives.
    let published = publication_date(&evidence, latest, slash_order).or(modified);
    let date_modified = modified
        .filter(|modified| published.map_or(true, |published| *modified >= published))
        .map(|date| date.format("%Y-%m-%d").to_string());
    let date = published.map(|date| date.format("%Y-%m-%d").to_string());
    let canonical_url = evidence
        .canonical
        .as_deref()
        .or_else(|| evidence.metas_for(&["og:url"]).next())
        .map(str::trim)
        .filter(|url| url.starts_with("http"))
        .map(str::to_string);
    let image = evidence
        .metas_for(IMAGE_META)
        .chain(jsonld::objects(&evidence.json_ld).filter_map(json_ld_image))
        .map(str::trim)
        .find(|url| url.starts_with("http"))
        .map(str::to_string);
    let json_ld_terms = |key: &'static str| {
        jsonld::objects(&evidence.json_ld)
            .filter_map(move |object| object.get(key))
            .flat_map(json_ld_strings)
    };
    let categories = distinct_terms(
        evidence
            .metas_for(CATEGORY_META)
            .chain(json_ld_terms("articleSection")),
    );
    let tags = distinct_terms(
        evidence
            .metas_for(TAG_META)
            .chain(json_ld_terms("keywords")),
    );
    let page_type = page_type(&evidence, canonical_url.as_deref());
    Metadata {
        page_type,
        canonical_url,
        image,
        categories,
        tags,
        title: title(&evidence, site.as_deref()),
        author,
        date,
        date_modified,
        lang,
        description,
        site,
    }
}

/// The kind of page: a discussion by its schema.org type or URL, else the first kind of
/// [`PAGE_TYPE_SCHEMA_TYPES`] that a JSON-LD `@type` or `og:type` names, else documentation by
/// its URL.
fn page_type(evidence: &Evidence, url: Option<&str>) -> Option<String> {
    let json_ld_types = jsonld::objects(&evidence.json_ld)
        .filter_map(|object| object.get("@type"))
        .flat_map(json_ld_strings);
    let types: Vec<&str> = json_ld_types
        .chain(evidence.metas_for(&["og:type"]))
        .map(str::trim)
        .collect();
    let path = url.map(url_path).unwrap_or_default();
    let forum = types.iter().any(|kind| FORUM_SCHEMA_TYPES.contains(kind))
        || url.is_some_and(is_discussion_url);
    if forum {
        return Some("forum".to_string());
    }
    let named = PAGE_TYPE_SCHEMA_TYPES
        .iter()
        .find(|(_, names)| types.iter().any(|kind| names.contains(kind)))
        .map(|(page_type, _)| page_type.to_string());
    named.or_else(|| {
        DOCUMENTATION_URL_MARKERS
            .iter()
            .any(|marker| path.contains(marker))
            .then(|| "documentation".to_string())
    })
}

/// A JSON-LD object's `image`: a URL, an ImageObject's `url`, or the first of a list.
fn json_ld_image(object: &serde_json::Map<String, serde_json::Value>) -> Option<&str> {
    let mut image = object.get("image")?;
    if let serde_json::Value::Array(items) = image {
        image = items.first()?;
    }
    match image {
        serde_json::Value::String(url) => Some(url),
        serde_json::Value::Object(image) => image.get("url")?.as_str(),
        _ => None,
    }
}

/// The strings of a JSON-LD value: itself, or the strings of a list.
fn json_ld_strings(value: &serde_json::Value) -> Vec<&str> {
    match value {
        serde_json::Value::String(text) => vec![text.as_str()],
        serde_json::Value::Array(items) => items.iter().filter_map(|item| item.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Terms from comma-separated lists, trimmed, each once (case ignored), in order of first
/// appearance.
fn distinct_terms<'a>(lists: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    lists
        .flat_map(|list| list.split(','))
        .map(str::trim)
        .filter(|term| !term.is_empty() && term.chars().count() <= MAX_TERM_CHARS)
        .filter(|term| seen.insert(term.to_lowercase()))
        .map(str::to_string)
        .collect()
}

/// Whether a lowercased text is a bare domain name ("example.org"): a site's name, not a
/// headline.
fn is_domain_name(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && text.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && TOP_LEVEL_DOMAINS.contains(&tld)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_evidence_means_no_field() {
        let meta = from_html(&Html::parse_document("<p>Just text</p>"));
        assert_eq!(meta, Metadata::default());
    }

    #[test]
    fn canonical_url_image_categories_and_tags() {
        let html = Html::parse_document(
            r#"<head><link rel="canonical" href="https://example.org/a">
            <meta property="og:image" content="https://example.org/a.jpg">
            <meta property="article:section" content="Politik">
            <meta name="keywords" content="Wahl, Berlin, wahl, ">
            <script type="application/ld+json">{"@type": "NewsArticle",
              "articleSection": ["Politik", "Inland"], "keywords": ["Bundestag"]}</script>
            </head><body><h1>T</h1></body>"#,
        );
        let meta = from_html(&html);
        assert_eq!(meta.canonical_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.image.as_deref(), Some("https://example.org/a.jpg"));
        assert_eq!(meta.categories, ["Politik", "Inland"]);
        assert_eq!(meta.tags, ["Wahl", "Berlin", "Bundestag"]);
        let bare = from_html(&Html::parse_document("<p>x</p>"));
        assert!(bare.canonical_url.is_none() && bare.categories.is_empty() && bare.tags.is_empty());
    }

    #[test]
    fn page_types_from_schema_types_og_type_and_url() {
        let kind = |html: &str| from_html(&Html::parse_document(html)).page_type;
        let ld = |ty: &str| {
            format!(r#"<script type="application/ld+json">{{"@type": "{ty}"}}</script>"#)
        };
        assert_eq!(kind(&ld("NewsArticle")).as_deref(), Some("article"));
        assert_eq!(kind(&ld("Product")).as_deref(), Some("product"));
        assert_eq!(
            kind(&ld("DiscussionForumPosting")).as_deref(),
            Some("forum")
        );
        assert_eq!(kind(&ld("CollectionPage")).as_deref(), Some("listing"));
        assert_eq!(
            kind(r#"<meta property="og:type" content="article">"#).as_deref(),
            Some("article")
        );
        assert_eq!(
            kind(r#"<link rel="canonical" href="https://example.org/docs/install">"#).as_deref(),
            Some("documentation")
        );
        assert_eq!(kind("<p>Hello</p>"), None);
    }
}
