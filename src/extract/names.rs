//! Matching class and id names against the vocabularies of [`crate::vocab`], fast: long
//! patterns in one Aho-Corasick pass per token, short ones against the token's parts.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::vocab::{
    BANNER_CLASS_PATTERNS, BOILERPLATE_CLASS_PATTERNS, BYLINE_CLASS_PATTERNS, CLASS_FLAG_PREFIXES,
    COLLAPSED_PANEL_PATTERNS, COMMENT_CLASS_PATTERNS, CONTENT_CLASS_PATTERNS, DATE_CLASS_PATTERNS,
    HERO_CLASS_PATTERNS, MIN_SUBSTRING_PATTERN_CHARS, NEGATIVE_CLASS_PATTERNS,
    POSITIVE_CLASS_PATTERNS, QUOTE_CLASS_PATTERNS, REPLY_CLASS_PATTERNS,
    SHOP_FURNITURE_CLASS_PATTERNS,
};

/// A compiled class/id vocabulary. A pattern of [`MIN_SUBSTRING_PATTERN_CHARS`] or more (or
/// one containing `-`) matches anywhere inside a token; a shorter one must equal a part of a
/// token, parts being separated by `-`, `_` and `:` (so `ad` matches `top-ad`, not `header`).
/// Tokens that are state flags ([`CLASS_FLAG_PREFIXES`]) never match. Case is ignored.
pub struct NameMatcher {
    short: Vec<&'static str>,
    long: Option<AhoCorasick>,
}

impl NameMatcher {
    /// Compiles a vocabulary.
    pub fn new(patterns: &[&'static str]) -> NameMatcher {
        let (long, short): (Vec<&'static str>, Vec<&'static str>) = patterns
            .iter()
            .partition(|p| p.len() >= MIN_SUBSTRING_PATTERN_CHARS || p.contains('-'));
        let long = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(long)
            .ok();
        NameMatcher { short, long }
    }

    /// Whether any whitespace-separated token of `names` matches.
    pub fn matches(&self, names: &str) -> bool {
        names
            .split_ascii_whitespace()
            .any(|token| self.matches_token(token))
    }

    /// Whether the element's id or any of its classes matches.
    pub fn matches_element(&self, element: &scraper::node::Element) -> bool {
        self.matches_names(element.attr("id"), element.attr("class"))
    }

    /// Whether an id or any class of a class list matches (for callers that looked the
    /// attributes up once for several vocabularies).
    pub fn matches_names(&self, id: Option<&str>, class: Option<&str>) -> bool {
        id.is_some_and(|id| self.matches(id)) || class.is_some_and(|class| self.matches(class))
    }

    fn matches_token(&self, token: &str) -> bool {
        // A BEM modifier (`node--promoted`, `article--sidebar-right`) describes the block
        // before it; only the block's name says what the element is.
        let token = token.split("--").next().unwrap_or(token);
        let matched = self.long.as_ref().is_some_and(|long| long.is_match(token))
            || token
                .split(['-', '_', ':'])
                .any(|part| self.short.iter().any(|p| part.eq_ignore_ascii_case(p)));
        // Checked only on a match, which is rare: most tokens match nothing.
        matched
            && !CLASS_FLAG_PREFIXES.iter().any(|prefix| {
                token.len() > prefix.len()
                    && token
                        .get(..prefix.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            })
    }
}

/// Page furniture ([`BOILERPLATE_CLASS_PATTERNS`]).
pub static BOILERPLATE: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(BOILERPLATE_CLASS_PATTERNS));
/// Reply forms and buttons ([`REPLY_CLASS_PATTERNS`]).
pub static REPLIES: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(REPLY_CLASS_PATTERNS));
/// Customer reviews ([`SHOP_FURNITURE_CLASS_PATTERNS`]).
pub static SHOP_FURNITURE: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(SHOP_FURNITURE_CLASS_PATTERNS));
/// Collapsed panels ([`COLLAPSED_PANEL_PATTERNS`]).
pub static COLLAPSED_PANELS: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(COLLAPSED_PANEL_PATTERNS));
/// Banners ([`BANNER_CLASS_PATTERNS`]).
pub static BANNER: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(BANNER_CLASS_PATTERNS));
/// Hero banners ([`HERO_CLASS_PATTERNS`]).
pub static HERO: LazyLock<NameMatcher> = LazyLock::new(|| NameMatcher::new(HERO_CLASS_PATTERNS));
/// Comment sections ([`COMMENT_CLASS_PATTERNS`]).
pub static COMMENTS: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(COMMENT_CLASS_PATTERNS));
/// Quotation boxes ([`QUOTE_CLASS_PATTERNS`]).
pub static QUOTES: LazyLock<NameMatcher> = LazyLock::new(|| NameMatcher::new(QUOTE_CLASS_PATTERNS));
/// Bylines and author names, for metadata ([`BYLINE_CLASS_PATTERNS`]).
pub static BYLINES: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(BYLINE_CLASS_PATTERNS));
/// Publication dates, for metadata ([`DATE_CLASS_PATTERNS`]).
pub static DATES: LazyLock<NameMatcher> = LazyLock::new(|| NameMatcher::new(DATE_CLASS_PATTERNS));
/// Article content ([`CONTENT_CLASS_PATTERNS`]).
pub static CONTENT: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(CONTENT_CLASS_PATTERNS));
/// Likely article containers ([`POSITIVE_CLASS_PATTERNS`]).
pub static POSITIVE: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(POSITIVE_CLASS_PATTERNS));
/// Unlikely article containers ([`NEGATIVE_CLASS_PATTERNS`]).
pub static NEGATIVE: LazyLock<NameMatcher> =
    LazyLock::new(|| NameMatcher::new(NEGATIVE_CLASS_PATTERNS));

