//! Finds citations of this convention's provisions (articles, chapters, the preamble) in free text and resolves them to targets.
//!
//! The extractor is deliberately conservative: a reference that points at another
//! instrument (`article 19 of the ICCPR`) or at the NGO `ARTICLE 19` yields nothing,
//! while a reference that clearly means this convention but cannot be resolved
//! (`Article 69`, `Articles 42-26`, `Chapter X`) yields an unresolved [`Citation`]
//! carrying a `problem`, so that callers can report it instead of linking it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Match, Regex};

use crate::corpus::target::{
    ARTICLE_COUNT, CHAPTER_COUNT, Target, TargetError, parse_article, parse_chapter, roman,
};

/// One reference to the convention found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte span in the input, on char boundaries.
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in chars.
    pub column: usize,
    /// The matched text, exactly `&input[span]`.
    pub text: String,
    /// What the citation resolves to; empty when unresolved.
    pub targets: Vec<Target>,
    /// Sub-division given with the citation, e.g. `(2)(b)` or `para. 2`.
    pub pinpoint: Option<String>,
    /// Why the citation could not be resolved; `None` when resolved.
    pub problem: Option<String>,
}

impl Citation {
    /// True when the citation points at at least one existing provision.
    pub fn is_resolved(&self) -> bool {
        self.problem.is_none() && !self.targets.is_empty()
    }
}

/// Finds every citation of the convention in `text`, sorted by position and
/// never overlapping.
pub fn extract(text: &str) -> Vec<Citation> {
    let mut hits = Vec::new();
    for caps in PATTERNS.citation.captures_iter(text) {
        collect_hits(text, &caps, &mut hits);
    }
    let others = super::languages::hits(text);
    if !others.is_empty() {
        hits.extend(others);
        // In order, and never overlapping: of two that overlap, the one that
        // starts first (or, starting together, the longer) is kept.
        hits.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut end = 0;
        hits.retain(|h| {
            let keep = h.span.start >= end;
            if keep {
                end = h.span.end;
            }
            keep
        });
    }
    // The scan yields hits in order, so one forward walk locates them all:
    // recounting from the start for each hit would be quadratic on long lines.
    let mut locator = Locator::new(text);
    hits.into_iter()
        .map(|hit| {
            let (line, column) = locator.locate(hit.span.start);
            Citation {
                text: text[hit.span.clone()].to_string(),
                span: hit.span,
                line,
                column,
                targets: hit.targets,
                pinpoint: hit.pinpoint,
                problem: hit.problem,
            }
        })
        .collect()
}

/// A citation before its line and column are known.
pub(super) struct Hit {
    span: Range<usize>,
    targets: Vec<Target>,
    pinpoint: Option<String>,
    problem: Option<String>,
}

impl Hit {
    /// An article, or a range of articles when `to` is given.
    pub(super) fn article(
        span: Range<usize>,
        from: &str,
        to: Option<&str>,
        pinpoint: Option<String>,
    ) -> Self {
        let resolved = match to {
            Some(to) => resolve_range(Kind::Article, from, to),
            None => resolve_article(from),
        };
        Hit::new(span, resolved, pinpoint)
    }

    /// A chapter, or a range of chapters when `to` is given.
    pub(super) fn chapter(span: Range<usize>, from: &str, to: Option<&str>) -> Self {
        let resolved = match to {
            Some(to) => resolve_range(Kind::Chapter, from, to),
            None => resolve_chapter(from),
        };
        Hit::new(span, resolved, None)
    }

    fn new(
        span: Range<usize>,
        resolved: Result<Vec<Target>, String>,
        pinpoint: Option<String>,
    ) -> Self {
        let (targets, problem) = match resolved {
            Ok(targets) => (targets, None),
            Err(problem) => (Vec::new(), Some(problem)),
        };
        Hit {
            span,
            targets,
            pinpoint,
            problem,
        }
    }
}

// Pattern pieces. Every `\b` is rewritten to an ASCII word boundary when the
// patterns are compiled (see `ascii_boundaries`).

/// An arabic number, ending on a word boundary so `23rd` is not article 23.
const NUM: &str = r"[0-9]+\b";
/// Range dashes: hyphen, Unicode hyphen, non-breaking hyphen, en dash, em dash.
const DASH: &str = r"\s*[-\x{2010}\x{2011}\x{2013}\x{2014}]\s*";
/// Worded ranges, only accepted after a plural keyword.
const WORD_TO: &str = r"\s+(?:to|through|à|au|al|a)\s+";
/// `(2)(b)`, `(a)`, `(ii)`: lower-case only, so `(UK)` or `(2019)` stay prose.
/// Only spaces or tabs may precede a parenthesis: an `(a)` on the next line
/// is the document's own list numbering. The space is written `\x20` because
/// the citation pattern is compiled in verbose mode, which drops literal
/// spaces even inside classes.
const PIN: &str = r"(?:[\x20\t]?\((?-i:[0-9]{1,3}|[a-z]{1,2}|[ivx]{1,5})\))+";
/// Separators of a list of numbers.
const SEP: &str =
    r"(?:\s*,\s*(?:(?:and/or|and|or|et|ou|y|e|o|u)\s+)?|\s+(?:and/or|and|or|et|ou|y|e|o|u)\s+)";
/// A line end inside a word, hyphenated by a PDF's layout: `Arti-` / `cle`.
const BREAK: &str = r"(?:-[\x20\t]*\r?\n[\x20\t]*)?";

/// `word` as a pattern that also matches it split across a line end by a
/// hyphen at any point.
fn broken(word: &str) -> String {
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        if i > 0 {
            out.push_str(BREAK);
        }
        out.push(c);
    }
    out
}

