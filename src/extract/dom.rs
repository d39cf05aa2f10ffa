//! A flat, pre-order view of a parsed document with per-node features.
//!
//! The document is parsed once; this view annotates its nodes in vectors indexed by pre-order
//! position, so that scoring and pruning are loops over slices and a subtree is an index range.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::names::{NameCache, Named};
use crate::vocab::NON_RENDERED_TAGS;

/// Reading an attribute by name without interning the name first.
///
/// `scraper`'s `Element::attr` turns the name into an interned atom on every call (a hash and
/// a table lookup), which costs more than the rest of most per-element checks. Elements carry
/// few attributes, so comparing their names directly is cheaper.
pub trait AttributeExt {
    /// The value of the attribute `name` in no namespace, as `Element::attr` gives it.
    fn attribute(&self, name: &str) -> Option<&str>;
}

impl AttributeExt for scraper::node::Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(qualname, _)| qualname.ns == html5ever::ns!() && &*qualname.local == name)
            .map(|(_, value)| &**value)
    }
}

/// Marker for "no parent" (the document root).
pub const NO_PARENT: usize = usize::MAX;

/// What a node is, borrowed from the parsed document.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    /// An element with its lowercased local name.
    Element(&'a scraper::node::Element),
    /// A text node.
    Text(&'a str),
    /// Anything else: document, doctype, comment, processing instruction.
    Other,
}

/// One node of the flat view.
#[derive(Debug, Clone, Copy)]
pub struct FlatNode<'a> {
    /// What the node is.
    pub kind: Kind<'a>,
    /// Index of the parent, or [`NO_PARENT`].
    pub parent: usize,
    /// One past the index of the node's last descendant: the subtree is `index..end`.
    pub end: usize,
}

impl<'a> FlatNode<'a> {
    /// The element's local name, or `None` for non-elements.
    pub fn tag(&self) -> Option<&'a str> {
        match self.kind {
            Kind::Element(element) => Some(element.name()),
            _ => None,
        }
    }

    /// The element, or `None` for non-elements.
    pub fn element(&self) -> Option<&'a scraper::node::Element> {
        match self.kind {
            Kind::Element(element) => Some(element),
            _ => None,
        }
    }
}

/// The document in pre-order, with per-node text features.
pub struct FlatDom<'a> {
    /// Nodes in document order.
    pub nodes: Vec<FlatNode<'a>>,
    /// Characters of visible text in each subtree (whitespace runs count as one).
    pub text_chars: Vec<u32>,
    /// Characters of text inside links in each subtree.
    pub link_chars: Vec<u32>,
    /// What each element's class list and id name (empty for other nodes): matched once per
    /// page, since every stage asks.
    pub names: Vec<NodeNames>,
}

/// What an element's class list and its id name, kept apart: an id made from a heading
/// names a topic, not a kind of block, and some rules read the class list alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeNames {
    /// What the class list names.
    pub class: Named,
    /// What the id names.
    pub id: Named,
}

impl NodeNames {
    /// What the class list and id name together.
    pub fn all(self) -> Named {
        self.class | self.id
    }
}

impl<'a> FlatDom<'a> {
    /// Flattens a parsed document and counts text and link text per subtree.
    pub fn new(document: &'a Html) -> FlatDom<'a> {
        let mut nodes: Vec<FlatNode<'a>> = Vec::new();
        let mut names: Vec<NodeNames> = Vec::new();
        let mut cache = NameCache::default();
        let mut open: Vec<usize> = Vec::new();
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let kind = match node.value() {
                        Node::Element(element) => Kind::Element(element),
                        Node::Text(text) => Kind::Text(text),
                        _ => Kind::Other,
                    };
                    names.push(match kind {
                        Kind::Element(element) => NodeNames {
                            class: cache.of_class(element.attribute("class")),
                            id: cache.of_id(element.attribute("id")),
                        },
                        _ => NodeNames::default(),
                    });
                    let parent = open.last().copied().unwrap_or(NO_PARENT);
                    open.push(nodes.len());
                    nodes.push(FlatNode {
                        kind,
                        parent,
                        end: 0,
                    });
                }
                Edge::Close(_) => {
                    if let Some(index) = open.pop() {
                        nodes[index].end = nodes.len();
                    }
                }
            }
        }
        let mut dom = FlatDom {
            text_chars: vec![0; nodes.len()],
            link_chars: vec![0; nodes.len()],
            nodes,
            names,
        };
        dom.count_text();
        dom
    }

    /// Fills `text_chars` and `link_chars` bottom-up.
    fn count_text(&mut self) {
        for index in (0..self.nodes.len()).rev() {
            let parent = self.nodes[index].parent;
            if let Kind::Text(text) = self.nodes[index].kind {
                // Script and style text is never shown: not worth counting.
                let shown = parent == NO_PARENT
                    || !self.nodes[parent]
                        .tag()
                        .is_some_and(|tag| NON_RENDERED_TAGS.contains(&tag));
                if shown {
                    self.text_chars[index] = visible_chars(text);
                }
            }
            if self.nodes[index].tag() == Some("a") {
                self.link_chars[index] = self.text_chars[index];
            }
            let rendered = !self.nodes[index]
                .tag()
                .is_some_and(|tag| NON_RENDERED_TAGS.contains(&tag));
            if parent != NO_PARENT && rendered {
                self.text_chars[parent] += self.text_chars[index];
                self.link_chars[parent] += self.link_chars[index];
            }
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the document has no nodes (never true for a parsed document).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// What the node's class list and id name together (nothing for non-elements).
    pub fn named(&self, index: usize) -> Named {
        self.names[index].all()
    }

    /// Share of a subtree's text that is link text (0 for a subtree without text).
    pub fn link_density(&self, index: usize) -> f32 {
        let text = self.text_chars[index];
        if text == 0 {
            0.0
        } else {
            self.link_chars[index] as f32 / text as f32
        }
    }

    /// The ancestors of node `index`, nearest first (the node itself not included).
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        // `successors` computes the next item as it yields one: the root's parent must not be
        // looked up, so the walk ends at the root itself.
        let parent = |at: usize| Some(self.nodes[at].parent).filter(|&up| up != NO_PARENT);
        std::iter::successors(parent(index), move |&at| parent(at))
    }

    /// Index of the first element with this tag, in document order.
    pub fn first_with_tag(&self, tag: &str) -> Option<usize> {
        self.nodes.iter().position(|node| node.tag() == Some(tag))
    }
}

