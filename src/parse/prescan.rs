//! Repairs made to the markup before the HTML tokenizer sees it, each in one linear pass that
//! leaves a page without the problem untouched (`None`).
//!
//! - [`cap_attributes`]: attributes past the limit of a tag are cut out, because the tokenizer
//!   compares each new attribute with all earlier ones of its tag.
//! - [`without_unread_text`]: the same, and the bodies of scripts and style sheets are left
//!   out, as nothing downstream reads them (JSON-LD scripts excepted): up to a third of a
//!   modern page's bytes that the tokenizer need not read character by character. Only before
//!   the page's first SVG or MathML element, after which the tree builder alone knows where
//!   raw text is (18 % of wcxb-dev's bytes are cut, of the 40 % that scripts and styles hold).
//! - [`close_self_closed_raw_text`]: an end tag after `<iframe … />`, whose slash HTML ignores.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::{memchr, memchr2};

use crate::vocab::SELF_CLOSED_RAW_TEXT_TAGS;

/// Elements whose content the tokenizer reads as text up to their end tag (scripting disabled,
/// so `<noscript>` is not one of them).
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[
    b"script",
    b"style",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"textarea",
    b"title",
];

/// Raw-text elements whose text nothing downstream reads: their bodies are left out by
/// [`without_unread_text`].
const UNREAD_RAW_TEXT_ELEMENTS: &[&[u8]] = &[b"script", b"style"];

/// A script whose start tag holds this (its `type`, ASCII case ignored) is JSON-LD, which the
/// metadata stage reads: its body is kept.
const READ_SCRIPT_MARKER: &[u8] = b"ld+json";

/// Start tags that end SVG or MathML content when met inside it (the HTML standard's list for
/// foreign content), after which raw-text elements are raw text again.
const FOREIGN_BREAKOUT_TAGS: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

/// Byte classes of the tag states: what ends a name or a value.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const CLOSE: u8 = 4;
const EQUALS: u8 = 8;

/// The class of every byte (0 for bytes that only continue a name or value).
static CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    classes[b'\t' as usize] = SPACE;
    classes[b'\n' as usize] = SPACE;
    classes[0x0c] = SPACE;
    classes[b'\r' as usize] = SPACE;
    classes[b' ' as usize] = SPACE;
    classes[b'/' as usize] = SLASH;
    classes[b'>' as usize] = CLOSE;
    classes[b'=' as usize] = EQUALS;
    classes
};

/// The first position at or after `at` whose byte is of a class in `stop`, or the end: names
/// and values are skipped in one tight loop rather than byte by byte through the states.
fn skip_until(bytes: &[u8], at: usize, stop: u8) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| CLASSES[b as usize] & stop != 0)
        .map_or(bytes.len(), |found| at + found)
}

/// Where the scan is, following the HTML tokenizer's states closely enough to find every tag
/// and attribute it will see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    TagName,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    ValueDoubleQuoted,
    ValueSingleQuoted,
    ValueUnquoted,
    AfterValueQuoted,
    SelfClosing,
}

/// The SVG and MathML elements left open, as far as the scan can tell: inside them `<script>`
/// and `<style>` hold markup, not raw text.
#[derive(Debug, Default)]
struct Foreign {
    svg: usize,
    math: usize,
    /// Whether an SVG or MathML element has been opened anywhere before: from there on, bodies
    /// are not cut. Inside foreign content the tree builder, not the tokenizer, decides where
    /// raw text is (an HTML integration point such as `<foreignObject>` or `<mi>` makes a
    /// `<style>` raw text again, a `<font color>` breaks out), which a scan cannot follow
    /// exactly; a cut made while following it wrongly could swallow markup.
    met: bool,
}

impl Foreign {
    fn inside(&self) -> bool {
        self.svg > 0 || self.math > 0
    }
}

/// The tag being scanned.
#[derive(Debug, Default)]
struct Tag {
    name_start: usize,
    name_end: usize,
    is_end: bool,
    attributes: usize,
    /// Where the first attribute past the limit starts: everything from here to the tag's end
    /// is cut.
    cut_from: Option<usize>,
}

