//! The `i` file prompt: the path typed becomes an import the event loop
//! runs in the background (as `treaty import FILE` does), with a progress
//! line in the footer; when it ends, the loop has merged the library into
//! the corpus again and the new source opens, in the outline and in "Cited
//! by". Nothing is written when the import fails; the footer says why and
//! the prompt opens again to fix the path.

use crate::app::action::{Action, Effect, ImportDone, Outcome};
use crate::app::state::{AppState, Importing, Overlay, View};
use crate::app::wrap::WrapCache;
use crate::corpus::Corpus;
use crate::intake::{Progress, Unit};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use std::path::{Path, PathBuf};

/// Longest path kept in the prompt.
pub const PATH_LIMIT: usize = 4096;

/// The keys of the file prompt: `i` opens it, the prompt keys edit the path,
/// Enter imports; `None` leaves any other action to `update`.
pub fn handle(state: &mut AppState, action: &Action) -> Option<Effect> {
    match (action, &mut state.overlay) {
        (Action::ImportFile, None) => {
            match &state.importing {
                Some(i) => {
                    let line = i.line.clone();
                    state.info(format!("{line} (one import at a time: wait for it to end)"));
                }
                None => {
                    state.overlay = Some(Overlay::Import {
                        input: String::new(),
                    })
                }
            }
            Some(Effect::Nothing)
        }
        (Action::PromptChar(c), Some(Overlay::Import { input })) => {
            if input.chars().count() < PATH_LIMIT && !c.is_control() {
                input.push(*c);
            }
            Some(Effect::Nothing)
        }
        (Action::PromptBackspace, Some(Overlay::Import { input })) => {
            input.pop();
            Some(Effect::Nothing)
        }
        (Action::PromptSubmit, Some(Overlay::Import { .. })) => {
            state.status = None;
            Some(submit(state))
        }
        // `i` over another overlay does nothing.
        (Action::ImportFile, _) => Some(Effect::Nothing),
        _ => None,
    }
}

/// `~/x` is the home directory's `x`, as a shell would read it.
fn expand(input: &str, home: Option<&Path>) -> PathBuf {
    let t = input.trim();
    if let Some(rest) = t.strip_prefix("~/")
        && let Some(home) = home.filter(|h| !h.as_os_str().is_empty())
    {
        return home.join(rest);
    }
    PathBuf::from(t)
}

/// Enter in the prompt: the prompt closes and the loop imports the file in
/// the background; the footer follows it.
pub fn submit(state: &mut AppState) -> Effect {
    let Some(Overlay::Import { input }) = &state.overlay else {
        return Effect::Nothing;
    };
    if input.trim().is_empty() {
        state.error("Type the path of a file to import, or Esc to cancel.");
        return Effect::Nothing;
    }
    if state.importing.is_some() {
        state.error("An import is running: wait for it to end, then import this one.");
        return Effect::Nothing;
    }
    let input = input.clone();
    let path = expand(&input, state.desk.home.as_deref());
    let line = format!("Importing {}…", file_name(&path));
    state.overlay = None;
    state.importing = Some(Importing { input, line });
    Effect::Import { path }
}

/// A file's name, as it may be shown on a terminal (one line, no escapes).
pub fn file_name(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    one_line(&name)
}

/// The footer's progress line: `Importing memo.md: 40% of 50 MB`, `Importing
/// 3 of 12: report.pdf, page 7 of 41`. `file` counts from 0.
pub fn progress_line(name: &str, file: usize, files: usize, p: Progress) -> String {
    let name = one_line(name);
    let head = if files > 1 {
        format!("Importing {} of {files}: {name}", file + 1)
    } else {
        format!("Importing {name}")
    };
    match (p.unit, p.total) {
        (_, 0) => format!("{head}…"),
        (Unit::Pages, total) => format!("{head}, page {} of {total}", p.done.min(total)),
        (Unit::Bytes, total) => format!(
            "{head}: {}% of {}",
            p.done.min(total) * 100 / total,
            size(total)
        ),
    }
}

/// A size as people say it: `812 KB`, `50 MB`, `1.2 GB`.
fn size(bytes: u64) -> String {
    const KB: u64 = 1 << 10;
    const MB: u64 = 1 << 20;
    const GB: u64 = 1 << 30;
    match bytes {
        b if b < KB => format!("{b} bytes"),
        b if b < MB => format!("{} KB", (b + KB / 2) / KB),
        b if b < GB => format!("{} MB", (b + MB / 2) / MB),
        b => format!("{:.1} GB", b as f64 / GB as f64),
    }
}

