//! The document as one self-contained HTML file that prints well: inline
//! styles, no script, no outside resource (a content security policy says
//! so to the browser), every text escaped.

use super::{Block, Document, Inline, flat, safe_url};
use crate::text::{clean, one_line};

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:42em;\
margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;\
border-bottom:1px solid #999}h3{font-size:1.05em}\
blockquote{margin:.8em 0 .8em 1.2em;padding-left:.8em;border-left:3px solid #999}\
blockquote p{margin:.2em 0}.by{font-size:.92em;color:#333}\
.note{background:#f4f4f4;padding:.4em .8em;white-space:pre-wrap}\
a{color:#0645ad;overflow-wrap:anywhere}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}\
blockquote,.note{break-inside:avoid}a{color:#000}}";

pub fn html(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.title())));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    for block in &doc.blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", escape(&one_line(t)))),
            Block::Heading(level, t) => {
                let h = (usize::from(*level) + 1).min(6);
                out.push_str(&format!("<h{h}>{}</h{h}>\n", escape(&one_line(t))));
            }
            Block::Paragraph(runs) => out.push_str(&format!("<p>{}</p>\n", inlines(runs))),
            Block::Quote { text, attribution } => out.push_str(&format!(
                "<blockquote><p>“{}”</p><p class=\"by\">— {}</p></blockquote>\n",
                escape(&one_line(text)),
                inlines(attribution)
            )),
            Block::Note { label, text } => out.push_str(&format!(
                "<p><strong>{}:</strong></p>\n<div class=\"note\">{}</div>\n",
                escape(&one_line(label)),
                escape(clean(text).trim_end())
            )),
            Block::Numbered(items) => {
                out.push_str("<ol>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inlines(item)));
                }
                out.push_str("</ol>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn inlines(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => escape(&flat(t)),
            Inline::Strong(t) => format!("<strong>{}</strong>", escape(&flat(t))),
            Inline::Emphasis(t) => format!("<em>{}</em>", escape(&flat(t))),
            Inline::SourceRef(n) => format!("[{n}]"),
            Inline::Link(url) => safe_url(url).map_or(String::new(), |u| {
                let u = escape(&u);
                format!("<a href=\"{u}\">{u}</a>")
            }),
        })
        .collect()
}

/// Text and attribute values: the five characters HTML reads as markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
