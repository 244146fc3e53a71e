//! Reading word-processor files: Word (DOCX) and OpenDocument text (ODT),
//! both ZIP archives of XML. Body paragraphs and headings are read, page
//! headers and footers (separate parts) are not, footnotes are kept apart
//! after the paragraph that refers to them, deleted revisions, field codes
//! and tables of contents are left out; title, author and date come from the
//! document's properties.

use super::{Block, BlockKind, Deadline, Document, Format, IntakeError, Limits, Progress, Unit};
use crate::corpus::SourceMeta;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Reads a DOCX or ODT file; which one is decided by what the archive holds.
pub fn read(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<Document, IntakeError> {
    let deadline = Deadline::new(limits);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        IntakeError(format!(
            "{name}: this file is a damaged ZIP archive (a Word or OpenDocument file is one): {}; \
             nothing was imported",
            crate::text::one_line(&e.to_string())
        ))
    })?;
    let mut part = |path: &str| -> Result<Option<String>, IntakeError> {
        read_part(&mut zip, path, name, limits)
    };
    if let Some(document) = part("word/document.xml")? {
        let styles = part("word/styles.xml")?.unwrap_or_default();
        let footnotes = part("word/footnotes.xml")?.unwrap_or_default();
        let endnotes = part("word/endnotes.xml")?.unwrap_or_default();
        let core = part("docProps/core.xml")?.unwrap_or_default();
        let mut notes = docx_notes(&footnotes, "footnote", name, &deadline)?;
        let endnotes = docx_notes(&endnotes, "endnote", name, &deadline)?;
        let levels = docx_heading_styles(&styles, name, &deadline)?;
        let mut reader = DocxBody::new(&levels);
        reader.read(&document, name, &deadline, progress)?;
        let blocks = reader.into_blocks(&mut notes, &endnotes);
        return finish(
            Format::Docx,
            blocks,
            properties(&core, name, &deadline)?,
            name,
        );
    }
    if let Some(content) = part("content.xml")? {
        let meta = part("meta.xml")?.unwrap_or_default();
        let blocks = odt_body(&content, name, &deadline, progress)?;
        return finish(
            Format::Odt,
            blocks,
            properties(&meta, name, &deadline)?,
            name,
        );
    }
    Err(IntakeError(format!(
        "{name}: this ZIP archive is neither a Word document (DOCX) nor an OpenDocument text \
         (ODT): nothing was imported"
    )))
}

fn finish(
    format: Format,
    blocks: Vec<Block>,
    meta: SourceMeta,
    name: &str,
) -> Result<Document, IntakeError> {
    if !blocks.iter().any(|b| b.kind == BlockKind::Paragraph) {
        return Err(IntakeError(format!(
            "{name}: this {} file has no text in its body: nothing to import",
            format.name()
        )));
    }
    Ok(Document {
        format,
        meta,
        blocks,
        pages: 0,
    })
}

/// One part of the archive as text, `None` when it is absent. Its unpacked
/// size is capped, so a ZIP bomb stops with an error.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    name: &str,
    limits: &Limits,
) -> Result<Option<String>, IntakeError> {
    let mut file = match zip.by_name(path) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(IntakeError(format!(
                "{name}: the part {path} of this archive cannot be read ({}): nothing was imported",
                crate::text::one_line(&e.to_string())
            )));
        }
    };
    let mut bytes = Vec::new();
    let read = (&mut file)
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return Err(IntakeError(format!(
            "{name}: the part {path} of this archive is damaged ({}): nothing was imported",
            crate::text::one_line(&e.to_string())
        )));
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(super::too_large(
            &format!("{name} ({path} unpacked)"),
            limits,
        ));
    }
    let (text, _) = super::text::decode(&bytes, name, true)?;
    Ok(Some(text))
}

