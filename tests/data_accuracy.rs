//! What users quote from the corpus: the analyst's links (targets, reasons
//! and treatment), the sources' metadata (an inferred date says so), the
//! timeline, and the check that catches a summary copying the authentic text.

mod common;

use common::{User, json, stderr};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde_json::Value;
use std::path::Path;
use treaty::corpus::{Corpus, PassageId, Target, Treatment};
use treaty::refs::graph::{Basis, LinkGraph};

fn corpus() -> Corpus {
    treaty::corpus::load_embedded().expect("the embedded corpus loads")
}

/// The passage of `source` that contains `words`.
fn passage(c: &Corpus, source: &str, words: &str) -> PassageId {
    let s = c.source_index(source).expect("the source");
    let index = c.sources[s]
        .passages
        .iter()
        .position(|p| p.text.contains(words))
        .unwrap_or_else(|| panic!("no passage of {source} says {words:?}"));
    PassageId { source: s, index }
}

/// The targets an analyst linked the passage saying `words` to.
fn targets(c: &Corpus, source: &str, words: &str) -> Vec<Target> {
    let id = passage(c, source, words);
    let mut t: Vec<Target> = c
        .curated
        .iter()
        .filter(|l| l.passage == id)
        .flat_map(|l| l.targets.iter().copied())
        .collect();
    t.sort();
    t
}

// ---- links ----

#[test]
fn independent_oversight_of_the_measures_is_article_24_not_the_conference() {
    let c = corpus();
    let t = targets(
        &c,
        "zamora",
        "transparency and independent oversight are vital",
    );
    assert!(t.contains(&Target::Article(24)), "{t:?}");
    assert!(!t.contains(&Target::Article(57)), "{t:?}");
}

#[test]
fn gender_passages_point_at_the_preamble_not_at_articles_without_gender_content() {
    let c = corpus();
    for (source, words) in [
        (
            "benitez-mongelos",
            "does not include a gender- based perspective",
        ),
        ("hanoi-warning", "insufficient attention to gender issues"),
        ("mra-statement", "Lack of effective gender mainstreaming"),
        ("mra-statement", "Mainstream gender across the Convention"),
    ] {
        let t = targets(&c, source, words);
        assert!(t.contains(&Target::Preamble), "{source}: {t:?}");
        assert!(
            !t.contains(&Target::Article(53)) && !t.contains(&Target::Article(54)),
            "{source}: {t:?}"
        );
    }
}

#[test]
fn data_sharing_passages_do_not_pull_in_the_24_7_network() {
    let c = corpus();
    let no_41 = c
        .curated
        .iter()
        .filter(|l| l.targets.contains(&Target::Article(41)))
        .map(|l| l.quote.clone())
        .collect::<Vec<_>>();
    assert!(no_41.is_empty(), "linked to the 24/7 network: {no_41:?}");
    // Benítez 14 is about collecting and sharing data, not real-time collection.
    let t = targets(
        &c,
        "benitez-mongelos",
        "no safeguards regarding cross-border",
    );
    assert!(!t.contains(&Target::Article(45)), "{t:?}");
    assert!(t.contains(&Target::Article(47)), "{t:?}");
}

#[test]
fn the_missed_links_are_there() {
    let c = corpus();
    let cases: &[(&str, &str, &[Target])] = &[
        (
            "on-pause",
            "any crime involving a digital element",
            &[Target::Chapter(2), Target::Article(4)],
        ),
        (
            "benitez-mongelos",
            "exchange of electronic evidence",
            &[Target::Article(1)],
        ),
        (
            "benitez-mongelos",
            "establishes weak privacy safeguards",
            &[Target::Article(36)],
        ),
        (
            "zamora",
            "transparency and independent oversight",
            &[Target::Article(24)],
        ),
        (
            "hanoi-warning",
            "call on states not to sign or ratify",
            &[Target::Article(64)],
        ),
        (
            "hanoi-warning",
            "international service providers",
            &[Target::Article(27)],
        ),
        (
            "mra-statement",
            "Limit the scope of application",
            &[Target::Chapter(4), Target::Article(7), Target::Article(11)],
        ),
        (
            "zamora",
            "without requiring compliance",
            &[Target::Article(35), Target::Article(37)],
        ),
        (
            "benitez-mongelos",
            "no safeguards regarding cross-border",
            &[Target::Article(47)],
        ),
        (
            "benitez-mongelos",
            "share citizens’ personal information",
            &[Target::Article(47)],
        ),
        (
            "benitez-mongelos",
            "successive protocols",
            &[Target::Article(61)],
        ),
    ];
    for (source, words, want) in cases {
        let t = targets(&c, source, words);
        for w in *want {
            assert!(t.contains(w), "{source} {words:?}: {w} missing from {t:?}");
        }
    }
}

