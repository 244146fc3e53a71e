//! Reading the authentic text of the convention from plain text copied out of
//! the official document: chapter headings (`Chapter I` + title line), article
//! headings (`Article N` + title line), numbered paragraphs and sub-items.
//! Page headers, footers and numbers of a PDF-to-text conversion are dropped.
//! The corpus's article titles are authoritative: a heading whose title does
//! not match is reported, and the caller refuses the file.

use crate::corpus::Convention;
use crate::corpus::target::{ARTICLE_COUNT, from_roman};
use crate::text::{clean, plural};
use std::collections::BTreeMap;

/// The texts found, cleaned: paragraphs separated by a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthenticText {
    pub preamble: Option<String>,
    /// Article number -> text.
    pub articles: BTreeMap<u8, String>,
}

/// A heading whose title is not the official one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TitleMismatch {
    /// The article number, or the chapter number for a chapter heading.
    pub number: u8,
    /// 1-based line of the heading: in the file, or on its page when `page`
    /// is given, or the paragraph when `paragraph` is.
    pub line: usize,
    /// The 1-based page of a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The 1-based paragraph of a Word or HTML file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    pub found: String,
    pub official: String,
}

/// An article heading seen at a place it should not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Misplaced {
    pub number: u8,
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

/// What the parser found, and whether the file may be stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AuthenticReport {
    /// Articles found, ascending.
    pub found: Vec<u8>,
    pub missing: Vec<u8>,
    pub duplicated: Vec<Misplaced>,
    pub out_of_order: Vec<Misplaced>,
    pub title_mismatches: Vec<TitleMismatch>,
    pub chapter_mismatches: Vec<TitleMismatch>,
    pub preamble: bool,
    #[serde(skip)]
    pub text: AuthenticText,
}

/// Where a line of the text given to [`parse_authentic`] stands in the
/// document it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of a PDF page (1-based, counted from the top of the page).
    Page { page: u32, line: usize },
    /// A paragraph of a Word or HTML file (1-based).
    Paragraph(usize),
}

impl AuthenticReport {
    /// Restates every line number as a place in the document, `places[i]`
    /// being where line `i + 1` of the parsed text came from.
    pub fn locate(&mut self, places: &[Place]) {
        let set = |line: &mut usize, page: &mut Option<u32>, paragraph: &mut Option<usize>| {
            if let Some(place) = line.checked_sub(1).and_then(|i| places.get(i)) {
                match *place {
                    Place::Page { page: p, line: l } => {
                        *page = Some(p);
                        *line = l;
                    }
                    Place::Paragraph(n) => {
                        *paragraph = Some(n);
                        *line = n;
                    }
                }
            }
        };
        for m in self
            .title_mismatches
            .iter_mut()
            .chain(self.chapter_mismatches.iter_mut())
        {
            set(&mut m.line, &mut m.page, &mut m.paragraph);
        }
        for m in self
            .duplicated
            .iter_mut()
            .chain(self.out_of_order.iter_mut())
        {
            set(&mut m.line, &mut m.page, &mut m.paragraph);
        }
    }

