//! Presentation mode: a deck of slides (one per article, passage, source or
//! chapter) shown full screen, one at a time, for a room. A deck comes from
//! the view in the explorer (`p`), the user's bookmarks, a chapter or a
//! concern (`treaty present --deck …`). What a slide says is built here;
//! how it is laid out at a size is `ui::present`.

use super::document::{Ctx, SUMMARY_LABEL, TEXT_LABEL};
use super::lines::{Piece, Role};
use super::state::{AppState, View};
use super::views::{self, DeskItem, Overview};
use crate::corpus::{Corpus, PassageId, Target};
use crate::refs::graph::{Basis, LinkGraph};
use crate::text::{one_line, snippet};
use crate::user::item::{ItemRef, Resolved};

/// One slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Preamble,
    Chapter(u8),
    Article(u8),
    Passage(PassageId),
    /// Index into `Corpus::sources`.
    Source(usize),
}

/// A deck being shown, with the slide on screen and a slide number being
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// What the deck is, in words: `Chapter IV`, `Your bookmarks`.
    pub title: String,
    pub slides: Vec<Slide>,
    pub current: usize,
    /// Digits typed so far for a jump (`3` then Enter).
    pub jump: String,
    /// Why the last jump did not happen.
    pub message: Option<String>,
    /// Started by `treaty present`: leaving ends the program.
    pub exit_on_close: bool,
}

impl Presentation {
    pub fn new(title: impl Into<String>, slides: Vec<Slide>, current: usize) -> Self {
        let current = current.min(slides.len().saturating_sub(1));
        Presentation {
            title: title.into(),
            slides,
            current,
            jump: String::new(),
            message: None,
            exit_on_close: false,
        }
    }

    pub fn slide(&self) -> Option<Slide> {
        self.slides.get(self.current).copied()
    }

    /// `3/12`
    pub fn progress(&self) -> String {
        if self.slides.is_empty() {
            return "0/0".into();
        }
        format!("{}/{}", self.current + 1, self.slides.len())
    }

    pub fn step(&mut self, forward: bool) {
        self.jump.clear();
        self.message = None;
        if forward {
            if self.current + 1 < self.slides.len() {
                self.current += 1;
            }
        } else {
            self.current = self.current.saturating_sub(1);
        }
    }

    pub fn type_digit(&mut self, c: char) {
        self.message = None;
        if c.is_ascii_digit() && self.jump.len() < 6 {
            self.jump.push(c);
        }
    }

    pub fn erase_digit(&mut self) {
        self.message = None;
        self.jump.pop();
    }

    /// Enter: go to the slide whose number was typed.
    pub fn submit_jump(&mut self) {
        let typed = std::mem::take(&mut self.jump);
        if typed.is_empty() {
            self.step(true);
            return;
        }
        match typed.parse::<usize>() {
            Ok(n) if (1..=self.slides.len()).contains(&n) => {
                self.current = n - 1;
                self.message = None;
            }
            _ => {
                self.message = Some(format!(
                    "No slide {typed}: the slides are 1 to {}",
                    self.slides.len()
                ))
            }
        }
    }
}

/// The deck `p` opens from where the explorer is: the bookmarks in the
/// bookmarks list (starting at the selected one), the selected concern's
/// passages in the concerns view, the selected article's or chapter's deck in
/// the coverage view, else [`deck_for_view`]. The error says why
/// there is nothing to show.
pub fn deck_from_explorer(ctx: Ctx, state: &AppState) -> Result<Presentation, String> {
    let corpus = ctx.corpus;
    match state.view() {
        View::Overview(Overview::Bookmarks) => {
            let marks: Vec<ItemRef> = state.user.bookmarks().iter().cloned().collect();
            let at = match views::selected_item(ctx, state) {
                Some(DeskItem::Bookmark(r)) => Some(r),
                _ => None,
            };
            bookmarks_deck(corpus, &marks, at.as_ref())
        }
        View::Overview(Overview::Concerns) => {
            let Some(i) = views::selected_concern(ctx, state) else {
                return Err("Choose a concern first: p presents its passages.".into());
            };
            let at = match views::selected_item(ctx, state) {
                Some(DeskItem::ConcernPassage(p)) => Some(p),
                _ => None,
            };
            concern_slides(corpus, i, at)
        }
        // The selected row of the coverage view is presented as if it
        // were open: an article within its chapter, or a chapter.
        View::Overview(Overview::Coverage) => {
            let view = match views::selected_item(ctx, state) {
                Some(DeskItem::CoverageArticle(n)) => View::Article(n),
                Some(DeskItem::CoverageChapter(n)) => View::Chapter(n),
                _ => View::Overview(Overview::Coverage),
            };
            Ok(deck_for_view(corpus, view, None))
        }
        view => Ok(deck_for_view(
            corpus,
            view,
            super::document::selected_passage(ctx, state),
        )),
    }
}

