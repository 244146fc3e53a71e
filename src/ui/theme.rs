//! How things look. Meaning is never carried by colour alone: words
//! ("[cited]"), marks ("▸") and attributes (bold, underline for links,
//! reverse video for the selection) say it, so a monochrome terminal, a
//! washed-out projector and `NO_COLOR` all read the same. A theme adds
//! colours on top of those attributes.
//!
//! The theme is chosen once at startup (`set`); a test renders with another
//! one on its own thread with `scoped`, without touching the others.

use crate::app::view::lines::Role;
use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;
use std::sync::RwLock;

/// The themes a user can name (`--theme`, `theme = "…"` in config.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// `dark`, `light`, `high-contrast` (also `high_contrast`), any case.
    pub fn parse(s: &str) -> Option<ThemeName> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        ThemeName::ALL.into_iter().find(|t| t.name() == s)
    }

    /// `dark, light, high-contrast`, for messages.
    pub fn names() -> String {
        ThemeName::ALL.map(ThemeName::name).join(", ")
    }
}

/// A theme as drawn: its palette, and whether colour is used at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    pub name: ThemeName,
    /// False under `NO_COLOR`: attributes only.
    pub colour: bool,
}

impl Theme {
    pub fn new(name: ThemeName, colour: bool) -> Self {
        Theme { name, colour }
    }

    /// `name`, with colour unless `NO_COLOR` is set to something
    /// (https://no-color.org: an empty value does not count).
    pub fn from_env(name: ThemeName) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(name, !no_color)
    }
}

static GLOBAL: RwLock<Theme> = RwLock::new(Theme {
    name: ThemeName::Dark,
    colour: true,
});

thread_local! {
    static SCOPED: Cell<Option<Theme>> = const { Cell::new(None) };
}

/// Chooses the theme for the whole process (at startup).
pub fn set(theme: Theme) {
    match GLOBAL.write() {
        Ok(mut g) => *g = theme,
        Err(poisoned) => *poisoned.into_inner() = theme,
    }
}

/// The theme drawing uses now.
pub fn current() -> Theme {
    if let Some(t) = SCOPED.with(Cell::get) {
        return t;
    }
    match GLOBAL.read() {
        Ok(g) => *g,
        Err(poisoned) => *poisoned.into_inner(),
    }
}

/// Runs `f` with `theme` on this thread only (tests render with it).
pub fn scoped<R>(theme: Theme, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Theme>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(theme))));
    f()
}

/// The colours of a theme. Every pair is chosen to read on its background;
/// none of them carries a meaning the attributes do not.
#[derive(Debug, Clone, Copy)]
struct Palette {
    fg: Color,
    bg: Color,
    /// Titles, labels, headings.
    accent: Color,
    link: Color,
    /// Numbers, markers, counts.
    mark: Color,
    /// Notes and unknown values.
    quiet: Color,
    error: Color,
}

fn palette(name: ThemeName) -> Palette {
    match name {
        ThemeName::Dark => Palette {
            fg: Color::Gray,
            bg: Color::Black,
            accent: Color::LightYellow,
            link: Color::LightCyan,
            mark: Color::LightGreen,
            quiet: Color::Gray,
            error: Color::LightRed,
        },
        ThemeName::Light => Palette {
            fg: Color::Black,
            bg: Color::White,
            accent: Color::Blue,
            link: Color::Indexed(24),
            mark: Color::Indexed(22),
            quiet: Color::Indexed(238),
            error: Color::Red,
        },
        ThemeName::HighContrast => Palette {
            fg: Color::White,
            bg: Color::Black,
            accent: Color::Yellow,
            link: Color::LightCyan,
            mark: Color::White,
            quiet: Color::White,
            error: Color::LightRed,
        },
    }
}

/// The active palette, or `None` without colour.
fn colours() -> Option<Palette> {
    let t = current();
    t.colour.then(|| palette(t.name))
}

fn fg(style: Style, pick: impl Fn(&Palette) -> Color) -> Style {
    match colours() {
        Some(p) => style.fg(pick(&p)),
        None => style,
    }
}

/// The whole screen's base: the theme's text and background colours.
pub fn base() -> Style {
    match colours() {
        Some(p) => Style::default().fg(p.fg).bg(p.bg),
        None => Style::default(),
    }
}

/// Extra weight the high-contrast theme gives to ordinary text.
fn heavy() -> Modifier {
    let t = current();
    if t.name == ThemeName::HighContrast {
        Modifier::BOLD
    } else {
        Modifier::empty()
    }
}

pub fn role(r: Role) -> Style {
    let m = match r {
        Role::Plain => Modifier::empty(),
        Role::Title | Role::Field | Role::Number | Role::Marker | Role::Count | Role::Here => {
            Modifier::BOLD
        }
        Role::Label | Role::Heading => Modifier::BOLD | Modifier::UNDERLINED,
        Role::Unknown | Role::Note => Modifier::ITALIC,
        Role::Link => Modifier::UNDERLINED,
        Role::CurrentLink => Modifier::UNDERLINED | Modifier::REVERSED | Modifier::BOLD,
        Role::Match => Modifier::BOLD | Modifier::UNDERLINED,
    };
    let style = Style::default().add_modifier(m);
    match r {
        Role::Plain => style.add_modifier(heavy()),
        Role::Title | Role::Label | Role::Heading | Role::Here => fg(style, |p| p.accent),
        Role::Field | Role::Number | Role::Marker | Role::Count => fg(style, |p| p.mark),
        Role::Unknown | Role::Note => fg(style, |p| p.quiet),
        Role::Link | Role::CurrentLink => fg(style, |p| p.link),
        Role::Match => fg(style, |p| p.mark),
    }
}

/// The selected entry of the focused pane.
pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn title_focused() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

pub fn title() -> Style {
    fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
}

pub fn breadcrumb() -> Style {
    fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
}

pub fn error() -> Style {
    fg(
        Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        |p| p.error,
    )
}

pub fn key() -> Style {
    fg(Style::default().add_modifier(Modifier::BOLD), |p| p.mark)
}

pub fn plain() -> Style {
    Style::default().add_modifier(heavy())
}

/// Big headings (presentation slides).
pub fn big() -> Style {
    fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
}

/// Text that stays out of the way: the slide counter.
pub fn discreet() -> Style {
    fg(Style::default(), |p| p.quiet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_both_ways() {
        for t in ThemeName::ALL {
            assert_eq!(ThemeName::parse(t.name()), Some(t));
        }
        assert_eq!(
            ThemeName::parse("High_Contrast"),
            Some(ThemeName::HighContrast)
        );
        assert_eq!(ThemeName::parse("solarized"), None);
    }

    #[test]
    fn no_colour_keeps_the_attributes() {
        let plain_link = scoped(Theme::new(ThemeName::Light, false), || role(Role::Link));
        assert_eq!(plain_link.fg, None);
        assert!(plain_link.add_modifier.contains(Modifier::UNDERLINED));
        let coloured = scoped(Theme::new(ThemeName::Light, true), || role(Role::Link));
        assert!(coloured.fg.is_some());
        assert!(coloured.add_modifier.contains(Modifier::UNDERLINED));
    }
}
