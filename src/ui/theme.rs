//! How things look. The default is high contrast and never relies on colour:
//! meaning is carried by words ("[cited]"), marks ("▸") and attributes
//! (bold, underline for links, reverse video for the selection), so it reads
//! the same on a monochrome terminal and on a washed-out projector.

use crate::app::lines::Role;
use ratatui::style::{Modifier, Style};

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
    };
    Style::default().add_modifier(m)
}

/// The selected entry of the focused pane.
pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn title_focused() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn breadcrumb() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn plain() -> Style {
    Style::default()
}
