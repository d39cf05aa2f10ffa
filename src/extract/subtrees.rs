//! Figures of subtrees and ancestors that the pruning rules ask of many nodes, each found in
//! one pass over the document: asked node by node, a rescan of the subtree or a climb through
//! the ancestors would cost the tree's depth or width once per node.

use std::cell::OnceCell;

use super::dom::{FlatDom, Kind, NO_PARENT};
use crate::vocab::NON_RENDERED_TAGS;

/// The text nodes that hold more than whitespace, in document order, so that the text of a
/// subtree is gathered from its own text nodes alone, skipping the empty elements and the
/// whitespace between them, and each node's whitespace is collapsed once, however many
/// subtrees around it are read.
pub struct TextIndex<'a> {
    /// Indices of the text nodes, ascending.
    nodes: Vec<usize>,
    /// Their text.
    texts: Vec<&'a str>,
    /// Their text with whitespace collapsed, found when first asked for.
    collapsed: Vec<OnceCell<String>>,
}

impl<'a> TextIndex<'a> {
    /// The text nodes of the document that hold more than whitespace, leaving out those
    /// `dropped` marks.
    pub fn new(dom: &FlatDom<'a>, dropped: Option<&[bool]>) -> TextIndex<'a> {
        let mut nodes = Vec::new();
        let mut texts = Vec::new();
        for (index, node) in dom.nodes.iter().enumerate() {
            if let Kind::Text(text) = node.kind {
                if dropped.is_some_and(|dropped| dropped[index]) {
                    continue;
                }
                // Text that is shown holds more than whitespace exactly when it has visible
                // characters, counted already: only the code of scripts and styles is read.
                let holds_text = dom.text_chars[index] > 0
                    || node.parent != NO_PARENT
                        && dom.nodes[node.parent]
                            .tag()
                            .is_some_and(|tag| NON_RENDERED_TAGS.contains(&tag))
                        && !text.trim().is_empty();
                if holds_text {
                    nodes.push(index);
                    texts.push(text);
                }
            }
        }
        let collapsed = (0..nodes.len()).map(|_| OnceCell::new()).collect();
        TextIndex {
            nodes,
            texts,
            collapsed,
        }
    }

    /// Positions in the index of the text nodes inside the subtree of `root`.
    fn range(&self, dom: &FlatDom, root: usize) -> std::ops::Range<usize> {
        let start = self.nodes.partition_point(|&node| node < root);
        let end = self
            .nodes
            .partition_point(|&node| node < dom.nodes[root].end);
        start..end
    }

    /// The text of a node, whitespace collapsed.
    fn collapsed(&self, at: usize) -> &str {
        self.collapsed[at].get_or_init(|| crate::text::collapse_whitespace(self.texts[at]))
    }

    /// The text of the subtree of `root`, its text nodes separated by a space and whitespace
    /// collapsed.
    pub fn text(&self, dom: &FlatDom, root: usize) -> String {
        let mut text = String::new();
        for at in self.range(dom, root) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(self.collapsed(at));
        }
        text
    }

    /// The start of [`TextIndex::text`]: at least `chars` characters of it, or all of it
    /// when shorter.
    pub fn text_start(&self, dom: &FlatDom, root: usize, chars: usize) -> String {
        let mut text = String::new();
        let mut count = 0;
        for at in self.range(dom, root) {
            if count >= chars {
                break;
            }
            if !text.is_empty() {
                text.push(' ');
                count += 1;
            }
            if count >= chars {
                break;
            }
            // Only as much of a long node as is asked for.
            for c in self.collapsed(at).chars().take(chars - count) {
                text.push(c);
                count += 1;
            }
        }
        text
    }
}

/// For each node, its first child holding text ([`NO_PARENT`] for none).
pub fn first_text_children(dom: &FlatDom) -> Vec<usize> {
    let mut first = vec![NO_PARENT; dom.len()];
    // In document order, a parent's first child with text is the first one met.
    for (index, node) in dom.nodes.iter().enumerate() {
        if node.parent != NO_PARENT && dom.text_chars[index] > 0 && first[node.parent] == NO_PARENT
        {
            first[node.parent] = index;
        }
    }
    first
}

