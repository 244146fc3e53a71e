//! `treaty refs` filters and sorts, and the citing-references summary of
//! `treaty show`, run as a user runs them.

mod common;

use common::{User, stderr, stdout};
use serde_json::Value;
use std::process::Output;

fn treaty(args: &[&str]) -> Output {
    User::new().run(args)
}

fn json(o: &Output) -> Vec<Value> {
    assert!(o.status.success(), "{}", stderr(o));
    common::json(&stdout(o))
        .as_array()
        .expect("an array")
        .clone()
}

fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key)
        .unwrap_or_else(|| panic!("no field {key} in {v}"))
}

#[test]
fn refs_json_adds_depth_and_keeps_every_field() {
    let all = json(&treaty(&["refs", "24", "--json"]));
    assert!(!all.is_empty());
    for r in &all {
        for key in [
            "target",
            "source",
            "paragraph",
            "basis",
            "reason",
            "citation",
            "snippet",
            "treatment",
            "asks",
        ] {
            field(r, key);
        }
        let d = field(r, "depth").as_u64().expect("depth is a number");
        assert!((1..=4).contains(&d), "{d}");
        let name = field(r, "depth_name").as_str().expect("depth_name");
        assert_eq!(
            name,
            ["mentions", "cites", "discusses", "examines"][d as usize - 1]
        );
    }
}

#[test]
fn treatment_filter_and_depth_sort() {
    let all = json(&treaty(&["refs", "24", "--json"]));
    let crit = json(&treaty(&[
        "refs",
        "24",
        "--treatment",
        "criticises",
        "--sort",
        "depth",
        "--json",
    ]));
    assert!(!crit.is_empty() && crit.len() < all.len());
    assert!(crit.iter().all(|r| r["treatment"] == "criticises"));
    let depths: Vec<u64> = crit
        .iter()
        .map(|r| r["depth"].as_u64().unwrap_or(0))
        .collect();
    assert!(depths.windows(2).all(|w| w[0] >= w[1]), "{depths:?}");
    // Several treatments, comma-separated.
    let two = json(&treaty(&[
        "refs",
        "24",
        "--treatment",
        "criticises,proposes-change",
        "--json",
    ]));
    let expected = all
        .iter()
        .filter(|r| r["treatment"] == "criticises" || r["treatment"] == "proposes-change")
        .count();
    assert_eq!(two.len(), expected);
}

#[test]
fn depth_source_and_basis_filters() {
    let all = json(&treaty(&["refs", "chapter", "IV", "--json"]));
    let deep = json(&treaty(&["refs", "IV", "--depth-min", "3", "--json"]));
    assert_eq!(
        deep.len(),
        all.iter()
            .filter(|r| r["depth"].as_u64().unwrap_or(0) >= 3)
            .count()
    );
    let zamora = json(&treaty(&["refs", "24", "--source", "zamora", "--json"]));
    assert!(!zamora.is_empty());
    assert!(zamora.iter().all(|r| r["source"] == "zamora"));
    for basis in ["cited", "inferred"] {
        let some = json(&treaty(&["refs", "23", "--basis", basis, "--json"]));
        assert!(some.iter().all(|r| r["basis"] == basis), "{basis}");
    }
}