/// A simplified XML event: local names only.
enum Xml<'a> {
    Start(&'a BytesStart<'a>),
    Empty(&'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

/// Calls `each` for every event of `xml`; a malformed document is an error
/// naming the file.
fn walk(
    xml: &str,
    name: &str,
    deadline: &Deadline,
    mut each: impl FnMut(Xml<'_>, usize),
) -> Result<(), IntakeError> {
    let mut reader = Reader::from_str(xml);
    let mut events = 0usize;
    loop {
        let position = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            IntakeError(format!(
                "{name}: the document's XML is damaged near byte {position} ({}): nothing was \
                 imported",
                crate::text::one_line(&e.to_string())
            ))
        })?;
        events += 1;
        if events.is_multiple_of(65_536) {
            deadline.check(name)?;
        }
        match &event {
            Event::Start(e) => each(Xml::Start(e), position),
            Event::Empty(e) => each(Xml::Empty(e), position),
            Event::End(e) => each(Xml::End(e.local_name().into_inner()), position),
            Event::Text(t) => each(Xml::Text(&t.xml10_content()), position),
            Event::CData(t) => {
                each(Xml::Text(&t.xml10_content()), position);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    each(Xml::Text(c.encode_utf8(&mut [0; 4])), position);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().into_inner().to_string()
}

/// The value of the attribute with local name `key`.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == key)
        .map(|a| a.value.to_string())
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    level: Option<u8>,
    /// Note references in it, in order.
    notes: Vec<NoteRef>,
    skip: bool,
}

enum NoteRef {
    Foot(String),
    End(String),
}

/// Heading level of each DOCX paragraph style id.
fn docx_heading_styles(
    styles: &str,
    name: &str,
    deadline: &Deadline,
) -> Result<HashMap<String, u8>, IntakeError> {
    let mut levels = HashMap::new();
    let mut current: Option<String> = None;
    walk(styles, name, deadline, |event, _| match event {
        Xml::Start(e) | Xml::Empty(e) => match local(e).as_str() {
            "style" => current = attr(e, "styleId"),
            "name" => {
                if let (Some(id), Some(v)) = (&current, attr(e, "val")) {
                    let v = v.to_lowercase();
                    if let Some(n) = v
                        .strip_prefix("heading ")
                        .and_then(|n| n.parse::<u8>().ok())
                    {
                        levels.insert(id.clone(), n.clamp(1, 6));
                    } else if v == "title" {
                        levels.insert(id.clone(), 1);
                    }
                }
            }
            "outlineLvl" => {
                if let (Some(id), Some(v)) = (&current, attr(e, "val"))
                    && let Ok(n) = v.parse::<u8>()
                    && n < 9
                {
                    levels.entry(id.clone()).or_insert((n + 1).min(6));
                }
            }
            _ => {}
        },
        Xml::End("style") => current = None,
        _ => {}
    })?;
    Ok(levels)
}

/// The text of each footnote (or endnote) by id; separators left out.
fn docx_notes(
    xml: &str,
    element: &str,
    name: &str,
    deadline: &Deadline,
) -> Result<HashMap<String, String>, IntakeError> {
    let mut notes = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    walk(xml, name, deadline, |event, _| match event {
        Xml::Start(e) if local(e) == element => {
            let kind = attr(e, "type").unwrap_or_default();
            current = (kind.is_empty() || kind == "normal")
                .then(|| (attr(e, "id").unwrap_or_default(), String::new()));
        }
        Xml::End(n) if n == element => {
            if let Some((id, text)) = current.take() {
                notes.insert(id, crate::text::one_line(&super::normalize(&text)));
            }
        }
        Xml::Start(e) if local(e) == "t" => in_text = true,
        Xml::End("t") => in_text = false,
        Xml::Empty(e) if matches!(local(e).as_str(), "tab" | "br") => {
            if let Some((_, t)) = &mut current {
                t.push(' ');
            }
        }
        Xml::End("p") => {
            if let Some((_, t)) = &mut current {
                t.push(' ');
            }
        }
        Xml::Text(s) if in_text => {
            if let Some((_, t)) = &mut current {
                t.push_str(s);
            }
        }
        _ => {}
    })?;
    Ok(notes)
}

/// Reads `word/document.xml`.
struct DocxBody<'a> {
    levels: &'a HashMap<String, u8>,
    paragraphs: Vec<Para>,
    current: Option<Para>,
    /// Depth inside an element whose text is not body text.
    skipping: usize,
    in_text: bool,
    /// Inside a field's code (between `begin` and `separate`).
    in_field_code: bool,
}

impl<'a> DocxBody<'a> {
    fn new(levels: &'a HashMap<String, u8>) -> Self {
        DocxBody {
            levels,
            paragraphs: Vec::new(),
            current: None,
            skipping: 0,
            in_text: false,
            in_field_code: false,
        }
    }

    fn read(
        &mut self,
        xml: &str,
        name: &str,
        deadline: &Deadline,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), IntakeError> {
        let total = xml.len() as u64;
        let mut reported = 0usize;
        walk(xml, name, deadline, |event, at| {
            if at >= reported + (1 << 20) {
                reported = at;
                progress(Progress {
                    done: at as u64,
                    total,
                    unit: Unit::Bytes,
                });
            }
            self.event(event);
        })?;
        progress(Progress {
            done: total,
            total,
            unit: Unit::Bytes,
        });
        Ok(())
    }

    fn event(&mut self, event: Xml<'_>) {
        // Deleted revisions, field codes, the fallback copy of alternate
        // content, text boxes and comments are not body text.
        const SKIPPED: &[&str] = &[
            "del",
            "delText",
            "instrText",
            "Fallback",
            "txbxContent",
            "commentReference",
        ];
        match event {
            Xml::Start(e) => {
                let tag = local(e);
                if self.skipping > 0 || SKIPPED.contains(&tag.as_str()) {
                    self.skipping += 1;
                    return;
                }
                match tag.as_str() {
                    "p" => self.current = Some(Para::default()),
                    "t" => self.in_text = true,
                    _ => {}
                }
            }
            Xml::End(tag) => {
                if self.skipping > 0 {
                    self.skipping -= 1;
                    return;
                }
                match tag {
                    "p" => {
                        if let Some(p) = self.current.take() {
                            self.paragraphs.push(p);
                        }
                    }
                    "t" => self.in_text = false,
                    _ => {}
                }
            }
            Xml::Empty(e) => {
                if self.skipping > 0 {
                    return;
                }
                let tag = local(e);
                let Some(p) = &mut self.current else {
                    return;
                };
                match tag.as_str() {
                    "pStyle" => {
                        let id = attr(e, "val").unwrap_or_default();
                        if id.to_ascii_lowercase().starts_with("toc") {
                            p.skip = true;
                        }
                        p.level = self.levels.get(&id).copied().or_else(|| match id.as_str() {
                            "Title" => Some(1),
                            "Subtitle" => Some(2),
                            _ => id
                                .strip_prefix("Heading")
                                .and_then(|n| n.parse::<u8>().ok())
                                .map(|n| n.clamp(1, 6)),
                        });
                    }
                    "outlineLvl" => {
                        if let Some(n) = attr(e, "val").and_then(|v| v.parse::<u8>().ok())
                            && n < 9
                        {
                            p.level = Some((n + 1).min(6));
                        }
                    }
                    "tab" | "br" | "cr" => p.text.push(' '),
                    "noBreakHyphen" => p.text.push('-'),
                    "fldChar" => match attr(e, "fldCharType").as_deref() {
                        Some("begin") => self.in_field_code = true,
                        Some("separate" | "end") => self.in_field_code = false,
                        _ => {}
                    },
                    "footnoteReference" => {
                        if let Some(id) = attr(e, "id") {
                            p.notes.push(NoteRef::Foot(id));
                        }
                    }
                    "endnoteReference" => {
                        if let Some(id) = attr(e, "id") {
                            p.notes.push(NoteRef::End(id));
                        }
                    }
                    _ => {}
                }
            }
            Xml::Text(s) => {
                if self.skipping == 0
                    && self.in_text
                    && !self.in_field_code
                    && let Some(p) = &mut self.current
                {
                    p.text.push_str(s);
                }
            }
        }
    }

    /// The blocks, each paragraph followed by the notes it refers to,
    /// numbered in order of reference.
    fn into_blocks(
        self,
        footnotes: &mut HashMap<String, String>,
        endnotes: &HashMap<String, String>,
    ) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut number = 0usize;
        let mut end_blocks = Vec::new();
        for p in self.paragraphs {
            if p.skip {
                continue;
            }
            let text = crate::text::one_line(&super::normalize(&p.text));
            let mut markers = Vec::new();
            let mut after = Vec::new();
            for n in &p.notes {
                number += 1;
                markers.push(number);
                let (text, list) = match n {
                    NoteRef::Foot(id) => (footnotes.remove(id), &mut after),
                    NoteRef::End(id) => (endnotes.get(id).cloned(), &mut end_blocks),
                };
                if let Some(t) = text.filter(|t| !t.is_empty()) {
                    list.push(Block {
                        kind: BlockKind::Note(number.to_string()),
                        text: t,
                        page: None,
                    });
                }
            }
            if !text.is_empty() {
                let kind = match p.level {
                    Some(l) => BlockKind::Heading(l),
                    None => BlockKind::Paragraph,
                };
                let text = if kind == BlockKind::Paragraph && !markers.is_empty() {
                    let refs: Vec<String> = markers.iter().map(|m| format!("[{m}]")).collect();
                    format!("{text} {}", refs.join(""))
                } else {
                    text
                };
                blocks.push(Block {
                    kind,
                    text,
                    page: None,
                });
            }
            blocks.append(&mut after);
        }
        blocks.append(&mut end_blocks);
        blocks
    }
}

