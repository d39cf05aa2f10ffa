//! Cleaning plain-text dumps of whole pages: every menu entry, share line and comment form
//! flattened into lines, with the article somewhere in the middle.
//!
//! The article is the span from the first to the last line of prose; inside it, runs of short
//! label-like lines (menus, link lists), social lines and bare counters are dropped, and the
//! span ends where a comment section begins. The title is the longest heading-like line
//! before the article starts.

use crate::text::{collapse_whitespace, count_words};
use crate::vocab::{
    COMMENT_SECTION_MARKERS, SENTENCE_END_CHARS, SOCIAL_LINE_PHRASES, TEXT_SHORT_LINE_WORDS,
};

/// A line with at least this many words is prose even without final punctuation.
const PROSE_MIN_WORDS: usize = 16;

/// A line with at least this many words that ends a sentence is prose.
const PROSE_MIN_WORDS_WITH_PUNCTUATION: usize = 6;

/// This many short lines in a row are a menu or link list, not headings.
const SHORT_LINE_RUN: usize = 3;

/// Fewest words of a line taken as the title.
const TITLE_MIN_WORDS: usize = 3;

/// Most words of a line taken as the title.
const TITLE_MAX_WORDS: usize = 30;

/// The article found in a text dump, with the title when one was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanedText {
    /// The article text, paragraphs separated by a blank line.
    pub text: String,
    /// The headline, when a heading-like line precedes the article.
    pub title: Option<String>,
}

/// Cleans a plain-text page dump.
///
/// ```
/// let dump = "Home\nNews\nSport\nContact\n\nBig storm hits the coast\n\n\
///             A big storm hit the coast on Monday, and thousands of homes lost power overnight.\n\n\
///             Crews expect to restore electricity to most homes by Wednesday evening.\n\n\
///             Leave a Reply\nYour email address will not be published.";
/// let cleaned = dechaff::plaintext::clean(dump);
/// assert_eq!(cleaned.title.as_deref(), Some("Big storm hits the coast"));
/// assert!(cleaned.text.starts_with("A big storm"));
/// assert!(cleaned.text.ends_with("Wednesday evening."));
/// ```
pub fn clean(dump: &str) -> CleanedText {
    let lines: Vec<String> = dump
        .lines()
        .map(collapse_whitespace)
        .filter(|line| !line.is_empty())
        .collect();
    let Some(first_prose) = lines.iter().position(|line| is_prose(line)) else {
        return CleanedText::default();
    };
    let end = lines[first_prose..]
        .iter()
        .position(|line| is_comment_marker(line))
        .map_or(lines.len(), |offset| first_prose + offset);
    let last_prose = lines[..end]
        .iter()
        .rposition(|line| is_prose(line))
        .unwrap_or(first_prose);
    let span = &lines[first_prose..=last_prose];
    let short: Vec<bool> = span.iter().map(|line| is_short_label(line)).collect();
    let mut paragraphs: Vec<&str> = Vec::new();
    for (index, line) in span.iter().enumerate() {
        if is_social(line) || is_counter(line) || (short[index] && in_short_run(&short, index)) {
            continue;
        }
        paragraphs.push(line);
    }
    let title = lines[..first_prose]
        .iter()
        .filter(|line| {
            let words = count_words(line);
            (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&words) && !is_social(line)
        })
        .max_by_key(|line| line.chars().count())
        .cloned();
    CleanedText {
        text: paragraphs.join("\n\n"),
        title,
    }
}

fn ends_sentence(line: &str) -> bool {
    line.chars()
        .last()
        .is_some_and(|c| SENTENCE_END_CHARS.contains(&c))
}

fn is_prose(line: &str) -> bool {
    let words = count_words(line);
    words >= PROSE_MIN_WORDS || (words >= PROSE_MIN_WORDS_WITH_PUNCTUATION && ends_sentence(line))
}

fn is_short_label(line: &str) -> bool {
    count_words(line) < TEXT_SHORT_LINE_WORDS && !ends_sentence(line)
}

/// Whether the short line at `index` belongs to a run of [`SHORT_LINE_RUN`] or more.
fn in_short_run(short: &[bool], index: usize) -> bool {
    let start = (0..=index)
        .rev()
        .take_while(|&i| short[i])
        .last()
        .unwrap_or(index);
    let end = (index..short.len())
        .take_while(|&i| short[i])
        .last()
        .unwrap_or(index);
    end + 1 - start >= SHORT_LINE_RUN
}

fn is_social(line: &str) -> bool {
    let lower = line.to_lowercase();
    count_words(line) <= TEXT_SHORT_LINE_WORDS * 2
        && SOCIAL_LINE_PHRASES
            .iter()
            .any(|phrase| lower.starts_with(phrase))
}

fn is_comment_marker(line: &str) -> bool {
    let lower = line.to_lowercase();
    // A phrase marker opens the line; a one-word marker ("Comments (3)") must be the whole
    // line but for counts and punctuation, so that prose starting with the word survives.
    COMMENT_SECTION_MARKERS
        .iter()
        .any(|marker| match lower.strip_prefix(marker) {
            Some(rest) if marker.contains(' ') => !rest.starts_with(char::is_alphanumeric),
            Some(rest) => !rest.chars().any(char::is_alphabetic),
            None => false,
        })
}

/// Lines of nothing but numbers and punctuation: counters, pagination, stray figures.
fn is_counter(line: &str) -> bool {
    !line.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "This is a sentence of prose that is long enough to count as article text.";

    #[test]
    fn menu_runs_inside_the_article_are_dropped_but_lone_headings_stay() {
        let dump = format!("{PROSE}\nOne\nTwo\nThree\n{PROSE} Again.\nA Heading\n{PROSE} End.");
        let text = clean(&dump).text;
        assert!(!text.contains("Two"));
        assert!(text.contains("A Heading"));
    }

    #[test]
    fn comment_section_ends_the_article_in_german_too() {
        let dump = format!("{PROSE}\nKommentare\n{PROSE} Kommentar von Leser.");
        assert_eq!(clean(&dump).text, PROSE);
    }

    #[test]
    fn counters_and_share_lines_go() {
        let dump = format!("{PROSE}\n800 1\nShare this:\n{PROSE} Two.");
        assert_eq!(clean(&dump).text, format!("{PROSE}\n\n{PROSE} Two."));
    }

    #[test]
    fn no_prose_means_no_text() {
        assert_eq!(clean("Home\nAbout\nContact"), CleanedText::default());
    }
}
