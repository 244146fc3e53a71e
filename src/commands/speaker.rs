//! `treaty present … --speaker`: the speaker view in a second terminal,
//! following the room's presentation of the same deck.

use super::{Failure, Outcome};
use crate::config::Settings;
use crate::text::one_line;
use std::io::{IsTerminal, Write};

/// Runs the speaker view of the deck titled `title`; `deck` is the
/// `--deck` given, to say how the room's side is started.
pub fn speaker(
    title: &str,
    deck: Option<&str>,
    settings: Settings,
    out: &mut dyn Write,
) -> Outcome {
    let start = match deck {
        Some(d) => format!(
            "treaty present --deck \"{}\"",
            one_line(d).replace('"', "'")
        ),
        None => "treaty present".to_string(),
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        writeln!(
            out,
            "treaty: the speaker view needs a terminal; it follows `{start}` run in another one."
        )?;
        return Ok(());
    }
    crate::explorer::speaker::run(title, &start, settings)
        .map_err(|e| Failure::runtime(format!("speaker view: {e:#}")))
}
