//! Hidden elements: hidden by attribute, `aria-hidden` or inline style, and the panels
//! hidden only until a click.

use crate::extract::dom::{AttributeExt, FlatDom};
use crate::extract::names::Named;
use crate::vocab::{COLLAPSED_PANEL_ROLES, STREAMING_SEGMENT_ID_PREFIX};

/// Hidden by attribute or inline style.
pub(super) fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attribute("hidden").is_some() && !is_streaming_segment(element) {
        return true;
    }
    aria_hidden(element) || hidden_by_style(element)
}

/// Hidden from assistive technology by `aria-hidden="true"`. A link so marked is still on
/// screen: cards hide the second link to the same page (an excerpt around the headline's
/// link) from screen readers so that they announce it once.
pub(super) fn aria_hidden(element: &scraper::node::Element) -> bool {
    element.name() != "a"
        && element
            .attribute("aria-hidden")
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
}

/// Hidden by an inline `display: none` or `visibility: hidden`.
pub(super) fn hidden_by_style(element: &scraper::node::Element) -> bool {
    element.attribute("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// React's streaming server rendering sends content in `<div hidden id="S:…">` segments that
/// its script moves into place at load: they are the page, not hidden text.
fn is_streaming_segment(element: &scraper::node::Element) -> bool {
    element.attribute("id").is_some_and(|id| {
        id.strip_prefix(STREAMING_SEGMENT_ID_PREFIX)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()))
    })
}

/// An accordion or tab panel, whose content is hidden only until a click.
pub(super) fn is_collapsed_panel(
    dom: &FlatDom,
    index: usize,
    element: &scraper::node::Element,
) -> bool {
    element.attribute("role").is_some_and(|role| {
        COLLAPSED_PANEL_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    }) || dom.named(index).has(Named::COLLAPSED_PANEL)
}

#[cfg(test)]
mod tests {
    use crate::extract::prune::tests::dropped_texts;

    #[test]
    fn a_hidden_wrapper_of_the_content_is_revealed() {
        let story = "A sentence of the product description, long enough to be prose. ".repeat(12);
        let dropped = dropped_texts(&format!(
            "<body><nav><a href=a>Menu</a></nav><div class=lock style='display:none'>\
             <p>{story}</p></div><div style='display:none'>A notice</div></body>"
        ));
        assert_eq!(dropped, ["Menu", "A notice"]);
        let hidden_paragraph = dropped_texts(&format!(
            "<body><p>{story}</p><p style='display:none'>{story}</p></body>"
        ));
        assert_eq!(hidden_paragraph.len(), 1, "a hidden paragraph stays hidden");
    }

    #[test]
    fn the_page_behind_a_modal_is_not_hidden() {
        let story = "A sentence of the product description, long enough to be prose. ".repeat(12);
        let dropped = dropped_texts(&format!(
            "<body><section class=gdpr>We use cookies.</section>\
             <main aria-hidden=true><p>{story}</p></main><div aria-hidden=true>Icon</div></body>"
        ));
        assert_eq!(
            dropped,
            ["We use cookies.", "Icon"],
            "the banner goes, the page stays"
        );
    }
}
