//! Furniture sections and boilerplate lines: the sections that furniture headings open
//! ("Related stories"), and short lines of credits, prompts, notices and stamps.

use crate::extract::dom::{FlatDom, NO_PARENT};
use crate::extract::lines::{
    is_boilerplate_line, is_loading_placeholder, is_named_date_stamp, is_page_control,
    is_post_number, is_prompt, is_reaction_count, is_site_notice,
};
use crate::extract::subtrees::{any_below, first_text_children, Inherited, TextIndex};
use crate::vocab::{
    BLOCK_TAGS, BOILERPLATE_LINE_MAX_CHARS, CLASS_EXEMPT_TAGS, FURNITURE_HEADINGS,
    FURNITURE_HEADING_MAX_WORDS, FURNITURE_SECTION_MAX_CLIMB, FURNITURE_SECTION_MAX_SHARE,
    HEADING_TAGS, LINE_INLINE_TAGS, PLAIN_FURNITURE_HEADING_MIN_WORDS, PROMPT_LINE_MAX_CHARS,
    SECTIONING_TAGS, SITE_NOTICE_MAX_CHARS,
};
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Drops the sections that furniture headings open ("Related stories", "Mehr zum Thema"):
/// the heading, and either the small container it opens (it is the container's first text)
/// or its following siblings up to the next heading of the same or higher rank.
pub(crate) fn drop_furniture_sections(dom: &FlatDom, dropped: &mut [bool]) {
    let page_text = dom.text_chars.first().copied().unwrap_or(0).max(1) as f32;
    // Found once a heading asks: headings nest, and a search per heading would be its own.
    let texts = OnceCell::new();
    let first_text_child = OnceCell::new();
    for index in 0..dom.len() {
        let Some(rank) = heading_rank(dom, index) else {
            continue;
        };
        if dropped[index]
            || !furniture_heading_at(dom, texts.get_or_init(|| TextIndex::new(dom, None)), index)
        {
            continue;
        }
        let first_text_child = first_text_child.get_or_init(|| first_text_children(dom));
        let end = dom.nodes[index].end;
        dropped[index..end].fill(true);
        // Wrappers that hold nothing but the heading's text are the heading (component
        // frameworks nest a heading in several of them); then climb while the heading is its
        // container's first text and the container is small.
        let mut head = index;
        loop {
            let parent = dom.nodes[head].parent;
            if parent == NO_PARENT
                || dom.text_chars[parent] != dom.text_chars[index]
                || dom.nodes[parent]
                    .tag()
                    .is_some_and(|tag| CLASS_EXEMPT_TAGS.contains(&tag))
            {
                break;
            }
            head = parent;
        }
        let mut section = head;
        for _ in 0..FURNITURE_SECTION_MAX_CLIMB {
            let parent = dom.nodes[section].parent;
            if parent == NO_PARENT
                || first_text_child[parent] != section
                || dom.text_chars[parent] as f32 >= FURNITURE_SECTION_MAX_SHARE * page_text
                || holds_peer_heading(dom, parent, section, rank)
            {
                break;
            }
            section = parent;
        }
        if section != head {
            dropped[section..dom.nodes[section].end].fill(true);
            continue;
        }
        // A bare heading opens its following siblings; a wrapped one only itself, as its
        // wrapper's siblings are often the page's own sections.
        let parent = dom.nodes[index].parent;
        if head != index || parent == NO_PARENT {
            continue;
        }
        let mut sibling = end;
        while sibling < dom.nodes[parent].end {
            if heading_rank(dom, sibling).is_some_and(|r| r <= rank) {
                break;
            }
            let sibling_end = dom.nodes[sibling].end;
            dropped[sibling..sibling_end].fill(true);
            sibling = sibling_end;
        }
    }
}

