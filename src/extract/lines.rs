//! What short lines of text read as: notices, prompts, credits, date stamps, counters.
//!
//! The pruning asks these of leaf blocks; they read only the text.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::vocab::{
    BOILERPLATE_LINE_PHRASES, BOILERPLATE_LINE_PREFIXES, BOILERPLATE_PHRASE_MAX_WORDS,
    CJK_DATELINE_LABELS, CJK_DATE_SUFFIXES, CREDIT_PHRASES, DATE_STAMP_LABELS,
    DATE_STAMP_MAX_WORDS, DATE_STAMP_SUFFIXES, LOADING_PLACEHOLDER_MAX_WORDS,
    LOADING_PLACEHOLDER_WORDS, MONTH_NAMES, PAGE_CONTROL_LABELS, PROMPT_PHRASES,
    REACTION_COUNT_UNITS, SITE_NOTICE_PHRASES,
};

/// Compiles a phrase table for matching anywhere in a lowercased text in one pass.
fn phrase_matcher(phrases: &[&str]) -> AhoCorasick {
    // The tables are short literal lists; building them cannot fail.
    AhoCorasick::new(phrases).expect("phrase tables compile")
}

static PROMPTS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(PROMPT_PHRASES));
static SITE_NOTICES: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(SITE_NOTICE_PHRASES));
static CREDITS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(CREDIT_PHRASES));
static LINE_PHRASES: LazyLock<AhoCorasick> =
    LazyLock::new(|| phrase_matcher(BOILERPLATE_LINE_PHRASES));

/// Whether a block of text is a notice the site shows about itself: a cookie banner, a
/// scripting warning or a form plugin's helper line (see [`SITE_NOTICE_PHRASES`]).
pub(super) fn is_site_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    SITE_NOTICES.is_match(&lower)
}

/// Whether a block of text is a subscribe, app or donation prompt (see [`PROMPT_PHRASES`]).
pub(super) fn is_prompt(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROMPTS.is_match(&lower)
}

/// Whether a short line of text is a boilerplate line.
pub(super) fn is_boilerplate_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    BOILERPLATE_LINE_PREFIXES
        .iter()
        .any(|prefix| lower.starts_with(prefix))
        || CREDITS.is_match(&lower)
        || is_date_stamp(&lower)
        || (crate::text::count_words(&lower) <= BOILERPLATE_PHRASE_MAX_WORDS
            && LINE_PHRASES.is_match(&lower))
        || is_cjk_dateline(text)
}

/// Whether a short line is the metadata line under a Chinese or Japanese headline: a date
/// with a label such as "来源：" or "作者：" ([`CJK_DATELINE_LABELS`]) or a word such as
/// "発行" after it ([`CJK_DATE_SUFFIXES`]).
fn is_cjk_dateline(text: &str) -> bool {
    if !text.chars().any(crate::text::is_written_without_spaces) {
        return false;
    }
    let labelled = CJK_DATELINE_LABELS.iter().any(|label| {
        text.match_indices(label)
            .any(|(at, _)| text[at + label.len()..].starts_with(['：', ':']))
    });
    let suffixed = || {
        CJK_DATE_SUFFIXES
            .iter()
            .any(|suffix| text.trim_end().ends_with(suffix))
    };
    (labelled || suffixed())
        && crate::metadata::dates::date_in_text(
            text,
            crate::metadata::dates::SlashOrder::MonthFirst,
        )
        .is_some()
}

/// Whether a lowercased line is only a reaction counter: a number ("7", "1,693", "1.2k") and a
/// unit of [`REACTION_COUNT_UNITS`].
pub(super) fn is_reaction_count(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(count), Some(unit), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let count = count.strip_suffix('k').unwrap_or(count);
    count.starts_with(|c: char| c.is_ascii_digit())
        && count
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && REACTION_COUNT_UNITS.contains(&unit)
}

/// Whether a lowercased line is a script's loading placeholder ("loading...", "loading
/// questions…"; see [`LOADING_PLACEHOLDER_WORDS`]).
pub(super) fn is_loading_placeholder(lower: &str) -> bool {
    let line = lower.trim();
    let Some(word) = LOADING_PLACEHOLDER_WORDS
        .iter()
        .find(|word| line.starts_with(*word))
    else {
        return false;
    };
    let bare = line.trim_end_matches(['.', '…', ' ']);
    let ellipsis = line.ends_with("...") || line.ends_with('…');
    (bare == *word || ellipsis) && crate::text::count_words(line) <= LOADING_PLACEHOLDER_MAX_WORDS
}

