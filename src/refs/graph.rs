//! The link graph: which passages discuss which provisions, either because they
//! cite them (found in the text at load time) or because an analyst inferred it.

use super::depth::{Depth, link_depth, subject_terms};
use super::extract::{Citation, extract};
use crate::corpus::{Corpus, PassageId, Target};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The passage names the provision; `text` is the citation as written.
    Cited { text: String },
    /// An analyst linked it by reading the passage.
    Inferred { reason: String },
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

#[derive(Debug, Clone, Default)]
pub struct LinkGraph {
    links: Vec<Link>,
    by_target: HashMap<Target, Vec<usize>>,
    by_passage: HashMap<PassageId, Vec<usize>>,
    citations: HashMap<PassageId, Vec<Citation>>,
    pub unresolved: Vec<Unresolved>,
}

impl LinkGraph {
    /// Extracts the cited links of every passage and joins the curated ones.
    /// A target linked both ways by one passage keeps only the cited link.
    pub fn build(corpus: &Corpus) -> Self {
        let mut g = LinkGraph::default();
        for id in corpus.passage_ids() {
            let Some(p) = corpus.passage(id) else {
                continue;
            };
            let found = extract(&p.text);
            for c in &found {
                if !c.is_resolved() {
                    g.unresolved.push(Unresolved {
                        passage: id,
                        citation: c.clone(),
                    });
                }
                for t in &c.targets {
                    g.add(Link {
                        passage: id,
                        target: *t,
                        basis: Basis::Cited {
                            text: c.text.clone(),
                        },
                        depth: Depth::Mentions,
                    });
                }
            }
            if !found.is_empty() {
                g.citations.insert(id, found);
            }
        }
        for cl in &corpus.curated {
            for t in &cl.targets {
                g.add(Link {
                    passage: cl.passage,
                    target: *t,
                    basis: Basis::Inferred {
                        reason: cl.reason.clone(),
                    },
                    depth: Depth::Mentions,
                });
            }
        }
        g.grade(corpus);
        g.sort();
        g
    }

    /// Sets every link's depth from its passage's sentences.
    fn grade(&mut self, corpus: &Corpus) {
        let terms = subject_terms(corpus);
        let empty = Default::default();
        for link in &mut self.links {
            let Some(p) = corpus.passage(link.passage) else {
                continue;
            };
            let citations = self
                .citations
                .get(&link.passage)
                .map_or(&[][..], Vec::as_slice);
            let t = terms.get(&link.target).unwrap_or(&empty);
            link.depth = link_depth(&p.text, citations, link.target, t);
        }
    }

    fn add(&mut self, link: Link) {
        let exists = self
            .by_passage
            .get(&link.passage)
            .is_some_and(|ls| ls.iter().any(|&i| self.links[i].target == link.target));
        if exists {
            return;
        }
        let i = self.links.len();
        self.by_target.entry(link.target).or_default().push(i);
        self.by_passage.entry(link.passage).or_default().push(i);
        self.links.push(link);
    }

    /// Cited before inferred, then corpus order; a passage's targets in
    /// convention order.
    fn sort(&mut self) {
        let links = &self.links;
        for v in self.by_target.values_mut() {
            v.sort_by_key(|&i| (!links[i].basis.is_cited(), links[i].passage));
        }
        for v in self.by_passage.values_mut() {
            v.sort_by_key(|&i| (links[i].target, !links[i].basis.is_cited()));
        }
    }

    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Passages linked to a target (an article, a chapter as a whole, the
    /// preamble): cited first, then inferred.
    pub fn cited_by(&self, target: Target) -> Vec<&Link> {
        self.by_target
            .get(&target)
            .map(|v| v.iter().map(|&i| &self.links[i]).collect())
            .unwrap_or_default()
    }

    /// Provisions a passage is linked to.
    pub fn links_of(&self, passage: PassageId) -> Vec<&Link> {
        self.by_passage
            .get(&passage)
            .map(|v| v.iter().map(|&i| &self.links[i]).collect())
            .unwrap_or_default()
    }

    /// Citations found in a passage's text, with their spans, for highlighting.
    pub fn citations(&self, passage: PassageId) -> &[Citation] {
        self.citations.get(&passage).map_or(&[], |v| v.as_slice())
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