/// The nodes that `pick` picks and that lie inside no other picked node, in document order:
/// the subtree of each one found is skipped.
pub fn outermost<'d>(
    dom: &'d FlatDom,
    pick: impl Fn(usize) -> bool + 'd,
) -> impl Iterator<Item = usize> + 'd {
    let mut index = 0;
    std::iter::from_fn(move || {
        while index < dom.len() {
            let at = index;
            if pick(at) {
                index = dom.nodes[at].end.max(at + 1);
                return Some(at);
            }
            index += 1;
        }
        None
    })
}

/// For each node, whether some node strictly below it satisfies `test`.
pub fn any_below(dom: &FlatDom, test: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut below = vec![false; dom.len()];
    for index in (0..dom.len()).rev() {
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT && (below[index] || test(index)) {
            below[parent] = true;
        }
    }
    below
}

/// A value for each node handed down from its ancestors: `top` for the nodes without a parent,
/// `step(value of the parent, parent)` for the others.
pub fn from_ancestors<T: Copy>(dom: &FlatDom, top: T, step: impl Fn(T, usize) -> T) -> Vec<T> {
    let mut value = vec![top; dom.len()];
    for index in 0..dom.len() {
        let parent = dom.nodes[index].parent;
        if parent != NO_PARENT {
            value[index] = step(value[parent], parent);
        }
    }
    value
}

/// [`from_ancestors`] for rules that ask about few nodes: a node's value is found when first
/// asked for, with the values of its ancestors up to the nearest one known, and kept, so that
/// no node's value is found twice.
pub struct Inherited<'d, 'a, T, F> {
    dom: &'d FlatDom<'a>,
    top: T,
    step: F,
    /// The values found so far.
    values: Vec<Option<T>>,
    /// The ancestors climbed past in the last search.
    path: Vec<usize>,
}

impl<'d, 'a, T: Copy, F: Fn(T, usize) -> T> Inherited<'d, 'a, T, F> {
    /// The values that [`from_ancestors`] would give with `top` and `step`.
    pub fn new(dom: &'d FlatDom<'a>, top: T, step: F) -> Inherited<'d, 'a, T, F> {
        Inherited {
            dom,
            top,
            step,
            values: vec![None; dom.len()],
            path: Vec::new(),
        }
    }

    /// The value of `index`.
    pub fn get(&mut self, index: usize) -> T {
        let mut node = index;
        let mut value = loop {
            if let Some(value) = self.values[node] {
                break value;
            }
            if self.dom.nodes[node].parent == NO_PARENT {
                self.values[node] = Some(self.top);
                break self.top;
            }
            self.path.push(node);
            node = self.dom.nodes[node].parent;
        };
        while let Some(node) = self.path.pop() {
            value = (self.step)(value, self.dom.nodes[node].parent);
            self.values[node] = Some(value);
        }
        value
    }
}

/// Subtrees marked among the document's (the page's `<main>` elements, its article bodies),
/// with what the rules ask of them for any node in one lookup.
pub struct Marked {
    /// Subtree ranges of the marked nodes, in document order.
    ranges: Vec<(usize, usize)>,
    /// A value of each marked node, in the same order.
    values: Vec<u32>,
    /// The largest value of the marked nodes from each position of `ranges` on.
    max_from: Vec<u32>,
    /// Positions in `ranges` by the end of their subtree.
    by_end: Vec<usize>,
    /// The largest value of the first marked nodes in `by_end` order, up to each position.
    max_until: Vec<u32>,
}

impl Marked {
    /// The subtrees of `marked`, each with the value `value` gives it.
    pub fn new(dom: &FlatDom, marked: &[usize], value: impl Fn(usize) -> u32) -> Marked {
        let ranges: Vec<(usize, usize)> = marked
            .iter()
            .map(|&index| (index, dom.nodes[index].end))
            .collect();
        let values: Vec<u32> = marked.iter().map(|&index| value(index)).collect();
        let mut max_from = values.clone();
        for at in (0..max_from.len().saturating_sub(1)).rev() {
            max_from[at] = max_from[at].max(max_from[at + 1]);
        }
        let mut by_end: Vec<usize> = (0..ranges.len()).collect();
        by_end.sort_by_key(|&at| ranges[at].1);
        let mut max_until: Vec<u32> = by_end.iter().map(|&at| values[at]).collect();
        for at in 1..max_until.len() {
            max_until[at] = max_until[at].max(max_until[at - 1]);
        }
        Marked {
            ranges,
            values,
            max_from,
            by_end,
            max_until,
        }
    }

