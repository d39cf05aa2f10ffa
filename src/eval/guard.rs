//! Recorded figures and the guard against falling below them: `dechaff eval --record FILE`
//! writes a dataset's figures into a JSON file shared by every dataset, and `--guard FILE`
//! fails the run when any figure falls more than the file's tolerance below its record.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Figures, Report};

/// How far below its record a figure may fall before the guard fails, unless the file says
/// otherwise: enough for nothing (evaluation is deterministic), small enough that a change
/// which costs one set a fifth of a point is noticed.
pub const DEFAULT_TOLERANCE: f64 = 0.002;

/// Decimal digits the recorded figures keep: one more than the reports print, as the figures
/// in commit messages and docs/evaluation.md are given.
const RECORDED_DIGITS: i32 = 4;

/// The recorded figures of every dataset, as kept in one committed file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedFigures {
    /// How far below its record a figure may fall.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    /// Figures by dataset name (the dataset folder's name).
    #[serde(default)]
    pub datasets: BTreeMap<String, DatasetFigures>,
}

fn default_tolerance() -> f64 {
    DEFAULT_TOLERANCE
}

impl Default for RecordedFigures {
    fn default() -> Self {
        Self {
            tolerance: DEFAULT_TOLERANCE,
            datasets: BTreeMap::new(),
        }
    }
}

/// One dataset's figures: text scores, metadata accuracy, and word F1 by page type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetFigures {
    /// Pages scored: figures of a dataset that changed are not comparable.
    pub pages: usize,
    /// Every figure by name (`word_f1`, `snippet_f1`, `title`, …, `word_f1/article`).
    pub figures: BTreeMap<String, f64>,
}

impl DatasetFigures {
    /// The figures of a report, rounded as recorded.
    pub fn of(report: &Report) -> Self {
        let mut figures = BTreeMap::new();
        named_figures(&report.overall, &mut figures);
        for (page_type, type_figures) in &report.by_type {
            if let Some(word) = type_figures.word {
                figures.insert(format!("word_f1/{page_type}"), rounded(word.f1));
            }
        }
        Self {
            pages: report.pages,
            figures,
        }
    }
}

fn named_figures(figures: &Figures, into: &mut BTreeMap<String, f64>) {
    let scores = [
        ("word_f1", figures.word.map(|prf| prf.f1)),
        ("shingle_f1", figures.shingle.map(|prf| prf.f1)),
        ("snippet_f1", figures.snippet.map(|prf| prf.f1)),
        ("title", figures.title),
        ("author", figures.author),
        ("date", figures.date),
    ];
    for (name, value) in scores {
        if let Some(value) = value {
            into.insert(name.to_string(), rounded(value));
        }
    }
}

fn rounded(value: f64) -> f64 {
    let scale = 10f64.powi(RECORDED_DIGITS);
    (value * scale).round() / scale
}

/// A figure that fell below its record by more than the tolerance, or went missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fall {
    /// The figure's name.
    pub figure: String,
    /// The recorded value.
    pub recorded: f64,
    /// This run's value (`None`: the run has no such figure).
    pub now: Option<f64>,
}

impl std::fmt::Display for Fall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.now {
            Some(now) => write!(
                f,
                "{} fell to {now:.4} from its recorded {:.4} ({:+.4})",
                self.figure,
                self.recorded,
                now - self.recorded
            ),
            None => write!(
                f,
                "{} (recorded {:.4}) is missing from this run",
                self.figure, self.recorded
            ),
        }
    }
}

/// What the guard found for one dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// No figure fell more than the tolerance below its record; the figures that rose by more
    /// than the tolerance are listed, as a reminder to record them.
    Held { risen: Vec<String> },
    /// These figures fell.
    Fell(Vec<Fall>),
    /// The file has no record for the dataset.
    NoRecord,
    /// The dataset's page count differs from the record's, so nothing is comparable.
    OtherPages { recorded: usize, now: usize },
}