/// Drops short leaf blocks that read as boilerplate lines: credits, sources, copyright,
/// contact lines, update stamps, ad labels, prompts and reading-time notes (see
/// [`BOILERPLATE_LINE_PREFIXES`] and [`BOILERPLATE_LINE_PHRASES`]), and somewhat longer ones
/// that are subscribe, app or donation prompts ([`PROMPT_PHRASES`]). A leaf block whose text is
/// a furniture heading ("Das könnte Sie auch interessieren" in a `<p>` or `<div>`) is a heading
/// without the markup: it goes with the following siblings up to the next real heading.
pub(crate) fn drop_boilerplate_lines(dom: &FlatDom, dropped: &mut [bool], discussion: bool) {
    // A node's descendants are as the mask had them when the walk reaches it (the lines it
    // drops are the node's own subtree and its later siblings'), so their text and blocks are
    // indexed once from the mask as it comes.
    let texts = TextIndex::new(dom, Some(dropped));
    let holds_block = any_below(dom, |child| {
        !dropped[child]
            && dom.text_chars[child] > 0
            && dom.nodes[child]
                .tag()
                .is_some_and(|t| BLOCK_TAGS.contains(&t))
    });
    for index in 0..dom.len() {
        if dropped[index]
            || (dom.text_chars[index] as usize)
                > SITE_NOTICE_MAX_CHARS.max(4 * BOILERPLATE_LINE_MAX_CHARS)
        {
            continue;
        }
        let Some(tag) = dom.nodes[index].tag() else {
            continue;
        };
        let inline_line = LINE_INLINE_TAGS.contains(&tag);
        if !(BLOCK_TAGS.contains(&tag) || inline_line) || matches!(tag, "body" | "html") {
            continue;
        }
        let end = dom.nodes[index].end;
        if holds_block[index] {
            continue;
        }
        let text = texts.text(dom, index);
        let chars = text.chars().count();
        if !inline_line && chars <= SITE_NOTICE_MAX_CHARS && is_site_notice(&text) {
            dropped[index..end].fill(true);
            continue;
        }
        if text.is_empty() || chars > PROMPT_LINE_MAX_CHARS {
            continue;
        }
        if !inline_line && is_prompt(&text) {
            dropped[index..end].fill(true);
            continue;
        }
        if chars > BOILERPLATE_LINE_MAX_CHARS {
            continue;
        }
        let lower = text.to_lowercase();
        if is_boilerplate_line(&text)
            || is_loading_placeholder(&lower)
            || is_reaction_count(&lower)
            // A heading, a term or a one-cell row saying "Back" or "Print" names something.
            || (!HEADING_TAGS.contains(&tag)
                && !matches!(tag, "tr" | "dt" | "pre")
                && is_page_control(&lower))
            || (!discussion && is_named_date_stamp(&lower))
            || (discussion && is_post_number(&lower))
        {
            // Posts of a discussion carry their date as a line of their own, and thread truth
            // keeps it as often as not: there a spelled-out date is left alone. A lone "#12"
            // there is the post's permalink number; elsewhere it ranks the item that follows.
            dropped[index..end].fill(true);
        } else if inline_line {
            continue;
        } else if tag != "li"
            && crate::text::count_words(&text) >= PLAIN_FURNITURE_HEADING_MIN_WORDS
            && is_furniture_heading(&text)
        {
            // A furniture heading set as a plain block: it opens the rest of its container.
            dropped[index..end].fill(true);
            let parent = dom.nodes[index].parent;
            if parent != NO_PARENT {
                let mut sibling = end;
                while sibling < dom.nodes[parent].end && heading_rank(dom, sibling).is_none() {
                    let sibling_end = dom.nodes[sibling].end;
                    dropped[sibling..sibling_end].fill(true);
                    sibling = sibling_end;
                }
            }
        }
    }
}

/// 1–6 for `<h1>`–`<h6>`.
fn heading_rank(dom: &FlatDom, index: usize) -> Option<u8> {
    match dom.nodes[index].tag()?.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Whether a child of `container` other than `section` is a heading of the same or higher
/// rank than the furniture heading: then the container groups several sections (a shop's
/// "Related products" strip beside the category's own introduction), and only the furniture
/// heading's own section goes. Headings deeper down (the titles of teaser cards) do not count.
fn holds_peer_heading(dom: &FlatDom, container: usize, section: usize, rank: u8) -> bool {
    let mut child = container + 1;
    while child < dom.nodes[container].end {
        if child != section && heading_rank(dom, child).is_some_and(|r| r <= rank) {
            return true;
        }
        child = dom.nodes[child].end;
    }
    false
}

/// Whether the heading at `index` names a furniture section. Its text is read in full only
/// when its start can open one: every phrase starts the heading's lowercased text, and no
/// phrase holds a sigma, whose lowercase depends on what follows it.
fn furniture_heading_at(dom: &FlatDom, texts: &TextIndex, index: usize) -> bool {
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        let sigma = FURNITURE_HEADINGS
            .iter()
            .any(|phrase| phrase.contains(['σ', 'ς']));
        let longest = FURNITURE_HEADINGS
            .iter()
            .map(|phrase| phrase.chars().count());
        if sigma {
            usize::MAX
        } else {
            longest.max().unwrap_or(0)
        }
    });
    let start: String = texts
        .text_start(dom, index, *LONGEST)
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    FURNITURE_HEADINGS
        .iter()
        .any(|phrase| start.starts_with(phrase))
        && is_furniture_heading(&texts.text(dom, index))
}