/// A reason names the articles its link targets: no "Arts. 40-46" on a
/// link that stops at 44, and Arts. 41-43 are not called mutual legal
/// assistance.
#[test]
fn reasons_agree_with_their_targets() {
    let c = corpus();
    for l in &c.curated {
        assert!(
            !l.reason.contains("Arts. 40-46") || l.targets.contains(&Target::Article(46)),
            "{:?}: {}",
            l.quote,
            l.reason
        );
        assert!(
            !l.reason.contains("mutual legal assistance (Arts. 4"),
            "{:?}: {}",
            l.quote,
            l.reason
        );
    }
}

#[test]
fn every_curated_link_has_a_treatment_and_every_proposal_says_what_it_asks() {
    let c = corpus();
    for l in &c.curated {
        match l.treatment {
            Treatment::ProposesChange => assert!(
                l.asks.as_deref().is_some_and(|a| !a.trim().is_empty()),
                "{:?}",
                l.quote
            ),
            _ => assert_eq!(l.asks, None, "{:?}", l.quote),
        }
    }
    let dual = c
        .curated
        .iter()
        .find(|l| l.quote == "must include mandatory dual criminality clauses")
        .expect("Zamora's recommendation");
    assert_eq!(dual.treatment, Treatment::ProposesChange);
    assert!(
        dual.asks
            .as_deref()
            .is_some_and(|a| a.contains("dual criminality mandatory"))
    );
    let praise = c
        .curated
        .iter()
        .find(|l| l.quote == "while incorporating safeguards for human rights")
        .expect("Benítez-Mongelós's description");
    assert_eq!(praise.treatment, Treatment::Welcomes);
}

#[test]
fn offences_named_as_the_limit_are_mentioned_not_proposed_for_change() {
    // "Limit ... to the cyber-dependent crimes": the passage wants Arts. 23
    // and 35 narrowed; Arts. 7-11 are its yardstick, which it leaves alone.
    let c = corpus();
    for (source, words, scope) in [
        (
            "mra-statement",
            "Limit the scope of application",
            Target::Article(23),
        ),
        (
            "mra-statement",
            "Narrow the scope of the whole Convention",
            Target::Article(3),
        ),
    ] {
        let id = passage(&c, source, words);
        let narrowed = c.curated_link(id, scope).expect("the scope link");
        assert_eq!(narrowed.treatment, Treatment::ProposesChange, "{words}");
        for n in 7..=11 {
            let core = c
                .curated_link(id, Target::Article(n))
                .unwrap_or_else(|| panic!("{words}: no link to Art. {n}"));
            assert_eq!(core.treatment, Treatment::Mentions, "{words}: Art. {n}");
            assert_eq!(core.asks, None, "{words}: Art. {n}");
        }
    }
}

