//! Everything a page says about itself, gathered in one walk over the parsed document: meta
//! tags, JSON-LD blocks, `<title>`, headings, `<time>` elements, microdata, author links and
//! byline or date elements. Choosing among the candidates is the job of the field modules.

use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde::Serialize;

use super::dates::{date_in_text, SlashOrder};
use crate::extract::dom::AttributeExt;
use crate::extract::names::{NameCache, Named};
use crate::text::collapse_whitespace;
use crate::vocab::{
    BLOCK_TAGS, BYLINE_CLASS_PATTERNS, BYLINE_LABEL_MARKS, DATELINE_SEPARATORS, DATELINE_WORDS,
    HEADING_ANCHOR_MARKS, HEADING_FIELD_LABELS, HEADING_TAGS, LOOSE_BYLINE_PREFIXES,
    MAX_EVIDENCE_PER_KIND, MAX_EVIDENCE_TEXT_CHARS, MAX_LOOSE_BYLINE_CHARS, MAX_LOOSE_DATE_CHARS,
    MAX_LOOSE_DATE_TEXTS,
};
use texts::{Breaks, ElementTexts};

mod texts;

/// The candidates found in one page, in document order within each kind.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Evidence {
    /// Meta tags as (lowercased `name`/`property`/`itemprop`/`http-equiv`, collapsed content).
    pub metas: Vec<(String, String)>,
    /// Parsed `application/ld+json` blocks.
    pub json_ld: Vec<serde_json::Value>,
    /// The first `<title>` outside SVG.
    pub title_tag: Option<String>,
    /// Texts of the first `<h1>` elements, without the ones that are a link home (a logo).
    pub h1: Vec<String>,
    /// For each of [`Evidence::h1`], its text cut where an element inside opens or closes:
    /// a kicker or a subtitle set in an element of its own is one part
    /// (`<h1><span>Kicker</span> Headline</h1>` → `["Kicker", "Headline"]`).
    pub h1_parts: Vec<Vec<String>>,
    /// Whether an `<h1>` has been walked past, logo or not.
    pub h1_seen: bool,
    /// `<time>` elements.
    pub times: Vec<TimeElement>,
    /// Microdata outside meta tags.
    pub itemprops: Vec<Itemprop>,
    /// Texts of `rel=author` links.
    pub rel_authors: Vec<String>,
    /// Texts of elements whose class or id names a byline or author.
    pub bylines: Vec<String>,
    /// Bylines written without a class or id that names them (see
    /// `Evidence::read_loose_byline`).
    pub loose_bylines: Vec<LooseByline>,
    /// Texts of elements whose class or id names a publication date, every element inside
    /// set apart.
    pub date_texts: Vec<String>,
    /// Short texts holding a date, outside scripts, with whether they follow the first
    /// `<h1>`: dates a page writes without marking them up. At most [`MAX_LOOSE_DATE_TEXTS`]
    /// short texts with a digit are read on either side of the `<h1>`.
    pub loose_dates: Vec<(bool, String)>,
    /// How many short texts with a digit were read for dates before and after the first
    /// `<h1>`: each side has its own budget, so that a menu full of numbers ("Bezirk 7") does
    /// not use up the one under the headline, and the dates read stay near the headline.
    #[serde(skip)]
    numbered_texts_read: [usize; 2],
    /// The `lang` (or `xml:lang`) of `<html>`.
    pub html_lang: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
}

/// One `<time>` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeElement {
    /// The `datetime` attribute.
    pub datetime: Option<String>,
    /// The element's text, whitespace collapsed.
    pub text: String,
    /// How many texts of date elements ([`Evidence::date_texts`]) came before it.
    pub date_texts_before: usize,
}

/// A byline written without a class or id that names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LooseByline {
    /// Whether it follows the first `<h1>`.
    pub after_h1: bool,
    /// The text, from its opening word or label on.
    pub text: String,
    /// Whether a label or a phrase that no sentence opens with set it apart ("Autor:", "Posted
    /// by"), rather than a word like "By" or "Von".
    pub labelled: bool,
}

