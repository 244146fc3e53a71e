//! Citing references of a provision, as a legal citator lists them: each
//! link with its treatment and depth, a summary of them ("13 passages · 5
//! sources · 9 criticise"), and the filters and sorts a reader applies.

use super::depth::Depth;
use super::graph::{Link, LinkGraph};
use crate::corpus::{Corpus, Target, Treatment};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// One citing reference: the link, with the treatment the analyst recorded
/// (none for a cited link, which records none).
#[derive(Debug, Clone, Copy)]
pub struct CitingRef<'a> {
    pub link: &'a Link,
    pub treatment: Option<Treatment>,
}

impl CitingRef<'_> {
    pub fn depth(&self) -> Depth {
        self.link.depth
    }
}

/// The treatment recorded for a link: an inferred link's curated treatment;
/// none for a cited one.
pub fn treatment_of(corpus: &Corpus, link: &Link) -> Option<Treatment> {
    if link.basis.is_cited() {
        return None;
    }
    corpus
        .curated_link(link.passage, link.target)
        .map(|c| c.treatment)
}

/// The citing references of a target, in the graph's order (cited first,
/// then corpus order).
pub fn citing_refs<'a>(
    corpus: &Corpus,
    graph: &'a LinkGraph,
    target: Target,
) -> Vec<CitingRef<'a>> {
    graph
        .cited_by(target)
        .into_iter()
        .map(|link| CitingRef {
            link,
            treatment: treatment_of(corpus, link),
        })
        .collect()
}

/// Which basis to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasisFilter {
    Cited,
    /// The analysts' inferred links and the user's own (accepted
    /// suggestions).
    Inferred,
    /// Suggested links the user has not decided on: none of the link graph's.
    Suggested,
}

/// What to keep of a list of citing references; an empty field keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefFilter {
    /// Keep these treatments (a cited link has none and is dropped when this
    /// is not empty).
    pub treatments: Vec<Treatment>,
    /// Keep links at least this deep.
    pub depth_min: Option<Depth>,
    /// Keep passages of these sources (indices into `Corpus::sources`).
    pub sources: Vec<usize>,
    pub basis: Option<BasisFilter>,
    /// Keep sources dated on or after this (`2024`, `2024-06`, `2024-06-01`);
    /// compared on the precision both dates have. An undated source is dropped.
    pub since: Option<String>,
    /// Keep sources dated on or before this.
    pub until: Option<String>,
}

impl RefFilter {
    pub fn is_empty(&self) -> bool {
        *self == RefFilter::default()
    }

    pub fn keeps(&self, corpus: &Corpus, r: &CitingRef) -> bool {
        if !self.treatments.is_empty() && !r.treatment.is_some_and(|t| self.treatments.contains(&t))
        {
            return false;
        }
        if self.depth_min.is_some_and(|min| r.depth() < min) {
            return false;
        }
        if !self.sources.is_empty() && !self.sources.contains(&r.link.passage.source) {
            return false;
        }
        match self.basis {
            Some(BasisFilter::Cited) if !r.link.basis.is_cited() => return false,
            Some(BasisFilter::Inferred) if r.link.basis.is_cited() => return false,
            // The graph holds cited and inferred links only.
            Some(BasisFilter::Suggested) => return false,
            _ => {}
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(date) = source_date(corpus, r) else {
                return false;
            };
            if self
                .since
                .as_deref()
                .is_some_and(|s| date_cmp(date, s).is_lt())
            {
                return false;
            }
            if self
                .until
                .as_deref()
                .is_some_and(|u| date_cmp(date, u).is_gt())
            {
                return false;
            }
        }
        true
    }
}

/// Compares two ISO dates of any precision on the precision both have:
/// `2024-02` is neither before nor after `2024`.
pub fn date_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    a.get(..n).cmp(&b.get(..n))
}

/// Whether `s` is a date a filter can take: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

fn source_date<'c>(corpus: &'c Corpus, r: &CitingRef) -> Option<&'c str> {
    corpus
        .sources
        .get(r.link.passage.source)?
        .meta
        .date
        .as_deref()
}

