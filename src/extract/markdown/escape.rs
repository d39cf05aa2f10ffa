//! Escaping: page text that would read as Markdown markup where it stands, and hrefs as
//! link destinations.

use crate::vocab::LINK_SCHEMES;

/// The href as a Markdown link destination, or `None` when it should not be a link: empty, a
/// bare `#`, or a scheme outside [`LINK_SCHEMES`].
pub(super) fn link_destination(href: &str) -> Option<String> {
    // Browsers strip leading and trailing controls and spaces and drop tabs and newlines
    // anywhere, so `java\tscript:` is `javascript:` to them: judge the href as they do.
    let href: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if href.is_empty() || href == "#" {
        return None;
    }
    if let Some(scheme) = url_scheme(&href) {
        if !LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
            return None;
        }
    }
    let mut destination = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            '(' | ')' => {
                destination.push('\\');
                destination.push(c);
            }
            ' ' | '<' | '>' | '\\' => destination.push_str(match c {
                ' ' => "%20",
                '<' => "%3C",
                '>' => "%3E",
                _ => "%5C",
            }),
            _ if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    destination.push_str(&format!("%{byte:02X}"));
                }
            }
            _ => destination.push(c),
        }
    }
    Some(destination)
}

/// The scheme of an absolute URL (`https` in `https://…`), or `None` for a relative one.
fn url_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Whether a character of page text must be escaped where it stands, given its neighbours in
/// the same text node (`None` at either end: the neighbour is unknown, so assume the worst).
pub(super) fn needs_escape(
    c: char,
    previous: Option<char>,
    next: Option<char>,
    rest: &str,
    in_link: bool,
) -> bool {
    let between = |test: fn(char) -> bool| previous.is_some_and(test) && next.is_some_and(test);
    match c {
        '\\' => next.map_or(true, |next| next.is_ascii_punctuation()),
        '`' => true,
        // Only a `*` with whitespace on both sides can neither open nor close emphasis.
        '*' => !between(char::is_whitespace),
        // `_` inside a word (snake_case) never makes emphasis in CommonMark.
        '_' => !between(char::is_alphanumeric) && !between(char::is_whitespace),
        '[' | ']' => in_link,
        '<' => next.map_or(true, |next| {
            next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')
        }),
        '&' => looks_like_entity(rest),
        _ => false,
    }
}

/// Whether text after a `&` reads as a character reference (`amp;`, `#169;`).
fn looks_like_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let name = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && body[name..].starts_with(';')
}

/// The leaf text with a backslash wherever a line that begins with page text would otherwise
/// begin with markup.
pub(super) fn escape_line_starts(text: &str, starts: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + starts.len());
    let mut copied = 0;
    for &start in starts {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |end| start + end);
        if let Some(at) = line_start_escape(&text[start..end]) {
            out.push_str(&text[copied..start + at]);
            out.push('\\');
            copied = start + at;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where a backslash must go for `line`, at the start of a Markdown line, to stay text: before
/// a heading `#`, a quote `>`, a bullet, a thematic break or setext underline, the `.` or `)` of
/// an ordered-list number, a code fence, an HTML tag or a link reference definition.
pub(super) fn line_start_escape(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let ends_marker = |at: usize| line[at..].chars().next().map_or(true, char::is_whitespace);
    let only = |mark: char| line.chars().all(|c| c == mark || c == ' ' || c == '\t');
    let count = |mark: char| line.chars().filter(|&c| c == mark).count();
    let escape = match first {
        '#' => {
            let run = line.bytes().take_while(|&b| b == b'#').count();
            run <= 6 && ends_marker(run)
        }
        '>' => true,
        '+' => ends_marker(1),
        '-' => ends_marker(1) || only('-'),
        '*' => ends_marker(1) || (only('*') && count('*') >= 3),
        '_' => only('_') && count('_') >= 3,
        '=' => only('='),
        '`' => line.starts_with("```"),
        '~' => line.starts_with("~~~"),
        '<' => line[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')),
        '[' => line
            .find(']')
            .is_some_and(|close| line[close + 1..].starts_with(':')),
        '0'..='9' => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            return (digits <= 9
                && matches!(line[digits..].chars().next(), Some('.' | ')'))
                && ends_marker(digits + 1))
            .then_some(digits);
        }
        _ => false,
    };
    escape.then_some(0)
}

/// A heading's trailing run of `#` after a space would be read as a closing sequence and
/// vanish: escape it.
pub(super) fn escape_closing_hashes(content: &str) -> String {
    let run = content.chars().rev().take_while(|&c| c == '#').count();
    let start = content.len() - run;
    if run > 0
        && content[..start]
            .chars()
            .last()
            .map_or(true, char::is_whitespace)
    {
        format!("{}\\{}", &content[..start], &content[start..])
    } else {
        content.to_string()
    }
}

/// Length of the longest run of `mark` in `text`.
pub(super) fn longest_run(text: &str, mark: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == mark { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use crate::extract::markdown::tests::markdown;

    #[test]
    fn a_heading_keeps_a_trailing_hash_and_has_no_line_breaks() {
        assert_eq!(
            markdown("<h2>Learn C #</h2><h2>C#<br>today</h2>"),
            "## Learn C \\#\n\n## C# today"
        );
    }

    #[test]
    fn links_keep_safe_hrefs_and_drop_the_rest() {
        let md = markdown(
            "<p><a href='https://example.org/a b(1)'>web</a> <a href='mailto:me@example.org'>mail</a> \
             <a href='../up'>relative</a> <a href='javascript:alert(1)'>script</a> \
             <a href=' JaVa&#9;Script:alert(1)'>sneaky</a> <a href='data:text/html,x'>data</a> \
             <a href='#'>top</a> <a href='/img'><img src=x></a> <a>bare</a></p>",
        );
        assert_eq!(
            md,
            "[web](https://example.org/a%20b\\(1\\)) [mail](mailto:me@example.org) [relative](../up) \
             script sneaky data top bare"
        );
    }

    #[test]
    fn link_text_escapes_brackets_and_a_link_after_bang_is_no_image() {
        assert_eq!(
            markdown("<p>Wow!<a href='/n'>note [1]</a></p>"),
            "Wow\\![note \\[1\\]](/n)"
        );
    }

    #[test]
    fn text_that_would_read_as_markup_at_a_line_start_is_escaped() {
        let md = markdown(
            "<p># not a heading</p><p>1. not a list</p><p>2024) a year</p><p>- dash</p>\
             <p>+ plus</p><p>&gt; not a quote</p><p>---</p><p>===</p><p>[a]: /b</p>\
             <p>line<br>#2 fine<br>3. escaped</p><ul><li>1. in item</li></ul><p>#hashtag 1.5 -x</p>",
        );
        assert_eq!(
            md,
            "\\# not a heading\n\n1\\. not a list\n\n2024\\) a year\n\n\\- dash\n\n\\+ plus\n\n\
             \\> not a quote\n\n\\---\n\n\\===\n\n\\[a]: /b\n\nline\\\n#2 fine\\\n3\\. escaped\n\n\
             - 1\\. in item\n\n#hashtag 1.5 -x"
        );
    }

    #[test]
    fn emphasis_characters_are_escaped_only_where_they_could_act() {
        assert_eq!(
            markdown("<p>5 * 3, a*b, *star, snake_case, _under_, `tick`, \\* and C:\\dir, &amp;amp; <i>x</i></p>"),
            "5 * 3, a\\*b, \\*star, snake_case, \\_under\\_, \\`tick\\`, \\\\\\* and C:\\dir, \\&amp; *x*"
        );
    }
}