/// One microdata property outside a meta tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Itemprop {
    /// The `itemprop` name, lowercased.
    pub name: String,
    /// The `content` or `datetime` attribute, when there is one.
    pub attribute: Option<String>,
    /// The element's text, whitespace collapsed.
    pub text: String,
}

impl Evidence {
    /// Walks the document once and collects every candidate.
    pub fn gather(document: &Html) -> Evidence {
        let mut evidence = Evidence::default();
        let mut in_svg = 0usize;
        let mut names = NameCache::default();
        let mut texts = ElementTexts::new(document);
        // Forms and comment sections being walked: the names there are commenters' and the
        // "author" fields are form labels, not the article's byline.
        let mut outside_article: Vec<ego_tree::NodeId> = Vec::new();
        for edge in document.tree.root().traverse() {
            let node = match edge {
                ego_tree::iter::Edge::Open(node) => node,
                ego_tree::iter::Edge::Close(node) => {
                    if matches!(node.value(), Node::Element(e) if e.name() == "svg") {
                        in_svg = in_svg.saturating_sub(1);
                    }
                    if outside_article.last() == Some(&node.id()) {
                        outside_article.pop();
                    }
                    continue;
                }
            };
            let element = match node.value() {
                Node::Element(element) => element,
                Node::Text(text) => {
                    evidence.read_loose_date(node, text);
                    if outside_article.is_empty() {
                        evidence.read_loose_byline(&mut texts, node, text);
                    }
                    continue;
                }
                _ => continue,
            };
            let name = element.name();
            if name == "svg" {
                in_svg += 1;
            }
            match name {
                "html" if evidence.html_lang.is_none() => {
                    evidence.html_lang = element
                        .attribute("lang")
                        .or(element.attribute("xml:lang"))
                        .map(str::to_string);
                }
                "meta" => evidence.read_meta(element),
                "title" if in_svg == 0 && evidence.title_tag.is_none() => {
                    let title = texts.text(node, Breaks::Blocks, usize::MAX);
                    let title =
                        html_escape::decode_html_entities(&title.unwrap_or_default()).into_owned();
                    evidence.title_tag = Some(title).filter(|t| !t.is_empty());
                }
                "h1" => {
                    evidence.h1_seen = true;
                    // Only a heading that would be kept is read whole and checked for a logo.
                    let heading = (evidence.h1.len() < MAX_EVIDENCE_PER_KIND)
                        .then(|| texts.text(node, Breaks::Blocks, heading_letters()))
                        .flatten();
                    if let Some(heading) = heading {
                        let heading = heading.trim_end_matches(HEADING_ANCHOR_MARKS).trim_end();
                        let headline = without_field_label(heading);
                        if fits(headline) && !texts.links_home(node, heading) {
                            evidence.h1.push(headline.to_string());
                            evidence.h1_parts.push(parts_of(node));
                        }
                    }
                }
                "script"
                    if crate::parse::is_json_ld(element.attribute("type"))
                        && evidence.json_ld.len() < MAX_EVIDENCE_PER_KIND =>
                {
                    if let Some(value) = parse_json_ld(&raw_text_of(node)) {
                        evidence.json_ld.push(value);
                    }
                }
                "time" if evidence.times.len() < MAX_EVIDENCE_PER_KIND => {
                    evidence.times.push(TimeElement {
                        datetime: element.attribute("datetime").map(str::to_string),
                        text: texts
                            .text(node, Breaks::Blocks, usize::MAX)
                            .unwrap_or_default(),
                        date_texts_before: evidence.date_texts.len(),
                    });
                }
                "link" => {
                    let rel = element.attribute("rel").unwrap_or_default();
                    if rel.eq_ignore_ascii_case("canonical") && evidence.canonical.is_none() {
                        evidence.canonical = element.attribute("href").map(str::to_string);
                    }
                }
                _ => {}
            }
            // RDFa puts properties with a `content` on any element:
            // `<span property="schema:dateCreated" content="2020-04-21T14:40:07+00:00">`.
            if name != "meta"
                && element.attribute("property").is_some()
                && element.attribute("content").is_some()
            {
                evidence.read_meta(element);
            }
            if name != "meta" {
                if let Some(itemprop) = element.attribute("itemprop") {
                    if evidence.itemprops.len() < MAX_EVIDENCE_PER_KIND * 4 {
                        let attribute = element
                            .attribute("content")
                            .or(element.attribute("datetime"))
                            .map(collapse_whitespace);
                        let text = texts.text(node, Breaks::Blocks, MAX_EVIDENCE_TEXT_CHARS);
                        if let Some(text) =
                            text.filter(|text| text.chars().count() <= MAX_EVIDENCE_TEXT_CHARS)
                        {
                            evidence.itemprops.push(Itemprop {
                                name: itemprop.trim().to_ascii_lowercase(),
                                attribute,
                                text,
                            });
                        }
                    }
                }
            }
            if name == "a"
                && element
                    .attribute("rel")
                    .is_some_and(|rel| rel.split_whitespace().any(|r| r == "author"))
            {
                push_read(&mut evidence.rel_authors, &mut texts, node, Breaks::Blocks);
            }
            if !matches!(
                name,
                "html" | "body" | "article" | "main" | "meta" | "script"
            ) {
                let full = evidence.bylines.len() >= MAX_EVIDENCE_PER_KIND
                    && evidence.date_texts.len() >= MAX_EVIDENCE_PER_KIND;
                if !full {
                    let named = names.of(element.attribute("id"), element.attribute("class"));
                    if name == "form" || named.has(Named::COMMENTS) {
                        outside_article.push(node.id());
                    }
                    let byline = named.has(Named::BYLINE) || names_byline_otherwise(element);
                    let date = named.has(Named::DATE);
                    if byline && outside_article.is_empty() {
                        push_read(&mut evidence.bylines, &mut texts, node, Breaks::Blocks);
                    }
                    if date {
                        push_read(&mut evidence.date_texts, &mut texts, node, Breaks::Elements);
                    }
                }
            }
        }
        evidence
    }

