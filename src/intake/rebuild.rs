//! The paragraph rebuilder: from the positioned lines of a PDF's pages to the
//! headings, paragraphs and notes a person reads. Running headers and footers
//! (lines repeated across pages, page counters, document symbols, job
//! numbers) are dropped; footnotes are kept apart and placed after the
//! paragraph they belong to; a line-end hyphen is removed only where it
//! splits a word; a paragraph cut by a page break is joined again.

use super::{Block, BlockKind};
use std::collections::{HashMap, HashSet};

/// One line as laid out on a page. Coordinates are in points from the top
/// left corner of the page; `top` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    /// The font size of most of the line.
    pub size: f32,
}

/// The lines of one page, top to bottom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Line>,
}

/// Lines at the top and at the bottom of a page where running headers and
/// footers are looked for.
const ZONE: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Furniture,
    Note,
}

/// Measures of the body text, taken over the whole document.
#[derive(Debug, Clone, Copy)]
struct Layout {
    size: f32,
    margin: f32,
    right: f32,
    spacing: Option<f32>,
}

/// Roles of every line of every page.
fn classify(pages: &[Page]) -> Vec<Vec<Role>> {
    let size = body_size(pages);
    // A line in the zone of several pages is a running header or footer.
    let mut seen: HashMap<String, usize> = HashMap::new();
    // A small line opening with a note marker is a footnote, even when the
    // same note ("1 Ibid.") recurs on several pages.
    let footnote_like = |l: &Line| l.size < size * 0.9 && note_marker(&l.text).is_some();
    for page in pages {
        let keys: HashSet<String> = zone(page)
            .filter(|i| !footnote_like(&page.lines[*i]))
            .map(|i| key(&page.lines[i].text))
            .collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeated = |text: &str| {
        let n = seen.get(&key(text)).copied().unwrap_or(0);
        pages.len() >= 2 && n >= 2 && n * 3 >= pages.len()
    };
    pages
        .iter()
        .map(|page| {
            let mut roles = vec![Role::Body; page.lines.len()];
            let last = page.lines.len().saturating_sub(1);
            for i in zone(page) {
                let t = page.lines[i].text.trim();
                // The first and last line may be a running title led or
                // closed by the document symbol (`A/RES/79/243 United ...`).
                let edge = (i == 0 || i == last) && is_symbol_line(t);
                if t.is_empty() || is_page_furniture(t) || repeated(t) || edge {
                    roles[i] = Role::Furniture;
                }
            }
            // Footnotes: a run of smaller lines at the foot of the page, the
            // first of them opening with a note marker.
            let body: Vec<usize> = (0..page.lines.len())
                .filter(|i| roles[*i] == Role::Body)
                .collect();
            let small = |i: usize| page.lines[i].size < size * 0.9;
            let run: Vec<usize> = body
                .iter()
                .rev()
                .take_while(|i| small(**i))
                .copied()
                .collect();
            if let Some(first) = run.last()
                && note_marker(&page.lines[*first].text).is_some()
                && run.len() < body.len()
            {
                for i in run {
                    roles[i] = Role::Note;
                }
            }
            roles
        })
        .collect()
}

/// The zone lines of a page: its first and last [`ZONE`] lines.
fn zone(page: &Page) -> impl Iterator<Item = usize> {
    let n = page.lines.len();
    (0..n).filter(move |i| *i < ZONE || *i + ZONE >= n)
}

/// How a header line is compared across pages.
fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The font size most of the text is set in.
fn body_size(pages: &[Page]) -> f32 {
    let mut weight: HashMap<i32, usize> = HashMap::new();
    for l in pages.iter().flat_map(|p| &p.lines) {
        *weight.entry((l.size * 2.0).round() as i32).or_default() += l.text.chars().count();
    }
    weight
        .into_iter()
        .max_by_key(|(s, n)| (*n, -*s))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

fn layout(pages: &[Page], roles: &[Vec<Role>]) -> Layout {
    let size = body_size(pages);
    let body = || {
        pages
            .iter()
            .zip(roles)
            .flat_map(|(p, r)| p.lines.iter().zip(r.iter()))
            .filter(|(l, r)| **r == Role::Body && (l.size - size).abs() < 0.6)
            .map(|(l, _)| l)
    };
    let mut lefts: Vec<f32> = body().map(|l| l.left).collect();
    let mut rights: Vec<f32> = body().map(|l| l.right).collect();
    lefts.sort_by(f32::total_cmp);
    rights.sort_by(f32::total_cmp);
    let margin = lefts.get(lefts.len() / 10).copied().unwrap_or(0.0);
    let right = rights.get(rights.len() * 9 / 10).copied().unwrap_or(0.0);
    let mut gaps: Vec<f32> = Vec::new();
    for (page, r) in pages.iter().zip(roles) {
        let lines: Vec<&Line> = page
            .lines
            .iter()
            .zip(r)
            .filter(|(l, r)| **r == Role::Body && (l.size - size).abs() < 0.6)
            .map(|(l, _)| l)
            .collect();
        for w in lines.windows(2) {
            let d = w[1].top - w[0].top;
            if d > size * 0.5 {
                gaps.push(d);
            }
        }
    }
    // The line spacing is the smallest gap that is common: with many short
    // paragraphs the gaps between paragraphs may outnumber those between
    // lines.
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for g in &gaps {
        let k = (g * 2.0).round() as i32;
        match counts.iter_mut().find(|(key, _)| *key == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    counts.sort_unstable();
    let spacing = counts
        .iter()
        .find(|(_, n)| n * 10 >= gaps.len())
        .map(|(k, _)| *k as f32 / 2.0);
    Layout {
        size,
        margin,
        right,
        spacing,
    }
}

/// A page header or footer line that needs no repetition to be recognised:
/// a page counter (`7`, `7/41`, `Page 7 of 41`, `- 7 -`), a document symbol
/// (`A/RES/79/243`), a job number (`24-25178 (E) 100125`), a bar code
/// (`*2425178*`), or a line made only of these.
pub fn is_page_furniture(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() {
        return false;
    }
    let lower = line.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        let rest: Vec<&str> = rest.split_whitespace().collect();
        let number = |s: &str| s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty();
        return match rest.as_slice() {
            [n] => number(n),
            [n, "of" | "/", m] => number(n) && number(m),
            _ => false,
        };
    }
    let mut furniture = 0;
    for t in &tokens {
        if is_furniture_token(t) {
            furniture += 1;
        } else if matches!(*t, "-" | "–" | "—" | "|") {
            continue;
        } else {
            return false;
        }
    }
    furniture > 0
}

/// A line that opens or closes with a document symbol or job number.
fn is_symbol_line(line: &str) -> bool {
    let mut tokens = line.split_whitespace();
    let symbolic = |t: &str| {
        t.contains('/') && is_furniture_token(t) || t.contains('-') && is_furniture_token(t)
    };
    tokens.next().is_some_and(symbolic) || tokens.next_back().is_some_and(symbolic)
}

fn is_furniture_token(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    // Counters: 7, 7/41; a year-sized number alone counts too.
    if digits(b) && b.len() <= 4 {
        return true;
    }
    if let Some((a, c)) = t.split_once('/')
        && digits(a.as_bytes())
        && digits(c.as_bytes())
        && a.len() <= 4
        && c.len() <= 4
    {
        return true;
    }
    // Job numbers: 24-25178, V.24-01234, with (E) and a six-digit date.
    if t == "(E)" || t == "(F)" || t == "(S)" || digits(b) && b.len() == 6 {
        return true;
    }
    let job = t.strip_prefix("V.").unwrap_or(t).as_bytes();
    if job.len() == 8 && job[2] == b'-' && digits(&job[..2]) && digits(&job[3..]) {
        return true;
    }
    // Bar codes.
    if b.len() >= 3 && b[0] == b'*' && b[b.len() - 1] == b'*' && digits(&b[1..b.len() - 1]) {
        return true;
    }
    // Document symbols: A/RES/79/243, A/AC.291/L.1, E/CN.15/2024/1.
    let mut parts = t.split('/');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=4).contains(&first.len())
        && first.bytes().all(|c| c.is_ascii_uppercase())
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.' || c == b'-')
        })
        && rest.iter().any(|p| p.bytes().any(|c| c.is_ascii_digit()))
}

