//! The feature rows of a whole dump, one line at a time.
//!
//! A row is built just before it is scored and then dropped, so a dump of any length holds one
//! row. What a row needs from beyond its line is gathered first: page totals, the densest
//! span of prose, how often each line, shape, first word and digit-folded text recur. In the
//! scoring pass, runs, blocks and windows are followed with counters that move one line at a
//! time (each line enters and leaves a window once), and neighbours are read from the per-line
//! facts of [`Lines`].

use super::features::{flag, ln_1p, pack_kinds, push_base, word_iter, KindBits, FEATURE_COUNT};
use super::lines::{Lines, ENDS_SENTENCE, OPENS_BLOCK, PROSE, SHORT, TITLE_REPEAT};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{Hash, Hasher};

/// Currency signs: price lines of shop and listing pages.
const CURRENCY_CHARS: &[char] = &['$', '€', '£', '¥', '₹'];

/// A line's coarse shape: its words (up to 8), last character, whether it has a digit, and
/// whether its first word is capitalised. Spec sheets, price lists and link lists repeat one.
type Shape = (usize, Option<char>, bool, Option<bool>);

fn shape(line: &str, word_count: usize) -> Shape {
    let first = word_iter(line)
        .next()
        .map(|t| t.chars().next().is_some_and(char::is_uppercase));
    (
        word_count.min(8),
        line.chars().last(),
        line.chars().any(|c| c.is_ascii_digit()),
        first,
    )
}

/// A lowercased line with its ASCII digits read as `0`, compared and hashed without building
/// the folded copy ("page 1 of 3" and "page 2 of 3" are one key). A digit is one byte in
/// UTF-8 and no other character's bytes look like one, so folding bytes folds characters.
#[derive(Debug, Clone, Copy)]
struct DigitsFolded<'a>(&'a str);

fn fold_digit(byte: u8) -> u8 {
    if byte.is_ascii_digit() {
        b'0'
    } else {
        byte
    }
}

impl Hash for DigitsFolded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.0.len());
        for chunk in self.0.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            for (w, &b) in word.iter_mut().zip(chunk) {
                *w = fold_digit(b);
            }
            state.write_u64(u64::from_le_bytes(word));
        }
    }
}

impl PartialEq for DigitsFolded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .bytes()
                .zip(other.0.bytes())
                .all(|(a, b)| fold_digit(a) == fold_digit(b))
    }
}

impl Eq for DigitsFolded<'_> {}

/// What the rows need from the whole page, gathered in one pass before any line is scored.
struct Page<'a> {
    /// All words, at least 1.
    words: usize,
    prose_words: usize,
    first_prose: usize,
    /// The densest span of prose, first and last line.
    span: Option<(usize, usize)>,
    /// The first line after the first that repeats the title.
    headline: Option<usize>,
    title_words: FxHashSet<&'a str>,
    line_counts: FxHashMap<&'a str, usize>,
    shape_counts: FxHashMap<Shape, usize>,
    first_word_counts: FxHashMap<&'a str, usize>,
    folded_counts: FxHashMap<DigitsFolded<'a>, usize>,
}

