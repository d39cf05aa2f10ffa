//! Dates as pages write them: ISO 8601 values of meta tags and `datetime` attributes, dates
//! in URLs, and dates in running text in several languages ("19. März 2017",
//! "March 19, 2017, 12:08 pm", "19 de marzo de 2017", "19/03/2017").

use chrono::NaiveDate;

use crate::vocab::{EARLIEST_DATE_YEAR, MONTH_FIRST_LANGS, MONTH_NAMES};

/// The date at the start of an ISO-8601-like value (`2017-03-19T12:08:00+08:00`).
pub fn iso_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let head = value.get(..10)?;
    let bytes = head.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10)) {
        return None;
    }
    date(
        head[0..4].parse().ok()?,
        head[5..7].parse().ok()?,
        head[8..10].parse().ok()?,
    )
}

/// The date of a declared value (a meta tag, JSON-LD, a `datetime` attribute): ISO 8601, or
/// written out as some sites declare it ("July 17, 2025", "2023 Jan 7",
/// "Wed, 04 May 2022 00:25:56 GMT").
/// Slashes in a declared value are read month first, as the software that writes them does
/// ("11/01/2023 12:43:42" on a German page is November 1).
pub fn declared_date(value: &str) -> Option<NaiveDate> {
    iso_date(value).or_else(|| date_in_text(value, SlashOrder::MonthFirst))
}

/// The hour of a timestamp given in UTC ("2022-05-04T03:37:37Z", "…+00:00",
/// "Wed, 04 May 2022 02:41:00 GMT"); `None` for a date alone or a time in another zone.
pub fn utc_hour(value: &str) -> Option<u32> {
    let value = value.trim();
    let upper = value.to_ascii_uppercase();
    let zone_at = ["Z", "+00:00", "+0000", "-00:00", " GMT", " UTC", " +0000"]
        .iter()
        .find_map(|zone| upper.strip_suffix(zone))?
        .len();
    // The time of day: the first "hh:mm".
    let head = &value[..zone_at];
    let colon = head.find(':')?;
    let hour = head.get(colon.checked_sub(2)?..colon)?;
    if !hour.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    hour.parse().ok().filter(|hour| *hour < 24)
}

/// A `/2017/03/19/` date in a URL's path.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split('/').collect();
    parts.windows(3).find_map(|window| {
        let [year, month, day] = window else {
            return None;
        };
        let numeric =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if numeric(year, 4) && numeric(month, 2) && numeric(day, 2) {
            date(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
        } else {
            None
        }
    })
}

/// How to read an ambiguous `a/b/yyyy` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    /// `3/5/2022` is March 5 (American usage).
    MonthFirst,
    /// `3/5/2022` is 3 May (almost everywhere else).
    DayFirst,
}

impl SlashOrder {
    /// The usual order for a page in this language (a BCP-47 tag): month first for American
    /// English and pages that do not say, day first otherwise.
    pub fn for_lang(lang: Option<&str>) -> SlashOrder {
        let Some(lang) = lang.map(str::to_ascii_lowercase) else {
            return SlashOrder::MonthFirst;
        };
        if MONTH_FIRST_LANGS.contains(&lang.as_str()) {
            SlashOrder::MonthFirst
        } else {
            SlashOrder::DayFirst
        }
    }
}

/// The first date written in a short text, in any of the common numeric or month-name forms.
pub fn date_in_text(text: &str, slash_order: SlashOrder) -> Option<NaiveDate> {
    let tokens = tokenize(text);
    (0..tokens.len()).find_map(|start| date_at(&tokens[start..], slash_order))
}

/// A token of running text: a number or a word, with the character that preceded it.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number {
        value: u32,
        digits: usize,
        after: char,
    },
    Word(String),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    let mut separator = ' ';
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut number = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                number.push(d);
                chars.next();
            }
            tokens.push(Token::Number {
                value: number.parse().unwrap_or(u32::MAX),
                digits: number.len(),
                after: separator,
            });
            separator = ' ';
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                word.extend(l.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word));
            separator = ' ';
        } else {
            if !c.is_whitespace() {
                separator = c;
            }
            chars.next();
        }
    }
    tokens
}

