//! What each subcommand prints. Output goes to a writer so tests can read it;
//! every corpus string is cleaned before it is written.

mod bookmarks;
mod check;
mod export;
mod import;
mod links;
pub mod present;
mod rename;
mod scan;
mod search;
mod shared_runs;
mod show;
mod speaker;

pub use bookmarks::{bookmarks, notes};
pub use check::check;
pub use export::{ExportArgs, export};
pub use import::import;
pub use links::{Wanted, links, suggested_entries};
pub use present::{present, resolve_deck, settings};
pub use scan::scan;
pub use search::search;
pub use shared_runs::{MIN_RUN, Run, shared_runs};
pub use show::{refs, show, sources};

use crate::corpus::{Corpus, PassageId, Problems, load_dir, load_embedded};
use crate::refs::graph::{Basis, Link, LinkGraph};
use crate::user::UserData;
use std::io::Write;
use std::path::Path;

/// A command that could not do what was asked: the message for stderr and the
/// process exit code (2 for bad input or data).
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A failure of the system, not of the input (a file that cannot be
    /// saved, a terminal that cannot be set up): exit code 1.
    pub fn runtime(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        // The reader went away (`treaty sources | head`): what it wanted it
        // has; end quietly with 0, as Unix tools do.
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure {
                code: 0,
                message: String::new(),
            };
        }
        Failure::runtime(format!("cannot write output: {e}"))
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) {
            return std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        }
        Failure::runtime(format!("cannot write JSON: {e}"))
    }
}

pub type Outcome = Result<(), Failure>;

/// The corpus without the user's library: the embedded one, or `--data DIR`.
pub fn load_builtin(data: Option<&Path>) -> Result<Corpus, Problems> {
    match data {
        Some(dir) => load_dir(dir),
        None => load_embedded(),
    }
}

/// Loads the corpus for a command: the built-in one with the user's library.
pub fn load(data: Option<&Path>) -> Result<Corpus, Problems> {
    let mut corpus = load_builtin(data)?;
    // The user's library joins after validation; a broken file in it is
    // skipped with a warning and never blocks the built-in corpus.
    for warning in crate::library::merge_user_library(&mut corpus) {
        warn(&warning);
    }
    Ok(corpus)
}

/// Loads the user's data, printing any warning (a corrupt file kept aside,
/// an unreadable one) on stderr: the command still runs.
pub fn load_user() -> UserData {
    let (user, warnings) = UserData::load();
    for w in warnings {
        warn(&w);
    }
    user
}

/// A problem that does not stop the command, on stderr.
pub fn warn(message: &str) {
    eprintln!("treaty: warning: {}", crate::text::one_line(message));
}

/// A value as pretty JSON on its own line: the `--json` output of a command.
/// Characters a terminal must not see raw ([`crate::text::is_unsafe`]) are
/// written as `\uXXXX` escapes: the JSON still holds the exact text, and
/// nothing in it can act on a terminal it is printed to.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Outcome {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeJson::default());
    value.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

