//! The title: the visible `<h1>` that a declared title (title meta tags such as `og:title` or
//! `dc.title`, `<title>`, JSON-LD `headline`) confirms, else a declared title with the site
//! name cut off.

use super::evidence::Evidence;
use super::{is_domain_name, jsonld};
use crate::text::collapse_whitespace;
use crate::vocab::{
    BREADCRUMB_SEPARATORS, HEADING_ANCHOR_MARKS, HEADLINE_CANDIDATES,
    HEADLINE_CONFIRMING_WORD_SHARE, INVISIBLE_CHARS, KICKER_JOINING_MARKS, MIN_BREADCRUMB_PARTS,
    MIN_HEADLINE_CHARS, MIN_HEADLINE_PART_SHARE, MIN_HEADLINE_WORDS, TITLE_META, TITLE_SEPARATORS,
};

/// The headline: the visible `<h1>` when `<title>` or `og:title` confirm it, else `og:title`,
/// else `<title>` with the site name cut off.
pub(super) fn title(evidence: &Evidence, site: Option<&str>) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    use crate::metadata::from_html;

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
}
