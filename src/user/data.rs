//! The user's bookmarks, notes and last place, as files in the data directory.
//! Every change is a read-modify-write under the file's lock: the file is read
//! again, the one change applied to what it holds now (so what another
//! process added meanwhile is kept), and written atomically. Reading is
//! tolerant (a bad entry is skipped and named) and never changes a file; a
//! file with unreadable entries is copied aside by the next write, under a
//! name no other backup has. A file that cannot be opened is never written.

use super::bookmarks::Bookmarks;
use super::item::ItemRef;
use super::notes::Notes;
use super::read::{Read, read_bookmarks, read_notes, read_whole};
use super::spot::Spot;
use super::suggestions::{Decision, Decisions};
use crate::store::{self, StoreError};
use std::path::{Path, PathBuf};

pub const BOOKMARKS_FILE: &str = "bookmarks.json";
pub const NOTES_FILE: &str = "notes.json";
pub const SESSION_FILE: &str = "session.json";
pub const SUGGESTIONS_FILE: &str = "suggestions.json";

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("not saved: {0}")]
    NoDataDir(String),
    #[error(
        "not saved: {file} could not be read when treaty started ({why}); fix or move it, then try again"
    )]
    Unreadable { file: String, why: String },
}

/// What `session.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Session {
    last_place: Option<String>,
    /// Where exactly in `last_place` the user was.
    #[serde(skip_serializing_if = "Option::is_none")]
    spot: Option<Spot>,
    /// Places visited lately, newest first (the start screen lists them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    recent: Vec<String>,
}

