//! The author: the names of JSON-LD `author`, author meta tags, link previews, `rel=author`
//! links, `itemprop=author`, byline elements and bylines without markup, cleaned of labels,
//! dates and job titles; a person before the site or an organisation.

use super::evidence::Evidence;
use super::keys::NameKeys;
use super::{is_domain_name, json_ld_strings, jsonld};
use crate::text::{collapse_whitespace, name_key};
use crate::vocab::{
    AUTHOR_DATE_CONNECTORS, AUTHOR_META, AUTHOR_PREFIXES, AUTHOR_SEPARATORS, AUTHOR_TRAILERS,
    CJK_AUTHOR_LABELS, CJK_AUTHOR_MAX_CHARS, INNER_AUTHOR_PREFIXES, INVISIBLE_CHARS,
    JOB_TITLE_MODIFIERS, JOB_TITLE_WORDS, LEADING_NAME_MARKS, MAX_AUTHOR_CHARS,
    MAX_AUTHOR_LIST_CHARS, MAX_AUTHOR_SMALL_WORDS, MAX_BYLINE_LABEL_WORDS, MAX_NAME_WORDS,
    MAX_PREVIEW_LABELS, MIN_CONTAINED_ORGANISATION_KEY_CHARS, MIN_LOOSE_BYLINE_NAME_WORDS,
    MIN_ORGANISATION_KEY_CHARS, MONTH_NAMES, NAME_PARTICLES, NON_PERSON_AUTHORS,
    NOT_ARTICLE_AUTHOR_TYPES, ORGANISATION_META, ORGANISATION_SCHEMA_TYPES, PLACEHOLDER_AUTHORS,
    PREVIEW_AUTHOR_LABELS, SHORT_WEEKDAYS, TRAILING_NAME_MARKS,
};

