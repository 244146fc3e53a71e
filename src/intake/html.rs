//! Reading a web page: only its main content (the `<main>` or `<article>`, or
//! else the container with the most paragraph text), without navigation,
//! menus, scripts, styles, cookie banners, "related posts" or footers; and
//! its title, author and date from the page's own tags or byline.

use super::{Block, BlockKind, Document, Format, IntakeError, normalize};
use crate::corpus::SourceMeta;
use scraper::{ElementRef, Html, Node, Selector};

/// Reads an HTML page.
pub fn read(text: &str, name: &str) -> Result<Document, IntakeError> {
    let html = Html::parse_document(text);
    let meta = metadata(&html);
    let root = main_root(&html);
    let mut walker = Walker::default();
    if let Some(root) = root {
        walker.container(root, true);
    }
    walker.flush();
    let blocks = walker.blocks;
    if !blocks.iter().any(|b| b.kind == BlockKind::Paragraph) {
        return Err(IntakeError(format!(
            "{name}: this HTML page has no main content (no paragraphs outside navigation, \
             menus, scripts and footers): nothing was imported"
        )));
    }
    Ok(Document {
        format: Format::Html,
        meta,
        blocks,
        pages: 0,
    })
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("the selectors here are fixed and valid")
}

/// Elements never read: scripts, styles, navigation and the like.
fn skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "iframe"
            | "svg"
            | "canvas"
            | "select"
            | "input"
            | "textarea"
            | "dialog"
            | "menu"
            | "object"
            | "embed"
            | "head"
    )
}

/// Words in a class, id or role that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "banner",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "subscribe",
    "newsletter",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "popup",
    "modal",
    "skip",
    "pagination",
    "masthead",
    "toolbar",
    "contentinfo",
    "complementary",
    "search",
];

fn is_furniture(el: &ElementRef<'_>) -> bool {
    let e = el.value();
    if skipped_tag(e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if s.to_lowercase().contains("display:none") {
            return true;
        }
    }
    [e.attr("class"), e.attr("id"), e.attr("role")]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The element holding the main content.
fn main_root(html: &Html) -> Option<ElementRef<'_>> {
    for s in ["main", "[role=main]", "article"] {
        let found: Vec<ElementRef<'_>> = html.select(&selector(s)).collect();
        if let Some(best) = found.into_iter().max_by_key(|e| paragraph_text(e))
            && paragraph_text(&best) > 0
        {
            return Some(best);
        }
    }
    // The container with the most text in paragraphs of its own.
    let containers = selector("div, section, td, body");
    let best = html
        .select(&containers)
        .filter(|e| !is_furniture(e) && !has_furniture_ancestor(e))
        .map(|e| (own_paragraph_text(&e), e))
        .max_by_key(|(n, _)| *n);
    match best {
        Some((n, e)) if n > 0 => Some(e),
        _ => html.select(&selector("body")).next(),
    }
}

fn has_furniture_ancestor(el: &ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() != "body" && a.value().name() != "html" && is_furniture(&a))
}

/// Text in `<p>` elements anywhere inside, not counting furniture.
fn paragraph_text(el: &ElementRef<'_>) -> usize {
    el.select(&selector("p"))
        .filter(|p| {
            !p.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .any(|a| is_furniture(&a))
        })
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

/// Text in the element's own `<p>` children (and text directly in it).
fn own_paragraph_text(el: &ElementRef<'_>) -> usize {
    el.children()
        .map(|c| match c.value() {
            Node::Text(t) => t.trim().len(),
            Node::Element(e) if e.name() == "p" => {
                ElementRef::wrap(c).map_or(0, |p| p.text().map(str::len).sum::<usize>())
            }
            _ => 0,
        })
        .sum()
}

fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "address"
            | "caption"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
    ) || skipped_tag(tag)
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    inline: String,
}

impl Walker {
    fn flush(&mut self) {
        let text = tidy(&self.inline);
        self.inline.clear();
        if !text.is_empty() {
            self.blocks.push(Block {
                kind: BlockKind::Paragraph,
                text,
                page: None,
            });
        }
    }

