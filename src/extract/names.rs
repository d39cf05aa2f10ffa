//! Matching class and id names against the vocabularies of [`crate::vocab`], fast: every
//! vocabulary at once, long patterns in one Aho-Corasick pass per token, short ones against the
//! token's parts, with the answer for all vocabularies as one bit set.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap;

use crate::vocab::{
    BANNER_CLASS_PATTERNS, BOILERPLATE_CLASS_PATTERNS, BYLINE_CLASS_PATTERNS, CLASS_FLAG_PREFIXES,
    COLLAPSED_PANEL_PATTERNS, COMMENT_CLASS_PATTERNS, CONTENT_CLASS_PATTERNS, DATE_CLASS_PATTERNS,
    HEADLINE_CLASS_PATTERNS, HERO_CLASS_PATTERNS, MIN_SUBSTRING_PATTERN_CHARS,
    NAVIGATION_CLASS_PATTERNS, NEGATIVE_CLASS_PATTERNS, POSITIVE_CLASS_PATTERNS,
    QUOTE_CLASS_PATTERNS, READ_MORE_CLASS_PATTERNS, REPLY_CLASS_PATTERNS,
    SHOP_FURNITURE_CLASS_PATTERNS, WRAPPER_CLASS_NAMES,
};

/// Which vocabularies a class or id list matches, one bit per vocabulary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Named(u16);

impl Named {
    /// Page furniture ([`BOILERPLATE_CLASS_PATTERNS`]).
    pub const BOILERPLATE: Named = Named(1);
    /// Comment sections ([`COMMENT_CLASS_PATTERNS`]).
    pub const COMMENTS: Named = Named(1 << 1);
    /// Reply forms and buttons ([`REPLY_CLASS_PATTERNS`]).
    pub const REPLIES: Named = Named(1 << 2);
    /// Banners ([`BANNER_CLASS_PATTERNS`]).
    pub const BANNER: Named = Named(1 << 3);
    /// Hero banners ([`HERO_CLASS_PATTERNS`]).
    pub const HERO: Named = Named(1 << 4);
    /// Article content ([`CONTENT_CLASS_PATTERNS`]).
    pub const CONTENT: Named = Named(1 << 5);
    /// Customer reviews ([`SHOP_FURNITURE_CLASS_PATTERNS`]).
    pub const SHOP_FURNITURE: Named = Named(1 << 6);
    /// Collapsed panels ([`COLLAPSED_PANEL_PATTERNS`]).
    pub const COLLAPSED_PANEL: Named = Named(1 << 7);
    /// Quotation boxes ([`QUOTE_CLASS_PATTERNS`]).
    pub const QUOTE: Named = Named(1 << 8);
    /// Likely article containers ([`POSITIVE_CLASS_PATTERNS`]).
    pub const POSITIVE: Named = Named(1 << 9);
    /// Unlikely article containers ([`NEGATIVE_CLASS_PATTERNS`]).
    pub const NEGATIVE: Named = Named(1 << 10);
    /// Bylines and author names, for metadata ([`BYLINE_CLASS_PATTERNS`]).
    pub const BYLINE: Named = Named(1 << 11);
    /// Publication dates, for metadata ([`DATE_CLASS_PATTERNS`]).
    pub const DATE: Named = Named(1 << 12);
    /// Teaser-card headlines set without a heading tag ([`HEADLINE_CLASS_PATTERNS`]).
    pub const HEADLINE: Named = Named(1 << 13);
    /// "Read more" toggles and links ([`READ_MORE_CLASS_PATTERNS`]).
    pub const READ_MORE: Named = Named(1 << 14);
    /// Navigation ([`NAVIGATION_CLASS_PATTERNS`]).
    pub const NAVIGATION: Named = Named(1 << 15);

    /// Matches a class or id list against every vocabulary.
    pub fn of(names: &str) -> Named {
        VOCABULARIES.classify(names)
    }

