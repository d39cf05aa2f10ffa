//! Site profiles: blocks a site repeats on many of its pages are its boilerplate, however much
//! they read like prose ("Your email address will not be published", a newsletter pitch, a
//! legal line).
//!
//! Cleaning with a profile takes two passes, both run by the command line:
//!
//! 1. **Count** ([`page_blocks`], [`Counts`]): every page's blocks (the text of leaf block
//!    elements of HTML, the lines of a text dump) are [`normalise`]d and hashed with a fixed
//!    64-bit FNV-1a ([`block_hash`]); per site ([`site_key`]) the profile counts pages and,
//!    per block hash, the pages it is on (once per page). Counts add up, so the table is the
//!    same for any thread count and any page order. [`Counts::write`] stores it
//!    (format: `docs/site-profile.md`).
//! 2. **Clean**: [`Counts::profile`] applies the [`Thresholds`] and gives the immutable
//!    [`Profile`] carried in [`crate::engine::Options`]; the engine drops the page's blocks
//!    that are in its site's set, inside extraction (so text and Markdown lose them alike)
//!    or, for a text dump, before the text cleaner ([`without_lines`]).

mod blocks;
mod file;

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::vocab::{
    MIN_ARTICLE_CHARS, PROFILE_MIN_LEFT_SHARE, PROFILE_MIN_PAGES, PROFILE_MIN_SHARE,
    PROFILE_MIN_WORDS,
};

pub use blocks::{counted_blocks, html_blocks, line_hashes, page_blocks, without_lines};
pub use file::{ProfileFileError, FORMAT_HEADER};

/// The boilerplate block hashes of one site.
pub type BlockSet = FxHashSet<u64>;

/// A block's text normalised for comparison across pages: case-folded, punctuation and
/// symbols removed, every run of digits (with the separators inside it) one `#`, whitespace
/// collapsed to single spaces. "© 2024 Acme, Inc." and "© 2025 ACME Inc" are the same block.
///
/// ```
/// use dechaff::profile::normalise;
/// assert_eq!(normalise("© 2024 Acme, Inc.  All rights reserved."), "# acme inc all rights reserved");
/// assert_eq!(normalise("Copyright 2019–2025 ACME Inc"), normalise("copyright 2024 acme inc."));
/// ```
pub fn normalise(block: &str) -> String {
    let mut out = String::with_capacity(block.len());
    let mut pending_space = false;
    let mut in_digits = false;
    for c in block.chars() {
        if c.is_whitespace() {
            pending_space = true;
            in_digits = false;
        } else if c.is_numeric() {
            if !in_digits {
                push_space(&mut out, &mut pending_space);
                out.push('#');
                in_digits = true;
            }
        } else if is_punctuation(c) {
            // Separators inside a number ("1,000", "2019–2025") keep it one number; elsewhere
            // punctuation simply goes.
        } else {
            if in_digits {
                // "2024Acme": the number ends here.
                in_digits = false;
            }
            push_space(&mut out, &mut pending_space);
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn push_space(out: &mut String, pending_space: &mut bool) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
}

/// Punctuation and symbols: ASCII punctuation, Latin-1's punctuation and signs, the general
/// punctuation, symbol, arrow, box-drawing and dingbat blocks, CJK punctuation, full-width
/// ASCII punctuation and pictographs.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}'
            | '\u{2000}'..='\u{2bff}'
            | '\u{3000}'..='\u{303f}'
            | '\u{fe10}'..='\u{fe6f}'
            | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}'
            | '\u{ff5b}'..='\u{ff65}'
            | '\u{1f000}'..='\u{1faff}')
}

/// Characters of scripts written without spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{0e00}'..='\u{0e7f}')
}

/// Words of a normalised block: space-separated tokens, digit runs (`#`) not counted, and a
/// token in a script without spaces counted as one word per two of its characters.
pub fn block_words(normalised: &str) -> usize {
    normalised
        .split(' ')
        .filter(|token| !token.is_empty() && *token != "#")
        .map(|token| {
            let unspaced = token.chars().filter(|&c| is_unspaced_script(c)).count();
            (unspaced / 2).max(1)
        })
        .sum()
}

/// FNV-1a, 64 bits, over the UTF-8 bytes: a fixed, documented hash, so that a profile written
/// by one build is read by any other.
///
/// ```
/// assert_eq!(dechaff::profile::block_hash(""), 0xcbf2_9ce4_8422_2325);
/// assert_eq!(dechaff::profile::block_hash("a"), 0xaf63_dc4c_8601_ec8c);
/// ```
pub fn block_hash(normalised: &str) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    normalised.bytes().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// The hash of a block's text, or `None` when the block is too short to profile (fewer than
/// [`PROFILE_MIN_WORDS`] words).
pub fn hash_block(text: &str) -> Option<u64> {
    let normalised = normalise(text);
    (block_words(&normalised) >= PROFILE_MIN_WORDS).then(|| block_hash(&normalised))
}

