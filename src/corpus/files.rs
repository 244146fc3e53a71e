//! Reading the files of a corpus, from the binary (the embedded default corpus)
//! or from a directory given with `--data`.

use super::problem::Problem;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// A corpus directory: `convention.json`, `links.json`, `concerns.json`,
/// `timeline.json` and `sources/*.md|*.txt`.
#[derive(Debug, Clone)]
pub enum CorpusFiles {
    Embedded,
    Dir(PathBuf),
}

/// A file's contents with the name to show in messages.
pub struct FileText {
    pub name: String,
    pub text: String,
}

impl CorpusFiles {
    /// How a file of the corpus is named in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            CorpusFiles::Embedded => format!("data/{rel}"),
            CorpusFiles::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// Reads a required file as UTF-8.
    pub fn read(&self, rel: &str) -> Result<FileText, Problem> {
        let name = self.display(rel);
        let bytes: Vec<u8> = match self {
            CorpusFiles::Embedded => match EMBEDDED.get_file(rel) {
                Some(f) => f.contents().to_vec(),
                None => return Err(Problem::file(&name, format!("missing file: {name}"))),
            },
            CorpusFiles::Dir(dir) => read_disk(&dir.join(rel), &name)?,
        };
        decode(bytes, &name).map(|text| FileText { name, text })
    }

    /// Relative paths of the source files (`sources/x.md`), sorted by name.
    pub fn source_files(&self) -> Result<Vec<String>, Problem> {
        let mut names: Vec<String> = match self {
            CorpusFiles::Embedded => EMBEDDED
                .get_dir("sources")
                .map(|d| {
                    d.files()
                        .filter_map(|f| f.path().file_name())
                        .map(|n| n.to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default(),
            CorpusFiles::Dir(dir) => {
                let path = dir.join("sources");
                let name = path.display().to_string();
                let entries = std::fs::read_dir(&path).map_err(|e| {
                    Problem::file(&name, format!("cannot read directory {name}: {e}"))
                })?;
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            }
        };
        names.retain(|n| is_source_name(n));
        names.sort();
        Ok(names.into_iter().map(|n| format!("sources/{n}")).collect())
    }
}

/// Source files are Markdown or plain text; anything else in `sources/`
/// (editor backups, hidden files) is ignored.
pub fn is_source_name(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".md") || name.ends_with(".txt"))
}

/// The largest file of a `--data` corpus read (the convention with its
/// authentic text is well under 1 MiB).
pub const CORPUS_FILE_LIMIT: u64 = 64 << 20;

/// Reads one file of a `--data` corpus; a FIFO or device (`/dev/zero` as
/// `convention.json`) and a file over the limit are refused before reading.
fn read_disk(path: &Path, name: &str) -> Result<Vec<u8>, Problem> {
    if path.is_dir() {
        return Err(Problem::file(
            name,
            format!("{name} is a directory, not a file"),
        ));
    }
    crate::store::read_capped(path, CORPUS_FILE_LIMIT).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::file(name, format!("missing file: {name}")),
        _ => Problem::file(name, format!("cannot read {name}: {e}")),
    })
}

/// Decodes UTF-8, naming the byte offset of the first bad byte; drops a BOM and
/// turns CRLF into LF so lines count the same on every platform.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Problem> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            if s.contains('\r') {
                s = s.replace("\r\n", "\n").replace('\r', "\n");
            }
            Ok(s)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let (line, column) = super::problem::line_col(&valid, offset);
            Err(Problem::at(
                name,
                line,
                column,
                format!("not valid UTF-8 at byte offset {offset}"),
            ))
        }
    }
}