    fn read_loose_date(&mut self, node: NodeRef<Node>, text: &str) {
        let read = &mut self.numbered_texts_read[usize::from(self.h1_seen)];
        if *read >= MAX_LOOSE_DATE_TEXTS
            || !text.bytes().any(|b| b.is_ascii_digit())
            || text.len() > MAX_LOOSE_DATE_CHARS * 4
        {
            return;
        }
        if parent_is_one_of(node, &["script", "style", "title"]) {
            return;
        }
        let text = collapse_whitespace(text);
        if text.chars().count() <= MAX_LOOSE_DATE_CHARS {
            *read += 1;
            if date_in_text(&text, SlashOrder::MonthFirst).is_some() {
                self.loose_dates.push((self.h1_seen, text));
            }
        }
    }

    /// A byline written without a class or id that names it: a short text that starts with
    /// "By", "Von", "Autor:" … ("Posted by Konstantin"), or a label that is all of its text
    /// ("Written by", "Autor:", "Ein Artikel von") before the names in the rest of its element
    /// or in the element after it.
    fn read_loose_byline<'a>(
        &mut self,
        texts: &mut ElementTexts<'a>,
        node: NodeRef<'a, Node>,
        text: &str,
    ) {
        if self.loose_bylines.len() >= MAX_EVIDENCE_PER_KIND
            || text.len() > MAX_LOOSE_BYLINE_CHARS * 4
            || !text.contains(char::is_alphabetic)
            // A link that opens with "By" is a menu's ("By Industry"); a byline links the name.
            || parent_is_one_of(node, &["script", "style", "title", "option", "button", "a"])
        {
            return;
        }
        let text = collapse_whitespace(text);
        if text.chars().count() > MAX_LOOSE_BYLINE_CHARS {
            return;
        }
        let Some((label, strong)) = byline_opening(&text) else {
            if super::author::cjk_byline_name(&text).is_some() {
                // "2005年07月03日 来源：新华网 作者：张伟": the label marks it wherever it stands.
                self.loose_bylines.push(LooseByline {
                    after_h1: self.h1_seen,
                    text,
                    labelled: true,
                });
            } else if let Some(names) = after_dateline(&text) {
                self.loose_bylines.push(LooseByline {
                    after_h1: self.h1_seen,
                    text: names.to_string(),
                    labelled: false,
                });
            }
            return;
        };
        // A heading that opens with "By" heads a menu's column ("By Event Type"); one that is
        // only a label ("Autor:") is set before the names like any other.
        let in_heading = parent_is_one_of(node, HEADING_TAGS)
            || node.parent().is_some_and(|parent| match parent.value() {
                Node::Element(element) => {
                    Named::of(element.attribute("class").unwrap_or_default()).has(Named::HEADLINE)
                }
                _ => false,
            });
        if !label && in_heading {
            return;
        }
        let parent = node.parent();
        let parent_text = parent
            .and_then(|parent| texts.text(parent, Breaks::Blocks, MAX_LOOSE_BYLINE_CHARS))
            .unwrap_or_default();
        let within_parent = parent_text.chars().count() <= MAX_LOOSE_BYLINE_CHARS
            && parent_text.len() > text.len()
            && parent_text.starts_with(text.as_str());
        let byline = if within_parent {
            parent_text
        } else if label {
            // The names in the next element or text after the label's element.
            let next = match parent {
                Some(parent) => texts.text_after(parent, MAX_LOOSE_BYLINE_CHARS),
                None => Some(String::new()),
            };
            let Some(next) = next
                .filter(|next| !next.is_empty() && next.chars().count() <= MAX_LOOSE_BYLINE_CHARS)
            else {
                return;
            };
            format!("{text} {next}")
        } else {
            text
        };
        self.loose_bylines.push(LooseByline {
            after_h1: self.h1_seen,
            text: byline,
            labelled: label || strong,
        });
    }

    fn read_meta(&mut self, element: &scraper::node::Element) {
        let Some(key) = element
            .attribute("name")
            .or(element.attribute("property"))
            .or(element.attribute("itemprop"))
            .or(element.attribute("http-equiv"))
        else {
            return;
        };
        // Some sites escape twice: `&amp;#x26;` reaches the parsed page as `&#x26;`.
        let Some(content) = element
            .attribute("content")
            .map(|content| collapse_whitespace(&html_escape::decode_html_entities(content)))
        else {
            return;
        };
        if content.is_empty() {
            return;
        }
        // RDFa lists several properties in one attribute: `property="og:title twitter:title"`.
        for key in key.split_whitespace() {
            self.metas.push((key.to_ascii_lowercase(), content.clone()));
        }
    }

    /// Meta contents for the keys, in the keys' order of trust.
    pub fn metas_for<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        keys.iter().flat_map(move |key| {
            self.metas
                .iter()
                .filter(move |(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The first meta content for the key.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Microdata properties with one of the names, in the names' order of trust.
    pub fn itemprops_for<'a>(
        &'a self,
        names: &'a [&str],
    ) -> impl Iterator<Item = &'a Itemprop> + 'a {
        names.iter().flat_map(move |name| {
            self.itemprops
                .iter()
                .filter(move |itemprop| itemprop.name == *name)
        })
    }
}

/// The names after a date that opens a short line ("11.12.2019 - Amelie Loevenich",
/// "04.02.2022 | 13:10 Uhr | Uta Helkenberg"): the part after the last separator, when all
/// before it is the date and time.
fn after_dateline(text: &str) -> Option<&str> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (cut, separator) = DATELINE_SEPARATORS
        .iter()
        .filter_map(|separator| Some((text.rfind(separator)?, *separator)))
        .max_by_key(|(cut, _)| *cut)?;
    let (head, names) = (&text[..cut], text[cut + separator.len()..].trim());
    let head_is_date = date_in_text(head, SlashOrder::MonthFirst).is_some()
        && head.split_whitespace().all(|word| {
            let word = word.to_lowercase();
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            word.is_empty()
                || word.starts_with(|c: char| c.is_ascii_digit())
                || DATELINE_WORDS.contains(&word)
        });
    (head_is_date && !names.is_empty()).then_some(names)
}

/// Whether an element is named a byline where the class and id vocabulary does not look: in a
/// BEM modifier (`gallery--page-meta--author`, which the vocabulary reads as the block it
/// modifies) or in a test id (`data-testid="prism-byline"`).
fn names_byline_otherwise(element: &scraper::node::Element) -> bool {
    let names_byline = |value: &str| {
        let value = value.to_ascii_lowercase();
        BYLINE_CLASS_PATTERNS
            .iter()
            .any(|pattern| value.contains(pattern))
    };
    let modifier = element.attribute("class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|token| {
            token
                .split_once("--")
                .is_some_and(|(_, modifier)| names_byline(modifier))
        })
    });
    modifier || element.attribute("data-testid").is_some_and(names_byline)
}

