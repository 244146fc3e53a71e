//! A small multi-line text editor for notes: lines of text, a cursor that
//! moves by characters and by display cells (wide characters count twice), and
//! the soft-wrapped view of it at a given width. No terminal, no drawing.

use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthChar;

/// Longest note kept, in characters; a note is a paragraph or two, and a
/// paste of a whole file should not freeze the screen.
pub const NOTE_LIMIT: usize = 20_000;

/// An editing key, as the key table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKey {
    Char(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

/// The text being edited and the cursor (line, character index in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
    /// The display column Up and Down try to keep.
    goal: Option<usize>,
}

/// One row of the wrapped view: which line, which characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRow {
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

fn cell(c: char) -> usize {
    // Tabs and controls are shown as one cell (they are cleaned on display).
    UnicodeWidthChar::width(c)
        .unwrap_or(1)
        .max(usize::from(c == '\t'))
}

/// Pasted text for a one-line field (search, go-to, a file path): line
/// breaks and tabs become spaces, other control characters are dropped, and
/// no more than `room` characters are kept.
pub fn one_line_paste(text: &str, room: usize) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(room)
        .collect()
}

impl Editor {
    /// Opens `text` with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].len();
        Editor {
            lines,
            row,
            col,
            goal: None,
        }
    }

    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Line and character index of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    fn chars(&self) -> usize {
        self.lines.iter().map(Vec::len).sum::<usize>() + self.lines.len() - 1
    }

    /// Inserts pasted text at the cursor, as text: line breaks start new
    /// lines, tabs stay, other control characters are dropped. What goes past
    /// the note's limit is cut at once, so a huge paste costs no more than the
    /// note can hold. Returns whether the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = NOTE_LIMIT.saturating_sub(self.chars());
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        // A line break counts as one character, as `chars` counts it.
        let kept: String = text
            .chars()
            .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
            .take(room)
            .collect();
        if kept.is_empty() {
            return false;
        }
        let rest = self.lines[self.row].split_off(self.col);
        let mut pieces = kept.split('\n');
        if let Some(first) = pieces.next() {
            self.lines[self.row].extend(first.chars());
        }
        for piece in pieces {
            self.row += 1;
            self.lines.insert(self.row, piece.chars().collect());
        }
        self.col = self.lines[self.row].len();
        self.lines[self.row].extend(rest);
        self.goal = None;
        true
    }

    /// Applies one key; returns whether the text changed.
    pub fn key(&mut self, key: EditKey) -> bool {
        let keep_goal = matches!(key, EditKey::Up | EditKey::Down);
        let changed = match key {
            EditKey::Char(c) if c == '\n' || c == '\r' => self.newline(),
            EditKey::Char(c) if c.is_control() && c != '\t' => false,
            EditKey::Char(c) => {
                if self.chars() >= NOTE_LIMIT {
                    return false;
                }
                self.lines[self.row].insert(self.col, c);
                self.col += 1;
                true
            }
            EditKey::Newline => self.newline(),
            EditKey::Backspace => {
                if self.col > 0 {
                    self.col -= 1;
                    self.lines[self.row].remove(self.col);
                    true
                } else if self.row > 0 {
                    let line = self.lines.remove(self.row);
                    self.row -= 1;
                    self.col = self.lines[self.row].len();
                    self.lines[self.row].extend(line);
                    true
                } else {
                    false
                }
            }
            EditKey::Delete => {
                if self.col < self.lines[self.row].len() {
                    self.lines[self.row].remove(self.col);
                    true
                } else if self.row + 1 < self.lines.len() {
                    let next = self.lines.remove(self.row + 1);
                    self.lines[self.row].extend(next);
                    true
                } else {
                    false
                }
            }
            EditKey::Left => {
                if self.col > 0 {
                    self.col -= 1;
                } else if self.row > 0 {
                    self.row -= 1;
                    self.col = self.lines[self.row].len();
                }
                false
            }
            EditKey::Right => {
                if self.col < self.lines[self.row].len() {
                    self.col += 1;
                } else if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = 0;
                }
                false
            }
            EditKey::Up | EditKey::Down => {
                let goal = self.goal.unwrap_or_else(|| self.column());
                self.goal = Some(goal);
                let up = key == EditKey::Up;
                if up && self.row > 0 {
                    self.row -= 1;
                    self.col = self.index_at(self.row, goal);
                } else if !up && self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = self.index_at(self.row, goal);
                } else if up {
                    self.col = 0;
                } else {
                    self.col = self.lines[self.row].len();
                }
                false
            }
            EditKey::Home => {
                self.col = 0;
                false
            }
            EditKey::End => {
                self.col = self.lines[self.row].len();
                false
            }
        };
        if !keep_goal {
            self.goal = None;
        }
        changed
    }

    fn newline(&mut self) -> bool {
        if self.chars() >= NOTE_LIMIT {
            return false;
        }
        let rest = self.lines[self.row].split_off(self.col);
        self.row += 1;
        self.col = 0;
        self.lines.insert(self.row, rest);
        true
    }

    /// Display column of the cursor in its line.
    fn column(&self) -> usize {
        self.lines[self.row][..self.col]
            .iter()
            .map(|c| cell(*c))
            .sum()
    }

    /// The character index in `row` closest to display column `goal`.
    fn index_at(&self, row: usize, goal: usize) -> usize {
        let mut x = 0;
        for (i, c) in self.lines[row].iter().enumerate() {
            let w = cell(*c);
            if x + w > goal {
                return i;
            }
            x += w;
        }
        self.lines[row].len()
    }

    /// The text wrapped at `width` cells (by character, so every character
    /// keeps its place), and the cursor's row and cell in that view.
    pub fn view(&self, width: usize) -> (Vec<ViewRow>, (usize, usize)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (li, line) in self.lines.iter().enumerate() {
            let mut start = 0;
            let mut x = 0;
            let mut text = String::new();
            for (i, c) in line.iter().enumerate() {
                let w = cell(*c);
                if x + w > width {
                    rows.push(ViewRow {
                        line: li,
                        start,
                        end: i,
                        text: std::mem::take(&mut text),
                    });
                    start = i;
                    x = 0;
                }
                if li == self.row && i == self.col {
                    cursor = (rows.len(), x);
                }
                text.push(if c.is_control() { ' ' } else { *c });
                x += w;
            }
            if li == self.row && self.col == line.len() {
                // At the end of a full row the cursor starts the next one.
                cursor = if x >= width {
                    (rows.len() + 1, 0)
                } else {
                    (rows.len(), x)
                };
            }
            let full = x >= width && li == self.row && self.col == line.len();
            rows.push(ViewRow {
                line: li,
                start,
                end: line.len(),
                text,
            });
            if full {
                rows.push(ViewRow {
                    line: li,
                    start: line.len(),
                    end: line.len(),
                    text: String::new(),
                });
            }
        }
        (rows, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_text_at_the_cursor_with_its_line_breaks() {
        let mut e = Editor::new("ab");
        e.key(EditKey::Left);
        assert!(e.paste("1\r\n2\x1b[31m\t3"));
        assert_eq!(e.text(), "a1\n2[31m\t3b");
        // The cursor is after the pasted text, before what followed it.
        assert_eq!(e.cursor(), (1, 7));
        assert!(!e.paste("\x07"));
    }

    #[test]
    fn a_huge_paste_is_cut_to_the_note_limit_at_once() {
        let mut e = Editor::new("x");
        let big = "word and more\n".repeat(10_000);
        assert!(e.paste(&big));
        assert_eq!(e.text().chars().count(), NOTE_LIMIT);
        assert!(!e.paste("more"), "a full note takes nothing");
    }

    #[test]
    fn one_line_fields_take_a_paste_on_one_line() {
        assert_eq!(one_line_paste("article 23\nBdddd", 100), "article 23 Bdddd");
        assert_eq!(one_line_paste("a\x1bb\tc", 100), "ab c");
        assert_eq!(one_line_paste(&"x".repeat(5000), 200).len(), 200);
    }
    use EditKey as K;

    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.key(if c == '\n' { K::Newline } else { K::Char(c) });
        }
    }

    #[test]
    fn typing_newlines_and_erasing() {
        let mut e = Editor::new("");
        typed(&mut e, "Ask about (2)(b).\nAnd 24.");
        assert_eq!(e.text(), "Ask about (2)(b).\nAnd 24.");
        assert_eq!(e.cursor(), (1, 7));
        e.key(K::Home);
        e.key(K::Backspace);
        assert_eq!(e.text(), "Ask about (2)(b).And 24.");
        e.key(K::Newline);
        e.key(K::Up);
        e.key(K::End);
        e.key(K::Delete);
        assert_eq!(e.text(), "Ask about (2)(b).And 24.");
        e.key(K::Left);
        e.key(K::Backspace);
        assert_eq!(e.text(), "Ask about (2)(b.And 24.");
    }

    #[test]
    fn opening_puts_the_cursor_at_the_end() {
        let e = Editor::new("one\r\ntwo");
        assert_eq!(e.cursor(), (1, 3));
        assert_eq!(e.text(), "one\ntwo");
    }

    #[test]
    fn up_and_down_keep_the_display_column_across_wide_characters() {
        let mut e = Editor::new("日本語です\nabcdefgh");
        e.key(K::Home);
        for _ in 0..4 {
            e.key(K::Right);
        }
        // Column 4 of the second line is under the third wide character.
        e.key(K::Up);
        assert_eq!(e.cursor(), (0, 2));
        e.key(K::Down);
        assert_eq!(e.cursor(), (1, 4), "the goal column is kept");
        e.key(K::Down);
        assert_eq!(e.cursor(), (1, 8), "down on the last line goes to its end");
    }

    #[test]
    fn control_characters_are_not_typed() {
        let mut e = Editor::new("a");
        assert!(!e.key(K::Char('\u{1b}')));
        assert!(e.key(K::Char('\t')));
        assert_eq!(e.text(), "a\t");
    }

    #[test]
    fn the_view_wraps_by_cells_and_places_the_cursor() {
        let mut e = Editor::new("");
        typed(&mut e, "abcdef日本");
        let (rows, cursor) = e.view(4);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["abcd", "ef日", "本"]);
        assert_eq!(cursor, (2, 2));
        e.key(K::Left);
        assert_eq!(e.view(4).1, (2, 0));
        // A row filled to the edge puts the cursor on a fresh row below.
        let e = Editor::new("abcd");
        let (rows, cursor) = e.view(4);
        assert_eq!(rows.len(), 2);
        assert_eq!(cursor, (1, 0));
    }

    #[test]
    fn the_length_is_bounded() {
        let mut e = Editor::new(&"x".repeat(NOTE_LIMIT));
        assert!(!e.key(K::Char('y')));
        assert!(!e.key(K::Newline));
        assert_eq!(e.text().len(), NOTE_LIMIT);
    }
}
