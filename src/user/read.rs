//! Reading the user's files tolerantly: one bad entry is skipped with a
//! warning that names it, and the rest is kept. A file that is not JSON at
//! all yields nothing and says why. Reading never changes a file: setting a
//! flawed file aside is the job of the next write (`UserData`).

use super::bookmarks::Bookmarks;
use super::item::{ItemRef, ItemRefError};
use super::notes::Notes;
use serde_json::Value;

/// What a file gave: its value, and what was wrong with it (empty when
/// nothing). `whole` is set when nothing could be read from it at all.
#[derive(Debug, Default)]
pub struct Read<T> {
    pub value: T,
    pub problems: Vec<String>,
    pub whole: bool,
}

impl<T: Default> Read<T> {
    fn unusable(name: &str, why: String) -> Self {
        Read {
            value: T::default(),
            problems: vec![format!(
                "{name} cannot be read ({why}): nothing in it is used"
            )],
            whole: true,
        }
    }
}

/// The JSON in `bytes`: UTF-8, a byte-order mark allowed.
fn json(bytes: &[u8]) -> Result<Value, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 at byte offset {}", e.valid_up_to()))?;
    serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
}

/// Why a stored name was not understood, for a warning.
fn why(e: &ItemRefError) -> String {
    match e {
        ItemRefError::Malformed(_) => "it is not a name treaty writes (article:N, chapter:I..IX, \
            preamble, source:ID or passage:ID#N)"
            .to_string(),
        other => other.to_string(),
    }
}

/// A string from the file, quoted for a message (cut when long).
fn quoted(s: &str) -> String {
    format!("'{}'", crate::text::truncate(&crate::text::one_line(s), 60))
}

/// `bookmarks.json`: a JSON list of item names.
pub fn read_bookmarks(bytes: &[u8], name: &str) -> Read<Bookmarks> {
    let value = match json(bytes) {
        Ok(v) => v,
        Err(why) => return Read::unusable(name, why),
    };
    let Value::Array(entries) = value else {
        return Read::unusable(name, "it is not a list of bookmarks".to_string());
    };
    let mut read = Read::<Bookmarks>::default();
    let mut items = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        match entry.as_str().map(ItemRef::from_stored) {
            Some(Ok(item)) => items.push(item),
            Some(Err(e)) => read.problems.push(format!(
                "{name}: bookmark {} {} was skipped: {}",
                i + 1,
                quoted(entry.as_str().unwrap_or_default()),
                why(&e)
            )),
            None => read.problems.push(format!(
                "{name}: bookmark {} was skipped: it is {}, not a name",
                i + 1,
                json_kind(entry)
            )),
        }
    }
    read.value = items.into_iter().collect();
    read
}

/// `notes.json`: a JSON object from item name to text.
pub fn read_notes(bytes: &[u8], name: &str) -> Read<Notes> {
    let value = match json(bytes) {
        Ok(v) => v,
        Err(why) => return Read::unusable(name, why),
    };
    let Value::Object(entries) = value else {
        return Read::unusable(name, "it is not a map of notes".to_string());
    };
    let mut read = Read::<Notes>::default();
    for (key, text) in &entries {
        let item = match ItemRef::from_stored(key) {
            Ok(item) => item,
            Err(e) => {
                read.problems.push(format!(
                    "{name}: the note on {} was skipped: {}",
                    quoted(key),
                    why(&e)
                ));
                continue;
            }
        };
        match text.as_str() {
            Some(text) => {
                read.value.set(item, text);
            }
            None => read.problems.push(format!(
                "{name}: the note on {} was skipped: it is {}, not text",
                quoted(key),
                json_kind(text)
            )),
        }
    }
    read
}

/// A small JSON file read whole with serde (`session.json`).
pub fn read_whole<T: serde::de::DeserializeOwned + Default>(bytes: &[u8], name: &str) -> Read<T> {
    match json(bytes).and_then(|v| serde_json::from_value(v).map_err(|e| e.to_string())) {
        Ok(value) => Read {
            value,
            ..Read::default()
        },
        Err(why) => Read::unusable(name, why),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_bookmark_is_skipped_and_named() {
        let r = read_bookmarks(
            b"\xEF\xBB\xBF[\"article:23\", \"article:999\", 7, \"source:evil\\u001b]0;x\\u0007\"]",
            "bookmarks.json",
        );
        let names: Vec<String> = r.value.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["article:23", "source:evil\u{1b}]0;x\u{7}"]);
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(
            r.problems[0].contains("bookmark 2 'article:999' was skipped: article 999"),
            "{:?}",
            r.problems
        );
        assert!(r.problems[1].contains("bookmark 3 was skipped: it is a number"));
        assert!(!r.whole);
    }

    #[test]
    fn a_bad_note_key_is_not_called_a_bookmark() {
        let r = read_notes(
            br#"{"article:23": "kept", "nonsense": "x", "article:2": 5}"#,
            "notes.json",
        );
        assert_eq!(r.value.len(), 1);
        let all = r.problems.join("\n");
        assert!(all.contains("the note on 'nonsense' was skipped"), "{all}");
        assert!(
            all.contains("'article:2' was skipped: it is a number, not text"),
            "{all}"
        );
        assert!(!all.contains("bookmark"), "{all}");
    }

    #[test]
    fn a_file_that_is_not_json_yields_nothing_and_says_where() {
        let r = read_bookmarks(b"[\"article:23\",", "bookmarks.json");
        assert!(r.whole && r.value.is_empty());
        assert!(
            r.problems[0].contains("line 1, column 14"),
            "{:?}",
            r.problems
        );
        let r = read_notes(b"[]", "notes.json");
        assert!(r.whole && r.problems[0].contains("not a map of notes"));
    }
}
