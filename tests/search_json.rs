//! `treaty search --json`: every hit's `relevance` is on one scale, 0 to 100,
//! a place the query names outright is 100, nothing under the documented
//! floor is listed, and `score` is never negative nor the engine's internal
//! "above everything" mark.

mod common;

use common::{User, json};

const FLOOR: f64 = 2.0;

fn hits(user: &User, query: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["search", "--json", "--limit", "200"];
    args.extend(query);
    json(&user.ok(&args))
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("{query:?}: not a list"))
}

#[test]
fn relevance_is_on_one_scale_with_a_floor() {
    let user = User::new();
    for query in [
        &["dual", "criminality"][..],
        &[
            "can",
            "a",
            "country",
            "refuse",
            "to",
            "extradite",
            "its",
            "own",
            "nationals",
        ],
        &["quick", "freeze"],
        &["extradtion"],
        &["article", "23", "data"],
    ] {
        let hits = hits(&user, query);
        assert!(!hits.is_empty(), "{query:?}");
        let mut last = f64::INFINITY;
        for h in &hits {
            let r = h["relevance"].as_f64().expect("relevance");
            assert!((FLOOR..=100.0).contains(&r), "{query:?}: {h}");
            assert!(r <= last, "{query:?}: best first");
            last = r;
            let score = h["score"].as_i64().expect("score");
            assert!(score >= 0, "{query:?}: {h}");
        }
    }
}

#[test]
fn a_named_place_is_100_not_a_huge_number() {
    let user = User::new();
    for (query, target) in [
        (&["23"][..], "article:23"),
        (&["chapter", "IV"], "chapter:IV"),
    ] {
        let hits = hits(&user, query);
        let first = &hits[0];
        assert_eq!(first["target"], target, "{query:?}");
        assert_eq!(first["relevance"].as_f64(), Some(100.0), "{first}");
        let score = first["score"].as_i64().expect("score");
        assert!(score < 1_000_000, "{first}");
        assert!(hits[1..].iter().all(|h| h["score"].as_i64() <= Some(score)));
    }
}

#[test]
fn a_query_with_only_weak_hits_says_so() {
    let user = User::new();
    let out = user.ok(&["search", "state", "party", "shall"]);
    assert!(out.starts_with("no good match for"), "{out}");
    assert!(out.contains("relevance under 2 of 100"), "{out}");
    assert_eq!(
        hits(&user, &["state", "party", "shall"]),
        Vec::<serde_json::Value>::new()
    );
}
