//! Extraction fixtures: small pages in `tests/fixtures/`, each showing one kind of boilerplate
//! that must go (`boilerplate/`) or one kind of content that must stay (`content/`). Every
//! fixture wraps the same four-paragraph article; the binary cleans them all in one run.

use std::collections::HashMap;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

/// The article every fixture carries, paragraph by paragraph.
const ARTICLE: [&str; 4] = [
    "The town council voted on Tuesday to rebuild the old stone bridge over the river, ending a debate that had divided residents for almost three years.",
    "Engineers told the meeting that the arches, built in 1842, had been weakened by repeated floods, and that a full closure would be needed while the work is done.",
    "Shop owners on both banks said they feared losing customers during the closure, but most agreed that a safe crossing mattered more than a difficult summer.",
    "The council expects the new bridge to open in the spring of next year, and will publish a detailed timetable for the works after the contracts are signed.",
];

/// Records of every fixture, by id (`boilerplate/<name>.html`, `content/<name>.html`).
fn records() -> &'static HashMap<String, Value> {
    static RECORDS: OnceLock<HashMap<String, Value>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
            .args(["clean", "tests/fixtures", "--quiet"])
            .output()
            .expect("the dechaff binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| {
                let record: Value = serde_json::from_str(line).expect("a JSON record");
                (
                    record["id"].as_str().unwrap_or_default().to_string(),
                    record,
                )
            })
            .collect()
    })
}

fn text(id: &str) -> String {
    let record = &records()[id];
    assert_eq!(record["status"], "ok", "{id}: {record}");
    record["text"].as_str().unwrap_or_default().to_string()
}

fn article() -> String {
    ARTICLE.join("\n\n")
}

/// The fixture's text is exactly the article: the boilerplate went and nothing else did.
fn only_the_article(name: &str) {
    assert_eq!(
        text(&format!("boilerplate/{name}.html")),
        article(),
        "fixture {name}"
    );
}

macro_rules! boilerplate_is_removed {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                only_the_article(stringify!($name));
            }
        )*
    };
}

boilerplate_is_removed!(
    navigation_menu,
    page_control_labels,
    link_columns_beside_a_short_named_body,
    link_columns_beside_a_declared_article,
    link_columns_beside_a_post_named_by_its_id,
    menu_without_nav_tag,
    breadcrumbs,
    site_header,
    site_footer,
    footer_without_footer_tag,
    share_buttons_with_counters,
    comment_section,
    comment_form,
    advertisement,
    sponsored_block,
    promoted_block,
    recommended_links,
    subscribe_box,
    cookie_banner,
    consent_dialog,
    consent_panel_beside_main,
    paywall_banner,
    newsletter_box,
    related_links,
    read_more_teasers,
    popular_list,
    tag_cloud,
    author_bio_box,
    pagination,
    hidden_elements,
    scripts_and_styles,
    date_stamp_and_sign_up_lines,
    thread_post_counters_and_sign_in_lines,
    poster_profiles_and_reaction_bars,
    legal_print_and_shop_controls,
    announcement_bar_skip_link_and_loading_lines,
    blog_post_classes_naming_its_author,
    long_sidebar_beside_a_short_post,
    archive_menu_in_a_sidebar,
    lists_in_columns_beside_a_named_post,
    lists_beside_a_named_body_and_its_lede,
    news_rails_beside_an_article,
    article_split_over_sections_with_figures_and_ads,
    table_layout_with_font_and_line_breaks,
    long_comment_thread_under_a_story,
    legal_notice_beside_a_camel_case_body,
    rail_of_stories_beside_a_short_named_body,
    menus_named_in_one_word,
);

#[test]
fn a_post_named_like_furniture_is_found_on_a_second_look() {
    // The first look drops the post's wrapper for its taxonomy class and keeps nothing; the
    // second does not trust names, and trims around the best container.
    assert_eq!(
        text("content/post_named_like_furniture_is_the_only_text.html"),
        ARTICLE[0].to_string() + "\n\nEngineers told the meeting that the arches, built in 1842, had been weakened by repeated floods."
    );
}

#[test]
fn a_stream_of_more_stories_goes_however_much_it_says() {
    // As one list, the stream's excerpts outvote the story; without it, the story wins, and
    // the cards go although they say more than the story.
    let text = text("content/story_above_a_stream_of_more_stories.html");
    assert!(text.starts_with(ARTICLE[0]), "{text}");
    assert!(text.ends_with("look much as it does today."), "{text}");
    for gone in [
        "Ferry company",
        "Passengers will be able",
        "Wettest October",
    ] {
        assert!(!text.contains(gone), "{gone} kept in {text}");
    }
}

#[test]
fn a_post_inside_a_byline_left_open_stays() {
    // The byline's `<span>` is never closed and holds the post: a body's worth of prose is no
    // byline, however the element is named.
    let text = text("content/post_inside_a_byline_left_open.html");
    assert!(text.ends_with(&article()), "{text}");
    assert!(!text.contains("retired engineer"), "{text}");
}

