//! `treaty export`: a brief on the user's bookmarks, some articles, a concern
//! or a chapter, as Markdown, plain text, HTML or DOCX, to stdout or a file.

use super::{Failure, Outcome};
use crate::corpus::Corpus;
use crate::refs::graph::LinkGraph;
use crate::user::brief::{self, Format, Options, Selection};
use std::io::{Read, Write};
use std::path::PathBuf;

/// What `treaty export` was asked for; exactly one selection is set (clap
/// enforces it).
#[derive(Debug, Clone, Default)]
pub struct ExportArgs {
    pub bookmarks: bool,
    pub articles: Vec<String>,
    pub concern: Option<String>,
    pub chapter: Option<String>,
    /// md, txt, html or docx; by default the output file's extension, else md.
    pub format: Option<String>,
    pub output: Option<PathBuf>,
    pub max_quotes: Option<usize>,
    pub include_mine: bool,
    pub title: Option<String>,
    pub purpose: Option<String>,
    /// New key points to keep as the brief's note (`-` reads stdin; empty
    /// deletes them) before writing it.
    pub key_points: Option<String>,
}

fn usage(e: impl ToString) -> Failure {
    Failure::usage(e.to_string())
}

pub fn export(corpus: &Corpus, args: &ExportArgs, out: &mut dyn Write) -> Outcome {
    let format = match (&args.format, &args.output) {
        (Some(f), _) => f.parse().map_err(usage)?,
        (None, Some(path)) => Format::from_path(path).unwrap_or_default(),
        (None, None) => Format::Markdown,
    };
    if format == Format::Docx && args.output.is_none() {
        return Err(usage(brief::BriefError::NotText));
    }
    let selection = if args.bookmarks {
        Selection::Bookmarks
    } else if let Some(id) = &args.concern {
        Selection::Concern(id.clone())
    } else if let Some(c) = &args.chapter {
        Selection::Chapter(brief::parse_chapter(c).map_err(usage)?)
    } else {
        Selection::Articles(brief::parse_articles(&args.articles).map_err(usage)?)
    };
    let mut user = super::load_user();
    if let Some(points) = &args.key_points {
        let text = if points == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| usage(format!("cannot read the key points from stdin: {e}")))?;
            s
        } else {
            points.clone()
        };
        let item = selection.key_points_item(corpus);
        user.set_note(&item, text)
            .map_err(|e| Failure::runtime(format!("key points not saved: {e}")))?;
    }
    let options = Options {
        max_quotes: args.max_quotes.unwrap_or(brief::MAX_QUOTES),
        include_mine: args.include_mine,
        title: args.title.clone(),
        purpose: args.purpose.clone(),
        date: None,
    };
    let graph = LinkGraph::build(corpus);
    let doc = brief::document(corpus, &graph, &user, &selection, &options).map_err(usage)?;
    let bytes = brief::render(&doc, format).map_err(|e| Failure::runtime(e.to_string()))?;
    match &args.output {
        Some(path) => {
            // Into a FIFO or /dev/stdout directly; a regular file replaced
            // atomically; a directory, device or read-only file refused.
            let direct = crate::store::write_output(path, &bytes).map_err(|e| match &e {
                crate::store::StoreError::Write { source, .. }
                    if source.kind() == std::io::ErrorKind::InvalidInput =>
                {
                    Failure::usage(e.to_string())
                }
                _ => Failure::runtime(e.to_string()),
            })?;
            // `-o /dev/stdout`: the brief is the output, nothing is added.
            if !direct {
                writeln!(out, "wrote {}", crate::library::shown(path))?;
            }
        }
        None => out.write_all(&bytes)?,
    }
    Ok(())
}
