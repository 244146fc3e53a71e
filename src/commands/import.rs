//! `treaty import` and `treaty import-text`: bringing the user's own texts and
//! the authentic text of the convention into their library, and saying what
//! was found. Every name and text printed here is cleaned first.

use super::{Failure, Outcome, corpus_failure, load_builtin, warn, wrap, write_json};
use crate::cli::Command;
use crate::corpus::{Corpus, SourceMeta, Target};
use crate::library::authentic::AuthenticReport;
use crate::library::{ImportOptions, Imported, Library, LibraryError, shown};
use crate::text::{one_line, plural};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

const WIDTH: usize = 80;

/// A progress bar on stderr while files are read, only when stderr is a
/// terminal and only once reading takes long enough to notice.
struct ProgressBar<'a> {
    files: &'a [std::path::PathBuf],
    bar: Option<indicatif::ProgressBar>,
    current: Option<(usize, crate::intake::Unit)>,
    started: std::time::Instant,
    terminal: bool,
}

impl<'a> ProgressBar<'a> {
    fn new(files: &'a [std::path::PathBuf]) -> Self {
        use std::io::IsTerminal;
        ProgressBar {
            files,
            bar: None,
            current: None,
            started: std::time::Instant::now(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, index: usize, p: crate::intake::Progress) {
        use crate::intake::Unit;
        if !self.terminal || self.started.elapsed() < std::time::Duration::from_millis(300) {
            return;
        }
        let bar = self.bar.get_or_insert_with(|| {
            indicatif::ProgressBar::with_draw_target(
                Some(p.total),
                indicatif::ProgressDrawTarget::stderr(),
            )
        });
        if self.current != Some((index, p.unit)) {
            self.current = Some((index, p.unit));
            let template = match p.unit {
                Unit::Pages => "{msg} [{bar:30}] page {pos}/{len} ({eta})",
                Unit::Bytes => "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})",
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            let name = self.files.get(index).map(|f| shown(f)).unwrap_or_default();
            let prefix = if self.files.len() > 1 {
                format!("{}/{} ", index + 1, self.files.len())
            } else {
                String::new()
            };
            bar.set_message(format!("{prefix}{}", crate::text::truncate(&name, 40)));
        }
        bar.set_length(p.total.max(p.done));
        bar.set_position(p.done);
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl From<LibraryError> for Failure {
    fn from(e: LibraryError) -> Self {
        match e {
            LibraryError::Input(m) => Failure::usage(one_line(&m)),
            LibraryError::Store(s) => Failure::runtime(one_line(&s.to_string())),
        }
    }
}

/// Runs `import` or `import-text`; any other command is not ours.
pub fn import(data: Option<&Path>, command: &Command, out: &mut dyn Write) -> Outcome {
    let library = Library::open().map_err(|e| Failure::usage(e.to_string()))?;
    match command {
        Command::Import {
            files,
            list,
            remove,
            rename,
            short,
            title,
            author,
            publisher,
            date,
            url,
            kind,
            lossy,
            json,
        } => {
            if *list {
                return list_library(&library, *json, out);
            }
            if let Some(id) = remove {
                let builtin = builtin(data)?.builtin_source_ids();
                let entry = library.remove(id, &builtin)?;
                writeln!(
                    out,
                    "removed '{}' from your library ({})",
                    one_line(&entry.id),
                    shown(&entry.path)
                )?;
                return Ok(());
            }
            if let Some([id, name]) = rename.as_deref() {
                return super::rename::rename(&library, data, id, name, out);
            }
            let corpus = builtin(data)?;
            if let Some(name) = short {
                super::rename::check_free(&library, &corpus, None, name, files)?;
            }
            let short = match (short, files.as_slice()) {
                (None, [file]) => super::rename::kept_short(&library, file),
                _ => short.clone(),
            };
            let taken = corpus.builtin_source_ids();
            let options = ImportOptions {
                meta: SourceMeta {
                    title: title.clone(),
                    author: author.clone(),
                    publisher: publisher.clone(),
                    date: date.clone(),
                    url: url.clone(),
                    kind: kind.clone(),
                    origin: None,
                    short,
                    inferred: Default::default(),
                },
                lossy: *lossy,
            };
            let mut bar = ProgressBar::new(files);
            let done = library
                .import_files_with_progress(files, &options, &taken, &mut |i, p| bar.show(i, p));
            bar.finish();
            let done = done?;
            for d in &done {
                for w in &d.reading.warnings {
                    warn(w);
                }
            }
            if *json {
                let j: Vec<ImportJson> = done.iter().map(import_json).collect();
                return write_json(out, &j);
            }
            for (i, d) in done.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_import(d, out)?;
            }
            Ok(())
        }
        Command::ImportText {
            file,
            remove,
            lossy,
            json,
        } => {
            if *remove {
                let removed = library.remove_authentic()?;
                writeln!(
                    out,
                    "{}",
                    if removed {
                        "removed the authentic text from your library"
                    } else {
                        "your library has no authentic text"
                    }
                )?;
                return Ok(());
            }
            let Some(file) = file else {
                return Err(Failure::usage(
                    "give the file with the convention's text, or --remove",
                ));
            };
            let corpus = builtin(data)?;
            let done = library.import_authentic(file, *lossy, &corpus.convention)?;
            for w in &done.warnings {
                warn(w);
            }
            if *json {
                write_json(
                    out,
                    &AuthenticJson {
                        file: shown(file),
                        stored: done.stored.as_deref().map(shown),
                        refused: done.refused.clone(),
                        report: &done.report,
                    },
                )?;
            } else {
                write_authentic(&shown(file), &done.report, out)?;
                if let Some(stored) = &done.stored {
                    writeln!(
                        out,
                        "\nstored in {}: `treaty show 23` now shows the authentic text",
                        shown(stored)
                    )?;
                }
            }
            match done.refused {
                Some(why) => Err(Failure::usage(format!(
                    "{}: {why}; nothing was changed",
                    shown(file)
                ))),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// The corpus without the library: imports are checked against the built-in
/// sources and the official titles only.
fn builtin(data: Option<&Path>) -> Result<Corpus, Failure> {
    load_builtin(data).map_err(|p| corpus_failure(&p))
}

#[derive(Serialize)]
struct CitedJson {
    target: String,
    citations: usize,
}

#[derive(Serialize)]
struct ImportJson<'a> {
    id: &'a str,
    /// What the file was read as: text, pdf, docx, odt or html.
    format: Option<crate::intake::Format>,
    /// Pages read, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<u32>,
    file: &'a str,
    stored: String,
    updated: bool,
    title: Option<&'a str>,
    paragraphs: usize,
    headings: usize,
    citations: usize,
    cited: Vec<CitedJson>,
    unresolved: &'a [crate::library::import::UnresolvedAt],
    unresolved_count: usize,
    warnings: Vec<String>,
}

fn import_json(d: &Imported) -> ImportJson<'_> {
    let r = &d.reading;
    ImportJson {
        id: &d.id,
        format: r.format,
        pages: (r.pages > 0).then_some(r.pages),
        file: &d.file,
        stored: shown(&d.stored),
        updated: d.updated,
        title: r.meta.title.as_deref(),
        paragraphs: r.paragraphs,
        headings: r.headings,
        citations: r.citations,
        cited: r
            .cited
            .iter()
            .map(|(t, n)| CitedJson {
                target: t.to_string(),
                citations: *n,
            })
            .collect(),
        unresolved: &r.unresolved,
        unresolved_count: r.unresolved_count,
        warnings: r.warnings.iter().map(|w| one_line(w)).collect(),
    }
}

fn write_import(d: &Imported, out: &mut dyn Write) -> Outcome {
    let r = &d.reading;
    writeln!(
        out,
        "{} {} as '{}': {} paragraph{}{}",
        if d.updated { "updated" } else { "imported" },
        d.file,
        d.id,
        r.paragraphs,
        plural(r.paragraphs),
        if r.headings > 0 {
            format!(", {} heading{}", r.headings, plural(r.headings))
        } else {
            String::new()
        }
    )?;
    if let Some(t) = &r.meta.title {
        writeln!(out, "  title: {}", one_line(t))?;
    }
    writeln!(out, "  stored in {}", shown(&d.stored))?;
    let resolved = r.citations - r.unresolved_count;
    writeln!(
        out,
        "  citations: {} ({resolved} resolved, {} unresolved)",
        r.citations, r.unresolved_count
    )?;
    if !r.cited.is_empty() {
        let list: Vec<String> = r
            .cited
            .iter()
            .map(|(t, n)| format!("{} ×{n}", t.label()))
            .collect();
        writeln!(out, "  cites:")?;
        write!(out, "{}", wrap(&list.join(", "), WIDTH, "    "))?;
    }
    if r.unresolved_count > 0 {
        writeln!(out, "  unresolved (not linked):")?;
        for u in &r.unresolved {
            let place = match (u.page, r.format) {
                (Some(page), _) => format!("{}: page {page}", d.file),
                (None, Some(crate::intake::Format::Text) | None) => {
                    format!("{}:{}:{}", d.file, u.line, u.column)
                }
                // A Word or web page's lines are those of the stored file.
                (None, Some(_)) => format!("{} (stored line {})", d.file, u.line),
            };
            writeln!(
                out,
                "    {place}: {:?}: {}",
                one_line(&u.text),
                one_line(&u.problem)
            )?;
        }
        if r.unresolved_count > r.unresolved.len() {
            writeln!(
                out,
                "    ... and {} more",
                r.unresolved_count - r.unresolved.len()
            )?;
        }
    }
    writeln!(out, "  read it: treaty show source {}", d.id)?;
    Ok(())
}

#[derive(Serialize)]
struct ListJson {
    id: String,
    file: String,
    title: Option<String>,
    origin: Option<String>,
    paragraphs: Option<usize>,
    problem: Option<String>,
}

fn list_library(library: &Library, json: bool, out: &mut dyn Write) -> Outcome {
    let entries = library.entries()?;
    let mut rows = Vec::new();
    for e in &entries {
        let name = shown(&e.path);
        let parsed = crate::store::read_capped(&e.path, crate::store::USER_FILE_LIMIT)
            .map_err(|err| err.to_string())
            .and_then(|b| crate::corpus::files::decode(b, &name).map_err(|p| p.to_string()))
            .and_then(|t| {
                crate::corpus::source_file::parse_source(&e.id, &name, &t)
                    .map_err(|ps| ps.first().map(|p| p.to_string()).unwrap_or_default())
            });
        let (title, paragraphs, problem) = match parsed {
            Ok(s) => (
                s.meta.title.as_deref().map(one_line),
                Some(s.passages.len()),
                None,
            ),
            Err(why) => (None, None, Some(one_line(&why))),
        };
        rows.push(ListJson {
            id: one_line(&e.id),
            file: name,
            title,
            origin: e.origin.as_deref().map(one_line),
            paragraphs,
            problem,
        });
    }
    let authentic = library.authentic_summary();
    if json {
        #[derive(Serialize)]
        struct Listing {
            sources: Vec<ListJson>,
            authentic: Option<AuthenticSummary>,
            authentic_problem: Option<String>,
        }
        #[derive(Serialize)]
        struct AuthenticSummary {
            articles: usize,
            preamble: bool,
            imported_from: String,
        }
        let (a, problem) = match authentic {
            Ok(a) => (a, None),
            Err(why) => (None, Some(one_line(&why))),
        };
        return write_json(
            out,
            &Listing {
                sources: rows,
                authentic: a.map(|(articles, preamble, from)| AuthenticSummary {
                    articles,
                    preamble,
                    imported_from: one_line(&from),
                }),
                authentic_problem: problem,
            },
        );
    }
    writeln!(out, "Your library: {}", shown(&library.sources_dir()))?;
    if rows.is_empty() {
        writeln!(out, "  (no sources yet: `treaty import FILE` adds one)")?;
    }
    for r in &rows {
        match (&r.problem, r.paragraphs) {
            (Some(why), _) => writeln!(out, "  {:<20} BROKEN: {why}", r.id)?,
            (None, n) => writeln!(
                out,
                "  {:<20} {:>6} paragraph{}  {}",
                r.id,
                n.unwrap_or(0),
                plural(n.unwrap_or(0)),
                r.title.as_deref().unwrap_or("(untitled)")
            )?,
        }
        if let Some(o) = &r.origin {
            writeln!(out, "  {:<20} from {o}", "")?;
        }
    }
    match authentic {
        Ok(Some((articles, preamble, from))) => writeln!(
            out,
            "Authentic text: {articles} articles{}, from {}",
            if preamble { " and the preamble" } else { "" },
            one_line(&from)
        )?,
        Ok(None) => writeln!(
            out,
            "Authentic text: none (`treaty import-text FILE` adds it)"
        )?,
        Err(why) => writeln!(out, "Authentic text: BROKEN: {}", one_line(&why))?,
    }
    Ok(())
}

#[derive(Serialize)]
struct AuthenticJson<'a> {
    file: String,
    stored: Option<String>,
    refused: Option<String>,
    report: &'a AuthenticReport,
}

/// `1-3, 5, 7-68`
fn ranges(numbers: &[u8]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while i + 1 < numbers.len() && numbers[i + 1] == end + 1 {
            i += 1;
            end = numbers[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

fn write_authentic(file: &str, r: &AuthenticReport, out: &mut dyn Write) -> Outcome {
    writeln!(out, "Authentic text from {file}")?;
    writeln!(
        out,
        "  found {} of 68 articles{}: {}",
        r.found.len(),
        if r.preamble { " and the preamble" } else { "" },
        ranges(&r.found)
    )?;
    writeln!(out, "  missing: {}", ranges(&r.missing))?;
    let places = |list: &[crate::library::authentic::Misplaced]| {
        if list.is_empty() {
            "none".to_string()
        } else {
            list.iter()
                .map(|m| match (m.page, m.paragraph) {
                    (Some(page), _) => format!("{} (page {page}, line {})", m.number, m.line),
                    (None, Some(n)) => format!("{} (paragraph {n})", m.number),
                    (None, None) => format!("{} (line {})", m.number, m.line),
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    writeln!(out, "  duplicated: {}", places(&r.duplicated))?;
    writeln!(out, "  out of order: {}", places(&r.out_of_order))?;
    for (target, list) in [
        (Target::Article as fn(u8) -> Target, &r.title_mismatches),
        (Target::Chapter, &r.chapter_mismatches),
    ] {
        for m in list {
            let label = target(m.number).label();
            let place = match (m.page, m.paragraph) {
                (Some(page), _) => format!("{file}: page {page}, line {}", m.line),
                (None, Some(n)) => format!("{file}: paragraph {n}"),
                (None, None) => format!("{file}:{}", m.line),
            };
            writeln!(
                out,
                "  {place}: {label} is titled {:?}; the official title is {:?}",
                one_line(&m.found),
                one_line(&m.official)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_compact_numbers() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(ranges(&[]), "none");
        assert_eq!(ranges(&[68]), "68");
    }
}