/// The deck of a view of a provision or source: the chapter around an
/// article (starting at it), a chapter's articles, the whole convention from
/// the preamble, or a source's paragraphs (starting at the selected one).
pub fn deck_for_view(
    corpus: &Corpus,
    view: View,
    selected_passage: Option<PassageId>,
) -> Presentation {
    match view {
        View::Article(n) => {
            let chapter = corpus.article(n).map(|a| a.chapter);
            match chapter.and_then(|c| corpus.chapter(c)) {
                Some(ch) => {
                    let slides: Vec<Slide> = ch
                        .articles
                        .iter()
                        .map(|a| Slide::Article(a.number))
                        .collect();
                    let at = slides
                        .iter()
                        .position(|s| *s == Slide::Article(n))
                        .unwrap_or(0);
                    Presentation::new(one_line(&ch.heading()), slides, at)
                }
                None => Presentation::new(format!("Article {n}"), vec![Slide::Article(n)], 0),
            }
        }
        View::Chapter(n) => chapter_deck(corpus, n),
        View::Preamble | View::Overview(_) => convention_deck(corpus),
        View::Source(i) => {
            let Some(s) = corpus.sources.get(i) else {
                return Presentation::new("Source", vec![Slide::Source(i)], 0);
            };
            let mut slides = vec![Slide::Source(i)];
            slides.extend(
                (0..s.passages.len()).map(|index| Slide::Passage(PassageId { source: i, index })),
            );
            let at = selected_passage.map_or(0, |p| p.index + 1);
            Presentation::new(one_line(&s.display_title()), slides, at)
        }
    }
}

fn chapter_deck(corpus: &Corpus, n: u8) -> Presentation {
    let Some(ch) = corpus.chapter(n) else {
        return Presentation::new(format!("Chapter {n}"), vec![Slide::Chapter(n)], 0);
    };
    let mut slides = vec![Slide::Chapter(n)];
    slides.extend(ch.articles.iter().map(|a| Slide::Article(a.number)));
    Presentation::new(one_line(&ch.heading()), slides, 0)
}

/// The preamble, then every article of the convention in order.
pub fn convention_deck(corpus: &Corpus) -> Presentation {
    let mut slides = vec![Slide::Preamble];
    slides.extend(corpus.articles().map(|a| Slide::Article(a.number)));
    Presentation::new(one_line(&corpus.convention.title), slides, 0)
}

