//! The plain-text cleaner on whole-page text dumps in several languages, through the real
//! binary: each kind of page furniture flattened into lines goes, the article stays, and the
//! title, byline and date near the top become metadata.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn clean(fixture: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(fixture);
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(["clean", path.to_str().expect("a UTF-8 path")])
        .output()
        .expect("the dechaff binary runs");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    serde_json::from_str(stdout.lines().next().expect("one record")).expect("a JSON record")
}

fn text(record: &Value) -> &str {
    record["text"].as_str().unwrap_or_default()
}

/// Asserts that each line is absent from the text as a paragraph of its own.
fn assert_dropped(record: &Value, lines: &[&str]) {
    let paragraphs: Vec<&str> = text(record).split("\n\n").collect();
    for line in lines {
        assert!(
            !paragraphs.contains(line),
            "{line:?} should be gone from {paragraphs:#?}"
        );
    }
}

const FIXTURES: &[&str] = &[
    "en-news.txt",
    "de-nachrichten.txt",
    "fr-actualite.txt",
    "es-noticia.txt",
];

#[test]
fn article_paragraphs_stay_from_first_to_last() {
    let firsts = [
        "The old harbour reopened on Monday",
        "Nach vier Jahren Bauzeit",
        "Le festival de musique de la ville",
        "El museo de la ciudad reabrió",
    ];
    let lasts = [
        "over the summer months.",
        "nur noch einspurig befahrbar.",
        "pendant trois jours.",
        "tras la reapertura.",
    ];
    for ((fixture, first), last) in FIXTURES.iter().zip(firsts).zip(lasts) {
        let record = clean(fixture);
        assert!(text(&record).starts_with(first), "{fixture}: {record:#}");
        assert!(text(&record).ends_with(last), "{fixture}: {record:#}");
    }
}

#[test]
fn menu_and_link_list_runs_go() {
    assert_dropped(
        &clean("en-news.txt"),
        &["Home", "News", "Sport", "Skip to content"],
    );
    assert_dropped(&clean("de-nachrichten.txt"), &["Startseite", "Politik"]);
    assert_dropped(&clean("fr-actualite.txt"), &["Accueil", "Actualités"]);
    assert_dropped(&clean("es-noticia.txt"), &["Inicio", "Noticias"]);
}

#[test]
fn social_and_share_lines_go() {
    assert_dropped(
        &clean("en-news.txt"),
        &["Follow us on:", "Share this:", "Facebook", "Twitter"],
    );
    assert_dropped(
        &clean("de-nachrichten.txt"),
        &["Folgen Sie uns:", "Artikel teilen:"],
    );
    assert_dropped(
        &clean("fr-actualite.txt"),
        &["Suivez-nous :", "Partager cet article :"],
    );
    assert_dropped(&clean("es-noticia.txt"), &["Síguenos en:", "Compartir:"]);
}

#[test]
fn comment_sections_and_forms_go() {
    for fixture in FIXTURES {
        let record = clean(fixture);
        for word in [
            "Name *", "Nom *", "Nombre *", "CAPTCHA", "E-Mail *", "Website",
        ] {
            assert!(!text(&record).contains(word), "{fixture}: {word}");
        }
    }
    assert_dropped(
        &clean("en-news.txt"),
        &[
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
        ],
    );
    assert_dropped(&clean("de-nachrichten.txt"), &["Kommentar schreiben"]);
    assert_dropped(&clean("fr-actualite.txt"), &["Laisser un commentaire"]);
    assert_dropped(&clean("es-noticia.txt"), &["Deja un comentario"]);
}

#[test]
fn counters_and_stray_numbers_go() {
    assert_dropped(&clean("en-news.txt"), &["800 1"]);
    assert_dropped(&clean("de-nachrichten.txt"), &["12 3"]);
    assert_dropped(&clean("fr-actualite.txt"), &["45 2"]);
    assert_dropped(&clean("es-noticia.txt"), &["230 5"]);
}