    /// Whether every bit of `other` is set.
    pub fn has(self, other: Named) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Named {
    type Output = Named;
    fn bitor(self, other: Named) -> Named {
        Named(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Named {
    fn bitor_assign(&mut self, other: Named) {
        self.0 |= other.0;
    }
}

/// Every class/id vocabulary with its bit.
static VOCABULARIES: LazyLock<Vocabularies> = LazyLock::new(|| {
    Vocabularies::new(&[
        (BOILERPLATE_CLASS_PATTERNS, Named::BOILERPLATE),
        (COMMENT_CLASS_PATTERNS, Named::COMMENTS),
        (REPLY_CLASS_PATTERNS, Named::REPLIES),
        (BANNER_CLASS_PATTERNS, Named::BANNER),
        (HERO_CLASS_PATTERNS, Named::HERO),
        (CONTENT_CLASS_PATTERNS, Named::CONTENT),
        (SHOP_FURNITURE_CLASS_PATTERNS, Named::SHOP_FURNITURE),
        (COLLAPSED_PANEL_PATTERNS, Named::COLLAPSED_PANEL),
        (QUOTE_CLASS_PATTERNS, Named::QUOTE),
        (POSITIVE_CLASS_PATTERNS, Named::POSITIVE),
        (NEGATIVE_CLASS_PATTERNS, Named::NEGATIVE),
        (BYLINE_CLASS_PATTERNS, Named::BYLINE),
        (DATE_CLASS_PATTERNS, Named::DATE),
        (HEADLINE_CLASS_PATTERNS, Named::HEADLINE),
        (READ_MORE_CLASS_PATTERNS, Named::READ_MORE),
        (NAVIGATION_CLASS_PATTERNS, Named::NAVIGATION),
    ])
    // Page builders' wrapper classes (`elementor-widget-container`) contain "widget" but say
    // nothing about the content they wrap.
    .exempting(Named::NEGATIVE, WRAPPER_CLASS_NAMES)
});

/// Several class/id vocabularies compiled together. A pattern of
/// [`MIN_SUBSTRING_PATTERN_CHARS`] or more (or one containing `-`) matches anywhere inside a
/// token; a shorter one must equal a part of a token, parts being separated by `-`, `_` and
/// `:` (so `ad` matches `top-ad`, not `header`). Tokens that are state flags
/// ([`CLASS_FLAG_PREFIXES`]) never match. Case is ignored. A pattern listed by several
/// vocabularies carries all their bits.
pub struct Vocabularies {
    long: Option<AhoCorasick>,
    long_bits: Vec<Named>,
    short: Vec<(String, Named)>,
    longest_short: usize,
    /// Tokens containing one of these names never set the bits (see [`Vocabularies::exempting`]).
    exemptions: Vec<(Named, &'static [&'static str])>,
}

impl Vocabularies {
    /// Compiles vocabularies, each with the bit it sets.
    pub fn new(vocabularies: &[(&[&str], Named)]) -> Vocabularies {
        let mut long: FxHashMap<String, Named> = FxHashMap::default();
        let mut short: FxHashMap<String, Named> = FxHashMap::default();
        for &(patterns, bit) in vocabularies {
            for pattern in patterns {
                let is_long = pattern.len() >= MIN_SUBSTRING_PATTERN_CHARS || pattern.contains('-');
                let table = if is_long { &mut long } else { &mut short };
                *table.entry(pattern.to_ascii_lowercase()).or_default() |= bit;
            }
        }
        let (long_patterns, long_bits): (Vec<String>, Vec<Named>) = long.into_iter().unzip();
        // A DFA: a few hundred patterns make a small table, and it is the fastest to search.
        let long = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&long_patterns)
            .ok();
        let longest_short = short.keys().map(String::len).max().unwrap_or(0);
        Vocabularies {
            long,
            long_bits,
            short: short.into_iter().collect(),
            longest_short,
            exemptions: Vec::new(),
        }
    }

    /// The vocabularies, except that a token containing one of `names` (case ignored) never
    /// sets `bits`.
    pub fn exempting(mut self, bits: Named, names: &'static [&'static str]) -> Vocabularies {
        self.exemptions.push((bits, names));
        self
    }

    /// The bits of the short patterns that equal `word`, case ignored.
    fn short_match(&self, word: &str) -> Named {
        if word.len() > self.longest_short {
            return Named::default();
        }
        let mut named = Named::default();
        for (pattern, bit) in &self.short {
            if word.eq_ignore_ascii_case(pattern) {
                named |= *bit;
            }
        }
        named
    }

    /// The bits of every vocabulary that some whitespace-separated token of `names` matches.
    pub fn classify(&self, names: &str) -> Named {
        let mut named = Named::default();
        for token in names.split_ascii_whitespace() {
            named |= self.classify_token(token);
        }
        named
    }

    fn classify_token(&self, token: &str) -> Named {
        // A BEM modifier (`node--promoted`, `article--sidebar-right`) describes the block
        // before it; only the block's name says what the element is.
        let token = token.split("--").next().unwrap_or(token);
        let mut named = Named::default();
        // Most tokens match nothing: a plain search rules them out before the slower search
        // that reports every pattern.
        if let Some(long) = self.long.as_ref().filter(|long| long.is_match(token)) {
            for found in long.find_overlapping_iter(token) {
                named |= self.long_bits[found.pattern().as_usize()];
            }
        }
        for part in token.split(['-', '_', ':']) {
            named |= self.short_match(part);
            // The words of a camelCase part (`publishDate`, `postAuthor`) are read by the
            // metadata vocabularies only: layout names in camelCase (`topNav`, `adSlot`) cost
            // the text more than they gain (measured on the development sets).
            for word in camel_case_words(part) {
                named |= Named(self.short_match(word).0 & (Named::DATE.0 | Named::BYLINE.0));
            }
        }
        // Checked only on a match, which is rare: most tokens match nothing.
        if named == Named::default() {
            return named;
        }
        if is_state_flag(token) {
            return Named::default();
        }
        for &(bits, names) in &self.exemptions {
            if named.0 & bits.0 != 0 && names.iter().any(|name| contains_ignoring_case(token, name))
            {
                named.0 &= !bits.0;
            }
        }
        named
    }
}

/// The words of a camelCase part (`publishDate` → `publish`, `Date`), each starting where a
/// lowercase letter is followed by an uppercase one; none when the part is one word.
fn camel_case_words(part: &str) -> impl Iterator<Item = &str> {
    let bytes = part.as_bytes();
    let starts_word =
        move |at: usize| bytes[at - 1].is_ascii_lowercase() && bytes[at].is_ascii_uppercase();
    let mut start = if (1..bytes.len()).any(starts_word) {
        0
    } else {
        bytes.len()
    };
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        // Words start at ASCII letters, so every start is a character boundary.
        let end = (start + 1..bytes.len())
            .find(|&at| starts_word(at))
            .unwrap_or(bytes.len());
        let word = &part[start..end];
        start = end;
        Some(word)
    })
}