    /// Reads a block element: headings and text blocks whole, containers
    /// child by child.
    fn container(&mut self, el: ElementRef<'_>, is_root: bool) {
        if !is_root && is_furniture(&el) {
            return;
        }
        let tag = el.value().name();
        if let Some(level) = tag
            .strip_prefix('h')
            .and_then(|d| d.parse::<u8>().ok())
            .filter(|l| (1..=6).contains(l))
        {
            self.flush();
            let mut text = String::new();
            inline_text(el, &mut text);
            let text = tidy(&text);
            if !text.is_empty() {
                self.blocks.push(Block {
                    kind: BlockKind::Heading(level),
                    text,
                    page: None,
                });
            }
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.inline.push_str(t),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if e.name() == "br" {
                        self.inline.push(' ');
                    } else if is_block_tag(e.name()) {
                        self.flush();
                        self.container(child, false);
                        self.flush();
                    } else if !is_furniture(&child) {
                        inline_text(child, &mut self.inline);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The text inside an inline element (links, emphasis), furniture left out.
fn inline_text(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if e.name() == "br" {
                    out.push(' ');
                    continue;
                }
                if let Some(c) = ElementRef::wrap(child)
                    && !is_furniture(&c)
                {
                    if is_block_tag(e.name()) {
                        out.push(' ');
                    }
                    inline_text(c, out);
                }
            }
            _ => {}
        }
    }
}

/// One line, spaces collapsed, ligatures and no-break spaces normalised.
fn tidy(s: &str) -> String {
    crate::text::one_line(&normalize(s))
}

fn metadata(html: &Html) -> SourceMeta {
    let meta_content = |names: &[&str]| {
        for n in names {
            let s = selector(&format!("meta[name=\"{n}\" i], meta[property=\"{n}\" i]"));
            if let Some(v) = html
                .select(&s)
                .filter_map(|m| m.value().attr("content"))
                .map(tidy)
                .find(|v| !v.is_empty())
            {
                return Some(v);
            }
        }
        None
    };
    let title = meta_content(&["og:title", "citation_title", "dc.title"]).or_else(|| {
        html.select(&selector("title"))
            .map(|t| tidy(&t.text().collect::<String>()))
            .find(|t| !t.is_empty())
    });
    let author = meta_content(&["author", "article:author", "citation_author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            html.select(&selector(
                "[rel=author], .byline, .author, [itemprop=author]",
            ))
            .map(|e| tidy(&e.text().collect::<String>()))
            .map(|t| t.strip_prefix("By ").map(str::to_string).unwrap_or(t))
            .find(|t| !t.is_empty() && t.chars().count() < 120)
        });
    let date = meta_content(&[
        "article:published_time",
        "datePublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "citation_publication_date",
    ])
    .or_else(|| {
        html.select(&selector("time[datetime]"))
            .filter_map(|t| t.value().attr("datetime"))
            .map(tidy)
            .find(|t| !t.is_empty())
    })
    .map(|d| iso_day(&d));
    SourceMeta {
        title,
        author,
        date,
        ..SourceMeta::default()
    }
}

/// `2024-08-08T10:00:00Z` -> `2024-08-08`; anything else as written.
fn iso_day(d: &str) -> String {
    let b = d.as_bytes();
    if b.len() > 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit) {
        d[..10].to_string()
    } else {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html><head><title>Statement on the convention</title>
<meta name="author" content="Ada Analyst"><meta property="article:published_time" content="2024-08-08T09:00:00Z">
<script>var x = "Article 99";</script><style>p { color: red }</style></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
<header><nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav></header>
<main><h1>Statement</h1><p>First paragraph on&nbsp;Article 23, with <a href="#">a link</a>
and <em>emphasis</em>.</p><p>Second paragraph.<br>Still second.</p>
<ul><li>A listed point.</li></ul>
<aside class="related-posts"><h3>Related posts</h3><p>Another story.</p></aside>
<div class="share-buttons">Share this</div></main>
<footer><p>© 2024 Somebody. All rights reserved.</p></footer></body></html>"##;

    #[test]
    fn only_the_main_content_is_read() {
        let d = read(PAGE, "page.html").expect("reads");
        let got: Vec<(BlockKind, &str)> = d
            .blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(1), "Statement"),
                (
                    BlockKind::Paragraph,
                    "First paragraph on Article 23, with a link and emphasis."
                ),
                (BlockKind::Paragraph, "Second paragraph. Still second."),
                (BlockKind::Paragraph, "A listed point."),
            ]
        );
        assert_eq!(d.meta.title.as_deref(), Some("Statement on the convention"));
        assert_eq!(d.meta.author.as_deref(), Some("Ada Analyst"));
        assert_eq!(d.meta.date.as_deref(), Some("2024-08-08"));
    }

    #[test]
    fn without_main_the_densest_container_wins() {
        let page = "<html><body><div id=menu><p>Home</p><p>About</p></div>\
            <div class=content><p>The body text of the page, long enough to win.</p>\
            <p>More of it.</p></div><div class=footer><p>Contact</p></div></body></html>";
        let d = read(page, "p.html").expect("reads");
        let paragraphs: Vec<&str> = d.paragraphs().collect();
        assert_eq!(
            paragraphs,
            vec![
                "The body text of the page, long enough to win.",
                "More of it."
            ]
        );
        assert_eq!(d.meta.title, None);
    }

    #[test]
    fn a_page_of_navigation_only_is_refused() {
        let page = "<html><head><title>x</title><script>p()</script></head><body>\
            <nav><p>Home</p></nav><footer><p>Contact</p></footer></body></html>";
        let err = read(page, "empty.html").expect_err("refused");
        assert!(
            err.0
                .starts_with("empty.html: this HTML page has no main content"),
            "{err}"
        );
    }
}
