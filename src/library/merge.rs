//! Merging the library into a loaded corpus: imported sources join the
//! built-in ones (marked `user`), the authentic text fills `Article.text` and
//! `Preamble.text`. A broken library file is a warning, never a failure: the
//! built-in corpus always loads.

use super::{Library, shown};
use crate::corpus::Corpus;
use crate::corpus::files::decode;
use crate::corpus::source_file::parse_source;
use crate::text::{clean, plural};

/// Merges the user's library (in `store::data_dir()`) into `corpus`, after it
/// was validated. Returns warnings for the files that were skipped.
pub fn merge_user_library(corpus: &mut Corpus) -> Vec<String> {
    match Library::open() {
        Ok(library) => library.merge_into(corpus),
        // No home directory: no library, nothing to say on every command.
        Err(_) => Vec::new(),
    }
}

impl Library {
    /// Merges this library into `corpus`. Merging twice gives the same
    /// corpus: user sources merged before (always last) are replaced.
    pub fn merge_into(&self, corpus: &mut Corpus) -> Vec<String> {
        let mut warnings = Vec::new();
        while corpus.sources.last().is_some_and(|s| s.user) {
            corpus.sources.pop();
        }
        self.merge_sources(corpus, &mut warnings);
        corpus.settle_short_names();
        self.merge_authentic(corpus, &mut warnings);
        warnings
    }

    fn merge_sources(&self, corpus: &mut Corpus, warnings: &mut Vec<String>) {
        let entries = match self.entries() {
            Ok(e) => e,
            Err(e) => {
                warnings.push(format!("your library was skipped: {e}"));
                return;
            }
        };
        for entry in entries {
            let name = shown(&entry.path);
            let bytes = match crate::store::read_capped(&entry.path, crate::store::USER_FILE_LIMIT)
            {
                Ok(b) => b,
                Err(e) => {
                    warnings.push(format!(
                        "skipped {name} in your library: cannot read it: {e}"
                    ));
                    continue;
                }
            };
            let text = match decode(bytes, &name) {
                Ok(t) => t,
                Err(p) => {
                    warnings.push(format!("skipped {name} in your library: {p}"));
                    continue;
                }
            };
            // Ids come from file names, which anyone may have chosen: they
            // are slugs, which the command line can name.
            let base = entry.id.clone();
            let id = if corpus.source_index(&base).is_none() {
                base
            } else {
                let mine = format!("my-{base}");
                (1..)
                    .map(|n| {
                        if n == 1 {
                            mine.clone()
                        } else {
                            format!("{mine}-{n}")
                        }
                    })
                    .find(|id| corpus.source_index(id).is_none())
                    .unwrap_or(mine)
            };
            match parse_source(&id, &name, &text) {
                Ok(mut source) => {
                    source.user = true;
                    corpus.sources.push(source);
                }
                Err(problems) => {
                    let more = problems.len().saturating_sub(1);
                    let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
                    warnings.push(format!(
                        "skipped {name} in your library: {first}{}",
                        if more > 0 {
                            format!(" (and {more} more problems)")
                        } else {
                            String::new()
                        }
                    ));
                }
            }
        }
    }

    fn merge_authentic(&self, corpus: &mut Corpus, warnings: &mut Vec<String>) {
        let stored = match self.read_authentic() {
            Ok(Some(s)) => s,
            Ok(None) => return,
            Err(why) => {
                warnings.push(format!("skipped the authentic text in your library: {why}"));
                return;
            }
        };
        let tidy = |t: &str| clean(t.trim()).replace('\t', " ");
        if let Some(p) = stored.preamble.as_deref().filter(|p| !p.trim().is_empty()) {
            corpus.convention.preamble.text = Some(tidy(p));
        }
        let mut unknown = Vec::new();
        for (n, text) in &stored.articles {
            if text.trim().is_empty() {
                continue;
            }
            let article = corpus
                .convention
                .chapters
                .iter_mut()
                .flat_map(|c| c.articles.iter_mut())
                .find(|a| a.number == *n);
            match article {
                Some(a) => a.text = Some(tidy(text)),
                None => unknown.push(n.to_string()),
            }
        }
        if !unknown.is_empty() {
            warnings.push(format!(
                "{}: article{} {} do{} not exist and {} skipped",
                shown(&self.authentic_path()),
                plural(unknown.len()),
                unknown.join(", "),
                if unknown.len() == 1 { "es" } else { "" },
                if unknown.len() == 1 { "was" } else { "were" },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::ImportOptions;

    #[test]
    fn merges_sources_and_skips_broken_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lib = Library::at(tmp.path());
        std::fs::create_dir_all(lib.sources_dir()).expect("mkdir");
        std::fs::write(lib.sources_dir().join("zamora.md"), "Mine, Article 23.\n").expect("w");
        std::fs::write(
            lib.sources_dir().join("broken.md"),
            "---\nautor: x\n---\nText\n",
        )
        .expect("w");
        std::fs::write(lib.sources_dir().join("latin.txt"), b"caf\xe9\n").expect("w");
        let mut corpus = crate::corpus::load_embedded().expect("loads");
        let builtin = corpus.sources.len();
        let warnings = lib.merge_into(&mut corpus);
        assert_eq!(corpus.sources.len(), builtin + 1);
        let mine = &corpus.sources[builtin];
        assert!(mine.user);
        assert_eq!(mine.id, "my-zamora");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("broken.md") && warnings[0].contains("autor"));
        assert!(warnings[1].contains("latin.txt") && warnings[1].contains("byte offset 3"));
        // Merging again changes nothing.
        lib.merge_into(&mut corpus);
        assert_eq!(corpus.sources.len(), builtin + 1);
        let graph = crate::refs::graph::LinkGraph::build(&corpus);
        assert!(
            graph
                .cited_by(crate::corpus::Target::Article(23))
                .iter()
                .any(|l| l.passage.source == builtin)
        );
    }

    #[test]
    fn an_import_reads_back_the_same() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lib = Library::at(tmp.path().join("lib"));
        let file = tmp.path().join("notes.md");
        std::fs::write(&file, "# Notes\n\nOne\tArticle 5.\n\nTwo.\n").expect("w");
        let done = lib
            .import_files(&[file], &ImportOptions::default(), &[])
            .expect("imports");
        let mut corpus = crate::corpus::load_embedded().expect("loads");
        assert!(lib.merge_into(&mut corpus).is_empty());
        let s = corpus.sources.last().expect("merged");
        assert_eq!(s.id, done[0].id);
        assert_eq!(s.passages.len(), done[0].reading.paragraphs);
        assert_eq!(s.headings.len(), done[0].reading.headings);
    }

    #[test]
    fn a_corrupt_authentic_file_is_a_warning() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lib = Library::at(tmp.path());
        std::fs::write(lib.authentic_path(), "{\"format\": 1,").expect("w");
        let mut corpus = crate::corpus::load_embedded().expect("loads");
        let warnings = lib.merge_into(&mut corpus);
        assert!(warnings[0].contains("authentic.json:1:"), "{warnings:?}");
        assert!(corpus.articles().all(|a| a.text.is_none()));
    }
}
