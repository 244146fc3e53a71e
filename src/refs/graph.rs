//! The link graph: which passages discuss which provisions, either because they
//! cite them (found in the text at load time) or because an analyst inferred it.
//!
//! Kept compact, because it is built for every passage of a corpus that can
//! reach hundreds of megabytes: a citation's text and an inferred link's
//! reason are interned once (every `Article 23` of the corpus shares one
//! string), the indices into the links are `u32`, and the citations found in
//! the passages are stored as spans and ids, not as `Citation` values.

use super::depth::{Depth, Grader};
use super::extract::{Citation, extract};
use crate::corpus::{Corpus, PassageId, Target};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The passage names the provision; `text` is the citation as written,
    /// shared by every citation written the same way.
    Cited { text: Arc<str> },
    /// An analyst linked it by reading the passage.
    Inferred { reason: Arc<str> },
}

impl Basis {
    pub fn name(&self) -> &'static str {
        match self {
            Basis::Cited { .. } => "cited",
            Basis::Inferred { .. } => "inferred",
        }
    }
    pub fn is_cited(&self) -> bool {
        matches!(self, Basis::Cited { .. })
    }
    /// The reason of an inferred link; none for a cited one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Basis::Cited { .. } => None,
            Basis::Inferred { reason } => Some(reason),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub passage: PassageId,
    pub target: Target,
    pub basis: Basis,
    /// How much of the passage bears on the target (1 mentions .. 4
    /// examines), computed once when the graph is built.
    pub depth: Depth,
}

/// A citation that could not be resolved, where it was found.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub passage: PassageId,
    pub citation: Citation,
}

/// Where a count goes while the graph is being built.
pub const PENDING_MARK: &str = "…";

/// What a list of links says while the graph is being built.
pub const PENDING_NOTE: &str = "counting links…";

/// No string: an optional id in [`Strings`].
const NONE: u32 = u32::MAX;

/// A citation found in a passage, as spans and ids: what [`Citation`] holds,
/// in 32 bytes and no allocation of its own.
#[derive(Debug, Clone)]
struct Found {
    start: u32,
    end: u32,
    line: u32,
    column: u32,
    /// The text as written, in [`Strings`].
    text: u32,
    /// The first of its targets in `LinkGraph::targets`.
    targets: u32,
    /// How many targets (a range `Articles 40 to 44` has five).
    target_count: u32,
    /// `(2)(b)`, or [`NONE`].
    pinpoint: u32,
}

/// Every distinct string of the graph, once.
#[derive(Debug, Clone, Default)]
struct Strings {
    all: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Strings {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = small(self.all.len());
        let shared: Arc<str> = Arc::from(s);
        self.all.push(Arc::clone(&shared));
        self.ids.insert(shared, id);
        id
    }

    fn get(&self, id: u32) -> Arc<str> {
        Arc::clone(&self.all[id as usize])
    }
}

/// An index or an offset as `u32`. A passage is read whole from a file of
/// at most a few hundred megabytes and a corpus has far fewer than 2^32
/// links, so this never saturates in practice; if it did, a span would end
/// early rather than wrap.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX - 1)
}

#[derive(Debug, Clone, Default)]
pub struct LinkGraph {
    links: Vec<Link>,
    /// Link indices by target, cited first, then corpus order.
    by_target: HashMap<Target, Vec<u32>>,
    /// Every link index, ordered by (passage, target, cited first): a
    /// passage's links are one run of it, found by binary search.
    by_passage: Vec<u32>,
    /// The citations of every passage that has any, in passage order; a
    /// passage's citations are `found[first..next passage's first]`.
    found: Vec<Found>,
    /// (source, paragraph index, first of its citations in `found`), for the
    /// passages with citations, in passage order.
    found_at: Vec<(u32, u32, u32)>,
    targets: Vec<Target>,
    strings: Strings,
    pub unresolved: Vec<Unresolved>,
    /// Still being built on another thread: the counts are not known yet
    /// (and are not zero). See [`LinkGraph::pending`].
    pending: bool,
}