/// How to order citing references. Ties keep corpus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RefSort {
    /// Cited before inferred, then corpus order (the graph's order).
    #[default]
    Basis,
    /// Source by source, paragraph by paragraph.
    Corpus,
    /// Deepest treatment first.
    Depth,
    /// Newest source first; undated sources last.
    Date,
    /// Criticises, then proposes change, then the rest; deepest first within each.
    Critical,
}

impl RefSort {
    /// In the order a sort bar offers them.
    pub const ALL: [RefSort; 5] = [
        RefSort::Basis,
        RefSort::Corpus,
        RefSort::Depth,
        RefSort::Date,
        RefSort::Critical,
    ];

    /// The word of `--sort` and of a sort bar.
    pub fn name(self) -> &'static str {
        match self {
            RefSort::Basis => "basis",
            RefSort::Corpus => "corpus",
            RefSort::Depth => "depth",
            RefSort::Date => "date",
            RefSort::Critical => "critical",
        }
    }

    /// The next sort, round: what a sort key in a bar steps to.
    pub fn next(self) -> RefSort {
        let i = RefSort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        RefSort::ALL[(i + 1) % RefSort::ALL.len()]
    }
}

impl BasisFilter {
    pub fn name(self) -> &'static str {
        match self {
            BasisFilter::Cited => "cited",
            BasisFilter::Inferred => "inferred",
            BasisFilter::Suggested => "suggested",
        }
    }

    /// The next value of a filter key that steps through them: all, cited,
    /// inferred, suggested, all again (`None` is all).
    pub fn step(current: Option<BasisFilter>) -> Option<BasisFilter> {
        match current {
            None => Some(BasisFilter::Cited),
            Some(BasisFilter::Cited) => Some(BasisFilter::Inferred),
            Some(BasisFilter::Inferred) => Some(BasisFilter::Suggested),
            Some(BasisFilter::Suggested) => None,
        }
    }
}

/// The rank of a treatment for "most critical first" (see
/// [`Treatment::critical_rank`]).
pub fn critical_rank(t: Option<Treatment>) -> u8 {
    Treatment::critical_rank(t)
}

/// Orders `refs` in place; the sort is stable on corpus order.
pub fn sort_refs(corpus: &Corpus, refs: &mut [CitingRef], sort: RefSort) {
    match sort {
        RefSort::Basis => refs.sort_by_key(|r| (!r.link.basis.is_cited(), r.link.passage)),
        RefSort::Corpus => refs.sort_by_key(|r| r.link.passage),
        RefSort::Depth => refs.sort_by_key(|r| (Reverse(r.depth()), r.link.passage)),
        RefSort::Date => refs.sort_by_key(|r| {
            let date = source_date(corpus, r);
            (date.is_none(), Reverse(date), r.link.passage)
        }),
        RefSort::Critical => refs.sort_by_key(|r| {
            (
                critical_rank(r.treatment),
                Reverse(r.depth()),
                r.link.passage,
            )
        }),
    }
}

/// The citing references of `target`, filtered and sorted: what `treaty refs`
/// prints and what the explorer's Cited by shows.
pub fn select<'a>(
    corpus: &Corpus,
    graph: &'a LinkGraph,
    target: Target,
    filter: &RefFilter,
    sort: RefSort,
) -> Vec<CitingRef<'a>> {
    let mut refs: Vec<CitingRef> = citing_refs(corpus, graph, target)
        .into_iter()
        .filter(|r| filter.keeps(corpus, r))
        .collect();
    sort_refs(corpus, &mut refs, sort);
    refs
}

/// Counts of a provision's citing references, for its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSummary {
    pub passages: usize,
    pub sources: usize,
    pub cited: usize,
    pub inferred: usize,
    /// Per treatment, in [`Treatment::ALL`] order.
    pub treatments: [(Option<Treatment>, usize); 5],
    /// Per depth, deepest first.
    pub depths: [(Depth, usize); 4],
}

