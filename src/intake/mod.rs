//! Reading the user's files into text a person reads: the format is chosen by
//! content (PDF, Word DOCX, OpenDocument text, HTML, plain text or Markdown),
//! the document is rebuilt into headings, paragraphs and notes, and page
//! furniture, navigation and other clutter are left out.
//!
//! Nothing here stores anything: `library::import` renders a [`Document`] into
//! the corpus format and `library::authentic` reads the convention's lines.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod rebuild;
pub mod text;

use crate::corpus::SourceMeta;
use std::path::Path;
use std::time::{Duration, Instant};

/// The kinds of file that can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Pdf,
    Docx,
    Odt,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "PDF",
            Format::Docx => "Word (DOCX)",
            Format::Odt => "OpenDocument text",
            Format::Html => "HTML",
        }
    }
}

/// Why a file could not be read. The message names the file and says what to
/// do; it is shown as it is (after cleaning).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct IntakeError(pub String);

/// How far a long read has come, for a progress bar or a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    /// 0 when the total is not known.
    pub total: u64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Pages,
    Bytes,
}

/// Limits that keep a hostile file from taking all memory or all afternoon.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, and largest part unpacked from an archive.
    pub max_bytes: u64,
    /// Reading stops with an error after this long.
    pub max_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 512 << 20,
            max_time: Duration::from_secs(600),
        }
    }
}

/// A clock that says when reading has taken too long.
pub(crate) struct Deadline {
    until: Instant,
    limit: Duration,
}

impl Deadline {
    pub(crate) fn new(limits: &Limits) -> Self {
        Deadline {
            until: Instant::now() + limits.max_time,
            limit: limits.max_time,
        }
    }

    pub(crate) fn check(&self, name: &str) -> Result<(), IntakeError> {
        if Instant::now() > self.until {
            return Err(IntakeError(format!(
                "{name}: reading took longer than {} s and was stopped; nothing was imported",
                self.limit.as_secs()
            )));
        }
        Ok(())
    }
}

/// What a block of a document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 (largest) to 6.
    Heading(u8),
    Paragraph,
    /// A footnote or endnote, with its marker as printed (`3`, `*`).
    Note(String),
}

/// One heading, paragraph or note of a document, its text on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The 1-based page it starts on, for PDFs.
    pub page: Option<u32>,
}

/// A document as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: Format,
    /// What the document says about itself; unknown fields stay `None`.
    pub meta: SourceMeta,
    pub blocks: Vec<Block>,
    /// Pages read, for PDFs.
    pub pages: u32,
}

impl Document {
    /// The document in the corpus format: a front-matter block with what the
    /// document says about itself, then headings as `#` lines and paragraphs
    /// and notes separated by blank lines.
    pub fn to_markdown(&self) -> String {
        self.to_markdown_with_pages().0
    }

    /// [`Document::to_markdown`], and the page (for PDFs) each of its lines
    /// comes from, so a citation in the stored file can be placed on a page.
    pub fn to_markdown_with_pages(&self) -> (String, Vec<Option<u32>>) {
        let mut pages = Vec::new();
        let mut out = String::from("---\n");
        for (key, value) in [
            ("title", &self.meta.title),
            ("author", &self.meta.author),
            ("publisher", &self.meta.publisher),
            ("date", &self.meta.date),
            ("url", &self.meta.url),
        ] {
            if let Some(v) = value {
                let v = crate::text::one_line(v);
                if !v.is_empty() {
                    out.push_str(&format!("{key}: {v}\n"));
                }
            }
        }
        out.push_str("---\n");
        for block in &self.blocks {
            let text = crate::text::one_line(&block.text);
            if text.is_empty() {
                continue;
            }
            out.push('\n');
            match &block.kind {
                BlockKind::Heading(level) => {
                    out.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                    out.push(' ');
                }
                BlockKind::Note(marker) => {
                    out.push_str(&format!("Note {}: ", crate::text::one_line(marker)));
                }
                BlockKind::Paragraph => {
                    // A paragraph that reads like a heading line or a rule
                    // stays a paragraph when the stored file is read back.
                    if text.starts_with('#') || text.starts_with("---") {
                        out.push('\\');
                    }
                }
            }
            out.push_str(&text);
            out.push('\n');
            let lines = out.bytes().filter(|b| *b == b'\n').count();
            pages.resize(lines - 1, None);
            pages.push(block.page);
        }
        (out, pages)
    }