/// Whether a lowercased line is only the label of a page control ("Drucken", "Show all »",
/// "← Back"; see [`PAGE_CONTROL_LABELS`]).
pub(super) fn is_page_control(lower: &str) -> bool {
    let label = lower.trim_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '»' | '«' | '›' | '‹' | '→' | '←' | '↑' | '…')
    });
    PAGE_CONTROL_LABELS.contains(&label)
}

/// Whether a lowercased line is only a post number ("#12").
pub(super) fn is_post_number(lower: &str) -> bool {
    lower
        .strip_prefix('#')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a lowercased line is only a date written with a month name ("december 19, 2025",
/// "updated on 23 oct 2025", "published: feb 6, 2024 · 4:30 pm et"): every word is a month
/// name, a number (a day with its ordinal ending, a year, a time) or a label of
/// [`DATE_STAMP_LABELS`], with exactly one month and one four-digit year.
pub(super) fn is_named_date_stamp(lower: &str) -> bool {
    let mut months = 0;
    let mut years = 0;
    let mut words = 0;
    for word in lower
        .split(|c: char| c.is_whitespace() || ",.:;|•·-–—/()".contains(c))
        .filter(|word| !word.is_empty())
    {
        words += 1;
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let ending = &word[digits..];
            if !matches!(ending, "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h") {
                return false;
            }
            if digits == 4 && ending.is_empty() {
                years += 1;
            } else if digits > 2 {
                return false;
            }
        } else if MONTH_NAMES.iter().any(|(month, _)| *month == word) {
            months += 1;
        } else if !DATE_STAMP_LABELS.contains(&word) && !DATE_STAMP_SUFFIXES.contains(&word) {
            return false;
        }
    }
    months == 1 && years == 1 && words <= DATE_STAMP_MAX_WORDS
}

/// Whether a lowercased line is only a numeric date ("23.10.2018", "2023-11-03", "04/21/2022"),
/// perhaps followed by a time and a word of [`DATE_STAMP_SUFFIXES`] ("19.10.19, 08:16 Uhr").
pub(super) fn is_date_stamp(lower: &str) -> bool {
    let mut rest = lower.trim();
    if let Some(stripped) = DATE_STAMP_SUFFIXES
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
        .filter(|stripped| stripped.ends_with(|c: char| c.is_ascii_digit() || c == ' '))
    {
        rest = stripped.trim_end();
    }
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || ".-/:, ".contains(c))
    {
        return false;
    }
    let groups: Vec<&str> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|group| !group.is_empty())
        .collect();
    let (Some(first), Some(second), Some(third)) = (groups.first(), groups.get(1), groups.get(2))
    else {
        return false;
    };
    let (first, second, third) = (first.len(), second.len(), third.len());
    let day_first = first <= 2 && second <= 2 && (third == 2 || third == 4);
    let year_first = first == 4 && second <= 2 && third <= 2;
    (day_first || year_first) && groups.len() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_label_alone_is_a_page_control_and_a_sentence_is_not() {
        for label in [
            "drucken",
            "show all »",
            "← zurück zur übersicht",
            "read more…",
            "[print]",
        ] {
            assert!(is_page_control(label), "{label}");
        }
        for line in [
            "print the form and bring it along.",
            "save the date: 12 may",
            "back in 1842 the arches were new",
            "zurück",
        ] {
            assert_eq!(is_page_control(line), line == "zurück", "{line}");
        }
    }

    #[test]
    fn chinese_and_japanese_datelines_are_boilerplate_lines() {
        assert!(is_boilerplate_line(
            "2005年07月03日 10:25　来源：新华网　作者：张伟"
        ));
        assert!(is_boilerplate_line("記者：山田太郎　2012年10月5日 発行"));
        // A sentence with a date and no label is article text.
        assert!(!is_boilerplate_line(
            "该工程自2005年07月03日开工以来，累计投资约十二亿元。"
        ));
    }

    #[test]
    fn loading_placeholders_are_the_word_alone_or_an_ellipsis() {
        for line in [
            "loading",
            "loading...",
            "loading questions…",
            "chargement …",
        ] {
            assert!(is_loading_placeholder(line), "{line}");
        }
        for line in [
            "loading dock",
            "loading the van took the whole morning.",
            "loading times of the new console are short...",
        ] {
            assert!(!is_loading_placeholder(line), "{line}");
        }
    }
}