/// The marker that opens a footnote (`12 Text`, `¹ Text`, `* Text`) and the
/// byte offset where its text starts.
fn note_marker(line: &str) -> Option<(String, usize)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let marker: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || superscript_value(*c).is_some())
        .map(|c| superscript_value(c).unwrap_or(c))
        .collect();
    let (marker, len) = if !marker.is_empty() {
        let len: usize = t
            .chars()
            .take_while(|c| c.is_ascii_digit() || superscript_value(*c).is_some())
            .map(char::len_utf8)
            .sum();
        (marker, len)
    } else {
        let c = t.chars().next()?;
        if !matches!(c, '*' | '†' | '‡') {
            return None;
        }
        (c.to_string(), c.len_utf8())
    };
    if marker.len() > 3 {
        return None;
    }
    let after = &t[len..];
    // "12 Text" or "12Text": a marker needs text after it, not a number or
    // a full stop (which would make it an item or a figure).
    let next = after.chars().next()?;
    if next.is_ascii_digit() || next == '.' || next == ')' || next == '/' {
        return None;
    }
    Some((
        marker,
        lead + len + (after.len() - after.trim_start().len()),
    ))
}

/// The superscript form of a digit (footnote references).
pub(crate) fn to_superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        c => c,
    }
}

fn superscript_value(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// A line that opens a numbered paragraph or item: `1.`, `(a)`, `(iv)`.
pub fn starts_item(line: &str) -> bool {
    let b = line.trim_start().as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && b.get(digits) == Some(&b'.') {
        return b.get(digits + 1).is_none_or(|c| c.is_ascii_whitespace());
    }
    if b.first() == Some(&b'(') {
        let letters = b[1..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            .count();
        return (1..=4).contains(&letters) && b.get(1 + letters) == Some(&b')');
    }
    false
}

/// A heading line that names a part rather than titles it: it stands alone
/// (`Article 5`, `Chapter IV`, `Annex`, `Preamble`).
fn is_label(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [w] => matches!(
            w.to_lowercase().as_str(),
            "annex" | "preamble" | "contents" | "introduction"
        ),
        [w, n] => {
            matches!(
                w.to_lowercase().as_str(),
                "article" | "chapter" | "part" | "section" | "annex"
            ) && n.chars().all(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
            || superscript_value(c).is_some()
    });
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// The words of the document as written on one line, to decide line-end
/// hyphens: `cyber-` + `crime` is joined to `cybercrime` only if the
/// document does not itself write `cyber-crime` on one line.
#[derive(Default)]
struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    fn add_line(&mut self, line: &str) {
        // The last word may be cut; it says nothing.
        let mut words: Vec<&str> = line.split_whitespace().collect();
        if line.trim_end().ends_with(['-', '\u{2010}']) {
            words.pop();
        }
        for w in words {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if w.chars().any(char::is_alphabetic) {
                self.words.insert(w.to_lowercase());
            }
        }
    }

    /// Joins `before` (ending with a hyphen) and the next line `after`.
    fn join(&self, before: &str, after: &str) -> String {
        let head = before.trim_end();
        let stem_with_hyphen = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let stem = stem_with_hyphen
            .trim_end_matches(['-', '\u{2010}'])
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let next_word = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let keep_hyphen = {
            let lower_stem = stem.to_lowercase();
            let lower_next = next_word.to_lowercase();
            let compound = format!("{lower_stem}-{lower_next}");
            let joined = format!("{lower_stem}{lower_next}");
            let starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
            let stem_is_word = stem.chars().last().is_some_and(char::is_alphabetic);
            if !starts_lower || !stem_is_word || stem.chars().count() < 2 {
                // `COVID-` `19`, `UN-` `led`, `Anti-` `Corruption`: not a split word.
                true
            } else if self.words.contains(&compound) {
                true
            } else if self.words.contains(&joined) {
                false
            } else {
                // No evidence either way: the usual compound prefixes keep
                // their hyphen, anything else was split by the line end.
                matches!(
                    lower_stem.as_str(),
                    "self" | "non" | "cross" | "well" | "third"
                )
            }
        };
        if keep_hyphen {
            format!("{head}{}", after.trim_start())
        } else {
            let cut = head.trim_end_matches(['-', '\u{2010}']);
            format!("{cut}{}", after.trim_start())
        }
    }
}

fn ends_with_hyphen(text: &str) -> bool {
    let t = text.trim_end();
    (t.ends_with('-') || t.ends_with('\u{2010}'))
        && t.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric())
}

/// Builds the document's blocks from its pages.
pub fn rebuild(pages: &[Page]) -> Vec<Block> {
    let roles = classify(pages);
    let layout = layout(pages, &roles);
    let mut vocabulary = Vocabulary::default();
    for (page, r) in pages.iter().zip(&roles) {
        for (l, role) in page.lines.iter().zip(r) {
            if *role == Role::Body {
                vocabulary.add_line(&l.text);
            }
        }
    }
    let heading_sizes = heading_sizes(pages, &roles, &layout);
    let mut builder = Builder {
        blocks: Vec::new(),
        current: None,
        pending_notes: Vec::new(),
        vocabulary,
    };
    let mut previous: Option<&Line> = None;
    for (p, (page, r)) in pages.iter().zip(&roles).enumerate() {
        let number = u32::try_from(p + 1).unwrap_or(u32::MAX);
        let mut notes: Vec<Block> = Vec::new();
        for (line, role) in page.lines.iter().zip(r) {
            match role {
                Role::Furniture => continue,
                Role::Note => {
                    match note_marker(&line.text) {
                        Some((marker, at)) => notes.push(Block {
                            kind: BlockKind::Note(marker),
                            text: line.text[at..].trim().to_string(),
                            page: Some(number),
                        }),
                        None => {
                            if let Some(last) = notes.last_mut() {
                                last.text = join_lines(&builder.vocabulary, &last.text, &line.text);
                            }
                        }
                    }
                    continue;
                }
                Role::Body => {}
            }
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            let level = heading_level(line, &layout, &heading_sizes);
            let same_page = previous.is_some() && builder.current_page() == Some(number);
            match level {
                Some(level) => builder.heading(level, text, number),
                None => {
                    let new = match (&builder.current, previous) {
                        (
                            Some(Open {
                                kind: BlockKind::Paragraph,
                                ..
                            }),
                            Some(prev),
                        ) => starts_item(text) || paragraph_break(prev, line, &layout, same_page),
                        _ => true,
                    };
                    if new {
                        builder.paragraph(text, number);
                    } else {
                        builder.continue_with(text);
                    }
                }
            }
            previous = Some(line);
        }
        for note in notes {
            builder.attach(note);
        }
    }
    builder.finish()
}

/// Whether `line` opens a new paragraph after `prev`.
fn paragraph_break(prev: &Line, line: &Line, layout: &Layout, same_page: bool) -> bool {
    let size = layout.size;
    let short = prev.right < layout.right - (layout.right - layout.margin) * 0.2;
    let indented = line.left > layout.margin + size * 1.2 && line.left > prev.left + size;
    if same_page {
        if let Some(spacing) = layout.spacing
            && line.top - prev.top > spacing * 1.45
        {
            return true;
        }
        if line.top < prev.top {
            // A new column or a line placed higher up: read as text that
            // follows, not as a break.
            return short && ends_sentence(&prev.text);
        }
    }
    (short && ends_sentence(&prev.text)) || (indented && ends_sentence(&prev.text))
}

/// Heading sizes from the largest, each a level.
fn heading_sizes(pages: &[Page], roles: &[Vec<Role>], layout: &Layout) -> Vec<i32> {
    let mut sizes: Vec<i32> = pages
        .iter()
        .zip(roles)
        .flat_map(|(p, r)| p.lines.iter().zip(r))
        .filter(|(l, r)| **r == Role::Body && l.size >= layout.size * 1.15)
        .map(|(l, _)| (l.size * 2.0).round() as i32)
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    sizes
}

/// The heading level of a line: set larger than the body, or short and
/// centred on the text column. `None` for body text.
fn heading_level(line: &Line, layout: &Layout, sizes: &[i32]) -> Option<u8> {
    let key = (line.size * 2.0).round() as i32;
    if line.size >= layout.size * 1.15
        && let Some(i) = sizes.iter().position(|s| *s == key)
    {
        return Some(u8::try_from(i + 1).unwrap_or(6).min(5));
    }
    let column = layout.right - layout.margin;
    if column <= 0.0 || starts_item(&line.text) {
        return None;
    }
    let width = line.right - line.left;
    let centre = (line.left + line.right) / 2.0;
    let column_centre = (layout.margin + layout.right) / 2.0;
    let centred = width < column * 0.7
        && (centre - column_centre).abs() < column * 0.04
        && line.left > layout.margin + layout.size * 2.0;
    (centred && !ends_sentence(&line.text) && line.text.chars().count() < 120)
        .then(|| u8::try_from(sizes.len() + 1).unwrap_or(6).min(6))
}

fn join_lines(vocabulary: &Vocabulary, before: &str, after: &str) -> String {
    if ends_with_hyphen(before) {
        vocabulary.join(before, after)
    } else {
        format!("{} {}", before.trim_end(), after.trim_start())
    }
}

struct Open {
    kind: BlockKind,
    text: String,
    page: u32,
    last_page: u32,
    /// For a heading: whether it is a label that stands alone.
    closed: bool,
}

struct Builder {
    blocks: Vec<Block>,
    current: Option<Open>,
    pending_notes: Vec<Block>,
    vocabulary: Vocabulary,
}

impl Builder {
    fn current_page(&self) -> Option<u32> {
        self.current.as_ref().map(|o| o.last_page)
    }

    fn close(&mut self) {
        if let Some(open) = self.current.take() {
            self.blocks.push(Block {
                kind: open.kind,
                text: open.text,
                page: Some(open.page),
            });
        }
        // Notes follow the paragraph in which their page ended.
        self.blocks.append(&mut self.pending_notes);
    }

    /// Places a note of the page just read: after the closed paragraph that
    /// holds its reference mark, or else after the paragraph still open.
    fn attach(&mut self, note: Block) {
        let BlockKind::Note(marker) = &note.kind else {
            return;
        };
        let mark: String = marker.chars().map(to_superscript).collect();
        let open_has_it = self
            .current
            .as_ref()
            .is_some_and(|o| o.kind == BlockKind::Paragraph && o.text.contains(&mark));
        if !open_has_it
            && let Some(at) = self.blocks.iter().rposition(|b| {
                b.kind == BlockKind::Paragraph && b.page == note.page && b.text.contains(&mark)
            })
        {
            let mut after = at + 1;
            while self
                .blocks
                .get(after)
                .is_some_and(|b| matches!(b.kind, BlockKind::Note(_)))
            {
                after += 1;
            }
            self.blocks.insert(after, note);
            return;
        }
        self.pending_notes.push(note);
    }

    fn heading(&mut self, level: u8, text: &str, page: u32) {
        if let Some(open) = &mut self.current
            && open.kind == BlockKind::Heading(level)
            && !open.closed
            && !is_label(text)
        {
            // A title that wraps onto a second line.
            open.text = join_lines(&self.vocabulary, &open.text, text);
            open.last_page = page;
            return;
        }
        self.close();
        self.current = Some(Open {
            kind: BlockKind::Heading(level),
            text: text.to_string(),
            page,
            last_page: page,
            closed: is_label(text),
        });
    }

    fn paragraph(&mut self, text: &str, page: u32) {
        self.close();
        self.current = Some(Open {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            page,
            last_page: page,
            closed: false,
        });
    }

    fn continue_with(&mut self, text: &str) {
        if let Some(open) = &mut self.current {
            open.text = join_lines(&self.vocabulary, &open.text, text);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close();
        self.blocks
    }
}

/// The body lines of each page (headings included; furniture and footnotes
/// left out), each with its 1-based line number on the page, for reading
/// the convention's own layout of headings and numbered paragraphs.
pub fn body_lines(pages: &[Page]) -> Vec<Vec<(usize, String)>> {
    let roles = classify(pages);
    pages
        .iter()
        .zip(&roles)
        .map(|(page, r)| {
            page.lines
                .iter()
                .zip(r)
                .enumerate()
                .filter(|(_, (_, role))| **role == Role::Body)
                .map(|(i, (l, _))| (i + 1, l.text.clone()))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, top: f32, size: f32) -> Line {
        let right = 72.0 + text.chars().count() as f32 * size * 0.5;
        Line {
            text: text.to_string(),
            left: 72.0,
            right: right.min(540.0),
            top,
            size,
        }
    }

    fn full(text: &str, top: f32) -> Line {
        Line {
            right: 540.0,
            ..line(text, top, 10.0)
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading(l) => format!("H{l} {}", b.text),
                BlockKind::Paragraph => b.text.clone(),
                BlockKind::Note(m) => format!("N{m} {}", b.text),
            })
            .collect()
    }

    #[test]
    fn furniture_is_recognised() {
        for l in [
            "A/RES/79/243",
            "24-25178 (E) 100125",
            "*2425178*",
            "7/41",
            "12",
            "Page 3 of 9",
            "- 7 -",
            "A/RES/79/243 3/43",
        ] {
            assert!(is_page_furniture(l), "{l}");
        }
        for l in [
            "1.",
            "(a)",
            "Article 2",
            "24/7 network",
            "A/RES/79/243, paragraph 3",
        ] {
            assert!(!is_page_furniture(l), "{l}");
        }
    }

    #[test]
    fn hyphens_join_split_words_only() {
        let mut v = Vocabulary::default();
        v.add_line("a well-known cross-border case of cyber-related harm");
        assert_eq!(
            v.join("the inter-", "national order"),
            "the international order"
        );
        assert_eq!(v.join("cyber-", "related harm"), "cyber-related harm");
        assert_eq!(v.join("COVID-", "19 rules"), "COVID-19 rules");
        assert_eq!(v.join("self-", "incrimination"), "self-incrimination");
        assert_eq!(v.join("Arti-", "cle 47"), "Article 47");
    }

    #[test]
    fn pages_become_paragraphs_without_furniture() {
        let pages = vec![
            Page {
                lines: vec![
                    line("Running title", 30.0, 9.0),
                    full("The first paragraph runs over", 100.0),
                    line("two lines.", 112.0, 10.0),
                    full("The second paragraph goes on to the next", 136.0),
                    line("1 A footnote of the first page.", 700.0, 8.0),
                    line("1/2", 760.0, 9.0),
                ],
            },
            Page {
                lines: vec![
                    line("Running title", 30.0, 9.0),
                    line("page and ends here.", 100.0, 10.0),
                    line("2/2", 760.0, 9.0),
                ],
            },
        ];
        let blocks = rebuild(&pages);
        assert_eq!(
            texts(&blocks),
            vec![
                "The first paragraph runs over two lines.",
                "The second paragraph goes on to the next page and ends here.",
                "N1 A footnote of the first page.",
            ]
        );
    }
}
