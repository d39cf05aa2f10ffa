//! The publication and modification dates: JSON-LD, meta tags, microdata, `<time>`, the
//! canonical URL and dates written near the headline, read by [`super::dates`].

use chrono::NaiveDate;

use super::dates;
use super::evidence::Evidence;
use super::jsonld;
use crate::vocab::{
    DATE_META, DATE_MODIFIED_META, GENERIC_DATE_META, LATEST_UTC_HOUR_OF_THE_EVENING_BEFORE,
    PUBLICATION_DATE_LABELS,
};

/// The date of the last change: JSON-LD `dateModified`, modification meta tags,
/// `itemprop=dateModified`; structured sources only (text says "updated" too loosely).
pub(super) fn modification_date(
    evidence: &Evidence,
    latest: Option<NaiveDate>,
) -> Option<NaiveDate> {
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
pub(super) fn publication_date(
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

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    use crate::metadata::{from_html, from_html_dated, Metadata};

    /// The metadata of `html` on a run dated 1 January 2026: later dates are rejected.
    fn as_of_2026(html: &str) -> Metadata {
        from_html_dated(
            &Html::parse_document(html),
            NaiveDate::from_ymd_opt(2026, 1, 1),
        )
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
}
