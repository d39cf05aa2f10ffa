//! Page metadata: title, author, date, site, language and description, from the document's
//! declarations (meta tags, `<title>`, `<h1>`, `<time>`, `lang`).
//!
//! Each field takes the first trustworthy source in a fixed order, documented in
//! `docs/schema.md`. A field with no evidence stays empty: nothing is invented.

use chrono::NaiveDate;
use scraper::Html;

pub mod dates;
pub mod evidence;
mod jsonld;
mod keys;

use evidence::Evidence;
use keys::NameKeys;

use crate::extract::is_discussion_url;
use crate::text::{collapse_whitespace, name_key, url_path};
use crate::vocab::{
    AUTHOR_DATE_CONNECTORS, AUTHOR_META, AUTHOR_PREFIXES, AUTHOR_SEPARATORS, AUTHOR_TRAILERS,
    BREADCRUMB_SEPARATORS, CATEGORY_META, CJK_AUTHOR_LABELS, CJK_AUTHOR_MAX_CHARS, DATE_META,
    DATE_MODIFIED_META, DESCRIPTION_META, DOCUMENTATION_URL_MARKERS, FORUM_SCHEMA_TYPES,
    GENERIC_DATE_META, HEADING_ANCHOR_MARKS, HEADLINE_CANDIDATES, HEADLINE_CONFIRMING_WORD_SHARE,
    IMAGE_META, INNER_AUTHOR_PREFIXES, INVISIBLE_CHARS, JOB_TITLE_MODIFIERS, JOB_TITLE_WORDS,
    KICKER_JOINING_MARKS, LANGS_NEVER_OVERRULING, LANG_DETECTION_SAMPLE_BYTES, LANG_META,
    LANG_QUICK_SAMPLE_BYTES, LATEST_UTC_HOUR_OF_THE_EVENING_BEFORE, LEADING_NAME_MARKS,
    MAX_AUTHOR_CHARS, MAX_AUTHOR_LIST_CHARS, MAX_AUTHOR_SMALL_WORDS, MAX_BYLINE_LABEL_WORDS,
    MAX_NAME_WORDS, MAX_PREVIEW_LABELS, MAX_TERM_CHARS, MIN_BREADCRUMB_PARTS,
    MIN_CONTAINED_ORGANISATION_KEY_CHARS, MIN_HEADLINE_CHARS, MIN_HEADLINE_PART_SHARE,
    MIN_HEADLINE_WORDS, MIN_LANG_CONFIDENCE, MIN_LANG_DETECTION_CHARS, MIN_LOOSE_BYLINE_NAME_WORDS,
    MIN_ORGANISATION_KEY_CHARS, MONTH_NAMES, NAME_PARTICLES, NON_PERSON_AUTHORS,
    NOT_ARTICLE_AUTHOR_TYPES, ORGANISATION_META, ORGANISATION_SCHEMA_TYPES, PAGE_TYPE_SCHEMA_TYPES,
    PLACEHOLDER_AUTHORS, PREVIEW_AUTHOR_LABELS, PUBLICATION_DATE_LABELS, SAME_LANGS,
    SHORT_WEEKDAYS, SITE_META, TAG_META, TITLE_META, TITLE_SEPARATORS, TOP_LEVEL_DOMAINS,
    TRAILING_NAME_MARKS,
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

/// The headline: the visible `<h1>` when `<title>` or `og:title` confirm it, else `og:title`,
/// else `<title>` with the site name cut off.
fn title(evidence: &Evidence, site: Option<&str>) -> Option<String> {
    let title_tag = evidence.title_tag.as_deref();
    let meta_title = evidence.metas_for(TITLE_META).next();
    let json_ld_headline =
        jsonld::objects(&evidence.json_ld).find_map(|object| object.get("headline")?.as_str());
    let declared: Vec<&str> = [meta_title, title_tag, json_ld_headline]
        .into_iter()
        .flatten()
        .collect();
    let site_key = site
        .map(|site| site_key_of_folded(&site.to_lowercase()))
        .filter(|key| !key.is_empty());
    // A site logo often takes the first `<h1>`: a few are candidates. The one a declared
    // title confirms best wins, the first of equals: one that is a whole part of a declared
    // title ("Sudo" in "Sudo - ArchWiki"), then one that a declared title contains, then one
    // that only shares most of its words with one ("The Go Blog" against "Defer, Panic, and
    // Recover - The Go Programming Language" loses to a later "Defer, Panic, and Recover").
    let declared_names: std::collections::HashSet<String> = declared
        .iter()
        .flat_map(|title| names_in_declared_title(title, site))
        .collect();
    let mut confirmed_h1: Option<(String, Confirmation)> = None;
    for (index, h1) in evidence.h1.iter().enumerate().take(HEADLINE_CANDIDATES) {
        // A kicker or a subtitle set in an element of its own beside the headline: the part
        // of the heading that a declared title names is the headline.
        let named_part = evidence
            .h1_parts
            .get(index)
            .filter(|_| !declared_names.contains(&title_key(h1)))
            .and_then(|parts| named_heading_part(parts, &declared_names));
        let named = named_part.is_some();
        let h1 = named_part.as_ref().unwrap_or(h1);
        let h1_folded = h1.to_lowercase();
        if h1_folded.chars().count() < MIN_HEADLINE_CHARS
            || site_key.is_some() && Some(site_key_of_folded(&h1_folded)) == site_key
            || is_domain_name(&h1_folded)
        {
            continue;
        }
        // The heading that is the headline a declared title gives, once its site part is cut,
        // is confirmed best, by the most trusted declared title first ("Auf das erste Elektron
        // kommt es an" as og:title, over "News" of "News - Eawag").
        let headline_of = declared
            .iter()
            .position(|title| strip_site_name(title, site).to_lowercase() == h1_folded);
        // A heading that is the part of a declared title where the site name goes is the
        // site's logo ("Field Notes" for "Choosing a framework | Field Notes"); with a known
        // site name, only when it has the name in it ("Field Notes Journal"). Not when that
        // part is the title's headline ("Site - Section - A long headline").
        let names_site = site_key
            .as_deref()
            .map_or(true, |key| h1_folded.contains(key));
        if names_site
            && headline_of.is_none()
            && declared
                .iter()
                .any(|title| is_site_place(&title.to_lowercase(), &h1_folded))
        {
            continue;
        }
        let confirmation = if let Some(index) = headline_of {
            Confirmation::Headline(u8::MAX - index as u8)
        } else if named {
            Confirmation::WholePart
        } else {
            declared
                .iter()
                .map(|title| confirmation(&h1_folded, &title.to_lowercase()))
                .max()
                .unwrap_or(Confirmation::None)
        };
        if confirmation
            > confirmed_h1
                .as_ref()
                .map_or(Confirmation::None, |(_, best)| *best)
        {
            confirmed_h1 = Some((h1.clone(), confirmation));
        }
    }
    let confirmed_h1 = confirmed_h1.map(|(h1, _)| h1);
    if let Some(h1) = confirmed_h1 {
        // Some headings carry the site name as the title does ("Headline | Site").
        let h1 = strip_named_site(&h1, site, true).unwrap_or(h1);
        let h1_folded = h1.to_lowercase();
        let stripped: Vec<String> = declared
            .iter()
            .map(|title| strip_site_name(title, site))
            .collect();
        // A kicker written into the heading before the headline ("Interne Unterlagen im Netz
        // Daten von Rheinmetall gehackt"): a declared title that is the heading's end is the
        // headline itself.
        let after_kicker = stripped.iter().find(|title| {
            let title_folded = title.to_lowercase();
            // The kicker stands apart by layout alone; one set off by a dash or colon is
            // part of a two-part headline ("Welpen kaufen – Tipps zu jeder Hunderasse").
            let kicker = h1_folded
                .strip_suffix(title_folded.as_str())
                .map(str::trim_end)
                .unwrap_or_default();
            !kicker.is_empty()
                && !kicker.ends_with(KICKER_JOINING_MARKS)
                && words(&title_folded).len() >= MIN_HEADLINE_WORDS
        });
        // A trailer set off by a separator after the headline ("Tips for a first visit -
        // Travel Forum"): a declared title that is the heading's start is the headline. Only
        // a title as declared counts: the longest part guessed from "A – B" is no evidence
        // that the heading's "– B" is a trailer.
        let before_trailer = || {
            declared
                .iter()
                .map(|title| {
                    strip_named_site(title, site, false).unwrap_or_else(|| title.trim().to_string())
                })
                .find(|title| {
                    h1_folded
                        .strip_prefix(title.to_lowercase().as_str())
                        .is_some_and(|rest| {
                            TITLE_SEPARATORS
                                .iter()
                                .any(|separator| rest.starts_with(separator))
                        })
                })
        };
        return Some(after_kicker.cloned().or_else(before_trailer).unwrap_or(h1));
    }
    // An `og:title` that `<title>` repeats before a separator ("Headline – Site") is the
    // headline without the site already: its own dashes are the headline's.
    // A bar is set off a site or section, never inside a headline: such a title still has
    // its site part.
    // A title left ending in a separator ("Headline |", its site name empty) counts too.
    let bare_meta_title = meta_title.filter(|meta| {
        !meta.contains(" | ")
            && title_tag.is_some_and(|tag| {
                tag.to_lowercase()
                    .strip_prefix(meta.trim().to_lowercase().as_str())
                    .is_some_and(|rest| {
                        TITLE_SEPARATORS.iter().any(|separator| {
                            rest.starts_with(separator) || rest.trim() == separator.trim()
                        })
                    })
            })
    });
    if let Some(meta) = bare_meta_title {
        let meta = strip_named_site(meta, site, true).unwrap_or_else(|| meta.trim().to_string());
        return Some(meta).filter(|t| !t.is_empty());
    }
    meta_title
        .or(title_tag)
        .map(|title| strip_site_name(title, site))
        .filter(|t| !t.is_empty())
}

/// The keys ([`title_key`]) of what a declared title may name as the headline: the title, the
/// title without the parts naming the site, and each of its parts between separators but the
/// one where the site name goes.
fn names_in_declared_title(title: &str, site: Option<&str>) -> Vec<String> {
    let folded = title.to_lowercase();
    let mut names = vec![title_key(title)];
    if let Some(without_site) = strip_named_site(title, site, false) {
        names.push(title_key(&without_site));
    }
    for separator in TITLE_SEPARATORS {
        for part in title.split(separator).map(str::trim) {
            if part != title.trim() && !is_site_place(&folded, &part.to_lowercase()) {
                names.push(title_key(part));
            }
        }
    }
    names
}

/// A heading's text as titles are compared: case folded, without whitespace or invisible
/// characters, dashes and quotation marks all alike.
fn title_key(text: &str) -> String {
    caseless::default_case_fold_str(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !INVISIBLE_CHARS.contains(c))
        .map(|c| match c {
            '–' | '—' | '‐' | '‑' => '-',
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            c => c,
        })
        .collect()
}

/// The headline in a heading that sets a kicker or a subtitle in an element of its own
/// (`<h1><span>Kicker</span> Headline</h1>`, `<h1>Headline <small>Subtitle</small></h1>`):
/// the parts after a kicker, or else before a subtitle, that a declared title names
/// ([`names_in_declared_title`]). The longest such run wins, a headline after a kicker first.
fn named_heading_part(
    parts: &[String],
    names: &std::collections::HashSet<String>,
) -> Option<String> {
    let named = |run: &[String]| {
        let text = collapse_whitespace(&run.concat());
        let text = text.trim_end_matches(HEADING_ANCHOR_MARKS).trim_end();
        (text.split_whitespace().count() >= MIN_HEADLINE_WORDS && names.contains(&title_key(text)))
            .then(|| text.to_string())
    };
    let splits = 1..parts.len();
    splits
        .clone()
        .find_map(|split| named(&parts[split..]))
        .or_else(|| splits.rev().find_map(|split| named(&parts[..split])))
}

/// Whether a lowercased heading is the part of a lowercased declared title where the site
/// name goes: the last of "Headline | Site", the first of a breadcrumb "Site » Section »
/// Headline".
fn is_site_place(title: &str, heading: &str) -> bool {
    TITLE_SEPARATORS.iter().any(|separator| {
        let parts: Vec<&str> = title.split(separator).map(str::trim).collect();
        let site_place =
            if parts.len() >= MIN_BREADCRUMB_PARTS && BREADCRUMB_SEPARATORS.contains(separator) {
                parts.first()
            } else {
                parts.last()
            };
        parts.len() >= 2 && site_place == Some(&heading)
    })
}

/// How well a declared title confirms a heading as the headline, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Confirmation {
    None,
    /// The title has at least [`HEADLINE_CONFIRMING_WORD_SHARE`] of the heading's words.
    SharedWords,
    /// The title contains the heading.
    Contained,
    /// The heading is the title or one of its parts between separators.
    WholePart,
    /// The heading is the headline of a declared title without its site part; the more
    /// trusted the title, the higher the rank.
    Headline(u8),
}

