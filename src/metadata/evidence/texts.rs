//! The texts of elements as the evidence walk reads them: text nodes outside script and style,
//! a space where an element parts words, whitespace collapsed, read until the raw text passes
//! [`TEXT_CAP`] bytes.
//!
//! Read element by element with a walk of each subtree, nested elements of one kind (a byline
//! inside a byline, headings inside headings) would each rescan the subtree below them, and a
//! little text under many empty elements would cost the whole subtree on every read. Ordinary
//! pages read little, so the reads walk the tree until [`WALK_BUDGET`] nodes have been walked
//! on a page; from then on they come from an index of the document built in one pass, which
//! answers a read in time for the text it returns. Both give the same answers.

use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap;
use scraper::{Html, Node};

use crate::extract::dom::AttributeExt;
use crate::text::{collapse_whitespace, url_path};
use crate::vocab::{BLOCK_TAGS, HEADING_ANCHOR_MARKS, HOME_PAGE_FILES, MAX_EVIDENCE_TEXT_CHARS};

/// The raw text an element's text is read to, in bytes: the node that takes the text past it
/// is read whole, and nothing after it. Evidence is short; a longer text is not evidence.
pub const TEXT_CAP: usize = MAX_EVIDENCE_TEXT_CHARS * 4;

/// Nodes the reads may walk on one page before the index is built. No page of the benchmarks
/// walks 2,000; a page that walks more nests its evidence elements or hides them among many
/// empty ones, and there an index costs less than walking on.
const WALK_BUDGET: usize = 50_000;

/// Where an element's text parts words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// At line breaks and blocks: a headline or byline may set its words on lines of their
    /// own ("Data Analytics<br>Agency").
    Blocks,
    /// At every element: a date element often writes the parts of its date in elements of
    /// their own (`<span>Apr</span><span>04</span><span>2013`).
    Elements,
}

impl Breaks {
    fn at(self, element: &scraper::node::Element) -> bool {
        match self {
            Breaks::Blocks => element.name() == "br" || BLOCK_TAGS.contains(&element.name()),
            Breaks::Elements => true,
        }
    }
}

/// Reads the texts of one document's elements (see the module documentation).
pub struct ElementTexts<'a> {
    document: &'a Html,
    /// Nodes walked so far.
    walked: usize,
    /// Built once the walks have used up their budget.
    index: Option<Index<'a>>,
    /// For a node, the first node from it on among its later siblings whose text is not
    /// empty: the labels of one parent, and the labels of nested parents, look past the same
    /// siblings.
    first_with_text: FxHashMap<NodeId, Option<NodeId>>,
    /// The answers of [`ElementTexts::text_after`], by node and limit.
    after: FxHashMap<(NodeId, usize), Option<String>>,
}

