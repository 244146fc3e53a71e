//! Presentation mode: a deck of slides (one per article, passage, source or
//! chapter) shown full screen, one at a time, for a room. A deck comes from
//! the view in the explorer (`p`), the user's bookmarks, a chapter or a
//! concern (`treaty present --deck …`). What a slide says is built here;
//! how it is laid out at a size is `ui::present`.

use crate::app::state::Overview;
use crate::app::state::deck::Presentation;
use crate::app::state::deck::Slide;
use crate::app::state::{AppState, View};
use crate::app::view::entry::DeskItem;
use crate::app::view::entry::{Ctx, SUMMARY_LABEL, TEXT_LABEL};
use crate::app::view::lines::{Piece, Role};
use crate::corpus::{Corpus, PassageId, Target};
use crate::refs::graph::{Basis, LinkGraph};
use crate::text::{one_line, plural};
use crate::user::item::{ItemRef, Resolved};

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
            let at = match crate::app::view::overviews::selected_item(ctx, state) {
                Some(DeskItem::Bookmark(r)) => Some(r),
                _ => None,
            };
            bookmarks_deck(corpus, &marks, at.as_ref())
        }
        View::Overview(Overview::Concerns) => {
            let Some(i) = crate::app::view::overviews::selected_concern(ctx, state) else {
                return Err("Choose a concern first: p presents its passages.".into());
            };
            let at = match crate::app::view::overviews::selected_item(ctx, state) {
                Some(DeskItem::ConcernPassage(p)) => Some(p),
                _ => None,
            };
            concern_slides(corpus, i, at)
        }
        // The selected row of the coverage view is presented as if it
        // were open: an article within its chapter, or a chapter.
        View::Overview(Overview::Coverage) => {
            let view = match crate::app::view::overviews::selected_item(ctx, state) {
                Some(DeskItem::CoverageArticle(n)) => View::Article(n),
                Some(DeskItem::CoverageChapter(n)) => View::Chapter(n),
                _ => View::Overview(Overview::Coverage),
            };
            Ok(deck_for_view(corpus, view, None))
        }
        view => Ok(deck_for_view(
            corpus,
            view,
            crate::app::view::document::selected_passage(ctx, state),
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
        View::Article(n) => match corpus.article(n).map(|a| a.chapter) {
            Some(c) if corpus.chapter(c).is_some() => chapter_deck(corpus, c, Some(n)),
            _ => articles_deck(corpus, &[n]),
        },
        View::Chapter(n) => chapter_deck(corpus, n, None),
        View::Preamble | View::Overview(_) => convention_deck(corpus),
        View::Source(i) => {
            let Some(s) = corpus.sources.get(i) else {
                return Presentation::new("Source", vec![Slide::Source(i)], 0);
            };
            let mut slides = vec![Slide::Source(i)];
            slides.extend(
                (0..s.passages.len()).map(|index| Slide::Passage(PassageId { source: i, index })),
            );
            let mut deck = Presentation::new(one_line(&s.display_title()), slides, 0);
            deck.covers = format!(
                "{}: {} paragraph{}",
                one_line(&s.short_name()),
                s.passages.len(),
                plural(s.passages.len())
            );
            if let Some(p) = selected_passage {
                deck.go_to_item(p.index + 2, 0);
            }
            deck
        }
    }
}

/// A chapter's deck: the title slide, the chapter, its articles; on
/// screen the title slide or, from an article, that article. `p` on any
/// article or on the chapter and `--deck "chapter IV"` all build this.
fn chapter_deck(corpus: &Corpus, n: u8, at: Option<u8>) -> Presentation {
    let Some(ch) = corpus.chapter(n) else {
        return Presentation::new(format!("Chapter {n}"), vec![Slide::Chapter(n)], 0);
    };
    let mut slides = vec![Slide::Chapter(n)];
    slides.extend(ch.articles.iter().map(|a| Slide::Article(a.number)));
    let mut deck = Presentation::new(one_line(&ch.heading()), slides, 0);
    deck.covers = covers_articles(
        corpus,
        &ch.articles.iter().map(|a| a.number).collect::<Vec<_>>(),
    );
    if let Some(a) = at
        && let Some(i) = deck.slides.iter().position(|s| *s == Slide::Article(a))
    {
        deck.go_to_item(i, 0);
    }
    deck
}