impl RefSummary {
    pub fn of(refs: &[CitingRef]) -> RefSummary {
        let sources: BTreeSet<usize> = refs.iter().map(|r| r.link.passage.source).collect();
        let cited = refs.iter().filter(|r| r.link.basis.is_cited()).count();
        let mut treatments = [
            (Some(Treatment::Criticises), 0),
            (Some(Treatment::ProposesChange), 0),
            (Some(Treatment::Welcomes), 0),
            (Some(Treatment::Mentions), 0),
            (None, 0),
        ];
        for r in refs {
            if let Some(slot) = treatments.iter_mut().find(|(t, _)| *t == r.treatment) {
                slot.1 += 1;
            }
        }
        RefSummary {
            passages: refs.len(),
            sources: sources.len(),
            cited,
            inferred: refs.len() - cited,
            treatments,
            depths: super::depth::distribution(refs.iter().map(CitingRef::depth)),
        }
    }

    /// How many passages have treatment `t` (`None`: no treatment recorded).
    pub fn treatment(&self, t: Option<Treatment>) -> usize {
        self.treatments
            .iter()
            .find(|(k, _)| *k == t)
            .map_or(0, |(_, n)| *n)
    }

    pub fn depth(&self, d: Depth) -> usize {
        self.depths
            .iter()
            .find(|(k, _)| *k == d)
            .map_or(0, |(_, n)| *n)
    }

    /// `13 passages · 5 sources · 9 criticise · 3 propose changes · depth 4/3/2/1: 2/5/4/2`;
    /// a treatment nobody records is left out.
    pub fn line(&self) -> String {
        let mut out = self.head();
        if self.passages > 0 {
            let marks: Vec<String> = self.depths.iter().map(|(_, n)| n.to_string()).collect();
            out.push_str(&format!(" · depth 4/3/2/1: {}", marks.join("/")));
        }
        out
    }

