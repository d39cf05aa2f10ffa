//! Cleaning plain-text dumps of whole pages: every menu entry, share line and comment form
//! flattened into lines, with the article somewhere in the middle.
//!
//! Each line is scored by a small learned model ([`model`], a gradient-boosted tree ensemble
//! trained by `scripts/train_text_model.py`) over generic features of the line and its
//! neighbours ([`features`]): length, punctuation, capitalisation, place in the dump and in
//! its block, the prose around it, and matches against multilingual tables of boilerplate
//! kinds. Lines the model keeps are the article, and then rules that hold on any page apply:
//! share and follow lines, comment-form notices, teaser links, ad slots and bare counters
//! never stay; a comment section (a comment-form marker once the article has been seen) ends
//! the text; the headline becomes the `title` and its repeats leave the text; a date and a
//! byline near the top become `date` and `author`.

pub mod features;
pub mod lines;
pub mod model;
pub mod rows;
mod scorer;
mod substring;

use crate::metadata::dates::{date_in_text, SlashOrder};
use crate::text::name_key;
use crate::vocab::{
    TEXT_AUTHOR_BIO_MIN_WORDS, TEXT_AUTHOR_BIO_NAME_WITHIN_WORDS, TEXT_AUTHOR_BOX_MAX_WORDS,
    TEXT_AUTHOR_BOX_NAME_JOINERS, TEXT_AUTHOR_BOX_PHRASES, TEXT_BYLINE_PREFIXES,
    TEXT_COMMENT_CUT_MIN_SHARE, TEXT_COUNTER_MAX_NUMBERS, TEXT_DATELINE_MAX_WORDS,
    TEXT_FIGURE_SIGNS, TEXT_METADATA_LINES_AFTER, TEXT_METADATA_LINES_BEFORE,
    TEXT_METADATA_MAX_WORDS, TEXT_PICTURE_CREDIT_LABELS, TEXT_PICTURE_CREDIT_MAX_WORDS,
    TEXT_SECTION_HEADINGS, TEXT_TITLE_MAX_WORDS, TEXT_TITLE_MIN_WORDS, TEXT_TITLE_SEPARATORS,
};
use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use features::{is_prose_shape, unpack_kinds, word_iter, words, KindBits};
use lines::{Lines, PROSE};
use model::FLOOR;
use scorer::probability;
use std::sync::LazyLock;

/// Whether `dump` has more than `limit` lines (`\n`-separated; a last line without `\n`
/// counts, blank lines count). Stops counting as soon as the answer is known.
///
/// ```
/// use dechaff::plaintext::line_count_exceeds;
/// assert!(!line_count_exceeds("one\ntwo\n", 2));
/// assert!(line_count_exceeds("one\ntwo\nthree", 2));
/// ```
pub fn line_count_exceeds(dump: &str, limit: usize) -> bool {
    let mut lines = 0usize;
    let mut rest = dump.as_bytes();
    while !rest.is_empty() {
        lines += 1;
        if lines > limit {
            return true;
        }
        rest = match rest.iter().position(|&b| b == b'\n') {
            Some(end) => &rest[end + 1..],
            None => &[],
        };
    }
    false
}

/// The article found in a text dump, with the metadata seen around it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanedText {
    /// The article text, paragraphs separated by a blank line.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The author named in a byline near the top.
    pub author: Option<String>,
    /// The date written near the top.
    pub date: Option<NaiveDate>,
}

