//! The lines of a text dump, held compactly: the cleaner reads every line several times (to
//! gather page-wide counts, to score it, to apply the rules), so a line is collapsed and
//! lowercased once, into two shared buffers, and otherwise costs a few bytes of per-line facts.
//!
//! Lines are read back in order: nothing after the dump is split needs more than a pass from
//! the top, and a pass over one buffer costs no per-line offsets.

use super::substring::Haystack;
use crate::text::count_words;
use crate::vocab::SENTENCE_END_CHARS;

/// Per-line bit: the line opens a blank-line-separated block.
pub const OPENS_BLOCK: u8 = 1;
/// Per-line bit: the line ends in a sentence end other than a colon.
pub const ENDS_SENTENCE: u8 = 1 << 1;
/// Per-line bit: a short line (1–4 words) without a sentence end.
pub const SHORT: u8 = 1 << 2;
/// Per-line bit: prose by its shape, as [`super::features::is_prose_shape`] decides.
pub const PROSE: u8 = 1 << 3;
/// Per-line bit: the line repeats the page title on the first line (or part of it).
pub const TITLE_REPEAT: u8 = 1 << 4;

/// A line repeats the title only when it has at least this many characters, or equals it.
const TITLE_REPEAT_MIN_CHARS: usize = 12;

/// The non-empty lines of a dump, whitespace collapsed, with the facts about each line that
/// the page-wide features read for neighbours and windows.
#[derive(Debug, Default)]
pub struct Lines {
    /// The collapsed lines joined by `\n` (which no collapsed line holds).
    text: String,
    /// Each line lowercased on its own, joined by `\n`.
    lower: String,
    /// Per line: its `\w+` tokens (saturating; a line would need gigabytes to saturate).
    words: Vec<u32>,
    /// Per line: the bits above.
    flags: Vec<u8>,
}

/// One line as the passes see it.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line, whitespace collapsed.
    pub text: &'a str,
    /// The line lowercased.
    pub lower: &'a str,
    /// Its number of `\w+` tokens.
    pub words: usize,
    /// Its bits.
    pub flags: u8,
}

impl Line<'_> {
    /// Whether the line has all the bits of `bits`.
    pub fn has(&self, bits: u8) -> bool {
        self.flags & bits == bits
    }
}

impl Lines {
    /// Splits a dump into its non-empty lines; a blank line (after collapsing) between two
    /// lines starts a new block.
    pub fn new(dump: &str) -> Lines {
        let mut lines = Lines::default();
        let mut blank = false;
        for raw in dump.split('\n') {
            if !lines.push(raw, blank) {
                blank = true;
                continue;
            }
            blank = false;
        }
        lines.mark_title_repeats();
        lines
    }

    /// Lines given already collapsed, with the block each belongs to (block numbers that
    /// change only between blocks, as [`Lines::new`] numbers them).
    pub fn from_collapsed<S: AsRef<str>>(lines: &[S], blocks: &[usize]) -> Lines {
        let mut out = Lines::default();
        for (i, line) in lines.iter().enumerate() {
            let new_block = i > 0 && blocks.get(i) != blocks.get(i - 1);
            out.push(line.as_ref(), new_block);
        }
        out.mark_title_repeats();
        out
    }

    /// Appends one raw line, collapsing its whitespace; returns false (and appends nothing)
    /// when the line is blank.
    fn push(&mut self, raw: &str, after_blank: bool) -> bool {
        let start = self.text.len() + usize::from(!self.words.is_empty());
        let mut first = true;
        for word in raw.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if first {
                if !self.words.is_empty() {
                    self.text.push('\n');
                }
                first = false;
            } else {
                self.text.push(' ');
            }
            self.text.push_str(word);
        }
        if first {
            return false;
        }
        let line = &self.text[start..];
        if !self.words.is_empty() {
            self.lower.push('\n');
        }
        if line.is_ascii() {
            self.lower
                .extend(line.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.lower.push_str(&line.to_lowercase());
        }
        let words = count_words(line);
        let last = line.chars().last().unwrap_or(' ');
        let ends = SENTENCE_END_CHARS.contains(&last);
        let mut flags = 0;
        if self.words.is_empty() || after_blank {
            flags |= OPENS_BLOCK;
        }
        if ends && last != ':' {
            flags |= ENDS_SENTENCE;
        }
        if words > 0 && words < 5 && !ends {
            flags |= SHORT;
        }
        if words >= 16 || (words >= 6 && ends) {
            flags |= PROSE;
        }
        self.words.push(u32::try_from(words).unwrap_or(u32::MAX));
        self.flags.push(flags);
        true
    }