/// Whether a short text opens a byline: `Some((true, _))` when it is only a label ("By",
/// "Written by:", "Autor", "Ein Artikel von"), `Some((false, _))` when the names follow in it
/// ("Posted by Konstantin"); with whether a phrase or a colon no sentence opens with sets it
/// apart ("Posted by", "Autor:"). Credits for other things ("Theme by …", "Reviewed by …", "Filter by …") are
/// not bylines.
fn byline_opening(text: &str) -> Option<(bool, bool)> {
    let trimmed = text
        .trim_matches(|c: char| c.is_whitespace() || BYLINE_LABEL_MARKS.contains(&c))
        .to_lowercase();
    if LOOSE_BYLINE_PREFIXES.contains(&trimmed.as_str()) {
        return Some((true, true));
    }
    let opening = LOOSE_BYLINE_PREFIXES.iter().find(|prefix| {
        trimmed
            .strip_prefix(**prefix)
            .is_some_and(|rest| rest.starts_with([' ', ':']))
    })?;
    // "Posted by", "Autor:": a phrase or a colon no sentence opens with.
    let strong = opening.contains(' ') || trimmed[opening.len()..].starts_with(':');
    Some((false, strong))
}

/// Whether a text is fit to be evidence: not empty, not overlong.
fn fits(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= MAX_EVIDENCE_TEXT_CHARS
}

