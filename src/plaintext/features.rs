//! Features of the lines of a text dump, for the line scorer in [`super::model`].
//!
//! Every feature is generic and language-independent: the line's length, punctuation and
//! capitalisation, its place in the dump and in its blank-line-separated block, its
//! neighbours, and matches against the multilingual vocabulary tables of [`crate::vocab`].
//! `scripts/text_features.py` computes the same features for training; the two must agree
//! exactly, in order and in value.

use crate::vocab::{
    BOILERPLATE_LINE_PHRASES, BOILERPLATE_LINE_PREFIXES, COMMENT_SECTION_MARKERS,
    FURNITURE_HEADINGS, PROMPT_PHRASES, SENTENCE_END_CHARS, SITE_NOTICE_PHRASES,
    SOCIAL_LINE_PHRASES, TEXT_AD_PHRASES, TEXT_FORM_PHRASES, TEXT_TEASER_PHRASES,
};
use std::collections::HashMap;

/// Names of the features, in the order of a feature row.
pub const FEATURE_NAMES: &[&str] = &[
    // the line on its own
    "log_words",
    "log_chars",
    "ends_sentence",
    "ends_colon",
    "cap_share",
    "digit_share",
    "alpha_share",
    "commas_per_word",
    "starts_lower",
    "no_letters",
    "separators",
    "url_or_mail",
    "short",
    "prose",
    "title_repeat",
    // vocabulary kinds
    "comment_marker",
    "furniture",
    "social",
    "boilerplate_line",
    "notice",
    "form",
    "teaser",
    "ad",
    // its place in the dump
    "position",
    "words_before",
    "log_short_run",
    "log_prose_run",
    "in_dense_span",
    "dense_span_distance",
    "prose_near",
    "prose_around",
    "short_around",
    "repeated",
    "after_comment_marker",
    "before_first_prose",
    "opens_block",
    "closes_block",
    "log_block_lines",
    "log_block_words",
    // the page as a whole
    "log_page_words",
    "log_page_lines",
    "page_prose_share",
    // two lines before and after: log words, sentence end, prose, short
    "log_words_m2",
    "ends_sentence_m2",
    "prose_m2",
    "short_m2",
    "log_words_m1",
    "ends_sentence_m1",
    "prose_m1",
    "short_m1",
    "log_words_p1",
    "ends_sentence_p1",
    "prose_p1",
    "short_p1",
    "log_words_p2",
    "ends_sentence_p2",
    "prose_p2",
    "short_p2",
    // the page's structure around the line
    "title_similarity",
    "label_value",
    "currency",
    "log_same_shape",
    "same_shape_near",
    "log_first_word_repeats",
    "log_digit_folded_repeats",
    "block_prose_share",
    "log_block_longest",
    "from_headline",
    "prose_wide",
];

/// Number of features in a row.
pub const FEATURE_COUNT: usize = 69;

const _: () = assert!(FEATURE_NAMES.len() == FEATURE_COUNT);

const I_LOG_WORDS: usize = 0;
const I_ENDS_SENTENCE: usize = 2;
const I_SHORT: usize = 12;
const I_PROSE: usize = 13;
const I_TITLE_REPEAT: usize = 14;
const I_COMMENT_MARKER: usize = 15;

/// Currency signs: price lines of shop and listing pages.
const CURRENCY_CHARS: &[char] = &['$', '€', '£', '¥', '₹'];

/// Characters of link-list and breadcrumb separators.
const SEPARATOR_CHARS: &[char] = &['|', '•', '·', '»', '›'];

/// Characters stripped from the end of a line before comparing it with a furniture heading.
const TRAILING_CHARS: &[char] = &[
    ':', ')', '(', '…', '.', '?', '!', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ',
    '|', '-', '–', '—',
];

/// Whether a character belongs to a `\w` token as Python counts it.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` tokens of a line.
pub fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect()
}

fn starts_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| lower.starts_with(p))
}

fn contains_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| lower.contains(p))
}

/// A line opening a comment section: "Leave a Reply", "Comments (3)", "12 Comments".
pub fn is_comment_marker(lower: &str) -> bool {
    let toks = words(lower);
    if toks.len() >= 2
        && toks.len() <= 6
        && toks[0].chars().all(|c| c.is_ascii_digit())
        && COMMENT_SECTION_MARKERS
            .iter()
            .any(|m| !m.contains(' ') && toks[1] == *m)
    {
        return true;
    }
    COMMENT_SECTION_MARKERS
        .iter()
        .any(|marker| match lower.strip_prefix(marker) {
            Some(rest) if marker.contains(' ') => !rest.chars().next().is_some_and(is_word_char),
            Some(rest) => !rest.chars().any(char::is_alphabetic),
            None => false,
        })
}

