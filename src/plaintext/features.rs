//! Features of the lines of a text dump, for the line scorer in [`super::model`].
//!
//! Every feature is generic and language-independent: the line's length, punctuation and
//! capitalisation, its place in the dump and in its blank-line-separated block, its
//! neighbours, and matches against the multilingual vocabulary tables of [`crate::vocab`].
//! `scripts/text_features.py` computes the same features for training; the two must agree
//! exactly, in order and in value.
//!
//! This module holds the features of a line on its own; [`super::rows`] adds those of its
//! place in the page and scores the dump line by line.

use crate::vocab::{
    BOILERPLATE_LINE_PHRASES, BOILERPLATE_LINE_PREFIXES, COMMENT_SECTION_MARKERS,
    FURNITURE_HEADINGS, PROMPT_PHRASES, SENTENCE_END_CHARS, SITE_NOTICE_PHRASES,
    SOCIAL_LINE_PHRASES, TEXT_AD_PHRASES, TEXT_FORM_PHRASES, TEXT_TEASER_PHRASES,
};
use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::lines::{Line, ENDS_SENTENCE, PROSE, SHORT, TITLE_REPEAT};

/// The rows of a whole page are built in [`super::rows`]; all of them at once, as the
/// training script computes them, are checked against it here.
pub use super::rows::page_features;

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

/// Number of features of a line on its own, its vocabulary kinds last.
pub const BASE_COUNT: usize = 23;

/// Index of the first vocabulary kind in a row; the kinds follow in [`line_kinds`] order.
const I_COMMENT_MARKER: usize = 15;

const _: () = assert!(I_COMMENT_MARKER + KIND_COUNT == BASE_COUNT);
const _: () = assert!(matches!(
    FEATURE_NAMES[I_COMMENT_MARKER].as_bytes(),
    b"comment_marker"
));
const _: () = assert!(matches!(FEATURE_NAMES[BASE_COUNT].as_bytes(), b"position"));

/// Number of vocabulary kinds.
pub const KIND_COUNT: usize = 8;

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
    word_iter(line).collect()
}

/// The `\w+` tokens of a line, one at a time.
pub fn word_iter(line: &str) -> impl Iterator<Item = &str> + Clone {
    line.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Compiles a phrase table for finding any of its phrases in one pass over a line: a line
/// is checked against every table, and a phrase at a time would read it once per phrase.
fn phrase_matcher(phrases: &[&str]) -> AhoCorasick {
    // The tables are short literal lists; building them cannot fail.
    AhoCorasick::new(phrases).expect("phrase tables compile")
}

/// Compiles a phrase table for finding whether a line starts with any of its phrases.
fn prefix_matcher(phrases: &[&str]) -> AhoCorasick {
    // The tables are short literal lists; building them cannot fail.
    AhoCorasick::builder()
        .start_kind(StartKind::Anchored)
        .build(phrases)
        .expect("phrase tables compile")
}

/// Whether `lower` starts with one of the phrases `matcher` was built from.
fn starts_any(lower: &str, matcher: &AhoCorasick) -> bool {
    matcher.is_match(Input::new(lower).anchored(Anchored::Yes))
}

static SOCIAL_PREFIXES: LazyLock<AhoCorasick> =
    LazyLock::new(|| prefix_matcher(SOCIAL_LINE_PHRASES));
static BOILERPLATE_PREFIXES: LazyLock<AhoCorasick> =
    LazyLock::new(|| prefix_matcher(BOILERPLATE_LINE_PREFIXES));
static BOILERPLATE_PHRASES: LazyLock<AhoCorasick> =
    LazyLock::new(|| phrase_matcher(BOILERPLATE_LINE_PHRASES));
static PROMPTS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(PROMPT_PHRASES));
static SITE_NOTICES: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(SITE_NOTICE_PHRASES));
static FORMS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(TEXT_FORM_PHRASES));
static TEASERS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(TEXT_TEASER_PHRASES));
static ADS: LazyLock<AhoCorasick> = LazyLock::new(|| phrase_matcher(TEXT_AD_PHRASES));

/// A line opening a comment section: "Leave a Reply", "Comments (3)", "12 Comments".
pub fn is_comment_marker(lower: &str) -> bool {
    let mut toks = word_iter(lower);
    if let (Some(first), Some(second)) = (toks.next(), toks.next()) {
        if toks.take(5).count() <= 4
            && first.chars().all(|c| c.is_ascii_digit())
            && COMMENT_SECTION_MARKERS
                .iter()
                .any(|m| !m.contains(' ') && second == *m)
        {
            return true;
        }
    }
    COMMENT_SECTION_MARKERS
        .iter()
        .any(|marker| match lower.strip_prefix(marker) {
            Some(rest) if marker.contains(' ') => !rest.chars().next().is_some_and(is_word_char),
            Some(rest) => !rest.chars().any(char::is_alphabetic),
            None => false,
        })
}

/// [`FURNITURE_HEADINGS`] to look up, with the length of the longest.
static FURNITURE: LazyLock<(FxHashSet<&'static str>, usize)> = LazyLock::new(|| {
    let longest = FURNITURE_HEADINGS
        .iter()
        .map(|p| p.len())
        .max()
        .unwrap_or(0);
    (FURNITURE_HEADINGS.iter().copied().collect(), longest)
});

