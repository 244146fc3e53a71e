//! The analyst's desk in the explorer: opening the overviews, bookmarking,
//! the note editor, copying a citation, exporting a brief, and the last place
//! kept between runs. Nothing here writes: each change to the user's files,
//! the clipboard and the brief is an [`Effect`] the event loop performs
//! (through `UserData`, which writes atomically), and what came of it
//! returns as an [`Outcome`] told in the footer, never fatal.

use crate::app::action::{Action, Effect, Outcome, Save};
use crate::app::nav::to_passage;
use crate::app::nav::{fresh, go, open_view};
use crate::app::settle::{reveal, settle};
use crate::app::state::Overview;
use crate::app::state::editor::{EditKey, Editor};
use crate::app::state::{AppState, Overlay, PaneId, View};
use crate::app::view::entry::DeskItem;
use crate::app::view::entry::{Item, ctx};
pub use crate::app::view::selection::{item_in_view, short};
use crate::corpus::{Corpus, PassageId, Place, Target};
use crate::refs::graph::LinkGraph;
use crate::text::one_line;
use crate::user::brief::{self, Format, Selection};
use crate::user::{ItemRef, Resolved, UserData};

/// `c`, `C`, `t`, `B`: opens an overview with its main list focused.
pub fn open_overview(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, o: Overview) {
    if state.view() == View::Overview(o) {
        state.here.focus = PaneId::Document;
        settle(state, corpus, graph);
        return;
    }
    let mut to = fresh(corpus, graph, state, View::Overview(o));
    to.focus = PaneId::Document;
    go(state, corpus, graph, to);
}

/// Enter on an overview entry.
pub fn open(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, item: DeskItem) {
    match item {
        DeskItem::Concern(_) => {
            // The concern's passages are in the second pane: go there.
            let first = {
                let c = ctx(state, corpus, graph);
                crate::app::view::overviews::links(c, state, Overview::Concerns)
                    .iter()
                    .position(Item::selectable)
            };
            state.here.focus = PaneId::Links;
            state.here.links = crate::app::state::PaneState {
                top: crate::app::scroll::Anchor::TOP,
                selected: first.unwrap_or(0),
            };
            settle(state, corpus, graph);
            reveal(state, corpus, graph, PaneId::Links);
        }
        DeskItem::ConcernPassage(p) => open_passage(state, corpus, graph, p),
        DeskItem::ConcernTarget(t, _) => open_view(state, corpus, graph, View::from_target(t)),
        DeskItem::CoverageArticle(n) => {
            open_view(state, corpus, graph, View::Article(n));
        }
        DeskItem::CoverageChapter(n) => {
            if !state.outline.is_expanded(n) {
                state.outline.expanded.push(n);
            }
            open_view(state, corpus, graph, View::Chapter(n));
        }
        DeskItem::Event(i) => {
            if let Some(e) = corpus.timeline.get(i) {
                match (e.passage, &e.reference) {
                    (Some(p), _) => open_passage(state, corpus, graph, p),
                    (None, Some(r)) => state.info(format!(
                        "No source in the corpus states this event; it comes from: {}",
                        one_line(r)
                    )),
                    (None, None) => state.info("No source is given for this event."),
                }
            }
        }
        DeskItem::Bookmark(r) => match r.resolve(corpus) {
            Ok(Resolved::Target(t)) => open_view(state, corpus, graph, View::from_target(t)),
            Ok(Resolved::Source(i)) => open_view(state, corpus, graph, View::Source(i)),
            Ok(Resolved::Passage(p)) => open_passage(state, corpus, graph, p),
            Err(e) => state.error(format!("{r}: {e}")),
        },
        DeskItem::ConcernText(_) | DeskItem::CoverageHeader | DeskItem::Marks(_) => {
            state.info("Nothing to open here.")
        }
    }
}

/// Opens a source at a passage, with its first link current.
fn open_passage(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, p: PassageId) {
    let from = graph
        .links_of(p)
        .first()
        .map_or(Target::Preamble, |l| l.target);
    to_passage(state, corpus, graph, p, from);
}

/// Why a change was not saved, without the "not saved" the caller says.
pub fn why(text: &str) -> String {
    text.strip_prefix("not saved: ").unwrap_or(text).to_string()
}

const NOTHING_SELECTED: &str =
    "Select an article, a passage or a source first (a concern as a whole cannot be kept).";