fn is_furniture(lower: &str, word_count: usize) -> bool {
    let stripped = lower.trim_end_matches(TRAILING_CHARS);
    if stripped.is_empty() {
        return false;
    }
    FURNITURE_HEADINGS.iter().any(|p| {
        stripped == *p
            || (word_count <= 6
                && stripped
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with(' ')))
    })
}

/// Vocabulary flags of one line: comment marker, furniture heading, social line, boilerplate
/// line, site notice or prompt, form furniture, teaser link, ad slot.
pub fn line_kinds(line: &str) -> [bool; 8] {
    let lower = line.to_lowercase();
    let word_count = words(line).len();
    let chars = line.chars().count();
    [
        is_comment_marker(&lower),
        is_furniture(&lower, word_count),
        word_count <= 10 && starts_any(&lower, SOCIAL_LINE_PHRASES),
        (chars <= 150 && starts_any(&lower, BOILERPLATE_LINE_PREFIXES))
            || (word_count <= 5 && contains_any(&lower, BOILERPLATE_LINE_PHRASES)),
        (chars <= 300 && contains_any(&lower, PROMPT_PHRASES))
            || (chars <= 700 && contains_any(&lower, SITE_NOTICE_PHRASES)),
        chars <= 300 && contains_any(&lower, TEXT_FORM_PHRASES),
        word_count <= 8 && contains_any(&lower, TEXT_TEASER_PHRASES),
        word_count <= 6 && contains_any(&lower, TEXT_AD_PHRASES),
    ]
}

fn flag(value: bool) -> f64 {
    if value {
        1.0
    } else {
        0.0
    }
}

fn ln_1p(value: usize) -> f64 {
    (value as f64).ln_1p()
}

/// Whether a line is prose by its shape alone: long, or a sentence of six words or more.
pub fn is_prose_shape(line: &str) -> bool {
    let count = words(line).len();
    let last = line.chars().last();
    count >= 16 || (count >= 6 && last.is_some_and(|c| SENTENCE_END_CHARS.contains(&c)))
}

/// Features of one line on its own; `title` is the dump's first line, lowercased.
fn base(line: &str, title: &str) -> Vec<f64> {
    let toks = words(line);
    let count = toks.len();
    let chars = line.chars().count().max(1);
    let alpha = line.chars().filter(|c| c.is_alphabetic()).count();
    let digit = line.chars().filter(|c| c.is_numeric()).count();
    let upper_words = toks
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
        .count();
    let alpha_words = toks
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .count();
    let last = line.chars().last().unwrap_or(' ');
    let ends = SENTENCE_END_CHARS.contains(&last);
    let commas = line.chars().filter(|c| matches!(c, ',' | ';')).count();
    let folded = line.to_lowercase();
    let title_repeat = !title.is_empty()
        && count >= 2
        && (folded == title || (folded.chars().count() >= 12 && title.contains(&folded)));
    let mut row = vec![
        ln_1p(count),
        ln_1p(chars),
        flag(ends && last != ':'),
        flag(last == ':'),
        if alpha_words > 0 {
            upper_words as f64 / alpha_words as f64
        } else {
            0.0
        },
        digit as f64 / chars as f64,
        alpha as f64 / chars as f64,
        commas as f64 / (count + 1) as f64,
        flag(line.chars().next().is_some_and(char::is_lowercase)),
        flag(alpha == 0),
        flag(line.contains(SEPARATOR_CHARS)),
        flag(line.contains('@') || line.contains("http") || line.contains("www.")),
        flag(count > 0 && count < 5 && !ends),
        flag(count >= 16 || (count >= 6 && ends)),
        flag(title_repeat),
    ];
    row.extend(line_kinds(line).into_iter().map(flag));
    row
}

/// For each position, the length of the run of set flags it belongs to (0 where unset).
fn run_lengths(flags: &[bool]) -> Vec<usize> {
    let mut out = vec![0; flags.len()];
    let mut i = 0;
    while i < flags.len() {
        let mut j = i;
        while j < flags.len() && flags[j] == flags[i] {
            j += 1;
        }
        if flags[i] {
            out[i..j].iter_mut().for_each(|v| *v = j - i);
        }
        i = j;
    }
    out
}

