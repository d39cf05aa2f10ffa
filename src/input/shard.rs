//! `--shard I/N`: a stable split of the pages into N parts, so that N runs over the same
//! inputs clean every page exactly once between them.
//!
//! A page belongs to shard `fnv1a64(key) mod N`, where the key is its URL, else its id (a WARC
//! record id, a JSONL id, or the file path and line). FNV-1a is fixed by its definition, so the
//! split is the same on every machine, build and run (unlike std's randomly seeded hasher).

use std::fmt;
use std::str::FromStr;

use crate::page::Page;

/// One part of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 0.
    pub index: u64,
    /// How many parts.
    pub count: u64,
}

impl Shard {
    /// Whether `page` belongs to this shard.
    pub fn contains(&self, page: &Page) -> bool {
        let key = page.url.as_deref().unwrap_or(&page.id);
        fnv1a64(key.as_bytes()) % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let usage = || format!("{text:?} is not a shard: write I/N with 0 <= I < N, as in 0/4");
        let (index, count) = text.split_once('/').ok_or_else(usage)?;
        let index: u64 = index.trim().parse().map_err(|_| usage())?;
        let count: u64 = count.trim().parse().map_err(|_| usage())?;
        if count == 0 || index >= count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageFormat;

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_page_is_in_exactly_one_shard() {
        let shards: Vec<Shard> = (0..3).map(|i| format!("{i}/3").parse().unwrap()).collect();
        for n in 0..200 {
            let mut page = Page::from_bytes(format!("p{n}"), "s", PageFormat::Html, Vec::new());
            if n % 2 == 0 {
                page.url = Some(format!("https://example.org/{n}"));
            }
            assert_eq!(shards.iter().filter(|s| s.contains(&page)).count(), 1);
        }
    }

    #[test]
    fn bad_shards_are_refused() {
        for bad in ["3/3", "1", "a/2", "0/0", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!("2/5".parse::<Shard>().unwrap().to_string(), "2/5");
    }
}