#[test]
fn avatar_and_author_box_lines_go() {
    assert_dropped(
        &clean("en-news.txt"),
        &[
            "Jane Porter avatar",
            "Jane Porter is a reporter who has covered the coast, its harbours and its fishing fleet for the Gazette since 2010.",
        ],
    );
    assert_dropped(
        &clean("de-nachrichten.txt"),
        &["Anna Schmidt ist Redakteurin im Lokalressort und schreibt seit 2015 über Verkehr, Bauprojekte und die Entwicklung der ganzen Stadt."],
    );
}

#[test]
fn picture_captions_with_a_credit_go() {
    assert_dropped(
        &clean("en-news.txt"),
        &["Fishing boats moored along the new quay on the morning of the reopening. Photo: Tom Reed"],
    );
    assert_dropped(
        &clean("de-nachrichten.txt"),
        &["Die neue Brücke am Abend der Eröffnung, von der Altstadt aus gesehen. Foto: Peter Weber"],
    );
    assert_dropped(
        &clean("fr-actualite.txt"),
        &["La grande scène installée au bord du fleuve, samedi soir. Crédit photo : Julien Morel"],
    );
    assert_dropped(
        &clean("es-noticia.txt"),
        &["La nueva sala de exposiciones de la planta baja, el día de la reapertura (Foto: Luis García)"],
    );
}

#[test]
fn read_more_teasers_go() {
    assert_dropped(&clean("en-news.txt"), &["Continue Reading"]);
    assert_dropped(&clean("de-nachrichten.txt"), &["Weiterlesen"]);
    assert_dropped(&clean("fr-actualite.txt"), &["Lire la suite"]);
    assert_dropped(&clean("es-noticia.txt"), &["Leer más"]);
}

#[test]
fn ad_slots_go() {
    assert_dropped(&clean("en-news.txt"), &["Advertise here"]);
    assert_dropped(&clean("de-nachrichten.txt"), &["Anzeige"]);
    assert_dropped(&clean("fr-actualite.txt"), &["Publicité"]);
    assert_dropped(&clean("es-noticia.txt"), &["Publicidad"]);
}

#[test]
fn unrelated_headlines_after_the_article_go() {
    assert_dropped(
        &clean("en-news.txt"),
        &["Recent News", "Council approves new cycle lanes"],
    );
    assert_dropped(
        &clean("de-nachrichten.txt"),
        &["Neueste Artikel", "Stadtrat beschließt neuen Haushalt"],
    );
    assert_dropped(
        &clean("fr-actualite.txt"),
        &["Articles récents", "Le conseil municipal vote le budget"],
    );
    assert_dropped(
        &clean("es-noticia.txt"),
        &["Últimas noticias", "El pleno aprueba los presupuestos"],
    );
}

#[test]
fn repeated_title_becomes_metadata_and_leaves_the_text() {
    let titles = [
        "Harbour reopens after two years of repairs",
        "Neue Brücke über den Rhein eröffnet",
        "Le festival de musique attire un public record",
        "El museo de la ciudad reabre sus puertas",
    ];
    for (fixture, title) in FIXTURES.iter().zip(titles) {
        let record = clean(fixture);
        assert_eq!(record["title"], title, "{fixture}");
        // also the copy glued to the first sentence in the English dump
        assert!(!text(&record).contains(title), "{fixture}: {record:#}");
    }
}

#[test]
fn bylines_and_dates_near_the_top_become_metadata() {
    let expected = [
        ("en-news.txt", "Jane Porter", "2024-03-04"),
        ("de-nachrichten.txt", "Anna Schmidt", "2024-03-12"),
        ("fr-actualite.txt", "Claire Martin", "2024-06-15"),
        ("es-noticia.txt", "Ana Ruiz", "2024-05-03"),
    ];
    for (fixture, author, date) in expected {
        let record = clean(fixture);
        assert_eq!(record["author"], author, "{fixture}");
        assert_eq!(record["date"], date, "{fixture}");
        let paragraphs: Vec<&str> = text(&record).split("\n\n").collect();
        assert!(
            !paragraphs
                .iter()
                .any(|p| p.contains(author) && p.split(' ').count() <= 4),
            "{fixture}: {record:#}"
        );
    }
}
