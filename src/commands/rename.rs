//! Short names of the user's own sources: `treaty import --rename ID NAME`,
//! and the check that `--short NAME` (or a rename) takes a name no other
//! source of the corpus or library has.

use super::{Failure, Outcome};
use crate::corpus::Corpus;
use crate::corpus::source_file::with_front_matter_key;
use crate::library::{Library, shown};
use crate::text::one_line;
use std::io::Write;
use std::path::PathBuf;

/// Refuses a short name that is empty or that another source already shows.
/// `builtin` is the corpus without the library; `own` is the id of the source
/// being renamed, `files` the files being (re)imported: their current names
/// do not count against them.
pub fn check_free(
    library: &Library,
    builtin: &Corpus,
    own: Option<&str>,
    name: &str,
    files: &[PathBuf],
) -> Outcome {
    let wanted = one_line(name);
    if wanted.is_empty() {
        return Err(Failure::usage("a short name cannot be empty"));
    }
    if files.len() > 1 {
        return Err(Failure::usage(
            "--short names one source: import the files one at a time to give each its name",
        ));
    }
    let origins: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::canonicalize(f).ok())
        .map(|p| one_line(&p.display().to_string()))
        .collect();
    let mut corpus = builtin.clone();
    library.merge_into(&mut corpus);
    let taken = corpus.sources.iter().find(|s| {
        s.short_name().to_lowercase() == wanted.to_lowercase()
            && Some(s.id.as_str()) != own
            && !(s.user && s.meta.origin.as_ref().is_some_and(|o| origins.contains(o)))
    });
    match taken {
        Some(s) => Err(Failure::usage(format!(
            "the short name '{wanted}' is taken by source '{}' ({}): choose another",
            one_line(&s.id),
            one_line(&s.meta.title.clone().unwrap_or_else(|| s.path.clone()))
        ))),
        None => Ok(()),
    }
}

/// `treaty import --rename ID NAME`: stores `short: NAME` in the front
/// matter of the library's copy of source ID.
pub fn rename(
    library: &Library,
    data: Option<&std::path::Path>,
    id: &str,
    name: &str,
    out: &mut dyn Write,
) -> Outcome {
    let builtin = super::load_builtin(data).map_err(|p| super::corpus_failure(&p))?;
    let mut corpus = builtin.clone();
    library.merge_into(&mut corpus);
    let source = corpus.sources.iter().find(|s| s.id == id);
    let Some(source) = source.filter(|s| s.user) else {
        let mine: Vec<&str> = corpus
            .sources
            .iter()
            .filter(|s| s.user)
            .map(|s| s.id.as_str())
            .collect();
        let what = if source.is_some() {
            "is built in; only the sources of your library can be renamed"
        } else {
            "is not in your library"
        };
        return Err(Failure::usage(format!(
            "source '{}' {what}: {}",
            one_line(id),
            if mine.is_empty() {
                "your library is empty".to_string()
            } else {
                format!("yours are {}", mine.join(", "))
            }
        )));
    };
    check_free(library, &builtin, Some(id), name, &[])?;
    let entries = library.entries().map_err(Failure::from)?;
    let Some(entry) = entries.iter().find(|e| shown(&e.path) == source.path) else {
        return Err(Failure::runtime(format!(
            "source '{}' is no longer in your library",
            one_line(id)
        )));
    };
    let text = std::fs::read_to_string(&entry.path)
        .map_err(|e| Failure::runtime(format!("cannot read {}: {e}", shown(&entry.path))))?;
    let old = source.short_name();
    let new = with_front_matter_key(&text, "short", name);
    crate::store::write_atomic(&entry.path, new.as_bytes())
        .map_err(|e| Failure::runtime(e.to_string()))?;
    writeln!(
        out,
        "source '{}' was '{}', is now '{}' everywhere",
        one_line(id),
        one_line(&old),
        one_line(name)
    )?;
    Ok(())
}

/// The short name the library's copy of `file` has, so that importing the
/// same file again keeps a name given with `--short` or `--rename`.
pub fn kept_short(library: &Library, file: &std::path::Path) -> Option<String> {
    let origin = one_line(&std::fs::canonicalize(file).ok()?.display().to_string());
    let entries = library.entries().ok()?;
    let entry = entries
        .iter()
        .find(|e| e.origin.as_deref() == Some(origin.as_str()))?;
    let text = std::fs::read_to_string(&entry.path).ok()?;
    crate::corpus::source_file::parse_source(&entry.id, "", &text)
        .ok()?
        .meta
        .short
}
