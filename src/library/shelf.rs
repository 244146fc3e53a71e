//! Where the library lives and how files go in and out of it: imported sources
//! as `sources/ID.md` in the corpus format, the authentic text as
//! `authentic.json`, each written atomically.

use super::authentic::{AuthenticReport, parse_authentic};
use super::import::{ImportOptions, Imported, read_authentic_text, read_path};
use super::{LibraryError, shown, slug};
use crate::corpus::Convention;
use crate::corpus::files::is_source_name;
use crate::corpus::load::source_id;
use crate::intake::{Limits, Progress};
use crate::store::{StoreError, write_atomic};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Version of the `authentic.json` layout.
const AUTHENTIC_FORMAT: u32 = 1;

/// The user's library, a directory (`$XDG_DATA_HOME/treaty`).
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

/// A source file in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id its file name gives (a built-in source with the same id makes
    /// it `my-ID` once merged).
    pub id: String,
    pub path: PathBuf,
    /// The file it was imported from, as its front matter says.
    pub origin: Option<String>,
    /// Why the stored file could not be read to find its origin (its mode
    /// is 000, say): an import then refuses rather than guess.
    pub unreadable: Option<String>,
}

/// What `authentic.json` holds.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredAuthentic {
    pub format: u32,
    pub imported_from: String,
    pub preamble: Option<String>,
    /// Article number -> text.
    pub articles: std::collections::BTreeMap<u8, String>,
}

/// The outcome of `import-text`: the report, and where the text was stored
/// (`None` when the file was refused and nothing changed).
#[derive(Debug, Clone)]
pub struct AuthenticImport {
    pub report: AuthenticReport,
    pub stored: Option<PathBuf>,
    pub refused: Option<String>,
    pub warnings: Vec<String>,
}

impl Library {
    /// The library in the user's data directory (`store::data_dir`).
    pub fn open() -> Result<Self, StoreError> {
        Ok(Library {
            root: crate::store::data_dir()?,
        })
    }