impl LinkGraph {
    /// Extracts the cited links of every passage and joins the curated ones.
    /// A target linked both ways by one passage keeps only the cited link;
    /// a target cited twice by one passage keeps the first citation.
    pub fn build(corpus: &Corpus) -> Self {
        let mut grader = Grader::new(corpus);
        let mut g = LinkGraph::default();
        for id in corpus.passage_ids() {
            let Some(p) = corpus.passage(id) else {
                continue;
            };
            let found = extract(&p.text);
            if found.is_empty() {
                continue;
            }
            let mut targets: Vec<(Target, u32)> = Vec::new();
            for c in &found {
                if !c.is_resolved() {
                    g.unresolved.push(Unresolved {
                        passage: id,
                        citation: c.clone(),
                    });
                }
                let text = g.strings.intern(&c.text);
                for &target in &c.targets {
                    if !targets.iter().any(|&(t, _)| t == target) {
                        targets.push((target, text));
                    }
                }
            }
            let only: Vec<Target> = targets.iter().map(|&(t, _)| t).collect();
            let depths = grader.depths(&p.text, &found, &only);
            for (&(target, text), depth) in targets.iter().zip(depths) {
                g.links.push(Link {
                    passage: id,
                    target,
                    basis: Basis::Cited {
                        text: g.strings.get(text),
                    },
                    depth,
                });
            }
            g.store_citations(id, &found);
        }
        g.links.shrink_to_fit();
        // Curated links in their own order: a target the passage cites, or
        // that an earlier curated link gave it, is not linked twice.
        let mut inferred = std::collections::HashSet::new();
        for cl in &corpus.curated {
            let Some(p) = corpus.passage(cl.passage) else {
                continue;
            };
            let citations = g.citations(cl.passage);
            let reason = g.strings.intern(&cl.reason);
            let kept: Vec<Target> = cl
                .targets
                .iter()
                .copied()
                .filter(|&target| {
                    let cited = g.cited_links_of(cl.passage).any(|l| l.target == target);
                    !cited && inferred.insert((cl.passage, target))
                })
                .collect();
            // Graded together: the passage's sentences are read once.
            let depths = grader.depths(&p.text, &citations, &kept);
            for (target, depth) in kept.into_iter().zip(depths) {
                g.links.push(Link {
                    passage: cl.passage,
                    target,
                    basis: Basis::Inferred {
                        reason: g.strings.get(reason),
                    },
                    depth,
                });
            }
        }
        g.index();
        // The lookup table is only needed while building.
        g.strings.ids = HashMap::new();
        g
    }

    /// An empty graph standing for one still being built: no links yet, and
    /// [`LinkGraph::is_pending`] says so, so that counts are shown as not yet
    /// known rather than as zero.
    pub fn pending() -> Self {
        LinkGraph {
            pending: true,
            ..LinkGraph::default()
        }
    }