impl<'a> Page<'a> {
    fn new(lines: &'a Lines) -> Page<'a> {
        let mut page = Page {
            words: 0,
            prose_words: 0,
            first_prose: lines.len(),
            span: None,
            headline: None,
            title_words: FxHashSet::default(),
            line_counts: FxHashMap::default(),
            shape_counts: FxHashMap::default(),
            first_word_counts: FxHashMap::default(),
            folded_counts: FxHashMap::default(),
        };
        let mut densest = DensestSpan::default();
        for (i, line) in lines.iter().enumerate() {
            let prose = line.has(PROSE);
            page.words += line.words;
            if prose {
                page.prose_words += line.words;
                page.first_prose = page.first_prose.min(i);
            }
            densest.push(i, line.words, prose);
            if i == 0 {
                page.title_words = word_iter(line.lower).collect();
            } else if page.headline.is_none() && line.has(TITLE_REPEAT) {
                page.headline = Some(i);
            }
            *page.line_counts.entry(line.text).or_default() += 1;
            *page
                .shape_counts
                .entry(shape(line.text, line.words))
                .or_default() += 1;
            let first = word_iter(line.lower).next().unwrap_or("");
            *page.first_word_counts.entry(first).or_default() += 1;
            *page
                .folded_counts
                .entry(DigitsFolded(line.lower))
                .or_default() += 1;
        }
        page.words = page.words.max(1);
        page.span = densest.best;
        page
    }
}

/// The max-sum span (Kadane) of +words for prose lines and −3 for others, fed a line at a time.
#[derive(Debug, Default)]
struct DensestSpan {
    best: Option<(usize, usize)>,
    best_sum: f64,
    sum: f64,
    start: usize,
}

impl DensestSpan {
    fn push(&mut self, i: usize, words: usize, prose: bool) {
        let score = if prose { words as f64 } else { -3.0 };
        if self.sum <= 0.0 {
            self.sum = 0.0;
            self.start = i;
        }
        self.sum += score;
        if self.sum > self.best_sum {
            self.best_sum = self.sum;
            self.best = Some((self.start, i));
        }
    }
}

/// The share of set flags among the lines within `radius` of a line, for lines taken in
/// order: each line enters and leaves the window once.
#[derive(Debug)]
struct Window {
    radius: usize,
    lo: usize,
    hi: usize,
    set: usize,
}

impl Window {
    fn new(radius: usize) -> Window {
        Window {
            radius,
            lo: 0,
            hi: 0,
            set: 0,
        }
    }

