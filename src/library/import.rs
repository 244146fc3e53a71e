//! Reading a file the user imports: text or Markdown, with or without a
//! front-matter block, streamed line by line (a 100 MB file or a 10 MB line
//! is never copied more than once), cleaned, and split into paragraphs exactly
//! as the corpus format splits them, counting the citations it makes. PDF,
//! Word, OpenDocument and HTML files are read by `intake` into the same
//! format first; UTF-16 text is decoded, never read as bytes.

use super::LibraryError;
use super::authentic::Place;
use crate::corpus::source_file::META_KEYS;
use crate::corpus::{SourceMeta, Target};
use crate::intake::{Format, Limits, Progress, Unit};
use crate::refs::extract::extract;
use crate::text::{clean, one_line, plural};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Tabs become spaces up to the next multiple of this column.
pub const TAB_WIDTH: usize = 4;
/// At most this many unresolved citations are listed one by one; the rest are
/// counted.
pub const UNRESOLVED_LISTED: usize = 200;
/// A block opened by `---` that runs longer than this is text, not front matter.
const FRONT_MATTER_MAX_LINES: usize = 64;

/// What the user asked for besides the files.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Metadata given on the command line; each field given wins over the
    /// file's own front matter.
    pub meta: SourceMeta,
    /// Replace bytes that are not UTF-8 (with a warning) instead of refusing.
    pub lossy: bool,
}

/// A citation that names no provision of the convention, where the file has it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnresolvedAt {
    /// 1-based line in the imported file.
    pub line: usize,
    /// 1-based column in chars in the imported file.
    pub column: usize,
    pub text: String,
    pub problem: String,
    /// The 1-based page of a PDF it is on; `line` and `column` are then those
    /// of the stored file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// What reading one file found, and the file to store.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub meta: SourceMeta,
    /// The source file to store, in the corpus format: front matter, then the
    /// cleaned paragraphs separated by blank lines.
    pub stored: String,
    pub paragraphs: usize,
    pub headings: usize,
    /// Every citation found, resolved or not.
    pub citations: usize,
    /// Resolved citations per provision (a range counts for each article).
    pub cited: BTreeMap<Target, usize>,
    /// The first [`UNRESOLVED_LISTED`] unresolved citations.
    pub unresolved: Vec<UnresolvedAt>,
    pub unresolved_count: usize,
    pub warnings: Vec<String>,
    /// The format the file was read as (`None` until known).
    pub format: Option<Format>,
    /// Pages read, for a PDF.
    pub pages: u32,
}

/// One file imported into the library.
#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    /// The file as the user named it, for messages.
    pub file: String,
    /// Where it is stored in the library.
    pub stored: PathBuf,
    /// True when it replaced an earlier import of the same file.
    pub updated: bool,
    /// What was found; `stored` is emptied once written.
    pub reading: Reading,
}

/// Reads one file. `name` is how the file is named in messages; the metadata
/// of `options` (including `origin`, set by the caller) wins over the file's.
pub fn read_source<R: BufRead>(
    mut reader: R,
    name: &str,
    options: &ImportOptions,
) -> Result<Reading, LibraryError> {
    let mut splitter = Splitter::new(name, &options.meta);
    let warnings = read_lines(&mut reader, name, options.lossy, |n, line| {
        splitter.line(n, line)
    })?;
    splitter.finish(warnings)
}

