//! dechaff separates articles from the chaff of the web.
//!
//! A page goes through one pipeline of small stages, each in its own module:
//!
//! ```text
//! input ──▶ decode ──▶ parse ──▶ extract ──▶ metadata ──▶ record ──▶ output
//! (input)   (decode)   (parse)   (extract,   (metadata)   (record)   (pipeline)
//!                                 plaintext)
//! ```
//!
//! [`engine::clean_page`] turns one [`page::Page`] into one [`record::Record`]; it is a pure
//! function of the page and the [`engine::Options`]. Files, threads and ordering live only in
//! [`input`] and [`pipeline`].
//!
//! ```
//! use dechaff::engine::{clean_page, Options};
//! use dechaff::page::{Page, PageFormat};
//!
//! let html = "<html><head><title>Hello</title></head><body><nav>Home | About</nav>\
//!             <article><p>The article text is long enough to be kept as the main content \
//!             of this small page, and it ends with a full stop.</p></article></body></html>";
//! let page = Page::from_bytes("hello.html", "hello.html", PageFormat::Html, html.as_bytes().to_vec());
//! let record = clean_page(&page, &Options::default());
//! assert_eq!(record.title.as_deref(), Some("Hello"));
//! assert!(record.text.as_deref().unwrap().starts_with("The article text"));
//! assert!(!record.text.as_deref().unwrap().contains("About"));
//! ```

pub mod cli;
pub mod decode;
pub mod engine;
pub mod error;
pub mod eval;
pub mod explain;
// The extractor keeps per-node features in parallel vectors indexed by node id, so loops over
// ids that index several vectors are the design, not an oversight.
#[allow(clippy::needless_range_loop)]
pub mod extract;
pub mod input;
pub mod limits;
pub mod metadata;
pub mod output;
pub mod page;
pub mod parse;
pub mod pipeline;
pub mod plaintext;
pub mod profile;
pub mod record;
pub mod snapshot;
pub mod text;
#[rustfmt::skip]
pub mod vocab;
