//! Plain-text page dumps: the phrases and limits of the cleaner of text pages.

#[cfg(doc)]
use super::lines::FURNITURE_HEADINGS;

// ---------------------------------------------------------------------------------------------
// Plain-text page dumps
// ---------------------------------------------------------------------------------------------

/// Characters that end a sentence in the scripts dechaff reads.
pub const SENTENCE_END_CHARS: &[char] = &['.', '!', '?', '…', '。', '！', '？', '"', '”', '»', ':'];

/// Lowercased line prefixes that open a comment section or form: once the article has been
/// seen, everything from such a line on is dropped.
pub const COMMENT_SECTION_MARKERS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
    "your email address will not be published", "comments", "responses", "kommentare",
    "kommentar schreiben", "commentaires", "laisser un commentaire", "comentarios",
    "deja un comentario", "deixe um comentário",
];

/// Lowercased phrases of lines that invite sharing or following, in several languages.
pub const SOCIAL_LINE_PHRASES: &[&str] = &[
    "follow us", "share this", "share on", "connect with us", "folgen sie uns", "teilen",
    "partager", "suivez-nous", "compartir", "síguenos", "tweet", "pin it", "share:",
    "share via", "seguici", "volg ons", "segue-nos", "siga-nos", "condividi", "compartilhe",
];

/// Lowercased phrases of the fields and notices of a comment or contact form flattened into
/// lines ("Your email address will not be published", "Required fields are marked *",
/// "Please reload the CAPTCHA", "Notify me of follow-up comments"): a line of at most 300
/// characters containing one is form furniture.
pub const TEXT_FORM_PHRASES: &[&str] = &[
    "will not be published", "won't be published", "required fields", "fields are marked",
    "captcha", "notify me of", "save my name", "post comment", "submit comment",
    "you must be logged in", "cancel reply", "wird nicht veröffentlicht",
    "pflichtfelder sind", "erforderliche felder", "benachrichtige mich", "kommentar abschicken",
    "ne sera pas publiée", "champs obligatoires", "me notifier", "no será publicada",
    "campos obligatorios", "campos requeridos", "avísame", "non sarà pubblicato",
    "campi obbligatori", "não será publicado", "campos obrigatórios", "wordt niet gepubliceerd",
];

/// Lowercased phrases of teaser links that lead away from the page ("Continue Reading",
/// "Read more »", "Weiterlesen", "Lire la suite"): a line of at most eight words containing
/// one is a link, not article text.
pub const TEXT_TEASER_PHRASES: &[&str] = &[
    "read more", "continue reading", "read full", "read the full", "view more", "see more",
    "learn more", "more info", "weiterlesen", "mehr lesen", "mehr erfahren", "zum artikel",
    "lire la suite", "en savoir plus", "lire plus", "leer más", "seguir leyendo", "ver más",
    "leggi tutto", "continua a leggere", "leia mais", "continue lendo", "lees meer",
    "czytaj dalej",
];

/// Lowercased headings of lists of other pages' headlines that dumps add after the article,
/// beyond the furniture headings of HTML pages ([`FURNITURE_HEADINGS`]): once the article has
/// been seen, such a heading and the short lines under it are dropped.
pub const TEXT_SECTION_HEADINGS: &[&str] = &[
    "recent news", "recent stories", "top stories", "more headlines", "latest headlines",
    "popular news", "trending", "trending stories", "news", "related", "see also",
    "últimas noticias", "noticias recientes", "lo último", "dernières actualités",
    "dernières nouvelles", "à lire également", "aktuelle nachrichten", "neueste nachrichten",
    "ultime notizie", "articoli recenti", "últimas notícias", "notícias recentes",
    "laatste nieuws", "najnowsze",
];

/// Lowercased phrases of avatar and author-box lines ("Jane Doe avatar", "View all posts by
/// Jane Doe", "Alle Beiträge von …"): a line of at most ten words containing one is dropped.
pub const TEXT_AUTHOR_BOX_PHRASES: &[&str] = &[
    "avatar", "profile picture", "author image", "author photo", "view all posts by",
    "all posts by", "more posts by", "see all articles by", "profilbild", "alle beiträge von",
    "alle artikel von", "photo de profil", "tous les articles de", "voir tous les articles",
    "foto de perfil", "ver todas las entradas", "todos los artículos de", "tutti gli articoli",
    "alle berichten van",
];