/// How a lowercased declared title confirms a lowercased heading.
fn confirmation(heading: &str, title: &str) -> Confirmation {
    if title.trim() == heading
        || TITLE_SEPARATORS
            .iter()
            .any(|separator| title.split(separator).any(|part| part.trim() == heading))
    {
        return Confirmation::WholePart;
    }
    if title.contains(heading) {
        return Confirmation::Contained;
    }
    let heading_words = words(heading);
    let shared = heading_words.intersection(&words(title)).count() as f32;
    if heading_words.len() >= MIN_HEADLINE_WORDS
        && shared >= HEADLINE_CONFIRMING_WORD_SHARE * heading_words.len() as f32
    {
        return Confirmation::SharedWords;
    }
    Confirmation::None
}

/// The distinct words of a lowercased text.
fn words(text: &str) -> std::collections::HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Cuts "Headline | Site" down to "Headline": drops the parts naming the site, or else keeps
/// the first part, unless that reads as a site name, and then the longest.
///
/// ```
/// use dechaff::metadata::strip_site_name;
/// assert_eq!(strip_site_name("Rain expected | Daily Planet", None), "Rain expected");
/// assert_eq!(strip_site_name("Planet - Rain expected on Monday", Some("Planet")), "Rain expected on Monday");
/// assert_eq!(strip_site_name("A title without site", None), "A title without site");
/// ```
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    if let Some(kept) = strip_named_site(title, site, false) {
        return kept;
    }
    for separator in TITLE_SEPARATORS {
        let parts: Vec<&str> = title.split(separator).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        // A breadcrumb leads from the site to the page: the headline is its last part.
        if parts.len() >= MIN_BREADCRUMB_PARTS && BREADCRUMB_SEPARATORS.contains(separator) {
            if let Some(last) = parts.last().filter(|last| !last.is_empty()) {
                return last.to_string();
            }
        }
        let chars = |part: &str| part.chars().count();
        let Some(longest) = parts.iter().copied().max_by_key(|part| chars(part)) else {
            continue;
        };
        // Without a known site name, titles put the headline first ("Electrical - Overview |
        // Occupational Safety and Health Administration"), unless the first part reads as a
        // site name: one word before a longer part ("Todoist | A to-do list for your work"),
        // a domain name, or far shorter than the longest part.
        let first = parts[0];
        let one_word = |part: &str| part.split_whitespace().count() < 2;
        let reads_as_site = first.is_empty()
            || one_word(first) && !one_word(longest)
            || is_domain_name(&first.to_lowercase())
            || (chars(first) as f32) < MIN_HEADLINE_PART_SHARE * chars(longest) as f32;
        return if reads_as_site { longest } else { first }.to_string();
    }
    title.trim().to_string()
}

/// "Headline | Site" without the parts that name the site, when some part does; `None` when
/// the site is unknown or no part names it. A part that is the site name is looked for first,
/// at every separator ("Headline | Subtitle — Site"), then one that contains it. With
/// `exact`, for a heading, only a part that is the site name counts (a heading's "Signal #18"
/// is the headline of a site called "Signal").
fn strip_named_site(title: &str, site: Option<&str>, exact: bool) -> Option<String> {
    let site = site?.to_lowercase();
    let key = site_key_of_folded(&site);
    if key.is_empty() {
        return None;
    }
    let is_site = |part: &str| {
        let part = part.to_lowercase();
        // In a declared title, the key may have a number or marks after it ("AliExpress 7",
        // "Site®").
        let is_key = part.strip_prefix(key.as_str()).is_some_and(|rest| {
            rest.is_empty() || !exact && !rest.chars().any(char::is_alphabetic)
        });
        is_key || part == site
    };
    let contains_site = |part: &str| !exact && part.to_lowercase().contains(&site);
    let without = |names_site: &dyn Fn(&str) -> bool| {
        TITLE_SEPARATORS.iter().find_map(|separator| {
            let parts: Vec<&str> = title.split(separator).map(str::trim).collect();
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|part| !names_site(part))
                .collect();
            (parts.len() >= 2 && kept.len() < parts.len() && !kept.is_empty())
                .then(|| kept.join(separator))
        })
    };
    without(&is_site).or_else(|| without(&contains_site))
}