/// Whether dropping a page's boilerplate blocks, which takes its kept text from `before` to
/// `after` characters, leaves enough to apply: at least [`PROFILE_MIN_LEFT_SHARE`] of it or
/// [`MIN_ARTICLE_CHARS`]. A page the profile would nearly empty is a copy of another page or
/// pure template, and keeps what the per-page rules kept.
///
/// ```
/// use dechaff::profile::leaves_enough;
/// assert!(leaves_enough(5000, 300)); // an article beside a heavy template
/// assert!(leaves_enough(1000, 150)); // a short text beside a light one
/// assert!(!leaves_enough(5000, 40)); // a duplicate: only its labels are left
/// ```
pub fn leaves_enough(before: usize, after: usize) -> bool {
    after >= MIN_ARTICLE_CHARS || after as f64 >= PROFILE_MIN_LEFT_SHARE * before as f64
}

/// The site a page belongs to: the host of its URL (lowercased, without port, user or a
/// leading `www.`), else `dir:` and the directory it was read from (a JSONL file's
/// directory for its lines; `dir:` alone for standard input).
///
/// ```
/// use dechaff::profile::site_key;
/// assert_eq!(site_key(Some("https://WWW.Example.org:8080/a/b?c"), "x.html"), "example.org");
/// assert_eq!(site_key(None, "crawl/site-a/page.html"), "dir:crawl/site-a");
/// assert_eq!(site_key(Some("not a url"), "f.jsonl:3"), "dir:");
/// ```
pub fn site_key(url: Option<&str>, source: &str) -> String {
    if let Some(host) = url.and_then(url_host) {
        return host;
    }
    let directory = std::path::Path::new(source)
        .parent()
        .map(|parent| parent.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("dir:{directory}")
}

fn url_host(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next()?
    } else {
        host_port.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// When a block is a site's boilerplate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Least number of the site's pages the block is on.
    pub min_pages: u64,
    /// Least share of the site's pages the block is on.
    pub min_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_pages: PROFILE_MIN_PAGES,
            min_share: PROFILE_MIN_SHARE,
        }
    }
}

impl Thresholds {
    /// Whether a block on `block_pages` of a site's `site_pages` pages is boilerplate.
    ///
    /// ```
    /// use dechaff::profile::Thresholds;
    /// let t = Thresholds { min_pages: 5, min_share: 0.5 };
    /// assert!(t.is_boilerplate(5, 10));
    /// assert!(!t.is_boilerplate(4, 4)); // too few pages
    /// assert!(!t.is_boilerplate(9, 20)); // too small a share
    /// ```
    pub fn is_boilerplate(&self, block_pages: u64, site_pages: u64) -> bool {
        block_pages >= self.min_pages && block_pages as f64 >= self.min_share * site_pages as f64
    }
}

/// Pages and block counts of one site.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteCounts {
    /// Pages of the site that were counted.
    pub pages: u64,
    /// Per block hash, the pages it is on.
    pub blocks: FxHashMap<u64, u64>,
}

/// The first pass's table: per site, its pages and how many carry each block. Adding pages
/// and merging tables commute, so the table does not depend on order or threads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Sites by key ([`site_key`]).
    pub sites: BTreeMap<String, SiteCounts>,
}

impl Counts {
    /// Counts one page of `site` with these block hashes (each hash once, whatever the order).
    pub fn add_page(&mut self, site: &str, hashes: &[u64]) {
        let counts = match self.sites.get_mut(site) {
            Some(counts) => counts,
            None => self.sites.entry(site.to_string()).or_default(),
        };
        counts.pages += 1;
        let unique: FxHashSet<u64> = hashes.iter().copied().collect();
        for hash in unique {
            *counts.blocks.entry(hash).or_default() += 1;
        }
    }

    /// Adds another table's counts to this one.
    pub fn merge(&mut self, other: Counts) {
        for (site, theirs) in other.sites {
            let ours = self.sites.entry(site).or_default();
            ours.pages += theirs.pages;
            for (hash, pages) in theirs.blocks {
                *ours.blocks.entry(hash).or_default() += pages;
            }
        }
    }

    /// Sites with at least `min_pages` pages: those where a block can be boilerplate.
    pub fn sites_with_pages(&self, min_pages: u64) -> usize {
        self.sites
            .values()
            .filter(|site| site.pages >= min_pages)
            .count()
    }