    /// The subtree ranges, in document order.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.ranges
    }

    /// The largest value of the marked subtrees beside the subtree of `index`: neither inside
    /// it nor around it.
    pub fn max_beside(&self, dom: &FlatDom, index: usize) -> Option<u32> {
        let after = self
            .ranges
            .partition_point(|&(start, _)| start < dom.nodes[index].end);
        let before = self
            .by_end
            .partition_point(|&at| self.ranges[at].1 <= index);
        let after = self.max_from.get(after).copied();
        let before = before.checked_sub(1).map(|at| self.max_until[at]);
        after.max(before)
    }

    /// For each node, the least value of the marked nodes strictly above it.
    pub fn least_above(&self, dom: &FlatDom) -> Vec<Option<u32>> {
        let mut own: Vec<Option<u32>> = vec![None; dom.len()];
        for (&(start, _), &value) in self.ranges.iter().zip(&self.values) {
            own[start] = Some(value);
        }
        from_ancestors(dom, None, |above: Option<u32>, parent| {
            match (above, own[parent]) {
                (Some(above), Some(value)) => Some(above.min(value)),
                (above, value) => above.or(value),
            }
        })
    }

    /// For each node, whether its subtree overlaps a marked one: it is marked, or lies inside
    /// or holds a marked node.
    pub fn overlapping(&self, dom: &FlatDom) -> Vec<bool> {
        let mut marked = vec![false; dom.len()];
        for &(start, _) in &self.ranges {
            marked[start] = true;
        }
        let above = from_ancestors(dom, false, |above, parent| above || marked[parent]);
        let below = any_below(dom, |index| marked[index]);
        (0..dom.len())
            .map(|index| marked[index] || above[index] || below[index])
            .collect()
    }

    /// Positions of the marked subtrees in the order they end.
    pub fn by_end(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.by_end.iter().map(|&at| self.ranges[at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    const PAGE: &str = "<body><div id=a> <p>One  <b>two</b>\n three</p><div>  </div>\
        <span></span><p>four<i>five</i></p></div><h2>Six <span>seven</span></h2>\
        <script>var x;</script></body>";

    /// The text of a subtree as the rules first wrote it: every text node, then collapsed.
    fn naive_text(dom: &FlatDom, dropped: Option<&[bool]>, root: usize) -> String {
        let mut text = String::new();
        for index in root..dom.nodes[root].end {
            if let Kind::Text(part) = dom.nodes[index].kind {
                if !dropped.is_some_and(|dropped| dropped[index]) {
                    text.push_str(part);
                    text.push(' ');
                }
            }
        }
        crate::text::collapse_whitespace(&text)
    }

    #[test]
    fn subtree_text_matches_a_scan_of_the_subtree() {
        let document = Html::parse_document(PAGE);
        let dom = FlatDom::new(&document);
        let dropped: Vec<bool> = (0..dom.len()).map(|index| index % 3 == 0).collect();
        for mask in [None, Some(dropped.as_slice())] {
            let texts = TextIndex::new(&dom, mask);
            for root in 0..dom.len() {
                let naive = naive_text(&dom, mask, root);
                assert_eq!(texts.text(&dom, root), naive, "node {root}");
                for chars in [0, 3, 8, 100] {
                    let start = texts.text_start(&dom, root, chars);
                    assert!(naive.starts_with(&start), "node {root}");
                    assert!(start.chars().count() >= chars.min(naive.chars().count()));
                }
            }
        }
    }

    #[test]
    fn inherited_values_are_the_values_handed_down() {
        let document = Html::parse_document(PAGE);
        let dom = FlatDom::new(&document);
        let step = |depth: usize, parent: usize| depth * 3 + parent;
        let all = from_ancestors(&dom, 1, step);
        // Asked from the deepest nodes up, and in document order.
        let mut order: Vec<usize> = (0..dom.len()).rev().collect();
        order.extend(0..dom.len());
        let mut inherited = Inherited::new(&dom, 1, step);
        for index in order {
            assert_eq!(inherited.get(index), all[index], "node {index}");
        }
    }

    #[test]
    fn first_text_children_and_ancestor_marks_match_a_walk() {
        let document = Html::parse_document(PAGE);
        let dom = FlatDom::new(&document);
        let first = first_text_children(&dom);
        let below = any_below(&dom, |index| dom.nodes[index].tag() == Some("b"));
        let in_div = from_ancestors(&dom, false, |above, parent| {
            above || dom.nodes[parent].tag() == Some("div")
        });
        for parent in 0..dom.len() {
            let end = dom.nodes[parent].end;
            let mut child = parent + 1;
            let mut naive = NO_PARENT;
            while child < end {
                if dom.text_chars[child] > 0 {
                    naive = child;
                    break;
                }
                child = dom.nodes[child].end;
            }
            assert_eq!(first[parent], naive, "node {parent}");
            let naive_below = (parent + 1..end).any(|index| dom.nodes[index].tag() == Some("b"));
            assert_eq!(below[parent], naive_below, "node {parent}");
            let mut ancestor = dom.nodes[parent].parent;
            let mut naive_in_div = false;
            while ancestor != NO_PARENT {
                naive_in_div |= dom.nodes[ancestor].tag() == Some("div");
                ancestor = dom.nodes[ancestor].parent;
            }
            assert_eq!(in_div[parent], naive_in_div, "node {parent}");
        }
    }

    #[test]
    fn marked_subtrees_answer_as_a_search_of_them() {
        let document = Html::parse_document(
            "<body><main><p>a</p><main><p>b</p></main></main><div><p>c</p><main>d</main></div>\
             <main><span>e</span></main></body>",
        );
        let dom = FlatDom::new(&document);
        let marked: Vec<usize> = (0..dom.len())
            .filter(|&index| dom.nodes[index].tag() == Some("main"))
            .collect();
        let marks = Marked::new(&dom, &marked, |index| (index * 7 % 5) as u32);
        let least = marks.least_above(&dom);
        let overlapping = marks.overlapping(&dom);
        let value = |start: usize| (start * 7 % 5) as u32;
        for index in 0..dom.len() {
            let end = dom.nodes[index].end;
            let beside = marks
                .ranges()
                .iter()
                .filter(|&&(start, main_end)| main_end <= index || start >= end)
                .map(|&(start, _)| value(start))
                .max();
            assert_eq!(marks.max_beside(&dom, index), beside, "node {index}");
            let above = marks
                .ranges()
                .iter()
                .filter(|&&(start, main_end)| start < index && index < main_end)
                .map(|&(start, _)| value(start))
                .min();
            assert_eq!(least[index], above, "node {index}");
            let overlaps = marks
                .ranges()
                .iter()
                .any(|&(start, main_end)| main_end > index && start < end);
            assert_eq!(overlapping[index], overlaps, "node {index}");
        }
        let ends: Vec<usize> = marks.by_end().map(|(_, end)| end).collect();
        assert!(ends.windows(2).all(|pair| pair[0] <= pair[1]));
    }

    #[test]
    fn outermost_picks_skip_what_they_hold() {
        let document = Html::parse_document(
            "<body><div class=c><div class=c>in</div></div><p>x</p><div class=c>two</div></body>",
        );
        let dom = FlatDom::new(&document);
        let picked: Vec<usize> = outermost(&dom, |index| {
            dom.nodes[index]
                .element()
                .is_some_and(|element| element.attr("class") == Some("c"))
        })
        .collect();
        let naive: Vec<usize> = (0..dom.len())
            .filter(|&index| {
                let is_c = |at: usize| {
                    dom.nodes[at]
                        .element()
                        .is_some_and(|element| element.attr("class") == Some("c"))
                };
                let mut above = dom.nodes[index].parent;
                let mut inside = false;
                while above != NO_PARENT {
                    inside |= is_c(above);
                    above = dom.nodes[above].parent;
                }
                is_c(index) && !inside
            })
            .collect();
        assert_eq!(picked.len(), 2);
        assert_eq!(picked, naive);
    }
}
