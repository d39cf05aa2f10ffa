//! Headings and lines of page furniture, told by their text rather than their class or id:
//! furniture headings, boilerplate line starts and phrases, page controls, credits, date
//! stamps, prompts, site notices and placeholders. The plain-text cleaner reads several.

#[cfg(doc)]
use super::metadata::MONTH_NAMES;

// ---------------------------------------------------------------------------------------------
// HTML: headings and lines of page furniture, by their text
// ---------------------------------------------------------------------------------------------

/// Headings that open a section of page furniture rather than of the article, lowercased,
/// without trailing colons or counts, in the languages dechaff meets most. A heading equal to
/// one of these, or starting with one of them and at most [`FURNITURE_HEADING_MAX_WORDS`]
/// words long, is dropped with the section it opens.
pub const FURNITURE_HEADINGS: &[&str] = &[
    // English
    "related posts", "related articles", "related stories", "related content", "related news",
    "related reading", "related topics", "you might also like", "you may also like",
    "you might be interested in", "you may be interested in", "recommended for you",
    "recommended stories", "recommended articles", "recent posts", "recent articles",
    "latest posts", "latest news", "latest stories", "most popular", "most read",
    "popular posts", "popular stories", "trending now", "about the author", "share this",
    "share this article", "share this post", "leave a reply", "leave a comment", "comments",
    "read next", "no comments", "was this article helpful", "most viewed", "editor's picks", "more news", "more stories", "more from", "more in", "more articles", "similar threads",
    "similar posts", "watch next", "follow us", "sign up for our newsletter",
    "subscribe to our newsletter", "tags", "about the reviewer", "about the authors",
    "meet the author",
    // discussion sidebars and thread footers
    "related discussions", "similar discussions", "related threads", "related questions",
    "linked questions", "hot network questions", "more topics",
    // German
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "mehr zum thema",
    "weitere artikel", "weitere beiträge", "lesen sie auch", "auch interessant",
    "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte beiträge",
    "beliebte beiträge", "neueste beiträge", "meistgelesen", "kommentare",
    "artikel teilen", "beitrag teilen", "über den autor", "über die autorin", "schlagworte",
    "empfehlungen der redaktion", "mehr aus",
    "neueste artikel", "meistgelesene artikel", "meistdiskutierte artikel", "am meisten gelesen",
    "viel gelesen", "letzte kommentare", "kommentierte artikel", "schon gelesen",
    "zum weiterlesen", "mehr themen", "empfohlene beiträge", "videos zum thema",
    "beiträge aus dem forum", "verwandte themen", "verwandte themenbereiche", "lust auf mehr",
    "das thema könnte dich auch interessieren", "das könnte sie auch", "mehr zu",
    "weitere themen", "weitere nachrichten", "aktuelle artikel", "top-artikel",
    "keine kommentare", "weitere informationen", "weitere infos", "fragen an den autor",
    "kontakt", "ansprechpartner", "ansprechpartnerin", "war der artikel nützlich",
    "wie bewerten sie diesen artikel", "war dieser artikel hilfreich",
    // French
    "articles similaires", "articles les plus lus", "dans la même rubrique", "à lire aussi", "lire aussi", "sur le même sujet",
    "vous aimerez aussi", "articles récents", "commentaires", "partager cet article",
    // Spanish
    "artículos relacionados", "noticias relacionadas", "temas relacionados",
    "te puede interesar", "también te puede interesar", "lo más leído", "más noticias",
    "comentarios", "compartir",
    // Italian, Portuguese, Dutch, Polish
    "articoli correlati", "leggi anche", "potrebbe interessarti", "commenti",
    "artigos relacionados", "leia também", "veja também", "comentários",
    "gerelateerde artikelen", "lees ook", "reacties", "czytaj także", "zobacz też",
    "powiązane artykuły", "komentarze", "zobacz również", "czytaj również",
    // shops: recommendation and history rails beside a product, in the same languages
    "people who viewed this item also viewed", "people who bought this also bought",
    "customers who bought this item also bought", "customers who viewed this item also viewed",
    "customers also bought", "customers also viewed", "frequently bought together",
    "similar items", "similar products", "related products", "related items",
    "products related to this item", "sponsored products", "complete the look", "shop the look",
    "recently viewed", "your recently viewed items", "more like this", "pairs well with",
    "kunden kauften auch", "ähnliche produkte", "zuletzt angesehen",
    "passende produkte", "produits similaires", "produits associés", "récemment consultés",
    "productos relacionados", "productos similares", "vistos recientemente",
    "prodotti correlati", "prodotti simili", "visti di recente", "produtos relacionados",
    "vergelijkbare producten", "gerelateerde producten", "podobne produkty",
];

