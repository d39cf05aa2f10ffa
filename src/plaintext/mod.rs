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
pub mod model;

use crate::metadata::dates::{date_in_text, SlashOrder};
use crate::text::{collapse_whitespace, name_key};
use crate::vocab::{
    TEXT_AUTHOR_BIO_MIN_WORDS, TEXT_AUTHOR_BIO_NAME_WITHIN_WORDS, TEXT_AUTHOR_BOX_MAX_WORDS,
    TEXT_AUTHOR_BOX_NAME_JOINERS, TEXT_AUTHOR_BOX_PHRASES, TEXT_BYLINE_PREFIXES,
    TEXT_COMMENT_CUT_MIN_SHARE, TEXT_COUNTER_MAX_NUMBERS, TEXT_DATELINE_MAX_WORDS,
    TEXT_FIGURE_SIGNS, TEXT_METADATA_LINES_AFTER, TEXT_METADATA_LINES_BEFORE,
    TEXT_METADATA_MAX_WORDS, TEXT_PICTURE_CREDIT_LABELS, TEXT_PICTURE_CREDIT_MAX_WORDS,
    TEXT_SECTION_HEADINGS, TEXT_TITLE_MAX_WORDS, TEXT_TITLE_MIN_WORDS, TEXT_TITLE_SEPARATORS,
};
use chrono::NaiveDate;
use features::{is_prose_shape, line_kinds, page_features, words};
use model::{Node, BASELINE, FLOOR, NODES, ROOTS};

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
    let (lines, blocks) = split_lines(dump);
    if lines.is_empty() {
        return CleanedText::default();
    }
    let rows = page_features(&lines, &blocks);
    let probabilities: Vec<f64> = rows.iter().map(|row| probability(row)).collect();
    let mut keep = best_f1_lines(&lines, &probabilities);
    apply_rules(&lines, &mut keep);
    let headline = headline(&lines);
    let first_kept = keep.iter().position(|&k| k).unwrap_or(lines.len());
    let title = headline
        .map(|i| lines[i].clone())
        .or_else(|| fallback_title(&lines, first_kept));
    let (byline_author, date) = top_metadata(&lines, headline, first_kept);
    let author_box = lines.iter().find_map(|line| author_box_name(line));
    drop_author_bios(&lines, &mut keep, [&byline_author, &author_box]);
    let author = byline_author.or(author_box);
    // the lines read into `author` and `date` are metadata, not text, when that is all they hold
    let scan_end = first_kept + TEXT_METADATA_LINES_AFTER;
    for (line, kept) in lines.iter().zip(keep.iter_mut()).take(scan_end) {
        let count = words(line).len();
        if count <= TEXT_DATELINE_MAX_WORDS
            && ((date.is_some() && date_in_text(line, SlashOrder::MonthFirst) == date)
                || (author.is_some() && byline(line) == author))
        {
            *kept = false;
        }
    }
    let mut paragraphs: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        match title.as_deref() {
            Some(title) if same_text(line, title) => continue,
            // a title glued to the first sentence: "Big storm hits the coast A big storm …"
            Some(title) if paragraphs.is_empty() => match strip_title_prefix(line, title) {
                Some(rest) => paragraphs.push(rest.to_string()),
                None => paragraphs.push(line.clone()),
            },
            _ => paragraphs.push(line.clone()),
        }
    }
    CleanedText {
        text: paragraphs.join("\n\n"),
        title,
        author,
        date,
    }
}

/// The non-empty lines of a dump, whitespace collapsed, with the number of the
/// blank-line-separated block each belongs to.
fn split_lines(dump: &str) -> (Vec<String>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut blocks = Vec::new();
    let mut block = 0;
    let mut blank = false;
    for raw in dump.split('\n') {
        let line = collapse_whitespace(raw);
        if line.is_empty() {
            blank = true;
            continue;
        }
        if blank && !lines.is_empty() {
            block += 1;
        }
        blank = false;
        lines.push(line);
        blocks.push(block);
    }
    (lines, blocks)
}