/// Reads `file` (opened from `path`) in whatever format its content shows (see
/// [`crate::intake::detect`]); `name` is how it is named in messages.
/// `progress` hears how far a long read has come.
pub fn read_path(
    mut file: std::fs::File,
    path: &Path,
    name: &str,
    options: &ImportOptions,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reading, LibraryError> {
    let cannot = |e: std::io::Error| LibraryError::Input(format!("cannot read {name}: {e}"));
    let size = file.metadata().map_err(cannot)?.len();
    if size > limits.max_bytes {
        return Err(LibraryError::Input(
            crate::intake::too_large(name, limits).0,
        ));
    }
    let mut head = vec![0u8; 4096];
    let n = read_up_to(&mut file, &mut head).map_err(cannot)?;
    head.truncate(n);
    let format = crate::intake::detect(&head, path);
    let (encoding, _) = crate::intake::text::sniff(&head);
    let rest = ProgressReader {
        inner: std::io::Cursor::new(head).chain(file),
        done: 0,
        reported: 0,
        total: size,
        progress,
    };
    let mut reading = if format == Format::Text && encoding == crate::intake::text::Encoding::Utf8 {
        read_source(BufReader::with_capacity(1 << 16, rest), name, options)?
    } else {
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        let mut rest = rest;
        rest.read_to_end(&mut bytes).map_err(cannot)?;
        let progress = rest.progress;
        if format == Format::Text {
            let (text, warnings) = crate::intake::text::decode(&bytes, name, options.lossy)
                .map_err(|e| LibraryError::Input(e.0))?;
            drop(bytes);
            let mut r = read_source(text.as_bytes(), name, options)?;
            r.warnings.extend(warnings);
            r
        } else {
            let document = crate::intake::read_document(&bytes, format, name, limits, progress)
                .map_err(|e| LibraryError::Input(e.0))?;
            drop(bytes);
            let (markdown, pages) = document.to_markdown_with_pages();
            let mut r = read_source(markdown.as_bytes(), name, options)?;
            for u in &mut r.unresolved {
                u.page = u
                    .line
                    .checked_sub(1)
                    .and_then(|i| pages.get(i).copied().flatten());
            }
            r.pages = document.pages;
            r
        }
    };
    reading.format = Some(format);
    Ok(reading)
}

/// The text for the authentic-text parser, where its lines came from, and
/// warnings (see [`read_authentic_text`]).
pub type AuthenticLines = (String, Option<Vec<Place>>, Vec<String>);

/// Reads `file` (opened from `path`) for `import-text`: its lines as the parser of
/// the convention's layout reads them (a PDF's pages without running
/// headers, footers and footnotes, separated by form feeds; a Word or HTML
/// file's headings and paragraphs, one a line), where each line came from
/// (`None` for a text file, whose lines are its own), and warnings.
pub fn read_authentic_text(
    file: std::fs::File,
    path: &Path,
    name: &str,
    lossy: bool,
    limits: &Limits,
) -> Result<AuthenticLines, LibraryError> {
    let input = |e: crate::intake::IntakeError| LibraryError::Input(e.0);
    let bytes = read_capped(file, name, limits)?;
    let format = crate::intake::detect(&bytes, path);
    match format {
        Format::Text => {
            let (encoding, _) = crate::intake::text::sniff(&bytes);
            if encoding == crate::intake::text::Encoding::Utf8 {
                let (text, warnings) = read_text(&bytes[..], name, lossy)?;
                return Ok((text, None, warnings));
            }
            let (text, warnings) =
                crate::intake::text::decode(&bytes, name, lossy).map_err(input)?;
            Ok((
                text.replace("\r\n", "\n").replace('\r', "\n"),
                None,
                warnings,
            ))
        }
        Format::Pdf => {
            let (pages, _) =
                crate::intake::pdf::read_pages(&bytes, name, limits, &mut |_| {}).map_err(input)?;
            let mut text = String::new();
            let mut places = Vec::new();
            for (p, lines) in crate::intake::rebuild::body_lines(&pages)
                .into_iter()
                .enumerate()
            {
                let page = u32::try_from(p + 1).unwrap_or(u32::MAX);
                if p > 0 {
                    text.push_str("\x0c\n");
                    places.push(Place::Page { page, line: 1 });
                }
                for (line, t) in lines {
                    text.push_str(&t);
                    text.push('\n');
                    places.push(Place::Page { page, line });
                }
            }
            Ok((text, Some(places), Vec::new()))
        }
        _ => {
            let document = crate::intake::read_document(&bytes, format, name, limits, &mut |_| {})
                .map_err(input)?;
            let mut text = String::new();
            let mut places = Vec::new();
            let mut n = 0;
            for block in &document.blocks {
                if matches!(block.kind, crate::intake::BlockKind::Note(_)) {
                    continue;
                }
                n += 1;
                text.push_str(&block.text);
                text.push_str("\n\n");
                places.push(Place::Paragraph(n));
                places.push(Place::Paragraph(n));
            }
            Ok((text, Some(places), Vec::new()))
        }
    }
}

/// The whole file, refused above the size limit.
fn read_capped(file: std::fs::File, name: &str, limits: &Limits) -> Result<Vec<u8>, LibraryError> {
    let cannot = |e: std::io::Error| LibraryError::Input(format!("cannot read {name}: {e}"));
    let mut bytes = Vec::new();
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(LibraryError::Input(
            crate::intake::too_large(name, limits).0,
        ));
    }
    Ok(bytes)
}

