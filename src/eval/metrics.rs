//! Scoring functions for the evaluation harness.
//!
//! Three body-text metrics and a metadata accuracy check, each written to
//! reproduce a published figure:
//!
//! * **word F1**: bag-of-words overlap of lowercased `\w+` tokens, macro
//!   averaged over pages ([`word_prf`], [`WordScore`]);
//! * **shingle F1**: the scrapinghub article-extraction-benchmark metric,
//!   normalised per-page counts of 4-token shingles ([`shingle_counts`],
//!   [`ShingleScore`]);
//! * **snippet F1**: trafilatura's published metric, presence of `with`
//!   and `without` snippets summed over the corpus ([`snippet_counts`],
//!   [`SnippetScore`]);
//! * **metadata accuracy**: title, author and date matches ([`title_matches`],
//!   [`author_matches`], [`date_matches`], [`Accuracy`]).
//!
//! Tokenisation emulates Python's `re.findall(r'\w+', text)` in Unicode mode,
//! which is what the reference scripts use: a character is a word character
//! when `char::is_alphanumeric()` holds or it is `'_'`. Unicode combining
//! marks (categories Mn/Mc) are deliberately *not* added: Python's `\w` does
//! not match them either (`re.findall(r'\w+', 'नमस्ते')` gives
//! `['नमस', 'त']`), and the standard library has no general-category lookup,
//! so adding them would need a new dependency and would move the numbers away
//! from the reference. The one known residual difference is that Rust's
//! `is_alphabetic` also accepts the `Other_Alphabetic` characters (some
//! vowel signs and circled letters) that Python rejects; it only matters for
//! a few scripts and cannot be fixed without Unicode tables.

use std::collections::HashSet;

use serde::Serialize;

use crate::text::{collapse_whitespace, is_word_char};

/// Shingle length used by the scrapinghub benchmark.
const SHINGLE_LEN: usize = 4;

/// Token and shingle maps are rebuilt for every page and hashed millions of times per run; FxHash
/// is several times faster than SipHash here, and scoring needs no protection against crafted
/// collisions.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A shingle as token ids; shorter shingles are padded with [`NO_TOKEN`].
type Shingle = [usize; SHINGLE_LEN];

/// Padding id for shingles of fewer than [`SHINGLE_LEN`] tokens; never a
/// real token id (ids count up from 0 and cannot reach `usize::MAX`).
const NO_TOKEN: usize = usize::MAX;

/// Per-page precision/recall/F1 triple.
///
/// Also used for corpus-level results, where the meaning of each field is
/// described by the accumulator that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision, in `[0, 1]`.
    pub precision: f64,
    /// Recall, in `[0, 1]`.
    pub recall: f64,
    /// F1 score, in `[0, 1]`.
    pub f1: f64,
}

/// Harmonic mean `2PR/(P+R)`, evaluated in the same order as the Python
/// reference scripts; `0` when `P + R == 0`.
fn harmonic_f1(precision: f64, recall: f64) -> f64 {
    let sum = precision + recall;
    if sum > 0.0 {
        2.0 * precision * recall / sum
    } else {
        0.0
    }
}

/// `numerator / denominator`, or `0` when the denominator is zero.
fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    }
}

/// The `\w+` runs of `text`, case kept, borrowed from `text`.
fn raw_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|token| !token.is_empty())
}

/// Lowercased `\w+` tokens of `text`, in order.
///
/// The whole text is lowercased first (Rust's `to_lowercase`, which like
/// Python's `str.lower` applies full case mapping and the final-sigma rule)
/// and then split into maximal runs of word characters, so `"Don't stop"`
/// gives `["don", "t", "stop"]` and a run of CJK ideographs is one token.
pub fn word_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    raw_tokens(&lower).map(str::to_owned).collect()
}