/// What a walk over the kept nodes of a subtree meets, in document order.
#[derive(Debug, Clone, Copy)]
pub enum Visit<'a> {
    /// An element starts; its index in the flat view.
    Open(usize, &'a scraper::node::Element),
    /// The element with this index ends.
    Close(usize),
    /// A text node.
    Text(&'a str),
}

impl<'a> FlatDom<'a> {
    /// Walks the subtree of `root` in document order, skipping dropped subtrees, and reports
    /// every element opened and closed and every text node: the one traversal both writers
    /// (text and Markdown) share.
    pub fn walk_kept(&self, dropped: &[bool], root: usize, mut visit: impl FnMut(Visit<'a>)) {
        let end = self.nodes[root].end;
        let mut open: Vec<usize> = Vec::new();
        let mut index = root;
        while index < end {
            while let Some(&top) = open.last() {
                if index < self.nodes[top].end {
                    break;
                }
                open.pop();
                visit(Visit::Close(top));
            }
            if dropped[index] {
                index = self.nodes[index].end;
                continue;
            }
            match self.nodes[index].kind {
                Kind::Text(text) => visit(Visit::Text(text)),
                Kind::Element(element) => {
                    visit(Visit::Open(index, element));
                    open.push(index);
                }
                Kind::Other => {}
            }
            index += 1;
        }
        while let Some(top) = open.pop() {
            visit(Visit::Close(top));
        }
    }
}

/// Characters of `text` as rendered: runs of whitespace count as one character and leading or
/// trailing whitespace counts as one.
fn visible_chars(text: &str) -> u32 {
    let mut count = 0u32;
    let mut in_space = false;
    let mut any_visible = false;
    for c in text.chars() {
        if c.is_whitespace() {
            count += u32::from(!in_space);
            in_space = true;
        } else {
            count += 1;
            in_space = false;
            any_visible = true;
        }
    }
    if any_visible {
        count
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_walk_up_to_the_root_and_stop_there() {
        let html = Html::parse_document("<body><div><p>Hello</p></div></body>");
        let dom = FlatDom::new(&html);
        let p = dom.first_with_tag("p").unwrap();
        let tags: Vec<Option<&str>> = dom.ancestors(p).map(|at| dom.nodes[at].tag()).collect();
        assert_eq!(&tags[..3], &[Some("div"), Some("body"), Some("html")]);
        assert_eq!(
            dom.nodes[*dom.ancestors(p).collect::<Vec<_>>().last().unwrap()].parent,
            NO_PARENT
        );
        assert_eq!(dom.ancestors(0).count(), 0, "the root has no ancestors");
    }

    #[test]
    fn subtree_ranges_and_counts() {
        let html = Html::parse_document("<body><p>Hello <a href=x>world</a></p><p>Bye</p></body>");
        let dom = FlatDom::new(&html);
        let body = dom.first_with_tag("body").unwrap();
        let p = dom.first_with_tag("p").unwrap();
        assert!(dom.nodes[body].end >= dom.nodes[p].end);
        assert_eq!(dom.text_chars[p], "Hello world".len() as u32);
        assert_eq!(dom.link_chars[p], 5);
        assert_eq!(dom.text_chars[body], "Hello worldBye".len() as u32);
        assert!((dom.link_density(p) - 5.0 / 11.0).abs() < 1e-6);
    }
}