/// A heading longer than this many words is a real heading, even when it starts with a
/// furniture phrase ("More from the archive of 1920s jazz recordings").
pub const FURNITURE_HEADING_MAX_WORDS: usize = 6;

/// How many containers above a furniture heading (and the wrappers holding only the heading)
/// may be taken as the section it opens, each having the heading as its first text.
pub const FURNITURE_SECTION_MAX_CLIMB: usize = 5;

/// A container opened by a furniture heading is dropped whole only when it holds less than
/// this share of the page's text.
pub const FURNITURE_SECTION_MAX_SHARE: f32 = 0.2;

/// Lowercased line starts of boilerplate lines: source and picture credits, copyright notices,
/// contact boxes, update stamps, ad labels and reading-time notes. A leaf block (one with no
/// block-level child holding text) of at most [`BOILERPLATE_LINE_MAX_CHARS`] characters whose
/// text starts with one of these is dropped.
pub const BOILERPLATE_LINE_PREFIXES: &[&str] = &[
    // sources and picture credits
    "quelle:", "quellen:", "quellenangaben", "bildquelle", "foto:", "fotos:", "bild:",
    "bilder:", "titelbild:", "beitragsbild", "source:", "sources:", "photo:", "photos:",
    "photograph by", "image:", "credit:", "credits:", "crédits photos", "crédit photo",
    "fuente:", "fonte:", "źródło:", "crédito:", "(crédito", "bild via", "externer inhalt",
    "video verfügbar bis", "photo credit", "image credit", "fotocredit", "foto ©", "(credit:",
    "(foto:", "(photo:", "symbolbild", "symbolgrafik",
    // captions set as plain paragraphs: figure numbers, and an enlarge button's label glued to
    // the caption it sits beside ("Vergrößern Eine kleine runde Aussparung …")
    "abbildung", "abb.", "vergrößern",
    // copyright
    "©", "(c) ", "copyright", "all rights reserved", "alle rechte vorbehalten",
    "tous droits réservés", "todos los derechos reservados",
    // contact boxes
    "kontakt:", "pressekontakt", "ansprechpartner", "telefon:", "tel.:", "e-mail:",
    "contact:", "press contact", "media contact",
    // update and publication stamps, bylines ("Von: …") and view counts
    "aktualisiert:", "aktualisiert am", "zuletzt aktualisiert", "veröffentlicht am",
    "erstellt am", "last modified", "last updated", "updated:", "ultima modifica",
    "publiziert:", "publiziert am", "veröffentlichung:", "pubblicato il", "publié le",
    "publicado el", "opublikowano", "news date", "aufrufe:", "von:",
    // subscribe and follow prompts
    "subscribe now", "subscribe to", "sign up for", "receive our", "never miss", "follow us",
    "folgen sie uns", "mit unserem newsletter", "abonnieren sie", "síguenos", "siguenos",
    "suivez-nous", "abonnez-vous",
    // teaser lines in Spanish and Portuguese news ("Mira: …", "Puedes ver: …")
    "mira:", "puedes ver:", "lee también:", "lea también:", "lee además:", "veja também:",
    "leia também:", "leia mais:",
    // donation prompts
    "unterstützen sie", "unterstütze", "jetzt spenden", "jede kleine spende", "je fais un don",
    "donate now", "support us",
    // category and tag lines
    "kategorie:", "kategorien:", "category:", "category :", "categories:", "schlagwörter:",
    "erschienen in", "veröffentlicht in",
    // ad labels
    "anzeige", "- anzeige", "werbung", "*werbung", "advertisement",
];

/// Lowercased labels of the buttons and links that act on the page rather than say anything:
/// print, save, show or hide, back, download, read on. A leaf block whose whole text is one of
/// these (arrows and punctuation around it aside) is dropped; a sentence that uses the word
/// says more than the label.
pub const PAGE_CONTROL_LABELS: &[&str] = &[
    // print
    "print", "print this page", "print this article", "print article", "print recipe",
    "drucken", "seite drucken", "artikel drucken", "rezept drucken", "beitrag drucken",
    "imprimer", "imprimir", "stampa", "drukuj", "afdrukken",
    // save and bookmark
    "save", "bookmark", "merken", "zur merkliste", "auf die merkliste", "speichern",
    "enregistrer", "guardar", "salva", "zapisz",
    // show, hide and expand
    "show all", "view all", "see all", "show more", "show less", "alle anzeigen",
    "mehr anzeigen", "weniger anzeigen", "bild anzeigen", "quellen anzeigen",
    "quellen ausblenden", "voir tout", "voir plus", "ver todo", "ver más", "mostra tutto",
    "mostra di più", "zobacz wszystkie", "pokaż więcej",
    // read on
    "read more", "continue reading", "weiterlesen", "mehr lesen", "lire la suite",
    "leer más", "continua a leggere", "czytaj dalej",
    // back
    "back", "back to top", "back to overview", "back to list", "zurück", "nach oben",
    "zurück zur übersicht", "zurück zur listenansicht", "zurück nach oben", "retour",
    "retour en haut", "volver", "volver arriba", "torna su", "powrót",
    // download
    "download pdf", "pdf herunterladen", "als pdf herunterladen", "télécharger le pdf",
    "descargar pdf",
];

