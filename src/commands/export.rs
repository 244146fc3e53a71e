//! `treaty export`: a briefing pack on the user's bookmarks, some articles, a
//! concern or a chapter, as Markdown or plain text, to stdout or a file.

use super::{Failure, Outcome};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::user::brief::{self, Format, Selection};
use std::io::Write;
use std::path::PathBuf;

/// What `treaty export` was asked for; exactly one selection is set (clap
/// enforces it).
#[derive(Debug, Clone, Default)]
pub struct ExportArgs {
    pub bookmarks: bool,
    pub articles: Vec<String>,
    pub concern: Option<String>,
    pub chapter: Option<String>,
    pub format: String,
    pub output: Option<PathBuf>,
}

fn usage(e: impl ToString) -> Failure {
    Failure::usage(e.to_string())
}

pub fn export(corpus: &Corpus, args: &ExportArgs, out: &mut dyn Write) -> Outcome {
    let format: Format = args.format.parse().map_err(usage)?;
    let selection = if args.bookmarks {
        Selection::Bookmarks
    } else if let Some(id) = &args.concern {
        Selection::Concern(id.clone())
    } else if let Some(c) = &args.chapter {
        Selection::Chapter(brief::parse_chapter(c).map_err(usage)?)
    } else {
        Selection::Articles(brief::parse_articles(&args.articles).map_err(usage)?)
    };
    let user = super::load_user();
    let graph = LinkGraph::build(corpus);
    let text = brief::brief(corpus, &graph, &user, &selection, format).map_err(usage)?;
    match &args.output {
        Some(path) => {
            // Into a FIFO or /dev/stdout directly; a regular file replaced
            // atomically; a directory, device or read-only file refused.
            let direct =
                crate::store::write_output(path, text.as_bytes()).map_err(|e| match &e {
                    crate::store::StoreError::Write { source, .. }
                        if source.kind() == std::io::ErrorKind::InvalidInput =>
                    {
                        Failure::usage(e.to_string())
                    }
                    _ => Failure::runtime(e.to_string()),
                })?;
            // `-o /dev/stdout`: the brief is the output, nothing is added.
            if !direct {
                writeln!(out, "wrote {}", path.display())?;
            }
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