/// The author: JSON-LD `author` (a name, a Person, or a list of them), author meta tags, a
/// link preview's "Written by", `rel=author` links, `itemprop=author`, byline elements, then
/// bylines written without markup; the first that is still a name once cleaned. A name that
/// is the site's or publisher's, or an organisation's, gives way to a person named by a later
/// source, and is taken only when no source names one.
pub(super) fn author(evidence: &Evidence) -> Option<String> {
    let references = jsonld::References::new(&evidence.json_ld);
    let json_ld = jsonld::objects(&evidence.json_ld).filter_map(|object| {
        // A picture's author is its photographer, a comment's its commenter.
        let types = object.get("@type").map(json_ld_strings).unwrap_or_default();
        if types
            .iter()
            .any(|kind| NOT_ARTICLE_AUTHOR_TYPES.contains(kind))
        {
            return None;
        }
        let name = |value| person_name(&references, value);
        let names: Vec<(&str, bool)> = match object.get("author")? {
            serde_json::Value::Array(items) => items.iter().filter_map(name).collect(),
            single => name(single).into_iter().collect(),
        };
        let organisation = names.iter().all(|(_, organisation)| *organisation);
        let names: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
        (!names.is_empty()).then(|| (names.join("; "), organisation))
    });
    // Each author meta tag names one author or a list: the tags of one key are joined
    // (`citation_author` once per author).
    let metas = AUTHOR_META.iter().filter_map(|key| {
        let mut seen = std::collections::HashSet::new();
        let names: Vec<String> = evidence
            .metas_for(std::slice::from_ref(key))
            .filter_map(clean_author)
            .filter(|name| seen.insert(name.to_ascii_lowercase()))
            .collect();
        (!names.is_empty()).then(|| names.join("; "))
    });
    // Link previews' "Written by" label and its value (`twitter:label1`, `twitter:data1`).
    let labelled = (1..=MAX_PREVIEW_LABELS).filter_map(|i| {
        let label = evidence.meta(&format!("twitter:label{i}"))?;
        let is_author = PREVIEW_AUTHOR_LABELS.contains(&label.trim().to_lowercase().as_str());
        is_author
            .then(|| evidence.meta(&format!("twitter:data{i}")))
            .flatten()
            .map(str::to_string)
    });
    let declared = metas
        .chain(labelled)
        .chain(
            evidence
                .rel_authors
                .iter()
                .chain(
                    evidence
                        .itemprops_for(&["author"])
                        .map(|itemprop| itemprop.attribute.as_ref().unwrap_or(&itemprop.text)),
                )
                .chain(&evidence.bylines)
                .cloned(),
        )
        .map(|author| (author, false));
    // Bylines without markup, near the headline first, and only when they name persons: of
    // at least two words after a mere "By" or "Von", which open menus' and sentences' phrases
    // too ("By Category", "Von Anfang an").
    let loose = evidence
        .loose_bylines
        .iter()
        .filter(|byline| byline.after_h1)
        .chain(
            evidence
                .loose_bylines
                .iter()
                .filter(|byline| !byline.after_h1),
        )
        .filter_map(|byline| {
            // A note in brackets after the names ("Eberhard Fuhr (Pressesprecher des EJW)"),
            // unlike a nickname ("Jean-Luc Aufranc (CNXSoft)").
            let text = match byline.text.rsplit_once(" (") {
                Some((names, note)) if note.ends_with(')') && note.contains(' ') => names,
                _ => byline.text.as_str(),
            };
            Some((clean_author(text)?, byline.labelled))
        })
        .filter(|(name, labelled)| {
            let mut words = name
                .split([',', ';', '&'])
                .map(|name| name.split_whitespace().count());
            if *labelled {
                words.all(|words| (1..=MAX_NAME_WORDS).contains(&words))
            } else {
                looks_like_person(name) && words.all(|words| words >= MIN_LOOSE_BYLINE_NAME_WORDS)
            }
        })
        .map(|(name, _)| (name, false));
    let organisations = OrganisationNames::of(evidence, &references);
    let mut candidates = json_ld
        .chain(declared)
        .chain(loose)
        .filter_map(|(author, organisation)| Some((clean_author(&author)?, organisation)))
        .filter(|(name, _)| !PLACEHOLDER_AUTHORS.contains(&name.to_lowercase().as_str()));
    let mut fallback = None;
    while let Some((name, typed_organisation)) = candidates.next() {
        if typed_organisation || organisations.names(&name) {
            fallback.get_or_insert(name);
            continue;
        }
        // Only a person's name outranks the site's: not a leftover of some other box.
        if fallback.is_some() && !looks_like_person(&name) {
            continue;
        }
        let name = organisations.without_trailing(name);
        // A first name alone ("Nils") gives way to the full name a later source writes
        // ("Nils Pickert"); an account's name ("FutureBSD", "Ralston18") is whole.
        let first_name = !name.contains(' ')
            && looks_like_person(&name)
            && !name.chars().skip(1).any(char::is_uppercase);
        if first_name {
            let fuller = candidates.find(|(other, _)| {
                let words: Vec<&str> = other.split_whitespace().collect();
                (2..=3).contains(&words.len())
                    && words[0].eq_ignore_ascii_case(&name)
                    && looks_like_person(other)
                    && words[1..].iter().all(|word| {
                        let word = word.to_lowercase();
                        ![
                            JOB_TITLE_WORDS,
                            JOB_TITLE_MODIFIERS,
                            NON_PERSON_AUTHORS,
                            AUTHOR_TRAILERS,
                        ]
                        .iter()
                        .any(|words| words.contains(&word.as_str()))
                    })
            });
            if let Some((fuller, _)) = fuller {
                return Some(fuller);
            }
        }
        return Some(name);
    }
    fallback
}

/// Whether cleaned author names read as persons' names: each name of one to four words that
/// start with a capital (particles and initials aside), without digits.
fn looks_like_person(names: &str) -> bool {
    names
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and ").flat_map(|part| part.split(" und ")))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .all(|name| {
            let words: Vec<&str> = name.split(' ').collect();
            (1..=MAX_NAME_WORDS).contains(&words.len())
                && !name.chars().any(|c| c.is_ascii_digit())
                && words.iter().all(|word| {
                    word.starts_with(char::is_uppercase)
                        || NAME_PARTICLES.contains(&word.to_lowercase().as_str())
                })
        })
}

/// What a page calls its site, publisher and other organisations, to tell an author that is
/// one of them from a person.
struct OrganisationNames {
    /// Keys ([`crate::text::name_key`]) of the names.
    keys: NameKeys,
}

