//! Every limit dechaff enforces, in one place: what it bounds, its default, and the flag that
//! changes it (the table in `docs/robustness.md` repeats them for users).
//!
//! Limits keep the cost of any input bounded by a multiple of its size, whatever it holds. An
//! input or page over a size limit becomes an error record that names the limit; the limits
//! inside a page (nesting depth, attributes per element, open formatting elements) reshape the
//! tree the way browsers do and never lose text.

/// Largest page, in bytes after decompression (`--max-page-bytes`): far above any real page
/// (the largest of the development sets is under 4 MiB), low enough that the pages in flight
/// cannot exhaust memory. A larger page becomes a `too_large` error record.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// Longest JSONL line, in bytes (`--max-line-bytes`). A line holds its page escaped as a JSON
/// string, which can be several times the page's size (`\u00e9` for `é`), so the limit is a
/// multiple of the page limit; the page the line holds must still fit `--max-page-bytes`. A
/// longer line is read past without being kept and becomes a `too_large` error record.
pub const DEFAULT_MAX_LINE_BYTES: u64 = 4 * DEFAULT_MAX_PAGE_BYTES;

/// Most bytes one input may decompress to (`--max-input-bytes`), 1 TiB: above any crawl file.
/// Reading an input stops there with a `read` error record.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 40;

/// Most bytes a compressed input may expand to per compressed byte, once it has given
/// [`EXPANSION_CHECK_AFTER_BYTES`] (`--max-expansion`). Web pages and crawl records compress 4
/// to 20 times; a stream that expands 200 times is a decompression bomb, and reading it stops
/// with a `read` error record.
pub const DEFAULT_MAX_EXPANSION: u64 = 200;

/// Decompressed bytes an input gives before its expansion ratio is checked, so that small,
/// highly repetitive files are never refused.
pub const EXPANSION_CHECK_AFTER_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting of elements the parser builds (`--max-depth`), as browsers do (Blink and
/// WebKit stop at 512): a start tag deeper than this is left out, and its text joins the
/// element at the limit. The HTML tree builder scans the stack of open elements for every tag,
/// so without the limit a page of nested `<div>`s costs time quadratic in its size.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Most attributes one element keeps (`--max-attributes`); later ones are cut before parsing.
/// Real elements carry a few dozen at most; the tokenizer checks every new attribute against
/// all earlier ones of its tag, so 200,000 attributes on one tag would cost minutes.
pub const DEFAULT_MAX_ATTRIBUTES: usize = 256;

/// Most formatting elements (`<b>`, `<font>`, `<i>`, …) left open at once: more start tags of
/// them are left out (the text stays). Browsers re-open every formatting element left open in
/// each new paragraph, so `<p><b id=1>x</p><p><b id=2>x</p>…` would build a tree quadratic in
/// the page. Not a flag: it changes only markup that no real page relies on.
pub const MAX_OPEN_FORMATTING: usize = 8;

/// The per-page work budget (`--max-nodes-per-byte`): the parser builds at most this many
/// nodes per byte of the page, plus [`NODE_BUDGET_FLOOR`]. Markup needs at least three bytes
/// per element (`<b>`), so real pages stay far below one node per byte; a page over the budget
/// is one whose markup makes the parser build far more than it holds, and it becomes a
/// `too_complex` error record.
pub const DEFAULT_MAX_NODES_PER_BYTE: u64 = 1;

/// Nodes every page may build whatever its size.
pub const NODE_BUDGET_FLOOR: u64 = 10_000;

/// Most lines of a plain-text page dump (`--max-text-lines`); a dump with more becomes a
/// `too_large` error record.
///
/// Real dumps have tens to a few thousand lines: over the 2,878 pages of the two text
/// benchmarks the median has 270 and the longest 5,088. 200,000 is far above any real page,
/// so a dump past it is a log, a data file or padding, not an article. And it bounds the
/// cleaner's work: each line costs about 30 bytes and a microsecond or two beyond the
/// dump's own collapsed and lowercased copies, so a dump at this limit and at the default
/// page size (32 MiB of 160-byte lines) cleans in a second or two, in about five times its
/// size. `plaintext::clean` takes longer dumps too, in time and memory linear in their size (ten
/// million one-letter lines take some 15 seconds); the limit is for the caller to enforce,
/// with `plaintext::line_count_exceeds`.
pub const DEFAULT_MAX_TEXT_LINES: usize = 200_000;

/// Most worker threads per core (`--threads` above this many times the core count is lowered to
/// it, with a warning): cleaning is CPU-bound, and each thread holds pages in flight.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// The limits that apply inside one page: part of the engine's options, so that cleaning a page
/// stays a function of the page and the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimits {
    /// See [`DEFAULT_MAX_DEPTH`].
    pub max_depth: usize,
    /// See [`DEFAULT_MAX_ATTRIBUTES`].
    pub max_attributes: usize,
    /// See [`DEFAULT_MAX_NODES_PER_BYTE`].
    pub max_nodes_per_byte: u64,
    /// See [`DEFAULT_MAX_TEXT_LINES`].
    pub max_text_lines: usize,
}

impl Default for PageLimits {
    fn default() -> Self {
        PageLimits {
            max_depth: DEFAULT_MAX_DEPTH,
            max_attributes: DEFAULT_MAX_ATTRIBUTES,
            max_nodes_per_byte: DEFAULT_MAX_NODES_PER_BYTE,
            max_text_lines: DEFAULT_MAX_TEXT_LINES,
        }
    }
}

impl PageLimits {
    /// Most nodes the parser may build for a page of `bytes` bytes.
    pub fn node_budget(&self, bytes: usize) -> u64 {
        (bytes as u64)
            .saturating_mul(self.max_nodes_per_byte)
            .saturating_add(NODE_BUDGET_FLOOR)
    }
}

/// The limits on reading inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputLimits {
    /// See [`DEFAULT_MAX_PAGE_BYTES`].
    pub max_page_bytes: u64,
    /// See [`DEFAULT_MAX_LINE_BYTES`].
    pub max_line_bytes: u64,
    /// See [`DEFAULT_MAX_INPUT_BYTES`].
    pub max_input_bytes: u64,
    /// See [`DEFAULT_MAX_EXPANSION`].
    pub max_expansion: u64,
}

impl Default for InputLimits {
    fn default() -> Self {
        InputLimits {
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_expansion: DEFAULT_MAX_EXPANSION,
        }
    }
}
