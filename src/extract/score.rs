//! Container scoring: paragraphs vote for the elements that hold them, and the best-scored
//! element, with its worthy siblings, is the article.

use super::dom::{FlatDom, Kind, NO_PARENT};
use super::names::Named;
use crate::vocab::{
    ANCESTOR_SHARES, CHARS_PER_POINT, CLASS_WEIGHT, MAX_LENGTH_POINTS, MIN_PARAGRAPH_CHARS,
    PARAGRAPH_TAGS, SIBLING_MAX_LINK_DENSITY, SIBLING_PARAGRAPH_CHARS, SIBLING_SCORE_SHARE,
    TAG_BASE_SCORES,
};

/// Indices of the subtrees that make up the article, in document order. Falls back to the
/// `<body>` (or the whole document) when no paragraph votes.
pub fn article_roots(dom: &FlatDom, dropped: &[bool]) -> Vec<usize> {
    article_roots_avoiding(dom, dropped, &[])
}

/// [`article_roots`], with the nodes `avoid` marks never taken as the best container nor
/// joined to it as siblings (a shorter `avoid` marks nothing beyond its end).
pub fn article_roots_avoiding(dom: &FlatDom, dropped: &[bool], avoid: &[bool]) -> Vec<usize> {
    let avoided = |index: usize| avoid.get(index).copied().unwrap_or(false);
    let mut votes = vec![0f32; dom.len()];
    let mut is_candidate = vec![false; dom.len()];
    let mut commas = Commas::new(dom);
    for index in 0..dom.len() {
        if dropped[index]
            || !dom.nodes[index]
                .tag()
                .is_some_and(|t| PARAGRAPH_TAGS.contains(&t))
        {
            continue;
        }
        let chars = dom.text_chars[index] as usize;
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let points = 1.0
            + commas.of(dom, index) as f32
            + (chars as f32 / CHARS_PER_POINT as f32).min(MAX_LENGTH_POINTS);
        let mut ancestor = dom.nodes[index].parent;
        for share in ANCESTOR_SHARES {
            if ancestor == NO_PARENT || dom.nodes[ancestor].element().is_none() {
                break;
            }
            votes[ancestor] += points * share;
            is_candidate[ancestor] = true;
            ancestor = dom.nodes[ancestor].parent;
        }
    }
    let score = |index: usize| -> f32 {
        (votes[index] + base_score(dom, index)) * (1.0 - dom.link_density(index))
    };
    let best = (0..dom.len())
        .filter(|&i| is_candidate[i] && !dropped[i] && !avoided(i))
        .map(|i| (i, score(i)))
        .fold(None, |best: Option<(usize, f32)>, (i, s)| match best {
            Some((_, best_score)) if best_score >= s => best,
            _ => Some((i, s)),
        });
    let Some((best, best_score)) = best else {
        return vec![dom.first_with_tag("body").unwrap_or(0)];
    };
    let parent = dom.nodes[best].parent;
    if parent == NO_PARENT {
        return vec![best];
    }
    let threshold = (best_score * SIBLING_SCORE_SHARE).max(10.0);
    let mut roots = Vec::new();
    let mut child = parent + 1;
    while child < dom.nodes[parent].end {
        let joins = child == best
            || (!dropped[child]
                && !avoided(child)
                && ((is_candidate[child] && score(child) >= threshold)
                    || is_prose_paragraph(dom, child)));
        if joins {
            roots.push(child);
        }
        child = dom.nodes[child].end;
    }
    roots
}

/// A sibling `<p>` long enough and free enough of links to be part of the article.
fn is_prose_paragraph(dom: &FlatDom, index: usize) -> bool {
    dom.nodes[index].tag() == Some("p")
        && dom.text_chars[index] as usize >= SIBLING_PARAGRAPH_CHARS
        && dom.link_density(index) < SIBLING_MAX_LINK_DENSITY
}

/// The score a container starts with: its tag's base score plus or minus its class/id weight.
fn base_score(dom: &FlatDom, index: usize) -> f32 {
    let Some(element) = dom.nodes[index].element() else {
        return 0.0;
    };
    let tag_score = TAG_BASE_SCORES
        .iter()
        .find(|(tag, _)| *tag == element.name())
        .map_or(0.0, |(_, score)| *score);
    let named = dom.named(index);
    let mut class_score = 0.0;
    if named.has(Named::POSITIVE) {
        class_score += CLASS_WEIGHT;
    }
    if named.has(Named::NEGATIVE) {
        class_score -= CLASS_WEIGHT;
    }
    tag_score + class_score
}