/// Reads an ODT's `content.xml`.
fn odt_body(
    xml: &str,
    name: &str,
    deadline: &Deadline,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<Block>, IntakeError> {
    // Comments, tracked changes, tables of contents and the note citation
    // (kept as the note's marker) are not body text.
    const SKIPPED: &[&str] = &[
        "annotation",
        "tracked-changes",
        "table-of-content",
        "index-title",
        "sequence-decls",
    ];
    let mut blocks = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    let mut notes: Vec<Block> = Vec::new();
    let mut skipping = 0usize;
    let mut in_body = false;
    // Inside a note: its marker, and the text of its citation while read.
    let mut note: Option<(String, bool)> = None;
    let mut note_text = String::new();
    walk(xml, name, deadline, |event, _| match event {
        Xml::Start(e) => {
            let tag = local(e);
            if skipping > 0 || SKIPPED.contains(&tag.as_str()) {
                skipping += 1;
                return;
            }
            match tag.as_str() {
                "text" => in_body = true,
                "note" => note = Some((String::new(), false)),
                "note-citation" => {
                    if let Some(n) = &mut note {
                        n.1 = true;
                    }
                }
                "h" | "p" if in_body && note.is_none() => stack.push(Para {
                    level: (tag == "h").then(|| {
                        attr(e, "outline-level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .unwrap_or(1)
                            .clamp(1, 6)
                    }),
                    ..Para::default()
                }),
                _ => {}
            }
        }
        Xml::Empty(e) => {
            if skipping > 0 {
                return;
            }
            let spaces = match local(e).as_str() {
                "s" => attr(e, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(8),
                "tab" | "line-break" => 1,
                _ => 0,
            };
            let target = if note.is_some() {
                &mut note_text
            } else if let Some(p) = stack.last_mut() {
                &mut p.text
            } else {
                return;
            };
            target.extend(std::iter::repeat_n(' ', spaces));
        }
        Xml::End(tag) => {
            if skipping > 0 {
                skipping -= 1;
                return;
            }
            match tag {
                "note-citation" => {
                    if let Some(n) = &mut note {
                        n.1 = false;
                    }
                }
                "note" => {
                    if let Some((marker, _)) = note.take() {
                        let text = crate::text::one_line(&super::normalize(&note_text));
                        note_text.clear();
                        if let Some(p) = stack.last_mut() {
                            p.text.push_str(&format!("[{}]", marker.trim()));
                        }
                        if !text.is_empty() {
                            notes.push(Block {
                                kind: BlockKind::Note(marker.trim().to_string()),
                                text,
                                page: None,
                            });
                        }
                    }
                }
                "h" | "p" if note.is_none() => {
                    if let Some(p) = stack.pop() {
                        let text = crate::text::one_line(&super::normalize(&p.text));
                        if !text.is_empty() {
                            blocks.push(Block {
                                kind: p.level.map_or(BlockKind::Paragraph, BlockKind::Heading),
                                text,
                                page: None,
                            });
                        }
                        if stack.is_empty() {
                            blocks.append(&mut notes);
                        }
                    }
                }
                "p" => note_text.push(' '),
                _ => {}
            }
        }
        Xml::Text(s) => {
            if skipping > 0 {
                return;
            }
            match &mut note {
                Some((marker, true)) => marker.push_str(s),
                Some(_) => note_text.push_str(s),
                None => {
                    if let Some(p) = stack.last_mut() {
                        p.text.push_str(s);
                    }
                }
            }
        }
    })?;
    blocks.append(&mut notes);
    progress(Progress {
        done: xml.len() as u64,
        total: xml.len() as u64,
        unit: Unit::Bytes,
    });
    Ok(blocks)
}

/// Title, author and date from `docProps/core.xml` (DOCX) or `meta.xml` (ODT).
fn properties(xml: &str, name: &str, deadline: &Deadline) -> Result<SourceMeta, IntakeError> {
    let mut meta = SourceMeta::default();
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    walk(xml, name, deadline, |event, _| match event {
        Xml::Start(e) => {
            field = match local(e).as_str() {
                "title" => Some("title"),
                "creator" | "initial-creator" => Some("author"),
                "created" | "creation-date" => Some("date"),
                _ => None,
            };
            value.clear();
        }
        Xml::Text(s) if field.is_some() => value.push_str(s),
        Xml::End(_) => {
            if let Some(f) = field.take() {
                let v = crate::text::one_line(&value);
                let slot = match f {
                    "title" => &mut meta.title,
                    "author" => &mut meta.author,
                    _ => &mut meta.date,
                };
                if slot.is_none() && !v.is_empty() {
                    *slot = Some(match v.get(..10) {
                        Some(day) if f == "date" => day.to_string(),
                        _ => v,
                    });
                }
            }
        }
        _ => {}
    })?;
    Ok(meta)
}