/// Fills as much of `buf` as the reader gives; returns how much.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reports bytes read, every megabyte.
struct ProgressReader<'p, R> {
    inner: R,
    done: u64,
    reported: u64,
    total: u64,
    progress: &'p mut dyn FnMut(Progress),
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        if self.done >= self.reported + (1 << 20) || (n == 0 && self.done > self.reported) {
            self.reported = self.done;
            (self.progress)(Progress {
                done: self.done,
                total: self.total,
                unit: Unit::Bytes,
            });
        }
        Ok(n)
    }
}

/// Reads a whole file as text with the same decoding rules as an import:
/// BOM dropped, CRLF and lone CR as line ends, bad UTF-8 refused or replaced.
pub fn read_text<R: BufRead>(
    mut reader: R,
    name: &str,
    lossy: bool,
) -> Result<(String, Vec<String>), LibraryError> {
    let mut text = String::new();
    let warnings = read_lines(&mut reader, name, lossy, |n, line| {
        if n > 1 {
            text.push('\n');
        }
        text.push_str(line);
    })?;
    Ok((text, warnings))
}

/// Calls `each(line_number, line)` for every line, without its line end.
/// Returns the warnings of a lossy read.
fn read_lines<R: BufRead>(
    reader: &mut R,
    name: &str,
    lossy: bool,
    mut each: impl FnMut(usize, &str),
) -> Result<Vec<String>, LibraryError> {
    let mut buf = Vec::new();
    let mut offset: u64 = 0;
    let mut line = 0usize;
    let mut bad_sequences = 0usize;
    let mut first_bad: Option<(u64, usize, usize)> = None;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| LibraryError::Input(format!("cannot read {name}: {e}")))?;
        if n == 0 {
            break;
        }
        let start = if offset == 0 && buf.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut end = buf.len();
        if end > start && buf[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && buf[end - 1] == b'\r' {
            end -= 1;
        }
        let bytes = &buf[start..end];
        let decoded = match std::str::from_utf8(bytes) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(e) => {
                let good = e.valid_up_to();
                let at = offset + (start + good) as u64;
                let valid = String::from_utf8_lossy(&bytes[..good]);
                let bad_line = line + 1 + valid.matches('\r').count();
                let column = valid.rsplit('\r').next().unwrap_or("").chars().count() + 1;
                if !lossy {
                    return Err(LibraryError::Input(format!(
                        "{name}:{bad_line}:{column}: not valid UTF-8 at byte offset {at}: \
                         save the file as UTF-8, or import it with --lossy to replace the bad bytes"
                    )));
                }
                bad_sequences += bytes
                    .utf8_chunks()
                    .filter(|c| !c.invalid().is_empty())
                    .count();
                first_bad.get_or_insert((at, bad_line, column));
                String::from_utf8_lossy(bytes)
            }
        };
        for piece in decoded.split('\r') {
            line += 1;
            each(line, piece);
        }
        offset += n as u64;
    }
    let mut warnings = Vec::new();
    if let Some((at, l, c)) = first_bad {
        warnings.push(format!(
            "{name}: not valid UTF-8: {bad_sequences} invalid byte sequence{} replaced with \u{FFFD} \
             (the first at byte offset {at}, line {l}, column {c})",
            plural(bad_sequences)
        ));
    }
    Ok(warnings)
}

/// A line that separates paragraphs (as in the corpus format).
fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// True for a Markdown ATX heading (`# Title`), as the corpus format reads one.
/// The reader trims each line's end first, so a first line `#` followed by
/// spaces (a tab expanded) is no heading there, nor here.
fn is_heading(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or_default().trim_end();
    let trimmed = first.trim_start();
    let level = trimmed.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&level) && trimmed[level..].starts_with(' ')
}

/// Appends `line` with its tabs expanded to [`TAB_WIDTH`] stops.
fn expand_tabs_into(line: &str, out: &mut String) {
    let mut column = 0usize;
    for c in line.chars() {
        if c == '\t' {
            let spaces = TAB_WIDTH - column % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        } else {
            out.push(c);
            column += 1;
        }
    }
}

/// The column (1-based, chars) in `raw` of the char shown at `expanded_column`
/// once tabs are expanded.
fn raw_column(raw: &str, expanded_column: usize) -> usize {
    let mut column = 0usize;
    for (i, c) in raw.chars().enumerate() {
        let next = if c == '\t' {
            column + TAB_WIDTH - column % TAB_WIDTH
        } else {
            column + 1
        };
        if next >= expanded_column {
            return i + 1;
        }
        column = next;
    }
    raw.chars().count() + 1
}

