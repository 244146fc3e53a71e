//! The user's config file, `$XDG_CONFIG_HOME/treaty/config.toml` (else
//! `~/.config/treaty/config.toml`): the theme, the mouse, and key overrides,
//! and the `Settings` a session runs with, made from it and the command line
//! (values the explorer owns and passes down, not globals).
//! Every mistake is reported with the file, the line and the key or value at
//! fault, so the user can fix it.
//!
//! ```toml
//! theme = "light"        # dark (default), light, high-contrast
//! mouse = false
//! suggested_links = false  # hide the [suggested] links (shown by default)
//! [keys]
//! quit = "Q"
//! search = "ctrl-f"
//! next_article = ["n", "ctrl-n"]
//! ```

use crate::app::keymap::{KeyOverrides, Keymap};

use crate::app::overrides::{action_name, bindable, parse_key};
use crate::ui::theme::{Theme, ThemeName};
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What the config file sets; `None` leaves the default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    /// `suggested_links = false` hides the suggested links in the explorer.
    pub suggested_links: Option<bool>,
    pub keys: KeyOverrides,
}

/// What a full-screen session runs with: the theme it draws in, the keys it
/// answers to, whether it captures the mouse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    pub mouse: bool,
    /// The `[suggested]` links are hidden (`suggested_links = false`).
    pub hide_suggested: bool,
}

impl Config {
    /// The settings of a session: this file's choices, with the command
    /// line's on top (`theme` from `--theme` wins over the file's; `no_mouse`
    /// from `--no-mouse` wins over `mouse = true`); `colour` is false under
    /// `NO_COLOR`.
    pub fn settings(self, theme: Option<ThemeName>, no_mouse: bool, colour: bool) -> Settings {
        Settings {
            theme: Theme::new(theme.or(self.theme).unwrap_or_default(), colour),
            keymap: Keymap::new(self.keys),
            mouse: !no_mouse && self.mouse.unwrap_or(true),
            hide_suggested: !self.suggested_links.unwrap_or(true),
        }
    }
}

/// A mistake in the config file, where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Where the config file is looked for.
pub fn config_path() -> Option<PathBuf> {
    crate::store::config_dir().map(|d| d.join("config.toml"))
}

/// Reads the config file; no file is the default config.
pub fn load() -> Result<Config, ConfigError> {
    match config_path() {
        Some(path) => load_from(&path),
        None => Ok(Config::default()),
    }
}

/// The largest config file read: a hand-written file is a few lines.
const CONFIG_LIMIT: u64 = 1 << 20;

pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let name = crate::text::one_line(&path.display().to_string());
    // A FIFO or a device as config.toml must not hang start-up.
    let bytes = match crate::store::read_capped(path, CONFIG_LIMIT) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(ConfigError {
                file: name,
                line: 0,
                message: format!("cannot read it: {e}"),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        ConfigError {
            file: name.clone(),
            line: line_of(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid),
            message: "the file is not UTF-8".into(),
        }
    })?;
    parse(&text, &name)
}

/// Parses config text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let fail = |at: usize, message: String| ConfigError {
        file: file.to_string(),
        line: line_of(text, at),
        message,
    };
    let table = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        fail(
            at,
            format!("not valid TOML: {}", crate::text::one_line(e.message())),
        )
    })?;
    let mut config = Config::default();
    for (key, value) in table.get_ref().iter() {
        let name: &str = key.get_ref();
        let at = key.span().start;
        match name {
            "theme" => {
                let s = string(value).ok_or_else(|| {
                    fail(
                        value.span().start,
                        format!("theme must be a string: one of {}", ThemeName::names()),
                    )
                })?;
                let theme = ThemeName::parse(s).ok_or_else(|| {
                    fail(
                        value.span().start,
                        format!(
                            "theme {:?} is not a theme: use one of {}",
                            shown(s),
                            ThemeName::names()
                        ),
                    )
                })?;
                config.theme = Some(theme);
            }
            "mouse" => match value.get_ref() {
                DeValue::Boolean(b) => config.mouse = Some(*b),
                _ => {
                    return Err(fail(
                        value.span().start,
                        "mouse must be true or false".into(),
                    ));
                }
            },
            "suggested_links" => match value.get_ref() {
                DeValue::Boolean(b) => config.suggested_links = Some(*b),
                _ => {
                    return Err(fail(
                        value.span().start,
                        "suggested_links must be true or false".into(),
                    ));
                }
            },
            "keys" => match value.get_ref() {
                DeValue::Table(keys) => config.keys = parse_keys(keys, &fail)?,
                _ => {
                    return Err(fail(
                        value.span().start,
                        "keys must be a table: [keys] then lines like quit = \"Q\"".into(),
                    ));
                }
            },
            other => {
                return Err(fail(
                    at,
                    format!(
                        "unknown setting {:?}: the settings are theme, mouse, suggested_links and [keys]",
                        shown(other)
                    ),
                ));
            }
        }
    }
    Ok(config)
}