/// The part of a lowercased site name that titles and logos repeat: without surrounding
/// punctuation and, for a domain name, without its top-level domain ("wral.com" → "wral").
fn site_key_of_folded(site: &str) -> String {
    let site = site.trim_matches(|c: char| !c.is_alphanumeric());
    match site.rsplit_once('.') {
        Some((name, _)) if is_domain_name(site) => name.trim_start_matches("www.").to_string(),
        _ => site.to_string(),
    }
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

/// The author: JSON-LD `author` (a name, a Person, or a list of them), author meta tags, a
/// link preview's "Written by", `rel=author` links, `itemprop=author`, byline elements, then
/// bylines written without markup; the first that is still a name once cleaned. A name that
/// is the site's or publisher's, or an organisation's, gives way to a person named by a later
/// source, and is taken only when no source names one.
fn author(evidence: &Evidence) -> Option<String> {
    let references = jsonld::References::new(&evidence.json_ld);
    let json_ld = jsonld::objects(&evidence.json_ld).filter_map(|object| {
        // A picture's author is its photographer, a comment's its commenter.
        let types = object.get("@type").map(json_ld_strings).unwrap_or_default();
        if types
            .iter()
            .any(|kind| NOT_ARTICLE_AUTHOR_TYPES.contains(kind))
        {
            return None;
        }
        let name = |value| person_name(&references, value);
        let names: Vec<(&str, bool)> = match object.get("author")? {
            serde_json::Value::Array(items) => items.iter().filter_map(name).collect(),
            single => name(single).into_iter().collect(),
        };
        let organisation = names.iter().all(|(_, organisation)| *organisation);
        let names: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
        (!names.is_empty()).then(|| (names.join("; "), organisation))
    });
    // Each author meta tag names one author or a list: the tags of one key are joined
    // (`citation_author` once per author).
    let metas = AUTHOR_META.iter().filter_map(|key| {
        let mut seen = std::collections::HashSet::new();
        let names: Vec<String> = evidence
            .metas_for(std::slice::from_ref(key))
            .filter_map(clean_author)
            .filter(|name| seen.insert(name.to_ascii_lowercase()))
            .collect();
        (!names.is_empty()).then(|| names.join("; "))
    });
    // Link previews' "Written by" label and its value (`twitter:label1`, `twitter:data1`).
    let labelled = (1..=MAX_PREVIEW_LABELS).filter_map(|i| {
        let label = evidence.meta(&format!("twitter:label{i}"))?;
        let is_author = PREVIEW_AUTHOR_LABELS.contains(&label.trim().to_lowercase().as_str());
        is_author
            .then(|| evidence.meta(&format!("twitter:data{i}")))
            .flatten()
            .map(str::to_string)
    });
    let declared = metas
        .chain(labelled)
        .chain(
            evidence
                .rel_authors
                .iter()
                .chain(
                    evidence
                        .itemprops_for(&["author"])
                        .map(|itemprop| itemprop.attribute.as_ref().unwrap_or(&itemprop.text)),
                )
                .chain(&evidence.bylines)
                .cloned(),
        )
        .map(|author| (author, false));
    // Bylines without markup, near the headline first, and only when they name persons: of
    // at least two words after a mere "By" or "Von", which open menus' and sentences' phrases
    // too ("By Category", "Von Anfang an").
    let loose = evidence
        .loose_bylines
        .iter()
        .filter(|byline| byline.after_h1)
        .chain(
            evidence
                .loose_bylines
                .iter()
                .filter(|byline| !byline.after_h1),
        )
        .filter_map(|byline| {
            // A note in brackets after the names ("Eberhard Fuhr (Pressesprecher des EJW)"),
            // unlike a nickname ("Jean-Luc Aufranc (CNXSoft)").
            let text = match byline.text.rsplit_once(" (") {
                Some((names, note)) if note.ends_with(')') && note.contains(' ') => names,
                _ => byline.text.as_str(),
            };
            Some((clean_author(text)?, byline.labelled))
        })
        .filter(|(name, labelled)| {
            let mut words = name
                .split([',', ';', '&'])
                .map(|name| name.split_whitespace().count());
            if *labelled {
                words.all(|words| (1..=MAX_NAME_WORDS).contains(&words))
            } else {
                looks_like_person(name) && words.all(|words| words >= MIN_LOOSE_BYLINE_NAME_WORDS)
            }
        })
        .map(|(name, _)| (name, false));
    let organisations = OrganisationNames::of(evidence, &references);
    let mut candidates = json_ld
        .chain(declared)
        .chain(loose)
        .filter_map(|(author, organisation)| Some((clean_author(&author)?, organisation)))
        .filter(|(name, _)| !PLACEHOLDER_AUTHORS.contains(&name.to_lowercase().as_str()));
    let mut fallback = None;
    while let Some((name, typed_organisation)) = candidates.next() {
        if typed_organisation || organisations.names(&name) {
            fallback.get_or_insert(name);
            continue;
        }
        // Only a person's name outranks the site's: not a leftover of some other box.
        if fallback.is_some() && !looks_like_person(&name) {
            continue;
        }
        let name = organisations.without_trailing(name);
        // A first name alone ("Nils") gives way to the full name a later source writes
        // ("Nils Pickert"); an account's name ("FutureBSD", "Ralston18") is whole.
        let first_name = !name.contains(' ')
            && looks_like_person(&name)
            && !name.chars().skip(1).any(char::is_uppercase);
        if first_name {
            let fuller = candidates.find(|(other, _)| {
                let words: Vec<&str> = other.split_whitespace().collect();
                (2..=3).contains(&words.len())
                    && words[0].eq_ignore_ascii_case(&name)
                    && looks_like_person(other)
                    && words[1..].iter().all(|word| {
                        let word = word.to_lowercase();
                        ![
                            JOB_TITLE_WORDS,
                            JOB_TITLE_MODIFIERS,
                            NON_PERSON_AUTHORS,
                            AUTHOR_TRAILERS,
                        ]
                        .iter()
                        .any(|words| words.contains(&word.as_str()))
                    })
            });
            if let Some((fuller, _)) = fuller {
                return Some(fuller);
            }
        }
        return Some(name);
    }
    fallback
}

/// Whether cleaned author names read as persons' names: each name of one to four words that
/// start with a capital (particles and initials aside), without digits.
fn looks_like_person(names: &str) -> bool {
    names
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and ").flat_map(|part| part.split(" und ")))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .all(|name| {
            let words: Vec<&str> = name.split(' ').collect();
            (1..=MAX_NAME_WORDS).contains(&words.len())
                && !name.chars().any(|c| c.is_ascii_digit())
                && words.iter().all(|word| {
                    word.starts_with(char::is_uppercase)
                        || NAME_PARTICLES.contains(&word.to_lowercase().as_str())
                })
        })
}

/// What a page calls its site, publisher and other organisations, to tell an author that is
/// one of them from a person.
struct OrganisationNames {
    /// Keys ([`crate::text::name_key`]) of the names.
    keys: NameKeys,
}

impl OrganisationNames {
    fn of<'a>(evidence: &'a Evidence, references: &jsonld::References<'a>) -> OrganisationNames {
        let declared = evidence
            .metas_for(ORGANISATION_META)
            .map(|name| name.trim_start_matches('@'));
        let json_ld = jsonld::objects(&evidence.json_ld).flat_map(|object| {
            let own = is_organisation(object)
                .then(|| object.get("name").and_then(serde_json::Value::as_str))
                .flatten();
            let publisher = object
                .get("publisher")
                .and_then(|publisher| match publisher {
                    serde_json::Value::String(name) => Some(name.as_str()),
                    serde_json::Value::Object(publisher) => {
                        let publisher = references.resolve(publisher);
                        let person = publisher
                            .get("@type")
                            .map(json_ld_strings)
                            .is_some_and(|types| types.contains(&"Person"));
                        (!person).then(|| publisher.get("name")?.as_str()).flatten()
                    }
                    _ => None,
                });
            own.into_iter().chain(publisher)
        });
        let host = evidence
            .canonical
            .as_deref()
            .into_iter()
            .chain(evidence.metas_for(&["og:url"]))
            .filter_map(site_of_url);
        let keys = declared
            .chain(json_ld)
            .map(name_key)
            .chain(host)
            .filter(|key| key.chars().count() >= MIN_ORGANISATION_KEY_CHARS);
        let keys = NameKeys::new(keys, MIN_CONTAINED_ORGANISATION_KEY_CHARS);
        OrganisationNames { keys }
    }

    /// Whether an author name is an organisation's: one the page names, a domain name, or a
    /// word that stands for an editorial office rather than a person ([`NON_PERSON_AUTHORS`]).
    /// Names without an organisation after them: "Rob Picheta, CNN" → "Rob Picheta".
    fn without_trailing(&self, names: String) -> String {
        match names.rsplit_once(", ") {
            Some((head, last)) if !head.is_empty() && self.names(last) => head.to_string(),
            _ => names,
        }
    }

    fn names(&self, author: &str) -> bool {
        let folded = author.to_lowercase();
        let key = name_key(author);
        self.keys.matches(&key)
            || folded.split_whitespace().any(|word| {
                is_domain_name(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            })
            || folded.contains("www.")
            || NON_PERSON_AUTHORS.contains(&folded.as_str())
    }
}

/// Whether a JSON-LD object is an organisation or a site rather than a person (a personal
/// site's owner is typed both).
fn is_organisation(object: &serde_json::Map<String, serde_json::Value>) -> bool {
    let types = object.get("@type").map(json_ld_strings).unwrap_or_default();
    types
        .iter()
        .any(|kind| ORGANISATION_SCHEMA_TYPES.contains(kind))
        && !types.contains(&"Person")
}

/// The site's name as its URL's host gives it: `https://www.example-news.de/a` → "examplenews".
fn site_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (name, _) = host.rsplit_once('.')?;
    let name = name.rsplit('.').next().unwrap_or(name);
    Some(name_key(name))
}

/// The name of a JSON-LD person: a string, or an object's `name`, following an `@id`
/// reference to the object it names; with whether the object is an organisation.
fn person_name<'a>(
    references: &jsonld::References<'a>,
    value: &'a serde_json::Value,
) -> Option<(&'a str, bool)> {
    match value {
        serde_json::Value::String(name) => Some((name, false)),
        serde_json::Value::Object(person) => {
            let person = references.resolve(person);
            Some((person.get("name")?.as_str()?, is_organisation(person)))
        }
        _ => None,
    }
}

/// An author string cut down to the names: "By" and its translations go, and so does a
/// label before them ("Post author By …", "Recipe by …", "Posted on 3 May 2020 by …"),
/// what follows the names in a byline ("| 3 min read", "on 19 March", "Updated …") and a job
/// title after them ("Senior Writer", "Founder at …"). `None` when nothing name-like is left:
/// a URL, a number, or a sentence rather than a name.
fn clean_author(author: &str) -> Option<String> {
    // Soft hyphens and zero-width marks are typesetting, not part of the name.
    let author: String = html_escape::decode_html_entities(author)
        .chars()
        .filter(|c| !INVISIBLE_CHARS.contains(c))
        .collect();
    let author = collapse_whitespace(&author);
    let author =
        author.trim_start_matches(|c: char| c.is_whitespace() || LEADING_NAME_MARKS.contains(&c));
    if let Some(name) = cjk_byline_name(author) {
        return Some(name.to_string());
    }
    // Prefixes may come in twos: "Text by …".
    let mut rest = strip_author_prefix(strip_author_prefix(author));
    if let Some(after) = after_label(rest) {
        rest = strip_author_prefix(after);
    }
    if let Some(cut) = AUTHOR_SEPARATORS
        .iter()
        .filter_map(|separator| rest.find(separator))
        .min()
    {
        rest = &rest[..cut];
    }
    let unglued = unglue_trailers(rest);
    let tokens: Vec<&str> = unglued.split(' ').collect();
    let end = (0..tokens.len())
        .find(|&i| {
            let token = tokens[i];
            let lower = token.to_lowercase();
            let starts_with_digit = token.starts_with(|c: char| c.is_ascii_digit());
            let next_is_number = tokens
                .get(i + 1)
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
            let is_month = MONTH_NAMES
                .iter()
                .any(|(name, _)| *name == lower.trim_end_matches(['.', ',']));
            // A date, or a bare count or id ("Emily Burack 8", "HansEhrlich 6709", a badge's
            // "1,655"), a social media handle ("@wperdomod").
            (starts_with_digit && token.contains(['.', '/', ':', ',']))
                || (i > 0 && token.starts_with('@'))
                || (!token.is_empty() && token.chars().all(|c| c.is_ascii_digit()))
                || (AUTHOR_DATE_CONNECTORS.contains(&lower.as_str()) && next_is_number)
                || (is_month && next_is_number)
                || AUTHOR_TRAILERS.contains(&lower.trim_end_matches([':', ',']))
        })
        .unwrap_or(tokens.len());
    // A connector or a short weekday left before a cut-off date goes with it ("Anna Schmidt
    // am", "Tomas Spahn Fr").
    let cut = end < tokens.len();
    let mut tokens = &tokens[..end];
    while let Some((last, head)) = tokens.split_last() {
        let last = last.to_lowercase();
        let last = last.trim_end_matches([',', '.']);
        let trails =
            AUTHOR_DATE_CONNECTORS.contains(&last) || cut && SHORT_WEEKDAYS.contains(&last);
        if !trails {
            break;
        }
        tokens = head;
    }
    let tokens = without_avatar_initials(tokens);
    let tokens = without_job_title(&tokens);
    let name = tokens.join(" ");
    let mut name = name.trim_matches(|c: char| {
        c.is_whitespace() || LEADING_NAME_MARKS.contains(&c) || TRAILING_NAME_MARKS.contains(&c)
    });
    // A full stop after a credential ("Shelby Loos, DVM."), unlike an initial's or an
    // abbreviation's ("Jeff T.", "Cerebral Inc.").
    if let Some(head) = name.strip_suffix('.') {
        let last = head.rsplit(' ').next().unwrap_or(head);
        if last.chars().count() > 1 && last.chars().all(|c| c.is_uppercase()) {
            name = head;
        }
    }
    // A list of many names may be long; one name or a sentence is not.
    let chars = name.chars().count();
    let short_enough = chars <= MAX_AUTHOR_CHARS
        || chars <= MAX_AUTHOR_LIST_CHARS && name.contains([',', ';']) && looks_like_person(name);
    // A sentence in an author field: several words that are neither capitalised nor
    // particles ("Katie Couric New Yorkers post their feelings about Trump election").
    let small_words = name
        .split_whitespace()
        .filter(|word| {
            word.starts_with(char::is_lowercase)
                && !NAME_PARTICLES.contains(&word.to_lowercase().as_str())
                && !["and", "und", "et", "y"].contains(word)
        })
        .count();
    let name_like = !name.is_empty()
        && small_words <= MAX_AUTHOR_SMALL_WORDS
        && !AUTHOR_PREFIXES
            .iter()
            .any(|prefix| prefix.eq_ignore_ascii_case(name))
        && !name.contains("://")
        && name.chars().any(char::is_alphabetic)
        && short_enough;
    name_like.then(|| name.to_string())
}

