//! Text → tree: html5ever, as a browser with scripting disabled parses, behind the limits that
//! keep the cost of any page linear in its size ([`crate::limits`]).
//!
//! 1. The markup is repaired in linear passes (`prescan`): raw-text elements closed
//!    XML-style (`<iframe … />`) get their end tag, attributes past
//!    [`PageLimits::max_attributes`] are cut from their tag, and (for [`parse`]) the bodies of
//!    scripts and style sheets that nothing reads are left out.
//! 2. The tokenizer's tokens reach the tree builder through a guard that leaves out start tags
//!    deeper than [`PageLimits::max_depth`] (with their end tags), as browsers do, and formatting
//!    start tags past [`MAX_OPEN_FORMATTING`] left open; their text stays.
//! 3. The guard counts the nodes built: a page whose markup makes the parser build more than its
//!    budget ([`PageLimits::node_budget`]) is not parsed further and fails as `too_complex`.

mod prescan;

use std::cell::{Cell, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, LocalName, TokenizerResult};
use rustc_hash::FxHashMap;
use scraper::{Html, HtmlTreeSink};

use crate::error::PageError;
use crate::limits::{PageLimits, MAX_OPEN_FORMATTING};
pub use prescan::{cap_attributes, close_self_closed_raw_text, without_unread_text};

/// Elements that never stay open, whose start tags cannot deepen the tree; and `html`,
/// `head`, `body`, which exist once (a repeat only adds attributes).
fn never_deepens(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

/// Elements whose content the tokenizer reads as text once the tree builder has seen their
/// start tag: leaving one out would turn a script into page text, so they are always kept
/// (outside SVG and MathML, where they hold markup like any element).
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("plaintext")
    )
}

/// Formatting elements that browsers re-open in every new paragraph while they are left open,
/// with their slot in [`Guard::formatting`]. (`<a>` and `<nobr>` are formatting elements too,
/// but a new one closes the old.)
fn reopened_formatting(name: &LocalName) -> Option<usize> {
    Some(match *name {
        local_name!("b") => 0,
        local_name!("big") => 1,
        local_name!("code") => 2,
        local_name!("em") => 3,
        local_name!("font") => 4,
        local_name!("i") => 5,
        local_name!("s") => 6,
        local_name!("small") => 7,
        local_name!("strike") => 8,
        local_name!("strong") => 9,
        local_name!("tt") => 10,
        local_name!("u") => 11,
        _ => return None,
    })
}

/// How many formatting elements [`reopened_formatting`] knows.
const FORMATTING_KINDS: usize = 12;

/// End tags that close every formatting element opened inside them.
fn is_formatting_boundary(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("table")
            | local_name!("template")
    )
}

