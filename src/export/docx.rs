//! The document as a Word file (DOCX), written with docx-rs: ministries work
//! in Word. Headings use Word's own heading styles, so the navigation pane
//! and a table of contents find them; links are real hyperlinks.

use super::{Block, Document, Inline, flat, safe_url};
use crate::text::{clean, one_line};
use docx_rs::{
    AlignmentType, Docx, Hyperlink, HyperlinkType, Paragraph, Run, RunFonts, Style, StyleType,
};

/// The DOCX file's bytes.
pub fn docx(doc: &Document) -> Result<Vec<u8>, String> {
    let mut file = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_style(heading("Title", "Title", 36, 0))
        .add_style(heading("Heading1", "Heading 1", 28, 0))
        .add_style(heading("Heading2", "Heading 2", 24, 1))
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .italic()
                .indent(Some(567), None, None, None),
        );
    for block in &doc.blocks {
        file = match block {
            Block::Title(t) => file.add_paragraph(styled("Title", t)),
            Block::Heading(1, t) => file.add_paragraph(styled("Heading1", t)),
            Block::Heading(_, t) => file.add_paragraph(styled("Heading2", t)),
            Block::Paragraph(runs) => file.add_paragraph(inlines(Paragraph::new(), runs)),
            Block::Quote { text, attribution } => file
                .add_paragraph(
                    Paragraph::new()
                        .style("Quote")
                        .add_run(Run::new().add_text(format!("“{}”", one_line(text)))),
                )
                .add_paragraph(inlines(
                    Paragraph::new()
                        .style("Quote")
                        .align(AlignmentType::Right)
                        .add_run(Run::new().add_text("— ")),
                    attribution,
                )),
            Block::Note { label, text } => {
                let mut f = file.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().bold().add_text(format!("{}:", one_line(label)))),
                );
                for line in clean(text).lines() {
                    f = f.add_paragraph(
                        Paragraph::new()
                            .indent(Some(567), None, None, None)
                            .add_run(Run::new().add_text(line.trim_end())),
                    );
                }
                f
            }
            Block::Numbered(items) => {
                let mut f = file;
                for (k, item) in items.iter().enumerate() {
                    let lead = Paragraph::new()
                        .indent(
                            Some(567),
                            Some(docx_rs::SpecialIndentType::Hanging(567)),
                            None,
                            None,
                        )
                        .add_run(Run::new().add_text(format!("{}.\t", k + 1)));
                    f = f.add_paragraph(inlines(lead, item));
                }
                f
            }
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    file.build()
        .pack(&mut bytes)
        .map_err(|e| format!("cannot write the DOCX file: {e}"))?;
    Ok(bytes.into_inner())
}

fn heading(id: &str, name: &str, half_points: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .bold()
        .size(half_points)
        .outline_lvl(level)
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .keep_next(true)
        .add_run(Run::new().add_text(one_line(text)))
}

/// docx-rs escapes text for XML itself; text only needs cleaning here.
fn inlines(mut p: Paragraph, runs: &[Inline]) -> Paragraph {
    for r in runs {
        p = match r {
            Inline::Text(t) => p.add_run(Run::new().add_text(flat(t))),
            Inline::Strong(t) => p.add_run(Run::new().bold().add_text(flat(t))),
            Inline::Emphasis(t) => p.add_run(Run::new().italic().add_text(flat(t))),
            Inline::SourceRef(n) => p.add_run(Run::new().add_text(format!("[{n}]"))),
            Inline::Link(url) => match safe_url(url) {
                Some(u) => p.add_hyperlink(
                    Hyperlink::new(&u, HyperlinkType::External)
                        .add_run(Run::new().add_text(&u).color("0563C1").underline("single")),
                ),
                None => p,
            },
        };
    }
    p
}
