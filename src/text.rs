//! Small text utilities shared by the stages: word counting, whitespace normalisation and
//! the path of a URL.

/// Whether a character belongs to a word, as `\w` does in Unicode regular expressions:
/// letters, digits, combining marks' base letters and the underscore.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Number of words in `text`: maximal runs of word characters (the `\w+` tokens the
/// evaluation metrics count).
///
/// ```
/// assert_eq!(dechaff::text::count_words("Don't stop — 3 times!"), 5);
/// assert_eq!(dechaff::text::count_words("   "), 0);
/// ```
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let word_char = is_word_char(c);
        if word_char && !in_word {
            words += 1;
        }
        in_word = word_char;
    }
    words
}

/// Collapses every run of whitespace (including non-breaking spaces) to one space and trims
/// both ends.
///
/// ```
/// assert_eq!(dechaff::text::collapse_whitespace("  a\n\t b\u{a0}c "), "a b c");
/// ```
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a character belongs to a script written without spaces between words: Han
/// ideographs, kana, and the CJK and full-width punctuation around them (not Hangul, which
/// Korean spaces). A line break in the source between two of them is no space: browsers drop
/// it (CSS Text 3, segment break transformation), and a space there would split a word.
///
/// ```
/// use dechaff::text::is_written_without_spaces;
/// assert!(is_written_without_spaces('中') && is_written_without_spaces('か'));
/// assert!(is_written_without_spaces('。') && !is_written_without_spaces('한'));
/// assert!(!is_written_without_spaces('a'));
/// ```
pub fn is_written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fdf}'     // CJK radicals
        | '\u{3000}'..='\u{303f}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}'   // katakana extensions
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{f900}'..='\u{faff}'   // CJK compatibility ideographs
        | '\u{ff01}'..='\u{ff60}'   // full-width forms
        | '\u{20000}'..='\u{3134f}' // CJK extensions B–G
    )
}

/// Whether a character is a control character that has no place in extracted text: C0
/// controls other than tab and line feed (ESC, VT, NUL, BEL, …) and DEL. Pages carry them as
/// debris of terminals and word processors; in JSON they would survive as escapes. (The C1
/// controls, U+0080–U+009F, stay: they are the trace of a page decoded twice, `â\u{80}\u{99}`
/// for `’`, which only a repair of the whole sequence could undo.)
pub fn is_stray_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}')
}

/// What a stray control character becomes: the controls that separate (VT, FF, CR, the
/// information separators) a space, the rest (NUL, ESC, BEL, DEL, …) nothing.
fn replacement_for_control(c: char) -> Option<char> {
    matches!(c, '\u{b}' | '\u{c}' | '\r' | '\u{1c}'..='\u{1f}').then_some(' ')
}

/// `text` with its stray control characters ([`is_stray_control`]) replaced or dropped
/// (see `replacement_for_control`), or `None` when it has none.
///
/// ```
/// use dechaff::text::without_stray_controls;
/// assert_eq!(without_stray_controls("a\u{1b}[31mb\u{b}c\td").as_deref(), Some("a[31mb c\td"));
/// assert_eq!(without_stray_controls("clean\ntext"), None);
/// ```
pub fn without_stray_controls(text: &str) -> Option<String> {
    if !text.chars().any(is_stray_control) {
        return None;
    }
    Some(
        text.chars()
            .filter_map(|c| {
                if is_stray_control(c) {
                    replacement_for_control(c)
                } else {
                    Some(c)
                }
            })
            .collect(),
    )
}

/// The letters and digits of a name, lowercased: names that differ only in case, spacing
/// or punctuation have the same key.
///
/// ```
/// assert_eq!(dechaff::text::name_key("Daily-Planet.com "), "dailyplanetcom");
/// assert_eq!(dechaff::text::name_key("CTN News"), dechaff::text::name_key("CTNNews"));
/// ```
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Normalises a multi-paragraph text: whitespace inside each line collapsed, lines trimmed,
/// and paragraphs (runs of non-empty lines) separated by exactly one blank line. Single line
/// breaks inside a paragraph are kept.
///
/// ```
/// let text = "  First  line\nsecond line \n\n\n\n  Next\tparagraph ";
/// assert_eq!(
///     dechaff::text::normalize_paragraphs(text),
///     "First line\nsecond line\n\nNext paragraph"
/// );
/// ```
pub fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_break = false;
    for line in text.lines() {
        let line = collapse_whitespace(line);
        if line.is_empty() {
            pending_break = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_break { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        pending_break = false;
    }
    out
}

/// The path of a URL, lowercased: everything from the first `/` after the host (`""` when
/// there is none). A value without a scheme is read as host and path.
///
/// ```
/// use dechaff::text::url_path;
/// assert_eq!(url_path("https://Example.org/Forum/T/42?x=1"), "/forum/t/42?x=1");
/// assert_eq!(url_path("https://example.org"), "");
/// ```
pub fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/')
        .map_or("", |slash| &rest[slash..])
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_unicode_words() {
        assert_eq!(count_words("Straße größer als 42"), 4);
        assert_eq!(count_words("Привет, мир."), 2);
        assert_eq!(count_words("snake_case stays_one"), 2);
    }

    #[test]
    fn normalize_drops_leading_and_trailing_blank_lines() {
        assert_eq!(normalize_paragraphs("\n\n a \n\n"), "a");
        assert_eq!(normalize_paragraphs(""), "");
    }
}