/// Adds a non-empty, not overlong text, up to [`MAX_EVIDENCE_PER_KIND`] of a kind.
fn push_limited(list: &mut Vec<String>, text: String) {
    if list.len() < MAX_EVIDENCE_PER_KIND && fits(&text) {
        list.push(text);
    }
}

/// Adds the text of `node` as [`push_limited`] does, reading it only when there is room and
/// only as far as it may fit.
fn push_read<'a>(
    list: &mut Vec<String>,
    texts: &mut ElementTexts<'a>,
    node: NodeRef<'a, Node>,
    breaks: Breaks,
) {
    if list.len() < MAX_EVIDENCE_PER_KIND {
        if let Some(text) = texts.text(node, breaks, MAX_EVIDENCE_TEXT_CHARS) {
            push_limited(list, text);
        }
    }
}

/// The most letters (see [`texts::letters`]) of a heading's text that can still make a
/// headline that fits: the label a heading may lose ("Thread:") is not part of it.
fn heading_letters() -> usize {
    let longest_label = HEADING_FIELD_LABELS
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or_default();
    // The label's colon is a letter too.
    MAX_EVIDENCE_TEXT_CHARS + longest_label + 1
}

/// A heading without a label that names the field it fills ("Thread: Best budget
/// headphones" → "Best budget headphones").
fn without_field_label(heading: &str) -> &str {
    heading
        .split_once(':')
        .filter(|(label, rest)| {
            !rest.trim().is_empty()
                && HEADING_FIELD_LABELS.contains(&label.trim().to_lowercase().as_str())
        })
        .map_or(heading, |(_, rest)| rest.trim())
}