enum State {
    /// Nothing read yet.
    Start,
    /// Inside a block opened by `---` on line 1: maybe front matter.
    Front(Vec<(usize, String)>),
    Body,
}

/// Turns lines into the stored file, one paragraph at a time.
struct Splitter<'a> {
    name: &'a str,
    state: State,
    overrides: &'a SourceMeta,
    out: Reading,
    /// The paragraph being read, cleaned and with tabs expanded, as stored.
    block: String,
    /// The same with its tabs, once a tab was seen (for columns).
    block_raw: Option<String>,
    block_start: usize,
    block_lines: usize,
}

impl<'a> Splitter<'a> {
    fn new(name: &'a str, overrides: &'a SourceMeta) -> Self {
        Splitter {
            name,
            state: State::Start,
            overrides,
            out: Reading::default(),
            block: String::new(),
            block_raw: None,
            block_start: 0,
            block_lines: 0,
        }
    }

    fn line(&mut self, number: usize, text: &str) {
        match &mut self.state {
            State::Start => {
                if text.trim_end() == "---" {
                    self.state = State::Front(Vec::new());
                } else {
                    self.begin_body();
                    self.body_line(number, text);
                }
            }
            State::Front(held) => {
                if text.trim_end() == "---" {
                    let held = std::mem::take(held);
                    if looks_like_front_matter(&held) {
                        self.front_matter(&held);
                        self.begin_body();
                    } else {
                        self.replay(held);
                        self.body_line(number, text);
                    }
                } else {
                    held.push((number, text.to_string()));
                    if held.len() > FRONT_MATTER_MAX_LINES {
                        let held = std::mem::take(held);
                        self.replay(held);
                    }
                }
            }
            State::Body => self.body_line(number, text),
        }
    }

    /// Reads lines held as possible front matter as body text after all.
    fn replay(&mut self, held: Vec<(usize, String)>) {
        self.begin_body();
        self.body_line(1, "---");
        for (n, l) in held {
            self.body_line(n, &l);
        }
    }

    fn front_matter(&mut self, held: &[(usize, String)]) {
        let mut seen: Vec<&str> = Vec::new();
        for (n, line) in held {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim();
            let Some(known) = META_KEYS.iter().find(|k| k.eq_ignore_ascii_case(key)) else {
                self.out.warnings.push(format!(
                    "{}:{n}: front-matter key '{}' is not kept (the keys are {})",
                    self.name,
                    one_line(key),
                    META_KEYS.join(", ")
                ));
                continue;
            };
            if seen.contains(known) {
                self.out.warnings.push(format!(
                    "{}:{n}: front-matter key '{known}' is given twice; the first is kept",
                    self.name
                ));
                continue;
            }
            seen.push(known);
            let value = one_line(value);
            if value.is_empty() {
                continue;
            }
            *field(&mut self.out.meta, known) = Some(value);
        }
    }

    /// Writes the front matter of the stored file; the body follows.
    fn begin_body(&mut self) {
        let mut meta = std::mem::take(&mut self.out.meta);
        for key in META_KEYS {
            if let Some(v) = field_ref(self.overrides, key) {
                let v = one_line(v);
                *field(&mut meta, key) = (!v.is_empty()).then_some(v);
            }
        }
        let stored = &mut self.out.stored;
        stored.push_str("---\n");
        for key in META_KEYS {
            if let Some(v) = field_ref(&meta, key) {
                stored.push_str(key);
                stored.push_str(": ");
                stored.push_str(v);
                stored.push('\n');
            }
        }
        stored.push_str("---\n");
        self.out.meta = meta;
        self.state = State::Body;
    }

    fn body_line(&mut self, number: usize, text: &str) {
        // A line of escape sequences only shows as a blank line.
        let cleaned = clean(text.trim_end());
        if is_blank(&cleaned) {
            self.flush();
            return;
        }
        if self.block_lines == 0 {
            self.block_start = number;
        } else {
            self.block.push('\n');
            if let Some(raw) = &mut self.block_raw {
                raw.push('\n');
            }
        }
        if cleaned.contains('\t') {
            let raw = self.block_raw.get_or_insert_with(|| self.block.clone());
            raw.push_str(&cleaned);
            expand_tabs_into(&cleaned, &mut self.block);
        } else {
            self.block.push_str(&cleaned);
            if let Some(raw) = &mut self.block_raw {
                raw.push_str(&cleaned);
            }
        }
        self.block_lines += 1;
    }

