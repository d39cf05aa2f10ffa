//! Code: inline code in backticks, and preformatted blocks as fenced code blocks with the
//! language their class names.

use scraper::node::Element;

use super::Writer;
use crate::extract::markdown::escape::longest_run;
use crate::extract::serialize::trim_preformatted;
use crate::vocab::CODE_LANGUAGE_CLASS_PREFIXES;

impl Writer {
    pub(super) fn finish_code(&mut self) {
        let Some(code) = self.code.take() else {
            return;
        };
        if code.space_before {
            self.leaf.pending_space = true;
        }
        if !code.text.is_empty() {
            self.begin_content();
            let fence = "`".repeat(longest_run(&code.text, '`') + 1);
            let pad = if code.text.starts_with('`') || code.text.ends_with('`') {
                " "
            } else {
                ""
            };
            for part in [fence.as_str(), pad, code.text.as_str(), pad, fence.as_str()] {
                self.leaf.text.push_str(part);
            }
            self.leaf.plain.push_str(&code.text);
        }
        if code.pending_space {
            self.leaf.pending_space = true;
        }
    }

    pub(super) fn write_code_block(&mut self, text: &str, language: Option<&str>) {
        let body = trim_preformatted(text);
        if body.is_empty() {
            return;
        }
        let fence = "`".repeat(longest_run(&body, '`').max(2) + 1);
        let opening = format!("{fence}{}", language.unwrap_or(""));
        let mut lines: Vec<&str> = vec![&opening];
        let mut previous_blank = false;
        for line in body.lines() {
            // The output never has two blank lines in a row, not even inside code.
            let blank = line.is_empty();
            if !(blank && previous_blank) {
                lines.push(line);
            }
            previous_blank = blank;
        }
        lines.push(&fence);
        self.write_block(&lines);
    }
}

/// The language named by a `language-xxx` (or `lang-xxx`) class, reduced to characters that
/// are safe in a fence's info string.
pub(super) fn code_language(element: &Element) -> Option<String> {
    element.classes().find_map(|class| {
        let name = CODE_LANGUAGE_CLASS_PREFIXES
            .iter()
            .find_map(|prefix| class.strip_prefix(prefix))?;
        let name: String = name
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '-' | '#' | '.' | '_'))
            .collect();
        (!name.is_empty()).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::markdown::tests::{assert_tidy, markdown};

    #[test]
    fn code_blocks_are_fenced_with_their_language_and_indentation() {
        let md = markdown(
            "<p>Run:</p><pre><code class='hljs language-rust'>fn main() {\n    run();\n\n\n}\n</code></pre>\
             <pre class='lang-py'>x = '```'</pre><pre>plain</pre>",
        );
        assert_eq!(
            md,
            "Run:\n\n```rust\nfn main() {\n    run();\n\n}\n```\n\n````py\nx = '```'\n````\n\n```\nplain\n```"
        );
        assert_tidy(&md);
    }

    #[test]
    fn code_blocks_in_list_items_and_quotes_carry_the_prefix() {
        assert_eq!(
            markdown(
                "<ul><li>step<pre>a\n  b</pre></li></ul><blockquote><pre>q\n\nr</pre></blockquote>"
            ),
            "- step\n\n  ```\n  a\n    b\n  ```\n\n> ```\n> q\n>\n> r\n> ```"
        );
    }

    #[test]
    fn inline_code_is_in_backticks_and_literal() {
        assert_eq!(
            markdown("<p>Call <code>run(*args)</code>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <code>a`b</code>,<code> x </code>.</p>"),
            "Call `run(*args)`, `Ctrl`+`C`, ``a`b``, `x` ."
        );
    }
}