/// Some articles in the order given.
fn articles_deck(corpus: &Corpus, numbers: &[u8]) -> Presentation {
    let slides = numbers.iter().map(|n| Slide::Article(*n)).collect();
    let title = match numbers {
        [one] => format!("Article {one}"),
        _ => format!("Articles {}", comma_list(numbers)),
    };
    let mut deck = Presentation::new(title, slides, 0);
    deck.covers = covers_articles(corpus, numbers);
    deck
}

/// `5, 17, 23`
fn comma_list(numbers: &[u8]) -> String {
    numbers
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `12 articles (24 to 35); 40 passages of the critiques discuss them`
fn covers_articles(corpus: &Corpus, numbers: &[u8]) -> String {
    let n = numbers.len();
    let which = match (numbers.first(), numbers.last()) {
        (Some(f), Some(l)) if n > 1 && l.checked_sub(*f).map(|d| usize::from(d) + 1) == Some(n) => {
            format!(" ({f} to {l})")
        }
        (Some(f), _) if n == 1 => format!(" ({f})"),
        _ => format!(" ({})", comma_list(numbers)),
    };
    let known = numbers
        .iter()
        .filter(|a| corpus.article(**a).is_some())
        .count();
    format!("{known} article{}{which}", plural(known))
}

/// The preamble, then every article of the convention in order.
pub fn convention_deck(corpus: &Corpus) -> Presentation {
    let mut slides = vec![Slide::Preamble];
    slides.extend(corpus.articles().map(|a| Slide::Article(a.number)));
    let mut deck = Presentation::new(one_line(&corpus.convention.title), slides, 0);
    deck.covers = format!(
        "The preamble and {} articles in {} chapters",
        corpus.articles().count(),
        corpus.convention.chapters.len()
    );
    deck
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
        [first, rest @ ..]
            if !rest.is_empty()
                && matches!(*first, "article" | "articles" | "art" | "art." | "arts") =>
        {
            let words: Vec<String> = rest
                .iter()
                .flat_map(|w| w.split(','))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            return match crate::user::brief::parse_articles(&words) {
                Ok(numbers) if !numbers.is_empty() => Ok(articles_deck(corpus, &numbers)),
                Ok(_) => Err("say which articles: --deck \"articles 23 24\"".into()),
                Err(e) => Err(e.to_string()),
            };
        }
        ["concern", ..] => {
            // By id or by title: "concern scope", "concern dual criminality".
            return match crate::user::brief::find_concern(corpus, text) {
                Some(c) => concern_deck(corpus, &c.id.to_lowercase()),
                None => Err(format!(
                    "no concern {:?}: the concerns are {}",
                    one_line(text.get(8..).unwrap_or("").trim()),
                    concern_ids(corpus)
                )),
            };
        }
        ["chapter", n] => {
            return match crate::user::brief::parse_chapter(n) {
                Ok(c) if corpus.chapter(c).is_some() => Ok(chapter_deck(corpus, c, None)),
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
                return Ok(chapter_deck(corpus, c, None));
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
        "no deck {:?}: use --deck bookmarks, --deck \"chapter IV\" (I to IX), --deck \"articles 23 24\", \
         --deck convention, or --deck \"concern ID\" (or its name) with one of: {}",
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
    let start = at.and_then(|p| slides.iter().position(|s| *s == Slide::Passage(p)));
    let mut deck = Presentation::new(format!("Concern: {}", one_line(&c.title)), slides, 0);
    let sources: std::collections::BTreeSet<usize> = c.passages.iter().map(|p| p.source).collect();
    deck.covers = format!(
        "{} passage{} from {} source{} ({})",
        c.passages.len(),
        plural(c.passages.len()),
        sources.len(),
        plural(sources.len()),
        one_line(&c.id)
    );
    if let Some(i) = start {
        deck.go_to_item(i + 1, 0);
    }
    Ok(deck)
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
    let start = at.and_then(|a| resolved.iter().position(|(b, _)| *b == a));
    let n = resolved.len();
    let slides = resolved.into_iter().map(|(_, s)| s).collect();
    let mut deck = Presentation::new("Your bookmarks", slides, 0);
    deck.covers = format!("{n} bookmark{}, in your order", plural(n));
    if let Some(i) = start {
        deck.go_to_item(i + 1, 0);
    }
    Ok(deck)
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
    /// `Your documents (2)`: passages of the user's own documents, never
    /// among the critiques; empty unless asked for (`--with-own`, `o`).
    pub own_heading: String,
    pub own: Vec<Entry>,
}

fn joined(big: &str, title: &str) -> String {
    if title.is_empty() {
        big.to_string()
    } else {
        format!("{big} · {title}")
    }
}

/// What `slide` says, the user's own documents left out.
pub fn slide_text(corpus: &Corpus, graph: &LinkGraph, slide: Slide) -> SlideText {
    slide_text_with(corpus, graph, slide, false)
}

/// What slide `slide` of deck `p` says: the title slide from the deck,
/// the user's own documents when the deck shows them.
pub fn deck_text(corpus: &Corpus, graph: &LinkGraph, p: &Presentation, slide: Slide) -> SlideText {
    match slide {
        Slide::Title => title_text(corpus, graph, p),
        _ => slide_text_with(corpus, graph, slide, p.with_own),
    }
}

/// The title of slide `page` of deck `p` on one line: `Art. 24 (2/4) ·
/// Conditions and safeguards`, for the speaker view and the footer.
pub fn page_title(corpus: &Corpus, graph: &LinkGraph, p: &Presentation, page: usize) -> String {
    let Some(pg) = p.pages.get(page) else {
        return String::new();
    };
    let Some(slide) = p.slides.get(pg.item) else {
        return String::new();
    };
    let t = deck_text(corpus, graph, p, *slide);
    if pg.parts > 1 {
        let mut out = format!("{} ({}/{})", t.big, pg.part + 1, pg.parts);
        if !t.title.is_empty() {
            out.push_str(" · ");
            out.push_str(&t.title);
        }
        out
    } else if t.heading.is_empty() {
        t.big
    } else {
        t.heading
    }
}

/// The title slide: the deck's name (its first words in big letters), the
/// date, and what it covers, with how many passages of the critiques (and
/// sources) its provisions bring.
fn title_text(corpus: &Corpus, graph: &LinkGraph, p: &Presentation) -> SlideText {
    let name = one_line(&p.title);
    // `Chapter IV. Procedural measures`: `Chapter IV` big, the rest under it.
    let (big, title) = match name.split_once(". ").or_else(|| name.split_once(": ")) {
        Some((a, b)) if !a.is_empty() && !b.is_empty() => (a.to_string(), b.to_string()),
        _ => (name.clone(), String::new()),
    };
    let mut passages = std::collections::BTreeSet::new();
    for slide in &p.slides {
        let target = match slide {
            Slide::Article(n) => Target::Article(*n),
            Slide::Chapter(n) => Target::Chapter(*n),
            Slide::Preamble => Target::Preamble,
            _ => continue,
        };
        passages.extend(
            graph
                .cited_by(target)
                .iter()
                .map(|l| l.passage)
                .filter(|id| corpus.sources.get(id.source).is_some_and(|s| !s.user)),
        );
    }
    let mut body = one_line(&p.covers);
    if !passages.is_empty() {
        let sources: std::collections::BTreeSet<usize> =
            passages.iter().map(|id| id.source).collect();
        body.push_str(&format!(
            "; {} passage{} of the critiques, from {} source{}, discuss them",
            passages.len(),
            plural(passages.len()),
            sources.len(),
            plural(sources.len())
        ));
    }
    SlideText {
        heading: name.clone(),
        big,
        title,
        context: one_line(&p.date),
        label: "What it covers".into(),
        body,
        ..SlideText::default()
    }
}

/// What `slide` says; passages of the user's own documents in a section of
/// their own when `with_own`, else left out.
pub fn slide_text_with(
    corpus: &Corpus,
    graph: &LinkGraph,
    slide: Slide,
    with_own: bool,
) -> SlideText {
    match slide {
        Slide::Title => SlideText {
            big: "Slides".into(),
            heading: "Slides".into(),
            ..SlideText::default()
        },
        Slide::Preamble => {
            let p = &corpus.convention.preamble;
            let mut s = provision(corpus, graph, Target::Preamble, with_own);
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
            let mut s = provision(corpus, graph, Target::Article(n), with_own);
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
                ..SlideText::default()
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

/// The critique lines of a provision; the user's own documents apart, when
/// asked for, never among the critiques.
fn provision(corpus: &Corpus, graph: &LinkGraph, target: Target, with_own: bool) -> SlideText {
    let mine = |l: &&crate::refs::graph::Link| {
        corpus.sources.get(l.passage.source).is_some_and(|s| s.user)
    };
    let all = graph.cited_by(target);
    let links: Vec<_> = all.iter().filter(|l| !mine(l)).collect();
    let own: Vec<_> = all.iter().filter(|l| mine(l)).collect();
    let cited = links.iter().filter(|l| l.basis.is_cited()).count();
    let lines_heading = if links.is_empty() {
        "No passage of the critiques discusses it".to_string()
    } else {
        format!(
            "What the critiques say ({}: {cited} cited, {} inferred)",
            links.len(),
            links.len() - cited
        )
    };
    let entry = |l: &crate::refs::graph::Link| {
        let mut head = vec![
            Piece::new(one_line(&corpus.passage_location(l.passage)), Role::Field),
            Piece::new(" — ", Role::Plain),
        ];
        let why = basis(&mut head, &l.basis);
        // From the sentence that names the article, so its words show.
        let at = graph
            .citations(l.passage)
            .iter()
            .find(|c| c.targets.contains(&l.target))
            .map_or(0, |c| c.span.start);
        let text = corpus.passage(l.passage).map_or("", |x| x.text.as_str());
        Entry {
            head,
            quote: Some(format!("“{}”", quote_from(text, at))),
            why,
        }
    };
    SlideText {
        lines_heading,
        lines: links.iter().map(|l| entry(l)).collect(),
        own_heading: if with_own && !own.is_empty() {
            format!("Your documents ({}, not critiques)", own.len())
        } else {
            String::new()
        },
        own: if with_own {
            own.iter().map(|l| entry(l)).collect()
        } else {
            Vec::new()
        },
        ..SlideText::default()
    }
}

/// A passage's words from the start of the sentence holding byte `at` (a
/// `…` shows that words come before), on one line.
pub fn quote_from(text: &str, at: usize) -> String {
    let at = text.floor_char_boundary(at.min(text.len()));
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|(i, c)| {
            matches!(c, '.' | '?' | '!' | ';')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = one_line(&text[start..]);
    let rest = rest.trim();
    if start == 0 {
        rest.to_string()
    } else {
        format!("…{rest}")
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
        body: one_line(text),
        lines_heading: if links.is_empty() {
            "Not linked to any provision".into()
        } else {
            format!("Provisions it discusses ({})", links.len())
        },
        lines,
        ..SlideText::default()
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
        ..SlideText::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_and_steps_stay_in_the_deck() {
        // The title slide and five articles.
        let mut p = Presentation::new("t", (1..=5).map(Slide::Article).collect::<Vec<_>>(), 0);
        assert_eq!(p.slide(), Some(Slide::Title));
        p.step(false);
        assert_eq!(p.current, 0);
        p.type_digit('4');
        p.submit_jump();
        assert_eq!(p.progress(), "4/6");
        assert_eq!(p.slide(), Some(Slide::Article(3)));
        p.type_digit('9');
        p.submit_jump();
        assert_eq!(p.current, 3);
        assert!(p.message.as_deref().is_some_and(|m| m.contains("1 to 6")));
        p.jump_to_end(true);
        assert_eq!(p.progress(), "6/6");
        p.step(true);
        assert_eq!(p.progress(), "6/6");
        p.jump_to_end(false);
        assert_eq!(p.slide(), Some(Slide::Title));
    }

    #[test]
    fn a_bookmarks_deck_skips_what_is_gone_and_starts_at_the_selected_one() {
        let c = crate::corpus::load_embedded().expect("loads");
        let marks: Vec<ItemRef> = ["article:24", "source:no-such-source", "article:23"]
            .iter()
            .map(|m| m.parse().expect("a bookmark name"))
            .collect();
        let d = bookmarks_deck(&c, &marks, Some(&marks[2])).expect("two slides");
        assert_eq!(
            d.slides,
            vec![Slide::Title, Slide::Article(24), Slide::Article(23)],
            "the title slide, then the bookmarks in the user's order"
        );
        assert_eq!(d.progress(), "3/3");
        assert_eq!(d.covers, "2 bookmarks, in your order");
        let d = bookmarks_deck(&c, &marks, Some(&marks[1])).expect("two slides");
        assert_eq!(d.current, 0, "a bookmark that is gone starts at the title");
    }

    #[test]
    fn decks_by_name() {
        let c = crate::corpus::load_embedded().expect("loads");
        let d = deck_named(&c, "chapter IV", &[]).expect("chapter IV");
        assert_eq!(d.slides[..2], [Slide::Title, Slide::Chapter(4)]);
        assert_eq!(d.slide(), Some(Slide::Title));
        assert!(d.slides.len() > 3);
        assert_eq!(deck_named(&c, "iv", &[]).expect("iv").slides, d.slides);
        let e = deck_named(&c, "chapter XX", &[]).expect_err("no such");
        assert!(e.contains("I to IX"), "{e}");
        let e = deck_named(&c, "nonsense", &[]).expect_err("unknown");
        assert!(e.contains("bookmarks") && e.contains("concern"), "{e}");
        let e = deck_named(&c, "bookmarks", &[]).expect_err("none");
        assert!(e.contains("no bookmarks"), "{e}");
        let concern = c.concerns.first().expect("the corpus names concerns");
        let d = deck_named(&c, &format!("concern {}", concern.id), &[]).expect("concern");
        assert_eq!(d.slides.len(), concern.passages.len() + 1);
        assert_eq!(d.slides[0], Slide::Title);
        // By its title too, as `export --concern` takes it.
        let by_title = deck_named(&c, &concern.title, &[]).expect("by title");
        assert_eq!(by_title.slides, d.slides);
        let named = deck_named(&c, &format!("concern {}", concern.title), &[]).expect("named");
        assert_eq!(named.slides, d.slides);
        let e = deck_named(&c, "concern nothing like it", &[]).expect_err("none");
        assert!(
            e.contains("the concerns are") && e.contains(&concern.id),
            "{e}"
        );
        let d = deck_named(&c, "articles 24 23", &[]).expect("articles");
        assert_eq!(
            d.slides,
            vec![Slide::Title, Slide::Article(24), Slide::Article(23)]
        );
        assert!(deck_named(&c, "articles 99", &[]).is_err());
    }

    #[test]
    fn p_on_an_article_or_its_chapter_and_the_named_deck_are_one_deck() {
        let c = crate::corpus::load_embedded().expect("loads");
        let named = deck_named(&c, "chapter IV", &[]).expect("chapter IV");
        let from_chapter = deck_for_view(&c, View::Chapter(4), None);
        let from_article = deck_for_view(&c, View::Article(24), None);
        assert_eq!(from_chapter.slides, named.slides);
        assert_eq!(from_article.slides, named.slides);
        assert_eq!(from_article.slide(), Some(Slide::Article(24)));
    }

    #[test]
    fn a_quote_starts_at_its_sentence() {
        let t = "First point. Article 24 needs a judge; here. Last.";
        let at = t.find("Article").expect("there");
        assert_eq!(quote_from(t, at), "…Article 24 needs a judge; here. Last.");
        assert_eq!(quote_from(t, 3), t);
    }
}