/// Which of the pruning vocabularies a class or id list matches, one bit per vocabulary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Named(u8);

impl Named {
    /// [`BOILERPLATE`].
    pub const BOILERPLATE: Named = Named(1);
    /// [`COMMENTS`].
    pub const COMMENTS: Named = Named(1 << 1);
    /// [`REPLIES`].
    pub const REPLIES: Named = Named(1 << 2);
    /// [`BANNER`].
    pub const BANNER: Named = Named(1 << 3);
    /// [`HERO`].
    pub const HERO: Named = Named(1 << 4);
    /// [`CONTENT`].
    pub const CONTENT: Named = Named(1 << 5);
    /// [`SHOP_FURNITURE`].
    pub const SHOP_FURNITURE: Named = Named(1 << 6);

    /// Matches a class or id list against every pruning vocabulary.
    pub fn of(names: &str) -> Named {
        let vocabularies: [(&NameMatcher, Named); 7] = [
            (&BOILERPLATE, Named::BOILERPLATE),
            (&COMMENTS, Named::COMMENTS),
            (&REPLIES, Named::REPLIES),
            (&BANNER, Named::BANNER),
            (&HERO, Named::HERO),
            (&CONTENT, Named::CONTENT),
            (&SHOP_FURNITURE, Named::SHOP_FURNITURE),
        ];
        let mut named = Named::default();
        for (matcher, bit) in vocabularies {
            if matcher.matches(names) {
                named.0 |= bit.0;
            }
        }
        named
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

/// [`Named::of`] remembered per class list for one page: pages repeat the same class lists
/// on hundreds of elements.
#[derive(Debug, Default)]
pub struct NameCache<'a> {
    classes: rustc_hash::FxHashMap<&'a str, Named>,
}

impl<'a> NameCache<'a> {
    /// What the element's class list and id name (an id is not cached: ids are unique).
    pub fn of(&mut self, id: Option<&str>, class: Option<&'a str>) -> Named {
        let by_class = class.map_or(Named::default(), |class| {
            *self
                .classes
                .entry(class)
                .or_insert_with(|| Named::of(class))
        });
        by_class | id.map_or(Named::default(), Named::of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_patterns_match_whole_parts_only() {
        let ads = NameMatcher::new(&["ad", "ads", "comment"]);
        assert!(ads.matches("top-ad"));
        assert!(ads.matches("AD_slot x"));
        assert!(!ads.matches("header"));
        assert!(!ads.matches("loads"));
        assert!(ads.matches("comments-area"));
        assert!(ads.matches("CommentList"));
    }

    #[test]
    fn names_are_classified_once_per_class_list() {
        let mut cache = NameCache::default();
        let named = cache.of(Some("comments"), Some("share-bar"));
        assert!(named.has(Named::BOILERPLATE) && named.has(Named::COMMENTS));
        assert!(!named.has(Named::CONTENT));
        assert_eq!(cache.of(None, Some("share-bar")), Named::BOILERPLATE);
        assert_eq!(cache.classes.len(), 1);
    }

    #[test]
    fn state_flags_never_match() {
        let share = NameMatcher::new(&["share", "sidebar"]);
        assert!(!share.matches("no-share has-sidebar"));
        assert!(share.matches("no-share share-bar"));
        assert!(
            share.matches("nö-share-x ü"),
            "multi-byte tokens are read safely"
        );
        assert!(!share.matches("ö"));
    }
}
