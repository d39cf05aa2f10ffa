//! The per-page HTML engine: which parts of a parsed document are the article, and their text.
//!
//! 1. [`dom::FlatDom`] annotates every node with its text and link-text length.
//! 2. `prune` marks page furniture (hidden elements, navigation, sharing, comments, ads, …)
//!    in a drop mask, using the vocabularies of [`crate::vocab`].
//! 3. `region` takes the container the page marks as its main content (`articleBody`, a
//!    lone `<article>`, `<main>`), or the whole `<body>`.
//! 4. `score` lets paragraphs vote for their containers (Readability's idea) and finds the
//!    article's core (never a card of a "more posts" grid beside an article); `refine` drops
//!    runs of teaser cards outside it ("more stories" streams with excerpts) and, when the
//!    core dominates the region, trims the blocks around it that do not read like content
//!    (related links, bylines, sources, share lines).
//! 5. `serialize` writes the kept nodes as paragraphs of text and, when asked, `markdown`
//!    writes the same kept nodes as Markdown.

mod declared;
pub mod dom;
mod lines;
mod markdown;
pub(crate) mod names;
mod prune;
mod refine;
mod region;
mod score;
mod serialize;
mod subtrees;
mod trace;

use scraper::Html;

use crate::profile::{html_blocks, leaves_enough, BlockSet};
use crate::vocab::{
    Preset, ARTICLE_BODY_BESIDE_MIN_CHARS, CORE_LINK_TRIM_SHARE, FORUM_POSTS_MIN_GAIN,
    MIN_ARTICLE_CHARS, NAMED_BODY_LINK_TRIM_SHARE, NAMED_BODY_TRIM_SHARE,
    SECOND_LOOK_MAX_LINK_DENSITY, TEASER_CORE_MIN_CHARS, TEASER_STREAM_MIN_SHARE,
};
use dom::FlatDom;
use names::Named;
use prune::MaskPolicy;

pub use markdown::{plain_text_markdown, without_leading_title};
pub(crate) use prune::is_discussion_url;
pub use trace::{Decision, Trace};

/// Settings of the HTML extractor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractOptions {
    /// The precision/recall trade-off.
    pub preset: Preset,
    /// Also extract the comment section, as [`Article::comments`].
    pub comments: bool,
    /// Also write the article as Markdown ([`Article::markdown`]), from the same kept nodes as
    /// the text.
    pub markdown: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            preset: Preset::BALANCED,
            comments: false,
            markdown: false,
        }
    }
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The article text, paragraphs separated by a blank line.
    pub text: String,
    /// The same article as Markdown; `None` unless [`ExtractOptions::markdown`] asked for it.
    pub markdown: Option<String>,
    /// The comment section's text, when asked for and present.
    pub comments: Option<String>,
}

/// Extracts the article from a parsed HTML document.
///
/// ```
/// use dechaff::extract::{extract, ExtractOptions};
/// let html = scraper::Html::parse_document(
///     "<body><div class=share>Share on X</div><article><p>It was a <em>bright</em> cold day in \
///      April, and the clocks were striking thirteen.</p></article><footer>© 2024</footer></body>",
/// );
/// let article = extract(&html, &ExtractOptions::default());
/// assert_eq!(article.text, "It was a bright cold day in April, and the clocks were striking thirteen.");
/// assert_eq!(article.markdown, None);
/// let options = ExtractOptions { markdown: true, ..ExtractOptions::default() };
/// let article = extract(&html, &options);
/// assert_eq!(
///     article.markdown.as_deref(),
///     Some("It was a *bright* cold day in April, and the clocks were striking thirteen.")
/// );
/// ```
pub fn extract(document: &Html, options: &ExtractOptions) -> Article {
    extract_dropping(document, options, None)
}

/// Extracts the article as [`extract`] does, without the blocks whose hash is in
/// `boilerplate`: the site's recurring blocks found by its profile ([`crate::profile`]).
/// They go after the region and core are chosen, from the text and the Markdown alike.
pub fn extract_without_blocks(
    document: &Html,
    options: &ExtractOptions,
    boilerplate: &BlockSet,
) -> Article {
    extract_dropping(document, options, Some(boilerplate))
}

fn extract_dropping(
    document: &Html,
    options: &ExtractOptions,
    boilerplate: Option<&BlockSet>,
) -> Article {
    extract_from(&FlatDom::new(document), options, boilerplate, None)
}