impl<'a> ElementTexts<'a> {
    /// Reads the elements of `document`; nothing is built until a read needs it.
    pub fn new(document: &'a Html) -> ElementTexts<'a> {
        ElementTexts {
            document,
            walked: 0,
            index: None,
            first_with_text: FxHashMap::default(),
            after: FxHashMap::default(),
        }
    }

    /// The text of `node`, words parted at `breaks`. `None` when the text holds more than
    /// `limit` letters (see [`letters`]), which a caller that has no use for a longer text
    /// sets so that such a text is not read in full; the text has at least as many
    /// characters.
    pub fn text(
        &mut self,
        node: NodeRef<'a, Node>,
        breaks: Breaks,
        limit: usize,
    ) -> Option<String> {
        if let Some(index) = self.index() {
            let start = index.position(node.id());
            return index.text(start, breaks, limit);
        }
        walk_text(node, breaks, limit, &mut self.walked)
    }

    /// Whether some link inside `heading` to the site's home page reads `text`
    /// ([`Breaks::Blocks`]), as a logo's link does.
    pub fn links_home(&mut self, heading: NodeRef<'a, Node>, text: &str) -> bool {
        if let Some(index) = self.index() {
            return index.links_home(heading.id(), text);
        }
        // A link whose text has more letters than `text` does not read it.
        let limit = letters(text);
        for node in heading.descendants() {
            self.walked += 1;
            let Node::Element(element) = node.value() else {
                continue;
            };
            if element.name() == "a"
                && element.attribute("href").is_some_and(is_home_href)
                && self.text(node, Breaks::Blocks, limit).as_deref() == Some(text)
            {
                return true;
            }
        }
        false
    }

    /// The text of the first of `node`'s later siblings whose text is not empty (empty when
    /// none has one), read as [`ElementTexts::text`] reads it. Every label in a parent asks
    /// of the same siblings, so each answer is kept.
    pub fn text_after(&mut self, node: NodeRef<'a, Node>, limit: usize) -> Option<String> {
        if let Some(text) = self.after.get(&(node.id(), limit)) {
            return text.clone();
        }
        let text = match self.first_with_text(node.next_sibling()) {
            Some(sibling) => self.text(sibling, Breaks::Blocks, limit),
            None => Some(String::new()),
        };
        self.after.insert((node.id(), limit), text.clone());
        text
    }

    /// The first node from `start` on among its later siblings whose text is not empty.
    fn first_with_text(&mut self, start: Option<NodeRef<'a, Node>>) -> Option<NodeRef<'a, Node>> {
        let mut passed = Vec::new();
        let mut next = start;
        let found = loop {
            let Some(node) = next else {
                break None;
            };
            if let Some(&known) = self.first_with_text.get(&node.id()) {
                break known.and_then(|id| self.document.tree.get(id));
            }
            passed.push(node.id());
            // Whether the text is empty is known from its first letter on.
            if !matches!(self.text(node, Breaks::Blocks, 0), Some(text) if text.is_empty()) {
                break Some(node);
            }
            next = node.next_sibling();
        };
        let found_id = found.map(|node| node.id());
        for id in passed {
            self.first_with_text.insert(id, found_id);
        }
        found
    }

    fn index(&mut self) -> Option<&Index<'a>> {
        if self.index.is_none() && self.walked > WALK_BUDGET {
            self.index = Some(Index::new(self.document));
        }
        self.index.as_ref()
    }
}

/// The letters of a text: its characters other than whitespace and heading anchor marks
/// (which a headline loses at its end). Collapsing whitespace or trimming a headline keeps
/// them all, so they bound the length of the text from below.
pub fn letters(text: &str) -> usize {
    letters_up_to(text, usize::MAX)
}

/// The letters of `text`, counted up to `most`.
fn letters_up_to(text: &str, most: usize) -> usize {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !HEADING_ANCHOR_MARKS.contains(&c))
        .take(most)
        .count()
}

/// [`ElementTexts::text`] by a walk of the subtree, adding the nodes it visits to `walked`.
fn walk_text(
    node: NodeRef<Node>,
    breaks: Breaks,
    limit: usize,
    walked: &mut usize,
) -> Option<String> {
    let mut text = String::new();
    let mut letters_read = 0;
    let mut bytes_counted = 0;
    for descendant in node.descendants() {
        *walked += 1;
        match descendant.value() {
            Node::Text(part) if !in_script_or_style(descendant) => {
                text.push_str(part);
                // No text has more letters than bytes: most are counted never.
                if text.len() > limit {
                    letters_read += letters_up_to(&text[bytes_counted..], limit - letters_read + 1);
                    bytes_counted = text.len();
                    if letters_read > limit {
                        return None;
                    }
                }
            }
            Node::Element(element) if breaks.at(element) => text.push(' '),
            _ => {}
        }
        if text.len() > TEXT_CAP {
            break;
        }
    }
    Some(collapse_whitespace(&text))
}

/// The document in pre-order with running sums, from which the text of any subtree is read
/// without walking it: the sums find where the read stops and whether it holds too many
/// letters, and only the text nodes before that are visited.
struct Index<'a> {
    /// The pre-order position of each node.
    positions: FxHashMap<NodeId, usize>,
    /// One past the last position of each node's subtree.
    ends: Vec<usize>,
    /// Raw text bytes before each position (one more entry at the end, for all of them),
    /// with [`Breaks::Blocks`]…
    block_bytes: Vec<usize>,
    /// … and with [`Breaks::Elements`].
    element_bytes: Vec<usize>,
    /// Letters before each position, likewise.
    letters: Vec<usize>,
    /// The text nodes outside script and style that hold more than whitespace, with their
    /// positions.
    texts: Vec<(usize, &'a str)>,
    /// The positions of the links to the site's home page.
    home_links: Vec<usize>,
    /// Their texts, each with the positions of the links that read it, ascending; found when
    /// first asked for.
    home_texts: std::cell::OnceCell<FxHashMap<String, Vec<usize>>>,
}

