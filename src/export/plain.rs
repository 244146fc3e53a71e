//! The document as plain text wrapped at 78 cells: headings underlined,
//! notes and quotations indented. Nothing is markup, so nothing is escaped
//! beyond the cleaning every text gets.

use super::{Block, Document, Inline, flat, safe_url};
use crate::text::{clean, one_line, width};

const WIDTH: usize = 78;

pub fn plain(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) => {
                let t = one_line(t);
                out.push_str(&format!("{t}\n{}\n\n", "=".repeat(width(&t))));
            }
            Block::Heading(1, t) => {
                let t = one_line(t);
                out.push_str(&format!("\n{t}\n{}\n\n", "-".repeat(width(&t))));
            }
            Block::Heading(_, t) => out.push_str(&format!("{}\n\n", one_line(t).to_uppercase())),
            Block::Paragraph(runs) => {
                out.push_str(&wrap(&inlines(runs), WIDTH, ""));
                out.push('\n');
            }
            Block::Quote { text, attribution } => {
                out.push_str(&wrap(&format!("\"{}\"", one_line(text)), WIDTH, "    "));
                out.push_str(&wrap(
                    &format!("-- {}", inlines(attribution)),
                    WIDTH,
                    "    ",
                ));
                out.push('\n');
            }
            Block::Note { label, text } => {
                out.push_str(&format!("{}:\n", one_line(label)));
                for line in clean(text).lines() {
                    out.push_str(format!("  {line}").trim_end());
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (k, item) in items.iter().enumerate() {
                    let lead = format!("{}. ", k + 1);
                    let body = wrap(&inlines(item), WIDTH, "    ");
                    out.push_str(&lead);
                    out.push_str(body.trim_start());
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn inlines(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) => flat(t),
            Inline::SourceRef(n) => format!("[{n}]"),
            Inline::Link(url) => safe_url(url).unwrap_or_default(),
        })
        .collect()
}

/// Words wrapped to `width` cells, each line starting with `indent`.
pub fn wrap(text: &str, width_: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let room = width_.saturating_sub(width(indent)).max(20);
    for word in one_line(text).split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && width(&line) + 1 + width(word) > room {
            out.push_str(&format!("{indent}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}
