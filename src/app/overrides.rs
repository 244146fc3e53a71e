//! Keys the user rebinds in config.toml (`[keys]` `quit = "Q"`). They change
//! the one key table as it is read: `keymap::action_for`, the help overlay
//! and the footer hints all see the same keys.

use crate::app::action::Action;
use crate::app::keymap::{BINDINGS, Key, Mode};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The config name of an action: its serde name (`quit`, `next_article`).
pub fn action_name(action: &Action) -> String {
    serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The actions that have a key in the explorer, by config name.
pub fn bindable() -> Vec<(String, Action)> {
    let mut out: Vec<(String, Action)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.mode == Mode::Normal) {
        let name = action_name(&b.action);
        if !name.is_empty() && !out.iter().any(|(n, _)| *n == name) {
            out.push((name, b.action.clone()));
        }
    }
    out
}

/// Reads a key as a config file writes it: `Q`, `ctrl-f`, `alt-left`,
/// `space`, `enter`, `pagedown`, `f2`, `shift-tab`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("an empty key".into());
    }
    if t.chars().count() == 1 {
        let c = t.chars().next().unwrap_or(' ');
        return Ok(Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        });
    }
    let mut mods = KeyModifiers::NONE;
    let mut rest = t;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (m, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("control-") {
            (KeyModifiers::CONTROL, 8)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else {
            break;
        };
        if rest.len() == len {
            break;
        }
        mods |= m;
        rest = &rest[len..];
    }
    let code = if rest.chars().count() == 1 {
        let c = rest.chars().next().unwrap_or(' ');
        // Ctrl with a letter arrives lower-case from terminals.
        KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
            c.to_ascii_lowercase()
        } else {
            c
        })
    } else {
        match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(unknown_key(text)),
            },
            _ => return Err(unknown_key(text)),
        }
    };
    Ok(Key { code, mods })
}

fn unknown_key(text: &str) -> String {
    format!(
        "{:?} is not a key: write a character (\"Q\"), a name (space, enter, esc, tab, \
         shift-tab, backspace, up, down, left, right, pageup, pagedown, home, end, f1..f12), \
         optionally after ctrl- or alt-",
        crate::text::one_line(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::action_for;
    use crate::app::keymap::{KeyOverrides, Keymap};
    use ratatui::crossterm::event::KeyEvent;

    #[test]
    fn keys_parse() {
        let k = parse_key("ctrl-F").expect("parses");
        assert_eq!(k.code, KeyCode::Char('f'));
        assert_eq!(k.mods, KeyModifiers::CONTROL);
        assert_eq!(parse_key("Q").expect("Q").code, KeyCode::Char('Q'));
        assert_eq!(parse_key("alt-left").expect("alt").mods, KeyModifiers::ALT);
        assert_eq!(parse_key("f12").expect("f12").code, KeyCode::F(12));
        assert!(parse_key("ctrl-ff").is_err());
        assert!(parse_key("f13").is_err());
    }

    #[test]
    fn an_override_moves_a_key() {
        let mut o = KeyOverrides::default();
        o.bind(Action::Quit, vec![parse_key("Q").expect("Q")]);
        o.bind(Action::Help, vec![parse_key("q").expect("q")]);
        let moved = Keymap::new(o);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let big_q = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&moved, Mode::Normal, q), Some(Action::Help));
        assert_eq!(action_for(&moved, Mode::Normal, big_q), Some(Action::Quit));
        // The help keeps its other key; Ctrl-C still quits.
        let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(action_for(&moved, Mode::Normal, f1), None);
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&moved, Mode::Normal, c), Some(Action::Quit));
        // The table itself is untouched: another keymap still quits on q.
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&Keymap::default(), Mode::Normal, q),
            Some(Action::Quit)
        );
    }
}