/// English numbers from one to ninety-nine, spelled out (`twenty-six`).
const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The pattern of a spelled-out number; longer words first, so that
/// `seventeen` is not read as `seven`.
fn word_number_pattern() -> String {
    let mut units: Vec<&str> = UNITS.to_vec();
    units.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let units = units.join("|");
    let tens = TENS.join("|");
    format!(r"(?:(?:{tens})(?:[-\x{{2010}}\s](?:{units}))?|{units})\b")
}

/// The value of a spelled-out number (`Twenty-six` -> 26).
fn word_number(written: &str) -> Option<u32> {
    let lower = written.to_lowercase();
    let mut total = 0u32;
    for part in lower.split(|c: char| c == '-' || c == '\u{2010}' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        if let Some(i) = TENS.iter().position(|t| *t == part) {
            total += 20 + 10 * u32::try_from(i).ok()?;
        } else if let Some(i) = UNITS.iter().position(|u| *u == part) {
            total += 1 + u32::try_from(i).ok()?;
        } else {
            return None;
        }
    }
    (total > 0).then_some(total)
}
/// A chapter number: arabic, any upper-case roman (so `Chapter X` is reported
/// rather than ignored), or a lower-case roman within I..IX (wider lower-case
/// letters would turn `chapter did` into a citation).
const CNUM: &str = r"(?:[0-9]+|(?-i:[IVX]+|viii|vii|vi|v|iv|iii|ii|ix|i))\b";

/// Descriptive names of parts of the convention: (group name, pattern after
/// "the", target).
const DESCRIPTIVE: &[(&str, &str, Target)] = &[
    ("d_pre", r"preamble", Target::Preamble),
    (
        "d_gen1",
        r"chapter\s+on\s+general\s+provisions",
        Target::Chapter(1),
    ),
    (
        "d_gen2",
        r"general\s+provisions\s+chapter",
        Target::Chapter(1),
    ),
    (
        "d_crim1",
        r"criminali[sz]ation\s+chapter",
        Target::Chapter(2),
    ),
    (
        "d_crim2",
        r"chapter\s+on\s+criminali[sz]ation",
        Target::Chapter(2),
    ),
    (
        "d_jur1",
        r"jurisdiction(?:al)?\s+chapter",
        Target::Chapter(3),
    ),
    ("d_jur2", r"chapter\s+on\s+jurisdiction", Target::Chapter(3)),
    ("d_proc1", r"procedural\s+chapter", Target::Chapter(4)),
    (
        "d_proc2",
        r"chapter\s+on\s+procedural\s+measures(?:\s+and\s+law\s+enforcement)?",
        Target::Chapter(4),
    ),
    (
        "d_coop1",
        r"(?:international\s+)?co-?operation\s+chapter",
        Target::Chapter(5),
    ),
    (
        "d_coop2",
        r"chapter\s+on\s+international\s+co-?operation",
        Target::Chapter(5),
    ),
    (
        "d_prev",
        r"chapter\s+on\s+preventive\s+measures",
        Target::Chapter(6),
    ),
    (
        "d_tech",
        r"chapter\s+on\s+technical\s+assistance(?:\s+and\s+information\s+exchange)?",
        Target::Chapter(7),
    ),
    (
        "d_mech",
        r"chapter\s+on\s+(?:the\s+)?mechanism\s+of\s+implementation",
        Target::Chapter(8),
    ),
    (
        "d_fin1",
        r"chapter\s+on\s+final\s+provisions",
        Target::Chapter(9),
    ),
    (
        "d_fin2",
        r"final\s+provisions\s+chapter",
        Target::Chapter(9),
    ),
];

struct Patterns {
    /// Every citation form, as one alternation so that matches never overlap
    /// and a rejected match (another instrument) hides what it contains.
    citation: Regex,
    /// One item of an article list, run over the list the citation matched.
    article_item: Regex,
    /// One item of a chapter list.
    chapter_item: Regex,
    /// `of` right after a citation, which names the instrument cited.
    of: Regex,
    /// Names of this convention that may follow `of`.
    ours: Regex,
    /// What follows "the Convention" when it names another convention
    /// ("on Cybercrime", "against Torture"), or ours ("against Cybercrime").
    convention_suffix: Regex,
}

/// Rewrites `\b` to its ASCII form: the lazy DFA cannot run Unicode word
/// boundaries on non-ASCII text (it would fall back to a much slower engine),
/// and with Unicode boundaries a citation glued to CJK text ("根据Article 23")
/// would be missed. Non-ASCII letters next to a keyword are rare in prose.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

