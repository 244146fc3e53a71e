//! The command line: subcommands and flags (clap). Parsing only; the work is in
//! `commands`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "treaty",
    version,
    about = "Explore the UN Convention against Cybercrime and the critiques written about it",
    long_about = "Explore the UN Convention against Cybercrime (A/RES/79/243) and civil-society \
critiques of it. Without a subcommand, opens the full-screen explorer, optionally at a place \
(`treaty 23`, `treaty IV`, `treaty --source zamora`).\n\nArticle summaries are the project's own \
words, not the authentic text."
)]
pub struct Cli {
    #[command(flatten)]
    pub corpus: CorpusArgs,

    /// Open the explorer at this place: an article (23), a chapter (IV), preamble, or a source id.
    #[arg(value_name = "PLACE")]
    pub place: Vec<String>,

    /// Open the explorer at this source.
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,

    /// Leave the mouse to the terminal, so its own text selection works.
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Colours of the full-screen views: dark (the default), light or
    /// high-contrast. Wins over `theme` in config.toml; NO_COLOR drops colour.
    #[arg(long, value_name = "NAME", global = true, value_parser = ["dark", "light", "high-contrast"])]
    pub theme: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct CorpusArgs {
    /// Load the corpus from DIR (same layout as data/) instead of the embedded one.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a corpus and print its counts; exit 2 listing every problem.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Show an article (23), a chapter (chapter IV), the preamble, or a source (source ID).
    Show {
        /// `23`, `article 23`, `chapter IV`, `IV`, `preamble`, `source ID`
        #[arg(value_name = "PLACE", required = true, num_args = 1..)]
        place: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the passages linked to an article or chapter (its citing references), with
    /// basis, reason, treatment and depth; filter and sort them.
    Refs {
        /// `23`, `chapter IV`, `preamble`
        #[arg(value_name = "PLACE", required = true, num_args = 1..)]
        place: Vec<String>,
        #[command(flatten)]
        select: RefsArgs,
        #[arg(long)]
        json: bool,
    },
    /// List the sources with their metadata.
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// Find the citations of the convention in a text file (a memo, a statement).
    Scan {
        /// The text file to scan.
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Search articles, chapters, sources and passages, best first.
    Search {
        /// What to look for; several words must all match.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How many results to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Your bookmarks: list them (the default), add or remove one.
    Bookmarks {
        /// What to do.
        #[arg(value_name = "ACTION", default_value = "list", value_parser = ["list", "add", "remove"])]
        action: String,
        /// What to add or remove: 23, chapter IV, preamble, source ID, passage:ID#N (or ID#N)
        #[arg(value_name = "TARGET", num_args = 0..)]
        target: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Your notes (written in the explorer): list them (the default) or show one.
    Notes {
        /// What to do.
        #[arg(value_name = "ACTION", default_value = "list", value_parser = ["list", "show"])]
        action: String,
        /// Whose note to show: 23, chapter IV, preamble, source ID, passage:ID#N (or ID#N)
        #[arg(value_name = "TARGET", num_args = 0..)]
        target: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write a briefing pack: the provisions, every passage discussing them with
    /// full citations, your notes, and the sources.
    #[command(group(
        clap::ArgGroup::new("selection")
            .required(true)
            .args(["bookmarks", "article", "concern", "chapter"])
    ))]
    Export {
        /// Your bookmarks: provisions, passages and sources.
        #[arg(long)]
        bookmarks: bool,
        /// These articles (--article 23 24).
        #[arg(long, value_name = "N", num_args = 1..)]
        article: Vec<String>,
        /// A concern by id (e.g. scope): the provisions its passages discuss.
        #[arg(long, value_name = "ID")]
        concern: Option<String>,
        /// A chapter and every article in it (IV or 4).
        #[arg(long, value_name = "CHAPTER")]
        chapter: Option<String>,
        /// md (Markdown) or txt (plain text).
        #[arg(long, value_name = "FORMAT", default_value = "md", value_parser = ["md", "txt", "markdown", "text"])]
        format: String,
        /// Write to FILE (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import your own texts (statements, submissions, memos) into your library:
    /// they join the sources everywhere, with their citations linked.
    #[command(
        long_about = "Import your own texts (statements, submissions, memos; plain text or \
Markdown, with or without a front-matter block of title:, author:, publisher:, date:, url:, \
kind:) into your library. Paragraphs are split at blank lines, citations of the convention are \
found and linked, and the source appears in every view, marked as yours. Importing the same file \
again updates it."
    )]
    Import {
        /// Text or Markdown files to import.
        #[arg(
            value_name = "FILE",
            required_unless_present_any = ["list", "remove"],
            conflicts_with_all = ["list", "remove"]
        )]
        files: Vec<PathBuf>,
        /// List the sources in your library.
        #[arg(long, conflicts_with = "remove")]
        list: bool,
        /// Remove a source from your library.
        #[arg(long, value_name = "ID")]
        remove: Option<String>,
        /// The title (wins over the file's front matter).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// The author.
        #[arg(long, value_name = "A")]
        author: Option<String>,
        /// The publisher.
        #[arg(long, value_name = "P")]
        publisher: Option<String>,
        /// The date (2024-08-08, 2024-08).
        #[arg(long, value_name = "D")]
        date: Option<String>,
        /// Where it was published.
        #[arg(long, value_name = "U")]
        url: Option<String>,
        /// What it is (statement, submission, memo).
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Replace bytes that are not UTF-8 (with a warning) instead of refusing the file.
        #[arg(long)]
        lossy: bool,
        #[arg(long)]
        json: bool,
    },
    /// Present slides full screen: one per article (or passage), with its
    /// summary and what the critiques say about it.
    #[command(
        long_about = "Present slides full screen, for a room: one slide per article (or passage, \
source, chapter), with the article number and title in big letters, the summary (labelled as \
not the authentic text) and the passages of the critiques linked to it, cited or inferred. \
Space, Right or PageDown: next slide; Left or PageUp: previous; a number then Enter: that \
slide; q or Esc: leave.\n\nWithout --deck: the preamble and every article of the convention. \
In the explorer, p presents the chapter (or source) in view from where you are; in the \
bookmarks list (B), your bookmarks; in the concerns view (c), the selected concern's passages."
    )]
    Present {
        /// What to present: bookmarks (yours), "chapter IV" (or IV), "concern ID" (a concern of
        /// the corpus: its passages), or convention (the default).
        #[arg(long, value_name = "DECK")]
        deck: Option<String>,
    },
    /// Import the authentic text of the convention (plain text copied from the
    /// official document); article views then show it.
    #[command(
        long_about = "Import the authentic text of the convention: plain text copied from the \
official document (A/RES/79/243), with chapter headings (Chapter I + title line), article \
headings (Article N + title line) and numbered paragraphs. Page headers, footers and page \
numbers of a PDF-to-text conversion are ignored. Reports which of the 68 articles were found, \
missing, duplicated or out of order; changes nothing when the file does not look like the \
convention (fewer than half the articles, or titles that differ from the official ones)."
    )]
    ImportText {
        /// The text file.
        #[arg(
            value_name = "FILE",
            required_unless_present = "remove",
            conflicts_with = "remove"
        )]
        file: Option<PathBuf>,
        /// Remove the authentic text from your library.
        #[arg(long)]
        remove: bool,
        /// Replace bytes that are not UTF-8 (with a warning) instead of refusing the file.
        #[arg(long)]
        lossy: bool,
        #[arg(long)]
        json: bool,
    },
}

