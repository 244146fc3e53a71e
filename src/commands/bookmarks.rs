//! `treaty bookmarks` and `treaty notes`: the user's bookmarks and notes from
//! the command line. Changes are saved at once; notes are written in the
//! explorer and read here.

use super::{Failure, Outcome, load_user, write_json};
use crate::corpus::Corpus;
use crate::text::clean;
use crate::user::data::{BOOKMARKS_FILE, NOTES_FILE};
use crate::user::{ItemRef, UserData, UserError};
use serde::Serialize;
use std::io::Write;

fn save_failure(e: UserError) -> Failure {
    Failure::runtime(e.to_string())
}

/// A list that is empty because its file could not be read: saying "none
/// yet" would be wrong.
fn nothing_read(why: &str) -> Failure {
    Failure::runtime(format!("nothing could be read: {why}"))
}

fn item(corpus: &Corpus, words: &[String]) -> Result<ItemRef, Failure> {
    ItemRef::from_input(corpus, &words.join(" ")).map_err(|e| Failure::usage(e.to_string()))
}

/// An item the user has already, by its stable name even when the corpus no
/// longer has it (so a stale bookmark can still be removed); else read as
/// [`item`] reads it.
fn existing(
    corpus: &Corpus,
    words: &[String],
    has: impl Fn(&ItemRef) -> bool,
) -> Result<ItemRef, Failure> {
    match words.join(" ").parse::<ItemRef>() {
        Ok(i) if has(&i) => Ok(i),
        _ => item(corpus, words),
    }
}

fn need_target(action: &str, words: &[String]) -> Result<(), Failure> {
    match (action, words.is_empty()) {
        ("list", false) => Err(Failure::usage(
            "list takes no target; to add one: treaty bookmarks add TARGET",
        )),
        ("list", true) | (_, false) => Ok(()),
        (_, true) => Err(Failure::usage(format!(
            "say what to {action}: an article (23), a chapter (chapter IV), preamble, \
             a source (source ID) or a passage (ID#N)"
        ))),
    }
}

#[derive(Serialize)]
struct BookmarkJson {
    item: String,
    heading: String,
    in_corpus: bool,
}

fn bookmark_json(corpus: &Corpus, item: &ItemRef) -> BookmarkJson {
    BookmarkJson {
        item: item.to_string(),
        heading: item.heading(corpus),
        in_corpus: item.resolve(corpus).is_ok(),
    }
}

#[derive(Serialize)]
struct ChangeJson {
    #[serde(flatten)]
    item: BookmarkJson,
    changed: bool,
    bookmarks: Vec<String>,
}

/// `treaty bookmarks [list|add TARGET|remove TARGET] [--json]`
pub fn bookmarks(
    corpus: &Corpus,
    action: &str,
    words: &[String],
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    need_target(action, words)?;
    let mut user = load_user();
    let (target, changed) = match action {
        "list" => return list_bookmarks(corpus, &user, json, out),
        "add" => {
            let target = item(corpus, words)?;
            let changed = user.add_bookmark(&target).map_err(save_failure)?;
            (target, changed)
        }
        "remove" => {
            let target = existing(corpus, words, |i| user.is_bookmarked(i))?;
            let changed = user.remove_bookmark(&target).map_err(save_failure)?;
            (target, changed)
        }
        other => {
            return Err(Failure::usage(format!(
                "unknown action '{other}': use list, add or remove"
            )));
        }
    };
    for notice in user.take_notices() {
        super::warn(&notice);
    }
    if json {
        let j = ChangeJson {
            item: bookmark_json(corpus, &target),
            changed,
            bookmarks: user.bookmarks().iter().map(ToString::to_string).collect(),
        };
        return write_json(out, &j);
    }
    let verb = match (action, changed) {
        ("add", true) => "bookmarked",
        ("add", false) => "already bookmarked:",
        (_, true) => "removed",
        (_, false) => "not bookmarked:",
    };
    writeln!(out, "{verb} {target}  {}", target.heading(corpus))?;
    Ok(())
}

fn list_bookmarks(corpus: &Corpus, user: &UserData, json: bool, out: &mut dyn Write) -> Outcome {
    if user.bookmarks().is_empty()
        && let Some(why) = user.unreadable(BOOKMARKS_FILE)
    {
        return Err(nothing_read(why));
    }
    if json {
        let j: Vec<BookmarkJson> = user
            .bookmarks()
            .iter()
            .map(|i| bookmark_json(corpus, i))
            .collect();
        return write_json(out, &j);
    }
    if user.bookmarks().is_empty() {
        writeln!(
            out,
            "no bookmarks yet: add one with `treaty bookmarks add 23`"
        )?;
    }
    for i in user.bookmarks() {
        writeln!(out, "{i}  {}", i.heading(corpus))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct NoteJson {
    item: String,
    heading: String,
    note: Option<String>,
}

/// `treaty notes [list|show TARGET] [--json]`
pub fn notes(
    corpus: &Corpus,
    action: &str,
    words: &[String],
    json: bool,
    out: &mut dyn Write,
) -> Outcome {
    need_target(action, words)?;
    let user = load_user();
    match action {
        "list" => {
            if user.notes().is_empty()
                && let Some(why) = user.unreadable(NOTES_FILE)
            {
                return Err(nothing_read(why));
            }
            if json {
                let j: Vec<NoteJson> = user
                    .notes()
                    .iter()
                    .map(|(i, text)| NoteJson {
                        item: i.to_string(),
                        heading: i.heading(corpus),
                        note: Some(clean(text).into_owned()),
                    })
                    .collect();
                return write_json(out, &j);
            }
            if user.notes().is_empty() {
                writeln!(out, "no notes yet: write one in the explorer")?;
            }
            for (k, (i, text)) in user.notes().iter().enumerate() {
                if k > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{i}  {}", i.heading(corpus))?;
                for line in clean(text).lines() {
                    writeln!(out, "  {line}")?;
                }
            }
            Ok(())
        }
        "show" => {
            let target = existing(corpus, words, |i| user.note(i).is_some())?;
            let note = user.note(&target).map(|t| clean(t).into_owned());
            if json {
                let j = NoteJson {
                    item: target.to_string(),
                    heading: target.heading(corpus),
                    note,
                };
                return write_json(out, &j);
            }
            match note {
                Some(text) => writeln!(out, "{target}  {}\n\n{text}", target.heading(corpus))?,
                None => writeln!(out, "no note on {target}  {}", target.heading(corpus))?,
            }
            Ok(())
        }
        other => Err(Failure::usage(format!(
            "unknown action '{other}': use list or show"
        ))),
    }
}