/// Word-level precision, recall and F1 of one page.
///
/// Both texts are lowercased and tokenised as in [`word_tokens`]; the overlap
/// is the multiset intersection of the two token bags. `P = overlap/|pred|`,
/// `R = overlap/|truth|`, `F1 = 2PR/(P+R)`. When both sides have no tokens
/// the page scores 1 on all three; when exactly one side has no tokens, or
/// the overlap is empty, it scores 0 on all three.
pub fn word_prf(predicted: &str, truth: &str) -> Prf {
    let truth_lower = truth.to_lowercase();
    let predicted_lower = predicted.to_lowercase();

    let mut remaining: FastMap<&str, u32> = FastMap::default();
    let mut truth_len = 0_u64;
    for token in raw_tokens(&truth_lower) {
        *remaining.entry(token).or_insert(0) += 1;
        truth_len += 1;
    }

    // Streaming multiset intersection: each predicted token consumes one
    // remaining occurrence of itself in the truth bag, so the overlap ends
    // up as the sum over tokens of min(pred count, truth count).
    let mut predicted_len = 0_u64;
    let mut overlap = 0_u64;
    for token in raw_tokens(&predicted_lower) {
        predicted_len += 1;
        if let Some(count) = remaining.get_mut(token) {
            if *count > 0 {
                *count -= 1;
                overlap += 1;
            }
        }
    }

    if truth_len == 0 && predicted_len == 0 {
        return Prf {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    if truth_len == 0 || predicted_len == 0 || overlap == 0 {
        return Prf {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let precision = overlap as f64 / predicted_len as f64;
    let recall = overlap as f64 / truth_len as f64;
    Prf {
        precision,
        recall,
        f1: harmonic_f1(precision, recall),
    }
}

/// Shingle counts for one page.
///
/// `tp`, `fp` and `fn_` are already normalised by `tp + fp + fn` (so they sum
/// to 1), except for a page where both texts have no shingle, which is all
/// zeros.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ShingleCounts {
    /// Normalised number of shingles present in both texts (multiset minimum).
    pub tp: f64,
    /// Normalised number of predicted shingles in excess of the truth.
    pub fp: f64,
    /// Normalised number of truth shingles missing from the prediction.
    pub fn_: f64,
}

/// The `\w+` tokens of `text` (case kept) as ids, numbering tokens not yet
/// in `ids` from its current length on.
fn token_ids<'a>(text: &'a str, ids: &mut FastMap<&'a str, usize>) -> Vec<usize> {
    raw_tokens(text)
        .map(|token| {
            let next = ids.len();
            *ids.entry(token).or_insert(next)
        })
        .collect()
}

/// Multiset of the 4-token shingles of `tokens`.
///
/// As in the scrapinghub benchmark (`range(0, max(1, len(tokens) - n + 1))`
/// followed by dropping empty tuples), a text with 1 to 3 tokens yields a
/// single shorter shingle made of all its tokens, and a text with no token
/// yields no shingle.
fn shingles(tokens: &[usize]) -> FastMap<Shingle, u32> {
    let mut counts: FastMap<Shingle, u32> = FastMap::default();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE_LEN {
        let mut shingle = [NO_TOKEN; SHINGLE_LEN];
        shingle[..tokens.len()].copy_from_slice(tokens);
        counts.insert(shingle, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE_LEN) {
        let mut shingle = [NO_TOKEN; SHINGLE_LEN];
        shingle.copy_from_slice(window);
        *counts.entry(shingle).or_insert(0) += 1;
    }
    counts
}

/// Normalised shingle true/false positives and false negatives of one page.
///
/// Tokens are the `\w+` runs with case kept; shingles are runs of 4
/// consecutive tokens counted as a multiset. As in the scrapinghub benchmark,
/// a text with 1–3 tokens has a single shingle made of all its tokens and a
/// text with no token has none.
/// `tp = Σ min`, `fp = Σ (pred − truth)⁺`, `fn = Σ (truth − pred)⁺`, each
/// then divided by `tp + fp + fn` when that sum is positive.
pub fn shingle_counts(predicted: &str, truth: &str) -> ShingleCounts {
    let mut ids: FastMap<&str, usize> = FastMap::default();
    let truth_tokens = token_ids(truth, &mut ids);
    let predicted_tokens = token_ids(predicted, &mut ids);
    let truth_shingles = shingles(&truth_tokens);
    let predicted_shingles = shingles(&predicted_tokens);

    let truth_total: u64 = truth_shingles.values().map(|&c| u64::from(c)).sum();
    let predicted_total: u64 = predicted_shingles.values().map(|&c| u64::from(c)).sum();
    let common: u64 = predicted_shingles
        .iter()
        .map(|(shingle, &count)| {
            let in_truth = truth_shingles.get(shingle).copied().unwrap_or(0);
            u64::from(count.min(in_truth))
        })
        .sum();

    let tp = common as f64;
    let fp = (predicted_total - common) as f64;
    let fn_ = (truth_total - common) as f64;
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        ShingleCounts {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        ShingleCounts::default()
    }
}

/// Snippet hits for one page.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct SnippetCounts {
    /// `with` snippets found in the prediction.
    pub tp: u64,
    /// `without` snippets found in the prediction.
    pub fp: u64,
    /// `with` snippets missing from the prediction.
    pub fn_: u64,
}

impl std::ops::AddAssign for SnippetCounts {
    /// Adds the counts field by field.
    fn add_assign(&mut self, other: Self) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Snippet hits of one page, as in trafilatura's evaluation.
///
/// Whitespace runs are collapsed to one space (and the ends trimmed) in both
/// the prediction and each snippet, then each snippet is searched for as a
/// case-sensitive substring: a `with` snippet found is a true positive, one
/// not found a false negative; a `without` snippet found is a false positive
/// (one not found is a true negative, which the metric does not use). As in
/// the Python reference (`'' in text` is true), a snippet that is empty after
/// collapsing counts as found.
pub fn snippet_counts(predicted: &str, with: &[String], without: &[String]) -> SnippetCounts {
    let text = collapse_whitespace(predicted);
    let found = |snippet: &String| text.contains(collapse_whitespace(snippet).as_str());
    let mut counts = SnippetCounts::default();
    for snippet in with {
        if found(snippet) {
            counts.tp += 1;
        } else {
            counts.fn_ += 1;
        }
    }
    counts.fp = without.iter().filter(|snippet| found(snippet)).count() as u64;
    counts
}

/// Whether the predicted title equals the truth after Unicode case folding
/// (`ß` and `ss` are equal, as with Python's `str.casefold`), collapsing
/// whitespace runs to one space and trimming. A missing prediction is wrong.
pub fn title_matches(predicted: Option<&str>, truth: &str) -> bool {
    match predicted {
        Some(predicted) => {
            collapse_whitespace(&caseless::default_case_fold_str(predicted))
                == collapse_whitespace(&caseless::default_case_fold_str(truth))
        }
        None => false,
    }
}

/// The lowercased author name tokens of `text`: split on whitespace, `,`,
/// `;` and `&`, with empty tokens and the standalone word "and" dropped.
fn author_tokens(text: &str) -> HashSet<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&'))
        .filter(|token| !token.is_empty())
        .map(caseless::default_case_fold_str)
        .filter(|token| token != "and")
        .collect()
}

/// Whether the predicted author equals the truth as a set of lowercased
/// tokens (split on whitespace, commas, semicolons, `&` and the whole word
/// "and", case-insensitively), so `"Jane Doe and John Smith"` matches
/// `"john smith, jane doe"` but `"Jane"` does not match `"Jane Doe"`.
/// A missing prediction is wrong.
pub fn author_matches(predicted: Option<&str>, truth: &str) -> bool {
    match predicted {
        Some(predicted) => author_tokens(predicted) == author_tokens(truth),
        None => false,
    }
}

/// The first 10 characters of `text` after trimming.
fn first_ten_chars(text: &str) -> String {
    text.trim().chars().take(10).collect()
}

/// Whether `year` is a Gregorian leap year.
fn is_leap_year(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Parses a run of ASCII digits as a number; `None` if any byte is not one.
fn parse_digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |acc, &b| {
        if b.is_ascii_digit() {
            Some(acc * 10 + u32::from(b - b'0'))
        } else {
            None
        }
    })
}

/// Whether `text` is exactly a valid calendar date written `YYYY-MM-DD`.
fn is_valid_ymd(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (
        parse_digits(&bytes[0..4]),
        parse_digits(&bytes[5..7]),
        parse_digits(&bytes[8..10]),
    ) else {
        return false;
    };
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// Whether the predicted date names the same day as the truth.
///
/// The first 10 characters of the trimmed prediction must form a valid
/// `YYYY-MM-DD` date (so `"2017-03-19T12:08:00+08:00"` is read as
/// `2017-03-19` and `"2017-3-19"` is rejected) and must equal the first 10
/// characters of the trimmed truth. A missing prediction is wrong.
pub fn date_matches(predicted: Option<&str>, truth: &str) -> bool {
    let Some(predicted) = predicted else {
        return false;
    };
    // Some tools write the date as a JSON string inside the string.
    let day = first_ten_chars(predicted.trim().trim_matches(['"', '\'']));
    is_valid_ymd(&day) && day == first_ten_chars(truth)
}

/// Corpus-level word score: the macro (per-page) mean of [`word_prf`].
///
/// Each of precision, recall and F1 is the plain mean of the per-page
/// values; in particular the reported F1 is the mean of per-page F1, not
/// `2PR/(P+R)` of the mean precision and recall.
#[derive(Debug, Default, Clone)]
pub struct WordScore {
    /// Number of pages added.
    pages: usize,
    /// Sum of per-page precision.
    precision_sum: f64,
    /// Sum of per-page recall.
    recall_sum: f64,
    /// Sum of per-page F1.
    f1_sum: f64,
}

impl WordScore {
    /// Adds one page's [`word_prf`] result.
    pub fn add(&mut self, page: Prf) {
        self.pages += 1;
        self.precision_sum += page.precision;
        self.recall_sum += page.recall;
        self.f1_sum += page.f1;
    }

    /// Mean precision, recall and F1 over the pages, or `None` when no page
    /// was added.
    pub fn mean(&self) -> Option<Prf> {
        if self.pages == 0 {
            return None;
        }
        let n = self.pages as f64;
        Some(Prf {
            precision: self.precision_sum / n,
            recall: self.recall_sum / n,
            f1: self.f1_sum / n,
        })
    }

    /// Number of pages added.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

/// Corpus-level shingle score, aggregated as in the scrapinghub benchmark.
///
/// Page precision is `tp/(tp+fp)` (1 when `fp = fn = 0`) and is averaged over
/// the pages with `tp + fp > 0`; page recall is `tp/(tp+fn)` (1 when
/// `fp = fn = 0`) averaged over the pages with `tp + fn > 0`. So a page whose
/// truth and prediction both have no shingle is left out of both means. The
/// F1 is `2PR/(P+R)` of the two means. Where the reference would take the
/// mean of an empty list (an error in Python), that mean is defined as 0 here.
#[derive(Debug, Default, Clone)]
pub struct ShingleScore {
    /// Number of pages added, including those excluded from both means.
    pages: usize,
    /// Sum of page precision over the pages with `tp + fp > 0`.
    precision_sum: f64,
    /// Number of pages with `tp + fp > 0`.
    precision_pages: usize,
    /// Sum of page recall over the pages with `tp + fn > 0`.
    recall_sum: f64,
    /// Number of pages with `tp + fn > 0`.
    recall_pages: usize,
}

impl ShingleScore {
    /// Adds one page's [`shingle_counts`] result.
    pub fn add(&mut self, page: ShingleCounts) {
        let ShingleCounts { tp, fp, fn_ } = page;
        let perfect = fp == 0.0 && fn_ == 0.0;
        self.pages += 1;
        if tp + fp > 0.0 {
            self.precision_pages += 1;
            self.precision_sum += if perfect { 1.0 } else { ratio(tp, tp + fp) };
        }
        if tp + fn_ > 0.0 {
            self.recall_pages += 1;
            self.recall_sum += if perfect { 1.0 } else { ratio(tp, tp + fn_) };
        }
    }

    /// Mean page precision, mean page recall and their harmonic mean, or
    /// `None` when no page was added. A mean over no eligible page is 0.
    pub fn result(&self) -> Option<Prf> {
        if self.pages == 0 {
            return None;
        }
        let precision = ratio(self.precision_sum, self.precision_pages as f64);
        let recall = ratio(self.recall_sum, self.recall_pages as f64);
        Some(Prf {
            precision,
            recall,
            f1: harmonic_f1(precision, recall),
        })
    }
}

/// Corpus-level snippet score: counts summed over all pages (micro average).
///
/// `P = tp/(tp+fp)`, `R = tp/(tp+fn)` and `F1 = 2tp/(2tp+fp+fn)` (trafilatura's
/// formula, equal to `2PR/(P+R)`); each is 0 when its denominator is 0.
#[derive(Debug, Default, Clone)]
pub struct SnippetScore {
    /// Counts summed over the pages added so far.
    total: SnippetCounts,
}

impl SnippetScore {
    /// Adds one page's [`snippet_counts`] result.
    pub fn add(&mut self, page: SnippetCounts) {
        self.total += page;
    }

    /// Micro precision, recall and F1, or `None` when no snippet was counted
    /// at all (`tp + fp + fn == 0`; `without` snippets correctly absent are
    /// true negatives, which are not counted).
    pub fn result(&self) -> Option<Prf> {
        let SnippetCounts { tp, fp, fn_ } = self.total;
        if tp + fp + fn_ == 0 {
            return None;
        }
        let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
        Some(Prf {
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn_),
            f1: ratio(2.0 * tp, 2.0 * tp + fp + fn_),
        })
    }
}

/// Corpus-level accuracy of a yes/no check, such as [`title_matches`] over
/// the pages whose truth has a title.
#[derive(Debug, Default, Clone)]
pub struct Accuracy {
    /// Number of pages added.
    pages: usize,
    /// Number of pages that matched.
    correct: usize,
}

impl Accuracy {
    /// Adds one page's outcome.
    pub fn add(&mut self, correct: bool) {
        self.pages += 1;
        if correct {
            self.correct += 1;
        }
    }

    /// Fraction of pages that matched, or `None` when no page was added.
    pub fn result(&self) -> Option<f64> {
        if self.pages == 0 {
            None
        } else {
            Some(self.correct as f64 / self.pages as f64)
        }
    }

    /// Number of pages added.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-12;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < EPS
    }

    fn assert_prf(actual: Prf, precision: f64, recall: f64, f1: f64) {
        assert!(
            close(actual.precision, precision)
                && close(actual.recall, recall)
                && close(actual.f1, f1),
            "got {actual:?}, expected P={precision} R={recall} F1={f1}"
        );
    }

    fn assert_shingles(actual: ShingleCounts, tp: f64, fp: f64, fn_: f64) {
        assert!(
            close(actual.tp, tp) && close(actual.fp, fp) && close(actual.fn_, fn_),
            "got {actual:?}, expected tp={tp} fp={fp} fn={fn_}"
        );
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    // ---- word F1 ----

    #[test]
    fn word_identical_texts_score_one() {
        let text = "The quick brown fox jumps over the lazy dog.";
        assert_prf(word_prf(text, text), 1.0, 1.0, 1.0);
    }

    #[test]
    fn word_both_empty_score_one() {
        assert_prf(word_prf("", ""), 1.0, 1.0, 1.0);
        // No word characters at all counts as empty.
        assert_prf(word_prf("  ...  ", "!?\n"), 1.0, 1.0, 1.0);
    }

    #[test]
    fn word_one_side_empty_scores_zero() {
        assert_prf(word_prf("", "some truth"), 0.0, 0.0, 0.0);
        assert_prf(word_prf("some prediction", ""), 0.0, 0.0, 0.0);
    }

    #[test]
    fn word_disjoint_texts_score_zero() {
        assert_prf(word_prf("alpha beta", "gamma delta"), 0.0, 0.0, 0.0);
    }

    #[test]
    fn word_repeated_tokens_use_multiset_intersection() {
        // pred {a:3, b:1}, truth {a:1, b:2}: overlap = min(3,1) + min(1,2) = 2.
        // P = 2/4, R = 2/3, F1 = 2 * (1/2) * (2/3) / (1/2 + 2/3) = 4/7.
        assert_prf(word_prf("a a a b", "a b b"), 0.5, 2.0 / 3.0, 4.0 / 7.0);
    }

    #[test]
    fn word_partial_overlap() {
        // pred 4 tokens, truth 2 tokens, overlap 2: P = 1/2, R = 1, F1 = 2/3.
        assert_prf(
            word_prf("x y hello world", "hello world"),
            0.5,
            1.0,
            2.0 / 3.0,
        );
    }

    #[test]
    fn word_is_case_insensitive() {
        assert_prf(word_prf("Hello WORLD", "hello world"), 1.0, 1.0, 1.0);
        assert_prf(word_prf("ÜBER Straße", "über STRASSE"), 0.5, 0.5, 0.5);
    }

    #[test]
    fn word_tokens_unicode() {
        assert_eq!(word_tokens("Straße größer"), ["straße", "größer"]);
        assert_eq!(word_tokens("Привет, МИР!"), ["привет", "мир"]);
        assert_eq!(word_tokens("中文字符 test"), ["中文字符", "test"]);
        assert_eq!(
            word_tokens("Café naïve 2024 élan9"),
            ["café", "naïve", "2024", "élan9"]
        );
        assert_eq!(word_tokens("ΣΑΣ"), ["σας"]);
    }

    #[test]
    fn word_tokens_split_on_punctuation_keep_underscore() {
        assert_eq!(word_tokens("Don't stop"), ["don", "t", "stop"]);
        assert_eq!(
            word_tokens("a b,cd:e(foo,bar) "),
            ["a", "b", "cd", "e", "foo", "bar"]
        );
        assert_eq!(word_tokens("snake_case x-y"), ["snake_case", "x", "y"]);
        assert!(word_tokens("  -- !! ").is_empty());
    }

    #[test]
    fn word_score_is_macro_mean() {
        let mut score = WordScore::default();
        assert_eq!(score.mean(), None);
        assert_eq!(score.pages(), 0);
        score.add(word_prf("a a a b", "a b b")); // P 1/2, R 2/3, F1 4/7
        score.add(word_prf("same", "same")); // 1, 1, 1
        score.add(word_prf("", "missing")); // 0, 0, 0
        assert_eq!(score.pages(), 3);
        let mean = score.mean().expect("pages were added");
        let p = (0.5 + 1.0) / 3.0;
        let r = (2.0 / 3.0 + 1.0) / 3.0;
        let f1 = (4.0 / 7.0 + 1.0) / 3.0;
        assert_prf(mean, p, r, f1);
        // Mean of per-page F1, not the harmonic mean of the mean P and R.
        assert!(!close(mean.f1, 2.0 * p * r / (p + r)));
    }

    // ---- shingle F1 ----

    #[test]
    fn shingle_hand_example() {
        // truth "a b c d e": (a b c d), (b c d e)
        // pred  "a b c d x": (a b c d), (b c d x)
        // tp = 1, fp = 1, fn = 1, normalised by 3.
        let third = 1.0 / 3.0;
        assert_shingles(
            shingle_counts("a b c d x", "a b c d e"),
            third,
            third,
            third,
        );

        // truth "a b c d e f": (a b c d), (b c d e), (c d e f)
        // pred  "b c d e":     (b c d e)
        // tp = 1, fp = 0, fn = 2, normalised by 3.
        assert_shingles(
            shingle_counts("b c d e", "a b c d e f"),
            third,
            0.0,
            2.0 * third,
        );
    }

    #[test]
    fn shingle_repeated_shingles_are_a_multiset() {
        // truth "a b c d a b c d": (a b c d) x2, (b c d a), (c d a b), (d a b c)
        // pred  "a b c d":         (a b c d)
        // tp = 1, fp = 0, fn = 4, normalised by 5.
        assert_shingles(shingle_counts("a b c d", "a b c d a b c d"), 0.2, 0.0, 0.8);
        // And the other way round: tp = 1, fp = 4, fn = 0.
        assert_shingles(shingle_counts("a b c d a b c d", "a b c d"), 0.2, 0.8, 0.0);
    }

    #[test]
    fn shingle_identical_and_case_kept() {
        let text = "One two three four five six.";
        assert_shingles(shingle_counts(text, text), 1.0, 0.0, 0.0);
        // Case is kept: (A b c d) and (a b c d) differ.
        assert_shingles(shingle_counts("A b c d", "a b c d"), 0.0, 0.5, 0.5);
    }

    #[test]
    fn shingle_short_texts() {
        // 1-3 tokens form a single shingle of all the tokens.
        assert_shingles(shingle_counts("a b c", "a b c"), 1.0, 0.0, 0.0);
        // (a b c d) vs (a b c): no match.
        assert_shingles(shingle_counts("a b c d", "a b c"), 0.0, 0.5, 0.5);
        // No tokens, no shingles.
        assert_shingles(shingle_counts("", ""), 0.0, 0.0, 0.0);
        assert_shingles(shingle_counts("!", "?"), 0.0, 0.0, 0.0);
        assert_shingles(shingle_counts("", "a"), 0.0, 0.0, 1.0);
        assert_shingles(shingle_counts("a", ""), 0.0, 1.0, 0.0);
    }

    #[test]
    fn shingle_score_aggregation() {
        let mut score = ShingleScore::default();
        assert_eq!(score.result(), None);
        // P 1, R 1.
        score.add(ShingleCounts {
            tp: 1.0,
            fp: 0.0,
            fn_: 0.0,
        });
        // P 1, R 1/2.
        score.add(ShingleCounts {
            tp: 0.5,
            fp: 0.0,
            fn_: 0.5,
        });
        // Empty truth: P 0, excluded from recall.
        score.add(shingle_counts("a", ""));
        // Empty prediction: excluded from precision, R 0.
        score.add(shingle_counts("", "a"));
        // Both empty: excluded from both.
        score.add(shingle_counts("", ""));
        // P = (1 + 1 + 0)/3 = 2/3, R = (1 + 1/2 + 0)/3 = 1/2,
        // F1 = 2 * (2/3) * (1/2) / (2/3 + 1/2) = 4/7.
        let result = score.result().expect("pages were added");
        assert_prf(result, 2.0 / 3.0, 0.5, 4.0 / 7.0);
    }

    #[test]
    fn shingle_score_with_no_eligible_page_is_zero() {
        let mut score = ShingleScore::default();
        score.add(shingle_counts("", ""));
        assert_prf(score.result().expect("a page was added"), 0.0, 0.0, 0.0);
    }

    // ---- snippet F1 ----

    #[test]
    fn snippet_found_across_line_break() {
        let counts = snippet_counts("foo\n\n bar baz", &strings(&["foo bar"]), &[]);
        assert_eq!(
            counts,
            SnippetCounts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        // Whitespace in the snippet itself is collapsed and trimmed too.
        let counts = snippet_counts("foo bar", &strings(&["  foo \t\n bar "]), &[]);
        assert_eq!(counts.tp, 1);
    }

    #[test]
    fn snippet_is_case_sensitive() {
        let counts = snippet_counts("Foo Bar", &strings(&["foo bar"]), &[]);
        assert_eq!(
            counts,
            SnippetCounts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
    }

    #[test]
    fn snippet_without_present_is_false_positive() {
        let counts = snippet_counts(
            "Article text. Subscribe to our newsletter!",
            &strings(&["Article text."]),
            &strings(&["Subscribe to our newsletter", "Related posts"]),
        );
        assert_eq!(
            counts,
            SnippetCounts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
    }

    #[test]
    fn snippet_counts_add_assign() {
        let mut total = SnippetCounts {
            tp: 1,
            fp: 2,
            fn_: 3,
        };
        total += SnippetCounts {
            tp: 10,
            fp: 20,
            fn_: 30,
        };
        assert_eq!(
            total,
            SnippetCounts {
                tp: 11,
                fp: 22,
                fn_: 33
            }
        );
    }

    #[test]
    fn snippet_score_over_two_pages() {
        let mut score = SnippetScore::default();
        assert_eq!(score.result(), None);
        // Page 1: two `with` found, one missing, no `without` found.
        score.add(snippet_counts(
            "one two three",
            &strings(&["one", "two", "four"]),
            &strings(&["five"]),
        ));
        // Page 2: one `with` found, two `without` found.
        score.add(snippet_counts(
            "alpha beta gamma",
            &strings(&["alpha"]),
            &strings(&["beta", "gamma", "delta"]),
        ));
        // tp 3, fp 2, fn 1: P = 3/5, R = 3/4, F1 = 6/9 = 2/3.
        assert_prf(
            score.result().expect("snippets counted"),
            0.6,
            0.75,
            2.0 / 3.0,
        );
    }

    #[test]
    fn snippet_score_guards_zero_denominators() {
        let mut score = SnippetScore::default();
        score.add(SnippetCounts {
            tp: 0,
            fp: 2,
            fn_: 0,
        });
        // P = 0/2, R = 0/0 -> 0, F1 = 0/2.
        assert_prf(score.result().expect("snippets counted"), 0.0, 0.0, 0.0);
    }

    // ---- metadata ----

    #[test]
    fn title_folding_and_whitespace() {
        assert!(title_matches(Some("  Hello   World\n"), "hello world"));
        assert!(title_matches(Some("ÜBER ALLES"), "über alles"));
        assert!(!title_matches(Some("Hello"), "Hello World"));
        assert!(!title_matches(None, "Hello World"));
    }

    #[test]
    fn author_set_matching() {
        assert!(author_matches(
            Some("Jane Doe and John Smith"),
            "john smith, jane doe"
        ));
        assert!(!author_matches(Some("Jane Doe"), "Jane"));
        assert!(!author_matches(Some("Jane"), "Jane Doe"));
        assert!(author_matches(Some("A & B; C AND d"), "a b c d"));
        // "and" is only dropped as a whole word.
        assert!(!author_matches(Some("Andrew Anderson"), "rew erson"));
        assert!(author_matches(Some("Andrew Anderson"), "anderson, andrew"));
        assert!(!author_matches(None, "Jane Doe"));
    }

    #[test]
    fn date_matching() {
        assert!(date_matches(
            Some("2017-03-19T12:08:00+08:00"),
            "2017-03-19"
        ));
        assert!(date_matches(Some(" 2017-03-19 "), "2017-03-19T00:00:00"));
        assert!(!date_matches(None, "2017-03-19"));
        assert!(!date_matches(Some("2017-3-19"), "2017-03-19"));
        assert!(!date_matches(Some("2017-03-20"), "2017-03-19"));
        assert!(!date_matches(Some("2017-02-30"), "2017-02-30"));
        assert!(date_matches(Some("2016-02-29"), "2016-02-29"));
        assert!(!date_matches(Some("2017-02-29"), "2017-02-29"));
        assert!(!date_matches(Some("March 19, 2017"), "2017-03-19"));
        // Non-ASCII input must not panic.
        assert!(!date_matches(Some("２０１７-03-19"), "2017-03-19"));
        assert!(!date_matches(Some(""), ""));
    }

    #[test]
    fn accuracy_counts() {
        let mut accuracy = Accuracy::default();
        assert_eq!(accuracy.result(), None);
        accuracy.add(true);
        accuracy.add(false);
        accuracy.add(true);
        assert_eq!(accuracy.pages(), 3);
        let result = accuracy.result().expect("pages were added");
        assert!(close(result, 2.0 / 3.0));
    }

    #[test]
    fn results_serialize() {
        let prf = Prf {
            precision: 0.5,
            recall: 1.0,
            f1: 0.75,
        };
        let json = serde_json::to_value(prf).expect("serializable");
        assert_eq!(
            json,
            serde_json::json!({"precision": 0.5, "recall": 1.0, "f1": 0.75})
        );
        let json = serde_json::to_value(SnippetCounts {
            tp: 1,
            fp: 2,
            fn_: 3,
        })
        .expect("serializable");
        assert_eq!(json, serde_json::json!({"tp": 1, "fp": 2, "fn_": 3}));
    }
}