/// The element's text cut where an element inside opens or closes. The parts keep their
/// whitespace (a line break or a block adds a space, as in [`Breaks::Blocks`]), so that
/// joined they give the element's text; a part of whitespace only joins the part before it.
fn parts_of(node: NodeRef<Node>) -> Vec<String> {
    fn flush(parts: &mut Vec<String>, part: &mut String) {
        if part.trim().is_empty() {
            if let Some(last) = parts.last_mut() {
                last.push_str(part);
            }
            part.clear();
        } else {
            parts.push(std::mem::take(part));
        }
    }
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut length = 0;
    for edge in node.traverse() {
        let (ego_tree::iter::Edge::Open(inner) | ego_tree::iter::Edge::Close(inner)) = edge;
        if inner.id() == node.id() {
            continue;
        }
        match inner.value() {
            Node::Element(e) => {
                if e.name() == "br" || BLOCK_TAGS.contains(&e.name()) {
                    part.push(' ');
                }
                flush(&mut parts, &mut part);
            }
            Node::Text(t)
                if matches!(edge, ego_tree::iter::Edge::Open(_))
                    && !parent_is_one_of(inner, &["script", "style"]) =>
            {
                part.push_str(t);
                length += t.len();
            }
            _ => {}
        }
        if length > MAX_EVIDENCE_TEXT_CHARS * 4 {
            break;
        }
    }
    flush(&mut parts, &mut part);
    parts
}

/// Whether the node's parent is an element with one of these names.
fn parent_is_one_of(node: NodeRef<Node>, names: &[&str]) -> bool {
    node.parent().is_some_and(
        |parent| matches!(parent.value(), Node::Element(e) if names.contains(&e.name())),
    )
}

