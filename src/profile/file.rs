//! The profile file: a versioned, sorted text rendering of [`Counts`] (see
//! `docs/site-profile.md`), byte-identical for the same pages in any order.
//!
//! ```text
//! dechaff-site-profile 1
//! site 12 "example.org"
//! 0a1b2c3d4e5f6071 12
//! 9f00aa11bb22cc33 7
//! ```

use std::io::{self, BufRead, Write};

use thiserror::Error;

use super::{Counts, SiteCounts};
use crate::vocab::PROFILE_MIN_STORED_PAGES;

/// The first line of a profile file: the format and its version. The version changes whenever
/// the meaning of a hash changes (normalisation, block rules, shortest block).
pub const FORMAT_HEADER: &str = "dechaff-site-profile 1";

/// Why a profile file could not be read.
#[derive(Debug, Error)]
pub enum ProfileFileError {
    /// The file could not be read.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The file is not a profile of this version.
    #[error("not a dechaff site profile of this version (first line must be `{FORMAT_HEADER}`)")]
    Header,
    /// A line does not parse.
    #[error("line {line}: {reason}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl Counts {
    /// Writes the table: the header, then the sites in key order, each with its blocks seen on
    /// at least [`PROFILE_MIN_STORED_PAGES`] pages in hash order.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{FORMAT_HEADER}")?;
        for (site, counts) in &self.sites {
            let key = serde_json::to_string(site).map_err(io::Error::other)?;
            writeln!(out, "site {} {key}", counts.pages)?;
            let mut blocks: Vec<(u64, u64)> = counts
                .blocks
                .iter()
                .filter(|(_, &pages)| pages >= PROFILE_MIN_STORED_PAGES)
                .map(|(&hash, &pages)| (hash, pages))
                .collect();
            blocks.sort_unstable();
            for (hash, pages) in blocks {
                writeln!(out, "{hash:016x} {pages}")?;
            }
        }
        Ok(())
    }

    /// Reads a table written by [`Counts::write`].
    pub fn read(input: &mut dyn BufRead) -> Result<Counts, ProfileFileError> {
        let mut counts = Counts::default();
        let mut current: Option<&mut SiteCounts> = None;
        let mut lines = input.lines();
        match lines.next() {
            Some(Ok(line)) if line.trim_end() == FORMAT_HEADER => {}
            Some(Err(error)) => return Err(error.into()),
            _ => return Err(ProfileFileError::Header),
        }
        for (index, line) in lines.enumerate() {
            let line = line?;
            let bad = |reason: &str| ProfileFileError::Line {
                line: index + 2,
                reason: reason.to_string(),
            };
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix("site ") {
                let (pages, key) = rest
                    .split_once(' ')
                    .ok_or_else(|| bad("a site line is `site <pages> <json key>`"))?;
                let pages: u64 = pages.parse().map_err(|_| bad("bad page count"))?;
                let key: String =
                    serde_json::from_str(key).map_err(|_| bad("bad site key (a JSON string)"))?;
                let site = counts.sites.entry(key).or_default();
                site.pages += pages;
                current = Some(site);
            } else {
                let (hash, pages) = line
                    .split_once(' ')
                    .ok_or_else(|| bad("a block line is `<16 hex digits> <pages>`"))?;
                let hash = u64::from_str_radix(hash, 16).map_err(|_| bad("bad block hash"))?;
                let pages: u64 = pages.parse().map_err(|_| bad("bad page count"))?;
                let site = current
                    .as_deref_mut()
                    .ok_or_else(|| bad("a block line before any site line"))?;
                *site.blocks.entry(hash).or_default() += pages;
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_is_sorted_and_drops_single_page_blocks() {
        let mut counts = Counts::default();
        counts.add_page("b.example", &[3, 1]);
        counts.add_page("a \"dir\"", &[7]);
        counts.add_page("b.example", &[1, 2]);
        let mut out = Vec::new();
        counts.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "dechaff-site-profile 1\nsite 1 \"a \\\"dir\\\"\"\nsite 2 \"b.example\"\n\
             0000000000000001 2\n"
        );
        let read = Counts::read(&mut text.as_bytes()).unwrap();
        assert_eq!(read.sites["b.example"].pages, 2);
        assert_eq!(read.sites["b.example"].blocks.len(), 1);
        assert_eq!(read.sites["a \"dir\""].pages, 1);
    }

    #[test]
    fn bad_files_are_errors_with_line_numbers() {
        assert!(matches!(
            Counts::read(&mut "something else\n".as_bytes()),
            Err(ProfileFileError::Header)
        ));
        let error = Counts::read(&mut "dechaff-site-profile 1\nxyz 3\n".as_bytes()).unwrap_err();
        assert_eq!(error.to_string(), "line 2: bad block hash");
        let error = Counts::read(&mut "dechaff-site-profile 1\n0000000000000001 3\n".as_bytes())
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2: a block line before any site line"
        );
    }
}
