//! What a block is: the text of a leaf block element of an HTML page, or a line of a text
//! dump; and the removal of a site's boilerplate lines from a dump.

use crate::engine::decoded_page;
use crate::extract::dom::{FlatDom, Kind};
use crate::limits::PageLimits;
use crate::page::{Page, PageFormat};
use crate::vocab::{PROFILE_BLOCK_TAGS, PROFILE_SKIPPED_TAGS};

use super::{hash_block, BlockSet};

/// The profiled blocks of an HTML document, as (node index, block hash) in document order:
/// every [`PROFILE_BLOCK_TAGS`] element that holds no other such element, with its text (code
/// and unrendered elements left out). Blocks too short to profile are not listed.
pub fn html_blocks(dom: &FlatDom) -> Vec<(usize, u64)> {
    let is_block = |index: usize| {
        dom.nodes[index]
            .tag()
            .is_some_and(|tag| PROFILE_BLOCK_TAGS.contains(&tag))
    };
    let mut holds_block = vec![false; dom.len()];
    for index in (0..dom.len()).rev() {
        let parent = dom.nodes[index].parent;
        if parent < dom.len() && (holds_block[index] || is_block(index)) {
            holds_block[parent] = true;
        }
    }
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < dom.len() {
        let node = &dom.nodes[index];
        if node
            .tag()
            .is_some_and(|tag| PROFILE_SKIPPED_TAGS.contains(&tag))
        {
            index = node.end.max(index + 1);
            continue;
        }
        if is_block(index) && !holds_block[index] {
            if let Some(hash) = hash_block(&subtree_text(dom, index)) {
                blocks.push((index, hash));
            }
            index = node.end.max(index + 1);
            continue;
        }
        index += 1;
    }
    blocks
}

/// The text of a subtree as its text nodes run together (a `<br>` is a space), skipping code
/// and unrendered elements.
fn subtree_text(dom: &FlatDom, root: usize) -> String {
    let mut text = String::new();
    let end = dom.nodes[root].end;
    let mut index = root + 1;
    while index < end {
        match dom.nodes[index].kind {
            Kind::Text(part) => text.push_str(part),
            Kind::Element(element) if PROFILE_SKIPPED_TAGS.contains(&element.name()) => {
                index = dom.nodes[index].end.max(index + 1);
                continue;
            }
            Kind::Element(element) if element.name() == "br" => text.push(' '),
            _ => {}
        }
        index += 1;
    }
    text
}

/// The hashes of a text dump's profiled lines, in order.
pub fn line_hashes(dump: &str) -> Vec<u64> {
    dump.lines().filter_map(hash_block).collect()
}

/// The dump without the lines whose hash is in `boilerplate`; the other lines, blank ones
/// included, are kept as they are.
///
/// ```
/// use dechaff::profile::{hash_block, without_lines, BlockSet};
/// let notice = "Your email address will not be published.";
/// let blocks: BlockSet = [hash_block(notice).unwrap()].into_iter().collect();
/// let dump = "A story of the day, told in full.\n\nYour email address will NOT be published\nLeave a reply";
/// assert_eq!(without_lines(dump, &blocks), "A story of the day, told in full.\n\nLeave a reply");
/// ```
pub fn without_lines(dump: &str, boilerplate: &BlockSet) -> String {
    let mut out = String::with_capacity(dump.len());
    for line in dump.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if hash_block(content).is_some_and(|hash| boilerplate.contains(&hash)) {
            continue;
        }
        out.push_str(line);
    }
    // A removed last line leaves the line before it with its newline.
    if !dump.ends_with('\n') && out.ends_with('\n') {
        out.pop();
        if out.ends_with('\r') {
            out.pop();
        }
    }
    out
}

/// The site ([`super::site_key`]) and block hashes of a page as the counting pass adds them to
/// [`super::Counts`]; `None` for a page that is not counted: one [`page_blocks`] gives `None`
/// for, or that makes it panic (the cleaning pass then reports that page).
pub fn counted_blocks(page: &Page, limits: &PageLimits) -> Option<(String, Vec<u64>)> {
    let hashes =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| page_blocks(page, limits)))
            .ok()
            .flatten()?;
    Some((super::site_key(page.url.as_deref(), &page.source), hashes))
}

/// The block hashes of a page, sorted and each once, as the counting pass sees them; `None`
/// for a page that cannot be cleaned (unreadable, empty, binary, over its work budget), which
/// is not counted.
pub fn page_blocks(page: &Page, limits: &PageLimits) -> Option<Vec<u64>> {
    let decoded = decoded_page(page).ok()?;
    let mut hashes = match decoded.format {
        PageFormat::Text => line_hashes(&decoded.text),
        _ => {
            let document = crate::parse::parse(&decoded.text, limits).ok()?;
            let dom = FlatDom::new(&document);
            html_blocks(&dom)
                .into_iter()
                .map(|(_, hash)| hash)
                .collect()
        }
    };
    hashes.sort_unstable();
    hashes.dedup();
    Some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(html: &str) -> Vec<(String, u64)> {
        let document = crate::parse::parse(html, &PageLimits::default()).unwrap();
        let dom = FlatDom::new(&document);
        html_blocks(&dom)
            .into_iter()
            .map(|(index, hash)| (dom.nodes[index].tag().unwrap_or("").to_string(), hash))
            .collect()
    }

    #[test]
    fn leaf_blocks_with_their_text() {
        let blocks = blocks_of(
            "<body><div><p>First <b>para</b>graph of text.</p><ul><li>One list item here</li>\
             <li>Two</li></ul></div><pre>let x = compute(1, 2);</pre>\
             <footer>© 2024 Acme Inc. All rights reserved.</footer>\
             <script>var never = counted + as + text;</script></body>",
        );
        let tags: Vec<&str> = blocks.iter().map(|(tag, _)| tag.as_str()).collect();
        assert_eq!(tags, ["p", "li", "footer"]);
        assert_eq!(blocks[0].1, hash_block("first paragraph of text").unwrap());
        assert_eq!(
            blocks[2].1,
            hash_block("2025 ACME Inc. All rights reserved").unwrap()
        );
    }

    #[test]
    fn page_blocks_of_text_and_failed_pages() {
        let page = Page {
            id: "t".into(),
            source: "t.txt".into(),
            url: None,
            format: PageFormat::Text,
            warc: None,
            content: crate::page::Content::Unicode(
                "Menu\nSign up for our newsletter today\nA line\nSign up for our newsletter today\n"
                    .into(),
            ),
        };
        assert_eq!(
            page_blocks(&page, &PageLimits::default()),
            Some(vec![hash_block("sign up for our newsletter today").unwrap()])
        );
        let empty = Page::from_bytes("e", "e.html", PageFormat::Html, b"  ".to_vec());
        assert_eq!(page_blocks(&empty, &PageLimits::default()), None);
    }

    #[test]
    fn removing_lines_keeps_the_rest_verbatim() {
        let blocks: BlockSet = [hash_block("subscribe to our newsletter").unwrap()]
            .into_iter()
            .collect();
        assert_eq!(
            without_lines("Keep\r\nSubscribe to our newsletter!\r\nEnd\r\n", &blocks),
            "Keep\r\nEnd\r\n"
        );
        assert_eq!(
            without_lines("Keep\nSubscribe to our Newsletter", &blocks),
            "Keep"
        );
        assert_eq!(without_lines("Keep\n\n", &blocks), "Keep\n\n");
    }
}