    fn flush(&mut self) {
        if self.block_lines == 0 {
            return;
        }
        if is_heading(&self.block) {
            self.out.headings += 1;
        } else {
            self.out.paragraphs += 1;
            self.count_citations();
        }
        // A blank line before every paragraph, the first one included, keeps
        // the stored file readable.
        self.out.stored.push('\n');
        self.out.stored.push_str(&self.block);
        self.out.stored.push('\n');
        self.block.clear();
        self.block_raw = None;
        self.block_lines = 0;
    }

    fn count_citations(&mut self) {
        for c in extract(&self.block) {
            self.out.citations += 1;
            if c.is_resolved() {
                for t in c.targets {
                    *self.out.cited.entry(t).or_default() += 1;
                }
                continue;
            }
            self.out.unresolved_count += 1;
            if self.out.unresolved.len() >= UNRESOLVED_LISTED {
                continue;
            }
            let column = match &self.block_raw {
                Some(raw) => {
                    let line = raw.split('\n').nth(c.line - 1).unwrap_or("");
                    raw_column(line, c.column)
                }
                None => c.column,
            };
            self.out.unresolved.push(UnresolvedAt {
                line: self.block_start + c.line - 1,
                column,
                text: one_line(&c.text),
                problem: one_line(c.problem.as_deref().unwrap_or("unresolved")),
                page: None,
            });
        }
    }

    fn finish(mut self, warnings: Vec<String>) -> Result<Reading, LibraryError> {
        match std::mem::replace(&mut self.state, State::Body) {
            State::Start => self.begin_body(),
            State::Front(held) => {
                self.out.warnings.push(format!(
                    "{}:1: the --- on line 1 opens no front matter (no closing ---): read as text",
                    self.name
                ));
                self.replay(held);
            }
            State::Body => {}
        }
        self.flush();
        self.out.warnings.extend(warnings);
        if self.out.paragraphs == 0 {
            let why = if self.out.headings > 0 {
                "has only headings, no paragraphs"
            } else {
                "has no text"
            };
            return Err(LibraryError::Input(format!(
                "{} {why}: nothing to import",
                self.name
            )));
        }
        Ok(self.out)
    }
}

/// A block between `---` lines is front matter when each non-blank line is
/// `key: value` with a one-word key; otherwise it is text (a Markdown rule).
fn looks_like_front_matter(held: &[(usize, String)]) -> bool {
    held.iter().all(|(_, line)| {
        is_blank(line)
            || line.split_once(':').is_some_and(|(key, _)| {
                let key = key.trim();
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
    })
}

fn field<'m>(meta: &'m mut SourceMeta, key: &str) -> &'m mut Option<String> {
    match key {
        "title" => &mut meta.title,
        "author" => &mut meta.author,
        "publisher" => &mut meta.publisher,
        "date" => &mut meta.date,
        "url" => &mut meta.url,
        "kind" => &mut meta.kind,
        "short" => &mut meta.short,
        _ => &mut meta.origin,
    }
}