    /// Paragraphs (not headings, not notes).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_str())
    }
}

/// Which format `head` (the first bytes of a file) is in. The extension only
/// decides between HTML and text when the content could be either.
pub fn detect(head: &[u8], path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let probe = &head[..head.len().min(1024)];
    if probe.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        // Which kind of ZIP is decided when it is opened.
        return if ext == "odt" {
            Format::Odt
        } else {
            Format::Docx
        };
    }
    if text::looks_like_html(head) || (matches!(ext.as_str(), "html" | "htm" | "xhtml")) {
        return Format::Html;
    }
    Format::Text
}

/// Reads a PDF, DOCX, ODT or HTML file into a document. Plain text is read
/// by the caller, line by line (see `library::import`).
pub fn read_document(
    bytes: &[u8],
    format: Format,
    name: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Document, IntakeError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(name, limits));
    }
    match format {
        Format::Pdf => pdf::read(bytes, name, limits, progress),
        Format::Docx | Format::Odt => docx::read(bytes, name, limits, progress),
        Format::Html => {
            let (text, _) = text::decode(bytes, name, true)?;
            html::read(&text, name)
        }
        Format::Text => Err(IntakeError(format!(
            "{name} is plain text: it is read line by line, not as a document"
        ))),
    }
}

pub(crate) fn too_large(name: &str, limits: &Limits) -> IntakeError {
    IntakeError(format!(
        "{name} is larger than {} MB, the most that is read: nothing was imported",
        limits.max_bytes >> 20
    ))
}

/// The text of a line as a reader expects it: ligatures spelled out,
/// no-break and other fixed-width spaces as plain spaces, soft hyphens and
/// zero-width characters gone.
pub fn normalize(s: &str) -> std::borrow::Cow<'_, str> {
    let special = |c: char| {
        matches!(
            c,
            '\u{FB00}'..='\u{FB06}'
                | '\u{00A0}'
                | '\u{2000}'..='\u{200B}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{00AD}'
                | '\u{FEFF}'
                | '\u{2060}'
        )
    };
    if !s.chars().any(special) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            // Soft hyphen, zero-width space, word joiner, BOM. Zero-width
            // joiners stay: some scripts and emoji need them.
            _ if special(c) => {}
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let p = Path::new("x.txt");
        assert_eq!(detect(b"%PDF-1.7\n", p), Format::Pdf);
        assert_eq!(detect(b"PK\x03\x04rest", p), Format::Docx);
        assert_eq!(detect(b"PK\x03\x04rest", Path::new("a.ODT")), Format::Odt);
        assert_eq!(
            detect(b"\xEF\xBB\xBF  <!DOCTYPE html><html>", p),
            Format::Html
        );
        assert_eq!(detect(b"Article 23 says", Path::new("a.pdf")), Format::Text);
        assert_eq!(detect(b"<p>hi</p>", Path::new("a.htm")), Format::Html);
    }

    #[test]
    fn normalizes_ligatures_and_spaces() {
        assert_eq!(
            normalize("e\u{FB03}cient\u{a0}and\u{202F}of\u{AD}ten"),
            "efficient and often"
        );
        assert!(matches!(normalize("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_keeps_headings_and_notes_apart() {
        let d = Document {
            format: Format::Html,
            meta: SourceMeta {
                title: Some("A: B\nC".into()),
                ..SourceMeta::default()
            },
            blocks: vec![
                Block {
                    kind: BlockKind::Heading(2),
                    text: "Scope".into(),
                    page: None,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    text: "# not a heading".into(),
                    page: None,
                },
                Block {
                    kind: BlockKind::Note("1".into()),
                    text: "A note.".into(),
                    page: None,
                },
            ],
            pages: 0,
        };
        assert_eq!(
            d.to_markdown(),
            "---\ntitle: A: B C\n---\n\n## Scope\n\n\\# not a heading\n\nNote 1: A note.\n"
        );
    }
}
