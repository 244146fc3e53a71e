//! Documents that leave treaty (briefs): one small document model, and the
//! writers that turn it into Markdown, plain text, self-contained HTML and
//! DOCX. Text in the model is plain and untrusted; every writer escapes it
//! for its own format, and links keep only http(s) and mailto targets.

mod docx;
pub mod html;
mod markdown;
mod plain;

pub use docx::docx;
pub use html::html;
pub use markdown::markdown;
pub use plain::plain;

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    /// A web or mail address, shown as itself; only safe ones are kept (see
    /// [`safe_url`]).
    Link(String),
    /// `[2]`: the number of a source in the list at the end.
    SourceRef(usize),
}

/// A block of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title; there is one, first.
    Title(String),
    /// A section heading: 1 for a provision, 2 below it.
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    /// A quotation (its text kept line for line is not needed: one
    /// paragraph), then its attribution on a line of its own.
    Quote {
        text: String,
        attribution: Vec<Inline>,
    },
    /// The user's own text, kept line for line, under a label.
    Note {
        label: String,
        text: String,
    },
    /// A numbered list (the sources at the end).
    Numbered(Vec<Vec<Inline>>),
}

/// A document: a list of blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The title, for the HTML `<title>` and the DOCX properties.
    pub fn title(&self) -> String {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(crate::text::one_line(t)),
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// Inline text on one line: cleaned, whitespace folded to single spaces,
/// but a leading or trailing space kept (it separates runs).
pub fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in crate::text::clean(s).chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Plain text inline.
pub fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// A paragraph of one plain run.
pub fn para(s: impl Into<String>) -> Block {
    Block::Paragraph(vec![text(s)])
}

/// A paragraph that opens with a bold label: `**Label:** text`.
pub fn labelled(label: &str, rest: Vec<Inline>) -> Block {
    let mut runs = vec![Inline::Strong(format!("{label}:")), text(" ")];
    runs.extend(rest);
    Block::Paragraph(runs)
}

/// The address when it is one a reader may follow: `http`, `https` or
/// `mailto`, with characters that could end a link or an attribute
/// percent-encoded. `javascript:`, `data:`, `file:` and the like give `None`.
pub fn safe_url(url: &str) -> Option<String> {
    let url = crate::text::one_line(url);
    let (scheme, rest) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let ok = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => !rest.is_empty(),
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut out = format!("{scheme}:");
    for c in rest.chars() {
        match c {
            ' ' | '<' | '>' | '"' | '\'' | '`' | '\\' | '{' | '}' | '|' | '^' | '(' | ')' | '['
            | ']' => out.push_str(&format!("%{:02X}", c as u32)),
            '\u{FFFD}' => out.push_str("%EF%BF%BD"),
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_are_links() {
        assert_eq!(
            safe_url("https://example.org/a b").as_deref(),
            Some("https://example.org/a%20b")
        );
        assert_eq!(
            safe_url("HTTP://x.org/\"><script>").as_deref(),
            Some("http://x.org/%22%3E%3Cscript%3E")
        );
        assert_eq!(
            safe_url("mailto:a@b.org").as_deref(),
            Some("mailto:a@b.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "www.example.org",
            "http:",
            "unknown",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