fn field_ref<'m>(meta: &'m SourceMeta, key: &str) -> Option<&'m String> {
    match key {
        "title" => meta.title.as_ref(),
        "author" => meta.author.as_ref(),
        "publisher" => meta.publisher.as_ref(),
        "date" => meta.date.as_ref(),
        "url" => meta.url.as_ref(),
        "kind" => meta.kind.as_ref(),
        "short" => meta.short.as_ref(),
        _ => meta.origin.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::source_file::parse_source;

    fn read(text: &str) -> Result<Reading, LibraryError> {
        read_source(text.as_bytes(), "memo.txt", &ImportOptions::default())
    }

    fn reread(r: &Reading) -> crate::corpus::Source {
        parse_source("memo", "memo.md", &r.stored).expect("the stored file parses")
    }

    /// Found by the `import` fuzz target: `#` and a tab, then more lines,
    /// was counted a heading but stored as a paragraph.
    #[test]
    fn a_hash_and_a_tab_is_a_paragraph_as_the_stored_file_reads_it() {
        let bytes = b"#\t\xef\xbb\xbf\n\x0b##\t\xd3\x08#\n\n\x18\x18";
        let options = ImportOptions {
            lossy: true,
            ..ImportOptions::default()
        };
        let r = read_source(&bytes[..], "fuzz.txt", &options).expect("reads");
        let s = reread(&r);
        assert_eq!(
            (s.headings.len(), s.passages.len()),
            (r.headings, r.paragraphs),
            "{:?}",
            r.stored
        );
    }

    #[test]
    fn plain_text_paragraphs_and_citations() {
        let r = read(
            "First para, Article 23.\nStill first.\n\n\nSecond: Article 69\tand Art. 24(2).\n",
        )
        .expect("reads");
        assert_eq!(r.paragraphs, 2);
        assert_eq!(r.cited.get(&Target::Article(23)), Some(&1));
        assert_eq!(r.cited.get(&Target::Article(24)), Some(&1));
        assert_eq!(r.unresolved.len(), 1);
        assert_eq!((r.unresolved[0].line, r.unresolved[0].column), (5, 9));
        let s = reread(&r);
        assert_eq!(s.passages.len(), 2);
        assert_eq!(s.passages[0].text, "First para, Article 23.\nStill first.");
        assert!(!s.passages[1].text.contains('\t'));
    }

    #[test]
    fn front_matter_is_read_and_overridden() {
        let options = ImportOptions {
            meta: SourceMeta {
                author: Some("Given \u{1b}[31mAuthor".into()),
                origin: Some("/tmp/memo.md".into()),
                ..SourceMeta::default()
            },
            lossy: false,
        };
        let text = "---\ntitle: A memo: on things\nauthor: A\ntags: x\n---\n# Heading\n\nBody.\n";
        let r = read_source(text.as_bytes(), "memo.md", &options).expect("reads");
        assert_eq!(r.meta.title.as_deref(), Some("A memo: on things"));
        assert_eq!(r.meta.author.as_deref(), Some("Given Author"));
        assert_eq!(r.headings, 1);
        assert!(
            r.warnings[0].contains("'tags' is not kept"),
            "{:?}",
            r.warnings
        );
        let s = reread(&r);
        assert_eq!(s.meta.origin.as_deref(), Some("/tmp/memo.md"));
        assert_eq!(s.passages.len(), 1);
    }

    #[test]
    fn a_markdown_rule_is_not_front_matter() {
        let r = read("---\nSome text here.\n---\nMore.\n").expect("reads");
        assert_eq!(r.meta, SourceMeta::default());
        assert_eq!(
            reread(&r).passages[0].text,
            "---\nSome text here.\n---\nMore."
        );
        let r = read("---\ntitle: never closed\n\nText.").expect("reads");
        assert!(r.warnings[0].contains("opens no front matter"));
        assert_eq!(r.paragraphs, 2);
    }

    #[test]
    fn crlf_bom_and_lone_cr() {
        let r = read("\u{feff}One\r\nline\r\n\r\nTwo\rArticle 70").expect("reads");
        assert_eq!(r.paragraphs, 2);
        assert_eq!((r.unresolved[0].line, r.unresolved[0].column), (5, 1));
        assert_eq!(reread(&r).passages[0].text, "One\nline");
    }

    #[test]
    fn bad_utf8_is_refused_or_replaced() {
        let bytes = b"ok\nab\xffcd\n";
        let err = read_source(&bytes[..], "x.txt", &ImportOptions::default())
            .expect_err("refused")
            .to_string();
        assert!(
            err.contains("x.txt:2:3: not valid UTF-8 at byte offset 5"),
            "{err}"
        );
        let lossy = ImportOptions {
            lossy: true,
            ..ImportOptions::default()
        };
        let r = read_source(&bytes[..], "x.txt", &lossy).expect("lossy");
        assert!(
            r.warnings[0].contains("1 invalid byte sequence replaced"),
            "{:?}",
            r.warnings
        );
        assert!(r.stored.contains("ab\u{FFFD}cd"));
    }

    #[test]
    fn empty_and_heading_only_files_are_refused() {
        assert!(read("").is_err());
        assert!(read("\n \n\u{a0}\n").is_err());
        assert!(read("---\ntitle: t\n---\n").is_err());
        let err = read("# Only a heading\n").expect_err("refused").to_string();
        assert!(err.contains("only headings"), "{err}");
    }

    #[test]
    fn hostile_bytes_are_cleaned() {
        let r = read("a\u{1b}]0;pwned\u{7} b\u{9b}31m c\u{202e}d\0e\n").expect("reads");
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\0'] {
            assert!(!r.stored.contains(bad), "{bad:?}");
        }
    }

    #[test]
    fn tab_columns_map_back() {
        assert_eq!(raw_column("\tx", 5), 2);
        assert_eq!(raw_column("ab\tx", 5), 4);
        assert_eq!(raw_column("abc", 2), 2);
        let mut s = String::new();
        expand_tabs_into("a\tb\t\tc", &mut s);
        assert_eq!(s, "a   b       c");
    }
}