/// A date starting at the first token, if one does.
fn date_at(tokens: &[Token], slash_order: SlashOrder) -> Option<NaiveDate> {
    use Token::{Number, Word};
    let month_named = |word: &str| {
        MONTH_NAMES
            .iter()
            .find(|(name, _)| *name == word)
            .map(|&(_, month)| month)
    };
    // "2005年07月03日", "2012년 10월 5일": year, month and day each followed by its unit, as
    // Chinese, Japanese and Korean write dates.
    if let [Number {
        value: year,
        digits: 4,
        ..
    }, Word(year_unit), Number {
        value: month,
        digits: 1..=2,
        ..
    }, Word(month_unit), Number {
        value: day,
        digits: 1..=2,
        ..
    }, Word(day_unit), ..] = tokens
    {
        let units = |unit: &str, options: [&str; 2]| options.iter().any(|o| unit.starts_with(o));
        if units(year_unit, ["年", "년"])
            && units(month_unit, ["月", "월"])
            && units(day_unit, ["日", "일"])
        {
            return date(*year as i32, *month, *day);
        }
    }
    // Words that may stand between the parts: "19 de marzo de 2017", "March 19th, 2017".
    let filler = |token: &Token| matches!(token, Word(w) if matches!(w.as_str(), "de" | "del" | "st" | "nd" | "rd" | "th" | "of"));
    let significant: Vec<&Token> = tokens.iter().filter(|t| !filler(t)).take(3).collect();
    match significant.as_slice() {
        [Number {
            value: year,
            digits: 4,
            ..
        }, Number {
            value: month,
            after: s1,
            ..
        }, Number {
            value: day,
            after: s2,
            ..
        }] if matches!(s1, '-' | '/' | '.') && s1 == s2 => date(*year as i32, *month, *day),
        [Number {
            value: day,
            digits: 1..=2,
            ..
        }, Number {
            value: month,
            digits: 1..=2,
            after: '.',
            ..
        }, Number {
            value: year,
            digits: 4,
            after: '.',
            ..
        }] => date(*year as i32, *month, *day),
        // "31.10.23": a two-digit year, unless more numbers join on as in a version number or
        // an address ("10.11.12.4").
        [Number {
            value: day,
            digits: 1..=2,
            after: before,
        }, Number {
            value: month,
            digits: 2,
            after: '.',
        }, Number {
            value: year,
            digits: 2,
            after: '.',
        }] if *before != '.' && !matches!(tokens.get(3), Some(Number { after: '.', .. })) => {
            date(2000 + *year as i32, *month, *day)
        }
        // Slashes are month first in American usage and day first elsewhere: a part above 12
        // settles it, otherwise the page's language does.
        [Number {
            value: first,
            digits: 1..=2,
            ..
        }, Number {
            value: second,
            digits: 1..=2,
            after: '/',
            ..
        }, Number {
            value: year,
            digits: 4,
            after: '/',
            ..
        }] => {
            let day_first = *first > 12 || (*second <= 12 && slash_order == SlashOrder::DayFirst);
            if day_first {
                date(*year as i32, *second, *first)
            } else {
                date(*year as i32, *first, *second)
            }
        }
        [Number {
            value: day,
            digits: 1..=2,
            ..
        }, Word(month), Number {
            value: year,
            digits: 4,
            ..
        }] => date(*year as i32, month_named(month)?, *day),
        [Word(month), Number {
            value: day,
            digits: 1..=2,
            ..
        }, Number {
            value: year,
            digits: 4,
            ..
        }] => date(*year as i32, month_named(month)?, *day),
        // "2023 Jan 7", as library catalogues write it.
        [Number {
            value: year,
            digits: 4,
            ..
        }, Word(month), Number {
            value: day,
            digits: 1..=2,
            ..
        }] => date(*year as i32, month_named(month)?, *day),
        _ => None,
    }
}