/// Whether `haystack` contains `needle`, ASCII case ignored.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a class token is a state flag ([`CLASS_FLAG_PREFIXES`]).
fn is_state_flag(token: &str) -> bool {
    CLASS_FLAG_PREFIXES.iter().any(|prefix| {
        token.len() > prefix.len()
            && token
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    })
}

/// [`Named::of`] remembered for one page: pages repeat the same class lists on hundreds of
/// elements, and the same tokens (`flex`, `container`, `col-md-6`) across many lists.
#[derive(Debug, Default)]
pub struct NameCache<'a> {
    lists: FxHashMap<&'a str, Named>,
    tokens: FxHashMap<&'a str, Named>,
}

impl<'a> NameCache<'a> {
    /// What the element's class list and id name.
    pub fn of(&mut self, id: Option<&'a str>, class: Option<&'a str>) -> Named {
        self.of_class(class) | self.of_id(id)
    }

    /// What a class list names.
    pub fn of_class(&mut self, class: Option<&'a str>) -> Named {
        let Some(class) = class else {
            return Named::default();
        };
        if let Some(&named) = self.lists.get(class) {
            return named;
        }
        let mut named = Named::default();
        for token in class.split_ascii_whitespace() {
            named |= *self
                .tokens
                .entry(token)
                .or_insert_with(|| VOCABULARIES.classify_token(token));
        }
        self.lists.insert(class, named);
        named
    }

