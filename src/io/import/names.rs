//! What a focal point may type for a state, skill, language or mode, and the nearest known
//! words when it is none of them ("did you mean \"forensics\"?").
//!
//! A state is its code or any of its names in the scenario (`قطر`, `Qatar`, `qatar`, `QA`),
//! compared after [`fold`]: case, surrounding and repeated spaces, Latin accents and Arabic
//! tashkeel (and the tatweel) do not count.

use std::collections::BTreeMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::problem::RowProblem;
use crate::model::{order, Scenario, StateCode};

/// The text as compared: decomposed, without combining marks (accents, tashkeel) or the
/// Arabic tatweel, lower case, one space between words.
pub fn fold(text: &str) -> String {
    let bare: String = text.nfd().filter(|&c| !is_combining_mark(c) && c != '\u{0640}').collect();
    bare.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The scenario's states by every way of writing them.
pub struct States {
    /// Folded code or name -> the state's code; `None` when two states share the name.
    by_word: BTreeMap<String, Option<StateCode>>,
    codes: Vec<String>,
}

impl States {
    pub fn new(scenario: &Scenario) -> States {
        let mut by_word: BTreeMap<String, Option<StateCode>> = BTreeMap::new();
        for state in &scenario.states {
            let words = std::iter::once(state.code.as_str()).chain(state.name.values().map(String::as_str));
            for word in words {
                let key = fold(word);
                if key.is_empty() {
                    continue;
                }
                by_word
                    .entry(key)
                    .and_modify(|code| {
                        if code.as_ref() != Some(&state.code) {
                            *code = None;
                        }
                    })
                    .or_insert_with(|| Some(state.code.clone()));
            }
        }
        // A code always means its own state, even if another state is named like it.
        for state in &scenario.states {
            by_word.insert(fold(state.code.as_str()), Some(state.code.clone()));
        }
        States { by_word, codes: scenario.states.iter().map(|s| s.code.as_str().to_string()).collect() }
    }

    /// The code of the state `typed` names, or the problem naming the nearest codes.
    pub fn resolve(&self, typed: &str) -> Result<StateCode, RowProblem> {
        let key = fold(typed);
        match self.by_word.get(&key) {
            Some(Some(code)) => Ok(code.clone()),
            Some(None) => Err(RowProblem::AmbiguousState { typed: typed.to_string() }),
            None => {
                // Suggest codes, reached through the nearest code or name.
                let mut near: Vec<String> = Vec::new();
                for word in nearest_folded(&key, self.by_word.keys().map(|k| (k, k.as_str()))) {
                    if let Some(Some(code)) = self.by_word.get(word) {
                        if !near.contains(&code.0) {
                            near.push(code.0.clone());
                        }
                    }
                }
                Err(RowProblem::UnknownState { typed: typed.to_string(), near, known: self.codes.clone() })
            }
        }
    }
}

/// Up to three `known` words closest to `typed` (already folded when they should be),
/// closest first; none when nothing is close enough to be a likely typo.
pub fn nearest<'a>(typed: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let typed = fold(typed);
    nearest_folded(&typed, known.map(|word| (fold(word), word)))
}

/// [`nearest`] for words folded already (`typed` and the first of each pair), so that a file
/// of many unknown words does not fold the known ones again for each.
pub fn nearest_folded<'a, K: AsRef<str>>(typed: &str, known: impl Iterator<Item = (K, &'a str)>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &'a str)> = known
        .map(|(folded, word)| (strsim::normalized_damerau_levenshtein(typed, folded.as_ref()), word))
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    order::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, word)| word).collect()
}

/// A language written as a name (`Arabic`, `العربية`, `français`) -> its code, for the hint.
pub fn language_named(typed: &str) -> Option<&'static str> {
    const NAMES: [(&str, &[&str]); 3] = [
        ("ar", &["arabic", "arabe", "عربي", "عربية", "العربية", "arabisch"]),
        ("en", &["english", "anglais", "انجليزي", "انجليزية", "الانجليزية", "إنجليزي", "الإنجليزية", "englisch"]),
        ("fr", &["french", "francais", "français", "فرنسي", "فرنسية", "الفرنسية", "franzosisch"]),
    ];
    let key = fold(typed);
    NAMES.iter().find(|(_, names)| names.iter().any(|n| fold(n) == key)).map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_spaces_accents_and_tashkeel() {
        assert_eq!(fold("  Égypte "), "egypte");
        assert_eq!(fold("قَطَر"), "قطر");
        assert_eq!(fold("قطـــر"), "قطر");
        assert_eq!(fold("Saudi   Arabia"), "saudi arabia");
    }

    #[test]
    fn the_nearest_words_are_suggested() {
        let known = ["forensics", "crypto", "ai-crime"];
        assert_eq!(nearest("forensic", known.into_iter()), ["forensics"]);
        assert!(nearest("zzzzzz", known.into_iter()).is_empty());
        use super::super::problem::did_you_mean;
        assert_eq!(did_you_mean(&["forensics"], None), "; did you mean \"forensics\"?");
        assert_eq!(did_you_mean(&["a", "b", "c"], None), "; did you mean \"a\", \"b\" or \"c\"?");
    }
}
