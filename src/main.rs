//! The `treaty` binary: parse the command line, run a subcommand or the explorer.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use treaty::cli::{Cli, Command};
use treaty::commands::{self, Failure};

fn main() -> ExitCode {
    let cli = Cli::parse_clean();
    let stdout = std::io::stdout();
    // Everything printed goes through the sanitiser, and so does every error.
    let mut out = treaty::text::CleanWriter::new(stdout.lock());
    let mut result = run(cli, &mut out);
    if let Err(e) = out.flush() {
        result = result.and(Err(Failure::from(e)));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                let message = treaty::text::clean(f.message.trim_end());
                let _ = writeln!(std::io::stderr(), "treaty: {message}");
            }
            ExitCode::from(f.code)
        }
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let data = cli.corpus.data.as_deref();
    // `check`, `scan` and the imports read what they need themselves.
    let corpus = || commands::load(data).map_err(|p| commands::corpus_failure(&p));
    match cli.command {
        Some(Command::Check { json }) => commands::check(data, json, out),
        Some(Command::Scan { file, json }) => commands::scan(&file, json, out),
        Some(command @ (Command::Import { .. } | Command::ImportText { .. })) => {
            commands::import(data, &command, out)
        }
        Some(Command::Show { place, json }) => commands::show(&corpus()?, &place, json, out),
        Some(Command::Refs {
            place,
            select,
            json,
        }) => commands::refs(&corpus()?, &place, &select, json, out),
        Some(Command::Sources { json }) => commands::sources(&corpus()?, json, out),
        Some(Command::Search { query, limit, json }) => {
            commands::search(&corpus()?, &query, limit, json, out)
        }
        Some(Command::Links { action, args, json }) => {
            commands::links(&corpus()?, &action, &args, json, out)
        }
        Some(Command::Bookmarks {
            action,
            target,
            json,
        }) => commands::bookmarks(&corpus()?, &action, &target, json, out),
        Some(Command::Notes {
            action,
            target,
            json,
        }) => commands::notes(&corpus()?, &action, &target, json, out),
        Some(Command::Export {
            bookmarks,
            article,
            concern,
            chapter,
            format,
            output,
            max_quotes,
            include_mine,
            title,
            purpose,
            key_points,
        }) => commands::export(
            &corpus()?,
            &commands::ExportArgs {
                bookmarks,
                articles: article,
                concern,
                chapter,
                format,
                output,
                max_quotes: Some(max_quotes),
                include_mine,
                title,
                purpose,
                key_points,
            },
            out,
        ),
        Some(Command::Present {
            deck,
            with_own,
            export,
            file,
            speaker,
        }) => commands::present(
            corpus()?,
            commands::present::PresentArgs {
                deck: deck.as_deref(),
                with_own,
                export: export.is_some(),
                file,
                speaker,
            },
            cli.theme.as_deref(),
            cli.no_mouse,
            out,
        ),
        None => explore(
            cli.place,
            cli.source,
            (cli.theme.as_deref(), cli.no_mouse),
            corpus()?,
            out,
        ),
    }
}

fn explore(
    place: Vec<String>,
    source: Option<String>,
    (theme, no_mouse): (Option<&str>, bool),
    corpus: treaty::corpus::Corpus,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let words = match source {
        Some(id) => Some(format!("source {id}")),
        None => (!place.is_empty()).then(|| place.join(" ")),
    };
    let location = words
        .map(|w| treaty::corpus::locate(&corpus, &w))
        .transpose()
        .map_err(|e| Failure::usage(e.to_string()))?;
    // The explorer lands on the paragraph (`24(2)`, `zamora#10`) or the
    // concern asked for.
    let start = location;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        writeln!(
            out,
            "treaty: the explorer needs a terminal. Without one, try:\n  \
             treaty show 23          an article and the passages citing it\n  \
             treaty search QUERY     search everything\n  \
             treaty sources          the critiques in the corpus\n  \
             treaty --help           every command"
        )?;
        return Ok(());
    }
    let settings = commands::settings(theme, no_mouse)?;
    treaty::explorer::run(corpus, treaty::explorer::RunOptions { settings, start })
        .map_err(|e| Failure::runtime(format!("{e:#}")))
}