/// What `--deck` names, read against the corpus and the bookmarks; the
/// error names what there is.
pub fn deck_named(
    corpus: &Corpus,
    name: &str,
    bookmarks: &[ItemRef],
) -> Result<Presentation, String> {
    let text = name.trim();
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["bookmarks"] | ["my", "bookmarks"] => return bookmarks_deck(corpus, bookmarks, None),
        ["convention"] | ["all"] => return Ok(convention_deck(corpus)),
        ["concern", id] => return concern_deck(corpus, id),
        ["chapter", n] => {
            return match crate::user::brief::parse_chapter(n) {
                Ok(c) if corpus.chapter(c).is_some() => Ok(chapter_deck(corpus, c)),
                _ => Err(format!(
                    "no chapter {:?}: the chapters are I to {}",
                    one_line(n),
                    crate::corpus::target::roman(corpus.convention.chapters.len() as u8)
                        .unwrap_or("IX")
                )),
            };
        }
        [one] => {
            if let Some(c) = crate::corpus::target::from_roman(one)
                && corpus.chapter(c).is_some()
            {
                return Ok(chapter_deck(corpus, c));
            }
            if corpus.concerns.iter().any(|c| c.id.to_lowercase() == *one) {
                return concern_deck(corpus, one);
            }
        }
        _ => {}
    }
    // A concern by its title too: --deck "dual criminality".
    if let Some(c) = crate::user::brief::find_concern(corpus, text) {
        return concern_deck(corpus, &c.id);
    }
    Err(format!(
        "no deck {:?}: use --deck bookmarks, --deck \"chapter IV\" (I to IX), --deck convention, \
         or --deck \"concern ID\" with one of: {}",
        one_line(text),
        concern_ids(corpus)
    ))
}

