//! Search ranking on the real embedded corpus: the queries an analyst types,
//! each with the place that must come first; ranking rules; scopes; and the
//! background worker (cancellation, narrowing, streaming).

use std::sync::Arc;
use std::time::{Duration, Instant};
use treaty::corpus::{Corpus, PassageId, Target, load_embedded};
use treaty::search::{
    DEFAULT_LIMIT, Hit, HitKind, HitPlace, Scope, SearchIndex, SearchResults, SearchWorker,
    highlight,
};

fn corpus() -> Corpus {
    match load_embedded() {
        Ok(c) => c,
        Err(problems) => panic!("the embedded corpus does not load: {problems:?}"),
    }
}

fn first(index: &SearchIndex, query: &str) -> Hit {
    match index.search(query, Scope::All, 20).into_iter().next() {
        Some(hit) => hit,
        None => panic!("no hit for {query:?}"),
    }
}

fn source(corpus: &Corpus, id: &str) -> usize {
    corpus
        .source_index(id)
        .unwrap_or_else(|| panic!("no source {id} in the corpus"))
}

/// The passage of source `id` that contains `text` (so that the tests do not
/// depend on paragraph numbers).
fn passage(corpus: &Corpus, id: &str, text: &str) -> PassageId {
    let s = source(corpus, id);
    let index = corpus.sources[s]
        .passages
        .iter()
        .position(|p| p.text.contains(text))
        .unwrap_or_else(|| panic!("no passage of {id} contains {text:?}"));
    PassageId { source: s, index }
}

fn assert_first(index: &SearchIndex, query: &str, kind: HitKind, place: HitPlace) {
    let hit = first(index, query);
    assert_eq!(
        (hit.kind, hit.place),
        (kind, place),
        "first hit for {query:?}: {hit:?}"
    );
}

fn article(n: u8) -> HitPlace {
    HitPlace::Target(Target::Article(n))
}

#[test]
fn article_numbers_put_the_article_first() {
    let index = SearchIndex::build(&corpus());
    for q in [
        "23",
        "art 23",
        "article 23",
        "Art. 23",
        "art.23",
        "Art. 23(1)",
    ] {
        assert_first(&index, q, HitKind::Article, article(23));
    }
    assert_first(&index, "68", HitKind::Article, article(68));
}

#[test]
fn chapter_numbers_put_the_chapter_first() {
    let index = SearchIndex::build(&corpus());
    for q in ["IV", "iv", "chapter 4", "chapter IV", "ch. 4"] {
        assert_first(
            &index,
            q,
            HitKind::Chapter,
            HitPlace::Target(Target::Chapter(4)),
        );
    }
    assert_first(
        &index,
        "ch 9",
        HitKind::Chapter,
        HitPlace::Target(Target::Chapter(9)),
    );
    assert_first(
        &index,
        "preamble",
        HitKind::Article,
        HitPlace::Target(Target::Preamble),
    );
}

#[test]
fn analyst_queries_on_the_convention() {
    let index = SearchIndex::build(&corpus());
    for (q, n) in [
        ("dual crim", 37),
        ("extradition", 37),
        // The subject index (lawful interception, wiretap) makes the
        // procedural power the first answer, the offence (Art. 8) next.
        ("intercept", 30),
        ("ninetieth day", 65),
        ("24/7", 41),
        ("preservation", 25),
        ("sovereignty", 5),
        ("child sexual", 14),
    ] {
        assert_first(&index, q, HitKind::Article, article(n));
    }
}