/// What decided every node of a document: the steps of [`extract`] (or, with a site's
/// `boilerplate`, of [`extract_without_blocks`]) recorded node by node, for `dechaff explain`.
pub fn trace(dom: &FlatDom, options: &ExtractOptions, boilerplate: Option<&BlockSet>) -> Trace {
    let mut trace = Trace::new(dom.len());
    extract_from(dom, options, boilerplate, Some(&mut trace));
    trace
}

/// The extractor's steps; with `trace`, each records what it dropped.
fn extract_from(
    dom: &FlatDom,
    options: &ExtractOptions,
    boilerplate: Option<&BlockSet>,
    mut trace: Option<&mut Trace>,
) -> Article {
    let first = MaskPolicy::article(options.preset);
    let article = extract_with(dom, options, boilerplate, trace.as_deref_mut(), first);
    if !article.text.is_empty() {
        return article;
    }
    let (second, second_options) = second_look(options);
    // Traced apart: the first look's trace stands when the second keeps nothing either.
    let mut second_trace = trace.as_ref().map(|_| Trace::new(dom.len()));
    let mut again = extract_with(
        dom,
        &second_options,
        boilerplate,
        second_trace.as_mut(),
        second,
    );
    if again.text.is_empty() {
        return article;
    }
    // Comment sections are found by their names: the first look's are the page's.
    again.comments = article.comments;
    if let (Some(trace), Some(mut second_trace)) = (trace, second_trace) {
        second_trace.second_look = true;
        *trace = second_trace;
    }
    again
}

/// The second look at a page whose first look kept nothing (its one post named like furniture,
/// `authored-by-…`, or read as a link list): class and id names are not trusted, link lists go
/// only when nearly all links ([`SECOND_LOOK_MAX_LINK_DENSITY`]), and the blocks around the
/// best-scored container are trimmed, whatever its share.
fn second_look(options: &ExtractOptions) -> (MaskPolicy, ExtractOptions) {
    let preset = Preset {
        max_link_density: SECOND_LOOK_MAX_LINK_DENSITY,
        trim_core_share: 0.0,
    };
    let policy = MaskPolicy {
        trust_names: false,
        ..MaskPolicy::article(preset)
    };
    (policy, ExtractOptions { preset, ..*options })
}

