//! The suggester measured against the analysts' links: on the built-in
//! sources with their curated links hidden, the suggestions compared with the
//! curated inferred links (exact provision, same chapter, top suggestion), on
//! a split: the weights and cuts are calibrated on two sources and the
//! figures reported on the other three (and overall); each source learns only
//! from the other sources' links, never its own. Also on a blind set written
//! by someone who had seen neither the index nor the links, and on a short
//! text written for this test; neither names an article number.

use std::collections::{HashMap, HashSet};
use treaty::corpus::{Corpus, PassageId, Target, load_embedded};
use treaty::search::suggest::{
    Example, LIKE_WEIGHT, MAX_PER_PASSAGE, RELATIVE, Suggester, THRESHOLD,
};

/// The sources the threshold is calibrated on; the others are held out.
const TUNE: &[&str] = &["benitez-mongelos", "hanoi-warning"];

/// The part of the convention a target belongs to: its chapter (an article's
/// chapter, or the chapter itself) or the preamble.
fn chapter_of(corpus: &Corpus, t: Target) -> Target {
    match t {
        Target::Article(n) => corpus
            .convention
            .chapters
            .iter()
            .find(|c| c.articles.iter().any(|a| a.number == n))
            .map_or(t, |c| c.target()),
        other => other,
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Figures {
    suggested: usize,
    curated: usize,
    right: usize,
    /// Suggestions in a chapter (or the preamble) the passage is linked to.
    near: usize,
    /// Curated pairs whose chapter has a suggestion for that passage.
    covered: usize,
    /// Passages with a suggestion, and those whose first one is curated.
    passages_suggested: usize,
    first_right: usize,
    passages: usize,
}

impl Figures {
    /// Counts one passage: the provisions wanted and those suggested, best
    /// first.
    fn count(&mut self, corpus: &Corpus, want: &HashSet<Target>, got: &[Target]) {
        self.passages += 1;
        self.curated += want.len();
        self.suggested += got.len();
        self.right += got.iter().filter(|t| want.contains(t)).count();
        let want_ch: HashSet<Target> = want.iter().map(|t| chapter_of(corpus, *t)).collect();
        let got_ch: HashSet<Target> = got.iter().map(|t| chapter_of(corpus, *t)).collect();
        self.near += got
            .iter()
            .filter(|t| want_ch.contains(&chapter_of(corpus, **t)))
            .count();
        self.covered += want
            .iter()
            .filter(|t| got_ch.contains(&chapter_of(corpus, **t)))
            .count();
        if let Some(first) = got.first() {
            self.passages_suggested += 1;
            if want.contains(first) {
                self.first_right += 1;
            }
        }
    }

    fn precision(&self) -> f64 {
        self.right as f64 / self.suggested.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.curated.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn chapter_precision(&self) -> f64 {
        self.near as f64 / self.suggested.max(1) as f64
    }
    fn chapter_recall(&self) -> f64 {
        self.covered as f64 / self.curated.max(1) as f64
    }
    fn precision_at_1(&self) -> f64 {
        self.first_right as f64 / self.passages_suggested.max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name}: {} suggested, {} curated, {} agree: precision {:.2}, recall {:.2}; chapter level precision {:.2}, recall {:.2}; precision@1 {:.2} ({}/{} passages with a suggestion, of {})",
            self.suggested,
            self.curated,
            self.right,
            self.precision(),
            self.recall(),
            self.chapter_precision(),
            self.chapter_recall(),
            self.precision_at_1(),
            self.first_right,
            self.passages_suggested,
            self.passages
        )
    }
}

/// Per passage an analyst linked: the curated targets, and the suggestions
/// (best first) made with the curated links hidden.
struct Run {
    curated: HashMap<PassageId, HashSet<Target>>,
    suggested: HashMap<PassageId, Vec<(Target, f32)>>,
}

/// The analysts' links of the sources `pool` accepts, as examples to learn
/// from.
fn examples(corpus: &Corpus, pool: &dyn Fn(usize) -> bool) -> Vec<Example> {
    let mut by_passage: Vec<Example> = Vec::new();
    for l in &corpus.curated {
        if !pool(l.passage.source) {
            continue;
        }
        match by_passage.iter_mut().find(|e| e.passage == l.passage) {
            Some(e) => e.targets.extend(l.targets.iter().copied()),
            None => by_passage.push(Example {
                passage: l.passage,
                targets: l.targets.clone(),
                location: corpus.passage_location(l.passage),
            }),
        }
    }
    by_passage
}

/// Suggestions for every passage an analyst linked, each source's own links
/// hidden from it: a source learns only from the links of the other
/// sources, as an import learns from the library's, at `like_weight`.
fn run(corpus: &Corpus, like_weight: f32) -> Run {
    let mut curated: HashMap<PassageId, HashSet<Target>> = HashMap::new();
    for l in &corpus.curated {
        curated
            .entry(l.passage)
            .or_default()
            .extend(l.targets.iter().copied());
    }
    let mut suggested: HashMap<PassageId, Vec<(Target, f32)>> = HashMap::new();
    for s in 0..corpus.sources.len() {
        let mut suggester = Suggester::new(corpus).learn(corpus, examples(corpus, &|o| o != s));
        // Scores down to the bottom of the calibration grid.
        suggester.threshold = 1.0;
        suggester.like_weight = like_weight;
        // Every candidate kept: the cuts are applied in `figures`.
        suggester.most = usize::MAX;
        suggester.relative = 0.0;
        for sug in suggester.for_source(corpus, s, &|_| false) {
            if curated.contains_key(&sug.passage) {
                suggested
                    .entry(sug.passage)
                    .or_default()
                    .push((sug.target, sug.score));
            }
        }
    }
    Run { curated, suggested }
}

/// Where a passage's suggestions are cut: below `threshold`, after the
/// `most` best, below `relative` times the best (as the suggester does).
#[derive(Debug, Clone, Copy)]
struct Cut {
    threshold: f32,
    most: usize,
    relative: f32,
}

const IN_USE: Cut = Cut {
    threshold: THRESHOLD,
    most: MAX_PER_PASSAGE,
    relative: RELATIVE,
};

/// The figures at `cut` over the passages of the sources `keep` accepts.
fn figures(corpus: &Corpus, run: &Run, cut: Cut, keep: &dyn Fn(&str) -> bool) -> Figures {
    let mut f = Figures::default();
    for (p, want) in &run.curated {
        if !keep(&corpus.sources[p.source].id) {
            continue;
        }
        let best = run
            .suggested
            .get(p)
            .and_then(|s| s.first())
            .map_or(0.0, |s| s.1);
        let got: Vec<Target> = run
            .suggested
            .get(p)
            .into_iter()
            .flatten()
            .filter(|s| s.1 >= cut.threshold)
            .take(cut.most)
            .filter(|s| s.1 >= cut.relative * best)
            .map(|s| s.0)
            .collect();
        f.count(corpus, want, &got);
    }
    f
}

#[test]
fn precision_and_recall_against_the_curated_links() {
    let corpus = load_embedded().expect("the corpus loads");
    let tune = |id: &str| TUNE.contains(&id);
    let held_out = |id: &str| !TUNE.contains(&id);
    let all = |_: &str| true;
    // Calibration on the tuning sources' passages only: the weight of
    // likeness and the cuts with the best F1 there (the first of equals).
    // They learn from the other sources' links, as any passage does, but
    // the held-out passages' suggestions never choose.
    let mut best = (0.0f32, IN_USE, -1.0f64);
    for w in [0.0f32, 4.0, 8.0, 12.0, 16.0, 24.0] {
        let run = run(&corpus, w);
        for most in [3, 4, 5] {
            for relative in [0.0f32, 0.3, 0.5] {
                for t in (10..=80).map(|i| i as f32 / 10.0) {
                    let cut = Cut {
                        threshold: t,
                        most,
                        relative,
                    };
                    let f1 = figures(&corpus, &run, cut, &tune).f1();
                    if f1 > best.2 + 1e-9 {
                        best = (w, cut, f1);
                    }
                }
            }
        }
    }
    // Reported: every source learning from the links of all the others.
    let run = run(&corpus, LIKE_WEIGHT);
    for t in [2.0f32, 3.0, 4.0, 6.0, 8.0] {
        let f = figures(
            &corpus,
            &run,
            Cut {
                threshold: t,
                ..IN_USE
            },
            &held_out,
        );
        println!(
            "  held out at {t}: {} suggested, precision {:.2}, recall {:.2}",
            f.suggested,
            f.precision(),
            f.recall()
        );
    }
    println!(
        "calibrated on {TUNE:?}: likeness weight {:.1}, {:?} (F1 {:.2}); in use {LIKE_WEIGHT}, {IN_USE:?}",
        best.0, best.1, best.2
    );
    let tuned = figures(&corpus, &run, IN_USE, &tune);
    let held = figures(&corpus, &run, IN_USE, &held_out);
    let overall = figures(&corpus, &run, IN_USE, &all);
    println!("{}", tuned.line("tuning sources"));
    println!("{}", held.line("held-out sources"));
    println!("{}", overall.line("all sources"));
    // The threshold in use is the one the tuning sources choose: a change to
    // the scores must be calibrated again, on them only.
    assert!(
        (best.0 - LIKE_WEIGHT).abs() < 0.05
            && (best.1.threshold - THRESHOLD).abs() < 0.05
            && best.1.most == MAX_PER_PASSAGE
            && (best.1.relative - RELATIVE).abs() < 0.05,
        "calibrated {:.1}, {:?}; in use {LIKE_WEIGHT}, {IN_USE:?}",
        best.0,
        best.1
    );
    // Floors below the measured held-out figures (see BENCHMARKS.md): a
    // change that makes suggestions worse fails here.
    assert!(
        held.precision() >= FLOOR_PRECISION,
        "{}",
        held.line("held out")
    );
    assert!(held.recall() >= FLOOR_RECALL, "{}", held.line("held out"));
    assert!(
        held.chapter_precision() >= FLOOR_CHAPTER_PRECISION,
        "{}",
        held.line("held out")
    );
    assert!(
        held.precision_at_1() >= FLOOR_AT_1,
        "{}",
        held.line("held out")
    );
}

const FLOOR_PRECISION: f64 = 0.50;
const FLOOR_RECALL: f64 = 0.42;
const FLOOR_CHAPTER_PRECISION: f64 = 0.68;
const FLOOR_AT_1: f64 = 0.45;

/// A critique written for this test: it discusses quick-freeze orders,
/// intimate images and onward transfers without numbering any article.
const OWN_TEXT: &[(&str, &[u8])] = &[
    (
        "Police in one country could send a quick-freeze request so that a provider keeps a user's traffic logs while the formal request is prepared.",
        &[25, 26, 42],
    ),
    (
        "Survivors of revenge porn deserve protection, but the offence must not be used against journalists reporting on abuse.",
        &[16],
    ),
    (
        "Once personal data leaves the requesting state, nothing stops an onward transfer to a third country with weaker data protection.",
        &[36],
    ),
    (
        "Mutual legal assistance may be refused for lack of dual criminality, but the treaty does not require it.",
        &[37, 40],
    ),
    (
        "The text lets authorities compel engineers to help them break encryption during a search of a seized device.",
        &[28],
    ),
    (
        "Lawful interception of the content of communications in real time is the most intrusive power in the text.",
        &[30, 46],
    ),
];

#[test]
fn a_text_that_names_no_article() {
    let corpus = load_embedded().expect("the corpus loads");
    let suggester = Suggester::new(&corpus);
    let mut hits = 0;
    let mut made = 0;
    let mut right_made = 0;
    for (text, wanted) in OWN_TEXT {
        let found = suggester.for_text(text);
        made += found.len();
        let good = |t: &Target| matches!(t, Target::Article(n) if wanted.contains(n));
        right_made += found.iter().filter(|s| good(&s.target)).count();
        if found.iter().any(|s| good(&s.target)) {
            hits += 1;
        }
        for s in &found {
            println!("{:.2}  {}", s.score, s.reason);
        }
    }
    println!(
        "own text: {hits}/{} paragraphs get a right provision; {right_made}/{made} suggestions right",
        OWN_TEXT.len()
    );
    assert!(hits >= OWN_TEXT.len() - 1, "{hits}");
}

/// The blind set: paragraphs written for this evaluation by someone who had
/// never seen the subject index, the suggester or the analysts' links
/// (tests/fixtures/suggest_blind.tsv: `TARGETS<TAB>PARAGRAPH`, in English,
/// French and Spanish; no paragraph names an article; some discuss nothing
/// in particular and must get no suggestion). The suggester learns from all
/// the analysts' links, as it does for an import.
fn blind_figures(corpus: &Corpus, suggester: &Suggester) -> (Figures, usize, usize) {
    let text = include_str!("fixtures/suggest_blind.tsv");
    let mut f = Figures::default();
    let (mut quiet, mut nothing) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (targets, paragraph) = line.split_once('\t').expect("TARGETS<TAB>PARAGRAPH");
        let want: HashSet<Target> = targets
            .split(',')
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().expect("a target"))
            .collect();
        let got: Vec<Target> = suggester
            .for_text(paragraph)
            .into_iter()
            .map(|s| s.target)
            .collect();
        if want.is_empty() {
            nothing += 1;
            if got.is_empty() {
                quiet += 1;
            }
            f.suggested += got.len();
            continue;
        }
        f.count(corpus, &want, &got);
    }
    (f, quiet, nothing)
}