#[test]
fn analyst_queries_on_the_sources() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let src = |id| HitPlace::Source(source(&c, id));
    assert_first(&index, "Zamora", HitKind::Source, src("zamora"));
    assert_first(&index, "Benítez", HitKind::Source, src("benitez-mongelos"));
    assert_first(&index, "benitez", HitKind::Source, src("benitez-mongelos"));
    assert_first(
        &index,
        "Media Rights Agenda",
        HitKind::Source,
        src("mra-statement"),
    );
    for (q, id, text) in [
        (
            "gender mainstreaming",
            "mra-statement",
            "gender mainstreaming",
        ),
        (
            "security researchers",
            "hanoi-warning",
            "security researchers",
        ),
        (
            "prior judicial authorization",
            "mra-statement",
            "prior judicial authorization",
        ),
        ("'INTERPOL", "zamora", "INTERPOL"),
        ("signing ceremony", "benitez-mongelos", "signing ceremony"),
        // A critique's own words outrank the project's paraphrase of an
        // article for the same match: analysts search for the material.
        ("dual criminality", "zamora", "dual criminality"),
        ("four years", "hanoi-warning", "four years"),
        ("Hanoi", "benitez-mongelos", "Hanoi"),
        (
            "fortieth instrument",
            "benitez-mongelos",
            "fortieth instrument",
        ),
    ] {
        // Among the sources, the critique that says it; in everything, the
        // provision it is about may come first (the subject index).
        let hit = index.search(q, Scope::Sources, 20).into_iter().next();
        let Some(HitPlace::Passage(found)) = hit.map(|h| h.place) else {
            panic!("no passage first for {q:?}");
        };
        let said = c.passage(found).is_some_and(|p| p.text.contains(text));
        let expected = passage(&c, id, text);
        assert!(
            said,
            "first source hit for {q:?}: {found:?}, not one saying it like {expected:?}"
        );
    }
}

#[test]
fn whole_phrase_ranks_above_scattered_letters() {
    let index = SearchIndex::build(&corpus());
    let hits = index.search("dual criminality", Scope::Sources, 100);
    let has_phrase = |h: &Hit| h.snippet.to_lowercase().contains("dual criminality");
    let last_phrase = hits.iter().rposition(has_phrase).expect("a phrase match");
    let first_scattered = hits
        .iter()
        .position(|h| !has_phrase(h))
        .expect("a scattered match, to rank below the phrase");
    assert!(
        last_phrase < first_scattered,
        "a scattered match outranks the phrase: {hits:#?}"
    );
}

#[test]
fn title_matches_rank_above_body_matches() {
    let index = SearchIndex::build(&corpus());
    let hits = index.search("extradition", Scope::All, 50);
    let title = hits.iter().position(|h| h.place == article(37));
    let body = hits.iter().position(|h| h.kind == HitKind::Passage);
    assert!(
        title.is_some() && body.is_some() && title < body,
        "{hits:#?}"
    );
}

/// Reading order of a place: the convention, then each source and its
/// passages.
fn corpus_order(c: &Corpus, place: HitPlace) -> (usize, usize, usize) {
    match place {
        HitPlace::Target(Target::Preamble) => (0, 0, 0),
        HitPlace::Target(t) => {
            let reading: Vec<Target> = c
                .convention
                .chapters
                .iter()
                .flat_map(|ch| {
                    std::iter::once(ch.target()).chain(ch.articles.iter().map(|a| a.target()))
                })
                .collect();
            (
                0,
                1 + reading
                    .iter()
                    .position(|r| *r == t)
                    .unwrap_or(usize::MAX - 1),
                0,
            )
        }
        HitPlace::Source(s) => (1, s, 0),
        HitPlace::Passage(p) => (1, p.source, 1 + p.index),
    }
}

#[test]
fn equal_scores_keep_corpus_order() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    for q in [
        "intercept",
        "security researchers",
        "human rights",
        "data",
        "safe",
    ] {
        let hits = index.search(q, Scope::All, 200);
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "{q}: not best first");
            if pair[0].score == pair[1].score {
                assert!(
                    corpus_order(&c, pair[0].place) < corpus_order(&c, pair[1].place),
                    "{q}: tie out of corpus order: {:?} / {:?}",
                    pair[0].location,
                    pair[1].location
                );
            }
        }
        assert_eq!(
            hits,
            index.search(q, Scope::All, 200),
            "{q}: not deterministic"
        );
    }
    // The power, its international counterpart (which shares the index
    // terms that describe the power), then the offence.
    let hits = index.search("intercept", Scope::All, 3);
    let places: Vec<HitPlace> = hits.iter().map(|h| h.place).collect();
    assert_eq!(places, [article(30), article(46), article(8)]);
}

