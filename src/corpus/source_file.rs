//! The source file format: an optional front-matter block of `key: value` lines
//! between `---` lines, then a body of paragraphs separated by blank lines.
//! Paragraphs starting with `#` are headings; the others are numbered passages.

use super::model::{Heading, Passage, Source, SourceMeta};
use super::problem::Problem;
use crate::text::clean;

pub const META_KEYS: [&str; 8] = [
    "title",
    "author",
    "publisher",
    "date",
    "url",
    "kind",
    "origin",
    "short",
];

/// The suffix that marks a field as inferred: `date_inferred: reason` says the
/// source does not state its date and why the date given was chosen.
pub const INFERRED_SUFFIX: &str = "_inferred";

/// Parses one source file. `name` is how the file is shown in messages.
pub fn parse_source(id: &str, name: &str, text: &str) -> Result<Source, Vec<Problem>> {
    let mut problems = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let (meta, body_start) = parse_front_matter(name, &lines, &mut problems);
    let (passages, headings) = split_body(&lines, body_start);
    if passages.is_empty() && problems.is_empty() {
        problems.push(Problem::at(
            name,
            body_start + 1,
            1,
            "the source has no body: write its paragraphs after the front matter, separated by blank lines",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Source {
        id: id.to_string(),
        path: name.to_string(),
        meta,
        passages,
        headings,
        user: false,
    })
}

/// A line that separates paragraphs: empty or only whitespace (the seeds use
/// lone non-breaking spaces as spacers).
fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// Returns the metadata and the index of the first body line.
fn parse_front_matter(
    name: &str,
    lines: &[&str],
    problems: &mut Vec<Problem>,
) -> (SourceMeta, usize) {
    let mut meta = SourceMeta::default();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return (meta, 0);
    }
    let Some(close) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
    else {
        problems.push(Problem::at(
            name,
            1,
            1,
            "front matter opened with --- is never closed: add a line --- after the last key",
        ));
        return (meta, lines.len());
    };
    let mut seen: Vec<&str> = Vec::new();
    // (key, line) of each inferred mark, checked against the values at the end.
    let mut marks: Vec<(String, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(close).skip(1) {
        let lineno = i + 1;
        if is_blank(line) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            problems.push(Problem::at(
                name,
                lineno,
                1,
                format!("expected `key: value` in the front matter, found {line:?}"),
            ));
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if let Some(field) = key.strip_suffix(INFERRED_SUFFIX) {
            inferred_mark(name, lineno, field, value, &mut meta, &mut marks, problems);
            continue;
        }
        let Some(known) = META_KEYS.iter().find(|k| **k == key) else {
            problems.push(Problem::at(
                name,
                lineno,
                1,
                format!(
                    "unknown front-matter key '{key}': the keys are {}",
                    META_KEYS.join(", ")
                ),
            ));
            continue;
        };
        if seen.contains(known) {
            problems.push(Problem::at(
                name,
                lineno,
                1,
                format!("front-matter key '{key}' is given twice"),
            ));
            continue;
        }
        seen.push(known);
        let value = (!value.is_empty()).then(|| clean(value).into_owned());
        match *known {
            "title" => meta.title = value,
            "author" => meta.author = value,
            "publisher" => meta.publisher = value,
            "date" => meta.date = value,
            "url" => meta.url = value,
            "kind" => meta.kind = value,
            "short" => meta.short = value,
            _ => meta.origin = value,
        }
    }
    for (field, lineno) in marks {
        if meta.value(&field).is_none() {
            problems.push(Problem::at(
                name,
                lineno,
                1,
                format!(
                    "'{field}{INFERRED_SUFFIX}' explains a value, but '{field}' has none: give '{field}' or remove the mark"
                ),
            ));
        }
    }
    (meta, close + 1)
}

/// The file `text` with front-matter `key` set to `value` (one line,
/// cleaned), added or replaced in place; a file without front matter gets
/// one. The body is kept byte for byte.
pub fn with_front_matter_key(text: &str, key: &str, value: &str) -> String {
    let value = crate::text::one_line(value);
    let entry = format!("{key}: {value}");
    let lines: Vec<&str> = text.split('\n').collect();
    let close = (lines.first().map(|l| l.trim_end()) == Some("---"))
        .then(|| lines.iter().skip(1).position(|l| l.trim_end() == "---"))
        .flatten()
        .map(|i| i + 1);
    let Some(close) = close else {
        return format!("---\n{entry}\n---\n{text}");
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 1);
    let mut done = false;
    for (i, line) in lines.iter().enumerate() {
        let is_key =
            i > 0 && i < close && line.split_once(':').is_some_and(|(k, _)| k.trim() == key);
        if is_key {
            if !done {
                out.push(entry.clone());
                done = true;
            }
            continue;
        }
        if i == close && !done {
            out.push(entry.clone());
        }
        out.push((*line).to_string());
    }
    out.join("\n")
}

/// Fields whose value may be marked as inferred (`origin` is the file's own).
const INFERABLE: [&str; 6] = ["title", "author", "publisher", "date", "url", "kind"];

/// Records a `KEY_inferred: reason` line, or the problem with it.
fn inferred_mark(
    name: &str,
    lineno: usize,
    field: &str,
    reason: &str,
    meta: &mut SourceMeta,
    marks: &mut Vec<(String, usize)>,
    problems: &mut Vec<Problem>,
) {
    let problem = if !INFERABLE.contains(&field) {
        Some(format!(
            "unknown inferred mark '{field}{INFERRED_SUFFIX}': a mark names one of {}",
            INFERABLE.join(", ")
        ))
    } else if reason.is_empty() {
        Some(format!(
            "'{field}{INFERRED_SUFFIX}' needs its reason: say what the value was inferred from"
        ))
    } else if meta.inferred.contains_key(field) {
        Some(format!("'{field}{INFERRED_SUFFIX}' is given twice"))
    } else {
        None
    };
    match problem {
        Some(message) => problems.push(Problem::at(name, lineno, 1, message)),
        None => {
            meta.inferred
                .insert(field.to_string(), clean(reason).into_owned());
            marks.push((field.to_string(), lineno));
        }
    }
}

/// Splits the body into passages and headings.
pub fn split_body(lines: &[&str], start: usize) -> (Vec<Passage>, Vec<Heading>) {
    let mut passages = Vec::new();
    let mut headings = Vec::new();
    let mut i = start;
    while i < lines.len() {
        if is_blank(lines[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while i < lines.len() && !is_blank(lines[i]) {
            i += 1;
        }
        let block: Vec<&str> = lines[first..i].iter().map(|l| l.trim_end()).collect();
        let text = clean(&block.join("\n")).into_owned();
        // A block that was only escape sequences shows nothing: no passage.
        if text.trim().is_empty() {
            continue;
        }
        if let Some((level, title)) = heading(&text) {
            headings.push(Heading {
                before: passages.len(),
                level,
                text: title,
            });
        } else {
            passages.push(Passage {
                number: passages.len() + 1,
                text,
                line: first + 1,
            });
        }
    }
    (passages, headings)
}

/// `# Title` -> (1, "Title"); Markdown ATX headings up to level 6.
fn heading(text: &str) -> Option<(u8, String)> {
    let trimmed = text.trim_start();
    let level = trimmed.chars().take_while(|c| *c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &trimmed[level..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((level as u8, crate::text::one_line(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_front_matter_and_paragraphs() {
        let text = "---\ntitle: T: a subtitle\nauthor: A\n---\n\n# T\n\nFirst para\nsecond line.\n\u{a0}\nSecond.\n";
        let s = parse_source("x", "x.md", text).expect("valid");
        assert_eq!(s.meta.title.as_deref(), Some("T: a subtitle"));
        assert_eq!(s.meta.author.as_deref(), Some("A"));
        assert_eq!(s.meta.date, None);
        assert_eq!(s.passages.len(), 2);
        assert_eq!(s.passages[0].text, "First para\nsecond line.");
        assert_eq!(s.passages[0].line, 8);
        assert_eq!(s.passages[1].number, 2);
        assert_eq!(s.headings[0].text, "T");
        assert_eq!(s.headings[0].before, 0);
    }

    #[test]
    fn no_front_matter_is_fine() {
        let s = parse_source("x", "x.txt", "Just text.").expect("valid");
        assert_eq!(s.meta, SourceMeta::default());
        assert_eq!(s.passages[0].line, 1);
    }

    #[test]
    fn reports_bad_front_matter_with_lines() {
        let err = parse_source("x", "x.md", "---\ntitle: a\nautor: b\nnonsense\n---\nbody")
            .expect_err("invalid");
        assert_eq!(err.len(), 2);
        assert_eq!((err[0].line, err[0].column), (3, 1));
        assert!(err[0].message.contains("unknown front-matter key 'autor'"));
        assert_eq!(err[1].line, 4);
    }

    #[test]
    fn unclosed_front_matter_and_empty_body() {
        let err = parse_source("x", "x.md", "---\ntitle: a\n").expect_err("unclosed");
        assert!(err[0].message.contains("never closed"));
        let err = parse_source("x", "x.md", "---\ntitle: a\n---\n\n  \n").expect_err("empty");
        assert!(err[0].message.contains("no body"));
        assert_eq!(err[0].line, 4);
    }

    #[test]
    fn a_front_matter_key_is_set_in_place() {
        let text = "---\ntitle: T\nshort: Old\n---\n\nBody.\n";
        let new = with_front_matter_key(text, "short", "New name");
        assert_eq!(new, "---\ntitle: T\nshort: New name\n---\n\nBody.\n");
        let added = with_front_matter_key("---\ntitle: T\n---\nBody.", "short", "N");
        assert_eq!(added, "---\ntitle: T\nshort: N\n---\nBody.");
        let bare = with_front_matter_key("Body.", "short", "N\u{1b}[2J");
        let s = parse_source("x", "x.md", &bare).expect("valid");
        // The escape sequence is stripped whole by the sanitiser.
        assert_eq!(s.meta.short.as_deref(), Some("N"));
        assert_eq!(s.passages[0].text, "Body.");
    }

    proptest::proptest! {
        /// Setting a key keeps the body and every other key as they were.
        #[test]
        fn setting_a_key_keeps_the_rest(
            title in "[a-zA-Z ]{0,12}",
            body in "[a-z .\n]{1,60}",
            short in "\\PC{0,20}",
        ) {
            let text = format!("---\ntitle: {title}\n---\n\n{body}");
            let before = parse_source("x", "x.md", &text);
            let after = parse_source("x", "x.md", &with_front_matter_key(&text, "short", &short));
            if let (Ok(before), Ok(after)) = (before, after) {
                // Lines move down by the one added; text and numbers stay.
                let texts = |s: &Source| -> Vec<(usize, String)> {
                    s.passages.iter().map(|p| (p.number, p.text.clone())).collect()
                };
                proptest::prop_assert_eq!(texts(&before), texts(&after));
                proptest::prop_assert_eq!(&before.meta.title, &after.meta.title);
                let want = crate::text::one_line(&short);
                proptest::prop_assert_eq!(after.meta.short, (!want.is_empty()).then_some(want));
            }
        }
    }

    #[test]
    fn inferred_marks_are_kept_and_checked() {
        let s = parse_source(
            "x",
            "x.md",
            "---\ndate: 2024-02\ndate_inferred: the events it reports\n---\nbody",
        )
        .expect("valid");
        assert_eq!(s.meta.inferred("date"), Some("the events it reports"));
        assert_eq!(
            s.meta.date_shown().as_deref(),
            Some("2024-02 (inferred: the events it reports)")
        );
        assert_eq!(s.meta.inferred("title"), None);
        let err = parse_source(
            "x",
            "x.md",
            "---\nurl_inferred: guess\ndate:\ndate_inferred:\nplace_inferred: x\n---\nbody",
        )
        .expect_err("invalid");
        let lines: Vec<(usize, &str)> = err.iter().map(|p| (p.line, p.message.as_str())).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].1.contains("needs its reason"), "{lines:?}");
        assert_eq!(lines[0].0, 4);
        assert!(
            lines[1]
                .1
                .contains("unknown inferred mark 'place_inferred'")
        );
        assert_eq!(lines[2].0, 2);
        assert!(lines[2].1.contains("'url' has none"), "{lines:?}");
    }

    #[test]
    fn escapes_are_neutralised() {
        let s = parse_source("x", "x.md", "evil \u{1b}]0;title\u{7} text").expect("valid");
        assert!(!s.passages[0].text.contains('\u{1b}'));
    }
}