/// Cleans a plain-text page dump.
///
/// Time and memory are linear in the dump: beyond the dump's collapsed and lowercased
/// copies, each line costs a few tens of bytes (see [`crate::limits::DEFAULT_MAX_TEXT_LINES`]).
///
/// ```
/// let dump = "Big storm hits the coast | Daily News\n\nHome\nNews\nSport\nContact\n\n\
///             Big storm hits the coast\n\n\
///             A big storm hit the coast on Monday, and thousands of homes lost power overnight.\n\n\
///             Crews expect to restore electricity to most homes by Wednesday evening.\n\n\
///             Leave a Reply\nYour email address will not be published.";
/// let cleaned = dechaff::plaintext::clean(dump);
/// assert_eq!(cleaned.title.as_deref(), Some("Big storm hits the coast"));
/// assert!(cleaned.text.starts_with("A big storm"));
/// assert!(cleaned.text.ends_with("Wednesday evening."));
/// ```
pub fn clean(dump: &str) -> CleanedText {
    let lines = Lines::new(dump);
    if lines.is_empty() {
        return CleanedText::default();
    }
    let (mut keep, kinds) = {
        let mut probabilities = Vec::with_capacity(lines.len());
        let mut kinds: Vec<KindBits> = Vec::with_capacity(lines.len());
        rows::for_each_row(&lines, |row, line_kinds| {
            probabilities.push(probability(row));
            kinds.push(line_kinds);
        });
        (best_f1_lines(lines.word_counts(), &probabilities), kinds)
    };
    apply_rules(&lines, &kinds, &mut keep);
    let headline = headline(&lines, &kinds);
    let first_kept = keep.iter().position(|&k| k).unwrap_or(lines.len());
    let title = headline
        .and_then(|i| lines.nth(i))
        .map(|line| line.text.to_string())
        .or_else(|| fallback_title(&lines, &kinds, first_kept));
    let (byline_author, date) = top_metadata(&lines, headline, first_kept);
    let author_box = lines
        .iter()
        .filter(|line| is_author_box_line(line.lower, line.words))
        .find_map(|line| author_box_name(line.text));
    drop_author_bios(&lines, &mut keep, [&byline_author, &author_box]);
    let author = byline_author.or(author_box);
    // the lines read into `author` and `date` are metadata, not text, when that is all they hold
    let scan_end = first_kept + TEXT_METADATA_LINES_AFTER;
    for (line, kept) in lines.iter().zip(keep.iter_mut()).take(scan_end) {
        if line.words <= TEXT_DATELINE_MAX_WORDS
            && ((date.is_some() && date_in_text(line.text, SlashOrder::MonthFirst) == date)
                || (author.is_some() && byline(line.text) == author))
        {
            *kept = false;
        }
    }
    let folded_title = title.as_deref().map(fold);
    let mut text = String::new();
    let mut paragraphs = 0;
    for (line, _) in lines.iter().zip(&keep).filter(|(_, &kept)| kept) {
        // a collapsed line lowercased is already folded (see `fold`)
        let paragraph = match (title.as_deref(), folded_title.as_deref()) {
            (Some(_), Some(folded)) if line.lower == folded => continue,
            // a title glued to the first sentence: "Big storm hits the coast A big storm …"
            (Some(title), _) if paragraphs == 0 => {
                strip_title_prefix(line.text, title).unwrap_or(line.text)
            }
            _ => line.text,
        };
        if paragraphs > 0 {
            text.push_str("\n\n");
        }
        text.push_str(paragraph);
        paragraphs += 1;
    }
    CleanedText {
        text,
        title,
        author,
        date,
    }
}

/// The lines that maximise the expected word F1 when each line is article text with its
/// probability: lines by falling probability, cut where 2·Σp·w / (Σw + Σall p·w) peaks (w
/// being a line's words), never keeping a line below [`FLOOR`]. A page of confident lines
/// keeps just those; a page of doubtful ones keeps more, as recall then weighs more.
fn best_f1_lines(words: &[u32], probabilities: &[f64]) -> Vec<bool> {
    let count = |k: usize| f64::from(words[k]);
    let mut order: Vec<usize> = (0..probabilities.len()).collect();
    // ties go to the earlier line, so every sort gives this one order
    order.sort_unstable_by(|&a, &b| {
        probabilities[b]
            .total_cmp(&probabilities[a])
            .then(a.cmp(&b))
    });
    let expected: f64 = probabilities
        .iter()
        .zip(words)
        .map(|(p, &w)| p * f64::from(w))
        .sum();
    let (mut best, mut cut, mut mass, mut kept_words) = (-1.0, 0, 0.0, 0.0);
    for (rank, &k) in order.iter().enumerate() {
        mass += probabilities[k] * count(k);
        kept_words += count(k);
        let f1 = 2.0 * mass / (kept_words + expected + 1e-9);
        if f1 > best {
            best = f1;
            cut = rank + 1;
        }
    }
    let mut keep = vec![false; probabilities.len()];
    for &k in &order[..cut] {
        keep[k] = probabilities[k] > FLOOR;
    }
    keep
}