#[test]
fn monitoring_that_undermines_secure_communications_is_not_search_and_seizure() {
    // Both passages speak of monitoring and sharing; search and seizure
    // (Art. 28) is not what they describe.
    let c = corpus();
    for (source, words) in [
        ("mra-statement", "undermine trust in secure communications"),
        ("hanoi-warning", "could undermine secure communications"),
    ] {
        let t = targets(&c, source, words);
        assert!(!t.contains(&Target::Article(28)), "{source}: {t:?}");
        assert!(t.contains(&Target::Article(29)), "{source}: {t:?}");
        assert!(t.contains(&Target::Article(30)), "{source}: {t:?}");
    }
}
#[test]
fn show_and_refs_json_carry_the_treatment_as_added_fields() {
    let user = User::new();
    let refs = json(&user.ok(&["refs", "37", "--json"]));
    let refs = refs.as_array().expect("an array");
    assert!(!refs.is_empty());
    for r in refs {
        // The fields scripts already rely on are all still there.
        for key in [
            "target",
            "source",
            "paragraph",
            "basis",
            "reason",
            "citation",
            "snippet",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        // A suggested link (listed after the curated ones) is the
        // suggester's guess and records no treatment; every curated one does.
        if r["basis"] == "suggested" {
            assert_eq!(r["treatment"], Value::Null, "{r}");
        } else {
            assert!(r["treatment"].is_string(), "{r}");
        }
    }
    assert!(refs.iter().any(|r| {
        r["treatment"] == "proposes-change"
            && r["asks"]
                .as_str()
                .is_some_and(|a| a.contains("dual criminality"))
    }));
    // A cited link records no treatment.
    let show = json(&user.ok(&["show", "23", "--json"]));
    let cited_by = show["cited_by"].as_array().expect("cited_by");
    let cited = cited_by
        .iter()
        .find(|l| l["basis"] == "cited")
        .expect("a cited link to Art. 23");
    assert_eq!(cited["treatment"], Value::Null);
    assert_eq!(cited["asks"], Value::Null);
    let text = user.ok(&["show", "37"]);
    assert!(text.contains("      treatment: criticises\n"), "{text}");
    assert!(
        text.contains("treatment: proposes-change (asks: "),
        "{text}"
    );
}

// ---- sources, metadata, timeline ----

#[test]
fn page_furniture_is_not_a_passage() {
    let c = corpus();
    for s in &c.sources {
        for p in &s.passages {
            assert!(!p.text.contains("iStock"), "{}#{}", s.id, p.number);
            assert!(
                !p.text.contains("Contributor Photo"),
                "{}#{}",
                s.id,
                p.number
            );
        }
    }
    let on_pause = &c.sources[c.source_index("on-pause").expect("on-pause")];
    assert!(
        on_pause.passages[0]
            .text
            .starts_with("On Friday, February 9, 2024"),
        "{}",
        on_pause.passages[0].text
    );
}

#[test]
fn dates_the_sources_do_not_state_are_marked_inferred_with_their_reason() {
    let user = User::new();
    let sources = json(&user.ok(&["sources", "--json"]));
    let by_id = |id: &str| {
        sources
            .as_array()
            .and_then(|a| a.iter().find(|s| s["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("{id} in {sources}"))
    };
    for id in ["on-pause", "hanoi-warning", "mra-statement"] {
        let s = by_id(id);
        assert!(s["date"].is_string(), "{s}");
        assert!(
            s["date_inferred"].as_str().is_some_and(|r| r.len() > 20),
            "{s}"
        );
        assert!(s["inferred"]["date"].is_string(), "{s}");
    }
    // Stated dates carry no mark.
    assert_eq!(by_id("benitez-mongelos")["date_inferred"], Value::Null);
    // The MRA report is not dated by the statement it reports, nor called one.
    let mra = by_id("mra-statement");
    assert_ne!(mra["date"], "2024-01-23");
    assert_ne!(mra["kind"], "statement");
    let shown = user.ok(&["show", "source", "on-pause"]);
    assert!(
        shown.contains("  date:      2024-02 (inferred: the piece gives no date;"),
        "{shown}"
    );
}

#[test]
fn the_committee_adopted_the_draft_on_8_august_per_a_cited_source() {
    let c = corpus();
    assert!(c.timeline.iter().all(|e| e.date != "2024-08-07"));
    let e = c
        .timeline
        .iter()
        .find(|e| e.event.contains("Ad Hoc Committee") && e.date.starts_with("2024-08"))
        .expect("the AHC event");
    assert_eq!(e.date, "2024-08-08");
    let r = e.reference.as_deref().expect("its reference");
    assert!(
        r.contains("Council of Europe") && r.contains("https://"),
        "{r}"
    );
}

// ---- the shared-run check ----

/// A copy of `data/` in `dir` whose Article 3 summary is `summary`.
fn corpus_with_summary(dir: &Path, summary: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("sources")).expect("mkdir");
    for name in ["links.json", "concerns.json", "timeline.json"] {
        std::fs::copy(root.join(name), dir.join(name)).expect("copy");
    }
    for f in std::fs::read_dir(root.join("sources")).expect("sources") {
        let f = f.expect("entry").path();
        let name = f.file_name().expect("name");
        std::fs::copy(&f, dir.join("sources").join(name)).expect("copy");
    }
    let mut conv: Value =
        json(&std::fs::read_to_string(root.join("convention.json")).expect("convention.json"));
    let article = conv["chapters"][0]["articles"]
        .as_array_mut()
        .and_then(|a| a.iter_mut().find(|a| a["number"] == 3))
        .expect("article 3");
    article["summary"] = Value::String(summary.into());
    let text = serde_json::to_string_pretty(&conv).expect("json") + "\n";
    std::fs::write(dir.join("convention.json"), text).expect("write");
}

#[test]
fn check_reports_a_summary_run_copied_from_the_imported_authentic_text() {
    let user = User::new();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    // Nine words copied; elsewhere only a few shared words (below the limit).
    let summary = "Covers the prevention, investigation and prosecution of the offences established \
                   under it. It also reaches evidence of serious crime in some way.";
    corpus_with_summary(&dir, summary);
    let data = dir.to_string_lossy().into_owned();
    // Without the authentic text there is nothing to compare with.
    let before = user.run(&["check", "--data", &data]);
    assert!(before.status.success(), "{}", stderr(&before));

    let article_3 = "This Convention shall apply, except as otherwise stated herein, to the \
                     prevention, investigation and prosecution of the offences established in \
                     accordance with this Convention, and to evidence of serious crime as well.";
    let text = std::fs::read_to_string(common::AUTHENTIC)
        .expect("the fixture")
        .replace("[Placeholder text of article 3.]", article_3);
    let file = tmp.path().join("convention.txt");
    std::fs::write(&file, text).expect("write");
    user.ok(&["import-text", &file.to_string_lossy()]);

    let o = user.run(&["check", "--data", &data]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    let written = std::fs::read_to_string(dir.join("convention.json")).expect("read");
    let run = "the prevention, investigation and prosecution of the offences established";
    let (line, column) = written
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find(run).map(|c| (i + 1, l[..c].chars().count() + 1)))
        .expect("the run in the file");
    let want = format!(
        "convention.json:{line}:{column}: the summary of article 3 shares 9 words with the authentic text: \"{run}\""
    );
    assert!(err.contains(&want), "want {want:?} in\n{err}");
    // "evidence of serious crime" (4 words) and the like are idiom, not copying.
    assert_eq!(err.matches("the summary of article").count(), 1, "{err}");

    let j = json(&String::from_utf8_lossy(
        &user.run(&["check", "--json", "--data", &data]).stdout,
    ));
    assert_eq!(j["ok"], false);
    assert_eq!(j["shared_runs"][0]["article"], "article:3");
    assert_eq!(j["shared_runs"][0]["words"], 9);
    assert_eq!(j["shared_runs"][0]["run"], run);
    assert_eq!(j["shared_runs"][0]["line"], line);
    assert_eq!(j["problems"][0]["line"], line);
}

#[test]
fn the_shipped_summaries_copy_no_run_of_the_fixture_text() {
    // The fixture text is placeholders: the check passes, and says nothing.
    let user = User::new();
    user.ok(&["import-text", common::AUTHENTIC]);
    let j = json(&user.ok(&["check", "--json"]));
    assert_eq!(j["ok"], true);
    assert_eq!(j["shared_runs"], Value::Array(Vec::new()));
}

// ---- the evaluation sample ----

/// The seed of the first re-sample reported in issue 12's closing note; a
/// held-out re-sample (drawn after fixing what the first one showed) is
/// printed with another seed through `TREATY_SAMPLE_SEED`.
const SAMPLE_SEED: u64 = 20_261_130;
const SAMPLE_SIZE: usize = 40;

/// The seed to print: `TREATY_SAMPLE_SEED` if set, else `SAMPLE_SEED`.
fn sample_seed() -> u64 {
    match std::env::var("TREATY_SAMPLE_SEED") {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("TREATY_SAMPLE_SEED is not a number: {v:?}")),
        Err(_) => SAMPLE_SEED,
    }
}

/// `SAMPLE_SIZE` inferred links (a passage and one target) drawn without
/// replacement, in a fixed order for a fixed seed: a partial Fisher-Yates
/// shuffle driven by ChaCha seeded with `seed`.
fn sample(graph: &LinkGraph, seed_value: u64) -> Vec<usize> {
    let inferred: Vec<usize> = graph
        .links()
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.basis.is_cited())
        .map(|(i, _)| i)
        .collect();
    let mut seed = [0u8; 32];
    for chunk in seed.chunks_mut(8) {
        chunk.copy_from_slice(&seed_value.to_le_bytes());
    }
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut pool = inferred;
    let n = SAMPLE_SIZE.min(pool.len());
    for i in 0..n {
        let span = (pool.len() - i) as u64;
        let j = i + rng.random_range(0..span) as usize;
        pool.swap(i, j);
    }
    pool.truncate(n);
    pool
}

#[test]
fn the_sample_is_fixed_and_has_forty_distinct_inferred_links() {
    let c = corpus();
    let g = LinkGraph::build(&c);
    let a = sample(&g, SAMPLE_SEED);
    assert_eq!(a, sample(&g, SAMPLE_SEED));
    let mut d = a.clone();
    d.sort_unstable();
    d.dedup();
    assert_eq!(d.len(), SAMPLE_SIZE);
    assert!(a.iter().all(|&i| !g.links()[i].basis.is_cited()));
}

/// Prints the re-sample for review:
/// `cargo test --test data_accuracy -- --ignored --nocapture print_link_sample`
/// (prefix `TREATY_SAMPLE_SEED=7919` for the held-out re-sample).
#[test]
#[ignore = "prints the evaluation sample; run by hand"]
fn print_link_sample() {
    let c = corpus();
    let g = LinkGraph::build(&c);
    let seed = sample_seed();
    println!(
        "seed {seed}, {SAMPLE_SIZE} of {} inferred links",
        g.inferred_count()
    );
    for (k, &i) in sample(&g, seed).iter().enumerate() {
        let l = &g.links()[i];
        let src = &c.sources[l.passage.source];
        let reason = match &l.basis {
            Basis::Inferred { reason } => &**reason,
            Basis::Cited { .. } => "",
        };
        let curated = c.curated_link(l.passage, l.target);
        let treatment = curated.map_or("?", |cl| cl.treatment.name());
        let asks = curated
            .and_then(|cl| cl.asks.as_deref())
            .map(|a| format!("\n    asks: {a}"))
            .unwrap_or_default();
        let text = c
            .passage(l.passage)
            .map(|p| treaty::text::one_line(&p.text))
            .unwrap_or_default();
        println!(
            "{:>2}. {}#{} -> {} [{treatment}]\n    passage: {}\n    reason: {reason}{asks}",
            k + 1,
            src.id,
            l.passage.index + 1,
            l.target,
            text
        );
    }
}

#[test]
fn the_source_view_shows_an_inferred_date_as_inferred() {
    let a = common::App::open(corpus(), "on-pause", 100, 30);
    let s = a.screen();
    assert!(
        s.contains("Date: 2024-02 (inferred: the piece gives no date;"),
        "{s}"
    );
}

#[test]
fn a_citation_marks_every_value_the_source_does_not_state() {
    let c = corpus();
    let mra = c.source_index("mra-statement").expect("mra-statement");
    let cite = treaty::user::cite::cite_source(&c, mra);
    assert!(
        cite.contains("Media Rights Agenda (MRA) (publisher inferred)"),
        "{cite}"
    );
    assert!(cite.ends_with("2024-01 (date inferred)"), "{cite}");
    // A stated value carries no mark.
    let benitez = c.source_index("benitez-mongelos").expect("benitez");
    let cite = treaty::user::cite::cite_source(&c, benitez);
    assert!(!cite.contains("inferred"), "{cite}");
    // The kind of each piece is the analyst's word unless the page says it.
    for id in ["on-pause", "hanoi-warning", "zamora", "mra-statement"] {
        let s = &c.sources[c.source_index(id).expect("source")];
        assert!(s.meta.inferred("kind").is_some(), "{id}");
    }
}