/// One look at the page: the extractor's steps under `policy`; with `trace`, each records
/// what it dropped.
fn extract_with(
    dom: &FlatDom,
    options: &ExtractOptions,
    boilerplate: Option<&BlockSet>,
    mut trace: Option<&mut Trace>,
    policy: MaskPolicy,
) -> Article {
    let mut dropped = prune::drop_mask(dom, &policy);
    let mut mask_policy = policy;
    let body = dom.first_with_tag("body").unwrap_or(0);
    let discussion = prune::is_discussion(dom);
    if discussion {
        let kept = prune::kept_chars(dom, &dropped);
        // Forum software names the posts themselves `comment` or `reply`: on a discussion
        // page, keep such containers when they hold the bulk of the text.
        let with_posts = MaskPolicy {
            keep_comments: true,
            keep_replies: true,
            ..policy
        };
        let posts_dropped = prune::drop_mask(dom, &with_posts);
        let posts_kept = prune::kept_chars(dom, &posts_dropped);
        if posts_kept[body] as f32 >= (1.0 + FORUM_POSTS_MIN_GAIN) * kept[body] as f32 {
            dropped = posts_dropped;
            mask_policy = with_posts;
        }
    }
    if let Some(trace) = trace.as_deref_mut() {
        trace.note_reasons(dom, &prune::drop_reasons(dom, &mask_policy));
        trace.discussion_posts_kept = mask_policy.keep_replies;
    }
    let mut note = |dropped: &[bool], decision: Decision| {
        if let Some(trace) = trace.as_deref_mut() {
            trace.note(dom, dropped, decision);
        }
    };
    if !discussion {
        drop_comments_beside_core(dom, &mut dropped);
        note(&dropped, Decision::Furniture);
    }
    prune::drop_furniture_sections(dom, &mut dropped);
    note(&dropped, Decision::FurnitureSection);
    prune::drop_boilerplate_lines(dom, &mut dropped, discussion);
    note(&dropped, Decision::BoilerplateLine);
    prune::drop_dense_link_lists(dom, &mut dropped);
    note(&dropped, Decision::DenseLinkList);
    let kept = prune::kept_chars(dom, &dropped);
    let region::Region {
        root: region,
        named_post,
        lede,
    } = region::main_region(dom, &dropped, &kept, body);
    // Both searches for teaser runs test the same cards, under the same mask.
    let mut cards = refine::TeaserCards::new(dom, &dropped, &kept, region);
    let (core, cards_beside) = core_beside_teasers(
        dom,
        &dropped,
        &kept,
        &mut cards,
        score::article_roots(dom, &dropped),
    );
    let teasers = refine::teaser_drops(&mut cards, &core, cards_beside);
    for index in teasers {
        // The whole card: `explain` reads the decision of every node.
        dropped[index..dom.nodes[index].end].fill(true);
    }
    note(&dropped, Decision::TeaserRun);
    let kept = prune::kept_chars(dom, &dropped);
    let region_end = dom.nodes[region].end;
    let core_chars: u32 = core
        .iter()
        .filter(|&&root| root >= region && root < region_end)
        .map(|&root| kept[root])
        .sum();
    let region_share = |node: usize| kept[node] as f32 / kept[region].max(1) as f32;
    let core_share = core_chars as f32 / kept[region].max(1) as f32;
    // Whether the link-dense blocks around a story may go: never on a discussion page, whose
    // posts are link-rich, nor with the recall preset.
    let link_trim = options.preset.trim_core_share.is_finite() && !discussion;
    // The named body trimmed around instead of the core, with its share of the region.
    let mut trimmed_around_body = None;
    if core_chars as f32 >= options.preset.trim_core_share * kept[region] as f32 {
        refine::trim_outside_core(dom, &mut dropped, region, &core);
    } else if let Some(named) = named_body_around(dom, &core, region) {
        // The page names the article's body, and the core lies in it: the body is the
        // article even when short beside its rails of other stories.
        let share = region_share(named);
        if options.preset.trim_core_share.is_finite() && share >= NAMED_BODY_TRIM_SHARE {
            refine::trim_outside_core(dom, &mut dropped, region, &[named]);
            trimmed_around_body = Some((named, share));
        } else if link_trim && share >= NAMED_BODY_LINK_TRIM_SHARE {
            refine::drop_link_blocks_outside(dom, &mut dropped, &kept, region, named);
        }
    } else if let [root] = core[..] {
        // A core too small to trim around, on a page that declares itself one article or
        // inside the element blog software marks as the post: one story beside rails of
        // others, not a listing.
        let story = if !(link_trim && root > region && root < region_end) {
            None
        } else if core_share >= CORE_LINK_TRIM_SHARE && declared::declares_article(dom) {
            Some(root)
        } else {
            region::post_around(dom, root, region)
                .filter(|&post| region_share(post) >= NAMED_BODY_LINK_TRIM_SHARE)
        };
        if let Some(story) = story {
            refine::drop_link_blocks_outside(dom, &mut dropped, &kept, region, story);
        }
    }
    note(&dropped, Decision::TrimmedAroundCore);
    if let Some(boilerplate) = boilerplate {
        // After the region and core are chosen: the profile removes the site's repeated
        // blocks from what the page-level rules kept, and never moves the article.
        let mut profiled = dropped.clone();
        for (node, hash) in html_blocks(dom) {
            if boilerplate.contains(&hash) {
                profiled[node..dom.nodes[node].end].fill(true);
            }
        }
        let before = prune::kept_chars(dom, &dropped)[region];
        let after = prune::kept_chars(dom, &profiled)[region];
        if leaves_enough(before as usize, after as usize) {
            dropped = profiled;
        }
    }
    note(&dropped, Decision::SiteProfile);
    // A lede the page sets above its named body comes first, when nothing dropped it since.
    let mut chosen: Vec<usize> = lede
        .filter(|&lede| !dropped[lede])
        .into_iter()
        .chain([region])
        .collect();
    let (mut text, mut copies) = serialize::text_and_copies(dom, &dropped, &chosen);
    if text.chars().count() < MIN_ARTICLE_CHARS && region != body && !named_post {
        // The region is too small to be the article: fall back to every block the pruning
        // kept, and take whichever answer says more.
        let (everything, everything_copies) = serialize::text_and_copies(dom, &dropped, &[body]);
        if everything.len() > text.len() {
            text = everything;
            copies = everything_copies;
            chosen = vec![body];
        }
    }
    if let Some(trace) = trace {
        trace.note_outside(dom, &chosen);
        trace.copies = copies;
        trace.region = region;
        (trace.core, trace.core_share, trace.trim_share) = match trimmed_around_body {
            Some((named, share)) => (vec![named], share, NAMED_BODY_TRIM_SHARE),
            None => (core, core_share, options.preset.trim_core_share),
        };
    }
    // The Markdown follows whichever roots gave the text, so both say the same.
    let markdown = options
        .markdown
        .then(|| markdown::markdown_of(dom, &dropped, &chosen));
    let comments = options
        .comments
        .then(|| comments_of(dom, &policy))
        .flatten();
    Article {
        text,
        comments,
        markdown,
    }
}