    /// The boilerplate sets these counts give under `thresholds`.
    pub fn profile(&self, thresholds: Thresholds) -> Profile {
        let sites = self
            .sites
            .iter()
            .filter_map(|(site, counts)| {
                let blocks: BlockSet = counts
                    .blocks
                    .iter()
                    .filter(|(_, &pages)| thresholds.is_boilerplate(pages, counts.pages))
                    .map(|(&hash, _)| hash)
                    .collect();
                (!blocks.is_empty()).then(|| (site.clone(), blocks))
            })
            .collect();
        Profile { sites }
    }
}

/// The boilerplate of every profiled site, as the engine reads it: immutable once built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    sites: HashMap<String, BlockSet>,
}

impl Profile {
    /// The boilerplate blocks of a site, or `None` when it has none.
    pub fn boilerplate_of(&self, site: &str) -> Option<&BlockSet> {
        self.sites.get(site)
    }

    /// Sites with at least one boilerplate block.
    pub fn sites(&self) -> usize {
        self.sites.len()
    }

    /// Boilerplate blocks over all sites.
    pub fn blocks(&self) -> usize {
        self.sites.values().map(|blocks| blocks.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_folds_case_digits_punctuation_and_spaces() {
        assert_eq!(
            normalise("  Your EMAIL address\twill not be published.  "),
            "your email address will not be published"
        );
        assert_eq!(
            normalise("© 2024 Foo"),
            normalise("(c) 2025 foo").replace("c ", "")
        );
        assert_eq!(
            normalise("Posted 3 comments"),
            normalise("Posted 12 comments")
        );
        assert_eq!(normalise("1,000,000 readers"), "# readers");
        assert_eq!(normalise("Straße – «Grüße»"), "straße grüße");
        assert_eq!(normalise("ÉTÉ"), "été");
        assert_eq!(normalise("版权所有。保留所有权利"), "版权所有保留所有权利");
    }

    #[test]
    fn short_blocks_are_not_profiled() {
        assert_eq!(hash_block("Ingredients"), None);
        assert_eq!(hash_block("Product details 2024"), None);
        assert_eq!(hash_block("Leave a reply"), None);
        assert_eq!(hash_block("Memory: 16 GB RAM"), None);
        assert!(hash_block("Leave a reply to this post").is_some());
        assert_eq!(block_words("版权所有保留所有权利"), 5);
        assert!(hash_block("版权所有，保留所有权利。").is_some());
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV reference implementation.
        assert_eq!(block_hash("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            hash_block("Leave a Reply, friend!"),
            Some(block_hash("leave a reply friend"))
        );
    }

    #[test]
    fn thresholds_need_both_pages_and_share() {
        let t = Thresholds::default();
        assert_eq!((t.min_pages, t.min_share), (5, 0.5));
        assert!(t.is_boilerplate(5, 10));
        assert!(t.is_boilerplate(12, 12));
        assert!(!t.is_boilerplate(4, 5));
        assert!(!t.is_boilerplate(5, 11));
        assert!(!t.is_boilerplate(0, 0));
    }

    #[test]
    fn counts_are_per_page_and_order_free() {
        let pages: [(&str, &[u64]); 4] = [
            ("a", &[1, 2, 2, 2]),
            ("a", &[2, 3]),
            ("b", &[2]),
            ("a", &[3, 1]),
        ];
        let mut forward = Counts::default();
        for (site, hashes) in pages {
            forward.add_page(site, hashes);
        }
        let mut split = Counts::default();
        let mut other = Counts::default();
        for (index, (site, hashes)) in pages.iter().rev().enumerate() {
            if index % 2 == 0 {
                split.add_page(site, hashes);
            } else {
                other.add_page(site, hashes);
            }
        }
        split.merge(other);
        assert_eq!(forward, split);
        let a = &forward.sites["a"];
        assert_eq!(a.pages, 3);
        assert_eq!((a.blocks[&1], a.blocks[&2], a.blocks[&3]), (2, 2, 2));
        let thresholds = Thresholds {
            min_pages: 2,
            min_share: 0.6,
        };
        let profile = forward.profile(thresholds);
        assert_eq!(profile.boilerplate_of("a").map(|set| set.len()), Some(3));
        assert_eq!(profile.boilerplate_of("b"), None);
        assert_eq!(forward.sites_with_pages(2), 1);
    }

    #[test]
    fn site_keys() {
        assert_eq!(
            site_key(Some("http://user@Host.example.com./x"), "p"),
            "host.example.com"
        );
        assert_eq!(site_key(Some("https://[::1]:80/x"), "p"), "[::1]");
        assert_eq!(site_key(None, "stdin"), "dir:");
        assert_eq!(site_key(None, "a/b.jsonl:7"), "dir:a");
    }
}
