//! Measuring extraction against a labelled dataset.
//!
//! A dataset is a folder with `pages/<id>.html.gz` (or `.txt.gz`) and `truth.jsonl`, the layout
//! of the benchmark sets (see `docs/evaluation.md`). Predictions are records with `id` and
//! `text` (and optionally `title`, `author`, `date`): dechaff's own output, or any other tool's
//! output in the same shape. The metric definitions are in [`metrics`].

pub mod guard;
pub mod metrics;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead};
use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use metrics::{
    author_matches, date_matches, shingle_counts, snippet_counts, title_matches, word_prf,
    Accuracy, Prf, ShingleScore, SnippetScore, WordScore,
};

/// Suffixes removed from page file names and record ids to get the dataset id.
const PAGE_SUFFIXES: &[&str] = &[
    ".html.gz", ".txt.gz", ".htm.gz", ".html", ".htm", ".txt", ".gz",
];

/// Characters of a missed or wrongly kept passage shown for a worst page.
const EXCERPT_CHARS: usize = 160;

/// A paragraph counts as missed (or wrongly kept) when fewer than this share of its words occur
/// in the other text.
const EXCERPT_MAX_COVERAGE: f64 = 0.5;

/// The dataset id of a page file name or record id: `0001.html.gz` → `0001`.
///
/// ```
/// assert_eq!(dechaff::eval::page_key("0001.html.gz"), "0001");
/// assert_eq!(dechaff::eval::page_key("pages/x.txt.gz"), "x");
/// assert_eq!(dechaff::eval::page_key("plain-id"), "plain-id");
/// ```
pub fn page_key(id: &str) -> &str {
    let name = id.rsplit('/').next().unwrap_or(id);
    PAGE_SUFFIXES
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name)
}

/// What a dataset says about one page. Every field but `id` may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Truth {
    /// Dataset id.
    pub id: String,
    /// The page's URL.
    pub url: Option<String>,
    /// Page type (article, forum, …).
    pub page_type: Option<String>,
    /// The main content.
    pub text: Option<String>,
    /// Snippets that must appear in the output.
    pub with: Vec<String>,
    /// Snippets that must not appear in the output.
    pub without: Vec<String>,
    /// Expected title.
    pub title: Option<String>,
    /// Expected author.
    pub author: Option<String>,
    /// Expected date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// What an extractor said about one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    /// Extracted text (empty when none).
    pub text: String,
    /// Extracted title.
    pub title: Option<String>,
    /// Extracted author.
    pub author: Option<String>,
    /// Extracted date.
    pub date: Option<String>,
}

fn string_field(object: &Map<String, Value>, name: &str) -> Option<String> {
    match object.get(name)? {
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

fn strings_field(object: &Map<String, Value>, name: &str) -> Vec<String> {
    match object.get(name) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(text)) => vec![text.clone()],
        _ => Vec::new(),
    }
}

/// Reads JSON objects from JSONL (gzip or not); a line that is not an object is an error naming
/// the line.
fn read_objects(path: &Path) -> io::Result<Vec<Map<String, Value>>> {
    let reader = crate::input::open_reader(path)?;
    let mut objects = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let object = serde_json::from_str(&line).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} line {}: {error}", path.display(), index + 1),
            )
        })?;
        objects.push(object);
    }
    Ok(objects)
}

/// Reads `truth.jsonl` of a dataset folder.
pub fn load_truth(dataset: &Path) -> io::Result<Vec<Truth>> {
    read_objects(&dataset.join("truth.jsonl"))?
        .into_iter()
        .map(|object| {
            let id = match object.get("id") {
                Some(Value::String(id)) => id.clone(),
                Some(Value::Number(id)) => id.to_string(),
                _ => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "truth record without id",
                    ))
                }
            };
            Ok(Truth {
                id,
                url: string_field(&object, "url"),
                page_type: string_field(&object, "type"),
                text: string_field(&object, "text"),
                with: strings_field(&object, "with"),
                without: strings_field(&object, "without"),
                title: string_field(&object, "title"),
                author: string_field(&object, "author"),
                date: string_field(&object, "date"),
            })
        })
        .collect()
}