fn parse_keys(
    keys: &DeTable,
    fail: &dyn Fn(usize, String) -> ConfigError,
) -> Result<KeyOverrides, ConfigError> {
    let actions = bindable();
    let mut out = KeyOverrides::default();
    let mut taken: Vec<(crate::app::keymap::Key, String)> = Vec::new();
    for (key, value) in keys.iter() {
        let name: &str = key.get_ref();
        let Some((_, action)) = actions.iter().find(|(n, _)| n == name) else {
            let names: Vec<&str> = actions.iter().map(|(n, _)| n.as_str()).collect();
            return Err(fail(
                key.span().start,
                format!(
                    "unknown action {:?} in [keys]: the actions are {}",
                    shown(name),
                    names.join(", ")
                ),
            ));
        };
        let values: Vec<&Spanned<DeValue>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                return Err(fail(
                    value.span().start,
                    format!("{name} must be a key (\"Q\") or a list of keys ([\"Q\", \"ctrl-q\"])"),
                ));
            }
        };
        let mut bound = Vec::new();
        for v in values {
            let Some(text) = string(v) else {
                return Err(fail(
                    v.span().start,
                    format!("the keys of {name} must be strings like \"Q\" or \"ctrl-f\""),
                ));
            };
            let k =
                parse_key(text).map_err(|why| fail(v.span().start, format!("{name}: {why}")))?;
            if let Some((_, other)) = taken.iter().find(|(t, _)| *t == k) {
                return Err(fail(
                    v.span().start,
                    format!("{name}: key {:?} is already given to {other}", shown(text)),
                ));
            }
            taken.push((k, name.to_string()));
            bound.push(k);
        }
        if bound.is_empty() {
            return Err(fail(
                value.span().start,
                format!("{name} needs at least one key"),
            ));
        }
        debug_assert_eq!(action_name(action), name);
        out.bind(action.clone(), bound);
    }
    Ok(out)
}

fn string<'a>(v: &'a Spanned<DeValue>) -> Option<&'a str> {
    match v.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

fn shown(s: &str) -> String {
    crate::text::truncate(&crate::text::one_line(s), 40)
}

/// 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    crate::corpus::problem::line_col(text, at).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;

    #[test]
    fn a_good_file_parses() {
        let c = parse(
            "theme = \"light\"\nmouse = false\n[keys]\nquit = \"Q\"\nsearch = \"ctrl-f\"\n",
            "config.toml",
        )
        .expect("parses");
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.mouse, Some(false));
        let mut keys = KeyOverrides::default();
        keys.bind(Action::Quit, vec![parse_key("Q").expect("Q")]);
        keys.bind(Action::Search, vec![parse_key("ctrl-f").expect("ctrl-f")]);
        assert_eq!(c.keys, keys);
    }

    #[test]
    fn settings_put_the_command_line_on_top_of_the_file() {
        let c = parse(
            "theme = \"light\"\nmouse = true\n[keys]\nquit = \"Q\"\n",
            "c",
        )
        .expect("parses");
        let s = c.clone().settings(None, false, true);
        assert_eq!(s.theme, Theme::new(ThemeName::Light, true));
        assert!(s.mouse);
        assert_eq!(s.keymap.overrides(), &c.keys);
        let s = c.settings(Some(ThemeName::HighContrast), true, false);
        assert_eq!(s.theme, Theme::new(ThemeName::HighContrast, false));
        assert!(!s.mouse, "--no-mouse wins over mouse = true");
        let s = Config::default().settings(None, false, true);
        assert_eq!(s.theme, Theme::default());
        assert!(s.mouse);
        assert_eq!(s.keymap, Keymap::default());
    }

    #[test]
    fn suggested_links_are_shown_unless_the_file_hides_them() {
        let c = parse("suggested_links = false\n", "c").expect("parses");
        assert!(c.settings(None, false, true).hide_suggested);
        let c = parse("", "c").expect("parses");
        assert!(!c.settings(None, false, true).hide_suggested);
        let e = parse("suggested_links = 1", "c").expect_err("bad value");
        assert!(e.message.contains("true or false"), "{e}");
    }

    #[test]
    fn errors_name_the_file_the_line_and_the_key() {
        let e = parse("mouse = true\ncolour = \"red\"\n", "/x/config.toml").expect_err("bad");
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("/x/config.toml:2: "), "{e}");
        assert!(e.message.contains("\"colour\""), "{e}");
        let e = parse("theme = \"solar\"", "c").expect_err("bad theme");
        assert!(e.message.contains("\"solar\"") && e.message.contains("high-contrast"));
        let e = parse("[keys]\n\nquitt = \"Q\"\n", "c").expect_err("bad action");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("\"quitt\"") && e.message.contains("next_article"));
        let e = parse("[keys]\nquit = \"ctrl-ff\"\n", "c").expect_err("bad key");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("\"ctrl-ff\""), "{e}");
        let e = parse("[keys]\nquit = \"x\"\nhelp = \"x\"\n", "c").expect_err("twice");
        assert!(e.message.contains("key \"x\" is already given to"), "{e}");
        let e = parse("mouse = \"no\"", "c").expect_err("bad mouse");
        assert!(e.message.contains("true or false"));
        let e = parse("theme = \n", "c").expect_err("bad toml");
        assert!(e.message.contains("not valid TOML"), "{e}");
    }
}
