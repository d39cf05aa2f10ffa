//! Whether a string occurs in one fixed text, asked for many strings.
//!
//! A text dump's first line (the page title) is searched for every later line. A search costs
//! time in the length of the title, so a huge first line followed by many lines would cost
//! their product; past a few hundred searches of a long title, a suffix array answers each in
//! time in the length of the line (times a logarithm) instead.

/// A title this long or shorter is searched directly, however many lines there are.
const DIRECT_MAX_BYTES: usize = 1024;

/// With fewer searches than this a direct search is cheaper than sorting the suffixes.
const INDEX_MIN_SEARCHES: usize = 512;

/// A text to search, with its suffixes sorted when it is long and searched often.
#[derive(Debug)]
pub struct Haystack<'a> {
    text: &'a str,
    /// Start of every non-empty suffix of `text`, in byte order of the suffixes.
    suffixes: Option<Vec<u32>>,
}

impl<'a> Haystack<'a> {
    /// Prepares `text` for about `searches` searches.
    pub fn new(text: &'a str, searches: usize) -> Haystack<'a> {
        let indexed = text.len() > DIRECT_MAX_BYTES
            && searches >= INDEX_MIN_SEARCHES
            && u32::try_from(text.len()).is_ok();
        Haystack {
            text,
            suffixes: indexed.then(|| suffix_array(text.as_bytes())),
        }
    }

    /// Whether `needle` occurs in the text, exactly as [`str::contains`] answers.
    pub fn contains(&self, needle: &str) -> bool {
        let Some(suffixes) = &self.suffixes else {
            return self.text.contains(needle);
        };
        let text = self.text.as_bytes();
        let needle = needle.as_bytes();
        let suffix = |start: u32| text.get(start as usize..).unwrap_or_default();
        // the suffixes that start with `needle` are together, from the first one not below it
        let first = suffixes.partition_point(|&start| suffix(start) < needle);
        suffixes
            .get(first)
            .is_some_and(|&start| suffix(start).starts_with(needle))
    }
}

/// The starts of the non-empty suffixes of `text` in sorted order, by prefix doubling with
/// counting sorts (O(n log n) time, four `u32` arrays of the text's length).
///
/// The text gets a sentinel below every byte at its end, so that sorting its rotations, which
/// doubling does, sorts its suffixes.
fn suffix_array(text: &[u8]) -> Vec<u32> {
    let n = text.len() + 1;
    let symbol = |i: usize| text.get(i).map_or(0, |&b| usize::from(b) + 1);
    // rotations sorted by their first 2^h symbols, and each one's class among them
    let mut order = vec![0u32; n];
    let mut class = vec![0u32; n];
    let mut starts = [0usize; 257];
    for i in 0..n {
        starts[symbol(i)] += 1;
    }
    let mut sum = 0;
    for count in starts.iter_mut() {
        let c = *count;
        *count = sum;
        sum += c;
    }
    for i in 0..n {
        let s = symbol(i);
        order[starts[s]] = i as u32;
        starts[s] += 1;
    }
    let mut classes = 0;
    for r in 0..n {
        if r > 0 && symbol(order[r] as usize) != symbol(order[r - 1] as usize) {
            classes += 1;
        }
        class[order[r] as usize] = classes;
    }
    let mut classes = classes as usize + 1;
    let mut shifted = vec![0u32; n];
    // counts per class during the sort, then the new classes
    let mut scratch = vec![0u32; n];
    let mut half = 1;
    while classes < n {
        // rotations starting `half` earlier, in the order of their second halves
        for (s, &o) in shifted.iter_mut().zip(&order) {
            *s = ((o as usize + n - half) % n) as u32;
        }
        scratch[..classes].fill(0);
        for &s in &shifted {
            scratch[class[s as usize] as usize] += 1;
        }
        let mut sum = 0;
        for count in scratch[..classes].iter_mut() {
            sum += *count;
            *count = sum;
        }
        for &s in shifted.iter().rev() {
            let c = class[s as usize] as usize;
            scratch[c] -= 1;
            order[scratch[c] as usize] = s;
        }
        let key = |i: u32| {
            let i = i as usize;
            (class[i], class[(i + half) % n])
        };
        let mut next = 0u32;
        scratch[order[0] as usize] = 0;
        for r in 1..n {
            if key(order[r]) != key(order[r - 1]) {
                next += 1;
            }
            scratch[order[r] as usize] = next;
        }
        std::mem::swap(&mut class, &mut scratch);
        classes = next as usize + 1;
        half *= 2;
    }
    // the sentinel's rotation comes first; it is the empty suffix
    order.remove(0);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_suffixes(text: &[u8]) -> Vec<u32> {
        let mut starts: Vec<u32> = (0..text.len() as u32).collect();
        starts.sort_by(|&a, &b| text[a as usize..].cmp(&text[b as usize..]));
        starts
    }

    #[test]
    fn suffixes_sort_like_a_naive_sort() {
        for text in [
            "",
            "a",
            "banana",
            "mississippi",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "abababababababababab",
            "the storm hits the coast | the daily news",
            "ÿ\u{0}ÿ\u{0}x",
        ] {
            assert_eq!(
                suffix_array(text.as_bytes()),
                naive_suffixes(text.as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_indexed_title_answers_like_contains() {
        // a long, repetitive title: the hard case for both the sort and the search
        let title: String = (0..400)
            .map(|i| match i % 7 {
                0 => "storm hits ",
                1 => "the coast ",
                2 => "über ",
                3 => "aaaa ",
                4 => "a ",
                5 => "news | ",
                _ => "coast storm ",
            })
            .collect();
        let indexed = Haystack::new(&title, INDEX_MIN_SEARCHES);
        assert!(indexed.suffixes.is_some());
        let direct = Haystack::new(&title, 0);
        assert!(direct.suffixes.is_none());
        let mut needles: Vec<String> = vec![
            String::new(),
            title.clone(),
            format!("{title}x"),
            "zzz".into(),
            "news | coast storm storm hits".into(),
            "news | coast storm storm hitz".into(),
            "aaaa a news".into(),
            "aaaaa".into(),
            "über aaaa a".into(),
        ];
        for start in (0..title.len()).step_by(37) {
            for len in [1, 12, 40, 333] {
                if let Some(part) = title.get(start..(start + len).min(title.len())) {
                    needles.push(part.to_string());
                    needles.push(format!("{part}q"));
                }
            }
        }
        for needle in &needles {
            assert_eq!(
                indexed.contains(needle),
                title.contains(needle.as_str()),
                "{needle:?}"
            );
            assert_eq!(direct.contains(needle), title.contains(needle.as_str()));
        }
    }
}