/// The nearest element named as the article's body ([`Named::CONTENT`]) that holds every
/// root of the core, inside the region and not the region itself.
fn named_body_around(dom: &FlatDom, core: &[usize], region: usize) -> Option<usize> {
    let (&first, rest) = core.split_first()?;
    let body = std::iter::once(first)
        .chain(dom.ancestors(first))
        .take_while(|&at| at > region && at < dom.nodes[region].end)
        .find(|&at| {
            let named = dom.named(at);
            named.has(Named::CONTENT) && !named.has(Named::NEGATIVE)
        })?;
    rest.iter()
        .all(|&root| root >= body && root < dom.nodes[body].end)
        .then_some(body)
}

/// The article's core, not inside a teaser card nor a stream of them: a card's excerpt
/// (`post__excerpt`) in a "more posts" grid beside the article may outvote the article's own
/// container, its class names ("post", "text") earning the bonus of an article's home, and the
/// list holding a long stream of cards (headline, excerpt, picture) gathers the votes of all
/// their excerpts. When the best container is a card, lies inside one or is a stream (at
/// least [`TEASER_STREAM_MIN_SHARE`] of its text in cards) and, without them, another
/// container of at least [`TEASER_CORE_MIN_CHARS`] wins, that one is the core, and `true`
/// says the cards lie beside it however much they say; else (a listing page, whose cards are
/// the content) the cards keep it.
fn core_beside_teasers(
    dom: &FlatDom,
    dropped: &[bool],
    kept: &[u32],
    teasers: &mut refine::TeaserCards,
    core: Vec<usize>,
) -> (Vec<usize>, bool) {
    let cards = refine::teaser_runs(teasers, |_| false);
    if cards.is_empty() {
        return (core, false);
    }
    let mut avoid = vec![false; dom.len()];
    for &card in &cards {
        avoid[card..dom.nodes[card].end].fill(true);
    }
    // `cards` are in document order: the ones under a root are one range of them.
    let card_chars_under = |root: usize| -> u32 {
        let end = dom.nodes[root].end;
        let from = cards.partition_point(|&card| card < root);
        cards[from..]
            .iter()
            .take_while(|&&card| card < end)
            .map(|&card| kept[card])
            .sum()
    };
    let mut stream_or_card = false;
    for &root in &core {
        if avoid[root]
            || card_chars_under(root) as f32 >= TEASER_STREAM_MIN_SHARE * kept[root] as f32
        {
            avoid[root] = true;
            stream_or_card = true;
        }
    }
    if !stream_or_card {
        return (core, false);
    }
    let beside = score::article_roots_avoiding(dom, dropped, &avoid);
    let chars: u32 = beside
        .iter()
        .filter(|&&root| !avoid[root])
        .map(|&root| kept[root])
        .sum();
    // A container around the stream is the stream again.
    let holds_the_old_core = |root: usize| {
        core.iter()
            .any(|&old| old > root && old < dom.nodes[root].end)
    };
    if chars as usize >= TEASER_CORE_MIN_CHARS
        && !beside
            .iter()
            .any(|&root| avoid[root] || holds_the_old_core(root))
    {
        (beside, true)
    } else {
        (core, false)
    }
}

/// Drops the comment sections the mask kept for holding more text than the article (a news
/// story with a hundred comments under it) when the article's core, as the paragraphs outside
/// them vote, lies beside them and holds a body's worth of prose
/// ([`ARTICLE_BODY_BESIDE_MIN_CHARS`]). Not on discussion pages, whose posts are the content.
fn drop_comments_beside_core(dom: &FlatDom, dropped: &mut [bool]) {
    let sections: Vec<usize> = prune::comment_sections(dom, dropped)
        .into_iter()
        .filter(|&section| !dom.named(section).has(Named::CONTENT))
        .collect();
    if sections.is_empty() {
        return;
    }
    // The core as the paragraphs vote outside the sections: many short comments in one list
    // outvote a story.
    let mut in_sections = vec![false; dom.len()];
    for &section in &sections {
        in_sections[section..dom.nodes[section].end].fill(true);
    }
    let core = score::article_roots_avoiding(dom, dropped, &in_sections);
    let kept = prune::kept_chars(dom, dropped);
    let overlaps = |root: usize, section: usize| {
        let (root_end, section_end) = (dom.nodes[root].end, dom.nodes[section].end);
        root < section_end && section < root_end
    };
    let core_chars: u32 = core
        .iter()
        .filter(|&&root| !sections.iter().any(|&section| overlaps(root, section)))
        .map(|&root| kept[root].saturating_sub(dom.link_chars[root]))
        .sum();
    if (core_chars as usize) < ARTICLE_BODY_BESIDE_MIN_CHARS {
        return;
    }
    for section in sections {
        if !core.iter().any(|&root| overlaps(root, section)) {
            dropped[section..dom.nodes[section].end].fill(true);
        }
    }
}