/// Lowercased phrases that make a leaf block of at most [`BOILERPLATE_PHRASE_MAX_WORDS`] words
/// boilerplate wherever they occur in it: reading-time notes, rights notices, subscribe and
/// follow prompts.
pub const BOILERPLATE_LINE_PHRASES: &[&str] = &[
    "min read", "min. read", "minute read", "przeczytasz", "de lectura", "temps de lecture", "min. lesezeit", "min lesezeit", "minuten lesezeit",
    "lesezeit:", "all rights reserved", "alle rechte vorbehalten",
    "subscribe now", "jetzt abonnieren", "jetzt teilen", "artikel teilen", "follow us",
    "folgen sie uns", "síguenos", "siguenos",
];

/// Lowercased picture-credit marks that make a leaf block of at most
/// [`BOILERPLATE_LINE_MAX_CHARS`] characters a caption wherever they occur in it: stock agencies
/// and a credit after the caption sentence ("Lee Elder beim Masters. | © Getty Images").
pub const CREDIT_PHRASES: &[&str] = &[
    "getty images", "istock", "shutterstock", "picture alliance", "picture-alliance",
    "stock.adobe", "(credit:", "(photo:", "| ©", ". ©",
];

/// Words that may follow a numeric date stamp on its own line ("19.10.2019, 05:00 Uhr"): a
/// leaf block that is only a date (day, month and year in digits), perhaps with a time and one
/// of these, is a publication stamp.
pub const DATE_STAMP_SUFFIXES: &[&str] = &["uhr", "h", "am", "pm"];

/// Lowercased labels that may open a date stamp written with a month name of [`MONTH_NAMES`]
/// ("Published on: March 3, 2025", "Updated 12 Jul 2024"), and words that may stand between its
/// parts ("3 de marzo de 2024", "· 4:30 pm ET"). A leaf block that is only such a date is a
/// publication stamp like a numeric one.
pub const DATE_STAMP_LABELS: &[&str] = &[
    "published", "updated", "posted", "modified", "last", "reviewed", "originally", "on", "at",
    "date", "de", "del", "le", "am", "veröffentlicht", "aktualisiert", "publié", "mis", "à",
    "jour", "publicado", "actualizado", "pubblicato", "aggiornato", "et", "est", "pst", "gmt",
    "utc", "cet", "cest",
];

/// A date stamp written with a month name has at most this many words, labels included.
pub const DATE_STAMP_MAX_WORDS: usize = 9;

/// Lowercased phrases of subscribe, app, membership and donation prompts written as plain
/// paragraphs ("To view the full story, please subscribe …", "¿Ya sabías que tenemos canal de
/// Telegram?", "Wesprzyj nas darowizną"): a leaf block of at most [`PROMPT_LINE_MAX_CHARS`]
/// characters that contains one of these anywhere is dropped. Only phrases that address the
/// reader about the site itself, not ones an article about apps or newsletters would use.
pub const PROMPT_PHRASES: &[&str] = &[
    // subscriptions and memberships
    "please subscribe", "already a subscriber", "sign me up", "sign up here", "to our newsletter",
    "for our newsletter", "für unseren newsletter", "zum newsletter", "newsletter abonnieren",
    "per e-mail abonnieren", "jetzt abonnieren", "abonniere", "werden sie mitglied",
    "vorteile sichern", "e-mail-adresse ein, um", "suscribirse aquí", "suscríbete",
    "nuestra newsletter", "hazte miembro", "únete a nuestra comunidad", "abonnez-vous",
    "inscrivez-vous", "iscriviti", "abbonati", "do subskrypcji", "subskrybuj", "zapisz się",
    // apps and messaging channels
    "for the latest stories", "straight to your phone", "lade dir die", "canal de telegram",
    "canal de youtube", "message on whatsapp",
    // support and donations
    "supporting our work", "support our work", "artikel gefallen hat", "wesprzyj nas",
    "we need your help to keep", "reader-supported publication",
    // newsletter sign-up boxes ("… delivered straight to your inbox", "Subscribe for free to
    // receive new posts")
    "delivered to your inbox", "delivered straight to", "delivered right to your inbox",
    "directly to your inbox", "directly in your inbox", "receive new posts",
    "notifications about new posts", "by subscribing", "join our mailing list",
    "join our newsletter", "sign up to receive",
    // the sign-in and reply-form lines under a thread or comment section ("Post as a guest",
    // "Create an account or sign in to comment", "This thread is not open for further replies")
    "post as a guest", "required, but never shown", "sign up using", "sign up or log in",
    "sign in to comment", "log in to comment", "sign in to reply", "log in to reply",
    "in order to leave a comment", "register a new account", "already have an account?",
    "create an account or sign in", "not open for further replies", "must be logged in to",
];

