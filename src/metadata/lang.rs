//! The language: the declared tag (`lang` attribute, language meta tags) normalised, and
//! checked against the article text by language detection.

use crate::vocab::{
    LANGS_NEVER_OVERRULING, LANG_DETECTION_SAMPLE_BYTES, LANG_QUICK_SAMPLE_BYTES,
    MIN_LANG_CONFIDENCE, MIN_LANG_DETECTION_CHARS, SAME_LANGS,
};

/// The page's language: the declared one, unless the article text is long enough to tell
/// and reliably in another language (a template's `lang="en"` on a German article), or the
/// detected one when the page declares none. A declared region (`de-AT`) is kept when the
/// language agrees.
///
/// ```
/// let german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für neue \
///     Gebäude vorläufig zu stoppen, weil die Mittel des Programms bereits ausgeschöpft sind \
///     und die Nachfrage in den vergangenen Wochen stark gestiegen ist. Die Branche kritisiert \
///     den Schritt und fordert eine schnelle Nachfolgeregelung für alle Antragsteller.";
/// assert_eq!(dechaff::metadata::checked_lang(Some("en"), german).as_deref(), Some("de"));
/// assert_eq!(dechaff::metadata::checked_lang(Some("de-AT"), german).as_deref(), Some("de-AT"));
/// assert_eq!(dechaff::metadata::checked_lang(Some("fr"), "Kurz.").as_deref(), Some("fr"));
/// ```
pub fn checked_lang(declared: Option<&str>, text: &str) -> Option<String> {
    if text.len() < MIN_LANG_DETECTION_CHARS {
        return declared.map(str::to_string);
    }
    // A sample from the start is as telling as the whole text, and costs a fixed amount.
    let sample = |bytes: usize| {
        let mut end = text.len().min(bytes);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let code =
        |info: &whatlang::Info| isolang::Language::from_639_3(info.lang().code())?.to_639_1();
    let primary = declared.map(|declared| {
        declared
            .split('-')
            .next()
            .unwrap_or(declared)
            .to_ascii_lowercase()
    });
    let agrees = |detected: &str| {
        primary.as_deref().is_some_and(|primary| {
            primary == detected
                || SAME_LANGS
                    .iter()
                    .any(|&(a, b)| (a, b) == (primary, detected) || (b, a) == (primary, detected))
        })
    };
    // Most pages declare their language rightly: a short sample that agrees settles it, and
    // only a disagreement pays for the full sample.
    let quick = whatlang::detect(sample(LANG_QUICK_SAMPLE_BYTES));
    if quick.as_ref().and_then(code).is_some_and(agrees) {
        return declared.map(str::to_string);
    }
    let detected = whatlang::detect(sample(LANG_DETECTION_SAMPLE_BYTES))
        .filter(|info| info.is_reliable() && info.confidence() >= MIN_LANG_CONFIDENCE)
        .and_then(|info| code(&info));
    match (declared, detected) {
        (Some(_), Some(detected))
            if !agrees(detected) && !LANGS_NEVER_OVERRULING.contains(&detected) =>
        {
            Some(detected.to_string())
        }
        (Some(declared), _) => Some(declared.to_string()),
        (None, detected) => detected.map(str::to_string),
    }
}

/// `en_us` → `en-US`; rejects values that are not language tags.
pub(super) fn normalize_lang(lang: &str) -> Option<String> {
    let lang = lang.trim().replace('_', "-");
    let mut parts = lang.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary;
    for part in parts {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        if part.len() == 2 {
            tag.push_str(&part.to_ascii_uppercase());
        } else {
            tag.push_str(part);
        }
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn langs_are_normalised() {
        assert_eq!(normalize_lang("de_at").as_deref(), Some("de-AT"));
        assert_eq!(normalize_lang("EN").as_deref(), Some("en"));
        assert_eq!(normalize_lang("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize_lang("english"), None);
    }
}
