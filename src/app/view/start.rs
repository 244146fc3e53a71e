//! The start screen's lines at a given size: what treaty is, the handful of
//! things to do with their keys (read from the session's key table), and the
//! recent places and bookmarks to pick up from. What does not fit goes, least
//! useful first, so a 40x12 terminal still shows the keys and a place or two.

use crate::app::action::Action;
use crate::app::keymap::{Keymap, Mode, first_key};
use crate::app::state::Overview;
use crate::corpus::{Corpus, Target};
use crate::text::{one_line, width};
use crate::user::{ItemRef, Resolved, UserData};
use ratatui::layout::Rect;

/// The places the start screen offers and their order: recent ones first,
/// then bookmarks not already there.
pub const PLACES_SHOWN: usize = 8;

/// What the start screen offers to do, most useful first.
pub const THINGS: [(Action, &str); 10] = [
    (Action::GoTo, "go to an article: 24, 24(2), IV, or a source"),
    (Action::Search, "search the convention and the critiques"),
    (Action::SubjectIndex, "subject index: terms of art, A to Z"),
    (Action::Concerns, "concerns: what the critiques worry about"),
    (
        Action::Coverage,
        "coverage: which articles they discuss most",
    ),
    (Action::Bookmarks, "your bookmarks, to open, order, export"),
    (
        Action::Present,
        "present the convention as full-screen slides",
    ),
    (
        Action::ImportFile,
        "import a PDF, Word, web page or text of yours",
    ),
    (Action::Help, "getting started, then every key"),
    (Action::Quit, "quit"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartLine {
    Title(String),
    Text(String),
    Heading(String),
    /// A thing to do: its key and what it does.
    Key {
        key: String,
        text: String,
    },
    /// A place to pick up from; `index` into the places offered.
    Place {
        text: String,
        index: usize,
    },
    Blank,
}

/// The start screen laid out: its lines from row `y`, in a column from `x`
/// that is `width` cells wide, and the width of the keys column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartScreen {
    pub lines: Vec<StartLine>,
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub keys_width: usize,
}

/// The widest the column gets: a comfortable line to read.
const MAX_WIDTH: u16 = 76;

/// The places to offer, as the names the user's data keeps them under
/// (`article:23`, `source:zamora`, `passage:zamora#6`, `concerns`): the
/// places of `visited` (this session, newest first), the recent ones, then
/// bookmarks; only those that still exist, each once.
pub fn places(corpus: &Corpus, user: &UserData, visited: &[String]) -> Vec<String> {
    let marks: Vec<String> = user.bookmarks().iter().map(ToString::to_string).collect();
    let mut out: Vec<String> = Vec::new();
    for name in visited.iter().chain(user.recent()).chain(&marks) {
        if out.len() == PLACES_SHOWN {
            break;
        }
        if !out.contains(name) && label(corpus, name).is_some() {
            out.push(name.clone());
        }
    }
    out
}

/// How a place is named on the start screen: `Art. 24 Criminalization of …`,
/// `Zamora ¶ 6`, `Concerns`; `None` when it no longer exists.
pub fn label(corpus: &Corpus, name: &str) -> Option<String> {
    if let Some(o) = Overview::from_name(name) {
        return Some(o.title().to_string());
    }
    let item: ItemRef = name.parse().ok()?;
    Some(match item.resolve(corpus).ok()? {
        Resolved::Target(t @ Target::Article(n)) => {
            let title = corpus.article(n).map(|a| a.title.as_str()).unwrap_or("");
            one_line(&format!("{} {title}", t.label()))
        }
        Resolved::Target(Target::Chapter(n)) => match corpus.chapter(n) {
            Some(c) => one_line(&format!("Chapter {} {}", c.roman(), c.title)),
            None => Target::Chapter(n).label(),
        },
        Resolved::Target(t) => t.label(),
        Resolved::Source(i) => one_line(&corpus.sources[i].short_name()),
        Resolved::Passage(p) => one_line(&corpus.passage_location(p)),
    })
}

/// `text` cut to `w` cells at a word boundary, with `…` when cut.
pub fn fit_words(text: &str, w: usize) -> String {
    if width(text) <= w {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width(&next) + 1 > w {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One word longer than the room: cut it, it is all there is.
        return crate::text::truncate(text, w);
    }
    out.trim_end_matches([',', ':', ';']).to_string() + "…"
}

/// The start screen in `area` (the whole terminal but its last row, which
/// holds the keys of the screen or a message).
pub fn layout(
    corpus: &Corpus,
    keys: &Keymap,
    places: &[String],
    selected: usize,
    area: Rect,
) -> StartScreen {
    let w = area.width.saturating_sub(2).min(MAX_WIDTH);
    let cw = usize::from(w);
    let things: Vec<(String, &str)> = THINGS
        .iter()
        .filter_map(|(a, text)| first_key(keys, Mode::Normal, a).map(|k| (k, *text)))
        .collect();
    let keys_width = things.iter().map(|(k, _)| width(k)).max().unwrap_or(1) + 2;
    // (priority, line): lower priorities are kept first; lines keep their
    // order on screen.
    let mut all: Vec<(u8, StartLine)> = Vec::new();
    let conv = &corpus.convention;
    all.push((
        0,
        StartLine::Title(fit_words(
            &one_line(&format!("treaty · {} ({})", conv.title, conv.resolution)),
            cw,
        )),
    ));
    let articles = corpus.articles().count();
    let sources = corpus.sources.len();
    // Two lines at most: the short form on a narrow terminal.
    let about = [
        format!(
            "Read its {articles} articles beside the {sources} critiques and texts written \
             about it: from an article to every passage that discusses it, and back."
        ),
        format!("Its {articles} articles beside the {sources} critiques of them."),
    ]
    .into_iter()
    .map(|text| crate::app::wrap::wrap(&text, cw.max(1), crate::app::wrap::Breaks::Flow))
    .find(|wrapped| wrapped.lines.len() <= 2);
    if let Some(wrapped) = about {
        for i in 0..wrapped.lines.len() {
            all.push((3, StartLine::Text(wrapped.line(i).trim_end().to_string())));
        }
    }
    all.push((6, StartLine::Blank));
    all.push((5, StartLine::Heading("Start here".into())));
    for (i, (key, text)) in things.iter().enumerate() {
        let text = fit_words(text, cw.saturating_sub(keys_width + 2));
        let prio = if i < 4 { 1 } else { 4 };
        all.push((
            prio,
            StartLine::Key {
                key: key.clone(),
                text,
            },
        ));
    }
    all.push((6, StartLine::Blank));
    if places.is_empty() {
        all.push((
            5,
            StartLine::Text(fit_words(
                "Places you read and bookmark will be listed here.",
                cw,
            )),
        ));
    } else {
        all.push((
            2,
            StartLine::Heading(fit_words("Pick up where you were", cw)),
        ));
        for (index, name) in places.iter().enumerate() {
            let text = label(corpus, name).unwrap_or_else(|| name.clone());
            let prio = if index < 3 || index == selected { 2 } else { 4 };
            all.push((
                prio,
                StartLine::Place {
                    text: fit_words(&text, cw.saturating_sub(2)),
                    index,
                },
            ));
        }
    }
    let rows = usize::from(area.height);
    let lines = keep(all, rows);
    let free = rows.saturating_sub(lines.len());
    StartScreen {
        x: area.x + area.width.saturating_sub(w) / 2,
        // A little above the middle, where the eye starts.
        y: area.y + (free / 3) as u16,
        width: w,
        keys_width,
        lines,
    }
}

/// The lines that fit in `rows`: whole priority groups first (the about text
/// is never cut mid-sentence), lowest priority number first.
fn keep(all: Vec<(u8, StartLine)>, rows: usize) -> Vec<StartLine> {
    let mut kept = vec![false; all.len()];
    let mut used = 0;
    for prio in 0..=6u8 {
        let group: Vec<usize> = (0..all.len()).filter(|i| all[*i].0 == prio).collect();
        if used + group.len() <= rows {
            used += group.len();
            for i in group {
                kept[i] = true;
            }
        } else {
            // Partly, for lists: as many of their lines as fit, in order.
            for i in group {
                if used < rows && !matches!(all[i].1, StartLine::Text(_) | StartLine::Blank) {
                    kept[i] = true;
                    used += 1;
                }
            }
        }
    }
    let mut lines: Vec<StartLine> = all
        .into_iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .map(|((_, l), _)| l)
        .collect();
    // No blank line at the very start or end, nor two in a row.
    lines.dedup_by(|a, b| *a == StartLine::Blank && *b == StartLine::Blank);
    while lines.last() == Some(&StartLine::Blank) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_never_cut_in_the_middle() {
        assert_eq!(fit_words("go to an article", 40), "go to an article");
        assert_eq!(
            fit_words("go to an article: 24, 24(2)", 18),
            "go to an article…"
        );
        assert_eq!(fit_words("concerns: what they", 10), "concerns…");
        assert!(width(&fit_words("a very long line of words", 9)) <= 9);
    }

    #[test]
    fn a_small_screen_keeps_the_first_things_to_do_and_a_place() {
        let all = vec![
            (0, StartLine::Title("t".into())),
            (3, StartLine::Text("about".into())),
            (3, StartLine::Text("more".into())),
            (
                1,
                StartLine::Key {
                    key: ":".into(),
                    text: "go".into(),
                },
            ),
            (
                4,
                StartLine::Key {
                    key: "i".into(),
                    text: "import".into(),
                },
            ),
            (
                2,
                StartLine::Place {
                    text: "Art. 24".into(),
                    index: 0,
                },
            ),
        ];
        let lines = keep(all, 3);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            !lines
                .iter()
                .any(|l| matches!(l, StartLine::Key { key, .. } if key == "i"))
        );
        assert!(lines.contains(&StartLine::Place {
            text: "Art. 24".into(),
            index: 0
        }));
        assert!(
            !lines.iter().any(|l| matches!(l, StartLine::Text(_))),
            "the about text goes whole"
        );
    }
}