#[test]
fn one_hit_per_place() {
    let index = SearchIndex::build(&corpus());
    let hits = index.search("dual criminality", Scope::All, 500);
    let mut places: Vec<String> = hits.iter().map(|h| format!("{:?}", h.place)).collect();
    places.sort();
    let before = places.len();
    places.dedup();
    assert_eq!(before, places.len());
}

#[test]
fn scopes_filter_hits() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    // A word both the convention and the critiques use: the scope of
    // articles keeps only the convention's places.
    let all = index.search("extradition", Scope::All, 100);
    assert!(all.iter().any(|h| matches!(h.place, HitPlace::Passage(_))));
    let articles = index.search("extradition", Scope::Articles, 100);
    assert!(!articles.is_empty());
    assert!(
        articles
            .iter()
            .all(|h| matches!(h.place, HitPlace::Target(_)))
    );
    let sources = index.search("23", Scope::Sources, 100);
    assert!(!sources.is_empty());
    assert!(
        sources
            .iter()
            .all(|h| matches!(h.kind, HitKind::Source | HitKind::Passage))
    );
    assert_eq!(first(&index, "Zamora").target_string(&c), "zamora");
    assert_eq!(first(&index, "23").target_string(&c), "article:23");
    assert_eq!(first(&index, "chapter 4").target_string(&c), "chapter:IV");
    assert!(index.search("", Scope::All, 10).is_empty());
    assert!(index.search("   ", Scope::All, 10).is_empty());
    assert!(index.search("zzqqxxj", Scope::All, 10).is_empty());
}

#[test]
fn hits_carry_location_span_and_highlight() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    // Among the sources: Art. 64 has 'signing ceremony' as an index term.
    let hit = index
        .search("signing ceremony", Scope::Sources, 20)
        .into_iter()
        .next()
        .expect("a hit for 'signing ceremony'");
    let HitPlace::Passage(id) = hit.place else {
        panic!("not a passage: {hit:?}");
    };
    assert_eq!(hit.location, c.passage_location(id));
    assert_eq!(hit.title, c.sources[id.source].display_title());
    let text = &c.passage(id).expect("the passage exists").text;
    let span = hit.span.clone().expect("a passage hit has a span");
    assert_eq!(treaty::text::one_line(&text[span]), hit.snippet);
    let marked: Vec<&str> = highlight(&hit.snippet, "signing ceremony")
        .into_iter()
        .map(|r| &hit.snippet[r])
        .collect();
    assert_eq!(marked, ["signing", "ceremony"]);

    let hit = first(&index, "ninetieth day");
    let summary = &c.article(65).expect("article 65").summary;
    let span = hit.span.clone().expect("a summary hit has a span");
    assert!(summary[span].contains("ninetieth day"));
    assert_eq!(hit.location, "Art. 65");

    let hit = first(&index, "Benítez");
    let marked: Vec<&str> = highlight(&hit.snippet, "benitez")
        .into_iter()
        .map(|r| &hit.snippet[r])
        .collect();
    assert_eq!(marked, ["Benítez"]);
}

