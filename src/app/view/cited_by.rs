//! The Cited by list as the reader has filtered and ordered it: which of a
//! provision's citing passages are shown and in what order (its suggested
//! links after them, kept by the same filter), and the one-line bar over
//! the list that says so.

use crate::app::state::AppState;
use crate::app::state::cited::CitedByState;
use crate::app::view::entry::{Ctx, Item, SuggestedEntry};
use crate::app::view::lines::{DocLine, Piece, Role, fit};
use crate::corpus::{Corpus, PassageId, Target, Treatment};
use crate::refs::citing::{BasisFilter, RefFilter, RefSort, date_cmp, select};
use crate::refs::graph::Link;
use crate::text::one_line;
use std::collections::HashMap;

/// The entries of `graph.cited_by(target)` the filter keeps, in the chosen
/// order, as indices into that list.
pub fn shown(ctx: Ctx, cited: &CitedByState, target: Target) -> Vec<usize> {
    // Each link's place in the list looked up, not searched for: a search
    // per entry grew with the square of the list, and this runs several
    // times a frame (4,000 links: 18 ms a call in a debug build, now 3).
    let at: HashMap<*const Link, usize> = ctx
        .graph
        .cited_by(target)
        .into_iter()
        .enumerate()
        .map(|(i, l)| (std::ptr::from_ref(l), i))
        .collect();
    select(ctx.corpus, ctx.graph, target, &cited.filter, cited.sort)
        .into_iter()
        .filter_map(|r| at.get(&std::ptr::from_ref(r.link)).copied())
        .collect()
}

/// The suggested links of `target` the filter keeps, pending and accepted
/// (the user's own inferred links), rejected ones never.
pub fn suggested_shown(state: &AppState, corpus: &Corpus, target: Target) -> Vec<SuggestedEntry> {
    crate::app::view::suggested_entries::for_target(state, corpus, target)
        .into_iter()
        .filter_map(|it| match it {
            Item::Suggested(e) => Some(e),
            _ => None,
        })
        .filter(|e| suggestion_kept(corpus, &state.cited.filter, e))
        .collect()
}

/// Whether the filter keeps a suggested link. Its basis is `suggested`
/// until the user accepts it, then `inferred` (theirs); it records no
/// treatment (so a treatment filter leaves it out, as it does a cited link)
/// and its depth is not graded here (so a depth filter leaves it out); its
/// source and date count as a link's do.
fn suggestion_kept(corpus: &Corpus, f: &RefFilter, e: &SuggestedEntry) -> bool {
    let basis_kept = match f.basis {
        None => true,
        Some(BasisFilter::Cited) => false,
        Some(BasisFilter::Inferred) => e.accepted,
        Some(BasisFilter::Suggested) => !e.accepted,
    };
    if !basis_kept || !f.treatments.is_empty() || f.depth_min.is_some() {
        return false;
    }
    if !f.sources.is_empty() && !f.sources.contains(&e.passage.source) {
        return false;
    }
    if f.since.is_some() || f.until.is_some() {
        let date = corpus
            .sources
            .get(e.passage.source)
            .and_then(|s| s.meta.date.as_deref());
        let Some(date) = date else {
            return false;
        };
        let early = f
            .since
            .as_deref()
            .is_some_and(|s| date_cmp(date, s).is_lt());
        let late = f
            .until
            .as_deref()
            .is_some_and(|u| date_cmp(date, u).is_gt());
        if early || late {
            return false;
        }
    }
    true
}

/// The entries of a provision's "Cited by": its links the filter keeps, in
/// the chosen order, then the suggested links it keeps; a note when it
/// keeps none, or when no passage is linked.
pub fn entries(ctx: Ctx, state: &AppState, target: Target) -> Vec<Item> {
    let n = ctx.graph.count(target);
    let suggested = suggested_shown(state, ctx.corpus, target)
        .into_iter()
        .map(Item::Suggested);
    if n == 0 {
        let what = match target {
            Target::Preamble => "the preamble",
            Target::Chapter(_) => "this chapter as a whole",
            Target::Article(_) => "this article",
        };
        let mut out = vec![Item::Note(format!(
            "No passage in the corpus is linked to {what}."
        ))];
        out.extend(suggested);
        return out;
    }
    let out: Vec<Item> = shown(ctx, &state.cited, target)
        .into_iter()
        .map(|index| Item::CitedBy { target, index })
        .chain(suggested)
        .collect();
    if out.is_empty() {
        let clear = crate::app::keymap::first_key(
            ctx.keys,
            crate::app::keymap::Mode::Normal,
            &crate::app::action::Action::CitedClear,
        )
        .unwrap_or_default();
        let note = if state.cited.filter.basis == Some(BasisFilter::Suggested) {
            format!("No suggested link here matches the filter: {clear} shows all {n} passages.")
        } else {
            format!("None of the {n} passages on it matches the filter: {clear} shows them all.")
        };
        return vec![Item::Note(note)];
    }
    out
}