    /// A library in `root` (tests use a temporary directory).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Library { root: root.into() }
    }

    pub fn sources_dir(&self) -> PathBuf {
        self.root.join("sources")
    }

    pub fn authentic_path(&self) -> PathBuf {
        self.root.join("authentic.json")
    }

    /// The source files of the library, sorted by name; none when it has no
    /// `sources/` yet.
    pub fn entries(&self) -> Result<Vec<Entry>, LibraryError> {
        let dir = self.sources_dir();
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Read {
                    path: shown(&dir),
                    source,
                }
                .into());
            }
        };
        let mut entries: Vec<Entry> = read
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                if !is_source_name(&name) {
                    return None;
                }
                let (origin, unreadable) = match read_origin(&e.path()) {
                    Ok(origin) => (origin, None),
                    Err(why) => (None, Some(why.to_string())),
                };
                Some(Entry {
                    id: slug(&source_id(&name)),
                    origin,
                    unreadable,
                    path: e.path(),
                })
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        // Two files whose names give one id (`Memo.md`, `memo.md` placed by
        // hand): the first keeps it, the next is numbered. One id, one file.
        let natural: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
        let mut given: HashSet<String> = HashSet::new();
        for e in &mut entries {
            if !given.insert(e.id.clone()) {
                let id = (2..)
                    .map(|n| format!("{}-{n}", e.id))
                    .find(|id| !natural.contains(id) && !given.contains(id))
                    .unwrap_or_default();
                given.insert(id.clone());
                e.id = id;
            }
        }
        Ok(entries)
    }

    /// The lock every change to the library holds: two imports at once take
    /// turns, so they never pick one id for two files.
    fn lock(&self) -> Result<crate::store::Lock, LibraryError> {
        Ok(crate::store::lock(&self.root.join("library"))?)
    }

    /// Reads every file, then stores them all; a file that cannot be read
    /// stops the import before anything is written. `taken` are the ids of the
    /// built-in sources: an import never shadows one.
    pub fn import_files(
        &self,
        paths: &[PathBuf],
        options: &ImportOptions,
        taken: &[String],
    ) -> Result<Vec<Imported>, LibraryError> {
        self.import_files_with_progress(paths, options, taken, &mut |_, _| {})
    }

    /// [`Library::import_files`], telling `progress` which file (by its index
    /// in `paths`) is being read and how far reading it has come, so a
    /// progress bar or an explorer's progress line can follow a long import.
    pub fn import_files_with_progress(
        &self,
        paths: &[PathBuf],
        options: &ImportOptions,
        taken: &[String],
        progress: &mut dyn FnMut(usize, Progress),
    ) -> Result<Vec<Imported>, LibraryError> {
        if paths.len() > 1 && options.meta.title.is_some() {
            return Err(LibraryError::Input(
                "--title names one source: import the files one at a time to give each its title"
                    .to_string(),
            ));
        }
        let mut read: Vec<(PathBuf, String, super::Reading)> = Vec::new();
        for (index, path) in paths.iter().enumerate() {
            let absolute = regular_file(path)?;
            let origin = exact_origin(&absolute);
            if read.iter().any(|(_, o, _)| *o == origin) {
                continue;
            }
            let mut options = options.clone();
            options.meta.origin = Some(origin.clone());
            let file = open_regular(&absolute)
                .map_err(|e| LibraryError::Input(format!("cannot read {}: {e}", shown(path))))?;
            let reading = read_path(
                file,
                &absolute,
                &shown(path),
                &options,
                &Limits::default(),
                &mut |p| progress(index, p),
            )?;
            read.push((path.clone(), origin, reading));
        }
        let _lock = self.lock()?;
        let existing = self.entries()?;
        if let Some(e) = existing.iter().find(|e| e.unreadable.is_some()) {
            // Its origin cannot be told, so it might be this very file:
            // importing would make a second copy under a new id.
            return Err(LibraryError::Input(format!(
                "cannot read {} in your library ({}): fix its permissions, or remove it with \
                 `treaty import --remove {}`, then import again",
                shown(&e.path),
                e.unreadable.as_deref().unwrap_or_default(),
                crate::text::one_line(&e.id)
            )));
        }
        let mut used: HashSet<String> = taken.iter().cloned().collect();
        used.extend(existing.iter().map(|e| e.id.clone()));
        let mut planned = Vec::new();
        for (path, origin, reading) in read {
            let again = existing
                .iter()
                .find(|e| e.origin.as_deref().is_some_and(|o| same_origin(o, &origin)));
            let (id, updated) = match again {
                Some(e) => (e.id.clone(), true),
                None => {
                    let stem = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let stem = stem.rsplit_once('.').map_or(stem.as_str(), |(s, _)| s);
                    (unique_id(&slug(stem), taken, &used), false)
                }
            };
            used.insert(id.clone());
            let stored = match again {
                Some(e) => e.path.clone(),
                None => self.sources_dir().join(format!("{id}.md")),
            };
            planned.push(Imported {
                id,
                file: shown(&path),
                stored,
                updated,
                reading,
            });
        }
        self.write_all(&mut planned)?;
        Ok(planned)
    }

    /// Stores every planned import; if one write fails, the files this import
    /// created are removed again, and the failure is returned.
    fn write_all(&self, planned: &mut [Imported]) -> Result<(), LibraryError> {
        let mut created: Vec<PathBuf> = Vec::new();
        for p in planned.iter_mut() {
            let existed = p.stored.exists();
            let bytes = std::mem::take(&mut p.reading.stored);
            if let Err(e) = write_atomic(&p.stored, bytes.as_bytes()) {
                for c in &created {
                    let _ = std::fs::remove_file(c);
                }
                return Err(e.into());
            }
            if !existed {
                created.push(p.stored.clone());
            }
        }
        Ok(())
    }

    /// Removes a source from the library by its id, exactly. `builtin` are
    /// the ids of the built-in sources: a library file whose id one of them
    /// has is shown as `my-ID`, and that name removes it too (and only then:
    /// `my-t` never removes a source `t` that no built-in source shadows).
    pub fn remove(&self, id: &str, builtin: &[String]) -> Result<Entry, LibraryError> {
        let _lock = self.lock()?;
        let entries = self.entries()?;
        let found = entries.iter().find(|e| e.id == id).or_else(|| {
            let plain = id.strip_prefix("my-")?;
            builtin
                .iter()
                .any(|b| b == plain)
                .then(|| entries.iter().find(|e| e.id == plain))
                .flatten()
        });
        let Some(entry) = found.cloned() else {
            let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
            return Err(LibraryError::Input(format!(
                "no source '{}' in your library: {}",
                crate::text::one_line(id),
                if ids.is_empty() {
                    "it is empty".to_string()
                } else {
                    format!("it has {}", ids.join(", "))
                }
            )));
        };
        std::fs::remove_file(&entry.path).map_err(|source| StoreError::Write {
            path: shown(&entry.path),
            source,
        })?;
        Ok(entry)
    }

    /// Reads the authentic text from `path`; stores it only when it looks
    /// like the convention (see [`AuthenticReport::verdict`]).
    pub fn import_authentic(
        &self,
        path: &Path,
        lossy: bool,
        convention: &Convention,
    ) -> Result<AuthenticImport, LibraryError> {
        let absolute = regular_file(path)?;
        let file = open_regular(&absolute)
            .map_err(|e| LibraryError::Input(format!("cannot read {}: {e}", shown(path))))?;
        let (text, places, warnings) =
            read_authentic_text(file, &absolute, &shown(path), lossy, &Limits::default())?;
        let mut report = parse_authentic(&text, convention);
        drop(text);
        if let Some(places) = places {
            report.locate(&places);
        }
        if let Err(why) = report.verdict() {
            return Ok(AuthenticImport {
                report,
                stored: None,
                refused: Some(why),
                warnings,
            });
        }
        let stored = StoredAuthentic {
            format: AUTHENTIC_FORMAT,
            imported_from: crate::text::one_line(&absolute.display().to_string()),
            preamble: report.text.preamble.clone(),
            articles: report.text.articles.clone(),
        };
        let target = self.authentic_path();
        let _lock = crate::store::lock(&target)?;
        crate::store::write_json(&target, &stored)?;
        Ok(AuthenticImport {
            report,
            stored: Some(target),
            refused: None,
            warnings,
        })
    }

    /// The stored authentic text, if any.
    pub(super) fn read_authentic(&self) -> Result<Option<StoredAuthentic>, String> {
        let path = self.authentic_path();
        let bytes = match crate::store::read_capped(&path, crate::store::USER_FILE_LIMIT) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read {}: {e}", shown(&path))),
        };
        let stored: StoredAuthentic = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                shown(&path),
                e.line(),
                e.column(),
                crate::text::one_line(&e.to_string())
            )
        })?;
        if stored.format != AUTHENTIC_FORMAT {
            return Err(format!(
                "{}: format {} is not one this version reads (it reads {AUTHENTIC_FORMAT})",
                shown(&path),
                stored.format
            ));
        }
        Ok(Some(stored))
    }

    /// What the stored authentic text holds: (articles, has preamble, from).
    pub fn authentic_summary(&self) -> Result<Option<(usize, bool, String)>, String> {
        Ok(self
            .read_authentic()?
            .map(|s| (s.articles.len(), s.preamble.is_some(), s.imported_from)))
    }

    /// Removes the stored authentic text; false when there was none.
    pub fn remove_authentic(&self) -> Result<bool, LibraryError> {
        let path = self.authentic_path();
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(StoreError::Write {
                path: shown(&path),
                source,
            }
            .into()),
        }
    }
}

