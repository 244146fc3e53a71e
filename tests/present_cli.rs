//! `treaty present` and the settings flags as a user runs them: help, exit
//! codes and messages for a deck, a theme or a config file that is wrong.

mod common;

use common::{stderr, stdout};
use std::process::Output;

/// Runs the binary with an empty user library and its settings in
/// `config_home`; `NO_COLOR` is left as the test process has it.
fn treaty_in(config_home: &std::path::Path, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    common::run_treaty(
        args,
        &[
            ("TREATY_DATA_HOME", home.path().as_os_str()),
            ("XDG_CONFIG_HOME", config_home.as_os_str()),
        ],
    )
}

fn treaty(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("tempdir");
    treaty_in(config.path(), args)
}

#[test]
fn present_help_explains_the_decks_and_keys() {
    let o = treaty(&["present", "--help"]);
    assert!(o.status.success());
    let s = stdout(&o);
    for word in [
        "--deck",
        "bookmarks",
        "chapter IV",
        "concern ID",
        "PageDown",
        "--theme",
    ] {
        assert!(s.contains(word), "{word}: {s}");
    }
}

#[test]
fn an_unknown_deck_is_exit_2_naming_the_valid_ones() {
    let o = treaty(&["present", "--deck", "slides please"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("no deck \"slides please\""), "{e}");
    assert!(
        e.contains("bookmarks") && e.contains("chapter IV") && e.contains("scope"),
        "{e}"
    );
    let o = treaty(&["present", "--deck", "chapter XII"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("I to IX"), "{}", stderr(&o));
    let o = treaty(&["present", "--deck", "concern nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the concerns are"), "{}", stderr(&o));
    let o = treaty(&["present", "--deck", "bookmarks"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no bookmarks"), "{}", stderr(&o));
}

#[test]
fn a_good_deck_without_a_terminal_says_what_it_would_show() {
    let o = treaty(&["present", "--deck", "chapter IV"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("needs a terminal"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Chapter IV"), "{}", stdout(&o));
}

#[test]
fn a_bad_theme_or_config_is_exit_2_naming_the_problem() {
    let o = treaty(&["present", "--theme", "neon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("high-contrast"), "{}", stderr(&o));
    let config = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(config.path().join("treaty")).expect("mkdir");
    let file = config.path().join("treaty/config.toml");
    std::fs::write(&file, "mouse = false\n[keys]\nquit = \"hyper-q\"\n").expect("write");
    let o = treaty_in(config.path(), &["present", "--deck", "IV"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains(&format!("{}:3: ", file.display())), "{e}");
    assert!(e.contains("\"hyper-q\" is not a key"), "{e}");
}

/// `present --export html`: the whole deck as one file a browser opens and
/// prints, read back here; a second export never overwrites the first; the
/// user's own memo only with --with-own, apart and escaped.
#[test]
fn present_export_html_writes_the_whole_deck_to_one_file() {
    let home = tempfile::tempdir().expect("tempdir");
    let config = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let env = [
        ("TREATY_DATA_HOME", home.path().as_os_str()),
        ("XDG_CONFIG_HOME", config.path().as_os_str()),
    ];
    let memo = out.path().join("memo.md");
    std::fs::write(
        &memo,
        "Article 24 of the convention: we support these safeguards <b>as drafted</b>.\n",
    )
    .expect("write");
    let o = common::run_treaty(
        &[
            "import",
            memo.to_str().expect("utf-8"),
            "--title",
            "Our <script>alert(1)</script> position",
            "--short",
            "Ministry memo",
        ],
        &env,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let file = out.path().join("deck.html");
    let path = file.to_str().expect("utf-8");
    let o = common::run_treaty(
        &["present", "--deck", "chapter IV", "--export", "html", path],
        &env,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("deck.html"),
        "says where: {}",
        stdout(&o)
    );
    let html = std::fs::read_to_string(&file).expect("written");
    // The title slide, the chapter, its twelve articles: a section each.
    assert_eq!(html.matches("<section").count(), 14, "{html}");
    assert!(html.contains("What it covers"), "{html}");
    assert!(html.contains("12 articles (23 to 34)"), "{html}");
    assert!(html.contains("Conditions and safeguards"), "{html}");
    assert!(html.contains("What the critiques say ("), "{html}");
    assert!(html.contains("break-after:page"), "a page a slide in print");
    assert!(!html.contains("<script"), "no script at all");
    assert!(
        !html.contains("Ministry memo"),
        "the memo is the user's, not a critique"
    );
    // Again, with the user's documents: a new file, the first kept.
    let o = common::run_treaty(
        &[
            "present",
            "--deck",
            "chapter IV",
            "--with-own",
            "--export",
            "html",
            path,
        ],
        &env,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("deck-2.html"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), html);
    let with = std::fs::read_to_string(out.path().join("deck-2.html")).expect("written");
    assert!(with.contains("Your documents (1, not critiques)"), "{with}");
    assert!(with.contains("Ministry memo, para 1"), "{with}");
    assert!(
        with.contains("&lt;b&gt;as drafted&lt;/b&gt;"),
        "escaped: {with}"
    );
    assert!(!with.contains("<script"), "{with}");
}

/// `p` in the explorer and `treaty present --deck "chapter IV"` are one
/// deck: the binary's count of slides at 80x24 is the explorer's.
#[test]
fn p_and_present_deck_count_the_same_slides() {
    let o = treaty(&["present", "--deck", "chapter IV"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    let corpus = treaty::corpus::load_embedded().expect("the embedded corpus loads");
    for place in ["IV", "24"] {
        let mut a = common::App::open(corpus.clone(), place, 80, 24);
        a.keys(&[common::key('p')]);
        let Some(treaty::app::state::Overlay::Present(deck)) = &a.state.overlay else {
            panic!("presenting");
        };
        assert_eq!(
            deck.slides.len(),
            14,
            "the title slide, the chapter, 12 articles"
        );
        let n = deck.pages.len();
        assert!(
            said.contains(&format!(
                "covers 14 items (its title slide first) and takes {n} slides on an 80x24 screen"
            )),
            "p on {place}: {n}; the binary: {said}"
        );
    }
}

/// Without a file, `--export html` writes a new file named after the deck
/// and the date in the current directory, never over the last one.
#[test]
fn present_export_html_names_a_new_file_in_the_current_directory() {
    let home = tempfile::tempdir().expect("tempdir");
    let here = tempfile::tempdir().expect("tempdir");
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_treaty"))
            .args([
                "present",
                "--deck",
                "concern dual criminality",
                "--export",
                "html",
            ])
            .env("TREATY_DATA_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .current_dir(here.path())
            .output()
            .expect("runs")
    };
    let today = treaty::user::brief::today();
    for name in ["", "-2"] {
        let o = run();
        assert!(o.status.success(), "{}", stderr(&o));
        let file = format!("slides-concern-dual-criminality-and-{today}{name}.html");
        assert!(stdout(&o).contains(&file), "{}", stdout(&o));
        let html = std::fs::read_to_string(here.path().join(&file)).expect("written");
        assert!(html.contains("Dual criminality"), "{html}");
    }
}