/// `b`: bookmark the item in view, or remove its bookmark.
pub fn toggle_bookmark(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Effect {
    match item_in_view(state, corpus, graph) {
        Some(item) => Effect::Save(Save::ToggleBookmark(item)),
        None => {
            state.info(NOTHING_SELECTED);
            Effect::Nothing
        }
    }
}

/// The bookmark selected in the bookmarks list.
fn selected_bookmark(state: &AppState, corpus: &Corpus, graph: &LinkGraph) -> Option<ItemRef> {
    if state.view() != View::Overview(Overview::Bookmarks) {
        return None;
    }
    let c = ctx(state, corpus, graph);
    let items = crate::app::view::overviews::document(c, Overview::Bookmarks, Some(&state.user));
    match items.get(state.here.document.selected) {
        Some(Item::Desk(DeskItem::Bookmark(r))) => Some(r.clone()),
        _ => None,
    }
}

/// `K` / `J` in the bookmarks list: move the selected bookmark.
pub fn move_bookmark(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, up: bool) -> Effect {
    match selected_bookmark(state, corpus, graph) {
        Some(item) => Effect::Save(Save::MoveBookmark { item, up }),
        None => {
            state.info("Open the bookmarks list (B) to put bookmarks in order.");
            Effect::Nothing
        }
    }
}

/// A bookmark moved (or not): the selection follows it.
fn moved(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    up: bool,
    result: Result<bool, String>,
) {
    match result {
        Ok(true) => {
            let sel = &mut state.here.document.selected;
            *sel = if up { sel.saturating_sub(1) } else { *sel + 1 };
            settle(state, corpus, graph);
            reveal(state, corpus, graph, PaneId::Document);
        }
        Ok(false) => state.info(if up {
            "This bookmark is already the first."
        } else {
            "This bookmark is already the last."
        }),
        Err(e) => state.error(format!("order not saved: {}", why(&e))),
    }
}

/// `d` in the bookmarks list: remove the selected bookmark.
pub fn remove_bookmark(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Effect {
    match selected_bookmark(state, corpus, graph) {
        Some(item) => Effect::Save(Save::RemoveBookmark(item)),
        None => {
            state.info(
                "Open the bookmarks list (B) to remove bookmarks; b removes the one in view.",
            );
            Effect::Nothing
        }
    }
}

/// `e`: open the note editor on the item in view.
pub fn open_note(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(item) = item_in_view(state, corpus, graph) else {
        state.info(NOTHING_SELECTED);
        return;
    };
    let text = match state.desk.drafts.iter().position(|(i, _)| *i == item) {
        Some(k) => state.desk.drafts.remove(k).1,
        None => state.user.note(&item).unwrap_or("").to_string(),
    };
    let title = format!("Note on {}", short(corpus, &item));
    state.overlay = Some(Overlay::Note {
        item,
        title,
        editor: Editor::new(&text),
    });
}

/// A key in the note editor.
pub fn edit(state: &mut AppState, key: EditKey) {
    if let Some(Overlay::Note { editor, .. }) = &mut state.overlay {
        editor.key(key);
    }
}

/// Leaves the note editor; the loop saves the note.
pub fn close_note(state: &mut AppState) -> Effect {
    let Some(Overlay::Note { item, editor, .. }) = state.overlay.take() else {
        return Effect::Nothing;
    };
    let had = state.user.note(&item).is_some();
    Effect::Save(Save::Note {
        item,
        text: editor.text(),
        had,
    })
}

/// A note saved, or not: one that could not be saved is kept as a draft
/// and the footer says why.
fn note_saved(
    state: &mut AppState,
    corpus: &Corpus,
    item: ItemRef,
    text: String,
    had: bool,
    result: Result<bool, String>,
) {
    let name = short(corpus, &item);
    match result {
        Ok(_) => match (had, state.user.note(&item).is_some()) {
            (_, true) => state.info(format!("Note on {name} saved.")),
            (true, false) => state.info(format!("Note on {name} deleted.")),
            (false, false) => {}
        },
        Err(e) => {
            if !text.trim().is_empty() {
                state.desk.drafts.push((item, text));
            }
            state.error(format!(
                "note on {name} not saved: {}. The text is kept: e on it again brings it back.",
                why(&e)
            ));
        }
    }
}

/// What `y` copies for an item.
pub fn copy_text(corpus: &Corpus, item: &ItemRef) -> Option<String> {
    Some(match item.resolve(corpus).ok()? {
        Resolved::Passage(p) => crate::user::quote_passage(corpus, p),
        Resolved::Target(t) => crate::user::cite_target(corpus, t),
        Resolved::Source(i) => crate::user::cite_source(corpus, i),
    })
}

/// `y`: the item in view with its citation onto the clipboard (the loop
/// writes it to the terminal as OSC 52).
pub fn copy(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Effect {
    let Some(text) = item_in_view(state, corpus, graph).and_then(|i| copy_text(corpus, &i)) else {
        state.info(NOTHING_SELECTED);
        return Effect::Nothing;
    };
    state.info(format!("Copied: {}", one_line(&text)));
    Effect::Copy(text)
}

/// `X`: the note editor on the key points of the brief `x` would write
/// now (`brief:bookmarks`, `brief:chapter:IV`, `brief:concern:ID`): the
/// user's own words, which the brief shows first.
pub fn open_key_points(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) {
    let Some(selection) = brief_selection(state, corpus, graph) else {
        return;
    };
    let item = selection.key_points_item(corpus);
    let text = match state.desk.drafts.iter().position(|(i, _)| *i == item) {
        Some(k) => state.desk.drafts.remove(k).1,
        None => state.user.note(&item).unwrap_or("").to_string(),
    };
    let title = format!(
        "Key points of the brief on {} (x writes it)",
        brief_subject(state, &selection)
    );
    state.overlay = Some(Overlay::Note {
        item,
        title,
        editor: Editor::new(&text),
    });
}

/// `3 bookmarks`, `art. 23`, `chapter IV`, `concern scope`.
fn brief_subject(state: &AppState, selection: &Selection) -> String {
    match selection {
        Selection::Bookmarks => format!("{} bookmarks", state.user.bookmarks().len()),
        Selection::Articles(a) => format!("art. {}", a.first().copied().unwrap_or(0)),
        Selection::Chapter(n) => Target::Chapter(*n).label(),
        Selection::Concern(id) => format!("concern {id}"),
    }
}

/// `x`: the brief of the bookmarks, or of what is in view when there are
/// none, as Markdown in the export directory.
pub fn export(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Effect {
    let Some(selection) = brief_selection(state, corpus, graph) else {
        return Effect::Nothing;
    };
    let text = match brief::brief(corpus, graph, &state.user, &selection, Format::Markdown) {
        Ok(t) => t,
        Err(e) => {
            state.error(e.to_string());
            return Effect::Nothing;
        }
    };
    let what = brief_subject(state, &selection);
    brief_effect(state, text, what)
}

/// What `x` writes a brief of: the bookmarks, or what is in view when there
/// are none; `None` (the footer saying why) when there is nothing.
fn brief_selection(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Option<Selection> {
    let selection = if !state.user.bookmarks().is_empty() {
        Selection::Bookmarks
    } else {
        match state.view() {
            View::Article(n) => Selection::Articles(vec![n]),
            View::Chapter(n) => Selection::Chapter(n),
            View::Overview(Overview::Concerns) => {
                match crate::app::view::overviews::selected_concern(
                    ctx(state, corpus, graph),
                    state,
                )
                .and_then(|i| corpus.concerns.get(i))
                {
                    Some(c) => Selection::Concern(c.id.clone()),
                    None => {
                        state.info("Choose a concern to export, or bookmark things with b.");
                        return None;
                    }
                }
            }
            _ => {
                state.info(
                    "Nothing to export: bookmark articles or passages with b, or open an article.",
                );
                return None;
            }
        }
    };
    Some(selection)
}

/// The brief `text` on `what`, for the loop to write into the export
/// directory (else the data directory), never over another.
fn brief_effect(state: &AppState, text: String, what: String) -> Effect {
    // The current directory first; when it is read-only (or unknown), the
    // data directory, which is the user's own.
    let dirs = [
        state.desk.export_dir.clone(),
        state.user.dir().map(|d| d.join("briefs")),
    ];
    Effect::WriteBrief {
        what,
        name: format!("treaty-brief-{}.md", brief::today()),
        dirs: dirs.into_iter().flatten().collect(),
        text,
    }
}

/// A brief written, or why not.
fn brief_written(state: &mut AppState, what: &str, result: Result<std::path::PathBuf, String>) {
    match result {
        Ok(path) => state.info(format!("Brief on {what} written to {}", path.display())),
        Err(why) => state.error(format!("brief not written: {why}")),
    }
}

/// The explorer's first state with the user's data: at `start`, else at the
/// last place the user left, else at the beginning.
pub fn start(
    corpus: &Corpus,
    graph: &LinkGraph,
    start: Option<Place>,
    user: UserData,
    size: (u16, u16),
    mouse: bool,
    keymap: crate::app::keymap::Keymap,
) -> AppState {
    let last = match start {
        Some(_) => None,
        None => user
            .last_place()
            .and_then(|n| crate::app::spot::place_view(corpus, n)),
    };
    let place = match last {
        Some(View::Source(i)) => Some(Place::Source(i)),
        Some(v) => v.target().map(Place::Target),
        None => start,
    };
    let mut state = crate::app::nav::start(corpus, graph, place, size, mouse);
    state.user = user;
    // Before any overview is built: their hints name the session's keys
    // (what `nav::start` built names none).
    state.keymap = keymap;
    if let Some(View::Overview(o)) = last {
        state.here = fresh(corpus, graph, &state, View::Overview(o));
        state.here.focus = PaneId::Document;
        settle(&mut state, corpus, graph);
    }
    // Exactly where the user was: the paragraph, the selection, the scroll.
    if last.is_some()
        && let Some(spot) = state.user.last_spot().cloned()
    {
        crate::app::spot::reopen(&mut state, corpus, graph, &spot);
    }
    // Nowhere to be yet (the first launch, or the user left on the start
    // screen): the start screen says what this is and what to do.
    if start.is_none() && last.is_none() {
        crate::app::spot::open_start(&mut state, corpus, &[]);
        state.blank_start = true;
    }
    state
}

/// On the way out: an open note is saved and the place is kept for next
/// time. The loop performs these and tells what failed once the screen is
/// restored (see [`drafts`]).
pub fn closing(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph) -> Vec<Effect> {
    let mut effects = Vec::new();
    if matches!(state.overlay, Some(Overlay::Note { .. })) {
        effects.push(close_note(state));
    }
    if let Some(spot) = crate::app::spot::spot_of(state, corpus, graph) {
        let visited = crate::app::spot::visited(state, corpus);
        effects.push(Effect::Save(Save::Session { spot, visited }));
    }
    effects
}

/// The notes that could not be saved, as text to print once the screen is
/// restored, so no note is lost.
pub fn drafts(state: &mut AppState) -> Vec<String> {
    state
        .desk
        .drafts
        .drain(..)
        .map(|(item, text)| {
            format!(
                "your note on {item} could not be saved; here it is:\n{}\n",
                crate::text::clean(&text)
            )
        })
        .collect()
}

/// What the loop did with a desk effect: the footer says it, and a save
/// that found a flawed file copied it aside first says where, after what
/// the key did, so a skipped entry is never lost unseen.
pub fn performed(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    outcome: Outcome,
) -> Vec<Effect> {
    match outcome {
        Outcome::Saved {
            change,
            result,
            notices,
        } => {
            saved(state, corpus, graph, change, result);
            if !notices.is_empty() {
                let done = state.status.take().map(|s| s.text);
                state.info(
                    done.into_iter()
                        .chain(notices)
                        .collect::<Vec<_>>()
                        .join(" · "),
                );
            }
        }
        Outcome::Brief { what, result } => brief_written(state, &what, result),
        Outcome::ImportProgress(_) | Outcome::Imported(_) => {}
    }
    Vec::new()
}

fn saved(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    change: Save,
    result: Result<bool, String>,
) {
    match change {
        Save::ToggleBookmark(item) => {
            let name = short(corpus, &item);
            match result {
                Ok(true) => state.info(format!(
                    "Bookmarked {name} ({} bookmarks; B lists them).",
                    state.user.bookmarks().len()
                )),
                Ok(false) => state.info(format!("Bookmark on {name} removed.")),
                Err(e) => state.error(format!("bookmark not saved: {}", why(&e))),
            }
        }
        Save::MoveBookmark { up, .. } => moved(state, corpus, graph, up, result),
        Save::RemoveBookmark(item) => match result {
            Ok(_) => state.info(format!("Bookmark on {} removed.", short(corpus, &item))),
            Err(e) => state.error(format!("bookmark not removed: {}", why(&e))),
        },
        Save::Note { item, text, had } => note_saved(state, corpus, item, text, had, result),
        Save::Decide { accept, what, .. } => match result {
            Ok(_) if accept => state.info(format!(
                "Accepted {what}: it is your own inferred link now, kept with its reason."
            )),
            Ok(_) => state.info(format!("Rejected {what}: it will not be suggested again.")),
            Err(e) => state.error(format!("Could not save the decision: {}", why(&e))),
        },
        Save::LastPlace(_) | Save::Session { .. } => {
            if let Err(e) = result {
                state.error(format!("last place not saved: {}", why(&e)));
            }
        }
    }
}

/// The desk's keys, and every key while the note editor is open. `None`
/// leaves the action to `update`.
pub fn handle(
    state: &mut AppState,
    corpus: &Corpus,
    graph: &LinkGraph,
    action: &Action,
) -> Option<Vec<Effect>> {
    if matches!(state.overlay, Some(Overlay::Note { .. })) {
        match action {
            Action::Quit => return Some(vec![close_note(state), Effect::Quit]),
            Action::Close | Action::SaveNote => return Some(vec![close_note(state)]),
            Action::Edit(k) => edit(state, *k),
            Action::Paste(text) => {
                if let Some(Overlay::Note { editor, .. }) = &mut state.overlay {
                    editor.paste(text);
                }
            }
            Action::Resize(..) | Action::Suspend | Action::Mouse(_) => return None,
            // The views do not take keys while the note is being written.
            _ => {}
        }
        return Some(Vec::new());
    }
    let overview = match state.view() {
        View::Overview(o) => Some(o),
        _ => None,
    };
    match action {
        Action::Concerns => open_overview(state, corpus, graph, Overview::Concerns),
        Action::Coverage => open_overview(state, corpus, graph, Overview::Coverage),
        Action::Timeline => open_overview(state, corpus, graph, Overview::Timeline),
        Action::Bookmarks => open_overview(state, corpus, graph, Overview::Bookmarks),
        Action::ToggleBookmark => return Some(vec![toggle_bookmark(state, corpus, graph)]),
        Action::BookmarkUp => return Some(vec![move_bookmark(state, corpus, graph, true)]),
        Action::BookmarkDown => return Some(vec![move_bookmark(state, corpus, graph, false)]),
        Action::RemoveBookmark => return Some(vec![remove_bookmark(state, corpus, graph)]),
        Action::EditNote => open_note(state, corpus, graph),
        Action::Copy => return Some(vec![copy(state, corpus, graph)]),
        Action::Export => return Some(vec![export(state, corpus, graph)]),
        Action::EditKeyPoints => open_key_points(state, corpus, graph),
        Action::Edit(_) | Action::SaveNote => {}
        // In an overview Tab walks the entries of the pane, going round.
        Action::NextLink | Action::PrevLink if overview.is_some() && state.overlay.is_none() => {
            step_entry(state, corpus, graph, *action == Action::NextLink)
        }
        // A list without a second pane: the focus goes between it and the outline.
        Action::NextPane | Action::PrevPane
            if overview.is_some_and(|o| !o.has_links()) && state.overlay.is_none() =>
        {
            state.here.focus = if state.focus() == PaneId::Outline {
                PaneId::Document
            } else {
                PaneId::Outline
            };
            settle(state, corpus, graph);
            reveal(state, corpus, graph, state.focus());
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// The next (or previous) selectable entry of the focused pane, going round.
fn step_entry(state: &mut AppState, corpus: &Corpus, graph: &LinkGraph, forward: bool) {
    let focus = match state.focus() {
        PaneId::Outline => PaneId::Document,
        f => f,
    };
    let items = crate::app::view::document::items(ctx(state, corpus, graph), state, focus);
    let n = items.len();
    if n == 0 || !items.iter().any(Item::selectable) {
        return;
    }
    let mut i = state.pane(focus).selected.min(n - 1);
    for _ in 0..n {
        i = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        if items[i].selectable() {
            break;
        }
    }
    state.here.focus = focus;
    state.pane_mut(focus).selected = i;
    settle(state, corpus, graph);
    reveal(state, corpus, graph, focus);
}