impl OrganisationNames {
    fn of<'a>(evidence: &'a Evidence, references: &jsonld::References<'a>) -> OrganisationNames {
        let declared = evidence
            .metas_for(ORGANISATION_META)
            .map(|name| name.trim_start_matches('@'));
        let json_ld = jsonld::objects(&evidence.json_ld).flat_map(|object| {
            let own = is_organisation(object)
                .then(|| object.get("name").and_then(serde_json::Value::as_str))
                .flatten();
            let publisher = object
                .get("publisher")
                .and_then(|publisher| match publisher {
                    serde_json::Value::String(name) => Some(name.as_str()),
                    serde_json::Value::Object(publisher) => {
                        let publisher = references.resolve(publisher);
                        let person = publisher
                            .get("@type")
                            .map(json_ld_strings)
                            .is_some_and(|types| types.contains(&"Person"));
                        (!person).then(|| publisher.get("name")?.as_str()).flatten()
                    }
                    _ => None,
                });
            own.into_iter().chain(publisher)
        });
        let host = evidence
            .canonical
            .as_deref()
            .into_iter()
            .chain(evidence.metas_for(&["og:url"]))
            .filter_map(site_of_url);
        let keys = declared
            .chain(json_ld)
            .map(name_key)
            .chain(host)
            .filter(|key| key.chars().count() >= MIN_ORGANISATION_KEY_CHARS);
        let keys = NameKeys::new(keys, MIN_CONTAINED_ORGANISATION_KEY_CHARS);
        OrganisationNames { keys }
    }

    /// Names without an organisation after them: "Rob Picheta, CNN" → "Rob Picheta".
    fn without_trailing(&self, names: String) -> String {
        match names.rsplit_once(", ") {
            Some((head, last)) if !head.is_empty() && self.names(last) => head.to_string(),
            _ => names,
        }
    }

    /// Whether an author name is an organisation's: one the page names, a domain name, or a
    /// word that stands for an editorial office rather than a person ([`NON_PERSON_AUTHORS`]).
    fn names(&self, author: &str) -> bool {
        let folded = author.to_lowercase();
        let key = name_key(author);
        self.keys.matches(&key)
            || folded.split_whitespace().any(|word| {
                is_domain_name(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            })
            || folded.contains("www.")
            || NON_PERSON_AUTHORS.contains(&folded.as_str())
    }
}

/// Whether a JSON-LD object is an organisation or a site rather than a person (a personal
/// site's owner is typed both).
fn is_organisation(object: &serde_json::Map<String, serde_json::Value>) -> bool {
    let types = object.get("@type").map(json_ld_strings).unwrap_or_default();
    types
        .iter()
        .any(|kind| ORGANISATION_SCHEMA_TYPES.contains(kind))
        && !types.contains(&"Person")
}

/// The site's name as its URL's host gives it: `https://www.example-news.de/a` → "examplenews".
fn site_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (name, _) = host.rsplit_once('.')?;
    let name = name.rsplit('.').next().unwrap_or(name);
    Some(name_key(name))
}

/// The name of a JSON-LD person: a string, or an object's `name`, following an `@id`
/// reference to the object it names; with whether the object is an organisation.
fn person_name<'a>(
    references: &jsonld::References<'a>,
    value: &'a serde_json::Value,
) -> Option<(&'a str, bool)> {
    match value {
        serde_json::Value::String(name) => Some((name, false)),
        serde_json::Value::Object(person) => {
            let person = references.resolve(person);
            Some((person.get("name")?.as_str()?, is_organisation(person)))
        }
        _ => None,
    }
}