    /// The mean over lines `i - radius ..= i + radius` (clipped to the page) of `flag`; `i`
    /// must not decrease between calls.
    fn mean(&mut self, i: usize, n: usize, flag: impl Fn(usize) -> bool) -> f64 {
        let lo = i.saturating_sub(self.radius);
        let hi = (i + self.radius + 1).min(n);
        while self.hi < hi {
            self.set += usize::from(flag(self.hi));
            self.hi += 1;
        }
        while self.lo < lo {
            self.set -= usize::from(flag(self.lo));
            self.lo += 1;
        }
        self.set as f64 / (hi - lo) as f64
    }
}

/// The length of the run of set flags a line belongs to (0 where unset), for lines taken in
/// order: a run is measured once, when it starts.
#[derive(Debug, Default)]
struct Run {
    end: usize,
    len: usize,
}

impl Run {
    fn at(&mut self, i: usize, n: usize, flag: impl Fn(usize) -> bool) -> usize {
        if i >= self.end {
            let set = flag(i);
            let mut end = i + 1;
            while end < n && flag(end) == set {
                end += 1;
            }
            self.end = end;
            self.len = if set { end - i } else { 0 };
        }
        self.len
    }
}

/// The lines of the block a line belongs to, measured once, when the block opens.
#[derive(Debug, Default)]
struct Block {
    end: usize,
    lines: usize,
    words: usize,
    prose: usize,
    longest: usize,
}

impl Block {
    fn at(&mut self, i: usize, words: &[u32], flags: &[u8]) {
        if i < self.end {
            return;
        }
        *self = Block::default();
        let mut j = i;
        while j < flags.len() && (j == i || flags[j] & OPENS_BLOCK == 0) {
            let count = words[j] as usize;
            self.lines += 1;
            self.words += count;
            self.prose += usize::from(flags[j] & PROSE != 0);
            self.longest = self.longest.max(count);
            j += 1;
        }
        self.end = j;
    }
}

/// Lines within this distance of a line count toward its `same_shape_near`.
const SHAPE_RADIUS: usize = 3;

/// Hands every line's feature row (in [`super::features::FEATURE_NAMES`] order) and its
/// vocabulary kinds to `visit`, from the top.
pub fn for_each_row(lines: &Lines, mut visit: impl FnMut(&[f64], KindBits)) {
    let n = lines.len();
    if n == 0 {
        return;
    }
    let page = Page::new(lines);
    let words = lines.word_counts();
    let flags = lines.flags();
    let has = |j: usize, bit: u8| flags[j] & bit != 0;
    let (mut prose_near, mut prose_around, mut prose_wide) =
        (Window::new(2), Window::new(6), Window::new(15));
    let mut short_around = Window::new(3);
    let (mut short_run, mut prose_run) = (Run::default(), Run::default());
    let mut block = Block::default();
    // shapes of the lines within SHAPE_RADIUS, computed as the lines come into reach
    let mut shapes = [(0, None, false, None); 2 * SHAPE_RADIUS + 1];
    let mut ahead = lines.iter().enumerate();
    let mut shaped = 0;
    let mut line_words: FxHashSet<&str> = FxHashSet::default();
    let mut row = Vec::with_capacity(FEATURE_COUNT);
    let mut before = 0;
    let mut after_comment = false;
    for (i, line) in lines.iter().enumerate() {
        row.clear();
        let kinds = push_base(&mut row, &line);
        let [comment_marker, ..] = kinds;
        let words_before = before as f64 / page.words as f64;
        before += line.words;
        if comment_marker && i > page.first_prose {
            after_comment = true;
        }
        let (inside, distance) = match page.span {
            None => (0.0, 1.0),
            Some((s, _)) if i < s => (0.0, (s - i) as f64 / n as f64),
            Some((_, e)) if i > e => (0.0, (i - e) as f64 / n as f64),
            Some(_) => (1.0, 0.0),
        };
        block.at(i, words, flags);
        row.extend([
            i as f64 / n as f64,
            words_before,
            ln_1p(short_run.at(i, n, |j| has(j, SHORT))),
            ln_1p(prose_run.at(i, n, |j| has(j, PROSE))),
            inside,
            distance,
            prose_near.mean(i, n, |j| has(j, PROSE)),
            prose_around.mean(i, n, |j| has(j, PROSE)),
            short_around.mean(i, n, |j| has(j, SHORT)),
            flag(page.line_counts.get(line.text).copied().unwrap_or(0) > 1),
            flag(after_comment),
            flag(i < page.first_prose),
            flag(line.has(OPENS_BLOCK)),
            flag(i + 1 == n || has(i + 1, OPENS_BLOCK)),
            ln_1p(block.lines),
            ln_1p(block.words),
            ln_1p(page.words),
            ln_1p(n),
            page.prose_words as f64 / page.words as f64,
        ]);
        for offset in [-2isize, -1, 1, 2] {
            match i.checked_add_signed(offset).filter(|&j| j < n) {
                Some(j) => row.extend([
                    ln_1p(words[j] as usize),
                    flag(has(j, ENDS_SENTENCE)),
                    flag(has(j, PROSE)),
                    flag(has(j, SHORT)),
                ]),
                None => row.extend([0.0; 4]),
            }
        }
        // the structure of the page around the line
        let last_in_reach = (i + SHAPE_RADIUS).min(n - 1);
        while shaped <= last_in_reach {
            if let Some((j, next)) = ahead.next() {
                shapes[j % shapes.len()] = shape(next.text, next.words);
            }
            shaped += 1;
        }
        let own_shape = shapes[i % shapes.len()];
        line_words.clear();
        line_words.extend(word_iter(line.lower));
        let similarity = if line_words.is_empty() || page.title_words.is_empty() {
            0.0
        } else {
            line_words.intersection(&page.title_words).count() as f64 / line_words.len() as f64
        };
        let chars = line.text.chars().count();
        let label_value = line
            .text
            .chars()
            .position(|c| c == ':')
            .is_some_and(|colon| {
                colon > 0 && colon <= 30 && chars - colon < 60 && line.words <= 10
            });
        let same_near = (i.saturating_sub(SHAPE_RADIUS)..=last_in_reach)
            .filter(|&j| j != i && shapes[j % shapes.len()] == own_shape)
            .count();
        let first = word_iter(line.lower).next().unwrap_or("");
        let repeats = |count: Option<&usize>| count.copied().unwrap_or(1).saturating_sub(1);
        row.extend([
            similarity,
            flag(label_value),
            flag(line.text.contains(CURRENCY_CHARS)),
            ln_1p(page.shape_counts.get(&own_shape).copied().unwrap_or(0)),
            same_near as f64 / 6.0,
            ln_1p(repeats(page.first_word_counts.get(first))),
            ln_1p(repeats(page.folded_counts.get(&DigitsFolded(line.lower)))),
            block.prose as f64 / block.lines.max(1) as f64,
            ln_1p(block.longest),
            match page.headline {
                Some(h) => (i as f64 - h as f64) / n as f64,
                None => 2.0,
            },
            prose_wide.mean(i, n, |j| has(j, PROSE)),
        ]);
        visit(&row, pack_kinds(kinds));
    }
}

/// Every line's feature row at once, for lines given collapsed with the block of each (block
/// numbers changing only between blocks). The cleaner scores rows as they come instead
/// ([`for_each_row`]); this is for checking rows against the training script.
pub fn page_features<S: AsRef<str>>(lines: &[S], blocks: &[usize]) -> Vec<Vec<f64>> {
    let lines = Lines::from_collapsed(lines, blocks);
    let mut rows = Vec::with_capacity(lines.len());
    for_each_row(&lines, |row, _| rows.push(row.to_vec()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Flags with runs of every length at both ends and in the middle.
    const FLAGS: &[bool] = &[
        true, false, false, true, true, true, false, true, false, false, false, false, true, true,
        false, true, true,
    ];

    #[test]
    fn moving_windows_equal_summing_each_window() {
        let n = FLAGS.len();
        for radius in [0, 1, 2, 3, 6, 15, 40] {
            let mut window = Window::new(radius);
            for i in 0..n {
                let (lo, hi) = (i.saturating_sub(radius), (i + radius + 1).min(n));
                let summed = FLAGS[lo..hi].iter().map(|&f| flag(f)).sum::<f64>();
                let naive = summed / (hi - lo) as f64;
                assert_eq!(
                    window.mean(i, n, |j| FLAGS[j]),
                    naive,
                    "radius {radius} line {i}"
                );
            }
        }
    }

    #[test]
    fn runs_measured_once_equal_runs_measured_everywhere() {
        let n = FLAGS.len();
        let mut run = Run::default();
        for (i, &set) in FLAGS.iter().enumerate() {
            let naive = if set {
                let start = (0..=i).rev().take_while(|&j| FLAGS[j]).last().unwrap_or(i);
                let end = (i..n).take_while(|&j| FLAGS[j]).last().unwrap_or(i);
                end - start + 1
            } else {
                0
            };
            assert_eq!(run.at(i, n, |j| FLAGS[j]), naive, "line {i}");
        }
    }

    #[test]
    fn blocks_measured_once_equal_blocks_summed_per_line() {
        let lines = Lines::from_collapsed(
            &[
                "One two three.",
                "Four",
                "This line is prose because it has more than six words in it.",
                "Five six",
                "Seven",
                "Eight nine ten eleven",
            ],
            &[0, 0, 0, 1, 2, 2],
        );
        let (words, flags) = (lines.word_counts(), lines.flags());
        let blocks = [0, 0, 0, 1, 2, 2];
        let mut block = Block::default();
        for i in 0..lines.len() {
            block.at(i, words, flags);
            let members: Vec<usize> = (0..lines.len())
                .filter(|&j| blocks[j] == blocks[i])
                .collect();
            assert_eq!(block.lines, members.len(), "line {i}");
            assert_eq!(
                block.words,
                members.iter().map(|&j| words[j] as usize).sum::<usize>()
            );
            assert_eq!(
                block.prose,
                members.iter().filter(|&&j| flags[j] & PROSE != 0).count()
            );
            assert_eq!(
                block.longest,
                members
                    .iter()
                    .map(|&j| words[j] as usize)
                    .max()
                    .unwrap_or(0)
            );
        }
    }

    #[test]
    fn digit_folded_keys_ignore_only_which_digit() {
        let mut counts: FxHashMap<DigitsFolded, usize> = FxHashMap::default();
        for line in [
            "page 1 of 3",
            "page 2 of 9",
            "page 12 of 3",
            "päge 1 of 3",
            "page 1 of 3",
        ] {
            *counts.entry(DigitsFolded(line)).or_default() += 1;
        }
        assert_eq!(counts.get(&DigitsFolded("page 0 of 0")), Some(&3));
        assert_eq!(counts.get(&DigitsFolded("page 00 of 0")), Some(&1));
        assert_eq!(counts.get(&DigitsFolded("päge 7 of 7")), Some(&1));
        assert_eq!(counts.get(&DigitsFolded("page a of 0")), None);
    }

    #[test]
    fn rows_have_every_feature_and_one_kind_set_per_kind() {
        let lines = Lines::new("Title\n\nShare this:\n\nLeave a Reply\n12");
        let mut kinds = Vec::new();
        for_each_row(&lines, |row, line_kinds| {
            assert_eq!(row.len(), FEATURE_COUNT);
            kinds.push(line_kinds);
        });
        let expected: Vec<KindBits> = lines
            .iter()
            .map(|line| pack_kinds(super::super::features::line_kinds(line.text)))
            .collect();
        assert_eq!(kinds, expected);
    }
}