/// Reads predictions (JSONL with `id` and `text`, gzip or not), keyed by dataset id.
pub fn load_predictions(path: &Path) -> io::Result<HashMap<String, Prediction>> {
    Ok(read_objects(path)?
        .into_iter()
        .filter_map(|object| {
            let id = match object.get("id")? {
                Value::String(id) => id.clone(),
                Value::Number(id) => id.to_string(),
                _ => return None,
            };
            Some((page_key(&id).to_string(), prediction_from(&object)))
        })
        .collect())
}

fn prediction_from(object: &Map<String, Value>) -> Prediction {
    Prediction {
        text: string_field(object, "text").unwrap_or_default(),
        title: string_field(object, "title"),
        author: string_field(object, "author"),
        date: string_field(object, "date"),
    }
}

/// Predictions from dechaff's own JSONL output, keyed by dataset id.
pub fn predictions_from_jsonl(output: &str) -> HashMap<String, Prediction> {
    output
        .lines()
        .filter_map(|line| serde_json::from_str::<Map<String, Value>>(line).ok())
        .filter_map(|object| {
            let id = object.get("id")?.as_str()?.to_string();
            Some((page_key(&id).to_string(), prediction_from(&object)))
        })
        .collect()
}

/// Corpus figures for a set of pages; each is `None` where no page's truth has what it needs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Pages in the set.
    pub pages: usize,
    /// Macro word F1 (mean of per-page F1), with mean precision and recall.
    pub word: Option<Prf>,
    /// Shingle F1 (scrapinghub definition).
    pub shingle: Option<Prf>,
    /// Snippet F1 (trafilatura definition).
    pub snippet: Option<Prf>,
    /// Title accuracy over pages whose truth has a title.
    pub title: Option<f64>,
    /// Author accuracy over pages whose truth has an author.
    pub author: Option<f64>,
    /// Date accuracy over pages whose truth has a date.
    pub date: Option<f64>,
    /// Pages whose truth has a title, author, date.
    pub metadata_pages: [usize; 3],
}

#[derive(Default)]
struct Accumulator {
    pages: usize,
    word: WordScore,
    shingle: ShingleScore,
    snippet: SnippetScore,
    title: Accuracy,
    author: Accuracy,
    date: Accuracy,
}

impl Accumulator {
    fn add(&mut self, truth: &Truth, prediction: &Prediction, word: Option<Prf>) {
        self.pages += 1;
        if let (Some(text), Some(word)) = (&truth.text, word) {
            self.word.add(word);
            self.shingle.add(shingle_counts(&prediction.text, text));
        }
        if !truth.with.is_empty() || !truth.without.is_empty() {
            self.snippet.add(snippet_counts(
                &prediction.text,
                &truth.with,
                &truth.without,
            ));
        }
        if let Some(title) = &truth.title {
            self.title
                .add(title_matches(prediction.title.as_deref(), title));
        }
        if let Some(author) = &truth.author {
            self.author
                .add(author_matches(prediction.author.as_deref(), author));
        }
        if let Some(date) = &truth.date {
            self.date
                .add(date_matches(prediction.date.as_deref(), date));
        }
    }

    fn figures(&self) -> Figures {
        Figures {
            pages: self.pages,
            word: self.word.mean(),
            shingle: self.shingle.result(),
            snippet: self.snippet.result(),
            title: self.title.result(),
            author: self.author.result(),
            date: self.date.result(),
            metadata_pages: [self.title.pages(), self.author.pages(), self.date.pages()],
        }
    }
}

/// One of the worst pages, with what went wrong.
#[derive(Debug, Clone, Serialize)]
pub struct WorstPage {
    /// Dataset id.
    pub id: String,
    /// Page type, if known.
    pub page_type: Option<String>,
    /// Word precision, recall, F1 of the page.
    pub word: Prf,
    /// The start of the first truth paragraph the output mostly lacks.
    pub missed: Option<String>,
    /// The start of the first output paragraph the truth mostly lacks.
    pub kept: Option<String>,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Pages in the truth.
    pub pages: usize,
    /// Truth pages for which no prediction was found (scored as empty output).
    pub missing_predictions: usize,
    /// Figures over all pages.
    pub overall: Figures,
    /// Figures per page type, where the truth has types.
    pub by_type: BTreeMap<String, Figures>,
    /// The worst pages by word F1, worst first.
    pub worst: Vec<WorstPage>,
}

