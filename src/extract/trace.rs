//! What decided each node: the step of the extractor that dropped it, or that it was kept.
//! Recorded only when asked for (`dechaff explain`); the extractor's own path never pays
//! for it.

use super::dom::{FlatDom, Kind, NO_PARENT};
use super::prune::Reason;
use super::serialize::LeftOutCopies;

/// The step of the extractor that dropped a node, or that it was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decision {
    /// Part of the article.
    Kept,
    /// Code, styling, embedded objects and form controls.
    Discarded,
    /// Hidden by an attribute or an inline style.
    Hidden,
    /// Navigation, footers, sharing, ads, comments … by tag, ARIA role or class/id name.
    Furniture,
    /// A short block made mostly of links.
    LinkList,
    /// A section opened by a furniture heading ("Related stories", "More in …").
    FurnitureSection,
    /// A line of boilerplate: a share prompt, a site notice, a date stamp, a counter.
    BoilerplateLine,
    /// A longer block that is nearly all links (a "most read" box, a link grid).
    DenseLinkList,
    /// A run of teaser cards (headline, excerpt, link) outside the article.
    TeaserRun,
    /// Beside the article's core, and short or link-dense: trimmed once the core dominates.
    TrimmedAroundCore,
    /// A block the site repeats on most of its pages (`--profile`).
    SiteProfile,
    /// Outside the region taken as the article.
    OutsideArticle,
    /// A repeat of a paragraph written earlier in another place, written once.
    Copy,
}

impl Decision {
    /// Every decision, in the order of the extractor's steps.
    pub const ALL: [Decision; 13] = [
        Decision::Kept,
        Decision::Discarded,
        Decision::Hidden,
        Decision::Furniture,
        Decision::LinkList,
        Decision::FurnitureSection,
        Decision::BoilerplateLine,
        Decision::DenseLinkList,
        Decision::TeaserRun,
        Decision::TrimmedAroundCore,
        Decision::SiteProfile,
        Decision::OutsideArticle,
        Decision::Copy,
    ];

    /// A short stable name, as `dechaff explain` prints it.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Kept => "kept",
            Decision::Discarded => "discarded",
            Decision::Hidden => "hidden",
            Decision::Furniture => "furniture",
            Decision::LinkList => "link-list",
            Decision::FurnitureSection => "furniture-section",
            Decision::BoilerplateLine => "boilerplate-line",
            Decision::DenseLinkList => "dense-link-list",
            Decision::TeaserRun => "teaser-run",
            Decision::TrimmedAroundCore => "trimmed",
            Decision::SiteProfile => "site-profile",
            Decision::OutsideArticle => "outside-article",
            Decision::Copy => "copy",
        }
    }

    /// What the decision means, in a sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            Decision::Kept => "part of the article",
            Decision::Discarded => "code, styling, an embedded object or a form control",
            Decision::Hidden => "hidden by an attribute or an inline style",
            Decision::Furniture => {
                "navigation, footer, sharing, ads, comments … by tag, ARIA role or class/id name"
            }
            Decision::LinkList => "a short block made mostly of links",
            Decision::FurnitureSection => {
                "a section opened by a furniture heading (\"Related stories\")"
            }
            Decision::BoilerplateLine => {
                "a boilerplate line: share prompt, site notice, date stamp, counter"
            }
            Decision::DenseLinkList => "a longer block that is nearly all links",
            Decision::TeaserRun => "a run of teaser cards (headline, excerpt) outside the article",
            Decision::TrimmedAroundCore => {
                "short or link-dense beside the article's core, trimmed as the core dominates"
            }
            Decision::SiteProfile => "a block the site repeats on most of its pages",
            Decision::OutsideArticle => "outside the region taken as the article",
            Decision::Copy => "a repeat of a paragraph written earlier elsewhere, written once",
        }
    }

    /// Whether the node is part of the article.
    pub fn is_kept(self) -> bool {
        self == Decision::Kept
    }

    fn of_reason(reason: Reason) -> Option<Decision> {
        match reason {
            Reason::Kept | Reason::Inherited => None,
            Reason::Discarded => Some(Decision::Discarded),
            Reason::Hidden => Some(Decision::Hidden),
            Reason::Furniture => Some(Decision::Furniture),
            Reason::LinkList => Some(Decision::LinkList),
        }
    }
}

