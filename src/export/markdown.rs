//! The document as Markdown (CommonMark): every character of untrusted text
//! that Markdown or HTML would read as markup is escaped, so a source's
//! `<img onerror=...>` or `[x](javascript:...)` shows as the text it is.

use super::{Block, Document, Inline, flat, safe_url};
use crate::text::one_line;

pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", escape(&one_line(t)))),
            Block::Heading(level, t) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*level) + 1),
                escape(&one_line(t))
            )),
            Block::Paragraph(runs) => out.push_str(&format!("{}\n\n", inlines(runs))),
            Block::Quote { text, attribution } => out.push_str(&format!(
                "> \"{}\"\n>\n> — {}\n\n",
                escape(&one_line(text)),
                inlines(attribution)
            )),
            Block::Note { label, text } => {
                out.push_str(&format!("**{}:**\n\n", escape(&one_line(label))));
                for line in crate::text::clean(text).lines() {
                    let line = line.trim_end();
                    if line.is_empty() {
                        out.push_str(">\n");
                    } else {
                        out.push_str(&format!("> {}\n", escape_line(line)));
                    }
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (k, item) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", k + 1, inlines(item)));
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
            Inline::Text(t) => escape(&flat(t)),
            Inline::Strong(t) => format!("**{}**", escape(&flat(t))),
            Inline::Emphasis(t) => format!("*{}*", escape(&flat(t))),
            Inline::SourceRef(n) => format!("[{n}]"),
            Inline::Link(url) => safe_url(url).map_or(String::new(), |u| format!("<{u}>")),
        })
        .collect()
}

/// Backslash-escapes the ASCII punctuation Markdown reads as markup (any
/// ASCII punctuation may be escaped in CommonMark), and `&` so an entity in
/// a source stays the text it is.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of the user's note: escaped, and a line that would open a list or
/// a heading underline is escaped at its start.
fn escape_line(line: &str) -> String {
    let escaped = escape(line);
    let starts_block = line.starts_with(['-', '+', '='])
        || line
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let (head, tail) = escaped.split_at(digits.max(1).min(escaped.len()));
        if digits > 0 {
            format!("{head}\\{tail}")
        } else {
            format!("\\{escaped}")
        }
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> [x](javascript:y) *b*"),
            "\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:y) \\*b\\*"
        );
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("12. item"), "12\\. item");
        assert_eq!(escape_line("plain"), "plain");
    }
}