fn compile(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern)).expect("citation patterns are fixed and valid")
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let para_kw = r"(?:\bparagraph\s+|\bparagraphe\s+|\bp[aá]rrafo\s+|\bpara\.\s*|\bpara\s+)";
    let article = broken("article");
    let articles = broken("articles");
    let chapter = broken("chapter");
    let chapters = broken("chapters");
    let words = word_number_pattern();
    let art_item = format!(r"{NUM}(?:(?:{DASH}|{WORD_TO}){NUM}|{PIN})?");
    let chap_item = format!(r"{CNUM}(?:(?:{DASH}|{WORD_TO}){CNUM})?");
    let descriptive = DESCRIPTIVE
        .iter()
        .map(|(name, pattern, _)| format!("(?P<{name}>{pattern})"))
        .collect::<Vec<_>>()
        .join("|");
    let citation = format!(
        r"(?xi)
        (?P<para>{para_kw}(?P<pn>{NUM})(?P<ppin>{PIN})?\s+(?:of|de\s+l['’]|du|del|de)\s*
            (?:\b{article}\b|\bart[ií]culo\b|\bart\.)\s*(?P<pa>{NUM}))
        |(?P<arts>(?:\b{articles}\b|\bart[ií]culos\b|\barts\.)\s*(?P<alist>{art_item}(?:{SEP}{art_item})*))
        |(?P<art>(?P<ak>\b{article}\b|\bart[ií]culo\b|\bart\.|\bart\b)\s*(?:(?P<a1>{NUM})|(?P<aw>{words}))
            (?:{DASH}(?P<a2>{NUM})|(?P<apin>{PIN})
              |,?\s+{para_kw}(?P<apn>{NUM})(?P<appin>{PIN})?(?:\s+lit\.?\s*(?P<alit>(?-i:[a-z]))\b)?)?)
        |(?P<chaps>(?:\b{chapters}\b|\bchapitres\b|\bcap[ií]tulos\b)\s*(?P<clist>{chap_item}(?:{SEP}{chap_item})*))
        |(?P<chap>(?:\b{chapter}\b|\bchapitre\b|\bcap[ií]tulo\b)\s*(?P<c1>{CNUM})(?:{DASH}(?P<c2>{CNUM}))?)
        |(?P<desc>\bthe\s+(?:{descriptive})\b)"
    );
    Patterns {
        citation: compile(&citation),
        article_item: compile(&format!(
            r"(?i)\b(?P<a>[0-9]+)\b(?:(?:{DASH}|{WORD_TO})(?P<b>[0-9]+)\b|(?P<pin>{PIN}))?"
        )),
        chapter_item: compile(&format!(
            r"(?i)\b(?P<a>{CNUM})(?:(?:{DASH}|{WORD_TO})(?P<b>{CNUM}))?"
        )),
        // English, French and Spanish ways of naming what is cited.
        of: compile(
            r"(?i)^\s+(?:of\b|du\b|del\b|des\b|de\s+la\b|de\s+las?\b|de\s+los\b|de\s*l['’]|de\b)",
        ),
        ours: compile(
            r"(?i)^\s*(?:(?P<plain>(?:the\s+)?(?:draft\s+)?convention|convenci[oó]n)|this\s+convention|the\s+present\s+convention|the\s+(?:un|united\s+nations)\s+convention\s+against\s+cybercrime|(?:la\s+)?pr[ée]sente\s+convention|cette\s+convention|(?:la\s+)?presente\s+convenci[oó]n|esta\s+convenci[oó]n)(?:\b|$)",
        ),
        convention_suffix: compile(
            r"(?i)^\s+(?:(?P<ours>against\s+cybercrime|(?:des\s+nations\s+unies\s+)?contre\s+la\s+cybercriminalit|(?:de\s+las\s+naciones\s+unidas\s+)?contra\s+la\s+ciberdelincuencia)|(?:on|against|for|of|relating|concerning|between|establishing|sur|de|du|contre|relative|sobre|contra|del|de)\b)",
        ),
    }
});

/// What follows a citation.
#[derive(Debug, PartialEq, Eq)]
enum Tail {
    /// No `of`: the citation stands alone.
    Nothing,
    /// `of` naming this convention.
    Ours,
    /// `of` naming anything else: another instrument, a report, ...
    Foreign,
}

fn classify_tail(rest: &str) -> Tail {
    let p = &*PATTERNS;
    let Some(of) = p.of.find(rest) else {
        return Tail::Nothing;
    };
    let after_of = &rest[of.end()..];
    let Some(name) = p.ours.captures(after_of) else {
        return Tail::Foreign;
    };
    if name.name("plain").is_none() {
        return Tail::Ours;
    }
    // "the Convention" alone is ours, but "the Convention on Cybercrime" is
    // the Budapest Convention and "the Convention against Torture" another.
    let after_name = &after_of[name.get(0).map_or(0, |m| m.end())..];
    match p.convention_suffix.captures(after_name) {
        None => Tail::Ours,
        Some(suffix) if suffix.name("ours").is_some() => Tail::Ours,
        Some(_) => Tail::Foreign,
    }
}

fn required<'h>(caps: &Captures<'h>, name: &str) -> Match<'h> {
    caps.name(name)
        .expect("the pattern always captures this group when its branch matched")
}

/// Removes the spaces allowed between parentheses of a pinpoint.
fn tidy_pinpoint(pin: &str) -> String {
    pin.chars().filter(|c| !c.is_whitespace()).collect()
}