/// The text of the page's comment sections, or `None` when it has none.
fn comments_of(dom: &FlatDom, policy: &MaskPolicy) -> Option<String> {
    let keep_comments = MaskPolicy {
        keep_comments: true,
        ..*policy
    };
    let dropped = prune::drop_mask(dom, &keep_comments);
    let sections = prune::comment_sections(dom, &dropped);
    let text = serialize::text_of(dom, &dropped, &sections);
    (!text.is_empty()).then_some(text)
}

/// The drop mask of a document under the default options, for debugging tools.
#[doc(hidden)]
pub fn debug_drop_mask(dom: &FlatDom) -> Vec<bool> {
    prune::drop_mask(dom, &MaskPolicy::article(Preset::BALANCED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teaser_card_does_not_outvote_the_article() {
        let paragraph = "A paragraph of the article itself that is long enough to read as prose \
                         and runs on like the others beside it in the post. ";
        let body: String = (0..3)
            .map(|_| format!("<p>{}</p>", paragraph.repeat(3)))
            .collect();
        let card = |n: usize| {
            format!(
                "<article class=\"post post-{n}\"><div class=post__text><h3><a href=/p{n}>Another \
                 post {n}</a></h3><div class=post__excerpt><p>The excerpt of another post, with \
                 commas, clauses, asides, and more, cut short at its first lines…</p></div>\
                 </div></article>"
            )
        };
        let cards: String = (0..3).map(card).collect();
        let html = format!(
            "<body><div class=widget><div class=inner>{body}</div></div><div class=grid>{cards}\
             </div></body>"
        );
        let document = Html::parse_document(&html);
        let dom = FlatDom::new(&document);
        let dropped = debug_drop_mask(&dom);
        // The card's class names win the vote on their own …
        let voted = score::article_roots(&dom, &dropped);
        assert!(voted.iter().all(|&root| dom.nodes[root]
            .element()
            .and_then(|e| e.attr("class"))
            .is_some_and(|class| class.starts_with("post"))));
        // … but the article beside the cards is its core, and the cards go.
        let article = extract(&document, &ExtractOptions::default());
        assert!(article.text.starts_with("A paragraph of the article"));
        assert!(!article.text.contains("excerpt"), "{}", article.text);
    }

    #[test]
    fn profiled_blocks_go_unless_they_are_the_whole_article() {
        let notice = "Your email address will not be published. Required fields are marked *";
        let story = "The harbour reopened on Monday after two years of repairs, and the first \
                     boats came in at dawn to a crowd that had waited on the quay since night.";
        let boilerplate: BlockSet = [notice, story]
            .iter()
            .filter_map(|block| crate::profile::hash_block(block))
            .collect();
        let page = |paragraphs: &[&str]| {
            let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
            Html::parse_document(&format!("<body><article>{body}</article></body>"))
        };
        let own = "Fishermen said the new quay, longer and higher than the old one, would keep \
                   their boats safe in the winter storms that close the bay for weeks, and the \
                   harbour master agreed, though he would wait for the first gale to be sure.";
        let options = ExtractOptions {
            markdown: true,
            ..ExtractOptions::default()
        };
        let document = page(&[own, notice]);
        assert!(extract(&document, &options)
            .text
            .contains("not be published"));
        let article = extract_without_blocks(&document, &options, &boilerplate);
        assert_eq!(article.text, own);
        assert_eq!(article.markdown.as_deref(), Some(own));
        // A copy of a page the site repeats: the profile would empty it, so it stays.
        let copy = page(&[story, notice]);
        assert_eq!(
            extract_without_blocks(&copy, &options, &boilerplate),
            extract(&copy, &options)
        );
    }
}