/// Whether a heading's text names a furniture section.
fn is_furniture_heading(text: &str) -> bool {
    let normalized = text
        .to_lowercase()
        .trim_end_matches(|c: char| {
            matches!(c, ':' | ')' | '(' | '…' | '.' | '?' | '!' | '*')
                || c.is_ascii_digit()
                || c.is_whitespace()
        })
        .to_string();
    if normalized.is_empty() {
        return false;
    }
    let words = crate::text::count_words(&normalized);
    FURNITURE_HEADINGS.iter().any(|phrase| {
        normalized == *phrase
            || (words <= FURNITURE_HEADING_MAX_WORDS
                && normalized
                    .strip_prefix(phrase)
                    .is_some_and(|rest| rest.starts_with(' ')))
    })
}

/// For each node, whether it is inside the page's header (its menus are not grid cards):
/// the outermost `<header>` or sectioning element ([`SECTIONING_TAGS`]) around it decides. A
/// `<header>` within a sectioning element heads only that section — a teaser card's headline
/// and excerpt — and is not the page's.
pub(super) fn page_headers<'d, 'a>(
    dom: &'d FlatDom<'a>,
) -> Inherited<'d, 'a, Option<bool>, impl Fn(Option<bool>, usize) -> Option<bool> + 'd> {
    Inherited::new(dom, None, |outer, parent| {
        outer.or(match dom.nodes[parent].tag() {
            Some("header") => Some(true),
            Some(tag) if SECTIONING_TAGS.contains(&tag) => Some(false),
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::Kind;
    use crate::extract::lines::is_date_stamp;
    use crate::extract::prune::drop_mask;
    use crate::extract::prune::tests::BALANCED;
    use scraper::Html;

    /// The non-blank texts kept after the drop mask and then `step`.
    fn kept_after(html: &str, step: impl Fn(&FlatDom, &mut [bool])) -> Vec<String> {
        let document = Html::parse_document(html);
        let dom = FlatDom::new(&document);
        let mut mask = drop_mask(&dom, &BALANCED);
        step(&dom, &mut mask);
        dom.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, node)| match node.kind {
                Kind::Text(text) if !mask[i] && !text.trim().is_empty() => {
                    Some(text.trim().to_string())
                }
                _ => None,
            })
            .collect()
    }

    fn kept_after_lines(html: &str) -> Vec<String> {
        kept_after(html, |dom, mask| drop_boilerplate_lines(dom, mask, false))
    }

    #[test]
    fn a_control_label_goes_unless_it_heads_a_section() {
        let kept = kept_after_lines(
            "<body><div>Drucken</div><h2>Back</h2><p>Rows, pull-ups and deadlifts.</p>\
             <table><tr><td>Print</td></tr></table><p>Show all »</p></body>",
        );
        assert_eq!(kept, ["Back", "Rows, pull-ups and deadlifts.", "Print"]);
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let kept = kept_after_lines(
            "<body><p>4 Min. Lesezeit</p><div><div>Jane Doe</div>\
             <time>Aktualisiert: 11.04.2020</time></div>\
             <p>Quelle: the ministry of things, short and sweet, is a credit line.</p>\
             <p>Source: a long sentence that only starts like a credit line and then goes on to \
             say a great deal more about the matter at hand, with clauses and details that no \
             credit line would ever carry, so that it is plainly part of the article text.</p>\
             <p>© 2024 Example Media. All rights reserved.</p>\
             <p>An article that mentions a newsletter in passing.</p></body>",
        );
        assert_eq!(kept[0], "Jane Doe");
        assert!(kept[1].starts_with("Source: a long sentence"));
        assert_eq!(kept[2], "An article that mentions a newsletter in passing.");
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn prompts_are_dropped_in_any_language() {
        let kept = kept_after_lines(
            "<body><p>The article's last paragraph, about the city council's newsletter.</p>\
             <p>To view the full story, please subscribe to The Daily Example. You can choose \
             an annual subscription or a weekly pass.</p>\
             <p>¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.</p>\
             <p>Czytasz nowy rodzaj materiału. Wesprzyj nas darowizną!</p></body>",
        );
        assert_eq!(
            kept,
            ["The article's last paragraph, about the city council's newsletter."]
        );
    }

    #[test]
    fn site_notices_are_dropped() {
        let consent = "We use cookies and other technologies that are essential to provide you \
            our services. If you agree and click Accept all, we will also allow our partners to \
            store cookies on your device and use similar technologies to collect and use your \
            personal data for advertising personalisation, measurement and analytics, on and \
            off our sites. You may decline consent by clicking Decline all, or make granular \
            choices, and you may withdraw your consent at any time in the privacy settings.";
        let kept = kept_after_lines(&format!(
            "<body><p>Web apps that use cookies must ask for consent under the ePrivacy rules.</p>\
             <div class=banner><p>{consent}</p></div>\
             <p>Please note that JavaScript is turned off in your web browser.</p>\
             <form><p>This field is for validation purposes and should be left unchanged.</p>\
             <p>This field is hidden when viewing the form</p></form></body>"
        ));
        assert_eq!(
            kept,
            ["Web apps that use cookies must ask for consent under the ePrivacy rules."]
        );
        // Affiliate disclosures are the site speaking of its links; an article about
        // affiliate marketing is not.
        let kept = kept_after_lines(
            "<body><p><em>This post may contain affiliate links. If you buy through them, we \
             may earn a small commission at no extra cost to you.</em></p>\
             <p>Streamers earn a commission when viewers buy gear through affiliate links.</p>\
             <p>We earn a commission for products purchased through some links in this \
             article.</p></body>",
        );
        assert_eq!(
            kept,
            ["Streamers earn a commission when viewers buy gear through affiliate links."]
        );
    }

    #[test]
    fn captions_outside_figcaption_are_dropped() {
        let kept = kept_after_lines(
            "<body><p>The article's paragraph, which names Getty Images as a company in a long \
             sentence that is far too long to be a caption of any picture on the page at all, \
             and goes on.</p>\
             <p>Lee Elder beim Masters 1975. | © Augusta National/Getty Images</p>\
             <p>Abbildung 4: klassische Schwachschicht.</p>\
             <p>Vergrößern Eine kleine runde Aussparung im Display.</p>\
             <p>(Credit: Jane Doe / Example)</p></body>",
        );
        assert_eq!(kept.len(), 1);
        assert!(kept[0].starts_with("The article's paragraph"));
    }

    #[test]
    fn date_stamps_are_dropped() {
        assert!(is_date_stamp("23.10.2018"));
        assert!(is_date_stamp("19.10.19, 08:16 uhr"));
        assert!(is_date_stamp("14. 01. 2020, 13:47"));
        assert!(is_date_stamp("2023-11-03"));
        assert!(!is_date_stamp("4.3333333333333333"));
        assert!(!is_date_stamp("1.2.3.4.5.6"));
        assert!(!is_date_stamp("3. modex 2026"));
        assert!(is_named_date_stamp("december 19, 2025"));
        assert!(is_named_date_stamp("updated on 23 oct 2025"));
        assert!(is_named_date_stamp("published: feb 6, 2024 · 4:30 pm et"));
        assert!(is_named_date_stamp("3 de marzo de 2024"));
        assert!(is_named_date_stamp("last reviewed: may 2025"));
        assert!(!is_named_date_stamp("the bridge opened on may 3, 2025"));
        assert!(!is_named_date_stamp(
            "december 19, 2025 and january 2, 2026"
        ));
        let kept = kept_after_lines(
            "<body><p>23.10.2018</p><p>Publiziert: 03.04.2020, 12:35</p>\
             <p>The article, which opened on 23.10.2018.</p></body>",
        );
        assert_eq!(kept, ["The article, which opened on 23.10.2018."]);
    }

    #[test]
    fn plain_furniture_headings_open_furniture() {
        let kept = kept_after_lines(
            "<body><div><p>The article's last words.</p><p><strong>Das könnte Sie auch \
             interessieren:</strong></p><p>Teaser one</p><p>Teaser two</p><h2>Next</h2>\
             <p>Tags</p><p>Kept after a one-word label</p></div></body>",
        );
        assert_eq!(
            kept,
            [
                "The article's last words.",
                "Next",
                "Tags",
                "Kept after a one-word label"
            ]
        );
    }

    fn kept_after_sections(html: &str) -> Vec<String> {
        kept_after(html, drop_furniture_sections)
    }

    #[test]
    fn a_wrapped_furniture_heading_takes_its_section() {
        let description = "A light day pack with pockets galore, for long walks. ".repeat(8);
        let kept = kept_after_sections(&format!(
            "<body><div class=product><h1>Day pack</h1><p>{description}</p></div>\
             <section><div class=a><div class=b><div class=c><h2>Customers also bought</h2>\
             </div></div></div><div class=rail><ul><li><div>Water bottle</div><div>$12</div>\
             </li><li><div>Rain cover</div><div>$18</div></li></ul></div></section></body>"
        ));
        assert_eq!(kept, ["Day pack", description.trim()]);
    }

    #[test]
    fn a_furniture_section_does_not_swallow_its_sibling_sections() {
        let intro = "Ergonomic mice keep the wrist and the forearm in a straight line. ".repeat(4);
        let kept = kept_after_sections(&format!(
            "<body><div class=wrap><div><h1>Related products</h1><div><span>Desks</span> \
             <span>Chairs</span></div></div><h1>Ergonomic mice</h1><p>{intro}</p></div>\
             <div>{}</div></body>",
            "A product card of the category grid. ".repeat(60)
        ));
        assert_eq!(kept[0], "Ergonomic mice");
        assert_eq!(kept[1], intro.trim());
    }

    #[test]
    fn furniture_headings_ignore_trailing_punctuation() {
        assert!(is_furniture_heading("Am meisten gelesen..."));
        assert!(is_furniture_heading("Am meisten gelesen...*"));
        assert!(is_furniture_heading("Schon gelesen?"));
        assert!(is_furniture_heading("Zobacz również"));
        assert!(!is_furniture_heading(
            "Mehr zu den Ursachen der Krise und ihren Folgen"
        ));
    }

    #[test]
    fn page_headers_and_furniture_headings_match_a_walk() {
        let document = Html::parse_document(
            "<body><header><nav><ul><li><a href=/>Home</a></li></ul></nav><article><header>\
             <h2>Related   stories: 12</h2></header></article></header><section><header><h3>\
             Mehr <b>zum</b> Thema</h3></header></section><h2>Related <span>stories</span> and \
             much more of the page besides</h2><h4>Comments</h4><h5><!-- x --> </h5></body>",
        );
        let dom = FlatDom::new(&document);
        let mut headers = page_headers(&dom);
        let texts = TextIndex::new(&dom, None);
        for index in 0..dom.len() {
            let mut in_header = false;
            let mut node = dom.nodes[index].parent;
            while node != NO_PARENT {
                match dom.nodes[node].tag() {
                    Some("header") => in_header = true,
                    Some(tag) if SECTIONING_TAGS.contains(&tag) => in_header = false,
                    _ => {}
                }
                node = dom.nodes[node].parent;
            }
            assert_eq!(headers.get(index) == Some(true), in_header, "node {index}");
            let mut text = String::new();
            for inner in index..dom.nodes[index].end {
                if let Kind::Text(part) = dom.nodes[inner].kind {
                    text.push_str(part);
                    text.push(' ');
                }
            }
            let naive = is_furniture_heading(&crate::text::collapse_whitespace(&text));
            assert_eq!(
                furniture_heading_at(&dom, &texts, index),
                naive,
                "node {index}"
            );
        }
        let furniture = (0..dom.len())
            .filter(|&index| heading_rank(&dom, index).is_some())
            .filter(|&index| furniture_heading_at(&dom, &texts, index))
            .count();
        assert_eq!(furniture, 3);
    }
}