    /// `Err(why)` when the file does not look like the convention, so nothing
    /// may be changed: fewer than half the articles, or titles that differ.
    pub fn verdict(&self) -> Result<(), String> {
        let half = usize::from(ARTICLE_COUNT).div_ceil(2);
        if self.found.len() < half {
            return Err(format!(
                "this does not look like the text of the convention: {} of the 68 articles found \
                 (at least {half} are needed)",
                self.found.len()
            ));
        }
        if !self.title_mismatches.is_empty() {
            let numbers: Vec<String> = self
                .title_mismatches
                .iter()
                .map(|m| m.number.to_string())
                .collect();
            return Err(format!(
                "the title{} of article{} {} differ{} from the official title{}: \
                 this does not look like the text of the convention",
                plural(numbers.len()),
                plural(numbers.len()),
                numbers.join(", "),
                if numbers.len() == 1 { "s" } else { "" },
                plural(numbers.len()),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// A page header, footer, number or form feed.
    Page,
    Text,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    kind: Kind,
    /// Trimmed; empty unless `Text`.
    text: &'a str,
    /// 1-based line in the file.
    number: usize,
}

/// Parses the text against the official titles of `convention`.
pub fn parse_authentic(text: &str, convention: &Convention) -> AuthenticReport {
    let lines = tokenize(text);
    let articles: BTreeMap<u8, String> = convention
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter())
        .map(|a| (a.number, normalize(&a.title)))
        .collect();
    let chapters: BTreeMap<u8, String> = convention
        .chapters
        .iter()
        .map(|c| (c.number, normalize(&c.title)))
        .collect();
    let mut report = AuthenticReport::default();
    // Where each found part's text runs: (part, first line index, end index).
    let mut parts: Vec<(Part, usize, usize)> = Vec::new();
    let mut current: Option<(Part, usize)> = None;
    let mut last_article = 0u8;
    let mut last_chapter = 0u8;
    // A resolution with the convention as its annex: its own paragraphs
    // (which cite articles too) are not the convention's text.
    let mut i = lines
        .iter()
        .position(|l| l.kind == Kind::Text && l.text.eq_ignore_ascii_case("annex"))
        .map_or(0, |at| at + 1);
    while i < lines.len() {
        let line = lines[i];
        if line.kind != Kind::Text {
            i += 1;
            continue;
        }
        if let Some(n) = article_heading(line.text) {
            let official = articles.get(&n);
            let (title, next) = title_at(&lines, i + 1, official.map(String::as_str));
            let matches = official.is_some_and(|o| *o == normalize(&title));
            let expected = n == last_article.saturating_add(1);
            if matches || (expected && official.is_some()) {
                close(&mut current, i, &mut parts);
                if !matches {
                    report.title_mismatches.push(TitleMismatch {
                        number: n,
                        line: line.number,
                        page: None,
                        paragraph: None,
                        found: crate::text::one_line(&title),
                        official: title_of(convention, n),
                    });
                }
                if report.found.contains(&n) {
                    report.duplicated.push(Misplaced {
                        number: n,
                        line: line.number,
                        page: None,
                        paragraph: None,
                    });
                } else {
                    if n < last_article {
                        report.out_of_order.push(Misplaced {
                            number: n,
                            line: line.number,
                            page: None,
                            paragraph: None,
                        });
                    }
                    report.found.push(n);
                    current = Some((Part::Article(n), next));
                }
                last_article = last_article.max(n);
                i = next;
                continue;
            }
        } else if let Some(n) = chapter_heading(line.text) {
            let official = chapters.get(&n);
            let (title, next) = title_at(&lines, i + 1, official.map(String::as_str));
            let matches = official.is_some_and(|o| *o == normalize(&title));
            if matches || (n == last_chapter + 1 && official.is_some()) {
                close(&mut current, i, &mut parts);
                if !matches {
                    report.chapter_mismatches.push(TitleMismatch {
                        number: n,
                        line: line.number,
                        page: None,
                        paragraph: None,
                        found: crate::text::one_line(&title),
                        official: convention
                            .chapters
                            .iter()
                            .find(|c| c.number == n)
                            .map(|c| c.title.clone())
                            .unwrap_or_default(),
                    });
                }
                last_chapter = last_chapter.max(n);
                i = next;
                continue;
            }
        } else if parts.is_empty() && current.is_none() && is_preamble_start(line.text) {
            let first = if line.text.eq_ignore_ascii_case("preamble") {
                i + 1
            } else {
                i
            };
            current = Some((Part::Preamble, first));
        }
        i += 1;
    }
    close(&mut current, lines.len(), &mut parts);
    for (part, from, to) in parts {
        let body = assemble(&lines[from..to]);
        match part {
            Part::Preamble if !body.is_empty() => {
                report.preamble = true;
                report.text.preamble = Some(body);
            }
            Part::Preamble => {}
            Part::Article(n) => {
                report.text.articles.insert(n, body);
            }
        }
    }
    report.found.sort_unstable();
    report.missing = (1..=ARTICLE_COUNT)
        .filter(|n| !report.found.contains(n))
        .collect();
    report
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Preamble,
    Article(u8),
}

fn close(current: &mut Option<(Part, usize)>, end: usize, parts: &mut Vec<(Part, usize, usize)>) {
    if let Some((part, from)) = current.take() {
        parts.push((part, from, end.max(from)));
    }
}

fn title_of(convention: &Convention, n: u8) -> String {
    convention
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter())
        .find(|a| a.number == n)
        .map(|a| a.title.clone())
        .unwrap_or_default()
}

/// Lower case, whitespace runs as one space: how titles are compared.
pub fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The title after a heading: the next text line, or up to three lines when
/// together they make the official title (a wrapped title). Returns the title
/// and the index of the first line after it.
fn title_at(lines: &[Line<'_>], from: usize, official: Option<&str>) -> (String, usize) {
    let mut title = String::new();
    let mut next = from;
    let mut taken = 0;
    let mut j = from;
    while j < lines.len() && taken < 3 {
        let line = lines[j];
        j += 1;
        if line.kind != Kind::Text {
            continue;
        }
        if article_heading(line.text).is_some() || chapter_heading(line.text).is_some() {
            break;
        }
        let candidate = join_line(&title, line.text);
        let fits = official.is_some_and(|o| {
            let c = normalize(&candidate);
            *o == c || o.starts_with(&c) && (c.ends_with('-') || o[c.len()..].starts_with(' '))
        });
        if taken == 0 || fits {
            title = candidate;
            next = j;
            taken += 1;
        }
        if !fits || official.is_some_and(|o| *o == normalize(&title)) {
            break;
        }
    }
    (title, next)
}

/// Joins a wrapped line to the text before it: a hyphen at the end of the line
/// joins without a space (`system-` + `related`).
fn join_line(before: &str, line: &str) -> String {
    if before.is_empty() {
        line.to_string()
    } else if before.ends_with('-') {
        format!("{before}{line}")
    } else {
        format!("{before} {line}")
    }
}

/// `Article 23` alone on a line -> 23.
fn article_heading(line: &str) -> Option<u8> {
    let rest = line
        .strip_prefix("Article")
        .or_else(|| line.strip_prefix("ARTICLE"))?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let digits = rest.trim();
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse()
        .ok()
        .filter(|n| (1..=ARTICLE_COUNT).contains(n))
}

/// `Chapter IV` alone on a line -> 4.
fn chapter_heading(line: &str) -> Option<u8> {
    let rest = line
        .strip_prefix("Chapter")
        .or_else(|| line.strip_prefix("CHAPTER"))?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let numeral = rest.trim();
    if !numeral.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    from_roman(numeral)
}

fn is_preamble_start(line: &str) -> bool {
    line.eq_ignore_ascii_case("preamble")
        || line
            .get(.."The States Parties to this Convention".len())
            .is_some_and(|s| s.eq_ignore_ascii_case("The States Parties to this Convention"))
}

/// Lines of a page header or footer: the document symbol (`A/RES/79/243`,
/// alone or before the running title), the job number (`24-25178`, maybe
/// with `(E)` and a date), its bar code (`*2425178*`), a page number (`12`,
/// `2/43`).
fn is_page_furniture(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if let Some(rest) = line.strip_prefix("A/RES/") {
        let symbol_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let (symbol, after) = rest.split_at(symbol_end);
        let is_symbol = symbol
            .split_once('/')
            .is_some_and(|(a, b)| digits(a.as_bytes()) && digits(b.as_bytes()));
        let after = after.trim();
        return is_symbol && (after.is_empty() || after.starts_with("United Nations"));
    }
    if digits(b) && b.len() <= 3 {
        return true;
    }
    if let Some((a, c)) = line.split_once('/')
        && digits(a.as_bytes())
        && digits(c.as_bytes())
        && a.len() <= 3
        && c.len() <= 3
    {
        return true;
    }
    if b.len() >= 9 && b[2] == b'-' && digits(&b[..2]) && digits(&b[3..8]) {
        let rest = line[8..].trim();
        let rest = rest.strip_prefix("(E)").unwrap_or(rest).trim();
        return rest.is_empty() || digits(rest.as_bytes()) && rest.len() == 6;
    }
    if b.len() == 8 && b[2] == b'-' && digits(&b[..2]) && digits(&b[3..]) {
        return true;
    }
    b.len() >= 3 && b[0] == b'*' && b[b.len() - 1] == b'*' && digits(&b[1..b.len() - 1])
}

fn tokenize(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        // pdftotext puts a form feed where a page ends, often at the start of
        // the next page's first line.
        for (k, piece) in raw.split('\x0c').enumerate() {
            if k > 0 {
                lines.push(Line {
                    kind: Kind::Page,
                    text: "",
                    number,
                });
            }
            let t = piece.trim();
            let kind = if t.is_empty() {
                if k > 0 {
                    continue;
                }
                Kind::Blank
            } else if is_page_furniture(t) {
                Kind::Page
            } else {
                Kind::Text
            };
            lines.push(Line {
                kind,
                text: if kind == Kind::Text { t } else { "" },
                number,
            });
        }
    }
    lines
}

/// The number that opens a paragraph of a stored text: `1.`, `(a)`, `(iv)`;
/// `None` when the paragraph has none.
pub fn item_label(para: &str) -> Option<&str> {
    if !starts_item(para) {
        return None;
    }
    let end = para.find(['.', ')'])? + 1;
    para.get(..end)
}

/// A line that starts a paragraph of its own: `1.`, `(a)`, `(iv)`.
fn starts_item(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && b.get(digits) == Some(&b'.') {
        return b.get(digits + 1).is_none_or(|c| c.is_ascii_whitespace());
    }
    if b.first() == Some(&b'(') {
        let letters = b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        return (1..=4).contains(&letters) && b.get(1 + letters) == Some(&b')');
    }
    false
}

/// Joins the lines of a part into paragraphs. A blank line or an item marker
/// starts a paragraph; a page break (and the blank lines around it) does not,
/// since a page often ends mid-sentence.
fn assemble(lines: &[Line<'_>]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut blank = false;
    let mut page = false;
    for line in lines {
        match line.kind {
            Kind::Blank => blank = true,
            Kind::Page => page = true,
            Kind::Text => {
                let text = clean(line.text).replace('\t', " ");
                let new_paragraph = starts_item(&text) || (blank && !page);
                if new_paragraph && !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
                // In place: a part of many lines must not be copied per line.
                if !current.is_empty() && !current.ends_with('-') {
                    current.push(' ');
                }
                current.push_str(&text);
                blank = false;
                page = false;
            }
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convention() -> Convention {
        crate::corpus::load_embedded()
            .expect("the embedded corpus loads")
            .convention
    }

    #[test]
    fn furniture() {
        for l in [
            "A/RES/79/243",
            "A/RES/79/243 United Nations Convention against Cybercrime",
            "24-25178",
            "24-25178 (E) 100125",
            "*2425178*",
            "2/43",
            "12",
        ] {
            assert!(is_page_furniture(l), "{l}");
        }
        for l in [
            "1.",
            "(a)",
            "2024",
            "Article 2",
            "A/RES/79/243, paragraph 3",
            "24/7 network",
        ] {
            assert!(!is_page_furniture(l), "{l}");
        }
    }

    #[test]
    fn headings() {
        assert_eq!(article_heading("Article 23"), Some(23));
        assert_eq!(article_heading("ARTICLE  7"), Some(7));
        assert_eq!(article_heading("Article 69"), None);
        assert_eq!(article_heading("Article 23 of"), None);
        assert_eq!(article_heading("article 23"), None);
        assert_eq!(chapter_heading("Chapter IV"), Some(4));
        assert_eq!(chapter_heading("Chapter X"), None);
        assert_eq!(chapter_heading("Chapter iv"), None);
    }

    #[test]
    fn parses_wrapped_titles_items_and_page_breaks() {
        let c = convention();
        let text = "Preamble\n\nPlaceholder preamble one,\n\nPlaceholder two.\n\
                    Chapter I\nGeneral provisions\n\nArticle 1\nStatement of purpose\n\n\
                    1. [Placeholder para 1\nwrapped.]\n(a) [item a;]\n(b) [item b.]\n\n\
                    \x0cA/RES/79/243\n\n2/43\n\n[continued after the page.]\n\
                    Article 4\nOffences established in accordance with other\nUnited Nations conventions and protocols\n\
                    [Placeholder.]\nArticle 2\nUse of terms\n[Late.]\nArticle 1\nStatement of purpose\n[Again.]";
        let r = parse_authentic(text, &c);
        assert_eq!(r.found, vec![1, 2, 4]);
        assert!(r.title_mismatches.is_empty(), "{:?}", r.title_mismatches);
        assert_eq!(
            r.duplicated,
            vec![Misplaced {
                number: 1,
                line: 29,
                page: None,
                paragraph: None,
            }]
        );
        assert_eq!(
            r.out_of_order,
            vec![Misplaced {
                number: 2,
                line: 26,
                page: None,
                paragraph: None,
            }]
        );
        assert_eq!(
            r.text.preamble.as_deref(),
            Some("Placeholder preamble one,\n\nPlaceholder two.")
        );
        assert_eq!(
            r.text.articles[&1],
            "1. [Placeholder para 1 wrapped.]\n\n(a) [item a;]\n\n(b) [item b.] [continued after the page.]"
        );
        assert_eq!(r.text.articles[&4], "[Placeholder.]");
        assert!(r.verdict().is_err(), "3 articles are not enough");
    }

    #[test]
    fn wrong_titles_are_reported() {
        let c = convention();
        let r = parse_authentic(
            "Article 1\nIllegal access\nText.\nArticle 2\nUse of terms\n",
            &c,
        );
        assert_eq!(r.title_mismatches.len(), 1);
        assert_eq!(r.title_mismatches[0].official, "Statement of purpose");
        assert_eq!(r.found, vec![1, 2]);
    }

    #[test]
    fn long_parts_are_joined_in_linear_time() {
        let c = convention();
        let mut text = "Article 1\nStatement of purpose\n".to_string();
        text.push_str(&"a wrapped line of text\n".repeat(100_000));
        text.push_str(&"Article 1\nStatement of purpose\n".repeat(30_000));
        let started = std::time::Instant::now();
        let r = parse_authentic(&text, &c);
        assert_eq!(r.found, vec![1]);
        assert_eq!(r.duplicated.len(), 30_000);
        assert!(r.text.articles[&1].len() > 2_000_000);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn a_stray_heading_line_in_the_text_is_text() {
        let c = convention();
        let r = parse_authentic(
            "Article 1\nStatement of purpose\nsee\nArticle 30\nfor more.\n",
            &c,
        );
        assert_eq!(r.found, vec![1]);
        assert_eq!(r.text.articles[&1], "see Article 30 for more.");
    }
}