#[test]
fn precision_and_recall_on_the_blind_set() {
    let corpus = load_embedded().expect("the corpus loads");
    let suggester = Suggester::new(&corpus).learn(&corpus, examples(&corpus, &|_| true));
    let (f, quiet, nothing) = blind_figures(&corpus, &suggester);
    println!("{}", f.line("blind set"));
    println!("{quiet}/{nothing} paragraphs about nothing in particular get no suggestion");
    let (f0, _, _) = blind_figures(&corpus, &Suggester::new(&corpus));
    println!("{}", f0.line("blind set, learning from no link"));
    assert!(
        f.precision() >= BLIND_FLOOR_PRECISION,
        "{}",
        f.line("blind")
    );
    assert!(f.recall() >= BLIND_FLOOR_RECALL, "{}", f.line("blind"));
    assert!(f.precision_at_1() >= 0.80, "{}", f.line("blind"));
    // Most paragraphs about nothing in particular stay without suggestion.
    assert!(2 * quiet > nothing, "{quiet}/{nothing}");
}

const BLIND_FLOOR_PRECISION: f64 = 0.52;
const BLIND_FLOOR_RECALL: f64 = 0.75;

/// A second reader's links for the same passages: labelled by hand, blind to
/// the analysts' links and to the index (tests/fixtures/
/// suggest_second_reader.tsv, `SOURCE#PARAGRAPH<TAB>TARGETS`). Scored against
/// the analysts' links as the suggester is, it says what agreement a careful
/// human reaches.
#[test]
fn a_second_reader_against_the_curated_links() {
    let corpus = load_embedded().expect("the corpus loads");
    let mut reader: HashMap<PassageId, HashSet<Target>> = HashMap::new();
    for line in include_str!("fixtures/suggest_second_reader.tsv").lines() {
        let (id, targets) = line.split_once('\t').expect("ID<TAB>TARGETS");
        let (source, paragraph) = id.split_once('#').expect("SOURCE#N");
        let passage = PassageId {
            source: corpus.source_index(source).expect("a built-in source"),
            index: paragraph.parse::<usize>().expect("a paragraph") - 1,
        };
        let set = targets
            .split(',')
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().parse().expect("a target"))
            .collect();
        reader.insert(passage, set);
    }
    let mut curated: HashMap<PassageId, HashSet<Target>> = HashMap::new();
    for l in &corpus.curated {
        curated
            .entry(l.passage)
            .or_default()
            .extend(l.targets.iter().copied());
    }
    assert_eq!(
        reader.keys().collect::<HashSet<_>>(),
        curated.keys().collect::<HashSet<_>>(),
        "the second reader labelled exactly the curated passages"
    );
    for (name, keep) in [
        (
            "held-out sources",
            &(|id: &str| !TUNE.contains(&id)) as &dyn Fn(&str) -> bool,
        ),
        ("all sources", &|_: &str| true),
    ] {
        let mut f = Figures::default();
        for (p, want) in &curated {
            if !keep(&corpus.sources[p.source].id) {
                continue;
            }
            let got = &reader[p];
            f.passages += 1;
            f.curated += want.len();
            f.suggested += got.len();
            f.right += got.intersection(want).count();
        }
        println!(
            "second reader, {name}: {} labelled, {} curated, {} agree: precision {:.2}, recall {:.2}",
            f.suggested,
            f.curated,
            f.right,
            f.precision(),
            f.recall()
        );
        // What BENCHMARKS.md reports: a reader reaches the precision aim
        // (and recall 0.55 to 0.58, under the aim of 0.7).
        assert!(f.precision() >= 0.8, "{name}");
    }
}

#[test]
#[ignore = "diagnostic listing, run by hand: the tuning sources only"]
fn list_disagreements() {
    let corpus = load_embedded().expect("the corpus loads");
    let in_tune = |s: usize| TUNE.contains(&corpus.sources[s].id.as_str());
    for s in (0..corpus.sources.len()).filter(|s| in_tune(*s)) {
        let suggester = Suggester::new(&corpus).learn(&corpus, examples(&corpus, &|o| o != s));
        let mut seen = HashSet::new();
        for l in corpus.curated.iter().filter(|l| l.passage.source == s) {
            if !seen.insert(l.passage) {
                continue;
            }
            let want: Vec<String> = corpus
                .curated
                .iter()
                .filter(|o| o.passage == l.passage)
                .flat_map(|o| o.targets.iter().map(|t| t.to_string()))
                .collect();
            let got = suggester.for_passage(&corpus, l.passage);
            println!("{:?}\n  want {want:?}", l.quote);
            for g in got {
                println!("  got {} {:.1}: {}", g.target, g.score, g.reason);
            }
        }
    }
}