/// The markup with every tag's attributes past the first `limit` removed, or `None` when no
/// tag has more. The tokenizer's state is followed — comments, raw-text elements such as
/// `<script>` outside SVG and MathML, quoted values — so that the tags counted are the tags
/// the tokenizer reads.
///
/// ```
/// use dechaff::parse::cap_attributes;
/// assert_eq!(cap_attributes("<p a=1 b c='>'>x</p>", 2).as_deref(), Some("<p a=1 b >x</p>"));
/// assert_eq!(cap_attributes("<p a=1 b>x</p>", 2), None);
/// ```
pub fn cap_attributes(html: &str, limit: usize) -> Option<String> {
    scan(html, limit, false)
}

/// The markup with attributes capped as [`cap_attributes`] does, and with the bodies of
/// `<script>` (except JSON-LD) and `<style>` elements before the first SVG or MathML element
/// left out, or
/// `None` when there is nothing to change. The tree differs only in those elements being
/// empty; their ends are found as the tokenizer finds them, escaped script text included.
///
/// ```
/// use dechaff::parse::without_unread_text;
/// let page = r#"<script>var a = "<p>";</script><script type="application/ld+json">{}</script><p>Text</p>"#;
/// assert_eq!(
///     without_unread_text(page, 256).as_deref(),
///     Some(r#"<script></script><script type="application/ld+json">{}</script><p>Text</p>"#)
/// );
/// ```
pub fn without_unread_text(html: &str, limit: usize) -> Option<String> {
    scan(html, limit, true)
}

/// The scan behind [`cap_attributes`] and [`without_unread_text`].
fn scan(html: &str, limit: usize, elide_unread: bool) -> Option<String> {
    let bytes = html.as_bytes();
    let mut scan = Scan {
        cuts: Vec::new(),
        foreign: Foreign::default(),
        elide_unread,
    };
    let mut state = State::Data;
    let mut tag = Tag::default();
    let mut at = 0;
    while at < bytes.len() {
        // Runs of bytes that only continue a name or value are skipped at once.
        at = match state {
            State::TagName => skip_until(bytes, at, SPACE | SLASH | CLOSE),
            State::AttributeName => skip_until(bytes, at, SPACE | SLASH | CLOSE | EQUALS),
            State::ValueUnquoted => skip_until(bytes, at, SPACE | CLOSE),
            _ => at,
        };
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        match state {
            State::Data => {
                let Some(open) = memchr(b'<', &bytes[at..]) else {
                    break;
                };
                at += open;
                let rest = &bytes[at..];
                if rest.starts_with(b"<!--") {
                    at = comment_end(bytes, at + 4);
                    continue;
                }
                if scan.foreign.inside() && rest.starts_with(b"<![CDATA[") {
                    at = find(bytes, at + 9, b"]]>").map_or(bytes.len(), |end| end + 3);
                    continue;
                }
                let (is_end, name_at) = match rest.get(1) {
                    Some(b'/') => (true, at + 2),
                    _ => (false, at + 1),
                };
                match bytes.get(name_at) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        tag = Tag {
                            name_start: name_at,
                            name_end: name_at,
                            is_end,
                            ..Tag::default()
                        };
                        state = State::TagName;
                        at = name_at;
                    }
                    // `<!doctype …>`, `<?xml …>`, `</3>`: bogus comments that end at `>`.
                    Some(b'!' | b'?') if !is_end => {
                        at = memchr(b'>', &bytes[at..]).map_or(bytes.len(), |end| at + end + 1);
                    }
                    Some(b'>') if is_end => at = name_at + 1,
                    Some(_) if is_end => {
                        at = memchr(b'>', &bytes[at..]).map_or(bytes.len(), |end| at + end + 1);
                    }
                    _ => at += 1,
                }
                continue;
            }
            State::TagName => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {
                    tag.name_end = at;
                    state = State::BeforeAttributeName;
                }
                b'/' => {
                    tag.name_end = at;
                    state = State::SelfClosing;
                }
                b'>' => {
                    tag.name_end = at;
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                _ => {}
            },
            State::BeforeAttributeName | State::AfterAttributeName => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {}
                b'/' => state = State::SelfClosing,
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                b'=' if state == State::AfterAttributeName => state = State::BeforeAttributeValue,
                _ => {
                    start_attribute(&mut tag, at, limit);
                    state = State::AttributeName;
                }
            },
            State::AttributeName => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => state = State::AfterAttributeName,
                b'/' => state = State::SelfClosing,
                b'=' => state = State::BeforeAttributeValue,
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                _ => {}
            },
            State::BeforeAttributeValue => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {}
                b'"' => state = State::ValueDoubleQuoted,
                b'\'' => state = State::ValueSingleQuoted,
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                _ => state = State::ValueUnquoted,
            },
            State::ValueDoubleQuoted | State::ValueSingleQuoted => {
                let quote = if state == State::ValueDoubleQuoted {
                    b'"'
                } else {
                    b'\''
                };
                match memchr(quote, &bytes[at..]) {
                    Some(close) => {
                        at += close;
                        state = State::AfterValueQuoted;
                    }
                    None => at = bytes.len(),
                }
            }
            State::ValueUnquoted => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => state = State::BeforeAttributeName,
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                _ => {}
            },
            State::AfterValueQuoted => match byte {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => state = State::BeforeAttributeName,
                b'/' => state = State::SelfClosing,
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, false);
                    state = State::Data;
                    continue;
                }
                _ => {
                    // `a="x"b="y"` is two attributes.
                    start_attribute(&mut tag, at, limit);
                    state = State::AttributeName;
                }
            },
            State::SelfClosing => match byte {
                b'>' => {
                    at = scan.end_tag(bytes, at, &mut tag, true);
                    state = State::Data;
                    continue;
                }
                _ => {
                    state = State::BeforeAttributeName;
                    continue;
                }
            },
        }
        at += 1;
    }
    if state != State::Data {
        // The document ends inside a tag, which the tokenizer then drops; cut its tail all
        // the same so that it never holds more than the limit.
        if let Some(from) = tag.cut_from {
            scan.cuts.push((from, bytes.len()));
        }
    }
    if scan.cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (from, to) in scan.cuts {
        // Cuts start at an attribute's first byte, which follows an ASCII byte, or after a
        // tag's `>`, and end at an ASCII byte or the end: all are character boundaries.
        out.push_str(html.get(copied..from)?);
        copied = to;
    }
    out.push_str(html.get(copied..)?);
    Some(out)
}