fn concern_ids(corpus: &Corpus) -> String {
    if corpus.concerns.is_empty() {
        return "(the corpus has no concerns)".into();
    }
    corpus
        .concerns
        .iter()
        .map(|c| one_line(&c.id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn concern_deck(corpus: &Corpus, id: &str) -> Result<Presentation, String> {
    let Some(i) = corpus
        .concerns
        .iter()
        .position(|c| c.id.to_lowercase() == id)
    else {
        return Err(format!(
            "no concern {:?}: the concerns are {}",
            one_line(id),
            concern_ids(corpus)
        ));
    };
    concern_slides(corpus, i, None)
}

/// Concern `i`'s passages, one a slide, starting at `at` when it is one.
fn concern_slides(
    corpus: &Corpus,
    i: usize,
    at: Option<PassageId>,
) -> Result<Presentation, String> {
    let Some(c) = corpus.concerns.get(i) else {
        return Err("no such concern".into());
    };
    let slides: Vec<Slide> = c.passages.iter().map(|p| Slide::Passage(*p)).collect();
    if slides.is_empty() {
        return Err(format!(
            "the concern {:?} has no passages to show",
            one_line(&c.id)
        ));
    }
    let start = at
        .and_then(|p| slides.iter().position(|s| *s == Slide::Passage(p)))
        .unwrap_or(0);
    Ok(Presentation::new(
        format!("Concern: {}", one_line(&c.title)),
        slides,
        start,
    ))
}

fn slide_of(r: Resolved) -> Slide {
    match r {
        Resolved::Target(Target::Preamble) => Slide::Preamble,
        Resolved::Target(Target::Chapter(n)) => Slide::Chapter(n),
        Resolved::Target(Target::Article(n)) => Slide::Article(n),
        Resolved::Source(i) => Slide::Source(i),
        Resolved::Passage(p) => Slide::Passage(p),
    }
}

/// The bookmarks that still name something, in their order, starting at
/// `at` when it is one of them.
fn bookmarks_deck(
    corpus: &Corpus,
    bookmarks: &[ItemRef],
    at: Option<&ItemRef>,
) -> Result<Presentation, String> {
    let resolved: Vec<(&ItemRef, Slide)> = bookmarks
        .iter()
        .filter_map(|b| b.resolve(corpus).ok().map(|r| (b, slide_of(r))))
        .collect();
    if resolved.is_empty() {
        return Err(
            "you have no bookmarks to present: press b in the explorer, or \
             `treaty bookmarks add 23`"
                .into(),
        );
    }
    let start = at
        .and_then(|a| resolved.iter().position(|(b, _)| *b == a))
        .unwrap_or(0);
    let slides = resolved.into_iter().map(|(_, s)| s).collect();
    Ok(Presentation::new("Your bookmarks", slides, start))
}

/// One entry under a slide's heading: a passage that discusses the
/// provision, a provision the passage discusses, an article of a chapter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Who or what, and how the link was made, on one line:
    /// `Zamora, para 14 — cited as “Article 23”`, `… — inferred`.
    pub head: Vec<Piece>,
    /// The passage's words, quoted, under the head.
    pub quote: Option<String>,
    /// Why an inferred link was made: never left out when the entry shows.
    pub why: Option<String>,
}

impl Entry {
    fn head(head: Vec<Piece>) -> Entry {
        Entry {
            head,
            ..Entry::default()
        }
    }
}

/// What a slide says, before it is laid out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlideText {
    /// Shown in big letters when they fit: `Art. 23`.
    pub big: String,
    /// The short title under it.
    pub title: String,
    /// The two on one line, when the big letters do not fit:
    /// `Art. 23 · Scope of procedural measures`.
    pub heading: String,
    /// Where it belongs: the chapter, the source's author and date.
    pub context: String,
    pub label: String,
    pub body: String,
    /// `What the critiques say (3: 2 cited, 1 inferred)`
    pub lines_heading: String,
    /// One entry per linked passage or provision.
    pub lines: Vec<Entry>,
}

fn joined(big: &str, title: &str) -> String {
    if title.is_empty() {
        big.to_string()
    } else {
        format!("{big} · {title}")
    }
}

/// Longest snippet of a passage in a critique line.
const SNIPPET: usize = 160;

pub fn slide_text(corpus: &Corpus, graph: &LinkGraph, slide: Slide) -> SlideText {
    match slide {
        Slide::Preamble => {
            let p = &corpus.convention.preamble;
            let mut s = provision(corpus, graph, Target::Preamble);
            s.big = "Preamble".into();
            s.title = one_line(&corpus.convention.title);
            s.context = one_line(&corpus.convention.resolution);
            s.label = if p.summary_is_official {
                TEXT_LABEL
            } else {
                SUMMARY_LABEL
            }
            .into();
            s.body = one_line(&p.summary);
            s.heading = joined(&s.big, &s.title);
            s
        }
        Slide::Article(n) => {
            let mut s = provision(corpus, graph, Target::Article(n));
            s.big = format!("Art. {n}");
            if let Some(a) = corpus.article(n) {
                s.title = one_line(&a.title);
                s.context = corpus
                    .chapter(a.chapter)
                    .map(|c| one_line(&c.heading()))
                    .unwrap_or_default();
                s.label = if a.summary_is_official {
                    TEXT_LABEL
                } else {
                    SUMMARY_LABEL
                }
                .into();
                s.body = one_line(&a.summary);
            } else {
                s.body = format!("Article {n} is not in this corpus.");
            }
            s.heading = joined(&s.big, &s.title);
            s
        }
        Slide::Chapter(n) => {
            let ch = corpus.chapter(n);
            let roman = crate::corpus::target::roman(n).unwrap_or("?");
            let lines = ch
                .map(|c| {
                    c.articles
                        .iter()
                        .map(|a| {
                            let count = graph.count(Target::Article(a.number));
                            Entry::head(vec![
                                Piece::new(format!("Art. {} ", a.number), Role::Number),
                                Piece::new(one_line(&a.title), Role::Plain),
                                Piece::new(format!(" — {}", passages(count)), Role::Count),
                            ])
                        })
                        .collect()
                })
                .unwrap_or_default();
            let title = ch.map(|c| one_line(&c.title)).unwrap_or_default();
            SlideText {
                big: format!("Chapter {roman}"),
                heading: joined(&format!("Chapter {roman}"), &title),
                title,
                context: one_line(&corpus.convention.title),
                label: "Articles".into(),
                body: match ch.map(|c| (c.articles.first(), c.articles.last())) {
                    Some((Some(f), Some(l))) => format!(
                        "{} articles, {} to {}; {} discuss the chapter as a whole.",
                        ch.map_or(0, |c| c.articles.len()),
                        f.number,
                        l.number,
                        passages(graph.count(Target::Chapter(n)))
                    ),
                    _ => "No articles.".into(),
                },
                lines_heading: "Passages linked to each article".into(),
                lines,
            }
        }
        Slide::Passage(p) => passage_slide(corpus, graph, p),
        Slide::Source(i) => source_slide(corpus, graph, i),
    }
}

fn passages(n: usize) -> String {
    if n == 1 {
        "1 passage".into()
    } else {
        format!("{n} passages")
    }
}

/// The critique lines of a provision.
fn provision(corpus: &Corpus, graph: &LinkGraph, target: Target) -> SlideText {
    let links = graph.cited_by(target);
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    let lines_heading = if links.is_empty() {
        "No passage in the corpus discusses it".to_string()
    } else {
        format!(
            "What the critiques say ({}: {cited} cited, {} inferred)",
            links.len(),
            links.len() - cited
        )
    };
    let lines = links
        .iter()
        .map(|l| {
            let mut head = vec![
                Piece::new(one_line(&corpus.passage_location(l.passage)), Role::Field),
                Piece::new(" — ", Role::Plain),
            ];
            let why = basis(&mut head, &l.basis);
            // Start near the citation, so the words about the article show.
            let at = graph
                .citations(l.passage)
                .iter()
                .find(|c| c.targets.contains(&l.target))
                .map_or(0, |c| c.span.start);
            let text = corpus.passage(l.passage).map_or("", |x| x.text.as_str());
            Entry {
                head,
                quote: Some(format!("“{}”", snippet(text, at, SNIPPET))),
                why,
            }
        })
        .collect();
    SlideText {
        lines_heading,
        lines,
        ..SlideText::default()
    }
}

/// Ends an entry's head with `cited as “Art. 23”` or `inferred`; returns
/// the reason of an inferred link, for its own line.
fn basis(head: &mut Vec<Piece>, basis: &Basis) -> Option<String> {
    match basis {
        Basis::Cited { text } => {
            head.push(Piece::new("cited", Role::Marker));
            head.push(Piece::new(format!(" as “{}”", one_line(text)), Role::Plain));
            None
        }
        Basis::Inferred { reason } => {
            head.push(Piece::new("inferred", Role::Marker));
            Some(one_line(reason))
        }
    }
}

fn passage_slide(corpus: &Corpus, graph: &LinkGraph, p: PassageId) -> SlideText {
    let src = corpus.sources.get(p.source);
    let text = corpus.passage(p).map_or("", |x| x.text.as_str());
    let links = graph.links_of(p);
    let lines = links
        .iter()
        .map(|l| {
            let mut head = vec![
                Piece::new(one_line(&corpus.target_heading(l.target)), Role::Field),
                Piece::new(" — ", Role::Plain),
            ];
            let why = basis(&mut head, &l.basis);
            Entry {
                head,
                quote: None,
                why,
            }
        })
        .collect();
    let title = format!(
        "{}, para {}",
        src.map(|s| one_line(&s.short_name())).unwrap_or_default(),
        p.index + 1
    );
    SlideText {
        big: src.map_or("?".into(), |s| {
            format!("{} {}", one_line(&s.short_name()), p.index + 1)
        }),
        heading: title.clone(),
        title,
        context: src.map(byline).unwrap_or_default(),
        label: "The passage, word for word".into(),
        body: snippet(text, 0, 4000),
        lines_heading: if links.is_empty() {
            "Not linked to any provision".into()
        } else {
            format!("Provisions it discusses ({})", links.len())
        },
        lines,
    }
}

/// Title, author, publisher and date, those the source has (an untitled
/// source is not called "(untitled)" before its author's name twice).
fn byline(s: &crate::corpus::Source) -> String {
    let m = &s.meta;
    let mut parts = Vec::new();
    for v in [&m.title, &m.author, &m.publisher, &m.date]
        .into_iter()
        .flatten()
    {
        parts.push(one_line(v));
    }
    parts.join(" · ")
}

fn source_slide(corpus: &Corpus, graph: &LinkGraph, i: usize) -> SlideText {
    let Some(s) = corpus.sources.get(i) else {
        return SlideText {
            big: "Source".into(),
            heading: "Source".into(),
            body: "This source is not in the corpus.".into(),
            ..SlideText::default()
        };
    };
    // Provisions the source discusses, in the convention's order, with how
    // many of its paragraphs do and how.
    let mut per: Vec<(Target, usize, usize)> = Vec::new();
    for index in 0..s.passages.len() {
        for l in graph.links_of(PassageId { source: i, index }) {
            let cited = usize::from(l.basis.is_cited());
            match per.iter_mut().find(|(t, ..)| *t == l.target) {
                Some(e) => {
                    e.1 += 1;
                    e.2 += cited;
                }
                None => per.push((l.target, 1, cited)),
            }
        }
    }
    per.sort_by_key(|(t, ..)| *t);
    let lines = per
        .iter()
        .map(|(t, n, cited)| {
            Entry::head(vec![
                Piece::new(one_line(&corpus.target_heading(*t)), Role::Field),
                Piece::new(
                    format!(
                        " — {} ({cited} cited, {} inferred)",
                        passages(*n),
                        n - cited
                    ),
                    Role::Count,
                ),
            ])
        })
        .collect();
    SlideText {
        big: one_line(&s.short_name()),
        title: one_line(&s.display_title()),
        heading: joined(&one_line(&s.short_name()), &one_line(&s.display_title())),
        context: byline(s),
        label: if s.user {
            "Source (from your library)".into()
        } else {
            "Source".into()
        },
        body: format!(
            "{} paragraphs{}",
            s.passages.len(),
            s.meta
                .url
                .as_deref()
                .map(|u| format!(" · {}", one_line(u)))
                .unwrap_or_default()
        ),
        lines_heading: format!("Provisions it discusses ({})", per.len()),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_and_steps_stay_in_the_deck() {
        let mut p = Presentation::new("t", (1..=5).map(Slide::Article).collect::<Vec<_>>(), 0);
        p.step(false);
        assert_eq!(p.current, 0);
        for c in "4".chars() {
            p.type_digit(c);
        }
        p.submit_jump();
        assert_eq!(p.progress(), "4/5");
        p.type_digit('9');
        p.submit_jump();
        assert_eq!(p.current, 3);
        assert!(p.message.as_deref().is_some_and(|m| m.contains("1 to 5")));
        p.step(true);
        p.step(true);
        assert_eq!(p.progress(), "5/5");
    }

    #[test]
    fn a_bookmarks_deck_skips_what_is_gone_and_starts_at_the_selected_one() {
        let c = crate::corpus::load_embedded().expect("loads");
        let marks: Vec<ItemRef> = ["article:23", "source:no-such-source", "article:24"]
            .iter()
            .map(|m| m.parse().expect("a bookmark name"))
            .collect();
        let d = bookmarks_deck(&c, &marks, Some(&marks[2])).expect("two slides");
        assert_eq!(d.slides, vec![Slide::Article(23), Slide::Article(24)]);
        assert_eq!(d.progress(), "2/2");
        let d = bookmarks_deck(&c, &marks, Some(&marks[1])).expect("two slides");
        assert_eq!(d.current, 0, "a bookmark that is gone starts at the first");
    }

    #[test]
    fn decks_by_name() {
        let c = crate::corpus::load_embedded().expect("loads");
        let d = deck_named(&c, "chapter IV", &[]).expect("chapter IV");
        assert_eq!(d.slides[0], Slide::Chapter(4));
        assert!(d.slides.len() > 2);
        assert_eq!(deck_named(&c, "iv", &[]).expect("iv").slides, d.slides);
        let e = deck_named(&c, "chapter XX", &[]).expect_err("no such");
        assert!(e.contains("I to IX"), "{e}");
        let e = deck_named(&c, "nonsense", &[]).expect_err("unknown");
        assert!(e.contains("bookmarks") && e.contains("concern"), "{e}");
        let e = deck_named(&c, "bookmarks", &[]).expect_err("none");
        assert!(e.contains("no bookmarks"), "{e}");
        let concern = c.concerns.first().expect("the corpus names concerns");
        let d = deck_named(&c, &format!("concern {}", concern.id), &[]).expect("concern");
        assert_eq!(d.slides.len(), concern.passages.len());
    }
}