/// Rules that hold on any page, over the model's choice: lines of the kinds that are never
/// article text go, and a comment section ends the article.
fn apply_rules(lines: &Lines, kinds: &[KindBits], keep: &mut [bool]) {
    let mut article_seen = false;
    let mut in_comments = false;
    let mut in_headline_list = false;
    let kept_total: usize = lines
        .iter()
        .zip(keep.iter())
        .filter(|(_, &kept)| kept)
        .map(|(line, _)| line.words)
        .sum();
    // words of the lines the model kept above the line (a line's own verdict changes only
    // once the line has been read)
    let mut kept_before = 0;
    for ((i, line), &line_kinds) in lines.iter().enumerate().zip(kinds) {
        let seen = kept_before;
        if keep[i] {
            kept_before += line.words;
        }
        let [comment_marker, furniture, social, _, _, form, teaser, ad] = unpack_kinds(line_kinds);
        let lower = line.lower;
        let prose = line.has(PROSE);
        // a comment form's opener ("Leave a Reply", "Your email address will not be
        // published"; not a bare "Comments" heading, which on a forum opens the posts), once
        // most of the article has been seen: on a forum or a page of replies, the first
        // post's reply box comes early and most of the text after it
        let seen_share = seen as f64 / kept_total.max(1) as f64;
        let opener = (comment_marker && lower.contains(' ')) || form;
        if article_seen && opener && seen_share >= TEXT_COMMENT_CUT_MIN_SHARE {
            in_comments = true;
        }
        // a list of other pages' headlines after the article: its heading and the short lines
        // under it, up to the next line of prose
        if article_seen && (furniture || is_section_heading(lower)) {
            in_headline_list = true;
        } else if prose {
            in_headline_list = false;
        }
        let counter = is_counter(line.text, line.words);
        let caption = ends_with_picture_credit(line.text);
        let author_box = is_author_box_line(lower, line.words);
        if in_comments
            || in_headline_list
            || social
            || form
            || teaser
            || ad
            || counter
            || comment_marker
            || author_box
            || caption
        {
            keep[i] = false;
        }
        if keep[i] && prose {
            article_seen = true;
        }
    }
}

/// A heading of a list of other pages' headlines ("Recent News", "Últimas noticias").
fn is_section_heading(lower: &str) -> bool {
    let stripped = lower.trim_end_matches([':', ' ', '»', '›', '→']);
    TEXT_SECTION_HEADINGS.contains(&stripped)
}

/// A stray counter ("800 1", "12"): a few bare numbers, no letters and no currency or
/// unit signs, which mark prices and figures. `words` counts the line's `\w+` tokens.
fn is_counter(line: &str, words: usize) -> bool {
    words <= TEXT_COUNTER_MAX_NUMBERS
        && !line
            .chars()
            .any(|c| c.is_alphabetic() || TEXT_FIGURE_SIGNS.contains(&c))
}