/// Counts an attribute starting at `at`, noting where the cut starts when it is one too many.
fn start_attribute(tag: &mut Tag, at: usize, limit: usize) {
    tag.attributes += 1;
    if tag.attributes == limit.saturating_add(1) {
        tag.cut_from = Some(at);
    }
}

/// What the scan gathers as it goes: the byte ranges to cut, the foreign content it is in, and
/// whether unread bodies are cut.
struct Scan {
    cuts: Vec<(usize, usize)>,
    foreign: Foreign,
    elide_unread: bool,
}

impl Scan {
    /// Ends the tag whose `>` is at `at` (`self_closing`: written `/>`), records its cuts (with
    /// `elide_unread`, an unread element's body too) and what it means for the state after it;
    /// returns where scanning goes on.
    fn end_tag(&mut self, bytes: &[u8], at: usize, tag: &mut Tag, self_closing: bool) -> usize {
        let Scan {
            cuts,
            foreign,
            elide_unread,
        } = self;
        let elide_unread = *elide_unread;
        if let Some(from) = tag.cut_from {
            // Keep the `/` of `/>`.
            cuts.push((from, if self_closing { at - 1 } else { at }));
        }
        let name = &bytes[tag.name_start..tag.name_end];
        let is = |other: &[u8]| name.eq_ignore_ascii_case(other);
        let one_of = |list: &[&[u8]]| list.iter().any(|other| name.eq_ignore_ascii_case(other));
        let next = at + 1;
        if tag.is_end {
            // `</svg>` closes an SVG element, not a MathML one (and the reverse).
            if is(b"svg") {
                foreign.svg = foreign.svg.saturating_sub(1);
            } else if is(b"math") {
                foreign.math = foreign.math.saturating_sub(1);
            }
            return next;
        }
        if is(b"svg") || is(b"math") {
            foreign.met = true;
            if !self_closing {
                if is(b"svg") {
                    foreign.svg += 1;
                } else {
                    foreign.math += 1;
                }
            }
            return next;
        }
        if foreign.inside() {
            if one_of(FOREIGN_BREAKOUT_TAGS) {
                foreign.svg = 0;
                foreign.math = 0;
            } else {
                return next;
            }
        }
        if is(b"plaintext") {
            return bytes.len();
        }
        if one_of(RAW_TEXT_ELEMENTS) {
            let end = if is(b"script") {
                script_end(bytes, next)
            } else {
                raw_text_end(bytes, next, name)
            };
            let read = is(b"script") && is_read_script(&bytes[tag.name_end..at]);
            if elide_unread
                && !foreign.met
                && end > next
                && one_of(UNREAD_RAW_TEXT_ELEMENTS)
                && !read
            {
                cuts.push((next, end));
            }
            return end;
        }
        next
    }
}

