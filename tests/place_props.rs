//! Property tests of the go-to parser (`treaty::corpus::locate`): it never
//! panics on what a user may type, every location it can give is read back
//! from its spelling, and the different spellings of one place agree.

use proptest::prelude::*;
use std::sync::LazyLock;
use treaty::corpus::{Corpus, Destination, Location, Place, Target, locate};

static CORPUS: LazyLock<Corpus> =
    LazyLock::new(|| treaty::corpus::load_embedded().expect("the embedded corpus loads"));

/// Pieces that steer random input towards the forms the parser reads.
const PIECES: &[&str] = &[
    "24",
    "69",
    "0",
    "99999999999999999999999",
    "(",
    ")",
    "(2)",
    "(b)",
    "#",
    "#10",
    " ",
    ",",
    "art.",
    "article ",
    "para ",
    "paragraph ",
    " of ",
    "§",
    "chapter ",
    "IV",
    "x",
    "preamble",
    "source ",
    "zamora",
    "zam",
    "concern ",
    "dual-criminality",
    "Scope",
    "é",
    "\u{202e}",
    "\t",
    ":",
];

fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|v| v.concat()),
    ]
}

fn location() -> impl Strategy<Value = Location> {
    let c = &*CORPUS;
    let sources = c.sources.len();
    let concerns = c.concerns.len().max(1);
    prop_oneof![
        (
            1u8..=68,
            prop::option::of(1usize..40),
            prop::option::of(prop::char::range('a', 'z'))
        )
            .prop_map(|(n, p, item)| Location {
                to: Destination::Place(Place::Target(Target::Article(n))),
                paragraph: p,
                item: p.and(item),
            }),
        (1u8..=9).prop_map(|n| Location::place(Place::Target(Target::Chapter(n)))),
        Just(Location::place(Place::Target(Target::Preamble))),
        (0..sources, any::<bool>(), any::<prop::sample::Index>()).prop_map(|(i, with, at)| {
            let n = CORPUS.sources[i].passages.len();
            Location {
                to: Destination::Place(Place::Source(i)),
                paragraph: (with && n > 0).then(|| at.index(n) + 1),
                item: None,
            }
        }),
        (0..concerns).prop_map(|i| Location {
            to: Destination::Concern(i),
            paragraph: None,
            item: None,
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_reads_back_and_errors_are_one_clean_line(input in typed()) {
        match locate(&CORPUS, &input) {
            Ok(loc) => prop_assert_eq!(locate(&CORPUS, &loc.spelled(&CORPUS)), Ok(loc)),
            Err(e) => {
            let msg = e.to_string();
            prop_assert!(!msg.is_empty());
            prop_assert!(!msg.contains('\n'), "{:?}", msg);
            prop_assert!(!msg.chars().any(treaty::text::is_unsafe), "{:?}", msg);
            }
        }
    }

    #[test]
    fn spelling_round_trips(loc in location()) {
        prop_assume!(!CORPUS.concerns.is_empty() || !matches!(loc.to, Destination::Concern(_)));
        let spelled = loc.spelled(&CORPUS);
        prop_assert_eq!(locate(&CORPUS, &spelled), Ok(loc), "{}", spelled);
    }

    #[test]
    fn article_paragraph_spellings_agree(n in 1u8..=68, p in 1usize..30) {
        let want = locate(&CORPUS, &format!("{n}({p})"));
        prop_assert!(want.is_ok());
        for form in [
            format!("art. {n} para {p}"),
            format!("Article {n}, paragraph {p}"),
            format!("paragraph {p} of article {n}"),
            format!("article {n}({p})"),
        ] {
            prop_assert_eq!(&locate(&CORPUS, &form), &want, "{}", form);
        }
    }

    #[test]
    fn out_of_range_articles_say_the_range(n in 69u32..100_000, p in 0usize..5) {
        let e = locate(&CORPUS, &format!("{n}({p})")).expect_err("no such article");
        prop_assert_eq!(
            e.to_string(),
            format!("article {n} does not exist: the articles run from 1 to 68")
        );
    }
}