/// A caption line that ends in a picture credit: "… on the ridge. Photo: Jane Doe",
/// "(Photo credit: Agency)", "Bild: dpa". The label before the last colon is one of
/// [`TEXT_PICTURE_CREDIT_LABELS`], capitalised or opening a bracket; the credit after it is a
/// few words with a capital letter and no sentence end, so "image: busybox" in a listing of
/// code does not count.
fn ends_with_picture_credit(line: &str) -> bool {
    let Some((before, credit)) = line.rsplit_once(':') else {
        return false;
    };
    let credit = credit.trim().trim_end_matches([')', ']', ' ']);
    let credit_words = credit.split_whitespace().count();
    if !(1..=TEXT_PICTURE_CREDIT_MAX_WORDS).contains(&credit_words)
        || !credit.chars().any(char::is_uppercase)
        || credit.ends_with(['.', '!', '?'])
    {
        return false;
    }
    let label_words: Vec<&str> = before.split_whitespace().collect();
    (1..=label_words.len().min(3)).any(|n| {
        let label = &label_words[label_words.len() - n..];
        let first = label[0];
        let bracketed = first.starts_with(['(', '[']);
        let first = first.trim_start_matches(['(', '[']);
        let text = std::iter::once(first)
            .chain(label[1..].iter().copied())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        TEXT_PICTURE_CREDIT_LABELS.contains(&text.as_str())
            && (bracketed || first.chars().next().is_some_and(char::is_uppercase))
    })
}

/// An avatar or author-box line: a short line holding one of [`TEXT_AUTHOR_BOX_PHRASES`],
/// given lowercased with its `\w+` tokens counted.
fn is_author_box_line(lower: &str, words: usize) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        // A short literal list; building it cannot fail.
        AhoCorasick::new(TEXT_AUTHOR_BOX_PHRASES).expect("phrase tables compile")
    });
    words <= TEXT_AUTHOR_BOX_MAX_WORDS && PHRASES.is_match(lower)
}