/// The passage an entry of Cited by stands for.
pub fn entry_passage(ctx: Ctx, item: &Item) -> Option<PassageId> {
    match item {
        Item::CitedBy { target, index } => {
            ctx.graph.cited_by(*target).get(*index).map(|l| l.passage)
        }
        Item::Suggested(e) => Some(e.passage),
        _ => None,
    }
}

/// Where entry `index` of `graph.cited_by(target)` is in the list as shown.
pub fn position(ctx: Ctx, cited: &CitedByState, target: Target, index: usize) -> Option<usize> {
    shown(ctx, cited, target).iter().position(|i| *i == index)
}

/// The treatment in words, as an entry shows it.
pub fn treatment_words(t: Treatment) -> &'static str {
    match t {
        Treatment::Criticises => "criticises",
        Treatment::ProposesChange => "proposes change",
        Treatment::Welcomes => "welcomes",
        Treatment::Mentions => "mentions",
    }
}

/// The order in words.
pub fn order_words(sort: RefSort) -> &'static str {
    match sort {
        RefSort::Basis => "cited first",
        RefSort::Corpus => "source by source",
        RefSort::Depth => "deepest first",
        RefSort::Date => "newest first",
        RefSort::Critical => "most critical first",
    }
}

/// What the filter keeps, in words: `criticises · depth ≥ 3 · Zamora`;
/// empty when it keeps everything.
pub fn filter_words(ctx: Ctx, cited: &CitedByState) -> Vec<String> {
    let f = &cited.filter;
    let mut out = Vec::new();
    for t in &f.treatments {
        out.push(treatment_words(*t).to_string());
    }
    if let Some(d) = f.depth_min {
        out.push(format!("depth ≥ {}", d.mark()));
    }
    for s in &f.sources {
        if let Some(src) = ctx.corpus.sources.get(*s) {
            out.push(one_line(&src.marked_name()));
        }
    }
    if let Some(b) = f.basis {
        out.push(format!("{} only", b.name()));
    }
    if let Some(y) = &f.since {
        out.push(one_line(y));
    }
    out
}

/// `order (o): cited first · show (T D S L Y): all`, or with a filter
/// `… · show: criticises, depth ≥ 3 (F: all)`.
pub fn bar(ctx: Ctx, cited: &CitedByState, width: usize) -> DocLine {
    let key = |action: crate::app::action::Action| {
        crate::app::keymap::first_key(ctx.keys, crate::app::keymap::Mode::Normal, &action)
            .unwrap_or_default()
    };
    use crate::app::action::Action as A;
    let mut line = vec![
        Piece::new(format!("order ({}): ", key(A::CitedOrder)), Role::Field),
        Piece::new(order_words(cited.sort), Role::Plain),
        Piece::new(" · ", Role::Plain),
    ];
    let words = filter_words(ctx, cited);
    if words.is_empty() {
        let keys = [
            A::CitedTreatment,
            A::CitedDepth,
            A::CitedSource,
            A::CitedBasis,
            A::CitedYear,
        ]
        .map(key)
        .join(" ");
        line.push(Piece::new(format!("show ({keys}): "), Role::Field));
        line.push(Piece::new("all", Role::Plain));
    } else {
        // The pane's title says how many of how many.
        line.push(Piece::new("show: ", Role::Field));
        line.push(Piece::new(words.join(", "), Role::Match));
        line.push(Piece::new(
            format!(" ({}: all)", key(A::CitedClear)),
            Role::Plain,
        ));
    }
    fit(line, width)
}