/// What the loop tells of the import: its progress, or its end.
pub fn performed(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, outcome: Outcome) {
    match outcome {
        Outcome::ImportProgress(line) => {
            if let Some(i) = &mut state.importing {
                i.line = one_line(&line);
            }
        }
        Outcome::Imported(Ok(done)) => {
            state.importing = None;
            imported(state, corpus, graph, done);
        }
        Outcome::Imported(Err(why)) => {
            let input = state.importing.take().map(|i| i.input);
            state.error(format!("Nothing imported: {}", one_line(&why)));
            // The prompt opens again to fix the path, unless the user has
            // opened something else meanwhile.
            if let (Some(input), None) = (input, &state.overlay) {
                state.overlay = Some(Overlay::Import { input });
            }
        }
        _ => {}
    }
}

/// The library is merged into `corpus` again (by the loop): wrapped texts
/// and places that named user sources are dropped, and the source just
/// imported opens.
fn imported(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, d: ImportDone) {
    let warn = d
        .warning
        .as_ref()
        .map(|w| format!(" Warning: {}", one_line(w)))
        .unwrap_or_default();
    let status = format!(
        "{} '{}': {} paragraph{}, {} citation{} of the convention. It is under Sources.{warn}",
        if d.updated { "Updated" } else { "Imported" },
        one_line(&d.id),
        d.paragraphs,
        crate::text::plural(d.paragraphs),
        d.citations,
        crate::text::plural(d.citations),
    );
    // Indices of the user's sources may have moved.
    let summary = state.cache.shows_summary();
    state.cache = WrapCache::default();
    state.cache.set_shows_summary(summary);
    let n = corpus.sources.len();
    let valid = |v: View| !matches!(v, View::Source(i) if i >= n);
    state.history.back.retain(|l| valid(l.view));
    state.history.forward.retain(|l| valid(l.view));
    if !valid(state.view()) {
        state.here = crate::app::nav::fresh(corpus, graph, state, View::Preamble);
    }
    // A user source whose id a built-in one has is merged as `my-ID`.
    let id = d.id.as_str();
    if let Some(i) = corpus
        .sources
        .iter()
        .rposition(|s| s.user && (s.id == id || s.id == format!("my-{id}")))
    {
        crate::app::nav::open_view(state, corpus, graph, View::Source(i));
    }
    crate::app::settle::settle(state, corpus, graph);
    state.info(status);
    if let Some(w) = &d.library_warning {
        state.error(format!("Your library: {}", one_line(w)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(done: u64, total: u64) -> Progress {
        Progress {
            done,
            total,
            unit: Unit::Bytes,
        }
    }

    #[test]
    fn the_progress_line_says_which_file_and_how_far() {
        assert_eq!(
            progress_line("memo.md", 0, 1, bytes(20 << 20, 50 << 20)),
            "Importing memo.md: 40% of 50 MB"
        );
        assert_eq!(
            progress_line(
                "report.pdf",
                2,
                12,
                Progress {
                    done: 7,
                    total: 41,
                    unit: Unit::Pages
                }
            ),
            "Importing 3 of 12: report.pdf, page 7 of 41"
        );
        assert_eq!(
            progress_line("x.docx", 0, 1, bytes(5, 0)),
            "Importing x.docx…"
        );
        // Never past the end, even when the reader overshoots its estimate.
        assert_eq!(
            progress_line("a.txt", 0, 1, bytes(900, 800)),
            "Importing a.txt: 100% of 800 bytes"
        );
    }

    #[test]
    fn a_hostile_file_name_reaches_the_footer_clean() {
        let line = progress_line("\u{1b}]0;pwned\u{7}memo\nmd", 0, 1, bytes(1, 2));
        assert!(!line.chars().any(char::is_control), "{line:?}");
        assert!(line.contains("memo"), "{line}");
        let name = file_name(Path::new("/tmp/\u{1b}[31mred.md"));
        assert!(!name.chars().any(char::is_control), "{name:?}");
    }

    #[test]
    fn a_tilde_is_the_home_the_loop_gave() {
        let home = Path::new("/home/ada");
        assert_eq!(
            expand(" ~/memo.md ", Some(home)),
            PathBuf::from("/home/ada/memo.md")
        );
        assert_eq!(expand("~/memo.md", None), PathBuf::from("~/memo.md"));
        assert_eq!(expand("/x/y.md", Some(home)), PathBuf::from("/x/y.md"));
    }
}
