//! The import `i` asks for, run off the UI thread: the file is read and
//! stored in the library (under the library's lock, each file written
//! atomically), the library is merged into a copy of the corpus and the link
//! graph built again, all on a worker; the loop hears the progress and, at
//! the end, swaps in the corpus and graph the worker made. The screen never
//! waits for it.

use crate::app::action::{ImportDone, Outcome};
use crate::app::import::{file_name, progress_line};
use crate::corpus::Corpus;
use crate::library::{ImportOptions, Library};
use crate::refs::graph::LinkGraph;
use crate::search::Waker;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

/// How an import ended: the corpus with the library merged in again and its
/// link graph (on success), and what to tell `update`.
pub struct ImportEnd {
    pub merged: Option<(Corpus, LinkGraph)>,
    pub outcome: Outcome,
}

/// What the worker tells the loop.
pub enum News {
    Progress(String),
    Done(Box<ImportEnd>),
}

/// An import running on its own thread.
pub struct Job {
    news: Receiver<News>,
}

impl Job {
    /// Starts importing `path`; `wake` wakes the loop when there is news.
    pub fn start(path: PathBuf, corpus: Arc<Corpus>, wake: Waker) -> Job {
        let (tx, rx) = mpsc::channel();
        let progress_tx = tx.clone();
        let progress_wake = Arc::clone(&wake);
        let work = move || {
            let end = import_now(&path, &corpus, &mut |line| {
                let _ = progress_tx.send(News::Progress(line));
                progress_wake();
            });
            let _ = tx.send(News::Done(Box::new(end)));
            wake();
        };
        let job = Job { news: rx };
        if let Err(e) = std::thread::Builder::new()
            .name("import".into())
            .spawn(work)
        {
            // No thread, no import: say so through the same channel.
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(News::Done(Box::new(ImportEnd {
                merged: None,
                outcome: Outcome::Imported(Err(format!("cannot start the import: {e}"))),
            })));
            return Job { news: rx };
        }
        job
    }

    /// The news since last asked, oldest first; only the latest progress
    /// line counts, so a burst of them costs one update.
    pub fn news(&self) -> Vec<News> {
        let mut out: Vec<News> = Vec::new();
        for n in self.news.try_iter() {
            if let (Some(News::Progress(_)), News::Progress(_)) = (out.last(), &n) {
                out.pop();
            }
            out.push(n);
        }
        out
    }
}

/// Imports `path` into the user's library and merges the library into a
/// copy of `corpus`, telling `progress` a footer line whenever it changes.
/// The explorer runs it on a worker; tests call it directly.
pub fn import_now(path: &Path, corpus: &Corpus, progress: &mut dyn FnMut(String)) -> ImportEnd {
    match import_and_merge(path, corpus, progress) {
        Ok((merged, graph, done)) => ImportEnd {
            merged: Some((merged, graph)),
            outcome: Outcome::Imported(Ok(done)),
        },
        Err(why) => ImportEnd {
            merged: None,
            outcome: Outcome::Imported(Err(why)),
        },
    }
}

fn import_and_merge(
    path: &Path,
    corpus: &Corpus,
    progress: &mut dyn FnMut(String),
) -> Result<(Corpus, LinkGraph, ImportDone), String> {
    let library = Library::open().map_err(|e| e.to_string())?;
    let name = file_name(path);
    let mut last = String::new();
    let mut tell = |line: String| {
        if line != last {
            last.clone_from(&line);
            progress(line);
        }
    };
    // Built-in ids are never shadowed, as with `treaty import`.
    let taken = corpus.builtin_source_ids();
    let done = library
        .import_files_with_progress(
            std::slice::from_ref(&path.to_path_buf()),
            &ImportOptions::default(),
            &taken,
            &mut |i, p| tell(progress_line(&name, i, 1, p)),
        )
        .map_err(|e| e.to_string())?;
    let d = done.first().ok_or("Nothing was imported.")?;
    // Still under way: the final "Imported" line comes when it is done.
    tell(format!(
        "Importing {name}: read; adding it to the outline and the links…"
    ));
    let mut merged = corpus.clone();
    let warnings = library.merge_into(&mut merged);
    let graph = LinkGraph::build(&merged);
    let r = &d.reading;
    Ok((
        merged,
        graph,
        ImportDone {
            id: d.id.clone(),
            updated: d.updated,
            paragraphs: r.paragraphs,
            citations: r.citations,
            warning: r.warnings.first().cloned(),
            library_warning: warnings.into_iter().next(),
        },
    ))
}