fn collect_hits(text: &str, caps: &Captures<'_>, hits: &mut Vec<Hit>) {
    let whole = caps.get(0).expect("group 0 always exists");
    let tail = classify_tail(&text[whole.end()..]);
    if tail == Tail::Foreign {
        return;
    }

    if caps.name("para").is_some() {
        let mut pinpoint = format!("para. {}", required(caps, "pn").as_str());
        if let Some(pin) = caps.name("ppin") {
            pinpoint.push_str(&tidy_pinpoint(pin.as_str()));
        }
        let resolved = resolve_article(required(caps, "pa").as_str());
        hits.push(Hit::new(whole.range(), resolved, Some(pinpoint)));
    } else if caps.name("art").is_some() {
        let spelled = caps
            .name("aw")
            .and_then(|w| word_number(w.as_str()))
            .map(|n| n.to_string());
        let number = match (&spelled, caps.name("a1")) {
            (Some(n), _) => n.as_str(),
            (None, Some(a1)) => a1.as_str(),
            (None, None) => return,
        };
        let keyword = required(caps, "ak").as_str();
        let range_end = caps.name("a2");
        let pinpoint = if let Some(pin) = caps.name("apin") {
            Some(tidy_pinpoint(pin.as_str()))
        } else {
            caps.name("apn").map(|n| {
                let mut sub = caps
                    .name("appin")
                    .map_or(String::new(), |p| tidy_pinpoint(p.as_str()));
                if let Some(lit) = caps.name("alit") {
                    sub.push_str(&format!("({})", lit.as_str()));
                }
                format!("para. {}{sub}", n.as_str())
            })
        };
        // The freedom-of-expression organisation is written in capitals and
        // never cites anything; "ARTICLE 19 of the Convention" still does.
        if keyword == "ARTICLE"
            && number == "19"
            && range_end.is_none()
            && pinpoint.is_none()
            && tail == Tail::Nothing
        {
            return;
        }
        let resolved = match range_end {
            Some(end) => resolve_range(Kind::Article, number, end.as_str()),
            None => resolve_article(number),
        };
        hits.push(Hit::new(whole.range(), resolved, pinpoint));
    } else if caps.name("arts").is_some() {
        list_hits(caps, "alist", &PATTERNS.article_item, Kind::Article, hits);
    } else if caps.name("chap").is_some() {
        let first = required(caps, "c1").as_str();
        let resolved = match caps.name("c2") {
            Some(end) => resolve_range(Kind::Chapter, first, end.as_str()),
            None => resolve_chapter(first),
        };
        hits.push(Hit::new(whole.range(), resolved, None));
    } else if caps.name("chaps").is_some() {
        list_hits(caps, "clist", &PATTERNS.chapter_item, Kind::Chapter, hits);
    } else if caps.name("desc").is_some() {
        let target = DESCRIPTIVE
            .iter()
            .find(|(name, _, _)| caps.name(name).is_some())
            .map(|(_, _, target)| *target);
        if let Some(target) = target {
            hits.push(Hit::new(whole.range(), Ok(vec![target]), None));
        }
    }
}