fn window_mean(values: &[f64], i: usize, radius: usize) -> f64 {
    let lo = i.saturating_sub(radius);
    let hi = (i + radius + 1).min(values.len());
    values[lo..hi].iter().sum::<f64>() / (hi - lo) as f64
}

/// The max-sum span (Kadane) of +words for prose lines and −3 for others.
fn densest_span(word_counts: &[usize], prose: &[f64]) -> Option<(usize, usize)> {
    let (mut best, mut span, mut cur, mut start) = (0.0, None, 0.0, 0);
    for i in 0..word_counts.len() {
        let score = if prose[i] > 0.0 {
            word_counts[i] as f64
        } else {
            -3.0
        };
        if cur <= 0.0 {
            cur = 0.0;
            start = i;
        }
        cur += score;
        if cur > best {
            best = cur;
            span = Some((start, i));
        }
    }
    span
}

/// One feature row per line. `lines` are whitespace-collapsed and non-empty; `blocks[i]`
/// numbers the blank-line-separated block line `i` belongs to.
pub fn page_features(lines: &[String], blocks: &[usize]) -> Vec<Vec<f64>> {
    let n = lines.len();
    if n == 0 {
        return Vec::new();
    }
    let title = lines[0].to_lowercase();
    let rows: Vec<Vec<f64>> = lines.iter().map(|line| base(line, &title)).collect();
    let word_counts: Vec<usize> = lines.iter().map(|line| words(line).len()).collect();
    let total = word_counts.iter().sum::<usize>().max(1);
    let prose: Vec<f64> = rows.iter().map(|r| r[I_PROSE]).collect();
    let short: Vec<f64> = rows.iter().map(|r| r[I_SHORT]).collect();
    let short_run = run_lengths(&short.iter().map(|&s| s > 0.0).collect::<Vec<_>>());
    let prose_run = run_lengths(&prose.iter().map(|&p| p > 0.0).collect::<Vec<_>>());
    let span = densest_span(&word_counts, &prose);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        *counts.entry(line.as_str()).or_default() += 1;
    }
    let first_prose = prose.iter().position(|&p| p > 0.0).unwrap_or(n);
    let mut after_comment = false;
    let mut block_lines: HashMap<usize, usize> = HashMap::new();
    let mut block_words: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        *block_lines.entry(blocks[i]).or_default() += 1;
        *block_words.entry(blocks[i]).or_default() += word_counts[i];
    }
    let prose_words: usize = (0..n)
        .filter(|&i| prose[i] > 0.0)
        .map(|i| word_counts[i])
        .sum();
    let mut before = 0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let words_before = before as f64 / total as f64;
        before += word_counts[i];
        if rows[i][I_COMMENT_MARKER] > 0.0 && i > first_prose {
            after_comment = true;
        }
        let (inside, distance) = match span {
            None => (0.0, 1.0),
            Some((s, _)) if i < s => (0.0, (s - i) as f64 / n as f64),
            Some((_, e)) if i > e => (0.0, (i - e) as f64 / n as f64),
            Some(_) => (1.0, 0.0),
        };
        let mut row = rows[i].clone();
        row.extend([
            i as f64 / n as f64,
            words_before,
            ln_1p(short_run[i]),
            ln_1p(prose_run[i]),
            inside,
            distance,
            window_mean(&prose, i, 2),
            window_mean(&prose, i, 6),
            window_mean(&short, i, 3),
            flag(counts.get(lines[i].as_str()).copied().unwrap_or(0) > 1),
            flag(after_comment),
            flag(i < first_prose),
            flag(i == 0 || blocks[i - 1] != blocks[i]),
            flag(i + 1 == n || blocks[i + 1] != blocks[i]),
            ln_1p(block_lines.get(&blocks[i]).copied().unwrap_or(0)),
            ln_1p(block_words.get(&blocks[i]).copied().unwrap_or(0)),
            ln_1p(total),
            ln_1p(n),
            prose_words as f64 / total as f64,
        ]);
        for offset in [-2isize, -1, 1, 2] {
            match i.checked_add_signed(offset).filter(|&j| j < n) {
                Some(j) => row.extend([
                    rows[j][I_LOG_WORDS],
                    rows[j][I_ENDS_SENTENCE],
                    rows[j][I_PROSE],
                    rows[j][I_SHORT],
                ]),
                None => row.extend([0.0; 4]),
            }
        }
        out.push(row);
    }
    for (row, extra) in out
        .iter_mut()
        .zip(structure(lines, blocks, &rows, &word_counts))
    {
        row.extend(extra);
    }
    out
}