/// Per node, the decision and the node it was made on, with what the extractor chose for
/// the page as a whole.
#[derive(Debug, Clone)]
pub struct Trace {
    decisions: Vec<Decision>,
    /// The top of the dropped subtree each node lies in (itself when kept).
    decided_at: Vec<usize>,
    /// The step that decided each node (0: none yet).
    step: Vec<u16>,
    steps: u16,
    /// The region taken as the article's home.
    pub region: usize,
    /// The article's core: the best-scored container and its worthy siblings.
    pub core: Vec<usize>,
    /// The core's share of the region's kept text.
    pub core_share: f32,
    /// The share from which blocks around the core are trimmed (the preset's).
    pub trim_share: f32,
    /// The page reads as a discussion, and its posts were kept.
    pub discussion_posts_kept: bool,
    /// Whether the first look kept nothing and this is the second look, which does not trust
    /// class and id names.
    pub second_look: bool,
    /// The subtrees whose kept nodes make the text.
    pub chosen: Vec<usize>,
    /// The paragraphs the text leaves out as copies, by text and occurrence.
    pub copies: LeftOutCopies,
}

impl Trace {
    /// A trace of a document of `len` nodes, every node kept.
    pub(crate) fn new(len: usize) -> Trace {
        Trace {
            decisions: vec![Decision::Kept; len],
            decided_at: (0..len).collect(),
            step: vec![0; len],
            steps: 0,
            region: 0,
            core: Vec::new(),
            core_share: 0.0,
            trim_share: 0.0,
            discussion_posts_kept: false,
            second_look: false,
            chosen: Vec::new(),
            copies: LeftOutCopies::new(),
        }
    }

    /// The decision on node `index`.
    pub fn decision(&self, index: usize) -> Decision {
        self.decisions[index]
    }

    /// The node the decision on `index` was made on: the top of its dropped subtree.
    pub fn decided_at(&self, index: usize) -> usize {
        self.decided_at[index]
    }

    /// Records the drop mask's reasons.
    pub(crate) fn note_reasons(&mut self, dom: &FlatDom, reasons: &[Reason]) {
        self.steps += 1;
        for (index, &reason) in reasons.iter().enumerate() {
            let parent = dom.nodes[index].parent;
            if reason == Reason::Inherited && parent != NO_PARENT {
                self.inherit(index, parent);
            } else if let Some(decision) = Decision::of_reason(reason) {
                self.decide(index, decision);
            }
        }
    }

    /// Records `decision` for the nodes `dropped` marks that no earlier step dropped.
    pub(crate) fn note(&mut self, dom: &FlatDom, dropped: &[bool], decision: Decision) {
        self.steps += 1;
        for index in 0..dropped.len().min(self.decisions.len()) {
            if !dropped[index] || self.step[index] != 0 {
                continue;
            }
            let parent = dom.nodes[index].parent;
            if parent != NO_PARENT && self.step[parent] == self.steps {
                self.inherit(index, parent);
            } else {
                self.decide(index, decision);
            }
        }
    }

    /// Records that the nodes outside every `chosen` subtree and not their ancestors, kept so
    /// far, are not the article; whitespace-only text is left alone.
    pub(crate) fn note_outside(&mut self, dom: &FlatDom, chosen: &[usize]) {
        // The ancestors of a chosen root hold the article too: they are not outside it. So the
        // outside is decided at its own outermost elements (a lede, a sidebar), which `explain`
        // names, rather than at the document.
        // Whitespace between the article's ancestors' children is nothing to mark: a label on
        // it would land between a table's rows in `explain --html`.
        let mut outside: Vec<bool> = (0..self.decisions.len())
            .map(|index| {
                !(matches!(dom.nodes[index].kind, Kind::Text(_)) && dom.text_chars[index] == 0)
            })
            .collect();
        for &root in chosen {
            outside[root..dom.nodes[root].end].fill(false);
            for ancestor in dom.ancestors(root) {
                outside[ancestor] = false;
            }
        }
        self.note(dom, &outside, Decision::OutsideArticle);
        self.chosen = chosen.to_vec();
    }

    fn decide(&mut self, index: usize, decision: Decision) {
        self.decisions[index] = decision;
        self.decided_at[index] = index;
        self.step[index] = self.steps;
    }

    fn inherit(&mut self, index: usize, parent: usize) {
        self.decisions[index] = self.decisions[parent];
        self.decided_at[index] = self.decided_at[parent];
        self.step[index] = self.step[parent];
    }
}