impl RecordedFigures {
    /// Compares this run's figures for `dataset` with the record.
    pub fn check(&self, dataset: &str, now: &DatasetFigures) -> Verdict {
        let Some(recorded) = self.datasets.get(dataset) else {
            return Verdict::NoRecord;
        };
        if recorded.pages != now.pages {
            return Verdict::OtherPages {
                recorded: recorded.pages,
                now: now.pages,
            };
        }
        // Figures are compared at the precision they are recorded in.
        let slack = self.tolerance + 0.5 * 10f64.powi(-RECORDED_DIGITS);
        let mut falls = Vec::new();
        let mut risen = Vec::new();
        for (figure, &value) in &recorded.figures {
            match now.figures.get(figure) {
                Some(&current) if current + slack < value => falls.push(Fall {
                    figure: figure.clone(),
                    recorded: value,
                    now: Some(current),
                }),
                Some(&current) if current > value + slack => risen.push(figure.clone()),
                Some(_) => {}
                None => falls.push(Fall {
                    figure: figure.clone(),
                    recorded: value,
                    now: None,
                }),
            }
        }
        if falls.is_empty() {
            Verdict::Held { risen }
        } else {
            Verdict::Fell(falls)
        }
    }

    /// Records this run's figures for `dataset`, replacing what was there.
    pub fn record(&mut self, dataset: &str, now: DatasetFigures) {
        self.datasets.insert(dataset.to_string(), now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(pairs: &[(&str, f64)]) -> DatasetFigures {
        DatasetFigures {
            pages: 10,
            figures: pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        }
    }

    fn recorded(pairs: &[(&str, f64)]) -> RecordedFigures {
        let mut file = RecordedFigures::default();
        file.record("set", figures(pairs));
        file
    }

    #[test]
    fn a_fall_within_the_tolerance_holds() {
        let file = recorded(&[("word_f1", 0.9000), ("title", 0.8)]);
        let verdict = file.check("set", &figures(&[("word_f1", 0.8981), ("title", 0.8)]));
        assert_eq!(verdict, Verdict::Held { risen: vec![] });
    }

    #[test]
    fn a_fall_beyond_the_tolerance_is_named() {
        let file = recorded(&[("word_f1", 0.9000), ("date", 0.8)]);
        let Verdict::Fell(falls) =
            file.check("set", &figures(&[("word_f1", 0.8970), ("date", 0.81)]))
        else {
            panic!("a fall of 0.003 must fail the guard");
        };
        assert_eq!(falls.len(), 1);
        assert_eq!(falls[0].figure, "word_f1");
        assert!(falls[0].to_string().contains("-0.0030"), "{}", falls[0]);
    }

    #[test]
    fn a_missing_figure_is_a_fall_and_a_new_one_is_not() {
        let file = recorded(&[("author", 0.5)]);
        let verdict = file.check("set", &figures(&[("title", 0.9)]));
        assert!(matches!(verdict, Verdict::Fell(ref falls) if falls[0].now.is_none()));
        let file = recorded(&[("title", 0.9)]);
        let verdict = file.check("set", &figures(&[("title", 0.9), ("author", 0.1)]));
        assert_eq!(verdict, Verdict::Held { risen: vec![] });
    }

    #[test]
    fn risen_figures_are_listed_and_other_datasets_are_not_compared() {
        let file = recorded(&[("word_f1", 0.9)]);
        let verdict = file.check("set", &figures(&[("word_f1", 0.95)]));
        assert_eq!(
            verdict,
            Verdict::Held {
                risen: vec!["word_f1".to_string()]
            }
        );
        assert_eq!(file.check("other", &figures(&[])), Verdict::NoRecord);
        let mut fewer = figures(&[("word_f1", 0.9)]);
        fewer.pages = 9;
        assert_eq!(
            file.check("set", &fewer),
            Verdict::OtherPages {
                recorded: 10,
                now: 9
            }
        );
    }

    #[test]
    fn the_file_reads_back_what_it_wrote() {
        let file = recorded(&[("word_f1", 0.8929), ("word_f1/article", 0.9616)]);
        let json = serde_json::to_string_pretty(&file).unwrap();
        let read: RecordedFigures = serde_json::from_str(&json).unwrap();
        assert_eq!(read, file);
        let bare: RecordedFigures = serde_json::from_str("{}").unwrap();
        assert_eq!(bare.tolerance, DEFAULT_TOLERANCE);
    }
}