/// Polls until the complete results arrive; every batch seen on the way.
fn wait_done(worker: &SearchWorker) -> Vec<SearchResults> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Some(r) = worker.poll() {
            let done = r.done;
            seen.push(r);
            if done {
                return seen;
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the worker never finished; saw {} batches", seen.len());
}

#[test]
fn worker_delivers_the_last_query_only() {
    let index = Arc::new(SearchIndex::build(&corpus()));
    let worker = SearchWorker::new(Arc::clone(&index));
    for q in ["d", "du", "dua", "dual", "dual c", "dual crim", "hanoi"] {
        worker.submit(q.to_string(), Scope::All);
    }
    let seen = wait_done(&worker);
    assert!(
        seen.iter()
            .all(|r| r.query == "hanoi" && r.scope == Scope::All)
    );
    let last = seen.last().expect("results");
    assert_eq!(last.hits, index.search("hanoi", Scope::All, DEFAULT_LIMIT));
    assert!(worker.poll().is_none(), "results are delivered once");
}

#[test]
fn narrowing_while_typing_matches_a_fresh_search() {
    let index = Arc::new(SearchIndex::build(&corpus()));
    let worker = SearchWorker::new(Arc::clone(&index));
    // Type, erase, switch scope: each complete result must equal a search
    // from scratch, whatever earlier matches the worker reused.
    for (q, scope) in [
        ("s", Scope::All),
        ("se", Scope::All),
        ("sec", Scope::All),
        ("secu", Scope::Sources),
        ("security r", Scope::Sources),
        ("security", Scope::Sources),
        ("'secu", Scope::All),
        ("'secu res", Scope::Articles),
    ] {
        worker.submit(q.to_string(), scope);
        let last = wait_done(&worker).pop().expect("results");
        assert_eq!((last.query.as_str(), last.scope), (q, scope));
        assert_eq!(
            last.hits,
            index.search(q, scope, DEFAULT_LIMIT),
            "{q} in {scope}"
        );
    }
}

/// Sixty copies of the sources: enough units for several pieces.
fn big_index() -> Arc<SearchIndex> {
    let base = corpus();
    let mut big = base.clone();
    for copy in 1..60 {
        big.sources.extend(base.sources.iter().map(|s| {
            let mut s = s.clone();
            s.id = format!("{}-{copy}", s.id);
            s
        }));
    }
    Arc::new(SearchIndex::build(&big))
}

#[test]
fn dropping_a_busy_worker_returns_promptly() {
    let worker = SearchWorker::new(big_index());
    worker.submit("e".into(), Scope::All);
    let t = Instant::now();
    drop(worker);
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}

#[test]
fn worker_streams_a_first_batch_then_the_complete_list() {
    let index = big_index();
    let worker = SearchWorker::new(Arc::clone(&index));
    worker.submit("human rights".into(), Scope::All);
    let seen = wait_done(&worker);
    for r in &seen {
        assert!(
            r.hits.windows(2).all(|w| w[0].score >= w[1].score),
            "not best first"
        );
    }
    let last = seen.last().expect("results");
    assert_eq!(
        last.hits,
        index.search("human rights", Scope::All, DEFAULT_LIMIT)
    );
    assert_eq!(last.hits.len(), DEFAULT_LIMIT);
    // Nothing follows the complete list, not even a late first batch.
    std::thread::sleep(Duration::from_millis(100));
    assert!(worker.poll().is_none());
    // The empty query answers at once, with nothing.
    worker.submit(String::new(), Scope::All);
    let empty = wait_done(&worker);
    assert!(empty.iter().all(|r| r.hits.is_empty()));
}

#[test]
fn an_index_built_for_one_query_finds_what_the_full_index_finds() {
    let c = corpus();
    let full = SearchIndex::build(&c);
    for q in [
        "dual criminality",
        "\"dual criminality\" mandatory",
        "'INTERPOL",
        "extradtion",
        "can a country refuse to extradite its own nationals",
        "hum",
        "qzxjv",
        "23",
    ] {
        let one = SearchIndex::build_for_query(&c, q);
        assert_eq!(
            one.search(q, Scope::All, 50),
            full.search(q, Scope::All, 50),
            "{q}"
        );
        assert!(one.len() <= full.len());
    }
    // No passage can match: only the convention and the sources' titles.
    assert!(SearchIndex::build_for_query(&c, "qzxjv").len() < full.len());
}
