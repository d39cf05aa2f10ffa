//! Two lower floors for the parse, measured against scraper's tree.
//!
//! - [`arena_text_walk`]: html5ever's tree builder into a purpose-built arena (one flat vector of
//!   nodes linked by index, element names and attributes kept as html5ever hands them over; no
//!   class or id lists, no attribute map, no selector support), then the same text walk as the
//!   floor. The difference to the floor is what scraper's tree costs beyond what any tree costs.
//! - [`tokenize_only`]: html5ever's tokenizer alone, every token dropped (script, style and the
//!   other raw-text elements switched to their raw states as the tree builder would). No tree
//!   can be built for less.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{local_name, Attribute, LocalName, Namespace, ParseOpts, QualName};

/// No node: the end of a sibling list or a missing parent.
const NONE: usize = usize::MAX;

/// What one arena node holds.
enum Data {
    /// The document (index 0) or a template's contents.
    Document,
    /// An element with its name and attributes as the tokenizer produced them.
    Element {
        name: QualName,
        #[allow(dead_code)] // held like a real tree holds them; the walk reads text only
        attrs: Vec<Attribute>,
        /// A template's contents fragment, else `NONE`.
        template: usize,
    },
    /// A run of text.
    Text(StrTendril),
    /// A comment, doctype or processing instruction: nothing an extractor reads.
    Other,
}

/// One node and its links.
struct Node {
    data: Data,
    parent: usize,
    first_child: usize,
    last_child: usize,
    previous: usize,
    next: usize,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            previous: NONE,
            next: NONE,
        }
    }
}

/// The arena the tree builder writes into.
#[derive(Default)]
struct Arena {
    nodes: RefCell<Vec<Node>>,
}

impl Arena {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], node: usize) {
        let (parent, previous, next) = (nodes[node].parent, nodes[node].previous, nodes[node].next);
        if parent == NONE {
            return;
        }
        if previous == NONE {
            nodes[parent].first_child = next;
        } else {
            nodes[previous].next = next;
        }
        if next == NONE {
            nodes[parent].last_child = previous;
        } else {
            nodes[next].previous = previous;
        }
        let detached = &mut nodes[node];
        detached.parent = NONE;
        detached.previous = NONE;
        detached.next = NONE;
    }

    /// Links `child` (detached) as the last child of `parent`.
    fn link_last(nodes: &mut [Node], parent: usize, child: usize) {
        let last = nodes[parent].last_child;
        nodes[child].parent = parent;
        nodes[child].previous = last;
        if last == NONE {
            nodes[parent].first_child = child;
        } else {
            nodes[last].next = child;
        }
        nodes[parent].last_child = child;
    }

    /// Links `child` (detached) just before `sibling`.
    fn link_before(nodes: &mut [Node], sibling: usize, child: usize) {
        let (parent, previous) = (nodes[sibling].parent, nodes[sibling].previous);
        nodes[child].parent = parent;
        nodes[child].previous = previous;
        nodes[child].next = sibling;
        nodes[sibling].previous = child;
        if previous == NONE {
            nodes[parent].first_child = child;
        } else {
            nodes[previous].next = child;
        }
    }

    /// Appends text to `node` when it is a text node.
    fn merge_text(nodes: &mut [Node], node: usize, text: &StrTendril) -> bool {
        if node == NONE {
            return false;
        }
        match &mut nodes[node].data {
            Data::Text(existing) => {
                existing.push_tendril(text);
                true
            }
            _ => false,
        }
    }

    /// The sum of the text lengths under the document, in tree order.
    fn text_length(&self) -> usize {
        let nodes = self.nodes.borrow();
        let mut total = 0;
        let mut stack = vec![0usize];
        while let Some(node) = stack.pop() {
            if let Data::Text(text) = &nodes[node].data {
                total += text.len();
            }
            let mut child = nodes[node].last_child;
            while child != NONE {
                stack.push(child);
                child = nodes[child].previous;
            }
        }
        total
    }
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
struct Name<'a>(std::cell::Ref<'a, QualName>);

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Arena {
    type Handle = usize;
    type Output = Arena;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Arena {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Name<'a> {
        Name(std::cell::Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target].data {
                Data::Element { name, .. } => name,
                // The tree builder asks only for elements' names.
                _ => unreachable!("elem_name on a non-element"),
            }
        }))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let template = if flags.template {
            self.push(Data::Document)
        } else {
            NONE
        };
        self.push(Data::Element {
            name,
            attrs,
            template,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => Arena::link_last(&mut nodes, *parent, node),
            NodeOrText::AppendText(text) => {
                let last = nodes[*parent].last_child;
                if !Arena::merge_text(&mut nodes, last, &text) {
                    nodes.push(Node::new(Data::Text(text)));
                    let node = nodes.len() - 1;
                    Arena::link_last(&mut nodes, *parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let node = self.push(Data::Other);
        Arena::link_last(&mut self.nodes.borrow_mut(), 0, node);
    }

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.nodes.borrow()[*target].data {
            Data::Element { template, .. } if *template != NONE => *template,
            _ => unreachable!("template contents of a non-template"),
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => {
                Arena::detach(&mut nodes, node);
                Arena::link_before(&mut nodes, *sibling, node);
            }
            NodeOrText::AppendText(text) => {
                let previous = nodes[*sibling].previous;
                if !Arena::merge_text(&mut nodes, previous, &text) {
                    nodes.push(Node::new(Data::Text(text)));
                    let node = nodes.len() - 1;
                    Arena::link_before(&mut nodes, *sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, new: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attribute in new {
                if !attrs.iter().any(|a| a.name == attribute.name) {
                    attrs.push(attribute);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Arena::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node].first_child;
        while child != NONE {
            let next = nodes[child].next;
            Arena::detach(&mut nodes, child);
            Arena::link_last(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

/// Parses `html` into the arena and sums the lengths of its text nodes in one walk.
pub fn arena_text_walk(html: &str) -> usize {
    let arena = html5ever::parse_document(
        Arena {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
        },
        ParseOpts::default(),
    )
    .one(html);
    arena.text_length()
}

/// A token sink that drops every token and counts the characters of text.
#[derive(Default)]
struct Dropper {
    text: std::cell::Cell<usize>,
}

impl TokenSink for Dropper {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) => self.text.set(self.text.get() + text.len()),
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                // The states the tree builder would switch the tokenizer to.
                return match tag.name {
                    local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
                    local_name!("style")
                    | local_name!("xmp")
                    | local_name!("iframe")
                    | local_name!("noembed")
                    | local_name!("noframes") => TokenSinkResult::RawData(RawKind::Rawtext),
                    local_name!("title") | local_name!("textarea") => {
                        TokenSinkResult::RawData(RawKind::Rcdata)
                    }
                    local_name!("plaintext") => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                };
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Runs html5ever's tokenizer alone over `html`; the number of text characters it saw.
pub fn tokenize_only(html: &str) -> usize {
    let tokenizer = Tokenizer::new(Dropper::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.text.get()
}