/// A furniture heading ("Related posts", "Share:"), alone or, on a short line, followed by a
/// word: the line without its trailing punctuation and numbers is a heading, or starts with
/// one and a space.
fn is_furniture(lower: &str, word_count: usize) -> bool {
    let stripped = lower.trim_end_matches(TRAILING_CHARS);
    if stripped.is_empty() {
        return false;
    }
    let (headings, longest) = &*FURNITURE;
    // a heading followed by a space ends where the line has a space, within the longest
    // heading's length: looking those prefixes up is looking for every heading there
    headings.contains(stripped)
        || (word_count <= 6
            && stripped
                .bytes()
                .take(longest + 1)
                .enumerate()
                .any(|(end, b)| b == b' ' && headings.contains(&stripped[..end])))
}

/// Vocabulary flags of one line: comment marker, furniture heading, social line, boilerplate
/// line, site notice or prompt, form furniture, teaser link, ad slot.
pub fn line_kinds(line: &str) -> [bool; KIND_COUNT] {
    kinds(
        &line.to_lowercase(),
        word_iter(line).count(),
        line.chars().count(),
    )
}

/// [`line_kinds`] of a line given lowercased, with its `\w+` tokens and characters counted.
fn kinds(lower: &str, word_count: usize, chars: usize) -> [bool; KIND_COUNT] {
    [
        is_comment_marker(lower),
        is_furniture(lower, word_count),
        word_count <= 10 && starts_any(lower, &SOCIAL_PREFIXES),
        (chars <= 150 && starts_any(lower, &BOILERPLATE_PREFIXES))
            || (word_count <= 5 && BOILERPLATE_PHRASES.is_match(lower)),
        (chars <= 300 && PROMPTS.is_match(lower)) || (chars <= 700 && SITE_NOTICES.is_match(lower)),
        chars <= 300 && FORMS.is_match(lower),
        word_count <= 8 && TEASERS.is_match(lower),
        word_count <= 6 && ADS.is_match(lower),
    ]
}

/// Vocabulary kinds packed one bit each, in [`line_kinds`] order.
pub type KindBits = u8;

/// Packs vocabulary kinds into bits.
pub fn pack_kinds(kinds: [bool; KIND_COUNT]) -> KindBits {
    kinds
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &kind)| bits | (u8::from(kind) << i))
}

/// Unpacks vocabulary kinds from bits.
pub fn unpack_kinds(bits: KindBits) -> [bool; KIND_COUNT] {
    std::array::from_fn(|i| bits & (1 << i) != 0)
}

/// A feature's value for a yes-or-no fact.
pub fn flag(value: bool) -> f64 {
    if value {
        1.0
    } else {
        0.0
    }
}

/// A count on the log scale the features use.
pub fn ln_1p(value: usize) -> f64 {
    (value as f64).ln_1p()
}

/// Whether a line is prose by its shape alone: long, or a sentence of six words or more.
pub fn is_prose_shape(line: &str) -> bool {
    let count = word_iter(line).count();
    let last = line.chars().last();
    count >= 16 || (count >= 6 && last.is_some_and(|c| SENTENCE_END_CHARS.contains(&c)))
}

/// Appends the features of one line on its own to `row` and returns its vocabulary kinds.
/// The title repeat is read from the line's bits, marked where the lines were split.
pub fn push_base(row: &mut Vec<f64>, line: &Line) -> [bool; KIND_COUNT] {
    let text = line.text;
    let count = line.words;
    let (mut chars, mut alpha, mut digit, mut commas) = (0, 0, 0, 0);
    for c in text.chars() {
        chars += 1;
        alpha += usize::from(c.is_alphabetic());
        digit += usize::from(c.is_numeric());
        commas += usize::from(matches!(c, ',' | ';'));
    }
    let (mut upper_words, mut alpha_words) = (0, 0);
    for token in word_iter(text) {
        let first = token.chars().next();
        upper_words += usize::from(first.is_some_and(char::is_uppercase));
        alpha_words += usize::from(first.is_some_and(char::is_alphabetic));
    }
    let kinds = kinds(line.lower, count, chars);
    let chars = chars.max(1);
    let last = text.chars().last().unwrap_or(' ');
    row.extend([
        ln_1p(count),
        ln_1p(chars),
        flag(line.has(ENDS_SENTENCE)),
        flag(last == ':'),
        if alpha_words > 0 {
            upper_words as f64 / alpha_words as f64
        } else {
            0.0
        },
        digit as f64 / chars as f64,
        alpha as f64 / chars as f64,
        commas as f64 / (count + 1) as f64,
        flag(text.chars().next().is_some_and(char::is_lowercase)),
        flag(alpha == 0),
        flag(text.contains(SEPARATOR_CHARS)),
        flag(text.contains('@') || text.contains("http") || text.contains("www.")),
        flag(line.has(SHORT)),
        flag(line.has(PROSE)),
        flag(line.has(TITLE_REPEAT)),
    ]);
    row.extend(kinds.map(flag));
    kinds
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