/// The raw text of a script element.
fn raw_text_of(node: NodeRef<Node>) -> String {
    node.children()
        .filter_map(|child| match child.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect()
}

/// Parses a JSON-LD block, forgiving what sites commonly get wrong: HTML comment or CDATA
/// wrappers, a trailing semicolon, raw control characters inside strings.
fn parse_json_ld(raw: &str) -> Option<serde_json::Value> {
    let mut text = raw.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim().trim_end_matches(close).trim();
        }
    }
    let text = text.trim_end_matches(';').trim();
    serde_json::from_str(text).ok().or_else(|| {
        let cleaned: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::texts::is_home_href;
    use super::*;

    #[test]
    fn headings_keep_word_breaks_and_lose_anchor_marks() {
        let html = Html::parse_document(
            r##"<head><title>Tools &amp;amp; tips</title>
            <meta property="og:title" content="SQL &amp;#x26; AI"></head>
            <body><h1>Data Analytics<br>Agency <a class="headerlink" href="#x">¶</a></h1>
            <h1><span>Rebuilding the Legacy</span><div>of American Made</div></h1></body>"##,
        );
        let evidence = Evidence::gather(&html);
        assert_eq!(
            evidence.h1,
            [
                "Data Analytics Agency",
                "Rebuilding the Legacy of American Made"
            ]
        );
        assert_eq!(evidence.title_tag.as_deref(), Some("Tools & tips"));
        assert_eq!(evidence.metas[0].1, "SQL & AI");
    }

    #[test]
    fn one_walk_gathers_every_kind() {
        let html = Html::parse_document(
            r#"<html lang="de"><head><title>Kopf | Seite</title>
            <meta property="og:title" content=" Kopf ">
            <link rel="canonical" href="https://example.org/a">
            <script type="application/ld+json"><!-- {"@type":"NewsArticle","headline":"Kopf"} --></script>
            </head><body><svg><title>Icon</title></svg><h1>Kopf</h1>
            <span class="byline">Von Anna Schmidt</span>
            <time datetime="2017-03-19">19. März 2017</time>
            <span itemprop="author">Anna Schmidt</span><a rel="author" href="/a">Anna</a>
            <div class="post-date">19.03.2017</div></body></html>"#,
        );
        let evidence = Evidence::gather(&html);
        assert_eq!(evidence.html_lang.as_deref(), Some("de"));
        assert_eq!(evidence.title_tag.as_deref(), Some("Kopf | Seite"));
        assert_eq!(
            evidence.metas,
            [("og:title".to_string(), "Kopf".to_string())]
        );
        assert_eq!(evidence.json_ld[0]["headline"], "Kopf");
        assert_eq!(evidence.h1, ["Kopf"]);
        assert_eq!(evidence.bylines, ["Von Anna Schmidt"]);
        assert_eq!(
            evidence.times,
            [TimeElement {
                datetime: Some("2017-03-19".to_string()),
                text: "19. März 2017".to_string(),
                date_texts_before: 0
            }]
        );
        assert_eq!(
            evidence.itemprops,
            [Itemprop {
                name: "author".to_string(),
                attribute: None,
                text: "Anna Schmidt".to_string()
            }]
        );
        assert_eq!(evidence.rel_authors, ["Anna"]);
        assert_eq!(evidence.date_texts, ["19.03.2017"]);
        assert_eq!(evidence.canonical.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn a_heading_is_cut_into_the_parts_its_elements_set_apart() {
        let html = Html::parse_document(
            "<h1> <span>Kicker</span> <span>:</span>Hot <em>and</em> fresh<br><small>Sub</small></h1>",
        );
        let evidence = Evidence::gather(&html);
        assert_eq!(evidence.h1, ["Kicker :Hot and fresh Sub"]);
        let parts: Vec<&str> = evidence.h1_parts[0].iter().map(|p| p.trim()).collect();
        assert_eq!(parts, ["Kicker", ":", "Hot", "and", "fresh", "Sub"]);
        // Joined, the parts give the heading's text.
        assert_eq!(
            collapse_whitespace(&evidence.h1_parts[0].concat()),
            evidence.h1[0]
        );
    }

    #[test]
    fn field_labels_before_a_heading_are_dropped() {
        let html = Html::parse_document(
            "<h1>Thread: Best budget headphones</h1><h1>Headline:</h1>\
             <h1>Tutorial: Get started with Go</h1>",
        );
        assert_eq!(
            Evidence::gather(&html).h1,
            [
                "Best budget headphones",
                "Headline:",
                "Tutorial: Get started with Go"
            ]
        );
    }

    #[test]
    fn a_heading_that_links_home_is_a_logo_not_a_headline() {
        let html = Html::parse_document(
            r#"<body><h1 class="logo"><a href="../index.html">Field Notes</a></h1>
            <h1><a href="https://example.org/">Example Blog</a></h1>
            <h1><a href="/2024/05/rain/">Rain expected</a></h1>
            <h1>Back <a href="/">home</a></h1><p>Posted 19.03.2017</p></body>"#,
        );
        let evidence = Evidence::gather(&html);
        // A permalink and a heading with a home link inside its text are kept.
        assert_eq!(evidence.h1, ["Rain expected", "Back home"]);
        // Dates after a logo heading still count as written after the headline.
        assert!(evidence.loose_dates.iter().all(|(after_h1, _)| *after_h1));
        assert!(is_home_href("//example.org"));
        assert!(is_home_href("./"));
        assert!(!is_home_href("#top"));
        assert!(!is_home_href("/blog/"));
    }

    #[test]
    fn a_meta_tag_with_several_properties_counts_for_each() {
        let html = Html::parse_document(
            r#"<meta property="og:title twitter:title" content="Rain expected">
            <meta property="og:description">"#,
        );
        let evidence = Evidence::gather(&html);
        assert_eq!(
            evidence.metas,
            [
                ("og:title".to_string(), "Rain expected".to_string()),
                ("twitter:title".to_string(), "Rain expected".to_string())
            ]
        );
    }

    #[test]
    fn bylines_named_in_modifiers_and_test_ids() {
        let html = Html::parse_document(
            r#"<body><div class="gallery--page-meta--author">Posted by Adi Tzlil</div>
            <div data-testid="prism-byline">By Alex Bozarjian</div>
            <div class="card--featured">Not a byline</div></body>"#,
        );
        let evidence = Evidence::gather(&html);
        assert_eq!(
            evidence.bylines,
            ["Posted by Adi Tzlil", "By Alex Bozarjian"]
        );
    }

    #[test]
    fn broken_json_ld_is_forgiven_or_skipped() {
        assert!(parse_json_ld("{\"a\": \"line\nbreak\"};").is_some());
        assert!(parse_json_ld("{not json").is_none());
    }
}