    /// Whether this graph stands for one still being built.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    fn store_citations(&mut self, id: PassageId, found: &[Citation]) {
        self.found_at
            .push((small(id.source), small(id.index), small(self.found.len())));
        for c in found {
            let targets = small(self.targets.len());
            self.targets.extend_from_slice(&c.targets);
            let text = self.strings.intern(&c.text);
            let pinpoint = c
                .pinpoint
                .as_deref()
                .map_or(NONE, |p| self.strings.intern(p));
            self.found.push(Found {
                start: small(c.span.start),
                end: small(c.span.end),
                line: small(c.line),
                column: small(c.column),
                text,
                targets,
                target_count: small(c.targets.len()),
                pinpoint,
            });
        }
    }

    /// The cited links of a passage, while building (they are one run at the
    /// passage's place in `links`, before any inferred link).
    fn cited_links_of(&self, passage: PassageId) -> impl Iterator<Item = &Link> {
        let cited = self
            .links
            .partition_point(|l| l.basis.is_cited() && l.passage < passage);
        self.links[cited..]
            .iter()
            .take_while(move |l| l.basis.is_cited() && l.passage == passage)
    }

    /// Orders the links by target (cited before inferred, then corpus order)
    /// and by passage (a passage's targets in convention order).
    fn index(&mut self) {
        let links = &self.links;
        for (i, l) in links.iter().enumerate() {
            self.by_target.entry(l.target).or_default().push(small(i));
        }
        for v in self.by_target.values_mut() {
            v.sort_by_key(|&i| {
                (
                    !links[i as usize].basis.is_cited(),
                    links[i as usize].passage,
                )
            });
            v.shrink_to_fit();
        }
        self.by_passage = (0..small(links.len())).collect();
        self.by_passage.sort_by_key(|&i| {
            let l = &links[i as usize];
            (l.passage, l.target, !l.basis.is_cited())
        });
        self.found.shrink_to_fit();
        self.found_at.shrink_to_fit();
        self.targets.shrink_to_fit();
        self.strings.all.shrink_to_fit();
    }

    /// Every link: the cited ones in corpus order, then the inferred ones in
    /// the order of the curated links.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Passages linked to a target (an article, a chapter as a whole, the
    /// preamble): cited first, then inferred.
    pub fn cited_by(&self, target: Target) -> Vec<&Link> {
        self.by_target
            .get(&target)
            .map(|v| v.iter().map(|&i| &self.links[i as usize]).collect())
            .unwrap_or_default()
    }

    /// Provisions a passage is linked to, in convention order.
    pub fn links_of(&self, passage: PassageId) -> Vec<&Link> {
        let links = &self.links;
        let from = self
            .by_passage
            .partition_point(|&i| links[i as usize].passage < passage);
        self.by_passage[from..]
            .iter()
            .map(|&i| &links[i as usize])
            .take_while(|l| l.passage == passage)
            .collect()
    }

    /// Citations found in a passage's text, with their spans, for highlighting.
    pub fn citations(&self, passage: PassageId) -> Vec<Citation> {
        let key = (small(passage.source), small(passage.index));
        let Ok(at) = self
            .found_at
            .binary_search_by_key(&key, |&(s, i, _)| (s, i))
        else {
            return Vec::new();
        };
        let from = self.found_at[at].2 as usize;
        let to = self
            .found_at
            .get(at + 1)
            .map_or(self.found.len(), |n| n.2 as usize);
        self.found[from..to]
            .iter()
            .map(|f| {
                let targets = f.targets as usize..(f.targets + f.target_count) as usize;
                let targets = self.targets[targets].to_vec();
                Citation {
                    span: f.start as usize..f.end as usize,
                    line: f.line as usize,
                    column: f.column as usize,
                    text: self.strings.get(f.text).to_string(),
                    problem: if targets.is_empty() {
                        self.problem_of(passage, f.start as usize)
                    } else {
                        None
                    },
                    targets,
                    pinpoint: (f.pinpoint != NONE)
                        .then(|| self.strings.get(f.pinpoint).to_string()),
                }
            })
            .collect()
    }

    /// Why the citation at `start` of a passage could not be resolved
    /// (`unresolved` is in passage order, then text order).
    fn problem_of(&self, passage: PassageId, start: usize) -> Option<String> {
        let key = (passage, start);
        self.unresolved
            .binary_search_by_key(&key, |u| (u.passage, u.citation.span.start))
            .ok()
            .and_then(|i| self.unresolved[i].citation.problem.clone())
    }

    /// The count as the outline shows it: `…` while the graph is being
    /// built, never a zero that is not known yet.
    pub fn count_label(&self, target: Target) -> String {
        if self.pending {
            PENDING_MARK.to_string()
        } else {
            self.count(target).to_string()
        }
    }

    pub fn count(&self, target: Target) -> usize {
        self.by_target.get(&target).map_or(0, Vec::len)
    }

    pub fn cited_count(&self) -> usize {
        self.links.iter().filter(|l| l.basis.is_cited()).count()
    }

    pub fn inferred_count(&self) -> usize {
        self.links.len() - self.cited_count()
    }
}
