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
use std::path::PathBuf;

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

/// What `treaty present` was asked for besides the settings.
#[derive(Debug, Clone, Default)]
pub struct PresentArgs<'a> {
    /// `--deck`: bookmarks, "chapter IV", "articles 23 24", "concern ID".
    pub deck: Option<&'a str>,
    /// `--with-own`: the user's own documents in a section of their own.
    pub with_own: bool,
    /// `--export html`: write the deck instead of presenting it.
    pub export: bool,
    /// Where `--export` writes; by default a new file in the current
    /// directory.
    pub file: Option<PathBuf>,
    /// `--speaker`: the speaker view following the room's presentation.
    pub speaker: bool,
}

/// Runs `treaty present`.
pub fn present(
    corpus: Corpus,
    args: PresentArgs,
    theme_flag: Option<&str>,
    no_mouse: bool,
    out: &mut dyn Write,
) -> Outcome {
    let deck_name = args.deck;
    let mut deck = resolve_deck(&corpus, args.deck)?;
    deck.with_own = args.with_own;
    if args.export {
        return export_html(&corpus, &deck, args.file.as_deref(), out);
    }
    let settings = settings(theme_flag, no_mouse)?;
    if args.speaker {
        return super::speaker::speaker(&deck.title, deck_name, settings, out);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let graph = crate::refs::graph::LinkGraph::build(&corpus);
        writeln!(
            out,
            "treaty: presenting needs a terminal; the deck \"{}\" covers {} items (its title \
             slide first) and takes {} slides on an 80x24 screen.",
            crate::text::one_line(&deck.title),
            deck.slides.len(),
            crate::app::view::slide_pages::count_at(&deck, &corpus, &graph, (80, 24))
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

/// `--export html`: the deck as one HTML file, at `file` or new in the
/// current directory (`slides-chapter-iv-2026-11-30.html`, then `-2`…);
/// says where it wrote.
fn export_html(
    corpus: &Corpus,
    deck: &Presentation,
    file: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Outcome {
    let graph = crate::refs::graph::LinkGraph::build(corpus);
    let html = crate::app::view::deck_html::deck_html(corpus, &graph, deck);
    let path = match file {
        Some(path) => crate::user::brief::write_unused(path, html.as_bytes()),
        None => {
            let dir = std::env::current_dir()
                .map_err(|e| Failure::runtime(format!("no current directory: {e}")))?;
            crate::user::brief::write_new(&dir, &stem(deck), "html", html.as_bytes())
        }
    }
    .map_err(Failure::runtime)?;
    writeln!(
        out,
        "wrote {} ({} slides)",
        crate::library::shown(&path),
        deck.slides.len()
    )?;
    Ok(())
}

/// `slides-chapter-iv-2026-11-30`, `slides-concern-dual-criminality-and-…`:
/// the deck's first words (a chapter's number, not its heading) and its date.
fn stem(deck: &Presentation) -> String {
    let words: String = crate::text::one_line(&deck.title)
        .split(". ")
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let words: Vec<&str> = words.split('-').filter(|w| !w.is_empty()).take(4).collect();
    let name = if words.is_empty() {
        "deck".to_string()
    } else {
        words.join("-")
    };
    format!("slides-{name}-{}", deck.date)
}