/// Whether a script whose start tag's attributes are `attributes` is one whose text is read
/// (JSON-LD), its `type` written plainly or with character references
/// (`application/ld&#x2B;json`).
fn is_read_script(attributes: &[u8]) -> bool {
    let marked = |text: &[u8]| {
        text.windows(READ_SCRIPT_MARKER.len())
            .any(|window| window.eq_ignore_ascii_case(READ_SCRIPT_MARKER))
    };
    marked(attributes)
        || (memchr(b'&', attributes).is_some()
            && marked(
                html_escape::decode_html_entities(&String::from_utf8_lossy(attributes)).as_bytes(),
            ))
}

/// Where the text of a script that starts at `from` ends: at its end tag as the tokenizer
/// finds it, following the escaped states (`<!--` … `-->`, inside which `<script>` … `</script>`
/// does not end the script), else at the end of the document.
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum Escape {
        None,
        Escaped,
        DoubleEscaped,
    }
    let mut escape = Escape::None;
    let mut at = from;
    while let Some(found) = bytes.get(at..).and_then(|rest| memchr2(b'<', b'-', rest)) {
        let here = at + found;
        let rest = &bytes[here..];
        at = here + 1;
        if rest.starts_with(b"-->") && escape != Escape::None {
            escape = Escape::None;
            at = here + 3;
        } else if escape == Escape::None && rest.starts_with(b"<!--") {
            // The dashes of `<!--` may be those of its `-->` too (`<!-->`).
            escape = Escape::Escaped;
            at = here + 2;
        } else if is_tag(rest, b"</script") {
            match escape {
                Escape::DoubleEscaped => escape = Escape::Escaped,
                _ => return here,
            }
        } else if escape == Escape::Escaped && is_tag(rest, b"<script") {
            escape = Escape::DoubleEscaped;
        }
    }
    bytes.len()
}

/// Whether `rest` opens with `opener` (ASCII case ignored) followed by what ends a tag name.
fn is_tag(rest: &[u8], opener: &[u8]) -> bool {
    rest.get(..opener.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(opener))
        && rest
            .get(opener.len())
            .is_some_and(|&c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
}

/// Where the raw text of element `name` that starts at `from` ends: at its end tag (`</name`
/// followed by a space, `/` or `>`), else at the end of the document.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(open) = find(bytes, at, b"</") {
        let name_at = open + 2;
        if is_tag(&bytes[name_at..], name) {
            return open;
        }
        at = name_at;
    }
    bytes.len()
}

/// Where a comment whose text starts at `from` (after `<!--`) ends: after `-->` or `--!>`
/// (`<!-->` and `<!--->` are empty comments).
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(dashes) = find(bytes, at, b"--") {
        let after = &bytes[dashes + 2..];
        if after.starts_with(b">") {
            return dashes + 3;
        }
        if after.starts_with(b"!>") {
            return dashes + 4;
        }
        at = dashes + 1;
    }
    bytes.len()
}

/// The first position at or after `from` where `needle` starts.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|at| from + at)
}

static RAW_TEXT_OPENERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let openers: Vec<String> = SELF_CLOSED_RAW_TEXT_TAGS
        .iter()
        .map(|tag| format!("<{tag}"))
        .collect();
    // A short literal list; building it cannot fail.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(openers)
        .expect("tag openers compile")
});