    /// The line without the depth counts: `13 passages · 5 sources · 9
    /// criticise · 3 propose changes`, what an article's header shows.
    pub fn head(&self) -> String {
        let s = crate::text::plural;
        let mut parts = vec![
            format!("{} passage{}", self.passages, s(self.passages)),
            format!("{} source{}", self.sources, s(self.sources)),
        ];
        for (t, n) in self.treatments {
            if n == 0 {
                continue;
            }
            let (one, many) = match t {
                Some(Treatment::Criticises) => ("criticises", "criticise"),
                Some(Treatment::ProposesChange) => ("proposes a change", "propose changes"),
                Some(Treatment::Welcomes) => ("welcomes", "welcome"),
                Some(Treatment::Mentions) => ("mentions only", "mention only"),
                None => (
                    "cites it (no treatment recorded)",
                    "cite it (no treatment recorded)",
                ),
            };
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
        parts.join(" · ")
    }
}

/// The summary of a target's citing references (all of them, unfiltered).
pub fn summary(corpus: &Corpus, graph: &LinkGraph, target: Target) -> RefSummary {
    RefSummary::of(&citing_refs(corpus, graph, target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> (Corpus, LinkGraph) {
        let corpus = crate::corpus::load_embedded().expect("embedded corpus");
        let graph = LinkGraph::build(&corpus);
        (corpus, graph)
    }

    #[test]
    fn summary_counts_add_up() {
        let (corpus, graph) = builtin();
        let s = summary(&corpus, &graph, Target::Article(24));
        assert_eq!(s.passages, graph.count(Target::Article(24)));
        let by_treatment: usize = s.treatments.iter().map(|(_, n)| n).sum();
        let by_depth: usize = s.depths.iter().map(|(_, n)| n).sum();
        assert_eq!(by_treatment, s.passages);
        assert_eq!(by_depth, s.passages);
        assert_eq!(s.treatment(None), s.cited);
        assert!(s.line().starts_with(&format!("{} passages · ", s.passages)));
    }

    #[test]
    fn filters_keep_only_what_they_name() {
        let (corpus, graph) = builtin();
        let t = Target::Article(24);
        let all = select(&corpus, &graph, t, &RefFilter::default(), RefSort::Basis);
        let filter = RefFilter {
            treatments: vec![Treatment::Criticises],
            ..RefFilter::default()
        };
        let crit = select(&corpus, &graph, t, &filter, RefSort::Basis);
        assert!(!crit.is_empty() && crit.len() < all.len());
        assert_eq!(RefSort::Critical.next(), RefSort::Basis);
        assert_eq!(RefSort::ALL.map(RefSort::name).len(), 5);
        assert!(
            crit.iter()
                .all(|r| r.treatment == Some(Treatment::Criticises))
        );
        let cited = select(
            &corpus,
            &graph,
            t,
            &RefFilter {
                basis: Some(BasisFilter::Cited),
                ..RefFilter::default()
            },
            RefSort::Basis,
        );
        assert!(cited.iter().all(|r| r.link.basis.is_cited()));
        let inferred = select(
            &corpus,
            &graph,
            t,
            &RefFilter {
                basis: Some(BasisFilter::Inferred),
                ..RefFilter::default()
            },
            RefSort::Basis,
        );
        assert!(!inferred.is_empty());
        assert!(inferred.iter().all(|r| !r.link.basis.is_cited()));
        assert_eq!(cited.len() + inferred.len(), all.len());
        let suggested = RefFilter {
            basis: Some(BasisFilter::Suggested),
            ..RefFilter::default()
        };
        assert!(
            select(&corpus, &graph, t, &suggested, RefSort::Basis).is_empty(),
            "no link of the graph is a suggestion"
        );
        let deep = select(
            &corpus,
            &graph,
            t,
            &RefFilter {
                depth_min: Some(Depth::Discusses),
                ..RefFilter::default()
            },
            RefSort::Basis,
        );
        assert!(deep.iter().all(|r| r.depth() >= Depth::Discusses));
    }

    #[test]
    fn sorts_order_as_named() {
        let (corpus, graph) = builtin();
        let f = RefFilter::default();
        let t = Target::Article(24);
        let by_depth = select(&corpus, &graph, t, &f, RefSort::Depth);
        assert!(by_depth.windows(2).all(|w| w[0].depth() >= w[1].depth()));
        let critical = select(&corpus, &graph, t, &f, RefSort::Critical);
        assert!(
            critical
                .windows(2)
                .all(|w| critical_rank(w[0].treatment) <= critical_rank(w[1].treatment))
        );
        let corpus_order = select(&corpus, &graph, t, &f, RefSort::Corpus);
        assert!(
            corpus_order
                .windows(2)
                .all(|w| w[0].link.passage < w[1].link.passage)
        );
        let by_date = select(&corpus, &graph, t, &f, RefSort::Date);
        let dates: Vec<Option<&str>> = by_date.iter().map(|r| source_date(&corpus, r)).collect();
        for w in dates.windows(2) {
            match (w[0], w[1]) {
                (Some(a), Some(b)) => assert!(date_cmp(a, b).is_ge(), "{a} before {b}"),
                (None, Some(_)) => panic!("undated before dated"),
                _ => {}
            }
        }
    }

    #[test]
    fn the_basis_steps_round_through_all_four() {
        let mut seen = vec![None];
        let mut b = BasisFilter::step(None);
        while b.is_some() {
            seen.push(b);
            b = BasisFilter::step(b);
        }
        assert_eq!(
            seen.iter()
                .map(|b| b.map_or("all", BasisFilter::name))
                .collect::<Vec<_>>(),
            ["all", "cited", "inferred", "suggested"]
        );
    }

    #[test]
    fn dates_compare_on_shared_precision() {
        assert!(date_cmp("2024-02", "2024").is_eq());
        assert!(date_cmp("2024-02-13", "2024-03").is_lt());
        assert!(date_cmp("2025", "2024-12").is_gt());
        assert!(is_date("2024") && is_date("2024-06") && is_date("2024-06-01"));
        assert!(!is_date("24") && !is_date("2024/06") && !is_date("june"));
    }
}