/// The absolute path of a regular file the user named, or an error saying
/// what it is instead.
fn regular_file(path: &Path) -> Result<PathBuf, LibraryError> {
    let name = shown(path);
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LibraryError::Input(format!("no such file: {name}")),
        _ => LibraryError::Input(format!("cannot read {name}: {e}")),
    })?;
    if meta.is_dir() {
        return Err(LibraryError::Input(format!(
            "{name} is a directory: give a text or Markdown file"
        )));
    }
    if !meta.is_file() {
        return Err(LibraryError::Input(format!(
            "{name} is not a regular file: give a text or Markdown file"
        )));
    }
    std::fs::canonicalize(path).map_err(|e| LibraryError::Input(format!("cannot read {name}: {e}")))
}

/// Opens a file checked by [`regular_file`] without blocking, and checks
/// again what was opened: a FIFO put in its place meanwhile cannot hang the
/// import. (Its content is streamed, so no size limit is needed.)
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    match crate::store::kind_name(&file.metadata()?) {
        None => Ok(file),
        Some(kind) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {kind}, not a regular file"),
        )),
    }
}

/// `base`, else `my-base` when a built-in source has it, numbered when the
/// library has it too.
fn unique_id(base: &str, builtin: &[String], used: &HashSet<String>) -> String {
    let base = if builtin.iter().any(|b| b == base) {
        format!("my-{base}")
    } else {
        base.to_string()
    };
    if !used.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !used.contains(id))
        .unwrap_or(base)
}

/// The `origin:` of a stored file's front matter, read without reading the
/// whole file; an error when the file cannot be opened.
fn read_origin(path: &Path) -> std::io::Result<Option<String>> {
    let file = std::fs::File::open(path)?;
    let mut lines = BufReader::new(file.take(64 * 1024)).lines();
    match lines.next() {
        Some(Ok(first)) if first.trim_end() == "---" => {}
        _ => return Ok(None),
    }
    for line in lines.take(64) {
        let Ok(line) = line else { return Ok(None) };
        if line.trim_end() == "---" {
            return Ok(None);
        }
        if let Some(("origin", value)) = line.split_once(':').map(|(k, v)| (k.trim(), v)) {
            return Ok(Some(crate::text::one_line(value)));
        }
    }
    Ok(None)
}