/// A real calendar date no earlier than [`EARLIEST_DATE_YEAR`].
fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    (year >= EARLIEST_DATE_YEAR)
        .then(|| NaiveDate::from_ymd_opt(year, month, day))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_of_utc_timestamps() {
        assert_eq!(utc_hour("2022-05-04T03:37:37+00:00"), Some(3));
        assert_eq!(utc_hour("2022-11-06T23:00:00.000Z"), Some(23));
        assert_eq!(utc_hour("Wed, 04 May 2022 02:41:00 GMT"), Some(2));
        assert_eq!(utc_hour("2011-02-11 23:49:17Z"), Some(23));
        assert_eq!(utc_hour("2022-05-03T23:37:37-04:00"), None);
        assert_eq!(utc_hour("2022-05-03"), None);
        assert_eq!(utc_hour("2022-05-03T23:37:37"), None);
    }

    fn ymd(text: &str) -> Option<String> {
        date_in_text(text, SlashOrder::MonthFirst).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn iso_values() {
        assert_eq!(
            iso_date("2017-03-19T12:08:00+08:00"),
            NaiveDate::from_ymd_opt(2017, 3, 19)
        );
        assert_eq!(iso_date("2017-13-19"), None);
        assert_eq!(iso_date("2017-02-30"), None);
        assert_eq!(iso_date("1990-01-01"), None, "before the web had articles");
        assert_eq!(iso_date("19 March 2017"), None);
    }

    #[test]
    fn dates_in_english_german_french_and_spanish_text() {
        assert_eq!(
            ymd("March 19, 2017, 12:08 pm").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(
            ymd("Posted on Mar 19th, 2017").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(ymd("19 March 2017").as_deref(), Some("2017-03-19"));
        assert_eq!(
            ymd("Veröffentlicht am 19. März 2017").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(
            ymd("Stand: 19.03.2017, 14:00 Uhr").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(ymd("publié le 19 mars 2017").as_deref(), Some("2017-03-19"));
        assert_eq!(ymd("19 de marzo de 2017").as_deref(), Some("2017-03-19"));
        assert_eq!(ymd("2017-03-19 12:08").as_deref(), Some("2017-03-19"));
        assert_eq!(ymd("03/19/2017").as_deref(), Some("2017-03-19"));
        assert_eq!(ymd("19/03/2017").as_deref(), Some("2017-03-19"));
        assert_eq!(ymd("3 comments, 12 likes"), None);
        assert_eq!(ymd("Call 0800 123 4567"), None);
    }

    #[test]
    fn dates_in_slavic_scandinavian_hungarian_romanian_and_turkish_text() {
        assert_eq!(ymd("15 августа 2016, 13:43").as_deref(), Some("2016-08-15"));
        assert_eq!(
            ymd("Опубліковано 3 травня 2022").as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(
            ymd("Publikováno 7. října 2021").as_deref(),
            Some("2021-10-07")
        );
        assert_eq!(
            ymd("Publicerad 12 augusti 2020").as_deref(),
            Some("2020-08-12")
        );
        assert_eq!(ymd("2016. augusztus 15.").as_deref(), Some("2016-08-15"));
        assert_eq!(ymd("Publicat 5 martie 2021").as_deref(), Some("2021-03-05"));
        assert_eq!(
            ymd("Yayınlanma 9 Şubat 2023").as_deref(),
            Some("2023-02-09")
        );
    }

    #[test]
    fn two_digit_years_and_catalogue_dates() {
        assert_eq!(ymd("Von: Anna | 31.10.23").as_deref(), Some("2023-10-31"));
        assert_eq!(ymd("Kultur, 2.11.22").as_deref(), Some("2022-11-02"));
        assert_eq!(ymd("2023 Jan 7").as_deref(), Some("2023-01-07"));
        // Numbers that run on are a version or an address, not a date.
        assert_eq!(ymd("10.11.12.4"), None);
        assert_eq!(ymd("Firmware 1.10.11.2"), None);
    }

    #[test]
    fn declared_values_are_iso_or_written_out() {
        let day = |value| declared_date(value).map(|d| d.format("%F").to_string());
        assert_eq!(
            day("2017-03-19T12:08:00+08:00").as_deref(),
            Some("2017-03-19")
        );
        assert_eq!(day("July 17, 2025").as_deref(), Some("2025-07-17"));
        assert_eq!(
            day("Wed, 04 May 2022 00:25:56 GMT").as_deref(),
            Some("2022-05-04")
        );
        // Software writes slashes month first, whatever the page's language.
        assert_eq!(day("11/01/2023 12:43:42").as_deref(), Some("2023-11-01"));
        assert_eq!(day("1571494495"), None);
    }

    #[test]
    fn slashes_are_read_in_the_page_language_order() {
        let us = SlashOrder::for_lang(Some("en-US"));
        let es = SlashOrder::for_lang(Some("es"));
        assert_eq!(us, SlashOrder::MonthFirst);
        assert_eq!(SlashOrder::for_lang(None), SlashOrder::MonthFirst);
        assert_eq!(es, SlashOrder::DayFirst);
        let day = |text, order| date_in_text(text, order).map(|d| d.format("%F").to_string());
        assert_eq!(day("3/5/2022", us).as_deref(), Some("2022-03-05"));
        assert_eq!(day("3/5/2022", es).as_deref(), Some("2022-05-03"));
        // A part above 12 settles it whatever the language.
        assert_eq!(day("25/5/2022", us).as_deref(), Some("2022-05-25"));
        assert_eq!(day("5/25/2022", es).as_deref(), Some("2022-05-25"));
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_in_url("https://example.org/news/2017/03/19/rain-expected"),
            NaiveDate::from_ymd_opt(2017, 3, 19)
        );
        assert_eq!(date_in_url("https://example.org/2017/rain"), None);
    }

    #[test]
    fn dates_written_with_units_as_in_chinese_japanese_and_korean() {
        let day = |text| date_in_text(text, SlashOrder::MonthFirst).map(|d| d.to_string());
        assert_eq!(
            day("2005年07月03日 10:25　来源：新华网").as_deref(),
            Some("2005-07-03")
        );
        assert_eq!(
            day("記者：山田太郎　2012年10月5日 発行").as_deref(),
            Some("2012-10-05")
        );
        assert_eq!(day("2012년 10월 5일").as_deref(), Some("2012-10-05"));
        assert_eq!(day("2012年13月5日"), None);
        assert_eq!(day("2012年10月"), None);
    }
}
