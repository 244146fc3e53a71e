//! The convention's subject index (`index.json`): for each provision, the
//! terms a reader would use for it (terms of art, synonyms, acronyms,
//! colloquial names, French and Spanish terms), loaded and validated with
//! every problem located at file:line:column.

use super::files::FileText;
use super::jsonpos::{array_elements, element_range, find_in, find_key, json_string};
use super::problem::{Problem, line_col};
use super::target::Target;
use serde::Deserialize;
use std::collections::HashMap;

/// The language of an index term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }
}

/// One term of the index, as written in the file (cleaned to one line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexTerm {
    pub text: String,
    pub lang: Lang,
}

/// The terms that point to one provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectEntry {
    pub target: Target,
    pub terms: Vec<IndexTerm>,
}

/// The whole subject index, in file order. Empty for a corpus directory
/// without `index.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubjectIndex {
    pub entries: Vec<SubjectEntry>,
}

/// One line of the index as a book prints it: a term and every provision it
/// points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexLine {
    pub term: String,
    pub lang: Lang,
    pub targets: Vec<Target>,
}

impl SubjectIndex {
    /// The terms of one provision (none when the index has no entry for it).
    pub fn terms_of(&self, target: Target) -> &[IndexTerm] {
        self.entries
            .iter()
            .find(|e| e.target == target)
            .map_or(&[], |e| e.terms.as_slice())
    }

    /// Number of terms over all entries.
    pub fn term_count(&self) -> usize {
        self.entries.iter().map(|e| e.terms.len()).sum()
    }

    /// The index as a book prints it: each distinct term once (ignoring case
    /// and accents), alphabetically, with the provisions it points to in
    /// convention order. What an index view lists and filters.
    pub fn alphabetical(&self) -> Vec<IndexLine> {
        let mut by_key: HashMap<String, IndexLine> = HashMap::new();
        for entry in &self.entries {
            for term in &entry.terms {
                let line = by_key.entry(sort_key(&term.text)).or_insert(IndexLine {
                    term: term.text.clone(),
                    lang: term.lang,
                    targets: Vec::new(),
                });
                if !line.targets.contains(&entry.target) {
                    line.targets.push(entry.target);
                }
            }
        }
        let mut lines: Vec<(String, IndexLine)> = by_key.into_iter().collect();
        lines.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.term.cmp(&b.1.term)));
        lines
            .into_iter()
            .map(|(_, mut l)| {
                l.targets.sort();
                l
            })
            .collect()
    }
}

/// The key two terms are the same under, and sort by: lower case, the
/// accents of French and Spanish stripped, whitespace collapsed.
pub fn sort_key(term: &str) -> String {
    let folded: String = term
        .chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The unaccented letter of the accented lower-case letters French and
/// Spanish use (the index's languages besides English).
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ÿ' => 'y',
        c => c,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    target: String,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    es: Vec<String>,
}

/// Reads and validates `index.json`: every target exists, no entry is
/// empty, no term is empty, no target has two entries and no term is given
/// twice for the same target. Problems are pushed; what is valid is kept.
pub fn parse_subject_index(f: &FileText, problems: &mut Vec<Problem>) -> SubjectIndex {
    let raw: Vec<RawEntry> = match serde_json::from_str(&f.text) {
        Ok(r) => r,
        Err(e) => {
            let (line, column) = (e.line().max(1), e.column().max(1));
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            problems.push(Problem::at(
                &f.name,
                line,
                column,
                format!("malformed JSON: {msg}"),
            ));
            return SubjectIndex::default();
        }
    };
    let at = |offset: usize, message: String| {
        let (line, column) = line_col(&f.text, offset);
        Problem::at(&f.name, line, column, message)
    };
    let starts = array_elements(&f.text);
    let mut entries: Vec<SubjectEntry> = Vec::new();
    let mut first_entry: HashMap<Target, usize> = HashMap::new();
    for (i, raw) in raw.into_iter().enumerate() {
        let range = element_range(&f.text, &starts, i);
        let target_at = find_key(&f.text, range.clone(), "target");
        let target: Target = match raw.target.parse() {
            Ok(t) => t,
            Err(e) => {
                problems.push(at(target_at, format!("index entry: {e}")));
                continue;
            }
        };
        if let Some(first) = first_entry.get(&target) {
            let (line, _) = line_col(&f.text, *first);
            problems.push(at(
                target_at,
                format!("duplicate index entry for {target} (first given at line {line})"),
            ));
            continue;
        }
        first_entry.insert(target, target_at);
        let mut terms: Vec<IndexTerm> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut cursor = range.start;
        for (lang, list) in [(Lang::En, raw.en), (Lang::Fr, raw.fr), (Lang::Es, raw.es)] {
            for term in list {
                let term_at = find_in(&f.text, cursor..range.end, &json_string(&term));
                cursor = term_at.max(cursor) + 1;
                let text = crate::text::one_line(term.trim());
                if text.is_empty() {
                    problems.push(at(term_at, format!("empty term in the entry for {target}")));
                    continue;
                }
                let key = sort_key(&text);
                if let Some(first) = seen.get(&key) {
                    let (line, column) = line_col(&f.text, *first);
                    problems.push(at(
                        term_at,
                        format!(
                            "duplicate term {text:?} for {target} (first given at {line}:{column})"
                        ),
                    ));
                    continue;
                }
                seen.insert(key, term_at);
                terms.push(IndexTerm { text, lang });
            }
        }
        if terms.is_empty() {
            problems.push(at(
                range.start,
                format!("the index entry for {target} has no terms"),
            ));
            continue;
        }
        entries.push(SubjectEntry { target, terms });
    }
    SubjectIndex { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (SubjectIndex, Vec<Problem>) {
        let f = FileText {
            name: "index.json".into(),
            text: text.into(),
        };
        let mut problems = Vec::new();
        let index = parse_subject_index(&f, &mut problems);
        (index, problems)
    }

    #[test]
    fn reads_terms_in_their_languages() {
        let (index, problems) =
            parse(r#"[{"target": "article:37", "en": ["extradition"], "es": ["extradición"]}]"#);
        assert!(problems.is_empty(), "{problems:?}");
        let terms = index.terms_of(Target::Article(37));
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[1].lang, Lang::Es);
        assert!(index.terms_of(Target::Article(1)).is_empty());
    }

    #[test]
    fn locates_every_problem() {
        let text = "[\n  {\"target\": \"article:69\", \"en\": [\"x\"]},\n  {\"target\": \"article:7\", \"en\": [\"hacking\", \"Hacking\"]},\n  {\"target\": \"article:7\", \"en\": [\"y\"]},\n  {\"target\": \"article:8\", \"en\": [\" \"]}\n]";
        let (index, problems) = parse(text);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "index.json:2:14: index entry: article 69 does not exist: the articles run from 1 to 68",
                "index.json:3:45: duplicate term \"Hacking\" for article:7 (first given at 3:34)",
                "index.json:4:14: duplicate index entry for article:7 (first given at line 3)",
                "index.json:5:34: empty term in the entry for article:8",
                "index.json:5:3: the index entry for article:8 has no terms",
            ]
        );
        assert_eq!(index.entries.len(), 1);
    }

    #[test]
    fn alphabetical_merges_a_term_over_provisions() {
        let (index, _) = parse(
            r#"[{"target": "article:40", "en": ["dual criminality"]}, {"target": "article:37", "en": ["Dual criminality", "asylum"]}]"#,
        );
        let lines = index.alphabetical();
        assert_eq!(lines[0].term, "asylum");
        assert_eq!(lines[1].targets, [Target::Article(37), Target::Article(40)]);
    }
}