impl<'a> Index<'a> {
    fn new(document: &'a Html) -> Index<'a> {
        let mut index = Index {
            positions: FxHashMap::default(),
            ends: Vec::new(),
            block_bytes: vec![0],
            element_bytes: vec![0],
            letters: vec![0],
            texts: Vec::new(),
            home_links: Vec::new(),
            home_texts: std::cell::OnceCell::new(),
        };
        // The position of each node's parent (its own for the root), found before the node's.
        let mut parents: Vec<usize> = Vec::new();
        for (position, node) in document.tree.root().descendants().enumerate() {
            index.positions.insert(node.id(), position);
            index.ends.push(position + 1);
            parents.push(
                node.parent()
                    .map_or(position, |parent| index.position(parent.id())),
            );
            let (block_bytes, element_bytes, letters_here) = match node.value() {
                Node::Text(text) if !in_script_or_style(node) => {
                    if text.contains(|c: char| !c.is_whitespace()) {
                        index.texts.push((position, text));
                    }
                    (text.len(), text.len(), letters(text))
                }
                Node::Element(element) => {
                    if element.name() == "a" && element.attribute("href").is_some_and(is_home_href)
                    {
                        index.home_links.push(position);
                    }
                    (usize::from(Breaks::Blocks.at(element)), 1, 0)
                }
                _ => (0, 0, 0),
            };
            index
                .block_bytes
                .push(index.block_bytes[position] + block_bytes);
            index
                .element_bytes
                .push(index.element_bytes[position] + element_bytes);
            index.letters.push(index.letters[position] + letters_here);
        }
        // A subtree ends where its last child's does, found from the last node up.
        for (position, &parent) in parents.iter().enumerate().rev() {
            index.ends[parent] = index.ends[parent].max(index.ends[position]);
        }
        index
    }

    fn position(&self, node: NodeId) -> usize {
        // Every node of the document was indexed.
        self.positions[&node]
    }

    /// [`ElementTexts::text`] of the node at `start`.
    fn text(&self, start: usize, breaks: Breaks, limit: usize) -> Option<String> {
        let bytes = match breaks {
            Breaks::Blocks => &self.block_bytes,
            Breaks::Elements => &self.element_bytes,
        };
        // The read stops after the node whose text takes it past the cap.
        let cap = bytes[start] + TEXT_CAP;
        let past_cap = start + 1 + bytes[start + 1..].partition_point(|&before| before <= cap);
        let end = past_cap.min(self.ends[start]);
        if self.letters[end] - self.letters[start] > limit {
            return None;
        }
        let first = self
            .texts
            .partition_point(|&(position, _)| position < start);
        let mut text = String::new();
        let mut previous: Option<usize> = None;
        for &(position, part) in self.texts[first..]
            .iter()
            .take_while(|(position, _)| *position < end)
        {
            // Only whitespace lies between two such texts; one space stands for it.
            if previous.is_some_and(|previous| bytes[position] > bytes[previous + 1]) {
                text.push(' ');
            }
            text.push_str(part);
            previous = Some(position);
        }
        Some(collapse_whitespace(&text))
    }

    /// [`ElementTexts::links_home`].
    fn links_home(&self, heading: NodeId, text: &str) -> bool {
        let start = self.position(heading);
        let end = self.ends[start];
        let home_texts = self.home_texts.get_or_init(|| {
            let mut home_texts: FxHashMap<String, Vec<usize>> = FxHashMap::default();
            for &link in &self.home_links {
                if let Some(text) = self.text(link, Breaks::Blocks, usize::MAX) {
                    home_texts.entry(text).or_default().push(link);
                }
            }
            home_texts
        });
        home_texts.get(text).is_some_and(|links| {
            let first = links.partition_point(|&link| link < start);
            links.get(first).is_some_and(|&link| link < end)
        })
    }
}

/// Whether a text node is the code of a script or a style sheet.
fn in_script_or_style(node: NodeRef<Node>) -> bool {
    node.parent().is_some_and(|parent| {
        matches!(parent.value(), Node::Element(e) if matches!(e.name(), "script" | "style"))
    })
}

/// Whether a link leads to a site's home page: its path, relative or absolute, is empty,
/// `/`, or an index page (`../index.html`).
pub fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    let href = href.split(['#', '?']).next().unwrap_or_default();
    if href.is_empty() {
        // A bare fragment or query stays on the page itself.
        return false;
    }
    let path = if href.contains("://") || href.starts_with("//") {
        url_path(href.trim_start_matches('/'))
    } else {
        href.to_ascii_lowercase()
    };
    let page = path
        .split('/')
        .filter(|segment| !matches!(*segment, "" | "." | ".."))
        .collect::<Vec<_>>();
    match page.as_slice() {
        [] => true,
        [file] => HOME_PAGE_FILES.contains(file),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An element's text as the evidence walk first read it: a walk of the whole subtree.
    fn naive_text(node: NodeRef<Node>, breaks: Breaks) -> String {
        let mut text = String::new();
        for descendant in node.descendants() {
            match descendant.value() {
                Node::Text(t) if !in_script_or_style(descendant) => text.push_str(t),
                Node::Element(e) if breaks.at(e) => text.push(' '),
                _ => {}
            }
            if text.len() > TEXT_CAP {
                break;
            }
        }
        collapse_whitespace(&text)
    }

    /// What [`ElementTexts::text`] must answer, from the naive text.
    fn expected(node: NodeRef<Node>, breaks: Breaks, limit: usize) -> Option<String> {
        let text = naive_text(node, breaks);
        (letters(&text) <= limit).then_some(text)
    }

    fn page() -> Html {
        let long = "Wort ".repeat(100);
        Html::parse_document(&format!(
            r#"<html><head><title>T</title><style>p {{ x: 1 }}</style></head><body>
            <div class="byline">By <a href="/">Ann</a><br>Lee <script>var a = 1;</script></div>
            <h1><span>Kicker</span> Head<em>line</em> ¶ <a href="/">Site</a></h1>
            <h1><a href="https://example.org/">Site</a></h1>
            <div><p>{long}</p><span>x</span>{}<b>tail</b><p>after the cap</p></div>
            <p><span>Apr</span><span>04</span> <!-- c --> 2013</p>
            <div>Written by<br>Written by</div><span> </span><i></i><p>Ann Lee</p>
            <section><div>Autor:</div></section><div>  </div>{}</body></html>"#,
            "<div></div>".repeat(300),
            "<span>é</span>".repeat(50),
        ))
    }

    #[test]
    fn the_index_and_the_walk_read_what_a_walk_of_the_subtree_reads() {
        let html = page();
        let index = Index::new(&html);
        for node in html.tree.root().descendants() {
            for breaks in [Breaks::Blocks, Breaks::Elements] {
                for limit in [0, 1, 4, 7, 100, 200, usize::MAX] {
                    let want = expected(node, breaks, limit);
                    let start = index.position(node.id());
                    assert_eq!(index.text(start, breaks, limit), want, "{node:?} {limit}");
                    let walked = walk_text(node, breaks, limit, &mut 0);
                    assert_eq!(walked, want, "{node:?} {limit}");
                }
            }
        }
        // The cap cut the long block, and the empty blocks after the text count towards it.
        let long = html.tree.root().descendants().find(|node| {
            matches!(node.value(), Node::Element(e) if e.name() == "div")
                && naive_text(*node, Breaks::Blocks).starts_with("Wort")
        });
        let text = naive_text(long.unwrap(), Breaks::Blocks);
        assert!(text.ends_with("x") && !text.contains("tail"), "{text}");
    }

    #[test]
    fn home_links_and_next_texts_are_found_as_walks_find_them() {
        let html = page();
        let mut walks = ElementTexts::new(&html);
        let mut indexed = ElementTexts::new(&html);
        indexed.walked = WALK_BUDGET + 1;
        for node in html.tree.root().descendants() {
            let text = naive_text(node, Breaks::Blocks);
            let heading = text.trim_end_matches(HEADING_ANCHOR_MARKS).trim_end();
            for wanted in [heading, "Site", "Ann", ""] {
                let naive = node.descendants().any(|inner| {
                    matches!(inner.value(), Node::Element(e)
                        if e.name() == "a" && e.attribute("href").is_some_and(is_home_href))
                        && naive_text(inner, Breaks::Blocks) == wanted
                });
                assert_eq!(walks.links_home(node, wanted), naive, "{node:?} {wanted}");
                assert_eq!(indexed.links_home(node, wanted), naive, "{node:?} {wanted}");
            }
            let next = node
                .next_siblings()
                .map(|sibling| naive_text(sibling, Breaks::Blocks))
                .find(|text| !text.is_empty())
                .unwrap_or_default();
            for limit in [3, 100] {
                let want = (letters(&next) <= limit).then(|| next.clone());
                assert_eq!(walks.text_after(node, limit), want, "{node:?}");
                assert_eq!(indexed.text_after(node, limit), want, "{node:?}");
            }
        }
        assert!(walks.index.is_none() && indexed.index.is_some());
    }
}