/// Whether a `<script>` element's `type` attribute makes it a JSON-LD block:
/// `application/ld+json` in any case, with spaces or parameters (`; charset=utf-8`) around it.
///
/// ```
/// use dechaff::parse::is_json_ld;
/// assert!(is_json_ld(Some(" Application/LD+JSON; charset=utf-8")));
/// assert!(!is_json_ld(Some("application/json")));
/// assert!(!is_json_ld(None));
/// ```
pub fn is_json_ld(script_type: Option<&str>) -> bool {
    script_type
        .and_then(|kind| kind.split(';').next())
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Parses an HTML document within `limits`, for reading its text and metadata: the bodies of
/// scripts (other than JSON-LD) and style sheets are left out before tokenizing
/// ([`without_unread_text`]), as nothing reads them; see [`parse_complete`] for a tree that
/// keeps them.
///
/// ```
/// use dechaff::limits::PageLimits;
/// let html = dechaff::parse::parse("<body><noscript><p>Shown without scripts</p></noscript>", &PageLimits::default()).unwrap();
/// let p = scraper::Selector::parse("noscript p").unwrap();
/// assert_eq!(html.select(&p).count(), 1);
/// ```
pub fn parse(html: &str, limits: &PageLimits) -> Result<Html, PageError> {
    parse_prepared(html, limits, without_unread_text)
}

/// Parses an HTML document within `limits`, keeping every element's text, scripts and style
/// sheets included: for writing the page out again.
pub fn parse_complete(html: &str, limits: &PageLimits) -> Result<Html, PageError> {
    parse_prepared(html, limits, cap_attributes)
}

/// Repairs the markup, passes it through `prepare` (the attribute cap, with or without the cut
/// of unread bodies) and builds the tree within the page's node budget.
fn parse_prepared(
    html: &str,
    limits: &PageLimits,
    prepare: fn(&str, usize) -> Option<String>,
) -> Result<Html, PageError> {
    let budget = limits.node_budget(html.len());
    // The self-closed raw-text repair looks for tags without following the tokenizer's states,
    // so it sees the whole page before any body is cut.
    let repaired = close_self_closed_raw_text(html);
    let html = repaired.as_deref().unwrap_or(html);
    let prepared = prepare(html, limits.max_attributes);
    let html = prepared.as_deref().unwrap_or(html);
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    );
    let guard = Guard {
        builder,
        max_depth: limits.max_depth,
        budget,
        bound: Cell::new(0),
        left_out: RefCell::default(),
        formatting: Cell::new([0; FORMATTING_KINDS]),
        formatting_open: Cell::new(0),
        over_budget: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer stops at every `</script>` for a script to run; nothing runs here.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let guard = tokenizer.sink;
    if guard.over_budget.get() {
        return Err(PageError::TooComplex { budget });
    }
    Ok(guard.builder.sink.finish())
}

/// Stands between the tokenizer and the tree builder, keeping the tree within the limits.
struct Guard {
    builder: TreeBuilder<NodeId, HtmlTreeSink>,
    max_depth: usize,
    budget: u64,
    /// An upper bound of the tree builder's stack of open elements plus its list of active
    /// formatting elements; exact after [`Guard::measure`]. It grows with every node built, so
    /// the stack is measured only when the bound reaches the limit: once per
    /// `max_depth - depth` nodes on an ordinary page.
    bound: Cell<usize>,
    /// Start tags left out, by name, whose end tags are to be left out too.
    left_out: RefCell<FxHashMap<LocalName, usize>>,
    /// Formatting start tags passed on and not yet ended, by kind ([`reopened_formatting`]).
    formatting: Cell<[usize; FORMATTING_KINDS]>,
    /// Their sum.
    formatting_open: Cell<usize>,
    over_budget: Cell<bool>,
}

/// Counts the handles the tree builder holds.
struct HandleCount(Cell<usize>);

impl Tracer for HandleCount {
    type Handle = NodeId;

    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

impl Guard {
    fn nodes(&self) -> usize {
        self.builder.sink.0.borrow().tree.nodes().len()
    }

    /// The exact size of the tree builder's stack and formatting list (plus the document and
    /// the head and form pointers).
    fn measure(&self) -> usize {
        let count = HandleCount(Cell::new(0));
        self.builder.trace_handles(&count);
        self.bound.set(count.0.get());
        count.0.get()
    }

    fn too_deep(&self) -> bool {
        self.bound.get() >= self.max_depth && self.measure() >= self.max_depth
    }

    /// Whether this start tag is left out.
    fn leaves_out(&self, name: &LocalName) -> bool {
        if never_deepens(name) {
            return false;
        }
        let formatting = reopened_formatting(name);
        let raw_text = is_raw_text(name);
        let foreign = (formatting.is_some() || raw_text)
            && self
                .builder
                .adjusted_current_node_present_but_not_in_html_namespace();
        if raw_text && !foreign {
            return false;
        }
        let formatting = formatting.filter(|_| !foreign);
        if formatting.is_some() && self.formatting_open.get() >= MAX_OPEN_FORMATTING {
            return true;
        }
        if self.too_deep() {
            return true;
        }
        if let Some(kind) = formatting {
            let mut open = self.formatting.get();
            open[kind] += 1;
            self.formatting.set(open);
            self.formatting_open.set(self.formatting_open.get() + 1);
        }
        false
    }

    /// Whether this end tag belongs to a start tag that was left out.
    fn ends_left_out(&self, name: &LocalName) -> bool {
        if is_raw_text(name) {
            // Such an end tag may end raw text the tree builder is reading (a `<title>` kept
            // after one left out in SVG): it always reaches the tree builder, which ignores it
            // when nothing it ends is open.
            return false;
        }
        {
            let mut left_out = self.left_out.borrow_mut();
            if !left_out.is_empty() {
                if let Some(count) = left_out.get_mut(name).filter(|count| **count > 0) {
                    *count -= 1;
                    return true;
                }
            }
        }
        if is_formatting_boundary(name) {
            self.formatting.set([0; FORMATTING_KINDS]);
            self.formatting_open.set(0);
        } else if let Some(kind) = reopened_formatting(name) {
            let mut open = self.formatting.get();
            if open[kind] > 0 {
                open[kind] -= 1;
                self.formatting.set(open);
                self.formatting_open.set(self.formatting_open.get() - 1);
            }
        }
        false
    }
}

impl TokenSink for Guard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.over_budget.get() && !matches!(token, Token::EOFToken) {
            return TokenSinkResult::Continue;
        }
        if let Token::TagToken(tag) = &token {
            let left_out = match tag.kind {
                TagKind::StartTag => self.leaves_out(&tag.name),
                TagKind::EndTag => self.ends_left_out(&tag.name),
            };
            if left_out {
                if tag.kind == TagKind::StartTag {
                    *self
                        .left_out
                        .borrow_mut()
                        .entry(tag.name.clone())
                        .or_default() += 1;
                }
                return TokenSinkResult::Continue;
            }
        }
        let before = self.nodes();
        let result = self.builder.process_token(token, line_number);
        let built = self.nodes().saturating_sub(before);
        // Every element pushed onto the stack is built first, except the head element, which
        // `<base>` and the like after `</head>` push back for a moment: hence the one.
        self.bound.set(self.bound.get().saturating_add(built + 1));
        if (self.nodes() as u64) > self.budget {
            self.over_budget.set(true);
        }
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of_deepest(html: &Html) -> usize {
        html.tree
            .nodes()
            .map(|node| node.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    fn text_of(html: &Html) -> String {
        html.root_element().text().collect()
    }

    #[test]
    fn parses_like_a_browser_without_scripts() {
        let html = parse(
            "<title>T</title><body><noscript><p>Shown</p></noscript><p>a<p>b",
            &PageLimits::default(),
        )
        .unwrap();
        let p = scraper::Selector::parse("noscript p").unwrap();
        assert_eq!(html.select(&p).count(), 1);
        assert_eq!(text_of(&html), "TShownab");
    }

    #[test]
    fn nesting_stops_at_the_depth_limit_and_keeps_the_text() {
        let limits = PageLimits {
            max_depth: 40,
            ..PageLimits::default()
        };
        let page = format!(
            "<body>{}deep{}after",
            "<div>x".repeat(1000),
            "</div>".repeat(1000)
        );
        let html = parse(&page, &limits).unwrap();
        assert!(depth_of_deepest(&html) <= 42, "{}", depth_of_deepest(&html));
        assert_eq!(text_of(&html), format!("{}deepafter", "x".repeat(1000)));
        // The end tags of the left-out start tags are left out with them: the text after
        // them is outside every div.
        let after = html
            .tree
            .nodes()
            .find(|node| node.value().as_text().is_some_and(|t| &**t == "after"))
            .unwrap();
        assert_eq!(
            after
                .parent()
                .and_then(|p| p.value().as_element().map(|e| e.name().to_string())),
            Some("body".to_string())
        );
        // A page within the limit is untouched.
        let shallow = format!("{}x", "<div>".repeat(30));
        assert_eq!(
            parse(&shallow, &limits).unwrap(),
            parse(&shallow, &PageLimits::default()).unwrap()
        );
    }

    #[test]
    fn scripts_deeper_than_the_limit_stay_scripts() {
        let limits = PageLimits {
            max_depth: 10,
            ..PageLimits::default()
        };
        let page = format!(
            "{}<script>var a = '<p>';</script><p>text",
            "<div>".repeat(50)
        );
        let html = parse(&page, &limits).unwrap();
        let text: String = html
            .tree
            .nodes()
            .filter(|node| {
                node.parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() != "script"))
                    .unwrap_or(true)
            })
            .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
            .collect();
        assert_eq!(text, "text");
    }

    #[test]
    fn formatting_left_open_is_not_reopened_without_end() {
        let page: String = (0..2000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let html = parse(&page, &PageLimits::default()).unwrap();
        // Without the limit, paragraph n re-opens the n - 1 bold elements before it.
        assert!(html.tree.nodes().len() < 2000 * (MAX_OPEN_FORMATTING + 4));
        assert_eq!(text_of(&html), "x".repeat(2000));
    }

    #[test]
    fn a_page_over_its_node_budget_is_too_complex() {
        let limits = PageLimits {
            max_nodes_per_byte: 0,
            ..PageLimits::default()
        };
        let page = "<p>x</p>".repeat(20_000);
        assert!(matches!(
            parse(&page, &limits),
            Err(PageError::TooComplex { budget: 10_000 })
        ));
        assert!(parse(&page, &PageLimits::default()).is_ok());
    }

    #[test]
    fn raw_text_end_tags_always_reach_the_tree_builder() {
        // A <title> left out deep in SVG, then one read as raw text: the second's end tag must
        // end its raw text, or the tree builder meets a tag in text mode and panics.
        let limits = PageLimits {
            max_depth: 8,
            ..PageLimits::default()
        };
        let page = format!(
            "<svg>{}<title>deep</svg><title>real</title><p>after</p>",
            "<g>".repeat(20)
        );
        let html = parse(&page, &limits).unwrap();
        assert!(text_of(&html).ends_with("realafter"), "{}", text_of(&html));
        // The page the fuzzer found, with its limits.
        let crash = include_bytes!("../../tests/fixtures/fuzz/parse-raw-text-end-tag.html");
        let fuzzed = PageLimits {
            max_depth: 16,
            max_attributes: 2,
            ..PageLimits::default()
        };
        assert!(parse(&String::from_utf8_lossy(crash), &fuzzed).is_ok());
    }

    #[test]
    fn attributes_past_the_limit_are_cut() {
        let limits = PageLimits {
            max_attributes: 3,
            ..PageLimits::default()
        };
        let page = "<p a=1 b=2 c=3 d=4 e=5>text</p>";
        let html = parse(page, &limits).unwrap();
        let p = html
            .select(&scraper::Selector::parse("p").unwrap())
            .next()
            .unwrap();
        assert_eq!(p.value().attrs().count(), 3);
        assert_eq!(p.text().collect::<String>(), "text");
    }
}
