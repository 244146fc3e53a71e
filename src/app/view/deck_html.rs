//! A deck of slides as one self-contained HTML file, to share after a
//! workshop: one section per slide (the title slide first, each article
//! with all its passages quoted whole, since paper is not a screen), a page
//! per slide when printed, no script and no outside resource, every text
//! cleaned and escaped.

use crate::app::state::deck::Presentation;
use crate::app::view::lines::Piece;
use crate::app::view::slides::{Entry, SlideText, deck_text};
use crate::corpus::Corpus;
use crate::export::html::escape;
use crate::refs::graph::LinkGraph;
use crate::text::one_line;

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46em;\
margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
section{border-top:2px solid #444;padding:1em 0 2em}\
.big{font-family:Helvetica,Arial,sans-serif;font-size:2.2em;font-weight:bold;margin:0}\
h2{font-size:1.3em;margin:.2em 0}.context{color:#333;margin:.2em 0 1em}\
.label{font-weight:bold;font-size:.95em;margin:1em 0 .3em}\
ul{padding-left:1.2em}li{margin:.6em 0}\
blockquote{margin:.3em 0 .3em .6em;padding-left:.8em;border-left:3px solid #999}\
.why{font-size:.92em;color:#333}.n{color:#555;font-size:.85em;float:right}\
@media print{body{margin:0;max-width:none;font-size:12pt}\
section{border:none;break-after:page}li{break-inside:avoid}}";

/// The deck as HTML: a section for each of its slides, in order.
pub fn deck_html(corpus: &Corpus, graph: &LinkGraph, p: &Presentation) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", text(&p.title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    let n = p.slides.len();
    for (i, slide) in p.slides.iter().enumerate() {
        let t = deck_text(corpus, graph, p, *slide);
        section(&mut out, &t, i + 1, n);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn text(s: &str) -> String {
    escape(&one_line(s))
}

fn pieces(ps: &[Piece]) -> String {
    text(&ps.iter().map(|p| p.text.as_str()).collect::<String>())
}

fn section(out: &mut String, t: &SlideText, i: usize, n: usize) {
    out.push_str(&format!(
        "<section id=\"slide-{i}\">\n<p class=\"n\">{i}/{n}</p>\n"
    ));
    out.push_str(&format!("<p class=\"big\">{}</p>\n", text(&t.big)));
    if !t.title.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n", text(&t.title)));
    }
    if !t.context.is_empty() {
        out.push_str(&format!("<p class=\"context\">{}</p>\n", text(&t.context)));
    }
    if !t.label.is_empty() {
        out.push_str(&format!("<p class=\"label\">{}</p>\n", text(&t.label)));
    }
    if !t.body.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", text(&t.body)));
    }
    entries(out, &t.lines_heading, &t.lines);
    entries(out, &t.own_heading, &t.own);
    out.push_str("</section>\n");
}

fn entries(out: &mut String, heading: &str, entries: &[Entry]) {
    if heading.is_empty() {
        return;
    }
    out.push_str(&format!("<p class=\"label\">{}</p>\n", text(heading)));
    if entries.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for e in entries {
        out.push_str(&format!("<li>{}", pieces(&e.head)));
        if let Some(q) = &e.quote {
            out.push_str(&format!("<blockquote>{}</blockquote>", text(q)));
        }
        if let Some(why) = &e.why {
            out.push_str(&format!("<p class=\"why\">why: {}</p>", text(why)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}