    /// Sets [`TITLE_REPEAT`] on the lines of at least two words that equal the first line
    /// lowercased, or that it holds and that have at least [`TITLE_REPEAT_MIN_CHARS`]
    /// characters.
    fn mark_title_repeats(&mut self) {
        let Lines {
            lower,
            words,
            flags,
            ..
        } = self;
        let mut lowered = lower.split('\n');
        let Some(title) = lowered.next().filter(|title| !title.is_empty()) else {
            return;
        };
        let candidates = lowered
            .clone()
            .zip(words.iter().skip(1))
            .filter(|&(line, &count)| count >= 2 && line.len() >= TITLE_REPEAT_MIN_CHARS)
            .count();
        let haystack = Haystack::new(title, candidates);
        for ((line, &count), flag) in lower.split('\n').zip(words.iter()).zip(flags.iter_mut()) {
            if count >= 2
                && (line == title
                    || (line.chars().count() >= TITLE_REPEAT_MIN_CHARS && haystack.contains(line)))
            {
                *flag |= TITLE_REPEAT;
            }
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the dump has no non-empty line.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The lines from the top.
    pub fn iter(&self) -> impl Iterator<Item = Line<'_>> + Clone + '_ {
        // `split` on an empty buffer yields one empty string; `zip` with the facts ends there
        self.text
            .split('\n')
            .zip(self.lower.split('\n'))
            .zip(self.words.iter().zip(&self.flags))
            .map(|((text, lower), (&words, &flags))| Line {
                text,
                lower,
                words: words as usize,
                flags,
            })
    }

    /// Line `index`, found by a pass from the top (for the one or two lines read out of order).
    pub fn nth(&self, index: usize) -> Option<Line<'_>> {
        self.iter().nth(index)
    }

    /// Each line's number of `\w+` tokens.
    pub fn word_counts(&self) -> &[u32] {
        &self.words
    }

    /// Each line's bits.
    pub fn flags(&self) -> &[u8] {
        &self.flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_collapsed_lowercased_and_blocked() {
        let lines = Lines::new("  Storm  Hits\tCoast \n\n\u{a0}\nHome\nNEWS.\n\n  \nLast line\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Storm Hits Coast", "Home", "NEWS.", "Last line"]);
        let lower: Vec<&str> = lines.iter().map(|l| l.lower).collect();
        assert_eq!(lower, ["storm hits coast", "home", "news.", "last line"]);
        let opens: Vec<bool> = lines.iter().map(|l| l.has(OPENS_BLOCK)).collect();
        assert_eq!(opens, [true, true, false, true]);
        assert_eq!(lines.word_counts(), [3, 1, 1, 2]);
        assert!(lines
            .nth(2)
            .is_some_and(|l| l.has(ENDS_SENTENCE) && !l.has(SHORT)));
        assert!(lines.nth(1).is_some_and(|l| l.has(SHORT)));
        assert!(lines.nth(4).is_none());
    }

    #[test]
    fn a_dump_of_blank_lines_has_no_lines() {
        let lines = Lines::new(" \n\t\n\n");
        assert!(lines.is_empty());
        assert_eq!(lines.iter().count(), 0);
    }

    #[test]
    fn lowercasing_one_line_at_a_time_matches_str_to_lowercase() {
        // final sigma depends on its neighbours: lowercasing line by line must see them
        let dump = "ΟΔΟΣ ΑΘΗΝΑΣ\nİstanbul ÇAĞ\nPlain ASCII Line";
        let lines = Lines::new(dump);
        for (line, raw) in lines.iter().zip(dump.split('\n')) {
            assert_eq!(line.lower, raw.to_lowercase());
        }
    }

    #[test]
    fn title_repeats_are_marked() {
        let lines = Lines::from_collapsed(
            &[
                "Storm hits the coast | Daily News",
                "Storm hits the coast",
                "Storm",
                "storm hits the coast | daily news",
                "Daily News",
            ],
            &[0, 1, 1, 1, 1],
        );
        let repeats: Vec<bool> = lines.iter().map(|l| l.has(TITLE_REPEAT)).collect();
        assert_eq!(repeats, [true, true, false, true, false]);
    }
}