/// The name an avatar or author-box line introduces: "Avatar of Jane Doe", "View all posts
/// by Jane Doe →", "Jane Doe avatar". Without a joining word ("of", "by", "von" …) the name
/// must be capitalised, so "Avatar photo" names nobody.
fn author_box_name(line: &str) -> Option<String> {
    if !is_author_box_line(&line.to_lowercase(), word_iter(line).count()) {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let (start, end) = TEXT_AUTHOR_BOX_PHRASES.iter().find_map(|phrase| {
        let phrase: Vec<&str> = phrase.split_whitespace().collect();
        lower
            .windows(phrase.len())
            .position(|window| window.iter().zip(&phrase).all(|(a, b)| a == b))
            .map(|i| (i, i + phrase.len()))
    })?;
    let is_joiner = |word: &str| TEXT_AUTHOR_BOX_NAME_JOINERS.contains(&word);
    let mut joined = lower[..end].last().is_some_and(|w| is_joiner(w));
    let mut rest = end;
    while rest < tokens.len() && is_joiner(&lower[rest]) {
        joined = true;
        rest += 1;
    }
    let name_words: Vec<&str> = if rest < tokens.len() {
        tokens[rest..]
            .iter()
            .copied()
            .take_while(|w| w.chars().any(char::is_alphanumeric))
            .collect()
    } else {
        tokens[..start].to_vec()
    };
    let capitalised = name_words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    ((1..=4).contains(&name_words.len()) && (joined || capitalised)).then(|| name_words.join(" "))
}

/// Drops the author's bio: a kept paragraph of prose whose first words name the page's
/// author ("Jane Doe is a reporter covering …", "The CTN News team comprises …"). It
/// describes the writer, not the article, wherever the author box puts it.
fn drop_author_bios(lines: &Lines, keep: &mut [bool], authors: [&Option<String>; 2]) {
    let names: Vec<String> = authors
        .iter()
        .filter_map(|a| a.as_deref())
        .map(name_key)
        .filter(|name| name.chars().count() >= 4)
        .collect();
    if names.is_empty() {
        return;
    }
    for (line, kept) in lines.iter().zip(keep.iter_mut()) {
        if !*kept || line.words < TEXT_AUTHOR_BIO_MIN_WORDS {
            continue;
        }
        let opening = name_key(
            &line
                .text
                .split_whitespace()
                .take(TEXT_AUTHOR_BIO_NAME_WITHIN_WORDS)
                .collect::<Vec<_>>()
                .join(" "),
        );
        if names.iter().any(|name| opening.contains(name.as_str())) {
            *kept = false;
        }
    }
}

/// A text lowercased with its whitespace collapsed, for comparing texts. A line as split
/// ([`lines::Line::lower`]) is already folded: it has single spaces only, and lowercasing gives no
/// character whitespace that it did not have.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of a page title split at its separators ("Headline | Site").
fn title_parts(title: &str) -> Vec<&str> {
    TEXT_TITLE_SEPARATORS
        .iter()
        .find(|sep| title.contains(*sep))
        .map_or_else(
            || vec![title.trim()],
            |sep| {
                title
                    .split(sep)
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect()
            },
        )
}

/// The longest part of the page title on the dump's first line, when it has words.
fn longest_title_part(first: &str) -> Option<String> {
    title_parts(first)
        .into_iter()
        .max_by_key(|p| p.chars().count())
        .filter(|p| !words(p).is_empty())
        .map(str::to_string)
}

/// The longest part of the page title when no line repeats it: only when the dump has more
/// than that line and the line is short enough to be a title.
/// When that line is page furniture (a dump that starts "Connect with us"), the title is the
/// longest heading-like line before the article.
fn fallback_title(lines: &Lines, kinds: &[KindBits], first_kept: usize) -> Option<String> {
    let first = lines.iter().next()?;
    if lines.len() < 2 {
        return None;
    }
    if !is_furniture_line(kinds[0]) {
        return longest_title_part(first.text)
            .filter(|t| word_iter(t).count() <= TEXT_TITLE_MAX_WORDS);
    }
    lines
        .iter()
        .zip(kinds)
        .take(first_kept.max(1))
        .skip(1)
        .filter(|&(line, &line_kinds)| {
            (TEXT_TITLE_MIN_WORDS..=TEXT_TITLE_MAX_WORDS).contains(&line.words)
                && !is_furniture_line(line_kinds)
        })
        .max_by_key(|(line, _)| line.text.chars().count())
        .map(|(line, _)| line.text.to_string())
}

/// A line of one of the boilerplate kinds (share, comment, form, teaser, ad, furniture
/// heading …), never a title.
fn is_furniture_line(kinds: KindBits) -> bool {
    kinds != 0
}

/// The line that repeats the page title on the dump's first line as a headline: the first
/// later line equal to the title or its longest part, else the first sharing at least half
/// of its words with both.
fn headline(lines: &Lines, kinds: &[KindBits]) -> Option<usize> {
    let first = lines
        .iter()
        .next()
        .filter(|_| !kinds.first().is_some_and(|&k| is_furniture_line(k)))?;
    // lines as split are folded already (see `fold`)
    let whole = first.lower;
    let longest = fold(&longest_title_part(first.text)?);
    let first_words: std::collections::HashSet<&str> = word_iter(whole).collect();
    let longest_words = word_iter(&longest).count();
    let mut similar = None;
    for (i, line) in lines.iter().enumerate().skip(1) {
        let folded = line.lower;
        if folded == whole || folded == longest {
            return Some(i);
        }
        if similar.is_none() && line.text.chars().count() <= 300 {
            let line_words: std::collections::HashSet<&str> = word_iter(folded).collect();
            let shared = line_words
                .iter()
                .filter(|w| first_words.contains(**w))
                .count();
            if line_words.len() >= 2
                && shared * 2 >= line_words.len()
                && shared * 2 >= longest_words
            {
                similar = Some(i);
            }
        }
    }
    similar
}

/// The rest of a line that starts with the title followed by a sentence, if it does.
fn strip_title_prefix<'a>(line: &'a str, title: &str) -> Option<&'a str> {
    let prefix = line.get(..title.len())?;
    let rest = line[title.len()..].trim_start();
    (prefix.to_lowercase() == title.to_lowercase()
        && line[title.len()..].starts_with(' ')
        && is_prose_shape(rest))
    .then_some(rest)
}