/// The byline without a leading "By", "Von", "Written by:" …
/// The name after a Chinese or Japanese author label anywhere in a short line
/// ([`CJK_AUTHOR_LABELS`]: "2005年07月03日 来源：新华网 作者：张伟" → "张伟"): the characters
/// after the label's colon up to the next space, separator or bracket.
pub(crate) fn cjk_byline_name(text: &str) -> Option<&str> {
    CJK_AUTHOR_LABELS.iter().find_map(|label| {
        text.match_indices(label).find_map(|(at, _)| {
            // A label ends a word of its own: not "文" inside "中文：".
            let before = text[..at].chars().next_back();
            if before.is_some_and(char::is_alphabetic) {
                return None;
            }
            let rest = text[at + label.len()..].strip_prefix(['：', ':'])?;
            let rest = rest.trim_start();
            let end = rest
                .find(|c: char| c.is_whitespace() || "|｜/／,，、;；()（）[]【】<>《》".contains(c))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            (!name.is_empty() && name.chars().count() <= CJK_AUTHOR_MAX_CHARS).then_some(name)
        })
    })
}

fn strip_author_prefix(byline: &str) -> &str {
    for prefix in AUTHOR_PREFIXES {
        if let Some(head) = byline.get(..prefix.len()) {
            let after = &byline[prefix.len()..];
            // "ByTrevor Jones": markup that set the prefix apart was lost, and a capital
            // right after the prefix's lowercase end shows where the name starts.
            let glued = head.ends_with(|c: char| c.is_lowercase())
                && after.starts_with(|c: char| c.is_uppercase());
            if head.eq_ignore_ascii_case(prefix) && (after.starts_with([' ', ':']) || glued) {
                return byline[prefix.len()..].trim_start_matches([' ', ':']);
            }
        }
    }
    byline
}

/// What follows a short label that ends in a byline prefix ("Post author By Helge",
/// "Recipe by PJ Hamel", "Posted on September 21, 2020 by Adi Tzlil", "Ein Artikel von Pamela
/// Sladky"): the names. A credit after the names ("Rob Ewaschuk Edited by Betsy Beyer") is not
/// a label.
fn after_label(byline: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = byline
        .split(' ')
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .collect();
    (1..words.len().min(MAX_BYLINE_LABEL_WORDS + 1)).find_map(|i| {
        let (start, word) = words[i];
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches(':');
        let previous = words[i - 1].1.to_lowercase();
        let two = format!("{previous} {lower}");
        let prefix = INNER_AUTHOR_PREFIXES.contains(&lower)
            || AUTHOR_PREFIXES.contains(&two.as_str()) && two.contains(' ');
        let credit = AUTHOR_TRAILERS.contains(&previous.trim_end_matches([':', ',']));
        let (_, next) = words.get(i + 1)?;
        let name_follows =
            next.starts_with(char::is_uppercase) || i + 2 == words.len() && !next.is_empty();
        (prefix && !credit && name_follows).then(|| byline[start + word.len()..].trim_start())
    })
}