/// Scores predictions against the truth; `worst` is how many worst pages to report.
pub fn evaluate(
    truths: &[Truth],
    predictions: &HashMap<String, Prediction>,
    worst: usize,
) -> Report {
    let empty = Prediction::default();
    let mut overall = Accumulator::default();
    let mut by_type: BTreeMap<String, Accumulator> = BTreeMap::new();
    let mut ranked: Vec<(&Truth, &Prediction, Prf)> = Vec::new();
    let mut missing = 0;
    for truth in truths {
        let prediction = predictions.get(&truth.id).unwrap_or_else(|| {
            missing += 1;
            &empty
        });
        let word = truth
            .text
            .as_deref()
            .map(|text| word_prf(&prediction.text, text));
        overall.add(truth, prediction, word);
        if let Some(page_type) = &truth.page_type {
            by_type
                .entry(page_type.clone())
                .or_default()
                .add(truth, prediction, word);
        }
        if let Some(word) = word {
            ranked.push((truth, prediction, word));
        }
    }
    ranked.sort_by(|a, b| a.2.f1.total_cmp(&b.2.f1).then_with(|| a.0.id.cmp(&b.0.id)));
    let worst = ranked
        .into_iter()
        .take(worst)
        .map(|(truth, prediction, word)| {
            let truth_text = truth.text.as_deref().unwrap_or_default();
            WorstPage {
                id: truth.id.clone(),
                page_type: truth.page_type.clone(),
                word,
                missed: first_uncovered_paragraph(truth_text, &prediction.text),
                kept: first_uncovered_paragraph(&prediction.text, truth_text),
            }
        })
        .collect();
    Report {
        pages: truths.len(),
        missing_predictions: missing,
        overall: overall.figures(),
        by_type: by_type.into_iter().map(|(k, v)| (k, v.figures())).collect(),
        worst,
    }
}

/// The start of the first paragraph of `text` whose words mostly do not occur in `other`.
fn first_uncovered_paragraph(text: &str, other: &str) -> Option<String> {
    let other_words: std::collections::HashSet<String> =
        metrics::word_tokens(other).into_iter().collect();
    text.split("\n\n").find_map(|paragraph| {
        let words = metrics::word_tokens(paragraph);
        if words.is_empty() {
            return None;
        }
        let covered = words.iter().filter(|w| other_words.contains(*w)).count();
        ((covered as f64) < EXCERPT_MAX_COVERAGE * words.len() as f64).then(|| excerpt(paragraph))
    })
}

fn excerpt(paragraph: &str) -> String {
    let collapsed = crate::text::collapse_whitespace(paragraph);
    if collapsed.chars().count() <= EXCERPT_CHARS {
        collapsed
    } else {
        let cut: String = collapsed.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}…")
    }
}