/// A byline and a date on short lines around the headline and the start of the article.
fn top_metadata(
    lines: &Lines,
    headline: Option<usize>,
    first_kept: usize,
) -> (Option<String>, Option<NaiveDate>) {
    let anchor = headline.unwrap_or(first_kept).min(first_kept);
    let start = anchor.saturating_sub(TEXT_METADATA_LINES_BEFORE).max(1);
    let end = (first_kept + TEXT_METADATA_LINES_AFTER).min(lines.len());
    let mut author = None;
    let mut date = None;
    for line in lines.iter().take(end).skip(start) {
        if line.words > TEXT_METADATA_MAX_WORDS {
            continue;
        }
        if date.is_none() {
            date = date_in_text(line.text, SlashOrder::MonthFirst);
        }
        if author.is_none() {
            author = byline(line.text);
        }
    }
    (author, date)
}

/// The name in a byline ("By Jane Doe", "Von Max Muster", "Par Jean Dupont | 3 mars 2024").
fn byline(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let prefix = TEXT_BYLINE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))?;
    let rest = line.get(prefix.len()..)?;
    let name: Vec<&str> = rest
        .split(['|', ',', '•', '·', '-', '–', '—', '/'])
        .next()?
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (1..=4).contains(&name.len()).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::DEFAULT_MAX_TEXT_LINES;

    const PROSE: &str = "This is a sentence of prose that is long enough to count as article text.";

    #[test]
    fn share_lines_counters_and_comment_forms_go() {
        let dump = format!(
            "Page\n\n{PROSE}\n\n800 1\n\nShare this:\n\n{PROSE} Two.\n\nLeave a Reply\n\n{PROSE} Three."
        );
        assert_eq!(clean(&dump).text, format!("{PROSE}\n\n{PROSE} Two."));
    }

    #[test]
    fn no_lines_means_no_text() {
        assert_eq!(clean(" \n\n "), CleanedText::default());
    }

    #[test]
    fn line_counts_past_a_limit() {
        assert!(!line_count_exceeds("", 0));
        assert!(line_count_exceeds("x", 0));
        assert!(!line_count_exceeds("x", 1));
        assert!(!line_count_exceeds("a\nb\n", 2));
        assert!(line_count_exceeds("a\nb\nc", 2));
        // blank lines count: they are what a padded dump is made of
        assert!(line_count_exceeds("\n\n\n", 2));
        let at_limit = "x\n".repeat(DEFAULT_MAX_TEXT_LINES);
        assert!(!line_count_exceeds(&at_limit, DEFAULT_MAX_TEXT_LINES));
        assert!(line_count_exceeds(
            &format!("{at_limit}x"),
            DEFAULT_MAX_TEXT_LINES
        ));
    }

    #[test]
    fn a_dump_past_the_line_limit_still_cleans() {
        let dump = format!("Page\n{}\n{PROSE}\n", "x\n".repeat(DEFAULT_MAX_TEXT_LINES));
        assert!(line_count_exceeds(&dump, DEFAULT_MAX_TEXT_LINES));
        let cleaned = clean(&dump);
        // What of a page of 200,000 lone "x" lines counts as text is the line scorer's call;
        // the cleaner reads every line and keeps only lines of the dump.
        assert!(cleaned
            .text
            .split("\n\n")
            .all(|line| line == "x" || line == PROSE || line == "Page"));
        assert!(cleaned.title.is_none() || cleaned.title.as_deref() == Some("Page"));
    }

    #[test]
    fn lowercasing_never_makes_whitespace() {
        // why a collapsed line lowercased is its own `fold`
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if !c.is_whitespace() {
                assert!(!c.to_lowercase().any(char::is_whitespace), "{c:?}");
            }
        }
        let line = "Ünïcode  ΣΟΦΙΑ\u{a0}İstanbul";
        let collapsed = crate::text::collapse_whitespace(line);
        assert_eq!(collapsed.to_lowercase(), fold(line));
    }

    #[test]
    fn headline_repeating_the_page_title_is_the_title() {
        let lines = Lines::from_collapsed(
            &["Storm hits coast | News", "Home", "Storm hits coast", PROSE],
            &[0, 1, 1, 1],
        );
        let kinds: Vec<KindBits> = lines
            .iter()
            .map(|line| features::pack_kinds(features::line_kinds(line.text)))
            .collect();
        assert_eq!(headline(&lines, &kinds), Some(2));
        assert_eq!(
            longest_title_part("Storm hits coast | News").as_deref(),
            Some("Storm hits coast")
        );
    }

    #[test]
    fn title_glued_to_the_first_sentence_is_cut() {
        assert_eq!(
            strip_title_prefix(&format!("Storm hits coast {PROSE}"), "Storm hits coast"),
            Some(PROSE)
        );
        assert_eq!(
            strip_title_prefix("Storm hits coasts", "Storm hits coast"),
            None
        );
    }

    #[test]
    fn author_box_lines_name_the_author() {
        let name = |line| author_box_name(line);
        assert_eq!(name("Avatar of CTN News").as_deref(), Some("CTN News"));
        assert_eq!(
            name("View all posts by Maureen Salamon →").as_deref(),
            Some("Maureen Salamon")
        );
        assert_eq!(name("Find More Posts by lowjhg").as_deref(), Some("lowjhg"));
        assert_eq!(name("Jane Porter avatar").as_deref(), Some("Jane Porter"));
        assert_eq!(
            name("Alle Beiträge von Max Muster").as_deref(),
            Some("Max Muster")
        );
        assert_eq!(name("Avatar photo"), None);
        assert_eq!(name("Avatar"), None);
    }

    #[test]
    fn author_named_only_in_an_author_box_is_the_author_and_the_bio_goes() {
        let dump = format!(
            "Page\n\nAvatar of Jane Doe\n\n{PROSE}\n\n{PROSE} Two.\n\n\
             Jane Doe is a reporter who has covered the city council and its budget for twelve years."
        );
        let cleaned = clean(&dump);
        assert_eq!(cleaned.author.as_deref(), Some("Jane Doe"));
        assert_eq!(cleaned.text, format!("{PROSE}\n\n{PROSE} Two."));
    }

    #[test]
    fn picture_credits_end_captions() {
        assert!(ends_with_picture_credit(
            "The new quay at dawn. Photo: Tom Reed"
        ));
        assert!(ends_with_picture_credit(
            "The quay at dawn (Photo credit: Agency)"
        ));
        assert!(ends_with_picture_credit("Image: © Jane Doe/Agency"));
        assert!(ends_with_picture_credit(
            "La scène, samedi. Crédit photo : Julien Morel"
        ));
        // code, a chart's source and a sentence that happens to hold a colon stay
        assert!(!ends_with_picture_credit(
            "containers: - name: demo image: busybox"
        ));
        assert!(!ends_with_picture_credit(
            "Source: Bureau of Labor Statistics"
        ));
        assert!(!ends_with_picture_credit(
            "The photo: it shows the quay before the storm hit the town."
        ));
    }

    #[test]
    fn bylines_in_several_languages() {
        assert_eq!(
            byline("By Jane Doe | March 3, 2024").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            byline("Von Max Muster, 3. März").as_deref(),
            Some("Max Muster")
        );
        assert_eq!(byline("Par Jean Dupont").as_deref(), Some("Jean Dupont"));
        assert_eq!(byline("By the way, nothing here"), None);
    }
}
