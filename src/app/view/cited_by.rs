//! The Cited by list as the reader has filtered and ordered it: which of a
//! provision's citing passages are shown and in what order, and the one-line
//! bar over the list that says so.

use crate::app::state::cited::CitedByState;
use crate::app::view::entry::Ctx;
use crate::app::view::lines::{DocLine, Piece, Role, fit};
use crate::corpus::{Target, Treatment};
use crate::refs::citing::{RefSort, select};
use crate::text::one_line;

/// The entries of `graph.cited_by(target)` the filter keeps, in the chosen
/// order, as indices into that list.
pub fn shown(ctx: Ctx, cited: &CitedByState, target: Target) -> Vec<usize> {
    let all = ctx.graph.cited_by(target);
    select(ctx.corpus, ctx.graph, target, &cited.filter, cited.sort)
        .into_iter()
        .filter_map(|r| all.iter().position(|l| std::ptr::eq(*l, r.link)))
        .collect()
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