/// How `treaty refs` filters and orders the citing references.
#[derive(Debug, Clone, Default, Args)]
pub struct RefsArgs {
    /// Keep passages with this treatment (repeat or separate with commas).
    #[arg(long, value_name = "TREATMENT", value_delimiter = ',')]
    pub treatment: Vec<TreatmentArg>,
    /// Keep passages at least this deep: 1 mentions, 2 cites, 3 discusses, 4 examines.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub depth_min: Option<u8>,
    /// Keep passages of this source (its id; repeat for several).
    #[arg(long, value_name = "ID")]
    pub source: Vec<String>,
    /// Keep cited or inferred links only.
    #[arg(long, value_name = "BASIS")]
    pub basis: Option<BasisArg>,
    /// Keep sources dated on or after DATE (2024, 2024-06, 2024-06-01).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep sources dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Order: basis (cited first, the default), corpus, depth (deepest first),
    /// date (newest first), critical (criticises, proposes change, then by depth).
    #[arg(long, value_name = "ORDER", default_value = "basis")]
    pub sort: SortArg,
}

/// A treatment, as `--treatment` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TreatmentArg {
    Criticises,
    ProposesChange,
    Welcomes,
    Mentions,
}

/// A basis, as `--basis` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BasisArg {
    Cited,
    Inferred,
}

/// An order, as `--sort` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SortArg {
    #[default]
    Basis,
    Corpus,
    Depth,
    Date,
    Critical,
}
