//! The article summaries of the embedded corpus: the facts negotiators quote
//! from them (issue 12), their shape (two to four sentences that say more
//! than the title), and that they stay the project's words, labelled so.
//! Where each fact was checked is recorded in data/summaries-checked.md.

use treaty::corpus::{Corpus, load_embedded};

fn corpus() -> Corpus {
    match load_embedded() {
        Ok(c) => c,
        Err(problems) => panic!("the embedded corpus does not load: {problems:?}"),
    }
}

fn summary(c: &Corpus, n: u8) -> String {
    match c.article(n) {
        Some(a) => a.summary.clone(),
        None => panic!("no article {n} in the corpus"),
    }
}

/// Asserts that Art. `n`'s summary contains each of `needles` (case-blind),
/// naming the fact so that a failure says what a reader would lose.
fn says(c: &Corpus, n: u8, fact: &str, needles: &[&str]) {
    let s = summary(c, n);
    let lower = s.to_lowercase();
    for needle in needles {
        assert!(
            lower.contains(&needle.to_lowercase()),
            "Art. {n} must say {fact} ({needle:?}): {s}"
        );
    }
}

fn never_says(c: &Corpus, n: u8, why: &str, needles: &[&str]) {
    let s = summary(c, n);
    let lower = s.to_lowercase();
    for needle in needles {
        assert!(
            !lower.contains(&needle.to_lowercase()),
            "Art. {n}: {why} ({needle:?}): {s}"
        );
    }
}

/// Sentences of a summary: a full stop, question or exclamation mark that
/// ends the text or is followed by a space and a capital, a digit or an
/// opening mark. Abbreviations such as "Art." would count as an end, so a
/// summary writes "Article" in full (checked below).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut n = 0;
    for (i, &ch) in chars.iter().enumerate() {
        if !matches!(ch, '.' | '?' | '!') {
            continue;
        }
        match (chars.get(i + 1), chars.get(i + 2)) {
            (None, _) => n += 1,
            (Some(' '), Some(next))
                if next.is_uppercase() || next.is_ascii_digit() || "“\"(".contains(*next) =>
            {
                n += 1
            }
            _ => {}
        }
    }
    n
}

/// Words of at least four letters, lower-cased, without the ones every
/// summary uses, so that what is left is what a summary adds.
fn content_words(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "this",
        "that",
        "these",
        "those",
        "with",
        "from",
        "into",
        "under",
        "which",
        "where",
        "when",
        "their",
        "them",
        "they",
        "each",
        "must",
        "shall",
        "also",
        "such",
        "other",
        "article",
        "convention",
        "state",
        "states",
        "party",
        "parties",
        "provides",
        "concerns",
        "addresses",
        "sets",
        "about",
        "there",
        "have",
        "been",
        "will",
        "within",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(&w.as_str()))
        .collect()
}

#[test]
fn the_sentence_counter_counts_what_a_reader_counts() {
    assert_eq!(sentences("One. Two (Article 2). Three."), 3);
    assert_eq!(sentences("A “serious crime” is one. 90 days pass."), 2);
    assert_eq!(sentences("Up to 4.5 years; e.g. this."), 1);
}

#[test]
fn every_summary_has_two_to_four_sentences() {
    let c = corpus();
    let n = sentences(&c.convention.preamble.summary);
    assert!(
        (2..=4).contains(&n),
        "preamble: {n} sentences: {}",
        c.convention.preamble.summary
    );
    for a in c.articles() {
        let n = sentences(&a.summary);
        assert!(
            (2..=4).contains(&n),
            "Art. {}: {n} sentences: {}",
            a.number,
            a.summary
        );
        for abbreviation in ["Art. ", "Arts. ", "e.g.", "i.e.", "para. "] {
            assert!(
                !a.summary.contains(abbreviation),
                "Art. {}: write {abbreviation:?} in full so sentences count right",
                a.number
            );
        }
    }
}

/// Ten words beyond the title: the summaries this replaced ("Provides for
/// the liability of legal persons.") added none to three; a real one adds
/// the who, the conditions and the exceptions.
#[test]
fn no_summary_merely_repeats_its_title() {
    let c = corpus();
    for a in c.articles() {
        let title = content_words(&a.title);
        let mut added: Vec<String> = content_words(&a.summary)
            .into_iter()
            .filter(|w| !title.iter().any(|t| t == w))
            .collect();
        added.sort();
        added.dedup();
        assert!(
            added.len() >= 10,
            "Art. {} ({}) adds only {added:?} to its title: {}",
            a.number,
            a.title,
            a.summary
        );
    }
}

#[test]
fn summaries_are_labelled_as_the_projects_words() {
    let c = corpus();
    assert!(!c.convention.preamble.summary_is_official);
    for a in c.articles() {
        assert!(!a.summary_is_official, "Art. {}", a.number);
        // What critics say belongs to the sources and their links, never to
        // the summary of what the article does.
        never_says(&c, a.number, "critics' views are not content", &["critic"]);
    }
}