/// The page with an end tag written after every start tag of a
/// [`SELF_CLOSED_RAW_TEXT_TAGS`] element that is closed XML-style (`<iframe … />`), or `None`
/// when it has none. HTML ignores the slash: the element's raw text then runs to the end of the
/// document, and with it the whole page after a tag manager's `<noscript><iframe … /></noscript>`.
///
/// An opener inside an earlier opener's tag (in a quoted value) is not a tag, and is skipped,
/// so every byte is looked at once.
pub fn close_self_closed_raw_text(html: &str) -> Option<String> {
    let mut repaired: Option<String> = None;
    let mut copied = 0;
    let mut scanned = 0;
    for found in RAW_TEXT_OPENERS.find_iter(html) {
        if found.start() < scanned {
            continue;
        }
        let tag = &html[found.start() + 1..found.end()];
        scanned = found.end();
        // The tag name must end here (`<iframe ` or `<iframe/`, not `<iframes`).
        if !html[found.end()..]
            .starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        {
            continue;
        }
        let close = match start_tag_end(&html[found.end()..]) {
            TagEnd::At(at) => found.end() + at,
            TagEnd::Broken(at) => {
                scanned = found.end() + at;
                continue;
            }
        };
        scanned = close + 1;
        if html[..close].ends_with('/') {
            let out = repaired.get_or_insert_with(|| String::with_capacity(html.len() + 64));
            out.push_str(&html[copied..=close]);
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
            copied = close + 1;
        }
    }
    let mut out = repaired?;
    out.push_str(&html[copied..]);
    Some(out)
}

/// How a start tag's text ends.
enum TagEnd {
    /// At the `>` at this offset.
    At(usize),
    /// Not as a tag: at an unquoted `<`, or the end of the text, at this offset.
    Broken(usize),
}