/// Where the files live, and which of them must not be written because they
/// could not be read (overwriting them would lose what is in them).
#[derive(Debug, Clone, Default)]
struct Home {
    /// `None` when there is no data directory: changes live in memory only.
    dir: Option<PathBuf>,
    why_no_dir: String,
    unreadable: Vec<(&'static str, String)>,
    /// Files that were there but gave nothing (not JSON, or not the right
    /// shape): written only after a copy is kept aside.
    unusable: Vec<(&'static str, String)>,
}

impl Home {
    fn path(&self, file: &'static str) -> Result<PathBuf, UserError> {
        if let Some((_, why)) = self.unreadable.iter().find(|(f, _)| *f == file) {
            return Err(UserError::Unreadable {
                file: file.to_string(),
                why: why.clone(),
            });
        }
        match &self.dir {
            Some(dir) => Ok(dir.join(file)),
            None => Err(UserError::NoDataDir(self.why_no_dir.clone())),
        }
    }
}

/// The user's own data. Fields are private so that every change goes through
/// a method that saves it.
#[derive(Debug, Clone, Default)]
pub struct UserData {
    home: Home,
    bookmarks: Bookmarks,
    notes: Notes,
    /// The last place, its exact spot and the recent places, as
    /// `session.json` has them.
    session: Session,
    /// The user's decisions on suggested links.
    decisions: Decisions,
    /// What a write did besides the change (a flawed file copied aside), for
    /// the caller to tell the user.
    notices: Vec<String>,
}

/// How one of the files is read.
type Parse<T> = fn(&[u8], &str) -> Read<T>;

impl UserData {
    /// Loads from [`store::data_dir`]. Never fails: problems come back as
    /// warnings to show the user, and whatever could be read is used.
    pub fn load() -> (UserData, Vec<String>) {
        match store::data_dir() {
            Ok(dir) => Self::load_from(&dir),
            Err(e) => {
                let mut data = UserData::default();
                data.home.why_no_dir = e.to_string();
                (
                    data,
                    vec![format!("{e}; bookmarks and notes will not be kept")],
                )
            }
        }
    }

    /// Loads from a given directory (missing files are empty).
    pub fn load_from(dir: &Path) -> (UserData, Vec<String>) {
        let mut warnings = Vec::new();
        let mut home = Home {
            dir: Some(dir.to_path_buf()),
            ..Home::default()
        };
        let bookmarks = read(
            dir,
            BOOKMARKS_FILE,
            read_bookmarks,
            &mut home,
            &mut warnings,
        );
        let notes = read(dir, NOTES_FILE, read_notes, &mut home, &mut warnings);
        let session: Session = read(dir, SESSION_FILE, read_whole, &mut home, &mut warnings);
        let decisions = read(dir, SUGGESTIONS_FILE, read_whole, &mut home, &mut warnings);
        let data = UserData {
            home,
            bookmarks,
            notes,
            session,
            decisions,
            notices: Vec::new(),
        };
        (data, warnings)
    }

    /// Data that is never written anywhere (for tests and previews).
    pub fn in_memory(bookmarks: Bookmarks, notes: Notes) -> UserData {
        UserData {
            home: Home {
                why_no_dir: "this data is not backed by files".to_string(),
                ..Home::default()
            },
            bookmarks,
            notes,
            session: Session::default(),
            decisions: Decisions::default(),
            notices: Vec::new(),
        }
    }

    /// What the writes so far did besides their change (a file with bad
    /// entries kept aside under a new name), once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Why nothing could be read from `file` (`BOOKMARKS_FILE`,
    /// `NOTES_FILE`) although it is there: an empty list then means "could
    /// not read", not "none yet".
    pub fn unreadable(&self, file: &str) -> Option<&str> {
        self.home
            .unreadable
            .iter()
            .chain(&self.home.unusable)
            .find(|(f, _)| *f == file)
            .map(|(_, why)| why.as_str())
    }

    /// The directory the files are in, when there is one.
    pub fn dir(&self) -> Option<&Path> {
        self.home.dir.as_deref()
    }

    pub fn bookmarks(&self) -> &Bookmarks {
        &self.bookmarks
    }

    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    pub fn is_bookmarked(&self, item: &ItemRef) -> bool {
        self.bookmarks.contains(item)
    }

    pub fn note(&self, item: &ItemRef) -> Option<&str> {
        self.notes.get(item)
    }

    pub fn last_place(&self) -> Option<&str> {
        self.session.last_place.as_deref()
    }

    /// Where exactly in the last place the user was, when it was kept for
    /// that place.
    pub fn last_spot(&self) -> Option<&Spot> {
        self.session
            .spot
            .as_ref()
            .filter(|s| Some(s.place.as_str()) == self.last_place())
    }

    /// Places visited lately, newest first.
    pub fn recent(&self) -> &[String] {
        &self.session.recent
    }

    /// The user's decisions on suggested links.
    pub fn decisions(&self) -> &Decisions {
        &self.decisions
    }

    /// Accepts (or rejects) a suggested link and saves, under the same lock
    /// and re-read as every other change.
    pub fn decide(&mut self, decision: Decision, accept: bool) -> Result<(), UserError> {
        let (decisions, _) = self.rewrite(SUGGESTIONS_FILE, read_whole, |d: &mut Decisions| {
            if accept {
                d.accept(decision);
            } else {
                d.reject(decision);
            }
            true
        })?;
        self.decisions = decisions;
        Ok(())
    }

    /// Adds the bookmark if absent, removes it if present, and saves. Returns
    /// whether the item is bookmarked now. On error nothing changes.
    pub fn toggle_bookmark(&mut self, item: &ItemRef) -> Result<bool, UserError> {
        self.change_bookmarks(|b| b.remove(item) || b.add(item.clone()))?;
        Ok(self.is_bookmarked(item))
    }

    /// False when it was already bookmarked (nothing is written).
    pub fn add_bookmark(&mut self, item: &ItemRef) -> Result<bool, UserError> {
        self.change_bookmarks(|b| b.add(item.clone()))
    }

    /// False when it was not bookmarked (nothing is written).
    pub fn remove_bookmark(&mut self, item: &ItemRef) -> Result<bool, UserError> {
        self.change_bookmarks(|b| b.remove(item))
    }

    pub fn move_bookmark_up(&mut self, item: &ItemRef) -> Result<bool, UserError> {
        self.change_bookmarks(|b| b.move_up(item))
    }

    pub fn move_bookmark_down(&mut self, item: &ItemRef) -> Result<bool, UserError> {
        self.change_bookmarks(|b| b.move_down(item))
    }

    /// Sets the note on an item and saves; empty text deletes the note.
    pub fn set_note(&mut self, item: &ItemRef, text: String) -> Result<(), UserError> {
        let (notes, _) = self.rewrite(NOTES_FILE, read_notes, |n: &mut Notes| {
            n.set(item.clone(), &text)
        })?;
        self.notes = notes;
        Ok(())
    }

    /// Remembers where the user was (a place name the explorer understands).
    pub fn save_last_place(&mut self, place: String) -> Result<(), UserError> {
        if self.last_place() == Some(place.as_str()) {
            return Ok(());
        }
        let (session, _) = self.rewrite(SESSION_FILE, read_whole, |s: &mut Session| {
            s.last_place = Some(place);
            true
        })?;
        self.session.last_place = session.last_place;
        Ok(())
    }

    /// Keeps where the user was, exactly, and the places visited in this
    /// session (newest first) in front of the recent ones: one write.
    pub fn save_session(&mut self, spot: Spot, visited: &[String]) -> Result<(), UserError> {
        let (session, _) = self.rewrite(SESSION_FILE, read_whole, |s: &mut Session| {
            let now = Session {
                last_place: Some(spot.place.clone()),
                recent: super::spot::remember(&s.recent, visited),
                spot: Some(spot),
            };
            let changed = *s != now;
            *s = now;
            changed
        })?;
        self.session = session;
        Ok(())
    }

    /// Applies a change to the file's current content, writes it, and only
    /// then keeps it, so memory never claims what the disk does not hold.
    fn change_bookmarks(
        &mut self,
        change: impl FnOnce(&mut Bookmarks) -> bool,
    ) -> Result<bool, UserError> {
        let (bookmarks, changed) = self.rewrite(BOOKMARKS_FILE, read_bookmarks, change)?;
        self.bookmarks = bookmarks;
        Ok(changed)
    }

    /// One read-modify-write of `file`, holding its lock throughout: another
    /// process (`treaty bookmarks add` while the explorer is open, two loops
    /// of it) waits its turn, and the change is applied to what the file
    /// holds now, never to a stale copy. A file with entries that could not
    /// be read is copied aside first (the entries stay there; the rest is
    /// written back). Returns what the file holds afterwards.
    fn rewrite<T: serde::Serialize + Default>(
        &mut self,
        file: &'static str,
        parse: Parse<T>,
        change: impl FnOnce(&mut T) -> bool,
    ) -> Result<(T, bool), UserError> {
        let path = self.home.path(file)?;
        let _lock = store::lock(&path)?;
        let read = read_file(&path, parse)?;
        let mut value = read.value;
        let changed = change(&mut value);
        if changed {
            if !read.problems.is_empty() {
                let backup = store::set_aside(&path)?;
                self.notices.push(format!(
                    "{} had {} that could not be read; the file as it was is kept as {}",
                    shown(&path),
                    if read.whole { "content" } else { "entries" },
                    shown(&backup)
                ));
            }
            store::write_json(&path, &value)?;
        }
        Ok((value, changed))
    }
}

fn shown(path: &Path) -> String {
    crate::text::one_line(&path.display().to_string())
}

/// Reads one file: missing is empty; one that cannot be opened or is not a
/// regular file (a FIFO, a device, larger than the limit) is an error.
fn read_file<T: Default>(path: &Path, parse: Parse<T>) -> Result<Read<T>, StoreError> {
    match store::read_capped(path, store::USER_FILE_LIMIT) {
        Ok(bytes) => Ok(parse(&bytes, &shown(path))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Read::default()),
        Err(source) => Err(StoreError::Read {
            path: shown(path),
            source,
        }),
    }
}

fn read<T: Default>(
    dir: &Path,
    file: &'static str,
    parse: Parse<T>,
    home: &mut Home,
    warnings: &mut Vec<String>,
) -> T {
    match read_file(&dir.join(file), parse) {
        Ok(read) => {
            if read.whole {
                home.unusable
                    .push((file, read.problems.first().cloned().unwrap_or_default()));
            }
            warnings.extend(read.problems);
            if read.whole
                && let Some(w) = warnings.last_mut()
            {
                w.push_str(
                    "; the file stays as it is, and the next change saved keeps a copy of it \
                     as NAME.corrupt-TIME",
                );
            }
            read.value
        }
        Err(e) => {
            // Unreadable (permissions, a directory or a FIFO in the way, too
            // large): never write over it.
            warnings.push(format!("{e}; changes to it will not be saved"));
            home.unreadable.push((file, e.to_string()));
            T::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_is_on_disk_at_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut data, warnings) = UserData::load_from(tmp.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(data.toggle_bookmark(&ItemRef::article(23)).ok(), Some(true));
        data.set_note(&ItemRef::article(23), "Line one\nline two".into())
            .expect("note");
        data.save_last_place("article:23".into()).expect("place");

        let (again, warnings) = UserData::load_from(tmp.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(again.is_bookmarked(&ItemRef::article(23)));
        assert_eq!(
            again.note(&ItemRef::article(23)),
            Some("Line one\nline two")
        );
        assert_eq!(again.last_place(), Some("article:23"));
        assert!(again.last_spot().is_none(), "no spot was kept");
        let text = std::fs::read_to_string(tmp.path().join(BOOKMARKS_FILE)).expect("file");
        assert_eq!(text, "[\n  \"article:23\"\n]\n");

        assert_eq!(
            data.toggle_bookmark(&ItemRef::article(23)).ok(),
            Some(false)
        );
        data.set_note(&ItemRef::article(23), String::new())
            .expect("delete");
        let (again, _) = UserData::load_from(tmp.path());
        assert!(again.bookmarks().is_empty());
        assert!(again.notes().is_empty());
    }

    #[test]
    fn a_corrupt_file_is_reported_and_kept_aside() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join(NOTES_FILE), "{\"article:23\": ").expect("write");
        let (mut data, warnings) = UserData::load_from(tmp.path());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("notes.json cannot be read (line 1"),
            "{warnings:?}"
        );
        assert!(
            tmp.path().join(NOTES_FILE).exists(),
            "reading sets nothing aside"
        );
        data.set_note(&ItemRef::article(1), "fresh".into())
            .expect("write");
        let backups = std::fs::read_dir(tmp.path())
            .expect("ls")
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("notes.json.corrupt-")
            })
            .count();
        assert_eq!(backups, 1);
    }

    #[test]
    fn an_unreadable_file_is_never_overwritten() {
        let tmp = tempfile::tempdir().expect("tempdir");
        // A directory where the file should be cannot be read as a file.
        std::fs::create_dir(tmp.path().join(BOOKMARKS_FILE)).expect("mkdir");
        let (mut data, warnings) = UserData::load_from(tmp.path());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let err = data
            .toggle_bookmark(&ItemRef::article(2))
            .expect_err("refused");
        assert!(
            err.to_string().contains("bookmarks.json could not be read"),
            "{err}"
        );
        assert!(
            !data.is_bookmarked(&ItemRef::article(2)),
            "memory matches disk"
        );
        data.set_note(&ItemRef::article(2), "other files still work".into())
            .expect("notes");
    }

    #[test]
    fn a_change_keeps_what_another_process_saved_meanwhile() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut explorer, _) = UserData::load_from(tmp.path());
        let (mut cli, _) = UserData::load_from(tmp.path());
        cli.add_bookmark(&ItemRef::article(1)).expect("cli");
        cli.set_note(&ItemRef::article(1), "from the cli".into())
            .expect("cli");
        assert_eq!(
            explorer.toggle_bookmark(&ItemRef::article(2)).ok(),
            Some(true)
        );
        explorer
            .set_note(&ItemRef::article(2), "from the explorer".into())
            .expect("ui");
        let (again, _) = UserData::load_from(tmp.path());
        let names: Vec<String> = again.bookmarks().iter().map(ToString::to_string).collect();
        assert_eq!(names, ["article:1", "article:2"]);
        assert_eq!(again.notes().len(), 2);
        // Toggling what the other process added removes it.
        assert_eq!(
            explorer.toggle_bookmark(&ItemRef::article(1)).ok(),
            Some(false)
        );
    }

    #[test]
    fn the_exact_spot_and_recent_places_are_kept_together() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut data, _) = UserData::load_from(tmp.path());
        let spot = Spot {
            place: "source:zamora".into(),
            focus: "document".into(),
            paragraph: Some(6),
            ..Spot::default()
        };
        let visited = ["source:zamora".to_string(), "article:24".to_string()];
        data.save_session(spot.clone(), &visited).expect("saved");
        let (again, warnings) = UserData::load_from(tmp.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again.last_place(), Some("source:zamora"));
        assert_eq!(again.last_spot(), Some(&spot));
        assert_eq!(again.recent(), visited);
        // An older treaty that keeps only the place: the spot no longer
        // belongs to it and is not used.
        let (mut old, _) = UserData::load_from(tmp.path());
        old.save_last_place("article:2".into()).expect("place");
        let (again, _) = UserData::load_from(tmp.path());
        assert!(again.last_spot().is_none());
        assert_eq!(again.recent(), visited, "kept by the older write");
    }

    #[test]
    fn in_memory_data_refuses_to_save() {
        let mut data = UserData::in_memory(Bookmarks::default(), Notes::default());
        assert!(data.toggle_bookmark(&ItemRef::article(2)).is_err());
        assert!(data.bookmarks().is_empty());
    }
}
