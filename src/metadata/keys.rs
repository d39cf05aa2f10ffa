//! Sets of name keys ([`crate::text::name_key`]) asked of many names: whether a name's key is
//! one of them or holds a long one.

use std::cell::OnceCell;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;

/// Up to this many long keys are looked for in a name one by one; more go into one automaton,
/// since a page that names thousands of organisations (one publisher per object of an
/// `@graph`) would otherwise cost all of them once per author candidate.
const MAX_KEYS_SCANNED: usize = 16;

/// A set of name keys.
pub struct NameKeys {
    /// Every key.
    all: FxHashSet<String>,
    /// The keys long enough to be found inside another, in order.
    long: Vec<String>,
    /// An automaton of `long`, built when first asked for, when there are many.
    automaton: OnceCell<Option<AhoCorasick>>,
}

impl NameKeys {
    /// The set of `keys`; those of at least `min_contained_chars` characters are also found
    /// inside other keys.
    pub fn new(keys: impl IntoIterator<Item = String>, min_contained_chars: usize) -> NameKeys {
        let mut all = FxHashSet::default();
        let mut long = Vec::new();
        for key in keys {
            if key.chars().count() >= min_contained_chars && !all.contains(&key) {
                long.push(key.clone());
            }
            all.insert(key);
        }
        NameKeys {
            all,
            long,
            automaton: OnceCell::new(),
        }
    }

    /// Whether `key` is one of the keys or holds one of the long ones.
    pub fn matches(&self, key: &str) -> bool {
        if self.all.contains(key) {
            return true;
        }
        if self.long.len() <= MAX_KEYS_SCANNED {
            return self.long.iter().any(|long| key.contains(long.as_str()));
        }
        let automaton = self
            .automaton
            .get_or_init(|| AhoCorasick::new(&self.long).ok());
        match automaton {
            Some(automaton) => automaton.is_match(key),
            // Too large an automaton for the library: look for each key.
            None => self.long.iter().any(|long| key.contains(long.as_str())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_as_a_scan_of_every_key_matches() {
        for count in [3, MAX_KEYS_SCANNED + 5] {
            let keys: Vec<String> = (0..count)
                .map(|i| format!("{}org{i}", "x".repeat(i % 5)))
                .chain(["ab".to_string(), "abc".to_string()])
                .collect();
            let set = NameKeys::new(keys.clone(), 6);
            let asked = [
                "ab",
                "abc",
                "xabc",
                "xxorg2",
                "annxxxorg3lee",
                "org1",
                "xorg11",
                "zz",
            ];
            for key in asked.into_iter().chain(keys.iter().map(String::as_str)) {
                let naive = keys
                    .iter()
                    .any(|k| k == key || k.chars().count() >= 6 && key.contains(k.as_str()));
                assert_eq!(set.matches(key), naive, "{key} among {count}");
            }
        }
    }
}