/// Where the start tag whose attributes begin `rest` ends, skipping quoted attribute values.
fn start_tag_end(rest: &str) -> TagEnd {
    let mut quote = None;
    for (at, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return TagEnd::At(at),
            (None, '<') => return TagEnd::Broken(at),
            _ => {}
        }
    }
    TagEnd::Broken(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the `<script>` and `<style>` elements of the tree html5ever builds.
    fn raw_texts(html: &str) -> Vec<String> {
        let document = scraper::Html::parse_document(html);
        let selector = scraper::Selector::parse("script, style").unwrap();
        document
            .select(&selector)
            .map(|element| element.text().collect())
            .collect()
    }

    #[test]
    fn unread_text_is_cut_where_the_tokenizer_ends_it() {
        let pages = [
            "<script>var a = '<p>not markup</p>';</script><p>After</p>",
            // escaped: `<!--` … `-->`; a `<script>` inside it is double-escaped, so its
            // `</script>` does not end the script
            "<script><!-- document.write('<script>x()</script>'); --></script><p>After</p>",
            "<script><!-- document.write('<script src=a></scr' + 'ipt>'); //--></script><p>After</p>",
            "<script><!--></script><p>After</p>",
            "<script><!-- --> </script x><p>After</p>",
            "<SCRIPT>a--></SCRIPT ><p>After</p>",
            "<script><!--<script></script>--></script><p>After</p></script><p>End</p>",
            "<style>p::before { content: '</p>' }</style><p>After</p>",
            "<script>never closed <p>swallowed</p>",
            "<svg><script>kept in foreign content</script></svg><p>After</p>",
            // after SVG or MathML nothing is cut: a `<mi>` makes `<style>` raw text again, a
            // `</svg>` does not close a `<math>`
            "<math><mi>F<style><p>x</style></mi></math><script>y</script><p>After</p>",
            "<math></svg><script>a</p></script></math><p>After</p>",
            "<svg><foreignObject><style></svg><script></style></script><p>After</p>",
        ];
        for page in pages {
            let cut = without_unread_text(page, 256).unwrap_or_else(|| page.to_string());
            let (whole, elided) = (raw_texts(page), raw_texts(&cut));
            // Every script or style ends where it did, and lost its text or kept it whole.
            assert_eq!(whole.len(), elided.len(), "{page} -> {cut}");
            let mut removed = 0;
            for (before, after) in whole.iter().zip(&elided) {
                assert!(after.is_empty() || after == before, "{page} -> {cut}");
                if after.is_empty() {
                    removed += before.len();
                }
            }
            assert_eq!(cut.len() + removed, page.len(), "{page} -> {cut}");
            let document = scraper::Html::parse_document(&cut);
            let original = scraper::Html::parse_document(page);
            let shown = |document: &scraper::Html| -> String {
                let body = scraper::Selector::parse("body").unwrap();
                document
                    .select(&body)
                    .flat_map(|body| body.text())
                    .filter(|text| !whole.iter().any(|raw| raw == text))
                    .collect()
            };
            assert_eq!(shown(&original), shown(&document), "{page} -> {cut}");
        }
    }

    #[test]
    fn json_ld_is_read_and_kept() {
        let page = "<script type=\"application/ld&#x2B;json\">{\"@type\": \"Article\"}</script>\
                    <script type='APPLICATION/LD+JSON'>{}</script><script>var x = 1;</script>";
        assert_eq!(
            without_unread_text(page, 256).as_deref(),
            Some(
                "<script type=\"application/ld&#x2B;json\">{\"@type\": \"Article\"}</script>\
                 <script type='APPLICATION/LD+JSON'>{}</script><script></script>"
            )
        );
    }

    fn attributes(count: usize) -> String {
        (0..count).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    #[test]
    fn attributes_past_the_limit_are_cut_from_every_tag() {
        let html = format!(
            "<div{}>text</div><p{}/><i{}",
            attributes(5),
            attributes(4),
            attributes(9)
        );
        let capped = cap_attributes(&html, 3).unwrap();
        assert_eq!(
            capped,
            format!(
                "<div{} >text</div><p{} /><i{} ",
                attributes(3),
                attributes(3),
                attributes(3)
            )
        );
        assert_eq!(cap_attributes(&format!("<div{}>", attributes(3)), 3), None);
    }

    #[test]
    fn attribute_counting_follows_the_tokenizer() {
        // Glued quoted values are separate attributes; `>` inside quotes does not end the tag.
        assert_eq!(
            cap_attributes(r#"<p a="x>"b='y'c=z d>t"#, 2).as_deref(),
            Some(r#"<p a="x>"b='y'>t"#)
        );
        // End tags are tokenized with their attributes too.
        assert_eq!(cap_attributes("</p a b c>", 1).as_deref(), Some("</p a >"));
        // What comments, scripts and titles hold are not tags …
        for html in [
            "<!-- <p a b c> --><p a>",
            "<script>if (a<b c d e) {}</script><p a>",
            "<title><p a b c></title>",
            "<!doctype html a b c><p a>",
        ] {
            assert_eq!(cap_attributes(html, 1), None, "{html}");
        }
        // … but a script's end tag ends it, and in SVG a <style> holds markup.
        assert_eq!(
            cap_attributes("<script>x</SCRIPT ><p a b>", 1).as_deref(),
            Some("<script>x</SCRIPT ><p a >")
        );
        assert_eq!(
            cap_attributes("<svg><style><g a b></g></style></svg>", 1).as_deref(),
            Some("<svg><style><g a ></g></style></svg>")
        );
    }

    #[test]
    fn cutting_keeps_multibyte_text_intact() {
        let html = "<p é=1 ü=2 ß=3>Grüße</p>";
        assert_eq!(
            cap_attributes(html, 1).as_deref(),
            Some("<p é=1 >Grüße</p>")
        );
    }

    #[test]
    fn self_closed_iframes_are_closed() {
        assert_eq!(
            close_self_closed_raw_text(r#"<noscript><IFRAME src="a/>b" /></noscript><p>x"#)
                .as_deref(),
            Some(r#"<noscript><IFRAME src="a/>b" /></IFRAME></noscript><p>x"#)
        );
        assert_eq!(close_self_closed_raw_text("<iframe src=a></iframe>"), None);
        assert_eq!(close_self_closed_raw_text("<iframes/><p>x"), None);
        assert_eq!(close_self_closed_raw_text("<p>no frames</p>"), None);
    }

    #[test]
    fn an_opener_inside_a_quoted_value_is_not_a_tag() {
        // Once made the repair slice backwards and panic.
        assert_eq!(
            close_self_closed_raw_text(r#"<iframe title="<iframe a/>" />"#).as_deref(),
            Some(r#"<iframe title="<iframe a/>" /></iframe>"#)
        );
        assert_eq!(
            close_self_closed_raw_text(r#"<iframe title="<iframe a/>"></iframe>"#),
            None
        );
    }
}
