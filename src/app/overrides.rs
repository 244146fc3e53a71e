//! Keys the user rebinds in config.toml (`[keys]` `quit = "Q"`). They change
//! the one key table as it is read: `keymap::action_for`, the help overlay
//! and the footer hints all see the same keys.

use super::action::Action;
use super::keymap::{BINDINGS, Binding, Key, Mode};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::cell::RefCell;
use std::sync::{Arc, RwLock};

/// The explorer-mode keys of some actions, replacing the table's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyOverrides {
    rules: Vec<(Action, Vec<Key>)>,
}

impl KeyOverrides {
    /// Binds `keys` to `action` in the explorer; a later rule for the same
    /// action replaces an earlier one.
    pub fn bind(&mut self, action: Action, keys: Vec<Key>) {
        self.rules.retain(|(a, _)| *a != action);
        self.rules.push((action, keys));
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    fn keys_for(&self, action: &Action) -> Option<&[Key]> {
        self.rules
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, k)| k.as_slice())
    }

    fn takes(&self, key: &Key) -> bool {
        self.rules.iter().any(|(_, keys)| keys.contains(key))
    }
}

static GLOBAL: RwLock<Option<Arc<KeyOverrides>>> = RwLock::new(None);

thread_local! {
    static SCOPED: RefCell<Option<Arc<KeyOverrides>>> = const { RefCell::new(None) };
}

/// Sets the overrides for the whole process (at startup, from the config).
pub fn set(overrides: KeyOverrides) {
    let value = (!overrides.is_empty()).then(|| Arc::new(overrides));
    match GLOBAL.write() {
        Ok(mut g) => *g = value,
        Err(poisoned) => *poisoned.into_inner() = value,
    }
}

/// Runs `f` with `overrides` on this thread only (tests).
pub fn scoped<R>(overrides: KeyOverrides, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<KeyOverrides>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let old = self.0.take();
            SCOPED.with(|s| *s.borrow_mut() = old);
        }
    }
    let old = SCOPED.with(|s| s.borrow_mut().replace(Arc::new(overrides)));
    let _restore = Restore(old);
    f()
}

fn current() -> Option<Arc<KeyOverrides>> {
    if let Some(o) = SCOPED.with(|s| s.borrow().clone()) {
        return Some(o);
    }
    match GLOBAL.read() {
        Ok(g) => g.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// The keys a binding answers to now. An override replaces the keys of the
/// action's first explorer-mode row, and a key it takes leaves every other
/// explorer-mode row, so no key means two things.
pub fn keys_of(b: &Binding) -> Vec<Key> {
    let Some(o) = current() else {
        return b.keys.to_vec();
    };
    if b.mode != Mode::Normal {
        return b.keys.to_vec();
    }
    if let Some(keys) = o.keys_for(&b.action)
        && first_row(&b.action).is_some_and(|first| std::ptr::eq(first, b))
    {
        return keys.to_vec();
    }
    b.keys.iter().copied().filter(|k| !o.takes(k)).collect()
}

fn first_row(action: &Action) -> Option<&'static Binding> {
    BINDINGS
        .iter()
        .find(|b| b.mode == Mode::Normal && &b.action == action)
}

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
            out.push((name, b.action));
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
        scoped(o, || {
            let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
            let big_q = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
            assert_eq!(action_for(Mode::Normal, q), Some(Action::Help));
            assert_eq!(action_for(Mode::Normal, big_q), Some(Action::Quit));
            // The help keeps its other key; Ctrl-C still quits.
            let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
            assert_eq!(action_for(Mode::Normal, f1), None);
            let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(Mode::Normal, c), Some(Action::Quit));
        });
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Normal, q), Some(Action::Quit));
    }
}