/// The report as text for a terminal.
pub fn render_report(report: &Report) -> String {
    let mut out = String::new();
    let o = &report.overall;
    out.push_str(&format!(
        "{} pages{}\n\n",
        report.pages,
        if report.missing_predictions > 0 {
            format!(
                " ({} without a prediction, scored as empty output)",
                report.missing_predictions
            )
        } else {
            String::new()
        }
    ));
    out.push_str(&format!(
        "{:<18} {:>6} {:>6} {:>6}\n",
        "metric", "F1", "P", "R"
    ));
    for (name, prf) in [
        ("word", o.word),
        ("shingle", o.shingle),
        ("snippet", o.snippet),
    ] {
        if let Some(prf) = prf {
            out.push_str(&format!(
                "{:<18} {:>6.3} {:>6.3} {:>6.3}\n",
                name, prf.f1, prf.precision, prf.recall
            ));
        }
    }
    let accuracies = [("title", o.title), ("author", o.author), ("date", o.date)];
    for ((name, accuracy), pages) in accuracies.into_iter().zip(o.metadata_pages) {
        if let Some(accuracy) = accuracy {
            out.push_str(&format!(
                "{:<18} {:>6.3}   accuracy over {} pages\n",
                name, accuracy, pages
            ));
        }
    }
    if !report.by_type.is_empty() {
        out.push_str(&format!(
            "\n{:<18} {:>6} {:>8} {:>6} {:>6} {:>8}\n",
            "page type", "pages", "word F1", "P", "R", "snip F1"
        ));
        for (page_type, figures) in &report.by_type {
            let word = figures.word;
            let cell = |value: Option<f64>| value.map_or("-".to_string(), |v| format!("{v:.3}"));
            out.push_str(&format!(
                "{:<18} {:>6} {:>8} {:>6} {:>6} {:>8}\n",
                page_type,
                figures.pages,
                cell(word.map(|w| w.f1)),
                cell(word.map(|w| w.precision)),
                cell(word.map(|w| w.recall)),
                cell(figures.snippet.map(|s| s.f1)),
            ));
        }
    }
    if !report.worst.is_empty() {
        out.push_str(&match report.worst.len() {
            1 => "\nthe worst page by word F1:\n".to_string(),
            n => format!("\nworst {n} pages by word F1:\n"),
        });
        for page in &report.worst {
            out.push_str(&format!(
                "{}{}  F1 {:.3}  P {:.3}  R {:.3}\n",
                page.id,
                page.page_type
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default(),
                page.word.f1,
                page.word.precision,
                page.word.recall
            ));
            if let Some(missed) = &page.missed {
                out.push_str(&format!("    missed: {missed}\n"));
            }
            if let Some(kept) = &page.kept {
                out.push_str(&format!("    kept:   {kept}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn truth(id: &str, text: &str) -> Truth {
        Truth {
            id: id.into(),
            text: Some(text.into()),
            page_type: Some("article".into()),
            ..Truth::default()
        }
    }

    fn predictions(pairs: &[(&str, &str)]) -> HashMap<String, Prediction> {
        pairs
            .iter()
            .map(|(id, text)| {
                (
                    id.to_string(),
                    Prediction {
                        text: text.to_string(),
                        ..Prediction::default()
                    },
                )
            })
            .collect()
    }

    #[test]
    fn perfect_predictions_score_one_and_missing_ones_zero() {
        let truths = vec![
            truth("a", "One two three four five."),
            truth("b", "Six seven."),
        ];
        let perfect = evaluate(
            &truths,
            &predictions(&[("a", "One two three four five."), ("b", "Six seven.")]),
            0,
        );
        let word = perfect.overall.word.unwrap();
        assert_eq!((word.f1, word.precision, word.recall), (1.0, 1.0, 1.0));
        assert_eq!(perfect.overall.shingle.unwrap().f1, 1.0);
        let half = evaluate(
            &truths,
            &predictions(&[("a", "One two three four five.")]),
            5,
        );
        assert_eq!(half.missing_predictions, 1);
        assert_eq!(half.overall.word.unwrap().f1, 0.5);
        assert_eq!(half.worst[0].id, "b");
        assert_eq!(half.worst[0].missed.as_deref(), Some("Six seven."));
        assert_eq!(half.by_type["article"].pages, 2);
    }

    #[test]
    fn worst_pages_show_what_was_kept_wrongly() {
        let truths = vec![truth("a", "The story itself.\n\nMore of the story.")];
        let report = evaluate(
            &truths,
            &predictions(&[("a", "Home About Contact\n\nThe story itself.")]),
            1,
        );
        assert_eq!(report.worst[0].kept.as_deref(), Some("Home About Contact"));
        assert_eq!(report.worst[0].missed.as_deref(), None);
        let text = render_report(&report);
        assert!(text.contains("kept:   Home About Contact"), "{text}");
    }

    #[test]
    fn metadata_is_scored_only_where_the_truth_has_it() {
        let mut with_title = truth("a", "x");
        with_title.title = Some("A Title".into());
        let truths = vec![with_title, truth("b", "y")];
        let mut predicted = predictions(&[("a", "x"), ("b", "y")]);
        predicted.get_mut("a").unwrap().title = Some("a  title".into());
        let report = evaluate(&truths, &predicted, 0);
        assert_eq!(report.overall.title, Some(1.0));
        assert_eq!(report.overall.metadata_pages, [1, 0, 0]);
        assert_eq!(report.overall.author, None);
        assert!(report.overall.snippet.is_none());
    }
}