/// The model's probability that a line is article text.
fn probability(row: &[f64]) -> f64 {
    1.0 / (1.0 + (-log_odds(row)).exp())
}

/// The lines that maximise the expected word F1 when each line is article text with its
/// probability: lines by falling probability, cut where 2·Σp·w / (Σw + Σall p·w) peaks (w
/// being a line's words), never keeping a line below [`FLOOR`]. A page of confident lines
/// keeps just those; a page of doubtful ones keeps more, as recall then weighs more.
fn best_f1_lines(lines: &[String], probabilities: &[f64]) -> Vec<bool> {
    let counts: Vec<f64> = lines.iter().map(|l| words(l).len() as f64).collect();
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| {
        probabilities[b]
            .total_cmp(&probabilities[a])
            .then(a.cmp(&b))
    });
    let expected: f64 = probabilities.iter().zip(&counts).map(|(p, w)| p * w).sum();
    let (mut best, mut cut, mut mass, mut kept_words) = (-1.0, 0, 0.0, 0.0);
    for (rank, &k) in order.iter().enumerate() {
        mass += probabilities[k] * counts[k];
        kept_words += counts[k];
        let f1 = 2.0 * mass / (kept_words + expected + 1e-9);
        if f1 > best {
            best = f1;
            cut = rank + 1;
        }
    }
    let mut keep = vec![false; lines.len()];
    for &k in &order[..cut] {
        keep[k] = probabilities[k] > FLOOR;
    }
    keep
}

/// The model's log-odds that a line is article text.
fn log_odds(row: &[f64]) -> f64 {
    let mut total = BASELINE;
    for &root in ROOTS {
        let mut index = root;
        loop {
            match NODES.get(index) {
                Some(&Node::Split(feature, threshold, left, right)) => {
                    let value = row.get(feature).copied().unwrap_or(0.0);
                    index = if value <= threshold { left } else { right };
                }
                Some(&Node::Leaf(value)) => {
                    total += value;
                    break;
                }
                None => break,
            }
        }
    }
    total
}

