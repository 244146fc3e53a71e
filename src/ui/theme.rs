//! How things look. Meaning is never carried by colour alone: words
//! ("[cited]"), marks ("▸") and attributes (bold, underline for links,
//! reverse video for the selection) say it, so a monochrome terminal, a
//! washed-out projector and `NO_COLOR` all read the same. A theme adds
//! colours on top of those attributes.
//!
//! A `Theme` is a value: chosen once at startup from config.toml and the
//! command line, owned by the explorer and handed to `ui::draw`, which
//! passes it to whatever paints; a test draws with the one it builds.

use crate::app::view::lines::Role;
use ratatui::style::{Color, Modifier, Style};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// False under `NO_COLOR`: attributes only.
    pub colour: bool,
}

/// The dark theme in colour, as a session without settings draws.
impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeName::Dark, true)
    }
}

impl Theme {
    pub fn new(name: ThemeName, colour: bool) -> Self {
        Theme { name, colour }
    }

    /// `name`, with colour unless `NO_COLOR` is set to something
    /// (https://no-color.org: an empty value does not count).
    pub fn from_env(name: ThemeName) -> Self {
        Theme::new(name, colour_from_env())
    }
}

/// False when `NO_COLOR` is set to something (https://no-color.org: an
/// empty value does not count).
pub fn colour_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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

impl Theme {
    /// The active palette, or `None` without colour.
    fn colours(&self) -> Option<Palette> {
        self.colour.then(|| palette(self.name))
    }

    fn fg(&self, style: Style, pick: impl Fn(&Palette) -> Color) -> Style {
        match self.colours() {
            Some(p) => style.fg(pick(&p)),
            None => style,
        }
    }

    /// The whole screen's base: the theme's text and background colours.
    pub fn base(&self) -> Style {
        match self.colours() {
            Some(p) => Style::default().fg(p.fg).bg(p.bg),
            None => Style::default(),
        }
    }

    /// Extra weight the high-contrast theme gives to ordinary text.
    fn heavy(&self) -> Modifier {
        if self.name == ThemeName::HighContrast {
            Modifier::BOLD
        } else {
            Modifier::empty()
        }
    }

    pub fn role(&self, r: Role) -> Style {
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
            Role::Plain => style.add_modifier(self.heavy()),
            Role::Title | Role::Label | Role::Heading | Role::Here => self.fg(style, |p| p.accent),
            Role::Field | Role::Number | Role::Marker | Role::Count => self.fg(style, |p| p.mark),
            Role::Unknown | Role::Note => self.fg(style, |p| p.quiet),
            Role::Link | Role::CurrentLink => self.fg(style, |p| p.link),
            Role::Match => self.fg(style, |p| p.mark),
        }
    }

    /// The selected entry of the focused pane.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn title_focused(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
    }

    pub fn breadcrumb(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
    }

    pub fn error(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            |p| p.error,
        )
    }

    pub fn key(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.mark)
    }

    pub fn plain(&self) -> Style {
        Style::default().add_modifier(self.heavy())
    }

    /// Big headings (presentation slides).
    pub fn big(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.accent)
    }

    /// Text that stays out of the way: the slide counter.
    pub fn discreet(&self) -> Style {
        self.fg(Style::default(), |p| p.quiet)
    }
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
        let plain_link = Theme::new(ThemeName::Light, false).role(Role::Link);
        assert_eq!(plain_link.fg, None);
        assert!(plain_link.add_modifier.contains(Modifier::UNDERLINED));
        let coloured = Theme::new(ThemeName::Light, true).role(Role::Link);
        assert!(coloured.fg.is_some());
        assert!(coloured.add_modifier.contains(Modifier::UNDERLINED));
    }
}