/// A line's coarse shape: its words (up to 8), last character, whether it has a digit, and
/// whether its first word is capitalised. Spec sheets, price lists and link lists repeat one.
type Shape = (usize, Option<char>, bool, Option<bool>);

fn shape(line: &str, word_count: usize) -> Shape {
    let first = words(line)
        .first()
        .map(|t| t.chars().next().is_some_and(char::is_uppercase));
    (
        word_count.min(8),
        line.chars().last(),
        line.chars().any(|c| c.is_ascii_digit()),
        first,
    )
}

/// Features of the page's structure around each line: likeness to the page title, label:value
/// and price shapes, how often the line's shape, first word or digit-folded text recur in the
/// dump, its block's prose share and longest line, its distance from the headline, and the
/// prose share of a wide window.
fn structure(
    lines: &[String],
    blocks: &[usize],
    rows: &[Vec<f64>],
    word_counts: &[usize],
) -> Vec<[f64; 11]> {
    let n = lines.len();
    let lowered: Vec<String> = lines.iter().map(|line| line.to_lowercase()).collect();
    let title: std::collections::HashSet<&str> = words(&lowered[0]).into_iter().collect();
    let shapes: Vec<Shape> = (0..n).map(|i| shape(&lines[i], word_counts[i])).collect();
    let mut shape_counts: HashMap<Shape, usize> = HashMap::new();
    for s in &shapes {
        *shape_counts.entry(*s).or_default() += 1;
    }
    let firsts: Vec<&str> = lowered
        .iter()
        .map(|l| words(l).first().copied().unwrap_or(""))
        .collect();
    let mut first_counts: HashMap<&str, usize> = HashMap::new();
    for f in &firsts {
        *first_counts.entry(f).or_default() += 1;
    }
    let folded: Vec<String> = lowered
        .iter()
        .map(|l| {
            l.chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect()
        })
        .collect();
    let mut folded_counts: HashMap<&str, usize> = HashMap::new();
    for f in &folded {
        *folded_counts.entry(f.as_str()).or_default() += 1;
    }
    let prose: Vec<f64> = rows.iter().map(|r| r[I_PROSE]).collect();
    let mut block_prose: HashMap<usize, (f64, usize, usize)> = HashMap::new();
    for i in 0..n {
        let entry = block_prose.entry(blocks[i]).or_default();
        entry.0 += prose[i];
        entry.1 += 1;
        entry.2 = entry.2.max(word_counts[i]);
    }
    let headline = (1..n).find(|&i| rows[i][I_TITLE_REPEAT] > 0.0);
    (0..n)
        .map(|i| {
            let line = &lines[i];
            let toks: std::collections::HashSet<&str> = words(&lowered[i]).into_iter().collect();
            let similarity = if toks.is_empty() || title.is_empty() {
                0.0
            } else {
                toks.intersection(&title).count() as f64 / toks.len() as f64
            };
            let chars = line.chars().count();
            let label_value = line.chars().position(|c| c == ':').is_some_and(|colon| {
                colon > 0 && colon <= 30 && chars - colon < 60 && word_counts[i] <= 10
            });
            let same_near = [-3isize, -2, -1, 1, 2, 3]
                .iter()
                .filter_map(|&d| i.checked_add_signed(d).filter(|&j| j < n))
                .filter(|&j| shapes[j] == shapes[i])
                .count();
            let (block_prose_sum, block_lines, block_longest) =
                block_prose.get(&blocks[i]).copied().unwrap_or((0.0, 1, 0));
            let count = |map: &HashMap<&str, usize>, key: &str| {
                map.get(key).copied().unwrap_or(1).saturating_sub(1)
            };
            [
                similarity,
                flag(label_value),
                flag(line.contains(CURRENCY_CHARS)),
                ln_1p(shape_counts.get(&shapes[i]).copied().unwrap_or(0)),
                same_near as f64 / 6.0,
                ln_1p(count(&first_counts, firsts[i])),
                ln_1p(count(&folded_counts, &folded[i])),
                block_prose_sum / block_lines.max(1) as f64,
                ln_1p(block_longest),
                match headline {
                    Some(h) => (i as f64 - h as f64) / n as f64,
                    None => 2.0,
                },
                window_mean(&prose, i, 15),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows computed by `scripts/text_features.py` for the same dump: the two sides must agree,
    /// or the trained trees see other values than they were trained on.
    #[test]
    #[allow(clippy::approx_constant)]
    fn features_match_the_training_script() {
        let lines: Vec<String> = [
            "Storm hits coast | News",
            "Home",
            "News",
            "Storm hits coast",
            "By Jane Doe",
            "A big storm hit the coast on Monday, and thousands of homes lost power.",
            "Share this:",
            "Price: $25",
            "800 1",
            "Leave a Reply",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let blocks = [0, 1, 1, 2, 2, 3, 4, 4, 4, 5];
        let rows = page_features(&lines, &blocks);
        #[rustfmt::skip]
        let expected: &[(usize, &[f64])] = &[
            (3, &[1.3862943611198906, 2.833213344056216, 0.0, 0.0, 0.3333333333333333, 0.0, 0.875, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.3, 0.17142857142857143, 1.791759469228055, 0.0, 0.0, 0.2, 0.2, 0.1, 0.7142857142857143, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0986122886681096, 1.9459101490553132, 3.58351893845611, 2.3978952727983707, 0.4, 0.6931471805599453, 0.0, 0.0, 1.0, 0.6931471805599453, 0.0, 0.0, 1.0, 1.3862943611198906, 0.0, 0.0, 1.0, 2.70805020110221, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.6931471805599453, 0.0, 0.6931471805599453, 0.0, 0.0, 1.3862943611198906, 0.0, 0.1]),
            (5, &[2.70805020110221, 4.276666119016055, 1.0, 0.0, 0.14285714285714285, 0.0, 0.7887323943661971, 0.06666666666666667, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.34285714285714286, 0.0, 0.6931471805599453, 1.0, 0.0, 0.2, 0.1, 0.7142857142857143, 0.0, 0.0, 0.0, 1.0, 1.0, 0.6931471805599453, 2.70805020110221, 3.58351893845611, 2.3978952727983707, 0.4, 1.3862943611198906, 0.0, 0.0, 1.0, 1.3862943611198906, 0.0, 0.0, 1.0, 1.0986122886681096, 0.0, 0.0, 0.0, 1.0986122886681096, 0.0, 0.0, 1.0, 0.14285714285714285, 0.0, 0.0, 0.6931471805599453, 0.0, 0.0, 0.0, 1.0, 2.70805020110221, 0.2, 0.1]),
            (7, &[1.0986122886681096, 2.3978952727983707, 0.0, 0.0, 1.0, 0.2, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.7, 0.8, 1.3862943611198906, 0.0, 0.0, 0.2, 0.2, 0.1111111111111111, 0.6666666666666666, 0.0, 0.0, 0.0, 0.0, 0.0, 1.3862943611198906, 1.9459101490553132, 3.58351893845611, 2.3978952727983707, 0.4, 2.70805020110221, 1.0, 1.0, 0.0, 1.0986122886681096, 0.0, 0.0, 0.0, 1.0986122886681096, 0.0, 0.0, 1.0, 1.3862943611198906, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.6931471805599453, 0.0, 0.0, 0.0, 0.0, 1.0986122886681096, 0.4, 0.1]),
            (9, &[1.3862943611198906, 2.639057329615259, 0.0, 0.0, 0.6666666666666666, 0.0, 0.8461538461538461, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9, 0.9142857142857143, 1.3862943611198906, 0.0, 0.0, 0.4, 0.0, 0.14285714285714285, 0.75, 0.0, 1.0, 0.0, 1.0, 1.0, 0.6931471805599453, 1.3862943611198906, 3.58351893845611, 2.3978952727983707, 0.4, 1.0986122886681096, 0.0, 0.0, 1.0, 1.0986122886681096, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6931471805599453, 0.0, 0.0, 0.0, 0.0, 1.3862943611198906, 0.6, 0.1]),
        ];
        for (index, row) in expected {
            assert_eq!(rows[*index].len(), FEATURE_COUNT);
            for (feature, (got, want)) in rows[*index].iter().zip(row.iter()).enumerate() {
                assert!(
                    (got - want).abs() < 1e-12,
                    "line {index} feature {}: {got} != {want}",
                    FEATURE_NAMES[feature]
                );
            }
        }
    }

    #[test]
    fn comment_markers_in_several_forms() {
        assert!(is_comment_marker("leave a reply"));
        assert!(is_comment_marker("12 comments"));
        assert!(is_comment_marker("kommentare (3)"));
        assert!(!is_comment_marker("comments on the new law were mixed"));
    }
}