    /// What an id names (not remembered: ids are unique on a page).
    pub fn of_id(&mut self, id: Option<&str>) -> Named {
        id.map_or(Named::default(), Named::of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A matcher for one vocabulary: whether `names` matches it.
    fn one_vocabulary(patterns: &'static [&'static str]) -> impl Fn(&str) -> bool {
        let vocabularies = Vocabularies::new(&[(patterns, Named::BOILERPLATE)]);
        move |names| vocabularies.classify(names).has(Named::BOILERPLATE)
    }

    #[test]
    fn a_pattern_in_several_vocabularies_sets_every_bit() {
        let vocabularies = Vocabularies::new(&[
            (&["share", "ad"], Named::BOILERPLATE),
            (&["share", "comment"], Named::COMMENTS),
        ]);
        let named = vocabularies.classify("top-share");
        assert!(named.has(Named::BOILERPLATE | Named::COMMENTS));
        assert_eq!(vocabularies.classify("ad-slot"), Named::BOILERPLATE);
        assert_eq!(vocabularies.classify("comment-list"), Named::COMMENTS);
        assert_eq!(vocabularies.classify("header"), Named::default());
    }

    #[test]
    fn short_patterns_match_whole_parts_only() {
        let ads = one_vocabulary(&["ad", "ads", "comment"]);
        assert!(ads("top-ad"));
        assert!(ads("AD_slot x"));
        assert!(!ads("header"));
        assert!(!ads("loads"));
        assert!(ads("comments-area"));
        assert!(ads("CommentList"));
    }

    #[test]
    fn names_are_classified_once_per_class_list_and_token() {
        let mut cache = NameCache::default();
        let named = cache.of(Some("comments"), Some("share-bar"));
        assert!(named.has(Named::BOILERPLATE) && named.has(Named::COMMENTS));
        assert!(!named.has(Named::CONTENT));
        assert_eq!(cache.of(None, Some("share-bar")), Named::BOILERPLATE);
        assert_eq!(cache.lists.len(), 1);
        // A new list of known tokens is classified from the remembered tokens, alike.
        let both = cache.of_class(Some("share-bar entry-content"));
        assert_eq!(both, Named::of("share-bar entry-content"));
        assert_eq!((cache.lists.len(), cache.tokens.len()), (2, 2));
    }

    #[test]
    fn camel_case_words_name_dates_and_bylines_only() {
        assert_eq!(
            camel_case_words("publishDate").collect::<Vec<_>>(),
            ["publish", "Date"]
        );
        assert_eq!(camel_case_words("date").count(), 0);
        assert_eq!(camel_case_words("URLDATE").count(), 0);
        let vocabularies =
            Vocabularies::new(&[(&["date"], Named::DATE), (&["nav"], Named::NAVIGATION)]);
        assert_eq!(vocabularies.classify("publishDate"), Named::DATE);
        assert_eq!(vocabularies.classify("topNav"), Named::default());
        assert_eq!(vocabularies.classify("top-nav"), Named::NAVIGATION);
    }

    #[test]
    fn state_flags_never_match() {
        let share = one_vocabulary(&["share", "sidebar"]);
        assert!(!share("no-share has-sidebar"));
        assert!(share("no-share share-bar"));
        assert!(share("nö-share-x ü"), "multi-byte tokens are read safely");
        assert!(!share("ö"));
    }
}
