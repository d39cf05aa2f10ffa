//! Every vocabulary and threshold dechaff believes about the web, as named, commented data.
//!
//! The algorithms refer to these tables by name; changing a belief is a one-line diff here.
//! Patterns are matched against lowercased text unless a comment says otherwise.
//!
//! The tables are kept in one file per part of the pipeline, and all of them are re-exported
//! here, so that every table is named `vocab::NAME` wherever it lives:
//!
//! - `input.rs`: input and decoding (page file extensions, WARC media types, binary and HTML
//!   sniffing, the `<meta charset>` prescan);
//! - `elements.rs`: HTML elements (discarded, furniture, block, paragraph and table tags, ARIA
//!   roles, the article's region and the post element);
//! - `names.rs`: the class and id vocabulary (name fragments of furniture, navigation,
//!   comments, banners, collapsed panels and content) and the thresholds that keep a so-named
//!   element;
//! - `lines.rs`: headings and lines of page furniture told by their text (furniture headings,
//!   boilerplate line starts and phrases, page controls, credits, date stamps, prompts, site
//!   notices, placeholders);
//! - `thresholds.rs`: HTML thresholds (scoring, teasers, the presets, link density, headlines,
//!   titles and breadcrumbs) and those used by single stages;
//! - `markdown.rs`: Markdown output (`--format markdown`);
//! - `plaintext.rs`: plain-text page dumps;
//! - `metadata.rs`: metadata (bylines, dates, headlines, authors), page type, language and
//!   meta tag keys;
//! - `profile.rs`: the site profile (`--site-profile`, `--profile`).
//!
//! `scripts/text_features.py` reads some of these tables from the source of this directory.

mod elements;
mod input;
mod lines;
mod markdown;
mod metadata;
mod names;
mod plaintext;
mod profile;
mod thresholds;

pub use elements::*;
pub use input::*;
pub use lines::*;
pub use markdown::*;
pub use metadata::*;
pub use names::*;
pub use plaintext::*;
pub use profile::*;
pub use thresholds::*;