#[test]
fn the_preamble_is_summarised() {
    let c = corpus();
    let p = c.convention.preamble.summary.to_lowercase();
    assert!(!p.contains("does not summari"), "{p}");
    for fact in [
        "gender perspective",
        "human rights",
        "victims",
        "civil society",
    ] {
        assert!(
            p.contains(fact),
            "the preamble summary must mention {fact}: {p}"
        );
    }
}

#[test]
fn serious_crime_is_a_maximum_penalty_of_four_years() {
    let c = corpus();
    for n in [2, 35] {
        says(
            &c,
            n,
            "that a serious crime is judged by its MAXIMUM penalty",
            &["maximum penalty", "at least four years"],
        );
    }
}

#[test]
fn procedural_powers_serve_specific_investigations() {
    let c = corpus();
    says(
        &c,
        23,
        "the limit to specific investigations and its three fields",
        &[
            "specific criminal investigations or proceedings",
            "electronic evidence of any criminal offence",
            "Article 29",
        ],
    );
    says(
        &c,
        24,
        "the safeguards and proportionality",
        &["proportionality", "independent", "effective remedy"],
    );
    says(
        &c,
        28,
        "what paragraph 4 compels",
        &["paragraph 4", "as is reasonable", "necessary information"],
    );
}

#[test]
fn the_serious_offence_limit_is_on_interception_of_content() {
    let c = corpus();
    says(
        &c,
        30,
        "that interception is limited to serious offences set by domestic law",
        &["range of serious offences", "domestic law"],
    );
    says(
        &c,
        29,
        "that real-time traffic data has no such limit of its own",
        &["does not limit", "Article 23"],
    );
}

#[test]
fn extradition_states_dual_criminality_and_its_waiver() {
    let c = corpus();
    says(
        &c,
        37,
        "dual criminality, the waiver, nationals, persecution and fair treatment",
        &[
            "dual criminality",
            "whose law allows it may nevertheless grant extradition",
            "not punishable under its own law",
            "its national",
            "political views",
            "among the grounds the article lists",
            "fair treatment",
        ],
    );
    says(
        &c,
        40,
        "that mutual legal assistance may be refused for lack of dual criminality",
        &["may decline for lack of dual criminality", "bank secrecy"],
    );
}

#[test]
fn personal_data_transfers_state_all_three_safeguards() {
    let c = corpus();
    says(
        &c,
        36,
        "refusal of unlawful transfers, the receiver's safeguards and onward transfers",
        &[
            "not required to transfer",
            "effective and appropriate safeguards",
            "third country or an international organization",
            "authorized it beforehand",
        ],
    );
}

#[test]
fn sovereignty_bars_only_functions_reserved_exclusively() {
    let c = corpus();
    says(
        &c,
        5,
        "that the bar covers functions reserved exclusively to another State",
        &["exclusively", "territorial integrity"],
    );
}

#[test]
fn grooming_exclusion_is_conduct_committed_by_children() {
    let c = corpus();
    says(
        &c,
        15,
        "the exclusion for children",
        &["committed by children"],
    );
    never_says(
        &c,
        15,
        "the exclusion is conduct committed by children",
        &["between children"],
    );
    says(
        &c,
        14,
        "the exclusion for self-generated material",
        &["self-generated"],
    );
}

#[test]
fn the_conference_and_protocols_are_what_the_articles_say() {
    let c = corpus();
    says(
        &c,
        57,
        "what the Conference does",
        &[
            "review",
            "implementation",
            "Secretary-General",
            "rules of procedure",
        ],
    );
    never_says(
        &c,
        57,
        "'no suspension mechanism' is the critics' point, not the article",
        &["suspen"],
    );
    says(
        &c,
        62,
        "who adopts protocols, the threshold and where the mandate comes from",
        &[
            "Conference of the States Parties",
            "at least 60 States Parties",
            "79/243",
        ],
    );
    says(
        &c,
        61,
        "that protocols bind only their parties",
        &["not joined"],
    );
}

#[test]
fn final_clauses_keep_their_dates_and_numbers() {
    let c = corpus();
    says(
        &c,
        64,
        "where and until when to sign",
        &["Hanoi", "2025", "31 December 2026"],
    );
    says(
        &c,
        65,
        "entry into force",
        &["ninetieth day", "forty instruments"],
    );
    says(
        &c,
        66,
        "the amendment majority",
        &["two thirds", "consensus"],
    );
    says(&c, 67, "when denunciation takes effect", &["one year"]);
    says(
        &c,
        68,
        "the depositary and the six authentic languages",
        &[
            "Secretary-General",
            "Arabic, Chinese, English, French, Russian and Spanish",
            "equally authentic",
        ],
    );
}