/// Lowercased phrases of notices a site shows about itself rather than about its subject:
/// cookie-consent banners, "JavaScript is off" warnings served in `<noscript>`, and the helper
/// lines form plugins print beside their fields. A leaf block of at most
/// [`SITE_NOTICE_MAX_CHARS`] characters that contains one of these anywhere is dropped. Only
/// phrases that speak of this site and this visitor ("we use cookies", "this site uses
/// cookies"), not ones an article about cookies or scripts would use ("apps that use cookies").
pub const SITE_NOTICE_PHRASES: &[&str] = &[
    // cookie consent
    "we use cookies", "site uses cookies", "website uses cookies", "partners use cookies",
    "agree to our cookie", "agree to our use of cookies", "agree to the use of cookies",
    "consent to the use of cookies", "consent to our use of cookies", "we value your privacy",
    // scripting warnings
    "javascript is turned off", "javascript is disabled", "enable javascript",
    "requires javascript", "javascript must be enabled",
    // form-plugin helper lines
    "this field is for validation purposes", "this field is hidden when viewing the form",
    // affiliate disclosures ("This post may contain affiliate links", "We may earn commission
    // from links on this page"): the site speaking of its own links, not an article about
    // affiliate marketing ("creators earn a commission through affiliate links")
    "contains affiliate links", "contain affiliate links", "includes affiliate links",
    "include affiliate links", "uses affiliate links", "we use affiliate links",
    "we also use affiliate links", "i use affiliate links", "may earn commission",
    "may earn a commission",
    "may earn a small commission", "may earn an affiliate commission", "earn us a commission",
    "earn us a small commission", "we earn a commission", "from qualifying purchases",
];

/// Consent banners run to a paragraph of legal prose; longer blocks are article text.
pub const SITE_NOTICE_MAX_CHARS: usize = 700;

/// Blocks longer than this many characters are article text even when they contain a prompt
/// phrase: a prompt is a sentence or two.
pub const PROMPT_LINE_MAX_CHARS: usize = 300;

/// Inline elements that are a line of their own for the boilerplate-line rule: a `<time>`
/// holds an update stamp even when it shares its block with a byline.
pub const LINE_INLINE_TAGS: &[&str] = &["time"];

/// Lowercased words of the placeholders scripts show until content arrives ("Loading...",
/// "Loading specifications…", "Chargement…", "Wird geladen …"): a leaf block that starts with
/// one of these and is at most [`LOADING_PLACEHOLDER_MAX_WORDS`] words long is dropped when it
/// is the word alone or ends in an ellipsis. A sentence about loading a truck has neither shape.
pub const LOADING_PLACEHOLDER_WORDS: &[&str] = &[
    "loading", "chargement", "wird geladen", "lädt", "laden", "cargando", "caricamento",
    "carregando", "ładowanie", "загрузка", "読み込み中", "加载中", "載入中",
];

/// A loading placeholder names at most what is loading, and maybe asks to wait.
pub const LOADING_PLACEHOLDER_MAX_WORDS: usize = 4;

/// Lowercased units of the reaction counters that forum and blog software prints beside each
/// post ("7 Likes", "1,693 views"): a leaf block that is only a number and one of these is
/// dropped. Answer and reply counts are left alone: they head the answers of a Q&A thread, and
/// reference extracts keep them as often as not.
pub const REACTION_COUNT_UNITS: &[&str] = &["like", "likes", "view", "views", "vote", "votes"];

/// Longer blocks that contain a boilerplate phrase are content that mentions it ("a dateline
/// · 4 min read" on a listing card, a sentence about newsletters).
pub const BOILERPLATE_PHRASE_MAX_WORDS: usize = 5;

/// A furniture heading set as a plain block (a `<p>` or `<div>`, not `<h2>`) is trusted only
/// when it has at least this many words: one-word labels ("Tags", "Comments") head content
/// lists as often as furniture.
pub const PLAIN_FURNITURE_HEADING_MIN_WORDS: usize = 2;

/// Blocks longer than this many characters are sentences of the article, not boilerplate
/// lines, whatever they start with.
pub const BOILERPLATE_LINE_MAX_CHARS: usize = 150;