/// serde_json's pretty layout, with every unsafe character escaped.
#[derive(Default)]
pub struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|(_, c)| crate::text::is_unsafe(*c))
        {
            w.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The failure for a corpus that did not load: every problem, then a hint.
pub fn corpus_failure(problems: &Problems) -> Failure {
    let n = problems.0.len();
    Failure::usage(format!(
        "{problems}the corpus has {n} problem{}; `treaty check` lists them",
        crate::text::plural(n)
    ))
}

/// One "Cited by" entry as the `--json` contract writes it.
#[derive(serde::Serialize)]
pub struct CitedByJson {
    pub source: String,
    pub paragraph: usize,
    pub basis: &'static str,
    pub reason: Option<String>,
    pub snippet: String,
    /// The citation as written, for a cited link.
    pub citation: Option<String>,
    pub target: String,
    /// How the passage treats the target (`criticises`, `proposes-change`,
    /// `welcomes`, `mentions`); null for a cited link, which records none.
    pub treatment: Option<&'static str>,
    /// What a passage that proposes a change asks for; null otherwise.
    pub asks: Option<String>,
    /// How much of the passage bears on the target: 1 (mentions), 2 (cites),
    /// 3 (discusses) or 4 (examines).
    pub depth: u8,
    /// The depth in words: `mentions`, `cites`, `discusses`, `examines`.
    pub depth_name: &'static str,
    /// How strong a suggested link is (basis `suggested` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

/// The counts of a provision's citing references, as `show --json` adds them.
#[derive(serde::Serialize)]
pub struct SummaryCountsJson {
    /// The line `show` prints under Cited by.
    pub line: String,
    pub passages: usize,
    pub sources: usize,
    pub cited: usize,
    pub inferred: usize,
    /// Passages per treatment: `criticises`, `proposes-change`, `welcomes`,
    /// `mentions`, and `none` for cited links, which record no treatment.
    pub treatments: std::collections::BTreeMap<&'static str, usize>,
    /// Passages per depth mark, `"1"` to `"4"`.
    pub depths: std::collections::BTreeMap<String, usize>,
}

pub fn summary_counts_json(s: &crate::refs::citing::RefSummary) -> SummaryCountsJson {
    SummaryCountsJson {
        line: s.line(),
        passages: s.passages,
        sources: s.sources,
        cited: s.cited,
        inferred: s.inferred,
        treatments: s
            .treatments
            .iter()
            .map(|(t, n)| (t.map_or("none", |t| t.name()), *n))
            .collect(),
        depths: s
            .depths
            .iter()
            .map(|(d, n)| (d.mark().to_string(), *n))
            .collect(),
    }
}

/// The treatment and the ask an analyst recorded for a link, if any.
pub fn link_treatment(corpus: &Corpus, link: &Link) -> (Option<&'static str>, Option<String>) {
    match &link.basis {
        Basis::Cited { .. } => (None, None),
        Basis::Inferred { .. } => corpus
            .curated_link(link.passage, link.target)
            .map_or((None, None), |c| (Some(c.treatment.name()), c.asks.clone())),
    }
}

const SNIPPET_WIDTH: usize = 100;

/// A passage snippet that starts near the citation when there is one.
pub fn link_snippet(corpus: &Corpus, link: &Link, graph: &LinkGraph) -> String {
    let Some(p) = corpus.passage(link.passage) else {
        return String::new();
    };
    let at = graph
        .citations(link.passage)
        .iter()
        .find(|c| c.targets.contains(&link.target))
        .map_or(0, |c| c.span.start);
    crate::text::snippet(&p.text, at, SNIPPET_WIDTH)
}

pub fn cited_by_json(corpus: &Corpus, graph: &LinkGraph, link: &Link) -> CitedByJson {
    let (treatment, asks) = link_treatment(corpus, link);
    CitedByJson {
        source: source_id(corpus, link.passage),
        paragraph: link.passage.index + 1,
        basis: link.basis.name(),
        reason: link.basis.reason().map(str::to_string),
        snippet: link_snippet(corpus, link, graph),
        citation: match &link.basis {
            Basis::Cited { text } => Some(crate::text::one_line(text)),
            Basis::Inferred { .. } => None,
        },
        target: link.target.to_string(),
        treatment,
        asks,
        depth: link.depth.mark(),
        depth_name: link.depth.name(),
        score: None,
    }
}

/// Every "Cited by" entry of `links`, as the `--json` contract writes them.
pub fn cited_by_list(corpus: &Corpus, graph: &LinkGraph, links: &[&Link]) -> Vec<CitedByJson> {
    links
        .iter()
        .map(|l| cited_by_json(corpus, graph, l))
        .collect()
}

pub fn source_id(corpus: &Corpus, id: PassageId) -> String {
    corpus
        .sources
        .get(id.source)
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

/// Words wrapped to `width` columns (unicode-width), each line indented.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in crate::text::one_line(text).split(' ') {
        if !line.is_empty()
            && crate::text::width(&line) + 1 + crate::text::width(word) + indent.len() > width
        {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}