#[test]
fn basis_suggested_keeps_only_the_suggestions() {
    let all = json(&treaty(&["refs", "56", "--json"]));
    let suggested = json(&treaty(&["refs", "56", "--basis", "suggested", "--json"]));
    assert!(!suggested.is_empty(), "Art. 56 has a suggested link");
    assert_eq!(
        suggested,
        all.iter()
            .filter(|r| r["basis"] == "suggested")
            .cloned()
            .collect::<Vec<_>>(),
        "the same entries, every field kept"
    );
    assert!(suggested.iter().all(|r| r["score"].is_number()));
    // The links of the graph are left out; `inferred` leaves the suggestions out.
    let inferred = json(&treaty(&["refs", "56", "--basis", "inferred", "--json"]));
    assert!(inferred.iter().all(|r| r["basis"] == "inferred"));
    assert_eq!(inferred.len() + suggested.len(), all.len());
    // As text: each suggestion with its score and reason.
    let o = treaty(&["refs", "56", "--basis", "suggested"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Suggested: 1 link not yet accepted or rejected"),
        "{text}"
    );
    assert!(text.contains("[suggested] "), "{text}");
    assert!(text.contains("(zamora, para 6) · score 7.15"), "{text}");
    assert!(text.contains("reason: 'economic development'"), "{text}");
    // A value it does not know names the ones it does.
    let bad = treaty(&["refs", "56", "--basis", "guessed"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("cited, inferred, suggested"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn most_critical_first() {
    // Suggested links (not in the link graph) follow the sorted ones.
    let refs: Vec<Value> = json(&treaty(&["refs", "24", "--sort", "critical", "--json"]))
        .into_iter()
        .filter(|r| r["basis"] != "suggested")
        .collect();
    let rank = |r: &Value| match r["treatment"].as_str() {
        Some("criticises") => 0,
        Some("proposes-change") => 1,
        _ => 2,
    };
    for w in refs.windows(2) {
        let (a, b) = (rank(&w[0]), rank(&w[1]));
        assert!(a <= b, "{} before {}", w[0]["treatment"], w[1]["treatment"]);
        if a == b {
            assert!(w[0]["depth"].as_u64() >= w[1]["depth"].as_u64());
        }
    }
}

#[test]
fn bad_values_name_the_valid_ones() {
    let o = treaty(&["refs", "24", "--treatment", "praises"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    for v in ["criticises", "proposes-change", "welcomes", "mentions"] {
        assert!(e.contains(v), "{e}");
    }
    let o = treaty(&["refs", "24", "--sort", "best"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("critical"), "{}", stderr(&o));
    let o = treaty(&["refs", "24", "--depth-min", "5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("1..=4") || stderr(&o).contains("1..5"));
    let o = treaty(&["refs", "24", "--source", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no source 'nobody': the sources are ")
            && stderr(&o).contains("zamora"),
        "{}",
        stderr(&o)
    );
    let o = treaty(&["refs", "24", "--since", "last year"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM"), "{}", stderr(&o));
}

#[test]
fn date_filter_keeps_dated_sources_in_range() {
    let sources = common::json(&stdout(&treaty(&["sources", "--json"])));
    let date_of = |id: &str| {
        sources
            .as_array()
            .and_then(|a| a.iter().find(|s| s["id"] == id))
            .and_then(|s| s["date"].as_str())
            .map(str::to_string)
    };
    let recent = json(&treaty(&["refs", "24", "--since", "2025", "--json"]));
    assert!(!recent.is_empty());
    for r in &recent {
        let d = date_of(r["source"].as_str().unwrap_or("")).expect("a dated source");
        assert!(d.as_str() >= "2025", "{d}");
    }
    // Links first, then suggestions: each newest first.
    let by_date = json(&treaty(&["refs", "24", "--sort", "date", "--json"]));
    for suggested in [false, true] {
        let dates: Vec<String> = by_date
            .iter()
            .filter(|r| (r["basis"] == "suggested") == suggested)
            .filter_map(|r| date_of(r["source"].as_str().unwrap_or("")))
            .collect();
        assert!(
            dates.windows(2).all(|w| w[0][..4] >= w[1][..4]),
            "{dates:?}"
        );
    }
    let first_suggested = by_date.iter().position(|r| r["basis"] == "suggested");
    assert!(
        first_suggested.is_none_or(|i| by_date[i..].iter().all(|r| r["basis"] == "suggested")),
        "suggestions come after the links"
    );
}

#[test]
fn refs_text_says_what_the_filter_kept() {
    let o = treaty(&["refs", "24", "--treatment", "welcomes"]);
    let out = stdout(&o);
    assert!(
        out.contains("1 of the ") && out.contains(" passages match the filter."),
        "{out}"
    );
    assert!(out.contains("treatment: welcomes"), "{out}");
    assert!(out.contains("      depth: "), "{out}");
}

#[test]
fn show_prints_the_summary_line_under_cited_by() {
    let text = stdout(&treaty(&["show", "24"]));
    let o = treaty(&["show", "24", "--json"]);
    let j = common::json(&stdout(&o));
    let counts = &j["summary_counts"];
    let line = counts["line"].as_str().expect("line");
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Cited by: "))
        .expect("Cited by heading");
    assert_eq!(lines[at + 1], format!("  {line}"));
    // The line's numbers are the cited_by entries', counted.
    // The counts are over the links; suggestions come after them.
    let cited_by: Vec<&Value> = j["cited_by"]
        .as_array()
        .expect("cited_by")
        .iter()
        .filter(|c| c["basis"] != "suggested")
        .collect();
    assert_eq!(counts["passages"].as_u64(), Some(cited_by.len() as u64));
    assert!(line.starts_with(&format!("{} passages · ", cited_by.len())));
    let criticise = cited_by
        .iter()
        .filter(|c| c["treatment"] == "criticises")
        .count();
    assert_eq!(
        counts["treatments"]["criticises"].as_u64(),
        Some(criticise as u64)
    );
    assert!(line.contains(&format!("{criticise} criticise")), "{line}");
    let sources: std::collections::BTreeSet<&str> = cited_by
        .iter()
        .filter_map(|c| c["source"].as_str())
        .collect();
    assert!(
        line.contains(&format!(" · {} sources · ", sources.len())),
        "{line}"
    );
    for c in j["cited_by"].as_array().expect("cited_by") {
        assert!(c["depth"].is_u64(), "{c}");
    }
    // Chapters and the preamble have the counts too.
    for place in [
        &["show", "chapter", "IV", "--json"][..],
        &["show", "preamble", "--json"],
    ] {
        let j = common::json(&stdout(&treaty(place)));
        assert!(j["summary_counts"]["passages"].is_u64(), "{place:?}");
    }
}

#[test]
fn places_with_paragraphs_and_concerns_on_the_command_line() {
    // Without a terminal the explorer prints a hint and exits 0: the place was read.
    for place in [
        &["24(2)"][..],
        &["art.", "24", "para", "2"],
        &["zamora#10"],
        &["zamora", "10"],
    ] {
        let o = treaty(place);
        assert_eq!(o.status.code(), Some(0), "{place:?}: {}", stderr(&o));
        assert!(
            stdout(&o).contains("the explorer needs a terminal"),
            "{place:?}"
        );
    }
    let o = treaty(&["zamora#999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("zamora has paragraphs 1-"),
        "{}",
        stderr(&o)
    );
    let o = treaty(&["69(2)"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("article 69 does not exist: the articles run from 1 to 68"),
        "{}",
        stderr(&o)
    );
    let o = treaty(&["nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("dual-criminality") && stderr(&o).contains("zamora"),
        "{}",
        stderr(&o)
    );
}

/// README shows Art. 24's summary line as `treaty show 24` prints it.
#[test]
fn readme_quotes_the_summary_line_of_article_24() {
    let j = common::json(&stdout(&treaty(&["show", "24", "--json"])));
    let line = j["summary_counts"]["line"].as_str().expect("line");
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("      {line}\n")),
        "README should show: {line}"
    );
}