/// "Luke KimDecember 17", "John WarrenReviewed": a trailer word glued to the name where markup
/// set it apart, split off.
fn unglue_trailers(byline: &str) -> String {
    byline
        .split(' ')
        .map(|token| {
            let glue = token.char_indices().skip(1).find_map(|(i, c)| {
                let before = token[..i].chars().last()?;
                (before.is_lowercase() && c.is_uppercase()).then_some(i)
            });
            match glue {
                Some(i) => {
                    let tail = token[i..].to_lowercase();
                    let tail = tail.trim_end_matches([',', ':', '.']);
                    let known = AUTHOR_TRAILERS.contains(&tail)
                        || JOB_TITLE_WORDS.contains(&tail)
                        || MONTH_NAMES.iter().any(|(name, _)| *name == tail);
                    if known {
                        format!("{} {}", &token[..i], &token[i..])
                    } else {
                        token.to_string()
                    }
                }
                None => token.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names without the initials of an avatar placeholder written before or after them
/// ("CM Craig McCarthy", "JosephF J").
fn without_avatar_initials<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    let mut tokens = tokens.to_vec();
    let initial = |token: &str| token.chars().next().map(|c| c.to_uppercase().to_string());
    // Leading initials that spell the names after them.
    if let Some(first) = tokens.first() {
        let letters = first.chars().count();
        let is_initials = (1..=3).contains(&letters)
            && first.chars().all(|c| c.is_uppercase())
            && tokens.len() > letters;
        if is_initials {
            let spelled: String = tokens[1..=letters]
                .iter()
                .filter_map(|token| initial(token))
                .collect();
            if spelled == *first {
                tokens.remove(0);
            }
        }
    }
    // A trailing letter that is the first of the name.
    if tokens.len() >= 2 {
        let last = tokens[tokens.len() - 1];
        let is_letter = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
        if is_letter && initial(tokens[0]).as_deref() == Some(last) {
            tokens.pop();
        }
    }
    tokens
}

/// The names without a job title after them: "Keith Barry Senior Autos Reporter" → "Keith
/// Barry", "Zackery Cuevas Writer, Hardware" → "Zackery Cuevas". Without a comma to set it
/// apart, the title takes every word after the first two of the name (three when the second is
/// an initial or a particle: "Michael J. Fox", "Ludwig van Beethoven").
fn without_job_title<'a, 'b>(tokens: &'a [&'b str]) -> &'a [&'b str] {
    let is_title = |token: &&str| {
        let lower = token.to_lowercase();
        let lower = lower.trim_end_matches([',', ':', '.', ';']);
        JOB_TITLE_WORDS.contains(&lower) || JOB_TITLE_MODIFIERS.contains(&lower)
    };
    let Some(first_title) = tokens.iter().skip(1).position(is_title).map(|i| i + 1) else {
        return tokens;
    };
    // "Name, Title": the comma ends the name.
    if let Some(comma) = tokens[..first_title]
        .iter()
        .position(|token| token.ends_with(','))
    {
        return &tokens[..=comma];
    }
    let second = tokens.get(1).copied().unwrap_or_default();
    let particle = NAME_PARTICLES.contains(&second.to_lowercase().as_str())
        || second.trim_end_matches('.').chars().count() == 1;
    let name_words = if particle { 3 } else { 2 };
    // "Podium Staff", "SFist Contributor": a title after a single word is all there is.
    if first_title < 2 {
        return tokens;
    }
    &tokens[..first_title.min(name_words)]
}

/// The page's language: the declared one, unless the article text is long enough to tell
/// and reliably in another language (a template's `lang="en"` on a German article), or the
/// detected one when the page declares none. A declared region (`de-AT`) is kept when the
/// language agrees.
///
/// ```
/// let german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für neue \
///     Gebäude vorläufig zu stoppen, weil die Mittel des Programms bereits ausgeschöpft sind \
///     und die Nachfrage in den vergangenen Wochen stark gestiegen ist. Die Branche kritisiert \
///     den Schritt und fordert eine schnelle Nachfolgeregelung für alle Antragsteller.";
/// assert_eq!(dechaff::metadata::checked_lang(Some("en"), german).as_deref(), Some("de"));
/// assert_eq!(dechaff::metadata::checked_lang(Some("de-AT"), german).as_deref(), Some("de-AT"));
/// assert_eq!(dechaff::metadata::checked_lang(Some("fr"), "Kurz.").as_deref(), Some("fr"));
/// ```
pub fn checked_lang(declared: Option<&str>, text: &str) -> Option<String> {
    if text.len() < MIN_LANG_DETECTION_CHARS {
        return declared.map(str::to_string);
    }
    // A sample from the start is as telling as the whole text, and costs a fixed amount.
    let sample = |bytes: usize| {
        let mut end = text.len().min(bytes);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let code =
        |info: &whatlang::Info| isolang::Language::from_639_3(info.lang().code())?.to_639_1();
    let primary = declared.map(|declared| {
        declared
            .split('-')
            .next()
            .unwrap_or(declared)
            .to_ascii_lowercase()
    });
    let agrees = |detected: &str| {
        primary.as_deref().is_some_and(|primary| {
            primary == detected
                || SAME_LANGS
                    .iter()
                    .any(|&(a, b)| (a, b) == (primary, detected) || (b, a) == (primary, detected))
        })
    };
    // Most pages declare their language rightly: a short sample that agrees settles it, and
    // only a disagreement pays for the full sample.
    let quick = whatlang::detect(sample(LANG_QUICK_SAMPLE_BYTES));
    if quick.as_ref().and_then(code).is_some_and(agrees) {
        return declared.map(str::to_string);
    }
    let detected = whatlang::detect(sample(LANG_DETECTION_SAMPLE_BYTES))
        .filter(|info| info.is_reliable() && info.confidence() >= MIN_LANG_CONFIDENCE)
        .and_then(|info| code(&info));
    match (declared, detected) {
        (Some(_), Some(detected))
            if !agrees(detected) && !LANGS_NEVER_OVERRULING.contains(&detected) =>
        {
            Some(detected.to_string())
        }
        (Some(declared), _) => Some(declared.to_string()),
        (None, detected) => detected.map(str::to_string),
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

/// The date of the last change: JSON-LD `dateModified`, modification meta tags,
/// `itemprop=dateModified`; structured sources only (text says "updated" too loosely).
fn modification_date(evidence: &Evidence, latest: Option<NaiveDate>) -> Option<NaiveDate> {
    jsonld::objects(&evidence.json_ld)
        .filter_map(|object| object.get("dateModified")?.as_str())
        .chain(evidence.metas_for(DATE_MODIFIED_META))
        .chain(
            evidence
                .itemprops_for(&["datemodified"])
                .filter_map(|itemprop| itemprop.attribute.as_deref()),
        )
        .filter_map(dates::iso_date)
        .find(|date| latest.map_or(true, |latest| *date <= latest))
}

/// The publication date, from the most trusted source that has one: JSON-LD
/// `datePublished`, publication date meta tags, `itemprop=datePublished`, `<time datetime>`,
/// date meta tags that do not say the date's role (`date`, `dc.date`), a date in the
/// canonical URL, then dates written in `itemprop=datePublished` texts, date elements and
/// `<time>` texts, declarations written out rather than in ISO 8601, and dates written near
/// the headline.
fn publication_date(
    evidence: &Evidence,
    latest: Option<NaiveDate>,
    slash_order: dates::SlashOrder,
) -> Option<NaiveDate> {
    let acceptable = |date: &NaiveDate| latest.map_or(true, |latest| *date <= latest);
    let written = |text: &str| dates::date_in_text(text, slash_order);
    let itemprops = || evidence.itemprops_for(&["datepublished"]);
    let declarations = || {
        jsonld::objects(&evidence.json_ld)
            .filter_map(|object| object.get("datePublished")?.as_str())
            .chain(evidence.metas_for(DATE_META))
            .chain(itemprops().filter_map(|itemprop| itemprop.attribute.as_deref()))
    };
    // Dated elements count in document order: a date element before the first `<time>` with a
    // machine-readable date (and not wrapping it) dates the page, and the `<time>` belongs
    // to something further down (a comment, a list of other articles).
    let first_time = evidence.times.iter().find(|time| {
        time.datetime
            .as_deref()
            .and_then(dates::declared_date)
            .is_some()
    });
    let date_element_first = first_time.and_then(|time| {
        evidence.date_texts[..time.date_texts_before.min(evidence.date_texts.len())]
            .iter()
            .filter(|text| time.text.is_empty() || !text.contains(time.text.as_str()))
            .find_map(|text| written(text))
    });
    // A date written after a label that says it is the publication date ("Veröffentlicht am
    // 16.08.2019", "Erschienen am: 01.11.2023") is the page's over a `<time>` of unknown role.
    let labelled = evidence
        .date_texts
        .iter()
        .chain(evidence.times.iter().map(|time| &time.text))
        .chain(evidence.loose_dates.iter().map(|(_, text)| text))
        .filter(|text| {
            let lower = text.to_lowercase();
            PUBLICATION_DATE_LABELS.iter().any(|label| {
                lower.find(label).is_some_and(|at| {
                    written(&lower[at..]).is_some() && written(&lower[..at]).is_none()
                })
            })
        })
        .filter_map(|text| written(text));
    let structured = declarations()
        .filter_map(dates::iso_date)
        .chain(labelled)
        .chain(date_element_first)
        .chain(
            evidence
                .times
                .iter()
                .filter_map(|time| time.datetime.as_deref())
                .filter_map(dates::declared_date),
        )
        // A date meta tag that does not say it is the publication's comes after them.
        .chain(
            evidence
                .metas_for(GENERIC_DATE_META)
                .filter_map(dates::declared_date),
        );
    let urls = evidence
        .canonical
        .as_deref()
        .into_iter()
        .chain(evidence.metas_for(&["og:url"]))
        .filter_map(dates::date_in_url);
    // A publication date marked up without a machine-readable value comes first.
    let texts = || {
        itemprops()
            .filter(|itemprop| itemprop.attribute.is_none())
            .map(|itemprop| &itemprop.text)
            .chain(&evidence.date_texts)
            .chain(evidence.times.iter().map(|time| &time.text))
            .filter_map(|text| written(text))
    };
    // Declarations written out rather than in ISO 8601 ("Nov 05, 2025") are typed into
    // templates by hand, and trusted as much as a written date.
    let written_declarations = declarations().filter_map(dates::declared_date);
    // Last, a date written near the headline without markup: the first one after the `<h1>`.
    let loose = || {
        evidence
            .loose_dates
            .iter()
            .filter(|(after_h1, _)| *after_h1)
            .chain(
                evidence
                    .loose_dates
                    .iter()
                    .filter(|(after_h1, _)| !*after_h1),
            )
            .filter_map(|(_, text)| written(text))
    };
    let picked = structured
        .chain(urls)
        .chain(texts())
        .chain(written_declarations)
        .chain(loose())
        .find(acceptable)?;
    // A timestamp declared in UTC in the small hours is the evening before where the page
    // is read in the Americas ("2022-05-04T03:37:37+00:00" against "3 May, 2022, 11:37 pm"):
    // the date a `<time>` or a line under the headline shows, a day before, is the local one.
    // (A day after, in the zones east of UTC, is as often the header's date of today.)
    let small_hours = declarations()
        .chain(
            evidence
                .times
                .iter()
                .filter_map(|time| time.datetime.as_deref()),
        )
        .filter(|value| dates::declared_date(value) == Some(picked))
        .filter_map(dates::utc_hour)
        .any(|hour| hour < LATEST_UTC_HOUR_OF_THE_EVENING_BEFORE);
    let shown = || {
        itemprops()
            .filter(|itemprop| itemprop.attribute.is_none())
            .map(|itemprop| &itemprop.text)
            .chain(evidence.times.iter().map(|time| &time.text))
            .chain(
                evidence
                    .loose_dates
                    .iter()
                    .filter(|(after_h1, _)| *after_h1)
                    .map(|(_, text)| text),
            )
            .filter_map(|text| written(text))
            .find(acceptable)
    };
    Some(
        shown()
            .filter(|shown| small_hours && picked.pred_opt() == Some(*shown))
            .unwrap_or(picked),
    )
}

/// The `YYYY-MM-DD` date at the start of an ISO-8601-like value.
#[cfg(test)]
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10)) {
        return None;
    }
    let year: u32 = date[0..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| date.to_string())
}

/// `en_us` → `en-US`; rejects values that are not language tags.
fn normalize_lang(lang: &str) -> Option<String> {
    let lang = lang.trim().replace('_', "-");
    let mut parts = lang.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary;
    for part in parts {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        if part.len() == 2 {
            tag.push_str(&part.to_ascii_uppercase());
        } else {
            tag.push_str(part);
        }
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of `html` on a run dated 1 January 2026: later dates are rejected.
    fn as_of_2026(html: &str) -> Metadata {
        from_html_dated(
            &Html::parse_document(html),
            NaiveDate::from_ymd_opt(2026, 1, 1),
        )
    }

    #[test]
    fn no_evidence_means_no_field() {
        let meta = from_html(&Html::parse_document("<p>Just text</p>"));
        assert_eq!(meta, Metadata::default());
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            iso_date("2017-03-19T12:08:00+08:00").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(iso_date("2017-13-19"), None);
        assert_eq!(iso_date("19 March 2017"), None);
        assert_eq!(iso_date("2017-03-1"), None);
    }

    #[test]
    fn a_date_written_without_markup_near_the_headline_is_found() {
        let page = |body: &str| {
            let html = format!("<html lang=de><body>{body}</body></html>");
            as_of_2026(&html).date
        };
        // The first date after the headline, not the one in the page header.
        let dated = page(
            "<div>Heute: 02.01.2022</div><h1>Titel</h1>\
             <h5>Datum:</h5>03.11.2021<p>Text vom 4.11.2021</p>",
        );
        assert_eq!(dated.as_deref(), Some("2021-11-03"));
        // Without one after the headline, a date before it.
        assert_eq!(
            page("<p>Stand 02.01.2022</p><h1>Titel</h1>").as_deref(),
            Some("2022-01-02")
        );
        // German pages read slashes day first; dates after `latest` are not publication dates.
        assert_eq!(
            page("<h1>T</h1><p>3/5/2022</p>").as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(page("<h1>T</h1><p>3.5.2030</p>"), None);
        assert_eq!(page("<h1>T</h1><p>Seit 1995 in 12 Ländern</p>"), None);
    }

    #[test]
    fn a_date_meta_tag_without_a_role_comes_after_the_time_element() {
        let date = |head: &str| {
            let html = format!(
                r#"<head>{head}</head><body><h1>Winter walks</h1>
                <time datetime="2022-01-27">27.01.2022</time></body>"#
            );
            from_html(&Html::parse_document(&html)).date
        };
        // Content systems fill `date` and `dcterms.date` with the day the record was saved.
        assert_eq!(
            date(r#"<meta name="date" content="2022-01-21T15:38:44+01:00">"#).as_deref(),
            Some("2022-01-27")
        );
        assert_eq!(
            date(r#"<meta name="dcterms.date" content="2022-01-21">"#).as_deref(),
            Some("2022-01-27")
        );
        // A meta tag that names the publication goes first.
        assert_eq!(
            date(r#"<meta property="article:published_time" content="2022-01-21">"#).as_deref(),
            Some("2022-01-21")
        );
        // Without another source, the tag dates the page.
        for tag in [
            r#"<meta name="dc.date" content="2021-12-20">"#,
            r#"<meta name="ms.date" content="2021-12-20T00:00:00Z">"#,
            r#"<meta name="cxenseparse:publishtime" content="2021-12-20T02:00:00-05:00">"#,
        ] {
            assert_eq!(
                from_html(&Html::parse_document(tag)).date.as_deref(),
                Some("2021-12-20")
            );
        }
    }

    #[test]
    fn a_utc_timestamp_in_the_small_hours_gives_way_to_the_date_the_page_shows() {
        let date = |declared: &str, shown: &str| {
            let html = format!(
                r#"<meta property="article:published_time" content="{declared}">
                <h1>Headline</h1><time>{shown}</time>"#
            );
            as_of_2026(&html).date
        };
        assert_eq!(
            date("2022-05-04T03:37:37+00:00", "3 May, 2022, 11:37 pm").as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(
            date("Wed, 04 May 2022 02:41:00 GMT", "May 3, 2022").as_deref(),
            Some("2022-05-03")
        );
        // Not in the small hours, not in UTC, or a day after: the declaration stands.
        assert_eq!(
            date("2022-05-04T15:37:37Z", "3 May 2022").as_deref(),
            Some("2022-05-04")
        );
        assert_eq!(
            date("2022-05-04T03:37:37+02:00", "3 May 2022").as_deref(),
            Some("2022-05-04")
        );
        assert_eq!(
            date("2022-05-04T23:37:37Z", "5 May 2022").as_deref(),
            Some("2022-05-04")
        );
    }

    #[test]
    fn dates_from_written_declarations_date_elements_and_modification() {
        let date = |html: &str| as_of_2026(html).date;
        // A declaration written out, and a publication date marked up without a value.
        assert_eq!(
            date(r#"<meta name="published" content="July 17, 2025"><h1>T</h1>"#).as_deref(),
            Some("2025-07-17")
        );
        assert_eq!(
            date(r#"<h1>T</h1><span itemprop="datePublished">October 17, 2018</span>"#).as_deref(),
            Some("2018-10-17")
        );
        // A date element before the first `<time>` dates the page; the `<time>` is a
        // comment's or another article's.
        assert_eq!(
            date(
                r#"<h1>T</h1><span class="published">22. Oktober 2019</span><p>Text</p>
                <aside><time datetime="2009-04-11">11. April 2009</time></aside>"#
            )
            .as_deref(),
            Some("2019-10-22")
        );
        // A date element that wraps the `<time>` leaves it the machine-readable value.
        assert_eq!(
            date(r#"<h1>T</h1><span class="date"><time datetime="2019-10-22">10/22</time></span>"#)
                .as_deref(),
            Some("2019-10-22")
        );
        // The parts of a date written in elements of their own.
        assert_eq!(
            date(
                r#"<h1>T</h1><div class="date"><span>Apr</span><span>04</span><span>2013</span></div>"#
            )
            .as_deref(),
            Some("2013-04-04")
        );
        // A page that only says when it last changed.
        assert_eq!(
            date(r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#)
                .as_deref(),
            Some("2023-06-12")
        );
    }

    #[test]
    fn a_date_labelled_as_published_goes_before_a_time() {
        let date = |html: &str| as_of_2026(html).date;
        assert_eq!(
            date(
                r#"<html lang=de><h1>T</h1><p>Veröffentlicht am 16.08.2019</p>
                <time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time>"#
            )
            .as_deref(),
            Some("2019-08-16")
        );
        // A label after the date says nothing about it.
        assert_eq!(
            date(
                r#"<html lang=de><h1>T</h1><p>12.08.2019 veröffentlicht</p>
                <time datetime="2019-08-24">24. August 2019</time>"#
            )
            .as_deref(),
            Some("2019-08-24")
        );
        // Labels in other languages.
        assert_eq!(
            date(
                r#"<html lang=ru><h1>T</h1><p>Опубликовано 15 августа 2016</p>
                <time datetime="2016-09-01">1 сентября 2016</time>"#
            )
            .as_deref(),
            Some("2016-08-15")
        );
        assert_eq!(
            date(
                r#"<html lang=de><h1>T</h1><p>Stand: 28.04.2020 18:00 Uhr</p>
                <time datetime="2020-04-29">29. April 2020</time>"#
            )
            .as_deref(),
            Some("2020-04-28")
        );
        assert_eq!(
            date(
                r#"<html lang=en><h1>T</h1><p>Posted on March 3, 2020 by Ann</p>
                <time datetime="2020-03-09">March 9, 2020</time>"#
            )
            .as_deref(),
            Some("2020-03-03")
        );
    }

    #[test]
    fn numbers_in_menus_do_not_crowd_out_the_date_under_the_headline() {
        let menu: String = (1..=60).map(|i| format!("<li>Bezirk {i}</li>")).collect();
        let html = format!("<html lang=de><ul>{menu}</ul><h1>T</h1><small>02.02.2022</small>");
        let meta = as_of_2026(&html);
        assert_eq!(meta.date.as_deref(), Some("2022-02-02"));
    }

    #[test]
    fn the_modification_date_is_kept_apart_and_never_before_publication() {
        let page = |head: &str| {
            let html = format!("<head>{head}</head><body><h1>T</h1></body>");
            let meta = as_of_2026(&html);
            (meta.date, meta.date_modified)
        };
        assert_eq!(
            page(
                r#"<meta property="article:published_time" content="2024-05-01T08:00:00Z">
                <meta property="article:modified_time" content="2024-06-02T10:00:00Z">"#
            ),
            (Some("2024-05-01".into()), Some("2024-06-02".into()))
        );
        assert_eq!(
            page(
                r#"<script type="application/ld+json">{"datePublished": "2024-05-01",
                "dateModified": "2023-01-01"}</script>"#
            ),
            (Some("2024-05-01".into()), None)
        );
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

    #[test]
    fn langs_are_normalised() {
        assert_eq!(normalize_lang("de_at").as_deref(), Some("de-AT"));
        assert_eq!(normalize_lang("EN").as_deref(), Some("en"));
        assert_eq!(normalize_lang("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize_lang("english"), None);
    }

    #[test]
    fn bylines_are_cut_down_to_the_names() {
        for (byline, name) in [
            ("By Ann Lee | 3 min read", "Ann Lee"),
            ("Von Anna Schmidt am 19.03.2017", "Anna Schmidt"),
            ("Written by: Ann Lee, Updated March 3", "Ann Lee"),
            ("par Jean Dupont le 19 mars 2017", "Jean Dupont"),
            ("Ann Lee 19/03/2017", "Ann Lee"),
            ("Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"),
            ("Isabella Bauer am Samstag", "Isabella Bauer"),
            ("Interview: Julia Lauter", "Julia Lauter"),
            ("Redacci&oacute;n Diario", "Redacción Diario"),
            ("Michael Dougherty says", "Michael Dougherty"),
            ("Nathan Willis March 25, 2015", "Nathan Willis"),
            ("Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"),
            ("Nicolas Perriault —", "Nicolas Perriault"),
            ("View all posts by Daniel Lemire", "Daniel Lemire"),
            ("Emily Burack 8", "Emily Burack"),
            ("ByTrevor Jones", "Trevor Jones"),
            ("Written byAnn Lee", "Ann Lee"),
            ("Authors:Ann Lee, Bo Chen", "Ann Lee, Bo Chen"),
            ("Byron Katie", "Byron Katie"),
            ("BYRON KATIE", "BYRON KATIE"),
            ("Vonda Shepard", "Vonda Shepard"),
        ] {
            assert_eq!(clean_author(byline).as_deref(), Some(name), "{byline}");
        }
        assert_eq!(clean_author("https://example.org/ann"), None);
        assert_eq!(clean_author("1234"), None);
        assert_eq!(clean_author("Last Updated: January 7, 2025"), None);
        assert_eq!(clean_author("By"), None);
        assert_eq!(clean_author("Follow"), None);
    }

    #[test]
    fn labels_credits_titles_badges_and_avatars_are_cut_from_bylines() {
        for (byline, name) in [
            // A label before the names.
            ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),
            ("Recipe by PJ Hamel", "PJ Hamel"),
            ("Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil"),
            (
                "Ein Artikel von Pamela Sladky | 27.01.2022",
                "Pamela Sladky",
            ),
            ("Text by Hunter Dukes", "Hunter Dukes"),
            // Credits and filing after the names.
            (
                "Shelby Loos, DVM. Reviewed by Molly Price, DVM",
                "Shelby Loos, DVM",
            ),
            ("Jane Doe, photos by John Roe", "Jane Doe"),
            ("Nesselsetzer under Allgemein", "Nesselsetzer"),
            // Job titles.
            ("Keith Barry Senior Autos Reporter", "Keith Barry"),
            ("Zackery Cuevas Writer, Hardware", "Zackery Cuevas"),
            ("Mateusz HabernyFounder at Oakywood", "Mateusz Haberny"),
            (
                "Brett Cruz, Privacy and Digital Security Expert",
                "Brett Cruz",
            ),
            ("Michael J. Fox Staff Writer", "Michael J. Fox"),
            ("Podium Staff", "Podium Staff"),
            // Badges, dates glued on, handles, avatar initials, stray marks.
            ("drat 1,65511 gold badge1414 silver badges", "drat"),
            ("Luke KimDecember 17", "Luke Kim"),
            ("Williams Perdomo @wperdomod", "Williams Perdomo"),
            ("Tomas Spahn Fr, 19.03.2021", "Tomas Spahn"),
            ("CM Craig McCarthy", "Craig McCarthy"),
            ("JosephF J", "JosephF"),
            ("~ Cem Basman", "Cem Basman"),
            ("\"David Kim\"", "David Kim"),
            ("Angela Holliday-Bell, MD*", "Angela Holliday-Bell, MD"),
            ("© Kathrin Führes", "Kathrin Führes"),
            ("Jeff T.", "Jeff T."),
            ("Cerebral Inc.", "Cerebral Inc."),
        ] {
            assert_eq!(clean_author(byline).as_deref(), Some(name), "{byline}");
        }
        assert_eq!(clean_author("by Copyright © 2015 Heise Medien"), None);
    }

    #[test]
    fn a_site_or_organisation_gives_way_to_a_person() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // The site's name as author, and a person in the byline.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Daily Planet">
                <meta name="author" content="Daily Planet"><h1>T</h1>
                <span class="byline">By Lois Lane</span>"#
            )
            .as_deref(),
            Some("Lois Lane")
        );
        // A domain name or an account is no person either.
        assert_eq!(
            author(r#"<meta name="author" content="admin"><span class="author">Ann Lee</span>"#)
                .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            author(
                r#"<link rel="canonical" href="https://www.planet-news.de/a">
                <meta name="author" content="planet-news.de"><span class="author">Ann Lee</span>"#
            )
            .as_deref(),
            Some("Ann Lee")
        );
        // Without a person, the organisation is the author.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Daily Planet">
                <meta name="author" content="Daily Planet">"#
            )
            .as_deref(),
            Some("Daily Planet")
        );
        // Only a name outranks the site, not the leftovers of some box.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Freewrite Store">
                <meta name="author" content="Freewrite Store">
                <span class="author">1,677 new writers this month</span>"#
            )
            .as_deref(),
            Some("Freewrite Store")
        );
        // JSON-LD types an organisation; a personal site's owner is typed a person too.
        let typed = |types: &str| {
            author(&format!(
                r#"<script type="application/ld+json">{{"@type": "Article",
                "author": {{"@type": {types}, "name": "Andreas Kalt"}}}}</script>
                <span class="author">Thomas Mann</span>"#
            ))
        };
        assert_eq!(typed(r#""Organization""#).as_deref(), Some("Thomas Mann"));
        assert_eq!(
            typed(r#"["Person", "Organization"]"#).as_deref(),
            Some("Andreas Kalt")
        );
    }

    #[test]
    fn placeholders_sentences_first_names_and_trailing_organisations() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // A placeholder is never the author.
        assert_eq!(author(r#"<meta name="author" content="No Author">"#), None);
        // Nor a sentence in the author field.
        assert_eq!(
            author(
                r#"<meta name="author" content="Katie Couric New Yorkers post their feelings about Trump election in subway">"#
            ),
            None
        );
        // A first name gives way to the full name a later source writes.
        assert_eq!(
            author(r#"<meta name="author" content="Nils"><h1>T</h1><p>Von Nils Pickert</p>"#)
                .as_deref(),
            Some("Nils Pickert")
        );
        // An account's name is whole.
        assert_eq!(
            author(
                r#"<meta name="author" content="FutureBSD"><span class="author">FutureBSD New Head-Fier</span>"#
            )
            .as_deref(),
            Some("FutureBSD")
        );
        // The site after the names.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="CNN">
                <meta name="author" content="Rob Picheta, CNN">"#
            )
            .as_deref(),
            Some("Rob Picheta")
        );
    }

    #[test]
    fn pictures_and_comments_in_json_ld_have_their_own_authors() {
        let html = Html::parse_document(
            r#"<script type="application/ld+json">[
            {"@type": "ImageObject", "author": "Getty Images"},
            {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Dieter Sieckmeyer"}],
             "comment": [{"@type": "Comment", "author": "Mareike"}]}]</script>"#,
        );
        assert_eq!(
            from_html(&html).author.as_deref(),
            Some("Dieter Sieckmeyer")
        );
        // Soft hyphens set in a name are no part of it.
        assert_eq!(
            clean_author("Von Mat\u{ad}thi\u{ad}as Lauerer").as_deref(),
            Some("Matthias Lauerer")
        );
    }

    #[test]
    fn dated_bylines_and_notes_after_the_names() {
        let author =
            |body: &str| from_html(&Html::parse_document(&format!("<body>{body}</body>"))).author;
        assert_eq!(
            author("<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>T</h1>").as_deref(),
            Some("Uta Helkenberg")
        );
        assert_eq!(
            author(
                "<h1>T</h1><div>05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>"
            )
            .as_deref(),
            Some("Eberhard Fuhr")
        );
        // An office alone is a name the byline gives, not a prefix.
        assert_eq!(
            author(r#"<span class="author">Redaktion</span>"#).as_deref(),
            Some("Redaktion")
        );
    }

    #[test]
    fn authors_from_more_kinds_of_declaration() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // One tag per author on scholarly pages.
        assert_eq!(
            author(
                r#"<meta name="dc.creator" content="Ann Lee">
                <meta name="citation_author" content="Ann Lee">
                <meta name="citation_author" content="Bo Chen">"#
            )
            .as_deref(),
            Some("Ann Lee; Bo Chen")
        );
        // A link preview's "Written by" label.
        assert_eq!(
            author(
                r#"<meta name="twitter:label1" content="Written by">
                <meta name="twitter:data1" content="Tyler Brown">"#
            )
            .as_deref(),
            Some("Tyler Brown")
        );
        // RDFa properties listed in one attribute; Dublin Core's creator first.
        assert_eq!(
            author(
                r#"<meta property="dc:creator twitter:site_name" content="Creator Name">
                <meta name="author" content="Other Name">"#
            )
            .as_deref(),
            Some("Creator Name")
        );
        // A list of many names is not too long to be a name.
        let many = "Nicholas Collins, Scott Munro, Matt De La O, Vineet Asthana, \
                    Rory O'Sullivan, Corey Maurer, Hamish Shah, Philipp Bose";
        assert_eq!(
            author(&format!(r#"<meta name="author" content="{many}">"#)).as_deref(),
            Some(many)
        );
    }

    #[test]
    fn bylines_written_without_markup_are_found() {
        let author =
            |body: &str| from_html(&Html::parse_document(&format!("<body>{body}</body>"))).author;
        for (body, name) in [
            (
                "<h1>T</h1><div><span>Posted by Konstantin</span></div>",
                "Konstantin",
            ),
            (
                "<h1>T</h1><p>Written by</p><p>Edzel Tabing</p>",
                "Edzel Tabing",
            ),
            (
                "<h1>T</h1><p><strong>Text:</strong> Klausmartin Friedrich</p>",
                "Klausmartin Friedrich",
            ),
            (
                r#"<h1>T</h1><span>By <a href="/a/sofia">Sofia Gonzalez</a></span>"#,
                "Sofia Gonzalez",
            ),
            (
                "<h1>T</h1><p>11.12.2019 - Amelie Loevenich</p>",
                "Amelie Loevenich",
            ),
        ] {
            assert_eq!(author(body).as_deref(), Some(name), "{body}");
        }
        // Menus and sentences that open with "By" or "Von" are not bylines.
        for body in [
            r#"<h4>By Event Type</h4><ul><li>Conferences</li></ul><h1>T</h1>"#,
            r#"<li><a href="/i">By Industry Sector</a></li><h1>T</h1>"#,
            "<h1>T</h1><p>By 2030, prices will rise.</p>",
            "<h1>T</h1><p>Von Anfang an</p>",
            "<h1>T</h1><p>By Category</p>",
        ] {
            assert_eq!(author(body), None, "{body}");
        }
    }

    #[test]
    fn json_ld_authors_come_first_and_lists_are_joined() {
        let html = Html::parse_document(
            r#"<meta name="author" content="Site Team"><script type="application/ld+json">
            {"@graph": [{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ann Lee"},
            "Bo Chen"]}]}</script>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Ann Lee; Bo Chen"));
    }

    #[test]
    fn commenters_and_form_labels_are_not_the_author() {
        let html = Html::parse_document(
            r#"<article><p>Text</p></article>
            <section class="comments"><span class="comment-author">Aylin</span></section>
            <form><label class="author">Name *</label></form>
            <footer><span class="byline">Anna Schmidt</span></footer>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Anna Schmidt"));
    }

    #[test]
    fn author_urls_are_not_names() {
        let html = Html::parse_document(
            r#"<meta property="article:author" content="https://facebook.com/x"><a rel=author>by Ann Lee</a>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_reworded_meta_title_still_confirms_the_headline() {
        let html = Html::parse_document(
            r#"<title>Trends for 2026: the top ten | Daily Planet</title>
            <h1>Top ten trends to watch</h1>"#,
        );
        assert_eq!(
            from_html(&html).title.as_deref(),
            Some("Top ten trends to watch")
        );
    }

    #[test]
    fn the_heading_a_declared_title_confirms_best_is_the_headline() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        // A blog's name shares words with the title; the headline is in it whole.
        assert_eq!(
            title(
                r#"<title>Defer, Panic, and Recover - The Go Programming Language</title>
                <h1>The Go Blog</h1><h1>Defer, Panic, and Recover</h1>"#
            )
            .as_deref(),
            Some("Defer, Panic, and Recover")
        );
        // A heading that is a whole part of the title goes before one that runs on past it.
        assert_eq!(
            title(
                r#"<title>Tips for a first visit - Japan Forum - Travel Guide</title>
                <h1>Tips for a first visit - Japan</h1><h1>Tips for a first visit</h1>"#
            )
            .as_deref(),
            Some("Tips for a first visit")
        );
        // Among equals, the first.
        assert_eq!(
            title(r#"<title>Sofas | Chairs | Furniture</title><h1>Sofas</h1><h1>Chairs</h1>"#)
                .as_deref(),
            Some("Sofas")
        );
    }

    #[test]
    fn a_heading_in_the_site_place_of_the_title_is_the_logo() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        assert_eq!(
            title(r#"<title>Was ist virales Marketing? | DimidoBlog</title><h1>DimidoBlog</h1>"#)
                .as_deref(),
            Some("Was ist virales Marketing?")
        );
        assert_eq!(
            title(
                r#"<title>Field Notes » Blog Archive » Interning small integers</title>
                <h1>Field Notes</h1>"#
            )
            .as_deref(),
            Some("Interning small integers")
        );
        // With a known site name, a heading without it in the site's place is the headline.
        assert_eq!(
            title(
                r#"<meta property="og:site_name" content="Roastery">
                <meta property="og:title" content="Fiercely Strong Coffee | Dark Roast Coffee">
                <h1>Dark Roast Coffee</h1>"#
            )
            .as_deref(),
            Some("Dark Roast Coffee")
        );
        // A heading in the headline's place stays.
        assert_eq!(
            title(r#"<title>Sudo - ArchWiki</title><h1>Sudo</h1>"#).as_deref(),
            Some("Sudo")
        );
    }

    #[test]
    fn a_kicker_inside_the_heading_is_not_the_headline() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        assert_eq!(
            title(
                r#"<title>Daten von Rheinmetall gehackt | Nachrichten</title>
                <h1><span>Interne Unterlagen</span> <span>Daten von Rheinmetall gehackt</span></h1>"#
            )
            .as_deref(),
            Some("Daten von Rheinmetall gehackt")
        );
        // A dash joins the two parts of one headline: both stay.
        assert_eq!(
            title(
                r#"<title>Tipps zu jeder Hunderasse</title>
                <h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1>"#
            )
            .as_deref(),
            Some("Welpen kaufen – Tipps zu jeder Hunderasse")
        );
    }

    #[test]
    fn without_a_site_name_the_first_part_is_the_headline_unless_it_reads_as_one() {
        for (title, headline) in [
            (
                "Electrical - Overview | Occupational Safety and Health Administration",
                "Electrical - Overview",
            ),
            ("New Links | Hacker News", "New Links"),
            (
                "Todoist | A to-do list for your work",
                "A to-do list for your work",
            ),
            (
                "example.org - Review request, 2024 version",
                "Review request, 2024 version",
            ),
            (
                "The Agency | ML (Machine Learning) at a large technical university",
                "ML (Machine Learning) at a large technical university",
            ),
            (
                "Four Years Remaining » Blog Archive » Interning of small integers",
                "Interning of small integers",
            ),
        ] {
            assert_eq!(strip_site_name(title, None), headline, "{title}");
        }
    }

    #[test]
    fn parts_naming_the_site_are_cut() {
        assert_eq!(
            strip_site_name("Rain expected - Daily Planet News", Some("Daily Planet")),
            "Rain expected"
        );
    }

    #[test]
    fn a_logo_heading_linking_home_does_not_take_the_title() {
        let html = Html::parse_document(
            r#"<title>Choosing a framework - Field Notes</title>
            <h1><a href="/">Field Notes</a></h1><h1>Choosing a framework</h1>"#,
        );
        assert_eq!(
            from_html(&html).title.as_deref(),
            Some("Choosing a framework")
        );
    }

    #[test]
    fn site_names_are_matched_as_titles_write_them() {
        // A domain-name site is written without its domain; the part that is the site name
        // goes before one that only contains it.
        assert_eq!(
            strip_site_name("Rental car news | WRAL", Some("WRAL.com")),
            "Rental car news"
        );
        assert_eq!(
            strip_site_name(
                "Coffee - Daily Planet Shop | Daily Planet",
                Some("Daily Planet")
            ),
            "Coffee - Daily Planet Shop"
        );
        assert_eq!(
            strip_site_name(
                "Best cameras | Our top picks — Field Notes",
                Some("Field Notes")
            ),
            "Best cameras | Our top picks"
        );
        assert_eq!(
            strip_site_name("A brief intro to git • Field Notes", Some("Field Notes")),
            "A brief intro to git"
        );
        assert_eq!(
            strip_site_name("Wireless keyboard - Bazaar 7", Some("bazaar.")),
            "Wireless keyboard"
        );
        // A headline that only mentions a word of the site name keeps it.
        assert_eq!(
            strip_site_name("Hifi Headphones | 2020 Edition", Some("Headphones.com")),
            "Hifi Headphones"
        );
    }

    #[test]
    fn a_heading_loses_the_site_name_and_trailers_the_declared_title_lacks() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        // The heading names the site as the title does.
        assert_eq!(
            title(
                r#"<title>Catering tips | Smokehouse</title>
                <meta property="og:site_name" content="Smokehouse"><h1>Catering tips | Smokehouse</h1>"#
            )
            .as_deref(),
            Some("Catering tips")
        );
        // A trailer after a separator that the declared title leaves out.
        assert_eq!(
            title(
                r#"<meta property="og:title" content="What we would rather not hear">
                <h1>What we would rather not hear | OTHER.NET</h1>"#
            )
            .as_deref(),
            Some("What we would rather not hear")
        );
        // A heading that is a domain name is the site's.
        assert_eq!(
            title(
                r#"<title>Review request, 2024 version - Example.org</title><h1>Example.org</h1>"#
            )
            .as_deref(),
            Some("Review request, 2024 version")
        );
        // A heading that starts with the site name keeps it.
        assert_eq!(
            title(
                r#"<meta property="og:site_name" content="Signal">
                <meta property="og:title" content="Signal #18 – A world without work?">
                <h1>Signal #18 – A world without work?</h1>"#
            )
            .as_deref(),
            Some("Signal #18 – A world without work?")
        );
    }

    #[test]
    fn the_heading_that_is_a_declared_titles_headline_wins() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        // Of headings that are parts of declared titles, the og:title's headline.
        assert_eq!(
            title(
                r#"<title>News - Water Research</title>
                <meta property="og:title" content="The first electron counts">
                <h1>News</h1><h1>The first electron counts</h1>"#
            )
            .as_deref(),
            Some("The first electron counts")
        );
        // The last part of a breadcrumb title is its headline, not a site logo.
        assert_eq!(
            title(
                r#"<title>Customs online - Notices - Tobacco tax modernisation act announced in the gazette</title>
                <h1>Customs</h1><h1>Notices</h1><h1>Tobacco tax modernisation act announced in the gazette</h1>"#
            )
            .as_deref(),
            Some("Tobacco tax modernisation act announced in the gazette")
        );
    }

    #[test]
    fn a_kicker_or_subtitle_in_its_own_element_is_not_the_headline() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        // A kicker before the headline, set off by a colon in an element of its own.
        assert_eq!(
            title(
                r#"<meta property="og:title" content="How firms protect their staff">
                <h1><span class="overline">Distance and fever checks</span><span>: </span>
                <span>How firms protect their staff</span></h1>"#
            )
            .as_deref(),
            Some("How firms protect their staff")
        );
        // The declared title writes the kicker and the headline as parts of its own.
        assert_eq!(
            title(
                r#"<title>Olympics in Paris - Drinks by boat to the centre - Trade Weekly</title>
                <h1><span class="kicker">Olympics in Paris</span> Drinks by boat to the centre</h1>"#
            )
            .as_deref(),
            Some("Drinks by boat to the centre")
        );
        // A subtitle after the headline.
        assert_eq!(
            title(
                r#"<meta property="og:title" content="Fish cakes, hot and fresh">
                <h1>Fish cakes, hot <em>and</em> fresh <small>Welcome to the north</small></h1>"#
            )
            .as_deref(),
            Some("Fish cakes, hot and fresh")
        );
        // A heading that a declared title names whole keeps its kicker, and one without
        // elements inside keeps its dash.
        assert_eq!(
            title(
                r#"<meta property="og:title" content="Rent: Real estate 101">
                <h1><span>Rent:</span> Real estate 101</h1>"#
            )
            .as_deref(),
            Some("Rent: Real estate 101")
        );
        assert_eq!(
            title(
                r#"<title>Buying a puppy – Tips for every breed | Puppies</title>
                <h1>Buying a puppy – Tips for every breed</h1>"#
            )
            .as_deref(),
            Some("Buying a puppy – Tips for every breed")
        );
    }

    #[test]
    fn an_og_title_that_the_title_tag_repeats_keeps_its_dashes() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        assert_eq!(
            title(
                r#"<title>Report of 22 April – what is politics waiting for? – THE DAILY</title>
                <meta property="og:title" content="Report of 22 April – what is politics waiting for?">"#
            )
            .as_deref(),
            Some("Report of 22 April – what is politics waiting for?")
        );
        // So does one that `<title>` repeats before a separator with nothing after it.
        assert_eq!(
            title(
                r#"<title>SW082 – 82 reasons to keep listening |</title>
                <meta property="og:title" content="SW082 – 82 reasons to keep listening">"#
            )
            .as_deref(),
            Some("SW082 – 82 reasons to keep listening")
        );
        // A bar in the og:title still sets off the site.
        assert_eq!(
            title(
                r#"<title>Down jackets | Worn Wear | Shop</title>
                <meta property="og:title" content="Down jackets | Worn Wear">"#
            )
            .as_deref(),
            Some("Down jackets")
        );
    }

    #[test]
    fn dublin_core_and_analytics_titles_are_declared_titles() {
        let title = |html: &str| from_html(&Html::parse_document(html)).title;
        assert_eq!(
            title(
                r#"<title>Title Element</title><meta property="og:title" content="Shared title">
                <meta name="DC.title" content="Document title"><h1>Something else</h1>"#
            )
            .as_deref(),
            Some("Document title")
        );
        assert_eq!(
            title(r#"<meta name="parsely-title" content="Some title"><h1>Menu</h1>"#).as_deref(),
            Some("Some title")
        );
    }

    #[test]
    fn unconfirmed_h1_loses_to_og_title() {
        let html = Html::parse_document(
            r#"<title>Site</title><meta property="og:title" content="Real headline"><h1>Menu</h1>"#,
        );
        assert_eq!(from_html(&html).title.as_deref(), Some("Real headline"));
    }

    #[test]
    fn chinese_and_japanese_bylines_give_the_name_after_the_label() {
        assert_eq!(
            cjk_byline_name("2005年07月03日 10:25　来源：新华网　作者：张伟"),
            Some("张伟")
        );
        assert_eq!(
            cjk_byline_name("記者：山田太郎　2012年10月5日 発行"),
            Some("山田太郎")
        );
        assert_eq!(cjk_byline_name("（记者: 李明）"), Some("李明"));
        // A label inside a word, a source alone, or no name: no author.
        assert_eq!(cjk_byline_name("中文：简体"), None);
        assert_eq!(cjk_byline_name("来源：新华网"), None);
        assert_eq!(cjk_byline_name("作者："), None);
    }
}