/// Commas in the text of the paragraphs that vote, kept or dropped, but not in text that is
/// never shown (scripts, style sheets, templates: [`crate::vocab::NON_RENDERED_TAGS`]); a
/// script's commas are code, and its text is not even read where the page is parsed for
/// cleaning ([`crate::parse::parse`]). Paragraphs nest (items of
/// nested lists), and counting each one's text would cost their depth once per paragraph;
/// counting all text up front would count every script. So the text of a paragraph that lies
/// in none asked before is counted once, with running sums for the paragraphs inside it.
struct Commas {
    /// Commas in the text from the start of the last paragraph counted to each node.
    before: Vec<u32>,
    /// One past the end of the last paragraph counted.
    counted_until: usize,
}

impl Commas {
    fn new(dom: &FlatDom) -> Commas {
        Commas {
            before: vec![0; dom.len() + 1],
            counted_until: 0,
        }
    }

    /// Commas in the text of the subtree of `index`. Subtrees are asked in document order.
    fn of(&mut self, dom: &FlatDom, index: usize) -> u32 {
        let end = dom.nodes[index].end;
        if index >= self.counted_until {
            let mut count = 0u32;
            for at in index..end {
                self.before[at] = count;
                // Only shown text (`text_chars` counts none directly inside a script, style
                // sheet, template or the head): a script's commas are code.
                match dom.nodes[at].kind {
                    Kind::Text(text) if dom.text_chars[at] > 0 => {
                        count = count.saturating_add(commas(text));
                    }
                    _ => {}
                }
            }
            self.before[end] = count;
            self.counted_until = end;
        }
        self.before[end] - self.before[index]
    }
}

/// Commas in `text`, Latin and CJK (`,`, `，`, `、`).
fn commas(text: &str) -> u32 {
    let bytes = text.as_bytes();
    // Summed rather than filtered and counted, so that the loops run on whole vectors.
    let latin: usize = bytes.iter().map(|&byte| usize::from(byte == b',')).sum();
    // The CJK commas are the only ones outside ASCII, and their UTF-8 starts with one of
    // these bytes, which most text lacks.
    let leads: usize = bytes
        .iter()
        .map(|&byte| usize::from(byte == 0xEF || byte == 0xE3))
        .sum();
    let cjk = if leads == 0 {
        0
    } else {
        text.chars().filter(|&c| c == '，' || c == '、').count()
    };
    u32::try_from(latin + cjk).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn picks_the_container_of_the_paragraphs() {
        let paragraph = "<p>This paragraph has enough words, and commas, to vote for its home.</p>";
        let html = format!(
            "<body><div id=menu><p>Short</p></div><div id=story>{}{}{}</div></body>",
            paragraph, paragraph, paragraph
        );
        let document = Html::parse_document(&html);
        let dom = FlatDom::new(&document);
        let roots = article_roots(&dom, &crate::extract::debug_drop_mask(&dom));
        assert_eq!(roots.len(), 1);
        assert_eq!(
            dom.nodes[roots[0]].element().unwrap().attr("id"),
            Some("story")
        );
    }

    #[test]
    fn commas_of_nested_paragraphs_are_the_commas_of_their_text() {
        let document = Html::parse_document(
            "<head><script>var a = [1, 2];</script></head><body><div>Out, side\
             <p>One, two、three，four <b>five, six</b></p><ul><li>a, b<li>c\
             <script>x(1, 2)</script><style>a, b {}</style><ul><li>in, in<li>none</ul></ul></div>\
             <p>é, ü</p></body>",
        );
        let dom = FlatDom::new(&document);
        let mut commas = Commas::new(&dom);
        let mut asked = 0;
        for (index, node) in dom.nodes.iter().enumerate() {
            if !matches!(node.tag(), Some("p" | "li")) {
                continue;
            }
            // A script's or style sheet's commas are code, not text.
            let naive: usize = (index..node.end)
                .map(|at| match dom.nodes[at].kind {
                    Kind::Text(text)
                        if !dom.nodes[dom.nodes[at].parent]
                            .tag()
                            .is_some_and(|t| matches!(t, "script" | "style")) =>
                    {
                        text.chars()
                            .filter(|&c| c == ',' || c == '，' || c == '、')
                            .count()
                    }
                    _ => 0,
                })
                .sum();
            assert_eq!(commas.of(&dom, index) as usize, naive, "node {index}");
            asked += 1;
        }
        assert_eq!(asked, 6);
    }

    #[test]
    fn falls_back_to_body_without_paragraphs() {
        let document = Html::parse_document("<body><span>tiny</span></body>");
        let dom = FlatDom::new(&document);
        let roots = article_roots(&dom, &crate::extract::debug_drop_mask(&dom));
        assert_eq!(dom.nodes[roots[0]].tag(), Some("body"));
    }
}