/// Words that join an author-box phrase to the name it introduces ("Avatar of Jane Doe",
/// "Profilbild von Max Muster"); skipped before the name.
pub const TEXT_AUTHOR_BOX_NAME_JOINERS: &[&str] = &["of", "by", "von", "de", "di", "van", "du", "del"];

/// A paragraph whose first this-many words name the page's author (from a byline or an
/// author-box line) is the author's bio, not the article ("Jane Doe is a reporter …", "The
/// CTN News team comprises …") …
pub const TEXT_AUTHOR_BIO_NAME_WITHIN_WORDS: usize = 4;

/// … when it is prose of at least this many words: a short "Jane Doe contributed reporting"
/// credit stays.
pub const TEXT_AUTHOR_BIO_MIN_WORDS: usize = 15;

/// Lowercased labels of a picture credit that ends a caption line ("… on the ridge. Photo:
/// Jane Doe", "(Photo credit: Agency)", "Bild: dpa"); the label is capitalised or opens a
/// bracket, and the credit after it is a few words with a capital letter. "Source:" is not
/// among them: under a chart or a table the source line is part of the article.
pub const TEXT_PICTURE_CREDIT_LABELS: &[&str] = &[
    "photo", "photos", "photo credit", "photo credits", "photograph", "photographer", "image",
    "image credit", "image credits", "picture", "credit", "credits", "foto", "fotos", "fotograf",
    "fotografía", "bild", "bildquelle", "crédit photo", "crédits photo", "crédito", "imagen",
    "immagine", "foto di",
];

/// The credit after a picture-credit label has at most this many words.
pub const TEXT_PICTURE_CREDIT_MAX_WORDS: usize = 8;

/// An avatar or author-box line has at most this many words.
pub const TEXT_AUTHOR_BOX_MAX_WORDS: usize = 10;

/// The dump's first line (the page title) stands as the title only when it has at most this
/// many words; a longer one is text.
pub const TEXT_TITLE_MAX_WORDS: usize = 30;

/// A heading-like line taken as the title when the dump does not start with the page title
/// has at least this many words.
pub const TEXT_TITLE_MIN_WORDS: usize = 3;

/// A line of bare numbers with at most this many is a stray counter ("800 1": views and
/// comments); longer ones are tables of figures.
pub const TEXT_COUNTER_MAX_NUMBERS: usize = 3;

/// Signs that make a line of numbers a price or a measure, never a stray counter.
pub const TEXT_FIGURE_SIGNS: &[char] = &['$', '€', '£', '¥', '%', '+', '=', '/', '°', '₹'];

/// A comment form's opener ends the article only when at least this share of the kept words
/// come before it: on a forum or a page of replies, the first post's reply box comes early
/// and the posts after it are the content.
pub const TEXT_COMMENT_CUT_MIN_SHARE: f64 = 0.7;

/// A line holding the date or byline read into metadata leaves the text when it has at most
/// this many words ("3 de mayo de 2024", "By Jane Doe | March 3, 2024").
pub const TEXT_DATELINE_MAX_WORDS: usize = 9;

/// Separators between the parts of a page title ("Headline | Site", "Site – Headline"): the
/// longest part is the headline when no line of the dump repeats it.
pub const TEXT_TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « "];

/// Lowercased byline openers that precede an author's name on a line of its own near the top
/// of a dump ("By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Ana Ruiz").
pub const TEXT_BYLINE_PREFIXES: &[&str] = &[
    "by ", "written by ", "posted by ", "von ", "autor: ", "autorin: ", "par ", "écrit par ",
    "por ", "escrito por ", "di ", "scritto da ", "door ", "autor ",
];

/// A date or byline line has at most this many words.
pub const TEXT_METADATA_MAX_WORDS: usize = 20;

/// Dates and bylines are looked for from this many lines before the headline (or the start
/// of the article, whichever comes first) …
pub const TEXT_METADATA_LINES_BEFORE: usize = 15;

/// … to this many lines after the start of the article: a dateline often sits under the
/// lead paragraph or picture. The first date on a short line wins.
pub const TEXT_METADATA_LINES_AFTER: usize = 40;

/// Lowercased phrases of advertising slots and their labels ("Advertise here",
/// "Advertisement", "Sponsored", "Anzeige", "Publicité"): a line of at most six words
/// containing one is an ad slot.
pub const TEXT_AD_PHRASES: &[&str] = &[
    "advertise here", "advertise with us", "advertisement", "sponsored", "ad space",
    "your ad here", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "publicidade", "advertentie", "reklama",
];