/// The path a file was imported from, written so that it names exactly
/// that file: every byte that one line of front matter would fold or drop
/// (a newline, a tab, a leading, trailing or second space, a byte that is
/// not UTF-8, a control or format character) and `%` itself are written as
/// `%XX`. Two files whose names differ only there stay two files, and a
/// plain path reads as itself. (An origin stored by an earlier version was
/// folded; it still matches a path that folding did not change, unless the
/// path holds a `%`: such a file is imported again as a new source.)
fn exact_origin(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    // Each char of the path, or a byte that is not UTF-8.
    let mut tokens: Vec<Result<char, u8>> = Vec::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        tokens.extend(chunk.valid().chars().map(Ok));
        tokens.extend(chunk.invalid().iter().map(|b| Err(*b)));
    }
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let escape = match *token {
            Err(_) => true,
            Ok(' ') => {
                // A single space between two other characters survives.
                let prev = i.checked_sub(1).map(|j| tokens[j]);
                let next = tokens.get(i + 1).copied();
                !matches!(prev, Some(Ok(c)) if !c.is_whitespace())
                    || !matches!(next, Some(Ok(c)) if !c.is_whitespace())
                        && !matches!(next, Some(Err(_)))
            }
            Ok(c) => c == '%' || c.is_whitespace() || crate::text::is_unsafe(c),
        };
        match *token {
            Err(b) => out.push_str(&format!("%{b:02X}")),
            Ok(c) if escape => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            Ok(c) => out.push(c),
        }
    }
    out
}

/// Whether a stored origin names the file whose exact origin is `origin`.
fn same_origin(stored: &str, origin: &str) -> bool {
    stored == origin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_avoid_builtin_and_library_ones() {
        let builtin = vec!["zamora".to_string()];
        let mut used: HashSet<String> = builtin.iter().cloned().collect();
        assert_eq!(unique_id("memo", &builtin, &used), "memo");
        assert_eq!(unique_id("zamora", &builtin, &used), "my-zamora");
        used.insert("my-zamora".into());
        used.insert("memo".into());
        assert_eq!(unique_id("zamora", &builtin, &used), "my-zamora-2");
        assert_eq!(unique_id("memo", &builtin, &used), "memo-2");
    }

    #[test]
    fn import_update_remove_round_trip() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lib = Library::at(tmp.path().join("data"));
        let file = tmp.path().join("My memo.txt");
        std::fs::write(&file, "See Article 23.\n").expect("write");
        let taken = vec!["zamora".to_string()];
        let first = lib
            .import_files(
                std::slice::from_ref(&file),
                &ImportOptions::default(),
                &taken,
            )
            .expect("imports");
        assert_eq!(first[0].id, "my-memo");
        assert!(!first[0].updated);
        std::fs::write(&file, "See Article 24.\n\nAnd more.\n").expect("write");
        let again = lib
            .import_files(
                std::slice::from_ref(&file),
                &ImportOptions::default(),
                &taken,
            )
            .expect("imports");
        assert_eq!(again[0].id, "my-memo");
        assert!(again[0].updated);
        assert_eq!(lib.entries().expect("entries").len(), 1);
        lib.remove("my-memo", &taken).expect("removes");
        assert!(lib.entries().expect("entries").is_empty());
        assert!(lib.remove("my-memo", &taken).is_err());
    }

    #[test]
    fn origins_keep_every_byte_and_read_as_one_line() {
        use std::os::unix::ffi::OsStrExt;
        let cases: [&[u8]; 8] = [
            b"/d/Report final.txt",
            b"/d/Report  final.txt",
            b"/d/Report\tfinal.txt",
            b"/d/Report\nfinal.txt",
            b"/d/bad\xff.txt",
            b"/d/bad\xfe.txt",
            b"/d/100%.txt",
            b"/d/ lead and trail .txt",
        ];
        let origins: Vec<String> = cases
            .iter()
            .map(|b| exact_origin(Path::new(std::ffi::OsStr::from_bytes(b))))
            .collect();
        assert_eq!(origins[0], "/d/Report final.txt");
        assert_eq!(origins[6], "/d/100%25.txt");
        let distinct: HashSet<&String> = origins.iter().collect();
        assert_eq!(distinct.len(), cases.len(), "{origins:?}");
        for o in &origins {
            assert_eq!(&crate::text::one_line(o), o, "stored as one line unchanged");
        }
    }

    #[test]
    fn nothing_is_written_when_one_file_fails() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lib = Library::at(tmp.path().join("data"));
        let good = tmp.path().join("good.txt");
        std::fs::write(&good, "Fine.\n").expect("write");
        let bad = tmp.path().join("bad.txt");
        std::fs::write(&bad, b"bad \xff\n").expect("write");
        let err = lib
            .import_files(&[good, bad], &ImportOptions::default(), &[])
            .expect_err("refused");
        assert!(err.to_string().contains("byte offset 4"), "{err}");
        assert!(!lib.sources_dir().exists());
    }
}