#[test]
fn a_two_line_post_is_the_whole_article_beside_sidebar_modules() {
    // Blog software names the post (`entry-type-post`); its two lines are all of it, however
    // much the sidebar's lists of other posts with their blurbs say.
    assert_eq!(
        text("content/two_line_post_beside_sidebar_modules.html"),
        ARTICLE[0]
    );
}

#[test]
fn teaser_cards_of_a_listing_keep_headline_and_excerpt() {
    // Cards head themselves with a `<header>` and hide the excerpt's duplicate link from
    // screen readers: both are still the listing's content.
    let text = text("content/teaser_cards_listing.html");
    for kept in [
        "Ferry timetable changes for the summer season",
        "The ferry company will add two late crossings",
        "Market square to host a food festival",
        "Forty stalls from the region",
    ] {
        assert!(text.contains(kept), "{kept} missing from {text}");
    }
    for gone in ["Home", "Sport", "12 Quay Street"] {
        assert!(!text.contains(gone), "{gone} kept in {text}");
    }
}

#[test]
fn image_credit() {
    let text = text("boilerplate/image_credit.html");
    assert!(!text.contains("Photo: John Smith"), "{text}");
    assert!(text.ends_with(&article()), "{text}");
}

#[test]
fn comment_section_is_kept_apart_with_comments_flag() {
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args([
            "clean",
            "tests/fixtures/boilerplate/comment_section.html",
            "--comments",
            "-q",
        ])
        .output()
        .unwrap();
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["text"], article());
    let comments = record["comments"].as_str().unwrap_or_default();
    assert!(
        comments.contains("I cross that bridge every single day"),
        "{comments}"
    );
    assert!(
        comments.contains("Another waste of taxpayers money"),
        "{comments}"
    );
    let without = &records()["boilerplate/comment_section.html"];
    assert!(
        without.get("comments").is_none(),
        "no comments field without the flag"
    );
}

#[test]
fn headings_and_paragraphs() {
    assert_eq!(
        text("content/headings_and_paragraphs.html"),
        format!("{}\n\nWhat happens next\n\nA public exhibition of the designs will be held in the library during the first two weeks of May.", article())
    );
}

#[test]
fn lists() {
    let text = text("content/lists.html");
    assert!(text.ends_with(
        "The works will happen in three stages:\n\nclosing the bridge to traffic\n\nrebuilding the arches\n\nresurfacing the road\n\nFirst item of the ordered list\n\nSecond item of the ordered list"
    ), "{text}");
}

#[test]
fn table() {
    let text = text("content/table.html");
    assert!(
        text.ends_with("Stage | Start\n\nClosure | June\n\nArches | August"),
        "{text}"
    );
}

#[test]
fn mathml_formulas() {
    let text = text("content/math.html");
    assert!(
        text.ends_with("Each arch carries a load of F=mg spread over its span."),
        "{text}"
    );
}

#[test]
fn blockquote() {
    let text = text("content/blockquote.html");
    assert!(
        text.ends_with(
            "We have waited long enough for this decision, and now we must get it right."
        ),
        "{text}"
    );
}

#[test]
fn code_block_keeps_indentation() {
    let text = text("content/code_block.html");
    assert!(text.ends_with(
        "def cost(arches):\n    total = 0\n    for arch in arches:\n        total += arch.span * 1200\n    return total"
    ), "{text}");
}

/// A tag manager's `<noscript><iframe … /></noscript>` before the content: HTML ignores the
/// slash, and the iframe's raw text must not swallow the rest of the page.
#[test]
fn self_closed_iframe() {
    assert_eq!(text("content/self_closed_iframe.html"), article());
}

/// Panels hidden until a click (the inactive pane of a tab set, the panel a button's
/// `aria-controls` names) are content; an element hidden for good is not.
#[test]
fn collapsed_panels() {
    let text = text("content/collapsed_panels.html");
    assert!(
        text.ends_with(
            "The first tab is shown: the closure begins in June.\n\nThe second tab waits for a click: the arches are rebuilt in August.\n\nA click reveals the answer: the bridge reopens next spring.\n\nWho pays for the works?\n\nThe county and the town share the cost of the new bridge."
        ),
        "{text}"
    );
    assert!(!text.contains("mobile menu"), "{text}");
    // A lone toggle is a control; one that is a heading's whole text is the heading.
    assert!(!text.contains("When will the bridge reopen?"), "{text}");
}

/// A block named for a "read more" toggle that holds prose is the text the toggle unfolds and
/// stays; the toggle itself and a "read more" list of links go.
#[test]
fn read_more_body() {
    assert_eq!(text("content/read_more_body.html"), article());
}

/// Navigation is made of links: a block of prose under a navigation name (a FAQ in a
/// `tabs-menu`) is content, while the link menu beside the article still goes.
#[test]
fn prose_under_a_navigation_name() {
    let text = text("content/prose_under_navigation_name.html");
    assert!(text.starts_with(&article()), "{text}");
    assert!(text.ends_with("to be repaid over twenty years."), "{text}");
    assert!(
        text.contains("Will the new bridge carry lorries?"),
        "{text}"
    );
    assert!(!text.contains("Opinion Pages"), "{text}");
}

