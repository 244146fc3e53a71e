//! The keys of a session as data: a key as the table writes it, and the
//! user's overrides from config.toml. The explorer keeps them in its state;
//! `app::keymap` reads them with the table (so this file imports no table).

use crate::app::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A key with its modifiers, as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

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

    pub(crate) fn keys_for(&self, action: &Action) -> Option<&[Key]> {
        self.rules
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, k)| k.as_slice())
    }

    pub(crate) fn takes(&self, key: &Key) -> bool {
        self.rules.iter().any(|(_, keys)| keys.contains(key))
    }
}

/// The key table as this session reads it: the built-in bindings with the
/// user's overrides from config.toml on top. A value the explorer owns (in
/// its state) and hands to whoever looks a key up or prints one, so two
/// sessions, or two tests, never see each other's keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: KeyOverrides,
}

impl Keymap {
    /// The built-in table with `overrides` on top.
    pub fn new(overrides: KeyOverrides) -> Self {
        Keymap { overrides }
    }

    /// The user's overrides (empty: the table as it is).
    pub fn overrides(&self) -> &KeyOverrides {
        &self.overrides
    }
}