/// The items of a list (`Articles 21, 23, 24 and 35`, `Chapters II to IV and
/// VI`): one hit per item, a range resolving to every provision in it. The
/// first item's hit starts at the list's keyword; an article item may carry
/// a pinpoint (`24(2)`).
fn list_hits(
    caps: &regex::Captures,
    list_group: &str,
    item_pattern: &regex::Regex,
    kind: Kind,
    hits: &mut Vec<Hit>,
) {
    let whole = caps.get(0).expect("group 0 always exists");
    let list = required(caps, list_group);
    for (i, item) in item_pattern.captures_iter(list.as_str()).enumerate() {
        let m = item.get(0).expect("group 0 always exists");
        let start = if i == 0 {
            whole.start()
        } else {
            list.start() + m.start()
        };
        let a = required(&item, "a").as_str();
        let (resolved, pinpoint) = match (item.name("b"), kind) {
            (Some(b), _) => (resolve_range(kind, a, b.as_str()), None),
            (None, Kind::Article) => (
                resolve_article(a),
                item.name("pin").map(|p| tidy_pinpoint(p.as_str())),
            ),
            (None, Kind::Chapter) => (resolve_chapter(a), None),
        };
        hits.push(Hit::new(start..list.start() + m.end(), resolved, pinpoint));
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Article,
    Chapter,
}

impl Kind {
    /// The number as written, if it is one of the convention's articles or
    /// chapters (roman or arabic figures for a chapter).
    fn number(self, written: &str) -> Option<u8> {
        match self {
            Kind::Article => parse_article(written).ok(),
            Kind::Chapter => parse_chapter(written).ok(),
        }
    }

    fn target(self, n: u8) -> Target {
        match self {
            Kind::Article => Target::Article(n),
            Kind::Chapter => Target::Chapter(n),
        }
    }
}

fn resolve_article(written: &str) -> Result<Vec<Target>, String> {
    parse_article(written)
        .map(|n| vec![Target::Article(n)])
        .map_err(|_| TargetError::NoSuchArticle(written.to_string()).to_string())
}

fn resolve_chapter(written: &str) -> Result<Vec<Target>, String> {
    parse_chapter(written)
        .map(|n| vec![Target::Chapter(n)])
        .map_err(|_| TargetError::NoSuchChapter(written.to_string()).to_string())
}

fn resolve_range(kind: Kind, from: &str, to: &str) -> Result<Vec<Target>, String> {
    match (kind.number(from), kind.number(to)) {
        (Some(a), Some(b)) if a <= b => Ok((a..=b).map(|n| kind.target(n)).collect()),
        (Some(_), Some(_)) => Err(format!(
            "reversed range {from}-{to}: a range runs from the lower number to the higher"
        )),
        _ => Err(match kind {
            Kind::Article => format!(
                "range {from}-{to} reaches outside the articles, which run from 1 to {ARTICLE_COUNT}"
            ),
            Kind::Chapter => format!(
                "range {from}-{to} reaches outside the chapters, which run from I to {}",
                roman(CHAPTER_COUNT).unwrap_or("IX")
            ),
        }),
    }
}

/// Turns byte offsets into 1-based line and char column, for offsets given
/// in increasing order, walking the text only once.
struct Locator<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    fn locate(&mut self, offset: usize) -> (usize, usize) {
        // Offsets come from regex matches, so they are in bounds and on char
        // boundaries; `get` keeps a broken invariant from panicking.
        if let Some(skipped) = self.text.get(self.pos..offset) {
            for c in skipped.chars() {
                if c == '\n' {
                    self.line += 1;
                    self.column = 1;
                } else {
                    self.column += 1;
                }
            }
            self.pos = offset;
        }
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Target::{Article as A, Chapter as C, Preamble};

    /// (text, targets, pinpoint) of every citation, resolved or not.
    fn found(input: &str) -> Vec<(String, Vec<Target>, Option<String>)> {
        extract(input)
            .into_iter()
            .map(|c| (c.text, c.targets, c.pinpoint))
            .collect()
    }

    fn one(
        text: &str,
        targets: Vec<Target>,
        pin: Option<&str>,
    ) -> Vec<(String, Vec<Target>, Option<String>)> {
        vec![(text.to_string(), targets, pin.map(str::to_string))]
    }

    #[test]
    fn single_article_forms() {
        let cases: &[(&str, &str, Target, Option<&str>)] = &[
            ("See Article 23 here.", "Article 23", A(23), None),
            ("see article 23.", "article 23", A(23), None),
            ("ARTICLE 23", "ARTICLE 23", A(23), None),
            ("under Art. 23,", "Art. 23", A(23), None),
            (
                "under art. 23(2)(b) and",
                "art. 23(2)(b)",
                A(23),
                Some("(2)(b)"),
            ),
            ("Article 2 (a) defines", "Article 2 (a)", A(2), Some("(a)")),
            (
                "Article 23 (2) (b)",
                "Article 23 (2) (b)",
                A(23),
                Some("(2)(b)"),
            ),
            ("Article 5(ii)", "Article 5(ii)", A(5), Some("(ii)")),
            ("Article 1", "Article 1", A(1), None),
            ("Article 68.", "Article 68", A(68), None),
            ("Article 19 protects", "Article 19", A(19), None),
            ("article 19", "article 19", A(19), None),
            (
                "Article 24, paragraph 2",
                "Article 24, paragraph 2",
                A(24),
                Some("para. 2"),
            ),
            ("Art.23", "Art.23", A(23), None),
            ("Article 023", "Article 023", A(23), None),
            ("根据Article 23", "Article 23", A(23), None),
        ];
        for (input, text, target, pin) in cases {
            assert_eq!(
                found(input),
                one(text, vec![*target], *pin),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn paragraph_of_article() {
        let cases: &[(&str, &str, Target, &str)] = &[
            (
                "under paragraph 2 of article 24,",
                "paragraph 2 of article 24",
                A(24),
                "para. 2",
            ),
            ("para. 2 of Art. 24", "para. 2 of Art. 24", A(24), "para. 2"),
            (
                "Paragraph 3 (b) of Article 16",
                "Paragraph 3 (b) of Article 16",
                A(16),
                "para. 3(b)",
            ),
            (
                "paragraph 1 of article 24 of the Convention",
                "paragraph 1 of article 24",
                A(24),
                "para. 1",
            ),
        ];
        for (input, text, target, pin) in cases {
            assert_eq!(
                found(input),
                one(text, vec![*target], Some(pin)),
                "input {input:?}"
            );
        }
    }

    /// Text and targets of one expected citation.
    type Expected = (&'static str, &'static [Target]);

    #[test]
    fn lists_give_one_citation_per_number() {
        let got = extract("Articles 29 and 30 apply.");
        assert_eq!(got.len(), 2);
        assert_eq!(
            (got[0].text.as_str(), got[0].span.clone()),
            ("Articles 29", 0..11)
        );
        assert_eq!(got[0].targets, vec![A(29)]);
        assert_eq!((got[1].text.as_str(), got[1].span.clone()), ("30", 16..18));
        assert_eq!(got[1].targets, vec![A(30)]);
        assert_eq!(got[1].column, 17);

        let cases: &[(&str, &[Expected])] = &[
            (
                "Articles 21, 23, 24 and 35",
                &[
                    ("Articles 21", &[A(21)]),
                    ("23", &[A(23)]),
                    ("24", &[A(24)]),
                    ("35", &[A(35)]),
                ],
            ),
            (
                "Articles 12, 13 or 14",
                &[
                    ("Articles 12", &[A(12)]),
                    ("13", &[A(13)]),
                    ("14", &[A(14)]),
                ],
            ),
            (
                "Articles 12, 13, and 14",
                &[
                    ("Articles 12", &[A(12)]),
                    ("13", &[A(13)]),
                    ("14", &[A(14)]),
                ],
            ),
            ("Arts. 5 and 6", &[("Arts. 5", &[A(5)]), ("6", &[A(6)])]),
            (
                "Articles 2, 40 to 46 and 50",
                &[
                    ("Articles 2", &[A(2)]),
                    (
                        "40 to 46",
                        &[A(40), A(41), A(42), A(43), A(44), A(45), A(46)],
                    ),
                    ("50", &[A(50)]),
                ],
            ),
            (
                "Articles 2(a) and 3",
                &[("Articles 2(a)", &[A(2)]), ("3", &[A(3)])],
            ),
            (
                "Chapters IV and V",
                &[("Chapters IV", &[C(4)]), ("V", &[C(5)])],
            ),
            (
                "chapters 2, 3 and 9",
                &[("chapters 2", &[C(2)]), ("3", &[C(3)]), ("9", &[C(9)])],
            ),
        ];
        for (input, expected) in cases {
            let got: Vec<(String, Vec<Target>)> = extract(input)
                .into_iter()
                .map(|c| (c.text, c.targets))
                .collect();
            let want: Vec<(String, Vec<Target>)> = expected
                .iter()
                .map(|(t, ts)| (t.to_string(), ts.to_vec()))
                .collect();
            assert_eq!(got, want, "input {input:?}");
        }
        let pins: Vec<Option<String>> = extract("Articles 2(a) and 3")
            .into_iter()
            .map(|c| c.pinpoint)
            .collect();
        assert_eq!(pins, vec![Some("(a)".to_string()), None]);
    }

    #[test]
    fn ranges_give_one_citation() {
        let forty_to_46: Vec<Target> = (40..=46).map(A).collect();
        for input in [
            "Articles 40 to 46",
            "arts. 40-46",
            "Arts. 40-46",
            "Articles 40\u{2013}46",
            "Articles 40 through 46",
            "Articles 40 \u{2014} 46",
        ] {
            assert_eq!(
                found(input),
                one(input, forty_to_46.clone(), None),
                "input {input:?}"
            );
        }
        assert_eq!(
            found("Article 40-46"),
            one("Article 40-46", forty_to_46, None)
        );
        assert_eq!(
            found("Chapters II to IV"),
            one("Chapters II to IV", vec![C(2), C(3), C(4)], None)
        );
        assert_eq!(found("Articles 1-68")[0].1.len(), 68);
    }

    #[test]
    fn chapters() {
        let cases: &[(&str, &str, Target)] = &[
            ("Chapter IV", "Chapter IV", C(4)),
            ("see chapter 4.", "chapter 4", C(4)),
            ("CHAPTER IV", "CHAPTER IV", C(4)),
            ("Chapter I sets out", "Chapter I", C(1)),
            ("Chapter IX", "Chapter IX", C(9)),
            ("chapter iv", "chapter iv", C(4)),
            ("Chapter V of this Convention", "Chapter V", C(5)),
        ];
        each_finds_one(cases);
    }

    #[test]
    fn descriptive_names() {
        let cases: &[(&str, &str, Target)] = &[
            ("in the procedural chapter,", "the procedural chapter", C(4)),
            (
                "The criminalization chapter",
                "The criminalization chapter",
                C(2),
            ),
            (
                "the criminalisation chapter",
                "the criminalisation chapter",
                C(2),
            ),
            (
                "under the chapter on international cooperation.",
                "the chapter on international cooperation",
                C(5),
            ),
            (
                "the chapter on procedural measures",
                "the chapter on procedural measures",
                C(4),
            ),
            ("the jurisdiction chapter", "the jurisdiction chapter", C(3)),
            ("as the preamble recalls", "the preamble", Preamble),
            ("THE PREAMBLE", "THE PREAMBLE", Preamble),
            ("the\npreamble", "the\npreamble", Preamble),
            (
                "the chapter on final provisions",
                "the chapter on final provisions",
                C(9),
            ),
        ];
        each_finds_one(cases);
    }

    /// Each input yields exactly one citation: that text, that target, no pinpoint.
    fn each_finds_one(cases: &[(&str, &str, Target)]) {
        for (input, text, target) in cases {
            assert_eq!(
                found(input),
                one(text, vec![*target], None),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn convention_names_keep_the_citation() {
        for tail in [
            "of the Convention",
            "of this Convention",
            "of the present Convention",
            "of the UN Convention against Cybercrime",
            "of the United Nations Convention against Cybercrime",
            "of the Convention against Cybercrime",
            "of the Convention, which",
            "of\nthe Convention",
        ] {
            let input = format!("Article 23 {tail}");
            assert_eq!(
                found(&input),
                one("Article 23", vec![A(23)], None),
                "input {input:?}"
            );
        }
        assert_eq!(
            found("ARTICLE 19 of the Convention"),
            one("ARTICLE 19", vec![A(19)], None)
        );
        assert_eq!(found("Articles 29 and 30 of this Convention").len(), 2);
    }

    #[test]
    fn rejections() {
        for input in [
            "ARTICLE 19 and Access Now submitted comments.",
            "ARTICLE 19",
            "ARTICLE 19's statement",
            "Article 19 of the ICCPR",
            "article 15 of the Budapest Convention",
            "article 35 of the Convention on Cybercrime",
            "Article 12 of the Universal Declaration of Human Rights",
            "article 2 of the Charter",
            "article 5 of the Convention against Torture",
            "Articles 29 and 30 of the ICCPR",
            "Articles 40 to 46 of the ICCPR",
            "paragraph 2 of article 24 of the ICCPR",
            "Chapter II of the Budapest Convention",
            "the preamble of the Charter",
            "1. First, (a) the text",
            "Resolution 74/247",
            "operative paragraphs 8 or 9",
            "paragraph 3",
            "publishing articles, organizing events",
            "the article was published",
            "Article.",
            "Art.",
            "the 23rd article",
            "Article 23rd",
            "subarticle 3",
            "the chapter did not",
            "Chapter C",
            "the procedural chapters",
        ] {
            assert_eq!(found(input), vec![], "input {input:?}");
        }
    }

    #[test]
    fn unresolved_citations_carry_a_problem() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Article 69",
                "Article 69",
                "article 69 does not exist: the articles run from 1 to 68",
            ),
            (
                "Article 0",
                "Article 0",
                "article 0 does not exist: the articles run from 1 to 68",
            ),
            (
                "Article 99999999999999999999",
                "Article 99999999999999999999",
                "article 99999999999999999999 does not exist: the articles run from 1 to 68",
            ),
            ("Articles 42-26", "Articles 42-26", "reversed range 42-26"),
            (
                "Articles 60 to 70",
                "Articles 60 to 70",
                "range 60-70 reaches outside the articles",
            ),
            (
                "Chapter X",
                "Chapter X",
                "chapter X does not exist: the chapters run from I to IX",
            ),
            (
                "chapter 12",
                "chapter 12",
                "chapter 12 does not exist: the chapters run from I to IX",
            ),
            ("Chapter 0", "Chapter 0", "chapter 0 does not exist"),
            (
                "paragraph 2 of article 70",
                "paragraph 2 of article 70",
                "article 70 does not exist",
            ),
            (
                "Chapters VIII to X",
                "Chapters VIII to X",
                "reaches outside the chapters",
            ),
        ];
        for (input, text, problem) in cases {
            let got = extract(input);
            assert_eq!(got.len(), 1, "input {input:?}");
            let c = &got[0];
            assert_eq!(c.text, *text, "input {input:?}");
            assert!(c.targets.is_empty(), "input {input:?}");
            assert!(!c.is_resolved(), "input {input:?}");
            let message = c.problem.as_deref().unwrap_or_default();
            assert!(message.contains(problem), "{input:?}: {message}");
        }
        // One bad number in a list does not spoil the others.
        let got = extract("Articles 5, 70 and 6");
        let resolved: Vec<bool> = got.iter().map(Citation::is_resolved).collect();
        assert_eq!(resolved, vec![true, false, true]);
        assert_eq!(got[1].text, "70");
    }

    #[test]
    fn sentence_with_several_citations() {
        let input = "Under Article 23, read with paragraph 2 of article 24 and Articles 40-42, \
                     the procedural chapter (Chapter IV) applies, but not Article 19 of the ICCPR.";
        let got = found(input);
        assert_eq!(
            got,
            vec![
                ("Article 23".to_string(), vec![A(23)], None),
                (
                    "paragraph 2 of article 24".to_string(),
                    vec![A(24)],
                    Some("para. 2".to_string())
                ),
                (
                    "Articles 40-42".to_string(),
                    vec![A(40), A(41), A(42)],
                    None
                ),
                ("the procedural chapter".to_string(), vec![C(4)], None),
                ("Chapter IV".to_string(), vec![C(4)], None),
            ]
        );
        assert!(extract(input).iter().all(Citation::is_resolved));
    }

    #[test]
    fn lines_and_columns() {
        let input = "Intro line\nSee Article\n23 and\n  Articles 4,\n5 and Chapter II.";
        let got: Vec<(String, usize, usize)> = extract(input)
            .into_iter()
            .map(|c| (c.text, c.line, c.column))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Article\n23".to_string(), 2, 5),
                ("Articles 4".to_string(), 4, 3),
                ("5".to_string(), 5, 1),
                ("Chapter II".to_string(), 5, 7),
            ]
        );
        let crlf = "Intro\r\nSee Article 5.\r\n  Chapter IV\r\n";
        let got: Vec<(usize, usize)> = extract(crlf).iter().map(|c| (c.line, c.column)).collect();
        assert_eq!(got, vec![(2, 5), (3, 3)]);
        let across = extract("Article\r\n23");
        assert_eq!(across[0].targets, vec![A(23)]);
        assert_eq!(across[0].span, 0..11);
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        let got = extract("Benítez: Article 23");
        assert_eq!((got[0].line, got[0].column), (1, 10));
        assert_eq!(got[0].span, 10..20);
        let got = extract("ÉÉ 😀 Art. 5\n日本語 Chapter III");
        let at: Vec<(usize, usize)> = got.iter().map(|c| (c.line, c.column)).collect();
        assert_eq!(at, vec![(1, 6), (2, 5)]);
    }

    #[test]
    fn never_panics_and_spans_are_sound() {
        let long_digits = format!("Article {}", "9".repeat(10_000));
        let tricky = [
            "",
            " ",
            "\n\r\n\t",
            "Art.",
            "Article",
            "Articles",
            "Articles 1,",
            "Articles 1 and",
            "Article 99999999999999999999",
            "Articles 99999999999999999999-1",
            "Chapters XXXXXXXX to I",
            "Article 2 (",
            "Article 2 (a",
            "Article 2 (é)",
            "paragraph 2 of",
            "paragraph 2 of article",
            "第二十三条 Article 二十三 😀 Article 23😀",
            "Article\u{a0}23",
            "Artículo 23 Árticle 23 article 23ª",
            "the chapter on",
            "\u{2013}\u{2014}Articles 4\u{2013}\u{2014}5",
            "of of of Article 1 of",
            "Article 1 of the",
            long_digits.as_str(),
        ];
        for input in tricky {
            let got = extract(input);
            let mut previous_end = 0;
            for c in &got {
                assert!(c.span.start >= previous_end, "overlap in {input:?}");
                assert!(c.span.end <= input.len());
                assert!(input.is_char_boundary(c.span.start) && input.is_char_boundary(c.span.end));
                assert_eq!(c.text, input[c.span.clone()]);
                assert!(c.line >= 1 && c.column >= 1);
                assert_eq!(c.is_resolved(), c.problem.is_none());
                previous_end = c.span.end;
            }
        }
        assert_eq!(
            found("Article\u{a0}23"),
            one("Article\u{a0}23", vec![A(23)], None)
        );
        assert_eq!(extract(&long_digits).len(), 1);
    }

    /// Every form README's "What counts as a citation" lists, each with
    /// what it must find: (input, [(text, targets, pinpoint)]).
    #[test]
    fn forms_of_real_documents_and_other_languages() {
        type Want = &'static [(&'static str, &'static [Target], Option<&'static str>)];
        let r = |a: u8, b: u8| (a..=b).map(A).collect::<Vec<_>>();
        let r29_35 = r(29, 35);
        let r2_4: Vec<Target> = (2..=4).map(C).collect();
        let cases: Vec<(&str, Want)> = vec![
            // English from PDFs and memos.
            (
                "under Arti-\ncle 47, the",
                &[("Arti-\ncle 47", &[A(47)], None)],
            ),
            (
                "Arti-\ncles 29 and 30",
                &[("Arti-\ncles 29", &[A(29)], None), ("30", &[A(30)], None)],
            ),
            ("Article\u{a0}48", &[("Article\u{a0}48", &[A(48)], None)]),
            (
                "Art 24 para 3 lit a",
                &[("Art 24 para 3 lit a", &[A(24)], Some("para. 3(a)"))],
            ),
            (
                "article twenty-six",
                &[("article twenty-six", &[A(26)], None)],
            ),
            (
                "Article Sixty Eight",
                &[("Article Sixty Eight", &[A(68)], None)],
            ),
            (
                "Articles 35(1)(c) and 40(21)",
                &[
                    ("Articles 35(1)(c)", &[A(35)], Some("(1)(c)")),
                    ("40(21)", &[A(40)], Some("(21)")),
                ],
            ),
            // French.
            ("selon l'article 23,", &[("article 23", &[A(23)], None)]),
            (
                "les articles 29 et 30",
                &[("articles 29", &[A(29)], None), ("30", &[A(30)], None)],
            ),
            ("articles 29 à 35", &[("articles 29 à 35", &[], None)]),
            ("le chapitre IV", &[("chapitre IV", &[C(4)], None)]),
            (
                "paragraphe 2 de l'article 24",
                &[("paragraphe 2 de l'article 24", &[A(24)], Some("para. 2"))],
            ),
            (
                "article 23 de la présente Convention",
                &[("article 23", &[A(23)], None)],
            ),
            // Spanish.
            ("el artículo 23", &[("artículo 23", &[A(23)], None)]),
            (
                "los artículos 29 y 30",
                &[("artículos 29", &[A(29)], None), ("30", &[A(30)], None)],
            ),
            ("capítulos II a IV", &[("capítulos II a IV", &[], None)]),
            (
                "párrafo 2 del artículo 24",
                &[("párrafo 2 del artículo 24", &[A(24)], Some("para. 2"))],
            ),
            // Russian.
            ("статья 23", &[("статья 23", &[A(23)], None)]),
            (
                "статьи 29 и 30",
                &[("статьи 29", &[A(29)], None), ("30", &[A(30)], None)],
            ),
            ("статьи 29\u{2013}35", &[("статьи 29\u{2013}35", &[], None)]),
            ("глава IV", &[("глава IV", &[C(4)], None)]),
            (
                "пункт 2 статьи 24",
                &[("пункт 2 статьи 24", &[A(24)], Some("para. 2"))],
            ),
            (
                "статья 23 настоящей Конвенции",
                &[("статья 23", &[A(23)], None)],
            ),
            // Arabic.
            ("المادة 23", &[("المادة 23", &[A(23)], None)]),
            ("المادة ٢٣", &[("المادة ٢٣", &[A(23)], None)]),
            (
                "المادتين 29 و30",
                &[("المادتين 29", &[A(29)], None), ("30", &[A(30)], None)],
            ),
            ("المواد من 29 إلى 35", &[("المواد من 29 إلى 35", &[], None)]),
            ("الفصل الرابع", &[("الفصل الرابع", &[C(4)], None)]),
            (
                "الفقرة 2 من المادة 24",
                &[("الفقرة 2 من المادة 24", &[A(24)], Some("para. 2"))],
            ),
            (
                "المادة 23 من هذه الاتفاقية",
                &[("المادة 23", &[A(23)], None)],
            ),
            // Chinese.
            ("第二十三条", &[("第二十三条", &[A(23)], None)]),
            ("第23条", &[("第23条", &[A(23)], None)]),
            (
                "第二十九条和第三十条",
                &[("第二十九条", &[A(29)], None), ("第三十条", &[A(30)], None)],
            ),
            (
                "第二十九条至第三十五条",
                &[("第二十九条至第三十五条", &[], None)],
            ),
            ("第29至35条", &[("第29至35条", &[], None)]),
            ("第四章", &[("第四章", &[C(4)], None)]),
            (
                "第二十四条第2款",
                &[("第二十四条第2款", &[A(24)], Some("para. 2"))],
            ),
            ("本公约第二十三条", &[("第二十三条", &[A(23)], None)]),
        ];
        for (input, want) in cases {
            let got = found(input);
            let want: Vec<(String, Vec<Target>, Option<String>)> = want
                .iter()
                .map(|(t, ts, p)| {
                    let targets = if ts.is_empty() {
                        // Ranges: 29-35 of articles or II-IV of chapters.
                        if t.contains('章') || t.contains("II") {
                            r2_4.clone()
                        } else {
                            r29_35.clone()
                        }
                    } else {
                        ts.to_vec()
                    };
                    (t.to_string(), targets, p.map(str::to_string))
                })
                .collect();
            assert_eq!(got, want, "input {input:?}");
        }
        assert_eq!(found("第二章至第四章")[0].1, r2_4);
    }

    #[test]
    fn other_instruments_are_ignored_in_every_language() {
        for input in [
            "Article 4 of the Protocol",
            "Article 41 of the Budapest Convention",
            "l'article 4 du Protocole",
            "l'article 41 de la Convention de Budapest",
            "article 15 de la Convention sur la cybercriminalité",
            "el artículo 4 del Protocolo",
            "el artículo 41 del Convenio de Budapest",
            "статья 4 Протокола",
            "статьи 41 Будапештской конвенции",
            "статья 15 Конвенции о киберпреступности",
            "المادة 4 من البروتوكول",
            "المادة 41 من اتفاقية بودابست",
            "《布达佩斯公约》第41条",
            "议定书第4条",
        ] {
            assert_eq!(found(input), vec![], "input {input:?}");
        }
        // Paragraph numbers are never articles, in any language.
        assert_eq!(found("第2款"), vec![]);
        assert_eq!(found("пункт 2"), vec![]);
        assert_eq!(found("الفقرة 2"), vec![]);
    }

    #[test]
    fn large_input_is_linear() {
        let chunk =
            "Lorem ipsum, Benítez said 日本語: see Article 23(2) and Articles 5, 6 and 7.\n";
        let input = chunk.repeat(5_000);
        let got = extract(&input);
        assert_eq!(got.len(), 4 * 5_000);
        let last = &got[got.len() - 1];
        assert_eq!((last.line, last.text.as_str()), (5_000, "7"));
    }
}