/// An author string cut down to the names: "By" and its translations go, and so does a
/// label before them ("Post author By …", "Recipe by …", "Posted on 3 May 2020 by …"),
/// what follows the names in a byline ("| 3 min read", "on 19 March", "Updated …") and a job
/// title after them ("Senior Writer", "Founder at …"). `None` when nothing name-like is left:
/// a URL, a number, or a sentence rather than a name.
fn clean_author(author: &str) -> Option<String> {
    // Soft hyphens and zero-width marks are typesetting, not part of the name.
    let author: String = html_escape::decode_html_entities(author)
        .chars()
        .filter(|c| !INVISIBLE_CHARS.contains(c))
        .collect();
    let author = collapse_whitespace(&author);
    let author =
        author.trim_start_matches(|c: char| c.is_whitespace() || LEADING_NAME_MARKS.contains(&c));
    if let Some(name) = cjk_byline_name(author) {
        return Some(name.to_string());
    }
    // Prefixes may come in twos: "Text by …".
    let mut rest = strip_author_prefix(strip_author_prefix(author));
    if let Some(after) = after_label(rest) {
        rest = strip_author_prefix(after);
    }
    if let Some(cut) = AUTHOR_SEPARATORS
        .iter()
        .filter_map(|separator| rest.find(separator))
        .min()
    {
        rest = &rest[..cut];
    }
    let unglued = unglue_trailers(rest);
    let tokens: Vec<&str> = unglued.split(' ').collect();
    let end = (0..tokens.len())
        .find(|&i| {
            let token = tokens[i];
            let lower = token.to_lowercase();
            let starts_with_digit = token.starts_with(|c: char| c.is_ascii_digit());
            let next_is_number = tokens
                .get(i + 1)
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
            let is_month = MONTH_NAMES
                .iter()
                .any(|(name, _)| *name == lower.trim_end_matches(['.', ',']));
            // A date, or a bare count or id ("Emily Burack 8", "HansEhrlich 6709", a badge's
            // "1,655"), a social media handle ("@wperdomod").
            (starts_with_digit && token.contains(['.', '/', ':', ',']))
                || (i > 0 && token.starts_with('@'))
                || (!token.is_empty() && token.chars().all(|c| c.is_ascii_digit()))
                || (AUTHOR_DATE_CONNECTORS.contains(&lower.as_str()) && next_is_number)
                || (is_month && next_is_number)
                || AUTHOR_TRAILERS.contains(&lower.trim_end_matches([':', ',']))
        })
        .unwrap_or(tokens.len());
    // A connector or a short weekday left before a cut-off date goes with it ("Anna Schmidt
    // am", "Tomas Spahn Fr").
    let cut = end < tokens.len();
    let mut tokens = &tokens[..end];
    while let Some((last, head)) = tokens.split_last() {
        let last = last.to_lowercase();
        let last = last.trim_end_matches([',', '.']);
        let trails =
            AUTHOR_DATE_CONNECTORS.contains(&last) || cut && SHORT_WEEKDAYS.contains(&last);
        if !trails {
            break;
        }
        tokens = head;
    }
    let tokens = without_avatar_initials(tokens);
    let tokens = without_job_title(&tokens);
    let name = tokens.join(" ");
    let mut name = name.trim_matches(|c: char| {
        c.is_whitespace() || LEADING_NAME_MARKS.contains(&c) || TRAILING_NAME_MARKS.contains(&c)
    });
    // A full stop after a credential ("Shelby Loos, DVM."), unlike an initial's or an
    // abbreviation's ("Jeff T.", "Cerebral Inc.").
    if let Some(head) = name.strip_suffix('.') {
        let last = head.rsplit(' ').next().unwrap_or(head);
        if last.chars().count() > 1 && last.chars().all(|c| c.is_uppercase()) {
            name = head;
        }
    }
    // A list of many names may be long; one name or a sentence is not.
    let chars = name.chars().count();
    let short_enough = chars <= MAX_AUTHOR_CHARS
        || chars <= MAX_AUTHOR_LIST_CHARS && name.contains([',', ';']) && looks_like_person(name);
    // A sentence in an author field: several words that are neither capitalised nor
    // particles ("Katie Couric New Yorkers post their feelings about Trump election").
    let small_words = name
        .split_whitespace()
        .filter(|word| {
            word.starts_with(char::is_lowercase)
                && !NAME_PARTICLES.contains(&word.to_lowercase().as_str())
                && !["and", "und", "et", "y"].contains(word)
        })
        .count();
    let name_like = !name.is_empty()
        && small_words <= MAX_AUTHOR_SMALL_WORDS
        && !AUTHOR_PREFIXES
            .iter()
            .any(|prefix| prefix.eq_ignore_ascii_case(name))
        && !name.contains("://")
        && name.chars().any(char::is_alphabetic)
        && short_enough;
    name_like.then(|| name.to_string())
}

/// The name after a Chinese or Japanese author label anywhere in a short line
/// ([`CJK_AUTHOR_LABELS`]: "2005年07月03日 来源：新华网 作者：张伟" → "张伟"): the characters
/// after the label's colon up to the next space, separator or bracket.
pub(super) fn cjk_byline_name(text: &str) -> Option<&str> {
    // Every label is Chinese or Japanese: most lines of most pages have no such character,
    // and this runs on every short line of the page.
    if text.is_ascii() || !text.chars().any(crate::text::is_written_without_spaces) {
        return None;
    }
    CJK_AUTHOR_LABELS.iter().find_map(|label| {
        text.match_indices(label).find_map(|(at, _)| {
            // A label ends a word of its own: not "文" inside "中文：".
            let before = text[..at].chars().next_back();
            if before.is_some_and(char::is_alphabetic) {
                return None;
            }
            let rest = text[at + label.len()..].strip_prefix(['：', ':'])?;
            let rest = rest.trim_start();
            let end = rest
                .find(|c: char| c.is_whitespace() || "|｜/／,，、;；()（）[]【】<>《》".contains(c))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            (!name.is_empty() && name.chars().count() <= CJK_AUTHOR_MAX_CHARS).then_some(name)
        })
    })
}

