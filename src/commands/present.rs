//! `treaty present`: a deck of slides full screen, and the settings every
//! full-screen command reads first (theme, mouse and keys from config.toml,
//! `--theme`, `NO_COLOR`).

use super::{Failure, Outcome};
use crate::app::state::deck::Presentation;
use crate::app::view::slides::{convention_deck, deck_named};
use crate::config;
use crate::config::Settings;
use crate::corpus::Corpus;
use crate::ui::theme::{self, ThemeName};
use std::io::{IsTerminal, Write};

/// Reads config.toml and puts the command line on top: the theme (`--theme`
/// wins over the file; `NO_COLOR` drops colour), the key overrides, the
/// mouse (`--no-mouse` wins). The session owns what this returns.
pub fn settings(theme_flag: Option<&str>, no_mouse: bool) -> Result<Settings, Failure> {
    let cfg = config::load().map_err(|e| Failure::usage(e.to_string()))?;
    let name = match theme_flag {
        Some(t) => Some(ThemeName::parse(t).ok_or_else(|| {
            Failure::usage(format!(
                "--theme {:?} is not a theme: use one of {}",
                crate::text::one_line(t),
                ThemeName::names()
            ))
        })?),
        None => None,
    };
    Ok(cfg.settings(name, no_mouse, theme::colour_from_env()))
}

/// The deck `--deck` names; without one, the whole convention.
pub fn resolve_deck(corpus: &Corpus, deck: Option<&str>) -> Result<Presentation, Failure> {
    let Some(name) = deck else {
        return Ok(convention_deck(corpus));
    };
    // `bookmarks` or `my bookmarks`: only then is the user data read.
    let bookmarks = if name
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("bookmarks"))
    {
        super::load_user().bookmarks().iter().cloned().collect()
    } else {
        Vec::new()
    };
    deck_named(corpus, name, &bookmarks).map_err(Failure::usage)
}

/// Runs `treaty present`.
pub fn present(
    corpus: Corpus,
    deck: Option<&str>,
    speaker: bool,
    theme_flag: Option<&str>,
    no_mouse: bool,
    out: &mut dyn Write,
) -> Outcome {
    let deck_name = deck;
    let mut deck = resolve_deck(&corpus, deck)?;
    let settings = settings(theme_flag, no_mouse)?;
    if speaker {
        return super::speaker::speaker(&deck.title, deck_name, settings, out);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        writeln!(
            out,
            "treaty: presenting needs a terminal; the deck \"{}\" has {} slides.",
            crate::text::one_line(&deck.title),
            deck.slides.len()
        )?;
        return Ok(());
    }
    deck.exit_on_close = true;
    let title = deck.title.clone();
    crate::explorer::run_linked(
        corpus,
        crate::explorer::RunOptions {
            settings,
            start: None,
        },
        Some(crate::app::state::Overlay::Present(deck)),
        Some(&title),
    )
    .map_err(|e| Failure::runtime(format!("{e:#}")))
}