/// Rules that hold on any page, over the model's choice: lines of the kinds that are never
/// article text go, and a comment section ends the article.
fn apply_rules(lines: &[String], keep: &mut [bool]) {
    let mut article_seen = false;
    let mut in_comments = false;
    let mut in_headline_list = false;
    let mut kept_before = Vec::with_capacity(lines.len());
    let mut kept_total = 0;
    for (line, &kept) in lines.iter().zip(keep.iter()) {
        kept_before.push(kept_total);
        if kept {
            kept_total += words(line).len();
        }
    }
    for (i, line) in lines.iter().enumerate() {
        let [comment_marker, furniture, social, _, _, form, teaser, ad] = line_kinds(line);
        let lower = line.to_lowercase();
        // a comment form's opener ("Leave a Reply", "Your email address will not be
        // published"; not a bare "Comments" heading, which on a forum opens the posts), once
        // most of the article has been seen: on a forum or a page of replies, the first
        // post's reply box comes early and most of the text after it
        let seen_share = kept_before[i] as f64 / kept_total.max(1) as f64;
        let opener = (comment_marker && lower.contains(' ')) || form;
        if article_seen && opener && seen_share >= TEXT_COMMENT_CUT_MIN_SHARE {
            in_comments = true;
        }
        // a list of other pages' headlines after the article: its heading and the short lines
        // under it, up to the next line of prose
        if article_seen && (furniture || is_section_heading(&lower)) {
            in_headline_list = true;
        } else if is_prose_shape(line) {
            in_headline_list = false;
        }
        let counter = is_counter(line);
        let caption = ends_with_picture_credit(line);
        let author_box = is_author_box_line(line);
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
        if keep[i] && is_prose_shape(line) {
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
/// unit signs, which mark prices and figures.
fn is_counter(line: &str) -> bool {
    !line
        .chars()
        .any(|c| c.is_alphabetic() || TEXT_FIGURE_SIGNS.contains(&c))
        && words(line).len() <= TEXT_COUNTER_MAX_NUMBERS
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

/// An avatar or author-box line: a short line holding one of [`TEXT_AUTHOR_BOX_PHRASES`].
fn is_author_box_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    words(line).len() <= TEXT_AUTHOR_BOX_MAX_WORDS
        && TEXT_AUTHOR_BOX_PHRASES.iter().any(|p| lower.contains(p))
}

/// The name an avatar or author-box line introduces: "Avatar of Jane Doe", "View all posts
/// by Jane Doe →", "Jane Doe avatar". Without a joining word ("of", "by", "von" …) the name
/// must be capitalised, so "Avatar photo" names nobody.
fn author_box_name(line: &str) -> Option<String> {
    if !is_author_box_line(line) {
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
fn drop_author_bios(lines: &[String], keep: &mut [bool], authors: [&Option<String>; 2]) {
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
        if !*kept || words(line).len() < TEXT_AUTHOR_BIO_MIN_WORDS {
            continue;
        }
        let opening = name_key(
            &line
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

fn fold(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_text(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
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
fn fallback_title(lines: &[String], first_kept: usize) -> Option<String> {
    if lines.len() < 2 {
        return None;
    }
    if !is_furniture_line(&lines[0]) {
        return longest_title_part(&lines[0]).filter(|t| words(t).len() <= TEXT_TITLE_MAX_WORDS);
    }
    lines[1..first_kept.max(1)]
        .iter()
        .filter(|line| {
            (TEXT_TITLE_MIN_WORDS..=TEXT_TITLE_MAX_WORDS).contains(&words(line).len())
                && !is_furniture_line(line)
        })
        .max_by_key(|line| line.chars().count())
        .cloned()
}

/// A line of one of the boilerplate kinds (share, comment, form, teaser, ad, furniture
/// heading …), never a title.
fn is_furniture_line(line: &str) -> bool {
    line_kinds(line).iter().any(|&kind| kind)
}

/// The line that repeats the page title on the dump's first line as a headline: the first
/// later line equal to the title or its longest part, else the first sharing at least half
/// of its words with both.
fn headline(lines: &[String]) -> Option<usize> {
    let first = lines.first().filter(|line| !is_furniture_line(line))?;
    let whole = fold(first);
    let longest = fold(&longest_title_part(first)?);
    let first_words: std::collections::HashSet<String> =
        words(&whole).into_iter().map(str::to_string).collect();
    let longest_words = words(&longest).len();
    let mut similar = None;
    for (i, line) in lines.iter().enumerate().skip(1) {
        let folded = fold(line);
        if folded == whole || folded == longest {
            return Some(i);
        }
        if similar.is_none() && line.chars().count() <= 300 {
            let line_words: std::collections::HashSet<&str> = words(&folded).into_iter().collect();
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
    lines: &[String],
    headline: Option<usize>,
    first_kept: usize,
) -> (Option<String>, Option<NaiveDate>) {
    let anchor = headline.unwrap_or(first_kept).min(first_kept);
    let start = anchor.saturating_sub(TEXT_METADATA_LINES_BEFORE).max(1);
    let end = (first_kept + TEXT_METADATA_LINES_AFTER).min(lines.len());
    let mut author = None;
    let mut date = None;
    for line in lines.iter().take(end).skip(start) {
        if words(line).len() > TEXT_METADATA_MAX_WORDS {
            continue;
        }
        if date.is_none() {
            date = date_in_text(line, SlashOrder::MonthFirst);
        }
        if author.is_none() {
            author = byline(line);
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
    fn headline_repeating_the_page_title_is_the_title() {
        let lines: Vec<String> = ["Storm hits coast | News", "Home", "Storm hits coast", PROSE]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(headline(&lines), Some(2));
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