/// The byline without a leading "By", "Von", "Written by:" …
fn strip_author_prefix(byline: &str) -> &str {
    for prefix in AUTHOR_PREFIXES {
        if let Some(head) = byline.get(..prefix.len()) {
            let after = &byline[prefix.len()..];
            // "ByTrevor Jones": markup that set the prefix apart was lost, and a capital
            // right after the prefix's lowercase end shows where the name starts.
            let glued = head.ends_with(|c: char| c.is_lowercase())
                && after.starts_with(|c: char| c.is_uppercase());
            if head.eq_ignore_ascii_case(prefix) && (after.starts_with([' ', ':']) || glued) {
                return byline[prefix.len()..].trim_start_matches([' ', ':']);
            }
        }
    }
    byline
}

/// What follows a short label that ends in a byline prefix ("Post author By Helge",
/// "Recipe by PJ Hamel", "Posted on September 21, 2020 by Adi Tzlil", "Ein Artikel von Pamela
/// Sladky"): the names. A credit after the names ("Rob Ewaschuk Edited by Betsy Beyer") is not
/// a label.
fn after_label(byline: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = byline
        .split(' ')
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .collect();
    (1..words.len().min(MAX_BYLINE_LABEL_WORDS + 1)).find_map(|i| {
        let (start, word) = words[i];
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches(':');
        let previous = words[i - 1].1.to_lowercase();
        let two = format!("{previous} {lower}");
        let prefix = INNER_AUTHOR_PREFIXES.contains(&lower)
            || AUTHOR_PREFIXES.contains(&two.as_str()) && two.contains(' ');
        let credit = AUTHOR_TRAILERS.contains(&previous.trim_end_matches([':', ',']));
        let (_, next) = words.get(i + 1)?;
        let name_follows =
            next.starts_with(char::is_uppercase) || i + 2 == words.len() && !next.is_empty();
        (prefix && !credit && name_follows).then(|| byline[start + word.len()..].trim_start())
    })
}

