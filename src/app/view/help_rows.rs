//! The help overlay's rows at a given width: the key table's lines with the
//! descriptions (and, when needed, the key labels) wrapped instead of cut
//! off, so a narrow terminal still shows every word. Drawing and scrolling
//! both count these rows.

use crate::app::keymap::{Action, HelpLine, Keymap, Mode, first_key, help_lines};
use crate::app::wrap::{Breaks, wrap};
use crate::text::width;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Group(String),
    /// `keys` is empty on the continuation rows of an entry.
    Entry {
        keys: String,
        text: String,
    },
    Blank,
}

/// The rows of the help overlay drawn over `area` (see `help_rect`).
pub fn rows_for(keys: &Keymap, area: ratatui::layout::Rect) -> Vec<HelpRow> {
    help_rows(
        keys,
        usize::from(
            crate::app::view::geometry::help_rect(area, 0)
                .width
                .saturating_sub(2),
        ),
    )
}

/// The width of the keys column for an inner width of `w` cells.
pub fn keys_width(keys: &Keymap, w: usize) -> usize {
    let longest = help_lines(keys)
        .iter()
        .filter_map(|l| match l {
            HelpLine::Entry { keys, .. } => Some(width(keys)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    (longest + 2).min((w / 2).max(6)).min(w)
}

/// What a newcomer needs first, before the full table: the keys of the
/// session's table for each (an action without a key is left out).
const GETTING_STARTED: [(&[Action], &str); 8] = [
    (
        &[Action::GoTo],
        "go to: 24, 24(2), IV, zamora 10, a concern",
    ),
    (&[Action::Search], "search everything as you type"),
    (
        &[Action::Down, Action::Up, Action::Open],
        "move, and open what is selected",
    ),
    (
        &[Action::NextLink],
        "from an article to passages that cite it",
    ),
    (&[Action::Back], "back where you were, like a browser"),
    (
        &[Action::Concerns, Action::Coverage],
        "concerns raised; coverage by article",
    ),
    (
        &[Action::ToggleBookmark, Action::Export],
        "bookmark what the footer names; a brief",
    ),
    (&[Action::Quit], "quit; it reopens where you left"),
];

/// The "Getting started" block that opens the help.
fn getting_started(keys: &Keymap) -> Vec<HelpLine> {
    let mut out = vec![HelpLine::Group("Getting started")];
    for (actions, help) in GETTING_STARTED {
        let labels: Vec<String> = actions
            .iter()
            .filter_map(|a| first_key(keys, Mode::Normal, a))
            .collect();
        if !labels.is_empty() {
            out.push(HelpLine::Entry {
                keys: labels.join(" "),
                help,
            });
        }
    }
    out.push(HelpLine::Blank);
    out
}

/// The rows of the help at inner width `w` (one space of margin on the left).
pub fn help_rows(keys: &Keymap, w: usize) -> Vec<HelpRow> {
    let keys_w = keys_width(keys, w);
    let text_w = w.saturating_sub(keys_w + 1).max(1);
    let mut out = Vec::new();
    for line in getting_started(keys).into_iter().chain(help_lines(keys)) {
        match line {
            HelpLine::Group(g) => {
                for l in lines_of(g, w.max(1)) {
                    out.push(HelpRow::Group(l));
                }
            }
            HelpLine::Entry { keys, help } => {
                let k = lines_of(&keys, keys_w.saturating_sub(2).max(1));
                let t = lines_of(help, text_w);
                for i in 0..k.len().max(t.len()) {
                    out.push(HelpRow::Entry {
                        keys: k.get(i).cloned().unwrap_or_default(),
                        text: t.get(i).cloned().unwrap_or_default(),
                    });
                }
            }
            HelpLine::Blank => out.push(HelpRow::Blank),
        }
    }
    out
}

fn lines_of(text: &str, w: usize) -> Vec<String> {
    let wrapped = wrap(text, w, Breaks::Keep);
    (0..wrapped.lines.len())
        .map(|i| wrapped.line(i).trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(rows: &[HelpRow]) -> String {
        rows.iter()
            .map(|r| match r {
                HelpRow::Group(g) => g.clone(),
                HelpRow::Entry { text, .. } => text.clone(),
                HelpRow::Blank => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn narrow_help_wraps_every_word_instead_of_cutting() {
        let rows = help_rows(&Keymap::default(), 30);
        let all = words(&rows);
        for line in help_lines(&Keymap::default()) {
            if let HelpLine::Entry { help, .. } = line {
                for word in help.split_whitespace() {
                    assert!(all.contains(word), "{word:?} of {help:?} is lost");
                }
            }
        }
        for r in &rows {
            if let HelpRow::Entry { keys, text } = r {
                assert!(width(keys) + width(text) < 30, "{keys:?} {text:?}");
            }
        }
    }

    #[test]
    fn wide_help_keeps_one_row_per_entry() {
        let keys = Keymap::default();
        assert_eq!(
            help_rows(&keys, 200).len(),
            getting_started(&keys).len() + help_lines(&keys).len()
        );
    }

    #[test]
    fn the_help_opens_with_getting_started_in_the_sessions_keys() {
        let rows = help_rows(&Keymap::default(), 80);
        assert_eq!(rows[0], HelpRow::Group("Getting started".into()));
        assert!(
            rows[1..9]
                .iter()
                .all(|r| matches!(r, HelpRow::Entry { .. }))
        );
        assert!(rows.contains(&HelpRow::Entry {
            keys: "j k Enter".into(),
            text: "move, and open what is selected".into()
        }));
        // `go_to = "g"` in config.toml.
        let mut keys = crate::app::state::keys::KeyOverrides::default();
        let g = crate::app::overrides::parse_key("g").expect("g");
        keys.bind(crate::app::action::Action::GoTo, vec![g]);
        let rows = help_rows(&Keymap::new(keys), 80);
        assert!(
            matches!(&rows[1], HelpRow::Entry { keys, .. } if keys == "g"),
            "{:?}",
            rows[1]
        );
    }
}