/// A `<main>` holding only a product grid, with the page's prose after it, is not where the
/// article is: the buying guide after the grid is found, and the footer still goes.
#[test]
fn prose_after_a_main_that_holds_a_grid() {
    let text = text("content/guide_after_product_grid.html");
    assert!(text.starts_with(&article()), "{text}");
    assert!(
        text.ends_with("returned unopened within thirty days."),
        "{text}"
    );
    assert!(!text.contains("All rights reserved"), "{text}");
}

#[test]
fn lede() {
    assert!(text("content/lede.html").starts_with(
        "The river crossing will close for nine months from June.\n\nThe town council voted"
    ));
}

/// A lede the page marks as the item's description, set above the element it names
/// `articleBody`, opens the article; nothing else outside the body comes with it.
#[test]
fn lede_outside_the_article_body() {
    assert_eq!(
        text("content/lede_outside_the_article_body.html"),
        format!(
            "The river crossing will close for nine months from June, while the arches are \
             rebuilt.\n\n{}",
            article()
        )
    );
}

#[test]
fn title_goes_to_metadata_not_text() {
    let record = &records()["content/title_not_repeated.html"];
    assert_eq!(record["title"], "Council votes to rebuild the old bridge");
    assert_eq!(record["text"], article());
}

#[test]
fn inline_elements_do_not_break_lines() {
    assert!(text("content/inline_elements_flow.html")
        .ends_with("The vote was close: seven councillors for, six against, and one abstention."));
}

#[test]
fn whitespace_is_normalised() {
    assert!(text("content/whitespace_normalised.html")
        .ends_with("\n\nExtra spaces and line breaks inside one paragraph."));
}

#[test]
fn no_text_is_duplicated() {
    assert_eq!(text("content/no_duplicated_text.html"), article());
}

/// The same boilerplate fixtures with `<main>` and `<article>` replaced by plain `<div>`s, so
/// that no semantic container points at the article: pruning and scoring alone must find it.
#[test]
fn boilerplate_is_removed_without_semantic_containers() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/boilerplate").unwrap() {
        let path = entry.unwrap().path();
        // Fixtures named `…_beside_main` show furniture recognised by where it lies relative
        // to the page's `<main>`: without one there is nothing to show.
        if path.to_string_lossy().contains("beside_main") {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let plain = html
            .replace("<main>", "<div id=\"wrapper\">")
            .replace("</main>", "</div>")
            .replace("<article>", "<div class=\"story\">")
            .replace("</article>", "</div>");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        std::fs::write(dir.path().join(&name), plain).unwrap();
        names.push(name);
    }
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(["clean", dir.path().to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    let mut failures = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let text = record["text"].as_str().unwrap_or_default();
        let id = record["id"].as_str().unwrap_or_default();
        let expected_end = text.ends_with(&article());
        let exact = text == article() || (id == "image_credit.html" && !text.contains("Photo:"));
        if !(exact && expected_end) {
            failures.push(format!("{id}: {text:?}"));
        }
    }
    assert_eq!(
        names.len(),
        String::from_utf8_lossy(&output.stdout).lines().count()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sections_opened_by_furniture_headings_go_in_several_languages() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs: String = ARTICLE.iter().map(|p| format!("<p>{p}</p>")).collect();
    for (name, heading) in [
        ("en", "Related stories"),
        ("de", "Mehr zum Thema:"),
        ("es", "Temas relacionados"),
    ] {
        let html = format!(
            "<html><body><div class=story>{paragraphs}<h3>{heading}</h3>\
             <p>A teaser paragraph about a different story that is long enough to pass for prose in the page.</p>\
             <p>Another teaser paragraph about yet another story, also long enough to pass for prose.</p></div></body></html>"
        );
        std::fs::write(dir.path().join(format!("{name}.html")), html).unwrap();
    }
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(["clean", dir.path().to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["text"], article(), "{}", record["id"]);
    }
}

/// The record of a fixture, whatever its status.
fn record(id: &str) -> &'static Value {
    &records()[id]
}

#[test]
fn chinese_news_keeps_its_lines_joined_and_reads_its_dateline() {
    let id = "content/chinese_news_with_dateline.html";
    let text = text(id);
    // The source breaks sentences across lines; no space enters a word.
    assert!(text.starts_with("北京时间7月3日，记者从市政府获悉，横跨城东河道的新桥已完成主体工程，预计将于明年春季正式通车。"), "{text}");
    assert!(!text.contains(' '), "{text}");
    // The line under the headline is metadata: it leaves the text for author and date.
    assert!(!text.contains("来源"), "{text}");
    assert_eq!(record(id)["author"], "张伟");
    assert_eq!(record(id)["date"], "2005-07-03");
    assert!(!text.contains("版权所有"));
}

#[test]
fn japanese_byline_gives_author_and_date() {
    let id = "content/japanese_article_with_byline.html";
    let text = text(id);
    assert!(text.starts_with("市議会は火曜日、"), "{text}");
    assert!(!text.contains("記者"), "{text}");
    assert_eq!(record(id)["author"], "山田太郎");
    assert_eq!(record(id)["date"], "2012-10-05");
}