/// "Luke KimDecember 17", "John WarrenReviewed": a trailer word glued to the name where markup
/// set it apart, split off.
fn unglue_trailers(byline: &str) -> String {
    byline
        .split(' ')
        .map(|token| {
            let glue = token.char_indices().skip(1).find_map(|(i, c)| {
                let before = token[..i].chars().last()?;
                (before.is_lowercase() && c.is_uppercase()).then_some(i)
            });
            match glue {
                Some(i) => {
                    let tail = token[i..].to_lowercase();
                    let tail = tail.trim_end_matches([',', ':', '.']);
                    let known = AUTHOR_TRAILERS.contains(&tail)
                        || JOB_TITLE_WORDS.contains(&tail)
                        || MONTH_NAMES.iter().any(|(name, _)| *name == tail);
                    if known {
                        format!("{} {}", &token[..i], &token[i..])
                    } else {
                        token.to_string()
                    }
                }
                None => token.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names without the initials of an avatar placeholder written before or after them
/// ("CM Craig McCarthy", "JosephF J").
fn without_avatar_initials<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    let mut tokens = tokens.to_vec();
    let initial = |token: &str| token.chars().next().map(|c| c.to_uppercase().to_string());
    // Leading initials that spell the names after them.
    if let Some(first) = tokens.first() {
        let letters = first.chars().count();
        let is_initials = (1..=3).contains(&letters)
            && first.chars().all(|c| c.is_uppercase())
            && tokens.len() > letters;
        if is_initials {
            let spelled: String = tokens[1..=letters]
                .iter()
                .filter_map(|token| initial(token))
                .collect();
            if spelled == *first {
                tokens.remove(0);
            }
        }
    }
    // A trailing letter that is the first of the name.
    if tokens.len() >= 2 {
        let last = tokens[tokens.len() - 1];
        let is_letter = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
        if is_letter && initial(tokens[0]).as_deref() == Some(last) {
            tokens.pop();
        }
    }
    tokens
}

/// The names without a job title after them: "Keith Barry Senior Autos Reporter" → "Keith
/// Barry", "Zackery Cuevas Writer, Hardware" → "Zackery Cuevas". Without a comma to set it
/// apart, the title takes every word after the first two of the name (three when the second is
/// an initial or a particle: "Michael J. Fox", "Ludwig van Beethoven").
fn without_job_title<'a, 'b>(tokens: &'a [&'b str]) -> &'a [&'b str] {
    let is_title = |token: &&str| {
        let lower = token.to_lowercase();
        let lower = lower.trim_end_matches([',', ':', '.', ';']);
        JOB_TITLE_WORDS.contains(&lower) || JOB_TITLE_MODIFIERS.contains(&lower)
    };
    let Some(first_title) = tokens.iter().skip(1).position(is_title).map(|i| i + 1) else {
        return tokens;
    };
    // "Name, Title": the comma ends the name.
    if let Some(comma) = tokens[..first_title]
        .iter()
        .position(|token| token.ends_with(','))
    {
        return &tokens[..=comma];
    }
    let second = tokens.get(1).copied().unwrap_or_default();
    let particle = NAME_PARTICLES.contains(&second.to_lowercase().as_str())
        || second.trim_end_matches('.').chars().count() == 1;
    let name_words = if particle { 3 } else { 2 };
    // "Podium Staff", "SFist Contributor": a title after a single word is all there is.
    if first_title < 2 {
        return tokens;
    }
    &tokens[..first_title.min(name_words)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    use crate::metadata::from_html;

    #[test]
    fn bylines_are_cut_down_to_the_names() {
        for (byline, name) in [
            ("By Ann Lee | 3 min read", "Ann Lee"),
            ("Von Anna Schmidt am 19.03.2017", "Anna Schmidt"),
            ("Written by: Ann Lee, Updated March 3", "Ann Lee"),
            ("par Jean Dupont le 19 mars 2017", "Jean Dupont"),
            ("Ann Lee 19/03/2017", "Ann Lee"),
            ("Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"),
            ("Isabella Bauer am Samstag", "Isabella Bauer"),
            ("Interview: Julia Lauter", "Julia Lauter"),
            ("Redacci&oacute;n Diario", "Redacción Diario"),
            ("Michael Dougherty says", "Michael Dougherty"),
            ("Nathan Willis March 25, 2015", "Nathan Willis"),
            ("Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"),
            ("Nicolas Perriault —", "Nicolas Perriault"),
            ("View all posts by Daniel Lemire", "Daniel Lemire"),
            ("Emily Burack 8", "Emily Burack"),
            ("ByTrevor Jones", "Trevor Jones"),
            ("Written byAnn Lee", "Ann Lee"),
            ("Authors:Ann Lee, Bo Chen", "Ann Lee, Bo Chen"),
            ("Byron Katie", "Byron Katie"),
            ("BYRON KATIE", "BYRON KATIE"),
            ("Vonda Shepard", "Vonda Shepard"),
        ] {
            assert_eq!(clean_author(byline).as_deref(), Some(name), "{byline}");
        }
        assert_eq!(clean_author("https://example.org/ann"), None);
        assert_eq!(clean_author("1234"), None);
        assert_eq!(clean_author("Last Updated: January 7, 2025"), None);
        assert_eq!(clean_author("By"), None);
        assert_eq!(clean_author("Follow"), None);
    }

    #[test]
    fn labels_credits_titles_badges_and_avatars_are_cut_from_bylines() {
        for (byline, name) in [
            // A label before the names.
            ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),
            ("Recipe by PJ Hamel", "PJ Hamel"),
            ("Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil"),
            (
                "Ein Artikel von Pamela Sladky | 27.01.2022",
                "Pamela Sladky",
            ),
            ("Text by Hunter Dukes", "Hunter Dukes"),
            // Credits and filing after the names.
            (
                "Shelby Loos, DVM. Reviewed by Molly Price, DVM",
                "Shelby Loos, DVM",
            ),
            ("Jane Doe, photos by John Roe", "Jane Doe"),
            ("Nesselsetzer under Allgemein", "Nesselsetzer"),
            // Job titles.
            ("Keith Barry Senior Autos Reporter", "Keith Barry"),
            ("Zackery Cuevas Writer, Hardware", "Zackery Cuevas"),
            ("Mateusz HabernyFounder at Oakywood", "Mateusz Haberny"),
            (
                "Brett Cruz, Privacy and Digital Security Expert",
                "Brett Cruz",
            ),
            ("Michael J. Fox Staff Writer", "Michael J. Fox"),
            ("Podium Staff", "Podium Staff"),
            // Badges, dates glued on, handles, avatar initials, stray marks.
            ("drat 1,65511 gold badge1414 silver badges", "drat"),
            ("Luke KimDecember 17", "Luke Kim"),
            ("Williams Perdomo @wperdomod", "Williams Perdomo"),
            ("Tomas Spahn Fr, 19.03.2021", "Tomas Spahn"),
            ("CM Craig McCarthy", "Craig McCarthy"),
            ("JosephF J", "JosephF"),
            ("~ Cem Basman", "Cem Basman"),
            ("\"David Kim\"", "David Kim"),
            ("Angela Holliday-Bell, MD*", "Angela Holliday-Bell, MD"),
            ("© Kathrin Führes", "Kathrin Führes"),
            ("Jeff T.", "Jeff T."),
            ("Cerebral Inc.", "Cerebral Inc."),
        ] {
            assert_eq!(clean_author(byline).as_deref(), Some(name), "{byline}");
        }
        assert_eq!(clean_author("by Copyright © 2015 Heise Medien"), None);
    }

    #[test]
    fn a_site_or_organisation_gives_way_to_a_person() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // The site's name as author, and a person in the byline.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Daily Planet">
                <meta name="author" content="Daily Planet"><h1>T</h1>
                <span class="byline">By Lois Lane</span>"#
            )
            .as_deref(),
            Some("Lois Lane")
        );
        // A domain name or an account is no person either.
        assert_eq!(
            author(r#"<meta name="author" content="admin"><span class="author">Ann Lee</span>"#)
                .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            author(
                r#"<link rel="canonical" href="https://www.planet-news.de/a">
                <meta name="author" content="planet-news.de"><span class="author">Ann Lee</span>"#
            )
            .as_deref(),
            Some("Ann Lee")
        );
        // Without a person, the organisation is the author.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Daily Planet">
                <meta name="author" content="Daily Planet">"#
            )
            .as_deref(),
            Some("Daily Planet")
        );
        // Only a name outranks the site, not the leftovers of some box.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="Freewrite Store">
                <meta name="author" content="Freewrite Store">
                <span class="author">1,677 new writers this month</span>"#
            )
            .as_deref(),
            Some("Freewrite Store")
        );
        // JSON-LD types an organisation; a personal site's owner is typed a person too.
        let typed = |types: &str| {
            author(&format!(
                r#"<script type="application/ld+json">{{"@type": "Article",
                "author": {{"@type": {types}, "name": "Andreas Kalt"}}}}</script>
                <span class="author">Thomas Mann</span>"#
            ))
        };
        assert_eq!(typed(r#""Organization""#).as_deref(), Some("Thomas Mann"));
        assert_eq!(
            typed(r#"["Person", "Organization"]"#).as_deref(),
            Some("Andreas Kalt")
        );
    }

    #[test]
    fn placeholders_sentences_first_names_and_trailing_organisations() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // A placeholder is never the author.
        assert_eq!(author(r#"<meta name="author" content="No Author">"#), None);
        // Nor a sentence in the author field.
        assert_eq!(
            author(
                r#"<meta name="author" content="Katie Couric New Yorkers post their feelings about Trump election in subway">"#
            ),
            None
        );
        // A first name gives way to the full name a later source writes.
        assert_eq!(
            author(r#"<meta name="author" content="Nils"><h1>T</h1><p>Von Nils Pickert</p>"#)
                .as_deref(),
            Some("Nils Pickert")
        );
        // An account's name is whole.
        assert_eq!(
            author(
                r#"<meta name="author" content="FutureBSD"><span class="author">FutureBSD New Head-Fier</span>"#
            )
            .as_deref(),
            Some("FutureBSD")
        );
        // The site after the names.
        assert_eq!(
            author(
                r#"<meta property="og:site_name" content="CNN">
                <meta name="author" content="Rob Picheta, CNN">"#
            )
            .as_deref(),
            Some("Rob Picheta")
        );
    }

    #[test]
    fn pictures_and_comments_in_json_ld_have_their_own_authors() {
        let html = Html::parse_document(
            r#"<script type="application/ld+json">[
            {"@type": "ImageObject", "author": "Getty Images"},
            {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Dieter Sieckmeyer"}],
             "comment": [{"@type": "Comment", "author": "Mareike"}]}]</script>"#,
        );
        assert_eq!(
            from_html(&html).author.as_deref(),
            Some("Dieter Sieckmeyer")
        );
        // Soft hyphens set in a name are no part of it.
        assert_eq!(
            clean_author("Von Mat\u{ad}thi\u{ad}as Lauerer").as_deref(),
            Some("Matthias Lauerer")
        );
    }

    #[test]
    fn dated_bylines_and_notes_after_the_names() {
        let author =
            |body: &str| from_html(&Html::parse_document(&format!("<body>{body}</body>"))).author;
        assert_eq!(
            author("<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>T</h1>").as_deref(),
            Some("Uta Helkenberg")
        );
        assert_eq!(
            author(
                "<h1>T</h1><div>05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>"
            )
            .as_deref(),
            Some("Eberhard Fuhr")
        );
        // An office alone is a name the byline gives, not a prefix.
        assert_eq!(
            author(r#"<span class="author">Redaktion</span>"#).as_deref(),
            Some("Redaktion")
        );
    }

    #[test]
    fn authors_from_more_kinds_of_declaration() {
        let author = |html: &str| from_html(&Html::parse_document(html)).author;
        // One tag per author on scholarly pages.
        assert_eq!(
            author(
                r#"<meta name="dc.creator" content="Ann Lee">
                <meta name="citation_author" content="Ann Lee">
                <meta name="citation_author" content="Bo Chen">"#
            )
            .as_deref(),
            Some("Ann Lee; Bo Chen")
        );
        // A link preview's "Written by" label.
        assert_eq!(
            author(
                r#"<meta name="twitter:label1" content="Written by">
                <meta name="twitter:data1" content="Tyler Brown">"#
            )
            .as_deref(),
            Some("Tyler Brown")
        );
        // RDFa properties listed in one attribute; Dublin Core's creator first.
        assert_eq!(
            author(
                r#"<meta property="dc:creator twitter:site_name" content="Creator Name">
                <meta name="author" content="Other Name">"#
            )
            .as_deref(),
            Some("Creator Name")
        );
        // A list of many names is not too long to be a name.
        let many = "Nicholas Collins, Scott Munro, Matt De La O, Vineet Asthana, \
                    Rory O'Sullivan, Corey Maurer, Hamish Shah, Philipp Bose";
        assert_eq!(
            author(&format!(r#"<meta name="author" content="{many}">"#)).as_deref(),
            Some(many)
        );
    }

    #[test]
    fn bylines_written_without_markup_are_found() {
        let author =
            |body: &str| from_html(&Html::parse_document(&format!("<body>{body}</body>"))).author;
        for (body, name) in [
            (
                "<h1>T</h1><div><span>Posted by Konstantin</span></div>",
                "Konstantin",
            ),
            (
                "<h1>T</h1><p>Written by</p><p>Edzel Tabing</p>",
                "Edzel Tabing",
            ),
            (
                "<h1>T</h1><p><strong>Text:</strong> Klausmartin Friedrich</p>",
                "Klausmartin Friedrich",
            ),
            (
                r#"<h1>T</h1><span>By <a href="/a/sofia">Sofia Gonzalez</a></span>"#,
                "Sofia Gonzalez",
            ),
            (
                "<h1>T</h1><p>11.12.2019 - Amelie Loevenich</p>",
                "Amelie Loevenich",
            ),
        ] {
            assert_eq!(author(body).as_deref(), Some(name), "{body}");
        }
        // Menus and sentences that open with "By" or "Von" are not bylines.
        for body in [
            r#"<h4>By Event Type</h4><ul><li>Conferences</li></ul><h1>T</h1>"#,
            r#"<li><a href="/i">By Industry Sector</a></li><h1>T</h1>"#,
            "<h1>T</h1><p>By 2030, prices will rise.</p>",
            "<h1>T</h1><p>Von Anfang an</p>",
            "<h1>T</h1><p>By Category</p>",
        ] {
            assert_eq!(author(body), None, "{body}");
        }
    }

    #[test]
    fn json_ld_authors_come_first_and_lists_are_joined() {
        let html = Html::parse_document(
            r#"<meta name="author" content="Site Team"><script type="application/ld+json">
            {"@graph": [{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ann Lee"},
            "Bo Chen"]}]}</script>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Ann Lee; Bo Chen"));
    }

    #[test]
    fn commenters_and_form_labels_are_not_the_author() {
        let html = Html::parse_document(
            r#"<article><p>Text</p></article>
            <section class="comments"><span class="comment-author">Aylin</span></section>
            <form><label class="author">Name *</label></form>
            <footer><span class="byline">Anna Schmidt</span></footer>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Anna Schmidt"));
    }

    #[test]
    fn author_urls_are_not_names() {
        let html = Html::parse_document(
            r#"<meta property="article:author" content="https://facebook.com/x"><a rel=author>by Ann Lee</a>"#,
        );
        assert_eq!(from_html(&html).author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn chinese_and_japanese_bylines_give_the_name_after_the_label() {
        assert_eq!(
            cjk_byline_name("2005年07月03日 10:25　来源：新华网　作者：张伟"),
            Some("张伟")
        );
        assert_eq!(
            cjk_byline_name("記者：山田太郎　2012年10月5日 発行"),
            Some("山田太郎")
        );
        assert_eq!(cjk_byline_name("（记者: 李明）"), Some("李明"));
        // A label inside a word, a source alone, or no name: no author.
        assert_eq!(cjk_byline_name("中文：简体"), None);
        assert_eq!(cjk_byline_name("来源：新华网"), None);
        assert_eq!(cjk_byline_name("作者："), None);
    }
}
