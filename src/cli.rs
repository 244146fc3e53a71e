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

impl Cli {
    /// Parses the command line; on an error (or `--help`, `--version`) prints
    /// clap's text through [`crate::text::clean`], since it quotes what was
    /// typed, and exits with clap's status (2 for a usage error).
    pub fn parse_clean() -> Self {
        match Self::try_parse() {
            Ok(cli) => cli,
            Err(e) => {
                let text = e.render().to_string();
                let text = crate::text::clean(&text);
                // A closed stdout or stderr is no reason to panic here.
                let _ = if e.use_stderr() {
                    std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes())
                } else {
                    std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes())
                };
                std::process::exit(e.exit_code());
            }
        }
    }
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
        /// What to look for: words (a question is fine), 'word for a whole word, "a phrase" for words in a row.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How many results to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Suggested links: `suggest SOURCE` lists the provisions its unlinked
    /// passages seem to discuss (score and reason); `accept SOURCE#N TARGET`
    /// makes one your own inferred link, `reject SOURCE#N TARGET` hides it.
    Links {
        /// What to do.
        #[arg(value_name = "ACTION", value_parser = ["suggest", "accept", "reject"])]
        action: String,
        /// SOURCE, or SOURCE#N TARGET (e.g. zamora#3 42).
        #[arg(value_name = "ARGS", num_args = 1..=2)]
        args: Vec<String>,
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
    /// Write a brief: title, date and purpose, your key points, then per
    /// provision its summary, what the critiques say and a few quotations,
    /// and the sources.
    #[command(group(
        clap::ArgGroup::new("selection")
            .required(true)
            .args(["bookmarks", "article", "concern", "chapter"])
    ))]
    Export {
        /// Your bookmarks, in your order: provisions, passages and sources.
        #[arg(long)]
        bookmarks: bool,
        /// These articles (--article 23 24).
        #[arg(long, value_name = "N", num_args = 1..)]
        article: Vec<String>,
        /// A concern by id or title (scope, "dual criminality"): the provisions its passages discuss.
        #[arg(long, value_name = "ID")]
        concern: Option<String>,
        /// A chapter and every article in it (IV or 4).
        #[arg(long, value_name = "CHAPTER")]
        chapter: Option<String>,
        /// md (Markdown), txt (plain text), html (one printable file) or docx
        /// (Word); by default the extension of -o, else md.
        #[arg(long, value_name = "FORMAT", value_parser = ["md", "txt", "markdown", "text", "html", "docx"])]
        format: Option<String>,
        /// Write to FILE (atomically) instead of stdout; a DOCX brief needs one.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// At most N quotations per provision (your bookmarked passages first).
        #[arg(long, value_name = "N", default_value_t = 3)]
        max_quotes: usize,
        /// Add passages of your own documents, in a section of their own
        /// (they are never counted as critiques).
        #[arg(long, alias = "with-own")]
        include_mine: bool,
        /// The title (by default made from what the brief is on).
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// What the brief is for, in a line under the title.
        #[arg(long, value_name = "TEXT")]
        purpose: Option<String>,
        /// Keep TEXT as this brief's key points (a note of yours; - reads
        /// stdin, "" deletes them), then write the brief.
        #[arg(long, value_name = "TEXT")]
        key_points: Option<String>,
    },
    /// Import your own texts (statements, submissions, memos) into your library:
    /// they join the sources everywhere, with their citations linked.
    #[command(
        long_about = "Import your own texts (statements, submissions, memos) into your library: \
PDF, Word (DOCX), OpenDocument text (ODT), web pages (HTML), or plain text or Markdown (UTF-8 or \
UTF-16) with or without a front-matter block of title:, author:, publisher:, date:, url:, short:, kind:. \
The format is known by content. A document is rebuilt into the headings and paragraphs a person \
reads (page headers, footers, navigation left out, footnotes apart); its title, author and date \
are taken from it unless given. Citations of the convention are found and linked, and the \
source appears in every view, marked as yours. Importing the same file again updates it."
    )]
    Import {
        /// Files to import: PDF, DOCX, ODT, HTML, text or Markdown.
        #[arg(
            value_name = "FILE",
            required_unless_present_any = ["list", "remove", "rename"],
            conflicts_with_all = ["list", "remove", "rename"]
        )]
        files: Vec<PathBuf>,
        /// List the sources in your library.
        #[arg(long, conflicts_with = "remove")]
        list: bool,
        /// Remove a source from your library.
        #[arg(long, value_name = "ID")]
        remove: Option<String>,
        /// Give a source of your library a new short name (how lists, briefs
        /// and slides name it): --rename ID NAME.
        #[arg(long, num_args = 2, value_names = ["ID", "NAME"], conflicts_with_all = ["list", "remove"])]
        rename: Option<Vec<String>>,
        /// The short name lists, briefs and slides show (unique in your
        /// library; by default made from the title, publisher or file name).
        #[arg(long, value_name = "NAME")]
        short: Option<String>,
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
slide; Home or End: the first or last; b: blank the screen; q or Esc: leave. An article \
whose passages do not fit one slide continues on the next (Art. 24 (2/4)); a title slide opens \
the deck.\n\nWithout --deck: the preamble and every article of the convention. \
In the explorer, p presents the chapter (or source) in view from where you are; in the \
bookmarks list (B), your bookmarks; in the concerns view (c), the selected concern's passages."
    )]
    Present {
        /// What to present: bookmarks (yours), "chapter IV" (or IV), "concern ID" (a concern of
        /// the corpus: its passages), or convention (the default).
        #[arg(long, value_name = "DECK")]
        deck: Option<String>,
        /// Show passages of your own documents too, in a section of their
        /// own ("Your documents"), never among the critiques (o while
        /// presenting does the same).
        #[arg(long)]
        with_own: bool,
        /// Write the deck as one self-contained HTML file (a section per
        /// slide, printable) instead of presenting it: to FILE, or a new
        /// file in the current directory, never over an existing one.
        #[arg(long, value_name = "FORMAT", value_parser = ["html"])]
        export: Option<String>,
        /// With --export: the file to write.
        #[arg(value_name = "FILE", requires = "export")]
        file: Option<PathBuf>,
        /// The speaker view, for a second terminal: follows the presentation of the same
        /// deck (started with the same arguments, without --speaker) and shows the slide's
        /// notes, the next slide, the time; its keys move both.
        #[arg(long)]
        speaker: bool,
    },
    /// Import the authentic text of the convention (the official PDF, DOCX or
    /// HTML, or text copied from it); article views then show it.
    #[command(
        long_about = "Import the authentic text of the convention: the official PDF, DOCX or \
HTML of A/RES/79/243, or plain text copied from it, with chapter headings (Chapter I + title \
line), article headings (Article N + title, which may wrap onto two lines) and numbered \
paragraphs. Reading starts at the annex; page headers, footers, page numbers and footnotes \
are ignored. Reports which of the 68 articles were found, \
missing, duplicated or out of order; changes nothing when the file does not look like the \
convention (fewer than half the articles, or titles that differ from the official ones)."
    )]
    ImportText {
        /// The official document (PDF, DOCX, HTML) or a text file.
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
    /// Keep cited, inferred (the analysts' and your own) or suggested links only.
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
    /// Suggested links not yet accepted or rejected.
    Suggested,
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
